from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
# the robustness corpus of real PDFs (issue 13): ../shared/pdf beside the checkout, or $EXTRACT_SHARED_PDF (a clone
# made elsewhere, as /tmp/clone, points there; without it the tests that need the corpus say it is missing)
SHARED_PDF = Path(os.environ.get("EXTRACT_SHARED_PDF") or ROOT.parent / "shared" / "pdf")


@pytest.fixture(scope="session")
def extractor():
    from extract.run import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def nlp(extractor):
    return extractor.nlp


def assert_meets_gold(extractor, gold_path: Path, docs: Path) -> None:
    """The gold bar of the project: every gold fact found with its qualifier and unit, precision >= 0.95,
    no fact on a non-fact, and every quote and entity equal to the source at its span."""
    from extract.checks.evaluate import evaluate, load_gold
    from extract.reading import read_document

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
        assert all(source.text[e.span.start : e.span.end] == e.text for e in fact.entities)
