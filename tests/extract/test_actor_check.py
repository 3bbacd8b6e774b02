"""The actor check: a name the trained check doubts is shown as a guess, never as who must act, and never replaced."""

from __future__ import annotations

import json
import pickle

import pytest

from pipeline.errors import ArtifactError
from pipeline.extract import extract
from pipeline.extract.actor_check import ACTOR_CHECK_DIR, ActorCheck, load_actor_check
from pipeline.extract.extractor import check_actors, read_requirements
from pipeline.judge.assess import acting, addressee_words, may_be_manual
from pipeline.kb import load_kb
from pipeline.learn.actor_check import COST_WRONG_SHOWN, THRESHOLD
from pipeline.parse import parse_bytes
from pipeline.report.csv_report import csv_rows
from pipeline.report.markdown import actor_text

RESOLUTION = """Resolution 1511 (Mod. 2027)
Digital skills for the Summit follow-up
The ITU Council,
considering that the regions asked for help with digital skills,
instructs the Secretary-General
1 to prepare a programme of digital skills courses for the regions;
2 to report to Council each year on its results;
invites Member States
1 to nominate national focal points for the programme;
2 to share their national digital skills plans with the secretariat.
"""

# Texts whose names the shipped check doubts in part (a meeting's run-on action points, a Council decision's first
# item): it may doubt a name, and must never put another in its place. (Which names it doubts follows the trained
# weights; the test asks that it doubts some, and what a doubt may do.)
FORUM = """Report of the regional workshop on digital skills
III. Action points
The following action points were agreed: (a) ITU and UNESCO to publish, by June 2028, a list of the skills programmes \
of the region; (b) a training week for teachers in Spanish, with ITU as organizer; (c) a regional survey of skills in \
2028, led by ITU, with a chapter on gender.
"""
DECISION = """The Council,
decides
(a) to establish an Expert Group on Digital Skills, open to experts of Member States;
(b) that the Expert Group shall:
(i) hold its first meeting before the end of 2028;
(ii) work in English;
(c) that the Expert Group shall base its proposals on existing surveys;
"""


def _doc(text: str):
    return parse_bytes(text.encode("utf-8"), path="doc.txt")


def test_a_name_the_check_doubts_is_a_guess_with_a_warning():
    reqs, warnings, feats = read_requirements(_doc(RESOLUTION))
    assert [(r.source.label, r.actor) for r in reqs] == [("1", "Secretary-General"), ("2", "Secretary-General"),
                                                          ("1", "Member States"), ("2", "Member States")]
    # A check that doubts every invitation, and nothing else
    doubting = ActorCheck(weights={"kind=invitation": 40.0}, bias=-20.0, threshold=0.5)
    checked = check_actors(reqs, feats, warnings, doubting)
    assert [(r.actor, r.actor_guess) for r in checked] == [
        ("Secretary-General", None), ("Secretary-General", None), (None, "Member States"), (None, "Member States")]
    assert warnings[-1] == ("2 requirement(s) name who must act in a way our rules often misread (1 ('Member "
                            "States'), 2 ('Member States')): actor unknown, with the rules' name as a guess "
                            "(actor_guess); check who is meant")
    # Everything else about the requirement is as the rules read it
    assert [(r.text, r.kind, r.source) for r in checked] == [(r.text, r.kind, r.source) for r in reqs]


def test_a_check_that_doubts_nothing_changes_nothing_and_warns_nothing():
    reqs, warnings, feats = read_requirements(_doc(RESOLUTION))
    before = list(warnings)
    sure = ActorCheck(weights={}, bias=-20.0, threshold=0.5)
    assert check_actors(reqs, feats, warnings, sure) == reqs
    assert warnings == before


def test_the_shipped_check_only_ever_turns_the_rules_name_into_a_guess():
    guesses = 0
    for text in (RESOLUTION, FORUM, DECISION):
        rules = extract(_doc(text), actor_check=False).requirements
        result = extract(_doc(text))
        checked = result.requirements
        assert [r.id for r in checked] == [r.id for r in rules]
        for a, b in zip(rules, checked):
            assert b.actor in (a.actor, None)
            assert (b.actor or b.actor_guess) == a.actor  # the name is shown, as who acts or as a guess
            assert b.actor_guess is None or b.actor is None
        doubted = [b for b in checked if b.actor_guess]
        guesses += len(doubted)
        if doubted:
            assert any("with the rules' name as a guess (actor_guess)" in w for w in result.warnings)
    assert guesses > 0
    assert [(r.source.label, r.actor) for r in extract(_doc(RESOLUTION)).requirements][:2] == [
        ("1", "Secretary-General"), ("2", "Secretary-General")]  # a chapeau's name it trusts


def test_only_names_the_rules_gave_are_checked():
    """A requirement with no actor (no chapeau in the text, or read by the asks model) has no features to check."""
    text = "(b) to publish the results on the website;\n(c) to report to the next session.\n"
    reqs, _, feats = read_requirements(_doc(text))
    assert reqs and all(r.actor is None for r in reqs)
    assert feats == [None] * len(reqs)


def test_the_features_are_plain_and_picklable():
    _, _, feats = read_requirements(_doc(DECISION))
    named = [f for f in feats if f is not None]
    assert named
    for f in named:
        assert all(isinstance(k, str) and isinstance(v, float) for k, v in f.items())
        assert any(k.startswith("rule=") for k in f) and any(k.startswith("kind=") for k in f)
    assert pickle.loads(pickle.dumps(feats)) == feats


def test_the_shipped_threshold_is_the_stated_cost():
    check = load_actor_check()
    meta = json.loads((ACTOR_CHECK_DIR / "meta.json").read_text(encoding="utf-8"))
    assert check.threshold == meta["threshold"] == THRESHOLD == round(1 / (1 + COST_WRONG_SHOWN), 4)
    assert meta["cost_wrong_shown"] == COST_WRONG_SHOWN
    # The card states the cross-validated figures at that threshold
    shipped = next(f for f in meta["cross_validated"] if f["threshold"] == meta["threshold"])
    card = (ACTOR_CHECK_DIR / "README.md").read_text(encoding="utf-8")
    assert f"| {meta['threshold']} (shipped) | {shipped['caught']} of {shipped['wrong']}" in card


def test_an_unreadable_check_model_says_what_to_do(tmp_path):
    (tmp_path / "model.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ArtifactError) as e:
        load_actor_check(str(tmp_path))
    assert str(tmp_path / "model.json") in str(e.value)
    assert "wsis-audit train actor-check" in e.value.hint


def _record(actor, guess):
    return {"id": "req-1", "source": {"document": "corpora/mandates/res-1511.txt", "label": "1", "clause_path": [],
                                      "locator": "line 5"},
            "kind": "invitation", "actor": actor, "actor_guess": guess, "actor_printed": None, "quoted_from": None,
            "checkability": "content", "status": "manual_check", "confidence": 0.8, "facets": [], "evidence": [],
            "text": "to nominate national focal points for the programme;"}


def test_reports_show_a_guess_as_a_guess():
    assert actor_text(_record(None, "Member States")) == ("unknown (our rules' guess: Member States; check who "
                                                          "acts)")
    assert actor_text(_record("Member States", None)) == "Member States"
    row = csv_rows({"requirements": [_record(None, "Member States")]})[0]
    assert (row["actor"], row["actor_guess"]) == ("", "Member States")


def test_the_judge_weighs_a_guess_and_says_it_is_one():
    reqs, warnings, feats = read_requirements(_doc(RESOLUTION))
    doubting = ActorCheck(weights={"kind=invitation": 40.0}, bias=-20.0, threshold=0.5)
    invitation = check_actors(reqs, feats, warnings, doubting)[2]
    kb = load_kb()
    assert acting(invitation) == "Member States"
    # Member States are not the report's author: silence on their task is a check elsewhere, as with the name
    assert may_be_manual(invitation, kb, ("secretariat",)) is True
    assert addressee_words(invitation) == "probably addressed to Member States (a guess: check who must act)"
    assert addressee_words(reqs[2]) == "addressed to Member States"


def test_the_shipped_check_was_trained_on_the_development_texts_as_they_are():
    from pipeline.learn.asks import annotated_texts, training_sha256

    meta = json.loads((ACTOR_CHECK_DIR / "meta.json").read_text(encoding="utf-8"))
    assert meta["training_sha256"] == training_sha256(annotated_texts(), []), (
        "the development texts changed: run `wsis-audit train actor-check` (after `wsis-audit train asks`)")


def test_the_html_report_and_the_matrix_count_a_guess_as_a_guess():
    from pipeline.report.html import actor_key
    from pipeline.report.matrix import _row

    assert actor_key(_record(None, "Member States")) == "Member States (a guess)"
    assert actor_key(_record("Member States", None)) == "Member States"
    assert actor_key(_record(None, None)).startswith("unknown")
    row = _row(_record(None, "Member States") | {"key": "k"})
    assert (row["actor"], row["actor_guess"]) == (None, "Member States")
