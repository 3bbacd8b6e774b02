"""Vocabulary of the rules: operative and preambular chapeaux, deontic cues, frequency, deadlines, procedure.

Each list follows the drafting conventions of ITU and UN resolutions (see ../shared/reference/wsis-facts.md,
"How ITU documents are built") and of Member-State contributions ("Purpose", "Action required", "Proposals").
"""

from __future__ import annotations

import re

from ..model import RequirementKind

# Operative verbs open the operative part; the kind says what a reader expects of the addressee.
# The months, as dates in mandates print them ("30 September 2028", "by end March").
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
OPERATIVE_KIND = {
    "resolves": RequirementKind.DECISION, "decides": RequirementKind.DECISION,
    "approves": RequirementKind.DECISION, "adopts": RequirementKind.DECISION,
    "endorses": RequirementKind.DECISION,
    "instructs": RequirementKind.INSTRUCTION, "requests": RequirementKind.INSTRUCTION,
    "calls upon": RequirementKind.INSTRUCTION, "calls on": RequirementKind.INSTRUCTION,
    "calls for": RequirementKind.INSTRUCTION,  # "Participants called for governments to lower taxes …"
    "calls also upon": RequirementKind.INSTRUCTION, "calls further upon": RequirementKind.INSTRUCTION,
    "urges": RequirementKind.INSTRUCTION, "asks": RequirementKind.INSTRUCTION,
    "directs": RequirementKind.INSTRUCTION, "charges": RequirementKind.INSTRUCTION,
    "entrusts": RequirementKind.INSTRUCTION,
    # Invitations and encouragement leave the addressee free to act; UN practice still tracks them.
    "invites": RequirementKind.INVITATION, "encourages": RequirementKind.INVITATION,
    "recommends": RequirementKind.INVITATION,
    "advises": RequirementKind.INVITATION,  # an advisory group's "TDAG advised the BDT Director to …"
}
# ("advises" in the present describes a body's role: "The Expert Group advises the Council on …"; only the past asks)
_OPERATIVE_ALT = "|".join(sorted((re.escape(v) for v in OPERATIVE_KIND if v != "advises"), key=len, reverse=True))
OPERATIVE_VERB = rf"(?:(?:further|also|again|strongly)\s+)?(?P<verb>{_OPERATIVE_ALT})"
# A chapeau alone on its line: optional reference ("The Council Resolution 1332 (Mod 2024)"), verb, addressee.
CHAPEAU_RE = re.compile(rf"^(?P<pre>.{{0,120}}?)\b{OPERATIVE_VERB}\b(?P<addr>[^.;]*?)\s*[,:]?\s*$", re.IGNORECASE)
# A UN operative paragraph starts with its capitalised verb: "Requests the Secretary-General to ...".
SELF_OPERATIVE_RE = re.compile(rf"^\s*{OPERATIVE_VERB}\b[\s,]+(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
# A question put, no request: "asked whether more recent data would be available …", "and asked how …".
QUESTION_RE = re.compile(r"\s*(?:whether|how|if|what|why|when|which|about)\b")
# The same in the base form, the subject in the lead-in above ("The participants in the Forum:" then "1. Call upon
# Member States … to:", "2. Encourage the private sector to …"): the verb capitalised, as a numbered item opens.
BASE_OPERATIVE_RE = re.compile(r"^\s*(?P<verb>Call\s+upon|Call\s+on|Encourage|Invite|Request|Urge|Recommend|Instruct|Ask)"
                               r"\b[\s,]+(?P<rest>.*)$", re.DOTALL)
# The same with its body named first: "The Commission recommends that Governments …", "The Council decides to …",
# "We call upon Governments to …" (a declaration), "The Group requested the secretariat to …" (a meeting's
# conclusions, in the past tense), "TDAG invites the Director of BDT …" (a body by its acronym).
PAST_OPERATIVE = {"requested": "requests", "invited": "invites", "encouraged": "encourages", "urged": "urges",
                  "called upon": "calls upon", "called on": "calls on", "called for": "calls for", "asked": "asks",
                  "agreed": "decides",
                  "decided": "decides", "instructed": "instructs", "recommended": "recommends", "advised": "advises",
                  "commit": "resolves",  # a declaration's "We commit to …" binds those who sign it
                  "agree": "decides"}  # a communiqué's "We agree to set up …"
# Who speaks in a meeting's record besides "The Group": a body by its acronym ("TDAG invites …"), or the people
# present ("Participants recommended that …").
MEETING_SUBJECT = (r"[A-Z]{3,}(?:[-&][A-Z]+)*|Participants|Delegates|Delegations|Speakers|Ministers|Panell?ists"
                   # "Several speakers urged development banks to …", "the moderator invited all stakeholders to …"
                   r"|(?:Several|Many|Some|Most)\s+(?:speakers|participants|delegates|delegations|panell?ists)"
                   r"|[Tt]he\s+(?:moderator|panell?ists)")
_PAST_ALT = "|".join(sorted((re.escape(v) for v in PAST_OPERATIVE), key=len, reverse=True))
# A body's members speaking as one: "The members of UNGIS …", "The member agencies of the Group …".
MEMBERS_OF = r"The\s+(?:members?|member\s+agencies|participating\s+agencies)\s+of\s+(?:the\s+)?"
# What a meeting's record asks in the past tense: "TDAG requested …", "… and instructed Study Group 17 to …".
PAST_ASK = r"requested|invited|encouraged|urged|called upon|called on|asked|decided|agreed|instructed|recommended|advised"
_PRESENT_ALT = _OPERATIVE_ALT + r"|resolve|call upon|call on|invite|request|encourage|urge|decide|recommend|ask|commit|agree"
SUBJECT_OPERATIVE_RE = re.compile(
    # "Finally, we encourage other Member States to …": a contribution's closing request after its linking word
    r"^\s*(?:(?:Finally|Lastly|In addition|Moreover|Furthermore|In conclusion|In this regard|To this end|Therefore"
    # ("In the light of this, we would ask …", "For these reasons, we request …")
    r"|In (?:the )?light of (?:this|the above|these [a-z]+)|For (?:these|those|this) reasons?|On this basis"
    # ("On the report itself, we would ask the secretariat to …")
    r"|(?:On|As\s+for|As\s+regards|Regarding|Concerning|With\s+regard\s+to)\s+[^,;:]{2,60}),"
    r"\s+(?=we\b))?"
    # (a modal is no part of the subject: "The Group should recommend that …" is the Group's, read as a sentence; nor
    # is "to": "The Group to recommend to Council …" is a proposal's)
    # (nor a passive's auxiliary: "The Conference is invited to examine …" is read as a sentence)
    rf"(?P<who>The\s+[A-Z][\w&'\-]*(?:\s+(?!(?:should|shall|must|may|will|would|could|might|can|to|is|are|was|were|"
    rf"been|be)\b)[\w&'\-]+)"
    rf"{{0,7}}?|The\s+(?:meeting|conference|forum|workshop|session|summit|participants|delegates|delegations)|We|we"
    # "The delegation of Sambrania requests the secretariat of the Commission:"
    r"|The\s+delegation\s+of\s+(?:the\s+)?[A-Z][\w\-]*(?:\s+(?:of\s+)?[A-Z][\w\-]*){0,4}"
    rf"|Members|They|{MEETING_SUBJECT}"
    # "UNGIS members call upon Governments to …": a group's members by the group's acronym
    r"|[A-Z]{3,}(?:[-&][A-Z]+)*\s+(?:members|member\s+agencies|[Pp]rincipals)"
    r"|The\s+(?:two|three|four|five|both)\s+(?:organizations|agencies|co-organizers|co-facilitators|secretariats)"
    # "The regional commissions commit to the following actions …:": bodies named by their kind, in lower case
    r"|The\s+(?:[a-z]+\s+)?(?:commissions|agencies|organizations|organisations|co-facilitators|facilitators|"
    r"regulators|partners|signatories)(?=\s+(?:also\s+)?(?:commit|agree|resolve|decide)\b)"
    # "The members of UNGIS commit …", "The member agencies of the Group urge …"
    rf"|{MEMBERS_OF}[A-Z][\w&'\-]*(?:\s+(?:on|of|the|for|and|[A-Z][\w&'\-]*)){{0,6}}?)\s+"
    # ("The Director of BDT is requested, in cooperation with …, to:": the body asked is the subject of a passive)
    r"(?:(?:is|are|was|were)\s+(?=(?:(?:further|also|again|strongly|kindly|hereby)\s+)?(?:requested|invited|encouraged|"
    r"urged|called\s+upon|called\s+on|asked|instructed)\b))?"
    r"(?:(?:further|also|again|strongly|respectfully|kindly|therefore)\s+)?"
    # a delegate's polite request: "we would ask the secretariat to …", "we would like to invite …"
    r"(?:(?<=[Ww]e )(?:would|should|wish to|would like to|should like to)\s+(?:(?:therefore|also|kindly)\s+)?"
    r"(?:like\s+to\s+)?(?=(?:ask|request|invite|encourage|urge|call upon|call on|recommend)\b))?"
    rf"(?P<verb>{_PRESENT_ALT}|{_PAST_ALT})\b[\s,]+(?P<rest>.*)$", re.DOTALL)
OPERATIVE_ANY = re.compile(rf"\b{OPERATIVE_VERB}\b", re.IGNORECASE)
# UN operative paragraphs that declare rather than ask ("Emphasizes …", "Notes with appreciation …"); they ask
# only in a second clause, if at all.
DECLARATIVE_RE = re.compile(
    r"^\s*(?:(?:also|further|again|strongly|once again)\s+)?(?:emphasi[sz]es|highlights|notes|takes note|welcomes|"
    r"stresses|recogni[sz]es|reaffirms|underlines|underscores|acknowledges|expresses|affirms|reiterates|commends|"
    r"appreciates|considers|believes|observes|deplores|regrets|looks forward|is convinced|is aware|bears in mind|"
    r"takes into account|draws attention)\b", re.IGNORECASE)
SUBJECT_DECLARATIVE_RE = re.compile(r"^\s*(?:The\s+(?:Commission|Council|Assembly|Conference|Group|Meeting)|We)\s+"
                                    + DECLARATIVE_RE.pattern.removeprefix(r"^\s*"), re.IGNORECASE)
# The asking clause of such a paragraph: "…, and calls upon all stakeholders to …", "…; in this regard, invites …"
SECOND_CLAUSE_RE = re.compile(
    # (a footnote's marker may stand after the comma: "…,³ and requests …")
    r"[,;](?:\d{1,2}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,2}|\[\d{1,2}\])?\s*(?:and\s+)?"
    r"(?:(?:in this|in that|to this|to that)\s+(?:regard|end),?\s+|therefore,?\s+|accordingly,?\s+)?"
    rf"{OPERATIVE_VERB}\b", re.IGNORECASE)
# A meeting's record in the passive: "It was also recommended that the programme committee reserve …".
IMPERSONAL_ASK_RE = re.compile(r"^\s*It\s+was\s+(?:also\s+|further\s+)?(?P<verb>recommended|requested|agreed|decided|"
                               r"proposed|suggested)\s+that\b", re.IGNORECASE)
# A declaration's paragraph that declares in the first person plural: "We recognize …", "We welcome …".
WE_DECLARATIVE_RE = re.compile(r"^\s*We\s+(?:(?:also|further|strongly|once again)\s+)?(?:recogni[sz]e|acknowledge|"
                               r"welcome|note|emphasi[sz]e|stress|highlight|reaffirm|underline|underscore|appreciate|"
                               r"commend|express|affirm|reiterate|consider|believe|are convinced|are aware|take note|"
                               r"recall|remember|are mindful)\b")
# A meeting's conclusions as a list under its name: "TDAG:" then "b) requested the Director of BDT to …".
MEETING_CHAPEAU_RE = re.compile(rf"^\s*(?P<who>{MEETING_SUBJECT}|The\s+(?:Group|Meeting|Committee|Council|Conference|Board|"
                                r"Commission|Working Group))\s*:\s*$")
PAST_ITEM_RE = re.compile(rf"^\s*(?:also\s+|further\s+)?(?P<verb>{PAST_ASK})\b[\s,]+(?P<rest>.*)$", re.DOTALL)
# A meeting's conclusion that records before it asks: "TDAG noted that …, and requested the BDT Director to …".
MEETING_DECLARATIVE_RE = re.compile(r"^\s*(?:The\s+(?:Group|Meeting|Committee|Commission|Council|Conference|Board)|"
                                    rf"{MEETING_SUBJECT})\s+(?:also\s+|further\s+)?(?:noted|welcomed|took note|"
                                    r"recogni[sz]ed|expressed|stressed|emphasi[sz]ed|highlighted|acknowledged|discussed|"
                                    r"considered|reviewed|heard|examined)\b")
PAST_SECOND_CLAUSE_RE = re.compile(rf"(?:[,;]\s*|\s)and\s+(?:also\s+|further\s+)?(?P<verb>{PAST_ASK})\b")
# "The members of UNGIS recognize …, and commit to …": a body's members speak as "We" do
PLURAL_SUBJECT_RE = re.compile(rf"^\s*{MEMBERS_OF}(?P<body>[A-Z][\w&'\-]*(?:\s+(?:on|of|the|for|and|[A-Z(][\w&'()\-]*))"
                               r"{0,6}?)(?=\s+(?:also\s+|further\s+)?[a-z]+\b)")
# A declaration's second clause: "We recognize …, and call upon ITU to …", "We welcome …, and commit to review …".
WE_SECOND_CLAUSE_RE = re.compile(r"[,;]\s*and\s+(?:(?:further|also|strongly)\s+)?(?P<verb>call upon|call on|urge|invite|"
                                 r"request|encourage|commit|resolve|decide)\b")
# The tail of a flattened item that opens the next chapeau: "…; 2 to hold …, instructs the Council Working Group".
TRAILING_CHAPEAU_RE = re.compile(rf"[,;]\s*(?:and\s+)?(?P<chapeau>{OPERATIVE_VERB}\b[^;,]*?)\s*[,:]?\s*$",
                                 re.IGNORECASE)
PREAMBULAR = (
    "considering", "recalling", "noting", "recognizing", "recognising", "bearing in mind", "aware", "taking into account",
    "welcoming", "emphasizing", "emphasising", "acknowledging", "having considered", "having regard", "mindful",
    "convinced", "concerned", "observing", "reaffirming", "stressing", "highlighting", "taking note", "underlining",
    "expressing", "guided by", "having examined", "conscious", "deeply concerned", "appreciating", "affirming",
    "reiterating", "cognizant", "keeping in mind", "referring", "in view of", "seeing",
)
# "The ITU Council," / "The General Assembly," / "The Plenipotentiary Conference (Doha, 2026)," open a resolution.
BODY_OPENER = r"(?:The (?:ITU )?(?:Council|Plenipotentiary Conference|General Assembly|Economic and Social Council|"
BODY_OPENER += r"World Telecommunication Development Conference|Conference)[^,]{0,80},\s*)?"
PREAMBULAR_RE = re.compile(
    r"^\s*" + BODY_OPENER + r"(?:(?:further|also|again|moreover|additionally)\s+)?(?:" + "|".join(map(re.escape, PREAMBULAR)) + r")\b",
    re.IGNORECASE)
# Deontic force in a contribution's body: these sentences state what the report or the secretariat should do.
DEONTIC_RE = re.compile(
    r"\b(?:shall|should|must|(?<!no )needs? to|has to|have to|ought to"
    r"|(?:is|are|was|were) (?:(?:also|further|again|strongly|therefore|hereby|kindly|cordially|respectfully)\s+)?"
    r"(?:invited|requested|expected|encouraged|urged|called upon|asked) to"
    r"|it is (?:also |further |therefore |equally )?"
    r"(?:important|necessary|essential|vital|crucial|critical|desirable|advisable)"
    r" (?:to|that))\b", re.IGNORECASE)
# A contribution's own proposal, outside a numbered list: "The Administration of X proposes that the secretariat …".
# ("Tesoria proposes, first, that …": a short aside between the verb and its clause)
PROPOSES_RE = re.compile(r"\b(?:propose[sd]?|suggests?)(?:,\s*(?:first(?:ly)?|second(?:ly)?|further|also|therefore|in "
                         r"addition|finally),)?\s+that\b"
                         r"|\bproposes?\s+to\s+(?!(?:the|a|an|its|all|their|this)\b)[a-z]", re.IGNORECASE)
# "Action: secretariat to send a reminder …", "Action required: The BDT Director to provide …" in a meeting report.
# A coded action item: "A1 – Study group chairs: send TSB the list of …" (under "Action items").
CODED_ACTION_RE = re.compile(r"^\s*(?P<code>[A-Z]{1,2}\.?\d{1,2})\s*[\u2013\u2014:-]\s*(?P<who>[^:;]{2,70}):\s+(?=[a-z])"
                             # "AP47-1 Secretariat – revise the annual progress report …"
                             r"|^\s*(?P<code2>[A-Z]{1,4}\d{0,3}[-.]\d{1,3})\s+(?P<who2>[A-Z][^\u2013\u2014:;]{1,60}?)\s+"
                             r"[\u2013\u2014-]\s+(?=[a-z])"
                             # "AP1 (Secretariat, by 15 December 2027): revise the draft report …"
                             r"|^\s*(?P<code3>[A-Z]{1,4}\s?\d{1,3}(?:[/.-]\d{1,3})?)\s*\((?P<who3>[^,();]{2,60})"
                             r"(?:[,;][^()]{0,60})?\)\s*[:\u2013\u2014-]\s+(?=[a-z])"
                             # "AP 46/1 Secretariat: circulate the revised draft …"
                             r"|^\s*(?P<code4>[A-Z]{1,4}\s?\d{1,3}/\d{1,3})\s+(?P<who4>[A-Z][^:;]{1,60}?)\s*:\s+(?=[a-z])"
                             # "AP46-1 The secretariat to revise the draft report …", "AP46-5 The Chair, with the
                             # Vice-Chairs, to prepare …"
                             r"|^\s*(?P<code5>[A-Z]{1,4}\s?\d{1,3}[-/.]\d{1,3})\s+(?P<who5>[A-Z][^:;,]{1,70}?)"
                             r"(?:,[^,;:]{2,60},)?\s+to\s+(?=[a-z])"
                             # "A1. UNCTAD to circulate the outline …", "A6. UNESCO, with ITU and UNDP, to prepare …"
                             r"|^\s*(?P<code6>[A-Z]{1,3}\d{1,2})\.?\s+(?P<who6>[A-Z][^:;,]{1,70}?)"
                             r"(?:,[^,;:]{2,60},)?\s+to\s+(?=[a-z])")
# ("Action 2: the Director of BDT to provide …", "Action 1 – The Broadband Commission to devote …", "Action: UNCTAD, as
# secretariat of the CSTD, to circulate …": a number, a dash, an aside after the owner)
ACTION_PREFIX = (r"\s*Action(?:\s+(?:point|required|item))?(?:\s+(?P<n>\d{1,2}(?:[.\-/]\d{1,2})?))?"
                 r"\s*(?::|\s[\u2013\u2014-])\s*")
ACTION_PREFIX_RE = re.compile(ACTION_PREFIX)
ACTION_LINE_RE = re.compile(rf"^{ACTION_PREFIX}(?P<who>[^,;:]{{2,80}}?)(?:,[^,;:]{{2,60}},)?\s+to\s+(?:be\s+)?[a-z]",
                            re.IGNORECASE)
# A plan's imperative item with no subject: "c) Encourage the development of …", "Publish, each year, …".
IMPERATIVE_VERBS = (
    "Encourage", "Support", "Promote", "Publish", "Consult", "Develop", "Ensure", "Strengthen", "Establish", "Adopt",
    "Review", "Provide", "Facilitate", "Foster", "Build", "Create", "Improve", "Increase", "Expand", "Collect",
    "Share", "Assist", "Help", "Mobilize", "Mobilise", "Monitor", "Prepare", "Undertake", "Implement", "Raise",
    "Invest", "Reduce", "Remove", "Set", "Include", "Integrate", "Make", "Use", "Update", "Compile", "Supply",
    "Conduct", "Convene", "Coordinate", "Organize", "Organise", "Submit", "Circulate", "Disseminate", "Identify",
    "Assess", "Evaluate", "Launch", "Maintain", "Map", "Train", "Host", "Revise", "Transmit", "Send", "Confirm",
    "Translate", "Finalize", "Finalise", "Examine", "Notify", "Inform", "Post", "Present", "Consider", "Verify",
    "Gather", "Designate", "Nominate", "Appoint", "Offer", "Produce", "Deliver", "Extend", "Carry out", "Hold",
    "Give", "Explore", "Invite", "Request", "Analyse", "Analyze", "Test", "Design", "Define", "Enhance",
    "Continue", "Pursue", "Seek", "Track", "Measure")
IMPERATIVE_RE = re.compile(rf"^(?:{'|'.join(IMPERATIVE_VERBS)})\b")
# A commitment in an action plan or terms of reference: "BDT will examine …" (counted only when a body is the subject).
# ("The Working Group will be informed of progress …": the subject is told, it does nothing)
WILL_RE = re.compile(r"\bwill\s+(?!be\s+(?:held|based|open|available|(?:kept\s+)?informed|briefed|notified)\b)[a-z]",
                     re.IGNORECASE)
INVITED_RE = re.compile(r"\b(?:is|are) (?:(?:also|further|kindly|cordially)\s+)?invited to\b", re.IGNORECASE)
# Headings that switch the reading mode.
PROPOSALS_HEADING_RE = re.compile(r"\bproposals?\b|\brecommendations\b", re.IGNORECASE)
ACTION_HEADING_RE = re.compile(r"^action required$", re.IGNORECASE)
# A list of actions in a meeting's record: "4. Action points", "Follow-up actions", "Actions".
ACTION_POINTS_HEADING_RE = re.compile(r"^(?:\d+\.?\s+)?(?:(?:follow-up|key|agreed|main)\s+)?action(?:\s+point|\s+item)?s\b",
                                      re.IGNORECASE)
TARGETS_HEADING_RE = re.compile(r"\btargets?\b|\bexpected results?\b", re.IGNORECASE)  # a regional initiative's too
BACKGROUND_HEADING_RE = re.compile(r"^(purpose|introduction|background|summary|executive summary|abstract)$",
                                   re.IGNORECASE)

FREQUENCY_RE = re.compile(
    r"\b(annually|every year|each year|yearly|biennially|every (?:two|three|four|five|\d+) years|every \w+ months"
    r"|regularly|periodically|quarterly|monthly|at each (?:session|meeting|conference)|on a regular basis"
    r"|at (?:its|every) (?:session|meeting)s?|each session|continuously)\b", re.IGNORECASE)
DEADLINE_RE = re.compile(
    r"\b((?:(?:at least|no later than|not later than|up to)\s+)?(?:one|two|three|four|six|\d+)\s+(?:weeks?|months?|days?)"
    r"\s+(?:before|prior to|after)\s+(?:the|each|its|every)\s[\w\s&+\-]{0,60}?(?:meeting|session|conference|council|forum)(?: session| meeting)?"
    r"|(?:by|before|no later than|not later than|until) (?:the end of |mid-)?(?:\d{1,2} \w+ )?(?:19|20)\d{2}"
    r"|(?:before|prior to) (?:the|each|its) next [\w\s&+\-]{0,40}?(?:meeting|session|conference|council)"
    r"(?: session| meeting)?)",
    re.IGNORECASE)
# Procedural requirements: the report's own text cannot show whether they were done.
PROCEDURAL_VERBS = {"publish", "circulate", "hold", "convene", "invite", "post", "distribute", "transmit", "forward",
                    "translate", "schedule", "nominate", "appoint", "elect", "organize", "organise", "host", "meet"}
PROCEDURAL_CUES_RE = re.compile(
    r"\b(information document|as (?:a|the) contribution|input document|on the (?:itu )?website"
    r"|(?:weeks?|months?|days?) before|deadline for|in all six (?:official )?languages"
    r"|to hold (?:a|an|the|its)|to convene|to invite"
    # Transmission: "to bring this resolution to the attention of …", "to transmit it to …" (issue 16).
    r"|to (?:bring|draw) (?:this|the present|these|the) (?:resolution|decision|report|text|outcome|recommendations?)"
    r"[^.;]{0,40}? to the attention of|to transmit (?:this|the present|these) )\b", re.IGNORECASE)
RESOLUTION_REF_RE = re.compile(
    r"\b(?:(?:PP|Council|Plenipotentiary|WTDC|ITU)\s+)?(?:Resolution|Res\.)\s*(\d{1,4})"
    # "(Mod. 2024)", "(Rev. Bucharest, 2026)", "(Doha, 2026)", "(2026)": the edition, kept with the number.
    r"(?:\s*\((?:Rev\.|Mod\.?|Mod)?\s*[^()]{0,30}?\d{4}\))?", re.IGNORECASE)
# A contribution that cites a request in its own sentence: "General Assembly resolution 82/877, paragraph 9, requests
# the International Telecommunication Union, as facilitator of …, to include …".
QUOTED_REQUEST_RE = re.compile(
    r"^\s*(?:(?:Finally|In addition|Moreover|Lastly),\s+)?(?:(?:The|This|That)\s+(?:same\s+)?)?"
    r"(?P<ref>(?:(?:UN\s+)?General Assembly|ECOSOC|Economic and Social Council|Council|PP|Plenipotentiary|WTDC|"
    r"WTSA|ITU)?\s*(?:[Rr]esolution|Res\.)\s*(?:[A-Z]/RES/)?\d{1,4}(?:/\d{1,4})?(?:\s*\([^()]{0,40}\))?)"
    r"(?:\s+of\s+the\s+(?:Plenipotentiary\s+Conference|Council|General\s+Assembly|[A-Z]{3,6}))?"
    r"(?:,\s*(?:in\s+its\s+)?(?:operative\s+)?(?:paragraph|para\.?|op)\s*(?P<n>\d{1,3}(?:\s*\(?[a-z]\))?),"
    # or the part cited by its verb and addressee, as ITU resolutions number their parts: ", in its invites Member
    # States 2, asks Member States "to …"" (the item is the cited part's: an invitation, numbered 2)
    r"|,\s*in\s+its\s+(?P<part>(?i:resolves|instructs|requests|invites|encourages|urges|calls upon))"
    r"(?:\s+[A-Za-z][^,\d\"“]{1,80}?)?\s+(?P<pn>\d{1,3}(?:\s*\(?[a-z]\))?),)?"
    r"\s+[\"“]?(?:also\s+|further\s+)?(?P<verb>(?i:requests|instructs|invites|calls upon|urges|encourages|asks))\s+"
    r"(?P<rest>.+)$", re.DOTALL)  # "The same Resolution 1417 (Mod. 2027) also invites Member States "to take part …""
UN_RESOLUTION_RE = re.compile(r"\b(?:A/RES/|resolution )(\d{2,3}/\d{1,4})\b", re.IGNORECASE)
ACTION_LINE_CODE_RE = re.compile(r"\b(?:AL\s*|Action Lines?\s+)?(C(?:1[01]|[1-9]))\b")
SDG_RE = re.compile(r"\b(?:SDGs?|Sustainable Development Goals?)\s*(\d{1,2})\b", re.IGNORECASE)
