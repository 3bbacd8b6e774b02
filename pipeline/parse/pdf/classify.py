"""Blocks -> RawBlocks: headings (levels by style rank), list items, footnotes, paragraphs and table cells.

Every threshold says where it comes from. Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import re

from ...model import BlockKind, Locator
from ..base import RawBlock
from .blocks import _Block, _Context, _context, _segment
from .labels import _FOOTNOTE_LABEL_RE, _HEADING_LABEL_RE, _list_label
from .layout import SIZE_TOL
from .page import _Line, _Page, _Table

# Headings: larger than the body by this many points (one size step in Word is 1-2 pt) ...
HEADING_SIZE_DELTA = 1.0
HEADING_MAX_CHARS = 300
# ... or bold, at body size, short and without a final period.
BOLD_HEADING_MAX_CHARS = 150


def _to_raw_blocks(pages: list[_Page]) -> list[RawBlock]:
    """Lines and tables of all pages -> RawBlocks in reading order."""
    lines = [item for p in pages for item in p.items if isinstance(item, _Line)]
    ctx = _context(pages, lines)
    return _classify(_segment(pages, ctx), ctx)


def _join(a: str, b: str, vocab: set[str]) -> str:
    """Join two lines of a block, mending words hyphenated at the line break."""
    if not a or not b:
        return a or b
    if a.endswith("\u00ad"):
        return a[:-1] + b  # a soft hyphen only ever marks a break
    if a.endswith(("-", "\u2010")) and len(a) >= 2 and a[-2].isalpha():
        if b[0].islower():
            head = re.search(r"[^\W\d_]+$", a[:-1])
            tail = re.match(r"[^\W\d_]+", b)
            if head and tail:
                h, t = head.group().lower(), tail.group().lower()
                # "well-" + "known" stays hyphenated when the document writes it so elsewhere.
                if f"{h}-{t}" in vocab and f"{h}{t}" not in vocab:
                    return a + b
            return a[:-1] + b  # "imple-" + "mentation"
        return a + b  # "Secretary-" + "General", "COVID-" + "19": a real hyphen
    return f"{a} {b}"


def _block_text(block: _Block, vocab: set[str]) -> str:
    text = block.lines[0].text
    for line in block.lines[1:]:
        text = _join(text, line.text, vocab)
    return text


_LETTER = re.compile(r"[^\W\d_]")
# Leaders and a page number end a contents line; searching only its tail keeps the search linear on junk lines.
LEADERS_TAIL = 120
_LEADERS_RE = re.compile(r"(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$")  # "Introduction . . . . 3"


def _classify(entries: list[_Block | _Table], ctx: _Context) -> list[RawBlock]:
    """Blocks -> RawBlocks: headings (levels by size rank), list items, footnotes, paragraphs, cells."""
    staged: list[tuple[RawBlock, tuple[float, bool] | None]] = []  # heading style awaiting a level
    table_index = 0
    for entry in entries:
        if isinstance(entry, _Table):
            for r, row in enumerate(entry.rows):
                for col, cell in enumerate(row):
                    if cell and cell.strip():
                        parts = [p for p in cell.splitlines() if p.strip()]
                        text = parts[0] if parts else ""
                        for part in parts[1:]:
                            text = _join(text, part, ctx.vocab)
                        staged.append((RawBlock(kind=BlockKind.TABLE_CELL, text=text,
                                                locator=Locator(page=entry.page), table=(table_index, r, col)), None))
            table_index += 1
            continue
        block = entry
        text = _block_text(block, ctx.vocab)
        first = block.lines[0]
        locator = Locator(page=block.page)
        if block.footnote:
            m = _FOOTNOTE_LABEL_RE.match(text)
            rest = text[m.end():] if m else text
            staged.append((RawBlock(kind=BlockKind.FOOTNOTE, text=rest or text, locator=locator,
                                    label=block.label if rest else None), None))
            continue
        larger = first.size >= ctx.body + HEADING_SIZE_DELTA and len(text) <= HEADING_MAX_CHARS
        bold = (first.bold and first.size >= ctx.body - SIZE_TOL and len(text) <= BOLD_HEADING_MAX_CHARS
                and not text.rstrip().endswith("."))
        if _LEADERS_RE.search(text[-LEADERS_TAIL:]):  # a table-of-contents entry: not a heading of this text
            staged.append((RawBlock(kind=BlockKind.PARAGRAPH, text=text, locator=locator), None))
            continue
        if (larger or bold) and _LETTER.search(text):
            m = _HEADING_LABEL_RE.match(text)
            label = next((g for g in m.groups() if g), None) if m else None
            rest = text[m.end():] if m else text
            staged.append((RawBlock(kind=BlockKind.HEADING, text=rest, locator=locator, label=label),
                           (round(first.size * 2) / 2, first.bold)))
            continue
        found = _list_label(text) if block.label else None
        if found and found[1].strip():
            left = ctx.extents[(first.page, first.group)][0]
            level = 1 + min(3, int(max(0.0, first.x0 - left) // (2 * ctx.body)))
            staged.append((RawBlock(kind=BlockKind.LIST_ITEM, text=found[1], locator=locator, label=found[0],
                                    level=level), None))
            continue
        staged.append((RawBlock(kind=BlockKind.PARAGRAPH, text=text, locator=locator), None))
    # Heading level = rank of its style: larger first, bold before regular at the same size.
    styles = sorted({s for _, s in staged if s is not None}, key=lambda s: (-s[0], not s[1]))
    rank = {s: min(i + 1, 6) for i, s in enumerate(styles)}
    return [RawBlock(kind=rb.kind, text=rb.text, locator=rb.locator, label=rb.label, level=rank[s])
            if s is not None else rb for rb, s in staged]
