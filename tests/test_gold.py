"""The pipeline against the gold files of the seeds and of the fixture reports we wrote ourselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.evaluate import evaluate, load_gold
from extract.ingest import read_document

from .conftest import FIXTURES, ROOT

CASES = [(path, ROOT / "seeds") for path in sorted((FIXTURES / "seed_gold").glob("*.json"))] + [
    (path, FIXTURES / "docs") for path in sorted((FIXTURES / "gold").glob("*.json"))
]


def test_there_are_seed_and_fixture_golds():
    assert len([c for c in CASES if c[1].name == "seeds"]) == 2
    assert len([c for c in CASES if c[1].name == "docs"]) >= 3


@pytest.mark.parametrize(("gold_path", "docs"), CASES, ids=[c[0].stem for c in CASES])
def test_document_meets_gold(extractor, gold_path: Path, docs: Path):
    gold = load_gold(gold_path)
    source = read_document(docs / gold.source.file)
    assert source.sha256 == gold.text_sha256, "gold annotations refer to other bytes"
    [extracted] = list(extractor.extract([source]))
    score = evaluate([gold], {gold.doc_id: source.text}, extracted.facts).documents[0]
    assert score.misses == [], "every gold fact is found"
    assert score.recall == 1.0
    assert score.precision >= 0.95, score.extras
    assert score.qualifier_errors == []
    assert score.unit_errors == []
    assert score.trap_hits == []
    assert score.span_mismatches == []
    for fact in extracted.facts:
        assert source.text[fact.span.start : fact.span.end] == fact.quote
