"""Cross-validation of the judge: leave one report family out, leave one mandate out, pairs predicted.

Each gold pair is predicted with its evidence hit and the plain TF-IDF baseline's.
"""

from __future__ import annotations

import numpy as np

from ..config import Config
from ..corpus import normalize
from ..judge import assess_all, requirement_ranking, unit_scores
from ..judge.features import top_passages
from ..judge.model import CLASSES, JudgeModel, facet_entry, facet_key
from ..kb import KnowledgeBase, load_kb
from ..model import Requirement
from .fitting import fit
from .prepare import PreparedReport, restrict


def cross_validate(reports: list[PreparedReport], config: Config | None = None, *, C: float = 1.0,
                   unseen: list[dict] | None = None) -> list[dict]:
    """Leave one report family out: predictions for every gold pair, never scored on what it trained on.

    `unseen`, when given, receives the same pairs judged as if no requirement had an evidence profile (the
    fallback judge for all): the figure for a mandate the corpus does not annotate."""
    cfg = config or Config()
    kb = load_kb(cfg.kb_files)
    results = []
    for group in sorted({r.group for r in reports}):
        model = fit([r for r in reports if r.group != group], C=C)
        for r in (r for r in reports if r.group == group):
            results += predict_pairs(r, model, kb, cfg)
            if unseen is not None:
                unseen += predict_pairs(r, model.with_profiles({}), kb, cfg)
    return results



def cross_validate_by_mandate(reports: list[PreparedReport], config: Config | None = None, *,
                              C: float = 1.0) -> list[dict]:
    """Leave one mandate document out: each mandate's requirements are judged, in every report that answers them,
    by a judge fitted on the pairs of the other mandates only. The judge has never seen the requirement, its
    wording or how any report answered it: the figure to expect of a resolution or contribution that is not in
    the corpus. Fitted without evidence profiles, since none can exist for a requirement never annotated."""
    cfg = config or Config()
    kb = load_kb(cfg.kb_files)
    mandates = sorted({g["mandate"] for r in reports for g in [*r.gold_by_req.values(), *r.unaligned]})
    results = []
    for m in mandates:
        train = [t for t in (restrict(r, lambda d: d != m) for r in reports) if t.gold_by_req]
        model = fit(train, C=C, profiles=False)
        for r in reports:
            held = restrict(r, lambda d: d == m)
            if held.gold_by_req or held.unaligned:
                results += [p | {"mandate": m} for p in predict_pairs(held, model, kb, cfg)]
    return results


def predict_pairs(r: PreparedReport, model: JudgeModel, kb: KnowledgeBase, cfg: Config) -> list[dict]:
    """Predicted status, probabilities and evidence hit for each gold pair of a report."""
    assessments = assess_all(r.requirements, r.retriever, model, kb, evidence_per_facet=cfg.evidence_per_facet)
    by_id = {a.requirement_id: a for a in assessments}
    units: dict[str, list[int]] = {}
    for i, u in enumerate(r.retriever.units_):  # whole requirement first, then its facets
        units.setdefault(u.requirement_id, []).append(i)
    out = []
    reqs = {q.id: q for q in r.requirements}
    baseline = tfidf_baseline(r)
    for req_id, g in sorted(r.gold_by_req.items(), key=lambda kv: kv[1]["requirement"]):
        a = by_id[req_id]
        # The ranking the requirement's evidence is shown in (judge.requirement_ranking).
        judge = model.judge_for(r.retriever.units_[units[req_id][0]].focus)
        top = top_passages(requirement_ranking([unit_scores(r.retriever, i, judge) for i in units[req_id]]))
        hit = baseline_hit = None
        if g.get("evidence"):
            quotes = [normalize(q) for q in g["evidence"]]
            hit = any(any(q in r.passage_norm[i] for q in quotes) for i in top)
            baseline_hit = any(any(q in r.passage_norm[i] for q in quotes) for i in baseline(reqs[req_id].text))
        out.append({"report": r.report_id, "requirement": g["requirement"], "gold": g["status"],
                    "predicted": a.status.value, "probabilities": dict(a.probabilities), "evidence_hit": hit,
                    "baseline_hit": baseline_hit, "also": g.get("also"),
                    "hard_case": g.get("hard_case"), "rationale": a.rationale,
                    "facets": _facet_pairs(reqs[req_id], a, g)})
    for g in r.unaligned:  # the extractor missed the requirement: the audit cannot have judged it
        out.append({"report": r.report_id, "requirement": g["requirement"], "gold": g["status"],
                    "predicted": "missing", "probabilities": {}, "evidence_hit": False if g.get("evidence") else None,
                    "baseline_hit": False if g.get("evidence") else None, "also": g.get("also"),
                    "hard_case": g.get("hard_case"), "rationale": "requirement not extracted"})
    return out


def tfidf_baseline(r: PreparedReport, k: int = 3):
    """The plain baseline the evidence ranking must beat: the report's passages ranked by TF-IDF cosine (English
    stop words, sublinear term frequency) against the requirement's own text. Returns a function from a
    requirement text to the indices of its k best passages, ties by position."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [p.text for p in r.retriever.passages_]
    if not texts:
        return lambda text: []
    vec = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts)
    P = vec.transform(texts)

    def top(text: str) -> list[int]:
        sims = (P @ vec.transform([text]).T).toarray().ravel()
        return [int(i) for i in np.lexsort((np.arange(sims.size), -sims))[:k]]

    return top


def _facet_pairs(req: Requirement, a, g: dict) -> list[dict]:
    """Gold and predicted status of each extracted facet that the annotators also judged (aligned by label, as in
    training)."""
    gf = {facet_key(f["facet"]): f for f in g.get("facets", [])}
    out = []
    for facet, fa in zip(req.facets, a.facets):
        match = facet_entry(gf, facet)
        if match is not None and match["status"] in CLASSES:
            out.append({"facet": facet.label, "gold": match["status"], "predicted": fa.status.value})
    return out

