"""report.docx: the coverage record as a Word document in the form of an ITU document.

Layout, as ITU Council and working-group documents are laid out: a header block (meeting, document number, date,
original language), the source and the title, a box with Purpose, Action required and References, a summary table,
one table per mandate document naming each requirement by its resolution and clause, an annex of what is not
addressed citing the report by section and page, and an annex on how the audit was run (versions, hashes, counts).
Styles are defined once, in `docx_style._template`; column widths are written to the table grid and to every
cell, so Word and LibreOffice draw the same columns. Page numbers are a PAGE field in the footer.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ._io import write_atomic
from .docx_style import TEXT_WIDTH_CM, _add_row, _fix_widths, _set_tbl_pr, _shade, _styled, _table, _template
from .markdown import (STATUS_FILLS, STATUSES, actor_text, all_evidence, clause_reference, document_name, document_title,
                       evidence_reference, parse_warnings, quoted_text, reflection_text, sha_short, shorten,
                       source_groups, status_counts, status_label)
from .xlsx import FIXED_TIME, stable_zip

# Requirement | Status | Evidence | Confidence: the requirement is what a delegate reads, so it gets the most room;
# the others are as narrow as their longest word at 10 pt bold allows ("addressed", "Confidence") with a Calibri
# substitute (Carlito, DejaVu Sans) rendered by LibreOffice.
REQUIREMENT_WIDTHS = (6.9, 2.4, 5.4, 2.3)
SUMMARY_FIRST_WIDTH = 4.6  # then four statuses and the total share the rest: 2.48 cm each
HEADER_WIDTHS = (10.0, 7.0)  # meeting on the left, document number, date and language on the right
WARNING_COLOUR = "C00000"
# Status in words and in colour: the cell is shaded (STATUS_FILLS) and the word is set in a darker shade of the
# same hue, so a black-and-white print still reads the word.
STATUS_INK = {"addressed": "006100", "partial": "7F6000", "not_addressed": "9C0006", "manual_check": "1F4E79"}

PURPOSE = ("This document checks, for each instruction, decision, proposal, invitation, expectation and target "
           "(a requirement) found in the mandate documents listed under References, whether the report addresses "
           "it, and cites the passage of the report that does. A requirement is addressed when the report covers "
           "all of it, partial when it covers some of its parts, not addressed when no passage covers it, and "
           "manual check when the report's text cannot show it (a procedural step such as a submission or a "
           "meeting) or the judgement is uncertain. The judgement is automatic; confidence is the judge's "
           "probability for the status given. The last annex says how the audit was run.")
ACTION = ("The secretariat is invited to review the requirements listed in Annex 1 and those marked manual "
          "check, to record its decisions in the traceability workbook (traceability.xlsx) that accompanies "
          "this document, and to complete the report where a requirement is not addressed.")

_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True, kw_only=True)
class DocumentHeader:
    """The header block of an ITU document; from the config (document_*), which options and TOML set."""

    meeting: str
    number: str
    date: str
    language: str
    source: str
    title: str

    @classmethod
    def for_record(cls, record: dict) -> DocumentHeader:
        """The header the record's resolved config asks for, with defaults for an older coverage.json."""
        from ..config import Config

        cfg = {**Config().resolved(), **((record.get("run") or {}).get("config") or {})}
        title = cfg["document_title"] or f"Coverage of mandates in {document_name(record['report']['path'])}"
        return cls(meeting=cfg["document_meeting"], number=cfg["document_number"], date=cfg["document_date"],
                   language=cfg["document_language"], source=cfg["document_source"], title=title)


def _clean(value):
    """The record with characters XML cannot hold removed from every string (PDF text can carry form feeds)."""
    if isinstance(value, str):
        return _XML_ILLEGAL.sub("", value)
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value



def _status_cell(cell, status: str) -> None:
    from docx.shared import RGBColor

    run = cell.paragraphs[0].add_run(status_label(status))
    run.bold = True
    if status in STATUS_INK:
        run.font.color.rgb = RGBColor.from_string(STATUS_INK[status])
    if status in STATUS_FILLS:
        _shade(cell, STATUS_FILLS[status])


# ---------------------------------------------------------------- the parts of the document


def _warning(doc, text: str) -> None:
    from docx.shared import RGBColor

    p = doc.add_paragraph()
    run = p.add_run("Warning: ")
    run.bold = True
    run.font.color.rgb = RGBColor.from_string(WARNING_COLOUR)
    p.add_run(text).font.color.rgb = RGBColor.from_string(WARNING_COLOUR)


def _borderless(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    edges = []
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        edges.append(el)
    _set_tbl_pr(table, "tblBorders", {}, edges)


def _header_block(doc, header: DocumentHeader) -> None:
    """Meeting on the left; document number, date and original language on the right; then source and title."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    table = doc.add_table(rows=3, cols=2)
    table.autofit = False
    _borderless(table)
    _fix_widths(table, HEADER_WIDTHS)
    right = [f"Document {header.number}" if header.number else "Document (number to be assigned)",
             header.date or "(date to be set)", f"Original: {header.language}"]
    for i, row in enumerate(table.rows):
        left, rcell = row.cells
        left.width, rcell.width = Cm(HEADER_WIDTHS[0]), Cm(HEADER_WIDTHS[1])
        if i == 0:
            left.paragraphs[0].add_run(header.meeting).bold = True
        p = rcell.paragraphs[0]
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        p.add_run(right[i]).bold = i == 0
    doc.add_paragraph(header.source, style="Document Source")
    doc.add_paragraph(header.title.upper(), style="Title")


def _references(record: dict, groups) -> list[str]:
    """The mandate documents by their titles (what a delegate knows them by), the file name only as a fallback."""
    return [document_title(path, reqs).split(" — ")[0] for path, reqs in groups] or \
        [document_name(m["path"]) for m in record.get("mandates", [])]


def _summary_box(doc, record: dict, groups) -> None:
    """Purpose, Action required and References, as the box on the first page of an ITU document."""
    doc.add_heading("Purpose", level=1)
    doc.add_paragraph(PURPOSE)
    doc.add_heading("Action required", level=1)
    doc.add_paragraph(ACTION)
    doc.add_heading("References", level=1)
    doc.add_paragraph("Report audited: " + document_name(record["report"]["path"]))
    doc.add_paragraph("Mandate documents: " + "; ".join(_references(record, groups)))


def _summary(doc, record: dict, groups) -> None:
    doc.add_heading("Summary", level=1)
    widths = (SUMMARY_FIRST_WIDTH, *([(TEXT_WIDTH_CM - SUMMARY_FIRST_WIDTH) / (len(STATUSES) + 1)]
                                     * (len(STATUSES) + 1)))
    table = _table(doc, ["Source document", *[status_label(s) for s in STATUSES], "Total"], widths)
    for cell, status in zip(table.rows[0].cells[1:], STATUSES):
        _shade(cell, STATUS_FILLS[status])
    for doc_path, reqs in groups:
        c = status_counts(reqs)
        _add_row(doc, table, [document_title(doc_path, reqs).split(" — ")[0], *[str(c[s]) for s in STATUSES],
                              str(len(reqs))], widths)
    total = status_counts(record["requirements"])
    cells = _add_row(doc, table, ["", *[str(total[s]) for s in STATUSES], str(len(record["requirements"]))], widths)
    cells[0].paragraphs[0].add_run("All documents").bold = True
    for cell in cells[1:]:
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _requirement_cell(doc, cell, r: dict) -> None:
    p = cell.paragraphs[0]
    p.add_run(f"{clause_reference(r)}: ").bold = True
    p.add_run(r["text"])
    actor = _styled(cell.add_paragraph(), doc, "Table Text")  # the style of the cell's first paragraph
    actor.add_run(f"Actor: {actor_text(r)}" + (f"; {quoted_text(r)}" if r.get("quoted_from") else "")).italic = True
    if r.get("facets"):
        parts = "; ".join(f"{f['label']}: {status_label(f['status']).lower()}" for f in r["facets"])
        _styled(cell.add_paragraph(), doc, "Table Text").add_run(f"Parts: {parts}").italic = True
    if r.get("reflection"):
        words = reflection_text(r)
        _styled(cell.add_paragraph(), doc, "Table Text").add_run(words[:1].upper() + words[1:]).italic = True


def _evidence_text(r: dict) -> str:
    evidence = all_evidence(r)
    if not evidence:
        return r.get("rationale") or "No passage found."
    first = evidence[0]
    text = f"“{shorten(first['text'])}” ({evidence_reference(first)})"
    first_ref = evidence_reference(first)
    more = [ref for ref in dict.fromkeys(evidence_reference(e) for e in evidence[1:]) if ref != first_ref]
    return text + (f" See also {'; '.join(more)}." if more else "")


def _document_section(doc, doc_path: str, reqs: list[dict]) -> None:
    doc.add_heading(document_title(doc_path, reqs), level=2)
    table = _table(doc, ["Requirement", "Status", "Evidence in the report", "Confidence"], REQUIREMENT_WIDTHS)
    for r in reqs:
        cells = _add_row(doc, table, ["", "", _evidence_text(r), f"{r['confidence']:.2f}"], REQUIREMENT_WIDTHS)
        _requirement_cell(doc, cells[0], r)
        _status_cell(cells[1], r["status"])


def _annex(doc, groups) -> None:
    doc.add_heading("Annex 1: requirements not addressed", level=1)
    for status, title in (("not_addressed", None), ("partial", "Requirements addressed only in part")):
        if title:
            doc.add_heading(title, level=2)
        gaps = [r for _, reqs in groups for r in reqs if r["status"] == status]
        if not gaps:
            doc.add_paragraph("None.")
        for r in gaps:
            p = _styled(doc.add_paragraph(), doc, "List Number" if status == "not_addressed" else "List Bullet")
            p.add_run(f"{clause_reference(r)}: ").bold = True
            p.add_run(r["text"].rstrip() + ("" if r["text"].rstrip().endswith((".", ";", ":")) else "."))
            if status == "partial":
                missing = [f["label"] for f in r.get("facets", []) if f["status"] != "addressed"]
                if missing:
                    p.add_run(f" Not covered: {', '.join(missing)}.").italic = True
                refs = list(dict.fromkeys(evidence_reference(e) for e in all_evidence(r)))
                if refs:
                    p.add_run(f" Covered in part at {'; '.join(refs)}.")
            elif r.get("rationale"):
                p.add_run(f" ({r['rationale']})").italic = True


# How each kind of aligned word is set in Word: bold, italic, struck through, underlined.
WORDING_RUNS = {"kept": (True, False, False, False), "changed": (False, True, False, False),
                "dropped": (False, False, True, False), "added": (False, False, False, True),
                "framing": (False, False, False, False)}


def _marked_words(p, words: list[dict]) -> None:
    """Aligned words as runs of one paragraph, each set as WORDING_RUNS says."""
    for w in words:
        run = p.add_run(w["text"])
        run.bold, run.italic, run.font.strike, run.underline = (v or None for v in WORDING_RUNS[w["op"]])


def marked_paragraph(doc, lead: str, words: list[dict]):
    """A paragraph: an italic lead ("Report, para. 12: "), then the aligned words set as WORDING_RUNS says."""
    p = doc.add_paragraph()
    p.add_run(lead).italic = True
    _marked_words(p, words)
    return p


def _wording_annex(doc, groups, number: int) -> None:
    """Annex: each measured proposal's words beside the report spans that take them over."""
    measured = [r for _, reqs in groups for r in reqs if r.get("reflection")]
    doc.add_heading(f"Annex {number}: wording taken over", level=1)
    doc.add_paragraph("How much of each proposal's wording the report carries over: in bold the words taken over "
                      "unchanged, in italics those changed, struck through those not taken over, underlined the "
                      "report's own words inside a span. This is not the status: a proposal can be addressed in "
                      "other words, or copied without substance.")
    for r in measured:
        rf = r["reflection"]
        head = _styled(doc.add_paragraph(), doc, "List Bullet")
        head.add_run(f"{clause_reference(r)}: ").bold = True
        head.add_run(reflection_text(r)[:1].upper() + reflection_text(r)[1:] + ".")
        marked_paragraph(doc, f"{r['kind'].capitalize()}: ", rf["words"])
        for span in rf["spans"]:
            marked_paragraph(doc, f"Report, {span['locator']}: ", span["words"])


def _method_annex(doc, record: dict, number: int = 2) -> None:
    """Annex: what was read and with which versions; the hashes identify the exact files audited."""
    doc.add_heading(f"Annex {number}: how the audit was run", level=1)
    rep = record["report"]
    doc.add_paragraph(f"The report {document_name(rep['path'])} ({str(rep.get('format', '')).upper()}, sha256 "
                      f"{sha_short(rep['sha256'])}) was read as {rep.get('passages', 0)} passages. Mandate "
                      "documents read:")
    for m in record.get("mandates", []):
        _styled(doc.add_paragraph(f"{document_name(m['path'])} (sha256 {sha_short(m['sha256'])}): "
                                  f"{m.get('requirements', 0)} requirements"), doc, "List Bullet")
    versions = (record.get("run") or {}).get("versions") or {}
    if versions:
        flat = []
        for key, value in versions.items():
            if isinstance(value, dict):
                value = ", ".join(f"{a} {b}" for a, b in value.items())
            elif key.endswith("sha256"):
                value = sha_short(str(value))
            flat.append(f"{key.replace('_', ' ')}: {value}")
        doc.add_paragraph("Versions: " + "; ".join(flat) + ".")
    doc.add_paragraph("Statuses come from an automatic judge trained on annotated ITU reports; check the evidence "
                      "before relying on them. The same inputs give the same document. Produced by wsis-audit.")


def build_document(record: dict, header: DocumentHeader | None = None):
    """The python-docx Document for a record (not saved)."""
    record = _clean(record)
    header = header or DocumentHeader.for_record(record)
    doc = _template()
    props = doc.core_properties
    props.title = header.title
    props.subject = "wsis-audit coverage report"
    props.author = props.last_modified_by = "wsis-audit"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    props.keywords = props.comments = props.category = ""

    _header_block(doc, header)
    rep = record["report"]
    if rep.get("incomplete"):
        detail = "; ".join(rep.get("warnings") or []) or "see the parser warnings in coverage.json"
        _warning(doc, f"part of the report could not be read ({detail}). Requirements that the unread part "
                      "addresses may be shown here as not addressed.")
    for f in record.get("failures") or []:
        _warning(doc, f"{f.get('location')} could not be read and was not audited: {f.get('message')}.")
    for w in parse_warnings(record, with_report=not rep.get("incomplete")):
        _warning(doc, w)

    groups = source_groups(record)
    _summary_box(doc, record, groups)
    _summary(doc, record, groups)
    doc.add_heading("Coverage by mandate document", level=1)
    for doc_path, reqs in groups:
        _document_section(doc, doc_path, reqs)
    _annex(doc, groups)
    reflected = any(r.get("reflection") for _, reqs in groups for r in reqs)
    if reflected:
        _wording_annex(doc, groups, 2)
    _method_annex(doc, record, 3 if reflected else 2)
    return doc


def write_docx(record: dict, out_dir: Path) -> Path:
    """Write OUT/report.docx atomically; returns its path."""
    buf = io.BytesIO()
    build_document(record).save(buf)
    return write_atomic(Path(out_dir) / "report.docx", stable_zip(buf.getvalue()))
