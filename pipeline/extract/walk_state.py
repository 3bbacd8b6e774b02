"""The walk's data: the chapeau (or preamble) in force, and the candidate requirements the walk emits."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document, RequirementKind
from .clauses import Segment

SECRETARIAT = "Secretariat"


@dataclass(slots=True)
class _Context:
    """The operative chapeau (or preamble) currently in force."""

    mode: str  # "operative" | "preamble"
    verb: str | None = ""  # None: the chapeau is not in the text (a missing page)
    actor: str | None = ""
    printed: str | None = None
    chapeau: str = ""
    source: str = ""
    quoted: bool = False  # the chapeau cites another instrument: its items are quoted from it
    last_number: str | None = None
    last_text: str = ""
    last_letter: str | None = None
    letter_actor: tuple[str | None, str | None] | None = None
    number_actor: tuple[str | None, str | None] | None = None  # who a numbered "that X shall:" decision names
    outer: "_Context | None" = None  # "(b) that the Group shall: (i) …": the chapeau in force before it
    outer_next: str | None = None  # the letter that returns to it ("(c)")
    kind: RequirementKind | None = None  # "the Working Group shall:" sets expectations, not an operative verb
    own_item: str | None = None  # a UN paragraph with sub-items: only its own sub-items inherit it
    opens_items: bool = False  # the paragraph that set it ends with a colon: items follow
    sub_of: str | None = None  # "2" for "(a) Decides …" under "2. Decides …, and in that regard:"


@dataclass(slots=True)
class Candidate:
    seg_start: int  # absolute offsets in document text
    seg_end: int
    segment: Segment
    kind: RequirementKind
    actor: str | None
    label: str | None
    clause_path: tuple[str, ...]
    statement: str
    printed: str | None = None
    quoted_from: str | None = None
    extra: dict = field(default_factory=dict)


def source_name(document: Document) -> str:
    for candidate in (document.symbol, document.title):
        if candidate and re.search(r"resolution|res\.|A/RES", candidate, re.IGNORECASE):
            return candidate
    return document.symbol or document.title or document.path.rsplit("/", 1)[-1]
