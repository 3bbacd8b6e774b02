"""Lines -> blocks: paragraph breaks from spacing, indentation, punctuation and font changes; footnotes set aside.

Every threshold says where it comes from. Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from .labels import _FOOTNOTE_LABEL_RE, _STRONG_BULLETS, _list_label, _plausible_next
from .layout import SIZE_TOL
from .page import _Line, _Page, _Table

# Paragraph break when the baseline-to-baseline distance exceeds this multiple of the median line
# pitch. Word's default "6 pt after" at 11 pt gives 1.45x; single-spaced lines vary under 10%.
PARA_GAP = 1.3
# A line ending a sentence and shorter than the column by this share closes its paragraph.
SHORT_LINE = 0.12
# First-line indent or outdent that starts a paragraph, in body font sizes.
INDENT_EM = 0.8
# Footnotes: smaller than the body by this many points, below the last body line of the page.
FOOTNOTE_SMALLER = 1.0

_HYPHENS = ("-", "\u2010", "\u00ad")
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_CHAPEAU_START_RE = re.compile(r"^(?:further |also )?(?:invites|instructs|requests|resolves|decides|urges|encourages|"
                               r"calls upon|calls on|recommends)\b")
_VOCAB_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(slots=True)
class _Block:
    page: int
    lines: list[_Line]
    footnote: bool = False
    label: str | None = None  # list label of the first line, if any


@dataclass(slots=True, kw_only=True)
class _Context:
    """Document-wide measures the block rules compare against."""

    body: float  # body font size: the size most characters have
    pitch: float  # median baseline-to-baseline distance of body lines
    extents: dict[tuple[int, tuple[int, int]], tuple[float, float]]  # (page, group) -> (left, right)
    body_bottom: dict[tuple[int, tuple[int, int]], float]  # lowest body line of each column
    heights: dict[int, float]
    vocab: set[str]  # lower-cased words of the document, to decide line-end hyphens


def _context(pages: list[_Page], lines: list[_Line]) -> _Context:
    sizes: Counter[float] = Counter()
    for line in lines:
        sizes[line.size] += len(line.text)
    body = sizes.most_common(1)[0][0] if sizes else 10.0
    is_body = lambda line: abs(line.size - body) <= SIZE_TOL  # noqa: E731
    pitches: list[float] = []
    for page in pages:
        prev = None
        for item in page.items:
            if isinstance(item, _Line):
                if prev is not None and prev.group == item.group and is_body(prev) and is_body(item):
                    d = item.bottom - prev.bottom
                    if 0 < d < 3 * body:
                        pitches.append(d)
                prev = item
            else:
                prev = None
    extents: dict[tuple[int, tuple[int, int]], tuple[float, float]] = {}
    body_bottom: dict[tuple[int, tuple[int, int]], float] = {}
    for line in lines:
        key = (line.page, line.group)
        left, right = extents.get(key, (line.x0, line.x1))
        extents[key] = (min(left, line.x0), max(right, line.x1))
        if is_body(line):
            body_bottom[key] = max(body_bottom.get(key, 0.0), line.bottom)
    vocab = {w.lower() for line in lines for w in _VOCAB_RE.findall(line.text)}
    return _Context(body=body, pitch=_line_pitch(pitches, body), extents=extents,
                    body_bottom=body_bottom, heights={p.number: p.height for p in pages}, vocab=vocab)


def _line_pitch(pitches: list[float], body: float) -> float:
    """The distance between lines inside a paragraph: the smallest distance that occurs at least twice, or once
    when it is well below the median.

    Not the median: in a text of one- and two-line paragraphs (a resolution's chapeaux and short items) most
    distances between lines are paragraph gaps, and the median would be one of them.
    """
    if not pitches:
        return 1.2 * body
    median = statistics.median(pitches)
    usable = sorted(d for d in pitches if d >= 0.95 * body)
    found = median
    for i, d in enumerate(usable):
        if d <= 0.8 * median or (i + 1 < len(usable) and usable[i + 1] - d <= 0.6):
            found = d
            break
    # Every distance twice the type size or more: only paragraph gaps were seen (one-line paragraphs).
    return 1.2 * body if found >= 1.6 * body else found


def _segment(pages: list[_Page], ctx: _Context) -> list[_Block | _Table]:
    """Group lines into blocks; footnotes aside, so a paragraph can run on across a page break."""
    entries: list[_Block | _Table] = []
    cur: _Block | None = None
    prev: _Line | None = None
    note: _Block | None = None
    for page in pages:
        for item in page.items:
            if isinstance(item, _Table):
                entries.append(item)
                cur = prev = None
                continue
            line = item
            if _in_footnote_area(line, ctx):
                m = _FOOTNOTE_LABEL_RE.match(line.text)
                # A footnote opens with its number in superscript or below a separator rule; a code
                # listing in small type at the foot of a page has neither.
                if m and (line.lead_raised or _below_separator(line, page, ctx)):
                    note = _Block(page=line.page, lines=[line], footnote=True, label=m.group("label"))
                    entries.append(note)
                    continue
                if note is not None and note.page == line.page:
                    note.lines.append(line)
                    continue
            if cur is None or prev is None or _starts_block(prev, line, cur, ctx):
                found = _list_label(line.text)
                cur = _Block(page=line.page, lines=[line], label=found[0] if found else None)
                entries.append(cur)
            else:
                cur.lines.append(line)
            prev = line
    return entries


def _in_footnote_area(line: _Line, ctx: _Context) -> bool:
    """Smaller than the body, in the lower half of the page, below the column's last body line."""
    return (line.size <= ctx.body - FOOTNOTE_SMALLER
            and line.top > 0.5 * ctx.heights[line.page]
            and line.top >= ctx.body_bottom.get((line.page, line.group), 0.0) - 1)


def _below_separator(line: _Line, page: _Page, ctx: _Context) -> bool:
    """A short rule between the column's last body line and this line."""
    floor = ctx.body_bottom.get((line.page, line.group), 0.0) - 2
    return any(floor <= y <= line.top + 1 for y in page.separators)


def _starts_block(p: _Line, line: _Line, cur: _Block, ctx: _Context) -> bool:
    """Whether `line` starts a new block after line `p` of block `cur`; one reason per rule."""
    if abs(p.size - line.size) > SIZE_TOL or p.bold != line.bold:
        return True  # a font change: heading to body, body to caption
    ends = bool(_SENTENCE_END.search(p.text))
    found = _list_label(line.text)
    if found:
        label, kind = found[0], found[2]
        if kind == "bullet" and label in _STRONG_BULLETS:
            return True  # a bullet glyph never continues a sentence
        if ends or abs(line.x0 - p.x0) > 1.5 or _plausible_next(cur.label, label):
            return True  # "1." after a finished sentence, an outdented label, or the next label in a list
        if p.text.rstrip()[-1:] in ",;:" and kind != "bullet":
            return True  # "Recalling …," then "1. Requests …": a clause ended, a list opens
        left, right = ctx.extents[(p.page, p.group)]
        if kind != "bullet" and p.x1 < right - SHORT_LINE * (right - left):
            return True  # "invites Member States" then "1 to …": a short line before a label is a chapeau
    left, right = ctx.extents[(p.page, p.group)]
    if (p.text.rstrip()[-1:] in ",;" and _CHAPEAU_START_RE.match(line.text)
            and line.x1 < ctx.extents[(line.page, line.group)][1] - SHORT_LINE * (right - left)):
        return True  # "… the contributions of the membership to it," then "resolves" alone: the operative part
    if (line.page, line.group) != (p.page, p.group):
        # Into the next column or page: a paragraph runs on only while its sentence is unfinished.
        if ends:
            return True
        if line.text[:1].islower() or p.text.endswith(_HYPHENS + (",",)):
            return False
        if re.search(r"\b(?:and|or|of|the|to|for|in|on|with|by|a|an|at|from|that)$", p.text.rstrip()):
            return False  # "… the Commission on Science and" | "Technology for Development …": one sentence
        full = p.x1 >= right - SHORT_LINE * (right - left)
        flush_left = line.x0 <= ctx.extents[(line.page, line.group)][0] + INDENT_EM * ctx.body
        return not (full and flush_left)
    d = line.bottom - p.bottom
    if d <= 0 or d > PARA_GAP * ctx.pitch * max(p.size, line.size) / ctx.body:
        return True  # extra space between paragraphs
    if ends:
        if p.x1 < right - SHORT_LINE * (right - left):
            return True  # the short last line of a paragraph
        if _CHAPEAU_START_RE.match(line.text):
            return True  # "…; " then "invites Member States": a new operative clause
        if abs(line.x0 - p.x0) > INDENT_EM * ctx.body:
            return True  # first-line indent, or the outdent after a hanging-indented item
    return False
