"""The reading walk: segments in, candidate requirements out, one handler per kind of segment.

Headings set the section; chapeaux set the verb, actor and quoted instrument that items inherit; UN paragraphs
carry their own verb ("Requests the Secretary-General to …") or ask in a second clause ("Emphasizes …, and
calls upon …"); an item whose chapeau is not in the text keeps an unknown actor; outside resolutions,
proposals, targets, invitations and deontic sentences are requirements of their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..kb import KnowledgeBase
from ..model import BlockKind, Document, RequirementKind
from . import cues
from .actors import ActorReader, printed_name, target_actor
from .clauses import Segment, is_chapeau

SECRETARIAT = "Secretariat"
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_ABBREV = r"(?<!\bRes)(?<!\bMod)(?<!\bRev)(?<!\bNo)(?<!\bpara)(?<!\bDoc)(?<!\be\.g)(?<!\bi\.e)(?<!\bvol)(?<!\bArt)"
SENTENCE_SPLIT_RE = re.compile(
    _ABBREV + r"(?<=[.!?])\s+(?=[\"“(]?[A-Z])"
    # Word exports lose full stops: "… Geneva Plan of Action It is important to …".
    r"|(?<=[a-z0-9)”\"]) (?=It (?:is|should|shall|must|needs|will|would)\b)")
# A body and its modal, then its list: "Tasks: the Working Group on WSIS shall", "BDT will:".
MODAL_CHAPEAU_RE = re.compile(
    r"^(?:[A-Z][A-Za-z ,'\-]{1,40}:\s+)?(?P<subject>[^.;:]{3,90}?)\s+(?:shall|should|will|must|(?:is|are) "
    r"(?:also |further )?(?:invited|requested|expected|encouraged|called upon|urged|asked) to"
    # "The Commission may wish to consider the following actions:" before its lettered actions
    r"|may wish to (?:consider|take|adopt)[^.;:]{0,60})\s*:?\s*$")
# A footnote's text, by its marker: "⁵ The Commission is …", "[6] See …", "* Reissued for technical reasons …".
FOOTNOTE_LINE_RE = re.compile(r"\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\d{1,2}\]|\*{1,3})\s*\S")
# A milestone or action with its owner: "… (Owner: BDT)", "… (Lead: General Secretariat)".
OWNER_RE = re.compile(r"\((?:Owner|Owners|Lead|Led by|Responsible|Responsibility)\s*:\s*(?P<who>[^()]{2,80})\)\s*\.?\s*$",
                      re.IGNORECASE)
CODE_RE = re.compile(r"^(?P<code>[A-Z]{1,2}\.?\d{1,2}(?:\.\d{1,2})?)\s+")


@dataclass(slots=True)
class _Context:
    """The operative chapeau (or preamble) currently in force."""

    mode: str  # "operative" | "preamble"
    verb: str | None = ""  # None: the chapeau is not in the text (a missing page)
    actor: str | None = ""
    printed: str | None = None
    chapeau: str = ""
    source: str = ""
    quoted: bool = False  # the chapeau cites another instrument: its items are quoted from it
    last_number: str | None = None
    last_text: str = ""
    last_letter: str | None = None
    letter_actor: tuple[str | None, str | None] | None = None
    kind: RequirementKind | None = None  # "the Working Group shall:" sets expectations, not an operative verb
    own_item: str | None = None  # a UN paragraph with sub-items: only its own sub-items inherit it


@dataclass(slots=True)
class Candidate:
    seg_start: int  # absolute offsets in document text
    seg_end: int
    segment: Segment
    kind: RequirementKind
    actor: str | None
    label: str | None
    clause_path: tuple[str, ...]
    statement: str
    printed: str | None = None
    quoted_from: str | None = None
    extra: dict = field(default_factory=dict)


def source_name(document: Document) -> str:
    for candidate in (document.symbol, document.title):
        if candidate and re.search(r"resolution|res\.|A/RES", candidate, re.IGNORECASE):
            return candidate
    return document.symbol or document.title or document.path.rsplit("/", 1)[-1]


class Walk(ActorReader):
    """One document's reading state; `run(segments)` returns the candidates in document order."""

    def __init__(self, document: Document, kb: KnowledgeBase):
        self.kb = kb
        self.doc_name = source_name(document)
        self.own_name = self.doc_name
        super().__init__(document)
        # Footnote markers in the text ("…Tunis Agenda¹", "[2]"): lines at the end that open with these numbers
        # are the footnotes, not items.
        self.footnotes = {str(SUPERSCRIPTS.index(c) % 10) for c in document.text if c in SUPERSCRIPTS} | set(
            re.findall(r"(?<=\w)\[(\d{1,2})\]", document.text)) | set(
            re.findall(r"(?<=[a-z]{3})(\d)(?=[,.;:]\s)", document.text))  # "developing countries1, …"
        self.proposals_that = False  # "APATF proposes that:" opens the proposals that follow
        self.section = ""
        self.ctx: _Context | None = None
        self.out: list[Candidate] = []
        self.last_subject: str | None = None
        self.target_scope: str | None = None
        self.orphans: list[str] = []  # labels of items read without their chapeau
        # "requests the Director … to give priority to …," reads like a chapeau; it is one only if items follow.
        self.pending: Segment | None = None
        self.prev: Segment | None = None
        self.lead_in: re.Match | None = None  # an instrument named just before a bare chapeau quoted from it
        self.section_code: str | None = None
        self.last_number: str | None = None  # the last numbered paragraph outside resolutions: its letters' parent

    def run(self, segments: list[Segment]) -> list[Candidate]:
        for seg in segments:
            if self.pending is not None:
                pending, self.pending = self.pending, None
                if seg.kind != "item":
                    self.own_operative(pending)
            handler = {"heading": self.heading, "preamble": self.preamble, "chapeau": self.chapeau}.get(seg.kind)
            if handler is not None:
                handler(seg)
            else:
                self.body_segment(seg)
            self.prev = seg
        if self.pending is not None:
            self.own_operative(self.pending)
        return self.out

    # --- segments that set the state ---------------------------------------------------------------------------

    def heading(self, seg: Segment) -> None:
        self.section = seg.block.text
        self.proposals_that = False
        self.lead_in = None
        # "C1. The role of governments …": lettered items below are cited as "C1 a", "C1 b".
        code = re.match(r"([A-Z]\d{1,2})\.?\s", f"{seg.label or ''} {seg.block.text}".strip() + " ")
        self.section_code = code.group(1) if code else None
        self.last_number = None
        self.ctx = None
        self.target_scope = None
        ref = cues.RESOLUTION_REF_RE.search(self.section)
        if ref:  # "Part two: Council Resolution 1391 (2026), operative part"
            self.doc_name = ref.group(0).strip()

    def preamble(self, seg: Segment) -> None:
        self.ctx = _Context(mode="preamble")

    def chapeau(self, seg: Segment) -> None:
        text = seg.text
        m = cues.CHAPEAU_RE.match(text) or cues.SELF_OPERATIVE_RE.match(text)
        verb = _verb_key(m.group("verb"))
        ref = cues.RESOLUTION_REF_RE.search(m.groupdict().get("pre") or "")
        if ref is None and self.prev is not None and self.prev.block is seg.block:
            # "1.2 Council Resolution 1481 (Mod. 2027), on measuring …, instructs the Secretary-General: …"
            ref = cues.RESOLUTION_REF_RE.search(self.prev.text)
        if ref is None and self.lead_in is not None:
            ref, self.lead_in = self.lead_in, None  # "Resolution 239 (Rev. Doha, 2026) provides, for its part:"
        ctx = self.ctx
        inherit = ctx is not None and ctx.mode == "operative" and ctx.verb is not None
        # A quoted chapeau names its resolution; a bare one continues the resolution being read.
        source = ref.group(0).strip() if ref else (ctx.source if inherit else self.doc_name)
        quoted = bool(ref) and source != self.own_name or (not ref and inherit and ctx.quoted)
        addr = text[m.end("verb"):].strip(" ,:")
        inner = re.match(r"to\s+(instruct|invite|request|encourage|urge|call upon)\s+", addr)
        if inner and cues.OPERATIVE_KIND.get(verb) is RequirementKind.DECISION:
            # "resolves to instruct the Director of BDT, in collaboration with …": an instruction to the Director
            verb, addr = _verb_key(inner.group(1)), addr[inner.end():]
            addr = re.split(r",", addr, maxsplit=1)[0]
        if re.match(r"that\b", addr):  # "The Commission recommends that Governments, in their strategies:"
            actor, printed = self.that_subject(addr)
        else:
            actor, printed = self.addressee(re.sub(r"\s*\b(?:that|to)$", "", addr), verb)
        self.ctx = _Context(mode="operative", verb=verb, actor=actor, printed=printed,
                            chapeau=text[m.start("verb"):].strip(" ,:"), source=source, quoted=quoted)
        if (re.search(r"\bto\s+[a-z]{3,}\s+\S", addr) or re.match(r"that(?:\s+\S+){4}", addr)
                or (len(addr.split()) >= 7 and not self.found(addr))):
            self.pending = seg  # "approves the terms of reference set out in the Annex": a clause, if no item follows

    # --- everything else ---------------------------------------------------------------------------------------

    def body_segment(self, seg: Segment) -> None:
        text = seg.text
        if self.footnote(seg):
            return
        if seg.label and re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", seg.label.rstrip(".")):
            self.last_number = seg.label.rstrip(".")  # the parent of lettered items that follow outside resolutions
        if re.fullmatch(r"[\s.…\[\]]+", text):
            return  # "…" stands for the items a quotation leaves out; the chapeau still holds
        if not re.search(r"[A-Za-z]{2}", text):
            return  # "- 4 -", "C28/12-E" page furniture left inside the text
        ref = cues.RESOLUTION_REF_RE.search(text) if text.rstrip().endswith(":") else None
        if ref and not cues.OPERATIVE_ANY.search(text):
            self.lead_in = ref
            return
        if re.match(r"[A-Z]\d{1,2}\.\s+[A-Z][^.;:]*$", text):
            self.heading(seg)  # "C1. The role of public governance authorities …": a plan's section
            return
        if (seg.kind == "item" and _section_title(text)) or (seg.kind == "para" and _section_title(text)
                                                              and _title_case(text) and not self.out_of_preamble(seg)) or (
                seg.kind == "para" and (lm := re.match(r"\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])", text))
                and _section_title(text[lm.end():])):
            # "3 Proposals" typed in a Word paragraph or set in body type in a PDF: a section heading all the same.
            self.heading(seg)
            return
        if self.own_operative(seg) or self.second_clause(seg) or self.modal_chapeau(seg):
            return
        ctx = self.ctx
        if ctx is not None and ctx.mode == "preamble":
            if seg.kind == "item" or text[:1].islower():
                return  # a preambular item, never a requirement
            self.ctx = ctx = None
        if (ctx is not None and ctx.mode == "operative" and seg.label and "." in seg.label and ctx.last_number
                and "." not in ctx.last_number):
            self.ctx = ctx = None  # "1.3 The report presented …" after items 3 and 5: the contribution goes on
        if ctx is not None and ctx.mode == "operative" and (seg.kind == "item" or re.match(r"(to|that)\b", text)):
            if ctx.own_item is not None and not _is_letter(seg.label):
                self.ctx = ctx = None  # a UN paragraph's sub-items are over
            else:
                self.operative_item(seg, ctx)
                return
        if (ctx is not None and ctx.mode == "operative" and seg.kind == "para"
                and seg.block.text[seg.start:].rstrip()[-1:] in ";,"):
            return  # the rest of an item broken across a page: the chapeau still holds
        self.ctx = None
        self.outside_resolutions(seg)

    def out_of_preamble(self, seg: Segment) -> bool:
        """A title-like line inside a resolution's head ("The ITU Council", "Economic and Social Council") is no
        section: only lines after an operative part began, or outside resolutions, open sections."""
        return self.ctx is not None and self.ctx.mode == "preamble"

    def modal_chapeau(self, seg: Segment) -> bool:
        """"The Group shall:" or "3 Tasks: the Working Group on WSIS shall" before its tasks: the chapeau of the items
        below it, each an expectation of that body (a numbered one is also a requirement of its own)."""
        m = MODAL_CHAPEAU_RE.match(seg.text)
        if m is None or seg.kind not in ("item", "para"):
            return False
        actor, printed = self.head_actor(m.group("subject")) or (SECRETARIAT, None)
        kind = _modal_kind(m.group(0))
        if seg.label:  # "3 Tasks: the Working Group shall" is an item of its own; "The Group shall:" only a lead-in
            self.add(seg, seg.start, seg.end, kind=kind, actor=actor, printed=printed, label=seg.label,
                     clause_path=(self.doc_name, self.section or "body", seg.label), statement=seg.text)
        self.ctx = _Context(mode="operative", verb="shall", actor=actor, printed=printed, chapeau=seg.text.strip(" :"),
                            source=self.doc_name, last_number=seg.label, last_text=seg.text, kind=kind,
                            own_item=seg.label)
        return True

    def footnote(self, seg: Segment) -> bool:
        """"1 Document WSIS-05/TUNIS/DOC/6(Rev.1)-E." after the text that carries the marker ¹: a footnote."""
        if seg.block.kind is BlockKind.FOOTNOTE or FOOTNOTE_LINE_RE.match(seg.block.text):
            return True  # "⁵ The Commission is …", "[6] See …", "* Reissued for technical reasons …"
        label = (seg.label or "").strip("().")
        if not label or label not in self.footnotes or seg.kind != "item":
            return False
        text = seg.text
        asks = re.match(r"(?:to|that)\b", text) or cues.SELF_OPERATIVE_RE.match(text)
        return not asks and seg.block.start > 0.6 * len(self.text)

    def own_operative(self, seg: Segment) -> bool:
        """UN style: "1. Requests the Secretary-General to …" (or an unnumbered "invites X to …" between lists)."""
        text = seg.text
        m = cues.SELF_OPERATIVE_RE.match(text) or cues.SUBJECT_OPERATIVE_RE.match(text)
        if not m or seg.kind not in ("item", "para", "chapeau"):
            return False
        who = m.groupdict().get("who")
        rest = m.group("rest")
        if seg.kind == "para" and not re.search(r"\b(?:to|that)\b", rest):
            return False
        if re.match(r"to\s+(?:the|all|its|our)\b", rest):
            return False  # "Requests to the secretariat": a section title, not a request
        verb = _verb_key(m.group("verb"))
        addressee = re.split(r"\bto\b|\bthat\b|:", rest, maxsplit=1)[0]
        actor, printed = self.addressee(addressee, verb, clause=rest)
        if not actor and who == "We":  # a declaration's "We resolve to …": the States that sign it
            actor, printed = "Member States", "We"
        elif not actor and who:  # "The Commission decides to hold …": the body that decides acts
            actor, printed = self.found(who) or (None, None)
        actor = actor or self.body or "ITU"
        # "9. Requests …, and invites multilateral development banks to …": a second request is a requirement too.
        second = cues.SECOND_CLAUSE_RE.search(text, m.start("rest"))
        end = seg.start + second.start() if second and seg.kind != "chapeau" else seg.end
        self.add(seg, seg.start, end, kind=cues.OPERATIVE_KIND[verb], actor=actor, printed=printed,
                 label=seg.label, clause_path=(self.doc_name, seg.label or ""), statement=f"{self.doc_name}: {text}")
        if end != seg.end:
            v2 = _verb_key(second.group("verb"))
            rest2 = text[second.end("verb"):]
            actor2, printed2 = self.addressee(re.split(r"\bto\b|\bthat\b", rest2, maxsplit=1)[0], v2, clause=rest2)
            self.add(seg, seg.start + second.start("verb"), seg.end, kind=cues.OPERATIVE_KIND[v2],
                     actor=actor2 or self.body or "ITU", printed=printed2, label=seg.label,
                     clause_path=(self.doc_name, seg.label or "", "2"), statement=f"{self.doc_name}: {text}")
        # Its sub-items, if any ("3. Requests the Union: (a) to …"), follow under it.
        self.ctx = _Context(mode="operative", verb=verb, actor=actor, printed=printed,
                            chapeau=text[m.start("verb"):m.start("rest")] + addressee.strip(" ,:"),
                            source=self.doc_name, last_number=seg.label, last_text=text, own_item=seg.label or "")
        return True

    def second_clause(self, seg: Segment) -> bool:
        """UN style: "Emphasizes …, and calls upon all stakeholders to …": the second clause is the requirement.

        A paragraph that only notes, welcomes or emphasizes asks nothing; it still ends the preamble.
        """
        text = seg.text
        declares = cues.DECLARATIVE_RE.match(text) or cues.SUBJECT_DECLARATIVE_RE.match(text)
        if seg.kind not in ("item", "para") or not declares:
            return False
        m = cues.SECOND_CLAUSE_RE.search(text)
        if m is None:
            if seg.kind == "item":
                self.ctx = None
                return True
            return False
        start = m.start("verb")
        rest = text[m.end("verb"):]
        verb = _verb_key(m.group("verb"))
        addressee = re.split(r"\bto\b|\bthat\b", rest, maxsplit=1)[0]
        actor, printed = self.addressee(addressee, verb, clause=rest)
        actor = actor or self.body or "ITU"
        self.add(seg, seg.start + start, seg.end, kind=cues.OPERATIVE_KIND[verb], actor=actor, printed=printed,
                 label=seg.label, clause_path=(self.doc_name, seg.label or ""), statement=f"{self.doc_name}: {text}")
        self.ctx = None
        return True

    def operative_item(self, seg: Segment, ctx: _Context) -> None:
        text = seg.text
        label = seg.label
        path_label = label or ""
        statement = f"{ctx.source} {ctx.chapeau} {text}"
        if _is_roman(label, ctx.last_letter) and ctx.last_number and ctx.last_letter:
            path_label = f"{ctx.last_number} {ctx.last_letter} {label}"  # "(i)" under "(a)" under "1": "1 a i"
            statement = f"{ctx.source} {ctx.chapeau} {ctx.last_text} {text}"
        elif _is_letter(label) and ctx.last_number:
            ctx.last_letter = label.strip("().")
            path_label = f"{ctx.last_number} {label}"
            # A sub-item reads on its own only with its parent: "… to give the Council …, including: a) …".
            statement = f"{ctx.source} {ctx.chapeau} {ctx.last_text} {text}"
        elif label and label[:1].isdigit():
            ctx.last_number = label
            ctx.last_text = text
        if ctx.verb is None:  # no chapeau: the item's own words say what kind it is, and nobody is guessed
            kind = RequirementKind.DECISION if text.startswith("that") else RequirementKind.INSTRUCTION
            actor, printed = self.that_subject(text) if text.startswith("that") else (None, None)
            if not _is_letter(label):
                self.orphans.append(label or text[:30])
        else:
            kind = ctx.kind or cues.OPERATIVE_KIND[ctx.verb]
            actor, printed = ctx.actor, ctx.printed
            if kind is RequirementKind.DECISION and re.match(r"that\b", text, re.IGNORECASE):
                # "(a) That the Commission … shall hold …": each decision names who acts
                actor, printed = self.that_subject(text)
                if _is_letter(label) and not _is_roman(label, ctx.last_letter):
                    ctx.letter_actor = (actor, printed)
            elif _is_roman(label, ctx.last_letter) and ctx.letter_actor and ctx.letter_actor[0]:
                actor, printed = ctx.letter_actor  # "(i) Examine …" under "(a) That the Commission … shall:"
            if not actor:
                actor, printed = self.item_subject(text, ctx.chapeau)
        self.add(seg, seg.start, seg.end, kind=kind, actor=actor, printed=printed, label=path_label or None,
                 clause_path=(ctx.source, ctx.chapeau, path_label), statement=statement,
                 quoted_from=ctx.source if ctx.quoted else None)

    def outside_resolutions(self, seg: Segment) -> None:
        """Proposals, targets, invitations and deontic sentences; items whose chapeau is missing."""
        text, section = seg.text, self.section
        if seg.kind == "para" and cues.TARGETS_HEADING_RE.search(section) and cues.TARGETS_HEADING_RE.search(text):
            self.target_scope = text  # "Part B  The 2025 advocacy targets of the Broadband Commission …"
            return
        if re.search(r"\bpropose[sd]?\s+that\s*:?\s*$", text, re.IGNORECASE):
            self.proposals_that = True  # "APATF proposes that:": the lead-in of the proposals below
            return
        listed = seg.kind == "item" or seg.block.kind is BlockKind.LIST_ITEM
        if cues.PROPOSALS_HEADING_RE.search(section) and (listed or cues.PROPOSES_RE.search(text)):
            # Numbered or bulleted, or "The Administration proposes that …" under a Proposals heading.
            actor, printed = self.proposal_actor(text)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section, seg.label or ""),
                     statement=f"Proposal {seg.label or ''} ({self.doc_name}): {text}".replace("  ", " "))
            return
        if cues.PROPOSES_RE.search(text) and not seg.kind == "heading":
            # "The Administration proposes that the secretariat …" anywhere else in a contribution.
            actor, printed = self.proposal_actor(text)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                     statement=f"Proposal ({self.doc_name}): {text}")
            return
        if seg.kind == "item" and cues.TARGETS_HEADING_RE.search(section):
            # Targets belong to whoever set them when the heading names it ("… of the Broadband Commission").
            actor = target_actor(self.target_scope or section, self.kb, default="All stakeholders")
            self.add(seg, seg.start, seg.end, kind=RequirementKind.TARGET, actor=actor, label=seg.label,
                     clause_path=(self.doc_name, section, seg.label or ""),
                     statement=f"{section}, target {seg.label}: {text}")
            return
        if seg.kind == "item" and re.match(r"(?:to|that)\s", text) and (not _is_letter(seg.label) or not self.out):
            # "7 to prepare …" at the top of an excerpt: its chapeau was on a page the text does not have.
            self.ctx = _Context(mode="operative", verb=None, actor=None, source=self.doc_name)
            self.operative_item(seg, self.ctx)
            return
        if section.lower() == "purpose":
            return  # a contribution's purpose paragraph describes the document itself
        action = cues.ACTION_LINE_RE.match(text)
        if action:  # "Action: secretariat to send a reminder …" (a meeting report's action point)
            who = action.group("who")
            actor, printed = self.found(who) or self.head_actor(who) or (printed_name(who), who)
            start = text.index(who)
            self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section or "body"), statement=text)
            return
        if seg.kind == "item" and cues.IMPERATIVE_RE.match(text):
            # "c) Encourage the development of …" in a plan of action: everyone its section names is asked.
            actor, printed = self.found(section) or ("All stakeholders", None)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                     statement=f"{section}: {text}" if section else text)
            return
        lead = re.match(r"^(?P<who>[A-Z][^,;:]{1,60}?),(?:[^,;]{0,120},)?\s+to\s+[a-z]", text)
        if seg.kind == "item" and lead and (found := self.found(lead.group("who"))):
            # "b) ITU, in cooperation with UNDESA and the regional commissions, to prepare …"
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=found[0], printed=found[1],
                     label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                     statement=f"{section}: {text}" if section else text)
            return
        owner = OWNER_RE.search(text)
        if owner:  # "M1  By 2026, BDT has carried out … (Owner: BDT)": a milestone and who delivers it
            code = CODE_RE.match(text)
            start = code.end() if code else 0
            who = owner.group("who")
            actor, printed = self.found(who) or self.head_actor(who) or (printed_name(who), who)
            self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                     label=code.group("code") if code else seg.label,
                     clause_path=(self.doc_name, section or "body", code.group("code") if code else ""),
                     statement=f"{section}: {text[start:]}" if section else text[start:])
            return
        self.sentences(seg)

    def sentences(self, seg: Segment) -> None:
        text, section = seg.text, self.section
        for s0, s1 in _sentences(text):
            sentence = text[s0:s1]
            if cues.ACTION_HEADING_RE.match(section) and cues.INVITED_RE.search(sentence):
                subject = cues.INVITED_RE.split(sentence, 1)[0]
                actor, printed = self.head_actor(subject) or (SECRETARIAT, None)
                self.add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.INVITATION, actor=actor,
                         printed=printed, label=seg.label, clause_path=(self.doc_name, section), statement=sentence)
            elif ((w := cues.WILL_RE.search(sentence)) and not cues.DEONTIC_RE.search(sentence)
                  and len(sentence[:w.start()].split()) <= 8 and not re.search(r"[(,;:]", sentence[:w.start()])
                  and (found := self.head_actor(sentence[:w.start()]))):
                # "BDT will examine, by the end of 2028, every entry …": a body's commitment in a plan.
                self.add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.EXPECTATION, actor=found[0],
                         printed=found[1], label=seg.label, clause_path=(self.doc_name, section or "body"),
                         statement=sentence)
            elif (cues.DEONTIC_RE.search(sentence) and not is_chapeau(sentence)
                  and not re.match(r"Should\s+\w+(?:\s+\w+){0,6}?\s+\w+,", sentence)):  # "Should the Group agree, …"
                subject = cues.DEONTIC_RE.split(sentence, 1)[0]
                statement = sentence
                if re.match(r"It (?:should|shall|must|needs|will)\b", sentence) and self.last_subject:
                    statement = self.last_subject + sentence[2:]
                elif subject.strip() and not subject.strip().lower().startswith("it"):
                    self.last_subject = subject.strip()
                kind = (RequirementKind.INVITATION if cues.INVITED_RE.search(sentence)
                        else RequirementKind.EXPECTATION)
                actor, printed = self.head_actor(subject) or (SECRETARIAT, None)
                self.add(seg, seg.start + s0, seg.start + s1, kind=kind, actor=actor, printed=printed,
                         label=seg.label, clause_path=(self.doc_name, section or "body"), statement=statement)

    # --- actors ------------------------------------------------------------------------------------------------

    def addressee(self, addr: str, verb: str, *, clause: str = "") -> tuple[str | None, str | None]:
        """Who a chapeau or UN paragraph addresses: a known body, the printed name of another, or, when no one is
        addressed ("Recommends further that the Union …", "Decides that …"), the subject of the clause."""
        bare = re.sub(r"^\s*(?:further|also|again|strongly|moreover)\b", "", addr, flags=re.IGNORECASE).strip(" ,")
        after = clause[len(addr):] if clause.startswith(addr) else ""
        if not bare and re.match(r"\s*that\b", after):
            actor, printed = self.that_subject(after)
            if actor:
                return actor, printed
        addr = bare
        if cues.OPERATIVE_KIND.get(verb) is RequirementKind.DECISION:
            # "Decides, with a view to …": a decision addresses no one. "approves the terms of reference of the
            # Working Group": the body that approves acts; "resolves" items say who acts themselves (ITU if not).
            return (self.decider if verb in ("approves", "adopts", "endorses") else self.body) or "", None
        found = self.found(addr)
        if found:
            return found
        name = printed_name(addr)
        if name:
            return name, addr.strip(" ,:")
        return "", None

    def proposal_actor(self, text: str) -> tuple[str, str | None]:
        """Who a proposal asks to act: the subject after "proposes that", or of "X should …"; else the secretariat
        (a contribution's proposals are, by default, for the secretariat that drafts the report)."""
        m = cues.PROPOSES_RE.search(text)
        if m and m.group(0).lower().endswith("that"):
            actor, printed = self.that_subject(text[m.end() - 4:])
            if actor:
                return actor, printed
        if self.proposals_that or re.match(r"that\b", text, re.IGNORECASE):
            # "1. the Telecommunication Development Bureau publish …" after "… proposes that:"; "That the Group …"
            actor, printed = self.that_subject(text if re.match(r"that\b", text, re.I) else f"that {text}")
            if actor:
                return actor, printed
        d = cues.DEONTIC_RE.search(text)
        if d:
            found = self.head_actor(text[:d.start()])
            if found:
                return found
        return SECRETARIAT, None

    def item_subject(self, text: str, chapeau: str) -> tuple[str, str | None]:
        """An item under a chapeau that names nobody ("resolves", "The Commission recommends that", "The
        Commission encourages"): who the item itself names, else the deciding body."""
        if text.startswith("that") or re.search(r"\bthat$", chapeau):
            actor, printed = self.that_subject(text if text.startswith("that") else f"that {text}")
            if actor:
                return actor, printed
        lead = re.match(r"^(?!to\b|that\b)(?P<subject>[^,;:]{3,90}?)\s+to\s+[a-z]", text)
        if lead:  # "(c) Member States to share their experience …", "(d) development partners to …"
            found = self.found(lead.group("subject")) or self.head_actor(lead.group("subject"))
            if found:
                return found
        m = re.match(r"^(?:that\s+)?(?P<subject>.{3,80}?)\s+(?:shall|should|will|must|is to|are to)\b", text)
        if m:
            found = self.head_actor(m.group("subject"))
            if found:
                return found
        return self.body or "ITU", None

    def add(self, seg: Segment, s0: int, s1: int, **kw) -> None:
        label = kw.get("label")
        if label and not re.search(r"[0-9A-Za-z]", label):
            kw["label"] = None  # a bullet is no label ("-", "•")
        elif label and _is_letter(label) and (self.ctx is None or self.ctx.mode != "operative"):
            parent = self.section_code or self.last_number
            if parent:  # "a)" under "C1. …" is "C1 a)"; "(c)" under paragraph 97 is "97 (c)"
                kw["label"] = f"{parent} {label}"
        elif label and re.fullmatch(r"\d{1,2}(?:\.\d{1,2})*", label):
            self.last_number = label
        base = seg.block.start
        self.out.append(Candidate(seg_start=base + s0, seg_end=base + s1, segment=seg, **kw))


def _title_case(text: str) -> bool:
    """Headings capitalise most content words ("Targets for 2030", "Calls to Action"); sentences do not."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _modal_kind(phrase: str) -> RequirementKind:
    """'shall'/'will' -> expectation; 'are called upon to' -> instruction; 'are invited to' -> invitation."""
    if re.search(r"\b(?:invited|encouraged|may wish)\b", phrase):
        return RequirementKind.INVITATION
    if re.search(r"\b(?:called upon|urged|requested|asked)\b", phrase):
        return RequirementKind.INSTRUCTION
    return RequirementKind.EXPECTATION


def _section_title(text: str) -> bool:
    """"Proposals", "Terms of reference", "Timetable": short, capitalised, no closing punctuation, asks nothing."""
    words = text.split()
    return (0 < len(words) <= 6 and text[:1].isupper() and text.rstrip()[-1:] not in ".;:,"
            and not cues.OPERATIVE_ANY.search(text) and not cues.DEONTIC_RE.search(text))


def _is_roman(label: str | None, last_letter: str | None) -> bool:
    """"(ii)", "iii)", and "(i)" or "(v)" when they do not continue a letter list ("(h)" then "(i)" is a letter)."""
    bare = (label or "").strip("().")
    if not bare or not re.fullmatch(r"[ivx]+", bare):
        return False
    if len(bare) > 1:
        return True
    return last_letter is not None and ord(bare) != ord(last_letter) + 1


def _is_letter(label: str | None) -> bool:
    return bool(label) and re.fullmatch(r"[a-z]\)|\([a-z]+\)|[ivx]+\)|\([ivx]+\)|[a-z]\.|[ivx]+\.", label) is not None


def _verb_key(verb: str) -> str:
    """'Requests' -> 'requests'; a meeting's 'requested' and a declaration's 'call upon' -> 'requests', 'calls upon'."""
    key = re.sub(r"\s+", " ", verb.lower())
    key = cues.PAST_OPERATIVE.get(key, key)
    if key not in cues.OPERATIVE_KIND:  # "we resolve", "we call upon"
        first, _, rest = key.partition(" ")
        key = " ".join(filter(None, (first + "s", rest)))
    return key if key in cues.OPERATIVE_KIND else "requests"


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by rule (abbreviations of resolution references kept together)."""
    spans, start = [], 0
    for m in SENTENCE_SPLIT_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
