"""The requirements whose wording is measured in a report, and their `reflection` in coverage.json."""

from __future__ import annotations

from ..model import Document, Reflection, Requirement, RequirementKind, to_plain
from .align import Index, reflect

# Bumped whenever a reflection or an amendment outcome could come out differently (cache keys, run.versions).
REFLECTION_VERSION = "reflect/2"
# The kinds whose wording a delegation wants to see taken over (config `reflection = "proposals"`).
PROPOSING = (RequirementKind.PROPOSAL, RequirementKind.EXPECTATION)


def reflect_requirements(requirements: tuple[Requirement, ...] | list[Requirement], doc: Document | Index,
                         which: str = "proposals") -> dict[str, Reflection]:
    """The reflection of each chosen requirement's wording in `doc` (or its Index, made once by the caller), by
    requirement id ("proposals", "all", "none")."""
    chosen = [r for r in requirements if which == "all" or (which == "proposals" and r.kind in PROPOSING)]
    if not chosen:
        return {}
    index = doc if isinstance(doc, Index) else Index.of(doc)
    return {r.id: reflect(r.text, index) for r in chosen}


def reflection_record(reflection: Reflection | None) -> dict | None:
    """coverage.json's `reflection` of one requirement (null when it was not measured)."""
    if reflection is None:
        return None
    return {"score": reflection.score, "content_words": reflection.content_words, "kept": reflection.kept,
            "changed": reflection.changed, "dropped": reflection.dropped,
            "words": to_plain(reflection.source_view),
            "spans": [{"locator": str(s.locator), "block_id": s.block_id, "span": [s.start, s.end], "text": s.text,
                       "heading_trail": list(s.heading_trail), "proposal_span": [s.source_start, s.source_end],
                       "kept": s.kept, "words": to_plain(s.view)} for s in reflection.spans]}


__all__ = ["PROPOSING", "REFLECTION_VERSION", "reflect_requirements", "reflection_record"]
