"""The extraction's small trained models (the asks model, the actor check): logistic weights over named features,
stored as plain JSON (`model.json`: weights, bias, threshold), read without scikit-learn."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import ArtifactError


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Logistic weights over named features, and the probability at or above which the model says yes."""

    weights: dict[str, float]
    bias: float
    threshold: float

    def probability(self, feats: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 60.0), -60.0)))


def read_linear(path: Path, what: str, train: str) -> LinearModel:
    """The model stored at `path`; an unreadable file is an ArtifactError that says what to run (`train`)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LinearModel(weights=data["weights"], bias=float(data["bias"]), threshold=float(data["threshold"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ArtifactError(f"the {what} cannot be read: {path}",
                            hint=f"reinstall wsis-audit, or run `{train}`") from exc


def write_linear(directory: Path, model: dict, meta: dict) -> None:
    """A trainer's output: `model.json` (what `read_linear` reads), `meta.json` (its figures) and the model card
    rendered from them; cached extractions made with the old weights become misses."""
    from ..modelcard import render_model_card
    from .extractor import models_digest

    directory.mkdir(parents=True, exist_ok=True)
    (directory / "model.json").write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    (directory / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    (directory / "README.md").write_text(render_model_card(meta), encoding="utf-8")
    models_digest.cache_clear()
