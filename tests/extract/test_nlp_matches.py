"""The alias matchers keep the matches spaCy's filter_spans keeps, without making a Span of every match."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.nlp import _longest

_NLP = spacy.blank("en")
_DOC = _NLP.make_doc(" ".join(f"w{i}" for i in range(30)))

matches = st.lists(st.tuples(st.integers(1, 4), st.integers(0, 29), st.integers(1, 6))
                   .map(lambda t: (t[0], t[1], min(30, t[1] + t[2]))), max_size=25)


@settings(max_examples=300, deadline=None)
@given(matches)
def test_longest_is_filter_spans(found):
    spans = [spacy.tokens.Span(_DOC, s, e, label=label) for label, s, e in found]
    expected = [(sp.label, sp.start, sp.end) for sp in spacy.util.filter_spans(spans)]
    assert _longest(found) == expected
