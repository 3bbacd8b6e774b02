"""The library under the commands: each step of wsis-audit as a function over plain data and paths.

`cli.py` parses options, calls these and prints. From Python, an audit is five lines:

    from pipeline import api
    record = api.audit("draft.docx", ["council-res-1332.docx", "our-contribution.txt"])
    api.render(record, "audit-out", formats="html,xlsx")
    for r in record["requirements"]:
        print(r["source"]["label"], r["status"], [e["locator"] for e in r["evidence"]])

Every function raises a `pipeline.errors.WsisAuditError` (with its exit code and a one-line message) for bad input;
none prints, and none reads anything but the files it is given (and the shipped models and knowledge base).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .config import Config
from .errors import InputError
from .model import Document

Pathish = str | Path


def parse(path: Pathish, config: Config | None = None) -> Document:
    """A document (DOCX, PDF, text or Markdown) as blocks with provenance."""
    from .parse import parse_file

    return parse_file(path, config or Config())


def extract(document: Document | Pathish, config: Config | None = None):
    """The requirements of a mandate document (`extract.ExtractionResult`: requirements and warnings)."""
    from .extract import extract as run

    cfg = config or Config()
    doc = document if isinstance(document, Document) else parse(document, cfg)
    return run(doc, kb_files=cfg.kb_files)


def audit(report: Pathish, mandates: Iterable[Pathish], config: Config | None = None, *,
          model_dir: Pathish | None = None) -> dict:
    """The coverage record (coverage.json) of one report against its mandates. Unreadable mandates are listed under
    `failures` and the others audited; an unreadable report, or mandates that give no requirement, raise."""
    from .audit import audit as run
    from .audit import prepare
    from .judge.model import load_model

    cfg = config or Config()
    inputs = prepare(report, list(mandates), cfg)
    return run(inputs, cfg, load_model(model_dir) if model_dir else None)


def render(record: dict, out_dir: Pathish, formats: str | tuple[str, ...] = "all") -> list[Path]:
    """Write the record in the given formats ("json,html,docx,xlsx,md,csv" or "all") into out_dir, as one run under
    the folder's lock; returns the files written."""
    from .report import parse_formats, publish_formats

    fmts = parse_formats(formats) if isinstance(formats, str) else tuple(formats)
    return publish_formats(record, Path(out_dir), fmts).written


def load_coverage(path: Pathish, *, max_size_mb: float | None = None) -> dict:
    """A coverage.json read back and checked against its schema."""
    from .parse import read_bytes
    from .report.json_report import validate_coverage

    limit = max_size_mb if max_size_mb is not None else Config().max_size_mb
    data = read_bytes(path, max_bytes=int(limit * 1_000_000))
    try:
        record = json.loads(data.decode("utf-8"))
        validate_coverage(record)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"not a coverage.json: {str(exc).splitlines()[0][:160]}",
                         hint="give a coverage.json written by `wsis-audit audit`", location=str(path)) from None
    return record


def diff(old: dict | Pathish, new: dict | Pathish) -> dict:
    """Draft to draft: each requirement's change (newly addressed, regressed, …) and each proposal's wording taken
    over, grown or shrunk. Takes coverage records or the paths of their coverage.json."""
    from .diff import diff_records

    def record(x):
        return x if isinstance(x, dict) else load_coverage(x)

    return diff_records(record(old), record(new))


def write_diff(result: dict, out_dir: Pathish) -> list[Path]:
    """diff.html, diff.md and diff.json in out_dir, each written whole or not at all."""
    from .report._io import write_atomic
    from .report.html import render_diff_html
    from .report.markdown import render_diff_markdown

    out = Path(out_dir)
    return [write_atomic(out / "diff.html", render_diff_html(result)),
            write_atomic(out / "diff.md", render_diff_markdown(result)),
            write_atomic(out / "diff.json", json.dumps(result, ensure_ascii=False, indent=2) + "\n")]


def review(coverage: Pathish, requirement: str, decision: str, reason: str = "", *, facet: str = "",
           reviewer: str = "", config: Config | None = None) -> Path:
    """Record a reviewer's decision on a requirement (id or key) in decisions.csv beside the coverage.json; it is
    applied on every later run and rendering. Returns the decisions file."""
    from .review import DECISIONS_FILE, make_decision, update_decisions

    record = load_coverage(coverage, max_size_mb=(config or Config()).max_size_mb)
    path = Path(coverage).parent / DECISIONS_FILE
    update_decisions(path, [make_decision(record, requirement, decision, reason, facet=facet, reviewer=reviewer)])
    return path


def amendments(contribution: Pathish, final: Pathish, draft: Pathish | None = None,
               config: Config | None = None) -> dict:
    """What became of a contribution's amendments in the final text, and how much of each proposal's wording it
    takes over (amendments.json)."""
    from .amendments import run_amendments

    return run_amendments(contribution, final, draft, config or Config())


__all__ = ["amendments", "audit", "diff", "extract", "load_coverage", "parse", "render", "review", "write_diff"]
