"""The cue counts and searches read lowered text where that finds what IGNORECASE finds on the text
(signals._counter, signals.searcher)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.match import signals
from pipeline.judge.reading import READING_CASELESS
from pipeline.match.signals import CASELESS, _counter, _lowers_plainly, searcher

PHRASES = ["Not yet", "NO UPDATE was", "Were NOT", "Connected", "RESULTS", "Challenges", "a Workshop was HELD",
           "took place", "Web Page", "Kelvin \u212a", "\u017ftill", "\u0130STANBUL", "Stra\u00dfe", "\u03a3\u039f\u03a3",
           "r\u00e9sultats", "\u2013", "2026", " ", ".", ";", "delayed", "Postponed", "Pending", "see",
           "The Council REQUESTED the secretariat to", "Will Launch", "is Planned for", "has Trained",
           "Resolution 1334 instructs"]


def test_no_character_that_lowers_plainly_matches_an_ascii_letter_ignoring_case():
    """Checked over every code point: the premise of reading lowered text."""
    plain = "".join(ch for ch in map(chr, range(0x80, 0x110000)) if _lowers_plainly(ch))
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789":
        assert re.search(letter, plain, re.IGNORECASE) is None, letter
    assert not _lowers_plainly("\u212a") and not _lowers_plainly("\u017f") and not _lowers_plainly("\u0130")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=6)), max_size=12))
def test_counts_on_lowered_text_are_the_counts_ignoring_case(parts):
    text = " ".join(parts)
    count = _counter(text)
    for rx in CASELESS:
        assert count(rx) == len(rx.findall(text))


def test_every_caseless_pattern_is_a_cue_pattern_of_the_module():
    assert all(any(rx is getattr(signals, name) for name in dir(signals)) and rx.flags & re.IGNORECASE
               for rx in CASELESS)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PHRASES), st.text(max_size=6)), max_size=12))
def test_searches_on_lowered_text_find_what_ignoring_case_finds_where_it_finds_it(parts):
    """The passage signals' and the sentence readings' patterns (judge/reading.py): the same first match, at the
    same place."""
    text = " ".join(parts)
    search = searcher(text, READING_CASELESS)
    for rx in READING_CASELESS:
        found, expected = search(rx), rx.search(text)
        assert (found and found.span()) == (expected and expected.span())
