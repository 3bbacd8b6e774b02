"""The final fit of the judge: passage relevance first, then the requirement and facet models.

Each training report is read with the profiles of the other families only, as an audited report is.
"""

from __future__ import annotations

import numpy as np

from ..corpus import normalize
from ..judge import views
from ..judge.features import FEATURES, PAIR_FEATURES, REQ_FEATURES, pair_features
from ..judge.model import (CLASSES, REL_CLASSES, REQ_CLASSES, JudgeModel, LinearModel, facet_entry, facet_key,
                           profile_key)
from ..kb import KnowledgeBase, load_kb
from ..model import Checkability
from .estimators import RANKING_C_GRID, _fit_linear, _fit_staged, _ranking_C
from .prepare import PreparedReport
from .profiles import _merge, _nest, _report_counts

# The status is read from passages ranked without the TF-IDF cosine. Measured by `wsis-audit eval --ablation`
# (leave-one-report-family-out): on five report families, status accuracy 0.711 with it and 0.759 without; on
# seven, 0.672 and 0.703. Evidence hit@3 needs it (0.926 -> 0.895 on five families without it). Shared words pull
# in distractors and negations ("No update of the roadmaps was prepared") as the best passage; the coverage,
# concept, LSA and key-term signals carry the topic. So the evidence keeps every signal and the status does not.
# (The choice was made on the same cross-validation: the figure is a little optimistic.)
STATUS_SIGNALS_OFF = ("lexical",)


def _relevance_rows(pr: PreparedReport, off: tuple[str, ...] = (), profiles: dict | None = None,
                    distractors: dict | None = None):
    """(unit, passage) rows: a passage holding a gold evidence quote is relevant; for a pair judged
    not addressed, no passage is. Pairs with a status but no evidence quoted are left out. `profiles` and
    `distractors`: the evidence and distractor profiles this report is read with (never from its own family)."""
    X, y = [], []
    profiles, distractors = profiles or {}, distractors or {}
    for i, unit in enumerate(pr.retriever.units_):
        if unit.facet is not None:
            continue
        g = pr.gold_by_req.get(unit.requirement_id)
        if g is None:
            continue
        quotes = [normalize(q) for q in g.get("evidence", [])]
        if not quotes and g["status"] != "not_addressed":
            continue
        key = profile_key(unit.focus)
        rows = pair_features(pr.retriever, i, pr.retriever.score(i, off=off), profiles.get(key), distractors.get(key))
        X.append(rows)
        y += ["relevant" if any(q in txt for q in quotes) else "irrelevant" for txt in pr.passage_norm]
    return X, y


def _training_rows(pr: PreparedReport, kb: KnowledgeBase, model: JudgeModel):
    """Requirement rows (gold status; procedural ones are decided by rule, not learned) and facet rows (facets
    aligned to gold facets by label), with relevance from the given model."""
    req_X, req_y, fac_X, fac_y = [], [], [], []
    for v in views(pr.requirements, pr.retriever, kb, model=model):
        g = pr.gold_by_req.get(v.requirement.id)
        if g is None:
            continue
        procedural = (g["gold_requirement"].get("checkability") == "procedural"
                      or v.requirement.checkability is Checkability.PROCEDURAL)
        label = g["status"]
        if not procedural and not (label == "manual_check" and not v.other_actor):
            req_X.append(v.req_x)
            req_y.append(label)
        gf = {facet_key(f["facet"]): f for f in g.get("facets", [])}
        for row, facet in zip(v.unit_X[1:], v.requirement.facets):
            match = facet_entry(gf, facet)
            if match is not None and match["status"] in CLASSES:
                fac_X.append(row)
                fac_y.append(match["status"])
    return req_X, req_y, fac_X, fac_y


def fit(reports: list[PreparedReport], *, C: float = 1.0, profiles: bool = True) -> JudgeModel:
    """Fit passage relevance first, then the requirement and facet models on features that use it.

    With `profiles`, each training report is read with the evidence and distractor profiles of the other families
    only, as a report being audited is (its own annotations never describe its own passages), and the judge gets a
    fallback fitted without profiles, for requirements the corpus does not annotate."""
    kb = load_kb()
    # With the profile signal switched off (the ablation), profiles would be zero: no fallback is needed either.
    profiles = profiles and not any("profile" in r.retriever.disabled for r in reports)
    groups = sorted({r.group for r in reports})
    # Each report's contribution is counted once, then summed over the other families for each family.
    kinds = ("evidence", "distractor", "status", "facet")
    counts = {kind: [_report_counts(r, kind) if profiles else {} for r in reports] for kind in kinds}
    own = {kind: {g: _merge(c for r, c in zip(reports, counts[kind]) if r.group != g) for g in groups}
           for kind in kinds}
    relevance, n_pairs = _fit_relevance(reports, (), own, C=C, rank_grid=RANKING_C_GRID)
    # Only the status reads distractor profiles (JudgeModel.distractor_for): the evidence ranking loses with them.
    status_relevance, _ = _fit_relevance(reports, STATUS_SIGNALS_OFF, own, C=C, distractors=True)
    staged = JudgeModel(None, None, relevance, status_relevance, STATUS_SIGNALS_OFF)
    (RX, Ry, Rg), (FX, Fy, Fg) = _status_rows(reports, kb, staged, own)
    req = _fit_staged(RX, Ry, np.array(Rg), classes=REQ_CLASSES, features=REQ_FEATURES)
    # Unweighted: the facet model's probabilities enter the joint decision (decode_compound) as they are.
    facet = (_fit_linear(FX, Fy, np.array(Fg), classes=CLASSES, features=FEATURES, C=C, class_weight=None)
             if set(Fy) >= set(CLASSES) else None)
    model = JudgeModel(req, facet, relevance, status_relevance, STATUS_SIGNALS_OFF,
                       _merge(counts["evidence"]) if profiles else None,
                       fit(reports, C=C, profiles=False) if profiles else None,
                       _merge(counts["distractor"]) if profiles else None,
                       _merge(counts["status"]) if profiles else None,
                       _nest(_merge(counts["facet"])) if profiles else None)
    model.training_rows_ = {"passage_pairs": n_pairs, "requirements": len(Ry), "facets": len(Fy)}
    return model


def _fit_relevance(reports: list[PreparedReport], off: tuple[str, ...], own: dict, *, C: float,
                   rank_grid: tuple[float, ...] = (), distractors: bool = False) -> tuple[LinearModel, int]:
    """The passage relevance model (signals `off` left out) and its number of training pairs; with `rank_grid`, its
    C chosen by evidence hit@3 on held-out families. `own[kind][family]`: the profiles each family is read with."""
    PX, Py, Pg, Pu = [], [], [], []
    for r in reports:
        X, y = _relevance_rows(r, off, own["evidence"][r.group],
                               own["distractor"][r.group] if distractors else None)
        for k, rows in enumerate(X):
            PX.append(rows)
            Pu += [f"{r.report_id}/{k}"] * len(rows)
        Py += y
        Pg += [r.group] * len(y)
    # Row-major, as ever: pair_features gives column-major rows, and the mean and scale fit takes along a column-major
    # axis would be summed pairwise, in another order.
    X, groups = np.ascontiguousarray(np.vstack(PX)), np.array(Pg)
    c = _ranking_C(X, np.array(Py), groups, np.array(Pu), rank_grid) if rank_grid else C
    # Unweighted: relevance must stay a probability (about 2% of passages are evidence), not a balanced score.
    return _fit_linear(X, Py, groups, classes=REL_CLASSES, features=PAIR_FEATURES, C=c,
                       class_weight=None), len(Py)


def _status_rows(reports: list[PreparedReport], kb: KnowledgeBase, staged: JudgeModel, own: dict):
    """The requirement rows and the facet rows of every report, each as (X, y, families), read with the relevance
    models of `staged` and the profiles and priors of the other families."""
    RX, Ry, Rg, FX, Fy, Fg = [], [], [], [], [], []
    for r in reports:
        g = r.group
        rx, ry, fx, fy = _training_rows(r, kb, staged.with_profiles(own["evidence"][g], own["distractor"][g],
                                                                    own["status"][g], _nest(own["facet"][g])))
        RX += rx
        Ry += ry
        Rg += [g] * len(ry)
        FX += fx
        Fy += fy
        Fg += [g] * len(fy)
    return ((np.array(RX).reshape(-1, len(REQ_FEATURES)), Ry, Rg),
            (np.array(FX).reshape(-1, len(FEATURES)), Fy, Fg))
