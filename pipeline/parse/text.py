"""Plain text and Markdown into blocks with provenance.

Plain text and Markdown: Word's "plain text" export (one paragraph per line, tabs after numbers) and text with hard line
breaks (e-mail, web pages, PDF-to-text tools), whose paragraphs are rebuilt first (reflow.py)."""

from __future__ import annotations

import re

from ..model import BlockKind, Document, Locator
from .base import SECTION_NAMES, RawBlock, build_document, clean_text
from .columns import tab_row
from .detect import decode_text
from .reflow import MAIL_HEADER_RE, hard_wrapped, reflow

# Word export artefacts: bookmarks survive as "[bookmark: _Hlk153551707]".
BOOKMARK_RE = re.compile(r"\[bookmark: [^\]]*\]")
# Lines that stand for omitted items in quoted resolutions, and separator rules.
ELLIPSIS_RE = re.compile(r"^\s*(?:\u2026|\.{3}|\[\u2026\]|\[\.\.\.\])\s*$")
RULE_RE = re.compile(r"^\s*[_\-=*\u2014\u2013]{4,}\s*$")
# "# Title", "## Title ##": the optional closing hashes are stripped by md_heading, not by the pattern, so that
# a long run of spaces cannot make the pattern backtrack (a lazy group before "\s*#*\s*$" was quadratic).
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
BULLET_RE = re.compile(r"^\s*[\u2022\u25aa\u25cf\u2013\-*]\s+(.*)$")
# A label at the start of a line: "2.1.", "6", "a)", "(iii)", "I", "IV." - followed by a tab or spaces.
LABEL_RE = re.compile(
    r"^\s*(?P<label>(?:\d{1,3}\.)*\d{1,3}\.?|\d{1,3}\)|\(\d{1,3}\)|[a-z]\)|\([a-z]{1,4}\)|[ivx]{1,5}\)|[IVX]{1,5}\.?"
    # "a.", "ii." only before a tab or a word in lower case ("e.g. …" and "i.e. …" have no space after the letter).
    r"|(?:[a-z]|[ivx]{2,5})\.(?=\t| [a-z]))"
    r"(?P<sep>\t+|\s+)(?P<rest>\S.*)$"
)
DATE_REST_RE = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|"
                          r"December)\b\s*\d{4}\b")
UNIT_REST_RE = re.compile(r"^(?:billion|million|thousand|per\s*cent|percent|%)\b")
ROMAN_RE = re.compile(r"^[IVX]{1,5}$")
# Short lines a contribution or report opens sections with, even without a number.
SECTION_WORDS = SECTION_NAMES | {"proposals", "conclusions", "recommendations", "references", "annex",
                                 "executive summary"}
# "Tasks: the Working Group shall" opens a list of tasks; a heading asks nothing.
MODAL_WORDS = re.compile(r"\b(?:shall|should|must|will)\b", re.IGNORECASE)
OPERATIVE_WORDS = re.compile(r"\b(instructs|resolves|decides|requests|invites|encourages|urges|calls|recommends)\b",
                             re.IGNORECASE)


def parse_text(data: bytes, *, path: str, sha256: str, markdown: bool = False) -> Document:
    """Parse text bytes (UTF-8, UTF-16 with BOM, or cp1252) into a Document."""
    text, encoding = decode_text(data)
    warnings = [f"decoded as {encoding}"] if encoding == "cp1252" else []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not markdown and hard_wrapped(lines):
        raw = _blocks_from_wrapped(lines)
    else:
        raw = _blocks_from_lines(lines, wrapped=markdown or _looks_wrapped(lines))
    return build_document(raw, path=path, sha256=sha256, fmt="markdown" if markdown else "text", parser="text/5",
                          warnings=warnings)


def _looks_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped text (paragraphs span several lines) rather than one paragraph per line."""
    nonempty = [ln for ln in lines if ln.strip()]
    if len(nonempty) < 8:
        return False
    in_band = sum(1 for ln in nonempty if 50 <= len(ln.rstrip()) <= 100)
    return in_band / len(nonempty) > 0.6 and max(len(ln.rstrip()) for ln in nonempty) <= 110


def _blocks_from_wrapped(lines: list[str]) -> list[RawBlock]:
    """Text with hard line breaks: paragraphs rebuilt first (see reflow.py), then each read like a line."""
    kept = ["" if ELLIPSIS_RE.match(ln) or RULE_RE.match(ln) else BOOKMARK_RE.sub("", ln) for ln in lines]
    return [_classify(text, number) for number, text in reflow(kept)]


def _blocks_from_lines(lines: list[str], *, wrapped: bool) -> list[RawBlock]:
    raw: list[RawBlock] = []
    pending: list[str] = []
    pending_line = 0
    table_index = -1
    table_row = 0
    in_table = False

    def flush() -> None:
        nonlocal pending
        if pending:
            raw.append(_classify(" ".join(s.strip() for s in pending), pending_line))
            pending = []

    for number, line in enumerate(lines, start=1):
        line = BOOKMARK_RE.sub("", line).rstrip()
        if ELLIPSIS_RE.match(line) or RULE_RE.match(line):
            flush()
            continue
        if not line.strip():
            flush()
            in_table = False
            continue
        stripped = line.strip()
        if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 2:
            flush()
            cells = [c.strip() for c in stripped.strip("|").split("|")]
            if all(re.fullmatch(r":?-{2,}:?", c) for c in cells if c):
                continue  # Markdown header separator row
            if not in_table:
                table_index += 1
                table_row = 0
                in_table = True
            for col, cell in enumerate(cells):
                if cell:
                    raw.append(RawBlock(kind=BlockKind.TABLE_CELL, text=cell, locator=Locator(line=number),
                                        table=(table_index, table_row, col)))
            table_row += 1
            continue
        in_table = False
        # (a table's row typed with tabs is a line of its own, and so is the line after it)
        tabbed = tab_row(stripped)
        starts_block = bool(MD_HEADING_RE.match(line) or BULLET_RE.match(line) or LABEL_RE.match(line) or tabbed)
        if wrapped and pending and not starts_block and not tab_row(pending[-1]):
            pending.append(line)
            continue
        flush()
        pending = [line]
        pending_line = number
        if not wrapped or tabbed:
            flush()
    flush()
    return raw


def md_heading(line: str) -> tuple[int, str] | None:
    """(level, text) of a Markdown ATX heading, closing hashes and spaces removed; None for other lines."""
    m = MD_HEADING_RE.match(line)
    if not m:
        return None
    text = m.group(2).rstrip()
    bare = text.rstrip("#")
    if bare != text and (not bare or bare[-1].isspace()):
        text = bare.rstrip()
    return len(m.group(1)), text


def _classify(line: str, number: int) -> RawBlock:
    """One line (or joined paragraph) to a heading, list item or paragraph."""
    loc = Locator(line=number)
    heading = md_heading(line)
    if heading:
        depth, text = heading
        lm = LABEL_RE.match(text)
        if lm and _heading_like(lm.group("rest")):
            return RawBlock(kind=BlockKind.HEADING, text=lm.group("rest"), label=_norm_label(lm.group("label")),
                            level=depth, locator=loc)
        return RawBlock(kind=BlockKind.HEADING, text=text, level=depth, locator=loc)
    m = BULLET_RE.match(line)
    if m:
        return RawBlock(kind=BlockKind.LIST_ITEM, text=m.group(1), level=1, locator=loc)
    m = LABEL_RE.match(line)
    if m and (DATE_REST_RE.match(m.group("rest")) or UNIT_REST_RE.match(m.group("rest"))):
        m = None  # "13 July 2012" is a date, "2.6 billion people …" a figure, not item 13 or 2.6
    if m:
        label, sep, rest = m.group("label"), m.group("sep"), m.group("rest")
        is_roman = bool(ROMAN_RE.match(label.rstrip(".")))
        if is_roman and not ("\t" in sep or _heading_like(rest)):
            return _plain(line, loc)  # "I think ..." is a sentence, not a section
        if _heading_like(rest) and (is_roman or not rest[:1].islower()):
            label = _norm_label(label)
            level = 1 if is_roman else label.count(".") + 1
            return RawBlock(kind=BlockKind.HEADING, text=rest, label=label, level=level, locator=loc)
        if not is_roman:
            label = _norm_label(label)
            level = label.count(".") + 1 if label[0].isdigit() else 2
            return RawBlock(kind=BlockKind.LIST_ITEM, text=rest, label=label, level=level, locator=loc)
    return _plain(line, loc)


def _plain(line: str, loc: Locator) -> RawBlock:
    block = _plain_kind(line, loc)
    # (a table's row typed with tabs keeps them: build_document reads its cells by them, then makes them spaces)
    return RawBlock(kind=block.kind, text=line.strip(), locator=loc, level=block.level) if "\t" in line.strip() else block


def _plain_kind(line: str, loc: Locator) -> RawBlock:
    text = clean_text(line)
    if MAIL_HEADER_RE.match(text):  # "Subject: Council Decision on the WSIS Follow-Up" is no section heading
        return RawBlock(kind=BlockKind.PARAGRAPH, text=text, locator=loc)
    if _heading_like(text) and (text.lower() in SECTION_WORDS or _title_case(text)):
        return RawBlock(kind=BlockKind.HEADING, text=text, level=1, locator=loc)
    return RawBlock(kind=BlockKind.PARAGRAPH, text=text, locator=loc)


def _heading_like(text: str) -> bool:
    """Short, starts with a capital letter, no closing punctuation, no operative verb."""
    text = text.strip()
    words = text.split()
    return (0 < len(words) <= 10 and text[:1].isupper() and text[-1:] not in ".;:,"
            and not OPERATIVE_WORDS.search(text) and not MODAL_WORDS.search(text))


def _title_case(text: str) -> bool:
    """Headings capitalise most content words; sentences do not."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _norm_label(label: str) -> str:
    """'2.1.' -> '2.1', 'IV.' -> 'IV'; parenthesised labels are kept as printed ('a)', '(ii)')."""
    return label.rstrip(".") if not label.endswith(")") else label
