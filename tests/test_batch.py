"""Many reports at once, as users meet it: a folder per report, the coverage matrix beside them, a failed report
listed while the others go on, and the same bytes whichever way the reports were run."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode
from tests.conftest import ROOT

runner = CliRunner()
REPORTS = ROOT / "corpora" / "reports"
MANDATE = ROOT / "corpora" / "mandates" / "pp-res-145.txt"
# Two short reports that answer pp-res-145 (corpora/README.md), and a third in another format.
NAMES = ("sg-progress-2026.txt", "bdt-annual-2026.txt", "gs-wsis-input-2026.docx")


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _folder(tmp_path, *extra: tuple[str, bytes]):
    folder = tmp_path / "reports"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(REPORTS / name, folder / name)
    for name, data in extra:
        (folder / name).write_bytes(data)
    return folder


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_folder_gives_a_folder_per_report_and_the_coverage_matrix(tmp_path):
    from pipeline.report.matrix import validate_matrix

    folder = _folder(tmp_path)
    out = tmp_path / "out"
    result = _run("audit", "--report", folder, "--mandate", MANDATE, "--out", out)
    assert result.exit_code == 0, result.output
    for stem in ("sg-progress-2026", "bdt-annual-2026", "gs-wsis-input-2026"):
        assert {p.name for p in (out / stem).iterdir()} >= {"coverage.json", "report.html", "report.docx",
                                                            "traceability.xlsx", "report.md", "requirements.csv"}
    assert {"matrix.json", "matrix.html", "matrix.xlsx"} <= {p.name for p in out.iterdir()}
    matrix = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    validate_matrix(matrix)
    assert [r["name"] for r in matrix["reports"]] == ["bdt-annual-2026", "gs-wsis-input-2026", "sg-progress-2026"]
    coverage = json.loads((out / "sg-progress-2026" / "coverage.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in matrix["requirements"]] == [r["id"] for r in coverage["requirements"]]
    # Each cell is that report's status and confidence, linked to the requirement's row in its report.html.
    column = [r["name"] for r in matrix["reports"]].index("sg-progress-2026")
    for row, req in zip(matrix["requirements"], coverage["requirements"]):
        cell = row["cells"][column]
        assert (cell["status"], cell["confidence"]) == (req["status"], req["confidence"])
        assert cell["evidence"] == f"sg-progress-2026/report.html#{req['id']}"
    html = (out / "sg-progress-2026" / "report.html").read_text(encoding="utf-8")
    first = matrix["requirements"][0]
    assert f'id="{first["id"]}"' in html
    assert f'href="{first["cells"][column]["evidence"]}"' in (out / "matrix.html").read_text(encoding="utf-8")
    assert "3 of 3 reports audited" in result.output


def test_the_matrix_workbook_links_each_status_to_its_evidence(tmp_path):
    from openpyxl import load_workbook

    folder = _folder(tmp_path)
    out = tmp_path / "out"
    assert _run("-q", "audit", "--report", folder, "--mandate", MANDATE, "--out", out).exit_code == 0
    matrix = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    wb = load_workbook(out / "matrix.xlsx")
    assert wb.sheetnames == ["Status", "Confidence", "Reports"]
    status, confidence = wb["Status"], wb["Confidence"]
    heads = [c.value for c in status[1]]
    j = heads.index("sg-progress-2026") + 1
    k = [r["name"] for r in matrix["reports"]].index("sg-progress-2026")
    for i, row in enumerate(matrix["requirements"], start=2):
        cell = status.cell(i, j)
        assert cell.value == row["cells"][k]["status"]
        assert cell.hyperlink.target == row["cells"][k]["evidence"]
        assert confidence.cell(i, j).value == row["cells"][k]["confidence"]


def test_a_report_that_fails_is_listed_and_the_others_go_on(tmp_path):
    folder = _folder(tmp_path, ("empty.txt", b""))
    out = tmp_path / "out"
    result = _run("audit", "--report", folder, "--mandate", MANDATE, "--out", out)
    # The batch's exit code is that of its first failure, as for several mandates (README, Exit codes).
    assert result.exit_code == ExitCode.EMPTY, result.output
    assert f"error: {folder / 'empty.txt'}: the file is empty" in result.output
    assert (out / "sg-progress-2026" / "coverage.json").exists() and not (out / "empty").exists()
    matrix = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    failed = [r for r in matrix["reports"] if not r["audited"]]
    assert [(r["name"], r["error"]["code"]) for r in failed] == [("empty", ExitCode.EMPTY)]
    k = [r["name"] for r in matrix["reports"]].index("empty")
    assert all(row["cells"][k] is None for row in matrix["requirements"])
    assert matrix["failures"][0]["location"] == str(folder / "empty.txt")
    assert "3 of 4 reports audited; 1 failed" in result.output


def test_a_batch_member_writes_exactly_what_its_single_audit_writes(tmp_path):
    folder = _folder(tmp_path)
    batch = tmp_path / "batch"
    assert _run("-q", "audit", "--report", folder, "--mandate", MANDATE, "--out", batch).exit_code == 0
    single = tmp_path / "single"
    done = _run("-q", "audit", "--report", folder / "sg-progress-2026.txt", "--mandate", MANDATE, "--out", single,
                "--no-cache")
    assert done.exit_code == 0, done.output
    assert _files(single) == _files(batch / "sg-progress-2026")


def test_reports_repeated_on_the_command_line_share_stems_without_clashing(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(REPORTS / "sg-progress-2026.txt", a / "sg-progress-2026.txt")
    shutil.copy(REPORTS / "sg-progress-2026.docx", a / "sg-progress-2026.docx")
    shutil.copy(REPORTS / "sg-progress-2027.txt", b / "sg-progress-2026.txt")
    out = tmp_path / "out"
    result = _run("-q", "audit", "--report", a / "sg-progress-2026.txt", "--report", a / "sg-progress-2026.docx",
                  "--report", b / "sg-progress-2026.txt", "--mandate", MANDATE, "--out", out, "--format", "json")
    assert result.exit_code == 0, result.output
    names = [r["name"] for r in json.loads((out / "matrix.json").read_text())["reports"]]
    assert names == ["sg-progress-2026.txt-1", "sg-progress-2026.docx", "sg-progress-2026.txt-2"]
    assert all((out / n / "coverage.json").exists() for n in names)
    assert not (out / "matrix.html").exists()  # the matrix follows --format: json only


@pytest.mark.parametrize("args, code, words", [
    (["--report", "{empty}"], ExitCode.NOT_FOUND, "no report in this folder"),
    (["--report", "{folder}", "--decisions", "d.csv"], ExitCode.CONFIG, "its own decisions.csv"),
    (["--report", "{folder}", "--out", "-", "--format", "json"], ExitCode.CONFIG, "several reports need a folder"),
])
def test_batch_usage_errors_are_one_line(tmp_path, args, code, words):
    folder = _folder(tmp_path)
    (tmp_path / "empty").mkdir()
    filled = [a.format(empty=tmp_path / "empty", folder=folder) for a in args]
    result = _run("audit", *filled, "--mandate", MANDATE, *([] if "--out" in filled else ["--out", tmp_path / "o"]))
    assert result.exit_code == code, result.output
    assert words in result.output and len(result.output.strip().splitlines()) == 1


@pytest.mark.slow  # a local Dask cluster starts two workers: about 23 s on 2 cores
def test_jobs_and_a_two_worker_local_cluster_give_the_same_bytes(tmp_path):
    pytest.importorskip("dask.distributed", reason='the dask extra is not installed (pip install -e ".[dask]")')
    folder = _folder(tmp_path, ("empty.txt", b""))
    runs = {"serial": ["--jobs", "1"], "processes": ["--jobs", "2"], "dask": ["--scheduler", "local", "--jobs", "2"]}
    files = {}
    for name, extra in runs.items():
        out = tmp_path / name
        result = _run("-q", "audit", "--report", folder, "--mandate", MANDATE, "--out", out, "--no-cache", *extra)
        assert result.exit_code == ExitCode.EMPTY, (name, result.output)
        files[name] = _files(out)
    assert len(files["serial"]) == 3 * 6 + 3
    assert files["processes"] == files["serial"]
    assert files["dask"] == files["serial"]


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    pytest.importorskip("dask.distributed", reason='the dask extra is not installed (pip install -e ".[dask]")')
    import pipeline.batch

    monkeypatch.setattr(pipeline.batch, "CONNECT_TIMEOUT_S", 1)
    result = _run("audit", "--report", _folder(tmp_path), "--mandate", MANDATE, "--out", tmp_path / "o",
                  "--scheduler", "tcp://127.0.0.1:9", "--no-cache")
    assert result.exit_code == ExitCode.CONFIG, result.output
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_without_dask_the_hint_names_the_extra(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "dask.distributed", None)  # as if the extra were not installed
    result = _run("audit", "--report", _folder(tmp_path), "--mandate", MANDATE, "--out", tmp_path / "o",
                  "--scheduler", "local", "--no-cache")
    assert result.exit_code == ExitCode.CONFIG
    assert 'pip install -e ".[dask]"' in result.output


def test_a_report_whose_folder_cannot_be_written_fails_alone(tmp_path):
    folder = _folder(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / "bdt-annual-2026").write_text("a file where the report's folder should go")
    result = _run("audit", "--report", folder, "--mandate", MANDATE, "--out", out, "--format", "json")
    assert result.exit_code == ExitCode.OUTPUT, result.output
    assert f"error: {out / 'bdt-annual-2026'}: cannot write here" in result.output
    assert (out / "sg-progress-2026" / "coverage.json").exists()
    matrix = json.loads((out / "matrix.json").read_text(encoding="utf-8"))
    assert [r["name"] for r in matrix["reports"] if not r["audited"]] == ["bdt-annual-2026"]
