"""Text parser: the real Word-export contribution and hand-made text cases."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.errors import InputError
from pipeline.model import BlockKind
from pipeline.parse import parse_bytes
from tests.conftest import ROOT


def _labels_under(doc, heading_text):
    return [b.label for b in doc.blocks
            if b.kind is BlockKind.LIST_ITEM and b.heading_trail and b.heading_trail[-1] == heading_text]


def test_real_contribution_structure(example_path):
    doc = parse_bytes(example_path.read_bytes(), path=example_path.name)
    headings = [(b.label, b.text) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [(None, "Purpose"), (None, "Action required"), ("I", "Introduction"), ("II", "Proposals")]
    assert _labels_under(doc, "II Proposals") == ["2.1", "2.2", "2.3", "2.4", "2.5"]
    # The quoted resolution items keep their printed, non-contiguous numbers; ellipsis lines are gone.
    assert _labels_under(doc, "I Introduction") == ["1", "2", "1", "6", "9", "4"]
    assert all(b.text not in {"…", "..."} for b in doc.blocks)
    assert not any("[bookmark:" in b.text for b in doc.blocks)
    item6 = next(b for b in doc.blocks if b.label == "6")
    assert item6.text.startswith("to report annually on progress")
    assert item6.locator.line == 13


def test_real_contribution_golden(example_path, update_golden):
    doc = parse_bytes(example_path.read_bytes(), path=example_path.name)
    golden = ROOT / "tests" / "golden" / "parse-contribution" / "expected.json"
    got = json.dumps(doc.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if update_golden:
        golden.write_text(got, encoding="utf-8")
    if not golden.exists():
        pytest.fail(f"{golden} is missing: run `python -m pytest --update-golden` and review it")
    assert got == golden.read_text(encoding="utf-8")


def test_markdown_headings_lists_tables():
    md = ("# Report on WSIS\n\nIntro paragraph that runs\nover two lines.\n\n## 2.1 Action Line C5\n\n"
          "- first bullet\n- second bullet\n\n1. numbered one\n2. numbered two\n\n"
          "| Target | Status |\n|---|---|\n| 2% | met |\n").encode()
    doc = parse_bytes(md, path="r.md")
    assert doc.format == "markdown"
    kinds = [(b.kind, b.label, b.text) for b in doc.blocks]
    assert (BlockKind.HEADING, None, "Report on WSIS") in kinds
    assert (BlockKind.PARAGRAPH, None, "Intro paragraph that runs over two lines.") in kinds
    assert (BlockKind.HEADING, "2.1", "Action Line C5") in kinds
    assert (BlockKind.LIST_ITEM, "2", "numbered two") in kinds
    cells = [(b.table, b.text) for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [((0, 0, 0), "Target"), ((0, 0, 1), "Status"), ((0, 1, 0), "2%"), ((0, 1, 1), "met")]
    item = next(b for b in doc.blocks if b.text == "numbered two")
    assert item.heading_trail == ("Report on WSIS", "2.1 Action Line C5")


@pytest.mark.parametrize("line, kind, label", [
    ("I\tIntroduction", BlockKind.HEADING, "I"),
    ("2.1.\tTo include the information on each Action Line in the report.", BlockKind.LIST_ITEM, "2.1"),
    ("a)\tthat the Union plays a role;", BlockKind.LIST_ITEM, "a)"),
    ("(iii) to publish the roadmap", BlockKind.LIST_ITEM, "(iii)"),
    ("2024 was a year of progress for the Union.", BlockKind.PARAGRAPH, None),
    ("instructs the Secretary-General", BlockKind.PARAGRAPH, None),
    ("3\tImplementation of the Action Lines", BlockKind.HEADING, "3"),
])
def test_line_classification(line, kind, label):
    doc = parse_bytes(f"Title line of the document\n{line}\nA closing sentence follows here.\n".encode(), path="t.txt")
    block = doc.blocks[1]
    assert (block.kind, block.label) == (kind, label)


def test_cp1252_reads_correctly():
    data = "The Union\u2019s report \u2013 r\u00e9sum\u00e9 of \u201cConnect 2030\u201d.\n".encode("cp1252")
    doc = parse_bytes(data, path="legacy.txt")
    assert doc.blocks[0].text == "The Union\u2019s report \u2013 r\u00e9sum\u00e9 of \u201cConnect 2030\u201d."
    assert "decoded as cp1252" in doc.warnings


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_spans_index_text_exactly(text):
    try:
        doc = parse_bytes(text.encode("utf-8"), path="h.txt")
    except InputError:
        return
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=600))
def test_random_bytes_raise_only_input_error(data):
    try:
        parse_bytes(data, path="junk.bin")
    except InputError:
        pass
