"""PDFium's chars fetched in bulk by address (extract.reading.pdf.chars) equal pypdfium2's typed calls, one char at a
time: the same codes, the same loose boxes, the same answers to the per-char questions."""

from __future__ import annotations

import ctypes
import types
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from extract.reading.pdf import order, page_furniture, reader, runs
from extract.reading.pdf.chars import display_arrays, display_transform, page_arrays, page_chars
from tests.conftest import SHARED_PDF
from tests.pdf_reference import gutter_candidates_one_by_one, lines_one_by_one

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PDFS = sorted((FIXTURES / "pdf").glob("*.pdf")) + sorted((FIXTURES / "pdf_lines").glob("*.pdf"))


def _one_at_a_time(textpage) -> tuple[list[int], list[tuple[float, float, float, float]]]:
    """Codes and (left, bottom, right, top) user-space boxes through pypdfium2's typed bindings."""
    raw = textpage.raw
    rect = pdfium_c.FS_RECTF()
    codes, rects = [], []
    for i in range(pdfium_c.FPDFText_CountChars(raw)):
        codes.append(pdfium_c.FPDFText_GetUnicode(raw, i))
        assert pdfium_c.FPDFText_GetLooseCharBox(raw, i, ctypes.byref(rect))
        rects.append((rect.left, rect.bottom, rect.right, rect.top))
    return codes, rects


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_bulk_chars_equal_one_call_at_a_time(path):
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            left, _, _, top = page.get_bbox()
            _, _, transform = display_transform(page)
            chars = page_chars(textpage, transform)
            codes, rects = _one_at_a_time(textpage)
            assert codes and chars.codes == codes
            assert chars.boxes == [(lf - left, top - tp, rt - left, top - bt) for lf, bt, rt, tp in rects]
            raw = textpage.raw
            for i in range(len(codes)):
                assert chars.is_generated(i) == bool(pdfium_c.FPDFText_IsGenerated(raw, i))
                assert chars.is_hyphen(i) == bool(pdfium_c.FPDFText_IsHyphen(raw, i))
                assert chars.angle(i) == pdfium_c.FPDFText_GetCharAngle(raw, i)
            textpage.close()
            page.close()
    finally:
        doc.close()


@pytest.mark.parametrize(
    ("rotation", "expected"),
    [
        (0, (15.0, 760.0, 25.0, 770.0)),  # (left - 5, 800 - top, right - 5, 800 - bottom)
        (90, (20.0, 15.0, 30.0, 25.0)),  # (bottom - 10, left - 5, top - 10, right - 5)
        (180, (570.0, 20.0, 580.0, 30.0)),  # (600 - right, bottom - 10, 600 - left, top - 10)
        (270, (760.0, 570.0, 770.0, 580.0)),  # (800 - top, 600 - right, 800 - bottom, 600 - left)
    ],
)
def test_display_transform_maps_user_space_to_the_displayed_top_left(rotation, expected):
    page = types.SimpleNamespace(
        get_bbox=lambda: (5.0, 10.0, 600.0, 800.0),
        get_size=lambda: (595.0, 790.0),
        get_rotation=lambda: rotation,
    )
    width, height, transform = display_transform(page)
    assert (width, height) == (595.0, 790.0)
    # one char: left 20, bottom 30, right 30, top 40 (user space)
    assert transform([20.0], [30.0], [30.0], [40.0]) == [expected]
    assert transform([], [], [], []) == []


SHARED = SHARED_PDF
ALL_PDFS = PDFS + (sorted(SHARED.glob("*.pdf")) if SHARED.is_dir() else [])


def _pages(path):
    doc = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(doc)):
            page = doc[index]
            textpage = page.get_textpage()
            yield page, textpage
            textpage.close()
            page.close()
    finally:
        doc.close()


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_page_arrays_equal_page_chars(path):
    for page, textpage in _pages(path):
        _, _, transform = display_transform(page)
        _, _, to_arrays = display_arrays(page)
        chars = page_chars(textpage, transform)
        arrays = page_arrays(textpage, to_arrays)
        assert arrays.codes.tolist() == chars.codes
        assert [tuple(b) for b in arrays.boxes.tolist()] == chars.boxes


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_runs_by_arrays_equal_runs_one_char_at_a_time(path):
    """The array reader gives the runs (chars, boxes, bounds, words) of the reader that goes one char at a time, or
    leaves the page to it."""

    def runs_of(page, runs):
        return (
            page.text,
            page.boxes.tolist(),
            page.space.tolist(),
            [(r.start, r.stop, r.x0, r.top, r.x1, r.bottom, r.h, r.rotated, r.ink()) for r in runs],
        )

    for page, textpage in _pages(path):
        width, height, transform = display_transform(page)
        _, _, to_arrays = display_arrays(page)
        rotation = page.get_rotation() % 360
        arrays = page_arrays(textpage, to_arrays)
        found = runs.page_runs_by_arrays(arrays, width, height, rotation)
        one_by_one = runs.page_runs_by_chars(page_chars(textpage, transform), width, height, rotation)
        if found is not None:
            assert runs_of(*found) == runs_of(*one_by_one)
        assert runs_of(*runs.page_runs(arrays, width, height, rotation)) == runs_of(*one_by_one)
        # the words of all the page's runs in one pass: those of each run one char at a time
        assert all(r.ink() == runs.run_ink(r.chars, r.boxes, r.h) for r in one_by_one[1])


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_gutters_by_arrays_equal_gutters_one_word_at_a_time(path, monkeypatch):
    """Every column gutter the reader looks for, on every page: the same strips as the one-by-one reference."""
    by_arrays = order.gutter_candidates

    def both(rows):
        found = by_arrays(rows)
        assert found == gutter_candidates_one_by_one(rows)
        return found

    monkeypatch.setattr(order, "gutter_candidates", both)
    try:
        reader.read_pdf(path)
    except reader.PdfError:
        return


@pytest.mark.parametrize("path", ALL_PDFS, ids=lambda p: p.name)
def test_lines_by_arrays_equal_lines_one_at_a_time(path):
    """The lines that furniture is looked for in (their stripped ends and boxes), on every page."""
    try:
        text = reader.read_pdf(path)
    except reader.PdfError:
        return
    for page in range(1, len(text.page_starts) + 1):
        assert page_furniture.page_lines(text, page) == lines_one_by_one(text, page)


def test_no_whitespace_char_after_the_space_table():
    table = page_furniture.space_table()
    assert table.tolist() == [chr(c).isspace() for c in range(page_furniture.LAST_SPACE + 1)]
    assert not any(chr(c).isspace() for c in range(page_furniture.LAST_SPACE + 1, 0x110000))
    codes = np.array([0x20, 0x41, 0xA0, 0x3000, 0x3001, 0x10FFFF], dtype=np.uint32)
    assert page_furniture.is_space(codes).tolist() == [True, False, True, True, False, False]


def test_numpy_is_imported_only_when_a_pdf_is_read():
    """The reading wing imports numpy at its first use: text and HTML reports (and a re-run from the cache) do not
    pay for it."""
    import os
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import extract.reading\n"
        "from extract.reading import read\n"
        "print('numpy' in sys.modules)\n"
        f"read(__import__('pathlib').Path({str(PDFS[0])!r}))\n"
        "print('numpy' in sys.modules)\n"
    )
    src = Path(__file__).resolve().parent.parent / "src"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert out.stdout.split() == ["False", "True"]
