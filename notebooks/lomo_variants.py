"""Leave-one-mandate-out figures for variants of the judge's decision, on the same fits (an exploration script).

Fits each held-out judge once (`restrict` + `fit(profiles=False)`, as `cross_validate_by_mandate` does), then
scores each variant named on the command line on those fits; prints one line of figures per variant. This is how
the floors and the semantic backends in docs/history.md (2026-12-03) were compared.

    python notebooks/lomo_variants.py OUT.json floor=0.35 floor=0.2 floor=0.1
    python notebooks/lomo_variants.py OUT.json MENTION_FLOOR=1.1 MENTION_FLOOR=0.1   # any constant of judge/assess.py
    SEMANTIC=wordllama python notebooks/lomo_variants.py OUT.json floor=0.35   # needs the wordllama extra
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pipeline.judge.assess as assess  # noqa: E402
import pipeline.learn.training as T  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.evaluate.judgement import judgement_metrics  # noqa: E402
from pipeline.kb import load_kb  # noqa: E402

FIGURES = ("pairs", "accuracy", "accuracy_ci95", "macro_f1", "false_all_clear", "evidence_hit_at_3",
           "tfidf_baseline_hit_at_3")


def main(out: str, variants: list[str]) -> None:
    cfg = Config(semantic=os.environ.get("SEMANTIC", "lsa"))
    kb = load_kb()
    t = time.time()
    reports = T.prepare_corpus(cfg)
    mandates = sorted({g["mandate"] for r in reports for g in [*r.gold_by_req.values(), *r.unaligned]})
    models = {m: T.fit([x for x in (T.restrict(r, lambda d, m=m: d != m) for r in reports) if x.gold_by_req],
                       profiles=False) for m in mandates}
    print(f"prepared and fitted in {time.time() - t:.0f} s", flush=True)
    results = {}
    for variant in variants or ["floor=0.35"]:
        if variant.startswith("floor="):
            assess.MIN_RELEVANCE = float(variant.split("=", 1)[1])
        elif "=" in variant:  # any constant of pipeline/judge/assess.py: MENTION_FLOOR=0.2
            name, value = variant.split("=", 1)
            setattr(assess, name, float(value))
        pairs = [p | {"mandate": m} for m in mandates for r in reports
                 for held in [T.restrict(r, lambda d, m=m: d == m)] if held.gold_by_req or held.unaligned
                 for p in T.predict_pairs(held, models[m], kb, cfg)]
        metrics = judgement_metrics(pairs)
        print(variant, {k: metrics[k] for k in FIGURES}, flush=True)
        results[variant] = pairs
    Path(out).write_text(json.dumps(results, default=str), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
