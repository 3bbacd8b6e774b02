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
    meta = json.loads((MODELS[0] / "meta.json").read_text(encoding="utf-8"))
    meta["metrics"]["accuracy"] = 0.9123
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
    unseen = m["unseen_requirements"]
    assert f"**{m['accuracy']:.3f} / {m['macro_f1']:.4f}**" in readme
    assert f"**{m['evidence_hit_at_3']:.3f}**" in readme
    assert f"{m['accuracy_ci95'][0]:.2f}-{m['accuracy_ci95'][1]:.2f}" in readme
    assert (f"**{unseen['accuracy']:.3f} / {unseen['macro_f1']:.3f} / {unseen['evidence_hit_at_3']:.3f}**"
            in readme)
    assert "wsis-audit eval all --ablation" in readme
