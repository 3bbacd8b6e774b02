"""Amendments a Word contribution shows as tracked changes.

Amendments a Word contribution shows as tracked changes: each paragraph with insertions or deletions is a MOD of
that paragraph, before (deletions kept, insertions left out) and after (the reverse)."""

from __future__ import annotations

import re

from ..model import Document, content_id
from ..parse.docx import W_NS, document_root
from .amendments import MARK_RE, Amendment, _leading_number, _number, _strip_number

_W = f"{{{W_NS}}}"
P, T, DEL_TEXT, TAB = f"{_W}p", f"{_W}t", f"{_W}delText", f"{_W}tab"
INSERTED = (f"{_W}ins", f"{_W}moveTo")
DELETED = (f"{_W}del", f"{_W}moveFrom")


def tracked_amendments(data: bytes, doc: Document) -> tuple[Amendment, ...]:
    """One `modify` amendment per paragraph of the DOCX that carries tracked changes, placed at the block of the
    parsed document that holds the paragraph as changed (the parser reads tracked changes as accepted)."""
    out = []
    for p in document_root(data, doc.path).iter(P):
        before, after, changed = _versions(p)
        if not changed:
            continue
        block = _block_of(doc, after or before)
        if block is None:
            continue
        marked = MARK_RE.match(after) or MARK_RE.match(before)
        if marked and marked.group("ref"):  # "MOD 25 The Partnership …": the mark is no part of either version
            before, after = before[MARK_RE.match(before).end():], after[MARK_RE.match(after).end():]
        target = block.label or (_number(marked.group("ref")) if marked and marked.group("ref") else None) or (
            _leading_number(after) or _leading_number(before)) or _announced(doc, block)
        out.append(Amendment(id=content_id("amd", doc.sha256, block.start, "tracked"),
                             label=f"tracked change{f', paragraph {target}' if target else ''}", form="modify",
                             target=target, text=block.text, old=_strip_number(before), new=_strip_number(after),
                             locator=block.locator, start=block.start, end=block.end, whole_paragraph=True))
    return tuple(out)


def _announced(doc: Document, block) -> str | None:
    """The paragraph a line just above names: "Paragraph 7 – proposed changes:", then the tracked paragraph."""
    at = next((i for i, b in enumerate(doc.blocks) if b.id == block.id), 0)
    above = doc.blocks[at - 1].text if at > 0 else ""
    m = ANNOUNCED_RE.match(above)
    return _number(m.group("n")) if m else None


ANNOUNCED_RE = re.compile(r"^(?:paragraph|para\.?|OP|PP)\s*(?P<n>\d+[\w.]*)\b[^:]{0,40}:\s*$", re.I)


def _versions(p) -> tuple[str, str, bool]:
    """The paragraph's text before and after its tracked changes, and whether it has any."""
    before, after, changed = [], [], False
    for el in p.iter(T, DEL_TEXT, TAB):
        inserted = any(a.tag in INSERTED for a in el.iterancestors())
        deleted = el.tag == DEL_TEXT or any(a.tag in DELETED for a in el.iterancestors())
        text = "\t" if el.tag == TAB else (el.text or "")
        changed |= inserted or deleted
        if not inserted:
            before.append(text)
        if not deleted:
            after.append(text)
    return " ".join("".join(before).split()), " ".join("".join(after).split()), changed


def _block_of(doc: Document, text: str):
    """The block whose words are the paragraph's (its label may be printed apart from its text)."""
    want = re.sub(r"\W+", " ", text).strip().lower()
    if not want:
        return None
    for b in doc.blocks:
        have = re.sub(r"\W+", " ", b.text).strip().lower()  # never empty: a block has text
        if have == want or (len(have) > 0.6 * len(want) and (want.endswith(have) or have.endswith(want))):
            return b
    return None


__all__ = ["tracked_amendments"]
