"""The report's page images: one grayscale PNG per page, the union of its figures' regions."""

from __future__ import annotations

import base64
import struct
import zlib

import numpy
import pytest

from extract.checks.page_images import MARGIN, SCALE, _page_size, _region, _render, _union, grayscale_png
from extract.reading import PdfError, open_pdf

from .conftest import FIXTURES


def test_the_grayscale_png_holds_the_pixels():
    pixels = numpy.arange(24, dtype=numpy.uint8).reshape(4, 6)
    png = grayscale_png(pixels)
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    width, height, depth, colour = struct.unpack(">IIBB", png[16:26])
    assert (width, height, depth, colour) == (6, 4, 8, 0)
    length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT"
    rows = numpy.frombuffer(zlib.decompress(png[41 : 41 + length]), dtype=numpy.uint8).reshape(4, 7)
    assert (rows[:, 0] == 0).all() and (rows[:, 1:] == pixels).all()


def test_a_region_is_the_box_with_its_margin_inside_the_page():
    assert _region((100.0, 200.0, 150.0, 210.0), 595.0, 842.0) == (
        100 - MARGIN,
        200 - MARGIN,
        150 + MARGIN,
        210 + MARGIN,
    )
    assert _region((5.0, 5.0, 20.0, 12.0), 595.0, 842.0)[:2] == (0.0, 0.0)  # clipped at the page's edge
    assert _region((0.0, 0.0, 0.0, 0.0), 595.0, 842.0) == (0.0, 0.0, 595.0, 842.0)  # no ink: the whole page
    assert _union([(10.0, 50.0, 20.0, 60.0), (5.0, 70.0, 30.0, 80.0)]) == (5.0, 50.0, 30.0, 80.0)


def test_a_page_region_is_drawn_at_twice_its_size_and_a_missing_page_is_refused():
    path = FIXTURES / "pdf" / "pf01_kenya_floods_2023.pdf"
    with open_pdf(path) as pdf:
        size = _page_size(pdf, path, 1)
        image = _render(pdf, path, 1, (50.0, 100.0, 250.0, 160.0), size, "k")
        with pytest.raises(PdfError, match="no page 9"):
            _page_size(pdf, path, 9)
    assert (image.left, image.top, image.width, image.height) == (50.0, 100.0, 200.0, 60.0)
    png = base64.b64decode(image.uri.split(",", 1)[1])
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (round(200 * SCALE), round(60 * SCALE))
    assert png[25] == 0  # grayscale
