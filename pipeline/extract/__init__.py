"""Extract requirements (instructions, decisions, proposals, expectations, invitations, targets) from a document.

`extract(document)` is a pure function of the document and the knowledge base. spaCy docs stay inside
this package; callers get the project's own `Requirement` records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..kb import KnowledgeBase, load_kb
from ..parse.base import SYMBOL_RE
from ..model import Checkability, Document, Facet, Requirement, RequirementKind, Source, content_id, to_plain
from . import cues
from .clauses import Segment, is_chapeau, segment_blocks
from .facets import split_facets
from .nlp import blank, english

EXTRACTOR_VERSION = "extract/1"
# Paragraphs beyond this many words are usually several paragraphs run together by a converter.
LONG_PARAGRAPH_WORDS = 600
SECRETARIAT = "Secretariat"
COMBINED_ACTORS = {
    frozenset({"Secretary-General", "Directors of the Bureaux"}): "Secretary-General and Directors of the Bureaux",
    frozenset({"Member States", "Sector Members"}): "Member States and Sector Members",
}
_ABBREV = r"(?<!\bRes)(?<!\bMod)(?<!\bRev)(?<!\bNo)(?<!\bpara)(?<!\bDoc)(?<!\be\.g)(?<!\bi\.e)(?<!\bvol)(?<!\bArt)"
SENTENCE_SPLIT_RE = re.compile(
    _ABBREV + r"(?<=[.!?])\s+(?=[\"“(]?[A-Z])"
    # Word exports lose full stops: "… Geneva Plan of Action It is important to …".
    r"|(?<=[a-z0-9)”\"]) (?=It (?:is|should|shall|must|needs|will|would)\b)")
STOPWORDS_EN = {"the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "by", "with", "be", "as", "are"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionResult:
    """Requirements in document order, plus warnings for the user."""

    document: str
    sha256: str
    requirements: tuple[Requirement, ...]
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class _Context:
    """The operative chapeau (or preamble) currently in force."""

    mode: str  # "operative" | "preamble"
    verb: str = ""
    actor: str = ""
    chapeau: str = ""
    source: str = ""
    last_number: str | None = None
    last_text: str = ""


@dataclass(slots=True)
class _Candidate:
    seg_start: int  # absolute offsets in document text
    seg_end: int
    segment: Segment
    kind: RequirementKind
    actor: str
    label: str | None
    clause_path: tuple[str, ...]
    statement: str
    extra: dict = field(default_factory=dict)


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
    candidates = _walk(document, segment_blocks(document.blocks), kb)
    requirements = _finish(document, candidates, kb, kb_files)
    if not requirements:
        warnings.append("no operative part, proposal, expectation or target found")
    return ExtractionResult(document=document.path, sha256=document.sha256, requirements=tuple(requirements),
                            warnings=tuple(warnings))


def _source_name(document: Document) -> str:
    for candidate in (document.symbol, document.title):
        if candidate and re.search(r"resolution|res\.|A/RES", candidate, re.IGNORECASE):
            return candidate
    return document.symbol or document.title or document.path.rsplit("/", 1)[-1]


def _walk(document: Document, segments: list[Segment], kb: KnowledgeBase) -> list[_Candidate]:
    """The reading state machine: headings set the section, chapeaux set actor and verb, items inherit them."""
    doc_name = _source_name(document)
    section = ""
    ctx: _Context | None = None
    out: list[_Candidate] = []
    last_subject: str | None = None
    target_scope: str | None = None

    def add(seg: Segment, s0: int, s1: int, **kw) -> None:
        base = seg.block.start
        out.append(_Candidate(seg_start=base + s0, seg_end=base + s1, segment=seg, **kw))

    for seg in segments:
        text = seg.text
        if seg.kind == "heading":
            section = seg.block.text
            ctx = None
            target_scope = None
            ref = cues.RESOLUTION_REF_RE.search(section)
            if ref:  # "Part two: Council Resolution 1391 (2026), operative part"
                doc_name = ref.group(0).strip()
            continue
        if seg.kind == "preamble":
            ctx = _Context(mode="preamble")
            continue
        if seg.kind == "chapeau":
            m = cues.CHAPEAU_RE.match(text) or cues.SELF_OPERATIVE_RE.match(text)
            verb = _verb_key(m.group("verb"))
            ref = cues.RESOLUTION_REF_RE.search(m.groupdict().get("pre") or "")
            # A quoted chapeau names its resolution; a bare one continues the resolution being read.
            source = ref.group(0).strip() if ref else (ctx.source if ctx and ctx.mode == "operative" else doc_name)
            addr = text[m.end("verb"):].strip(" ,:")
            ctx = _Context(mode="operative", verb=verb, actor=_actor(addr, kb, default=""),
                           chapeau=text[m.start("verb"):].strip(" ,:"), source=source)
            continue
        self_op = cues.SELF_OPERATIVE_RE.match(text)
        if seg.kind == "item" and self_op:
            # UN style: "1. Requests the Secretary-General to …" carries its own verb and addressee.
            verb = _verb_key(self_op.group("verb"))
            rest = self_op.group("rest")
            addressee = re.split(r"\bto\b|\bthat\b", rest, maxsplit=1)[0]
            add(seg, seg.start, seg.end, kind=cues.OPERATIVE_KIND[verb], actor=_actor(addressee, kb, default="ITU"),
                label=seg.label, clause_path=(doc_name, seg.label or ""), statement=f"{doc_name}: {text}")
            continue
        if ctx is not None and ctx.mode == "preamble":
            if seg.kind == "item" or text[:1].islower():
                continue  # a preambular item, never a requirement
            ctx = None
        if ctx is not None and ctx.mode == "operative" and (seg.kind == "item" or re.match(r"(to|that)\b", text)):
            label = seg.label
            path_label = label or ""
            statement = f"{ctx.source} {ctx.chapeau} {text}"
            if label and re.fullmatch(r"[a-z]\)|\([a-z]+\)", label) and ctx.last_number:
                path_label = f"{ctx.last_number} {label}"
                # A sub-item reads on its own only with its parent: "… to give the Council …, including: a) …".
                statement = f"{ctx.source} {ctx.chapeau} {ctx.last_text} {text}"
            elif label and label[:1].isdigit():
                ctx.last_number = label
                ctx.last_text = text
            kind = cues.OPERATIVE_KIND[ctx.verb]
            actor = ctx.actor or _actor(text[:80], kb, default="ITU")
            add(seg, seg.start, seg.end, kind=kind, actor=actor, label=path_label or None,
                clause_path=(ctx.source, ctx.chapeau, path_label), statement=statement)
            continue
        if (ctx is not None and ctx.mode == "operative" and seg.kind == "para"
                and seg.block.text[seg.start:].rstrip()[-1:] in ";,"):
            continue  # the rest of an item broken across a page: the chapeau still holds
        ctx = None
        if seg.kind == "para" and cues.TARGETS_HEADING_RE.search(section) and cues.TARGETS_HEADING_RE.search(text):
            target_scope = text  # "Part B  The 2025 advocacy targets of the Broadband Commission …"
            continue
        # Outside resolutions: proposals, targets, invitations and deontic sentences.
        if seg.kind == "item" and cues.PROPOSALS_HEADING_RE.search(section):
            add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=SECRETARIAT, label=seg.label,
                clause_path=(doc_name, section, seg.label or ""), statement=f"Proposal {seg.label} ({doc_name}): {text}")
            continue
        if seg.kind == "item" and cues.TARGETS_HEADING_RE.search(section):
            # Targets belong to whoever set them when the heading names it ("… of the Broadband Commission").
            add(seg, seg.start, seg.end, kind=RequirementKind.TARGET,
                actor=_actor(target_scope or section, kb, default="All stakeholders"), label=seg.label,
                clause_path=(doc_name, section, seg.label or ""), statement=f"{section}, target {seg.label}: {text}")
            continue
        if section.lower() == "purpose":
            continue  # a contribution's purpose paragraph describes the document itself
        for s0, s1 in _sentences(text):
            sentence = text[s0:s1]
            if cues.ACTION_HEADING_RE.match(section) and cues.INVITED_RE.search(sentence):
                subject = cues.INVITED_RE.split(sentence, 1)[0]
                add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.INVITATION,
                    actor=_actor(subject, kb, default=SECRETARIAT, subject=True), label=seg.label,
                    clause_path=(doc_name, section), statement=sentence)
            elif cues.DEONTIC_RE.search(sentence) and not is_chapeau(sentence):
                subject = cues.DEONTIC_RE.split(sentence, 1)[0]
                statement = sentence
                if re.match(r"It (?:should|shall|must|needs|will)\b", sentence) and last_subject:
                    statement = last_subject + sentence[2:]
                elif subject.strip() and not subject.strip().lower().startswith("it"):
                    last_subject = subject.strip()
                kind = RequirementKind.INVITATION if cues.INVITED_RE.search(sentence) else RequirementKind.EXPECTATION
                add(seg, seg.start + s0, seg.start + s1, kind=kind, actor=_actor(subject, kb, default=SECRETARIAT, subject=True),
                    label=seg.label, clause_path=(doc_name, section or "body"), statement=statement)
    return out


def _verb_key(verb: str) -> str:
    return re.sub(r"\s+", " ", verb.lower())


def _actor(text: str, kb: KnowledgeBase, *, default: str, subject: bool = False) -> str:
    """Canonical actor named in an addressee phrase; pairs such as SG + Directors are kept together.

    With subject=True the actor must end the phrase: "The ITU WSIS+20 report shall" names a report, not ITU.
    """
    doc = blank()(text)
    spans = list(doc.spans["actors"])
    if subject:
        tail = text.rstrip(" ,")
        spans = [s for s in spans if s.end_char >= len(tail)]
    names = list(dict.fromkeys(span.label_ for span in spans))
    if not names:
        return default
    combined = COMBINED_ACTORS.get(frozenset(names[:2]))
    return combined or names[0]


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by rule (abbreviations of resolution references kept together)."""
    spans, start = [], 0
    for m in SENTENCE_SPLIT_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _finish(document: Document, candidates: list[_Candidate], kb: KnowledgeBase,
            kb_files: tuple[str, ...]) -> list[Requirement]:
    """Parse candidate texts once (batched) for verbs and facets; build the records."""
    if not candidates:
        return []
    nlp = english(kb_files)
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
            id=rid, source=source, kind=c.kind, actor=c.actor, verb=verb, text=text,
            statement=re.sub(r"\s+", " ", c.statement).strip(),
            checkability=Checkability.PROCEDURAL if procedural else Checkability.CONTENT,
            frequency=freq.group(0).lower() if freq else None,
            deadline=deadline.group(0) if deadline else None,
            references=_references(text), concepts=concepts,
            facets=split_facets(text, parsed, kb) if c.kind is not RequirementKind.TARGET else (),
        ))
    return _sub_item_facets(reqs)


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
