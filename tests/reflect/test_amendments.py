"""Proposed amendments and what became of them: `wsis-audit amendments`, and reflection in `wsis-audit diff`."""

from __future__ import annotations

import io
import json

import pytest
from typer.testing import CliRunner

from cli import app
from pipeline.errors import ExitCode
from pipeline.parse import parse_bytes
from pipeline.reflect import Index
from pipeline.reflect.amendments import read_amendments
from pipeline.reflect.outcome import judge
from pipeline.reflect.tracked import tracked_amendments

CONTRIBUTION = """Contribution from the Republic of Examplestan

Proposed amendments to the draft revision of Resolution 1390

MOD 3
3 to report each year to the Council on the activities of the Union in support of the WSIS Action Lines, including figures on capacity building in least developed countries;

Reasons: the Council needs figures, not lists of events.

ADD 4bis
4bis to establish focal points on digital inclusion in each regional office, and to report on their work to the Working Group;

SUP 6

In paragraph 5, replace "encourage" with "call upon".

Delete the words "where appropriate" in paragraph 2.

Insert after paragraph 7 a new paragraph:

"to publish an annual summary of the national ICT strategies received from Member States;"

MOD 8
8 to {-consider-}{+prepare+} a report on the {+gender+} digital divide {-by 2027-}{+every two years+};
"""

DRAFT = """instructs the Secretary-General

1 to coordinate the Union's work on WSIS with other United Nations agencies;

2 to support Member States, where appropriate, in developing national broadband plans;

3 to report each year to the Council on the activities of the Union in support of the WSIS Action Lines;

4 to continue the WSIS Stocktaking and the WSIS Prizes;

5 to encourage Member States to contribute to the WSIS Forum;

6 to organize a global conference on e-waste statistics in 2027;

7 to maintain the WSIS Stocktaking database;

8 to consider a report on the digital divide by 2027;
"""

# Paragraph numbers shift (the new 8 renumbers the old 8 as 9): the outcome must not rely on them.
FINAL = """instructs the Secretary-General

1 to coordinate the Union's work on WSIS with other United Nations agencies;

2 to support Member States in developing national broadband plans;

3 to report each year to the Council on the activities of the Union in support of the WSIS Action Lines, including figures on capacity building in least developed countries and small island developing States;

4 to continue the WSIS Stocktaking and the WSIS Prizes;

5 to encourage Member States to contribute to the WSIS Forum;

6 to organize a global conference on e-waste statistics in 2027;

7 to maintain the WSIS Stocktaking database;

8 to publish an annual summary of the national ICT strategies received from Member States;

9 to prepare a report on the gender digital divide every two years;
"""


def _doc(text: str, name: str):
    return parse_bytes(text.encode(), path=name)


def _outcomes(contribution=CONTRIBUTION, draft=DRAFT, final=FINAL):
    found = read_amendments(_doc(contribution, "contribution.txt"))
    index = Index.of(_doc(final, "final.txt"))
    draft_doc = _doc(draft, "draft.txt") if draft else None
    return {a.label: (a, judge(a, index, draft_doc)) for a in found}


def test_every_form_of_amendment_is_read_with_its_target_and_words():
    got = {a.label: (a.form, a.target, a.old, a.new) for a, _ in _outcomes().values()}
    assert list(got) == ["MOD 3", "ADD 4bis", "SUP 6", "In paragraph 5, replace", "Delete the words",
                         "Insert after paragraph 7 a new paragraph", "MOD 8"]
    assert got["MOD 3"][:2] == ("modify", "3") and got["MOD 3"][3].endswith("least developed countries;")
    assert "Reasons" not in got["MOD 3"][3]  # the reasons are not part of the amended text
    assert got["ADD 4bis"][:2] == ("add", "4bis") and got["ADD 4bis"][3].startswith("to establish focal points")
    assert got["SUP 6"][:3] == ("delete", "6", "")
    assert got["In paragraph 5, replace"] == ("replace", "5", "encourage", "call upon")
    assert got["Delete the words"] == ("delete", "2", "where appropriate", "")
    assert got["Insert after paragraph 7 a new paragraph"][:2] == ("insert", "7")
    assert got["Insert after paragraph 7 a new paragraph"][3].startswith("to publish an annual summary")
    assert got["MOD 8"] == ("modify", "8", "to consider a report on the digital divide by 2027;",
                            "to prepare a report on the gender digital divide every two years;")


def test_outcomes_follow_the_final_text_not_its_paragraph_numbers():
    got = {label: o.outcome for label, (_, o) in _outcomes().items()}
    assert got == {"MOD 3": "adopted", "ADD 4bis": "not_adopted", "SUP 6": "not_adopted",
                   "In paragraph 5, replace": "not_adopted", "Delete the words": "adopted",
                   "Insert after paragraph 7 a new paragraph": "adopted", "MOD 8": "adopted"}
    _, mod8 = _outcomes()["MOD 8"]
    assert [w["locator"] for w in mod8.where] == ["line 19"]  # printed as 9 in the final text
    assert mod8.rationale == "adopted: 5 of its 5 new words are in the final text; 2 of the 2 words it removes are gone"


def test_an_amendment_taken_over_with_other_words_is_adopted_with_changes():
    final = FINAL.replace("an annual summary", "a summary every two years").replace(
        "the gender digital divide every two years", "the gender digital divide by 2028")
    got = {label: (o.outcome, o.differences) for label, (_, o) in _outcomes(final=final).items()}
    outcome, differences = got["Insert after paragraph 7 a new paragraph"]
    assert outcome == "adopted_with_changes"
    assert ("changed", "annual ") in {(s.op, s.text) for s in differences} or \
        ("dropped", "annual ") in {(s.op, s.text) for s in differences}
    assert got["MOD 8"][0] == "adopted_with_changes"


def test_without_the_draft_a_modification_is_a_manual_check_that_says_why():
    got = _outcomes(draft=None)
    assert got["MOD 3"][1].outcome == "manual_check" and "--draft" in got["MOD 3"][1].rationale
    assert got["In paragraph 5, replace"][1].outcome == "not_adopted"  # its own words say enough


def _tracked_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    d.add_paragraph("Proposal of Examplestan")
    p = ("<w:p {ns}><w:r><w:t xml:space=\"preserve\">8 to </w:t></w:r>"
         "<w:del w:id=\"1\" w:author=\"A\"><w:r><w:delText>consider</w:delText></w:r></w:del>"
         "<w:ins w:id=\"2\" w:author=\"A\"><w:r><w:t>prepare</w:t></w:r></w:ins>"
         "<w:r><w:t xml:space=\"preserve\"> a report on the digital divide </w:t></w:r>"
         "<w:ins w:id=\"3\" w:author=\"A\"><w:r><w:t>every two years</w:t></w:r></w:ins>"
         "<w:del w:id=\"4\" w:author=\"A\"><w:r><w:delText>by 2027</w:delText></w:r></w:del>"
         "<w:r><w:t>;</w:t></w:r></w:p>").format(ns=nsdecls("w"))
    body = d.element.body
    body.insert(len(body) - 1, parse_xml(p))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_tracked_changes_in_a_word_contribution_are_amendments():
    data = _tracked_docx()
    doc = parse_bytes(data, path="contribution.docx")
    (a,) = tracked_amendments(data, doc)
    assert (a.form, a.target) == ("modify", "8")
    assert a.old == "to consider a report on the digital divide by 2027;"
    assert a.new == "to prepare a report on the digital divide every two years;"
    # The final text also adds "gender": more than the amendment asked, but all that it asked.
    assert judge(a, Index.of(_doc(FINAL, "final.txt"))).outcome == "adopted"


runner = CliRunner()


def _files(tmp_path):
    for name, text in (("contribution.txt", CONTRIBUTION), ("draft.txt", DRAFT), ("final.txt", FINAL)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path / "contribution.txt", tmp_path / "draft.txt", tmp_path / "final.txt"


def test_the_amendments_command_writes_every_format_and_lists_each_outcome(tmp_path):
    c, d, f = _files(tmp_path)
    out = tmp_path / "amd"
    result = runner.invoke(app, ["amendments", "--contribution", str(c), "--draft", str(d), "--final", str(f),
                                 "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "ADD 4bis" in result.output and "not adopted" in result.output
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "amendments.csv", "amendments.docx", "amendments.html", "amendments.json", "amendments.md",
        "amendments.xlsx"]
    record = json.loads((out / "amendments.json").read_text(encoding="utf-8"))
    assert record["summary"] == {"adopted": 4, "adopted_with_changes": 0, "not_adopted": 3, "manual_check": 0}
    assert "## MOD 8: adopted" in (out / "amendments.md").read_text(encoding="utf-8")
    assert 'data-outcome="not_adopted"' in (out / "amendments.html").read_text(encoding="utf-8")
    again = tmp_path / "again"
    runner.invoke(app, ["amendments", "-c", str(c), "--draft", str(d), "--final", str(f), "--out", str(again)])
    assert (again / "amendments.json").read_bytes() == (out / "amendments.json").read_bytes()


def test_the_amendments_command_names_an_unreadable_file_and_exits_with_its_code(tmp_path):
    c, _, _ = _files(tmp_path)
    empty = tmp_path / "final.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["amendments", "-c", str(c), "--final", str(empty), "--out", str(tmp_path / "o")])
    assert result.exit_code == ExitCode.EMPTY
    assert "final.txt" in result.output and not (tmp_path / "o").exists()


def test_a_contribution_without_amendments_says_so(tmp_path):
    c, _, f = _files(tmp_path)
    c.write_text("We propose that the report include a table of the Action Line roadmaps.\n", encoding="utf-8")
    result = runner.invoke(app, ["amendments", "-c", str(c), "--final", str(f), "--out", "-", "--format", "json"])
    assert result.exit_code == 0
    assert "no amendment" in result.output


@pytest.mark.parametrize("final_words, trend", [("a report on the broadband plans adopted in each region since 2025 "
                                                 "and the schools connected", "grew"), ("", "shrank")])
def test_diff_says_whether_a_proposals_wording_grew_or_shrank(tmp_path, final_words, trend):
    mandate = tmp_path / "contribution.txt"
    mandate.write_text("Proposals\n\n1. To include in the report a report on the broadband plans adopted in each "
                       "region since 2025 and the schools connected.\n", encoding="utf-8")
    middle = "The Bureau supported broadband plans in twelve countries and connected 400 schools in 2026."
    drafts = {"old": [middle, "It published a report on the broadband plans adopted in each region since 2025."],
              "new": [middle, final_words or "It published a report on regional plans."]}
    if trend == "grew":
        drafts["old"][1] = "It published a report on regional plans."
    for name, paras in drafts.items():
        (tmp_path / f"{name}.txt").write_text("\n\n".join(p for p in paras if p) + "\n", encoding="utf-8")
        assert runner.invoke(app, ["audit", "--report", str(tmp_path / f"{name}.txt"), "--mandate", str(mandate),
                                   "--out", str(tmp_path / name), "--format", "json", "--no-cache"]).exit_code == 0
    result = runner.invoke(app, ["diff", str(tmp_path / "old/coverage.json"), str(tmp_path / "new/coverage.json"),
                                 "--out", str(tmp_path / "diff")])
    assert result.exit_code == 0, result.output
    diff = json.loads((tmp_path / "diff/diff.json").read_text(encoding="utf-8"))
    (row,) = [r for r in diff["reflections"] if r["label"] == "1"]
    assert row["trend"] == trend and diff["reflection_summary"][trend] >= 1
    assert f"{trend}:" in result.output
    assert "## Wording taken over" in (tmp_path / "diff/diff.md").read_text(encoding="utf-8")


def test_eval_reflection_scores_a_pair_against_its_gold(tmp_path):
    from pipeline.config import Config
    from pipeline.evaluate.reflection import evaluate_reflection

    pair = tmp_path / "pair"
    pair.mkdir()
    contribution = CONTRIBUTION + ("\nProposals\n\n1. To include in the report the number of schools connected in "
                                   "each region since 2025 and the obstacles met by national regulators.\n")
    for name, text in (("contribution.txt", contribution), ("draft.txt", DRAFT), ("final.txt", FINAL)):
        (pair / name).write_text(text, encoding="utf-8")
    gold = {"pair": "pair", "proposals": [{"label": "1", "reflection": "absent", "final": None,
                                           "text": contribution.split("1. ")[-1].strip()}],
            "amendments": [{"label": "ADD 4bis", "form": "add", "outcome": "not_adopted", "text": "ADD 4bis"},
                           {"label": "MOD 8", "form": "modify", "outcome": "adopted_with_changes",
                            "text": "to {-consider-}{+prepare+} a report"}]}
    (pair / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate_reflection(Config(), tmp_path)
    a = result["amendments"]
    assert (a["amendments"], a["read"], a["spurious"]) == (2, 2, 5)  # five amendments have no gold here
    assert a["accuracy"] == 0.5 and a["confusion"] == {"adopted_with_changes -> adopted": 1,
                                                        "not_adopted -> not_adopted": 1}
    assert result["proposals"]["by_class"]["absent"] == {"n": 1, "mean": 0.0, "min": 0.0, "max": 0.0, "in_band": 1,
                                                         "band": [0.0, 0.1]}


UN_LINES = """Amendments of the Group to the zero draft

PP 3 alt: We recall the Global Digital Compact and the Programme of Action for Landlocked Developing Countries.

OP 5: replace "digital divides" with "digital divides between and within countries"

OP 9: add at the end: ", and we call on transit countries to keep cross-border capacity affordable"

new OP 14 bis: We call on development partners to finance regional backbone networks in landlocked countries.

OP 20: delete

Insert after activity 3.6 a new activity: "Pair each new CIRT with an experienced one."

ADD 3.4bis
Publish a yearly summary of the cyber drills held in each region.
"""


def test_un_negotiators_lines_and_dotted_activities_are_read():
    got = {a.label: (a.form, a.target, a.old, a.new[:30]) for a in read_amendments(_doc(UN_LINES, "c.txt"))}
    assert got == {
        "PP 3 alt": ("modify", "PP3", "", "We recall the Global Digital C"),
        "OP 5": ("replace", "OP5", "digital divides", "digital divides between and wi"),
        "OP 9": ("insert", "OP9", "", ", and we call on transit countr"[:30]),
        "new OP 14 bis": ("add", "OP14bis", "", "We call on development partner"),
        "OP 20": ("delete", "OP20", "", ""),
        "Insert after activity 3.6 a new activity": ("insert", "3.6", "", "Pair each new CIRT with an exp"),
        "ADD 3.4bis": ("add", "3.4bis", "", "Publish a yearly summary of th"),
    }


def _comments_table_docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Comments of Examplestan on the draft report")
    rows = [("Paragraph", "Draft text", "Proposed text", "Reason"),
            ("5", "to encourage Member States to contribute to the WSIS Forum;",
             "to call upon Member States to contribute to the WSIS Forum;", "stronger"),
            ("6", "to organize a global conference on e-waste statistics in 2027;", "Delete.", "no budget"),
            ("after 7 (new)", "\u2013", "to publish an annual summary of the national ICT strategies received;", "")]
    table = d.add_table(rows=len(rows), cols=4)
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_a_word_comments_table_gives_one_amendment_per_row():
    doc = parse_bytes(_comments_table_docx(), path="comments.docx")
    found = read_amendments(doc)
    assert [(a.label, a.form, a.target) for a in found] == [("5", "modify", "5"), ("6", "delete", "6"),
                                                            ("after 7 (new)", "add", "7")]
    index, draft = Index.of(_doc(FINAL, "final.txt")), _doc(DRAFT, "draft.txt")
    assert [judge(a, index, draft).outcome for a in found] == ["not_adopted", "not_adopted", "adopted"]


MORE_FORMS = """Comments of Examplestan on the draft report and the draft resolution

Para 14 — replace "is narrowing" by "persists".

Para 22 — delete.

After para 30 — insert: "The Commission noted the proposal to support household surveys in least developed countries."

New PP after PP 5: "Recognizing the role of community networks in connecting remote villages,"

At the end of section 5, paragraph 2, insert: "Such courses should be offered in local languages."

MOD EXM/12A1/1

recognizing

c) that regional initiatives contribute to the WSIS Action Lines, in particular C2 and C5;

Reasons: to name the Action Lines.

SUP EXM/12A1/2

instructs the Director of the Telecommunication Development Bureau

5 to limit support for regional initiatives to regions with co-financing;
"""


def test_comments_lists_new_paragraphs_after_others_and_marks_with_a_proposal_number_are_read():
    got = {a.label: (a.form, a.target, a.old, a.new[:30]) for a in read_amendments(_doc(MORE_FORMS, "c.txt"))}
    assert got == {
        "Para 14": ("replace", "14", "is narrowing", "persists"),
        "Para 22": ("delete", "22", "", ""),
        "After para 30": ("add", "30", "", "The Commission noted the propo"),
        "New PP after PP 5": ("add", "PP5", "", "Recognizing the role of commun"),
        "At the end of section 5, paragraph 2, insert": ("insert", "5.2", "", "Such courses should be offered"),
        # The mark's own number says nothing of the paragraph: the chapeau printed under it and the item's label do.
        "MOD recognizing c)": ("modify", "c)", "", "that regional initiatives cont"),
        "SUP instructs the Director of the Telecommunication Development Bureau 5": (
            "delete", "5", "to limit support for regional initiatives to regions with co-financing;", ""),
    }


PLAN_COMMENTS = """Comments of the Americas group on the draft action plan

instructs the Secretary-General

MOD

2 to update every year the roadmaps of the Action Lines and to present them to the Council;

Reasons: yearly updates.

EXM/27A3/1
Delete activity (e) of Output 1.1.

EXM/27A3/2
Output 2.1: add a new activity (g): "support digital skills curricula for teachers, with UNESCO;"

EXM/27A3/3
Output 2.3, activity (c): insert ", in particular in rural areas" after "girls and young women".

EXM/27A3/4
Modify Output 4.2 to read: "Output 4.2 Child online protection: guidelines developed with children and young people."
"""


def test_an_action_plans_outputs_and_activities_and_a_bare_mark_under_its_chapeau_are_read():
    got = {a.label: (a.form, a.target, a.new[:30]) for a in read_amendments(_doc(PLAN_COMMENTS, "c.txt"))}
    assert got == {
        "MOD instructs the Secretary-General 2": ("modify", "2", "to update every year the roadma"[:30]),
        "Delete activity (e) of Output 1.1": ("delete", "1.1 (e)", ""),
        "Output 2.1": ("add", "2.1", "support digital skills curricu"),
        "Output 2.3, activity (c)": ("insert", "2.3 (c)", ", in particular in rural areas"),
        "Modify Output 4.2 to read": ("modify", "4.2", "Output 4.2 Child online protec"),
    }


NEGOTIATORS = """Comments of the Examplestan group on the zero draft

PP1: Retain.

OP4: Delete. Commitments on aid are handled in the financing outcomes.

OP5: Agree.

Paragraph 11: Many members supported this point. Insert after paragraph 11 a new paragraph: "The Group invites the secretariat to report on the challenges met in each Action Line."

Paragraph 13: At the end of paragraph 13, add: ", and recommends a study of holding the Forum in other regions".

Paragraph 17: The draft records the presentation but not the discussion. We propose to add a new paragraph to section V, reading: "The Group stresses that the needs of developing countries come first."
"""


def test_positions_that_change_nothing_are_no_amendments_and_instructions_inside_comments_are_read():
    got = {a.label: (a.form, a.target, a.new[:30]) for a in read_amendments(_doc(NEGOTIATORS, "c.txt"))}
    assert got == {
        "OP4": ("delete", "OP4", ""),  # "Delete." followed by its reasons
        "Insert after paragraph 11 a new paragraph": ("insert", "11", "The Group invites the secretari"[:30]),
        "Paragraph 13": ("insert", "13", ", and recommends a study of hol"[:30]),
        "propose to add a new paragraph to section V, reading": ("add", None, "The Group stresses that the ne"),
    }


def test_a_chairs_note_that_no_agreement_was_reached_is_no_adoption():
    from pipeline.reflect.align import REJECTION_RE

    assert REJECTION_RE.search("The Chair noted that no agreement could be reached on two proposals: that the Forum "
                               "be held in a different region every second year.")


NEGOTIATION = """Amendments of the landlocked countries to the Chair's Rev.1

OP11 bis (new) – "Invites the regional commissions to include digital connectivity in their work on transit corridors;"

OP16 – to read: "Calls upon the international community to support capacity-building in artificial intelligence;"

MOD EXM/37/7
Annex, C5.2
C5.2 Publication of the Global Cybersecurity Index every two years, with follow-up assistance.
Reasons: countries need help to act on the results.

ADD EXM/37/8
Annex, new Action Line heading and item after C2
C3 – Access to information and knowledge
C3.1 Support for connecting public libraries and community access points to broadband networks.
Reasons: the annex does not reflect this work.

Rationale, in brief:

OP16: capacity-building cannot be left to national efforts alone.
"""


def test_new_paragraphs_to_read_annex_codes_and_a_rationale_section_that_is_no_amendment():
    got = {a.label: (a.form, a.target, a.new[:30]) for a in read_amendments(_doc(NEGOTIATION, "c.txt"))}
    assert got == {
        "OP11 bis (new)": ("add", "OP11bis", "Invites the regional commissio"),
        "OP16": ("modify", "OP16", "Calls upon the international c"),  # "to read:" is no part of the text
        "MOD C5.2": ("modify", "C5.2", "Publication of the Global Cybe"),
        "ADD": ("add", None, "C3 \u2013 Access to information and"),  # the place line is no part of the text
    }


def test_a_modification_whose_paragraph_still_reads_as_the_draft_is_not_adopted():
    from pipeline.reflect.outcome import _verdict

    # Some of its new words turn up elsewhere in the final text; the paragraph itself did not change.
    assert _verdict(0.36, None, unchanged=True) == "not_adopted"
    assert _verdict(0.36, None, unchanged=False) == "adopted_with_changes"


HEADED_TABLE = """Compilation of proposals on the draft Council decision

No.\tParagraph\tProposed amendment\tProposed by\tReasons given
C.1\tPP (d), new PP (e)\tInsert after preambular paragraph (d) a new paragraph: "(e) recognizing that affordable devices matter as much as coverage,"\tPeru\tDevices are a barrier.
C.2\tOP 2\tAmend to read: "2. Takes note of the report and endorses its approach, subject to this decision;"\tNorway\tKeep the Council in control.
C.3\tOP 4\tReplace "by the end of 2028" with "by 30 June 2029".\tIndia\tMore time.
C.4\tOP 6\tDelete paragraph 6.\tChile\tDuplication.
C.5\tNew OP 8bis\tAdd a new paragraph: "8bis. Requests the Secretary-General to translate the Forum outcomes into the six languages;"\tJapan\tMultilingualism.
C.6\tOP 9\tRetain.\tGhana\tThe text is fine.
"""


def test_a_comments_table_is_read_by_the_columns_its_header_names(tmp_path):
    from pipeline.amendments import contribution_amendments
    from pipeline.config import Config

    path = tmp_path / "comments.txt"  # as Word exports a table to text: one row a line, TABs between the cells
    path.write_text(HEADED_TABLE, encoding="utf-8")
    _, found = contribution_amendments(path, Config())
    got = {a.label: (a.form, a.target, a.old[:20], a.new[:30]) for a in found}
    assert got == {
        "C.1": ("insert", "(d)", "", "recognizing that affordable de"),  # its own letter "(e)" is no part of it
        "C.2": ("modify", "OP2", "", "Takes note of the report and e"),  # "Amend to read:" is no part either
        "C.3": ("replace", "OP4", "by the end of 2028", "by 30 June 2029"),
        "C.4": ("delete", "OP6", "", ""),
        "C.5": ("add", "OP8bis", "", "Requests the Secretary-General"),
    }  # "Retain." changes nothing


COMMENTS_IN_SENTENCES = """Comments on the draft UNGIS plan

Para 12: we suggest that this paragraph be deleted. A separate report would duplicate the CSTD report.

Section III, new paragraph: "UNGIS will rotate its chair among the agencies that facilitate Action Line C7." We are ready to discuss this.
"""


def test_a_deletion_asked_in_a_sentence_and_a_sections_new_paragraph_with_a_comment_after_it():
    got = {a.label: (a.form, a.target, a.new) for a in read_amendments(_doc(COMMENTS_IN_SENTENCES, "c.txt"))}
    assert got == {
        "Para 12": ("delete", "12", ""),
        "Section III, new paragraph": (
            "add", None, "UNGIS will rotate its chair among the agencies that facilitate Action Line C7."),
    }


NEW_PARAGRAPH_CONTRIBUTION = """Proposals of Examplestan

ADD 5bis
5bis to provide fellowships for experts from least developed countries to attend study group meetings on the Action Lines;

Insert after paragraph 2 a new paragraph:

"Several Member States regretted that the annual report was published only five days before the meeting, which left no time to consult capitals."
"""
NEW_PARAGRAPH_DRAFT = """1 The Group met twice in 2027.
2 The Group examined the annual report.
5 to invite the study groups on matters related to the WSIS Action Lines to report each year;
"""
NEW_PARAGRAPH_FINAL = """1 The Group met twice in 2027.
2 The Group examined the annual report.
3 Several Member States regretted that the annual report was published only five days before the meeting.
5 to invite the study groups on matters related to the WSIS Action Lines to report each year;
"""


def test_a_new_paragraph_of_which_only_common_phrases_remain_is_not_adopted_and_a_texts_own_regret_is_no_rejection():
    amendments = read_amendments(_doc(NEW_PARAGRAPH_CONTRIBUTION, "c.txt"))
    draft, final = _doc(NEW_PARAGRAPH_DRAFT, "d.txt"), Index.of(_doc(NEW_PARAGRAPH_FINAL, "f.txt"))
    got = {a.label: judge(a, final, draft).outcome for a in amendments}
    assert got == {
        "ADD 5bis": "not_adopted",  # "study group(s) … related to the WSIS Action Lines" is all that turns up
        "Insert after paragraph 2 a new paragraph": "adopted_with_changes",  # its "regretted that" is its own
    }


SENTENCE_CONTRIBUTION = """Comments of Examplestan

Delete the second sentence of paragraph 3. A report is not the place to rank the editions of the Forum.
"""
SENTENCE_DRAFT = """3 The Forum brought together 3 000 participants. It was the most successful edition to date. A track for ministers was held.
"""


@pytest.mark.parametrize("final, outcome", [
    ("3 The Forum brought together 3 000 participants. A track for ministers was held.", "adopted"),
    ("3 The Forum brought together 3 000 participants. It was a very successful edition. A track for ministers was "
     "held.", "adopted_with_changes"),
    (SENTENCE_DRAFT, "not_adopted")])
def test_a_sentence_deleted_by_its_place_in_the_paragraph(final, outcome):
    (a,) = read_amendments(_doc(SENTENCE_CONTRIBUTION, "c.txt"))
    assert (a.form, a.target, a.part) == ("delete", "3", "second")
    assert judge(a, Index.of(_doc(final, "f.txt")), _doc(SENTENCE_DRAFT, "d.txt")).outcome == outcome


NUMBERED_ROWS = """Comments of Examplestan on the zero draft

Paragraph\tProposed amendment\tJustification
4\tWe note with concern that digital divides persist between urban and rural areas.\tStronger.
After 11\tAdd new para after 11: "We will pay particular attention to small island developing States."\tCost.
15\tDelete\tCovered elsewhere.
"""


def test_a_text_files_table_whose_rows_open_with_their_paragraph_number(tmp_path):
    from pipeline.amendments import contribution_amendments
    from pipeline.config import Config

    path = tmp_path / "comments.txt"
    path.write_text(NUMBERED_ROWS, encoding="utf-8")
    _, found = contribution_amendments(path, Config())
    assert [(a.label, a.form, a.target, a.new[:30]) for a in found] == [
        ("4", "modify", "4", "We note with concern that digi"),  # the text reads "4" as a list label: still a row
        ("After 11", "add", "11", "We will pay particular attenti"),  # "Add new para after 11:" is no part of it
        ("15", "delete", "15", "")]


LOOSE_COMMENTS = """Dear colleagues,

Please find our comments on the draft outcome below.

para 3: we would prefer "should" instead of "could".

para 5: suggest deleting the last sentence.

add at the end of para 6: "Such data should be disaggregated by sex and age."

after para 7, please insert a new paragraph: "Stocktaking reports should draw on the entries of all stakeholders."

section II: we would like to see a new paragraph on financing, for example: "Participants called on development partners to close the financing gap." We leave the wording to you.

OP8 to read: "Urges Member States to update their national digital strategies;"

OP9: replace "as appropriate" with ["in line with national priorities"] ["taking into account national circumstances"]

Replace resolves 1 with the following: "that ITU shall continue to lead the work on Action Lines C2 and C5;"
"""


def test_a_delegations_loosely_worded_comments_are_read():
    got = {a.label: (a.form, a.target, a.old, a.new[:30], a.part, a.alternatives)
           for a in read_amendments(_doc(LOOSE_COMMENTS, "c.txt"))}
    assert got == {
        "para 3": ("replace", "3", "could", "should", None, ()),
        "para 5": ("delete", "5", "", "", "last", ()),
        "add at the end of para 6": ("insert", "6", "", "Such data should be disaggrega", "end", ()),
        "after para 7": ("add", "7", "", "Stocktaking reports should dra", None, ()),  # a new paragraph after 7
        "section II": ("add", None, "", "Participants called on develop", None, ()),  # the comment after it is not
        "OP8": ("modify", "OP8", "", "Urges Member States to update ", None, ()),
        "OP9": ("replace", "OP9", "as appropriate", "in line with national prioriti", None,
                ("in line with national priorities", "taking into account national circumstances")),
        "Replace resolves 1 with the following": ("modify", "1", "", "that ITU shall continue to lea", None, ()),
    }


def test_an_addition_at_a_paragraphs_end_is_looked_for_there_and_bracketed_options_may_each_be_taken():
    draft = _doc("6 Participants underlined that reliable data are essential.\n"
                 "9 Member States are invited to act as appropriate.\n", "d.txt")
    final = Index.of(_doc("6 Participants underlined that reliable data are essential. Such data should be broken "
                          "down by sex and age wherever possible.\n"
                          "9 Member States are invited to act taking into account national circumstances.\n", "f.txt"))
    found = {a.label: a for a in read_amendments(_doc(LOOSE_COMMENTS, "c.txt"))}
    assert judge(found["add at the end of para 6"], final, draft).outcome == "adopted_with_changes"
    assert judge(found["OP9"], final, draft).outcome == "adopted"  # the second option, word for word


BRACKETED_MINISTERS = """Proposals of the island States on the draft declaration

"4. We recognize that connectivity remains out of reach for [DELETE: a third of humanity] [ADD: some 2 billion people], and that divides persist[ADD AT THE END: , in particular on remote islands]."

"7. We support connecting every school by 2030 and [REPLACE "invite partners to fund" WITH "call on partners to fund"] its connection."

"[ADD NEW PARAGRAPH 9bis: We commit to including telecommunications in national emergency plans.]"

"[DELETE PARAGRAPH: 12. We encourage governments to reduce taxes on network equipment.]"
"""


def test_changes_written_in_square_brackets_inside_quoted_paragraphs():
    got = {a.label: (a.form, a.target, a.old[:40], a.new[:40]) for a in read_amendments(_doc(BRACKETED_MINISTERS, "c.txt"))}
    assert got == {
        "Paragraph 4": ("modify", "4", "We recognize that connectivity remains o", "We recognize that connectivity remains o"),
        "Paragraph 7": ("modify", "7", "We support connecting every school by 20", "We support connecting every school by 20"),
        "ADD NEW PARAGRAPH 9bis": ("add", "9bis", "", "We commit to including telecommunication"),
        "DELETE PARAGRAPH": ("delete", "12", "We encourage governments to reduce taxes", ""),
    }
    four = next(a for a in read_amendments(_doc(BRACKETED_MINISTERS, "c.txt")) if a.target == "4")
    assert "a third of humanity" in four.old and "some 2 billion people" not in four.old
    assert four.new.endswith("persist , in particular on remote islands.") or four.new.endswith(
        "persist, in particular on remote islands.")


TERMS_DRAFT = """5 Participation
The Group is open to Member States and Sector Members.

6 Chairmanship
The Chair and Vice-Chairs are appointed by the Council for a term ending at the next Plenipotentiary Conference.
"""
TERMS_CONTRIBUTION = """Proposals of Examplestan

MOD 6
The Chair and Vice-Chairs are appointed by the Council, with due regard to gender balance, for a term ending at the next Plenipotentiary Conference.

Paragraph 5 should read as follows: "The Group is open to Member States, Sector Members and Associates."

In Table 1, activity A2, replace "Q2 2028" with "Q4 2027".
"""


def test_a_numbered_heading_and_its_provision_a_should_read_as_follows_and_a_tables_row():
    found = {a.label: a for a in read_amendments(_doc(TERMS_CONTRIBUTION, "c.txt"))}
    assert {k: (a.form, a.target) for k, a in found.items()} == {
        "MOD 6": ("modify", "6"), "Paragraph 5 should read as follows": ("modify", "5"),
        "In Table 1, activity A2, replace": ("replace", "A2")}
    draft = _doc(TERMS_DRAFT, "d.txt")
    final = Index.of(_doc(TERMS_DRAFT, "f.txt"))  # the final kept the draft's provisions
    # "6 Chairmanship" is a heading: the provision under it is what MOD 6 changes, and it did not change
    assert judge(found["MOD 6"], final, draft).outcome == "not_adopted"


SECTION_NUMBERED = """Comments of Lumenor Telecom on Chapter 3

Add at the end of 3.1.2: "The findings are presented by Action Line."

Delete the sentence "Some regulators reported uneven quality." in 3.3.2.

Add a new paragraph 3.5.3: "The mapping in Annex 2 should be updated every year."

SUP PRG/58A2/7

instructs the Council 2

Reasons: no longer needed.
"""


def test_a_reports_section_numbered_paragraphs_and_a_suppression_named_by_its_place():
    got = {a.label: (a.form, a.target, a.old[:30], a.new[:30], a.heading)
           for a in read_amendments(_doc(SECTION_NUMBERED, "c.txt"))}
    assert got == {
        "Add at the end of 3.1.2": ("insert", "3.1.2", "", "The findings are presented by ", None),
        "Delete the sentence": ("delete", "3.3.2", "Some regulators reported uneve", "", None),
        "Add a new paragraph 3.5.3": ("add", "3.5.3", "", "The mapping in Annex 2 should ", None),
        "SUP instructs the Council 2": ("delete", "2", "", "", "instructs the Council"),  # the item under its heading
    }


def test_adopted_means_every_proposed_word_is_there():
    from pipeline.reflect.outcome import _verdict

    assert _verdict(1.0, None) == "adopted"
    assert _verdict(0.95, None) == "adopted_with_changes"  # 19 of 20 new words: one was changed


ROADMAP_INPUT = """Input of the Community Networks Alliance

Add a new row to Table 1, after A10:
A11\tRegional workshops for regulators on community networks\tBDT\t2028-2029

Add a new paragraph at the end of section 6: "ITU will propose a simplified reporting template."

SUP instructs the Secretary-General and the Directors of the Bureaux 4
to organize a session on the Action Lines at each regional preparatory meeting,

Reasons: the agendas are already heavy.
"""


def test_a_new_table_row_a_sections_new_paragraph_and_a_mark_under_a_long_chapeau():
    got = {a.label: (a.form, a.target, a.new[:30], a.heading)
           for a in read_amendments(_doc(ROADMAP_INPUT, "c.txt"))}
    assert got == {
        "Add a new row to Table 1, after A10": ("insert", "A10", "A11 Regional workshops for reg", None),
        "Add a new paragraph at the end of section 6": ("add", None, "ITU will propose a simplified ", None),
        "SUP instructs the Secretary-General and the Directors of the Bureaux 4": (
            "delete", "4", "", "instructs the Secretary-General and the Directors of the Bureaux"),
    }


def test_a_modification_whose_draft_paragraph_survives_elsewhere_is_not_adopted():
    contribution = ("MOD 5\n"
                    "5 to update the roadmaps every year, with the responsible Bureau and the resources allocated;\n")
    draft = _doc("1 to report to the Council each year;\n"
                 "5 to update the roadmaps of ITU regularly, taking into account the 2030 Agenda;\n", "d.txt")
    final = Index.of(_doc("1 to report to the Council each year, with the Bureau responsible for each item;\n"
                          "6 to update the roadmaps of ITU regularly, taking into account the 2030 Agenda;\n", "f.txt"))
    (a,) = read_amendments(_doc(contribution, "c.txt"))
    assert judge(a, final, draft).outcome == "not_adopted"  # renumbered 6, but still as drafted


COMMENT_MATRIX = """Comments of the Community Networks Coalition

Paragraph 6
Proposed change: Amend to read: "We welcome the growth of mobile broadband coverage in the region."
Justification: coverage figures alone mislead.

Paragraph 17
Proposed change: Delete the second sentence.
Justification: the Statement should stay technology-neutral.

1. Add a new preambular paragraph, to read: "Recalling the Programme of Action for the Least Developed Countries,"

In paragraph 22, we suggest replacing "industry partners" with "industry partners and civil society".

We propose deleting paragraph 19. Lawful access weakens everyone's security.

We propose to add a new paragraph in section 4.3 (Capacity building): "ITU will train CIRT staff on human rights."
"""


def test_a_comment_matrix_and_a_coalitions_suggestions_in_sentences():
    got = {a.label: (a.form, a.target, a.new[:30], a.part) for a in read_amendments(_doc(COMMENT_MATRIX, "c.txt"))}
    assert got == {
        "Paragraph 6": ("modify", "6", "We welcome the growth of mobil", None),
        "Paragraph 17": ("delete", "17", "", "second"),
        "Add a new preambular paragraph, to read": ("add", None, "Recalling the Programme of Act", None),
        "In paragraph 22, we suggest replacing": ("replace", "22", "industry partners and civil so", None),
        "deleting paragraph 19": ("delete", "19", "", None),  # (the label is the instruction's own words)
        "propose to add a new paragraph in section 4.3 (Capacity building)": (
            "add", None, "ITU will train CIRT staff on h", None),
    }
