"""traceability.xlsx: the matrix reviewers fill (one row per requirement and per facet), and its reader."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path

from ..errors import InputError
from ..model import DECISIONS
from ._io import write_atomic
from .markdown import (STATUS_FILLS, STATUSES, actor_text, all_evidence, clause_reference, document_name, document_title,
                       locators, sha_short, source_groups, status_counts)

SHEET = "Traceability"
SUMMARY_SHEET = "Summary"
WORDING_SHEET = "Wording taken over"
# How each kind of aligned word is written in the Wording sheet: colour (RGB) and bold / italic / struck.
WORDING_FONTS = {"kept": ("1A7F37", True, False, False), "changed": ("9A6700", False, True, False),
                 "dropped": ("CF222E", False, False, True), "added": ("000000", False, False, False),
                 "framing": ("595959", False, False, False)}
COLUMNS = ("id", "source", "document title", "clause", "label", "actor", "quoted from", "kind", "text", "status",
           "confidence", "evidence", "locators", "reviewer decision", "reviewer note", "wording taken over",
           "taken over at")
# Widths in Excel character units: the requirement text is the column read most, evidence second; the total (about
# 330) fits a landscape A4 page at the scale Excel chooses for "fit to one page wide".
WIDTHS = {"id": 20, "source": 18, "document title": 22, "clause": 24, "label": 7, "actor": 18, "quoted from": 18, "kind": 11,
          "text": 60, "status": 14, "confidence": 11, "evidence": 50, "locators": 16, "wording taken over": 10,
          "taken over at": 12, "reviewer decision": 17,
          "reviewer note": 30}
WRAPPED = {"source", "document title", "clause", "actor", "quoted from", "text", "evidence", "locators", "taken over at",
           "reviewer note"}
# Row heights: Excel does not size rows to wrapped text written by a program, so the height is estimated as lines
# of 15 pt (Calibri 11) with about 1.1 characters per unit of column width; 409 pt is Excel's largest row height.
LINE_PT, CHARS_PER_WIDTH, MAX_ROW_PT = 15.0, 1.1, 409.0
NOT_APPLICABLE_FILL = "E7E6E6"  # a reviewer's "does not apply": grey, neither a gap nor done
FACET_SEPARATOR = "#"  # requirement ids are "req-<hex>", so the first '#' always starts the facet label
FIXED_TIME = datetime(2000, 1, 1)  # documents carry no wall-clock time, so equal records give equal files
HEADER_FILL = "D9D9D9"
STALE_FILL = "F8CBAD"  # an earlier decision that the new report may have made wrong


def stable_zip(data: bytes) -> bytes:
    """Rewrite an Office (zip) package with fixed entry times, so the same content gives the same bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():  # order kept: [Content_Types].xml must stay first
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            dst.writestr(entry, src.read(info.filename))
    return buf.getvalue()


def traceability_rows(record: dict) -> list[dict]:
    """Rows of the Traceability sheet keyed by COLUMNS: each requirement, then its facets."""
    rows = []
    for path, reqs in source_groups(record):
        title = document_title(path, reqs).split(" — ")[0]
        for r in reqs:
            src = r["source"]
            base = {"source": document_name(src["document"]), "document title": title, "clause": clause_reference(r),
                    "label": src.get("label") or src["locator"], "actor": actor_text(r),
                    "quoted from": r.get("quoted_from") or "", "kind": r["kind"]}
            review, evidence = r.get("review") or {}, all_evidence(r)
            rows.append({**base, "id": r["id"], "text": r["text"], "status": r["status"],
                         "confidence": r["confidence"],
                         "evidence": evidence[0]["text"] if evidence else "",
                         "locators": "; ".join(locators(evidence)),
                         "wording taken over": rf["score"] if (rf := r.get("reflection")) else "",
                         "taken over at": "; ".join(dict.fromkeys(s["locator"] for s in rf["spans"])) if rf else "",
                         "reviewer decision": review.get("decision") or "",
                         "reviewer note": review.get("reason") or "",
                         "_facet": False, "_stale": review.get("stale_reason") if review.get("stale") else None})
            for f in r.get("facets", []):
                text = f.get("text") or f["label"]
                rows.append({**base, "id": f"{r['id']}{FACET_SEPARATOR}{f['label']}",
                             "text": text if text == f["label"] else f"{f['label']}: {text}",
                             "status": f["status"], "confidence": f["confidence"],
                             "evidence": f["evidence"][0]["text"] if f["evidence"] else "",
                             "locators": "; ".join(locators(f["evidence"])),
                             "wording taken over": "", "taken over at": "",
                             "reviewer decision": "", "reviewer note": "", "_facet": True, "_stale": None})
    return rows


def _put(ws, row: int, column: int, value):
    """Set a cell to a value as data: control characters dropped, a leading '=' kept as text, not a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    cell = ws.cell(row, column)
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)  # PDF text can hold form feeds; Excel refuses them
    cell.value = value
    if isinstance(value, str) and value.startswith("="):
        cell.data_type = "s"
    return cell


def build_workbook(record: dict):
    """The openpyxl Workbook for a record (not saved)."""
    from openpyxl import Workbook
    from openpyxl.styles import PatternFill

    wb = Workbook()
    props = wb.properties
    props.creator = props.lastModifiedBy = "wsis-audit"
    props.title = f"Traceability of mandates in {document_name(record['report']['path'])}"
    props.created = props.modified = FIXED_TIME

    ws = wb.active
    ws.title = SHEET
    col = {name: i + 1 for i, name in enumerate(COLUMNS)}
    _traceability_rows(ws, record, col)
    _review_controls(ws, col)
    _print_setup(ws)

    fills = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_FILLS.items()}
    _summary_sheet(wb.create_sheet(SUMMARY_SHEET), record, fills)
    if any(r.get("reflection") for r in record["requirements"]):
        _wording_sheet(wb.create_sheet(WORDING_SHEET), record)
    return wb


def _traceability_rows(ws, record: dict, col: dict[str, int]) -> None:
    """The header and one row per requirement and facet (facets folded under it); a decision made on an earlier
    version of the report is marked stale."""
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill

    ws.append(list(COLUMNS))
    header_fill = PatternFill("solid", fgColor=HEADER_FILL)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    facet_font = Font(italic=True, color="595959")
    # One alignment object per kind of column, not one per cell: openpyxl hashes each to find its style.
    aligned = {wrap: Alignment(vertical="top", wrap_text=wrap) for wrap in (False, True)}
    for n, row in enumerate(traceability_rows(record), start=2):
        for name in COLUMNS:
            cell = _put(ws, n, col[name], row[name])
            cell.alignment = aligned[name in WRAPPED]
            if row["_facet"]:
                cell.font = facet_font
        ws.cell(n, col["confidence"]).number_format = "0.00"
        ws.cell(n, col["wording taken over"]).number_format = "0%"
        ws.row_dimensions[n].height = row_height(row)
        if row["_facet"]:
            ws.row_dimensions[n].outline_level = 1  # facets fold under their requirement
        if row["_stale"] is not None:
            cell = ws.cell(n, col["reviewer decision"])
            cell.fill = PatternFill("solid", fgColor=STALE_FILL)
            cell.comment = Comment("Decided on an earlier version of the report; check it again. "
                                   + (row["_stale"] or ""), "wsis-audit")


def _review_controls(ws, col: dict[str, int]) -> None:
    """What a reviewer works with: filters, the frozen header, column widths, the list of decisions, and colours
    that follow the status or decision typed in."""
    from openpyxl.formatting.rule import CellIsRule
    from openpyxl.styles import PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    last_row, last_col = ws.max_row, get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_col}{last_row}"
    ws.freeze_panes = "A2"
    for name, width in WIDTHS.items():
        ws.column_dimensions[get_column_letter(col[name])].width = width
    decision_col = get_column_letter(col["reviewer decision"])
    dv = DataValidation(type="list", formula1='"' + ",".join(DECISIONS) + '"', allow_blank=True,
                        showErrorMessage=True, errorTitle="Unknown decision",
                        error="Choose one of: " + ", ".join(DECISIONS),
                        promptTitle="Reviewer decision", prompt="Your status for this row, if it differs or "
                        "confirms; explain in the note.", showInputMessage=True)
    dv.add(f"{decision_col}2:{decision_col}{max(last_row, 2)}")
    ws.add_data_validation(dv)
    # Colours follow the value, so a status or decision a reviewer types in is coloured too.
    status_col = get_column_letter(col["status"])
    # In a conditional format Excel paints a solid fill with its background colour, so both colours are set.
    decision_fills = {k: PatternFill("solid", start_color=c, end_color=c)
                      for k, c in {**STATUS_FILLS, "not_applicable": NOT_APPLICABLE_FILL}.items()}
    for letter, values in ((status_col, STATUSES), (decision_col, DECISIONS)):
        for value in values:
            ws.conditional_formatting.add(f"{letter}2:{letter}{max(last_row, 2)}",
                                          CellIsRule(operator="equal", formula=[f'"{value}"'],
                                                     fill=decision_fills[value]))


def row_height(row: dict) -> float:
    """Points for a row to show its wrapped cells whole (estimated; see LINE_PT)."""
    lines = 1
    for name in WRAPPED:
        text = str(row.get(name) or "")
        per_line = max(1, int(WIDTHS[name] * CHARS_PER_WIDTH))
        lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    return min(MAX_ROW_PT, lines * LINE_PT)


def _print_setup(ws) -> None:
    """Landscape A4, one page wide, the header row on every page, gridlines printed."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    ws.print_options.gridLines = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = "Page &P of &N"


def _summary_sheet(ws, record: dict, fills: dict) -> None:
    from openpyxl.styles import Font

    bold = Font(bold=True)
    rep = record["report"]
    ws.append(["Report", document_name(rep["path"])])
    ws.append(["sha256", sha_short(rep["sha256"])])
    if rep.get("incomplete"):
        _put(ws, ws.max_row + 1, 1, "Warning")
        _put(ws, ws.max_row, 2, "part of the report could not be read: " + "; ".join(rep.get("warnings") or []))
    ws.append([])
    ws.append(["Status", "Count"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    counts = status_counts(record["requirements"])
    for s in STATUSES:
        ws.append([s, counts[s]])
        ws.cell(ws.max_row, 1).fill = fills[s]
    ws.append(["total", len(record["requirements"])])
    ws.cell(ws.max_row, 1).font = bold
    ws.append([])
    ws.append(["Source document", *STATUSES, "total"])
    for cell in ws[ws.max_row]:
        cell.font = bold
    for i, s in enumerate(STATUSES, start=2):
        ws.cell(ws.max_row, i).fill = fills[s]
    for doc, reqs in source_groups(record):
        c = status_counts(reqs)
        ws.append([document_name(doc), *[c[s] for s in STATUSES], len(reqs)])
    ws.column_dimensions["A"].width = 40
    for letter in "BCDEF":
        ws.column_dimensions[letter].width = 15


def _rich(words: list[dict]):
    """Aligned words as one cell of rich text, each run in its WORDING_FONTS style."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    return CellRichText(*[TextBlock(InlineFont(color=c, b=b or None, i=i or None, strike=x or None),
                                    ILLEGAL_CHARACTERS_RE.sub("", w["text"]))
                          for w in words for c, b, i, x in (WORDING_FONTS[w["op"]],)])


def _wording_sheet(ws, record: dict) -> None:
    """Each measured requirement beside each report span that takes its wording over: words kept in bold green,
    changed in italic, not taken over struck through in red."""
    from openpyxl.styles import Alignment, Font

    ws.append(["id", "source", "label", "kind", "wording taken over", "requirement (kept, changed, dropped)",
               "taken over at", "report text (kept, changed, added)"])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    top = Alignment(vertical="top", wrap_text=True)
    for r in record["requirements"]:
        rf = r.get("reflection")
        if not rf:
            continue
        for span in rf["spans"] or [None]:
            n = ws.max_row + 1
            for c, value in enumerate((r["id"], document_name(r["source"]["document"]),
                                       r["source"].get("label") or r["source"]["locator"], r["kind"], rf["score"]),
                                      start=1):
                _put(ws, n, c, value)
            ws.cell(n, 6).value = _rich(rf["words"])
            _put(ws, n, 7, span["locator"] if span else "nowhere")
            if span:
                ws.cell(n, 8).value = _rich(span["words"])
            ws.cell(n, 5).number_format = "0%"
            for c in range(1, 9):
                ws.cell(n, c).alignment = top
    for letter, width in zip("ABCDEFGH", (20, 22, 8, 11, 10, 60, 14, 60)):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A2"


def write_xlsx(record: dict, out_dir: Path) -> Path:
    """Write OUT/traceability.xlsx atomically; returns its path."""
    from openpyxl.writer.excel import ExcelWriter

    wb = build_workbook(record)
    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save() stamps the current time into the document properties.
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return write_atomic(Path(out_dir) / "traceability.xlsx", stable_zip(buf.getvalue()))


def _normalise_decision(value: str) -> str:
    """'Not addressed', 'not-addressed ' and 'NOT_ADDRESSED' all mean not_addressed."""
    return "_".join(value.strip().lower().replace("-", " ").split())


def read_review_xlsx(path: Path) -> list[dict]:
    """Reviewer decisions from a filled traceability.xlsx: [{"id", "facet", "decision", "note"}], by header name."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    if not path.is_file():
        raise InputError.not_found(str(path))
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise InputError.corrupt(str(path), "XLSX", str(exc)) from exc
    try:
        if SHEET not in wb.sheetnames:
            raise InputError(f"no sheet named '{SHEET}' (found: {', '.join(wb.sheetnames)})",
                             hint=f"rename the reviewed sheet back to '{SHEET}'", location=str(path))
        rows = wb[SHEET].iter_rows(values_only=True)
        header = next(rows, None) or ()
        names = {str(v).strip().lower(): i for i, v in enumerate(header) if v is not None}
        needed = ("id", "reviewer decision")  # a note is optional; without these two nothing can be read
        missing = [n for n in needed if n not in names]
        if missing:
            raise InputError(f"the '{SHEET}' sheet has no column named {', '.join(repr(m) for m in missing)}",
                             hint="keep the header row as written: " + ", ".join(COLUMNS),
                             location=f"{path}:row 1")
        out = []
        for n, values in enumerate(rows, start=2):
            def get(name: str) -> str:
                i = names.get(name)
                if i is None:
                    return ""
                v = values[i] if i < len(values) else None
                return "" if v is None else str(v).strip()

            raw = get("reviewer decision")
            if not raw:
                continue
            decision = _normalise_decision(raw)
            if decision not in DECISIONS:
                raise InputError(f"unknown reviewer decision {raw!r}",
                                 hint="use one of: " + ", ".join(DECISIONS), location=f"{path}:row {n}")
            row_id = get("id")
            if not row_id:
                raise InputError("a reviewer decision on a row without an id",
                                 hint="keep the id column filled; it ties the row to its requirement",
                                 location=f"{path}:row {n}")
            req_id, sep, facet = row_id.partition(FACET_SEPARATOR)
            out.append({"id": req_id, "facet": facet if sep else None, "decision": decision,
                        "note": get("reviewer note")})
        return out
    finally:
        wb.close()
