"""What every parser shares: the raw block they emit and the builder that turns them into a Document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, BlockKind, Document, Locator, content_id

# ITU and UN document symbols: "C24/35-E", "CWG-WSIS&SDG-41/4", ".../INF/2", "A/RES/70/125", "WSIS-03/GENEVA/DOC/5".
SYMBOL_RE = re.compile(
    r"\b(?:A/RES/\d+/\d+|E/\d{4}/\d+|C\d{2}/\d+(?:\(Rev\.\d+\))?-[EFSRAC]"
    r"|[A-Z][A-Z0-9&\-]*[A-Z0-9]-\d+/(?:INF/)?\d+(?:\(Rev\.\d+\))?(?:-[EFSRAC])?"
    r"|WSIS-\d{2}/[A-Z]+/DOC/\d+(?:\(Rev\.\d+\))?)"
)
# Standard section names are not titles.
SECTION_NAMES = {"purpose", "action required", "summary", "introduction", "background", "contents", "abstract"}
_SPACES = re.compile(r"[ \t\u00a0\u2002-\u200b]+")
# A page's number printed in the text, maybe with its running header ("- 4 -", "- 4 - WTSA-28 - Resolution 103"),
# as text copied from a PDF keeps it between paragraphs: page furniture, not part of the document.
PAGE_MARK_RE = re.compile(r"^[-\u2013\u2014]\s*\d{1,4}\s*[-\u2013\u2014](?:\s+(?P<rest>\S.{0,80}))?$")


@dataclass(frozen=True, slots=True, kw_only=True)
class RawBlock:
    """A block as a parser sees it, before spans, ids and heading trails are assigned."""

    kind: BlockKind
    text: str
    locator: Locator
    level: int | None = None
    label: str | None = None
    table: tuple[int, int, int] | None = None


def clean_text(text: str) -> str:
    """Collapse runs of spaces/tabs and strip; keeps the words exactly."""
    return _SPACES.sub(" ", text.replace("\u00ad", "")).strip()


def build_document(
    raw: list[RawBlock],
    *,
    path: str,
    sha256: str,
    fmt: str,
    parser: str,
    pages: int | None = None,
    warnings: list[str] | tuple[str, ...] = (),
    missing: list[str] | tuple[str, ...] = (),
    title: str | None = None,
) -> Document:
    """Assign spans into one text (blocks joined by newlines), ids and heading trails."""
    blocks: list[Block] = []
    pieces: list[str] = []
    offset = 0
    trail: list[tuple[int, str]] = []  # (level, heading text)
    for index, rb in enumerate(r for r in raw if clean_text(r.text) and not _page_mark(r)):
        text = clean_text(rb.text)
        if rb.kind is BlockKind.HEADING:
            level = rb.level if rb.level is not None else 1
            while trail and trail[-1][0] >= level:
                trail.pop()
            own_trail = tuple(t for _, t in trail)
            heading = f"{rb.label} {text}" if rb.label else text
            trail.append((level, heading))
        elif rb.kind is BlockKind.FOOTNOTE:
            own_trail = ()  # notes sit after the body; the last body heading is not theirs
        else:
            own_trail = tuple(t for _, t in trail)
        start = offset
        end = start + len(text)
        blocks.append(Block(
            id=content_id("b", sha256[:16], index, text),
            kind=rb.kind, text=text, start=start, end=end, locator=rb.locator,
            level=rb.level, label=rb.label, heading_trail=own_trail, table=rb.table,
        ))
        pieces.append(text)
        offset = end + 1  # the joining newline
    full = "\n".join(pieces)
    return Document(
        path=path, sha256=sha256, format=fmt, text=full, blocks=tuple(blocks),
        title=title or guess_title(blocks), symbol=guess_symbol(blocks), pages=pages, parser=parser,
        warnings=tuple(warnings), missing=tuple(missing),
    )


def _page_mark(rb: RawBlock) -> bool:
    """"- 4 -" or "- 4 - WTSA-28 - Resolution 103" (a bullet list item "4 -" when a parser took the dash for one)."""
    dash = rb.kind is BlockKind.LIST_ITEM and (rb.label or "-") in "-\u2013\u2014"
    text = clean_text(f"- {rb.text}" if dash else rb.text)
    m = PAGE_MARK_RE.match(text)
    if not m:
        return False
    rest = m.group("rest") or ""
    return len(rest.split()) <= 8 and not re.search(r"\b[a-z]{4,}\b", rest)


def guess_symbol(blocks: list[Block] | tuple[Block, ...]) -> str | None:
    """The first document symbol in the opening blocks."""
    for b in blocks[:12]:
        m = SYMBOL_RE.search(b.text)
        # Only a line that is mostly the symbol: a symbol inside a sentence names another document.
        if m and len(b.text) <= len(m.group(0)) + 40:
            return m.group(0)
    return None


def guess_title(blocks: list[Block] | tuple[Block, ...]) -> str | None:
    """The first heading, else the first short line that is not a symbol."""
    for b in blocks[:15]:
        if b.kind is BlockKind.HEADING and len(b.text) > 3 and b.text.lower() not in SECTION_NAMES:
            return b.text
    for b in blocks[:5]:
        # A title is a short line, not a sentence.
        if (len(b.text) < 160 and b.text[-1:] not in ".;:," and not SYMBOL_RE.fullmatch(b.text.strip())
                and b.text.lower() not in SECTION_NAMES):
            return b.text
    return None
