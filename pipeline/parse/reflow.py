"""Paragraphs rebuilt from text with hard line breaks (e-mail, web pages, PDF-to-text tools).

Such text breaks a paragraph every 60-90 characters, wherever a word ends: before "and", before "2030",
before "20 years". Read line by line, a requirement is cut after its first line and a line that opens with a
number looks like a new item. `reflow(lines)` joins the lines that continue a sentence and keeps the real
breaks: blank lines, list labels that fit their list, bullets, Markdown headings, e-mail header lines, and short
title-like lines (headings) before a capitalised line.

`hard_wrapped(lines)` says whether a text needs it at all: Word's plain-text export writes one paragraph per
line, and joining its lines would merge a chapeau with its preamble.
"""

from __future__ import annotations

import re

from .columns import tab_row

# "From: …", "Subject: …": each is its own line in a forwarded mail, never the start of a paragraph's text.
# (in capitals and followed by its value: "to:" that ends a wrapped chapeau, "… budgets, / to:", is none)
MAIL_HEADER_RE = re.compile(r"^\s*(?=(?-i:[A-ZÀ]))(?:From|To|Cc|Bcc|Sent|Date|Subject|Objet|De|Envoyé|À)"
                            r"\s*:[^\S\n]*\S", re.IGNORECASE)
# A UN masthead's lines: "Distr.: General", "Original: English", "Thirty-first session", "9 March 2028", "Item 3 (a)
# of the provisional agenda". Each is a line of its own, never the rest of the body's name above it.
MASTHEAD_RE = re.compile(r"^\s*(?:Distr\.?\s*:|Original\s*:|Item\s+\d|[A-Z][a-z]+(?:-[a-z]+)?\s+session\s*$|"
                         r"\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
                         r"December)\s+\d{4}\s*$)")
BULLET_RE = re.compile(r"^\s*[\u2022\u25aa\u25cf\u2013\-*]\s+\S")
MD_HEADING_RE = re.compile(r"^#{1,6}\s")
# A list label at the start of a line, as the text parser reads it, and what follows it (after the quotation mark
# that opens a quoted item: '"4 to ensure that the roadmaps …').
LINE_LABEL_RE = re.compile(
    r"^\s*[\"\u201c]?(?P<label>(?P<num>(?:\d{1,3}\.)*\d{1,3})\.?|\(?(?P<letter>[a-z])\)|\((?P<roman>[ivx]{1,5})\)|[ivx]{1,5}\))"
    r"(?:\t+|\s+)(?P<rest>\S.*)$")
QUOTING_CHAPEAU_RE = re.compile(r"\b(?:instructs?|requests?|invites?|resolves?|decides?|urges?|encourages?|calls\s+"
                                r"upon)\b(?:(?!\b(?:provides?|reads?|states?|follows|that)\b)[^:;.]){0,80}:$")
# After a line that stops mid-sentence, a number opens an item only before words an item opens with.
ITEM_OPENER_RE = re.compile(r"^(?:to|that|the|an?|[a-z]+ing)\b|^[A-Z]")
SENTENCE_END = ".;:!?"
# A text is hard-wrapped when this share of its line ends breaks a sentence (our corpus: 0 in one-paragraph-per-line
# exports; 0.3-0.8 in wrapped mail and PDF-to-text output).
WRAPPED_SHARE = 0.15
WRAPPED_MIN_BREAKS = 3
# Mail clients, web copies and PDF-to-text tools wrap at 60-100 characters; lines of a one-paragraph-per-line
# export run to several hundred, so a text whose 90th-percentile line is longer than this is not wrapped.
MAX_WRAP_WIDTH = 120


def hard_wrapped(lines: list[str]) -> bool:
    """Do several long lines stop in the middle of a sentence, the next line carrying on in lower case?

    Only lines near the wrapping width count: in Word's export a chapeau ("resolves", "invites Member States")
    stands alone on a short line before its lower-case items, and that is no break. Text whose lines run far past
    any wrapping width (one paragraph per line) is not wrapped at all.
    """
    width = _typical_width(lines)
    if width > MAX_WRAP_WIDTH:
        return False
    pairs = breaks = 0
    for cur, nxt in zip(lines, lines[1:]):
        cur, nxt = cur.rstrip(), nxt.strip()
        if not cur.strip() or not nxt or MAIL_HEADER_RE.match(cur):
            continue
        pairs += 1
        if (len(cur) >= 0.6 * width and cur[-1:].isalnum() and (nxt[:1].islower() or nxt[:1].isdigit())
                and not _fits_label(nxt, None, cur)):
            breaks += 1
    return breaks >= WRAPPED_MIN_BREAKS and breaks / max(pairs, 1) >= WRAPPED_SHARE


def reflow(lines: list[str]) -> list[tuple[int, str]]:
    """(first line number, paragraph text) for each paragraph; lines numbered from 1, blank lines dropped."""
    width = _typical_width(lines)
    out: list[tuple[int, str]] = []
    cur: list[str] = []
    first = 0
    last_num: int | None = None
    for number, raw in enumerate(lines, start=1):
        line = raw.rstrip()
        if not line.strip():
            _flush(out, cur, first)
            cur = []
            continue
        label = LINE_LABEL_RE.match(line)
        prev = cur[-1] if cur else ""
        starts = (not cur or MAIL_HEADER_RE.match(line) or MAIL_HEADER_RE.match(prev) or BULLET_RE.match(line)
                  or MASTHEAD_RE.match(line) or MASTHEAD_RE.match(prev)
                  or MD_HEADING_RE.match(line) or _fits_label(line, last_num, prev)
                  # a table's row that opens with its first short cell ("1 | Circulate …", "No. | Action | …") starts
                  # a paragraph; its wrapped rest does not
                  or (line.count(" | ") >= 2 and re.match(r"\s*[\w.\-/]{1,10}(?: [\w.\-/]{1,6})? \| ", line))
                  # a table's row typed with tabs is a line of its own ("M1<TAB>ITU<TAB>Publish …<TAB>Annually")
                  or tab_row(line) or tab_row(prev)
                  or _ends_paragraph(prev, line, width))
        if starts:
            _flush(out, cur, first)
            cur, first = [line.strip()], number
            if label and label.group("num") and "." not in label.group("num"):
                last_num = int(label.group("num"))
        else:
            cur.append(line.strip())
    _flush(out, cur, first)
    return out


def _flush(out: list[tuple[int, str]], cur: list[str], first: int) -> None:
    if cur:
        out.append((first, " ".join(cur)))


def _fits_label(line: str, last_num: int | None, prev: str) -> bool:
    """Does the line open a list item, given the line before it and the last item number seen?

    After a line that ends a clause (",", ";", ":", "."), any label opens an item. After a line that stops
    mid-sentence, a letter or roman label still does ("… as follows (a) …" is rare at a line start); a number
    does only when it continues the list (1, or the last number plus one) before a word an item opens with, so
    "2 years", "20 indicators" and "30 June" carry on the sentence.
    """
    m = LINE_LABEL_RE.match(line)
    if not m:
        return False
    prev = prev.rstrip()
    if line.lstrip()[:1] in "\"\u201c" and not QUOTING_CHAPEAU_RE.search(prev):
        # a quoted item opens its own paragraph after the chapeau it is quoted under ("… instructs the
        # Secretary-General:"), not after "… reads in part:", whose sentence runs on through the quotation
        return False
    if not prev or prev[-1] in SENTENCE_END + "," or "\t" in line[m.end("label"):m.start("rest")]:
        return True  # (a tab after the label is Word's: "2<TAB>Activities" opens an item wherever it stands)
    if m.group("num") is None:
        return True
    if "." in m.group("num"):
        return True  # "2.1 To include …": section numbers do not occur in running text
    n = int(m.group("num"))
    continues = n == 1 or (last_num is not None and n == last_num + 1)
    return continues and bool(ITEM_OPENER_RE.match(m.group("rest")))


def _ends_paragraph(prev: str, line: str, width: int) -> bool:
    """A short line before a capitalised one: a heading, a signature, the last line of a paragraph."""
    prev = prev.rstrip()
    if not prev or not line.strip()[:1].isupper():
        return False
    short = len(prev) < 0.7 * width
    if prev[-1] in ".;:!?" and short:
        return True
    # A title-like line ("Annex", "Terms of reference") with no closing punctuation.
    return len(prev) < 0.5 * width and prev[-1].isalnum() and len(prev.split()) <= 10 and prev[:1].isupper()


def _typical_width(lines: list[str]) -> int:
    """The wrapping width: the 90th percentile of line lengths (a few long lines do not set it)."""
    lengths = sorted(len(ln.rstrip()) for ln in lines if ln.strip())
    if not lengths:
        return 80
    return max(lengths[int(0.9 * (len(lengths) - 1))], 40)
