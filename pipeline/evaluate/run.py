"""All figures of `wsis-audit eval` as plain data: extraction, reflection and judgement, each measured on request."""

from __future__ import annotations

from ..config import Config


def run_evaluation(what: str, config: Config, *, ablation: bool = False) -> dict:
    """All figures of `wsis-audit eval` as plain data."""
    result: dict = {}
    if what in ("extraction", "all"):
        result |= _extraction(config)
    if what in ("reflection", "all"):
        result |= _reflection(config)
    if what in ("judgement", "all"):
        result |= _judgement(config, ablation=ablation)
    return result


def _extraction(config: Config) -> dict:
    """Extraction on the development corpus (and the real contribution), the blind excerpts, the earlier ones."""
    from .extraction import (BLIND_DIR, EXCERPTS_DEV_DIR, evaluate_blind, evaluate_external, evaluate_extraction,
                             external_gold)

    result: dict = {"extraction": evaluate_extraction(config)}
    ext = external_gold()
    if ext:
        result["extraction"]["external"] = evaluate_external(*ext, config)
    if any(BLIND_DIR.glob("*.json")):
        # Excerpts written apart from the rules and never tuned on: the extraction headline.
        result["extraction_blind"] = evaluate_blind(config)
    if any(EXCERPTS_DEV_DIR.glob("*.json")):
        # Earlier blind sets: measured once blind, then used to improve the rules (development figures).
        result["extraction_excerpts_dev"] = evaluate_blind(config, blind_dir=EXCERPTS_DEV_DIR)
    return result


def _reflection(config: Config) -> dict:
    """Amendment outcomes and wording taken over, on the blind pairs and the development pairs."""
    from .reflection import REFLECTION_BLIND_DIR, REFLECTION_DEV_DIR, evaluate_reflection, pair_dirs

    result: dict = {}
    if pair_dirs(REFLECTION_BLIND_DIR):
        # Pairs written apart from the rules, never read while they were written: the headline.
        result["reflection_blind"] = evaluate_reflection(config, REFLECTION_BLIND_DIR)
    if pair_dirs(REFLECTION_DEV_DIR):
        result["reflection_dev"] = evaluate_reflection(config, REFLECTION_DEV_DIR)
    return result


def _judgement(config: Config, *, ablation: bool) -> dict:
    """The judge left one mandate out (the headline), then by report family, with the second annotator's agreement
    and, with `ablation`, each retrieval signal left out."""
    from ..corpus import CORPUS_DIR
    from ..learn.training import cross_validate, cross_validate_by_mandate, prepare_corpus
    from .judgement import annotator_agreement, by_mandate, calibration_table, judgement_metrics, unseen_figures

    reports = prepare_corpus(config)
    # The headline: each mandate judged by a judge that never saw it (grouped by mandate document).
    held_out = cross_validate_by_mandate(reports, config)
    result: dict = {"by_mandate": judgement_metrics(held_out) | {
        "calibration": calibration_table(held_out), "mandates": by_mandate(held_out),
        "extracted_only": {k: v for k, v in judgement_metrics(
            [p for p in held_out if p["predicted"] != "missing"]).items()
            if k in ("pairs", "accuracy", "macro_f1", "false_all_clear", "evidence_hit_at_3")},
        "errors": [p for p in held_out if p["gold"] != p["predicted"]]}}
    unseen: list[dict] = []
    pairs = cross_validate(reports, config, unseen=unseen)
    judgement = result["judgement"] = judgement_metrics(pairs) | {"calibration": calibration_table(pairs)}
    # Every requirement of the corpus is annotated in several reports, so the figures above use what the other
    # reports taught about it (evidence profiles). A mandate the corpus has never seen gets these:
    judgement["unseen_requirements"] = unseen_figures(unseen)
    judgement["errors"] = [p for p in pairs if p["gold"] != p["predicted"]]
    agreement = annotator_agreement(CORPUS_DIR)
    if agreement:
        judgement["annotator_agreement"] = agreement
    if ablation:
        judgement["ablation"] = _ablation(config)
    return result


def _ablation(config: Config) -> dict:
    """The judgement by report family with each retrieval signal (and the evidence profiles) left out in turn."""
    from ..learn.training import cross_validate, prepare_corpus
    from ..match.retrieve import SIGNALS
    from .judgement import judgement_metrics

    rows = {}
    # "profile": the evidence profiles learned from the other annotated reports. Without them, every
    # requirement is read as one the corpus has never seen: the figure for a new mandate.
    for signal in (*SIGNALS, "profile"):
        m = judgement_metrics(cross_validate(prepare_corpus(config, disabled=(signal,)), config))
        rows[f"without {signal}"] = {k: m[k] for k in ("accuracy", "macro_f1", "evidence_hit_at_3")}
    return rows
