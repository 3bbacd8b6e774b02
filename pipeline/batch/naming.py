"""Which reports a run audits (files, and the documents directly inside folders) and under which folder names."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError

# The files a folder given as --report contributes, by extension (case ignored).
REPORT_SUFFIXES = (".docx", ".pdf", ".txt", ".md")


def expand_reports(paths: Sequence[str | Path]) -> list[Path]:
    """The reports to audit: files as given, and for a folder every DOCX, PDF, TXT and MD file directly inside it,
    by name (not its subfolders, where earlier audits keep their outputs). The same file twice is audited once."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted((f for f in p.iterdir() if f.suffix.lower() in REPORT_SUFFIXES and f.is_file()
                            and not f.name.startswith((".", "~$"))), key=lambda f: f.name)
            if not found:
                raise InputError.no_reports(str(p))
            out.extend(found)
        else:
            out.append(p)
    return list(dict.fromkeys(out))


def member_names(paths: Sequence[Path]) -> list[str]:
    """Each report's folder name under OUT: its file name without the extension; with the extension where two
    reports share a stem (a.pdf, a.docx); then numbered where they still clash (two folders' a.pdf)."""
    stems = [p.stem or p.name for p in paths]
    names = [s if stems.count(s) == 1 else p.name for s, p in zip(stems, paths)]
    out, seen = [], {}
    for n in names:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if names.count(n) == 1 else f"{n}-{seen[n]}")
    return out
