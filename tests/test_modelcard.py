"""The model card says what meta.json says: it is generated, and a shipped card that drifts fails here."""

from __future__ import annotations

import json

import pytest

from pipeline.modelcard import render_model_card
from tests.conftest import ROOT

MODELS = sorted(p.parent for p in (ROOT / "models").glob("*/meta.json"))


@pytest.mark.parametrize("folder", MODELS, ids=lambda p: p.name)
def test_shipped_model_card_is_the_rendering_of_its_meta(folder):
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    assert (folder / "README.md").read_text(encoding="utf-8") == render_model_card(meta), (
        f"regenerate {folder.name}/README.md: python -c \"import json; from pipeline.modelcard import "
        f"render_model_card as r; p='models/{folder.name}/'; open(p + 'README.md', 'w').write("
        f"r(json.load(open(p + 'meta.json'))))\"")


def test_the_card_shows_the_figures_and_how_they_compare_to_the_targets():
    meta = json.loads((ROOT / "models" / "wsis-judge-v1" / "meta.json").read_text(encoding="utf-8"))
    meta["metrics"] |= {"accuracy": 0.9123, "pairs": 543, "family_cv_measured": True}
    card = render_model_card(meta)
    assert "| status accuracy (543 pairs) | 0.912 " in card
    assert "Status accuracy 0.912 meets the target of 0.85." in card
    meta["metrics"]["accuracy"] = 0.8
    assert "Status accuracy 0.800 is below the target of 0.85." in render_model_card(meta)


def test_a_model_without_metrics_gets_a_card_that_says_so():
    card = render_model_card({"name": "wsis-judge", "version": "9"})
    assert card.startswith("# Model card: wsis-judge v9") and "Not measured" in card


def test_readme_is_short_and_its_headline_figures_are_the_models():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 180, "the README is for users: move history to docs/history.md"
    m = json.loads((ROOT / "models" / "wsis-judge-v1" / "meta.json").read_text(encoding="utf-8"))["metrics"]
    head = m["by_mandate"]  # the headline: leave one mandate out
    assert f"**{head['accuracy']:.3f}**" in readme
    assert f"{head['accuracy_ci95'][0]:.2f}-{head['accuracy_ci95'][1]:.2f}" in readme
    assert f"**{head['false_all_clear']:.3f}**" in readme
    assert f"**{head['evidence_hit_at_3']:.3f}** (plain TF-IDF ranking of the same pairs: " \
           f"{head['tfidf_baseline_hit_at_3']:.3f})" in readme
    assert f"{head['pairs']} annotated" in readme and "leaving one mandate out" in readme
    assert "wsis-audit eval judgement" in readme


def test_the_card_leads_with_the_leave_one_mandate_out_headline():
    meta = {"name": "wsis-judge", "version": "1", "metrics": {
        "family_cv_measured": False, "by_mandate": {
            "pairs": 692, "accuracy": 0.5867, "accuracy_ci95": [0.47, 0.65], "macro_f1": 0.6012, "brier": 0.55,
            "false_all_clear": 0.1134, "evidence_hit_at_3": 0.8367, "tfidf_baseline_hit_at_3": 0.6582,
            "mandates": {"mandates/x.txt": {"pairs": 12, "accuracy": 0.5, "missing": 3}}}}}
    card = render_model_card(meta)
    assert card.index("## Headline: a mandate the judge never saw") < card.index("## Development figures")
    assert "Status accuracy 0.587 is below the target of 0.85." in card
    assert "False all-clear 0.113 is above the limit of 0.03." in card
    assert "Evidence hit@3 0.837 is below the target of 0.95, 0.178 above TF-IDF." in card
    assert "| `x.txt` | 12 | 0.500 | 3 |" in card
    assert "Cross-validation by report family was not run" in card


def test_a_false_all_clear_rate_of_zero_meets_its_limit():
    meta = {"name": "wsis-judge", "version": "1", "metrics": {"family_cv_measured": False, "by_mandate": {
        "pairs": 10, "accuracy": 0.9, "false_all_clear": 0.0, "evidence_hit_at_3": 0.96}}}
    assert "False all-clear 0.000 meets the limit of 0.03." in render_model_card(meta)
