"""DOCX fixtures built in code: python-docx for what it writes, raw WordprocessingML for what it cannot.

Each builder returns the bytes of a .docx and shows, in a few lines, the markup Word itself produces
for the feature under test (automatic numbering, tracked changes, notes, merged cells ...).
"""

from __future__ import annotations

import io

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

W = nsdecls("w")
WR = nsdecls("w", "r")


def to_bytes(document) -> bytes:
    """Save a python-docx Document to bytes."""
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def set_numbering(document, xml: str) -> None:
    """Replace numbering.xml's definitions with the given w:abstractNum and w:num elements."""
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for el in parse_xml(f"<w:numbering {W}>{xml}</w:numbering>"):
        numbering.append(el)


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    """One w:lvl of an abstract list definition."""
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def numbered(document, text: str, *, num_id: int, ilvl: int = 0, style: str | None = None):
    """A paragraph carrying w:numPr directly, as Word writes a paragraph of a numbered list."""
    p = document.add_paragraph(text, style=style)
    num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id
    return p


def add_paragraph_xml(document, inner: str, namespaces: str = W):
    """Append a raw w:p (before the final section properties)."""
    p = parse_xml(f"<w:p {namespaces}>{inner}</w:p>")
    document.element.body.sectPr.addprevious(p)
    return p


def run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


# --------------------------------------------------------------------------- (a) automatic numbering


OUTLINE_LIST = (  # abstractNum 10: "1." / "1.1." / "a)", as a resolution's operative paragraphs
    '<w:abstractNum w:abstractNumId="10"><w:multiLevelType w:val="multilevel"/>'
    + level(0, "decimal", "%1.") + level(1, "decimal", "%1.%2.") + level(2, "lowerLetter", "%3)")
    + "</w:abstractNum>"
)
BULLET_LIST = ('<w:abstractNum w:abstractNumId="11">'
               + level(0, "bullet", "\uf0b7") + "</w:abstractNum>")
ROMAN_LIST = ('<w:abstractNum w:abstractNumId="12">' + level(0, "lowerRoman", "(%1)") + "</w:abstractNum>")


def numbered_lists_docx() -> bytes:
    """Multi-level numbering, a list continued under a second numId, a startOverride of 6, bullets, roman."""
    d = docx.Document()
    set_numbering(d, OUTLINE_LIST + BULLET_LIST + ROMAN_LIST
                  + '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>'
                  # numId 2 shares abstractNum 10: Word continues the count ("3" after "2").
                  + '<w:num w:numId="2"><w:abstractNumId w:val="10"/></w:num>'
                  # numId 3 is what "Set Numbering Value: 6" writes: a restart through startOverride.
                  + '<w:num w:numId="3"><w:abstractNumId w:val="10"/>'
                    '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="6"/></w:lvlOverride></w:num>'
                  + '<w:num w:numId="4"><w:abstractNumId w:val="11"/></w:num>'
                  + '<w:num w:numId="5"><w:abstractNumId w:val="12"/></w:num>')
    d.add_heading("Introduction", level=1)
    d.add_paragraph("The Council instructs the Secretary-General")
    numbered(d, "to monitor the activities of the Bureaux;", num_id=1)
    numbered(d, "to consider contributions on WSIS+20;", num_id=1)
    numbered(d, "to include information on each Action Line;", num_id=1, ilvl=1)
    numbered(d, "to prepare the vision beyond 2025;", num_id=1, ilvl=1)
    numbered(d, "that the Union plays a leading role;", num_id=1, ilvl=2)
    numbered(d, "that targets are reported every year;", num_id=1, ilvl=2)
    d.add_heading("Proposals", level=1)
    numbered(d, "to publish the report a month before the meeting.", num_id=2)
    numbered(d, "A paragraph whose numbering is switched off.", num_id=0)  # numId 0: no number
    d.add_heading("Quoted resolution", level=1)
    numbered(d, "to report annually on progress in the Action Lines;", num_id=3)
    numbered(d, "to continue to provide timely information;", num_id=3)
    numbered(d, "WSIS Forum", num_id=4)
    numbered(d, "to publish the roadmap", num_id=5)
    numbered(d, "to update the roadmap", num_id=5)
    return to_bytes(d)


# --------------------------------------------------------------------------- (b) style-based numbering


def style_numbering_docx() -> bytes:
    """Numbers that come from paragraph styles (w:numPr in styles.xml), inherited through w:basedOn."""
    d = docx.Document()
    set_numbering(d, '<w:abstractNum w:abstractNumId="20">' + level(0, "decimal", "%1.")
                  + level(1, "decimal", "%1.%2") + "</w:abstractNum>"
                  + '<w:abstractNum w:abstractNumId="21">' + level(0, "upperRoman", "%1.") + "</w:abstractNum>"
                  + '<w:num w:numId="7"><w:abstractNumId w:val="20"/></w:num>'
                  + '<w:num w:numId="8"><w:abstractNumId w:val="21"/></w:num>')
    styles = d.styles
    proposal = styles.add_style("Proposal", WD_STYLE_TYPE.PARAGRAPH)
    proposal.base_style = styles["Normal"]
    proposal.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 7
    # "Proposal detail" inherits numId 7 from "Proposal" and sets only its level.
    detail = styles.add_style("Proposal detail", WD_STYLE_TYPE.PARAGRAPH)
    detail.base_style = proposal
    detail.element.get_or_add_pPr().get_or_add_numPr().get_or_add_ilvl().val = 1
    # A section heading style based on Heading 1 and numbered I., II. by its style.
    section = styles.add_style("Section heading", WD_STYLE_TYPE.PARAGRAPH)
    section.base_style = styles["Heading 1"]
    section.element.get_or_add_pPr().get_or_add_numPr().get_or_add_numId().val = 8

    d.add_paragraph("Introduction", style="Section heading")
    d.add_paragraph("This contribution makes two proposals.")
    d.add_paragraph("Proposals", style="Section heading")
    d.add_paragraph("To include information on each Action Line.", style="Proposal")
    d.add_paragraph("Including the challenges met.", style="Proposal detail")
    d.add_paragraph("To prepare the WSIS+20 vision.", style="Proposal")
    return to_bytes(d)


# --------------------------------------------------------------------------- (c) tracked changes


def tracked_changes_docx() -> bytes:
    """A deletion (w:del/w:delText), an insertion (w:ins) and a hyperlink inside an insertion, plus a field."""
    d = docx.Document()
    d.add_paragraph("Review of the secretariat report")
    rid = d.part.relate_to("https://www.itu.int/net4/wsis/stocktaking", RT.HYPERLINK, is_external=True)
    add_paragraph_xml(d, (
        run("The report ")
        + '<w:del w:id="1" w:author="Reviewer" w:date="2024-05-01T10:00:00Z">'
          '<w:r><w:delText xml:space="preserve">only lists events </w:delText></w:r></w:del>'
        + '<w:ins w:id="2" w:author="Reviewer" w:date="2024-05-01T10:00:00Z">'
        + run("describes progress on each Action Line") + "</w:ins>"
        + run(", as recorded in ")
        + '<w:ins w:id="3" w:author="Reviewer" w:date="2024-05-01T10:00:00Z">'
          f'<w:hyperlink r:id="{rid}">' + run("the WSIS Stocktaking database") + "</w:hyperlink></w:ins>"
        + run(".")
    ), WR)
    # A complex field: the instruction is never shown, the result is.
    add_paragraph_xml(d, (
        run("See ")
        + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        + '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.itu.int/wsis" </w:instrText></w:r>'
        + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        + run("the WSIS website")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        + run(" for the Action Line roadmaps.")
    ))
    return to_bytes(d)


# --------------------------------------------------------------------------- (d) tables


def table_docx() -> bytes:
    """A 2x2 table between two paragraphs, then a table whose first row is one merged cell."""
    d = docx.Document()
    d.add_paragraph("Before the table.")
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "Target", (0, 1): "Status", (1, 0): "Connect schools", (1, 1): "on track"}.items():
        t.cell(r, c).text = text
    d.add_paragraph("After the table.")
    t2 = d.add_table(rows=2, cols=2)
    merged = t2.cell(0, 0).merge(t2.cell(0, 1))  # w:gridSpan="2"
    merged.text = "Action Line C2"
    t2.cell(1, 0).text = "Facilitator"
    t2.cell(1, 1).text = "ITU"
    return to_bytes(d)


# --------------------------------------------------------------------------- (e) notes, (f) header and footer


FOOTNOTES_XML = (
    f'<w:footnotes {W}>'
    '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
    '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p>'
    '</w:footnote>'
    '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
    '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
    + run(" Geneva Plan of Action, WSIS-03/GENEVA/DOC/5, paragraph 6.") + "</w:p></w:footnote>"
    "</w:footnotes>"
)


def footnote_header_docx() -> bytes:
    """A footnote (word/footnotes.xml, related to the document) and a header and footer that are not body."""
    d = docx.Document()
    section = d.sections[0]
    section.header.paragraphs[0].text = "ITU RESTRICTED HEADER"
    section.footer.paragraphs[0].text = "ITU RESTRICTED HEADER (footer copy)"
    d.add_heading("Targets", level=1)
    add_paragraph_xml(d, run("The WSIS targets were set in 2003.")
                      + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                        '<w:footnoteReference w:id="1"/></w:r>'
                      + run(" They were to be met by 2015."))
    d.add_paragraph("A closing paragraph.")
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, FOOTNOTES_XML.encode("utf-8"), d.part.package)
    d.part.relate_to(part, RT.FOOTNOTES)
    return to_bytes(d)


# --------------------------------------------------------------------------- (g) manual numbers


def manual_numbers_docx() -> bytes:
    """Numbers typed by hand before a TAB, as ITU contributions and resolutions are drafted."""
    d = docx.Document()
    # ITU templates set unnumbered section titles ("Purpose", "Action required") in the "Headingb" style.
    headingb = d.styles.add_style("Headingb", WD_STYLE_TYPE.PARAGRAPH)
    headingb.base_style = d.styles["Normal"]
    d.add_paragraph("Purpose", style=headingb)
    d.add_paragraph("This contribution proposes content for the WSIS+20 report.")
    d.add_heading("1\tIntroduction", level=1)
    d.add_paragraph("The Council Resolution 1334 instructs the CWG-WSIS&SDG")
    d.add_paragraph("1\tto monitor and discuss the activities of the Secretary-General;")
    d.add_paragraph("2\tto consider ITU\u2019s contributions to WSIS+20;")
    d.add_paragraph("II\tProposals")
    d.add_paragraph("2.1.\tTo include information on each Action Line.")
    d.add_paragraph("2.4 To publish the report a month before the meeting.")
    d.add_paragraph("a)\tthat the Union plays a role;")
    d.add_paragraph("(iii) to publish the roadmap")
    d.add_paragraph("\u2013\tWSIS Forum")
    d.add_paragraph("C2.\tInformation and communication infrastructure")
    d.add_paragraph("2024 was a year of progress for the Union.")
    d.add_paragraph("3.5 million people were connected.")
    return to_bytes(d)


# --------------------------------------------------------------------------- benchmark-sized document


def large_docx(paragraphs: int = 300) -> bytes:
    """About ``paragraphs`` body paragraphs: headings, numbered items, plain text and a table every 50."""
    d = docx.Document()
    set_numbering(d, OUTLINE_LIST + '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>')
    count = 0
    while count < paragraphs:
        if count % 50 == 0:
            d.add_heading(f"Section {count // 50 + 1}", level=1)
            t = d.add_table(rows=2, cols=2)
            for r in range(2):
                for c in range(2):
                    t.cell(r, c).text = f"cell {r}{c} of section {count // 50 + 1}"
            count += 5
        elif count % 3 == 0:
            numbered(d, f"to report on Action Line item {count} with figures and challenges;", num_id=1,
                     ilvl=count % 2)
            count += 1
        else:
            d.add_paragraph(f"Paragraph {count}: the Union continued its work on connectivity, capacity "
                            "building and cybersecurity, as requested by the Council and the Plenipotentiary.")
            count += 1
    return to_bytes(d)
