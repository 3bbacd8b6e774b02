"""Evidence and distractor profiles, status and facet priors: the annotations counted per report and merged."""

from __future__ import annotations

from collections import Counter

import numpy as np

from ..corpus import normalize
from ..judge.model import CLASSES, facet_key, profile_key
from .prepare import PreparedReport

FACET_SEP = "\n"  # between a requirement's key and its facet's key, while facet counts are merged


def evidence_profiles(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), the lemma counts of the passages quoted as its
    evidence where it is addressed or partial, over the reports of every family but `leave_out`."""
    return _merge(_report_counts(pr, "evidence") for pr in reports if pr.group != leave_out)


# How many of the passages ranked highest for a requirement, and not quoted, make its distractor profile.
DISTRACTOR_TOP_K = 3


def distractor_profiles(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), the lemma counts of the passages that the
    retrieval signals rank highest (the DISTRACTOR_TOP_K best by fused score) but that annotators did not quote as
    its evidence, over the reports of every family but `leave_out`. Pairs left to a manual check are skipped: there
    the report's silence, not a wrong passage, decides. Such passages share the requirement's words and answer
    something else ("the ITU Academy's course catalogue includes artificial intelligence" against the priority
    areas of the WSIS vision), and reports of the same family of documents tend to repeat them."""
    return _merge(_report_counts(pr, "distractor") for pr in reports if pr.group != leave_out)


def status_priors(reports: list[PreparedReport], *, leave_out: str | None = None) -> dict[str, dict[str, int]]:
    """For each annotated requirement (by profile_key of its text), how many reports of every family but
    `leave_out` the annotators left in each status. It tells the judge how hard a requirement is to answer in
    full: the Broadband Commission's gender target ("equality across all the targets") is partial in seven of the
    eight reports that judge it, because reports give the gender gap for Internet use and for nothing else."""
    return _merge(_report_counts(pr, "status") for pr in reports if pr.group != leave_out)


def facet_priors(reports: list[PreparedReport], *,
                 leave_out: str | None = None) -> dict[str, dict[str, dict[str, int]]]:
    """For each annotated requirement and each of its annotated facets (by facet_key), how many reports of every
    family but `leave_out` left the facet in each status. The facet judge reads it: of the Action Lines whose
    roadmaps Resolution 1390 asks to update, reports seldom say anything on the roadmap of C1 or C7, however much
    they say on those lines' topics."""
    return _nest(_merge(_report_counts(pr, "facet") for pr in reports if pr.group != leave_out))


def _report_counts(pr: PreparedReport, kind: str) -> dict[str, Counter]:
    """One report's contribution to the evidence or the distractor profiles, or to the status or facet priors."""
    counts: dict[str, Counter] = {}
    for i, unit in enumerate(pr.retriever.units_):
        g = pr.gold_by_req.get(unit.requirement_id)
        if unit.facet is not None or g is None:
            continue
        if kind == "status":
            counts.setdefault(profile_key(unit.focus), Counter())[g["status"]] += 1
            continue
        if kind == "facet":
            for f in g.get("facets", []):
                if f["status"] in CLASSES:
                    key = profile_key(unit.focus) + FACET_SEP + facet_key(f["facet"])
                    counts.setdefault(key, Counter())[f["status"]] += 1
            continue
        quotes = [normalize(q) for q in g.get("evidence", [])]
        if kind == "evidence":
            if g["status"] not in ("addressed", "partial"):
                continue
            chosen = [j for j, txt in enumerate(pr.passage_norm) if any(q in txt for q in quotes)]
        else:
            if g["status"] == "manual_check":
                continue
            fused = pr.retriever.score(i).fused
            chosen = [j for j in np.argsort(-fused, kind="stable")[:DISTRACTOR_TOP_K]
                      if fused[j] > 0 and not any(q in pr.passage_norm[j] for q in quotes)]
        for j in chosen:
            counts.setdefault(profile_key(unit.focus), Counter()).update(pr.retriever.passage_signals_[j].lemmas)
    return counts


def _nest(flat: dict[str, dict[str, int]]) -> dict[str, dict[str, dict[str, int]]]:
    """Merged facet counts keyed "requirement\nfacet", as {requirement: {facet: counts}}."""
    out: dict[str, dict[str, dict[str, int]]] = {}
    for key, c in flat.items():
        req, facet = key.split(FACET_SEP, 1)
        out.setdefault(req, {})[facet] = c
    return out


def _merge(parts) -> dict[str, dict[str, int]]:
    """Add up per-report counts into profiles, in a stable order."""
    total: dict[str, Counter] = {}
    for counts in parts:
        for k, c in counts.items():
            total.setdefault(k, Counter()).update(c)
    return {k: dict(sorted(c.items())) for k, c in sorted(total.items())}
