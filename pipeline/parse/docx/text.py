"""The text a reader sees in a paragraph: runs, tracked changes accepted, fields' results, symbols, note marks."""

from __future__ import annotations

from lxml import etree

from .names import (ALTERNATE_CONTENT, BR, CHAR, CR, CUSTOM_MARK_FOLLOWS, DEL, DRAWING, ENDNOTE_REF, FALSE_VALUES,
                    FLD_CHAR, FLD_CHAR_TYPE, FONT, FOOTNOTE_REF, ID, M_OMATH, M_OMATH_PARA, M_T, MC_CHOICE, MOVE_FROM,
                    NO_BREAK_HYPHEN, OBJECT, PICT, PTAB, R, RPR, SDT, SDT_CONTENT, SDT_PR, SHOWING_PLACEHOLDER,
                    SHOWN_WRAPPERS, SYM, T, TAB, TRACKED, TXBX_CONTENT, VANISH, _on)

# Symbol-font code points (w:sym w:char="F0B7") that carry meaning in text; other symbol glyphs are dropped.
SYMBOL_FONT_CHARS = {0x2D: "\u2212", 0x6D: "\u03bc", 0xA3: "\u2264", 0xAE: "\u2192", 0xB0: "\u00b0",
                     0xB1: "\u00b1", 0xB3: "\u2265", 0xB7: "\u2022", 0xB9: "\u2260", 0xBB: "\u2248", 0xD7: "\u00d7"}


class _Inline:
    """Reads paragraphs' shown text, counting what is not shown (tracked changes, text boxes) and noting the body
    paragraph where each foot- or endnote is first referenced."""

    def __init__(self) -> None:
        self.note_refs: dict[tuple[str, str], tuple[int, bool]] = {}  # (kind, id) -> (paragraph, custom mark)
        self.tracked = 0
        self.textboxes = 0
        self.paragraph = 0  # the body paragraph being read: where a note reference in it points

    def text(self, p: etree._Element, paragraph: int) -> str:
        """The shown text of one w:p (tabs kept, line breaks as spaces); `paragraph` is its body paragraph number."""
        self.paragraph = paragraph
        out: list[str] = []
        self._collect(p, out, [])
        return "".join(out).replace("\r", " ").replace("\n", " ")

    def _collect(self, el: etree._Element, out: list[str], fields: list[bool]) -> None:
        """Append the shown text of el's inline content; ``fields`` tracks open complex fields (result shown?)."""
        for child in el:
            tag = child.tag
            if tag == R:
                self._run(child, out, fields)
            elif tag in SHOWN_WRAPPERS:
                if tag in TRACKED:
                    self.tracked += 1
                self._collect(child, out, fields)
            elif tag == DEL or tag == MOVE_FROM:
                self.tracked += 1  # deleted or moved-away text is not shown once changes are accepted
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                props = child.find(SDT_PR)
                if content is not None and not (props is not None and props.find(SHOWING_PLACEHOLDER) is not None):
                    self._collect(content, out, fields)
            elif tag == ALTERNATE_CONTENT:
                choice = child.find(MC_CHOICE)
                if choice is not None:
                    self._collect(choice, out, fields)
            elif tag == M_OMATH or tag == M_OMATH_PARA:
                out.append("".join(t.text or "" for t in child.iter(M_T)))

    def _run(self, r: etree._Element, out: list[str], fields: list[bool]) -> None:
        rpr = r.find(RPR)
        hidden = rpr is not None and _on(rpr.find(VANISH))
        for c in r:
            tag = c.tag
            shown = not hidden and all(fields)
            if tag == T:
                if shown and c.text:
                    out.append(c.text)
            elif tag == TAB or tag == PTAB:
                if shown:
                    out.append("\t")
            elif tag == BR or tag == CR:
                if shown:
                    out.append(" ")
            elif tag == NO_BREAK_HYPHEN:
                if shown:
                    out.append("-")
            elif tag == SYM:
                if shown:
                    out.append(_symbol(c))
            elif tag == FLD_CHAR:
                kind = c.get(FLD_CHAR_TYPE)
                if kind == "begin":
                    fields.append(False)  # instruction part: hidden
                elif kind == "separate" and fields:
                    fields[-1] = True  # result part: shown
                elif kind == "end" and fields:
                    fields.pop()
            elif tag == FOOTNOTE_REF or tag == ENDNOTE_REF:
                key = ("footnote" if tag == FOOTNOTE_REF else "endnote", (c.get(ID) or "").strip())
                if key not in self.note_refs:
                    custom = (c.get(CUSTOM_MARK_FOLLOWS) or "0").lower() not in FALSE_VALUES
                    self.note_refs[key] = (self.paragraph, custom)
            elif tag in (DRAWING, PICT, OBJECT, ALTERNATE_CONTENT):
                if any(True for _ in c.iter(TXBX_CONTENT)):
                    self.textboxes += 1


def _symbol(sym: etree._Element) -> str:
    """A w:sym character: real Unicode as is; Symbol-font private-use codes mapped where they mean something."""
    try:
        code = int((sym.get(CHAR) or "").strip(), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:
        return SYMBOL_FONT_CHARS.get(code - 0xF000, "") if (sym.get(FONT) or "").lower() == "symbol" else ""
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return ""
