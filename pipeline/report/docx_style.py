"""Word styling: the A4 template and its styles, fonts, footer fields, shaded cells, tables whose widths hold.

Column widths are written to the grid and to every cell, so Word and LibreOffice draw the same columns.
"""

from __future__ import annotations

import weakref

# A4 with 2 cm margins, as ITU documents are printed: 17 cm of text width.
PAGE_WIDTH_CM, PAGE_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
TEXT_WIDTH_CM = PAGE_WIDTH_CM - 2 * MARGIN_CM
# ITU documents are set in Calibri; 11 pt body, 10 pt in tables so four columns fit.
FONT, BODY_PT, TABLE_PT, TITLE_PT = "Calibri", 11, 10, 14


# ---------------------------------------------------------------- the template: page, styles, footer


def _template():
    """An empty A4 document with every style this report uses defined once: no theme fonts, no blue headings."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(PAGE_WIDTH_CM), Cm(PAGE_HEIGHT_CM)
    section.left_margin = section.right_margin = Cm(MARGIN_CM)
    section.top_margin = section.bottom_margin = Cm(MARGIN_CM)
    section.footer_distance = Cm(1.0)
    black = RGBColor(0, 0, 0)

    def font(style, size, *, bold=False, italic=False):
        _set_font(style.font, FONT)
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.font.color.rgb = black

    normal = doc.styles["Normal"]
    font(normal, BODY_PT)
    normal.paragraph_format.space_before = Pt(6)
    normal.paragraph_format.space_after = Pt(0)
    for name, size, before in (("Heading 1", 12, 18), ("Heading 2", 11, 12), ("Title", TITLE_PT, 18)):
        style = doc.styles[name]
        font(style, size, bold=True)
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True
        _no_border(style)
    doc.styles["Title"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for name in ("List Number", "List Bullet"):
        font(doc.styles[name], BODY_PT)
    cell = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    cell.base_style = normal
    font(cell, TABLE_PT)
    cell.paragraph_format.space_before = Pt(2)
    cell.paragraph_format.space_after = Pt(2)
    source = doc.styles.add_style("Document Source", WD_STYLE_TYPE.PARAGRAPH)
    source.base_style = normal
    font(source, 12, bold=True)
    source.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    source.paragraph_format.space_before = Pt(24)
    footer = doc.styles["Footer"]
    font(footer, 9)
    _page_number_footer(section)
    return doc


def _set_font(font, name: str) -> None:
    """The font for every script (ASCII, complex, East Asian), so no theme font shows through."""
    from docx.oxml.ns import qn

    font.name = name
    rfonts = font.element.rPr.rFonts if font.element.rPr is not None else None
    if rfonts is not None:
        for attr in ("w:eastAsia", "w:cs", "w:hAnsi", "w:ascii"):
            rfonts.set(qn(attr), name)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(attr), None)


def _no_border(style) -> None:
    """Remove the paragraph border python-docx's default Title style draws under the title."""
    from docx.oxml.ns import qn

    ppr = style.element.pPr
    if ppr is not None:
        for el in ppr.findall(qn("w:pBdr")):
            ppr.remove(el)


def _page_number_footer(section) -> None:
    """'Page N of M', centred: PAGE and NUMPAGES fields, which Word and LibreOffice fill in when they lay out."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = section.footer.paragraphs[0]
    p.style = "Footer"
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Page ")
    _field(p, "PAGE", "1")
    p.add_run(" of ")
    _field(p, "NUMPAGES", "1")


def _field(paragraph, instruction: str, placeholder: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind):
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    paragraph.add_run()._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    paragraph.add_run()._r.append(instr)
    paragraph.add_run()._r.append(char("separate"))
    paragraph.add_run(placeholder)
    paragraph.add_run()._r.append(char("end"))



def _shade(cell, fill: str) -> None:
    """Cell background colour (w:shd), the way Word itself shades table cells."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    """Mark a row as a header row, repeated at the top of each page the table runs onto (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


# The order of a table's properties in WordprocessingML (ECMA-376 17.4.60): Word rejects a file that breaks it.
TBL_PR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
                "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook")


def _set_tbl_pr(table, tag: str, attrs: dict[str, str], children=()) -> None:
    """Replace one table property, inserting it at its place in the schema's order."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn(f"w:{tag}")):
        tbl_pr.remove(old)
    el = OxmlElement(f"w:{tag}")
    for k, v in attrs.items():
        el.set(qn(k), v)
    for child in children:
        el.append(child)
    later = TBL_PR_ORDER[TBL_PR_ORDER.index(tag) + 1:]
    after = next((c for c in tbl_pr if c.tag.rsplit("}", 1)[-1] in later), None)
    if after is None:
        tbl_pr.append(el)
    else:
        after.addprevious(el)


def _fix_widths(table, widths_cm: tuple[float, ...]) -> None:
    """Fixed layout, total width and the grid's columns set to the cell widths: LibreOffice draws the grid (which
    python-docx leaves at equal columns), Word the cells; both must say the same."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table.autofit = False  # w:tblLayout fixed
    _set_tbl_pr(table, "tblW", {"w:w": str(Cm(sum(widths_cm)).twips), "w:type": "dxa"})
    for col, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        col.set(qn("w:w"), str(Cm(width).twips))


def _style_id(doc, name: str) -> str | None:
    """The id python-docx writes for a paragraph style (None for the default style), looked up once per document:
    python-docx searches every style on each lookup and again on each assignment, three seconds of a report of
    500 requirements."""
    from docx.enum.style import WD_STYLE_TYPE

    ids = _STYLE_IDS.setdefault(doc.part, {})
    if name not in ids:
        style = doc.styles[name]
        ids[name] = None if style == doc.styles.default(WD_STYLE_TYPE.PARAGRAPH) else style.style_id
    return ids[name]


def _styled(p, doc, name: str):
    """Paragraph p in the named style, as `p.style = name` would set it."""
    p._p.style = _style_id(doc, name)
    return p


_STYLE_IDS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _table(doc, headers: list[str], widths_cm: tuple[float, ...]):
    """A 'Table Grid' table with a bold, repeated header row and fixed column widths in grid and cells."""
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    _fix_widths(table, widths_cm)
    for cell, text, width in zip(table.rows[0].cells, headers, widths_cm):
        cell.width = Cm(width)
        p = _styled(cell.paragraphs[0], doc, "Table Text")
        p.add_run(text).bold = True
        _shade(cell, "F2F2F2")
    _repeat_header(table.rows[0])
    return table


def _add_row(doc, table, values: list[str], widths_cm: tuple[float, ...]):
    from docx.shared import Cm

    cells = table.add_row().cells
    for cell, value, width in zip(cells, values, widths_cm):
        cell.width = Cm(width)
        p = _styled(cell.paragraphs[0], doc, "Table Text")
        if value:
            p.add_run(value)
    return cells
