"""The command line behaves as users of other command-line tools expect: --version, options anywhere, choices in
--help, `-` for standard output, --quiet everywhere, a progress bar with counts on a terminal."""

from __future__ import annotations

import io
import json
import re

import pytest
import typer.main
from rich.console import Console
from typer.testing import CliRunner

from pipeline import cli_support
from cli import app, hoist_global_options
from pipeline.errors import ExitCode
from tests.conftest import ROOT

runner = CliRunner()
MANDATE = ROOT / "corpora" / "mandates" / "pp-res-145.txt"
REPORT = ROOT / "corpora" / "reports" / "wsis20-draft.txt"


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _all_commands():
    """(words typed after wsis-audit, click command) for every command and sub-command."""
    group = typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():
        subs = getattr(command, "commands", None)
        if subs:
            out += [((name, sub), c) for sub, c in subs.items()]
        out.append(((name,), command))
    return out


def test_version_names_the_package_and_the_judge():
    result = _run("--version")
    assert result.exit_code == 0
    assert re.fullmatch(r"wsis-audit \S+ \(judge wsis-judge-v\d+\)\n", result.output), result.output


@pytest.mark.parametrize("args, expected", [
    (["parse", "f.txt", "-q"], ["-q", "parse", "f.txt"]),
    (["audit", "-r", "r.txt", "--max-size-mb", "5", "-m", "m.txt"], ["--max-size-mb", "5", "audit", "-r", "r.txt",
                                                                     "-m", "m.txt"]),
    (["--debug", "parse", "f.txt", "--config=c.toml"], ["--debug", "--config=c.toml", "parse", "f.txt"]),
    (["review", "set", "c.json", "id", "addressed", "--quiet"], ["--quiet", "review", "set", "c.json", "id",
                                                                 "addressed"]),
    (["parse", "--", "-q"], ["parse", "--", "-q"]),  # after `--`, -q is a file name
])
def test_global_options_are_moved_in_front_of_the_command(args, expected):
    assert hoist_global_options(args) == expected


def test_global_options_work_after_the_command():
    quiet = _run("parse", MANDATE, "-q")
    assert quiet.exit_code == 0 and quiet.output == ""
    too_large = _run("parse", MANDATE, "--max-size-mb", "0.0001")
    assert too_large.exit_code == ExitCode.TOO_LARGE and "--max-size-mb" in too_large.output


def test_help_lists_the_choices_of_format_fail_on_and_eval():
    audit_help = _run("audit", "--help").output
    for choice in ("json", "html", "docx", "xlsx", "md", "csv", "all"):
        assert choice in audit_help
    for status in ("addressed", "partial", "not_addressed", "manual_check"):
        assert status in audit_help
    eval_help = _run("eval", "--help").output
    assert "extraction" in eval_help and "judgement" in eval_help


@pytest.mark.parametrize("words, command", _all_commands(), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_help_shows_no_python_types(words, command):
    result = _run(*words, "--help")
    assert result.exit_code == 0
    assert not re.search(r"<(list\[|path|str|int|float|bool)", result.output.lower()), result.output


def test_json_dash_writes_to_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for command in ("parse", "extract"):
        result = _run(command, MANDATE, "--json", "-")
        assert result.exit_code == 0
        data = json.loads(result.stdout)
        assert data["documents"] and not data.get("failures")
    assert not (tmp_path / "-").exists()


def test_audit_out_dash_writes_coverage_json_to_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = _run("audit", "--report", REPORT, "--mandate", MANDATE, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["schema_version"] == "1" and record["requirements"]
    assert not (tmp_path / "-").exists()
    again = _run("report", tmp_path / "nothing.json", "--format", "html", "--out", "-")
    assert again.exit_code != 0
    mixed = _run("audit", "--report", REPORT, "--mandate", MANDATE, "--out", "-")
    assert mixed.exit_code == ExitCode.CONFIG and "--format json" in mixed.output
    assert not (tmp_path / "-").exists()


def test_eval_and_train_honour_quiet(monkeypatch, tmp_path):
    import pipeline.evaluate
    import pipeline.learn.training

    monkeypatch.setattr(pipeline.evaluate, "run_evaluation", lambda what, config, ablation: {"what": what})
    metrics = {"training_rows": {"requirements": 3, "facets": 4, "passage_pairs": 5}, "reports": ["a"],
               "accuracy": 0.5, "macro_f1": 0.5, "unseen_requirements": {"accuracy": 0.4},
               "by_mandate": {"accuracy": 0.45, "macro_f1": 0.44, "false_all_clear": 0.1}}
    monkeypatch.setattr(pipeline.learn.training, "train_judge", lambda config, target, family_cv=True: metrics)
    quiet_eval = _run("eval", "extraction", "-q", "--json", tmp_path / "e.json")
    assert quiet_eval.exit_code == 0 and quiet_eval.output == ""
    assert json.loads((tmp_path / "e.json").read_text()) == {"what": "extraction"}
    quiet_train = _run("--quiet", "train", "--out", tmp_path / "m")
    assert quiet_train.exit_code == 0 and quiet_train.output == ""
    loud_train = _run("train", "--out", tmp_path / "m")
    assert "trained on 3 requirement" in loud_train.output and "leave one mandate out: accuracy 0.450" in \
        loud_train.output


def test_progress_bar_shows_counts_on_a_terminal(tmp_path, monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(cli_support, "err", Console(file=stream, force_terminal=True, width=120))
    result = _run("audit", "--report", REPORT, "--mandate", MANDATE, "--out", tmp_path / "a", "--format", "json,md")
    assert result.exit_code == 0, result.output
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", stream.getvalue())
    # Five steps: the report and the mandate read, the judging, two formats written.
    assert re.search(r"\b[0-5]/5\b", shown), shown
    assert "left" in shown


def test_progress_bar_stays_off_when_standard_error_is_not_a_terminal(tmp_path, monkeypatch):
    stream = io.StringIO()
    monkeypatch.setattr(cli_support, "err", Console(file=stream, force_terminal=False))
    result = _run("audit", "--report", REPORT, "--mandate", MANDATE, "--out", tmp_path / "a", "--format", "json")
    assert result.exit_code == 0
    assert stream.getvalue() == ""


def test_default_output_folders_are_ignored_by_git():
    ignored = (ROOT / ".gitignore").read_text().splitlines()
    assert "/audit-out/" in ignored and "/demo-out/" in ignored


def test_word_header_block_from_options_of_audit_and_report(tmp_path):
    import docx

    out = tmp_path / "a"
    done = _run("-q", "audit", "--report", REPORT, "--mandate", MANDATE, "--out", out, "--format", "json,docx",
                "--doc-number", "C26/45-E", "--doc-date", "12 May 2026")
    assert done.exit_code == 0, done.output
    cells = [c.text for row in docx.Document(str(out / "report.docx")).tables[0].rows for c in row.cells]
    assert "Document C26/45-E" in cells and "12 May 2026" in cells
    again = _run("-q", "report", out / "coverage.json", "--format", "docx", "--doc-number", "C26/46-E")
    assert again.exit_code == 0, again.output
    cells = [c.text for row in docx.Document(str(out / "report.docx")).tables[0].rows for c in row.cells]
    assert "Document C26/46-E" in cells and "12 May 2026" in cells


def test_train_asks_reports_its_threshold_and_an_unknown_model_is_a_usage_error(monkeypatch, tmp_path):
    import pipeline.learn.asks

    figures = {"threshold": 0.9, "recall_rules": 0.95, "recall": 0.97, "precision_rules": 0.98, "precision": 0.97}
    meta = {"units": 10, "texts": 2, "threshold": 0.9, "cross_validated": {"by_writer": [figures]}}
    monkeypatch.setattr(pipeline.learn.asks, "train_asks", lambda config, target: meta)
    loud = _run("train", "asks", "--out", tmp_path / "m")
    assert loud.exit_code == 0, loud.output
    assert "threshold 0.9; grouped by writer: recall 0.950 -> 0.970, precision 0.980 -> 0.970" in loud.output
    assert _run("--quiet", "train", "asks", "--out", tmp_path / "m").output == ""
    wrong = _run("train", "parser")
    assert wrong.exit_code == ExitCode.USAGE and "unknown model 'parser' (use judge, asks or actor-check)" in wrong.output
