"""Audit speed on a long PDF: stage times, the ratio to pdfplumber's and pypdfium2's reading of the same file, peak
memory, and a second, unchanged run. A plain script that prints figures; it is not a test.

    python benchmarks/bench_audit.py [--pages 300] [--requirements 500] [--keep DIR]

The report is a PDF built in code (tests/fixtures_pdf.py's A4 page, so fpdf2 from the test extra is needed): the
corpus reports' paragraphs under numbered bold headings, about 500 words a page, with a running header (the
document symbol) and a "Page N of M" footer on every page. The mandate holds the corpus resolutions' operative
items, renumbered under several chapeaux, until it has the requested number of items.

Figures, all from one run on this machine (wall-clock, so a busy machine makes them noisy; ratios within one run
are what to compare):
- pdfplumber: `extract_text()` of every page, first and again once the audit's stages are timed (the machine's speed
  may drift within a run: the cold audit is compared with each reading and with their mean); pypdfium2: every
  page's text page and text;
- the audit in this process, stage by stage, after a warm-up that loads the models, with no cache (cold); then the
  report's half and the mandate's half read at once, as an audit reads them (the mandate in a forked child,
  pipeline/batch/overlap.py): the cold audit is that, then the stages that need both halves;
- the judge as an audit runs it: with two cores, the later requirements' views built in a forked child
  (pipeline/judge/assess.py: _all_views);
- the `wsis-audit audit` command on a fresh cache folder (cold: the peak memory of its largest process from the
  operating system, and of it and its children together, their proportional set sizes sampled every 50 ms), the same
  with the overlap turned off (WSIS_AUDIT_NO_OVERLAP=1), then the first command again (unchanged: answered from the
  cache, nothing rewritten).
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipeline.audit import audit, prepare, report_signals  # noqa: E402
from pipeline.batch.overlap import OFF_VARIABLE, mandates_beside, serial_reason  # noqa: E402
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
SYMBOL = "C26/99-E"
# fpdf2's core fonts write Latin-1 only: typographic quotes and dashes as their plain forms.
PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                       "\u00a0": " ", "\u2026": "..."})


def corpus_paragraphs() -> list[str]:
    return [ln.strip() for p in sorted((ROOT / "corpora" / "reports").glob("*.txt"))
            for ln in p.read_text(encoding="utf-8").splitlines() if len(ln.split()) > 12]


def build_report_pdf(pages: int) -> bytes:
    """A report of `pages` A4 pages: numbered bold headings every twelve paragraphs, running header and footer."""
    from tests.fixtures_pdf import BODY_SIZE, LINE_H, _Report

    paras = corpus_paragraphs()
    pdf = _Report(f"{SYMBOL} (benchmark)")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 8, "Annual report on the Union's WSIS work (benchmark)", new_x="LMARGIN", new_y="NEXT")
    i = section = 0
    while True:
        if i % 12 == 0:
            section += 1
            pdf.ln(3)
            pdf.set_font("Helvetica", "B", 14)
            pdf.cell(0, 7, f"{section} Implementation area {section}", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        text = paras[i % len(paras)].translate(PLAIN).encode("latin-1", "replace").decode("latin-1")
        pdf.set_font("Helvetica", "", BODY_SIZE)
        pdf.multi_cell(0, LINE_H, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2.5)
        i += 1
        if pdf.page_no() >= pages and pdf.get_y() > pdf.h / 2:
            break
    return bytes(pdf.output())


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


def pdfplumber_seconds(path: Path) -> float:
    import pdfplumber

    t = time.perf_counter()
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - t


def pypdfium2_seconds(path: Path) -> float:
    import pypdfium2 as pdfium

    t = time.perf_counter()
    pdf = pdfium.PdfDocument(path.read_bytes())
    for i in range(len(pdf)):
        page = pdf[i]
        text = page.get_textpage()
        text.get_text_range()
        text.close()
        page.close()
    pdf.close()
    return time.perf_counter() - t


def command(args: list[str], env: dict | None = None, memory: dict | None = None) -> float:
    """Seconds the command took; with `memory`, its process tree's peak memory is sampled into it (tree_memory)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "cli.py"), "-q", *args], cwd=ROOT,
                            env=None if env is None else {**os.environ, **env})
    peak = 0.0
    while proc.poll() is None:
        if memory is not None:
            peak = max(peak, tree_memory(proc.pid))
        time.sleep(0.05)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, proc.args)
    if memory is not None:
        memory["tree_mb"] = peak
    return time.perf_counter() - t


def tree_memory(root: int) -> float:
    """Megabytes the process and its descendants hold together (the sum of their proportional set sizes: a page
    two processes share counts half in each), from /proc; 0 where there is no /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        todo += children.get(pid, [])
        try:
            rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        except OSError:
            continue
        total += sum(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")) / 1024
    return total


def read_both(report: Path, mandate: Path, cfg: Config):
    """The report parsed and its passages read here while a forked child parses the mandate and extracts its
    requirements, as run_audits does (pipeline/batch/overlap.py); one after the other where no fork is safe."""
    if serial_reason() is not None:
        doc = parse_file(report, cfg)
        return doc, report_signals(doc, cfg), prepare(report, [mandate], cfg).mandate_set

    got = {}

    def work(done) -> None:
        got["doc"] = parse_file(report, cfg)
        got["signals"] = report_signals(got["doc"], cfg)

    mandate_set = mandates_beside([mandate], cfg, work=work)
    return got["doc"], got["signals"], mandate_set


def bench_files(folder: Path, pages: int, requirements: int) -> tuple[Path, Path]:
    """The benchmark's report PDF and mandate in `folder`, built when they are not there yet."""
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / f"report-{pages}p.pdf"
    mandate = folder / f"mandate-{requirements}.txt"
    if not report.exists():
        report.write_bytes(build_report_pdf(pages))
    if not mandate.exists():
        mandate.write_text(build_mandate(requirements), encoding="utf-8")
    return report, mandate


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--requirements", type=int, default=500)
    ap.add_argument("--keep", type=Path, help="build the report and mandate here (reused when present)")
    args = ap.parse_args()
    cfg = Config()
    kb = load_kb()
    model = load_model()
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        report, mandate = bench_files(args.keep or Path(tmp), args.pages, args.requirements)
        built = time.perf_counter() - t
        plumber = pdfplumber_seconds(report)
        pdfium = pypdfium2_seconds(report)
        audit(prepare(ROOT / "corpora/reports/wsis20-draft.txt", [ROOT / "corpora/mandates/pp-res-145.txt"], cfg),
              cfg, model)  # warm-up: loads the spaCy pipelines and the judge once
        rows: list = []
        doc = timed("parse report (PDF)", lambda: parse_file(report, cfg), rows)
        mdoc = timed("parse mandate", lambda: parse_file(mandate, cfg), rows)
        reqs = timed("extract requirements", lambda: list(extract(mdoc).requirements), rows)
        passages = timed("split passages", lambda: make_passages(doc), rows)
        units = [u for r in reqs for u in units_for(r, kb)]
        signals = timed("read passages (lemmas, concepts, cues)", lambda: report_signals(doc, cfg), rows)
        retriever = timed("fit retrieval (TF-IDF, LSA, requirements)",
                          lambda: Retriever().fit(passages, units, passage_signals=signals), rows)
        assessments = timed("score and judge", lambda: assess_all(reqs, retriever, model, kb), rows)
        serial = sum(t for _, t in rows)
        # The audit's stages as it runs them: both halves at once, then what needs both (its own split, fit, judge).
        halves = len(rows)
        both = timed("the report here | the mandate in a forked child", lambda: read_both(report, mandate, cfg),
                     rows)
        assert [r.id for r in both[2].requirements] == [r.id for r in reqs]
        cold = rows[halves][1] + sum(t for label, t in rows[:halves] if label.startswith(("split", "fit", "score")))
        # pdfplumber read again once the audit's stages are timed: on a machine whose speed drifts (a shared host),
        # the mean of the two readings brackets the stages, and both readings are printed
        plumber_after = pdfplumber_seconds(report)
        record = audit(prepare(report, [mandate], cfg), cfg, model)
        work = Path(tmp)  # outputs and caches always fresh, even with --keep: every command below starts cold
        written = timed("write all formats", lambda: write_formats(record, work / "out-inprocess", FORMATS), rows)

        def audit_args(name: str) -> list[str]:
            return ["--cache-dir", str(work / f"cache-{name}"), "audit", "--report", str(report), "--mandate",
                    str(mandate), "--out", str(work / f"out-{name}")]

        tree: dict = {}
        first = command(audit_args("overlap"), memory=tree)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # kilobytes on Linux
        if sys.platform == "darwin":
            peak_mb /= 1024  # bytes there
        no_overlap = command(audit_args("serial"), env={OFF_VARIABLE: "1"})
        second = command(audit_args("overlap"))
        size_mb = report.stat().st_size / 1e6  # read before the temporary folder goes
    print(f"machine: {platform.machine()}, {platform.system()}, Python {platform.python_version()}")
    print(f"report: {doc.pages} PDF pages ({size_mb:.1f} MB, built in {built:.1f} s), "
          f"{len(doc.text.split()):,} words, {len(passages):,} passages; {len(reqs)} requirements, {len(units)} units "
          f"(requirements + facets), {len(assessments)} assessed; {len(written)} formats written")
    print(f"  {'pdfplumber extract_text, every page':48s} {plumber:7.2f} s")
    print(f"  {'pypdfium2 text of every page':48s} {pdfium:7.2f} s")
    for label, t in rows:
        print(f"  {label:48s} {t:7.2f} s")
    overlap = "the mandate in a forked child" if serial_reason() is None else f"no overlap: {serial_reason()}"
    print(f"  {'cold audit, the first seven one after the other':48s} {serial:7.2f} s   "
          f"{serial / plumber:.2f}x pdfplumber")
    print(f"  {'cold audit in process (' + overlap + ')':48s} {cold:7.2f} s   "
          f"{cold / plumber:.2f}x pdfplumber, {cold / pdfium:.1f}x pypdfium2")
    mean = (plumber + plumber_after) / 2
    print(f"  {'pdfplumber again, after the stages above':48s} {plumber_after:7.2f} s   the cold audit: "
          f"{cold / plumber_after:.2f}x this reading, {cold / mean:.2f}x the two readings' mean")
    print(f"  {'wsis-audit audit, cold cache (all formats)':48s} {first:7.2f} s   {first / plumber:.2f}x pdfplumber; "
          f"peak memory {peak_mb:.0f} MB (one process), {tree['tree_mb']:.0f} MB (it and its children)")
    print(f"  {'the same with ' + OFF_VARIABLE + '=1':48s} {no_overlap:7.2f} s   "
          f"{no_overlap / plumber:.2f}x pdfplumber")
    print(f"  {'wsis-audit audit again, unchanged':48s} {second:7.2f} s   {second / first:.3f}x the first run")


if __name__ == "__main__":
    main()
