"""One report's work as a pure function of picklable data: the task, its result, its renderings.

A task goes to this process, a worker process or a Dask worker, and never raises: an error is its result.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..config import Config
from ..errors import ExitCode, WsisAuditError


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
    from ..review import apply_decisions

    record, document, signals = task.record, None, None
    if record is None:
        from ..audit import AuditInputs, audit, report_signals
        from ..parse import parse_cached

        document = task.document if task.document is not None else parse_cached(task.data, path=task.path)
        signals = task.signals if task.signals is not None else report_signals(document, config)
        record = audit(AuditInputs.of(document, mandates), config, _model(model_path), passage_signals=signals)
        if task.versions and record["run"]["versions"] != task.versions:
            from ..errors import ArtifactError

            raise ArtifactError("this worker runs other component versions than the machine that started the audit",
                                hint="install the same wsis-audit version on every Dask worker", location=task.path)
    shown = record if task.decisions is None else apply_decisions(record, list(task.decisions))
    return MemberResult(path=task.path, record=record, shown=shown, files=render(shown, task.formats),
                        document=document if task.document is None else None,
                        signals=tuple(signals) if signals is not None and task.signals is None else None)


@lru_cache(maxsize=2)
def _model(model_path: str | None):
    """The judge, loaded once per process (a worker keeps it between reports)."""
    from ..judge.model import load_model

    return load_model(Path(model_path) if model_path else None)


def render(shown: dict, formats: Sequence[str]) -> dict[str, bytes]:
    """The record rendered in each format: {file name: bytes}."""
    if not formats:
        return {}
    from ..report import write_formats

    with tempfile.TemporaryDirectory(prefix="wsis-audit-render-") as tmp:
        return {p.name: p.read_bytes() for p in write_formats(shown, Path(tmp), tuple(formats))}


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
