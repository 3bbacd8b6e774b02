"""Shared test fixtures: paths to the real example and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "contribution-wsis20-report-proposals.txt"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def example_path() -> Path:
    if not EXAMPLE.exists():
        pytest.fail(f"the real example is missing at {EXAMPLE}; CI lays shared/ beside the checkout")
    return EXAMPLE
