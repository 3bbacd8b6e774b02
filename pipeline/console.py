"""What the commands print on a terminal: tables of documents, requirements, statuses, batches, diffs, amendments.

Each function takes the console to print on (`cli.py` owns standard output and standard error and decides, with
--quiet, whether to call them), so the wording of the terminal lives in one place.
"""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from .model import STATUSES

# Rich styles of the statuses; not_applicable comes only from a reviewer's decision.
STATUS_STYLE = {"addressed": "green", "partial": "yellow", "not_addressed": "red", "manual_check": "cyan",
                "not_applicable": "dim"}


def clip(text: str | None, n: int) -> str:
    """The text cut to n characters, with an ellipsis when cut; '' for None."""
    text = text or ""
    return text if len(text) <= n else text[: n - 1] + "…"


def _table(*columns: str, right: tuple[str, ...] = ()) -> Table:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in columns:
        table.add_column(col, overflow="fold", justify="right" if col in right else "left")
    return table


def print_document(out: Console, s: dict) -> None:
    """`parse`: a document's format, counts, warnings and sections with their first list labels."""
    out.print(f"[bold]{s['path']}[/bold]  {s['format']}, {s['blocks']} blocks"
              + (f", {s['pages']} pages" if s.get("pages") else "")
              + (f"  symbol {s['symbol']}" if s.get("symbol") else ""))
    if s.get("title"):
        out.print(f"  title: {s['title']}", markup=False)
    out.print("  " + ", ".join(f"{k} {v}" for k, v in s["kinds"].items()), markup=False)
    for w in s["warnings"]:
        out.print(f"  warning: {w}", markup=False)
    table = _table("section", "blocks", "first list items", right=("blocks",))
    for sec in s["sections"]:
        table.add_row(sec["heading"], str(sec["blocks"]), ", ".join(sec["labels"][:8]))
    out.print(table)


def print_requirements(out: Console, ex) -> None:
    """`extract`: a document's requirements, one row each (procedural ones starred)."""
    out.print(f"[bold]{ex.document}[/bold]  {len(ex.requirements)} requirements")
    for w in ex.warnings:
        out.print(f"  warning: {w}", markup=False)
    table = _table("source", "label", "actor", "kind", "text")
    for r in ex.requirements:
        facets = f" [{len(r.facets)} facets]" if r.facets else ""
        source = r.quoted_from or (r.source.clause_path[0] if r.source.clause_path else "")
        table.add_row(source, r.source.label or "", r.actor or (f"unknown (guess: {r.actor_guess})" if r.actor_guess
                                                                else "unknown"),
                      r.kind.value + ("*" if r.checkability.value == "procedural" else ""),
                      clip(r.text, 90) + facets)
    out.print(table)
    if any(r.checkability.value == "procedural" for r in ex.requirements):
        out.print("  * procedural: a report's text cannot show it", markup=False)


def print_coverage(out: Console, record: dict) -> None:
    """`audit`: each requirement's status, confidence and first evidence, then the counts."""
    table = _table("source", "label", "actor", "status", "conf.", "evidence")
    for r in record["requirements"]:
        ev = r["evidence"][0]["locator"] if r["evidence"] else ""
        src = r["source"]["clause_path"][0] if r["source"]["clause_path"] else r["source"]["document"]
        style = STATUS_STYLE[r["status"]]
        table.add_row(clip(src, 30), r["source"]["label"] or "", clip(r["actor"] or (f"unknown (guess: {r['actor_guess']})" if r.get("actor_guess") else "unknown"), 28),
                      f"[{style}]{r['status']}[/{style}]", f"{r['confidence']:.2f}", ev)
    out.print(table)
    out.print("summary: " + ", ".join(f"{k} {v}" for k, v in record["summary"].items()), markup=False)
    if record["report"].get("incomplete"):
        out.print("warning: part of the report could not be read; see report.warnings", markup=False)


def print_batch(out: Console, run) -> None:
    """`audit` of several reports: one row per report (its folder, its statuses, computed, cached or failed)."""
    table = _table("report", "folder", *STATUSES, "result", right=STATUSES)
    for m in run.members:
        if m.shown is None:
            table.add_row(str(m.path), "", *("" for _ in STATUSES), f"failed (exit {m.error.code})")
            continue
        s = m.shown["summary"]
        result = ("audited" if m.computed else "from the cache") + (
            f", {len(m.written)} file(s) written" if m.written else ", outputs up to date")
        table.add_row(str(m.path), str(m.folder), *(str(s.get(k, 0)) for k in STATUSES), result)
    out.print(table)
    total = len(run.members)
    failed = sum(1 for m in run.members if m.shown is None)
    out.print(f"{total - failed} of {total} reports audited" + (f"; {failed} failed" if failed else ""), markup=False)


def print_files(out: Console, err: Console, *, written=(), kept=(), removed=(), quiet: bool = False) -> None:
    """The files a run wrote, those already up to date, and (always, on err) those of an earlier run it removed."""
    for p in removed:
        err.print(f"removed {p} (from an earlier run)", markup=False)
    if quiet:
        return
    for p in written:
        out.print(f"wrote {p}", markup=False)
    for p in kept:
        out.print(f"up to date {p}", markup=False)


def print_diff(out: Console, result: dict) -> None:
    """`diff`: the counts, one row per changed requirement, and whose wording grew or shrank."""
    out.print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in result["summary"].items()), markup=False)
    table = _table("change", "source", "label", "actor", "old", "new", "requirement")
    for c in result["changes"]:
        table.add_row(c["change"], Path(c["source_document"]).name, c["label"] or "", clip(c["actor"], 24),
                      c["old_status"] or "-", c["new_status"] or "-", clip(c["text"], 70))
    out.print(table)
    if result["reflections"]:
        out.print("wording taken over: " + ", ".join(f"{k} {v}" for k, v in result["reflection_summary"].items()),
                  markup=False)
    for c in result["reflections"]:
        if c["trend"] in ("grew", "shrank"):
            out.print(f"  {c['trend']}: {Path(c['source_document']).name} {c['label'] or ''} "
                      f"{c['old_reflection']:.0%} -> {c['new_reflection']:.0%}", markup=False)


def print_amendments(out: Console, record: dict) -> None:
    """`amendments`: one row per amendment (outcome, where, why), then each proposal's wording taken over."""
    table = _table("amendment", "form", "outcome", "where", "why")
    for a in record["amendments"]:
        table.add_row(a["label"], a["form"], a["outcome"].replace("_", " "),
                      "; ".join(w["locator"] for w in a["where"]) or "-", clip(a["rationale"], 60))
    out.print(table)
    for p in record["proposals"]:
        out.print(f"{p['label'] or p['locator']}: {p['final']['score']:.0%} of its wording taken over", markup=False)


__all__ = ["STATUS_STYLE", "clip", "print_amendments", "print_batch", "print_coverage", "print_diff",
           "print_document", "print_files", "print_requirements"]
