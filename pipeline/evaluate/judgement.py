"""Judgement quality from cross-validated predictions: accuracy, macro-F1, confusion, Brier, evidence hit@3."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from sklearn.metrics import cohen_kappa_score, f1_score

from ..model import STATUSES



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
    base = [p["baseline_hit"] for p in pairs if p["evidence_hit"] is not None and p.get("baseline_hit") is not None]
    # Where the gold names a second acceptable status ("also"), either counts (the lenient figure).
    lenient = sum(p["predicted"] in (p["gold"], p.get("also")) for p in pairs) / max(n, 1)
    # The worst error for a user: a requirement called addressed that a careful reader finds partial or not
    # addressed at all.
    short = [p for p in pairs if p["gold"] in ("partial", "not_addressed")]
    false_clear = sum(p["predicted"] == "addressed" for p in short)
    by_hard: dict[str, list[bool]] = defaultdict(list)
    for p in pairs:
        if p.get("hard_case"):
            by_hard[p["hard_case"]].append(p["gold"] == p["predicted"])
    return {
        "pairs": n, "accuracy": round(accuracy, 4), "accuracy_ci95": accuracy_interval(pairs),
        "macro_f1": round(float(macro_f1), 4),
        "brier": round(sum(brier_terms) / max(n, 1), 4),
        "accuracy_lenient": round(lenient, 4),
        "false_all_clear": round(false_clear / max(len(short), 1), 4), "false_all_clear_pairs": len(short),
        "evidence_hit_at_3": round(sum(hits) / max(len(hits), 1), 4), "evidence_pairs": len(hits),
        "tfidf_baseline_hit_at_3": round(sum(base) / max(len(base), 1), 4) if base else None,
        "gold_distribution": dict(Counter(gold)), "confusion": confusion,
        "per_class_f1": {s: round(float(f), 4) for s, f in zip(STATUSES, f1_score(
            gold, pred, labels=list(STATUSES), average=None, zero_division=0))},
        "hard_cases": {k: {"n": len(v), "accuracy": round(sum(v) / len(v), 4)} for k, v in sorted(by_hard.items())},
        "stages": stage_metrics(pairs),
        "facets": facet_metrics(pairs),
    }


def by_mandate(pairs: list[dict]) -> dict[str, dict]:
    """Status accuracy and pairs of each held-out mandate document (leave-one-mandate-out pairs)."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for p in pairs:
        groups[p.get("mandate", "")].append(p)
    return {m: {"pairs": len(ps), "accuracy": round(sum(p["gold"] == p["predicted"] for p in ps) / len(ps), 4),
                "missing": sum(p["predicted"] == "missing" for p in ps)} for m, ps in sorted(groups.items())}


def facet_metrics(pairs: list[dict]) -> dict:
    """The status of each facet the extractor found and the annotators judged (addressed, partial, not addressed)."""
    facets = [f for p in pairs for f in p.get("facets", ())]
    return {"pairs": len(facets),
            "accuracy": round(sum(f["gold"] == f["predicted"] for f in facets) / max(len(facets), 1), 4)}


def unseen_figures(pairs: list[dict]) -> dict:
    """The headline figures for pairs judged as if the corpus had never annotated their requirement (the fallback
    judge): what to expect of a new mandate."""
    m = judgement_metrics(pairs)
    return {k: m[k] for k in ("accuracy", "macro_f1", "evidence_hit_at_3", "per_class_f1")}


def accuracy_interval(pairs: list[dict], *, resamples: int = 2000, seed: int = 0) -> list[float] | None:
    """95% interval of the status accuracy, by bootstrap over report families (a family's pairs share a writer and
    err together, so pairs are not resampled one by one). Fixed seed: the same pairs give the same interval."""
    import numpy as np

    from ..corpus import report_group

    by_family: dict[str, list[bool]] = defaultdict(list)
    for p in pairs:
        # Pairs of the leave-one-mandate-out evaluation are resampled by mandate, the unit held out.
        by_family[p.get("mandate") or report_group(p["report"])].append(p["gold"] == p["predicted"])
    if len(by_family) < 2:
        return None
    fams = [np.array(v, dtype=float) for _, v in sorted(by_family.items())]
    rng = np.random.RandomState(seed)
    accs = []
    for _ in range(resamples):
        pick = rng.randint(len(fams), size=len(fams))
        accs.append(sum(fams[i].sum() for i in pick) / sum(fams[i].size for i in pick))
    return [round(float(x), 4) for x in np.percentile(accs, [2.5, 97.5])]


TOUCHED = ("addressed", "partial")


def stage_metrics(pairs: list[dict]) -> dict:
    """The two questions behind the status, scored apart on pairs neither side calls a manual check: is the
    requirement touched at all (addressed or partial), and, when both say it is, is it answered with substance?
    `touched_majority` is what always answering the commoner side would score."""
    judged = [p for p in pairs if "manual_check" not in (p["gold"], p["predicted"]) and p["predicted"] != "missing"]
    touched = [(p["gold"] in TOUCHED, p["predicted"] in TOUCHED) for p in judged]
    both = [p for p in judged if p["gold"] in TOUCHED and p["predicted"] in TOUCHED]
    share = sum(g for g, _ in touched) / max(len(touched), 1)
    return {"touched_pairs": len(touched),
            "touched_accuracy": round(sum(g == q for g, q in touched) / max(len(touched), 1), 4),
            "touched_majority": round(max(share, 1 - share), 4),
            "substance_pairs": len(both),
            "substance_accuracy": round(sum(p["gold"] == p["predicted"] for p in both) / max(len(both), 1), 4)}


def annotator_agreement(corpus_dir) -> dict | None:
    """Agreement of a blind second annotation (corpora/agreement/<report>.json) with the gold statuses: how far a
    careful reader following the same rules gets, i.e. the ceiling the judge's figures should be read against."""
    files = sorted(Path(corpus_dir, "agreement").glob("*.json"))
    first, second, reports, disagreements = [], [], [], []
    for f in files:
        other = {a["requirement"]: a["status"] for a in json.loads(f.read_text(encoding="utf-8"))["assessments"]}
        gold_file = Path(corpus_dir, "gold", "assessments", f.name)
        if not gold_file.exists():  # a second annotation of a report no longer in the corpus
            continue
        gold = {a["requirement"]: a["status"] for a in json.loads(gold_file.read_text(encoding="utf-8"))["assessments"]}
        for rid in sorted(gold):
            first.append(gold[rid])
            second.append(other.get(rid, "missing"))
            if first[-1] != second[-1]:
                disagreements.append({"report": f.stem, "requirement": rid, "gold": first[-1], "second": second[-1]})
        reports.append(f.stem)
    if not first:
        return None
    return {"reports": reports, "pairs": len(first),
            "accuracy": round(sum(a == b for a, b in zip(first, second)) / len(first), 4),
            "kappa": round(float(cohen_kappa_score(first, second)), 4), "disagreements": disagreements}


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
