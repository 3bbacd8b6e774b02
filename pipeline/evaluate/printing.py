"""Terminal tables for `wsis-audit eval`."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

METRIC_COLUMNS = ("gold", "predicted", "matched", "recall", "precision", "actor_accuracy", "label_accuracy",
                  "kind_accuracy", "checkability_accuracy", "facet_recall", "facet_precision")
BLIND_COLUMNS = ("gold", "predicted", "matched", "recall", "precision", "label_accuracy", "actor_accuracy",
                 "actor_right", "actor_unknown", "kind_accuracy")


def print_evaluation(result: dict, console: Console) -> None:
    """Every figure of an evaluation result, blind sets first, as tables and lines on the console."""
    for key, title in (("reflection_blind", "blind pairs, never read while the rules were written"),
                       ("reflection_dev", "development pairs, read while the rules were written")):
        if result.get(key):
            _print_reflection(result[key], console, f"Amendments and wording taken over: {title}")
    bl = result.get("extraction_blind")
    if bl:
        _print_blind(bl, console, f"Extraction on the blind excerpts ({bl['documents']} documents no rule was tuned on)")
    elif "extraction" in result:
        console.print("No blind extraction set is waiting: corpora/extraction-blind/ is empty, every set written so far "
                      "has been measured and read. The last blind figures are in docs/extraction.md; a new set goes "
                      "there (corpora/README.md).")
    dv = result.get("extraction_excerpts_dev")
    if dv:
        _print_blind(dv, console, f"Extraction on the earlier blind excerpts ({dv['documents']} documents, tuned on "
                                  "since they were measured: a development figure)")
    ex = result.get("extraction")
    if ex:
        _print_extraction(ex, console)
    bm = result.get("by_mandate")
    if bm:
        _print_by_mandate(bm, console)
    ju = result.get("judgement")
    if ju:
        _print_judgement(ju, console)
        _print_judgement_tables(ju, console)


def _print_extraction(ex: dict, console: Console) -> None:
    """Extraction on the development corpus, per rendering, and its errors by kind."""
    t = Table(title="Extraction on the development corpus (the rules were written beside these texts)",
              box=None, header_style="bold")
    t.add_column("rendering")
    for c in METRIC_COLUMNS:
        t.add_column(c.replace("_accuracy", " acc."), justify="right")
    rows = [("all", ex["overall"])] + list(ex["by_format"].items())
    if "external" in ex:
        rows.append(("real contribution (txt)", ex["external"]))
    for name, m in rows:
        t.add_row(name, *(str(m[c]) for c in METRIC_COLUMNS))
    console.print(t)
    kinds = {}
    for e in ex["errors"]:
        kinds[e["error"]] = kinds.get(e["error"], 0) + 1
    console.print("extraction errors by kind: " + (", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) or "none"),
                  markup=False)


def _print_judgement(ju: dict, console: Console) -> None:
    """Judgement cross-validated by report family: the figures, the confusion matrix and per-class F1."""
    console.print(f"\nJudgement, cross-validated by report family ({ju['pairs']} requirement-report pairs; the "
                  "judge has seen the requirement in other reports: a development figure)", markup=False)
    ci = ju.get("accuracy_ci95")
    ci_text = f" (95% interval by report family {ci[0]:.2f}-{ci[1]:.2f})" if ci else ""
    console.print(f"  status accuracy {ju['accuracy']:.3f}{ci_text}   macro-F1 {ju['macro_f1']:.3f}   "
                  f"Brier {ju['brier']:.3f}   evidence hit@3 {ju['evidence_hit_at_3']:.3f} "
                  f"(over {ju['evidence_pairs']} pairs with gold evidence)", markup=False)
    un = ju.get("unseen_requirements")
    if un:
        console.print(f"  a requirement the corpus has never annotated (no evidence profile, fallback judge): "
                      f"status accuracy {un['accuracy']:.3f}   macro-F1 {un['macro_f1']:.3f}   "
                      f"evidence hit@3 {un['evidence_hit_at_3']:.3f}", markup=False)
    console.print("  gold distribution: " + ", ".join(f"{k} {v}" for k, v in sorted(ju["gold_distribution"].items())),
                  markup=False)
    t = Table(title="Confusion matrix (rows gold, columns predicted)", box=None, header_style="bold")
    cols = list(next(iter(ju["confusion"].values())).keys())
    t.add_column("gold \\ predicted")
    for c in cols:
        t.add_column(c, justify="right")
    for g, row in ju["confusion"].items():
        t.add_row(g, *(str(row[c]) for c in cols))
    console.print(t)
    console.print("  per-class F1: " + ", ".join(f"{k} {v:.3f}" for k, v in ju["per_class_f1"].items()),
                  markup=False)
    _print_judgement_details(ju, console)


def _print_judgement_details(ju: dict, console: Console) -> None:
    """The judgement's stages, facets, second annotator and hard cases, where the result has them."""
    st = ju.get("stages")
    if st:
        console.print(f"  touched at all (addressed or partial vs not): accuracy {st['touched_accuracy']:.3f} over "
                      f"{st['touched_pairs']} pairs (always the commoner answer: {st['touched_majority']:.3f}); "
                      f"addressed vs partial when both say touched: {st['substance_accuracy']:.3f} over "
                      f"{st['substance_pairs']}", markup=False)
    fm = ju.get("facets")
    if fm and fm["pairs"]:
        console.print(f"  facet status (facets found and annotated): accuracy {fm['accuracy']:.3f} over "
                      f"{fm['pairs']} facets", markup=False)
    ag = ju.get("annotator_agreement")
    if ag:
        console.print(f"  second annotator (blind, same rules) on {', '.join(ag['reports'])}: agrees with gold on "
                      f"{ag['accuracy']:.3f} of {ag['pairs']} pairs, kappa {ag['kappa']:.3f}", markup=False)
    if ju["hard_cases"]:
        console.print("  hard cases: " + ", ".join(f"{k} {v['accuracy']:.2f} (n={v['n']})"
                                                   for k, v in ju["hard_cases"].items()), markup=False)


def _print_judgement_tables(ju: dict, console: Console) -> None:
    """Calibration of the judgement's confidence, and what each retrieval signal adds (with --ablation)."""
    t = Table(title="Calibration (confidence of the predicted status)", box=None, header_style="bold")
    for c in ("bin", "n", "mean_confidence", "accuracy"):
        t.add_column(c, justify="right")
    for row in ju["calibration"]:
        t.add_row(*(str(row[c]) for c in ("bin", "n", "mean_confidence", "accuracy")))
    console.print(t)
    if "ablation" in ju:
        t = Table(title="Retrieval signals: what each adds (figures with the signal removed)", box=None,
                  header_style="bold")
        for c in ("setting", "accuracy", "macro_f1", "evidence_hit_at_3"):
            t.add_column(c, justify="right")
        t.add_row("all signals", str(ju["accuracy"]), str(ju["macro_f1"]), str(ju["evidence_hit_at_3"]))
        for name, m in ju["ablation"].items():
            t.add_row(name, str(m["accuracy"]), str(m["macro_f1"]), str(m["evidence_hit_at_3"]))
        console.print(t)


def _print_reflection(r: dict, console: Console, title: str) -> None:
    """Amendment outcomes (accuracy, per outcome) and each gold class's reflection scores."""
    a = r["amendments"]
    console.print(f"{title} ({r['pairs']} pairs)", style="bold", markup=False)
    console.print(f"amendments: {a['amendments']}, read {a['read']}, spurious {a['spurious']}; outcome right "
                  f"{a['accuracy']} (of those read: {a['accuracy_of_read']})", markup=False)
    t = Table(box=None, header_style="bold")
    for c in ("outcome", "gold", "predicted", "precision", "recall"):
        t.add_column(c, justify="left" if c == "outcome" else "right")
    for name, m in a["per_outcome"].items():
        t.add_row(name, str(m["gold"]), str(m["predicted"]), str(m["precision"]), str(m["recall"]))
    console.print(t)
    p = r["proposals"]
    t = Table(title=f"Reflection of {p['proposals']} proposals ({p['extracted']} extracted as proposals)", box=None,
              header_style="bold")
    for c in ("gold class", "n", "mean", "min", "max", "in band"):
        t.add_column(c, justify="left" if c == "gold class" else "right")
    for name, m in p["by_class"].items():
        t.add_row(name, str(m["n"]), str(m["mean"]), str(m["min"]), str(m["max"]),
                  f"{m['in_band']} ({m['band'][0]}-{m['band'][1]})")
    console.print(t)


def _print_blind(bl: dict, console: Console, title: str) -> None:
    """Figures on excerpts in the forms real collections arrive in, per rendering and per form."""
    t = Table(title=title, box=None, header_style="bold")
    t.add_column("rendering / form")
    for c in BLIND_COLUMNS:
        t.add_column(c.replace("_accuracy", " acc.").replace("actor_", "actor "), justify="right")
    rows = [("all", bl["overall"])] + list(bl["by_format"].items()) + [
        (f"form: {f}", m) for f, m in bl["by_form"].items()]
    for name, m in rows:
        t.add_row(name, *(str(m[c]) for c in BLIND_COLUMNS))
    console.print(t)
    o = bl["overall"]
    console.print(f"quoted instrument right {o['quoted_from_accuracy']}, printed actor kept {o['actor_printed_accuracy']}"
                  " (actor acc. counts an explicit 'unknown' as not wrong; actor right counts only the right name)",
                  markup=False)


def _print_by_mandate(bm: dict, console: Console) -> None:
    """The headline: leave one mandate document out, so the judge never saw the requirement."""
    ci = bm.get("accuracy_ci95")
    ci_text = f" (95% interval by mandate {ci[0]:.2f}-{ci[1]:.2f})" if ci else ""
    console.print(f"\nJudgement, leave one mandate out (headline: {bm['pairs']} pairs, "
                  f"{len(bm['mandates'])} mandate documents, each judged by a judge that never saw it)", markup=False)
    console.print(f"  status accuracy {bm['accuracy']:.3f}{ci_text}   lenient {bm['accuracy_lenient']:.3f}   "
                  f"macro-F1 {bm['macro_f1']:.3f}   Brier {bm['brier']:.3f}", markup=False)
    console.print(f"  false all-clear (gold partial or not addressed, called addressed): {bm['false_all_clear']:.3f} "
                  f"of {bm['false_all_clear_pairs']} pairs", markup=False)
    base = bm.get("tfidf_baseline_hit_at_3")
    console.print(f"  evidence hit@3 {bm['evidence_hit_at_3']:.3f} over {bm['evidence_pairs']} pairs"
                  + (f"; plain TF-IDF ranking of the same pairs {base:.3f}" if base is not None else ""), markup=False)
    console.print("  per-class F1: " + ", ".join(f"{k} {v:.3f}" for k, v in bm["per_class_f1"].items()), markup=False)
    ex = bm.get("extracted_only")
    if ex:
        console.print(f"  on the {ex['pairs']} pairs whose requirement was extracted: accuracy {ex['accuracy']:.3f}, "
                      f"false all-clear {ex['false_all_clear']:.3f}", markup=False)
    t = Table(title="By held-out mandate", box=None, header_style="bold")
    for c in ("mandate", "pairs", "accuracy", "not extracted"):
        t.add_column(c, justify="right" if c != "mandate" else "left")
    for m, row in bm["mandates"].items():
        t.add_row(m, str(row["pairs"]), f"{row['accuracy']:.3f}", str(row["missing"]))
    console.print(t)
