"""Text outside resolutions: proposals, targets, action points, plan items, milestones, deontic sentences.

Items whose chapeau is missing ("7 to prepare …") too. The first rule that reads a segment wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import BlockKind, RequirementKind
from ..parse.columns import ACTION_COLUMN_RE
from . import cues
from .actors import BODY_WORDS, OFFICER_TITLE, SG_CHAIR_RE, _parsed, _tokens, printed_name, search_once, target_actor
from .clauses import NAMED_ITEM_RE, Segment, is_chapeau
from .walk_state import SECRETARIAT, _Context
from .walk_words import _is_letter, _modal_kind, _sentences, _verb_key

CODED_ACTION_RE = cues.CODED_ACTION_RE

# A milestone or action with its owner: "… (Owner: BDT)", "… (Lead: General Secretariat)".
OWNER_RE = re.compile(r"\((?:Owner|Owners|Lead|Led by|Responsible|Responsibility)\s*:\s*(?P<who>[^()]{2,80})\)\s*\.?\s*$",
                      re.IGNORECASE)
# A gathering a paper is put to, as the subject of "is invited to": "The open consultation meeting", "The session".
GATHERING_SUBJECT_RE = re.compile(r"[Tt]he\s+(?:[\w\-]+\s+){0,4}?(?:meeting|session|consultation|workshop|dialogue|"
                                  r"retreat|round\s+table)")
# An action point with its owner and date in brackets: "ACTION 7/1 (Director, BR; by 30 June 2028): to circulate …".
ACTION_OWNED_RE = re.compile(r"(?i:action)(?:\s+(?i:point|item))?\s+(?P<n>\d{1,2}(?:[./\-]\d{1,3})?)\s*"
                             r"\((?P<who>[^;()]{2,60});\s*[^()]{2,60}\)\s*[:.\u2013\u2014-]\s*(?=(?:to\s+)?[a-z])")
# A plan's activity by its number, its lead on the line below: "Activity 1.2  Assess …" / "Lead: BDT  Partners: …".
ACTIVITY_RE = re.compile(r"(?:Activity|Output|Task|Deliverable)\s+(?P<n>\d{1,2}(?:\.\d{1,2}){0,2})\s*[:.\u2013\u2014-]?\s+"
                         r"(?P<rest>[A-Z])")
LEAD_BELOW_RE = re.compile(r"(?:Lead|Led\s+by|Responsible|Owner)\s*:\s*(?P<who>.+?)\s*(?=\s(?:Partners?|Support(?:ing)?|"
                           r"Deadline|Due(?:\s+date)?|Date|Timeline|Timing|Output|Indicator|Budget)\s*:|$)")
CODE_RE = re.compile(r"^(?P<code>[A-Z]{1,2}\.?\d{1,2}(?:\.\d{1,2})?)\s+")
# An action point's code before what to do: "AP 4.1 ", "AP 4.1: ", "A3 – ", "47/2 "
OWNED_ACTION_CODE_RE = re.compile(r"^\s*(?P<code>(?:[A-Z]{1,4}\s?)?\d{1,3}(?:[./\-]\d{1,3})?)\s*[:.\u2013\u2014-]?\s+(?=[A-Z])")


# A first word that is a noun with its own finite verb further on: "Work on the framework started …", "Support for
# the regional offices was …".
NOUN_THEN_VERB_RE = re.compile(r"^[A-Z][a-z]+\s+(?:on|of|for|in|to|with)\b[^.;:]{0,160}?\s(?:started|began|was|were|has|have|"
                               r"is|are|continued|ended|remains?|took\s+place)\b")


# An edit to a draft, in the imperative: "insert after … the words", "Delete paragraph 21", "In paragraph 15, after
# "capacity building", insert …", "replace "as appropriate" with …".
EDIT_RE = re.compile(r"^(?:(?:In|At\s+the\s+(?:end|beginning)\s+of)\s+(?:para(?:graph)?\.?|OP|PP|[Ss]ection|[Cc]hapter|[Aa]nnex|"
                     r"the\s+(?:first|second|third|last)\s+sentence)\s*[^,]{0,40},\s*(?:after\s+[^,]{1,80},\s*)?)?(?:[Ii]nsert|[Dd]elete|[Rr]eplace|[Aa]dd|[Aa]mend|[Rr]etain|[Mm]ove|"
                     r"[Rr]eword|[Rr]edraft|[Mm]erge|[Rr]estore|[Rr]einstate|[Ss]trike|[Kk]eep)\b(?!\s+(?:to|that)\b)")
# A comment on a paragraph of a draft, which the paragraph's number labels: "Para. 7: …", "OP 5 – …".
PARA_COMMENT_RE = re.compile(r"(?:Para(?:graph)?s?\.?|OP|PP)\s*\d{1,3}\b")
# What an edit works on: a quoted or bracketed wording, or a part of the draft by name.
EDIT_OBJECT_RE = re.compile(r"[\"\u201c\u2018]|\[\[|\{\{|\b(?:para(?:graph)?s?\.?\s*\d|section\s+\d|subparagraph|sentence|the\s+words|"
                            r"the\s+reference|footnote|bullet)", re.IGNORECASE)


# A second clause with a subject and a modal of its own: "The rapporteur group shall hold a workshop each year, and the
# BDT focal point should circulate a questionnaire …".
SECOND_MODAL_RE = re.compile(r",\s+and\s+(?P<subject>(?:the|each|all)\s+(?:[\w\-]+\s+){0,4}?)(?=(?:shall|should|must|will|"
                             r"is\s+to|are\s+to)\s)", re.IGNORECASE)


def _clauses(text: str, body) -> list[tuple[int, int]]:
    """Sentence spans, a sentence whose two clauses each ask of their own subject, a body (`body` says which subject
    names one), split in two; "…, and each page should contain …" stays one."""
    out = []
    for s0, s1 in _sentences(text):
        second = SECOND_MODAL_RE.search(text, s0, s1)
        if second and cues.DEONTIC_RE.search(text[s0:second.start()]) and body(second.group("subject")):
            out += [(s0, second.start()), (second.start("subject"), s1)]
        else:
            out.append((s0, s1))
    return out


def _imperative(text: str, *, action_row: bool = False) -> bool:
    """"Circulate the draft …", "Carry out the next round …": a plan's item opens with a verb in the base form that
    governs the clause. The cue list knows the common verbs; the parse knows the rest. Only the opening words are
    parsed, so the same words give the same answer in any rendering."""
    if NOUN_THEN_VERB_RE.match(text):
        return False  # "Work on a single results framework … started in January 2027": a noun, then its verb
    if not re.match(r"[A-Z][a-z]+\s+[a-z(]", text) and not (action_row and re.match(r"[A-Z][a-z]+\s+[A-Z]", text)):
        return False  # ("Advance ITU-T work …" in a row that names its lead: a name may follow the verb)
    words = text.split()[:12]
    parsed = _parsed(" ".join(words))
    if parsed[0].tag_ == "VB" and parsed[0].dep_ == "ROOT":
        return True
    if not action_row or any(t.tag_ in ("VBZ", "VBP", "MD") for t in parsed):
        return False
    # In a row of an action table the tagger often reads the first word as a noun or adjective ("Register
    # projects …", "Restructure the report …"); after a subject and a modal the same word is read as the verb it
    # is, with its object. (Not elsewhere: "Report of the Secretary-General …" is a title.)
    verb = _parsed(" ".join(["They", "should", words[0].lower(), *words[1:]]))[2]
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and any(c.dep_ == "dobj" for c in verb.children)


# A list of dated steps: "Deadlines", "4 Timeline", "Key dates".
SCHEDULE_HEADING_RE = re.compile(r"^(?:[\dA-Z]{1,3}(?:\.\d{1,2})*\.?\s+)?(?:deadlines|time-?lines?|timetable|calendar|schedule|"
                                 r"key\s+dates|milestones|time\s*frame)\s*:?$", re.IGNORECASE)
# A step under it: its date, a colon or dash, and what is due ("November 2028: first meeting of the Expert Group").
DATED_STEP_RE = re.compile(rf"^(?:[\u2013\u2014\u2022-]\s+)?(?P<date>(?:(?:by|before|end(?:\s+of)?|mid-?|early|late|from)\s+)?(?:\d{{1,2}}\s+)?"
                           rf"{cues.MONTHS}(?:\s+\d{{1,2}},?)?(?:\s+\d{{4}})?|(?:Q[1-4]|[Hh][12])\s+\d{{4}}|\d{{4}})"
                           r"\s*[:\u2013\u2014-]\s+(?P<what>[a-z][^:]{8,})$", re.IGNORECASE)
# A sentence whose subject opens it and asks of itself: "Governments should report each year on … these targets".
OWN_REQUEST_RE = re.compile(r"^[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}\s+(?:should|shall|must|are\s+(?:invited|encouraged|requested|"
                            r"urged)\s+to)\b")
# A declaration's items speak for those who sign it ("We, the participants …, 1. Reaffirm …; 2. Recognize …"): verbs
# that declare, never a plan's action.
DECLARING_RE = re.compile(r"^(?:Reaffirm|Affirm|Reiterate|Recogni[sz]e|Acknowledge|Note|Welcome|Express|Emphasi[sz]e|"
                          r"Stress|Highlight|Underline|Underscore|Appreciate|Commend|Recall|Thank|Congratulate|"
                          r"Are\s+(?:convinced|aware|concerned|mindful))\b")
# A table's header row with a column that says who acts: "Action  Lead  Deadline  Indicator".
LEAD_HEADER_RE = re.compile(r"^(?=.*\b(?:Lead|Responsible|Responsibility|Owner|Led by|Actor|Who)\b)"
                            r"(?=.*\b(?:Action|Activity|Activities|Task|Deadline|Timeline|Indicator|Output|Targets?)\b)"
                            r"(?:\S+\s+){1,8}\S+$")
# A header whose Lead column follows the Deadline column: "ID  Milestone  Deadline  Lead  Partners".
LEAD_AFTER_DATE_RE = re.compile(r"\b(?:Deadline|Due(?:\s+date)?|Date|Timeline|Time\s*frame|Timing|By\s+when)\s*\|?\s*"
                                r"(?:Lead|Responsible|Owner|Led\s+by)\b", re.IGNORECASE)
# A deadline cell and the cells after it, in a row whose cells run together: "… cybercrime cases Dec 2027 UNODC ITU".
DATE_CELL_RE = re.compile(r"\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+|Q[1-4]\s+|H[12]\s+|"
                          r"(?:[Ee]nd|[Mm]id)[\s-]+)?(?:19|20)\d\d(?:\s*[\u2013-]\s*(?:19|20)?\d\d)?\s+(?=[A-Z])")
# An action's lead in its note: "(Action Line C2; lead: BDT; by end 2030)".
# Or in a sentence after it: "… for mobile broadband. Lead: Permanent Bureau of the Alliance, with ITU data."
LEAD_NOTE_RE = re.compile(r"(?:[(\[;]|(?<=[.])\s|\s[\u2013\u2014-](?=\s))\s*"
                          # ("… . Lead agency: national regulatory authorities. By December 2027.")
                          r"(?:lead(?:\s+(?:agency|agencies|body|entity|organi[sz]ation|unit))?|led by|responsible|owner)"
                          r"\s*:\s*"
                          r"(?P<who>[^;()\[\]]{2,60}?(?:\s*\([A-Za-z][^()]{1,30}\))?)"  # ("Lead: ITU (BDT).")
                          # "(lead: BDT; by 2030)", "[Lead: BDT]", "(Responsible: TSB - Deadline: …)"
                          r"(?=[;()\]]|\.(?:\s|$)|$|\s+[\u2013\u2014-]\s+(?:deadline|due|by)\b)", re.IGNORECASE)
# An officer or part of a body, after its name in a row's Lead cell: "UNGIS Chair", "UNGIS secretariat", "TDAG Vice-Chairs".
CELL_OFFICER_RE = re.compile(rf"[ \t]+(?P<title>{OFFICER_TITLE}|[Ss]ecretariat|[Mm]embers)(?=\s|$)")
# A division of a Bureau in a Lead cell: "BDT Cybersecurity Division", "TSB Study Groups Department".
BUREAU_UNIT_CELL_RE = re.compile(r"(BDT|TSB|BR)(?:\s+(?:(?:[A-Z][\w\-]*\s+){1,4}(?:Division|Unit|Department|Service)|"
                                 r"[Rr]egional\s+[Oo]ffices?)|/[A-Z]{2,6})")  # ("BDT/DKH", a department's code)
# A body's officer by the body's initials in a Lead cell: "CWG Chair", "TDAG Vice-Chair".
CELL_OFFICER_OF_RE = re.compile(rf"(?P<body>[A-Z]{{2,6}}(?:-[A-Z]+)?)\s+(?P<title>{OFFICER_TITLE})")
# A Lead cell naming the three Bureaux: "BR, TSB and BDT Directors", "Directors of BDT, TSB and BR".
THREE_BUREAUX_RE = re.compile(r"(?:(?:the\s+)?Directors\s+(?:of\s+)?)?(BR|TSB|BDT),\s*(BR|TSB|BDT),?\s+and\s+(BR|TSB|BDT)"
                              r"(?:\s+Directors)?")
# A Lead cell that is a code with a number ("SG17", "WP2/5 Chair", "Q6/1 Rapporteur").
UNKNOWN_CODE_CELL_RE = re.compile(r"(?:[A-Z]{1,4}\s?\d{1,2}(?:/\d{1,2})?|[A-Z]{2,6}(?:-[A-Z]{2,6})+)"
                                  r"(?:\s+(?:Chair|Rapporteur|Convener|convener))?")
# Words that introduce a body inside an action, not in the Lead cell after it: "Report to ITU", "of the Council".
LEAD_BLOCKERS = {"to", "the", "of", "by", "with", "for", "from", "in", "on", "at", "and", "or", "its", "their",
                 "a", "an", "among", "between", "through", "via", "including", "every", "each", "per", "all"}

# "It was agreed / requested / recommended that …": what each records.
IMPERSONAL_KIND = {"agreed": RequirementKind.DECISION, "decided": RequirementKind.DECISION,
                   "requested": RequirementKind.INSTRUCTION}
# "X, …, to do …" (the aside optional under "Action points").
LEAD_TO_RE = re.compile(r"^(?P<who>[A-Z][^,;:]{1,60}?)(?P<aside>,(?:[^,;]{0,120},)?)?\s+to\s+[a-z]")
ACTION_TO_RE = re.compile(r"^(?P<who>[a-z][^,;:]{1,60}?)(?P<aside>,(?:[^,;]{0,120},)?)?\s+to\s+[a-z]")
# A target's subject that is a body: "Every Member State", "At least 80 per cent of Member States", "All Member
# States" (the words before its verb).
TARGET_SUBJECT_RE = re.compile(r"^(?:(?:Every|Each|All|At least|Some)\s+(?:(?:\d{1,3}|half|a third|two thirds|\w+)\s+"
                               r"(?:per\s*cent\s+|%\s+)?of\s+(?:the\s+)?)?)"
                               r"(?P<who>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})"
                               r"(?=\s+(?:[a-z]+s|have|are|will|can|publish|use|adopt|report)\b)")
# The subject of a clause quoted after "that": '… resolves "that the Union', '… provides that: "a) the plan of the
# Union'.
# (and of a view reported in a meeting's record: "Members stressed that the Union should …")
QUOTED_THAT_RE = re.compile(r"\bthat\b\s*:?\s*[\"“]\s*(?:that\s+)?(?:\(?[a-z]\)\s*)?(?P<subject>[^\"“”]{2,120})$|"
                            r"[\"“]that\s+(?P<subject2>[^\"“”]{2,120})$|"
                            r"^(?:The\s+\w+|Members|Participants|Delegations|Speakers|[A-Z]{3,8})\s+(?:also\s+)?"
                            r"(?:stressed|noted|agreed|felt|considered|emphasi[sz]ed|underlined|recalled)\s+that\s+"
                            r"(?P<subject3>[^\"“”,;:]{2,80})$")
# An owner in square brackets at an action's end, before its deadline: "… on the Union's website [BDT] - by June
# 2027".
LEADING_OWNER_RE = re.compile(r"\[(?P<who>[^\[\]]{2,60})\]\s+(?=[A-Z])")
BRACKET_OWNER_RE = re.compile(r"\[(?P<who>[^\[\]]{2,80})\]\s*(?:[-\u2013\u2014]\s*[^\[\]]{0,60})?\.?\s*$")
# The Radiocommunication Bureau by its initials, in a slot that names who acts: the knowledge base leaves out a bare
# "BR" (in running text, lower-cased, it is too ambiguous); "BDT" and "TSB" it knows.
# (and the General Secretariat, "GS", and a Bureau named with the Union's prefix, "ITU-BDT", in a Lead cell)
BUREAU_INITIALS = {"BR": "Director of the Radiocommunication Bureau", "GS": SECRETARIAT,
                   "ITU-BDT": "Director of the Telecommunication Development Bureau",
                   "ITU-TSB": "Director of the Telecommunication Standardization Bureau",
                   "ITU-BR": "Director of the Radiocommunication Bureau"}
# A meeting's record: its paragraph opens with the meeting ("The Group recalled …") and a later sentence asks through
# "It" ("It asked the secretariat to present …"), read as the meeting's own request.
MEETING_FIRST_RE = re.compile(rf"^(?:The\s+(?:Group|Meeting|Committee|Working Group)|{cues.MEETING_SUBJECT})\s+[a-z]")
MEETING_IT_RE = re.compile(r"^It\s+(?=(?:also\s+|further\s+)?(?:asked|requested|invited|encouraged|urged|called)\b)")
# A Lead cell of two to eight capitalised words before the time frame cell of a row run together.
NAMED_CELL_RE = re.compile(r"(?<=[a-z,.)] )(?P<name>[A-Z][\w&\-]*(?:\s+(?:of|for|on|and|the|[A-Z][\w&\-]*)){1,7})\s+"
                           r"(?:(?:19|20)\d\d\b|Yearly|Annually|Ongoing|Continuous|From\b|By\b|Each\b|Every\b)")
# A meeting's action item numbered by the meeting and the item ("47/1 Restructure the draft report …") in a table
# whose header has a Lead column (walk.py reads only those rows so; elsewhere "70/125" cites a document).
# "47/1", "AP 47/1", "AP-47/1", "AP3", "AP 48.1"
MEETING_CODE_RE = re.compile(r"(?:[A-Z]{1,4}[\s-]?)?\d{1,3}/\d{1,2}|AP\s?\d{1,3}(?:\.\d{1,2})?")
MEETING_ROW_RE = re.compile(rf"(?P<n>{MEETING_CODE_RE.pattern})\s+(?:\|\s+)?(?=[A-Z])")  # ("AP 48.1 | Circulate …")
# The Directors by their Bureaux's initials, as a Responsible cell names them all: "Directors BR/TSB/BDT".
DIRECTORS_CELL_RE = re.compile(r"\bDirectors\s+(?:of\s+)?(?:BR|TSB|BDT)(?:\s*(?:[/,]|,?\s+and)\s*(?:BR|TSB|BDT))+\b")
# A Responsible cell that is only an officer's title, before the deadline cell ("… to Council C29 Chair June 2029
# Open"): the title the document gives in full elsewhere ("the Chair of the Working Group").
OFFICER_CELL_RE = re.compile(rf"(?<=[\w.)] )(?:(?P<body>CWG|TDAG|TSAG|RAG|[A-Z]{{3,}}(?:-[A-Z]+)?)\s+)?"
                             rf"(?P<title>(?:Vice-)?Chair(?:man|person)?)(?:,\s+with\s+the\s+Vice-Chairs?)?\s+"
                             rf"(?=(?:(?:Before|By|End\s+of)\s+)?(?:\d{{1,2}}\s+)?(?:{cues.MONTHS}\s+)?(?:19|20)\d\d\b|"
                             r"Ongoing\b)")
OFFICER_NAMED = r"\b{title}\s+of\s+the\s+[A-Z][\w&\-]*(?:\s+(?:(?:of|on|for|and|the)\s+)*[A-Z][\w&\-]*)*"
WSIS_TARGETS_RE = re.compile(r"\bWSIS\s+targets\b|\bGeneva\s+Plan\s+of\s+Action\b", re.IGNORECASE)
# A sentence about anyone who reads or uses a text, not a body asked to act: "A reader who wants … has to search …".
GENERIC_READER_RE = re.compile(r"\b(?:[Aa]|[Aa]n|[Aa]ny)\s+(?:reader|user|visitor|researcher|person|newcomer)s?\s+"
                               r"(?:who|that)\b")
# An item that names who acts, then "to" and the verb: "the secretariat to add …", "UNCTAD, as secretariat of the CSTD,
# to circulate …" (not "to be" of a passive: "Member States to be consulted" names who is acted on).
OWNER_TO_RE = re.compile(r"(?P<who>(?:[Tt]he\s+|[Aa]ll\s+|[Ee]ach\s+)?[A-Z][^,;:()]{1,80}?|(?:the|all|each)\s+[a-z][^,;:()]"
                         r"{1,60}?)(?:\s*,[^,;:]{2,60},|\s+\([^()]{2,40}\))?\s+to\s+(?!be\b)[a-z]{3,}\b")
# A proposal written as a "That" clause, a paragraph of its own under a Proposals heading: "That the Union organize …".
THAT_PROPOSAL_RE = re.compile(r"That\s+(?:the\s+|all\s+|each\s+)?[A-Z]")
# A conference proposal's code on the line above it, with its revision mark: "CAT/71A3/2⇥ADD", "EUR/61A9/1 (MOD)".
PROPOSAL_CODE_RE = re.compile(r"(?P<code>[A-Z]{2,6}/\d{1,3}[A-Z]?\d{0,2}/\d{1,3})(?:\s+\(?(?:MOD|ADD|SUP|NOC)\)?)?")
# A proposal's title on the line above its text: "Proposal 3 (ADD instructs the Secretary-General)".
PROPOSAL_TITLE_RE = re.compile(r"Proposal\s+(?P<code>\d{1,2}(?:\.\d{1,2})?)(?:\s*\([^()]{0,120}\))?\s*:?")
# A delegation's own request, after a remark in the same comment: "We request that …", "We would suggest moving …".
WE_ASK_RE = re.compile(r"We\s+(?:(?:would|therefore|also|further|kindly)\s+){0,2}(?P<verb>request|ask|propose|suggest|"
                       r"recommend)\s+(?:that\b|(?=[a-z]+ing\b))")
# A sentence whose modal belongs to its last clause: "…, and the Commission" before "should keep …".
CLAUSE_AND_RE = re.compile(r"(?P<before>.+),\s+(?:and|but)\s+(?=(?:the\s+)?[A-Z][\w\-]*(?:\s+[\w\-]+){0,4}\s*$)")
# The same request put to a body by name: "We would ask the Chair to prepare …", "We invite UNGIS to …".
# ("Valdoria asks the secretariat to announce …": the contributing State by its name, which the text's opening gives)
WE_ASK_WHO_RE = re.compile(r"(?:We|I|My\s+(?:Administration|Government|delegation)|The\s+Administration(?:\s+of\s+[A-Z]\w+)?"
                           r"|(?P<state>[A-Z][a-z]{3,}(?=\s+(?:also\s+|further\s+)?(?:request|ask|invite|urge)s\s)))"
                           r"\s+(?:(?:would|therefore|also|further|kindly|respectfully)\s+){0,2}(?P<verb>request|ask|"
                           r"invite|urge|encourage)s?\s+(?P<who>(?:the|all)\s+[^.;:]{1,80}?|[A-Z][^.;:]{0,80}?)\s+to\s+(?=[a-z])")
# An action item that names its owner before a colon: "1) Secretariat: to revise …", "BDT Director: present …".
OWNER_COLON_RE = re.compile(r"^(?P<who>[A-Za-z][^,;:]{1,60}?)\s*:\s+(?:to\s+)?[a-z]")
# Words by which a recommendation asks something of someone.
ASKING_RE = re.compile(r"\b(?:may wish to|recommends?|recommended|proposes?|suggests?|requests?|invites?|encourages?|"
                       r"urges?|calls? (?:on|upon|for))\b", re.IGNORECASE)

# Who carries out an action point named by its thing: "…, led by ITU", "a course … to be delivered through the
# Academy, with ITU as organizer", "the next review to be convened by ITU and ESCWA".
_NAME = r"(?:the\s+)?[A-Z][\w&\-]*(?:\s+(?:and|of|for|on|the|[A-Z][\w&\-]*))*?"
AGENT_RE = re.compile(rf"\b(?:led|organi[sz]ed|convened|coordinated|hosted|delivered|prepared|run)\s+by\s+"
                      rf"(?P<agent>{_NAME})"
                      r"(?=\s*[,;.]|\s+(?:in|at|on|by|with|from)\s+[a-z0-9]|\s*$)"
                      rf"|\bwith\s+(?P<named>{_NAME})\s+as\s+(?:organi[sz]er|lead|host|coordinator)\b")
# The line before a targets list that says who commits to them.
# "The Working Group proposes the following targets for adoption by the Commission:": the Commission's targets.
ADOPTED_BY_RE = re.compile(r"\bfor\s+(?:adoption|approval|endorsement)\s+by\s+(?P<who>(?:the\s+)?[A-Z][^,.;:]{1,60})")
# A body's name in capitalised words, up to five: "the Broadband Commission", "Telecommunication Development Bureau".
_TITLED = r"(?P<who>(?:the\s+)?[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,4})"
# "The Working Group proposes that the Commission adopt the following targets …": the adopter's targets.
ADOPTER_RE = re.compile(rf"\b(?:proposes|recommends|suggests)\s+that\s+{_TITLED}"
                        r"\s+(?:adopt|endorse|approve|set)\s+the\s+following\b")
# Who carries out what a regional initiative or programme is to deliver: "The initiatives are carried out by the
# Telecommunication Development Bureau through …" (its Expected results are that body's).
IMPLEMENTED_BY_RE = re.compile(r"\b(?:initiatives?|programmes?|projects?|activities)\s+"
                               r"(?:are|is|shall\s+be|will\s+be)\s+"
                               rf"(?:carried\s+out|implemented|delivered|executed)\s+by\s+{_TITLED}")
# Who leads a plan's outputs or actions: "The outputs below are led by BDT unless another lead is named."
PLAN_LEAD_RE = re.compile(r"\b(?:outputs|actions|activities|tasks)\s+"
                          r"(?:(?:below|listed\s+below|in\s+this\s+(?:section|plan))\s+)?"
                          rf"(?:are|shall\s+be|will\s+be)\s+(?:led|carried\s+out|delivered)\s+by\s+{_TITLED}")
EXPECTED_RESULTS_RE = re.compile(r"\bExpected\s+(?:results|outcomes|outputs)\b", re.IGNORECASE)
COMMITS_RE = re.compile(r"^(?P<who>[A-Z][^,.;:]{2,80}?)\s+(?:(?:commit|commits|agree|agrees|undertake|undertakes|pledge|"
                        r"pledges|resolve|resolves)\s+to\b|(?:sets?|adopts?|establish(?:es)?)\s+the\s+following\b)")


# A view some of a meeting's members held is no conclusion of the meeting: "Several members considered that the report
# ought to …", "Some members felt that BDT should …".
SOME_VIEW_RE = re.compile(r"^(?:Some|Several|Many|Other|Most|A\s+few|A\s+number\s+of|One|Two|Three)\s+(?:of\s+the\s+)?"
                          r"(?:members|delegations|delegates|participants|speakers|administrations|Member\s+States)\s+"
                          r"(?:also\s+)?(?:considered|felt|believed|thought|argued|were\s+of\s+the\s+view|took\s+the\s+view|"
                          r"expressed\s+the\s+view|held)\s+that\b")
# Who a deontic clause reported after a verb of belief names: "Are convinced that Governments should …".
# A report or other deliverable as a sentence's subject: "An interim report, including …", "The final report".
THING_SUBJECT_RE = re.compile(r"(?:An?|The|Its|Each)\s+(?:[a-z\-]+\s+){0,2}(?:report|reports|deliverables?|"
                              r"recommendations|proposals?|list|study|studies|outputs?)\b")
# The Union's strategic plan, whose targets are the Union's own unless a list says whose they are.
UNION_PLAN_RE = re.compile(r"\bStrategic\s+Plan\s+(?:for|of)\s+the\s+Union\b")
SHARED_TARGETS_RE = re.compile(r"\bglobal\s+targets\b|\bcannot\s+(?:reach|achieve|meet)\s+them\s+alone\b|"
                               r"\b(?:seek|aim)s?\s+to\s+achieve\s+together\b", re.IGNORECASE)
# A request put politely in a delegate's comments: "Please add …" (not "Please find attached …"), a question "could the
# secretariat …?", "We would be grateful if …".
POLITE_ASK_RE = re.compile(
    r"^(?:(?:In addition|Also|Finally|Lastly|Moreover|Furthermore|Secondly|Thirdly),\s+)?(?:"
    r"(?:Please|Kindly)\s+(?:also\s+)?(?!(?:find|note|see|do\s+not\s+hesitate|don't|contact|let|accept|refer|feel|be|"
    r"disregard|ignore|forward|check|print|reply|share\s+(?:this|with))\b)[a-z]{3,}\b"
    r"|(?:[Cc]ould|[Ww]ould|[Cc]an|[Mm]ight)\s+(?P<who>the\s+secretariat|you|BDT|TSB|the\s+Bureau|ITU)\s+(?:please\s+)?"
    r"[a-z]{3,}\b[^?]*\?"
    r"|(?:[Ww]e|I)\s+(?:would|should)\s+(?:also\s+|further\s+)?(?:be\s+grateful|appreciate\s+it)\s+if\b)")
# What a delegate's comments ask to change: a part of the draft (not "Please send any comments to the mission").
DRAFT_PART_RE = re.compile(r"\b(?:section|paragraph|chapter|annex|table|report|draft|outline|summary|version|figures?)\b",
                           re.IGNORECASE)
# Who a targets lead-in says pursues them: "… the following targets, which the Union undertakes to pursue …".
UNDERTAKES_RE = re.compile(r"\b(?:which|that)\s+(?P<who>(?:the\s+)?[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,4})\s+"
                           r"(?:undertakes?|commits?|pledges?)\s+to\b")
# A courtesy under a Proposals heading: "We stand ready to work with …", "Tesoria thanks the secretariat …".
NO_PROPOSAL_RE = re.compile(r"^(?:We|[A-Z][\w\-]+(?:\s+and\s+[A-Z][\w\-]+)?)\s+(?:(?:stands?|remains?|are|is)\s+(?:ready|"
                            r"willing)|thanks?|looks?\s+forward|would\s+like\s+to\s+thank)\b")
# What the addressees of a circular letter send back, and the letter's address to them.
REPLIES_RE = re.compile(r"(?:The\s+|All\s+|Any\s+)?(?:replies|responses|answers|comments|nominations|submissions)\b",
                        re.IGNORECASE)
LETTER_TO_MEMBERS_RE = re.compile(r"\bTo:\s*(?:the\s+)?(?:Administrations|Permanent\s+Missions|Member\s+States)\b|"
                                  r"\byour\s+Administration\b|\b(?:requests?|invites?|asks?)\s+(?:the\s+)?member\s+States\s+"
                                  r"to\s+(?:reply|respond|answer)\b", re.IGNORECASE)
# A letter's own request in the first person: "I am pleased to invite your Administration to take part …", "I have the
# honour to request your Government to …", "We would like to encourage you to …".
LETTER_ASK_RE = re.compile(r"\b(?:I|[Ww]e)\s+(?:am|are|have\s+the\s+(?:honour|pleasure)|would\s+(?:also\s+)?like|should\s+(?:also\s+)?like|"
                           r"(?:also\s+)?wish)\s+"
                           r"(?:(?:pleased|happy|glad)\s+)?to\s+(?P<verb>invite|request|ask|encourage|urge)\s+"
                           r"(?P<who>your\s+(?:Administration|Government|organization|country)s?|[A-Z][^,.;:]{2,60}?)\s+to\s+[a-z]")
BELIEF_THAT_RE = re.compile(r"\b(?:convinced|aware|believes?|believed|consider(?:s|ed)?|agree[sd]?|felt|feel|stress(?:es|ed)?|"
                            r"emphasi[sz]e[sd]?|underline[sd]?|reaffirm(?:s|ed)?|recogni[sz]e[sd]?|trust|hope|conclude[sd]?|decide[sd]?)\s+that\s+"
                            # ("… that the United Nations Group on the Information Society (UNGIS) should …")
                            r"(?P<subject>[^,;:]{2,100})$")
PASSIVE_AGENT_RE = re.compile(r"\b(?:shall|should|must|will|is to|are to)\s+be\s+[a-z]+ed\s+(?:each\s+year\s+|every\s+year\s+|"
                              r"annually\s+|jointly\s+)?by\s+"
                              r"(?P<agent>(?:the\s+)?[A-Z][\w&\-]*(?:\s+(?:of|on|for|and|the|[A-Z][\w&\-]*))*)")
PART_ASIDE_RE = re.compile(r",\s*(?:for\s+(?:its|their)\s+part|in\s+turn|for\s+its\s+own\s+part|as\s+[^,]{2,90})\s*,?\s*$")
# When or where, before the subject of a deontic sentence: "From 2028 onwards, the co-facilitators shall …". (Not before
# a "will": "For 2027, the HLPF will review …" reports a plan, and writers do not count it.)
LEADING_SETTING_RE = re.compile(r"^(?:(?:In|From|By|At|After|Before|During|Until|Following|Within|For|On|Under|As\s+(?:of|from)|"
                                r"Starting|Beginning|Once|When|Where|If|Unless|While|Whenever)\b[^;:()]{2,120}?,\s*)"
                                r"(?=(?:[Tt]he|[Ee]ach|[Ee]very|[Aa]ll|[Ii]ts|[Tt]heir)\s)")


def _title_or_question(sentence: str) -> bool:
    """"What the report should contain" (a section's title) or "How should the Forum be organized?" ask nothing, nor
    does a sentence whose first modal sits in a clause it reports ("Neither text says what the reports should
    contain …")."""
    text = sentence.strip()
    if text.isupper():
        return True  # "FROM MANDATES TO RESULTS: WHAT THE 2029 REPORT SHOULD CONTAIN": a title in capitals
    d = cues.DEONTIC_RE.search(text)
    if d and re.search(r"\b(?:what|how|whether|which|why)\b(?:\s+\S+){0,5}\s*$", text[:d.start()], re.IGNORECASE):
        return True
    if (d and d.group(0).lower().startswith("need") and re.search(r"\b(?:that|which|who)\s+(?:\S+\s+){0,2}$",
                                                                   text[:d.start()])
            # ("The Group agreed that the clean-up needs to be completed …": a that-clause agreed, not a relative one)
            and not re.search(r"\b(?:agree[sd]?|conclude[sd]?|stress(?:es|ed)?|decide[sd]?|recommend(?:s|ed)?|"
                              r"believe[sd]?|felt|feel|emphasi[sz]e[sd]?|insist(?:s|ed)?)\s+that\s+(?:\S+\s+){0,2}$",
                              text[:d.start()])):
        return True  # "… to build the trust that people need to use them": a need described, not asked for
    return bool(re.match(r"(?:What|How|Why|Where|When|Which|Who)\b", text)) and (
        text.endswith("?") or (text[-1:] not in ".;:" and len(text.split()) <= 12))


def _reports_only(text: str, section: str) -> bool:
    """A numbered paragraph of a report's Recommendations section that states findings and asks nothing ("The
    evidence gathered for the present report shows that …"): its main verb is a finite verb in the indicative, and
    it has no modal, no request and no imperative. A contribution's Proposals are all read as proposals."""
    if re.search(r"\bpropos", section, re.IGNORECASE) or re.match(r"(?:to|that)\b", text, re.IGNORECASE):
        return False
    if cues.DEONTIC_RE.search(text) or ASKING_RE.search(text) or cues.IMPERATIVE_RE.match(text):
        return False
    start, end = next(iter(_sentences(text)), (0, len(text)))
    parsed = _parsed(" ".join(text[start:end].split()[:40]))
    root = next((t for t in parsed if t.dep_ == "ROOT"), None)
    if root is None or any(c.tag_ == "MD" for c in root.children):
        return False
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    return root.tag_ in ("VBZ", "VBD", "VBP") or (
        root.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBD", "VBP") for a in auxiliaries))


def _director_cell(cell: str) -> str:
    """"Director, BDT" in a Responsible cell is the Director of BDT."""
    return re.sub(r"^\s*Director,\s+(BDT|TSB|BR)\s*$", r"Director of \1", cell)


# A role after a Lead cell's body: "UNCTAD (Chair)".
ROLE_IN_BRACKETS_RE = re.compile(r"\s*\((?i:chair|co-?chair|lead|coordinator|convener|host)\)")
# A Lead cell that names several bodies as one, by commas and "and" ("ECA, ESCAP and DPIDG"); "with" names partners.
_CELL_NAME = r"[A-Z][\w&.'/-]*(?:\s+[\w&.'/-]+){0,5}"
JOINT_CELL_RE = re.compile(rf"{_CELL_NAME}(?:,\s*{_CELL_NAME})*\s+and\s+{_CELL_NAME}")
# A task list's line: "ACTION - Secretariat: circulate …", "2. Examplia: draft Section 2 …" (who, a colon, the task
# in the base form); the words a colon also follows in such lists name no one.
OWNER_TASK_RE = re.compile(rf"^(?P<action>(?i:{cues.ACTION_PREFIX}))?(?P<who>[A-Z][\w&.'()/-]*(?:\s+(?:and|of|the|"
                           r"[A-Z][\w&.'()/-]*)){0,6}):\s+(?P<rest>[a-z].*)")
# An action's header naming its owner and date, the action on the lines after it: "Action 1 – Owner: ITU Academy – Due:
# 30 June 2027 Circulate to all co-facilitators a template …" (the segmenter took "Action 1 –" for its label).
OWNER_HEADER_RE = re.compile(r"^(?:Owners?|Lead|Led\s+by|Responsible|Responsibility)\s*:\s*(?P<who>[^:\u2013\u2014]{2,80}?)"
                             r"(?:\s+[\u2013\u2014|-]\s+|\s*[;,]\s*)(?:Due|Deadline|By|Date|Timeline|Timing|When)\s*:\s*"
                             r"(?P<due>.{1,40}?(?:\d{4}|[Oo]ngoing|[Cc]ontinuous|TBD))\.?(?:\s+(?P<rest>[A-Z][a-z].*)|\s*$)")
OWNER_STOP_RE = re.compile(r"(?:Note|NB|Lead|Responsible|Owner|Agreed|Decided|Decision|Reasons?|Subject|Deadline|"
                           r"Dates?|Purpose|Summary|Background|Status|Outcome|Result|Comment|Question|Answer|Proposal|"
                           r"Action\s+required|"
                           r"Expected\s+results?|Please)\b", re.IGNORECASE)
# An inspection report's line after each recommendation: "The implementation of this recommendation is expected to
# enhance coordination …" says what it will bring, and asks nothing.
RESULT_EXPECTED_RE = re.compile(r"(?:The\s+)?(?:full\s+)?(?:implementation|adoption|application)\s+of\s+"
                                r"(?:this|these|the(?:\s+above)?)\s+recommendations?\s+(?:is|are|will\s+be)\s+"
                                r"expected\s+to\b", re.IGNORECASE)


# An item of a list run together by ordinal words: "…: first, that …; second, that …; and third, that …".
ORDINAL_ITEM_RE = re.compile(r"(?:(?<=:)|(?<=;)(?:\s+and)?)\s*(?:first|second|third|fourth|fifth|sixth|finally|lastly)(?:ly)?,\s+"
                             r"(?=that\s)", re.IGNORECASE)
# A milestone dated by its deadline, in the present perfect: "By June 2027, UNESCO has published …".
DATED_MILESTONE_RE = re.compile(rf"(?:By|Before|From)\s+(?:the\s+end\s+of\s+|end\s+|mid-)?(?:\d{{1,2}}\s+)?(?:{cues.MONTHS}\s+)?\d{{4}}\b")
# A request to answer the questions listed below it: "… the secretariat kindly requests member States to reply to the
# following questions:". Each question is asked of them.
QUESTIONS_LEAD_RE = re.compile(r"\b(?P<verb>requests?|invites?|asks?|encourages?|urges?)\s+(?P<who>[^,.;:]{2,60}?)\s+to\s+"
                               r"(?:kindly\s+)?(?:reply|respond|answer|provide\s+(?:replies|answers|responses))\s+(?:to\s+)?"
                               r"the\s+following\s+(?:[a-z]+\s+)?questions\s*:?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Named:
    """A body's name found in a text by its offsets, as a matcher's span gives them."""

    start_char: int
    end_char: int
    text: str


def _whole_names_re(kb) -> re.Pattern:
    """Any alias of a body the knowledge base knows only by a whole name, longest first (built once per knowledge
    base)."""
    return _whole_names_of(tuple(sorted({a for actor in kb.actors if actor.whole_name for a in actor.aliases},
                                        key=lambda a: (-len(a), a))))


@lru_cache(maxsize=8)
def _whole_names_of(aliases: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases) + r")\b", re.IGNORECASE)


class OutsideHandlers:
    """The walk's handlers of segments outside any resolution (mixed into `Walk`)."""

    def outside_resolutions(self, seg: Segment) -> None:
        """Proposals, targets, invitations and deontic sentences; items whose chapeau is missing. The first rule that
        reads the segment wins; what none reads is read sentence by sentence."""
        if self._questions(seg) or self._ordinal_items(seg):
            return
        if (self._activity_lead_below(seg) or self._lead_in_line(seg) or self._proposal(seg) or self._target(seg)
                or self._orphan_item(seg)
                or self.section.lower() == "purpose"  # a contribution's purpose paragraph describes the document
                or self._action_point(seg) or self._plan_item(seg) or self._milestone(seg) or self._dated_step(seg)):
            return
        self.sentences(seg)

    def _activity_lead_below(self, seg: Segment) -> bool:
        """"Activity 1.2  Assess the vulnerability of …" with its lead on the next line ("Lead: BDT  Partners: …
        Deadline: Q2 2029"): a plan's activity, labelled by its number, its actor the lead."""
        activity = ACTIVITY_RE.match(seg.block.text)
        below = self.next_seg
        lead = LEAD_BELOW_RE.match(below.block.text) if below is not None and below.block is not seg.block else None
        if activity is None or lead is None or seg.start > activity.start("rest"):
            return False
        who = lead.group("who").strip(" .;,")
        found = self.cell_owner(who)
        start = max(seg.start, activity.start("rest"))
        self.add(seg, start, seg.end, kind=RequirementKind.INSTRUCTION, actor=found[0] if found else None,
                 printed=found[1] if found else None, label=activity.group("n"),
                 clause_path=(self.doc_name, self.section or "plan", activity.group("n")), statement=seg.text)
        return True

    def _ordinal_items(self, seg: Segment) -> bool:
        """"… we propose three concrete steps …: first, that the secretariat circulate …; second, that the Commission
        hold …; and third, that …": a list run together by ordinal words, each item a proposal (or request) of its
        own, its actor the subject of its "that" clause; the lead-in only leads in."""
        text = seg.text
        marks = list(ORDINAL_ITEM_RE.finditer(text))
        if len(marks) < 2 or not (lead := ASKING_RE.search(text, 0, marks[0].start())):
            return False
        verb = lead.group(0).lower()
        kind = (RequirementKind.PROPOSAL if re.match(r"propos|suggest", verb)
                else RequirementKind.INVITATION if re.match(r"invit|encourag|may wish", verb)
                else RequirementKind.INSTRUCTION)
        self.lead_ins.append((seg.block.start + seg.start, seg.block.start + seg.start + marks[0].start()))
        for i, mark in enumerate(marks):
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            item = text[mark.end():stop].rstrip(" ;,.")
            actor, printed = self.that_subject(item)
            self.add(seg, seg.start + mark.end(), seg.start + mark.end() + len(item), kind=kind, actor=actor,
                     printed=printed, label=seg.label, clause_path=(self.doc_name, self.section or "body", str(i + 1)),
                     statement=item)
        return True

    def _questions(self, seg: Segment) -> bool:
        """"… requests member States to reply to the following questions:" and the numbered questions below it: the
        request, and each question, asked of those it names."""
        text = seg.text
        if seg.kind != "item":
            self.questions_for = None
        lead = QUESTIONS_LEAD_RE.search(text) if seg.block.text.rstrip().endswith(":") else None
        if lead is not None and (found := self.found(lead.group("who")) or self.head_actor(lead.group("who"))):
            s0 = next((a for a, b in _sentences(text) if a <= lead.start() < b), 0)
            self.add(seg, seg.start + s0, seg.end, kind=cues.OPERATIVE_KIND[_verb_key(lead.group("verb"))],
                     actor=found[0], printed=found[1], label=seg.label,
                     clause_path=(self.doc_name, self.section or "body", seg.label or ""), statement=text[s0:])
            self.questions_for = found
            return True
        if self.questions_for is not None and seg.kind == "item" and (
                text.rstrip().endswith("?") or re.match(r"(?:Please|Kindly)\s", text)):
            actor, printed = self.questions_for
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=None,
                     label=seg.label, clause_path=(self.doc_name, self.section or "body", seg.label or ""),
                     statement=text, extra={"asked": True})  # (a question the text asks someone to answer)
            return True
        return False

    def _lead_in_line(self, seg: Segment) -> bool:
        """A line that opens what follows: the scope of the targets below, or "APATF proposes that:"."""
        text, section = seg.text, self.section
        lead_in = seg.kind == "para" or (seg.block.text.rstrip().endswith(":") and re.search(
            r"\bthe following (?:[a-z]+ )?targets\b", text))  # "4. …, the following regional targets are set …:"
        # ("Governments should report each year on progress towards these targets": a request of its own, no lead-in)
        if (lead_in and cues.TARGETS_HEADING_RE.search(section) and cues.TARGETS_HEADING_RE.search(text)
                and not (OWN_REQUEST_RE.match(text) and not re.search(r"\bfollowing\b", text))
                # ("The Commission's yearly report should show progress on each target …" asks for itself)
                and not (cues.DEONTIC_RE.search(text) and not seg.block.text.rstrip().endswith(":")
                         and not re.search(r"\bfollowing\b", text))):
            self.target_scope = text  # "Part B  The 2025 advocacy targets of the Broadband Commission …"
            return True
        if re.search(r"\bpropose[sd]?(?:\s+that|\s+the\s+following)?\s*:?\s*$", text, re.IGNORECASE) and (
                seg.block.text.rstrip().endswith(":") or re.search(r"\bthat\s*:?\s*$", text)):
            # "APATF proposes that:", "The Republic of Tolvana proposes:": the lead-in of the proposals below
            self.proposals_that = True
            return True
        if seg.block.text.rstrip().endswith(":") and re.search(
                r"\bpropose[sd]?\s+that\b[^.;]{0,150}\bthe\s+following(?:\s+[a-z]+)?\s*:?\s*$", text, re.IGNORECASE):
            return True  # "X proposes that the Group recommend to the Council the following:": the proposals follow
        return False

    def _proposal(self, seg: Segment) -> bool:
        """A proposal: listed under a Proposals heading, or "… proposes that …" anywhere."""
        text, section = seg.text, self.section
        listed = seg.kind == "item" or seg.block.kind is BlockKind.LIST_ITEM
        coded = (seg.label is None and THAT_PROPOSAL_RE.match(text) and self.prev is not None
                 and (PROPOSAL_CODE_RE.fullmatch(self.prev.text.strip())
                      or PROPOSAL_TITLE_RE.fullmatch(self.prev.block.text.strip())))
        if coded:  # "CAT/71A3/2⇥ADD" or "Proposal 3 (ADD instructs …)" on its own line, then "That the Secretary-General
            # be instructed …": the proposal's code or number
            self.last_number = coded.group("code")
        if ((cues.PROPOSALS_HEADING_RE.search(section) or coded or (PROPOSAL_CODE_RE.fullmatch(section) and listed))
                and (listed or cues.PROPOSES_RE.search(text) or THAT_PROPOSAL_RE.match(text))
                and not (listed and _reports_only(text, section)) and not NO_PROPOSAL_RE.match(text)
                and not (seg.block.text.rstrip().endswith(":") and re.search(r"\bthe\s+following\s+(?:[a-z]+\s+)?"
                                                                      r"(?:proposals|recommendations)\b", text))):
            # (not "3.1 Kenya and Rwanda submit the following proposals …:", the lead-in of the table below, nor "3.3
            # We stand ready to work with …", a courtesy)
            # Numbered or bulleted, or "The Administration proposes that …" under a Proposals heading.
            actor, printed = self.proposal_actor(text)
            parent = self.proposal_parent
            if _is_letter(seg.label) and parent and (actor is None
                                                     or not re.match(r"that\b", text, re.IGNORECASE)):
                # "5 - the Task Force take the following steps: a) complete …"; "3.7 That the annual report … include
                # a short annex giving: a) the number of …" (the item ends its parent's sentence, its subject no actor)
                actor, printed = parent
            elif not _is_letter(seg.label):
                self.proposal_parent = (actor, printed) if text.rstrip().endswith(":") or seg.end < len(
                    seg.block.text.rstrip()) else None
            label = seg.label or (coded.group("code") if coded else None)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=actor, printed=printed,
                     label=label, clause_path=(self.doc_name, section, label or ""),
                     statement=f"Proposal {label or ''} ({self.doc_name}): {text}".replace("  ", " "))
            return True
        if EDIT_RE.match(text) and (PARA_COMMENT_RE.match(seg.block.text) or EDIT_OBJECT_RE.search(text)):
            # "Para. 7: insert after "affordable connectivity" the words …", "Delete paragraph 21, which repeats …": an
            # edit a delegation asks of the text's drafters
            actor, printed = self.drafted("")
            self.add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                     statement=f"Proposal ({self.doc_name}): {text}")
            return True
        if cues.PROPOSES_RE.search(text) and not seg.kind == "heading":
            # "The Administration proposes that the secretariat …" anywhere else in a contribution.
            actor, printed = self.proposal_actor(text)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.PROPOSAL, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                     statement=f"Proposal ({self.doc_name}): {text}")
            return True
        return False

    def _target(self, seg: Segment) -> bool:
        """An item under a Targets heading."""
        section = self.section
        named = re.match(r"Targets?\s+\d", seg.block.text)  # "Target 1.1 - By 2030, …" under "Goal 1 - …"
        # "1.1 Sixty Member States have been assisted …" under "Goal 1 – Connectivity", in an annex of targets
        goal = re.match(r"Goal\s+\d{1,2}\b", section) and re.search(r"\btargets\b", self.text[:seg.block.start], re.I)
        if not (seg.kind == "item" and (cues.TARGETS_HEADING_RE.search(section) or named or goal)):
            return False
        if re.match(r"The\s+(?:objectives?|aims?|purposes?)\s+of\b|(?:The|These)\s+(?:targets|goals|indicators)\b",
                    seg.text):
            # "3. The objectives of the Plan are to close the gaps …": what the plan is for; "2.1 The targets in the
            # Annex keep the structure …": what the targets are like
            return False
        if re.match(r"Goal\s+\d{1,2}\b", seg.block.text):
            return False  # "Goal 1 - Universal connectivity: enable and foster …": the goal its targets serve
        if len(_sentences(seg.text)) > 2 or re.match(r"[A-Z][\w ,\-]{0,60}\(targets?\s+[a-z0-9]", seg.text):
            return False  # "2.1 Communities (target a). Mobile broadband signals now reach …": a finding on a target
        # Targets belong to whoever commits to them ("The members of the Alliance commit to reaching the following
        # targets …"), or to whoever set them when the heading names it ("… of the Broadband Commission").
        scope = self.target_scope or ""
        # A target that names who commits to it ("By 2030, Member States commit to …", "BDT commits to …") is theirs,
        # whoever adopted the list.
        own = COMMITS_RE.match(re.sub(r"^(?:By|From|Before|In|Until)\s+[^,]{2,30},\s*", "", seg.text))
        # ("… sets the following targets for Goal 2, which the Union undertakes to pursue …": the Union's)
        committed = (own or UNDERTAKES_RE.search(scope) or ADOPTER_RE.search(scope) or COMMITS_RE.match(scope)
                     or ADOPTED_BY_RE.search(scope))
        who = committed and (self.found(committed.group("who")) or (printed_name(committed.group("who")), None))
        if not who and EXPECTED_RESULTS_RE.search(f"{scope} {section}") and (
                by := search_once(IMPLEMENTED_BY_RE, self.text)):
            # a regional initiative's Expected results: who the text says carries it out
            who = self.found(by.group("who"))
        # (a body the scope names only to spare it, "… create no obligation for any individual Member State", does not
        # own the targets)
        owning = re.split(r"\b(?:no\s+obligations?|not\s+binding|without\s+prejudice)\b", self.target_scope or section)[0]
        actor = who[0] if who and who[0] else target_actor(owning, self.kb, default="")
        printed = None
        if (cell := self.cell_leads.get(id(seg))) and (owner := self.cell_owner(cell)):
            actor, printed = owner  # "T1 / At least 80 per cent of … / Member States": its row's Lead cell
        elif not actor and self.lead_column and (cell := self._lead_cell(seg.text)):
            actor, printed = cell  # "T.2 Five more countries adopt … BDT" under "No. Target … Lead": its Lead cell
        if not actor:
            # No one commits and the heading names no one: a target whose subject is a body ("Every Member State
            # reports …", "At least 80 per cent of Member States publish …") is that body's; the WSIS targets are
            # everyone's (the annotation rule); any other target's owner the text does not say: unknown, not a guess
            # (on the development excerpts "All stakeholders" as a guess was wrong 7 times for each time it was right).
            subject = TARGET_SUBJECT_RE.match(seg.text)
            found = subject and self.found(subject.group("who"))
            everyone = WSIS_TARGETS_RE.search(f"{self.target_scope or ''} {section}")
            actor, printed = ((found[0], subject.group(0).strip()) if found
                              else ("All stakeholders", None) if everyone else (None, None))
            before = self.text[:seg.block.start]
            if not actor and UNION_PLAN_RE.search(before) and not SHARED_TARGETS_RE.search(before):
                # the Union's strategic plan sets its own targets (its goals, then their targets), unless the text
                # says they are global ones ("The Union cannot reach them alone")
                actor = "ITU"
        self.add(seg, seg.start, seg.end, kind=RequirementKind.TARGET, actor=actor, printed=printed, label=seg.label,
                 clause_path=(self.doc_name, section, seg.label or ""),
                 statement=f"{section}, target {seg.label}: {seg.text}")
        return True

    def _orphan_item(self, seg: Segment) -> bool:
        """"7 to prepare …" at the top of an excerpt: its chapeau was on a page the text does not have."""
        if not (seg.kind == "item" and re.match(r"(?:[Tt]o|that)\s", seg.text)  # "4. To help member States …"
                and (not _is_letter(seg.label) or not self.out)):
            return False
        if self.lead_column and self.in_rows:
            return False  # "AP-47/1 To circulate the revised draft … Secretariat 15 January 2028": a row, its Lead cell
        self.ctx = _Context(mode="operative", verb=None, actor=None, source=self.doc_name)
        self.operative_item(seg, self.ctx)
        return True

    def _action_point(self, seg: Segment) -> bool:
        """"Action: secretariat to send a reminder …" (a meeting report's action point), "A1 – Study group chairs:
        send TSB the list …" under "Action items"."""
        text = seg.text
        if (cues.ACTION_POINTS_HEADING_RE.match(self.section) and seg.kind == "para"
                and (done := self._owned_action(seg)) is not None):
            return done
        coded = CODED_ACTION_RE.match(text) if cues.ACTION_POINTS_HEADING_RE.match(self.section) else None
        if coded:
            who = (coded.group("who") or coded.group("who2") or coded.group("who3") or coded.group("who4")
                   or coded.group("who5") or coded.group("who6"))
            code = (coded.group("code") or coded.group("code2") or coded.group("code3") or coded.group("code4")
                    or coded.group("code5") or coded.group("code6"))
            actor, printed = ((re.fullmatch(r"(?:Vice-)?Chair(?:man|person)?", who) and self.officer_in_full(who))
                              or self.body_named(who) or self.head_actor(who) or (printed_name(who), who))
            # ("AP1 (Secretariat, by 15 December 2027): revise …": the action starts after its owner and date)
            start = coded.end() if coded.group("code3") or coded.group("code4") else text.index(who)
            self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor,
                     printed=printed, label=code, clause_path=(self.doc_name, self.section, code), statement=text)
            return True
        if (owned := ACTION_OWNED_RE.match(text)) is not None:
            # "ACTION 7/1 (Director, BR; by 30 June 2028): to circulate …": its number, its owner and its date
            who = owned.group("who")
            found = self.found(who) or self.body_named(who) or self.head_actor(who)
            self.add(seg, seg.start + owned.end(), seg.end, kind=RequirementKind.INSTRUCTION,
                     actor=found[0] if found else None, printed=found[1] if found else None, label=owned.group("n"),
                     clause_path=(self.doc_name, self.section or "body", owned.group("n")), statement=text)
            return True
        action = cues.ACTION_LINE_RE.match(text)
        if (not action and seg.kind == "item" and cues.ACTION_PREFIX_RE.match(seg.block.text)
                and (owned := OWNER_TO_RE.match(text)) is not None):
            # an action item that names its owner, then what to do: "Action 2: the Director of BDT to provide …",
            # "Action 1 – The Broadband Commission to devote …" (the segmenter took "Action 2:" for its label)
            who = owned.group("who")
            found = self.found(who) or self.body_named(who) or self.head_actor(who)
            if found is None:
                return False  # ("the right of each country to choose …": no body, no action)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=found[0], printed=found[1],
                     label=seg.label, clause_path=(self.doc_name, self.section or "body", seg.label or ""),
                     statement=text)
            return True
        if not action and (bare := cues.ACTION_PREFIX_RE.match(text)) is not None and cues.IMPERATIVE_RE.match(
                text[bare.end():bare.end() + 1].upper() + text[bare.end() + 1:]) and text[bare.end():][:1].islower():
            # "Action: update the WSIS-SDG Matrix …": what to do, not who (the actor is unknown, and the extraction
            # warns)
            self.add(seg, seg.start + bare.end(), seg.end, kind=RequirementKind.INSTRUCTION, actor=None, printed=None,
                     label=bare.group("n") or seg.label, clause_path=(self.doc_name, self.section or "body"),
                     statement=text)
            return True
        owner, self.header_owner = self.header_owner, None
        if (owner is not None and owner[2] is self.prev and seg.kind == "para"
                and _imperative(text, action_row=True)):
            # the action on the line below its header ("Action 1 – Owner: ITU Academy – Due: 30 June 2027")
            (actor, printed), label, _ = owner
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                     label=label, clause_path=(self.doc_name, self.section or "body", label or ""), statement=text)
            return True
        if (header := OWNER_HEADER_RE.match(text)) is not None and (
                header.group("rest") is None or _imperative(header.group("rest"), action_row=True)):
            # "Owner: UNDP – Due: 31 October 2027 Map the national digital skills strategies …": who, when, what
            actor, printed = self.owner_named(header.group("who")) or (
                (name, header.group("who")) if (name := printed_name(header.group("who"))) else (None, None))
            if header.group("rest") is None:
                self.header_owner = ((actor, printed), seg.label, seg)  # the action is on the line below
                return True
            self.add(seg, seg.start + header.start("rest"), seg.end, kind=RequirementKind.INSTRUCTION, actor=actor,
                     printed=printed, label=seg.label, clause_path=(self.doc_name, self.section or "body",
                                                                    seg.label or ""), statement=text)
            return True
        if not action and (task := OWNER_TASK_RE.match(text)) is not None and (
                task.group("action") or (seg.kind == "item" and seg.label)) and _imperative(
                task.group("rest")[:1].upper() + task.group("rest")[1:], action_row=True):
            # "ACTION - Secretariat: circulate the figures …", "2. Examplia: draft Section 2 …" in a task list: who,
            # a colon, what to do
            who = task.group("who")
            found = self.found(who) or self.body_named(who) or self.head_actor(who)
            if found is None and (OWNER_STOP_RE.match(who) or not task.group("action")
                                  and not all(w[:1].isupper() or w in ("and", "of", "the") for w in who.split())):
                return False
            actor, printed = found or (printed_name(who), who)
            self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                     label=seg.label, clause_path=(self.doc_name, self.section or "body", seg.label or ""),
                     statement=text)
            return True
        if not action:
            return False
        who = action.group("who")
        actor, printed = self.found(who) or self.head_actor(who) or (printed_name(who), who)
        start = text.index(who)
        # ("Action 47-1: The secretariat to …": the action's number is its label)
        self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                 label=action.group("n") or seg.label, clause_path=(self.doc_name, self.section or "body"),
                 statement=text)
        return True

    def _plan_item(self, seg: Segment) -> bool:
        """An item of a plan of action that asks someone to act: in the imperative, or naming who acts."""
        text, section = seg.text, self.section
        bullet = seg.block.kind is BlockKind.LIST_ITEM and cues.ACTION_POINTS_HEADING_RE.match(section)
        # ("| 3 | Draft a concept note … | Main session co-facilitators | 9 June |": a numbered row's action cell, in a
        # table whose header names a Responsible column, which says who acts)
        where = seg.block.table
        table_action = bool(where and seg.label and where[1] > 0 and where[0] in self.who_columns
                            and ACTION_COLUMN_RE.fullmatch(self.table_cells.get((where[0], 0, where[2]), ""))
                            and len(text.split()) >= 3
                            and self.table_cells.get((where[0], where[1], self.who_columns[where[0]])))
        if seg.kind != "item" and not bullet and not table_action:
            # "• Regulators to review …" under "Key action points" is one too
            return False
        if DECLARING_RE.match(text):
            return False  # "1. Reaffirm our commitment …" under "We, the participants …": what they declare
        # A meeting's numbered action item ("47/6 Link Stocktaking entries to …") is an action whatever its first
        # word: its row stands under an Action column. An item that names its lead is a plan's action too, so its
        # first word is read as the verb it is ("Advance ITU-T work on … Lead: TSB").
        meeting_row = bool(seg.label and MEETING_CODE_RE.fullmatch(seg.label)
                           and not re.match(r"\s*Decision\b", seg.block.text))  # ("Decision 21/3: The draft shall …")
        # ("A34-1 [BDT] Revise the format of …": its owner in brackets before the action)
        first = LEADING_OWNER_RE.match(text)
        start = first.end() if first else 0
        owned = bool(LEAD_NOTE_RE.search(text) or BRACKET_OWNER_RE.search(text) or first)
        if (meeting_row or cues.IMPERATIVE_RE.match(text[start:])
                or _imperative(text[start:], action_row=self.lead_column or owned or table_action)):
            # "c) Encourage the development of …" in a plan of action: everyone its section names is asked, unless
            # the plan is a table whose Lead column names who acts.
            lead = LEAD_NOTE_RE.search(text)  # "(Action Line C2; lead: BDT; by end 2030)"
            owner = first or BRACKET_OWNER_RE.search(text)  # "… [BDT, with the Partnership …] - by June 2027"
            # its row's Lead cell: the table exported one cell per line, or its cells kept apart
            cell = (self.table_cells[(where[0], where[1], self.who_columns[where[0]])] if table_action
                    else self.cell_leads.get(id(seg)))
            actor, printed = ((cell and self.cell_owner(cell))
                              or (lead and self.owner_named(lead.group("who")))
                              or (owner and self.owner_named(owner.group("who")))
                              or (self.lead_column and self._lead_cell(text))
                              or self.found(section) or self.plan_lead() or (None, None))  # else unknown, not a guess
        else:
            # "b) ITU, in cooperation with UNDESA and the regional commissions, to prepare …"; under "Action points"
            # the commas may be missing and the body need not be one the knowledge base lists ("Participants to …").
            # ("AI-2 each facilitator to confirm …": an action item by its code, whatever the heading)
            actions = bool(cues.ACTION_POINTS_HEADING_RE.match(section) or re.fullmatch(r"(?:AI|AP)-\d{1,2}", seg.label or ""))
            # under "Action points" the body may open in lower case: "(iii) participating Governments to send …"
            lead = LEAD_TO_RE.match(text) or (
                (ACTION_TO_RE.match(text) or OWNER_COLON_RE.match(text)) if actions else None)
            found = None
            agent = AGENT_RE.search(text) if actions else None  # "…, led by ITU", "to be convened by ITU and ESCWA"
            by = agent and (agent.group("agent") or agent.group("named"))
            # (a body the knowledge base does not list goes by its printed name: "hosted by ESCWA")
            agent = by and (((named := self.found(by)) and named[0] and (named[0], by))
                            or ((name, by) if (name := printed_name(by)) else None))
            if lead and (lead.groupdict().get("aside") is not None or actions):
                who = lead.group("who")
                found = self.body_named(who) or (actions and (self.head_actor(who) or agent or (
                    (name, who) if (name := printed_name(who)) else None)))
            elif agent:
                # "(b) launch in 2028 of a joint cyberdrill …, led by ITU": an action point named by its thing
                found = agent
            if not found:
                return False
            actor, printed = found
        self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                 label=seg.label, clause_path=(self.doc_name, section or "body", seg.label or ""),
                 statement=f"{section}: {text}" if section else text)
        return True

    def _owned_action(self, seg: Segment) -> bool | None:
        """Under "Action points", what to do first, then who and when: "AP 4.1 Circulate the revised questionnaire to
        all members. Owner: Secretariat. Due: April 2028.", or the same with no code. None where the line is not
        one."""
        text = seg.text
        code = OWNED_ACTION_CODE_RE.match(text)
        start = code.end() if code else 0
        lead = LEAD_NOTE_RE.search(text, start)
        if lead is None or not _imperative(text[start:lead.start()].strip(), action_row=True):
            return None
        who = lead.group("who")
        actor, printed = self.owner_named(who) or ((name, who) if (name := printed_name(who)) else (None, None))
        label = re.sub(r"\s+", " ", code.group("code")) if code else None
        self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                 label=label, clause_path=(self.doc_name, self.section, label or ""), statement=text)
        return True

    def plan_lead(self) -> tuple[str, str] | None:
        """Who the text says leads or carries out a plan's actions: "The outputs below are led by BDT unless another
        lead is named" (their Director)."""
        by = search_once(PLAN_LEAD_RE, self.text)
        return self.owner_named(by.group("who")) if by else None

    def owner_named(self, who: str) -> tuple[str, str] | None:
        """The body an owner's slot names ("BDT", "General Secretariat", "BR, with TSB"): by the knowledge base, or a
        Bureau's capitalised initials, which only an owner's slot can be trusted to mean."""
        # "[Secretariat - 15 November 2028]", "[Owner: Member States | Deadline: 30 April 2028]"
        who = re.split(r"\s+[-\u2013\u2014]\s+|;|\s*\|\s*", who.strip(), maxsplit=1)[0]
        first = re.split(r",|\s+with\s+|\s+in\s+(?:cooperation|consultation|collaboration)\b", who, maxsplit=1)[0]
        initials = re.sub(r"\s*\([^()]*\)$", "", first.strip())  # ("GS (WSIS&SDG Task Force)": the General Secretariat)
        if initials in BUREAU_INITIALS:
            return BUREAU_INITIALS[initials], first.strip()
        if re.fullmatch(r"GS[-/][A-Z]{2,6}", first.strip()):
            return SECRETARIAT, first.strip()  # "GS-SPM": a department of the General Secretariat
        if (unit := re.fullmatch(r"(BDT|TSB|BR)/[A-Z]{2,6}", first.strip())) is not None:
            return BUREAU_INITIALS[f"ITU-{unit.group(1)}"], first.strip()  # "BDT/DKH": a department of the Bureau
        if re.fullmatch(r"(?:(?:Lead|Owner|Responsible)\s*:\s*)?(?:[A-Z][\w\-]*\s+){1,4}(?:Department|Division|Service|Unit),"
                        r"\s+General\s+Secretariat", who.strip()):
            return SECRETARIAT, who.strip()  # "Information Services Department, General Secretariat"
        return self.joint(who) or self.head_actor(who) or self.found(who) or self.found(first)  # ("UNESCO and ITU")

    def cell_owner(self, cell: str) -> tuple[str, str] | None:
        """Who a Lead cell names ("BR, with BDT", "Regional offices"): a body known by name or initials, else the
        cell's own words, since the cell holds nothing but who acts."""
        # ("UNCTAD (Chair)": the role in brackets is no part of the name)
        cell = ROLE_IN_BRACKETS_RE.sub("", _director_cell(cell))
        if (unit := BUREAU_UNIT_CELL_RE.fullmatch(cell.strip())) is not None:
            return BUREAU_INITIALS[f"ITU-{unit.group(1)}"], cell.strip()  # "BDT Cybersecurity Division": the Bureau's
        if (bureaux := THREE_BUREAUX_RE.fullmatch(cell.strip())) and len({bureaux.group(i) for i in (1, 2, 3)}) == 3:
            return "Directors of the Bureaux", cell.strip()  # "BR, TSB and BDT Directors"
        if not SG_CHAIR_RE.search(cell):
            cell = re.sub(r"\bSG\b", "Secretary-General", cell)  # "SG and Directors of the Bureaux" (not "SG chairs")
        # ("CWG Chair, with the Vice-Chairs": the partners after the comma are no part of who leads)
        if (officer := CELL_OFFICER_OF_RE.fullmatch(re.split(r",|\s+with\s+", cell.strip(), maxsplit=1)[0])) is not None:
            body = self.found(officer.group("body")) or self.spelled_out(officer.group("body"))
            if body and body[0] == officer.group("body"):
                return officer.group(0), cell.strip()  # "UNGIS Chair": the knowledge base's body by that name
            if body and body[0]:
                return f"{officer.group('title')} of the {body[0]}", cell.strip()  # "CWG Chair": the Working Group's
        code = re.sub(r"\s*\([A-Z]{2,6}\)\s*$", "", cell.strip())  # ("DDD (OES)": the lead, its partner in brackets)
        if UNKNOWN_CODE_CELL_RE.fullmatch(code) and not self.found(code) and not re.match(r"GS[-/]|ITU-", code):
            # "SG17", "WP2/5 Chair", "RO-ASP": a code, by the name the text spells it out with, else left for the reader
            return self.acronym_in_full(code)
        if JOINT_CELL_RE.fullmatch(cell.strip()):
            return cell.strip(), cell  # "ITU and UNCTAD", "ECA, ESCAP and DPIDG": all of them lead, not the first alone
        if code != cell.strip() and re.fullmatch(r"[A-Z]{2,6}", code) and not self.found(code):
            cell = code  # "DDD (OES)": the lead, read as its own cell is
        return self.owner_named(cell) or ((name, cell) if (name := printed_name(cell)) else None)

    def _first_body(self, cells: str) -> tuple[str, str] | None:
        """The body that opens cells run together ("UNODC ITU", "Member States ITU, regional development banks"):
        one the knowledge base knows, or a capitalised name up to the next it knows."""
        spans = list(_tokens(cells).spans["actors"])
        if spans and spans[0].start_char == 0:
            return self.found(spans[0].text)
        name = re.match(r"[A-Z][\w&\-]*(?:\s+(?:of|on|for|the|and|[A-Z][\w&\-]*))*", cells[:spans[0].start_char].rstrip()
                        if spans else cells)
        name = name and re.sub(r"(?:\s+(?:of|on|for|the|and))+$", "", name.group())
        return (name, name) if name and len(name.split()) <= 8 else None

    def _lead_cell(self, text: str) -> tuple[str, str] | None:
        """The Lead cell of a table row whose cells reach us run together ("A.3 Report to ITU each year the
        quantities … Member States Yearly Number of countries reporting"): the first body named after the action's
        opening words, by its name (capitalised), that no preposition or article introduces, with the bodies joined
        to it ("BR, TSB, BDT")."""
        if " | " in text:  # "Publish the toolkit … | BDT | Q2 2028 | …": the cells are marked: the first
            # cell after the action that names a body
            return next((found for cell in text.split(" | ")[1:] if (found := self.owner_named(_director_cell(cell)))),
                        None)
        dates = list(DATE_CELL_RE.finditer(text)) if self.lead_after_date else []
        if dates and (lead := self._first_body(text[dates[-1].end():])):
            return lead  # "… in cybercrime cases Dec 2027 UNODC ITU": the Lead cell right after the deadline's
        directors = DIRECTORS_CELL_RE.search(text)
        if directors and re.search(r"\bthe\s+$", text[:directors.start()], re.IGNORECASE):
            directors = None  # "Report to the Directors BR/TSB/BDT …": running text takes the article, a cell not
        spans = self._cell_bodies(text)
        for i, span in enumerate(spans):
            if directors and directors.start() <= span.start_char < directors.end():
                return "Directors of the Bureaux", directors.group(0)  # "Directors BR/TSB/BDT", not TSB alone
            before = text[:span.start_char].split()
            if (len(before) < 3 or before[-1].lower().strip("(") in LEAD_BLOCKERS or before[-1].endswith(("'s", "’s"))
                    # "Assist at least 15 Member States in preparing …": the action goes on after the body; a cell
                    # ends at the next cell ("… Secretariat Council 2029", "… BDT December 2029")
                    or ((after := re.match(r"\s+(?!(?:and|with)\b)([a-z]+)", text[span.end_char:]))
                        and after.group(1).rstrip("s") not in BODY_WORDS)  # "ESCAP secretariat Other …" is a cell
                    or not span.text[:1].isupper()
                    or text[span.end_char:span.end_char + 2] in ("-T", "-D", "-R", "-B")):
                # "… on Internet use to ITU Member States Yearly …": the action ends at "to ITU", the cell is the rest
                rest = span.text[4:] if span.text.startswith("ITU ") and before[-1:] == ["to"] else ""
                if rest and (found := self.found(rest)):
                    return found
                continue  # "from developing countries", "presenting ITU-T work": inside the action; a cell names a body
            if span.text == "SG" and (chairs := SG_CHAIR_RE.match(text, span.start_char)) and chairs.group("plural"):
                return "study group chairs", chairs.group(0)  # "SG chairs"
            end = span.end_char
            for nxt in spans[i + 1:]:
                if not re.fullmatch(r"\s*(?:,|and|&|, with|with)\s*", text[end:nxt.start_char]):
                    break
                end = nxt.end_char
            named = " ".join(text[span.start_char:end].split())
            if isinstance(span, _Named) and end == span.end_char:
                named = span.text  # ("WHO": the World Health Organization)
            if isinstance(span, _Named) and after and after.group(1) in ("secretariat", "secretariats"):
                named = f"{named} {after.group(1)}"  # "ESCAP secretariat": the cell names the body's secretariat
            elif end == span.end_char and (officer := CELL_OFFICER_RE.match(text, end)) is not None:
                # "… to the focal points UNGIS Chair All members December …": the body's officer, not the body
                return f"{named} {officer.group('title')}", f"{named} {officer.group('title')}"
            # (a body known only by its whole name goes by it: the record takes its canonical name)
            return self.found(named) or ((named, named) if isinstance(span, _Named) else None)
        # a body the knowledge base does not list, named in full just before the time frame ("… recommend changes
        # to it Telecommunication Development Advisory Group 2028 and 2029")
        cell = NAMED_CELL_RE.search(text)
        if cell and cell.group("name").split()[-1].lower().rstrip("s") in BODY_WORDS:
            return cell.group("name"), cell.group("name")
        if (officer := OFFICER_CELL_RE.search(text)) is not None:
            # ("CWG Chair, with the Vice-Chairs February 2028": the chair of the body the cell names by its initials)
            body = self.found(officer.group("body")) or self.spelled_out(officer.group("body")) if officer.group(
                "body") else None
            if body and body[0]:
                return f"{officer.group('title')} of the {body[0]}", officer.group(0).strip()
            return self.officer_in_full(officer.group("title"))
        return None

    def _cell_bodies(self, text: str) -> list:
        """The bodies a row's cells run together name, in order: those the actor matcher marks, and those the knowledge
        base knows only by a whole name ("FAO ITU Dec 2027": FAO leads, ITU is a partner), which the matcher leaves
        out so that running text never narrows to them; an acronym counts only in capitals."""
        # (not a regional Forum named after the global one: "back-to-back with the Arab IGF")
        spans = [s for s in _tokens(text).spans["actors"] if not (
            s.label_ == "Internet Governance Forum" and re.search(r"\b(?!The\b)[A-Z][a-z]+\s+$", text[:s.start_char]))]
        taken = [(s.start_char, s.end_char) for s in spans]
        # (WHO, the World Health Organization, whose initials are a word in lower case, only in capitals)
        found = [(m, m.group(0)) for m in _whole_names_re(self.kb).finditer(text)
                 if m.group(0).isupper() or " " in m.group(0)]
        found += [(m, "World Health Organization") for m in re.finditer(r"\bWHO\b", text)]
        for m, name in sorted(found, key=lambda f: f[0].start()):
            # a cell names it alone: not "(UNDP)", a partner in brackets, nor "with UNESCO, UNCTAD and UNDP" inside the
            # action, nor "a joint WHO-ITU survey"
            before = text[:m.start()].rstrip()
            if (re.search(r"[(,/\-]$|\b(?:and|with|by|to|of|from|the|including|among|between|or)$", before,
                          re.IGNORECASE)
                    or re.match(r"\s*[),/\-]|\s+(?:and|with)\b", text[m.end():])
                    or any(a < m.end() and m.start() < b for a, b in taken)):
                continue
            spans.append(_Named(m.start(), m.end(), name))
            taken.append((m.start(), m.end()))
        return sorted(spans, key=lambda s: s.start_char)

    def spelled_out(self, initials: str) -> tuple[str, str] | None:
        """A body a cell names by initials the text never defines ("CWG"): the body whose name the text spells out
        with those initials ("Council Working Group on WSIS and the SDGs"), if the knowledge base knows it."""
        words = r"\s+".join(f"{c}[a-z]+" for c in initials if c.isalpha())
        spelled = re.search(rf"\b{words}(?:[ \t]+(?:on|of|for)[ \t]+[A-Z][^,.;:\n]{{0,40}})?", self.text) if words else None
        return self.found(spelled.group(0)) if spelled else None

    def officer_in_full(self, title: str) -> tuple[str, str] | None:
        """A bare "Chair" in a cell or an action point's owner: the officer the document names in full elsewhere ("the
        Chair of the Working Group"); a title it never gives in full names no one known, so None."""
        named = re.search(OFFICER_NAMED.format(title=re.escape(title)), self.text)
        return (printed_name(named.group(0)), title) if named else None

    def _milestone(self, seg: Segment) -> bool:
        """"M1  By 2026, BDT has carried out … (Owner: BDT)": a milestone and who delivers it."""
        text, section = seg.text, self.section
        owner = OWNER_RE.search(text)
        # ("M1  By June 2027, UNESCO has published … . Lead: UNESCO. Partners: ITU, UPU.": a milestone and its lead)
        lead = (LEAD_NOTE_RE.search(text) if not owner and seg.kind == "item" and re.fullmatch(r"M\.?\d{1,2}", seg.label or "")
                and DATED_MILESTONE_RE.match(text) else None)
        if not owner and not lead:
            return False
        code = CODE_RE.match(text)
        start = code.end() if code else 0
        # ("(Responsible: RG-SSD convenor - Deadline: 15 March 2028)": the deadline is no part of who)
        who = re.split(r"\s+[\u2013\u2014-]\s+(?=(?:deadline|due|by|date)\b)|;", (owner or lead).group("who"),
                       maxsplit=1, flags=re.IGNORECASE)[0]
        actor, printed = (self.owner_named(who) if lead else None) or self.found(who) or self.head_actor(who) or (
            printed_name(who), who)
        self.add(seg, seg.start + start, seg.end, kind=RequirementKind.INSTRUCTION, actor=actor, printed=printed,
                 label=code.group("code") if code else seg.label,
                 clause_path=(self.doc_name, section or "body", code.group("code") if code else ""),
                 statement=f"{section}: {text[start:]}" if section else text[start:])
        return True

    def _dated_step(self, seg: Segment) -> bool:
        """"30 September 2028: nominations of experts to the secretariat" under "Deadlines": a step with its date. Who
        takes it the line does not say, so its actor is unknown rather than guessed."""
        if not (SCHEDULE_HEADING_RE.match(self.section) and (step := DATED_STEP_RE.match(seg.text))):
            return False
        self.add(seg, seg.start, seg.end, kind=RequirementKind.INSTRUCTION, actor=None, printed=None, label=seg.label,
                 clause_path=(self.doc_name, self.section, step.group("date")), statement=f"{self.section}: {seg.text}")
        return True

    def sentences(self, seg: Segment) -> None:
        """Each sentence's requirement (below); and when the paragraph's last sentence asks and leads into items
        ("6 Member States and Sector Members are also invited to contribute to the work of the Group by:" then "a)
        describing …"), its lettered items are asked of the same body in the same way."""
        before = len(self.out)
        self._read_sentences(seg)
        last = self.out[-1] if len(self.out) > before else None
        block = seg.block.text.rstrip()
        if (last is not None and last.segment is seg and block.endswith(":") and seg.end >= len(block) - 1
                and last.kind in (RequirementKind.INVITATION, RequirementKind.INSTRUCTION)
                and self.next_seg is not None and _is_letter(self.next_seg.label)):
            verb = "invites" if last.kind is RequirementKind.INVITATION else "requests"
            self.ctx = _Context(mode="operative", verb=verb, actor=last.actor, printed=last.printed,
                                chapeau=last.statement, source=self.doc_name, last_number=seg.label,
                                last_text=seg.text, own_item=seg.label or "", kind=last.kind)

    def _read_sentences(self, seg: Segment) -> None:
        """Sentence by sentence: invitations under an Action heading, a body's commitments ("BDT will …") and
        deontic sentences ("X should …"), each a requirement of its own."""
        text, section = seg.text, self.section
        for s0, s1 in _clauses(text, lambda subject: self.head_actor(subject) is not None or bool(re.search(
                r"\bfocal\s+points?\b", subject)) or subject.split()[-1].lower().rstrip("s") in BODY_WORDS):
            sentence = text[s0:s1]
            if cues.ACTION_HEADING_RE.match(section) and cues.INVITED_RE.search(sentence):
                subject = cues.INVITED_RE.split(sentence, 1)[0]
                # ("The open consultation meeting is invited to consider …": the gathering the paper goes to)
                gathering = GATHERING_SUBJECT_RE.fullmatch(subject.strip())
                actor, printed = self.head_actor(subject) or (
                    (printed_name(subject), subject.strip()) if gathering else (SECRETARIAT, None))
                self.add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.INVITATION, actor=actor,
                         printed=printed, label=seg.label, clause_path=(self.doc_name, section), statement=sentence)
            elif (s0 > 0 and (said := cues.SUBJECT_OPERATIVE_RE.match(MEETING_IT_RE.sub(
                    "The Group ", sentence, count=1) if MEETING_FIRST_RE.match(text) else sentence)) is not None
                  and re.search(r"\bto\s+[a-z]", said.group("rest")) and said.groupdict().get("who")
                  and (self.found(said.group("who")) or re.fullmatch(cues.MEETING_SUBJECT, said.group("who"))
                       # "… We also urge the Action Line facilitators to …" (not "We request the Secretary-General …",
                       # the UN's or ITU's as the text goes, which the model reads naming no one)
                       or (said.group("who") in ("We", "we") and "Secretary-General" not in said.group("rest")[:80]
                           and not re.match(r"that\b", said.group("rest")))  # ("We ask that it …": below)
                       or re.fullmatch(r"The\s+(?:Group|Meeting|Chair|Chairman|Chairperson|President)",
                                       said.group("who")))
                  and cues.OPERATIVE_KIND.get(_verb_key(said.group("verb")))
                  is not RequirementKind.DECISION):
                # "4.1 The Task Force presented the programme. TDAG encouraged Sector Members to take part …": a
                # meeting's request in a later sentence of its paragraph
                verb = _verb_key(said.group("verb"))
                rest = said.group("rest")
                actor, printed = self.addressee(re.split(r"\bto\b", rest, maxsplit=1)[0], verb, clause=rest)
                if actor:
                    self.add(seg, seg.start + s0, seg.start + s1, kind=cues.OPERATIVE_KIND[verb], actor=actor,
                             printed=printed, label=seg.label, clause_path=(self.doc_name, section or "body"),
                             statement=sentence)
            elif s0 > 0 and (ours := WE_ASK_RE.match(sentence)) is not None:
                # a delegate's comment on a draft, its request after the remark it answers: "1. Section 2 (C2). The
                # figures are helpful. We request that the secretariat add …", "We suggest moving this annex …"
                actor, printed = (self.that_subject(sentence[ours.end() - 4:]) if ours.group(0).endswith("that")
                                  else (None, None))
                if actor is None or re.fullmatch(r"(?i)it|they|this|these", actor):  # "We ask that it (the paragraph) …"
                    actor, printed = self.drafted(sentence[ours.end() - 4:] if ours.group(0).endswith("that") else "")
                verb = ours.group("verb").lower()
                kind = (RequirementKind.PROPOSAL if verb in ("propose", "suggest")
                        else cues.OPERATIVE_KIND[f"{verb}s"])  # "requests", "asks", "recommends"
                self.add(seg, seg.start + s0, seg.start + s1, kind=kind, actor=actor, printed=printed, label=seg.label,
                         clause_path=(self.doc_name, section or "body"), statement=sentence)
            elif ((asked := WE_ASK_WHO_RE.match(sentence)) is not None
                  and (asked.group("state") is None or asked.group("state") in self.text[:1200])
                  # (one body, and not "the Secretary-General", the UN's or ITU's as the text goes: those the model
                  # reads, naming no one)
                  and not re.search(r"\band\b|Secretary-General", asked.group("who"))
                  and (named := self.addressee(asked.group("who"), f"{asked.group('verb').lower()}s"))[0]):
                # "G3. The text has grown … since Draft 1. We would ask the Chair to prepare a shorter version …"
                verb = f"{asked.group('verb').lower()}s"
                self.add(seg, seg.start + s0, seg.start + s1, kind=cues.OPERATIVE_KIND[verb], actor=named[0],
                         printed=named[1], label=seg.label, clause_path=(self.doc_name, section or "body"),
                         statement=sentence)
            elif (polite := POLITE_ASK_RE.match(sentence)) is not None and DRAFT_PART_RE.search(
                    sentence if not seg.label else text[:s1]):  # ("3. Section 3 (C4). Please indicate …")
                # a delegate's comments on a draft: "1. Please add to section 2 …", "could the secretariat make the
                # next version available in French …?", "We would also be grateful if the final draft were …": the
                # secretariat, which drafts the text, is asked
                who = polite.group("who")
                actor, printed = (self.found(who) if who and who.lower() != "you" else None) or (SECRETARIAT, None)
                self.add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.INSTRUCTION, actor=actor,
                         printed=printed, label=seg.label, clause_path=(self.doc_name, section or "body"),
                         statement=sentence)
            elif (letter := LETTER_ASK_RE.search(sentence)) is not None:
                # a circular letter's "I am pleased to invite your Administration to take part …"
                who = letter.group("who")
                actor, printed = (("Member States", who) if re.match(r"your\b", who, re.IGNORECASE)
                                  else self.found(who) or self.head_actor(who) or (None, who))
                self.add(seg, seg.start + s0, seg.start + s1, kind=cues.OPERATIVE_KIND[_verb_key(letter.group("verb"))],
                         actor=actor, printed=printed, label=seg.label, clause_path=(self.doc_name, section or "body"),
                         statement=sentence)
            elif (ask := cues.IMPERSONAL_ASK_RE.match(sentence)) is not None:
                # "It was also recommended that the WSIS Forum programme committee reserve …": who the clause names
                actor, printed = self.that_subject(sentence[ask.end() - 4:])
                kind = IMPERSONAL_KIND.get(ask.group("verb").lower(), RequirementKind.INVITATION)
                self.add(seg, seg.start + s0, seg.start + s1, kind=kind, actor=actor or SECRETARIAT, printed=printed,
                         label=seg.label, clause_path=(self.doc_name, section or "body"), statement=sentence)
            elif ((w := cues.WILL_RE.search(sentence)) and not cues.DEONTIC_RE.search(sentence)
                  and len((pre := PART_ASIDE_RE.sub("", sentence[:w.start()])).split()) <= 8
                  and not re.search(r"[(,;:]|\bthat\b", pre) and (found := self.head_actor(pre))):
                # ("Participants are reminded that the list … will be published …": a notice; its "will" is the
                # list's, in a clause that the words before it report)
                # (its aside left out: "ITU, for its part, will continue to produce …")
                # "BDT will examine, by the end of 2028, every entry …": a body's commitment in a plan.
                self.add(seg, seg.start + s0, seg.start + s1, kind=RequirementKind.EXPECTATION, actor=found[0],
                         printed=found[1], label=seg.label, clause_path=(self.doc_name, section or "body"),
                         statement=sentence)
            elif (cues.DEONTIC_RE.search(sentence) and not is_chapeau(sentence) and not _title_or_question(sentence)
                  # "A reader who wants to know … has to search …", "…, yet a reader who … still has to look
                  # elsewhere"
                  and not GENERIC_READER_RE.search(sentence[:cues.DEONTIC_RE.search(sentence).start()])
                  and not re.match(r"Should\s+\w+(?:\s+\w+){0,6}?\s+\w+,", sentence)  # "Should the Group agree, …"
                  and not SOME_VIEW_RE.match(sentence)
                  # "The implementation of this recommendation is expected to enhance …": what it will bring
                  and not RESULT_EXPECTED_RE.match(sentence)
                  # "In the light of the above, the Council is invited to:": the lead-in of the lettered items below
                  and not (seg.block.text.rstrip().endswith(":") and re.search(
                      r"\b(?:invited|requested|expected|encouraged|urged|asked)\s+to\s*:?\s*$", sentence))
                  # "One delegation asked whether the indicator should be …": a question put, no requirement
                  and not re.search(r"\b(?:asked|wondered|queried|enquired|inquired)\s+(?:whether|if|why|how)\b",
                                    sentence[:cues.DEONTIC_RE.search(sentence).start()])):
                # "Proposal 5: The Council should …": the item's own name is no part of who acts
                subject = NAMED_ITEM_RE.sub("", cues.DEONTIC_RE.split(sentence, 1)[0], count=1)
                # ("OP 11: the horizon should be …", "Para 18 (follow-up): …": the paragraph commented on is no subject)
                subject = re.sub(r"^(?:[OP]P\s?\d{1,3}(?:\s?\([a-z]\))?|Para(?:graph)?\.?\s+\d{1,3}(?:\s+\([^()]{1,40}\))?)\s*"
                                 r"[:\u2013\u2014-]\s*", "", subject)
                # ("The editors of the report also need to state …": the adverb before the modal is no part of who)
                subject = re.sub(r"\s+(?:also|further|therefore|still|then|jointly|each)\s*$", "", subject)
                # ("Where consensus cannot be reached, the Chair should reflect …": the condition is no subject)
                subject = re.sub(r"^(?:Where|When|If|Unless|Once|Until|While|Whenever)\b[^,]{2,120},\s*", "", subject)
                subject = LEADING_SETTING_RE.sub("", subject)  # ("From 2028 onwards, the co-facilitators shall …")
                # ("… will show in what it changed in villages, and the Commission should keep …": the clause after
                # the comma acts; a long clause before it, not a list of bodies)
                if (joined := CLAUSE_AND_RE.match(subject)) and len(joined.group("before").split()) >= 8:
                    subject = subject[joined.end("before"):].lstrip(" ,").removeprefix("and ").removeprefix("but ")
                subject = re.sub(r"^In\s+(?:our|my|its|their)\s+(?:view|opinion),?\s+", "", subject)  # "In our view the …"
                if (quoting := QUOTED_THAT_RE.search(subject)) is not None:
                    # 'Resolution 238 (…) resolves "that the Union shall …"', '… provides that: "a) the strategic
                    # plan of the Union shall …"': the quoted clause's subject acts, not the text that quotes it
                    subject = quoting.group("subject") or quoting.group("subject2") or quoting.group("subject3")
                elif (believed := BELIEF_THAT_RE.search(subject)) is not None:
                    subject = believed.group("subject")  # "Are convinced that Governments should …": Governments
                statement = sentence
                if re.match(r"It (?:should|shall|must|needs|will)\b", sentence) and self.last_subject:
                    statement = self.last_subject + sentence[2:]
                elif subject.strip() and not subject.strip().lower().startswith("it"):
                    self.last_subject = subject.strip()
                d = cues.DEONTIC_RE.search(sentence)
                # "Administrations are kindly requested to …" asks as "requests" does; "are encouraged to" invites
                kind = _modal_kind(d.group(0).lower())
                if re.search(r"\b(?:decided|decides)\s+that\b", sentence[:d.start()]):
                    kind = RequirementKind.DECISION  # "the Council decided that the plan shall be reviewed …"
                found = (self.that_subject(sentence[d.end() - 4:]) if d.group(0).lower().endswith("that") else None)
                if d.group(0).lower().endswith("that") and not (found and found[0]):
                    # "It is important that the report of the Commission to ECOSOC reflect …": its author's
                    found = self.report_owner(sentence[d.end() - 4:])
                # "It is important that UNGIS coordinates …": the that-clause names who acts
                agent = PASSIVE_AGENT_RE.search(sentence)  # "The chair … shall be appointed by the Council": it acts
                it = re.match(r"It (?:should|shall|must|needs|will)\b", sentence) and s0 > 0 and self.last_actor
                # ("The Expert Group … shall review …. It shall propose …": "It" is the body the sentence before named)
                tor = (self.tor_body and THING_SUBJECT_RE.match(subject.strip())
                       and (self.found(self.tor_body) or (printed_name(self.tor_body), None)))
                # ("5.1 An interim report … shall be submitted …" in the terms of reference of the Expert Group: the
                # group's own deliverable)
                # ("Replies should be sent in electronic form …" in a letter to Administrations: those who reply)
                replies = (REPLIES_RE.match(subject.strip()) and LETTER_TO_MEMBERS_RE.search(self.text)
                           and ("Member States", None))
                actor, printed = ((found if found and found[0] else None) or (agent and self.found(agent.group("agent")))
                                  or (it and self.last_actor) or replies or self.head_actor(subject)
                                  or (tor if tor and tor[0] else None) or self.drafted(subject, subject=True))
                if actor is None and d.group(0).lower().endswith("that"):  # "It is important that the report indicate …"
                    actor, printed = self.drafted(sentence[d.end() - 4:])
                self.last_actor = (actor, printed) if not it else self.last_actor
                self.add(seg, seg.start + s0, seg.start + s1, kind=kind, actor=actor, printed=printed,
                         label=seg.label, clause_path=(self.doc_name, section or "body"), statement=statement)
