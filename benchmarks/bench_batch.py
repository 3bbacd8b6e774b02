"""A batch against a loop: the corpus reports against the corpus mandates, as one `wsis-audit audit` command per
report and as one batch command, in one run. A plain script that prints figures; it is not a test.

    python benchmarks/bench_batch.py [--reports 16] [--mandates 5] [--jobs 1] [--dask]

The reports and mandates are the first of each in corpora/manifest.json (the plain-text renderings), every command
with --no-cache so that each one computes everything. The loop pays the start of a process, the imports and the
models once per report; the batch pays them once and reads the mandates once. Each report's coverage.json is
compared between the two (they must be the same bytes). --dask adds the same batch on a LocalCluster of --jobs
workers (at least two). Timings are wall-clock on this machine: a busy machine makes them noisy, so compare the
ratios of one run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora"


def command(args: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "cli.py"), "-q", *args], check=False, cwd=ROOT)
    return time.perf_counter() - t


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=int, default=16)
    ap.add_argument("--mandates", type=int, default=5)
    ap.add_argument("--jobs", type=int, default=1, help="--jobs of the batch command")
    ap.add_argument("--dask", action="store_true", help="also run the batch on a LocalCluster")
    args = ap.parse_args()
    docs = json.loads((CORPUS / "manifest.json").read_text(encoding="utf-8"))["documents"]
    reports = [CORPUS / d["path"] for d in docs if d["role"] == "report"][:args.reports]
    mandates = [CORPUS / d["path"] for d in docs if d["role"] == "mandate"][:args.mandates]
    given = [a for m in mandates for a in ("--mandate", str(m.relative_to(ROOT)))]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        loop = 0.0
        for r in reports:
            loop += command(["audit", "--report", str(r.relative_to(ROOT)), *given, "--out", str(tmp / "loop" / r.stem),
                             "--no-cache"])
        runs = {"batch": ["--jobs", str(args.jobs)]}
        if args.dask:
            runs["batch on a LocalCluster"] = ["--scheduler", "local", "--jobs", str(max(2, args.jobs))]
        times = {}
        for name, extra in runs.items():
            out = tmp / name.replace(" ", "-")
            times[name] = command(["audit", *[a for r in reports for a in ("--report", str(r.relative_to(ROOT)))],
                                   *given, "--out", str(out), "--no-cache", *extra])
            same = sum((tmp / "loop" / r.stem / "coverage.json").read_bytes() == (out / r.stem / "coverage.json")
                       .read_bytes() for r in reports)
            times[name] = (times[name], same)
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs")
    print(f"{len(reports)} reports x {len(mandates)} mandates ({', '.join(m.stem for m in mandates)})")
    print(f"  {'loop of single audit commands':36s} {loop:7.1f} s")
    for name, (t, same) in times.items():
        print(f"  {name + ' (one command)':36s} {t:7.1f} s   {t / loop:.2f}x the loop; "
              f"{same} of {len(reports)} coverage.json byte-identical to the loop's")


if __name__ == "__main__":
    main()
