"""What a page's layout is built from: words, lines, tables and pages, in display coordinates.

Display coordinates put the origin at the top-left of the page as it is shown (``/Rotate`` applied), y down, in
PDF points (1/72 inch).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


class _Box:
    """What has a top and a bottom on the page: its vertical centre."""

    __slots__ = ()
    top: float
    bottom: float

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Word(_Box):
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool


@dataclass(slots=True)
class _Table(_Box):
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str | None]]
    consumed: set[int] | None = None  # ids of the words read into cells; None: every word in the box


@dataclass(slots=True)
class _Line:
    page: int
    group: tuple[int, int]  # (band, side) on the page: lines of one column share it
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool
    zone: str | None = None  # "top" or "bottom" when in the header/footer zone
    lead_raised: bool = False  # opens with a smaller or raised word: a footnote number in superscript


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    items: list[_Line | _Table] = field(default_factory=list)
    has_text: bool = False
    separators: list[float] = field(default_factory=list)  # tops of short rules (footnote separators)
    gutter: float | None = None  # x of the gutter between two columns; None: one column


Transform = Callable[[float, float, float, float], tuple[float, float, float, float]]


def _display_transform(left: float, bottom: float, right: float, top: float,
                       rotation: int) -> tuple[Transform, float, float]:
    """Map a PDF box (l, b, r, t) to (x0, top, x1, bottom) as the page is displayed (/Rotate applied)."""
    if rotation == 90:
        return (lambda l, b, r, t: (b - bottom, l - left, t - bottom, r - left)), top - bottom, right - left
    if rotation == 180:
        return (lambda l, b, r, t: (right - r, b - bottom, right - l, t - bottom)), right - left, top - bottom
    if rotation == 270:
        return (lambda l, b, r, t: (top - t, right - r, top - b, right - l)), top - bottom, right - left
    return (lambda l, b, r, t: (l - left, top - t, r - left, top - b)), right - left, top - bottom
