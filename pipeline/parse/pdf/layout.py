"""Page layout: words -> rows (by vertical position) -> columns (a gutter crossed by few rows) -> ordered lines.

Every threshold says where it comes from. Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import math
import operator
import statistics
from dataclasses import dataclass
from typing import Any

from .page import _Line, _Page, _Table, _Word

# Words whose horizontal gap is above this many font sizes belong to different segments when looking
# for a column gutter (word spaces are ~0.25 em, justified ones rarely over 1 em; gutters >= 1.2 em).
SEGMENT_GAP_EM = 1.0
# A gutter may be crossed by this share of rows (full-width titles, figures, footers).
GUTTER_MAX_CROSSING = 0.2
# Most points the gutter search examines: the middle 40% of an A0 landscape page (3370 pt) is 1348 pt.
GUTTER_MAX_POINTS = 2048
# Each column must hold this share of rows, and its segments must fill half of the column width on
# the median row (key/value layouts and short lists are not two columns).
GUTTER_MIN_ROWS = 0.25
GUTTER_MIN_FILL = 0.5
# A page's gutter is the earlier page's when within this many points of it: the search puts a gutter anywhere in the
# clear gap between the columns (a centred page number in the footer narrows it to one side), so two pages of one
# layout agree within the gap's width; 36 pt (0.5 in) is Word's default spacing between columns.
GUTTER_SHIFT = 36.0
# Font sizes within this many points count as the same style.
SIZE_TOL = 0.6


def _layout_page(page: _Page, words: list[_Word], tables: list[_Table], *,
                 earlier_gutter: float | None = None) -> tuple[list[_Line | _Table], float | None]:
    """(the page's lines and tables in reading order, the x of its column gutter or None for one column).

    `earlier_gutter` is the gutter of an earlier page of the same width (see ``_find_gutter``).
    """
    if tables:
        consumed = set().union(*(t.consumed for t in tables if t.consumed is not None))
        boxes = [t for t in tables if t.consumed is None]
        words = [w for w in words if id(w) not in consumed and not any(_inside(w, t) for t in boxes)]
    rows: list[list[Any]] = _rows(words)
    seg_rows = [_segments(row) for row in rows]
    gutter = _find_gutter(seg_rows, earlier=earlier_gutter)
    segs_of = {id(row): segs for row, segs in zip(rows, seg_rows)}
    rows.extend([t] for t in tables)
    rows.sort(key=lambda row: row[0].cy if isinstance(row[0], _Table) else min([w.cy for w in row]))
    items: list[_Line | _Table] = []
    if gutter is None:
        for row in rows:
            items.append(row[0] if isinstance(row[0], _Table) else _make_line(row, page, (0, 0)))
        return items, None
    # Two columns: between full-width rows, read the left column down, then the right one.
    band, state = 0, "cols"
    left: list[_Line | _Table] = []
    right: list[_Line | _Table] = []

    def flush() -> None:
        items.extend(left)
        items.extend(right)
        left.clear()
        right.clear()

    for row in rows:
        if isinstance(row[0], _Table):
            t = row[0]
            side = "left" if t.x1 <= gutter + 2 else "right" if t.x0 >= gutter - 2 else "span"
            spanning, parts = side == "span", {side: t}
        else:
            spanning_words, left_words, right_words = _split_row(segs_of[id(row)], gutter)
            spanning = bool(spanning_words)
            parts = {"left": left_words, "right": right_words}
        if spanning:
            if state == "cols":
                flush()
                band += 1
                state = "span"
            items.append(row[0] if isinstance(row[0], _Table) else _make_line(row, page, (band, 2)))
            continue
        if state == "span":
            band += 1
            state = "cols"
        for side, part in parts.items():
            if not part:
                continue
            target, col = (left, 0) if side == "left" else (right, 1)
            target.append(part if isinstance(part, _Table) else _make_line(part, page, (band, col)))
    flush()
    return items, gutter


def _inside(w: _Word, t: _Table) -> bool:
    cx = (w.x0 + w.x1) / 2
    return t.x0 - 1 <= cx <= t.x1 + 1 and t.top - 1 <= w.cy <= t.bottom + 1


def _rows(words: list[_Word]) -> list[list[_Word]]:
    """Words grouped by vertical position (centres within half a word height), each row left to right."""
    rows: list[list[_Word]] = []
    anchor = height = 0.0
    centres = [w.cy for w in words]
    for k in sorted(range(len(words)), key=centres.__getitem__):  # by centre; ties in reading order
        w, cy = words[k], centres[k]
        h = w.bottom - w.top
        if rows and abs(cy - anchor) <= 0.5 * (height if height < h else h):  # min(h, height)
            rows[-1].append(w)
        else:
            rows.append([w])
            anchor, height = cy, h
    out = []
    for row in rows:
        row.sort(key=_X0)
        kept = [row[0]]
        for w in row[1:]:
            p = kept[-1]
            # Fake bold (the same text printed twice, slightly offset) would double every word.
            if w.text == p.text and abs(w.x0 - p.x0) < 1.5 and abs(w.top - p.top) < 1.5:
                continue
            kept.append(w)
        out.append(kept)
    return out


@dataclass(slots=True)
class _Segment:
    x0: float
    x1: float
    words: list[_Word]


_X0 = operator.attrgetter("x0")
_COUNT = operator.itemgetter(1)


def _segments(row: list[_Word]) -> list[_Segment]:
    """Runs of a row's words separated by gaps wider than SEGMENT_GAP_EM."""
    first = row[0]
    segs = [_Segment(first.x0, first.x1, [first])]
    for w in row[1:]:
        seg = segs[-1]
        if w.x0 - seg.x1 > SEGMENT_GAP_EM * max(w.size, seg.words[-1].size):
            segs.append(_Segment(w.x0, w.x1, [w]))
        else:
            seg.words.append(w)
            seg.x1 = max(seg.x1, w.x1)
    return segs


def _find_gutter(seg_rows: list[list[_Segment]], *, earlier: float | None = None) -> float | None:
    """The x of a vertical gap crossed by few rows, with a real column of text on each side; else None.

    `earlier`, the gutter of an earlier page of the document, lets a gap within GUTTER_SHIFT of it do with a real
    column on one side and some text on the other. Why: the last page of a two-column text often fills one column
    and only a few lines of the other (the end of the text, footnotes at the foot of the column); alone, such a page
    is not told from a page of short lines, and read as one column each of those few lines would be joined to the
    body line beside it. The earlier page settles that the document is set in columns.
    """
    n = len(seg_rows)
    if n == 0:
        return None
    lo = min(segs[0].x0 for segs in seg_rows)
    hi = max(segs[-1].x1 for segs in seg_rows)
    # Under 8 rows: too few to tell columns from a short layout; under 100 pt: narrower than two columns of a dozen
    # characters each.
    if n >= 8 and hi - lo >= 100 and math.isfinite(lo) and math.isfinite(hi):
        # The page's "middle band", the middle 30-70% of the text width, holds the gutter of two columns.
        gx = _least_crossed(seg_rows, lo + 0.3 * (hi - lo), lo + 0.7 * (hi - lo))
        if (gx is not None and _column_stands(seg_rows, gx, lo, hi, left=True)
                and _column_stands(seg_rows, gx, lo, hi, left=False)):
            return gx
    if earlier is None or not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    # The earlier page's layout with one column short: its gap searched for near where it was (this page's middle
    # band may lie wholly in the long column).
    gx = _least_crossed(seg_rows, earlier - GUTTER_SHIFT, earlier + GUTTER_SHIFT)
    if gx is None or not (any(segs[0].x1 <= gx for segs in seg_rows) and any(segs[-1].x0 >= gx for segs in seg_rows)):
        return None  # all the text on one side: nothing to keep apart
    one_stands = _column_stands(seg_rows, gx, lo, hi, left=True) or _column_stands(seg_rows, gx, lo, hi, left=False)
    return gx if one_stands else None


def _least_crossed(seg_rows: list[list[_Segment]], x0: float, x1: float) -> float | None:
    """The middle of the widest run of points between `x0` and `x1` crossed by fewest rows, if they are at most
    GUTTER_MAX_CROSSING of the rows; else None."""
    # Points are 1 pt apart up to GUTTER_MAX_POINTS (wider than any paper size's text); a damaged file's coordinates
    # can claim billions of points, and are then read at coarser steps, so the work never grows with them.
    # Segments of one row never overlap, so a difference array counts rows.
    a0 = math.floor(x0)
    span = math.floor(x1) + 1 - a0
    step = max(1.0, span / GUTTER_MAX_POINTS)
    points = int(span / step) + 1
    diff = [0] * (points + 1)
    for segs in seg_rows:
        for seg in segs:
            # Points strictly inside the segment (at 1 pt steps: int(x0) + 1 .. int(x1), as before).
            start = max(0, math.floor((seg.x0 - a0) / step) + 1)
            stop = min(points - 1, math.floor((seg.x1 - a0) / step))
            if start <= stop:
                diff[start] += 1
                diff[stop + 1] -= 1
    crossing, running = [], 0
    for d in diff[:-1]:
        running += d
        crossing.append(running)
    least = min(crossing)
    if least > GUTTER_MAX_CROSSING * len(seg_rows):
        return None
    best, start = (0, -1), None
    for k, count in enumerate(crossing + [least + 1]):
        if count == least and start is None:
            start = k
        elif count != least and start is not None:
            if k - 1 - start > best[1] - best[0]:
                best = (start, k - 1)
            start = None
    return a0 + step * (best[0] + best[1]) / 2


def _column_stands(seg_rows: list[list[_Segment]], gx: float, lo: float, hi: float, *, left: bool) -> bool:
    """Whether a real column of text stands on one side of gutter `gx`: it holds GUTTER_MIN_ROWS of the rows, and its
    segments fill GUTTER_MIN_FILL of its width on the median row (text from `lo` to `hi`)."""
    if left:
        rows = sum(1 for segs in seg_rows if segs[0].x1 <= gx)
        widths = [seg.x1 - seg.x0 for segs in seg_rows for seg in segs if seg.x1 <= gx]
    else:
        rows = sum(1 for segs in seg_rows if segs[-1].x0 >= gx)
        widths = [seg.x1 - seg.x0 for segs in seg_rows for seg in segs if seg.x0 >= gx]
    if rows < max(3, GUTTER_MIN_ROWS * len(seg_rows)):
        return False
    return statistics.median(widths) >= GUTTER_MIN_FILL * ((gx - lo) if left else (hi - gx))


def _split_row(segs: list[_Segment], gutter: float) -> tuple[list[_Word], list[_Word], list[_Word]]:
    """(words of segments crossing the gutter, words left of it, words right of it)."""
    spanning: list[_Word] = []
    left: list[_Word] = []
    right: list[_Word] = []
    for seg in segs:
        (spanning if seg.x0 < gutter < seg.x1 else left if seg.x1 <= gutter else right).extend(seg.words)
    return spanning, left, right


def _make_line(words: list[_Word], page: _Page, group: tuple[int, int]) -> _Line:
    """A line from a row's words: text, box, and the size and weight most of its characters have."""
    sizes: dict[float, int] = {}  # half-point size -> characters, in the order met
    bold_chars = total = 0
    for w in words:
        n = len(w.text)
        key = round(w.size * 2) / 2
        sizes[key] = sizes.get(key, 0) + n
        total += n
        if w.bold:
            bold_chars += n
    text = " ".join([w.text for w in words])
    size = max(sizes.items(), key=_COUNT)[0]  # the first of the most common, as Counter.most_common(1) gives
    main = [w for w in words if abs(w.size - size) <= SIZE_TOL] or words
    bottom = max([w.bottom for w in main])
    lead = words[0]
    return _Line(page=page.number, group=group, text=text, x0=min([w.x0 for w in words]),
                 x1=max([w.x1 for w in words]), top=min([w.top for w in main]), bottom=bottom,
                 size=size, bold=bold_chars >= 0.6 * total,
                 lead_raised=lead.size < size - SIZE_TOL or lead.bottom < bottom - 0.15 * size)
