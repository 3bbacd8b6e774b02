"""PDFium's paths: whether a page draws a grid that can hold a ruled table, its footnote separators, its ruling edges.

Only path bounds are read to decide whether a page has a grid; the segments of its paths are read (as
pdfplumber edge dicts) only on pages that have one.
"""

from __future__ import annotations

import ctypes
from typing import Any, Callable

from .page import Transform

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


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

    def visit(count: Callable[[Any], int], get: Callable[[Any, int], Any], holder: Any, ctm: tuple,
              depth: int) -> None:
        for i in range(count(holder)):
            obj = get(holder, i)
            kind = c.FPDFPageObj_GetType(obj)
            if kind not in (c.FPDF_PAGEOBJ_PATH, c.FPDF_PAGEOBJ_FORM):
                continue
            own = (m.a, m.b, m.c, m.d, m.e, m.f) if c.FPDFPageObj_GetMatrix(obj, m_p) else _IDENTITY
            matrix = _compose(ctm, own)
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
                    _add_edge(edges, cur, pt, to_display)
                elif kind_seg == c.FPDF_SEGMENT_MOVETO:
                    start = pt
                cur = pt
                if c.FPDFPathSegment_GetClose(seg) and start is not None and cur is not None:
                    _add_edge(edges, cur, start, to_display)
                    cur = start

    visit(c.FPDFPage_CountObjects, c.FPDFPage_GetObject, page, _IDENTITY, 0)
    return edges


def _compose(outer: tuple, inner: tuple) -> tuple:
    """The matrix of `inner` drawn inside `outer` (PDF matrices as (a, b, c, d, e, f))."""
    a, b, cc, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (a2 * a + b2 * cc, a2 * b + b2 * d, c2 * a + d2 * cc, c2 * b + d2 * d,
            e2 * a + f2 * cc + e, e2 * b + f2 * d + f)


def _add_edge(edges: list[dict], p: tuple[float, float], q: tuple[float, float], to_display: Transform) -> None:
    """The segment p-q as a pdfplumber edge dict, if it is horizontal or vertical (within 1 pt)."""
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
