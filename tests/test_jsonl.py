"""One JSONL module: atomic writes with the user's file mode, refusal of non-files, line splitting on "\\n" only."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from pydantic import BaseModel

from extract.jsonl import AtomicFile, TargetError, atomic_writer, read, split_lines, write_jsonl


class Row(BaseModel):
    text: str
    n: int


def test_a_written_file_gets_the_mode_of_a_new_file(tmp_path: Path):
    old = os.umask(0o022)
    try:
        write_jsonl(tmp_path / "rows.jsonl", [Row(text="a", n=1)])
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "rows.jsonl").stat().st_mode) == 0o644


def test_records_holding_line_separators_read_back_whole(tmp_path: Path):
    rows = [Row(text="up to 40 litres\u2028per day", n=1), Row(text="x\u2029y\x85z\x0c", n=2), Row(text="", n=3)]
    write_jsonl(tmp_path / "rows.jsonl", rows)
    records, bad = read(tmp_path / "rows.jsonl", Row)
    assert (records, bad) == (rows, [])


def test_bad_lines_are_named_not_fatal(tmp_path: Path):
    (tmp_path / "rows.jsonl").write_text('{"text": "a", "n": 1}\n{"text": 3}\n\n', "utf-8")
    records, bad = read(tmp_path / "rows.jsonl", Row)
    assert records == [Row(text="a", n=1)] and [b.line for b in bad] == [2]


def test_split_lines_keeps_a_last_line_without_newline():
    assert split_lines("a\nb\u2028c\nd") == ["a\n", "b\u2028c\n", "d"]


@pytest.mark.parametrize("target", ["/dev/null", "fifo", "folder"])
def test_a_target_that_is_not_a_regular_file_is_refused(tmp_path: Path, target: str):
    path = Path(target) if target.startswith("/") else tmp_path / target
    if target == "fifo":
        os.mkfifo(path)
    elif target == "folder":
        path.mkdir()
    before = path.stat()
    with pytest.raises(TargetError):
        write_jsonl(path, [Row(text="a", n=1)])
    after = path.stat()
    assert (before.st_mode, before.st_ino) == (after.st_mode, after.st_ino)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_block_leaves_the_old_file_and_no_temporary(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    path.write_text("old\n", "utf-8")
    with pytest.raises(RuntimeError), atomic_writer(path) as handle:
        handle.write("new\n")
        raise RuntimeError("stop")
    assert path.read_text("utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rows.jsonl"]


def test_only_if_changed_leaves_identical_bytes_untouched(tmp_path: Path):
    path = tmp_path / "rows.jsonl"
    path.write_text("same\n", "utf-8")
    stamp = path.stat().st_mtime_ns
    output = AtomicFile(path)
    output.write("same\n")
    assert output.commit(only_if_changed=True) is False
    assert path.stat().st_mtime_ns == stamp and sorted(p.name for p in tmp_path.iterdir()) == ["rows.jsonl"]
