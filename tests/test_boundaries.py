"""The stages' boundaries (issue 22), read from the imports of every module: a change that crosses one fails here
with the module and the import named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PIPELINE = ROOT / "pipeline"
MODEL = {"pipeline.model", "pipeline.config", "pipeline.errors"}
# Infrastructure any stage may use: paths of shipped data, the knowledge base, the on-disk cache.
SHARED = {"pipeline.resources", "pipeline.kb", "pipeline.cache"}
LATER_THAN_PARSE = ("extract", "match", "judge", "learn", "evaluate", "reflect", "report", "audit", "batch", "api",
                    "amendments", "review", "diff")


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module the file imports, as an absolute name (relative imports resolved), at any depth of the file."""
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
                out.add(name)
                out.update(f"{name}.{a.name}" for a in node.names)  # `from . import console`
            else:
                out.add(node.module or "")
    return out


MODULES = sorted(PIPELINE.rglob("*.py"))


def _ours(names: set[str]) -> set[str]:
    return {n for n in names if n == "pipeline" or n.startswith("pipeline.")}


def _stage(name: str) -> str:
    return name.split(".")[1] if name.count(".") else ""


@pytest.mark.parametrize("path", [PIPELINE / "model.py", PIPELINE / "config.py", PIPELINE / "errors.py"],
                         ids=lambda p: p.name)
def test_the_model_imports_no_stage(path):
    bad = {n for n in _ours(imports(path)) if not any(n == m or n.startswith(m + ".") for m in MODEL)}
    assert not bad, f"{path.name} imports {sorted(bad)}: the model layer imports only itself"


def test_parsing_imports_no_later_stage():
    for path in sorted((PIPELINE / "parse").rglob("*.py")):
        bad = {n for n in _ours(imports(path)) if _stage(n) in LATER_THAN_PARSE}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}"


def test_spacy_is_imported_only_in_extraction():
    for path in MODULES:
        if (PIPELINE / "extract") in path.parents:
            continue
        bad = {n for n in imports(path) if n == "spacy" or n.startswith("spacy.")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: spaCy lives in pipeline/extract/"


def test_reports_read_results_only():
    for path in sorted((PIPELINE / "report").rglob("*.py")):
        bad = {n for n in _ours(imports(path))
               if _stage(n) in ("match", "judge", "learn", "extract", "audit", "batch", "reflect", "evaluate")}
        assert not bad, f"{path.relative_to(ROOT)} imports {sorted(bad)}: a writer takes the record, not the stages"


def test_nothing_imports_the_command_line():
    for path in [*MODULES, *sorted((ROOT / "benchmarks").glob("*.py"))]:
        assert "cli" not in imports(path), f"{path.relative_to(ROOT)} imports cli"


def test_the_checker_resolves_relative_imports():
    names = imports(PIPELINE / "judge" / "features.py")
    assert "pipeline.match.retrieve" in names and "numpy" in names
