"""Tables: one block per visible cell (merged cells once), and the walk through content controls around blocks."""

from __future__ import annotations

from lxml import etree

from ...model import BlockKind, Locator
from ..base import RawBlock
from .names import (CUSTOM_XML, DEL, GRID_BEFORE, GRID_SPAN, H_MERGE, P, SDT, SDT_CONTENT, TBL, TC, TC_PR, TR, TR_PR,
                    V_MERGE, VAL, _int)
from .paragraphs import _Paragraphs, raw_block


def table_blocks(tbl: etree._Element, paragraphs: _Paragraphs, table_index: int) -> list[RawBlock]:
    """One block per visible cell, row by row; merged cells once, at their first grid position."""
    blocks: list[RawBlock] = []
    row_index = 0
    for tr in _children(tbl, TR):
        trpr = tr.find(TR_PR)
        deleted = trpr is not None and trpr.find(DEL) is not None
        col = 0
        if trpr is not None and trpr.find(GRID_BEFORE) is not None:
            col = max(_int(trpr.find(GRID_BEFORE).get(VAL), 0) or 0, 0)
        emitted = False
        for tc in _children(tr, TC):
            span, continued = _cell_span(tc)
            first_paragraph = paragraphs.index + 1
            pieces: list[str] = []
            _cell_pieces(tc, paragraphs, pieces)
            if not continued and not deleted:
                block = raw_block(BlockKind.TABLE_CELL, " ".join(pieces), Locator(paragraph=first_paragraph),
                                  table=(table_index, row_index, col))
                if block is not None:
                    blocks.append(block)
                emitted = True
            col += span
        if emitted or not deleted:
            row_index += 1
    return blocks


def _cell_span(tc: etree._Element) -> tuple[int, bool]:
    """How many grid columns a cell spans, and whether it continues a merged cell above or to its left."""
    tcpr = tc.find(TC_PR)
    if tcpr is None:
        return 1, False
    gs = tcpr.find(GRID_SPAN)
    span = max(_int(gs.get(VAL), 1) or 1, 1) if gs is not None else 1
    vm, hm = tcpr.find(V_MERGE), tcpr.find(H_MERGE)
    # A vMerge/hMerge without val="restart" continues the cell above or to the left.
    return span, any(m is not None and m.get(VAL) != "restart" for m in (vm, hm))


def _cell_pieces(container: etree._Element, paragraphs: _Paragraphs, pieces: list[str]) -> None:
    """Cell text in order, nested tables included; numbered paragraphs keep their number in the text."""
    for el in block_items(container):
        if el.tag == P:
            para = paragraphs.read(el)
            text = para.text.replace("\t", " ").strip()
            if text:
                label = para.number.label if para.number else None
                pieces.append(f"{label} {text}" if label else text)
        else:
            for tr in _children(el, TR):
                for tc in _children(tr, TC):
                    _cell_pieces(tc, paragraphs, pieces)


def block_items(container: etree._Element):
    """w:p and w:tbl children in order, looking through block-level content controls and custom XML."""
    for child in container:
        tag = child.tag
        if tag == P or tag == TBL:
            yield child
        elif tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from block_items(content)
        elif tag == CUSTOM_XML:
            yield from block_items(child)


def _children(container: etree._Element, tag: str):
    """Rows of a table or cells of a row, looking through content controls and custom XML around them."""
    for child in container:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == CUSTOM_XML:
            yield from _children(child, tag)
