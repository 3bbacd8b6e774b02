"""What became of each proposed amendment in the final text: adopted, adopted with changes, or not adopted, and where.

An amendment is a change from a paragraph as it was (`before`: the draft's paragraph, or the words it names) to the
paragraph as proposed (`after`). What it changes is the words `after` has and `before` lacks (inserted) and the
reverse (deleted). The final text's counterpart is where `after` (or, for a deletion, `before`) aligns best; there,
the inserted words must be kept and the deleted ones gone. Paragraph numbers are never trusted across drafts:
an inserted paragraph renumbers the ones after it.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..model import Document, Segment, to_plain
from .align import Index, align_spans, segments, word_ops
from .amendments import Amendment
from .tokens import Token, tokens

OUTCOMES = ("adopted", "adopted_with_changes", "not_adopted", "manual_check")
# Shares of the changed words found as the amendment asks them (inserted words kept, deleted ones gone): at least
# ADOPTED for "adopted", below NOT_ADOPTED for "not adopted", "adopted with changes" between. Set before the
# annotated set was read (issue 21); docs/reflection.md gives what they score.
ADOPTED = 0.95
NOT_ADOPTED = 0.35


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The verdict on one amendment, the figures it rests on and where the final text shows it."""

    outcome: str
    inserted_kept: float | None  # share of the inserted words the final text has (None: the amendment inserts none)
    deleted_gone: float | None  # share of the deleted words the final text no longer has there
    where: tuple[dict, ...]  # the final text's counterpart spans: locator, text, words (kept, changed, added)
    differences: tuple[Segment, ...]  # the amendment's proposed words: kept, changed or dropped in the final text
    before: str
    after: str
    rationale: str


def draft_paragraph(draft: Document | None, target: str | None) -> str | None:
    """The draft's paragraph numbered `target` (its label, or the number it is printed with), without the number."""
    if draft is None or not target:
        return None
    want = target.replace(" ", "").lower()
    for b in draft.blocks:
        label = (b.label or "").strip().rstrip(".)").replace(" ", "").lower()
        head = b.text.split(None, 1)
        printed = head[0].rstrip(".)").lower() if head else ""
        if want in (label, printed) and len(head) > 1:
            return head[1].strip() if printed == want else b.text.strip()
    return None


def before_after(a: Amendment, draft: Document | None) -> tuple[str | None, str]:
    """The paragraph (or words) before and after the amendment; before is None when only the draft could say."""
    para = draft_paragraph(draft, a.target)
    if a.form in ("add", "insert"):
        return "", a.new
    if a.form == "modify":
        return (a.old or para), a.new
    if a.form == "replace":
        if para and _find(para, a.old) >= 0:
            return para, _swap(para, a.old, a.new)
        return a.old, a.new
    if a.whole_paragraph or not a.old:  # a deletion of a paragraph
        return (a.old or para), ""
    if para and _find(para, a.old) >= 0:
        return para, _swap(para, a.old, "")
    return a.old, ""


def _find(text: str, part: str) -> int:
    return " ".join(text.split()).lower().find(" ".join(part.split()).lower())


def _swap(text: str, old: str, new: str) -> str:
    """The text with `old` (matched ignoring case and spacing) replaced by `new`."""
    flat = " ".join(text.split())
    at = _find(flat, old)
    return " ".join((flat[:at] + new + flat[at + len(" ".join(old.split())):]).split())


def changed_words(before: str, after: str) -> tuple[set[int], set[int]]:
    """Positions of the words `after` inserts (in after's tokens) and of those it deletes (in before's), content
    words only when the change has any."""
    tb, ta = tokens(before), tokens(after)
    inserted, deleted = set(), set()
    matcher = difflib.SequenceMatcher(a=[t.key for t in tb], b=[t.key for t in ta], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op != "equal":
            deleted.update(range(i1, i2))
            inserted.update(range(j1, j2))
    if any(tb[i].content for i in deleted) or any(ta[j].content for j in inserted):
        deleted = {i for i in deleted if tb[i].content}
        inserted = {j for j in inserted if ta[j].content}
    return inserted, deleted


def judge(a: Amendment, final: Index, draft: Document | None = None) -> Outcome:
    """Adopted, adopted with changes or not adopted, from the final text's counterpart of the amended paragraph."""
    before, after = before_after(a, draft)
    if before is None:
        return _without_draft(a, final, after)
    inserted, deleted = changed_words(before, after)
    ta, tb = tokens(after), tokens(before)
    found = align_spans(ta, final) if after else []
    ops = word_ops(ta, final, found)
    kept = _share([ops[j] == "kept" for j in inserted])
    # The deleted words are looked for where the paragraph now is (or, for a whole deletion, anywhere).
    units = sorted({u for u, _ in found}) or None
    gone_ops = word_ops(tb, final, align_spans(tb, final, units)) if before else []
    gone = _share([gone_ops[i] != "kept" for i in deleted])
    outcome = _verdict(kept, gone)
    where = _where(final, ta if after else tb, found if after else align_spans(tb, final))
    return Outcome(outcome=outcome, inserted_kept=kept, deleted_gone=gone, where=where,
                   differences=segments(after, ta, ops, 0, len(after)) if after else (),
                   before=before, after=after, rationale=_rationale(outcome, kept, gone, len(inserted), len(deleted)))


def _share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 3) if flags else None


def _verdict(kept: float | None, gone: float | None) -> str:
    """The outcome from the two shares: the inserted words decide when there are any, the deleted ones otherwise."""
    parts = [p for p in (kept, gone) if p is not None]
    if not parts:
        return "adopted"  # an amendment that changes nothing is trivially in the final text
    primary = kept if kept is not None else gone
    if all(p >= ADOPTED for p in parts):
        return "adopted"
    if primary < NOT_ADOPTED:
        return "not_adopted"
    return "adopted_with_changes"


def _without_draft(a: Amendment, final: Index, after: str) -> Outcome:
    """A MOD or a deletion by number with no draft to compare: a manual check, with where the text now is."""
    ta = tokens(after)
    found = align_spans(ta, final) if after else []
    ops = word_ops(ta, final, found)
    return Outcome(outcome="manual_check", inserted_kept=None, deleted_gone=None, where=_where(final, ta, found),
                   differences=segments(after, ta, ops, 0, len(after)) if after else (), before="", after=after,
                   rationale="the draft paragraph it changes is needed to tell what it changes: give --draft")


def _where(final: Index, source: tuple[Token, ...], found) -> tuple[dict, ...]:
    """The counterpart spans in the final text, in its order."""
    doc = final.document
    out = []
    for u, span in sorted(found, key=lambda f: f[0]):
        target = final.units[u].tokens
        pairs = [(i, j) for i, j in span.pairs if j is not None]
        start, end = target[pairs[0][1]].start, target[pairs[-1][1]].end
        ops = {j: "added" if i is None else ("kept" if source[i].key == target[j].key else "changed") for i, j in pairs}
        inner = [k for k in range(len(target)) if start <= target[k].start < end]
        block = doc.blocks[final.units[u].index]
        out.append({"locator": str(block.locator), "block_id": block.id, "span": [start, end],
                    "text": doc.text[start:end],
                    "words": to_plain(segments(doc.text, [target[k] for k in inner],
                                               [ops.get(k, "added") for k in inner], start, end))})
    return tuple(out)


def _rationale(outcome: str, kept: float | None, gone: float | None, n_ins: int, n_del: int) -> str:
    """One line in words: what of the change the final text shows."""
    parts = []
    if kept is not None:
        parts.append(f"{round(kept * n_ins)} of its {n_ins} new words are in the final text")
    if gone is not None:
        parts.append(f"{round(gone * n_del)} of the {n_del} words it removes are gone")
    said = "; ".join(parts) or "it changes no word"
    return {"adopted": "adopted: ", "adopted_with_changes": "adopted with changes: ",
            "not_adopted": "not adopted: "}[outcome] + said


__all__ = ["ADOPTED", "NOT_ADOPTED", "OUTCOMES", "Outcome", "before_after", "changed_words", "draft_paragraph",
           "judge"]
