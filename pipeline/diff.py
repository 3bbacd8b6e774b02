"""Draft-to-draft diff of two audits against the same mandates: what improved, regressed or moved."""

from __future__ import annotations

from .model import CHANGE_KINDS

# Worse to better; manual_check sits outside the order (a change to or from it is a plain status change).
RANK = {"not_addressed": 0, "partial": 1, "addressed": 2}
CHANGE_ORDER = tuple(CHANGE_KINDS)
# How a requirement's reflection (the share of its wording taken over) moved between two drafts; a move smaller
# than REFLECTION_STEP is "same" (one content word of a 40-word proposal is 0.025).
REFLECTION_TRENDS = ("shrank", "grew", "same", "new", "dropped")
REFLECTION_STEP = 0.02


def diff_records(old: dict, new: dict) -> dict:
    """Changes per requirement, matched by stable key (falling back to id)."""
    def index(record):
        return {r.get("key") or r["id"]: r for r in record["requirements"]}

    a, b = index(old), index(new)
    changes = []
    counts = dict.fromkeys((*CHANGE_ORDER, "unchanged"), 0)
    for k in list(a) + [k for k in b if k not in a]:
        ra, rb = a.get(k), b.get(k)
        kind = _kind(ra, rb)
        counts[kind] += 1
        if kind == "unchanged":
            continue
        r = rb or ra
        changes.append({"id": r["id"], "key": k, "source_document": r["source"]["document"],
                        "label": r["source"]["label"], "actor": r["actor"], "text": r["text"],
                        "old_status": ra["status"] if ra else None, "new_status": rb["status"] if rb else None,
                        "change": kind, "old_evidence": [e["locator"] for e in ra["evidence"]] if ra else [],
                        "new_evidence": [e["locator"] for e in rb["evidence"]] if rb else []})
    changes.sort(key=lambda c: CHANGE_ORDER.index(c["change"]))
    reflections = reflection_changes(a, b)
    return {"old": {"path": old["report"]["path"], "sha256": old["report"]["sha256"]},
            "new": {"path": new["report"]["path"], "sha256": new["report"]["sha256"]},
            "summary": counts, "changes": changes, "reflections": reflections,
            "reflection_summary": {t: sum(r["trend"] == t for r in reflections) for t in REFLECTION_TRENDS}}


def reflection_changes(a: dict[str, dict], b: dict[str, dict]) -> list[dict]:
    """Per requirement whose wording was measured in either audit (proposals, by default): how much of it each
    draft takes over, and whether that grew or shrank. Requirements in the order of the old audit, then new ones."""
    out = []
    for k in list(a) + [k for k in b if k not in a]:
        ra, rb = a.get(k), b.get(k)
        old = (ra or {}).get("reflection")
        new = (rb or {}).get("reflection")
        if old is None and new is None:
            continue
        r = rb or ra
        out.append({"id": r["id"], "key": k, "source_document": r["source"]["document"],
                    "label": r["source"]["label"], "kind": r["kind"], "text": r["text"],
                    "old_reflection": old["score"] if old else None, "new_reflection": new["score"] if new else None,
                    "old_locators": _span_locators(old), "new_locators": _span_locators(new),
                    "trend": _trend(old, new)})
    return out


def _span_locators(reflection: dict | None) -> list[str]:
    return list(dict.fromkeys(s["locator"] for s in reflection["spans"])) if reflection else []


def _trend(old: dict | None, new: dict | None) -> str:
    if old is None:
        return "new"
    if new is None:
        return "dropped"
    delta = new["score"] - old["score"]
    return "grew" if delta >= REFLECTION_STEP else "shrank" if delta <= -REFLECTION_STEP else "same"


def _kind(ra: dict | None, rb: dict | None) -> str:
    if ra is None:
        return "new"
    if rb is None:
        return "dropped"
    sa, sb = ra["status"], rb["status"]
    if sa != sb:
        if sb == "addressed":
            return "newly_addressed"
        if sa in RANK and sb in RANK and RANK[sb] < RANK[sa]:
            return "regressed"
        return "changed_status"
    if [e["text"] for e in ra["evidence"]] != [e["text"] for e in rb["evidence"]]:
        return "evidence_changed"
    return "unchanged"
