"""DOCX parser: what a reader of the Word file sees, built from fixtures in tests/fixtures_docx.py."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.errors import ExitCode, InputError
from pipeline.model import BlockKind
from pipeline.parse import parse_bytes
from pipeline.parse.docx import parse_docx
from tests import fixtures_docx as fx

BUILDERS = [fx.numbered_lists_docx, fx.style_numbering_docx, fx.tracked_changes_docx, fx.table_docx,
            fx.footnote_header_docx, fx.manual_numbers_docx]


def parse(data: bytes, name: str = "fixture.docx"):
    return parse_bytes(data, path=name)


def items(doc):
    return [(b.label, b.text) for b in doc.blocks if b.kind is BlockKind.LIST_ITEM]


def block(doc, text_start: str):
    return next(b for b in doc.blocks if b.text.startswith(text_start))


def rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """The same package with some parts replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
            else:
                dst.writestr(info, src.read(info))
    return out.getvalue()


# ----------------------------------------------------------------------------- automatic numbering


def test_multilevel_numbers_read_as_word_shows_them():
    doc = parse(fx.numbered_lists_docx())
    assert doc.format == "docx" and doc.parser == "docx/4"
    assert items(doc)[:6] == [
        ("1", "to monitor the activities of the Bureaux;"),
        ("2", "to consider contributions on WSIS+20;"),
        ("2.1", "to include information on each Action Line;"),
        ("2.2", "to prepare the vision beyond 2025;"),
        ("a)", "that the Union plays a leading role;"),
        ("b)", "that targets are reported every year;"),
    ]
    assert [b.level for b in doc.blocks if b.label in {"2", "2.1", "a)"}] == [1, 2, 3]


def test_list_continues_across_num_ids_and_restarts_at_start_override():
    doc = parse(fx.numbered_lists_docx())
    # numId 2 shares the abstract list with numId 1: Word shows 3, not 1.
    assert block(doc, "to publish the report").label == "3"
    # numId 3 carries startOverride 6 (a quoted resolution keeps its printed numbers).
    assert [block(doc, "to report annually").label, block(doc, "to continue to provide").label] == ["6", "7"]


def test_bullets_roman_and_numbering_switched_off():
    doc = parse(fx.numbered_lists_docx())
    bullet = block(doc, "WSIS Forum")
    assert (bullet.kind, bullet.label) == (BlockKind.LIST_ITEM, None)
    assert [block(doc, "to publish the roadmap").label, block(doc, "to update the roadmap").label] == ["(i)", "(ii)"]
    off = block(doc, "A paragraph whose numbering")
    assert (off.kind, off.label) == (BlockKind.PARAGRAPH, None)


def test_list_item_heading_trail_names_its_section():
    doc = parse(fx.numbered_lists_docx())
    assert block(doc, "to include information").heading_trail == ("Introduction",)
    assert block(doc, "to report annually").heading_trail == ("Quoted resolution",)


def test_style_based_numbering_follows_based_on():
    doc = parse(fx.style_numbering_docx())
    headings = [(b.label, b.text, b.level) for b in doc.blocks if b.kind is BlockKind.HEADING]
    assert headings == [("I", "Introduction", 1), ("II", "Proposals", 1)]
    assert items(doc) == [("1", "To include information on each Action Line."),
                          ("1.1", "Including the challenges met."),
                          ("2", "To prepare the WSIS+20 vision.")]
    assert block(doc, "To prepare").heading_trail == ("II Proposals",)


# ----------------------------------------------------------------------------- text as shown


def test_tracked_changes_read_as_accepted():
    doc = parse(fx.tracked_changes_docx())
    assert "only lists events" not in doc.text
    para = block(doc, "The report")
    assert para.text == ("The report describes progress on each Action Line, "
                         "as recorded in the WSIS Stocktaking database.")
    assert any("tracked change" in w for w in doc.warnings)


def test_field_instructions_hidden_field_results_kept():
    doc = parse(fx.tracked_changes_docx())
    assert "HYPERLINK" not in doc.text
    assert block(doc, "See").text == "See the WSIS website for the Action Line roadmaps."


def test_table_cells_sit_between_the_paragraphs_around_them():
    doc = parse(fx.table_docx())
    seq = [(b.kind, b.table, b.text) for b in doc.blocks]
    assert seq[:6] == [
        (BlockKind.PARAGRAPH, None, "Before the table."),
        (BlockKind.TABLE_CELL, (0, 0, 0), "Target"),
        (BlockKind.TABLE_CELL, (0, 0, 1), "Status"),
        (BlockKind.TABLE_CELL, (0, 1, 0), "Connect schools"),
        (BlockKind.TABLE_CELL, (0, 1, 1), "on track"),
        (BlockKind.PARAGRAPH, None, "After the table."),
    ]
    # The merged first row of the second table is one cell, not two copies.
    assert [(b.table, b.text) for b in doc.blocks[6:]] == [
        ((1, 0, 0), "Action Line C2"), ((1, 1, 0), "Facilitator"), ((1, 1, 1), "ITU")]


def test_footnote_is_a_block_and_headers_footers_are_not_body():
    doc = parse(fx.footnote_header_docx())
    assert "RESTRICTED" not in doc.text
    note = doc.blocks[-1]
    assert (note.kind, note.label) == (BlockKind.FOOTNOTE, "1")
    assert note.text == "Geneva Plan of Action, WSIS-03/GENEVA/DOC/5, paragraph 6."
    # The note points at the paragraph that carries its reference mark.
    assert note.locator.paragraph == block(doc, "The WSIS targets").locator.paragraph == 2
    assert block(doc, "The WSIS targets").text == "The WSIS targets were set in 2003. They were to be met by 2015."


@pytest.mark.parametrize("text, kind, label", [
    ("Purpose", BlockKind.HEADING, None),  # ITU "Headingb" style
    ("Introduction", BlockKind.HEADING, "1"),  # Heading 1 "1\tIntroduction"
    ("to monitor and discuss", BlockKind.LIST_ITEM, "1"),
    ("to consider ITU", BlockKind.LIST_ITEM, "2"),
    ("Proposals", BlockKind.HEADING, "II"),
    ("To include information", BlockKind.LIST_ITEM, "2.1"),
    ("To publish the report", BlockKind.LIST_ITEM, "2.4"),
    ("that the Union plays", BlockKind.LIST_ITEM, "a)"),
    ("to publish the roadmap", BlockKind.LIST_ITEM, "(iii)"),
    ("WSIS Forum", BlockKind.LIST_ITEM, None),  # "–\t" typed bullet
    ("Information and communication", BlockKind.LIST_ITEM, "C2"),  # WSIS Action Line code
    ("2024 was a year", BlockKind.PARAGRAPH, None),
    ("3.5 million people", BlockKind.PARAGRAPH, None),
])
def test_manual_numbers(text, kind, label):
    doc = parse(fx.manual_numbers_docx())
    b = block(doc, text)
    assert (b.kind, b.label) == (kind, label)
    assert "\t" not in b.text


def test_locators_count_body_paragraphs_with_table_paragraphs():
    doc = parse(fx.table_docx())
    assert [b.locator.paragraph for b in doc.blocks] == [1, 2, 3, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize("builder", BUILDERS, ids=lambda f: f.__name__)
def test_every_span_indexes_the_text(builder):
    doc = parse(builder())
    assert doc.blocks
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
        assert b.text == b.text.strip() and "\t" not in b.text and "\n" not in b.text


def test_large_document_parses_completely():
    doc = parse(fx.large_docx(300))
    assert sum(1 for b in doc.blocks if b.kind is BlockKind.LIST_ITEM) > 50
    assert sum(1 for b in doc.blocks if b.kind is BlockKind.TABLE_CELL) == 4 * 6


# ----------------------------------------------------------------------------- damaged files


def test_truncated_docx_is_corrupt():
    data = fx.manual_numbers_docx()
    with pytest.raises(InputError) as info:
        parse(data[: len(data) // 2], "cut.docx")
    assert info.value.code == ExitCode.CORRUPT
    assert "DOCX" in info.value.line()


def test_zip_without_document_part():
    data = rezip(fx.manual_numbers_docx(), {"word/document.xml": None})
    with pytest.raises(InputError) as info:
        parse(data, "not-word.zip")
    assert info.value.code == ExitCode.UNKNOWN_FORMAT
    # Called directly (format already decided), the same package is a damaged DOCX.
    with pytest.raises(InputError) as info:
        parse_docx(data, path="not-word.zip", sha256="0" * 64)
    assert info.value.code == ExitCode.CORRUPT


def test_broken_document_xml_is_corrupt():
    data = rezip(fx.manual_numbers_docx(), {"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(InputError) as info:
        parse(data)
    assert info.value.code == ExitCode.CORRUPT


def test_broken_styles_part_still_reads_the_body():
    doc = parse(rezip(fx.manual_numbers_docx(), {"word/styles.xml": b"<w:styles"}))
    assert block(doc, "to monitor and discuss").label == "1"
    assert any("styles.xml" in w for w in doc.warnings)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=800))
def test_junk_after_zip_magic_raises_only_input_error(tail):
    data = b"PK\x03\x04" + tail
    for call in (lambda: parse(data, "junk.docx"),
                 lambda: parse_docx(data, path="junk.docx", sha256=hashlib.sha256(data).hexdigest())):
        try:
            call()
        except InputError:
            pass


_VALID = fx.numbered_lists_docx()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=len(_VALID) - 1), st.binary(min_size=1, max_size=16))
def test_damaged_real_package_raises_only_input_error(position, junk):
    data = _VALID[:position] + junk + _VALID[position + len(junk):]
    try:
        doc = parse_docx(data, path="damaged.docx", sha256="0" * 64)
    except InputError:
        return
    for b in doc.blocks:
        assert doc.text[b.start:b.end] == b.text
