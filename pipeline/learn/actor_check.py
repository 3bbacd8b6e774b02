"""Training the actor check (pipeline/extract/actor_check.py): how likely the name the rules gave is wrong.

Training rows are the requirements the rules read in the development excerpts (corpora/extraction-dev/) and the corpus
mandates with gold requirements, where the rules named an actor and a gold requirement matches: a row is positive
when the gold actor is another body (the scorer's `actor_verdict`, knowledge-base aliases counted as the same body).
The blind excerpts (corpora/extraction-blind/) are never read here.

The figures are cross-validated grouped by writer (the excerpts' name prefix: one writer's excerpts are never on both
sides), and say, at each threshold, how many wrong names the check would leave unknown and how many right ones.

The threshold follows from a cost, fixed before any figure was read: a wrong name shown as who must act misleads a
reader (who then checks the wrong body's report), while a right name shown as a guess costs a glance, because the
guess is still shown. Counting a wrong name shown as fact nine times a right name shown as a guess, the check leaves
an actor unknown where the chance that the name is wrong is at least 1/(1+9) = `THRESHOLD`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..config import Config
from ..corpus import CORPUS_DIR, align
from ..evaluate.extraction import actor_verdict
from ..extract import actor_check
from ..extract.linear import write_linear
from ..extract.extractor import read_requirements
from ..kb import load_kb
from ..parse import parse_file
from .asks import annotated_texts, training_sha256

COST_WRONG_SHOWN = 9.0  # a wrong name shown as fact, against a right name shown as a guess (1)
THRESHOLD = round(1.0 / (1.0 + COST_WRONG_SHOWN), 4)
THRESHOLDS = (0.05, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3, 0.5)
C = 1.0
FOLDS = 5


@dataclass(frozen=True, slots=True)
class Row:
    group: str  # the excerpt
    writer: str
    features: dict[str, float]
    wrong: bool


def document_rows(path: Path, gold: list[dict], group: str, writer: str, config: Config) -> list[Row]:
    """The requirements of one text whose actor the rules named and a gold requirement matches."""
    document = parse_file(path, config)
    reqs, _, feats = read_requirements(document, kb_files=config.kb_files)
    kb = load_kb(config.kb_files)
    index = {id(r): i for i, r in enumerate(reqs)}
    rows = []
    for g, r in align(gold, reqs).pairs:
        f = feats[index[id(r)]]
        if f is not None:
            rows.append(Row(group, writer, f, actor_verdict(g.get("actor"), r.actor, kb) == "wrong"))
    return rows


def _fit(rows: list[Row]):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([r.features for r in rows])
    clf = LogisticRegression(C=C, max_iter=5000).fit(X, np.array([r.wrong for r in rows]))
    return vec, clf


def cross_validate(rows: list[Row]) -> np.ndarray:
    """Held-out chance of a wrong name for every row, five folds grouped by writer."""
    from sklearn.model_selection import GroupKFold

    probs = np.zeros(len(rows))
    y = np.array([r.wrong for r in rows])
    for train, test in GroupKFold(n_splits=FOLDS).split(rows, y, [r.writer for r in rows]):
        vec, clf = _fit([rows[i] for i in train])
        probs[test] = clf.predict_proba(vec.transform([rows[i].features for i in test]))[:, 1]
    return probs


def figures(rows: list[Row], probs: np.ndarray) -> list[dict]:
    """At each threshold: wrong names left unknown (caught), right names left unknown (hidden)."""
    y = np.array([r.wrong for r in rows])
    out = []
    for t in sorted(set(THRESHOLDS) | {THRESHOLD}):
        h = probs >= t
        out.append({"threshold": t, "caught": int((h & y).sum()), "hidden_right": int((h & ~y).sum()),
                    "wrong": int(y.sum()), "right": int((~y).sum()),
                    "caught_share": round(float((h & y).sum() / max(y.sum(), 1)), 4),
                    "hidden_share": round(float((h & ~y).sum() / max((~y).sum(), 1)), 4),
                    "guesses_right": round(float((h & ~y).sum() / max(h.sum(), 1)), 4)})
    return out


def train_actor_check(config: Config, directory: Path, corpus_dir: Path = CORPUS_DIR) -> dict:
    """Cross-validate, fit on every training text, write model.json, meta.json and the model card."""
    from sklearn.metrics import roc_auc_score


    texts = annotated_texts(corpus_dir)
    rows = [row for group, writer, path, gold in texts for row in document_rows(path, gold, group, writer, config)]
    probs = cross_validate(rows)
    y = np.array([r.wrong for r in rows])
    vec, clf = _fit(rows)
    weights = {str(k): round(float(w), 6) for k, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-6}
    model = {"name": actor_check.NAME, "version": actor_check.VERSION, "bias": round(float(clf.intercept_[0]), 6),
             "threshold": THRESHOLD, "weights": dict(sorted(weights.items()))}
    meta = {"name": actor_check.NAME, "version": actor_check.VERSION,
            "training_sha256": training_sha256(texts, []), "texts": len(texts),
            "writers": len({w for _, w, _, _ in texts}), "rows": len(rows), "wrong_rows": int(y.sum()),
            "features": len(weights), "C": C, "cost_wrong_shown": COST_WRONG_SHOWN, "threshold": THRESHOLD,
            "auc_by_writer": round(float(roc_auc_score(y, probs)), 4), "cross_validated": figures(rows, probs)}
    write_linear(directory, model, meta)
    actor_check.load_actor_check.cache_clear()
    return meta
