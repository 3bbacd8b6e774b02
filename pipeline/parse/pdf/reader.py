"""Reading a PDF: open it with PDFium, read every page's words and rules, find its tables, lay out its pages.

Then the lines of all pages become blocks (``classify.py``). PDFium reads every page, including the ruling lines of
pages that draw a grid; pdfplumber's table finder then runs on those edges alone (``tables.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ...errors import InputError
from ...model import Document
from ..base import build_document
from .classify import _to_raw_blocks
from .graphics import _page_graphics, _ruling_edges
from .layout import _layout_page
from .page import _display_transform, _Page, _Word
from .problems import _page_problems, _pdfium_reason
from .running import _drop_running_lines
from .tables import _page_tables
from .words import _page_words

PARSER = "pdf/5"


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
    pdf, pdfium_c = _open(data, path)
    # A download cut short loses the end-of-file marker; PDFium may still open what came before.
    truncated = data.rfind(b"%%EOF") == -1
    try:
        n_pages, pages, words_by_page, edges_by_page, failed = _read_all(pdf, pdfium_c)
    finally:
        pdf.close()
    warnings, missing = _page_problems(path, pages, n_pages, failed, truncated, words_by_page)
    tables = _page_tables(data, edges_by_page, words_by_page, warnings)
    earlier: _Page | None = None  # the last page found in two columns: a document keeps its column layout
    for page in pages:
        known = earlier.gutter if earlier is not None and abs(earlier.width - page.width) < 1 else None
        page.items, page.gutter = _layout_page(page, words_by_page.pop(page.number), tables.get(page.number, []),
                                               earlier_gutter=known)
        if page.gutter is not None:
            earlier = page
    _drop_running_lines(pages)
    return pages, n_pages, warnings, missing


def _open(data: bytes, path: str) -> tuple[Any, Any]:
    """(the document opened by PDFium, PDFium's raw functions); a password or damage becomes an InputError."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    try:
        return pdfium.PdfDocument(data), pdfium_c
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise InputError.encrypted(path) from None
        raise InputError.corrupt(path, "PDF", _pdfium_reason(exc)) from None


def _read_all(pdf: Any, pdfium_c: Any) -> tuple[int, list[_Page], dict[int, list[_Word]], dict[int, list[dict]],
                                                  list[int]]:
    """(page count, pages read, their words, ruling edges of pages that draw a grid, numbers of unreadable pages)."""
    pages: list[_Page] = []
    words_by_page: dict[int, list[_Word]] = {}
    failed: list[int] = []
    edges_by_page: dict[int, list[dict]] = {}  # pages that draw a grid: their ruling edges
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
    return n_pages, pages, words_by_page, edges_by_page, failed


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
