"""The reading errors of issue 16, each on a short report of our own, audited end to end with the shipped judge:
what a user sees for each requirement (status, evidence, rationale).

One resolution with seven instructions, one report that answers them the way real reports do: an introduction that
restates the mandate, a plan instead of a result, a passage on the same noun owned by someone else, a paraphrase, a
deferral, events and links only, and a transmission to another body.
"""

from __future__ import annotations

import pytest

from pipeline import api

MANDATE = """Resolution 88 (Council, 2026)

Skills, regulators and emergencies

The Council,

instructs the Director of the Telecommunication Development Bureau

1 to train staff of national regulators in spectrum management, and to report on the results;

2 to establish focal points for emergency telecommunications in each country of the Africa region;

3 to carry out a yearly survey of mobile broadband prices in the least developed countries;

4 to strengthen the digital skills of older persons through national programmes;

5 to develop model guidelines on accessible emergency services for persons with disabilities;

6 to train women entrepreneurs in rural areas in electronic commerce;

instructs the Secretary-General

7 to bring this resolution to the attention of the Secretary-General of the United Nations.
"""

# Line numbers matter: the evidence is shown by line.
REPORT = """Report of the Director of the Telecommunication Development Bureau on Resolution 88 (2026)

1 Introduction

Resolution 88 instructs the Director to develop model guidelines on accessible emergency services for persons with disabilities, and to carry out a yearly survey of mobile broadband prices in the least developed countries.

2 Regulators

The Bureau will train staff of national regulators in spectrum management in 2027; the course is being designed with two universities.

In 2026, 1,200 government officials from 54 Member States took the Academy's course on digital transformation leadership.

3 Emergency telecommunications

A network of national emergency contact officers was set up in 31 African countries in 2026; each officer answers alerts within two hours and took part in two regional drills.

4 Prices

No survey of mobile broadband prices could be carried out in 2026 for lack of funds.

5 Digital skills

The Bureau held a webinar on digital skills for older persons (Geneva, May 2026) and took part in the WSIS Forum session on ageing; see https://www.itu.int/skills.

The Academy trained 2,400 university students in electronic commerce in 2026, two thirds of them in capital cities.

6 Cooperation

The Secretary-General of the United Nations opened the Internet Governance Forum in June 2026.
"""
RESTATING, PLAN, OTHER_TRAINEES, PARAPHRASE, EVENTS, STUDENTS, UN_SG = (
    "line 5", "line 9", "line 11", "line 15", "line 23", "line 25", "line 29")


def _judge(folder, mandate: str, report: str) -> dict[str, dict]:
    """Each requirement of the audit of `report` against `mandate`, by its printed label."""
    (folder / "mandate.txt").write_text(mandate, encoding="utf-8")
    (folder / "report.txt").write_text(report, encoding="utf-8")
    record = api.audit(folder / "report.txt", [folder / "mandate.txt"])
    return {r["source"]["label"]: r for r in record["requirements"]}


@pytest.fixture(scope="module")
def judged(tmp_path_factory):
    return _judge(tmp_path_factory.mktemp("reading-errors"), MANDATE, REPORT)


def _shown(r: dict) -> list[str]:
    return [e["locator"] for e in r["evidence"]]


def test_every_instruction_is_judged(judged):
    assert sorted(judged) == ["1", "2", "3", "4", "5", "6", "7"]


def test_a_restated_mandate_is_never_evidence(judged):
    r = judged["5"]  # asked for in the introduction's recital only
    assert r["status"] == "not_addressed" and r["evidence"] == []
    assert f"{RESTATING} only restates the mandate" in r["rationale"]
    assert all(RESTATING not in _shown(x) for x in judged.values())


def test_a_plan_is_partial_at_most_and_says_so(judged):
    r = judged["1"]
    assert r["status"] == "partial"
    assert _shown(r) == [PLAN]
    assert "plan or intention, not a result" in r["rationale"]


def test_the_owner_of_the_head_noun_counts(judged):
    # Officials trained in digital transformation are not regulators trained in spectrum management; university
    # students trained in e-commerce are not rural women entrepreneurs.
    assert OTHER_TRAINEES not in _shown(judged["1"])
    assert judged["6"]["status"] == "not_addressed" and STUDENTS not in _shown(judged["6"])


def test_a_paraphrase_is_found(judged):
    # "a network of national emergency contact officers was set up" answers "establish focal points"
    r = judged["2"]
    assert r["status"] in ("addressed", "partial")
    assert PARAPHRASE in _shown(r)


def test_events_and_links_only_are_a_mention(judged):
    r = judged["4"]
    assert r["status"] == "partial"
    assert _shown(r) == [EVENTS]
    assert "events or links without results" in r["rationale"]


def test_a_deferral_is_not_addressed(judged):
    r = judged["3"]
    assert r["status"] == "not_addressed" and r["evidence"] == []


def test_a_transmission_is_a_manual_check_not_judged_by_a_passage_on_the_same_body(judged):
    r = judged["7"]
    assert r["status"] == "manual_check" and r["evidence"] == []
    assert r["rationale"].startswith("procedural")
    assert all(UN_SG not in _shown(x) for x in judged.values())


TARGETS = """Reference targets for the regional review
Part A\tConnectivity targets for 2030
1\tEvery public library in the region offers free Internet access to its readers.
2\tFour in five households in rural areas use mobile broadband.
"""
TARGET_REPORT = """Regional review of connectivity, 2026

1 Libraries

The Bureau held a webinar on library connectivity (Dakar, March 2026) and took part in the regional librarians' congress; see https://www.itu.int/libraries.

2 Rural households

In 2026, 71 per cent of rural households in the region used mobile broadband, against 64 per cent in 2024.
"""


@pytest.fixture(scope="module")
def targets_judged(tmp_path_factory):
    return _judge(tmp_path_factory.mktemp("targets"), TARGETS, TARGET_REPORT)


def test_events_say_nothing_of_how_far_a_target_is(targets_judged):
    # Targets are judged by substance only (corpora/README.md): a webinar on libraries is no progress towards them.
    r = targets_judged["1"]
    assert r["kind"] == "target"
    assert r["status"] == "not_addressed" and r["evidence"] == []


def test_a_figure_on_a_target_is_evidence_of_progress(targets_judged):
    r = targets_judged["2"]
    assert r["status"] in ("addressed", "partial")
    assert _shown(r) == ["line 9"]
