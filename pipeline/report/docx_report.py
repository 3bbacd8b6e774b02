"""report.docx: the coverage record as a Word document in the manner of an ITU contribution.

Layout: title block, Purpose and Action required (as ITU contributions open), a summary table, one table
per mandate document, then an annex listing the requirements not addressed and those addressed in part.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from .markdown import (STATUS_FILLS, STATUSES, all_evidence, document_name, document_title, locators,
                       parse_warnings, reference, sha_short, shorten, source_groups, status_counts, status_label)
from ._io import write_atomic
from .xlsx import FIXED_TIME, stable_zip

# Column widths in centimetres for an A4 page with 2 cm margins (17 cm of text width).
REQUIREMENT_WIDTHS = (7.0, 2.2, 6.3, 1.5)
SUMMARY_FIRST_WIDTH = 6.0
WARNING_COLOUR = "C00000"

PURPOSE = ("This document checks, for each instruction, decision, proposal, invitation, expectation and target "
           "(a requirement) found in the mandate documents listed above, whether the report addresses it, and "
           "cites the passage of the report that does. A requirement is addressed when the report covers all "
           "of it, partial when it covers some of its parts (facets), not addressed when no passage covers it, "
           "and manual check when the report's text cannot show it (a procedural step such as a submission or "
           "a meeting) or the judgement is uncertain. The judgement is automatic; confidence is the judge's "
           "probability for the status given.")
ACTION = ("The secretariat is invited to review the requirements listed in the Annex and those marked manual "
          "check, to record its decisions in the traceability workbook (traceability.xlsx) that accompanies "
          "this document, and to complete the report where a requirement is not addressed.")


_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(value):
    """The record with characters XML cannot hold removed from every string (PDF text can carry form feeds)."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value


def _shade(cell, fill: str) -> None:
    """Cell background colour (w:shd), the way Word itself shades table cells."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tc_pr = cell._tc.get_or_add_tcPr()
    for old in tc_pr.findall(qn("w:shd")):
        tc_pr.remove(old)
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tc_pr.append(shd)


def _repeat_header(row) -> None:
    """Mark a row as a header row, repeated at the top of each page the table runs onto (w:tblHeader)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _table(doc, headers: list[str], widths_cm: tuple[float, ...]):
    """A 'Table Grid' table with a bold, repeated header row and fixed column widths."""
    from docx.shared import Cm

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for cell, text, width in zip(table.rows[0].cells, headers, widths_cm):
        cell.width = Cm(width)
        cell.paragraphs[0].add_run(text).bold = True
    _repeat_header(table.rows[0])
    return table


def _add_row(table, values: list[str], widths_cm: tuple[float, ...]):
    from docx.shared import Cm

    cells = table.add_row().cells
    for cell, value, width in zip(cells, values, widths_cm):
        cell.width = Cm(width)
        cell.text = value
    return cells


def _warning(doc, text: str) -> None:
    from docx.shared import RGBColor

    p = doc.add_paragraph()
    run = p.add_run("Warning: ")
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(WARNING_COLOUR)
    p.add_run(text).font.color.rgb = RGBColor.from_string(WARNING_COLOUR)


def _title_block(doc, record: dict) -> None:
    from docx.shared import Cm, Pt

    rep = record["report"]
    p = doc.add_paragraph()
    run = p.add_run(f"Coverage of mandates in {document_name(rep['path'])}")
    run.bold = True
    run.font.size = Pt(16)
    mandates = "\n".join(f"{document_name(m['path'])} (sha256 {sha_short(m['sha256'])}, "
                         f"{m.get('requirements', 0)} requirements)" for m in record.get("mandates", [])) or "—"
    rows = [("Report", document_name(rep["path"])), ("sha256", sha_short(rep["sha256"])),
            ("Passages read", str(rep.get("passages", 0))), ("Mandate documents", mandates)]
    table = doc.add_table(rows=0, cols=2)
    table.style = doc.styles["Table Grid"]
    table.autofit = False
    for key, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Cm(4.0), Cm(13.0)
        cells[0].paragraphs[0].add_run(key).bold = True
        cells[1].text = value


def _summary(doc, record: dict, groups) -> None:
    from docx.shared import Cm

    doc.add_heading("Summary", level=1)
    widths = (SUMMARY_FIRST_WIDTH, *([2.2] * len(STATUSES)), 2.2)
    table = _table(doc, ["Source document", *[status_label(s) for s in STATUSES], "Total"], widths)
    for cell, status in zip(table.rows[0].cells[1:], STATUSES):
        _shade(cell, STATUS_FILLS[status])
    for doc_path, reqs in groups:
        c = status_counts(reqs)
        _add_row(table, [document_name(doc_path), *[str(c[s]) for s in STATUSES], str(len(reqs))], widths)
    total = status_counts(record["requirements"])
    cells = _add_row(table, ["", *[str(total[s]) for s in STATUSES], str(len(record["requirements"]))], widths)
    cells[0].paragraphs[0].add_run("All documents").bold = True
    for cell in cells[1:]:
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for cell in table.columns[0].cells:
        cell.width = Cm(SUMMARY_FIRST_WIDTH)


def _requirement_cell(cell, r: dict) -> None:
    p = cell.paragraphs[0]
    label = r["source"].get("label")
    if label:
        p.add_run(f"{label} ").bold = True
    p.add_run(r["text"])
    actor = cell.add_paragraph()
    actor.add_run(f"Actor: {r['actor']}").italic = True
    if r.get("facets"):
        parts = "; ".join(f"{f['label']}: {status_label(f['status']).lower()}" for f in r["facets"])
        cell.add_paragraph().add_run(f"Parts: {parts}").italic = True


def _evidence_text(r: dict) -> str:
    evidence = all_evidence(r)
    if not evidence:
        return r.get("rationale") or "No passage found."
    first = evidence[0]
    text = f"“{shorten(first['text'])}” ({first['locator']})"
    more = [loc for loc in locators(evidence[1:]) if loc != first["locator"]]
    return text + (f" See also {', '.join(more)}." if more else "")


def _document_section(doc, doc_path: str, reqs: list[dict]) -> None:
    doc.add_heading(document_title(doc_path, reqs), level=2)
    table = _table(doc, ["Requirement", "Status", "Evidence", "Confidence"], REQUIREMENT_WIDTHS)
    for r in reqs:
        cells = _add_row(table, ["", status_label(r["status"]), _evidence_text(r), f"{r['confidence']:.2f}"],
                         REQUIREMENT_WIDTHS)
        _requirement_cell(cells[0], r)
        if r["status"] in STATUS_FILLS:
            _shade(cells[1], STATUS_FILLS[r["status"]])


def _annex(doc, groups) -> None:
    doc.add_heading("Annex: requirements not addressed", level=1)
    for status, title in (("not_addressed", None), ("partial", "Requirements addressed only in part")):
        if title:
            doc.add_heading(title, level=2)
        gaps = [r for _, reqs in groups for r in reqs if r["status"] == status]
        if not gaps:
            doc.add_paragraph("None.")
        for r in gaps:
            p = doc.add_paragraph(style="List Number" if status == "not_addressed" else "List Bullet")
            p.add_run(f"{reference(r)}: ").bold = True
            p.add_run(r["statement"])
            missing = [f["label"] for f in r.get("facets", []) if f["status"] != "addressed"]
            if status == "partial" and missing:
                p.add_run(f" Not covered: {', '.join(missing)}.").italic = True


def build_document(record: dict):
    """The python-docx Document for a record (not saved)."""
    from docx import Document
    from docx.shared import Cm

    record = _clean(record)
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # ITU documents are A4
    section.left_margin = section.right_margin = Cm(2.0)
    section.top_margin = section.bottom_margin = Cm(2.0)

    props = doc.core_properties
    props.title = f"Coverage of mandates in {document_name(record['report']['path'])}"
    props.subject = "wsis-audit coverage report"
    props.author = props.last_modified_by = "wsis-audit"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.keywords = props.comments = props.category = ""

    _title_block(doc, record)
    rep = record["report"]
    if rep.get("incomplete"):
        detail = "; ".join(rep.get("warnings") or []) or "see the parser warnings in coverage.json"
        _warning(doc, f"part of the report could not be read ({detail}). Requirements that the unread part "
                      "addresses may be shown here as not addressed.")
    for f in record.get("failures") or []:
        _warning(doc, f"{f.get('location')} could not be read and was not audited: {f.get('message')}.")
    for w in parse_warnings(record, with_report=not rep.get("incomplete")):
        _warning(doc, w)

    doc.add_heading("Purpose", level=1)
    doc.add_paragraph(PURPOSE)
    doc.add_heading("Action required", level=1)
    doc.add_paragraph(ACTION)

    groups = source_groups(record)
    _summary(doc, record, groups)
    doc.add_heading("Coverage by mandate document", level=1)
    for doc_path, reqs in groups:
        _document_section(doc, doc_path, reqs)
    _annex(doc, groups)
    return doc


def write_docx(record: dict, out_dir: Path) -> Path:
    """Write OUT/report.docx atomically; returns its path."""
    buf = io.BytesIO()
    build_document(record).save(buf)
    return write_atomic(Path(out_dir) / "report.docx", stable_zip(buf.getvalue()))
