"""One frozen configuration object with named defaults; loaded from TOML when the user gives a file."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

# Largest ITU documents seen (collected reports with annexes) stay under 30 MB; 50 leaves room.
DEFAULT_MAX_SIZE_MB = 50.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every knob of the pipeline; `resolved()` goes into each output so results can be reproduced."""

    max_size_mb: float = DEFAULT_MAX_SIZE_MB
    # Parsed documents are cached here by content hash; None disables the on-disk cache.
    cache_dir: str | None = None
    # Extra knowledge-base files (same schema as corpora/kb) merged over the bundled one.
    kb_files: tuple[str, ...] = ()
    # Passages longer than this many words are windowed (a reader cites a few sentences, not a page).
    passage_max_words: int = 180
    passage_overlap_words: int = 40
    # Evidence passages kept per facet.
    evidence_per_facet: int = 3
    # Semantic backend: "lsa" (offline, scikit-learn), "minilm" (extra `semantic`), "wordllama" (extra `wordllama`)
    # or "none". The shipped judge is trained with LSA; `wsis-audit --config F eval` with another measures it.
    semantic: str = "lsa"
    # Use what the annotated corpus taught about requirements it knows (evidence profiles: the words other reports
    # answered them with). False judges every requirement as one never seen before (the judge's fallback).
    evidence_profiles: bool = True
    # The header block of report.docx, as ITU documents open (meeting, document number, date, original language,
    # source, title). Empty: the report names what it can (title from the report's file name) and leaves a blank
    # for the rest; the defaults suit a report to the Council Working Group on WSIS and the SDGs.
    document_meeting: str = "Council Working Group on WSIS and the SDGs"
    document_number: str = ""
    document_date: str = ""
    document_language: str = "English"
    document_source: str = "Secretariat"
    document_title: str = ""

    def resolved(self) -> dict[str, Any]:
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)}

    def with_overrides(self, **overrides: Any) -> Config:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the TOML file (top level or a [wsis-audit] table), then explicit overrides."""
    cfg = Config()
    if path is not None:
        p = Path(path)
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("config file not found", hint="check the --config path", location=str(p)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", hint="fix the syntax", location=str(p)) from None
        data = data.get("wsis-audit", data)
        known = {f.name for f in fields(Config)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}",
                              hint=f"known settings: {', '.join(sorted(known))}", location=str(p))
        if "kb_files" in data:
            data["kb_files"] = tuple(data["kb_files"])
        try:
            cfg = replace(cfg, **data)
        except TypeError as exc:
            raise ConfigError(str(exc), location=str(p)) from None
    return cfg.with_overrides(**overrides)
