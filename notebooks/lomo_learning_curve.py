"""Leave one mandate out, trained on fewer mandates: does the judge get better with more of them? (an exploration
script for issue 16, point 5; docs/history.md, 2026-12-03, fifth session).

For each held-out mandate, the judge is fitted on random subsets of k of the other mandates (k from the command
line, two draws each, fixed seeds) and scored on the held-out mandate's pairs, as `cross_validate_by_mandate` does.

    python notebooks/lomo_learning_curve.py OUT.json 4 8 12 16
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pipeline.learn.training as T  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.evaluate.judgement import judgement_metrics  # noqa: E402
from pipeline.kb import load_kb  # noqa: E402

DRAWS = 2


def main(out: str, sizes: list[int]) -> None:
    cfg, kb = Config(), load_kb()
    t = time.time()
    reports = T.prepare_corpus(cfg)
    mandates = sorted({g["mandate"] for r in reports for g in [*r.gold_by_req.values(), *r.unaligned]})
    print(f"prepared in {time.time() - t:.0f} s; {len(mandates)} mandates", flush=True)
    results = {}
    for k in sizes:
        pairs = []
        for draw in range(DRAWS if k < len(mandates) - 1 else 1):  # all the others: one draw
            for m in mandates:
                others = [x for x in mandates if x != m]
                chosen = set(random.Random(f"{k}/{draw}/{m}").sample(others, min(k, len(others))))
                train = [x for x in (T.restrict(r, lambda d, c=chosen: d in c) for r in reports) if x.gold_by_req]
                model = T.fit(train, profiles=False)
                pairs += [p | {"mandate": m, "draw": draw} for r in reports
                          for held in [T.restrict(r, lambda d, m=m: d == m)] if held.gold_by_req or held.unaligned
                          for p in T.predict_pairs(held, model, kb, cfg)]
        metrics = judgement_metrics(pairs)
        results[k] = {key: metrics[key] for key in ("pairs", "accuracy", "macro_f1", "false_all_clear",
                                                    "evidence_hit_at_3")}
        print(k, results[k], f"{time.time() - t:.0f} s", flush=True)
    Path(out).write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1], [int(x) for x in sys.argv[2:]] or [4, 8, 12, 16])
