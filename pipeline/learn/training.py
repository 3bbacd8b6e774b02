"""Training data from the annotated corpus, the final fit, and cross-validation (by report family and by mandate).

Reports are grouped by family (a draft and its revision are one group) so that no test report has a sibling
in training. Calibration (temperature) is fitted on out-of-fold logits inside the training groups only.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from ..config import Config
from ..corpus import CORPUS_DIR, align, load_manifest, normalize, report_group, resolve_corpus_path
from ..extract import extract
from ..kb import KnowledgeBase, load_kb
from ..match.passages import make_passages
from ..match.retrieve import Retriever, units_for
from ..judge import assess_all, requirement_ranking, unit_scores, views
from ..judge.features import FEATURES, PAIR_FEATURES, REQ_FEATURES, pair_features, top_passages
from ..judge.model import (CLASSES, REL_CLASSES, REQ_CLASSES, JudgeModel, LinearModel, StagedModel, facet_entry,
                           facet_key, fit_temperature, profile_key)
from ..model import Checkability, Requirement
from ..parse import parse_file


@dataclass(slots=True)
class PreparedReport:
    """One annotated report, parsed, with its requirements aligned to gold and its retriever fitted."""

    report_id: str
    group: str
    requirements: list[Requirement]
    gold_by_req: dict[str, dict]  # extracted requirement id -> gold assessment (with gold requirement record)
    unaligned: list[dict]  # gold assessments whose requirement the extractor missed
    retriever: Retriever
    passage_norm: list[str]


def prepare_corpus(config: Config | None = None, *, semantic: str | None = None,
                   disabled: tuple[str, ...] = ()) -> list[PreparedReport]:
    """Every report of the manifest with gold assessments, ready for training and evaluation (text renderings)."""
    cfg = config or Config()
    kb = load_kb(cfg.kb_files)
    gold_reqs: dict[str, dict] = {}
    for p in sorted((CORPUS_DIR / "gold" / "requirements").glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        gold_reqs[data["document"]] = data
    mandate_cache: dict[str, list[Requirement]] = {}
    out = []
    for cd in load_manifest():
        if cd.role != "report" or cd.gold is None:
            continue
        gold = json.loads(cd.gold.read_text(encoding="utf-8"))
        report = parse_file(resolve_corpus_path(gold["report"]), cfg)
        reqs: list[Requirement] = []
        gold_by_req: dict[str, dict] = {}
        gold_assess = {a["requirement"]: a for a in gold["assessments"]}
        unaligned = []
        for m in gold["mandates"]:
            if m not in mandate_cache:
                mandate_cache[m] = list(extract(parse_file(resolve_corpus_path(m), cfg), kb_files=cfg.kb_files)
                                        .requirements)
            extracted = mandate_cache[m]
            reqs.extend(extracted)
            g_list = gold_reqs[m]["requirements"]
            a = align(g_list, extracted)
            for g, r in a.pairs:
                if g["id"] in gold_assess:
                    gold_by_req[r.id] = {**gold_assess[g["id"]], "gold_requirement": g, "mandate": m}
            unaligned += [{**gold_assess[g["id"]], "mandate": m} for g in a.missed if g["id"] in gold_assess]
        passages = make_passages(report, max_words=cfg.passage_max_words, overlap=cfg.passage_overlap_words)
        units = [u for r in reqs for u in units_for(r, kb)]
        retriever = Retriever(semantic=semantic or cfg.semantic, disabled=disabled).fit(passages, units, cfg.kb_files)
        pr = PreparedReport(report_id=cd.id, group=report_group(cd.id), requirements=reqs, gold_by_req=gold_by_req,
                            unaligned=unaligned, retriever=retriever,
                            passage_norm=[normalize(p.text) for p in passages])
        out.append(pr)
    return out


# The status is read from passages ranked without the TF-IDF cosine. Measured by `wsis-audit eval --ablation`
# (leave-one-report-family-out): on five report families, status accuracy 0.711 with it and 0.759 without; on
# seven, 0.672 and 0.703. Evidence hit@3 needs it (0.926 -> 0.895 on five families without it). Shared words pull
# in distractors and negations ("No update of the roadmaps was prepared") as the best passage; the coverage,
# concept, LSA and key-term signals carry the topic. So the evidence keeps every signal and the status does not.
# (The choice was made on the same cross-validation: the figure is a little optimistic.)
STATUS_SIGNALS_OFF = ("lexical",)


def evidence_profiles(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), the lemma counts of the passages quoted as its
    evidence where it is addressed or partial, over the reports of every family but `leave_out`."""
    return _merge(_report_counts(pr, "evidence") for pr in reports if pr.group != leave_out)


# How many of the passages ranked highest for a requirement, and not quoted, make its distractor profile.
DISTRACTOR_TOP_K = 3


def distractor_profiles(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), the lemma counts of the passages that the
    retrieval signals rank highest (the DISTRACTOR_TOP_K best by fused score) but that annotators did not quote as
    its evidence, over the reports of every family but `leave_out`. Pairs left to a manual check are skipped: there
    the report's silence, not a wrong passage, decides. Such passages share the requirement's words and answer
    something else ("the ITU Academy's course catalogue includes artificial intelligence" against the priority
    areas of the WSIS vision), and reports of the same family of documents tend to repeat them."""
    return _merge(_report_counts(pr, "distractor") for pr in reports if pr.group != leave_out)


def status_priors(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), how many reports of every family but
    `leave_out` the annotators left in each status. It tells the judge how hard a requirement is to answer in
    full: the Broadband Commission's gender target ("equality across all the targets") is partial in seven of the
    eight reports that judge it, because reports give the gender gap for Internet use and for nothing else."""
    return _merge(_report_counts(pr, "status") for pr in reports if pr.group != leave_out)


def facet_priors(reports: list[PreparedReport], *,
                 leave_out: str | None = None) -> dict[str, dict[str, dict[str, int]]]:
    """For each annotated requirement and each of its annotated facets (by facet_key), how many reports of every
    family but `leave_out` left the facet in each status. The facet judge reads it: of the Action Lines whose
    roadmaps Resolution 1390 asks to update, reports seldom say anything on the roadmap of C1 or C7, however much
    they say on those lines' topics."""
    return _nest(_merge(_report_counts(pr, "facet") for pr in reports if pr.group != leave_out))


def _report_counts(pr: PreparedReport, kind: str) -> dict[str, Counter]:
    """One report's contribution to the evidence or the distractor profiles, or to the status or facet priors."""
    counts: dict[str, Counter] = {}
    for i, unit in enumerate(pr.retriever.units_):
        g = pr.gold_by_req.get(unit.requirement_id)
        if unit.facet is not None or g is None:
            continue
        if kind == "status":
            counts.setdefault(profile_key(unit.focus), Counter())[g["status"]] += 1
            continue
        if kind == "facet":
            for f in g.get("facets", []):
                if f["status"] in CLASSES:
                    key = profile_key(unit.focus) + FACET_SEP + facet_key(f["facet"])
                    counts.setdefault(key, Counter())[f["status"]] += 1
            continue
        quotes = [normalize(q) for q in g.get("evidence", [])]
        if kind == "evidence":
            if g["status"] not in ("addressed", "partial"):
                continue
            chosen = [j for j, txt in enumerate(pr.passage_norm) if any(q in txt for q in quotes)]
        else:
            if g["status"] == "manual_check":
                continue
            fused = pr.retriever.score(i).fused
            chosen = [j for j in np.argsort(-fused, kind="stable")[:DISTRACTOR_TOP_K]
                      if fused[j] > 0 and not any(q in pr.passage_norm[j] for q in quotes)]
        for j in chosen:
            counts.setdefault(profile_key(unit.focus), Counter()).update(pr.retriever.passage_signals_[j].lemmas)
    return counts


FACET_SEP = "\n"  # between a requirement's key and its facet's key, while facet counts are merged


def _nest(flat: dict[str, dict[str, int]]) -> dict[str, dict[str, dict[str, int]]]:
    """Merged facet counts keyed "requirement\nfacet", as {requirement: {facet: counts}}."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for key, c in flat.items():
        req, facet = key.split(FACET_SEP, 1)
        out.setdefault(req, {})[facet] = c
    return out


def _merge(parts) -> dict[str, dict[str, int]]:
    """Add up per-report counts into profiles, in a stable order."""
    total: dict[str, Counter] = {}
    for counts in parts:
        for k, c in counts.items():
            total.setdefault(k, Counter()).update(c)
    return {k: dict(sorted(c.items())) for k, c in sorted(total.items())}


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


# Inner cross-validation (temperature, regularisation) holds out report families in at most this many folds, each
# family always whole and in one fold. One family per fold cost a fit per family: with the 27 families of the
# enlarged corpus a fit took minutes, and the leave-one-mandate-out evaluation seventeen of them.
INNER_FOLDS = 5


def inner_folds(groups: np.ndarray) -> list[np.ndarray]:
    """Boolean training masks, one per fold; families dealt round-robin in sorted order (deterministic)."""
    fams = sorted(set(groups))
    fold_of = {g: i % INNER_FOLDS for i, g in enumerate(fams)}
    k = min(INNER_FOLDS, len(fams))
    f = np.array([fold_of[g] for g in groups])
    return [f != i for i in range(k)]


def _fit_linear(X, y, groups, *, classes, features, C, class_weight: str | None = "balanced") -> LinearModel:
    """Fit, with the temperature chosen on out-of-fold logits grouped by report family."""
    y = np.array(y)
    logits, y_idx = [], []
    for train in inner_folds(groups):
        if len(set(y[train])) < len(classes) or (~train).sum() == 0:
            continue
        m = LinearModel(classes=classes, features=features, C=C, class_weight=class_weight).fit(X[train],
                                                                                               list(y[train]))
        keep = np.isin(y[~train], classes)
        logits.append(m.logits(X[~train][keep]))
        y_idx.append(np.array([classes.index(v) for v in y[~train][keep]]))
    t = fit_temperature(np.vstack(logits), np.concatenate(y_idx)) if logits else 1.0
    return LinearModel(classes=classes, features=features, C=C, class_weight=class_weight).fit(
        X, list(y), temperature=t)


# Regularisation of each stage of the status models, chosen inside the training set by grouped cross-validation
# (binary log loss of that stage's question on held-out report families): never on the family being scored.
C_GRID = (0.01, 0.03, 0.1, 0.3, 1.0)  # extended below 0.1, the old lower end, which was always chosen (0.728 -> 0.735)


def _fit_staged(X, y, groups, *, classes, features, grid: tuple[float, ...] = C_GRID) -> StagedModel:
    """Choose C per stage on held-out families, calibrate the temperature on out-of-fold logits, fit on all."""
    y = np.asarray(y)
    folds = inner_folds(groups)
    folds = [f for f in folds if (~f).any() and set(y[f]) >= set(classes)]
    chosen = {}
    for stage in StagedModel(classes=classes, features=features).stages:
        rows, yes = StagedModel.STAGES[stage]
        losses = []
        for C in grid:
            total, n = 0.0, 0
            for train in folds:
                m = StagedModel(classes=classes, features=features, C={stage: C}).fit(X[train], list(y[train]))
                held = ~train & np.isin(y, rows)
                if not held.any():
                    continue
                p = m.yes_probability((X[held] - m.mean_) / m.scale_, stage)
                t = np.isin(y[held], yes)
                total -= float(np.sum(np.log(np.where(t, p, 1 - p) + 1e-12)))
                n += int(held.sum())
            losses.append(total / n if n else np.inf)
        chosen[stage] = grid[int(np.argmin(losses))]  # ties: the first, most regularised
    logits, y_idx = [], []
    for train in folds:
        m = StagedModel(classes=classes, features=features, C=chosen).fit(X[train], list(y[train]))
        keep = ~train & np.isin(y, classes)
        logits.append(m.logits(X[keep]))
        y_idx.append(np.array([classes.index(v) for v in y[keep]]))
    t = fit_temperature(np.vstack(logits), np.concatenate(y_idx)) if logits else 1.0
    return StagedModel(classes=classes, features=features, C=chosen).fit(X, list(y), temperature=t)


# Regularisation of the evidence ranking, chosen inside the training set by evidence hit@3 on held-out report
# families. A paraphrased answer shares few words with the requirement, and a weakly regularised fusion learns the
# corpus's quirks: measured on eight families, hit@3 0.863 with C = 1 and 0.881 with C = 0.01; the status, read
# from its own relevance model, does not change.
RANKING_C_GRID = (0.01, 0.1, 1.0)


def _ranking_C(X: np.ndarray, y: np.ndarray, groups: np.ndarray, units: np.ndarray,
               grid: tuple[float, ...]) -> float:
    """The C whose relevance model most often ranks a gold evidence passage among the first three, on report
    families held out in turn (ties: the first, most regularised)."""
    relevant = y == "relevant"
    scores = []
    for C in grid:
        hits = total = 0
        for train in inner_folds(groups):
            if relevant[train].all() or not relevant[train].any():
                continue
            m = LinearModel(classes=REL_CLASSES, features=PAIR_FEATURES, C=C, class_weight=None).fit(
                X[train], list(y[train]))
            p = m.predict_proba(X[~train])[:, 1]
            for u in np.unique(units[~train]):
                rows = units[~train] == u
                if not relevant[~train][rows].any():
                    continue
                top = np.argsort(-p[rows], kind="stable")[:3]
                hits += int(relevant[~train][rows][top].any())
                total += 1
        scores.append(hits / total if total else 0.0)
    return grid[int(np.argmax(scores))]


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
    own_out, own_distractors, own_priors, own_facets = (
        {g: _merge(c for r, c in zip(reports, counts[kind]) if r.group != g) for g in groups} for kind in kinds)

    def fit_relevance(off: tuple[str, ...], *, rank_grid: tuple[float, ...] = (),
                      distractors: bool = False) -> tuple[LinearModel, int]:
        PX, Py, Pg, Pu = [], [], [], []
        for r in reports:
            X, y = _relevance_rows(r, off, own_out[r.group], own_distractors[r.group] if distractors else None)
            for k, rows in enumerate(X):
                PX.append(rows)
                Pu += [f"{r.report_id}/{k}"] * len(rows)
            Py += y
            Pg += [r.group] * len(y)
        X, groups = np.vstack(PX), np.array(Pg)
        c = _ranking_C(X, np.array(Py), groups, np.array(Pu), rank_grid) if rank_grid else C
        # Unweighted: relevance must stay a probability (about 2% of passages are evidence), not a balanced score.
        return _fit_linear(X, Py, groups, classes=REL_CLASSES, features=PAIR_FEATURES, C=c,
                           class_weight=None), len(Py)

    relevance, n_pairs = fit_relevance((), rank_grid=RANKING_C_GRID)
    # Only the status reads distractor profiles (JudgeModel.distractor_for): the evidence ranking loses with them.
    status_relevance, _ = fit_relevance(STATUS_SIGNALS_OFF, distractors=True)
    staged = JudgeModel(None, None, relevance, status_relevance, STATUS_SIGNALS_OFF)
    RX, Ry, Rg, FX, Fy, Fg = [], [], [], [], [], []
    for r in reports:
        rx, ry, fx, fy = _training_rows(r, kb, staged.with_profiles(own_out[r.group], own_distractors[r.group],
                                                                    own_priors[r.group], _nest(own_facets[r.group])))
        RX += rx
        Ry += ry
        Rg += [r.group] * len(ry)
        FX += fx
        Fy += fy
        Fg += [r.group] * len(fy)
    RX = np.array(RX).reshape(-1, len(REQ_FEATURES))
    FX = np.array(FX).reshape(-1, len(FEATURES))
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


def train_judge(config: Config, directory: Path, *, family_cv: bool = True) -> dict:
    """Cross-validate (by report family, and leaving each mandate out: the headline), fit on the whole corpus, save
    the model with its metrics and its model card; returns the metrics."""
    from ..corpus import corpus_sha256
    from ..evaluate.judgement import by_mandate, judgement_metrics, unseen_figures

    reports = prepare_corpus(config)
    unseen: list[dict] = []
    # The report-family figures need a fit per family (two with profiles): `family_cv=False` leaves them out.
    metrics = judgement_metrics(cross_validate(reports, config, unseen=unseen)) if family_cv else {}
    held_out = cross_validate_by_mandate(reports, config)
    headline = judgement_metrics(held_out)
    model = fit(reports)
    metrics |= {"unseen_requirements": unseen_figures(unseen) if family_cv else {}, "family_cv_measured": family_cv,
                "by_mandate": {k: headline[k] for k in (
                    "pairs", "accuracy", "accuracy_ci95", "accuracy_lenient", "macro_f1", "brier", "false_all_clear",
                    "false_all_clear_pairs", "evidence_hit_at_3", "evidence_pairs", "tfidf_baseline_hit_at_3",
                    "per_class_f1", "confusion")} | {"mandates": by_mandate(held_out)},
                "training_rows": model.training_rows_, "reports": [r.report_id for r in reports]}
    save_model(model, directory, metrics=metrics, corpus_sha=corpus_sha256())
    return metrics


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


def restrict(r: PreparedReport, keep) -> PreparedReport:
    """The same report with only the gold pairs whose mandate document passes `keep` (training and scoring sets of
    the leave-one-mandate-out evaluation)."""
    return replace(r, gold_by_req={k: g for k, g in r.gold_by_req.items() if keep(g["mandate"])},
                   unaligned=[g for g in r.unaligned if keep(g["mandate"])])


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


def save_model(model: JudgeModel, directory: Path, *, metrics: dict, corpus_sha: str) -> None:
    """models/<name>-v<version>/: model.json (weights), meta.json (provenance and metrics)."""
    import platform
    from importlib.metadata import version

    import sklearn

    directory.mkdir(parents=True, exist_ok=True)
    (directory / "model.json").write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    meta = {"name": "wsis-judge", "version": "1", "requirement_features": list(REQ_FEATURES),
            "requirement_classes": list(REQ_CLASSES), "facet_features": list(FEATURES), "facet_classes": list(CLASSES),
            "training_corpus_sha256": corpus_sha,
            "libraries": {"scikit-learn": sklearn.__version__, "spacy": version("spacy"),
                          "numpy": np.__version__, "python": platform.python_version()},
            "metrics": metrics}
    (directory / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    from ..modelcard import render_model_card

    (directory / "README.md").write_text(render_model_card(meta), encoding="utf-8")
