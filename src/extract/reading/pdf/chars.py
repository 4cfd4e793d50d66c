"""PDFium's per-character text API for one page, at the lowest cost a call: what `runs.page_runs` reads.

Every char costs at least two calls into PDFium (its code and its loose box), so the price of a ctypes call is
much of the price of reading a PDF. pypdfium2's raw bindings declare their argument types, and ctypes converts
every argument through its type on every call; the same C functions declared with their return type only, and
called with arguments that need no conversion (a `c_void_p`, ints, `byref`), cost about a third as much
(FPDFText_GetUnicode over our 15 PDFs' 124,414 chars: 0.03 s against 0.09 s; Linux x86-64, CPython 3.11). The
codes and boxes of all the page's chars are fetched in two passes driven by map(), the boxes into one array of
FS_RECTF (no Python object a char until the coordinates are read out in one go), and turned to the displayed
page's top-left origin in bulk. The values are the same as one call at a time: the same functions, the same
float32 fields widened to Python floats, the same arithmetic (`tests/test_pdf_chars.py`). The reader takes them as
numpy arrays (`page_arrays`: the codes an int64 array, the boxes an (n, 4) float64 array, the same values), so that
`runs.page_runs` works on whole pages rather than one char at a time; `page_chars` gives them as lists.

FPDFText_GetText is never used for the codes: it counts UTF-16 units of PDFium's text buffer, which leaves out
control chars and splits chars outside the BMP, so it drifts from the char indexes (and their boxes) on some files.
"""

from __future__ import annotations

import collections
import ctypes
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import repeat
from operator import sub

import pypdfium2.raw as pdfium_c

from extract.reading.lazy_numpy import np

Box = tuple[float, float, float, float]

_RECT_BYTES = ctypes.sizeof(pdfium_c.FS_RECTF)


def _unchecked(function):
    """The C function of a pypdfium2 raw binding with its return type only: ctypes then passes each argument
    without a conversion call (a ctypes object as it is, a Python int as a C int), so the caller passes the text
    page as a `c_void_p`, an index as an int and a pointer as `byref`."""
    return ctypes.CFUNCTYPE(function.restype)(ctypes.cast(function, ctypes.c_void_p).value)


_get_unicode = _unchecked(pdfium_c.FPDFText_GetUnicode)
_is_generated = _unchecked(pdfium_c.FPDFText_IsGenerated)
_is_hyphen = _unchecked(pdfium_c.FPDFText_IsHyphen)
_get_loose_box = _unchecked(pdfium_c.FPDFText_GetLooseCharBox)
_get_angle = _unchecked(pdfium_c.FPDFText_GetCharAngle)


@dataclass(frozen=True, slots=True)
class PageChars:
    """The chars of one text page: `codes[i]` is PDFium's code of char i (a UTF-16 unit: a surrogate pair is two
    chars), `boxes[i]` its loose box as (x0, top, x1, bottom) with the origin at the top-left of the page as
    displayed. The other questions are asked only where the reader needs them, one char at a time."""

    codes: list[int] | np.ndarray  # an int64 array from `page_arrays`
    boxes: list[Box] | np.ndarray  # an (n, 4) float64 array from `page_arrays`
    is_generated: Callable[[int], int]
    is_hyphen: Callable[[int], int]
    angle: Callable[[int], float]


def display_transform(page) -> tuple[float, float, Callable[..., list[Box]]]:
    """(width, height, f) where f maps the lists of PDFium boxes' lefts, bottoms, rights and tops (user space) to
    boxes (x0, top, x1, bottom) with the origin at the top-left of the page as displayed (crop box, /Rotate)."""
    left, bottom, right, top = page.get_bbox()
    width, height = page.get_size()
    rot = page.get_rotation() % 360

    def f(lfts: list[float], btms: list[float], rgts: list[float], tps: list[float]) -> list[Box]:
        n = len(lfts)

        def minus(values: list[float], offset: float) -> Iterable[float]:
            return map(sub, values, repeat(offset, n))

        def from_(offset: float, values: list[float]) -> Iterable[float]:
            return map(sub, repeat(offset, n), values)

        if rot == 90:
            return list(zip(minus(btms, bottom), minus(lfts, left), minus(tps, bottom), minus(rgts, left), strict=True))
        if rot == 180:
            return list(
                zip(from_(right, rgts), minus(btms, bottom), from_(right, lfts), minus(tps, bottom), strict=True)
            )
        if rot == 270:
            return list(zip(from_(top, tps), from_(right, rgts), from_(top, btms), from_(right, lfts), strict=True))
        return list(zip(minus(lfts, left), from_(top, tps), minus(rgts, left), from_(top, btms), strict=True))

    return float(width), float(height), f


def display_arrays(page) -> tuple[float, float, Callable[[np.ndarray], np.ndarray]]:
    """`display_transform` for arrays: (width, height, g) where g maps an (n, 4) float32 array of FS_RECTF (left,
    top, right, bottom; user space) to an (n, 4) float64 array of (x0, top, x1, bottom) with the origin at the
    top-left of the page as displayed. The same values as `display_transform`: the float32 fields widened to
    doubles, then one double subtraction each."""
    left, bottom, right, top = (float(v) for v in page.get_bbox())
    width, height = page.get_size()
    rot = page.get_rotation() % 360

    def g(rects: np.ndarray) -> np.ndarray:
        r = rects.astype(np.float64)
        lf, tp, rt, bt = r[:, 0], r[:, 1], r[:, 2], r[:, 3]
        out = np.empty_like(r)
        if rot == 90:
            cols = (bt - bottom, lf - left, tp - bottom, rt - left)
        elif rot == 180:
            cols = (right - rt, bt - bottom, right - lf, tp - bottom)
        elif rot == 270:
            cols = (top - tp, right - rt, top - bt, right - lf)
        else:
            cols = (lf - left, top - tp, rt - left, top - bt)
        for k, col in enumerate(cols):
            out[:, k] = col
        return out

    return float(width), float(height), g


def page_arrays(textpage, transform: Callable[[np.ndarray], np.ndarray]) -> PageChars:
    """`page_chars` with the codes as an int64 array and the boxes as an (n, 4) float64 array (x0, top, x1,
    bottom), mapped by `transform` (see `display_arrays`): no Python object a char."""
    raw, n, codes, rects = _fetched(textpage)
    boxes = transform(np.frombuffer(rects, dtype=np.float32, count=4 * n).reshape(n, 4))
    return _page(raw, np.fromiter(codes, dtype=np.int64, count=n), boxes)


def page_chars(textpage, transform: Callable[..., list[Box]]) -> PageChars:
    """The chars of a pypdfium2 text page, boxes mapped by `transform` (see `display_transform`)."""
    raw, n, codes, rects = _fetched(textpage)
    codes = list(codes)
    flat = memoryview(rects).cast("B").cast("f").tolist() if n else []
    # FS_RECTF is (left, top, right, bottom)
    boxes = transform(flat[0::4], flat[3::4], flat[2::4], flat[1::4])
    return _page(raw, codes, boxes)


def _fetched(textpage):
    """(raw handle, char count, the codes as a lazy map the caller drains, the loose boxes as a filled FS_RECTF
    array). map() drives the calls from C: no bytecode a char besides the call itself."""
    n = max(pdfium_c.FPDFText_CountChars(textpage.raw), 0)
    raw = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    rects = (pdfium_c.FS_RECTF * n)()
    pointers = map(ctypes.byref, repeat(rects, n), range(0, n * _RECT_BYTES, _RECT_BYTES))
    collections.deque(map(_get_loose_box, repeat(raw, n), range(n), pointers), maxlen=0)
    return raw, n, map(_get_unicode, repeat(raw, n), range(n)), rects


def _page(raw: ctypes.c_void_p, codes: object, boxes: object) -> PageChars:
    return PageChars(
        codes=codes,  # type: ignore[arg-type]
        boxes=boxes,  # type: ignore[arg-type]
        is_generated=functools.partial(_is_generated, raw),
        is_hyphen=functools.partial(_is_hyphen, raw),
        angle=functools.partial(_get_angle, raw),
    )
