"""Extract requirements (instructions, decisions, proposals, expectations, invitations, targets) from a document.

`extract(document)` is a pure function of the document and the knowledge base. spaCy docs stay inside
this package; callers get the project's own `Requirement` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..kb import KnowledgeBase, load_kb
from ..parse.base import SYMBOL_RE
from ..model import Checkability, Document, Facet, Requirement, RequirementKind, Source, content_id, to_plain
from . import cues
from .clauses import segment_blocks
from .facets import split_facets
from .walk import Candidate, Walk

EXTRACTOR_VERSION = "extract/3"
# Paragraphs beyond this many words are usually several paragraphs run together by a converter.
LONG_PARAGRAPH_WORDS = 600
STOPWORDS_EN = {"the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "by", "with", "be", "as", "are"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionResult:
    """Requirements in document order, plus warnings for the user."""

    document: str
    sha256: str
    requirements: tuple[Requirement, ...]
    warnings: tuple[str, ...] = ()


def extract(document: Document, *, kb_files: tuple[str, ...] = ()) -> ExtractionResult:
    """All requirements in a document, each with provenance, kind, actor, facets and references."""
    kb = load_kb(kb_files)
    warnings: list[str] = []
    if _looks_non_english(document.text):
        warnings.append("the text does not look like English; extraction rules are English-only")
    for b in document.blocks:
        if len(b.text.split()) > LONG_PARAGRAPH_WORDS:
            warnings.append(f"very long paragraph at {b.locator} ({len(b.text.split())} words); "
                            "items inside it are split by their numbers")
    walk = Walk(document, kb)
    candidates = walk.run(segment_blocks(document.blocks))
    if walk.orphans:
        warnings.append(f"items {', '.join(walk.orphans)} have no chapeau in the text (a missing page?): actor "
                        "unknown; add the page or check who must act")
    if walk.pronouns:
        warnings.append(f"{', '.join(walk.pronouns)} name who must act by a pronoun: actor unknown; check who is meant")
    requirements = _finish(document, candidates, kb, kb_files)
    if not requirements:
        warnings.append("no operative part, proposal, expectation or target found")
    return ExtractionResult(document=document.path, sha256=document.sha256, requirements=tuple(requirements),
                            warnings=tuple(warnings))


def _finish(document: Document, candidates: list[Candidate], kb: KnowledgeBase,
            kb_files: tuple[str, ...]) -> list[Requirement]:
    """Parse candidate texts once (batched) for verbs and facets; build the records."""
    if not candidates:
        return []
    from .nlp import english  # spaCy is loaded where a text is parsed: a cached audit never needs it

    nlp = english(kb_files)
    # A body the text names by a name the knowledge base knows whole ("ECLAC", "CITEL"): its canonical name.
    whole = {alias: a.canonical for a in kb.actors if a.whole_name for alias in a.aliases}
    texts = [document.text[c.seg_start:c.seg_end] for c in candidates]
    reqs: list[Requirement] = []
    seen_ids: set[str] = set()
    for c, text, parsed in zip(candidates, texts, nlp.pipe(texts, batch_size=64)):
        verb = _main_verb(parsed, c.kind)
        procedural = (verb in cues.PROCEDURAL_VERBS or bool(cues.PROCEDURAL_CUES_RE.search(text))
                      or bool(re.search(r"\bconsider (?:this|the) document\b", text, re.IGNORECASE)))
        freq = cues.FREQUENCY_RE.search(text)
        deadline = cues.DEADLINE_RE.search(text)
        concepts = tuple(dict.fromkeys(
            [m.group(1) for m in cues.ACTION_LINE_CODE_RE.finditer(text)]
            + [s.label_ for s in parsed.spans["concepts"]]
            + ([t] if c.kind is RequirementKind.TARGET and (t := _target_concept(text, c.label, kb)) else [])))
        source = Source(document=document.path, sha256=document.sha256, locator=c.segment.block.locator,
                        label=c.label, clause_path=tuple(p for p in c.clause_path if p), start=c.seg_start,
                        end=c.seg_end, heading_trail=c.segment.block.heading_trail)
        # From content only (not the file name): the same document gives the same ids wherever it lies.
        chapeau = " / ".join(c.clause_path[1:])
        rid = content_id("req", document.sha256[:16], chapeau, text)
        n = 1
        while rid in seen_ids:  # the same words twice in one document stay two requirements
            n += 1
            rid = content_id("req", document.sha256[:16], chapeau, text, n)
        seen_ids.add(rid)
        reqs.append(Requirement(
            id=rid, source=source, kind=c.kind, actor=whole.get(_bare(c.actor), c.actor) or None, verb=verb, text=text,
            statement=re.sub(r"\s+", " ", c.statement).strip(),
            checkability=Checkability.PROCEDURAL if procedural else Checkability.CONTENT,
            frequency=freq.group(0).lower() if freq else None,
            deadline=deadline.group(0) if deadline else None,
            references=_references(text), concepts=concepts,
            facets=split_facets(text, parsed, kb) if c.kind is not RequirementKind.TARGET else (),
            actor_printed=c.printed, quoted_from=c.quoted_from,
        ))
    return _sub_item_facets(reqs)


def _bare(name: str | None) -> str:
    """A printed body's name as the knowledge base lists its aliases: lower case, no leading article."""
    return re.sub(r"^the\s+", "", (name or "").strip().lower())


def sub_item_children(reqs: list[Requirement]) -> dict[str, list[Requirement]]:
    """Parent requirement id -> its printed sub-items ("5" -> "5 a)", "5 b)"), in document order."""
    by_path = {(r.source.document, r.source.clause_path): r for r in reqs}
    out: dict[str, list[Requirement]] = {}
    for r in reqs:
        path, label = r.source.clause_path, r.source.label
        if not label or " " not in label or len(path) < 2:
            continue
        parent = by_path.get((r.source.document, path[:-1] + (label.split(" ", 1)[0],)))
        if parent is not None and parent.id != r.id:
            out.setdefault(parent.id, []).append(r)
    return out


def _sub_item_facets(reqs: list[Requirement]) -> list[Requirement]:
    """An item with sub-items has the sub-items as its facets (annotation rule: Res. 1390 SG 5 -> a, b)."""
    children = sub_item_children(reqs)
    return [replace(r, facets=tuple(Facet(label=re.sub(r"[().]", "", c.source.label.split(" ", 1)[1]), text=c.text,
                                          origin="sub-item") for c in children[r.id]))
            if r.id in children else r for r in reqs]


# Target lists restate the WSIS and Broadband Commission targets in their own words; a restatement scores
# at least this token-set similarity with our knowledge-base wording (checked on corpora/mandates/targets-lists).
TARGET_MATCH_MIN = 45.0


def _target_concept(text: str, label: str | None, kb: KnowledgeBase) -> str | None:
    """The knowledge-base target a listed target restates: best wording match, the printed label breaking ties."""
    from rapidfuzz import fuzz

    from ..corpus import norm_label

    best, best_score = None, TARGET_MATCH_MIN
    for c in kb.concepts:
        if c.kind not in ("wsis_target", "bb_target"):
            continue
        score = fuzz.token_set_ratio(text.lower(), f"{c.title} {c.short} {' '.join(c.topics)}".lower())
        score += 15.0 if label and norm_label(label) == c.label else 0.0
        if score > best_score:
            best, best_score = c.id, score
    return best


def _main_verb(parsed, kind: RequirementKind) -> str | None:
    """Lemma of the action verb: the first verb after 'to' / 'that' / a modal, else the root."""
    if kind is RequirementKind.TARGET:
        return None
    # Light and operative verbs: the action is the verb that follows ("Invites ITU to report" -> report).
    skip = {"be", "have", "do", "continue", "ensure", "invite", "request", "call", "urge", "encourage", "instruct",
            "resolve", "decide", "recommend", "ask"}
    first = None
    for tok in parsed:
        if tok.pos_ == "VERB":
            lemma = tok.lemma_.lower()
            first = first or lemma
            if lemma not in skip or tok.i == len(parsed) - 1:
                return lemma
    return first


def _references(text: str) -> tuple[str, ...]:
    refs = [f"Res. {m.group(1)}" for m in cues.RESOLUTION_REF_RE.finditer(text)]
    refs += [f"A/RES/{m.group(1)}" for m in cues.UN_RESOLUTION_RE.finditer(text)]
    refs += [m.group(1) for m in cues.ACTION_LINE_CODE_RE.finditer(text)]
    refs += [f"SDG {m.group(1)}" for m in cues.SDG_RE.finditer(text)]
    refs += [m.group(0) for m in SYMBOL_RE.finditer(text) if not m.group(0).startswith("A/RES/")]
    if re.search(r"connect[ -]?2030", text, re.IGNORECASE):
        refs.append("Connect 2030")
    return tuple(dict.fromkeys(refs))


def _looks_non_english(text: str) -> bool:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    if len(words) < 40:
        return False
    return sum(w in STOPWORDS_EN for w in words) / len(words) < 0.08


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchExtraction:
    """Extractions of several documents and the files that could not be read."""

    extractions: tuple[ExtractionResult, ...]
    failures: tuple

    def to_dict(self) -> dict:
        return {"schema_version": "1", "extractor": EXTRACTOR_VERSION,
                "documents": [{"path": e.document, "sha256": e.sha256, "warnings": list(e.warnings),
                               "requirements": [to_plain(r) for r in e.requirements]} for e in self.extractions],
                "failures": [f.to_dict() for f in self.failures]}


def extract_many(paths, config=None) -> BatchExtraction:
    """Parse and extract every file; unreadable files are listed, the rest still processed."""
    from ..config import Config
    from ..parse import parse_many

    cfg = config or Config()
    parsed = parse_many(paths, cfg)
    return BatchExtraction(extractions=tuple(extract(d, kb_files=cfg.kb_files) for d in parsed.documents),
                           failures=parsed.failures)
