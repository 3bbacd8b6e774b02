"""PDF fixtures built in code with fpdf2, so each test document documents itself.

Every builder returns the PDF as bytes. Lines are placed one by one (``cell``) where a test depends
on where a line breaks (hyphenation, two columns); ``multi_cell`` is used only for bulk text.
"""

from __future__ import annotations

from fpdf import FPDF

RUNNING_HEADER = "CWG-WSIS&SDG-44/3"
FOOTER_TEMPLATE = "Page {n} of {m}"
HYPHENATED_WORD = "implementation"  # broken as "imple-" / "mentation" in the report fixture
REAL_HYPHEN_WORD = "Secretary-General"  # broken as "Secretary-" / "General": the hyphen stays

BODY_SIZE = 11
LINE_H = 5.5  # mm; about 1.4x the 11 pt body size, as in ITU Word templates


class _Report(FPDF):
    """A4 report with the ITU-style running header (document symbol) and a "Page N of M" footer."""

    def __init__(self, header_text: str = RUNNING_HEADER, *, footer: str | None = FOOTER_TEMPLATE) -> None:
        super().__init__(format="A4", unit="mm")
        self.header_text = header_text
        self.footer_template = footer
        self.set_auto_page_break(auto=True, margin=22)
        self.set_margins(25, 25, 25)

    def header(self) -> None:
        if self.header_text:
            self.set_font("Helvetica", "", 9)
            self.set_y(10)
            self.cell(0, 5, self.header_text, align="R")
            self.set_y(25)

    def footer(self) -> None:
        if self.footer_template:
            self.set_y(-15)
            self.set_font("Helvetica", "", 9)
            self.cell(0, 5, self.footer_template.format(n=self.page_no(), m="{nb}"), align="C")


def _heading(pdf: FPDF, text: str, *, size: int = 14) -> None:
    pdf.ln(3)
    pdf.set_font("Helvetica", "B", size)
    pdf.cell(0, size * 0.5, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", "", BODY_SIZE)


def _lines(pdf: FPDF, lines: list[str], *, indent: float = 0, gap_after: float = 2.5) -> None:
    """One paragraph, broken exactly at the given lines."""
    pdf.set_font("Helvetica", "", BODY_SIZE)
    for line in lines:
        pdf.set_x(pdf.l_margin + indent)
        pdf.cell(0, LINE_H, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap_after)


FOOTNOTE_TEXT = "See Resolution 140 (Rev. Bucharest, 2022) on the role of ITU in WSIS."


def _footnote(pdf: FPDF, number: str, text: str) -> None:
    """A footnote at the foot of the page: a short separator rule, a superscript number, 8 pt text."""
    y = pdf.h - 40
    pdf.line(pdf.l_margin, y, pdf.l_margin + 50, y)
    pdf.set_xy(pdf.l_margin, y + 2)
    pdf.set_font("Helvetica", "", 8)
    pdf.char_vpos = "SUP"
    pdf.cell(2, 4, number)
    pdf.char_vpos = "LINE"
    pdf.cell(0, 4, text, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", BODY_SIZE)


def _para(pdf: FPDF, text: str, *, gap_after: float = 2.5) -> None:
    pdf.set_font("Helvetica", "", BODY_SIZE)
    pdf.multi_cell(0, LINE_H, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap_after)


FILLER = (
    "The Working Group reviewed the progress made by the membership in building an inclusive "
    "information society, and noted the contributions received from Member States, Sector Members "
    "and the secretariat on the outcomes of the World Summit on the Information Society. "
)


def report_pdf(pages: int = 3, *, header: str = RUNNING_HEADER, footer: str | None = FOOTER_TEMPLATE) -> bytes:
    """(a) A multi-page report: running header and footer, bold headings, a hyphenated break, numbered items.

    ``footer`` is a template with ``{n}`` (page number) and ``{m}`` (page count).
    """
    pdf = _Report(header, footer=footer)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Report on the implementation of WSIS outcomes", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    _heading(pdf, "1 Introduction")
    _lines(pdf, [
        "This report describes the activities of the Union in the imple-",
        "mentation of the outcomes of the World Summit on the Information Society",
        "during the period under review, as requested by the Council.",
    ])
    _lines(pdf, [
        "The report was prepared under the authority of the Secretary-",
        "General and reviewed by the Council Working Group.",
    ])
    _heading(pdf, "2 Activities")
    _heading(pdf, "2.1 Capacity building", size=12)
    _lines(pdf, ["The following actions were taken:"], gap_after=1)
    _lines(pdf, ["1. Regional workshops on cybersecurity were held in five regions."], gap_after=1)
    _lines(pdf, [
        "2. A toolkit on digital skills was published, in six languages, and made",
        "    available free of charge to all Member States.",
    ], gap_after=1)
    _lines(pdf, ["3. Fellowships were granted to participants from developing countries."])
    _lines(pdf, ["The Council endorsed the plan of action at its last session."])
    _footnote(pdf, "1", FOOTNOTE_TEXT)
    for i in range(max(0, pages - 1)):
        pdf.add_page()
        _heading(pdf, f"{i + 3} Further work in year {2020 + i}")
        for _ in range(3):
            _para(pdf, FILLER * 2)
    return bytes(pdf.output())


LEFT_COLUMN = [
    "Left column opens here and its first",
    "sentence continues on this line and",
    "ends in the left column for sure.",
    "The left column has a second para",
    "which closes the left column now.",
]
RIGHT_COLUMN = [
    "Right column starts after the left",
    "column is finished and it carries on",
    "to the end of the right column text.",
    "A final right paragraph follows in",
    "the right column and closes the page.",
]


def two_column_pdf() -> bytes:
    """(b) A page in two columns whose lines are written row by row (left, right, left, ...).

    Writing rows across both columns is what many layout engines do; a reader that follows the
    content stream or sorts by y would interleave the columns.
    """
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.set_xy(20, 20)
    pdf.cell(170, 8, "A two-column page", align="C")
    pdf.set_font("Helvetica", "", 10)
    left_x, right_x, col_w, top = 20, 110, 80, 40
    for row, (left, right) in enumerate(zip(LEFT_COLUMN, RIGHT_COLUMN)):
        y = top + row * 5 + (4 if row >= 3 else 0)  # a paragraph gap after row 3
        pdf.set_xy(left_x, y)
        pdf.cell(col_w, 5, left)
        pdf.set_xy(right_x, y)
        pdf.cell(col_w, 5, right)
    # Enough rows that the gutter shows on most lines, as on a real page.
    for row in range(20):
        y = top + 40 + row * 5
        pdf.set_xy(left_x, y)
        pdf.cell(col_w, 5, f"Left filler line {row} with some words here.")
        pdf.set_xy(right_x, y)
        pdf.cell(col_w, 5, f"Right filler line {row} with some words here.")
    return bytes(pdf.output())


SHORT_PAGE_PARAGRAPH = [
    "The second page opens with a paragraph",
    "that runs down the whole left column and",
] + [f"keeps to one sentence through row {row} and" for row in range(30)] + [
    "finally ends at the foot of the left column.",
]
SHORT_PAGE_CLOSING = ["The right column holds only this closing", "paragraph of two lines."]
COLUMN_FOOTNOTE_LINES = ["Footnote printed at the foot of the right", "column beside the left column's body text."]


def two_column_footnote_pdf() -> bytes:
    """(b2) Two pages in two columns; the second fills its left column, and its right column holds only a short
    paragraph at the top and a footnote (a separator rule, a superscript number, 8 pt text) at the foot.

    The footnote's lines sit on the same rows as the last body lines of the left column, and a page with so little in
    one column does not show two columns by itself: the first page's layout has to tell.
    """
    pdf = FPDF(format="A4", unit="mm")
    left_x, right_x, col_w, top = 20, 110, 80, 20
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    for row in range(40):
        for x, side in ((left_x, "Left"), (right_x, "Right")):
            pdf.set_xy(x, top + row * 5)
            pdf.cell(col_w, 5, f"{side} filler line {row} with some words here.")
    pdf.add_page()
    for row, line in enumerate(SHORT_PAGE_PARAGRAPH):
        pdf.set_xy(left_x, top + row * 5)
        pdf.cell(col_w, 5, line)
    for row, line in enumerate(SHORT_PAGE_CLOSING):
        pdf.set_xy(right_x, top + row * 5)
        pdf.cell(col_w, 5, line)
    y = top + (len(SHORT_PAGE_PARAGRAPH) - 3) * 5  # beside the left column's last three lines
    pdf.line(right_x, y, right_x + 40, y)
    pdf.set_font("Helvetica", "", 8)
    pdf.set_xy(right_x, y + 1.5)
    pdf.char_vpos = "SUP"
    pdf.cell(2, 4, "1")
    pdf.char_vpos = "LINE"
    pdf.cell(col_w - 2, 4, COLUMN_FOOTNOTE_LINES[0])
    pdf.set_xy(right_x + 2, y + 5.5)
    pdf.cell(col_w - 2, 4, COLUMN_FOOTNOTE_LINES[1])
    return bytes(pdf.output())


TABLE_ROWS = [
    ("Action line", "Lead facilitator", "Status"),
    ("C1 Role of governments", "UNDESA", "Ongoing"),
    ("C2 Information infrastructure", "ITU", "Completed"),
    ("C5 Building confidence and security", "ITU", "Ongoing"),
]


def table_pdf() -> bytes:
    """(c) A page with a paragraph, a fully ruled table, and a paragraph after it."""
    pdf = _Report(header_text="")
    pdf.add_page()
    _heading(pdf, "Summary of action lines")
    _para(pdf, "The table below lists the action lines and their facilitators.")
    pdf.set_font("Helvetica", "", 10)
    with pdf.table(borders_layout="ALL", first_row_as_headings=False, line_height=7) as table:
        for row in TABLE_ROWS:
            r = table.row()
            for cell in row:
                r.cell(cell)
    pdf.ln(5)
    _para(pdf, "The text after the table is an ordinary paragraph.")
    return bytes(pdf.output())


def lined_table_pdf() -> bytes:
    """The same table drawn as Word does: separate horizontal and vertical rules, text without borders."""
    pdf = FPDF(format="A4", unit="mm")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 10)
    widths, row_h, x0, y0 = (70, 50, 40), 8, 25, 40
    xs = [x0 + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [y0 + row_h * i for i in range(len(TABLE_ROWS) + 1)]
    for y in ys:
        pdf.line(xs[0], y, xs[-1], y)
    for x in xs:
        pdf.line(x, ys[0], x, ys[-1])
    for r, row in enumerate(TABLE_ROWS):
        for col, text in enumerate(row):
            pdf.set_xy(xs[col] + 1, ys[r] + 1.5)
            pdf.cell(widths[col] - 2, 5, text)
    pdf.set_xy(25, ys[-1] + 8)
    pdf.cell(0, 6, "A paragraph after the ruled table.")
    return bytes(pdf.output())


def encrypted_pdf() -> bytes:
    """(d) A PDF that needs a user password to open."""
    pdf = FPDF()
    pdf.set_encryption(owner_password="owner", user_password="x")
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.cell(0, 10, "Secret text")
    return bytes(pdf.output())


def textless_pdf(pages: int = 2) -> bytes:
    """(e) A scanned stand-in: pages with drawn shapes and no text layer."""
    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.set_fill_color(200, 200, 200)
        pdf.rect(20, 20, 170, 250, style="F")
        pdf.line(30, 40, 180, 40)
    return bytes(pdf.output())


def partly_scanned_pdf() -> bytes:
    """A text page followed by a page with no text (a scanned annex)."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 12)
    pdf.multi_cell(0, 6, "This page has a text layer. " * 5)
    pdf.add_page()
    pdf.rect(20, 20, 170, 250, style="F")
    return bytes(pdf.output())


def long_report_pdf(pages: int = 100, *, table_every: int = 10) -> bytes:
    """(f) A long text report for the benchmark: numbered headings and paragraphs, a table every few pages."""
    pdf = _Report()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 18)
    pdf.cell(0, 10, "Annual report on WSIS implementation", new_x="LMARGIN", new_y="NEXT")
    para_no = 0
    section = 0
    last_table_page = 0
    while pdf.page_no() < pages:
        section += 1
        _heading(pdf, f"{section} Section {section} of the annual report")
        for sub in range(1, 3):
            _heading(pdf, f"{section}.{sub} Topic {sub} of section {section}", size=12)
            for _ in range(3):
                para_no += 1
                _para(pdf, f"{para_no}. " + FILLER * 2)
            if table_every and pdf.page_no() - last_table_page >= table_every:
                last_table_page = pdf.page_no()
                pdf.set_font("Helvetica", "", 10)
                with pdf.table(borders_layout="ALL", first_row_as_headings=False, line_height=6) as table:
                    for row in TABLE_ROWS:
                        r = table.row()
                        for cell in row:
                            r.cell(cell)
                pdf.ln(3)
    return bytes(pdf.output())
