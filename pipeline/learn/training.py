"""The training run: cross-validate the judge, fit it on the whole corpus, save it with its metrics and card.

The steps live in prepare, profiles, estimators, fitting and crossval; their names stay importable from
here, where notebooks and tests find them.

Reports are grouped by family (a draft and its revision are one group) so that no test report has a sibling
in training. Calibration (temperature) is fitted on out-of-fold logits inside the training groups only.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..config import Config
from ..judge.features import FEATURES, REQ_FEATURES
from ..judge.model import CLASSES, REQ_CLASSES, JudgeModel
from .crossval import cross_validate, cross_validate_by_mandate, predict_pairs, tfidf_baseline
from .estimators import inner_folds
from .fitting import STATUS_SIGNALS_OFF, fit
from .prepare import PreparedReport, prepare_corpus, restrict
from .profiles import distractor_profiles, evidence_profiles, facet_priors, status_priors


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


__all__ = ["STATUS_SIGNALS_OFF", "PreparedReport", "cross_validate", "cross_validate_by_mandate", "distractor_profiles",
           "evidence_profiles", "facet_priors", "fit", "inner_folds", "predict_pairs", "prepare_corpus", "restrict",
           "save_model", "status_priors", "tfidf_baseline", "train_judge"]
