"""A short fuzz run in every test run (#18): mutated corpus files never crash a parser, nor break its limits.

The long run is `python -m tests.fuzz --per-format 10000` (docs/reliability.md).
"""

from __future__ import annotations

import warnings

import pytest

from tests.fuzz.harness import FORMATS, cases, classify, parse_case, run
from tests.fuzz.limits import run_limited

# A few hundred cases in all keeps the suite's time (a case is a fork and a parse: about 0.03 s).
PER_FORMAT = 100


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files_are_parsed_or_refused_with_a_documented_code(fmt):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        report = run(PER_FORMAT, formats=(fmt,))
    counts = report.counts[fmt]
    assert sum(counts.values()) == PER_FORMAT
    assert report.bad == 0, "\n".join(report.lines())
    assert counts["parsed"] and counts["refused"], counts  # the mutations reach both outcomes


def test_the_same_seed_gives_the_same_cases():
    assert [c[1:] for c in cases("docx", 5, 7)] == [c[1:] for c in cases("docx", 5, 7)]
    assert [c[2] for c in cases("pdf", 5, 7)] != [c[2] for c in cases("pdf", 5, 8)]


def test_the_same_seed_gives_the_same_bytes_whatever_the_clock(monkeypatch):
    import time

    monkeypatch.setattr(time, "time", lambda: 1_800_000_000.0)
    first = [c[1:] for c in cases("docx", 5, 7)]
    monkeypatch.setattr(time, "time", lambda: 1_800_000_100.0)  # a rewritten ZIP member is not stamped with the clock
    assert [c[1:] for c in cases("docx", 5, 7)] == first


def test_the_harness_tells_a_bug_from_a_refusal():
    def crash(data, name):
        raise KeyError("a bug")
    assert classify(run_limited(crash, b"", "x"))[0] == "internal"
    assert classify(run_limited(parse_case, b"", "empty.txt"))[0] == "refused"

    def hog(data, name):
        return len(bytearray(2 << 30))
    assert classify(run_limited(hog, b"", "x"))[0] == "over_limits"


def test_the_memory_limit_counts_what_a_case_adds_not_what_the_parent_already_maps():
    import mmap

    def take(n):
        return len(bytearray(n))
    # A warm test process maps over 1 GB (models, libraries); an untouched 1.5 GB mapping stands in for it here.
    held = mmap.mmap(-1, 3 << 29)
    try:
        outcome = run_limited(take, 300 << 20)
        assert outcome.kind == "ok" and outcome.value == 300 << 20, outcome
        assert run_limited(take, 2 << 30).kind == "over_limits"
    finally:
        held.close()
