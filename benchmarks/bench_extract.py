"""What the asks model costs: extraction with the rules alone and with the model, over the corpus mandates and the
development excerpts (TXT), in words per second. Prints figures; not a pass/fail test.

    python benchmarks/bench_extract.py [LIMIT]

The first document of each pass is left out of the timing: it loads the English model (and the asks model).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.config import Config  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.learn.asks import annotated_texts  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402


def main(limit: int) -> None:
    cfg = Config()
    documents = [parse_file(path, cfg) for _, _, path, _ in annotated_texts()[:limit]]
    words = sum(len(d.text.split()) for d in documents[1:])
    for model_reads in (False, True):
        extract(documents[0], kb_files=cfg.kb_files, model_reads=model_reads)  # warm: models loaded
        start = time.perf_counter()
        found = read = 0
        for d in documents[1:]:
            result = extract(d, kb_files=cfg.kb_files, model_reads=model_reads)
            found += len(result.requirements)
            read += sum(r.read_by == "model" for r in result.requirements)
        seconds = time.perf_counter() - start
        print(f"{'rules + model' if model_reads else 'rules alone':14} {len(documents) - 1} documents, {words} words: "
              f"{seconds:.1f} s, {words / seconds:,.0f} words/s; {found} requirements ({read} read by the model)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
