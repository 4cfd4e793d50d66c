"""The report's page images: one grayscale PNG per page, the union of its figures' regions."""

from __future__ import annotations

import struct
import zlib

import numpy

from extract.checks.page_images import MARGIN, _region, _union, grayscale_png


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
