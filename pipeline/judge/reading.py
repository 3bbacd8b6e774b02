"""Reading a candidate passage against one requirement: what each of its sentences does with the requirement.

A passage that a retrieval signal ranks high for a requirement may answer it with substance, only mention it,
say it was not done, or merely restate what the mandate asked. The annotation rules (corpora/README.md) decide a
status from that difference, so the judge reads every top candidate sentence by sentence and gives the passage a
verdict (model.PassageVerdict). The rules below are cues of the report's own wording; no other report's
annotations enter here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..match.signals import (CASELESS, CHALLENGE_RE, DATE_RE, EVENT_RE, FIGURE_RE, NEGATION_RE, OUTCOME_RE, URL_RE,
                             bare_negation, caseless, searcher)
from ..model import PassageVerdict

READING_VERSION = "reading/2"  # 2: a plan, or a deed told in the requirement's words, is no restatement

# Sentence breaks: a full stop, question or exclamation mark, or semicolon followed by a space and a capital,
# digit, bracket or quote; list items in one line ("(a) …; (b) …") break at the semicolon.
SENTENCE_RE = re.compile(r"(?<=[.;!?])\s+(?=[\"'“‘(\[A-Z0-9])")
# A sentence that reports what the mandate asks, not what was done: "Resolution 1334 instructs the
# Secretary-General to …", "The Council requested the secretariat to …", "Under its mandate, BDT is asked to …".
# From how ITU and UN reports open (shared/reference/wsis-facts.md, "How ITU documents are built"): the
# introduction restates the mandate before the report answers it.
MANDATE_NOUN = (r"(?:resolution|decision|recommendation|contribution|mandate|conference|council|plenipotentiary|"
                r"assembly|commission|ecosoc|wtdc|pp-\d{2}|plan of action|action plan|roadmap|proposal|the group|"
                r"the administration|member states?|delegations?|paragraph|operative|resolves|instructs)")
ASK_VERB = (r"(?:instructs?|instructed|requests?|requested|invites?|invited|calls? (?:upon|on)|called (?:upon|on)|"
            r"resolves?|resolved|decides?|decided|asks?|asked|tasks?|tasked|mandates?|mandated|recommends?|"
            r"recommended|encourages?|encouraged|urges?|urged|directs?|directed|proposes?|proposed|charges?|"
            r"charged|entrusts?|entrusted|expects?|expected)")
RESTATE_RE = re.compile(
    # A sentence whose subject is the mandate itself: "Resolution 479 (Rev. Bucharest, 2022) makes the initiative
    # the Union's main platform …", "The action plan sets fourteen actions …".
    r"^\W*(?:the\s+)?(?:resolution|decision|mandate|plan of action|action plan|roadmap|contribution)\b"
    r"(?:\s+[\w/.-]*\d[\w/.-]*)?(?:\s*\([^)]*\))?\s+(?:\w+\s+){0,2}?(?:makes|sets|gives|spreads|asks|calls|lists|"
    r"contains|establishes|provides|entrusts|assigns|covers|defines|recognizes|stresses|notes)\b|"
    # "Among the later milestones, the roadmap provides that by 2028 the secretariat has evaluated …"
    r"\b(?:the|this|that|its)\s+(?:resolution|decision|mandate|plan of action|action plan|roadmap|contribution)\s+"
    r"(?:\w+\s+)?(?:provides|foresees|requires|stipulates|expects|specifies|sets out)\s+that\b|"
    # "…, it instructs the Directors …", "…, which requests the secretariat …"
    rf"\b(?:it|which|they)\s+(?:also\s+|further\s+)?{ASK_VERB}\b|"
    rf"\b{MANDATE_NOUN}\b[^;]{{0,120}}?\b{ASK_VERB}\b|"  # within one sentence: "(Mod. 2024)" has a full stop
    rf"\b(?:is|are|was|were|has been|have been)\s+(?:\w+\s+)?(?:asked|requested|instructed|invited|tasked|mandated|"
    rf"called upon|expected|entrusted|charged)\s+(?:to|with)\b|"
    rf"\b(?:under|in accordance with|in line with|pursuant to|in response to|as requested (?:by|in))\s+(?:the\s+)?"
    rf"(?:\w+\s+){{0,3}}?(?:resolution|decision|mandate|paragraph|operative)\b[^.;]{{0,40}}?\b(?:which|that)\b",
    re.IGNORECASE)
# A plan or an intention, not a result: "will launch", "aims at", "is planned for 2027", "intends to".
PLAN_RE = re.compile(
    r"\b(?:will|shall|would|is to be|are to be|is due to|are due to|plans? to|planned|planning|intends? to|intended|"
    r"intention|aims? (?:at|to)|aiming|seeks? to|is expected to|are expected to|envisag\w+|foresees?|"
    r"is scheduled|are scheduled|forthcoming|upcoming|in the coming|next (?:year|session|cycle|phase)|"
    r"is being (?:developed|prepared|designed|planned)|are being (?:developed|prepared|designed|planned)|"
    r"under (?:development|preparation|consideration)|to be (?:launched|held|developed|published|completed))\b",
    re.IGNORECASE)
# A sentence that opens by denying: "No course could be organized", "None of the roadmaps was updated".
DENIAL_RE = re.compile(r"^\W*(?:No|None|Nothing|Neither)\b")
# Past or present results override a plan in the same sentence ("trained 300 officials and will train more").
DONE_RE = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+(?:ed|en|t)\b|\b(?:was|were)\s+(?:\w+\s+)?\w+(?:ed|en|t)\b|"
    r"\b\w+ed\b(?=\s+(?:\d|the|a|an|its|their|some|about|over|more|nearly|almost|all|each|every|new|national|"
    r"regional))", re.IGNORECASE)
# How many of the requirement's own words a sentence must repeat, in order, to be a quotation of it: a run of six
# (UN and ITU items are rarely shorter than twelve words; six shared in a row is copying, not paraphrase).
QUOTE_RUN = 6
WORD_RE = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Words too common to show that a sentence is about the requirement.
STOP = frozenset(
    "a an the and or of to in on for by with at as from that this these those its their his her it is are was "
    "were be been being has have had will shall should would may can could must also all each every any other "
    "such which who whom whose what when where how than then there here into onto over under about between "
    "through during within without upon itu union secretariat secretary-general report reports".split())


@dataclass(frozen=True, slots=True, kw_only=True)
class SentenceCues:
    """What one sentence does, whatever the requirement: computed once per passage (analyse)."""

    text: str
    words: tuple[str, ...]
    content: frozenset[str]
    restate_cue: bool  # reports what a mandate asks, with no measure of its own
    measure: bool  # a figure that is not a date or a document number
    not_done: bool  # only a negation or a deferral
    plan: bool  # a plan or an intention with no result beside it
    events_only: bool  # events, meetings or links with no result
    parts: tuple[str, ...]  # figures, results, difficulties


@dataclass(frozen=True, slots=True, kw_only=True)
class PassageReading:
    """The verdict on one passage for one requirement or facet, and the sentence that decided it."""

    verdict: PassageVerdict
    sentence: str  # the deciding sentence, verbatim
    why: str  # in the words of the verdict: "gives figures", "restates the mandate", "a plan, not a result", …


# Abbreviations of ITU and UN documents after which a full stop ends no sentence: "(Mod. 2024)", "Res. 140".
ABBREVIATION_RE = re.compile(r"\b(?:Mod|Rev|Res|Corr|Add|Doc|Ref|No|Nos|para|paras|Vol|Art|p|pp|e\.g|i\.e|cf|St|Mr|Ms|"
                             r"Dr|Amd|Suppl|Sect|approx|incl)\.$", re.IGNORECASE)


def sentences(text: str) -> list[str]:
    """The passage's sentences, verbatim; a passage with no break is one sentence."""
    out: list[str] = []
    for piece in SENTENCE_RE.split(text.strip()):
        if out and ABBREVIATION_RE.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        elif piece.strip():
            out.append(piece)
    return out


def words(text: str) -> list[str]:
    """Lower-case word tokens, for quotation and overlap tests."""
    return WORD_RE.findall(text.lower().replace("\u2019", "'"))


def content(text: str) -> frozenset[str]:
    """Content words (no stop words, no single letters)."""
    return frozenset(w for w in words(text) if w not in STOP and len(w) > 1)


def quote_grams(requirement: str, run: int = QUOTE_RUN) -> frozenset[tuple[str, ...]]:
    """Every run of `run` consecutive words of the requirement's own text that says what is asked: runs that are
    mostly a name ("the Commission on Science and Technology for Development", three or more capitalised
    words) are left out, since reports name the same bodies when they say what was done."""
    tokens = re.findall(r"[A-Za-z0-9]+(?:[-'\u2019][A-Za-z0-9]+)*", requirement)
    low = [t.lower().replace("\u2019", "'") for t in tokens]
    caps = [t[:1].isupper() for t in tokens]
    return frozenset(tuple(low[i:i + run]) for i in range(len(low) - run + 1)
                     if sum(caps[i:i + run]) < 3 and sum(w not in STOP for w in low[i:i + run]) >= 3)


def quotes(sentence_words: tuple[str, ...], grams: frozenset[tuple[str, ...]], run: int = QUOTE_RUN) -> bool:
    """Does the sentence repeat `run` or more consecutive words of the requirement, other than as the object of a
    verb in the past ("The Bureau trained staff of national regulators in spectrum management": a deed told in the
    requirement's words, not a quotation of it)?"""
    if not grams:
        return False
    hits = [tuple(sentence_words[i:i + run]) in grams for i in range(len(sentence_words) - run + 1)]
    if not any(hits):  # most sentences quote nothing: no need to look for stretches
        return False
    # Each stretch of overlapping runs is one quotation; it is a deed when the word before it is a verb in the past.
    return any(hit and not (i and hits[i - 1]) and not (i and _past(sentence_words[i - 1]))
               for i, hit in enumerate(hits))


# Past forms of the verbs requirements use most that do not end in -ed.
IRREGULAR_PAST = frozenset("set built held made ran gave took sent wrote began brought led met put taught sought "
                           "undertook spent won drew".split())


def _past(word: str) -> bool:
    return word in IRREGULAR_PAST or (len(word) > 4 and word.endswith("ed") and word not in {"need", "indeed"})


def analyse(text: str) -> tuple[SentenceCues, ...]:
    """The cues of every sentence of a passage."""
    return tuple(_cues(s) for s in sentences(text))


# The sentence cues that ignore case, read on the lowered sentence where that finds the same (signals.searcher): a
# sentence's cues took 0.3 ms, most of it in these patterns tried both ways on every letter.
READING_CASELESS = {**CASELESS, **caseless(PLAN_RE, DONE_RE, RESTATE_RE)}


def _cues(s: str) -> SentenceCues:
    search = searcher(s, READING_CASELESS)
    plain = DATE_RE.sub(" ", _strip_symbols(s))
    measure = bool(FIGURE_RE.search(plain))
    planned = search(PLAN_RE)
    # A deed told before the plan's first word ("trained 300 officials and will train more") makes it no plan: the
    # text before that word, PLAN_RE.split's first piece.
    plan = bool(planned) and not (measure and search(DONE_RE)) and not searcher(
        s[:planned.start()], READING_CASELESS)(DONE_RE)
    no_url = URL_RE.sub(" ", s)
    outcome, challenge = searcher(no_url)(OUTCOME_RE), search(CHALLENGE_RE)
    events = bool(search(EVENT_RE) or URL_RE.search(s)) and not (measure or outcome or challenge)
    parts = tuple(name for name, found in (("figures", measure), ("results", outcome), ("difficulties", challenge))
                  if found)
    return SentenceCues(text=s, words=tuple(words(s)), content=content(s),
                        restate_cue=not measure and bool(search(RESTATE_RE)), measure=measure,
                        not_done=(bool(search(NEGATION_RE)) and bare_negation(s))
                        or (bool(DENIAL_RE.search(s)) and not measure), plan=plan, events_only=events,
                        parts=parts)


def read(cues: tuple[SentenceCues, ...], *, focus: frozenset[str],
         grams: frozenset[tuple[str, ...]]) -> PassageReading:
    """The verdict on one candidate passage: substance over mention over deferral. A passage whose every relevant
    sentence restates the mandate (or quotes the requirement) is a restatement, never evidence. `focus`: the
    content words of what is looked for (the facet, or the requirement); `grams`: the requirement's word runs
    (quote_grams). Relevant sentences share a content word with the focus; all are, when none does (the retrieval
    signals found the passage through its topic, not its words)."""
    relevant = [c for c in cues if not c.content.isdisjoint(focus)] or list(cues)
    verdicts = [_verdict(c, grams) for c in relevant]
    for wanted in (PassageVerdict.SUBSTANCE, PassageVerdict.MENTION, PassageVerdict.NOT_DONE,
                   PassageVerdict.RESTATEMENT):
        for v, c, why in verdicts:
            if v is wanted:
                return PassageReading(verdict=v, sentence=c.text, why=why)
    return PassageReading(verdict=PassageVerdict.UNRELATED, sentence="", why="says nothing on it")


def read_passage(text: str, *, focus: str, requirement: str) -> PassageReading:
    """read() on a passage's text, for one-off use (tests, explanations)."""
    return read(analyse(text), focus=content(focus), grams=quote_grams(requirement))


def _verdict(c: SentenceCues, grams: frozenset[tuple[str, ...]]) -> tuple[PassageVerdict, SentenceCues, str]:
    # A sentence that repeats the requirement's words restates it, unless it is a plan ("The Bureau will train staff
    # of national regulators in spectrum management in 2027") or the words follow a verb in the past (quotes).
    if c.restate_cue or (not (c.measure or c.plan) and quotes(c.words, grams)):
        return PassageVerdict.RESTATEMENT, c, "restates the mandate"
    if c.not_done:
        return PassageVerdict.NOT_DONE, c, "says it was not done or is deferred"
    if c.plan:
        return PassageVerdict.MENTION, c, "gives a plan or intention, not a result"
    if c.events_only:
        return PassageVerdict.MENTION, c, "lists events or links without results"
    return PassageVerdict.SUBSTANCE, c, "gives " + (", ".join(c.parts) if c.parts else "what was done")


def _strip_symbols(text: str) -> str:
    """Resolution numbers and symbols are not measures ("Resolution 1334", "A/RES/70/125")."""
    return re.sub(r"\b(?:Resolutions?|Res\.|Decisions?|A/RES/|E/RES/|documents?)\s*[\w/.()-]*\d[\w/.()-]*", " ", text,
                  flags=re.IGNORECASE)
