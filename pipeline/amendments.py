"""The `amendments` run: a contribution's proposed amendments and proposals against a final text (and a draft)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from .config import Config
from .extract import EXTRACTOR_VERSION, extract
from .parse import PARSER_VERSIONS, parse_file, read_and_parse
from .reflect.amendments import Amendment, read_amendments
from .reflect.record import amendments_record
from .reflect.tracked import tracked_amendments


def contribution_amendments(path: str | Path, config: Config):
    """The contribution parsed, and every amendment it proposes: marks, prose instructions and, in a Word file,
    its tracked changes (one per paragraph, unless a mark already covers that paragraph)."""
    data, doc = read_and_parse(path, config)
    lines = None
    if doc.format in ("text", "markdown"):  # Word's text export keeps a comments table's cells apart by TABs
        from .parse.detect import decode_text

        lines = decode_text(data)[0].replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = list(read_amendments(doc, lines=lines))
    if doc.format == "docx":
        for t in tracked_amendments(data, doc):
            marked = [n for n, a in enumerate(found) if _overlap(t, a)]
            if not marked:
                found.append(t)
            elif found[marked[0]].form == "modify":  # "MOD 9" over a paragraph with tracked changes: its versions
                found[marked[0]] = replace(found[marked[0]], old=t.old, new=t.new)
    return doc, tuple(sorted(found, key=lambda a: (a.start, a.end)))


def _overlap(a: Amendment, b: Amendment) -> bool:
    return a.start < b.end and b.start < a.end


def run_amendments(contribution: str | Path, final: str | Path, draft: str | Path | None, config: Config) -> dict:
    """amendments.json for the three files (any unreadable one raises its InputError with its exit code)."""
    doc, found = contribution_amendments(contribution, config)
    final_doc = parse_file(final, config)
    draft_doc = parse_file(draft, config) if draft is not None else None
    requirements = extract(doc, kb_files=config.kb_files).requirements
    versions = {"parsers": PARSER_VERSIONS, "extractor": EXTRACTOR_VERSION}
    return amendments_record(doc, found, requirements, final_doc, draft_doc, versions=versions)


__all__ = ["contribution_amendments", "run_amendments"]
