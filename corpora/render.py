"""Render each corpus text as DOCX (automatic Word numbering) and PDF (running header and footer, page numbers).

The renderings test that extraction gives the same requirements whatever the format. Run from the repo root
after editing a text: `python corpora/render.py` for every document, or `python corpora/render.py STEM ...` for
some (needs the `test` extra for fpdf2). `python corpora/render.py --blind [STEM ...]` renders the
extraction excerpts in `corpora/extraction-blind/` and `corpora/extraction-dev/` from the paragraphs their gold
files describe, without our parser. Outputs are committed, and the same text always gives the same bytes (fixed dates inside the files), so
rendering again does not churn the repository.
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import docx  # noqa: E402
from docx.oxml import parse_xml  # noqa: E402
from docx.oxml.ns import nsdecls, qn  # noqa: E402
from docx.shared import Pt  # noqa: E402
from fpdf import FPDF  # noqa: E402

from pipeline.model import BlockKind, Document  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402

W = nsdecls("w")
# Every rendering carries this date (document properties, ZIP entries, PDF metadata): reproducible bytes.
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
FONT_DIRS = ("/usr/share/fonts/truetype/dejavu",)


def render_docx(doc: Document) -> bytes:
    """Headings in Heading styles; numbered items with real automatic numbering (startOverride for gaps)."""
    d = docx.Document()
    numbering = d.part.numbering_part.element
    # Abstract lists: 901 = decimal "%1" (ITU operative items), 902 = lowerLetter "%1)".
    # Our abstract lists go before the template's w:num elements (schema order), with ids it does not use.
    first_num = numbering.find(qn("w:num"))
    insert = (lambda el: first_num.addprevious(el)) if first_num is not None else numbering.append
    insert(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="901"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:lvlText w:val="%1"/><w:suff w:val="tab"/></w:lvl></w:abstractNum>'))
    insert(parse_xml(
        f'<w:abstractNum {W} w:abstractNumId="902"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
        f'<w:lvlText w:val="%1)"/><w:suff w:val="tab"/></w:lvl></w:abstractNum>'))
    next_num = [900]

    def new_num(abstract: int, start: int) -> int:
        n = next_num[0]
        next_num[0] += 1
        numbering.append(parse_xml(
            f'<w:num {W} w:numId="{n}"><w:abstractNumId w:val="{abstract}"/><w:lvlOverride w:ilvl="0">'
            f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'))
        return n

    current = {"decimal": (None, 0), "letter": (None, 0)}  # numId, next value it will show
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING:
            text = f"{b.label}\t{b.text}" if b.label else b.text
            d.add_heading(text, level=min(b.level or 1, 3))
            current = {"decimal": (None, 0), "letter": (None, 0)}
            continue
        label = b.label or ""
        if b.kind is BlockKind.LIST_ITEM and re.fullmatch(r"\d{1,2}", label):
            kind, value, abstract = "decimal", int(label), 901
        elif b.kind is BlockKind.LIST_ITEM and re.fullmatch(r"[a-z]\)", label):
            kind, value, abstract = "letter", ord(label[0]) - 96, 902
        else:
            # Dotted and other labels stay manual, as many contributions type them: "2.1.<TAB>To include …".
            p = d.add_paragraph(f"{label}\t{b.text}" if label else b.text)
            if b.kind is not BlockKind.LIST_ITEM:
                current = {"decimal": (None, 0), "letter": (None, 0)}
            continue
        num_id, shows = current[kind]
        if num_id is None or shows != value:
            num_id = new_num(abstract, value)
        current[kind] = (num_id, value + 1)
        p = d.add_paragraph(b.text)
        ppr = p._p.get_or_add_pPr()
        ppr.append(parse_xml(f'<w:numPr {W}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
    props = d.core_properties
    props.created = props.modified = props.last_printed = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry dated FIXED_DATE, in the same order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


class _ReportPDF(FPDF):
    def __init__(self, running: str):
        super().__init__(format="A4")
        self.running = running
        self.set_creation_date(FIXED_DATE)
        self.add_font("Body", "", f"{FONT_DIRS[0]}/DejaVuSans.ttf")
        self.add_font("Body", "B", f"{FONT_DIRS[0]}/DejaVuSans-Bold.ttf")
        self.set_auto_page_break(True, margin=22)

    def header(self):
        self.set_font("Body", "", 8)
        self.cell(0, 6, self.running, align="R")
        self.ln(10)

    def footer(self):
        self.set_y(-15)
        self.set_font("Body", "", 8)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def render_pdf(doc: Document) -> bytes:
    """A4 pages, 10.5 pt body, bold headings, hanging labels; the symbol runs in the header of every page."""
    pdf = _ReportPDF(doc.symbol or (doc.title or "")[:60])
    pdf.add_page()
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING:
            pdf.ln(2)
            pdf.set_font("Body", "B", 13 if (b.level or 1) == 1 else 11.5)
            pdf.multi_cell(0, 6.5, f"{b.label}  {b.text}" if b.label else b.text)
            pdf.ln(1.5)
            continue
        pdf.set_font("Body", "", 10.5)
        if b.label:
            x = pdf.l_margin
            pdf.set_x(x)
            pdf.cell(12, 5.2, b.label)
            pdf.set_left_margin(x + 12)
            pdf.multi_cell(0, 5.2, b.text)
            pdf.set_left_margin(x)
        else:
            pdf.multi_cell(0, 5.2, b.text)
        pdf.ln(2.2)
    return bytes(pdf.output())


# The held-out excerpts (never tuned on) and the first blind set (tuned on since; see corpora/README.md).
EXCERPT_DIRS = (ROOT / "corpora" / "extraction-blind", ROOT / "corpora" / "extraction-dev")


def blind_paragraphs(text: str, paragraphs: str) -> list[str]:
    """The paragraphs a blind excerpt stands for, read from its gold layout, never by our parser.

    "lines": one paragraph per line. "blank-lines": paragraphs between blank lines, their hard-broken lines joined.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if paragraphs == "lines":
        return [ln.strip() for ln in lines if ln.strip()]
    chunks = re.split(r"\n\s*\n", "\n".join(lines))
    return [re.sub(r"\s*\n\s*", " ", c).strip() for c in chunks if c.strip()]


def render_blind_docx(paras: list[str], title: str) -> bytes:
    """Plain paragraphs as typed (labels stay in the text, as in documents typed without automatic numbering)."""
    d = docx.Document()
    d.core_properties.title = title[:255]  # Word's limit for a core property
    d.core_properties.created = d.core_properties.modified = FIXED_DATE
    d.core_properties.last_printed = FIXED_DATE
    for p in paras:
        d.add_paragraph(p)
    buf = io.BytesIO()
    d.save(buf)
    return _fixed_zip(buf.getvalue())


class _BlindPDF(FPDF):
    def __init__(self, header: str | None, footer: str | None):
        super().__init__(format="A4")
        self.running_header, self.running_footer = header, footer
        self.set_creation_date(FIXED_DATE)
        self.add_font("Body", "", f"{FONT_DIRS[0]}/DejaVuSans.ttf")
        self.set_auto_page_break(True, margin=22)

    def header(self):
        if self.running_header:
            self.set_font("Body", "", 8)
            self.cell(0, 6, self.running_header, align="R")
        self.ln(10)

    def footer(self):
        if self.running_footer:
            self.set_y(-15)
            self.set_font("Body", "", 8)
            self.cell(0, 6, self.running_footer.replace("{page}", str(self.page_no())), align="C")


def render_blind_pdf(paras: list[str], layout: dict) -> bytes:
    """A4, 10 pt, one or two columns, the excerpt's running header and footer on every page."""
    pdf = _BlindPDF(layout.get("header"), layout.get("footer"))
    paras = [p.replace("\t", " ") for p in paras]  # a tab after a label prints as a gap, not a glyph
    pdf.add_page()
    pdf.set_font("Body", "", 10)
    columns = int(layout.get("pdf_columns") or 1)
    if columns > 1:
        with pdf.text_columns(ncols=columns, gutter=8, text_align="LEFT", line_height=1.25) as cols:
            for p in paras:
                cols.write(p)
                cols.ln()
                cols.ln()
    else:
        for p in paras:
            pdf.multi_cell(0, 5, p)
            pdf.ln(2)
    return bytes(pdf.output())


def render_blind(stems: list[str]) -> None:
    """DOCX and PDF of each extraction excerpt (blind and development), from the paragraphs its gold layout names."""
    import json

    for folder in EXCERPT_DIRS:
        for gold in sorted(folder.glob("*.json")):
            if stems and gold.stem not in stems:
                continue
            meta = json.loads(gold.read_text(encoding="utf-8"))
            txt = folder / meta["document"]
            layout = meta.get("layout") or {}
            paras = blind_paragraphs(txt.read_text(encoding="utf-8"), layout.get("paragraphs", "lines"))
            txt.with_suffix(".docx").write_bytes(render_blind_docx(paras, meta.get("title") or txt.stem))
            txt.with_suffix(".pdf").write_bytes(render_blind_pdf(paras, layout))
            print(f"rendered {txt.relative_to(ROOT)} -> .docx, .pdf")


def main(stems: list[str]) -> None:
    if stems[:1] == ["--blind"]:
        render_blind(stems[1:])
        return
    known = {t.stem for folder in ("mandates", "reports") for t in (ROOT / "corpora" / folder).glob("*.txt")}
    unknown = sorted(set(stems) - known)
    if unknown:
        sys.exit(f"render.py: no corpus text named {', '.join(unknown)} (give stems such as wsis20-draft)")
    for folder in ("mandates", "reports"):
        for txt in sorted((ROOT / "corpora" / folder).glob("*.txt")):
            if stems and txt.stem not in stems:
                continue
            doc = parse_file(txt)
            txt.with_suffix(".docx").write_bytes(render_docx(doc))
            txt.with_suffix(".pdf").write_bytes(render_pdf(doc))
            print(f"rendered {txt.relative_to(ROOT)} -> .docx, .pdf")


if __name__ == "__main__":
    main(sys.argv[1:])
