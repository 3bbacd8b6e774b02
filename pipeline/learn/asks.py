"""Training the asks model (pipeline/extract/asks.py): which sentences and items ask someone to act.

Training rows are the units (sentences of paragraphs, whole items and headings) of the annotated excerpts in
corpora/extraction-dev/ and of the corpus mandates with gold requirements; a unit is positive when a gold
requirement's quote lies in it. The blind excerpts (corpora/extraction-blind/) are never read here.

Cross-validation on the development texts flatters the model's task: the rules were tuned on those texts and leave
little for it to read (about one gold requirement in twenty), while on a new writer's text they leave one in five. So
the threshold is chosen on a **replay** of the blind sets as they were blind: corpora/extraction-replay/ keeps, for
each set measured with the model, what the rules alone read of it at the commit that measured it (written by
corpora/replay.py). For each such set a model trained without that set's writers reads the units those rules left;
the shipped threshold is the lowest whose replayed precision stays at or above `REPLAY_PRECISION`.

The figures are cross-validated twice, grouped by excerpt and grouped by writer (the excerpts' name prefix: one
writer's six excerpts are never split between training and test). Each held-out unit that no rule reads is scored,
and the figures say what reading it above each threshold adds: gold requirements the rules missed (gain) and
requirements no writer marked (spurious). Without replay
sets (a corpus of one's own), the threshold is the lowest whose added spurious requirements, grouped by writer, stay
within `SPURIOUS_BUDGET` of the requirements the rules read (the rule used before the replay, sets 42 to 47).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..config import Config
from ..corpus import CORPUS_DIR, match_quotes, normalize, resolve_corpus_path
from ..extract import asks
from ..extract.clauses import segment_blocks
from ..extract.extractor import extract
from ..extract.linear import write_linear
from ..parse import parse_file

THRESHOLDS = (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95)
SPURIOUS_BUDGET = 0.005  # added spurious requirements / requirements the rules read, grouped by writer
# Replayed precision the threshold must keep: the acceptance target is 0.95 over TXT, DOCX and PDF, and the replay
# reads TXT only, where precision runs higher. On blind sets 74-78, measured at the 0.6 the replay chose with about
# 0.960 replayed, precision came out 0.923 to 0.967 by set (0.951 over the five): about a point below the replay, so
# the bar is 0.96 (0.955 until round 58, when it would have let the threshold fall to 0.5 at 0.9554).
REPLAY_PRECISION = 0.96
REPLAY_DIR = "extraction-replay"
C = 1.0
MIN_COUNT = 2  # a feature seen in fewer training units carries no weight


@dataclass(slots=True)
class Row:
    features: dict
    y: int  # a gold quote lies in the unit
    gain: int  # ... and the rules missed that gold requirement
    unread: int  # no requirement the rules read overlaps the unit
    text: str  # the unit's normalised text (the replay tells what old rules read by text)
    hits: tuple[int, ...]  # the gold requirements whose quote lies in it
    noting: bool  # the extractor never lets the model read it (asks.never_read)
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


def training_sha256(texts: list[tuple[str, str, Path, list[dict]]], replays: list[dict] | None = None) -> str:
    """The identity of the training texts (each text's bytes and gold requirements) and of the replayed sets."""
    h = hashlib.sha256()
    for group, _, path, gold in texts:
        h.update(group.encode() + b"\0" + path.read_bytes() + b"\0" + json.dumps(gold, sort_keys=True).encode())
    for rs in replay_sets() if replays is None else replays:
        h.update(b"replay\0" + json.dumps(rs, sort_keys=True).encode())
    return h.hexdigest()


def document_rows(path: Path, gold: list[dict], group: str, writer: str, config: Config
                  ) -> tuple[list[Row], DocTotals]:
    """One text's units as training rows, with what the rules read of it."""
    document = parse_file(path, config)
    reqs = extract(document, kb_files=config.kb_files, model_reads=False, actor_check=False).requirements
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
                        unread=int(id(u) in unread), text=text, hits=tuple(hits),
                        noting=asks.never_read(u.text), group=group, writer=writer))
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


def replay_sets(corpus_dir: Path = CORPUS_DIR) -> list[dict]:
    """The recorded blind sets: {"set", "code", "excerpts": {excerpt: [requirement texts the rules read then]}}."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted((corpus_dir / REPLAY_DIR).glob("set-*.json"))]


def replay_figures(rows: list[Row], gold: dict[str, list[str]], sets: list[dict]) -> dict:
    """Each recorded set as it was blind: the old rules' reading plus a model trained without that set's writers.

    A unit is left to the model when no requirement the old rules read shares its first 40 characters either way.
    Per threshold: gold requirements found (old rules' and the model's), requirements read, and added units that hold
    no gold quote; recall and precision over every recorded set.
    """
    by_group: dict[str, list[Row]] = {}
    for r in rows:
        by_group.setdefault(r.group, []).append(r)
    totals = {th: {"gold": 0, "found": 0, "read": 0, "spurious": 0} for th in THRESHOLDS}
    base = {"gold": 0, "found": 0, "read": 0}
    per_set = []
    for rs in sets:
        groups = [g for g in sorted(rs["excerpts"]) if g in by_group]
        if not groups:
            continue
        writers = {by_group[g][0].writer for g in groups}
        vec, clf = _fit([r for r in rows if r.writer not in writers])
        entry = {"set": rs["set"], "code": rs["code"], "gold": 0, "recall_rules": 0.0, "recall": {}}
        found_rules = 0
        counts = {th: [0, 0, 0] for th in THRESHOLDS}  # found by the model, added, spurious
        for g in groups:
            read = [normalize(t) for t in rs["excerpts"][g]]
            matched = {i for i, hit in enumerate(match_quotes(gold[g], read)) if hit is not None}  # as the scorer
            left = [r for r in by_group[g] if not r.noting
                    and not any(r.text[:40] in t or (t[:40] and t[:40] in r.text) for t in read)]
            probs = _predict(vec, clf, left) if left else []
            for th in THRESHOLDS:
                chosen = [r for r, p in zip(left, probs) if p >= th]
                counts[th][0] += len({i for r in chosen for i in r.hits} - matched)
                counts[th][1] += len(chosen)
                counts[th][2] += sum(1 for r in chosen if not r.hits)
            entry["gold"] += len(gold[g])
            found_rules += len(matched)
            base["read"] += len(read)
        base["gold"] += entry["gold"]
        base["found"] += found_rules
        entry["recall_rules"] = round(found_rules / max(entry["gold"], 1), 4)
        for th in THRESHOLDS:
            t = totals[th]
            t["gold"] += entry["gold"]
            t["found"] += found_rules + counts[th][0]
            t["read"] += counts[th][1]
            t["spurious"] += counts[th][2]
            entry["recall"][str(th)] = round((found_rules + counts[th][0]) / max(entry["gold"], 1), 4)
        per_set.append(entry)
    figures = [{"threshold": th, "recall": round(t["found"] / max(t["gold"], 1), 4),
                "precision": round(t["found"] / max(base["read"] + t["read"], 1), 4), "added": t["read"],
                "spurious": t["spurious"]} for th, t in totals.items()]
    return {"sets": per_set, "gold": base["gold"], "recall_rules": round(base["found"] / max(base["gold"], 1), 4),
            "precision_rules": round(base["found"] / max(base["read"], 1), 4), "thresholds": figures}


def choose_replayed_threshold(replay: dict) -> float | None:
    """The lowest threshold whose replayed precision stays at or above REPLAY_PRECISION; None without a replay."""
    if not replay["sets"]:
        return None
    within = [f["threshold"] for f in replay["thresholds"] if f["precision"] >= REPLAY_PRECISION]
    return min(within) if within else max(THRESHOLDS)


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
    gold = {group: [normalize(g["quote"]) for g in requirements] for group, _, _, requirements in texts}
    replays = replay_sets(corpus_dir)
    replay = replay_figures(rows, gold, replays)
    replayed = choose_replayed_threshold(replay)
    threshold = replayed if replayed is not None else choose_threshold(figures["by_writer"])
    vec, clf = _fit(rows)
    names = vec.get_feature_names_out()
    weights = {str(k): round(float(w), 6) for k, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-6}
    model = {"name": asks.ASKS_NAME, "version": asks.ASKS_VERSION, "bias": round(float(clf.intercept_[0]), 6),
             "threshold": threshold, "weights": dict(sorted(weights.items()))}
    meta = {"name": asks.ASKS_NAME, "version": asks.ASKS_VERSION, "training_sha256": training_sha256(texts, replays),
            "texts": len(texts), "writers": len({w for _, w, _, _ in texts}), "units": len(rows),
            "positive_units": int(y.sum()), "unread_units": int(unread.sum()),
            "features": len(weights), "C": C, "min_count": MIN_COUNT, "spurious_budget": SPURIOUS_BUDGET,
            "replay_precision": REPLAY_PRECISION, "replay": replay,
            "threshold_rule": "replay" if replayed is not None else "spurious_budget", "threshold": threshold,
            "auc": auc, "cross_validated": figures}
    write_linear(directory, model, meta)
    asks.load_asks.cache_clear()
    return meta
