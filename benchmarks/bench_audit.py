"""Audit speed by stage: a 300-page report against 500 requirements. A plain script that prints figures.

    python benchmarks/bench_audit.py [--pages 300] [--requirements 500]

The report is built from the corpus reports' paragraphs (about 500 words a page) under numbered headings; the
mandate holds the corpus resolutions' operative items, renumbered under several chapeaux, until it has the
requested number of items. Timings are wall-clock on this machine, one run after a warm-up of the models.
"""

from __future__ import annotations

import argparse
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.audit import audit, prepare  # noqa: E402
from pipeline.config import Config  # noqa: E402
from pipeline.extract import extract  # noqa: E402
from pipeline.judge import assess_all  # noqa: E402
from pipeline.judge.model import load_model  # noqa: E402
from pipeline.kb import load_kb  # noqa: E402
from pipeline.match.passages import make_passages  # noqa: E402
from pipeline.match.retrieve import Retriever, units_for  # noqa: E402
from pipeline.parse import parse_file  # noqa: E402
from pipeline.report import FORMATS, write_formats  # noqa: E402

WORDS_PER_PAGE = 500
CHAPEAUX = ("instructs the Secretary-General", "instructs the Directors of the Bureaux",
            "instructs the Secretary-General and the Directors of the Bureaux", "invites Member States")


def build_report(pages: int) -> str:
    paras = [ln.strip() for p in sorted((ROOT / "corpora" / "reports").glob("*.txt"))
             for ln in p.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 12]
    out, words, i, section = ["Annual report on the Union's WSIS work (benchmark)"], 0, 0, 0
    while words < pages * WORDS_PER_PAGE:
        if i % 12 == 0:
            section += 1
            out.append(f"{section}\tImplementation area {section}")
        out.append(paras[i % len(paras)])
        words += len(paras[i % len(paras)].split())
        i += 1
    return "\n".join(out) + "\n"


def build_mandate(n: int) -> str:
    items = []
    for p in sorted((ROOT / "corpora" / "mandates").glob("*res*.txt")):
        items += [r.text for r in extract(parse_file(p)).requirements if r.text.startswith("to ")]
    out = ["Resolution 1999 (benchmark)", "The ITU Council,", "considering", "a)\tthat this is a benchmark;"]
    per = -(-n // len(CHAPEAUX))
    k = 0
    for chapeau in CHAPEAUX:
        out.append(chapeau)
        for j in range(1, per + 1):
            if k == n:
                break
            out.append(f"{j}\t{items[k % len(items)].rstrip(';,.')} (item {k + 1});")
            k += 1
    return "\n".join(out) + "\n"


def timed(label: str, fn, rows: list):
    t = time.perf_counter()
    value = fn()
    rows.append((label, time.perf_counter() - t))
    return value


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--requirements", type=int, default=500)
    args = ap.parse_args()
    cfg = Config()
    kb = load_kb()
    model = load_model()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        report, mandate = tmp / "report.txt", tmp / "mandate.txt"
        report.write_text(build_report(args.pages), encoding="utf-8")
        mandate.write_text(build_mandate(args.requirements), encoding="utf-8")
        audit(prepare(ROOT / "corpora/reports/wsis20-draft.txt", [ROOT / "corpora/mandates/pp-res-145.txt"], cfg),
              cfg, model)  # warm-up: loads spaCy pipelines once
        rows: list = []
        doc = timed("parse report", lambda: parse_file(report, cfg), rows)
        mdoc = timed("parse mandate", lambda: parse_file(mandate, cfg), rows)
        reqs = timed("extract requirements", lambda: list(extract(mdoc).requirements), rows)
        passages = timed("split passages", lambda: make_passages(doc), rows)
        units = [u for r in reqs for u in units_for(r, kb)]
        retriever = timed("fit retrieval (lemmas, TF-IDF, LSA, concepts)",
                          lambda: Retriever().fit(passages, units), rows)
        assessments = timed("score and judge", lambda: assess_all(reqs, retriever, model, kb), rows)
        inputs = prepare(report, [mandate], cfg)
        record = audit(inputs, cfg, model)
        timed("write all formats", lambda: write_formats(record, tmp / "out", FORMATS), rows)
    words = len(doc.text.split())
    print(f"machine: {platform.machine()}, Python {platform.python_version()}")
    print(f"report: {args.pages} pages at ~{WORDS_PER_PAGE} words ({words:,} words, {len(passages):,} passages); "
          f"{len(reqs)} requirements, {len(units)} units (requirements + facets), {len(assessments)} assessed")
    total = sum(t for _, t in rows)
    for label, t in rows:
        print(f"  {label:48s} {t:7.2f} s")
    print(f"  {'total':48s} {total:7.2f} s")


if __name__ == "__main__":
    main()
