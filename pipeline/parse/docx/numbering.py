"""Word's automatic numbering (numbering.xml): lists, levels, counters, and numbers as Word shows them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .names import (ABSTRACT_NUM, ABSTRACT_NUM_ID, ILVL, IS_LGL, LVL, LVL_OVERRIDE, LVL_RESTART, LVL_TEXT, NUM, NUM_FMT,
                    NUM_ID, NUM_STYLE_LINK, PSTYLE, START, START_OVERRIDE, VAL, _int, _on)
from .styles import _Styles

MAX_LEVELS = 9  # w:ilvl runs 0..8 (ECMA-376 17.9.3)
PLACEHOLDER_RE = re.compile(r"%([1-9])")
LABEL_TRAILING = " \t\u00a0.:\u2013\u2014-"


@dataclass(frozen=True, slots=True)
class _Level:
    start: int = 1
    fmt: str = "decimal"
    text: str | None = None  # the w:lvlText template, e.g. "%1.%2."
    restart: int | None = None  # w:lvlRestart: restart after this 1-based level is used; 0 = never
    legal: bool = False  # w:isLgl: show every number of the template in decimal
    pstyle: str | None = None  # the paragraph style linked to this level


@dataclass(slots=True)
class _Instance:
    """A w:num resolved: the counters it shares, its levels and its start overrides."""

    key: str  # counters are kept per abstract definition (ECMA-376 17.9), shared by its w:num instances
    levels: dict[int, _Level]
    starts: dict[int, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Number:
    label: str | None  # as a reader cites it: "6", "2.1", "a)"; None for bullets
    ilvl: int


class _Lists:
    """Word's list numbering: counters per abstract list, advanced paragraph by paragraph in document order."""

    def __init__(self, root: etree._Element | None, styles: _Styles) -> None:
        self.styles = styles
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.style_link: dict[str, str] = {}  # abstractNumId -> numbering style id (w:numStyleLink)
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, list[int | None]] = {}
        self.seen: set[tuple[str, int]] = set()
        self.missing: set[str] = set()
        self._instances: dict[str, _Instance | None] = {}
        if root is None:
            return
        for a in root.iter(ABSTRACT_NUM):
            aid = (a.get(ABSTRACT_NUM_ID) or "").strip()
            levels: dict[int, _Level] = {}
            for el in a.findall(LVL):
                ilvl = _int(el.get(ILVL), 0)
                if 0 <= ilvl < MAX_LEVELS and ilvl not in levels:
                    levels[ilvl] = _level(el)
            self.abstract.setdefault(aid, levels)
            link = a.find(NUM_STYLE_LINK)
            if link is not None and link.get(VAL):
                self.style_link[aid] = link.get(VAL)
        for n in root.iter(NUM):
            nid = (n.get(NUM_ID) or "").strip()
            aid_el = n.find(ABSTRACT_NUM_ID)
            starts: dict[int, int] = {}
            overrides: dict[int, _Level] = {}
            for o in n.iter(LVL_OVERRIDE):
                ilvl = _int(o.get(ILVL))
                if ilvl is None or not 0 <= ilvl < MAX_LEVELS:
                    continue
                so = o.find(START_OVERRIDE)
                if so is not None and _int(so.get(VAL)) is not None:
                    starts[ilvl] = _int(so.get(VAL))
                lvl_el = o.find(LVL)
                if lvl_el is not None:
                    overrides[ilvl] = _level(lvl_el)
            self.nums[nid] = ((aid_el.get(VAL) or "").strip() if aid_el is not None else "", starts, overrides)

    def linked_level(self, num_id: str, style_id: str | None) -> int | None:
        """The level whose w:pStyle names this paragraph style (heading styles linked to an outline list)."""
        inst = self._instance(num_id)
        if inst is None or style_id is None:
            return None
        return next((i for i, lvl in sorted(inst.levels.items()) if lvl.pstyle == style_id), None)

    def advance(self, num_id: str, ilvl: int) -> _Number | None:
        """Count one numbered paragraph and return its number as Word shows it; None if nothing shows."""
        inst = self._instance(num_id)
        if inst is None:
            return None
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        lvl = inst.levels.get(ilvl)
        if lvl is None:
            return None
        counters = self.counters.setdefault(inst.key, [None] * MAX_LEVELS)
        first_here = (num_id, ilvl) not in self.seen
        self.seen.add((num_id, ilvl))
        if first_here and ilvl in inst.starts:
            # A startOverride restarts the shared list at the instance's first paragraph on that level.
            counters[ilvl] = inst.starts[ilvl]
        elif counters[ilvl] is None:
            counters[ilvl] = lvl.start
        else:
            counters[ilvl] += 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            d = inst.levels.get(deeper)
            restart = d.restart if d is not None else None
            # Default: a level restarts whenever a shallower one is used; w:lvlRestart="n" only after level n.
            if restart is None or (restart != 0 and ilvl < restart):
                counters[deeper] = None
        if lvl.fmt == "bullet":
            return _Number(label=None, ilvl=ilvl)
        label = self._render(inst, lvl, counters, ilvl)
        return _Number(label=label, ilvl=ilvl) if label else None

    def _render(self, inst: _Instance, lvl: _Level, counters: list[int | None], ilvl: int) -> str | None:
        if not lvl.text:
            return None

        def number(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            if i > ilvl:
                return ""
            d = inst.levels.get(i) or _Level()
            value = counters[i] if counters[i] is not None else d.start
            fmt = "decimal" if lvl.legal and d.fmt not in ("none", "bullet") else d.fmt
            return _format_number(value, fmt)

        return _cite_label(PLACEHOLDER_RE.sub(number, lvl.text))

    def _instance(self, num_id: str) -> _Instance | None:
        if num_id in self._instances:
            return self._instances[num_id]
        inst = None
        if num_id in self.nums:
            aid, starts, overrides = self.nums[num_id]
            levels = self.abstract.get(aid, {})
            key = aid
            # w:numStyleLink: the definition lives in the list a numbering style points at (one or two hops).
            for _ in range(3):
                if levels or aid not in self.style_link:
                    break
                linked = self.styles.info(self.style_link[aid]).num_id if self.style_link[aid] in self.styles.by_id \
                    else None
                if linked is None or linked not in self.nums:
                    break
                aid = self.nums[linked][0]
                levels = self.abstract.get(aid, {})
                key = aid
            if levels or overrides:
                inst = _Instance(key=key, levels={**levels, **overrides}, starts=starts)
        if inst is None:
            self.missing.add(num_id)
        self._instances[num_id] = inst
        return inst


def _level(el: etree._Element) -> _Level:
    start_el, text_el, restart_el = el.find(START), el.find(LVL_TEXT), el.find(LVL_RESTART)
    fmt = "decimal"
    # Word 2010+ wraps custom formats in mc:AlternateContent with a plain w:numFmt as the fallback.
    for f in el.iter(NUM_FMT):
        val = f.get(VAL)
        if val and val != "custom":
            fmt = val
            break
    pstyle = el.find(PSTYLE)
    return _Level(start=_int(start_el.get(VAL), 1) if start_el is not None else 1, fmt=fmt,
                  text=text_el.get(VAL) if text_el is not None else None,
                  restart=_int(restart_el.get(VAL)) if restart_el is not None else None,
                  legal=_on(el.find(IS_LGL)), pstyle=pstyle.get(VAL) if pstyle is not None else None)


def _format_number(n: int, fmt: str) -> str:
    """A counter value in a w:numFmt; unknown or out-of-range formats fall back to decimal like Word does."""
    if fmt in ("none", "bullet"):
        return ""
    if fmt in ("lowerLetter", "upperLetter") and 1 <= n <= 780:
        # Word repeats the letter after z: 27 -> "aa", 53 -> "aaa".
        s = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman") and 1 <= n < 4000:
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero" and 0 <= n < 10:
        return f"0{n}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


def _roman(n: int) -> str:
    out = []
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
                           (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _cite_label(text: str) -> str | None:
    """A rendered number as a reader cites it: "6." -> "6", "2.1." -> "2.1"; "a)" and "(i)" keep parentheses."""
    label = " ".join(text.split()).rstrip(LABEL_TRAILING).lstrip()
    return label or None
