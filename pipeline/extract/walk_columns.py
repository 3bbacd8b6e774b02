"""Tables whose columns the header names, in any order: "No. | Member | Commitment | Timeline", "Step | Timing | Action |
Responsible". Each row under such a header asks its Member or Responsible cell to do what its Commitment or Action
cell says; the row's code cell is its label.

The walk's other readers of tables take the action from a row's first cell (after its code), as most action plans set
them; this one reads only tables where the action stands further right, so the two never read the same row.
"""

from __future__ import annotations

import re

from ..model import RequirementKind
from ..parse.columns import ROW_CODE_CELL_RE, SECTION_ROW_RE, WHO_COLUMN_RE, Columns, header_columns
from .clauses import Segment


def row_cells(seg: Segment) -> list[tuple[int, int]] | None:
    """(start, end) of each cell of the segment's block in its text, the label the parser read off first (as an
    empty span); None when the block is no row between bars."""
    text = seg.block.text
    if " | " not in text:
        return None
    spans: list[tuple[int, int]] = [(0, 0)] if seg.block.label else []
    start = 0
    for m in re.finditer(r" \| ", text + " | "):
        cell = text[start:m.start()]
        lead = len(cell) - len(cell.lstrip())
        spans.append((start + lead, start + len(cell.rstrip())))
        start = m.end()
    return spans


# A column of things to deliver: "Output", "Deliverables", "Expected outputs", "Milestone".
OUTPUT_COLUMN_RE = re.compile(r"(?i:(?:expected\s+|key\s+)?(?:outputs?|deliverables?|products?|milestones?))")


def who_columns(cells: dict[tuple[int, int, int], str]) -> dict[int, int]:
    """Table -> the column its header calls Lead, Responsible or the like (the first such), for tables whose cells
    the parser kept apart; `cells` maps (table, row, column) to a cell's text, row 0 being the header."""
    found: dict[int, int] = {}
    for (table, row, column), text in sorted(cells.items()):
        if row == 0 and WHO_COLUMN_RE.fullmatch(text):
            found.setdefault(table, column)
    return found


class ColumnReader:
    """The walk's reader of such tables (mixed into `Walk`)."""

    columns: Columns | None = None
    column_block: int | None = None  # the block whose row was read, so its other segments are not read again
    table_cells: dict[tuple[int, int, int], str]
    who_columns: dict[int, int]

    def output_cell(self, seg: Segment) -> bool:
        """A row's cell under an Output or Deliverable column, in a table with a Lead or Responsible column ("3.3.1 |
        Yearly edition of the ICT Regulatory Tracker … | BDT | …"): what the Lead cell's body is to deliver, worded as
        a thing, not a verb. The row's Lead cell names who acts (`extractor._column_owners`)."""
        where = seg.block.table
        if not where or where[1] == 0 or seg.start != 0 or len(seg.text.split()) < 3:
            return False
        if not OUTPUT_COLUMN_RE.fullmatch(self.table_cells.get((where[0], 0, where[2]), "")):
            return False
        who = self.who_columns.get(where[0])
        if who is None or not self.table_cells.get((where[0], where[1], who)):
            return False  # no Lead column, or a row that only heads a group of rows ("A | Coordination and reporting")
        text = seg.block.text
        self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=None, label=seg.label,
                 clause_path=(self.doc_name, self.section or "table", seg.label or ""),
                 statement=f"{self.section}: {text[seg.start:seg.end]}" if self.section else text[seg.start:seg.end])
        return True

    def column_row(self, seg: Segment) -> bool:
        """Read a header or a row of a table whose columns the header names; True when the segment was one."""
        if self.column_block == id(seg.block):
            return True
        if seg.start == 0 and (cols := header_columns(seg.block.text.strip())) is not None:
            self.columns, self.column_block = cols, id(seg.block)
            return True
        cols = self.columns
        if cols is None:
            return False
        spans = row_cells(seg)
        # (the first segment read of the row reads it whole: "M1 | ITU | …" may reach us as item "M1" and its rest)
        if spans is None and SECTION_ROW_RE.fullmatch(seg.block.text.strip()):
            return False  # "A. Organization of the Group's work": a section of the table, its rows go on below
        row_code = None
        if (spans is not None and seg.block.label and len(spans) == cols.count + 1 and cols.code is None
                and cols.action == 0 and ROW_CODE_CELL_RE.fullmatch(seg.block.label)):
            # "1.1 Publish a guide … | BDT | June 2028" under "Activity | Lead | Date": the parser read the row's code
            # off its first cell, the action's
            spans, row_code = spans[1:], seg.block.label.rstrip(".")
        if spans is None or len(spans) != cols.count:
            self.columns = None  # the table has ended
            return False
        text = seg.block.text
        cell = lambda i: (seg.block.label or "") if spans[i] == (0, 0) and seg.block.label else text[slice(*spans[i])]  # noqa: E731
        s0, s1 = spans[cols.action]
        if len(text[s0:s1].split()) < 3:
            return False  # no action in the cell
        found = self.cell_owner(cell(cols.who))
        actor, printed = found if found else (None, None)
        # ("A6 (carried over)": a note on the row is no part of its code)
        label = re.sub(r"\s*\([^()]*\)$", "", cell(cols.code)).rstrip(".") if cols.code is not None else None
        if row_code is not None:
            label = row_code
        elif cols.code is None and (code := CELL_CODE_START_RE.match(text, s0)) is not None:
            label, s0 = code.group("n"), code.end()  # "W1 Update the toolkit …" in the Action cell: the row's code
        elif cols.code is None and cols.action > 0 and ROW_CODE_CELL_RE.fullmatch(first := cell(0).strip()):
            label = first.rstrip(".")  # "A.1 | Publish …" under "Output | Description | Lead": the row's code
        self.column_block = id(seg.block)
        self.add(seg, s0, s1, kind=RequirementKind.INSTRUCTION, actor=actor or self.unknown_actor(seg, cell(cols.who)),
                 printed=printed, label=label or None, clause_path=(self.doc_name, self.section or "table", label or ""),
                 statement=f"{self.section}: {text[s0:s1]}" if self.section else text[s0:s1])
        return True


# A code opening an Action cell that has no column of its own: "W1 Update the toolkit …", "A.3 Report to …".
# ("1.1 Publish a guide …": a plan's numbered activity)
CELL_CODE_START_RE = re.compile(r"(?P<n>[A-Z]{1,3}[.\-]?\d{1,2}(?:[.\-]\d{1,2}){0,2}|\d{1,2}(?:\.\d{1,2}){1,2})\.?\s+"
                                r"(?=[A-Z][a-z])")


# A comment table's first cell citing a draft's operative paragraph by its chapeau and number ("instructs the
# Secretary-General 2", "resolves 1", "invites Member States 3 a"); the next cell holds the paragraph's text.
CITED_PARAGRAPH_RE = re.compile(
    r"(?P<chapeau>(?i:resolves|decides|instructs|requests|invites|encourages|urges|calls\s+upon|recommends)"
    r"(?:\s+[^\d|:]{1,80}?)?)\s+(?P<n>\d{1,3}(?:\.\d{1,2})?(?:\s*\(?[a-z]\)?)?)")
# The symbol of the draft such a table's header names ("Paragraph of C28/52", "Text of Doc. TDAG-27/12").
DRAFT_SYMBOL_RE = re.compile(r"\b(?:[A-Z][\w&\-]{0,15}-?\d{1,3}/\d{1,3}(?:-[A-Z])?|[A-Z]/RES/\d{1,3}/\d{1,4})\b")


def cited_rows(cells: dict[tuple[int, int, int], str]) -> dict[tuple[int, int], tuple[str, str]]:
    """(table, row) -> (chapeau, number) for the rows of a table that quotes a draft paragraph by paragraph: its
    first cell cites the paragraph ("instructs the Secretary-General 2"), its second gives the paragraph's own text
    ("to report every two years …", "that ITU shall …"). A table counts when two of its rows do this."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for (table, row, column), text in sorted(cells.items()):
        m = CITED_PARAGRAPH_RE.fullmatch(text.strip()) if column == 0 and row > 0 else None
        after = cells.get((table, row, 1), "")
        if m and re.match(r"(?:to|that)\s+[\w“\"]", after) and len(after.split()) >= 4:
            number = " ".join(m.group("n").replace("(", " ").replace(")", "").split())  # "3 (a)" -> "3 a"
            found[(table, row)] = (m.group("chapeau"), number)
    tables = [t for t, _ in found]
    return {k: v for k, v in found.items() if tables.count(k[0]) >= 2}


def cited_draft(cells: dict[tuple[int, int, int], str], table: int, text: str) -> re.Match | None:
    """The draft a comment table quotes, as the document names it in full ("Document C28/52"), from the symbol its
    header prints; None when the header names none."""
    header = " ".join(t for (tb, row, _), t in sorted(cells.items()) if tb == table and row == 0)
    sym = DRAFT_SYMBOL_RE.search(header)
    if sym is None:
        return None
    return (re.search(rf"\b(?:Document|Doc\.)\s+{re.escape(sym.group(0))}(?![\w/])", text)
            or re.search(re.escape(sym.group(0)), header))
