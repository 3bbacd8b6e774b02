"""What `wsis-audit eval` reports besides the headline figures: the two questions behind a status, and how far a
second annotator agrees with the gold."""

from __future__ import annotations

import json

from pipeline.evaluate.judgement import accuracy_interval, annotator_agreement, judgement_metrics, stage_metrics


def _pair(gold, predicted):
    return {"gold": gold, "predicted": predicted}


def test_stage_metrics_split_touched_from_substance():
    pairs = [_pair("addressed", "partial"), _pair("partial", "partial"), _pair("not_addressed", "partial"),
             _pair("not_addressed", "not_addressed"), _pair("manual_check", "manual_check"),
             _pair("addressed", "manual_check")]
    st = stage_metrics(pairs)
    # Manual checks on either side are left out: four pairs judged on "touched at all".
    assert st["touched_pairs"] == 4
    assert st["touched_accuracy"] == 0.75  # only the not_addressed pair called partial is wrong
    assert st["touched_majority"] == 0.5
    # Addressed vs partial, on the two pairs both sides call touched: one right.
    assert (st["substance_pairs"], st["substance_accuracy"]) == (2, 0.5)


def test_the_accuracy_comes_with_an_interval_over_report_families():
    def pairs(report, right, wrong):
        return ([{"report": report, "gold": "addressed", "predicted": "addressed"}] * right
                + [{"report": report, "gold": "addressed", "predicted": "partial"}] * wrong)

    # Three families: one the judge gets all right, one half, one none (a draft and its revision are one family).
    data = pairs("a-draft", 5, 0) + pairs("a-rev1", 5, 0) + pairs("b", 5, 5) + pairs("c", 0, 10)
    low, high = accuracy_interval(data)
    assert 0.0 <= low < 0.5 < high <= 1.0
    assert accuracy_interval(data) == [low, high]  # fixed seed: the same figures every run
    assert accuracy_interval(pairs("a", 3, 1)) is None  # one family: no interval to draw
    m = judgement_metrics([{**p, "probabilities": {}, "evidence_hit": None} for p in data])
    assert m["accuracy"] == 0.5 and m["accuracy_ci95"] == [low, high]


def test_annotator_agreement_reads_the_second_annotation_against_gold(tmp_path):
    (tmp_path / "agreement").mkdir()
    (tmp_path / "gold" / "assessments").mkdir(parents=True)
    gold = {"assessments": [{"requirement": "R-1", "status": "addressed"}, {"requirement": "R-2", "status": "partial"},
                            {"requirement": "R-3", "status": "manual_check"}]}
    second = {"assessments": [{"requirement": "R-1", "status": "addressed"}, {"requirement": "R-2",
                                                                              "status": "not_addressed"}]}
    (tmp_path / "gold" / "assessments" / "rep.json").write_text(json.dumps(gold))
    (tmp_path / "agreement" / "rep.json").write_text(json.dumps(second))
    ag = annotator_agreement(tmp_path)
    assert ag["pairs"] == 3 and ag["accuracy"] == round(1 / 3, 4)
    assert {(d["requirement"], d["second"]) for d in ag["disagreements"]} == {("R-2", "not_addressed"),
                                                                              ("R-3", "missing")}
    assert annotator_agreement(tmp_path / "nowhere") is None
    (tmp_path / "agreement" / "gone.json").write_text(json.dumps(second))  # its report left the corpus: skipped
    assert annotator_agreement(tmp_path)["pairs"] == 3


def test_a_compound_requirements_evidence_ranks_the_passages_on_its_parts():
    import numpy as np

    from pipeline.judge import requirement_ranking
    from pipeline.match.retrieve import Unit, UnitScores

    def scores(facet, relevance):
        unit = Unit(requirement_id="r", facet=facet, label="", query="q", focus="f", concepts=(), key_terms=())
        z = np.zeros(3)
        return UnitScores(unit=unit, by_signal={}, fused=z, focus_coverage=z, relevance=np.array(relevance))

    # The whole text matches passage 0 best; the second facet is answered only in passage 2.
    ranked = requirement_ranking([scores(None, [0.6, 0.1, 0.2]), scores(0, [0.5, 0.1, 0.0]),
                                  scores(1, [0.0, 0.2, 0.9])])
    assert ranked.unit.facet is None
    assert list(np.argsort(-ranked.ranking)) == [2, 0, 1]
    single = scores(None, [0.3, 0.1, 0.2])
    assert requirement_ranking([single]) is single


def test_evidence_profiles_never_describe_a_report_with_its_own_annotations():
    """Training reads each report with the profiles of the other families only, as an audited report is read."""
    from collections import Counter

    from pipeline.judge.training import distractor_profiles, evidence_profiles, prepare_corpus

    reports = prepare_corpus()
    group = "wsis20"  # the draft and its revision: one family
    assert {r.report_id for r in reports if r.group == group} == {"wsis20-draft", "wsis20-rev1"}
    # Evidence profiles (passages quoted) and distractor profiles (passages ranked high and not quoted) alike.
    for profiles in (evidence_profiles, distractor_profiles):
        everything, without = profiles(reports), profiles(reports, leave_out=group)
        only = Counter()
        for k, v in profiles([r for r in reports if r.group == group]).items():
            only.update({(k, w): c for w, c in v.items()})
        # What is left out is exactly what the family's own annotations contributed.
        assert only
        for k, v in everything.items():
            for w, c in v.items():
                assert without.get(k, {}).get(w, 0) == c - only[(k, w)]
        # Every requirement the corpus annotates in two or more families keeps a profile.
        assert len(without) > 40, profiles.__name__
