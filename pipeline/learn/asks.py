"""Training the asks model (pipeline/extract/asks.py): which sentences and items ask someone to act.

Training rows are the units (sentences of paragraphs, whole items and headings) of the annotated excerpts in
corpora/extraction-dev/ and of the corpus mandates with gold requirements; a unit is positive when a gold
requirement's quote lies in it. The blind excerpts (corpora/extraction-blind/) are never read here.

The figures are cross-validated twice, grouped by excerpt and grouped by writer (the excerpts' name prefix: one
writer's six excerpts are never split between training and test). Each held-out unit that no rule reads is scored,
and the figures say what reading it above each threshold adds: gold requirements the rules missed (gain) and
requirements no writer marked (spurious). The shipped threshold is fixed by a rule stated before any blind
measure: the lowest threshold whose added spurious requirements, grouped by writer, stay within
`SPURIOUS_BUDGET` of the requirements the rules read.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..config import Config
from ..corpus import CORPUS_DIR, normalize, resolve_corpus_path
from ..extract import asks
from ..extract.clauses import segment_blocks
from ..extract.extractor import extract
from ..parse import parse_file

THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
SPURIOUS_BUDGET = 0.005  # added spurious requirements / requirements the rules read, grouped by writer
C = 1.0
MIN_COUNT = 2  # a feature seen in fewer training units carries no weight


@dataclass(slots=True)
class Row:
    features: dict
    y: int  # a gold quote lies in the unit
    gain: int  # ... and the rules missed that gold requirement
    unread: int  # no requirement the rules read overlaps the unit
    group: str  # the excerpt or corpus mandate
    writer: str  # the excerpt's prefix (one writer's set); a corpus mandate is its own writer


@dataclass(slots=True)
class DocTotals:
    gold: int
    matched: int  # gold requirements the rules read
    predicted: int  # requirements the rules read


def annotated_texts(corpus_dir: Path = CORPUS_DIR) -> list[tuple[str, str, Path, list[dict]]]:
    """(group, writer, text path, gold requirements) of every training text."""
    out = []
    for gp in sorted((corpus_dir / "extraction-dev").glob("*.json")):
        meta = json.loads(gp.read_text(encoding="utf-8"))
        out.append((gp.stem, gp.stem.split("-", 1)[0], gp.parent / meta["document"], meta["requirements"]))
    for gp in sorted((corpus_dir / "gold" / "requirements").glob("*.json")):
        if gp.stem == "external-contribution":
            continue  # the real contribution in ../shared is a check of its own, never training
        meta = json.loads(gp.read_text(encoding="utf-8"))
        path = resolve_corpus_path(meta["document"])
        if path.exists():
            out.append((f"corpus-{gp.stem}", f"corpus-{gp.stem}", path, meta["requirements"]))
    return out


def training_sha256(texts: list[tuple[str, str, Path, list[dict]]]) -> str:
    """The identity of the training texts: each text's bytes and its gold requirements."""
    h = hashlib.sha256()
    for group, _, path, gold in texts:
        h.update(group.encode() + b"\0" + path.read_bytes() + b"\0" + json.dumps(gold, sort_keys=True).encode())
    return h.hexdigest()


def document_rows(path: Path, gold: list[dict], group: str, writer: str, config: Config
                  ) -> tuple[list[Row], DocTotals]:
    """One text's units as training rows, with what the rules read of it."""
    document = parse_file(path, config)
    reqs = extract(document, kb_files=config.kb_files, model_reads=False).requirements
    units = asks.units(segment_blocks(document.blocks))
    unread = {id(u) for u in asks.unread_units(units, [(r.source.start, r.source.end) for r in reqs])}
    quotes = [normalize(g["quote"]) for g in gold]
    read = [normalize(r.text) for r in reqs]
    matched = {i for i, q in enumerate(quotes) if any(q in t for t in read)}
    tags = asks.tag_units(units, config.kb_files)
    rows = []
    for u, t in zip(units, tags):
        text = normalize(u.text)
        hits = [i for i, q in enumerate(quotes) if q in text or (len(text) >= 40 and text[:40] in q)]
        rows.append(Row(features=asks.features(u, t), y=int(bool(hits)), gain=int(any(i not in matched for i in hits)),
                        unread=int(id(u) in unread), group=group, writer=writer))
    return rows, DocTotals(gold=len(gold), matched=len(matched), predicted=len(reqs))


def _fit(rows: list[Row]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts: dict[str, int] = {}
    for r in rows:
        for k in r.features:
            counts[k] = counts.get(k, 0) + 1
    keep = {k for k, n in counts.items() if n >= MIN_COUNT}
    vec = DictVectorizer(sort=True)
    X = vec.fit_transform([{k: v for k, v in r.features.items() if k in keep} for r in rows])
    clf = LogisticRegression(C=C, max_iter=3000)
    clf.fit(X, np.array([r.y for r in rows]))
    return vec, clf


def _predict(vec, clf, rows: list[Row]) -> np.ndarray:
    return clf.predict_proba(vec.transform([r.features for r in rows]))[:, 1]


def cross_validate(rows: list[Row], key: str, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities, folds grouped by `key` ('group' or 'writer'), assigned in sorted order."""
    names = sorted({getattr(r, key) for r in rows})
    fold_of = {n: i % folds for i, n in enumerate(names)}
    out = np.zeros(len(rows))
    for k in range(folds):
        train = [r for r in rows if fold_of[getattr(r, key)] != k]
        test = [i for i, r in enumerate(rows) if fold_of[getattr(r, key)] == k]
        if not test:
            continue  # fewer groups than folds
        vec, clf = _fit(train)
        out[test] = _predict(vec, clf, [rows[i] for i in test])
    return out


def added_figures(rows: list[Row], probs: np.ndarray, totals: list[DocTotals]) -> list[dict]:
    """For each threshold: what reading the unread units above it adds to the rules' recall and precision."""
    gold = sum(t.gold for t in totals)
    matched = sum(t.matched for t in totals)
    predicted = sum(t.predicted for t in totals)
    out = []
    for th in THRESHOLDS:
        chosen = [r for r, p in zip(rows, probs) if r.unread and p >= th]
        gain = sum(r.gain for r in chosen)
        spurious = sum(1 for r in chosen if not r.y)
        out.append({"threshold": th, "added": len(chosen), "gain": gain, "spurious": spurious,
                    "spurious_share": round(spurious / max(predicted, 1), 4),
                    "recall_rules": round(matched / max(gold, 1), 4),
                    "recall": round((matched + gain) / max(gold, 1), 4),
                    "precision_rules": round(matched / max(predicted, 1), 4),
                    "precision": round((matched + gain) / max(predicted + len(chosen), 1), 4)})
    return out


def choose_threshold(figures: list[dict]) -> float:
    """The lowest threshold whose added spurious requirements stay within the budget (grouped by writer)."""
    within = [f["threshold"] for f in figures if f["spurious_share"] <= SPURIOUS_BUDGET]
    return min(within) if within else max(THRESHOLDS)


def _auc(y: np.ndarray, probs: np.ndarray) -> float | None:
    """Area under the ROC curve; None where the units are all of one class."""
    from sklearn.metrics import roc_auc_score

    return round(float(roc_auc_score(y, probs)), 4) if len(set(y.tolist())) == 2 else None


def train_asks(config: Config, directory: Path, corpus_dir: Path = CORPUS_DIR) -> dict:
    """Cross-validate, fit on every training text, write model.json, meta.json and the model card."""
    from ..modelcard import write_asks_card

    rows: list[Row] = []
    totals: list[DocTotals] = []
    texts = annotated_texts(corpus_dir)
    for group, writer, path, gold in texts:
        r, t = document_rows(path, gold, group, writer, config)
        rows += r
        totals.append(t)
    auc = {}
    figures = {}
    y = np.array([r.y for r in rows])
    unread = np.array([bool(r.unread) for r in rows])
    for key in ("group", "writer"):
        probs = cross_validate(rows, key)
        name = "by_excerpt" if key == "group" else "by_writer"
        figures[name] = added_figures(rows, probs, totals)
        auc[name] = {"all_units": _auc(y, probs), "unread_units": _auc(y[unread], probs[unread])}
    threshold = choose_threshold(figures["by_writer"])
    vec, clf = _fit(rows)
    names = vec.get_feature_names_out()
    weights = {str(k): round(float(w), 6) for k, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-6}
    model = {"name": asks.ASKS_NAME, "version": asks.ASKS_VERSION, "bias": round(float(clf.intercept_[0]), 6),
             "threshold": threshold, "weights": dict(sorted(weights.items()))}
    meta = {"name": asks.ASKS_NAME, "version": asks.ASKS_VERSION, "training_sha256": training_sha256(texts),
            "texts": len(texts), "writers": len({w for _, w, _, _ in texts}), "units": len(rows),
            "positive_units": int(y.sum()), "unread_units": int(unread.sum()),
            "features": len(weights), "C": C, "min_count": MIN_COUNT, "spurious_budget": SPURIOUS_BUDGET,
            "threshold": threshold, "auc": auc, "cross_validated": figures}
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "model.json").write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    (directory / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    write_asks_card(meta, directory / "README.md")
    asks.load_asks.cache_clear()
    return meta
