"""Record what the rules read of a blind set when it was blind: corpora/extraction-replay/set-NN.json.

The asks model reads what the rules leave. On the development texts the rules were tuned on, they leave little, so
figures cross-validated there say little about a new writer's text, where the rules leave a fifth. Each file here
keeps, for one blind set, the requirement texts the rules alone gave (no model) at the commit that measured it.
`wsis-audit train asks` replays them: a model trained without that set's writers reads what those rules left, and the
threshold is chosen on the result (pipeline/learn/asks.py).

Run it with the old commit's code importable, from a worktree of that commit:

    git worktree add /tmp/wt COMMIT
    PYTHONPATH=/tmp/wt python corpora/replay.py --set 48 --code COMMIT corpora/extraction-dev/fp-*.txt ...

The texts are read from where they now lie; the file is written next to this script whichever code runs. A text that
cannot be read stops it with one line and exit code 2, before anything is written.
"""

from __future__ import annotations

import argparse
import inspect
import json
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent / "extraction-replay"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", type=int, required=True, help="the blind set's number")
    ap.add_argument("--code", required=True, help="the commit whose rules measured it")
    ap.add_argument("texts", nargs="+", type=Path, help="the set's .txt excerpts")
    args = ap.parse_args()

    from pipeline.config import Config
    from pipeline.extract import extract
    from pipeline.parse import parse_file

    config = Config()
    rules_only = {"model_reads": False} if "model_reads" in inspect.signature(extract).parameters else {}
    excerpts = {}
    for path in sorted(args.texts):
        try:
            reqs = extract(parse_file(path, config), kb_files=config.kb_files, **rules_only).requirements
        except Exception as exc:  # a missing or unreadable text: one line, and no half-written set file
            line = exc.line() if hasattr(exc, "line") else f"error: {path}: {exc}"
            print(f"{line}; nothing written", file=sys.stderr)
            return 2
        excerpts[path.stem] = [r.text for r in reqs]
    OUT_DIR.mkdir(exist_ok=True)
    out = OUT_DIR / f"set-{args.set}.json"
    out.write_text(json.dumps({"set": args.set, "code": args.code, "excerpts": excerpts}, indent=1, sort_keys=True,
                              ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(excerpts)} excerpts, {sum(map(len, excerpts.values()))} requirements")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
