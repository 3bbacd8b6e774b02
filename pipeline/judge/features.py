"""Judge features: per (unit, passage) for relevance, per unit (a requirement or a facet), per requirement."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..match.retrieve import Retriever, UnitScores

TOP_K = 3
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
    """1/rank of each passage among the report's passages by x, best first, ties in document order; 0 where x is 0.

    Only the passages the signal matches are sorted: every passage ranked above a matched one is matched too, so
    their ranks are those of a sort of all passages."""
    out = np.zeros(x.size)
    positive = x > 0
    k = np.count_nonzero(positive)
    # A passage the signal does not match at all has no rank (else a switched-off signal would rank passages by
    # their position in the report, and the relevance model would learn that position).
    if not k:
        return out
    matched = None if k == x.size else np.flatnonzero(positive)  # the semantic signal matches nearly every passage
    order = _descending(x if matched is None else x[matched])
    out[order if matched is None else matched[order]] = _reciprocals(k)
    return out


# numpy's default sort of float64 and int64 is a sorting network on AVX-512 (x86-simd-sort), several times sooner
# than a stable sort but with ties in no particular order; the ties are then put back in document order by sorting
# (run of equal scores, passage) pairs packed in one integer. On the benchmark audit's rankings (3,679 passages, ties
# in plenty: its paragraphs repeat) 68 against 98 us a ranking for the radix sort of round 5 (docs/history.md);
# without AVX-512 numpy's introsort does the same, as exactly. Below FAST_SORT_MIN scores the merge sort stays (0.006 ms
# for 400).
FAST_SORT_MIN = 512


def _descending(x: np.ndarray) -> np.ndarray:
    """The order of positive scores x from the highest down, ties in document order: np.argsort(-x, kind="stable"),
    as an unstable sort whose runs of equal scores are then ordered by position when there are many scores."""
    if x.size < FAST_SORT_MIN:
        return np.argsort(-x, kind="stable")
    order = np.argsort(-x)
    ranked = x[order]
    tied = ranked[1:] == ranked[:-1]
    if not tied.any():
        return order
    run = np.zeros(x.size, dtype=np.int64)  # the number of each run of equal scores, from the best down
    np.cumsum(~tied, out=run[1:])
    bits = (x.size - 1).bit_length()
    return np.sort((run << bits) | order) & ((1 << bits) - 1)


_RECIPROCALS = np.zeros(0)


def _reciprocals(k: int) -> np.ndarray:
    """1/1, 1/2, ..., 1/k (each the same division as ever), kept for the next unit: five rankings a unit."""
    global _RECIPROCALS
    if _RECIPROCALS.size < k:
        _RECIPROCALS = 1.0 / np.arange(1, max(k, 2 * _RECIPROCALS.size) + 1, dtype=float)
    return _RECIPROCALS[:k]


def _share(x: np.ndarray) -> np.ndarray:
    """Each passage's score relative to the best passage for the same unit."""
    top = x.max() if x.size else 0.0
    return x / top if top > 0 else np.zeros_like(x)


def _margin(x: np.ndarray) -> np.ndarray:
    """How far each passage stands above (or below) the best of the others: a clear winner is evidence."""
    if x.size < 2:
        return x.copy()
    j = int(np.argmax(x))
    best = x[j]
    second = max(x[:j].max(initial=-np.inf), x[j + 1:].max(initial=-np.inf))  # the best of the others
    return np.where(x >= best, x - second, x - best)


@dataclass(frozen=True, slots=True)
class PairContext:
    """What the pair features of one unit are computed from: its scores over every passage of the report.

    `memo` holds what does not depend on the signals switched off (`off`): the evidence ranking and the status
    ranking of one unit share it, so each of those columns is read and sorted once."""

    retriever: Retriever
    index: int
    scores: UnitScores
    profile: dict[str, int] | None
    distractor: dict[str, int] | None
    off: frozenset = frozenset()
    memo: dict = field(default_factory=dict)

    @property
    def sig(self) -> dict:
        return self.scores.by_signal

    def once(self, key, compute: Callable[[], np.ndarray]) -> np.ndarray:
        """compute(), remembered under key for this unit."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]

    def rank(self, signal: str) -> np.ndarray:
        """_recip_rank of one retrieval signal (zero when it is switched off)."""
        if signal in self.off:
            return np.zeros(self.sig[signal].size)
        return self.once(("rank", signal), lambda: _recip_rank(self.sig[signal]))

    def column(self, name: str) -> np.ndarray:
        """A per-unit column of the retriever that no switched-off signal changes (idf, bigram, headings)."""
        return self.once(name, lambda: getattr(self.retriever, name)(self.index))

    def similarity(self, counts: dict[str, int] | None) -> np.ndarray:
        """Retriever.profile_similarity, once per profile."""
        return self.once(("profile", id(counts)), lambda: self.retriever.profile_similarity(counts))


# Does this passage address this unit? One row per (unit, passage); the learned fusion of the signals. Each feature
# is built by name from this table: (name, how it is computed, why it is there). The order is the model's column
# order (model.json stores the names and loading checks them).
PAIR_TABLE: tuple[tuple[str, Callable[[PairContext], np.ndarray], str], ...] = (
    ("lexical", lambda c: c.sig["lexical"], "TF-IDF cosine on lemmas: shared words"),
    ("semantic", lambda c: c.sig["semantic"], "LSA (or embedding) cosine: shared topic without shared words"),
    ("kb", lambda c: c.sig["kb"], "knowledge-base concepts in common (Action Lines, targets, instruments)"),
    ("fuzzy", lambda c: c.sig["fuzzy"], "rapidfuzz on key terms: codes, names and titles despite spelling"),
    ("coverage", lambda c: c.scores.focus_coverage, "share of the facet's own lemmas in the passage"),
    ("heading_overlap", lambda c: c.column("heading_overlap"), "the passage's heading names the unit"),
    ("lexical_rank", lambda c: c.rank("lexical"), "rank among the report's passages, not the raw cosine"),
    ("semantic_rank", lambda c: c.rank("semantic"), "the same for the semantic signal"),
    ("fused", lambda c: c.scores.fused, "the hand-set fusion of the four signals"),
    ("fused_rank", lambda c: _recip_rank(c.scores.fused), "rank of the fused score among the passages"),
    ("log_words", lambda c: c.retriever.log_words_, "passage length: long passages match everything a little"),
    ("idf_coverage", lambda c: c.column("idf_coverage"), "rare words of the unit found in the passage"),
    ("bigram_coverage", lambda c: c.column("bigram_coverage"), "the unit's word pairs kept together"),
    ("idf_coverage_rank", lambda c: c.once("idf_rank", lambda: _recip_rank(c.column("idf_coverage"))),
     "rank of the rare-word coverage"),
    ("fused_share", lambda c: _share(c.scores.fused), "relative to the best passage for the same unit"),
    ("fused_margin", lambda c: _margin(c.scores.fused), "a clear winner is evidence; one of many is not"),
    ("idf_share", lambda c: c.once("idf_share", lambda: _share(c.column("idf_coverage"))),
     "rare-word coverage relative to the best"),
    ("heading_share", lambda c: c.column("heading_share"), "heading match relative to the best"),
    ("profile", lambda c: c.similarity(c.profile),
     "likeness to the words other reports answered this requirement with (known requirements only)"),
    ("distractor_profile", lambda c: c.similarity(c.distractor),
     "likeness to passages that looked like answers elsewhere and were not"),
)
PAIR_FEATURES = tuple(name for name, _, _ in PAIR_TABLE)


def pair_features(retriever: Retriever, index: int, scores: UnitScores, profile: dict[str, int] | None = None,
                  distractor: dict[str, int] | None = None, *, off: tuple[str, ...] = (),
                  memo: dict | None = None) -> np.ndarray:
    """Rows of PAIR_FEATURES, one per passage of the report, built by name from PAIR_TABLE. `profile` and
    `distractor`: the unit's evidence and distractor profiles, if the judge has them (JudgeModel.profile_for,
    distractor_for). `off`: the signals `scores` was computed without; `memo`: shared by the calls for one unit."""
    n = len(retriever.passages_)
    if n == 0:
        return np.zeros((0, len(PAIR_FEATURES)))
    ctx = PairContext(retriever, index, scores, profile, distractor, frozenset(off), {} if memo is None else memo)
    # Column-major: each feature's column is written in one contiguous loop (0.09 -> 0.02 ms a unit against
    # row-major, 3,679 passages), and the relevance model standardises and multiplies it as it is (LinearModel.logits).
    X = np.empty((len(PAIR_TABLE), n)).T
    for j, (_, compute, _) in enumerate(PAIR_TABLE):
        X[:, j] = compute(ctx)
    return X


def top_passages(scores: UnitScores, k: int = TOP_K) -> list[int]:
    """Indices of the k best passages (by learned relevance when known), ties by position: deterministic. The first
    k of the passages in that order, so the first TOP_K of top_passages(scores, 5) are top_passages(scores)."""
    r = scores.ranking
    if r.size == 0:
        return []
    if r.size > 4 * k:  # only the k best need sorting: those scoring at least the (k+1)-th best score
        threshold = np.partition(r, r.size - k - 1)[r.size - k - 1]  # a value, not its index: sooner found
        cand = np.flatnonzero(r >= threshold)
    else:
        cand = np.arange(r.size)
    order = cand[np.lexsort((cand, -r[cand]))]
    return [int(i) for i in order[:k]]


def unit_features(retriever: Retriever, scores: UnitScores, facet_prior: dict[str, int] | None = None, *,
                  top: list[int] | None = None) -> np.ndarray:
    """The feature vector named by FEATURES. `facet_prior`: for a facet, how annotated reports left it
    (JudgeModel.facet_prior_for). `top`: top_passages(scores) when already known (its first TOP_K of more)."""
    top = top_passages(scores) if top is None else top[:TOP_K]
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


def actor_named(retriever: Retriever, scores: UnitScores, actor: str | None, *, top: list[int] | None = None) -> bool:
    """Does one of the top passages name the requirement's actor (either of a pair such as SG and Directors)?
    `top`: top_passages(scores) when already known (its first TOP_K of more)."""
    if actor is None:
        return False
    parts = {a.strip() for a in actor.replace(" and Directors", "|Directors").replace(" and Sector", "|Sector")
             .split("|")}
    top = top_passages(scores) if top is None else top[:TOP_K]
    return any(parts & set(retriever.passage_signals_[i].actors) for i in top)


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
    fi = {n: i for i, n in enumerate(FEATURES)}
    # Every feature by name; the vector follows REQ_FEATURES, so a renamed or reordered feature fails loudly.
    f = {f"req_{n}": float(unit_vec[i]) for n, i in fi.items() if n not in UNIT_ONLY}
    r = scores.ranking
    f["rel_gap"] = float(r.max() - np.median(r)) if r.size else 0.0  # one passage far above the rest
    F = np.array(facet_vecs) if facet_vecs else None
    f["facets_log"] = float(np.log1p(len(facet_vecs)))  # how compound the requirement is
    f["facets_found"] = float((F[:, fi["rel_1"]] >= FACET_FOUND).mean()) if F is not None else 0.0  # parts answered
    f["facets_min_rel"] = float(F[:, fi["rel_1"]].min()) if F is not None else 0.0  # the least answered part
    f["facets_mean_coverage"] = float(F[:, fi["coverage_best"]].mean()) if F is not None else 0.0
    f["facets_negation"] = float(F[:, fi["negation_best"]].mean()) if F is not None else 0.0  # parts said not done
    f["other_actor"] = float(other_actor)  # silence on another actor's task is a manual check, not a gap
    f["is_target"] = float(kind == "target")  # targets are judged by progress, never by the actor rule
    f["is_expectation"] = float(kind == "expectation")
    f["actor_named_top"] = float(actor_in_top)
    f["other_actor_unnamed"] = float(other_actor and not actor_in_top)
    f["prior_touched"], f["prior_substance"], f["prior_manual"] = prior_features(prior)  # known requirements only
    return np.array([f[n] for n in REQ_FEATURES], dtype=float)
