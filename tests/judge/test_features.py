"""Features are built by name from one table (issue 16, point 7): the shipped model reads them by those names."""

from __future__ import annotations

from pipeline.judge.features import FEATURES, PAIR_FEATURES, PAIR_TABLE, REQ_FEATURES
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
