"""Fact assembly: the per-Doc sentence index gives what spaCy's own span.sent and Span.ents give."""

from __future__ import annotations

from extract.facts.assemble import _sentence_of
from extract.parsing import SPAN_KEY

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


def test_a_period_right_after_a_figure_is_its_own(extractor) -> None:
    from pathlib import Path

    from extract.reading.ingest import SourceDocument

    text = (
        "Water report, first half of 2024\n\n"
        "The network now delivers up to 40 litres a day, up from 12 in 2021.\n\n"
        "We vaccinated 120,000 animals, a 30% increase on 2023.\n"
    )
    source = SourceDocument("water", Path("water.txt"), text, "0" * 64, "txt", "utf-8")
    [extracted] = list(extractor.extract([source]))
    periods = {fact.quote: (fact.period.text, fact.period.origin) for fact in extracted.facts if fact.period}
    assert periods == {
        "up to 40 litres": ("first half of 2024", "document"),  # 2021 is what it is compared with
        "12": ("2021", "sentence"),
        "120,000 animals": ("first half of 2024", "document"),
        "30%": ("first half of 2024", "document"),
    }
