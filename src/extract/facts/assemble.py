"""Turn a document's parsed segments into FactRecords, mapping every span back to the source text (once, here)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.facts.periods import ResolvedPeriod, find_period, find_periods
from extract.facts.topics import topics_for
from extract.models import Entity, FactRecord, Period
from extract.models import Span as SourceSpan
from extract.parsing import SPAN_KEY, quantity_of, scale_tables
from extract.reading import CleanText, ReadDocument, Segment, SegmentKind, SourceDocument, page_and_box

if TYPE_CHECKING:  # spaCy itself is not imported here: a run served from the cache never loads it
    from spacy.tokens import Doc, Span

_PLACE_LABELS = ("GPE", "LOC")
# The quantity already carries the figure; these spaCy types would repeat it as an "entity".
_NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_MAX_HOPS_TO_PREPOSITION = 3
_SENTENCE_INDEX = "extract.sentence_index"
_FIGURE_PERIOD_GAP = re.compile(r"\s+(?:in|during)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What a document says about all its figures: its period, its place, its acronyms."""

    period: Period | None
    location: str | None
    acronyms: dict[str, str]


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """What one sentence gives every figure in it; built once per sentence."""

    text: str
    start_char: int  # where the sentence starts in its Doc
    entities: list[Entity]
    period: Period | None
    periods: list[ResolvedPeriod]  # every period the sentence names, baselines included, for figure-bound ones
    location: str | None
    topics: list[str]


def assemble(document: ReadDocument, docs: list[Doc], source_path: str) -> list[FactRecord]:
    """Facts of one document, in source order, every offset mapped back to the source. `docs` are the parsed
    segments of `document.text`, in order; `source_path` is the path records name."""
    source, cleaned = document.source, document.text
    context = _document_context(cleaned, docs)
    pairs = zip(cleaned.segments, docs, strict=True)
    scale_tables(doc for segment, doc in pairs if segment.kind is not SegmentKind.BOILERPLATE)
    facts: list[FactRecord] = []
    for segment, doc in zip(cleaned.segments, docs, strict=True):
        if segment.kind is SegmentKind.BOILERPLATE:
            continue
        sentences: dict[int, SentenceContext] = {}
        for span in doc.spans[SPAN_KEY]:
            sentence, sentence_ents = _sentence_of(span)
            if sentence.start not in sentences:
                sentences[sentence.start] = _sentence_context(source, segment, sentence, sentence_ents, context)
            facts.append(_fact(source, segment, span, sentences[sentence.start], source_path))
    facts.sort(key=lambda f: (f.span.start, f.span.end))
    return facts


def _sentence_context(
    source: SourceDocument, segment: Segment, sentence: Span, sentence_ents: list[Span], context: DocumentContext
) -> SentenceContext:
    named = [ent for ent in sentence_ents if ent.label_ not in _NUMERIC_LABELS]
    entities = [_entity(source, segment, ent, context) for ent in named]
    periods = find_periods(sentence.text)
    stated = next((p for p in periods if not p.baseline), None)
    period = _period(stated, "sentence") if stated else context.period
    places = [
        entity.long_form or entity.text
        for ent, entity in zip(named, entities, strict=True)
        if ent.label_ in _PLACE_LABELS and not _is_origin(ent)
    ]
    return SentenceContext(
        text=sentence.text,
        start_char=sentence.start_char,
        entities=entities,
        period=period,
        periods=periods,
        location=places[0] if places else context.location,
        topics=topics_for(sentence.text, " ".join(t.lemma_ for t in sentence)),
    )


def _fact(source: SourceDocument, segment: Segment, span: Span, sentence: SentenceContext, path: str) -> FactRecord:
    parsed = quantity_of(span)
    start, end = segment.mapped.source_span(parsed.start, parsed.end)
    number_start, number_end = segment.mapped.source_span(parsed.number_start, parsed.number_end)
    quantity = parsed.model_copy(
        update={"start": start, "end": end, "number_start": number_start, "number_end": number_end}
    )
    return FactRecord(
        id=f"{source.doc_id}:{start}-{end}",
        doc_id=source.doc_id,
        source=path,
        source_sha256=source.sha256,
        encoding=source.encoding,
        span=SourceSpan(start=start, end=end),
        quote=source.text[start:end],
        quantity=quantity,
        subject=span._.subject,
        sentence=sentence.text,
        section=segment.section,
        entities=sentence.entities,
        period=_figure_period(span, sentence),
        location=sentence.location,
        topics=sentence.topics,
        **_layout(source, start, end),
    )


def _layout(source: SourceDocument, start: int, end: int) -> dict[str, object]:
    """A PDF figure's page and box; nothing for other formats."""
    if source.layout is None:
        return {}
    page, box = page_and_box(source.layout, start, end)
    return {"page": page, "bbox": box}


def _period(period: ResolvedPeriod, origin: str) -> Period:
    return Period(text=period.text, start=period.start, end=period.end, origin=origin)


def _figure_period(span: Span, sentence: SentenceContext) -> Period | None:
    """A period written right after the figure is the figure's own ("up from 12 in 2021": 12 is for 2021, whatever
    the rest of the sentence covers); otherwise the sentence's."""
    end = span.end_char - sentence.start_char
    for period in sentence.periods:
        if period.offset > end and _FIGURE_PERIOD_GAP.fullmatch(sentence.text, end, period.offset):
            return _period(period, "sentence")
    return sentence.period


def _sentence_of(span: Span) -> tuple[Span, list[Span]]:
    """The sentence holding `span` and its entities, from an index built once per Doc (span.sent and
    Span.ents walk the whole Doc, which made long segments quadratic; sentence starts are read as one array
    rather than through doc.sents, which visits every token)."""
    doc = span.doc
    index = doc.user_data.get(_SENTENCE_INDEX)
    if index is None:
        flags = doc.to_array("SENT_START")
        flags[:1] = 1  # the first token starts a sentence whatever the parser set
        entities = list(doc.ents)
        index = doc.user_data[_SENTENCE_INDEX] = (
            [*(flags == 1).nonzero()[0].tolist(), len(doc)],
            entities,
            [e.start for e in entities],
        )
    sentence_starts, entities, entity_starts = index
    position = bisect_right(sentence_starts, span.start) - 1
    sentence = doc[sentence_starts[position] : sentence_starts[position + 1]]
    first = bisect_left(entity_starts, sentence.start)
    last = bisect_left(entity_starts, sentence.end)
    return sentence, [e for e in entities[first:last] if e.end <= sentence.end]


def _is_origin(ent: Span) -> bool:
    """A place the counted people came from ("repatriated from the Middle East") is not where the figure is."""
    token = ent.root
    for _ in range(_MAX_HOPS_TO_PREPOSITION):
        if token.dep_ == "prep" or token.head is token:
            break
        token = token.head
    return token.lower_ == "from"


def _entity(source: SourceDocument, segment: Segment, ent: Span, context: DocumentContext) -> Entity:
    start, end = segment.mapped.source_span(ent.start_char, ent.end_char)
    return Entity(
        text=source.text[start:end],
        label=ent.label_,
        span=SourceSpan(start=start, end=end),
        long_form=context.acronyms.get(ent.text),
    )


def _document_context(cleaned: CleanText, docs: list[Doc]) -> DocumentContext:
    acronyms: dict[str, str] = {}
    places: Counter[str] = Counter()
    title_places: list[str] = []
    period: Period | None = None
    for segment, doc in zip(cleaned.segments, docs, strict=True):
        for pair in doc._.acronyms:
            acronyms.setdefault(pair["short"], pair["long"])
        if segment.kind is SegmentKind.BOILERPLATE:
            continue
        for ent in doc.ents:
            if ent.label_ in _PLACE_LABELS:
                places[ent.text] += 1
                if segment.mapped.text == cleaned.title:
                    title_places.append(ent.text)
        opening = segment.section is None and segment.kind in (SegmentKind.HEADING, SegmentKind.PARAGRAPH)
        if period is None and opening:  # the title and the paragraphs before the first section heading
            stated = find_period(segment.text)
            if stated:
                period = _period(stated, "document")
    location = title_places[0] if title_places else (places.most_common(1)[0][0] if places else None)
    return DocumentContext(period, location, acronyms)
