"""Run the stages over many documents: read, clean, parse in batches, assemble facts, write.

`run` keeps the documents' order whatever happens underneath: cached documents are read back, the others are
parsed in this process or in worker processes (`jobs`), and facts are written as soon as every document before
them is done. spaCy is imported and the model loaded only when some document has to be parsed.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import re
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from extract.models import FactRecord
from extract.reading.ingest import IngestError, SourceDocument, discover, read_document
from extract.reading.text import CleanText, Segment, clean_document
from extract.run.cache import FactCache

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

BATCH_SIZE = 64
MAX_SEGMENT_CHARS = 100_000  # longer segments are cut at sentence ends (spaCy's max_length is 1,000,000)
CHUNK_DOCUMENTS = 16  # documents sent to a worker at a time
CHUNK_CHARS = 200_000  # ... or fewer, when they are long
MAX_QUEUED = 4_096  # finished documents held back behind one still being parsed, before waiting for it
# A sentence end: not after an initial or a short title ("J. Smith", "Dr. Ali", "St. Mary's", "No. 5"), and
# followed by what starts a sentence.
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\b[A-Z][a-z])(?<!\b[A-Z][a-z]{2})[.!?][\"')\]]* +(?=[A-Z0-9\"'(\[])")


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
    processed: int = 0  # documents parsed by this run
    cached: int = 0  # documents whose facts came from the cache
    written: bool = False  # False when the output already held exactly these bytes

    @property
    def succeeded(self) -> int:
        return self.documents - len(self.failures)


@dataclass(frozen=True, slots=True)
class ExtractedDocument:
    source: SourceDocument
    facts: list[FactRecord]


@dataclass(frozen=True, slots=True)
class DocumentDone:
    """A document whose facts have been written."""

    path: Path
    doc_id: str
    facts: int
    cached: bool


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


class Extractor:
    """Holds the spaCy pipeline (loaded once, on first use) and turns documents into facts."""

    def __init__(
        self, nlp: Language | None = None, model: str | None = None, max_segment_chars: int = MAX_SEGMENT_CHARS
    ) -> None:
        self._nlp = nlp
        self.model = model
        self.max_segment_chars = max_segment_chars

    @property
    def loaded(self) -> bool:
        return self._nlp is not None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from extract.parsing.entities import build_pipeline

            self._nlp = build_pipeline(self.model)
            # The loaded model is millions of objects that live as long as the process; left to the cyclic garbage
            # collector, each full collection walks them all again (about a tenth of a run's time).
            gc.freeze()
        return self._nlp

    def clean(self, source: SourceDocument) -> CleanText:
        cleaned = clean_document(source)
        segments = [piece for s in cleaned.segments for piece in split_segment(s, self.max_segment_chars)]
        return CleanText(segments, cleaned.title)

    def extract(self, sources: Iterable[SourceDocument]) -> Iterator[ExtractedDocument]:
        """Facts for each document, in the order given; segments of all documents share batches.
        The model is not loaded when there is no document."""
        iterator = iter(sources)
        first = next(iterator, None)
        if first is None:
            return
        import numpy

        from extract.facts.assemble import build_facts
        from extract.parsing.quantities import SOURCE_TEXT_KEY

        no_tensor = numpy.zeros((0,), dtype="float32")
        pending: dict[int, tuple[SourceDocument, CleanText, list[Doc]]] = {}
        order: deque[int] = deque()

        def segment_stream() -> Iterator[tuple[Doc, int]]:
            for index, source in enumerate(chain((first,), iterator)):
                cleaned = self.clean(source)
                pending[index] = (source, cleaned, [])
                order.append(index)
                for segment in cleaned.segments:
                    doc = self.nlp.make_doc(segment.text)
                    doc.user_data[SOURCE_TEXT_KEY] = segment.text
                    yield doc, index

        def complete() -> Iterator[ExtractedDocument]:
            while order:
                source, cleaned, docs = pending[order[0]]
                if len(docs) < len(cleaned.segments):
                    return
                del pending[order.popleft()]
                yield ExtractedDocument(source, build_facts(source, cleaned, docs, display_path(source.path)))

        for doc, index in self.nlp.pipe(segment_stream(), as_tuples=True, batch_size=BATCH_SIZE):
            # tok2vec's output (96 floats a token) is not read after the pipeline, and a document's Docs are
            # held until all of it is parsed: dropping it keeps a long document's memory in bounds.
            doc.tensor = no_tensor
            pending[index][2].append(doc)
            yield from complete()
        yield from complete()

    def extract_lines(self, sources: Iterable[SourceDocument]) -> Iterator[list[str]]:
        """Each document's facts as JSON lines, in the order given."""
        for extracted in self.extract(sources):
            yield [fact.model_dump_json() + "\n" for fact in extracted.facts]


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


# Worker processes: each loads the pipeline once (in the initializer) and parses chunks of documents.
_worker_extractor: Extractor | None = None


def _init_worker(model: str | None) -> None:
    global _worker_extractor
    _worker_extractor = Extractor(model=model)
    _worker_extractor.nlp  # noqa: B018 (load now, not inside the first chunk)


def _work(chunk: list[SourceDocument]) -> list[list[str]]:
    assert _worker_extractor is not None
    return list(_worker_extractor.extract_lines(chunk))


class _Processor:
    """Parses chunks of documents: here (jobs=1) or in `jobs` worker processes started on first use."""

    def __init__(self, extractor: Extractor | None, model: str | None, jobs: int) -> None:
        self.extractor = extractor
        self.model = model
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[SourceDocument]) -> Future[list[list[str]]]:
        if self.jobs > 1:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(
                    self.jobs, multiprocessing.get_context("spawn"), _init_worker, (self.model,)
                )
            return self.pool.submit(_work, chunk)
        if self.extractor is None:
            self.extractor = Extractor(model=self.model)
        done: Future[list[list[str]]] = Future()
        done.set_result(list(self.extractor.extract_lines(chunk)))
        return done

    @property
    def in_flight(self) -> int:
        return 2 * self.jobs if self.jobs > 1 else 0  # chunks submitted before waiting for the oldest

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


class _OutputFile:
    """A temporary file next to `path` that replaces it at the end, unless `path` already has the same bytes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self.handle: TextIO = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in finish/abort)
            "w", encoding="utf-8", newline="\n", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
        )

    def finish(self) -> bool:
        """Close; replace the target if its content differs. True when replaced."""
        self.handle.close()
        temporary = Path(self.handle.name)
        if _same_bytes(temporary, self.path):
            temporary.unlink()
            return False
        with open(temporary, "rb") as written:
            os.fsync(written.fileno())
        os.replace(temporary, self.path)
        with contextlib.suppress(OSError):
            folder = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)
        return True

    def abort(self) -> None:
        self.handle.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.handle.name)


def _same_bytes(a: Path, b: Path, block: int = 1 << 20) -> bool:
    try:
        if a.stat().st_size != b.stat().st_size:
            return False
        with open(a, "rb") as left, open(b, "rb") as right:
            while True:
                x, y = left.read(block), right.read(block)
                if x != y:
                    return False
                if not x:
                    return True
    except OSError:
        return False


@dataclass(slots=True)
class _Pending:
    source: SourceDocument
    display: str
    lines: list[str] | None = None
    cached: bool = False


def run(
    input_dir: Path,
    out: Path,
    extractor: Extractor | None = None,
    on_document: Callable[[DocumentDone], None] = lambda _: None,
    on_failure: Callable[[DocumentFailure], None] = lambda _: None,
    *,
    model: str | None = None,
    jobs: int = 1,
    cache: FactCache | None = None,
) -> RunResult:
    """Extract facts from every document under `input_dir` into `out` (JSON Lines, replaced atomically, and
    only when its bytes change). `jobs` > 1 parses in that many worker processes, each loading `model`."""
    paths = sorted(discover(input_dir), key=lambda p: (p.stem, p.name))
    result = RunResult()
    processor = _Processor(extractor, model, jobs)
    output = _OutputFile(out)
    queue: deque[_Pending] = deque()  # documents in order, waiting for those before them
    window: deque[tuple[list[_Pending], Future[list[list[str]]]]] = deque()
    chunk: list[_Pending] = []

    def flush() -> None:
        while queue and queue[0].lines is not None:
            done = queue.popleft()
            assert done.lines is not None
            output.handle.writelines(done.lines)
            result.facts += len(done.lines)
            on_document(DocumentDone(done.source.path, done.source.doc_id, len(done.lines), done.cached))

    def collect_oldest() -> None:
        pendings, future = window.popleft()
        for pending, lines in zip(pendings, future.result(), strict=True):
            pending.lines = lines
            result.processed += 1
            if cache is not None:
                cache.store(pending.source.doc_id, pending.source.sha256, pending.display, lines)
        flush()

    def submit() -> None:
        window.append((list(chunk), processor.submit([p.source for p in chunk])))
        chunk.clear()
        while len(window) > processor.in_flight:
            collect_oldest()

    try:
        for source in read_all(paths, result, on_failure):
            pending = _Pending(source, display_path(source.path))
            queue.append(pending)
            if cache is not None:
                pending.lines = cache.load(source.doc_id, source.sha256, pending.display)
            if pending.lines is not None:
                pending.cached = True
                result.cached += 1
                flush()
            else:
                chunk.append(pending)
                if len(chunk) >= CHUNK_DOCUMENTS or sum(len(p.source.text) for p in chunk) >= CHUNK_CHARS:
                    submit()
            while window and len(queue) > MAX_QUEUED:
                collect_oldest()
        if chunk:
            submit()
        while window:
            collect_oldest()
        flush()
    except BaseException:
        output.abort()
        raise
    finally:
        processor.close()
    result.written = output.finish()
    return result
