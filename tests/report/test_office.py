"""The human-readable outputs: report.docx, traceability.xlsx (and its reviewed read-back), report.md, CSV."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.report.csv_report import COLUMNS as CSV_COLUMNS, write_csv
from pipeline.report.docx_report import write_docx
from pipeline.report.json_report import validate_coverage
from pipeline.report.markdown import escape_cell, render_diff_markdown, render_markdown, write_markdown
from pipeline.report.xlsx import COLUMNS as XLSX_COLUMNS, read_review_xlsx, write_xlsx

RES = "/data/mandates/council-res-1390.docx"
CONTRIB = "/data/mandates/contribution-ms-2026.txt"
SHA = "ab" * 32


def _ev(text: str, locator: str, score: float = 0.8) -> dict:
    return {"text": text, "locator": locator, "score": score, "passage_id": f"p-{locator[-2:]}",
            "matched_terms": [], "heading_trail": ["2 Implementation"]}


def _req(rid: str, doc: str, label: str | None, status: str, *, text: str, actor: str = "Secretary-General",
         evidence: list | None = None, facets: list | None = None, **extra) -> dict:
    top = "Resolution 1390 (Mod. 2026)" if doc == RES else "CWG-WSIS&SDG-44/12"
    return {
        "id": rid,
        "source": {"document": doc, "locator": "line 7", "label": label, "clause_path": [top, "instructs", label or ""],
                   "span": [0, 10], "heading_trail": [top]},
        "kind": "instruction", "actor": actor, "verb": "report", "text": text, "statement": f"{top} {text}",
        "checkability": "content", "frequency": None, "deadline": None, "references": [], "status": status,
        "confidence": 0.72, "probabilities": {}, "rationale": f"rationale of {rid}",
        "evidence": evidence or [], "facets": facets or [], **extra,
    }


LONG_QUOTE = "ITU reported on the Action Lines it facilitates, " * 20  # ~1000 characters


@pytest.fixture
def record() -> dict:
    reqs = [
        _req("req-aaaaaaaaaaa1", RES, "1", "addressed", text="to report annually on the Action Lines",
             evidence=[_ev(LONG_QUOTE, "para. 12"), _ev("Annex 2 lists them.", "para. 30")],
             review={"decision": "addressed", "reason": "checked by the secretariat", "stale": False,
                     "stale_reason": None}),
        _req("req-aaaaaaaaaaa2", RES, "2", "partial", text="to describe achievements and challenges",
             evidence=[_ev("The achievements were listed.", "para. 29")],
             facets=[{"label": "achievements", "text": "achievements", "origin": "coordination", "concept": None,
                      "status": "addressed", "confidence": 0.7, "evidence": [_ev("Achievements: many.", "para. 29")]},
                     {"label": "challenges", "text": "challenges", "origin": "coordination", "concept": None,
                      "status": "not_addressed", "confidence": 0.6, "evidence": []}]),
        _req("req-bbbbbbbbbbb1", CONTRIB, "2.5", "not_addressed", actor="Secretariat",
             text="To add a table | listing the roadmap\nof each Action Line"),
        _req("req-bbbbbbbbbbb2", CONTRIB, "2.6", "manual_check", actor="Secretariat",
             text="To submit the report to the Group before its meeting"),
    ]
    rec = {
        "schema_version": "1",
        "report": {"path": "/data/reports/wsis20-draft.docx", "sha256": SHA, "format": "docx", "passages": 31,
                   "warnings": [], "incomplete": False},
        "mandates": [{"path": RES, "sha256": "cd" * 32, "requirements": 2, "warnings": []},
                     {"path": CONTRIB, "sha256": "ef" * 32, "requirements": 2, "warnings": []}],
        "failures": [],
        "requirements": reqs,
        "summary": {"addressed": 1, "partial": 1, "not_addressed": 1, "manual_check": 1},
    }
    validate_coverage(rec)  # the fixture is a real coverage record, not a convenient shape
    return rec


# DOCX ------------------------------------------------------------------------------------------------------

def _docx(path: Path):
    import docx

    return docx.Document(str(path))


def _shading(cell) -> str | None:
    from docx.oxml.ns import qn

    shd = cell._tc.tcPr.find(qn("w:shd")) if cell._tc.tcPr is not None else None
    return None if shd is None else shd.get(qn("w:fill"))


def _requirement_tables(doc):
    return [t for t in doc.tables if t.rows[0].cells[0].text == "Requirement"]


def _header_table(doc):
    return doc.tables[0]


def test_docx_has_header_block_summary_and_a_table_per_source_document(record, tmp_path):
    path = write_docx(record, tmp_path)
    assert path == tmp_path / "report.docx"
    doc = _docx(path)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "COVERAGE OF MANDATES IN WSIS20-DRAFT.DOCX" in text
    header = [[c.text for c in row.cells] for row in _header_table(doc).rows]
    assert header[0] == ["Council Working Group on WSIS and the SDGs", "Document (number to be assigned)"]
    assert header[2][1] == "Original: English"
    assert "Secretariat" in [p.text for p in doc.paragraphs if p.style.name == "Document Source"]
    assert "Purpose" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]

    summary = next(t for t in doc.tables if t.rows[0].cells[0].text == "Source document")
    rows = [[c.text for c in row.cells] for row in summary.rows]
    assert rows[0][1:5] == ["Addressed", "Partial", "Not addressed", "Manual check"]
    assert rows[1][0] == "Resolution 1390 (Mod. 2026)" and rows[1][1:] == ["1", "1", "0", "0", "2"]
    assert rows[-1][1:] == ["1", "1", "1", "1", "4"]

    tables = _requirement_tables(doc)
    assert len(tables) == 2
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert "Resolution 1390 (Mod. 2026) — council-res-1390.docx" in headings
    assert all(t.style.name == "Table Grid" for t in doc.tables[1:])


def test_docx_header_block_comes_from_the_config(record, tmp_path):
    record["run"] = {"config": {"document_meeting": "Council 2026", "document_number": "C26/45-E",
                                "document_date": "12 May 2026", "document_language": "French",
                                "document_source": "Report by the Secretary-General",
                                "document_title": "WSIS+20 mandates & the draft"}}
    doc = _docx(write_docx(record, tmp_path))
    header = [[c.text for c in row.cells] for row in _header_table(doc).rows]
    assert header == [["Council 2026", "Document C26/45-E"], ["", "12 May 2026"], ["", "Original: French"]]
    paras = [p.text for p in doc.paragraphs]
    assert "Report by the Secretary-General" in paras and "WSIS+20 MANDATES & THE DRAFT" in paras
    assert doc.core_properties.title == "WSIS+20 mandates & the draft"


def test_docx_cover_has_no_hashes_or_internal_counts(record, tmp_path):
    doc = _docx(write_docx(record, tmp_path))
    paras = [p.text for p in doc.paragraphs]
    cover = paras[:paras.index("Summary")]
    cover_tables = "\n".join(c.text for row in _header_table(doc).rows for c in row.cells)
    for text in [*cover, cover_tables]:
        assert "sha256" not in text and "abababab" not in text and "passages" not in text.lower()
    method = paras.index("Annex 2: how the audit was run")
    assert "sha256 abababababab" in paras[method + 1] and "31 passages" in paras[method + 1]


def test_docx_footer_numbers_the_pages(record, tmp_path):
    from docx.oxml.ns import qn

    doc = _docx(write_docx(record, tmp_path))
    footer = doc.sections[0].footer.paragraphs[0]
    fields = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"] and footer.text.startswith("Page ")


def test_docx_grid_and_cell_widths_agree_and_the_requirement_column_is_widest(record, tmp_path):
    from docx.oxml.ns import qn

    doc = _docx(write_docx(record, tmp_path))
    for table in doc.tables:
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        for row in table.rows:
            assert [c.width.twips for c in row.cells] == grid
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        assert sum(grid) <= 17 * 567 + 1  # the 17 cm of text width of an A4 page with 2 cm margins
    for table in _requirement_tables(doc):
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert grid[0] == max(grid)


def test_docx_styles_are_black_calibri_not_the_theme(record, tmp_path):
    doc = _docx(write_docx(record, tmp_path))
    for name in ("Normal", "Heading 1", "Heading 2", "Title", "Table Text"):
        style = doc.styles[name]
        assert style.font.name == "Calibri", name
        assert str(style.font.color.rgb) == "000000", name


def test_docx_rows_name_the_clause_and_show_status_in_words_and_colour(record, tmp_path):
    from docx.oxml.ns import qn

    doc = _docx(write_docx(record, tmp_path))
    res, contrib = _requirement_tables(doc)
    first = res.rows[1].cells
    assert first[0].text.startswith("Res. 1390, instructs, 1: to report annually")
    assert first[1].text == "Addressed" and _shading(first[1]) == "C6EFCE"
    assert str(first[1].paragraphs[0].runs[0].font.color.rgb) == "006100"
    assert "(section 2 Implementation, para. 12)" in first[2].text and len(first[2].text) < 400
    assert first[3].text == "0.72"
    assert _shading(res.rows[2].cells[1]) == "FFEB9C"
    assert "achievements: addressed; challenges: not addressed" in res.rows[2].cells[0].text
    assert contrib.rows[1].cells[0].text.startswith("CWG-WSIS&SDG-44/12, instructs, 2.5: To add a table")
    assert _shading(contrib.rows[1].cells[1]) == "FFC7CE"
    assert _shading(contrib.rows[2].cells[1]) == "DDEBF7"
    assert res.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_docx_annex_lists_gaps_by_clause_with_evidence_by_section(record, tmp_path):
    doc = _docx(write_docx(record, tmp_path))
    paras = [p.text for p in doc.paragraphs]
    annex = paras.index("Annex 1: requirements not addressed")
    in_part = paras.index("Requirements addressed only in part")
    missing = paras[annex + 1:in_part]
    assert len(missing) == 1 and missing[0].startswith("CWG-WSIS&SDG-44/12, instructs, 2.5: To add a table")
    assert "contribution-ms-2026.txt" not in missing[0] and "line 7" not in missing[0]
    partial = next(p for p in paras[in_part + 1:] if "to describe achievements" in p)
    assert "Not covered: challenges." in partial and "section 2 Implementation, para. 29" in partial


def test_docx_warns_when_the_report_was_read_only_in_part(record, tmp_path):
    assert "could not be read" not in "\n".join(p.text for p in _docx(write_docx(record, tmp_path)).paragraphs)
    record["report"].update(incomplete=True, warnings=["pages 4-5 without text layer"])
    paras = [p.text for p in _docx(write_docx(record, tmp_path)).paragraphs]
    warning = next(i for i, p in enumerate(paras) if p.startswith("Warning:"))
    assert "pages 4-5 without text layer" in paras[warning]
    assert warning < paras.index("Purpose")


def test_docx_is_the_same_for_the_same_record(record, tmp_path):
    a, b = write_docx(record, tmp_path / "a"), write_docx(record, tmp_path / "b")
    da, db = _docx(a), _docx(b)
    assert [p.text for p in da.paragraphs] == [p.text for p in db.paragraphs]
    assert [[c.text for r in t.rows for c in r.cells] for t in da.tables] == \
        [[c.text for r in t.rows for c in r.cells] for t in db.tables]
    assert da.core_properties.created.year == 2000
    assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob("*/*.tmp"))


def _render_pdf(docx_path: Path, out: Path) -> Path:
    """report.docx laid out by LibreOffice (a profile of its own, so a running office does not interfere)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (apt-get install -y libreoffice-writer-nogui); the structure "
                    "of report.docx is checked by the other tests")
    subprocess.run([soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--convert-to",
                    "pdf", "--outdir", str(out), str(docx_path)], check=True, capture_output=True, timeout=240)
    return out / (docx_path.stem + ".pdf")


def test_docx_rendered_by_libreoffice_shows_header_page_numbers_and_a_wide_requirement_column(record, tmp_path):
    import pdfplumber

    record["run"] = {"config": {"document_number": "CWG-WSIS&SDG-45/3-E", "document_date": "12 May 2026"}}
    pdf_path = _render_pdf(write_docx(record, tmp_path), tmp_path)
    with pdfplumber.open(pdf_path) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
        first_table = next(p for p in pdf.pages if "Confidence" in (p.extract_text() or ""))
        words = {w["text"]: w for w in first_table.extract_words() if w["text"] in
                 ("Requirement", "Status", "Evidence", "Confidence")}
    lines = pages[0].splitlines()
    assert "Council Working Group on WSIS and the SDGs Document CWG-WSIS&SDG-45/3-E" in lines
    assert "12 May 2026" in lines and "Original: English" in lines
    assert "COVERAGE OF MANDATES IN WSIS20-DRAFT.DOCX" in lines
    assert len(pages) >= 2
    for n, text in enumerate(pages, start=1):
        assert text.splitlines()[-1].strip() == f"Page {n} of {len(pages)}"
    # Column starts in the order of the header row: the requirement column is the widest as drawn.
    x = [words[k]["x0"] for k in ("Requirement", "Status", "Evidence", "Confidence")]
    widths = [b - a for a, b in zip(x, x[1:])]
    assert x == sorted(x) and widths[0] == max(widths), widths
    assert widths[0] > 6 * 72 / 2.54  # more than 6 cm, not the 4.25 cm of four equal columns


# XLSX ------------------------------------------------------------------------------------------------------

def _sheet(path: Path):
    import openpyxl

    return openpyxl.load_workbook(path)["Traceability"]


def test_xlsx_has_one_row_per_requirement_and_facet(record, tmp_path):
    path = write_xlsx(record, tmp_path)
    assert path == tmp_path / "traceability.xlsx"
    ws = _sheet(path)
    assert [c.value for c in ws[1]] == list(XLSX_COLUMNS)
    ids = [row[0] for row in ws.iter_rows(min_row=2, values_only=True)]
    assert ids == ["req-aaaaaaaaaaa1", "req-aaaaaaaaaaa2", "req-aaaaaaaaaaa2#achievements",
                   "req-aaaaaaaaaaa2#challenges", "req-bbbbbbbbbbb1", "req-bbbbbbbbbbb2"]
    col = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, col["locators"]).value == "para. 12; para. 30"
    assert ws.cell(2, col["evidence"]).value == LONG_QUOTE
    assert ws.cell(4, col["text"]).value == "achievements"
    assert ws.cell(5, col["status"]).value == "not_addressed"
    # the review object prefills the reviewer's columns
    assert ws.cell(2, col["reviewer decision"]).value == "addressed"
    assert ws.cell(2, col["reviewer note"]).value == "checked by the secretariat"


def _conditional_fills(ws) -> dict[str, dict[str, str]]:
    """{cell range: {value: fill colour}} of the sheet's 'cell equals' conditional formats."""
    out: dict[str, dict[str, str]] = {}
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            assert rule.type == "cellIs" and rule.operator == "equal"
            out.setdefault(str(cf.sqref), {})[rule.formula[0].strip('"')] = rule.dxf.fill.bgColor.rgb[-6:]
    return out


def test_xlsx_is_filterable_frozen_coloured_and_validated(record, tmp_path):
    ws = _sheet(write_xlsx(record, tmp_path))
    assert ws.auto_filter.ref == "A1:Q7"
    assert ws.freeze_panes == "A2"
    col = {c.value: c.column for c in ws[1]}
    colours = {"addressed": "C6EFCE", "partial": "FFEB9C", "not_addressed": "FFC7CE", "manual_check": "DDEBF7"}
    fills = _conditional_fills(ws)
    assert fills["J2:J7"] == colours  # the status column, coloured by its value
    assert fills["N2:N7"] == {**colours, "not_applicable": "E7E6E6"}  # the reviewer's decision, as typed
    assert ws.column_dimensions["I"].width == 60 and ws.cell(2, col["text"]).alignment.wrap_text
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and "not_applicable" in dv.formula1
    assert str(dv.sqref) == "N2:N7"
    summary = ws.parent["Summary"]
    rows = list(summary.iter_rows(values_only=True))
    assert ("not_addressed", 1) == rows[rows.index(("Status", "Count", None, None, None, None)) + 3][:2]
    assert ("contribution-ms-2026.txt", 0, 0, 1, 1, 2) in rows


def test_xlsx_is_the_same_for_the_same_record(record, tmp_path):
    a, b = write_xlsx(record, tmp_path / "a"), write_xlsx(record, tmp_path / "b")
    values = [[list(r) for r in _sheet(p).iter_rows(values_only=True)] for p in (a, b)]
    assert values[0] == values[1]
    assert a.read_bytes() == b.read_bytes()


def test_xlsx_prints_landscape_one_page_wide_with_the_header_on_every_page(record, tmp_path):
    ws = _sheet(write_xlsx(record, tmp_path))
    assert ws.page_setup.orientation == "landscape" and str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.print_title_rows == "$1:$1"


def test_xlsx_rows_are_tall_enough_for_their_wrapped_text(record, tmp_path):
    ws = _sheet(write_xlsx(record, tmp_path))
    heights = {ws.cell(r, 1).value: ws.row_dimensions[r].height for r in range(2, 8)}
    # The ~1000-character quote in a 50-wide column needs about 19 lines of 15 pt.
    assert heights["req-aaaaaaaaaaa1"] >= 15 * 18
    # A short requirement: one line of text, its clause reference ("CWG-WSIS&SDG-44/12, instructs, 2.6") two.
    assert heights["req-bbbbbbbbbbb2"] == 30
    assert all(h <= 409 for h in heights.values())


def test_xlsx_names_the_document_title_and_the_clause(record, tmp_path):
    ws = _sheet(write_xlsx(record, tmp_path))
    col = {c.value: c.column for c in ws[1]}
    assert ws.cell(2, col["document title"]).value == "Resolution 1390 (Mod. 2026)"
    assert ws.cell(2, col["clause"]).value == "Res. 1390, instructs, 1"
    assert ws.cell(6, col["clause"]).value == "CWG-WSIS&SDG-44/12, instructs, 2.5"
    assert ws.cell(6, col["source"]).value == "contribution-ms-2026.txt"


def _set_decision(path: Path, row: int, decision: str, note: str | None = None) -> None:
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb["Traceability"]
    col = {c.value: c.column for c in ws[1]}
    ws.cell(row, col["reviewer decision"]).value = decision
    if note is not None:
        ws.cell(row, col["reviewer note"]).value = note
    wb.save(path)


def test_read_review_round_trip(record, tmp_path):
    path = write_xlsx(record, tmp_path)
    _set_decision(path, 5, "Not addressed", "the challenges are missing")  # a facet row, typed by hand
    _set_decision(path, 6, "partial", "para. 40 lists a table without the roadmaps")
    assert read_review_xlsx(path) == [
        {"id": "req-aaaaaaaaaaa1", "facet": None, "decision": "addressed", "note": "checked by the secretariat"},
        {"id": "req-aaaaaaaaaaa2", "facet": "challenges", "decision": "not_addressed",
         "note": "the challenges are missing"},
        {"id": "req-bbbbbbbbbbb1", "facet": None, "decision": "partial",
         "note": "para. 40 lists a table without the roadmaps"},
    ]


def test_read_review_reads_columns_by_name_not_position(record, tmp_path):
    import openpyxl

    path = write_xlsx(record, tmp_path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Traceability"]
    ws.move_range("M1:N7", cols=2)  # a reviewer inserted two columns before the reviewer columns
    ws.cell(1, 13).value, ws.cell(1, 14).value = "my column", None
    wb.save(path)
    assert read_review_xlsx(path)[0]["decision"] == "addressed"


def test_read_review_rejects_an_unknown_decision_naming_the_row(record, tmp_path):
    path = write_xlsx(record, tmp_path)
    _set_decision(path, 6, "done")
    with pytest.raises(InputError) as info:
        read_review_xlsx(path)
    assert info.value.location == f"{path}:row 6"
    assert "not_applicable" in info.value.hint and "'done'" in info.value.message


def test_read_review_rejects_a_renamed_column_or_sheet(record, tmp_path):
    import openpyxl

    path = write_xlsx(record, tmp_path)
    wb = openpyxl.load_workbook(path)
    wb["Traceability"]["N1"].value = "decision"
    wb.save(path)
    with pytest.raises(InputError, match="reviewer decision"):
        read_review_xlsx(path)
    wb["Traceability"].title = "Review"
    wb.save(path)
    with pytest.raises(InputError, match="no sheet named 'Traceability'") as info:
        read_review_xlsx(path)
    assert "rename" in info.value.hint


def test_read_review_of_a_file_that_is_not_a_workbook(tmp_path):
    bad = tmp_path / "traceability.xlsx"
    bad.write_text("not a workbook")
    with pytest.raises(InputError, match="damaged"):
        read_review_xlsx(bad)
    with pytest.raises(InputError, match="not found"):
        read_review_xlsx(tmp_path / "missing.xlsx")


# Markdown --------------------------------------------------------------------------------------------------

def test_markdown_has_summary_a_row_per_requirement_and_gaps(record, tmp_path):
    md = write_markdown(record, tmp_path).read_text(encoding="utf-8")
    assert md.startswith("# Coverage of mandates in wsis20-draft.docx\n")
    assert "| Not addressed | 1 |" in md
    rows = [line for line in md.splitlines() if line.startswith("| ") and "| 0.72 |" in line]
    assert len(rows) == 4
    assert "| 1 | Secretary-General | Addressed | 0.72 | para. 12; para. 30 |" in rows
    assert "| 2 | Secretary-General | Partial | 0.72 | para. 29 |" in rows  # facet evidence counts
    gaps = md[md.index("## Gaps"):]
    assert "contribution-ms-2026.txt, 2.5" in gaps and "rationale of req-bbbbbbbbbbb1" in gaps
    assert "Missing: challenges." in gaps
    assert "manual" not in gaps.lower()


def test_markdown_escapes_pipes_and_newlines():
    assert escape_cell("a | b\nc") == "a \\| b<br>c"
    rec_text = render_markdown({"report": {"path": "r|x.docx", "sha256": SHA, "passages": 1}, "mandates": [],
                                "requirements": [_req("req-c", CONTRIB, None, "addressed", actor="A | B",
                                                      text="t")]})
    row = next(line for line in rec_text.splitlines() if "A \\| B" in line)
    assert row.count(" | ") == 4  # five cells, no extra column from the actor's pipe


def test_diff_markdown_groups_changes_by_kind():
    diff = {"old": {"path": "/a/draft-1.docx", "sha256": "1" * 64}, "new": {"path": "/a/draft-2.docx",
                                                                            "sha256": "2" * 64},
            "summary": {"newly_addressed": 1, "regressed": 1, "changed_status": 0, "evidence_changed": 0,
                        "new": 0, "dropped": 0, "unchanged": 5},
            "changes": [
                {"id": "req-1", "source_document": RES, "label": "1", "actor": "ITU", "text": "to keep | going",
                 "old_status": "partial", "new_status": "addressed", "change": "newly_addressed",
                 "old_evidence": ["para. 3"], "new_evidence": ["para. 3", "para. 9"]},
                {"id": "req-2", "source_document": RES, "label": "2", "actor": "ITU", "text": "to report",
                 "old_status": "addressed", "new_status": "not_addressed", "change": "regressed",
                 "old_evidence": ["para. 4"], "new_evidence": []}]}
    md = render_diff_markdown(diff)
    # One order of change kinds everywhere (pipeline.model.CHANGE_KINDS): worst news first.
    assert "1 regressed, 0 dropped requirements, 1 newly addressed" in md and "5 unchanged" in md
    assert md.index("## Regressed (1)") < md.index("## Newly addressed (1)")
    row = "| council-res-1390.docx | 1 | ITU | to keep \\| going | Partial | Addressed | para. 3 | para. 3; para. 9 |"
    assert row in md


# CSV -------------------------------------------------------------------------------------------------------

def test_csv_has_bom_and_one_row_per_requirement(record, tmp_path):
    record["requirements"][0]["actor"] = "Directeur général"
    path = write_csv(record, tmp_path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == list(CSV_COLUMNS)
    assert [r["id"] for r in rows] == [r["id"] for r in record["requirements"]]
    first, partial, missing = rows[0], rows[1], rows[2]
    assert first["actor"] == "Directeur général"
    assert first["clause_path"] == "Resolution 1390 (Mod. 2026) > instructs > 1"
    assert first["evidence_locators"] == "para. 12; para. 30" and first["evidence"] == LONG_QUOTE
    assert partial["facets"] == "1/2" and first["facets"] == ""
    assert missing["text"] == "To add a table | listing the roadmap\nof each Action Line"  # quoted, intact


def test_xlsx_flags_a_stale_review_for_another_look(record, tmp_path):
    record["requirements"][2]["review"] = {"decision": "addressed", "reason": "seen in draft 1", "stale": True,
                                           "stale_reason": "the report changed since the decision"}
    ws = _sheet(write_xlsx(record, tmp_path))
    col = {c.value: c.column for c in ws[1]}
    cell = ws.cell(6, col["reviewer decision"])
    assert cell.value == "addressed" and "earlier version" in cell.comment.text
    assert "the report changed" in cell.comment.text
