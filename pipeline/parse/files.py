"""Files into Documents: read with limits, the format detected from content (not the name), parsed, cached."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..errors import InputError, WsisAuditError
from ..model import Document
from .detect import detect_format

# Bump a parser's version when its output changes; the cache key includes it.
PARSER_VERSIONS = {"text": "text/5", "markdown": "text/5", "docx": "docx/4", "pdf": "pdf/5"}


def read_bytes(path: str | Path, *, max_bytes: int) -> bytes:
    """Read a regular file with the size limit and clear errors; pipes, sockets and devices are refused unread."""
    p = str(path)
    try:
        return _read_regular(p, max_bytes)
    except PermissionError:
        raise InputError.permission_denied(p) from None
    except IsADirectoryError:
        raise InputError.is_directory(p) from None
    except OSError:
        raise InputError.not_found(p) from None


def _read_regular(p: str, max_bytes: int) -> bytes:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below once we can look at it.
    fd = os.open(p, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError.is_directory(p)
        if not stat.S_ISREG(info.st_mode):
            raise InputError.not_regular(p)
        if info.st_size > max_bytes:
            raise InputError.too_large(p, info.st_size, max_bytes)
        chunks, total = [], 0
        while True:  # the file may grow while we read it: never read past the limit
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > max_bytes:
                raise InputError.too_large(p, total, max_bytes)
        return b"".join(chunks)
    finally:
        os.close(fd)


def parse_bytes(data: bytes, *, path: str) -> Document:
    """Parse document bytes; the path is only for provenance and messages."""
    if not data.strip():
        raise InputError.empty(path)
    fmt = detect_format(data)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "ole":
        raise InputError.legacy_doc(path)
    if fmt == "zip":
        raise InputError.unknown_format(path, "a ZIP archive that is not a Word document")
    if fmt == "binary":
        raise InputError.unknown_format(path, "binary data")
    try:
        if fmt == "pdf":
            from .pdf import parse_pdf
            return parse_pdf(data, path=path, sha256=sha)
        if fmt == "docx":
            from .docx import parse_docx
            return parse_docx(data, path=path, sha256=sha)
        from .text import parse_text
        return parse_text(data, path=path, sha256=sha, markdown=fmt == "markdown")
    except WsisAuditError:
        raise
    except MemoryError as exc:  # a damaged file's sizes or coordinates asked for more than it can hold
        kind = {"pdf": "PDF", "docx": "DOCX"}.get(fmt, "text")
        raise InputError.corrupt(path, kind, "it asks for more memory than a document of its size can need") \
            from exc
    except Exception as exc:  # a parser library choked on malformed input
        kind = {"pdf": "PDF", "docx": "DOCX"}.get(fmt, "text")
        raise InputError.corrupt(path, kind, type(exc).__name__) from exc


def parse_file(path: str | Path, config: Config | None = None, *, cache=None) -> Document:
    """Parse one file, using the on-disk cache (`cache`, a pipeline.cache.Cache, else the config's cache_dir)."""
    return read_and_parse(path, config, cache=cache)[1]


def read_and_parse(path: str | Path, config: Config | None = None, *, cache=None) -> tuple[bytes, Document]:
    """parse_file, also giving the bytes it read (for a reader that needs more of the file than its blocks)."""
    cfg = config or Config()
    data = read_bytes(path, max_bytes=int(cfg.max_size_mb * 1_000_000))
    return data, parse_cached(data, path=str(path), cache=cache if cache is not None else _config_cache(cfg))


def parse_cached(data: bytes, *, path: str, cache=None) -> Document:
    """parse_bytes, through the cache when one is given: by content hash and parser version."""
    version = PARSER_VERSIONS.get(detect_format(data)) if cache is not None and data.strip() else None
    if version is None:  # no cache, or a format that is refused anyway
        return parse_bytes(data, path=path)
    sha = hashlib.sha256(data).hexdigest()
    cached = cache.get_document(sha, version, path)
    if cached is not None:
        return cached
    doc = parse_bytes(data, path=path)
    cache.put_document(doc, version)
    return doc


def _config_cache(cfg: Config):
    if not cfg.cache_dir:
        return None
    from ..cache import Cache

    return Cache(cfg.cache_dir)


@dataclass(frozen=True, slots=True, kw_only=True)
class ParseResult:
    """Documents parsed from a batch, and the files that failed (in input order)."""

    documents: tuple[Document, ...]
    failures: tuple[InputError, ...]


def parse_many(paths: list[str | Path], config: Config | None = None, *, on_document=None,
               cache=None) -> ParseResult:
    """Parse every file; one bad file never stops the others."""
    cache = cache if cache is not None else _config_cache(config or Config())
    docs, failures = [], []
    for p in paths:
        if on_document:
            on_document(str(p))
        try:
            docs.append(parse_file(p, config, cache=cache))
        except InputError as exc:
            failures.append(exc)
    return ParseResult(documents=tuple(docs), failures=tuple(failures))


__all__ = ["ParseResult", "parse_bytes", "parse_cached", "parse_file", "parse_many", "detect_format"]
