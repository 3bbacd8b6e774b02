"""Cut blocks into clause segments: headings, chapeaux, preambles, items and plain paragraphs.

Handles the flattened form of PDF and web extraction, where chapeaux and numbered items run on in one
paragraph ("… instructs the Secretary-General 1 to ensure …; 2 to provide …, instructs the Council Working
Group 1 to initiate …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Block, BlockKind
from ..parse.columns import ROW_CODE_CELL_RE
from .cues import (CHAPEAU_RE, IMPERATIVE_RE, IMPERATIVE_VERBS, OPERATIVE_KIND, OPERATIVE_VERB, PREAMBULAR_RE, RESOLUTION_REF_RE,
                   SELF_OPERATIVE_RE, SUBJECT_OPERATIVE_RE, TRAILING_CHAPEAU_RE)

_CAP_VERBS = "|".join(sorted((v[0].upper() + v[1:] for v in OPERATIVE_KIND), key=len, reverse=True))
# The same verbs as a declaration's speakers use them ("We, the ministers, … 2. Commit to …; 4. Call upon …").
_BASE_VERBS = ("Call further upon|Call also upon|Call upon|Call on|Call for|Recommend|Undertake|Encourage|Instruct|Resolve|"
               "Request|Entrust|Approve|Endorse|Direct|Commit|Invite|Decide|Adopt|Urge|Ask")
# An inline item marker: a number (or "a)") that opens "to …", "that …" or a capitalised operative verb.
ITEM_MARK_RE = re.compile(
    rf"(?:(?<=\s)|^)(?:(?P<label>\d{{1,2}}[.)]?|[a-z]\))\s+"
    # Items open with "to …"/"that …", or, under "requests … to report", with "annually"/"on"/"by the end …".
    rf"(?=(?:to|that|annually|on|by the end)\s|(?:(?:Further|Also)\s+)?(?:{_CAP_VERBS})\b)"
    # A lettered item may open with anything: a sentence ("a) Villages are linked …"), a participle ("b) holding
    # …"), a noun phrase or a new subject ("c) this forum will …"); the letters must run a, b, c (see below).
    rf"|(?P<letter>[a-z]\)|\([a-z]\)|\((?:ii|iii|iv|vi|vii|viii)\))\s+(?=\S)"
    # A number in brackets after a clause or a lead-in's colon ("… the following recommendations: (1) Governments
    # should …; (2) regulators should …") opens an item whatever word follows, if it continues the list exactly.
    rf"|(?<=[;:]\s)\((?P<paren>\d{{1,2}})\)\s+(?=\S)"
    # After a clause ends ("…; 11 taking into account …"), a number opens an item whatever word follows, if it
    # continues the list exactly (checked in _plausible_marks): run-on lists are not only "to …" items.
    rf"|(?:(?<=[;:,.]\s)|(?<=;\sand\s)|(?<=;\sor\s))(?P<next>\d{{1,2}})[.)]?\s+(?=[a-z(]|(?:{_BASE_VERBS})\s)"
    rf"(?!(?:per|percent|years?|months?|"
    rf"weeks?|days?|million|billion|countries|times|of|out)\b|in\s+\d))")
# Items that carry their number in a word: "Proposal 1:", "Recommendation 3.", "Action 2 -".
# A table row ("Target 1<TAB>At least 95 per cent …") may keep only a space before its text; a lettered action
# ("Action A – Publish …") needs its dash, so that "Action A plan" is not one.
NAMED_ITEM_RE = re.compile(r"^(?:Proposal|Recommendation|Action|Request|Measure|Target|Goal|Decision|Amendment)\s+"
                           # ("Proposal 1 | That the secretariat add …": a row whose cells reach us between bars)
                           # ("Decision 21/3: The draft shall be cleared …": a meeting's numbered decision)
                           # ("Proposal 1 (EUR/61A9/1): CEPT proposes …": the proposal's document reference; a year:
                           # "Recommendation 1 (2028): IMAC recommends …"; an audit's "Recommendation 1 (priority: high)")
                           # ("Recommendation 1 (addressed to BDT). The Bureau should …")
                           # ("Proposal 1 (MOD instructs the Secretary-General 3) – That the Council …": the item it amends)
                           # ("Proposal IORRA/03/1: BDT should …": the number is the contribution's own code)
                           r"(?:(?P<n>\d{1,2}(?:\.\d{1,2}|/\d{1,3})?|[A-Z][A-Z0-9]{1,9}(?:/[A-Z0-9]{1,6}){1,3}/\d{1,3})(?:\s+\((?:[A-Z0-9][\w/.\-]{2,30}|priority:\s*[a-z]+|(?:high|medium|low|top)\s+priority|"
                           r"addressed\s+to\s+[^()]{2,60}|(?:ADD|MOD|SUP|NOC)\s+[^()]{2,60})\))?"
                           # ("Proposal 1⇥the secretariat open …": a tabbed row's text after the tab, which the text
                           # parser keeps as a space)
                           r"(?:\s*[:.\-\u2013|]\s+|\s+(?=[A-Z])|\s+(?=(?:the|that|to)\s))"
                           r"|(?P<letter>[A-Z])\s*[:.\u2013\u2014]\s+|(?P<dashed>[A-Z])\s+-\s+)")
# A number typed before an item in lower case ("1 monitor the implementation …"): the text parser reads it as a
# label; a Word paragraph keeps it in its text. (Sentences do not open with a figure; years have four digits.)
BARE_NUMBER_RE = re.compile(r"^(?P<n>\d{1,2}(?:bis|ter|quater)?)\s+(?=[a-z])(?!(?:per|percent|years?|months?|weeks?|days?|million|billion|"
                            r"countries|times|of|out)\b|in\s+(?:\d|every|each)\b)")  # "6 in collaboration with …, to"
# A list lettered in capitals: "A. The cost of an entry-level smartphone falls below …" (a targets annex).
CAPITAL_LETTER_RE = re.compile(r"^(?P<n>[A-H])\.\s+(?=[A-Z0-9])(?=(?:\S+\s+){5})(?=.*[.;]\s*$)")  # not a heading
# An action plan's codes: "B.1 BDT will …", "A.3 Report to ITU …", "A1 Map the areas …".
# "A.3", "A3"; "T3 50 per cent of the teachers …" (a target that opens with its figure)
# "T1 45 000 learners per year …", "T4 every least developed country …": a target's code opens it, whatever follows
# ("C5-01 Update …", a roadmap's milestone; not "AP47-1 Secretariat – …", an action point the walk reads whole)
# ("TC-1. Network operators should …", "AG-1 Publish …", "O.4.3.1 Prepare …": a letter code with a hyphen, a
# code of three levels)
# An action in lower case, as an item under a chapeau that ends with its subject and a colon opens: the verbs of a
# plan's imperative items, and a few more that open recommendations ("aggregate the demand …", "finance …").
_LOWER_ACTIONS = "|".join(sorted({w.lower() for w in IMPERATIVE_VERBS} | {"aggregate", "finance", "report", "fund",
                                                                        "allocate"}, key=len, reverse=True))
CODE_ITEM_RE = re.compile(r"^(?P<n>T\.?\d{1,2}(?=\s+\S)|"
                          # ("1.A⇥Adopt a national broadband plan …": a goal's actions lettered under its number)
                          r"\d{1,2}\.[A-H](?=\s+(?:" + "|".join(IMPERATIVE_VERBS) + r")\b)|"
                          r"(?!A[IP]\d)[A-Z]{1,3}[.\-]?\d{1,2}(?:[.\-]\d{1,2}){0,2}"
                          # ("A34-1 [BDT] Revise …": its owner in brackets before the action)
                          # ("R2 the Secretary-General present …" under "The Expert Group recommends that:")
                          # ("R1⇥set a national target …" under "The Working Group recommends that governments:":
                          # a code and an action in lower case, the chapeau's subject left out)
                          r"(?=\.?\s+(?:[A-Z]|\[[A-Z]|the\s+[A-Za-z]|that\s+[A-Z]|(?:" + _LOWER_ACTIONS + r")[\s,]|"
                          r"\d[\d\s,.]*\s*(?:per\s*cent|%))))\.?\s+")
OUTPUT_ITEM_RE = re.compile(r"^Output\s+(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*[-\u2013\u2014:.]\s+")
CODE_DASH_ITEM_RE = re.compile(r"^(?P<n>(?!A[IP]\d)[A-Z]{1,3}\d{1,2}(?:[.\-]\d{1,2}){0,2})\s+[-\u2013\u2014]\s+"
                               r"(?=[A-Z][a-z])")
# A delegation's comment on a numbered paragraph of a draft: "Para. 7: insert after …", "Paragraph 12 (preamble):
# …", "OP 5 – delete …". The paragraph's number labels the comment.
PARA_ITEM_RE = re.compile(r"^(?:Para(?:graph)?s?\.?\s*(?P<n>\d{1,3}(?:\s*\([a-z]\))?(?:-\d{1,3})?)|"
                          r"(?P<op>(?:OP|PP)\s*\d{1,3}(?:\s*\([a-z]\))?(?:\s*(?:bis|ter|quater)\b)?))"
                          r"\s*(?:\([^()]{1,30}\))?"
                          r"\s*[:\u2013\u2014-]\s+(?=\S)")
# A table row exported with its cells between vertical bars: "1.1 | Publish the toolkit … | BDT | Q2 2028"; the bar
# after the row's number (or the label the parser already took) is no part of the action.
BAR_ROW_RE = re.compile(r"^(?P<n>(?:[A-Z]\.?)?\d{1,2}(?:\.\d{1,2}){0,2})\.?\s*\|\s*(?=\S)")
BAR_CELL_RE = re.compile(r"^\|\s*(?=\S)")
OPERATIVE_ANY_RE = re.compile(rf"\b{OPERATIVE_VERB}\b", re.IGNORECASE)
TRIM_TAIL_RE = re.compile(r"[\s;,:\u201d\"]*(?:\b(?:and|or)\b)?[\s;,:\u201d\"]*$")
# A meeting's verb closing the words before its run-on list: "…, the Group agreed a) …", "…, TDAG requested BDT
# to: a)".
LATE_MEETING_CHAPEAU_RE = re.compile(
    r"[,;]\s+(?P<chapeau>(?:[Tt]he\s+)?(?:Group|Meeting|Committee|[A-Z]{3,8})\s+(?:also\s+)?"
    r"(?:agreed|decided|requested|invited|encouraged|asked)\b[^,;.:]{0,80}?)\s*:?\s*$")
DECIDED_FOLLOWING_RE = re.compile(r"\b(?:decided|agreed|decides|agrees)(?:\s+(?:on\s+)?the\s+following)?\s*:\s*$")
# The mark a resolution under revision sets before each paragraph it changes: "MOD", "ADD", "(MOD)", "SUP", "NOC".
REVISION_MARK_RE = re.compile(r"^\(?(?:MOD|ADD|SUP|NOC)\)?(?:\t|\s+)(?=\S)")
# Flattened text is long; a normal item rarely carries two inline markers.
FLATTENED_MIN_WORDS = 12


@dataclass(frozen=True, slots=True)
class Segment:
    """A clause-level piece of a block; start/end are offsets into block.text."""

    kind: str  # heading | chapeau | preamble | item | para
    block: Block
    start: int
    end: int
    label: str | None = None

    @property
    def text(self) -> str:
        return self.block.text[self.start:self.end]


# A line that only names and numbers what follows: "Recommendation 2", "Proposal 3 (priority: high)", and a table's
# row of such a heading and its particulars ("Recommendation 3 | Priority: High | Addressed to: the Task Force").
NAMED_HEADING_RE = re.compile(r"(?:Proposal|Recommendation|Action|Request|Measure|Decision)\s+"
                              r"(?P<n>\d{1,2}(?:\.\d{1,2})?)(?:\s+\([^()]{1,30}\))?"
                              r"(?:\s+(?:Priority|Addressed\s+to|Lead|Owner|Responsible|Status|Deadline|Target\s+date|"
                              r"Timeline|Category|Type)\s*:\s*[^:]{1,50}?)*\s*:?")


def segment_blocks(blocks: tuple[Block, ...]) -> list[Segment]:
    """All segments of a document, in reading order."""
    out: list[Segment] = []
    carried = None
    first_cells = {b.table[:2]: b.text.strip() for b in blocks if b.table and b.table[2] == 0}
    for b in blocks:
        segs = segment_block(b)
        if b.table and b.table[2] > 0 and b.label is None and len(segs) == 1:
            segs = [_cell_segment(segs[0], first_cells.get(b.table[:2], ""))]
        elif b.table and b.label is None and len(segs) == 1 and (code := CELL_CODE_RE.match(segs[0].text)):
            # "EG.1 Publish the UN E-Government Survey 2028 …" in a roadmap's Activity column: the activity's code
            segs = [Segment("item", b, segs[0].start + code.end(), segs[0].end, code.group("n"))]
        if carried and segs and segs[0].kind == "para" and segs[0].label is None and b.label is None:
            # "Recommendation 2" on a line of its own, then its text: the text carries the number
            segs[0] = replace(segs[0], label=carried)
        named = NAMED_HEADING_RE.fullmatch(b.text.strip()) if b.label is None else None
        carried = named.group("n") if named else None
        out.extend(part for seg in segs for part in _coded_actions(seg))
    return out


# Action items run on after the decisions in one paragraph: "… Action items: AI-1 secretariat to revise …; AI-2 each
# facilitator to confirm …; AI-3 ESCAP and ECA to propose …".
RUN_ON_CODE_RE = re.compile(r"(?:(?<=:)|(?<=;)|(?<=\.))\s+(?P<code>(?P<prefix>[A-Z]{1,3})-(?P<n>\d{1,2}))\s+(?=\S)")


def _coded_actions(seg: Segment) -> list[Segment]:
    """A segment that runs coded action items on after its own text: the text before them, then one item per code
    (two codes at least, of one prefix, numbered on: AI-1, AI-2, …)."""
    if seg.kind not in ("item", "para"):
        return [seg]
    text = seg.block.text
    marks = [m for m in RUN_ON_CODE_RE.finditer(text, seg.start, seg.end)]
    if len(marks) < 2 or len({m.group("prefix") for m in marks}) != 1 or [int(m.group("n")) for m in marks] != list(
            range(int(marks[0].group("n")), int(marks[0].group("n")) + len(marks))):
        return [seg]
    out = [replace(seg, end=_trim_end(text, seg.start, marks[0].start()))] if text[seg.start:marks[0].start()].strip(
        " :") else []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else seg.end
        out.append(Segment("item", seg.block, m.end(), _trim_end(text, m.end(), end), m.group("code")))
    return [s for s in out if s.end > s.start]


# A table cell that opens with its own number: "1.1 Adopt a standard set of …" under recommendation 1.
CELL_NUMBER_RE = re.compile(r"(?P<n>(?:[A-Z]{1,2}\.?)?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=[A-Z])")
# A row's first cell that opens with the code of what it holds: "EG.1 Publish …", "A.3 Map …".
CELL_CODE_RE = re.compile(r"(?P<n>[A-Z]{1,3}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(?=[A-Z][a-z])")


def _cell_segment(seg: Segment, first_cell: str) -> Segment:
    """A cell right of its row's first: labelled by its own number ("1.1 Adopt …" in a management response's
    "Planned actions" column) or else by the row's number in the first cell ("| 3 | … | BDT should …")."""
    own = CELL_NUMBER_RE.match(seg.text)
    if own:
        return Segment("item", seg.block, seg.start + own.end(), seg.end, own.group("n"))
    if ROW_CODE_CELL_RE.fullmatch(first_cell):
        return replace(seg, label=first_cell.rstrip("."))
    return seg


def segment_block(block: Block) -> list[Segment]:
    """One block to its segments."""
    text = block.text
    if block.label is None and (mark := REVISION_MARK_RE.match(text)) and text[mark.end():].strip():
        # "MOD⇥2⇥to update every year …" in a resolution under revision: the item after its mark
        return segment_block(replace(block, text=text[mark.end():], start=block.start + mark.end()))
    if block.kind is BlockKind.HEADING:
        return [Segment("heading", block, 0, len(text), block.label)]
    if block.kind in (BlockKind.TABLE_CELL, BlockKind.FOOTNOTE):
        return [Segment("para", block, 0, len(text), block.label)]
    if len(text.split()) >= FLATTENED_MIN_WORDS:
        flat = split_flattened(block)
        if flat and block.label is None and flat[0].kind == "para" and flat[0].start == 0 and flat[0].label is None:
            # "R5 The secretariat should improve …, in particular by (a) checking …; (b) …": the head keeps its code
            code = CODE_ITEM_RE.match(text)
            named = PARA_ITEM_RE.match(text) or NAMED_ITEM_RE.match(text) or (
                code if code and not code.group(0).rstrip().endswith(".") else None)
            if named and named.end() < flat[0].end and ":" not in text[flat[0].end - 1:flat[0].end + 2]:
                # (not a head that only leads in, "P3 That the database:": its items are read as before)
                flat[0] = Segment("item", block, named.end(), flat[0].end, _named_label(named))
        if flat:
            return flat
    # A quotation opens with its quote mark: "“2\tto present each year …".
    opening = len(text) - len(text.lstrip("\u201c\"\u2018'")) if block.label is None else 0
    lead = ITEM_MARK_RE.match(text[opening:]) if block.label is None else None
    if lead:  # a PDF line kept its number in the text: "5 to give the Council …"
        end = opening + lead.end()
        return [Segment("item", block, end, _trim_end(text, end, len(text)), _label(lead))]
    code = CODE_ITEM_RE.match(text)
    if code and code.group(0).rstrip().endswith(".") and not text.rstrip().endswith((".", ";", ":")):
        code = None  # "C4. Capacity building", "Q2. Is the strategy …?": a title or a question, not "G1. We request …."
    # ("A3 - Propose a session on … . Owner: ITU WSIS Task Force.": an action item's code and a dash, in a sentence;
    # "Output 4.1 - Develop and keep up to date …": an output worded as an action, not "Output 4.2 Digital skills of
    # public officials strengthened", which only names what is to come about)
    dashed = CODE_DASH_ITEM_RE.match(text) if text.rstrip().endswith(".") else None
    if dashed is None and (output := OUTPUT_ITEM_RE.match(text)) and IMPERATIVE_RE.match(text[output.end():]):
        dashed = output
    named = (BAR_ROW_RE.match(text) or PARA_ITEM_RE.match(text) or NAMED_ITEM_RE.match(text) or code or dashed
             or BARE_NUMBER_RE.match(text) or CAPITAL_LETTER_RE.match(text) if block.label is None else None)
    if named:  # "Proposal 1: The secretariat should publish …"
        return [Segment("item", block, named.end(), _trim_end(text, named.end(), len(text)), _named_label(named))]
    # (or with no stop at all, the quotation on the next line: "… Council Resolution 1447 (Mod. 2027) instructs the
    # Secretary-General" above "\u201c1 to submit …")
    last = _last_sentence_start(text) if text.rstrip()[-1:] not in ".;!?)" else 0
    if last and is_chapeau(text[last:]) and _quotes_instrument(text[last:]):
        # "Several provisions already ask for this. Resolution 140 (…) instructs the Secretary-General:": the quoted
        # chapeau is the paragraph's last sentence (in a numbered paragraph too: "1.2 The draft leaves out … .
        # Council Resolution 1447 (Mod. 2027) instructs the Secretary-General")
        return [Segment("para", block, 0, _trim_end(text, 0, last)), Segment("chapeau", block, last, len(text))]
    if is_chapeau(text) and (block.label is None or (text.rstrip().endswith(":") and _quotes_instrument(text))):
        # "1.1 The Administration recalls that Council Resolution 1332 (Mod. 2024) instructs the Secretary-General:"
        return [Segment("chapeau", block, 0, len(text))]
    if block.label is None and PREAMBULAR_RE.match(text):
        return [Segment("preamble", block, 0, len(text))]
    kind = "item" if block.label is not None else "para"
    # "2.2 Conclusions. The Group requested the secretariat to:": a run-in title is no part of the item
    title = RUN_IN_DOT_TITLE_RE.match(text) if block.label is not None else None
    start = title.end() if title and not re.match(r"(?:Res|Mod|Rev|Doc|Add|Corr|Para|Art|Vol)\.", text) else 0
    if block.label is not None and (bar := BAR_CELL_RE.match(text)):
        start = bar.end()  # "1.1 | Publish …": the parser took the number, the cell's bar stays
    if start and is_chapeau(text[start:]) and text.rstrip().endswith(":"):
        return [Segment("chapeau", block, start, len(text))]
    return [Segment(kind, block, start, _trim_end(text, start, len(text)), block.label)]


# A run-in title that opens a numbered paragraph: "Conclusions. ", "Future work. ", "Action by the Council. ".
# (At most three words, and no sentence's opening word: "It was agreed. The Group …" keeps its first sentence.)
RUN_IN_DOT_TITLE_RE = re.compile(r"^(?!(?:The|A|An|It|This|That|These|We|They|There|He|She)\b)[A-Z][a-z]{2,}"
                                 r"(?:\s+[A-Za-z][a-z]*){0,2}\.\s+(?=[A-Z])")


def _named_label(m: re.Match) -> str:
    """The number or letter of "Proposal 3:", "Target 1", "Action A –"."""
    if m.groupdict().get("op"):  # "OP 5 – delete …", "OP5: …": the operative (or preambular) paragraph as printed
        return " ".join(m.group("op").split())
    return next(v for k, v in m.groupdict().items() if v is not None and k in ("n", "letter", "dashed"))


def is_chapeau(text: str) -> bool:
    """A short line that is only an operative verb and its addressee, maybe after a resolution reference."""
    if len(text.split()) > 30:
        return False
    m = CHAPEAU_RE.match(text)
    if not m:
        return False
    pre = m.group("pre").strip()
    if re.match(r"(?:to|that)\s+(?!th(?:is|at)\s+end\b)[a-z]", pre) or re.match(r"\s+\d{1,2}\b", m.group("addr")):
        return False  # "to mobilize … for the assistance under decides 1 c)": an item that cites a part by its verb
    # Before the verb: nothing, "The Council", or a reference such as "Council Resolution 1332 (Mod. 2024)" (the
    # abbreviations of a reference end no sentence).
    bare = re.sub(r"\b(?:Mod|Rev|Res|No|Doc|para|Add|Corr)\.\s", "X ", pre)
    return not pre or (len(pre.split()) <= 16 and not re.search(r"[.;]\s", bare))


def split_flattened(block: Block) -> list[Segment] | None:
    """Split a run-on paragraph holding chapeaux and numbered items; None when it is not one."""
    text = block.text
    # An item that carries its number ("3 to keep …; 4 the roadmaps …") continues its own list.
    first = int(block.label.rstrip(".")) if block.label and block.label.rstrip(".").isdigit() else 0
    # "c) the programme …; d) participation …": an item with a letter continues its letters
    letter = re.fullmatch(r"\(?([a-z])\)", block.label or "")
    marks = _plausible_marks(list(ITEM_MARK_RE.finditer(text)), text, first=first,
                             first_letter=letter.group(1) if letter else "")
    if not marks:
        return None
    pre_end = marks[0].start()
    chapeau_at = _last_chapeau_start(text[:pre_end])
    if (chapeau_at is None and (block.label is None or DECIDED_FOLLOWING_RE.search(text[:pre_end]))
            and _meeting_chapeau(text[:pre_end])):
        # "The Group requested the secretariat: a) to …; b) …" (a meeting's record); "4.3 TDAG decided the
        # following: a) the BDT Director to map …" with b) on a line of its own, which asks nothing itself ("2.2 TDAG
        # requested the BDT Director to: a) …" does: it stays an item)
        chapeau_at = 0
    if chapeau_at is None and (late := LATE_MEETING_CHAPEAU_RE.search(text[:pre_end])) is not None:
        chapeau_at = late.start("chapeau")  # "After an exchange of views (…), the Group agreed a) to forward …"
    # One marker is enough after a chapeau, or for "a)" closing a heading run into its first item by a PDF
    # ("Part A  The ten WSIS targets … a) Villages are linked …").
    lone_letter = (len(marks) == 1 and marks[0].group("letter") is not None and pre_end > 0
                   and text[marks[0].end():marks[0].end() + 1].isupper() and text[:pre_end].rstrip()[-1:] not in ".;:,")
    # ("1. Resolve to …; 2. Commit to …": one marker is enough where it numbers the item after the block's own)
    continues = (len(marks) == 1 and first > 0 and marks[0].group("next") is not None
                 and int(marks[0].group("next")) == first + 1 and text[:pre_end].rstrip().endswith(";"))
    if len(marks) < 2 and chapeau_at is None and not lone_letter and not continues:
        return None
    segs: list[Segment] = []
    own = _opens_with_verb(text[:pre_end])
    if block.label is not None and text[:pre_end].strip() and (chapeau_at is None or own):
        # A numbered item whose sub-items run on inside it ("3. Requests the Union: (a) to …; (b) to …"): the
        # item keeps its number and the sub-items follow it.
        segs.append(Segment("item", block, 0, _trim_end(text, 0, pre_end), block.label))
    elif block.label is None and chapeau_at is None and (named := NAMED_ITEM_RE.match(text[:pre_end])):
        # "Proposal 5 - the Task Force take the following steps: a) complete …; b) …": item 5 and its letters
        segs.append(Segment("item", block, named.end(), _trim_end(text, named.end(), pre_end), _named_label(named)))
    elif chapeau_at is not None:
        subject = text[:chapeau_at].strip()
        if subject and len(subject.split()) <= 5 and not re.search(r"[.;:,]", subject):
            chapeau_at, subject = 0, ""  # "7.2 TDAG recommends that the Director of BDT: a) …": the body is its own
        if subject:
            segs.append(Segment(_pre_kind(text[:chapeau_at]), block, 0, _trim_end(text, 0, chapeau_at)))
        # A numbered paragraph that opens with its chapeau keeps its number for the items that run on in it.
        segs.append(Segment("chapeau", block, chapeau_at, _trim_end(text, chapeau_at, pre_end),
                            block.label if chapeau_at == 0 else None))
    elif text[:pre_end].strip():
        segs.append(Segment(_pre_kind(text[:pre_end]), block, 0, _trim_end(text, 0, pre_end)))
    for i, m in enumerate(marks):
        start = m.end()
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        label = _label(m)
        tail = TRAILING_CHAPEAU_RE.search(text, start, end)
        if tail:
            segs.append(Segment("item", block, start, _trim_end(text, start, tail.start()), label))
            c0 = tail.start("chapeau")
            segs.append(Segment("chapeau", block, c0, _trim_end(text, c0, end)))
        else:
            segs.append(Segment("item", block, start, _trim_end(text, start, end), label))
    return [s for s in segs if s.end > s.start]


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of a paragraph starts (0 for one sentence); abbreviations ("Rev.", "Mod.") end none."""
    starts = [m.end() for m in re.finditer(r"(?<!\bRev)(?<!\bMod)(?<!\bNo)(?<!\bRes)\.\s+(?=[A-Z])", text)]
    return starts[-1] if starts else 0


def _quotes_instrument(text: str) -> bool:
    """A numbered paragraph ending in a resolution's chapeau: "1.1 … Resolution 1332 … instructs …:"."""
    m = CHAPEAU_RE.match(text)
    # "2.2 The same resolution invites Administrations:", "2.3 It further instructs the Working Group:" point back
    return bool(m and (RESOLUTION_REF_RE.search(m.group("pre")) or re.fullmatch(
        r"\s*(?:(?:The\s+same|This|The\s+said)\s+(?:resolution|decision|instrument)|It)"
        r"(?:\s*,\s*(?:under|in\s+the\s+part))?\s*[\"“]?\s*", m.group("pre"),
        re.IGNORECASE)))


def _meeting_chapeau(text: str) -> bool:
    """"The Group decided:" or "The Group requested the secretariat:": a body, its verb (in the past tense too) and
    its addressee, with nothing that could be an item of its own."""
    m = SUBJECT_OPERATIVE_RE.match(text.strip(" :") + " ")
    return bool(m) and len(text.split()) <= 16 and not re.search(r"[.;]|\bto\s+[a-z]", m.group("rest"))


def _opens_with_verb(text: str) -> bool:
    """Does a numbered item open with its own operative verb ("3. Requests the Union: (a) …")?"""
    return bool(SELF_OPERATIVE_RE.match(text))


def _label(m: re.Match) -> str:
    label = (m.group("label") or m.group("letter") or m.group("next") or m.group("paren")).rstrip(".")
    return label.rstrip(")") if label[:1].isdigit() else label  # "1)" is item 1


def _pre_kind(text: str) -> str:
    return "preamble" if PREAMBULAR_RE.match(text) else "para"


# A label after these words is cited, not opened: "on items a) and b)", "under paragraph 3 …".
CITING_WORDS = {"item", "items", "paragraph", "paragraphs", "subparagraph", "subparagraphs", "sub-paragraph",
                "sub-paragraphs", "and", "or", "of", "in", "under", "see", "point", "points"}

# A resolution's part cited by its verb and number: "the report referred to in decides 1 a)".
CITED_PART_RE = re.compile(r"(?:resolves|decides|instructs|requests|invites|encourages|urges)", re.IGNORECASE)


def _cites_part(before: list[str]) -> bool:
    """Do the words before a label cite a part by its verb and addressee: "referred to in instructs the Director 1
    (a) above"?"""
    for i in range(len(before) - 1, max(len(before) - 7, 0), -1):
        if CITED_PART_RE.fullmatch(before[i]) and before[i - 1].lower() in CITING_WORDS:
            return all(re.fullmatch(r"the|of|[A-Z][\w\-]*|\d{1,3}|\(?[a-z]\)", w) for w in before[i + 1:])
    return False


# A name that ends with its number: "Study Group 17", "Question 5/1", "Working Party 2", "Goal 9".
NUMBERED_NAME_RE = re.compile(r"Groups?|Question|Party|Parties|Resolution|Recommendation|Commission|Committee|Goal|"
                              r"Target|Article|Annex|Chapter|Section|Phase|Module|Volume|Decision|Opinion")


def _plausible_marks(marks: list[re.Match], text: str = "", *, first: int = 0,
                     first_letter: str = "") -> list[re.Match]:
    """Keep markers whose numbers increase (quoted items skip: 1, 6, 9), restarting at 1 after a new chapeau;
    letters run a), b) …. `first` is the number (`first_letter` the letter) of the item the text belongs to."""
    kept: list[re.Match] = []
    last_num = first
    last_letter, last_roman = first_letter, ""
    for m in marks:
        label = _label(m)
        before = text[max(0, m.start() - 40):m.start()].split()
        closing = len(before) > 1 and before[-1].lower() in ("and", "or") and before[-2][-1:] in ";,"
        cited_verb = (len(before) > 1 and CITED_PART_RE.fullmatch(before[-1]) and before[-2].lower() in CITING_WORDS
                      and label.isdigit())  # "the report referred to in resolves 1 to the Council"
        if before and not closing and (cited_verb or _cites_part(before) or before[-1].lower() in CITING_WORDS or (
                len(before) > 1 and re.fullmatch(r"\d{1,3}", before[-1]) and (before[-2].lower() in CITING_WORDS
                                                                  or CITED_PART_RE.fullmatch(before[-2])))):
            continue  # "items a) and b)", "paragraph 3 (a)", "referred to in decides 1 a)"; but "…; and (e) …"
        if label.isdigit() and (re.match(r"to\s+\d", text[m.end():]) or before[-1:] in (["from"], ["between"])):
            continue  # "from 23 to 27 April 2029": a range of days, no item 23
        if re.match(r"\s*(?:above|below)\b", text[m.end():]):
            continue  # "… under instructs the Director … 1 a) above,": a citation, no item a)
        if label.isdigit() and before and NUMBERED_NAME_RE.fullmatch(before[-1]):
            continue  # "TSAG requested ITU-T Study Group 17 to identify …": the number is the group's, no item 17
        if label.isdigit():
            n = int(label)
            # A number before any word counts only as the next of its list: "; 3 members" is no item 3 after 7.
            fits = n == last_num + 1 if (m.group("next") or m.group("paren")) else (n > last_num or n == 1)
            if fits or n == 1:
                kept.append(m)
                last_num = n
                last_letter = ""
        else:
            bare = label.strip("()")
            if (last_letter or last_roman or bare == "i") and (
                    _roman_next(bare, last_roman) or (bare == "i" and last_letter != "h")):
                # "(b) prepare …, which shall: (i) identify …; (ii) propose …; (c) hold …", or a list of its own
                # ("The following action points were agreed: (i) the Regional Office to …; (ii) ECA to …")
                kept.append(m)
                last_roman = bare
                continue
            letter = bare[0]
            if len(bare) == 1 and ((not last_letter and letter == "a")
                                   or (last_letter and ord(letter) == ord(last_letter) + 1)):
                kept.append(m)
                last_letter = letter
                last_roman = ""
    return kept


ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")


def _roman_next(bare: str, last_roman: str) -> bool:
    """Does "(ii)" follow "(i)"?"""
    return bool(last_roman) and last_roman in ROMANS[:-1] and bare == ROMANS[ROMANS.index(last_roman) + 1]


def _last_chapeau_start(pre: str) -> int | None:
    """Where the last operative chapeau in the text before the first item starts, if it reaches to the end."""
    found = None
    for m in OPERATIVE_ANY_RE.finditer(pre):
        if not re.search(r"[.;]", pre[m.end():]):
            found = m.start()
            break
    return found


def _trim_end(text: str, start: int, end: int) -> int:
    """End offset with trailing separators ("; and", ",", ":") removed."""
    piece = text[start:end]
    m = TRIM_TAIL_RE.search(piece)
    cut = m.start() if m else len(piece)
    return start + cut
