"""DOCX: body paragraphs and tables in reading order, Word's automatic numbering rebuilt, notes after the body.

The package is read with ``zipfile`` and ``lxml`` directly (python-docx builds the same lxml trees, but its
per-paragraph style lookups are slow and its ``paragraph.text`` drops runs inside ``w:ins``, ``w:smartTag``,
``w:sdt`` and ``w:fldSimple``). What a reader sees is what we keep:

- tracked changes read as if accepted: ``w:ins``/``w:moveTo`` kept, ``w:del``/``w:moveFrom`` dropped;
- field instructions (``w:instrText``) dropped, field results kept; hidden text (``w:vanish``) and
  content-control placeholder text dropped;
- list numbers rendered from numbering.xml as Word shows them ("6", "2.1", "a)", "(i)");
- page headers, footers, comments and text boxes are never read.

Locators: ``Locator(paragraph=N)`` where N counts every ``w:p`` of the body in document order, table
paragraphs included, starting at 1. A table cell points at its first paragraph; a footnote or endnote
points at the body paragraph that carries its reference mark.
"""

from .names import W_NS
from .package import MAX_PART_BYTES, MAX_TOTAL_BYTES, document_root
from .reader import PARSER, parse_docx

__all__ = ["MAX_PART_BYTES", "MAX_TOTAL_BYTES", "PARSER", "W_NS", "document_root", "parse_docx"]
