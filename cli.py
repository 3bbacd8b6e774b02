"""wsis-audit command line: argument handling and printing only; the work is in `pipeline`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

from pipeline.config import Config, load_config
from pipeline.errors import ExitCode, WsisAuditError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Check a report against the instructions, proposals and expectations of its mandate documents.")
# Piped output gets a wide fixed width so tables stay readable in files and logs.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    config: Config = Config()
    quiet: bool = False
    debug: bool = False


state = State()


@app.callback()
def _main(
    config: Annotated[Optional[Path], typer.Option("--config", help="TOML file with settings (see README).")] = None,
    max_size_mb: Annotated[Optional[float], typer.Option("--max-size-mb", help="Largest input file accepted.")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", help="Cache parsed documents here.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    """Global options come before the command: wsis-audit --quiet parse FILE."""
    state.debug = debug
    state.quiet = quiet
    state.config = _guard(lambda: load_config(config, max_size_mb=max_size_mb,
                                              cache_dir=str(cache_dir) if cache_dir else None))


def _guard(fn):
    """Run fn; turn project errors into one line and the documented exit code."""
    try:
        return fn()
    except WsisAuditError as exc:
        if state.debug:
            raise
        err.print(exc.line(), markup=False)
        raise typer.Exit(exc.code) from None


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def _report_failures(failures) -> int:
    for f in failures:
        err.print(f.line(), markup=False)
    return failures[0].code if failures else ExitCode.OK


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(help="DOCX, PDF or text files.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the full document model here.")] = None,
) -> None:
    """Parse documents into blocks with provenance and print a structure summary.

    Example: wsis-audit parse report.docx contribution.txt --json parsed.json
    """
    from pipeline.parse import parse_many
    from pipeline.summary import document_summary

    result = parse_many(list(files), state.config)
    if not state.quiet:
        for doc in result.documents:
            _print_summary(document_summary(doc))
    if json_out:
        _write_json(json_out, {"schema_version": "1", "documents": [d.to_dict() for d in result.documents],
                               "failures": [f.to_dict() for f in result.failures]})
    raise typer.Exit(_report_failures(result.failures))


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Mandate documents: resolutions, contributions, target lists.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", help="Write the full requirement records here.")] = None,
) -> None:
    """Extract every instruction, proposal, expectation and target, with actor, label and facets.

    Example: wsis-audit extract council-res-1332.docx contribution.txt --json requirements.json
    """
    from pipeline.extract import extract_many

    result = extract_many(list(files), state.config)
    if not state.quiet:
        for ex in result.extractions:
            _print_requirements(ex)
    if json_out:
        _write_json(json_out, result.to_dict())
    raise typer.Exit(_report_failures(result.failures))


def _print_requirements(ex) -> None:
    out.print(f"[bold]{ex.document}[/bold]  {len(ex.requirements)} requirements")
    for w in ex.warnings:
        out.print(f"  warning: {w}", markup=False)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("source", "label", "actor", "kind", "text"):
        table.add_column(col, overflow="fold")
    for r in ex.requirements:
        facets = f" [{len(r.facets)} facets]" if r.facets else ""
        table.add_row(r.source.clause_path[0] if r.source.clause_path else "", r.source.label or "", r.actor,
                      r.kind.value + ("*" if r.checkability.value == "procedural" else ""),
                      _clip(r.text, 90) + facets)
    out.print(table)
    if any(r.checkability.value == "procedural" for r in ex.requirements):
        out.print("  * procedural: a report's text cannot show it", markup=False)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _print_summary(s: dict) -> None:
    out.print(f"[bold]{s['path']}[/bold]  {s['format']}, {s['blocks']} blocks"
              + (f", {s['pages']} pages" if s.get("pages") else "")
              + (f"  symbol {s['symbol']}" if s.get("symbol") else ""))
    if s.get("title"):
        out.print(f"  title: {s['title']}", markup=False)
    counts = ", ".join(f"{k} {v}" for k, v in s["kinds"].items())
    out.print(f"  {counts}", markup=False)
    for w in s["warnings"]:
        out.print(f"  warning: {w}", markup=False)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("section")
    table.add_column("blocks", justify="right")
    table.add_column("first list items")
    for sec in s["sections"]:
        table.add_row(sec["heading"], str(sec["blocks"]), ", ".join(sec["labels"][:8]))
    out.print(table)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)


if __name__ == "__main__":
    main()
