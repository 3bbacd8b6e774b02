"""The labels a line may open with: list labels, heading numbers, footnote marks; and which list label follows which."""

from __future__ import annotations

import re

_LIST_LABEL_RE = re.compile(
    r"^(?:(?P<bullet>[•◦▪‣●○■□❖➢✓\u2043\u2219*–-])\s+"
    r"|(?P<paren>\((?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<close>(?:[a-z]|[ivxlc]{1,6}|\d{1,3})\))\s+"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3})*)\.\s+"
    r"|(?P<multi>\d{1,3}(?:\.\d{1,3})+)\s+"
    # A bare number only before a capital ("1 Introduction") or an operative item's "to"/"that" ("1 to report …").
    r"|(?P<bare>\d{1,3})\s+(?=[A-Z(\"“]|(?:to|that)\s)"
    r"|(?P<alpha>[a-z])\.\s+)"
)
_STRONG_BULLETS = set("•◦▪‣●○■□❖➢✓\u2043\u2219")
_HEADING_LABEL_RE = re.compile(
    r"^(?:(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?|(?P<roman>[IVXLC]{1,6})\.|(?P<letter>[A-Z])\.)\s+(?=\S)")
_FOOTNOTE_LABEL_RE = re.compile(r"^(?P<label>\d{1,3}|[*†‡§]{1,3})(?:\s+|(?=[A-Z]))(?=\S)")


def _list_label(text: str) -> tuple[str, str, str] | None:
    """(label as a reader sees it, rest of the text, label kind) for a line opening with a list label."""
    m = _LIST_LABEL_RE.match(text)
    if not m or m.lastgroup is None:
        return None
    kind = m.lastgroup
    raw = m.group(kind)
    label = raw.rstrip(".") if kind in ("dotted", "alpha") else raw
    return label, text[m.end():], kind


def _plausible_next(prev: str | None, label: str) -> bool:
    """Whether `label` can follow list label `prev`: "2" after "1", "1.1" after "1", "b)" after "a)"."""
    if prev is None:
        return False
    numeric = re.compile(r"\d+(?:\.\d+)*")
    if numeric.fullmatch(prev) and numeric.fullmatch(label):
        p, q = prev.split("."), label.split(".")
        if len(q) > len(p):
            return q[-1] == "1"
        return int(q[-1]) == int(p[len(q) - 1]) + 1
    letter = re.compile(r"\(?([a-z])\)?")
    mp, mq = letter.fullmatch(prev), letter.fullmatch(label)
    if mp and mq and prev.startswith("(") == label.startswith("("):
        return ord(mq.group(1)) == ord(mp.group(1)) + 1 or mq.group(1) in "iv"
    return True  # another kind of label (a sub-list) or a bullet
