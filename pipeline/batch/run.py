"""An audit run: reports read, mandates prepared once, tasks planned from the cache and run, folders written.

Each member's folder is written as its result arrives; in a batch the coverage matrix follows. On a cold run the
mandates are read in a forked child while this process reads the reports (overlap.mandates_beside).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import ConfigError, InputError, WsisAuditError
from .caching import _cached_document, _cached_record, _cached_signals, _parser_version, _passages_key, audit_key
from .local import execute
from .members import AuditRun, Member
from .naming import member_names
from .overlap import mandates_beside, serial_reason
from .publish import _current, _publish
from .tasks import MemberResult, MemberTask, _model

Step = Callable[[str, int], None]  # on_step(description, advance): what the run is doing, and how far it got
Pending = tuple[int, str | None, str | None]  # a task's member, audit key and passage key


@dataclass(frozen=True, slots=True, kw_only=True)
class _Read:
    """A report read in this process while a forked child read the mandates: given to its task, and cached once
    it is judged (where its task would have cached it)."""

    document: object  # model.Document
    signals: tuple | None  # its passages' signals (None: its task computes them)


def run_audits(reports: Sequence[Path], mandates: Sequence[Path], config: Config, *, out_dir: Path | None,
               batch: bool, formats: tuple[str, ...], decisions: Path | None = None, model_path: Path | None = None,
               cache=None, jobs: int = 1, scheduler: str | None = None, debug: bool = False,
               on_step: Step | None = None, overlap: bool = True) -> AuditRun:
    """Audit each report against the mandates and write its outputs: into `out_dir` for a single report, into
    `out_dir/<report name>/` plus the coverage matrix for a batch; `out_dir` None writes nothing (the record goes
    to standard output). An unchanged audit comes from `cache` (a pipeline.cache.Cache) and only its missing
    outputs are rendered. A report that fails is listed and the others go on. `overlap` False (or the environment
    variable WSIS_AUDIT_NO_OVERLAP=1) reads the mandates here before the reports, never in a forked child."""
    from ..parse import parse_cached

    step = on_step or (lambda description, advance: None)
    if decisions is not None and batch:
        raise ConfigError("--decisions names one report's decisions file; in a batch each report's folder keeps "
                          "its own decisions.csv", hint="leave out --decisions, or audit that report alone")
    members = _members(reports, out_dir, batch)
    data = _read_reports(members, config, batch, step)
    read_here: dict[int, _Read] = {}
    mandate_set = _mandates(list(mandates), members, data, config, cache=cache, step=step, overlap=overlap,
                            read_here=read_here)
    run = AuditRun(mandates=mandate_set, members=members)
    if not mandate_set.requirements:
        if not batch:  # a single report's own error comes before its mandates'
            read = read_here.get(0)
            if read is None:
                parse_cached(data[0], path=str(members[0].path), cache=cache)
            elif cache is not None:  # parsed beside the mandates, without error: cached as that parse would be
                cache.put_document(read.document, _parser_version(read.document.format))
        return run  # nothing to judge: the mandates' failures say why, and nothing is written
    tasks, pending = _plan(members, data, mandate_set, config, formats=formats, decisions=decisions,
                           model_path=model_path, cache=cache, step=step, read_here=read_here)
    outputs = _Outputs(members, tasks, pending, formats, cache, step, read_here)
    needs_mandates = any(t.record is None for t in tasks)
    if needs_mandates:
        _model(None if model_path is None else str(model_path))  # a missing or wrong model stops the run once
    dispatched = {i for i, _, _ in pending}
    for i, m in enumerate(members):  # already up to date: nothing to compute or render
        if m.shown is not None and i not in dispatched:
            outputs.write(m, {})
    execute(tasks, mandate_set if needs_mandates else None, config, None if model_path is None else str(model_path),
            jobs=jobs, scheduler=scheduler, on_done=outputs.done, debug=debug)
    if batch and out_dir is not None:
        from ..report.matrix import publish_matrix

        run.matrix, run.matrix_written = publish_matrix(run, Path(out_dir), formats)
    return run


def _members(reports: Sequence[Path], out_dir: Path | None, batch: bool) -> list[Member]:
    """One member per report, with the folder its outputs go to (None: standard output)."""
    names = member_names(list(reports)) if batch else [""]
    return [Member(path=Path(r), name=n, folder=None if out_dir is None else (Path(out_dir) / n if batch else
                                                                             Path(out_dir)))
            for r, n in zip(reports, names)]


def _read_reports(members: list[Member], config: Config, batch: bool, step: Step) -> dict[int, bytes]:
    """Each member's bytes by its index; in a batch a report that cannot be read is that member's error."""
    from ..parse import read_bytes

    data: dict[int, bytes] = {}
    for i, m in enumerate(members):
        step(f"reading {m.path.name}", 0)
        try:
            data[i] = read_bytes(m.path, max_bytes=_max_bytes(config))
        except InputError as exc:
            if not batch:  # a single report that cannot be read stops the audit, as it always did
                raise
            m.error = exc
        step(f"reading {m.path.name}", 1)
    return data


def _mandates(mandates: list[Path], members: list[Member], data: dict[int, bytes], config: Config, *, cache,
              step: Step, overlap: bool, read_here: dict[int, _Read]):
    """The mandates, prepared once (audit.prepare_mandates). When some report must be parsed, a forked child reads
    the mandates while this process reads the reports in order (at least the first, then more while the child is
    still at work) into `read_here`; otherwise, or where a fork is not safe (overlap.serial_reason), they are read
    here, as before."""
    from ..audit import prepare_mandates

    def on_document(path: str) -> None:
        step(f"reading {Path(path).name}", 1)

    todo = [i for i, m in enumerate(members) if m.error is None and _to_parse(data[i], cache)]
    if not mandates or not todo or serial_reason(overlap) is not None:
        return prepare_mandates(mandates, config, cache=cache, on_document=on_document)

    def work(done: Callable[[], bool]) -> None:
        for n, i in enumerate(todo):
            if n and done():  # the mandates are ready: the other reports are parsed by their tasks
                return
            read = _read_report(data[i], str(members[i].path), config)
            if read is not None:
                read_here[i] = read

    return mandates_beside(mandates, config, cache=cache, work=work, on_document=on_document)


def _to_parse(data: bytes, cache) -> bool:
    """Whether a report's parse is not in the cache (a file no parser reads is refused by its task: not parsed)."""
    from ..parse import PARSER_VERSIONS, detect_format

    version = PARSER_VERSIONS.get(detect_format(data)) if data.strip() else None
    if version is None:
        return False
    return cache is None or not cache.has_document(hashlib.sha256(data).hexdigest(), version)


def _read_report(data: bytes, path: str, config: Config) -> _Read | None:
    """A report parsed and its passages read, as its task would (run_member); None when that fails: its task parses
    it again and reports the error where it always did, after the mandates'."""
    from ..audit import report_signals
    from ..parse import parse_cached

    try:
        document = parse_cached(data, path=path)
    except Exception:  # noqa: BLE001
        return None
    try:
        signals = tuple(report_signals(document, config))
    except Exception:  # noqa: BLE001  (its task computes them again and fails there)
        signals = None
    return _Read(document=document, signals=signals)


def _plan(members: list[Member], data: dict[int, bytes], mandate_set, config: Config, *, formats: tuple[str, ...],
          decisions: Path | None, model_path: Path | None, cache, step: Step,
          read_here: dict[int, _Read]) -> tuple[list[MemberTask], list[Pending]]:
    """The tasks to run and, for each, its member and cache keys. A member whose record is cached gets its record
    as shown here, and a task only for the formats its folder lacks (none: it is up to date). A report read here
    already (`read_here`) goes to its task parsed, with its passages' signals."""
    from ..audit import component_versions
    from ..review import DECISIONS_FILE, apply_decisions, load_decisions

    versions = component_versions(config)
    model_sha = _model_sha(model_path)
    mandate_key = {"documents": [[d.path, d.sha256] for d in mandate_set.mandates],
                   "failures": [f.to_dict() for f in mandate_set.failures], "warnings": list(mandate_set.warnings)}
    tasks: list[MemberTask] = []
    pending: list[Pending] = []
    for i, m in enumerate(members):
        if m.error is not None:
            continue
        sha = hashlib.sha256(data[i]).hexdigest()
        # Standard output shows the record as it is unless a decisions file is named; a folder's own is applied.
        source = decisions if decisions is not None else (m.folder / DECISIONS_FILE if m.folder else None)
        chosen = None if source is None else tuple(load_decisions(source))
        key = audit_key(str(m.path), sha, mandate_key, config, versions, model_sha) if cache is not None else None
        record = _cached_record(cache, key)
        if record is not None:
            m.shown = record if chosen is None else apply_decisions(record, list(chosen))
            current = _current(m, formats, cache) if m.folder else set()
            missing = tuple(f for f in formats if f not in current) if m.folder else ()
            if missing:
                tasks.append(MemberTask(path=str(m.path), record=record, decisions=chosen, formats=missing))
                pending.append((i, None, None))
            else:
                step(f"judged {m.path.name}", 1)
            continue
        pkey = _passages_key(cache, data[i], config) if cache is not None else None
        read = read_here.get(i)
        signals = read.signals if read is not None and read.signals is not None else _cached_signals(cache, pkey)
        document = read.document if read is not None else (
            _cached_document(cache, data[i], str(m.path)) if cache is not None else None)
        tasks.append(MemberTask(path=str(m.path), data=None if document is not None else data[i], document=document,
                                signals=signals, decisions=chosen,
                                formats=formats if m.folder is not None else (), versions=versions))
        pending.append((i, key, pkey))
    return tasks, pending


def _model_sha(model_path: Path | None) -> str:
    """The hash of the judge's model file (part of every audit key); a missing model raises its artifact error."""
    from ..judge.model import model_file

    try:
        return hashlib.sha256(model_file(model_path).read_bytes()).hexdigest()
    except OSError:
        from ..judge.model import load_model

        load_model(model_path)  # raises the artifact error with its hint
        raise


class _Outputs:
    """Each task's result as it arrives: cached, and its member's folder written (its files not kept)."""

    def __init__(self, members: list[Member], tasks: list[MemberTask], pending: list[Pending],
                 formats: tuple[str, ...], cache, step: Step, read_here: dict[int, _Read]) -> None:
        self.members, self.tasks, self.pending = members, tasks, pending
        self.formats, self.cache, self.step, self.read_here = formats, cache, step, read_here

    def write(self, m: Member, files: dict[str, bytes]) -> None:
        """The member's folder: the rendered files, and the others already up to date kept."""
        if m.error is None and m.folder is not None and m.shown is not None:
            self.step(f"writing {m.folder}", 0)
            try:
                _publish(m, self.formats, self.cache, files)
            except WsisAuditError as exc:  # a folder in the way or locked: this report fails, the others go on
                m.error, m.shown = exc, None
            self.step(f"wrote {m.folder}", len(self.formats))

    def done(self, t: int, result: MemberResult) -> None:
        """A task's result, as soon as it is there: cached, and its folder written (its files not kept)."""
        i, key, pkey = self.pending[t]
        m = self.members[i]
        self.step(f"judged {m.path.name}", 1)
        if result.error is not None:
            m.error = result.error
            return
        m.shown, m.computed = result.shown, self.tasks[t].record is None
        cache = self.cache
        if m.computed and cache is not None:
            from ..model import to_plain

            cache.put("audit", key, result.record)
            read = self.read_here.get(i)  # what this process read for the task, cached as the task's own would be
            document = result.document if result.document is not None else read and read.document
            signals = result.signals if result.signals is not None else read and read.signals
            if document is not None:
                cache.put_document(document, _parser_version(document.format))
            if signals is not None and pkey is not None:
                cache.put("passages", pkey, [to_plain(x) for x in signals])
        self.write(m, result.files)
        result.files.clear()  # written: the bytes are not kept for the rest of the batch


def _max_bytes(config: Config) -> int:
    return int(config.max_size_mb * 1_000_000)
