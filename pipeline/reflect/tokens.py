"""Words for text-reuse alignment: tokens with their character spans, a light stem, and which words carry content.

No spaCy here: alignment compares word forms, and a suffix-stripping stem is enough to see "to include" in
"includes" and "establishing" in "established". Numbers are their own class, so a changed figure ("10 targets" ->
"11 targets") reads as a changed word inside a span rather than a break in it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# A word: letters or digits, joined by inner hyphens, apostrophes, dots or slashes ("Secretary-General", "2.1",
# "A/RES/70/125", "ITU's").
WORD_RE = re.compile(r"\w+(?:[-'\u2019./]\w+)*")
NUMBER_RE = re.compile(r"\d+(?:[.,/]\d+)*")

# Function words: aligned when they sit inside a span, but a reflection counts content words only.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below between both but by
can could did do does doing done down during each either few for from further had has have having he her here hers
him his how i if in into is it its itself let may me might more most must my no nor not of off on once only or other
our ours out over own same shall she should so some such than that the their theirs them then there these they this
those through to too under until up upon very was we were what when where whether which while who whom whose why
will with within without would you your yours thereof therein thereby hereby
""".split())

# Suffixes stripped from the end of a word, longest first (the stem keeps at least three letters).
_SUFFIXES = ("ations", "ation", "ingly", "ities", "ments", "ment", "ings", "ing", "ity", "ies", "ied", "ed", "es",
             "ly", "s")


# A drafting instruction leading a proposal ("To include, in the section on Action Line C2, …", "To include to
# the report …", "The revised resolution should recognize that …"): words addressed to the drafters, not words
# meant for the final text, so a reflection does not count them.
FRAMING_RE = re.compile(
    r"^\s*(?:to|we\s+propose(?:\s+that)?(?:\s+the\s+\w+(?:\s+\w+)?\s+(?:should|shall))?(?:\s+to)?|"
    r"(?:the|this|our)\s+(?:revised\s+|final\s+|draft\s+)?(?:report|resolution|declaration|outcome\s+document|document"
    r"|text|conclusions|decision)\s+(?:should|shall|must|could|would|is\s+to)(?:\s+also)?)\s+"
    r"(?:(?:include|add|insert|mention|reflect|list|contain)\b(?:\s*,\s*(?:in|as|under|within|at)\b[^,]{0,80},)?"
    r"(?:\s+(?:in|to|into)\s+(?:the|its|this|an|a)\s+(?:report|resolution|text|document|annex|declaration)\b)?"
    r"|(?:recognize|note|state|stress|emphasize|underline|acknowledge)\s+that\b)", re.I)


# A proposal that quotes the text it proposes ("To add to section 4 the following text: "…"", "We propose a new OP
# after OP6: "…""): the quotation is its wording, what leads to it is framing.
QUOTED_WORDING_RE = re.compile(r"^[^\"\u201c]{3,300}?[:,]\s*[\"\u201c](?=\S)(?=[^\"\u201c\u201d]{20,}[\"\u201d]?\W*$)",
                               re.S)


def framing_length(text: str) -> int:
    """How many leading characters of a proposal are a drafting instruction (QUOTED_WORDING_RE, FRAMING_RE); 0 when
    none."""
    m = QUOTED_WORDING_RE.match(text) or FRAMING_RE.match(text)
    return m.end() if m and m.end() < len(text.rstrip()) else 0


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its characters' span, its comparison form and whether it carries content."""

    start: int
    end: int
    key: str  # stem, or "#" and the digits for a number
    content: bool
    number: bool


def fold(word: str) -> str:
    """Case, accents and typographic apostrophes folded away."""
    word = unicodedata.normalize("NFKD", word.casefold().replace("\u2019", "'"))
    return "".join(c for c in word if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A suffix-stripping stem: "includes", "included", "including", "include" all give "includ"."""
    w = word.removesuffix("'s")
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    return w


def tokens(text: str, *, offset: int = 0) -> tuple[Token, ...]:
    """The words of `text` with spans shifted by `offset` (the text's place in its document)."""
    out = []
    for m in WORD_RE.finditer(text):
        word = fold(m.group())
        number = bool(NUMBER_RE.fullmatch(word))
        if number:
            out.append(Token(m.start() + offset, m.end() + offset, "#" + word, True, True))
            continue
        out.append(Token(m.start() + offset, m.end() + offset, stem(word), word not in STOPWORDS and len(word) > 1,
                         False))
    return tuple(out)


__all__ = ["FRAMING_RE", "QUOTED_WORDING_RE", "STOPWORDS", "Token", "fold", "framing_length", "stem", "tokens"]
