"""Writers of audit results, one module per format; `write_formats` dispatches by name."""

from __future__ import annotations

from pathlib import Path

from ..errors import ConfigError

FORMATS = ("json", "html", "docx", "xlsx", "md", "csv")
# The file each format writes into the output folder: the only names a run replaces or removes there.
OUTPUT_FILES = {"json": "coverage.json", "html": "report.html", "docx": "report.docx", "xlsx": "traceability.xlsx",
                "md": "report.md", "csv": "requirements.csv"}


def parse_formats(spec: str) -> tuple[str, ...]:
    """'html,docx' -> ('html', 'docx'); 'all' -> every format; unknown names are a configuration error."""
    names = [f.strip().lower() for f in spec.split(",") if f.strip()]
    if not names or names == ["all"]:
        return FORMATS
    unknown = [n for n in names if n not in FORMATS]
    if unknown:
        raise ConfigError(f"unknown format(s): {', '.join(unknown)}", hint=f"choose from {', '.join(FORMATS)} or all")
    return tuple(dict.fromkeys(names))


# Formats a forked child writes while this process writes the others, on a large record (write_formats): Word and
# HTML, about half of the writing time (300 pages x 500 requirements: docx 1.3 s, html 0.5 s, xlsx 0.8 s, json 0.7 s
# on the 2-core development machine, md and csv a few hundredths).
CHILD_FORMATS = ("docx", "html")
# Requirements below which writing is too quick for a fork to gain.
SPLIT_MIN_REQUIREMENTS = 150


def write_formats(record: dict, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Write the record in each format into out_dir; returns the files written, in the order of `formats`.

    On a large record, where a fork is safe (pipeline/fork.py: serial_reason), a forked child writes Word
    and HTML while this process writes the others: each writer is a pure function of the record, so the files are
    the same bytes either way. A child that fails costs only time: its formats are then written here, where any error
    is raised as it always was."""
    from ..fork import beside, serial_reason

    theirs = [f for f in formats if f in CHILD_FORMATS]
    ours = [f for f in formats if f not in CHILD_FORMATS]
    if (not theirs or not ours or len(record.get("requirements", ())) < SPLIT_MIN_REQUIREMENTS
            or serial_reason() is not None):
        return [_write(f, record, out_dir) for f in formats]
    written: dict[str, Path] = {}

    def write(names: list[str]) -> dict[str, Path]:
        return {f: _write(f, record, out_dir) for f in names}

    outcome = beside(lambda: write(theirs), lambda done: written.update(write(ours)), name="wsis-audit-writer")
    written.update(write(theirs) if outcome is None else outcome[0])  # a failed child's formats: written here
    return [written[f] for f in formats]


def _write(fmt: str, record: dict, out_dir: Path) -> Path:
    from .csv_report import write_csv
    from .docx_report import write_docx
    from .html import write_html
    from .json_report import write_json
    from .markdown import write_markdown
    from .xlsx import write_xlsx

    writers = {"json": write_json, "html": write_html, "docx": write_docx, "xlsx": write_xlsx,
               "md": write_markdown, "csv": write_csv}
    return writers[fmt](record, out_dir)


def publish_formats(record: dict, out_dir: Path, formats: tuple[str, ...], *, keep: tuple[str, ...] = ()):
    """Write the formats as one run: into a temporary folder, then moved into out_dir under its lock; outputs of
    an earlier run that this one did not rewrite (except the names in `keep`) are removed. Returns
    `Published(written, removed)`."""
    from ._io import publish

    return publish(Path(out_dir), lambda folder: write_formats(record, folder, formats),
                   owned=tuple(OUTPUT_FILES.values()), keep=keep)
