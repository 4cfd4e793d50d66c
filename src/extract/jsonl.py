"""Write records as JSON Lines, atomically: readers see the old file or the new one, never half of one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from pydantic import BaseModel


def to_json_line(record: BaseModel) -> str:
    return record.model_dump_json() + "\n"


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[tempfile._TemporaryFileWrapper[str]]:
    """A text file in the target's folder that replaces `path` only if the block completes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed below; kept open across the yield)
        "w", encoding="utf-8", newline="\n", dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False
    )
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, _default_mode())  # temporary files are created 0600; outputs are shared files
        os.replace(handle.name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(handle.name)
        raise
    _fsync_folder(path.parent)


def _default_mode() -> int:
    """0666 less the process umask: the mode `open()` would have given a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Write records one per line; returns how many."""
    count = 0
    with atomic_writer(path) as handle:
        for record in records:
            handle.write(to_json_line(record))
            count += 1
    return count
