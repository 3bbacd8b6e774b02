"""What a reader is told about pages that could not be read: unreadable, without text, undecodable, truncated."""

from __future__ import annotations

import re

from .page import _Word

# Pages whose text is mostly undecodable (no Unicode map in the font) are reported.
GARBLED_SHARE = 0.3
_GARBLED_RE = re.compile(r"[\ufffd\ue000-\uf8ff]")


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
