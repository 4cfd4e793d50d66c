"""The pipeline against the gold files of the seeds and of the fixture reports we wrote ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT, assert_meets_gold

CASES = [(path, ROOT / "seeds") for path in sorted((FIXTURES / "seed_gold").glob("*.json"))] + [
    (path, FIXTURES / "docs") for path in sorted((FIXTURES / "gold").glob("*.json"))
]


def test_there_are_seed_and_fixture_golds():
    assert len([c for c in CASES if c[1].name == "seeds"]) == 2
    assert len([c for c in CASES if c[1].name == "docs"]) >= 3


@pytest.mark.parametrize(("gold_path", "docs"), CASES, ids=[c[0].stem for c in CASES])
def test_document_meets_gold(extractor, gold_path: Path, docs: Path):
    assert_meets_gold(extractor, gold_path, docs)
