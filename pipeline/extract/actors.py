"""Who must act: bodies named in a phrase, the subject of a clause by the parser, and their printed names.

The knowledge base gives canonical names ("Council Working Group on WSIS and the SDGs" for "the Working Group on
WSIS"); bodies it does not list keep their printed name ("Governments"); in a UN text "the Secretary-General" is
the UN's and "the Commission" the CSTD. A thing is never an actor ("The ITU WSIS+20 report shall …").
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..kb import KnowledgeBase
from ..model import Document
from . import cues

# spaCy comes with the pipelines (.nlp), imported where a phrase is first read: an audit answered from the cache
# never loads it.

UN_SECRETARY_GENERAL = "Secretary-General of the United Nations"
CWG_WSIS = "Council Working Group on WSIS and the SDGs"
COMBINED_ACTORS = {
    frozenset({"Secretary-General", "Directors of the Bureaux"}): "Secretary-General and Directors of the Bureaux",
    frozenset({"Member States", "Sector Members"}): "Member States and Sector Members",
}
# "that, as an outcome of the review, the Union …": the aside before the subject of a "that" clause.
THAT_ASIDE_RE = re.compile(r"^\s*that\s*(?:,[^,]{0,160},)?\s*", re.IGNORECASE)
# A run-in title before an item's sentence: "Tasks: the Working Group …", "Working methods: the secretariat …".
RUN_IN_TITLE_RE = re.compile(r"^[A-Z][A-Za-z ,'\-]{1,40}:\s+(?=[a-zA-Z])")
# What may stand before the subject of a sentence without being it: "In the light of these findings, Governments
# may wish to …", "At its next session, the Commission …", "that the drafting group shall …".
# ("For each of Action Lines C2, C5 and C6, the report …": a list of names inside the phrase does not end it)
LEAD_RE = re.compile(r"^(?:(?:In|At|On|For|Given|Following|Based on|Under|Within|Through|After|Before|As)\b[^,]{1,80}"
                     r"(?:,\s+[A-Z0-9][^,]{0,40})*,\s*|that\s+(?=the\b|[A-Z]))")
# A capitalised name opening a "that" clause, then a lower-case verb: "that the Partnership on Measuring ICT for
# Development publish …".
CAPITALISED_SUBJECT_RE = re.compile(r"(?:that\s+)?(?P<subject>(?:the\s+)?[A-Z][\w&\-]*(?:\s+(?:of|on|for|and|the)\s+"
                                    r"[A-Z][\w&\-]*|\s+[A-Z][\w&\-]*)*)\s+"
                                    r"(?=(?!(?:and|or|of|on|for|in|with|to|at|by|as|from)\b)[a-z]+\b"
                                    r"(?!\s+(?:of|on|for)\b))")
# Subjects that are things, not bodies: "that the annual report shall contain …" names no actor.
# The last word of a group's short name ("the Expert Group", "the Task Force").
GROUP_NOUNS = {"Group", "Committee", "Force", "Team", "Panel", "Board", "Network", "Partnership", "Commission"}
THINGS = {"report", "outcome", "review", "document", "resolution", "plan", "text", "result", "database", "strategy",
          "cost", "budget", "forum", "event", "session", "meeting", "study", "programme", "roadmap", "matrix",
          "summary", "information", "data", "work", "process", "framework", "index", "list", "guide", "platform",
          "line", "agenda", "goal", "target", "summit", "dialogue", "debate", "panel", "segment", "consultation",
          "assessment",
          "evaluation", "survey", "campaign", "initiative", "project", "entry", "prize", "contribution", "input",
          "analysis", "annex", "section", "table", "page", "figure", "indicator", "value", "following", "above",
          "chapter", "part", "paragraph", "element", "progress", "objective", "aim", "purpose", "question", "paper",
          "note", "template", "questionnaire", "website", "tool", "profile", "version", "publication", "statement",
          "recommendation"}
# An officer or part of a body, who acts in its own name: "the President of the General Assembly", "the secretariat
# of the Commission" ("the members of UNGIS" are UNGIS).
BUREAUX_RE = re.compile(r"(?:(?:[Tt]he|[Aa]ll|[Ee]ach\s+of\s+the)\s+)?(?:three\s+)?Bureaux|(?:[Ee]ach|[Ee]very)\s+Bureau")
# The agent of a passive a few words on, past an aside: "shall be reviewed and, where necessary, revised by the Council".
LATE_AGENT_RE = re.compile(r"\b(?:shall|should|must|will|to)\s+be\s+[a-z]+ed\b[^;:]{0,60}?\bby\s+"
                           r"(?P<agent>(?:the\s+)?[A-Z][\w&\-]*(?:\s+(?:of|on|for|and|the|[A-Z][\w&\-]*))*)")
OFFICER_OF_RE = re.compile(r"^\s*(?:[Tt]he\s+)?(?P<title>(?i:(?:vice-)?presidents?|"
                           r"(?:vice-|co-)?chair(?:man|men|person|persons|s)?|"
                           r"bureau|secretariat|executive secretary|co-facilitators|(?:co-)?organi[sz]ers|"
                           r"rapporteurs?))\s+of\s+(?:the\s+)?(?P<body>[A-Z][^,;:]{2,90})$")
# Head nouns of bodies the knowledge base does not list: "development partners", "the scientific community".
BODY_WORDS = {"government", "partner", "agency", "commission", "forum", "organization", "organisation", "community",
              "operator", "stakeholder", "country", "member", "regulator", "authority", "institution", "body", "office",
              "entity", "facilitator", "donor", "bank", "university", "group", "council", "committee", "administration",
              "ministry", "secretariat", "sector", "industry", "academia", "society", "union", "coalition", "network",
              "chair", "convener", "rapporteur", "administrator", "manufacturer", "provider", "platform", "team",
              "company", "enterprise", "business", "broadcaster", "publisher", "developer", "vendor", "supplier",
              "association", "federation", "school", "library", "co-chair", "commissioner", "organizer", "organiser",
              "head", "organ", "foundation", "editor", "coordinator", "co-coordinator", "moderator"}
# People by what they do: "participants", "drafters", "delegates", "panelists" (not "measurement", "Future").
AGENT_NOUN_RE = re.compile(r"[a-z\-]+(?:ant|[dg]ent|ient|er|or|ist)s?|delegat(?:es?|ions?)|parties|states")
# Where a resolution's deciding body is named (UN resolutions decide for their own body).
# (Only at the start of a line: a Council resolution may cite "resolution A/RES/80/173" in its preamble.)
# (A symbol may stand at the end of the masthead's first line: "United Nations<TAB>A/C.2/83/L.41".)
UN_BODY_RE = (("UN General Assembly", re.compile(r"^(?:United Nations\s+)?(?:A/RES/|A/\d|A/C\.\d|"
                                                 r"The General Assembly\s*(?:,|$))", re.MULTILINE)),  # (its opener, not "The
              # General Assembly concluded …" in a proposal's introduction)
              ("CSTD", re.compile(r"^(?:E/CN\.16/|Commission on Science and Technology for Development\b)",
                                  re.MULTILINE)),
              # (the high-level political forum meets under the Council: "E/HLPF/2028/L.947", "E/HLS/2028/617")
              ("ECOSOC", re.compile(r"^(?:E/RES/|E/\d{4}|E/HLPF/|E/HLS/|The Economic and Social Council\b|"
                                    r"Economic and Social Council\b)",
                                    re.MULTILINE)),
              # a UNGIS text opens with its name or symbol: "the Group" in it is UNGIS
              # (or a mail's subject line that gives its symbol: "Subject: UNGIS/2027/M1 - Summary and agreed actions")
              ("UNGIS", re.compile(r"^(?:(?:Subject|Re|Fwd?|FW):[ \t]*)*(?:UNGIS/|(?i:United Nations Group on the Information "
                                   r"Society)\b)", re.MULTILINE)))
# A UN text calls bodies by their short names once it has named them: "the Commission" (CSTD), "the Council"
# (ECOSOC in its own resolutions), "the Assembly".
SHORT_NAMES = (("CSTD", re.compile(r"^\s*(?:the\s+)?Commission\s*$", re.IGNORECASE),
                re.compile(r"Commission on Science and Technology for Development|\bCSTD\b")),
               # a Broadband Commission report calls it "the Commission" too
               ("Broadband Commission", re.compile(r"^\s*(?:the\s+)?Commission\s*$", re.IGNORECASE),
                re.compile(r"Broadband Commission")),
               ("ECOSOC", re.compile(r"^\s*(?:the\s+)?Council\s*$", re.IGNORECASE), None),
               ("UNGIS", re.compile(r"^\s*(?:the\s+)?Group\s*$", re.IGNORECASE),
                re.compile(r"United Nations Group on the Information Society|\bUNGIS\b")),
               ("UN General Assembly", re.compile(r"^\s*(?:the\s+)?(?:General\s+)?Assembly\s*$", re.IGNORECASE), None),
               # a document of the Plenipotentiary Conference ("Plenipotentiary Conference (PP-26)") calls it "the
               # Conference"
               ("Plenipotentiary Conference", re.compile(r"^\s*(?:the\s+)?Conference\s*$", re.IGNORECASE),
                re.compile(r"\A\s*Plenipotentiary Conference\b|\(PP-\d{2}\)")))


@lru_cache(maxsize=4096)
def _parsed(text: str):
    """The English parse of a short phrase, once per phrase (chapeaux and subjects repeat)."""
    from .nlp import english

    return english()(text)


@lru_cache(maxsize=4096)
def _tokens(text: str):
    """The tokenizer-only pass with the actor matcher, once per phrase."""
    from .nlp import blank

    return blank()(text)


def un_body(document: Document) -> str | None:
    """'UN General Assembly', 'CSTD', 'ECOSOC' or 'UNGIS' when the document is one of their texts."""
    # (a cited symbol in a labelled preamble item, "c) A/RES/70/125, which aligned …", is no masthead; and a text that
    # opens as an ITU conference's resolution is ITU's whatever it cites)
    blocks = [b for b in document.blocks[:16] if b.label is None]
    if any(ITU_OPENER_RE.match(b.text) for b in blocks):
        return None
    head = "\n".join([document.symbol or "", *(b.text for b in blocks)])
    for body, pattern in UN_BODY_RE:
        if pattern.search(head):
            return body
    # a resolution forwarded below a long mail or note opens further down, on a line of its own ("The Economic and
    # Social Council,")
    opener = next((m for b in document.blocks
                   if b.label is None and (m := UN_OPENER_LINE_RE.fullmatch(b.text.strip()))), None)
    if opener:
        return UN_OPENERS[" ".join(opener.group("body").split())]
    # a draft of the Assembly's outcome document, sent round before it has a symbol ("the zero draft of the outcome
    # document" of "the high-level meeting of the General Assembly"): the Assembly's text
    opening = document.text[:3000]
    if GA_DRAFT_RE.search(opening) and "General Assembly" in opening:
        return "UN General Assembly"
    return None


GA_DRAFT_RE = re.compile(r"\b(?i:zero|first|revised)\s+draft\s+of\s+the\s+outcome\s+document\b|"
                         r"^(?i:zero\s+draft)\b", re.MULTILINE)


UN_OPENER_LINE_RE = re.compile(r"The\s+(?P<body>General\s+Assembly|Economic\s+and\s+Social\s+Council)\s*,")
UN_OPENERS = {"General Assembly": "UN General Assembly", "Economic and Social Council": "ECOSOC"}


ITU_OPENER_RE = re.compile(r"The (?:Plenipotentiary Conference|World Telecommunication (?:Development Conference|"
                           r"Standardization Assembly)|Radiocommunication Assembly)\b")
ITU_BODY_RE = (("Council", re.compile(r"^The (?:ITU )?Council\b", re.MULTILINE)),
               ("Plenipotentiary Conference", re.compile(r"^The Plenipotentiary Conference\b", re.MULTILINE)))


def itu_body(document: Document) -> str | None:
    """'Council' or 'Plenipotentiary Conference' when the text opens as one of their resolutions ("The Council,")."""
    head = "\n".join(b.text for b in document.blocks[:14])
    return next((body for body, pattern in ITU_BODY_RE if pattern.search(head)), None)


# Another body's secretariat by the body's acronym: "the UNGIS secretariat", "the CSTD secretariat".
# (or a body's whole name before it, "the Pacific Islands Forum Secretariat"; not ITU's General Secretariat)
# Verbs whose "by" gives the categories a thing is split into, not who acts: "broken down by Bureau".
SPLIT_VERBS = {"break", "disaggregate", "sort", "group", "classify", "arrange", "order", "split", "tag", "filter"}
# ("the Forum secretariat", "the Community Secretariat": the secretariat of the forum or community the text is of;
# of the WSIS Forum, ITU's, which `found` leaves to the Secretariat)
OTHER_SECRETARIAT_RE = re.compile(r"(?:[Tt]he\s+)?(?P<np>(?!(?:ITU|BDT|TSB|BR)\b)(?:[A-Z]{3,}(?:[-&][A-Z]+)*|"
                                  r"(?P<kind>Forum|Community|Coalition|Partnership|Alliance|Platform|Network)|"
                                  r"(?!(?:General|Union|ITU|The)\b)[A-Z][a-z]+(?:\s+(?!General\b)[A-Z][a-z]+){1,4})"
                                  r"\s+[Ss]ecretariat)")
# A unit of a Bureau named by the Bureau's acronym: "the BDT secretariat", "the BDT Regional Office for Africa", "the
# ITU regional offices".
BUREAU_UNIT_RE = re.compile(r"(?:that\s+)?(?:the\s+|its\s+)?(?P<np>(?:BDT|TSB|BR|ITU(?:-[DTR])?)\s+(?P<head>secretariat|"
                            r"(?:Regional|Area)\s+Office(?:\s+for\s+(?:the\s+)?[A-Z][\w\-]+(?:(?:\s+(?:and|the|of))*\s+[A-Z][\w\-]+)*)?|"
                            r"regional\s+offices?|Regional\s+Offices))(?=[\s,;:]|$)")
# The line that opens a resolution of a body outside ITU and the UN: "The Third Ministerial Conference of the Island
# Digital Alliance," (the body decides; its session's ordinal is not part of its name).
AUTHOR_LINE_RE = re.compile(r"^The\s+(?:(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|"
                            r"\d{1,2}(?:st|nd|rd|th))\s+)?(?P<name>[A-Z][\w&'\-]*(?:\s+(?:[A-Z][\w&'\-]*|of|the|on|"
                            r"for|and))*),\s*$")
ITU_OR_UN_WORDS_RE = re.compile(r"Telecommunication|Radiocommunication|\bITU\b|Union|Plenipotentiary|Council|"
                                r"General Assembly|Economic and Social|Commission on Science|United Nations")


def author_body(document: Document) -> str | None:
    """The body whose resolution this is, when it is neither ITU's nor the UN's and its opening line names it
    ("The Third Ministerial Conference of the Island Digital Alliance," -> "Ministerial Conference of the Island
    Digital Alliance"): a decision with no addressee is that body's."""
    for b in document.blocks[:14]:
        m = AUTHOR_LINE_RE.match(b.text.strip())
        if m and len(m.group("name").split()) <= 14 and not ITU_OR_UN_WORDS_RE.search(m.group("name")):
            return m.group("name")
    return None


# "We, the participants in the WSIS Forum 2027, representing …": who "We" are in a declaration.
WE_ARE_RE = re.compile(r"^(?:\d{1,2}\.?\s+)?We,\s+(?:the\s+)?(?P<who>[^,;:]{3,160}),")
MINISTERS_RE = re.compile(r"\b(?:ministers?|heads? of delegation|high(?:-level)? representatives)\b", re.IGNORECASE)
GOVERNMENTS_RE = re.compile(r"\b(?:member states|states members|heads? of state|representatives of (?:the\s+)?(?:governments|"
                            r"states|\d+\s+(?:[\w\-]+\s+)?(?:countries|states)))\b", re.IGNORECASE)
STATES_RE = re.compile(r"\b(?:ministers?|heads? of (?:state|government|delegation)|governments?|member states|"
                       r"representatives of (?:the\s+)?(?:governments|states))\b", re.IGNORECASE)


def who_we_are(document: Document) -> str | None:
    """The signatories of a declaration: Member States when governments or States speak, else those it names
    ("participants in the WSIS Forum 2027"); Member States when it does not say. Ministers (or heads of delegation)
    who speak as "We" leave it open: whether their commitments are their States' or their own is a convention
    readers split on (on the development texts about evenly), so the actor is unknown and the extraction says why."""
    for b in document.blocks[:30]:
        m = WE_ARE_RE.match(b.text)
        if m:
            if GOVERNMENTS_RE.search(b.text[:300]) or re.match(r"governments?\b", m.group("who"), re.IGNORECASE):
                return "Member States"  # "We, the ministers, heads of delegation and representatives of the Member States …"
            if MINISTERS_RE.search(m.group("who")):
                return None  # "We, the Ministers responsible for ICT of the Pacific island countries and territories, …"
            return "Member States" if STATES_RE.search(m.group("who")) else m.group("who").strip()
    return "Member States"


QUALIFIED_COUNTRIES_RE = re.compile(r"\b(?:developed|developing|donor|island|landlocked|transit|programme|"
                                    r"industriali[sz]ed|low-income|middle-income|high-income|host)\s+$", re.IGNORECASE)


class ActorReader:
    """Actor look-ups for one document: its UN body (if any) and its text decide the short names."""

    def __init__(self, document: Document):
        self.body = un_body(document)
        self.text = document.text
        # Who decides when a resolution "resolves to …" or "approves …": the UN body, the Council, the Conference.
        self.decider = self.body or itu_body(document)
        self.author = None if self.decider else author_body(document)
        self.we = who_we_are(document)
        self._defined_terms: dict[str, str] | None = None

    def council_group_members(self, phrase: str) -> tuple[str, str] | None:
        """"Members of the Group" of a Council working group: its Member States (not an expert group's members)."""
        m = re.fullmatch(r"\s*(?:[Tt]he\s+)?[Mm]embers\s+of\s+(?P<body>(?:the\s+)?[A-Z][^,;:]{2,80}?)\s*", phrase)
        found = self.found(m.group("body")) if m else None
        if found and found[0] in (CWG_WSIS, "Council"):
            if GENERIC_GROUP_RE.fullmatch(m.group("body").strip()) and (group := self.titled_group()) is not None:
                # "Members of the Working Group" in the terms of reference of a group the title names: its members
                name = re.sub(r"^(?:[Tt]he)\s+", "", group)
                return f"Members of the {name}", phrase.strip()
            return "Member States", phrase.strip()
        return None

    def own_group(self, phrase: str) -> tuple[str, str] | None:
        """"The team", "the chair of the team" in the terms of reference of "the inter-Sectoral coordination team on
        …": the group (or its chair) by the full name its terms of reference give."""
        group = getattr(self, "tor_body", None)
        m = re.fullmatch(r"\s*(?:(?P<chair>[Tt]he\s+[Cc]hair(?:man|person)?\s+of\s+)?[Tt]he|[Ii]ts)\s+(?P<head>team|group|"
                         r"committee|task\s+force|panel|board|network)\s*", phrase, re.IGNORECASE)
        if not group or m is None or not re.search(rf"\b{m.group('head')}\b", group, re.IGNORECASE):
            return None
        name = re.sub(r"^(?:the|an?)\s+", "", group, flags=re.IGNORECASE)
        return (f"Chair of the {name}" if m.group("chair") else name), phrase.strip()

    def bureau_unit(self, phrase: str) -> tuple[str, str] | None:
        """"the BDT secretariat", "the BDT Regional Office for Africa": a unit of a Bureau or of ITU, which acts
        itself; not the Bureau's Director, whom the acronym alone would name."""
        m = BUREAU_UNIT_RE.match(phrase.strip())
        if m is None:
            return None
        if m.group("head").lower() == "secretariat":
            return "Secretariat", m.group("np")
        return printed_name(m.group("np")) or m.group("np"), m.group("np")

    def that_subject(self, text: str, *, owner: bool = False) -> tuple[str | None, str | None]:
        """Who acts in a "that" clause, by the parser: "that the regional offices publish …" -> regional offices,
        "that the Council shall examine …" -> Council. Nobody for a passive ("that the outcome be transmitted") or
        a thing ("that the annual report shall contain …"), unless `owner`: then "that the annual report of the
        Secretary-General … shall:" is the report's author's (a UN paragraph's "Decides that …")."""
        text = re.sub(r"^That\b", "that", text)  # "(d) That the IGF Secretariat shall …" in a UN text
        clause = text[THAT_ASIDE_RE.match(text).end():][:240]
        if (unit := self.bureau_unit(re.sub(r"^that\s+", "", clause))) is not None:
            return unit  # "that the BDT Regional Office for Africa shall convene …"
        if (forum_body := re.match(r"(?:that\s+)?(?P<n>(?:the\s+)?IGF(?:\s+[A-Z][\w\-]*){1,3})(?=\s+[a-z])", clause)):
            return self.found(forum_body.group("n"))  # "that the IGF Leadership Panel raise …": that body of the Forum
        if (bureaux := re.match(rf"(?:that\s+)?(?P<b>{BUREAUX_RE.pattern})\s+(?=[a-z])", clause)) is not None:
            return "Directors of the Bureaux", bureaux.group("b")  # "that each Bureau name a focal point …"
        if (other := OTHER_SECRETARIAT_RE.match(clause, re.match(r"(?:that\s+)?", clause).end())) is not None and not (
                other.group("kind") == "Forum" and "WSIS Forum" in self.text):
            return other.group("np"), other.group(0)  # "that the UNCTAD secretariat, which serves the Commission, …"
        opening = re.match(r"(?:the\s+)?", clause, re.IGNORECASE).end()
        # the span may take in the article ("the Union") or not ("Council")
        named = next((s for s in _tokens(clause).spans["actors"] if s.start_char in (0, opening)
                      # "that the ITU-D study groups shall …": the groups act, not the Union
                      and not (s.text.endswith("ITU") and re.match(r"-[DTR]\b", clause[s.end_char:s.end_char + 3]))),
                     None)
        if named is not None and re.match(r"\s+(?:[a-z]+\s+)?[a-z]+", clause[named.end_char:]) and not re.match(
                r"\s*(?:'s|’s|of|and|&)\b", clause[named.end_char:]):  # "the Secretary-General and the Directors …"
            longer = GENERIC_GROUP_RE.fullmatch(named.text) and (
                LONGER_NAME_RE.match(clause, named.end_char) or LOWER_NAME_RE.match(clause, named.end_char))
            # ("that the Council Working Group on international … issues (CWG-Internet) shall …": that group, named whole)
            found = self.found(clause[:longer.end() if longer else named.end_char])
            if found:  # "the WSIS&SDG Task Force take the following steps": the body the clause opens with
                return found
        # (a subject of up to 60 characters names its body; a longer one is a thing, read only for its owner)
        modal = re.match(rf"(?:that\s+)?(?P<subject>[^,;:()]{{2,{160 if owner else 60}}}?)\s+(?:shall|should|will|must)\s*[,:]",
                         clause)
        if modal:  # "that UNESCO shall, in its facilitation of the Action Lines:": the verb is in the items below
            subject = modal.group("subject")
            found = self.found(subject)
            name = printed_name(subject)
            if owner and not found and not name:
                # "Decides that the annual report of the Secretary-General on … shall, starting in 2029:": its author
                parsed = _parsed(subject)
                root = next((t for t in parsed if t.dep_ == "ROOT"), None)
                if root is not None and root.lemma_.lower() in THINGS:
                    found = self._owner(parsed, root)
            return found or ((name, subject.strip()) if name else (None, None))
        parsed = _parsed(clause)
        # (not a relative pronoun: "that the Partnership publish … a list that covers …", whose "that" the parser
        # may give as the first subject)
        subj = next((t for t in parsed if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in ("WDT", "WP")), None)
        named = CAPITALISED_SUBJECT_RE.match(clause)
        if named and (subj is None or re.match(r"[a-z]+\s*,", clause[named.end():])):
            # "that the Partnership publish, before …", "that the Alliance issue, in 2029, …": a name, then a verb
            # the parser took for a noun (of the name, or of the whole clause)
            found = self.found(named.group("subject"))
            name = printed_name(named.group("subject"))
            return found or (name, named.group("subject").strip())
        if subj is None:  # "that Governments, in their national strategies:" has no verb yet: its noun acts
            subj = next((t for t in parsed if t.dep_ == "ROOT" and t.pos_ in ("NOUN", "PROPN")), None)
        passive = subj if subj is not None and subj.dep_ == "nsubjpass" else None
        if subj is not None and subj.dep_ == "nsubjpass":
            # "that the list shall be reviewed by the Council": the agent acts
            # ("shall be reviewed and, where necessary, revised by the Council": the agent of the verb joined to it)
            agent = next((c for v in (subj.head, *subj.head.conjuncts) for c in v.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            # ("… be disaggregated by sex": no one acts by a thing; "… be finalized by 31 March 2028": nor by a date)
            # (nor "… be broken down by Bureau and by Action Line": the categories a figure is split by)
            subj = pobj if pobj is not None and (pobj.text[:1].isupper() or pobj.lemma_.lower() in BODY_WORDS) and not (
                pobj.ent_type_ == "DATE" or re.fullmatch(rf"{cues.MONTHS}|\d.*", pobj.text)
                or agent.head.lemma_.lower() in SPLIT_VERBS) else None
            if subj is None and (late := LATE_AGENT_RE.search(clause)) and (found := self.found(late.group("agent"))):
                return found  # the parser lost the agent past an aside: "… reviewed and, where necessary, revised by …"
        if (subj is None and passive is not None and passive.lemma_.lower() in ("work", "activity", "meeting", "mandate")
                and (owner := self._owner(parsed, passive))):
            return owner  # "that the work of the Expert Group shall be carried out within …": the Expert Group's
        thing = subj if subj is not None else passive  # ("… shall be organized in the following parts:")
        if owner and thing is not None and thing.lemma_.lower() in THINGS and (author := self._owner(parsed, thing)):
            return author  # "that, from 2029, the annual report of the Secretary-General … shall contain:"
        if subj is None or (subj.lemma_.lower() in THINGS and not self.acting_forum(subj, clause)):
            return self.opening_body(parsed)
        subject = _name_span(parsed, subj)
        found = self.found(subject)
        if found:
            return found
        name = printed_name(subject)
        return (name, subject.strip()) if name else (None, None)

    def acting_forum(self, subj, clause: str) -> bool:
        """"that the Forum shall report its outputs …", "that the Leadership Panel of the Forum shall continue its
        work": a forum or panel that acts (the subject of an active verb) is a body; one that is held, takes place or
        is convened is an event, and so is the Forum of a text about the WSIS Forum, which ITU holds."""
        name = subj.doc[subj.left_edge.i:subj.right_edge.i + 1].text
        return (subj.lemma_.lower() in ("forum", "panel") and subj.dep_ == "nsubj" and subj.text[:1].isupper()
                # (the WSIS Forum, "the Forum 2028": an event ITU organizes, whoever the sentence makes its subject)
                and not re.search(r"\bWSIS\b|\d", name) and not search_once(WSIS_FORUM_RE, self.text)
                and not re.search(r"\b(?:be|been|being)\s+(?:held|organi[sz]ed|convened|hosted)\b|\btakes?\s+place\b",
                                  clause))

    def opening_body(self, parsed) -> tuple[str | None, str | None]:
        """A known body at the very start of a clause the parser misread ("the Group review, at its …")."""
        found = self.found(parsed[:min(len(parsed), 6)].text)
        head = parsed[:min(len(parsed), 6)].text
        if found and head.lower().find(found[1].lower()) <= 4:
            return found
        return None, None

    def head_actor(self, phrase: str) -> tuple[str, str] | None:
        """The body a subject phrase names by its head noun: "Each Member State of the Group" -> Member States,
        "Operators, community networks and all other stakeholders" -> All stakeholders; "The ITU WSIS+20 report"
        names a report, not ITU."""
        phrase = LEAD_RE.sub("", RUN_IN_TITLE_RE.sub("", phrase.strip(" ,")))
        if not phrase:
            return None
        if BUREAUX_RE.fullmatch(phrase):
            return "Directors of the Bureaux", phrase  # "The Bureaux shall provide …": they act through their Directors
        if re.fullmatch(r"(?:[Ee]ach|[Ee]very|[Aa]ny|[Tt]he|[Yy]our)\s+(?:national\s+)?[Aa]dministration", phrase.strip()):
            return "Member States", phrase.strip()  # "Each Administration should designate one focal point …"
        if (members := self.council_group_members(phrase)) is not None:
            return members  # "Members of the Group to send written comments …" in a Council working group's report
        if (own := self.own_group(phrase)) is not None:
            return own  # "The team shall meet …" in the terms of reference of the coordination team
        if (other := OTHER_SECRETARIAT_RE.fullmatch(phrase)) is not None and not (
                other.group("kind") == "Forum" and "WSIS Forum" in self.text):
            return other.group("np"), phrase  # "The UNGIS secretariat should present …": not ITU's secretariat
        if (self.body is None and re.match(r"(?:[Tt]he\s+|[Aa]ll\s+)?[Mm]embers\b(?!\s+of\b)", phrase)
                and (group := getattr(self, "tor_body", None))):
            return f"Members of the {group}", phrase  # "Members are expected to …" in the terms of reference of a group
        if re.fullmatch(r"(?:[Tt]he\s+|[Aa]ll\s+)?(?:UNGIS\s+(?:members|member\s+agencies|member\s+organi[sz]ations)|(?:members|member\s+"
                        r"agencies|member\s+organi[sz]ations)\s+of\s+(?:the\s+)?(?:UNGIS|United\s+Nations\s+Group\s+on\s+the\s+"
                        r"Information\s+Society))", phrase.strip()):
            return "UNGIS", phrase.strip()  # "UNGIS members should …": the Group acts through its member agencies
        if self.body == "UNGIS" and re.match(r"(?:[Tt]he\s+|[Aa]ll\s+)?[Mm]embers\b(?!\s+of\b)", phrase):
            return "UNGIS", phrase  # "Members were invited to …" in UNGIS's own record: its member agencies
        if (self.body is None and re.match(r"(?:[Tt]he\s+|[Aa]ll\s+)?[Mm]embers\b(?!\s+of\b)", phrase)
                and (group := self.titled_group()) is not None):
            return f"members of the {group}", phrase  # "All members to send …" in the minutes of a group outside ITU
        if self.body is None and re.match(r"(?:[Tt]he\s+|[Aa]ll\s+)?[Mm]embers\b(?!\s+of\b)", phrase):
            return "Member States", phrase  # "members wishing to comment …" in an ITU meeting's record: its Member States
        if re.fullmatch(r"(?:[Tt]he\s+)?Director", phrase) and (director := self.only_director()):
            return director, phrase  # "The Director shall set up …" in a text that names one Bureau's Director
        officer = OFFICER_OF_RE.match(phrase.split(",", 1)[0])
        if officer and (body := self.found(officer.group("body"))) and (
                name := printed_name(officer.group(0))
                # a name too long to print whole: the officer of the body by its canonical name ("the Chair of the
                # Council Working Group on WSIS and the SDGs")
                or (f"{officer.group('title')[:1].upper()}{officer.group('title')[1:]} of the {body[0]}"
                    if body[0] else None)):
            return name, officer.group(0).strip()  # "The secretariat of the Commission shall prepare …"
        if (listed := self.joint(phrase)) is not None:
            return listed  # "ITU and UNDP shall jointly mobilize …": both act, not the first alone
        if re.fullmatch(r"(?:[Tt]he\s+)?[A-Z]{2,6}-\d{2}", phrase.strip()):
            # "WTDC-29 is invited to consider …": a conference by its code and year (the tagger reads the year alone)
            return self.found(phrase) or (re.sub(r"^[Tt]he\s+", "", phrase.strip()), phrase.strip())
        parsed = _parsed(phrase)
        root = next((t for t in parsed if t.dep_ == "ROOT"), None)
        if root is not None and root.pos_ in ("VERB", "AUX"):  # "Member States receiving assistance …"
            root = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), root)
        if root is not None and root.lemma_.lower() in THINGS:
            return self._owner(parsed, root)  # "The annual report of the Secretary-General …": its author acts
        if root is None:
            return None
        heads = {t.idx for t in (root, *root.conjuncts)}
        found = self.found(phrase, keep=lambda s: any(s.start_char <= i < s.end_char for i in heads))
        acronym = bool(re.fullmatch(r"[A-Z]{3,}(?:[&\-][A-Z]+)*", root.text))  # the tagger calls "UNCTAD" a number
        if found or (root.pos_ not in ("NOUN", "PROPN") and not acronym):
            return found
        # A body the knowledge base does not know, named as the subject: "Governments are encouraged to …".
        np = parsed[root.left_edge.i:root.right_edge.i + 1].text
        head = root  # "the co-facilitators": the tokenizer splits the word, whose head is its last part
        if root.i + 2 < len(parsed) and parsed[root.i + 1].text == "-" and not (root.whitespace_
                                                                             or parsed[root.i + 1].whitespace_):
            head = parsed[root.i + 2]
            np = parsed[root.left_edge.i:max(root.right_edge.i, head.i) + 1].text
        if root.text[:1].isupper() or head.lemma_.lower() in BODY_WORDS:
            name = printed_name(np)
            return (name, np) if name else None
        return None

    def titled_group(self) -> str | None:
        """The group a record's title names ("Working Group on School Connectivity and Digital Learning"), when the
        knowledge base does not know it (an ITU group's members are its Member States)."""
        for head in ("Working Group", "Expert Group", "Task Force", "Steering Committee"):
            name = getattr(self, "title_name", lambda _: None)(head)
            if name:
                return None if self.found(name) else name
        return None

    def other_council_group(self) -> str | None:
        """The one Council working group other than the one on WSIS that a text names in full, when it never names
        that one: whom its "the Group" means ("resolves that the Group shall hold an open consultation" after "the
        Council Working Group on International Internet-related Public Policy Issues (CWG-Internet)")."""
        if not hasattr(self, "_other_council_group"):
            names = set()
            if not re.search(r"Working\s+Group\s+on\s+(?:the\s+)?WSIS|CWG-WSIS|WG-WSIS", self.text):
                for m in re.finditer(r"Council\s+Working\s+Group", self.text):
                    longer = LONGER_NAME_RE.match(self.text, m.end()) or LOWER_NAME_RE.match(self.text, m.end())
                    if longer is not None and (name := printed_name(self.text[m.start():longer.end()])):
                        names.add(" ".join(name.split()))
            self._other_council_group = names.pop() if len(names) == 1 else None
        return self._other_council_group

    def only_director(self) -> str | None:
        """The one Bureau Director a text names in full ("the Director of the Telecommunication Development Bureau"),
        whom its bare "the Director" means; None when it names none or several."""
        named = set(re.findall(r"Director of the (Telecommunication Development|Telecommunication Standardization|"
                               r"Radiocommunication) Bureau", self.text))
        return f"Director of the {named.pop()} Bureau" if len(named) == 1 else None

    def _owner(self, parsed, thing) -> tuple[str, str] | None:
        """The body a thing belongs to: "the report of the Secretary-General" -> Secretary-General; None when the
        thing names no body ("the ITU WSIS+20 report")."""
        prep = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        poss = next((c for c in thing.subtree if c.dep_ == "poss" and c.i < thing.i), None)
        if pobj is None and poss is not None:
            # "The Commission's annual report should …": a body outside the secretariat writes its own report ("The
            # Secretary-General's report", "ITU's report" are the secretariat's to draft, which the caller assumes)
            owner = self.found(parsed[poss.left_edge.i:poss.i + 1].text)
            return owner if owner and owner[0] not in ("ITU", "Secretary-General", "Secretariat") else None
        if pobj is None:
            return None
        phrase = parsed[pobj.left_edge.i:pobj.right_edge.i + 1].text
        owner = self.found(phrase) or self.in_full(phrase)
        # ("The WSIS reports of the Union should …", "The roadmaps of the Action Lines facilitated by ITU should …": the
        # Union's texts, which its secretariat drafts, as for "ITU's report" above)
        return owner if owner is None or owner[0] != "ITU" else None

    def joint(self, phrase: str) -> tuple[str, str] | None:
        """Bodies a phrase lists ("WHO and ITU", "the International Telecommunication Union and UNESCO"): each by its
        canonical name where the knowledge base knows it, joined as printed; a pair the knowledge base joins
        (Member States and Sector Members) by its joint name. None when the phrase lists no bodies."""
        printed = re.sub(r"^\s*(?:that\s+)?the\s+", "", phrase.strip(" ,:;"), flags=re.IGNORECASE)
        if not _body_list(printed):
            return None
        parts = [re.sub(r"^the\s+", "", p.strip()) for p in re.split(LIST_SPLIT_RE, printed)]
        names = []
        for part in parts:
            found = self.found(part, keep=lambda s: True)
            whole = found is not None and found[1].strip().removeprefix("the ").lower() == part.lower()
            if not (whole or re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,11}|[A-Z][a-z]+s|(?:Commissioner|Ambassador|Minister|Professor|"
                                          r"Dr|Mr|Ms|Mrs)\.?\s+[A-Z][\w\-]+", part)
                    or (part[:1].islower() and _bodyish(part))):
                return None  # "Economic and Social Council", "resources spent and results": not bodies listed
            # (a body by its canonical name where the text names it by a name: "the International Telecommunication
            # Union" is ITU; "academia", in lower case, stays academia)
            names.append(found[0] if whole and part[:1].isupper() else part)
        if frozenset(names) in COMBINED_ACTORS:
            return COMBINED_ACTORS[frozenset(names)], phrase.strip()
        if len(set(names)) < len(names):
            return None
        return f"{', '.join(names[:-1])} and {names[-1]}", phrase.strip()

    def in_full(self, phrase: str) -> tuple[str, str] | None:
        """"the Expert Group", when the text names "the Expert Group on WSIS Measurement" in full: that full name (the
        brief's rule for a body named in full and then short). None when the text gives no longer name."""
        short = re.sub(r"^(?:the|its|this)\s+", "", phrase.strip(), flags=re.IGNORECASE)
        if not re.fullmatch(r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3}", short) or short.split()[-1] not in GROUP_NOUNS:
            return None
        # (within one line: the name stops where its paragraph does)
        # (capitalised words before it belong to the name too: "the Council Expert Group on …")
        # ("Economic and Social Commission for Asia and the Pacific": "and" inside the words before it)
        # (nor a meeting's ordinal after it, where a title's lines were joined: "… the SDGs Forty-seventh meeting")
        found = [re.sub(r"(?:[ \t]+(?:and|the|of|on|for))+$", "", ORDINAL_TAIL_RE.sub("", m.group(0)))
                 for m in re.finditer(
            rf"(?:(?!(?:The|A|An|This|Its|Of|To|By|In|On)\b)[A-Z][\w&\-]*[ \t]+(?:and[ \t]+(?=[A-Z]))?){{0,2}}"
            rf"\b{re.escape(short)}"
            rf"[ \t]+(?:on|for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w&\-]*(?:[ \t]+(?:and|the|of|on|"
            rf"for|[A-Z][\w&\-]*))*", self.text)]
        # (nor the name of a body of it that a title joined on: "Economic and Social Commission for Asia and the
        # Pacific Committee on Information …" is the Commission, for "the Commission")
        found = [re.sub(rf"^(.*?\b{re.escape(short)}\b.*?)[ \t]+(?:Group|Committee|Task[ \t]+Force|Team|"
                        rf"Panel|Board)[ \t]+(?:on|for|of)\b.*$", r"\1", n) for n in found]
        if not found:
            return None
        # (the first name the text prints, unless a longer one holds every other: a mail's subject may shorten it,
        # "Task Team on Data and Measurement" for "UNGIS Task Team on Data and Measurement for the WSIS Follow-up")
        longest = max(found, key=len)
        # (a title line of its own, its symbol in brackets after it)
        titled = re.search(rf"^[ \t]*{re.escape(longest)}[ \t]*(?:\([^()\n]*\)[ \t]*)?$", self.text, re.MULTILINE)
        name = longest if titled and all(n in longest for n in found) else found[0]
        return name, phrase.strip()

    def acronym_in_full(self, acronym: str) -> tuple[str, str] | None:
        """"RG-WSIS" where the text defines it ("the Rapporteur Group on WSIS and the SDGs (RG-WSIS)"): the name it
        stands for, once, as the brief asks for a body named in full and then short; None when the text defines it
        nowhere, or twice over."""
        # ("AO-Jakarta": an office by its kind's initials and its city)
        if (not re.fullmatch(r"[A-Z][A-Za-z0-9&]*(?:-[A-Z0-9&][A-Za-z0-9&]*)*|[A-Z]{2,6}[ \t/][A-Z]{2,6}", acronym)
                or sum(c.isupper() for c in acronym) < 2 or (" " not in acronym and self.found(acronym))):
            return None  # (a body the knowledge base knows goes by its canonical name)
        # (the name opens with the acronym's first letter: not "… Union and the Economic Commission for Africa (ECA)";
        # the words before it may run on from another name: "… in Bangkok and the ITU Area Office in Jakarta
        # (AO-Jakarta)" is the Area Office's, with the "ITU" before it)
        defined = {name for m in re.finditer(
            rf"(?P<full>[A-Z][\w\-]*(?:[ \t]+(?:on|of|for|and|the|in|[A-Z][\w\-&]*)){{1,10}})[ \t]*\((?:the[ \t]+)?"
            rf"{re.escape(acronym)}\)", self.text)
            if (name := _name_from(" ".join(m.group("full").split()), acronym[:1], acronym))}
        if not defined:
            # a list of abbreviations, one a line: "RO-ASP ⇥ ITU Regional Office for Asia and the Pacific, Bangkok"
            defined = {m.group("full").strip() for m in re.finditer(
                rf"^[ \t]*{re.escape(acronym)}(?:[ \t]*[=:\u2013\u2014][ \t]*|[ \t]+-[ \t]+|[ \t]+)(?P<full>[A-Z][^,;\n(]{{3,90}})",
                self.text, re.MULTILINE)
                if re.search(rf"\b{re.escape(acronym[0])}", m.group("full")) and len(m.group("full").split()) >= 3}
        if not defined:
            # or inline, after a colon: "Abbreviations used in the Lead column: RO – ITU Regional Office for Asia and
            # the Pacific (Bangkok); BDT HQ – Telecommunication Development Bureau, Geneva."
            defined = {m.group("full").strip() for m in re.finditer(
                rf"[:;][ \t]*{re.escape(acronym)}[ \t]*(?:[=:\u2013\u2014]|[ \t]-)[ \t]*(?P<full>[A-Z][^,;\n(]{{3,90}})",
                self.text)
                if re.search(rf"\b{re.escape(acronym[0])}", m.group("full")) and len(m.group("full").split()) >= 3}
        if len(defined) == 1 and " " in acronym and (known := self.found(next(iter(defined)))) is not None:
            return known[0], acronym  # "BDT HQ – Telecommunication Development Bureau": the body the name is known by
        return (defined.pop(), acronym) if len(defined) == 1 else None

    def defined_terms(self) -> dict[str, str]:
        """Short names the text defines for a body ("The Chairs of ITU-D Study Groups 1 and 2 (hereafter the study
        group chairs)"), lower-cased, each with the name it stands for; a short name defined twice over is left out."""
        if (terms := self._defined_terms) is not None:
            return terms
        seen: dict[str, set[str]] = {}
        for m in re.finditer(r"(?P<full>[A-Z][\w\-&]*(?:[ \t]+(?:on|of|for|and|the|in|\d{1,3}|[A-Z][\w\-&]*)){0,10})[ \t]*"
                             r"\((?:hereafter|hereinafter|henceforth)(?:[ \t]+(?:referred[ \t]+to[ \t]+as|called))?[ \t]+"
                             r"(?:the[ \t]+)?[\"\u201c']?(?P<short>[A-Za-z][\w\- ]{1,50}?)[\"\u201d']?\)", self.text):
            full = re.sub(r"^(?:The|the)\s+", "", " ".join(m.group("full").split()))
            seen.setdefault(" ".join(m.group("short").split()).lower(), set()).add(full)
        # ('"Area Office" means the ITU Area Office for the Caribbean.': a definition sentence of its own)
        for m in re.finditer(r"[\"\u201c](?P<short>[A-Z][\w\- ]{1,50}?)[\"\u201d][ \t]+(?:means|refers[ \t]+to|stands[ \t]+for)"
                             r"[ \t]+(?:the[ \t]+)?(?P<full>[A-Z][\w\-&]*(?:[ \t]+(?:on|of|for|and|the|in|\d{1,3}|[A-Z][\w\-&]*))"
                             r"{0,10})(?=[ \t]*[.;,(]|[ \t]*$)", self.text, re.MULTILINE):
            seen.setdefault(" ".join(m.group("short").split()).lower(), set()).add(" ".join(m.group("full").split()))
        self._defined_terms = terms = {short: fulls.pop() for short, fulls in seen.items() if len(fulls) == 1}
        return terms

    def found(self, text: str, *, keep=None) -> tuple[str, str] | None:
        """(canonical, printed) of the body a phrase names; pairs such as SG + Directors are kept together, and
        bodies listed together all act ("WHO and ITU", "mobile operators, device manufacturers and retailers")."""
        if ((office := re.fullmatch(r"\s*(?:[Tt]he\s+)?Office\s+of\s+(?P<officer>the\s+\S.*?)\s*", text)) is not None
                and (officer := self.found(office.group("officer"))) is not None
                and re.search(r"\b(?:Chair|Secretary-General|President|Director|Envoy)\b", officer[0])):
            return f"Office of the {officer[0]}", text.strip()  # "The Office of the UNGIS Chair", not UNGIS
        if (deputy := re.match(r"\s*(?:[Tt]he\s+)?Deputy\s+Secretary-General\b", text)) is not None:
            return "Deputy Secretary-General", deputy.group(0).strip()  # that officer, not the Secretary-General
        if (forum_body := re.fullmatch(r"\s*(?:[Tt]he\s+)?(?P<n>IGF(?:\s+[A-Z][\w\-]*){1,3})\s*", text)) is not None:
            return forum_body.group("n"), text.strip()  # "the IGF Leadership Panel": a body of the Forum, by its name
        if (chairs := SG_CHAIR_RE.fullmatch(re.sub(r"^(?:[Tt]he\s+)?", "", text.strip()))) and chairs.group("plural"):
            return "study group chairs", text.strip()  # "SG chairs" in a Sector's report: its study groups' chairs
        if keep is None and (joint := self.joint(text)) is not None:
            return joint
        unit = ITU_UNIT_RE.match(text)
        inner = self.found(unit.group("unit") or unit.group("unit2") or unit.group("unit3")) if unit else None
        if inner and inner[0] in ITU_UNITS:
            return inner[0], unit.group(0).strip()  # "ITU (BDT)", "ITU/BDT", "ITU General Secretariat": that organ
        role = re.fullmatch(r"\s*(?:[Tt]he\s+)?[a-z][a-z\s\-]{1,30}?\s*\((?P<body>[A-Z][\w&\-]{1,12})\)\s*", text)
        if role and (named := self.found(role.group("body"))):
            return named[0], text.strip()  # "the facilitator (ITU)": ITU
        head = text.split(",", 1)[0]  # "the Commission, at each of its annual sessions,"
        if (other := OTHER_SECRETARIAT_RE.fullmatch(head.strip())) is not None and not (
                other.group("kind") == "Forum" and "WSIS Forum" in self.text):
            return other.group("np"), head.strip()  # "the IGF Secretariat": another body's secretariat, not ITU's
        officer = OFFICER_OF_RE.match(head)
        if (officer and officer.group("title").lower() == "secretariat"
                and not re.match(r"(?:ITU|International Telecommunication Union|Union|Council)\b", officer.group("body"))
                and (name := printed_name(head))):
            return name, head.strip()  # "the secretariat of the Commission": the Commission's, not ITU's
        # ("the Chair of the Working Group": the knowledge base knows "the Working Group" only with its article)
        if (officer and (self.found(officer.group("body")) or self.found(f"the {officer.group('body')}"))
                and (name := printed_name(head))):
            return name, head.strip()  # "the President of the General Assembly" acts, not the Assembly
        for canonical, short, needs in SHORT_NAMES:
            un_text = self.body is not None or canonical != "UNGIS"  # in an ITU text "the Group" is the Working Group
            named = canonical == self.body or (needs is not None and needs.search(self.text))
            if short.match(head) and un_text and named:
                return canonical, head.strip()
        doc = _tokens(text)
        # "ITU-D Sector Members" are Sector Members: the "ITU" of a Sector's name is not the Union.
        spans = [s for s in doc.spans["actors"] if (keep is None or keep(s))
                 and not (s.text.endswith("ITU") and re.match(r"-[DTR]\b", text[s.end_char:s.end_char + 3]))
                 # "the IGF Leadership Panel", "the IGF MAG" are bodies of the Forum, not the Forum
                 and not (s.label_ == "Internet Governance Forum" and s.text.split()[-1].isupper()
                          and re.match(r"\s+[A-Z]", text[s.end_char:s.end_char + 2]))
                 # "SG chairs" are the study groups' chairs, not the Secretary-General
                 and not (s.text == "SG" and SG_CHAIR_RE.match(text, s.start_char))
                 # "private-sector members" of a Commission are companies, not ITU's Sector Members
                 and not text[:s.start_char].lower().endswith("private-")
                 # "developed countries", "donor countries" are those countries, not every Member State
                 and not _some_countries(s, text)]
        if not spans:
            return None
        names = list(dict.fromkeys(span.label_ for span in spans))
        combined = COMBINED_ACTORS.get(frozenset(names[:2]))
        if combined:  # "the Secretary-General and the Directors …", not "Member States, with Sector Members"
            first, second = (next(s for s in spans if s.label_ == n) for n in names[:2])
            between = text[first.end_char:second.start_char]
            # "Member States, Sector Members" in a table's cell; not "Member States, Sector Members and Associates"
            if not (re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", between) or (
                    re.fullmatch(r"\s*,\s*", between) and not re.match(r"\s*(?:,|and\b|&)", text[second.end_char:]))):
                combined = None
        if combined:
            pair = [s for s in spans if s.label_ in names[:2]]
            return combined, text[pair[0].start_char:pair[-1].end_char]
        first = spans[0]
        canonical, printed = first.label_, first.text
        if (canonical == CWG_WSIS and GENERIC_GROUP_RE.fullmatch(first.text)
                and (other := self.other_council_group()) is not None):
            canonical = other  # "the Group" in a resolution on the Council Working Group on Child Online Protection
        union = re.sub(r"^(?i:the)\s+", "", first.text) == "ITU"
        # (not "the BDT secretariat": a Bureau acts through its Director)
        officer_of = not (canonical.startswith("Director") or canonical in ("Secretariat", "Secretary-General"))
        part = ((ITU_PART_RE if union else BODY_OFFICER_RE).match(text, first.end_char)
                if first.start_char <= 4 and (union or officer_of) else None)
        if part is not None:
            # "the ITU Academy", "ITU Regional Office for Asia and the Pacific": a part of the Union that acts, not
            # the Union; "the UNGIS Chair", "the UNGIS secretariat": the body's officer, not the body
            name = re.sub(r"^(?i:the)\s+", "", " ".join(text[first.start_char:part.end()].split()))
            return name, text[first.start_char:part.end()].strip()
        if (canonical == "Council" and first.start_char < 20
                and (group := COUNCIL_GROUP_RE.match(text, first.end_char)) is not None
                and (longer := LONGER_NAME_RE.match(text, group.end()) or LOWER_NAME_RE.match(text, group.end()))):
            # "the Council Expert Group on Measuring WSIS Implementation shall …": a group of the Council the knowledge
            # base does not know acts, not the Council
            whole = " ".join(text[first.start_char:longer.end()].split())
            if name := printed_name(whole):
                return name, text[first.start_char:longer.end()].strip()
        if (GENERIC_GROUP_RE.fullmatch(first.text) and first.start_char < 20
                and (longer := LONGER_NAME_RE.match(text, first.end_char) or LOWER_NAME_RE.match(text, first.end_char))
                is not None):
            # "The Working Group on Devices and Affordability shall …": a group the knowledge base does not know, whose
            # name its generic head ("Working Group", the Council's in ITU texts) only begins
            whole = " ".join(text[first.start_char:longer.end()].split())
            name = printed_name(whole) if longer.re is LONGER_NAME_RE else re.sub(r"^(?i:the)\s+", "", whole)
            if name:
                return name, text[first.start_char:longer.end()].strip()
        if canonical == "Secretary-General" and self.body and not re.search(r"\bITU\b|Union", text):
            canonical = UN_SECRETARY_GENERAL  # "Requests the Secretary-General" in a UN resolution
        return canonical, printed


# A meeting's or session's ordinal, capitalised after a body's name on a title line: "Forty-seventh", "Third".
ORDINAL_TAIL_RE = re.compile(r"[ \t]+(?:(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)-)?"
                             r"(?i:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
                             r"[a-z]+teenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth)(?:[ \t].*)?$")


# The Union named with the organ that acts for it: "ITU (BDT)", "ITU/BDT", "ITU (General Secretariat)", "ITU General
# Secretariat" (a plan's Lead cell): the organ acts (its Director, or the Secretariat), not the Union as a whole.
ITU_UNIT_RE = re.compile(r"\s*(?:the\s+)?(?:ITU|International\s+Telecommunication\s+Union)\s*(?:\((?P<unit>[^()]{2,40})\)|"
                         r"/\s*(?P<unit2>[A-Z]{2,4})\b|\s(?P<unit3>General\s+Secretariat)\b)")
ITU_UNITS = {"Director of the Telecommunication Development Bureau", "Director of the Telecommunication Standardization "
             "Bureau", "Director of the Radiocommunication Bureau", "Secretariat"}


# A part of the Union named after "ITU": its Academy, a regional or area office (with the region it serves).
ITU_PART_RE = re.compile(r"\s+(?:Academy|(?:Regional|Area)\s+Office(?:\s+for\s+(?:the\s+)?[A-Z][\w\-]*"
                         r"(?:\s+(?:and\s+the|and|[A-Z][\w\-]*)(?=\s+[A-Z]|\s*$|\s*[,;:.(]|\s+[a-z]))*)?)"
                         r"(?=\s*$|\s*[,;:.(]|\s+[a-z])")
# An officer's title: "Chair", "Vice-Chairs", "Co-Chair", "Chairperson".
OFFICER_TITLE = r"(?:Vice-|Co-)?Chair(?:s|man|person)?"
# A body's officer or secretariat after its name: "the UNGIS Chair", "the TDAG Vice-Chairs", "the UNGIS secretariat".
BODY_OFFICER_RE = re.compile(rf"\s+(?:{OFFICER_TITLE}|[Ss]ecretariat)(?=\s*$|\s*[,;:.(]|\s+[a-z])")


# A group's generic name, which the knowledge base resolves to the Council's or the UN's group of that kind.
GENERIC_GROUP_RE = re.compile(r"(?i:(?:the\s+)?(?:(?:council\s+)?working\s+group|expert\s+group|group|task\s+force|"
                              r"steering\s+committee))")
# A study group's chair by "SG" ("SG chairs", "SG Vice-Chairman"): not the Secretary-General, whom "SG" names alone.
SG_CHAIR_RE = re.compile(r"SG\s+(?:[Vv]ice-)?[Cc]hair(?:(?P<plural>s|men|persons)|man|person)?\b")
# A group the Council sets up, after "Council": "Council Expert Group on …", "Council Working Group on …".
COUNCIL_GROUP_RE = re.compile(r"[ \t]+(?:Expert|Working|Drafting)[ \t]+Group|[ \t]+Committee|[ \t]+Task[ \t]+Force")
# The rest of a longer name after it: "… on Devices and Affordability".
# Or in lower case, where its acronym or the line's end closes it: "… on international Internet-related public policy
# issues (CWG-Internet) shall …".
# (or its modal: "that the Council Working Group on international Internet-related public policy issues shall …")
LOWER_NAME_RE = re.compile(r"\s+on\s+[a-z][\w&\-]*(?:\s+[\w&\-]+){0,7}?(?=\s*\(|\s*$|\s+(?:shall|should|must)\b)")
LONGER_NAME_RE = re.compile(r"\s+(?:on|for|of)\s+(?:the\s+)?[A-Z][\w&\-]*(?:\s+(?:and|the|of|on|for|in|[A-Z][\w&\-]*))*?"
                            r"(?=\s+(?:shall|should|will|must|is|are|to|may|has|have|was|were)\b|\s*\(|[,;:.]|$)")


def _name_from(words: str, initial: str, acronym: str | None = None) -> str | None:
    """The name in the words before an acronym's brackets that opens with its letter (after an "ITU" or "UN" before
    it): "Bangkok and the ITU Area Office in Jakarta", "A" -> "ITU Area Office in Jakarta"; the whole words when they
    open so; None when no such name."""
    words = re.sub(r"^(?:The|the)\s+", "", words)
    letters = re.sub(r"[^A-Z]", "", acronym or "")
    if len(letters) >= 3:
        # "ITU and the International Federation of Library Associations and Institutions (IFLA)": the name whose
        # capitals spell the acronym, not the list it ends
        for start in (0, *(m.end() for m in re.finditer(r"\s(?:and|the)\s+", words))):
            name = re.sub(r"^(?:the\s+)", "", words[start:])
            if name[:1] == initial and "".join(w[0] for w in name.split() if w[:1].isupper()).startswith(letters):
                return name
    if words[:1] == initial:
        return words
    opening = re.search(rf"(?:^|\s(?:and|the)\s+)(?P<name>(?:(?:ITU|UN)\s+)?{re.escape(initial)}[\w\-]*(?:\s+\S+)+)$", words)
    return opening.group("name") if opening else None


def _some_countries(span, text: str) -> bool:
    """"developed countries", "the countries where BDT operates": some countries, not every Member State."""
    return span.text.lower() == "countries" and bool(QUALIFIED_COUNTRIES_RE.search(text[:span.start_char]) or re.match(
        r"\s+(?:where|in\s+which|which|that|participating)\b", text[span.end_char:]))


def target_actor(text: str, kb: KnowledgeBase, *, default: str) -> str:
    doc = _tokens(text)
    names = list(dict.fromkeys(span.label_ for span in doc.spans["actors"] if not _some_countries(span, text)))
    return (COMBINED_ACTORS.get(frozenset(names[:2])) or names[0]) if names else default


def _name_span(parsed, token) -> str:
    """The words of a subject, carried through a capitalised name ("the Partnership on Measuring ICT for
    Development", which the parser may cut after "Partnership")."""
    end = token.right_edge.i + 1
    # ("the co-facilitators", which the tokenizer splits: the word whole, not "co")
    while end + 1 < len(parsed) and parsed[end].text == "-" and not parsed[end - 1].whitespace_ and not parsed[end].whitespace_:
        end += 2
    while (end + 1 < len(parsed) and parsed[end].lower_ in ("on", "of", "for", "and")
           and parsed[end + 1].text[:1].isupper()):
        end += 2
        while end < len(parsed) and (parsed[end].text[:1].isupper() or parsed[end].lower_ in ("for", "of", "and")):
            end += 1
    return parsed[token.left_edge.i:end].text


# Where a list of bodies parts: its commas and its "and" ("Sector Members, and in particular Academia": ", and" once).
LIST_SPLIT_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
LIST_BLOCKERS = {"in", "at", "on", "for", "with", "by", "as", "through", "within", "under", "including", "where",
                 "when", "if", "which", "who", "that", "to", "from", "after", "before", "among", "especially",
                 "particularly", "notably", "inter", "alia", "respectively", "the", "its", "their", "all", "other",
                 "together", "jointly", "along", "working", "acting", "supported", "assisted", "led"}


def _body_list(name: str) -> bool:
    """"mobile operators, device manufacturers and retailers", "WHO and ITU": bodies listed, each a short noun
    phrase, the last joined by "and"; not "the Council, in cooperation with UNESCO and ITU" (an aside)."""
    m = re.fullmatch(r"(?P<first>[^,]{2,40}(?:,\s*[^,]{2,40})*?),?\s+and\s+(?P<last>[^,]{2,40})", name)
    if m is None:
        return False
    # ("Commissioner Wierzbicki and the Secretariat": an article is no part of a body's name)
    parts = [re.sub(r"^the\s+(?=[A-Z])", "", p.strip()) for p in re.split(LIST_SPLIT_RE, name)]
    return len(parts) >= 2 and all(
        0 < len(p.split()) <= (4 if "," in name else 5) and p.split()[0] not in LIST_BLOCKERS
        and not re.search(r"(?:ing|ed)$", p.split()[0]) and not re.search(r"\d", p) and _bodyish(p) for p in parts)


def _bodyish(part: str) -> bool:
    """A listed part that can name a body: an acronym ("WHO"), a name in capitals ("Governments", "Internet
    Society"), or a noun for bodies or people by what they do ("device manufacturers", "civil society")."""
    last = part.split()[-1].lower()
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,11}|[A-Z][a-z]+s|(?:[A-Z][\w\-]*\s+)*[A-Z][\w\-]*", part)
                or re.fullmatch(r"[A-Z][A-Z0-9&\-]{1,11}", part.split()[-1])  # "executive heads of ITU"
                or last.rstrip("s") in BODY_WORDS or re.sub(r"ies$", "y", last) in BODY_WORDS
                or AGENT_NOUN_RE.fullmatch(last))


# ("Committee on Information and Communications Technology, Science, Technology and Innovation": "and" inside the
# words before the first comma too)
TITLED_COMMAS_RE = re.compile(r"(?:[A-Z][\w&\-]*\s+){1,6}(?:(?:on|of|for)\s+)?[A-Z][\w&\-]*"
                              r"(?:\s+and\s+[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*)?)?(?:,\s+[A-Z][\w&\-]*)+,?\s+and\s+"
                              r"[A-Z][\w&\-]*(?:\s+(?:[A-Z][\w&\-]*|of|on|for|the)(?=\s|$))*")


# A name that lists the codes of what it covers: "facilitators of Action Lines C5, C7 and C10".
CODED_LIST_NAME_RE = re.compile(r"[^,]{0,60}?\b(?:Action\s+Lines|Study\s+Groups|Questions|Working\s+Parties)\s+"
                                r"[A-Z]?\d{1,2}(?:/\d{1,2})?(?:,\s*[A-Z]?\d{1,2}(?:/\d{1,2})?)*,?\s+and\s+[A-Z]?\d{1,2}"
                                r"(?:/\d{1,2})?\b")


WSIS_FORUM_RE = re.compile(r"\bWSIS\s+Forum\b")


@lru_cache(maxsize=256)
def search_once(pattern: re.Pattern, text: str) -> re.Match | None:
    """`pattern.search(text)`, looked up once per document text however many requirements ask (a statement the whole
    text makes: who leads its outputs, whether it is about the WSIS Forum)."""
    return pattern.search(text)


def _thing_name(name: str) -> bool:
    """A name whose head word is a thing ("amounts under …", "financial and human resources used for …", "Action
    Lines that it facilitates", "WSIS Prizes 2028")."""
    head = re.split(r"\s+(?:of|on|for|under|used|that|which|in|to|with|by)\b", name, maxsplit=1)[0]
    words = re.findall(r"[A-Za-z]+", head)
    if not words:
        return False
    last = words[-1].lower()
    if last in ("forum", "panel", "meeting", "session", "summit", "dialogue", "consultation"):
        return False  # a gathering that decides or acts ("the Ministerial Meeting of …", `acting_forum`) is a body
    return any(w in THINGS | {"amount", "resource", "stocktaking", "track"}  # ("the High-Level Track of the Forum")
               for w in (last, last[:-1] if last.endswith("s") else last))


# An officer of a study group's item, by the item's code after a comma: "Rapporteur, Q2/3", "Editors, D.AI-Econ",
# "Counsellor, SG3", "Associate Rapporteur, Q4/1".
ROLE_CODE_RE = re.compile(r"(?:(?:Associate|Liaison|Vice|Co)[\s-])?(?i:rapporteurs?|(?:co-)?editors?|counsellors?|"
                          r"(?:vice-)?chair(?:man|person)?s?|conveners?|coordinators?|focal\s+points?)"
                          r",\s+(?=[A-Z])(?=\S*(?:\d|\.[A-Z]))[A-Z][\w./\-]*")


def printed_name(phrase: str) -> str | None:
    """'the Telecommunication Development Advisory Group' -> 'Telecommunication Development Advisory Group'."""
    name = re.sub(r"^\s*(?:that\s+)?(?:the|all|an?)\s+(?=\S)", "", phrase.strip(" ,:;"), flags=re.IGNORECASE)
    # "A Project Steering Committee composed of the donor, …": what the body is made of is no part of its name
    name = re.split(r"\s+(?:composed|consisting|made\s+up|comprising|chaired|co-chaired|led|formed)\b", name, maxsplit=1)[0]
    name = re.sub(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]+", "", name)  # a footnote's mark is no part of a name
    if _body_list(name):
        return name  # "mobile operators, device manufacturers and retailers": all of them act
    # a name with commas of its own: "United Nations Educational, Scientific and Cultural Organization", "Committee on
    # Technology, Innovation and Development"
    if (titled := TITLED_COMMAS_RE.match(name)) is not None:
        return re.sub(r"\s+(?:of|on|for|the)$", "", titled.group(0))
    if (coded := CODED_LIST_NAME_RE.match(name)) is not None:
        return coded.group(0)  # "facilitators of Action Lines C5, C7 and C10", "ITU-T Study Groups 5, 13 and 17"
    if ROLE_CODE_RE.fullmatch(name):
        return name  # "Rapporteur, Q2/3", "Editors, D.AI-Econ" in an action table: that officer of that item
    # "… in the regions" ends a name; "… for the Americas" (a capitalised name after "the") does not
    name = re.split(r",|\s+(?:in|with|as|through|within|at|on|for|by)\s+(?=[a-z])(?!the\s+[A-Z])", name,
                    maxsplit=1)[0].strip()
    if not name or len(name.split()) > 10 or not re.search(r"[A-Za-z]", name):
        return None
    return name
