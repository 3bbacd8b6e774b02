"""The PDF parser, judged by what a user sees: text in reading order, no page furniture, clear errors."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ExitCode, InputError
from pipeline.model import BlockKind, Document
from pipeline.parse import parse_bytes
from pipeline.parse.pdf import parse_pdf
from tests import fixtures_pdf as F


def parse(data: bytes, name: str = "fixture.pdf") -> Document:
    return parse_bytes(data, path=name)


@pytest.fixture(scope="module")
def report() -> Document:
    return parse(F.report_pdf(pages=3))


@pytest.fixture(scope="module")
def two_columns() -> Document:
    return parse(F.two_column_pdf())


@pytest.fixture(scope="module")
def table() -> Document:
    return parse(F.table_pdf())


def by_text(doc: Document, fragment: str):
    found = [b for b in doc.blocks if fragment in b.text]
    assert found, f"no block contains {fragment!r}"
    return found[0]


# --- page furniture --------------------------------------------------------------------------------
def test_running_header_and_footer_are_gone(report):
    assert report.pages == 3
    for b in report.blocks:
        assert F.RUNNING_HEADER not in b.text
        assert not re.search(r"Page \d+ of \d+", b.text), b.text


@pytest.mark.parametrize(("header", "footer"), [
    ("", "- {n} -"),
    ("", "{n}"),
    ("C26/12-E", "C26/12-E {n}"),
    ("WSIS Forum 2025 outcome document", "Page {n}"),
])
def test_page_furniture_variants_are_gone(header, footer):
    doc = parse(F.report_pdf(pages=3, header=header, footer=footer))
    assert doc.blocks[0].text == "Report on the implementation of WSIS outcomes"
    for b in doc.blocks:
        assert not re.fullmatch(r"[-\s]*\d+[-\s]*", b.text), b.text
        assert "C26/12-E" not in b.text and "outcome document" not in b.text and "Page " not in b.text


def test_single_page_keeps_its_top_line():
    doc = parse(F.report_pdf(pages=1))
    # Nothing repeats on one page, so the symbol line is content; only the bare page number goes.
    assert doc.symbol == F.RUNNING_HEADER
    assert not any(re.search(r"Page \d+ of \d+", b.text) for b in doc.blocks)


def test_every_block_has_its_page(report):
    assert all(b.locator.page is not None and 1 <= b.locator.page <= report.pages for b in report.blocks)
    assert by_text(report, "Capacity building").locator.page == 1
    assert by_text(report, "Further work in year 2020").locator.page == 2
    assert by_text(report, "Further work in year 2021").locator.page == 3


# --- lines into paragraphs -------------------------------------------------------------------------
def test_hyphenated_line_break_is_joined(report):
    block = by_text(report, "in the implementation of the outcomes")
    assert "imple-" not in report.text and "imple mentation" not in report.text
    assert block.kind is BlockKind.PARAGRAPH
    assert block.text.endswith("as requested by the Council.")  # three lines, one paragraph


def test_real_hyphen_is_kept_before_a_capital(report):
    assert "authority of the Secretary-General and reviewed" in by_text(report, "Secretary").text


def test_paragraph_runs_on_across_a_page_break():
    doc = parse(F.long_report_pdf(pages=12, table_every=5))
    starts_lower = [b.text[:40] for b in doc.blocks if b.text[0].islower()]
    assert not starts_lower, "a paragraph was cut at a page break"


# --- headings and lists ----------------------------------------------------------------------------
def test_headings_from_size_and_weight_with_labels(report):
    headings = {b.text: b for b in report.blocks if b.kind is BlockKind.HEADING}
    assert report.title == "Report on the implementation of WSIS outcomes"
    assert headings["Report on the implementation of WSIS outcomes"].level == 1
    assert (headings["Introduction"].label, headings["Activities"].label) == ("1", "2")
    assert headings["Capacity building"].label == "2.1"
    assert headings["Introduction"].level < headings["Capacity building"].level
    assert by_text(report, "Regional workshops").heading_trail == (
        "Report on the implementation of WSIS outcomes", "2 Activities", "2.1 Capacity building")


def test_numbered_items_are_list_items(report):
    items = [b for b in report.blocks if b.kind is BlockKind.LIST_ITEM]
    assert [b.label for b in items] == ["1", "2", "3"]
    assert items[0].text.startswith("Regional workshops")
    # The wrapped second line belongs to item 2.
    assert items[1].text.endswith("made available free of charge to all Member States.")


def test_footnote_is_kept_apart(report):
    note = by_text(report, "See Resolution 140")
    assert note.kind is BlockKind.FOOTNOTE and note.label == "1"
    assert note.text == F.FOOTNOTE_TEXT


@pytest.mark.parametrize(("line", "label", "text"), [
    ("1. Text", "1", "Text"),
    ("2.1. Text", "2.1", "Text"),
    ("2.1 Text", "2.1", "Text"),
    ("a) Text", "a)", "Text"),
    ("(iv) Text", "(iv)", "Text"),
    ("• Text", "•", "Text"),
    ("1 Introduction", "1", "Introduction"),
])
def test_list_labels(line, label, text):
    from pipeline.parse.pdf import _list_label

    found = _list_label(line)
    assert found is not None and found[:2] == (label, text)


@pytest.mark.parametrize("line", ["15 countries joined", "2030 Agenda for Sustainable Development", "e.g. this"])
def test_not_list_labels(line):
    from pipeline.parse.pdf import _list_label

    assert _list_label(line) is None


# --- layout ----------------------------------------------------------------------------------------
def test_two_columns_read_left_then_right(two_columns):
    text = two_columns.text
    order = [text.index(s) for s in (
        "A two-column page", "Left column opens here", "closes the left column now", "Left filler line 19",
        "Right column starts", "closes the page.", "Right filler line 0", "Right filler line 19")]
    assert order == sorted(order)
    assert by_text(two_columns, "Left column opens").text == (
        "Left column opens here and its first sentence continues on this line and ends in the left column for sure.")


def test_footnote_at_the_foot_of_a_short_column_stays_out_of_the_paragraph_beside_it():
    doc = parse(F.two_column_footnote_pdf())
    # The left column's paragraph reads whole and in order, though footnote lines sit on its last rows.
    assert by_text(doc, "The second page opens").text == " ".join(F.SHORT_PAGE_PARAGRAPH)
    assert by_text(doc, "The right column holds").text == " ".join(F.SHORT_PAGE_CLOSING)
    note = by_text(doc, "Footnote printed")
    assert note.kind is BlockKind.FOOTNOTE and note.label == "1"
    assert note.text == " ".join(F.COLUMN_FOOTNOTE_LINES)
    assert not any("Footnote" in b.text for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE)
    texts = [b.text for b in doc.blocks]
    assert texts.index(by_text(doc, "The second page opens").text) < texts.index(note.text)


def test_table_cells(table):
    cells = {b.table: b.text for b in table.blocks if b.kind is BlockKind.TABLE_CELL}
    assert len(cells) == len(F.TABLE_ROWS) * 3
    assert cells[(0, 0, 0)] == "Action line"
    assert cells[(0, 1, 0)] == "C1 Role of governments"
    assert cells[(0, 3, 0)] == "C5 Building confidence and security"  # a cell of two lines
    assert all(b.locator.page == 1 for b in table.blocks)
    others = [b for b in table.blocks if b.kind is not BlockKind.TABLE_CELL]
    assert not any("UNDESA" in b.text or "Completed" in b.text for b in others), "table text repeated"
    kinds = [b.kind for b in table.blocks]
    assert kinds.index(BlockKind.TABLE_CELL) < [b.text for b in table.blocks].index(
        "The text after the table is an ordinary paragraph.")


def test_table_drawn_with_separate_rules():
    doc = parse(F.lined_table_pdf())
    cells = {b.table: b.text for b in doc.blocks if b.kind is BlockKind.TABLE_CELL}
    assert cells[(0, 3, 0)] == "C5 Building confidence and security"
    assert cells[(0, 2, 2)] == "Completed"
    assert doc.blocks[-1].text == "A paragraph after the ruled table."


def test_pdfplumber_fallback_reads_the_same_cells(table, monkeypatch):
    import pipeline.parse.pdf.tables as pdf_tables

    def broken(*args, **kwargs):
        raise TypeError("table finder API changed")

    monkeypatch.setattr(pdf_tables, "_tables_from_edges", broken)
    slow = parse(F.table_pdf())
    assert [(b.table, b.text) for b in slow.blocks] == [(b.table, b.text) for b in table.blocks]


# --- errors ----------------------------------------------------------------------------------------
def test_encrypted_pdf():
    with pytest.raises(InputError) as err:
        parse(F.encrypted_pdf())
    assert err.value.code == ExitCode.ENCRYPTED


def test_textless_pdf():
    with pytest.raises(InputError) as err:
        parse(F.textless_pdf())
    assert err.value.code == ExitCode.NO_TEXT_LAYER


def test_partly_scanned_pdf_warns_with_the_page():
    doc = parse(F.partly_scanned_pdf())
    assert doc.blocks and doc.pages == 2
    assert any("page 2" in w and "no text layer" in w for w in doc.warnings)


@pytest.mark.parametrize("builder", [F.report_pdf, F.two_column_pdf, F.table_pdf])
def test_truncated_pdf_is_corrupt(builder):
    data = builder()
    with pytest.raises(InputError) as err:
        parse(data[: len(data) // 2])
    assert err.value.code == ExitCode.CORRUPT


# --- invariants ------------------------------------------------------------------------------------
@pytest.mark.parametrize("builder", [F.report_pdf, F.two_column_pdf, F.table_pdf, F.partly_scanned_pdf])
def test_spans_index_the_text(builder):
    doc = parse(builder())
    assert doc.format == "pdf" and doc.parser == "pdf/5"
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        assert b.text == b.text.strip() and b.text


def test_same_bytes_same_document():
    data = F.report_pdf()
    assert parse(data).to_dict() == parse(data).to_dict()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_junk_after_pdf_header_raises_only_input_errors(junk):
    try:
        parse_pdf(b"%PDF-1.4\n" + junk, path="junk.pdf", sha256="0" * 64)
    except InputError:
        pass


_SEEDS = {"report": F.report_pdf(pages=2), "table": F.table_pdf()}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(_SEEDS)), st.integers(0, 2**32 - 1), st.integers(1, 40))
def test_damaged_pdf_parses_or_raises_input_error(name, seed, n_changes):
    rng = random.Random(seed)
    data = bytearray(_SEEDS[name])
    for _ in range(n_changes):
        data[rng.randrange(len(data))] = rng.randrange(256)
    try:
        doc = parse_pdf(bytes(data), path="damaged.pdf", sha256="0" * 64)
    except InputError:
        return
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
