"""Draft-to-draft diff of two audits against the same mandates: what improved, regressed or moved."""

from __future__ import annotations

# Worse to better; manual_check sits outside the order (a change to or from it is a plain status change).
RANK = {"not_addressed": 0, "partial": 1, "addressed": 2}
CHANGE_ORDER = ("regressed", "dropped", "newly_addressed", "changed_status", "evidence_changed", "new")


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
    return {"old": {"path": old["report"]["path"], "sha256": old["report"]["sha256"]},
            "new": {"path": new["report"]["path"], "sha256": new["report"]["sha256"]},
            "summary": counts, "changes": changes}


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
