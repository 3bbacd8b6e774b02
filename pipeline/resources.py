"""Where the shipped data lives: the model, the knowledge base, the corpus, the schema and the report assets.

A source checkout keeps `models/` and `corpora/` at the top of the repository; a wheel carries the same
folders inside the package as `pipeline/_data/models` and `pipeline/_data/corpora` (mapped in pyproject.toml).
Every reader asks this module, so the code runs the same from a clone, an editable install and a wheel.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

# The folder a wheel installs the data into (pyproject.toml, [tool.setuptools.package-dir]).
DATA_PACKAGE = "_data"


def data_root() -> Path:
    """The folder that holds `models/` and `corpora/`: inside the installed package, else the source checkout."""
    packaged = resources.files("pipeline") / DATA_PACKAGE
    if packaged.is_dir():
        # A wheel installs plain files on disk, so the traversable is a real path.
        return Path(str(packaged))
    return Path(__file__).resolve().parents[1]


def model_dir(name: str) -> Path:
    """The folder of a shipped model, e.g. model_dir('wsis-judge-v1')."""
    return data_root() / "models" / name


def corpus_dir() -> Path:
    """The annotated corpus (manifest, mandates, reports, gold)."""
    return data_root() / "corpora"


def kb_dir() -> Path:
    """The bundled knowledge base (corpora/kb)."""
    return corpus_dir() / "kb"


def schema_path() -> Path:
    """The published JSON schema of coverage.json."""
    return Path(str(resources.files("pipeline.report") / "coverage.schema.json"))


def asset(name: str) -> str:
    """The text of a report asset (a template, a style sheet, a script) in pipeline/report/assets."""
    return (resources.files("pipeline.report") / "assets" / name).read_text(encoding="utf-8")
