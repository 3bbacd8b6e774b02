"""coverage.json: the audit record, validated against the published schema before it is written."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..resources import schema_path
from ._io import write_atomic

SCHEMA_PATH = schema_path()


@lru_cache(maxsize=1)
def coverage_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def validate_coverage(record: dict) -> None:
    """Raise jsonschema.ValidationError when the record does not follow schema version 1."""
    import jsonschema

    jsonschema.validate(record, coverage_schema())


def dumps(record: dict) -> str:
    """Stable JSON text: the same record always gives the same bytes."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def write_json(record: dict, out_dir: Path) -> Path:
    validate_coverage(record)
    return write_atomic(Path(out_dir) / "coverage.json", dumps(record))  # never half a coverage.json
