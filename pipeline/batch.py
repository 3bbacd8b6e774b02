"""Audits of one or many reports against the same mandates: each report's work as a pure function, run in this
process, in worker processes (`jobs`) or on a Dask cluster (`scheduler`), with the result cache in front.

The mandates are parsed and extracted once; every report is then one task: `run_member(task, mandates, config,
model)` takes plain, picklable data (the report's bytes or its cached parse, the cached record if there is one,
the reviewer decisions, the formats to render) and returns plain data (the coverage record, the rendered files,
what is worth caching). Only this process reads inputs, consults and fills the cache and writes outputs, so a
Dask worker needs neither the files nor the cache folder, and results are byte-identical wherever they ran.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .config import Config
from .errors import ConfigError, ExitCode, InputError, WsisAuditError

# The files a folder given as --report contributes, by extension (case ignored).
REPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")
# How long a client waits for a Dask scheduler to answer before saying it cannot reach it.
CONNECT_TIMEOUT_S = 15


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberTask:
    """One report's work, as sent to a worker."""

    path: str  # the report as given: provenance in coverage.json
    data: bytes | None = None  # its bytes, to parse (None when `document` or `record` is given)
    document: object | None = None  # its parsed Document, from the cache
    signals: tuple | None = None  # its passage signals, from the cache
    record: dict | None = None  # its coverage record, from the cache: nothing left to compute
    decisions: tuple | None = None  # reviewer decisions (review.Decision) to apply; None: the record as it is
    formats: tuple[str, ...] = ()  # formats to render
    versions: dict = field(default_factory=dict)  # component versions the record must be made with


@dataclass(frozen=True, slots=True, kw_only=True)
class MemberResult:
    """What a worker gives back for one report: the record as computed and as shown (decisions applied), the
    rendered files, and what it computed that is worth caching; or the error that stopped it."""

    path: str
    record: dict | None = None
    shown: dict | None = None
    files: dict[str, bytes] = field(default_factory=dict)
    document: object | None = None
    signals: tuple | None = None
    error: WsisAuditError | None = None


def run_member(task: MemberTask, mandates, config: Config, model_path: str | None, debug: bool = False) -> MemberResult:
    """Audit one report (unless its record is given) and render the formats asked for. Never raises (unless
    `debug`): an error is the result, and a bad report never stops the others."""
    try:
        return _run_member(task, mandates, config, model_path)
    except WsisAuditError as exc:
        if debug:
            raise
        return MemberResult(path=task.path, error=exc)
    except Exception as exc:  # a bug must not lose the other reports' work; it is reported with its own code
        if debug:
            raise
        return MemberResult(path=task.path, error=WsisAuditError(
            f"internal error: {type(exc).__name__}: {exc}"[:300], hint="run again with --debug and report it",
            location=task.path, code=ExitCode.INTERNAL))


def _run_member(task: MemberTask, mandates, config: Config, model_path: str | None) -> MemberResult:
    from .review import apply_decisions

    record, document, signals = task.record, None, None
    if record is None:
        from .audit import AuditInputs, audit, report_signals
        from .parse import parse_cached

        document = task.document if task.document is not None else parse_cached(task.data, path=task.path)
        signals = task.signals if task.signals is not None else report_signals(document, config)
        record = audit(AuditInputs.of(document, mandates), config, _model(model_path), passage_signals=signals)
        if task.versions and record["run"]["versions"] != task.versions:
            from .errors import ArtifactError

            raise ArtifactError("this worker runs other component versions than the machine that started the audit",
                                hint="install the same wsis-audit version on every Dask worker", location=task.path)
    shown = record if task.decisions is None else apply_decisions(record, list(task.decisions))
    return MemberResult(path=task.path, record=record, shown=shown, files=render(shown, task.formats),
                        document=document if task.document is None else None,
                        signals=tuple(signals) if signals is not None and task.signals is None else None)


@lru_cache(maxsize=2)
def _model(model_path: str | None):
    """The judge, loaded once per process (a worker keeps it between reports)."""
    from .judge.model import load_model

    return load_model(Path(model_path) if model_path else None)


def render(shown: dict, formats: Sequence[str]) -> dict[str, bytes]:
    """The record rendered in each format: {file name: bytes}."""
    if not formats:
        return {}
    from .report import write_formats

    with tempfile.TemporaryDirectory(prefix="wsis-audit-render-") as tmp:
        return {p.name: p.read_bytes() for p in write_formats(shown, Path(tmp), tuple(formats))}


# ---------------------------------------------------------------- an audit run: reports, cache, outputs


@dataclass(slots=True, kw_only=True)
class Member:
    """One report of a run: where its outputs go, its record as shown (decisions applied) or its error, and what
    was written, kept (already up to date) or removed in its folder."""

    path: Path
    name: str  # its folder under OUT in a batch; "" for a single audit, whose folder is OUT itself
    folder: Path | None  # None: standard output
    shown: dict | None = None
    error: WsisAuditError | None = None
    computed: bool = False  # False: its record came from the cache
    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    sha: str | None = None  # the hash of `shown` (_shown_sha)


@dataclass(slots=True, kw_only=True)
class AuditRun:
    """What a run did: the mandates (read once), every report, and in a batch the coverage matrix."""

    mandates: object  # audit.MandateSet
    members: list[Member]
    matrix: dict | None = None
    matrix_written: list[Path] = field(default_factory=list)

    @property
    def failures(self) -> list[WsisAuditError]:
        """Every error of the run, in order: unreadable mandates, mandates without requirements, then reports."""
        m = self.mandates
        return [*m.failures, *m.empty_mandates, *(x.error for x in self.members if x.error is not None)]


def run_audits(reports: Sequence[Path], mandates: Sequence[Path], config: Config, *, out_dir: Path | None,
               batch: bool, formats: tuple[str, ...], decisions: Path | None = None, model_path: Path | None = None,
               cache=None, jobs: int = 1, scheduler: str | None = None, debug: bool = False,
               on_step: Callable[[str, int], None] | None = None) -> AuditRun:
    """Audit each report against the mandates and write its outputs: into `out_dir` for a single report, into
    `out_dir/<report name>/` plus the coverage matrix for a batch; `out_dir` None writes nothing (the record goes
    to standard output). An unchanged audit comes from `cache` (a pipeline.cache.Cache) and only its missing
    outputs are rendered. A report that fails is listed and the others go on."""
    from .audit import component_versions, prepare_mandates
    from .judge.model import model_file
    from .parse import parse_cached, read_bytes
    from .review import DECISIONS_FILE, apply_decisions, load_decisions

    step = on_step or (lambda description, advance: None)
    if decisions is not None and batch:
        raise ConfigError("--decisions names one report's decisions file; in a batch each report's folder keeps "
                          "its own decisions.csv", hint="leave out --decisions, or audit that report alone")
    names = member_names(list(reports)) if batch else [""]
    members = [Member(path=Path(r), name=n, folder=None if out_dir is None else (Path(out_dir) / n if batch else
                                                                               Path(out_dir)))
               for r, n in zip(reports, names)]
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
    mandate_set = prepare_mandates(list(mandates), config, cache=cache,
                                   on_document=lambda p: step(f"reading {Path(p).name}", 1))
    run = AuditRun(mandates=mandate_set, members=members)
    if not mandate_set.requirements:
        if not batch:  # a single report's own error comes before its mandates'
            parse_cached(data[0], path=str(members[0].path), cache=cache)
        return run  # nothing to judge: the mandates' failures say why, and nothing is written
    versions = component_versions(config)
    try:
        model_sha = hashlib.sha256(model_file(model_path).read_bytes()).hexdigest()
    except OSError:
        from .judge.model import load_model

        load_model(model_path)  # raises the artifact error with its hint
        raise
    mandate_key = {"documents": [[d.path, d.sha256] for d in mandate_set.mandates],
                   "failures": [f.to_dict() for f in mandate_set.failures], "warnings": list(mandate_set.warnings)}
    tasks: list[MemberTask] = []
    pending: list[tuple[int, str | None, str | None]] = []  # (member, audit key, passage key) of each task
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
        signals = _cached_signals(cache, pkey)
        document = _cached_document(cache, data[i], str(m.path)) if cache is not None else None
        tasks.append(MemberTask(path=str(m.path), data=None if document is not None else data[i], document=document,
                                signals=signals, decisions=chosen,
                                formats=formats if m.folder is not None else (), versions=versions))
        pending.append((i, key, pkey))

    def write(m: Member, files: dict[str, bytes]) -> None:
        if m.error is None and m.folder is not None and m.shown is not None:
            step(f"writing {m.folder}", 0)
            try:
                _publish(m, formats, cache, files)
            except WsisAuditError as exc:  # a folder in the way or locked: this report fails, the others go on
                m.error, m.shown = exc, None
            step(f"wrote {m.folder}", len(formats))

    def done(t: int, result: MemberResult) -> None:
        """A task's result, as soon as it is there: cached, and its folder written (its files not kept)."""
        i, key, pkey = pending[t]
        m = members[i]
        step(f"judged {m.path.name}", 1)
        if result.error is not None:
            m.error = result.error
            return
        m.shown, m.computed = result.shown, tasks[t].record is None
        if m.computed and cache is not None:
            from .model import to_plain

            cache.put("audit", key, result.record)
            if result.document is not None:
                cache.put_document(result.document, _parser_version(result.document.format))
            if result.signals is not None and pkey is not None:
                cache.put("passages", pkey, [to_plain(x) for x in result.signals])
        write(m, result.files)
        result.files.clear()  # written: the bytes are not kept for the rest of the batch

    needs_mandates = any(t.record is None for t in tasks)
    if needs_mandates:
        _model(None if model_path is None else str(model_path))  # a missing or wrong model stops the run once
    dispatched = {i for i, _, _ in pending}
    for i, m in enumerate(members):  # already up to date: nothing to compute or render
        if m.shown is not None and i not in dispatched:
            write(m, {})
    execute(tasks, mandate_set if needs_mandates else None, config, None if model_path is None else str(model_path),
            jobs=jobs, scheduler=scheduler, on_done=done, debug=debug)
    if batch and out_dir is not None:
        from .report.matrix import publish_matrix

        run.matrix, run.matrix_written = publish_matrix(run, Path(out_dir), formats)
    return run


def _cached_record(cache, key: str | None) -> dict | None:
    if cache is None or key is None:
        return None
    record = cache.get("audit", key)
    return record if isinstance(record, dict) and isinstance(record.get("requirements"), list) else None


def _parser_version(fmt: str) -> str:
    from .parse import PARSER_VERSIONS

    return PARSER_VERSIONS.get(fmt, fmt)


def _cached_document(cache, data: bytes, path: str):
    from .parse import PARSER_VERSIONS, detect_format

    version = PARSER_VERSIONS.get(detect_format(data)) if data.strip() else None
    return cache.get_document(hashlib.sha256(data).hexdigest(), version, path) if version else None


def _passages_key(cache, data: bytes, config: Config) -> str | None:
    """The key of a report's passage signals: its content, its parser, the passage settings, the retriever's
    version and the knowledge base (not the mandates: a changed mandate reuses them)."""
    from .cache import digest
    from .kb import load_kb
    from .match.retrieve import RETRIEVER_VERSION
    from .parse import PARSER_VERSIONS, detect_format

    version = PARSER_VERSIONS.get(detect_format(data)) if data.strip() else None
    if version is None:
        return None
    return digest("passages", hashlib.sha256(data).hexdigest(), version, config.passage_max_words,
                  config.passage_overlap_words, RETRIEVER_VERSION, load_kb(config.kb_files).sha256,
                  _library_versions())


def _cached_signals(cache, key: str | None) -> tuple | None:
    if cache is None or key is None:
        return None
    value = cache.get("passages", key)
    if value is None:
        return None
    from .cache import from_plain
    from .match.signals import TextSignals

    try:
        return tuple(from_plain(TextSignals, x) for x in value)
    except (TypeError, ValueError):
        return None


def _render_key(shown_sha: str, fmt: str) -> str:
    from .cache import digest

    return digest("render", shown_sha, fmt, _library_versions())


def _shown_sha(m: Member) -> str:
    """The hash of the member's record as shown (decisions applied): what its renderings are recorded under. Compact
    JSON: the indented text of coverage.json takes the pure-Python encoder, ten times slower on a large record."""
    if m.sha is None:
        text = json.dumps(m.shown, ensure_ascii=False, separators=(",", ":"))
        m.sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return m.sha


def _current(m: Member, formats: Sequence[str], cache, shown_sha: str | None = None) -> set[str]:
    """The formats whose file in the member's folder is already the rendering of its record as shown."""
    if cache is None or m.folder is None or not formats:
        return set()
    from .report import OUTPUT_FILES

    shown_sha = shown_sha or _shown_sha(m)
    out = set()
    for f in formats:
        expected = cache.get("render", _render_key(shown_sha, f))
        target = m.folder / OUTPUT_FILES[f]
        try:
            if expected and target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == expected:
                out.add(f)
        except OSError:
            continue
    return out


def _publish(m: Member, formats: tuple[str, ...], cache, files: dict[str, bytes]) -> None:
    """The member's outputs moved into its folder under the folder's lock: the rendered files, and the ones already
    up to date kept (checked again under the lock; one changed since is rendered here)."""
    from .report import OUTPUT_FILES, write_formats
    from .report._io import publish, write_atomic

    by_name = {OUTPUT_FILES[f]: f for f in formats}
    keep = tuple(n for n in by_name if n not in files)
    shown_sha = _shown_sha(m) if cache is not None else None

    def write(stage: Path) -> list[Path]:
        still = _current(m, [by_name[n] for n in keep], cache, shown_sha)
        redo = tuple(by_name[n] for n in keep if by_name[n] not in still)
        out = [write_atomic(stage / name, content) for name, content in files.items()]
        out += write_formats(m.shown, stage, redo) if redo else []
        return out

    published = publish(m.folder, write, owned=tuple(OUTPUT_FILES.values()), keep=keep)
    m.written, m.removed = list(published.written), list(published.removed)
    m.kept = [m.folder / n for n in keep if m.folder / n not in published.written]
    if cache is not None:
        for path in published.written:
            fmt = by_name.get(path.name)
            if fmt:
                cache.put("render", _render_key(shown_sha, fmt), hashlib.sha256(path.read_bytes()).hexdigest())


# ---------------------------------------------------------------- which reports, under which names


def expand_reports(paths: Sequence[str | Path]) -> list[Path]:
    """The reports to audit: files as given, and for a folder every DOCX, PDF, TXT and MD file directly inside it,
    by name (not its subfolders, where earlier audits keep their outputs). The same file twice is audited once."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted((f for f in p.iterdir() if f.suffix.lower() in REPORT_SUFFIXES and f.is_file()
                            and not f.name.startswith((".", "~$"))), key=lambda f: f.name)
            if not found:
                raise InputError.no_reports(str(p))
            out.extend(found)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def member_names(paths: Sequence[Path]) -> list[str]:
    """Each report's folder name under OUT: its file name without the extension; with the extension where two
    reports share a stem (a.pdf, a.docx); then numbered where they still clash (two folders' a.pdf)."""
    stems = [p.stem or p.name for p in paths]
    names = [s if stems.count(s) == 1 else p.name for s, p in zip(stems, paths)]
    out, seen = [], {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if names.count(n) == 1 else f"{n}-{seen[n]}")
    return out


# ---------------------------------------------------------------- the cache keys


def audit_key(report_path: str, report_sha: str, mandates: list, config: Config, versions: dict,
              model_sha: str) -> str:
    """The key of an audit's record: the report's path and hash, the mandates', the configuration, every
    component version, the judge's own hash and the libraries that compute the numbers."""
    from .cache import digest

    return digest("audit", report_path, report_sha, mandates, config.resolved(), versions, model_sha,
                  _library_versions())


@lru_cache(maxsize=1)
def _library_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("wsis-audit", "numpy", "scipy", "scikit-learn", "spacy", "rapidfuzz"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def _max_bytes(config: Config) -> int:
    return int(config.max_size_mb * 1_000_000)


# ---------------------------------------------------------------- running the tasks


def execute(tasks: list[MemberTask], mandates, config: Config, model_path: str | None, *, jobs: int = 1,
            scheduler: str | None = None, on_done: Callable[[int, MemberResult], None] | None = None,
            debug: bool = False) -> list[MemberResult]:
    """Every task's result, in the order of the tasks: here (jobs 1), in `jobs` worker processes, or on a Dask
    cluster (`scheduler`: an address, or "local" for a LocalCluster of `jobs` workers). `on_done(index, result)` is
    called as each result arrives (in order, except on Dask)."""
    done = on_done or (lambda index, result: None)
    if not tasks:
        return []
    if scheduler:
        return _on_dask(tasks, mandates, config, model_path, scheduler, jobs, done, debug)
    if jobs > 1 and len(tasks) > 1:
        return _in_processes(tasks, mandates, config, model_path, jobs, done, debug)
    out = []
    for i, t in enumerate(tasks):
        out.append(run_member(t, mandates, config, model_path, debug))
        done(i, out[-1])
    return out


# A worker process's share of the batch, set once by its initializer: the mandates go to each worker once, not
# with every report.
_WORKER: dict = {}


def _init_worker(mandates, config: Config, model_path: str | None, debug: bool) -> None:
    _WORKER.update(mandates=mandates, config=config, model_path=model_path, debug=debug)


def _run_in_worker(task: MemberTask) -> MemberResult:
    return run_member(task, _WORKER["mandates"], _WORKER["config"], _WORKER["model_path"], _WORKER["debug"])


def _in_processes(tasks, mandates, config, model_path, jobs, done, debug) -> list[MemberResult]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, never a copy of this one's threads and locks (BLAS, spaCy).
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=multiprocessing.get_context("spawn"),
                             initializer=_init_worker, initargs=(mandates, config, model_path, debug)) as pool:
        futures = [pool.submit(_run_in_worker, t) for t in tasks]
        out = []
        for i, (t, f) in enumerate(zip(tasks, futures)):
            out.append(_result_of(t, f.result, debug))
            done(i, out[-1])
    return out


def _result_of(task: MemberTask, get, debug: bool = False) -> MemberResult:
    """A finished task's result; a worker that died (killed, out of memory) is that report's failure."""
    try:
        return get()
    except Exception as exc:
        if debug:
            raise
        return MemberResult(path=task.path, error=WsisAuditError(
            f"the worker running this report stopped ({type(exc).__name__}: {exc})"[:300],
            hint="run again with fewer --jobs, or with --debug", location=task.path, code=ExitCode.INTERNAL))


def _on_dask(tasks, mandates, config, model_path, scheduler, jobs, done, debug) -> list[MemberResult]:
    try:
        from dask.distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("--scheduler runs the audit on Dask, which is not installed",
                          hint='pip install -e ".[dask]" (or pip install "dask[distributed]")') from None
    import logging

    cluster = None
    try:
        if scheduler == "local":
            # One thread per worker: each report's work is single-threaded Python and numpy.
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        else:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise ConfigError(f"cannot reach the Dask scheduler at {scheduler} ({type(exc).__name__}: {exc})"[:300],
                          hint="check the address (tcp://HOST:8786), or use --scheduler local") from None
    try:
        shared = client.scatter(mandates, broadcast=True) if mandates is not None else None
        futures = [client.submit(run_member, t, shared, config, model_path, debug, pure=False) for t in tasks]
        index = {f.key: i for i, f in enumerate(futures)}
        out: list[MemberResult | None] = [None] * len(tasks)
        for f in as_completed(futures):
            i = index[f.key]
            out[i] = _result_of(tasks[i], f.result, debug)
            f.release()  # the worker may forget it now
            done(i, out[i])
        return out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["AuditRun", "Member", "MemberResult", "MemberTask", "audit_key", "execute", "expand_reports",
           "member_names", "render", "run_audits", "run_member"]
