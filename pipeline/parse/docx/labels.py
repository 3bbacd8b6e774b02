"""Labels typed by hand before a paragraph's text ("2.1." and a TAB, "(a)", "II"): found, cleaned, given a depth."""

from __future__ import annotations

import re

# A manual label and a TAB, as ITU and UN drafts type them: "1\t", "2.1.\t", "a)\t", "(iii)\t", "II\t",
# and WSIS Action Line codes "C2.\t" (Geneva Plan of Action, section C).
_LABEL = (r"\d{1,3}(?:\.\d{1,3}){0,5}\.?|\(?\d{1,3}\)|\(?[a-zA-Z]{1,2}\)|\(?[ivxlcdm]{1,7}\)"
          r"|\(?[IVXLCDM]{1,7}\)|[IVXLCDM]{1,7}\.?|[a-zA-Z]\.|[A-Z]\d{1,2}\.?")
TAB_LABEL_RE = re.compile(rf"^[ \t\u00a0]*(?P<label>{_LABEL})\t+(?P<rest>.*\S.*)$", re.S)
# Without a TAB only unmistakable forms count: "1.", "2.1.", "(a)", "a)", "(iv)" (at most three numeric
# components), or "2.4 To ..." and "3.1 hold one meeting a year" where a word follows that is no unit (so "3.5 million
# people" stays a sentence, as the text parser reads it, and "2024 was a year" never matches).
SPACE_LABEL_RE = re.compile(
    r"^[ \t\u00a0]*(?:(?P<label>\d{1,3}(?:\.\d{1,3}){0,2}\.|\(?\d{1,3}\)|\(?[a-z]\)|\([ivx]{1,5}\)|[ivx]{2,5}\))"
    r"|(?P<dotted>\d{1,3}(?:\.\d{1,3}){1,2})(?=[ \u00a0]+(?:[A-Z]|(?!(?:billion|million|thousand|per|percent|times|"
    r"years?|months?|days?|hours?|weeks?|points?|km|kg|cm|mm|[kMG]Hz|[MGT]bit|[MGT]bps|[MGT]B)\b)[a-z]{2,}\b))"
    # "5 The Group asked ….": a bare number and a sentence that opens with a determiner or a participle, as a
    # meeting's conclusions pasted from e-mail number them (not a date, "18 December 2027", a figure, "3 Member
    # States", a title, "2 Draft report of the Secretary-General", nor a footnote, "4 See the annex …")
    r"|(?P<bare>\d{1,2})(?=[ \u00a0]+(?:The|This|These|It|Having|Noting|Recalling|Considering|Following)\b.*[.:;]\s*$))"
    r"[ \u00a0]+(?P<rest>\S.*)$", re.S)
# Headings also take "I. Introduction" and "A. Background" (UN section numbering).
HEADING_SPACE_LABEL_RE = re.compile(r"^[ \t\u00a0]*(?P<label>[IVXLCDM]{1,7}\.|[A-Z]\.)[ \u00a0]+(?P<rest>\S.*)$", re.S)
# Manual bullets typed as a dash or bullet and a TAB (ITU "enumlev1" items start with "–\t").
BULLET_TAB_RE = re.compile(r"^[ \t\u00a0]*[\u2013\u2014\u2022\u00b7\u25aa\u25cf\-*]\t+(?P<rest>.*\S.*)$", re.S)
# A bullet typed with a space, as text pasted into Word keeps it: "• publish each year …", and a dash only before a
# word in lower case ("- the number of CIRTs …"; "- 4 -" is a page number).
BULLET_SPACE_RE = re.compile(r"^[ \t\u00a0]*(?:[\u2022\u25aa\u25cf\u25e6]|[\u2013\-](?=[ \u00a0]+[a-z]))"
                             r"[ \u00a0]+(?P<rest>\S.*)$", re.S)
UPPER_ROMAN_RE = re.compile(r"^[IVXLCDM]+$")
LOWER_ROMAN_RE = re.compile(r"^(?:i|[ivx]{2,})$")


# "2 In accordance with …": a bare number and a capital, a label only where the numbers run in sequence (see
# `bare_number_runs`), and a sentence, not a title ("1 Opening of the meeting" stays a heading in body type); a date
# ("18 December 2027") or a footnote's opening ("22 See the report …", "3 Document C28/12") never starts one.
BARE_RUN_RE = re.compile(r"^[ \t\u00a0]*(?P<n>\d{1,2})[ \u00a0]+(?P<rest>(?!(?:January|February|March|April|May|June|July|"
                         r"August|September|October|November|December|See|Available|Ibid|Document|Resolution)\b)[A-Z]\S*(?:\s+\S+){3,}.*[.;:,][\"”’)]?)\s*$", re.S)


def bare_number_runs(numbers: list[int | None]) -> set[int]:
    """Which of a document's paragraphs, given the bare number each opens with (None for the rest), are numbered
    paragraphs: those whose number follows the one before ("1", then "2") or leads to the next."""
    found: set[int] = set()
    seen = [(i, n) for i, n in enumerate(numbers) if n is not None]
    for (i, n), (j, m) in zip(seen, seen[1:]):
        if m == n + 1:
            found.update((i, j))
    return found


def _split_label(text: str, *, heading: bool) -> tuple[str | None, str]:
    """A typed label at the start of a paragraph and the text after it, or (None, text)."""
    m = TAB_LABEL_RE.match(text)
    if m:
        return _manual_label(m.group("label")), m.group("rest")
    m = SPACE_LABEL_RE.match(text)
    if m:
        return _manual_label(m.group("label") or m.group("dotted") or m.group("bare")), m.group("rest")
    if heading:
        m = HEADING_SPACE_LABEL_RE.match(text)
        if m:
            return _manual_label(m.group("label")), m.group("rest")
    return None, text


def _heading_like(text: str) -> bool:
    """Short, capitalised, without closing punctuation: reads as a section title, not an item."""
    text = " ".join(text.split())
    return 0 < len(text.split()) <= 10 and text[:1].isupper() and text[-1:] not in ".;:,"


def _manual_label(label: str) -> str:
    """'2.1.' -> '2.1', 'IV.' -> 'IV'; parenthesised labels are kept as printed ('a)', '(ii)')."""
    return label if label.endswith(")") else label.rstrip(".")


def _label_level(label: str) -> int:
    """Depth of a typed label, by ITU/UN drafting convention: 1, 1.1 ... then a) then i)."""
    core = label.strip("().")
    if core[:1].isdigit():
        return core.count(".") + 1
    if UPPER_ROMAN_RE.match(core) or core.isupper():
        return 1
    if LOWER_ROMAN_RE.match(core):
        return 3
    return 2
