"""One-by-one reference implementations of what the PDF reader does by array operations, kept only to check it:
the column gutters' coverage (`gutter_candidates_one_by_one`, against `order.gutter_candidates`) and the lines that
furniture is looked for in (`lines_one_by_one`, against `page_furniture.page_lines`)."""

from __future__ import annotations

import math

from extract.reading.pdf.boxed_text import PdfText, box_of
from extract.reading.pdf.chars import Box
from extract.reading.pdf.order import Row, median


def gutter_candidates_one_by_one(rows: list[Row]) -> list[tuple[float, float]]:
    """`gutter_candidates` one word and one point at a time: the reference it is tested against."""
    x_lo = min(r.runs[0].x0 for r in rows)
    x_hi = max(max(run.x1 for run in r.runs) for r in rows)
    width = x_hi - x_lo
    if width < 60:
        return []
    size = int(width) + 2
    diff = [0.0] * (size + 1)
    total = 0.0
    for row in rows:
        h = row.h
        total += h
        start = end = None
        ink = sorted(iv[:2] for run in row.runs for iv in run.ink())
        for x0, x1 in ink:  # union of the row's words, so that overlapping ones count once
            a = max(int(x0 - x_lo), 0)
            b = min(math.ceil(x1 - x_lo), size)
            if start is None:
                start, end = a, b
            elif a <= end:
                end = max(end, b)
            else:
                diff[start] += h
                diff[end] -= h
                start, end = a, b
        if start is not None:
            diff[start] += h
            diff[end] -= h
    cov = []
    acc = 0.0
    for x in range(size):
        acc += diff[x]
        cov.append(acc)
    limit = 0.5 * total
    slack = 0.1 * total  # the words of lines that cross the gutter leave it unevenly covered
    min_width = max(4.0, 0.5 * median([r.h for r in rows]))
    lo, hi = int(0.15 * width), int(0.85 * width)
    cands = []
    x = lo
    while x <= hi:
        if cov[x] > limit:
            x += 1
            continue
        start = x
        while x <= hi and cov[x] <= limit:
            x += 1
        stretch = cov[start:x]
        least = min(stretch)
        k = start
        while k < x:  # the least covered parts of the stretch
            if cov[k] > least + slack:
                k += 1
                continue
            a = k
            while k < x and cov[k] <= least + slack:
                k += 1
            if k - a >= min_width:
                cands.append((least, -(k - a), x_lo + a, x_lo + k))
    cands.sort()
    return [(a, b) for _, _, a, b in cands[:4]]


def _has_ink(box: Box) -> bool:
    return box[2] > box[0] or box[3] > box[1]


def lines_one_by_one(pdf: PdfText, page: int) -> list[tuple[int, int, Box]]:
    """`page_furniture.page_lines` one line at a time through `box_of`: the reference it is tested against."""
    start, end = pdf.page_span(page)
    text = pdf.text
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl == -1 else nl
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            _, box = box_of(pdf, a, b)
            if _has_ink(box):
                out.append((a, b, box))
        pos = stop + 1
    return out
