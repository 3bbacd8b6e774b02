"""What a reader is told about pages that could not be read: unreadable, without text, undecodable, truncated."""

from __future__ import annotations

import re

from ...errors import InputError
from .page import _Page, _Word

# Pages whose text is mostly undecodable (no Unicode map in the font) are reported.
GARBLED_SHARE = 0.3
_GARBLED_RE = re.compile(r"[\ufffd\ue000-\uf8ff]")


def _page_problems(path: str, pages: list[_Page], n_pages: int, failed: list[int], truncated: bool,
                   words_by_page: dict[int, list[_Word]]) -> tuple[list[str], list[str]]:
    """(warnings, what was not read) for pages PDFium could not read, without a text layer or with undecodable
    text, and a truncated file; an InputError when nothing readable is left."""
    warnings: list[str] = []
    missing: list[str] = []
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
    return warnings, missing


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
