"""Domain knowledge as data files: numbers, qualifiers, boilerplate, entities, topics."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
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


# Files read instead of the packaged resources of the same names, in this process (`use_lexicons`).
_OVERRIDES: dict[str, Path] = {}


def resource_text(name: str) -> str:
    if name in _OVERRIDES:
        return _OVERRIDES[name].read_text(encoding="utf-8")
    return files(__package__).joinpath(name).read_text(encoding="utf-8")


def use_lexicons(paths: Mapping[str, str | Path]) -> None:
    """Read these files instead of the packaged resources of the same names (`{"numbers.json":
    "my/numbers.json"}`); an empty mapping goes back to the packaged ones. The setting is the process's: the
    readings of the resources that the parsing wing keeps (its cached loaders) are dropped, so every component
    built afterwards reads the new files."""
    unknown = sorted(set(paths) - set(RESOURCE_FILES))
    if unknown:
        raise ValueError(f"unknown resource file(s) {', '.join(unknown)}: expected one of {', '.join(RESOURCE_FILES)}")
    chosen = {name: Path(path) for name, path in paths.items()}
    missing = sorted(str(path) for path in chosen.values() if not path.is_file())
    if missing:
        raise FileNotFoundError(f"lexicon file(s) not found: {', '.join(missing)}")
    if chosen == _OVERRIDES:
        return
    _OVERRIDES.clear()
    _OVERRIDES.update(chosen)
    _drop_cached_readings()


def lexicons_digest(paths: Mapping[str, str | Path]) -> str:
    """sha256 over the names and contents of lexicon files given in place of packaged resources."""
    digest = hashlib.sha256()
    for name in sorted(paths):
        digest.update(name.encode())
        digest.update(Path(paths[name]).read_bytes())
    return digest.hexdigest()


def _drop_cached_readings() -> None:
    for name, module in list(sys.modules.items()):
        if name == __name__ or name.startswith("extract.parsing"):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear) and getattr(value, "__module__", None) == name:
                    clear()


@cache
def load_json(name: str) -> Any:
    return json.loads(resource_text(name))


def load_jsonl(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in resource_text(name).split("\n") if line.strip()]


def resources_digest() -> str:
    """sha256 over every packaged resource file, so caches and versions change when the data does (files given in
    their place are counted by `lexicons_digest`)."""
    digest = hashlib.sha256()
    for name in RESOURCE_FILES:
        digest.update(name.encode())
        digest.update(files(__package__).joinpath(name).read_text(encoding="utf-8").encode("utf-8"))
    return digest.hexdigest()
