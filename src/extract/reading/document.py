"""A report read: its source (decoded bytes, hash, id) and its segments, each mapped to source offsets.

The one door of the reading wing. `read(path)` decodes the file once and reads its structure once: an HTML page is
parsed a single time, for the check that refuses it with its name and for its segments alike.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from extract.reading.html import HtmlError, page_segments, read_page
from extract.reading.ingest import IngestError, SourceDocument, load
from extract.reading.segments import CleanText
from extract.reading.text import clean


@dataclass(frozen=True, slots=True)
class ReadDocument:
    source: SourceDocument
    text: CleanText  # the segments, each mapped to offsets in source.text


def segments_of(source: SourceDocument) -> CleanText:
    """The segments of a decoded document; raises IngestError when its markup cannot be read."""
    if source.format == "html":
        try:
            return page_segments(read_page(source.text))
        except HtmlError as error:
            raise IngestError(source.path, str(error)) from error
    if source.layout is not None:
        from extract.reading.pdf_source import furniture_spans

        return clean(source.text, furniture=furniture_spans(source.layout), cells=True)
    return clean(source.text)


def read(path: Path) -> ReadDocument:
    """The report at `path`, decoded and segmented; raises IngestError naming the file and the reason."""
    source = load(path)
    return ReadDocument(source, segments_of(source))


def read_document(path: Path) -> SourceDocument:
    """The source of the report at `path`, decoded and checked (its markup read); raises IngestError."""
    return read(path).source
