"""Reviewer decisions that persist: confirm or override a status once, keep it across re-runs.

Stored as `decisions.csv` beside the audit. CSV rather than SQLite because reviewers and version control read
it: a decision is a line a person can see in a diff, edit in Excel, and merge. Each decision is keyed by the
requirement's stable key (document, clause path, position: unchanged when its words are edited) and carries a
hash of the requirement text and of the evidence it was made on; when either changes, the decision is stale.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from .errors import InputError
from .model import DECISIONS

DECISIONS_FILE = "decisions.csv"
UNMATCHED = "reviewer decision(s) match no requirement of this audit"


@dataclass(frozen=True, slots=True, kw_only=True)
class Decision:
    key: str  # stable requirement key
    facet: str  # facet label, "" for the requirement itself
    requirement_id: str
    text_sha: str
    evidence_sha: str
    decision: str
    reason: str
    reviewer: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise ValueError(f"unknown decision {self.decision!r}")


def text_hash(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:16]


def evidence_hash(evidence: list[dict]) -> str:
    return hashlib.sha1("\n".join(" ".join(e["text"].split()) for e in evidence).encode("utf-8")).hexdigest()[:16]


def decisions_lock(path: Path):
    """The lock every reader and writer of a decisions file holds (a hidden file beside it), waiting its turn."""
    from .errors import OutputError
    from .report._io import exclusive_lock

    return exclusive_lock(Path(path).with_name(f".{Path(path).name}.lock"), wait=True,
                          busy=lambda: OutputError.locked(str(path)))


def load_decisions(path: Path) -> list[Decision]:
    """Decisions from a decisions.csv (an absent file means none), read whole under its lock."""
    from .errors import OutputError

    path = Path(path)
    if not path.exists():
        return []
    try:
        with decisions_lock(path):
            return _read_decisions(path)
    except OutputError:  # a folder we may read but not write (a shared audit): no writer can be there either
        return _read_decisions(path)


def update_decisions(path: Path, new: list[Decision]) -> list[Decision]:
    """Merge new decisions into the file under its lock: concurrent reviewers never lose each other's."""
    path = Path(path)
    with decisions_lock(path):
        merged = merge(_read_decisions(path) if path.exists() else [], new)
        save_decisions(path, merged)
    return merged


def _read_decisions(path: Path) -> list[Decision]:
    try:
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"decisions file unreadable: {exc}", hint="restore it or delete it to start again",
                         location=str(path)) from None
    out = []
    names = {f.name for f in fields(Decision)}
    for n, row in enumerate(rows, start=2):
        try:
            out.append(Decision(**{k: (row.get(k) or "") for k in names}))
        except ValueError as exc:
            raise InputError(str(exc), hint=f"use one of {', '.join(DECISIONS)}", location=f"{path}:line {n}") from None
    return out


def save_decisions(path: Path, decisions: list[Decision]) -> None:
    """Write decisions sorted by key and facet (stable diffs), atomically."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=[f.name for f in fields(Decision)], lineterminator="\n")
    w.writeheader()
    for d in sorted(decisions, key=lambda d: (d.key, d.facet)):
        w.writerow(asdict(d))
    from .report._io import write_atomic

    write_atomic(path, buf.getvalue())


def _target(record: dict, key_or_id: str, facet: str) -> tuple[dict, dict | None]:
    for r in record["requirements"]:
        if key_or_id in (r["id"], r.get("key")):
            if not facet:
                return r, None
            for f in r["facets"]:
                if f["label"] == facet:
                    return r, f
            raise InputError(f"requirement {key_or_id} has no facet {facet!r}",
                             hint="facet labels are listed in coverage.json", location=key_or_id)
    raise InputError(f"no requirement {key_or_id} in this audit", hint="use an id or key from coverage.json",
                     location=key_or_id)


def make_decision(record: dict, key_or_id: str, decision: str, reason: str, *, facet: str = "",
                  reviewer: str = "") -> Decision:
    """A decision on a requirement (or one of its facets) of this audit, with the hashes it was made on."""
    if decision not in DECISIONS:
        raise InputError(f"unknown decision {decision!r}", hint=f"use one of {', '.join(DECISIONS)}",
                         location=key_or_id)
    req, fac = _target(record, key_or_id, facet)
    evidence = (fac or req)["evidence"]
    return Decision(key=req["key"], facet=facet, requirement_id=req["id"], text_sha=text_hash(req["text"]),
                    evidence_sha=evidence_hash(evidence), decision=decision, reason=reason, reviewer=reviewer)


def merge(decisions: list[Decision], new: list[Decision]) -> list[Decision]:
    """New decisions replace older ones on the same requirement or facet."""
    by = {(d.key, d.facet): d for d in decisions}
    by.update({(d.key, d.facet): d for d in new})
    return list(by.values())


def apply_decisions(record: dict, decisions: list[Decision]) -> dict:
    """Record with reviewer decisions applied: `review` on each reviewed item, `machine_status` kept, the summary
    recounted. A stale decision is shown but does not override the machine's status."""
    by = {(d.key, d.facet): d for d in decisions}
    out = dict(record)
    known = {(r["key"], "") for r in record["requirements"]} | {
        (r["key"], f["label"]) for r in record["requirements"] for f in r["facets"]}
    unmatched = sorted(k for k in by if k not in known)
    if unmatched:  # never silently ignored: a decision on a requirement this audit does not have
        key, facet = unmatched[0]
        note = (f"{len(unmatched)} {UNMATCHED} (first: {key}{' / ' + facet if facet else ''}); they were made on "
                "another mandate or an earlier extraction")
        out["warnings"] = [*(w for w in record.get("warnings", []) if UNMATCHED not in w), note]
    reqs = []
    for r in record["requirements"]:
        r = dict(r, machine_status=r.get("machine_status", r["status"]))
        d = by.get((r["key"], ""))
        if d:
            r["review"] = _review(d, r, r["evidence"])
            if not r["review"]["stale"]:
                r["status"] = d.decision
        facets = []
        for f in r["facets"]:
            fd = by.get((r["key"], f["label"]))
            if fd:
                f = dict(f, machine_status=f.get("machine_status", f["status"]), review=_review(fd, r, f["evidence"]))
                if not f["review"]["stale"]:
                    f["status"] = fd.decision
            facets.append(f)
        r["facets"] = facets
        reqs.append(r)
    out["requirements"] = reqs
    statuses = DECISIONS
    counts = {s: sum(1 for r in reqs if r["status"] == s) for s in statuses}
    out["summary"] = {k: v for k, v in counts.items() if k != "not_applicable" or v}
    out["reviewed"] = sum(1 for r in reqs if "review" in r)
    return out


def _review(d: Decision, req: dict, evidence: list[dict]) -> dict:
    reasons = []
    if d.text_sha != text_hash(req["text"]):
        reasons.append("the requirement text changed since the decision")
    if d.evidence_sha != evidence_hash(evidence):
        reasons.append("the evidence changed since the decision")
    return {"decision": d.decision, "reason": d.reason, "reviewer": d.reviewer, "stale": bool(reasons),
            "stale_reason": "; ".join(reasons) or None}


def decisions_from_xlsx(record: dict, path: Path, reviewer: str = "") -> list[Decision]:
    """Reviewer columns filled in traceability.xlsx, as decisions on this audit."""
    from .report.xlsx import read_review_xlsx

    out = []
    for row in read_review_xlsx(path):
        out.append(make_decision(record, row["id"].split("#", 1)[0], row["decision"], row.get("note") or "",
                                 facet=row.get("facet") or "", reviewer=reviewer))
    return out
