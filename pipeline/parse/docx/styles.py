"""Paragraph styles from styles.xml: what each style means for parsing (heading level, list, ITU style kinds)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .names import (BASED_ON, DEFAULT, FALSE_VALUES, ILVL, NAME, NUM_ID, NUM_PR, OUTLINE_LVL, PPR, STYLE, STYLE_ID,
                    TYPE, VAL, _int)

HEADING_NAME_RE = re.compile(r"^heading\s*([1-9])$")
# ITU templates: "Headingb"/"Headingi" are unnumbered bold/italic headings ("Purpose", "Action required");
# "enumlev1".."enumlev3" carry manual "a)\t" or "–\t" items at that depth (ITU editorial guidelines).
RUN_IN_HEADING_NAMES = {"headingb", "headingi", "headingib"}
ENUMLEV_RE = re.compile(r"^enumlev\s*([1-9])$")


@dataclass(slots=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None


@dataclass(frozen=True, slots=True)
class _StyleInfo:
    """What a paragraph style means for parsing, resolved once along its basedOn chain."""

    style_id: str | None
    name: str = ""
    heading_level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    run_in_heading: bool = False  # ITU "Headingb": unnumbered heading nested under the last outline heading
    enum_level: int | None = None  # ITU "enumlevN"
    toc: bool = False


class _Styles:
    """Paragraph styles from styles.xml: style id -> name, numbering and outline level, with basedOn resolved."""

    def __init__(self, root: etree._Element | None) -> None:
        self.by_id: dict[str, _Style] = {}
        self.default_id: str | None = None
        self._cache: dict[str | None, _StyleInfo] = {}
        if root is None:
            return
        for s in root.iter(STYLE):
            sid = s.get(STYLE_ID)
            if not sid:
                continue
            name_el, based_el, ppr = s.find(NAME), s.find(BASED_ON), s.find(PPR)
            # Names may carry aliases after a comma ("heading 1,H1"); the first is the real name.
            name = ((name_el.get(VAL) if name_el is not None else None) or "").split(",")[0].strip().lower()
            num_id, ilvl, outline = _num_pr(ppr)
            self.by_id[sid] = _Style(name=name, based_on=based_el.get(VAL) if based_el is not None else None,
                                     num_id=num_id, ilvl=ilvl, outline=outline)
            is_default = (s.get(DEFAULT) or "0").lower() not in FALSE_VALUES
            if (s.get(TYPE) or "paragraph") == "paragraph" and is_default and self.default_id is None:
                self.default_id = sid

    def info(self, style_id: str | None) -> _StyleInfo:
        """The resolved meaning of a paragraph style (the default style when none or an unknown one is named)."""
        if style_id not in self.by_id:
            style_id = self.default_id
        cached = self._cache.get(style_id)
        if cached is None:
            cached = self._cache[style_id] = self._resolve(style_id)
        return cached

    def chain(self, style_id: str | None) -> list[_Style]:
        """The style and its basedOn ancestors, nearest first; cycles are cut."""
        out, seen = [], set()
        while style_id in self.by_id and style_id not in seen and len(out) < 32:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def _resolve(self, style_id: str | None) -> _StyleInfo:
        chain = self.chain(style_id)
        if not chain:
            return _StyleInfo(style_id=style_id)
        heading: int | None = None
        for s in chain:
            # The nearest style that decides wins: an explicit outline level (9 = body text), else a heading name.
            if s.outline is not None:
                heading = s.outline + 1 if 0 <= s.outline < 9 else None
                break
            m = HEADING_NAME_RE.match(s.name)
            if m:
                heading = int(m.group(1))
                break
            if s.name == "title":
                heading = 1
                break
        num_id = next((s.num_id for s in chain if s.num_id is not None), None)
        ilvl = next((s.ilvl for s in chain if s.ilvl is not None), None)
        names = [s.name for s in chain]
        enum = next((int(m.group(1)) for n in names if (m := ENUMLEV_RE.match(n))), None)
        return _StyleInfo(style_id=style_id, name=chain[0].name, heading_level=heading, num_id=num_id, ilvl=ilvl,
                          run_in_heading=any(n in RUN_IN_HEADING_NAMES for n in names), enum_level=enum,
                          toc=chain[0].name.startswith("toc "))


def _num_pr(ppr: etree._Element | None) -> tuple[str | None, int | None, int | None]:
    """(numId, ilvl, outline level) written directly in a pPr; None where absent."""
    if ppr is None:
        return None, None, None
    num_id = ilvl = None
    num_pr = ppr.find(NUM_PR)
    if num_pr is not None:
        nid, lvl = num_pr.find(NUM_ID), num_pr.find(ILVL)
        num_id = (nid.get(VAL) or "").strip() if nid is not None else None
        ilvl = _int(lvl.get(VAL)) if lvl is not None else None
    outline_el = ppr.find(OUTLINE_LVL)
    outline = _int(outline_el.get(VAL)) if outline_el is not None else None
    return num_id, ilvl, outline
