"""The `amendments` command's outputs: amendments.json and the same record as HTML, Word, Excel, Markdown and CSV."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ._io import write_atomic
from .csv_report import as_text
from .markdown import _marked, _row, document_name, sha_short

OUTCOME_WORDS = {"adopted": "Adopted", "adopted_with_changes": "Adopted with changes", "not_adopted": "Not adopted",
                 "manual_check": "Manual check"}
OUTPUT_FILES = {"json": "amendments.json", "html": "amendments.html", "docx": "amendments.docx",
                "xlsx": "amendments.xlsx", "md": "amendments.md", "csv": "amendments.csv"}
CSV_COLUMNS = ("id", "label", "form", "target", "locator", "outcome", "inserted_kept", "deleted_gone", "where",
               "rationale", "text")


def write_amendments(record: dict, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Each requested format into out_dir, each file written whole or not at all."""
    writers = {"json": _json, "html": render_amendments_html, "docx": _docx, "xlsx": _xlsx,
               "md": render_amendments_markdown, "csv": _csv}
    out = []
    for f in formats:
        data = writers[f](record)
        out.append(write_atomic(Path(out_dir) / OUTPUT_FILES[f], data,
                                **({"encoding": "utf-8-sig"} if f == "csv" else {})))
    return out


def _json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def _where(a: dict) -> str:
    return "; ".join(w["locator"] for w in a["where"]) or "nowhere"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def render_amendments_markdown(record: dict) -> str:
    """The record as Markdown: counts, a table of amendments, each amendment's words, each proposal's reflection."""
    c, f = record["contribution"], record["final"]
    lines = [f"# Amendments of {document_name(c['path'])} in {document_name(f['path'])}", "",
             f"Contribution `{document_name(c['path'])}` (sha256 `{sha_short(c['sha256'])}`); final text "
             f"`{document_name(f['path'])}` (sha256 `{sha_short(f['sha256'])}`)"
             + (f"; draft `{document_name(record['draft']['path'])}`" if record.get("draft") else "") + ".", ""]
    lines += [f"> **Warning:** {w}" for w in record["warnings"]] + ([""] if record["warnings"] else [])
    lines += ["Summary: " + ", ".join(f"{n} {OUTCOME_WORDS[k].lower()}" for k, n in record["summary"].items()) + ".",
              "", _row(["Amendment", "Form", "Outcome", "New words in", "Removed words gone", "Where"]),
              "|---|---|---|---:|---:|---|"]
    for a in record["amendments"]:
        lines.append(_row([a["label"], a["form"], OUTCOME_WORDS[a["outcome"]], _share(a["inserted_kept"]),
                           _share(a["deleted_gone"]), _where(a)]))
    lines += ["", "**bold**: in the final text; *italic*: changed; ~~struck~~: not in the final text.", ""]
    for a in record["amendments"]:
        lines += [f"## {a['label']}: {OUTCOME_WORDS[a['outcome']].lower()}", "", f"_{a['rationale']}._", ""]
        if a["differences"]:
            lines += [f"- As proposed: {_marked(a['differences'])}"]
        for w in a["where"]:
            lines += [f"- Final text, {w['locator']}: {_marked(w['words'])}"]
        lines.append("")
    if record["proposals"]:
        lines += ["## Wording of the proposals taken over", "",
                  _row(["Proposal", "Final text", *(["Draft"] if record.get("draft") else []), "Where"]),
                  "|---|---:|" + ("---:|" if record.get("draft") else "") + "---|"]
        for p in record["proposals"]:
            draft = [_share(p["draft"]["score"])] if record.get("draft") else []
            lines.append(_row([p["label"] or p["locator"], _share(p["final"]["score"]), *draft,
                               "; ".join(s["locator"] for s in p["final"]["spans"]) or "nowhere"]))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def render_amendments_html(record: dict) -> str:
    """One self-contained page (the report's style sheet, no script)."""
    from .html import _render

    title = (f"Amendments of {document_name(record['contribution']['path'])} in "
             f"{document_name(record['final']['path'])}")
    return _render("amendments.html.j2", script="", title=title, record=record)


def _csv(record: dict) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for a in record["amendments"]:
        row = {k: a.get(k) for k in CSV_COLUMNS}
        row.update(where=_where(a), inserted_kept="" if a["inserted_kept"] is None else f"{a['inserted_kept']:.2f}",
                   deleted_gone="" if a["deleted_gone"] is None else f"{a['deleted_gone']:.2f}",
                   target=a["target"] or "")
        writer.writerow({k: as_text(v) for k, v in row.items()})
    return buf.getvalue()


def _xlsx(record: dict) -> bytes:
    """Sheets 'Amendments' and 'Proposals', the marked words as rich text."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.writer.excel import ExcelWriter
    import zipfile

    from .xlsx import FIXED_TIME, _put, _rich, stable_zip

    wb = Workbook()
    wb.properties.creator = wb.properties.lastModifiedBy = "wsis-audit"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    ws = wb.active
    ws.title = "Amendments"
    ws.append(["id", "amendment", "form", "target", "outcome", "new words in", "removed words gone", "as proposed",
               "where", "in the final text", "rationale"])
    top = Alignment(vertical="top", wrap_text=True)
    for a in record["amendments"]:
        n = ws.max_row + 1
        for col, value in enumerate((a["id"], a["label"], a["form"], a["target"] or "", OUTCOME_WORDS[a["outcome"]],
                                     a["inserted_kept"], a["deleted_gone"]), start=1):
            _put(ws, n, col, "" if value is None else value)
        if a["differences"]:
            ws.cell(n, 8).value = _rich(a["differences"])
        _put(ws, n, 9, _where(a))
        if a["where"]:
            ws.cell(n, 10).value = _rich([w for span in a["where"] for w in span["words"]])
        _put(ws, n, 11, a["rationale"])
        for col in range(1, 12):
            ws.cell(n, col).alignment = top
        for col in (6, 7):
            ws.cell(n, col).number_format = "0%"
    for letter, width in zip("ABCDEFGHIJK", (20, 22, 9, 8, 18, 10, 10, 50, 14, 50, 40)):
        ws.column_dimensions[letter].width = width
    ps = wb.create_sheet("Proposals")
    ps.append(["id", "proposal", "kind", "wording taken over", "proposal (kept, changed, dropped)", "where"])
    for p in record["proposals"]:
        n = ps.max_row + 1
        for col, value in enumerate((p["id"], p["label"] or p["locator"], p["kind"], p["final"]["score"]), start=1):
            _put(ps, n, col, value)
        ps.cell(n, 4).number_format = "0%"
        ps.cell(n, 5).value = _rich(p["final"]["words"])
        _put(ps, n, 6, "; ".join(s["locator"] for s in p["final"]["spans"]) or "nowhere")
    for sheet in (ws, ps):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED)).save()
    return stable_zip(buf.getvalue())


def _docx(record: dict) -> bytes:
    """A Word document: the summary table, then each amendment with its words marked, then the proposals."""
    from .docx_report import _marked_words, marked_paragraph
    from .docx_style import _add_row, _table, _template
    from .xlsx import FIXED_TIME, stable_zip

    doc = _template()
    props = doc.core_properties
    props.title = f"Amendments of {document_name(record['contribution']['path'])}"
    props.author = props.last_modified_by = "wsis-audit"
    props.created = props.modified = props.last_printed = FIXED_TIME
    props.revision = 1
    doc.add_heading(props.title + f" in {document_name(record['final']['path'])}", level=1)
    for w in record["warnings"]:
        doc.add_paragraph(f"Warning: {w}")
    widths = (4.0, 3.5, 2.5, 7.0)
    table = _table(doc, ["Amendment", "Outcome", "Where", "Why"], widths)
    for a in record["amendments"]:
        _add_row(doc, table, [a["label"], OUTCOME_WORDS[a["outcome"]], _where(a), a["rationale"]], widths)
    doc.add_paragraph("In bold the words the final text has, in italics those it changed, struck through those it "
                      "does not have; underlined, the final text's own words.")
    for a in record["amendments"]:
        doc.add_heading(f"{a['label']}: {OUTCOME_WORDS[a['outcome']].lower()}", level=2)
        if a["differences"]:
            marked_paragraph(doc, "As proposed: ", a["differences"])
        for w in a["where"]:
            marked_paragraph(doc, f"Final text, {w['locator']}: ", w["words"])
    if record["proposals"]:
        doc.add_heading("Wording of the proposals taken over", level=1)
        for prop in record["proposals"]:
            rf = prop["final"]
            p = doc.add_paragraph()
            p.add_run(f"{prop['label'] or prop['locator']} ({rf['score']:.0%} taken over): ").bold = True
            _marked_words(p, rf["words"])
            for s in rf["spans"]:
                marked_paragraph(doc, f"Final text, {s['locator']}: ", s["words"])
    buf = io.BytesIO()
    doc.save(buf)
    return stable_zip(buf.getvalue())


__all__ = ["OUTPUT_FILES", "render_amendments_html", "render_amendments_markdown", "write_amendments"]
