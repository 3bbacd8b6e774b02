"""Inputs that once crashed, hung or exhausted memory (#18): each gives one line and its documented exit code."""

from __future__ import annotations

import io
import os
import zipfile

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode, InputError
from pipeline.parse import parse_bytes, parse_file
from tests import fixtures_docx
from tests.conftest import ROOT
from tests.fuzz.limits import run_limited

runner = CliRunner()
MANDATES = ROOT / "corpora" / "mandates"


def _parse(*files):
    return runner.invoke(app, ["parse", *map(str, files)])


def _error_lines(output: str) -> list[str]:
    return [ln for ln in output.splitlines() if ln.startswith("error:")]


def _parse_outcome(data: bytes, name: str = "case"):
    """parse_bytes in a limited child: ('ok', format) or ('error', code, message) or the limit that was hit."""
    def work():
        try:
            return ("ok", parse_bytes(data, path=name).format)
        except InputError as exc:
            return ("error", exc.code, exc.line())
    return run_limited(work)


def test_docx_with_an_unsupported_zip_version_is_damaged_and_the_batch_goes_on(tmp_path):
    data = bytearray((MANDATES / "council-res-1390.docx").read_bytes())
    at = data.index(b"PK\x01\x02") + 6  # "version needed to extract" of the first central-directory entry
    data[at] = 0xFF
    bad = tmp_path / "version.docx"
    bad.write_bytes(bytes(data))
    result = _parse(bad, MANDATES / "pp-res-145.txt")
    assert result.exit_code == ExitCode.CORRUPT, result.output
    assert _error_lines(result.output) == [l for l in _error_lines(result.output) if str(bad) in l]
    assert len(_error_lines(result.output)) == 1 and "damaged" in result.output
    assert "pp-res-145.txt" in result.output  # the next file was still parsed


def test_markdown_heading_with_a_long_run_of_spaces_parses_at_once():
    data = b"# a" + b" " * 30000 + b"b\n# Second heading\nText.\n"
    outcome = _parse_outcome(data)
    assert outcome.kind == "ok", outcome
    assert outcome.value == ("ok", "markdown")


def test_pdf_gutter_search_does_not_allocate_by_the_page_width():
    from pipeline.parse.pdf import _Segment, _find_gutter

    # Ten rows of text, one of them claiming a width of a billion points (a mutated file's coordinates).
    rows = [[_Segment(0.0, 200.0, []), _Segment(300.0, 500.0, [])] for _ in range(9)]
    rows.append([_Segment(0.0, 1e9, [])])
    outcome = run_limited(_find_gutter, rows, memory=512 << 20, cpu_s=10)
    assert outcome.kind in ("ok", "raised") and outcome.kind == "ok", outcome


@pytest.mark.parametrize("exc_text, err_code", [("Failed to load document (PDFium: Success).", 0),
                                                ("Failed to load document (PDFium: Data format error).", 3)])
def test_pdf_error_messages_say_what_is_wrong(exc_text, err_code):
    import pypdfium2 as pdfium

    from pipeline.parse.pdf import _pdfium_reason

    reason = _pdfium_reason(pdfium.PdfiumError(exc_text, err_code=err_code))
    assert "success" not in reason.lower() and reason.strip()


def test_memory_error_in_a_parser_is_not_shown_as_a_python_exception_name(monkeypatch):
    import pipeline.parse.text as text

    def boom(*a, **k):
        raise MemoryError
    monkeypatch.setattr(text, "parse_text", boom)
    with pytest.raises(InputError) as info:
        parse_bytes(b"Some text.\n", path="big.txt")
    assert "MemoryError" not in info.value.line() and "memory" in info.value.line()


def _docx_with_document_xml(size: int) -> bytes:
    """A real DOCX whose word/document.xml is padded to `size` bytes of paragraphs (compresses ~1000:1)."""
    src = zipfile.ZipFile(io.BytesIO(fixtures_docx.numbered_lists_docx()))
    buf = io.BytesIO()
    para = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>"
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename != "word/document.xml":
                dst.writestr(info.filename, body)
                continue
            head, tail = body.split(b"<w:body>", 1)
            part = zipfile.ZipInfo("word/document.xml")
            part.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(part, "w", force_zip64=True) as out:
                out.write(head + b"<w:body>")
                chunk = para * (1 << 15)
                for _ in range(size // len(chunk)):
                    out.write(chunk)
                out.write(tail)
    return buf.getvalue()


def test_docx_that_expands_to_a_huge_xml_part_is_refused_within_memory_limits():
    data = _docx_with_document_xml(120_000_000)
    assert len(data) < 2_000_000
    outcome = _parse_outcome(data, "bomb.docx")
    assert outcome.kind == "ok", outcome
    assert outcome.value[:2] == ("error", ExitCode.CORRUPT)
    assert "MB" in outcome.value[2] and "MemoryError" not in outcome.value[2]


def test_docx_whose_zip_headers_understate_the_size_is_refused_within_memory_limits():
    # Over the 1 GB limit once expanded: a reader trusting the header would decompress it all in one call.
    data = bytearray(_docx_with_document_xml(1_100_000_000))
    # Claim 1000 bytes for document.xml in the central directory (the size a ZIP reader trusts).
    at = 0
    while (at := data.find(b"PK\x01\x02", at + 1)) != -1:
        name_len = int.from_bytes(data[at + 28:at + 30], "little")
        if data[at + 46:at + 46 + name_len] == b"word/document.xml":
            data[at + 24:at + 28] = (1000).to_bytes(4, "little")
            break
    else:
        raise AssertionError("no central-directory entry for word/document.xml")
    outcome = _parse_outcome(bytes(data), "understated.docx")
    assert outcome.kind == "ok", outcome
    assert outcome.value[:2] == ("error", ExitCode.CORRUPT)
    assert "MemoryError" not in outcome.value[2]


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def work():
        try:
            parse_file(fifo)
            return ("ok",)
        except InputError as exc:
            return ("error", exc.code, exc.line())
    outcome = run_limited(work, wait_s=30)
    assert outcome.kind == "ok", outcome
    assert outcome.value[:2] == ("error", ExitCode.UNKNOWN_FORMAT)
    assert "not a regular file" in outcome.value[2] and str(fifo) in outcome.value[2]


def test_a_device_is_refused_without_reading_it():
    def work():
        try:
            parse_file("/dev/zero")
            return ("ok",)
        except InputError as exc:
            return ("error", exc.code, exc.line())
    outcome = run_limited(work, memory=1 << 30, cpu_s=10)
    assert outcome.kind == "ok", outcome
    assert outcome.value[:2] == ("error", ExitCode.UNKNOWN_FORMAT)
    assert outcome.value[2].startswith("error: /dev/zero: not a regular file")


def test_a_directory_is_refused_with_one_line(tmp_path):
    result = _parse(tmp_path)
    assert result.exit_code == ExitCode.NOT_FOUND, result.output
    assert f"error: {tmp_path}: is a directory" in result.output


def test_a_file_without_read_permission_is_exit_10_and_the_batch_goes_on(tmp_path, monkeypatch):
    denied = tmp_path / "secret.txt"
    denied.write_text("The Council resolves to do things.\n")
    real_open = os.open

    def guarded_open(path, *args, **kwargs):
        if os.fspath(path) == str(denied):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(os, "open", guarded_open)
    result = _parse(denied, MANDATES / "pp-res-145.txt")
    assert result.exit_code == ExitCode.NOT_FOUND, result.output
    assert _error_lines(result.output) == [f"error: {denied}: permission denied (give yourself read access, "
                                           "e.g. `chmod u+r FILE`, or copy the file somewhere you can read it)"]
    assert "pp-res-145.txt" in result.output
