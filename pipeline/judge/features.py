"""Judge features for one unit (a requirement or a facet) from its retrieval scores and the passages' substance."""

from __future__ import annotations

import numpy as np

from ..match.retrieve import Retriever, UnitScores

TOP_K = 3
FEATURES = (
    "fused_1", "fused_2", "fused_3", "lexical_max", "semantic_max", "kb_max", "fuzzy_max",
    "coverage_best", "coverage_top", "coverage_any", "strong_passages",
    "figures_best", "outcomes_best", "challenges_best", "events_share_best", "urls_best", "negation_best",
    "substance_top", "negation_top", "is_facet", "has_concepts",
)


# A requirement is judged on its whole-text unit plus what its facets found.
REQ_FEATURES = tuple(f"req_{n}" for n in FEATURES if n not in ("is_facet", "has_concepts")) + (
    "fused_gap", "facets_log", "facets_found", "facets_min_fused", "facets_mean_coverage", "facets_negation",
    "other_actor", "is_target", "is_expectation",
)
FACET_FOUND = 0.25  # a facet counts as found when its best passage reaches this fused score (corpus median)


def requirement_features(unit_vec: np.ndarray, scores: UnitScores, facet_vecs: list[np.ndarray], *,
                         other_actor: bool, kind: str) -> np.ndarray:
    """The whole requirement's unit features, aggregates over its facets, and who it is addressed to."""
    keep = [i for i, n in enumerate(FEATURES) if n not in ("is_facet", "has_concepts")]
    base = list(unit_vec[keep])
    fused = scores.fused
    gap = float(fused.max() - np.median(fused)) if fused.size else 0.0
    fi = {n: i for i, n in enumerate(FEATURES)}
    if facet_vecs:
        F = np.array(facet_vecs)
        agg = [np.log1p(len(facet_vecs)), float((F[:, fi["fused_1"]] >= FACET_FOUND).mean()),
               float(F[:, fi["fused_1"]].min()), float(F[:, fi["coverage_best"]].mean()),
               float(F[:, fi["negation_best"]].mean())]
    else:
        agg = [0.0, 0.0, 0.0, 0.0, 0.0]
    flags = [float(other_actor), float(kind == "target"), float(kind == "expectation")]
    return np.array(base + [gap] + agg + flags, dtype=float)


def top_passages(scores: UnitScores, k: int = TOP_K) -> list[int]:
    """Indices of the k best passages by fused score (ties by position: deterministic)."""
    if scores.fused.size == 0:
        return []
    order = np.lexsort((np.arange(scores.fused.size), -scores.fused))
    return [int(i) for i in order[:k]]


def unit_features(retriever: Retriever, index: int, scores: UnitScores) -> np.ndarray:
    """The feature vector named by FEATURES."""
    top = top_passages(scores)
    f = dict.fromkeys(FEATURES, 0.0)
    fused = [float(scores.fused[i]) for i in top] + [0.0] * TOP_K
    f["fused_1"], f["fused_2"], f["fused_3"] = fused[:3]
    if top:
        for name in ("lexical", "semantic", "kb", "fuzzy"):
            f[f"{name}_max"] = float(max(scores.by_signal[name][i] for i in top))
        f["coverage_best"] = float(scores.focus_coverage[top[0]])
        f["coverage_top"] = float(max(scores.focus_coverage[i] for i in top))
        f["coverage_any"] = float(scores.focus_coverage.max())
        f["strong_passages"] = min(5, int((scores.fused > 0.3).sum())) / 5
        best = retriever.passage_signals_[top[0]]
        f["figures_best"] = min(best.figures, 3) / 3
        f["outcomes_best"] = min(best.outcomes, 3) / 3
        f["challenges_best"] = float(best.challenges > 0)
        f["events_share_best"] = best.events / (best.events + best.outcomes + best.figures + 1)
        f["urls_best"] = float(best.urls > 0)
        f["negation_best"] = float(best.negations > 0)
        sigs = [retriever.passage_signals_[i] for i in top]
        f["substance_top"] = max(min(s.figures + s.outcomes + s.challenges, 4) / 4 * float(scores.fused[i])
                                 for s, i in zip(sigs, top))
        f["negation_top"] = float(any(s.negations for s in sigs))
    f["is_facet"] = float(scores.unit.facet is not None)
    f["has_concepts"] = float(bool(scores.unit.concepts))
    return np.array([f[n] for n in FEATURES], dtype=float)
