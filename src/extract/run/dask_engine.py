"""The DASK engine: the same run, with chunks of documents parsed on a Dask distributed cluster.

`run(...)` is `extract.run.run` with a processor that sends chunks to the cluster's workers, so the runner's
order, cache and single atomic writer are the same code as locally. Documents are read and segmented in the
client (the cache is asked there, by sha256, and hits never leave it); a chunk travels as `ReadDocument`s, so the
workers need the package and the model installed but not the files. Each worker process loads the pipeline once
(`_LoadPipeline`, a worker plugin; `shared_pipeline` keeps it), and gives back each document's JSON lines or why it
failed, as `Extractor.extract_lines` does locally.

Needs the optional extra: `pip install "extract[dask]"`. Nothing else in the package imports this module.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from distributed import Client, LocalCluster, WorkerPlugin

from extract.config import RunConfig
from extract.parsing import shared_pipeline
from extract.reading import ReadDocument
from extract.run.cache import FactCache
from extract.run.extractor import Extractor, display_path
from extract.run.runner import DocumentDone, DocumentFailure, EngineError, Outcomes, RunResult
from extract.run.runner import run as run_locally

CONNECT_TIMEOUT = "30s"


# One pipeline per worker process; a worker with several threads parses one chunk at a time (spaCy gains nothing
# from threads under the GIL, and one Language object is not meant to be shared by concurrent pipes).
_parse_lock = threading.Lock()


def _extract_chunk(config: RunConfig, chunk: list[ReadDocument]) -> Outcomes:
    with _parse_lock:
        return list(Extractor(config).extract_lines(chunk))


class _LoadPipeline(WorkerPlugin):
    """Loads the pipeline of `config` when a worker starts (or joins later), not inside its first chunk."""

    def __init__(self, config: RunConfig) -> None:
        self.config = config
        self.name = "extract-pipeline-" + hashlib.sha256(repr(config).encode()).hexdigest()[:12]

    def setup(self, worker: Any) -> None:
        # A worker that cannot load it (no model installed there) still joins: its first chunk tries again and
        # names each document with the reason, as a local run would.
        with contextlib.suppress(Exception):
            shared_pipeline(self.config)


def _portable(document: ReadDocument) -> ReadDocument:
    """The document with its path as records show it (relative to the client's folder when inside it): a worker
    turns the path into the record's `source` against its own working folder, which is not the client's."""
    source = dataclasses.replace(document.source, path=Path(display_path(document.source.path)))
    return dataclasses.replace(document, source=source)


class DaskProcessor:
    """Sends chunks to a Dask cluster: the scheduler at `scheduler`, else a `LocalCluster` of `workers` processes
    (one thread each) started on the first chunk and closed with the run. A run that needs no parsing (every
    document from the cache) never connects."""

    def __init__(self, config: RunConfig, scheduler: str | None = None, workers: int | None = None) -> None:
        self.config = config
        self.scheduler = scheduler
        self.workers = workers or os.cpu_count() or 1
        self.client: Client | None = None
        self.cluster: LocalCluster | None = None
        self.chunks_sent = 0

    def _start(self) -> Client:
        try:
            if self.scheduler is None:
                self.cluster = LocalCluster(
                    n_workers=self.workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
                client = Client(self.cluster)
            else:
                client = Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            client.register_plugin(_LoadPipeline(self.config))
        except (OSError, TimeoutError) as error:
            self.close()
            where = self.scheduler or "a local cluster"
            raise EngineError(f"cannot reach the Dask scheduler at {where}: {error}") from error
        self.client = client
        return client

    def submit(self, chunk: list[ReadDocument]) -> Any:
        client = self.client or self._start()
        self.chunks_sent += 1
        return client.submit(_extract_chunk, self.config, [_portable(d) for d in chunk], pure=False)

    @property
    def in_flight(self) -> int:
        """Chunks queued on the cluster before the oldest is awaited: two per worker thread, counted each time,
        since workers may join (an adaptive or batch-queue cluster) or leave during the run."""
        if self.client is None:
            return 0
        return 2 * max(1, sum(self.client.nthreads().values()))

    def close(self) -> None:
        if self.client is not None:
            self.client.close()
            self.client = None
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


def run(
    input_dir: Path,
    out: Path,
    on_document: Callable[[DocumentDone], None] = lambda _: None,
    on_failure: Callable[[DocumentFailure], None] = lambda _: None,
    *,
    config: RunConfig | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    cache: FactCache | None = None,
    keep_existing: bool = False,
    processor: DaskProcessor | None = None,
) -> RunResult:
    """`extract.run.run` on a Dask cluster (see `DaskProcessor`); the output is byte-identical to `jobs=1`."""
    config = config or RunConfig()
    processor = processor or DaskProcessor(config, scheduler, workers)
    return run_locally(
        input_dir,
        out,
        on_document=on_document,
        on_failure=on_failure,
        config=config,
        cache=cache,
        keep_existing=keep_existing,
        processor=processor,
    )
