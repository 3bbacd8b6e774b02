"""Judgement: for each requirement, a status with calibrated confidence, evidence and a rationale.

The model weighs substance for content requirements; two rules from the annotation guideline
(corpora/README.md) come first: procedural requirements are a manual check, and a requirement addressed to
someone other than the report's author, on which the report is silent, is a manual check too.
"""

from __future__ import annotations

import numpy as np

from ..kb import KnowledgeBase
from ..match.retrieve import Retriever, UnitScores
from ..model import Assessment, Checkability, Evidence, FacetAssessment, Requirement, RequirementKind, Status
from .features import top_passages, unit_features
from .model import CLASSES, JudgeModel

JUDGE_RULES_VERSION = "judge-rules/1"
STATUS_ORDER = ("addressed", "partial", "not_addressed", "manual_check")
# An evidence passage must at least reach this fused score; below it the "best" passage is noise.
# Set from the corpus: gold evidence passages score above 0.12 in all but a handful of cases.
MIN_EVIDENCE_SCORE = 0.12


def author_actor(actor: str, kb: KnowledgeBase, author_kinds: tuple[str, ...] = ("secretariat",)) -> bool:
    """Is the requirement addressed to the report's author (by default the secretariat and its officials)?"""
    a = kb.actor(actor)
    return a is None or a.kind in author_kinds


def assess_all(requirements: list[Requirement], retriever: Retriever, model: JudgeModel, kb: KnowledgeBase, *,
               evidence_per_facet: int = 3, author_kinds: tuple[str, ...] = ("secretariat",),
               unreadable: str | None = None) -> list[Assessment]:
    """Assess every requirement; units are in the order the retriever was fitted with."""
    scores = [retriever.score(i) for i in range(len(retriever.units_))]
    X = np.array([unit_features(retriever, i, s) for i, s in enumerate(scores)]) if scores else np.zeros((0, 0))
    probs = model.predict_proba(X) if len(scores) else np.zeros((0, 3))
    by_req: dict[str, list[int]] = {}
    for i, s in enumerate(scores):
        by_req.setdefault(s.unit.requirement_id, []).append(i)
    out = []
    for req in requirements:
        idx = by_req[req.id]
        out.append(_assess(req, [scores[i] for i in idx], probs[idx], retriever, kb, idx,
                           evidence_per_facet=evidence_per_facet, author_kinds=author_kinds, unreadable=unreadable))
    return out


def _evidence(retriever: Retriever, unit_index: int, s: UnitScores, k: int) -> tuple[Evidence, ...]:
    ev = []
    for i in top_passages(s, k):
        score = float(s.fused[i])
        if score < MIN_EVIDENCE_SCORE:
            break
        p = retriever.passages_[i]
        ev.append(Evidence(passage_id=p.id, text=p.text, locator=p.locator, score=round(min(1.0, score), 4),
                           matched_terms=retriever.matched_terms(unit_index, i), heading_trail=p.heading_trail))
    return tuple(ev)


def _assess(req: Requirement, unit_scores: list[UnitScores], probs: np.ndarray, retriever: Retriever,
            kb: KnowledgeBase, unit_indices: list[int], *, evidence_per_facet: int, author_kinds: tuple[str, ...],
            unreadable: str | None) -> Assessment:
    whole = unit_scores[0]
    evidence = _evidence(retriever, unit_indices[0], whole, evidence_per_facet)
    facets: list[FacetAssessment] = []
    if len(unit_scores) > 1:
        fp = probs[1:]
        for s, p, ui in zip(unit_scores[1:], fp, unit_indices[1:]):
            k = int(np.argmax(p))
            facets.append(FacetAssessment(label=s.unit.label, status=Status(CLASSES[k]), confidence=round(float(p[k]), 4),
                                          evidence=_evidence(retriever, ui, s, evidence_per_facet)
                                          if CLASSES[k] != "not_addressed" else ()))
        # Independent facets: all addressed, all not addressed, or in between.
        p_add = float(np.prod(fp[:, 0]))
        p_not = float(np.prod(fp[:, 2]))
        vec = np.array([p_add, max(0.0, 1.0 - p_add - p_not), p_not])
        done = sum(f.status is Status.ADDRESSED for f in facets)
        rationale = f"{done} of {len(facets)} facets addressed"
    else:
        vec = probs[0]
        rationale = _substance_rationale(retriever, whole)
    k = int(np.argmax(vec))
    status = Status(CLASSES[k])
    full = dict(zip(STATUS_ORDER, [float(vec[0]), float(vec[1]), float(vec[2]), 0.0]))
    if req.checkability is Checkability.PROCEDURAL:
        status = Status.MANUAL_CHECK
        full = dict.fromkeys(STATUS_ORDER, 0.0) | {"manual_check": 1.0}
        rationale = "procedural: whether it was done (dates, circulation, meetings) cannot be shown by report text"
    elif (status is Status.NOT_ADDRESSED and req.kind is not RequirementKind.TARGET
          and not author_actor(req.actor, kb, author_kinds)):
        # Targets are everyone's; a WSIS report is expected to report on them, so silence stays a gap.
        status = Status.MANUAL_CHECK
        full["manual_check"], full["not_addressed"] = full["not_addressed"], 0.0
        rationale = f"addressed to {req.actor}, not the report's author; the report is silent on it"
    elif status is Status.NOT_ADDRESSED and unreadable:
        status = Status.MANUAL_CHECK
        full["manual_check"], full["not_addressed"] = full["not_addressed"], 0.0
        rationale = f"nothing found, but part of the report could not be read ({unreadable})"
    if status in (Status.NOT_ADDRESSED,):
        evidence = ()
    return Assessment(requirement_id=req.id, status=status, confidence=round(full[status.value], 4),
                      probabilities=tuple((s, round(v, 4)) for s, v in full.items()), evidence=evidence,
                      facets=tuple(facets), rationale=rationale)


def _substance_rationale(retriever: Retriever, s: UnitScores) -> str:
    top = top_passages(s, 1)
    if not top or s.fused[top[0]] < MIN_EVIDENCE_SCORE:
        return "no passage on this requirement"
    sig = retriever.passage_signals_[top[0]]
    loc = retriever.passages_[top[0]].locator
    if sig.negations:
        return f"best passage ({loc}) says it was not done or is deferred"
    if sig.figures + sig.outcomes + sig.challenges == 0 and (sig.events or sig.urls):
        return f"best passage ({loc}) lists events or links without results"
    parts = [name for name, n in (("figures", sig.figures), ("results", sig.outcomes), ("challenges", sig.challenges))
             if n]
    return f"best passage ({loc}) gives " + (", ".join(parts) if parts else "a description")
