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

from .labels import _list_label
from .layout import _find_gutter, _Segment
from .problems import _pdfium_reason
from .reader import PARSER, parse_pdf

__all__ = ["PARSER", "_Segment", "_find_gutter", "_list_label", "_pdfium_reason", "parse_pdf"]
