"""Golden cases: each folder of tests/golden/ holds case.json (what to run, on which corpus files) beside the
output it must give, byte for byte. A missing expected file fails; `pytest --update-golden` writes it (then
review the diff). These are the outputs a refactor must not move (issue 22)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline import api
from pipeline.config import Config
from pipeline.model import to_plain
from pipeline.report.json_report import dumps
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES = sorted(p for p in GOLDEN.iterdir() if (p / "case.json").is_file())


def run_case(spec: dict) -> str:
    """The case's output as the text its expected file holds (paths relative to the repository root)."""
    if spec["kind"] == "audit":
        return dumps(api.audit(spec["report"], spec["mandates"], Config()))
    if spec["kind"] == "extract":
        out = []
        for path in spec["documents"]:
            result = api.extract(path)
            out.append({"document": result.document, "requirements": to_plain(result.requirements),
                        "warnings": list(result.warnings)})
        return json.dumps(out, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown golden case kind {spec['kind']!r}")


@pytest.mark.parametrize("case", CASES, ids=[p.name for p in CASES])
def test_golden_case(case: Path, update_golden, monkeypatch):
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    monkeypatch.chdir(ROOT)  # the inputs' paths are part of the output: relative, as a user in the checkout types them
    got = run_case(spec)
    expected = case / spec["expected"]
    if update_golden:
        expected.write_text(got, encoding="utf-8")
        return
    if not expected.is_file():
        pytest.fail(f"{expected.relative_to(ROOT)} is missing: run `python -m pytest --update-golden` and review it")
    assert got == expected.read_text(encoding="utf-8"), f"{case.name}: output differs from {spec['expected']}"
