"""The command line as a user runs it: output, determinism, bad input, exit codes."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.models import FactRecord

from .conftest import ROOT


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("work")
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "seeds" / "empty.txt").write_bytes(b"")
    (folder / "seeds" / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 20)
    (folder / "seeds" / "latin.txt").write_bytes("Caf\xe9 report: 300 people".encode("latin-1"))
    return folder


@pytest.fixture(scope="module")
def first_run(corpus):
    return run_cli("run", "seeds", "--out", "out/facts.jsonl", cwd=corpus)


def test_bad_files_are_named_and_the_rest_is_processed(corpus, first_run):
    assert first_run.returncode == 1
    assert "empty.txt: empty file" in first_run.stderr
    assert "binary.txt: binary content" in first_run.stderr
    assert "latin.txt: not UTF-8; decoded as cp1252" in first_run.stderr  # a warning: the document is read
    assert "3 of 5 documents processed" in first_run.stderr
    records = [FactRecord.model_validate_json(line) for line in (corpus / "out/facts.jsonl").read_text().splitlines()]
    assert {r.doc_id for r in records} == {"000_362a282f5771ddaf", "002_281461b747212c37", "latin"}
    [latin] = [r for r in records if r.doc_id == "latin"]
    assert latin.encoding == "cp1252" and latin.quote == "300 people"


def test_output_matches_committed_facts_and_is_sorted(corpus, first_run):
    produced = (corpus / "out/facts.jsonl").read_bytes()
    seed_lines = [line for line in produced.decode().splitlines(keepends=True) if '"source":"seeds/0' in line]
    assert "".join(seed_lines).encode() == (ROOT / "outputs/facts.jsonl").read_bytes()
    keys = [(r["doc_id"], r["span"]["start"]) for r in map(json.loads, produced.decode().splitlines())]
    assert keys == sorted(keys)


def test_rerun_is_byte_identical(corpus, first_run):
    before = (corpus / "out/facts.jsonl").read_bytes()
    again = run_cli("run", "seeds", "--out", "out/facts.jsonl", "--quiet", cwd=corpus)
    assert again.returncode == 1
    assert (corpus / "out/facts.jsonl").read_bytes() == before
    assert not [p for p in (corpus / "out").iterdir() if p.name != "facts.jsonl"], "no temporary file left"


def test_missing_folder_is_a_usage_error(tmp_path):
    result = run_cli("run", "nowhere", "--out", "x.jsonl", cwd=tmp_path)
    assert result.returncode == 2
    assert "nowhere: not a folder" in result.stderr


def test_records_carry_their_context():
    records = [FactRecord.model_validate_json(line) for line in (ROOT / "outputs/facts.jsonl").read_text().splitlines()]
    by_quote = {r.quote: r for r in records}
    stat = by_quote["1,376\n\ndetention visits"]
    assert stat.section == "Our work in numbers"
    assert "detention" in stat.topics
    first = by_quote["Nearly 3,000 people"]
    assert first.period is not None and (str(first.period.start), str(first.period.end)) == ("2024-01-01", "2024-06-30")
    assert first.location == "Azerbaijan"
    assert "livelihoods" in first.topics
    assert by_quote["3,000+\n\nfamilies"].subject == "families of the missing"
    assert all(r.source.startswith("seeds/") and r.id == f"{r.doc_id}:{r.span.start}-{r.span.end}" for r in records)


def test_eval_command_reports_and_thresholds():
    result = run_cli(
        "eval",
        "--gold",
        "tests/fixtures/seed_gold",
        "--facts",
        "outputs/facts.jsonl",
        "--sources",
        "seeds",
        "--json",
        "--min-f1",
        "0.99",
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    overall = json.loads(result.stdout)["overall"]
    assert overall["recall"] == 1.0 and overall["trap_hits"] == []
    failing = run_cli(
        "eval",
        "--gold",
        "tests/fixtures/seed_gold",
        "--facts",
        "/dev/null",
        "--sources",
        "seeds",
        "--min-f1",
        "0.5",
        cwd=ROOT,
    )
    assert failing.returncode == 1
    assert "below --min-f1" in failing.stderr
