"""The parsing wing: text in, spaCy Docs out, each figure a span with plain values (offsets into the text given).

Public API: `build_pipeline(config)` / `shared_pipeline(config)` (the one place a pipeline is built), `parse(nlp,
texts)` (Docs for texts, batched), `quantity_of(span)` (a figure span's `Quantity`), `parse_quantities(text)`,
`SPAN_KEY` (the figures) and `REJECTED_KEY` (the numbers set aside, each span's `_.rejection` a dict of reason and
rule). Depends only on the models, the resources and the run configuration; reads no file of the user's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from extract.config import RunConfig
from extract.models import Quantity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

SPAN_KEY = "quantities"
REJECTED_KEY = "rejected_numbers"
BATCH_SIZE = 64

__all__ = [
    "BATCH_SIZE",
    "REJECTED_KEY",
    "SPAN_KEY",
    "build_pipeline",
    "parse",
    "parse_quantities",
    "quantity_of",
    "shared_pipeline",
]


def build_pipeline(config: RunConfig | None = None) -> Language:
    from extract.parsing.pipeline import build_pipeline as build

    return build(config)


def shared_pipeline(config: RunConfig | None = None) -> Language:
    from extract.parsing.pipeline import shared_pipeline as shared

    return shared(config or RunConfig())


def parse(nlp: Language, texts: Iterable[tuple[str, Any]], batch_size: int = BATCH_SIZE) -> Iterator[tuple[Doc, Any]]:
    """(Doc, context) for each (text, context), in order, parsed in batches. Each Doc's tensor is dropped: tok2vec's
    output (96 floats a token) is not read after the pipeline, and a long document's Docs are held until all of it
    is parsed."""
    import numpy

    no_tensor = numpy.zeros((0,), dtype="float32")
    stream = ((nlp.make_doc(text), context) for text, context in texts)
    for doc, context in nlp.pipe(stream, as_tuples=True, batch_size=batch_size):
        doc.tensor = no_tensor
        yield doc, context


def quantity_of(span: Span) -> Quantity:
    """The figure a `quantities` span holds, as a Quantity (offsets into its Doc's text)."""
    return Quantity.model_validate(span._.quantity)


def parse_quantities(text: str, config: RunConfig | None = None) -> list[Quantity]:
    """Every figure in `text`, with offsets into `text`. The spaCy model is loaded once per process.

    >>> [q.low for q in parse_quantities("More than 700 people")]
    [700]
    """
    doc = shared_pipeline(config)(text)
    return [quantity_of(span) for span in doc.spans[SPAN_KEY]]
