"""wsis-audit command line: argument handling and printing only; the work is in `pipeline`."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer

from pipeline import console
from pipeline.cli_support import (DEMO_MANDATES, DEMO_REPORT, FAIL_HELP, FORMAT_HELP, FORMAT_METAVAR, STATUS_METAVAR,
                                  STDOUT, DocDate, DocLanguage, DocMeeting, DocNumber, DocSource, DocTitle, Group,
                                  display_path, document_fields, err, guard, load_coverage, member_files,
                                  no_batch_to_stdout, out, print_decision_warnings, progress_bar, raise_,
                                  report_failures, run_cache, show_warning, state, statuses, stdout_formats,
                                  version_line, write_json)
from pipeline.cli_support import hoist_global_options  # noqa: F401  (named in __all__: tests import it from here)
from pipeline.config import load_config
from pipeline.errors import ExitCode, InputError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  cls=Group,
                  help="Check a report against the instructions, proposals and expectations of its mandate documents.")


def _show_version(value: bool) -> None:
    if value:
        out.print(version_line(), markup=False)
        raise typer.Exit(ExitCode.OK)


@app.callback()
def _main(
    config: Annotated[Optional[Path], typer.Option("--config", metavar="FILE.toml",
                                                   help="TOML file with settings (see README).")] = None,
    max_size_mb: Annotated[Optional[float], typer.Option("--max-size-mb", metavar="MB",
                                                         help="Largest input file accepted.")] = None,
    cache_dir: Annotated[Optional[Path], typer.Option("--cache-dir", metavar="DIR", help="Cache folder for parsed "
                                                      "documents and audit results (audit default: the user's cache "
                                                      "folder).")] = None,
    kb: Annotated[Optional[list[Path]], typer.Option("--kb", metavar="FILE.json", help="Your own knowledge-base "
                                                      "file (same schema as corpora/kb); repeat for several.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only errors.")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
    show_version: Annotated[bool, typer.Option("--version", is_eager=True, callback=_show_version,
                                               help="Print the version and exit.")] = False,
) -> None:
    """Global options go before or after the command: wsis-audit --quiet parse FILE, wsis-audit parse FILE -q."""
    state.debug = debug
    state.quiet = quiet
    warnings.showwarning = show_warning
    state.config = guard(lambda: load_config(config, max_size_mb=max_size_mb,
                                              cache_dir=str(cache_dir) if cache_dir else None,
                                              kb_files=tuple(str(k) for k in kb) if kb else None))


@app.command()
def parse(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="DOCX, PDF or text files.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", metavar="OUT.json", help="Write the full document "
                                                     "model here (- for standard output).")] = None,
) -> None:
    """Parse documents into blocks with provenance and print a structure summary.

    Example: wsis-audit parse report.docx contribution.txt --json parsed.json
    """
    from pipeline.parse import parse_many
    from pipeline.summary import document_summary

    result = guard(lambda: parse_many(list(files), state.config))
    if not state.quiet and str(json_out) != STDOUT:
        for doc in result.documents:
            console.print_document(out, document_summary(doc))
    if json_out:
        write_json(json_out, {"schema_version": "1", "documents": [d.to_dict() for d in result.documents],
                               "failures": [f.to_dict() for f in result.failures]})
    raise typer.Exit(report_failures(result.failures))


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(metavar="FILE", help="Mandate documents: resolutions, "
                                                "contributions, target lists.")],
    json_out: Annotated[Optional[Path], typer.Option("--json", metavar="OUT.json", help="Write the full requirement "
                                                     "records here (- for standard output).")] = None,
) -> None:
    """Extract every instruction, proposal, expectation and target, with actor, label and facets.

    Example: wsis-audit extract council-res-1332.docx contribution.txt --json requirements.json
    """
    from pipeline.extract import extract_many

    result = guard(lambda: extract_many(list(files), state.config))
    if not state.quiet and str(json_out) != STDOUT:
        for ex in result.extractions:
            console.print_requirements(out, ex)
    if json_out:
        write_json(json_out, result.to_dict())
    raise typer.Exit(report_failures(result.failures))


@app.command()
def audit(
    report: Annotated[list[Path], typer.Option("--report", "-r", metavar="FILE|FOLDER", help="The report to check "
                                               "(DOCX, PDF or text); repeat, or give a folder, to audit several "
                                               "against the same mandates.")],
    mandate: Annotated[list[Path], typer.Option("--mandate", "-m", metavar="FILE",
                                                help="A mandate document; repeat for several.")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for coverage.json and the "
                                          "reports (several reports: a folder each, and the coverage matrix); - writes "
                                          "coverage.json to standard output (with --format json).")]
    = Path("audit-out"),
    formats: Annotated[str, typer.Option("--format", "-f", metavar=FORMAT_METAVAR, help=FORMAT_HELP)] = "all",
    fail_on: Annotated[Optional[str], typer.Option("--fail-on", metavar=STATUS_METAVAR, help=FAIL_HELP)] = None,
    decisions: Annotated[Optional[Path], typer.Option("--decisions", metavar="FILE.csv", help="Reviewer decisions "
                                                      "file (default: OUT/decisions.csv when it exists).")] = None,
    model: Annotated[Optional[Path], typer.Option("--model", metavar="DIR",
                                                  help="Judge model folder (default: the shipped one).")]
    = None,
    profiles: Annotated[Optional[bool], typer.Option(
        "--profiles/--no-profiles", help="Use what the annotated corpus taught about the requirements it knows "
        "(default: on); --no-profiles judges every requirement as never seen before.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", metavar="N", min=1, help="Audit N reports at a time, in "
                                      "worker processes (with --scheduler local: the number of Dask workers).")] = 1,
    scheduler: Annotated[Optional[str], typer.Option("--scheduler", metavar="ADDRESS", help="Run the reports on a "
                                                     "Dask cluster (tcp://HOST:8786), or `local` for a LocalCluster; "
                                                     "needs the dask extra.")] = None,
    cache: Annotated[bool, typer.Option("--cache/--no-cache", help="Reuse unchanged results from the cache folder "
                                        "(--cache-dir; default on); --no-cache computes everything again.")] = True,
    doc_meeting: DocMeeting = None, doc_number: DocNumber = None, doc_date: DocDate = None,
    doc_language: DocLanguage = None, doc_source: DocSource = None, doc_title: DocTitle = None,
) -> None:
    """Decide for every requirement whether the report addresses it, with evidence; writes OUT/coverage.json and
    the reports (HTML, Word, Excel, Markdown, CSV). Several reports (repeated --report, or a folder) each get
    OUT/<report name>/, and OUT gets the coverage matrix (matrix.html, matrix.xlsx, matrix.json).

    Example: wsis-audit audit --report draft.docx --mandate res-1332.docx --mandate contribution.txt --out audit

    Example: wsis-audit audit --report reports/ --mandate res-1332.docx --out audits --jobs 2
    """
    state.config = state.config.with_overrides(evidence_profiles=profiles, **document_fields(
        doc_meeting, doc_number, doc_date, doc_language, doc_source, doc_title))
    _run_audit(list(report), list(mandate), out_dir, model, formats, fail_on, decisions, jobs=jobs,
               scheduler=scheduler, use_cache=cache)


@app.command()
def demo(
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for the demo outputs; - writes "
                                          "coverage.json to standard output (with --format json).")]
    = Path("demo-out"),
    formats: Annotated[str, typer.Option("--format", "-f", metavar=FORMAT_METAVAR, help=FORMAT_HELP)] = "all",
) -> None:
    """Audit the bundled draft WSIS+20 report against three bundled mandate documents.

    Example: wsis-audit demo --out demo-out
    """
    from pipeline.resources import corpus_dir

    root = corpus_dir()
    report = display_path(root / DEMO_REPORT)
    if not report.exists():
        report = report.with_suffix(".txt")
    _run_audit([report], [display_path(root / m) for m in DEMO_MANDATES], out_dir, None, formats, None, None)


def _run_audit(reports: list[Path], mandates: list[Path], out_dir: Path, model_dir: Optional[Path], formats: str,
               fail_on: Optional[str], decisions: Optional[Path], *, jobs: int = 1, scheduler: Optional[str] = None,
               use_cache: bool = True) -> None:
    from pipeline.batch import expand_reports, run_audits
    from pipeline.report import parse_formats

    fmts = guard(lambda: parse_formats(formats))
    to_stdout = guard(lambda: stdout_formats(out_dir, fmts))
    gate = guard(lambda: statuses(fail_on)) if fail_on else ()
    batch = len(reports) > 1 or any(r.is_dir() for r in reports)
    if batch and to_stdout:
        guard(no_batch_to_stdout)
    paths = guard(lambda: expand_reports(reports)) if batch else reports
    cache = None if not use_cache else run_cache()
    n = len(paths)
    # Steps: each report and mandate read, each report judged, each report's formats written.
    total = n + len(mandates) + n + (0 if to_stdout else n * len(fmts))

    def work(progress):
        task = progress.add_task("reading", total=total)
        return run_audits(paths, mandates, state.config, out_dir=None if to_stdout else out_dir, batch=batch,
                          formats=() if to_stdout else fmts, decisions=decisions, model_path=model_dir, cache=cache,
                          jobs=jobs, scheduler=scheduler, debug=state.debug,
                          on_step=lambda what, k: progress.update(task, description=what, advance=k))

    with progress_bar() as progress:
        run = guard(lambda: work(progress))
    if not batch and run.members[0].error is not None:  # a single report's error is the one line, as always
        guard(lambda: raise_(run.members[0].error))
    for note in run.mandates.warnings:
        err.print(f"warning: {note}", markup=False)
    if not run.mandates.requirements:  # nothing to judge: say why, write nothing
        m = run.mandates
        raise typer.Exit(report_failures([*m.failures, *m.empty_mandates]
                                          or [InputError.no_requirements(str(mandates[0]))]))
    records = _show_batch(run) if batch else [_show_single(run.members[0], to_stdout)]
    raise typer.Exit(_audit_exit_code(run, records, gate, batch))


def _show_single(member, to_stdout: bool) -> dict:
    """One report's audit: its record on standard output (`--out -`) or its table, then the files written."""
    from pipeline.report.json_report import dumps, validate_coverage

    record = member.shown
    if to_stdout:
        validate_coverage(record)
        sys.stdout.write(dumps(record))
        sys.stdout.flush()
    elif not state.quiet:
        console.print_coverage(out, record)
    member_files(member)
    print_decision_warnings(record)
    return record


def _show_batch(run) -> list[dict]:
    """Several reports: a row each, each failure's line, the files written, the matrix."""
    if not state.quiet:
        console.print_batch(out, run)
    for member in run.members:
        if member.error is not None:
            err.print(member.error.line(), markup=False)
        else:
            member_files(member, quiet_written=True)
            print_decision_warnings(member.shown, member.name)
    if not state.quiet:
        for p in run.matrix_written:
            out.print(f"wrote {p}", markup=False)
    return [m.shown for m in run.members if m.shown is not None]


def _audit_exit_code(run, records: list[dict], gate: tuple[str, ...], batch: bool) -> int:
    """The first unreadable mandate's code, then (several reports) the first failed report's, then --fail-on."""
    code = report_failures([*run.mandates.failures, *run.mandates.empty_mandates])
    if batch and code == ExitCode.OK:  # the first report that failed (each has had its line)
        code = next((f.code for f in run.failures), ExitCode.OK)
    if code == ExitCode.OK and gate and any(r["status"] in gate for rec in records for r in rec["requirements"]):
        count = sum(r["status"] in gate for rec in records for r in rec["requirements"])
        err.print(f"{count} requirement(s) are {' or '.join(gate)} (--fail-on)", markup=False)
        code = ExitCode.GAPS_FOUND
    return code


@app.command("report")
def report_cmd(
    coverage: Annotated[Path, typer.Argument(metavar="COVERAGE.json",
                                             help="A coverage.json written by `wsis-audit audit`.")],
    out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="DIR", help="Folder (default: beside "
                                                    "coverage.json); - writes JSON to standard output.")]
    = None,
    formats: Annotated[str, typer.Option("--format", "-f", metavar=FORMAT_METAVAR, help=FORMAT_HELP)]
    = "html,docx,xlsx,md,csv",
    decisions: Annotated[Optional[Path], typer.Option("--decisions", metavar="FILE.csv",
                                                      help="Apply this decisions file.")] = None,
    doc_meeting: DocMeeting = None, doc_number: DocNumber = None, doc_date: DocDate = None,
    doc_language: DocLanguage = None, doc_source: DocSource = None, doc_title: DocTitle = None,
) -> None:
    """Render an earlier audit again, in any formats, with the reviewer decisions applied.

    Example: wsis-audit report audit/coverage.json --format html,xlsx
    """
    from pipeline.report import parse_formats, publish_formats
    from pipeline.report.json_report import dumps
    from pipeline.review import DECISIONS_FILE, apply_decisions, load_decisions

    header = {k: v for k, v in document_fields(doc_meeting, doc_number, doc_date, doc_language, doc_source,
                                                 doc_title).items() if v is not None}

    def work():
        record = load_coverage(coverage)
        if header:  # the header given now replaces the one the audit was run with
            record["run"] = {**record.get("run", {}), "config": {**record.get("run", {}).get("config", {}), **header}}
        fmts = parse_formats(formats)
        if stdout_formats(out_dir or coverage.parent, fmts):
            record = apply_decisions(record, load_decisions(decisions or coverage.parent / DECISIONS_FILE))
            sys.stdout.write(dumps(record))
            return record, None
        folder = out_dir or coverage.parent
        record = apply_decisions(record, load_decisions(decisions or folder / DECISIONS_FILE))
        # The coverage.json read here is this folder's record, not a leftover: it stays unless rewritten.
        return record, publish_formats(record, folder, fmts, keep=("coverage.json",))

    record, published = guard(work)
    if published is not None:
        console.print_files(out, err, written=published.written, removed=published.removed,
                            quiet=state.quiet)
    print_decision_warnings(record)


@app.command("diff")
def diff_cmd(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="coverage.json of the earlier draft.")],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="coverage.json of the revision.")],
    out_dir: Annotated[Optional[Path], typer.Option("--out", "-o", metavar="DIR",
                                                    help="Write diff.html, diff.md, diff.json here.")]
    = None,
) -> None:
    """Compare two audits of a draft and its revision: newly addressed, regressed, changed evidence, new, dropped.

    Example: wsis-audit diff draft-audit/coverage.json rev1-audit/coverage.json --out diff
    """
    from pipeline import api

    result = guard(lambda: api.diff(load_coverage(old), load_coverage(new)))
    if not state.quiet:
        console.print_diff(out, result)
    if out_dir:
        guard(lambda: api.write_diff(result, out_dir))
        if not state.quiet:
            out.print(f"wrote {out_dir}/diff.html, diff.md, diff.json", markup=False)


@app.command("amendments")
def amendments_cmd(
    contribution: Annotated[Path, typer.Option("--contribution", "-c", metavar="FILE", help="The contribution that "
                                               "proposes amendments and text (DOCX, PDF or text).")],
    final: Annotated[Path, typer.Option("--final", metavar="FILE", help="The final text (as adopted or "
                                        "published).")],
    draft: Annotated[Optional[Path], typer.Option("--draft", metavar="FILE", help="The draft the contribution "
                                                  "amends: needed to tell what a MOD or a deletion by paragraph "
                                                  "number changes.")] = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", metavar="DIR", help="Folder for amendments.json and its "
                                          "renderings; - writes amendments.json to standard output.")]
    = Path("amendments-out"),
    formats: Annotated[str, typer.Option("--format", "-f", metavar=FORMAT_METAVAR, help=FORMAT_HELP)] = "all",
) -> None:
    """Was our text taken over? For each amendment of a contribution (ADD / MOD / SUP, "replace … with …", "insert
    after paragraph …", "delete …", Word's tracked changes): adopted, adopted with changes or not adopted, and
    where; for each proposal, how much of its wording the final text carries over.

    Example: wsis-audit amendments --contribution our-amendments.docx --draft draft-res.docx --final res.pdf --out amd
    """
    from pipeline import api
    from pipeline.report import parse_formats
    from pipeline.report._io import publish
    from pipeline.report.amendments import OUTPUT_FILES, write_amendments

    fmts = guard(lambda: parse_formats(formats))
    record = guard(lambda: api.amendments(contribution, final, draft, state.config))
    for w in record["warnings"]:
        err.print(f"warning: {w}", markup=False)
    if str(out_dir) == STDOUT:
        write_json(out_dir, record)
        return
    if not state.quiet:
        console.print_amendments(out, record)
    published = guard(lambda: publish(out_dir, lambda folder: write_amendments(record, folder, fmts),
                                       owned=tuple(OUTPUT_FILES.values())))
    if not state.quiet:
        out.print("wrote " + ", ".join(str(p) for p in published.written), markup=False)


review_app = typer.Typer(no_args_is_help=True, help="Record reviewer decisions that persist across re-runs.\n\n"
                         "Example: wsis-audit review set audit/coverage.json REQ_ID addressed --reason \"see annex\"")
app.add_typer(review_app, name="review")


@review_app.command("set")
def review_set(
    coverage: Annotated[Path, typer.Argument(metavar="COVERAGE.json", help="The audit's coverage.json.")],
    requirement: Annotated[str, typer.Argument(metavar="ID", help="Requirement id or key (see coverage.json).")],
    decision: Annotated[str, typer.Argument(metavar="DECISION", help="One of: addressed, partial, not_addressed, "
                                            "manual_check, not_applicable.")],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT", help="Why (shown in every report).")] = "",
    facet: Annotated[str, typer.Option("--facet", metavar="LABEL", help="Decide one facet only (its label).")] = "",
    reviewer: Annotated[str, typer.Option("--reviewer", metavar="NAME", help="Who decided.")] = "",
) -> None:
    """Confirm or override one status; stored in decisions.csv beside the audit and applied on every re-run.

    Example: wsis-audit review set audit/coverage.json req-1a2b3c4d5e6f not_applicable --reason "deferred by Council"
    """
    from pipeline import api

    path = guard(lambda: api.review(coverage, requirement, decision, reason, facet=facet, reviewer=reviewer,
                                     config=state.config))
    if not state.quiet:
        out.print(f"recorded in {path}; re-run the audit or `wsis-audit report` to apply it", markup=False)


@review_app.command("import")
def review_import(
    workbook: Annotated[Path, typer.Argument(metavar="WORKBOOK.xlsx",
                                             help="traceability.xlsx with the reviewer columns filled in.")],
    coverage: Annotated[Optional[Path], typer.Option("--coverage", metavar="COVERAGE.json", help="The audit's "
                                                     "coverage.json (default: beside the workbook).")] = None,
    reviewer: Annotated[str, typer.Option("--reviewer", metavar="NAME", help="Who decided.")] = "",
) -> None:
    """Read reviewer decisions back from the Excel traceability matrix into decisions.csv.

    Example: wsis-audit review import audit/traceability.xlsx
    """
    from pipeline.review import DECISIONS_FILE, decisions_from_xlsx, update_decisions

    cov = coverage or workbook.parent / "coverage.json"

    def work():
        record = load_coverage(cov)
        new = decisions_from_xlsx(record, workbook, reviewer=reviewer)
        path = cov.parent / DECISIONS_FILE
        update_decisions(path, new)
        return path, len(new)

    path, n = guard(work)
    if not state.quiet:
        out.print(f"imported {n} decision(s) into {path}", markup=False)


@app.command()
def train(
    what: Annotated[str, typer.Argument(metavar="[judge|asks|actor-check]", help="The judge (default), the asks model "
                                        "that reads what the extraction rules leave, or the actor check that leaves "
                                        "unknown the names the rules likely got wrong.")] = "judge",
    out_dir: Annotated[Optional[Path], typer.Option("--out", metavar="DIR",
                                                    help="Model folder (default models/wsis-judge-v1, "
                                                         "models/wsis-asks-v1 or models/wsis-actor-check-v1).")]
    = None,
    family_cv: Annotated[bool, typer.Option(
        "--family-cv/--no-family-cv",
        help="Also cross-validate by report family (the development figures; a fit per family).")] = True,
) -> None:
    """Train the judge on the annotated corpus and write model.json, meta.json with cross-validated metrics
    (leave one mandate out, the headline; and by report family) and the model card.

    `wsis-audit train asks` trains the asks model instead (pipeline/learn/asks.py): cross-validated by excerpt and by
    writer on the development excerpts and the corpus, never on the blind set. `wsis-audit train actor-check` trains the
    actor check (pipeline/learn/actor_check.py), cross-validated by writer on the same texts; train it after the asks
    model, whose reading it checks.

    Example: wsis-audit train --no-family-cv
    """
    if what not in ("judge", "asks", "actor-check"):
        err.print(f"error: unknown model {what!r} (use judge, asks or actor-check)", markup=False)
        raise typer.Exit(ExitCode.USAGE)
    if what == "actor-check":
        from pipeline.extract.actor_check import ACTOR_CHECK_DIR
        from pipeline.learn.actor_check import train_actor_check

        target = out_dir or ACTOR_CHECK_DIR
        meta = guard(lambda: train_actor_check(state.config, target))
        if not state.quiet:
            best = next(f for f in meta["cross_validated"] if f["threshold"] == meta["threshold"])
            out.print(f"trained on {meta['rows']} named actors of {meta['texts']} texts ({meta['wrong_rows']} wrong); "
                      f"threshold {meta['threshold']}; grouped by writer: {best['caught']} of {best['wrong']} wrong "
                      f"names left unknown, {best['hidden_right']} of {best['right']} right names made guesses",
                      markup=False)
            out.print(f"wrote {target}/model.json and meta.json", markup=False)
        return
    if what == "asks":
        from pipeline.extract.asks import ASKS_DIR
        from pipeline.learn.asks import train_asks

        target = out_dir or ASKS_DIR
        meta = guard(lambda: train_asks(state.config, target))
        if not state.quiet:
            best = next(f for f in meta["cross_validated"]["by_writer"] if f["threshold"] == meta["threshold"])
            out.print(f"trained on {meta['units']} units of {meta['texts']} texts; threshold {meta['threshold']}; "
                      f"grouped by writer: recall {best['recall_rules']:.3f} -> {best['recall']:.3f}, precision "
                      f"{best['precision_rules']:.3f} -> {best['precision']:.3f}", markup=False)
            out.print(f"wrote {target}/model.json and meta.json", markup=False)
        return
    from pipeline.judge.model import MODEL_DIR
    from pipeline.learn.training import train_judge

    target = out_dir or MODEL_DIR
    metrics = guard(lambda: train_judge(state.config, target, family_cv=family_cv))
    rows = metrics["training_rows"]
    if state.quiet:
        return
    head = metrics["by_mandate"]
    out.print(f"trained on {rows['requirements']} requirement, {rows['facets']} facet and {rows['passage_pairs']} "
              f"passage rows from {len(metrics['reports'])} reports; leave one mandate out: accuracy "
              f"{head['accuracy']:.3f}, macro-F1 {head['macro_f1']:.3f}, false all-clear {head['false_all_clear']:.3f}"
              + (f"; by report family: accuracy {metrics['accuracy']:.3f}" if "accuracy" in metrics else ""),
              markup=False)
    out.print(f"wrote {target}/model.json and meta.json", markup=False)


@app.command("eval")
def evaluate(
    what: Annotated[str, typer.Argument(metavar="[extraction|judgement|reflection|all]",
                                        help="What to measure; choices: extraction, judgement, reflection, all.")]
    = "all",
    json_out: Annotated[Optional[Path], typer.Option("--json", metavar="OUT.json", help="Write all figures and "
                                                     "errors here (- for standard output).")] = None,
    ablation: Annotated[bool, typer.Option("--ablation/--no-ablation", help="Also measure each retrieval signal.")]
    = False,
) -> None:
    """Measure extraction and judgement on the annotated corpus (judgement cross-validated by report).

    Example: wsis-audit eval all --ablation --json eval.json
    """
    from pipeline.evaluate import run_evaluation

    if what not in ("extraction", "judgement", "reflection", "all"):
        err.print(f"error: unknown evaluation {what!r} (use extraction, judgement, reflection or all)", markup=False)
        raise typer.Exit(ExitCode.USAGE)
    result = guard(lambda: run_evaluation(what, state.config, ablation=ablation))
    from pipeline.evaluate.printing import print_evaluation
    if not state.quiet and str(json_out) != STDOUT:
        print_evaluation(result, out)
    if json_out:
        write_json(json_out, result)


def main() -> None:
    """Console-script entry point: never a traceback unless --debug."""
    try:
        # Without standalone mode click returns the exit code of typer.Exit instead of exiting.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.exit(130)
    except Exception as exc:
        if hasattr(exc, "show") and hasattr(exc, "exit_code"):  # typer's usage errors: message and exit 2
            exc.show()
            sys.exit(exc.exit_code)
        if "--debug" in sys.argv:  # a bug: say so in one line, keep the details for --debug
            raise
        err.print(f"internal error: {type(exc).__name__}: {exc} (run again with --debug and report it)", markup=False)
        sys.exit(ExitCode.INTERNAL)


__all__ = ["app", "hoist_global_options", "main"]

if __name__ == "__main__":
    main()
