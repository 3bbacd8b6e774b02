"""report.html: the coverage record as one self-contained page, gaps first and evidence for the rest.

The page has no external resource (inline CSS and JS, system fonts, hand-written SVG), so it opens
offline from file:// and can be mailed as one file. Output is deterministic: the same record gives
the same bytes, so two pages can be compared with diff. Every string from the record is escaped.
"""

from __future__ import annotations

import re
from collections import Counter
from html import escape
from pathlib import Path

HTML_REPORT_VERSION = "html/1"

STATUSES = ("addressed", "partial", "not_addressed", "manual_check")
GAP_STATUSES = ("not_addressed", "partial")
STATUS_WORDS = {"addressed": "Addressed", "partial": "Partial", "not_addressed": "Not addressed",
                "manual_check": "Manual check"}
# A symbol beside each word so the badges still differ when printed in black and white.
STATUS_SYMBOLS = {"addressed": "\u2713", "partial": "\u25d0", "not_addressed": "\u2717", "manual_check": "?"}
# Bar colours of the SVG chart; the same hues as the badges (CSS below).
STATUS_COLOURS = {"addressed": "#1a7f37", "partial": "#bf8700", "not_addressed": "#cf222e", "manual_check": "#0969da"}
# "Gaps first" order: what a reader must act on comes before what needs a look and what is done.
GAP_RANK = {"not_addressed": 0, "partial": 1, "manual_check": 2, "addressed": 3}
KINDS = ("instruction", "decision", "proposal", "expectation", "invitation", "target")

CHANGE_KINDS = ("regressed", "dropped", "changed_status", "evidence_changed", "newly_addressed", "new")
CHANGE_WORDS = {"newly_addressed": "Newly addressed", "regressed": "Regressed", "changed_status": "Changed status",
                "evidence_changed": "Evidence changed", "new": "New requirement", "dropped": "Dropped requirement"}

SHA_SHORT = 12  # enough to tell files apart by eye; the full hash is in the tooltip


def render_html(record: dict, *, title: str | None = None) -> str:
    """One self-contained HTML page showing every requirement of a coverage record, filterable."""
    report = record.get("report", {})
    reqs = list(record.get("requirements", []))
    title = title or f"Mandate coverage of {_file_name(report.get('path', 'report'))}"
    body = "\n".join([
        _page_header(record, title),
        _summary_section(reqs),
        _requirements_section(reqs),
        _run_footer(record),
    ])
    return _page(title, body, PAGE_JS)


def write_html(record: dict, out_dir: Path) -> Path:
    """Write out_dir/report.html atomically and return its path."""
    from ._io import write_atomic

    return write_atomic(Path(out_dir) / "report.html", render_html(record))  # never half a page


def render_diff_html(diff: dict) -> str:
    """A self-contained page comparing two drafts: summary counts and one row per changed requirement."""
    old, new = diff.get("old", {}), diff.get("new", {})
    title = f"Changes from {_file_name(old.get('path', 'old draft'))} to {_file_name(new.get('path', 'new draft'))}"
    summary = diff.get("summary", {})
    chips = "".join(
        f'<li class="chip change-{k}"><span class="chip-n">{int(summary.get(k, 0))}</span> '
        f"{escape(CHANGE_WORDS[k].lower())}</li>" for k in CHANGE_KINDS)
    chips += f'<li class="chip change-unchanged"><span class="chip-n">{int(summary.get("unchanged", 0))}</span> unchanged</li>'
    order = {k: i for i, k in enumerate(CHANGE_KINDS)}
    changes = sorted(diff.get("changes", []), key=lambda c: order.get(c.get("change"), len(order)))
    rows = "\n".join(_diff_row(c) for c in changes)
    if not rows:
        rows = '<tr><td colspan="6" class="empty">No requirement changed between the two drafts.</td></tr>'
    body = f"""<header class="page-header">
<h1>{escape(title)}</h1>
<dl class="facts">
<dt>Old draft</dt><dd>{_path_and_hash(old)}</dd>
<dt>New draft</dt><dd>{_path_and_hash(new)}</dd>
</dl>
</header>
<section aria-labelledby="diff-summary-h">
<h2 id="diff-summary-h">Summary</h2>
<ul class="chips">{chips}</ul>
</section>
<section aria-labelledby="diff-changes-h">
<h2 id="diff-changes-h">Changed requirements ({len(changes)})</h2>
<p class="note">Regressions and dropped requirements come first.</p>
<table class="changes">
<thead><tr><th scope="col">Change</th><th scope="col">Source</th><th scope="col">Actor</th>
<th scope="col" class="col-text">Requirement</th><th scope="col">Status</th><th scope="col">Evidence</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</section>"""
    return _page(title, body, "")


# ---------------------------------------------------------------- page frame


def _page(title: str, body: str, script: str) -> str:
    js = f"<script>\n{script}</script>\n" if script else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="wsis-audit {HTML_REPORT_VERSION}">
<title>{escape(title)}</title>
<script>document.documentElement.classList.add("js");</script>
<style>
{PAGE_CSS}</style>
</head>
<body>
<main>
{body}
</main>
{js}</body>
</html>
"""


# ---------------------------------------------------------------- header


def _page_header(record: dict, title: str) -> str:
    report = record.get("report", {})
    parts = [f'<header class="page-header">\n<h1>{escape(title)}</h1>']
    fmt = report.get("format")
    parts.append('<dl class="facts">')
    parts.append(f"<dt>Report</dt><dd>{_path_and_hash(report)}"
                 + (f' <span class="tag">{escape(str(fmt).upper())}</span>' if fmt else "")
                 + f' <span class="muted">{int(report.get("passages", 0))} passages</span></dd>')
    parts.append("<dt>Mandate documents</dt><dd>" + _mandate_list(record) + "</dd>")
    parts.append("</dl>")
    if report.get("incomplete"):
        warnings = "".join(f"<li>{escape(str(w))}</li>" for w in report.get("warnings", []))
        parts.append('<div class="banner banner-warn" role="alert" id="incomplete-banner">'
                     "<strong>Incomplete report:</strong> part of the report could not be read, so some "
                     "requirements may be marked as gaps only because their text was not seen."
                     + (f"<ul>{warnings}</ul>" if warnings else "") + "</div>")
    failures = record.get("failures") or []
    if failures:
        items = "".join(
            f"<li><code>{escape(str(f.get('location') or ''))}</code>: {escape(str(f.get('message', '')))}"
            + (f' <span class="muted">({escape(str(f["hint"]))})</span>' if f.get("hint") else "")
            + f' <span class="muted">[code {escape(str(f.get("code", "")))}]</span></li>' for f in failures)
        parts.append('<div class="banner banner-error" role="alert" id="failures">'
                     f"<strong>{len(failures)} document{'s' if len(failures) != 1 else ''} could not be read</strong>"
                     " and {} not audited:".format("was" if len(failures) == 1 else "were")
                     + f"<ul>{items}</ul></div>")
    notes = [str(w) for w in record.get("warnings") or []]
    if not report.get("incomplete"):  # else they are in the banner above
        notes += [f"{_file_name(str(report.get('path', '')))}: {w}" for w in report.get("warnings") or []]
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        parts.append(f'<div class="banner banner-warn" role="note" id="warnings"><strong>Warnings</strong>'
                     f"<ul>{items}</ul></div>")
    parts.append("</header>")
    return "\n".join(parts)


def _mandate_list(record: dict) -> str:
    titles: dict[str, str] = {}
    for r in record.get("requirements", []):
        src = r.get("source", {})
        if src.get("clause_path"):
            titles.setdefault(src.get("document", ""), src["clause_path"][0])
    items = []
    for m in record.get("mandates", []):
        path = m.get("path", "")
        name = titles.get(path)
        n = int(m.get("requirements", 0))
        warn = "".join(f'<li class="muted">{escape(str(w))}</li>' for w in m.get("warnings", []))
        items.append(
            "<li>" + (f"<strong>{escape(name)}</strong> " if name else "")
            + f'{_path_and_hash(m)} <span class="count">{n} requirement{"s" if n != 1 else ""}</span>'
            + (f'<ul class="sub">{warn}</ul>' if warn else "") + "</li>")
    return f'<ul class="mandates">{"".join(items)}</ul>' if items else '<span class="muted">none</span>'


def _path_and_hash(doc: dict) -> str:
    path = str(doc.get("path", ""))
    sha = str(doc.get("sha256", ""))
    return (f'<code class="path" title="{escape(path)}">{escape(_file_name(path))}</code>'
            + (f' <span class="sha" title="sha256 {escape(sha)}">sha256 {escape(sha[:SHA_SHORT])}</span>' if sha else ""))


# ---------------------------------------------------------------- summary


def _summary_section(reqs: list[dict]) -> str:
    counts = Counter(r.get("status") for r in reqs)
    total = len(reqs)
    gaps = sum(counts.get(s, 0) for s in GAP_STATUSES)
    cards = "".join(
        f'<li class="stat st-{s}"><span class="stat-n">{counts.get(s, 0)}</span>'
        f'<span class="stat-w">{_status_symbol_word(s)}</span></li>' for s in STATUSES)
    lead = (f"<p class=\"lead\"><strong>{gaps} of {total}</strong> requirement{'s' if total != 1 else ''} "
            f"{'are gaps' if gaps != 1 else 'is a gap'} (not addressed or partial); "
            f"{counts.get('manual_check', 0)} need{'s' if counts.get('manual_check', 0) == 1 else ''} a manual check.</p>")
    by_source = _breakdown_table("Requirements by source document", "source", reqs, _source_name)
    by_actor = _breakdown_table("Requirements by actor", "actor", reqs, lambda r: r.get("actor", ""), sort=True)
    return f"""<section aria-labelledby="summary-h" class="summary">
<h2 id="summary-h">Summary</h2>
{lead}
<div class="summary-top">
<ul class="stats">{cards}</ul>
{_status_chart(counts, total)}
</div>
<div class="breakdowns">
{by_source}
{by_actor}
</div>
</section>"""


def _status_chart(counts: Counter, total: int) -> str:
    """Horizontal bars, one per status, drawn by hand so the page needs no chart library."""
    row_h, label_w, bar_w, value_w = 30, 120, 300, 90
    width, height = label_w + bar_w + value_w, row_h * len(STATUSES) + 6
    top = max([counts.get(s, 0) for s in STATUSES] + [1])
    desc = ", ".join(f"{STATUS_WORDS[s].lower()} {counts.get(s, 0)}" for s in STATUSES)
    out = [f'<svg class="chart" role="img" aria-labelledby="chart-t" viewBox="0 0 {width} {height}" '
           f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="chart-t">Requirements by status: {escape(desc)}</title>']
    for i, s in enumerate(STATUSES):
        n = counts.get(s, 0)
        y = 3 + i * row_h
        w = round(bar_w * n / top, 1)
        pct = f"{100 * n / total:.0f}%" if total else "0%"
        out.append(f'<text x="{label_w - 8}" y="{y + 19}" text-anchor="end" class="chart-label">'
                   f"{escape(STATUS_WORDS[s])}</text>")
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{bar_w}" height="{row_h - 10}" class="chart-track"/>')
        out.append(f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 10}" fill="{STATUS_COLOURS[s]}" '
                   f'class="chart-bar bar-{s}"/>')
        out.append(f'<text x="{label_w + bar_w + 8}" y="{y + 19}" class="chart-value">{n} ({pct})</text>')
    out.append("</svg>")
    return "\n".join(out)


def _breakdown_table(caption: str, field: str, reqs: list[dict], key, *, sort: bool = False) -> str:
    groups: dict[str, Counter] = {}
    for r in reqs:
        groups.setdefault(key(r), Counter())[r.get("status")] += 1
    names = sorted(groups, key=str.casefold) if sort else list(groups)
    head = "".join(f'<th scope="col" class="num">{escape(STATUS_WORDS[s])}</th>' for s in STATUSES)
    rows = []
    for name in names:
        c = groups[name]
        cells = "".join(f'<td class="num">{_count_button(c.get(s, 0), field, name, s)}</td>' for s in STATUSES)
        rows.append(f'<tr><th scope="row">{_count_button(sum(c.values()), field, name, "", label=name)}</th>'
                    f'{cells}<td class="num">{sum(c.values())}</td></tr>')
    return (f'<table class="breakdown"><caption>{escape(caption)}</caption>'
            f'<thead><tr><th scope="col">{escape(field.capitalize())}</th>{head}<th scope="col" class="num">Total</th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>')


def _count_button(n: int, field: str, value: str, status: str, *, label: str | None = None) -> str:
    """A count that, when clicked, filters the requirements table to what it counts."""
    text = escape(label if label is not None else str(n))
    if not n:
        return f'<span class="zero">{text}</span>'
    what = f"{STATUS_WORDS[status].lower()} requirements" if status else "requirements"
    return (f'<button type="button" class="set-filter" data-set-{field}="{escape(value)}" data-set-status="{status}" '
            f'title="Show the {what} of {escape(value)}">{text}</button>')


# ---------------------------------------------------------------- requirements table


def _requirements_section(reqs: list[dict]) -> str:
    rows = "\n".join(_requirement_rows(i, r) for i, r in enumerate(reqs))
    total = len(reqs)
    return f"""<section aria-labelledby="reqs-h">
<h2 id="reqs-h">Requirements</h2>
<p class="note">Every requirement found in the mandate documents has a row, gaps included. Open a row to see the
full statement, the rationale of the assessment and the passages of the report found as evidence.</p>
{_filters(reqs)}
<p class="print-only" id="print-scope">{total} of {total} requirements shown.</p>
<table class="reqs" id="requirements">
<thead><tr>
<th scope="col" class="col-toggle"><span class="visually-hidden">Details</span></th>
<th scope="col" class="col-source">Source</th><th scope="col" class="col-label">Label</th><th scope="col" class="col-actor">Actor</th><th scope="col" class="col-kind">Kind</th>
<th scope="col" class="col-text">Requirement</th><th scope="col" class="col-status">Status</th><th scope="col" class="num col-conf">Confidence</th>
</tr></thead>
{rows}
</table>
<p id="no-rows" class="empty" hidden>No requirement matches these filters.</p>
</section>"""


def _filters(reqs: list[dict]) -> str:
    total = len(reqs)
    sources = list(dict.fromkeys(_source_name(r) for r in reqs))
    actors = sorted({r.get("actor", "") for r in reqs}, key=str.casefold)
    kinds = [k for k in KINDS if any(r.get("kind") == k for r in reqs)]
    kinds += sorted({r.get("kind", "") for r in reqs} - set(kinds))

    def select(name: str, label: str, values, words=None) -> str:
        opts = "".join(f'<option value="{escape(v)}">{escape((words or {}).get(v, v))}</option>' for v in values)
        return (f'<div class="field"><label for="f-{name}">{label}</label>'
                f'<select id="f-{name}" data-filter="{name}"><option value="">All</option>{opts}</select></div>')

    return f"""<form class="filters" id="filters" role="search" aria-label="Filter requirements" onsubmit="return false">
{select("status", "Status", STATUSES, STATUS_WORDS)}
{select("source", "Source", sources)}
{select("actor", "Actor", actors)}
{select("kind", "Kind", kinds)}
<div class="field field-search"><label for="f-text">Text contains</label>
<input type="search" id="f-text" placeholder="word or phrase" autocomplete="off"></div>
<div class="field field-check"><input type="checkbox" id="only-gaps"><label for="only-gaps">Show only gaps</label></div>
<div class="field"><label for="f-order">Order</label>
<select id="f-order"><option value="doc">Document order</option><option value="gaps">Gaps first</option>
<option value="conf">Least confident first</option></select></div>
<div class="field field-buttons"><button type="button" id="expand-all">Open all</button>
<button type="button" id="collapse-all">Close all</button>
<button type="button" id="reset-filters">Reset</button></div>
<p id="shown-count" class="counter" aria-live="polite">{total} of {total} requirements shown</p>
</form>"""


def _requirement_rows(index: int, r: dict) -> str:
    rid = str(r.get("id", f"requirement-{index}"))
    status = str(r.get("status", ""))
    src = r.get("source", {})
    source = _source_name(r)
    review = r.get("review") or None
    review_state = "none" if not review else ("stale" if review.get("stale") else "reviewed")
    text = str(r.get("text", ""))
    search = " ".join([rid, str(src.get("label") or ""), text, str(r.get("statement", ""))]).casefold()
    detail_id = f"{rid}-detail"
    conf = _num(r.get("confidence"))
    return f"""<tbody class="req" id="{escape(rid)}" data-index="{index}" data-status="{escape(status)}" data-source="{escape(source)}" data-actor="{escape(str(r.get('actor', '')))}" data-kind="{escape(str(r.get('kind', '')))}" data-review="{review_state}" data-rank="{GAP_RANK.get(status, 9)}" data-confidence="{conf:.4f}" data-search="{escape(search)}">
<tr class="req-row st-{escape(status)}">
<td class="col-toggle"><button type="button" class="toggle" aria-expanded="false" aria-controls="{escape(detail_id)}" title="Show details"><span aria-hidden="true">&#9656;</span><span class="visually-hidden">Details of {escape(rid)}</span></button></td>
<td class="col-source" title="{escape(str(src.get('document', '')))}">{escape(source)}</td>
<td class="col-label">{escape(str(src.get('label') or ''))}</td>
<td class="col-actor">{escape(str(r.get('actor', '')))}</td>
<td class="col-kind">{escape(str(r.get('kind', '')))}</td>
<td class="col-text">{escape(text)}</td>
<td class="col-status">{_badge(status)}{_review_tags(review)}</td>
<td class="num col-conf">{conf:.2f}</td>
</tr>
<tr class="detail-row" id="{escape(detail_id)}"><td colspan="8">{_detail(r, review)}</td></tr>
</tbody>"""


def _detail(r: dict, review: dict | None) -> str:
    src = r.get("source", {})
    facts = [("Requirement id", f"<code>{escape(str(r.get('id', '')))}</code>")]
    where = " \u203a ".join(escape(str(p)) for p in src.get("clause_path") or [])
    facts.append(("Where", (where + " \u2014 " if where else "")
                  + f'<code title="{escape(str(src.get("document", "")))}">{escape(_file_name(str(src.get("document", ""))))}</code>'
                  + (f", {escape(str(src.get('locator')))}" if src.get("locator") else "")))
    facts.append(("Checkability", escape(str(r.get("checkability", "")))
                  + (' <span class="muted">(a procedural step: the report may not say whether it happened)</span>'
                     if r.get("checkability") == "procedural" else "")))
    if r.get("frequency"):
        facts.append(("Frequency", escape(str(r["frequency"]))))
    if r.get("deadline"):
        facts.append(("Deadline", escape(str(r["deadline"]))))
    if r.get("references"):
        facts.append(("References", ", ".join(escape(str(x)) for x in r["references"])))
    if r.get("rationale"):
        facts.append(("Rationale", escape(str(r["rationale"]))))
    if "evidence_profile" in r:
        if not r["evidence_profile"]:
            judged = "no annotated example of this requirement (fallback judge)"
        elif "evidence_profile_of" in r:
            judged = ("what annotated reports taught about a requirement worded almost like this one (similarity "
                      f"{_num(r.get('evidence_profile_similarity')):.0f} of 100): "
                      f"\u201c{escape(str(r['evidence_profile_of']))}\u201d")
        else:
            judged = "what annotated reports taught about this requirement"
        facts.append(("Judged with", judged))
    probs = r.get("probabilities") or {}
    if probs:
        facts.append(("Judge probabilities", " \u00b7 ".join(
            f"{escape(STATUS_WORDS.get(k, k).lower())} {_num(v):.2f}" for k, v in probs.items())))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    parts = [f'<div class="detail">{_review_block(r, review)}'
             f'<blockquote class="statement">{escape(str(r.get("statement", "")))}</blockquote>'
             f'<dl class="facts detail-facts">{dl}</dl>']
    parts.append("<h3>Evidence in the report</h3>" + _evidence_list(r.get("evidence") or []))
    facets = r.get("facets") or []
    if facets:
        items = []
        for f in facets:
            items.append(f'<li class="facet"><div class="facet-head"><span class="facet-label">{escape(str(f.get("label", "")))}</span> '
                         f'{_badge(str(f.get("status", "")))} <span class="muted">confidence {_num(f.get("confidence")):.2f}</span></div>'
                         f"{_evidence_list(f.get('evidence') or [])}</li>")
        parts.append(f'<h3>Facets ({len(facets)})</h3><ul class="facets">{"".join(items)}</ul>')
    parts.append("</div>")
    return "".join(parts)


def _evidence_list(evidence: list[dict]) -> str:
    if not evidence:
        return '<p class="no-evidence">No passage of the report was found for this.</p>'
    items = []
    for e in evidence:
        terms = [str(t) for t in e.get("matched_terms") or []]
        # Terms often match the passage's heading ("Action Line C2: ..."), so the heading is marked too.
        trail = " \u203a ".join(highlight(str(h), terms) for h in e.get("heading_trail") or [])
        items.append(
            '<li class="evidence">'
            f'<div class="ev-head"><span class="locator">{escape(str(e.get("locator", "")))}</span>'
            + (f' <span class="muted">under {trail}</span>' if trail else "")
            + f' <span class="score" title="retrieval score">score {_num(e.get("score")):.2f}</span></div>'
            f'<p class="passage">{highlight(str(e.get("text", "")), terms)}</p>'
            + (f'<p class="terms">matched: {", ".join(escape(t) for t in terms)}</p>' if terms else "")
            + "</li>")
    return f'<ul class="evidence-list">{"".join(items)}</ul>'


def highlight(text: str, terms: list[str]) -> str:
    """Escape text and wrap whole-word, case-insensitive occurrences of the terms in <mark>.

    Matched terms are lemmas ("achievement", "entry"), so regular English endings are accepted too
    ("achievements", "entries"); irregular forms ("held" for "hold") stay unmarked.
    """
    alts = sorted({t for t in terms if t.strip()}, key=lambda t: (-len(t), t.casefold()))
    if not alts:
        return escape(text)
    forms = []
    for t in alts:
        e = re.escape(t)
        forms.append(f"{e}(?:s|es|ed|d|ing)?")
        if len(t) > 2 and t[-1] in "yY":
            forms.append(f"{re.escape(t[:-1])}(?:ies|ied)")
        if len(t) > 2 and t[-1] in "eE":
            forms.append(f"{re.escape(t[:-1])}ing")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)", re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos:m.start()]))
        out.append(f"<mark>{escape(m.group(0))}</mark>")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def _review_tags(review: dict | None) -> str:
    if not review:
        return ""
    if review.get("stale"):
        return ' <span class="tag tag-stale" title="the reviewed text has changed since the review">stale review</span>'
    return f' <span class="tag tag-reviewed" title="{escape(str(review.get("reason") or ""))}">reviewed</span>'


def _review_block(r: dict, review: dict | None) -> str:
    if not review:
        return ""
    decision = str(review.get("decision") or r.get("status", ""))
    machine = r.get("machine_status")
    cls = "review review-stale" if review.get("stale") else "review"
    head = "Stale review" if review.get("stale") else "Reviewed"
    out = [f'<div class="{cls}"><strong>{head}:</strong> decided {_badge(decision)}']
    if review.get("reason"):
        out.append(f" \u2014 {escape(str(review['reason']))}")
    if machine:
        out.append(f' <span class="muted">(the audit said {escape(STATUS_WORDS.get(str(machine), str(machine)).lower())})</span>')
    if review.get("stale"):
        why = review.get("stale_reason") or "the requirement or its evidence changed after the review"
        out.append(f'<p class="stale-reason">This review may no longer hold: {escape(str(why))}. Check it again.</p>')
    out.append("</div>")
    return "".join(out)


# ---------------------------------------------------------------- diff rows and footer


def _diff_row(c: dict) -> str:
    kind = str(c.get("change", ""))
    old_s, new_s = c.get("old_status"), c.get("new_status")
    if old_s and new_s and old_s != new_s:
        status = f'{_badge(old_s)} <span aria-label="became">\u2192</span> {_badge(new_s)}'
    elif old_s and new_s:
        status = _badge(new_s)
    elif new_s:
        status = f'<span class="muted">new:</span> {_badge(new_s)}'
    else:
        status = f'{_badge(str(old_s or ""))} <span class="muted">\u2192 dropped</span>'
    old_ev = [escape(str(x)) for x in c.get("old_evidence") or []]
    new_ev = [escape(str(x)) for x in c.get("new_evidence") or []]
    lines = []
    if old_s:  # a new requirement has no old evidence to speak of, a dropped one no new evidence
        lines.append(f'<span class="muted">was</span> {", ".join(old_ev) or "none"}')
    if new_s:
        lines.append(f'<span class="muted">now</span> {", ".join(new_ev) or "none"}')
    ev = "<br>".join(lines)
    doc = str(c.get("source_document", ""))
    label = f' <span class="muted">{escape(str(c["label"]))}</span>' if c.get("label") else ""
    return (f'<tr class="change change-{escape(kind)}" id="{escape(str(c.get("id", "")))}" data-change="{escape(kind)}">'
            f'<td><span class="change-tag">{escape(CHANGE_WORDS.get(kind, kind))}</span></td>'
            f'<td title="{escape(doc)}">{escape(_file_name(doc))}{label}</td>'
            f'<td>{escape(str(c.get("actor", "")))}</td>'
            f'<td class="col-text">{escape(str(c.get("text", "")))}<div class="muted small"><code>{escape(str(c.get("id", "")))}</code></div></td>'
            f"<td>{status}</td><td class=\"small\">{ev}</td></tr>")


def _run_footer(record: dict) -> str:
    run = record.get("run") or {}
    versions = run.get("versions") or {}
    flat = []
    for k, v in versions.items():
        if isinstance(v, dict):
            v = ", ".join(f"{a} {b}" for a, b in v.items())
        flat.append(f"<dt>{escape(str(k).replace('_', ' '))}</dt><dd>{escape(str(v))}</dd>")
    cfg = run.get("config") or {}
    cfg_text = ", ".join(f"{escape(str(k))}={escape(str(v))}" for k, v in cfg.items())
    return (f'<footer class="run"><p>Produced by wsis-audit ({HTML_REPORT_VERSION}), schema version '
            f'{escape(str(record.get("schema_version", "")))}. Statuses come from an automatic judge: '
            "check the evidence before relying on them.</p>"
            + (f'<dl class="facts small">{"".join(flat)}' + (f"<dt>config</dt><dd>{cfg_text}</dd>" if cfg_text else "")
               + "</dl>" if flat or cfg_text else "")
            + "</footer>")


# ---------------------------------------------------------------- small helpers


def _badge(status: str) -> str:
    word = STATUS_WORDS.get(status, status or "unknown")
    return f'<span class="badge st-{escape(status)}">{_status_symbol_word(status, word)}</span>'


def _status_symbol_word(status: str, word: str | None = None) -> str:
    sym = STATUS_SYMBOLS.get(status, "")
    word = word or STATUS_WORDS.get(status, status)
    return (f'<span class="sym" aria-hidden="true">{sym}</span> ' if sym else "") + escape(word)


def _source_name(r: dict) -> str:
    """The mandate a requirement comes from: its clause path's root, else the document's file name."""
    src = r.get("source", {})
    path = src.get("clause_path") or []
    return str(path[0]) if path else _file_name(str(src.get("document", "")))


def _file_name(path: str) -> str:
    return str(path).replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or str(path)


def _num(x) -> float:
    try:
        return float(x)
    except (TypeError, ValueError):
        return 0.0


PAGE_CSS = """:root {
  --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --soft: #f6f8fa; --accent: #0b4f8a;
  --ok: #1a7f37; --ok-bg: #dafbe1; --part: #7d4e00; --part-bg: #fff1c2; --part-line: #d4a72c;
  --gap: #b91c1c; --gap-bg: #ffebe9; --man: #0550ae; --man-bg: #ddf4ff;
}
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Liberation Sans", Arial, sans-serif; }
main { max-width: 1380px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 1.6rem; margin: 0 0 12px; font-weight: 650; letter-spacing: -0.01em; }
h2 { font-size: 1.2rem; margin: 32px 0 10px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 0.95rem; margin: 14px 0 6px; }
code, .sha { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.86em; }
.muted { color: var(--muted); }
.small { font-size: 0.86em; }
.note { color: var(--muted); margin: 4px 0 12px; max-width: 80ch; }
.page-header { border-bottom: 3px solid var(--accent); padding-bottom: 14px; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; }
.mandates, .sub { margin: 0; padding: 0; list-style: none; }
.mandates > li { margin-bottom: 2px; }
.sub { padding-left: 1.2em; font-size: 0.9em; }
.count { color: var(--muted); }
.count::before { content: "\\2014\\00a0"; }
.sha { color: var(--muted); }
.tag { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0 6px; border-radius: 4px;
  border: 1px solid var(--line); background: var(--soft); color: var(--muted); vertical-align: 1px; }
.tag-reviewed { border-color: #8c959f; color: var(--ink); }
.tag-stale { border-color: #d4a72c; background: #fff8c5; color: #6b4200; }
.banner { margin: 14px 0 0; padding: 10px 14px; border-radius: 6px; border: 1px solid; }
.banner ul { margin: 6px 0 0; padding-left: 1.3em; }
.banner-warn { background: #fff8c5; border-color: #d4a72c; color: #3b2300; }
.banner-error { background: var(--gap-bg); border-color: #ff8182; color: #5c0000; }
.lead { font-size: 1.05rem; margin: 6px 0 14px; }
.summary-top { display: flex; flex-wrap: wrap; gap: 24px; align-items: center; }
.stats { display: flex; gap: 10px; list-style: none; margin: 0; padding: 0; }
.stat { min-width: 118px; padding: 10px 14px; border-radius: 8px; border: 1px solid var(--line); border-left-width: 6px; }
.stat-n { display: block; font-size: 1.9rem; font-weight: 700; line-height: 1.1; }
.stat-w { font-size: 0.9rem; color: var(--muted); }
.stat.st-addressed { border-left-color: var(--ok); }
.stat.st-partial { border-left-color: var(--part-line); }
.stat.st-not_addressed { border-left-color: var(--gap); }
.stat.st-manual_check { border-left-color: var(--man); }
.chart { max-width: 100%; height: auto; }
.chart-label, .chart-value { font-size: 13px; fill: var(--ink); font-family: inherit; }
.chart-track { fill: var(--soft); }
.breakdowns { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 24px; margin-top: 18px; align-items: start; }
table { border-collapse: collapse; width: 100%; }
caption { text-align: left; font-weight: 600; padding: 0 0 6px; }
.breakdown th, .breakdown td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; font-size: 0.9rem; }
.breakdown thead th { font-size: 0.8rem; color: var(--muted); font-weight: 600; }
.breakdown tbody th { font-weight: 500; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; }
.zero { color: #b6bdc5; }
.set-filter { font: inherit; color: var(--accent); background: none; border: 0; padding: 0; cursor: pointer; text-align: inherit; }
.set-filter:hover, .set-filter:focus-visible { text-decoration: underline; }
.filters { position: sticky; top: 0; z-index: 2; display: flex; flex-wrap: wrap; gap: 10px 14px; align-items: flex-end;
  background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; margin: 0 0 10px; }
.field { display: flex; flex-direction: column; gap: 2px; font-size: 0.85rem; }
.field label { font-weight: 600; color: var(--muted); }
.field select, .field input[type=search] { font: inherit; font-size: 0.9rem; padding: 4px 6px; border: 1px solid #afb8c1;
  border-radius: 5px; background: #fff; width: 100%; height: 30px; }
.field select { max-width: 190px; }
.field-search input { width: 170px; }
.field-check { flex-direction: row; align-items: center; gap: 6px; padding-bottom: 5px; }
.field-check label { color: var(--ink); }
.field-check input { width: 16px; height: 16px; margin: 0; }
.field-buttons { flex-direction: row; gap: 6px; }
.field-buttons button { font: inherit; font-size: 0.85rem; padding: 4px 10px; border: 1px solid #afb8c1; border-radius: 5px;
  background: #fff; cursor: pointer; }
.counter { margin: 0 0 4px auto; font-weight: 600; font-size: 0.9rem; }
.reqs thead th { background: #fff; text-align: left; font-size: 0.8rem; color: var(--muted);
  font-weight: 600; padding: 6px 8px; border-bottom: 2px solid var(--line); }
.reqs td { padding: 7px 8px; vertical-align: top; font-size: 0.9rem; }
.req-row td { border-top: 1px solid var(--line); }
.req-row { cursor: pointer; }
.req-row:hover td { background: #f9fbfd; }
.req.open .req-row td { background: #f3f7fb; }
.req-row.st-not_addressed td:first-child { box-shadow: inset 4px 0 0 var(--gap); }
.req-row.st-partial td:first-child { box-shadow: inset 4px 0 0 var(--part-line); }
.req-row.st-addressed td:first-child { box-shadow: inset 4px 0 0 var(--ok); }
.req-row.st-manual_check td:first-child { box-shadow: inset 4px 0 0 var(--man); }
.col-toggle { width: 34px; }
.col-source { width: 15%; min-width: 150px; font-size: 0.85rem !important; }
.col-label { white-space: nowrap; }
.col-actor { width: 12%; min-width: 120px; }
.col-kind { color: var(--muted); }
.col-text { min-width: 340px; }
.reqs .col-text { width: 46%; }
.col-kind { width: 7%; }
.col-status { white-space: nowrap; }
.toggle { width: 24px; height: 24px; border: 1px solid var(--line); border-radius: 4px; background: #fff; cursor: pointer;
  color: var(--muted); padding: 0; line-height: 1; transition: transform .12s; }
.req.open .toggle { transform: rotate(90deg); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 0.8rem; font-weight: 600;
  border: 1px solid transparent; white-space: nowrap; }
.badge.st-addressed { color: var(--ok); background: var(--ok-bg); border-color: #aceebb; }
.badge.st-partial { color: var(--part); background: var(--part-bg); border-color: var(--part-line); }
.badge.st-not_addressed { color: var(--gap); background: var(--gap-bg); border-color: #ffaba8; }
.badge.st-manual_check { color: var(--man); background: var(--man-bg); border-color: #9cd0ff; }
.sym { font-weight: 700; }
.js .req:not(.open) .detail-row { display: none; }
.detail-row > td { padding: 4px 12px 16px 46px; background: #fbfcfd; border-top: 1px dashed var(--line); }
.detail { max-width: 1100px; }
.statement { margin: 10px 0; padding: 8px 12px; border-left: 3px solid var(--accent); background: #fff; font-size: 0.95rem; }
.detail-facts { font-size: 0.88rem; margin-bottom: 6px; }
.evidence-list, .facets { list-style: none; margin: 0; padding: 0; }
.evidence { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 6px 0; background: #fff; }
.ev-head { font-size: 0.85rem; }
.locator { font-weight: 700; }
.score { float: right; color: var(--muted); font-variant-numeric: tabular-nums; }
.passage { margin: 4px 0 2px; }
.terms { margin: 0; font-size: 0.8rem; color: var(--muted); }
mark { background: #fff3a3; color: inherit; padding: 0 1px; border-radius: 2px; box-shadow: 0 0 0 1px #f0d85a inset; }
.no-evidence { color: var(--muted); font-style: italic; margin: 4px 0; }
.facet { border-left: 2px solid var(--line); padding: 2px 0 2px 10px; margin: 8px 0; }
.facet-label { font-weight: 600; }
.review { margin: 10px 0 4px; padding: 6px 10px; border-radius: 6px; background: var(--soft); border: 1px solid var(--line); }
.review-stale { background: #fff8c5; border-color: #d4a72c; }
.stale-reason { margin: 4px 0 0; font-weight: 600; color: #6b4200; }
.empty { color: var(--muted); font-style: italic; padding: 12px 0; }
.run { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.85rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.print-only { display: none; }
.chips { display: flex; flex-wrap: wrap; gap: 8px; list-style: none; padding: 0; margin: 0; }
.chip { padding: 6px 12px; border-radius: 8px; border: 1px solid var(--line); border-left-width: 6px; }
.chip-n { font-weight: 700; font-size: 1.2rem; margin-right: 4px; }
.changes th, .changes td { padding: 7px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; font-size: 0.9rem; }
.changes thead th { font-size: 0.8rem; color: var(--muted); }
.change-tag { font-weight: 700; white-space: nowrap; }
.change-regressed, .chip.change-regressed { border-left: 6px solid var(--gap); }
.change-dropped, .chip.change-dropped { border-left: 6px solid #6e7781; }
.change-changed_status, .chip.change-changed_status { border-left: 6px solid var(--part-line); }
.change-evidence_changed, .chip.change-evidence_changed { border-left: 6px solid var(--man); }
.change-newly_addressed, .chip.change-newly_addressed { border-left: 6px solid var(--ok); }
.change-new, .chip.change-new { border-left: 6px solid #8250df; }
.chip.change-unchanged { border-left-color: var(--line); }
tr.change-regressed { background: var(--gap-bg); }
tr.change-newly_addressed { background: #f0fbf3; }
tr.change-dropped td.col-text { text-decoration: line-through; color: var(--muted); }
@media screen and (max-width: 900px) {
  main { padding: 12px; }
  .col-text { min-width: 0; }
}
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .filters, .toggle, .field-buttons { display: none !important; }
  .col-toggle { width: 0; padding: 0 !important; }
  .col-text { min-width: 0; }
  /* A printed page is narrow: fixed column shares keep the requirement text readable. */
  .reqs { table-layout: fixed; }
  .reqs th, .reqs td { padding: 4px 4px; overflow-wrap: anywhere; }
  .reqs .col-toggle { width: 0; }
  .reqs .col-source { width: 14%; min-width: 0; }
  .reqs .col-label { width: 6%; }
  .reqs .col-actor { width: 13%; min-width: 0; }
  .reqs .col-kind { width: 10%; }
  .reqs .col-text { width: 35%; }
  .reqs thead th { overflow-wrap: normal; }
  .reqs .col-status { width: 12%; white-space: normal; }
  .reqs .col-conf { width: 10%; }
  .col-source, .col-actor, .col-kind, .col-label, .col-conf { font-size: 8.5pt !important; }
  .reqs thead th { font-size: 7.5pt !important; }
  .reqs .badge { font-size: 7.5pt; white-space: normal; padding: 0 4px; }
  .print-only { display: block; font-weight: 600; }
  .js .req .detail-row { display: table-row !important; }
  .detail-row > td { padding-left: 12px; background: none; }
  /* A row stays whole and stays with the start of its details; long details may run over pages. */
  .req-row, .breakdown tr, .changes tr, .evidence, .facet-head, .review, .stat, .banner, .statement
    { break-inside: avoid; page-break-inside: avoid; }
  .req-row { break-after: avoid; page-break-after: avoid; }
  thead { display: table-header-group; }
  .req-row td { background: none !important; box-shadow: none !important; }
  .badge { background: none !important; color: #000 !important; border: 1px solid #000 !important; }
  .badge.st-partial { border-style: dashed !important; }
  .badge.st-manual_check { border-style: dotted !important; }
  .badge.st-not_addressed { border-width: 2px !important; }
  mark { background: none; box-shadow: none; text-decoration: underline; font-weight: 600; }
  .set-filter { color: inherit; }
  .banner { background: none !important; color: #000 !important; border: 2px solid #000 !important; }
  h2 { break-after: avoid; }
}
"""

PAGE_JS = r"""(function () {
  "use strict";
  var table = document.getElementById("requirements");
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.querySelectorAll("tbody.req"));
  var total = rows.length;
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var onlyGaps = document.getElementById("only-gaps");
  var text = document.getElementById("f-text");
  var order = document.getElementById("f-order");
  var counter = document.getElementById("shown-count");
  var printScope = document.getElementById("print-scope");
  var none = document.getElementById("no-rows");
  var GAPS = { not_addressed: true, partial: true };

  function apply() {
    var want = {};
    selects.forEach(function (s) { want[s.getAttribute("data-filter")] = s.value; });
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var ok = true;
      for (var key in want) {
        if (want[key] && row.getAttribute("data-" + key) !== want[key]) { ok = false; }
      }
      if (ok && onlyGaps.checked && !GAPS[row.getAttribute("data-status")]) { ok = false; }
      if (ok && q && row.getAttribute("data-search").indexOf(q) < 0) { ok = false; }
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    var line = shown + " of " + total + " requirements shown";
    counter.textContent = line;
    var active = selects.filter(function (s) { return s.value; }).map(function (s) {
      return s.previousElementSibling.textContent.toLowerCase() + " = " + s.options[s.selectedIndex].text;
    });
    if (onlyGaps.checked) { active.push("only gaps"); }
    if (q) { active.push("text contains \u201c" + q + "\u201d"); }
    printScope.textContent = line + (active.length ? " (filtered: " + active.join("; ") + ")." : ".");
    none.hidden = shown !== 0;
  }

  function sortRows() {
    var how = order.value;
    var sorted = rows.slice().sort(function (a, b) {
      var ia = +a.getAttribute("data-index"), ib = +b.getAttribute("data-index");
      if (how === "gaps") {
        var d = +a.getAttribute("data-rank") - +b.getAttribute("data-rank");
        if (d) { return d; }
      } else if (how === "conf") {
        var c = +a.getAttribute("data-confidence") - +b.getAttribute("data-confidence");
        if (c) { return c; }
      }
      return ia - ib;
    });
    sorted.forEach(function (row) { table.appendChild(row); });
  }

  function setOpen(row, open) {
    row.classList.toggle("open", open);
    var btn = row.querySelector("button.toggle");
    btn.setAttribute("aria-expanded", open ? "true" : "false");
    btn.title = open ? "Hide details" : "Show details";
  }

  rows.forEach(function (row) {
    var main = row.querySelector("tr.req-row");
    main.addEventListener("click", function (ev) {
      // Selecting text in a row should not fold it.
      if (window.getSelection && String(window.getSelection()).length > 0 && !ev.target.closest("button")) { return; }
      setOpen(row, !row.classList.contains("open"));
    });
  });
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  onlyGaps.addEventListener("change", apply);
  text.addEventListener("input", apply);
  order.addEventListener("change", sortRows);
  document.getElementById("expand-all").addEventListener("click", function () {
    rows.forEach(function (r) { if (!r.hidden) { setOpen(r, true); } });
  });
  document.getElementById("collapse-all").addEventListener("click", function () {
    rows.forEach(function (r) { setOpen(r, false); });
  });
  document.getElementById("reset-filters").addEventListener("click", function () {
    selects.forEach(function (s) { s.value = ""; });
    onlyGaps.checked = false; text.value = ""; order.value = "doc";
    sortRows(); apply();
  });
  Array.prototype.forEach.call(document.querySelectorAll("button.set-filter"), function (b) {
    b.addEventListener("click", function () {
      selects.forEach(function (s) {
        var v = b.getAttribute("data-set-" + s.getAttribute("data-filter"));
        s.value = v === null ? "" : v;
      });
      onlyGaps.checked = false; text.value = "";
      apply();
      document.getElementById("filters").scrollIntoView({ block: "start" });
    });
  });
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.classList.contains("req")) { setOpen(target, true); }
  }
  apply();
})();
"""
