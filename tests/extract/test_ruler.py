"""The attribute ruler that finds each kind of token's rules once gives every token what spaCy's own ruler gives."""

from __future__ import annotations

from functools import lru_cache

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.extract.nlp import MODEL_NAMES, english
from pipeline.extract.ruler import MemoAttributeRuler


@lru_cache(maxsize=1)
def spacy_own():
    """The same English model with spaCy's AttributeRuler."""
    for name in MODEL_NAMES:
        try:
            return spacy.load(name, exclude=["ner"])
        except OSError:
            continue
    pytest.skip("the English spaCy model is not installed")


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_the_model_runs_the_memo_ruler():
    assert type(english().get_pipe("attribute_ruler")) is MemoAttributeRuler


@pytest.mark.parametrize("text", [
    "instructs the Secretary-General to report annually to the Council on the implementation of this resolution;",
    "There is a need to act, and there are gaps that we did not close.",  # "there is": a two-token rule
    "I ain't gonna do it, y'all; let's go, we gotta run, c'mon.",  # the other two-token rules
    "Nothin' doin' for 'em, ol' friend: he'll have had it, she'd said it gets got.",
    "  two  spaces\n\nand a blank line\tthen a tab",
    "It was not done; I gave it to you and you to me, and it to it.",
])
def test_same_attributes_as_spacy(text):
    assert annotations(english()(text)) == annotations(spacy_own()(text))


WORDS = ["the", "Council", "shall", "report", "there", "is", "are", "it", "I", "you", "me", "not", "n't", "do",
         "does", "did", "have", "had", "'s", "'d", "gon", "na", "let", "that", "which", "this", "ai", "y'", "all",
         "to", "be", "been", "being", "once", "well", "here", ",", ";", ".", "\n", "  ", "2026", "ITU-D", "Member"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_same_attributes_on_any_word_sequence(words):
    text = " ".join(words)
    assert annotations(english()(text)) == annotations(spacy_own()(text))
