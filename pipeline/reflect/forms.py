"""Amendment forms that name the paragraph first: UN negotiators' lines and comments tables.

The lines: "OP 5: replace "…" with "…"", "OP 9: add at the end: "…"", "PP 3 alt: …", "new OP 14 bis: …", "OP 20:
delete", "New PP after PP 5: …", and a comments list's "Para 22 — delete.", "After para 30 — insert: …". The
tables: paragraph, draft text, proposed text, reason (a Word table's rows, or TAB-separated lines)."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Block, BlockKind, Document, content_id
from .amendments import PROSE, QUOTED, Amendment, _number, _unquote

# "OP 5:", "PP 3 alt:", "new OP 14 bis:", "OP5." at the start of a block.
REF_LED_RE = re.compile(r"^(?P<new>new\s+(?:(?:OP|PP)\s+after\s+)?|after\s+)?"
                        r"(?P<ref>(?:OP|PP|para(?:graph)?\.?|output)\s*\d+(?:\.\d+)*[A-Za-z]*(?:\s*(?:bis|ter|quater)\b)?"
                        r"(?:\s*,\s*activity\s*\([a-z]\))?"  # an action plan's "Output 2.3, activity (c):"
                        # "Section IV, new paragraph: "…"", "section III: we would like to see a new paragraph …: "…""
                        r"|section\s+(?:[IVX]+|\d+)(?=\s*,\s*new\s+paragraph|\s*:[^\"\u201c]{0,120}\bnew\s+paragraph\b))"
                        r"(?P<section_new>\s*,\s*new\s+paragraph)?"
                        r"(?P<added>\s*\(new\))?"  # "OP11 bis (new) – "…""
                        r"(?P<alt>\s+alt(?:ernative)?)?"
                        # "OP4: …", "Para 22 — …", "OP4 to read: …", "after para 14, please insert …"
                        r"(?:\s*(?:[:.]|\s[\u2014\u2013-])|\s+(?=to\s+read\b)|,(?=\s*(?:please\s+)?(?:insert|add)\b))"
                        r"\s*(?P<rest>\S.*)$", re.S | re.I)
# "to read: "…"" after the reference: the whole paragraph as it should read.
TO_READ_RE = re.compile(r"^(?:(?:amend(?:ed)?|modify|revise)\s+)?(?:so\s+as\s+)?(?:to|should)\s+read\s*[:,]?\s*", re.I)
# "add a new activity (g): "…"" after an action plan's reference.
ADD_ACTIVITY_RE = re.compile(r"^add\s+a\s+new\s+(?:activity|item|paragraph)(?:\s*\([a-z]\)|\s+\d+\w*)?\s*[:,]?\s*"
                             r"(?P<new>.+)$", re.I | re.S)
# What a comments list's line asks after its paragraph: "After para 30 — insert: …".
INSERT_RE = re.compile(r"^(?:please\s+)?(?:insert|add)(?:\s+(?:a\s+)?new\s+paragraph)?\s*[:,]?\s*(?P<new>.+)$",
                       re.I | re.S)
# A comment's loose wording: "para 6: we would prefer "should" instead of "could"."
PREFER_RE = re.compile(r"^(?:we\s+)?(?:would\s+)?(?:prefer|suggest|propose)\s+(?:to\s+(?:use|say|read)\s+)?"
                       + QUOTED.format(name="new") + r"\s+(?:instead\s+of|rather\s+than|in\s+place\s+of)\s+"
                       + QUOTED.format(name="old"), re.I)
# A negotiator's options for the new words: "replace "as appropriate" with ["in accordance with …"] ["taking …"]".
ALTERNATIVES_RE = re.compile(r"^replace\s+" + QUOTED.format(name="old") + r"\s+(?:with|by)\s+"
                             r"(?P<alts>(?:\[\s*[\"\u201c][^\]]+\]\s*(?:,|or|/)?\s*){2,})", re.I)
# "para 9: suggest deleting the last sentence."
DELETE_SENTENCE_RE = re.compile(r"^(?:we\s+)?(?:would\s+)?(?:suggest|propose|prefer)\s+(?:deleting|removing|to\s+delete)\s+"
                                r"the\s+(?P<nth>first|second|third|fourth|fifth|last|final)\s+sentence\b", re.I)
DELETE_RE = re.compile(r"^[(\[]?\s*(?:delete|deleted|suppress|strike)\s*[)\].]?\s*$", re.I)
# A negotiator's position that changes nothing: "PP1: Retain.", "OP5: Agree.", "OP7: No change."
RETAIN_RE = re.compile(r"^(?:retain(?:ed)?|keep|agree[ds]?|no\s+change|support(?:ed)?|fine|ok)\b", re.I)
# A line that announces the amendment below it rather than making one.
LEAD_IN_RE = re.compile(r"\b(?:(?:we|i)\s+have\s+(?:marked|tracked|shown)|(?:marked|tracked)\s+(?:our\s+)?changes|"
                        r"changes\s+(?:are\s+)?(?:marked|shown|tracked)\s+below)\b"
                        # "Paragraph 7 – proposed changes:" above the tracked paragraph
                        r"|^(?:(?:our|the)\s+)?(?:proposed|suggested)\s+(?:changes?|amendments?|modifications?|text|wording)"
                        r"\s*:?\s*$", re.I)
DELETE_THEN_REASONS_RE = re.compile(r"^(?:delete|suppress|strike)\s*\.\s+\S", re.I)
# A deletion asked in a sentence: "we suggest that this paragraph be deleted.", "We propose deleting this paragraph".
DELETE_ASKED_RE = re.compile(r"^(?:(?:we|I)\s+(?:would\s+)?(?:suggest|propose|request|ask|recommend|prefer)\s+"
                             r"(?:that\s+)?(?:this|the(?:\s+whole)?)\s+paragraph\s+(?:should\s+)?be\s+(?:deleted|removed|"
                             r"dropped)|(?:we\s+)?(?:suggest|propose|recommend)\s+(?:deleting|removing|dropping)\s+(?:this|"
                             r"the(?:\s+whole)?)\s+paragraph|this\s+paragraph\s+should\s+be\s+(?:deleted|removed|dropped))\b",
                             re.I)
AT_END_RE = re.compile(r"^add\s+at\s+the\s+end\s*[:,]?\s*(?P<new>.+)$", re.I | re.S)
# A comments table's first cell: the paragraph it changes ("6", "OP 5", "after 14 (new)", "12 bis").
ROW_REF_RE = re.compile(r"^(?:after\s+)?(?:(?:OP|PP|para(?:graph)?\.?)\s*)?\d+(?:\.\d+)*[A-Za-z]*"
                        r"(?:\s*(?:bis|ter))?(?:\s*\(new\))?$", re.I)
EMPTY_CELL = ("", "-", "\u2013", "\u2014", "(new)", "new", "n/a")


def ref_led(doc: Document, b: Block) -> list[Amendment]:
    """The amendment of a block that opens with its paragraph ("OP 9: add at the end: "…""), or none."""
    m = REF_LED_RE.match(b.text)
    if not m:
        return []
    ref, rest = " ".join(m.group("ref").split()), m.group("rest").strip()
    label = b.text[:m.start("rest")].strip().rstrip(":.,\u2014\u2013- ")
    target = _number(ref)
    if (sub := re.search(r"activity\s*(\([a-z]\))", ref, re.I)) is not None:
        target = f"{target} {sub.group(1)}"  # "Output 2.3, activity (c)": the item under its output
    if ref.lower().startswith("section"):  # a new paragraph for a section: its quoted text
        quoted = re.search(QUOTED.format(name="q"), rest)
        return [_amendment(doc, b, label, "add", None, "", quoted.group("q") if quoted else _unquote(rest),
                           whole=True)]
    if (options := ALTERNATIVES_RE.match(rest)) is not None:  # "OP9: replace "as appropriate" with ["…"] ["…"]"
        alternatives = tuple(re.findall(r"\[\s*[\"\u201c]([^\"\u201c\u201d\]]+)[\"\u201d]\s*\]", options.group("alts")))
        a = _amendment(doc, b, label, "replace", target, options.group("old"), alternatives[0], whole=False)
        return [replace(a, alternatives=alternatives)]
    if (prefer := PREFER_RE.match(rest)) is not None:
        return [_amendment(doc, b, label, "replace", target, prefer.group("old"), prefer.group("new"), whole=False)]
    if (sentence := DELETE_SENTENCE_RE.match(rest)) is not None:
        return [_amendment(doc, b, label, "delete", target, "", "", whole=False, part=sentence.group("nth"))]
    if RETAIN_RE.match(rest) or LEAD_IN_RE.search(rest):
        return []  # "PP1: Retain." changes nothing; "Paragraph 9: We have marked our changes … below" leads in
    if DELETE_RE.match(rest) or DELETE_THEN_REASONS_RE.match(rest) or DELETE_ASKED_RE.match(rest):
        # "OP4: Delete. Commitments on …", "Para 17: we suggest that this paragraph be deleted."
        return [_amendment(doc, b, label, "delete", target, "", "", whole=True)]
    if (end := AT_END_RE.match(rest)) is not None:
        return [_amendment(doc, b, label, "insert", target, "", _unquote(end.group("new")), whole=False, part="end")]
    if not any(rx.match(rest) for _, rx in PROSE) and any(rx.search(rest) for _, rx in PROSE):
        return []  # "Paragraph 11: Many members … Insert after paragraph 11 …": the instruction inside is read as prose
    for form, rx in PROSE:
        hit = rx.match(rest)
        if hit and form == "replace":
            return [_amendment(doc, b, label, "replace", target, hit.group("old"), hit.group("new"), whole=False)]
        if hit and form == "delete" and hit.groupdict().get("old"):
            return [_amendment(doc, b, label, "delete", target, hit.group("old"), "", whole=False)]
        if hit and form in ("insert", "add") and hit.groupdict().get("new"):
            # "OP 9: add at the end: …", "Paragraph 13: At the end of paragraph 13, add: …"
            return [_amendment(doc, b, label, form, target, "", hit.group("new"), whole=form == "add")]
    if (add := ADD_ACTIVITY_RE.match(rest)) is not None:  # "Output 2.1: add a new activity (g): "…""
        return [_amendment(doc, b, label, "add", target, "", _unquote(add.group("new")), whole=True)]
    if m.group("new") and (ins := INSERT_RE.match(rest)) is not None:
        rest = ins.group("new")  # "After para 30 — insert: "…"": a new paragraph after 30
    rest = TO_READ_RE.sub("", rest, count=1)
    if (quoted := LEADING_QUOTE_RE.match(rest)) is not None:
        rest = quoted.group("q")  # "Section IV, new paragraph: "UNGIS will …" We recognize …": the quote is the text
    form = "add" if m.group("new") or m.group("added") or m.group("section_new") else "modify"
    if m.group("section_new"):
        target = None  # "Section IV, new paragraph": a paragraph of its own, placed in the section
    return [_amendment(doc, b, label, form, target, "", _unquote(rest), whole=True)]


def _amendment(doc: Document, b: Block, label: str, form: str, target: str | None, old: str, new: str, *,
               whole: bool, end: int | None = None, part: str | None = None) -> Amendment:
    end = b.end if end is None else end
    return Amendment(id=content_id("amd", doc.sha256, b.start, end), label=label, form=form, target=target,
                     text=doc.text[b.start:end], old=old, new=new, locator=b.locator, start=b.start, end=end,
                     whole_paragraph=whole, part=part)


# A quoted text followed by the contributor's own words about it.
LEADING_QUOTE_RE = re.compile(r"^[\"\u201c](?P<q>[^\"\u201c\u201d]{20,})[\"\u201d]\s+[A-Z]")
# A comments table's header cells: which column names the paragraph, which holds the proposed change, which the
# draft's words ("No. | Paragraph | Proposed amendment | Proposed by | Reasons").
REF_HEADER_RE = re.compile(r"^(?:para(?:graph)?s?\.?|paragraph\s+(?:no\.?|number)|ref(?:erence)?|provision|§)$", re.I)
PROPOSED_HEADER_RE = re.compile(r"^(?:proposed\s+(?:amendments?|text|change|wording|modification)s?|amendments?|"
                                r"suggested\s+(?:text|change|wording)|new\s+text|change)$", re.I)
DRAFT_HEADER_RE = re.compile(r"^(?:draft\s+text|original(?:\s+text)?|current\s+(?:text|wording)|text\s+of\s+the"
                             r"\s+draft|existing\s+text)$", re.I)
# A cell that gives a paragraph's whole new wording: "Amend to read: "…"", "Add a new paragraph: "…"".
READ_AS_RE = re.compile(r"^(?:(?:amend(?:ed)?|modify|revise|replace)\s+(?:(?:the\s+)?(?:whole\s+)?paragraph\s+)?"
                        r"(?:so\s+as\s+)?(?:to\s+read|as\s+follows|with\s+the\s+following)|to\s+read)\s*[:,]?\s*"
                        r"(?P<new>.+)$", re.I | re.S)
ADD_CELL_RE = re.compile(r"^(?:add|insert)\s+(?:(?:after\s+[^:\"\u201c]{1,60}?\s+)?(?:a\s+)?new\s+(?:(?:preambular|"
                         r"operative)\s+)?(?:paragraph|para|PP|OP)|the\s+following(?:\s+new)?\s+paragraph)"
                         r"[^:\"\u201c]{0,60}[:,]?\s*(?P<new>.+)$", re.I | re.S)


def table_rows(doc: Document, blocks: list[Block], lines: list[str] | None = None
               ) -> tuple[list[Amendment], set[str]]:
    """The comments-table rows among the blocks (TAB-separated lines, or a Word table's cells), and the ids of the
    blocks they used. A table whose header names its columns is read by them; one without, as paragraph, draft
    text, proposed text, reason."""
    out: list[Amendment] = []
    used: set[str] = set()
    header: dict[str, int] | None = None
    for row in _rows(blocks, lines):
        cells = [c.strip() for c, _ in row]
        if len(cells) >= 3 and (found := _header(cells)) is not None:
            header = found
            continue
        if header is not None and len(cells) > max(header.values()):
            a = _headed_row(doc, row, cells, header)
        elif len(cells) < 3 or not ROW_REF_RE.match(cells[0]):
            continue  # a table of something else
        else:
            a = _row_amendment(doc, row, cells)
        if a is not None:
            out.append(a)
            used.update(b.id for _, b in row)
    return out, used


def _header(cells: list[str]) -> dict[str, int] | None:
    """The columns a header row names ("ref", "proposed", maybe "draft"), or None when it is no such header."""
    cols: dict[str, int] = {}
    for i, cell in enumerate(cells):
        text = " ".join(cell.split()).rstrip(" :")
        for key, rx in (("ref", REF_HEADER_RE), ("proposed", PROPOSED_HEADER_RE), ("draft", DRAFT_HEADER_RE)):
            if key not in cols and rx.match(text):
                cols[key] = i
    return cols if "ref" in cols and "proposed" in cols else None


def _headed_row(doc: Document, row, cells: list[str], cols: dict[str, int]) -> Amendment | None:
    """A row of a table whose header named its columns: the change its proposed cell asks of the paragraph its
    reference cell names ("PP (f), new PP (g)" | "Insert after … a new paragraph: "(g) …"")."""
    ref, cell = cells[cols["ref"]], cells[cols["proposed"]]
    draft = _unquote(cells[cols["draft"]]) if "draft" in cols else ""
    if not cell or not re.search(r"\w", ref + cell):
        return None
    label = " ".join((cells[0] if cols["ref"] != 0 and re.match(r"^[A-Z]?\.?\d+(?:\.\d+)*$", cells[0]) else ref).split())
    return cell_amendment(doc, row[0][1], row[-1][1], label, ref, cell, draft)


def cell_amendment(doc: Document, first: Block, last: Block, label: str, ref: str, cell: str,
                   draft: str = "") -> Amendment | None:
    """The change a comment asks of the paragraph its reference names: a comments table's row, or a comment matrix's
    "Paragraph 6" / "Proposed change: Amend to read: "…"" lines."""
    draft = "" if draft.lower() in EMPTY_CELL else draft
    target = _row_target(ref)
    new_paragraph = bool(re.search(r"\bnew\b|\(new\)|^after\b|\bbis\b", ref, re.I))
    if RETAIN_RE.match(cell):
        return None  # "Retain", "No change"
    if (sentence := re.match(r"(?i)delete\s+the\s+(?P<nth>first|second|third|fourth|fifth|last|final)\s+sentence\b",
                             cell)) is not None:  # "Delete the second sentence." of the paragraph its row names
        return _amendment(doc, first, label, "delete", target, "", "", whole=False, end=last.end,
                          part=sentence.group("nth"))
    if DELETE_RE.match(cell) or re.fullmatch(r"(?i)delete\s+(?:the\s+)?(?:whole\s+)?paragraph(?:\s+\S+)?\.?", cell):
        return _amendment(doc, first, label, "delete", target, draft, "", whole=True, end=last.end)
    for form, rx in PROSE:
        hit = rx.match(cell)
        if hit is None:
            continue
        groups = {k: v for k, v in hit.groupdict().items() if v}
        if form == "replace":
            return _amendment(doc, first, label, "replace", groups.get("n") and _number(groups["n"]) or target,
                              groups["old"], groups["new"], whole=False, end=last.end)
        if form == "delete" and groups.get("old"):
            return _amendment(doc, first, label, "delete", target, groups["old"], "", whole=False, end=last.end)
        if form in ("insert", "add") and groups.get("new"):
            return _amendment(doc, first, label, form, target, "", groups["new"], whole=form == "add"
                              or "anchor" not in groups, end=last.end)
    if (end := AT_END_RE.match(cell)) is not None:
        return _amendment(doc, first, label, "insert", target, "", _unquote(end.group("new")), whole=False,
                          end=last.end, part="end")
    if (add := ADD_CELL_RE.match(cell)) is not None:  # "Insert after … a new paragraph:" places it after one
        form = "insert" if re.match(r"(?i)(?:add|insert)\s+after\b", cell) else "add"
        return _amendment(doc, first, label, form, target, "", _strip_label(_unquote(add.group("new"))), whole=True,
                          end=last.end)
    if (whole := READ_AS_RE.match(cell)) is not None:
        return _amendment(doc, first, label, "add" if new_paragraph else "modify", target, draft,
                          _strip_label(_unquote(whole.group("new"))), whole=True, end=last.end)
    return _amendment(doc, first, label, "add" if new_paragraph else "modify", target, draft,
                      _strip_label(_unquote(cell)), whole=True, end=last.end)


def _row_target(ref: str) -> str | None:
    """The draft paragraph a reference cell names: "OP 1" -> "OP1", "PP (f), new PP (g)" -> "(f)", "After 11" -> "11"."""
    ref = re.sub(r"(?i),\s*new\b.*$|\(new\)", "", ref).strip(" ,;")  # "PP (f), new PP (g)": after (f)
    ref = re.sub(r"(?i)^(?:after|new|para(?:graph)?\.?)\s+", "", ref)  # "New OP 8bis": its own number
    if not re.search(r"\d|\([a-z]\)", ref):
        return None
    if (letter := re.fullmatch(r"(?:PP|OP)?\s*\(?([a-z])\)", ref)) is not None:
        return f"({letter.group(1)})"
    return _number(ref)


def _strip_label(text: str) -> str:
    """A new paragraph's own number or letter as printed ("7bis. Requests …", "(g) recognizing …") is not its text."""
    return re.sub(r"^(?:\d+[A-Za-z]*\.?|\([a-z]{1,4}\))\s+(?=\S)", "", text, count=1)


def _rows(blocks: list[Block], lines: list[str] | None = None):
    """Each table row as [(cell text, block)]: a text line's TAB-separated cells, or a Word row's cells in order."""
    cells: dict[tuple[int, int], list[tuple[int, str, Block]]] = {}
    for b in blocks:
        line = b.locator.line
        raw = lines[line - 1] if lines and line and 0 < line <= len(lines) else ""
        if b.kind is BlockKind.TABLE_CELL and b.table is not None:
            cells.setdefault(b.table[:2], []).append((b.table[2], b.text, b))
        elif raw.count("\t") >= 1 and " ".join(raw.split()) in (" ".join(b.text.split()),
                                                               " ".join(f"{b.label or ''} {b.text}".split())):
            yield [(c, b) for c in raw.strip().split("\t")]  # the block is that whole line (its number read as a label)
        elif b.text.count("\t") >= 2:
            yield [(c, b) for c in b.text.split("\t")]
    for key in sorted(cells):
        yield [(text, b) for _, text, b in sorted(cells[key], key=lambda c: c[0])]


def _row_amendment(doc: Document, row, cells: list[str]) -> Amendment | None:
    """A row (paragraph, draft text, proposed text, reason …): a deletion, a new paragraph or a modification."""
    ref, draft, proposed = cells[0], _unquote(cells[1]), _unquote(cells[2])
    target = _number(re.sub(r"(?i)^after\s+|\(new\)", "", ref))
    first, last = row[0][1], row[-1][1]
    label = " ".join(ref.split())
    new_paragraph = "(new)" in ref.lower() or ref.lower().startswith("after") or draft.lower() in EMPTY_CELL
    if not proposed or DELETE_RE.match(proposed) or re.match(r"(?i)^delete\b", proposed):
        return _amendment(doc, first, label, "delete", target, draft, "", whole=True, end=last.end)
    if new_paragraph:
        return _amendment(doc, first, label, "add", target, "", proposed, whole=True, end=last.end)
    return _amendment(doc, first, label, "modify", target, draft, proposed, whole=True, end=last.end)


# A comment matrix: "Paragraph 6" on a line of its own, then "Proposed change: …" and "Justification: …".
MATRIX_REF_RE = re.compile(r"^(?:paragraph|para\.?|OP|PP)\s*\d+(?:\.\d+)*[A-Za-z]*(?:\s*(?:bis|ter))?\s*$", re.I)
MATRIX_CHANGE_RE = re.compile(r"^(?:proposed\s+(?:change|amendment|text|modification)|suggested\s+(?:change|text)|"
                              r"amendment)\s*:\s*(?P<cell>\S.*)$", re.I | re.S)


def matrix_comment(doc: Document, b: Block, nxt: Block | None) -> Amendment | None:
    """A comment matrix's row: "Paragraph 6" then "Proposed change: Amend to read: "…"" on the next line."""
    if nxt is None or not MATRIX_REF_RE.match(b.text.strip()) or not (m := MATRIX_CHANGE_RE.match(nxt.text.strip())):
        return None
    return cell_amendment(doc, b, nxt, " ".join(b.text.split()), b.text.strip(), m.group("cell").strip())


__all__ = ["cell_amendment", "matrix_comment", "ref_led", "table_rows"]
