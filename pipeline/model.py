"""The data that passes between stages: frozen, picklable, with provenance.

Vocabulary: document -> block -> requirement -> passage -> evidence -> assessment.
Ids are derived from content (sha1 of stable fields), never random.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any


def content_id(prefix: str, *parts: object, length: int = 12) -> str:
    """A short deterministic id from the given parts."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}-{h[:length]}"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    FOOTNOTE = "footnote"


@dataclass(frozen=True, slots=True, kw_only=True)
class Locator:
    """Where a block sits in its source: page (PDF), paragraph index (DOCX), line (text); 1-based."""

    page: int | None = None
    paragraph: int | None = None
    line: int | None = None

    def __post_init__(self) -> None:
        for name in ("page", "paragraph", "line"):
            value = getattr(self, name)
            if value is not None and value < 1:
                raise ValueError(f"locator {name} must be >= 1, got {value}")

    def __str__(self) -> str:
        parts = []
        if self.page is not None:
            parts.append(f"p. {self.page}")
        if self.paragraph is not None:
            parts.append(f"para. {self.paragraph}")
        if self.line is not None:
            parts.append(f"line {self.line}")
        return ", ".join(parts) or "-"


@dataclass(frozen=True, slots=True, kw_only=True)
class Block:
    """A parsed unit of a document (heading, paragraph, list item, table cell, footnote)."""

    id: str
    kind: BlockKind
    text: str
    start: int
    end: int
    locator: Locator
    level: int | None = None  # heading level, or list nesting level (1-based)
    label: str | None = None  # list or heading label as a reader sees it: "6", "2.1", "a)"
    heading_trail: tuple[str, ...] = ()
    table: tuple[int, int, int] | None = None  # (table, row, column) for table cells, 0-based

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}..{self.end} does not fit text of length {len(self.text)}")
        if not self.text.strip():
            raise ValueError("a block must have text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """A parsed document: its blocks and the text their spans index."""

    path: str
    sha256: str
    format: str  # docx | pdf | text | markdown
    text: str
    blocks: tuple[Block, ...]
    title: str | None = None
    symbol: str | None = None
    pages: int | None = None
    parser: str = ""
    warnings: tuple[str, ...] = ()
    # Parts whose text could not be read (scanned pages, text boxes): later stages must not take their
    # silence for the report's silence.
    missing: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for b in self.blocks:
            if self.text[b.start:b.end] != b.text:
                raise ValueError(f"block {b.id} span does not index the document text")

    def to_dict(self) -> dict[str, Any]:
        return to_plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        blocks = tuple(
            Block(**{**b, "kind": BlockKind(b["kind"]), "locator": Locator(**b["locator"]),
                     "heading_trail": tuple(b["heading_trail"]),
                     "table": tuple(b["table"]) if b.get("table") else None})
            for b in data["blocks"]
        )
        return cls(**{**data, "blocks": blocks, "warnings": tuple(data.get("warnings", ())),
                      "missing": tuple(data.get("missing", ()))})


class RequirementKind(StrEnum):
    INSTRUCTION = "instruction"
    DECISION = "decision"
    PROPOSAL = "proposal"
    EXPECTATION = "expectation"
    INVITATION = "invitation"
    TARGET = "target"


# The kinds of requirement as a reader sees them, in this order.
KIND_LABELS = {"instruction": "Instruction", "decision": "Decision", "proposal": "Proposal",
               "expectation": "Expectation", "invitation": "Invitation", "target": "Target"}
assert tuple(KIND_LABELS) == tuple(k.value for k in RequirementKind)


class Checkability(StrEnum):
    CONTENT = "content"  # a report's text can show it
    PROCEDURAL = "procedural"  # dates, circulation, meetings, invitations: the text cannot show it


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    """Provenance of a requirement: document, locator, original label and clause path."""

    document: str
    sha256: str
    locator: Locator
    label: str | None
    clause_path: tuple[str, ...]
    start: int
    end: int
    heading_trail: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not (0 <= self.start <= self.end):
            raise ValueError(f"bad span {self.start}..{self.end}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Facet:
    """A part of a compound requirement that a reader ticks off on its own."""

    label: str
    text: str
    origin: str  # "coordination", "codes", "instruments", "sub-item" or "kb:<expansion id>"
    concept: str | None = None  # knowledge-base concept id (e.g. "C5", "WSIS-T-a")


@dataclass(frozen=True, slots=True, kw_only=True)
class Requirement:
    """An instruction, decision, proposal, expectation, invitation or target extracted from a mandate document."""

    id: str
    source: Source
    kind: RequirementKind
    # Canonical actor (knowledge-base name, or the printed name of a body the base does not know); None when the
    # text does not say who must act (an item whose chapeau is on a missing page).
    actor: str | None
    verb: str | None
    text: str  # verbatim, exactly doc.text[source.start:source.end]
    statement: str  # chapeau plus item, readable on its own
    checkability: Checkability
    frequency: str | None = None
    deadline: str | None = None
    references: tuple[str, ...] = ()
    concepts: tuple[str, ...] = ()  # knowledge-base concepts named in the text
    facets: tuple[Facet, ...] = ()
    actor_printed: str | None = None  # the actor's words in the text ("the Council Working Group on WSIS")
    quoted_from: str | None = None  # the instrument a quoting document cites it from ("Council Resolution 1332 …")
    # "rules": read by the extraction rules; "model": a sentence no rule read that the trained asks model says asks
    # someone to act (its actor is then unknown).
    read_by: str = "rules"
    # Where the trained actor check found the rules' name likely wrong (extract/actor_check.py): actor is None and
    # this is the name the rules gave, shown to the reader as a guess to check, never as who must act.
    actor_guess: str | None = None

    def __post_init__(self) -> None:
        if len(self.text) != self.source.end - self.source.start:
            raise ValueError("requirement text does not fit its span")
        if not self.text.strip():
            raise ValueError("a requirement must have text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Passage:
    """A unit of the report a reader would cite: a paragraph, list item, table row or window of a long paragraph."""

    id: str
    document: str
    locator: Locator
    start: int
    end: int
    text: str  # exactly the report text [start:end]
    heading_trail: tuple[str, ...] = ()
    kind: str = "paragraph"
    label: str | None = None

    def __post_init__(self) -> None:
        if len(self.text) != self.end - self.start:
            raise ValueError("passage text does not fit its span")


class PassageVerdict(StrEnum):
    """What one passage does with one requirement or facet (judge/reading.py); the status follows from these."""

    SUBSTANCE = "substance"  # results, figures, what was done, difficulties met
    MENTION = "mention"  # events, links, a title, a plan or a promise
    NOT_DONE = "not_done"  # says it was not done, or is deferred
    RESTATEMENT = "restatement"  # repeats what the mandate asks: never evidence of doing it
    UNRELATED = "unrelated"


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A passage judged to address a requirement or facet, with its score and the terms that matched."""

    passage_id: str
    text: str
    locator: Locator
    score: float
    matched_terms: tuple[str, ...] = ()
    heading_trail: tuple[str, ...] = ()
    verdict: PassageVerdict = PassageVerdict.SUBSTANCE
    reading: str = ""  # the passage verdict in words: "gives figures", "lists events or links without results"

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"evidence score {self.score} outside [0, 1]")
        if self.verdict in (PassageVerdict.RESTATEMENT, PassageVerdict.UNRELATED):
            raise ValueError(f"a passage read as {self.verdict.value} is never evidence")


class Status(StrEnum):
    ADDRESSED = "addressed"
    PARTIAL = "partial"
    NOT_ADDRESSED = "not_addressed"
    MANUAL_CHECK = "manual_check"


# The one vocabulary of statuses every output uses: their order (done first, then the gaps, then a look) and the
# words a reader sees. A reviewer may also decide that a requirement does not apply.
STATUSES = tuple(s.value for s in Status)
STATUS_LABELS = {"addressed": "Addressed", "partial": "Partial", "not_addressed": "Not addressed",
                 "manual_check": "Manual check", "not_applicable": "Not applicable"}
DECISIONS = (*STATUSES, "not_applicable")


class ChangeKind(StrEnum):
    """What `diff` says happened to a requirement between two drafts, worst news first (a reader of a diff looks
    for what got worse); "unchanged" is counted, never listed."""

    REGRESSED = "regressed"
    DROPPED = "dropped"
    NEWLY_ADDRESSED = "newly_addressed"
    CHANGED_STATUS = "changed_status"
    EVIDENCE_CHANGED = "evidence_changed"
    NEW = "new"


# The headings of the kinds of change, in the order above (every writer shows them in this order).
CHANGE_KINDS = {ChangeKind.REGRESSED.value: "Regressed", ChangeKind.DROPPED.value: "Dropped requirements",
                ChangeKind.NEWLY_ADDRESSED.value: "Newly addressed", ChangeKind.CHANGED_STATUS.value: "Status changed",
                ChangeKind.EVIDENCE_CHANGED.value: "Evidence changed", ChangeKind.NEW.value: "New requirements"}
assert tuple(CHANGE_KINDS) == tuple(k.value for k in ChangeKind)


# Rationale wordings that contradict a status (issue 16, point 2): a status is never shown beside them.
CONTRADICTIONS = {
    "addressed": ("no passage", "without results", "not done", "plan or intention", "restates"),
    "partial": ("no passage",),
}


def check_evidence_first(status: Status, evidence: tuple[Evidence, ...], what: str) -> None:
    """The evidence-first invariants of one status: addressed or partial shows the passages that decided it; not
    addressed shows none; addressed rests on at least one passage of substance."""
    if status in (Status.ADDRESSED, Status.PARTIAL) and not evidence:
        raise ValueError(f"{what}: {status.value} without an evidence passage")
    if status is Status.NOT_ADDRESSED and evidence:
        raise ValueError(f"{what}: not_addressed with evidence")
    if status is Status.ADDRESSED and not any(e.verdict is PassageVerdict.SUBSTANCE for e in evidence):
        raise ValueError(f"{what}: addressed without a passage of substance")


@dataclass(frozen=True, slots=True, kw_only=True)
class FacetAssessment:
    label: str
    status: Status
    confidence: float
    evidence: tuple[Evidence, ...] = ()

    def __post_init__(self) -> None:
        check_evidence_first(self.status, self.evidence, f"facet {self.label!r}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Assessment:
    """The judgement on one requirement: status, calibrated confidence, evidence and a one-line rationale."""

    requirement_id: str
    status: Status
    confidence: float
    probabilities: tuple[tuple[str, float], ...]
    evidence: tuple[Evidence, ...]
    facets: tuple[FacetAssessment, ...]
    rationale: str

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")
        check_evidence_first(self.status, self.evidence, f"requirement {self.requirement_id}")
        said = self.rationale.lower()
        for phrase in CONTRADICTIONS.get(self.status.value, ()):
            if phrase in said:
                raise ValueError(f"requirement {self.requirement_id}: rationale {self.rationale!r} contradicts "
                                 f"{self.status.value}")


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    """A run of words of a text marked alike: kept, changed, dropped (the proposal's side) or added (the report's);
    framing: a proposal's drafting instruction ("To include in the report"), neither aligned nor counted."""

    op: str  # kept | changed | dropped | added | framing
    text: str

    def __post_init__(self) -> None:
        if self.op not in SEGMENT_OPS:
            raise ValueError(f"segment op {self.op!r} is not one of {', '.join(SEGMENT_OPS)}")


SEGMENT_OPS = ("kept", "changed", "dropped", "added", "framing")


@dataclass(frozen=True, slots=True, kw_only=True)
class ReflectionSpan:
    """A span of a document that takes over part of a proposal's wording, with its words marked."""

    block_id: str
    locator: Locator
    start: int
    end: int
    text: str  # exactly the document's text [start:end]
    source_start: int  # the part of the proposal it takes over, as offsets in the proposal's text
    source_end: int
    kept: int  # the proposal's content words it carries over unchanged
    view: tuple[Segment, ...]  # the span's words: kept, changed or added
    heading_trail: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if len(self.text) != self.end - self.start:
            raise ValueError("reflection span text does not fit its span")
        if "".join(s.text for s in self.view) != self.text:
            raise ValueError("reflection span view does not spell its text")


@dataclass(frozen=True, slots=True, kw_only=True)
class Reflection:
    """How much of a proposal's wording a document takes over (issue 21): separate from whether it is addressed.

    `score` is the share of the proposal's content words carried over unchanged in aligned spans."""

    score: float
    content_words: int
    kept: int
    changed: int
    dropped: int
    spans: tuple[ReflectionSpan, ...]
    source_view: tuple[Segment, ...]  # the proposal's words: kept, changed or dropped

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"reflection score {self.score} outside [0, 1]")
        if self.kept + self.changed + self.dropped != self.content_words:
            raise ValueError("reflection word counts do not add up")
        if self.kept and not self.spans:
            raise ValueError("words carried over without a span that shows them")


def to_plain(obj: Any) -> Any:
    """Dataclasses, enums and tuples to JSON-ready values, keeping field order."""
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: to_plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, StrEnum):
        return obj.value
    if isinstance(obj, (list, tuple)):
        return [to_plain(x) for x in obj]
    if isinstance(obj, dict):
        return {k: to_plain(v) for k, v in obj.items()}
    return obj


__all__ = ["Block", "BlockKind", "Checkability", "Document", "Facet", "Locator", "Reflection", "ReflectionSpan",
           "Requirement", "RequirementKind", "Segment", "Source", "content_id", "to_plain"]
