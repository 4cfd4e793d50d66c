"""Read report files: decode, hash, and give each document its id."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

SUPPORTED_SUFFIXES = (".txt",)
MAX_BYTES = 64 * 1024 * 1024  # a report larger than this is refused rather than risking memory blow-ups


class IngestError(Exception):
    """A document that cannot be read; the message names the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SourceDocument:
    doc_id: str
    path: Path
    text: str
    sha256: str
    format: str
    encoding: str


def discover(folder: Path) -> list[Path]:
    """Supported documents directly under `folder`, in a stable order."""
    if not folder.is_dir():
        raise IngestError(folder, "not a folder")
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES)


def decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name)."""
    if not data.strip():
        raise IngestError(path, "empty file")
    if b"\x00" in data[:8192]:
        raise IngestError(path, "binary content (NUL bytes), not a text report")
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"not valid UTF-8 (byte {exc.start})") from exc


def read_document(path: Path) -> SourceDocument:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(path, f"file too large ({size} bytes > {MAX_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc
    text, encoding = decode(data, path)
    return SourceDocument(
        doc_id=path.stem,
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        format=path.suffix.lower().lstrip("."),
        encoding=encoding,
    )
