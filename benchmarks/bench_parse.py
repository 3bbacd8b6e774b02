"""Parser throughput: pages/s for PDF, paragraphs/s for DOCX, and pdfplumber alone for comparison.

A plain script, not a test: it prints figures. Run from the repository root:

    python benchmarks/bench_parse.py [--pages 100] [--paragraphs 300] [--repeat 3]

Each figure is the best of --repeat runs of ``pipeline.parse.parse_bytes`` on a document built in
code (tests/fixtures_pdf.py for the PDF; python-docx for the DOCX), so runs are comparable.
"""

from __future__ import annotations

import argparse
import io
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.parse import parse_bytes  # noqa: E402
from tests import fixtures_pdf  # noqa: E402


def best_of(repeat: int, fn) -> float:
    """Fastest wall time of `repeat` calls, in seconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_pdf(pages: int, repeat: int) -> None:
    for label, table_every in (("text report, a ruled table every 10 pages", 10),
                               ("table-heavy report, a ruled table on every page", 1)):
        data = fixtures_pdf.long_report_pdf(pages, table_every=table_every)
        doc = parse_bytes(data, path="bench.pdf")
        n = doc.pages or pages
        tables = len({b.table[0] for b in doc.blocks if b.table})
        secs = best_of(repeat, lambda: parse_bytes(data, path="bench.pdf"))
        print(f"PDF  {label}: {n} pages, {len(doc.blocks)} blocks, {tables} tables: "
              f"{secs:.2f} s, {n / secs:.0f} pages/s")
        if table_every == 10:
            baseline(data, n, repeat)


def baseline(data: bytes, n: int, repeat: int) -> None:
    """pdfplumber alone: extract_text on every page (no layout rules, no tables)."""
    import pdfplumber

    def run() -> None:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()

    secs = best_of(max(1, repeat - 1), run)
    print(f"     pdfplumber alone (extract_text per page): {secs:.2f} s, {n / secs:.0f} pages/s")


def docx_bytes(paragraphs: int) -> bytes:
    """A report of simple paragraphs with a heading every 20 and a numbered list every 50."""
    from docx import Document

    doc = Document()
    doc.add_heading("Annual report on WSIS implementation", level=1)
    for i in range(paragraphs):
        if i % 20 == 0:
            doc.add_heading(f"Section {i // 20 + 1}", level=2)
        if i % 50 == 25:
            doc.add_paragraph(f"Action {i} to be taken by the secretariat.", style="List Number")
        else:
            doc.add_paragraph(f"{i}. " + fixtures_pdf.FILLER)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def bench_docx(paragraphs: int, repeat: int) -> None:
    if not (ROOT / "pipeline" / "parse" / "docx").exists():
        print("DOCX skipped: pipeline/parse/docx/ is not there yet")
        return
    data = docx_bytes(paragraphs)
    doc = parse_bytes(data, path="bench.docx")
    secs = best_of(repeat, lambda: parse_bytes(data, path="bench.docx"))
    print(f"DOCX {paragraphs} paragraphs, {len(doc.blocks)} blocks: {secs:.3f} s, "
          f"{paragraphs / secs:.0f} paragraphs/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=100)
    ap.add_argument("--paragraphs", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    print(f"python {platform.python_version()} on {platform.machine()}, best of {args.repeat}")
    bench_pdf(args.pages, args.repeat)
    bench_docx(args.paragraphs, args.repeat)


if __name__ == "__main__":
    main()
