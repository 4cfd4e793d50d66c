"""The reading wing: report files in, decoded sources and mapped segments out (source offsets throughout).

Public API, for the other wings: `read(path)` (a `ReadDocument`: its `SourceDocument` and its segments),
`discover(folder)`, `source_view(path)` (what the pipeline read of any stretch of a source, for checks),
`add_documents`, `open_pdf` (a PDF opened with PDFium, for drawing its pages), and the errors (`IngestError`,
`PdfError`). Knows nothing of spaCy or facts.
"""

from extract.reading.add import add_documents
from extract.reading.document import ReadDocument, load, read, read_document, segments_of
from extract.reading.ingest import MAX_BYTES, SUPPORTED_SUFFIXES, IngestError, SourceDocument, discover
from extract.reading.offsets import MappedText
from extract.reading.pdf import PdfError, open_pdf
from extract.reading.pdf_source import page_and_box
from extract.reading.segments import CleanText, Segment, SegmentKind
from extract.reading.view import SourceView, source_view

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "CleanText",
    "IngestError",
    "MappedText",
    "PdfError",
    "ReadDocument",
    "Segment",
    "SegmentKind",
    "SourceDocument",
    "SourceView",
    "add_documents",
    "discover",
    "load",
    "open_pdf",
    "page_and_box",
    "read",
    "read_document",
    "segments_of",
    "source_view",
]
