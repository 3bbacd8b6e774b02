"""One frozen configuration object with named defaults; loaded from TOML when the user gives a file."""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError

SEMANTIC_BACKENDS = ("lsa", "minilm", "wordllama", "none")
# Largest ITU documents seen (collected reports with annexes) stay under 30 MB; 50 leaves room.
DEFAULT_MAX_SIZE_MB = 50.0
REFLECTION_CHOICES = ("proposals", "all", "none")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every knob of the pipeline; `resolved()` goes into each output so results can be reproduced."""

    max_size_mb: float = DEFAULT_MAX_SIZE_MB
    # The on-disk cache (pipeline/cache.py): parsed documents by content hash, and for `audit` extracted mandates,
    # passage signals and whole results. None: `parse` and `extract` cache nothing and `audit` uses the user's cache
    # folder (cache.default_cache_dir; `audit --no-cache` turns it off).
    cache_dir: str | None = None
    # Extra knowledge-base files (same schema as corpora/kb) merged over the bundled one.
    kb_files: tuple[str, ...] = ()
    # Passages longer than this many words are windowed (a reader cites a few sentences, not a page).
    passage_max_words: int = 180
    passage_overlap_words: int = 40
    # Evidence passages kept per facet.
    evidence_per_facet: int = 3
    # The judge says addressed only when its models give addressed at least this probability; below it the
    # requirement is partial, with its evidence and the reason (judge/assess.py, ADDRESSED_FLOOR). Higher: fewer
    # false all-clears, more partials to read (leave one mandate out: 0.5 gives 0.070 false all-clear, 0.6 0.032).
    addressed_floor: float = 0.5
    # Semantic backend: "lsa" (offline, scikit-learn), "minilm" (extra `semantic`), "wordllama" (extra `wordllama`)
    # or "none". The shipped judge is trained with LSA; `wsis-audit --config F eval` with another measures it.
    semantic: str = "lsa"
    # Use what the annotated corpus taught about requirements it knows (evidence profiles: the words other reports
    # answered them with). False judges every requirement as one never seen before (the judge's fallback).
    evidence_profiles: bool = True
    # Which requirements get a reflection (how much of their wording the report takes over, issue 21): "proposals"
    # (proposals and expectations), "all", or "none".
    reflection: str = "proposals"
    # The header block of report.docx, as ITU documents open (meeting, document number, date, original language,
    # source, title). Empty: the report names what it can (title from the report's file name) and leaves a blank
    # for the rest; the defaults suit a report to the Council Working Group on WSIS and the SDGs.
    document_meeting: str = "Council Working Group on WSIS and the SDGs"
    document_number: str = ""
    document_date: str = ""
    document_language: str = "English"
    document_source: str = "Secretariat"
    document_title: str = ""

    def __post_init__(self) -> None:
        _check(self)

    def resolved(self) -> dict[str, Any]:
        return {f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v) for f in fields(self)}

    def with_overrides(self, **overrides: Any) -> Config:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


def load_config(path: str | Path | None = None, **overrides: Any) -> Config:
    """Defaults, then the TOML file (top level or a [wsis-audit] table), then explicit overrides."""
    cfg = Config()
    if path is not None:
        p = Path(path)
        if p.exists() and not p.is_file():  # a folder, a pipe or a device: never wait on it or read it whole
            raise ConfigError("not a regular file", hint="give a TOML file to --config", location=str(p))
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigError("config file not found", hint="check the --config path", location=str(p)) from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"invalid TOML: {exc}", hint="fix the syntax", location=str(p)) from None
        except OSError as exc:  # a folder, no permission: one line, never a traceback
            raise ConfigError(f"config file cannot be read ({exc.strerror or type(exc).__name__})",
                              hint="give a readable TOML file to --config", location=str(p)) from None
        data = data.get("wsis-audit", data)
        if not isinstance(data, dict):
            raise ConfigError("the [wsis-audit] setting must be a table of settings",
                              hint="write [wsis-audit] on its own line, then one setting per line", location=str(p))
        known = {f.name for f in fields(Config)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}",
                              hint=f"known settings: {', '.join(sorted(known))}", location=str(p))
        if isinstance(data.get("kb_files"), list):
            data["kb_files"] = tuple(data["kb_files"])
        if isinstance(data.get("max_size_mb"), int) and not isinstance(data["max_size_mb"], bool):
            data["max_size_mb"] = float(data["max_size_mb"])  # TOML writes 20 for 20.0
        try:
            cfg = replace(cfg, **data)
        except ConfigError as exc:
            raise ConfigError(exc.message, hint=exc.hint, location=str(p)) from None
    return cfg.with_overrides(**overrides)


def _check(cfg: Config) -> None:
    """Every setting's type and allowed values; a ConfigError names the setting and what it accepts."""
    def bad(name: str, wants: str) -> ConfigError:
        return ConfigError(f"{name} = {getattr(cfg, name)!r} is invalid: it must be {wants}",
                           hint="fix it in the config file or the option; see pipeline/config.py for defaults")

    def whole(v: Any) -> bool:
        return isinstance(v, int) and not isinstance(v, bool)

    size = cfg.max_size_mb
    if isinstance(size, bool) or not isinstance(size, (int, float)) or not math.isfinite(size) or size <= 0:
        raise bad("max_size_mb", "a number of megabytes above 0")
    if cfg.cache_dir is not None and not isinstance(cfg.cache_dir, str):
        raise bad("cache_dir", "a folder path in quotes")
    if not isinstance(cfg.kb_files, tuple) or not all(isinstance(k, str) for k in cfg.kb_files):
        raise bad("kb_files", 'a list of file paths, e.g. ["my-kb.json"]')
    if not whole(cfg.passage_max_words) or cfg.passage_max_words < 1:
        raise bad("passage_max_words", "a whole number of words, 1 or more")
    if not whole(cfg.passage_overlap_words) or not 0 <= cfg.passage_overlap_words < cfg.passage_max_words:
        raise bad("passage_overlap_words", "a whole number of words, 0 or more and below passage_max_words")
    if not whole(cfg.evidence_per_facet) or cfg.evidence_per_facet < 1:
        raise bad("evidence_per_facet", "a whole number, 1 or more")
    floor = cfg.addressed_floor
    if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not 0.0 <= floor <= 1.0:
        raise bad("addressed_floor", "a probability from 0 to 1")
    if cfg.reflection not in REFLECTION_CHOICES:
        raise bad("reflection", "one of " + ", ".join(f'"{c}"' for c in REFLECTION_CHOICES))
    if cfg.semantic not in SEMANTIC_BACKENDS:
        raise bad("semantic", "one of " + ", ".join(f'"{b}"' for b in SEMANTIC_BACKENDS))
    if not isinstance(cfg.evidence_profiles, bool):
        raise bad("evidence_profiles", "true or false")
