"""The audit: a report against its mandate documents, as a plain coverage record (coverage.json)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from .config import Config
from .errors import InputError
from .extract import EXTRACTOR_VERSION, extract
from .extract.extractor import models_digest
from .judge import JUDGE_RULES_VERSION, assess_all
from .judge.reading import READING_VERSION
from .judge.model import JUDGE_NAME, JUDGE_VERSION, JudgeModel, load_model
from .kb import load_kb
from .match.passages import make_passages
from .match.retrieve import RETRIEVER_VERSION, Retriever, passage_signals, units_for
from .model import STATUSES, Document, Requirement, content_id, to_plain
from .parse import PARSER_VERSIONS, parse_file, parse_many
from .reflect import REFLECTION_VERSION, reflect_requirements, reflection_record

SCHEMA_VERSION = "1"


@dataclass(frozen=True, slots=True, kw_only=True)
class MandateSet:
    """The mandate documents of an audit, parsed and extracted once for any number of reports: plain, picklable."""

    mandates: tuple[Document, ...]
    requirements: tuple[Requirement, ...]
    mandate_warnings: tuple[tuple[str, tuple[str, ...]], ...]
    failures: tuple[InputError, ...]
    # Audit-level notes (a mandate given twice); every document's own warnings are with the document.
    warnings: tuple[str, ...] = ()
    # Mandates read without error that gave no requirement (each is an error line and exit 19).
    empty_mandates: tuple[InputError, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditInputs:
    """Everything an audit needs, already parsed and extracted: a report and its mandates (plain, picklable)."""

    report: Document
    mandate_set: MandateSet

    @classmethod
    def of(cls, report: Document, mandates: MandateSet) -> AuditInputs:
        """A report with its (already prepared) mandates."""
        return cls(report=report, mandate_set=mandates)

    @property
    def mandates(self) -> tuple[Document, ...]:
        return self.mandate_set.mandates

    @property
    def requirements(self) -> tuple[Requirement, ...]:
        return self.mandate_set.requirements

    @property
    def mandate_warnings(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return self.mandate_set.mandate_warnings

    @property
    def failures(self) -> tuple[InputError, ...]:
        return self.mandate_set.failures

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.mandate_set.warnings

    @property
    def empty_mandates(self) -> tuple[InputError, ...]:
        return self.mandate_set.empty_mandates


def prepare(report: str | Path, mandates: list[str | Path], config: Config, *, on_document=None,
            cache=None) -> AuditInputs:
    """Parse the report (an error stops the audit) and the mandates (failures are listed, the rest go on).

    `on_document(path)` is called before each file, for progress display; `cache`: a pipeline.cache.Cache.
    """
    if on_document:
        on_document(str(report))
    report_doc = parse_file(report, config, cache=cache)
    return AuditInputs.of(report_doc, prepare_mandates(mandates, config, on_document=on_document, cache=cache))


def prepare_mandates(mandates: list[str | Path], config: Config, *, on_document=None, cache=None) -> MandateSet:
    """Parse and extract the mandates once, whatever the number of reports; failures are listed, the rest go on."""
    parsed = parse_many(list(mandates), config, on_document=on_document, cache=cache)
    docs, notes = _distinct(parsed.documents)
    reqs: list[Requirement] = []
    warnings = []
    empty = []
    for d in docs:
        found, extracted_warnings = _extract(d, config, cache)
        reqs.extend(found)
        # The parser's warnings (a missing numbering part loses labels) and the extractor's, together.
        warnings.append((d.path, (*d.warnings, *extracted_warnings)))
        if not found:
            empty.append(InputError.no_requirements(d.path))
    return MandateSet(mandates=docs, requirements=tuple(reqs), mandate_warnings=tuple(warnings),
                      failures=parsed.failures, warnings=tuple(notes), empty_mandates=tuple(empty))


def _extract(doc: Document, config: Config, cache) -> tuple[tuple[Requirement, ...], tuple[str, ...]]:
    """A mandate's requirements and the extractor's warnings, from the cache when this document was extracted
    before with the same extractor and knowledge base."""
    
    key = None
    if cache is not None:
        from .cache import code_digest, digest, from_plain

        key = digest("extract", doc.sha256, doc.path, PARSER_VERSIONS.get(doc.format), EXTRACTOR_VERSION,
                     load_kb(config.kb_files).sha256, code_digest(), models_digest())
        hit = cache.get("extract", key)
        if hit is not None:
            try:
                return (tuple(from_plain(Requirement, r) for r in hit["requirements"]),
                        tuple(from_plain(tuple[str, ...], hit["warnings"])))
            except (KeyError, TypeError, ValueError):
                pass  # an entry of an older shape: extracted again and replaced
    ex = extract(doc, kb_files=config.kb_files)
    if key is not None:
        cache.put("extract", key, {"requirements": [to_plain(r) for r in ex.requirements],
                                   "warnings": list(ex.warnings)})
    return ex.requirements, ex.warnings


def _distinct(docs: tuple[Document, ...]) -> tuple[tuple[Document, ...], list[str]]:
    """Each mandate once: the same content given twice, under one name or two, is read once (the first)."""
    first: dict[str, Document] = {}
    notes = []
    for d in docs:
        if d.sha256 in first:
            same = first[d.sha256].path
            notes.append(f"{d.path} has the same content as {same}: read once" if d.path != same
                         else f"{d.path} was given more than once: read once")
        else:
            first[d.sha256] = d
    return tuple(first.values()), notes


def document_identity(doc: Document) -> str:
    """Who a document is, whatever its file name or format: its symbol as printed, else its title, else a hash of
    its words (case and spacing ignored)."""
    named = doc.symbol or doc.title
    if named:
        return " ".join(named.casefold().split())
    return content_id("text", " ".join(doc.text.casefold().split()), length=16)


# A section number before a heading's words ("I Introduction", "2. Background") is dropped from a requirement's
# place: one rendering prints it as part of the heading and another as list numbering.
_HEADING_NUMBER = re.compile(r"^(?:[IVXLC]{1,7}[.)]?|\d{1,3}(?:\.\d{1,3})*[.)]?|[A-Z][.)])\s+(?=\S)")


def requirement_place(r: Requirement) -> str:
    """Where a requirement sits in its document: clause path below the title (or its kind), normalised."""
    parts = [_HEADING_NUMBER.sub("", " ".join(p.split())).casefold() for p in r.source.clause_path[1:]]
    return " / ".join(parts) or r.kind.value


def unreadable_note(doc: Document) -> str | None:
    """What of the report could not be read (pages without a text layer, text boxes), as one phrase."""
    return "; ".join(doc.missing) or None


def audit(inputs: AuditInputs, config: Config, model: JudgeModel | None = None, *,
          passage_signals: tuple | None = None) -> dict:
    """Assess every requirement against the report; returns the coverage record (schema_version 1).
    `passage_signals`: the report's passage signals computed earlier (report_signals), else computed here."""
    kb = load_kb(config.kb_files)
    model = model or load_model()
    if not config.evidence_profiles:
        model = model.with_profiles({})
    passages = report_passages(inputs.report, config)
    if not passages:  # nothing to read: every requirement would be a gap only because no text was seen
        raise InputError.no_passages(inputs.report.path)
    if not inputs.requirements:
        raise (inputs.empty_mandates or inputs.failures or (InputError.no_requirements("(no mandate)"),))[0]
    units = [u for r in inputs.requirements for u in units_for(r, kb)]
    retriever = Retriever(semantic=config.semantic).fit(passages, units, config.kb_files,
                                                        passage_signals=passage_signals)
    assessments = assess_all(list(inputs.requirements), retriever, model, kb,
                             evidence_per_facet=config.evidence_per_facet, unreadable=unreadable_note(inputs.report),
                             addressed_floor=config.addressed_floor)
    # Which requirements were read with what the annotated corpus taught about them (evidence profiles), and how
    # close their wording is to the annotated requirement's.
    profiled = {r.id: m for r in inputs.requirements if (m := model.profile_match(r.text)) is not None}
    reflections = reflect_requirements(inputs.requirements, inputs.report, config.reflection)
    return coverage_record(inputs, passages, assessments, config, profiled, reflections)


def report_passages(report: Document, config: Config) -> tuple:
    """The report's passages, as the audit cuts them."""
    return make_passages(report, max_words=config.passage_max_words, overlap=config.passage_overlap_words)


def report_signals(report: Document, config: Config) -> tuple:
    """What retrieval reads of each passage of the report (match.signals.TextSignals): the report's side of an
    audit, reused when only the mandates change."""
    return tuple(passage_signals(report_passages(report, config), config.kb_files))


def _profile_fields(match: tuple[str, float] | None) -> dict:
    """coverage.json's evidence-profile fields: whether one was used, how alike the wordings are, and the annotated
    wording where it differs."""
    if match is None:
        return {"evidence_profile": False}
    key, similarity = match
    out = {"evidence_profile": True, "evidence_profile_similarity": similarity}
    if similarity < 100:
        out["evidence_profile_of"] = key
    return out


def coverage_record(inputs: AuditInputs, passages, assessments, config: Config,
                    profiled: dict[str, tuple[str, float]] | None = None, reflections: dict | None = None) -> dict:
    """The coverage.json structure; deterministic (no timestamps, ids from content). `profiled`: for the
    requirements judged with an evidence profile, the annotated requirement's text (comparison form) and the
    similarity of the two wordings (JudgeModel.profile_match). `reflections`: how much of each measured
    requirement's wording the report takes over (reflect.reflect_requirements), by requirement id."""
    profiled, reflections = profiled or {}, reflections or {}
    reqs = []
    per_doc = Counter(r.source.document for r in inputs.requirements)
    identity = {d.path: document_identity(d) for d in inputs.mandates}
    seen: Counter = Counter()
    for r, a in zip(inputs.requirements, assessments):
        # The key a reviewer's decision and the diff follow: the document's identity (never its path, so a .txt,
        # .docx or .pdf of one resolution, or a renamed copy, agree), the requirement's place, its position among
        # equals. Not its words, so that an edited requirement keeps its key and its decision goes stale.
        position = (identity.get(r.source.document, r.source.document), requirement_place(r))
        seen[position] += 1
        reqs.append({
            "id": r.id,
            "key": content_id("key", *position, seen[position]),
            "source": {"document": r.source.document, "locator": str(r.source.locator), "label": r.source.label,
                       "clause_path": list(r.source.clause_path), "span": [r.source.start, r.source.end],
                       "heading_trail": list(r.source.heading_trail)},
            "kind": r.kind.value, "actor": r.actor, "actor_guess": r.actor_guess, "actor_printed": r.actor_printed,
            "quoted_from": r.quoted_from,
            "read_by": r.read_by, "verb": r.verb, "text": r.text, "statement": r.statement,
            "checkability": r.checkability.value, "frequency": r.frequency, "deadline": r.deadline,
            "references": list(r.references), "status": a.status.value, "confidence": a.confidence,
            "probabilities": dict(a.probabilities), "rationale": a.rationale,
            **_profile_fields(profiled.get(r.id)),
            "evidence": [_evidence(e) for e in a.evidence],
            "reflection": reflection_record(reflections.get(r.id)),
            "facets": [{"label": f.label, "text": rf.text, "origin": rf.origin, "concept": rf.concept,
                        "status": f.status.value, "confidence": f.confidence,
                        "evidence": [_evidence(e) for e in f.evidence]}
                       for f, rf in zip(a.facets, r.facets)],
        })
    summary = Counter(a.status.value for a in assessments)
    return {
        "schema_version": SCHEMA_VERSION,
        "report": {"path": inputs.report.path, "sha256": inputs.report.sha256, "format": inputs.report.format,
                   "passages": len(passages), "warnings": list(inputs.report.warnings),
                   "incomplete": unreadable_note(inputs.report) is not None},
        "mandates": [{"path": d.path, "sha256": d.sha256, "requirements": per_doc.get(d.path, 0),
                      "warnings": list(dict(inputs.mandate_warnings).get(d.path, ()))} for d in inputs.mandates],
        "failures": [f.to_dict() for f in inputs.failures],
        "warnings": [*inputs.warnings, *(e.line().removeprefix("error: ") for e in inputs.empty_mandates)],
        "requirements": reqs,
        "summary": {s: summary.get(s, 0) for s in STATUSES},
        "run": {"config": config.resolved(), "versions": component_versions(config)},
    }


def component_versions(config: Config) -> dict:
    """The version of every stage and the knowledge base's hash: `run.versions` of coverage.json."""
    return {"parsers": PARSER_VERSIONS, "extractor": EXTRACTOR_VERSION, "retriever": RETRIEVER_VERSION,
            "judge_model": f"{JUDGE_NAME}-v{JUDGE_VERSION}", "judge_rules": JUDGE_RULES_VERSION,
            "reading": READING_VERSION, "reflection": REFLECTION_VERSION, "kb_sha256": load_kb(config.kb_files).sha256}


def _evidence(e) -> dict:
    return {"text": e.text, "locator": str(e.locator), "score": e.score, "passage_id": e.passage_id,
            "verdict": e.verdict.value, "reading": e.reading,
            "matched_terms": list(e.matched_terms), "heading_trail": list(e.heading_trail)}


__all__ = ["AuditInputs", "MandateSet", "audit", "prepare", "prepare_mandates", "report_signals", "to_plain"]
