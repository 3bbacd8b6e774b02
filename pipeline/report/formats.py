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


def write_formats(record: dict, out_dir: Path, formats: tuple[str, ...]) -> list[Path]:
    """Write the record in each format into out_dir; returns the files written."""
    from .csv_report import write_csv
    from .docx_report import write_docx
    from .html import write_html
    from .json_report import write_json
    from .markdown import write_markdown
    from .xlsx import write_xlsx

    writers = {"json": write_json, "html": write_html, "docx": write_docx, "xlsx": write_xlsx,
               "md": write_markdown, "csv": write_csv}
    return [writers[f](record, out_dir) for f in formats]


def publish_formats(record: dict, out_dir: Path, formats: tuple[str, ...], *, keep: tuple[str, ...] = ()):
    """Write the formats as one run: into a temporary folder, then moved into out_dir under its lock; outputs of
    an earlier run that this one did not rewrite (except the names in `keep`) are removed. Returns
    `Published(written, removed)`."""
    from ._io import publish

    return publish(Path(out_dir), lambda folder: write_formats(record, folder, formats),
                   owned=tuple(OUTPUT_FILES.values()), keep=keep)
