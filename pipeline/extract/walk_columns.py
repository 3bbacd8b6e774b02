"""Tables whose columns the header names, in any order: "No. | Member | Commitment | Timeline", "Step | Timing | Action |
Responsible". Each row under such a header asks its Member or Responsible cell to do what its Commitment or Action
cell says; the row's code cell is its label.

The walk's other readers of tables take the action from a row's first cell (after its code), as most action plans set
them; this one reads only tables where the action stands further right, so the two never read the same row.
"""

from __future__ import annotations

import re

from ..model import RequirementKind
from ..parse.columns import Columns, header_columns
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


class ColumnReader:
    """The walk's reader of such tables (mixed into `Walk`)."""

    columns: Columns | None = None
    column_block: int | None = None  # the block whose row was read, so its other segments are not read again

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
        label = cell(cols.code).rstrip(".") if cols.code is not None else None
        self.column_block = id(seg.block)
        self.add(seg, s0, s1, kind=RequirementKind.INSTRUCTION, actor=actor or self.unknown_actor(seg, cell(cols.who)),
                 printed=printed, label=label or None, clause_path=(self.doc_name, self.section or "table", label or ""),
                 statement=f"{self.section}: {text[s0:s1]}" if self.section else text[s0:s1])
        return True
