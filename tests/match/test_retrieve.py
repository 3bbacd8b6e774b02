"""Passages and retrieval: the fast matrix scoring agrees with a plain per-pair reference; substance cues fire."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.extract import extract
from pipeline.kb import load_kb
from pipeline.match.passages import make_passages
from pipeline.match.retrieve import Retriever, units_for
from pipeline.match.signals import text_signals
from pipeline.parse import parse_bytes

REPORT = """Progress report on WSIS
1\tAction Line C5
National CIRTs were set up in 12 countries in 2025 and the Global Cybersecurity Index was published.
The WSIS Forum 2026 was held in Geneva. See https://www.itu.int/wsis.
2\tResources
A breakdown of the resources spent is not yet available; it will be presented at a later session.
| Target | Value |
|---|---|
| Internet use | 68 per cent |
"""
MANDATE = """Resolution 1398 (2027)
instructs the Secretary-General
1\tto report on national CIRTs and on the Global Cybersecurity Index;
2\tto give the financial and human resources spent on WSIS activities;
3\tto describe the achievements and challenges of Action Lines C2 and C5.
"""


@pytest.fixture(scope="module")
def fitted():
    kb = load_kb()
    report = parse_bytes(REPORT.encode(), path="report.md")
    reqs = list(extract(parse_bytes(MANDATE.encode(), path="res.txt")).requirements)
    passages = make_passages(report)
    units = [u for r in reqs for u in units_for(r, kb)]
    return Retriever().fit(passages, units), reqs, passages


def test_passages_keep_rows_and_headings(fitted):
    _, _, passages = fitted
    kinds = [p.kind for p in passages]
    assert "table_row" in kinds and "heading" not in kinds
    cirt = next(p for p in passages if "CIRTs" in p.text)
    assert cirt.heading_trail == ("1 Action Line C5",)


def test_long_paragraphs_are_windowed():
    text = "Title\n" + " ".join(f"word{i}" for i in range(500)) + "\n"
    doc = parse_bytes(text.encode(), path="long.txt")
    windows = [p for p in make_passages(doc, max_words=180, overlap=40) if p.kind == "window"]
    assert len(windows) == 4
    assert all(doc.text[p.start:p.end] == p.text for p in windows)
    assert windows[1].text.split()[0] == "word140"  # 40 words of overlap


def _reference(retriever: Retriever, i: int) -> dict:
    """Per-pair definitions of the signals, written plainly."""
    focus = set(retriever.focus_signals_[i].lemmas)
    query = list(dict.fromkeys(retriever.unit_signals_[i].lemmas))
    idf = dict(zip(retriever.vectorizer_.get_feature_names_out(), retriever.vectorizer_.idf_))
    unit = retriever.units_[i]
    out = {"coverage": [], "idf": [], "kb": []}
    for sig in retriever.passage_signals_:
        words = set(sig.lemmas)
        out["coverage"].append(len(focus & words) / len(focus) if focus else 0.0)
        total = sum(idf[w] for w in query if w in idf)
        out["idf"].append(sum(idf[w] for w in query if w in idf and w in words) / total if total else 0.0)
        wanted = set(unit.concepts)
        out["kb"].append(len(wanted & set(sig.concepts)) / len(wanted) if wanted else 0.0)
    return out


def test_fast_scores_match_reference(fitted):
    retriever, _, _ = fitted
    for i in range(len(retriever.units_)):
        ref = _reference(retriever, i)
        s = retriever.score(i)
        np.testing.assert_allclose(s.focus_coverage, ref["coverage"], atol=1e-5)
        np.testing.assert_allclose(retriever.idf_coverage(i), ref["idf"], atol=1e-5)
        np.testing.assert_allclose(s.by_signal["kb"], ref["kb"], atol=1e-5)
        assert all(0.0 <= x <= 1.0 for x in s.fused)


def test_knowledge_base_links_topic_words_to_action_lines(fitted):
    retriever, reqs, passages = fitted
    c5 = next(i for i, u in enumerate(retriever.units_) if u.label == "C5")
    best = int(np.argmax(retriever.score(c5).by_signal["kb"]))
    assert "CIRTs" in passages[best].text  # never says "C5" in the passage itself, only the topic words


def test_substance_events_and_negation_cues():
    sub, events, neg = text_signals([
        "National CIRTs were set up in 12 countries in 2025; coverage rose to 68 per cent.",
        "The WSIS Forum 2026 was held in Geneva. See https://www.itu.int/wsis.",
        "No update of the roadmaps was prepared; data are not yet available.",
    ])
    assert sub.figures >= 2 and sub.outcomes >= 1 and sub.negations == 0
    assert events.events >= 2 and events.urls == 1 and events.outcomes == 0 and events.years == 1
    assert neg.negations >= 2
    # Dates and names such as WSIS+20 are not results: an event stays an event.
    forum, = text_signals(["The WSIS+20 Forum took place in Geneva from 27 to 31 May 2024; see https://x.org/2024."])
    assert forum.figures >= 2 and forum.measures == 0 and forum.events >= 1
    assert sub.measures >= 2


def test_a_bare_negation_is_told_from_a_result_with_a_gap():
    bare, mixed, deferred, lemma = text_signals([
        "There are no comparable figures on how many small firms are offline, and the secretariat has therefore not "
        "assessed the target.",
        "About 15 full-time-equivalent staff worked on WSIS in 2026; what that work cost is not booked separately "
        "and cannot yet be stated.",
        "The analysis has not yet been prepared; it will be submitted to the Group at a later meeting.",
        "Schools Are Connected",
    ])
    assert bare.negations and bare.bare_negation
    assert mixed.negations and not mixed.bare_negation  # the staff figure is an answer on one part
    assert deferred.bare_negation
    link, later, once = text_signals([
        "No update of the roadmaps was prepared for this draft; the roadmaps can be found at https://x.org/roadmaps.",
        "The budgetary implications have not been costed; a costing will follow in a separate note to a future session.",
        "Proposals on priority areas will be put to the Working Group once the review of indicators is complete.",
    ])
    # A link beside a negation, a costing promised for a future session, a proposal promised "once …": no answer.
    assert link.bare_negation and later.bare_negation and once.bare_negation
    promise, put_back, too_few, promised_figure = text_signals([
        "Spending on WSIS work is still not identified separately; a first breakdown will be submitted to the Council "
        "at its 2028 session.",
        "Publication of progress towards the Connect 2030 targets has been put back to 2028.",
        "No global estimate can be given: only 78 economies have collected comparable data, too few to say whether "
        "the target has been reached.",
        "What the work cost has not yet been compiled; the plan will connect 500 schools.",
    ])
    # What will be done is no answer beside what was not done (a promise to a later session, a date put back, data
    # too thin to say); a promise that carries a measure still counts as something said.
    assert promise.bare_negation and put_back.bare_negation and too_few.bare_negation
    assert not promised_figure.bare_negation
    # Capitalised words are lemmatised like the rest: a heading meets the requirement's words.
    assert lemma.lemmas == ("school", "connect")


def test_a_topic_shared_by_two_concepts_links_to_both():
    # "digital skills" is a topic of capacity building (C4) and of the Broadband Commission's skills target.
    sig, = text_signals(["ITU's Digital Skills Insights 2026 was launched at a side event of the WSIS Forum."])
    assert {"C4", "BBC-2025-4"} <= set(sig.concepts)


def test_a_wsis_instrument_is_known_by_the_names_reports_give_it():
    sig, other = text_signals(["The Stocktaking database gained 1,240 entries, and 14 projects won WSIS Prizes.",
                               "Stocktaking of the regional offices' stock was completed in March."])
    assert {"WSIS-STOCKTAKING", "WSIS-PRIZES"} <= set(sig.concepts)
    assert not {"WSIS-STOCKTAKING", "WSIS-PRIZES"} & set(other.concepts)


def test_an_evidence_profile_finds_the_answer_in_the_words_other_reports_used(fitted):
    retriever, _, passages = fitted
    # Lemmas that other annotated reports' answers used (say, for a target on Internet use); the requirement's own
    # words do not matter here.
    profile = {"internet": 3, "use": 2, "cent": 1}
    sim = retriever.profile_similarity(profile)
    best = int(np.argmax(sim))
    assert "Internet use" in passages[best].text and sim[best] > 0
    assert sim[[i for i, p in enumerate(passages) if "CIRTs" in p.text]].max() == 0
    # No profile, words this report never uses, or the signal switched off: zero everywhere.
    assert not retriever.profile_similarity(None).any()
    assert not retriever.profile_similarity({"esperanto": 4}).any()
    retriever.disabled = ("profile",)
    try:
        assert not retriever.profile_similarity(profile).any()
    finally:
        retriever.disabled = ()
