"""The one way the quantity tests read figures: the spans of the `quantities` component with their Quantity."""

from __future__ import annotations

from spacy.language import Language

from extract.models import Quantity
from extract.parsing import SPAN_KEY, quantity_of


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
