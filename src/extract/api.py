"""Library entry points: quantity parsing alone, with the same models the pipeline writes."""

from __future__ import annotations

from functools import cache

from spacy.language import Language

from extract.models import Quantity
from extract.parsing.quantities import SPAN_KEY
from extract.reading.ingest import SourceDocument


@cache
def _shared_pipeline(model: str | None) -> Language:
    from extract.parsing.entities import build_pipeline

    return build_pipeline(model)


def count_facts(document: SourceDocument, model: str | None = None) -> int:
    """How many facts the pipeline gives `document` (sharing parse_quantities' model)."""
    from extract.run.runner import Extractor

    extractor = Extractor(nlp=_shared_pipeline(model), model=model)
    return sum(len(extracted.facts) for extracted in extractor.extract([document]))


def parse_quantities(text: str, model: str | None = None) -> list[Quantity]:
    """Every figure in `text`, with offsets into `text`. The spaCy model is loaded once per process.

    >>> [q.low for q in parse_quantities("More than 700 people")]
    [700]
    """
    doc = _shared_pipeline(model)(text)
    return [span._.quantity for span in doc.spans[SPAN_KEY]]
