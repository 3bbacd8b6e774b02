"""What `wsis-audit eval` reports besides the headline figures: the two questions behind a status, and how far a
second annotator agrees with the gold."""

from __future__ import annotations

import json

from pipeline.evaluate.judgement import (accuracy_interval, annotator_agreement, facet_metrics, judgement_metrics,
                                        stage_metrics)


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


def test_facet_statuses_are_scored_on_the_facets_annotators_judged():
    pairs = [{"facets": [{"facet": "C2", "gold": "addressed", "predicted": "addressed"},
                         {"facet": "C5", "gold": "not_addressed", "predicted": "partial"}]},
             {"facets": []}, {"facets": [{"facet": "human resources", "gold": "partial", "predicted": "partial"}]}]
    assert facet_metrics(pairs) == {"pairs": 3, "accuracy": 0.6667}
    assert facet_metrics([{"facets": []}]) == {"pairs": 0, "accuracy": 0.0}


def test_a_status_prior_asks_the_three_questions_of_the_staged_judge():
    from pipeline.judge.features import prior_features

    assert prior_features(None) == prior_features({}) == [0.5, 0.5, 0.5]  # a requirement no report judged
    # Partial in seven reports, not addressed in one: almost always touched, almost never in full.
    touched, substance, manual = prior_features({"partial": 7, "not_addressed": 1})
    assert (round(touched, 3), substance, manual) == (0.833, 0.0625, 0.25)


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

    from pipeline.learn.training import (distractor_profiles, evidence_profiles, facet_priors, prepare_corpus,
                                         status_priors)
    from tests.conftest import require_example

    require_example()  # the corpus's answers to the real contribution read it from ../shared
    reports = prepare_corpus()
    group = "wsis20"  # the draft and its revision: one family
    assert {r.report_id for r in reports if r.group == group} == {"wsis20-draft", "wsis20-rev1"}

    def flat(counts):  # facet priors nest one level deeper: {requirement: {facet: {status: n}}}
        return {(k, *w): c for k, v in counts.items() for w, c in flat(v).items()} if all(
            isinstance(v, dict) for v in counts.values()) else {(k,): c for k, c in counts.items()}

    # Evidence profiles (passages quoted), distractor profiles (passages ranked high and not quoted), and the
    # status and facet priors (how the annotators left each requirement and facet) alike.
    # (Facets are annotated only for compound requirements: 39 have facet priors.)
    for profiles, least in ((evidence_profiles, 40), (distractor_profiles, 40), (status_priors, 40),
                            (facet_priors, 30)):
        everything, without = flat(profiles(reports)), flat(profiles(reports, leave_out=group))
        only = Counter(flat(profiles([r for r in reports if r.group == group])))
        # What is left out is exactly what the family's own annotations contributed.
        assert only
        for k, c in everything.items():
            assert without.get(k, 0) == c - only[k]
        # Every requirement the corpus annotates in two or more families keeps a profile.
        assert len(profiles(reports, leave_out=group)) > least, profiles.__name__


def test_eval_prints_the_leave_one_mandate_out_headline_first():
    import io

    from rich.console import Console

    from pipeline.evaluate.judgement import by_mandate, judgement_metrics
    from pipeline.evaluate.printing import print_evaluation

    def pair(mandate, gold, predicted, hit, base):
        return {"report": "r", "requirement": f"{mandate}-{gold}-{predicted}", "gold": gold, "predicted": predicted,
                "probabilities": {predicted: 0.8}, "evidence_hit": hit, "baseline_hit": base, "mandate": mandate}

    pairs = [pair("mandates/a.txt", "partial", "addressed", True, False),
             pair("mandates/a.txt", "addressed", "addressed", True, True),
             pair("mandates/b.txt", "not_addressed", "not_addressed", None, None),
             pair("mandates/b.txt", "manual_check", "missing", None, None)]
    m = judgement_metrics(pairs)
    assert m["false_all_clear"] == 0.5 and m["evidence_hit_at_3"] == 1.0 and m["tfidf_baseline_hit_at_3"] == 0.5
    result = {"by_mandate": m | {"calibration": [], "mandates": by_mandate(pairs),
                                 "extracted_only": {k: m[k] for k in ("pairs", "accuracy", "false_all_clear")}}}
    buf = io.StringIO()
    print_evaluation(result, Console(file=buf, width=200))
    text = buf.getvalue()
    assert "Judgement, leave one mandate out (headline: 4 pairs, 2 mandate documents" in text
    assert "false all-clear (gold partial or not addressed, called addressed): 0.500 of 2 pairs" in text
    assert "plain TF-IDF ranking of the same pairs 0.500" in text
    assert "mandates/b.txt" in text


def test_blind_excerpts_are_scored_per_format_and_form_with_unknown_actors_never_wrong(tmp_path):
    """`eval extraction` on excerpts: a missing chapeau's items are right only when the actor is left unknown."""
    import io

    from rich.console import Console

    from corpora.render import blind_paragraphs, render_blind_docx, render_blind_pdf
    from pipeline.evaluate.extraction import evaluate_blind
    from pipeline.evaluate.printing import print_evaluation

    text = ("Resolution 1601 (Mod. 2029)\n"
            "4 to publish the list of national focal points on the website;\n"
            "5 to report to Council each year on the use of the list;\n"
            "invites Member States\n"
            "1 to name a focal point before the end of 2029.\n")
    (tmp_path / "fragment.txt").write_text(text, encoding="utf-8")
    paras = blind_paragraphs(text, "lines")
    (tmp_path / "fragment.docx").write_bytes(render_blind_docx(paras, "fragment"))
    (tmp_path / "fragment.pdf").write_bytes(render_blind_pdf(paras, {"footer": "Page {page}"}))
    gold = [{"id": "F-4", "label": "4", "actor": None, "kind": "instruction", "quote": "to publish the list of national",
             "quoted_from": None, "form": "missing-chapeau"},
            {"id": "F-5", "label": "5", "actor": "Council", "kind": "instruction", "quote": "to report to Council each year",
             "quoted_from": None, "form": "missing-chapeau"},
            {"id": "F-MS-1", "label": "1", "actor": "Member States", "actor_printed": "Member States",
             "kind": "invitation", "quote": "to name a focal point before", "quoted_from": None, "form": "plain"}]
    (tmp_path / "fragment.json").write_text(json.dumps({"document": "fragment.txt", "forms": ["missing-chapeau"],
                                                        "requirements": gold}), encoding="utf-8")
    result = evaluate_blind(blind_dir=tmp_path)
    assert set(result["by_format"]) == {"txt", "docx", "pdf"}
    for m in result["by_format"].values():
        assert (m["recall"], m["precision"], m["label_accuracy"]) == (1.0, 1.0, 1.0)
        # F-5's gold names Council (a reader's guess); the extractor's "unknown" is not wrong, but not right either.
        assert m["actor_accuracy"] == 1.0 and m["actor_right"] == round(2 / 3, 4) and m["actor_unknown"] == round(1 / 3, 4)
    assert result["by_form"]["missing-chapeau"]["gold"] == 6 and result["by_form"]["plain"]["recall"] == 1.0
    assert result["overall"]["actor_printed_accuracy"] == 1.0 and result["overall"]["quoted_from_accuracy"] == 1.0
    buf = io.StringIO()
    print_evaluation({"extraction_blind": result}, Console(file=buf, width=220))
    out = buf.getvalue()
    assert "Extraction on the blind excerpts (1 documents no rule was tuned on)" in out
    assert "form: missing-chapeau" in out and "actor unknown" in out


def test_two_names_of_one_body_are_the_same_actor_but_an_officer_of_another_body_is_not():
    from pipeline.evaluate.extraction import actor_verdict, same_body
    from pipeline.kb import load_kb

    kb = load_kb()
    assert same_body("Telecommunication Development Advisory Group", "TDAG", kb)  # its initials
    assert same_body("Expert Group on WSIS Measurement", "the Expert Group", kb)  # the short form
    assert same_body("ITU", "International Telecommunication Union", kb)  # a knowledge-base alias
    assert not same_body("Secretary-General of the United Nations", "Secretary-General", kb)  # another officer
    assert not same_body("Council Working Group on WSIS and the SDGs", "Council", kb)
    assert not same_body("Member States and Sector Members", "Member States", kb)
    assert actor_verdict("Expert Group on WSIS Measurement", None) == "unknown"
    assert actor_verdict(None, "ITU") == "wrong"


def test_eval_extraction_with_no_blind_set_waiting_says_so_instead_of_printing_zeros():
    import io

    from rich.console import Console

    from pipeline.evaluate.printing import print_evaluation

    buf = io.StringIO()
    from pipeline.evaluate.extraction import Counts

    print_evaluation({"extraction": {"overall": Counts().metrics(), "by_format": {}, "errors": []}},
                     Console(file=buf, width=200))
    out = buf.getvalue()
    assert "No blind extraction set is waiting: corpora/extraction-blind/ is empty" in out
    assert "Extraction on the blind excerpts" not in out
