"""Running headers, footers and page numbers of a PDF, found by their recurrence across pages (`furniture`), over
the page's lines found by array operations (`page_lines`)."""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict

from extract.reading.lazy_numpy import np
from extract.reading.pdf.boxed_text import PdfText
from extract.reading.pdf.chars import Box

_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@functools.cache
def space_table() -> np.ndarray:
    """str.isspace of every char up to U+3000, the last whitespace char (`tests/test_pdf_chars.py` checks it)."""
    return np.array([chr(c).isspace() for c in range(LAST_SPACE + 1)], dtype=bool)


LAST_SPACE = 0x3000


def is_space(codes: np.ndarray) -> np.ndarray:
    """str.isspace of each code point."""
    return (codes <= LAST_SPACE) & space_table()[np.minimum(codes, LAST_SPACE)]


def page_lines(pdf: PdfText, page: int) -> list[tuple[int, int, Box]]:
    """(start, end, box) of the page's non-blank lines, stripped, with the box of `box_of` (those without ink are
    left out), found by array operations over the page's chars."""
    start, end = pdf.page_span(page)
    if end <= start:
        return []
    codes = np.frombuffer(pdf.text[start:end].encode("utf-32-le"), dtype=np.uint32)
    boxes = np.frombuffer(pdf.boxes._a, dtype=np.float64)[4 * start : 4 * end].reshape(end - start, 4)
    blank = is_space(codes)
    inked = ~blank & ((boxes[:, 2] > boxes[:, 0]) | (boxes[:, 3] > boxes[:, 1]))
    line = np.cumsum(codes == 0x0A)  # the line of each char (a line break counts to the line after it)
    ink_at = np.flatnonzero(inked)
    if not len(ink_at):
        return []
    word_at = np.flatnonzero(~blank)
    ink_line = line[ink_at]
    heads = np.flatnonzero(np.r_[True, ink_line[1:] != ink_line[:-1]])
    sel = boxes[ink_at]
    x0 = np.minimum.reduceat(sel[:, 0], heads).tolist()
    top = np.minimum.reduceat(sel[:, 1], heads).tolist()
    x1 = np.maximum.reduceat(sel[:, 2], heads).tolist()
    bottom = np.maximum.reduceat(sel[:, 3], heads).tolist()
    # the stripped ends of each inked line: its first and last chars that are not whitespace
    word_line = line[word_at]
    lines = ink_line[heads]
    first = word_at[np.searchsorted(word_line, lines, side="left")] + start
    last = word_at[np.searchsorted(word_line, lines, side="right") - 1] + start + 1
    return [
        (a, b, (l_, t, r, bt))
        for a, b, l_, t, r, bt in zip(first.tolist(), last.tolist(), x0, top, x1, bottom, strict=True)
    ]


def furniture(pdf: PdfText) -> list[tuple[int, int, str]]:
    """Spans (start, end, "page furniture") of running headers, footers and page numbers.

    A line is furniture when it is one of the three top (or bottom) lines of its page, lies in the top (bottom)
    eighth of the page, and the same line, digits aside ("Page 3 of 12" = "Page 4 of 12", a lone page number),
    stands in that zone on at least 2 pages and on at least 40% of the pages. A 1-page document has none."""
    n_pages = len(pdf.page_starts)
    if n_pages < 2:
        return []
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    found: list[tuple[int, int, str, str]] = []
    for page in range(1, n_pages + 1):
        height = pdf.page_sizes[page - 1][1]
        lines = page_lines(pdf, page)
        if not lines:
            continue
        by_top = sorted(lines, key=lambda line: line[2][1])
        zones = (("top", by_top[:3]), ("bottom", by_top[-3:]))
        for zone, candidates in zones:
            for a, b, box in candidates:
                middle = (box[1] + box[3]) / 2
                if (zone == "top" and middle > height / 8) or (zone == "bottom" and middle < height * 7 / 8):
                    continue
                key = _SPACES.sub(" ", _DIGITS.sub("#", pdf.text[a:b])).strip().casefold()
                if not key:
                    continue
                seen[(zone, key)].add(page)
                found.append((a, b, zone, key))
    need = max(2, math.ceil(0.4 * n_pages))
    spans = sorted({(a, b) for a, b, zone, key in found if len(seen[(zone, key)]) >= need})
    return [(a, b, "page furniture") for a, b in spans]
