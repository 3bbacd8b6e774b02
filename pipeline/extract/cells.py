"""A table exported one cell per line: its header cells ("Action", "Lead", "Deadline") each on a line, then each row
as that many lines (the action, its lead, its deadline), as Word and web tables reach us through plain text.

The rows are read back: the cell that holds the action or target is the item (labelled by its "No." cell when that
column is there), the Lead cell says who acts, and the other cells are no text of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Segment

# Header cells, each alone on its line: who acts, and what the row asks.
# ("Responsible unit", "Lead agency": the column named with what kind of body it names)
LEAD_CELL_RE = re.compile(r"(?i:(?:lead|responsible)(?:\s+(?:units?|entit(?:y|ies)|agenc(?:y|ies)|bod(?:y|ies)|"
                          r"organi[sz]ations?|party|parties))?|responsibility|owner|led\s+by)")
ITEM_CELL_RE = re.compile(r"(?i:actions?|activit(?:y|ies)|tasks?|targets?|measures?)")
CODE_CELL_RE = re.compile(r"(?i:no\.?|ref\.?|#|code)")
# The other columns such tables have: "Deadline", "Output indicator", "Partners".
OTHER_CELL_RE = re.compile(r"(?i:(?:deadline|timeline|time\s*frame|timing|due(?:\s+date)?|date|year|indicators?|"
                           r"(?:output|performance)\s+indicators?|outputs?|baseline|budget|status|partners?|"
                           r"notes?|remarks?|comments?|source|means\s+of\s+verification))")
# The code a row's "No." cell holds: "T1", "1.2", "A.3".
ROW_CODE_RE = re.compile(r"(?:[A-Z]\.?)?\d{1,2}(?:\.\d{1,2})?\.?")
# A table's caption: "Table A.2 – Targets".
CAPTION_RE = re.compile(r"Table\s+[A-Z]?\.?\d{1,2}\b")
# A header has two to six cells, each a short line.
MAX_COLUMNS = 6
MAX_HEADER_WORDS = 4
# A row's item says something (three words or more); its Lead cell names a body (at most twelve words: "BDT, in
# cooperation with the Broadband Commission").
MIN_ITEM_WORDS = 3
MAX_LEAD_WORDS = 12


@dataclass
class CellRows:
    """What the rows of such tables give the walk: the item segments (relabelled), their Lead cells, and the lines
    that are only cells."""

    items: dict[int, Segment] = field(default_factory=dict)  # id of the original segment -> the item to read
    leads: dict[int, str] = field(default_factory=dict)  # id of the item segment -> its Lead cell's text
    cells: set[int] = field(default_factory=set)  # ids of segments that are only cells (header, lead, deadline)


def _whole(seg: Segment) -> bool:
    """A segment that is its block's whole text (a line of its own)."""
    return seg.start == 0 and seg.end >= len(seg.block.text.rstrip(" .;:"))


def _header_cell(seg: Segment) -> bool:
    """A line that is one of the column names such a table has ("Lead", "Action", "No.", "Target for 2033")."""
    text = seg.text.strip()
    return (_whole(seg) and seg.label is None and 0 < len(text.split()) <= MAX_HEADER_WORDS
            and bool(LEAD_CELL_RE.fullmatch(text) or CODE_CELL_RE.fullmatch(text) or OTHER_CELL_RE.fullmatch(text)
                     or ITEM_CELL_RE.fullmatch(text) or re.match(rf"{ITEM_CELL_RE.pattern}\s+(?:for|by|to)\b", text)))


def read_cell_rows(segments: list[Segment]) -> CellRows:
    """The rows of every table whose cells reach us one per line, found by a header with a Lead column."""
    rows = CellRows()
    i = 0
    while i < len(segments):
        run = 0
        while i + run < len(segments) and run < MAX_COLUMNS and _header_cell(segments[i + run]):
            run += 1
        names = [segments[i + k].text.strip() for k in range(run)]
        lead = next((k for k, n in enumerate(names) if LEAD_CELL_RE.fullmatch(n)), None)
        item = next((k for k, n in enumerate(names) if ITEM_CELL_RE.match(n)), None)  # "Target for 2033" too
        if run < 2 or lead is None or item is None:
            i += max(run, 1)
            continue
        code = next((k for k, n in enumerate(names) if CODE_CELL_RE.fullmatch(n)), None)
        j = i + run
        while j + run <= len(segments):
            row = segments[j:j + run]
            if not all(_whole(s) for s in row):
                break
            thing, who = row[item], row[lead].text.strip()
            if (len(thing.text.split()) < MIN_ITEM_WORDS or not 0 < len(who.split()) <= MAX_LEAD_WORDS
                    or (code is not None and not ROW_CODE_RE.fullmatch(row[code].text.strip()))
                    or any(ROW_CODE_RE.fullmatch(s.text.strip()) for k, s in enumerate(row) if k != code)
                    or any(_header_cell(s) or CAPTION_RE.match(s.text) for s in row)):  # the next table begins
                break  # the table has ended, or its cells do not come one per line (a reflowed row is one paragraph)
            label = row[code].text.strip().rstrip(".") if code is not None else thing.label
            read = Segment("item", thing.block, thing.start, thing.end, label)
            rows.items[id(thing)] = read
            rows.leads[id(read)] = who
            rows.cells.update(id(s) for k, s in enumerate(row) if k != item)
            j += run
        if j > i + run:  # rows were read: the header's lines are cells too
            rows.cells.update(id(segments[i + k]) for k in range(run))
        i = j
    return rows
