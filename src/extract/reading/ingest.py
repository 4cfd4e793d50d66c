"""Read report files: decode, hash, check, and give each document its id.

Decoding: a byte-order mark wins (UTF-8, UTF-32, UTF-16); then strict UTF-8; then, for HTML, the charset the page
declares (`<meta charset=...>`, when ASCII-compatible); then Windows-1252, then Latin-1 (which decodes any bytes).
A document not read as UTF-8 carries a warning naming the file and the encoding used (`SourceDocument.warnings`,
also logged on the `extract.reading.ingest` logger, which prints to stderr when nothing else is configured); spans
always refer to the decoded text. Text that looks like double-encoded UTF-8 ("donâ€™t") gets a warning too;
cleaning repairs it while keeping the map to the source.

Refused, each with one message naming the file and the reason (`IngestError`): unreadable files, files over
MAX_BYTES, empty files, binary files (NUL bytes anywhere; control characters over the whole text, or densely in
a part of it). HTML pages that are truncated or nested deeper than `extract.reading.html.MAX_DEPTH` elements are
refused when their markup is read (`extract.reading.document`).
"""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extract.reading.normalise import has_mojibake

if TYPE_CHECKING:
    from extract.reading.pdf import PdfText

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".pdf")
HTML_FORMATS = ("html", "htm")
# A delegation report is well under 1 MB; parsing runs at a few thousand words/s, so a file far larger than the
# largest plausible report (a 5 MB compilation fits) is refused rather than keeping a batch busy for hours.
MAX_BYTES = 8 * 1024 * 1024
_DECLARED_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MIN_CONTROLS = 8  # a stray control character or two ("Caf\xe9 \x81") is a damaged text, not binary
MAX_CONTROL_SHARE = 0.005  # of the whole text: a report holds next to no control characters
MAX_CONTROL_SHARE_IN_WINDOW = 0.05  # ... nor a dense run of them anywhere (binary appended after text)
_WINDOW = 1024
# Control characters but tab, line and page breaks (U+0085 is a line break too); and U+FFFD, a decoder's mark of
# invalid bytes.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffd]")

log = logging.getLogger(__name__)


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
    warnings: tuple[str, ...] = ()  # each names the file ("<path>: not UTF-8; decoded as cp1252")
    layout: PdfText | None = None  # a PDF's text layer: one box per character of `text`, and its pages


def discover(folder: Path) -> list[Path]:
    """Supported documents under `folder` and its sub-folders, in a stable order. Hidden files and folders (a
    cache, a virtual environment, an editor's backups) are not reports."""
    if not folder.is_dir():
        raise IngestError(folder, "not a folder")
    found: list[Path] = []
    for root, folders, names in os.walk(folder):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(
            Path(root, name)
            for name in names
            if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
        )
    return sorted(p for p in found if p.is_file())


def document_format(path: Path) -> str:
    """The format name of a file: "html" for .html and .htm, else its suffix without the dot."""
    suffix = path.suffix.lower().lstrip(".")
    return "html" if suffix in HTML_FORMATS else suffix


def decode(data: bytes, path: Path, *, html: bool = False) -> tuple[str, str]:
    """Decode report bytes; returns (text, encoding name). See the module docstring for the order tried. Bytes that
    decode only to control characters in places (binary, whole or in part) are refused."""
    text, encoding = _decode(data, path, html=html)
    if reason := binary_reason(text):
        raise IngestError(path, f"binary content ({reason}), not a text report")
    return text, encoding


def _decode(data: bytes, path: Path, *, html: bool) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(path, f"not valid {encoding} despite its byte-order mark (byte {exc.start})") from exc
    if not data.strip():
        raise IngestError(path, "empty file")
    if b"\x00" in data:
        raise IngestError(path, "binary content (NUL bytes), not a text report")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = ["cp1252", "latin-1"]
    declared = _declared_encoding(data) if html else None
    if declared:
        candidates.insert(0, declared)
    for candidate in candidates:
        try:
            name = codecs.lookup(candidate).name
            return data.decode(name), name
        except (LookupError, UnicodeError):  # UnicodeError: a codec that exists but cannot decode ("undefined")
            continue
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


def binary_reason(text: str) -> str | None:
    """Why decoded text looks like binary data, or None: control characters (other than tab, line and page
    breaks) over the whole text, or densely in any stretch of it (binary appended after text)."""
    if not text:
        return None
    total = len(_CONTROL.findall(text))
    if total > MIN_CONTROLS and total / len(text) > MAX_CONTROL_SHARE:
        return f"{total} control characters in {len(text)}"
    for start in range(0, len(text), _WINDOW):
        size = min(_WINDOW, len(text) - start)
        found = len(_CONTROL.findall(text, start, start + size))
        if found > MIN_CONTROLS and found / size > MAX_CONTROL_SHARE_IN_WINDOW:
            return f"control characters from character {start}"
    return None


def _declared_encoding(data: bytes) -> str | None:
    """The codec name of the charset an HTML page declares, None when it declares none that Python knows or one
    that cannot be true: a declaration read as ASCII bytes is not in UTF-16 or UTF-32 (as browsers do)."""
    declared = _DECLARED_CHARSET.search(data[:4096])
    try:
        name = codecs.lookup(declared.group(1).decode("ascii")).name if declared else None
        return name if name and "charset".encode(name) == b"charset" else None
    except (LookupError, UnicodeError):
        return None


def read_bytes(path: Path, limit: int) -> bytes:
    """The bytes of the file at `path`; raises IngestError for a file over `limit` bytes or one that cannot be read."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise IngestError(path, f"file too large ({size} bytes > {limit})")
        return path.read_bytes()
    except OSError as exc:
        raise IngestError(path, f"cannot read file ({exc.strerror or exc})") from exc


def load_text(path: Path, *, doc_id: str | None = None) -> SourceDocument:
    """The document at `path`, decoded and hashed; raises IngestError naming the file and the reason. Its structure
    (an HTML page's markup) is read by `extract.reading.document.read`, which refuses what cannot be read. PDFs are
    loaded by `extract.reading.pdf_source` (`extract.reading.load` chooses)."""
    data = read_bytes(path, MAX_BYTES)
    doc_format = document_format(path)
    text, encoding = decode(data, path, html=doc_format == "html")
    if not text.strip():
        raise IngestError(path, "empty file")
    warnings: list[str] = []
    if encoding not in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        how = "the charset it declares" if _declared_encoding(data) == encoding and doc_format == "html" else "a guess"
        warnings.append(f"{path}: not UTF-8; decoded as {encoding} ({how}); spans refer to the decoded text")
    if has_mojibake(text):
        warnings.append(f"{path}: looks like double-encoded UTF-8 (mojibake); repaired during cleaning")
    for warning in warnings:
        log.warning("warning: %s", warning)
    return SourceDocument(
        doc_id=doc_id or path.stem,
        path=path,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        format=doc_format,
        encoding=encoding,
        warnings=tuple(warnings),
    )
