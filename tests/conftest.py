"""Shared test fixtures: paths to the real example and the golden-file switch."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = SHARED / "examples" / "contribution-wsis20-report-proposals.txt"
# Said when a test needs the real contribution: a user's clone has no ../shared beside it; CI lays it there.
EXAMPLE_MISSING = (f"needs the real example {EXAMPLE.name} in ../shared/examples/ beside the checkout "
                   "(present in CI, absent from a plain clone)")


def require_example() -> Path:
    """The real example's path, or skip the calling test with the reason when it is not beside the checkout."""
    if not EXAMPLE.exists():
        pytest.skip(EXAMPLE_MISSING)
    return EXAMPLE


@pytest.fixture(autouse=True, scope="session")
def _session_cache_folder(tmp_path_factory):
    """Audits run by module fixtures cache into a folder of this session, never the user's own cache folder."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    yield
    mp.undo()


@pytest.fixture(autouse=True)
def _own_cache_folder(tmp_path_factory):
    """Each test starts with an empty cache folder (the default one, under XDG_CACHE_HOME): a result cached by
    another test never answers for this one. Its own MonkeyPatch: a test's monkeypatch.undo() keeps it."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
    yield
    mp.undo()


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from current output")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


@pytest.fixture
def example_path() -> Path:
    return require_example()
