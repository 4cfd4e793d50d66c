"""Domain knowledge as data files: numbers, qualifiers, boilerplate, entities, topics."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib.resources import files
from typing import Any

RESOURCE_FILES = (
    "numbers.json",
    "currencies.json",
    "units.json",
    "boilerplate.json",
    "entities.jsonl",
    "topics.json",
    "entity_filters.json",
    "rejections.json",
)


def resource_text(name: str) -> str:
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


@cache
def load_json(name: str) -> Any:
    return json.loads(resource_text(name))


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in resource_text(name).split("\n") if line.strip()]


def resources_digest() -> str:
    """sha256 over every resource file, so caches and versions change when the data does."""
    digest = hashlib.sha256()
    for name in RESOURCE_FILES:
        digest.update(name.encode())
        digest.update(resource_text(name).encode("utf-8"))
    return digest.hexdigest()
