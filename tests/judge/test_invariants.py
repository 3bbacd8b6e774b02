"""Evidence-first invariants (issue 16, point 2), driven by random requirements, passages and model outputs.

Whatever the trained models propose, an assessment shows the passages that decided it: addressed or partial has
evidence (each facet its own), addressed rests on a passage of substance, not addressed has none, a passage that
restates the mandate is never evidence, and the rationale never contradicts the status.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.judge import assess_all
from pipeline.judge.model import JudgeModel, load_model
from pipeline.kb import load_kb
from pipeline.match.passages import make_passages
from pipeline.match.retrieve import Retriever, units_for
from pipeline.model import CONTRADICTIONS, PassageVerdict, Status
from pipeline.parse import parse_bytes

ASKS = [
    "to report on the training of regulators in spectrum management and on its results",
    "to publish the annual statistics on broadband prices and on mobile coverage",
    "to strengthen national CIRTs, child online protection and digital skills for women",
    "to bring this resolution to the attention of the Secretary-General of the United Nations",
    "to establish focal points in each country for emergency telecommunications",
]
SENTENCES = [
    "In 2026 the Bureau trained 340 staff of 41 regulators in spectrum management.",
    "Resolution 77 instructs the Director to report on the training of regulators in spectrum management.",
    "The Bureau will publish the broadband price statistics in 2027.",
    "A workshop on national CIRTs was held in Accra; see https://example.org/cirt.",
    "No figures on mobile coverage were available for this report.",
    "A network of national contacts for emergencies was set up in 23 countries.",
    "The share of women completing digital skills courses rose to 46 per cent.",
    "The Council Working Group met twice.",
    "Child online protection guidelines were translated into four languages and used by 12 ministries.",
]
ACTORS = ["the Director of the Telecommunication Development Bureau", "Member States", "all stakeholders",
          "the Secretary-General"]


@lru_cache(maxsize=1)
def _shipped():
    return load_model(), load_kb()


class Random:
    """A stand-in for the trained status models: fixed random probabilities, as any model might give."""

    def __init__(self, probs):
        self.probs = np.asarray(probs, dtype=float)

    def predict_proba(self, X):
        return np.repeat(self.probs[None, : self.probs.size], len(X), axis=0)


def _dirichlet(n):
    return st.lists(st.floats(0.01, 1.0), min_size=n, max_size=n).map(lambda xs: [x / sum(xs) for x in xs])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(asks=st.lists(st.sampled_from(ASKS), min_size=1, max_size=3, unique=True),
       actors=st.lists(st.sampled_from(ACTORS), min_size=3, max_size=3),
       report=st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=6),
       req_probs=_dirichlet(4), facet_probs=_dirichlet(3), profiles=st.booleans())
def test_every_status_shows_the_passages_that_decided_it(asks, actors, report, req_probs, facet_probs, profiles):
    from pipeline.extract import extract

    lines = [f"{i}\t{'Requests' if 'Secretary' in a else 'Invites'} {a} {ask};"
             for i, (a, ask) in enumerate(zip(actors, asks), start=1)]
    mandate = parse_bytes(("The Council,\n\n" + "\n".join(lines) + "\n").encode(), path="m.txt")
    reqs = list(extract(mandate).requirements)
    body = "\n".join(f"{i}\t{s}" for i, s in enumerate(report, start=1)) or "1\tIntroduction"
    doc = parse_bytes(("Report\n" + body + "\n").encode(), path="r.txt")
    shipped, kb = _shipped()
    retriever = Retriever().fit(make_passages(doc), [u for r in reqs for u in units_for(r, kb)])
    base = shipped if profiles else shipped.judge_for("a requirement nobody annotated")
    model = JudgeModel(Random(req_probs), Random(facet_probs), base.relevance, base.status_relevance,
                       base.status_signals_off)
    for a in assess_all(reqs, retriever, model, kb):  # construction itself checks the invariants
        _check(a)


def _check(a):
    units = [(a.status, a.evidence)] + [(f.status, f.evidence) for f in a.facets]
    for status, evidence in units:
        if status in (Status.ADDRESSED, Status.PARTIAL):
            assert evidence
        if status is Status.NOT_ADDRESSED:
            assert not evidence
        if status is Status.ADDRESSED:
            assert any(e.verdict is PassageVerdict.SUBSTANCE for e in evidence)
        assert all(e.verdict in (PassageVerdict.SUBSTANCE, PassageVerdict.MENTION) for e in evidence)
        assert not any(e.text.startswith("Resolution 77 instructs") for e in evidence)
    for phrase in CONTRADICTIONS.get(a.status.value, ()):
        assert phrase not in a.rationale.lower()
    assert abs(sum(p for _, p in a.probabilities) - 1.0) < 0.01
    assert dict(a.probabilities)[a.status.value] == a.confidence


def test_a_model_that_says_addressed_with_nothing_to_show_gives_not_addressed():
    from pipeline.extract import extract

    mandate = parse_bytes(b"The Council,\n\ninstructs the Secretary-General\n1\tto report on the training of "
                          b"regulators in spectrum management;\n", path="m.txt")
    reqs = list(extract(mandate).requirements)
    doc = parse_bytes(b"Report\n1\tResolution 77 instructs the Secretary-General to report on the training of "
                      b"regulators in spectrum management.\n2\tThe Bureau will train regulators in 2027.\n",
                      path="r.txt")
    shipped, kb = _shipped()
    retriever = Retriever().fit(make_passages(doc), [u for r in reqs for u in units_for(r, kb)])
    fallback = shipped.judge_for("a requirement nobody annotated")
    model = JudgeModel(Random([0.9, 0.05, 0.05, 0.0]), None, fallback.relevance, fallback.status_relevance,
                       fallback.status_signals_off)
    (a,) = assess_all(reqs, retriever, model, kb)
    # The restated mandate is no evidence; the plan is a mention at most: partial, never addressed.
    assert a.status in (Status.PARTIAL, Status.NOT_ADDRESSED)
    assert all(not e.text.startswith("Resolution 77") for e in a.evidence)
    if a.status is Status.PARTIAL:
        assert a.evidence[0].reading == "gives a plan or intention, not a result"


@pytest.mark.parametrize("status, evidence, message", [
    (Status.ADDRESSED, (), "without an evidence passage"),
    (Status.PARTIAL, (), "without an evidence passage"),
])
def test_the_data_model_refuses_a_status_without_evidence(status, evidence, message):
    from pipeline.model import Assessment

    with pytest.raises(ValueError, match=message):
        Assessment(requirement_id="r", status=status, confidence=0.9, probabilities=(), evidence=evidence,
                   facets=(), rationale="")


@pytest.mark.parametrize("p_addressed, shown", [(0.9, Status.ADDRESSED), (0.4, Status.PARTIAL)])
def test_addressed_only_when_the_models_are_sure_enough(p_addressed, shown):
    # A false all-clear is the worst error: below the floor, substance is shown as partial, with the passage and why.
    from pipeline.extract import extract
    from pipeline.judge.assess import ADDRESSED_FLOOR

    assert 0.4 < ADDRESSED_FLOOR < 0.9
    mandate = parse_bytes(b"The Council,\n\ninstructs the Secretary-General\n1\tto train staff of national "
                          b"regulators in spectrum management, and to report on the results;\n", path="m.txt")
    reqs = list(extract(mandate).requirements)
    doc = parse_bytes("\n\n".join([
        "Report of the Secretary-General on Resolution 88 (2026)", "1 Regulators",
        "In 2026 the Bureau trained 340 staff of 41 national regulators in spectrum management; 88 per cent of them "
        "now assign frequencies with the new software, and the results were reported to the Council.",
        "2 Prices", "The yearly survey of mobile broadband prices covered 46 least developed countries.",
        "3 Emergencies", "Focal points for emergency telecommunications were named in 31 countries."]).encode(),
        path="r.txt")
    shipped, kb = _shipped()
    retriever = Retriever().fit(make_passages(doc), [u for r in reqs for u in units_for(r, kb)])
    fallback = shipped.judge_for("a requirement nobody annotated")
    rest = (1.0 - p_addressed) / 2
    model = JudgeModel(Random([p_addressed, rest, rest, 0.0]), None, fallback.relevance, fallback.status_relevance,
                       fallback.status_signals_off)
    (a,) = assess_all(reqs, retriever, model, kb)
    assert a.status is shown
    assert a.evidence and a.evidence[0].verdict is PassageVerdict.SUBSTANCE
    assert ("not sure enough to call it addressed" in a.rationale) == (shown is Status.PARTIAL)
    _check(a)
    # The user's own floor (config `addressed_floor`): a lower one lets the same answer through as addressed.
    (lenient,) = assess_all(reqs, retriever, model, kb, addressed_floor=0.3)
    assert lenient.status is Status.ADDRESSED and lenient.evidence[0].verdict is PassageVerdict.SUBSTANCE


def test_the_configured_floor_defaults_to_the_judges_and_must_be_a_probability():
    from pipeline.config import Config
    from pipeline.errors import ConfigError
    from pipeline.judge.assess import ADDRESSED_FLOOR

    assert Config().addressed_floor == ADDRESSED_FLOOR
    with pytest.raises(ConfigError, match="addressed_floor = 1.5 is invalid: it must be a probability from 0 to 1"):
        Config(addressed_floor=1.5)
