"""Render a reflection pair's contribution.txt as contribution.docx the way a delegation's Word file carries it:
changes marked {+inserted+} and {-deleted-} as Word's own tracked changes (w:ins, w:del), and a comments table
written as TAB-separated lines as a Word table (plain text loses a table's columns; Word keeps them).

    python corpora/render_contribution.py corpora/reflection-dev/ra-wtdc-tracked [...]

Paragraphs are the text's blank-line separated blocks, their lines joined where they were broken by hand (a block of
short lines is a paragraph per line). The same text gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls  # noqa: E402

from render import FIXED_DATE  # noqa: E402

W = nsdecls("w")
MARK_RE = re.compile(r"\{\+(?P<ins>.*?)\+\}|\{-(?P<del>.*?)-\}", re.S)
AUTHOR = "Delegation"
STAMP = FIXED_DATE.strftime("%Y-%m-%dT%H:%M:%SZ")


def _run(text: str, *, deleted: bool = False) -> str:
    tag = "w:delText" if deleted else "w:t"
    return f'<w:r><{tag} xml:space="preserve">{escape(text)}</{tag}></w:r>'


def paragraph_xml(text: str, ids: list[int]) -> str:
    """One w:p: plain runs, and w:ins / w:del around the marked parts."""
    parts, at = [], 0
    for m in MARK_RE.finditer(text):
        if m.start() > at:
            parts.append(_run(text[at:m.start()]))
        ids[0] += 1
        attrs = f'w:id="{ids[0]}" w:author="{AUTHOR}" w:date="{STAMP}"'
        if m.group("ins") is not None:
            parts.append(f"<w:ins {attrs}>{_run(m.group('ins'))}</w:ins>")
        else:
            parts.append(f"<w:del {attrs}>{_run(m.group('del'), deleted=True)}</w:del>")
        at = m.end()
    if at < len(text):
        parts.append(_run(text[at:]))
    return f"<w:p {W}>{''.join(parts)}</w:p>"


def _table(d, rows: list[list[str]]) -> None:
    """A Word table, one row per line, placed before the section properties like the paragraphs."""
    table = d.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text.strip()


def render(pair: Path) -> Path:
    text = (pair / "contribution.txt").read_text(encoding="utf-8")
    d = docx.Document()
    props = d.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.author = props.last_modified_by = AUTHOR
    body = d.element.body
    ids = [0]
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = para.splitlines()
        if all(line.count("\t") >= 2 for line in lines):
            _table(d, [line.split("\t") for line in lines])
            continue
        # Lines broken by hand (every line but the last a long one) are one paragraph; a block whose lines are short
        # headers and marks ("Paragraph 12", "Submitted by: …", "ADD 12bis", the text) is a paragraph per line.
        wrapped = all(len(line.strip()) >= 50 for line in lines[:-1])
        for chunk in ([" ".join(line.strip() for line in lines)] if wrapped else [line.strip() for line in lines]):
            body.insert(len(body) - 1, parse_xml(paragraph_xml(chunk, ids)))  # before the section properties
    buf = io.BytesIO()
    d.save(buf)
    src, out = zipfile.ZipFile(io.BytesIO(buf.getvalue())), io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    target = pair / "contribution.docx"
    target.write_bytes(out.getvalue())
    return target


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print("wrote", render(Path(arg)))
