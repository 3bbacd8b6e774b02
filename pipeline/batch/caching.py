"""The cache in front of the audits: the keys of records, passage signals and renderings, and their lookups.

A lookup turns a cached value back into what a task needs; a value of the wrong shape counts as a miss.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from ..config import Config


def audit_key(report_path: str, report_sha: str, mandates: list, config: Config, versions: dict,
              model_sha: str) -> str:
    """The key of an audit's record: the report's path and hash, the mandates', the configuration, every
    component version, the judge's own hash and the libraries that compute the numbers."""
    from ..cache import digest

    return digest("audit", report_path, report_sha, mandates, config.resolved(), versions, model_sha,
                  _library_versions())


@lru_cache(maxsize=1)
def _library_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    from ..cache import code_digest

    from ..extract.extractor import models_digest

    out = {"pipeline-source": code_digest(),  # a rule changed in a checkout whose version number did not change
           "extraction-models": models_digest()}  # the asks model or the actor check retrained
    for name in ("wsis-audit", "numpy", "scipy", "scikit-learn", "spacy", "rapidfuzz"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = None
    return out


def _cached_record(cache, key: str | None) -> dict | None:
    if cache is None or key is None:
        return None
    record = cache.get("audit", key)
    return record if isinstance(record, dict) and isinstance(record.get("requirements"), list) else None


def _parser_version(fmt: str) -> str:
    from ..parse import PARSER_VERSIONS

    return PARSER_VERSIONS.get(fmt, fmt)


def _cached_document(cache, data: bytes, path: str):
    from ..parse import PARSER_VERSIONS, detect_format

    version = PARSER_VERSIONS.get(detect_format(data)) if data.strip() else None
    return cache.get_document(hashlib.sha256(data).hexdigest(), version, path) if version else None


def _passages_key(cache, data: bytes, config: Config) -> str | None:
    """The key of a report's passage signals: its content, its parser, the passage settings, the retriever's
    version and the knowledge base (not the mandates: a changed mandate reuses them)."""
    from ..cache import digest
    from ..kb import load_kb
    from ..match.retrieve import RETRIEVER_VERSION
    from ..parse import PARSER_VERSIONS, detect_format

    version = PARSER_VERSIONS.get(detect_format(data)) if data.strip() else None
    if version is None:
        return None
    return digest("passages", hashlib.sha256(data).hexdigest(), version, config.passage_max_words,
                  config.passage_overlap_words, RETRIEVER_VERSION, load_kb(config.kb_files).sha256,
                  _library_versions())


def _cached_signals(cache, key: str | None) -> tuple | None:
    if cache is None or key is None:
        return None
    value = cache.get("passages", key)
    if value is None:
        return None
    from ..cache import from_plain
    from ..match.signals import TextSignals

    try:
        return tuple(from_plain(TextSignals, x) for x in value)
    except (TypeError, ValueError):
        return None


def _render_key(shown_sha: str, fmt: str) -> str:
    from ..cache import digest

    return digest("render", shown_sha, fmt, _library_versions())
