"""What every parser shares: the raw block they emit and the builder that turns them into a Document."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Block, BlockKind, Document, Locator, content_id
from .columns import MAX_HEADER_CELL_WORDS, ROW_CODE_CELL_RE, SECTION_ROW_RE, header_columns

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
# A running header or footer copied from a PDF as a line of its own: the page number before or after a short
# running title ("390 Final Acts of the Plenipotentiary Conference (Doha, 2026)", "Resolution 231 389").
RUNNING_LINE_RE = re.compile(r"^(?:\d{1,4}\s+(?P<after>\S.*)|(?P<before>.*\S)\s+\d{1,4})$")
# A running title is a name, never a sentence (the Final Acts' longest is nine words; twelve leaves room).
RUNNING_TITLE_WORDS = 12
_CLAUSE_WORDS = re.compile(r"\b(?:shall|should|must|will|is|are|was|were|has|have)\b", re.IGNORECASE)
# A running title with no page number beside it counts only when it is this long: a table's cells one per line
# repeat short names ("Member States", "BDT") as running titles repeat.
MIN_BARE_TITLE_WORDS = 3
# A paragraph the page cut has run on for a while and stops on a word in lower case, not on a chapeau's verb
# ("resolves") or a short title.
MIN_CUT_WORDS = 8
# Bullets a Word or PDF paragraph holds run together (a pasted block whose lines were joined): "- Administrations
# must …; Parts B and C are optional. - Each Administration should …". A dash after a sentence's end and before a
# capital opens the next bullet.
RUN_BULLET_RE = re.compile(r"(?<=[.;:])\s+[-\u2013\u2022\u25aa\u25cf*]\s+(?=[A-Z0-9\"\u201c(])")
LEAD_BULLET_RE = re.compile(r"^[-\u2013\u2022\u25aa\u25cf*]\s+(?=\S)")
# The code that opens a table's row, at the end of the cell before it when the rows run together
# ("… | 30 June 2027 2 | Submit …", "… | BDT Director AP46-2 | …").
ROW_CODE_RE = re.compile(r"^(?P<before>.*\S)\s+(?P<code>(?:[A-Z]{1,3}[ \-]?)?(?:\d{1,3}[./\-])?(?P<n>\d{1,3})\.?)$")
MIN_RUN_ROWS = 3


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
    raw = [piece for rb in _tab_tables(_bar_tables(raw)) for piece in _split_run_together(rb)]
    kept = _join_across_running_lines([r for r in raw if clean_text(r.text) and not _page_mark(r)])
    for index, rb in enumerate(kept):
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


BAR_LINE_RE = re.compile(r"\|[^|\n]*(?:\|[^|\n]*)+\|")
BAR_RULE_RE = re.compile(r":?-{2,}:?")


def _bar_tables(raw: list[RawBlock]) -> list[RawBlock]:
    """Paragraphs typed as a table's rows between bars ("| 1 | Adopt one results framework … | Secretary-General |"):
    one cell each, as the text parser makes them, so that a table typed into Word or printed to PDF reads as the same
    text does. Rows that follow one another are one table; the Markdown rule under a header is dropped."""
    out: list[RawBlock] = []
    table = max((rb.table[0] for rb in raw if rb.table), default=0)
    row: int | None = None
    for rb in raw:
        text = rb.text.strip()
        if rb.kind is not BlockKind.PARAGRAPH or rb.label or rb.table or not BAR_LINE_RE.fullmatch(text):
            row = None
            out.append(rb)
            continue
        cells = [c.strip() for c in text[1:-1].split("|")]
        if all(BAR_RULE_RE.fullmatch(c) for c in cells if c):
            continue
        if row is None:
            table, row = table + 1, 0
        out.extend(RawBlock(kind=BlockKind.TABLE_CELL, text=cell, locator=rb.locator, table=(table, row, col))
                   for col, cell in enumerate(cells) if cell)
        row += 1
    return out


def _tab_tables(raw: list[RawBlock]) -> list[RawBlock]:
    """A table typed with tabs whose header names its columns in an order the extraction reads by name ("No.<TAB>
    Member<TAB>Commitment<TAB>Timeline", "Step<TAB>Timing<TAB>Action<TAB>Responsible"): its header and the rows under
    it with as many cells get their cells between bars, so that tabs, which `clean_text` makes spaces, still part
    them. A label the parser read off a row stays its label and counts as its first cell. A line that only names a
    section of the rows ("A. Organization of the work") leaves the table open; another header starts the next. Other
    tabbed lines are left as they were."""
    out: list[RawBlock] = []
    count: int | None = None
    for rb in raw:
        cells = _tab_split(rb)
        if (cells is not None and count is not None and not rb.label and header_columns(" | ".join(cells)) is None
                and all(len(c.split()) <= MAX_HEADER_CELL_WORDS and not c.endswith(".") for c in cells)
                and not ROW_CODE_CELL_RE.fullmatch(cells[0])):
            count = None  # "Recommendation<TAB>Addressee<TAB>Response<TAB>Status": another table's header
        if cells is not None and not rb.label and header_columns(" | ".join(cells)) is not None:
            count = len(cells)  # a header: the first table's, or the next one's
        elif cells is None and count is not None and SECTION_ROW_RE.fullmatch(rb.text.strip()):
            out.append(rb)  # "A. Organization of the Group's work": a section of the table; its rows go on below
            continue
        elif cells is None or count is None or len(cells) + (1 if rb.label else 0) != count and not (
                # ("1.1 Publish a guide …<TAB>BDT<TAB>June 2028" under "Activity<TAB>Lead<TAB>Date": the code the
                # parser read off the row opened its first cell; extract.walk_columns reads it so)
                rb.label and len(cells) == count):
            count = None
            out.append(rb)
            continue
        out.append(RawBlock(kind=rb.kind if rb.label else BlockKind.PARAGRAPH, text=" | ".join(cells),
                            locator=rb.locator, level=rb.level if rb.label else None, label=rb.label, table=rb.table))
    return out


def _tab_split(rb: RawBlock) -> list[str] | None:
    """The cells of a block typed with tabs, or None."""
    if "\t" not in rb.text.strip() or rb.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.HEADING):
        return None
    return [c.strip() for c in re.split(r"\t+", rb.text.strip()) if c.strip()]


def _split_run_together(rb: RawBlock) -> list[RawBlock]:
    """A paragraph that holds a table's rows between bars, or a list's bullets, run together: one block each.

    A text pasted with its lines joined (a DOCX or PDF made from an e-mail, a PDF-to-text tool's output) runs
    "No. | Action | Responsible | Deadline 1 | Circulate … | BDT Director | 30 June 2027 2 | Submit …" into one
    paragraph, where the text parser sees each row on its line. The rows are found by their codes: every row
    has as many bars, and the code that opens each row, at the end of the cell before it, runs in sequence (1, 2,
    3 or AP46-1, AP46-2 …), so a sentence with bars in it is left whole.
    """
    if rb.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
        return [rb]
    text = clean_text(rb.text)
    if rb.kind is BlockKind.PARAGRAPH and text.count(" | ") >= 2 * MIN_RUN_ROWS:
        rows = _run_rows(text)
        if rows:
            return [RawBlock(kind=BlockKind.PARAGRAPH, text=row, locator=rb.locator) for row in rows]
    # (a bulleted item only: a numbered one split would give two items of one number)
    bulleted = ((rb.kind is BlockKind.LIST_ITEM and (rb.label or "-") in "-\u2013\u2022\u25aa\u25cf*")
                or LEAD_BULLET_RE.match(text))
    if not bulleted or not RUN_BULLET_RE.search(text):
        return [rb]
    pieces = RUN_BULLET_RE.split(text)
    if rb.kind is BlockKind.LIST_ITEM:
        return [RawBlock(kind=rb.kind, text=p, locator=rb.locator, level=rb.level, label=rb.label) for p in pieces]
    return [RawBlock(kind=BlockKind.LIST_ITEM, text=LEAD_BULLET_RE.sub("", p), locator=rb.locator, level=1)
            for p in pieces]


def _run_rows(text: str) -> list[str] | None:
    """The rows of a table run together in one paragraph, each "cell | cell | …"; None when it is no such table."""
    pieces = [p.strip() for p in text.split(" | ")]
    bars = len(pieces) - 1
    for per_row in range(1, 9):  # bars in a row: one less than its cells
        if bars % per_row or bars // per_row < MIN_RUN_ROWS:
            continue
        cuts = [ROW_CODE_RE.match(pieces[k]) for k in range(per_row, bars, per_row)]
        if not all(cuts):
            continue
        numbers = [int(m.group("n")) for m in cuts]
        if any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
            continue
        rows, cells = [], pieces[:per_row]
        for k, m in zip(range(per_row, bars, per_row), cuts):
            rows.append(cells + [m.group("before")])
            cells = [m.group("code")] + pieces[k + 1:k + per_row]
        rows.append(cells + [pieces[-1]])
        return [" | ".join(row) for row in rows]
    return None


def _page_mark(rb: RawBlock) -> bool:
    """"- 4 -" or "- 4 - WTSA-28 - Resolution 103" (a bullet list item "4 -" when a parser took the dash for one)."""
    dash = rb.kind is BlockKind.LIST_ITEM and (rb.label or "-") in "-\u2013\u2014"
    text = clean_text(f"- {rb.text}" if dash else rb.text)
    m = PAGE_MARK_RE.match(text)
    if not m:
        return False
    rest = m.group("rest") or ""
    return len(rest.split()) <= 8 and not re.search(r"\b[a-z]{4,}\b", rest)


def _join_across_running_lines(raw: list[RawBlock]) -> list[RawBlock]:
    """Drop a running header or footer that cuts a paragraph in two, and join the halves.

    Text copied from a PDF keeps the page's furniture where the page broke, often in the middle of a sentence:
    "... consistent with the WSIS outcomes and the" / "390 Final Acts of ... (Doha, 2026)" / "Sustainable
    Development Goals; 6 a WSIS Forum ...". Read as blocks, the sentence ends at "and the", the furniture becomes
    a heading or an item numbered 390, and the items after the break lose their paragraph. Only a line in that
    position is furniture: after a paragraph that stops mid-sentence and before one that carries the sentence on.
    A heading after a truncated paragraph (a page missing) stays a heading, since the next paragraph opens a
    sentence of its own.
    """
    repeats: dict[str, int] = {}
    for rb in raw:
        repeats[_running_key(rb)] = repeats.get(_running_key(rb), 0) + 1
    out: list[RawBlock] = []
    k = 0
    while k < len(raw):
        rb = raw[k]
        numbered = _numbered_title(rb) if out and k + 1 < len(raw) and _cut_mid_sentence(out[-1]) else None
        repeated = repeats[_running_key(rb)] >= 2
        # A title whose page number a parser stripped must repeat to count: a title alone may be a heading.
        if numbered is not None and (numbered or repeated) and _carries_on(raw[k + 1], sure=numbered and repeated):
            head, tail = out[-1], raw[k + 1]
            out[-1] = RawBlock(kind=head.kind, text=f"{clean_text(head.text)} {clean_text(tail.text)}",
                               locator=head.locator, level=head.level, label=head.label, table=head.table)
            k += 2
            continue
        out.append(rb)
        k += 1
    return out


def _full_text(rb: RawBlock) -> str:
    """The block's line as printed: a parser may have read the page number as a list or heading label."""
    return clean_text(f"{rb.label} {rb.text}" if rb.label else rb.text)


def _running_key(rb: RawBlock) -> str:
    """The line with its numbers blanked: a running title repeats from page to page, its page number does not."""
    return re.sub(r"\d+", "#", _full_text(rb).lower())


def _numbered_title(rb: RawBlock) -> bool | None:
    """Whether a block that reads as a running title carries its page number; None when it reads as no running
    title (a sentence, a long line, a table's cell)."""
    if rb.kind is BlockKind.TABLE_CELL:
        return None
    text = _full_text(rb)
    m = RUNNING_LINE_RE.match(text)
    title = (m.group("after") or m.group("before")) if m else text
    if (len(title.split()) > RUNNING_TITLE_WORDS or not title[:1].isupper() or title[-1:] in ".;:,"
            or _CLAUSE_WORDS.search(title)):
        return None
    if m is None and len(title.split()) < MIN_BARE_TITLE_WORDS:
        return None
    return m is not None


def _cut_mid_sentence(rb: RawBlock) -> bool:
    """A paragraph or item that stops on a word in lower case after running on for a while."""
    words = clean_text(rb.text).split()
    return (rb.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) and len(words) >= MIN_CUT_WORDS
            and words[-1][-1:].isalpha() and words[-1].islower())


def _carries_on(rb: RawBlock, *, sure: bool) -> bool:
    """Does a paragraph with no label of its own go on with the sentence the running line cut? One that opens in
    lower case does; one that opens with a name ("the" / "Sustainable Development Goals") only when the line
    between is surely furniture, numbered and repeated (a column of cells one per line repeats short names such
    as "Member States" without a page number)."""
    text = clean_text(rb.text)
    if rb.kind is not BlockKind.PARAGRAPH or rb.label or not text or text[0].isdigit() or text[0] == "(":
        return False
    return text[0].islower() or sure


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
