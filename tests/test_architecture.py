"""The house: the import graph of the package has no cycle, and arrows between wings go one way only.

Every import counts, the lazy ones inside functions included (they hide cycles, they do not remove them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "extract"

# wing -> wings it may import (besides itself)
ALLOWED = {
    "resources": set(),
    "models": {"resources"},
    "config": set(),
    "jsonl": set(),
    "reading": {"models", "resources"},
    "parsing": {"models", "resources", "config"},
    "facts": {"reading", "parsing", "models", "resources"},
    "run": {"reading", "parsing", "facts", "models", "resources", "config", "jsonl"},
    "checks": {"reading", "parsing", "models", "resources", "config", "jsonl"},
    "schemas": {"models"},
    "api": {"parsing", "run", "models", "config"},
    "cli": {"reading", "parsing", "run", "checks", "models", "resources", "config", "jsonl", "schemas", "__init__"},
    "__init__": {"api", "models"},
    "__main__": {"cli"},
}
# wings whose package door is the only way in for the wings that are not part of extraction
PUBLIC_ONLY = {"reading", "parsing"}


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("extract")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("extract") and not node.level:
            for alias in node.names:
                # "from extract import models" names a module; "from extract.reading import read" a package member
                candidate = f"{node.module}.{alias.name}"
                found.add(candidate if _exists(candidate) else node.module)
    return found


def _exists(module: str) -> bool:
    relative = Path(*module.split(".")[1:])
    return (PACKAGE / relative).with_suffix(".py").is_file() or (PACKAGE / relative / "__init__.py").is_file()


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in sorted(PACKAGE.rglob("*.py"))}


def _wing(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_belongs_to_a_known_wing():
    assert {_wing(m) for m in _graph()} <= set(ALLOWED)


def test_the_import_graph_has_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph.get(module, ())):
            if target not in graph or target == module:
                continue
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target] if target in trail else [module, target])
            elif target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # a package's __init__ importing its own modules, and those importing a constant from the __init__, is the
    # ordinary door of a package, not a cycle between modules
    real = [c for c in cycles if len({_wing(m) for m in c}) > 1 or not _through_own_door(c)]
    assert real == []


def _through_own_door(cycle: list[str]) -> bool:
    return any(m.count(".") == 1 and all(other.startswith(m + ".") or other == m for other in cycle) for m in cycle)


@pytest.mark.parametrize("module", sorted(_graph()))
def test_arrows_between_wings_go_one_way(module):
    wing = _wing(module)
    wrong = sorted(t for t in _graph()[module] if _wing(t) != wing and _wing(t) not in ALLOWED[wing])
    assert wrong == [], f"{module} ({wing}) may not import {wrong}"


@pytest.mark.parametrize("module", sorted(m for m in _graph() if _wing(m) in ("checks", "facts", "api")))
def test_checks_and_facts_use_only_the_public_doors_of_reading_and_parsing(module):
    internals = sorted(t for t in _graph()[module] if _wing(t) in PUBLIC_ONLY and t.count(".") > 1)
    assert internals == [], f"{module} reaches into {internals}"


def test_parsing_reads_no_files_of_the_user():
    """Parsing knows no path of the user's: no wing module of it imports the reading wing, and none opens files
    except its own resources (through extract.resources) or the lexicon files named in a component's config."""
    for module, targets in _graph().items():
        if _wing(module) == "parsing":
            assert not any(_wing(t) == "reading" for t in targets), module
