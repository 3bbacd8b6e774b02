"""Words from PDFium: each word's text, box, font size and weight, read a few ctypes calls a word.

Why PDFium: pypdfium2 reads a page's characters, boxes and fonts at ~200 pages/s on the 2-core dev machine, while
pdfplumber (pdfminer) manages ~10 pages/s.
"""

from __future__ import annotations

import ctypes
import re
from typing import Any

import numpy as np

from .page import Transform, _Word

_WORD_RE = re.compile(r"[^\s\ufffe]*\ufffe|[^\s\ufffe]+")  # U+FFFE: PDFium's line-end hyphen mark
_CONTROL = {c: None for c in range(32)} | {0xFEFF: None, 0x200B: None}
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
# Symbol/Wingdings bullets land in the Private Use Area when the font has no Unicode map.
_PUA_BULLETS = {0xF0B7: "•", 0xF0A7: "▪", 0xF076: "❖", 0xF0D8: "➢", 0xF0FC: "✓", 0xF06E: "■", 0xF0A8: "□"}
# PDFium marks a hyphen at a line end as U+FFFE: read as the hyphen it is.
_WORD_TRANSLATE = str.maketrans({**_CONTROL, **_LIGATURES, **_PUA_BULLETS, 0xFFFE: "-"})
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|demi|semibd|[-,]bd\b", re.IGNORECASE)
_FORCE_BOLD = 1 << 18  # PDF font descriptor flag 19


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
    styles = []
    for start, obj in zip(starts, objects):
        style = style_of.get(obj) if obj else None
        if style is None:
            style = _char_style(handle, start, c)
            if obj:
                style_of[obj] = style
        styles.append(style)
    # Without a usable font size: loose boxes span ascent to descent, ~1.15 em in common fonts (h).
    return [_Word(word, left, right, up, down, size if 0.5 < size < 500 else h, bold)
            for word, left, up, right, down, h, (size, bold) in zip(texts, x0, top, x1, bottom, height, styles)]


# The characters _WORD_TRANSLATE changes that a word can hold (words hold no space, so line ends do not count): a
# page without any (most pages) keeps its words as the regex found them.
_TRANSLATED_RE = re.compile("[" + "".join(re.escape(chr(k)) for k in sorted(_WORD_TRANSLATE)
                                          if not re.fullmatch(r"\s", chr(k))) + "]")


def _word_boxes(handle: Any, text: str, n: int, c: Any) -> tuple[list[str], list[int], list[int | None], np.ndarray,
                                                                  np.ndarray, np.ndarray]:
    """The page's words that PDFium gives a box: their text, first char, text object, the loose boxes of their first
    and last chars (FS_RECTF rows: left, top, right, bottom) and whether the last char's box was read.

    PDFium is asked about every word the regex finds, in three passes (first boxes, last boxes, text objects), each
    word's boxes written to its own row; the words without a first box (or with no text once translated) are then
    left out of every list at once."""
    spans = [m.span() for m in _WORD_RE.finditer(text)]
    k = len(spans)
    first = np.zeros((k, 4), dtype=np.float32)
    last = np.zeros((k, 4), dtype=np.float32)
    # The hot calls take plain addresses: ctypes then checks no pointer type per argument (half the cost a call).
    page_at, first_at, last_at = ctypes.cast(handle, ctypes.c_void_p).value, first.ctypes.data, last.ctypes.data
    get_box, get_object = _by_address(c.FPDFText_GetLooseCharBox), _by_address(c.FPDFText_GetTextObject, True)
    texts = [text[a:b] for a, b in spans]
    found = [get_box(page_at, a, first_at + 16 * i) for i, (a, _) in enumerate(spans)]  # 16 bytes: four floats
    has_last = np.array([b - 1 > a and get_box(page_at, b - 1, last_at + 16 * i) for i, (a, b) in enumerate(spans)],
                        dtype=bool)
    objects = [get_object(page_at, a) for a, _ in spans]
    starts = [a for a, _ in spans]
    if _TRANSLATED_RE.search(text):
        texts = [t.translate(_WORD_TRANSLATE) for t in texts]
        found = [ok and bool(t) for ok, t in zip(found, texts)]
    if all(found):
        return texts, starts, objects, first, last, has_last
    keep = np.array(found, dtype=bool)
    pick = np.flatnonzero(keep).tolist()
    return ([texts[i] for i in pick], [starts[i] for i in pick], [objects[i] for i in pick], first[keep], last[keep],
            has_last[keep])


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
