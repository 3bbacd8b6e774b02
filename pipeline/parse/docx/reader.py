"""The body walk: paragraphs and tables in reading order, then the notes they refer to, and what was not read."""

from __future__ import annotations

from dataclasses import replace

from ...model import BlockKind, Document
from ..base import RawBlock, build_document
from .labels import BARE_RUN_RE, bare_number_runs
from .names import ALT_CHUNK, BODY, P
from .notes import note_blocks
from .numbering import _Lists
from .package import _Package
from .paragraphs import _Paragraphs, body_block
from .styles import _Styles
from .tables import block_items, table_blocks
from .text import _Inline

PARSER = "docx/4"


def parse_docx(data: bytes, *, path: str, sha256: str) -> Document:
    """Parse .docx bytes into a Document; damaged packages raise ``InputError.corrupt``."""
    package = _Package(data, path)
    reader = _Reader(package)
    raw = reader.read()
    return build_document(raw, path=path, sha256=sha256, fmt="docx", parser=PARSER, pages=None,
                          warnings=reader.warnings, missing=reader.missing)


class _Reader:
    """One pass over the body in document order, then the notes the body refers to."""

    def __init__(self, package: _Package) -> None:
        self.package = package
        self.root = package.document()
        styles = _Styles(package.part("styles", "word/styles.xml"))
        self.lists = _Lists(package.part("numbering", "word/numbering.xml"), styles)
        self.inline = _Inline()
        self.paragraphs = _Paragraphs(styles, self.lists, self.inline)
        self.warnings: list[str] = []
        self.missing: list[str] = []  # parts whose text was not read
        self.blocks: list[RawBlock] = []
        self.table_index = -1
        self.outline_level = 0  # level of the last styled heading, for ITU run-in headings beneath it

    def read(self) -> list[RawBlock]:
        """Every block of the document in reading order; `warnings` and `missing` say what was left out."""
        body = self.root.find(BODY)
        for el in block_items(body):
            if el.tag == P:
                block, self.outline_level = body_block(self.paragraphs.read(el), self.outline_level)
                if block is not None:
                    self.blocks.append(block)
            else:
                self.table_index += 1
                self.blocks.extend(table_blocks(el, self.paragraphs, self.table_index))
        self._bare_numbers()
        self.blocks.extend(note_blocks(self.package, body, self.inline, self.paragraphs.index, self.warnings))
        self._note_what_was_left(body)
        return self.blocks

    def _bare_numbers(self) -> None:
        """Paragraphs typed "1 At its session …", "2 In accordance with …" (a number and a space, no list numbering):
        numbered paragraphs where the numbers run in sequence, as a circular letter's are."""
        plain = [b.kind is BlockKind.PARAGRAPH and b.label is None and b.table is None for b in self.blocks]
        numbers = [int(m.group("n")) if ok and (m := BARE_RUN_RE.match(b.text)) else None
                   for ok, b in zip(plain, self.blocks)]
        for i in sorted(bare_number_runs(numbers)):
            b = self.blocks[i]
            m = BARE_RUN_RE.match(b.text)
            self.blocks[i] = replace(b, kind=BlockKind.LIST_ITEM, text=m.group("rest"), label=m.group("n"),
                                     level=1)

    def _note_what_was_left(self, body) -> None:
        """Warnings for what a reader of the file would see differently: the package's own, tracked changes
        accepted, text boxes and embedded chunks not read, list numbers without a definition."""
        self.warnings = self.package.warnings + self.warnings
        inline = self.inline
        if inline.tracked:
            self.warnings.append(f"{inline.tracked} tracked change(s): text read as if all changes were accepted")
        if inline.textboxes:
            self.warnings.append(f"{inline.textboxes} text box(es) or shape(s) with text not read")
            self.missing.append(f"{inline.textboxes} text box(es)")
        if self.lists.missing:
            ids = ", ".join(sorted(self.lists.missing, key=lambda s: (len(s), s))[:5])
            self.warnings.append(f"numbering definition(s) missing for numId {ids}: those numbers are not shown")
        if any(True for _ in body.iter(ALT_CHUNK)):
            self.warnings.append("embedded alternative-format chunk(s) (w:altChunk) not read")
            self.missing.append("embedded alternative-format chunk(s)")
