"""report.html: the coverage record as one self-contained page, gaps first and evidence for the rest.

Rendered from Jinja2 templates in `assets/` (autoescape on: every string from the record is escaped) with the
style sheet and script inlined, so the page loads nothing from outside, opens offline from file:// and can be
mailed as one file. Output is deterministic: the same record gives the same bytes, so two pages can be compared
with diff. To show a new field, edit `assets/report.html.j2`; this module only prepares values.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from html import escape
from pathlib import Path

from markupsafe import Markup

from ..model import CHANGE_KINDS, KIND_LABELS, STATUS_LABELS, STATUSES
from ..resources import asset
from .markdown import REFLECTION_TREND_WORDS, UNKNOWN_ACTOR, actor_text, quoted_text, reflection_text

HTML_REPORT_VERSION = "html/2"

GAP_STATUSES = ("not_addressed", "partial")
STATUS_WORDS = STATUS_LABELS
# A symbol beside each word so the badges still differ when printed in black and white.
STATUS_SYMBOLS = {"addressed": "\u2713", "partial": "\u25d0", "not_addressed": "\u2717", "manual_check": "?"}
# Bar colours of the SVG chart; the same hues as the badges (assets/report.css).
STATUS_COLOURS = {"addressed": "#1a7f37", "partial": "#bf8700", "not_addressed": "#cf222e", "manual_check": "#0969da"}
# "Gaps first" order: what a reader must act on comes before what needs a look and what is done.
GAP_RANK = {"not_addressed": 0, "partial": 1, "manual_check": 2, "addressed": 3}
KINDS = tuple(KIND_LABELS)

CHANGE_WORDS = CHANGE_KINDS

SHA_SHORT = 12  # enough to tell files apart by eye; the full hash is in the tooltip
# The requirements table: (key, heading, sort key used by assets/report.js, right-aligned).
COLUMNS = (("source", "Source", "source", False), ("label", "Label", "label", False), ("actor", "Actor", "actor", False),
           ("kind", "Kind", "kind", False), ("text", "Requirement", "text", False),
           ("status", "Status", "gaps", False), ("conf", "Confidence", "conf", True))
# Sizes of the hand-drawn status chart, in SVG units.
CHART_ROW, CHART_LABEL, CHART_BAR, CHART_VALUE = 30, 120, 300, 90


def render_html(record: dict, *, title: str | None = None) -> str:
    """One self-contained HTML page showing every requirement of a coverage record, filterable and sortable."""
    report = record.get("report", {})
    reqs = list(record.get("requirements", []))
    counts = Counter(r.get("status") for r in reqs)
    titles: dict[str, str] = {}
    for r in reqs:
        src = r.get("source", {})
        if src.get("clause_path"):
            titles.setdefault(src.get("document", ""), src["clause_path"][0])
    return _render("report.html.j2", script=asset("report.js"), record=record, report=report,
                   title=title or f"Mandate coverage of {_file_name(report.get('path', 'report'))}",
                   mandates=record.get("mandates", []), mandate_titles=titles, failures=record.get("failures") or [],
                   requirements=reqs, counts=counts, total=len(reqs),
                   gaps=sum(counts.get(s, 0) for s in GAP_STATUSES), chart=_chart(counts, len(reqs)),
                   breakdowns=[_breakdown("Requirements by source document", "source", reqs, _source_name),
                               _breakdown("Requirements by actor", "actor", reqs, actor_key, sort=True)],
                   filters=_filters(reqs),
                   columns=[{"key": k, "title": t, "sort": s, "num": n} for k, t, s, n in COLUMNS])


def write_html(record: dict, out_dir: Path) -> Path:
    """Write out_dir/report.html atomically and return its path."""
    from ._io import write_atomic

    return write_atomic(Path(out_dir) / "report.html", render_html(record))  # never half a page


def render_diff_html(diff: dict) -> str:
    """A self-contained page comparing two drafts: summary counts and one row per changed requirement."""
    old, new = diff.get("old", {}), diff.get("new", {})
    title = f"Changes from {_file_name(old.get('path', 'old draft'))} to {_file_name(new.get('path', 'new draft'))}"
    order = {k: i for i, k in enumerate(CHANGE_KINDS)}
    changes = sorted(diff.get("changes", []), key=lambda c: order.get(c.get("change"), len(order)))
    return _render("diff.html.j2", script="", title=title, old=old, new=new, summary=diff.get("summary", {}),
                   changes=changes, reflections=diff.get("reflections") or [])


# ---------------------------------------------------------------- templates


@lru_cache(maxsize=1)
def _environment():
    """The Jinja2 environment: templates from pipeline/report/assets, autoescape always on."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FunctionLoader(asset), autoescape=True, trim_blocks=True,
                             lstrip_blocks=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters.update(file_name=_file_name, num=_num, highlight=lambda text, terms: Markup(highlight(str(text), terms)),
                       source_name=_source_name, clause_label=clause_label, search_text=_search_text, actor_key=actor_key,
                       actor_text=actor_text, quoted_text=quoted_text,
                       reflection_text=reflection_text)
    env.globals.update(STATUSES=STATUSES, STATUS_WORDS=STATUS_WORDS, STATUS_SYMBOLS=STATUS_SYMBOLS,
                       STATUS_COLOURS=STATUS_COLOURS, GAP_RANK=GAP_RANK, SHA_SHORT=SHA_SHORT,
                       CHANGE_KINDS=CHANGE_KINDS, CHANGE_WORDS=CHANGE_WORDS, UNKNOWN_ACTOR=UNKNOWN_ACTOR,
                       TREND_WORDS=REFLECTION_TREND_WORDS, OUTCOME_WORDS=_outcome_words(),
                       version=HTML_REPORT_VERSION)
    return env


def _outcome_words() -> dict[str, str]:
    from .amendments import OUTCOME_WORDS

    return OUTCOME_WORDS


def _render(template: str, *, script: str, **values) -> str:
    # The style sheet and the script are our own files, inlined as they are (Markup: not escaped).
    return _environment().get_template(template).render(css=Markup(asset("report.css")), script=Markup(script),
                                                        **values)


# ---------------------------------------------------------------- values the templates show


def clause_label(r: dict) -> str:
    """Where a requirement sits in its document, below the document's title: 'instructs the Secretary-General ›
    5 a)', 'resolves › 1', 'Proposals › 2.1' (a bare '1' would not tell 'resolves 1' from 'instructs … 1')."""
    src = r.get("source", {})
    path = [str(p) for p in src.get("clause_path") or []]
    root = path[0] if path else ""
    parts = [p for p in path[1:] if p != root]
    label = str(src.get("label") or "")
    if label and (not parts or parts[-1] != label):
        parts.append(label)
    return " \u203a ".join(parts)


def _search_text(r: dict) -> str:
    src = r.get("source", {})
    return " ".join([str(r.get("id", "")), str(src.get("label") or ""), clause_label(r), str(r.get("text", "")),
                     str(r.get("statement", ""))]).casefold()


def _chart(counts: Counter, total: int) -> dict:
    """Horizontal bars, one per status, drawn by hand so the page needs no chart library."""
    top = max([counts.get(s, 0) for s in STATUSES] + [1])
    bars = [{"status": s, "n": counts.get(s, 0), "y": 3 + i * CHART_ROW,
             "width": round(CHART_BAR * counts.get(s, 0) / top, 1),
             "percent": f"{100 * counts.get(s, 0) / total:.0f}%" if total else "0%"} for i, s in enumerate(STATUSES)]
    return {"bars": bars, "row_h": CHART_ROW, "label_w": CHART_LABEL, "bar_w": CHART_BAR,
            "width": CHART_LABEL + CHART_BAR + CHART_VALUE, "height": CHART_ROW * len(STATUSES) + 6,
            "description": ", ".join(f"{STATUS_WORDS[s].lower()} {counts.get(s, 0)}" for s in STATUSES)}


def _breakdown(caption: str, field: str, reqs: list[dict], key, *, sort: bool = False) -> dict:
    groups: dict[str, Counter] = {}
    for r in reqs:
        groups.setdefault(key(r), Counter())[r.get("status")] += 1
    names = sorted(groups, key=str.casefold) if sort else list(groups)
    return {"caption": caption, "field": field, "rows": [(name, groups[name]) for name in names]}


def _filters(reqs: list[dict]) -> list[dict]:
    sources = list(dict.fromkeys(_source_name(r) for r in reqs))
    actors = sorted({actor_key(r) for r in reqs}, key=str.casefold)
    kinds = [k for k in KINDS if any(r.get("kind") == k for r in reqs)]
    kinds += sorted({r.get("kind", "") for r in reqs} - set(kinds))
    return [{"name": "status", "label": "Status", "values": STATUSES, "words": STATUS_WORDS},
            {"name": "source", "label": "Source", "values": sources, "words": {}},
            {"name": "actor", "label": "Actor", "values": actors, "words": {}},
            {"name": "kind", "label": "Kind", "values": kinds, "words": {}}]


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



# ---------------------------------------------------------------- small helpers


def actor_key(r: dict) -> str:
    """The actor a reader filters and counts by: the name, "X (a guess)" where the actor check left the rules' name a
    guess, else unknown."""
    if r.get("actor"):
        return r["actor"]
    return f"{r['actor_guess']} (a guess)" if r.get("actor_guess") else UNKNOWN_ACTOR


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
