"""JSON Schema files generated from the Pydantic models."""

from __future__ import annotations

import json

from extract.models import SCHEMA_MODELS


def render_schemas() -> dict[str, str]:
    """Schema name -> file text, stable byte for byte."""
    return {
        name: json.dumps(model.model_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
        for name, model in SCHEMA_MODELS.items()
    }
