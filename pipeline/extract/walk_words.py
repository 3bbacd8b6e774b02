"""Rules over a segment's words: letter and roman labels, operative verbs, section titles, sentences."""

from __future__ import annotations

import re

from ..model import RequirementKind
from . import cues

# (Each look-behind ends with the full stop: the split point is after it.)
_ABBREV = (r"(?<!\bRes\.)(?<!\bMod\.)(?<!\bRev\.)(?<!\bNo\.)(?<!\bpara\.)(?<!\bDoc\.)(?<!\be\.g\.)(?<!\bi\.e\.)"
           r"(?<!\bvol\.)(?<!\bArt\.)")
SENTENCE_SPLIT_RE = re.compile(
    _ABBREV + r"(?<=[.!?])\s+(?=[\"“(]?[A-Z])"
    # Word exports lose full stops: "… Geneva Plan of Action It is important to …".
    r"|(?<=[a-z0-9)”\"]) (?=It (?:is|should|shall|must|needs|will|would)\b)")


def _title_case(text: str) -> bool:
    """Headings capitalise most content words ("Targets for 2030", "Calls to Action"); sentences do not."""
    words = [w for w in re.findall(r"[A-Za-z][\w'-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _modal_kind(phrase: str) -> RequirementKind:
    """'shall'/'will' -> expectation; 'are called upon to' -> instruction; 'are invited to' -> invitation."""
    if re.search(r"\b(?:invited|encouraged|may wish)\b", phrase):
        return RequirementKind.INVITATION
    if re.search(r"\b(?:called upon|urged|requested|asked)\b", phrase):
        return RequirementKind.INSTRUCTION
    return RequirementKind.EXPECTATION


def _section_title(text: str) -> bool:
    """"Proposals", "Terms of reference", "Timetable": short, capitalised, no closing punctuation, asks nothing."""
    words = text.split()
    return (0 < len(words) <= 6 and text[:1].isupper() and text.rstrip()[-1:] not in ".;:,"
            and not cues.OPERATIVE_ANY.search(text)
            # a modal asks something, unless the title is a question's words ("What the reports should contain")
            and (not cues.DEONTIC_RE.search(text) or re.match(r"(?:What|How|Why|Which|When|Where)\b", text))
            and not cues.SUBJECT_OPERATIVE_RE.match(text)  # "The two organizations recommend that Governments:"
            and not re.search(r"\bmay wish to\b", text)  # "Governments may wish to consider:" leads in
            # "The Republic of Tolvana proposes:": a sentence whose verb leads into the list below
            and not re.search(r"\b(?:propose[sd]?|recommends?|suggests?)\s*$", text)
            # "1. Call upon Member States to:" (a declaration's item in the base form, its subject in the lead-in)
            and not (cues.BASE_OPERATIVE_RE.match(text) and re.search(r"\bto\s*$", text)))


def _is_roman(label: str | None, last_letter: str | None) -> bool:
    """"(ii)", "iii)", and "(i)" or "(v)" when they do not continue a letter list ("(h)" then "(i)" is a letter)."""
    bare = (label or "").strip("().")
    if not bare or not re.fullmatch(r"[ivx]+", bare):
        return False
    if len(bare) > 1:
        return True
    return last_letter is not None and ord(bare) != ord(last_letter) + 1


def _is_letter(label: str | None) -> bool:
    return bool(label) and re.fullmatch(r"[a-z]\)|\([a-z]+\)|[ivx]+\)|\([ivx]+\)|[a-z]\.|[ivx]+\.", label) is not None


def _verb_key(verb: str) -> str:
    """'Requests' -> 'requests'; a meeting's 'requested' and a declaration's 'call upon' -> 'requests', 'calls upon'."""
    key = re.sub(r"\s+", " ", verb.lower())
    key = cues.PAST_OPERATIVE.get(key, key)
    if key not in cues.OPERATIVE_KIND:  # "we resolve", "we call upon"
        first, _, rest = key.partition(" ")
        key = " ".join(filter(None, (first + "s", rest)))
    return key if key in cues.OPERATIVE_KIND else "requests"


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans by rule (abbreviations of resolution references kept together)."""
    spans, start = [], 0
    for m in SENTENCE_SPLIT_RE.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# A title set between rules of dashes or equals signs, as e-mails and plain-text pages set them:
# "---------- Follow-up actions agreed by the Group ----------".
DECORATED_TITLE_RE = re.compile(r"^\s*([-=_*~#])\1{2,}\s*(?P<title>[A-Za-z][^\n]{0,90}?)\s*([-=_*~#])\3{2,}\s*$")


def undecorated(text: str) -> str:
    """A decorated title's words ("---- Summary of conclusions ----" -> "Summary of conclusions"); else the text."""
    m = DECORATED_TITLE_RE.match(text)
    return m.group("title") if m else text


# A body by its kind alone, which a document's title names in full: "the Working Group", "the Task Team".
TITLE_SHORT_RE = re.compile(r"(?:[Tt]he|[Tt]his|[Ii]ts)\s+(?P<head>(?:Working\s+|Expert\s+|Steering\s+)?(?:Group|"
                            r"Committee|Force|Team|Panel|Board|Network|Partnership|Council|Conference|Forum|Assembly))")
