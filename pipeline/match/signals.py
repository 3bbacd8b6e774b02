"""Per-text signals shared by retrieval and judgement: lemmas, knowledge-base concepts, substance cues."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..extract.lexicon import Words, read_words

# Words every requirement and report uses; they say nothing about which passage answers which requirement.
BOILERPLATE = frozenset({
    "itu", "union", "report", "information", "include", "provide", "implementation", "implement", "activity",
    "wsis", "also", "regularly", "annually", "ensure", "continue", "relevant", "including", "well", "work",
    "shall", "should", "must", "need", "secretary-general", "secretariat", "council", "member", "state",
    "resolution", "mod", "rev", "document", "contribution", "meeting", "group", "working",
})
# Substance: figures, outcomes and difficulties. From the annotation guideline (corpora/README.md): a report
# addresses an instruction when it says what was done, with results, figures or challenges.
# Any number of two digits or more counts, years included: in these reports a dated statement ("in 2025 the
# Union connected …") is usually a result, and measured on the corpus, leaving years out loses accuracy
# (0.68 -> 0.64). `years` is counted apart as well.
FIGURE_RE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:%|per ?cent|percent|million|billion|thousand)|\b\d{2,}(?:,\d{3})*\b")
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
# Dates are not measures: "held in Geneva from 27 to 31 May 2024" reports an event, not a result.
MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATE_RE = re.compile(rf"\b\d{{1,2}}(?:\s*(?:-|–|to|and)\s*\d{{1,2}})?\s+{MONTHS}(?:\s+(?:19|20)\d{{2}})?\b|"
                     rf"\b{MONTHS}\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b|\b(?:19|20)\d{{2}}\b|"
                     r"\w\+\d+|https?://\S+")  # names such as WSIS+20, and web addresses
OUTCOME_RE = re.compile(
    r"\b(connected|trained|reached|increased|decreased|reduced|rose|fell|grew|launched|adopted|completed|achieved|"
    r"delivered|established|doubled|halved|improved|extended|deployed|enabled|benefit(?:ed|ing)?|results?|"
    r"outcomes?|progress|measured|assessed|found(?! (?:at|on|in|here|under)\b)|shows?|showed|published data|rate|share|"
    r"coverage)\b", re.I)
CHALLENGE_RE = re.compile(r"\b(challenges?|obstacles?|difficult(?:y|ies)|gaps?|constraints?|barriers?|shortfalls?|"
                          r"lack(?:ed|s)?|risks?|bottlenecks?|delays?|insufficient|shortage)\b", re.I)
EVENT_RE = re.compile(r"\b(forum|workshops?|webinars?|meetings?|events?|sessions?|conferences?|held|took place|"
                      r"organized|organised|hosted|participated|attended|panels?|side[- ]events?|ceremony|"
                      r"website|webpage|web page|see|available (?:at|on)|link|online at|portal)\b", re.I)
URL_RE = re.compile(r"https?://\S+|www\.\S+")
# Negation and deferral: "no update was prepared", "data are not yet available", "will be presented later".
NEGATION_RE = re.compile(
    r"\b(not yet|no (?:\w+ ){0,2}(?:update|report|data|information|progress|figures?|estimates?|counts?|series|"
    r"statistics|roadmap|funding|assessment|analysis)|none (?:are|is|was|were)|"
    r"(?:was|were|has|have|had|is|are|could|did|does|do)(?: \w+ly| therefore| yet| still| also)? not|cannot|unable to|"
    r"not (?:yet )?(?:been )?(?!only\b|limited\b|least\b)\w+(?:ed|en)\b|not available|(?:has|have) yet to|"
    r"postponed|deferred|put back|pushed back|put off|too few (?:\w+ ){0,3}to (?:say|tell|estimate|know|judge)|"
    r"will be (?:presented|provided|prepared|reported|made available|issued|submitted|published) "
    r"(?:at|in|to|with) (?:a |the )?(?:later|future|next|subsequent)|at a later (?:stage|date|session|meeting)|pending|"
    r"remains? to be|still to be|is being prepared|are being prepared|in preparation|no longer|"
    r"(?:to|at|in) a (?:future|later|subsequent) (?:session|meeting|stage|date|report)|"
    r"will\b[^.;]{0,100}?\b(?:once|in due course))\b", re.I)
# What happened, as opposed to where to read about it: the event words of EVENT_RE without the link words.
HAPPENED_RE = re.compile(r"\b(forum|workshops?|webinars?|meetings?|events?|sessions?|conferences?|held|took place|"
                         r"organized|organised|hosted|participated|attended|panels?|side[- ]events?|ceremony)\b", re.I)


# A promise: what will be done says nothing about what was done ("a first breakdown will be submitted to the Council
# at its 2028 session" beside "spending is not yet identified" is no answer).
FUTURE_RE = re.compile(r"\b(?:will|is to be|are to be|is due to|are due to)\b", re.I)

# Where one statement ends and the next begins inside a passage: sentence and semicolon breaks, and the
# contrastive "but", "while", "although". "About 15 staff worked on it; what it cost cannot yet be stated" holds
# a result and a negation.
CLAUSE_BREAK_RE = re.compile(r"(?<=[.;:])\s+|,?\s+(?:but|while|whereas|although|though)\s+", re.I)


def bare_negation(text: str) -> bool:
    """Only a negation or deferral: every clause that says something (a figure, a result, a difficulty, an event)
    is itself negated. The annotation rule: a bare negation never counts as an answer; a passage that gives a
    result on one part and says another part was not done does."""
    if not searcher(text)(NEGATION_RE):
        return False
    for clause in CLAUSE_BREAK_RE.split(text):
        search = searcher(clause)
        if search(NEGATION_RE):
            continue
        # A date or a web address beside the negation is no answer ("the roadmaps can be found at https://…").
        measure = FIGURE_RE.search(DATE_RE.sub(" ", clause))
        if search(FUTURE_RE) and not measure:
            continue  # a promise, unless it carries a measure
        if measure or search(OUTCOME_RE) or search(CHALLENGE_RE) or search(HAPPENED_RE):
            return False
    return True


@dataclass(frozen=True, slots=True, kw_only=True)
class TextTerms:
    """The words of a text as retrieval compares them."""

    lemmas: tuple[str, ...]  # content lemmas, lower case
    concepts: tuple[str, ...]  # knowledge-base concept ids found (codes, titles, topic words)
    actors: tuple[str, ...]  # canonical actors named


@dataclass(frozen=True, slots=True, kw_only=True)
class TextSignals:
    """What the judge needs to know about one text, computed once."""

    lemmas: tuple[str, ...]  # content lemmas, lower case
    concepts: tuple[str, ...]  # knowledge-base concept ids found (codes, titles, topic words)
    actors: tuple[str, ...]  # canonical actors named
    figures: int
    measures: int  # figures that are not dates: counts, amounts, percentages
    years: int
    outcomes: int
    challenges: int
    events: int
    urls: int
    negations: int
    bare_negation: bool  # bare_negation(text)
    words: int


def text_signals(texts: list[str], kb_files: tuple[str, ...] = ()) -> list[TextSignals]:
    """Signals for many texts in one pass (each distinct text read once)."""
    words = read_words(texts, kb_files, skip=BOILERPLATE)
    signals = {text: _signals(text, w) for text, w in words.items()}
    return [signals[t] for t in texts]


def text_terms(texts: list[str], kb_files: tuple[str, ...] = ()) -> list[TextTerms]:
    """Only the words of many texts (lemmas, concepts, actors): what retrieval compares a requirement, a facet or a
    heading by, without the substance counts that only a passage needs."""
    words = read_words(texts, kb_files, skip=BOILERPLATE)
    return [TextTerms(lemmas=w.lemmas, concepts=w.concepts, actors=w.actors) for w in map(words.__getitem__, texts)]


def _signals(text: str, words: Words) -> TextSignals:
    count = _counter(text)
    negations = count(NEGATION_RE)
    figures = len(FIGURE_RE.findall(text))
    undated, dates = DATE_RE.subn(" ", text)
    return TextSignals(
        lemmas=words.lemmas, concepts=words.concepts, actors=words.actors, figures=figures,
        # A text with no date holds as many measures as figures (a quarter of the benchmark's passages).
        measures=len(FIGURE_RE.findall(undated)) if dates else figures, years=len(YEAR_RE.findall(text)),
        outcomes=count(OUTCOME_RE), challenges=count(CHALLENGE_RE), events=count(EVENT_RE),
        urls=len(URL_RE.findall(text)),
        # bare_negation needs a negation: a text with none is not looked at again.
        negations=negations, bare_negation=negations > 0 and bare_negation(text), words=max(1, len(text.split())))


def caseless(*patterns: re.Pattern) -> dict[re.Pattern, re.Pattern]:
    """Each IGNORECASE cue pattern compiled without the flag, to read lower-case text: Python's matcher tries every
    letter of an alternation both ways under IGNORECASE, and reading the lowered text is 2-4 times faster (the
    300-page benchmark's passages: 0.52 -> 0.16 s). Their literals are lower case, so they find the same matches
    there."""
    assert not any(re.search(r"(?<!\\)[A-Z]", rx.pattern) for rx in patterns), "a caseless cue pattern has a capital"
    return {rx: re.compile(rx.pattern, rx.flags & ~re.IGNORECASE) for rx in patterns}


CASELESS = caseless(NEGATION_RE, OUTCOME_RE, CHALLENGE_RE, EVENT_RE, HAPPENED_RE, FUTURE_RE)


def reads_lowered(text: str) -> bool:
    """Whether the caseless patterns find on text.lower() what their IGNORECASE forms find on text, at the same
    places (_lowers_plainly)."""
    return text.isascii() or all(_lowers_plainly(ch) for ch in set(text) if not ch.isascii())


def _counter(text: str):
    """count(rx): how many times an IGNORECASE cue pattern occurs in text, on the lowered text where that finds the
    same (reads_lowered), else on the text itself."""
    if reads_lowered(text):
        low = text.lower()
        return lambda rx: len(CASELESS[rx].findall(low))
    return lambda rx: len(rx.findall(text))


def searcher(text: str, forms: dict[re.Pattern, re.Pattern] = CASELESS):
    """search(rx): rx.search(text) for an IGNORECASE cue pattern of `forms` (caseless), on the lowered text where
    that finds the same match (reads_lowered), else on the text itself; the match's span is the same either way."""
    if reads_lowered(text):
        low = text.lower()
        return lambda rx: forms[rx].search(low)
    return lambda rx: rx.search(text)


@lru_cache(maxsize=4096)
def _lowers_plainly(ch: str) -> bool:
    """Whether a non-ASCII character reads the same to the cue patterns once lowered: one character, with the same
    word, digit and space classes, and no case form that is ASCII (the Kelvin sign matches "k" under IGNORECASE, the
    long s "s", the dotted capital I lowers to two characters)."""
    low = ch.lower()
    return (len(low) == 1 and not any(form.isascii() for form in (low, ch.upper(), ch.casefold()))
            and (ch.isalnum(), ch.isdigit(), ch.isspace(), ch.isdecimal()) == (low.isalnum(), low.isdigit(),
                                                                                low.isspace(), low.isdecimal()))
