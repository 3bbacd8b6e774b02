"""report.md: the coverage record as Markdown, and the Markdown view of a diff between two audits.

The helpers at the top (statuses, colours, grouping by source document, shortening) are shared by the
other human-readable writers (docx_report, xlsx, csv_report) so all outputs name and order things alike.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

# Shared vocabulary of the writers -------------------------------------------------------------------

from ..model import CHANGE_KINDS, STATUS_LABELS, STATUSES
# The conventional Excel "good / neutral / bad" fills, plus a light blue for "a person must look".
STATUS_FILLS = {"addressed": "C6EFCE", "partial": "FFEB9C", "not_addressed": "FFC7CE", "manual_check": "DDEBF7"}
EVIDENCE_CHARS = 300  # a quote long enough to judge, short enough to keep a table row under a page


def status_label(status: str) -> str:
    """The status as a reader sees it ("Not addressed"); unknown values pass through."""
    return STATUS_LABELS.get(status, status)


def document_name(path: str) -> str:
    """The file name of a document path (a delegate's copy lives elsewhere; the name is what identifies it)."""
    return Path(path).name or path


def document_title(path: str, reqs: list[dict]) -> str:
    """'Resolution 1390 (Mod. 2026) — council-res-1390.txt' when all its requirements share a top clause."""
    tops = {(r["source"].get("clause_path") or [""])[0] for r in reqs}
    name = document_name(path)
    if len(tops) == 1 and (top := tops.pop()) and top != name:
        return f"{top} — {name}"
    return name


def source_groups(record: dict) -> list[tuple[str, list[dict]]]:
    """Requirements grouped by source document: mandate order first, then any other in order of appearance."""
    groups: dict[str, list[dict]] = {m["path"]: [] for m in record.get("mandates", [])}
    for r in record["requirements"]:
        groups.setdefault(r["source"]["document"], []).append(r)
    return [(doc, reqs) for doc, reqs in groups.items() if reqs]


def status_counts(reqs: list[dict]) -> dict[str, int]:
    """Count of requirements per status, every status present (0 when none)."""
    c = Counter(r["status"] for r in reqs)
    return {s: c.get(s, 0) for s in STATUSES}


def shorten(text: str, limit: int = EVIDENCE_CHARS) -> str:
    """Collapse whitespace and cut at a word boundary before `limit` characters, marking the cut with '…'."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:") + "…"


def locators(evidence: list[dict]) -> list[str]:
    """The locators of the evidence items, in order, without repeats."""
    return list(dict.fromkeys(e["locator"] for e in evidence if e.get("locator")))


def all_evidence(r: dict) -> list[dict]:
    """A requirement's evidence, then its facets' evidence for passages not already cited (a partial
    requirement often has evidence only on the facets it covers)."""
    seen, out = set(), []
    for e in [*r["evidence"], *(e for f in r.get("facets", []) for e in f["evidence"])]:
        key = (e.get("locator"), e["text"])
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


UNKNOWN_ACTOR = "unknown (the text does not say who acts)"
MODEL_ACTOR = "unknown (read by the trained model, which does not say who acts)"


def actor_text(r: dict) -> str:
    """The actor as a reader sees it: canonical name, the printed name when it differs, or unknown."""
    actor, printed = r.get("actor"), r.get("actor_printed")
    if not actor and r.get("read_by") == "model":
        return MODEL_ACTOR  # a sentence no rule reads: the model says that it asks, never who must act
    if not actor and r.get("actor_guess"):
        return f"unknown (our rules' guess: {r['actor_guess']}; check who acts)"
    if not actor:
        return UNKNOWN_ACTOR
    if printed and _bare(printed) != _bare(actor):
        return f"{actor} (printed: {printed})"
    return actor


def _bare(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def quoted_text(r: dict) -> str:
    """'quoted from Council Resolution 1332 (Mod 2024)' for a requirement a document quotes; '' otherwise."""
    return f"quoted from {r['quoted_from']}" if r.get("quoted_from") else ""


def reflection_share(r: dict) -> str:
    """'93%' for a requirement whose reflection was measured; '' otherwise."""
    rf = r.get("reflection")
    return f"{rf['score']:.0%}" if rf else ""


def reflection_text(r: dict) -> str:
    """'wording taken over: 93% (14 of 15 content words, 1 changed), at para. 12'; '' when not measured."""
    rf = r.get("reflection")
    if not rf:
        return ""
    words = f"{rf['kept']} of {rf['content_words']} content words" + (f", {rf['changed']} changed"
                                                                       if rf["changed"] else "")
    where = "; ".join(dict.fromkeys(s["locator"] for s in rf["spans"]))
    return f"wording taken over: {reflection_share(r)} ({words})" + (f", at {where}" if where else ", nowhere")


# How each kind of aligned word is shown in the text formats (HTML and Word style them instead).
REFLECTION_MARKS = {"kept": "**", "changed": "*", "dropped": "~~", "added": "", "framing": ""}
REFLECTION_KEY = ("**bold**: taken over unchanged; *italic*: changed; ~~struck~~: not taken over; plain (in the "
                  "report's words): added")


def reference(r: dict) -> str:
    """How a requirement is cited in text: 'council-res-1390.txt, 5 a)' (the line when it has no label)."""
    src = r["source"]
    return f"{document_name(src['document'])}, {src.get('label') or src['locator']}"


# How ITU documents abbreviate the instrument when they cite one of its clauses ("Res. 1390, resolves 2").
INSTRUMENT_ABBREVIATIONS = ((r"^Resolution\s+(\S+).*$", r"Res. \1"), (r"^Decision\s+(\S+).*$", r"Dec. \1"),
                            (r"^Recommendation\s+(\S+).*$", r"Rec. \1"))


def instrument_short(title: str) -> str:
    """'Resolution 1390 (Mod. 2026)' -> 'Res. 1390'; other titles pass unchanged."""
    for pattern, short in INSTRUMENT_ABBREVIATIONS:
        if re.match(pattern, title):
            return re.sub(pattern, short, title)
    return title


def clause_reference(r: dict) -> str:
    """How a reader cites a requirement: 'Res. 1390, instructs the Secretary-General, 5 a)', 'CWG-WSIS&SDG-44/12,
    Proposals, 2.1'; the document's file name only when the requirement has no clause path."""
    src = r["source"]
    path = [str(p) for p in src.get("clause_path") or [] if p]
    if not path:
        return reference(r)
    root = path[0]
    parts = [p for p in path[1:] if p != root]
    label = src.get("label")
    if label and (not parts or parts[-1] != label):
        parts.append(label)
    return ", ".join([instrument_short(root), *parts])


def evidence_reference(e: dict) -> str:
    """Where a reader finds a passage in the report: its section, then its page (PDF) or paragraph (Word). A text
    file's line number is left out: the reader of the report has pages, not the text file."""
    trail = [str(h) for h in e.get("heading_trail") or [] if h]
    section = f"section {shorten(trail[-1], 60)}" if trail else ""
    locator = str(e.get("locator") or "")
    place = ", ".join(part for part in locator.split(", ") if part and not part.startswith("line "))
    return ", ".join(x for x in (section, place) if x) or "the report"


def sha_short(sha: str) -> str:
    """The first 12 hex digits of a hash: enough to tell versions apart, short enough to read aloud."""
    return sha[:12]


# Markdown -----------------------------------------------------------------------------------------------

def parse_warnings(record: dict, *, with_report: bool = True) -> list[str]:
    """Every warning of the audit and of each document's parsing and extraction, each naming its document."""
    out = [str(w) for w in record.get("warnings") or []]
    if with_report:
        name = document_name(record["report"]["path"])
        out += [f"{name}: {w}" for w in record["report"].get("warnings") or []]
    for m in record.get("mandates") or []:
        out += [f"{document_name(m['path'])}: {w}" for w in m.get("warnings") or []]
    return out


# Raw HTML in a document's text would be live markup in a rendered report.md (a <script>, an <img onerror>); an
# image or link in Markdown syntax would fetch or point elsewhere. Both are shown as the text they are.
_ENTITY_RE = re.compile(r"&(?=#?[0-9A-Za-z]+;)")


def _neutral(text: str) -> str:
    """Document text that renders as itself in Markdown: no HTML tags, entities, images or links."""
    text = _ENTITY_RE.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
    return text.replace("[", "\\[").replace("]", "\\]")


def escape_cell(value: object) -> str:
    """Text safe inside a Markdown table cell: pipes escaped, line breaks as <br>, no live HTML or links."""
    text = "" if value is None else str(value)
    text = _neutral(text.replace("\\", "\\\\")).replace("|", "\\|")
    return "<br>".join(line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _inline(value: object) -> str:
    """Text safe on one Markdown line outside a table: no live HTML or links."""
    return _neutral(" ".join(("" if value is None else str(value)).replace("\\", "\\\\").split()))


def _row(cells: list[object]) -> str:
    return "| " + " | ".join(escape_cell(c) for c in cells) + " |"


def _marked(words: list[dict]) -> str:
    """Aligned words as Markdown: each run wrapped in its mark, the spaces around it left outside."""
    out = []
    for w in words:
        raw = w["text"]
        core = re.sub(r"([*_~`])", r"\\\1", _inline(raw))
        if not core:
            out.append(" ")
            continue
        mark = REFLECTION_MARKS.get(w["op"], "")
        lead, tail = " " * (raw[:1].isspace()), " " * (raw[-1:].isspace())
        out.append(f"{lead}{mark}{core}{mark}{tail}")
    return re.sub(" +", " ", "".join(out)).strip()


def reflection_lines(reqs: list[dict]) -> list[str]:
    """The 'Wording taken over' section: each measured requirement's words beside the report spans that carry
    them."""
    measured = [r for r in reqs if r.get("reflection")]
    if not measured:
        return []
    lines = ["## Wording taken over", "", f"How much of each proposal's wording the report carries over ({REFLECTION_KEY}). "
             "This is not the status: a proposal can be addressed in other words, or copied without substance.", ""]
    for r in measured:
        rf = r["reflection"]
        lines.append(f"- **{_inline(reference(r))}**: {_inline(reflection_text(r))}")
        lines.append(f"  - {r['kind'].capitalize()}: {_marked(rf['words'])}")
        for span in rf["spans"]:
            lines.append(f"  - Report, {_inline(span['locator'])}: {_marked(span['words'])}")
    return [*lines, ""]


def render_markdown(record: dict) -> str:
    """The coverage record as Markdown: summary counts, a table per source document, then the gaps."""
    groups = source_groups(record)
    lines = _head_lines(record) + _summary_lines(record, groups)
    for doc, reqs in groups:
        lines += _source_table(doc, reqs)
    lines += reflection_lines([r for _, reqs in groups for r in reqs])
    lines += _gap_lines(groups)
    return "\n".join(lines).rstrip("\n") + "\n"


def _head_lines(record: dict) -> list[str]:
    """The title, the report and the mandate documents with their hashes, and what could not be read or audited."""
    rep = record["report"]
    lines = [f"# Coverage of mandates in {document_name(rep['path'])}", ""]
    lines.append(f"Report: `{document_name(rep['path'])}` (sha256 `{sha_short(rep['sha256'])}`), "
                 f"{rep.get('passages', 0)} passages read.")
    lines.append("")
    if record.get("mandates"):
        lines.append("Mandate documents:")
        lines.append("")
        for m in record["mandates"]:
            lines.append(f"- `{document_name(m['path'])}` (sha256 `{sha_short(m['sha256'])}`), "
                         f"{m.get('requirements', 0)} requirements")
        lines.append("")
    if rep.get("incomplete"):
        detail = "; ".join(rep.get("warnings") or []) or "see the parser warnings"
        lines += [f"> **Warning:** part of the report could not be read ({_inline(detail)}). Requirements it "
                  "addresses there may show as not addressed.", ""]
    for f in record.get("failures") or []:
        lines += [f"> **Not audited:** {_inline(f.get('location'))}: {_inline(f.get('message'))}", ""]
    for w in parse_warnings(record, with_report=not rep.get("incomplete")):
        lines += [f"> **Warning:** {_inline(w)}", ""]
    return lines


def _summary_lines(record: dict, groups) -> list[str]:
    """The count of each status, and per source document when there are several."""
    lines = ["## Summary", "", _row(["Status", "Count"]), "|---|---:|"]
    total = status_counts(record["requirements"])
    lines += [_row([status_label(s), total[s]]) for s in STATUSES]
    lines += [_row(["**Total**", f"**{len(record['requirements'])}**"]), ""]
    if len(groups) > 1:
        lines += [_row(["Source document", *[status_label(s) for s in STATUSES], "Total"]),
                  "|---|" + "---:|" * (len(STATUSES) + 1)]
        for doc, reqs in groups:
            c = status_counts(reqs)
            lines.append(_row([document_name(doc), *[c[s] for s in STATUSES], len(reqs)]))
        lines.append("")
    return lines


def _source_table(doc: str, reqs: list[dict]) -> list[str]:
    """One source document's requirements: label, actor, status, confidence, evidence (and wording taken over)."""
    reflected = any(r.get("reflection") for r in reqs)  # the column only where a reflection was measured
    lines = [f"## {_inline(document_title(doc, reqs))}", "",
             _row(["Label", "Actor", "Status", "Confidence", "Evidence", *(["Wording taken over"] * reflected)]),
             "|---|---|---|---:|---|" + "---:|" * reflected]
    for r in reqs:
        label = r["source"].get("label") or f"({r['source']['locator']})"
        label += f" ({quoted_text(r)})" if r.get("quoted_from") else ""
        lines.append(_row([label, actor_text(r), status_label(r["status"]), f"{r['confidence']:.2f}",
                           "; ".join(locators(all_evidence(r))) or "—",
                           *([reflection_share(r) or "—"] * reflected)]))
    lines.append("")
    return lines


def _gap_lines(groups) -> list[str]:
    """The requirements not addressed, then those addressed only in part, with why and what is missing."""
    lines = ["## Gaps", ""]
    for status, title in (("not_addressed", "Not addressed"), ("partial", "Addressed only in part")):
        gaps = [r for _, reqs in groups for r in reqs if r["status"] == status]
        lines += [f"### {title} ({len(gaps)})", ""]
        if not gaps:
            lines += ["None.", ""]
            continue
        for r in gaps:
            why = f" — _{_inline(r['rationale'])}_" if r.get("rationale") else ""
            missing = [f["label"] for f in r.get("facets", []) if f["status"] != "addressed"]
            lacks = f" Missing: {_inline(', '.join(missing))}." if status == "partial" and missing else ""
            quoted = f", {quoted_text(r)}" if r.get("quoted_from") else ""
            lines.append(f"- **{_inline(reference(r))}** ({_inline(actor_text(r) + quoted)}): {_inline(r['statement'])}"
                         f"{why}{lacks}")
        lines.append("")
    return lines


def write_markdown(record: dict, out_dir: Path) -> Path:
    """Write OUT/report.md atomically; returns its path."""
    from ._io import write_atomic

    return write_atomic(Path(out_dir) / "report.md", render_markdown(record))  # never half a file


# Diff -----------------------------------------------------------------------------------------------------



def render_diff_markdown(diff: dict) -> str:
    """Markdown for a comparison of two audits: a summary line, then a table per kind of change."""
    old, new = diff["old"], diff["new"]
    lines = [f"# Coverage changes: {document_name(old['path'])} → {document_name(new['path'])}", "",
             f"Old: `{document_name(old['path'])}` (sha256 `{sha_short(old['sha256'])}`); "
             f"new: `{document_name(new['path'])}` (sha256 `{sha_short(new['sha256'])}`).", ""]
    summary = diff.get("summary", {})
    known = {**CHANGE_KINDS, "unchanged": "Unchanged"}
    parts = [f"{summary[k]} {known.get(k, k).lower()}" for k in [*known, *sorted(set(summary) - set(known))]
             if k in summary]
    lines += ["Summary: " + (", ".join(parts) or "no requirements") + ".", ""]

    by_kind: dict[str, list[dict]] = {}
    for c in diff.get("changes", []):
        by_kind.setdefault(c["change"], []).append(c)
    order = [k for k in CHANGE_KINDS if k in by_kind] + sorted(set(by_kind) - set(known))
    if not order:
        lines += ["No changes.", ""]
    for kind in order:
        rows = by_kind[kind]
        lines += [f"## {known.get(kind, kind)} ({len(rows)})", "",
                  _row(["Source", "Label", "Actor", "Requirement", "Old status", "New status",
                        "Old evidence", "New evidence"]),
                  "|---|---|---|---|---|---|---|---|"]
        for c in rows:
            lines.append(_row([document_name(c.get("source_document") or ""), c.get("label") or "",
                               c.get("actor") or "", shorten(c.get("text") or "", 160),
                               status_label(c["old_status"]) if c.get("old_status") else "—",
                               status_label(c["new_status"]) if c.get("new_status") else "—",
                               "; ".join(c.get("old_evidence") or []) or "—",
                               "; ".join(c.get("new_evidence") or []) or "—"]))
        lines.append("")
    lines += _reflection_diff_lines(diff.get("reflections") or [])
    return "\n".join(lines).rstrip("\n") + "\n"


REFLECTION_TREND_WORDS = {"grew": "more taken over", "shrank": "less taken over", "same": "unchanged",
                          "new": "new requirement", "dropped": "dropped requirement"}


def _reflection_diff_lines(rows: list[dict]) -> list[str]:
    """The diff's 'Wording taken over' table: each measured proposal's share in both drafts."""
    if not rows:
        return []

    def share(v):
        return "—" if v is None else f"{v:.0%}"

    lines = ["## Wording taken over", "", _row(["Source", "Label", "Requirement", "Old", "New", "Change"]),
             "|---|---|---|---:|---:|---|"]
    for c in rows:
        lines.append(_row([document_name(c.get("source_document") or ""), c.get("label") or "",
                           shorten(c.get("text") or "", 160), share(c.get("old_reflection")),
                           share(c.get("new_reflection")), REFLECTION_TREND_WORDS.get(c["trend"], c["trend"])]))
    return [*lines, ""]
