"""Judge features: per (unit, passage) for relevance, per unit (a requirement or a facet), per requirement."""

from __future__ import annotations

import numpy as np

from ..match.retrieve import Retriever, UnitScores

TOP_K = 3
# Does this passage address this unit? One row per (unit, passage); the learned fusion of the four signals.
PAIR_FEATURES = (
    "lexical", "semantic", "kb", "fuzzy", "coverage", "heading_overlap", "lexical_rank", "semantic_rank",
    "fused", "fused_rank", "log_words", "idf_coverage", "bigram_coverage", "idf_coverage_rank",
    "fused_share", "fused_margin", "idf_share", "heading_share", "profile", "distractor_profile",
)
FEATURES = (
    "rel_1", "rel_2", "rel_3", "rel_sum", "lexical_max", "semantic_max", "kb_max", "fuzzy_max",
    "coverage_best", "coverage_top", "coverage_any", "strong_passages",
    "figures_best", "outcomes_best", "challenges_best", "events_share_best", "urls_best", "negation_best",
    "substance_top", "negation_top", "events_only_top", "bare_negation_best", "affirmed_rel_1",
    "mixed_negation_top", "is_facet", "has_concepts", "facet_prior_touched", "facet_prior_substance",
)
# Features of a facet's unit that the requirement model does not read.
UNIT_ONLY = ("is_facet", "has_concepts", "facet_prior_touched", "facet_prior_substance")
# A requirement is judged on its whole-text unit plus what its facets found.
REQ_FEATURES = tuple(f"req_{n}" for n in FEATURES if n not in UNIT_ONLY) + (
    "rel_gap", "facets_log", "facets_found", "facets_min_rel", "facets_mean_coverage", "facets_negation",
    "other_actor", "is_target", "is_expectation", "actor_named_top", "other_actor_unnamed",
    "prior_touched", "prior_substance", "prior_manual",
)
FACET_FOUND = 0.5  # a facet counts as found when its best passage is more likely relevant than not
# The status prior's pseudo-count: one report that goes either way on each of the three questions (prior_features).
PRIOR_WEIGHT = 1.0


def _recip_rank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(-x, kind="stable")  # ties keep document order
    ranks = np.empty(x.size)
    ranks[order] = np.arange(1, x.size + 1)
    # A passage the signal does not match at all has no rank (else a switched-off signal would rank passages by
    # their position in the report, and the relevance model would learn that position).
    return np.where(x > 0, 1.0 / ranks, 0.0)


def _share(x: np.ndarray) -> np.ndarray:
    """Each passage's score relative to the best passage for the same unit."""
    top = x.max() if x.size else 0.0
    return x / top if top > 0 else np.zeros_like(x)


def _margin(x: np.ndarray) -> np.ndarray:
    """How far each passage stands above (or below) the best of the others: a clear winner is evidence."""
    if x.size < 2:
        return x.copy()
    order = np.sort(x)
    best, second = order[-1], order[-2]
    return np.where(x >= best, x - second, x - best)


def pair_features(retriever: Retriever, index: int, scores: UnitScores, profile: dict[str, int] | None = None,
                  distractor: dict[str, int] | None = None) -> np.ndarray:
    """Rows of PAIR_FEATURES, one per passage of the report. `profile` and `distractor`: the unit's evidence and
    distractor profiles, if the judge has them (JudgeModel.profile_for, distractor_for)."""
    n = len(retriever.passages_)
    if n == 0:
        return np.zeros((0, len(PAIR_FEATURES)))
    sig = scores.by_signal
    words = retriever.log_words_
    idf_cov = retriever.idf_coverage(index)
    fused = scores.fused
    cols = [sig["lexical"], sig["semantic"], sig["kb"], sig["fuzzy"], scores.focus_coverage,
            retriever.heading_overlap(index), _recip_rank(sig["lexical"]), _recip_rank(sig["semantic"]),
            scores.fused, _recip_rank(scores.fused), words, idf_cov, retriever.bigram_coverage(index),
            _recip_rank(idf_cov), _share(fused), _margin(fused), _share(idf_cov), retriever.heading_share(index),
            retriever.profile_similarity(profile), retriever.profile_similarity(distractor)]
    return np.column_stack(cols)


def top_passages(scores: UnitScores, k: int = TOP_K) -> list[int]:
    """Indices of the k best passages (by learned relevance when known), ties by position: deterministic."""
    r = scores.ranking
    if r.size == 0:
        return []
    if r.size > 4 * k:  # only the k best need sorting
        cand = np.argpartition(-r, k)[: k + 1]
        threshold = r[cand].min()
        cand = np.flatnonzero(r >= threshold)
    else:
        cand = np.arange(r.size)
    order = cand[np.lexsort((cand, -r[cand]))]
    return [int(i) for i in order[:k]]


def unit_features(retriever: Retriever, scores: UnitScores, facet_prior: dict[str, int] | None = None) -> np.ndarray:
    """The feature vector named by FEATURES. `facet_prior`: for a facet, how annotated reports left it
    (JudgeModel.facet_prior_for)."""
    top = top_passages(scores)
    f = dict.fromkeys(FEATURES, 0.0)
    rank = scores.ranking
    rel = [float(rank[i]) for i in top] + [0.0] * TOP_K
    f["rel_1"], f["rel_2"], f["rel_3"] = rel[:3]
    f["rel_sum"] = min(3.0, float(rank.sum())) / 3 if rank.size else 0.0
    if top:
        for name in ("lexical", "semantic", "kb", "fuzzy"):
            f[f"{name}_max"] = float(max(scores.by_signal[name][i] for i in top))
        f["coverage_best"] = float(scores.focus_coverage[top[0]])
        f["coverage_top"] = float(max(scores.focus_coverage[i] for i in top))
        f["coverage_any"] = float(scores.focus_coverage.max())
        f["strong_passages"] = min(5, int((rank > 0.5).sum())) / 5
        best = retriever.passage_signals_[top[0]]
        f["figures_best"] = min(best.figures, 3) / 3
        f["outcomes_best"] = min(best.outcomes, 3) / 3
        f["challenges_best"] = float(best.challenges > 0)
        f["events_share_best"] = best.events / (best.events + best.outcomes + best.measures + 1)
        f["urls_best"] = float(best.urls > 0)
        f["negation_best"] = float(best.negations > 0)
        # The best passage's relevance, unless all it says is that the thing was not done.
        f["bare_negation_best"] = float(best.bare_negation)
        f["affirmed_rel_1"] = 0.0 if best.bare_negation else f["rel_1"]
        sigs = [retriever.passage_signals_[i] for i in top]
        weights = [float(rank[i]) for i in top]
        # A passage near the top that gives something and says another part was not done: at most partial.
        f["mixed_negation_top"] = max(float(s.negations > 0 and not s.bare_negation) * w for s, w in zip(sigs, weights))
        f["substance_top"] = max(min(s.figures + s.outcomes + s.challenges, 4) / 4 * w for s, w in zip(sigs, weights))
        f["negation_top"] = max(float(s.negations > 0) * w for s, w in zip(sigs, weights))
        # Events and links with no result: dates do not count as figures here.
        f["events_only_top"] = max(float((s.events or s.urls) and not (s.measures + s.outcomes + s.challenges)) * w
                                   for s, w in zip(sigs, weights))
    f["is_facet"] = float(scores.unit.facet is not None)
    f["has_concepts"] = float(bool(scores.unit.concepts))
    f["facet_prior_touched"], f["facet_prior_substance"] = prior_features(facet_prior)[:2]
    return np.array([f[n] for n in FEATURES], dtype=float)


def actor_named(retriever: Retriever, scores: UnitScores, actor: str) -> bool:
    """Does one of the top passages name the requirement's actor (either of a pair such as SG and Directors)?"""
    parts = {a.strip() for a in actor.replace(" and Directors", "|Directors").replace(" and Sector", "|Sector")
             .split("|")}
    return any(parts & set(retriever.passage_signals_[i].actors) for i in top_passages(scores))


def prior_features(counts: dict[str, int] | None) -> list[float]:
    """The status prior as the staged model's three questions: of the annotated reports that judged this
    requirement, the share that touched it; of those, the share that addressed it; of the others, the share left
    to a manual check. Smoothed towards one half; a requirement no report judged gets one half on each."""
    c = counts or {}
    a = PRIOR_WEIGHT

    def share(yes: tuple[str, ...], of: tuple[str, ...]) -> float:
        return (sum(c.get(k, 0) for k in yes) + a / 2) / (sum(c.get(k, 0) for k in of) + a)

    return [share(("addressed", "partial"), ("addressed", "partial", "not_addressed", "manual_check")),
            share(("addressed",), ("addressed", "partial")),
            share(("manual_check",), ("not_addressed", "manual_check"))]


def requirement_features(unit_vec: np.ndarray, scores: UnitScores, facet_vecs: list[np.ndarray], *,
                         other_actor: bool, kind: str, actor_in_top: bool = False,
                         prior: dict[str, int] | None = None) -> np.ndarray:
    """The whole requirement's unit features, aggregates over its facets, who it is addressed to, and its status
    prior (how annotated reports left it; JudgeModel.prior_for)."""
    keep = [i for i, n in enumerate(FEATURES) if n not in UNIT_ONLY]
    base = list(unit_vec[keep])
    r = scores.ranking
    gap = float(r.max() - np.median(r)) if r.size else 0.0
    fi = {n: i for i, n in enumerate(FEATURES)}
    if facet_vecs:
        F = np.array(facet_vecs)
        agg = [np.log1p(len(facet_vecs)), float((F[:, fi["rel_1"]] >= FACET_FOUND).mean()),
               float(F[:, fi["rel_1"]].min()), float(F[:, fi["coverage_best"]].mean()),
               float(F[:, fi["negation_best"]].mean())]
    else:
        agg = [0.0, 0.0, 0.0, 0.0, 0.0]
    flags = [float(other_actor), float(kind == "target"), float(kind == "expectation"), float(actor_in_top),
             float(other_actor and not actor_in_top)]
    return np.array(base + [gap] + agg + flags + prior_features(prior), dtype=float)
