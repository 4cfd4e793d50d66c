"""Runs that are killed, oversized inputs and crowded folders: nothing is lost, nothing hangs."""

from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from extract.models import FactRecord

from .conftest import FIXTURES, ROOT


def _extract(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "extract", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _valid_facts(path: Path) -> list[FactRecord]:
    return [FactRecord.model_validate_json(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("kill")
    (folder / "in").mkdir()
    sources = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((FIXTURES / "docs").glob("*.txt"))]
    for copy in range(4):
        for source in sources:
            shutil.copy(source, folder / "in" / f"{copy}_{source.name}")
    return folder


@pytest.mark.slow
def test_a_killed_run_leaves_the_previous_output_intact(corpus: Path):
    out = corpus / "out" / "facts.jsonl"
    finished = _extract("run", "in", "--out", "out/facts.jsonl", "--no-cache", "--quiet", cwd=corpus)
    assert finished.wait(timeout=600) == 0, finished.stderr.read() if finished.stderr else ""
    previous = out.read_bytes()
    assert len(_valid_facts(out)) > 100
    rng = random.Random(7)
    for _ in range(4):
        (corpus / "in" / "0_000_362a282f5771ddaf.txt").write_text(f"Changed: {rng.randint(10, 99)} people.", "utf-8")
        process = _extract("run", "in", "--out", "out/facts.jsonl", "--no-cache", "--quiet", cwd=corpus)
        time.sleep(rng.uniform(0.2, 6.0))  # model loading, parsing, or writing: wherever it is
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        current = out.read_bytes()
        records = _valid_facts(out)  # never half-written: every line is a whole, valid record
        assert current == previous or (records and current.endswith(b"\n"))
        previous = current


@pytest.mark.slow
def test_a_fifty_megabyte_file_is_refused_quickly_and_the_rest_processed(tmp_path: Path):
    (tmp_path / "in").mkdir()
    shutil.copy(ROOT / "seeds" / "000_362a282f5771ddaf.txt", tmp_path / "in")
    with (tmp_path / "in" / "huge.txt").open("w", encoding="utf-8") as handle:
        line = "Nearly 3,000 people benefited from livelihood projects in the region.\n"
        handle.write(line * (50 * 1024 * 1024 // len(line) + 1))
    started = time.monotonic()
    process = _extract("run", "in", "--out", "facts.jsonl", "--no-cache", cwd=tmp_path)
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 1
    assert "huge.txt: file too large" in stderr
    assert "1 of 2 documents processed" in stderr
    assert {r.doc_id for r in _valid_facts(tmp_path / "facts.jsonl")} == {"000_362a282f5771ddaf"}
    assert time.monotonic() - started < 240  # generous: the point is it does not parse 50 MB


@pytest.mark.slow
def test_a_folder_of_thousands_of_files(tmp_path: Path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(2000):
        (folder / f"r{number:04d}.txt").write_text(
            f"Report {number}\n\nThe team visited {number + 2} families.", "utf-8"
        )
    (folder / "r0007.txt").write_bytes(b"")
    process = _extract("run", "in", "--out", "facts.jsonl", "--no-cache", cwd=tmp_path)
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 1
    assert stderr.count("empty file") == 1 and "r0007.txt: empty file" in stderr
    assert "1999 of 2000 documents processed" in stderr
    records = _valid_facts(tmp_path / "facts.jsonl")
    assert len(records) == 1999
    assert [r.doc_id for r in records] == sorted(r.doc_id for r in records)


def test_outputs_get_ordinary_file_permissions(tmp_path: Path):
    import os

    from extract.jsonl import write_jsonl

    out = tmp_path / "facts.jsonl"
    write_jsonl(out, [])
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
