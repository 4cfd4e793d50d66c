"""What reading a PDF gives: its text in reading order with one box per char (`PdfText`, the boxes kept as one
array of doubles, `Boxes`), and the page and box of a span of it (`box_of`).

Boxes are PDFium's loose char boxes (font ascent to descent, so a line has one height), as (x0, top, x1, bottom)
in PDF points with the origin at the top-left of the page as displayed. Every char the reader inserts ("\\n",
"\\t", " " without a source glyph, the "\\f" between pages) has the zero box `NO_BOX`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from extract.reading.lazy_numpy import np
from extract.reading.pdf.chars import Box

NO_BOX: Box = (0.0, 0.0, 0.0, 0.0)


class Boxes(Sequence):
    """One (x0, top, x1, bottom) per char, read only, kept as one array of doubles (32 bytes a char instead of
    some 170 for a tuple of tuples: a 500-page report has a million chars and more)."""

    __slots__ = ("_a",)

    def __init__(self, boxes: Iterable[Box] = ()) -> None:
        self._a = array("d", itertools.chain.from_iterable(boxes))

    @classmethod
    def from_array(cls, values: np.ndarray) -> Boxes:
        """Boxes from an (n, 4) array of (x0, top, x1, bottom), without a tuple a box."""
        boxes = cls()
        boxes._a.frombytes(np.ascontiguousarray(values, dtype=np.float64).tobytes())
        return boxes

    def __len__(self) -> int:
        return len(self._a) // 4

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("box index out of range")
        k = 4 * index
        a = self._a
        return (a[k], a[k + 1], a[k + 2], a[k + 3])

    def values(self, start: int, end: int) -> array:
        """The coordinates of boxes start..end-1, flat (x0, top, x1, bottom, x0, ...)."""
        return self._a[4 * start : 4 * end]

    def __iter__(self) -> Iterator[Box]:
        a = self._a
        return zip(a[0::4], a[1::4], a[2::4], a[3::4], strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Boxes):
            return self._a == other._a
        if isinstance(other, Sequence):
            return len(other) == len(self) and all(tuple(b) == o for b, o in zip(other, self, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._a.tobytes())

    def __repr__(self) -> str:
        return f"Boxes(<{len(self)} boxes>)"


@dataclass(frozen=True)
class PdfText:
    """The text of a PDF in reading order, with one (x0, top, x1, bottom) box per character of `text` (`boxes`, a
    read-only sequence of tuples).

    Boxes are in PDF points, origin at the top-left of the displayed page. `page_starts[i]` is the offset of page
    i's first char (page i + 1 for people); pages are separated by "\\f". `page_sizes[i]` is (width, height)."""

    text: str = field(repr=False)
    page_starts: tuple[int, ...]
    page_sizes: tuple[tuple[float, float], ...]
    boxes: Boxes = field(repr=False)

    def page_at(self, offset: int) -> int:
        """The 1-based page of the char at `offset`."""
        return bisect.bisect_right(self.page_starts, offset)

    def page_span(self, page: int) -> tuple[int, int]:
        """(start, end) of the 1-based page's text, without the "\\f" that follows it."""
        start = self.page_starts[page - 1]
        end = self.page_starts[page] - 1 if page < len(self.page_starts) else len(self.text)
        return start, end


def box_of(pdf: PdfText, start: int, end: int) -> tuple[int, Box]:
    """(1-based page, union box) of the non-blank chars of text[start:end] on the page of `start` (a span that
    crosses a page break: its part on the first page). A span without ink gives the zero box."""
    if not 0 <= start < len(pdf.text):
        raise ValueError(f"start {start} is outside the text (0..{len(pdf.text) - 1})")
    page = pdf.page_at(start)
    _, page_end = pdf.page_span(page)
    end = min(max(end, start), page_end)
    # strided slices of the boxes' array, and the chars with ink picked by one mask: C loops, not a tuple per char
    values = pdf.boxes.values(start, end)
    lefts, tops, rights, bottoms = values[0::4], values[1::4], values[2::4], values[3::4]
    inked = [
        (r > lf or b > t) and not c.isspace()
        for lf, t, r, b, c in zip(lefts, tops, rights, bottoms, pdf.text[start:end], strict=True)
    ]
    if not any(inked):
        return page, NO_BOX
    return page, (
        min(itertools.compress(lefts, inked)),
        min(itertools.compress(tops, inked)),
        max(itertools.compress(rights, inked)),
        max(itertools.compress(bottoms, inked)),
    )


@functools.cache
def no_box_row() -> np.ndarray:
    """The box of a char we insert, as a (1, 4) array of zeros."""
    return np.zeros((1, 4))
