"""Was our text taken over? The reflection of a proposal's wording in a report, as coverage.json and every report
format show it (issue 21)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cli import app
from pipeline.parse import parse_bytes
from pipeline.reflect import Index, reflect
from tests.conftest import EXAMPLE, EXAMPLE_MISSING, ROOT

PROPOSAL = ("To include in the report information on the regional broadband plans adopted since 2025, with the "
            "number of schools connected in each region and the main obstacles met by national regulators.")


def _report(*paragraphs: str):
    return parse_bytes("\n\n".join(paragraphs).encode(), path="report.txt")


FILLER = ("The Bureau organized four regional workshops on cybersecurity in 2026.",
          "Section 2. Spectrum management",
          "Twelve administrations received advice on their spectrum fees and on the transition to digital television.")


def test_a_verbatim_sentence_gives_a_reflection_of_at_least_0_9():
    body = PROPOSAL.removeprefix("To include in the report ").capitalize()
    r = reflect(PROPOSAL, Index.of(_report(*FILLER, body)))
    assert r.score >= 0.9
    (span,) = r.spans
    assert span.text.startswith("Information on the regional broadband plans") and span.locator.line == 7
    assert r.source_view[0].op == "framing" and r.source_view[0].text.startswith("To include in the report")


def test_a_report_without_its_words_gives_at_most_0_1():
    r = reflect(PROPOSAL, Index.of(_report(*FILLER, "The Union's budget for 2027 was approved by the Council.")))
    assert r.score <= 0.1 and r.kept <= 1


def test_a_moved_and_lightly_edited_paragraph_is_found_with_its_changes():
    edited = ("The regional broadband plans adopted since 2023 are described in Annex 3, with the number of schools "
              "linked in each region and the obstacles met by national regulators.")
    r = reflect(PROPOSAL, Index.of(_report("Annex 3. Regional plans", edited, *FILLER)))
    assert 0.5 <= r.score < 0.9
    views = {(s.op, s.text.strip(" ,.")) for s in r.source_view}
    assert ("changed", "2025") in views  # a figure changed inside the span
    assert any(op == "dropped" and "main" in text for op, text in views)
    added = " ".join(s.text for span in r.spans for s in span.view if s.op == "added")
    assert "are described in Annex" in added


def test_reordered_clauses_are_found_as_two_spans():
    swapped = ("With the main obstacles met by national regulators, the report lists the number of schools "
               "connected in each region under the regional broadband plans adopted since 2025.")
    r = reflect(PROPOSAL, Index.of(_report(*FILLER, swapped)))
    # "the number of schools connected in each region" (four content words) is below MIN_KEPT on its own
    assert len(r.spans) >= 2 and r.score >= 0.6


def test_a_common_term_alone_is_not_wording_taken_over():
    text = "Reports on small island developing States were discussed."
    r = reflect("We decide to create a fund for small island developing States in each region.",
                Index.of(_report(text)))
    assert r.score == 0.0 and not r.spans


words = st.sampled_from("broadband plan school region report regulator obstacle network 2025 the of in and".split())


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.lists(st.lists(words, min_size=1, max_size=40), min_size=1,
                                                          max_size=4))
def test_any_texts_give_a_consistent_reflection(proposal, paragraphs):
    text = " ".join(proposal)
    doc = _report(*(" ".join(p) for p in paragraphs))
    r = reflect(text, Index.of(doc))  # the dataclasses check their counts and spans themselves
    assert "".join(s.text for s in r.source_view) == text
    for span in r.spans:
        assert doc.text[span.start:span.end] == span.text
    assert r.score == (round(r.kept / r.content_words, 3) if r.content_words else 0.0)


runner = CliRunner()


@pytest.mark.skipif(not EXAMPLE.is_file(), reason=EXAMPLE_MISSING)
def test_the_real_contribution_shows_the_reflection_of_proposals_2_1_to_2_5_in_every_format(tmp_path):
    out = tmp_path / "audit"
    result = runner.invoke(app, ["audit", "--report", str(ROOT / "corpora/reports/wsis20-final-2026.txt"),
                                 "--mandate", str(EXAMPLE), "--out", str(out), "--no-cache"])
    assert result.exit_code == 0, result.output
    record = json.loads((out / "coverage.json").read_text(encoding="utf-8"))
    proposals = {r["source"]["label"]: r for r in record["requirements"] if r["kind"] == "proposal"}
    assert sorted(proposals) == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    for r in proposals.values():
        rf = r["reflection"]
        assert rf is not None and 0 <= rf["score"] <= 1
        assert "".join(w["text"] for w in rf["words"]) == r["text"]
    shares = {label: f"{r['reflection']['score']:.0%}" for label, r in proposals.items()}
    md = (out / "report.md").read_text(encoding="utf-8")
    html = (out / "report.html").read_text(encoding="utf-8")
    csv_text = (out / "requirements.csv").read_text(encoding="utf-8-sig")
    for label, share in shares.items():
        assert f"| {label} |" in md and f"{label}**: wording taken over: {share}" in md.replace(
            "proposals.txt, ", "")
        assert f"wording taken over: {share}" in html
    assert csv_text.splitlines()[0].split(",").count("reflection") == 1
    import docx
    import openpyxl

    paras = [p.text for p in docx.Document(out / "report.docx").paragraphs]
    assert "Annex 2: wording taken over" in paras
    assert sum("Wording taken over:" in p for p in paras) >= 5
    wb = openpyxl.load_workbook(out / "traceability.xlsx")
    header = [c.value for c in wb["Traceability"][1]]
    rows = {row[header.index("label")]: row for row in wb["Traceability"].iter_rows(min_row=2, values_only=True)
            if "#" not in row[0]}  # requirement rows, not their facets
    for label, r in proposals.items():
        assert rows[label][header.index("wording taken over")] == r["reflection"]["score"]
    assert wb["Wording taken over"].max_row >= 6
