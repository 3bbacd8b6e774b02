"""PDF parser: the text layer with positions from PDFium, ruled tables from pdfplumber.

Why two libraries: pypdfium2 reads a page's characters, boxes and fonts at ~200 pages/s here, while
pdfplumber (pdfminer) manages ~10 pages/s but finds ruled tables well. So PDFium reads every page,
and pdfplumber is opened only for the pages that draw enough ruling lines to hold a table.

Layout, per page: words (PDFium) -> rows (by vertical position) -> columns (a vertical gutter crossed
by few rows) -> lines in reading order. Across pages: running headers, footers and page numbers are
dropped. Then lines -> blocks (paragraph breaks from spacing, indentation, punctuation and font
changes), each block classified as heading, list item, footnote or paragraph.

Every threshold below says where it comes from. Sizes are in PDF points (1/72 inch).
"""

from __future__ import annotations

import ctypes
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable

from ..errors import InputError
from ..model import BlockKind, Document, Locator
from .base import RawBlock, build_document

PARSER = "pdf/1"

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
_WORD_TRANSLATE = str.maketrans({**_CONTROL, **_LIGATURES, **_PUA_BULLETS})
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|demi|semibd|[-,]bd\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19
_HYPHENS = ("-", "\u2010", "\u00ad")
_DIGITS = re.compile(r"\d+")
# "12", "- 12 -", "Page 3", "Page 3 of 10", "3/10", "iv": a page number alone on its line.
_PAGE_NUMBER_RE = re.compile(
    r"^[\s\-–—]*(?:(?:page|p\.)\s*)?(?:\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|[ivxlc]{1,7})[\s\-–—]*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")
_LIST_LABEL_RE = re.compile(
    r"^(?:(?P<bullet>[•◦▪‣●○■□❖➢✓\u2043\u2219*–-])\s+"
    r"|(?P<paren>\((?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<close>(?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3})*)\.\s+"
    r"|(?P<multi>\d{1,3}(?:\.\d{1,3})+)\s+"
    r"|(?P<bare>\d{1,3})\s+(?=[A-Z(\"“])"  # a bare number only before a capital: "1 Introduction"
    r"|(?P<alpha>[a-z])\.\s+)"
)
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
    broken: bool = False  # ends with a line-end hyphen (PDFium's U+FFFE)

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


@dataclass(slots=True)
class _Page:
    number: int
    width: float
    height: float
    items: list[_Line | _Table] = field(default_factory=list)
    has_text: bool = False


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
        pages, n_pages, warnings = _read_pages(data, path)
        raw = _to_raw_blocks(pages)
    except InputError:
        raise
    except Exception as exc:  # no library exception reaches the user
        raise InputError.corrupt(path, "PDF", f"{type(exc).__name__}: {exc}"[:200]) from exc
    return build_document(raw, path=path, sha256=sha256, fmt="pdf", parser=PARSER, pages=n_pages,
                          warnings=warnings)


def _read_pages(data: bytes, path: str) -> tuple[list[_Page], int, list[str]]:
    """Open with PDFium, read every page's words, add tables, order lines; errors become InputErrors."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError.encrypted(path) from None
        raise InputError.corrupt(path, "PDF", _pdfium_reason(exc)) from None
    truncated = b"%%EOF" not in data[-4096:] and b"%%EOF" not in data
    warnings: list[str] = []
    try:
        n_pages = len(pdf)
        pages: list[_Page] = []
        failed: list[int] = []
        candidates: list[int] = []
        for index in range(n_pages):
            try:
                page, words, table_like = _read_page(pdf, index, pdfium_c)
            except Exception:  # one unreadable page must not lose the others
                failed.append(index + 1)
                continue
            pages.append(page)
            page_words[page.number] = words
            if table_like and words:
                candidates.append(index)
    finally:
        pdf.close()
    if failed:
        if truncated or len(failed) == n_pages:
            raise InputError.corrupt(path, "PDF", f"pages {_ranges(failed)} cannot be read")
        warnings.append(f"pages {_ranges(failed)} could not be read and were skipped")
    textless = [p.number for p in pages if not p.has_text]
    if pages and len(textless) == len(pages):
        raise InputError.no_text_layer(path)
    if textless:
        warnings.append(f"pages {_ranges(textless)} have no text layer (scanned?) and were not read; "
                        "OCR the file to include them")
    garbled = [p.number for p in pages if _garbled(page_words.get(p.number, ()))]
    if garbled:
        warnings.append(f"text on pages {_ranges(garbled)} could not be decoded (fonts without a Unicode map)")
    if truncated:
        warnings.append("the file does not end with %%EOF and may be truncated")
    tables = _find_tables(data, candidates, warnings) if candidates else {}
    for page in pages:
        words = page_words.pop(page.number, [])
        page.items = _layout_page(page, words, tables.get(page.number, []))
    _mark_running_lines(pages)
    return pages, n_pages, warnings


page_words: dict[int, list[_Word]] = {}  # reset per call below; module-level only to keep _read_pages flat


def _pdfium_reason(exc: Exception) -> str:
    m = re.search(r"PDFium: ([^)]*)", str(exc))
    return m.group(1).lower() if m else type(exc).__name__


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> "1-3, 7"."""
    out: list[str] = []
    for n in sorted(numbers):
        if out and out[-1][1] == n - 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in out)  # type: ignore[misc]


def _garbled(words: Any) -> bool:
    text = "".join(w.text for w in words)
    return len(text) >= 20 and len(_GARBLED_RE.findall(text)) > GARBLED_SHARE * len(text)
