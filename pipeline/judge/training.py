"""Training data from the annotated corpus, the final fit, and cross-validation by report.

Reports are grouped by family (a draft and its revision are one group) so that no test report has a sibling
in training. Calibration (temperature) is fitted on out-of-fold logits inside the training groups only.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..config import Config
from ..corpus import CORPUS_DIR, load_manifest, normalize, resolve_corpus_path
from ..evaluate.extraction import align
from ..extract import extract
from ..kb import KnowledgeBase, load_kb
from ..match.passages import make_passages
from ..match.retrieve import Retriever, units_for
from ..model import Checkability, Requirement, RequirementKind
from ..parse import parse_file
from . import assess_all, author_actor
from .features import FEATURES, top_passages, unit_features
from .model import CLASSES, JudgeModel, fit_temperature

LABEL_PREFIXES = re.compile(r"^(?:wsis target|advocacy target|connect 2030 goal|target|goal)\s+", re.I)


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
    rows_X: list[np.ndarray] = field(default_factory=list)
    rows_y: list[str] = field(default_factory=list)


def report_group(report_id: str) -> str:
    """Family of a report: 'wsis20-draft' and 'wsis20-rev1' are one group."""
    return re.sub(r"-(?:draft|rev\d*)$", "", report_id)


def _facet_key(label: str) -> str:
    return LABEL_PREFIXES.sub("", normalize(label)).strip(" )")


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
                    gold_by_req[r.id] = {**gold_assess[g["id"]], "gold_requirement": g}
            unaligned += [gold_assess[g["id"]] for g in a.missed if g["id"] in gold_assess]
        passages = make_passages(report, max_words=cfg.passage_max_words, overlap=cfg.passage_overlap_words)
        units = [u for r in reqs for u in units_for(r, kb)]
        retriever = Retriever(semantic=semantic or cfg.semantic, disabled=disabled).fit(passages, units, cfg.kb_files)
        pr = PreparedReport(report_id=cd.id, group=report_group(cd.id), requirements=reqs, gold_by_req=gold_by_req,
                            unaligned=unaligned, retriever=retriever,
                            passage_norm=[normalize(p.text) for p in passages])
        _training_rows(pr, kb)
        out.append(pr)
    return out


def _training_rows(pr: PreparedReport, kb: KnowledgeBase) -> None:
    """Labelled units: whole requirements (content ones) and facets aligned to gold facets by label."""
    for i, unit in enumerate(pr.retriever.units_):
        g = pr.gold_by_req.get(unit.requirement_id)
        if g is None:
            continue
        req = next(r for r in pr.requirements if r.id == unit.requirement_id)
        if unit.facet is None:
            label = g["status"]
            if label == "manual_check":
                procedural = g["gold_requirement"].get("checkability") == "procedural"
                if procedural or req.checkability is Checkability.PROCEDURAL or (
                        author_actor(req.actor, kb) and req.kind is not RequirementKind.TARGET):
                    continue
                label = "not_addressed"  # silent on another actor's task: the content answer is "nothing"
        else:
            gf = {_facet_key(f["facet"]): f for f in g.get("facets", [])}
            key = _facet_key(unit.label)
            concept = req.facets[unit.facet].concept
            match = gf.get(key) or (gf.get(_facet_key(concept)) if concept else None)
            if match is None or match["status"] == "manual_check":
                continue
            label = match["status"]
        pr.rows_X.append(unit_features(pr.retriever, i, pr.retriever.score(i)))
        pr.rows_y.append(label)


def fit(reports: list[PreparedReport], *, C: float = 1.0) -> JudgeModel:
    """Fit on all given reports; temperature from out-of-fold logits grouped by report family."""
    X, y, groups = _stack(reports)
    logits, y_idx = [], []
    for g in sorted(set(groups)):
        train = groups != g
        if len(set(np.array(y)[train])) < len(CLASSES):
            continue
        m = JudgeModel(C=C).fit(X[train], list(np.array(y)[train]))
        logits.append(m.logits(X[~train]))
        y_idx.append(np.array([CLASSES.index(v) for v in np.array(y)[~train]]))
    t = fit_temperature(np.vstack(logits), np.concatenate(y_idx)) if logits else 1.0
    return JudgeModel(C=C).fit(X, y, temperature=t)


def _stack(reports: list[PreparedReport]):
    X = np.array([x for r in reports for x in r.rows_X]).reshape(-1, len(FEATURES))
    y = [v for r in reports for v in r.rows_y]
    groups = np.array([r.group for r in reports for _ in r.rows_y])
    return X, y, groups


def cross_validate(reports: list[PreparedReport], config: Config | None = None, *, C: float = 1.0) -> list[dict]:
    """Leave one report family out: predictions for every gold pair, never scored on what it trained on."""
    cfg = config or Config()
    kb = load_kb(cfg.kb_files)
    results = []
    for group in sorted({r.group for r in reports}):
        train = [r for r in reports if r.group != group]
        model = fit(train, C=C)
        for r in (r for r in reports if r.group == group):
            results += predict_pairs(r, model, kb, cfg)
    return results


def predict_pairs(r: PreparedReport, model: JudgeModel, kb: KnowledgeBase, cfg: Config) -> list[dict]:
    """Predicted status, probabilities and evidence hit for each gold pair of a report."""
    assessments = assess_all(r.requirements, r.retriever, model, kb, evidence_per_facet=cfg.evidence_per_facet)
    by_id = {a.requirement_id: a for a in assessments}
    unit_index = {u.requirement_id: i for i, u in reversed(list(enumerate(r.retriever.units_))) if u.facet is None}
    out = []
    for req_id, g in sorted(r.gold_by_req.items(), key=lambda kv: kv[1]["requirement"]):
        a = by_id[req_id]
        top = top_passages(r.retriever.score(unit_index[req_id]))
        hit = None
        if g.get("evidence"):
            quotes = [normalize(q) for q in g["evidence"]]
            hit = any(any(q in r.passage_norm[i] for q in quotes) for i in top)
        out.append({"report": r.report_id, "requirement": g["requirement"], "gold": g["status"],
                    "predicted": a.status.value, "probabilities": dict(a.probabilities), "evidence_hit": hit,
                    "hard_case": g.get("hard_case"), "rationale": a.rationale})
    for g in r.unaligned:  # the extractor missed the requirement: the audit cannot have judged it
        out.append({"report": r.report_id, "requirement": g["requirement"], "gold": g["status"],
                    "predicted": "missing", "probabilities": {}, "evidence_hit": False if g.get("evidence") else None,
                    "hard_case": g.get("hard_case"), "rationale": "requirement not extracted"})
    return out


def save_model(model: JudgeModel, directory: Path, *, metrics: dict, corpus_sha: str) -> None:
    """models/<name>-v<version>/: model.json (weights), meta.json (provenance and metrics)."""
    import platform

    import sklearn
    import spacy

    directory.mkdir(parents=True, exist_ok=True)
    (directory / "model.json").write_text(json.dumps(model.to_json(), indent=2) + "\n", encoding="utf-8")
    meta = {"name": "wsis-judge", "version": "1", "features": list(FEATURES), "classes": list(CLASSES),
            "training_corpus_sha256": corpus_sha,
            "libraries": {"scikit-learn": sklearn.__version__, "spacy": spacy.__version__,
                          "numpy": np.__version__, "python": platform.python_version()},
            "metrics": metrics}
    (directory / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
