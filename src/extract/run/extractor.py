"""Documents to facts, the pipeline itself: `assemble(parse(read(path)))`, batched across documents.

`extract_document` is the whole pipeline for one file, readable in one line; `Extractor.extract` is the same for a
stream of read documents, their segments sharing spaCy's batches, each document's facts given back as soon as all
its segments are parsed. The model is loaded on first use, through the run configuration.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from extract.config import RunConfig
from extract.facts import DocumentAssembler, assemble
from extract.models import FactRecord
from extract.parsing import ParseFailure, parse, shared_pipeline
from extract.reading import CleanText, IngestError, ReadDocument, Segment, SourceDocument, read, segments_of

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_T = TypeVar("_T")

MAX_SEGMENT_CHARS = 100_000  # longer segments are cut at sentence ends (spaCy's max_length is 1,000,000)
# A sentence end: not after an initial or a short title ("J. Smith", "Dr. Ali", "St. Mary's", "No. 5"), and
# followed by what starts a sentence.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"')\]]* +(?=[A-Z0-9\"'(\[])")


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    document: ReadDocument
    facts: list[FactRecord]
    failure: str | None = None  # why the document gave no facts: an unexpected error segmenting, parsing or assembling


def display_path(path: Path) -> str:
    """The path as records show it: relative to the working folder when inside it, with forward slashes."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def _cut(text: str, start: int, limit: int) -> tuple[int, int]:
    """Where the piece of `text` starting at `start` ends, and where the next one starts: after the last
    sentence end in the second half of the window, else at its last space, else at the limit."""
    if len(text) - start <= limit:
        return len(text), len(text)
    floor, ceiling = start + limit // 2, start + limit
    last = None
    for last in _SENTENCE_END.finditer(text, floor, ceiling + 1):  # noqa: B007 (the last match is wanted)
        pass
    if last is not None:
        return last.end() - 1, last.end()  # the single space after the sentence (clean text has no runs)
    space = text.rfind(" ", floor, ceiling)
    if space > start:
        return space, space + 1
    return ceiling, ceiling


def split_segment(segment: Segment, limit: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """The segment cut into pieces of at most `limit` characters, each mapped to its own source offsets."""
    text = segment.text
    if len(text) <= limit:
        return [segment]
    pieces: list[Segment] = []
    start = 0
    while start < len(text):
        end, start_next = _cut(text, start, limit)
        pieces.append(Segment(segment.kind, segment.mapped.slice(start, end), segment.section, segment.reason))
        start = start_next
    return pieces


def bounded(document: ReadDocument, limit: int = MAX_SEGMENT_CHARS) -> ReadDocument:
    """The document with every segment longer than `limit` cut into pieces."""
    segments = [piece for s in document.text.segments for piece in split_segment(s, limit)]
    return ReadDocument(document.source, CleanText(segments, document.text.title))


class Extractor:
    """Turns read documents into facts with the pipeline of `config` (loaded once per process, on first use)."""

    def __init__(
        self,
        config: RunConfig | None = None,
        *,
        nlp: Language | None = None,
        max_segment_chars: int = MAX_SEGMENT_CHARS,
    ) -> None:
        self.config = config or RunConfig()
        self._nlp = nlp
        self.max_segment_chars = max_segment_chars

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = shared_pipeline(self.config)
        return self._nlp

    def extract(self, documents: Iterable[ReadDocument | SourceDocument]) -> Iterator[ExtractedDocument]:
        """Facts for each document, in the order given (a decoded source is segmented first). The model is not
        loaded when there is no document."""
        for in_flight in self._finished(documents):
            yield in_flight.result()

    def extract_lines(
        self, documents: Iterable[ReadDocument | SourceDocument]
    ) -> Iterator[tuple[list[str], str | None]]:
        """Each document's facts as JSON lines, and the reason it failed (None when it did not), in the order given.
        Each record is serialised as it is built, so a document's records are never all held at once."""
        for in_flight in self._finished(documents):
            lines = in_flight.lines()
            yield lines, in_flight.failure

    def _finished(self, documents: Iterable[ReadDocument | SourceDocument]) -> Iterator[_InFlight]:
        """Each document once all its segments are parsed, in the order given; each Doc goes to its document's
        assembler as soon as it is parsed and is dropped there."""
        iterator = iter(documents)
        first = next(iterator, None)
        if first is None:
            return
        pending: dict[int, _InFlight] = {}
        order: deque[int] = deque()

        def texts() -> Iterator[tuple[str, int]]:
            for index, document in enumerate(chain((first,), iterator)):
                in_flight = _start(document, self.max_segment_chars)
                pending[index] = in_flight
                order.append(index)
                for segment in in_flight.document.text.segments if in_flight.failure is None else ():
                    yield segment.text, index

        def complete() -> Iterator[_InFlight]:
            while order:
                in_flight = pending[order[0]]
                if in_flight.failure is None and in_flight.parsed < len(in_flight.document.text.segments):
                    return
                del pending[order.popleft()]
                yield in_flight

        for doc, index in parse(self.nlp, texts()):
            in_flight = pending.get(index)
            if in_flight is None:  # a segment of a document that failed and was given back already
                continue
            if isinstance(doc, ParseFailure):
                in_flight.fail("parsing", doc.error)
            else:
                in_flight.add(doc)
            yield from complete()
        yield from complete()


def unexpected(stage: str, error: BaseException) -> str:
    """The reason a document failed on an error nobody foresaw: the stage, the error's type and message."""
    return f"unexpected error while {stage}: {type(error).__name__}: {error}"


class _InFlight:
    """A document whose segments are being parsed: its assembler (fed each Doc as it comes), or why it failed."""

    def __init__(self, document: ReadDocument, failure: str | None = None) -> None:
        self.document = document
        self.failure = failure
        self.parsed = 0
        self.assembler: DocumentAssembler | None = None
        if failure is None:
            self.assembler = DocumentAssembler(document, display_path(document.source.path))

    def fail(self, stage: str, error: BaseException) -> None:
        if self.failure is None:
            self.failure = unexpected(stage, error)
        self.assembler = None

    def add(self, doc: Doc) -> None:
        self.parsed += 1
        if self.assembler is None:
            return
        try:
            self.assembler.add(doc)
        except Exception as error:  # (one document's failure, reported with its name)
            self.fail("assembling its facts", error)

    def result(self) -> ExtractedDocument:
        facts = self._collect(list)
        return ExtractedDocument(self.document, facts or [], self.failure)

    def lines(self) -> list[str]:
        return self._collect(lambda records: [record.model_dump_json() + "\n" for record in records]) or []

    def _collect(self, gather: Callable[[Iterator[FactRecord]], _T]) -> _T | None:
        if self.assembler is None:
            return None
        try:
            return gather(self.assembler.records())
        except Exception as error:  # (one document's failure, reported with its name)
            self.fail("assembling its facts", error)
            return None


def _start(document: ReadDocument | SourceDocument, limit: int) -> _InFlight:
    """The document segmented (when only decoded) and bounded; a failure there costs this document only."""
    source = document if isinstance(document, SourceDocument) else document.source
    try:
        if isinstance(document, SourceDocument):
            document = ReadDocument(document, segments_of(document))
        return _InFlight(bounded(document, limit))
    except Exception as error:  # (one document's failure, reported with its name)
        reason = error.reason if isinstance(error, IngestError) else unexpected("reading", error)
        return _InFlight(ReadDocument(source, CleanText([], None)), failure=reason)


def extract_document(path: Path, config: RunConfig | None = None) -> list[FactRecord]:
    """The facts of one report: read it, parse its segments, assemble its records."""
    document = bounded(read(path))
    texts = ((segment.text, None) for segment in document.text.segments)

    def docs() -> Iterator[Doc]:
        for doc, _ in parse(shared_pipeline(config), texts):
            if isinstance(doc, ParseFailure):
                raise doc.error
            yield doc

    return assemble(document, docs(), display_path(path))
