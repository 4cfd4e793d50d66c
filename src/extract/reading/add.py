"""Add reports to a sources folder: a byte-for-byte copy under a stable name, refusing duplicates by content."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from extract.reading.document import read
from extract.reading.ingest import SUPPORTED_SUFFIXES, IngestError, discover


def stable_name(index: int, sha256: str, suffix: str) -> str:
    """The name a report is stored under in the seeds folder: `<NNN>_<first 16 hex of its sha256><suffix>`."""
    return f"{index:03d}_{sha256[:16]}{suffix}"


def add_documents(files: list[Path], folder: Path) -> tuple[list[Path], list[str]]:
    """Copy readable, new reports into `folder` under stable names, byte for byte (an HTML page stays HTML).

    Returns the copies made and one message per refused file (unreadable, unsupported, or the same content as a
    report already in the folder or earlier in `files`)."""
    folder.mkdir(parents=True, exist_ok=True)
    known = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in discover(folder)}
    numbers = [int(m.group(1)) for p in folder.iterdir() if (m := re.match(r"(\d+)_", p.name))]
    index = max(numbers, default=-1) + 1
    added: list[Path] = []
    refused: list[str] = []
    for path in files:
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            refused.append(f"{path}: unsupported file type (expected one of {', '.join(SUPPORTED_SUFFIXES)})")
            continue
        try:
            document = read(path).source
        except IngestError as error:
            refused.append(str(error))
            continue
        if document.sha256 in known:
            refused.append(f"{path}: duplicate of {known[document.sha256]} (same content, sha256 {document.sha256})")
            continue
        target = folder / stable_name(index, document.sha256, path.suffix)
        target.write_bytes(path.read_bytes())
        known[document.sha256] = target
        added.append(target)
        index += 1
    return added, refused
