"""The trained judge, as JSON weights: its models, profiles and checks.

The trained judge: logistic regressions over unit features (the status asked as staged yes/no questions),
temperature-calibrated.

Stored as JSON (weights, scaler, temperature, metadata): safe to load and readable in a diff.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import numpy as np

from ..corpus import normalize
from ..errors import ArtifactError
from ..match.retrieve import SIGNALS
from ..resources import model_dir
from .features import FEATURES, PAIR_FEATURES, REQ_FEATURES

JUDGE_NAME = "wsis-judge"
JUDGE_VERSION = "1"
CLASSES = ("addressed", "partial", "not_addressed")  # facet statuses
REQ_CLASSES = ("addressed", "partial", "not_addressed", "manual_check")  # requirement statuses
REL_CLASSES = ("irrelevant", "relevant")  # does a passage address a requirement?


class LinearModel:
    """Multinomial logistic regression on standardised features, with a temperature for calibration.

    scikit-learn style: __init__ stores parameters; fit learns; learned state ends in '_'.
    """

    def __init__(self, *, classes: tuple[str, ...], features: tuple[str, ...], C: float = 1.0,
                 class_weight: str | None = "balanced"):
        self.classes = tuple(classes)
        self.features = tuple(features)
        self.C = C
        self.class_weight = class_weight

    def fit(self, X: np.ndarray, y: list[str], *, temperature: float = 1.0) -> LinearModel:
        X = np.asarray(X, dtype=float)
        if X.ndim != 2 or X.shape[1] != len(self.features):
            raise ValueError(f"expected {len(self.features)} features, got shape {X.shape}")
        missing = set(self.classes) - set(y)
        if missing:
            raise ValueError(f"training labels lack {sorted(missing)}")
        self.mean_, self.scale_ = _standardiser(X)
        from sklearn.linear_model import LogisticRegression  # only training fits: loading a model needs no sklearn

        lr = LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=5000)
        lr.fit((X - self.mean_) / self.scale_, y)
        coef, intercept = lr.coef_, lr.intercept_
        if coef.shape[0] == 1:  # binary: softmax over (0, z) is the logistic of z
            coef = np.vstack([np.zeros_like(coef), coef])
            intercept = np.concatenate([[0.0], intercept])
        order = [list(lr.classes_).index(c) for c in self.classes]
        self.coef_ = coef[order]
        self.intercept_ = intercept[order]
        self.temperature_ = float(temperature)
        return self

    def logits(self, X: np.ndarray, *, overwrite: bool = False) -> np.ndarray:
        """Scores before the softmax, one row per row of X. `overwrite`: X (column-major, built for this call) may
        be standardised in place."""
        X = np.asarray(X, dtype=float)
        if X.ndim == 2 and X.flags.f_contiguous and not X.flags.c_contiguous:
            return self._column_logits(X if overwrite else X.copy(order="F"))
        mean, scale = self._rows(X)
        Z = X - mean  # a new array: the division can be in place (one copy less)
        Z /= scale
        # Multiplied row by row as always (a copy only for an X neither row- nor column-major).
        return np.ascontiguousarray(Z) @ self.coef_.T + self.intercept_

    def _column_logits(self, X: np.ndarray) -> np.ndarray:
        """logits() of a column-major X, standardised in place: each feature's column in one contiguous loop and the
        product as BLAS multiplies a transposed operand, the same numbers in the same order as row by row (the
        relevance model over a unit's pair features, 3,679 x 20, best of seven: 0.22 -> 0.14 ms)."""
        Zt = X.T  # row-major: one row per feature
        Zt -= self.mean_[:, None]
        Zt /= self.scale_[:, None]
        L = _product(X, self.coef_.T)
        for j, b in enumerate(self.intercept_):  # column by column: a broadcast runs numpy's loop once per row
            L[:, j] += b
        return L

    def _rows(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The mean and scale to standardise X with: for a row-major X of many rows, repeated on every row, so that
        numpy subtracts and divides the same pairs in one flat loop instead of one short loop a row (the relevance
        model standardises every passage once per unit: 3,679 x 20 in 0.12 -> 0.05 ms). Kept for the next X of
        as many rows."""
        if X.ndim != 2 or X.shape[0] < 64 or not X.flags.c_contiguous:
            return self.mean_, self.scale_
        tiled = self.__dict__.get("_tiled")  # (the mean and scale it repeats, the repeated ones)
        if tiled is None or tiled[0] is not self.mean_ or tiled[1] is not self.scale_ or tiled[2].shape != X.shape:
            rows = (X.shape[0], 1)
            tiled = self.__dict__["_tiled"] = (self.mean_, self.scale_, np.tile(self.mean_, rows),
                                               np.tile(self.scale_, rows))
        return tiled[2], tiled[3]

    def __getstate__(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "_tiled"}  # a judge sent to a worker carries no copies

    def predict_proba(self, X: np.ndarray, *, overwrite: bool = False) -> np.ndarray:
        """Calibrated probabilities, columns in `classes` order. `overwrite`: as for logits()."""
        return softmax(self.logits(X, overwrite=overwrite) / self.temperature_)

    def to_json(self) -> dict:
        return {"classes": list(self.classes), "features": list(self.features),
                "params": {"C": self.C, "class_weight": self.class_weight},
                "mean": self.mean_.round(8).tolist(), "scale": self.scale_.round(8).tolist(),
                "coef": self.coef_.round(8).tolist(), "intercept": self.intercept_.round(8).tolist(),
                "temperature": round(self.temperature_, 6)}

    @classmethod
    def from_json(cls, data: dict, *, expect_features: tuple[str, ...], location: str = "") -> LinearModel:
        _check_features(data, expect_features, location)
        m = cls(classes=tuple(data["classes"]), features=tuple(data["features"]), **data["params"])
        m.mean_, m.scale_ = np.array(data["mean"]), np.array(data["scale"])
        m.coef_, m.intercept_ = np.array(data["coef"]), np.array(data["intercept"])
        m.temperature_ = float(data["temperature"])
        return m


class StagedModel:
    """The status as a sequence of yes/no questions a reader asks, one logistic regression each:
    is the requirement touched at all (addressed or partial)? If so, with substance (addressed)? If not, is it a
    task the report may be silent on (manual check)? Probabilities multiply along the path; a temperature on their
    logarithm calibrates them.

    Measured with `wsis-audit eval` (leave-one-report-family-out): on five report families one four-way model gave
    status accuracy 0.759, the staged model 0.78-0.80 depending on C (0.791 with C chosen inside each training set,
    see training); on seven families 0.687 against 0.707. Each question has fewer, more homogeneous rows to learn
    from than one four-way softmax has.
    """

    # stage -> (the rows it learns from, the classes that count as "yes")
    STAGES = {"touched": (REQ_CLASSES, ("addressed", "partial")),
              "substance": (("addressed", "partial"), ("addressed",)),
              "manual": (("not_addressed", "manual_check"), ("manual_check",))}

    def __init__(self, *, classes: tuple[str, ...] = REQ_CLASSES, features: tuple[str, ...],
                 C: dict[str, float] | None = None):
        if tuple(classes) not in (REQ_CLASSES, CLASSES):
            raise ValueError(f"a staged model decides {REQ_CLASSES} or {CLASSES}, not {classes}")
        self.classes = tuple(classes)
        self.features = tuple(features)
        # Facets have no manual check: their model asks only the first two questions.
        self.stages = tuple(k for k, (_, yes) in self.STAGES.items() if set(yes) <= set(self.classes))
        self.C = {k: float((C or {}).get(k, 1.0)) for k in self.stages}

    def fit(self, X: np.ndarray, y: list[str], *, temperature: float = 1.0) -> StagedModel:
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        if X.ndim != 2 or X.shape[1] != len(self.features):
            raise ValueError(f"expected {len(self.features)} features, got shape {X.shape}")
        from sklearn.linear_model import LogisticRegression

        self.mean_, self.scale_ = _standardiser(X)
        Z = (X - self.mean_) / self.scale_
        self.coef_, self.intercept_ = {}, {}
        for stage in self.stages:
            rows, yes = self.STAGES[stage]
            keep = np.isin(y, rows)
            target = np.isin(y[keep], yes)
            if target.all() or not target.any():
                raise ValueError(f"training labels lack one side of the {stage!r} question")
            lr = LogisticRegression(C=self.C[stage], class_weight="balanced", max_iter=5000).fit(Z[keep], target)
            self.coef_[stage], self.intercept_[stage] = lr.coef_[0], float(lr.intercept_[0])
        self.temperature_ = float(temperature)
        return self

    def yes_probability(self, Z: np.ndarray, stage: str) -> np.ndarray:
        """P(yes) to one question, on standardised features Z."""
        return 1.0 / (1.0 + np.exp(-(Z @ self.coef_[stage] + self.intercept_[stage])))

    def logits(self, X: np.ndarray) -> np.ndarray:
        """Log-probabilities of the four statuses before calibration, columns in `classes` order."""
        Z = (np.asarray(X, dtype=float) - self.mean_) / self.scale_
        t, s = self.yes_probability(Z, "touched"), self.yes_probability(Z, "substance")
        m = self.yes_probability(Z, "manual") if "manual" in self.stages else np.zeros_like(t)
        p = {"addressed": t * s, "partial": t * (1 - s), "not_addressed": (1 - t) * (1 - m), "manual_check": (1 - t) * m}
        return np.log(np.clip(np.column_stack([p[c] for c in self.classes]), 1e-12, 1.0))

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        return softmax(self.logits(X) / self.temperature_)

    def to_json(self) -> dict:
        return {"kind": "staged", "classes": list(self.classes), "features": list(self.features),
                "params": {"C": {k: self.C[k] for k in self.stages}},
                "mean": self.mean_.round(8).tolist(), "scale": self.scale_.round(8).tolist(),
                "stages": {k: {"coef": self.coef_[k].round(8).tolist(), "intercept": round(self.intercept_[k], 8)}
                           for k in self.stages},
                "temperature": round(self.temperature_, 6)}

    @classmethod
    def from_json(cls, data: dict, *, expect_features: tuple[str, ...], location: str = "") -> StagedModel:
        _check_features(data, expect_features, location)
        m = cls(classes=tuple(data["classes"]), features=tuple(data["features"]), C=data["params"]["C"])
        if set(data.get("stages", {})) != set(m.stages):
            raise ArtifactError.judge("judge model has other stages than this version", location)
        m.mean_, m.scale_ = np.array(data["mean"]), np.array(data["scale"])
        m.coef_ = {k: np.array(v["coef"]) for k, v in data["stages"].items()}
        m.intercept_ = {k: float(v["intercept"]) for k, v in data["stages"].items()}
        m.temperature_ = float(data["temperature"])
        return m


class JudgeModel:
    """The judge: passage relevance (the learned fusion of the retrieval signals), a requirement-level model
    (four statuses) and a facet-level model (three)."""

    def __init__(self, requirement: LinearModel | StagedModel | None, facet: LinearModel | None, relevance: LinearModel | None,
                 status_relevance: LinearModel | None = None, status_signals_off: tuple[str, ...] = (),
                 profiles: dict[str, dict[str, int]] | None = None, fallback: JudgeModel | None = None,
                 distractors: dict[str, dict[str, int]] | None = None,
                 priors: dict[str, dict[str, int]] | None = None,
                 facet_priors: dict[str, dict[str, dict[str, int]]] | None = None):
        self.requirement = requirement
        self.facet = facet
        self.relevance = relevance  # ranks the evidence, on every retrieval signal
        # The status is read from passages ranked without these signals, by a relevance model fitted the same way
        # (see training.STATUS_SIGNALS_OFF for why).
        self.status_relevance = status_relevance
        self.status_signals_off = tuple(status_signals_off) if status_relevance is not None else ()
        # Evidence profiles: for each requirement annotated in the corpus (by profile_key of its text), how often
        # each lemma occurs in the passages that annotators quoted as its evidence, across all annotated reports.
        # A requirement the corpus does not know has none, and its profile feature is zero.
        self.profiles = profiles or {}
        # The judge trained without profiles, for requirements the corpus has never annotated: this judge's weights
        # expect a profile, and reading an unknown requirement with none costs accuracy (measured: 0.58 against
        # 0.71 for the fallback, leave-one-report-family-out).
        self.fallback = fallback
        # Distractor profiles: for the same requirements, the words of the passages that the retrieval signals ranked
        # highest in annotated reports but that annotators did not quote (a passage that shares the words and
        # answers something else). The status reads a passage's likeness to them (see training.distractor_profiles).
        self.distractors = distractors or {}
        # Status priors: for the same requirements, how many annotated reports left each status (see
        # training.status_priors). Some requirements are rarely answered in full ("equality across all the targets").
        self.priors = priors or {}
        # ... and for their facets (by facet_key of the annotated facet), how many reports left each facet status.
        self.facet_priors = facet_priors or {}
        self._matches: dict[str, tuple[str, float] | None] = {}
        # Each requirement's key by its text: asked for each unit and ranking (about 2,600 times in the benchmark
        # audit), and normalising the text took a fifth of a millisecond each time.
        self._keys: dict[str, str] = {}
        self._keys_by_numbers: dict[tuple[str, ...], list[str]] | None = None

    def profile_match(self, text: str) -> tuple[str, float] | None:
        """The annotated requirement whose evidence profile this one is read with, as (its profile key, rapidfuzz
        ratio of the two comparison forms, 100 for the same words); None if the corpus annotates none like it.

        A revised mandate rewords its instructions a little ("each year" for "annually"): the same words are not
        needed, only a ratio of PROFILE_MATCH_MIN and the same numbers, so that "Resolution 140" never takes the
        profile of "Resolution 145", nor "target 3" that of "target 4"."""
        key = profile_key(text)
        if key in self.profiles:
            return key, 100.0
        if key not in self._matches:
            from rapidfuzz import fuzz

            if self._keys_by_numbers is None:  # the profiles' numbers, once: each requirement compares with them
                self._keys_by_numbers = {}
                for k in sorted(self.profiles):
                    self._keys_by_numbers.setdefault(_numbers(k), []).append(k)
            scored = [(fuzz.ratio(key, k), k) for k in self._keys_by_numbers.get(_numbers(key), [])]
            best = max(scored, key=lambda sk: sk[0], default=None)  # ties: the first key in sorted order
            # Floored, so that other words never read as 100.
            self._matches[key] = ((best[1], math.floor(float(best[0]) * 10) / 10)
                                  if best and best[0] >= PROFILE_MATCH_MIN else None)
        return self._matches[key]

    def _key(self, text: str) -> str:
        """The key of `text` among the profiles and priors: its match's, else its own."""
        if text not in self._keys:
            match = self.profile_match(text)
            self._keys[text] = match[0] if match else profile_key(text)
        return self._keys[text]

    def has_profile(self, text: str) -> bool:
        """Does the corpus annotate this requirement (or one worded almost like it), so that its evidence profile
        is used?"""
        return self.profile_match(text) is not None

    def judge_for(self, text: str) -> JudgeModel:
        """This judge for a requirement it has an evidence profile for; the fallback for any other."""
        return self if self.fallback is None or self.has_profile(text) else self.fallback

    def profile_for(self, unit) -> dict[str, int] | None:
        """The evidence profile of a whole-requirement unit (facets have none)."""
        return self.profiles.get(self._key(unit.focus)) if unit.facet is None else None

    def distractor_for(self, unit) -> dict[str, int] | None:
        """The distractor profile of a whole-requirement unit (facets have none)."""
        return self.distractors.get(self._key(unit.focus)) if unit.facet is None else None

    def prior_for(self, text: str) -> dict[str, int]:
        """How many annotated reports left the requirement (by its text) in each status; empty if none did."""
        return self.priors.get(self._key(text), {})

    def facet_prior_for(self, text: str, facet) -> dict[str, int]:
        """How many annotated reports left this facet of the requirement in each facet status; empty if none did."""
        return facet_entry(self.facet_priors.get(self._key(text), {}), facet) or {}

    def with_profiles(self, profiles: dict[str, dict[str, int]], distractors: dict[str, dict[str, int]] | None = None,
                      priors: dict[str, dict[str, int]] | None = None,
                      facet_priors: dict[str, dict[str, dict[str, int]]] | None = None) -> JudgeModel:
        """The same weights with other profiles (training reads each report with profiles from the others); no
        distractor profiles or status priors unless given."""
        return JudgeModel(self.requirement, self.facet, self.relevance, self.status_relevance,
                          self.status_signals_off, profiles, self.fallback, distractors, priors, facet_priors)

    def to_json(self) -> dict:
        return {"name": JUDGE_NAME, "version": JUDGE_VERSION,
                "relevance": self.relevance.to_json() if self.relevance else None,
                "status_relevance": self.status_relevance.to_json() if self.status_relevance else None,
                "status_signals_off": list(self.status_signals_off),
                "requirement": self.requirement.to_json() if self.requirement else None,
                "facet": self.facet.to_json() if self.facet else None,
                "evidence_profiles": _sorted(self.profiles), "distractor_profiles": _sorted(self.distractors),
                "status_priors": _sorted(self.priors), "facet_status_priors": _sorted(self.facet_priors),
                "fallback": self.fallback.to_json() if self.fallback else None}

    @classmethod
    def from_json(cls, data: dict, *, location: str = "") -> JudgeModel:
        if not isinstance(data, dict):  # the file, or its fallback judge, is not a JSON object
            raise ArtifactError.judge("judge model is malformed (not a JSON object)", location)
        if data.get("name") != JUDGE_NAME or str(data.get("version")) != JUDGE_VERSION:
            raise ArtifactError.judge(f"judge model {data.get('name')} v{data.get('version')}, expected "
                                      f"{JUDGE_NAME} v{JUDGE_VERSION}", location)
        parts = {}
        for key, feats in (("requirement", REQ_FEATURES), ("facet", FEATURES), ("relevance", PAIR_FEATURES),
                           ("status_relevance", PAIR_FEATURES)):
            part = data.get(key)
            try:
                kind = StagedModel if part and part.get("kind") == "staged" else LinearModel
                parts[key] = kind.from_json(part, expect_features=feats, location=location) if part else None
            except (KeyError, TypeError, ValueError, AttributeError) as exc:  # a part cut short or edited by hand
                raise ArtifactError.judge(f"judge model is malformed ({key}: {exc!r})", location) from None
        if parts["requirement"] is None:
            raise ArtifactError.judge("judge model has no requirement-level weights", location)
        off = data.get("status_signals_off") or []
        if not isinstance(off, list) or not set(off) <= set(SIGNALS):
            raise ArtifactError.judge(f"judge model names unknown signals {off}", location)
        profiles = data.get("evidence_profiles") or {}
        distractors = data.get("distractor_profiles") or {}
        priors = data.get("status_priors") or {}
        facet_priors = data.get("facet_status_priors") or {}
        # Each is {requirement: counts}, facet priors {requirement: {facet: counts}}, counts {word or status: n > 0}.
        for name, value, depth, keys in (("evidence profiles", profiles, 1, None),
                                         ("distractor profiles", distractors, 1, None),
                                         ("status priors", priors, 1, None),
                                         ("facet status priors", facet_priors, 2, CLASSES)):
            if not _is_counts(value, depth + 1, keys):
                raise ArtifactError.judge(f"judge model has malformed {name}", location)
        if any(set(v) - set(REQ_CLASSES) for v in priors.values()):
            raise ArtifactError.judge("judge model has status priors with unknown statuses", location)
        fallback = cls.from_json(data["fallback"], location=location) if data.get("fallback") else None
        return cls(**parts, status_signals_off=tuple(off), profiles=profiles, fallback=fallback,
                   distractors=distractors, priors=priors, facet_priors=facet_priors)


def _sorted(d: dict) -> dict:
    """Nested dicts with their keys in a stable order, for model.json."""
    return {k: _sorted(v) if isinstance(v, dict) else v for k, v in sorted(d.items())}


def _is_counts(value, depth: int, keys: tuple[str, ...] | None = None) -> bool:
    """Is `value` `depth` levels of dicts keyed by strings, ending in positive integer counts (keyed by one of
    `keys` when given)?"""
    if not isinstance(value, dict):
        return False
    if depth == 1:
        return all(isinstance(k, str) and (keys is None or k in keys) and isinstance(n, int) and n > 0
                   for k, n in value.items())
    return all(isinstance(k, str) and _is_counts(v, depth - 1, keys) for k, v in value.items())


# Words a facet label may carry before its code: "WSIS target b" and "target b" are the same facet.
LABEL_PREFIXES = re.compile(r"^(?:wsis target|advocacy target|connect 2030 goal|target|goal)\s+", re.I)


def facet_key(label: str) -> str:
    """How a facet's label is compared with the annotated facets (training alignment, facet priors)."""
    return LABEL_PREFIXES.sub("", normalize(label)).strip(" )")


def facet_entry(by_key: dict, facet):
    """The entry of `by_key` (keyed by facet_key) for an extracted facet: by its label, else by its knowledge-base
    concept ("WSIS target b" is annotated as "b"); None if neither is there."""
    return by_key.get(facet_key(facet.label)) or (by_key.get(facet_key(facet.concept)) if facet.concept else None)


# How close a requirement's wording must be to an annotated one's to be read with its profile (rapidfuzz ratio of the
# comparison forms). No two different requirements of the corpus come closer than 70; the closest pair, at 94, is
# the real contribution's expectation and the proposal that restates it.
PROFILE_MATCH_MIN = 90.0


def _numbers(key: str) -> tuple[str, ...]:
    """The numbers a requirement names (resolution numbers, years, targets, the digits of Action Line codes)."""
    return tuple(sorted(re.findall(r"\d+", key)))


def profile_key(text: str) -> str:
    """How a requirement's text is looked up among the evidence profiles (the corpus's comparison form), so that
    the same mandate read from DOCX, PDF or text finds its profile."""
    return normalize(text)


def _standardiser(X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Mean and scale of each feature (a constant feature keeps scale 1)."""
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    return X.mean(axis=0), scale


def _check_features(data: dict, expect: tuple[str, ...], location: str) -> None:
    if tuple(data.get("features", ())) != tuple(expect):
        raise ArtifactError.judge("judge model was trained on other features", location)


# Whether BLAS gives a column-major X @ W the bits of the row-major product, by shape (X's, W's): checked on the first
# product of each shape, with that product's own numbers. OpenBLAS 0.3.31 on this machine gave the same bits in 6,000
# random products (1-8,000 rows x 20 features, both relevance models); another BLAS may take another kernel for a
# transposed operand and sum in another order, and then the row-major copy is multiplied, as before.
_SAME_BITS: dict[tuple[tuple[int, ...], tuple[int, ...]], bool] = {}


def _product(X: np.ndarray, W: np.ndarray) -> np.ndarray:
    """X @ W for a column-major X, exactly as np.ascontiguousarray(X) @ W computes it."""
    out = X @ W
    shapes = (X.shape, W.shape)
    if shapes not in _SAME_BITS:
        _SAME_BITS[shapes] = np.array_equal(out, np.ascontiguousarray(X) @ W, equal_nan=True)
    return out if _SAME_BITS[shapes] else np.ascontiguousarray(X) @ W


def softmax(z: np.ndarray) -> np.ndarray:
    """Row-wise softmax. The row maximum and sum are taken column by column: numpy's reductions along a row of two
    to four classes cost more than the exponentials (the relevance model runs once per unit over every passage),
    and a row this short is summed left to right either way, so the values are the same."""
    columns = [z[:, j] for j in range(z.shape[1])]
    if not 0 < len(columns) < 8:  # numpy sums eight or more in pairs: keep its own reduction
        z = z - z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    top = columns[0]
    for c in columns[1:]:
        top = np.maximum(top, c)
    # Column by column as well: broadcasting a column over rows of two to four runs numpy's loop once per row.
    e = np.empty_like(z, dtype=float)
    for j, c in enumerate(columns):
        np.subtract(c, top, out=e[:, j])
    np.exp(e, out=e)
    total = e[:, 0].copy()
    for j in range(1, e.shape[1]):
        total += e[:, j]
    for j in range(e.shape[1]):
        e[:, j] /= total
    return e


def fit_temperature(logits: np.ndarray, y_idx: np.ndarray) -> float:
    """The temperature minimising log loss of out-of-fold logits (grid search: deterministic, no optimiser state)."""
    best_t, best_loss = 1.0, np.inf
    for t in np.exp(np.linspace(np.log(0.25), np.log(8.0), 120)):
        p = softmax(logits / t)
        loss = -np.mean(np.log(p[np.arange(len(y_idx)), y_idx] + 1e-12))
        if loss < best_loss:
            best_t, best_loss = float(t), loss
    return best_t


MODEL_DIR = model_dir(f"{JUDGE_NAME}-v{JUDGE_VERSION}")


def model_file(path: Path | str | None = None) -> Path:
    """The model.json a judge is loaded from: the shipped one, one in the folder given, or the file given."""
    return (Path(path or MODEL_DIR) / "model.json") if (path is None or Path(path).is_dir()) else Path(path)


def load_model(path: Path | None = None) -> JudgeModel:
    """The shipped judge (models/wsis-judge-v1/model.json), version-checked."""
    p = model_file(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArtifactError("judge model missing", hint="run `wsis-audit train` or restore models/", location=str(p)) \
            from None
    except ValueError as exc:
        raise ArtifactError(f"judge model is not valid JSON: {exc}", hint="restore models/ from the repository",
                            location=str(p)) from None
    return JudgeModel.from_json(data, location=str(p))
