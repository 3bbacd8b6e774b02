"""Who a chapeau, a proposal or an item addresses, read from its words with the actor reader's help."""

from __future__ import annotations

import re

from ..model import RequirementKind
from . import cues
from .actors import BODY_WORDS, OTHER_SECRETARIAT_RE, printed_name
from .walk_state import SECRETARIAT

# A report with its author: "that the annual report of the Secretary-General on WSIS include …".
REPORT_OF_RE = re.compile(r"(?i:that\s+the|that\s+its)\s+[^,;:]{0,40}?\breports?\s+of\s+(?P<owner>(?:the\s+)?[A-Z][\w&-]*"
                          r"(?:\s+[A-Z][\w&-]*)*(?:\s+(?:facilitators|secretariat|members|chairs?|co-chairs|directors?)\b)?)")
# The text being drafted, as the subject of a proposal or a deontic sentence: "that the report open with …", "The
# revised draft should also list …". Its drafters, the secretariat, are asked; not when its owner is named ("the
# annual report of the Secretary-General should …").
DRAFTED_SUBJECT_RE = re.compile(r"(?:that\s+)?(?:the|its|this|our|each)\s+(?:(?!of\b|by\b)[\w+&/-]+\s+){0,3}?"
                                r"(?:report|draft|document|version|text|"
                                # ("the WSIS reports of the Union": the Union's, which its secretariat drafts)
                                r"summary|annex|outline|table|chapter|section)s?\b"
                                r"(?:\s+of\s+(?:the\s+)?(?:Union|ITU)\b|(?!\s+(?:of|by|from)\b))",
                                re.IGNORECASE)


# A part of a draft that an edit works on: "to chapter 3", "in section 3.2 of the draft", "the report".
EDITED_PART_RE = re.compile(r"\b(?:chapter|section|annex|paragraph|part|table|the\s+(?:draft|report|text|document))\b",
                            re.IGNORECASE)


# An addressee named by a pronoun: "them", "its members", "their national regulators".
PRONOUN_RE = re.compile(r"^\s*(?:them|they|it|its|their|these|those)\b", re.IGNORECASE)


# An item whose subject is a thing made by a body: "the programme of the Forum, to be drawn up by the secretariat …",
# "an independent evaluation, commissioned by the Secretary-General and …".
THING_BY_RE = re.compile(r"^(?:the|an?)\s+[a-z][^,;:]{0,80}?,\s*(?:to\s+be\s+)?[a-z]+(?:ed|en|wn|de)(?:\s+(?:up|out))?"
                         r"\s+by\s+"
                         r"(?P<agent>[^,;:]{2,80}?)(?=\s+(?:and|with|in|on|for|to)\b|[,;:]|$)")
THING_WHICH_RE = re.compile(r"^(?:the|an?)\s+[a-z][^,;:]{0,80}?,\s*which\s+"
                            r"(?P<agent>(?:the\s+)?[A-Za-z][\w\- ]{1,50}?)\s+"
                            r"(?:will|shall|should|must|is to|are to)\b")
# A capitalised name before a participle: "BDT designating …", "ITU Regional Offices reporting …".
# ("b) BDT, in cooperation with the regional offices, collecting …", "c) TDAG itself reviewing …")
DOING_RE = re.compile(r"(?P<subject>[A-Z][\w&\-]{1,20}(?:\s+[A-Z][\w&\-]*){0,3})(?:\s+(?:itself|themselves))?"
                      r"(?:,[^,;:]{2,80},)?\s+[a-z]{3,}ing\b")
# Bodies a text names in full once and then by one word: "the Partnership", "the Alliance" (not "the Director").
SHORT_NAMED = {"partnership", "alliance", "coalition", "network", "initiative", "observatory", "facility", "platform",
               "group", "commission", "committee", "forum", "board", "council", "centre", "center", "consortium"}


# Three or more bodies by their initials or short names: "ITU, UNESCO, UNDP and UNCTAD".
SEVERAL_BODIES_RE = re.compile(r"(?:the\s+)?(?P<list>[A-Z][\w&\-]{1,12}(?:,\s+[A-Z][\w&\-]{1,12}){1,6},?\s+and\s+"
                               r"[A-Z][\w&\-]{1,12})")


# An aside after the addressee, no part of its name: "the Director-General, in consultation with the Intergovernmental
# Council of IFAP and within the approved budget," (the Council it names does not act).
ADDRESSEE_ASIDE_RE = re.compile(r",\s+(?:in\s+(?:close\s+)?(?:consultation|cooperation|collaboration|coordination|"
                                r"partnership|accordance|line)\s+with|within|jointly\s+with|together\s+with|through|"
                                # ("Governments, working with the private sector, civil society and …, to:")
                                r"(?:working|acting)\s+(?:closely\s+)?(?:with|together)|"
                                r"as\s+appropriate|where\s+appropriate|subject\s+to|taking\s+into|bearing\s+in|"
                                r"on\s+the\s+basis\s+of|with\s+the\s+(?:support|assistance|help)\s+of|"
                                # "UNCTAD, in its capacity as secretariat of the Commission,", "ITU, as facilitator
                                # of …"
                                r"in\s+(?:its|their)\s+capacity\s+as|"
                                r"as\s+(?:the\s+)?(?:secretariat|(?:lead\s+|co-)?facilitators?|chair|host)\b)\b.*$",
                                re.IGNORECASE | re.DOTALL)


# A body's suggestion of what it might ask of another: "The Commission may wish to encourage Member States to …",
# "… may wish to invite ITU, as facilitator of Action Line C5, to …".
MAY_WISH_RE = re.compile(r"\bmay\s+(?:also\s+|further\s+)?wish\s+to\s+"
                         r"(?:invite|encourage|request|call\s+(?:up)?on|urge|ask)\s+"
                         r"(?P<who>(?:the\s+|all\s+)?[A-Za-z][^,;:]{1,80}?)\s*(?:,|\s+to\s+[a-z]|:|$)")


class AddresseeReader:
    """The walk's readers of addressees (mixed into `Walk`, beside `ActorReader`)."""

    def addressee(self, addr: str, verb: str, *, clause: str = "") -> tuple[str | None, str | None]:
        """Who a chapeau or UN paragraph addresses: a known body, the printed name of another, or, when no one is
        addressed ("Recommends further that the Union …", "Decides that …"), the subject of the clause."""
        bare = re.sub(r"^\s*(?:further|also|again|strongly|moreover)\b", "", addr, flags=re.IGNORECASE).strip(" ,")
        after = clause[len(addr):] if clause.startswith(addr) else ""
        if not bare and re.match(r"\s*that\b", after):
            actor, printed = self.that_subject(after, owner=verb == "decides")
            if actor:
                return actor, printed
        addr = bare
        if (short := ADDRESSEE_ASIDE_RE.sub("", bare)) and short != bare and (
                (named := self.found(bare)) is None or named[1] not in short):
            addr = short  # the body found is in the aside ("…, in consultation with the Intergovernmental Council …,")
        if cues.OPERATIVE_KIND.get(verb) is RequirementKind.DECISION:
            # "Decides, with a view to …": a decision addresses no one. "approves the terms of reference of the
            # Working Group": the body that approves acts; "resolves" items say who acts themselves (ITU if not).
            return (self.decider if verb in ("approves", "adopts", "endorses") else self.body) or "", None
        if PRONOUN_RE.match(addr):
            # "invites them to …", "calls upon its members to …": who is meant the clause does not say; the actor is
            # unknown (None, unlike "" for no one named), and the walk warns, rather than guess
            return None, addr.strip(" ,:")
        if (named := self.named_before(addr)) is not None:
            return named
        # (an aside after them is no part of the list: "ITU, UNESCO, UNDP and UNCTAD, as co-organizers of the Forum,")
        if (several := SEVERAL_BODIES_RE.fullmatch(re.sub(r",\s+as\s+[^,]{2,80},?\s*$", "", addr).strip(" ,:"))):
            # "asks ITU, UNESCO, UNDP and UNCTAD to:": the four together, as printed (the first alone would say less)
            return several.group("list"), several.group("list")
        found = self.body_named(addr)
        if found:
            return found
        name = printed_name(addr)
        if name and (short := re.fullmatch(r"[A-Z][a-z]{3,}", name)) and name.lower() in SHORT_NAMED:
            # "encourages the Partnership to …" after "the Partnership on Measuring ICT for Development": its full
            # name
            full = re.search(rf"\b{short.group(0)}(?:\s+(?:on|of|for|and|the|[A-Z][A-Za-z0-9&\-]*))*"
                             r"\s+[A-Z][A-Za-z0-9&\-]*", self.text)
            if full and re.search(r"\s(?:on|of|for)\s", full.group(0)):
                return full.group(0), addr.strip(" ,:")
        if name:
            return name, addr.strip(" ,:")
        return "", None

    def named_before(self, addr: str) -> tuple[str, str] | None:
        """A body the paragraph named in full before it names it short: "Welcomes the work of the Broadband Commission
        …, and encourages the Commission to …", "Notes the efforts of the Action Line facilitators …, and encourages
        the facilitators to …"."""
        short = re.fullmatch(r"\s*the\s+(?P<word>[A-Za-z][a-z]+)\s*", addr)
        if short is None or short.group("word").lower().rstrip("s") not in BODY_WORDS | SHORT_NAMED:
            return None
        at = self.paragraph.rfind(addr.strip())
        word = re.escape(short.group("word"))
        names = list(re.finditer(rf"\b(?:[A-Z][\w&\-]*\s+)+{word}(?:\s+(?:for|on|of)\s+(?:the\s+)?[A-Z][\w&\-]*"
                                 rf"(?:\s+(?:and\s+|the\s+)*[A-Z][\w&\-]*)*)?\b", self.paragraph[:max(at, 0)]))
        if not names:
            return None
        full = names[-1].group(0)
        return (found[0], addr.strip(" ,:")) if (found := self.found(full)) and found[0] else (
            (name, addr.strip(" ,:")) if (name := printed_name(full)) else None)

    def body_named(self, phrase: str) -> tuple[str, str] | None:
        """The body a phrase names; "the study groups of the ITU Telecommunication Standardization Sector" and "the
        ITU Regional Office for Africa" name the groups and the office, not ITU."""
        if (members := self.council_group_members(phrase)) is not None:
            return members
        if (unit := self.bureau_unit(phrase)) is not None:
            return unit  # "the BDT Regional Office for Africa to prepare …": the office, not BDT's Director
        found = self.found(phrase)
        if found and found[0] == "ITU":
            found = next((h for h in [self.head_actor(phrase)] if h and h[0] != "ITU"), found)
        return found

    def proposal_actor(self, text: str) -> tuple[str | None, str | None]:
        """Who a proposal asks to act: the subject after "proposes that", or of "X should …"; else the drafters of the
        text it is about, or no one (`drafted`)."""
        m = cues.PROPOSES_RE.search(text)
        if m and m.group(0).lower().endswith("that"):
            actor, printed = self.that_subject(text[m.end() - 4:])
            if actor:
                return actor, printed
            if m.start() > 0:
                # "The Secretary-General proposes that the platform be moved to …": a clause in the passive names no one;
                # the proposer is not who acts, and no one else is named (but the text being drafted is its drafters')
                return self.drafted(text[m.end() - 4:])
        if (m and re.search(r"\bto\s+(?:add|include|insert|replace|delete|amend|move|expand|shorten|restructure|"
                            r"redraft|reword|update)\s", m.group(0) + text[m.end():m.end() + 12])
                and EDITED_PART_RE.search(text)):
            # "Nordavia proposes to add to chapter 3 a short account of …": an edit to the draft, which its drafters
            # make (the proposer asks, it does not act)
            return SECRETARIAT, None
        if self.proposals_that or re.match(r"that\b", text, re.IGNORECASE):
            # "1. the Telecommunication Development Bureau publish …" after "… proposes that:"; "That the Group …"
            clause = text if re.match(r"that\b", text, re.I) else f"that {text}"
            actor, printed = self.that_subject(clause)
            if not actor and (of := REPORT_OF_RE.match(clause)) is not None:
                actor, printed = (self.found(of.group("owner")) or self.head_actor(of.group("owner"))  # "That the annual
                                  or (None, None))  # report of the SG …", "… reports of the Action Line facilitators"
            if actor:
                return actor, printed
        wish = MAY_WISH_RE.search(text)
        if wish and not re.search(r"\bAssembly\b", text[:wish.start()]):
            # "The Commission may wish to encourage Member States to …": the States it would encourage (on the
            # development excerpts, 18 of 19 such; an Assembly's "may wish to request …" stays the Assembly's, 4 of 4)
            who = wish.group("who")
            if re.match(r"its\s+(?:own\s+)?(?:secretariat|bureau|chair)\b", who, re.IGNORECASE):
                who = text[:wish.start()]  # "The Commission may wish to request its secretariat to …": its own
            if found := self.body_named(who) or self.head_actor(who):
                return found
        d = cues.DEONTIC_RE.search(text)
        if d and d.group(0).lower().endswith("that"):  # "It is important that the Union include …"
            actor, printed = self.that_subject(text[d.end() - 4:])
            if actor:
                return actor, printed
        if d:
            found = self.head_actor(text[:d.start()])
            if found:
                return found
            if (drafted := self.drafted(text[:d.start()], subject=True))[0]:  # "For each …, the report should …"
                return drafted
        # (the proposer's own verb, not "The General Assembly may wish to request the Commission to …")
        asks = re.search(r"\b(?:requests|asks|invites|urges|calls\s+(?:up)?on)\s+(?P<who>(?:the\s+)?[A-Za-z][^,;:]{1,80}?)"
                         r"\s*(?::?\s*$|\s+to\s+[a-z])", text)
        who = re.sub(r"\s+to$", "", asks.group("who")) if asks else ""  # ("requests the CSTD secretariat to:")
        if asks and (found := (OTHER_SECRETARIAT_RE.fullmatch(who.strip()) and self.found(who))
                     or self.body_named(who) or self.head_actor(who)):
            # ("The panel requests the CSTD secretariat to:": that secretariat, not the Commission)
            return found  # "The delegation of Sambrania requests the secretariat of the Commission:": whom it asks
        lead = re.match(r"^(?!(?i:to|that)\b)(?P<subject>[^;:]{3,90}?)\s+to\s+(?:be\s+)?[a-z]", text)
        if lead:  # "The Directors of the three Bureaux to tag …", "The Council, at its 2028 session, to consider:"
            subject = re.sub(r",[^,]{0,60},?$", "", lead.group("subject"))
            found = self.body_named(subject) or self.head_actor(subject)  # "the ITU regional offices to …"
            if found:
                return found
        if found := self.doing_subject(text):
            return found
        if (that := re.search(r"\bthat\s+the\s+[^,;:]{0,40}?\breports?\s+of\s+", text)) is not None and (
                found := self.report_owner(text[that.start():])):
            return found  # "It is important that the report of the Commission to ECOSOC reflect …": its author's
        return self.drafted(text)

    def report_owner(self, clause: str) -> tuple[str, str] | None:
        """The author of the report a "that" clause is about ("that the report of the Commission to ECOSOC reflect
        …" -> CSTD); None when it names none, or names the secretariat's own (its drafters are found otherwise)."""
        of = REPORT_OF_RE.match(clause)
        found = of and (self.found(of.group("owner")) or self.head_actor(of.group("owner")))
        return found if found and found[0] not in ("ITU", "Secretary-General", "Secretariat") else None

    def drafted(self, clause: str, *, subject: bool = False) -> tuple[str | None, str | None]:
        """The secretariat where the clause's subject is the text it drafts ("that the report open with …"; with
        `subject`, the clause is a subject that ends with it: "In our view the report"), or where the whole document
        comments on the secretariat's text (`on_secretariat_text`) and the clause has no subject ("To include in the
        report …", "It is important to …"; not "Contributions should not exceed …"); else no one: the clause names
        nobody and no one is guessed (the extraction warns). The secretariat was guessed for every such clause until
        set 46; on the five blind sets before it, the guess was wrong 64 times in 85."""
        clause = clause.strip()
        if self.on_secretariat_text and (not subject or re.fullmatch(r"(?:(?:[Ii]t|[Tt]here)(?:\s+is|\s+are)?)?", clause)):
            return SECRETARIAT, None
        if subject:
            found = any(m.end() == len(clause) for m in DRAFTED_SUBJECT_RE.finditer(clause))
        else:
            found = DRAFTED_SUBJECT_RE.match(clause) is not None
        return (SECRETARIAT, None) if found else (None, None)

    def doing_subject(self, text: str) -> tuple[str, str] | None:
        """The body before a participle that opens an item or a proposal: "d) BDT designating a focal point …"."""
        doing = DOING_RE.match(text)
        if not doing:
            return None
        subject = doing.group("subject")
        # a body by its acronym that the knowledge base does not list ("c) TDAG itself reviewing …")
        acronym = re.fullmatch(r"[A-Z]{3,}(?:[&\-][A-Z]+)*", subject)
        return self.found(subject) or ((subject, subject) if acronym else None)

    def item_subject(self, text: str, chapeau: str) -> tuple[str, str | None]:
        """An item under a chapeau that names nobody ("resolves", "The Commission recommends that", "The
        Commission encourages"): who the item itself names, else the deciding body."""
        if re.match(r"that\b", text, re.IGNORECASE) or re.search(r"\bthat$", chapeau):
            # ("(b) That the annual report of the Secretary-General … shall:" under "Decides": the report's author)
            actor, printed = self.that_subject(text if re.match(r"that\b", text, re.IGNORECASE) else f"that {text}",
                                               owner=bool(re.match(r"(?i)(?:decides|resolves|decided)\b", chapeau)))
            if actor:
                return actor, printed
        # "e) taking into account the views expressed, the Working Group to propose …": the aside is no subject
        own = re.sub(r"^[a-z]+ing\b[^,;:]{0,150},\s*(?=\S)", "", text)
        # ("d) the Chair, assisted by the Vice-Chairs, to prepare …": the aside between commas is no subject)
        lead = re.match(r"^(?!to\b|that\b)(?P<subject>[^,;:]{3,90}?)(?:,[^,;:]{2,80},)?\s+to\s+[a-z]", own)
        if lead:  # "(c) Member States to share their experience …", "(d) development partners to …"
            # ("b) the ITU regional offices to report …": the offices, not ITU)
            found = self.body_named(lead.group("subject")) or self.head_actor(lead.group("subject"))
            if found:
                return found
        if found := self.doing_subject(own):
            return found
        agent = THING_BY_RE.match(text) or THING_WHICH_RE.match(text)
        if agent and (found := self.found(agent.group("agent"))):
            # "b) the programme of the Forum, to be drawn up by the secretariat, to set aside …", "c) a revised
            # template, which the secretariat will circulate …"
            return found
        # ("agreed that: (a) the secretariat would structure …": a meeting's record reports its "will" as "would")
        # (its aside between commas is no part of it: "the Chair, assisted by the Vice-Chairs, would prepare …")
        m = re.match(r"^(?:that\s+)?(?P<subject>.{3,80}?)(?:,[^,;:]{2,80},)?\s+(?:shall|should|will|would|must|is to|"
                     r"are to)\b", text)
        if m:
            found = self.head_actor(m.group("subject"))
            if found:
                return found
        return self.body or "ITU", None
