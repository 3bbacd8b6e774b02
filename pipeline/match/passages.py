"""Split a report into passages a reader would cite."""

from __future__ import annotations

import re
from itertools import groupby

from ..model import BlockKind, Document, Passage, content_id

_WORD = re.compile(r"\S+")


def make_passages(doc: Document, *, max_words: int = 180, overlap: int = 40) -> tuple[Passage, ...]:
    """Paragraphs and list items with their heading trail; table rows joined; long paragraphs windowed.

    Headings are not passages (they carry no substance) but stay in each passage's heading trail.
    """
    out: list[Passage] = []
    blocks = [b for b in doc.blocks if b.kind is not BlockKind.HEADING]
    for is_cell, group in groupby(blocks, key=lambda b: (b.kind is BlockKind.TABLE_CELL, b.table[:2] if b.table else None)):
        items = list(group)
        if is_cell[0]:
            first, last = items[0], items[-1]
            out.append(_passage(doc, first.start, last.end, first, kind="table_row"))
            continue
        for b in items:
            words = list(_WORD.finditer(b.text))
            if len(words) <= max_words:
                out.append(_passage(doc, b.start, b.end, b, kind=b.kind.value))
                continue
            step = max(1, max_words - overlap)
            for i in range(0, len(words), step):
                chunk = words[i:i + max_words]
                out.append(_passage(doc, b.start + chunk[0].start(), b.start + chunk[-1].end(), b, kind="window"))
                if i + max_words >= len(words):
                    break
    return tuple(out)


def _passage(doc: Document, start: int, end: int, block, *, kind: str) -> Passage:
    text = doc.text[start:end]
    return Passage(id=content_id("p", doc.sha256[:16], start, end), document=doc.path, locator=block.locator,
                   start=start, end=end, text=text, heading_trail=block.heading_trail, kind=kind, label=block.label)
