"""The model card of a trained judge, rendered from its meta.json so that the card and the figures cannot disagree.

`render_model_card(meta)` is called when a model is written; `tests/test_modelcard.py` checks that every shipped
`models/*/README.md` is exactly the rendering of the `meta.json` beside it. The history of how the figures moved
is in docs/history.md.
"""

from __future__ import annotations

from .model import STATUSES

# The project's quality targets (issue tracker and README, "Figures"): what the judge is measured against.
TARGETS = {"accuracy": 0.85, "macro_f1": 0.80, "evidence_hit_at_3": 0.90}
STATUS_ORDER = STATUSES
HARD_CASE_WORDS = {"distractor": "passages that share the words but say something else",
                   "duplicate": "the same requirement in two mandates", "events_links": "events and links only",
                   "negation": "negated or deferred answers", "other_actor": "addressed to another actor",
                   "paraphrase": "answered in other words", "restatement": "the report restates the mandate",
                   "plan": "plans and intentions beside results"}
# Targets of the headline, leave-one-mandate-out figure (issue 16): accuracy, false all-clear at most, hit@3, and
# hit@3 at least this far above the plain TF-IDF ranking of the same pairs.
HEADLINE_TARGETS = {"accuracy": 0.85, "false_all_clear": 0.03, "evidence_hit_at_3": 0.95, "above_tfidf": 0.05}

WHAT_IT_DOES = """\
Decides, for each requirement extracted from a mandate document, whether a report addresses it: `addressed`,
`partial`, `not_addressed` or `manual_check`, with a calibrated probability. Stored as plain JSON in
`model.json` (weights, scalers, temperatures; no pickle):

1. **relevance**: the probability that a passage addresses a requirement, from the retrieval signals (TF-IDF on
   lemmas, LSA, knowledge-base concepts, rapidfuzz key terms, coverage, ranks); it ranks the evidence. A second
   fit without the TF-IDF cosine (**status_relevance**) ranks the passages the status is read from.
2. **requirement**: the status as three staged yes/no questions (touched at all? with substance? if not, a task
   the report may be silent on?), from the best passages' relevance and substance, facet aggregates, the actor
   and the status priors.
3. **facet**: addressed, partial or not addressed for each facet of a compound requirement; a requirement and its
   facets are decided together, as the consistent pair the two models find most probable.
4. **evidence and distractor profiles, status priors**: for each requirement the annotated corpus knows, the
   words of the passages annotators quoted, of those they passed over, and how often reports left each status.
5. **fallback**: the same models trained without profiles, for requirements the corpus has never annotated.

Evidence first: the models propose a status; each of the best passages of this report is then read sentence by
sentence (`pipeline/judge/reading.py`: substance, mention, not done, restatement of the mandate) and the status is
what those passages carry: addressed needs a passage of substance, a mention alone (events, links, a plan) is
partial at most, a passage that restates the mandate is never evidence, and no evidence is not addressed (or a
manual check for another actor's task). Rules from the annotation guideline (`corpora/README.md`) frame the rest:
procedural requirements are a manual check; a compound requirement is addressed only when all its facets are."""

LIMITS = """\
The corpus is small and written by the project: figures on real ITU reports will differ. Statuses are an aid to a
reader, not a verdict: read the evidence before using them. Addressed against partial is the hardest call (one
part of a target, the level of detail); worldwide targets answered with figures for some countries only are often
judged too kindly. Differences of 0.01-0.02 between two settings are within the noise of this corpus."""


def _f(value, digits: int = 3) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def _target_line(metrics: dict) -> str:
    """One sentence per target: met or not, by how much."""
    words = {"accuracy": "Status accuracy", "macro_f1": "Macro-F1", "evidence_hit_at_3": "Evidence hit@3"}
    parts = []
    for key, target in TARGETS.items():
        value = metrics.get(key)
        if value is None:
            continue
        verdict = "meets" if value >= target else "is below"
        parts.append(f"{words[key]} {_f(value)} {verdict} the target of {target:.2f}.")
    return " ".join(parts)


def render_model_card(meta: dict) -> str:
    """The model card (Markdown) of the model described by `meta` (the content of its meta.json)."""
    name, version = meta.get("name", "model"), meta.get("version", "?")
    if name == "wsis-asks":
        return render_asks_card(meta)
    if name == "wsis-actor-check":
        return render_actor_check_card(meta)
    m = meta.get("metrics") or {}
    lines = [f"# Model card: {name} v{version}", "",
             "Generated from `meta.json` by `pipeline/modelcard.py` (`render_model_card`); do not edit by hand. "
             "How the figures moved from release to release: `docs/history.md`.", "",
             "## What it does", "", WHAT_IT_DOES, ""]
    lines += _training_data(meta, m)
    if not m:
        lines += ["## Measured quality", "", "Not measured: run `wsis-audit train`.", "", "## Limits", "", LIMITS]
        return "\n".join(lines) + "\n"
    lines += _headline(m.get("by_mandate"))
    if m.get("family_cv_measured") is False:
        lines += ["## Development figures", "", "Cross-validation by report family was not run for this release "
                  "(`wsis-audit train --no-family-cv`); `wsis-audit eval judgement` measures it.", "",
                  "## Limits", "", LIMITS]
        return "\n".join(lines) + "\n"
    lines += _development(m) + _per_class(m) + _confusion(m) + _hard_cases(m)
    lines += ["## Limits", "", LIMITS]
    return "\n".join(lines) + "\n"


def _training_data(meta: dict, m: dict) -> list[str]:
    """The corpus the model was trained on, the rows of each model, the libraries and the features."""
    reports = m.get("reports") or []
    rows = m.get("training_rows") or {}
    return ["## Training data", "",
            f"The annotated corpus in `corpora/`: {len(reports)} reports, {m.get('pairs', 'n/a')} "
            f"requirement-report pairs; {rows.get('requirements', 'n/a')} requirement, {rows.get('facets', 'n/a')} "
            f"facet and {rows.get('passage_pairs', 'n/a')} passage rows. Corpus sha256 "
            f"`{meta.get('training_corpus_sha256', 'n/a')}`. Trained with "
            + ", ".join(f"{k} {v}" for k, v in (meta.get("libraries") or {}).items()) + ".",
            "", "Reports: " + ", ".join(f"`{r}`" for r in reports) + ".", "",
            f"Features: {len(meta.get('requirement_features') or [])} for the requirement model, "
            f"{len(meta.get('facet_features') or [])} for the facet model (names in `meta.json`). Loading checks "
            "the name, the version and the feature lists.", ""]


def _development(m: dict) -> list[str]:
    """The figures cross-validated by report family, as a table, and the line on the targets."""
    ci = m.get("accuracy_ci95") or [None, None]
    unseen = m.get("unseen_requirements") or {}
    stages = m.get("stages") or {}
    facets = m.get("facets") or {}
    hit_pairs = m.get("evidence_pairs")
    hits = round(m["evidence_hit_at_3"] * hit_pairs) if hit_pairs and m.get("evidence_hit_at_3") is not None else None
    return ["## Development figures", "",
            "Cross-validated by report family (`wsis-audit eval judgement`): each family is scored by a judge "
            "trained on the others, which has seen the same requirements in other reports: not the figure to "
            "expect of a new mandate.", "",
            "| what | figure |", "|---|---|",
            f"| status accuracy ({m.get('pairs', 'n/a')} pairs) | {_f(m.get('accuracy'))} (95% interval over "
            f"report families {_f(ci[0], 2)}-{_f(ci[1], 2)}) |",
            f"| macro-F1 | {_f(m.get('macro_f1'), 4)} |",
            f"| Brier score (4 statuses) | {_f(m.get('brier'))} |",
            f"| evidence hit@3 | {_f(m.get('evidence_hit_at_3'))}"
            + (f" ({hits} of {hit_pairs} pairs)" if hits is not None else "") + " |",
            f"| requirements the corpus has never annotated (fallback): accuracy / macro-F1 / hit@3 | "
            f"{_f(unseen.get('accuracy'))} / {_f(unseen.get('macro_f1'))} / {_f(unseen.get('evidence_hit_at_3'))} |",
            f"| touched at all ({stages.get('touched_pairs', 'n/a')} pairs) | {_f(stages.get('touched_accuracy'))} "
            f"(always answering touched: {_f(stages.get('touched_majority'))}) |",
            f"| addressed vs partial when touched ({stages.get('substance_pairs', 'n/a')} pairs) | "
            f"{_f(stages.get('substance_accuracy'))} |",
            f"| facet status ({facets.get('pairs', 'n/a')} facets) | {_f(facets.get('accuracy'))} |", "",
            _target_line(m), ""]


def _confusion(m: dict) -> list[str]:
    """The confusion table, rows the annotators' status, columns the judge's (nothing when not measured)."""
    confusion = m.get("confusion") or {}
    if not confusion:
        return []
    cols = [s for s in STATUS_ORDER if any(s in row for row in confusion.values())]
    lines = ["Confusion (rows: the annotators' status; columns: the judge's):", "",
             "| gold \\ judged | " + " | ".join(cols) + " |", "|---|" + "---:|" * len(cols)]
    lines += [f"| {g} | " + " | ".join(str(confusion[g].get(s, 0)) for s in cols) + " |"
              for g in STATUS_ORDER if g in confusion]
    lines.append("")
    return lines


def _hard_cases(m: dict) -> list[str]:
    """The accuracy on each annotated kind of hard pair, the hardest first (nothing when none)."""
    hard = m.get("hard_cases") or {}
    if not hard:
        return []
    lines = ["Hard cases (annotated kinds of pair):", "", "| case | pairs | accuracy |", "|---|---:|---:|"]
    lines += [f"| {HARD_CASE_WORDS.get(k, k)} | {v.get('n')} | {_f(v.get('accuracy'))} |"
              for k, v in sorted(hard.items(), key=lambda kv: kv[1].get("accuracy") or 0)]
    lines.append("")
    return lines


def _at_most(value: float | None, limit: float) -> bool:
    """A measured rate within its limit (a rate of 0.0 is within; an unmeasured one is not)."""
    return value is not None and value <= limit


def _per_class(metrics: dict) -> list[str]:
    """The F1 of each status, as one line."""
    per_class = metrics.get("per_class_f1") or {}
    if not per_class:
        return []
    return ["F1 by status: " + ", ".join(f"{s} {_f(per_class[s])}" for s in STATUS_ORDER if s in per_class) + ".", ""]


def _headline(bm: dict | None) -> list[str]:
    """The leave-one-mandate-out figures: each mandate judged by a judge that never saw it."""
    if not bm:
        return ["## Headline: a mandate the judge never saw", "", "Not measured: run `wsis-audit train`.", ""]
    ci = bm.get("accuracy_ci95") or [None, None]
    base = bm.get("tfidf_baseline_hit_at_3")
    t = HEADLINE_TARGETS
    verdicts = [
        f"Status accuracy {_f(bm.get('accuracy'))} {'meets' if (bm.get('accuracy') or 0) >= t['accuracy'] else 'is below'}"
        f" the target of {t['accuracy']:.2f}.",
        f"False all-clear {_f(bm.get('false_all_clear'))} "
        f"{'meets' if _at_most(bm.get('false_all_clear'), t['false_all_clear']) else 'is above'} the limit of "
        f"{t['false_all_clear']:.2f}.",
        f"Evidence hit@3 {_f(bm.get('evidence_hit_at_3'))} "
        f"{'meets' if (bm.get('evidence_hit_at_3') or 0) >= t['evidence_hit_at_3'] else 'is below'} the target of "
        f"{t['evidence_hit_at_3']:.2f}" + (f", {_f((bm.get('evidence_hit_at_3') or 0) - base)} above TF-IDF."
                                            if base is not None else ".")]
    lines = ["## Headline: a mandate the judge never saw", "",
             "Leave one mandate out (`wsis-audit eval judgement`): each mandate document's requirements are judged, "
             "in every report that answers them, by a judge fitted on the other mandates only.", "",
             "| what | figure |", "|---|---|",
             f"| status accuracy ({bm.get('pairs', 'n/a')} pairs) | {_f(bm.get('accuracy'))} (95% interval over "
             f"mandates {_f(ci[0], 2)}-{_f(ci[1], 2)}) |",
             f"| macro-F1 | {_f(bm.get('macro_f1'), 4)} |",
             f"| false all-clear (partial or not addressed called addressed) | {_f(bm.get('false_all_clear'))} |",
             f"| evidence hit@3 | {_f(bm.get('evidence_hit_at_3'))} (plain TF-IDF on the same pairs: {_f(base)}) |",
             f"| Brier score (4 statuses) | {_f(bm.get('brier'))} |", "", " ".join(verdicts), ""]
    lines += _per_class(bm)
    mandates = bm.get("mandates") or {}
    if mandates:
        lines += ["| held-out mandate | pairs | accuracy | not extracted |", "|---|---:|---:|---:|"]
        lines += [f"| `{k.rsplit('/', 1)[-1]}` | {v['pairs']} | {_f(v['accuracy'])} | {v['missing']} |"
                  for k, v in mandates.items()]
        lines.append("")
    return lines


ASKS_WHAT = """\
Reads what the extraction rules leave: each sentence of a paragraph, and each item or heading, that no rule made a
requirement of is scored for "does this ask someone to act?"; above the threshold it becomes a requirement with
**actor unknown** (the model says that something is asked, never who must do it) and the extraction warns which
ones it read. A logistic model over the unit's words (its first twelve words, their pairs, the rest), the
part-of-speech tags of its first words, its layout (label, kind of block, closing punctuation, length) and its
context (the heading above it, the words before it). Stored as plain JSON in `model.json` (named weights, bias,
threshold; no pickle); `pipeline/extract/asks.py` reads it. Trained by `wsis-audit train asks`."""

ASKS_LIMITS = """\
- Trained on texts our writers wrote (the development excerpts and the corpus mandates); the cross-validated
  figures below hold out excerpts and writers, but the blind sets in `docs/extraction.md` are the figures to quote.
- It reads units the rules did not read: a requirement merged into another by the rules, or cut across two
  sentences, is not its business.
- Actor unknown on every requirement it reads, and its kind comes from the unit's own words (invites, proposes,
  requests, a base-form verb, else an expectation)."""


def render_asks_card(meta: dict) -> str:
    """The card of the asks model (pipeline/learn/asks.py writes its meta.json)."""
    lines = [f"# Model card: {meta.get('name')} v{meta.get('version')}", "",
             "Generated from `meta.json` by `pipeline/modelcard.py` (`render_asks_card`); do not edit by hand.", "",
             "## What it does", "", ASKS_WHAT, ""]
    if "cross_validated" not in meta:
        return "\n".join(lines + ["## Measured quality", "", "Not measured: run `wsis-audit train asks`.", "",
                                  "## Limits", "", ASKS_LIMITS]) + "\n"
    lines += ["## Training data", "",
              f"{meta['texts']} annotated texts by {meta['writers']} writers or corpus mandates: {meta['units']} units, "
              f"{meta['positive_units']} of them holding a gold requirement, {meta['unread_units']} read by no rule. "
              f"{meta['features']} features (seen in at least {meta['min_count']} units), C = {meta['C']}. "
              f"Training texts' hash `{meta['training_sha256'][:16]}`.", "",
              "## Cross-validated figures (development, never the headline)", "",
              "Five folds grouped by excerpt, and five grouped by writer (one writer's excerpts never on both sides). "
              "Each row: reading the units no rule read, at or above the threshold, on the held-out texts; recall "
              "and precision of the rules and the model together over every gold requirement of those texts.", ""]
    for key, title in (("by_writer", "Grouped by writer"), ("by_excerpt", "Grouped by excerpt")):
        auc = meta["auc"][key]
        lines += [f"**{title}** (AUC {_f(auc['all_units'])} over all units, {_f(auc['unread_units'])} over the units no "
                  "rule read):", "",
                  "| threshold | added | gold requirements the rules missed | spurious | recall | precision |",
                  "|---|---|---|---|---|---|"]
        for f in meta["cross_validated"][key]:
            mark = " (shipped)" if f["threshold"] == meta["threshold"] else ""
            lines.append(f"| {f['threshold']}{mark} | {f['added']} | {f['gain']} | {f['spurious']} | "
                         f"{_f(f['recall_rules'])} -> {_f(f['recall'])} | {_f(f['precision_rules'])} -> "
                         f"{_f(f['precision'])} |")
        lines.append("")
    replay = meta.get("replay") or {"sets": []}
    if replay["sets"]:
        names = ", ".join(f"{e['set']} ({e['code']})" for e in replay["sets"])
        lines += ["## Replayed blind sets (the threshold is chosen here)", "",
                  f"Blind sets {names}, each as the rules alone read it at the commit that measured it "
                  "(corpora/extraction-replay/), read further by a model trained without that set's writers; TXT "
                  f"renderings, {replay['gold']} gold requirements. The rules alone: recall "
                  f"{_f(replay['recall_rules'])}, precision {_f(replay['precision_rules'])}. These sets are "
                  "development texts now: a replay figure is not a blind figure.", "",
                  "| threshold | added | added holding no gold quote | recall | precision |", "|---|---|---|---|---|"]
        for f in replay["thresholds"]:
            mark = " (shipped)" if f["threshold"] == meta["threshold"] else ""
            lines.append(f"| {f['threshold']}{mark} | {f['added']} | {f['spurious']} | {_f(f['recall'])} | "
                         f"{_f(f['precision'])} |")
        lines += ["", f"The threshold, {meta['threshold']}, is the lowest whose replayed precision stays at or above "
                  f"{meta['replay_precision']}.", ""]
    else:
        lines += [f"The threshold, {meta['threshold']}, is the lowest whose added spurious requirements (grouped by "
                  f"writer) stay within {meta['spurious_budget']:.1%} of the requirements the rules read.", ""]
    lines += ["## Limits", "", ASKS_LIMITS]
    return "\n".join(lines) + "\n"


ACTOR_CHECK_WHAT = """\
Checks the name the extraction rules gave as who must act. A logistic model over the requirement's reading: which
rule read it, whether its chapeau named the actor, whether the text prints the name and where, the name's words, the
kind, the block and label, the document's genre words and how many bodies it names (`pipeline/extract/actor_check.py`).
Where the chance that the name is wrong is at or above the threshold, the requirement's **actor is unknown**, the
rules' name is kept as `actor_guess` (shown to the reader as a guess to check), and the extraction warns which
ones. Stored as plain JSON in `model.json` (named weights, bias, threshold)."""

ACTOR_CHECK_LIMITS = """\
- Trained on texts our writers wrote (the development excerpts and the corpus mandates), whose wrong names are the few
  the rules were not fixed for; on texts nobody here wrote the rules give more wrong names, of other kinds. The
  blind sets in `docs/extraction.md` are the figures to quote.
- It sees how a name was read, not which body the writer meant: a wrong name read by a sound rule stays; a right one
  read by a doubtful rule becomes a guess. It never names another body.
- The threshold comes from a stated cost (a wrong name shown as fact nine times a right name shown as a guess), fixed
  after the development curve below was seen and before any blind set was measured with the check; never from a
  blind figure.
- About one name in twenty that the rules got right becomes a guess (still shown, marked to check)."""


def render_actor_check_card(meta: dict) -> str:
    """The card of the actor check (pipeline/learn/actor_check.py writes its meta.json)."""
    lines = [f"# Model card: {meta.get('name')} v{meta.get('version')}", "",
             "Generated from `meta.json` by `pipeline/modelcard.py` (`render_actor_check_card`); do not edit by hand.",
             "", "## What it does", "", ACTOR_CHECK_WHAT, ""]
    if "cross_validated" not in meta:
        return "\n".join(lines + ["## Measured quality", "", "Not measured: run `wsis-audit train actor-check`.", "",
                                  "## Limits", "", ACTOR_CHECK_LIMITS]) + "\n"
    lines += ["## Training data", "",
              f"{meta['texts']} annotated texts by {meta['writers']} writers or corpus mandates: {meta['rows']} "
              f"requirements the rules gave a name to and a gold requirement matches, {meta['wrong_rows']} of those "
              f"names wrong. {meta['features']} features, C = {meta['C']}. Training texts' hash "
              f"`{meta['training_sha256'][:16]}`.", "",
              "## Cross-validated figures (development, never the headline)", "",
              f"Five folds grouped by writer (one writer's excerpts never on both sides); AUC "
              f"{_f(meta['auc_by_writer'])}. Each row: the held-out names the check would leave unknown at that "
              "threshold.", "",
              "| threshold | wrong names caught | right names made guesses | guesses that were right |",
              "|---|---|---|---|"]
    for f in meta["cross_validated"]:
        mark = " (shipped)" if f["threshold"] == meta["threshold"] else ""
        lines.append(f"| {f['threshold']}{mark} | {f['caught']} of {f['wrong']} ({f['caught_share']:.1%}) | "
                     f"{f['hidden_right']} of {f['right']} ({f['hidden_share']:.1%}) | {f['guesses_right']:.1%} |")
    lines += ["", f"The threshold, {meta['threshold']}, is 1/(1 + {meta['cost_wrong_shown']:g}): a wrong name shown as "
              f"fact counted {meta['cost_wrong_shown']:g} times a right name shown as a guess.", "",
              "## Limits", "", ACTOR_CHECK_LIMITS]
    return "\n".join(lines) + "\n"
