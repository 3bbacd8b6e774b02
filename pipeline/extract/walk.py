"""The reading walk: segments in, candidate requirements out, one handler per kind of segment.

Headings set the section; chapeaux set the verb, actor and quoted instrument that items inherit; UN paragraphs
carry their own verb ("Requests the Secretary-General to …") or ask in a second clause ("Emphasizes …, and
calls upon …"); an item whose chapeau is not in the text keeps an unknown actor; outside resolutions,
proposals, targets, invitations and deontic sentences are requirements of their own.
"""

from __future__ import annotations

import re
import sys
from dataclasses import replace

from ..kb import KnowledgeBase
from ..model import BlockKind, Document, RequirementKind
from ..parse.text import SECTION_WORDS
from . import cues
from .actors import ActorReader
from .cells import read_cell_rows
from .clauses import NAMED_ITEM_RE, Segment
from .walk_addressees import AddresseeReader
from .walk_chapeaux import TOR_TITLE_RE, ChapeauHandlers
from .walk_columns import ColumnReader, cited_draft, cited_rows, who_columns
from .walk_operative import OperativeHandlers
from .walk_outside import LEAD_AFTER_DATE_RE, LEAD_HEADER_RE, MEETING_ROW_RE, OutsideHandlers
from .walk_state import Candidate, _Context, source_name
from .walk_words import DECORATED_TITLE_RE, TITLE_SHORT_RE, _is_letter, _section_title, _sentences, _title_case

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# (not "Action required: The secretariat to add …", a meeting's action point that _action_point reads whole)
RUN_IN_ACTION_RE = re.compile(r"Action\s+(?:required|requested)\s+(?=[A-Z])")
# Bodies whose plain name is whole: never narrowed to the one kind the text names beside it.
WHOLE_NAMES = {"governments", "regulators", "operators", "donors", "countries", "stakeholders", "parliaments",
               "ministries", "businesses", "companies", "universities", "partners", "members", "participants",
               # (writers of the development excerpts kept "the study groups" as printed 25 times, and qualified them
               # by the Sector 8 times: a Sector the text names elsewhere is no evidence of whose groups are meant)
               "study groups"}
# A body called by its noun alone: "the Working Group", "The Conference", "the Council".
# A person by title and surname, or the team or office that works for them: "Commissioner Noorzai's team".
PERSON_SHORT_RE = re.compile(r"\b(?P<title>Commissioner|Ambassador|Minister|Professor|Dr|Mr|Ms|Mrs)\.?\s+(?P<surname>[A-Z][\w\-]+)"
                             r"(?:['\u2019]s\s+(?:team|office|staff|cabinet))?")
# A UN resolution by its symbol: "E/RES/2027/951", "A/RES/80/173".
UN_SYMBOL_RE = re.compile(r"\b[AE]/RES/\d{2,4}/\d{1,4}\b")
# A title's opening words before the body it is about: "Report by the Chair of the …", "Summary record of the …".
REPORT_OF_RE = re.compile(r"^(?:(?:Draft\s+|Final\s+)?(?:[Rr]eport|[Ss]ummary(?:\s+record)?|[Mm]inutes|[Rr]ecord|[Oo]utcome)"
                          r"(?:\s+by\s+the\s+(?:Chair(?:man|person)?|[Ss]ecretariat|Co-Chairs))?\s+of\s+the\s+)"
                          r"(?=[A-Z])")
NUMBERED_ROW_RE = re.compile(r"(?P<n>\d{1,3})\s+(?:\|\s+)?(?=[A-Z][a-z]+\s)")
# "… contains the following instructions to the Secretary-General:" before the items it quotes.
FOLLOWING_RE = re.compile(r"\bthe following (?P<noun>instructions|requests|invitations|decisions)\s+"
                          r"(?:to|addressed to|for)\s+(?P<who>[^:]{3,80}?)\s*:\s*$", re.IGNORECASE)
FOLLOWING_VERBS = {"instructions": "instructs", "requests": "requests", "invitations": "invites",
                   "decisions": "decides"}
# A chapeau in a relative clause that closes a lead-in: "…, which instructs the Secretary-General".
WHICH_CHAPEAU_RE = re.compile(rf",?\s+which\s+(?P<chapeau>{cues.OPERATIVE_VERB}\b[^.;:,]*?)\s*:?\s*$", re.IGNORECASE)
# A Council decision cited by its number: "Decision 644 (C27)", "Council Decision 652 (C28)".
DECISION_REF_RE = re.compile(r"\b(?:Council\s+)?Decision\s+\d{1,4}(?:\s*\((?:C\d{2}|[^()]{0,30}?\d{4})\))?")
# The line that opens an ITU resolution or decision: "The Council,", "The Plenipotentiary Conference (Doha, 2026),".
RESOLUTION_OPENER_RE = re.compile(r"The\s+(?:ITU\s+)?Council,$|The\s+Plenipotentiary\s+Conference(?:\s+of\s+the\s+"
                                  r"International\s+Telecommunication\s+Union)?(?:\s+\([^)]{2,40}\))?,$")
# "The co-sponsors propose that the Council amend Resolution 1417 (Mod. 2027) as follows:" before the amendments.
AMEND_LEAD_RE = re.compile(r"\bpropose[sd]?\s+that\s+(?P<who>the\s+(?:[A-Z][\w&-]*\s+){0,6}?[A-Z][\w&-]*)\s+"
                           r"(?:amend|revise|modify|update)\b")
# A proposed amendment: its mark or its verb of change first ("MOD instructs …", "ADD …", "replace …", "insert …").
AMENDMENT_RE = re.compile(r"\s*(?:(?:MOD|ADD|SUP|NOC)\b|(?:replace|insert|delete|add|amend)\s)")
# A footnote's text, by its marker: "⁵ The Commission is …", "[6] See …", "* Reissued for technical reasons …".
FOOTNOTE_LINE_RE = re.compile(r"\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\]|\*{1,3})\s*\S")


# (a contribution's opening, naming the secretariat's text it comments on or the secretariat it answers)
ON_SECRETARIAT_TEXT_RE = re.compile(r"\b(?:report|draft|note|document|text|outline)\s+(?:prepared\s+)?(?:by|of|from)\s+the\s+"
                                    r"secretariat\b|\b(?:recommendations?|comments?|proposals?)\s+to\s+(?:the\s+)?"
                                    r"secretariat\b|\bthanks\s+the\s+secretariat\b|\bthe\s+secretariat(?:'s|’s)\s+"
                                    r"(?:draft|report|outline|note)\b"
                                    # a delegation's letter: "Subject: Comments on the draft report …"
                                    r"|\bcomments\s+on\s+the\s+(?:revised\s+|first\s+|second\s+)?draft\s+(?:report|contribution|outline|"
                                    r"text)\b", re.IGNORECASE)


# A requirement that opens with a short name and its verb: "The study group chairs should coordinate …"
DEFINED_SUBJECT_RE = re.compile(r"(?:[Tt]he\s+)?(?P<short>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,5}?)\s+(?=(?:shall|should|"
                                r"must|will|are|is|to)\b)")


# A group's officers after the group's initials: "CG-WID co-chairs", "RG-WSIS Chair".
ACRONYM_OFFICER_RE = re.compile(r"(?P<acronym>[A-Z][A-Za-z0-9&]*(?:-[A-Z0-9&][A-Za-z0-9&]*)+)\s+"
                                r"(?P<title>(?i:(?:vice-|co-)?chair(?:man|person)?s?|conveners?))")


class Walk(ColumnReader, ChapeauHandlers, OperativeHandlers, OutsideHandlers, AddresseeReader, ActorReader):
    """One document's reading state; `run(segments)` returns the candidates in document order. The handlers of each
    kind of segment live in their own modules: walk_chapeaux, walk_operative, walk_outside."""

    def __init__(self, document: Document, kb: KnowledgeBase):
        self.kb = kb
        self.doc_name = source_name(document)
        self.own_name = self.doc_name
        super().__init__(document)
        # Footnote markers in the text ("…Tunis Agenda¹", "[2]"): lines at the end that open with these numbers
        # are the footnotes, not items.
        self.footnotes = {str(SUPERSCRIPTS.index(c) % 10) for c in document.text if c in SUPERSCRIPTS} | set(
            re.findall(r"(?<=\w)\[(\d{1,2})\]", document.text)) | set(
            re.findall(r"(?<=[a-z]{3})(\d)(?=[,.;:]\s)", document.text)) | set(  # "developing countries1, …"
            re.findall(r"(?<=[a-z]{3}[.;:])(\d)(?=[ \t]*$)", document.text, re.MULTILINE))  # "… older persons.1"
        self.proposals_that = False  # "APATF proposes that:" opens the proposals that follow
        self.chapeau_number: str | None = None  # the number of the paragraph the last chapeau stands in
        self.listing = False  # the last preamble opener introduces a list ("considering" on a line of its own)
        self.lead_ins: list[tuple[int, int]] = []  # lead-ins of items that ask nothing themselves; the model skips them
        self.header_owner = None  # ((actor, printed), label, segment) of an action header whose action is on the next line
        self.questions_for: tuple[str, str] | None = None  # who the numbered questions below a request are asked of
        # A text that comments on what the secretariat drafts ("based on the report by the secretariat", "… thanks the
        # secretariat for it"): what it asks without naming anyone, it asks of the secretariat
        self.on_secretariat_text = bool(ON_SECRETARIAT_TEXT_RE.search(document.text[:4000]))
        self.proposal_parent: tuple[str, str | None] | None = None  # who a proposal with lettered steps asks
        self.meeting_who: str | None = None  # "TDAG:" before the list of what the meeting decided and asked
        self.section = ""
        self.ctx: _Context | None = None
        self.out: list[Candidate] = []
        self.last_subject: str | None = None
        self.last_actor: tuple[str | None, str | None] | None = None  # who the last deontic sentence named
        self.tor_body: str | None = None  # the group whose terms of reference are being read
        self.target_scope: str | None = None
        self.orphans: list[str] = []  # labels of items read without their chapeau
        self.pronouns: list[str] = []  # clauses whose addressee is a pronoun ("invites them to …"): actor unknown
        self.ministers_we: list[str] = []  # "We commit …" of ministers (`who_we_are`): actor unknown
        self.unnamed_bodies: list[str] = []  # bodies called by their kind alone ("the Fund"): actor unknown
        self.warned: set[int] = set()  # ids of segments whose unknown actor a warning above already names
        # "requests the Director … to give priority to …," reads like a chapeau; it is one only if items follow.
        self.pending: Segment | None = None
        self.prev: Segment | None = None
        self.last_quoted: str | None = None  # the instrument the last quoted chapeau named
        self.lead_in: re.Match | None = None  # an instrument named just before a bare chapeau quoted from it
        self.section_code: str | None = None
        self.last_number: str | None = None  # the last numbered paragraph outside resolutions: its letters' parent
        self.last_letter: str | None = None  # the last letter under it: the parent of its romans ("8 b i")
        self.lead_column = False  # a table header with a Lead column has been read
        self.lead_after_date = False  # its Lead column comes right after a Deadline column ("… Deadline Lead Partners")
        self.cell_leads: dict[int, str] = {}  # a row's item (by id) -> its Lead cell, in a table one cell per line
        # (table, row, column) -> its cell, in tables whose cells the parser kept apart (row 0: the header)
        self.table_cells = {b.table: b.text.strip() for b in document.blocks if b.table}
        self.who_columns = who_columns(self.table_cells)
        self.cited_rows = cited_rows(self.table_cells)  # (table, row) -> a draft paragraph's chapeau and number
        self.paragraph = ""  # the text of the segment's paragraph, up to the segment's end
        self.in_rows = False  # the last segment was a Lead column's header or a row under it
        self.next_seg: Segment | None = None  # the segment read after this one
        self.quote_closed = False  # the last segment closed a quotation that opened lines above it
        self.quoting: str | None = None  # the instrument whose UN paragraphs a quotation holds ("“14. Requests …")
        self.last_ref: re.Match | None = None  # the instrument the text last named
        self.page_turned = False  # page furniture ("– 3 –") came between the last segment and this one

    def run(self, segments: list[Segment]) -> list[Candidate]:
        """Read the segments in order, each by the handler of its kind; the candidates in document order."""
        rows = read_cell_rows(segments)  # a table exported one cell per line: its rows read back
        self.cell_leads = rows.leads
        for i, seg in enumerate(segments):
            self.next_seg = segments[i + 1] if i + 1 < len(segments) else None
            if id(seg) in rows.cells:
                continue  # a header cell, or a row's Lead or Deadline cell: read with the row's item
            seg = rows.items.get(id(seg), seg)
            where = seg.block.table
            cited = self.cited_rows.get(where[:2]) if where else None
            if cited is not None and where[2] == 0:
                # a comment table's "instructs the Secretary-General 2": the chapeau of the paragraph its next cell
                # quotes, from the draft its header names
                self.lead_in = cited_draft(self.table_cells, where[0], self.text) or self.lead_in
                start = seg.block.text.find(cited[0])
                self.chapeau(Segment("chapeau", seg.block, start, start + len(cited[0]), None))
                self.prev = seg
                continue
            if cited is not None and where[2] == 1 and seg.start == 0:
                seg = Segment("item", seg.block, seg.start, seg.end, cited[1])
            elif cited is not None and where[2] > 1:
                self.ctx = None  # the comment on it: the commenter's own words, under no chapeau of the draft
            self.paragraph = seg.block.text[:seg.end]  # what the paragraph said up to this segment's end
            if self.column_row(seg) or self.output_cell(seg):
                self.prev = seg
                continue  # a header or row of a table whose header names its Action and Responsible columns
            header = bool(LEAD_HEADER_RE.match(re.sub(r"\s*\|\s*", " ", seg.text).strip()))  # "No. | Action | Lead"
            if header:
                self.lead_column = True  # the rows below name who acts in a column of their own
                self.lead_after_date = bool(LEAD_AFTER_DATE_RE.search(seg.text))
            elif re.match(r"Table\s+\d{1,2}\b", seg.text):
                self.lead_column = False  # a new table's caption: its own header says whether it has a Lead column
            if self.body is None and (opener := RESOLUTION_OPENER_RE.match(seg.block.text.strip())):
                # "The Council," opening a draft decision in an annex of a meeting's report: the Council decides there
                self.decider = "Council" if "Council" in opener.group(0) else "Plenipotentiary Conference"
            row = self.meeting_row(seg)
            self.in_rows, seg = header or row is not seg, row  # the rows end where a line is no such row
            if self.pending is not None:
                pending, self.pending = self.pending, None
                if seg.kind != "item":
                    self.own_operative(pending)
            if (seg.kind == "heading" and seg.label and "." in seg.label and cues.TARGETS_HEADING_RE.search(self.section)
                    and re.search(r"\d\s*(?:%|per\s*cent)", seg.text)):
                # "1.1 Worldwide, 85% of individuals use the Internet" under "Targets for 2031", set as a heading
                # because it has no full stop: the first target of the list
                seg = Segment("item", seg.block, seg.start, seg.end, seg.label)
            if (self.quote_closed and self.ctx is not None and self.ctx.quoted and seg.kind == "item"
                    and (seg.label or "")[:1].isdigit() and not seg.block.text.lstrip().startswith(("\"", "\u201c"))):
                self.ctx = None  # '…with the Union."' then "2 In accordance with the decision, …": the letter's own
            ctx = self.ctx
            host = self.chapeau_number
            if (ctx is not None and seg.kind == "item" and (seg.label or "").isdigit()
                    and (host or "").isdigit() and int(seg.label) == int(host) + 1
                    and (ctx.last_number or "").isdigit() and int(ctx.last_number) > int(seg.label)):
                # "2 In Council Resolution 1332 (…), the Council instructs the Secretary-General: 11 to …; 12 to …"
                # then "3 The present letter is …": the letter's own next paragraph, after the quotation (or after
                # "4 That the Council add under 'instructs the Secretary-General': 9 to report …", "5 That …")
                self.ctx = None
            if seg.kind == "chapeau":
                # its own paragraph's number ("Proposal 4 – That the Council add under 'instructs …'": 4)
                same = self.prev.label if self.prev is not None and self.prev.block is seg.block else None
                self.chapeau_number = (seg.label or seg.block.label or same or "").rstrip(".")
            handler = {"heading": self.heading, "preamble": self.preamble, "chapeau": self.chapeau}.get(seg.kind)
            if handler is not None:
                handler(seg)
            else:
                self.body_segment(seg)
            if seg.kind == "preamble":
                self.listing = len(seg.text.split()) <= 4 or seg.text.rstrip().endswith(":")  # "recalling" alone
            elif seg.kind == "item" and self.ctx is not None and self.ctx.mode == "preamble" and self.listing:
                # "recalling / a) Resolution 140 …; b) the undertaking made in …": the items of a preamble's list ask
                # nothing, and the model is not to read them either (not items after a whole preambular paragraph,
                # "Mindful of …," then "(c) To exchange …": a page of operative items is missing between them)
                self.lead_ins.append((seg.block.start + seg.start, seg.block.start + seg.end))
            self.prev = seg
            block = seg.block.text.strip()
            # a quotation that opened lines above closes here (not an item quoted whole, '"1 to …;"')
            self.quote_closed = (self.ctx is not None and self.ctx.quoted and block.endswith(("\"", "\u201d"))
                                 and seg.end >= len(seg.block.text.rstrip()) - 2
                                 and sum(block.count(q) for q in "\"\u201c\u201d") == 1)
        if self.pending is not None:
            self.own_operative(self.pending)
        self.amended_by()
        self.full_names()
        return self.out

    def amended_by(self) -> None:
        """"The co-sponsors propose that the Council amend Resolution 1417 as follows: Proposal 2 – MOD instructs the
        Secretary-General 3: replace …": each amendment proposed is the amending body's to adopt, not the actor of the
        provision it changes."""
        lead = AMEND_LEAD_RE.search(self.text)
        if lead is None:
            return
        body = self.found(lead.group("who"))
        if body is None:
            return
        for i, c in enumerate(self.out):
            text = self.text[c.seg_start:c.seg_end]
            if (c.seg_start > lead.end() and AMENDMENT_RE.match(text)
                    and (c.kind is RequirementKind.PROPOSAL or NAMED_ITEM_RE.match(c.segment.block.text))):
                self.out[i] = replace(c, actor=body[0], printed=body[1], kind=RequirementKind.PROPOSAL)

    def title_name(self, head: str) -> str | None:
        """The body a document's title lines name whole, by the noun its text then calls it: "UNGIS Working Group on
        Measuring the Information Society beyond WSIS+20" for "the Working Group", "World Telecommunication
        Development Conference" (of "… Conference 2029 (WTDC-29)") for "the Conference"."""
        # (a mail's title may follow its header and greeting: "---------- Minutes ----------", then the body's name)
        lines = [ln.strip() for ln in self.text[:3000].splitlines() if ln.strip()][:30]
        for line in lines:
            line = re.sub(r"(?:\s+(?:\d{4}|\([^()]*\)))+$", "", line)
            # ("Report by the Chair of the Council Working Group on Child Online Protection": the body the report is of)
            line = REPORT_OF_RE.sub("", re.sub(r"^(?:Title|Subject)\s*:\s*", "", line))
            # ("Establishment of a Council Expert Group on WSIS and SDG Measurement": the group a decision sets up)
            # (not its "and adoption of its terms of reference": a name's "and" joins capitalised words)
            if (set_up := re.match(r"(?:Establishment|Creation|Setting\s+up|Mandate)\s+of\s+(?:an?|the)\s+(?=[A-Z])",
                                   line)) is not None:
                line = re.split(r"\s+and\s+(?=[a-z])", line[set_up.end():], maxsplit=1)[0]
            if line.isupper() or len(line.split()) > 14 or line.endswith((".", ":", ";")):
                continue
            if re.fullmatch(rf"(?:[A-Z][\w&\-+/]*\s+){{1,5}}{re.escape(head)}(?:\s+(?:on|for|of|beyond|in)\s+[^\s,;][^,;]*)?",
                            line) or re.fullmatch(rf"{re.escape(head)}\s+(?:on|for|of)\s+[A-Z]\S*(?:\s+\S+){{0,8}}", line):
                return line  # ("Working Group on School Connectivity and Digital Learning": its name whole)
        # (a title joined to the lines around it: "… DEVELOPMENT Working Group on School Connectivity and Digital
        # Learning Third meeting, …": the name with its "on …", the shortest where the text prints it longer too)
        # (a title: at its line's start, or after a title in capitals that it was joined to)
        names = sorted({re.sub(r"(?:\s+(?:and|the|of|on|for))+$", "", m.group(0)) for m in re.finditer(
            rf"\b{re.escape(head)}[ \t]+(?:on|for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w&\-]*(?:[ \t]+(?:and|the|of|on|for|"
            rf"[A-Z][\w&\-]*))*", self.text[:3000])
            if (self.text[self.text.rfind("\n", 0, m.start()) + 1:m.start()].strip() or "X").isupper()}, key=len)
        if names and all(n.startswith(names[0]) for n in names):
            return names[0]
        return None

    def qualified(self, name: str) -> str | None:
        """"UNGIS Chair" for "the Chair", "ITU-T study groups" for "study groups", "Action Line facilitators" for
        "facilitators": the one name (capitalised words or a code) the text prints before a short name, inside a
        sentence; None when it prints none, or several ("C4 facilitators", "Action Line facilitators"). A name
        complete in itself ("Governments") and the UN's own ("United Nations regional commissions") stay as they are."""
        name = name.strip()
        if (not re.fullmatch(r"[A-Za-z][a-z\-]+(?:\s+[a-z\-]+)?", name) or name.lower() in WHOLE_NAMES
                or re.match(r"(?i:each|every|all|any|the)\s", name)):
            return None  # ("each facilitator": a determiner, no qualifier, stands before it)
        last = name.split()[-1]
        singular = re.sub(r"ies$", "y", last) if last.endswith("ies") else re.sub(r"(?<=[^s])s$", "", last)
        forms = {singular, re.sub(r"y$", "ies", singular) if re.search(r"[^aeiou]y$", singular) else singular + "s"}
        words = name.split()[:-1]
        variants = "|".join(re.escape(" ".join([*words, f])) for f in sorted(forms))
        matches = list(re.finditer(
            # (within one line: "… the Summit" on a title line is no qualifier of "The regional commissions" below it)
            rf"(?<=[a-z,;] )(?:the\s+|its\s+|all\s+)?(?P<q>(?!(?:The|All|Each|Every|Other|These|Those|This|United)\b)"
            rf"(?:[A-Z][\w\-]*[ \t]+){{0,3}}[A-Z][\w\-]*)[ \t]+(?P<name>(?i:{variants}))\b(?!-)", self.text))
        # (the whole name: not "Nations regional commissions" out of "United Nations regional commissions")
        matches = [m for m in matches if not re.search(r"[A-Z][\w\-]*\s+$", self.text[max(0, m.start("q") - 40):m.start("q")])]
        qualifiers = {m.group("q") for m in matches}
        if name[:1].islower():  # "commissions": not the "Economic and Social Commission" of a proper name
            matches = [m for m in matches if m.group("name")[:1].islower()]
        # ("the relevant ITU-T study group" in a text on "ITU-D Study Group 1": two groups, so neither)
        if len({m.group("q") for m in matches}) != 1 or len(qualifiers) != 1:
            return None
        full = f"{matches[0].group('q')} {matches[0].group('name')}"
        found = self.found(full)
        return found[0] if found and found[1].strip().removeprefix("the ").endswith(matches[0].group("name")) else full

    def full_names(self) -> None:
        """"the Expert Group" (or its Chair) in a text that names "the Council Expert Group on WSIS Measurement and
        Evidence": the full name each time, as a reader cites it. A short name the knowledge base knows as another
        body ("the Working Group", "the Conference") is the body the document's title names, where it names one."""
        known = {a.canonical for a in self.kb.actors}
        names: dict[str, str | None] = {}  # each short name looked up once in the text
        for i, c in enumerate(self.out):
            if c.actor and (full := self.defined_terms().get(c.actor.lower())):
                # a cell's "Area Office" where the text says '"Area Office" means the ITU Area Office for the Caribbean'
                self.out[i] = replace(c, actor=(self.found(full) or (full,))[0])
                continue
            if c.actor and (terms := self.defined_terms()) and (defined := DEFINED_SUBJECT_RE.match(self.text, c.seg_start)) and (
                    full := terms.get(" ".join(defined.group("short").split()).lower())):
                # "The study group chairs should …" where the text says "(hereafter the study group chairs)": whom
                # the short name stands for
                self.out[i] = replace(c, actor=(self.found(full) or (full,))[0])
                continue
            if (c.actor and (officer := ACRONYM_OFFICER_RE.fullmatch(c.actor)) is not None
                    and (whole := self.acronym_in_full(officer.group("acronym"))) is not None):
                # "CG-WID co-chairs" in a Lead cell where the text defines "(CG-WID)": the officers of that group
                self.out[i] = replace(c, actor=f"{officer.group('title')} of the {whole[0]}")
                continue
            short = TITLE_SHORT_RE.fullmatch((c.printed or "").strip())
            # (not where the rules already gave a body of that kind by its whole name: "The Group" in the terms of
            # reference of the "Correspondence Group on WSIS Indicators for Development" annexed to a TDAG report)
            if (c.actor and short and (c.actor in known or not re.search(
                    rf"\b{short.group('head').split()[-1]}\s+(?:on|for|of)\s+[A-Z]", c.actor))
                    and (full := self.title_name(short.group("head")))):
                found = self.found(full)
                if found is not None and short.group("head").split()[-1] not in found[1]:
                    found = None  # "UNGIS" inside "UNGIS Working Group on …": the group, not UNGIS
                if found is None or found[0] != c.actor:
                    self.out[i] = c = replace(c, actor=found[0] if found else full)
            if c.actor and PERSON_SHORT_RE.search(c.actor):
                # "Commissioner Noorzai's team" when the list of those present names "Commissioner Farida Noorzai": the
                # person, by the name printed in full (also among bodies listed together)
                self.out[i] = c = replace(c, actor=PERSON_SHORT_RE.sub(self._person_in_full, c.actor))
                continue
            if not c.actor or c.actor in known:
                continue
            officer = re.match(r"(?P<title>(?i:(?:vice-|co-)?chair(?:man|person)?s?|conveners?))\s+of\s+(?:the\s+)?(?P<body>.+)",
                               c.actor)
            short = officer.group("body") if officer else c.actor
            if short not in names:
                full = self.in_full(short) or self.acronym_in_full(short)  # ("RG-WSIS", which the text defines)
                if full is None and officer and (titled := self.generic_group_titled(short)):
                    full = (titled, short)  # "Convener of the correspondence group"
                if full is None and re.fullmatch(r"(?:Vice-|Co-)?Chair(?:man|person)?|President", short):
                    full = self.officer_in_full(short)  # "the Chair", whom the header names "Chair of the …"
                    body = re.match(r".+?\s+of\s+(?:the\s+)?(?P<body>.+)", full[0] or "") if full else None
                    if body and (known_body := self.found(f"the {body.group('body')}")):
                        full = (f"{short} of the {known_body[0]}", full[1])  # "Chair of the Group": of the Working Group
                    elif body and (titled := self.generic_group_titled(body.group("body"))):
                        full = (f"{short} of the {titled}", full[1])  # of the group the title names in full
                names[short] = full[0] if full and full[0] and len(full[0]) > len(short) else self.qualified(short)
                whole = self.found(names[short]) if names[short] else None
                if whole and whole[0] and whole[1].removeprefix("the ").lower() == names[short].lower():
                    # ("the Commission" of "the Commission on Science and Technology for Development": CSTD, the
                    # knowledge base's name for that whole name)
                    names[short] = whole[0]
            if names[short]:
                self.out[i] = replace(c, actor=(f"{officer.group('title')} of the {names[short]}" if officer
                                                else names[short]))

    def generic_group_titled(self, short: str) -> str | None:
        """A group by its kind ("correspondence group", "Expert Group") where the title names it whole ("TDAG
        Correspondence Group on Meaningful Connectivity Metrics", "Establishment of a Council Expert Group on …"):
        that name; None for other words, or where the title names none."""
        if not re.fullmatch(r"(?i:(?:correspondence|working|expert|drafting)\s+group|task\s+force)", short.strip()):
            return None
        return self.title_name(" ".join(w.capitalize() for w in short.split()))

    def _person_in_full(self, person: re.Match) -> str:
        """"Commissioner Farida Noorzai" for "Commissioner Noorzai('s team)", where the text prints the full name."""
        title, surname = person.group("title"), person.group("surname")
        whole = re.search(rf"\b{title}\s+(?:[A-Z][\w\-]*\.?\s+){{1,2}}{re.escape(surname)}\b", self.text)
        return " ".join(whole.group(0).split()) if whole else f"{title} {surname}"

    def meeting_row(self, seg: Segment) -> Segment:
        """A row of a meeting's action items run together into one paragraph ("47/1 Restructure the draft report …
        Secretariat (SPM) 31 January 2029 Open"), right under the header or another such row: an item labelled by
        its number, so that its action and its Lead cell are read as a plan's item is."""
        # (a row numbered "1", "2" in a Word table whose number reaches us as text: "1 Circulate to the Group …")
        row = (MEETING_ROW_RE.match(seg.text) or NUMBERED_ROW_RE.match(seg.text)
               if self.in_rows and seg.kind == "para" and seg.start == 0 else None)
        if row is None:
            return seg
        return Segment("item", seg.block, row.end(), seg.end, row.group("n"))

    def body_segment(self, seg: Segment) -> None:
        """Any segment but a heading, preamble or chapeau: page furniture and footnotes are skipped, section titles
        set in body type are headings, and the rest goes to the operative or the outside handlers."""
        text = seg.text
        if self.footnote(seg):
            return
        if seg.label and re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", seg.label.rstrip(".")):
            # the parent of lettered items that follow outside resolutions
            self.last_number, self.last_letter = seg.label.rstrip("."), None
        if seg.kind == "para" and TOR_TITLE_RE.match(text.strip()):
            self.heading(seg)  # "Terms of reference of the Expert Group on …" in body type: the title of what follows
            return
        if seg.kind == "para" and text.strip(" :").lower() in ("action required", "action requested"):
            self.heading(seg, "Action required")  # typed in body type, as a DOCX from plain text has it
            return
        if seg.kind == "para" and (run_in := RUN_IN_ACTION_RE.match(text)) is not None:
            # "Action required The Council is invited to …": a heading run in with the sentence it opens (a pasted
            # paragraph whose line breaks were joined)
            self.heading(seg, "Action required")
            self.body_segment(Segment("para", seg.block, seg.start + run_in.end(), seg.end, None))
            return
        if re.fullmatch(r"[\s.…\[\]]+", text):
            return  # "…" stands for the items a quotation leaves out; the chapeau still holds
        if not re.search(r"[A-Za-z]{2}", text) or _furniture(text):
            self.page_turned = True
            return  # "- 4 -", "C28/12-E", "4/21 28-06412 E/CN.16/2028/47": page furniture left inside the text
        turned, self.page_turned = self.page_turned, False
        if seg.kind == "para" and DECORATED_TITLE_RE.match(seg.block.text):
            self.heading(seg)  # "---------- Follow-up actions agreed by the Group ----------"
            return
        if (following := FOLLOWING_RE.search(seg.block.text)) and (cited := cues.RESOLUTION_REF_RE.search(text)):
            # "Council Resolution 1332 (Mod. 2024) contains, among others, the following instructions to the
            # Secretary-General:": the chapeau of the quoted items below, in other words
            verb = FOLLOWING_VERBS[following.group("noun").lower()]
            actor, printed = self.addressee(following.group("who"), verb)
            source = " ".join(cited.group(0).split())
            self.ctx = _Context(mode="operative", verb=verb, actor=actor, printed=printed,
                                chapeau=f"{verb} {following.group('who')}", source=source,
                                quoted=source != self.own_name)
            self.last_quoted = source if source != self.own_name else self.last_quoted
            return
        # ("2.1 Council Resolution 1417 (Mod. 2027) reads in part:": the item's text has lost its colon, its block not)
        colon = text.rstrip().endswith(":") or (seg.block.text.rstrip().endswith(":") and re.search(
            r"\b(?:reads?|provides?|states?)(?:\s+(?:in\s+(?:relevant\s+)?part|as\s+follows|inter\s+alia)){0,2}\s*$", text))
        # ("the Council adopted Decision 644 (C27), which reads in part as follows:": a Council decision is quoted too)
        # (a UN resolution by its symbol: "in its resolution E/RES/2027/951 …. Its operative paragraphs 14 and 17 read as
        # follows:")
        ref = (cues.RESOLUTION_REF_RE.search(text) or DECISION_REF_RE.search(text) or UN_SYMBOL_RE.search(text)
               if colon else None)
        if (seg.block.text.rstrip().endswith(":") and seg.kind in ("para", "item")
                and len(spans := _sentences(text)) > 1):
            last = text[spans[-1][0]:]
            # (or names it first: "In its Resolution 1421 (Mod. 2027), it instructs the Secretary-General:")
            if (said := cues.CHAPEAU_RE.match(last.rstrip(" :"))) and cues.RESOLUTION_REF_RE.search(said.group("pre")):
                # "2.1 The membership has given clear instructions. Council Resolution 1417 (Mod. 2027) instructs the
                # Secretary-General:": the paragraph's last sentence is the chapeau of the quoted items below
                self.chapeau(Segment("chapeau", seg.block, seg.start + spans[-1][0], seg.end, None))
                return
        if (seg.kind == "para" and seg.block.text.rstrip().endswith(":")
                and (which := WHICH_CHAPEAU_RE.search(text)) is not None
                and (ref := cues.RESOLUTION_REF_RE.search(text, 0, which.start()) or DECISION_REF_RE.search(text, 0, which.start()))):
            # "… recalls the following operative paragraphs of Council Resolution 1417 (Mod. 2027), which instructs the
            # Secretary-General:": the relative clause is the chapeau of the quoted items below
            self.lead_in = ref
            self.chapeau(Segment("chapeau", seg.block, seg.start + which.start("chapeau"), seg.end, None))
            return
        if ref and not cues.OPERATIVE_ANY.search(text):
            self.lead_in = ref
            return
        if (colon and self.last_ref is not None and not cues.OPERATIVE_ANY.search(text)
                and re.search(r"\b(?:the|this|that|same)\s+(?:resolution|decision)\b", text, re.IGNORECASE)):
            # "2 The operative paragraphs of the resolution that relate to this consultation read as follows:": the
            # resolution the paragraph before named
            self.lead_in = self.last_ref
            return
        if (named := cues.RESOLUTION_REF_RE.search(text) or DECISION_REF_RE.search(text)) is not None:
            self.last_ref = named  # the instrument a later "the resolution" means
        if seg.kind == "para" and (
                (len(text.split()) <= 4 and (cues.ACTION_POINTS_HEADING_RE.match(text) or re.fullmatch(
                    r"expected results?", text.strip(" :"), re.IGNORECASE)))
                or (seg.block.text.rstrip()[-1:] not in ".;:," and (re.fullmatch(
                    r"(?:[A-Z][\w\-]*\s+){0,3}(?:[a-z]+\s+)?targets(?:\s+for\s+\d{4}(?:-\d{4})?)?", text.strip())
                    or (re.match(r"(?:[A-Z][\w\-]*\s+){0,3}(?:[a-z]+\s+)?targets\s+for\b", text)
                        and len(text.split()) <= 16)))  # "Indicative targets for 2029 for the regional initiatives …"
                or re.match(r"Box\s+\d+\s*[\u2013\u2014:-]\s*\S", text)
                or re.fullmatch(r"(?:calls?\s+to\s+action|next\s+steps|the\s+way\s+forward)", text.strip(" :"), re.I)
                or (re.match(r"(?:Part|Section|Chapter|Table)\s+[A-Z0-9IVX]{1,4}\s*[\u2013\u2014:-]\s*[A-Z]", text)
                    and len(text.split()) <= 14 and seg.block.text.rstrip()[-1:] not in ".;:,")):
            # "Key action points", "Expected results:", "Eight targets for 2030", "Box 1 – The ten WSIS targets",
            # "Part B – Targets to be reached by all stakeholders by 2030" in body type: what the list below is
            self.heading(seg)
            return
        if seg.kind == "para" and cues.MEETING_CHAPEAU_RE.match(seg.block.text):
            self.meeting_item(seg)  # "TDAG:" (no section title): the list of its conclusions follows
            return
        if re.match(r"[A-Z]\d{1,2}\.\s+[A-Z][^.;:]*$", text) or (
                seg.kind == "para" and re.fullmatch(r"[A-H]\.\s+[A-Z][^.;:]{2,80}", text) and len(text.split()) <= 10):
            # "C1. The role of public governance authorities …", "B. Objectives and regional targets": a section
            self.heading(seg)
            return
        if self.plain_heading(seg):
            self.heading(seg)  # "Tracking progress" between two paragraphs: a heading in sentence case
            return
        closed = seg.block.text[seg.end:].strip()[:1] in (";", ",")  # "(a) Data on …;" is an item
        # ("P3 That the WSIS Stocktaking database: a) tag …; b) …": the lead-in of a run-on list is no title)
        closed = closed or (seg.kind == "para" and seg.block.text[seg.end:].strip()[:1] == ":"
                            and bool(seg.block.text[seg.end:].strip()[1:].strip()))
        if (seg.kind == "item" and _section_title(text) and not closed) or (seg.kind == "para" and _section_title(text)
                                                              and _title_case(text) and not self.out_of_preamble(seg)
                                                              and not closed) or (
                seg.kind == "para" and (lm := re.match(r"(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+(?=[A-Z])", text))
                and _section_title(text[lm.end():])):
            # "3 Proposals" or "II. Regional targets" typed in a Word paragraph or set in body type in a PDF: a
            # section heading all the same.
            self.heading(seg)
            return
        if seg.kind == "para" and self.meeting_who and not cues.MEETING_CHAPEAU_RE.match(seg.block.text) and not (
                seg.end < len(seg.block.text.rstrip())):
            self.meeting_who = None  # the list under "TDAG:" has ended
        if (self.meeting_item(seg) or self.quoted_request(seg) or self.own_operative(seg) or self.second_clause(seg)
                or self.modal_chapeau(seg)):
            return
        ctx = self.ctx
        if (ctx is not None and ctx.mode == "preamble" and seg.kind == "item" and re.fullmatch(r"\d{1,2}", seg.label or "")
                and int(seg.label) > 1 and re.match(r"(?:to|that)\s", text) and self.prev is not None
                and _is_letter(self.prev.label)):
            # "recalling a) …; c) …," then "– 4 –" and "7 to make the results …": a page is missing between the
            # preamble and item 7, and its chapeau with it
            self.ctx = None
            self.outside_resolutions(seg)
            return
        if ctx is not None and ctx.mode == "preamble":
            if seg.kind == "item" or text[:1].islower():
                return  # a preambular item, never a requirement
            self.ctx = ctx = None
        if (ctx is not None and ctx.mode == "operative" and seg.label and "." in seg.label and ctx.last_number
                and "." not in ctx.last_number):
            self.ctx = ctx = None  # "1.3 The report presented …" after items 3 and 5: the contribution goes on
        if (ctx is not None and ctx.mode == "operative" and seg.kind == "item" and not ctx.quoted
                and re.fullmatch(r"\d{1,2}", (seg.label or "").rstrip(".")) and re.fullmatch(r"\d{1,2}", ctx.last_number or "")
                and int(seg.label.rstrip(".")) > int(ctx.last_number) + (1 if turned else 2)
                and (form := re.match(r"(?:to|that)\s", text)) and not (ctx.last_text or "").startswith(form.group(0))):
            # "resolves 1 that …; 2 that …," then ("– 3 –") "6 to support Member States …": the page between held items
            # 3-5 and the chapeau of 6, which asks in another form; a quotation that leaves items out keeps its chapeau
            self.ctx = None
            self.outside_resolutions(seg)
            return
        cut = self.prev is not None and self.prev.block.text.rstrip()[-1:].isalpha()  # the item before stops mid-sentence
        if (ctx is not None and ctx.mode == "operative" and seg.kind == "item" and not ctx.quoted and (turned or cut)
                and re.fullmatch(r"\d{1,2}", (seg.label or "").rstrip(".")) and re.fullmatch(r"\d{1,2}", ctx.last_number or "")
                and 1 < int(seg.label.rstrip(".")) <= int(ctx.last_number)):
            # "4 to transmit … a yearly contribution on ITU's", "– 4 –", then "3 to carry out …": the numbers go back
            # after a page break (or an item cut mid-sentence), so the items are another list's, whose chapeau was on
            # the missing page
            self.ctx = None
            self.outside_resolutions(seg)
            return
        if ctx is not None and ctx.mode == "operative" and (
                seg.kind == "item" or re.match(r"[\"“]?(to|that)\b", text)
                # "calls on Governments to:" then bulleted "adopt or update …": a bullet is an item without a label
                # ("a toolkit for regulators …": an article opens it too)
                or (seg.block.kind is BlockKind.LIST_ITEM and seg.start == 0 and re.match(r"(?:a\s|[a-z]{2,}\b)", text)
                    and self.prev is not None and self.prev.block.text.rstrip().endswith(("to:", ":"))
                    or (seg.block.kind is BlockKind.LIST_ITEM and self.prev is not None
                        and self.prev.block.kind is BlockKind.LIST_ITEM and re.match(r"(?:a\s|[a-z]{2,}\b)", text)))
                # "encourages" alone, then "universities and research institutes to test …": the addressee opens
                # the paragraph below the bare chapeau
                or (not ctx.actor and ctx.printed is None and ctx.verb is not None and self.prev is not None
                    and self.prev.kind == "chapeau" and re.match(r"[a-z][\w\-]*(?:[ ,]+[\w\-]+){0,8}?\s+to\s+[a-z]", text))):
            # ('"to give priority, …"': a quoted item whose number the quotation leaves out)
            bullet = (seg.block.kind is BlockKind.LIST_ITEM and not re.search(r"[0-9A-Za-z]", seg.label or "")
                      and bool(re.search(r"\bby$", ctx.chapeau or "")))  # the ways of "…, including by:"
            if ctx.own_item is not None and not _is_letter(seg.label) and not (bullet and self.prev is not None and (
                    self.prev.block.text.rstrip().endswith(":") or self.prev.block.kind is BlockKind.LIST_ITEM)):
                # (the bullets under "1. Governments should …, including by:" are its own)
                self.ctx = ctx = None  # a UN paragraph's sub-items are over
            else:
                if bullet and ctx.own_item is not None:
                    seg = replace(seg, label=ctx.own_item)  # a bullet of "1. …, including by:" is cited as 1
                self.operative_item(seg, ctx)
                return
        if (ctx is not None and ctx.mode == "operative" and seg.kind == "para"
                and seg.block.text[seg.start:].rstrip()[-1:] in ";,"):
            return  # the rest of an item broken across a page: the chapeau still holds
        self.ctx = None
        self.outside_resolutions(seg)

    def plain_heading(self, seg: Segment) -> bool:
        """A short line in sentence case ("Tracking progress", "A call to action") that stands alone between a
        sentence that has ended and a paragraph of running text: a section heading, though not title-cased."""
        text, prev, nxt = seg.text.strip(), self.prev, self.next_seg
        if not (seg.kind == "para" and seg.start == 0 and seg.end >= len(seg.block.text.rstrip())
                and 2 <= len(text.split()) <= 6 and _section_title(text) and not self.in_rows and not self.lead_column
                and not self.out_of_preamble(seg)):
            return False
        if prev is None or prev.block.text.rstrip()[-1:] not in ".;" or nxt is None or nxt.kind not in ("para", "chapeau"):
            return False
        following = nxt.block.text[nxt.start:].strip()
        return len(following.split()) >= 8 and following[:1].isupper() and following.rstrip()[-1:] in ".:"

    def out_of_preamble(self, seg: Segment) -> bool:
        """A title-like line inside a resolution's head ("The ITU Council", "Economic and Social Council") is no
        section: only lines after an operative part began, or outside resolutions, open sections."""
        return self.ctx is not None and self.ctx.mode == "preamble"

    def footnote(self, seg: Segment) -> bool:
        """"1 Document WSIS-05/TUNIS/DOC/6(Rev.1)-E." after the text that carries the marker ¹: a footnote."""
        if seg.block.kind is BlockKind.FOOTNOTE or FOOTNOTE_LINE_RE.match(seg.block.text):
            return True  # "⁵ The Commission is …", "[6] See …", "* Reissued for technical reasons …"
        label = (seg.label or "").strip("().")
        if not label or label not in self.footnotes or seg.kind != "item":
            return False
        text = seg.text
        if NAMED_ITEM_RE.match(seg.block.text):
            return False  # "Proposal 1: To open …" carries its number in a word, as no footnote does
        if text.strip().lower() in SECTION_WORDS:
            return False  # "3 Proposals" is the section numbered 3, though the text has a marker ³
        # "1. ITU shall compile …" in an annex asks something: an item, whatever markers the text carries ("To …"
        # too)
        asks = (re.match(r"(?i:to|that)\b", text) or cues.SELF_OPERATIVE_RE.match(text)
                or cues.DEONTIC_RE.search(text))
        return not asks and seg.block.start > 0.6 * len(self.text)

    def add(self, seg: Segment, s0: int, s1: int, **kw) -> None:
        """Emit a candidate over seg's text [s0, s1); a lettered label outside resolutions is cited under its
        parent section or paragraph."""
        label = kw.get("label")
        if label and not re.search(r"[0-9A-Za-z]", label):
            kw["label"] = None  # a bullet is no label ("-", "•")
        elif label and _is_letter(label) and (self.ctx is None or self.ctx.mode != "operative"):
            # "a)" under "C1. …" is "C1 a)"; under "5." set after that heading, "5 a)"; under paragraph 97, "97 (c)"
            parent = self.last_number or self.section_code
            bare = label.strip("().")
            roman = re.fullmatch(r"[ivx]+", bare) and self.last_letter and not (bare == "i" and self.last_letter == "h")
            if parent and roman:
                kw["label"] = f"{parent} {self.last_letter} {label}"  # "(i)" under "(b)" under "8.": "8 b (i)"
            elif parent:
                kw["label"] = f"{parent} {label}"
            if not roman and len(bare) == 1:
                self.last_letter = bare
        elif label and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", label):
            self.last_number, self.last_letter = label, None
        base = seg.block.start
        # Which reading rule emitted it, and under what chapeau: what the actor check (actor_check.py) weighs
        caller = sys._getframe(1).f_code.co_name
        ctx = self.ctx
        kw["extra"] = {**kw.get("extra", {}), "rule": caller,
                       "ctx": "none" if ctx is None else ctx.mode + ("-missing" if ctx.verb is None else ""),
                       "ctx_actor": ctx is not None and bool(ctx.actor) and ctx.actor == kw.get("actor")}
        self.out.append(Candidate(seg_start=base + s0, seg_end=base + s1, segment=seg, **kw))


def _furniture(text: str) -> bool:
    """Symbols and page numbers only: "E/CN.16/2028/47", "4/21 28-06412 E/2028/931" (a UN page's foot); a web page's
    foot ("(c) ITU 2027 All Rights Reserved Privacy notice | Terms of use")."""
    if re.search(r"\bAll Rights Reserved\b|\bPrivacy (?:notice|policy)\b.*\|", text, re.IGNORECASE):
        return True
    words = text.split()
    return 0 < len(words) <= 8 and any("/" in w for w in words) and all(
        re.fullmatch(r"[A-Z]{0,4}[0-9A-Z./()\-]*\d[0-9A-Z./()\-]*", w) for w in words)


__all__ = ["Candidate", "Walk"]
