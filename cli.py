"""wsis-audit command line: argument handling and printing only; the work is in `pipeline`."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from rich.console import Console
from rich.table import Table

from pipeline.config import Config, load_config
from pipeline.errors import ExitCode, InputError, WsisAuditError

# Global options: (names, takes a value). Accepted before the command and after it (`audit … -q`).
GLOBAL_OPTIONS = ((("--config",), True), (("--max-size-mb",), True), (("--cache-dir",), True), (("--kb",), True),
                  (("--quiet", "-q"), False), (("--debug",), False), (("--version",), False))
STDOUT = "-"  # `--json -` and `--out -`: write to standard output, as most command-line tools do


def hoist_global_options(args: list[str]) -> list[str]:
    """The arguments with every global option moved in front of the command, in the order given.

    Click reads a group's options only before the command name; users type `wsis-audit audit … -q` as well.
    Nothing after a `--` is moved.
    """
    takes_value = {name: value for names, value in GLOBAL_OPTIONS for name in names}
    front: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--":
            rest.extend(args[i:])
            break
        name = a.split("=", 1)[0]
        if name in takes_value:
            front.append(a)
            if takes_value[name] and "=" not in a and i + 1 < len(args):
                front.append(args[i + 1])
                i += 1
        else:
            rest.append(a)
        i += 1
    return front + rest


def _argument_type(self, ctx) -> None:
    """No type beside an argument in --help: its metavar (FILE..., COVERAGE.json) already says what to give."""
    return None


# typer 0.2x prints the Python annotation beside every argument ("files... <list[Path]>"), which means nothing to a
# user; options are covered by their metavar, arguments need this.
typer.core.TyperArgument.display_type_rich = _argument_type


class _Group(typer.core.TyperGroup):
    """The top-level command group: global options may also follow the command."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, hoist_global_options(list(args)))


app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None, pretty_exceptions_enable=False,
                  cls=_Group,
                  help="Check a report against the instructions, proposals and expectations of its mandate documents.")
# Piped output gets a wide fixed width so tables stay readable in files and logs.
out = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class State:
    config: Config = Config()
    quiet: bool = False
    debug: bool = False


state = State()


def version_line() -> str:
    """'wsis-audit 0.1.0 (judge wsis-judge-v1)': the installed package and the judge it ships."""
    from importlib.metadata import PackageNotFoundError, version

    from pipeline.judge.model import JUDGE_NAME, JUDGE_VERSION

    try:
        number = version("wsis-audit")
    except PackageNotFoundError:  # run as `python cli.py` from a checkout that was never installed
        number = "(not installed)"
    return f"wsis-audit {number} (judge {JUDGE_NAME}-v{JUDGE_VERSION})"


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
    warnings.showwarning = _show_warning
    state.config = _guard(lambda: load_config(config, max_size_mb=max_size_mb,
                                              cache_dir=str(cache_dir) if cache_dir else None,
                                              kb_files=tuple(str(k) for k in kb) if kb else None))


_python_showwarning = warnings.showwarning


def _show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Our own warnings (a damaged cache entry) as one line on standard error, like every other message."""
    from pipeline.cache import CacheWarning

    if issubclass(category, CacheWarning):
        err.print(f"warning: {message}", markup=False)
    else:
        _python_showwarning(message, category, filename, lineno, file, line)


def _guard(fn):
    """Run fn; turn project errors into one line and the documented exit code."""
    try:
        return fn()
    except WsisAuditError as exc:
        if state.debug:
            raise
        err.print(exc.line(), markup=False)
        raise typer.Exit(exc.code) from None


def _write_json(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if str(path) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pipeline.report._io import write_atomic

    _guard(lambda: write_atomic(path, text))


def _report_failures(failures) -> int:
    """Print each failure's line and return the exit code of the first."""
    for f in failures:
        err.print(f.line(), markup=False)
    return failures[0].code if failures else ExitCode.OK


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

    result = _guard(lambda: parse_many(list(files), state.config))
    if not state.quiet and str(json_out) != STDOUT:
        for doc in result.documents:
            _print_summary(document_summary(doc))
    if json_out:
        _write_json(json_out, {"schema_version": "1", "documents": [d.to_dict() for d in result.documents],
                               "failures": [f.to_dict() for f in result.failures]})
    raise typer.Exit(_report_failures(result.failures))


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

    result = _guard(lambda: extract_many(list(files), state.config))
    if not state.quiet and str(json_out) != STDOUT:
        for ex in result.extractions:
            _print_requirements(ex)
    if json_out:
        _write_json(json_out, result.to_dict())
    raise typer.Exit(_report_failures(result.failures))


def _print_requirements(ex) -> None:
    out.print(f"[bold]{ex.document}[/bold]  {len(ex.requirements)} requirements")
    for w in ex.warnings:
        out.print(f"  warning: {w}", markup=False)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("source", "label", "actor", "kind", "text"):
        table.add_column(col, overflow="fold")
    for r in ex.requirements:
        facets = f" [{len(r.facets)} facets]" if r.facets else ""
        source = r.quoted_from or (r.source.clause_path[0] if r.source.clause_path else "")
        table.add_row(source, r.source.label or "", r.actor or "unknown",
                      r.kind.value + ("*" if r.checkability.value == "procedural" else ""),
                      _clip(r.text, 90) + facets)
    out.print(table)
    if any(r.checkability.value == "procedural" for r in ex.requirements):
        out.print("  * procedural: a report's text cannot show it", markup=False)


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


STATUS_STYLE = {"addressed": "green", "partial": "yellow", "not_addressed": "red", "manual_check": "cyan",
                "not_applicable": "dim"}  # the last only from a reviewer decision
# Relative to the bundled corpus (pipeline.resources.corpus_dir()), in a checkout and in a wheel alike.
DEMO_REPORT = "reports/wsis20-draft.docx"
DEMO_MANDATES = ("mandates/council-res-1390.txt", "mandates/contribution-ms-2026.txt", "mandates/targets-lists.txt")


# The header block of report.docx (config document_*): options of `audit` and `report`.
DocMeeting = Annotated[Optional[str], typer.Option("--doc-meeting", metavar="TEXT", help="report.docx header: the "
                                                   "meeting (default: Council Working Group on WSIS and the SDGs).")]
DocNumber = Annotated[Optional[str], typer.Option("--doc-number", metavar="TEXT",
                                                  help="report.docx header: the document number.")]
DocDate = Annotated[Optional[str], typer.Option("--doc-date", metavar="TEXT",
                                                help="report.docx header: the date, as it should read.")]
DocLanguage = Annotated[Optional[str], typer.Option("--doc-language", metavar="TEXT",
                                                    help="report.docx header: original language (default: English).")]
DocSource = Annotated[Optional[str], typer.Option("--doc-source", metavar="TEXT",
                                                  help="report.docx header: the source (default: Secretariat).")]
DocTitle = Annotated[Optional[str], typer.Option("--doc-title", metavar="TEXT", help="report.docx header: the "
                                                 "title (default: Coverage of mandates in REPORT).")]


def _document_fields(meeting, number, date, language, source, title) -> dict:
    """The header options given, as config overrides (None: keep the config's value)."""
    return {"document_meeting": meeting, "document_number": number, "document_date": date,
            "document_language": language, "document_source": source, "document_title": title}


FORMAT_CHOICES = ("json", "html", "docx", "xlsx", "md", "csv", "all")
STATUS_CHOICES = ("addressed", "partial", "not_addressed", "manual_check")
FORMAT_HELP = f"Output formats, comma-separated; choices: {', '.join(FORMAT_CHOICES)}."
FAIL_HELP = (f"Exit 1 when any requirement has one of these statuses, comma-separated; choices: "
             f"{', '.join(STATUS_CHOICES)}.")
FORMAT_METAVAR = "FORMAT[,FORMAT…]"
STATUS_METAVAR = "STATUS[,STATUS…]"


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
    state.config = state.config.with_overrides(evidence_profiles=profiles, **_document_fields(
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
    report = _display_path(root / DEMO_REPORT)
    if not report.exists():
        report = report.with_suffix(".txt")
    _run_audit([report], [_display_path(root / m) for m in DEMO_MANDATES], out_dir, None, formats, None, None)


def _display_path(p: Path) -> Path:
    """Relative to the working directory when inside it: outputs should not depend on where the repo lies."""
    try:
        return p.relative_to(Path.cwd())
    except ValueError:
        return p


def _stdout_formats(out_dir: Path, fmts: tuple[str, ...]) -> bool:
    """True when the record goes to standard output (`--out -`), which only JSON can do."""
    from pipeline.errors import ConfigError

    if str(out_dir) != STDOUT:
        return False
    if fmts != ("json",):
        raise ConfigError("--out - writes coverage.json to standard output, the other formats need a folder",
                          hint="add --format json, or give --out DIR")
    return True


def _progress():
    """A progress bar with counts and the time left, on standard error when it is a terminal."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("left"), TimeRemainingColumn(), console=err, transient=True,
                    disable=state.quiet or not err.is_terminal)


def _run_audit(reports: list[Path], mandates: list[Path], out_dir: Path, model_dir: Optional[Path], formats: str,
               fail_on: Optional[str], decisions: Optional[Path], *, jobs: int = 1, scheduler: Optional[str] = None,
               use_cache: bool = True) -> None:
    from pipeline.batch import expand_reports, run_audits
    from pipeline.report import parse_formats
    from pipeline.report.json_report import dumps, validate_coverage

    fmts = _guard(lambda: parse_formats(formats))
    to_stdout = _guard(lambda: _stdout_formats(out_dir, fmts))
    gate = _guard(lambda: _statuses(fail_on)) if fail_on else ()
    batch = len(reports) > 1 or any(r.is_dir() for r in reports)
    if batch and to_stdout:
        _guard(_no_batch_to_stdout)
    paths = _guard(lambda: expand_reports(reports)) if batch else reports
    cache = None if not use_cache else _cache()
    n = len(paths)
    # Steps: each report and mandate read, each report judged, each report's formats written.
    total = n + len(mandates) + n + (0 if to_stdout else n * len(fmts))

    def work(progress):
        task = progress.add_task("reading", total=total)
        return run_audits(paths, mandates, state.config, out_dir=None if to_stdout else out_dir, batch=batch,
                          formats=() if to_stdout else fmts, decisions=decisions, model_path=model_dir, cache=cache,
                          jobs=jobs, scheduler=scheduler, debug=state.debug,
                          on_step=lambda what, k: progress.update(task, description=what, advance=k))

    with _progress() as progress:
        run = _guard(lambda: work(progress))
    if not batch and run.members[0].error is not None:  # a single report's error is the one line, as always
        _guard(lambda: _raise(run.members[0].error))
    for note in run.mandates.warnings:
        err.print(f"warning: {note}", markup=False)
    if not run.mandates.requirements:  # nothing to judge: say why, write nothing
        m = run.mandates
        raise typer.Exit(_report_failures([*m.failures, *m.empty_mandates]
                                          or [InputError.no_requirements(str(mandates[0]))]))
    if not batch:
        member = run.members[0]
        record = member.shown
        if to_stdout:
            validate_coverage(record)
            sys.stdout.write(dumps(record))
            sys.stdout.flush()
        elif not state.quiet:
            _print_coverage(record)
        _print_member_files(member)
        _print_decision_warnings(record)
        records = [record]
    else:
        if not state.quiet:
            _print_batch(run)
        for member in run.members:
            if member.error is not None:
                err.print(member.error.line(), markup=False)
            else:
                _print_member_files(member, quiet_written=True)
                _print_decision_warnings(member.shown, member.name)
        if not state.quiet:
            for p in run.matrix_written:
                out.print(f"wrote {p}", markup=False)
        records = [m.shown for m in run.members if m.shown is not None]
    code = _report_failures([*run.mandates.failures, *run.mandates.empty_mandates])
    if batch and code == ExitCode.OK:  # the first report that failed (each has had its line)
        code = next((f.code for f in run.failures), ExitCode.OK)
    if code == ExitCode.OK and gate and any(r["status"] in gate for rec in records for r in rec["requirements"]):
        count = sum(r["status"] in gate for rec in records for r in rec["requirements"])
        err.print(f"{count} requirement(s) are {' or '.join(gate)} (--fail-on)", markup=False)
        code = ExitCode.GAPS_FOUND
    raise typer.Exit(code)


def _no_batch_to_stdout() -> None:
    from pipeline.errors import ConfigError

    raise ConfigError("--out - writes one coverage.json to standard output; several reports need a folder",
                      hint="give --out DIR")


def _raise(error) -> None:
    raise error


def _cache():
    """The cache of this run: --cache-dir (or cache_dir in the config), else the user's cache folder."""
    from pipeline.cache import Cache, default_cache_dir

    return Cache(state.config.cache_dir or default_cache_dir())


def _print_member_files(member, *, quiet_written: bool = False) -> None:
    """The files a run wrote into a report's folder, those already up to date, and those of an earlier run it
    removed."""
    for p in member.removed:
        err.print(f"removed {p} (from an earlier run)", markup=False)
    if state.quiet or quiet_written:
        return
    for p in member.written:
        out.print(f"wrote {p}", markup=False)
    for p in member.kept:
        out.print(f"up to date {p}", markup=False)


def _print_batch(run) -> None:
    """One row per report: its folder, its statuses, and whether it was computed, taken from the cache or failed."""
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("report", "folder", *STATUS_CHOICES, "result"):
        table.add_column(col, overflow="fold", justify="right" if col in STATUS_CHOICES else "left")
    for m in run.members:
        if m.shown is None:
            table.add_row(str(m.path), "", *("" for _ in STATUS_CHOICES), f"failed (exit {m.error.code})")
            continue
        s = m.shown["summary"]
        result = ("audited" if m.computed else "from the cache") + (
            f", {len(m.written)} file(s) written" if m.written else ", outputs up to date")
        table.add_row(str(m.path), str(m.folder), *(str(s.get(k, 0)) for k in STATUS_CHOICES), result)
    out.print(table)
    total = len(run.members)
    failed = sum(1 for m in run.members if m.shown is None)
    out.print(f"{total - failed} of {total} reports audited" + (f"; {failed} failed" if failed else ""), markup=False)


def _print_published(published) -> None:
    """The files a run wrote, and those of an earlier run it removed from the folder."""
    for p in published.removed:
        err.print(f"removed {p} (from an earlier run)", markup=False)
    if not state.quiet:
        for p in published.written:
            out.print(f"wrote {p}", markup=False)


def _print_decision_warnings(record: dict, name: str = "") -> None:
    from pipeline.review import UNMATCHED

    for w in record.get("warnings", []):
        if UNMATCHED in w:
            err.print(f"warning: {name + ': ' if name else ''}{w}", markup=False)


def _statuses(spec: str) -> tuple[str, ...]:
    from pipeline.errors import ConfigError

    allowed = STATUS_CHOICES
    names = tuple(s.strip() for s in spec.split(",") if s.strip())
    bad = [n for n in names if n not in allowed]
    if bad or not names:
        raise ConfigError(f"unknown status(es) for --fail-on: {', '.join(bad) or spec!r}",
                          hint=f"use {', '.join(allowed)}")
    return names


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

    header = {k: v for k, v in _document_fields(doc_meeting, doc_number, doc_date, doc_language, doc_source,
                                                 doc_title).items() if v is not None}

    def work():
        record = _load_coverage(coverage)
        if header:  # the header given now replaces the one the audit was run with
            record["run"] = {**record.get("run", {}), "config": {**record.get("run", {}).get("config", {}), **header}}
        fmts = parse_formats(formats)
        if _stdout_formats(out_dir or coverage.parent, fmts):
            record = apply_decisions(record, load_decisions(decisions or coverage.parent / DECISIONS_FILE))
            sys.stdout.write(dumps(record))
            return record, None
        folder = out_dir or coverage.parent
        record = apply_decisions(record, load_decisions(decisions or folder / DECISIONS_FILE))
        # The coverage.json read here is this folder's record, not a leftover: it stays unless rewritten.
        return record, publish_formats(record, folder, fmts, keep=("coverage.json",))

    record, published = _guard(work)
    if published is not None:
        _print_published(published)
    _print_decision_warnings(record)


def _load_coverage(path: Path) -> dict:
    from pipeline.api import load_coverage

    return load_coverage(path, max_size_mb=state.config.max_size_mb)


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

    result = _guard(lambda: api.diff(_load_coverage(old), _load_coverage(new)))
    if not state.quiet:
        s = result["summary"]
        out.print(", ".join(f"{k.replace('_', ' ')} {v}" for k, v in s.items()), markup=False)
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for col in ("change", "source", "label", "actor", "old", "new", "requirement"):
            table.add_column(col, overflow="fold")
        for c in result["changes"]:
            table.add_row(c["change"], Path(c["source_document"]).name, c["label"] or "", _clip(c["actor"], 24),
                          c["old_status"] or "-", c["new_status"] or "-", _clip(c["text"], 70))
        out.print(table)
        moved = [c for c in result["reflections"] if c["trend"] in ("grew", "shrank")]
        if result["reflections"]:
            out.print("wording taken over: " + ", ".join(f"{k} {v}" for k, v in result["reflection_summary"].items()),
                      markup=False)
        for c in moved:
            out.print(f"  {c['trend']}: {Path(c['source_document']).name} {c['label'] or ''} "
                      f"{c['old_reflection']:.0%} -> {c['new_reflection']:.0%}", markup=False)
    if out_dir:
        _guard(lambda: api.write_diff(result, out_dir))
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

    fmts = _guard(lambda: parse_formats(formats))
    record = _guard(lambda: api.amendments(contribution, final, draft, state.config))
    for w in record["warnings"]:
        err.print(f"warning: {w}", markup=False)
    if str(out_dir) == STDOUT:
        _write_json(out_dir, record)
        return
    if not state.quiet:
        table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
        for col in ("amendment", "form", "outcome", "where", "why"):
            table.add_column(col, overflow="fold")
        for a in record["amendments"]:
            table.add_row(a["label"], a["form"], a["outcome"].replace("_", " "),
                          "; ".join(w["locator"] for w in a["where"]) or "-", _clip(a["rationale"], 60))
        out.print(table)
        for p in record["proposals"]:
            out.print(f"{p['label'] or p['locator']}: {p['final']['score']:.0%} of its wording taken over",
                      markup=False)
    published = _guard(lambda: publish(out_dir, lambda folder: write_amendments(record, folder, fmts),
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

    path = _guard(lambda: api.review(coverage, requirement, decision, reason, facet=facet, reviewer=reviewer,
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
        record = _load_coverage(cov)
        new = decisions_from_xlsx(record, workbook, reviewer=reviewer)
        path = cov.parent / DECISIONS_FILE
        update_decisions(path, new)
        return path, len(new)

    path, n = _guard(work)
    if not state.quiet:
        out.print(f"imported {n} decision(s) into {path}", markup=False)


def _print_coverage(record: dict) -> None:
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    for col in ("source", "label", "actor", "status", "conf.", "evidence"):
        table.add_column(col, overflow="fold")
    for r in record["requirements"]:
        ev = r["evidence"][0]["locator"] if r["evidence"] else ""
        src = r["source"]["clause_path"][0] if r["source"]["clause_path"] else r["source"]["document"]
        style = STATUS_STYLE[r["status"]]
        table.add_row(_clip(src, 30), r["source"]["label"] or "", _clip(r["actor"], 28),
                      f"[{style}]{r['status']}[/{style}]", f"{r['confidence']:.2f}", ev)
    out.print(table)
    s = record["summary"]
    out.print("summary: " + ", ".join(f"{k} {v}" for k, v in s.items()), markup=False)
    if record["report"].get("incomplete"):
        out.print("warning: part of the report could not be read; see report.warnings", markup=False)


@app.command()
def train(
    out_dir: Annotated[Optional[Path], typer.Option("--out", metavar="DIR",
                                                    help="Model folder (default models/wsis-judge-v1).")]
    = None,
    family_cv: Annotated[bool, typer.Option(
        "--family-cv/--no-family-cv",
        help="Also cross-validate by report family (the development figures; a fit per family).")] = True,
) -> None:
    """Train the judge on the annotated corpus and write model.json, meta.json with cross-validated metrics
    (leave one mandate out, the headline; and by report family) and the model card.

    Example: wsis-audit train --no-family-cv
    """
    from pipeline.judge.model import MODEL_DIR
    from pipeline.learn.training import train_judge

    target = out_dir or MODEL_DIR
    metrics = _guard(lambda: train_judge(state.config, target, family_cv=family_cv))
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
    result = _guard(lambda: run_evaluation(what, state.config, ablation=ablation))
    from pipeline.evaluate.printing import print_evaluation
    if not state.quiet and str(json_out) != STDOUT:
        print_evaluation(result, out)
    if json_out:
        _write_json(json_out, result)


def _print_summary(s: dict) -> None:
    out.print(f"[bold]{s['path']}[/bold]  {s['format']}, {s['blocks']} blocks"
              + (f", {s['pages']} pages" if s.get("pages") else "")
              + (f"  symbol {s['symbol']}" if s.get("symbol") else ""))
    if s.get("title"):
        out.print(f"  title: {s['title']}", markup=False)
    counts = ", ".join(f"{k} {v}" for k, v in s["kinds"].items())
    out.print(f"  {counts}", markup=False)
    for w in s["warnings"]:
        out.print(f"  warning: {w}", markup=False)
    table = Table(show_header=True, header_style="bold", box=None, pad_edge=False)
    table.add_column("section")
    table.add_column("blocks", justify="right")
    table.add_column("first list items")
    for sec in s["sections"]:
        table.add_row(sec["heading"], str(sec["blocks"]), ", ".join(sec["labels"][:8]))
    out.print(table)


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


if __name__ == "__main__":
    main()
