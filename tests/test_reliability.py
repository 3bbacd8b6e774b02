"""The audit never crashes, loses work or mixes runs (#18): duplicates, unwritable and busy output folders, leftovers
of earlier runs, empty reports and mandates, warnings, stable requirement keys and concurrent reviewers."""

from __future__ import annotations

import io
import json
import multiprocessing
import shutil
import time
import zipfile

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode, OutputError
from pipeline.report._io import LOCK_NAME, exclusive_lock
from tests.conftest import ROOT

runner = CliRunner()
CORPUS = ROOT / "corpora"
REPORT = CORPUS / "reports" / "wsis20-draft.txt"
MANDATE = CORPUS / "mandates" / "council-res-1390.txt"
OUTPUTS = {"coverage.json", "report.html", "report.docx", "traceability.xlsx", "report.md", "requirements.csv"}


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _audit(out, *extra, report=REPORT, mandates=(MANDATE,)):
    args = ["audit", "--report", report, "--out", out]
    for m in mandates:
        args += ["--mandate", m]
    return _run(*args, *extra)


def _errors(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("error:")]


def _leftovers(*folders) -> list[str]:
    """Temporary files or folders our writers could leave behind."""
    return sorted(str(p) for f in folders if f.exists() for p in f.rglob("*")
                  if p.name.endswith(".tmp") or ".tmp" in p.name or p.name == LOCK_NAME)


# --- 1: the same mandate twice ------------------------------------------------------------------------------------

def test_the_same_mandate_twice_is_read_once_and_said_so(tmp_path):
    copy = tmp_path / "res-1390-copy.txt"
    shutil.copy(MANDATE, copy)
    result = _audit(tmp_path / "o", "--format", "json", mandates=(MANDATE, MANDATE, copy))
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "o" / "coverage.json").read_text())
    assert [m["path"] for m in record["mandates"]] == [str(MANDATE)]
    assert len(record["requirements"]) == 20
    assert "res-1390-copy.txt has the same content as" in result.output
    assert any("res-1390-copy.txt has the same content as" in w for w in record["warnings"])


# --- 2, 13, 14: output folders --------------------------------------------------------------------------------------

def test_out_that_is_a_file_is_one_line_and_leaves_nothing(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("not a folder")
    result = _audit(blocker)
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert _errors(result.output) == [l for l in result.output.splitlines() if l.strip()]
    assert len(_errors(result.output)) == 1 and str(blocker) in result.output and "--out" in result.output
    assert _leftovers(tmp_path) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_out_under_a_file_is_one_line(tmp_path):
    (tmp_path / "file").write_text("x")
    result = _audit(tmp_path / "file" / "sub")
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert len(_errors(result.output)) == 1 and "Traceback" not in result.output


def test_a_folder_where_coverage_json_goes_is_one_line_and_nothing_is_half_written(tmp_path):
    out = tmp_path / "o"
    (out / "coverage.json").mkdir(parents=True)
    result = _audit(out)
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert len(_errors(result.output)) == 1 and "coverage.json" in result.output
    assert sorted(p.name for p in out.iterdir()) == ["coverage.json"]  # no report of a run that failed
    assert _leftovers(tmp_path) == []


def test_fixed_temporary_names_never_collide(tmp_path):
    out = tmp_path / "o"
    (out / "report.html.tmp").mkdir(parents=True)  # what a fixed temporary name would trip over
    result = _audit(out, "--format", "json,html")
    assert result.exit_code == 0, result.output
    assert (out / "report.html").is_file()


def test_a_run_into_a_folder_another_run_is_writing_stops_with_one_line(tmp_path):
    out = tmp_path / "o"
    out.mkdir()
    with exclusive_lock(out / LOCK_NAME, wait=False, busy=lambda: OutputError.locked(str(out))):
        result = _audit(out, "--format", "json")
    assert result.exit_code == ExitCode.LOCKED, result.output
    assert _errors(result.output) == [f"error: {out}: another wsis-audit run is writing this folder (wait for it to "
                                      "finish, or use another --out folder)"]
    assert not (out / "coverage.json").exists()
    assert not (out / LOCK_NAME).exists()  # the lock goes with the run that held it


def test_outputs_of_an_earlier_run_are_removed_not_left_beside_new_ones(tmp_path):
    out = tmp_path / "o"
    assert _audit(out).exit_code == 0
    assert OUTPUTS <= {p.name for p in out.iterdir()}
    (out / "notes.txt").write_text("mine")
    result = _audit(out, "--format", "json,csv")
    assert result.exit_code == 0, result.output
    assert {p.name for p in out.iterdir()} == {"coverage.json", "requirements.csv", "notes.txt"}
    assert f"removed {out / 'report.html'} (from an earlier run)" in result.output
    assert _leftovers(tmp_path) == []


def test_an_interrupted_run_leaves_the_earlier_outputs_whole(tmp_path, monkeypatch):
    out = tmp_path / "o"
    assert _audit(out, "--format", "json,html,md").exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    import pipeline.report.markdown as markdown

    def interrupted(*a, **k):
        raise KeyboardInterrupt
    monkeypatch.setattr(markdown, "render_markdown", interrupted)
    result = runner.invoke(app, ["audit", "--report", str(CORPUS / "reports" / "wsis20-rev1.txt"), "--mandate",
                                 str(MANDATE), "--out", str(out), "--format", "json,html,md"])
    assert result.exit_code != 0  # Ctrl-C while the reports were being written
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert _leftovers(tmp_path) == []


def test_diff_files_are_written_whole_and_an_unwritable_folder_is_one_line(tmp_path):
    out = tmp_path / "o"
    assert _audit(out, "--format", "json").exit_code == 0
    cov = out / "coverage.json"
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "diff.html").mkdir()
    result = _run("diff", cov, cov, "--out", tmp_path / "d")
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert len(_errors(result.output)) == 1 and "diff.html" in result.output
    assert _leftovers(tmp_path / "d") == []


# --- 9: nothing to audit ------------------------------------------------------------------------------------------

def test_a_report_without_passages_is_one_line_never_a_list_of_gaps(tmp_path):
    report = tmp_path / "rules.txt"
    report.write_text("----------\n__________\n...\n")
    result = _audit(tmp_path / "o", report=report)
    assert result.exit_code == ExitCode.NO_PASSAGES, result.output
    assert len(_errors(result.output)) == 1 and str(report) in _errors(result.output)[0]
    assert "not_addressed" not in result.output
    assert not (tmp_path / "o" / "coverage.json").exists()


def test_a_mandate_without_requirements_is_named_with_its_exit_code(tmp_path):
    empty = tmp_path / "letter.txt"
    empty.write_text("Dear colleagues,\n\nThank you for your letter of 3 March.\n\nYours sincerely\n")
    result = _audit(tmp_path / "o", "--fail-on", "not_addressed", mandates=(MANDATE, empty))
    assert result.exit_code == ExitCode.NO_REQUIREMENTS, result.output
    assert _errors(result.output) == [f"error: {empty}: no requirement found in this mandate document (check "
                                      "that it is the mandate (a resolution, contribution or target list), not the "
                                      "report; `wsis-audit extract FILE` shows what is read)"]
    record = json.loads((tmp_path / "o" / "coverage.json").read_text())
    assert len(record["requirements"]) == 20  # the other mandate is still audited
    only = _audit(tmp_path / "o2", mandates=(empty,))
    assert only.exit_code == ExitCode.NO_REQUIREMENTS and len(_errors(only.output)) == 1


# --- 10: parse warnings reach the outputs ---------------------------------------------------------------------------

def test_a_docx_parse_warning_reaches_coverage_html_and_word(tmp_path):
    src = zipfile.ZipFile(CORPUS / "mandates" / "council-res-1390.docx")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename != "word/numbering.xml":
                dst.writestr(info, src.read(info.filename))
    mandate = tmp_path / "no-numbering.docx"
    mandate.write_bytes(buf.getvalue())
    out = tmp_path / "o"
    result = _audit(out, "--format", "json,html,docx", mandates=(mandate,))
    assert result.exit_code == 0, result.output
    record = json.loads((out / "coverage.json").read_text())
    warning = next(w for w in record["mandates"][0]["warnings"] if "numbering" in w)
    assert warning in (out / "report.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(out / "report.docx") as z:
        assert warning in z.read("word/document.xml").decode("utf-8")


# --- 12: requirement keys from the document, never its path ---------------------------------------------------------

@pytest.fixture(scope="module")
def one_resolution_four_ways(tmp_path_factory):
    base = tmp_path_factory.mktemp("keys")
    renamed = base / "my-copy.txt"
    shutil.copy(MANDATE, renamed)
    records = {}
    for name, mandate in (("txt", MANDATE), ("docx", MANDATE.with_suffix(".docx")),
                          ("pdf", MANDATE.with_suffix(".pdf")), ("renamed", renamed)):
        result = _audit(base / name, "--format", "json", mandates=(mandate,))
        assert result.exit_code == 0, result.output
        records[name] = json.loads((base / name / "coverage.json").read_text())
    return base, records


def test_the_same_resolution_in_any_format_or_name_has_the_same_keys(one_resolution_four_ways):
    _, records = one_resolution_four_ways
    keys = {name: [(r["source"]["label"], r["key"]) for r in rec["requirements"]] for name, rec in records.items()}
    assert len(keys["txt"]) == 20 and len({k for _, k in keys["txt"]}) == 20
    assert keys["docx"] == keys["txt"] and keys["pdf"] == keys["txt"] and keys["renamed"] == keys["txt"]


def test_decisions_and_diff_follow_the_document_across_formats(one_resolution_four_ways):
    base, records = one_resolution_four_ways
    target = records["txt"]["requirements"][0]
    assert _run("review", "set", base / "txt" / "coverage.json", target["key"], "not_applicable", "--reason",
                "deferred").exit_code == 0
    shutil.copy(base / "txt" / "decisions.csv", base / "pdf" / "decisions.csv")
    result = _run("report", base / "pdf" / "coverage.json", "--format", "json")
    assert result.exit_code == 0, result.output
    reviewed = json.loads((base / "pdf" / "coverage.json").read_text())
    same = next(r for r in reviewed["requirements"] if r["key"] == target["key"])
    assert same["status"] == "not_applicable" and not same["review"]["stale"]
    diff = _run("diff", base / "txt" / "coverage.json", base / "docx" / "coverage.json")
    assert diff.exit_code == 0 and "dropped 0" in diff.output and "new 0" in diff.output, diff.output


def test_a_decision_that_matches_nothing_is_said_not_ignored(tmp_path):
    out = tmp_path / "o"
    assert _audit(out, "--format", "json").exit_code == 0
    (out / "decisions.csv").write_text("key,facet,requirement_id,text_sha,evidence_sha,decision,reason,reviewer\n"
                                       "key-000000000000,,req-000000000000,x,y,addressed,old,\n")
    result = _run("report", out / "coverage.json", "--format", "md")
    assert result.exit_code == 0
    assert "1 reviewer decision(s) match no requirement of this audit" in result.output
    assert "match no requirement" in (out / "report.md").read_text(encoding="utf-8")


# --- 15: concurrent reviewers -------------------------------------------------------------------------------------

def _review_one(args):
    coverage, key, n = args
    import pipeline.review as review

    real_merge = review.merge

    def slow_merge(old, new):  # widen the window between reading the file and writing it back
        time.sleep(0.05)
        return real_merge(old, new)
    review.merge = slow_merge
    return runner.invoke(app, ["review", "set", coverage, key, "partial", "--reason", f"reviewer {n}"]).exit_code


def test_ten_reviewers_at_once_keep_all_ten_decisions(tmp_path):
    out = tmp_path / "o"
    assert _audit(out, "--format", "json").exit_code == 0
    record = json.loads((out / "coverage.json").read_text())
    keys = [r["key"] for r in record["requirements"][:10]]
    with multiprocessing.get_context("fork").Pool(10) as pool:
        codes = pool.map(_review_one, [(str(out / "coverage.json"), k, n) for n, k in enumerate(keys)])
    assert codes == [0] * 10
    from pipeline.review import load_decisions
    assert sorted(d.key for d in load_decisions(out / "decisions.csv")) == sorted(keys)
    assert _leftovers(out) == []


def test_every_exit_code_is_in_the_readme_table():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Exit codes"):readme.index("## How it works")]
    for code in ExitCode:
        assert f"\n| {int(code)} | " in table, code
