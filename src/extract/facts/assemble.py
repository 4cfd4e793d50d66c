"""Turn a document's parsed segments into FactRecords, mapping every span back to the source text (once, here)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from extract.facts.periods import ResolvedPeriod, find_period, find_periods
from extract.facts.topics import topics_for
from extract.models import Anchor, Entity, FactRecord, Period, Quantity
from extract.models import Span as SourceSpan
from extract.parsing import (
    SPAN_KEY,
    TableScaler,
    document_dollar,
    local_dollar,
    page_number_starts,
    quantity_of,
)
from extract.reading import ReadDocument, Segment, SegmentKind, SourceDocument, page_and_box

if TYPE_CHECKING:  # spaCy itself is not imported here: a run served from the cache never loads it
    from spacy.tokens import Doc, Span

_PLACE_LABELS = ("GPE", "LOC")
# The quantity already carries the figure; these spaCy types would repeat it as an "entity".
_NUMERIC_LABELS = {"CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"}
_MAX_HOPS_TO_PREPOSITION = 3
_SENTENCE_INDEX = "extract.sentence_index"
_FIGURE_PERIOD_GAP = re.compile(r"\s+(?:in|during)\s+", re.IGNORECASE)
ANCHOR_CONTEXT = 32  # characters of read text kept each side of a figure in its anchor


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """What a document says about all its figures: its period, its place, its acronyms."""

    period: Period | None
    location: str | None
    acronyms: dict[str, str]


@dataclass(frozen=True, slots=True)
class _Named:
    """A named entity of a sentence, before the document's acronyms are known."""

    entity: Entity  # without its long form
    key: str  # the entity's text in the Doc, as acronyms are looked up
    place: bool  # a place the sentence's figures are in (not one its people came from)


@dataclass(frozen=True, slots=True)
class _Sentence:
    """What one sentence gives every figure in it, built once per sentence while its Doc is alive; what depends
    on the whole document (acronyms, the document's place and period) is added when the document is done."""

    text: str
    start_char: int  # where the sentence starts in its Doc
    named: list[_Named]
    stated: Period | None  # the period the sentence itself names
    topics: list[str]


@dataclass(frozen=True, slots=True)
class _Figure:
    """One figure of a parsed segment, kept compact (the Doc is gone) until its document is done."""

    start: int
    end: int
    quantity: str  # the Quantity in source offsets, as JSON (a fraction of the model's memory)
    subject: str | None
    sentence: _Sentence
    own_period: Period | None  # a period written right after the figure
    section: str | None
    anchor: Anchor


class DocumentAssembler:
    """A document's facts, assembled segment by segment: `add` each parsed segment's Doc in order (the Doc may be
    dropped right after: only compact figures and what the document context needs are kept), then `records()`.
    Memory follows the document's figures, not its Docs."""

    def __init__(self, document: ReadDocument, source_path: str) -> None:
        self.source = document.source
        self.cleaned = document.text
        self.path = source_path
        self.added = 0
        self._figures: list[_Figure] = []
        self._acronyms: dict[str, str] = {}
        self._places: Counter[str] = Counter()
        self._title_places: list[str] = []
        self._period: Period | None = None
        self._scaler = TableScaler()  # a table header's scale or currency, for the cells below it
        # the read text, segments joined by a newline, as anchors quote it; and where each segment starts in it
        self._read_text = "\n".join(segment.text for segment in self.cleaned.segments)
        self._segment_starts: list[int] = []
        at = 0
        for segment in self.cleaned.segments:
            self._segment_starts.append(at)
            at += len(segment.text) + 1
        self._dollar = document_dollar(self._read_text)  # what a bare "$" means here (parsing/dollars.py)

    def add(self, doc: Doc) -> None:
        """The next segment's Doc."""
        segment = self.cleaned.segments[self.added]
        self.added += 1
        self._note_context(segment, doc)
        if segment.kind is SegmentKind.BOILERPLATE:
            return
        self._scaler.apply(doc, segment.text)
        sentences: dict[int, tuple[_Sentence, list[ResolvedPeriod]]] = {}
        for span in doc.spans[SPAN_KEY]:
            sentence, sentence_ents = _sentence_of(span)
            if sentence.start not in sentences:
                sentences[sentence.start] = _sentence(self.source, segment, sentence, sentence_ents)
            read = (self._read_text, self._segment_starts[self.added - 1])
            self._figures.append(_figure(segment, span, *sentences[sentence.start], read, self._dollar))

    def _note_context(self, segment: Segment, doc: Doc) -> None:
        for pair in doc._.acronyms:
            self._acronyms.setdefault(pair["short"], pair["long"])
        if segment.kind is SegmentKind.BOILERPLATE:
            return
        for ent in doc.ents:
            if ent.label_ in _PLACE_LABELS:
                self._places[ent.text] += 1
                if segment.mapped.text == self.cleaned.title:
                    self._title_places.append(ent.text)
        opening = segment.section is None and segment.kind in (SegmentKind.HEADING, SegmentKind.PARAGRAPH)
        if self._period is None and opening:  # the title and the paragraphs before the first section heading
            stated = find_period(segment.text)
            if stated:
                self._period = _period(stated, "document")

    def context(self) -> DocumentContext:
        places = self._places
        location = self._title_places[0] if self._title_places else (places.most_common(1)[0][0] if places else None)
        return DocumentContext(self._period, location, self._acronyms)

    def records(self) -> Iterator[FactRecord]:
        """The document's facts in source order, each built when asked for (the compact figures are let go as
        they are used)."""
        if self.added != len(self.cleaned.segments):
            raise ValueError(f"{self.added} parsed segments for {len(self.cleaned.segments)} segments")
        context = self.context()
        figures, self._figures = self._figures, []
        if self.source.format != "html" and self.source.layout is None:  # a plain text copy of a document site
            pages = page_number_starts(self.source.text)
            figures = [f for f in figures if f.start not in pages]  # "1 FAO s role ...": its page's number
        figures.sort(key=lambda f: (f.start, f.end))
        figures.reverse()
        resolved: tuple[_Sentence | None, list[Entity], str | None] = (None, [], None)
        while figures:
            figure = figures.pop()
            if resolved[0] is not figure.sentence:
                resolved = (figure.sentence, *_resolve(figure.sentence, context))
            yield self._record(figure, resolved[1], resolved[2], context)

    def _record(
        self, figure: _Figure, entities: list[Entity], location: str | None, context: DocumentContext
    ) -> FactRecord:
        source, start, end = self.source, figure.start, figure.end
        return FactRecord(
            id=f"{source.doc_id}:{start}-{end}",
            doc_id=source.doc_id,
            source=self.path,
            source_sha256=source.sha256,
            encoding=source.encoding,
            span=SourceSpan(start=start, end=end),
            quote=source.text[start:end],
            quantity=Quantity.model_validate_json(figure.quantity),
            subject=figure.subject,
            sentence=figure.sentence.text,
            section=figure.section,
            entities=entities,
            period=figure.own_period or figure.sentence.stated or context.period,
            location=location,
            topics=figure.sentence.topics,
            anchor=figure.anchor,
            **_layout(source, start, end),
        )


def assemble(document: ReadDocument, docs: Iterable[Doc], source_path: str) -> list[FactRecord]:
    """Facts of one document, in source order, every offset mapped back to the source. `docs` are the parsed
    segments of `document.text`, in order; `source_path` is the path records name."""
    assembler = DocumentAssembler(document, source_path)
    for doc in docs:
        if assembler.added == len(document.text.segments):
            raise ValueError("more parsed segments than segments")
        assembler.add(doc)
    return list(assembler.records())


def _sentence(
    source: SourceDocument, segment: Segment, sentence: Span, sentence_ents: list[Span]
) -> tuple[_Sentence, list[ResolvedPeriod]]:
    """The sentence's compact context, and every period it names (baselines included) for figure-bound ones."""
    named = [ent for ent in sentence_ents if ent.label_ not in _NUMERIC_LABELS]
    periods = find_periods(sentence.text)
    stated = next((p for p in periods if not p.baseline), None)
    compact = _Sentence(
        text=sentence.text,
        start_char=sentence.start_char,
        named=[
            _Named(_entity(source, segment, ent), ent.text, ent.label_ in _PLACE_LABELS and not _is_origin(ent))
            for ent in named
        ],
        stated=_period(stated, "sentence") if stated else None,
        topics=topics_for(sentence.text, " ".join(t.lemma_ for t in sentence)),
    )
    return compact, periods


def _resolve(sentence: _Sentence, context: DocumentContext) -> tuple[list[Entity], str | None]:
    """The sentence's entities with their long forms, and its place (else the document's)."""
    entities = [_with_long_form(named, context) for named in sentence.named]
    places = [
        entity.long_form or entity.text for named, entity in zip(sentence.named, entities, strict=True) if named.place
    ]
    return entities, places[0] if places else context.location


def _with_long_form(named: _Named, context: DocumentContext) -> Entity:
    long_form = context.acronyms.get(named.key)
    return named.entity if long_form is None else named.entity.model_copy(update={"long_form": long_form})


def _figure(
    segment: Segment,
    span: Span,
    sentence: _Sentence,
    periods: list[ResolvedPeriod],
    read: tuple[str, int],
    dollar: str | None = None,
) -> _Figure:
    parsed = local_dollar(quantity_of(span), segment.text, dollar)
    start, end = segment.mapped.source_span(parsed.start, parsed.end)
    number_start, number_end = segment.mapped.source_span(parsed.number_start, parsed.number_end)
    quantity = parsed.model_copy(
        update={"start": start, "end": end, "number_start": number_start, "number_end": number_end}
    )
    own = _own_period(span, sentence, periods)
    anchor = _anchor(read, parsed.start, parsed.end, start)
    return _Figure(start, end, quantity.model_dump_json(), span._.subject, sentence, own, segment.section, anchor)


def _anchor(read: tuple[str, int], start: int, end: int, source_start: int) -> Anchor:
    """The anchor of read-text offsets start..end of a segment that starts at `read[1]` in the read text."""
    text, at = read
    start, end = at + start, at + end
    return Anchor(
        exact=text[start:end],
        prefix=text[max(0, start - ANCHOR_CONTEXT) : start],
        suffix=text[end : end + ANCHOR_CONTEXT],
        start=source_start,
    )


def _layout(source: SourceDocument, start: int, end: int) -> dict[str, object]:
    """A PDF figure's page and box; nothing for other formats."""
    if source.layout is None:
        return {}
    page, box = page_and_box(source.layout, start, end)
    return {"page": page, "bbox": box}


def _period(period: ResolvedPeriod, origin: str) -> Period:
    return Period(text=period.text, start=period.start, end=period.end, origin=origin)


def _own_period(span: Span, sentence: _Sentence, periods: list[ResolvedPeriod]) -> Period | None:
    """A period written right after the figure is the figure's own ("up from 12 in 2021": 12 is for 2021, whatever
    the rest of the sentence covers); otherwise None (the sentence's applies)."""
    end = span.end_char - sentence.start_char
    for period in periods:
        if period.offset > end and _FIGURE_PERIOD_GAP.fullmatch(sentence.text, end, period.offset):
            return _period(period, "sentence")
    return None


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


def _entity(source: SourceDocument, segment: Segment, ent: Span) -> Entity:
    start, end = segment.mapped.source_span(ent.start_char, ent.end_char)
    return Entity(text=source.text[start:end], label=ent.label_, span=SourceSpan(start=start, end=end))
