"""The long fuzz run: `python -m tests.fuzz --per-format 10000` (see docs/reliability.md)."""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

from .harness import FORMATS, run


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--per-format", type=int, default=1000, help="cases per format (default 1000)")
    parser.add_argument("--seed", type=int, default=18, help="seed of the mutations (same seed, same cases)")
    parser.add_argument("--format", action="append", choices=FORMATS, help="only this format; repeat for several")
    parser.add_argument("--save", type=Path, help="write failing cases here, with their mutation and error")
    args = parser.parse_args()
    warnings.simplefilter("ignore")  # zipfile warns on the duplicate members we make on purpose
    start = time.monotonic()
    report = run(args.per_format, seed=args.seed, formats=tuple(args.format or FORMATS), save=args.save,
                 progress=lambda line: print(line, file=sys.stderr, flush=True))
    for line in report.lines():
        print(line)
    print(f"{report.bad} failing case(s) in {time.monotonic() - start:.0f} s (seed {args.seed})")
    return 1 if report.bad else 0


if __name__ == "__main__":
    sys.exit(main())
