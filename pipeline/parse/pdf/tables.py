"""Ruled tables: pdfplumber's table finder run on PDFium's ruling edges, or pdfplumber whole when that fails.

pdfplumber's lattice algorithm (``TableFinder``) runs on the edges PDFium read, without pdfminer re-reading the
page. Should that pdfplumber contract change, the page goes to pdfplumber whole (``page.find_tables()``), slower
but the same result.
"""

from __future__ import annotations

import logging
from collections import defaultdict

from .layout import _rows
from .page import _Table, _Word


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


def _page_tables(data: bytes, edges_by_page: dict[int, list[dict]], words_by_page: dict[int, list[_Word]],
                 warnings: list[str]) -> dict[int, list[_Table]]:
    """Tables of the pages that draw a grid, from their ruling edges; pdfplumber whole where that fails."""
    tables: dict[int, list[_Table]] = {}
    fallback: list[int] = []
    for number, edges in edges_by_page.items():
        try:
            tables[number] = _tables_from_edges(number, edges, words_by_page[number])
        except Exception:  # pdfplumber's table finder changed its page contract: use pdfplumber whole
            fallback.append(number - 1)
    if fallback:
        tables.update(_find_tables(data, fallback, warnings))
    return tables
