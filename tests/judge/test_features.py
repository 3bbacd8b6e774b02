"""Features are built by name from one table (issue 16, point 7): the shipped model reads them by those names; passages
are ranked as a stable sort ranks them."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.judge.features import (FEATURES, PAIR_FEATURES, PAIR_TABLE, REQ_FEATURES, _descending, _recip_rank,
                                     top_passages)
from pipeline.match.retrieve import Unit, UnitScores
from pipeline.judge.model import load_model


def test_every_pair_feature_says_why_it_is_there():
    assert len(set(PAIR_FEATURES)) == len(PAIR_FEATURES)
    for name, compute, why in PAIR_TABLE:
        assert callable(compute) and len(why.split()) >= 3, name


def test_the_shipped_model_reads_the_features_by_their_names():
    model = load_model()
    assert tuple(model.relevance.features) == PAIR_FEATURES
    assert tuple(model.requirement.features) == REQ_FEATURES
    assert tuple(model.facet.features) == FEATURES


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([0.0, 1e-300, 0.1, 0.25, 1 / 3, 0.5, 0.7000000000000001, 0.7, 1.0])
                | st.floats(min_value=0.0, max_value=1.0), max_size=60),
       st.booleans(), st.sampled_from([1, 9, 23]))
def test_passages_are_ranked_as_a_stable_sort_ranks_them(scores, single, copies):
    """_recip_rank's order is the stable sort's: the best passage first, ties in document order; the scores repeated
    (ties in plenty) to reach the radix sort's lengths."""
    x = np.tile(np.array(scores, dtype=np.float32 if single else float), copies)
    reference = np.zeros(x.size)
    matched = np.flatnonzero(x > 0)
    reference[matched[np.argsort(-x[matched].astype(float), kind="stable")]] = 1.0 / np.arange(1, matched.size + 1)
    assert np.array_equal(_recip_rank(x), reference)
    if matched.size:
        assert np.array_equal(_descending(x[matched]), np.argsort(-x[matched].astype(float), kind="stable"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([0.0, 0.1, 0.35, 0.5, 0.9]) | st.floats(min_value=0.0, max_value=1.0), max_size=80),
       st.integers(min_value=1, max_value=6))
def test_the_top_passages_are_the_best_scores_ties_in_document_order(scores, k):
    """top_passages, which sorts only the passages scoring at least the (k+1)-th best, against a sort of them all."""
    r = np.array(scores, dtype=float)
    unit = Unit(requirement_id="r", facet=None, label="", query="q", focus="q", concepts=(), key_terms=())
    s = UnitScores(unit=unit, by_signal={}, fused=r, focus_coverage=np.zeros(r.size))
    assert top_passages(s, k) == sorted(range(r.size), key=lambda i: (-r[i], i))[:k]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.integers(min_value=0, max_value=2**32 - 1))
def test_the_relevance_model_scores_column_major_pair_features_as_row_major_ones(rows, seed):
    """Pair features come column-major (pair_features); the relevance probabilities are the same bits as for the
    row-major copy, and X is left as it was unless the caller lets the model overwrite it."""
    model = load_model().relevance
    rng = np.random.default_rng(seed)
    scale = rng.choice([1e-3, 1.0, 40.0], size=len(PAIR_FEATURES))
    X = np.asfortranarray(rng.random((rows, len(PAIR_FEATURES))) * scale)
    kept = X.copy(order="F")
    reference = model.predict_proba(np.ascontiguousarray(X))
    assert np.array_equal(model.predict_proba(X), reference)
    assert np.array_equal(X, kept)
    assert np.array_equal(model.predict_proba(X, overwrite=True), reference)
