"""Run the stages over many documents: read, clean, parse in batches, assemble facts, write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from extract.clean import CleanText, clean
from extract.facts import build_facts
from extract.ingest import IngestError, SourceDocument, discover, read_document
from extract.models import FactRecord
from extract.output import atomic_writer, to_json_line

BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class DocumentFailure:
    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


@dataclass(slots=True)
class RunResult:
    documents: int = 0
    facts: int = 0
    failures: list[DocumentFailure] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return self.documents - len(self.failures)


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    source: SourceDocument
    facts: list[FactRecord]


def display_path(path: Path) -> str:
    """The path as records show it: relative to the working folder when inside it, with forward slashes."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


class Extractor:
    """Holds the spaCy pipeline (loaded once) and turns documents into facts."""

    def __init__(self, nlp: Language | None = None, model: str | None = None) -> None:
        if nlp is None:
            from extract.nlp import build_pipeline

            nlp = build_pipeline(model)
        self.nlp = nlp

    def extract(self, sources: Iterable[SourceDocument]) -> Iterator[ExtractedDocument]:
        """Facts for each document, in the order given; segments of all documents share batches."""
        pending: dict[int, tuple[SourceDocument, CleanText, list[Doc]]] = {}
        order: list[int] = []

        def segment_stream() -> Iterator[tuple[str, int]]:
            for index, source in enumerate(sources):
                cleaned = clean(source.text)
                pending[index] = (source, cleaned, [])
                order.append(index)
                for segment in cleaned.segments:
                    yield segment.text, index

        for doc, index in self.nlp.pipe(segment_stream(), as_tuples=True, batch_size=BATCH_SIZE):
            pending[index][2].append(doc)
            yield from self._complete(pending, order)
        yield from self._complete(pending, order)

    def _complete(
        self, pending: dict[int, tuple[SourceDocument, CleanText, list[Doc]]], order: list[int]
    ) -> Iterator[ExtractedDocument]:
        while order:
            source, cleaned, docs = pending[order[0]]
            if len(docs) < len(cleaned.segments):
                return
            del pending[order.pop(0)]
            yield ExtractedDocument(source, build_facts(source, cleaned, docs, display_path(source.path)))


def read_all(
    paths: Iterable[Path], result: RunResult, on_failure: Callable[[DocumentFailure], None]
) -> Iterator[SourceDocument]:
    """Documents that can be read; each one that cannot is recorded and reported, and the rest go on."""
    seen_ids: dict[str, Path] = {}
    for path in paths:
        result.documents += 1
        try:
            source = read_document(path)
            if source.doc_id in seen_ids:
                raise IngestError(path, f"duplicate document id {source.doc_id!r} (also {seen_ids[source.doc_id]})")
            seen_ids[source.doc_id] = path
        except IngestError as error:
            failure = DocumentFailure(path, error.reason)
            result.failures.append(failure)
            on_failure(failure)
            continue
        yield source


def run(
    input_dir: Path,
    out: Path,
    extractor: Extractor,
    on_document: Callable[[ExtractedDocument], None] = lambda _: None,
    on_failure: Callable[[DocumentFailure], None] = lambda _: None,
) -> RunResult:
    """Extract facts from every document under `input_dir` into `out` (JSON Lines, replaced atomically)."""
    paths = sorted(discover(input_dir), key=lambda p: (p.stem, p.name))
    result = RunResult()
    with atomic_writer(out) as handle:
        for extracted in extractor.extract(read_all(paths, result, on_failure)):
            for fact in extracted.facts:
                handle.write(to_json_line(fact))
            result.facts += len(extracted.facts)
            on_document(extracted)
    return result
