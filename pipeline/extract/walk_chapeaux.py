"""Segments that set the walk's state: headings, preambles, and the chapeaux whose items inherit them.

A chapeau sets the verb, actor and quoted instrument that the items below it inherit.
"""

from __future__ import annotations

import re

from ..model import RequirementKind
from . import cues
from .clauses import Segment
from .walk_state import _Context
from .walk_words import _verb_key, undecorated


# A chapeau that names its instrument by pointing back: "The same resolution invites …:", "It further instructs …:".
ANAPHORIC_RE = re.compile(r"(?:(?:The\s+same|This|That|The\s+said|The)\s+(?:resolution|decision|instrument|text)|It)"
                          r"(?:\s*,\s*(?:under|in\s+the\s+part))?\s*[\"“]?",
                          re.IGNORECASE)  # "The same resolution, under "invites Member States", reads:"


# The title of a group's terms of reference, which names the group (not "… of ITU-D study Questions").
TOR_TITLE_RE = re.compile(r"(?:Draft\s+)?[Tt]erms\s+of\s+[Rr]eference\s+(?:of|for)\s+(?:the\s+)?"
                          r"(?P<body>[A-Za-z][^,.;:()]{0,80}?\b(?:[Gg]roup|[Cc]ommittee|[Tt]ask\s+[Ff]orce|[Tt]eam|[Pp]anel|"
                          r"[Bb]oard|[Nn]etwork|Partnership|Commission|Council)\b[^,.;:()]{0,60}?)"
                          # (its initials after it: "… on WSIS Implementation (TDAG-CG-WSIS)")
                          r"(?:\s*\([A-Z][A-Za-z0-9&\-/]{1,30}\))?$")


class ChapeauHandlers:
    """The walk's handlers of headings, preambles and chapeaux (mixed into `Walk`)."""

    def heading(self, seg: Segment, title: str | None = None) -> None:
        """A heading opens a section: the chapeau in force and the plan's section code end with the one before. (A
        run-in title gives its own words: "Action required" before the sentence it opens.)"""
        # ("IV. Action points" typed in a Word paragraph is the section "Action points", as its TXT heading reads)
        self.section = title or (re.sub(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVX]{1,5}\.)\s+(?=[A-Z])", "",
                                        undecorated(seg.block.text)) if seg.block.label is None
                                 else undecorated(seg.block.text))
        self.proposals_that = False
        self.proposal_parent = None
        self.meeting_who = None
        self.lead_in = None
        # "C1. The role of governments …": lettered items below are cited as "C1 a", "C1 b".
        code = None if title else re.match(r"([A-Z]\d{1,2})\.?\s", f"{seg.label or ''} {seg.block.text}".strip() + " ")
        self.section_code = code.group(1) if code else None
        self.last_number = None
        self.ctx = None
        self.target_scope = None
        if (tor := TOR_TITLE_RE.match(self.section)) is not None:
            self.tor_body = tor.group("body")  # "Terms of reference of the Expert Group on WSIS Measurement"
        elif re.match(r"(?:ANNEX|Annex)\b", self.section):
            self.tor_body = None
        ref = cues.RESOLUTION_REF_RE.search(self.section)
        if ref:  # "Part two: Council Resolution 1391 (2026), operative part"
            self.doc_name = ref.group(0).strip()

    def preamble(self, seg: Segment) -> None:
        """A preamble ("Recalling …", "Considering …"): its items ask nothing."""
        self.ctx = _Context(mode="preamble")

    def chapeau(self, seg: Segment) -> None:
        """A chapeau ("instructs the Secretary-General:"): the verb, actor and source its items inherit."""
        text = seg.text
        m = (cues.CHAPEAU_RE.match(text) or cues.SELF_OPERATIVE_RE.match(text)
             or cues.SUBJECT_OPERATIVE_RE.match(text[:1].upper() + text[1:] + " "))  # "The Group decided:"
        if m is None or re.search(r"\bthe\s+following\s+(?:[\w\-]+\s+){0,2}targets\b", text):
            # no operative verb after all, or "The Commission adopts the following targets, to be reached by 2030:",
            # the lead-in of a targets list: read as any other paragraph
            self.body_segment(seg)
            return
        verb = _verb_key(m.group("verb"))
        who = m.groupdict().get("who")  # "The Group decided:": the body that decides
        ref = cues.RESOLUTION_REF_RE.search(m.groupdict().get("pre") or "")
        if ref is None and self.prev is not None and self.prev.block is seg.block:
            # "1.2 Council Resolution 1481 (Mod. 2027), on measuring …, instructs the Secretary-General: …"
            ref = cues.RESOLUTION_REF_RE.search(self.prev.text)
        if ref is None and self.lead_in is not None:
            ref, self.lead_in = self.lead_in, None  # "Resolution 239 (Rev. Doha, 2026) provides, for its part:"
        ctx = self.ctx
        inherit = ctx is not None and ctx.mode == "operative" and ctx.verb is not None
        # A quoted chapeau names its resolution; a bare one continues the resolution being read.
        source = ref.group(0).strip() if ref else (ctx.source if inherit else self.doc_name)
        if ref and re.match(r"Resolution\s+\d+\s+\(Mod\.", source):
            source = f"Council {source}"  # "In its Resolution 1421 (Mod. 2027)": only the Council's are modified so
        quoted = bool(ref) and source != self.own_name or (not ref and inherit and ctx.quoted)
        pre = (m.groupdict().get("pre") or "").strip(" ,")
        if ref is None and ANAPHORIC_RE.fullmatch(pre) and self.last_quoted:
            source, quoted = self.last_quoted, True  # "2.2 The same resolution invites Administrations:"
        elif ref is None and not inherit and source != self.own_name and self.last_quoted and pre:
            # a text that has quoted one instrument, under a heading that names another ("2.2 Resolution 263 (Rev.
            # Doha, 2026)"): "The Conference, for its part, resolves:" quotes it too (a resolution's own "resolves",
            # under its own title, is no quotation)
            quoted = True
        if quoted:
            self.last_quoted = source
        addr = text[m.end("verb"):].strip(" ,:")
        inner = re.match(r"to\s+(instruct|invite|request|encourage|urge|call upon)\s+", addr)
        if inner and cues.OPERATIVE_KIND.get(verb) is RequirementKind.DECISION:
            # "resolves to instruct the Director of BDT, in collaboration with …": an instruction to the Director
            verb, addr = _verb_key(inner.group(1)), addr[inner.end():]
            addr = re.split(r",", addr, maxsplit=1)[0]
        if re.match(r"that\b", addr):  # "The Commission recommends that Governments, in their strategies:"
            actor, printed = self.that_subject(addr)
        else:
            actor, printed = self.addressee(re.sub(r"\s*\b(?:that|to)$", "", addr), verb)
        if not actor and who and who not in ("We", "we"):
            actor, printed = self.found(who) or (None, None)
        self.ctx = _Context(mode="operative", verb=verb, actor=actor, printed=printed,
                            chapeau=text[m.start("verb"):].strip(" ,:"), source=source, quoted=quoted,
                            last_number=seg.label if seg.label and seg.label[:1].isdigit() else None,
                            # "7.2 TDAG recommends that …: a) …": its letters are its own; "7.3" is a new paragraph
                            own_item=seg.label if seg.label and seg.label[:1].isdigit() else None)
        if (re.search(r"\bto\s+[a-z]{3,}\s+\S", addr) or re.match(r"that(?:\s+\S+){4}", addr)
                or (len(addr.split()) >= 7 and not self.found(addr))):
            self.pending = seg  # "approves the terms of reference set out in the Annex": a clause, if no item follows
