"""PDF parser: the text layer with positions from PDFium, ruled tables by pdfplumber's table finder.

Why: pypdfium2 reads a page's characters, boxes and fonts at ~200 pages/s on the 2-core dev machine,
while pdfplumber (pdfminer) manages ~10 pages/s. So PDFium reads every page, including the ruling
lines of pages that draw a grid; pdfplumber's lattice algorithm (``TableFinder``) then runs on those
edges alone, without pdfminer re-reading the page. Should that pdfplumber contract change, the page
goes to pdfplumber whole (``page.find_tables()``), slower but the same result.

Layout, per page: words (PDFium) -> rows (by vertical position) -> columns (a vertical gutter crossed
by few rows) -> lines in reading order. Across pages: running headers, footers and page numbers are
dropped. Then lines -> blocks (paragraph breaks from spacing, indentation, punctuation and font
changes), each block classified as heading, list item, footnote or paragraph.

Every threshold below says where it comes from. Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import ctypes
import gc
import logging
import math
import operator
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable

import numpy as np

from ...errors import InputError
from ...model import BlockKind, Document, Locator
from ..base import RawBlock, build_document

PARSER = "pdf/2"

# --- thresholds -------------------------------------------------------------------------------
# Running headers and footers sit in the top/bottom tenth of the page (ITU and UN templates put them
# within 8% of the edge; 10% leaves room for other templates).
ZONE = 0.10
# A header/footer must repeat (digits aside) on this many pages; two is enough because a line in the
# page margin that repeats word for word is a running element, and short reports have few pages.
MIN_REPEATS = 2
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
# Paragraph break when the baseline-to-baseline distance exceeds this multiple of the median line
# pitch. Word's default "6 pt after" at 11 pt gives 1.45x; single-spaced lines vary under 10%.
PARA_GAP = 1.3
# A line ending a sentence and shorter than the column by this share closes its paragraph.
SHORT_LINE = 0.12
# First-line indent or outdent that starts a paragraph, in body font sizes.
INDENT_EM = 0.8
# Font sizes within this many points count as the same style.
SIZE_TOL = 0.6
# Headings: larger than the body by this many points (one size step in Word is 1-2 pt) ...
HEADING_SIZE_DELTA = 1.0
HEADING_MAX_CHARS = 300
# ... or bold, at body size, short and without a final period.
BOLD_HEADING_MAX_CHARS = 150
# Footnotes: smaller than the body by this many points, below the last body line of the page.
FOOTNOTE_SMALLER = 1.0
# Pages whose text is mostly undecodable (no Unicode map in the font) are reported.
GARBLED_SHARE = 0.3

# --- patterns -----------------------------------------------------------------------------------
_WORD_RE = re.compile(r"[^\s\ufffe]*\ufffe|[^\s\ufffe]+")  # U+FFFE: PDFium's line-end hyphen mark
_CONTROL = {c: None for c in range(32)} | {0xFEFF: None, 0x200B: None}
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
# Symbol/Wingdings bullets land in the Private Use Area when the font has no Unicode map.
_PUA_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF076: "❖", 0xF0D8: "➢", 0xF0FC: "✓", 0xF06E: "■", 0xF0A8: "□"}
# PDFium marks a hyphen at a line end as U+FFFE: read as the hyphen it is.
_WORD_TRANSLATE = str.maketrans({**_CONTROL, **_LIGATURES, **_PUA_BULLETS, 0xFFFE: "-"})
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|demi|semibd|[-,]bd\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19
_HYPHENS = ("-", "\u2010", "\u00ad")
_DIGITS = re.compile(r"\d+")
# "12", "- 12 -", "Page 3", "Page 3 of 10", "3/10", "iv": a page number alone on its line (front
# matter is numbered in roman numerals up to a few dozen pages).
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:(?:page|p\.)\s*)?(?:\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3}))"
    r"[\s\-–—]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_LIST_LABEL_RE = re.compile(
    r"^(?:(?P<bullet>[•◦▪‣●○■□❖➢✓\u2043\u2219*–-])\s+"
    r"|(?P<paren>\((?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<close>(?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3})*)\.\s+"
    r"|(?P<multi>\d{1,3}(?:\.\d{1,3})+)\s+"
    # A bare number only before a capital ("1 Introduction") or an operative item's "to"/"that" ("1 to report …").
    r"|(?P<bare>\d{1,3})\s+(?=[A-Z(\"“]|(?:to|that)\s)"
    r"|(?P<alpha>[a-z])\.\s+)"
)
_CHAPEAU_START_RE = re.compile(r"^(?:further |also )?(?:invites|instructs|requests|resolves|decides|urges|encourages|"
                               r"calls upon|calls on|recommends)\b")
_STRONG_BULLETS = set("•◦▪‣●○■□❖➢✓\u2043\u2219")
_HEADING_LABEL_RE = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?|(?P<roman>[IVXLC]{1,6})\.|(?P<letter>[A-Z])\.)\s+(?=\S)")
_FOOTNOTE_LABEL_RE = re.compile(r"^(?P<label>\d{1,3}|[*†‡§]{1,3})(?:\s+|(?=[A-Z]))(?=\S)")
_VOCAB_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_GARBLED_RE = re.compile(r"[\ufffd\ue000-\uf8ff]")


# --- intermediate layout types ------------------------------------------------------------------
@dataclass(slots=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    bold: bool

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Table:
    page: int
    x0: float
    x1: float
    top: float
    bottom: float
    rows: list[list[str | None]]
    consumed: set[int] | None = None  # ids of the words read into cells; None: every word in the box

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


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


@dataclass(slots=True)
class _Block:
    page: int
    lines: list[_Line]
    footnote: bool = False
    label: str | None = None  # list label of the first line, if any


# --- entry point ----------------------------------------------------------------------------------
def parse_pdf(data: bytes, *, path: str, sha256: str) -> Document:
    """Parse PDF bytes into a Document of headings, paragraphs, list items, footnotes and table cells."""
    try:
        with _collector_paused():
            pages, n_pages, warnings, missing = _read_pages(data, path)
            raw = _to_raw_blocks(pages)
    except (InputError, MemoryError):
        raise  # parse_bytes words a MemoryError for the user
    except Exception as exc:  # no library exception reaches the user
        raise InputError.corrupt(path, "PDF", f"{type(exc).__name__}: {exc}"[:200]) from exc
    return build_document(raw, path=path, sha256=sha256, fmt="pdf", parser=PARSER, pages=n_pages,
                          warnings=warnings, missing=missing)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a PDF is read, as it was before afterwards. The layout makes a tracked object
    per word and line (no cycles among them; they are freed as each page is laid out), and on a long document the
    collector otherwise walks them and everything loaded before them again and again: 0.37 of the 2.5 s that the
    300-page benchmark PDF took, in two full collections."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _read_pages(data: bytes, path: str) -> tuple[list[_Page], int, list[str], list[str]]:
    """Open with PDFium, read every page's words, add tables and order lines; failures become InputErrors."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError.encrypted(path) from None
        raise InputError.corrupt(path, "PDF", _pdfium_reason(exc)) from None
    # A download cut short loses the end-of-file marker; PDFium may still open what came before.
    truncated = data.rfind(b"%%EOF") == -1
    warnings: list[str] = []
    missing: list[str] = []
    pages: list[_Page] = []
    words_by_page: dict[int, list[_Word]] = {}
    failed: list[int] = []
    edges_by_page: dict[int, list[dict]] = {}  # pages that draw a grid: their ruling edges
    try:
        n_pages = len(pdf)
        for index in range(n_pages):
            try:
                page, words, edges = _read_page(pdf, index, pdfium_c)
            except Exception:  # one unreadable page must not lose the others
                failed.append(index + 1)
                continue
            pages.append(page)
            words_by_page[page.number] = words
            if edges:
                edges_by_page[page.number] = edges
    finally:
        pdf.close()
    if failed:
        if truncated or len(failed) == n_pages:
            raise InputError.corrupt(path, "PDF", f"{_pages(failed)} cannot be read")
        warnings.append(f"{_pages(failed)} could not be read and were skipped")
        missing.append(f"{_pages(failed)} unreadable")
    textless = [p.number for p in pages if not p.has_text]
    if len(textless) == len(pages):
        raise InputError.no_text_layer(path)
    if textless:
        warnings.append(f"{_pages(textless)}: no text layer (scanned?), not read; "
                        "OCR the file (e.g. `ocrmypdf`) to include them")
        missing.append(f"{_pages(textless)} without a text layer")
    garbled = [n for n, words in words_by_page.items() if _garbled(words)]
    if garbled:
        warnings.append(f"{_pages(garbled)}: text could not be decoded (fonts without a Unicode map)")
        missing.append(f"{_pages(garbled)} with undecodable text")
    if truncated:
        warnings.append("the file does not end with %%EOF and may be truncated")
    tables: dict[int, list[_Table]] = {}
    fallback: list[int] = []
    for number, edges in edges_by_page.items():
        try:
            tables[number] = _tables_from_edges(number, edges, words_by_page[number])
        except Exception:  # pdfplumber's table finder changed its page contract: use pdfplumber whole
            fallback.append(number - 1)
    if fallback:
        tables.update(_find_tables(data, fallback, warnings))
    for page in pages:
        page.items = _layout_page(page, words_by_page.pop(page.number), tables.get(page.number, []))
    _drop_running_lines(pages)
    return pages, n_pages, warnings, missing


# PDFium's FPDF_GetLastError codes (fpdfview.h), in our words. Its "success" code also comes with failures
# (a document it gave up on without saying why), so it never reaches a message as "success".
_PDFIUM_REASONS = {0: "PDFium could not read its structure", 1: "PDFium could not read its structure",
                   2: "the file could not be opened", 3: "its structure is not valid PDF",
                   6: "a page is missing or damaged"}


def _pdfium_reason(exc: Exception) -> str:
    code = getattr(exc, "err_code", None)
    if code in _PDFIUM_REASONS:
        return _PDFIUM_REASONS[code]
    m = re.search(r"PDFium: ([^)]*)", str(exc))
    reason = m.group(1).lower().strip() if m else ""
    return reason if reason and reason != "success" else _PDFIUM_REASONS[0]


def _pages(numbers: list[int]) -> str:
    """[3] -> "page 3"; [1, 2, 3, 7] -> "pages 1-3, 7"."""
    return f"page {numbers[0]}" if len(numbers) == 1 else f"pages {_ranges(numbers)}"


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    spans: list[list[int]] = []
    for n in sorted(numbers):
        if spans and spans[-1][1] == n - 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)


def _garbled(words: list[_Word]) -> bool:
    text = "".join(w.text for w in words)
    return len(text) >= 20 and len(_GARBLED_RE.findall(text)) > GARBLED_SHARE * len(text)


# --- PDFium: words with boxes and fonts -------------------------------------------------------------
Transform = Callable[[float, float, float, float], tuple[float, float, float, float]]


def _read_page(pdf: Any, index: int, c: Any) -> tuple[_Page, list[_Word], list[dict] | None]:
    """One page's words in display coordinates (origin top-left, y down), and its ruling edges if it has a grid."""
    page = pdf[index]
    try:
        left, bottom, right, top = page.get_bbox()
        to_display, width, height = _display_transform(left, bottom, right, top, page.get_rotation() % 360)
        textpage = page.get_textpage()
        try:
            words = _page_words(textpage, to_display, c)
        finally:
            textpage.close()
        ruled, separators = _page_graphics(page, c, to_display, width)
        edges = _ruling_edges(page, c, to_display) if ruled and words else None
    finally:
        page.close()
    return (_Page(number=index + 1, width=width, height=height, has_text=bool(words), separators=separators),
            words, edges)


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


def _page_text(textpage: Any, n: int, c: Any) -> str:
    """The page's characters, one per PDFium char index (so regex offsets are char indexes)."""
    try:
        text = textpage.get_text_range()
    except Exception:  # pypdfium2 asserts on some odd text pages; the slow path below still works
        text = ""
    if len(text) == n:
        return text
    # Astral characters or chars PDFium leaves out of its text view: read them one by one.
    out = []
    for i in range(n):
        u = c.FPDFText_GetUnicode(textpage, i)
        out.append(chr(u) if 0 < u < 0x110000 and not 0xD800 <= u < 0xE000 else "\ufffd")
    return "".join(out)


def _page_words(textpage: Any, to_display: Transform, c: Any) -> list[_Word]:
    """Words from PDFium: a box from the first and last char, size and weight from the first char.

    Reading per word rather than per char keeps ctypes calls to a few per word; size and weight are properties of
    the text object a char belongs to (its font, font size and matrix), so they are read once per text object.
    PDFium writes the boxes straight into arrays, and the page's boxes are then joined and turned to display
    coordinates at once (the same arithmetic as on each word, element by element).
    """
    handle = textpage.raw
    n = c.FPDFText_CountChars(handle)
    if n <= 0:
        return []
    texts, starts, objects, first, last, has_last = _word_boxes(handle, _page_text(textpage, n, c), n, c)
    if not texts:
        return []
    x0, top, x1, bottom, height = _display_boxes(first, last, has_last, to_display)
    style_of: dict[int, tuple[float, bool]] = {}  # text object -> (font size as drawn, bold)
    words: list[_Word] = []
    for word, start, obj, left, up, right, down, h in zip(texts, starts, objects, x0, top, x1, bottom, height):
        style = style_of.get(obj) if obj else None
        if style is None:
            style = _char_style(handle, start, c)
            if obj:
                style_of[obj] = style
        size, bold = style
        # Without a usable font size: loose boxes span ascent to descent, ~1.15 em in common fonts (h).
        words.append(_Word(word, left, right, up, down, size if 0.5 < size < 500 else h, bold))
    return words


def _word_boxes(handle: Any, text: str, n: int, c: Any) -> tuple[list[str], list[int], list[int | None], np.ndarray,
                                                                  np.ndarray, np.ndarray]:
    """The page's words that PDFium gives a box: their text, first char, text object, the loose boxes of their first
    and last chars (FS_RECTF rows: left, top, right, bottom) and whether the last char's box was read."""
    first = np.zeros((n, 4), dtype=np.float32)
    last = np.zeros((n, 4), dtype=np.float32)
    # The hot calls take plain addresses: ctypes then checks no pointer type per argument (half the cost a call).
    page_at, first_at, last_at = ctypes.cast(handle, ctypes.c_void_p).value, first.ctypes.data, last.ctypes.data
    get_box, get_object = _by_address(c.FPDFText_GetLooseCharBox), _by_address(c.FPDFText_GetTextObject, True)
    texts: list[str] = []
    starts: list[int] = []
    objects: list[int | None] = []
    has_last: list[bool] = []
    for m in _WORD_RE.finditer(text):
        a, b = m.span()
        word = m.group().translate(_WORD_TRANSLATE)
        row = 16 * len(texts)  # bytes: four floats a box
        if not word or not get_box(page_at, a, first_at + row):
            continue
        has_last.append(bool(b - 1 > a and get_box(page_at, b - 1, last_at + row)))
        texts.append(word)
        starts.append(a)
        objects.append(get_object(page_at, a))
    k = len(texts)
    return texts, starts, objects, first[:k], last[:k], np.array(has_last, dtype=bool)


def _display_boxes(first: np.ndarray, last: np.ndarray, has_last: np.ndarray,
                   to_display: Transform) -> tuple[list[float], ...]:
    """(x0, top, x1, bottom, height / 1.15) of each word in display coordinates, from its first and last chars' PDF
    boxes: the box around both, as min() and max() of two take it (the first unless the other is smaller or larger)."""
    f, g = first.astype(np.float64), last.astype(np.float64)
    left, top, right, bottom = f[:, 0], f[:, 1], f[:, 2], f[:, 3]
    left = np.where(has_last & (g[:, 0] < left), g[:, 0], left)
    top = np.where(has_last & (g[:, 1] > top), g[:, 1], top)
    right = np.where(has_last & (g[:, 2] > right), g[:, 2], right)
    bottom = np.where(has_last & (g[:, 3] < bottom), g[:, 3], bottom)
    with np.errstate(all="ignore"):  # a damaged file's infinite boxes give NaN silently, as Python's floats do
        x0, y0, x1, y1 = to_display(left, bottom, right, top)
        height = (y1 - y0) / 1.15
    return (np.where(x1 < x0, x1, x0).tolist(), np.where(y1 < y0, y1, y0).tolist(), np.where(x1 > x0, x1, x0).tolist(),
            np.where(y1 > y0, y1, y0).tolist(), height.tolist())


def _by_address(fn: Any, returns_address: bool = False) -> Any:
    """A copy of a PDFium function whose pointer arguments are plain addresses (ints), and whose pointer result, if
    `returns_address`, is one too (None for NULL)."""
    copy = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    copy.argtypes = [ctypes.c_void_p if issubclass(t, ctypes._Pointer) else t for t in fn.argtypes]
    copy.restype = ctypes.c_void_p if returns_address else fn.restype
    return copy


def _char_style(handle: Any, index: int, c: Any) -> tuple[float, bool]:
    """(font size as drawn, bold) of one char, from its font, font size and text matrix."""
    # The font size in Tf times the text matrix scale: generators that write "1 Tf" and scale
    # the matrix (Skia, some converters) would otherwise all read as 1 pt.
    size = c.FPDFText_GetFontSize(handle, index)
    matrix = c.FS_MATRIX()
    if c.FPDFText_GetMatrix(handle, index, ctypes.byref(matrix)):
        scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
        if scale > 0:
            size *= scale
    name = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    c.FPDFText_GetFontInfo(handle, index, name, 128, ctypes.byref(flags))
    bold = bool(_BOLD_FONT_RE.search(name.value.decode("latin-1")) or flags.value & _FORCE_BOLD)
    if not bold and c.FPDFText_GetFontWeight(handle, index) >= 600:  # weight from the font descriptor, if any
        bold = True
    return size, bold


def _page_graphics(page: Any, c: Any, to_display: Transform, width: float) -> tuple[bool, list[float]]:
    """(whether the page draws a grid that can hold a ruled table, tops of short rules: footnote separators).

    Cheap: only path bounds are read. A table of two columns or more has at least three distinct
    vertical edges and three horizontal ones (rules, or the sides of per-cell boxes).
    """
    xs: set[int] = set()
    ys: set[int] = set()
    separators: list[float] = []
    grid_path = False
    box = [ctypes.c_float() for _ in range(4)]
    refs = [ctypes.byref(v) for v in box]

    def visit(count: Callable[[Any], int], get: Callable[[Any, int], Any], holder: Any, depth: int) -> None:
        nonlocal grid_path
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_FORM and depth < 3:
                visit(c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, obj, depth + 1)
            elif kind == c.FPDF_PAGEOBJ_PATH and c.FPDFPageObj_GetBounds(obj, *refs):
                x0, top, x1, bottom = to_display(box[0].value, box[1].value, box[2].value, box[3].value)
                x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom)
                w, h = x1 - x0, bottom - top
                if h <= 3 and w >= 10:  # a horizontal rule
                    ys.add(round(top / 2))
                    # Word and LaTeX footnote separators are 1/3 to 2/5 of the text width.
                    if 30 <= w <= 0.6 * width:
                        separators.append(top)
                elif w <= 3 and h >= 8:  # a vertical rule
                    xs.add(round(x0 / 2))
                elif w >= 10 and h >= 8:  # a box: a cell border, a shaded cell, or a whole grid
                    xs.update((round(x0 / 2), round(x1 / 2)))
                    ys.update((round(top / 2), round(bottom / 2)))
                    if c.FPDFPath_CountSegments(obj) >= 12:
                        grid_path = True  # a grid drawn as one path has many segments

    visit(c.FPDFPage_CountObjects, c.FPDFPage_GetObject, page, 0)
    return grid_path or (len(xs) >= 3 and len(ys) >= 3), separators


def _ruling_edges(page: Any, c: Any, to_display: Transform) -> list[dict]:
    """Horizontal and vertical segments of the page's paths, as pdfplumber edge dicts in display coordinates.

    Rectangles give their four sides, as in pdfplumber; curves and slanted lines are skipped.
    """
    edges: list[dict] = []
    fx, fy = ctypes.c_float(), ctypes.c_float()
    fx_p, fy_p = ctypes.byref(fx), ctypes.byref(fy)
    m = c.FS_MATRIX()
    m_p = ctypes.byref(m)
    identity = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)

    def compose(outer: tuple, inner: tuple) -> tuple:
        a, b, cc, d, e, f = outer
        a2, b2, c2, d2, e2, f2 = inner
        return (a2 * a + b2 * cc, a2 * b + b2 * d, c2 * a + d2 * cc, c2 * b + d2 * d,
                e2 * a + f2 * cc + e, e2 * b + f2 * d + f)

    def add(p: tuple[float, float], q: tuple[float, float]) -> None:
        x0, top, x1, bottom = to_display(min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))
        x0, x1, top, bottom = min(x0, x1), max(x0, x1), min(top, bottom), max(top, bottom)
        if bottom - top <= 1 and x1 - x0 >= 1:
            y = (top + bottom) / 2
            edges.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "doctop": y, "width": x1 - x0,
                          "height": 0, "orientation": "h", "object_type": "line"})
        elif x1 - x0 <= 1 and bottom - top >= 1:
            x = (x0 + x1) / 2
            edges.append({"x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top, "width": 0,
                          "height": bottom - top, "orientation": "v", "object_type": "line"})

    def visit(count: Callable[[Any], int], get: Callable[[Any, int], Any], holder: Any, ctm: tuple,
              depth: int) -> None:
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind not in (c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM):
                continue
            own = (m.a, m.b, m.c, m.d, m.e, m.f) if c.FPDFPageObj_GetMatrix(obj, m_p) else identity
            matrix = compose(ctm, own)
            if kind == c.FPDF_PAGEOBJ_FORM:
                if depth < 3:
                    visit(c.FPDFFormObj_CountObjects, c.FPDFFormObj_GetObject, obj, matrix, depth + 1)
                continue
            a, b, cc, d, e, f = matrix
            start = cur = None
            for k in range(c.FPDFPath_CountSegments(obj)):
                seg = c.FPDFPath_GetPathSegment(obj, k)
                if not seg or not c.FPDFPathSegment_GetPoint(seg, fx_p, fy_p):
                    continue
                pt = (a * fx.value + cc * fy.value + e, b * fx.value + d * fy.value + f)
                kind_seg = c.FPDFPathSegment_GetType(seg)
                if kind_seg == c.FPDF_SEGMENT_LINETO and cur is not None:
                    add(cur, pt)
                elif kind_seg == c.FPDF_SEGMENT_MOVETO:
                    start = pt
                cur = pt
                if c.FPDFPathSegment_GetClose(seg) and start is not None and cur is not None:
                    add(cur, start)
                    cur = start

    visit(c.FPDFPage_CountObjects, c.FPDFPage_GetObject, page, identity, 0)
    return edges


class _EdgePage:
    """The part of a pdfplumber page that its table finder reads with the "lines" strategy: the edges."""

    def __init__(self, edges: list[dict]) -> None:
        self.edges = edges
        self.bbox = (0, 0, 0, 0)


def _tables_from_edges(number: int, edges: list[dict], words: list[_Word]) -> list[_Table]:
    """Ruled tables from pdfplumber's table finder run on PDFium's edges; cells filled with PDFium's words.

    This keeps pdfplumber's lattice algorithm (snap, join, intersections, cells) without pdfminer
    re-reading the page, which costs ~80 ms a page (measured) against ~1 ms here.
    """
    from pdfplumber.table import TableFinder

    found: list[_Table] = []
    for table in TableFinder(_EdgePage(edges)).tables:
        grid = [row.cells for row in table.rows]
        # One-row or one-column "tables" are boxed paragraphs or rules around a heading.
        if len(grid) < 2 or max(len(r) for r in grid) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        members: dict[tuple[int, int], list[_Word]] = defaultdict(list)
        for w in words:
            cx, cy = (w.x0 + w.x1) / 2, w.cy
            if not (x0 <= cx <= x1 and top <= cy <= bottom):
                continue
            for r, row in enumerate(grid):
                for col, cell in enumerate(row):
                    if cell and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]:
                        members[(r, col)].append(w)
                        break
                else:
                    continue
                break
        if sum(1 for ws in members.values() if ws) < 2:
            continue
        rows: list[list[str | None]] = [
            ["\n".join(" ".join(w.text for w in line) for line in _rows(members[(r, col)]))
             if members.get((r, col)) else None for col in range(len(row))]
            for r, row in enumerate(grid)
        ]
        found.append(_Table(page=number, x0=x0, x1=x1, top=top, bottom=bottom, rows=rows,
                            consumed={id(w) for ws in members.values() for w in ws}))
    return found


# --- pdfplumber whole: the fallback -----------------------------------------------------------------
def _find_tables(data: bytes, candidates: list[int], warnings: list[str]) -> dict[int, list[_Table]]:
    """Tables found by pdfplumber's line strategy on the given pages (pdfminer reads them), in display coordinates."""
    import io

    try:
        import pdfplumber
    except ImportError:  # a declared dependency, but keep paragraphs readable without it
        warnings.append("pdfplumber is not installed; tables are read as paragraphs (pip install pdfplumber)")
        return {}
    # pdfminer logs every oddity of a damaged file to stderr; the user gets our one-line warnings instead.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    found: dict[int, list[_Table]] = {}
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for index in candidates:
                try:
                    page = doc.pages[index]
                    ox, oy = page.cropbox[0], page.cropbox[1]
                    for table in page.find_tables():
                        rows = table.extract()
                        # One-row or one-column "tables" are boxed paragraphs or rules around a heading.
                        if len(rows) < 2 or max(len(r) for r in rows) < 2:
                            continue
                        if sum(1 for r in rows for cell in r if cell and cell.strip()) < 2:
                            continue
                        x0, top, x1, bottom = table.bbox
                        found.setdefault(index + 1, []).append(
                            _Table(page=index + 1, x0=x0 - ox, x1=x1 - ox, top=top - oy, bottom=bottom - oy,
                                   rows=rows))
                    page.close()
                except Exception as exc:  # pdfminer on an odd page: keep its text as paragraphs
                    warnings.append(f"page {index + 1}: tables could not be read ({type(exc).__name__}); "
                                    "their text is kept as paragraphs")
    except Exception as exc:
        warnings.append(f"tables could not be read ({type(exc).__name__}); their text is kept as paragraphs")
    return found


# --- page layout: rows, columns, lines --------------------------------------------------------------
def _layout_page(page: _Page, words: list[_Word], tables: list[_Table]) -> list[_Line | _Table]:
    """The page's lines and tables in reading order."""
    if tables:
        consumed = set().union(*(t.consumed for t in tables if t.consumed is not None))
        boxes = [t for t in tables if t.consumed is None]
        words = [w for w in words if id(w) not in consumed and not any(_inside(w, t) for t in boxes)]
    rows: list[list[Any]] = _rows(words)
    seg_rows = [_segments(row) for row in rows]
    gutter = _find_gutter(seg_rows)
    segs_of = {id(row): segs for row, segs in zip(rows, seg_rows)}
    rows.extend([t] for t in tables)
    rows.sort(key=lambda row: row[0].cy if isinstance(row[0], _Table) else min([w.cy for w in row]))
    items: list[_Line | _Table] = []
    if gutter is None:
        for row in rows:
            items.append(row[0] if isinstance(row[0], _Table) else _make_line(row, page, (0, 0)))
        return items
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
    return items


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


def _find_gutter(seg_rows: list[list[_Segment]]) -> float | None:
    """The x of a vertical gap crossed by few rows, with a real column of text on each side; else None."""
    n = len(seg_rows)
    if n < 8:  # too few rows to tell columns from a short layout
        return None
    lo = min(segs[0].x0 for segs in seg_rows)
    hi = max(segs[-1].x1 for segs in seg_rows)
    if hi - lo < 100:  # narrower than two columns of a dozen characters each
        return None
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return None
    # Rows crossing each point of the middle 30-70% of the text width: the page's "middle band". Points are
    # 1 pt apart up to GUTTER_MAX_POINTS (wider than any paper size's text); a damaged file's coordinates
    # can claim billions of points, and are then read at coarser steps, so the work never grows with them.
    # Segments of one row never overlap, so a difference array counts rows.
    a0 = math.floor(lo + 0.3 * (hi - lo))
    span = math.floor(lo + 0.7 * (hi - lo)) + 1 - a0
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
    if least > GUTTER_MAX_CROSSING * n:
        return None
    # The middle of the widest run of least-crossed points.
    best, start = (0, -1), None
    for k, count in enumerate(crossing + [least + 1]):
        if count == least and start is None:
            start = k
        elif count != least and start is not None:
            if k - 1 - start > best[1] - best[0]:
                best = (start, k - 1)
            start = None
    gx = a0 + step * (best[0] + best[1]) / 2
    left = [seg.x1 - seg.x0 for segs in seg_rows for seg in segs if seg.x1 <= gx]
    right = [seg.x1 - seg.x0 for segs in seg_rows for seg in segs if seg.x0 >= gx]
    left_rows = sum(1 for segs in seg_rows if segs[0].x1 <= gx)
    right_rows = sum(1 for segs in seg_rows if segs[-1].x0 >= gx)
    if min(left_rows, right_rows) < max(3, GUTTER_MIN_ROWS * n):
        return None
    if (statistics.median(left) < GUTTER_MIN_FILL * (gx - lo)
            or statistics.median(right) < GUTTER_MIN_FILL * (hi - gx)):
        return None
    return gx


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


# --- running headers and footers -------------------------------------------------------------------
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


# --- lines -> blocks ---------------------------------------------------------------------------------
@dataclass(slots=True, kw_only=True)
class _Context:
    """Document-wide measures the block rules compare against."""

    body: float  # body font size: the size most characters have
    pitch: float  # median baseline-to-baseline distance of body lines
    extents: dict[tuple[int, tuple[int, int]], tuple[float, float]]  # (page, group) -> (left, right)
    body_bottom: dict[tuple[int, tuple[int, int]], float]  # lowest body line of each column
    heights: dict[int, float]
    vocab: set[str]  # lower-cased words of the document, to decide line-end hyphens


def _to_raw_blocks(pages: list[_Page]) -> list[RawBlock]:
    """Lines and tables of all pages -> RawBlocks in reading order."""
    lines = [item for p in pages for item in p.items if isinstance(item, _Line)]
    ctx = _context(pages, lines)
    return _classify(_segment(pages, ctx), ctx)


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


def _list_label(text: str) -> tuple[str, str, str] | None:
    """(label as a reader sees it, rest of the text, label kind) for a line opening with a list label."""
    m = _LIST_LABEL_RE.match(text)
    if not m or m.lastgroup is None:
        return None
    kind = m.lastgroup
    raw = m.group(kind)
    label = raw.rstrip(".") if kind in ("dotted", "alpha") else raw
    return label, text[m.end():], kind


def _plausible_next(prev: str | None, label: str) -> bool:
    """Whether `label` can follow list label `prev`: "2" after "1", "1.1" after "1", "b)" after "a)"."""
    if prev is None:
        return False
    numeric = re.compile(r"\d+(?:\.\d+)*")
    if numeric.fullmatch(prev) and numeric.fullmatch(label):
        p, q = prev.split("."), label.split(".")
        if len(q) > len(p):
            return q[-1] == "1"
        return int(q[-1]) == int(p[len(q) - 1]) + 1
    letter = re.compile(r"\(?([a-z])\)?")
    mp, mq = letter.fullmatch(prev), letter.fullmatch(label)
    if mp and mq and prev.startswith("(") == label.startswith("("):
        return ord(mq.group(1)) == ord(mp.group(1)) + 1 or mq.group(1) in "iv"
    return True  # another kind of label (a sub-list) or a bullet


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
