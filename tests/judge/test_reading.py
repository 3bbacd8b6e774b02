"""Reading errors seen on real reports (issue 16), each on our own text: what a passage does with a requirement,
and the status an audit then shows."""

from __future__ import annotations

import pytest

from pipeline.judge.reading import read_passage
from pipeline.model import PassageVerdict

TRAIN = "to train staff of national regulators in spectrum management and to report on the results"


@pytest.mark.parametrize("passage, verdict, why", [
    # restatement: the introduction repeats the instruction; it is not evidence of doing it
    ("Resolution 77 instructs the Director to train staff of national regulators in spectrum management and to "
     "report on the results.", PassageVerdict.RESTATEMENT, "restates the mandate"),
    ("Under its mandate, the Bureau was asked to train regulators in spectrum management.",
     PassageVerdict.RESTATEMENT, "restates the mandate"),
    ("The concept note recalls that the Council requested training for regulators in spectrum management.",
     PassageVerdict.RESTATEMENT, "restates the mandate"),
    ("Resolution 479 (Rev. Bucharest, 2022) makes the initiative the main platform for training regulators in "
     "spectrum management.", PassageVerdict.RESTATEMENT, "restates the mandate"),
    ("Among other things, it instructs the Director to train regulators in spectrum management.",
     PassageVerdict.RESTATEMENT, "restates the mandate"),
    ("Among the later milestones, the action plan provides that by 2028 the Bureau has trained regulators in "
     "spectrum management.", PassageVerdict.RESTATEMENT, "restates the mandate"),
    # a quotation of the requirement's own words, even without a mandate verb
    ("Training staff of national regulators in spectrum management and to report on the results remains the "
     "aim of the programme.", PassageVerdict.RESTATEMENT, "restates the mandate"),
    # plans and intentions are not results
    ("The Bureau will train staff of regulators in spectrum management in 2027.", PassageVerdict.MENTION,
     "gives a plan or intention, not a result"),
    ("A course on spectrum management for regulators is planned for the second half of next year.",
     PassageVerdict.MENTION, "gives a plan or intention, not a result"),
    ("The secretariat intends to offer spectrum management training to regulators.", PassageVerdict.MENTION,
     "gives a plan or intention, not a result"),
    # events and links only
    ("A workshop on spectrum management for regulators was held in Nairobi; see https://example.org/spectrum.",
     PassageVerdict.MENTION, "lists events or links without results"),
    # negation and deferral
    ("No spectrum management training for regulators could be organized this year.", PassageVerdict.NOT_DONE,
     "says it was not done or is deferred"),
    ("The training of regulators in spectrum management has been postponed to 2028.", PassageVerdict.NOT_DONE,
     "says it was not done or is deferred"),
    # substance, including a result beside a plan, and a restated mandate followed by what was done
    ("In 2026 the Bureau trained 340 staff of 41 regulators in spectrum management; the share who passed the "
     "final test rose to 78 per cent.", PassageVerdict.SUBSTANCE, "gives figures, results"),
    ("Resolution 77 asks for training in spectrum management. In 2026, 340 staff of 41 regulators completed it.",
     PassageVerdict.SUBSTANCE, "gives figures, results"),
    ("The Bureau trained 340 regulators' staff in spectrum management and will train more in 2027.",
     PassageVerdict.SUBSTANCE, "gives figures, results"),
    # a deed or a plan told in the requirement's own words is no quotation of it
    ("The Bureau trained staff of national regulators in spectrum management.", PassageVerdict.SUBSTANCE,
     "gives results"),
    ("The Bureau will train staff of national regulators in spectrum management in 2027; the course is being "
     "designed with two universities.", PassageVerdict.MENTION, "gives a plan or intention, not a result"),
])
def test_what_a_passage_does_with_a_requirement(passage, verdict, why):
    r = read_passage(passage, focus=TRAIN, requirement=TRAIN)
    assert (r.verdict, r.why) == (verdict, why)


def test_the_deciding_sentence_is_the_one_with_substance():
    text = ("Resolution 77 instructs the Director to train regulators in spectrum management. In 2026 the Bureau "
            "trained 340 staff of 41 regulators in spectrum management.")
    r = read_passage(text, focus=TRAIN, requirement=TRAIN)
    assert r.sentence.startswith("In 2026 the Bureau trained 340")


def test_resolution_numbers_are_not_figures():
    r = read_passage("Resolution 1334 (Mod. 2024) instructs the Secretary-General to report on spectrum training.",
                     focus=TRAIN, requirement=TRAIN)
    assert r.verdict is PassageVerdict.RESTATEMENT
