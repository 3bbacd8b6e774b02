"""Draft-to-draft diff and reviewer decisions that persist, through the CLI as a reviewer uses it."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode
from tests.conftest import ROOT

runner = CliRunner()
CORPUS = ROOT / "corpora"
MANDATE = CORPUS / "mandates" / "contribution-ms-2026.txt"


def _audit(report, mandate, out, *extra):
    result = runner.invoke(app, ["audit", "--report", str(report), "--mandate", str(mandate), "--out", str(out),
                                 *map(str, extra)])
    assert result.exit_code in (0, 1), result.output
    return json.loads((out / "coverage.json").read_text()), result


@pytest.fixture(scope="module")
def draft_and_revision(tmp_path_factory):
    base = tmp_path_factory.mktemp("diff")
    old, _ = _audit(CORPUS / "reports" / "wsis20-draft.txt", MANDATE, base / "draft", "--format", "json")
    new, _ = _audit(CORPUS / "reports" / "wsis20-rev1.txt", MANDATE, base / "rev1", "--format", "json")
    return base, old, new


def test_diff_names_requirements_whose_status_changed(draft_and_revision):
    base, old, new = draft_and_revision
    result = runner.invoke(app, ["diff", str(base / "draft" / "coverage.json"), str(base / "rev1" / "coverage.json"),
                                 "--out", str(base / "d")])
    assert result.exit_code == 0, result.output
    diff = json.loads((base / "d" / "diff.json").read_text())
    old_s = {r["key"]: r["status"] for r in old["requirements"]}
    new_s = {r["key"]: r["status"] for r in new["requirements"]}
    changed = {k for k in old_s if old_s[k] != new_s[k]}
    assert changed, "the revision should change some statuses"
    assert {c["key"] for c in diff["changes"] if c["old_status"] != c["new_status"]} == changed
    for c in diff["changes"]:
        if c["key"] in changed:
            assert c["change"] in ("newly_addressed", "regressed", "changed_status")
            assert c["label"] is None or c["label"] in result.output
    assert (base / "d" / "diff.html").read_text().startswith("<!DOCTYPE html>")
    assert "|" in (base / "d" / "diff.md").read_text()


def test_decision_applies_on_next_run_and_goes_stale_when_text_changes(tmp_path):
    mandate = tmp_path / "contribution.txt"
    shutil.copy(MANDATE, mandate)
    report = CORPUS / "reports" / "wsis20-draft.txt"
    out = tmp_path / "audit"
    first, _ = _audit(report, mandate, out, "--format", "json")
    target = next(r for r in first["requirements"] if r["kind"] == "proposal" and r["source"]["label"] == "2.3")
    result = runner.invoke(app, ["review", "set", str(out / "coverage.json"), target["id"], "not_applicable",
                                 "--reason", "deferred by Council decision", "--reviewer", "CM"])
    assert result.exit_code == 0, result.output
    assert (out / "decisions.csv").exists()

    second, _ = _audit(report, mandate, out, "--format", "json")
    r2 = next(r for r in second["requirements"] if r["key"] == target["key"])
    assert r2["status"] == "not_applicable" and r2["machine_status"] == target["status"]
    assert r2["review"] == {"decision": "not_applicable", "reason": "deferred by Council decision", "reviewer": "CM",
                            "stale": False, "stale_reason": None}

    text = mandate.read_text(encoding="utf-8")
    mandate.write_text(text.replace(target["text"], target["text"].rstrip(".") + " in every region."),
                       encoding="utf-8")
    third, _ = _audit(report, mandate, out, "--format", "json")
    r3 = next(r for r in third["requirements"] if r["key"] == target["key"])
    assert r3["review"]["stale"] is True and "text changed" in r3["review"]["stale_reason"]
    assert r3["status"] == r3["machine_status"]  # a stale decision does not override


def test_review_import_from_the_excel_matrix(tmp_path):
    out = tmp_path / "audit"
    record, _ = _audit(CORPUS / "reports" / "wsis20-draft.txt", MANDATE, out, "--format", "json,xlsx")
    wb = openpyxl.load_workbook(out / "traceability.xlsx")
    ws = wb["Traceability"]
    header = [c.value for c in ws[1]]
    row = 2
    req_id = ws.cell(row, header.index("id") + 1).value
    ws.cell(row, header.index("reviewer decision") + 1).value = "addressed"
    ws.cell(row, header.index("reviewer note") + 1).value = "see annex 3 of the report"
    wb.save(out / "traceability.xlsx")
    result = runner.invoke(app, ["review", "import", str(out / "traceability.xlsx")])
    assert result.exit_code == 0, result.output
    again = runner.invoke(app, ["report", str(out / "coverage.json"), "--format", "md"])
    assert again.exit_code == 0
    _, _ = _audit(CORPUS / "reports" / "wsis20-draft.txt", MANDATE, out, "--format", "json")
    rec = json.loads((out / "coverage.json").read_text())
    r = next(r for r in rec["requirements"] if r["id"] == req_id)
    assert r["status"] == "addressed" and r["review"]["reason"] == "see annex 3 of the report"


def test_fail_on_gaps_exits_1(tmp_path):
    _, result = _audit(CORPUS / "reports" / "wsis20-draft.txt", MANDATE, tmp_path, "--format", "json",
                       "--fail-on", "not_addressed")
    assert result.exit_code == ExitCode.GAPS_FOUND
    assert "--fail-on" in result.output


def test_unknown_format_is_one_line(tmp_path):
    result = runner.invoke(app, ["audit", "--report", str(MANDATE), "--mandate", str(MANDATE), "--out",
                                 str(tmp_path), "--format", "pdf"])
    assert result.exit_code == ExitCode.CONFIG and "unknown format" in result.output


def test_demo_writes_every_format(tmp_path):
    import docx

    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    for name in ("coverage.json", "report.html", "report.docx", "traceability.xlsx", "report.md", "requirements.csv"):
        assert (tmp_path / name).stat().st_size > 0, name
    d = docx.Document(str(tmp_path / "report.docx"))
    assert len(d.tables) >= 4  # title block, summary, one per source document
    ws = openpyxl.load_workbook(tmp_path / "traceability.xlsx")["Traceability"]
    assert ws.auto_filter.ref and ws.freeze_panes == "A2"
