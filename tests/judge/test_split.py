"""The judge's work shared with a forked child (issue 19): the later requirements' views are built there while this
process builds the first ones. Users see the same statuses, evidence and files either way, and a child that fails
costs only time."""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

import pipeline.judge.assess as assess
from cli import app
from pipeline.audit import prepare
from pipeline.batch.overlap import OFF_VARIABLE, serial_reason
from pipeline.config import Config
from pipeline.judge import assess_all
from pipeline.judge.model import load_model
from pipeline.kb import load_kb
from pipeline.match.passages import make_passages
from pipeline.match.retrieve import Retriever, units_for
from tests.conftest import ROOT

REPORT = ROOT / "corpora" / "reports" / "sg-progress-2026.txt"
MANDATES = [ROOT / "corpora" / "mandates" / "pp-res-145.txt", ROOT / "corpora" / "mandates" / "council-res-1390.txt"]

needs_fork = pytest.mark.skipif(serial_reason() is not None, reason=f"no split here: {serial_reason()}")


@pytest.fixture(scope="module")
def judged():
    """(requirements, a function that fits a fresh retriever, model, kb) for one corpus report and two mandates."""
    cfg, kb, model = Config(), load_kb(), load_model()
    inputs = prepare(REPORT, MANDATES, cfg)
    reqs = list(inputs.requirements)
    passages = make_passages(inputs.report)
    units = [u for r in reqs for u in units_for(r, kb)]
    return reqs, (lambda: Retriever().fit(passages, units)), model, kb


@needs_fork
def test_the_statuses_evidence_and_rationales_are_the_same_when_a_child_reads_half(judged, tmp_path, monkeypatch):
    reqs, fit, model, kb = judged
    serial = assess_all(reqs, fit(), model, kb, split=False)
    log = tmp_path / "views-built-by"
    real = assess._view

    def watched(req, *args, **kwargs):
        with open(log, "a", encoding="utf-8") as f:
            f.write(f"{os.getpid()}\n")
        return real(req, *args, **kwargs)

    monkeypatch.setattr(assess, "_view", watched)
    shared = assess_all(reqs, fit(), model, kb, split=True)
    pids = log.read_text(encoding="utf-8").split()
    # this process and a child (each writes as it goes, so their lines interleave in any order)
    assert len(set(pids)) == 2 and str(os.getpid()) in pids
    assert len(pids) == len(reqs)  # each requirement read once
    assert [(a.status, a.confidence, a.rationale, a.evidence, a.facets) for a in shared] == [
        (a.status, a.confidence, a.rationale, a.evidence, a.facets) for a in serial]
    assert shared == serial


@needs_fork
def test_a_child_that_fails_costs_only_time(judged, monkeypatch):
    reqs, fit, model, kb = judged
    serial = assess_all(reqs, fit(), model, kb, split=False)
    parent = os.getpid()
    real = assess._view

    def dies_in_the_child(req, *args, **kwargs):
        if os.getpid() != parent:
            os._exit(3)  # the child dies without a word
        return real(req, *args, **kwargs)

    monkeypatch.setattr(assess, "_view", dies_in_the_child)
    assert assess_all(reqs, fit(), model, kb, split=True) == serial


@needs_fork
def test_the_audit_writes_the_same_bytes_with_the_judge_split_or_not(tmp_path, monkeypatch):
    monkeypatch.setattr(assess, "SPLIT_MIN_PAIRS", 0)  # split even this small audit
    import pipeline.fork as overlap

    children, real = [], overlap.beside
    monkeypatch.setattr(overlap, "beside", lambda compute, work, *, name: children.append(name) or real(
        compute, work, name=name))
    runner = CliRunner()
    args = ["audit", "--no-cache", "--report", str(REPORT), *[a for m in MANDATES for a in ("--mandate", str(m))]]
    split = runner.invoke(app, [*args, "--out", str(tmp_path / "split")])
    monkeypatch.setenv(OFF_VARIABLE, "1")
    serial = runner.invoke(app, [*args, "--out", str(tmp_path / "serial")])
    assert split.exit_code == serial.exit_code == 0, split.output + serial.output
    assert children.count("wsis-audit-judge") == 1  # the first audit split its judge; the second did not
    files = sorted(p.relative_to(tmp_path / "serial") for p in (tmp_path / "serial").rglob("*") if p.is_file())
    assert files and [p.name for p in files if p.name == "coverage.json"]
    for p in files:
        assert (tmp_path / "split" / p).read_bytes() == (tmp_path / "serial" / p).read_bytes(), p


@needs_fork
def test_a_child_that_hangs_is_stopped_and_its_share_read_here(judged, monkeypatch):
    import time

    import pipeline.fork as overlap

    reqs, fit, model, kb = judged
    serial = assess_all(reqs, fit(), model, kb, split=False)
    monkeypatch.setattr(overlap, "PATIENCE_MIN_S", 0.5)  # instead of five minutes
    parent = os.getpid()
    real = assess._view

    def hangs_in_the_child(req, *args, **kwargs):
        if os.getpid() != parent:
            time.sleep(3600)  # alive, silent
        return real(req, *args, **kwargs)

    monkeypatch.setattr(assess, "_view", hangs_in_the_child)
    with pytest.warns(RuntimeWarning, match="wsis-audit-judge: no answer after"):
        assert assess_all(reqs, fit(), model, kb, split=True) == serial


@needs_fork
def test_word_and_html_written_by_a_child_are_the_same_files(tmp_path, monkeypatch):
    import pipeline.fork as overlap
    import pipeline.report.formats as formats
    from pipeline.audit import audit
    from pipeline.report import FORMATS, write_formats

    cfg = Config()
    record = audit(prepare(REPORT, MANDATES, cfg), cfg)
    serial = write_formats(record, (tmp_path / "serial").mkdir() or tmp_path / "serial", FORMATS)
    monkeypatch.setattr(formats, "SPLIT_MIN_REQUIREMENTS", 0)
    children, real = [], overlap.beside
    monkeypatch.setattr(overlap, "beside", lambda compute, work, *, name: children.append(name) or real(
        compute, work, name=name))
    shared = write_formats(record, (tmp_path / "shared").mkdir() or tmp_path / "shared", FORMATS)
    assert children == ["wsis-audit-writer"]
    assert [p.name for p in shared] == [p.name for p in serial] == list(formats.OUTPUT_FILES.values())
    for a, b in zip(serial, shared):
        assert a.read_bytes() == b.read_bytes(), a.name

    parent = os.getpid()
    real_write = formats._write

    def dies_in_the_child(fmt, *args):
        if os.getpid() != parent:
            os._exit(3)
        return real_write(fmt, *args)

    monkeypatch.setattr(formats, "_write", dies_in_the_child)
    again = write_formats(record, (tmp_path / "again").mkdir() or tmp_path / "again", FORMATS)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in serial]  # written here instead
