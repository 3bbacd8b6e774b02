"""The words of many texts at speed: lookup lemmas, knowledge-base concepts and actors, by spaCy's blank English.

Matching (pipeline/match) compares report passages and requirements by these words; spaCy stays in extraction
(issue 22), and matching asks for the words here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..errors import ArtifactError


@dataclass(frozen=True, slots=True)
class Words:
    """What matching reads of a text: its content lemmas, and the concepts and actors the knowledge base finds."""

    lemmas: tuple[str, ...]
    concepts: tuple[str, ...]
    actors: tuple[str, ...]


@lru_cache(maxsize=2)
def fast_nlp(kb_files: tuple[str, ...] = ()):
    """Blank English with lookup lemmas and the concept matcher (topic words on): whole reports in seconds."""
    import spacy

    from . import nlp as _register  # noqa: F401  (registers the matcher factories)

    nlp = spacy.blank("en")
    try:
        nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
        nlp.add_pipe("wsis_concept_matcher_v1", config={"kb_files": list(kb_files), "topics": True})
        nlp.add_pipe("wsis_actor_matcher_v1", config={"kb_files": list(kb_files)})
        nlp.initialize()
    except (OSError, ValueError, ImportError) as exc:
        raise ArtifactError(f"cannot build the lemmatizer: {exc}", hint="pip install spacy-lookups-data") from None
    return nlp


def read_words(texts: list[str], kb_files: tuple[str, ...] = (), *, skip: frozenset[str] = frozenset()) -> dict:
    """{text: Words} for the distinct texts: heading trails repeat over every passage of their section (180 distinct
    trails over 2,894 passages in the 286-page benchmark report), so each is read once. `skip`: lemmas left out
    (words every text of the domain uses)."""
    distinct = list(dict.fromkeys(texts))
    nlp = fast_nlp(kb_files)
    lemma_of = _LemmaMemo(nlp, skip)
    out = {}
    # The lemmatizer's own pass is skipped: lemmas come from its lookup table, keyed by each token's lower-case
    # form (_LemmaMemo); the matchers read only LOWER.
    with nlp.select_pipes(disable=["lemmatizer"]):
        for text, doc in zip(distinct, nlp.pipe(distinct, batch_size=256)):
            out[text] = Words(lemmas=lemma_of.lemmas(doc), concepts=_labels(doc, "concepts"),
                              actors=_labels(doc, "actors"))
    return out


def _labels(doc, key: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.label_ for s in doc.spans[key]))


def _lemma_table(nlp):
    lookups = nlp.get_pipe("lemmatizer").lookups
    return lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else {}


class _LemmaMemo:
    """Token form -> content lemma (None for stop words, one-letter and non-alphabetic tokens), once per form."""

    def __init__(self, nlp, skip: frozenset[str]):
        from spacy.attrs import ORTH

        self.ORTH = ORTH
        self.vocab = nlp.vocab
        self.table = _lemma_table(nlp)
        self.skip = skip
        self.seen: dict[int, str | None] = {}

    def lemmas(self, doc) -> tuple[str, ...]:
        seen = self.seen
        out = []
        for orth in doc.to_array([self.ORTH]).tolist():
            lem = seen.get(orth, _UNSEEN)
            if lem is _UNSEEN:
                lem = seen[orth] = self._lemma(orth)
            if lem is not None:
                out.append(lem)
        return tuple(out)

    def _lemma(self, orth: int) -> str | None:
        # The same test as on a Token: is_alpha, is_stop and the lower-case form are properties of the word form
        # (its lexeme), and len(token) is the length of its text.
        lex = self.vocab[orth]
        if not lex.is_alpha or lex.is_stop or len(lex.orth_) <= 1:
            return None
        # The lookup table is keyed by lower-case forms: "Activities" at the start of a heading or sentence is
        # looked up as "activities", so that it meets "activity" in the requirement.
        lem = self.table.get(lex.lower_, lex.lower_).lower()
        return None if lem in self.skip else lem


_UNSEEN = object()


__all__ = ["Words", "fast_nlp", "read_words"]
