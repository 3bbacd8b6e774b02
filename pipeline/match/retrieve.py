"""Retrieval: score every passage of a report for each requirement and facet, fusing four signals.

Signals: TF-IDF on lemmas (lexical), rapidfuzz on key terms (codes, names, titles), knowledge-base concepts
(a passage on "national CIRTs" is about C5), and a semantic signal (LSA over the audit's texts, offline; or
MiniLM sentence embeddings when the `semantic` extra is installed).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize as l2

from ..kb import KnowledgeBase
from ..model import Passage, Requirement
from .signals import TextSignals, text_signals

RETRIEVER_VERSION = "retrieve/1"
SIGNALS = ("lexical", "fuzzy", "kb", "semantic")
# Fusion weights, set on the corpus (benchmarks/ablation in `wsis-audit eval` shows what each adds).
FUSION_WEIGHTS = {"lexical": 0.35, "fuzzy": 0.15, "kb": 0.2, "semantic": 0.3}
KEY_TERM_RE = re.compile(
    r"\b(?:C(?:1[01]|[1-9])|SDG ?\d{1,2}|\d+(?:\.\d+)?\s*(?:%|per cent)|(?:[A-Z][\w&+\-/]*(?:\s+(?:of|for|on|and|the|in)"
    r"\s+|\s+)){1,5}[A-Z][\w&+\-/]*)\b")
# Capitalised words that start sentences or name the author: not key terms.
KEY_TERM_STOP = {"The", "This", "To", "ITU", "It", "In", "Council", "Secretary-General", "Union"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    """What is looked for: a whole requirement (facet None) or one of its facets."""

    requirement_id: str
    facet: int | None
    label: str
    query: str  # text used for lexical/semantic matching
    focus: str  # the facet's own words (or the requirement text)
    concepts: tuple[str, ...]
    key_terms: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class UnitScores:
    """Per-passage scores in [0, 1] for one unit, by signal, and the fused score."""

    unit: Unit
    by_signal: dict  # signal -> np.ndarray over passages
    fused: np.ndarray
    focus_coverage: np.ndarray  # share of the facet's own lemmas present in each passage
    relevance: np.ndarray | None = None  # learned P(passage addresses the unit), when a judge model is given

    @property
    def ranking(self) -> np.ndarray:
        """What passages are ranked by: learned relevance when known, else the fused score."""
        return self.relevance if self.relevance is not None else self.fused


def units_for(req: Requirement, kb: KnowledgeBase) -> list[Unit]:
    """The whole requirement, plus one unit per facet."""
    key_terms = tuple(dict.fromkeys(t.strip() for t in KEY_TERM_RE.findall(req.text)
                                    if t.strip() not in KEY_TERM_STOP and len(t.strip()) > 2))
    # A target's own words are short; the knowledge base adds the topic words reports use for it.
    extra = " ".join(" ".join(kb.concept(c).topics) for c in req.concepts
                     if req.kind.value == "target" and _known(kb, c))
    units = [Unit(requirement_id=req.id, facet=None, label="", query=f"{req.text} {extra}".strip(),
                  focus=req.text, concepts=req.concepts, key_terms=key_terms)]
    for i, f in enumerate(req.facets):
        if f.concept:
            c = kb.concept(f.concept)
            focus = " ".join([c.id if c.kind == "action_line" else "", c.title, c.short, " ".join(c.topics)])
            units.append(Unit(requirement_id=req.id, facet=i, label=f.label, query=f"{focus} {req.text}", focus=focus,
                              concepts=(f.concept,), key_terms=(c.id,) if c.kind == "action_line" else ()))
        else:
            units.append(Unit(requirement_id=req.id, facet=i, label=f.label, query=f"{f.text} {f.text} {req.text}",
                              focus=f.text, concepts=(), key_terms=(f.text,)))
    return units


def _known(kb: KnowledgeBase, concept_id: str) -> bool:
    try:
        kb.concept(concept_id)
        return True
    except KeyError:
        return False


def _bigrams(lemmas: tuple[str, ...]) -> set[tuple[str, str]]:
    return set(zip(lemmas, lemmas[1:]))


def _identity(tokens):
    return tokens


class Retriever:
    """Scores passages against units. Fit on one report's passages and the audit's units (transductive LSA)."""

    def __init__(self, *, semantic: str = "lsa", lsa_components: int = 30, weights: dict | None = None,
                 disabled: tuple[str, ...] = ()):
        self.semantic = semantic
        self.lsa_components = lsa_components
        self.weights = weights or FUSION_WEIGHTS
        self.disabled = disabled

    def fit(self, passages: tuple[Passage, ...], units: list[Unit], kb_files: tuple[str, ...] = ()) -> Retriever:
        self.passages_ = passages
        ptexts = [" ".join(p.heading_trail[-1:]) + " " + p.text for p in passages]
        self.passage_signals_: list[TextSignals] = text_signals(ptexts, kb_files)
        self.unit_signals_ = text_signals([u.query for u in units], kb_files)
        self.focus_signals_ = text_signals([u.focus for u in units], kb_files)
        self.units_ = units
        docs = [s.lemmas for s in self.passage_signals_] + [s.lemmas for s in self.unit_signals_]
        self.vectorizer_ = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, min_df=1)
        matrix = self.vectorizer_.fit_transform(docs)
        n_p = len(passages)
        self.p_tfidf_, self.u_tfidf_ = matrix[:n_p], matrix[n_p:]
        self.p_sem_ = self.u_sem_ = None
        if self.semantic == "minilm":
            from .embeddings import embed
            self.p_sem_ = embed(ptexts)
            self.u_sem_ = embed([u.query for u in units])
        elif self.semantic == "lsa":
            k = min(self.lsa_components, matrix.shape[0] - 1, matrix.shape[1] - 1)
            if k >= 2:
                svd = TruncatedSVD(n_components=k, random_state=0, algorithm="arpack")
                reduced = l2(svd.fit_transform(matrix))
                self.p_sem_, self.u_sem_ = reduced[:n_p], reduced[n_p:]
        self.p_lower_ = [p.text.lower() for p in passages]
        heads = text_signals([" ".join(p.heading_trail) for p in passages], kb_files)
        self.heading_lemmas_ = [set(h.lemmas) for h in heads]
        self.p_lemma_sets_ = [set(s.lemmas) for s in self.passage_signals_]
        self.p_bigrams_ = [_bigrams(s.lemmas) for s in self.passage_signals_]
        self.idf_ = dict(zip(self.vectorizer_.get_feature_names_out(), self.vectorizer_.idf_))
        return self

    def score(self, index: int) -> UnitScores:
        """Scores of every passage for unit number `index` (the order given to fit); computed once."""
        cache = self.__dict__.setdefault("_score_cache", {})
        if index not in cache:
            cache[index] = self._score(index)
        return cache[index]

    def _score(self, index: int) -> UnitScores:
        unit = self.units_[index]
        n = len(self.passages_)
        lexical = (self.p_tfidf_ @ self.u_tfidf_[index].T).toarray().ravel() if n else np.zeros(0)
        semantic = np.zeros(n)
        if self.p_sem_ is not None and n:
            semantic = np.clip(self.p_sem_ @ self.u_sem_[index], 0.0, 1.0)
        kb = np.zeros(n)
        if unit.concepts:
            wanted = set(unit.concepts)
            kb = np.array([len(wanted & set(s.concepts)) / len(wanted) for s in self.passage_signals_])
        fuzzy = np.zeros(n)
        if unit.key_terms:
            terms = [t.lower() for t in unit.key_terms]
            fuzzy = np.array([sum(fuzz.partial_ratio(t, txt, score_cutoff=88) > 0 for t in terms) / len(terms)
                              for txt in self.p_lower_])
        by_signal = {"lexical": np.clip(lexical, 0, 1), "fuzzy": fuzzy, "kb": kb, "semantic": semantic}
        fused = np.zeros(n)
        total = 0.0
        for name, w in self.weights.items():
            if name in self.disabled:
                continue
            fused += w * by_signal[name]
            total += w
        fused = fused / total if total else fused
        focus = set(self.focus_signals_[index].lemmas)
        coverage = (np.array([len(focus & s) / len(focus) for s in self.p_lemma_sets_]) if focus
                    else np.zeros(n))
        return UnitScores(unit=unit, by_signal=by_signal, fused=fused, focus_coverage=coverage)

    def heading_overlap(self, index: int) -> np.ndarray:
        """Share of the unit's focus lemmas found in each passage's heading trail."""
        focus = set(self.focus_signals_[index].lemmas)
        if not focus:
            return np.zeros(len(self.passages_))
        return np.array([len(focus & h) / len(focus) for h in self.heading_lemmas_])

    def idf_coverage(self, index: int) -> np.ndarray:
        """Share of the unit's lemmas found in each passage, weighted by rarity in this report (IDF)."""
        idf = self.idf_
        words = [w for w in dict.fromkeys(self.unit_signals_[index].lemmas) if w in idf]
        total = sum(idf[w] for w in words)
        if not total:
            return np.zeros(len(self.passages_))
        return np.array([sum(idf[w] for w in words if w in ps) / total for ps in self.p_lemma_sets_])

    def bigram_coverage(self, index: int) -> np.ndarray:
        """Share of the unit's adjacent content-word pairs ("operational plan", "regional initiative") in each
        passage: phrases are stronger evidence than scattered words."""
        grams = _bigrams(self.unit_signals_[index].lemmas)
        if not grams:
            return np.zeros(len(self.passages_))
        return np.array([len(grams & pb) / len(grams) for pb in self.p_bigrams_])

    def matched_terms(self, index: int, passage: int) -> tuple[str, ...]:
        """Lemmas and concepts the unit and the passage share (shown with the evidence)."""
        u = self.unit_signals_[index]
        p = self.passage_signals_[passage]
        shared = [w for w in dict.fromkeys(u.lemmas) if w in self.p_lemma_sets_[passage]]
        concepts = [c for c in u.concepts if c in p.concepts]
        return tuple(concepts + shared[:10])
