"""One paragraph read (text, style meaning, automatic number) and a body paragraph made a heading, item or paragraph."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ...model import BlockKind, Locator
from ..base import RawBlock
from .labels import BULLET_SPACE_RE, BULLET_TAB_RE, UPPER_ROMAN_RE, _heading_like, _label_level, _split_label
from .names import DEL, MOVE_FROM, PPR, PSTYLE, RPR, VAL, _int
from .numbering import _Lists, _Number
from .styles import _num_pr, _Styles, _StyleInfo
from .text import _Inline


@dataclass(slots=True)
class _Para:
    index: int
    text: str  # as shown, tabs kept (manual labels are split off at the tab)
    style: _StyleInfo
    heading_level: int | None
    number: _Number | None
    numbered: bool  # automatic numbering applies (a bullet, or a number that shows)


class _Paragraphs:
    """Reads every w:p in document order (body, tables, in that order), counting them for the locators."""

    def __init__(self, styles: _Styles, lists: _Lists, inline: _Inline) -> None:
        self.styles = styles
        self.lists = lists
        self.inline = inline
        self.index = 0  # paragraphs read so far: the locator of the last one

    def read(self, p: etree._Element) -> _Para:
        """Read one w:p: its text, style meaning and automatic number (advancing the list counters)."""
        self.index += 1
        ppr = p.find(PPR)
        style_id = None
        mark_deleted = False
        if ppr is not None:
            ps = ppr.find(PSTYLE)
            style_id = ps.get(VAL) if ps is not None else None
            rpr = ppr.find(RPR)
            mark_deleted = rpr is not None and (rpr.find(DEL) is not None or rpr.find(MOVE_FROM) is not None)
        style = self.styles.info(style_id)
        num_id, ilvl, outline = _num_pr(ppr)
        text = self.inline.text(p, self.index)

        heading = style.heading_level
        if outline is not None:
            heading = outline + 1 if 0 <= outline < 9 else None

        number, numbered = None, False
        from_style = num_id is None
        if from_style:
            num_id = style.num_id
        if num_id is not None and _int(num_id) != 0 and not (mark_deleted and not text.strip()):
            # numId 0 switches numbering off; a deleted empty paragraph is gone once changes are accepted.
            if ilvl is None:
                ilvl = style.ilvl
            if ilvl is None and from_style:
                ilvl = self.lists.linked_level(num_id, style.style_id)
            number = self.lists.advance(num_id, ilvl or 0)
            numbered = number is not None
        return _Para(index=self.index, text=text, style=style, heading_level=heading, number=number,
                     numbered=numbered)


def raw_block(kind: BlockKind, text: str, loc: Locator, *, level: int | None = None, label: str | None = None,
              table: tuple[int, int, int] | None = None) -> RawBlock | None:
    """A block of text, or None when the text is blank (nothing to emit)."""
    if not text.strip():
        return None
    return RawBlock(kind=kind, text=text, locator=loc, level=level, label=label, table=table)


def body_block(para: _Para, outline_level: int) -> tuple[RawBlock | None, int]:
    """A body paragraph as a heading, list item or paragraph (None if blank), and the outline level after it (the
    level of the last styled heading, under which ITU run-in headings nest)."""
    text = para.text
    if not text.strip():
        return None, outline_level
    loc = Locator(paragraph=para.index)
    style = para.style
    if para.heading_level or style.run_in_heading:
        label = para.number.label if para.number else None
        if not para.numbered:
            label, text = _split_label(text, heading=True)
        if para.heading_level:
            return raw_block(BlockKind.HEADING, text, loc, level=para.heading_level, label=label), para.heading_level
        return raw_block(BlockKind.HEADING, text, loc, level=outline_level + 1, label=label), outline_level
    if para.numbered:
        return raw_block(BlockKind.LIST_ITEM, text, loc, level=para.number.ilvl + 1, label=para.number.label), \
            outline_level
    if not style.toc:  # table-of-contents lines ("1\tIntroduction\t3") repeat the headings
        m = BULLET_TAB_RE.match(text) or BULLET_SPACE_RE.match(text)
        if m:
            return raw_block(BlockKind.LIST_ITEM, m.group("rest"), loc, level=style.enum_level or 1), outline_level
        label, rest = _split_label(text, heading=False)
        if label is not None:
            if UPPER_ROMAN_RE.match(label.rstrip(".")) and "\t" in text and _heading_like(rest):
                # "II\tProposals": UN/ITU number their main sections with capital roman numerals.
                return raw_block(BlockKind.HEADING, rest, loc, level=1, label=label), 1
            return raw_block(BlockKind.LIST_ITEM, rest, loc, level=style.enum_level or _label_level(label),
                             label=label), outline_level
    return raw_block(BlockKind.PARAGRAPH, text, loc), outline_level
