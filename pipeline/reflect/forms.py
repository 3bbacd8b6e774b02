"""Amendment forms that name the paragraph first: UN negotiators' lines and comments tables.

The lines: "OP 5: replace "…" with "…"", "OP 9: add at the end: "…"", "PP 3 alt: …", "new OP 14 bis: …", "OP 20:
delete", "New PP after PP 5: …", and a comments list's "Para 22 — delete.", "After para 30 — insert: …". The
tables: paragraph, draft text, proposed text, reason (a Word table's rows, or TAB-separated lines)."""

from __future__ import annotations

import re

from ..model import Block, BlockKind, Document, content_id
from .amendments import PROSE, Amendment, _number, _unquote

# "OP 5:", "PP 3 alt:", "new OP 14 bis:", "OP5." at the start of a block.
REF_LED_RE = re.compile(r"^(?P<new>new\s+(?:(?:OP|PP)\s+after\s+)?|after\s+)?"
                        r"(?P<ref>(?:OP|PP|para(?:graph)?\.?|output)\s*\d+(?:\.\d+)*[A-Za-z]*(?:\s*(?:bis|ter|quater)\b)?"
                        r"(?:\s*,\s*activity\s*\([a-z]\))?)"  # an action plan's "Output 2.3, activity (c):"
                        r"(?P<added>\s*\(new\))?"  # "OP11 bis (new) – "…""
                        r"(?P<alt>\s+alt(?:ernative)?)?\s*(?:[:.]|\s[\u2014\u2013-])\s*(?P<rest>\S.*)$", re.S | re.I)
# "to read: "…"" after the reference: the whole paragraph as it should read.
TO_READ_RE = re.compile(r"^(?:(?:amend(?:ed)?|modify|revise)\s+)?(?:so\s+as\s+)?(?:to|should)\s+read\s*[:,]?\s*", re.I)
# "add a new activity (g): "…"" after an action plan's reference.
ADD_ACTIVITY_RE = re.compile(r"^add\s+a\s+new\s+(?:activity|item|paragraph)(?:\s*\([a-z]\)|\s+\d+\w*)?\s*[:,]?\s*"
                             r"(?P<new>.+)$", re.I | re.S)
# What a comments list's line asks after its paragraph: "After para 30 — insert: …".
INSERT_RE = re.compile(r"^(?:insert|add)\s*[:,]?\s*(?P<new>.+)$", re.I | re.S)
DELETE_RE = re.compile(r"^[(\[]?\s*(?:delete|deleted|suppress|strike)\s*[)\].]?\s*$", re.I)
# A negotiator's position that changes nothing: "PP1: Retain.", "OP5: Agree.", "OP7: No change."
RETAIN_RE = re.compile(r"^(?:retain(?:ed)?|keep|agree[ds]?|no\s+change|support(?:ed)?|fine|ok)\b", re.I)
# A line that announces the amendment below it rather than making one.
LEAD_IN_RE = re.compile(r"\b(?:(?:we|i)\s+have\s+(?:marked|tracked|shown)|(?:marked|tracked)\s+(?:our\s+)?changes|"
                        r"changes\s+(?:are\s+)?(?:marked|shown|tracked)\s+below)\b", re.I)
DELETE_THEN_REASONS_RE = re.compile(r"^(?:delete|suppress|strike)\s*\.\s+\S", re.I)
AT_END_RE = re.compile(r"^add\s+at\s+the\s+end\s*[:,]?\s*(?P<new>.+)$", re.I | re.S)
# A comments table's first cell: the paragraph it changes ("6", "OP 5", "after 14 (new)", "12 bis").
ROW_REF_RE = re.compile(r"^(?:after\s+)?(?:(?:OP|PP|para(?:graph)?\.?)\s*)?\d+(?:\.\d+)*[A-Za-z]*"
                        r"(?:\s*(?:bis|ter))?(?:\s*\(new\))?$", re.I)
EMPTY_CELL = ("", "-", "\u2013", "\u2014", "(new)", "new", "n/a")


def ref_led(doc: Document, b: Block) -> list[Amendment]:
    """The amendment of a block that opens with its paragraph ("OP 9: add at the end: "…""), or none."""
    m = REF_LED_RE.match(b.text)
    if not m:
        return []
    ref, rest = " ".join(m.group("ref").split()), m.group("rest").strip()
    label = b.text[:m.start("rest")].strip().rstrip(":.\u2014\u2013- ")
    target = _number(ref)
    if (sub := re.search(r"activity\s*(\([a-z]\))", ref, re.I)) is not None:
        target = f"{target} {sub.group(1)}"  # "Output 2.3, activity (c)": the item under its output
    if RETAIN_RE.match(rest) or LEAD_IN_RE.search(rest):
        return []  # "PP1: Retain." changes nothing; "Paragraph 9: We have marked our changes … below" leads in
    if DELETE_RE.match(rest) or DELETE_THEN_REASONS_RE.match(rest):  # "OP4: Delete. Commitments on …"
        return [_amendment(doc, b, label, "delete", target, "", "", whole=True)]
    if (end := AT_END_RE.match(rest)) is not None:
        return [_amendment(doc, b, label, "insert", target, "", _unquote(end.group("new")), whole=False)]
    if not any(rx.match(rest) for _, rx in PROSE) and any(rx.search(rest) for _, rx in PROSE):
        return []  # "Paragraph 11: Many members … Insert after paragraph 11 …": the instruction inside is read as prose
    for form, rx in PROSE:
        hit = rx.match(rest)
        if hit and form == "replace":
            return [_amendment(doc, b, label, "replace", target, hit.group("old"), hit.group("new"), whole=False)]
        if hit and form == "delete" and hit.groupdict().get("old"):
            return [_amendment(doc, b, label, "delete", target, hit.group("old"), "", whole=False)]
        if hit and form in ("insert", "add") and hit.groupdict().get("new"):
            # "OP 9: add at the end: …", "Paragraph 13: At the end of paragraph 13, add: …"
            return [_amendment(doc, b, label, form, target, "", hit.group("new"), whole=form == "add")]
    if (add := ADD_ACTIVITY_RE.match(rest)) is not None:  # "Output 2.1: add a new activity (g): "…""
        return [_amendment(doc, b, label, "add", target, "", _unquote(add.group("new")), whole=True)]
    if m.group("new") and (ins := INSERT_RE.match(rest)) is not None:
        rest = ins.group("new")  # "After para 30 — insert: "…"": a new paragraph after 30
    rest = TO_READ_RE.sub("", rest, count=1)
    form = "add" if m.group("new") or m.group("added") else "modify"
    return [_amendment(doc, b, label, form, target, "", _unquote(rest), whole=True)]


def _amendment(doc: Document, b: Block, label: str, form: str, target: str | None, old: str, new: str, *,
               whole: bool, end: int | None = None) -> Amendment:
    end = b.end if end is None else end
    return Amendment(id=content_id("amd", doc.sha256, b.start, end), label=label, form=form, target=target,
                     text=doc.text[b.start:end], old=old, new=new, locator=b.locator, start=b.start, end=end,
                     whole_paragraph=whole)


def table_rows(doc: Document, blocks: list[Block]) -> tuple[list[Amendment], set[str]]:
    """The comments-table rows among the blocks (TAB-separated lines, or a Word table's cells), and the ids of the
    blocks they used."""
    out: list[Amendment] = []
    used: set[str] = set()
    for row in _rows(blocks):
        cells = [c.strip() for c, _ in row]
        if len(cells) < 3 or not ROW_REF_RE.match(cells[0]):
            continue  # the header row, or a table of something else
        a = _row_amendment(doc, row, cells)
        if a is not None:
            out.append(a)
            used.update(b.id for _, b in row)
    return out, used


def _rows(blocks: list[Block]):
    """Each table row as [(cell text, block)]: a text line's TAB-separated cells, or a Word row's cells in order."""
    cells: dict[tuple[int, int], list[tuple[int, str, Block]]] = {}
    for b in blocks:
        if b.kind is BlockKind.TABLE_CELL and b.table is not None:
            cells.setdefault(b.table[:2], []).append((b.table[2], b.text, b))
        elif b.text.count("\t") >= 2:
            yield [(c, b) for c in b.text.split("\t")]
    for key in sorted(cells):
        yield [(text, b) for _, text, b in sorted(cells[key], key=lambda c: c[0])]


def _row_amendment(doc: Document, row, cells: list[str]) -> Amendment | None:
    """A row (paragraph, draft text, proposed text, reason …): a deletion, a new paragraph or a modification."""
    ref, draft, proposed = cells[0], _unquote(cells[1]), _unquote(cells[2])
    target = _number(re.sub(r"(?i)^after\s+|\(new\)", "", ref))
    first, last = row[0][1], row[-1][1]
    label = " ".join(ref.split())
    new_paragraph = "(new)" in ref.lower() or ref.lower().startswith("after") or draft.lower() in EMPTY_CELL
    if not proposed or DELETE_RE.match(proposed) or re.match(r"(?i)^delete\b", proposed):
        return _amendment(doc, first, label, "delete", target, draft, "", whole=True, end=last.end)
    if new_paragraph:
        return _amendment(doc, first, label, "add", target, "", proposed, whole=True, end=last.end)
    return _amendment(doc, first, label, "modify", target, draft, proposed, whole=True, end=last.end)


__all__ = ["ref_led", "table_rows"]
