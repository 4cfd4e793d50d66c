"""Add reports to a sources folder: a byte-for-byte copy under the name its user gave it.

A document is known by its file name (its doc_id), so reviews and anchors stay with it across versions: a different
file of the same name is refused unless `replace` is set, which makes it the new version of that document; the same
content as a report already in the folder (under any name) is refused as a duplicate.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.reading.document import read
from extract.reading.ingest import SUPPORTED_SUFFIXES, IngestError, discover


def add_documents(files: list[Path], folder: Path, *, replace: bool = False) -> tuple[list[Path], list[str]]:
    """Copy readable, new reports into `folder` under their own file names, byte for byte (an HTML page stays HTML).

    Returns the copies made and one message per refused file (unreadable, unsupported, the same content as a report
    already in the folder or earlier in `files`, or a different report of the same name without `replace`)."""
    folder.mkdir(parents=True, exist_ok=True)
    known = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in discover(folder)}
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
        target = folder / path.name
        if target.exists() and not replace:
            refused.append(f"{path}: {target} already exists with other content (--replace to make it a new version)")
            continue
        if target.exists() and not target.is_file():
            refused.append(f"{path}: {target} exists and is not a file")
            continue
        target.write_bytes(path.read_bytes())
        known = {sha: p for sha, p in known.items() if p != target}
        known[document.sha256] = target
        added.append(target)
    return added, refused
