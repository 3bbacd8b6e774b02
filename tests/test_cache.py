"""The result cache as users meet it: an unchanged audit is not computed again and rewrites nothing, a missing
output is rendered again alone, a changed report or mandate reuses the other side's work, a damaged entry is a
warning line, and a cache that cannot be written never stops an audit."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.cache import CACHE_FORMAT, Cache, default_cache_dir, from_plain
from tests.conftest import ROOT

runner = CliRunner()
REPORT = ROOT / "corpora" / "reports" / "sg-progress-2026.txt"
MANDATE = ROOT / "corpora" / "mandates" / "pp-res-145.txt"


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _audit(out, *extra, report=REPORT, mandate=MANDATE):
    result = _run("audit", "--report", report, "--mandate", mandate, "--out", out, *extra)
    assert result.exit_code == 0, result.output
    return result


def _snapshot(folder):
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


def _refuse(monkeypatch, module, name):
    """Make `module.name` fail the test if the audit calls it."""
    def refused(*args, **kwargs):
        raise AssertionError(f"{name} was called, the cache should have answered")

    monkeypatch.setattr(module, name, refused)


def test_an_unchanged_audit_is_not_computed_again_and_rewrites_nothing(tmp_path, monkeypatch):
    import pipeline.audit

    out = tmp_path / "out"
    _audit(out)
    before = _snapshot(out)
    _refuse(monkeypatch, pipeline.audit, "audit")
    again = _audit(out)
    assert _snapshot(out) == before  # the same bytes, not even rewritten
    assert "wrote" not in again.output and f"up to date {out / 'report.html'}" in again.output


def test_only_a_missing_output_is_rendered_again(tmp_path, monkeypatch):
    import pipeline.audit

    out = tmp_path / "out"
    _audit(out)
    before = _snapshot(out)
    (out / "report.docx").unlink()
    _refuse(monkeypatch, pipeline.audit, "audit")
    again = _audit(out)
    after = _snapshot(out)
    assert after["report.docx"][0] == before["report.docx"][0]
    assert {k: v for k, v in after.items() if k != "report.docx"} == {k: v for k, v in before.items()
                                                                      if k != "report.docx"}
    assert f"wrote {out / 'report.docx'}" in again.output


def test_a_reviewer_decision_renders_again_without_judging_again(tmp_path, monkeypatch):
    import pipeline.audit

    out = tmp_path / "out"
    _audit(out, "--format", "json,md")
    record = json.loads((out / "coverage.json").read_text())
    rid = record["requirements"][0]["id"]
    assert _run("review", "set", out / "coverage.json", rid, "not_applicable", "--reason", "deferred").exit_code == 0
    _refuse(monkeypatch, pipeline.audit, "audit")
    _audit(out, "--format", "json,md")
    shown = json.loads((out / "coverage.json").read_text())
    assert shown["requirements"][0]["status"] == "not_applicable"
    assert "Not applicable" in (out / "report.md").read_text()


def test_a_changed_report_reuses_the_mandates_extraction(tmp_path, monkeypatch):
    import pipeline.audit

    _audit(tmp_path / "first", "--format", "json")
    changed = tmp_path / "changed.txt"
    changed.write_text(REPORT.read_text(encoding="utf-8") + "\nA paragraph added in the revision.\n",
                       encoding="utf-8")
    _refuse(monkeypatch, pipeline.audit, "extract")
    _audit(tmp_path / "second", "--format", "json", report=changed)
    monkeypatch.undo()
    fresh = _run("audit", "--report", changed, "--mandate", MANDATE, "--out", tmp_path / "fresh", "--format", "json",
                 "--no-cache")
    assert fresh.exit_code == 0
    assert (tmp_path / "second" / "coverage.json").read_bytes() == (tmp_path / "fresh" / "coverage.json").read_bytes()


def test_a_changed_mandate_reuses_the_reports_parse_and_passages(tmp_path, monkeypatch):
    import pipeline.audit
    import pipeline.parse.files

    _audit(tmp_path / "first", "--format", "json")
    changed = tmp_path / "mandate.txt"
    changed.write_text(MANDATE.read_text(encoding="utf-8").replace("annually", "every year"), encoding="utf-8")
    parse = pipeline.parse.files.parse_bytes

    def parse_mandate_only(data, *, path):
        assert path != str(REPORT), "the report was parsed again"
        return parse(data, path=path)

    monkeypatch.setattr(pipeline.parse.files, "parse_bytes", parse_mandate_only)
    _refuse(monkeypatch, pipeline.audit, "report_signals")
    _audit(tmp_path / "second", "--format", "json", mandate=changed)
    monkeypatch.undo()
    fresh = _run("audit", "--report", REPORT, "--mandate", changed, "--out", tmp_path / "fresh", "--format", "json",
                 "--no-cache")
    assert fresh.exit_code == 0
    assert (tmp_path / "second" / "coverage.json").read_bytes() == (tmp_path / "fresh" / "coverage.json").read_bytes()


def test_a_damaged_entry_is_a_warning_and_is_computed_again(tmp_path):
    out = tmp_path / "out"
    _audit(out, "--format", "json")
    good = (out / "coverage.json").read_bytes()
    entries = list((default_cache_dir() / "audit").rglob("*.json"))
    assert len(entries) == 1
    entries[0].write_text('{"cache": "' + CACHE_FORMAT + '", "kind": "audit", "key": ', encoding="utf-8")
    (out / "coverage.json").unlink()
    again = _audit(out, "--format", "json")
    assert f"warning: cache entry {entries[0]} is damaged" in again.output
    assert (out / "coverage.json").read_bytes() == good
    assert json.loads(entries[0].read_text(encoding="utf-8"))["cache"] == CACHE_FORMAT  # written again


def test_no_cache_leaves_the_cache_folder_alone(tmp_path):
    _audit(tmp_path / "out", "--no-cache", "--format", "json")
    assert not default_cache_dir().exists()


def test_a_cache_folder_that_cannot_be_written_never_stops_the_audit(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    result = _run("--cache-dir", blocked, "audit", "--report", REPORT, "--mandate", MANDATE, "--out",
                  tmp_path / "out", "--format", "json")
    assert result.exit_code == 0, result.output
    assert f"the cache folder {blocked} cannot be written" in result.output
    assert result.output.count("cannot be written") == 1
    assert (tmp_path / "out" / "coverage.json").exists()


def test_the_cache_folder_follows_the_users_cache_home(tmp_path, monkeypatch):
    if os.name == "nt":
        pytest.skip("Windows keeps caches under %LOCALAPPDATA%")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    assert default_cache_dir() == tmp_path / "home-cache" / "wsis-audit"


def test_requirements_and_signals_come_back_from_json_as_they_were():
    from pipeline.extract import extract
    from pipeline.match.signals import TextSignals, text_signals
    from pipeline.model import Requirement, to_plain
    from pipeline.parse import parse_file

    reqs = extract(parse_file(ROOT / "corpora" / "mandates" / "council-res-1390.txt")).requirements
    assert any(r.facets for r in reqs)
    for r in reqs:
        assert from_plain(Requirement, json.loads(json.dumps(to_plain(r)))) == r
    for s in text_signals(["In 2025 the Union trained 1,200 people; see https://itu.int/x.", "Not yet done."]):
        assert from_plain(TextSignals, json.loads(json.dumps(to_plain(s)))) == s
    with pytest.raises((TypeError, ValueError)):
        from_plain(Requirement, {**to_plain(reqs[0]), "kind": "wish"})


def test_an_entry_of_another_format_version_is_a_quiet_miss(tmp_path, recwarn):
    cache = Cache(tmp_path)
    cache.put("audit", "k" * 64, {"a": 1})
    path = next(tmp_path.rglob("*.json"))
    path.write_text(json.dumps({"cache": "wsis-audit-cache/0", "kind": "audit", "key": "k" * 64, "value": {}}))
    assert cache.get("audit", "k" * 64) is None and not recwarn.list
    shutil.rmtree(tmp_path / "audit")
    assert cache.get("audit", "k" * 64) is None


def test_a_changed_rule_in_the_source_is_never_served_from_the_cache(tmp_path, monkeypatch):
    import pipeline.audit
    import pipeline.cache

    _audit(tmp_path / "first", "--format", "json")
    calls = []
    real = pipeline.audit.extract
    monkeypatch.setattr(pipeline.audit, "extract", lambda *a, **k: calls.append(1) or real(*a, **k))
    _audit(tmp_path / "again", "--format", "json")
    assert calls == []  # same program: the cache answers
    monkeypatch.setattr(pipeline.cache, "code_digest", lambda: "a rule was changed")
    _audit(tmp_path / "changed", "--format", "json")
    assert calls == [1]  # same version number, other source: extracted again, not the old rules' answer


def test_a_retrained_extraction_model_is_never_served_from_the_cache(tmp_path, monkeypatch):
    """The asks model or the actor check retrained (same code, other weights): the mandates are extracted again."""
    import pipeline.audit

    _audit(tmp_path / "first", "--format", "json")
    calls = []
    real = pipeline.audit.extract
    monkeypatch.setattr(pipeline.audit, "extract", lambda *a, **k: calls.append(1) or real(*a, **k))
    _audit(tmp_path / "again", "--format", "json")
    assert calls == []
    monkeypatch.setattr(pipeline.audit, "models_digest", lambda: "the actor check was retrained")
    _audit(tmp_path / "retrained", "--format", "json")
    assert calls == [1]


def test_the_extraction_models_digest_follows_the_weights(tmp_path, monkeypatch):
    from pipeline.extract import actor_check, extractor

    model = tmp_path / "model.json"
    model.write_text('{"weights": {}, "bias": -5.0, "threshold": 0.1}', encoding="utf-8")
    monkeypatch.setattr(actor_check, "model_path", lambda directory=None: model)
    extractor.models_digest.cache_clear()
    first = extractor.models_digest()
    model.write_text('{"weights": {"kind=invitation": 1.0}, "bias": -5.0, "threshold": 0.1}', encoding="utf-8")
    extractor.models_digest.cache_clear()
    assert extractor.models_digest() != first
    extractor.models_digest.cache_clear()
