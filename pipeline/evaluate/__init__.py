"""Measured quality: extraction against gold requirements; judgement cross-validated by report family."""

from __future__ import annotations

from ..config import Config


def run_evaluation(what: str, config: Config, *, ablation: bool = False) -> dict:
    """All figures of `wsis-audit eval` as plain data."""
    result: dict = {}
    if what in ("extraction", "all"):
        from .extraction import evaluate_external, evaluate_extraction, external_gold

        result["extraction"] = evaluate_extraction(config)
        ext = external_gold()
        if ext:
            result["extraction"]["external"] = evaluate_external(*ext, config)
    if what in ("judgement", "all"):
        from ..judge.training import cross_validate, prepare_corpus
        from .judgement import calibration_table, judgement_metrics

        pairs = cross_validate(prepare_corpus(config), config)
        result["judgement"] = judgement_metrics(pairs) | {"calibration": calibration_table(pairs)}
        result["judgement"]["errors"] = [p for p in pairs if p["gold"] != p["predicted"]]
        from ..corpus import CORPUS_DIR
        from .judgement import annotator_agreement

        agreement = annotator_agreement(CORPUS_DIR)
        if agreement:
            result["judgement"]["annotator_agreement"] = agreement
        if ablation:
            from ..match.retrieve import SIGNALS

            rows = {}
            for signal in SIGNALS:
                m = judgement_metrics(cross_validate(prepare_corpus(config, disabled=(signal,)), config))
                rows[f"without {signal}"] = {k: m[k] for k in ("accuracy", "macro_f1", "evidence_hit_at_3")}
            result["judgement"]["ablation"] = rows
    return result
