"""Extract requirements (instructions, decisions, proposals, expectations, invitations, targets) from a document.

`extract(document)` is a pure function of the document and the knowledge base. spaCy docs stay inside
this package; callers get the project's own `Requirement` records.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..kb import KnowledgeBase, load_kb
from ..model import Checkability, Document, Facet, Requirement, RequirementKind, Source, content_id, to_plain
from ..parse.base import SYMBOL_RE
from ..parse.columns import WHO_COLUMN_RE
from . import cues
from .actors import AGENT_NOUN_RE, BODY_WORDS, _thing_name
from .actor_check import ActorCheck, document_view, features, load_actor_check
from .cells import LEAD_CELL_RE
from .clauses import segment_blocks
from .facets import split_facets
from .walk import Candidate, Walk

EXTRACTOR_VERSION = "extract/5"  # 5: the actor check (actor_guess)
# Paragraphs beyond this many words are usually several paragraphs run together by a converter.
LONG_PARAGRAPH_WORDS = 600
QUESTION_ITEM_RE = re.compile(r"\s*(?:Has|Have|Is|Are|Does|Do|Did|Which|What|How|When|Where|Who|Whom|Whose|In\s+(?:which|"
                              r"what)|To\s+what\s+extent|For\s+which)\b[^?]*\?[\s\u2610\w,;()]*$")
STOPWORDS_EN = {"the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "by", "with", "be", "as", "are"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractionResult:
    """Requirements in document order, plus warnings for the user."""

    document: str
    sha256: str
    requirements: tuple[Requirement, ...]
    warnings: tuple[str, ...] = ()


def extract(document: Document, *, kb_files: tuple[str, ...] = (), model_reads: bool = True,
            actor_check: bool = True) -> ExtractionResult:
    """All requirements in a document, each with provenance, kind, actor, facets and references. The rules read the
    forms they know; with `model_reads` the trained model reads what they left (actor unknown); with `actor_check` a
    trained check leaves unknown the names the rules gave that are likely wrong (actor_check.py)."""
    requirements, warnings, feats = read_requirements(document, kb_files=kb_files, model_reads=model_reads)
    if actor_check and requirements:
        requirements = check_actors(requirements, feats, warnings)
    return ExtractionResult(document=document.path, sha256=document.sha256, requirements=tuple(requirements),
                            warnings=tuple(warnings))


@lru_cache(maxsize=1)
def models_digest() -> str:
    """The extraction's trained models (the asks model, the actor check) by their bytes: a cached extraction made
    with other weights is a miss, though the code is the same."""
    from . import actor_check, asks

    h = hashlib.sha256()
    for path in (asks.model_path(), actor_check.model_path()):
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"missing")  # loading it will say so, with what to do
        h.update(b"\0")
    return h.hexdigest()


def check_actors(requirements: list[Requirement], feats: list[dict[str, float] | None], warnings: list[str],
                 check: ActorCheck | None = None) -> list[Requirement]:
    """Each name the rules gave that the actor check finds likely wrong becomes unknown, kept as `actor_guess`; one
    warning names them."""
    check = check or load_actor_check()
    out, doubted = [], []
    for r, f in zip(requirements, feats):
        if f is not None and check.probability(f) >= check.threshold:
            out.append(replace(r, actor=None, actor_guess=r.actor))
            doubted.append(f"{r.source.label or r.source.locator} ('{r.actor}')")
        else:
            out.append(r)
    if doubted:
        warnings.append(f"{len(doubted)} requirement(s) name who must act in a way our rules often misread "
                        f"({', '.join(doubted)}): actor unknown, with the rules' name as a guess (actor_guess); "
                        "check who is meant")
    return out


def read_requirements(document: Document, *, kb_files: tuple[str, ...] = (), model_reads: bool = True
                      ) -> tuple[list[Requirement], list[str], list[dict[str, float] | None]]:
    """The requirements as the rules (and the asks model) read them, the warnings, and for each requirement whose
    actor the rules named, the actor check's features (None for the others)."""
    kb = load_kb(kb_files)
    warnings: list[str] = []
    if _looks_non_english(document.text):
        warnings.append("the text does not look like English; extraction rules are English-only")
    for b in document.blocks:
        if len(b.text.split()) > LONG_PARAGRAPH_WORDS:
            warnings.append(f"very long paragraph at {b.locator} ({len(b.text.split())} words); "
                            "items inside it are split by their numbers")
    walk = Walk(document, kb)
    segments = segment_blocks(document.blocks)
    candidates = [_under_its_number(c) for c in walk.run(segments) if not _bare_lead_in(document, c)]
    read = _read_by_model(document, segments, candidates, walk, kb_files) if model_reads else []
    candidates = [c for c in candidates if c.extra.get("asked") or not _question(document, c)]
    read = [c for c in read if not _question(document, c)]
    for c in candidates:
        c.extra["rule_actor"] = c.actor  # the name the reading rule gave, before the checks below
    candidates, read = _column_owners(document, candidates, walk), _column_owners(document, read, walk)
    candidates = [_named_in_full(document, _plausible_actor(document, c, walk), walk) for c in candidates]
    candidates = [replace(c, actor=None) if _weak_convention(c) else c for c in candidates]
    if read:
        candidates = sorted(candidates + read, key=lambda c: (c.seg_start, c.seg_end))
        where = ", ".join(dict.fromkeys(c.label or str(c.segment.block.locator) for c in read))
        warnings.append(f"{len(read)} sentence(s) no rule reads were read as requirements by the trained model "
                        f"({where}): actor unknown; check them and who must act")
    if walk.orphans:
        warnings.append(f"items {', '.join(walk.orphans)} have no chapeau in the text (a missing page?): actor "
                        "unknown; add the page or check who must act")
    if walk.pronouns:
        warnings.append(f"{', '.join(walk.pronouns)} name who must act by a pronoun: actor unknown; check who is meant")
    if walk.ministers_we:
        warnings.append(f"{', '.join(dict.fromkeys(walk.ministers_we))} are said by ministers as \"We\", and the "
                        "declaration does not say whether for their States: actor unknown; check who is meant")
    if walk.unnamed_bodies:
        warnings.append(f"{', '.join(walk.unnamed_bodies)} name who must act by a word the text never gives a full name "
                        "for (or gives several): actor unknown; check which body is meant")
    unnamed = [c for c in candidates if c.actor is None and "read_by" not in c.extra and id(c.segment) not in walk.warned]
    if unnamed:  # "The report should be shorter.", "That a regional session be held …": the text names no one
        where = ", ".join(dict.fromkeys(c.label or str(c.segment.block.locator) for c in unnamed))
        warnings.append(f"{len(unnamed)} requirement(s) do not say who must act ({where}): actor unknown; check who "
                        "is meant")
    requirements = _finish(document, candidates, kb, kb_files)
    if not requirements:
        warnings.append("no operative part, proposal, expectation or target found")
    view = document_view(document, [r.actor for r in requirements])
    feats = [features(document, c, r, view, i) if r.actor and r.read_by == "rules" else None
             for i, (c, r) in enumerate(zip(candidates, requirements))]
    return requirements, warnings, feats


def _column_owners(document: Document, candidates: list[Candidate], walk: Walk) -> list[Candidate]:
    """A requirement read in a table's cell whose row names who acts in a column the header calls "Responsible",
    "Lead" or the like ("| 1.1 Adopt a standard set of … | BDT - Capacity Development Division | June 2028 |"):
    that cell's body, where the requirement's own words name no one."""
    cells = {b.table: b.text.strip() for b in document.blocks if b.table}
    who_columns = {t: c for (t, r, c), text in sorted(cells.items(), reverse=True)
                   if r == 0 and (LEAD_CELL_RE.fullmatch(text) or WHO_COLUMN_RE.fullmatch(text))}
    out = []
    for c in candidates:
        where = c.segment.block.table
        column = who_columns.get(where[0]) if where else None
        if c.actor is None and column is not None and where[1] > 0 and where[2] != column:
            found = walk.cell_owner(cells.get((where[0], where[1], column), ""))
            if found and found[0].strip(" -"):
                c = replace(c, actor=found[0], printed=found[1].strip(), extra={**c.extra, "column_owner": True})
        out.append(c)
    return out


NAME_LINKS = {"of", "on", "for", "the", "and", "to", "in", "&"}
# Words that stand for someone named elsewhere: who they are is the reader's to settle, never a guess of ours.
PRONOUN_ACTORS = {"you", "they", "them", "it", "he", "she", "its", "their", "this", "these", "those", "one"}
# "Each lead ministry", "Every participating agency": the members of a role, named by the plural.
EACH_RE = re.compile(r"(?:[Ee]ach|[Ee]very)\s+(?P<name>[A-Za-z][\w\-]*(?:\s+[\w\-]+){0,3})")
# A name's head: the words before its first link ("measurement" of "measurement of ICT access").
HEAD_RE = re.compile(r"^(?P<head>.+?)(?=\s+(?:of|on|for|in|to|at|by|with|who|which|that)\b|$)")


def _plural(name: str) -> str:
    """"lead ministry" -> "lead ministries", "participating agency" -> "participating agencies"."""
    last = name.split()[-1]
    if re.search(r"[^aeiou]y$", last):
        plural = last[:-1] + "ies"
    elif re.search(r"(?:s|sh|ch|x)$", last):
        plural = last + "es"
    else:
        plural = last + "s"
    return name[:len(name) - len(last)] + plural


# Two bodies named together as a pair: "Both agencies", "the two organizations", "the two secretariats".
BOTH_RE = re.compile(r"(?i:(?:^|\s)(?:both|(?:the\s+)?two)\s+(?:agencies|organi[sz]ations|bodies|secretariats|entities|"
                     r"co-facilitators)$)")
# The pair a joint note's opening lines name: "Joint ITU-UNESCO note", "ITU and UNESCO", "UNDP/ITU".
JOINT_PAIR_RE = re.compile(r"\b(?!(?:WSIS|SDG|SDGs|ICT|UN|FW|RE)\b)([A-Z]{2,8})(?:\s+and\s+|[-/])"
                           r"(?!(?:WSIS|SDG|SDGs|ICT|UN|FW|RE)\b)([A-Z]{2,8})\b")


# Words that only date a row: "October-November 2028", "By 15 September 2028", "Q3 2033".
DATE_WORDS_RE = re.compile(r"(?i:\b(?:by|before|from|until|end|mid|early|late|of|and|to|jan(?:uary)?|feb(?:ruary)?|"
                           r"mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|"
                           r"nov(?:ember)?|dec(?:ember)?|q[1-4]|h[12])\b|\d{1,4})")


def _plausible_actor(document: Document, c: Candidate, walk: Walk) -> Candidate:
    """The actor the rules gave, kept only when it names a body: a pronoun ("you", "they") or a thing the sentence
    opens with ("Future reports should …", "Travel and accommodation of speakers must be covered …", "the
    measurement of ICT access shall remain …") names no one, and the requirement says so (actor unknown). "Each lead
    ministry" is the lead ministries."""
    actor = c.actor
    if not actor:
        return c
    if actor.lower() in PRONOUN_ACTORS and (named := re.match(r"\w+,?\s+as\s+(?P<who>(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)\b",
                                                         c.printed or "")):
        found = walk.found(named.group("who"))  # "you, as co-facilitators": the co-facilitators
        return replace(c, actor=found[0] if found else named.group("who").removeprefix("the "))
    if BOTH_RE.search(actor):
        # "Both agencies will …", "The two organizations shall …": the two bodies the text is a joint note of, where
        # its opening lines name one pair ("Joint ITU-UNESCO note", "ITU and UNESCO"); else who is meant is the
        # reader's
        pairs = {f"{m.group(1)} and {m.group(2)}" for b in document.blocks[:12] for m in JOINT_PAIR_RE.finditer(b.text)}
        if len(pairs) == 1:
            return replace(c, actor=pairs.pop())
        walk.pronouns.append(f"{c.label or c.segment.block.locator} ('{c.printed or actor}')")
        walk.warned.add(id(c.segment))
        return replace(c, actor=None)
    # ("The meeting agreed that its Chair shall present …": whose Chair the pronoun says, not the name)
    if actor.lower() in PRONOUN_ACTORS or re.match(r"(?i)its\s+\w", actor):
        walk.pronouns.append(f"{c.label or c.segment.block.locator} ('{c.printed or actor}')")
        walk.warned.add(id(c.segment))
        return replace(c, actor=None)
    if (each := EACH_RE.fullmatch(actor)) is not None:
        last = each.group("name").split()[-1]
        if last.lower() in BODY_WORDS or re.search(r"(?:er|or|ant|ist)$", last):  # "Each drafter", "Each lead ministry"
            return replace(c, actor=_plural(each.group("name")))
        actor = each.group("name")  # "Each activity listed …": a thing, read as below
        c = replace(c, actor=actor)
    if not re.sub(DATE_WORDS_RE, "", actor).strip(" -\u2013,/"):
        return replace(c, actor=None)  # "October-November 2028 An online consultation …": a table's date cell
    if walk.found(actor) is not None:
        return c
    if _thing_name(actor):
        # "the WSIS Prizes 2028 shall be awarded …", "the amounts under decides 1 …", "the financial and human resources
        # used for …": things, not who acts
        return replace(c, actor=None)
    if " and " in actor:
        return c
    head = HEAD_RE.match(actor).group("head")
    words = head.split()
    if any(w.lower().rstrip("s") in BODY_WORDS or w.lower() in BODY_WORDS or re.sub(r"ies$", "y", w.lower()) in
           BODY_WORDS or AGENT_NOUN_RE.fullmatch(w.lower()) for w in words):
        return c  # a body, or people by what they do: "participants in the WSIS Forum", "drafters", "Inspectors"
    if c.kind is RequirementKind.INVITATION and words[-1].lower() in ("meeting", "session", "consultation"):
        return c  # "The open consultation meeting is invited to consider …": the gathering a paper is put to
    if any(re.fullmatch(r"[A-Z][A-Z0-9&\-]+", w) for w in words):
        return c  # an acronym: "UNESCO", "ESCWA", "ITU-D"
    if len(words) > 1 and all(w[:1].isupper() for w in words if w not in NAME_LINKS):
        return c  # a name: "Internet Society", "World Bank"
    named = [w for w in actor.split() if w not in NAME_LINKS]
    if len(named) > 2 and all(w[:1].isupper() for w in named):
        return c  # a name with its links: "Partnership on Measuring ICT for Development"
    if len(words) == 1 and words[0][:1].isupper() and re.search(
            rf"(?:[a-z,]\s+|\()(?:the\s+)?{re.escape(words[0])}\b|^(?:[\w.)]+\s+)?{re.escape(words[0])}\s*:",
            document.text, re.MULTILINE):
        # a name the text also prints inside a sentence ("… proposed by Estavia"), or as a task's owner ("2. Norvania:
        # draft …"); not "Ana will then compile …" alone
        return c
    return replace(c, actor=None)


# Bodies the rules give by a document's convention when its words name no one ("decides that the costs shall be
# met …" in an ITU text; "Decides that …" in an ECOSOC text): on the development excerpts (sets 1-64) the writers
# named another body for 65 of 174 such ITUs and 11 of 19 such ECOSOCs (against 14 of 337 for the Secretariat, 14
# of 138 for the General Assembly), so these requirements say the text names no one. An ITU plan's targets stay
# ITU's (19 of 19). (Member States unprinted are mostly named in a lead-in the item does not repeat: they stay.)
WEAK_CONVENTIONS = {"ITU", "ECOSOC"}


def _weak_convention(c: Candidate) -> bool:
    """The actor is one of the weak conventions above, and the text prints no name for it."""
    return (c.actor in WEAK_CONVENTIONS and not (c.printed or "").strip()
            and not (c.actor == "ITU" and c.kind is RequirementKind.TARGET))


# A body a text calls by its kind alone ("the Fund", "the study group", "each facilitator"): a person's title
# ("the Chair", "the Director") is a name of its own; these are not.
BODY_KIND_RE = re.compile(r"(?:the|each|every)\s+(?P<kind>(?:lead\s+)?(?:study\s+group|group|bureau|fund|alliance|"
                          r"commission|committee|(?:regional\s+)?office|assembly|conference|council|board|forum|"
                          r"network|partnership|"
                          r"facilitator|entity|agency|organi[sz]ation|programme|platform|centre|panel|initiative|"
                          r"task\s+team|task\s+force|team))",
                          re.IGNORECASE)


# A governing body's kind printed alone, without its article, as a chapeau names it: "Invites Council to …".
BARE_KIND_RE = re.compile(r"(?P<kind>Council|Commission|Committee|Board|Forum|Panel)")


def _named_in_full(document: Document, c: Candidate, walk: Walk) -> Candidate:
    """A body called by its kind alone ("The study group shall …", "the Fund", "each facilitator") that no rule
    named: the one full name the text prints for that kind ("ITU-D Study Group 1", "Kestrel Digital Inclusion Fund",
    "Global Alliance of Public Libraries"). Where the text prints none, or several, the actor is unknown and a
    warning says so: which body is meant is the reader's to settle, never a guess of ours."""
    kind = BODY_KIND_RE.fullmatch((c.printed or "").strip()) or BARE_KIND_RE.fullmatch((c.printed or "").strip())
    if kind is None or c.actor is None:
        return c
    names = _full_names(document, kind.group("kind"))
    if c.actor.lower().rstrip("s") == kind.group("kind").lower().rstrip("s") and walk.found(c.actor) is None:
        if len(names) == 1:
            return replace(c, actor=_known_as(names.pop(), walk))
        walk.unnamed_bodies.append(f"{c.label or c.segment.block.locator} ('{c.printed.strip()}')")
        walk.warned.add(id(c.segment))
        return replace(c, actor=None)
    # A kind the knowledge base knows by that word alone ("the Council" in an ITU text) stays that body, unless the
    # text never names that body in full and names one other of the kind, in words of its own ("the Task Force" in the
    # terms of reference of the Inter-Sectoral Coordination Task Force on WSIS Action Lines, "the Council" in
    # UNESCO's decision on the Intergovernmental Council of the Information for All Programme)
    known = walk.found(c.printed)
    other = next(iter(names)) if len(names) == 1 else None
    if (known is None or known[0] != c.actor or other is None
            or not re.match(r"(?:[A-Z][\w&\-]*\s+)+" + r"\s+".join(kind.group("kind").split()) + r"\s+(?:of|on|for)\s",
                            other, re.IGNORECASE)
            or _prints_in_full(document.text, c.actor, kind.group("kind"), walk)):
        return c
    return replace(c, actor=_known_as(other, walk))


def _known_as(name: str, walk: Walk) -> str:
    """A full name's canonical body where the knowledge base knows the whole name ("ITU Council"), else the name as
    printed ("UNGIS Task Team on Joint WSIS Reporting", not UNGIS)."""
    found = walk.found(name)
    whole = found is not None and found[1].strip().removeprefix("the ").lower() == name.removeprefix("the ").lower()
    return found[0] if whole and found[0] else name


# Between the words of a name: spaces, or a line break after a link word ("… Council of / the Information for All
# Programme"); a name ends with its line otherwise (a heading below is no part of it).
_SEP = r"(?:[^\S\n]+|(?:(?<=\bof)|(?<=\bon)|(?<=\bfor)|(?<=\band)|(?<=\bthe))\s+)"


def _full_names(document: Document, kind: str) -> set[str]:
    """The full names the text prints for bodies of a kind ("ITU-D Study Group 1" for "study group")."""
    return set(_full_names_in(document.text, kind))


@lru_cache(maxsize=64)
def _full_names_in(text: str, kind: str) -> frozenset[str]:
    """`_full_names` for a text (looked up once per document and kind, however many requirements name the kind)."""
    words = [re.escape(w.capitalize()) for w in kind.split()]
    # (capitalised words before the kind, then a number or an "of/on/for" name: "ITU-D Study Group 1", "Alliance for
    # Open Connectivity Data")
    # (not the end of a longer name: "Economic and Social Council"; nor an article: "Membership / The Task Force")
    full = re.compile(r"(?<!\band\s)(?<!\bof\s)(?<!\bon\s)(?<!\bfor\s)\b"
                      r"(?:(?!(?:The|This|That|Each|Every|An?|Its|Our)\b)[A-Z][\w&\-]*[^\S\n]+){0,5}"
                      + r"\s+".join(words)
                      + rf"(?:{_SEP}\d+(?:/\d+)?|{_SEP}(?:of|on|for){_SEP}(?:the{_SEP})?[A-Z][\w&\-]*"
                        rf"(?:{_SEP}(?:and|of|on|for|the|[A-Z][\w&\-]*))*(?<!\sand)(?<!\sof)(?<!\son)(?<!\sfor)"
                        r"(?<!\sthe))?")
    opening = r"^(?:The|This|That|Each|Every|A|An|Its|Our)\s+"
    # (a footnote's marker is no part of the name: "Partnership on Measuring ICT for Development⁶")
    names = {" ".join(re.sub(opening, "", re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u2079]+", "", m.group())).split())
             for m in full.finditer(text)}
    # (a name cut short where a line ends, or shortened in a mail's subject, is the longer name: "Intergovernmental
    # Council" of "… Council of the …", "Task Team on Data" of "UNGIS Task Team on Data … for the WSIS Follow-up")
    return frozenset(n for n in names
                     if n.lower() != kind.lower() and not any(o != n and f" {n} " in f" {o} " for o in names))


def _prints_in_full(text: str, canonical: str, kind: str, walk: Walk) -> bool:
    """The text names a known body by more than its kind: its canonical name or a longer alias ("ITU Council",
    "WSIS&SDG Task Force"), or it is the body whose text this is (the Council's own decisions)."""
    if canonical in (walk.body, walk.decider):
        return True
    actor = next((a for a in walk.kb.actors if a.canonical == canonical), None)
    forms = {canonical.lower(), *(actor.aliases if actor else ())}
    longer = [f for f in forms if len(f) > len(kind) + 4 and f.removeprefix("the ") != kind.lower()]
    low = text.lower()
    return any(re.search(rf"\b{re.escape(f)}\b", low) for f in longer)


def _tidy(actor: str | None) -> str | None:
    """A name as one line, without the aside a list of actions adds after it: "UNCTAD (R. Lindqvist)", "UNCTAD (as
    Chair)", "regional commissions (ESCAP to coordinate" are UNCTAD and the regional commissions; an acronym in
    brackets stays ("Inter-American Telecommunication Commission (CITEL)")."""
    if not actor:
        return actor
    # (nor a list's dash before it, which a Word paragraph may keep in its text: "- Mobile network operators")
    actor = re.sub(r"^[-\u2013\u2022*]\s+(?=\w)", "", " ".join(actor.split()))
    return re.sub(r"\s*\((?![A-Z0-9&\-]{2,}\)$)[^()]*\)?$", "", actor) or actor


# "…should restore the database. In particular, it should:" - a lead-in after its paragraph's own request, naming
# its actor by a pronoun and asking nothing itself: the request before it and the items after it are the requirements.
BARE_LEAD_IN_RE = re.compile(r"(?:(?:In\s+particular|In\s+addition|To\s+this\s+end|(?:More\s+)?[Ss]pecifically|"
                             r"For\s+this\s+purpose|Accordingly),?\s+)?(?:it|they)\s+(?:should|shall|must|will)"
                             r"(?:\s+(?:also|in\s+particular|inter\s+alia))?\s*:?")


def _bare_lead_in(document: Document, c: Candidate) -> bool:
    """A candidate that is only such a lead-in, with a sentence of its own paragraph before it."""
    block = c.segment.block
    return (BARE_LEAD_IN_RE.fullmatch(document.text[c.seg_start:c.seg_end].strip()) is not None
            and bool(document.text[block.start:c.seg_start].strip()))


def _under_its_number(c: Candidate) -> Candidate:
    """"5 a" for a lettered item run on inside numbered paragraph 5 ("5. Building on the roadmaps, the facilitators
    agree: a) to hold …; b) …"), where no rule cited it under the number."""
    block = c.segment.block.label
    if (c.label and re.fullmatch(r"\(?[a-z]\)", c.label) and block and re.fullmatch(r"\d{1,3}(?:\.\d{1,2})*\.?", block)
            and c.segment.start > 0 and c.quoted_from is None):  # (a quoted resolution's items keep their own)
        return replace(c, label=f"{block.rstrip('.')} {c.label}")
    return c


def _question(document: Document, c: Candidate) -> bool:
    """A questionnaire's question ("Has your country adopted …?", "Which Action Lines does it cover?") asks for an
    answer, not for an action; "Why does the table show no …?" in a delegate's comments asks for a correction."""
    return bool(QUESTION_ITEM_RE.match(document.text[c.seg_start:c.seg_end]))


def _read_by_model(document: Document, segments, candidates: list[Candidate], walk: Walk,
                   kb_files: tuple[str, ...]) -> list[Candidate]:
    """Sentences and items no rule made a requirement of, that the trained model says ask someone to act: requirements
    with actor unknown (pipeline/extract/asks.py)."""
    from . import asks

    unread = asks.unread_units(asks.units(segments), [(c.seg_start, c.seg_end) for c in candidates] + walk.lead_ins)
    # (a footnote's text is never a requirement, whatever it says)
    unread = [u for u in unread if len(u.text.split()) >= 3 and not walk.footnote(u.segment)]
    if not unread:
        return []
    model = asks.load_asks()
    tags = asks.tag_units(unread, kb_files)
    out: list[Candidate] = []
    position = {id(seg): i for i, seg in enumerate(segments)}
    for u, t in zip(unread, tags):
        if asks.never_read(u.text) or model.probability(asks.features(u, t)) < model.threshold:
            continue  # ("We recall that no one should be left …" asks nothing: the paragraph only recalls)
        own = u.label if u.label and any(ch.isalnum() for ch in u.label) else None  # a bullet ("–") is no label
        label = (own or _own_label(u.text) or _quoted_number(document, u)
                 or _named_above(segments, position[id(u.segment)], u))
        if label and asks.LETTER_RE.fullmatch(label):  # "b)" under "5.": "5 b)", as the rules cite it
            parent = (_roman_parent(segments, position[id(u.segment)], label)
                      or _sibling_parent(candidates, u.start, label) or _parent_label(segments, position[id(u.segment)]))
            label = f"{parent} {label}" if parent else label
        trail = u.segment.block.heading_trail
        out.append(Candidate(seg_start=u.start, seg_end=u.end, segment=u.segment,
                             kind=RequirementKind(asks.kind_of(u, t)), actor=None, label=label,
                             clause_path=(walk.doc_name, trail[-1] if trail else "body", label or ""),
                             statement=u.text, extra={"read_by": "model"}))
    return out


# A row whose cells reach us between bars, its number first: "| 3 | Publish a short annual report … | ITU | 2028 |".
BAR_NUMBER_RE = re.compile(r"\|?\s*(?P<n>(?:[A-Z]\.?)?\d{1,2}(?:\.\d{1,2}){0,2})\s*\|")
# A table row's first cell that holds its number or code: "1", "A.2", "FU-27/3", or a letter: "A".
CODE_CELL_RE = re.compile(r"(?:[A-Z]{1,3}[.\-]?)?\d{1,2}(?:[./-]\d{1,2}){0,2}|[A-Z]")
# A proposal's title on a line of its own above its text: "Proposal 3 (ADD instructs the Secretary-General)".
NAMED_TITLE_RE = re.compile(r"(?:Proposal|Recommendation|Action|Measure)\s+(?P<n>\d{1,2}(?:\.\d{1,2})?)\b")


def _own_label(text: str) -> str | None:
    """The number a table row read by the model carries in its first cell."""
    m = BAR_NUMBER_RE.match(text)
    return m.group("n") if m else None


# A UN paragraph quoted inside a sentence, its number just after the opening quote: '… reads as follows: "14. Requests
# the facilitators …'.
QUOTED_NUMBER_RE = re.compile(r"[:,]\s*[\"\u201c]\s*(?P<n>\d{1,3})\.\s*$")


def _quoted_number(document: Document, unit) -> str | None:
    """"14" for the unit that opens such a quoted paragraph."""
    block = unit.segment.block
    m = QUOTED_NUMBER_RE.search(document.text[max(block.start, unit.start - 12):unit.start])
    return m.group("n") if m else None


def _named_above(segments, i: int, unit) -> str | None:
    """"3" for the text under "Proposal 3 (ADD instructs the Secretary-General)", when that title is the segment
    just above the unit's, and the unit opens its own segment."""
    if not unit.first or i == 0:
        return None
    above = segments[i - 1]
    cell, row = above.block.table, unit.segment.block.table
    if cell and row and cell[:2] == row[:2] and cell[2] == 0 and (code := CODE_CELL_RE.fullmatch(above.text.strip())):
        return code.group(0)  # the row's first cell holds its number: "1" | "Update the roadmap …" | "ITU" | …
    m = NAMED_TITLE_RE.match(above.block.text.strip())
    return m.group("n") if m and len(above.block.text.split()) <= 12 and not above.text.rstrip().endswith(".") else None


ROMAN_RE = re.compile(r"\(?(?:i{1,3}|iv|vi{0,3}|ix|x)\)?")
SINGLE_LETTER_RE = re.compile(r"\(?(?P<letter>[a-z])\)?")


def _roman_parent(segments, i: int, label: str) -> str | None:
    """"c" (or "8 c") for "(i)" under "(c) call upon Member States to:": the lettered item a roman numeral sits
    under, when the nearest lettered segment before it is a letter ("(h)" then "(i)" is the letter i)."""
    from .asks import LETTER_RE

    if not ROMAN_RE.fullmatch(label):
        return None
    for k in range(i - 1, -1, -1):
        other = (segments[k].label or "").strip()
        if not other or not LETTER_RE.fullmatch(other):
            return None
        letter = SINGLE_LETTER_RE.fullmatch(other)
        if ROMAN_RE.fullmatch(other) and not (letter and label.strip("()") == "i" and other.strip("()") == "h"):
            continue  # an earlier numeral under the same letter
        if letter is None or (label.strip("()") == "i" and letter.group("letter") == "h"):
            return None
        parent = _parent_label(segments, k)
        return f"{parent} {other}" if parent else other
    return None


def _sibling_parent(candidates: list[Candidate], start: int, label: str) -> str | None:
    """"5" when the requirement just before is "5 b)" and this one is "c)": the letters of one item."""
    before = [c for c in candidates if c.seg_start < start and c.label]
    if not before:
        return None
    m = re.fullmatch(r"(?P<parent>\S+)\s+\(?(?P<letter>[a-z])\)?", before[-1].label)
    letter = label.strip("()")
    if m and len(letter) == 1 and ord(letter) == ord(m.group("letter")) + 1:
        return m.group("parent")
    return None


def _parent_label(segments, i: int) -> str | None:
    """The number of the item a lettered item sits under: the nearest segment before it that is not a lettered item,
    if it carries a number or code ("A.2 … shall carry out the following tasks:"); None under an unnumbered lead-in
    ("To support these targets, the Commission commits to:")."""
    from .asks import LETTER_RE

    for k in range(i - 1, -1, -1):
        seg = segments[k]
        if seg.label and LETTER_RE.fullmatch(seg.label):
            continue
        if not seg.label and k > 0 and segments[k - 1].block is seg.block:
            continue  # "7. We further commit, …, / to:": the rest of the numbered paragraph
        label = (seg.label or "").strip("().")
        return label if re.fullmatch(r"(?:[A-Z]\.?)?\d{1,2}(?:\.\d{1,2})*(?:bis|ter)?", label) else None
    return None


def _finish(document: Document, candidates: list[Candidate], kb: KnowledgeBase,
            kb_files: tuple[str, ...]) -> list[Requirement]:
    """Parse candidate texts once (batched) for verbs and facets; build the records."""
    if not candidates:
        return []
    from .nlp import english  # spaCy is loaded where a text is parsed: a cached audit never needs it

    nlp = english(kb_files)
    # A body the text names by a name the knowledge base knows whole ("ECLAC", "CITEL"): its canonical name.
    whole = {alias: a.canonical for a in kb.actors if a.whole_name for alias in a.aliases}
    texts = [document.text[c.seg_start:c.seg_end] for c in candidates]
    reqs: list[Requirement] = []
    seen_ids: set[str] = set()
    for c, text, parsed in zip(candidates, texts, nlp.pipe(texts, batch_size=64)):
        verb = _main_verb(parsed, c.kind)
        procedural = (verb in cues.PROCEDURAL_VERBS or bool(cues.PROCEDURAL_CUES_RE.search(text))
                      or bool(re.search(r"\bconsider (?:this|the) document\b", text, re.IGNORECASE)))
        freq = cues.FREQUENCY_RE.search(text)
        deadline = cues.DEADLINE_RE.search(text)
        concepts = tuple(dict.fromkeys(
            [m.group(1) for m in cues.ACTION_LINE_CODE_RE.finditer(text)]
            + [s.label_ for s in parsed.spans["concepts"]]
            + ([t] if c.kind is RequirementKind.TARGET and (t := _target_concept(text, c.label, kb)) else [])))
        source = Source(document=document.path, sha256=document.sha256, locator=c.segment.block.locator,
                        label=c.label, clause_path=tuple(p for p in c.clause_path if p), start=c.seg_start,
                        end=c.seg_end, heading_trail=c.segment.block.heading_trail)
        # From content only (not the file name): the same document gives the same ids wherever it lies.
        chapeau = " / ".join(c.clause_path[1:])
        rid = content_id("req", document.sha256[:16], chapeau, text)
        n = 1
        while rid in seen_ids:  # the same words twice in one document stay two requirements
            n += 1
            rid = content_id("req", document.sha256[:16], chapeau, text, n)
        seen_ids.add(rid)
        reqs.append(Requirement(
            id=rid, source=source, kind=c.kind, actor=_tidy(whole.get(_bare(c.actor), c.actor)) or None, verb=verb,
            text=text,
            statement=re.sub(r"\s+", " ", c.statement).strip(),
            checkability=Checkability.PROCEDURAL if procedural else Checkability.CONTENT,
            frequency=freq.group(0).lower() if freq else None,
            deadline=deadline.group(0) if deadline else None,
            references=_references(text), concepts=concepts,
            facets=split_facets(text, parsed, kb) if c.kind is not RequirementKind.TARGET else (),
            actor_printed=c.printed, quoted_from=c.quoted_from, read_by=c.extra.get("read_by", "rules"),
        ))
    return _sub_item_facets(reqs)


def _bare(name: str | None) -> str:
    """A printed body's name as the knowledge base lists its aliases: lower case, no leading article."""
    return re.sub(r"^the\s+", "", (name or "").strip().lower())


def sub_item_children(reqs: list[Requirement]) -> dict[str, list[Requirement]]:
    """Parent requirement id -> its printed sub-items ("5" -> "5 a)", "5 b)"), in document order."""
    by_path = {(r.source.document, r.source.clause_path): r for r in reqs}
    out: dict[str, list[Requirement]] = {}
    for r in reqs:
        path, label = r.source.clause_path, r.source.label
        if not label or " " not in label or len(path) < 2:
            continue
        parent = by_path.get((r.source.document, path[:-1] + (label.split(" ", 1)[0],)))
        if parent is not None and parent.id != r.id:
            out.setdefault(parent.id, []).append(r)
    return out


def _sub_item_facets(reqs: list[Requirement]) -> list[Requirement]:
    """An item with sub-items has the sub-items as its facets (annotation rule: Res. 1390 SG 5 -> a, b)."""
    children = sub_item_children(reqs)
    return [replace(r, facets=tuple(Facet(label=re.sub(r"[().]", "", c.source.label.split(" ", 1)[1]), text=c.text,
                                          origin="sub-item") for c in children[r.id]))
            if r.id in children else r for r in reqs]


# Target lists restate the WSIS and Broadband Commission targets in their own words; a restatement scores
# at least this token-set similarity with our knowledge-base wording (checked on corpora/mandates/targets-lists).
TARGET_MATCH_MIN = 45.0


def _target_concept(text: str, label: str | None, kb: KnowledgeBase) -> str | None:
    """The knowledge-base target a listed target restates: best wording match, the printed label breaking ties."""
    from rapidfuzz import fuzz

    from ..corpus import norm_label

    best, best_score = None, TARGET_MATCH_MIN
    for c in kb.concepts:
        if c.kind not in ("wsis_target", "bb_target"):
            continue
        score = fuzz.token_set_ratio(text.lower(), f"{c.title} {c.short} {' '.join(c.topics)}".lower())
        score += 15.0 if label and norm_label(label) == c.label else 0.0
        if score > best_score:
            best, best_score = c.id, score
    return best


def _main_verb(parsed, kind: RequirementKind) -> str | None:
    """Lemma of the action verb: the first verb after 'to' / 'that' / a modal, else the root."""
    if kind is RequirementKind.TARGET:
        return None
    # Light and operative verbs: the action is the verb that follows ("Invites ITU to report" -> report).
    skip = {"be", "have", "do", "continue", "ensure", "invite", "request", "call", "urge", "encourage", "instruct",
            "resolve", "decide", "recommend", "ask"}
    first = None
    for tok in parsed:
        if tok.pos_ == "VERB":
            lemma = tok.lemma_.lower()
            first = first or lemma
            if lemma not in skip or tok.i == len(parsed) - 1:
                return lemma
    return first


def _references(text: str) -> tuple[str, ...]:
    refs = [f"Res. {m.group(1)}" for m in cues.RESOLUTION_REF_RE.finditer(text)]
    refs += [f"A/RES/{m.group(1)}" for m in cues.UN_RESOLUTION_RE.finditer(text)]
    refs += [m.group(1) for m in cues.ACTION_LINE_CODE_RE.finditer(text)]
    refs += [f"SDG {m.group(1)}" for m in cues.SDG_RE.finditer(text)]
    refs += [m.group(0) for m in SYMBOL_RE.finditer(text) if not m.group(0).startswith("A/RES/")]
    if re.search(r"connect[ -]?2030", text, re.IGNORECASE):
        refs.append("Connect 2030")
    return tuple(dict.fromkeys(refs))


def _looks_non_english(text: str) -> bool:
    words = re.findall(r"[a-zA-Z]+", text.lower())
    if len(words) < 40:
        return False
    return sum(w in STOPWORDS_EN for w in words) / len(words) < 0.08


@dataclass(frozen=True, slots=True, kw_only=True)
class BatchExtraction:
    """Extractions of several documents and the files that could not be read."""

    extractions: tuple[ExtractionResult, ...]
    failures: tuple

    def to_dict(self) -> dict:
        return {"schema_version": "1", "extractor": EXTRACTOR_VERSION,
                "documents": [{"path": e.document, "sha256": e.sha256, "warnings": list(e.warnings),
                               "requirements": [to_plain(r) for r in e.requirements]} for e in self.extractions],
                "failures": [f.to_dict() for f in self.failures]}


def extract_many(paths, config=None) -> BatchExtraction:
    """Parse and extract every file; unreadable files are listed, the rest still processed."""
    from ..config import Config
    from ..parse import parse_many

    cfg = config or Config()
    parsed = parse_many(paths, cfg)
    return BatchExtraction(extractions=tuple(extract(d, kb_files=cfg.kb_files) for d in parsed.documents),
                           failures=parsed.failures)
