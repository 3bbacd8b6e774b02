"""amendments.json: what became of a contribution's amendments and proposals in a final text (and a draft)."""

from __future__ import annotations

from collections import Counter

from ..model import Document, Requirement
from . import REFLECTION_VERSION, PROPOSING, reflect_requirements, reflection_record
from .align import Index
from .amendments import Amendment
from .outcome import OUTCOMES, Outcome, judge

SCHEMA_VERSION = "1"


def amendments_record(contribution: Document, amendments: tuple[Amendment, ...], requirements: tuple[Requirement, ...],
                      final: Document, draft: Document | None = None, *, versions: dict | None = None) -> dict:
    """The record the `amendments` command writes: each amendment's outcome with the final text's counterpart, each
    proposal's reflection in the final text (and in the draft), counts. Deterministic: ids from content."""
    index = Index.of(final)
    outcomes = [judge(a, index, draft) for a in amendments]
    proposals = [r for r in requirements if r.kind in PROPOSING]
    in_final = reflect_requirements(proposals, index)
    in_draft = reflect_requirements(proposals, draft) if draft is not None else {}
    summary = Counter(o.outcome for o in outcomes)
    return {
        "schema_version": SCHEMA_VERSION,
        "contribution": _doc(contribution), "final": _doc(final), "draft": _doc(draft) if draft else None,
        "amendments": [_amendment(a, o) for a, o in zip(amendments, outcomes)],
        "proposals": [{"id": r.id, "label": r.source.label, "kind": r.kind.value, "locator": str(r.source.locator),
                       "text": r.text, "final": reflection_record(in_final.get(r.id)),
                       "draft": reflection_record(in_draft.get(r.id)) if draft is not None else None}
                      for r in proposals],
        "summary": {k: summary.get(k, 0) for k in OUTCOMES},
        "warnings": [f"{contribution.path}: no amendment (ADD / MOD / SUP, 'replace … with …', 'insert after "
                     "paragraph …', 'delete …' or tracked changes) was found"] if not amendments else [],
        "run": {"versions": {"reflection": REFLECTION_VERSION, **(versions or {})}},
    }


def _doc(doc: Document) -> dict:
    return {"path": doc.path, "sha256": doc.sha256, "format": doc.format}


def _amendment(a: Amendment, o: Outcome) -> dict:
    return {"id": a.id, "label": a.label, "form": a.form, "target": a.target, "locator": str(a.locator),
            "span": [a.start, a.end], "text": a.text, "old": a.old, "new": a.new, "before": o.before,
            "after": o.after, "outcome": o.outcome, "inserted_kept": o.inserted_kept, "deleted_gone": o.deleted_gone,
            "rationale": o.rationale, "where": list(o.where),
            "differences": [{"op": s.op, "text": s.text} for s in o.differences]}


__all__ = ["SCHEMA_VERSION", "amendments_record"]
