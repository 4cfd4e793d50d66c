"""PDF figures on their pages, for the HTML report: one image per page, shared by the page's figures.

Each page that holds figures is rendered once (pypdfium2, grayscale), cropped to the union of its figures' regions
(each figure's box with a margin around it), and embedded once, as an SVG <image> placed in page coordinates; each
figure is an SVG view of its region (a viewBox on the page, `<use>` of that image) with its box drawn over it. A
report of thousands of figures thus holds one image per page rather than one per figure, and the images are
grayscale PNGs (a third of RGB's bytes): the highlight is vector, not pixels.

The PNG is written with zlib and numpy (one filter byte per row), as pdf.py writes its own: Pillow is not a
dependency of the package.
"""

from __future__ import annotations

import base64
import struct
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy

from extract.models import FactRecord
from extract.reading import PdfError, open_pdf

if TYPE_CHECKING:
    from pypdfium2 import PdfDocument

MARGIN = 24.0  # points around a figure's box
SCALE = 2.0  # pixels per point: sharp at 1 CSS pixel a point on a high-density screen


@dataclass(frozen=True)
class PageImage:
    """A page's rendered region: `left`/`top` in points on the page, `width`/`height` in points."""

    key: str
    page: int
    left: float
    top: float
    width: float
    height: float
    uri: str


@dataclass(frozen=True)
class FigureView:
    """A figure's region (`view`: left, top, width, height) and its box (`box`, the same, or None when it has no
    ink), both in points on its page; `image` is its page's PageImage.key."""

    fact_id: str
    page: int
    quote: str
    image: str
    view: tuple[float, float, float, float]
    box: tuple[float, float, float, float] | None


def page_views(path: Path, facts: Sequence[FactRecord], prefix: str) -> tuple[list[PageImage], list[FigureView]]:
    """The page images and figure views of one PDF's facts (those with a page and a box), in the facts' order.
    `prefix` makes the image keys unique in a report. Raises PdfError when the file cannot be drawn."""
    placed = [(f, f.page, tuple(f.bbox)) for f in facts if f.page is not None and f.bbox is not None]
    if not placed:
        return [], []
    images: dict[int, PageImage] = {}
    with open_pdf(path) as pdf:
        sizes = {page: _page_size(pdf, path, page) for page in sorted({page for _, page, _ in placed})}
        regions = [_region(box, *sizes[page]) for _, page, box in placed]  # type: ignore[arg-type]
        for page, size in sizes.items():
            union = _union([r for r, (_, of, _) in zip(regions, placed, strict=True) if of == page])
            images[page] = _render(pdf, path, page, union, size, f"{prefix}-p{page}")
    return list(images.values()), [
        FigureView(fact.id, page, fact.quote, images[page].key, _extent(region), _ink(box))  # type: ignore[arg-type]
        for (fact, page, box), region in zip(placed, regions, strict=True)
    ]


def _page_size(pdf: PdfDocument, path: Path, page: int) -> tuple[float, float]:
    if not 1 <= page <= len(pdf):
        raise PdfError(path, f"no page {page} (the document has {len(pdf)})")
    width, height = pdf.get_page_size(page - 1)
    return float(width), float(height)


def _has_ink(box: tuple[float, float, float, float]) -> bool:
    return box[2] > box[0] or box[3] > box[1]


def _region(box: tuple[float, float, float, float], width: float, height: float) -> tuple[float, float, float, float]:
    """The box with MARGIN around it, inside the page; the whole page for a box without ink."""
    if not _has_ink(box):
        return 0.0, 0.0, width, height
    x0, top, x1, bottom = min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])
    region = (max(0.0, x0 - MARGIN), max(0.0, top - MARGIN), min(width, x1 + MARGIN), min(height, bottom + MARGIN))
    return region if region[2] - region[0] >= 1 and region[3] - region[1] >= 1 else (0.0, 0.0, width, height)


def _extent(region: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    return region[0], region[1], region[2] - region[0], region[3] - region[1]


def _ink(box: tuple[float, float, float, float]) -> tuple[float, float, float, float] | None:
    if not _has_ink(box):
        return None
    return _extent((min(box[0], box[2]), min(box[1], box[3]), max(box[0], box[2]), max(box[1], box[3])))


def _union(regions: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    return (
        min(r[0] for r in regions),
        min(r[1] for r in regions),
        max(r[2] for r in regions),
        max(r[3] for r in regions),
    )


def _render(
    pdf: PdfDocument,
    path: Path,
    page: int,
    region: tuple[float, float, float, float],
    size: tuple[float, float],
    key: str,
) -> PageImage:
    import pypdfium2 as pdfium

    width, height = size
    left, top, right, bottom = region
    try:
        pg = pdf[page - 1]
        try:
            bitmap = pg.render(scale=SCALE, crop=(left, height - bottom, width - right, top), grayscale=True)
            try:
                pixels = numpy.ctypeslib.as_array(bitmap.buffer).reshape(bitmap.height, bitmap.stride)
                png = grayscale_png(pixels[:, : bitmap.width])
            finally:
                bitmap.close()
        finally:
            pg.close()
    except (pdfium.PdfiumError, ValueError) as error:
        raise PdfError(path, f"not a readable PDF: page {page}: {error}") from None
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return PageImage(key, page, left, top, right - left, bottom - top, uri)


def grayscale_png(pixels: numpy.ndarray) -> bytes:
    """An 8-bit grayscale PNG of a (height, width) uint8 array."""
    height, width = pixels.shape
    rows = numpy.zeros((height, width + 1), dtype=numpy.uint8)  # filter byte 0 (None) before each row
    rows[:, 1:] = pixels

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    body = zlib.compress(rows.tobytes(), 6)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", body) + chunk(b"IEND", b"")
