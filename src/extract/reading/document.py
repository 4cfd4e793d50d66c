"""A report read: its source (decoded bytes, hash, id) and its segments, each mapped to source offsets.

The one door of the reading wing. `read(path)` decodes the file once and reads its structure once: an HTML page is
parsed a single time, for the check that refuses it with its name and for its segments alike.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from extract.reading.html import HtmlError, page_segments, read_page
from extract.reading.ingest import IngestError, SourceDocument, document_format, load_text
from extract.reading.pdf_source import load_pdf
from extract.reading.segments import COMMENT_FORM, CleanText
from extract.reading.text import clean

MAX_QUIET_COMMENT_BLOCKS = 8  # a usual form: "Leave a Reply", a notice, Comment, Name, Email, Website, Post Comment

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ReadDocument:
    source: SourceDocument
    text: CleanText  # the segments, each mapped to offsets in source.text


def segments_of(source: SourceDocument) -> CleanText:
    """The segments of a decoded document; raises IngestError when its markup cannot be read. Dropping more than
    a few blocks as a comment form is logged with the file's name: what boilerplate removes must be visible."""
    if source.format == "html":
        try:
            text = page_segments(read_page(source.text))
        except HtmlError as error:
            raise IngestError(source.path, str(error)) from error
    elif source.layout is not None:
        from extract.reading.pdf import line_end_hyphens
        from extract.reading.pdf_source import furniture_spans

        layout = source.layout
        joins, kept = line_end_hyphens(layout)
        text = clean(source.text, furniture=furniture_spans(layout), cells=True, joins=joins, kept_hyphens=kept)
    else:
        text = clean(source.text)
    dropped = [s for s in text.segments if s.reason == COMMENT_FORM]
    if len(dropped) > MAX_QUIET_COMMENT_BLOCKS:
        log.warning(
            "warning: %s: %d blocks dropped as a comment form, from %r", source.path, len(dropped), dropped[0].text[:60]
        )
    return text


def load(path: Path, *, doc_id: str | None = None) -> SourceDocument:
    """The report at `path` decoded and hashed, its structure not yet read (text and HTML: `ingest.load_text`; a
    PDF's text layer: `pdf_source.load_pdf`); raises IngestError naming the file and the reason."""
    if document_format(path) == "pdf":
        return load_pdf(path, doc_id=doc_id or path.stem)
    return load_text(path, doc_id=doc_id)


def read(path: Path) -> ReadDocument:
    """The report at `path`, decoded and segmented; raises IngestError naming the file and the reason."""
    source = load(path)
    return ReadDocument(source, segments_of(source))


def read_document(path: Path) -> SourceDocument:
    """The source of the report at `path`, decoded and checked (its markup read); raises IngestError."""
    return read(path).source
