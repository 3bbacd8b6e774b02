"""The columns a table's header names: who acts, what is to be done, the row's code.

A table typed with tabs ("No.<TAB>Member<TAB>Commitment<TAB>Timeline") reaches the parsers as lines whose tabs part the
cells; `clean_text` makes tabs spaces. `base.build_document` keeps the cells of such a table (between bars) where its
header names these columns, in whatever order (before round 62, only where the action was not the first cell after a
code; those tables were left to readers that guessed the lead from the run-together words), and
`extract.walk_columns` reads its rows by them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Column names, each a whole header cell.
WHO_COLUMN_RE = re.compile(r"(?i:lead(?:\s+(?:unit|entity|agency|body))?|responsible(?:\s+(?:unit|entity|body|party))?|"
                           r"responsibility|owner|led\s+by|who|actor|members?|by\s+whom|implementing\s+(?:body|entity))")
ACTION_COLUMN_RE = re.compile(r"(?i:actions?|activit(?:y|ies)|tasks?|descriptions?|commitments?|measures?|what|deliverables?|"
                              r"actions?\s+(?:required|to\s+be\s+taken))")
CODE_COLUMN_RE = re.compile(r"(?i:no\.?|ref\.?|#|code|steps?|items?|id|number)")
MAX_HEADER_CELL_WORDS = 4
# The first cell of a table's row that holds the row's number or code: "1", "3.2", "R4", "FU-27/3", "A".
ROW_CODE_CELL_RE = re.compile(r"(?:[A-Z]{1,3}[.\-]?)?\d{1,2}(?:[./-]\d{1,2}){0,2}\.?|[A-Z]\.?")
# A line of a table that only names a section of its rows: "A. Organization of the Group's work", "Priority 2".
SECTION_ROW_RE = re.compile(r"(?:[A-Z]\.|[IVX]{1,4}\.|\d{1,2}\.?|Priority\s+\d{1,2}:?|Part\s+[A-Z0-9]{1,3}:?)?\s*"
                            r"[A-Z][^.;:\t|]{2,80}")


def tab_row(line: str) -> bool:
    """A table's row typed with tabs: three cells or more ("M1<TAB>ITU<TAB>Publish …<TAB>Annually"), a line of its
    own wherever the text's other lines are joined."""
    return len(re.findall(r"\t+", line.strip())) >= 2


@dataclass(frozen=True, slots=True)
class Columns:
    """Where a header puts the cells a row is read by."""

    count: int
    action: int
    who: int
    code: int | None


def header_columns(text: str) -> Columns | None:
    """The columns of a header row between bars whose action stands right of its first cell (after a code)."""
    cells = [c.strip() for c in text.split(" | ")]
    if len(cells) < 3 or any(not c or len(c.split()) > MAX_HEADER_CELL_WORDS or c[-1] in ".;:," and c != "No."
                             for c in cells):
        return None
    find = lambda rx: next((i for i, c in enumerate(cells) if rx.fullmatch(c)), None)  # noqa: E731
    action, who, code = find(ACTION_COLUMN_RE), find(WHO_COLUMN_RE), find(CODE_COLUMN_RE)
    if action is None or who is None or action == who:
        return None
    return Columns(count=len(cells), action=action, who=who, code=code)
