"""The parsing wing: text in, spaCy Docs out, each figure a span with plain values (offsets into the text given).

Public API: `build_pipeline(config)` / `shared_pipeline(config)` (the one place a pipeline is built), `parse(nlp,
texts)` (Docs for texts, batched), `quantity_of(span)` (a figure span's `Quantity`), `parse_quantities(text)`,
`SPAN_KEY` (the figures) and `REJECTED_KEY` (the numbers set aside, each span's `_.rejection` a dict of reason and
rule), `document_dollar(text)` and `local_dollar(quantity, text, dollar)` (which dollar a bare "$" means in a
document), `scale_tables(docs)` (a table header's scale and currency given to the cells below it, over one
document's Docs in order). Depends only on the models, the resources and the run configuration; reads no file of
the user's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from extract.config import RunConfig
from extract.models import Quantity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

SPAN_KEY = "quantities"
REJECTED_KEY = "rejected_numbers"
BATCH_SIZE = 64
BATCH_CHARS = 50_000  # characters parsed at once: spaCy's working memory grows with them

__all__ = [
    "BATCH_CHARS",
    "BATCH_SIZE",
    "REJECTED_KEY",
    "SPAN_KEY",
    "ParseFailure",
    "TableScaler",
    "build_pipeline",
    "document_dollar",
    "local_dollar",
    "page_number_starts",
    "parse",
    "parse_quantities",
    "quantity_of",
    "scale_tables",
    "shared_pipeline",
    "table_context",
]


def build_pipeline(config: RunConfig | None = None) -> Language:
    from extract.parsing.pipeline import build_pipeline as build

    return build(config)


def shared_pipeline(config: RunConfig | None = None) -> Language:
    from extract.parsing.pipeline import shared_pipeline as shared

    return shared(config or RunConfig())


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """What `parse` gives, in place of a Doc, for a text whose parse raised."""

    error: Exception

    def __str__(self) -> str:
        return f"{type(self.error).__name__}: {self.error}"


def parse(
    nlp: Language,
    texts: Iterable[tuple[str, Any]],
    batch_size: int = BATCH_SIZE,
    batch_chars: int = BATCH_CHARS,
    selective: bool = True,
) -> Iterator[tuple[Doc | ParseFailure, Any]]:
    """(Doc, context) for each (text, context), in order, parsed in groups of at most `batch_size` texts and about
    `batch_chars` characters (memory follows the characters in flight, not the number of texts). A text whose parse
    raises gives (ParseFailure, context) and the others go on. Each Doc's tensor is dropped: tok2vec's output (96
    floats a token) is not read after the pipeline, and a long document's Docs are held until all of it is parsed.

    `selective` (the default): the tagger, parser and figure component run only on the sentences that hold a figure
    candidate, the others get the entities the document's context reads (`parsing.selective`); False runs the
    whole pipeline on every sentence."""
    for group in _groups(texts, batch_size, batch_chars):
        yield from _parse_group(nlp, group, selective)


def _groups(texts: Iterable[tuple[str, Any]], batch_size: int, batch_chars: int) -> Iterator[list[tuple[str, Any]]]:
    group: list[tuple[str, Any]] = []
    chars = 0
    for text, context in texts:
        group.append((text, context))
        chars += len(text)
        if len(group) >= batch_size or chars >= batch_chars:
            yield group
            group, chars = [], 0
    if group:
        yield group


def _parse_group(nlp: Language, group: list[tuple[str, Any]], selective: bool) -> list[tuple[Doc | ParseFailure, Any]]:
    """The group parsed as one batch; when the batch raises, each text alone, so one bad text costs only itself."""
    import numpy

    no_tensor = numpy.zeros((0,), dtype="float32")
    try:
        docs = _parse_texts(nlp, [text for text, _ in group], selective)
        parsed: list[tuple[Doc | ParseFailure, Any]] = [(d, c) for d, (_, c) in zip(docs, group, strict=True)]
    except Exception:  # (isolated below, text by text)
        parsed = [(_parse_one(nlp, text, selective), context) for text, context in group]
    for doc, _ in parsed:
        if not isinstance(doc, ParseFailure):
            doc.tensor = no_tensor
    return parsed


def _parse_texts(nlp: Language, texts: list[str], selective: bool) -> list[Doc]:
    if not selective:
        return list(nlp.pipe(texts, batch_size=len(texts)))
    from extract.parsing.selective import parse_texts

    return parse_texts(nlp, texts, batch_size=len(texts))


def _parse_one(nlp: Language, text: str, selective: bool) -> Doc | ParseFailure:
    try:
        if not selective:
            return nlp(text)
        from extract.parsing.selective import parse_texts

        return parse_texts(nlp, [text])[0]
    except Exception as error:  # (reported as the document's failure)
        return ParseFailure(error)


def document_dollar(text: str) -> str | None:
    """The dollar a document's bare "$" means when the document says it is not the US one ("CAD", "AUD"), from
    its read text (parsing/dollars.py)."""
    from extract.parsing.dollars import document_dollar as dollar

    return dollar(text)


def local_dollar(quantity: Quantity, text: str, dollar: str | None) -> Quantity:
    """`quantity` (offsets into `text`) with the document's `dollar` for a US dollar read from a bare "$"."""
    from extract.parsing.dollars import local_dollar as local

    return local(quantity, text, dollar)


def quantity_of(span: Span) -> Quantity:
    """The figure a `quantities` span holds, as a Quantity (offsets into its Doc's text)."""
    return Quantity.model_validate(span._.quantity)


def scale_tables(docs: Iterable[Doc]) -> None:
    """The figures of table cells under a header with a scale ("Budget (in KCHF)") rescaled in place; `docs`: one
    document's parsed segments, in reading order (parsing/scales.py)."""
    scaler = TableScaler()
    for doc in docs:
        scaler.apply(doc)


class TableScaler:
    """`scale_tables` one segment at a time: `apply(doc)` to each parsed segment of a document, in reading order;
    a chart row's bare cells also get the counted noun of the paragraph before them (parsing/restated_rows.py)."""

    def __init__(self) -> None:
        from extract.parsing.restated_rows import RowAntecedent
        from extract.parsing.scales import TableScaler as Scaler

        self._scaler = Scaler()
        self._rows = RowAntecedent(SPAN_KEY)

    def apply(self, doc: Doc, text: str | None = None) -> None:
        self._scaler.apply(doc, text)
        self._rows.apply(doc, text)


def page_number_starts(text: str) -> set[int]:
    """Where a transcription's page numbers lead its pages' lines ("1 FAO s role ...", "2 Photo cover ...", "3
    ..."): offsets of numbers that are no figures (`extract.parsing.copy_pages`)."""
    from extract.parsing.copy_pages import page_number_starts as starts

    return starts(text)


def table_context(before: Sequence[str], text: str) -> list[str]:
    """Of the texts read before `text` in its document, those whose table header may give `text`'s cells a scale,
    and for a chart row the paragraph right before it (its counted noun): what `parse_quantities(text, context=...)`
    needs to read `text` as the pipeline did."""
    from extract.parsing.restated_rows import is_chart_row
    from extract.parsing.scales import table_context as context

    found = context(before, text)
    if not found and before and is_chart_row(text):
        return [before[-1]]
    return found


def parse_quantities(text: str, config: RunConfig | None = None, *, context: Sequence[str] = ()) -> list[Quantity]:
    """Every figure in `text`, with offsets into `text`. The spaCy model is loaded once per process. `context`: the
    texts read right before `text` in its document (a table's header lines), as the pipeline parsed them.

    >>> [q.low for q in parse_quantities("More than 700 people")]
    [700]
    """
    nlp = shared_pipeline(config)
    docs = [*nlp.pipe(context), nlp(text)]
    scale_tables(docs)
    return [quantity_of(span) for span in docs[-1].spans[SPAN_KEY]]
