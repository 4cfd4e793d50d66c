"""The DASK engine (`extract run --engine dask`): on a LocalCluster of 2 worker processes the output is the same
bytes as `--jobs 1`, a bad file is named while the rest is written, and the cache keeps hits in the client."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.config import RunConfig
from extract.run import FactCache

from .conftest import FIXTURES

distributed = pytest.importorskip("distributed")


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def scheduler():
    """The address of a LocalCluster as the brief's cluster: 2 worker processes, one thread each."""
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def _corpus(folder: Path, *bad: tuple[str, bytes]) -> Path:
    shutil.copytree(FIXTURES / "docs", folder / "sources" / "docs")
    shutil.copytree(FIXTURES / "html", folder / "sources" / "html")
    for name, content in bad:
        (folder / "sources" / name).write_bytes(content)
    return folder


@pytest.fixture(scope="module")
def local_output(tmp_path_factory) -> bytes:
    """`--jobs 1` on the text and HTML fixtures, as the engine's runs below are compared with it."""
    work = _corpus(tmp_path_factory.mktemp("local"))
    result = run_cli("run", "sources", "--out", "facts.jsonl", "--jobs", "1", "--no-cache", "--quiet", cwd=work)
    assert result.returncode == 0, result.stderr
    return (work / "facts.jsonl").read_bytes()


@pytest.mark.slow
def test_output_is_byte_identical_to_jobs_1(tmp_path, scheduler, local_output):
    work = _corpus(tmp_path)
    result = run_cli(
        "run", "sources", "--out", "facts.jsonl", "--engine", "dask", "--scheduler", scheduler, "--no-cache", cwd=work
    )
    assert result.returncode == 0, result.stderr
    assert "Extracting" in result.stderr  # the same progress bar as a local run
    assert "11 of 11 documents processed" in result.stderr
    assert local_output.count(b"\n") > 200
    assert (work / "facts.jsonl").read_bytes() == local_output


@pytest.mark.slow
def test_a_bad_file_is_named_and_the_rest_written(tmp_path, scheduler, local_output):
    work = _corpus(tmp_path, ("empty.txt", b""), ("binary.txt", b"\x00\x01\x02PNG\x00" * 20))
    result = run_cli(
        "run", "sources", "--out", "facts.jsonl", "--engine", "dask", "--scheduler", scheduler, "--no-cache", cwd=work
    )
    assert result.returncode == 1
    assert "sources/empty.txt: empty file" in result.stderr
    assert "sources/binary.txt: binary content" in result.stderr
    assert "11 of 13 documents processed" in result.stderr
    assert (work / "facts.jsonl").read_bytes() == local_output


@pytest.mark.slow
def test_a_failure_on_a_worker_stays_with_its_document(tmp_path, scheduler, local_output, monkeypatch):
    """A document whose facts cannot be assembled on the worker is named with the reason, as locally (the chunk's
    other documents and the rest of the run are written)."""
    from extract.run import dask_engine

    def poison() -> None:  # (nested: cloudpickle sends it by value, the workers need not import the tests)
        import extract.run.extractor as extractor

        original = extractor.__dict__.setdefault("_original_assembler", extractor.DocumentAssembler)

        class Poisoned(original):  # the worker's assembler fails on one document's facts
            def records(self):
                if self.source.doc_id == "docs/fx03_ukraine_h2_2023":
                    raise RuntimeError("poisoned on the worker")
                return super().records()

        extractor.DocumentAssembler = Poisoned

    def cure() -> None:
        import extract.run.extractor as extractor

        extractor.DocumentAssembler = extractor.__dict__.pop("_original_assembler", extractor.DocumentAssembler)

    work = _corpus(tmp_path)
    monkeypatch.chdir(work)
    failures = []
    with distributed.Client(scheduler) as client:
        client.run(poison)
        try:
            result = dask_engine.run(
                Path("sources"), Path("facts.jsonl"), on_failure=failures.append, scheduler=scheduler
            )
        finally:
            client.run(cure)
    assert [(f.path.as_posix(), f.reason) for f in failures] == [
        (
            "sources/docs/fx03_ukraine_h2_2023.txt",
            "unexpected error while assembling its facts: RuntimeError: poisoned on the worker",
        )
    ]
    assert (result.documents, result.succeeded) == (11, 10)
    expected = b"".join(
        line for line in local_output.splitlines(keepends=True) if b'"doc_id":"docs/fx03_ukraine_h2_2023"' not in line
    )
    assert expected != local_output
    assert (work / "facts.jsonl").read_bytes() == expected


@pytest.mark.slow
def test_the_cache_serves_an_unchanged_rerun_without_sending_work(tmp_path, scheduler, monkeypatch):
    from extract.run import dask_engine

    work = _corpus(tmp_path)
    monkeypatch.chdir(work)
    config = RunConfig()
    cache = FactCache.open(work / "cache", config)
    first = dask_engine.DaskProcessor(config, scheduler)
    result = dask_engine.run(Path("sources"), work / "facts.jsonl", config=config, cache=cache, processor=first)
    assert (result.processed, result.cached) == (11, 0)
    assert first.chunks_sent >= 1
    before = (work / "facts.jsonl").read_bytes()

    again = dask_engine.DaskProcessor(config, scheduler)
    result = dask_engine.run(Path("sources"), work / "facts.jsonl", config=config, cache=cache, processor=again)
    assert (result.processed, result.cached, result.facts) == (0, 11, before.count(b"\n"))
    assert again.chunks_sent == 0 and again.client is None, "nothing was sent, not even a connection"
    assert not result.written and (work / "facts.jsonl").read_bytes() == before


@pytest.mark.slow
def test_the_plain_run_never_imports_dask(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "a.txt").write_text("In 2024, 300 people received food.\n", "utf-8")
    code = (
        "import sys, extract, extract.cli, extract.run\n"
        "from pathlib import Path\n"
        "r = extract.run.run(Path('sources'), Path('out.jsonl'))\n"
        "assert r.facts == 1, r\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--engine", "spark"), "unknown engine"),
        (("--engine", "dask", "--jobs", "2"), "not --jobs"),
        (("--scheduler", "tcp://127.0.0.1:1"), "go with --engine dask"),
    ],
)
def test_engine_options_are_checked_before_any_work(tmp_path, args, message):
    result = run_cli("run", str(FIXTURES / "docs"), "--out", str(tmp_path / "f.jsonl"), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr
    assert not (tmp_path / "f.jsonl").exists()


@pytest.mark.slow
def test_an_unreachable_scheduler_is_one_message(tmp_path, monkeypatch):
    from extract.run import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    (tmp_path / "out.jsonl").write_text("kept\n", "utf-8")
    with pytest.raises(dask_engine.EngineError, match=r"tcp://127\.0\.0\.1:9"):
        dask_engine.run(FIXTURES / "docs", tmp_path / "out.jsonl", scheduler="tcp://127.0.0.1:9")
    assert (tmp_path / "out.jsonl").read_text("utf-8") == "kept\n"
