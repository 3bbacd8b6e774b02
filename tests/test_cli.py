"""The command line as a user meets it: one clear line per bad file, documented exit codes, files written."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode
from tests import fixtures_docx, fixtures_pdf
from tests.conftest import ROOT

runner = CliRunner()


def _run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _bad_inputs(tmp_path):
    """(file name, bytes, expected exit code, words the message must contain)."""
    good_docx = fixtures_docx.numbered_lists_docx()
    good_pdf = fixtures_pdf.report_pdf(2)
    zbuf = io.BytesIO()
    with zipfile.ZipFile(zbuf, "w") as z:
        z.writestr("hello.txt", "not a word document")
    return [
        ("empty.txt", b"", ExitCode.EMPTY, "empty"),
        ("photo.docx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, ExitCode.UNKNOWN_FORMAT, "format"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, ExitCode.LEGACY_DOC, ".docx"),
        ("locked.pdf", fixtures_pdf.encrypted_pdf(), ExitCode.ENCRYPTED, "encrypted"),
        ("scan.pdf", fixtures_pdf.textless_pdf(), ExitCode.NO_TEXT_LAYER, "OCR"),
        ("cut.pdf", good_pdf[: len(good_pdf) // 2], ExitCode.CORRUPT, "damaged"),
        ("cut.docx", good_docx[: len(good_docx) // 2], ExitCode.CORRUPT, "damaged"),
        ("archive.docx", zbuf.getvalue(), ExitCode.UNKNOWN_FORMAT, "ZIP"),
    ]


@pytest.mark.parametrize("case", range(8))
def test_each_bad_input_gives_one_line_and_its_exit_code(tmp_path, case):
    name, data, code, words = _bad_inputs(tmp_path)[case]
    f = tmp_path / name
    f.write_bytes(data)
    result = _run("parse", f)
    assert result.exit_code == code, result.output
    lines = [ln for ln in result.output.splitlines() if ln.strip()]
    assert len(lines) == 1, result.output
    assert lines[0].startswith(f"error: {f}:") and words.lower() in lines[0].lower()
    assert "Traceback" not in result.output


def test_oversized_file_names_the_limit_and_the_option(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text("A paragraph of text.\n" * 60000)
    result = _run("--max-size-mb", "0.5", "parse", f)
    assert result.exit_code == ExitCode.TOO_LARGE
    assert "--max-size-mb" in result.output
    assert _run("--max-size-mb", "5", "parse", f).exit_code == 0


def test_cp1252_text_reads(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Action required\nThe Group is invited to note the Union\u2019s r\u00e9sum\u00e9.\n".encode("cp1252"))
    out = tmp_path / "o.json"
    result = _run("parse", f, "--json", out)
    assert result.exit_code == 0
    doc = json.loads(out.read_text())["documents"][0]
    assert "Union\u2019s r\u00e9sum\u00e9" in doc["text"]


def test_batch_keeps_good_files_and_lists_bad_ones(tmp_path, example_path):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    result = _run("parse", example_path, bad, "--json", out)
    assert result.exit_code == ExitCode.EMPTY
    data = json.loads(out.read_text())
    assert [d["path"] for d in data["documents"]] == [str(example_path)]
    assert data["failures"][0]["location"] == str(bad) and data["failures"][0]["code"] == ExitCode.EMPTY


def test_parse_example_summary_and_json(tmp_path, example_path):
    out = tmp_path / "out.json"
    result = _run("parse", example_path, "--json", out)
    assert result.exit_code == 0
    assert "II Proposals" in result.output and "2.1, 2.2, 2.3, 2.4, 2.5" in result.output
    blocks = json.loads(out.read_text())["documents"][0]["blocks"]
    proposals = [b["label"] for b in blocks if b["kind"] == "list_item" and b["heading_trail"] == ["II Proposals"]]
    assert proposals == ["2.1", "2.2", "2.3", "2.4", "2.5"]


def test_extract_example_table_and_json(tmp_path, example_path):
    out = tmp_path / "req.json"
    result = _run("extract", example_path, "--json", out)
    assert result.exit_code == 0
    assert "Council Resolution 1332 (Mod 2024)" in result.output
    reqs = json.loads(out.read_text())["documents"][0]["requirements"]
    assert [r["source"]["label"] for r in reqs if r["kind"] == "proposal"] == ["2.1", "2.2", "2.3", "2.4", "2.5"]


def test_extract_says_which_items_lost_their_chapeau_and_keeps_their_actor_unknown(tmp_path):
    """An excerpt that starts on page 3: the user is told which items have no chapeau; no actor is guessed."""
    text = tmp_path / "page3.txt"
    text.write_text("Resolution 1601 (Mod. 2029)\n4 to publish the list of national focal points with Member States;\n"
                    "5 to report to Council each year on its use;\ninvites Member States\n1 to name a focal point.\n",
                    encoding="utf-8")
    out = tmp_path / "req.json"
    result = _run("extract", text, "--json", out)
    assert result.exit_code == 0
    assert "items 4, 5 have no chapeau in the text (a missing page?): actor unknown" in result.output
    reqs = json.loads(out.read_text())["documents"][0]["requirements"]
    assert [(r["source"]["label"], r["actor"]) for r in reqs] == [("4", None), ("5", None), ("1", "Member States")]


def test_bad_config_is_one_line(tmp_path, example_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text("max_size_mb = 10\nunknown_knob = 1\n")
    result = _run("--config", cfg, "parse", example_path)
    assert result.exit_code == ExitCode.CONFIG
    assert "unknown_knob" in result.output and len(result.output.strip().splitlines()) == 1


def test_readme_quick_start_matches_ci():
    readme = (ROOT / "README.md").read_text()
    block = re.search(r"## Quick start.*?```(?:bash|sh)?\n(.*?)```", readme, re.S).group(1)
    commands = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text()
    assert commands[1] in ci.splitlines()


def test_every_command_has_help_with_an_example_and_is_in_readme():
    readme = (ROOT / "README.md").read_text()
    import typer.main
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert "Example: wsis-audit" in (command.help or ""), name
        assert f"wsis-audit {name}" in readme, name
        assert _run(name, "--help").exit_code == 0


def test_parse_cache_by_content_hash(tmp_path, example_path):
    cache = tmp_path / "cache"
    first = _run("--cache-dir", cache, "parse", example_path, "--json", tmp_path / "a.json")
    assert first.exit_code == 0
    entries = list(cache.glob("*.json"))
    assert len(entries) == 1 and entries[0].name.startswith(
        json.loads((tmp_path / "a.json").read_text())["documents"][0]["sha256"])
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(example_path.read_bytes())
    second = _run("--cache-dir", cache, "parse", copy, "--json", tmp_path / "b.json")
    assert second.exit_code == 0 and len(list(cache.glob("*.json"))) == 1
    a = json.loads((tmp_path / "a.json").read_text())["documents"][0]
    b = json.loads((tmp_path / "b.json").read_text())["documents"][0]
    assert b["path"] == str(copy) and a["blocks"] == b["blocks"]


def test_installed_entry_point_exits_with_the_documented_code(tmp_path):
    import subprocess
    import sys

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    proc = subprocess.run([sys.executable, str(ROOT / "cli.py"), "parse", str(empty)], capture_output=True, text=True)
    assert proc.returncode == ExitCode.EMPTY
    assert proc.stderr.strip() == f"error: {empty}: the file is empty (export the document again; a zero-byte file has no text)"
    assert "Traceback" not in proc.stderr
    ok = subprocess.run([sys.executable, str(ROOT / "cli.py"), "--quiet", "parse", str(ROOT / "corpora" / "mandates"
                                                                                        / "pp-res-145.txt")],
                        capture_output=True, text=True)
    assert ok.returncode == 0 and ok.stdout == ""
    usage = subprocess.run([sys.executable, str(ROOT / "cli.py"), "parse", "--no-such-option"], capture_output=True,
                           text=True)
    assert usage.returncode == ExitCode.USAGE


def test_the_readme_python_example_runs_an_audit_in_five_lines(tmp_path, monkeypatch):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert len(code.strip().splitlines()) == 5
    (tmp_path / "draft.docx").write_bytes((ROOT / "corpora/reports/wsis20-draft.docx").read_bytes())
    (tmp_path / "council-res-1332.docx").write_bytes((ROOT / "corpora/mandates/council-res-1390.docx").read_bytes())
    (tmp_path / "our-contribution.txt").write_bytes((ROOT / "corpora/mandates/contribution-ms-2026.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    monkeypatch.setattr("sys.stdout", printed)
    exec(compile(code, "README.md", "exec"), {})
    assert sorted(p.name for p in (tmp_path / "audit-out").iterdir() if not p.name.startswith(".")) == [
        "report.html", "traceability.xlsx"]
    lines = printed.getvalue().splitlines()
    assert len(lines) > 20 and any(" addressed [" in line or " partial [" in line for line in lines)
