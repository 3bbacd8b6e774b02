"""Run-time judging imports nothing from training or evaluation (issue 16, point 7): an audit never loads them."""

from __future__ import annotations

import ast
from pathlib import Path

JUDGE = Path(__file__).resolve().parents[2] / "pipeline" / "judge"


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            out.add("." * node.level + (node.module or ""))
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return out


def test_the_judge_imports_no_training_or_evaluation():
    for module in sorted(JUDGE.glob("*.py")):
        ours = {m.lstrip(".").removeprefix("pipeline.") for m in _imports(module) if m.startswith((".", "pipeline"))}
        bad = {m for m in ours if m.split(".")[0] in ("learn", "evaluate", "training")}
        assert not bad, f"{module.name} imports {sorted(bad)}"


def test_an_audit_loads_no_training_code():
    import subprocess
    import sys

    code = ("import sys; from pipeline.audit import audit, prepare; import pipeline.judge; "
            "print(sorted(m for m in sys.modules if m.startswith(('pipeline.learn', 'pipeline.evaluate'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=JUDGE.parents[1]).stdout
    assert out.strip() == "[]"
