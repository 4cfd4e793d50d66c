"""The main job never destroys work, and every command names its input folder the same way."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract import __version__
from extract.run import documents_under

pytestmark = pytest.mark.slow  # every test here runs the command line in a new process

REPORT = b"The delegation visited 1,376 detainees and 21 places of detention.\n"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "extract", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600)


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "a.txt").write_bytes(REPORT)
    done = run_cli("run", "--sources", "reports", "--out", "out/facts.jsonl", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    return tmp_path


def test_an_empty_folder_does_not_replace_a_full_facts_file(work: Path):
    before = (work / "out/facts.jsonl").read_bytes()
    (work / "empty").mkdir()
    done = run_cli("run", "empty", "--out", "out/facts.jsonl", "--no-cache", cwd=work)
    assert done.returncode == 1 and "left as it is" in done.stderr
    assert (work / "out/facts.jsonl").read_bytes() == before
    forced = run_cli("run", "empty", "--out", "out/facts.jsonl", "--no-cache", "--allow-empty", cwd=work)
    assert forced.returncode == 0 and (work / "out/facts.jsonl").read_bytes() == b""


def test_a_folder_where_no_report_can_be_read_does_not_replace_the_facts(work: Path):
    before = (work / "out/facts.jsonl").read_bytes()
    (work / "broken").mkdir()
    (work / "broken" / "a.txt").write_bytes(b"")
    (work / "broken" / "b.html").write_bytes(b"<html><p>cut")
    done = run_cli("run", "broken", "--out", "out/facts.jsonl", "--no-cache", cwd=work)
    assert done.returncode == 1 and "a.txt" in done.stderr and "b.html" in done.stderr
    assert (work / "out/facts.jsonl").read_bytes() == before
    assert sorted(p.name for p in (work / "out").iterdir()) == ["facts.jsonl"]


def test_out_naming_a_folder_or_a_device_is_refused_before_any_work(work: Path):
    (work / "folder").mkdir()
    for target in ("folder", "/dev/null"):
        done = run_cli("run", "reports", "--out", target, "--no-cache", cwd=work)
        assert done.returncode == 2 and target in done.stderr, done.stderr
        assert "Extracting" not in done.stderr
    assert Path("/dev/null").is_char_device()


def test_reports_in_sub_folders_are_read_and_named_by_their_relative_path(tmp_path: Path):
    (tmp_path / "reports" / "2024" / "q1").mkdir(parents=True)
    (tmp_path / "reports" / "top.txt").write_bytes(REPORT)
    (tmp_path / "reports" / "2024" / "q1" / "deep.txt").write_bytes(REPORT)
    (tmp_path / "reports" / ".hidden").mkdir()
    (tmp_path / "reports" / ".hidden" / "skip.txt").write_bytes(REPORT)
    assert [doc_id for _, doc_id in documents_under(tmp_path / "reports")] == ["2024/q1/deep", "top"]
    done = run_cli("run", "-s", "reports", "--out", "facts.jsonl", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text("utf-8").splitlines()]
    assert sorted({r["doc_id"] for r in records}) == ["2024/q1/deep", "top"]
    assert {r["source"] for r in records} == {"reports/2024/q1/deep.txt", "reports/top.txt"}
    audited = run_cli("audit", "--facts", "facts.jsonl", cwd=tmp_path)
    assert audited.returncode == 0, audited.stdout


def test_version():
    done = subprocess.run([sys.executable, "-m", "extract", "--version"], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == f"extract {__version__}"


@pytest.mark.parametrize("command", ["run", "eval", "audit", "report", "add"])
def test_every_command_takes_the_input_folder_as_sources(command: str):
    done = subprocess.run([sys.executable, "-m", "extract", command, "--help"], capture_output=True, text=True)
    assert "--sources" in done.stdout, done.stdout


@pytest.mark.parametrize("command", [["export", "--format", "csv"], ["report"]])
def test_export_and_report_refuse_to_replace_a_device(work: Path, command: list[str]):
    done = run_cli(*command, "--facts", "out/facts.jsonl", "-o", "/dev/null", cwd=work)
    assert done.returncode == 2 and "not a regular file" in done.stderr, done.stderr
    assert Path("/dev/null").is_char_device()
