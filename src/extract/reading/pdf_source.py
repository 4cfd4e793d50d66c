"""A PDF report as a source: its text layer (pages joined by a form feed), hashed, with one box per character.

The text is what spans index (`quote == text[span]`, as for every format); `SourceDocument.layout` keeps the boxes,
so a span maps to its page and box by construction (`page_and_box`). Running headers, footers and page numbers are
found by their recurrence across pages (`furniture_spans`) and read as boilerplate, never as figures.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from extract.reading.ingest import IngestError, SourceDocument, read_bytes
from extract.reading.pdf import PdfError, PdfText, box_of, furniture, read_pdf

# A PDF carries images and fonts besides its text: the byte limit is the text formats' eight times over, and the
# page limit bounds the work (a report of 500 pages is a compilation; split it).
MAX_PDF_BYTES = 64 * 1024 * 1024
MAX_PDF_PAGES = 500
PDF_ENCODING = "pdf-text-layer"


def load_pdf(path: Path, *, doc_id: str) -> SourceDocument:
    """The PDF at `path` as a source; raises IngestError naming the file and the reason (encrypted, corrupt,
    truncated, no text layer, too many pages, too large)."""
    data = read_bytes(path, MAX_PDF_BYTES)
    if not data or data.isspace():  # data.strip() without the copy
        raise IngestError(path, "empty file")
    try:
        layout = read_pdf(path, max_pages=MAX_PDF_PAGES, data=data)
    except PdfError as error:
        raise IngestError(path, error.reason) from error
    return SourceDocument(
        doc_id=doc_id,
        path=path,
        text=layout.text,
        sha256=hashlib.sha256(data).hexdigest(),
        format="pdf",
        encoding=PDF_ENCODING,
        layout=layout,
    )


def furniture_spans(layout: PdfText) -> list[tuple[int, int]]:
    return [(start, end) for start, end, _ in furniture(layout)]


def page_and_box(layout: PdfText, start: int, end: int) -> tuple[int, list[float]]:
    """The 1-based page of source offset `start` and the box of the span's characters on that page, rounded to
    hundredths of a point (x0, top, x1, bottom; origin at the page's top-left)."""
    page, box = box_of(layout, start, end)
    return page, [round(value, 2) for value in box]
