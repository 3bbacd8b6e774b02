"""Split a compound requirement into the facets a reader would tick off one by one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from ..kb import Expansion, KnowledgeBase
from ..model import Facet
from .cues import ACTION_LINE_CODE_RE

if TYPE_CHECKING:  # the parse is made where spaCy is loaded (extract._finish)
    from spacy.tokens import Doc

# Nouns too general to be a facet on their own ("information and materials" says nothing to tick off).
GENERIC_NOUNS = {"information", "report", "reports", "al", "als", "material", "materials", "document",
                 "documents", "data", "way", "ways", "part", "use", "matter", "matters", "issue", "issues", "work",
                 "resolution", "itu", "union", "contribution", "contributions", "meeting", "meetings", "council"}
# Words for "things done": a list of them ("the activities, actions and engagements of the Union") names one thing
# in several words, not parts to tick off (annotation rule: near-synonyms are not split).
ACTIVITY_NOUNS = {"activity", "activities", "action", "actions", "engagement", "engagements", "effort", "efforts",
                  "initiative", "initiatives", "measure", "measures", "step", "steps", "undertaking", "undertakings",
                  "endeavour", "endeavours", "intervention", "interventions"}
# Prepositions that introduce recipients or channels ("to the Council and the Group"), not content.
RECIPIENT_PREPS = {"to", "via", "through", "by", "with", "from", "for", "among", "between"}
MODIFIER_DEPS = {"amod", "compound", "nummod", "poss", "nmod"}
# Repeated prepositions that join content ("in cybersecurity and in the production of ICT statistics", "by Action
# Line and by Sustainable Development Goal"): a "for" or "by" said twice names parts, even though one "for" before a
# list may name its recipients. "of" said twice joins owners ("of the General Secretariat and of the Bureaux").
CONTENT_PREPS = {"in", "on", "for", "by", "about", "regarding", "concerning"}


def split_facets(text: str, parsed: Doc, kb: KnowledgeBase) -> tuple[Facet, ...]:
    """Facets from knowledge-base expansions, lists of Action Line codes, WSIS instruments named together and
    coordinated noun phrases."""
    lower = text.lower()
    found: list[tuple[int, Facet]] = []  # (position in text, facet)
    covered: list[tuple[int, int]] = []
    seen: set[str] = set()
    for pattern, rx, exp in _expansion_patterns(kb.expansions):
        if pattern not in lower:
            continue  # the pattern matches only where its words are
        for m in rx.finditer(lower):
            if any(s < m.end() and m.start() < e for s, e in covered):
                continue  # inside a longer expansion already taken
            covered.append((m.start(), m.end()))
            for cid in exp.concept_ids:
                if cid not in seen:
                    seen.add(cid)
                    c = kb.concept(cid)
                    found.append((m.start(), Facet(label=concept_label(c), text=c.short or c.title,
                                                   origin=f"kb:{exp.id}", concept=cid)))
    codes = [m for m in ACTION_LINE_CODE_RE.finditer(text) if not _inside(m.start(1), covered)]
    if len({m.group(1) for m in codes}) >= 2:
        for m in codes:
            code = m.group(1)
            if code not in seen:
                seen.add(code)
                covered.append((m.start(), m.end()))
                found.append((m.start(), Facet(label=code, text=kb.concept(code).short, origin="codes", concept=code)))
    # Two or more WSIS instruments named ("the figures of the Partnership on Measuring ICT for Development and the
    # entries in the WSIS Stocktaking") are the parts a reader ticks off, whatever the parser makes of their names.
    named = [s for s in parsed.spans.get("concepts", []) if kb.concept(s.label_).kind == "instrument"
             and not _inside(s.start_char, covered)]
    instruments: list[tuple[int, int]] = []
    if len({s.label_ for s in named}) >= 2:
        for span in named:
            instruments.append((span.start_char, span.end_char))
            if span.label_ not in seen:
                seen.add(span.label_)
                c = kb.concept(span.label_)
                found.append((span.start_char, Facet(label=concept_label(c), text=c.short, origin="instruments",
                                                     concept=c.id)))
        covered.extend(instruments)
    found.extend(_coordinated(parsed, covered, {f.text.lower() for _, f in found}, instruments))
    facets = [f for _, f in sorted(found, key=lambda pf: pf[0])]  # stable: ties keep expansion order
    return tuple(facets) if len(facets) >= 2 else ()


@lru_cache(maxsize=8)
def _expansion_patterns(expansions: tuple[Expansion, ...]) -> tuple[tuple[str, re.Pattern, Expansion], ...]:
    """Every expansion pattern with its whole-word regex, longest first (a longer expansion takes the words a shorter
    one would), compiled once per knowledge base rather than for every requirement."""
    pairs = sorted(((p, e) for e in expansions for p in e.patterns), key=lambda pe: -len(pe[0]))
    return tuple((p, re.compile(r"\b" + re.escape(p) + r"\b"), e) for p, e in pairs)


# How a reader names each kind of concept on its own ("target c", "SDG 9").
LABEL_FORMAT = {"action_line": "{code}", "wsis_target": "WSIS target {label}", "bb_target": "advocacy target {label}",
                "c2030_goal": "Connect 2030 goal {label}", "sdg": "SDG {label}"}


def concept_label(concept) -> str:
    """A facet label readable without context."""
    return LABEL_FORMAT.get(concept.kind, "{label}").format(code=concept.id, label=concept.label)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _coordinated(doc: Doc, covered: list[tuple[int, int]], taken: set[str],
                 instruments: Sequence[tuple[int, int]] = ()) -> list[tuple[int, Facet]]:
    """Noun phrases joined by and/or under one head, when they name content (not recipients or actors). A phrase
    that holds a WSIS instrument taken as a facet ("a summary of the entries in the WSIS Stocktaking") is named by
    that instrument."""
    actor_tokens = {t.i for span in doc.spans.get("actors", []) for t in span}
    groups: dict[int, list] = {}
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ not in ("NOUN", "PROPN") or tok.head.pos_ not in ("NOUN", "PROPN"):
            continue
        head = tok.head
        while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        groups.setdefault(head.i, [head]).append(tok)
    facets: list[tuple[int, Facet]] = []
    for members in groups.values():
        head = members[0]
        if head.dep_ == "pobj" and head.head.lower_ in RECIPIENT_PREPS:
            continue
        if any(t.i in actor_tokens or _inside(t.idx, covered) for t in members):
            continue
        # A list has its "and" or "or"; nouns the parser chains with commas alone are apposition or a misparse
        # ("every two years, the roadmap of each Action Line"), not parts to tick off.
        if not any(c.dep_ == "cc" for t in members for c in t.children):
            continue
        phrases = [_phrase(t) for t in members]
        if any(t.lower_ in GENERIC_NOUNS for t in members) and len({t.lower_ for t in members}) == 1:
            continue
        if all(p.lower() in ACTIVITY_NOUNS for p in phrases):
            continue
        for tok, phrase in zip(members, phrases):
            if tok.lower_ in GENERIC_NOUNS or phrase.lower() in taken:
                continue
            if instruments and any(_inside(t.idx, instruments) for t in _own_subtree(tok)):
                continue
            taken.add(phrase.lower())
            facets.append((tok.idx, Facet(label=phrase, text=phrase, origin="coordination")))
    facets.extend(_coordinated_modifiers(doc, covered, taken))
    facets.extend(_coordinated_preps(doc, covered, taken, actor_tokens))
    return facets


def _coordinated_preps(doc: Doc, covered: list[tuple[int, int]], taken: set[str],
                       actor_tokens: set[int]) -> list[tuple[int, Facet]]:
    """Objects of a repeated content preposition joined by and/or: "in cybersecurity and in the production of ICT
    statistics" -> "cybersecurity", "production of ICT statistics"."""
    out: list[tuple[int, Facet]] = []
    for second in doc:
        if second.dep_ != "conj" or second.pos_ != "ADP" or second.lower_ not in CONTENT_PREPS:
            continue
        # The parser may hang the repeated preposition on an earlier word: pair it with the nearest same one.
        first = next((t for t in reversed(doc[:second.i]) if t.lower_ == second.lower_ and t.dep_ in ("prep", "agent")),
                     None)
        if first is None or not any(t.dep_ == "cc" for t in doc[first.i:second.i]):
            continue
        objects = [o for p in (first, second) for o in p.children if o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")]
        if len(objects) < 2 or any(o.i in actor_tokens or _inside(o.idx, covered) or o.lower_ in GENERIC_NOUNS
                                   for o in objects):
            continue
        for obj in objects:
            phrase = _phrase(obj)
            of = [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
            if of:  # a nominalisation is named with its content: "production of ICT statistics"
                phrase = f"{phrase} of {_phrase(of[0])}{_stray_nouns(of[0])}"
            if phrase.lower() not in taken:
                taken.add(phrase.lower())
                out.append((obj.idx, Facet(label=phrase, text=phrase, origin="coordination")))
    return out


def _coordinated_modifiers(doc: Doc, covered: list[tuple[int, int]], taken: set[str]) -> list[tuple[int, Facet]]:
    """Adjectives joined by and/or on one noun: "the financial and human resources" -> "financial resources",
    "human resources" (annotation rule: each is a part a reader ticks off)."""
    out: list[tuple[int, Facet]] = []
    for head in doc:
        if head.dep_ != "amod" or head.pos_ != "ADJ" or head.head.pos_ != "NOUN" or head.head.lower_ in GENERIC_NOUNS:
            continue
        conj = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "ADJ"]
        if not conj or not any(c.dep_ == "cc" for c in head.children):
            continue
        noun = head.head
        for adj in [head, *conj]:
            phrase = f"{adj.text} {noun.text}"
            if _inside(adj.idx, covered) or phrase.lower() in taken:
                continue
            taken.add(phrase.lower())
            out.append((adj.idx, Facet(label=phrase, text=phrase, origin="coordination")))
    return out


def _own_subtree(tok) -> list:
    """The words of `tok`'s phrase without the phrases coordinated with it."""
    others = {t.i for c in tok.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return [t for t in tok.subtree if t.i not in others]


def _stray_nouns(tok) -> str:
    """Nouns right after `tok`, which the parser left outside its phrase ("the production of ICT statistics" read
    with a stray "statistics"), as text to append: " statistics"; empty when the next word is not a noun."""
    end = tok.i + 1
    while end < len(tok.doc) and tok.doc[end].pos_ in ("NOUN", "PROPN"):
        end += 1
    return "".join(" " + t.text for t in tok.doc[tok.i + 1:end])


def _phrase(tok) -> str:
    """The noun with its left modifiers: 'new challenges', 'detailed implementation'."""
    left = [c for c in tok.lefts if c.dep_ in MODIFIER_DEPS and c.pos_ != "DET"]
    start = min([tok.i] + [c.left_edge.i if c.dep_ in ("compound", "nmod") else c.i for c in left])
    return tok.doc[start:tok.i + 1].text
