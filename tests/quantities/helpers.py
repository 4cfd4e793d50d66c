"""The one way the quantity tests read figures: the spans of the `quantities` component with their Quantity."""

from __future__ import annotations

from spacy.language import Language

from extract.models import Quantity
from extract.parsing import REJECTED_KEY, SPAN_KEY, quantity_of, shared_pipeline


def read_figures(nlp: Language, text: str) -> list[tuple[str, Quantity]]:
    """(span text, Quantity) of every figure in `text`, checking on the way that each Quantity's phrase offsets
    lie inside its span."""
    figures = []
    doc = nlp(text)  # held while its span group is read
    for span in doc.spans[SPAN_KEY]:
        quantity = quantity_of(span)
        assert span.start_char <= quantity.start < quantity.end <= span.end_char
        figures.append((span.text, quantity))
    return figures


def rejections_in(text: str) -> dict[str, tuple[str, str]]:
    """Number text -> (reason, rule) of every number the shared pipeline rejects in `text`."""
    doc = shared_pipeline()(text)
    return {span.text: (span._.rejection["reason"], span._.rejection["rule"]) for span in doc.spans[REJECTED_KEY]}


def figure_values(text: str) -> dict[str, float | None]:
    """Span text -> value of every figure the shared pipeline reads in `text`."""
    return {span: q.value for span, q in read_figures(shared_pipeline(), text)}
