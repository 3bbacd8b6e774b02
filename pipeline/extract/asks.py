"""A trained reader of "does this sentence or item ask someone to act?", for what the rules did not read.

The rules read the forms they were written for; a document in a shape they have not met loses its requirements
(blind sets 39 to 41: recall 0.879 to 0.890). Every sentence or item that no rule made a requirement of is scored by
a logistic model over its words, its first words' part-of-speech tags, its layout (label, kind of block, closing
punctuation) and its context (the heading above it, the words before it). Above the shipped threshold it becomes a
requirement with **actor unknown**: the model says that something is asked, never who must do it.

The model is trained by `wsis-audit train asks` (pipeline/learn/asks.py) on the annotated excerpts and the corpus;
its figures, cross-validated by excerpt and by writer, are in models/wsis-asks-v1/meta.json and the model card.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from ..resources import model_dir
from .clauses import Segment
from .linear import LinearModel, read_linear
from .walk_words import _sentences

ASKS_NAME = "wsis-asks"
ASKS_VERSION = 1
ASKS_DIR = model_dir(f"{ASKS_NAME}-v{ASKS_VERSION}")
# The label a unit opens with: "a)", "(iv)", "3.", "2.1", a bullet.
LABEL_RE = re.compile(r"^\s*(?:\(?[a-z]{1,4}\)|\(?\d{1,2}(?:\.\d{1,2})*[.)]?|[-\u2022*\u2013]\s)\s*")
MODAL_RE = re.compile(r"\b(shall|should|must|will|would|could|needs? to|(?:is|are) (?:expected|invited|encouraged|"
                      r"requested|urged|called upon)|may wish to)\b", re.IGNORECASE)
WORD_RE = re.compile(r"[a-z][a-z'-]*|\d+")
URL_RE = re.compile(r"https?://|www\.")
# A lettered or roman item's label: "b)", "(c)", "iv".
LETTER_RE = re.compile(r"\(?(?:[a-z]|[ivx]{1,4})\)?")
# A paragraph that only recalls or notes ("We recall that …", "The Group noted …", "Recognizes that …"): its "should"
# is what others said, and it asks nothing (a second clause that asks is the rules' to read).
_NOTING_VERB = (r"(?:recall|note|recogni[sz]e|welcome|acknowledge|reaffirm|express|take note|affirm|reiterate|observe|"
                r"appreciate|commend|congratulate|believe|argue|(?:considered|felt|thought|said|pointed out|"
                r"were of the view)(?=\s))")
_SUBJECT_WORD = r"(?!(?:should|shall|must|will|would|may|might|can|could|is|are|be|to|needs?|has|have)\b)[\w&-]+"
# (after a subject the verb is in lower case: "Member States should …" is no "state"; a second clause that asks, "…,
# and calls upon …", "…, and we commit to …", is read)
NOTING_RE = re.compile(rf"(?:(?:We|(?:The\s+)?[A-Z][\w-]*(?:\s+{_SUBJECT_WORD}){{0,5}}?)\s+(?:(?:also|further|again)\s+)?"
                       rf"(?-i:{_NOTING_VERB}(?:s|d|ed)?)|(?:(?:Also|Further)\s+)?{_NOTING_VERB}(?:s|d|ed)?)\b"
                       r"(?![^.;]*\b(?:and|to)\s+(?:we\s+)?(?:further\s+|also\s+)?(?:request|invite|encourage|call|urge|"
                       r"decide|recommend|ask|commit|undertake|propose|suggest)(?:s|d|ed)?\b)", re.IGNORECASE)
# ("Recognize the growth of …" opens a declaration's item in the base form; it notes as "Recognizes" does)
# A question put at a meeting ("One delegation asked whether the indicators should be …"): its "should" is asked
# about, not asked for.
QUESTION_PUT_RE = re.compile(r"\b(?:asked|wondered|queried|enquired|inquired)\s+(?:whether|if|why|how)\b",
                             re.IGNORECASE)
TAGGED_WORDS = 14  # the tagger reads a unit's first words only: they say whether it asks


@dataclass(frozen=True, slots=True)
class Unit:
    """A sentence of a paragraph, or a whole item or heading: what the model scores. start/end index the document."""

    segment: Segment
    start: int
    end: int
    first: bool  # the first sentence of its segment (the one that carries the segment's label)
    sentences: int  # how many sentences its segment has
    before: str  # the text of the unit before it

    @property
    def text(self) -> str:
        return self.segment.block.text[self.start - self.segment.block.start:self.end - self.segment.block.start]

    @property
    def label(self) -> str | None:
        return self.segment.label if self.first else None


def units(segments: list[Segment]) -> list[Unit]:
    """Every segment as units: paragraphs and preambles by sentence, items, chapeaux and headings whole."""
    out: list[Unit] = []
    before = ""
    for seg in segments:
        text = seg.text
        spans = _sentences(text) if seg.kind in ("para", "preamble") else [(0, len(text))]
        base = seg.block.start + seg.start
        for i, (s, e) in enumerate(spans):
            if not text[s:e].strip():
                continue
            out.append(Unit(segment=seg, start=base + s, end=base + e, first=i == 0, sentences=len(spans),
                            before=before))
            before = text[s:e]
    return out


def body(text: str) -> str:
    """A unit's words after its label."""
    return LABEL_RE.sub("", text, count=1)


def _words(text: str) -> list[str]:
    return ["0" if w[0].isdigit() else w for w in WORD_RE.findall(text.lower())]


def _closing(text: str) -> str:
    last = text.rstrip()[-1:]
    return last if last in ".;:,?" else "x"


def features(unit: Unit, tags: list[str]) -> dict[str, float]:
    """Sparse features of one unit: its first words and their tags, its other words, layout and context."""
    text = unit.text
    words = _words(body(text))
    f: Counter = Counter()
    head = words[:12]
    for w in head:
        f["w:" + w] += 1
    for a, b in zip(head, head[1:]):
        f[f"b:{a}_{b}"] += 1
    if words:
        f["f1:" + words[0]] = 1
    if len(words) > 1:
        f[f"f2:{words[0]}_{words[1]}"] = 1
    for w in set(words[12:60]):
        f["r:" + w] = 1
    if m := MODAL_RE.search(body(text)):
        f["modal:" + m.group(1).lower().split()[0]] = 1
        f["modal"] = 1
    f["seg:" + unit.segment.kind] = 1
    f["blk:" + str(unit.segment.block.kind)] = 1
    f["lab"] = int(bool(unit.label or unit.segment.block.label or LABEL_RE.match(text)))
    n = len(words)
    f["len:" + ("1" if n < 4 else "2" if n < 8 else "3" if n < 20 else "4" if n < 50 else "5")] = 1
    f["end:" + _closing(text)] = 1
    trail = unit.segment.block.heading_trail
    for w in set(_words(trail[-1] if trail else "")):
        f["h:" + w] = 1
    f["pend:" + _closing(unit.before)] = 1
    for w in set(_words(unit.before)[-8:]):
        f["p:" + w] = 1
    if unit.first and unit.sentences > 1:
        f["multi"] = 1
    if not unit.first:
        f["notfirst"] = 1
    if "?" in text:
        f["q"] = 1
    if URL_RE.search(text):
        f["url"] = 1
    if tags:
        f["t1:" + tags[0]] = 1
        if len(tags) > 1:
            f[f"t12:{tags[0]}_{tags[1]}"] = 1
        for a, b in zip(tags[:8], tags[1:8]):
            f[f"tb:{a}_{b}"] += 1
        if "MD" in tags:
            f["tMD"] = 1
    return dict(f)


def tag_units(unit_list: list[Unit], kb_files: tuple[str, ...] = ()) -> list[list[str]]:
    """Penn tags of each unit's first words (the English model's tagger only)."""
    if not unit_list:
        return []
    from .nlp import english

    nlp = english(kb_files)
    texts = [" ".join(body(u.text).split()[:TAGGED_WORDS]) for u in unit_list]
    keep = ("tok2vec", "tagger")
    return [[t.tag_ for t in d] for d in nlp.pipe(texts, batch_size=256,
                                                 disable=[p for p in nlp.pipe_names if p not in keep])]


def never_read(text: str) -> bool:
    """A unit the model is never let read: it only notes or recalls, or it reports a question put."""
    words = body(text)
    return bool(NOTING_RE.match(words) or QUESTION_PUT_RE.search(words))


# Logistic weights over named features, and the probability above which a unit is read as a requirement.
AsksModel = LinearModel


def model_path(directory: Path | None = None) -> Path:
    return Path(directory or ASKS_DIR) / "model.json"


@lru_cache(maxsize=2)
def load_asks(directory: str | None = None) -> AsksModel:
    """The shipped model (models/wsis-asks-v1/model.json)."""
    return read_linear(model_path(Path(directory) if directory else None), "asks model", "wsis-audit train asks")


def unread_units(unit_list: list[Unit], spans: list[tuple[int, int]]) -> list[Unit]:
    """The units that no requirement the rules read overlaps."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(accumulate((e for _, e in ordered), max))  # the furthest end of the spans up to each one
    out = []
    for u in unit_list:
        before = bisect_left(starts, u.end)  # the spans that start before the unit ends
        if before == 0 or reach[before - 1] <= u.start:
            out.append(u)
    return out


INVITES_RE = re.compile(r"\b(?:invit\w*|encourag\w*|may wish)\b", re.IGNORECASE)
PROPOSES_RE = re.compile(r"\b(?:propos\w*|suggest\w*|recommend\w*)\b", re.IGNORECASE)
INSTRUCTS_RE = re.compile(r"\b(?:request\w*|instruct\w*|call(?:s|ed)? (?:up)?on|urg\w*|ask\w*|decid\w*|agreed)\b",
                          re.IGNORECASE)


def kind_of(unit: Unit, tags: list[str]) -> str:
    """The kind of a requirement the model read, from its own words: an invitation ("invites", "encourages"), a
    proposal ("we propose", "suggests"), an instruction ("requests", "calls upon", or an item that opens with a verb in
    its base form or "to …"), else an expectation (what should or will be done)."""
    text = body(unit.text)
    head = " ".join(text.split()[:12])
    if INVITES_RE.search(head):
        return "invitation"
    if PROPOSES_RE.search(head):
        return "proposal"
    if INSTRUCTS_RE.search(head) or (tags and tags[0] == "VB") or re.match(r"to\s", text, re.IGNORECASE):
        return "instruction"
    return "expectation"
