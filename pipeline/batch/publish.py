"""A member's outputs moved into its folder whole, under the folder's lock, keeping the files already up to date."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from .caching import _render_key
from .members import Member


def _shown_sha(m: Member) -> str:
    """The hash of the member's record as shown (decisions applied): what its renderings are recorded under. Compact
    JSON: the indented text of coverage.json takes the pure-Python encoder, ten times slower on a large record."""
    if m.sha is None:
        text = json.dumps(m.shown, ensure_ascii=False, separators=(",", ":"))
        m.sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return m.sha


def _current(m: Member, formats: Sequence[str], cache, shown_sha: str | None = None) -> set[str]:
    """The formats whose file in the member's folder is already the rendering of its record as shown."""
    if cache is None or m.folder is None or not formats:
        return set()
    from ..report import OUTPUT_FILES

    shown_sha = shown_sha or _shown_sha(m)
    out = set()
    for f in formats:
        expected = cache.get("render", _render_key(shown_sha, f))
        target = m.folder / OUTPUT_FILES[f]
        try:
            if expected and target.is_file() and hashlib.sha256(target.read_bytes()).hexdigest() == expected:
                out.add(f)
        except OSError:
            continue
    return out


def _publish(m: Member, formats: tuple[str, ...], cache, files: dict[str, bytes]) -> None:
    """The member's outputs moved into its folder under the folder's lock: the rendered files, and the ones already
    up to date kept (checked again under the lock; one changed since is rendered here)."""
    from ..report import OUTPUT_FILES, write_formats
    from ..report._io import publish, write_atomic

    by_name = {OUTPUT_FILES[f]: f for f in formats}
    keep = tuple(n for n in by_name if n not in files)
    shown_sha = _shown_sha(m) if cache is not None else None

    def write(stage: Path) -> list[Path]:
        still = _current(m, [by_name[n] for n in keep], cache, shown_sha)
        redo = tuple(by_name[n] for n in keep if by_name[n] not in still)
        out = [write_atomic(stage / name, content) for name, content in files.items()]
        out += write_formats(m.shown, stage, redo) if redo else []
        return out

    published = publish(m.folder, write, owned=tuple(OUTPUT_FILES.values()), keep=keep)
    m.written, m.removed = list(published.written), list(published.removed)
    m.kept = [m.folder / n for n in keep if m.folder / n not in published.written]
    if cache is not None:
        for path in published.written:
            fmt = by_name.get(path.name)
            if fmt:
                cache.put("render", _render_key(shown_sha, fmt), hashlib.sha256(path.read_bytes()).hexdigest())
