"""Foot- and endnotes: read in the order the body first refers to them, numbered as Word shows them."""

from __future__ import annotations

from lxml import etree

from ...model import BlockKind, Locator
from ..base import RawBlock
from .names import ENDNOTE_PR, FOOTNOTE_PR, ID, NUM_FMT, NUM_START, P, SECT_PR, TYPE, VAL, _int, _w
from .numbering import _format_number
from .package import _Package
from .paragraphs import raw_block
from .text import _Inline

# (kind, relationship type, usual part name, Word's default number format)
NOTE_KINDS = (("footnote", "footnotes", "word/footnotes.xml", "decimal"),
              ("endnote", "endnotes", "word/endnotes.xml", "lowerRoman"))


def note_blocks(package: _Package, body: etree._Element, inline: _Inline, paragraph: int,
                warnings: list[str]) -> list[RawBlock]:
    """Footnotes, then endnotes, in the order the body first refers to them, numbered as Word shows them; a note
    referenced but missing is a warning. `paragraph` is the last body paragraph (where marks inside notes point)."""
    blocks: list[RawBlock] = []
    settings = None
    for kind, rel, default_name, default_fmt in NOTE_KINDS:
        refs = [(nid, where) for (k, nid), where in inline.note_refs.items() if k == kind]
        if not refs:
            continue
        if settings is None:
            settings = package.part("settings", "word/settings.xml")
        notes = _notes_by_id(package.part(rel, default_name), kind)
        fmt, number = _note_numbering(body, settings, kind, default_fmt)
        for nid, (where, custom_mark) in refs:
            note = notes.get(nid)
            label = None if custom_mark else _format_number(number, fmt)
            if not custom_mark:
                number += 1  # a custom mark ("*") takes no number
            if note is None:
                warnings.append(f"{kind} {label or nid} is referenced but missing from {default_name}")
                continue
            text = " ".join([inline.text(p, paragraph) for p in note.iter(P)])
            block = raw_block(BlockKind.FOOTNOTE, text, Locator(paragraph=max(where, 1)), label=label)
            if block is not None:
                blocks.append(block)
    return blocks


def _notes_by_id(root: etree._Element | None, kind: str) -> dict[str, etree._Element]:
    """The ordinary notes of a notes part by id (separators and continuation notices left out); the first wins."""
    notes: dict[str, etree._Element] = {}
    if root is not None:
        for note in root.iter(_w(kind)):
            if (note.get(TYPE) or "normal") == "normal":
                notes.setdefault((note.get(ID) or "").strip(), note)
    return notes


def _note_numbering(body: etree._Element, settings: etree._Element | None, kind: str,
                    default_fmt: str) -> tuple[str, int]:
    """Number format and start of foot- or endnotes: the last section's properties, else settings.xml."""
    tag = FOOTNOTE_PR if kind == "footnote" else ENDNOTE_PR
    fmt, start = None, None
    sect = body.find(SECT_PR)
    for pr in (sect.find(tag) if sect is not None else None, settings.find(tag) if settings is not None else None):
        if pr is None:
            continue
        f, s = pr.find(NUM_FMT), pr.find(NUM_START)
        fmt = fmt or (f.get(VAL) if f is not None else None)
        start = start if start is not None else (_int(s.get(VAL)) if s is not None else None)
    return fmt or default_fmt, start if start is not None else 1
