"""Readable structure summaries of parsed documents (plain data; the CLI prints them)."""

from __future__ import annotations

from collections import Counter

from .model import BlockKind, Document


def document_summary(doc: Document) -> dict:
    """Sections with their block counts and list labels, block counts by kind, warnings."""
    sections: list[dict] = [{"heading": "(start)", "blocks": 0, "labels": []}]
    for b in doc.blocks:
        if b.kind is BlockKind.HEADING:
            sections.append({"heading": f"{b.label} {b.text}" if b.label else b.text, "blocks": 0, "labels": []})
            continue
        sections[-1]["blocks"] += 1
        if b.kind is BlockKind.LIST_ITEM and b.label:
            sections[-1]["labels"].append(b.label)
    if sections[0]["blocks"] == 0:
        sections.pop(0)
    kinds = Counter(b.kind.value for b in doc.blocks)
    return {"path": doc.path, "format": doc.format, "title": doc.title, "symbol": doc.symbol, "pages": doc.pages,
            "blocks": len(doc.blocks), "kinds": dict(sorted(kinds.items())), "sections": sections,
            "warnings": list(doc.warnings)}
