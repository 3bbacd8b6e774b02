"""The on-disk cache: what an audit computed, kept under a hash of everything it was computed from.

Four kinds of entry, each a JSON file:

- parsed documents, by content hash and parser version (`<sha256>-<parser>.json` at the top of the folder);
- a mandate's requirements, by the document, the extractor's version, the knowledge base and a hash of the
  program's source (`extract/`), so that a rule changed without a new version number is never served stale;
- a report's passage signals, by its content, the passage settings, the retriever's version and the knowledge
  base (`passages/`): a changed mandate reuses them;
- whole coverage records, by the inputs' hashes, the configuration, the model and every component version
  (`audit/`), and the hash of each output rendered from a record (`render/`): an unchanged audit is not recomputed
  and only what is missing from its folder is rendered again.

Every entry is wrapped in `{"cache": CACHE_FORMAT, "kind", "key", "value"}`: an entry of another format version is
a miss, a damaged one (cut short, edited, of another key) is ignored with a warning and written again. The cache
never stops an audit: a folder that cannot be written gives one warning and the run goes on without it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import warnings
from dataclasses import fields, is_dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path
from types import UnionType
from typing import Any, Union, get_args, get_origin, get_type_hints

# Bump when the layout of an entry changes: older entries are then misses, never errors.
CACHE_FORMAT = "wsis-audit-cache/1"
APP_NAME = "wsis-audit"


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A hash of this program's own source (every .py file of the `pipeline` package): a rule changed without a
    version number changed still makes every cached entry computed by the old rules a miss."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


class CacheWarning(UserWarning):
    """A cache entry was damaged, or the cache folder cannot be written; the run goes on without it."""


def default_cache_dir() -> Path:
    """The user's cache folder for wsis-audit: $XDG_CACHE_HOME/wsis-audit (~/.cache/wsis-audit), the Caches
    folder on macOS, %LOCALAPPDATA% on Windows."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / APP_NAME / "Cache"
    if sys.platform == "darwin" and not os.environ.get("XDG_CACHE_HOME"):
        return Path.home() / "Library" / "Caches" / APP_NAME
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / APP_NAME


def digest(*parts: Any) -> str:
    """A key: the SHA-256 of the parts as canonical JSON (dict keys sorted, tuples as lists)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain_default)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _plain_default(value: Any) -> Any:
    if is_dataclass(value) or isinstance(value, Enum):
        from .model import to_plain

        return to_plain(value)
    raise TypeError(f"{type(value).__name__} is not part of a cache key")


class Cache:
    """A cache folder. `get` answers None for a miss; `put` never raises (an unwritable folder is warned about once
    and the cache is then off for this run)."""

    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.writable = True

    def _file(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / f"{key}.json"

    def get(self, kind: str, key: str) -> Any | None:
        """The value stored under (kind, key), or None."""
        return self._read(self._file(kind, key), kind, key)

    def put(self, kind: str, key: str, value: Any) -> None:
        """Store value (JSON-ready) under (kind, key), atomically."""
        self._write(self._file(kind, key), kind, key, value)

    # Parsed documents keep the layout the parse cache always had: <sha256>-<parser version>.json at the top.
    def get_document(self, sha256: str, parser_version: str, path: str):
        """The parsed Document of this content, as read from `path` (the same content under another name is
        the same document, with its own path), or None."""
        from .model import Document

        data = self._read(self._document_file(sha256, parser_version), "document", sha256)
        if data is None:
            return None
        try:
            return Document.from_dict({**data, "path": path})
        except (KeyError, TypeError, ValueError) as exc:
            self._damaged(self._document_file(sha256, parser_version), exc)
            return None

    def has_document(self, sha256: str, parser_version: str) -> bool:
        """Whether a parsed document of this content is stored (without reading it: a damaged entry counts)."""
        return self._document_file(sha256, parser_version).is_file()

    def put_document(self, doc, parser_version: str) -> None:
        self._write(self._document_file(doc.sha256, parser_version), "document", doc.sha256, doc.to_dict())

    def _document_file(self, sha256: str, parser_version: str) -> Path:
        return self.root / f"{sha256}-{parser_version.replace('/', '_')}.json"

    def _read(self, path: Path, kind: str, key: str) -> Any | None:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            self._damaged(path, exc)
            return None
        try:
            entry = json.loads(text)
        except ValueError as exc:
            self._damaged(path, exc)
            return None
        if not isinstance(entry, dict) or entry.get("cache") != CACHE_FORMAT:
            return None  # written by another version of wsis-audit: a miss, rewritten below
        if entry.get("kind") != kind or entry.get("key") != key or "value" not in entry:
            self._damaged(path, ValueError("it names another entry"))
            return None
        return entry["value"]

    def _write(self, path: Path, kind: str, key: str, value: Any) -> None:
        if not self.writable:
            return
        from .errors import OutputError
        from .report._io import write_atomic

        text = json.dumps({"cache": CACHE_FORMAT, "kind": kind, "key": key, "value": value}, ensure_ascii=False,
                          separators=(",", ":"))
        try:
            write_atomic(path, text)
        except OutputError as exc:
            self.writable = False
            warnings.warn(f"the cache folder {self.root} cannot be written ({exc.message}); this run is not cached "
                          "(--cache-dir DIR chooses another, --no-cache turns it off)", CacheWarning, stacklevel=3)

    def _damaged(self, path: Path, exc: BaseException) -> None:
        why = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        warnings.warn(f"cache entry {path} is damaged ({why}); it was ignored and is computed again", CacheWarning,
                      stacklevel=4)


def from_plain(cls: Any, data: Any) -> Any:
    """The value of type `cls` that model.to_plain turned into `data`: frozen dataclasses, enums, tuples (of
    fixed or any length), optional values, dicts and plain scalars. Raises TypeError or ValueError on a mismatch
    (a damaged or out-of-date entry)."""
    return _convert(cls, data)


@lru_cache(maxsize=64)
def _fields_of(cls: type) -> tuple[dict[str, Any], frozenset[str]]:
    """A dataclass's field types and names, resolved once."""
    return get_type_hints(cls), frozenset(f.name for f in fields(cls))


def _convert(tp: Any, value: Any) -> Any:
    if tp is Any:
        return value
    origin = get_origin(tp)
    if origin in (Union, UnionType):
        options = get_args(tp)
        if value is None:
            if type(None) in options:
                return None
            raise TypeError(f"None for {tp}")
        last: Exception | None = None
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(option, value)
            except (TypeError, ValueError) as exc:
                last = exc
        raise last or TypeError(f"{value!r} for {tp}")
    if origin is tuple:
        args = get_args(tp)
        if not isinstance(value, (list, tuple)):
            raise TypeError(f"{type(value).__name__} for {tp}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_convert(args[0], v) for v in value)
        if len(args) != len(value):
            raise ValueError(f"{len(value)} items for {tp}")
        return tuple(_convert(a, v) for a, v in zip(args, value))
    if origin in (list, dict):
        return value  # plain JSON containers are kept as read
    if isinstance(tp, type) and is_dataclass(tp):
        if not isinstance(value, dict):
            raise TypeError(f"{type(value).__name__} for {tp.__name__}")
        hints, names = _fields_of(tp)
        unknown = set(value) - names
        if unknown:
            raise ValueError(f"{tp.__name__} has no field {sorted(unknown)[0]!r}")
        return tp(**{k: _convert(hints[k], v) for k, v in value.items()})
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(value)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if isinstance(tp, type) and not isinstance(value, tp):
        raise TypeError(f"{type(value).__name__} for {tp.__name__}")
    return value


__all__ = ["CACHE_FORMAT", "Cache", "CacheWarning", "default_cache_dir", "digest", "from_plain"]
