"""Extraction: what a secretariat officer or delegate sees in the requirement list."""

from __future__ import annotations

import pytest

from pipeline.extract import extract
from pipeline.model import Checkability, RequirementKind
from pipeline.parse import parse_bytes
from tests.conftest import EXAMPLE, ROOT, require_example


def _extract(text: str, name: str = "doc.txt"):
    return extract(parse_bytes(text.encode("utf-8"), path=name))


@pytest.fixture(scope="module")
def contribution():
    require_example()
    return extract(parse_bytes(EXAMPLE.read_bytes(), path=EXAMPLE.name))


def test_real_contribution_proposals(contribution):
    proposals = [r for r in contribution.requirements if r.kind is RequirementKind.PROPOSAL]
    assert [r.source.label for r in proposals] == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    procedural = {r.source.label for r in proposals if r.checkability is Checkability.PROCEDURAL}
    assert procedural == {"2.4", "2.5"}


def test_real_contribution_quoted_instructions(contribution):
    quoted = [(r.source.clause_path[0], r.source.label, r.actor) for r in contribution.requirements
              if r.kind is RequirementKind.INSTRUCTION]
    assert quoted == [
        ("Council Resolution 1334 (Mod 2023)", "1", "Council Working Group on WSIS and the SDGs"),
        ("Council Resolution 1334 (Mod 2023)", "2", "Council Working Group on WSIS and the SDGs"),
        ("Council Resolution 1332 (Mod 2024)", "1", "Secretary-General"),
        ("Council Resolution 1332 (Mod 2024)", "6", "Secretary-General"),
        ("Council Resolution 1332 (Mod 2024)", "9", "Secretary-General"),
        ("Council Resolution 1332 (Mod 2024)", "4", "Secretary-General and Directors of the Bureaux"),
    ]
    item6 = next(r for r in contribution.requirements if r.source.label == "6")
    assert item6.frequency == "annually"
    assert " › ".join(item6.source.clause_path) == "Council Resolution 1332 (Mod 2024) › instructs the Secretary-General › 6"
    assert item6.statement.startswith("Council Resolution 1332 (Mod 2024) instructs the Secretary-General to report")


def test_real_contribution_expectations_and_invitation(contribution):
    expectations = [r.text for r in contribution.requirements if r.kind is RequirementKind.EXPECTATION]
    assert any(t.startswith("The ITU WSIS+20 report shall provide information") for t in expectations)
    assert any(t.startswith("It should also include materials from the Partnership") for t in expectations)
    invitations = [r for r in contribution.requirements if r.kind is RequirementKind.INVITATION]
    assert len(invitations) == 1
    assert invitations[0].actor == "Council Working Group on WSIS and the SDGs"
    assert invitations[0].source.heading_trail == ("Action required",)


def test_real_contribution_nothing_from_complaints(contribution):
    texts = " ".join(r.text for r in contribution.requirements)
    assert "only listed events" not in texts
    assert "has not been published before the deadline" not in texts
    assert "could be useful" not in texts
    assert all(r.source.heading_trail != ("Purpose",) for r in contribution.requirements)


def test_real_contribution_facets_of_proposal_2_1(contribution):
    p21 = next(r for r in contribution.requirements if r.source.label == "2.1")
    labels = [f.label for f in p21.facets]
    # Action Lines under ITU responsibility, expanded from the knowledge base.
    assert {"C2", "C5", "C6"} <= set(labels)
    assert "C9" not in labels and "C10" not in labels
    assert "challenges" in labels and "new challenges" in labels
    assert [lab for lab in labels if lab.startswith("WSIS target")] == [f"WSIS target {x}" for x in "abcdefghij"]


def test_near_synonyms_are_one_facet(contribution):
    # "the activities, actions, and engagements that the Union is undertaking" is one thing to report on.
    sg9 = next(r for r in contribution.requirements if r.source.label == "9")
    assert "engagements" in sg9.text and sg9.facets == ()


def test_coordinated_modifiers_are_facets_and_comma_chains_are_not():
    doc = _extract("Resolution 1399 (Mod. 2027)\ninstructs the Secretary-General\n"
                   "1\tto report the financial and human resources spent on WSIS-related activities in each year;\n"
                   "2\tto update, every two years, the roadmap of each Action Line for which ITU is the facilitator.\n")
    one, two = doc.requirements
    # Each adjective names a part a reader ticks off; "every two years, the roadmap" is no list.
    assert [f.label for f in one.facets] == ["financial resources", "human resources"]
    labels = [f.label for f in two.facets]
    assert "two years" not in labels and "roadmap" not in labels


def test_repeated_content_prepositions_are_facets_and_recipients_are_not():
    doc = _extract("Resolution 1399 (Mod. 2027)\ninstructs the Secretary-General\n"
                   "1\tto report on the number of entries broken down by Action Line and by Sustainable Development "
                   "Goal;\n"
                   "2\tto help Member States set connectivity targets for schools and for health facilities;\n"
                   "3\tto send the report to the Council and to the Working Group;\n"
                   "4\tto align the operational plans of the General Secretariat and of the three Bureaux;\n"
                   "resolves\n"
                   "1\tthat ITU shall use the WSIS Action Lines, the Sustainable Development Goals and the "
                   "Connect 2030 Agenda as one frame for its planning.\n")
    by_label = {r.source.label: [f.label for f in r.facets] for r in doc.requirements if r.kind.value != "decision"}
    decision = next(r for r in doc.requirements if r.kind.value == "decision")
    # "by X and by Y", "for X and for Y": each object is a part a reader ticks off.
    assert by_label["1"] == ["Action Line", "Sustainable Development Goal"]
    assert by_label["2"] == ["schools", "health facilities"]
    # Recipients ("to the Council and to the Group") and owners ("of the ... and of the ...") are not content.
    assert by_label["3"] == [] and by_label["4"] == []
    # The goal's full name, not its last word.
    assert [f.label for f in decision.facets] == ["WSIS Action Lines", "Sustainable Development Goals",
                                                  "Connect 2030 Agenda"]


def test_nominalised_facet_keeps_its_content_through_a_misparse():
    # PP Res. 145, Directors 3: the parser leaves "statistics" outside "ICT"; the facet still names it.
    doc = extract(parse_bytes((ROOT / "corpora/mandates/pp-res-145.txt").read_bytes(), path="pp-res-145.txt"))
    item = next(r for r in doc.requirements if "in the production of ICT statistics" in r.text)
    assert [f.label for f in item.facets] == ["cybersecurity", "production of ICT statistics"]


def test_wsis_instruments_named_together_are_the_facets(contribution):
    doc = _extract("Resolution 1399 (Mod. 2027)\ninstructs the Secretary-General\n"
                   "1\tto include the latest figures of the Partnership on Measuring ICT for Development and a summary "
                   "of the entries in the WSIS Stocktaking;\n"
                   "2\tto contribute projects to the WSIS Stocktaking and to enter the WSIS Prizes contest;\n"
                   "3\tto use the WSIS Stocktaking database when planning regional initiatives.\n")
    by_label = {r.source.label: [f.label for f in r.facets] for r in doc.requirements}
    # The instruments are the parts, not the "figures" and "summary" that hold them, whatever the parser makes of
    # the names; one instrument alone is no compound.
    assert by_label == {"1": ["Partnership on Measuring ICT for Development", "WSIS Stocktaking"],
                        "2": ["WSIS Stocktaking", "WSIS Prizes"], "3": []}
    # The real contribution's expectation, where the parser reads "Stocktaking" as a verb.
    materials = next(r for r in contribution.requirements if "materials from the Partnership" in r.text)
    assert [f.label for f in materials.facets][:2] == ["Partnership on Measuring ICT for Development",
                                                        "WSIS Stocktaking"]
    assert materials.facets[1].concept == "WSIS-STOCKTAKING"


def test_spans_index_document_text(contribution):
    doc = parse_bytes(EXAMPLE.read_bytes(), path="x")
    for r in contribution.requirements:
        assert doc.text[r.source.start:r.source.end] == r.text


OWN_RESOLUTION = """Resolution 1399 (Mod. 2027)
Measuring the Union's work on the Information Society
The ITU Council,
considering
a)\tthat reports should show results;
recalling
a)\tResolution 140 of the Plenipotentiary Conference,
resolves
1\tthat the Union shall report on each Action Line it facilitates;
instructs the Secretary-General
1\tto publish the annual report on the website one month before each Council session;
2\tto describe, every year, the achievements and challenges of Action Lines C2, C5 and C6;
\u2026
5\tto give the Council information on:
a)\tthe funds spent;
b)\tthe staff involved,
invites Member States
1\tto share their connectivity data with the Partnership on Measuring ICT for Development.
"""


def test_resolution_chapeaux_items_subitems():
    ex = _extract(OWN_RESOLUTION, "res-1399.txt")
    got = [(r.kind.value, r.actor, r.source.label) for r in ex.requirements]
    assert got == [
        ("decision", "ITU", "1"),
        ("instruction", "Secretary-General", "1"),
        ("instruction", "Secretary-General", "2"),
        ("instruction", "Secretary-General", "5"),
        ("instruction", "Secretary-General", "5 a)"),
        ("instruction", "Secretary-General", "5 b)"),
        ("invitation", "Member States", "1"),
    ]
    # Preambular text is never a requirement.
    assert not any("reports should show results" in r.text for r in ex.requirements)
    publish, describe = ex.requirements[1], ex.requirements[2]
    assert publish.checkability is Checkability.PROCEDURAL
    assert publish.deadline == "one month before each Council session"
    assert describe.checkability is Checkability.CONTENT
    assert describe.frequency == "every year"
    assert [f.label for f in describe.facets] == ["achievements", "challenges", "C2", "C5", "C6"]
    # An item with printed sub-items is ticked off by them: item 5 has the facets a and b.
    item5 = ex.requirements[3]
    assert [(f.label, f.origin) for f in item5.facets] == [("a", "sub-item"), ("b", "sub-item")]
    assert item5.facets[0].text == ex.requirements[4].text


FLATTENED = ("The ITU Council, considering that the reports should be clearer, instructs the Secretary-General and "
             "Directors of Bureaux 1 to ensure that the WSIS-SDG Matrix is updated every year; 2 to provide the "
             "Council with an account of results and obstacles, instructs the Council Working Group on WSIS and "
             "the SDGs 1 to initiate a review of its indicators; 2 to hold an open consultation before the end of "
             "2028.")


def test_flattened_chapeaux_and_items():
    ex = _extract("Resolution 1398 (2027)\n" + FLATTENED + "\n", "flat.txt")
    got = [(r.actor, r.source.label, r.text) for r in ex.requirements]
    assert got == [
        ("Secretary-General and Directors of the Bureaux", "1",
         "to ensure that the WSIS-SDG Matrix is updated every year"),
        ("Secretary-General and Directors of the Bureaux", "2",
         "to provide the Council with an account of results and obstacles"),
        ("Council Working Group on WSIS and the SDGs", "1", "to initiate a review of its indicators"),
        ("Council Working Group on WSIS and the SDGs", "2", "to hold an open consultation before the end of 2028."),
    ]
    assert ex.requirements[3].checkability is Checkability.PROCEDURAL
    assert ex.requirements[3].deadline == "before the end of 2028"


def test_un_style_flattened_operative_paragraphs():
    text = ("A/RES/81/998\nThe General Assembly, Recalling its resolution 70/125, Noting the progress made, "
            "1. Requests the Secretary-General to submit annually a report on progress; 2. Calls upon all "
            "stakeholders to close the gender digital divide; 3. Invites the International Telecommunication Union "
            "to report on affordability;\n")
    ex = _extract(text, "unga.txt")
    assert [(r.source.label, r.actor, r.kind.value) for r in ex.requirements] == [
        ("1", "Secretary-General of the United Nations", "instruction"), ("2", "All stakeholders", "instruction"),
        ("3", "ITU", "invitation")]
    assert ex.requirements[0].verb == "submit"


def test_targets_list():
    text = ("Targets of the Broadband Commission\n1\tEvery country has a funded broadband plan.\n"
            "2\tEntry-level broadband costs less than 2% of monthly income.\n")
    ex = _extract(text, "targets.txt")
    assert [(r.kind.value, r.source.label) for r in ex.requirements] == [("target", "1"), ("target", "2")]


def test_no_operative_part_gives_warning_not_error():
    ex = _extract("Annual statistics\nThe Union counted 5.5 billion Internet users in 2024.\n")
    assert ex.requirements == ()
    assert "no operative part" in ex.warnings[0]


def test_non_english_text_warns():
    text = "Rapport\n" + "Le Secrétaire général est chargé de présenter un rapport annuel sur les activités de l'Union. " * 6
    ex = _extract(text)
    assert any("English" in w for w in ex.warnings)


def test_very_long_run_on_paragraph_warns_and_still_splits():
    items = "; ".join(f"{i} to carry out task number {i} of the programme" for i in range(1, 80))
    ex = _extract("Resolution 1397 (2027)\ninstructs the Secretary-General " + items + ".\n")
    assert len(ex.requirements) == 79
    assert any("very long paragraph" in w for w in ex.warnings)


def test_ids_are_stable_and_unique(contribution):
    ids = [r.id for r in contribution.requirements]
    assert len(set(ids)) == len(ids)
    again = extract(parse_bytes(EXAMPLE.read_bytes(), path="x"))
    assert [r.id for r in again.requirements] == ids


def test_users_own_knowledge_base_file_adds_an_expansion(tmp_path):
    import json

    from pipeline.kb import load_kb

    own = tmp_path / "my-domain.json"
    own.write_text(json.dumps({"version": "1", "expansions": [
        {"id": "core-lines", "patterns": ["the core action lines"],
         "expands_to": {"file": "action_lines.json", "where": {"itu_role": ["lead"]}}, "source": "test"}]}))
    text = "Proposals\n2.1\tTo report on the core action lines in every edition of the report.\n"
    doc = parse_bytes(text.encode(), path="c.txt")
    assert extract(doc).requirements[0].facets == ()
    labels = [f.label for f in extract(doc, kb_files=(str(own),)).requirements[0].facets]
    assert labels == ["C2", "C5", "C6"]
    assert load_kb((str(own),)).sha256 != load_kb().sha256
