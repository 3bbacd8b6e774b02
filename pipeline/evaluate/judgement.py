"""Judgement quality from cross-validated predictions: accuracy, macro-F1, confusion, Brier, evidence hit@3."""

from __future__ import annotations

from collections import Counter, defaultdict

from sklearn.metrics import f1_score

STATUSES = ("addressed", "partial", "not_addressed", "manual_check")


def judgement_metrics(pairs: list[dict]) -> dict:
    """Figures over all gold pairs; a requirement the extractor missed counts as wrong."""
    gold = [p["gold"] for p in pairs]
    pred = [p["predicted"] for p in pairs]
    n = len(pairs)
    accuracy = sum(g == p for g, p in zip(gold, pred)) / max(n, 1)
    macro_f1 = f1_score(gold, pred, labels=list(STATUSES), average="macro", zero_division=0)
    confusion = {g: {p: 0 for p in (*STATUSES, "missing")} for g in STATUSES}
    for g, p in zip(gold, pred):
        confusion[g][p] += 1
    brier_terms = []
    for p in pairs:
        probs = p["probabilities"] or {}
        brier_terms.append(sum((probs.get(s, 0.0) - (1.0 if s == p["gold"] else 0.0)) ** 2 for s in STATUSES))
    hits = [p["evidence_hit"] for p in pairs if p["evidence_hit"] is not None]
    by_hard: dict[str, list[bool]] = defaultdict(list)
    for p in pairs:
        if p.get("hard_case"):
            by_hard[p["hard_case"]].append(p["gold"] == p["predicted"])
    return {
        "pairs": n, "accuracy": round(accuracy, 4), "macro_f1": round(float(macro_f1), 4),
        "brier": round(sum(brier_terms) / max(n, 1), 4),
        "evidence_hit_at_3": round(sum(hits) / max(len(hits), 1), 4), "evidence_pairs": len(hits),
        "gold_distribution": dict(Counter(gold)), "confusion": confusion,
        "per_class_f1": {s: round(float(f), 4) for s, f in zip(STATUSES, f1_score(
            gold, pred, labels=list(STATUSES), average=None, zero_division=0))},
        "hard_cases": {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 4)} for k, v in sorted(by_hard.items())},
    }


def calibration_table(pairs: list[dict], bins: int = 5) -> list[dict]:
    """Confidence of the predicted status against how often it was right, in equal-width bins."""
    rows = [[] for _ in range(bins)]
    for p in pairs:
        if not p["probabilities"]:
            continue
        conf = p["probabilities"].get(p["predicted"], 0.0)
        rows[min(bins - 1, int(conf * bins))].append((conf, p["predicted"] == p["gold"]))
    return [{"bin": f"{i / bins:.1f}-{(i + 1) / bins:.1f}", "n": len(r),
             "mean_confidence": round(sum(c for c, _ in r) / len(r), 3) if r else None,
             "accuracy": round(sum(ok for _, ok in r) / len(r), 3) if r else None} for i, r in enumerate(rows)]
