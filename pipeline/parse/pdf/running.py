"""Running headers, footers and page numbers: margin lines that repeat across pages, dropped.

Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import re
from collections import defaultdict

from .page import _Line, _Page

# Running headers and footers sit in the top/bottom tenth of the page (ITU and UN templates put them
# within 8% of the edge; 10% leaves room for other templates).
ZONE = 0.10
# A header/footer must repeat (digits aside) on this many pages; two is enough because a line in the
# page margin that repeats word for word is a running element, and short reports have few pages.
MIN_REPEATS = 2
_DIGITS = re.compile(r"\d+")
# "12", "- 12 -", "Page 3", "Page 3 of 10", "3/10", "iv": a page number alone on its line (front
# matter is numbered in roman numerals up to a few dozen pages).
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:(?:page|p\.)\s*)?(?:\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
    r"[\s\-–—]*$", re.IGNORECASE)


def _margin_lines(page: _Page) -> list[_Line]:
    """Lines set apart in the top or bottom zone: above (below) a clear gap that separates them from the body.

    Requiring the gap keeps a body line that happens to start the page inside the zone (a numbered
    paragraph repeating a template sentence) from being taken for a running header.
    """
    lines = sorted((i for i in page.items if isinstance(i, _Line)), key=lambda line: line.top)
    found: list[_Line] = []
    for zone, ordered in (("top", lines), ("bottom", lines[::-1])):
        cut = -1
        for k, line in enumerate(ordered):
            cy = (line.top + line.bottom) / 2
            inside = cy < ZONE * page.height if zone == "top" else cy > (1 - ZONE) * page.height
            if not inside:
                break
            nxt = ordered[k + 1] if k + 1 < len(ordered) else None
            gap = (nxt.top - line.bottom if zone == "top" else line.top - nxt.bottom) if nxt else float("inf")
            # Lines of a paragraph are ~0.2 line heights apart; a margin line sits well clear.
            if gap >= max(3.0, 0.5 * (line.bottom - line.top)):
                cut = k
        for line in ordered[:cut + 1]:
            line.zone = zone
            found.append(line)
    return found


def _running_key(line: _Line) -> tuple[str | None, str]:
    return line.zone, _DIGITS.sub("#", re.sub(r"\s+", "", line.text.lower()))


def _drop_running_lines(pages: list[_Page]) -> None:
    """Remove margin lines that repeat across pages (digits aside), and bare page numbers."""
    margins = {page.number: _margin_lines(page) for page in pages}
    seen: dict[tuple[str | None, str], set[int]] = defaultdict(set)
    for number, lines in margins.items():
        for line in lines:
            seen[_running_key(line)].add(number)
    for page in pages:
        drop = {id(line) for line in margins[page.number]
                if _PAGE_NUMBER_RE.match(line.text)
                or (len(seen[_running_key(line)]) >= MIN_REPEATS and len(line.text) <= 200)}
        if drop:
            page.items = [item for item in page.items if id(item) not in drop]
