"""The coverage matrix of a batch: every requirement of the mandates against every report audited.

One row per requirement, one column per report; each cell gives the report's status for the requirement, its
confidence and a link to the evidence (the row in that report's report.html, else its coverage.json). Written
beside the reports' folders as matrix.json (schema: matrix.schema.json, beside coverage.schema.json), matrix.html
and matrix.xlsx. Built from the records alone, in the order the reports were given: the same records give the same
bytes, however the reports were run.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..model import STATUSES
from ._io import write_atomic

MATRIX_SCHEMA_VERSION = "1"
# The file each format writes beside the reports' folders; matrix.json is always written.
MATRIX_FILES = {"json": "matrix.json", "html": "matrix.html", "xlsx": "matrix.xlsx"}


def build_matrix(run, formats: tuple[str, ...]) -> dict:
    """The matrix of an audit run (batch.AuditRun) whose reports were written in `formats`."""
    members = run.members
    link = "report.html" if "html" in formats else "coverage.json" if "json" in formats else None
    rows: dict[str, dict] = {}
    reports = []
    first = next((m.shown for m in members if m.shown is not None), None)
    for m in members:
        entry = {"name": m.name, "path": str(m.path), "folder": m.name}
        if m.shown is None:
            error = m.error.to_dict() if m.error is not None else None
            reports.append({**entry, "audited": False, "sha256": None, "summary": None, "incomplete": None,
                            "error": error})
            continue
        rec = m.shown
        reports.append({**entry, "audited": True, "sha256": rec["report"]["sha256"],
                        "summary": {s: rec["summary"].get(s, 0) for s in rec["summary"]},
                        "incomplete": bool(rec["report"].get("incomplete")), "error": None})
        for r in rec["requirements"]:
            rows.setdefault(r["id"], _row(r))
    for row in rows.values():
        row["cells"] = [None] * len(members)
    for j, m in enumerate(members):
        if m.shown is None:
            continue
        for r in m.shown["requirements"]:
            ev = r.get("evidence") or []
            target = None if link is None else (f"{m.name}/{link}#{r['id']}" if link == "report.html"
                                                 else f"{m.name}/{link}")
            rows[r["id"]]["cells"][j] = {"status": r["status"], "confidence": r["confidence"],
                                         "evidence": target, "locator": ev[0]["locator"] if ev else None}
    counts = Counter(c["status"] for row in rows.values() for c in row["cells"] if c is not None)
    per_doc = Counter(r.source.document for r in run.mandates.requirements)
    return {
        "schema_version": MATRIX_SCHEMA_VERSION,
        "reports": reports,
        "mandates": [{"path": d.path, "sha256": d.sha256, "requirements": per_doc.get(d.path, 0)}
                     for d in run.mandates.mandates],
        "failures": [f.to_dict() for f in run.failures],
        "requirements": list(rows.values()),
        "summary": {"reports": len(members), "audited": sum(1 for m in members if m.shown is not None),
                    "failed": sum(1 for m in members if m.shown is None), "requirements": len(rows),
                    "cells": {s: counts.get(s, 0) for s in sorted(counts, key=_status_order)}},
        "run": (first or {}).get("run", {}),
    }


def _status_order(status: str) -> tuple[int, str]:
    return (STATUSES.index(status) if status in STATUSES else len(STATUSES), status)


def _row(r: dict) -> dict:
    src = r["source"]
    return {"id": r["id"], "key": r.get("key"), "document": src["document"], "label": src.get("label"),
            "clause_path": list(src.get("clause_path") or []), "kind": r["kind"], "actor": r["actor"],
            "actor_guess": r.get("actor_guess"), "text": r["text"]}


# ---------------------------------------------------------------- the schema


@lru_cache(maxsize=1)
def matrix_schema() -> dict:
    from importlib import resources

    return json.loads((resources.files("pipeline.report") / "matrix.schema.json").read_text(encoding="utf-8"))


def validate_matrix(matrix: dict) -> None:
    """Raise jsonschema.ValidationError when the matrix does not follow its published schema."""
    import jsonschema

    jsonschema.validate(matrix, matrix_schema())


def dumps(matrix: dict) -> str:
    return json.dumps(matrix, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- HTML


def render_matrix_html(matrix: dict) -> str:
    """One self-contained page: a row per requirement, a column per report, each cell a badge linking to the
    evidence."""
    from markupsafe import Markup

    from ..resources import asset
    from .html import _environment

    reports = matrix["reports"]
    title = f"Coverage matrix: {matrix['summary']['requirements']} requirements in {len(reports)} reports"
    by_doc: dict[str, list[dict]] = {}
    for row in matrix["requirements"]:
        by_doc.setdefault(row["document"], []).append(row)
    # The report's style sheet, then the matrix's own: both our files, inlined as they are (not escaped).
    css = Markup(asset("report.css") + asset("matrix.css"))
    return _environment().get_template("matrix.html.j2").render(css=css, script="", title=title, matrix=matrix,
                                                                 reports=reports, groups=by_doc, STATUS_ORDER=STATUSES)


# ---------------------------------------------------------------- Excel


def build_matrix_workbook(matrix: dict):
    """Sheets "Status" (a column per report, each cell linked to its evidence), "Confidence" and "Reports"."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    from .markdown import STATUS_FILLS
    from .xlsx import FIXED_TIME, HEADER_FILL, _put

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "wsis-audit"
    wb.properties.title = "Coverage matrix"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    bold, header_fill = Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL)
    fills = {s: PatternFill("solid", fgColor=c) for s, c in STATUS_FILLS.items()}
    names = [r["name"] for r in matrix["reports"]]
    fixed = ("document", "label", "actor", "kind", "requirement")
    for sheet, value in (("Status", lambda c: c["status"]), ("Confidence", lambda c: c["confidence"])):
        ws = wb.active if sheet == "Status" else wb.create_sheet(sheet)
        ws.title = sheet
        for j, head in enumerate((*fixed, *names), start=1):
            cell = _put(ws, 1, j, head)
            cell.font, cell.fill = bold, header_fill
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        for i, row in enumerate(matrix["requirements"], start=2):
            actor = row["actor"] or (f"{row['actor_guess']} (a guess)" if row.get("actor_guess") else "unknown")
            for j, v in enumerate((Path(row["document"]).name, row["label"] or "", actor, row["kind"], row["text"]),
                                  start=1):
                _put(ws, i, j, v).alignment = Alignment(vertical="top", wrap_text=j == len(fixed))
            for j, cell_data in enumerate(row["cells"], start=len(fixed) + 1):
                if cell_data is None:
                    _put(ws, i, j, "failed" if sheet == "Status" else None)
                    continue
                cell = _put(ws, i, j, value(cell_data))
                cell.alignment = Alignment(vertical="top")
                if cell_data["status"] in fills:
                    cell.fill = fills[cell_data["status"]]
                if sheet == "Status" and cell_data["evidence"]:
                    cell.hyperlink = cell_data["evidence"]
                if sheet == "Confidence":
                    cell.number_format = "0.00"
        ws.freeze_panes = ws.cell(2, len(fixed) + 1)
        for letter, width in zip("ABCDE", (24, 8, 20, 11, 60)):
            ws.column_dimensions[letter].width = width
    ws = wb.create_sheet("Reports")
    head = ("report", "path", "audited", *STATUSES, "error")
    for j, h in enumerate(head, start=1):
        cell = _put(ws, 1, j, h)
        cell.font, cell.fill = bold, header_fill
    for i, r in enumerate(matrix["reports"], start=2):
        summary = r["summary"] or {}
        error = r["error"]
        values = (r["name"], r["path"], "yes" if r["audited"] else "no", *(summary.get(s) for s in STATUSES),
                  f"{error['message']} ({error['hint']})" if error else "")
        for j, v in enumerate(values, start=1):
            _put(ws, i, j, v)
    ws.column_dimensions["A"].width = 24
    ws.column_dimensions["B"].width = 40
    return wb


def matrix_xlsx_bytes(matrix: dict) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    from .xlsx import stable_zip

    buf = io.BytesIO()
    # ExcelWriter directly: openpyxl's save() stamps the current time into the document properties.
    ExcelWriter(build_matrix_workbook(matrix), zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return stable_zip(buf.getvalue())


# ---------------------------------------------------------------- writing


def write_matrix(matrix: dict, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """matrix.json, and matrix.html and matrix.xlsx when those formats are asked for, into out_dir."""
    validate_matrix(matrix)
    out = [write_atomic(Path(out_dir) / MATRIX_FILES["json"], dumps(matrix))]
    if "html" in formats:
        out.append(write_atomic(Path(out_dir) / MATRIX_FILES["html"], render_matrix_html(matrix)))
    if "xlsx" in formats:
        out.append(write_atomic(Path(out_dir) / MATRIX_FILES["xlsx"], matrix_xlsx_bytes(matrix)))
    return out


def publish_matrix(run, out_dir: Path, formats: tuple[str, ...]) -> tuple[dict, list[Path]]:
    """Build the run's matrix and move its files into out_dir as one step, under the folder's lock."""
    from ._io import publish

    matrix = build_matrix(run, formats)
    published = publish(Path(out_dir), lambda stage: write_matrix(matrix, stage, formats),
                        owned=tuple(MATRIX_FILES.values()))
    return matrix, list(published.written)


__all__ = ["MATRIX_FILES", "build_matrix", "publish_matrix", "render_matrix_html", "validate_matrix",
           "write_matrix"]
