"""Fact assembly: the per-Doc sentence index gives what spaCy's own span.sent and Span.ents give."""

from __future__ import annotations

from extract.facts import _sentence_of
from extract.quantities import SPAN_KEY

from .conftest import FIXTURES, ROOT


def test_sentence_index_matches_spacy_sentences(nlp) -> None:
    paths = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((FIXTURES / "docs").glob("*.txt"))]
    checked = 0
    for doc in nlp.pipe(path.read_text("utf-8") for path in paths):
        for span in doc.spans[SPAN_KEY]:
            sentence, entities = _sentence_of(span)
            assert (sentence.start, sentence.end) == (span.sent.start, span.sent.end)
            assert [(e.start, e.end, e.label_) for e in entities] == [
                (e.start, e.end, e.label_) for e in span.sent.ents
            ]
            checked += 1
    assert checked > 100
