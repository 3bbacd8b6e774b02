"""Local alignment of a proposal's words against a document: the spans that take its wording over.

Smith-Waterman over word stems (tokens.py), one row at a time in numpy: with a linear gap cost, a cell's best
"left" move is a running maximum along the row, so a row is a handful of array operations. Several spans are taken
in turn, each over the words no earlier span used, so a sentence split in two, reordered clauses and a paragraph
moved to another section are all found. Only the document's units that share content words with the text are
aligned (an inverted index), so a 300-page report costs little more than a short one.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np

from ..model import Document, Reflection, ReflectionSpan, Segment
from .tokens import Token, framing_length, tokens

# Scores of one aligned pair of words, and of a word dropped or added. A content word counts three times a function
# word, so "of the" alone never makes a span; a changed figure costs less than a changed word, so "10 targets" ->
# "11 targets" stays one span.
MATCH_CONTENT = 3.0
MATCH_FUNCTION = 1.0
MISMATCH = -1.5
NUMBER_CHANGED = 0.5
GAP = 1.0
USED = -9.0  # a word an earlier span took: it cannot be aligned again
# A span must carry over this many content words (all of them, for a text with fewer): a shorter one is a term both
# texts use ("small island developing States", "the WSIS Action Lines"), not wording taken over. 3 at first; 5
# after the development pairs (corpora/reflection-dev) showed absent proposals scoring up to 0.5 on such terms.
MIN_KEPT = 5
# Units aligned per span: those sharing the most distinct content words with the text.
CANDIDATES = 8
MAX_SPANS = 8


@dataclass(frozen=True, slots=True)
class Unit:
    """A paragraph, list item, heading or table cell of the document, with its words."""

    block_id: str
    index: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Index:
    """A document made ready for alignment: its units and, for each content word, the units that hold it."""

    document: Document
    units: tuple[Unit, ...]
    postings: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, doc: Document) -> Index:
        """Every block of the document (headings too: a proposal may become a section title)."""
        units = tuple(Unit(b.id, i, tokens(b.text, offset=b.start)) for i, b in enumerate(doc.blocks))
        postings: dict[str, list[int]] = defaultdict(list)
        for n, u in enumerate(units):
            for key in sorted({t.key for t in u.tokens if t.content}):
                postings[key].append(n)
        return cls(doc, units, {k: tuple(v) for k, v in postings.items()})

    def candidates(self, source: tuple[Token, ...], free: np.ndarray) -> list[int]:
        """The units sharing the most distinct content words with the still unaligned part of the source."""
        keys = {t.key for t, f in zip(source, free) if f and t.content}
        shared = Counter(n for k in sorted(keys) for n in self.postings.get(k, ()))
        need = min(2, len(keys))
        ranked = sorted((n for n, c in shared.items() if c >= need), key=lambda n: (-shared[n], n))
        return ranked[:CANDIDATES]


@dataclass(frozen=True, slots=True)
class _Span:
    """One local alignment: pairs (source index or None, target index or None) in reading order, and its score."""

    score: float
    pairs: tuple[tuple[int | None, int | None], ...]


def _scores(a: tuple[Token, ...], b: tuple[Token, ...], a_free: np.ndarray, b_free: np.ndarray) -> np.ndarray:
    """The pair score of every source word against every target word."""
    keys = {k: n for n, k in enumerate(sorted({t.key for t in (*a, *b)}))}
    ka = np.array([keys[t.key] for t in a])
    kb = np.array([keys[t.key] for t in b])
    weight = np.array([MATCH_CONTENT if t.content else MATCH_FUNCTION for t in a])
    same = ka[:, None] == kb[None, :]
    numbers = np.array([t.number for t in a])[:, None] & np.array([t.number for t in b])[None, :]
    s = np.where(same, weight[:, None], np.where(numbers, NUMBER_CHANGED, MISMATCH))
    s[~a_free, :] = USED
    s[:, ~b_free] = USED
    return s


def local_alignment(a: tuple[Token, ...], b: tuple[Token, ...], a_free: np.ndarray,
                    b_free: np.ndarray) -> _Span | None:
    """The best-scoring local alignment of the free words of `a` against the free words of `b`."""
    if not a or not b:
        return None
    s = _scores(a, b, a_free, b_free)
    n, m = s.shape
    h = np.zeros((n + 1, m + 1))
    ramp = GAP * np.arange(m)
    for i in range(1, n + 1):
        best = np.maximum(np.maximum(h[i - 1, :-1] + s[i - 1], h[i - 1, 1:] - GAP), 0.0)
        h[i, 1:] = np.maximum.accumulate(best + ramp) - ramp
    i, j = divmod(int(np.argmax(h)), m + 1)
    if h[i, j] <= 0:
        return None
    return _Span(float(h[i, j]), _trace(h, s, i, j))


def _trace(h: np.ndarray, s: np.ndarray, i: int, j: int) -> tuple[tuple[int | None, int | None], ...]:
    """Walk back from the best cell: a diagonal step pairs two words, an upward step drops a source word, a step
    left adds a target word."""
    pairs: list[tuple[int | None, int | None]] = []
    while i > 0 and j > 0 and h[i, j] > 0:
        if np.isclose(h[i, j], h[i - 1, j - 1] + s[i - 1, j - 1]):
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif np.isclose(h[i, j], h[i - 1, j] - GAP):
            pairs.append((i - 1, None))
            i -= 1
        elif np.isclose(h[i, j], h[i, j - 1] - GAP):
            pairs.append((None, j - 1))
            j -= 1
        else:
            break
    return tuple(reversed(pairs))


def _kept(a: tuple[Token, ...], b: tuple[Token, ...], span: _Span) -> int:
    """Content words of the source the span carries over unchanged."""
    return sum(1 for i, j in span.pairs if i is not None and j is not None and a[i].content and a[i].key == b[j].key)


def reflect(text: str, index: Index) -> Reflection:
    """Where the document takes over the wording of `text`, and the share of its content words carried over (a
    leading drafting instruction, "To include in the report …", is neither aligned nor counted)."""
    skip = framing_length(text)
    source = tokens(text[skip:], offset=skip)
    found = align_spans(source, index)
    return _reflection(text, source, skip, index, found)


def align_spans(source: tuple[Token, ...], index: Index, units: list[int] | None = None) -> list[tuple[int, _Span]]:
    """The spans of the document (or of the given units only) that take the source's words over, best first, each
    over words no earlier span used."""
    content = sum(t.content for t in source)
    free = np.ones(len(source), dtype=bool)
    used = {u: np.ones(len(index.units[u].tokens), dtype=bool) for u in range(len(index.units))}
    need = max(1, min(MIN_KEPT, content))
    found: list[tuple[int, _Span]] = []
    for _ in range(MAX_SPANS):
        best: tuple[float, int, _Span] | None = None
        for u in (index.candidates(source, free) if units is None else units):
            span = local_alignment(source, index.units[u].tokens, free, used[u])
            if span and _kept(source, index.units[u].tokens, span) >= need and (best is None or span.score > best[0]):
                best = (span.score, u, span)
        if best is None:
            break
        _, u, span = best
        rejected = in_rejection(index, u, span, source)
        if not rejected:
            found.append((u, span))
        for i, j in span.pairs:
            if i is not None and not rejected:
                free[i] = False  # the words of a rejection's account may still be taken over elsewhere
            if j is not None:
                used[u][j] = False
    return found


# A sentence that tells of a text's rejection: "The proposal to … was not retained.", "She regretted that the draft
# did not ask …": its words quote what was proposed, they do not take it over.
REJECTION_RE = re.compile(
    r"\b(?:(?:was|were|has|have|had|is|are)\s+(?:\w+\s+)?(?:not|never)\s+(?:been\s+)?"
    r"(?:retained|accepted|adopted|agreed|"
    r"included|taken up|kept|supported)|(?:did|could|does)\s+not\s+(?:retain|accept|adopt|agree|include|take up|"
    r"support|ask|reflect|find consensus)|(?:regret(?:ted|s)?|deplored)\s+that|no\s+consensus|not\s+acceptable|"
    r"no\s+agreement\s+(?:could\s+be|was)\s+reached|could\s+not\s+be\s+agreed|"
    r"(?:agreed|decided|chose|preferred)\s+not\s+to|"  # "… considered a proposal to …, and agreed not to change …"
    r"(?:was|were)\s+(?:rejected|withdrawn|dropped)|(?:withdrew|rejected|dropped)\s+(?:the|its|their)\s+proposal)",
    re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-Z\u201c\"(])")


def in_rejection(index: Index, u: int, span: _Span, source: tuple[Token, ...] = ()) -> bool:
    """Whether the span sits in a sentence that tells of a rejection (REJECTION_RE)."""
    block = index.document.blocks[index.units[u].index]
    target = index.units[u].tokens
    js = [j for _, j in span.pairs if j is not None]
    start, end = target[js[0]].start - block.start, target[js[-1]].end - block.start
    cuts = [0, *(m.start() for m in _SENTENCE_END.finditer(block.text)), len(block.text)]
    first = max(c for c in cuts if c <= start)
    last = min((c for c in cuts if c >= end), default=len(block.text))
    # A cue made of words the text itself brings ("Several Member States regretted that the report …" taken over as
    # proposed) is not an account of its rejection.
    own = [(target[j].start - block.start, target[j].end - block.start) for i, j in span.pairs
           if i is not None and j is not None and i < len(source) and source[i].key == target[j].key]

    def theirs(a: int, b: int) -> bool:
        words = [(s, e) for s, e in ((t.start - block.start, t.end - block.start) for t in target) if a <= s < b]
        return bool(words) and all(w in own for w in words)

    return any(not theirs(first + m.start(), first + m.end()) for m in REJECTION_RE.finditer(block.text[first:last]))


def word_ops(source: tuple[Token, ...], index: Index, found: list[tuple[int, _Span]]) -> list[str]:
    """Each source word as the spans left it: kept, changed or dropped."""
    op = ["dropped"] * len(source)
    for u, span in found:
        target = index.units[u].tokens
        for i, j in span.pairs:
            if i is not None and j is not None:
                op[i] = "kept" if source[i].key == target[j].key else "changed"
    return op


def _reflection(text: str, source: tuple[Token, ...], skip: int, index: Index,
                found: list[tuple[int, _Span]]) -> Reflection:
    """The spans in the document's order, the text's words marked kept, changed or dropped (the drafting
    instruction before `skip` as framing), and the score."""
    content = sum(t.content for t in source)
    op = word_ops(source, index, found)
    spans = [_span_record(text, source, index, u, span)
             for u, span in sorted(found, key=lambda f: (f[0], min(j for _, j in f[1].pairs if j is not None)))]
    kept = sum(1 for t, o in zip(source, op) if t.content and o == "kept")
    changed = sum(1 for t, o in zip(source, op) if t.content and o == "changed")
    return Reflection(score=round(kept / content, 3) if content else 0.0, content_words=content, kept=kept,
                      changed=changed, dropped=content - kept - changed, spans=tuple(spans),
                      source_view=((Segment(op="framing", text=text[:skip]),) if skip else ())
                      + segments(text, source, op, skip, len(text)))


def _span_record(text: str, source: tuple[Token, ...], index: Index, u: int, span: _Span) -> ReflectionSpan:
    """One span: where it is in the document, its words marked kept, changed or added, and the source part."""
    doc, unit = index.document, index.units[u]
    block = doc.blocks[unit.index]
    start, end, view = span_view(doc.text, source, unit.tokens, span)
    sources = [i for i, _ in span.pairs if i is not None]
    return ReflectionSpan(
        block_id=block.id, locator=block.locator, heading_trail=block.heading_trail, start=start, end=end,
        text=doc.text[start:end], source_start=source[sources[0]].start, source_end=source[sources[-1]].end,
        kept=_kept(source, unit.tokens, span), view=view)


def span_view(text: str, source: tuple[Token, ...], target: tuple[Token, ...],
              span: _Span) -> tuple[int, int, tuple[Segment, ...]]:
    """A span's place in the target text and its words there: kept, changed, or added (the target's own)."""
    paired = [(i, j) for i, j in span.pairs if j is not None]
    start, end = target[paired[0][1]].start, target[paired[-1][1]].end
    op = {j: "added" if i is None else ("kept" if source[i].key == target[j].key else "changed") for i, j in paired}
    inner = [k for k in range(len(target)) if start <= target[k].start < end]
    return start, end, segments(text, [target[k] for k in inner], [op.get(k, "added") for k in inner], start, end)


def segments(text: str, words, ops: list[str], start: int, end: int) -> tuple[Segment, ...]:
    """`text[start:end]` cut where the words' marks change; spaces and punctuation go with the word before."""
    out: list[Segment] = []
    cut, mark = start, None
    for t, o in zip(words, ops):
        if o != mark:
            if mark is not None and t.start > cut:
                out.append(Segment(op=mark, text=text[cut:t.start]))
                cut = t.start
            mark = o
    if mark is not None and end > cut:
        out.append(Segment(op=mark, text=text[cut:end]))
    return tuple(out)


__all__ = ["Index", "align_spans", "local_alignment", "reflect", "segments", "span_view", "word_ops"]
