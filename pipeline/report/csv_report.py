"""requirements.csv: one row per requirement, for spreadsheets and scripts."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ._io import write_atomic
from .markdown import all_evidence, document_name, locators

COLUMNS = ("id", "source_document", "label", "clause_path", "kind", "actor", "actor_guess", "actor_printed", "quoted_from",
           "checkability", "status", "confidence", "facets", "evidence_locators", "evidence", "reflection",
           "reflection_locators", "text")


def csv_rows(record: dict) -> list[dict]:
    """The CSV rows as dicts keyed by COLUMNS, in record order."""
    rows = []
    for r in record["requirements"]:
        src, facets, evidence = r["source"], r.get("facets", []), all_evidence(r)
        done = sum(f["status"] == "addressed" for f in facets)
        rows.append({
            "id": r["id"], "source_document": document_name(src["document"]), "label": src.get("label") or "",
            "clause_path": " > ".join(src.get("clause_path") or []), "kind": r["kind"], "actor": r["actor"] or "",
            "actor_guess": r.get("actor_guess") or "",
            "actor_printed": r.get("actor_printed") or "", "quoted_from": r.get("quoted_from") or "",
            "checkability": r["checkability"], "status": r["status"], "confidence": f"{r['confidence']:.2f}",
            "facets": f"{done}/{len(facets)}" if facets else "",
            "evidence_locators": "; ".join(locators(evidence)),
            "evidence": evidence[0]["text"] if evidence else "",
            "reflection": f"{rf['score']:.2f}" if (rf := r.get("reflection")) else "",
            "reflection_locators": "; ".join(dict.fromkeys(s["locator"] for s in rf["spans"])) if rf else "",
            "text": r["text"],
        })
    return rows


# A cell that starts with one of these is a formula to Excel, LibreOffice and Google Sheets (OWASP, "CSV
# Injection"); the file carries a BOM so that Excel opens it directly. A leading apostrophe shows it as text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def as_text(value: object) -> object:
    """A cell value that a spreadsheet shows as text, never evaluates."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def render_csv(record: dict) -> str:
    """The CSV text (without the BOM, which write_csv adds for Excel); no cell starts a formula."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS, quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows({k: as_text(v) for k, v in row.items()} for row in csv_rows(record))
    return buf.getvalue()


def write_csv(record: dict, out_dir: Path) -> Path:
    """Write OUT/requirements.csv atomically, UTF-8 with a BOM so Excel shows accented text right."""
    return write_atomic(Path(out_dir) / "requirements.csv", render_csv(record), encoding="utf-8-sig")
