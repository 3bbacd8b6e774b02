"""The HTML gap report as a reader meets it: every requirement a row, gaps visible, evidence marked, nothing loaded."""

from __future__ import annotations

import re

import pytest

from pipeline.report.html import highlight, render_diff_html, render_html, write_html


def _evidence(text, locator, score, terms=()):
    return {"text": text, "locator": locator, "score": score, "passage_id": f"p-{locator}", "matched_terms": list(terms),
            "heading_trail": ["3 Reporting"]}


def _requirement(rid, status, text, *, label, actor="Secretary-General", kind="instruction", confidence=0.5,
                 evidence=(), facets=(), **extra):
    req = {
        "id": rid,
        "source": {"document": "/data/mandates/res-1390.txt", "locator": "line 20", "label": label,
                   "clause_path": ["Resolution 1390", "instructs the Secretary-General", label]},
        "kind": kind, "actor": actor, "verb": "report", "text": text, "statement": f"Resolution 1390 instructs {text}",
        "checkability": "content", "frequency": None, "deadline": None, "references": [], "status": status,
        "confidence": confidence, "probabilities": {}, "rationale": f"rationale of {rid}",
        "evidence": list(evidence), "facets": list(facets),
    }
    req.update(extra)
    return req


def make_record(*, incomplete=False):
    """Four requirements, one per status: one with facets and marked evidence, one reviewed."""
    reqs = [
        _requirement("req-addressed01", "addressed", "to report annually on the WSIS Forum", label="1",
                     confidence=0.912, frequency="annually",
                     evidence=[_evidence("The WSIS Forum 2025 was held in Geneva.", "para. 12", 0.81, ["forum", "wsis"])]),
        _requirement("req-partial0001", "partial", "to report on achievements and challenges", label="2",
                     confidence=0.65,
                     facets=[
                         {"label": "achievements", "text": "achievements", "origin": "coordination", "concept": None,
                          "status": "addressed", "confidence": 0.7,
                          "evidence": [_evidence("The report listed the main Achievements of ITU's work.", "p. 3", 0.58,
                                                 ["achievement", "work"])]},
                         {"label": "challenges", "text": "challenges", "origin": "coordination", "concept": None,
                          "status": "not_addressed", "confidence": 0.48, "evidence": []},
                     ]),
        _requirement("req-notaddr0001", "not_addressed", 'to publish <script>alert("x")</script> & "quotes" <b>bold</b>',
                     label="3", actor="Member States & Sector Members", kind="invitation", confidence=0.37,
                     deadline="by the end of 2027"),
        _requirement("req-manual00001", "manual_check", "to submit the report one month before the Council", label="4",
                     kind="decision", confidence=1.0, machine_status="not_addressed",
                     review={"decision": "manual_check", "reason": "procedural: checked with the secretariat",
                             "stale": True, "stale_reason": "the requirement text changed"}),
    ]
    return {
        "schema_version": "1",
        "report": {"path": "/data/reports/draft.docx", "sha256": "a" * 64, "format": "docx", "passages": 31,
                   "warnings": ["pages 4-5 without text layer"] if incomplete else [], "incomplete": incomplete},
        "mandates": [{"path": "/data/mandates/res-1390.txt", "sha256": "b" * 64, "requirements": 4, "warnings": []}],
        "failures": [],
        "requirements": reqs,
        "summary": {"addressed": 1, "partial": 1, "not_addressed": 1, "manual_check": 1},
    }


@pytest.fixture
def page():
    return render_html(make_record())


def _rows(html):
    """Requirement rows: (id, status) from the row elements' data attributes."""
    return re.findall(r'<tbody class="req" id="([^"]+)"[^>]*data-status="([^"]+)"', html)


def test_every_requirement_is_a_row_gaps_included(page):
    assert _rows(page) == [("req-addressed01", "addressed"), ("req-partial0001", "partial"),
                           ("req-notaddr0001", "not_addressed"), ("req-manual00001", "manual_check")]


def test_rows_carry_the_filter_attributes(page):
    row = re.search(r'<tbody class="req" id="req-notaddr0001"[^>]*>', page).group(0)
    assert 'data-source="Resolution 1390"' in row
    assert 'data-actor="Member States &amp; Sector Members"' in row
    assert 'data-kind="invitation"' in row


@pytest.mark.parametrize("status,word", [("addressed", "Addressed"), ("partial", "Partial"),
                                         ("not_addressed", "Not addressed"), ("manual_check", "Manual check")])
def test_status_badges_name_the_status_in_words(page, status, word):
    assert re.search(rf'<span class="badge st-{status}"><span class="sym" aria-hidden="true">[^<]+</span> {word}</span>',
                     page)


def test_confidence_has_two_decimals(page):
    assert '<td class="num col-conf">0.91</td>' in page
    assert '<td class="num col-conf">0.37</td>' in page


def test_matched_terms_are_marked_in_the_evidence(page):
    assert "The <mark>WSIS</mark> <mark>Forum</mark> 2025 was held in Geneva." in page
    # facet evidence too, case-insensitive and with the plural of the lemma
    assert "the main <mark>Achievements</mark> of ITU&#x27;s <mark>work</mark>." in page
    assert "p. 3" in page and "para. 12" in page


def test_highlight_marks_whole_words_only_and_escapes():
    assert highlight("network work worked <work>", ["work"]) == \
        "network <mark>work</mark> <mark>worked</mark> &lt;<mark>work</mark>&gt;"
    assert highlight("entries & entry", ["entry"]) == "<mark>entries</mark> &amp; <mark>entry</mark>"
    assert highlight("a+b and C2030-G4.", ["a+b", "C2030-G4"]) == "<mark>a+b</mark> and <mark>C2030-G4</mark>."
    assert highlight("x < y", []) == "x &lt; y"


def test_page_loads_nothing_from_outside(page):
    assert not re.search(r"<script[^>]+src=", page, re.I)
    assert not re.search(r"<link[^>]+href=", page, re.I)
    assert "@import" not in page
    assert not re.search(r"url\(", page)
    assert not re.search(r"(src|href)=[\"']?(https?:)?//", page, re.I)


def test_requirement_text_is_escaped(page):
    assert "<script>alert" not in page and "<b>bold</b>" not in page
    # Jinja2's autoescape writes a double quote as &#34;
    assert "to publish &lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#34;quotes&#34; &lt;b&gt;bold&lt;/b&gt;" in page


def test_incomplete_report_shows_a_warning_banner():
    assert 'id="incomplete-banner"' not in render_html(make_record())
    page = render_html(make_record(incomplete=True))
    banner = re.search(r'<div class="banner banner-warn" role="alert" id="incomplete-banner">.*?</div>', page, re.S)
    assert banner and "Incomplete report" in banner.group(0) and "pages 4-5 without text layer" in banner.group(0)


def test_parse_failures_are_listed():
    record = make_record()
    record["failures"] = [{"location": "/data/mandates/scan.pdf", "code": 15, "message": "no text layer",
                           "hint": "run OCR first"}]
    page = render_html(record)
    assert "1 document could not be read" in page and "scan.pdf" in page and "run OCR first" in page


def test_review_and_stale_review_are_visible(page):
    assert "stale review" in page
    assert "procedural: checked with the secretariat" in page
    assert "the requirement text changed" in page
    assert "(the audit said not addressed)" in page


def test_fresh_review_is_marked_reviewed():
    record = make_record()
    record["requirements"][0]["review"] = {"decision": "addressed", "reason": "seen in annex 2", "stale": False,
                                           "stale_reason": None}
    page = render_html(record)
    assert '<span class="tag tag-reviewed" title="seen in annex 2">reviewed</span>' in page


def test_details_show_statement_rationale_and_deadline(page):
    assert "Resolution 1390 instructs to report on achievements and challenges" in page
    assert "rationale of req-partial0001" in page
    assert "<dt>Deadline</dt><dd>by the end of 2027</dd>" in page
    assert "<dt>Frequency</dt><dd>annually</dd>" in page


def test_header_names_report_and_mandates(page):
    assert "draft.docx" in page and "sha256 aaaaaaaaaaaa" in page and "DOCX" in page
    assert "res-1390.txt" in page and "4 requirements" in page


def test_summary_counts_and_chart(page):
    assert "<svg" in page and 'role="img"' in page
    assert "Requirements by status: addressed 1, partial 1, not addressed 1, manual check 1" in page
    assert "2 of 4</strong> requirements are gaps" in page


def test_filters_are_labelled(page):
    for control in ("f-status", "f-source", "f-actor", "f-kind", "only-gaps", "f-text"):
        assert f'<label for="{control}">' in page
    assert '<p id="shown-count" class="counter" aria-live="polite">4 of 4 requirements shown</p>' in page
    assert '<th scope="col">Source</th>' in page


def test_render_is_deterministic():
    assert render_html(make_record()) == render_html(make_record())


def test_title_can_be_given(page):
    assert "<title>Mandate coverage of draft.docx</title>" in page
    assert "<title>WSIS+20 &amp; me</title>" in render_html(make_record(), title="WSIS+20 & me")


def test_missing_optional_keys_do_not_break_the_page():
    record = make_record()
    for r in record["requirements"]:
        for key in ("probabilities", "rationale", "frequency", "deadline", "references", "review", "machine_status"):
            r.pop(key, None)
        r["source"].pop("clause_path")
    del record["failures"], record["report"]["format"]
    page = render_html(record)
    assert len(_rows(page)) == 4
    assert 'data-source="res-1390.txt"' in page


def test_write_html_writes_report_html_atomically(tmp_path):
    path = write_html(make_record(), tmp_path / "out")
    assert path == tmp_path / "out" / "report.html"
    assert path.read_text(encoding="utf-8") == render_html(make_record())
    assert [p.name for p in path.parent.iterdir()] == ["report.html"]


def make_diff():
    return {
        "old": {"path": "/drafts/v1.docx", "sha256": "c" * 64},
        "new": {"path": "/drafts/v2.docx", "sha256": "d" * 64},
        "summary": {"newly_addressed": 1, "regressed": 1, "changed_status": 0, "evidence_changed": 0, "new": 1,
                    "dropped": 0, "unchanged": 7},
        "changes": [
            {"id": "req-aaa", "source_document": "/m/res-1390.txt", "label": "1", "actor": "ITU",
             "text": "to keep <organizing> its work", "old_status": "not_addressed", "new_status": "addressed",
             "change": "newly_addressed", "old_evidence": [], "new_evidence": ["para. 4"]},
            {"id": "req-bbb", "source_document": "/m/res-1390.txt", "label": "2", "actor": "Council",
             "text": "to examine the implementation", "old_status": "addressed", "new_status": "partial",
             "change": "regressed", "old_evidence": ["para. 9", "p. 2"], "new_evidence": ["p. 2"]},
            {"id": "req-ccc", "source_document": "/m/contribution.txt", "label": None, "actor": "Secretariat",
             "text": "to publish the matrix", "old_status": None, "new_status": "manual_check",
             "change": "new", "old_evidence": [], "new_evidence": []},
        ],
    }


def test_diff_page_shows_summary_and_changes_coloured_by_kind():
    page = render_diff_html(make_diff())
    assert "v1.docx" in page and "v2.docx" in page
    assert '<li class="chip change-regressed"><span class="chip-n">1</span> regressed</li>' in page
    assert '<span class="chip-n">7</span> unchanged' in page
    rows = re.findall(r'<tr class="change change-([a-z_]+)" id="([^"]+)"', page)
    # regressions first: they are what a secretariat must look at before circulating a new draft
    assert rows == [("regressed", "req-bbb"), ("newly_addressed", "req-aaa"), ("new", "req-ccc")]
    assert "to keep &lt;organizing&gt; its work" in page
    assert "para. 9, p. 2" in page
    assert not re.search(r"<script[^>]+src=|<link[^>]+href=|@import", page)
    assert render_diff_html(make_diff()) == page


def test_diff_page_with_no_changes_says_so():
    diff = make_diff()
    diff["changes"] = []
    assert "No requirement changed between the two drafts." in render_diff_html(diff)


def test_each_piece_of_evidence_says_what_the_passage_does():
    record = make_record()
    record["requirements"][0]["evidence"][0] |= {"verdict": "substance", "reading": "gives figures, results"}
    record["requirements"][1]["facets"][0]["evidence"][0] |= {"verdict": "mention",
                                                             "reading": "lists events or links without results"}
    page = render_html(record)
    assert '<span class="reading verdict-substance"' in page and ">gives figures, results</span>" in page
    assert ">lists events or links without results</span>" in page
