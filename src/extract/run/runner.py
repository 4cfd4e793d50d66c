"""Run the pipeline over many documents: read, look up the cache, parse in batches, write in order.

`run` keeps the documents' order whatever happens underneath: cached documents are read back, the others are
parsed in this process or in worker processes (`jobs`), and facts are written as soon as every document before
them is done, through one atomic JSON Lines file (`extract.jsonl`). spaCy is imported and the model loaded only
when some document has to be parsed.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from extract.config import RunConfig
from extract.jsonl import AtomicFile
from extract.reading import IngestError, ReadDocument, SourceDocument, discover, load, segments_of
from extract.run.cache import FactCache
from extract.run.extractor import Extractor, display_path, unexpected

CHUNK_DOCUMENTS = 16  # documents sent to a worker at a time
CHUNK_CHARS = 200_000  # ... or fewer, when they are long
MAX_QUEUED = 4_096  # finished documents held back behind one still being parsed, before waiting for it


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
    kept_existing: bool = False  # no document could be read, and the existing output was kept

    @property
    def succeeded(self) -> int:
        return self.documents - len(self.failures)


@dataclass(frozen=True, slots=True)
class DocumentDone:
    """A document whose facts have been written."""

    path: Path
    doc_id: str
    facts: int
    cached: bool


def read_all(
    paths: Iterable[tuple[Path, str]], result: RunResult, on_failure: Callable[[DocumentFailure], None]
) -> Iterator[SourceDocument]:
    """Documents that can be decoded, from (path, doc_id) pairs; each one that cannot is recorded and reported,
    and the rest go on."""
    seen_ids: dict[str, Path] = {}
    for path, doc_id in paths:
        result.documents += 1
        try:
            source = load(path, doc_id=doc_id)
            if source.doc_id in seen_ids:
                raise IngestError(path, f"duplicate document id {source.doc_id!r} (also {seen_ids[source.doc_id]})")
            seen_ids[source.doc_id] = path
        except IngestError as error:
            _fail(result, on_failure, DocumentFailure(path, error.reason))
            continue
        except Exception as error:  # (one document's failure, reported with its name)
            _fail(result, on_failure, DocumentFailure(path, unexpected("reading", error)))
            continue
        yield source


def _fail(result: RunResult, on_failure: Callable[[DocumentFailure], None], failure: DocumentFailure) -> None:
    result.failures.append(failure)
    on_failure(failure)


# Worker processes: each loads the pipeline once (in the initializer) and parses chunks of documents.
_worker_extractor: Extractor | None = None


def _init_worker(config: RunConfig, parent: int) -> None:
    global _worker_extractor
    _exit_with_parent(parent)
    _worker_extractor = Extractor(config)
    _worker_extractor.nlp  # noqa: B018 (load now, not inside the first chunk)


def _exit_with_parent(parent: int, interval: float = 0.5) -> None:
    """A worker ends when the run that started it dies (killed with -9, it cannot shut its pool down): a thread
    watches the parent's pid and ends the process within `interval` seconds of its death. (Not PR_SET_PDEATHSIG:
    it fires when the parent *thread* that started the worker ends, which a pool may do from a passing thread.)
    `parent` is the run's pid as the run gave it: a parent killed while the worker was starting is seen too."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(1)

    threading.Thread(target=watch, name="extract-parent-watch", daemon=True).start()


def _work(chunk: list[ReadDocument]) -> list[tuple[list[str], str | None]]:
    assert _worker_extractor is not None
    return list(_worker_extractor.extract_lines(chunk))


class EngineError(Exception):
    """Where chunks are parsed could not be reached or started (a Dask scheduler, `dask_engine`)."""


Outcomes = list[tuple[list[str], str | None]]  # a chunk's documents: their JSON lines, or why each failed


class ChunkFuture(Protocol):
    def result(self) -> Outcomes: ...


class Processor(Protocol):
    """Where chunks of read documents are parsed: `submit` sends one chunk, `in_flight` chunks may be sent before
    the oldest is awaited, `close` ends what the processor started (the local one below; `dask_engine`'s)."""

    def submit(self, chunk: list[ReadDocument]) -> ChunkFuture: ...

    @property
    def in_flight(self) -> int: ...

    def close(self) -> None: ...


class _Processor:
    """Parses chunks of documents: here (jobs=1) or in `jobs` worker processes started on first use."""

    def __init__(self, extractor: Extractor | None, config: RunConfig, jobs: int) -> None:
        self.extractor = extractor
        self.config = config
        self.jobs = jobs
        self.pool: ProcessPoolExecutor | None = None

    def submit(self, chunk: list[ReadDocument]) -> Future[list[tuple[list[str], str | None]]]:
        if self.jobs > 1:
            if self.pool is None:
                self.pool = ProcessPoolExecutor(
                    self.jobs, multiprocessing.get_context("spawn"), _init_worker, (self.config, os.getpid())
                )
            return self.pool.submit(_work, chunk)
        if self.extractor is None:
            self.extractor = Extractor(self.config)
        done: Future[list[tuple[list[str], str | None]]] = Future()
        try:
            done.set_result(list(self.extractor.extract_lines(chunk)))
        except Exception as error:  # (the chunk's documents fail; the run goes on)
            done.set_exception(error)
        return done

    @property
    def in_flight(self) -> int:
        return 2 * self.jobs if self.jobs > 1 else 0  # chunks submitted before waiting for the oldest

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)


@dataclass(slots=True)
class _Pending:
    source: SourceDocument
    display: str
    lines: list[str] | None = None
    cached: bool = False
    document: ReadDocument | None = None
    failed: bool = False


def documents_under(input_dir: Path) -> list[tuple[Path, str]]:
    """Every report under `input_dir` (sub-folders included) with its document id: its path relative to the
    folder, without the suffix ("report", "2024/report"), in a stable order."""
    named = [(path, path.relative_to(input_dir).with_suffix("").as_posix()) for path in discover(input_dir)]
    return sorted(named, key=lambda pair: (pair[1], pair[0].name))


def run(
    input_dir: Path,
    out: Path,
    extractor: Extractor | None = None,
    on_document: Callable[[DocumentDone], None] = lambda _: None,
    on_failure: Callable[[DocumentFailure], None] = lambda _: None,
    *,
    config: RunConfig | None = None,
    jobs: int = 1,
    cache: FactCache | None = None,
    keep_existing: bool = False,
    processor: Processor | None = None,
) -> RunResult:
    """Extract facts from every document under `input_dir` into `out` (JSON Lines, replaced atomically, and
    only when its bytes change). `jobs` > 1 parses in that many worker processes, each loading the model of
    `config`. With `keep_existing`, a run in which no document could be read leaves a non-empty `out` as it is
    (`result.kept_existing`): an empty folder or a failing disk never replaces the user's facts with nothing.
    `processor` parses elsewhere (a Dask cluster, `extract.run.dask_engine`) instead of `jobs`; it is closed here."""
    config = config or (extractor.config if extractor is not None else RunConfig())
    paths = documents_under(input_dir)
    result = RunResult()
    processor = processor or _Processor(extractor, config, jobs)
    output = AtomicFile(out)
    queue: deque[_Pending] = deque()  # documents in order, waiting for those before them
    window: deque[tuple[list[_Pending], ChunkFuture]] = deque()
    chunk: list[_Pending] = []

    def flush() -> None:
        while queue and queue[0].lines is not None:
            done = queue.popleft()
            assert done.lines is not None
            if done.failed:
                continue
            output.writelines(done.lines)
            result.facts += len(done.lines)
            on_document(DocumentDone(done.source.path, done.source.doc_id, len(done.lines), done.cached))

    def fail(pending: _Pending, reason: str) -> None:
        pending.lines, pending.failed, pending.document = [], True, None
        _fail(result, on_failure, DocumentFailure(pending.source.path, reason))

    def collect_oldest() -> None:
        pendings, future = window.popleft()
        try:
            outcomes = future.result()
        except Exception as error:  # (a worker that died, a chunk that could not be sent)
            outcomes = [([], unexpected("parsing", error))] * len(pendings)
        for pending, (lines, failure) in zip(pendings, outcomes, strict=True):
            if failure is not None:
                fail(pending, failure)
                continue
            pending.lines = lines
            pending.document = None
            result.processed += 1
            if cache is not None:
                cache.store(pending.source, pending.display, lines)
        flush()

    def submit() -> None:
        documents = [p.document for p in chunk if p.document is not None]
        window.append((list(chunk), processor.submit(documents)))
        chunk.clear()
        while len(window) > processor.in_flight:
            collect_oldest()

    try:
        for source in read_all(paths, result, on_failure):
            pending = _Pending(source, display_path(source.path))
            if cache is not None:
                pending.lines = cache.load(source, pending.display)
            if pending.lines is not None:
                pending.cached = True
                result.cached += 1
                queue.append(pending)
                flush()
                continue
            try:
                pending.document = ReadDocument(source, segments_of(source))
            except IngestError as error:
                _fail(result, on_failure, DocumentFailure(source.path, error.reason))
                continue
            except Exception as error:  # (one document's failure, reported with its name)
                _fail(result, on_failure, DocumentFailure(source.path, unexpected("reading", error)))
                continue
            queue.append(pending)
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
        output.discard()
        raise
    finally:
        processor.close()
    if keep_existing and result.succeeded == 0 and _holds_bytes(out):
        output.discard()
        result.kept_existing = True
        return result
    result.written = output.commit(only_if_changed=True)
    return result


def _holds_bytes(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False
