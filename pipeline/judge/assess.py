"""Judgement: for each requirement, a status with calibrated confidence, evidence and a rationale.

Evidence first. A trained requirement-level model weighs relevance and substance and who the requirement is
addressed to, and a facet-level model says which facets are covered: together they propose a status. Each of the
best passages of this report is then read sentence by sentence (reading.py) and the status is what those passages
carry: addressed needs a passage of substance, a mention (events, links, a plan) is partial at most, a restatement
of the mandate is never evidence, and no evidence is not addressed. Rules from the annotation guideline
(corpora/README.md) frame it: procedural requirements are a manual check; manual check otherwise only for
requirements addressed to someone other than the report's author; a compound requirement is addressed only when
all its facets are. model.Assessment refuses any status shown without the passages that decided it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from ..blas import one_thread
from ..kb import KnowledgeBase
from ..match.retrieve import Retriever, Unit, UnitScores
from ..model import (Assessment, Checkability, Evidence, FacetAssessment, Passage, PassageVerdict, Requirement,
                     RequirementKind, Status)
from . import reading
from .features import actor_named, pair_features, requirement_features, top_passages, unit_features
from .model import CLASSES, REQ_CLASSES, JudgeModel

# 6: evidence first (passage verdicts cap the status); 7: a touch is partial (targets: substance only);
# 8: addressed only when the models are sure enough (ADDRESSED_FLOOR)
JUDGE_RULES_VERSION = "judge-rules/8"
# An evidence passage must reach this ranking score: learned relevance 0.35 (more likely than the base rate
# of gold evidence among top passages), or, without a relevance model, a fused score of 0.12 (corpus).
MIN_RELEVANCE = 0.35
MIN_FUSED = 0.12
# Evidence first: a passage that the trained status models passed over still tells that the report touched the
# requirement. When nothing else carries a status, a mention (a plan, events, links) ranked at least MENTION_FLOOR,
# or a passage of substance ranked at least SUBSTANCE_FLOOR, makes it partial (_touch): a mention is partial by the
# annotation rule, and a passage the models doubt is never enough for addressed. Leave one mandate out, 692 pairs
# (docs/history.md, 2026-12-03, fourth session): 0.621 without it, 0.623 with it, false all-clear 0.131 either way;
# it is what makes the plan, the events-only answer and the paraphrase of tests/judge/test_reading_errors.py partial.
MENTION_FLOOR = 0.10
SUBSTANCE_FLOOR = 0.50
# Addressed is the one status a reader may not check: the models' probability of it must reach ADDRESSED_FLOOR, or
# the requirement is shown as partial with its evidence and says why (a false all-clear is the worst error). Leave
# one mandate out, 692 pairs (docs/history.md, 2026-12-03, fifth session), floor: accuracy / false all-clear
# 0.0: 0.633 / 0.113, 0.5: 0.611 / 0.070, 0.6: 0.578 / 0.032, 0.7: 0.559 / 0.017. 0.5 halves the false all-clears
# for two points of accuracy; the curve was measured on the same held-out predictions it was chosen from.
ADDRESSED_FLOOR = 0.5


def author_actor(actor: str | None, kb: KnowledgeBase, author_kinds: tuple[str, ...] = ("secretariat",)) -> bool:
    """Is the requirement addressed to the report's author (by default the secretariat and its officials)?"""
    if actor is None:  # the text does not say who acts: judge it as the author's, like an actor we do not know
        return True
    # A pair ("Member States and Sector Members") is the author's only when both are.
    parts = [actor] if kb.actor(actor) is not None else re.split(r"\s+and\s+", actor)
    known = [a for a in (kb.actor(p) for p in parts) if a is not None]
    return all(a.kind in author_kinds for a in known)  # an actor we do not know counts as the author's


def may_be_manual(req: Requirement, kb: KnowledgeBase, author_kinds: tuple[str, ...]) -> bool:
    """Silence is a manual check only for another actor's task; targets are everyone's, so silence is a gap."""
    return req.kind is not RequirementKind.TARGET and not author_actor(acting(req), kb, author_kinds)


def acting(req: Requirement) -> str | None:
    """Who the judge takes to act: the actor, else the name the rules gave where the actor check left it a guess
    (right about four times in five on the development texts; the reader sees it as a guess)."""
    return req.actor or req.actor_guess


def addressee_words(req: Requirement) -> str:
    """'addressed to X', or 'probably addressed to X' where X is the rules' guess."""
    if req.actor is None and req.actor_guess:
        return f"probably addressed to {req.actor_guess} (a guess: check who must act)"
    return f"addressed to {req.actor}"


@dataclass(slots=True)
class RequirementView:
    """Features of one requirement and its facets, computed once; training and assessment share it."""

    requirement: Requirement
    unit_indices: list[int]
    scores: list[Candidates]  # each unit's best passages on every signal: its evidence is chosen from them
    ranking: Candidates  # the requirement's own evidence candidates (requirement_ranking)
    unit_X: np.ndarray  # one row per unit (whole requirement first, then facets)
    req_x: np.ndarray
    other_actor: bool
    actor_in_top: bool


def unit_scores(retriever: Retriever, index: int, model: JudgeModel | None, *, for_status: bool = False,
                memo: dict | None = None, like: UnitScores | None = None) -> UnitScores:
    """The unit's scores, with learned passage relevance when the model has it. `for_status`: the ranking the
    status is read from, without the model's status_signals_off. `memo` and `like` (the unit's scores on every
    signal): what the two rankings of one unit share (features.PairContext, Retriever.score)."""
    status = for_status and model is not None and model.status_relevance is not None
    off = model.status_signals_off if status else ()
    s = retriever.score(index, off=off, like=like)
    relevance = model.status_relevance if status else (model.relevance if model is not None else None)
    if relevance is not None and len(retriever.passages_):
        unit = retriever.units_[index]
        # Only the status reads the distractor profile: the evidence ranking loses hit@3 with it (0.978 -> 0.961).
        distractor = model.distractor_for(unit) if status else None
        X = pair_features(retriever, index, s, model.profile_for(unit), distractor, off=off, memo=memo)
        s = replace(s, relevance=relevance.predict_proba(X, overwrite=True)[:, 1])  # X is this call's own
    return s


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidates:
    """A unit's best passages by its ranking, best first (ties by position), with their ranking and fused scores:
    what its evidence is chosen from. Only these are kept once a requirement is scored, not the arrays over every
    passage (those grow with passages x requirements: 1.19 GB at 594 pages x 2,000 requirements)."""

    unit: Unit
    passages: tuple[int, ...]
    ranking: tuple[float, ...]
    fused: tuple[float, ...]
    learned: bool  # ranked by learned relevance (else by the fused score): the evidence floor depends on it

    @classmethod
    def of(cls, s: UnitScores, k: int) -> Candidates:
        top = top_passages(s, k)
        return cls(unit=s.unit, passages=tuple(top), ranking=tuple(float(s.ranking[i]) for i in top),
                   fused=tuple(float(s.fused[i]) for i in top), learned=s.relevance is not None)


# How many of a unit's best-ranked passages are read sentence by sentence (reading.read): the evidence shown is
# taken from them, and the status follows from their verdicts. Five covers the gold evidence of 0.98 of the corpus
# pairs (hit@3 0.981; the remaining quotes rank fourth or fifth), at a bounded cost per requirement.
READ_TOP = 5
# Passage verdicts in order of strength: what decides a unit's status (evidence-first, issue 16).
STRENGTH = (PassageVerdict.SUBSTANCE, PassageVerdict.MENTION, PassageVerdict.NOT_DONE)


class PassageReader:
    """Reads candidate passages of one report; each passage's sentence cues are computed once per audit."""

    def __init__(self, retriever: Retriever):
        self.retriever = retriever
        self._cues: dict[int, tuple] = {}
        self._units: dict[int, tuple[frozenset, frozenset]] = {}
        self._readings: dict[tuple[int, int], reading.PassageReading] = {}
        self._texts = {u.requirement_id: u.focus for u in retriever.units_ if u.facet is None}
        self._grams: dict[str, frozenset] = {}  # by the requirement's text: its facets quote the same runs

    def export(self) -> tuple[dict, dict]:
        """What this reader has read (passage cues, readings), for another reader of the same retriever (merge)."""
        return self._cues, self._readings

    def merge(self, exported: tuple[dict, dict]) -> None:
        """Take over what another reader of the same retriever read (export): the same values this one would
        compute for those keys."""
        cues, readings = exported
        for key, value in cues.items():
            self._cues.setdefault(key, value)
        for key, value in readings.items():
            self._readings.setdefault(key, value)

    def read(self, i: int, unit_index: int) -> reading.PassageReading:
        """The verdict of passage i for the unit (a requirement or one of its facets); the status models and the
        evidence ask for the same pairs, so each is read once."""
        key = (i, unit_index)
        if key not in self._readings:
            if i not in self._cues:
                self._cues[i] = reading.analyse(self.retriever.passages_[i].text)
            if unit_index not in self._units:
                unit = self.retriever.units_[unit_index]
                # A facet is read for its own words; the requirement's whole text marks quotations of it.
                text = self._texts.get(unit.requirement_id, unit.focus)
                if text not in self._grams:
                    self._grams[text] = reading.quote_grams(text)
                self._units[unit_index] = (reading.content(unit.focus), self._grams[text])
            focus, grams = self._units[unit_index]
            self._readings[key] = reading.read(self._cues[i], focus=focus, grams=grams)
        return self._readings[key]


# The status models read a unit's best passages with those that only restate the mandate taken out: every real
# report recites its mandate in its introduction, and the recital shares every word of the requirement.
STATUS_SKIPS_RESTATEMENTS = True


def _without_restatements(s: UnitScores, unit_index: int, reader: PassageReader) -> tuple[UnitScores, list[int]]:
    """The unit's scores with its restating passages (among the READ_TOP best) scored zero, and their READ_TOP best
    passages (top_passages)."""
    top = top_passages(s, READ_TOP)
    drop = [i for i in top if reader.read(i, unit_index).verdict is PassageVerdict.RESTATEMENT]
    if not drop:
        return s, top
    keep = np.ones(s.fused.size, dtype=bool)
    keep[drop] = False
    s = replace(s, fused=s.fused * keep, focus_coverage=s.focus_coverage * keep,
                by_signal={k: v * keep for k, v in s.by_signal.items()},
                relevance=None if s.relevance is None else s.relevance * keep)
    return s, top_passages(s, READ_TOP)


def views(requirements: list[Requirement], retriever: Retriever, kb: KnowledgeBase,
          author_kinds: tuple[str, ...] = ("secretariat",), model: JudgeModel | None = None,
          reader: PassageReader | None = None, *, keep: int = READ_TOP) -> list[RequirementView]:
    """Score every unit once and build the feature rows of every requirement; each unit keeps its `keep` best
    passages as evidence candidates."""
    reader = reader or PassageReader(retriever)
    units = _units_by_requirement(retriever)
    return [_view(req, units[req.id], retriever, kb, author_kinds, model, reader, keep) for req in requirements]


def _units_by_requirement(retriever: Retriever) -> dict[str, list[int]]:
    """Each requirement's unit indices: the whole requirement first, then its facets."""
    by_req: dict[str, list[int]] = {}
    for i, u in enumerate(retriever.units_):
        by_req.setdefault(u.requirement_id, []).append(i)
    return by_req


def _view(req: Requirement, idx: list[int], retriever: Retriever, kb: KnowledgeBase, author_kinds: tuple[str, ...],
          model: JudgeModel | None, reader: PassageReader, keep: int) -> RequirementView:
    """One requirement's view: its units scored on both rankings, its feature rows, its evidence candidates."""
    memos = [{} for _ in idx]
    scores = [unit_scores(retriever, i, model, memo=m) for i, m in zip(idx, memos)]
    status_scores = ([unit_scores(retriever, i, model, for_status=True, memo=m, like=s)
                      for i, m, s in zip(idx, memos, scores)]
                     if model is not None and model.status_signals_off else scores)
    tops: list = [None] * len(idx)  # each unit's best passages on its status ranking, when already found
    if STATUS_SKIPS_RESTATEMENTS:
        pairs = [_without_restatements(s, i, reader) for s, i in zip(status_scores, idx)]
        status_scores, tops = [s for s, _ in pairs], [top for _, top in pairs]
    fp = [model.facet_prior_for(req.text, f) if model is not None else None for f in req.facets]
    X = np.array([unit_features(retriever, s, fp[k - 1] if k else None, top=tops[k])
                  for k, s in enumerate(status_scores)])
    other = may_be_manual(req, kb, author_kinds)
    # An actor that includes the author ("all stakeholders") is answered by what the author did, named or not.
    named = actor_named(retriever, status_scores[0], acting(req), top=tops[0]) or bool(
        other and acting(req) is not None and (a := kb.actor(acting(req))) is not None and a.includes_author)
    rx = requirement_features(X[0], status_scores[0], list(X[1:]), other_actor=other, kind=req.kind.value,
                              actor_in_top=named, prior=model.prior_for(req.text) if model is not None else None)
    keep = max(keep, READ_TOP)
    return RequirementView(requirement=req, unit_indices=idx, scores=[Candidates.of(s, keep) for s in scores],
                           ranking=Candidates.of(requirement_ranking(scores), keep), unit_X=X, req_x=rx,
                           other_actor=other, actor_in_top=named)


@one_thread()  # each unit's products are small: one BLAS thread (pipeline/blas.py)
def assess_all(requirements: list[Requirement], retriever: Retriever, model: JudgeModel, kb: KnowledgeBase, *,
               evidence_per_facet: int = 3, author_kinds: tuple[str, ...] = ("secretariat",),
               unreadable: str | None = None, addressed_floor: float | None = None,
               split: bool | None = None) -> list[Assessment]:
    """Assess every requirement against the passages the retriever was fitted on. A requirement the judge has an
    evidence profile for is read by it; any other by its fallback, trained without profiles (JudgeModel.judge_for).
    `addressed_floor`: the configured floor for addressed (None: ADDRESSED_FLOOR). `split`: read the later half of
    the requirements in a forked child (True), never (False), or when the work is large enough to gain (None);
    the assessments are the same either way."""
    floor = ADDRESSED_FLOOR if addressed_floor is None else addressed_floor
    if not requirements:
        return []
    judges = [model.judge_for(r.text) for r in requirements]
    reader = PassageReader(retriever)
    units = _units_by_requirement(retriever)
    # Scored in the order of the units, whichever judge reads each requirement: the retriever computes its
    # signals in blocks of units, and each block once.
    vs = _all_views(requirements, judges, units, retriever, kb, author_kinds, reader, evidence_per_facet, split)
    by_id: dict[str, Assessment] = {}
    for judge in dict.fromkeys(judges):  # the main judge first, then the fallback: deterministic
        group = [v for v, j in zip(vs, judges) if j is judge]
        req_probs = judge.requirement.predict_proba(np.array([v.req_x for v in group]))
        for v, p in zip(group, req_probs):
            facet_probs = (judge.facet.predict_proba(v.unit_X[1:]) if judge.facet is not None and len(v.unit_X) > 1
                           else np.zeros((0, 3)))
            by_id[v.requirement.id] = _assess(v, p, facet_probs, retriever, evidence_per_facet=evidence_per_facet,
                                              unreadable=unreadable, reader=reader, floor=floor)
    out = [by_id[r.id] for r in requirements]
    return _from_sub_items(requirements, out, evidence_per_facet)


# Below this many passage x unit pairs a fork costs more than the second core saves (the 300-page benchmark has
# 3.9 million; a ten-page report against one resolution about 20,000).
SPLIT_MIN_PAIRS = 400_000
# The share of the units whose requirements are read here. The child also pickles its views and readings for this
# process (about 1 MB on the 300-page benchmark); balanced by timing both shares there: at 0.47 the child answered
# 0.5-0.56 s after this process's share was done, at 0.52 before it or within 0.05 s.
SHARE_HERE = 0.52


def _all_views(requirements: list[Requirement], judges: list, units: dict[str, list[int]], retriever: Retriever,
               kb: KnowledgeBase, author_kinds: tuple[str, ...], reader: PassageReader, keep: int,
               split: bool | None) -> list[RequirementView]:
    """Every requirement's view (_view), in order. Views are independent of one another: with a second core and
    enough work, the later requirements' views are built in a forked child (pipeline/fork.py: beside) while
    this process builds the first ones, and the child's passage readings join this reader's. Each view is a pure
    function of the requirement and the fitted retriever (whose signals are computed in fixed blocks of units, the
    same whoever computes them), so the assessments are the same bytes either way (tests/judge/test_split.py)."""
    from ..fork import beside, serial_reason

    def view(r: Requirement, j) -> RequirementView:
        return _view(r, units[r.id], retriever, kb, author_kinds, j, reader, keep)

    pairs = len(retriever.passages_) * len(retriever.units_)
    if (split is False or len(requirements) < 2 or (split is None and pairs < SPLIT_MIN_PAIRS)
            or serial_reason() is not None):
        return [view(r, j) for r, j in zip(requirements, judges)]
    sizes = np.cumsum([len(units[r.id]) for r in requirements])
    h = min(max(int(np.searchsorted(sizes, sizes[-1] * SHARE_HERE)) + 1, 1), len(requirements) - 1)
    here: list[RequirementView] = []

    def later() -> list[RequirementView]:
        return [view(r, j) for r, j in zip(requirements[h:], judges[h:])]

    outcome = beside(lambda: (later(), reader.export()),
                     lambda done: here.extend(view(r, j) for r, j in zip(requirements[:h], judges[:h])),
                     name="wsis-audit-judge")
    if outcome is None:  # the child failed: its share is read here, where any error is raised as it always was
        return here + later()
    theirs, readings = outcome[0]
    reader.merge(readings)
    return here + theirs


def combine(statuses: list[Status]) -> Status:
    """The annotation rule for compound requirements: addressed only when every facet is, not addressed only
    when none is touched, partial otherwise. Facets left to a manual check do not count, unless all are."""
    judged = [s for s in statuses if s is not Status.MANUAL_CHECK]
    if not judged:
        return Status.MANUAL_CHECK
    if all(s is Status.ADDRESSED for s in judged):
        return Status.ADDRESSED
    if all(s is Status.NOT_ADDRESSED for s in judged):
        return Status.NOT_ADDRESSED
    return Status.PARTIAL


def most_probable(probs: dict[str, float]) -> str:
    """The status with the highest probability; ties go to the earlier one in REQ_CLASSES (deterministic)."""
    return max(REQ_CLASSES, key=lambda k: (probs[k], -REQ_CLASSES.index(k)))


def decode_compound(probs: dict[str, float],
                    facet_probs: np.ndarray) -> tuple[dict[str, float], dict[str, list[str]]]:
    """The requirement's status and its facets' statuses, decided together under the annotation rule (combine):
    the pair of a requirement status and facet statuses, consistent with each other, that the requirement model
    and the facet model together find most probable (the product of their probabilities). A manual check puts no
    constraint on the facets. Returns the requirement's probabilities, each scaled by how much of the facets'
    best joint probability its consistent facet statuses keep (the most probable of them is the decision), and
    for each status the facet statuses that go with it.

    Measured against overriding one model by the other's argmax (leave-one-report-family-out, 543 pairs):
    status 0.775 -> 0.788, Brier 0.351 -> 0.314, facet status 0.694 -> 0.719 (README)."""
    logq = np.log(np.clip(facet_probs, 1e-9, 1.0))
    n = len(logq)
    best = logq.argmax(axis=1)
    top = float(logq[np.arange(n), best].sum())
    add, part, nota = (CLASSES.index(c) for c in ("addressed", "partial", "not_addressed"))
    configs: dict[str, list[int]] = {"addressed": [add] * n, "not_addressed": [nota] * n,
                                     "manual_check": [int(b) for b in best]}
    mixed = [int(b) for b in best]
    if n == 1:
        mixed = [part]
    elif len(set(mixed)) == 1 and mixed[0] != part:
        # Every facet's best status is the same, addressed or not: the cheapest single change makes it mixed.
        _, i, c = min((float(logq[i, mixed[i]] - logq[i, c]), i, c)
                      for i in range(n) for c in range(3) if c != mixed[i])
        mixed[i] = c
    configs["partial"] = mixed
    scaled = {k: probs[k] * float(np.exp(logq[np.arange(n), configs[k]].sum() - top)) for k in REQ_CLASSES}
    total = sum(scaled.values())
    out = {k: x / total for k, x in scaled.items()} if total > 0 else dict(probs)
    return out, {k: [CLASSES[c] for c in v] for k, v in configs.items()}


def _from_sub_items(requirements: list[Requirement], assessments: list[Assessment], k: int) -> list[Assessment]:
    """An item with printed sub-items ("5" with "5 a)" and "5 b)") follows them: its facets are their judgements."""
    from ..extract import sub_item_children

    by_id = {a.requirement_id: a for a in assessments}
    reqs = {r.id: r for r in requirements}
    children = sub_item_children(requirements)
    out = []
    for a in assessments:
        kids = [by_id[c.id] for c in children.get(a.requirement_id, ()) if c.id in by_id]
        req = reqs[a.requirement_id]
        if not kids or req.checkability is Checkability.PROCEDURAL:  # procedural stays a manual check
            out.append(a)
            continue
        facets = tuple(FacetAssessment(label=f.label, status=c.status, confidence=c.confidence, evidence=c.evidence[:k])
                       for f, c in zip(req.facets, kids))
        status = combine([c.status for c in kids])
        conf = min(c.confidence for c in kids)
        probs = tuple((s.value, round(conf if s is status else (1 - conf) / 3, 4)) for s in Status)
        evidence = tuple(sorted((e for c in kids for e in c.evidence), key=lambda e: -e.score)[:k])
        done = sum(c.status is Status.ADDRESSED for c in kids)
        out.append(replace(a, status=status, confidence=round(conf, 4), probabilities=probs,
                           evidence=() if status is Status.NOT_ADDRESSED else evidence, facets=facets,
                           rationale=f"follows its sub-items: {done} of {len(kids)} addressed"))
    return out


def requirement_ranking(scores: list[UnitScores]) -> UnitScores:
    """What a requirement's own evidence is ranked by: for each passage, its best relevance to the requirement as a
    whole or to any one of its facets, so that a compound requirement shows the passages on its parts
    (measured: evidence hit@3 0.892 -> 0.899 over 139 pairs)."""
    whole = scores[0]
    parts = [s.relevance for s in scores if s.relevance is not None]
    if whole.relevance is None or len(parts) < 2:
        return whole
    return replace(whole, relevance=np.max(np.vstack(parts), axis=0))


def _evidence(retriever: Retriever, unit_index: int, s: Candidates, k: int, reader: PassageReader,
              ) -> tuple[tuple[Evidence, ...], list[tuple[Passage, reading.PassageReading]]]:
    """The unit's evidence (at most k passages of substance or mention, best first) among its READ_TOP best
    passages above the relevance floor, and every reading made (deferrals and restatements included: the
    rationale names them)."""
    ev, read = [], []
    # A facet's relevance comes from a model trained on whole requirements, and is no probability for a facet's
    # few words (its best passages score 0.01-0.15 where the fused signals give 0.35-0.65): facets are ranked by
    # it but held to the fused floor.
    facet = retriever.units_[unit_index].facet is not None
    floor = MIN_RELEVANCE if s.learned and not facet else MIN_FUSED
    for i, score, fused in list(zip(s.passages, s.ranking, s.fused))[:max(k, READ_TOP)]:
        if facet and fused < floor:
            continue  # ranked by relevance, so a later passage may still pass the fused floor
        if not facet and score < floor:
            break
        p = retriever.passages_[i]
        r = reader.read(i, unit_index)
        read.append((p, r))
        if r.verdict in (PassageVerdict.SUBSTANCE, PassageVerdict.MENTION) and len(ev) < k:
            shown = fused if facet else score  # a facet's passages are held to, and show, the fused score
            ev.append(_shown(retriever, unit_index, i, r, shown))
    return tuple(ev), read


def _shown(retriever: Retriever, unit_index: int, i: int, r: reading.PassageReading, score: float) -> Evidence:
    """Passage i as evidence for the unit, with its score and its reading."""
    p = retriever.passages_[i]
    return Evidence(passage_id=p.id, text=p.text, locator=p.locator, score=round(min(1.0, score), 4),
                    matched_terms=retriever.matched_terms(unit_index, i), heading_trail=p.heading_trail,
                    verdict=r.verdict, reading=r.why)


def _touch(retriever: Retriever, unit_index: int, s: Candidates, reader: PassageReader, *, target: bool = False,
           ) -> tuple[Evidence | None, list[tuple[Passage, reading.PassageReading]]]:
    """The best of the unit's READ_TOP passages that touches it (a mention ranked at least MENTION_FLOOR, or a passage
    of substance ranked at least SUBSTANCE_FLOOR; MIN_FUSED for both without a relevance model), or None; and every
    reading made above the lower floor, so that a rationale can name the deferral or the restatement it saw. A
    `target` is judged by substance only (corpora/README.md): an event or a plan says nothing of how far it is."""
    floors = ({PassageVerdict.MENTION: MENTION_FLOOR, PassageVerdict.SUBSTANCE: SUBSTANCE_FLOOR} if s.learned
              else dict.fromkeys((PassageVerdict.MENTION, PassageVerdict.SUBSTANCE), MIN_FUSED))
    if target:
        floors = {PassageVerdict.SUBSTANCE: floors[PassageVerdict.SUBSTANCE]}
    read = []
    for i, score in list(zip(s.passages, s.ranking))[:READ_TOP]:
        if score < min(floors.values()):
            break
        p, r = retriever.passages_[i], reader.read(i, unit_index)
        read.append((p, r))
        if score >= floors.get(r.verdict, 2.0):
            return _shown(retriever, unit_index, i, r, score), read
    return None, read


def best_verdict(evidence: tuple[Evidence, ...]) -> PassageVerdict | None:
    """The strongest verdict among the evidence passages."""
    for v in STRENGTH:
        if any(e.verdict is v for e in evidence):
            return v
    return None


def capped(status: Status, evidence: tuple[Evidence, ...]) -> Status:
    """Evidence first: the status a unit's own passages can carry. Addressed needs a passage of substance; a
    mention alone (events, links, a plan) is partial at most; nothing but deferrals or restatements is not
    addressed."""
    if status not in (Status.ADDRESSED, Status.PARTIAL):
        return status
    best = best_verdict(evidence)
    if best is None:
        return Status.NOT_ADDRESSED
    if status is Status.ADDRESSED and best is not PassageVerdict.SUBSTANCE:
        return Status.PARTIAL
    return status


def _move(full: dict[str, float], old: Status, new: Status) -> None:
    """A status the evidence cannot carry hands its probability to the one it can."""
    if old is not new:
        full[new.value] += full[old.value]
        full[old.value] = 0.0


def _cite(p: Passage | Evidence, why: str) -> str:
    return f"{p.locator} {why}"


def _unit_rationale(status: Status, evidence: tuple[Evidence, ...], read) -> str:
    """The passage(s) that decided, in the words of their verdicts."""
    if status is Status.ADDRESSED:
        e = next(e for e in evidence if e.verdict is PassageVerdict.SUBSTANCE)
        return _cite(e, e.reading)
    if status is Status.PARTIAL:
        e = evidence[0]
        tail = "" if e.verdict is PassageVerdict.MENTION else " on part of it only"
        return _cite(e, e.reading + tail)
    denied = next(((p, r) for p, r in read if r.verdict is PassageVerdict.NOT_DONE), None)
    if denied:
        return _cite(denied[0], denied[1].why)
    restating = next((p for p, r in read if r.verdict is PassageVerdict.RESTATEMENT), None)
    if restating:
        return f"no passage answers it; {restating.locator} only restates the mandate"
    return "no passage of the report answers it"


def _assess(v: RequirementView, probs: np.ndarray, facet_probs: np.ndarray, retriever: Retriever, *,
            evidence_per_facet: int, unreadable: str | None, reader: PassageReader,
            floor: float = ADDRESSED_FLOOR) -> Assessment:
    """The trained models propose a status for the requirement and its facets; the passages of this report decide
    what it can be (capped): every status is shown with the passages that carry it, or with none."""
    req = v.requirement
    k = evidence_per_facet
    full, configs = _proposal(v, probs, facet_probs)
    status = Status(most_probable(full))
    facets, notes = _assess_facets(v, facet_probs, configs.get(status.value, []), retriever, k, reader)
    evidence, read = _evidence(retriever, v.unit_indices[0], v.ranking, k, reader)
    if req.checkability is Checkability.PROCEDURAL:
        status = Status.MANUAL_CHECK
        full = dict.fromkeys(REQ_CLASSES, 0.0) | {"manual_check": 1.0}
        rationale = "procedural: whether it was done (dates, circulation, meetings) cannot be shown by report text"
    elif status is Status.MANUAL_CHECK or (v.other_actor and (status is Status.NOT_ADDRESSED or not v.actor_in_top)):
        # The report is silent on another actor's task when no passage on it even names that actor.
        # Silence on another actor's task is not the report's gap: a reader checks it elsewhere.
        full["manual_check"], full["not_addressed"] = full["manual_check"] + full["not_addressed"], 0.0
        status = Status.MANUAL_CHECK
        rationale = f"{addressee_words(req)}, not the report's author; the report does not answer it"
    else:
        status, evidence, rationale = _decide(v, full, status, facets, notes, evidence, read, k, unreadable,
                                              _touch(retriever, v.unit_indices[0], v.ranking, reader,
                                                     target=req.kind is RequirementKind.TARGET), floor=floor)
    if status is Status.NOT_ADDRESSED:
        evidence = ()
    return Assessment(requirement_id=req.id, status=status, confidence=round(full[status.value], 4),
                      probabilities=tuple((s, round(x, 4)) for s, x in full.items()), evidence=evidence,
                      facets=tuple(facets), rationale=rationale)


def _proposal(v: RequirementView, probs: np.ndarray, facet_probs: np.ndarray) -> tuple[dict, dict[str, list[str]]]:
    """The models' status probabilities (manual check only for another actor's task) and, for a compound
    requirement, the facet statuses that go with each requirement status."""
    full = dict(zip(REQ_CLASSES, (float(x) for x in probs)))
    if not v.other_actor:  # manual check is not an answer for the author's own task
        full["manual_check"] = 0.0
    total = sum(full.values()) or 1.0
    full = {key: x / total for key, x in full.items()}
    configs: dict[str, list[str]] = {}
    if len(facet_probs):
        full, configs = decode_compound(full, facet_probs)
    return full, configs


def _assess_facets(v: RequirementView, facet_probs: np.ndarray, proposed: list[str], retriever: Retriever, k: int,
                   reader: PassageReader) -> tuple[list[FacetAssessment], list[str]]:
    """Each facet's status as its own passages leave the proposed one, and a note for those the report touches."""
    facets: list[FacetAssessment] = []
    notes: list[str] = []
    for s, p, ui, fs in zip(v.scores[1:], facet_probs, v.unit_indices[1:], proposed):
        status = Status(fs)
        ev, read = _evidence(retriever, ui, s, k, reader) if status is not Status.NOT_ADDRESSED else ((), [])
        final = capped(status, ev)
        ev = ev if final in (Status.ADDRESSED, Status.PARTIAL) else ()
        conf = float(p[CLASSES.index(final.value)]) + (float(p[CLASSES.index(fs)]) if final is not status else 0.0)
        facets.append(FacetAssessment(label=s.unit.label, status=final, confidence=round(min(1.0, conf), 4),
                                      evidence=ev))
        if final is not Status.NOT_ADDRESSED:
            notes.append(f"{s.unit.label}: {_unit_rationale(final, ev, read)}")
    return facets, notes


def _decide(v: RequirementView, full: dict, proposed: Status, facets: list[FacetAssessment], notes: list[str],
            evidence: tuple, read, k: int, unreadable: str | None,
            touch: tuple[Evidence | None, list] = (None, []), *, floor: float = ADDRESSED_FLOOR
            ) -> tuple[Status, tuple, str]:
    """The author's own content requirement: the facets combined by the annotation rule, capped by this report's
    passages, with the probability mass moved to the status shown (`full` is updated) and its rationale. `touch`:
    the passage that keeps it from not addressed, if any (_touch)."""
    req = v.requirement
    status = proposed
    if facets:
        # The annotation rule over the facets as their own passages left them.
        status = combine([f.status for f in facets])
        if status is not Status.NOT_ADDRESSED and not evidence:
            evidence = tuple(sorted((e for f in facets for e in f.evidence), key=lambda e: -e.score))[:k]
    status = capped(status, evidence)
    found, seen = touch
    read = [*read, *((p, r) for p, r in seen if all(p.id != q.id for q, _ in read))]
    # A compound requirement follows its facets (combine): each facet is read for its own words.
    by_touch = status is Status.NOT_ADDRESSED and found is not None and not facets
    if by_touch:
        evidence, status = (found,), Status.PARTIAL
    p_addressed = full["addressed"]
    unsure = status is Status.ADDRESSED and p_addressed < floor
    if unsure:
        status = Status.PARTIAL
    _move(full, proposed, status)
    if facets:
        done = sum(f.status is Status.ADDRESSED for f in facets)
        rationale = f"{done} of {len(facets)} facets addressed" + (f" ({'; '.join(notes)})" if notes else "")
        if status is Status.PARTIAL and done == len(facets) and not unsure:
            # Measured: showing the facets' passages instead and calling it addressed gave more false
            # all-clears (0.113 -> 0.119, leave one mandate out): the whole is only mentioned.
            rationale += "; the passages on the requirement as a whole only mention it"
        if status is Status.NOT_ADDRESSED:
            rationale += "; " + _unit_rationale(status, (), read)
    else:  # an unsure answer is cited as the substance it is
        rationale = _unit_rationale(Status.ADDRESSED if unsure else status, evidence, read)
    if unsure:
        rationale += (f"; shown as partial: the judge is not sure enough to call it addressed (probability "
                      f"{p_addressed:.2f}, below {floor:.2f}); read the evidence")
    if status is Status.NOT_ADDRESSED and unreadable:
        _move(full, status, Status.MANUAL_CHECK)
        return Status.MANUAL_CHECK, evidence, f"nothing found, but part of the report could not be read ({unreadable})"
    if status is Status.NOT_ADDRESSED and v.other_actor:
        # What looked like an answer on another actor's task was none: silence, a check elsewhere.
        _move(full, status, Status.MANUAL_CHECK)
        return (Status.MANUAL_CHECK, evidence,
                f"{addressee_words(req)}, not the report's author; the report does not answer it")
    return status, evidence, rationale
