"""Agreement of a second, independent annotation with the gold files, scored as the extractor is scored.

The second reader followed corpora/extraction-brief.md on the texts alone (NAME.txt), without the first gold, and gave
each requirement its whole `text`; here the gold is the first annotation and the second stands where the extractor's
requirements stand. Usage:

    python corpora/agreement.py [GOLD_DIR] [SECOND_DIR]   (defaults: the set whose texts corpora/extraction-agreement/
                                                          annotates, looked up in extraction-blind/ then extraction-dev/)
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

from pipeline.config import Config
from pipeline.corpus import align, norm_label
from pipeline.evaluate.extraction import actor_verdict
from pipeline.kb import load_kb

HERE = Path(__file__).resolve().parent


def agreement(second_dir: Path, gold_dirs: list[Path]) -> dict:
    kb = load_kb(Config().kb_files)
    total: Counter = Counter()
    for path in sorted(second_dir.glob("*.json")):
        gold_path = next((d / path.name for d in gold_dirs if (d / path.name).exists()), None)
        if gold_path is None:
            raise SystemExit(f"{path.name}: no gold file of that name in {', '.join(map(str, gold_dirs))}")
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["requirements"]
        second = json.loads(path.read_text(encoding="utf-8"))["requirements"]
        as_read = [SimpleNamespace(text=r.get("text") or r["quote"], actor=r.get("actor"),
                                   source=SimpleNamespace(label=r.get("label")), kind=r.get("kind")) for r in second]
        a = align(gold, as_read)
        total.update(gold=len(gold), second=len(second), matched=len(a.pairs))
        for g, r in a.pairs:
            total["actor_ok"] += actor_verdict(g.get("actor"), r.actor, kb) != "wrong"
            total["label_ok"] += norm_label(g.get("label")) == norm_label(r.source.label)
            total["kind_ok"] += g["kind"] == r.kind
    m = max(total["matched"], 1)
    return {"texts": len(list(second_dir.glob("*.json"))), "gold": total["gold"], "second": total["second"],
            "recall": round(total["matched"] / max(total["gold"], 1), 3),
            "precision": round(total["matched"] / max(total["second"], 1), 3),
            "label": round(total["label_ok"] / m, 3), "actor": round(total["actor_ok"] / m, 3),
            "kind": round(total["kind_ok"] / m, 3)}


if __name__ == "__main__":
    second = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE / "extraction-agreement"
    golds = [Path(sys.argv[1])] if len(sys.argv) > 1 else [HERE / "extraction-blind", HERE / "extraction-dev"]
    print(json.dumps(agreement(second, golds), sort_keys=True))
