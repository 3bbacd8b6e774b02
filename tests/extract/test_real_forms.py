"""The forms real collections arrive in (issue 17): each read the same way from TXT, DOCX and PDF.

The texts are ours, written for these tests: run-on lists, hard line breaks, UN two-clause paragraphs, items
whose chapeau is on a missing page, an unnumbered clause between numbered lists, quoted resolutions and
renamed bodies.
"""

from __future__ import annotations

import pytest

from corpora.render import blind_paragraphs, render_blind_docx, render_blind_pdf
from pipeline.corpus import norm_label
from pipeline.extract import extract
from pipeline.model import RequirementKind
from pipeline.parse import parse_bytes
from tests.conftest import EXAMPLE, require_example

FORMATS = ("txt", "docx", "pdf")


def _extract(text: str, fmt: str = "txt", *, paragraphs: str = "lines", columns: int = 1, actor_check: bool = False):
    """Requirements of `text` as the user would give it in `fmt` (DOCX and PDF made from its paragraphs), as the rules
    read them: the actor check, which may turn a name into a guess, has its own tests (test_actor_check.py)."""
    if fmt == "txt":
        data = text.encode("utf-8")
    else:
        paras = blind_paragraphs(text, paragraphs)
        data = (render_blind_docx(paras, "test") if fmt == "docx"
                else render_blind_pdf(paras, {"pdf_columns": columns, "footer": "Page {page}"}))
    return extract(parse_bytes(data, path=f"doc.{fmt}"), actor_check=actor_check)


def _rows(result):
    return [(norm_label(r.source.label), r.actor, r.kind.value, r.text[:30]) for r in result.requirements]


RUN_ON = """Resolution 1502 (Mod. 2027)
Regional reviews of the Summit outcomes
The ITU Council,
considering that the regions asked for reviews closer to the people they serve,
resolves a) to hold a regional review of the Summit outcomes in each ITU region before 2029; b) holding each review back to back with the regional development forum where the host country agrees; c) this review will give particular attention to rural connectivity and to affordability; d) the outcome of each review shall be transmitted to the Working Group,
instructs the Secretary-General 1 to prepare the reviews with the regional offices; 2 taking into account the views of the regions, to report to Council each year on their results; 3 a short note on the costs of each review, for the Working Group,
invites Member States
1 to host a regional review;
2 to send experts to the reviews.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_run_on_lists_give_one_requirement_per_item(fmt):
    rows = _rows(_extract(RUN_ON, fmt))
    assert [r[0] for r in rows] == ["a", "b", "c", "d", "1", "2", "3", "1", "2"]
    assert rows[1][3].startswith("holding each review back")
    assert rows[2][3].startswith("this review will give")
    assert rows[5][3].startswith("taking into account the vie")
    assert rows[6][3].startswith("a short note on the costs")
    assert {r[1] for r in rows[4:7]} == {"Secretary-General"}
    assert {r[1] for r in rows[7:]} == {"Member States"}


EMAIL = """From: secretariat of the regional group
Subject: text of the recommendation as adopted

Dear colleagues, please find below the text adopted at the
meeting, for your records.

The Regional Preparatory Meeting,

Recommends further that, as an outcome of the World Summit 20-year
review, the Union strengthen its support to the least developed
countries in implementing Action Line C2, with a report every
2 years on what has been done;

Recommends also that the regional offices publish, before the end of
2027, a list of the projects run in each country under the
2030 Agenda, with their budgets and
20 indicators agreed with the countries concerned.

Best regards,
The secretariat
"""


def test_hard_line_breaks_are_joined_into_paragraphs():
    doc = parse_bytes(EMAIL.encode("utf-8"), path="mail.txt")
    texts = [b.text for b in doc.blocks]
    assert "Dear colleagues, please find below the text adopted at the meeting, for your records." in texts
    assert not any(b.kind.value == "heading" and b.text.startswith("Dear") for b in doc.blocks)
    reqs = extract(doc).requirements
    first = next(r for r in reqs if "World Summit 20-year" in r.text)
    assert first.text.endswith("with a report every 2 years on what has been done")
    second = next(r for r in reqs if "regional offices publish" in r.text)
    assert "2030 Agenda, with their budgets and 20 indicators agreed" in second.text
    assert not any(r.source.label in ("2", "20", "2030") for r in reqs)


@pytest.mark.parametrize("fmt", FORMATS)
def test_hard_line_breaks_give_the_same_requirements_in_every_format(fmt):
    rows = _rows(_extract(EMAIL, fmt, paragraphs="blank-lines"))
    assert [r[3] for r in rows] == [r[3] for r in _rows(_extract(EMAIL))]
    assert len(rows) == 2


UN_TWO_CLAUSE = """A/RES/82/915
Information and communications technologies for sustainable development
The General Assembly,
Recalling its resolution 70/125 of 16 December 2015,
1. Emphasizes the role of broadband in schools and clinics, and calls upon all stakeholders to extend meaningful connectivity to every school by 2030;
2. Highlights the work of the regional commissions, and recommends that the Commission on Science and Technology for Development devote one session in 2028 to the measurement of digital skills;
3. Notes with appreciation the reports prepared by the International Telecommunication Union, and encourages Member States to share their national data with the Union each year;
4. Welcomes the progress made in closing the gender digital divide in several regions;
5. Requests the Secretary-General to submit to the General Assembly at its eighty-fourth session a report on the implementation of the present resolution.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_un_paragraph_whose_second_clause_asks(fmt):
    reqs = _extract(UN_TWO_CLAUSE, fmt).requirements
    got = [(norm_label(r.source.label), r.actor, r.kind.value, r.text.split()[0]) for r in reqs]
    assert got == [("1", "All stakeholders", "instruction", "calls"),
                   ("2", "CSTD", "invitation", "recommends"),
                   ("3", "Member States", "invitation", "encourages"),
                   ("5", "Secretary-General of the United Nations", "instruction", "Requests")]
    assert not any("Welcomes the progress" in r.text for r in reqs)
    first = reqs[0]
    assert first.statement.startswith("A/RES/82/915: Emphasizes the role of broadband")


MISSING_CHAPEAU = """Resolution 1503 (Mod. 2027)
Page 3
7 to prepare, with Member States and all stakeholders, a guide to measuring meaningful connectivity;
8 to report to Council each year on the use of the guide;
instructs the Directors of the Bureaux
1 to assist Member States in using the guide;
invites Member States
1 to contribute national data to the guide.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_items_whose_chapeau_is_missing_have_an_unknown_actor(fmt):
    result = _extract(MISSING_CHAPEAU, fmt)
    rows = _rows(result)
    assert rows == [("7", None, "instruction", "to prepare, with Member States"),
                    ("8", None, "instruction", "to report to Council each year"),
                    ("1", "Directors of the Bureaux", "instruction", "to assist Member States in usi"),
                    ("1", "Member States", "invitation", "to contribute national data to")]
    warning = next(w for w in result.warnings if "chapeau" in w)
    assert "7" in warning and "8" in warning and "actor unknown" in warning


BETWEEN = """Resolution 1504 (Mod. 2027)
instructs the Secretary-General
3 to keep the WSIS Stocktaking database open to all stakeholders;
4 to publish each year the list of projects recorded in it;
invites the Secretary-General to consider a prize for the best project recorded in the database;
instructs the Secretary-General and the Directors of the Bureaux
1 to bring the database to the attention of the regional forums;
requests the Director of the Telecommunication Development Bureau to give priority to projects in the least developed countries,
invites Member States
1 to record their projects in the database.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_unnumbered_clause_between_numbered_lists_is_its_own_requirement(fmt):
    rows = _rows(_extract(BETWEEN, fmt))
    assert rows == [("3", "Secretary-General", "instruction", "to keep the WSIS Stocktaking d"),
                    ("4", "Secretary-General", "instruction", "to publish each year the list "),
                    ("", "Secretary-General", "invitation", "invites the Secretary-General "),
                    ("1", "Secretary-General and Directors of the Bureaux", "instruction", "to bring the database to the a"),
                    ("", "Director of the Telecommunication Development Bureau", "instruction",
                     "requests the Director of the T"),
                    ("1", "Member States", "invitation", "to record their projects in th")]


def test_quoted_resolutions_name_their_instrument():
    require_example()
    reqs = extract(parse_bytes(EXAMPLE.read_bytes(), path=EXAMPLE.name)).requirements
    quoted = [(r.source.label, r.quoted_from) for r in reqs if r.kind is RequirementKind.INSTRUCTION]
    assert quoted == [("1", "Council Resolution 1334 (Mod 2023)"), ("2", "Council Resolution 1334 (Mod 2023)"),
                      ("1", "Council Resolution 1332 (Mod 2024)"), ("6", "Council Resolution 1332 (Mod 2024)"),
                      ("9", "Council Resolution 1332 (Mod 2024)"), ("4", "Council Resolution 1332 (Mod 2024)")]
    assert all(r.quoted_from is None for r in reqs if r.kind is not RequirementKind.INSTRUCTION)


def test_a_resolution_does_not_quote_itself():
    reqs = _extract(BETWEEN).requirements
    assert all(r.quoted_from is None for r in reqs)


RENAMED = """Resolution 1336 (Mod. 2014)
instructs the Council Working Group on WSIS
1 to review each year the Union's work on the Summit outcomes;
invites Administrations
1 to take part in the open consultations of the Group.
"""


def test_renamed_bodies_keep_their_printed_name_beside_the_canonical_actor():
    reqs = _extract(RENAMED).requirements
    assert [(r.actor, r.actor_printed) for r in reqs] == [
        ("Council Working Group on WSIS and the SDGs", "Council Working Group on WSIS"),
        ("Member States", "Administrations")]


ACTION_TABLE = """Council Resolution 1519 (2028)
Annex
Plan of work on digital skills, 2029-2030
No.\tActivity\tLead\tDeadline\tIndicator
1.1\tCompile a register of the digital-skills courses offered by the Union's regional offices\tBDT\tMarch 2029\tRegister online
1.2\tHold a meeting of the heads of the ITU Academy's partner institutions\tSG and Directors of the Bureaux\tEnd of 2029\tMeeting held
1.3\tReport to ITU each year the number of public servants trained in digital skills\tMember States\tYearly\tNumber of countries reporting
1.4\tCarry out a survey of the skills regulators need for spectrum work\tTSB\tSecond half of 2030\tSurvey published
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_of_an_action_table_are_instructions_of_their_lead(fmt):
    # Imperative rows outside the common verbs ("Compile", "Hold", "Carry out") are read, and the Lead column names
    # who acts even when the cells reach the reader run together ("… in digital skills Member States Yearly …").
    rows = _rows(_extract(ACTION_TABLE, fmt))
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("1.1", "Director of the Telecommunication Development Bureau", "instruction"),
        ("1.2", "Secretary-General and Directors of the Bureaux", "instruction"),
        ("1.3", "Member States", "instruction"),  # not ITU, which the action names after "to"
        ("1.4", "Director of the Telecommunication Standardization Bureau", "instruction")]


RECOMMENDATIONS = """Commission on Science and Technology for Development: report on the twenty-ninth session
IV. Recommendations
40. The contributions received for this report show that shared registries of public services lower the cost of connecting rural clinics.
41. The recommendations below are addressed to Governments and to the Commission itself.
42. Governments may wish to consider: (a) publishing a register of the public services they offer online; (b) regional bodies, for their part, should agree on common formats for such registers; and (c) involving local authorities in keeping the registers current.
43. At its thirtieth session, the Commission may wish to: (a) take up the cost of rural connectivity as a standing item; and (b) request its secretariat to compile national registers.
44. It is important that the International Telecommunication Union include figures on rural clinics in its contribution to the next report.
"""


def test_a_reports_recommendations_ask_and_its_findings_do_not():
    rows = _rows(_extract(RECOMMENDATIONS))
    labels = [r[0] for r in rows]
    assert "40" not in labels and "41" not in labels  # findings and a note on who is addressed ask nothing
    by_label = {r[0]: r for r in rows}
    assert {"42 a", "42 b", "42 c", "43 a", "43 b", "44"} <= set(by_label)  # "; and (c)" still opens an item
    assert by_label["42 a"][1] == "Governments"
    assert by_label["42 b"][1] == "regional bodies"  # the item's own subject acts, not the chapeau's
    assert by_label["43 a"][1] == "CSTD" and by_label["43 b"][1] == "CSTD"  # "the Commission may wish to:"
    assert by_label["44"][1] == "ITU"  # "It is important that the Union include …"


DECLARATION = """Declaration of the Andean ministerial meeting on digital inclusion, Quito, 2028
We, the ministers responsible for telecommunications of the Member States of the subregion,
1. We commit to publish, by the end of 2029, a national plan for connecting rural schools.
2. We recognize the work of community networks in remote valleys, and call upon ITU to publish guidance on licensing them.
3. We welcome the offer of Bolivia to host the next meeting, and commit to review there the progress made on this Declaration.
"""


def test_a_declaration_commits_its_signatories_and_asks_in_second_clauses():
    rows = _rows(_extract(DECLARATION))
    assert [(r[0], r[1], r[2]) for r in rows] == [("1", "Member States", "decision"), ("2", "ITU", "instruction"),
                                                 ("3", "Member States", "decision")]
    assert rows[1][3].startswith("call upon ITU")


MEETING = """Report of the fifty-second meeting of the Group
3 Indicators
3.1 The secretariat presented a draft set of indicators. Views were divided.
Action required: The ITU WSIS Task Force to revise the draft indicators and circulate them by 30 June 2029.
4 Recommendations to the Director
4.1 TDAG recommends that the Director of BDT: a) publish the operational plan with one indicator per output; b) consult the regional offices before setting targets.
4.2 TDAG invites the Director of BDT:
i) to help developing countries measure e-waste;
ii) to compile case studies of cybersecurity strategies;
iii) to organize one joint workshop with TSB.
4.3 TDAG noted that its next meeting is planned for March 2030.
"""


def test_action_lines_acronym_bodies_and_roman_lists_of_a_meeting_report():
    rows = _rows(_extract(MEETING))
    assert [r[:2] for r in rows] == [
        ("", "WSIS&SDG Task Force"),  # "Action required: X to …"
        ("4.1 a", "Director of the Telecommunication Development Bureau"),  # the paragraph's number, its letters
        ("4.1 b", "Director of the Telecommunication Development Bureau"),
        ("4.2", "Director of the Telecommunication Development Bureau"),  # "TDAG invites …": a body by its acronym
        ("4.2 i", "Director of the Telecommunication Development Bureau"),
        ("4.2 ii", "Director of the Telecommunication Development Bureau"),  # not "4.2 i ii"
        ("4.2 iii", "Director of the Telecommunication Development Bureau")]


SUMMARY = """Summary of the meeting of the Group, 14 September 2028
The Group agreed to base its plan on the eleven Action Lines.
The secretariat was requested to prepare a first draft of the plan and to circulate it by 31 October 2028.
Member States were encouraged to nominate speakers for the high-level track.
Actions
A1 Map, together with the regional offices, the areas without broadband coverage (Action Line C2; lead: BDT; by end 2030).
A2 Review national licensing rules for community networks (Action Line C6; lead: Member States; by end 2031).
"""


def test_a_meetings_passive_requests_and_an_actions_list_with_its_leads():
    rows = _rows(_extract(SUMMARY))
    by_text = {r[3][:20]: r for r in rows}
    assert by_text["The secretariat was "][1] == "Secretariat"
    assert by_text["Member States were e"][1] == "Member States"
    assert [(r[0], r[1]) for r in rows if r[0] in ("A1", "A2")] == [
        ("A1", "Director of the Telecommunication Development Bureau"), ("A2", "Member States")]


OTHER_AGENCY = """Executive Board, two hundred and twenty-seventh session
The Executive Board,
8. Decides that UNESCO shall, in its facilitation of the Action Lines:
(a) give priority to the least developed countries;
(b) convene its facilitation meetings during the WSIS Forum;
Proposals
Proposal 5: The Council should, at its 2028 session, modify Resolution 1332 so as to require baselines in every roadmap.
"""


def test_a_body_before_its_modal_and_a_named_proposals_subject():
    rows = _rows(_extract(OTHER_AGENCY))
    assert {r[0]: r[1] for r in rows if r[0].startswith("8")} == {"8": "UNESCO", "8 a": "UNESCO", "8 b": "UNESCO"}
    assert [r[:3] for r in rows if not r[0].startswith("8")] == [("5", "Council", "proposal")]  # not "Proposal 5: …"


ROMANS_UNDER_LETTERS = """The Council,
decides
(a) that the annual report of the Secretary-General shall contain:
(i) the results obtained under each Action Line;
(ii) the contributions made to the sessions of the CSTD;
(b) that the report shall be published on the WSIS website;
"""


def test_romans_under_a_letter_of_a_chapeau_without_a_number():
    rows = _rows(_extract(ROMANS_UNDER_LETTERS))
    assert [r[0] for r in rows] == ["a", "a i", "a ii", "b"]
    assert [r[1] for r in rows[:3]] == ["Secretary-General"] * 3  # the romans act as their letter does


MEETING_AND_ANNEX = """United Nations Group on the Information Society (UNGIS)
Joint work plan
1. The Group was set up in 2006 under the Tunis Agenda¹ to bring coherence to the work of the system.
2. The Group decides to prepare a single joint contribution to the annual report.
3. TDAG noted that several outputs had been postponed, and requested the BDT Director to identify each output at risk.
Annex
1. ITU shall compile the inputs on Action Lines C2, C5 and C6.
2. UNESCO shall prepare the chapter on access to information.
¹ Document WSIS-05/TUNIS/DOC/6(Rev.1)-E.
"""


def test_a_ungis_text_its_meeting_conclusions_and_an_annex_numbered_like_its_footnotes():
    assert [r[:2] for r in _rows(_extract(MEETING_AND_ANNEX))] == [
        ("2", "UNGIS"),  # "the Group" of a UNGIS text
        ("3", "Director of the Telecommunication Development Bureau"),  # "TDAG noted …, and requested …"
        ("1", "ITU"), ("2", "UNESCO")]  # numbered like the footnote, but they ask something


FORUM_OUTCOME = """WSIS Forum 2029, Action Line C4 facilitation meeting: outcome summary
3. Recommendations
Participants recommended that ITU publish a yearly review of national digital-skills strategies.
Participants welcomed the new courses of the ITU Academy, and recommended that the Telecommunication Development Bureau translate them into Portuguese.
It was also recommended that the Forum's programme committee reserve a session for teachers in 2030.
4. Action points
1. ITU to circulate this summary to all participants within four weeks.
2. Participants to send good practices on teacher training to the WSIS Stocktaking.
"""


def test_a_forum_outcomes_recommendations_and_action_points():
    rows = _rows(_extract(FORUM_OUTCOME))
    assert [r[1] for r in rows] == ["ITU", "Director of the Telecommunication Development Bureau",
                                    "Forum's programme committee", "ITU", "Participants"]
    assert [r[2] for r in rows] == ["invitation", "invitation", "invitation", "instruction", "instruction"]


ALLIANCE_DECLARATION = """The Second Ministerial Meeting of the Coastal Broadband Network,
Noting that three members still rely on a single landing station,
1. Calls upon the members of the Network to publish their national backbone maps by 2029;
2. Decides to review the targets below at each ministerial meeting;
II. Targets for 2030
The members of the Network commit to reaching the following targets by the end of 2030.
Target 1\tNinety per cent of households in every member can buy a fixed broadband service.
Target 2\tEvery member has a second landing station or a satellite backup.
III. Joint actions
Action A – Compile a yearly table of wholesale capacity prices. Lead: Permanent Office of the Network, with national regulators. Timeline: yearly.
Action B – Run a joint exercise on cable repair. Lead: ITU Regional Office for the Americas. Timeline: 2029.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_another_bodys_declaration_its_numbered_targets_and_lettered_actions(fmt):
    rows = _rows(_extract(ALLIANCE_DECLARATION, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "members of the Network", "instruction"),
        ("2", "Ministerial Meeting of the Coastal Broadband Network", "decision"),  # its opening line decides
        ("1", "members of the Network", "target"), ("2", "members of the Network", "target"),  # who commits
        ("A", "Permanent Office of the Network", "instruction"),  # "Action A – …. Lead: …"
        ("B", "ITU Regional Office for the Americas", "instruction")]


MEETING_LISTS = """Conclusions of the second meeting of the Working Group
The Group requested the secretariat: a) to add a table of open instructions to the report; b) taking into account the comments made, to circulate a revised draft by March; c) a short note on the sources of each figure.
The Group decided: 1) to hold its next meeting in May 2029, back to back with the WSIS Forum; 2) that the Vice-Chairs would draft the questionnaire with the secretariat; 3) to open its next meeting to observers.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meetings_run_on_requests_and_decisions_in_the_past_tense(fmt):
    rows = _rows(_extract(MEETING_LISTS, fmt))
    assert [r[0] for r in rows] == ["a", "b", "c", "1", "2", "3"]
    assert [r[1] for r in rows[:3]] == ["Secretariat"] * 3
    # "3)" after "by March; … of 2029;" is the next item, not a number cited after "of"
    assert [r[2] for r in rows[3:]] == ["decision"] * 3
    assert rows[4][1] == "Vice-Chairs"


RESOLUTION_CITATIONS = """Resolution 230 (Rev. Nairobi, 2028)
The Plenipotentiary Conference,
resolves
1 that the Union shall report yearly on its WSIS activities;
2 that the Council Working Group shall:
(a) review the report at each of its meetings;
(b) prepare for the Council a list of conclusions, which shall:
(i) name the instructions on which the report says nothing;
(ii) propose corrective action;
instructs the Secretary-General
1 to submit the report referred to in resolves 1 to the Council; 2 in consultation with the Directors, to prepare a proposal on the WSIS Forum; 3 the data on each Action Line, prepared in time for the Council,
instructs the Council
1\tto review the report referred to in resolves 2 (a) at each of its sessions;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_run_on_list_after_a_numbered_item_and_parts_cited_by_their_verb(fmt):
    rows = _rows(_extract(RESOLUTION_CITATIONS, fmt, paragraphs="lines"))
    assert [r[0] for r in rows] == ["1", "2", "2 a", "2 b", "2 b i", "2 b ii", "1", "2", "3", "1"]
    assert {r[1] for r in rows[1:6]} == {"Council Working Group on WSIS and the SDGs"}  # "…, which shall:" is no body
    assert [r[1] for r in rows[6:9]] == ["Secretary-General"] * 3
    assert rows[9][:2] == ("1", "Council")  # "resolves 2 (a)" cites a part, it opens no item


CONTRIBUTION_FORMS = """Contribution from the Republic of Veltria
1 Quoted mandates
General Assembly resolution 81/433, paragraph 12, requests the International Telecommunication Union, as facilitator of Action Line C2, to report on the resources it used.
2 What the report should contain
In our view the report should give one figure per Action Line.
Finally, we encourage other Member States to publish their household survey results.
"""


def test_a_request_cited_in_a_sentence_a_question_like_title_and_a_closing_encouragement():
    result = _extract(CONTRIBUTION_FORMS)
    rows = _rows(result)
    assert [r[:3] for r in rows] == [("12", "ITU", "instruction"), ("", "Secretariat", "expectation"),
                                     ("", "Member States", "invitation")]
    assert result.requirements[0].quoted_from == "General Assembly resolution 81/433"


PLAN_TABLE = """Action plan
No.\tAction\tLead\tDeadline\tIndicator
1.1\tRegister projects in the WSIS Stocktaking with their Action Lines\tAll stakeholders\tContinuous\tEntries per year
1.2\tSend the results of household surveys to ITU\tMember States\tYearly\tCountries reporting
- 4 -
WTSA-28 - Resolution 77
1.3\tReport of the Secretary-General on the plan\tSecretary-General\t2029\tReport issued
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plan_tables_rows_whose_verb_the_tagger_misreads_and_page_furniture(fmt):
    rows = _rows(_extract(PLAN_TABLE, fmt))
    assert [r[:2] for r in rows] == [("1.1", "All stakeholders"), ("1.2", "Member States")]  # not "to ITU"


ADVISORY_GROUP = """Summary of the meeting of the advisory group
3.3 TDAG took note of the progress report and requested the Director of BDT to add figures by region.
6 Conclusions
TDAG:
a) endorsed the operational plan for 2030;
b) requested the Director of BDT to align the indicators with the Action Lines;
c) decided to extend the mandate of its correspondence group until its next meeting;
d) encouraged Member States to nominate focal points for the WSIS Stocktaking;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meetings_conclusions_listed_under_its_name(fmt):
    rows = _rows(_extract(ADVISORY_GROUP, fmt))
    assert [r[:3] for r in rows] == [
        ("3.3", "Director of the Telecommunication Development Bureau", "instruction"),  # "took note … and requested"
        ("b", "Director of the Telecommunication Development Bureau", "instruction"),  # "a) endorsed …" asks nothing
        ("c", "TDAG", "decision"), ("d", "Member States", "invitation")]


REGIONAL_OUTCOME = """Recommendations
3. The meeting recommends that Pacific Governments:
a) adopt national broadband plans with funded targets;
b) remove duties on entry-level devices;
ACTION POINTS
The following action points were agreed: (i) the ITU Regional Office for Asia and the Pacific to circulate this outcome by 30 June; (ii) participating Governments to send their comments within four weeks; (iii) the host country to present the outcome at the WSIS Forum.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meetings_recommendations_and_a_run_on_list_of_action_points_numbered_in_romans(fmt):
    rows = _rows(_extract(REGIONAL_OUTCOME, fmt))
    assert [r[:2] for r in rows] == [
        ("3", "Pacific Governments"), ("3 a", "Pacific Governments"), ("3 b", "Pacific Governments"),
        ("i", "ITU Regional Office for Asia and the Pacific"),  # the office, not ITU
        ("ii", "participating Governments"), ("iii", "host country")]


COMMISSION_REPORT = """Broadband Commission for Sustainable Development
Report of the Working Group on Devices
The Commission should track these targets in its State of Broadband report.
Annex. Proposed targets for 2031
The Working Group proposes the following targets for adoption by the Commission:
A. The price of an entry-level smartphone falls below 8 per cent of monthly income in every country.
B. Every least developed country has a plan for device affordability.
"""


def test_a_reports_targets_lettered_in_capitals_belong_to_the_body_that_adopts_them():
    rows = _rows(_extract(COMMISSION_REPORT))
    assert [r[:3] for r in rows] == [("", "Broadband Commission", "expectation"),  # "the Commission" of its report
                                     ("A", "Broadband Commission", "target"), ("B", "Broadband Commission", "target")]


COUNCIL_DECISION = """The Council,
decides
(a) to establish an Expert Group on Indicators, open to experts of Member States;
(b) that the Expert Group shall:
(i) hold its first meeting before the end of 2029;
(ii) work in English;
(c) that the Expert Group shall base its proposals on existing data;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_council_decisions_letters_after_a_modal_letter_with_romans(fmt):
    rows = _rows(_extract(COUNCIL_DECISION, fmt))
    group = "Expert Group on Indicators"  # named in full in (a), short after it: the full name each time (the brief)
    assert [r[:2] for r in rows] == [("a", "Council"), ("b", group), ("b i", group),
                                     ("b ii", group), ("c", group)]  # "(c)" is no item of (b)


FORUM_STATEMENT = """1. We, the participants in the WSIS Forum 2030, met in Geneva to take stock of progress.
2. We recall that no one should be left without access to information.
3. We commit to document our projects in the WSIS Stocktaking.
4. It is important that UNGIS coordinates the reporting of the agencies.
5. We call upon developed countries to fulfil their commitments on development assistance.
"""


def test_a_forums_we_its_recollections_and_a_that_clauses_actor():
    rows = _rows(_extract(FORUM_STATEMENT))
    assert [r[:3] for r in rows] == [("3", "participants in the WSIS Forum 2030", "decision"),  # not Member States
                                     ("4", "UNGIS", "expectation"),
                                     ("5", "developed countries", "instruction")]  # not every Member State


CSTD_CHAPTER = """1. The Commission on Science and Technology for Development recommends to the Economic and Social Council the adoption of the following draft resolution:
8. Requests the Secretary-General to include in the annual report:

4/21 29-01234

E/CN.16/2029/12

(a) Data on the affordability of devices;
(b) An account of the obstacles met by regulators;
"""


def test_a_commissions_recommendation_to_the_council_and_items_past_a_pages_symbols():
    rows = _rows(_extract(CSTD_CHAPTER))
    assert [r[:2] for r in rows] == [("1", "ECOSOC"), ("8", "Secretary-General of the United Nations"),
                                     ("8 a", "Secretary-General of the United Nations"),
                                     ("8 b", "Secretary-General of the United Nations")]


QUOTED_LAST_SENTENCE = """Contribution of Kestria
2 What the resolutions in force already ask
Neither report says what the annual report should contain. Resolution 140 (Rev. Doha, 2030) of the Plenipotentiary Conference instructs the Secretary-General:
"7 to report annually to the Council on the activities of ITU under each Action Line;"
"""


# (the asks model of sets 1-86 read the finding, "Neither report says what the annual report should contain.", as a
# requirement; the models of sets 1-88, 1-92 and 1-94 left it; the model of sets 1-96 reads it again: strict, so the
# mark fails once it stops)
@pytest.mark.xfail(strict=True, reason="the asks model (sets 1-96, 0.6) reads the finding 'Neither report says …'")
def test_a_quoted_chapeau_at_the_end_of_a_paragraph_and_a_reported_should():
    result = _extract(QUOTED_LAST_SENTENCE)
    assert [(r.source.label, r.actor, r.quoted_from) for r in result.requirements] == [
        ("7", "Secretary-General", "Resolution 140 (Rev. Doha, 2030)")]  # "says what … should contain" asks nothing


FORUM_SESSIONS = """High-Level Policy Session 4: Trust and security
Outcome statement
Speakers agreed that incidents against hospitals increased sharply in 2029.
Participants called for regulators to publish incident statistics every year.
Key action points
\u2022\tOperators to report major incidents to their national response team within a day.
\u2022\tITU to add a chapter on incident reporting to its cybersecurity guide.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_forum_sessions_calls_and_its_bulleted_key_action_points(fmt):
    rows = _rows(_extract(FORUM_SESSIONS, fmt))
    assert [r[1:3] for r in rows] == [("regulators", "instruction"),  # "Speakers agreed that … increased" is a finding
                                      ("Operators", "instruction"), ("ITU", "instruction")]


STUDY_QUESTION = """Question 7/1 Measuring connectivity
The study group shall examine the following issues under this Question:
a) the methods used by regulators to measure the quality of access;
b) how national indicators can be linked to the WSIS Action Lines.
The study group shall deliver the following outputs under this Question:
a) an annual progress report to each meeting of the study group;
"""


# Retrained on sets 1-73 (round 56, 0.6) and 1-76 (round 57), the asks model reads the first lead-in ("The study group shall examine the
# following issues under this Question:") as a requirement: writers count such lead-ins about as often as not (the
# rules leave them to the model). Strict: the mark fails the day the model stops reading it.
@pytest.mark.xfail(strict=True, reason="the asks model (0.6, sets 1-73 and 1-76) reads the study group's first lead-in")
def test_a_study_questions_lead_ins_are_no_requirements_and_their_items_are():
    rows = _rows(_extract(STUDY_QUESTION))
    # (the text never names the study group in full: who acts is unknown, and a warning says so)
    assert [r[:3] for r in rows] == [("a", None, "expectation"), ("b", None, "expectation"), ("a", None, "expectation")]


ADVISORY_ACTIONS = """Report of the advisory group
2.2 TSAG agreed to establish a rapporteur group on WSIS.
2.7 TSAG noted the progress report of Study Group 17 and instructed Study Group 17 to coordinate with ITU-D.
3 Action items
A1 \u2013 Study group chairs: send TSB the list of work items that contribute to the Action Lines.
A2 \u2013 TSB: post the lists on the web page by 31 May.
Expected results:
1) National broadband plans updated in at least 15 Member States of the region.
"""


def test_an_advisory_groups_decisions_coded_action_items_and_expected_results():
    rows = _rows(_extract(ADVISORY_ACTIONS))
    assert [r[:3] for r in rows] == [
        ("2.2", "TSAG", "decision"), ("2.7", "Study Group 17", "instruction"),  # "noted … and instructed"
        ("A1", "Study group", "instruction"),
        ("A2", "Director of the Telecommunication Standardization Bureau", "instruction"),
        ("1", None, "target")]


UNGIS_STATEMENT = """UNITED NATIONS GROUP ON THE INFORMATION SOCIETY (UNGIS)
Joint statement to the Commission on Science and Technology for Development
5. The members of UNGIS recognize the weight of artificial intelligence in all Action Lines, and commit to coordinating their support on data and skills.
6. The members of UNGIS commit, individually and jointly, to:
(a) mapping their programmes against the WSIS-SDG Matrix;
(b) holding a joint session at each WSIS Forum.
7. ITU, for its part, will continue to produce the annual estimates of Internet use.
10. UNGIS respectfully requests the Commission to dedicate a panel to the Action Lines.
"""


def test_a_groups_members_commit_and_request_and_an_agency_will_for_its_part():
    rows = _rows(_extract(UNGIS_STATEMENT))
    assert [r[:3] for r in rows] == [
        ("5", "UNGIS", "decision"), ("6", "UNGIS", "decision"), ("6 a", "UNGIS", "decision"),
        ("6 b", "UNGIS", "decision"), ("7", "ITU", "expectation"), ("10", "CSTD", "instruction")]


REGIONAL_PLAN = """Regional Plan of Action
B.\tObjectives and regional targets
3.\tThe objectives of the Plan are to close the gaps in access and to build the trust that people need to use them.
4.\tTaking into account the circumstances of countries, the following regional targets are set for 2030:
a)\tevery secondary school in the region is connected to broadband;
b)\tat least 60 per cent of the population of each country uses the Internet.
C.\tAction Lines
C1.\tThe role of public governance authorities
5.\tDevelopment depends on the commitment of governments.
a)\tGovernments should adopt a national digital strategy by 2028.
"""


# Until round 56 the asks model read "3. The objectives of the Plan are to close the gaps …" as a requirement (one of
# the spurious reads the replay counts); retrained on sets 1-73 (0.6) it no longer does, in any format.
@pytest.mark.parametrize("fmt", FORMATS)
def test_a_regional_plans_lettered_sections_its_targets_lead_in_and_letters_under_their_paragraph(fmt):
    rows = _rows(_extract(REGIONAL_PLAN, fmt))
    assert [(r[0], r[2]) for r in rows] == [("4 a", "target"), ("4 b", "target"),  # "3." states aims and a need
                                            ("5 a", "expectation")]  # under paragraph 5 of C1


TARGETS_NOTE = """Joint note on the WSIS targets
Box 1 \u2013 The ten WSIS targets, in short
a)\tVillages linked to ICTs, each with a point of community access;
b)\tUniversities and schools linked to ICTs;
2\tProgress by target
2.1\tCommunities (target a). Mobile broadband signals now reach 95 per cent of rural people.
4\tRecommendations
4.1\tThe two organizations recommend that Governments:
a)\tset national targets for connecting schools;
Eight targets for 2030
The Commission sets the following eight targets for 2030.
Target 1 \u2013 Plans. By 2030, every country has a funded national broadband plan.
"""


def test_a_box_of_targets_a_finding_on_a_target_and_a_commissions_numbered_targets():
    rows = _rows(_extract(TARGETS_NOTE + "Broadband Commission for Sustainable Development\n"))
    assert [r[:3] for r in rows] == [
        ("a", "All stakeholders", "target"), ("b", "All stakeholders", "target"),  # "2.1 … (target a)." is a finding
        ("4.1", "Governments", "invitation"), ("4.1 a", "Governments", "invitation"),
        ("1", "Broadband Commission", "target")]


def test_a_figure_at_the_start_of_a_line_is_no_label():
    from pipeline.parse import parse_bytes

    doc = parse_bytes(b"Lessons\n2.6 billion people remained offline when the targets expired.\n", path="x.txt")
    assert [(b.kind.value, b.label) for b in doc.blocks][-1] == ("paragraph", None)


MIXED_FORMS = """The Council,
instructs the Secretary-General 1) to apply the new structure to the next progress report; 2) taking into account the comments made during this session, to propose a reduced set of indicators; 3) a draft programme of the Forum, to be circulated in March,
Summary of the meeting
3\tWhat the reports should contain
3.1\tThe chair and vice-chairs of the Group shall be appointed by the Council for two years.
3.2\tThe Question will be handled within a study group over four years.
3.3\tUNCTAD, as secretariat of the Commission, will compile the inputs of the agencies.
3.4\tWe agree to set up a regional register of cable landing stations.
3.5\tThe Assembly welcomes the work of the facilitators of Action Lines C5 and C6,3 and calls upon the Union to report each year on both.
ACTION POINTS
AP47-1 Secretariat \u2013 revise the annual progress report by 15 May.
AP47-2 Chair \u2013 consult the regional groups on the structure of the report.
"""


def test_run_on_items_closed_by_a_parenthesis_passive_agents_asides_and_coded_action_points():
    rows = _rows(_extract(MIXED_FORMS))
    assert [r[:3] for r in rows] == [
        ("1", "Secretary-General", "instruction"), ("2", "Secretary-General", "instruction"),
        ("3", "Secretary-General", "instruction"),  # "3 What the reports should contain" is a title
        ("3.1", "Council", "expectation"),  # appointed by the Council; "The Question will be handled" asks nothing
        ("3.3", "United Nations Conference on Trade and Development", "expectation"), ("3.4", "Member States", "decision"),
        ("3.5", "ITU", "instruction"),  # after a footnote's digit
        ("AP47-1", "Secretariat", "instruction"), ("AP47-2", "Chair", "instruction")]


GOALS_AND_RANGES = """Strategic targets for 2030
Goal 1 - Universal connectivity
Target 1.1 - By 2030, 95 per cent of the world's population is covered by mobile broadband.
The Council,
decides a) that the Union shall hold the Forum in Geneva from 23 to 27 April 2029; b) the Forum to be prepared through an open consultation; c) remote participation shall be offered for all sessions,
Conclusions
With regard to the Forum, the Group a) agreed that the Stocktaking database should be opened to new entries; b) noted that the Forum takes place in May; c) invited Member States to nominate projects for the Prizes.
It is equally important that the Working Group examine the report before the Council does.
"""


def test_a_target_under_a_goal_a_range_of_days_and_a_meetings_list_after_its_name():
    rows = _rows(_extract(GOALS_AND_RANGES))
    assert [r[:3] for r in rows] == [
        ("1.1", None, "target"),  # "Target 1.1 -" is one under any heading
        # "from 23 to 27 April"; b) and c) name no one, and ITU by convention is no answer (round 54)
        ("a", "ITU", "decision"), ("b", None, "decision"), ("c", None, "decision"),
        ("a", "Secretariat", "decision"), ("c", "Member States", "invitation"),  # "b) noted …" asks nothing
        ("", "Council Working Group on WSIS and the SDGs", "expectation")]


MAIL_ACTIONS = """From: Working Group secretariat
Subject: Outcome of the meeting

Dear colleagues, please find below the actions that the Group agreed at the
end of its meeting, as read out by the Chair and noted by the secretariat in
the room.

=========== Actions agreed at the meeting ===========

1) Secretariat: to circulate the revised questionnaire on national digital
inclusion policies to all Member States by 15 May 2028.

2) BDT Director: to report on the pilot of rural connectivity indicators
carried out in three regions at the next meeting of the Group.

3) Chair and Vice-Chairs: draft an outline of the report of the Group to
the Council at its 2029 session.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_action_items_under_a_title_between_rules_each_name_their_owner_before_a_colon(fmt):
    rows = _rows(_extract(MAIL_ACTIONS, fmt, paragraphs="blank-lines"))
    assert [r[:3] for r in rows] == [
        ("1", "Secretariat", "instruction"),
        ("2", "Director of the Telecommunication Development Bureau", "instruction"),
        ("3", "Chair and Vice-Chairs", "instruction")]


UN_DRAFT = """United Nations\tA/C.2/85/L.77
General Assembly\tDistr.: Limited
Eighty-fifth session
Second Committee
Agenda item 19
Digital technologies for sustainable development
Draft resolution
Digital technologies for sustainable development
The General Assembly,
Recalling its earlier resolutions on the information society,
1. Acknowledges the work of the Alliance for Rural Digital Inclusion, and encourages the Alliance to publish its survey of village networks;
2. Decides to convene a one-day debate on rural connectivity, and further decides:
(a) That the debate shall be held during its eighty-sixth session;
(b) That the President of the General Assembly shall issue a summary of the debate;
3. Notes the survey of national statistical offices, and invites them to share their data on rural connectivity;
4. Requests the Secretary-General to report on the implementation of the present resolution at its eighty-seventh session.
"""


def test_a_un_draft_decides_for_its_assembly_names_officers_and_short_names_and_leaves_a_pronoun_unknown():
    result = _extract(UN_DRAFT)
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.actor_printed) for r in result.requirements]
    assert rows == [
        ("1", "Alliance for Rural Digital Inclusion", "the Alliance"),  # its full name, given earlier
        ("2", "UN General Assembly", None),  # "and further decides:" is the chapeau of (a) and (b), no requirement
        ("2 a", "UN General Assembly", None),  # "the debate" is no one
        ("2 b", "President of the General Assembly", "the President of the General Assembly"),
        ("3", None, "them"),  # whom "them" means the paragraph does not say: unknown, never a guess
        ("4", "Secretary-General of the United Nations", "the Secretary-General")]
    assert any("3 ('them')" in w and "actor unknown" in w for w in result.warnings)


TARGETS_BY_SUBJECT = """Annex 2
Measurement targets for 2030
1. Every Member State reports the core indicators on ICT use at least every two years.
2. At least 75 per cent of Member States publish data on Internet use by sex.
3. Half of all schools are connected to the Internet.
The Group, in its conclusions,
(ii) The secretariat of the Commission shall prepare an issues paper for the panel;
"""


def test_a_target_whose_subject_is_a_body_is_that_bodys_and_a_contribution_cites_a_request_in_its_own_words():
    rows = _rows(_extract(TARGETS_BY_SUBJECT))
    assert [r[:3] for r in rows[:3]] == [
        ("1", "Member States", "target"), ("2", "Member States", "target"),
        ("3", None, "target")]  # schools are no body: whose target it is, unknown
    cited = _rows(_extract('The same Resolution 1417 (Mod. 2027) also invites Member States "to send the secretariat '
                           'their national reports by March each year".\n'))
    assert [r[1:3] for r in cited] == [("Member States", "invitation")]


QUOTING_BY_POINTING_BACK = """Contribution from the Republic of Norvalia
1\tIntroduction
1.1\tA reader who wants to know which Action Line moved forward has to search three documents.
2\tWhat the texts already ask
2.1\tCouncil Resolution 1488 (Mod. 2027) instructs the Secretary-General:
"3\tto publish each year a table of results by Action Line;"
2.2\tThe same resolution invites Administrations:
"1\tto name a national focal point for WSIS matters;"
2.3\tResolution 277 (Rev. Doha, 2026)
The Plenipotentiary Conference, for its part, resolves:
"4\tthat the Union shall help developing countries to measure meaningful connectivity;"
3\tProposals
Proposal 1 \u2013 That the Union publish, for each country that asks for it, a short connectivity profile.
"""


def test_a_contribution_quotes_by_pointing_back_and_under_a_heading_and_a_readers_plight_asks_nothing():
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.quoted_from)
            for r in _extract(QUOTING_BY_POINTING_BACK).requirements]
    assert rows == [
        ("3", "Secretary-General", "Council Resolution 1488 (Mod. 2027)"),
        ("1", "Member States", "Council Resolution 1488 (Mod. 2027)"),  # "The same resolution invites …:"
        ("4", "ITU", "Resolution 277 (Rev. Doha, 2026)"),  # the heading names what "The Conference … resolves"
        ("1", "ITU", None)]  # "That the Union publish, for each country that asks for it, …": the Union acts


RUN_ON_DECIDES = """The Council,
decides a) the programme of the Forum, to be drawn up by the secretariat with the partner agencies, to set aside a day for the Tunis Agenda; b) an evaluation of the Prizes, commissioned by the Secretary-General, to be made available before 2028; c) taking into account the views expressed, the Council Working Group on WSIS and the SDGs to propose a new format,
1. Takes note of the report of the Secretary-General,\u00b3 and requests the Secretary-General to include an assessment of the ten targets;
Action items
No.\tAction\tResponsible\tDeadline
1\tRevise Document C28/4 to include the costs per Action Line\tSecretariat\tCouncil 2029
2\tReview progress under this plan\tTelecommunication Development Advisory Group\t2028 and 2029
"""


def test_decisions_name_who_makes_the_thing_a_footnote_mark_before_the_second_clause_and_a_named_lead_cell():
    rows = [(r.source.label and norm_label(r.source.label), r.actor) for r in _extract(RUN_ON_DECIDES).requirements]
    assert rows == [
        ("a", "Secretariat"), ("b", "Secretary-General"),  # the thing's maker, by "by"
        ("c", "Council Working Group on WSIS and the SDGs"),  # after the participle's aside
        ("1", "Secretary-General"),  # ",³ and requests …": the footnote's mark does not hide the request
        ("1", "Secretariat"),  # "Revise Document …" opens with its verb
        ("2", "Telecommunication Development Advisory Group")]  # a body the knowledge base does not list


PLAN_AND_TARGETS = """Annex to Resolution 377 (Doha, 2026)
Part A – Activities
A1\tOffer, through the ITU Academy, a course for first-time Internet users in the six official languages. [Lead: BDT]
A2\tPublish each year the price of an entry-level data plan for every Member State. [Lead: General Secretariat]
Part B – Targets to be reached by all stakeholders by 2030
T1\tAt least 85 per cent of people aged 15 and over use the Internet.
Table 2 – Targets to be reached by the end of 2029
T2\tEvery Member State publishes data on Internet use by sex.
"""


def test_an_annex_with_bracketed_leads_and_targets_under_part_and_table_titles():
    rows = _rows(_extract(PLAN_AND_TARGETS))
    assert [r[:3] for r in rows] == [
        ("A1", "Director of the Telecommunication Development Bureau", "instruction"),  # "Offer, through …"
        ("A2", "Secretariat", "instruction"),
        ("T1", "All stakeholders", "target"), ("T2", "Member States", "target")]


CONCLUSIONS_MAIL = """Dear colleagues, the conclusions of the meeting follow below as the Chair read them out at the
end of the second day, for your information and for any comment you may wish to make.

2.2 Conclusions. The Group requested the secretariat to:
a) rewrite the section on the targets so that each target is discussed with the
latest data;
b) add figures for 2027 on capacity building under Action Line C4, with
the number of people trained;

3.1 The Council decides a) to hold the Forum in Geneva in April 2028; b) the Secretary-General
shall invite offers to host the Forum 2029;
c) the programme of each edition, drawn up through an open consultation,
shall reflect the Action Lines reviewed that year; d) participation shall remain free of
charge; e) the outcome document shall be made available in the six official
languages.
"""


def test_a_run_in_title_before_a_meetings_chapeau_and_a_run_on_list_that_goes_on_after_a_line_break():
    rows = _rows(_extract(CONCLUSIONS_MAIL, paragraphs="blank-lines"))
    labels = [r[0] for r in rows]
    assert labels[:3] == ["2.2", "2.2 a", "2.2 b"] and rows[1][1] == "Secretariat"
    assert [lab.split()[-1] for lab in labels[3:]] == ["a", "b", "c", "d", "e"]  # d) and e) after "c)" opened a line


CITED_IN_SENTENCES = """Contribution from the Republic of Veridia
1.1 Each year the report grows longer, yet a reader who wants to know how many people gained access still has to look elsewhere.
1.2 The Plenipotentiary Conference resolved, in Resolution 277 (Rev. Valletta, 2026), "that the Union shall plan its WSIS work around the Action Lines".
1.3 Resolution 140 (Rev. Bucharest, 2022), under "instructs the Directors of the Bureaux", reads in part: "2 to link every output of their Bureaux to an Action Line;" and, under "invites Member States", "1 to report their achievements through the WSIS Stocktaking;".
"""


def test_requests_cited_inside_a_contributions_sentences_and_an_abbreviation_that_ends_no_sentence():
    result = _extract(CITED_IN_SENTENCES)
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.quoted_from, r.text[:20])
            for r in result.requirements]
    assert rows[0][:2] == ("1.2", "ITU")  # "(Rev. Valletta, 2026)" ends no sentence; the quoted clause's Union acts
    assert rows[1:] == [("2", "Directors of the Bureaux", "Resolution 140 (Rev. Bucharest, 2022)", "to link every output"),
                        ("1", "Member States", "Resolution 140 (Rev. Bucharest, 2022)", "to report their achi")]


RESULTS_FRAMEWORK = """Action plan for the results framework, 2027-2029
Responsibilities are indicated in square brackets.
1\tBaselines and data
1.1\tEstablish the 2025 baseline of each outcome indicator and publish it online [BDT, with the Partnership on Measuring ICT for Development] - by June 2027
1.2\tDocument the use of spectrum for closing the rural coverage gap [BR] - by the end of 2028
1.3\tCirculate the draft annual report to Member States [Secretariat - 15 November 2028]
Annex 1
Indicative targets for 2029 for the regional initiatives on school connectivity
T1\tAt least 60 per cent of public schools connected to the Internet at 20 Mbit/s or more.
T2\t50 per cent of the teachers in connected schools trained in basic digital skills.
"""


def test_owners_in_square_brackets_before_a_deadline_and_targets_that_open_with_their_figure():
    rows = _rows(_extract(RESULTS_FRAMEWORK))
    assert [r[:3] for r in rows] == [
        ("1.1", "Director of the Telecommunication Development Bureau", "instruction"),
        ("1.2", "Director of the Radiocommunication Bureau", "instruction"),  # "[BR]": initials in an owner's slot
        ("1.3", "Secretariat", "instruction"),  # the deadline inside the brackets is no part of the owner
        ("T1", None, "target"), ("T2", None, "target")]


MEETING_RECORD = """Summary of conclusions
4.1\tThe representative of the Task Force presented the programme of the Forum. TDAG encouraged Sector Members to take part in the high-level track.
After an exchange of views on the roadmaps for Action Lines C2, C5 and C6 (Document CWG-47/5), the Group agreed a) to forward the roadmaps to Council 2028; b) the secretariat will circulate a revised matrix before the next meeting; c) a revised template, which the secretariat will post online by March; d) the Chair, assisted by the Vice-Chairs, to prepare an options paper.
"""


def test_a_meetings_request_in_a_later_sentence_and_a_run_on_list_after_the_group_agreed():
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.kind.value)
            for r in _extract(MEETING_RECORD).requirements]
    assert rows == [
        ("4.1", "Sector Members", "invitation"),  # the first sentence only reports
        ("a", "Council Working Group on WSIS and the SDGs", "decision"),
        ("b", "Secretariat", "decision"), ("c", "Secretariat", "decision"),  # each item's own subject acts
        ("d", "Chair", "decision")]


MEETING_MAIL = """Summary of the Group's conclusions
Members encouraged all stakeholders to submit entries to the WSIS Stocktaking, and invited the secretariat to report on the entries received by region.
The Group recalled that the roadmaps were last updated in 2023. It asked the secretariat to present updated roadmaps to its next meeting.
Members stressed that the Union should give more attention to the people who remain offline.
The delegate of one Member State raised the question of working methods. The Chair invited Member States to send written proposals to the secretariat.
FROM MANDATES TO RESULTS: WHAT THE NEXT REPORT SHOULD CONTAIN
"""


def test_a_groups_members_ask_twice_it_asks_again_and_a_title_in_capitals_asks_nothing():
    rows = [(r.actor, r.kind.value, r.text[:22]) for r in _extract(MEETING_MAIL).requirements]
    assert rows == [
        ("All stakeholders", "invitation", "Members encouraged all"),
        ("Secretariat", "invitation", "invited the secretaria"),  # the meeting's second request
        ("Secretariat", "instruction", "It asked the secretari"),  # "It" is the Group of the sentence before
        ("ITU", "expectation", "Members stressed that "),  # a view, whose "should" is the Union's
        ("Member States", "invitation", "The Chair invited Memb")]


QUOTED_PARTS = """Contribution from the Republic of Veldora
2.1\tResolution 231 (Doha, 2026) of the Plenipotentiary Conference, under instructs the Director of the Telecommunication Development Bureau, reads:
"to give priority to the national statistical offices of the least developed countries;"
2.2\tThe same resolution, under "invites Member States", reads:
"1 to collect data on meaningful connectivity through household surveys;"
2.4\tFinally, General Assembly resolution A/RES/82/877, in its paragraph 11, "Requests the International Telecommunication Union to make public, by country, the data it collects on prices".
4\tProposals
Veldora further proposes, for the operational plan: a) the ITU regional offices to report twice a year on the regional initiatives; b) BDT designating a single focal point for WSIS reporting.
"""


def test_parts_of_a_resolution_quoted_under_their_chapeau_a_cited_paragraph_and_proposals_with_their_own_subjects():
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.quoted_from)
            for r in _extract(QUOTED_PARTS).requirements]
    assert rows == [
        (None, "Director of the Telecommunication Development Bureau", "Resolution 231 (Doha, 2026)"),
        ("1", "Member States", "Resolution 231 (Doha, 2026)"),  # "The same resolution, under …"
        ("11", "ITU", "General Assembly resolution A/RES/82/877"),
        ("a", "ITU regional offices", None), ("b", "Director of the Telecommunication Development Bureau", None)]


QUOTING_IN_OTHER_WORDS = """Contribution from the Republic of Estravia
2.1\tCouncil Resolution 1332 (Mod. 2024) contains, among others, the following instructions to the Secretary-General:
"2\tto update the roadmaps of the Action Lines that ITU facilitates;
6\tto report each year to the Economic and Social Council on ITU's activities;"
2.2\tCouncil Resolution 1417 (Mod. 2027) reads in part:
"decides
2 that the Secretary-General shall submit the report six weeks before each meeting;"
2.3\tResolution 247 (Doha, 2026) of the Plenipotentiary Conference instructs the Directors of the Bureaux "3\tto report on the contribution of their study groups to the Action Lines".
3\tProposals
Proposal 1: For each of Action Lines C2, C5 and C6, the report should give the figures of the last two years.
Proposal 2: It is important that all data on trainees be disaggregated by sex and by age.
"""


def test_quoted_items_under_a_chapeau_in_other_words_and_subjects_that_are_no_actors():
    rows = [(r.source.label and norm_label(r.source.label), r.actor, r.quoted_from)
            for r in _extract(QUOTING_IN_OTHER_WORDS).requirements]
    assert rows == [
        ("2", "Secretary-General", "Council Resolution 1332 (Mod. 2024)"),  # "the following instructions to …:"
        ("6", "Secretary-General", "Council Resolution 1332 (Mod. 2024)"),
        ("2", "Secretary-General", "Council Resolution 1417 (Mod. 2027)"),  # "reads in part:" then '"decides'
        ("3", "Directors of the Bureaux", "Resolution 247 (Doha, 2026)"),  # the item's own number, in quotes
        ("1", "Secretariat", None),  # a list of Action Lines inside "For each of …," is no actor; the report's drafters
        ("2", None, None)]  # "… disaggregated by sex": the text names no one, and no one is guessed


def test_a_targets_code_opens_its_item_whatever_follows():
    text = "3\tTargets for 2029\nT1\t45 000 learners per year trained through the ITU Academy;\nT2\tat least 30 per cent of learners from least developed countries;\n"
    # no one commits to them and the heading names no one: who owns them is unknown, not guessed
    assert [r[:3] for r in _rows(_extract(text))] == [("T1", None, "target"), ("T2", None, "target")]


def test_the_wsis_targets_are_everyones_and_other_unowned_targets_have_no_guessed_owner():
    wsis = "Annex\nThe WSIS targets of the Geneva Plan of Action\na)\tRural schools are connected to ICTs;\n"
    other = "Targets for 2030\na)\tevery regulator publishes its spectrum fees online;\n"
    assert [r[1] for r in _rows(_extract(wsis))] == ["All stakeholders"]
    assert [r[1] for r in _rows(_extract(other))] == [None]


STUDY_GROUPS_DECIDE = """Resolution 88 (Rev. Lusaka, 2029)
The World Telecommunication Development Conference (Lusaka, 2029),
decides
1\tthat the ITU-D study groups shall, within their existing Questions, take up the following matters:
a)\tthe cost of devices for persons with disabilities;
b)\tthe reuse of refurbished handsets in rural areas;
2\tthat the Telecommunication Development Bureau shall publish a summary of the findings each year.
"""


def test_decides_that_the_sector_study_groups_shall_names_the_groups_not_the_union():
    assert [r[:2] for r in _rows(_extract(STUDY_GROUPS_DECIDE))] == [
        ("1", "ITU-D study groups"), ("1 a", "ITU-D study groups"), ("1 b", "ITU-D study groups"),
        ("2", "Director of the Telecommunication Development Bureau")]


RECOMMENDS_THAT_THE_BODY = """E/RES/2029/12
The Economic and Social Council,
4.\tTakes note of the methodological work of the Alliance for Open Connectivity Data, and recommends that the Alliance issue, in 2029, a list of indicators that covers the affordability of devices;
"""


def test_recommends_that_a_body_publish_names_the_body_not_the_relative_pronoun():
    [row] = _rows(_extract(RECOMMENDS_THAT_THE_BODY))
    assert row[:3] == ("4", "Alliance for Open Connectivity Data", "invitation")  # its one full name in the text


TSAG_DECIDED = """Conclusions of the sixth TSAG meeting
5.1\tTSAG reviewed the progress report of the Bureau.
5.2\tTSAG decided the following: a) the TSB Director to publish the list of Recommendations that serve each Action Line;
b) TSB, in consultation with the study group chairs, preparing a short guide on the WSIS roadmaps;
c) TSAG itself examining, at each meeting, the progress made.
"""


def test_a_numbered_meeting_decision_whose_first_item_runs_on_and_items_with_their_own_subjects():
    assert [r[:2] for r in _rows(_extract(TSAG_DECIDED))] == [
        ("5.2 a", "Director of the Telecommunication Standardization Bureau"),
        ("5.2 b", "Director of the Telecommunication Standardization Bureau"), ("5.2 c", "TSAG")]


THREE_BUREAUX = """Resolution 260 (Busan, 2030)
instructs the Directors of the three Bureaux
1\tto list in their operational plans the outputs that serve each Action Line;
2\tthe Radiocommunication Bureau, in particular, to report on the spectrum made available for rural broadband;
"""


def test_a_bureau_named_by_its_item_under_the_directors_of_the_bureaux_acts_itself():
    assert [r[:2] for r in _rows(_extract(THREE_BUREAUX))] == [
        ("1", "Directors of the Bureaux"), ("2", "Director of the Radiocommunication Bureau")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_rows_lead_cell_after_an_action_that_counts_member_states(fmt):
    text = ("Table 2 - Actions, leads and deadlines\nNo.\tAction\tLead\tDeadline\n"
            "2.3\tHelp at least 12 Member States in drafting national broadband plans\tBDT Regional Offices\tJune 2029\n"
            "2.4\tPublish the regulatory tracker and the data behind it every quarter\tDirector of BDT\tMay 2029\n")
    assert [r[:2] for r in _rows(_extract(text, fmt))] == [
        ("2.3", "Director of the Telecommunication Development Bureau"),
        ("2.4", "Director of the Telecommunication Development Bureau")]


BAR_TABLE = """Table 3 - Work items for 2029
Ref. | Action | Lead | Due | Measure
4.1 | Map the rural schools still without a fixed connection in six pilot countries | BDT | Q2 2029 | Maps delivered
4.2 | Revise the handbook on numbering plans for small island states | TSB | Q4 2029 | Handbook issued
Table 4 - Targets for 2029
Ref.\tTarget for the end of 2029\tLead
T.1\tNine more countries publish an open register of their rural schools\tBDT
T.2\t40 000 officials finish a course on numbering resources\tTSB
Table 5 - Targets without a lead
T.3\tAt least 70 per cent of the schools mapped are connected by 2030.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_with_cells_between_bars_and_a_targets_table_with_its_own_lead_column(fmt):
    # The bar after a row's number is no part of the action, the header "Ref. | Action | Lead | …" has a Lead
    # column, a target coded "T.2" may open with its figure, and a new table's caption ends the last one's columns.
    rows = _rows(_extract(BAR_TABLE, fmt))
    assert [r[:3] for r in rows] == [
        ("4.1", "Director of the Telecommunication Development Bureau", "instruction"),
        ("4.2", "Director of the Telecommunication Standardization Bureau", "instruction"),
        ("T.1", "Director of the Telecommunication Development Bureau", "target"),
        ("T.2", "Director of the Telecommunication Standardization Bureau", "target"),
        ("T.3", None, "target")]
    assert rows[0][3].startswith("Map the rural schools")


CONTRIBUTION_WITH_NOTES = """Contribution from the Republic of Ostmark
1\tBackground
Ostmark has funded training under Action Line C4 since 2019¹ and welcomes the new roadmaps² and the data portal³.
Resolution 140 (Rev. Doha, 2026) of the Plenipotentiary Conference, in its encourages Member States 3, asks Member States "to report their national broadband targets to the Union", which few have done.
2\tAnalysis
The portal has grown, but its figures are two years old.
3\tProposals
Proposal 1: To add to each roadmap the date on which it was last revised.
Proposal 2: To list in the report the countries whose data are older than two years.
Proposal 3: That the Working Group review the roadmaps every second year.
______________
1 Courses in the Andean region and in Southern Africa.
2 Document C27/51.
3 See the portal's page on household data.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_proposals_and_a_section_number_that_are_no_footnotes_and_a_part_cited_by_its_verb(fmt):
    # "Proposal 1: To add …" and the heading "3 Proposals" carry numbers the footnote markers ¹ ² ³ also use; a
    # request cited as "in its encourages Member States 3" is that part's: an invitation numbered 3.
    rows = _rows(_extract(CONTRIBUTION_WITH_NOTES, fmt))
    assert [r[:3] for r in rows] == [
        ("3", "Member States", "invitation"),
        ("1", None, "proposal"), ("2", None, "proposal"),  # "To add …", "To list …": no one named, no one guessed
        ("3", "Council Working Group on WSIS and the SDGs", "proposal")]


MEETING_OPENINGS = """Conclusions of the twelfth meeting
1 Having examined the draft work plan in Document TF-12/4, the Group agreed that:
(a) the secretariat would merge the two surveys into one questionnaire;
(b) the Chair of the Council Working Group on WSIS and the SDGs, helped by the secretariat, would brief the regional groups;
2 Recalling its earlier request, the Group asked the secretariat:
(a) to publish the questionnaire before June 2029;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meetings_conclusion_after_an_opening_phrase_and_items_that_say_who_would_act(fmt):
    # "Having examined …, the Group agreed that:" is the Group's decision with its items under it; an item's own
    # subject acts ("the secretariat would …"), its aside left out, an officer of a long-named body named in full.
    rows = _rows(_extract(MEETING_OPENINGS, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Council Working Group on WSIS and the SDGs", "decision"),
        ("1 a", "Secretariat", "decision"),
        ("1 b", "Chair of the Council Working Group on WSIS and the SDGs", "decision"),
        ("2", "Secretariat", "instruction"), ("2 a", "Secretariat", "instruction")]


CELL_PER_LINE = """Annex - Work plan
Table B.1 - Actions
Action
Lead
Deadline
2.1 Compile a census of the community networks that serve mountain villages
TSB
End of 2030
2.2 Run a training course for the staff of village telecentres in each region
Regional offices
2031
Table B.2 - Targets
No.
Target
Lead
T1
Half of the mountain villages reach a broadband signal of 10 Mbit/s
Member States
T2
A census of community networks is available for 40 countries
BDT, with the regional offices
Note: the lead named for each row reports on it.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_table_exported_one_cell_per_line_gives_each_row_its_lead_and_code(fmt):
    # Header cells each on a line ("Action", "Lead", "Deadline"), then each row as that many lines: the Lead line says
    # who acts, the "No." line labels a target, and the Lead and Deadline lines are no requirements of their own.
    rows = _rows(_extract(CELL_PER_LINE, fmt))
    assert [r[:3] for r in rows] == [
        ("2.1", "Director of the Telecommunication Standardization Bureau", "instruction"),
        ("2.2", "Regional offices", "instruction"),
        ("T1", "Member States", "target"),
        ("T2", "Director of the Telecommunication Development Bureau", "target")]


OWNED_TARGETS = """Decision 702 (C29)
The Council,
decides
1\tto set the following targets for 2030, which the Secretary-General and the Directors of the Bureaux have undertaken to meet:
a)\ttwenty more countries with a published spectrum roadmap;
b)\tthe WSIS Forum 2030 attended from 120 countries;
2\tto review the targets in 2031,
instructs the Director of the Telecommunication Standardization Bureau
to seek voluntary funding for the work under decides 1 a) and to report on it,
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_targets_adopted_for_those_who_undertook_them_and_an_item_that_cites_a_part_by_its_verb(fmt):
    # "…, which the Secretary-General and the Directors … have undertaken to meet:" makes the targets theirs; an
    # unnumbered item that mentions "decides 1 a)" is an item, not a chapeau.
    rows = _rows(_extract(OWNED_TARGETS, fmt))
    both = "Secretary-General and Directors of the Bureaux"
    assert [r[:2] for r in rows] == [("1", both), ("1 a", both), ("1 b", both), ("2", "Council"),
                                     ("", "Director of the Telecommunication Standardization Bureau")]


ACTION_POINTS_BY_THING = """Report of the regional forum on digital inclusion
II. Discussion
Participants described the state of rural connectivity in their countries.
III. Action points
The following action points were agreed: (a) ITU and UNESCO to map, by June 2029, the digital skills programmes of the region; (b) publication in 2029 of a regional guide on accessible public websites, led by ITU, with a chapter on procurement; (c) a workshop on spectrum for rural areas to be hosted by ESCWA in 2029; (d) a training week for regulators in French, with ITU as organizer.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_action_points_under_a_numbered_title_and_points_named_by_the_thing_to_be_done(fmt):
    # "III. Action points" typed in a paragraph opens the section as its heading does; a point named by its thing
    # ("publication … , led by ITU", "… to be hosted by ESCWA", "…, with ITU as organizer") is its agent's to do;
    # "ITU and UNESCO to map …" is both bodies' (round 50: bodies listed together all act).
    rows = _rows(_extract(ACTION_POINTS_BY_THING, fmt))
    assert [r[:3] for r in rows] == [("a", "ITU and UNESCO", "instruction"), ("b", "ITU", "instruction"),
                                     ("c", "United Nations Economic and Social Commission for Western Asia", "instruction"), ("d", "ITU", "instruction")]


PROPOSALS_LEAD_IN_AND_NOTICE = """Contribution from the Republic of Varnia
3 Proposals
Varnia proposes that the Working Group recommend to the Council the following:
Proposal 1: that the secretariat add a glossary to the progress report.
4 Practical information
Delegates are reminded that the final list of documents will be posted after the meeting.
BDT will post the glossary on the WSIS website.
"""


def test_a_proposals_lead_in_and_a_notice_to_readers_are_no_requirements():
    # "… proposes that the Group recommend to the Council the following:" only opens the proposals; "Delegates are
    # reminded that the list … will be posted" reports a "will" that is no body's commitment (BDT's below is one).
    rows = _rows(_extract(PROPOSALS_LEAD_IN_AND_NOTICE))
    assert [r[:3] for r in rows] == [("1", "Secretariat", "proposal"),
                                     ("", "Director of the Telecommunication Development Bureau", "expectation")]


OFFICES_ITEM = """Resolution 1519 (Mod. 2029)
instructs the Director of the Telecommunication Development Bureau
1\tto review the support given to the least developed countries;
2\tthe field offices to hold a yearly consultation with the national regulators of their area;
3\tthe progress note to be sent to the Council each year;
"""


def test_an_item_that_names_a_body_by_its_common_noun_makes_that_body_act():
    # "2 the field offices to hold …" under the Director's chapeau: the offices act; "the progress note to be sent"
    # names a thing, so the chapeau's Director stays.
    rows = _rows(_extract(OFFICES_ITEM))
    bdt = "Director of the Telecommunication Development Bureau"
    assert [r[:2] for r in rows] == [("1", bdt), ("2", "field offices"), ("3", bdt)]


PLAN_WITH_COMMITTED_TARGETS = """Action plan of the Union for Action Line C4, 2029-2031
This plan sets out what the Sectors and the General Secretariat will do for capacity building until 2031, each activity with the entity that leads it.
Activities
1\tAdvance ITU-T work on the quality of rural broadband measurements, with the regional offices. Lead: TSB
2\tTrain regulators from least developed countries in reading broadband price data – Lead: BDT
Targets for 2031
The following targets were agreed by the Council with the plan.
T1\tBy 2031, Member States commit to publishing a national broadband price survey.
T2\tBDT commits to training at least 400 regulators from least developed countries.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_plan_items_with_their_lead_and_targets_that_name_who_commits(fmt):
    # An item that names its lead is an action even when its first word reads as a noun ("Advance ITU-T work");
    # "– Lead: BDT" after a dash names the lead too; a target whose own words say who commits is theirs, not the
    # Council's that adopted the list.
    rows = _rows(_extract(PLAN_WITH_COMMITTED_TARGETS, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Director of the Telecommunication Standardization Bureau", "instruction"),
        ("2", "Director of the Telecommunication Development Bureau", "instruction"),
        ("T1", "Member States", "target"),
        ("T2", "Director of the Telecommunication Development Bureau", "target")]


REGIONAL_STATEMENT = """Regional Review of WSIS Implementation for the Andean Region
Lima, 4-5 May 2028
We, the participants in the Regional Review, representing Governments, regulators, civil society and academia, meeting
1. Reaffirm our attachment to the Geneva Plan of Action as the frame for digital policy in the region;
2. Recognize the growth of mobile broadband since the last review;
3. Are convinced that Governments should fund digital skills programmes from their own budgets;
4. We request ECLAC to present this statement to the Commission on Science and Technology for Development;
5. We recommend that CITEL study spectrum for rural fixed wireless access;
6. Express our thanks to the host country.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_declaration_asks_only_where_its_participants_ask(fmt):
    # "Reaffirm …", "Recognize …", "Express our thanks …" declare; "Are convinced that Governments should …" expects
    # something of Governments; bodies the knowledge base knows by their initials get their full names.
    rows = _rows(_extract(REGIONAL_STATEMENT, fmt))
    assert [r[:3] for r in rows] == [
        ("3", "Governments", "expectation"),
        ("4", "United Nations Economic Commission for Latin America and the Caribbean", "instruction"),
        ("5", "Inter-American Telecommunication Commission", "invitation")]
    printed = [r.actor_printed for r in _extract(REGIONAL_STATEMENT, fmt).requirements]
    assert printed[1:] == ["ECLAC", "CITEL"]


def test_a_body_known_only_whole_is_not_read_inside_a_phrase():
    # "National Commissions for UNESCO" and "together with UNESCO, UNDP and UNCTAD" name no one who acts.
    text = ("Action plan\n2\tActivities\n"
            "1\tOrganize the WSIS Forum in Geneva, together with UNESCO, UNDP and UNCTAD [General Secretariat]\n"
            "Resolution 1520 (Mod. 2029)\ninvites the National Commissions for UNESCO\n"
            "1\tto share their WSIS projects with the Stocktaking.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("1", "Secretariat"), ("1", "National Commissions for UNESCO")]


MEETING_CONCLUSIONS = """Report of the twelfth meeting of the Telecommunication Development Advisory Group
2 Conclusions
2.1 Several members considered that BDT should publish its regional figures twice a year; others disagreed.
2.2 TDAG agreed to set up a correspondence group on regional reporting, under the leadership of its Vice-Chair, with the following terms of reference:
(i) to review the regional reports of the past two years;
(ii) to submit its findings to the next TDAG meeting.
2.3 TDAG requested the Chair of the Working Group on Resources to present its report to the Council.
2.4 TDAG welcomed the work of the Broadband Commission for Sustainable Development, and encouraged the Commission to publish regional figures.
3 Deadlines
– 30 September 2028: nominations of experts to the secretariat
– November 2028: first meeting of the correspondence group
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_meeting_conclusions_views_groups_set_up_short_names_and_dated_steps(fmt):
    # What "several members considered" is no conclusion; a group set up with terms of reference carries them out;
    # "the Chair of the Working Group" acts, not the Group; "the Commission" after "the Broadband Commission …" in
    # the same paragraph is that Commission; dated steps under "Deadlines" are steps nobody is named for.
    rows = _rows(_extract(MEETING_CONCLUSIONS, fmt))
    group = "correspondence group on regional reporting"
    assert [r[:3] for r in rows] == [
        ("2.2", "TDAG", "decision"), ("2.2 i", group, "decision"), ("2.2 ii", group, "decision"),
        ("2.3", "Chair of the Working Group on Resources", "instruction"),
        ("2.4", "Broadband Commission", "invitation"),
        ("", None, "instruction"), ("", None, "instruction")]


BARE_CHAPEAU = """Resolution 149 (Rev. Windhoek, 2029)
The World Telecommunication Development Conference,
invites Member States
1\tto include rural areas in their broadband plans;
2\ttheir universal service fund administrators to favour projects in rural schools,
encourages
universities and research institutes to test low-power rural networks and to publish their results.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_item_or_paragraph_that_names_its_own_addressee(fmt):
    # "2 their universal service fund administrators to …" names who acts; after a bare "encourages", the paragraph
    # below opens with its addressee.
    rows = _rows(_extract(BARE_CHAPEAU, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Member States", "invitation"), ("2", "universal service fund administrators", "invitation"),
        ("", "universities and research institutes", "invitation")]


RUNNING_HEADERS = """212 Final Acts of the Regional Conference (Lomé, 2027)
RESOLUTION 88 (REV. LOMÉ, 2027)
Rural connectivity and the WSIS Action Lines
The Regional Conference (Lomé, 2027),
resolves
1 that the Union shall report each year on the rural sites it helped to connect,
Resolution 88 213
instructs the Director of the Telecommunication Development Bureau
1 to publish a yearly map of the rural schools still without a connection; 2 to help regulators draft universal service rules that reach the remote villages of the
214 Final Acts of the Regional Conference (Lomé, 2027)
Sahel and the islands; 3 a training course for the regulators of small island states, held every second year; 4 to report to the Council on the results,
invites Member States
1 to share their data on rural sites with the Union.
Resolution 88 215
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_running_header_inside_a_run_on_paragraph_is_dropped_and_the_halves_joined(fmt):
    # Copied from a PDF, the page's header and number sit in the middle of a sentence; the items after it are the
    # same paragraph's, and the header asks nothing.
    rows = _rows(_extract(RUNNING_HEADERS, fmt))
    director = "Director of the Telecommunication Development Bureau"
    assert [r[:2] for r in rows] == [("1", "ITU"), ("1", director), ("2", director), ("3", director),
                                     ("4", director), ("1", "Member States")]
    item_2 = _extract(RUNNING_HEADERS, fmt).requirements[2].text
    assert item_2.endswith("remote villages of the Sahel and the islands")
    assert not any("Final Acts" in r.text for r in _extract(RUNNING_HEADERS, fmt).requirements)


MISSING_PAGE = """Contribution from the Republic of Ostmark
1 Background
Ostmark has connected forty rural schools since 2025 and would like the report to say how many schools the Union helped to connect in the
3 Proposals
Proposal 1: The report should list the schools connected with the Union's help.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_numbered_heading_after_a_paragraph_cut_by_a_missing_page_stays_a_heading(fmt):
    # "3 Proposals" looks like a page number and a title, but the paragraph after it opens a sentence of its own.
    doc = parse_bytes(_render(MISSING_PAGE, fmt), path=f"doc.{fmt}")
    assert any(b.text.endswith("helped to connect in the") for b in doc.blocks)
    assert any(b.text.endswith("Proposals") for b in doc.blocks)
    # (the item is a proposal because it stands under the Proposals heading)
    assert [(norm_label(r.source.label), r.kind.value) for r in extract(doc).requirements] == [("1", "proposal")]


def _render(text: str, fmt: str) -> bytes:
    """The bytes of `text` as the user would give it in `fmt`, one paragraph per line."""
    if fmt == "txt":
        return text.encode("utf-8")
    paras = blind_paragraphs(text, "lines")
    return render_blind_docx(paras, "test") if fmt == "docx" else render_blind_pdf(paras, {"footer": "Page {page}"})


MEETING_ACTIONS = """Report of the fifty-second meeting of the Expert Group on ICT Household Indicators
1\tOpening
1.1\tThe Chair of the Expert Group opened the meeting, welcomed the new members and recalled the list of actions agreed at the last meeting.
Table 3 – Action items agreed at the fifty-second meeting
No. Action Responsible Deadline Status
52/1 Revise the questionnaire on household access to the Internet and on the places where people go online Secretariat (IDS) 30 April 2029 Open
52/2 Draft notes on the indicators of school connectivity, with the definitions the countries asked for Directors BR/TSB/BDT EGH-53 Open
52/3 Collect national figures on the price of mobile data and fixed broadband for the next edition Member States 31 May 2029 Open
52/4 Link Stocktaking entries to the indicator database and report on the entries still without a link BDT 1 June 2029 Ongoing
52/5 Present the results of the survey on household access to the plenary of the next meeting Chair June 2029 Open
2\tReferences
79/24 Information and communications technologies for sustainable development, adopted by the General Assembly in December 2024
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meetings_action_items_numbered_by_meeting_and_item_under_a_responsible_column(fmt):
    # Each row of the table runs together into one paragraph: its number "52/1" is the label, the action is asked
    # of whoever its Responsible cell names; a resolution's number opening a line outside the table is no label.
    rows = _rows(_extract(MEETING_ACTIONS, fmt))
    assert [r[:3] for r in rows] == [
        ("52/1", "Secretariat", "instruction"),
        ("52/2", "Directors of the Bureaux", "instruction"),
        ("52/3", "Member States", "instruction"),
        ("52/4", "Director of the Telecommunication Development Bureau", "instruction"),
        ("52/5", "Chair of the Expert Group on ICT Household Indicators", "instruction")]
    assert rows[3][3].startswith("Link Stocktaking entries")


ACTION_POINTS_WITH_OWNER_AND_DATE = """Conclusions and action points of the ninth meeting of the Expert Group on Rural Connectivity
The meeting was chaired by the Chair of the Expert Group on Rural Connectivity, Ms Aina Rosen, and brought together forty experts from regulators, operators and universities.
3 Action points
AP1 (Secretariat, by 15 December 2028): revise the draft report in line with the conclusions above.
AP2 (Chair, before 31 October 2028): consult the regional groups on the theme of the next meeting.
AP3 (Member States, by 31 January 2029): send to the secretariat the names of their focal points.
4 Action items
No.\tAction\tResponsible\tDeadline
AP 9/1\tCirculate the revised indicators to all members for comment\tSecretariat\t7 November 2028
AP 9/2\tConvene an online consultation on the indicators\tChair\tBefore 30 November 2028
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_action_points_coded_with_their_owner_and_date(fmt):
    # "AP1 (Secretariat, by …): revise …" and rows "AP 9/1 … Secretariat 7 November 2028" under a Responsible column;
    # a bare "Chair" is the chair the document names in full.
    chair = "Chair of the Expert Group on Rural Connectivity"
    rows = _rows(_extract(ACTION_POINTS_WITH_OWNER_AND_DATE, fmt))
    assert [r[:3] for r in rows] == [
        ("AP1", "Secretariat", "instruction"), ("AP2", chair, "instruction"), ("AP3", "Member States", "instruction"),
        ("AP 9/1", "Secretariat", "instruction"), ("AP 9/2", chair, "instruction")]
    assert rows[0][3].startswith("revise the draft report")


COUNCIL_REPORT_WITH_DRAFT_DECISION = """Council 2028
Document C28/61-E
Report by the Secretary-General
5 Results framework
5.1 Work on the results framework for the Action Lines started in January 2028, and 30 indicators have been drafted.
5.2 One delegation asked whether the indicators should be published before the baseline is known.
6 Conclusions
In the light of the above, the Council is invited to:
a) endorse the results framework;
b) approve the draft decision in the Annex.
ANNEX
Draft Decision 661 (C28)
The Council,
decides
1 that the results framework shall be finalized by 31 March 2029;
2 that the framework shall be reviewed and, where necessary, revised by the Council Working Group on WSIS and the SDGs in 2030;
3 the indicators listed in the framework are approved on a provisional basis,
instructs the Secretary-General
to publish the framework on the ITU website.
"""


# In DOCX and PDF the asks model at 0.7 (0.75 before), and in TXT too from the model of sets 1-86 to that of sets 1-92,
# reads "5.1 Work on the results framework … started in January 2028, and 30 indicators have been drafted." (a report
# of progress): a spurious read (strict: fails once it stops). The model of sets 1-94 left it in TXT; that of sets 1-96
# reads it there again.
MODEL_READS_PROGRESS = pytest.mark.xfail(strict=True,
                                         reason="the asks model (0.7; 0.6 on sets 1-76 to 1-96) reads 5.1's "
                                                "progress report")


@pytest.mark.parametrize("fmt", [pytest.param("txt", marks=MODEL_READS_PROGRESS),
                                 pytest.param("docx", marks=MODEL_READS_PROGRESS),
                                 pytest.param("pdf", marks=MODEL_READS_PROGRESS)])
def test_a_council_report_and_its_draft_decision(fmt):
    # "Work on … started" reports; "asked whether … should" is a question; "the Council is invited to:" only leads
    # into its items; "by 31 March 2029" is no agent; an agent past an aside acts; what "are approved" the Council
    # approves.
    rows = _rows(_extract(COUNCIL_REPORT_WITH_DRAFT_DECISION, fmt))
    assert [r[:3] for r in rows] == [
        ("a", "Council", "invitation"), ("b", "Council", "invitation"),
        # ("decides 1 that the results framework shall be finalized …" names no one: unknown, not ITU by convention)
        ("1", None, "decision"), ("2", "Council Working Group on WSIS and the SDGs", "decision"),
        ("3", "Council", "decision"), ("", "Secretary-General", "instruction")]


QUOTE_AFTER_A_SENTENCE = """Contribution from the Republic of Ostrava to the Council Working Group on WSIS and the SDGs
2 Discussion
2.1 The membership has already given clear instructions. Council Resolution 1417 (Mod. 2027) instructs the Secretary-General:
3 to present to the Council each year the results of ITU's work under each Action Line;
4 to update the roadmaps every two years.
2.2 These instructions have not yet been followed in full.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_chapeau_in_the_last_sentence_of_a_paragraph_quotes_its_resolution(fmt):
    reqs = _extract(QUOTE_AFTER_A_SENTENCE, fmt).requirements
    assert [(norm_label(r.source.label), r.actor, r.quoted_from) for r in reqs] == [
        ("3", "Secretary-General", "Council Resolution 1417 (Mod. 2027)"),
        ("4", "Secretary-General", "Council Resolution 1417 (Mod. 2027)")]


SG_REPORT_PROPOSALS = """Council 2029
Document C29/40-E
Report by the Secretary-General
Action required
The Council is invited to consider the proposals in Section 4 and to endorse them.
4 Proposals
4.1 The Secretary-General proposes that the WSIS Stocktaking platform be moved to the common ITU data infrastructure by the end of 2030.
4.2 The Secretary-General proposes that each Bureau name a WSIS focal point for the consolidated report.
5 Action points
No.\tAction\tResponsible\tDeadline
1\tCirculate to the Group a revised outline of the report\tSecretariat\t15 November 2029
2\tSend written comments on the draft indicator set\tMember States\t31 March 2030
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_report_s_proposals_action_box_and_numbered_action_rows(fmt):
    # "Action required" typed as a paragraph still opens its section; a passive proposal names no one, so the
    # proposer is not taken for who acts; "each Bureau" acts through its Director; rows numbered "1", "2" under a
    # Responsible column are action points in every format.
    result = _extract(SG_REPORT_PROPOSALS, fmt)
    rows = _rows(result)
    assert "1 requirement(s) do not say who must act (4.1): actor unknown; check who is meant" in result.warnings
    assert [r[:3] for r in rows] == [
        ("", "Council", "invitation"), ("4.1", None, "proposal"), ("4.2", "Directors of the Bureaux", "proposal"),
        ("1", "Secretariat", "instruction"), ("2", "Member States", "instruction")]


NO_ONE_NAMED = """Review of coordination in the follow-up of the Summit
Report of the inspection team
Recommendations
Recommendation 1
The executive heads of the agencies that facilitate Action Lines should agree on one reporting calendar by 2029.
Recommendation 2
The legislative organs of those agencies should review the calendar every second year.
Recommendation 3
Shared indicators should be used wherever the Partnership has defined one.
Recommendation 4
In our view the next report should open with a summary table of the Action Lines.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_requirement_that_names_no_one_gets_no_guessed_actor_and_a_warning(fmt):
    # Who acts is the body the sentence names ("The executive heads of …", "The legislative organs of …"); a thing
    # as subject names no one, so the actor is unknown and the extraction says so (the secretariat was guessed until
    # set 46, wrongly 64 times in 85 on the blind sets before it); the report being drafted is its drafters'.
    result = _extract(NO_ONE_NAMED, fmt)
    assert [r[1:3] for r in _rows(result)] == [
        ("executive heads of the agencies that facilitate Action Lines", "expectation"),
        ("legislative organs of those agencies", "expectation"),
        (None, "expectation"), ("Secretariat", "expectation")]
    assert any(w.startswith("1 requirement(s) do not say who must act") and w.endswith(
        "actor unknown; check who is meant") for w in result.warnings), result.warnings
    unknown = next(r for r in result.requirements if r.actor is None)
    assert unknown.read_by == "rules" and unknown.text.startswith("Shared indicators should be used")


RECORD_WITH_ACTIONS_AND_CODED_PROPOSALS = """Annual report of the Audit Advisory Board
3 Recommendations
Recommendation 1 (2029): AAB recommends that the Secretary-General fill the vacant evaluation posts before June 2029.
4 Development
4.2 TDAG advised the BDT Director to report results against the indicators of the operational plan.
5 Follow-up
Action 1: the secretariat to add to the report one table per Action Line.
Action 2 – the Director of BDT to provide the number of schools connected since 2026.
Action: UNCTAD, as secretariat of the CSTD, to circulate the outline to all members.
Action: update the WSIS-SDG Matrix before the next meeting.
6 Decisions
Decision 12/1: The input shall be organized by Action Line, with one section for each.
Decision 12/2: The Directors of the Bureaux shall each propose no more than three workshops.
Proposals
SAR/12A1/1	ADD
That the Union hold a regional WSIS session every second year.
Reasons: Participation from the region remains low.
SAR/12A1/2	MOD
That the Secretary-General report each year on the regional distribution of projects, giving:
a)	the number of projects in each country;
b)	the resources spent on each Action Line.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_recommendations_with_a_year_advice_action_lines_and_coded_that_proposals(fmt):
    # "Recommendation 1 (2029):" labels its text; "advised" asks (the present "advises" only describes a role);
    # "Action 2 – X to …" names its owner; "Action: update …" names no one (actor unknown); a conference
    # proposal's code on the line above its "That …" paragraph is its label, and its letters are its own.
    result = _extract(RECORD_WITH_ACTIONS_AND_CODED_PROPOSALS, fmt)
    assert [r[:3] for r in _rows(result)] == [
        ("1", "Secretary-General", "invitation"),
        ("4.2", "Director of the Telecommunication Development Bureau", "invitation"),
        ("1", "Secretariat", "instruction"), ("2", "Director of the Telecommunication Development Bureau", "instruction"),
        ("", "United Nations Conference on Trade and Development", "instruction"), ("", None, "instruction"),
        ("12/1", None, "expectation"), ("12/2", "Directors of the Bureaux", "expectation"),  # "Decision 12/2: …"
        ("SAR/12A1/1", "ITU", "proposal"), ("SAR/12A1/2", "Secretary-General", "proposal"),
        ("SAR/12A1/2 a", "Secretary-General", "proposal"), ("SAR/12A1/2 b", "Secretary-General", "proposal")]
    assert all(r.read_by == "rules" for r in result.requirements)


DELEGATION_LETTER_ON_A_DRAFT = """From: Permanent Mission of the Republic of Ostrelia
Subject: Comments on the draft report on ITU's WSIS activities in 2029

Specific comments

1. Section 2 (Action Line C2). The coverage figures are useful. We request that the secretariat add the number of people who remain offline, by region.

2. Section 3 (Action Line C4). Please indicate, for each course listed, how many participants completed it.

3. Section 4 (Action Line C5). The paragraph repeats the methodology. We ask that it instead summarize the main changes since the last edition.

4. Section 7 (Resources). It is important that the report indicate the staff and budget allocated to WSIS work.

5. Annex 2 (Stocktaking entries). We suggest moving this annex to a separate information document.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_delegations_requests_after_its_remarks_ask_the_drafters_of_the_report(fmt):
    # A delegation's letter on a draft: the request after a remark in the same comment is one ("We request that …",
    # "We suggest moving …"); "Please indicate …" under "Section 3" asks for the draft's change; what names no one
    # ("We ask that it …", "It is important that the report …", "We suggest …") is asked of the report's drafters.
    rows = _rows(_extract(DELEGATION_LETTER_ON_A_DRAFT, fmt, paragraphs="blank-lines"))
    assert [r[:3] for r in rows] == [
        ("1", "Secretariat", "instruction"), ("2", "Secretariat", "instruction"), ("3", "Secretariat", "instruction"),
        ("4", "Secretariat", "expectation"), ("5", "Secretariat", "proposal")]
    assert [r[3] for r in rows][:1] == ["We request that the secretaria"]  # the request, not the remark before it


INSPECTION_AND_AUDIT_RECOMMENDATIONS = """Review of the coordination of the Summit follow-up
C. Coordination
41. The Inspectors found that the Group met only once a year.
Recommendation 1
The executive heads of the member organizations should each name a senior focal point for the Summit follow-up by 2029.
The implementation of this recommendation is expected to strengthen coordination across the system.
D. Internal audit of the WSIS Forum
Recommendation 2 (priority: high) The Secretary-General should publish the accounts of the WSIS Forum each year.
Management response: Agreed.
E. Proposals
Morvania proposes that:
Proposal 3	the secretariat add a table of mandates to the annual report;
Proposal 4	the Working Group review that table at each of its meetings.
F. Action items
Action 49-1: The secretariat to circulate the revised outline by 30 June 2029.
Action 49-2: Member States wishing to comment to send their comments by 15 July 2029.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_recommendations_proposals_and_action_items_keep_their_numbers(fmt):
    # "Recommendation 1" on a line of its own labels the text below it; "Recommendation 2 (priority: high)" its own
    # text; "Proposal 3<TAB>the secretariat …" is proposal 3; "Action 49-1:" is action 49-1. What a recommendation is
    # "expected to" bring asks nothing.
    result = _extract(INSPECTION_AND_AUDIT_RECOMMENDATIONS, fmt)
    assert [r[:3] for r in _rows(result)] == [
        ("1", "executive heads of the member organizations", "expectation"), ("2", "Secretary-General", "expectation"),
        ("3", "Secretariat", "proposal"), ("4", "Council Working Group on WSIS and the SDGs", "proposal"),
        ("49-1", "Secretariat", "instruction"), ("49-2", "Member States", "instruction")]
    assert not any("expected to strengthen" in r.text for r in result.requirements)


WORK_PROGRAMME_AND_TASK_LIST = """Work programme of the C3 facilitators, 2029
Table 2. Activities
| No. | Activity | Responsible unit | Date |
|-----|----------|------------------|------|
| 1.1 | Publish a yearly review of open access policies in the least developed countries | UNESCO | June 2029 |
| 1.2 | Run three regional workshops for librarians on digital preservation | ECA, ESCWA and UNESCO | 2029 |
| 1.3 | Keep the Action Line page on the WSIS website up to date | ITU (Chair) | Quarterly |
Tasks agreed by the drafting group
1. Secretariat: compile the figures of the Partnership for 2025-2028 and circulate them by 15 May;
2. Norvania: draft the section on Action Line C3 by 22 May;
ACTION - Rapporteur: assemble the full draft and post it on the group's page by 5 June.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_work_programme_typed_between_bars_and_a_task_list_read_alike_in_every_format(fmt):
    # A table typed with bars is a table in Word and PDF too (not one paragraph per row); its "Responsible unit"
    # column says who acts, all of the bodies it joins ("ECA, ESCWA and UNESCO"), not a role in brackets; a task
    # list's "Who: do this" lines ask who they name.
    rows = _rows(_extract(WORK_PROGRAMME_AND_TASK_LIST, fmt))
    assert [r[:3] for r in rows] == [
        ("1.1", "UNESCO", "instruction"), ("1.2", "ECA, ESCWA and UNESCO", "instruction"),
        ("1.3", "ITU", "instruction"),
        ("1", "Secretariat", "instruction"), ("2", "Norvania", "instruction"), ("", "Rapporteur", "instruction")]
    assert rows[0][3] == "Publish a yearly review of ope"


def test_an_action_box_run_in_with_its_sentence():
    # A pasted paragraph whose lines were joined: "Action required The Group is invited to …".
    text = ("Contribution from the Republic of Ostrava\n"
            "Action required The Council Working Group on WSIS and the SDGs is invited to consider the proposals below.\n"
            "Proposals\nProposal 1: The secretariat should add a table of results to the report.\n")
    rows = _rows(_extract(text, "docx"))
    assert [r[:3] for r in rows] == [("", "Council Working Group on WSIS and the SDGs", "invitation"),
                                     ("1", "Secretariat", "proposal")]


COMMISSION_STATEMENT = """Broadband Commission for Sustainable Development
Statement of the Commission at its Autumn Meeting 2029
The Commission met in Nairobi and reviewed the progress made towards its targets since its last session, with ministers and industry leaders of the region.
Targets for 2031
The Commission adopts the following targets, to be reached by 2031:
1. Every country has a national broadband plan with a budget line.
2. Women and men use mobile Internet at equal rates in every region.
Calls to action
Governments should report each year on progress towards these targets.
The Commission encourages private-sector members to share coverage data with ITU.
"""


# The asks models of sets 1-92, 1-94 and 1-96 read the statement's first sentence, "The Commission met in Nairobi and reviewed the
# progress …" (a report of the meeting), as a requirement in DOCX and PDF, where the title line is no heading of its
# own: a spurious read (strict: fails once it stops).
MODEL_READS_MEETING = pytest.mark.xfail(strict=True, reason="the asks model (sets 1-92 to 1-96, 0.6) reads 'The Commission met "
                                                            "in Nairobi …' in DOCX and PDF")


@pytest.mark.parametrize("fmt", ["txt", pytest.param("docx", marks=MODEL_READS_MEETING),
                                 pytest.param("pdf", marks=MODEL_READS_MEETING)])
def test_a_commission_statement_adopting_targets_and_calling_to_action(fmt):
    # "adopts the following targets" leads into targets, the Commission's; "Governments should report … these
    # targets" asks of Governments (no lead-in); "private-sector members" are companies, not ITU's Sector Members.
    rows = _rows(_extract(COMMISSION_STATEMENT, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Broadband Commission", "target"), ("2", "Broadband Commission", "target"),
        ("", "Governments", "expectation"), ("", "private-sector members", "invitation")]


WTDC_CITED_PART = """Resolution 177 (Rev. Kigali, 2029)
The World Telecommunication Development Conference,
instructs the Director of the Telecommunication Development Bureau
1\tto collect data on the connection of public institutions, in particular:
(a)\tschools;
(b)\thealth centres;
invites Member States
1\tto take part in the data collection referred to in instructs the Director 1 (a) above;
2\tto include the connection of public institutions in their national broadband plans.
Annex
The Director shall report on the data collection to each meeting of the Telecommunication Development Advisory Group.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_part_cited_by_its_chapeau_and_the_director_of_a_text_that_names_one(fmt):
    # "referred to in instructs the Director 1 (a) above" cites a part, it opens no item; "The Director" of a text
    # that names one Bureau's Director is that Director.
    bdt = "Director of the Telecommunication Development Bureau"
    rows = _rows(_extract(WTDC_CITED_PART, fmt))
    assert [r[:2] for r in rows] == [("1", bdt), ("1 a", bdt), ("1 b", bdt), ("1", "Member States"),
                                     ("2", "Member States"), ("", bdt)]


def test_action_points_coded_with_a_slash_and_their_owner_before_a_colon():
    text = ("Report of the sixth meeting of the Expert Group on Rural Connectivity\n\nAction points\n\n"
            "AP 6/1 Secretariat: circulate the revised draft progress report to\nall members of the Group by 15 March "
            "2029.\n\nAP 6/2 Member States: send written comments on the draft report\nbefore 1 April 2029.\n")
    rows = _rows(_extract(text))
    assert [r[:3] for r in rows] == [("AP 6/1", "Secretariat", "instruction"),
                                     ("AP 6/2", "Member States", "instruction")]
    assert rows[0][3].startswith("circulate the revised")


PP_CITING_UN_SYMBOLS = """RESOLUTION 299 (REV. RIYADH, 2030)
The Plenipotentiary Conference of the International Telecommunication Union (Riyadh, 2030),
recalling
a)\tthat the United Nations General Assembly carried the WSIS process forward;
b)\tA/RES/70/125, which aligned the WSIS process with the 2030 Agenda for Sustainable Development,
instructs the Secretary-General
1\tto report each year to the Council on the Union's WSIS activities.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_plenipotentiary_resolution_that_cites_a_un_symbol_is_itu_s(fmt):
    # "b) A/RES/70/125, which …" in the preamble is a citation, not a UN masthead: the Secretary-General is ITU's.
    rows = _rows(_extract(PP_CITING_UN_SYMBOLS, fmt))
    assert [r[:3] for r in rows] == [("1", "Secretary-General", "instruction")]


MEETING_AGREED_THAT = """Report of the fiftieth meeting of the Council Working Group on WSIS and the SDGs
4 Conclusions
4.1 The Group agreed that the final contribution to the CSTD should describe the results for each Action Line in a paragraph of its own.
4.2 The Group agreed that the progress report, with the amendments made during the meeting, be forwarded to the Council.
4.3 The Group agreed that its fifty-first meeting would be held in Geneva in February 2031.
"""


def test_what_a_meeting_agrees_a_drafted_text_should_say_is_the_secretariat_s():
    # The text the secretariat drafts is the secretariat's to write; forwarding the Group's own report and holding
    # its meetings stay the Group's.
    cwg = "Council Working Group on WSIS and the SDGs"
    rows = _rows(_extract(MEETING_AGREED_THAT))
    assert [r[:2] for r in rows] == [("4.1", "Secretariat"), ("4.2", cwg), ("4.3", cwg)]


PROPOSAL_ROWS_AND_SUPPORT_TASKS = """Contribution from the Republic of Ostrava to the Council Working Group on WSIS and the SDGs
3 Proposals
No. | Proposal | Rationale
Proposal 1 | That the secretariat add to the annual report a table of the operative paragraphs it answers. | Easier review
Proposal 2 | That the report give, for each Action Line, one indicator with its baseline. | Comparable figures
Annex: terms of reference of the Expert Group
6 The secretariat shall support the Expert Group and, in particular:
a) prepare the background documents for each meeting;
b) circulate the documents of each meeting at least 21 days before it opens.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_proposal_rows_between_bars_and_tasks_after_in_particular(fmt):
    rows = _rows(_extract(PROPOSAL_ROWS_AND_SUPPORT_TASKS, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Secretariat", "proposal"), ("2", "Secretariat", "proposal"), ("6", "Secretariat", "expectation"),
        ("6 a", "Secretariat", "expectation"), ("6 b", "Secretariat", "expectation")]


ADVOCACY_CALLS = """Broadband Commission for Sustainable Development

Connectivity for Every Community: Targets for 2031

Five targets for 2031

Target 1 – Plans. By 2031, every country has a funded national connectivity plan with measurable goals.

Target 2 – Prices. By 2031, entry-level broadband costs under 2 per cent of monthly income everywhere.

A call to action

Reaching these targets will take work from everyone who builds, regulates or pays for networks.

The Commission calls on Governments to:

• publish each year the progress made against their national plans;

• open spectrum to community networks at a nominal fee.

Following the targets

The Commission's yearly connectivity report should show progress on each target by region and by income group.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_sentence_case_heading_ends_the_targets_and_bullets_follow_their_chapeau(fmt):
    # "A call to action" and "Following the targets" are headings though not title-cased: the calls and the report
    # below them are not targets, and the report named as the Commission's is the Commission's to write.
    rows = _rows(_extract(ADVOCACY_CALLS, fmt, paragraphs="blank-lines"))
    assert [r[1:3] for r in rows] == [
        (None, "target"), (None, "target"), ("Governments", "instruction"), ("Governments", "instruction"),
        ("Broadband Commission", "expectation")]
    assert rows[2][3].startswith("publish each year the progr")


DELEGATE_ASKS = """From: Delegation of Norrland
Subject: Comments on the outline of the WSIS report

The outline gives six pages to events and half a page to Action Line C5.

In the light of this, we would ask the secretariat to:

1. give each Action Line facilitated by ITU a section of its own;

2. state the resources spent on each Action Line during the year.

For the report itself, our delegation would expect to see:

- the number of national CIRTs set up with ITU support;

- the share of women among the trainees of the ITU Academy.

Kind regards,
Delegation of Norrland
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_delegates_polite_asks_lead_into_their_items(fmt):
    rows = _rows(_extract(DELEGATE_ASKS, fmt, paragraphs="blank-lines"))
    assert [r[:3] for r in rows] == [
        ("1", "Secretariat", "instruction"), ("2", "Secretariat", "instruction"),
        ("", "Secretariat", "expectation"), ("", "Secretariat", "expectation")]
    assert rows[0][3].startswith("give each Action Line")  # the lead-in is no request of its own
    assert rows[2][3].startswith("the number of national CIRT")


CHAIR_REPORT_WITH_DRAFT_DECISION = """Report of the Chair of the fiftieth meeting of the Council Working Group on WSIS and the SDGs
3 Conclusions
3.1 The Group concluded that the outline should give a page to each Action Line.
4 Action points
The Group agreed on the following action points: a) the secretariat to circulate the revised outline by 30 April; b) members wishing to comment to send their views by 31 May.
ANNEX 1
Draft decision recommended to the Council
The Council,
considering the report of the Chair of the fiftieth meeting of the Working Group,
decides
1 to review the outline again at its 2031 session;
instructs the Secretary-General
1 to prepare the 2030 report in accordance with the outline.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_meeting_report_with_action_points_and_a_draft_council_decision(fmt):
    rows = _rows(_extract(CHAIR_REPORT_WITH_DRAFT_DECISION, fmt))
    assert [r[:3] for r in rows] == [
        ("3.1", "Secretariat", "expectation"),  # what the Group concluded the outline should do: its drafter's
        ("a", "Secretariat", "decision"), ("b", "Member States", "decision"),  # no lead-in of its own
        ("1", "Council", "decision"),  # the draft decision opens "The Council,": the Council reviews
        ("1", "Secretary-General", "instruction")]


CIRCULAR_LETTER = """Circular Letter CL-29/03
To: Administrations of Member States of the ITU
Subject: Consultation on the roadmap for Action Line C2
1 At its 2028 session, the Council adopted Decision 671 (C28), which reads in part as follows:
"decides
1 that the roadmap for Action Line C2 shall be updated before the end of 2029,
instructs the Secretary-General
1 to consult Administrations on the draft roadmap for at least eight weeks,
invites Member States
to share their national broadband plans with the Union."
2 In accordance with the decision, I am pleased to invite your Administration to take part in the consultation.
3 Administrations are kindly requested to send their replies by 15 March 2029 at the latest.
Yours faithfully,
for the Secretary-General
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_circular_letter_quotes_a_council_decision_and_asks_in_the_first_person(fmt):
    result = _extract(CIRCULAR_LETTER, fmt)
    rows = _rows(result)
    assert [r[:3] for r in rows] == [
        ("1", None, "decision"),  # the quoted "decides 1 that …" names no one: unknown, not ITU by convention
        ("1", "Secretary-General", "instruction"), ("", "Member States", "invitation"),
        ("2", "Member States", "invitation"), ("3", "Member States", "instruction")]
    assert [r.quoted_from for r in result.requirements] == ["Decision 671 (C28)"] * 3 + [None, None]


UNION_PLAN = """Report by the Secretary-General
2 Proposed targets
2.1 The targets in the Annex follow the structure that the Plenipotentiary Conference adopted.
ANNEX
Strategic Plan for the Union 2028-2031: goals and targets
Goal 1 - Universal connectivity: enable affordable access to telecommunications/ICTs for all
Targets for 2031
1.1 Worldwide, 85% of individuals use the Internet
1.2 In least developed countries, 60% of individuals use the Internet
"""


# The asks model (0.7; 0.75 before) reads the goal's title, "Goal 1 - Universal connectivity: enable affordable access …", as a
# requirement in plain text (strict: the mark fails once it stops); in Word and PDF it no longer does (retrained on
# sets 1-53, 1-54, 1-56 and 1-60).
MODEL_READS_THE_GOAL = pytest.mark.xfail(strict=True,
                                         reason="the asks model (sets 1-66 to 1-96, 0.6) reads Goal 1's title "
                                                "as a requirement, in all three formats")


@pytest.mark.parametrize("fmt", [pytest.param(f, marks=MODEL_READS_THE_GOAL) for f in FORMATS])
def test_the_unions_strategic_plan_targets_are_the_unions(fmt):
    # the goal and the sentence about the targets are no targets; a target line without a full stop is no heading
    rows = _rows(_extract(UNION_PLAN, fmt))
    assert [r[:3] for r in rows] == [("1.1", "ITU", "target"), ("1.2", "ITU", "target")]


BUREAU_UNITS_AND_TERMS = """Outcome of the regional preparatory meeting for Africa
Decides:
(a) that the BDT secretariat shall send the outcome of this meeting to the WSIS Forum;
(b) that the BDT Regional Office for Africa shall convene the next regional review in 2030.
Annex
Terms of reference of the Expert Group on Digital Skills Measurement
1 Mandate
The Expert Group on Digital Skills Measurement shall review the skills indicators. It shall propose revised indicators where needed.
2 Deliverables
2.1 An interim report shall be submitted to the Council Working Group on WSIS and the SDGs by 31 March 2029.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_units_of_a_bureau_and_what_terms_of_reference_ask_of_their_group(fmt):
    group = "Expert Group on Digital Skills Measurement"
    rows = _rows(_extract(BUREAU_UNITS_AND_TERMS, fmt))
    assert [r[:2] for r in rows] == [
        ("a", "Secretariat"), ("b", "BDT Regional Office for Africa"),  # not BDT's Director
        ("", group), ("", group),  # "It shall propose …": the group the sentence before named
        ("2.1", group)]  # the group's own deliverable


STATEMENT_BY_MEMBERS = """Joint Statement of the UNGIS Principals
What we ask of others
UNGIS members call upon Governments to treat connectivity as public infrastructure.
They invite the private sector to report on its rural investment each year.
How we will follow up
The UNGIS secretariat should present a progress note to each meeting of the Group.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_groups_members_and_its_own_secretariat(fmt):
    rows = _rows(_extract(STATEMENT_BY_MEMBERS, fmt))
    assert [r[:3] for r in rows] == [
        ("", "Governments", "instruction"), ("", "private sector", "invitation"),
        ("", "UNGIS secretariat", "expectation")]  # not ITU's secretariat


SUB_ITEMS_AFTER_A_THAT_ITEM = """The General Assembly,
5. Decides:
(a) That the Commission on Science and Technology for Development shall review progress each year;
(b) To convene in 2030 a high-level meeting on the Summit outcomes, which shall:
(i) Take stock of progress towards the Action Lines;
(ii) Consider whether the targets need revision;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_romans_under_a_letter_do_not_inherit_the_letter_before(fmt):
    rows = _rows(_extract(SUB_ITEMS_AFTER_A_THAT_ITEM, fmt))
    assert [r[:2] for r in rows] == [
        ("5 a", "CSTD"), ("5 b", "UN General Assembly"),  # "5. Decides:" only leads in
        ("5 b i", "UN General Assembly"), ("5 b ii", "UN General Assembly")]


MISSING_PAGE_AFTER_PREAMBLE = """World Telecommunication Development Conference (WTDC-29)
Resolution 412 (Nairobi, 2029)
The World Telecommunication Development Conference (Nairobi, 2029),
considering
a) the outcome of the twenty-year review of the World Summit on the Information Society, adopted by the General Assembly in December 2025;
b) that the Telecommunication Development Sector carries most of the Union's project work under Action Lines C2, C4, C5 and C6,
– 4 –
7 to make the results of ITU-D projects that serve the Action Lines available through the WSIS Stocktaking database, using one tagging scheme;
8 to help Member States, on request, to prepare national digital strategies that reflect the commitments of the WSIS+20 outcome,
invites Member States
1 to share with the Bureau their national experience in measuring progress towards the WSIS targets.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_items_after_a_preamble_and_a_missing_page_have_no_chapeau(fmt):
    result = _extract(MISSING_PAGE_AFTER_PREAMBLE, fmt)
    rows = _rows(result)
    assert [r[:3] for r in rows] == [
        ("7", None, "instruction"), ("8", None, "instruction"),  # not preambular: the page with their chapeau is gone
        ("1", "Member States", "invitation")]
    assert any("7" in w and "no chapeau" in w for w in result.warnings)


ACTION_POINTS_CODED_WITH_SUBJECTS = """Report of the forty-eighth meeting of the Council Working Group on WSIS and the SDGs
3 Conclusions
3.4 One Member State stressed that the database had to be cleaned. The Group agreed that the clean-up needs to be completed before the Prizes open.
4 Action points
The Group agreed on the following action points:
AP48-1 The secretariat to revise the draft report and to post it by 15 February 2029.
AP48-2 Members of the Group to send written comments within three weeks of this meeting.
AP48-3 The Chair, with the Vice-Chairs, to prepare a non-paper for the next meeting.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_coded_action_points_that_name_who_acts(fmt):
    rows = _rows(_extract(ACTION_POINTS_CODED_WITH_SUBJECTS, fmt))
    assert [r[:3] for r in rows] == [
        ("3.4", None, "expectation"),  # what the Group agreed needs doing, not a need described; by no one named
        ("AP48-1", "Secretariat", "instruction"),
        ("AP48-2", "Member States", "instruction"),  # a Council working group's members are its Member States
        ("AP48-3", "Chair", "instruction")]


REGIONAL_PROPOSALS_TO_A_CONFERENCE = """Plenipotentiary Conference (PP-30)
Addendum 4 to Document 52-E
Action required
The Conference is invited to examine the common proposals in this addendum.
3 Instructions in force
These three instructions have worked well and we see no need to repeat them.
4 Proposals
Proposal 1 (RCC/52A4/1): The RCC administrations propose that the Secretary-General be instructed to publish one results framework.
Proposal 2 (RCC/52A4/2): The RCC administrations propose that Member States be invited to name a national focal point.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_proposals_carrying_their_document_reference_and_the_conference_invited(fmt):
    rows = _rows(_extract(REGIONAL_PROPOSALS_TO_A_CONFERENCE, fmt))
    assert [r[:3] for r in rows] == [
        ("", "Plenipotentiary Conference", "invitation"),  # "the Conference" of a Plenipotentiary document
        ("1", "Secretary-General", "proposal"), ("2", "Member States", "proposal")]  # "no need to" asks nothing


PASSIVE_CHAPEAU_AND_TEAM = """Regional initiative ARB9: Digital skills for all
The Director of BDT is requested, in cooperation with ESCWA and the League of Arab States, to:
a) provide technical assistance on national digital skills strategies;
b) report on the results of this initiative to each meeting of TDAG.
Annex
Terms of reference of the inter-Sectoral coordination team on WSIS
1 Tasks
The team shall prepare each year a consolidated summary of the Union's Action Line work.
2 Chair
The chair of the team shall circulate the agenda at least ten days before each meeting.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_passive_chapeau_asks_its_subject_and_a_team_is_named_in_full(fmt):
    team = "inter-Sectoral coordination team on WSIS"
    rows = _rows(_extract(PASSIVE_CHAPEAU_AND_TEAM, fmt))
    assert [r[:2] for r in rows] == [
        ("a", "Director of the Telecommunication Development Bureau"),
        ("b", "Director of the Telecommunication Development Bureau"),
        ("", team), ("", f"Chair of the {team}")]


DELEGATE_COMMENTS_BY_EMAIL = """From: Delegation of Norvalia
Subject: Comments on the revised draft report

Dear colleagues,

Please find below our comments on the revised draft report.

1. Please add to section 2 a short paragraph on each Action Line for which ITU is lead facilitator.

2. We ask that the table in Annex B also show the SDG targets to which each activity contributes.

3. Tesoria proposes, first, that the report open with a one-page table of the Action Lines.

In addition, could the secretariat make the next version of the report available in French?

We would also be grateful if the final draft were circulated two weeks before the session.

Please do not hesitate to contact me if anything needs clarification.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_delegates_comments_on_a_draft_ask_the_secretariat(fmt):
    rows = _rows(_extract(DELEGATE_COMMENTS_BY_EMAIL, fmt, paragraphs="blank-lines"))
    assert [r[:3] for r in rows] == [
        ("1", "Secretariat", "instruction"), ("2", "Secretariat", "instruction"),  # "We ask that the table …"
        ("3", "Secretariat", "proposal"), ("", "Secretariat", "instruction"), ("", "Secretariat", "instruction")]


PLAN_TARGETS_THE_UNION_UNDERTAKES = """2 Strategic targets retained for the period
The strategic plan adopted by the Plenipotentiary Conference sets the following targets, which the Union undertakes to pursue with its membership by 2030:
Target 2.1: 95 per cent of the world's population is covered by mobile broadband.
Target 2.2: The gender gap in Internet use is closed in all regions.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_targets_the_union_undertakes_to_pursue_are_the_unions(fmt):
    rows = _rows(_extract(PLAN_TARGETS_THE_UNION_UNDERTAKES, fmt))
    assert [r[:3] for r in rows] == [("2.1", "ITU", "target"), ("2.2", "ITU", "target")]


PAGE_MISSING_BETWEEN_CHAPEAUX = """Resolution 240 (Rev. Doha, 2026)
The Plenipotentiary Conference of the International Telecommunication Union (Doha, 2026),
resolves
1 that ITU shall report on its WSIS activities against measurable indicators for each Action Line it facilitates;
2 that the WSIS Stocktaking database shall remain free of charge and open to all stakeholders,
6 to support Member States, at their request, in aligning their national digital strategies with the Action Lines;
7 to keep the WSIS-SDG Matrix up to date whenever the Connect 2030 targets are modified,
instructs the Council
1 to review the work of the Council Working Group on WSIS and the SDGs at each of its ordinary sessions.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_jump_in_numbers_and_form_means_a_missing_page(fmt):
    # "resolves 1 that …; 2 that …," then "6 to …": items 3-5 and the chapeau of 6 were on a page the text lacks
    rows = _rows(_extract(PAGE_MISSING_BETWEEN_CHAPEAUX, fmt))
    assert [r[:3] for r in rows] == [
        # (item 2 names no one: unknown, not ITU by convention)
        ("1", "ITU", "decision"), ("2", None, "decision"), ("6", None, "instruction"), ("7", None, "instruction"),
        ("1", "Council", "instruction")]


LETTER_QUOTING_THE_RESOLUTION = """Circular Letter CL-28/61
To: Administrations of Member States of the ITU
1 At its 2027 session, the Council adopted a modified version of Council Resolution 1417 (Mod. 2027) on the Union's WSIS work.
2 The operative paragraphs of the resolution that relate to this consultation read as follows:
"instructs the Secretary-General
7 to hold an open consultation of Member States on the priorities of the ITU contribution to the 2029 review,
invites Member States
1 to take an active part in the consultation."
3 I have the pleasure to invite your Administration to reply to the questionnaire in Annex 1 by 15 December 2027.
4 Replies should be sent in electronic form to the address given above.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_resolution_a_letter_names_before_quoting_it(fmt):
    result = _extract(LETTER_QUOTING_THE_RESOLUTION, fmt)
    rows = _rows(result)
    assert [r[:3] for r in rows] == [
        ("7", "Secretary-General", "instruction"), ("1", "Member States", "invitation"),
        ("3", "Member States", "invitation"), ("4", "Member States", "expectation")]  # those who reply
    assert [r.quoted_from for r in result.requirements] == ["Council Resolution 1417 (Mod. 2027)"] * 2 + [None, None]


RECALLED_WITH_A_RELATIVE_CHAPEAU = """2 Relevant mandates
For ease of reference, the group of administrations recalls the following operative paragraphs of Council Resolution 1417 (Mod. 2027), which instructs the Secretary-General:
"3 to prepare each year a report on ITU activities under each Action Line for which ITU is lead facilitator;
4 to make the annual report available to Member States at least six weeks before each Council session;"
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_chapeau_in_the_relative_clause_of_a_lead_in(fmt):
    result = _extract(RECALLED_WITH_A_RELATIVE_CHAPEAU, fmt)
    assert [(norm_label(r.source.label), r.actor, r.quoted_from) for r in result.requirements] == [
        ("3", "Secretary-General", "Council Resolution 1417 (Mod. 2027)"),
        ("4", "Secretary-General", "Council Resolution 1417 (Mod. 2027)")]


MEETING_RECORD_AND_ITS_ACTION_TABLE = """Report of the forty-seventh meeting of the Council Working Group on WSIS and the SDGs
4\tConclusions
4.3\tThe Group noted that the General Assembly is expected to consider the next review of the WSIS outcomes in 2030.
4.4\tThe Group recognized that Member States should send their national WSIS review reports to the secretariat before 31 March 2028.
4.5\tThe Group discussed how the roadmaps relate to the Global Digital Compact. It is important that the secretariat prepare an options paper on this question.
5\tAction points
No.\tAction\tResponsible\tDeadline
AP-47/1\tTo circulate the revised draft contribution to all members for comment\tSecretariat\t15 January 2028
AP-47/2\tTo hold an informal consultation on the roadmaps\tCWG Chair, with the Vice-Chairs\tFebruary 2028
AP-47/3\tTo bring the WSIS-SDG Matrix into line with the revised targets\tDirectors of BDT, TSB and BR\tJune 2028
"""


def test_a_meeting_record_says_what_should_be_done_and_who_does_each_action():
    cwg = "Council Working Group on WSIS and the SDGs"
    rows = _rows(_extract(MEETING_RECORD_AND_ITS_ACTION_TABLE))
    assert [r[:3] for r in rows] == [
        ("4.4", "Member States", "expectation"),  # 4.3 reports what the Group was told; it asks nothing
        ("4.5", "Secretariat", "expectation"),
        ("AP-47/1", "Secretariat", "instruction"),
        ("AP-47/2", f"Chair of the {cwg}", "instruction"),  # "CWG" spelled out by the report's title
        ("AP-47/3", "Directors of the Bureaux", "instruction")]


ACTION_TABLE_BETWEEN_BARS = """Summary of the thirty-third meeting of TDAG

6 Action points

No. | Action | Responsible | Deadline
AP 33.1 | Circulate the revised draft operational plan to the membership | Director, BDT | 30 June 2027
AP 33.2 | Submit national data on projects funded under the regional initiatives | Member States | 30 September 2027

Each Administration should designate one focal point for these replies.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_action_rows_between_bars_in_hard_wrapped_text(fmt):
    # a row between bars is a line of its own even where the text's other lines are joined; "Director, BDT" is the
    # Director of BDT; "Each Administration" a Member State
    # (hard-wrapped as TXT; a DOCX or PDF has each row as a paragraph of its own)
    rows = _rows(_extract(ACTION_TABLE_BETWEEN_BARS, fmt, paragraphs="blank-lines" if fmt == "txt" else "lines"))
    assert [r[:3] for r in rows] == [
        ("AP 33.1", "Director of the Telecommunication Development Bureau", "instruction"),
        ("AP 33.2", "Member States", "instruction"), ("", "Member States", "expectation")]


RECOMMENDS_THE_FOLLOWING_TO = """Economic and Social Council resolution 2029/14
The Economic and Social Council,
10. Recommends the following to the Commission on Science and Technology for Development:
(a) That the Commission devote one of its priority themes to meaningful connectivity;
(b) That the Commission strengthen its cooperation with the regional commissions;
"""


def test_recommends_the_following_to_a_body():
    rows = _rows(_extract(RECOMMENDS_THE_FOLLOWING_TO))
    assert [r[:2] for r in rows] == [("10", "CSTD"), ("10 a", "CSTD"), ("10 b", "CSTD")]


PARTICIPANTS_ASK_SEVERAL = """Outcome of the regional WSIS review, Windhoek, 2028
The participants welcomed the progress reported by the regional office.
The participants ask ITU, UNESCO, UNDP and UNCTAD, as co-organizers of the review, to:
(a) publish a joint note on the review's findings before the next Forum;
(b) hold the next review in a landlocked country of the region;
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_participants_ask_several_bodies_together(fmt):
    # the participants' ask is read like a meeting's; four bodies asked together are the actor as printed, the aside
    # on their role no part of it
    rows = _rows(_extract(PARTICIPANTS_ASK_SEVERAL, fmt))
    assert [r[:2] for r in rows] == [("a", "ITU, UNESCO, UNDP and UNCTAD"), ("b", "ITU, UNESCO, UNDP and UNCTAD")]
    assert rows[0][3].startswith("publish a joint note")


RUN_TOGETHER_ROWS_AND_BULLETS = """Subject: Summary of the ninth meeting of the regional coordinators

Dear colleagues,

The coordinators reviewed the regional reports. The points below were agreed.

Ref. | Action | Responsible | Due
1 | Merge the four regional reports into one annex | Secretariat | 15 March 2028
2 | Send comments on the merged annex | Member States | 30 April 2028
3 | Present the annex to the Working Group | Chair | next meeting

Notes for coordinators

- Each coordinator should check the figures of the region before 1 March 2028.
- Coordinators must not add projects that ended before 2026.
- Late figures may still be sent, but they need to be marked as provisional.

Kind regards,
Regional coordination team
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_rows_and_bullets_run_together_in_one_paragraph(fmt):
    # a pasted block's lines joined into one Word or PDF paragraph: its rows between bars (their codes in sequence)
    # and its bullets (a dash after a sentence's end) are still one requirement each, as in the text
    rows = _rows(_extract(RUN_TOGETHER_ROWS_AND_BULLETS, fmt, paragraphs="blank-lines"))
    texts = [r[3] for r in rows]
    assert [r[0] for r in rows[:3]] == ["1", "2", "3"]
    assert texts[:3] == ["Merge the four regional report", "Send comments on the merged an", "Present the annex to the Worki"]
    assert [r[1] for r in rows[:2]] == ["Secretariat", "Member States"]
    assert any(t.startswith("Each coordinator should check") for t in texts)
    assert any(t.startswith("Coordinators must not add") for t in texts)
    assert len(rows) == 6


def test_a_sentence_with_bars_is_no_table():
    # bars inside running text, with no codes in sequence, leave the paragraph whole
    from pipeline.parse.base import _run_rows
    assert _run_rows("Options are A | B | C 7 | D | E 2 | F | G 9 | H") is None
    assert _run_rows("No. | Task | Who 1 | Draft | Chair 2 | Send | Members 3 | Review | Group") == [
        "No. | Task | Who", "1 | Draft | Chair", "2 | Send | Members", "3 | Review | Group"]


PROPOSES_COLON = """Contribution from the Republic of Arvelia
1 Introduction
Arvelia has read the draft report with care and thanks the secretariat for it.
2 Proposals
The Republic of Arvelia proposes:
2.1 That the Union publish one table of its WSIS activities each year.
2.2 That the annual report of the Secretary-General on WSIS include an annex giving:
a) the activities that were dropped, with the reasons;
b) the resources spent on each Action Line.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_delegation_proposes_then_lists_its_proposals(fmt):
    # "X proposes:" leads into the proposals (no section title), and the letters that end a proposal's sentence are
    # its own, not proposals whose actor is their subject
    rows = _rows(_extract(PROPOSES_COLON, fmt))
    assert [r[:3] for r in rows] == [("2.1", "ITU", "proposal"), ("2.2", "Secretary-General", "proposal"),
                                     ("2.2 a", "Secretary-General", "proposal"), ("2.2 b", "Secretary-General", "proposal")]


DECIDES_THE_REPORT_OF = """Economic and Social Council resolution 2029/77
The Economic and Social Council,
1. Decides that the annual report of the Secretary-General on the follow-up to the Summit shall, from 2030:
(a) Give one section to each Action Line;
(b) Be issued six weeks before the session of the Commission;
2. Requests the Secretary-General to consult the regional commissions on the report.
"""


def test_a_decision_on_what_a_report_shall_contain_is_its_authors():
    rows = _rows(_extract(DECIDES_THE_REPORT_OF))
    assert [r[:3] for r in rows] == [
        ("1", "Secretary-General of the United Nations", "decision"),
        ("1 a", "Secretary-General of the United Nations", "decision"),
        ("1 b", "Secretary-General of the United Nations", "decision"),
        ("2", "Secretary-General of the United Nations", "instruction")]


BASE_FORM_CALLS = """WSIS regional review 2028: calls to action
The participants in the review:
1. Call upon Member States to:
a) publish their broadband plans with dated targets;
b) report on those targets every two years;
2. Encourage the private sector to offer entry-level data plans in rural areas;
3. Invite ITU to publish a short account of how these calls were taken up.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_calls_in_the_base_form_under_their_speakers(fmt):
    # "The participants in the review:" then "1. Call upon …", "2. Encourage …": the verb's own kind and addressee
    rows = _rows(_extract(BASE_FORM_CALLS, fmt))
    assert [r[:3] for r in rows] == [
        ("1", "Member States", "instruction"), ("1 a", "Member States", "instruction"),
        ("1 b", "Member States", "instruction"), ("2", "private sector", "invitation"), ("3", "ITU", "invitation")]


def test_a_numbered_item_with_a_dash_inside_stays_one_item():
    # only a bulleted item is split at a dash after a sentence's end: a numbered one keeps its number once
    from pipeline.model import BlockKind, Locator
    from pipeline.parse.base import RawBlock, _split_run_together
    numbered = RawBlock(kind=BlockKind.LIST_ITEM, text="Costs are set out below. - Staff: two posts.", label="2",
                        locator=Locator(line=1))
    bullet = RawBlock(kind=BlockKind.LIST_ITEM, text="Reply by May. - Use the form.", label="-", locator=Locator(line=1))
    assert [b.text for b in _split_run_together(numbered)] == ["Costs are set out below. - Staff: two posts."]
    assert [b.text for b in _split_run_together(bullet)] == ["Reply by May.", "Use the form."]


TAB_TABLE_ACTION_RIGHT = """Measurement partnership: members' commitments for 2029
The members of the partnership commit to the actions below.
No.\tMember\tCommitment\tTimeline
C1\tITU\tPublish the price baskets for every Member State each year\tAnnually
C2\tUNCTAD\tDevelop indicators on the use of ICT by small enterprises\tBy 2028
C3\tUNESCO Institute for Statistics\tCollect data on connectivity in secondary schools\tEvery two years
Step\tTiming\tAction\tResponsible
1\tBy 15 May 2028\tOpen an online consultation on the scope of the review\tGeneral Secretariat
2\tJune 2028\tSend written inputs to the consultation\tMember States
"""


@pytest.mark.parametrize("fmt", ("txt", "docx"))
def test_a_tab_table_whose_header_names_its_columns(fmt):
    # a table typed with tabs whose action stands right of a code and a member (or a step and a date): each row asks
    # its Member or Responsible cell to do what its Commitment or Action cell says, labelled by its code
    rows = _rows(_extract(TAB_TABLE_ACTION_RIGHT, fmt))
    assert [r[:3] for r in rows] == [
        ("C1", "ITU", "instruction"), ("C2", "United Nations Conference on Trade and Development", "instruction"),
        ("C3", "UNESCO Institute for Statistics", "instruction"),
        ("1", "Secretariat", "instruction"), ("2", "Member States", "instruction")]
    assert [r[3] for r in rows][0::3] == ["Publish the price baskets for ", "Open an online consultation on"]


def test_a_tab_tables_header_names_its_columns_whatever_their_order():
    # "No. | Action | Lead": read by its columns too since round 62 (before, its cells ran together and its lead was
    # guessed from the run-together words)
    from pipeline.parse.columns import header_columns
    assert header_columns("No. | Action | Lead | Deadline") is not None
    assert header_columns("No. | Member | Commitment | Timeline") is not None
    assert header_columns("Step | Timing | Action | Responsible") is not None
    assert header_columns("Recommendation | Addressee | Response of ITU | Status") is None


UNGIS_RECORD = """From: UNGIS secretariat
Subject: FW: Summary of the 40th meeting

UNITED NATIONS GROUP ON THE INFORMATION SOCIETY (UNGIS)
Fortieth meeting, Geneva, 3 March 2029

1. Joint statement
The Group agreed to prepare a joint statement for the Forum.
Members were invited to send their case studies.
Several members welcomed the draft and asked whether it would be translated.

AGREED ACTIONS
A1. UNCTAD to circulate the outline of the statement by 30 April 2029.
A2. All members to send their inputs to UNCTAD by 15 June 2029.
"""


def test_a_ungis_record_in_capitals_and_its_coded_actions():
    # the record names UNGIS in capitals: "the Group" and its "Members" are UNGIS; "A1. UNCTAD to …" under
    # "AGREED ACTIONS" is an action of UNCTAD; a question asked is no request
    rows = _rows(_extract(UNGIS_RECORD))
    assert [r[:3] for r in rows] == [
        ("", "UNGIS", "decision"), ("", "UNGIS", "invitation"),
        ("A1", "United Nations Conference on Trade and Development", "instruction"), ("A2", "UNGIS", "instruction")]


SESSION_SUMMARY = """WSIS Forum 2029, high-level session 7: summary

Key recommendations

The panel agreed on the following recommendations: (1) Governments should publish the cost of entry-level broadband
each year; (2) regulators should open unspent universal service funds to community networks; (3) ITU should report
on affordability separately from coverage.

Several speakers urged development banks to finance shared rural infrastructure. Many delegations welcomed the
session and asked how its results would be reported.

In closing, the moderator invited all stakeholders to register their projects in the WSIS Stocktaking.
"""


def test_a_session_summary_with_recommendations_run_on_in_brackets():
    # "(1) …; (2) …; (3) …" after a lead-in's colon are items of their own, whatever word opens them; several
    # speakers and the moderator ask too; a question asked is no request
    rows = _rows(_extract(SESSION_SUMMARY, paragraphs="blank-lines"))
    assert [r[:2] for r in rows] == [("1", "Governments"), ("2", "regulators"), ("3", "ITU"),
                                     ("", "development banks"), ("", "All stakeholders")]


LETTER_INVITES_BY = """Circular letter CL-29/12
Geneva, 2 February 2029
1 The Expert Group on Measurement will meet in June 2029.
2 Member States and Sector Members are also invited to contribute to the work of the Group by:
a) describing the indicators they use for their broadband plans;
b) sharing survey data on Internet use broken down by sex and age;
3 Administrations should send their replies by 30 April 2029.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_letters_invitation_that_leads_into_its_items(fmt):
    # "… are invited to contribute … by:" then "a) describing …": the items are invitations of the same bodies
    rows = _rows(_extract(LETTER_INVITES_BY, fmt))
    assert [r[:3] for r in rows if r[0].startswith("2")] == [
        ("2", "Member States and Sector Members", "invitation"), ("2 a", "Member States and Sector Members", "invitation"),
        ("2 b", "Member States and Sector Members", "invitation")]


NUMBERS_GO_BACK = """Resolution 1488 (Mod. 2029)
The Council,
instructs the Secretary-General
1 to publish the roadmaps of the Action Lines before the end of 2029;
2 to transmit to the Commission on Science and Technology for Development a yearly contribution on ITU's
- 4 -
2 to carry out, with the regional offices, a survey of national e-strategies;
3 to assist Member States in collecting the core ICT indicators;
invites Member States to share their national data with the Union.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_that_go_back_after_a_page_break_mean_a_missing_page(fmt):
    # "2 … on ITU's", "– 4 –", then "2 to carry out …": another list, whose chapeau was on the missing page, so the
    # actor is unknown (never the Secretary-General of the list before)
    rows = _rows(_extract(NUMBERS_GO_BACK, fmt))
    assert [r[:2] for r in rows] == [("1", "Secretary-General"), ("2", "Secretary-General"), ("2", None), ("3", None),
                                     ("", "Member States")]


EXPERT_GROUP = """Decision 671 (C29)
Establishment of the Council Expert Group on Rural Data and adoption of its terms of reference
The Council,
decides
1\tto establish a Council Expert Group on Rural Data, open to Member States and Sector Members;
2\tthat the Expert Group shall work in English only.
Annex – Terms of reference
1. The Expert Group shall review the rural indicators that ITU publishes.
2. The Chair of the Expert Group shall present the final report to the Council at its 2030 session.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_body_named_in_full_then_short_is_cited_by_its_full_name(fmt):
    # The brief's rule: "the Expert Group" after "the Council Expert Group on Rural Data" is that group, in full.
    rows = _rows(_extract(EXPERT_GROUP, fmt))
    full = "Council Expert Group on Rural Data"
    assert [r[:2] for r in rows] == [("1", "Council"), ("2", full), ("1", full), ("2", f"Chair of the {full}")]


AMENDMENTS = """Contribution by the Republic of Ostrava
Proposed amendments to Council Resolution 1602 (Mod. 2029)
The co-sponsors propose that the Council amend Resolution 1602 (Mod. 2029) as follows:
Proposal 1 – MOD instructs the Secretary-General 2: replace [[every two years]] with «every year».
Proposal 2 – ADD instructs the Directors of the Bureaux 5: «to state which outputs serve which Action Line».
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_proposed_amendments_are_the_amending_bodys_to_adopt(fmt):
    # Not the Secretary-General's or the Directors' whose provision the amendment changes: the Council amends.
    rows = _rows(_extract(AMENDMENTS, fmt))
    assert [r[:3] for r in rows if r[0]] == [("1", "Council", "proposal"), ("2", "Council", "proposal")]


QUESTIONNAIRE = """Questionnaire on national WSIS reporting
B.1 Has your country adopted a national digital strategy that refers to the WSIS Action Lines?
B.2 Which Action Lines does the strategy cover? ☐ C1 ☐ C2 ☐ C3
B.3 Please attach the strategy, or give a link to it, with your reply.
"""


def test_a_questionnaires_questions_are_not_requirements_but_its_requests_are():
    rows = _rows(_extract(QUESTIONNAIRE))
    assert [r[0] for r in rows] == ["B.3"]


def test_a_vice_chair_of_a_body_named_short_keeps_its_title_with_the_full_name():
    text = ("Decision 671 (C29)\nThe Council,\ndecides\n1\tto establish a Council Expert Group on Rural Data;\n"
            "Annex\n1. The Vice-Chair of the Expert Group shall present the interim report to the Council in 2029.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "Council"), ("1", "Vice-Chair of the Council Expert Group on Rural Data")]  # not "Chair of …"


# Round 51 (from the errors of blind sets 55 and 56), each form in our own words.

OWNER_HEADERS = """Action Line C4 facilitation meeting, record
4. Action items
Action 1 – Owner: ITU Academy – Due: 30 June 2029
Send all co-facilitators a template for counting learners and completed courses.
Action 2 – Owner: all co-facilitators – Due: 31 January 2030
Submit their inputs to the joint progress note, in English.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_actions_header_names_its_owner_and_the_action_follows(fmt):
    rows = _rows(_extract(OWNER_HEADERS, fmt))
    assert [r[:3] for r in rows] == [("1", "ITU Academy", "instruction"), ("2", "co-facilitators", "instruction")]
    assert rows[0][3].startswith("Send all co-facilitators")


def test_the_co_facilitators_and_a_setting_before_them_name_who_acts():
    text = ("Decisions\nThe meeting agreed on the following:\n"
            "D1. From 2029 onwards, the co-facilitators shall report all figures by sex and age group.\n"
            "D2. The co-facilitators will convene the next facilitation meeting during the WSIS Forum 2030.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("D1", "co-facilitators"), ("D2", "co-facilitators")]


def test_an_aside_after_the_addressee_does_not_name_who_acts():
    # "in consultation with the Intergovernmental Council of IFAP": the Council in the aside does not act
    text = ("The Executive Board,\n6. Requests the Director-General, in consultation with the Intergovernmental "
            "Council of IFAP and within the approved budget, to:\n(a) present a roadmap for each Action Line;\n"
            "(b) report on the statistics on school connectivity;\n")
    assert {r[1] for r in _rows(_extract(text))} == {"Director-General"}


QUESTIONS_ASKED = """To: Permanent Missions

The secretariat of the Commission has the honour to request inputs for the annual report. To prepare it, the \
secretariat kindly requests member States to reply to the following questions:

1. What national policies adopted since 2027 contribute to the WSIS outcomes?

2. Please provide any figures available on Internet use, by sex and age.

Replies should not exceed six pages.
"""


def test_questions_a_body_is_asked_to_answer_are_its_requirements():
    rows = _rows(_extract(QUESTIONS_ASKED, "txt"))
    assert [r[:3] for r in rows] == [("", "Member States", "instruction"), ("1", "Member States", "instruction"),
                                     ("2", "Member States", "instruction"), ("", "Member States", "expectation")]


def test_a_resolution_named_in_the_sentence_that_introduces_its_quoted_items():
    text = ("1.2 The Council asked for more. In its Resolution 1421 (Mod. 2027), it instructs the Secretary-General:\n"
            "\"4\tto present, for each Action Line, the results reached against its targets;\n"
            "5\tto indicate the resources that each Sector has devoted to WSIS follow-up;\"\n")
    result = _extract(text)
    assert [(norm_label(r.source.label), r.actor, r.quoted_from) for r in result.requirements] == [
        ("4", "Secretary-General", "Council Resolution 1421 (Mod. 2027)"),
        ("5", "Secretary-General", "Council Resolution 1421 (Mod. 2027)")]


def test_un_paragraphs_quoted_after_the_symbol_of_their_resolution():
    text = ("4. We recall that the Economic and Social Council, in its resolution E/RES/2027/951, addressed this "
            "problem. Its operative paragraphs 14 and 17 read as follows:\n"
            "\u201c14. Requests the Commission to examine ways of making national reports more comparable;\n"
            "17. Invites the International Telecommunication Union to propose a short common set of indicators;\u201d\n"
            "5. Sambrania has no further comment.\n")
    result = _extract(text)
    assert [(r.source.label, r.quoted_from) for r in result.requirements] == [
        ("14", "E/RES/2027/951"), ("17", "E/RES/2027/951")]


def test_a_code_in_a_roadmaps_activity_column_labels_the_row():
    text = ("4. Activities\n| Activity | Lead | Year |\n|---|---|---|\n"
            "| EG.1 Publish the e-government survey with a new accessibility sub-index | UN DESA | 2028 |\n"
            "| EG.2 Add cloud-service indicators to the regulatory tracker | BDT | 2027 |\n")
    assert [r[:3] for r in _rows(_extract(text))] == [
        # (UN DESA is in the knowledge base since round 56: its canonical name)
        ("EG.1", "United Nations Department of Economic and Social Affairs", "instruction"),
        ("EG.2", "Director of the Telecommunication Development Bureau", "instruction")]


def test_a_persons_short_name_and_a_group_named_in_a_joined_title():
    text = ("---------- Minutes ----------\n\nBROADBAND COMMISSION FOR SUSTAINABLE DEVELOPMENT\nWorking Group on Rural "
            "Schools\nThird meeting, 4 March 2029 (online)\n\nPresent: Commissioner Ines Valdivia (co-chair); "
            "Commissioner Tomasz Wierzbicki.\n\nAction: Commissioner Valdivia's team to redraft chapter 3 by 9 April.\n\n"
            "Action: Commissioner Wierzbicki and the Secretariat to draft the recommendations.\n\n"
            "The Working Group agreed that the report should define a connected school.\n")
    rows = _rows(_extract(text, "txt"))
    assert [r[1] for r in rows] == ["Commissioner Ines Valdivia", "Commissioner Tomasz Wierzbicki and Secretariat",
                                    "Working Group on Rural Schools"]


def test_a_modal_lead_in_with_its_verb_gives_its_items_to_the_body():
    text = ("Terms of reference of the Expert Group on Rural Data\n5 Deliverables\nThe Expert Group shall deliver:\n"
            "a) an interim report to the Council Working Group on WSIS and the SDGs in 2029;\n"
            "b) a final report to the Council in 2030.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("a", "Expert Group on Rural Data"), ("b", "Expert Group on Rural Data")]


def test_another_bodys_secretariat_is_not_itus():
    text = ("Statement by Sambrania\n7. The delegation of Sambrania requests the secretariat of the Commission:\n"
            "(i) to issue the provisional agenda six weeks before the session;\n"
            "(ii) to inform delegations of the expected length of the session.\n")
    assert {r[1] for r in _rows(_extract(text))} == {"secretariat of the Commission"}


# Round 52 (from the errors of blind sets 57 and 58), each form in our own words.

def test_a_delegations_statement_asks_in_later_sentences_and_in_ordinal_steps():
    text = ("Commission on Science and Technology for Development, thirty-first session\n"
            "Statement by the delegation of Lumeria\n"
            "On the report itself, we would ask the secretariat to compare progress across the Action Lines.\n"
            "We call on ITU to publish its price data by region. We also urge the Action Line facilitators to update "
            "their roadmaps.\n"
            "In our view the Commission should request a costed overview of the financing gap.\n"
            "Finally, we propose two steps: first, that the secretariat circulate the draft four weeks before the "
            "session; and second, that the regional commissions present a single joint review.\n")
    rows = _rows(_extract(text))
    assert [(r[1], r[2]) for r in rows] == [
        ("Secretariat", "instruction"), ("ITU", "instruction"), ("Action Line facilitators", "instruction"),
        ("CSTD", "expectation"), ("Secretariat", "proposal"), ("regional commissions", "proposal")]
    assert rows[4][3].startswith("that the secretariat circulate")


@pytest.mark.parametrize("fmt", FORMATS)
def test_dated_milestones_with_their_lead(fmt):
    text = ("Action Line C3 roadmap 2027-2030\nMilestones\n"
            "M1\tBy June 2027, UNESCO has published a common method for counting public access points. Lead: UNESCO. "
            "Partners: ITU.\n"
            "M2\tBy 2029, UNESCO and ITU have jointly held a workshop on accessible formats. Lead: UNESCO and ITU.\n")
    assert [r[:2] for r in _rows(_extract(text, fmt))] == [("M1", "UNESCO"), ("M2", "UNESCO and ITU")]


def test_ungis_members_act_as_ungis_and_a_group_the_knowledge_base_lacks_keeps_its_name():
    text = ("Summary of the session\n"
            "UNGIS members should agree on a joint calendar of reporting.\n"
            "The Working Group on Devices and Affordability shall present its report in 2029.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["UNGIS", "Working Group on Devices and Affordability"]


def test_a_commission_named_short_takes_its_full_name_with_and_inside_it():
    text = ("Economic and Social Commission for Asia and the Pacific\nResolution 84/917\n"
            "The Economic and Social Commission for Asia and the Pacific,\n"
            "8. Decides that the Commission will review the master plan at its eighty-sixth session.\n")
    # (the knowledge base's canonical name; never "Social Commission for Asia and the Pacific")
    assert [r.actor for r in _extract(text).requirements] == [
        "United Nations Economic and Social Commission for Asia and the Pacific"]


def test_a_footnote_whose_marker_ends_a_paragraph_is_no_item():
    text = ("72. Women and older persons remain the least connected: one in three of them uses the Internet, against "
            "two in three of all persons.1\n"
            "73. The Commission should ask the Partnership to publish these figures by sex and age.\n"
            "1 ITU, Facts and Figures 2027 (Geneva, 2027). The figures for 2027 are provisional.\n")
    labels = [norm_label(r.source.label) for r in _extract(text).requirements]
    assert "73" in labels and "1" not in labels


# Round 53 (from the errors of blind sets 59 and 60), each form in our own words.

def test_a_recommendation_addressed_in_brackets_carries_its_number():
    text = ("Evaluation of the regional initiatives\nRecommendations\n"
            "Recommendation 1 (addressed to BDT). The Telecommunication Development Bureau should publish a yearly "
            "scorecard for each region.\n"
            "Recommendation 2 (addressed to Member States). Member States should limit the number of new regional "
            "initiatives.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "Director of the Telecommunication Development Bureau"), ("2", "Member States")]


def test_action_items_run_on_after_the_decisions_of_a_call():
    text = ("Minutes of the coordination call\n"
            "3. The call agreed as follows. Decisions: (1) the secretariat will open the call for entries on 3 May; "
            "(2) the secretariat will hold the next call in June. Action items: AI-1 secretariat to revise the "
            "submission form by 15 April; AI-2 UNESCO to share the draft C8 section by 30 April; AI-3 ESCAP and ECA to "
            "propose outreach events in their regions.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows if r[0].startswith("AI")] == [
        ("AI-1", "Secretariat"), ("AI-2", "UNESCO"), ("AI-3", "ESCAP and ECA")]


# Round 54 (from the errors of blind sets 61-64), each form in our own words.

def test_a_body_called_by_its_kind_takes_the_one_full_name_the_text_prints():
    text = ("Terms of reference of Question 9/2\n"
            "The Question is studied by ITU-D Study Group 2 during the study period 2030-2033.\n"
            "The study group shall publish a report on rural backhaul by June 2032.\n"
            "The Fund shall disburse grants to each community network.\n"
            "The Harrow Rural Connectivity Fund was set up in 2029.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["ITU-D Study Group 2", "Harrow Rural Connectivity Fund"]


def test_a_body_called_by_its_kind_alone_is_unknown_with_a_warning():
    result = _extract("Notes of the coordination call\n"
                      "The Bureau shall circulate the revised draft by 30 June.\n"
                      "The facilitator should present the results at the next Forum.\n")
    assert [r.actor for r in result.requirements] == [None, None]
    assert any("'The Bureau'" in w and "'The facilitator'" in w and "actor unknown" in w for w in result.warnings)


def test_a_decision_that_names_no_one_is_not_given_to_itu_by_convention():
    text = ("Decision 671 (C29)\nThe Council,\n"
            "having considered the report of the Secretary-General,\n"
            "decides\n"
            "that the costs of the two regional meetings shall be met from the existing budget.\n")
    result = _extract(text)
    assert [r.actor for r in result.requirements] == [None]
    assert any("do not say who must act" in w for w in result.warnings)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_roadmap_row_coded_with_a_hyphen_takes_its_code_and_the_lead_after_the_deadline(fmt):
    text = ("Action Line C5 roadmap\nMilestones\n"
            "ID\tMilestone\tDeadline\tLead\tPartners\n"
            "C5-01\tUpdate the national CIRT self-assessment tool in six languages\tDec 2030\tITU\tRegional CIRT networks\n"
            "C5-02\tIssue a model framework for cooperation between CIRTs and police services\tJun 2031\tUNODC\tITU\n")
    rows = _rows(_extract(text, fmt))
    # (UNODC is in the knowledge base since round 56: its canonical name)
    assert [r[:2] for r in rows] == [("C5-01", "ITU"), ("C5-02", "United Nations Office on Drugs and Crime")]


def test_outputs_in_a_table_with_a_lead_column_are_what_the_lead_is_to_deliver():
    text = ("Outputs\nTable 2 – Outputs, leads and timelines\n"
            "| No. | Output | Lead | Partners | Timeline |\n"
            "|-----|--------|------|----------|----------|\n"
            "| 2.1 | Yearly edition of the regulatory scorecard for every region | BDT | Regional regulators | Yearly |\n"
            "| 2.2 | National roadmaps for cloud market regulation | Member States | BDT | End of 2032 |\n"
            "| B | Measurement work | | | |\n")
    rows = _rows(_extract(text))
    assert [r[:3] for r in rows] == [("2.1", "Director of the Telecommunication Development Bureau", "instruction"),
                                     ("2.2", "Member States", "instruction")]


def test_bullets_under_a_numbered_should_including_by_are_its_own():
    text = ("Recommendations\n"
            "1. Governments should treat an affordable device as part of their broadband plans, including by:\n"
            "\u2022\tsetting a national price objective for an entry-level smartphone;\n"
            "\u2022\treviewing import duties on entry-level devices every two years;\n"
            "2. Regulators should publish the update period of each model sold.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("1", "Governments")] * 3 + [("2", "Regulators")]


def test_a_quotation_that_reads_in_relevant_part_names_its_resolution():
    text = ("Contribution by Norlandia\n"
            "2.1\tCouncil Resolution 1440 (Mod. 2029), in its operative part, reads in relevant part as follows:\n"
            "\"instructs the Secretary-General\n"
            "5\tto report every year to Council on the activities carried out by ITU to implement the outcomes;\"\n")
    reqs = _extract(text).requirements
    assert [(norm_label(r.source.label), r.quoted_from) for r in reqs] == [("5", "Council Resolution 1440 (Mod. 2029)")]


# Round 55 (from the errors of blind sets 65 and 66), each form in our own words.

def test_another_council_group_named_in_full_in_lower_case_is_that_group():
    text = ("Resolution 1499 (Mod. 2030)\n"
            "Council Working Group on international Internet-related public policy issues\n"
            "The ITU Council,\n"
            "resolves\n"
            "1 that the Council Working Group on international Internet-related public policy issues (CWG-Internet) "
            "shall hold an open consultation before each of its meetings;\n"
            "instructs the Working Group\n"
            "1 to report to the Council each year;\n")
    name = "Council Working Group on international Internet-related public policy issues"
    assert [r[:2] for r in _rows(_extract(text))] == [("1", name), ("1", name)]


def test_the_members_and_secretariat_of_a_group_outside_itu_are_its_own():
    text = ("Working Group on Rural Broadband Finance\nTerms of reference\n"
            "Members of the Working Group are expected to:\n"
            "a) send written comments on each draft within two weeks;\n"
            "The IGF Secretariat shall publish the drafts.\n"
            "The panel requests the CSTD secretariat to:\n"
            "a) compile the national replies;\n")
    rows = {r[3]: r[1] for r in _rows(_extract(text))}
    assert rows["send written comments on each "] == "Members of the Working Group on Rural Broadband Finance"
    assert rows["The IGF Secretariat shall publ"] == "IGF Secretariat"
    assert rows["compile the national replies"] == "CSTD secretariat"


def test_an_actions_owner_is_named_without_the_person_in_brackets():
    text = ("Minutes of the coordination meeting\nActions\n"
            "Action: UNCTAD (R. Holm) to prepare a shorter reporting template by 31 March.\n"
            "Action: UNDP (Chair) to circulate the draft statement to all members.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["UNCTAD", "UNDP"]


def test_a_declarations_run_on_paragraphs_split_at_each_number():
    text = ("We, the ministers of the region, meeting in Tunis on 3 May 2030,\n"
            "Adopt the following:\n"
            "1. Resolve to update our national digital strategies by 2031; 2. Commit to raising the share of public "
            "services available online to 80 per cent by 2033;\n"
            "3. Call upon the regulators of the region to publish broadband prices every year;\n")
    rows = _rows(_extract(text))
    assert [r[0] for r in rows] == ["1", "2", "3"]
    assert rows[1][3] == "Commit to raising the share of"


def test_a_proposal_that_mentions_the_general_assembly_is_no_un_text():
    text = ("Plenipotentiary Conference (PP-30)\nProposals for the work of the Conference\n"
            "The General Assembly concluded the review of the Summit outcomes in 2025.\n"
            "MOD\nRESOLUTION 140 (REV. PP-30)\n"
            "instructs the Secretary-General\n"
            "1 to report every year to the Council on the implementation of this resolution;\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Secretary-General"]


# Round 56 (from the errors of sets 67-73), each form in our own words.

def test_codes_with_a_hyphen_or_three_levels_label_their_items():
    text = ("Best practice forum on local traffic\n4. Recommendations\n"
            "NO-1. Network operators should exchange domestic traffic at the national exchange point.\n"
            "NO-2. Network operators should publish their peering policies.\n"
            "Table 4.3: Outputs and delivering units, 2029\n"
            "O.4.3.1\tPrepare the yearly report on the WSIS outcomes and submit it through the CSTD\tBDT\n")
    assert [r[0] for r in _rows(_extract(text))] == ["NO-1", "NO-2", "O.4.3.1"]


def test_a_delegations_paragraph_label_is_kept_as_printed():
    text = ("Comments of the delegation of Ostravia on the draft resolution\n"
            "OP5: replace \u201cencourages\u201d with \u201crequests\u201d, so that the yearly input has a basis.\n"
            "OP 7 \u2013 add \u201cand to report on its results\u201d at the end of the paragraph.\n")
    assert [r.source.label for r in _extract(text).requirements] == ["OP5", "OP 7"]


def test_an_action_plans_lead_cell_may_name_an_agency_known_only_by_its_whole_name():
    text = ("C7 joint action plan, 2029-2031\n"
            "Code\tMilestone\tLead agency\tPartners\tDeadline\n"
            "AG-1\tPublish a guide for national digital agriculture strategies\tFAO\tITU\tDec 2029\n"
            "EH-1\tAssess the maturity of national digital health systems in ten countries\tWHO\tITU\tJun 2030\n"
            "EL-1\tReview national policies on artificial intelligence in schools\tUNESCO\tUNICEF\tMar 2030\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("AG-1", "Food and Agriculture Organization of the United Nations"),
        ("EH-1", "World Health Organization"), ("EL-1", "UNESCO")]


def test_a_partner_in_brackets_is_not_the_lead():
    text = ("Plan of action, annex\n"
            "No.\tAction\tLead\tTimeline\n"
            "A.2\tHelp least developed countries to prepare broadband plans with funded schedules (UNDP)\tITU\t2030\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("A.2", "ITU")]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_un_sub_paragraph_with_its_own_verb_is_cited_under_its_paragraph(fmt):
    text = ("The General Assembly,\n"
            "Recalling its resolution 70/125,\n"
            "4. Decides that the Internet Governance Forum shall continue its work, and in that regard:\n"
            "(a) Decides that the Forum shall meet once a year in a host country chosen by open call;\n"
            "(b) Decides also that the Internet Governance Forum shall transmit each year:\n"
            "(i) A summary of its annual meeting;\n"
            "(c) Decides further to review the working modalities of the Forum in 2031;\n"
            "5. Requests the Secretary-General to report on the implementation of the present resolution.\n")
    rows = _rows(_extract(text, fmt))
    assert [r[0] for r in rows] == ["4", "4 a", "4 b", "4 b i", "4 c", "5"]
    assert rows[0][1] == rows[2][1] == "Internet Governance Forum"  # "Decides that the Forum shall …": the Forum acts


def test_a_kind_named_once_in_full_is_that_body_not_the_one_the_knowledge_base_knows():
    text = ("Terms of reference of the Inter-Bureau Liaison Task Force on WSIS Reporting\n"
            "1. The Coordination Committee established the Inter-Bureau Liaison Task Force on WSIS Reporting in 2029.\n"
            "2. The Task Force shall meet once a quarter.\n"
            "The General Conference,\n"
            "3. Invites the Council to report on the Information for All Programme at its next session, the "
            "Intergovernmental Council of the Information for All Programme having examined the draft;\n")
    rows = {r[0]: r[1] for r in _rows(_extract(text))}
    assert rows["2"] == "Inter-Bureau Liaison Task Force on WSIS Reporting"
    assert rows["3"] == "Intergovernmental Council of the Information for All Programme"


def test_a_resolution_forwarded_below_a_mail_is_read_as_the_un_bodys():
    mail = "".join(f"Line {n} of the covering note, which says nothing that asks anything of anyone.\n\n"
                   for n in range(18))
    text = ("From: CSTD secretariat\nSubject: FW: ECOSOC resolution as adopted\n\n" + mail
            + "The Economic and Social Council,\n\n"
            "5. Requests the Secretary-General to report to the Commission at its next session.\n")
    assert [r.actor for r in _extract(text).requirements if r.source.label == "5"] == [
        "Secretary-General of the United Nations"]


def test_a_wrapped_chapeau_ending_in_to_on_its_own_line_is_no_mail_header():
    text = ("From: Conference secretariat\nSubject: Declaration as adopted\n\n"
            "We, the ministers responsible for digital affairs in the region, meeting in Accra,\n\n"
            "1. We commit, within the limits of our national budgets and our laws,\n"
            "to:\n\n"
            "a) review our spectrum policies so that mobile broadband spectrum is\n"
            "assigned promptly and at a reasonable cost;\n\n"
            "b) open our universal service funds to community networks and to\n"
            "small local operators;\n\n"
            "2. We call upon the African Telecommunications Union to publish a yearly\n"
            "report on the prices of entry-level broadband in the region.\n")
    assert [r[0] for r in _rows(_extract(text))] == ["1", "1 a", "1 b", "2"]


def test_a_masthead_line_is_no_part_of_the_body_named_above_it():
    body = ("The Committee recommends that the secretariat prepare a regional study on the resilience\n"
            "of submarine cables and landing stations, to be presented at the next session of the\n"
            "Committee together with the views of the member States that took part in the survey.\n\n")
    text = ("United Nations ESCAP/CICT/2029/4\n\n"
            "Economic and Social Commission for Asia and the Pacific\n"
            "Distr.: General\n"
            "9 September 2029\n"
            "Original: English\n\n" + body * 4)
    blocks = [b.text for b in parse_bytes(text.encode(), path="doc.txt").blocks]
    assert "Economic and Social Commission for Asia and the Pacific" in blocks
    assert "Distr.: General" in blocks


def test_an_amendments_number_labels_it_and_a_quoting_sentence_in_a_numbered_paragraph_is_a_chapeau():
    text = ("Contribution from Valmora\n"
            "1.2 The draft leaves out several elements that the Council requested. Council Resolution 1450 (Mod. "
            "2029) instructs the Secretary-General\n"
            "\u201c1 to submit to each session of the Council a report on the work of the Union under each Action "
            "Line;\u201d\n"
            "3 Amendments\n"
            "Amendment 1 - In paragraph 9 of the draft, replace the list of events with a table of results.\n")
    reqs = _extract(text).requirements
    quoted = [r for r in reqs if r.quoted_from]
    assert [(r.source.label, r.actor, r.quoted_from) for r in quoted] == [
        ("1", "Secretary-General", "Council Resolution 1450 (Mod. 2029)")]
    assert "1" in [r.source.label for r in reqs if r.text.startswith("In paragraph 9")]



def test_the_commission_may_wish_to_invite_a_body_names_that_body():
    text = ("V. Recommendations\n"
            "93. The Commission may wish to encourage Member States to publish data on Internet use by sex and age.\n"
            "94. The Commission may also wish to invite the International Telecommunication Union to extend its "
            "price baskets to satellite services.\n"
            "95. The General Assembly may wish to request the Commission to review the matter in 2031.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("93", "Member States"), ("94", "ITU"), ("95", "UN General Assembly")]


def test_both_agencies_of_a_joint_note_are_the_pair_its_title_names():
    text = ("Joint ITU-UNESCO note on the follow-up of the Summit\n"
            "1. Both agencies will publish a common list of Action Line contacts by March 2030.\n"
            "2. The two agencies shall hold a joint facilitation meeting each year.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["ITU and UNESCO", "ITU and UNESCO"]


def test_an_addressee_in_its_capacity_as_secretariat_is_the_body_itself():
    text = ("The Economic and Social Council,\n"
            "4. Also requests the United Nations Conference on Trade and Development, in its capacity as secretariat of "
            "the Commission:\n"
            "(a) to compile the national reports received each year;\n")
    assert {r[1] for r in _rows(_extract(text))} == {"United Nations Conference on Trade and Development"}


def test_decides_also_after_a_paragraphs_first_decision_leads_into_its_items():
    text = ("The General Assembly,\n"
            "1. Decides to renew the mandate of the Forum for ten years, and in this regard decides also:\n"
            "(a) That the IGF Secretariat shall give sustained support to the intersessional work of the Forum;\n"
            "(b) That the Internet Governance Forum shall issue a short set of messages after each meeting;\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "UN General Assembly"), ("1 a", "IGF Secretariat"), ("1 b", "Internet Governance Forum")]


def test_the_study_groups_stay_as_printed_whichever_sector_the_text_mentions():
    text = ("Resolution 999 (Rev. Geneva, 2030)\nThe World Telecommunication Standardization Assembly,\n"
            "instructs study groups\n"
            "1 to identify the WSIS Action Lines each new Question serves;\n"
            "2 to coordinate with the ITU-D study groups on subjects of common interest;\n")
    assert [r[1] for r in _rows(_extract(text))] == ["study groups", "study groups"]


def test_an_action_items_owner_in_brackets_before_its_action():
    text = ("LIST OF ACTIONS\n\n"
            "A41-1 [BDT] Revise the format of the operational plan report so that it shows results per Action Line. "
            "Deadline: TDAG-41.\n\n"
            "A41-2 [TSB] Post the contributions for the meeting on its web page. Deadline: 1 March 2031.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("A41-1", "Director of the Telecommunication Development Bureau"),
                                     ("A41-2", "Director of the Telecommunication Standardization Bureau")]
    assert rows[0][3] == "Revise the format of the operat"[:30]


# Round 57 (from the errors of sets 74-76), each form in our own words.

def test_coded_recommendations_in_lower_case_after_recommends_that():
    text = ("Report of the expert group\n4. Recommendations\n"
            "The Expert Group recommends that:\n"
            "R1\tthe Council endorse the results framework in Annex A;\n"
            "R2\tthe secretariat publish the WSIS Stocktaking entries by Action Line;\n"
            "R3\tthe Directors of the Bureaux report each year on:\n"
            "(a)\tmeaningful connectivity;\n"
            "(b)\tdigital skills;\n")
    assert [r[:2] for r in _rows(_extract(text))][:4] == [
        ("R1", "Council"), ("R2", "Secretariat"), ("R3", "Directors of the Bureaux"), ("R3 a", None)]


def test_a_bodys_modal_chapeau_under_a_un_paragraph_is_cited_under_it():
    text = ("The General Assembly,\n"
            "15. Decides that the Forum shall continue its work on a permanent basis, and that:\n"
            "(a) the Forum shall hold an annual meeting, rotating among the regions;\n"
            "(b) the secretariat of the Internet Governance Forum shall:\n"
            "(i) publish a summary of the main messages of each meeting;\n"
            "(ii) keep a public register of the national and regional initiatives;\n"
            "16. Requests the Secretary-General to secure stable funding for the Forum.\n")
    assert [r[0] for r in _rows(_extract(text))] == ["15", "15 a", "15 b", "15 b i", "15 b ii", "16"]


def test_romans_under_a_letter_outside_resolutions_are_cited_under_both():
    text = ("Outcome of the regional review\nRecommendations\n"
            "8. Governments of the region are encouraged to make broadband affordable for all, in particular:\n"
            "(a) to bring the price of entry-level broadband below two per cent of income;\n"
            "(b) to use their universal service funds more effectively, by:\n"
            "(i) disbursing the funds already collected to projects in rural areas;\n"
            "(ii) publishing each year the amounts collected and spent;\n")
    assert [r[0] for r in _rows(_extract(text))][-2:] == ["8 b i", "8 b ii"]


def test_a_new_paragraph_marked_bis_keeps_its_label():
    text = ("Comments of the delegation\n"
            "OP13 bis (new): add a paragraph reading \u201cInvites the Union to publish yearly estimates.\u201d\n")
    assert [r.source.label for r in _extract(text).requirements] == ["OP13 bis"]


def test_the_general_secretariat_and_a_bureau_with_the_unions_prefix_in_lead_cells():
    text = ("Joint project work plan\n"
            "No.\tActivity\tDeliverable\tLead\tSupport\tDue\n"
            "1.1\tCarry out a baseline assessment in the six pilot towns\tBaseline report\tITU-BDT\tUNDP\tQ1 2031\n"
            "Follow-up\n"
            "c) Report on progress to the CSTD through the annual UNGIS contribution. Lead: GS.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Director of the Telecommunication Development Bureau", "Secretariat"]


def test_the_regional_office_and_a_task_team_take_the_longest_name_the_text_prints():
    text = ("Subject: Task Team on Data - terms of reference\n\n"
            "UNGIS Task Team on Data for the WSIS Follow-up\n"
            "1. The Task Team shall propose a common set of indicators by 2031.\n"
            "2. The ITU Regional Office for Asia and the Pacific hosted the forum.\n"
            "Action: the Regional Office to publish the forum's report by June.\n")
    rows = _rows(_extract(text))
    assert rows[0][1] == "UNGIS Task Team on Data for the WSIS Follow-up"
    assert rows[-1][1] == "ITU Regional Office for Asia and the Pacific"


# Round 58 (from the errors of sets 77-78), each form in our own words.

COMMENT_TABLE = """Contribution from the Republic of Ostrava
Comments on the draft new Council resolution in Document C31/17
| Paragraph of C31/17 | Draft text | Our comment |
| resolves 1 | that ITU shall report on its WSIS work against the targets of the 2030 Agenda | Support. |
| instructs the Secretary-General 1 | to publish a yearly scorecard of the Action Lines ITU facilitates | Support, see Proposal 2. |
| instructs the Secretary-General 2 | (a new expert group; text on page 3 of C31/17) | Not supported. |
| invites Member States 1 | to nominate national focal points for the scorecard | Support. |
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_comment_tables_cited_paragraphs_keep_their_chapeau_number_and_draft(fmt):
    reqs = _extract(COMMENT_TABLE, fmt).requirements
    assert [(norm_label(r.source.label), r.actor, r.kind.value) for r in reqs] == [
        ("1", "ITU", "decision"), ("1", "Secretary-General", "instruction"), ("1", "Member States", "invitation")]
    assert {r.quoted_from for r in reqs} == {"Document C31/17"}
    assert not any("expert group" in r.text or "Support" in r.text for r in reqs)


JOINT_NOTE = """Joint note on the facilitation of Action Lines C3 and C7
3. Joint commitments
The two agencies jointly commit to:
3.1 hold one joint facilitation meeting a year during the WSIS Forum;
3.2 publish a single joint report on both Action Lines each year.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_dotted_numbers_before_a_verb_in_lower_case_are_labels_in_every_format(fmt):
    labels = [norm_label(r.source.label) for r in _extract(JOINT_NOTE, fmt).requirements]
    assert labels[-2:] == ["3.1", "3.2"]


def test_a_recommendations_particulars_on_its_heading_line_leave_its_number_to_the_text():
    text = ("Evaluation of the WSIS follow-up\n5 Recommendations\n"
            "Recommendation 3\tPriority: High\tAddressed to: WSIS&SDG Task Force\n"
            "The WSIS&SDG Task Force should make the Stocktaking database useful again. In particular, it should:\n"
            "(a)\tarchive the entries no contributor has confirmed for three years;\n"
            "(b)\tpublish a yearly summary of the entries by Action Line.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows][0] == ("3", "WSIS&SDG Task Force")
    assert [r[0] for r in rows] == ["3", "3 a", "3 b"]  # "In particular, it should:" only leads in


def test_a_coded_recommendation_keeps_its_code_when_its_letters_run_on():
    text = ("Recommendations of the expert group\n"
            "R4\tThe Secretary-General should publish the report in all six languages.\n"
            "R5\tThe secretariat should improve the Stocktaking database, in particular by (a) checking that each entry "
            "names an Action Line; (b) archiving entries not updated for five years; and (c) adding a field for "
            "results.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("R4", "Secretary-General"), ("R5", "Secretariat"), ("R5 a", "Secretariat"), ("R5 b", "Secretariat"),
        ("R5 c", "Secretariat")]


def test_a_forum_that_acts_in_a_un_decision_is_the_forum_the_text_names():
    text = ("The General Assembly,\n"
            "Recalling the mandate of the Internet Governance Forum,\n"
            "2. Decides that the Forum shall report the outputs of its policy networks to each annual meeting;\n"
            "3. Decides further that the Leadership Panel of the Forum shall present its recommendations each year;\n"
            "4. Decides that the next Forum shall be held in Africa;\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Internet Governance Forum", "Leadership Panel of the Forum", "UN General Assembly"]


def test_a_department_of_the_general_secretariat_in_a_lead_cell_is_the_secretariat():
    text = ("Operational plan outputs\n"
            "| No. | Output | Lead | Support |\n"
            "| 6.2.1 | Annual report on ITU's contribution to the WSIS outcomes, covering every Action Line | GS-SPM | BDT |\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Secretariat"]


def test_a_un_paragraph_quoted_inside_a_sentence_keeps_its_number():
    text = ("Dear colleagues,\n\n"
            "For ease of reference, the paragraph of the ECOSOC resolution that asks for these inputs reads as "
            "follows: \"14. Requests the facilitators of the Action Lines to report each year on the progress made, "
            "showing the gaps that remain;\"\n")
    reqs = [r for r in _extract(text).requirements if "facilitators" in r.text]
    assert [norm_label(r.source.label) for r in reqs] == ["14"]


def test_a_preambles_lettered_items_are_never_requirements():
    text = ("RESOLUTION 301 (Lima, 2031)\n"
            "Accessible telecommunications and the follow-up to the World Summit on the Information Society\n"
            "The World Telecommunication Development Conference (Lima, 2031),\n"
            "recalling\n"
            "a)\tResolution 140 of the Plenipotentiary Conference, on the role of ITU in implementing the outcomes "
            "of the World Summit on the Information Society;\n"
            "b)\tthe undertaking in the Tunis Agenda to give particular attention to persons with disabilities in "
            "every national e-strategy;\n"
            "c)\tthe studies carried out by ITU-D Study Group 1 on accessible services during the last study period, "
            "and the guidelines it published,\n"
            "resolves\n"
            "1\tthat the Bureau shall publish a yearly survey of accessible services in the developing countries;\n")
    assert [r[0] for r in _rows(_extract(text))] == ["1"]


def test_targets_a_group_proposes_for_adoption_are_the_adopters():
    text = ("Report of the Working Group on Affordable Handsets\n"
            "Targets\n"
            "The Working Group proposes that the Broadband Commission adopt the following targets, to be met by 2033:\n"
            "1. In every developing country, an entry-level smartphone costs less than two per cent of monthly income.\n"
            "2. At least 80% of adults in developing countries own a smartphone.\n")
    assert [r[1] for r in _rows(_extract(text))][-2:] == ["Broadband Commission", "Broadband Commission"]


def test_a_regional_initiatives_expected_results_belong_to_who_the_text_says_carries_it_out():
    text = ("Regional initiatives for the Americas\n"
            "The initiatives are carried out by the Telecommunication Development Bureau through the regional office.\n"
            "AMS1: Broadband for remote communities\n"
            "Objective: To help the countries of the region connect their remote communities.\n"
            "Expected results:\n"
            "1) Assistance to Member States in preparing national broadband plans.\n"
            "2) A regional programme of training on spectrum management.\n")
    rows = _rows(_extract(text))
    assert [r[1] for r in rows if r[0] in ("1", "2")] == ["Director of the Telecommunication Development Bureau"] * 2


def test_another_organizations_secretariat_by_its_whole_name_is_not_itus():
    text = ("Ministerial declaration of the island states\n"
            "We invite the Pacific Islands Forum Secretariat to report on the follow-up to this declaration each year.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Pacific Islands Forum Secretariat"]


def test_figures_broken_down_by_bureau_name_no_one_who_acts():
    text = ("Contribution to the Working Group\n"
            "3.3 It is essential that figures on expenditure be broken down by Bureau and by Action Line.\n")
    assert [r[1] for r in _rows(_extract(text))] == [None]


def test_a_groups_number_before_to_is_no_item_number():
    text = ("Report of the meeting\n"
            "5.2.3\tAfter a contribution on online safety, TSAG requested ITU-T Study Group 17 to identify gaps in the "
            "standards and to report to the next meeting.\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows] == [("5.2.3", "ITU-T Study Group 17")]


def test_a_relative_aside_with_its_own_modal_does_not_hide_a_modal_chapeau():
    text = ("The General Assembly,\nRecalling the mandate of the Internet Governance Forum,\n"
            "2. Decides that the Forum shall carry out its work from 2032 onwards in accordance with the following:\n"
            "(a) The Forum shall hold one annual meeting lasting at least four days;\n"
            "(b) The Multistakeholder Advisory Group of the Forum, one third of whose members shall be replaced each "
            "year, shall:\n"
            "(i) prepare the programme of each annual meeting from an open call for themes;\n"
            "(ii) publish a summary of the themes proposed;\n")
    rows = _rows(_extract(text))
    assert [r[:2] for r in rows][-2:] == [("2 b i", "Multistakeholder Advisory Group of the Forum"),
                                          ("2 b ii", "Multistakeholder Advisory Group of the Forum")]


ACTION_ROWS = """Summary of the fourth meeting of the advisory group
7. Agreed next steps
| No. | Action | Responsible | By |
|-----|--------|-------------|----|
| 1 | Circulate the draft summary of this meeting for comments | IGF Secretariat | 19 May 2032 |
| 2 | Draft a concept note for the main session on the Action Lines | Main session co-facilitators | 9 June 2032 |
| 3 | Contact the CSTD secretariat about presenting the messages of the Forum | Group Chair | 30 June 2032 |
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_numbered_row_of_an_action_table_is_read_by_the_rules_with_its_responsible(fmt):
    reqs = _extract(ACTION_ROWS, fmt).requirements
    assert [(norm_label(r.source.label), r.actor, r.read_by) for r in reqs] == [
        ("1", "IGF Secretariat", "rules"), ("2", "Main session co-facilitators", "rules"), ("3", "Group Chair", "rules")]


# Round 59 (from the errors of sets 79-80), each form in our own words.

def test_letters_run_on_inside_a_numbered_paragraph_are_cited_under_it():
    text = ("Joint statement of the facilitators\n"
            "5. Building on the roadmaps, the facilitators agree: a) to hold a joint meeting each year during the "
            "Forum; b) to publish one common results framework by 2032; c) to review the framework every two years.\n"
            "6. We call upon Member States to reflect the Action Lines in their national strategies.\n")
    assert [r[0] for r in _rows(_extract(text))][:3] == ["5 a", "5 b", "5 c"]


def test_each_call_with_its_own_subject_is_that_subjects_and_no_letter_is_cited_under_the_first():
    text = ("Summary of the ministerial round table\n"
            "The round table agreed on the following calls to action:\n"
            "(a) Participants called upon governments to publish a costed plan for connecting the unconnected;\n"
            "(b) Ministers urged the regional development banks to set aside a window for last-mile projects;\n"
            "(c) Regulators should review spectrum fees for operators that serve rural areas;\n"
            "(d) Mobile operators are encouraged to offer wholesale access in underserved areas.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("a", "governments"), ("b", "regional development banks"), ("c", "Regulators"), ("d", "Mobile operators")]


def test_action_items_coded_with_a_dash_and_an_owner_note():
    text = ("4. FOLLOW-UP ACTIONS\n\n"
            "A1 - Circulate this summary to all participants and to the Permanent Missions. Owner: BDT (Programme "
            "Unit). Deadline: 26 March 2032.\n\n"
            "A2 - Propose a session on last-mile financing for the next Forum. Owner: ITU WSIS Task Force. "
            "Deadline: 15 September 2032.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("A1", "Director of the Telecommunication Development Bureau"), ("A2", "WSIS&SDG Task Force")]


def test_outputs_of_a_programme_led_by_the_bureau():
    text = ("Programme 4: Digital inclusion\n"
            "The outputs below are led by BDT unless another lead is named.\n"
            "Output 4.1 - Develop and keep up to date a digital skills assessment tool for national use.\n"
            "Output 4.2 - Train at least 50 000 people through the regional centres by 2033.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("4.1", "Director of the Telecommunication Development Bureau"),
        ("4.2", "Director of the Telecommunication Development Bureau")]


def test_a_letters_own_next_paragraph_ends_the_resolution_it_quoted():
    text = ("Circular Letter CL-31/18\n"
            "Dear Sir/Madam,\n"
            "1 Each year ITU reports on its contribution to the implementation of the outcomes of the Summit.\n"
            "2 In Council Resolution 1332 (Mod. 2030), the Council instructs the Secretary-General:\n"
            "11 to invite Member States to share each year information on their activities under the Action Lines;\n"
            "12 to make all contributions received publicly available on the website.\n"
            "3 Administrations are kindly requested to send their inputs through the online form by 30 April 2032.\n")
    reqs = _extract(text).requirements
    assert [(norm_label(r.source.label), r.actor, r.quoted_from) for r in reqs] == [
        ("11", "Secretary-General", "Council Resolution 1332 (Mod. 2030)"),
        ("12", "Secretary-General", "Council Resolution 1332 (Mod. 2030)"),
        ("3", "Member States", None)]


def test_proposals_after_one_that_adds_an_item_are_the_contributions_own():
    text = ("Contribution from the Republic of Ostrava\n"
            "Proposals\n"
            "Proposal 4 \u2013 That the Council add a new item under \"instructs the Secretary-General\" in Council "
            "Resolution 1332, reading: \"(ADD) 9 to report every two years on the balance between women and men "
            "among the speakers of the Forum;\"\n"
            "Proposal 5 \u2013 That the Working Group hold one of its meetings each year just before the Forum.\n")
    rows = _rows(_extract(text))
    assert rows[-1][:3] == ("5", "Council Working Group on WSIS and the SDGs", "proposal")


def test_an_aside_of_partners_does_not_name_the_addressee():
    text = ("Ministerial declaration\n"
            "34. We urge Governments, working with the private sector, civil society and academia, to: (a) close the "
            "gender digital divide, including by teaching girls digital skills at school; (b) make public services "
            "available online in accessible formats and in local languages; (c) protect people from harm online.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Governments"] * 4


def test_the_commission_named_in_full_once_is_the_knowledge_bases_cstd():
    text = ("Economic and Social Council\n"
            "Commission on Science and Technology for Development\n"
            "Thirty-fourth session\n"
            "Progress made in the implementation of the outcomes of the World Summit on the Information Society\n"
            "V. Conclusions and recommendations\n"
            "66. Connectivity grew in every region, but the gap between urban and rural areas closed only slowly.\n"
            "67. The Commission may wish to take note of the present report and of the recommendations above.\n")
    assert [r[1] for r in _rows(_extract(text)) if r[0] == "67"] == ["CSTD"]


def test_letters_under_a_numbered_paragraph_stay_under_it_after_a_lettered_request():
    text = ("Plan of action\n"
            "11. Trust in online services depends on the ability of each country to respond to incidents.\n"
            "a) Governments should adopt legal frameworks for child online protection.\n"
            "b) ITU is requested to publish the Global Cybersecurity Index every two years.\n"
            "c) All stakeholders are encouraged to share information on threats through trusted channels.\n")
    assert [r[0] for r in _rows(_extract(text))] == ["11 a", "11 b", "11 c"]


def test_a_citation_of_a_lettered_item_above_is_no_item():
    text = ("Resolution 311 (Lima, 2031)\n"
            "invites Member States\n"
            "2\tto publish every year the balances of their universal service funds;\n"
            "3\tto share with the Bureau the coverage data needed for the work under instructs the Director of the "
            "Telecommunication Development Bureau 1 a) above,\n")
    assert [r[0] for r in _rows(_extract(text))] == ["2", "3"]


# Round 60 (from the errors of sets 81-82), each form in our own words.

def test_a_thing_the_decision_deals_with_is_never_its_actor():
    text = ("Decision 701 (Lima, 2031)\n"
            "The Plenipotentiary Conference,\n"
            "decides\n"
            "1\tto set aside CHF 900 000 for the WSIS activities of the Union in 2032-2035;\n"
            "2\tthat the amounts under decides 1 shall be distributed among the following headings:\n"
            "a)\tthe WSIS Forum: at least 45 per cent;\n"
            "3\tthat the WSIS Prizes 2033 shall be awarded during the Forum.\n")
    rows = _rows(_extract(text))
    assert [r[1] for r in rows if r[0] in ("2", "2 a", "3")] == [None, None, None]


def test_a_view_of_the_inspectors_on_a_body_with_its_initials_is_that_bodys():
    text = ("Review of the follow-up to the World Summit on the Information Society\n"
            "106.\tThe Inspectors consider that the United Nations Group on the Information Society (UNGIS) should "
            "become the custodian of a system-wide plan on the follow-up to the Summit.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["UNGIS"]


# Round 61 (from the errors of sets 83-84), each form in our own words.

def test_coded_recommendations_in_lower_case_under_a_chapeau_with_its_subject():
    text = ("Report of the Task Force on Rural Libraries\n"
            "4\tRecommendations\n"
            "The Task Force recommends that regulators:\n"
            "R1\tpublish, every year, the list of villages that no network reaches;\n"
            "R2\tadopt simple licences for community networks run by libraries.\n"
            "The Task Force calls on donors to:\n"
            "D1\tfinance the running costs of connected libraries for at least four years.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("R1", "regulators"), ("R2", "regulators"), ("D1", "donors")]


def test_a_goals_actions_lettered_under_its_number_with_their_lead_agency():
    text = ("Regional action plan on digital inclusion 2031-2034\n"
            "Goal 2: Affordable devices\n"
            "2.A\tReview the import duties on entry-level smartphones and publish the findings. Lead agency: Member "
            "States. By June 2032.\n"
            "2.B\tPublish a yearly survey of device prices in every country. Lead agency: national statistical "
            "offices. By December 2032.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("2.A", "Member States"), ("2.B", "national statistical offices")]


def test_bodies_listed_as_one_subject_all_act():
    text = ("Joint programme on school connectivity\n"
            "3.3 UNESCO and ITU shall jointly publish a yearly summary of the programme's results.\n"
            "3.4 Donors, foundations and private operators should make their support for school connections "
            "predictable over several years.\n"
            "3.5 Sector Members, and in particular academia, are encouraged to submit case studies by 1 March 2032.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "UNESCO and ITU", "Donors, foundations and private operators", "Sector Members"]


def test_a_chair_named_by_its_pronoun_is_unknown_and_said():
    text = ("Report of the regional preparatory meeting for the Americas\n"
            "5.3 The meeting agreed that its Chair shall present the regional initiatives to the Conference as the "
            "priorities of the region.\n")
    result = _extract(text)
    assert [r[1] for r in _rows(result)] == [None]
    assert any("its Chair" in w and "pronoun" in w for w in result.warnings)


def test_a_meetings_ordinal_on_the_title_line_is_no_part_of_the_bodys_name():
    # (a mail's paragraphs, their lines joined: the title and the meeting's line become one paragraph)
    text = ("Dear colleagues,\n\n"
            "Please find below the draft report of the fifty-second meeting, for your\ncomments by 20 March 2032.\n\n"
            "Council Working Group on WSIS and the SDGs\nFifty-second meeting, Geneva, 3-4 March 2032\n\n"
            "1.1 The meeting was opened by the Chair of the Working Group, who welcomed\nthe participants.\n\n"
            "2.3 The Group requested the secretariat to add to its next report the\nresults achieved since 2030.\n\n"
            "5 Summary of action items\n\n"
            "No. | Action | Owner | Deadline\n"
            "AI-52/3 | Prepare the consolidated text of the recommendations | Chair of the Working Group | 15 April "
            "2032\n")
    assert [r[:2] for r in _rows(_extract(text))][-1] == (
        "AI-52/3", "Chair of the Council Working Group on WSIS and the SDGs")


def test_bodies_that_commit_to_a_list_of_actions_own_its_items():
    text = ("Joint statement of the regional commissions on the follow-up to the Summit\n"
            "5. The regional commissions commit to the following actions in 2032-2033, within their existing "
            "resources:\n"
            "(a) to hold a regional review of the Summit outcomes every two years;\n"
            "(b) to publish a joint report on digital inclusion by the end of 2033.\n"
            "6. The regional commissions already meet before each session of the Commission.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("5", "regional commissions"), ("5 a", "regional commissions"), ("5 b", "regional commissions")]


def test_an_adverb_before_the_modal_is_no_part_of_who_acts():
    text = ("Meeting of the Rapporteur Group on Question 9/2\n"
            "5\tOutput report\n"
            "The editors of the output report also need to state, for each case study, the number of people trained.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["editors of the output report"]


def test_the_union_named_with_its_organ_is_that_organ():
    text = ("Action Line C5 work plan 2032-2033\n"
            "A1 Publish a global survey of national incident response teams. Lead: ITU (BDT). By June 2032.\n"
            "A2 Hold a regional cyberdrill in each ITU region. Lead: ITU/BDT. By December 2032.\n"
            "A3 Post the results of the survey on the WSIS website. Lead: ITU (General Secretariat). By March 2033.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Director of the Telecommunication Development Bureau", "Director of the Telecommunication Development Bureau",
        "Secretariat"]


def test_an_officer_after_a_bodys_name_in_a_rows_lead_cell():
    text = ("UNGIS joint work plan 2032\n"
            "No.\tActivity\tLead\tSupport\tTimeline\n"
            "4.1\tHold the annual meeting of the UNGIS focal points\tUNGIS Chair\tAll members\tDecember 2032\n"
            "4.2\tCirculate the summary of each meeting to the focal points within three weeks\tUNGIS secretariat\t"
            "-\tAfter each meeting\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("4.1", "UNGIS Chair"), ("4.2", "UNGIS secretariat")]


def test_what_a_report_is_to_say_is_asked_of_the_secretariat_that_drafts_it():
    text = ("Report of the fifty-third meeting of the Council Working Group on WSIS and the SDGs\n"
            "2.4\tThe Group agreed that future reports should present the results for Action Line C7 by sub-line.\n"
            "2.5\tThe Group agreed that, from 2033, the annual report shall be transmitted to Member States a month "
            "before the Council session.\n"
            "2.6\tThe WSIS reports of the Union should give rural connectivity a section of its own.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Secretariat"] * 3


def test_a_name_with_commas_of_its_own_is_kept_whole():
    text = ("Resolution 88/4 of the Economic and Social Commission for Asia and the Pacific\n"
            "9. Decides that the Committee on Information and Communications Technology, Science, Technology and "
            "Innovation shall review the implementation of the present resolution at its next session;\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Committee on Information and Communications Technology, Science, Technology and Innovation"]


def test_a_part_of_the_union_and_a_bodys_officer_act_not_the_body():
    text = ("Outcome of the high-level track\n"
            "Follow-up actions\n"
            "- ITU Academy to prepare, together with UNESCO, a course on digital skills for teachers by June 2032.\n"
            "- ITU Regional Office for Asia and the Pacific to add the outcomes to the regional work plan.\n"
            "The Group requests the UNGIS Chair to circulate the draft joint contribution to all members.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "ITU Academy", "ITU Regional Office for Asia and the Pacific", "UNGIS Chair"]


def test_initials_the_text_defines_are_the_name_they_stand_for():
    text = ("Report of the meeting of the Telecommunication Standardization Advisory Group\n"
            "9.4 TSAG decided to establish a Rapporteur Group on Digital Inclusion Metrics (RG-DIM) with the terms of "
            "reference in Annex 2.\n"
            "Annex 2 - Terms of reference\n"
            "The RG-DIM shall:\n"
            "a) monitor the contribution of ITU-T work to digital inclusion;\n"
            "b) submit a progress report to each TSAG meeting.\n")
    assert [r[1] for r in _rows(_extract(text)) if r[0] in ("a", "b")] == [
        "Rapporteur Group on Digital Inclusion Metrics"] * 2


def test_a_decision_to_ask_someone_is_theirs_to_carry_out():
    text = ("Resolution 86/301 of the General Assembly\n"
            "The General Assembly,\n"
            "5. Decides:\n"
            "(a) To convene, in 2033, a one-day high-level debate on digital inclusion;\n"
            "(b) To request the President of the General Assembly:\n"
            "(i) To finalize the organizational arrangements for the debate;\n"
            "(ii) To prepare a summary of the debate;\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("5 a", "UN General Assembly"), ("5 b", "President of the General Assembly"),
        ("5 b i", "President of the General Assembly"), ("5 b ii", "President of the General Assembly")]


# Round 62 (from the errors of sets 85-86), each form in our own words.

def test_a_tab_table_read_by_its_columns_with_a_section_row_and_a_code_in_the_action_cell():
    text = ("Roadmap of the Council Working Group on WSIS and the SDGs, 2032-2034\n"
            "Step\tAction\tResponsible\tDue\n"
            "A. Organization of the work\n"
            "1\tCirculate a mapping of the instructions of Resolution 1501 to the new commitments\tSecretariat\tJuly 2032\n"
            "2\tHold an open consultation on the priorities for 2032-2034\tCWG Chair, with the Vice-Chairs\t"
            "September 2032\n"
            "B. Reporting\n"
            "3\tUpdate the roadmaps of Action Lines C2, C5 and C6\tBR, TSB and BDT Directors\tDecember 2032\n"
            "\n"
            "Work plan of the coalition\n"
            "Action\tOwner\tDeadline\n"
            "W1 Update the coalition's licensing toolkit with the cases collected in 2031\tCo-coordinators\t"
            "30 June 2032\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "Secretariat"), ("2", "Chair of the Council Working Group on WSIS and the SDGs"),
        ("3", "Directors of the Bureaux"), ("W1", "Co-coordinators")]
    assert [r.text for r in _extract(text).requirements][2] == "Update the roadmaps of Action Lines C2, C5 and C6"


def test_codes_in_lead_cells_by_the_texts_list_of_abbreviations_or_unknown():
    text = ("Action plan of the regional office, 2032\n"
            "Abbreviations used in the table\n"
            "RO-EUR\tITU Regional Office for Europe, Geneva\n"
            "No.\tAction\tLead\tDeadline\n"
            "A.1\tCarry out a regional assessment of backbone redundancy and publish its findings\tRO-EUR\tJune 2032\n"
            "A.2\tPrepare the study group's input on network resilience for the regional forum\tSG12\tMay 2032\n")
    result = _extract(text)
    assert [r[:2] for r in _rows(result)] == [("A.1", "ITU Regional Office for Europe"), ("A.2", None)]


def test_a_report_by_the_chair_of_a_group_names_the_group_it_calls_the_group():
    text = ("Council 2032\n"
            "Document C32/41-E\n"
            "Report by the Chair of the Council Working Group on Child Online Protection\n"
            "3\tConclusions\n"
            "3.6\tThe Group decided to hold its next meeting in Geneva, back to back with the other Council Working "
            "Groups.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("3.6", "Council Working Group on Child Online Protection")]


def test_a_name_that_lists_codes_is_kept_whole():
    text = ("Outcome of the facilitation meeting on Action Line C10\n"
            "3.3\tWe propose that the facilitators of Action Lines C5, C7 and C10 hold a joint session at the Forum.\n"
            "3.4\tWe propose that ITU-T Study Groups 5, 13 and 17 add a field naming the Action Lines to their "
            "templates.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "facilitators of Action Lines C5, C7 and C10", "ITU-T Study Groups 5, 13 and 17"]


# Round 63 (from blind sets 87-88 and the development texts' wrong actors)


def test_a_proposal_numbered_by_its_contributions_code():
    text = ("Contribution from the Northern Regulators Association to WTSA-32\n"
            "Proposals\n"
            "Proposal NRA/07/1: TSB should publish each year a list of the Recommendations most used in the region.\n"
            "Proposal NRA/07/2: The Union should hold a regional workshop on conformance testing every two years.\n")
    assert [r[:3] for r in _rows(_extract(text))] == [
        ("NRA/07/1", "Director of the Telecommunication Standardization Bureau", "proposal"),
        ("NRA/07/2", "ITU", "proposal")]


def test_a_conference_by_its_code_and_year_is_invited_not_the_secretariat():
    text = ("Contribution from the Northern Regulators Association\n"
            "Action required\n"
            "WTDC-29 is invited to consider the proposals in Section 4 and to take them into account.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["WTDC-29"]


def test_a_state_that_asks_the_secretariat_by_its_own_name():
    text = ("Comments of Norland on the draft conclusions\n"
            "Norland thanks the Chair for the draft and offers the comments below.\n"
            "\n"
            "Paragraph 9 (dates): Norland asks the secretariat to publish the dates of the next meeting four months "
            "ahead, as several capitals need to plan the travel of their experts.\n")
    result = _extract(text)
    assert [(r.actor, r.kind.value) for r in result.requirements] == [("Secretariat", "instruction")]


def test_a_short_name_the_text_defines_with_hereafter_is_the_name_it_stands_for():
    text = ("Report of the meeting of the advisory group\n"
            "4\tStudy groups\n"
            "4.1\tThe Chairs of ITU-T Study Groups 3 and 5 (hereafter the study group chairs) presented their reports.\n"
            "4.2\tThe study group chairs should agree a common timetable for the Questions shared by both groups.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("4.2", "Chairs of ITU-T Study Groups 3 and 5")]


def test_an_offices_initials_with_its_city_in_a_lead_cell():
    text = ("Work plan of the regional office, 2032-2033\n"
            "This plan covers the ITU Regional Office for the Americas (RO-AMS) and the ITU Area Office in Santiago "
            "(AO-Santiago).\n"
            "No.\tActivity\tLead\tDeadline\n"
            "1.1\tHold two subregional workshops on spectrum pricing for regulators\tAO-Santiago\tQ2 2033\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("1.1", "ITU Area Office in Santiago")]


def test_terms_of_reference_titled_with_the_groups_initials_name_the_group():
    text = ("Report of the meeting of the Telecommunication Standardization Advisory Group\n"
            "6.3\tTSAG agreed to establish a TSAG Correspondence Group on Data Reporting (TSAG-CG-DR), with the terms of "
            "reference in Annex 2.\n"
            "ANNEX 2\n"
            "Terms of reference of the TSAG Correspondence Group on Data Reporting (TSAG-CG-DR)\n"
            "1\tWorking methods\n"
            "The group shall work by electronic means and shall report to each TSAG meeting.\n")
    assert [r[1] for r in _rows(_extract(text))][1:] == ["TSAG Correspondence Group on Data Reporting"]


def test_an_item_whose_body_is_not_its_first_words_is_the_chapeaus():
    text = ("Working Group on Connected Schools\n"
            "3. Recommendations\n"
            "The Working Group recommends that the Broadband Commission:\n"
            "3.1 Adopt at its next meeting an advocacy target on connected schools.\n"
            "3.2 Renew the mandate of the Working Group for one more year to follow up on this report.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("3.1", "Broadband Commission"), ("3.2", "Broadband Commission")]


def test_an_item_that_reports_whom_the_meeting_asked():
    # (a guard more than a new form: the code before round 63 read it right by a rule that round 63 narrowed)
    text = ("Summary of the round table on rural connectivity\n"
            "The round table agreed on the following calls to action:\n"
            "(a) Participants called upon regulators to publish their spectrum fees for rural licences.\n"
            "(b) The round table invited the ITU secretariat to compile a short guide on rural licensing.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["regulators", "Secretariat"]


def test_a_forums_own_secretariat_outside_the_wsis_forum():
    text = ("Declaration of the Eastern Shores Digital Forum\n"
            "We, the Ministers responsible for digital affairs of the member countries of the Eastern Shores Digital "
            "Forum, meeting in Portavel,\n"
            "7. We request the Forum secretariat to prepare a progress report for our next meeting.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Forum secretariat"]


def test_a_high_level_political_forum_text_asks_the_uns_secretary_general():
    text = ("E/HLPF/2032/L.5\n"
            "Ministerial declaration of the high-level political forum on sustainable development\n"
            "1. We, the Ministers and high representatives, having met in New York, reaffirm our commitment to the "
            "2030 Agenda.\n"
            "31. We request the Secretary-General to include an analysis of digital divides in the annual progress "
            "report.\n")
    assert [r[1] for r in _rows(_extract(text))] == ["Secretary-General of the United Nations"]


def test_a_lists_dash_in_a_word_paragraph_is_no_part_of_the_actor():
    text = ("Recommendations of the best practice forum\n"
            "To the private sector\n"
            "- Tower companies should offer local networks access to their sites at cost-oriented prices.\n")
    assert [r.actor for r in _extract(text, "docx").requirements] == ["Tower companies"]


def test_the_modal_of_a_sentences_last_clause_is_its_subjects():
    text = ("Statement of Norland to the Commission on Science and Technology for Development\n"
            "Chair,\n"
            "Finally, Chair, the value of the review will show in what it changed in schools and clinics, and the "
            "Commission should keep that test in mind when it adopts its resolution.\n")
    assert [r.actor for r in _extract(text).requirements] == ["CSTD"]


def test_a_draft_of_the_assemblys_outcome_document_is_the_assemblys_text():
    text = ("From: Office of the President of the General Assembly\n"
            "Subject: zero draft of the outcome document\n"
            "Excellency, I have the honour to transmit below the zero draft of the outcome document of the high-level "
            "meeting of the General Assembly.\n"
            "ZERO DRAFT\n"
            "12. We request the Secretary-General to report on the implementation of this outcome every two years.\n"
            "13. We decide to review the implementation of this outcome at a high-level meeting in 2035.\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Secretary-General of the United Nations", "UN General Assembly"]


def test_a_group_of_the_council_unknown_to_the_knowledge_base_acts_not_the_council():
    text = ("Decision 701 (C32)\n"
            "The Council,\n"
            "decides that the Council Expert Group on Measuring Digital Inclusion shall a) review the indicators now "
            "used in ITU's reports; b) propose a reduced set of indicators with their sources.\n")
    assert [r[:2] for r in _rows(_extract(text)) if r[0]] == [
        ("a", "Council Expert Group on Measuring Digital Inclusion"),
        ("b", "Council Expert Group on Measuring Digital Inclusion")]


def test_sg_chairs_in_an_action_table_are_the_study_groups_chairs():
    text = ("Report of the advisory group meeting\n"
            "Annex A - Action items\n"
            "No.\tAction\tResponsible\tDeadline\n"
            "A-3\tNominate a focal point for Action Line C5 in each study group\tSG chairs\t31 May 2033\n")
    for fmt in ("txt", "pdf"):
        assert [r.actor for r in _extract(text, fmt).requirements] == ["study group chairs"], fmt


def test_a_group_named_in_lower_case_up_to_its_modal():
    text = ("Resolution 281 (Rev. Lomond, 2032)\n"
            "The Plenipotentiary Conference of the International Telecommunication Union,\n"
            "resolves\n"
            "1\tthat the Council Working Group on international Internet-related public policy issues shall continue "
            "to hold an open consultation before each of its meetings,\n")
    assert [r[1] for r in _rows(_extract(text))] == [
        "Council Working Group on international Internet-related public policy issues"]


def test_a_lead_cells_initials_with_a_partners_in_brackets_are_the_leads():
    text = ("Programme of work 2033\n"
            "The table shows the lead division; a division in brackets contributes. The divisions are the Digital "
            "Policy Division (DPD) and the Data Statistics Division (DSD).\n"
            "No.\tActivity\tLead\tQuarter\n"
            "1.1\tPublish the regional digital development report with the core ICT indicators\tDSD (DPD)\tQ3\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("1.1", "Data Statistics Division")]


def test_a_paragraph_reference_before_a_comment_is_no_subject():
    text = ("Comments of Norland on the draft outcome document\n"
            "5. OP 11: the target year should be 2033 rather than 2035.\n")
    assert [r.actor for r in _extract(text).requirements] in ([None], ["Secretariat"])


# Round 64 (from blind sets 91-92)


def test_an_owner_note_with_its_deadline_after_a_bar():
    text = ("Summary of the Action Line C4 facilitation meeting\n"
            "3. Agreed actions\n"
            "3.8 Member States to share with the study group their national data on digital skills. "
            "[Owner: Member States | Deadline: 30 April 2033]\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("3.8", "Member States")]


def test_a_hyphenated_subject_is_named_whole():
    text = ("Summary of the facilitation meeting\n"
            "It is important that the co-facilitators link each activity of the roadmap to a target of the "
            "strategic plan.\n")
    assert [r.actor for r in _extract(text).requirements] == ["co-facilitators"]


def test_the_deputy_secretary_general_is_not_the_secretary_general():
    text = ("Terms of reference of the ITU task force on the WSIS follow-up\n"
            "7\tChair\n"
            "The Deputy Secretary-General, as Chair, shall report to the Secretary-General on the progress of the "
            "task force every quarter.\n")
    assert [r.actor for r in _extract(text).requirements] == ["Deputy Secretary-General"]


def test_a_body_of_the_igf_named_by_its_initials_and_its_own_name():
    # (a guard more than a new form: the code before round 64 reads this short text right, and gave the whole set-91
    # text's R11 to the Council Working Group)
    text = ("Recommendations of the MAG working group on participation\n"
            "R11. The Working Group recommends that the IGF Leadership Panel raise these findings in its meetings with "
            "ministers.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("R11", "IGF Leadership Panel")]


def test_a_track_of_a_forum_is_a_thing_not_who_acts():
    text = ("Outcome of the WSIS Forum 2033 high-level track\n"
            "13. The High-Level Track of the WSIS Forum 2034 should include a session at which each stakeholder group "
            "reports on its commitments.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("13", None)]


# Round 65 (from blind sets 93-94)


def test_an_owner_cell_names_an_officer_by_the_item_code_after_a_comma():
    text = ("Report of the meeting of Study Group 2\n"
            "Table 4 – Action items\n"
            "No.\tAction\tResponsible\tDeadline\n"
            "1\tCirculate the revised draft of the technical report on numbering fraud for comments\tRapporteur, Q5/2"
            "\t1 March 2033\n"
            "2\tUpdate the work programme entry of the draft Supplement on roaming data\tEditor, D.Roam-Sup\tMay 2033\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("1", "Rapporteur, Q5/2"), ("2", "Editor, D.Roam-Sup")]


def test_the_group_in_a_resolution_on_another_council_group_is_that_group():
    text = ("Resolution 1511 (Mod. 2033)\n"
            "Council Working Group on Child Online Protection\n"
            "The ITU Council,\n"
            "resolves\n"
            "1\tthat the Council Working Group on Child Online Protection (CWG-COP) shall continue its work under the "
            "terms of reference annexed to this resolution;\n"
            "2\tthat the Group shall hold an online consultation open to young people before each of its meetings;\n")
    group = "Council Working Group on Child Online Protection"
    assert [r[:2] for r in _rows(_extract(text))] == [("1", group), ("2", group)]


def test_a_name_the_text_defines_with_means_is_the_name_it_stands_for():
    text = ("ITU Area Office for the Pacific, Suva\n"
            "Operational plan 2033\n"
            '"Area Office" means the ITU Area Office for the Pacific.\n'
            "4\tReporting\n"
            "4.1\tThe Area Office shall report every six months to the Regional Director on each activity.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("4.1", "ITU Area Office for the Pacific")]


def test_a_gathering_a_paper_is_put_to_is_invited_not_the_secretariat():
    text = ("Contribution from Norland to the open consultation on the WSIS Forum 2034\n"
            "Action required\n"
            "The open consultation meeting is invited to take the five proposals below into account in the draft "
            "programme.\n")
    assert [r.actor for r in _extract(text).requirements] == ["open consultation meeting"]


def test_an_acronym_defined_at_the_end_of_a_list_is_the_name_it_spells():
    text = ("Summary of the Action Line C7 e-science facilitation meeting\n"
            "The meeting was organized by UNESCO with ITU and the International Association of Science Parks (IASP).\n"
            "Follow-up actions\n"
            "F2 Collect examples of science parks that offer free Internet access. Owner: IASP. "
            "Deadline: June 2033.\n")
    # (not "ITU and the International Association …": the name whose capitals spell the initials)
    assert [r[:2] for r in _rows(_extract(text))] == [("F2", "International Association of Science Parks")]


def test_a_proposal_that_names_another_bodys_secretariat_and_reports_owner():
    text = ("Statement by Norland to the Commission on Science and Technology for Development\n"
            "Proposals\n"
            "Proposal 1: that the UNCTAD secretariat, which serves the Commission, prepare a synthesis of the "
            "regional reviews for the next session;\n"
            "Proposal 2: that the annual reports of the Action Line facilitators a) use one template, b) give "
            "figures by sex.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "UNCTAD secretariat"), ("2", "Action Line facilitators"), ("2 a", "Action Line facilitators"),
        ("2 b", "Action Line facilitators")]


def test_a_body_that_may_wish_to_ask_its_own_secretariat_acts_itself():
    text = ("Report of the Secretary-General to the Commission on Science and Technology for Development on "
            "progress in the WSIS outcomes\n"
            "IV. Recommendations\n"
            "61. The Commission may wish to request its secretariat to compile the national reviews for its next "
            "session.\n")
    assert [r.actor for r in _extract(text).requirements] == ["CSTD"]


def test_the_office_of_an_officer_is_not_the_body():
    text = ("Summary of the UNGIS Principals meeting\n"
            "4. Agreed actions\n"
            "The Principals agreed on the following actions:\n"
            "c) The Office of the UNGIS Chair to publish the revised list of focal points before June 2033.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("c", "Office of the UNGIS Chair")]


def test_the_chair_of_a_group_a_decision_establishes_by_its_full_name():
    text = ("Decision 702 (C33)\n"
            "Establishment of a Council Expert Group on Digital Public Infrastructure\n"
            "The Council decides that the group shall meet twice a year.\n"
            "3\tChair\n"
            "The Chair of the Expert Group is appointed by the Council.\n"
            "The Chair shall present an oral report to each session of the Council.\n")
    actors = [r.actor for r in _extract(text).requirements if r.text.startswith("The Chair shall")]
    assert actors == ["Chair of the Council Expert Group on Digital Public Infrastructure"]


def test_an_officer_of_a_group_the_title_names_by_its_full_name():
    text = ("Title: Final report of the TDAG Correspondence Group on Rural Broadband Data (TDAG-CG-RBD)\n"
            "Table 2 – Follow-up actions\n"
            "No.\tAction\tLead\tBy\n"
            "1\tConvene the correspondence group online to review the first survey results\tConvener of the "
            "correspondence group\tMay 2033\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1", "Convener of the TDAG Correspondence Group on Rural Broadband Data")]


def test_a_table_with_an_output_code_and_a_description_column():
    text = ("Joint ITU-UNICEF work plan for school connectivity\n"
            "Table 1: Outputs and leads\n"
            "Output\tDescription\tLead\tPartners\tCompletion\n"
            "B.1\tMap the connectivity of schools in ten countries, using ITU and UNESCO data\tUNICEF\tITU\tQ4 2033\n"
            "B.2\tPublish a guide on the financing of school connectivity\tITU\tUNICEF\tQ2 2034\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("B.1", "United Nations Children's Fund"), ("B.2", "ITU")]


def test_numbered_items_with_a_priority_or_an_amendment_mark_in_brackets():
    text = ("Evaluation of BDT support to e-government\n"
            "6 Recommendations\n"
            "Recommendation 2 (medium priority): BDT should publish the results of each project within a year.\n"
            "Contribution from Norland on Resolution 1332\n"
            "Proposals\n"
            "Proposal 3 (MOD instructs the Secretary-General 5) – That the Council ask for figures in item 5.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("2", "Director of the Telecommunication Development Bureau"), ("3", "Council")]


def test_an_action_point_with_its_owner_and_date_in_brackets():
    text = ("Report of the Radiocommunication Advisory Group\n"
            "ACTION 5/2 (Director, BR; by 1 May 2033): to post the WSIS-related documents of the Group on its web "
            "page.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("5/2", "Director of the Radiocommunication Bureau")]


def test_a_plans_activity_with_its_lead_on_the_line_below():
    text = ("Operational plan 2033 of the ITU Area Office for the Pacific\n"
            "Output 1 – Resilient networks\n"
            "Activity 1.1\tTrain the staff of two regulators in planning emergency telecommunications.\n"
            "Lead: BDT\tPartners: national regulators\tDeadline: Q3 2033\tOutput: staff trained\n"
            "Activity 1.2\tDesignate a focal point for the early-warning project in each country.\n"
            "Lead: Member States\tPartners: –\tDeadline: March 2033\tOutput: list of focal points\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1.1", "Director of the Telecommunication Development Bureau"), ("1.2", "Member States")]


def test_coded_recommendations_that_open_with_explore_or_invite():
    text = ("Report of the TDAG correspondence group\n"
            "The correspondence group recommends that TDAG:\n"
            "R1\textend the mandate of the group by one year;\n"
            "R2\tinvite Member States to name a focal point for rural statistics;\n"
            "R3\texplore with regulators the use of crowdsourced speed measurements.\n")
    assert [r[0] for r in _rows(_extract(text))] == ["R1", "R2", "R3"]


def test_ministers_who_speak_as_we_leave_who_acts_open():
    # Whether ministers' "We commit" binds their States is a convention readers split on (on the development texts
    # about evenly): unknown, with a warning that says why; where they speak for the Member States, those States.
    text = ("Declaration of Tavira\n"
            "We, the Ministers responsible for digital affairs of the Atlantic island countries, meeting in Tavira on "
            "3 and 4 May 2033,\n"
            "1. Recognize that many islands depend on one submarine cable;\n"
            "2. We commit to publishing a national plan for cable resilience by the end of 2034.\n"
            "3. We also commit to: (a) sharing repair vessels; (b) pooling spare cable stocks.\n")
    result = _extract(text)
    assert [r[:2] for r in _rows(result)] == [("2", None), ("3", None), ("3 a", None), ("3 b", None)]
    assert any('said by ministers as "We"' in w and "2" in w for w in result.warnings)
    states = text.replace("of the Atlantic island countries", "of the Member States of the Atlantic region")
    assert [r[:2] for r in _rows(_extract(states))] == [("2", "Member States"), ("3", "Member States"),
                                                        ("3 a", "Member States"), ("3 b", "Member States")]


# Round 66 (from blind sets 95-96)


def test_lead_cells_by_a_list_of_abbreviations_inside_a_sentence():
    text = ("ITU Regional Office for the Arab States\n"
            "Operational plan 2033\n"
            "Abbreviations used in the Lead column: RO – ITU Regional Office for the Arab States (Cairo); "
            "BDT HQ – Telecommunication Development Bureau, Geneva.\n"
            "No.\tActivity\tLead\tBy\n"
            "1.1\tCarry out a regional review of spectrum pricing and publish the results\tRO\tJune 2033\n"
            "1.2\tAdapt the cybersecurity toolkit to the legal context of three countries\tBDT HQ\tMay 2033\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("1.1", "ITU Regional Office for the Arab States"),
        ("1.2", "Director of the Telecommunication Development Bureau")]


def test_owner_notes_naming_a_bureau_department_by_code_or_a_general_secretariat_department():
    text = ("ITU Academy plan 2033-2034\n"
            "3 Activities\n"
            "A1.1\tOpen a call for new training centres in the Americas. [Lead: BDT/DKH | by 31 March 2033]\n"
            "A1.2\tMake the platform usable offline on mobile phones. [Lead: Information Services Department, General "
            "Secretariat | by 30 June 2034]\n")
    assert [r[:2] for r in _rows(_extract(text))] == [
        ("A1.1", "Director of the Telecommunication Development Bureau"), ("A1.2", "Secretariat")]


def test_a_task_team_of_ungis_decides_in_its_own_minutes():
    text = ("United Nations Group on the Information Society (UNGIS)\n"
            "Inter-Agency Task Team on Open Data for the WSIS Follow-up\n"
            "Minutes of the third meeting\n"
            "The Task Team agreed that its report to the Principals would not exceed ten pages.\n")
    assert [r.actor for r in _extract(text).requirements] == [
        "Inter-Agency Task Team on Open Data for the WSIS Follow-up"]


def test_a_groups_officers_by_its_initials_in_a_lead_cell():
    text = ("Report of the thirty-sixth TDAG meeting\n"
            "TDAG decided to establish a Correspondence Group on Rural Broadband Statistics (CG-RBS).\n"
            "Action items\n"
            "No.\tAction\tOwner\tDeadline\n"
            "AI-36/4\tReport on the progress of the correspondence group\tCG-RBS co-chairs\tTDAG-37\n")
    rows = _rows(_extract(text))
    assert ("AI-36/4", "co-chairs of the Correspondence Group on Rural Broadband Statistics") in [r[:2] for r in rows]


def test_all_members_in_a_mail_whose_subject_gives_a_ungis_symbol():
    text = ("From: UNGIS Secretariat\n"
            "Subject: UNGIS/2033/M2 - Summary and agreed actions\n"
            "\n"
            "Dear colleagues, please find the agreed actions below.\n"
            "\n"
            "AGREED ACTIONS\n"
            "\n"
            "A4 All members to send UNESCO, by 3 May 2033, a short account of their main result of the year.\n")
    assert [r[:2] for r in _rows(_extract(text))] == [("A4", "UNGIS")]


def test_what_a_commissions_report_should_reflect_is_the_commissions():
    text = ("Statement by Norland to the Commission on Science and Technology for Development\n"
            "IV. Concluding remarks\n"
            "9. It is important that the report of the Commission to the Economic and Social Council reflect the views "
            "of the least developed countries.\n")
    assert [r.actor for r in _extract(text).requirements] == ["CSTD"]


ACTION_POINTS_OWNER_AFTER = """Summary of conclusions of the fourth meeting of the Expert Group on Digital Skills Measurement
1. The Group agreed that the secretariat should circulate the draft questionnaire by 15 March 2028.
Action points
AP 4.1 Circulate the revised questionnaire to all members. Owner: Secretariat. Due: April 2028.
AP 4.2 Propose two pilot countries for the survey. Owner: Member States. Due: May 2028.
Prepare a note on the sources of skills data. Owner: BDT. Due: June 2028.
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_action_points_give_what_to_do_then_owner_and_date(fmt):
    """What to do first, then "Owner: … Due: …", with a code or none: each line asks its owner (before, the first
    line took the verb for its owner and the others were not read)."""
    rows = [r[:3] for r in _rows(_extract(ACTION_POINTS_OWNER_AFTER, fmt))]
    assert rows == [("1", "Secretariat", "decision"), ("AP 4.1", "Secretariat", "instruction"),
                    ("AP 4.2", "Member States", "instruction"),
                    ("", "Director of the Telecommunication Development Bureau", "instruction")]
    texts = [r.text for r in _extract(ACTION_POINTS_OWNER_AFTER, fmt).requirements]
    assert texts[1].startswith("Circulate the revised questionnaire")


WORK_PLAN_CODE_IN_ACTIVITY = """Annex: Work plan 2028
Activity\tLead\tDate
1.1 Publish a guide on measuring digital skills\tBDT\tJune 2028
1.2 Hold a regional workshop on the guide\tITU Regional Office for Africa\tSeptember 2028
1.3 Update the WSIS Stocktaking entries on skills\tGeneral Secretariat\tDecember 2028
"""


PDF_RUNS_TABS_TOGETHER = pytest.mark.xfail(
    strict=True, reason="our PDF renderer (corpora/render.py) prints a tab table's row as one line of words, and its "
    "Lead cell is then guessed from them ('ITU' for 'ITU Regional Office for Africa')")


@pytest.mark.parametrize("fmt, bars", [("txt", False), ("docx", False), pytest.param("pdf", False, marks=PDF_RUNS_TABS_TOGETHER),
                                       ("txt", True), ("docx", True), ("pdf", True)],
                         ids=["txt-tabs", "docx-tabs", "pdf-tabs", "txt-bars", "docx-bars", "pdf-bars"])
def test_a_work_plan_whose_activity_cell_opens_with_its_code(fmt, bars):
    """"1.1 Publish …<TAB>BDT<TAB>June 2028" (or between bars) under "Activity | Lead | Date": the code is the
    row's label and the Lead cell says who acts (before, the first row was taken for a heading and its Lead for the
    next rows' actor, or no row had an actor)."""
    text = WORK_PLAN_CODE_IN_ACTIVITY.replace("\t", " | ") if bars else WORK_PLAN_CODE_IN_ACTIVITY
    rows = [r[:3] for r in _rows(_extract(text, fmt))]
    assert rows == [("1.1", "Director of the Telecommunication Development Bureau", "instruction"),
                    ("1.2", "ITU Regional Office for Africa", "instruction"),
                    ("1.3", "Secretariat", "instruction")]
