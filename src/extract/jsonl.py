"""The one way records are written and read: JSON Lines, written atomically, read line by line.

Writing: a temporary file in the target's folder, fsynced, given the mode any new file of the user's gets (0666
less the umask), then renamed over the target, so readers see the old file or the new one, never half of one. A
target that exists and is not a regular file (a device, a FIFO, a folder) is refused before anything is written:
renaming over `/dev/null` would replace the device. With `only_if_changed`, a target that already holds the same
bytes is left untouched (its mtime too).

Reading: lines are split on "\\n" only. `str.splitlines()` also splits on U+2028, U+2029, U+0085 and other
characters that JSON strings may hold unescaped, which cut a record in two.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from pydantic import BaseModel, ValidationError

Model = TypeVar("Model", bound=BaseModel)
TEMPORARY_SUFFIX = ".tmp"


class TargetError(OSError):
    """The target of a write cannot be replaced by a file (it is a device, a FIFO, a folder)."""


class WriteError(OSError):
    """The target could not be written (a full disk, no permission); the message names it. The temporary file is
    gone and the target is as it was."""

    def __init__(self, path: Path, error: OSError) -> None:
        super().__init__(error.errno, f"{path}: cannot write ({error.strerror or error}); it is left as it was")
        self.path = path

    def __str__(self) -> str:
        return str(self.strerror)


def to_json_line(record: BaseModel) -> str:
    return record.model_dump_json() + "\n"


def check_target(path: Path) -> None:
    """Raise TargetError unless `path` is absent or a regular file (a symlink is judged by what it points at)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise TargetError(f"{path}: cannot write there ({error.strerror or error})") from error
    if stat.S_ISDIR(mode):
        raise TargetError(f"{path}: is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise TargetError(f"{path}: is not a regular file (a device or a pipe); refusing to replace it")


def temporary_prefix(path: Path) -> str:
    """Temporary files for `path` are `.<name>.<random>.tmp` beside it."""
    return f".{path.name}."


def _lock(handle: IO[str]) -> bool:
    """An exclusive lock on the open file, released when it is closed or its process dies (kill -9 too); False
    when another process holds it, or where there are no such locks."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover (not on Windows)
        return False
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of `path` that a killed writer left (no living process holds their lock);
    returns them. A concurrent writer's file is locked, so it is left alone."""
    removed: list[Path] = []
    try:
        candidates = [p for p in path.parent.iterdir() if p.name.startswith(temporary_prefix(path))]
    except OSError:
        return removed
    for candidate in candidates:
        if not candidate.name.endswith(TEMPORARY_SUFFIX) or not candidate.is_file():
            continue
        try:
            with open(candidate, encoding="utf-8", errors="replace") as handle:
                if not _lock(handle):
                    continue
                candidate.unlink()
        except OSError:
            continue
        removed.append(candidate)
    return removed


class AtomicFile:
    """A temporary text file beside `path` that replaces it on `commit()`, or vanishes on `discard()`."""

    def __init__(self, path: Path) -> None:
        check_target(path)
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(path)
            self.handle: IO[str] = tempfile.NamedTemporaryFile(  # noqa: SIM115 (closed in commit/discard)
                "w",
                encoding="utf-8",
                newline="\n",
                dir=path.parent,
                prefix=temporary_prefix(path),
                suffix=TEMPORARY_SUFFIX,
                delete=False,
            )
        except TargetError:
            raise
        except OSError as error:
            raise WriteError(path, error) from error
        _lock(self.handle)  # held while this process lives: a later run knows the file is not stale

    @property
    def temporary(self) -> Path:
        return Path(self.handle.name)

    def write(self, text: str) -> None:
        self._guarded(self.handle.write, text)

    def writelines(self, lines: Iterable[str]) -> None:
        self._guarded(self.handle.writelines, lines)

    def _guarded(self, call: Callable[[Any], object], argument: Any) -> None:
        try:
            call(argument)
        except OSError as error:
            self.discard()
            raise WriteError(self.path, error) from error

    def commit(self, *, only_if_changed: bool = False) -> bool:
        """Put the written file in place; True when the target was replaced (False: it held the same bytes)."""
        try:
            self.handle.flush()
            os.fsync(self.handle.fileno())
            self.handle.close()
            if only_if_changed and same_bytes(self.temporary, self.path):
                self.temporary.unlink()
                return False
            check_target(self.path)  # it may have changed while the file was written
            os.chmod(self.temporary, default_mode())  # temporary files are created 0600; outputs are shared files
            os.replace(self.temporary, self.path)
        except TargetError:
            self.discard()
            raise
        except OSError as error:
            self.discard()
            raise WriteError(self.path, error) from error
        except BaseException:
            self.discard()
            raise
        fsync_folder(self.path.parent)
        return True

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.handle.close()  # on a full disk, closing flushes and fails: the file is removed all the same
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[IO[str]]:
    """A text file that replaces `path` only if the block completes. A write that fails (a full disk) raises
    WriteError naming `path`, with the temporary file removed and `path` as it was."""
    output = AtomicFile(path)
    try:
        yield output.handle
    except OSError as error:
        output.discard()
        raise WriteError(path, error) from error
    except BaseException:
        output.discard()
        raise
    output.commit()


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> int:
    """Write records one per line, atomically; returns how many."""
    count = 0
    with atomic_writer(path) as output:
        for record in records:
            output.write(to_json_line(record))
            count += 1
    return count


def split_lines(text: str) -> list[str]:
    """The lines of a JSON Lines text, each with its "\\n" (the last may lack it); split on "\\n" only."""
    lines = text.split("\n")
    out = [line + "\n" for line in lines[:-1]]
    if lines[-1]:
        out.append(lines[-1])
    return out


@dataclass(frozen=True, slots=True)
class BadLine:
    line: int  # 1-based
    message: str  # what is wrong, e.g. "quantity.value: Input should be a valid number"


def read(path: Path, model: type[Model]) -> tuple[list[Model], list[BadLine]]:
    """The records of a JSON Lines file, and a BadLine for each non-blank line that is not a valid `model`.
    Raises OSError (and UnicodeDecodeError) when the file cannot be read."""
    records: list[Model] = []
    bad: list[BadLine] = []
    for number, line in enumerate(split_lines(path.read_text("utf-8")), start=1):
        if not line.strip():
            continue
        try:
            records.append(model.model_validate_json(line))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or "record"
            bad.append(BadLine(number, f"{where}: {first['msg']}"))
    return records, bad


def same_bytes(a: Path, b: Path, block: int = 1 << 20) -> bool:
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


def default_mode() -> int:
    """0666 less the process umask: the mode `open()` would have given a new file."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
