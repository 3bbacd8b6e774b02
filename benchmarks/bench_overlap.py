"""How much of a cold audit could overlap: parsing the report PDF does not depend on reading the mandates. A plain
script that prints figures; it is not a test (issue 19, the next lever after round 5).

    python benchmarks/bench_overlap.py [--pages 300] [--requirements 500] [--keep DIR] [--rounds 3]

The files are bench_audit.py's (built in code, or reused from its --keep folder). Each round runs, in a fresh
process each, so that every run loads its models as a user's command does:
- serial: parse the report, then parse and extract the mandate (what `audit` does today);
- thread: the mandate read in a second thread while this one parses the report;
- fork: the mandate read in a forked process (Linux) while this one parses the report.
The rounds alternate the three, so a busy machine slows each of them alike.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODES = ("serial", "thread", "fork")


def run_mode(mode: str, report: Path, mandate: Path) -> float:
    """Seconds to have both the parsed report and the mandate's requirements, in this process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

    from pipeline.audit import prepare_mandates
    from pipeline.config import Config
    from pipeline.parse import parse_file

    cfg = Config()
    t = time.perf_counter()
    if mode == "serial":
        parse_file(report, cfg)
        prepare_mandates([mandate], cfg)
    else:
        pool = (ThreadPoolExecutor(1) if mode == "thread"
                else ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork")))
        with pool:
            mandates = pool.submit(prepare_mandates, [mandate], cfg)
            parse_file(report, cfg)
            mandates.result()
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--requirements", type=int, default=500)
    ap.add_argument("--keep", type=Path, help="bench_audit.py's folder: its report and mandate (built when absent)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # one run, in the child process
    ap.add_argument("--report", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--mandate", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.mode:
        print(f"{run_mode(args.mode, args.report, args.mandate):.3f}")
        return
    from bench_audit import bench_files

    with tempfile.TemporaryDirectory() as tmp:
        report, mandate = bench_files(args.keep or Path(tmp), args.pages, args.requirements)
        times: dict[str, list[float]] = {m: [] for m in MODES}
        for _ in range(args.rounds):
            for mode in MODES:
                out = subprocess.run([sys.executable, __file__, "--mode", mode, "--report", str(report),
                                      "--mandate", str(mandate)], capture_output=True, text=True, check=True)
                times[mode].append(float(out.stdout.split()[-1]))
    print(f"report {report.name}, mandate {mandate.name}; seconds to have both, in a fresh process, by round:")
    for mode in MODES:
        print(f"  {mode:7s} " + "  ".join(f"{t:5.2f}" for t in times[mode]))


if __name__ == "__main__":
    main()
