"""Operative text: UN paragraphs with their own verb or a second clause, modal chapeaux, and items.

"Requests the Secretary-General to …", "Emphasizes …, and calls upon …", "The Group shall:" and its items.
"""

from __future__ import annotations

import re

from ..model import RequirementKind
from . import cues
from .actors import BODY_WORDS, printed_name
from .clauses import Segment
from .walk_state import SECRETARIAT, _Context
from .walk_words import TITLE_SHORT_RE, _is_letter, _is_roman, _modal_kind, _sentences, _verb_key

# A body and its modal, then its list: "Tasks: the Working Group on WSIS shall", "BDT will:".
MODAL_CHAPEAU_RE = re.compile(
    # "The study group shall examine the following issues under this Question:": its objects are the items below
    r"^(?:[A-Z][A-Za-z ,'\-]{1,40}:\s+)?(?P<subject>[^.;:]{3,90}?)\s+(?:(?:shall|should|will|must)\s+[a-z]+\s+the\s+"
    r"following\s+[a-z]+(?:\s+[^.;:]{0,40})?|shall|should|will|must|(?:is|are) "
    r"(?:also |further )?(?:invited|requested|expected|encouraged|called upon|urged|asked) to"
    # "The Expert Group shall deliver:" before what it delivers
    r"|(?P<modal_verb>(?:shall|should|will|must)\s+[a-z]{4,})"
    # "The Commission may wish to consider the following actions:" or "… may wish to:" before its lettered actions
    r"|may wish to(?: (?:consider|take|adopt)[^.;:]{0,60})?"
    # "The secretariat shall support the Expert Group and, in particular:" before its lettered tasks
    r"|(?:shall|should|will|must)\s+[a-z]+\s+[^.;:]{2,60}?\s+and,?\s+in\s+particular,?"
    # "Governments should treat access to a device as part of their broadband plans, including by:" before the ways
    r"|(?:shall|should|will|must)\s+[a-z]+\s+[^.;:]{2,200}?,?\s+(?:including|in\s+particular|for\s+(?:instance|example)|"
    r"inter\s+alia|notably)\s+by"
    # "For the report itself, our delegation would expect to see:" before what the report should give
    r"|(?:would|should|will)\s+(?:expect|like|wish|want|hope)\s+to\s+(?:see|find|read)(?:\s+[^.;:]{0,40})?)\s*:?\s*$")

# A relative clause set off by commas: ", one third of whose members shall be replaced each year,".
RELATIVE_ASIDE_RE = re.compile(r",\s+(?:[^,;:]{0,40}\s)?(?:whose|which|who)\s[^,;:]{2,80},")

# A later sentence of a delegation's paragraph that asks again: "… . We also urge the Action Line facilitators to …".
LATER_WE_ASK_RE = re.compile(r"(?<=[.!?])\s+(?=We\s+(?:also\s+|further\s+|therefore\s+)?(?:urge|call\s+(?:up)?on|invite|request|"
                             r"encourage|ask|recommend)\b)")

# An item with its own subject and modal under a chapeau that names someone else: "(b) development partners should
# align …" under "The international community is encouraged to:". The item's subject acts.
# (a sentence of its own too, "(c) Regulators should review …", "(e) Operators are encouraged to offer …", in a list of
# calls whose first item named someone else)
OWN_SUBJECT_RE = re.compile(r"^(?!(?i:to|that|it|this|these|they|which|we|our|in|on|for|by|with|as|all|each|every)\b)"
                            r"(?P<subject>[A-Za-z][^,;:()]{2,60}?)"
                            r"(?:,[^,;]{1,40},)?\s+(?:should|shall|must|will|are to|is to|(?:are|is)\s+(?:also\s+)?"
                            r"(?:encouraged|invited|requested|urged|called\s+upon)\s+to)\s+(?:also\s+)?[a-z]")

# (the words before the head noun describe it: "the methods used by regulators to measure …" names a thing)
OWN_OFFICES_TO_RE = re.compile(r"^(?P<subject>(?:the|their)\s+(?:(?!(?:by|of|for|in|on|at|with|from|to|and|or|that|which)\b|"
                               r"[a-z]+ed\b)[a-z][\w\-]*\s+){0,3}(?P<head>[a-z]+))\s+to\s+(?!be\b)[a-z]")
OWN_BODY_TO_RE = re.compile(r"^(?P<subject>(?:the\s+)?[A-Z][^,;:()]{2,60}?)(?:,[^,;]{1,40},)?\s+to\s+[a-z]")
# An item that reports whom a meeting asked: "(d) The round table invited the ITU secretariat to compile …".
ITEM_ASKER_RE = re.compile(r"^(?:[Tt]he\s+)?[A-Z][\w\-]*(?:\s+[\w\-]+){0,4}?\s+(?:also\s+|further\s+)?(?:invited|requested|"
                           r"urged|called\s+upon|encouraged|asked|invites|requests|urges|calls\s+upon|encourages|asks)\s+"
                           r"(?P<who>(?:the\s+)?[^,;:()]{2,60}?)\s+to\s+(?=[a-z])")
# An item that names its body before a participle: "a) the Director of the Radiocommunication Bureau taking the lead on
# …" under "2 to coordinate the work of the Sectors …, with:".
OWN_BODY_DOING_RE = re.compile(r"^(?P<subject>(?:the\s+)?[A-Z][^,;:()]{2,80}?)\s+(?:itself\s+)?[a-z]{3,}ing\b")


# Targets that a body has undertaken to reach, named in the decision that adopts them.
TARGETS_OWNED_RE = re.compile(r"\btargets?\b[^;:]*?,\s+which\s+(?P<who>[^,;:]{3,120}?)\s+(?:ha(?:s|ve)\s+)?"
                              r"(?:undertaken|undertake|undertakes|committed|commit|commits|pledged|agreed)\s+to\s+"
                              r"(?:achieve|meet|reach|deliver|attain)\b")
# "… recommends to the Economic and Social Council the adoption of the following draft resolution:"
RECOMMENDS_TO_RE = re.compile(r"^to\s+(?P<to>(?:the\s+)?[A-Z][^,;:]{2,80}?)\s+(?:the\s+adoption|the\s+following|that)\b"
                              # "Recommends the following to the Commission on Science and Technology …:"
                              r"|^the\s+following\s+(?:[a-z]+\s+)?to\s+(?P<to2>(?:the\s+)?[A-Z][^,;:]{2,100}?)\s*:?\s*$")


# A decision's item in the passive of approving: "b) the indicators proposed for Action Lines C2 and C5 are approved on a
# provisional basis": the body that decides approves them.
APPROVED_RE = re.compile(r"^(?!(?:to|that)\b)[^;:]{3,160}?\b(?:is|are)\s+(?:hereby\s+)?(?:approved|adopted|endorsed)\b")
# A text the secretariat drafts and what it is to say: "that the final contribution to the CSTD should describe …",
# "that the revised report shall contain a) …".
DRAFTED_THING_RE = re.compile(r"that\s*(?:,\s*(?:from|in|by|starting|as\s+from)\s+[^,;:]{2,30},\s*|\s)"
                              # ("that future reports should …", "that, from 2029, the annual ITU report shall …")
                              r"(?:(?:the|its|future|all|each|every|any)\s+)?[^,;:]{0,80}?\b(?:reports?|contributions?|"
                              r"documents?|drafts?|annex|annexes|outlines?|summary|summaries|texts?|roadmaps?|tables?)\b"
                              r"[^;:]{0,80}?\b(?:should|shall|must|will|would)\s+(?:also\s+)?(?:be\s+)?[a-z]{3,}")
# A decision to ask someone: "(a) To request the President of the General Assembly to organize …": the one asked acts.
DECIDES_TO_ASK_RE = re.compile(r"[Tt]o\s+(?:request|instruct|invite|ask|entrust|mandate|task)\s+(?P<who>[^,;:]{3,90}?)"
                               r"(?:,[^,;:]{2,80},)?(?:\s+to\s+[a-z]|\s*:?\s*$)")
# A group a decision sets up, before its terms of reference: "to set up a correspondence group on the streamlining of
# ITU-D reporting, under the leadership of …, with the following terms of reference:".
SET_UP_RE = re.compile(r"^to\s+(?:set\s+up|establish|create|form|convene)\s+(?:an?\s+|the\s+)?"
                       r"(?P<group>(?:[\w\-]+\s+){0,4}?(?:[Gg]roup|[Cc]ommittee|[Tt]ask\s+[Ff]orce|[Tt]eam|[Pp]anel)"
                       r"(?:\s+(?:on|for|of)\s+[^,;:]{2,80}?)?)(?=\s*,|\s+(?:under|with|chaired|led)\b)")
# A meeting named at the end of the words before its run-on list: "With regard to the Forum, the Group a) agreed …".
TRAILING_MEETING_RE = re.compile(rf"(?:^|,\s*)(?P<who>[Tt]he\s+(?:Group|Meeting|Committee|Board|Working Group)|"
                                 rf"{cues.MEETING_SUBJECT})\s*:?\s*$")


# The number of an item quoted after its addressee: 'the Directors of the Bureaux "3 to report …"'.
QUOTED_NUMBER_RE = re.compile(r"^[^\"“”]{3,80}?[\"“]\s*(?P<n>\d{1,2})\s+(?:to|that)\s")
# An item quoted in a sentence under its chapeau's words: 'under "instructs the Directors of the Bureaux", reads in
# part: "2 to ensure …;"'.
QUOTED_UNDER_RE = re.compile(r"\bunder\s+[\"“](?P<chapeau>[^\"“”]{3,80})[\"”][^\"“”]{0,40}?[\"“]"
                             r"(?P<label>\d{1,2}|[a-z]\))\s+(?P<item>(?:to|that)\s[^\"“”]{3,600}?)[;,.]?[\"”]")


# A team by its kind, as its own minutes call it: "The Task Team agreed …".
TASK_TEAM_RE = re.compile(r"[Tt]he\s+(?P<head>Task\s+Team)")


class OperativeHandlers:
    """The walk's handlers of operative paragraphs and items (mixed into `Walk`)."""

    def unknown_actor(self, seg: Segment, printed: str | None) -> None:
        """No actor for a clause that names who acts by a pronoun ("invites them to …"), or by the "We" of ministers
        whose declaration does not say whether they speak for their States; the extraction warns."""
        if printed == "We" and self.we is None:
            self.ministers_we.append(seg.label or seg.text[:30])
        else:
            self.pronouns.append(f"{seg.label or seg.text[:30]} ('{printed}')")
        self.warned.add(id(seg))
        return None

    def modal_chapeau(self, seg: Segment) -> bool:
        """"The Group shall:" or "3 Tasks: the Working Group on WSIS shall" before its tasks: the chapeau of the items
        below it, each an expectation of that body (a numbered one is also a requirement of its own)."""
        # ("(b) The Advisory Group of the Forum, one third of whose members shall be replaced each year, shall:": the
        # relative clause is an aside, and its modal not the chapeau's)
        m = MODAL_CHAPEAU_RE.match(RELATIVE_ASIDE_RE.sub("", seg.text))
        if m is None or seg.kind not in ("item", "para"):
            return False
        if m.group("modal_verb") and (not seg.block.text.rstrip().endswith(":") or "," in m.group("subject")
                                      or self.head_actor(m.group("subject")) is None
                                      or (seg.kind == "item" and self.ctx is not None and self.ctx.mode == "operative")):
            # "The Expert Group shall deliver:" leads into items; "The Group shall meet." asks for itself, and "a) a
            # part on results, …, in which each entry shall state:" is an item with sub-items of its own
            return False
        if re.search(r"\bthe\s+following\b", m.group(0)) and not seg.block.text.rstrip().endswith(":"):
            return False  # "… shall consider the following report." asks for itself
        if re.search(r"\b(?:which|that|who)$", m.group("subject")) and self.ctx is not None and seg.kind == "item":
            return False  # "(b) prepare … a short list of conclusions, which shall: (i) …": the item's own sub-items
        actor, printed = self.head_actor(m.group("subject")) or self.drafted(m.group("subject"), subject=True)
        if re.search(r"\bto\s+(?:see|find|read)\b", m.group(0)):
            actor, printed = SECRETARIAT, None  # what a reader expects to see in a report: its writers' to give
        kind = _modal_kind(m.group(0))
        outer = self.ctx if self.ctx is not None and self.ctx.mode == "operative" else None
        # "(c) the secretariat of the Forum shall: (i) …" under "15. Decides … that:": cited "15 (c)", "15 (c) (i)"
        parent = (outer.sub_of or outer.last_number or "").strip("().") if outer is not None else ""
        cited = f"{parent} {seg.label}" if _is_letter(seg.label) and re.fullmatch(r"\d{1,3}", parent) else seg.label
        if seg.label:  # "3 Tasks: the Working Group shall" is an item of its own; "The Group shall:" only a lead-in
            self.add(seg, seg.start, seg.end, kind=kind, actor=actor, printed=printed, label=cited,
                     clause_path=(self.doc_name, self.section or "body", seg.label), statement=seg.text)
        elif re.search(r"(?:shall|should|will|must)\s*:?\s*$", m.group(0)) and not re.match(r"that\b", seg.text):
            # "The Group shall:" only leads in, and the trained model does not read it either ("The Expert Group shall
            # deliver the following outputs:" says what is due, and writers count it: the model reads it; "decides that
            # the Working Group shall:" is the decision its items spell out, a requirement itself)
            self.lead_ins.append((seg.block.start + seg.start, seg.block.start + seg.end))
        letter = (seg.label or "").strip("().")
        if (outer is not None and seg.kind == "item" and _is_letter(seg.label)
                and not _opens_items(seg)):
            # "(b) ITU is encouraged to expand its drills …; (c) capacity-building programmes must …" in a list run
            # together: (c) follows (b) under the list's own lead-in, not under (b)
            return True
        self.ctx = _Context(mode="operative", verb="shall", actor=actor, printed=printed, chapeau=seg.text.strip(" :"),
                            source=self.doc_name, last_number=cited, last_text=seg.text, kind=kind,
                            own_item=seg.label,
                            # "(b) that the Expert Group … shall: (i) …; (ii) …" then "(c)" under "decides" again
                            outer=outer if outer is not None and len(letter) == 1 and letter.isalpha() else None,
                            outer_next=chr(ord(letter) + 1) if len(letter) == 1 and letter.isalpha() else None)
        return True

    def quoted_under(self, seg: Segment) -> bool:
        """"Resolution 140 (…), under "instructs the Directors of the Bureaux", reads in part: "2 to ensure …;" and,
        under "invites Member States", "1 to take …"": items quoted in a sentence, each under its chapeau's words."""
        ref = cues.RESOLUTION_REF_RE.match(seg.text)
        found = list(QUOTED_UNDER_RE.finditer(seg.text)) if ref and seg.kind in ("para", "item") else []
        items = [(m, c) for m in found if (c := cues.CHAPEAU_RE.match(m.group("chapeau")))]
        if not items:
            return False
        source = " ".join(ref.group(0).split())
        for m, c in items:
            verb = _verb_key(c.group("verb"))
            actor, printed = self.addressee(c.group("addr").strip(" ,:"), verb)
            label = m.group("label")
            self.add(seg, seg.start + m.start("item"), seg.start + m.end("item"), kind=cues.OPERATIVE_KIND[verb],
                     actor=actor or self.body or "ITU", printed=printed, label=label,
                     clause_path=(source, c.group(0).strip(), label), statement=f"{source} {c.group(0)} {m['item']}",
                     quoted_from=source)
        return True

    def quoted_request(self, seg: Segment) -> bool:
        """"General Assembly resolution 82/877, paragraph 9, requests ITU … to include …": a contribution cites an
        instrument's request in its own sentence; the request is that instrument's, numbered as it cites it."""
        if self.quoted_under(seg):
            return True
        m = cues.QUOTED_REQUEST_RE.match(seg.text)
        # (a numbered paragraph of a contribution only when it cites the paragraph: "2.4 Finally, General Assembly
        # resolution A/RES/82/877, in its paragraph 11, "Requests …"")
        # ('2.3 Resolution 247 (…) instructs the Directors of the Bureaux "3 to report …"': the item's own number)
        quoted_n = QUOTED_NUMBER_RE.match(m.group("rest")) if m else None
        if (not m or not (seg.kind == "para" or (seg.kind == "item" and (m.group("n") or m.group("pn") or quoted_n)))
                or not re.search(r"\bto\s+[a-z]", m.group("rest"))):
            return False
        verb = _verb_key(m.group("verb"))
        rest = m.group("rest")
        addressee = re.split(r"\bto\b|,", rest, maxsplit=1)[0].strip(" \"“”")
        actor, printed = self.addressee(addressee, verb, clause=rest)
        ref = " ".join(m.group("ref").split())
        cited = m.group("n") or m.group("pn")
        label = (re.sub(r"[()\s]+", " ", cited).strip() if cited
                 else quoted_n.group("n") if quoted_n else None)
        # "in its invites Member States 2, asks …": the cited part's kind
        kind = cues.OPERATIVE_KIND[_verb_key(m.group("part")) if m.group("part") else verb]
        self.add(seg, seg.start + m.start("verb"), seg.end, kind=kind, actor=actor or None,
                 printed=printed, label=label, clause_path=(ref, label or ""), statement=seg.text, quoted_from=ref)
        return True

    def meeting_item(self, seg: Segment) -> bool:
        """"TDAG:" then "b) requested the Director of BDT to …", "c) decided to extend …": each item its own verb in the
        past tense, the meeting the subject of each."""
        if seg.kind == "para" and (m := cues.MEETING_CHAPEAU_RE.match(seg.block.text) or (
                seg.end < len(seg.block.text.rstrip()) and TRAILING_MEETING_RE.search(seg.text))):
            # "TDAG:", or "With regard to the WSIS Forum 2028, the Group a) agreed …; b) requested …"
            self.meeting_who = m.group("who")
            self.ctx = None
            return True
        who = self.meeting_who
        if seg.kind != "item" or not who or not (m := cues.PAST_ITEM_RE.match(seg.text)):
            return False
        verb = _verb_key(m.group("verb"))
        rest = m.group("rest")
        actor, printed = self.addressee(re.split(r"\bto\b|\bthat\b|:", rest, maxsplit=1)[0], verb, clause=rest)
        if not actor and re.match(r"that\b", rest):  # "agreed that the database should be opened": no one named
            actor, printed = SECRETARIAT, None
        if not actor:  # "decided to extend the mandate …": the meeting decides
            actor, printed = self.found(who) or ((name, who) if (name := printed_name(who)) else (None, None))
        self.add(seg, seg.start, seg.end, kind=cues.OPERATIVE_KIND[verb], actor=actor or self.body or "ITU",
                 printed=printed, label=seg.label, clause_path=(self.doc_name, who, seg.label or ""),
                 statement=f"{who} {seg.text}")
        return True

    def quoted_paragraph(self, seg: Segment) -> str | None:
        """The instrument a UN paragraph is quoted from: "… E/RES/2027/951 …. Its operative paragraphs 14 and 17 read as
        follows:" then "“14. Requests the Commission …;" up to the closing quote mark. None outside such a quotation."""
        block = seg.block.text.strip()
        if self.lead_in is not None and block[:1] in "\u201c\"":
            self.quoting, self.lead_in = " ".join(self.lead_in.group(0).split()), None
        source = self.quoting
        if source and block.rstrip(" ;,.")[-1:] in "\u201d\"":
            self.quoting = None  # the quotation closes with this paragraph
        return source

    def own_operative(self, seg: Segment) -> bool:
        """UN style: "1. Requests the Secretary-General to …" (or an unnumbered "invites X to …" between lists)."""
        text = seg.text
        if (seg.kind == "item" and seg.label and seg.block.text.rstrip().endswith(":")
                and re.fullmatch(rf"\s*{cues.OPERATIVE_VERB}\s*:?\s*", text, re.IGNORECASE)):
            # "5. Decides:" (a UN paragraph whose verb alone leads into its lettered sub-paragraphs): their chapeau
            self.chapeau(Segment("chapeau", seg.block, seg.start, seg.end, None))
            if self.ctx is not None and self.ctx.mode == "operative":
                self.ctx.last_number = seg.label.rstrip(".")
            return True
        m = (cues.SELF_OPERATIVE_RE.match(text) or cues.SUBJECT_OPERATIVE_RE.match(text) or _after_opening_phrase(text)
             or (cues.BASE_OPERATIVE_RE.match(text) if seg.kind == "item" and (seg.label or "")[:1].isdigit() else None))
        if not m or seg.kind not in ("item", "para", "chapeau"):
            return False
        who = m.groupdict().get("who")
        rest = m.group("rest")
        if seg.kind == "para" and not re.search(r"\b(?:to|that)\b", rest):
            return False
        bare = bool(re.fullmatch(r"\s*(?:to\s*)?:?\s*", rest)) and seg.block.text.rstrip().endswith(":")
        if bare and not (seg.label and m.re is cues.SELF_OPERATIVE_RE):
            return False  # "In the light of the above, the Council is invited to:": the lead-in of the items below
        # ("5. Decides:" is the numbered chapeau of "(a) …", "(b) …": no requirement of its own either)
        if cues.QUESTION_RE.match(rest):
            return False  # "Several delegations asked whether more recent data would be available …": a question
        if re.match(r"to\s+(?:the|all|its|our)\b", rest) and len(rest.split()) <= 6:
            return False  # "Requests to the secretariat": a section title, not a request
        verb = _verb_key(m.group("verb"))
        # an unnumbered "invites Member States to …" after the quoted items of another text's chapeaux: quoted too
        outer = self.ctx if (self.ctx is not None and self.ctx.mode == "operative" and self.ctx.quoted
                             and seg.kind == "para" and not seg.label and cues.SELF_OPERATIVE_RE.match(text)) else None
        if re.search(r"\bthe following (?:[a-z]+ )?targets\b", rest):
            return False  # "The members of the Alliance commit to reaching the following targets …": a list's lead-in
        if (who in ("Speakers", "Participants", "Delegates", "Delegations") and verb == "decides"
                and re.match(r"that\b", rest) and not re.search(r"\b(?:should|shall|must|will|would|needs? to|be)\b",
                                                               rest.split(".")[0])):
            return False  # "Speakers agreed that attacks … increased": a finding they shared, not a decision
        addressee = re.split(r"\bto\b|\bthat\b|:", rest, maxsplit=1)[0]
        if (to := RECOMMENDS_TO_RE.match(rest)) is not None:
            addressee = to.group("to") or to.group("to2")  # "recommends to the Economic and Social Council the adoption of …"
        actor, printed = self.addressee(addressee, verb, clause=rest)
        if (who and cues.OPERATIVE_KIND.get(verb) is RequirementKind.DECISION and self.body and actor == self.body
                and (short := (TITLE_SHORT_RE.fullmatch(who.strip()) or TASK_TEAM_RE.fullmatch(who.strip()))) is not None
                and (titled := self.title_name(short.group("head"))) and (self.found(titled) or (titled,))[0] != actor):
            # "The Task Team agreed that …" in the minutes of the "Inter-Agency Task Team on WSIS Measurement and
            # Reporting", a team of UNGIS: the team the title names decides, not UNGIS
            actor, printed = (self.found(titled) or (titled,))[0], who.strip()
        if not actor and who not in ("We", "we") and re.match(r"that\b", rest) and verb in ("recommends", "proposes"):
            # "The Working Group recommends that the IGF Leadership Panel raise …": who the clause names acts
            if (named := self.that_subject(rest))[0]:
                actor, printed = named
        if who in ("We", "we") and m.group("verb").lower().startswith("commit") and not re.match(r"that\b", rest):
            # "We commit to …" in an Assembly's outcome document: the States that speak ("We decide to hold …" is the
            # Assembly's)
            actor, printed = self.we, "We"
        elif (who and who not in ("We", "we") and m.group("verb").lower().startswith("commit")
              and re.match(r"to\b", rest) and (committed := self.found(who) or self.head_actor(who))):
            actor, printed = committed  # "The regional commissions commit to the following actions …:" their own
        unknown = actor is None  # "invites them to …": a pronoun names who acts
        if (not actor and who in ("We", "we") and verb in ("requests", "asks") and re.match(r"that\b", rest)
                and not re.search(r"\b(?:Member States|Governments|we|our)\b", rest.split(",")[0])):
            # "We ask that the table in Annex B also show …" (a delegate's comment on a draft): its drafters'
            actor, printed = SECRETARIAT, None
        elif not actor and who in ("We", "we"):  # a declaration's "We resolve to …": the States that sign it
            actor, printed = self.we, "We"
        elif (not actor and who and not unknown and DRAFTED_THING_RE.match(rest)
              and re.fullmatch(r"The\s+(?:Group|Meeting|Working Group)|Participants|Members", who)
              # (a group outside ITU, its record titled with its name, drafts its own report)
              and self.titled_group() is None):
            # "The Group agreed that the final contribution to the CSTD should describe …": what a text the
            # secretariat drafts is to say (not "that the progress report be forwarded to the Council", the Group's
            # own act, nor "that its next meeting would be held …")
            actor, printed = SECRETARIAT, None
        elif not actor and who and not unknown:  # "The Commission decides to hold …", "TSAG agreed to establish …"
            actor, printed = self.found(who) or ((who, who) if re.fullmatch(cues.MEETING_SUBJECT, who)
                                                 and who.isupper() else (None, None))
        if who in ("We", "we") and printed == "We" and actor is None:
            unknown = True  # "We commit …" of ministers (`who_we_are`): unknown, with a warning, not the body
        if who and re.match(r"\s+(?:is|are|was|were)\b", text[m.end("who"):]):
            # "The Director of BDT is requested, in cooperation with ESCWA, …, to:": the subject is the one asked
            actor, printed = self.found(who) or self.head_actor(who) or (actor, printed)
            unknown = actor is None
        actor = self.unknown_actor(seg, printed) if unknown and not actor else (
            actor or self.body or self.author or "ITU")
        # "9. Requests …, and invites multilateral development banks to …": a second request is a requirement too.
        second = cues.SECOND_CLAUSE_RE.search(text, m.start("rest")) or (
            # "Members encouraged all stakeholders to …, and invited the secretariat to …": a second request
            cues.PAST_SECOND_CLAUSE_RE.search(text, m.start("rest")) if m.group("verb").lower() in cues.PAST_OPERATIVE
            else None)
        if second and cues.QUESTION_RE.match(text[second.end("verb"):]):
            second = None  # "…, and asked how its results would be reported": a question, no second request
        if second and re.fullmatch(r"\s*(?:(?:also|further|moreover)\b)?[\s:]*", text[second.end("verb"):]):
            # "8. Decides to hold a debate …, and further decides:", "…, and in this regard decides also:": the
            # second verb is the chapeau of the items below
            verb, second = _verb_key(second.group("verb")), None
        end = seg.start + second.start() if second and seg.kind != "chapeau" else seg.end
        # "We call on ITU … to publish …. We also urge the Action Line facilitators to …": a later sentence of the
        # paragraph asks on its own
        later = (LATER_WE_ASK_RE.search(text, m.end("verb")) if not second and who in ("We", "we")
                 and seg.kind != "chapeau" else None)
        if later is not None:
            end = seg.start + later.start()
        # "In the light of this, we would ask the secretariat to:" in a paragraph of its own: a chapeau, whose items
        # follow, and no request of its own
        lead_in = (seg.kind == "para" and not seg.label and not second and seg.block.text.rstrip().endswith(":")
                   and re.fullmatch(r"[^.;:]{2,100}?\bto\s*:?\s*", rest) is not None)
        # "4.1 The Group agreed on the following action points: a) the secretariat to …": only its items ask
        # (a numbered one is a requirement of its own, as any item with sub-items is)
        following = (not second and not seg.label and re.fullmatch(r"(?:on\s+|upon\s+)?the\s+following(?:\s+[\w\-]+){0,3}\s*:?\s*", rest)
                     is not None and (seg.block.text.rstrip().endswith(":") or seg.end < len(seg.block.text.rstrip())))
        # "(a) Decides that …" under "2. Decides …, and in that regard:": a sub-paragraph with its own verb is cited
        # under its paragraph, "2 (a)", as its romans are under both ("2 (b) (i)")
        parent = self.ctx.sub_of or (self.ctx.last_number if self.ctx.opens_items else None) if (
            seg.kind == "item" and _is_letter(seg.label) and self.ctx is not None and self.ctx.mode == "operative"
            and not _is_roman(seg.label, self.ctx.last_letter)) else None
        parent = parent if parent and re.fullmatch(r"\d{1,3}", parent.strip("().")) else None
        label = f"{parent.strip('().')} {seg.label}" if parent else seg.label
        if not lead_in and not following and not bare:
            self.add(seg, seg.start, end, kind=cues.OPERATIVE_KIND[verb], actor=actor, printed=printed,
                     label=label, clause_path=(self.doc_name, seg.label or ""), statement=f"{self.doc_name}: {text}",
                     quoted_from=outer.source if outer is not None else self.quoted_paragraph(seg))
        if later is not None:
            self.own_operative(Segment("para", seg.block, seg.start + later.end(), seg.end, seg.label))
        elif end != seg.end:
            v2 = _verb_key(second.group("verb"))
            rest2 = text[second.end("verb"):]
            actor2, printed2 = self.addressee(re.split(r"\bto\b|\bthat\b", rest2, maxsplit=1)[0], v2, clause=rest2)
            actor2 = self.unknown_actor(seg, printed2) if actor2 is None else (actor2 or self.body or "ITU")
            self.add(seg, seg.start + second.start("verb"), seg.end, kind=cues.OPERATIVE_KIND[v2],
                     actor=actor2, printed=printed2, label=seg.label,
                     clause_path=(self.doc_name, seg.label or "", "2"), statement=f"{self.doc_name}: {text}")
        # Its sub-items, if any ("3. Requests the Union: (a) to …"), follow under it.
        if ((group := SET_UP_RE.match(rest)) and re.search(
                r"\bthe\s+following\s+(?:terms\s+of\s+reference|mandate|tasks)\s*:?\s*$", rest[group.end():])):
            # "TDAG agreed to set up a correspondence group on …, with the following terms of reference: (i) to
            # review …": the group set up carries out its terms of reference
            actor, printed = self.found(group.group("group")) or (group.group("group"), group.group("group"))
        if (self.ctx is not None and self.ctx.mode == "operative" and seg.kind == "item" and _is_letter(seg.label)
                and not _opens_items(seg)):
            # "(b) ITU is encouraged to expand its drills …; (c) capacity-building programmes must …" in a list run
            # together: (c) follows (b) under the list's own lead-in, not under (b)
            return True
        self.ctx = _Context(mode="operative", verb=verb, actor=actor, printed=printed,
                            chapeau=text[m.start("verb"):m.start("rest")] + addressee.strip(" ,:"),
                            source=outer.source if outer is not None else self.doc_name, last_number=label,
                            last_text=text, own_item=None if lead_in else seg.label or "", quoted=outer is not None,
                            opens_items=_opens_items(seg), sub_of=parent.strip("().") if parent else None)
        return True

    def second_clause(self, seg: Segment) -> bool:
        """UN style: "Emphasizes …, and calls upon all stakeholders to …": the second clause is the requirement.

        A paragraph that only notes, welcomes or emphasizes asks nothing; it still ends the preamble.
        """
        text = seg.text
        meeting = cues.MEETING_DECLARATIVE_RE.match(text)
        plural = cues.PLURAL_SUBJECT_RE.match(text)  # "The members of UNGIS recognize …, and commit to …"
        shift = plural.end() - 2 if plural else 0
        probe = "We" + text[plural.end():] if plural else text  # read as a "We" paragraph, offsets moved back
        declares = (cues.DECLARATIVE_RE.match(text) or cues.SUBJECT_DECLARATIVE_RE.match(text)
                    or cues.WE_DECLARATIVE_RE.match(probe) or meeting)
        if seg.kind not in ("item", "para") or not declares:
            return False
        we = re.match(r"\s*We\b", probe)
        m = (cues.SECOND_CLAUSE_RE.search(probe) or (cues.WE_SECOND_CLAUSE_RE.search(probe) if we else None)
             or (cues.PAST_SECOND_CLAUSE_RE.search(probe) if meeting else None))
        if m is None:
            first = next(iter(_sentences(text)), (0, len(text)))[1]
            if meeting and (cues.DEONTIC_RE.search(text, first) or (
                    cues.DEONTIC_RE.search(text) and re.search(r"\b(?:recogni[sz]ed|stressed|emphasi[sz]ed|underlined|"
                                                               r"highlighted|acknowledged)\s+that\b", text[:first]))):
                # (not "TDAG noted that the General Assembly is expected to consider …", a fact it was told)
                # "4.4 The Group recognized that Member States should send …", "4.5 The Group discussed …. It is
                # important that the secretariat prepare …": what the record says should be done, read by sentence
                self.ctx = None
                return False
            if seg.kind == "item":
                self.ctx = None
                return True
            return False
        start = m.start("verb") + shift
        rest = probe[m.end("verb"):]
        if cues.QUESTION_RE.match(rest):
            return False  # "Many delegations welcomed …, and asked how its effect could be shown": a question
        verb = _verb_key(m.group("verb"))
        addressee = re.split(r"\bto\b|\bthat\b", rest, maxsplit=1)[0]
        actor, printed = self.addressee(addressee, verb, clause=rest)
        if actor is None:  # "…, and invites them to …": who "them" are the paragraph does not say
            actor = self.unknown_actor(seg, printed)
        elif not actor and plural:  # "…, and commit to coordinating …": the body whose members speak
            actor, printed = self.found(plural.group("body")) or (printed_name(plural.group("body")), None)
        elif not actor and we:  # "…, and commit to review …": the States that sign the declaration
            actor, printed = self.we, "We"
        if actor is not None:
            actor = actor or self.body or self.author or "ITU"
        self.add(seg, seg.start + start, seg.end, kind=cues.OPERATIVE_KIND[verb], actor=actor, printed=printed,
                 label=seg.label, clause_path=(self.doc_name, seg.label or ""), statement=f"{self.doc_name}: {text}")
        self.ctx = None
        return True

    def operative_item(self, seg: Segment, ctx: _Context) -> None:
        """An item under the chapeau in force: its kind and actor inherited, its label cited under its parents."""
        if ctx.outer is not None and (seg.label or "").strip("().") == ctx.outer_next:
            self.ctx = ctx = ctx.outer  # the next letter of the list the modal item belonged to
        text = seg.text
        label = seg.label
        path_label = label or ""
        statement = f"{ctx.source} {ctx.chapeau} {text}"
        if _is_roman(label, ctx.last_letter) and ctx.last_letter:
            # "(i)" under "(a)" under "1": "1 a i"; under "(a)" of a chapeau with no number ("decides"): "a i"
            path_label = " ".join(filter(None, (ctx.last_number, ctx.last_letter, label)))
            statement = f"{ctx.source} {ctx.chapeau} {ctx.last_text} {text}"
        elif _is_letter(label) and ctx.last_number and not (
                _is_letter(ctx.last_number) and not re.fullmatch(r"[ivx]+", label.strip("()."))
                and not ctx.opens_items):
            # ("(a) Participants called upon governments to …" then "(c) Regulators should …": a letter is the parent
            # of romans below it, not of the letters after it)
            bare = label.strip("().")
            if len(bare) == 1 and not (bare == "i" and ctx.last_letter is None):  # "i)" opens a roman list under "2"
                ctx.last_letter = bare
            path_label = f"{ctx.last_number} {label}"
            # A sub-item reads on its own only with its parent: "… to give the Council …, including: a) …".
            statement = f"{ctx.source} {ctx.chapeau} {ctx.last_text} {text}"
        elif (_is_letter(label) and _is_letter(ctx.last_number) and self.last_number
              and re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*", self.last_number)):
            # ("11. Trust in online services …" then "c) ITU is requested to …", "d) All stakeholders are encouraged
            # to …": the paragraph they stand under is their parent, not the letter before)
            path_label = f"{self.last_number} {label}"
        elif _is_letter(label) and len(bare := label.strip("().")) == 1 and bare != "i":
            ctx.last_letter = bare  # "(a)" under a chapeau with no number ("decides"): the parent of its romans
            ctx.last_text = text
        elif label and (label[:1].isdigit() or re.fullmatch(r"[A-Z]{1,3}[.\-]?\d{1,3}", label)):
            ctx.last_number = label  # ("R4 the Directors … report on: (a) …": "R4 a")
            ctx.last_text = text
        if ctx.verb is None:  # no chapeau: the item's own words say what kind it is, and nobody is guessed
            kind = RequirementKind.DECISION if text.startswith("that") else RequirementKind.INSTRUCTION
            actor, printed = self.that_subject(text) if text.startswith("that") else (None, None)
            self.warned.add(id(seg))
            if not _is_letter(label):
                self.orphans.append(label or text[:30])
        else:
            kind = ctx.kind or cues.OPERATIVE_KIND[ctx.verb]
            actor, printed = ctx.actor, ctx.printed
            asked = None
            if (kind is RequirementKind.DECISION and actor and not re.match(r"(?:to|that)\b", text, re.IGNORECASE)
                    and (own := self.item_subject(text, ctx.chapeau))[1] is not None):
                actor, printed = own  # "the Group agreed: b) the secretariat to circulate …": the secretariat acts
            elif (kind is RequirementKind.DECISION and (asked := DECIDES_TO_ASK_RE.match(text))
                  and (found := self.found(asked.group("who")))):
                actor, printed = found  # "Decides: (a) To request the President of the General Assembly to …"
            if kind is RequirementKind.DECISION and self.decider and APPROVED_RE.match(text):
                actor, printed = self.decider, None  # "b) the indicators proposed … are approved": the Council approves
            # "(a) That the Commission … shall:", "(b) To request the President of the General Assembly:" pass who
            # acts to their romans
            that_letter = bool(asked) and _is_letter(label) and not _is_roman(label, ctx.last_letter)
            if kind is RequirementKind.DECISION and re.match(r"that\b", text, re.IGNORECASE):
                # "(a) That the Commission … shall hold …": each decision names who acts
                actor, printed = self.that_subject(text)
                that_letter = _is_letter(label) and not _is_roman(label, ctx.last_letter)
            elif _is_roman(label, ctx.last_letter) and ctx.letter_actor and ctx.letter_actor[0]:
                actor, printed = ctx.letter_actor  # "(i) Examine …" under "(a) That the Commission … shall:"
                own = re.match(r"The\s+(?P<subject>[^,;:()]{2,60}?)\s+(?:shall|should|must|will)\s", text)
                if own and (found := self.head_actor(own.group(0)[:own.end("subject")])):
                    actor, printed = found  # "(ii) The secretariat of the Commission shall prepare …" names its own
            if (that_letter or asked) and actor:
                pass  # "(d) That the IGF Secretariat shall …", "(a) To request the President …": it names who acts
            elif not actor and ctx.printed == "We" and self.we is None:
                # "(a) adopting …" under the ministers' "We commit to …, including by:": unknown as the chapeau
                self.ministers_we.append(path_label or seg.label or seg.text[:30])
                self.warned.add(id(seg))
            elif not actor:
                actor, printed = self.item_subject(text, ctx.chapeau)
                if (printed is None and actor == (self.body or "ITU") and _is_letter(label) and ctx.number_actor
                        and ctx.number_actor[0]):
                    actor, printed = ctx.number_actor  # "2 that the Group shall, in 2028: a) hold …; b) …"
                elif (printed is None and actor == "ITU" and ctx.verb in ("decides", "resolves")
                      and self.decider == "Council" and text.startswith("to ")):
                    actor = "Council"  # "decides (a) to establish an Expert Group …": the Council does it
            elif (own := OWN_SUBJECT_RE.match(text)) and (found := self.head_actor(own.group("subject"))):
                actor, printed = found  # "(c) national regulators, for their part, should publish …"
            elif (asker := ITEM_ASKER_RE.match(text)) and (found := self.found(asker.group("who"))
                                                             or self.head_actor(asker.group("who"))):
                actor, printed = found  # "(d) The round table invited the ITU secretariat to compile …": whom it asks
            elif ((own := OWN_BODY_TO_RE.match(text)) and (found := self.found(own.group("subject")))
                  and found[0] != "ITU"
                  # (the body opens the item: not "3.7 Extend the mandate of the Working Group for two years to …")
                  and re.sub(r"^the\s+", "", own.group("subject").lower()).startswith(
                      re.sub(r"^the\s+", "", found[1].lower())[:12])):
                # "3 the Telecommunication Development Bureau, in particular, to continue …" under "instructs the
                # Directors of the three Bureaux": a body the knowledge base knows, named by the item, acts
                actor, printed = found
            elif (_is_letter(label) and (own := OWN_BODY_DOING_RE.match(text))
                  and (found := self.found(own.group("subject"))) and found[0] not in ("ITU", actor)
                  and re.sub(r"^the\s+", "", own.group("subject").lower()).startswith(
                      re.sub(r"^the\s+", "", found[1].lower())[:12])):
                actor, printed = found  # "a) the Director of the Radiocommunication Bureau taking the lead on …"
            elif ((own := OWN_OFFICES_TO_RE.match(text)) and own.group("head").rstrip("s") in BODY_WORDS
                  and (name := printed_name(re.sub(r"^their\s+", "", own.group("subject"))))):
                # "2 the regional offices to organize …" under "instructs the Director of the Telecommunication
                # Development Bureau": a body named by its common noun, in the item's own words, acts
                # (a body the knowledge base knows keeps its canonical name: "the secretariat" is the Secretariat)
                actor, printed = self.found(own.group("subject")) or (name, own.group("subject"))
            owned = TARGETS_OWNED_RE.search(text) if kind is RequirementKind.DECISION and not that_letter else None
            if owned and (found := self.found(owned.group("who"))) and found[0]:
                # "to adopt the following targets …, which the Secretary-General and the Directors have undertaken to
                # achieve:": the targets, and their letters, are theirs to reach
                actor, printed = found[0], owned.group("who")
            if that_letter:
                ctx.letter_actor = (actor, printed)  # as the letter's own reading found it, fallbacks included
            elif _is_letter(label) and not _is_roman(label, ctx.last_letter):
                ctx.letter_actor = None  # "(b) To convene …, which shall: (i) …" after "(a) That the Commission …"
            elif label and label[:1].isdigit():
                ctx.number_actor = (actor, printed) if re.match(r"that\b", text, re.IGNORECASE) or owned else None
        self.add(seg, seg.start, seg.end, kind=kind, actor=actor, printed=printed, label=path_label or None,
                 clause_path=(ctx.source, ctx.chapeau, path_label), statement=statement,
                 quoted_from=ctx.source if ctx.quoted else None)


# A meeting's conclusion may open with what the meeting had before it: "Having considered the draft …, the Group
# agreed that:", "Noting the concerns …, the Group asked the secretariat:" (the subject and its verb follow the
# comma).
OPENING_PHRASE_RE = re.compile(r"^(?:Having\s+[a-z]+ed|Noting|Recalling|Considering|Recogni[sz]ing|Bearing\s+in\s+mind|"
                               r"Taking\s+(?:note|into\s+account)|In\s+(?:view|the\s+light)\s+of|Further\s+to|"
                               r"Following|After|In\s+closing|In\s+conclusion|At\s+the\s+close\s+of)\b")
OPENING_COMMA_RE = re.compile(r",\s+(?=the\s+(?:[A-Z]|moderator\b|panell?ists\b)|[A-Z]{3,}\b)")


def _after_opening_phrase(text: str) -> re.Match | None:
    """The subject and operative verb after a participial opening ("Having considered …, the Group agreed that:"),
    matched on the text with that subject capitalised, so that the match's offsets are the text's own."""
    if not OPENING_PHRASE_RE.match(text):
        return None
    for comma in OPENING_COMMA_RE.finditer(text, 0, 300):
        at = comma.end()
        probe = " " * at + text[at].upper() + text[at + 1:]
        if (m := cues.SUBJECT_OPERATIVE_RE.match(probe)) is not None and m.group("who") != "We":
            return m
    return None


def _opens_items(seg) -> bool:
    """An item that ends with a colon, its own sub-items below it ("(b) that the Expert Group shall: (i) …")."""
    return seg.block.text[:seg.end].rstrip().endswith(":") or re.match(r"[\s\u201d\"]*:", seg.block.text[seg.end:]) is not None
