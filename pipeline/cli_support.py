"""The command line's shared parts; only `cli.py` imports them.

The command line's shared parts: global options read after the command too, the two consoles, the run's state,
the one-line error guard, option types and helps, and small steps the commands share. Only `cli.py` imports it."""

from __future__ import annotations

import json
import sys
import warnings
from pathlib import Path
from typing import Annotated, Optional

import typer
import typer.core
from rich.console import Console

from . import console
from .config import Config
from .errors import ExitCode, WsisAuditError
from .model import STATUSES


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


def argument_type(self, ctx) -> None:
    """No type beside an argument in --help: its metavar (FILE..., COVERAGE.json) already says what to give."""
    return None


# typer 0.2x prints the Python annotation beside every argument ("files... <list[Path]>"), which means nothing to a
# user; options are covered by their metavar, arguments need this.
typer.core.TyperArgument.display_type_rich = argument_type


class Group(typer.core.TyperGroup):
    """The top-level command group: global options may also follow the command."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, hoist_global_options(list(args)))



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



python_showwarning = warnings.showwarning


def show_warning(message, category, filename, lineno, file=None, line=None) -> None:
    """Our own warnings (a damaged cache entry) as one line on standard error, like every other message."""
    from pipeline.cache import CacheWarning

    if issubclass(category, CacheWarning):
        err.print(f"warning: {message}", markup=False)
    else:
        python_showwarning(message, category, filename, lineno, file, line)


def guard(fn):
    """Run fn; turn project errors into one line and the documented exit code."""
    try:
        return fn()
    except WsisAuditError as exc:
        if state.debug:
            raise
        err.print(exc.line(), markup=False)
        raise typer.Exit(exc.code) from None


def write_json(path: Path, data: dict) -> None:
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if str(path) == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from pipeline.report._io import write_atomic

    guard(lambda: write_atomic(path, text))


def report_failures(failures) -> int:
    """Print each failure's line and return the exit code of the first."""
    for f in failures:
        err.print(f.line(), markup=False)
    return failures[0].code if failures else ExitCode.OK



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


def document_fields(meeting, number, date, language, source, title) -> dict:
    """The header options given, as config overrides (None: keep the config's value)."""
    return {"document_meeting": meeting, "document_number": number, "document_date": date,
            "document_language": language, "document_source": source, "document_title": title}


# Relative to the bundled corpus (pipeline.resources.corpus_dir()), in a checkout and in a wheel alike.
DEMO_REPORT = "reports/wsis20-draft.docx"
DEMO_MANDATES = ("mandates/council-res-1390.txt", "mandates/contribution-ms-2026.txt", "mandates/targets-lists.txt")
FORMAT_CHOICES = ("json", "html", "docx", "xlsx", "md", "csv", "all")
STATUS_CHOICES = STATUSES
FORMAT_HELP = f"Output formats, comma-separated; choices: {', '.join(FORMAT_CHOICES)}."
FAIL_HELP = (f"Exit 1 when any requirement has one of these statuses, comma-separated; choices: "
             f"{', '.join(STATUS_CHOICES)}.")
FORMAT_METAVAR = "FORMAT[,FORMAT…]"
STATUS_METAVAR = "STATUS[,STATUS…]"



def display_path(p: Path) -> Path:
    """Relative to the working directory when inside it: outputs should not depend on where the repo lies."""
    try:
        return p.relative_to(Path.cwd())
    except ValueError:
        return p


def stdout_formats(out_dir: Path, fmts: tuple[str, ...]) -> bool:
    """True when the record goes to standard output (`--out -`), which only JSON can do."""
    from pipeline.errors import ConfigError

    if str(out_dir) != STDOUT:
        return False
    if fmts != ("json",):
        raise ConfigError("--out - writes coverage.json to standard output, the other formats need a folder",
                          hint="add --format json, or give --out DIR")
    return True


def progress_bar():
    """A progress bar with counts and the time left, on standard error when it is a terminal."""
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn,
                               TimeRemainingColumn)

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TextColumn("left"), TimeRemainingColumn(), console=err, transient=True,
                    disable=state.quiet or not err.is_terminal)



def no_batch_to_stdout() -> None:
    from pipeline.errors import ConfigError

    raise ConfigError("--out - writes one coverage.json to standard output; several reports need a folder",
                      hint="give --out DIR")


def raise_(error) -> None:
    raise error


def run_cache():
    """The cache of this run: --cache-dir (or cache_dir in the config), else the user's cache folder."""
    from pipeline.cache import Cache, default_cache_dir

    return Cache(state.config.cache_dir or default_cache_dir())


def member_files(member, *, quiet_written: bool = False) -> None:
    """The files a run wrote into a report's folder, those already up to date, and those of an earlier run it
    removed."""
    console.print_files(out, err, written=member.written, kept=member.kept, removed=member.removed,
                        quiet=state.quiet or quiet_written)


def print_decision_warnings(record: dict, name: str = "") -> None:
    from pipeline.review import UNMATCHED

    for w in record.get("warnings", []):
        if UNMATCHED in w:
            err.print(f"warning: {name + ': ' if name else ''}{w}", markup=False)


def statuses(spec: str) -> tuple[str, ...]:
    from pipeline.errors import ConfigError

    allowed = STATUS_CHOICES
    names = tuple(s.strip() for s in spec.split(",") if s.strip())
    bad = [n for n in names if n not in allowed]
    if bad or not names:
        raise ConfigError(f"unknown status(es) for --fail-on: {', '.join(bad) or spec!r}",
                          hint=f"use {', '.join(allowed)}")
    return names



def load_coverage(path: Path) -> dict:
    from pipeline.api import load_coverage

    return load_coverage(path, max_size_mb=state.config.max_size_mb)
