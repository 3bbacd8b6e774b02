"""Proposed amendments read from a contribution's text.

Proposed amendments read from a contribution: ITU's ADD / MOD / SUP marks, prose instructions ("In paragraph 5,
replace "X" with "Y"", "Insert after paragraph 12 …", "Delete paragraph 8", "Add at the end of paragraph 4 …")
and changes marked in the text ({+inserted+} and {-deleted-}, as wdiff writes them; a Word file's own tracked
changes are read by tracked.py).

Each amendment says what words it takes out (`old`) and puts in (`new`) and which paragraph of the draft it
changes (`target`, as printed). outcome.py decides what became of it in the final text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import BlockKind, Document, Locator, content_id

FORMS = ("add", "insert", "modify", "replace", "delete")

# "ADD", "MOD 7", "SUP 9", "ADD 7bis:", "MOD resolves 3" at the start of a block (upper case, as ITU prints them).
# The reference may name its heading: "MOD resolves 3", "ADD instructs the Secretary-General 4", "SUP noting b)".
MARK_RE = re.compile(r"^(?P<mark>ADD|MOD|SUP)\b[ \t]*"
                     # a regional proposal's own number before the reference: "MOD ACP/41A3/1", "ADD EUR/12A1/3"
                     r"(?:[A-Z]{2,}[A-Z\d]*/[\w.]+(?:/[\w.]+)*[ \t]*)?"
                     r"(?P<ref>(?:[a-z]+(?:[ \t]+(?:the|of|and|[A-Z][\w&-]*)){0,9}[ \t]+)?"
                     r"(?:(?:PP|OP)[ \t]*)?"
                     r"(?:\d+(?:\.\d+)*[A-Za-z]*(?:[ \t]*(?:bis|ter|quater))?(?:[ \t]*\([a-z]\))?|\(?[a-z]\)(?=\s|$)))?"
                     r"[ \t]*[:.\-\u2013]?[ \t]*")
MARK_FORMS = {"ADD": "add", "MOD": "modify", "SUP": "delete"}
# A mark's rest of line that says where its text goes: "Annex, new item after C2", "new paragraph after 7".
PLACE_RE = re.compile(r"^(?:annex\b|new\b[^.;:]{0,60}\bafter\b)[^.;:]*$", re.I)
# A heading under which paragraph-led lines give reasons, not amendments: "Explanations", "Rationale".
REASONS_HEADING_RE = re.compile(r"^(?:[IVX]+\.?\s+|\d+\.?\s+)?(?:explanations?|explanatory\s+notes?|rationale|"
                                r"reasons|justifications?)\b[^.]{0,40}$", re.I)
# Where an amendment's reasons start: its text has ended.
REASONS_RE = re.compile(r"^(?:Reasons?|Motivation|Rationale|Explanation)\s*[:.]", re.I)

_Q_OPEN, _Q_CLOSE = "\"\u201c\u201e", "\"\u201d"
QUOTED = rf"[{_Q_OPEN}](?P<{{name}}>[^{_Q_OPEN}{_Q_CLOSE}]+?)[{_Q_CLOSE}]"
# "paragraph 5", "operative paragraph 5", "preambular paragraph 4", and the UN negotiators' "OP5", "PP 4".
PARA = (r"(?:(?:(?:operative|(?P<pre_{name}>preambular))\s+)?(?:paragraph|para\.?|activity|item|point)\s+"
        r"|(?=(?:PP|OP)\s*\d)|(?=\d+\.\d+\.\d+))"  # a report's section-numbered paragraph: "3.2.1"
        r"(?P<{name}>(?:(?:PP|OP)\s*)?\d+(?:\.\d+)*[A-Za-z]*(?:\s*(?:bis|ter|quater)\b)?(?:\s*\([a-z]\))?)"
        r"(?:\s+of\s+(?:the\s+)?(?:section\s+\S+|annex|decides|resolves|instructs(?:\s+the\s+[\w-]+)?|"
        r"(?:draft\s+)?(?:text|report|resolution|decision|declaration)))?")
IN_PARA = (rf"(?:In\s+{PARA.format(name='n')}\s*,\s*"
           # "In Table 1, activity A7, replace …": a table's row by its code
           r"|In\s+table\s+\w+\s*,\s*(?:activity|row|item|action)\s+(?P<n_row>[A-Z]\d+(?:\.\d+)?)\s*,\s*)?")
# The prose instructions, each a regular expression over a block's text and the form it gives.
PROSE = (
    ("replace", re.compile(  # "In paragraph 22, we suggest replacing "…" with "…""
        IN_PARA + r"(?:(?:we|I)\s+(?:would\s+)?(?:suggest|propose)\s+)?(?:replac(?:e|ing)|substitut(?:e|ing))\s+"
        r"(?:the\s+words?\s+)?" + QUOTED.format(name="old")
        + r"\s+(?:with|by)\s+" + QUOTED.format(name="new")
        + rf"(?:\s+in\s+{PARA.format(name='n2')})?", re.I)),
    ("insert", re.compile(
        IN_PARA + r"after\s+" + QUOTED.format(name="anchor") + r"\s*,?\s*(?:insert|add)\s+" + QUOTED.format(name="new"),
        re.I)),
    ("delete", re.compile(
        IN_PARA + r"delete\s+(?:the\s+(?:words?|sentence|phrase|text)\s+)?" + QUOTED.format(name="old")
        + rf"(?:\s+in\s+{PARA.format(name='n2')})?", re.I)),
    ("delete", re.compile(r"(?:delet(?:e|ing)|suppress(?:ing)?|strike(?:\s+out)?)\s+" + PARA.format(name="n"), re.I)),
    ("delete", re.compile(  # "Delete the second sentence of paragraph 21": a part named by its place, not its words
        r"(?:delete|suppress|strike(?:\s+out)?)\s+the\s+(?P<nth>first|second|third|fourth|fifth|last|final)\s+"
        r"sentence\s+(?:of|in)\s+" + PARA.format(name="n"), re.I)),
    ("insert", re.compile(
        r"(?:insert|add)\s+(?:a\s+new\s+(?:(?:(?:operative|preambular)\s+)?paragraph|OP|PP|activity|item)\s+)?"
        r"after\s+"
        + PARA.format(name="n")
        + r"(?:\s*,?\s*(?:a\s+new\s+(?:(?:(?:operative|preambular)\s+)?paragraph|activity|item)"
        r"|the\s+following(?:\s+(?:new\s+)?paragraph|\s+text)?))?"
        r"(?:\s*,?\s*(?:reading|to\s+read(?:\s+as\s+follows)?))?\s*[:,]?\s*(?:"
        + QUOTED.format(name="new") + r")?", re.I)),
    ("add", re.compile(
        r"(?:new|add\s+(?:a\s+)?new)\s+(?:OP|PP|(?:(?:operative|preambular)\s+)?paragraph)\s*(?P<n>\d+(?:\.\d+)*[A-Za-z]*"
        r"(?:\s*(?:bis|ter|quater)\b)?)\s*[:.,]?\s*" + QUOTED.format(name="new"), re.I)),
    ("delete", re.compile(  # an action plan's "Delete activity (e) of Output 1.1."
        r"delete\s+(?:activity|item|sub-?paragraph)\s+(?P<letter>\([a-z]\))\s+of\s+(?:output|paragraph|objective|"
        r"section)\s+(?P<n>\d+(?:\.\d+)*)", re.I)),
    ("modify", re.compile(  # "Replace resolves 1 with the following: "…"": the whole item as it should read
        r"replace\s+(?P<n>(?:(?:considering|recognizing|recalling|noting|resolves|decides|instructs|invites|requests|"
        r"encourages|urges)(?:\s+(?:the|of|and|[A-Z][\w&-]*)){0,6}\s+)?(?:(?:paragraph|para\.?|OP|PP)\s*)?"
        r"(?:\d+[A-Za-z]*|\(?[a-z]\)))\s+(?:with|by)\s+the\s+following(?:\s+(?:text|wording))?\s*[:,]?\s*"
        + QUOTED.format(name="new"), re.I)),
    ("modify", re.compile(  # "Paragraph 19 should read as follows: "…""
        r"(?:paragraph|para\.?|OP|PP)\s*(?P<n>\d+[A-Za-z]*)\s+should\s+(?:now\s+)?read(?:\s+as\s+follows)?\s*[:,]?\s*"
        + QUOTED.format(name="new"), re.I)),
    ("add", re.compile(  # "Add a new preambular paragraph, to read: "…""
        r"add\s+a\s+new\s+(?:(?:preambular|operative)\s+)?paragraph\s*,?\s*(?:to\s+read|reading)\s*[:,]?\s*"
        + QUOTED.format(name="new"), re.I)),
    ("add", re.compile(  # "Add a new paragraph at the end of section 6: "…""
        r"add\s+a\s+new\s+paragraph\s+at\s+the\s+end\s+of\s+section\s+[\w.]+\s*[:,]?\s*" + QUOTED.format(name="new"),
        re.I)),
    ("insert", re.compile(  # "Add a new row to Table 1, after A10:" and the row on the next line
        r"add\s+a\s+new\s+(?:row|line|activity)\s+to\s+table\s+\w+(?:\s*,?\s*after\s+(?P<n_row>[A-Z]?\d+(?:\.\d+)?))?"
        r"\s*[:.]?\s*$", re.I)),
    ("add", re.compile(  # "In section VIII, add a new paragraph: "…""
        r"in\s+section\s+[\w.]+\s*,\s*(?:add|insert)\s+a\s+new\s+paragraph\s*[:,]?\s*" + QUOTED.format(name="new"),
        re.I)),
    ("modify", re.compile(  # "Modify Output 4.2 to read: "…"", "Amend paragraph 7 to read: "…""
        r"(?:modify|amend|revise)\s+(?:output|paragraph|para\.?|objective|activity|OP|PP)\s*(?P<n>\d+(?:\.\d+)*"
        r"[A-Za-z]*)\s+(?:so\s+as\s+)?to\s+read\s*[:,]?\s*" + QUOTED.format(name="new"), re.I)),
    ("insert", re.compile(  # "insert ", with particular attention to …" after "girls and young women""
        r"(?:insert|add)\s+" + QUOTED.format(name="new") + r"\s+after\s+" + QUOTED.format(name="anchor"), re.I)),
    ("insert", re.compile(  # "At the end of paragraph 13, add: "…""
        r"at\s+the\s+end\s+of\s+" + PARA.format(name="n") + r"\s*,?\s*(?:insert|add)\s*[:,]?\s*(?:"
        + QUOTED.format(name="new") + r")?", re.I)),
    ("add", re.compile(  # "We propose to add a new paragraph to section V, reading: "…""
        r"(?:propose|suggest)\s+(?:to\s+)?(?:add|insert(?:ing)?|adding)\s+a\s+new\s+paragraph"
        r"(?:\s+(?:to|in)\s+section\s+[\w.]+(?:\s*\([^()]{0,60}\))?)?\s*,?\s*(?:reading|to\s+read|as\s+follows)?\s*[:,]?\s*"
        + QUOTED.format(name="new"), re.I)),
    ("insert", re.compile(  # "At the end of section 5, paragraph 2, insert: "…""
        r"at\s+the\s+end\s+of\s+section\s+(?P<section>\d+)\s*,\s*" + PARA.format(name="n")
        + r"\s*,?\s*(?:insert|add)\s*[:,]?\s*(?:" + QUOTED.format(name="new") + r")?", re.I)),
    ("insert", re.compile(
        r"add\s+at\s+the\s+end\s+of\s+" + PARA.format(name="n") + r"(?:\s*,\s*before\s+the\s+[a-z ]{1,30})?"
        r"\s*[:,]?\s*(?:" + QUOTED.format(name="new") + r")?",
        re.I)),
)
AT_END = re.compile(r"\bat\s+the\s+end\b", re.I)
# Changes written in capitals inside a quoted paragraph: "[DELETE: about one third] [ADD: some 2.2 billion]",
# "[REPLACE "invite" WITH "call on"]", "[ADD AT THE END: …]"; a whole paragraph: "[ADD NEW PARAGRAPH 14bis: …]",
# "[DELETE PARAGRAPH: 21. …]".
BRACKET_RE = re.compile(r"\[(?:ADD(?:\s+AT\s+THE\s+END)?|DELETE|INSERT|REPLACE\s+[\"\u201c])")
BRACKET_EDIT_RE = re.compile(r"\[(?:(?P<op>ADD|INSERT|DELETE)(?:\s+AT\s+THE\s+END)?\s*:\s*(?P<words>[^\]]*)|REPLACE\s+"
                             r"[\"\u201c](?P<old>[^\"\u201d]*)[\"\u201d]\s+(?:WITH|BY)\s+[\"\u201c](?P<new>[^\"\u201d]*)"
                             r"[\"\u201d])\s*\]")
BRACKET_WHOLE_RE = re.compile(r"^[\s\"\u201c]*\[(?P<op>ADD\s+NEW\s+PARAGRAPH|DELETE\s+PARAGRAPH)\s*(?P<n>[\w.]*)\s*:\s*"
                              r"(?P<text>.*?)\]?[\s\"\u201d]*$", re.S)
TRACKED_RE = re.compile(r"\{\+(?P<ins>.*?)\+\}|\{-(?P<del>.*?)-\}", re.S)


@dataclass(frozen=True, slots=True, kw_only=True)
class Amendment:
    """One proposed change to a draft: its form, the draft paragraph it changes, the words out and in."""

    id: str
    label: str  # as printed: "MOD 7", "ADD 7bis", "In paragraph 5, replace"
    form: str  # add | insert | modify | replace | delete
    target: str | None  # the draft paragraph it changes or follows, as printed ("7", "7bis")
    text: str  # the amendment as printed in the contribution (exactly its text [start:end])
    old: str  # the words it takes out; "" when the draft must say (a deletion by number, a MOD)
    new: str  # the words it puts in ("" for a deletion)
    locator: Locator
    start: int
    end: int
    whole_paragraph: bool  # old/new are a whole paragraph (ADD, MOD, SUP, "delete paragraph 8")
    heading: str | None = None  # the heading its number restarts under, when the reference names it ("noting")
    part: str | None = None  # the sentence it deletes, by its place ("second", "last"); "end": added at the end
    alternatives: tuple[str, ...] = ()  # bracketed options for its new words ("[…] […]"): the final may take any

    def __post_init__(self) -> None:
        if self.form not in FORMS:
            raise ValueError(f"amendment form {self.form!r} is not one of {', '.join(FORMS)}")


def read_amendments(doc: Document, *, lines: list[str] | None = None) -> tuple[Amendment, ...]:
    """Every amendment the contribution proposes, in reading order. `lines`: a text file's own lines, whose TABs
    keep a comments table's cells apart (the parsed text joins them with spaces)."""
    from .forms import matrix_comment, ref_led, table_rows

    blocks = [b for b in doc.blocks if b.kind is not BlockKind.FOOTNOTE]
    out, used = table_rows(doc, blocks, lines)
    blocks = [b for b in blocks if b.id not in used]
    i = 0
    chapeau = None  # the last chapeau printed on a line of its own ("instructs the Secretary-General")
    in_reasons = False  # under an "Explanations" heading, "PP9: the figure …" gives a reason
    while i < len(blocks):
        b = blocks[i]
        if len(b.text.split()) <= 8 and REASONS_HEADING_RE.match(b.text.strip()):
            in_reasons = True  # "Rationale, in brief:"
        elif _title_like(b.text) and not MARK_RE.match(b.text):
            in_reasons = False
        if in_reasons:
            i += 1
            continue
        if BRACKET_RE.search(b.text) and (bracketed := _bracketed(doc, b)) is not None:
            out.append(bracketed)
            i += 1
            continue
        mark = MARK_RE.match(b.text)
        if mark and (mark.group("ref") or len(b.text.split()) <= 2 or b.text[mark.end():mark.end() + 1].isupper()):
            body, i = _marked_body(blocks, i, mark)
            out.append(_marked(doc, b, mark, body, chapeau))
            continue
        if _chapeau_line(b.text) and not REASONS_RE.match(b.text):
            chapeau = " ".join(b.text.split())
        if (matrix := matrix_comment(doc, b, blocks[i + 1] if i + 1 < len(blocks) else None)) is not None:
            out.append(matrix)
            i += 2
            continue
        if led := ref_led(doc, b):
            out.extend(led)
            i += 1
            continue
        found = _prose(doc, b, blocks[i + 1] if i + 1 < len(blocks) else None)
        out.extend(a for a, _ in found)
        i += 2 if any(took_next for _, took_next in found) else 1
    return tuple(sorted(out, key=lambda a: (a.start, a.end)))


def _marked_body(blocks, i: int, mark: re.Match) -> tuple[list, int]:
    """The blocks an ADD / MOD / SUP mark governs: its own rest of line, then the paragraphs up to the next mark,
    a heading, the reasons or a prose instruction. Returns them and the index of the next block to read."""
    from .forms import REF_LED_RE

    b = blocks[i]
    own = b.text[mark.end():].strip()
    # "ADD PRY/37/8 Annex, new Action Line heading and item after C2": where the text goes, not the text
    body = [(b, mark.end())] if own and not PLACE_RE.match(own) else []
    j = i + 1
    while j < len(blocks):
        nxt = blocks[j]
        if (MARK_RE.match(nxt.text) or REASONS_RE.match(nxt.text) or any(rx.match(nxt.text) for _, rx in PROSE)
                or (body and REF_LED_RE.match(nxt.text))):
            break  # the next amendment: a mark, an instruction, or a line led by its paragraph ("Paragraph 11: …")
        if not body and PLACE_RE.match(nxt.text.strip()):
            j += 1
            continue  # "Annex, new Action Line heading and item after C2" on a line of its own: where, not what
        if body and (nxt.kind is BlockKind.HEADING or _title_like(nxt.text)):
            break
        body.append((nxt, 0))
        j += 1
        if mark.group("mark") == "SUP" and body and not (len(body) == 1 and _chapeau_line(body[0][0].text)):
            break  # a suppression names one paragraph (after the chapeau it sits under, if that is printed)
    while j < len(blocks) and REASONS_RE.match(blocks[j].text):
        j += 1  # the reasons belong to the amendment, not to what follows
    return body, j


def _title_like(text: str) -> bool:
    """A short line that does not end a sentence or a clause: the next amendment's title ("Amendment 3
    (paragraph 11)"), not more of this one's text."""
    words = text.split()
    return len(words) <= 10 and not text.rstrip().endswith((".", ";", ":", ","))


def _chapeau_line(text: str) -> bool:
    """"recognizing", "instructs the Director of the Telecommunication Development Bureau": the chapeau a marked
    item is printed under, on a line of its own."""
    text = text.strip()
    return bool(text) and text[0].islower() and len(text.split()) <= 12 and not text.endswith((".", ";", ","))


def _marked(doc: Document, b, mark: re.Match, body: list, chapeau: str | None = None) -> Amendment:
    """An amendment under an ADD / MOD / SUP mark; `chapeau`: the one printed on its own line before the mark."""
    form = MARK_FORMS[mark.group("mark")]
    spanned = list(body)  # the lines it takes, the place lines too
    ref = (mark.group("ref") or "").strip() or None
    if ref is None and chapeau and body and not _chapeau_line(body[0][0].text[body[0][1]:]):
        # "instructs the Secretary-General", then "MOD", then "2 to update …": the item under that chapeau
        item = _item_label(*body[0])
        ref = f"{chapeau} {item}" if item else None
    first = " ".join(body[0][0].text[body[0][1]:].split()) if body else ""
    if ref is None and len(body) >= 2 and (where := _WHERE_RE.match(first)):
        ref, body = where.group("code"), body[1:]  # "MOD PRY/37/7", "Annex, C5.2", then the item
    elif (ref is None and form == "delete" and len(body) == 1 and _chapeau_line(first)
          and re.search(r"\s(?:\d+[A-Za-z]*|\(?[a-z]\))$", first)):
        ref, body = first, []  # "SUP PRG/58A2/7", then "instructs the Council 2": the item it deletes, by its place
    elif ref is None and len(body) >= 2 and _chapeau_line(first):
        # "MOD ACP/41A3/1", then "recognizing", then "c) that …": the item is found under its chapeau
        item = _item_label(*body[1])
        if re.search(r"\s\d+[A-Za-z]*$", first):
            ref = first  # "instructs the Director … 4": the line names the item itself
        else:
            ref = f"{first} {item}" if item else None
        body = body[1:]
    printed = "\n\n".join(blk.text[skip:].strip() for blk, skip in body)
    start = b.start
    end = max([b.end, *(blk.end for blk, _ in spanned)])
    old, new = "", printed
    if TRACKED_RE.search(printed):
        old, new = untracked(printed)
        form = "modify"
    elif form == "delete":
        old, new = printed, ""
    # without a reference, the item's own label: "2 that ITU-D shall …" (a parser's list label) or "b) that …"
    target = _number(ref) if ref else (_leading_number(printed) or (_item_label(*body[0]) if body else None))
    label = f"{mark.group('mark')} {ref}" if ref else mark.group("mark")
    heading = re.sub(r"\s*(?:(?:PP|OP)\s*)?(?:\d[\w.]*|\(?[a-z]\))(?:\s*(?:bis|ter|quater))?\s*$", "",
                     ref or "") or None
    return Amendment(id=content_id("amd", doc.sha256, start, end), label=label, form=form, target=target,
                     heading=heading,
                     text=doc.text[start:end], old=_strip_number(old), new=_strip_number(new), locator=b.locator,
                     start=start,
                     end=end, whole_paragraph=True)


def _item_label(block, skip: int) -> str | None:
    """The label an item is printed with: the parser's, or its text's leading "2" / "c)"."""
    m = _ITEM_LABEL_RE.match(block.text[skip:])
    return block.label or (m.group(1) if m else None)


def _bracketed(doc: Document, b) -> Amendment | None:
    """A quoted paragraph with its changes in square brackets and capitals, as one amendment of that paragraph."""
    text = b.text.strip().strip("\"\u201c\u201d")
    whole = BRACKET_WHOLE_RE.match(b.text)
    if whole:
        body = whole.group("text").strip().strip("\"\u201c\u201d").rstrip("]").strip()
        number = whole.group("n").rstrip(".") or _leading_number(body)
        form = "add" if whole.group("op").startswith("ADD") else "delete"
        label = f"{' '.join(whole.group('op').split())} {whole.group('n')}".strip()
        return Amendment(id=content_id("amd", doc.sha256, b.start, b.end), label=label, form=form,
                         target=number or None, text=doc.text[b.start:b.end], old=_strip_number(body) if form ==
                         "delete" else "", new=_strip_number(body) if form == "add" else "", locator=b.locator,
                         start=b.start, end=b.end, whole_paragraph=True)
    if not BRACKET_EDIT_RE.search(text):
        return None
    marked = BRACKET_EDIT_RE.sub(lambda m: (f"{{-{m.group('old')}-}}{{+{m.group('new')}+}}" if m.group("old") is not None
                                            else f"{{+{m.group('words')}+}}" if m.group("op") in ("ADD", "INSERT")
                                            else f"{{-{m.group('words')}-}}"), text)
    old, new = untracked(marked)
    number = _leading_number(old)
    return Amendment(id=content_id("amd", doc.sha256, b.start, b.end), label=f"Paragraph {number}" if number else
                     "Marked paragraph", form="modify", target=number, text=doc.text[b.start:b.end],
                     old=_strip_number(old), new=_strip_number(new), locator=b.locator, start=b.start, end=b.end,
                     whole_paragraph=True)


def untracked(text: str) -> tuple[str, str]:
    """The paragraph before and after its marked changes: ({-deleted-} kept, {+inserted+} left out) and the
    reverse."""
    before = TRACKED_RE.sub(lambda m: m.group("del") or "", text)
    after = TRACKED_RE.sub(lambda m: m.group("ins") or "", text)
    return " ".join(before.split()), " ".join(after.split())


def _prose(doc: Document, b, nxt) -> list[tuple[Amendment, bool]]:
    """The prose instructions in one block; an instruction ending in ':' takes the next block as its new text."""
    out, taken = [], []
    for form, rx in PROSE:
        for m in rx.finditer(b.text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            groups = {k: v for k, v in m.groupdict().items() if v}
            new, took_next, end = groups.get("new", ""), False, b.start + m.end()
            if form == "insert" and not new and nxt is not None and b.text[m.end():].strip() in ("", ":", "."):
                new, took_next, end = _unquote(nxt.text), True, nxt.end
            if form == "insert" and not new:
                continue
            taken.append((m.start(), m.end()))
            target = groups.get("n") or groups.get("n2") or groups.get("n_row")
            if target and groups.get("letter"):
                target = f"{target} {groups['letter']}"  # "activity (e) of Output 1.1": "1.1 (e)"
            if target and groups.get("section") and "." not in target:
                target = f"{groups['section']}.{target}"  # "section 5, paragraph 2" is printed "5.2"
            if target and (groups.get("pre_n") or groups.get("pre_n2")) and not target.upper().startswith("PP"):
                target = "PP" + target  # how UN drafts number preambular paragraphs
            whole = (form in ("add", "modify") or (form == "delete" and "old" not in groups and "nth" not in groups)
                     or (form == "insert" and "anchor" not in groups))
            label = _prose_label(m.group())
            # "resolves 1": the number restarts under that heading
            heading = re.sub(r"\s*(?:(?:paragraph|para\.?|PP|OP)\s*)?(?:\d[\w.]*|\(?[a-z]\))\s*$", "",
                             target or "", flags=re.I) if target and " " in target.strip() else None
            heading = heading or None
            out.append((Amendment(id=content_id("amd", doc.sha256, b.start + m.start(), end), label=label, form=form,
                                  target=(target if groups.get("n_row") else _number(target)) if target else None,
                                  heading=heading,
                                  text=doc.text[b.start + m.start():end],
                                  old=groups.get("old", ""), new=new, locator=b.locator, start=b.start + m.start(),
                                  end=end, whole_paragraph=whole,
                                  part=groups.get("nth") or ("end" if form == "insert" and AT_END.search(m.group())
                                                             else None)), took_next))
    return sorted(out, key=lambda a: a[0].start)


def _prose_label(instruction: str) -> str:
    """An instruction's words before its quoted text: "In paragraph 5, replace", "Insert after paragraph 7 a new
    paragraph", "Delete paragraph 8"."""
    head = re.split(rf"[{_Q_OPEN}:]", instruction, maxsplit=1)[0]
    return " ".join(head.split()).rstrip(" ,.;")[:80]


def _unquote(text: str) -> str:
    text = text.strip()
    if len(text) > 1 and text[0] in _Q_OPEN and text[-1] in _Q_CLOSE:
        return text[1:-1].strip()
    return text


_NUMBER_RE = re.compile(r"\d+[A-Za-z]*")
_ITEM_LABEL_RE = re.compile(r"^\s*(\d+[A-Za-z]*|\(?[a-z]\))[.)]?\s+(?=\S)")
_LEADING_NUMBER_RE = re.compile(r"^\s*(\d+[A-Za-z]*|[A-Z]\d+(?:\.\d+)+)[.)]?\s+(?=\S)")  # "7", "7bis", "C5.2"
# A line naming where a marked text goes: "Annex, C5.2", "instructs the Director … 4".
_WHERE_RE = re.compile(r"^(?:annex\s*,?\s*)?(?P<code>[A-Z]\d+(?:\.\d+)+)$", re.I)


def _number(ref: str) -> str:
    """'resolves 3' -> '3', '7 bis' -> '7bis', '5 (a)' -> '5 (a)', 'Annex, C5.2' -> 'C5.2'."""
    ref = " ".join(ref.split())
    ref = re.sub(r"\s+(bis|ter|quater)\b", r"\1", ref)
    ref = re.sub(r"\b(PP|OP)\s+(?=\d)", r"\1", ref)
    m = re.search(r"\b[A-Z]\d+(?:\.\d+)+\b|(?:PP|OP)?\d+(?:\.\d+)*[A-Za-z]*(?:\s*\([a-z]\))?|\(?[a-z]\)", ref)
    return m.group() if m else ref


def _leading_number(text: str) -> str | None:
    m = _LEADING_NUMBER_RE.match(text)
    return m.group(1) if m else None


def _strip_number(text: str) -> str:
    """A paragraph's text without the number it is printed with (the final text may number it differently)."""
    return _LEADING_NUMBER_RE.sub("", text, count=1).strip()


__all__ = ["FORMS", "Amendment", "read_amendments", "untracked"]
