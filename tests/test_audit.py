"""The audit as users meet it: coverage.json valid against its schema, stable, and the statuses a careful reader gives."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode
from pipeline.report.json_report import validate_coverage
from tests.conftest import ROOT

runner = CliRunner()
RESPONSE = ROOT / "corpora" / "reports" / "contribution-response.txt"


def _audit_contribution(tmp_path_factory, *extra: str):
    from tests.conftest import require_example
    EXAMPLE = require_example()
    out = tmp_path_factory.mktemp("audit")
    result = runner.invoke(app, ["audit", "--report", str(RESPONSE), "--mandate", str(EXAMPLE), "--out", str(out),
                                 *extra])
    assert result.exit_code == 0, result.output
    return json.loads((out / "coverage.json").read_text()), result.output


@pytest.fixture(scope="module")
def contribution_audit(tmp_path_factory):
    """The shipped judge. It knows the real contribution's requirements from three annotated reports (evidence
    profiles), this one among them: a check of behaviour, not a held-out score (README, "Figures")."""
    return _audit_contribution(tmp_path_factory)


@pytest.fixture(scope="module")
def contribution_audit_unseen(tmp_path_factory):
    """--no-profiles: every requirement judged as one the corpus has never annotated (the fallback judge)."""
    return _audit_contribution(tmp_path_factory, "--no-profiles")


def _status(record, kind, label=None, startswith=None):
    hits = [r for r in record["requirements"] if r["kind"] == kind and (label is None or r["source"]["label"] == label)
            and (startswith is None or r["text"].startswith(startswith))]
    assert len(hits) == 1, (kind, label, startswith)
    return hits[0]["status"]


def _careful_reader_statuses(record):
    # Procedural proposals: a report's text cannot show a publication date or a meeting document.
    assert _status(record, "proposal", "2.4") == "manual_check"
    assert _status(record, "proposal", "2.5") == "manual_check"
    # Instructions to the Working Group, on which the secretariat's report is silent: not the report's gap.
    assert [r["status"] for r in record["requirements"] if r["actor"].startswith("Council Working Group")] == \
        ["manual_check"] * 3
    # Only some Action Lines and targets are covered: partial, never addressed.
    assert _status(record, "proposal", "2.1") == "partial"
    assert _status(record, "proposal", "2.3") == "partial"
    # "Will be presented at a later session" is a deferral, not an answer.
    assert _status(record, "instruction", "1", startswith="to regularly update the roadmaps") == "not_addressed"


def test_real_contribution_statuses_a_careful_reader_gives(contribution_audit):
    record, output = contribution_audit
    _careful_reader_statuses(record)
    # The report gives a vision with priority areas: addressed.
    assert _status(record, "proposal", "2.2") == "addressed"
    # A list of events and links without results, under the heading "Activities and engagements of the Union".
    assert _status(record, "instruction", "9") == "partial"
    assert "summary: addressed" in output
    assert record["run"]["config"]["evidence_profiles"] is True
    # Requirements that other annotated reports answer are judged with their evidence profile; those never
    # answered there (the procedural proposals) with none.
    profiled = {(r["kind"], r["source"]["label"]): r["evidence_profile"] for r in record["requirements"]}
    assert profiled[("proposal", "2.2")] and profiled[("instruction", "9")]
    assert not profiled[("proposal", "2.4")]


def test_real_contribution_read_as_never_seen(contribution_audit_unseen):
    record, _ = contribution_audit_unseen
    _careful_reader_statuses(record)
    assert record["run"]["config"]["evidence_profiles"] is False
    assert not any(r["evidence_profile"] for r in record["requirements"])


def test_real_contribution_events_only_answer_is_partial_when_never_seen(contribution_audit_unseen):
    # The events-only section ranks first with a low relevance: a mention that touches it (judge/assess.py, _touch).
    record, _ = contribution_audit_unseen
    assert _status(record, "instruction", "9") == "partial"


@pytest.mark.xfail(strict=True, reason="known miss of the fallback judge (docs/history.md, 2026-12-03, fourth "
                   "session): line 32 sets out the vision in other words; its relevance passes the floor for a "
                   "partial answer (judge/assess.py, SUBSTANCE_FLOOR), not the status models' for addressed")
def test_real_contribution_vision_is_addressed_when_never_seen(contribution_audit_unseen):
    # The vision is set out in words the proposal does not use; the fallback judge called it partial, then not
    # addressed, before the WSIS instruments entered the knowledge base (2026-11-29).
    record, _ = contribution_audit_unseen
    assert _status(record, "proposal", "2.2") == "addressed"


def test_coverage_json_follows_schema_and_names_evidence(contribution_audit):
    record, _ = contribution_audit
    validate_coverage(record)
    assert record["schema_version"] == "1"
    assert sum(record["summary"].values()) == len(record["requirements"]) == 15
    addressed = [r for r in record["requirements"] if r["status"] == "addressed"]
    assert addressed and all(r["evidence"] for r in addressed)
    ev = addressed[0]["evidence"][0]
    report_text = RESPONSE.read_text(encoding="utf-8")
    assert ev["text"] in report_text and ev["locator"].startswith("line ")
    assert all(0 <= r["confidence"] <= 1 for r in record["requirements"])


def test_audit_is_byte_identical_across_runs(tmp_path):
    args = ["audit", "--report", str(RESPONSE), "--mandate",
            str(ROOT / "corpora" / "mandates" / "contribution-ms-2026.txt")]
    a = runner.invoke(app, args + ["--out", str(tmp_path / "a")])
    b = runner.invoke(app, args + ["--out", str(tmp_path / "b")])
    assert a.exit_code == b.exit_code == 0
    assert (tmp_path / "a" / "coverage.json").read_bytes() == (tmp_path / "b" / "coverage.json").read_bytes()


def test_bad_mandate_is_listed_and_the_rest_audited(tmp_path):
    bad = tmp_path / "old.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    result = runner.invoke(app, ["audit", "--report", str(RESPONSE), "--mandate", str(bad), "--mandate",
                                 str(ROOT / "corpora" / "mandates" / "contribution-ms-2026.txt"),
                                 "--out", str(tmp_path)])
    assert result.exit_code == ExitCode.LEGACY_DOC
    record = json.loads((tmp_path / "coverage.json").read_text())
    assert record["failures"][0]["location"] == str(bad)
    assert len(record["mandates"]) == 1 and record["requirements"]


def test_unreadable_report_stops_with_one_line(tmp_path):
    bad = tmp_path / "empty.pdf"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["audit", "--report", str(bad), "--mandate", str(RESPONSE), "--out", str(tmp_path)])
    assert result.exit_code == ExitCode.EMPTY
    assert result.output.strip().count("\n") == 0 and "empty" in result.output


def test_demo_writes_valid_coverage(tmp_path):
    result = runner.invoke(app, ["demo", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "coverage.json").read_text())
    validate_coverage(record)
    assert {m["requirements"] for m in record["mandates"]} and len(record["requirements"]) > 40
    # A requirement's status and its facets' statuses never contradict each other (corpora/README.md).
    for r in record["requirements"]:
        facets = {f["status"] for f in r["facets"]} - {"manual_check"}
        if r["status"] == "addressed":
            assert facets <= {"addressed"}, r["id"]
        elif r["status"] == "not_addressed":
            assert facets <= {"not_addressed"}, r["id"]
        elif r["status"] == "partial" and facets:
            assert facets not in ({"addressed"}, {"not_addressed"}), r["id"]


def test_model_version_is_checked(tmp_path):
    bad = tmp_path / "model"
    bad.mkdir()
    (bad / "model.json").write_text(json.dumps({"name": "wsis-judge", "version": "0"}))
    result = runner.invoke(app, ["audit", "--report", str(RESPONSE), "--mandate", str(RESPONSE), "--out",
                                 str(tmp_path / "o"), "--model", str(bad)])
    assert result.exit_code == ExitCode.ARTIFACT
    assert "retrain" in result.output


def test_model_naming_an_unknown_signal_is_refused(tmp_path):
    from pipeline.judge.model import MODEL_DIR

    data = json.loads((MODEL_DIR / "model.json").read_text())
    assert data["status_signals_off"] == ["lexical"]
    bad = tmp_path / "model"
    bad.mkdir()
    (bad / "model.json").write_text(json.dumps(data | {"status_signals_off": ["telepathy"]}))
    result = runner.invoke(app, ["audit", "--report", str(RESPONSE), "--mandate", str(RESPONSE), "--out",
                                 str(tmp_path / "o"), "--model", str(bad)])
    assert result.exit_code == ExitCode.ARTIFACT
    assert "telepathy" in result.output and "retrain" in result.output


def test_staged_status_model_answers_its_questions_in_order_and_survives_json():
    import numpy as np

    from pipeline.judge.model import REQ_CLASSES, StagedModel

    # One feature: how much of the requirement the best passage covers; a second: whether it gives figures.
    X = np.array([[0.9, 1], [0.8, 1], [0.85, 0], [0.7, 0], [0.1, 0], [0.2, 1], [0.05, 0], [0.15, 0]] * 3, float)
    y = ["addressed", "addressed", "partial", "partial", "not_addressed", "not_addressed", "manual_check",
         "manual_check"] * 3
    m = StagedModel(features=("cover", "figures"), C={"touched": 1.0}).fit(X, y)
    p = m.predict_proba(np.array([[0.9, 1], [0.8, 0], [0.1, 0]]))
    assert np.allclose(p.sum(axis=1), 1)
    assert [REQ_CLASSES[i] for i in p.argmax(axis=1)][:2] == ["addressed", "partial"]
    assert p[2, :2].sum() < 0.5  # barely covered: not touched
    back = StagedModel.from_json(json.loads(json.dumps(m.to_json())), expect_features=("cover", "figures"))
    assert np.allclose(back.predict_proba(X), m.predict_proba(X))
    facets = StagedModel(classes=("addressed", "partial", "not_addressed"), features=("cover", "figures"))
    assert facets.stages == ("touched", "substance")  # a facet is never a manual check


def test_shipped_model_reads_the_status_in_stages():
    from pipeline.judge.model import MODEL_DIR, StagedModel, load_model

    model = load_model(MODEL_DIR)
    assert isinstance(model.requirement, StagedModel)
    assert set(model.requirement.C) == {"touched", "substance", "manual"}


def _audit_with_edited_model(tmp_path, edit):
    """Run an audit with a copy of the shipped model.json changed by `edit`; returns the CLI result."""
    from pipeline.judge.model import MODEL_DIR

    data = json.loads((MODEL_DIR / "model.json").read_text())
    edit(data)
    bad = tmp_path / f"model-{len(list(tmp_path.iterdir()))}"
    bad.mkdir()
    (bad / "model.json").write_text(json.dumps(data))
    return runner.invoke(app, ["audit", "--report", str(RESPONSE), "--mandate", str(RESPONSE), "--out",
                               str(bad / "out"), "--model", str(bad)])


def test_a_malformed_staged_model_is_refused_with_one_line(tmp_path):
    result = _audit_with_edited_model(tmp_path, lambda d: d["requirement"].update(classes=["addressed", "maybe"]))
    assert result.exit_code == ExitCode.ARTIFACT
    assert "malformed" in result.output and "retrain" in result.output
    # A linear part cut short is refused the same way, not with a traceback.
    result = _audit_with_edited_model(tmp_path, lambda d: d["relevance"].pop("coef"))
    assert result.exit_code == ExitCode.ARTIFACT
    assert "malformed" in result.output and "relevance" in result.output


def test_the_shipped_judge_knows_the_corpus_requirements_and_falls_back_for_others(tmp_path):
    """Evidence profiles: a requirement annotated in the corpus is read by the judge that uses them; any other by
    the fallback judge, trained without them. Both survive the JSON round trip."""
    from pipeline.judge.model import MODEL_DIR, JudgeModel, load_model

    model = load_model(MODEL_DIR)
    known = "to supply ITU's data on connectivity, affordability and digital skills to the annual WSIS reporting of " \
            "the United Nations Group on the Information Society"
    assert model.profiles and model.fallback is not None and not model.fallback.profiles
    assert model.judge_for(known) is model
    # The same words in another layout (curly quote, line break) find the same profile.
    assert model.judge_for(known.replace("'", "\u2019").replace(" to the annual", "\nto the annual")) is model
    assert model.judge_for("to translate the report into Esperanto") is model.fallback
    assert model.with_profiles({}).judge_for(known) is model.fallback
    again = JudgeModel.from_json(json.loads(json.dumps(model.to_json())))
    assert again.profiles == model.profiles and again.fallback is not None
    # Distractor profiles ride along for the same requirements, and only the judge with profiles has them.
    from pipeline.judge.model import profile_key

    assert profile_key(known) in model.distractors
    assert again.distractors == model.distractors and not model.fallback.distractors
    assert not model.with_profiles({}).distractors
    # So do the status priors: how the annotated reports left the requirement, and each of its facets.
    assert sum(model.prior_for(known).values()) >= 5 and not model.fallback.priors
    roadmaps = next(k for k in model.facet_priors if "roadmap" in k)
    assert set(model.facet_priors[roadmaps]) >= {"c1", "c2", "c5"}
    assert again.priors == model.priors and again.facet_priors == model.facet_priors
    assert not model.with_profiles({}).priors and not model.with_profiles({}).facet_priors
    # Malformed profiles are refused with one line, like any other malformed part.
    result = _audit_with_edited_model(tmp_path, lambda d: d.update(evidence_profiles={"a requirement": {"w": "x"}}))
    assert result.exit_code == ExitCode.ARTIFACT
    assert "evidence profiles" in result.output and "retrain" in result.output
    result = _audit_with_edited_model(tmp_path, lambda d: d.update(distractor_profiles={"a requirement": {"w": -1}}))
    assert result.exit_code == ExitCode.ARTIFACT
    assert "distractor profiles" in result.output and "retrain" in result.output
    for edit, words in ((lambda d: d.update(status_priors={"a requirement": {"addressed": 1.5}}), "status priors"),
                        (lambda d: d.update(status_priors={"a requirement": {"done": 2}}), "unknown statuses"),
                        (lambda d: d.update(facet_status_priors={"a requirement": {"c2": {"manual_check": 1}}}),
                         "facet status priors")):
        result = _audit_with_edited_model(tmp_path, edit)
        assert result.exit_code == ExitCode.ARTIFACT
        assert words in result.output and "retrain" in result.output
    # So is a fallback judge that is not a judge at all.
    result = _audit_with_edited_model(tmp_path, lambda d: d.update(fallback=[1, 2]))
    assert result.exit_code == ExitCode.ARTIFACT
    assert "not a JSON object" in result.output and "Traceback" not in result.output


def test_a_reworded_requirement_is_read_with_the_profile_of_the_annotated_one(tmp_path):
    """A revised mandate rewords its instructions a little: the judge still reads them with what annotated reports
    taught about the old wording, and says so in coverage.json; a changed number, or other words, is another
    requirement."""
    from pipeline.judge.model import MODEL_DIR, load_model, profile_key

    model = load_model(MODEL_DIR)
    old = "to submit entries to the WSIS Stocktaking each year, tagged by Action Line and by Sustainable Development Goal"
    new = old.replace("each year", "every year")
    assert profile_key(old) in model.profiles and profile_key(new) not in model.profiles
    assert model.judge_for(new) is model and model.profile_match(new)[0] == profile_key(old)
    assert model.prior_for(new) == model.prior_for(old)
    period = "The secretariat needs to indicate the financial and human resources devoted to WSIS activities during " \
             "the period 2024-2027."
    assert model.profile_match(period) == (profile_key(period), 100.0)
    assert model.profile_match(period.replace("2024-2027", "2028-2031")) is None
    assert model.judge_for("to submit entries to the WSIS Prizes contest each year") is model.fallback
    mandate = tmp_path / "res-1390-rev.txt"
    mandate.write_text("Resolution 1390 (Rev. 2028)\ninvites Member States\n1\t" + new + ".\n", encoding="utf-8")
    report = ROOT / "corpora" / "reports" / "sg-progress-2026.txt"
    result = runner.invoke(app, ["audit", "--report", str(report), "--mandate", str(mandate), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "coverage.json").read_text())
    validate_coverage(record)
    req, = record["requirements"]
    assert req["evidence_profile"] and 90 <= req["evidence_profile_similarity"] < 100
    assert req["evidence_profile_of"] == profile_key(old)
    html = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "worded almost like this one" in html


def test_part_of_the_report_unread_never_passes_as_not_addressed(tmp_path):
    from tests import fixtures_pdf

    report = tmp_path / "partly-scanned.pdf"
    report.write_bytes(fixtures_pdf.partly_scanned_pdf())
    result = runner.invoke(app, ["audit", "--report", str(report), "--mandate",
                                 str(ROOT / "corpora" / "mandates" / "contribution-ms-2026.txt"), "--out",
                                 str(tmp_path / "o"), "--format", "json"])
    assert result.exit_code == 0, result.output
    record = json.loads((tmp_path / "o" / "coverage.json").read_text())
    assert record["report"]["incomplete"] is True
    assert not [r for r in record["requirements"] if r["status"] == "not_addressed"]
    assert any("could not be read" in r["rationale"] for r in record["requirements"])
    assert "part of the report could not be read" in result.output


def test_item_with_sub_items_follows_them(tmp_path):
    """Res. 1390 instructs the Secretary-General 5 ("complete and timely information ..., including") has the
    sub-items a) and b): its facets are their judgements and its status follows from them."""
    report = ROOT / "corpora" / "reports" / "sg-progress-2026.txt"
    mandate = ROOT / "corpora" / "mandates" / "council-res-1390.txt"
    result = runner.invoke(app, ["audit", "--report", str(report), "--mandate", str(mandate), "--out", str(tmp_path)])
    assert result.exit_code in (0, 1), result.output
    reqs = json.loads((tmp_path / "coverage.json").read_text())["requirements"]
    by_label = {r["source"]["label"]: r for r in reqs if r["actor"] == "Secretary-General"}
    parent, a, b = by_label["5"], by_label["5 a)"], by_label["5 b)"]
    assert [(f["label"], f["status"]) for f in parent["facets"]] == [("a", a["status"]), ("b", b["status"])]
    statuses = {a["status"], b["status"]}
    expected = (statuses.pop() if len(statuses) == 1 and statuses <= {"addressed", "not_addressed"} else "partial")
    assert parent["status"] == expected


def test_a_pair_of_actors_is_the_authors_only_when_both_are():
    from pipeline.judge import author_actor
    from pipeline.kb import load_kb

    kb = load_kb()
    assert author_actor("Secretary-General and Directors of the Bureaux", kb)
    assert not author_actor("Member States and Sector Members", kb)
    assert not author_actor("Council Working Group on WSIS and the SDGs", kb)
    assert author_actor("someone the knowledge base does not know", kb)


def test_a_compound_requirement_follows_its_facets():
    import numpy as np

    from pipeline.extract import extract
    from pipeline.judge import assess_all
    from pipeline.judge.model import JudgeModel, load_model
    from pipeline.kb import load_kb
    from pipeline.match.passages import make_passages
    from pipeline.match.retrieve import Retriever, units_for
    from pipeline.parse import parse_bytes

    mandate = parse_bytes(b"Proposals\n2.1\tTo report the financial resources and the staff time spent on WSIS work.\n",
                          path="m.txt")
    reqs = list(extract(mandate).requirements)
    (req,) = [r for r in reqs if r.source.label and r.source.label.startswith("2.1")]
    assert len(req.facets) >= 2
    report = parse_bytes(b"1\tResources\nITU spent CHF 3.2 million on WSIS work in 2025, and 14 staff worked on it.\n",
                         path="r.txt")
    kb = load_kb()
    retriever = Retriever().fit(make_passages(report), [u for r in reqs for u in units_for(r, kb)])
    shipped = load_model()

    class Fixed:  # a model part that gives fixed probabilities (one row for all, or one row per facet)
        def __init__(self, rows):
            self.rows = np.array(rows, float)

        def predict_proba(self, X):
            return np.repeat(self.rows[:1], len(X), axis=0) if len(self.rows) == 1 else self.rows[:len(X)]

    from pipeline.judge import combine

    model = JudgeModel(Fixed([[0.6, 0.3, 0.1, 0.0]]), None, shipped.relevance, shipped.status_relevance,
                       shipped.status_signals_off)
    n = len(req.facets)

    def judged(requirement, facets):
        model.requirement, model.facet = Fixed([requirement]), Fixed(facets)
        (a,) = [x for x in assess_all(reqs, retriever, model, kb) if x.requirement_id == req.id]
        # Whatever the two models say, what is shown follows the rule: addressed only when every facet is.
        assert a.status == combine([f.status for f in a.facets]), a
        return a.status.value, [f.status.value for f in a.facets]

    # One facet surely only partly answered, the whole text probably addressed: not addressed as a whole.
    assert judged([0.6, 0.3, 0.1, 0.0], [[0.05, 0.9, 0.05]] + [[0.9, 0.05, 0.05]] * (n - 1)) == (
        "partial", ["partial"] + ["addressed"] * (n - 1))
    # The whole text surely addressed, one facet a near tie: the facet is shown addressed, not the whole demoted.
    assert judged([0.9, 0.05, 0.05, 0.0], [[0.4, 0.45, 0.15]] + [[0.9, 0.05, 0.05]] * (n - 1)) == (
        "addressed", ["addressed"] * n)
    # Partial on the whole text, but every facet surely answered: addressed.
    assert judged([0.2, 0.7, 0.1, 0.0], [[0.9, 0.05, 0.05]] * n)[0] == "addressed"
    # Partial on the whole text, but no facet touched: not addressed, with no evidence.
    assert judged([0.1, 0.8, 0.1, 0.0], [[0.05, 0.05, 0.9]] * n) == ("not_addressed", ["not_addressed"] * n)
    (a,) = [x for x in assess_all(reqs, retriever, model, kb) if x.requirement_id == req.id]
    assert a.evidence == ()
    # Not addressed on the whole text, but one facet surely answered: partial.
    assert judged([0.1, 0.1, 0.8, 0.0], [[0.9, 0.05, 0.05]] + [[0.05, 0.05, 0.9]] * (n - 1)) == (
        "partial", ["addressed"] + ["not_addressed"] * (n - 1))


def test_all_stakeholders_are_answered_by_what_the_author_did():
    """The secretariat is one of "all stakeholders": its own substance answers such a call even though no passage
    names stakeholders; an invitation to Member States that no passage names stays a manual check."""
    import numpy as np

    from pipeline.extract import extract
    from pipeline.judge import assess_all
    from pipeline.judge.model import JudgeModel, load_model
    from pipeline.kb import load_kb
    from pipeline.match.passages import make_passages
    from pipeline.match.retrieve import Retriever, units_for
    from pipeline.parse import parse_bytes

    mandate = parse_bytes(b"Resolution on the information society\n\nThe General Assembly,\n\n"
                          b"1. Calls upon all stakeholders to narrow the gender digital divide;\n\n"
                          b"2. Invites Member States to narrow the gender digital divide;\n", path="m.txt")
    reqs = list(extract(mandate).requirements)
    assert sorted(r.actor for r in reqs) == ["All stakeholders", "Member States"]
    report = parse_bytes(b"1\tGender\nITU programmes trained 12,000 women in 2025; the gender gap in Internet use "
                         b"fell from 11 to 8 points.\n", path="r.txt")
    kb = load_kb()
    retriever = Retriever().fit(make_passages(report), [u for r in reqs for u in units_for(r, kb)])
    shipped = load_model()

    class Fixed:
        def predict_proba(self, X):
            return np.repeat([[0.5, 0.1, 0.0, 0.4]], len(X), axis=0)

    # Requirements the corpus never annotated are read by the fallback judge's passage relevance.
    fallback = shipped.judge_for("narrow the gender digital divide")
    model = JudgeModel(Fixed(), None, fallback.relevance, fallback.status_relevance, fallback.status_signals_off)
    by_actor = {r.actor: a for r, a in zip(reqs, assess_all(reqs, retriever, model, kb))}
    assert by_actor["All stakeholders"].status.value == "addressed"
    assert "gives figures" in by_actor["All stakeholders"].rationale
    assert by_actor["Member States"].status.value == "manual_check"


def test_the_reading_tells_a_bare_negation_from_a_result_with_a_gap():
    from pipeline.judge.reading import read_passage

    ask = "To report the staff time and the money spent on WSIS work."
    bare = read_passage("No estimate of the money or staff time spent on WSIS work has been made yet.",
                        focus=ask, requirement=ask)
    mixed = read_passage("About 15 staff worked on WSIS work in 2026; what that work cost is not booked and cannot "
                         "yet be stated.", focus=ask, requirement=ask)
    assert (bare.verdict.value, bare.why) == ("not_done", "says it was not done or is deferred")
    assert mixed.verdict.value == "substance" and "figures" in mixed.why
