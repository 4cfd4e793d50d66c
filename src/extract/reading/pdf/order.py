"""A page's runs in reading order: grouped into rows by vertical overlap, and the rows read column by column where
the page has columns.

A column gutter is a strip of the text area's middle that the rows' words leave free over at least half the text
height (so a narrow gutter that PDFium bridged with a space, when a producer draws both columns row by row, is found
too; the runs are cut there). The rows between two rows that cross the gutter form a band, and a band is read column
by column (left column entirely, then the right) when both sides have at least three lines and read like prose:
lines filling half the column, each column at least a fifth of the width, most lines one run or no aligned gaps (a
table's cells line up). The middle gutter wins; a side is split again the same way (three columns). Rows of three
runs or more in a row (a table) are read whole, and so is the caption just above such a table when it stands below
the columns. Otherwise rows are read left to right, top to bottom.
"""

from __future__ import annotations

import operator

from extract.reading.lazy_numpy import np
from extract.reading.pdf.runs import Run


class Row:
    """Runs on one line: those that overlap its tallest run (the reference) by half the smaller height."""

    __slots__ = ("bottom", "h", "ref_bottom", "ref_top", "runs", "top")

    def __init__(self, run: Run) -> None:
        self.runs = [run]
        self.ref_top, self.ref_bottom = run.top, run.bottom
        self.top, self.bottom = run.top, run.bottom
        self.h = max(run.bottom - run.top, 1.0)  # of the reference run: max(ref_bottom - ref_top, 1.0)


_BY_TOP_X0 = operator.attrgetter("top", "x0")
_BY_X0 = operator.attrgetter("x0")


def rows_of(runs: list[Run]) -> list[Row]:
    """Group runs into rows by vertical overlap with the row's tallest run (no chaining), top to bottom; the runs of
    a row left to right."""
    rows: list[Row] = []
    open_rows: list[Row] = []
    for run in sorted(runs, key=_BY_TOP_X0):
        r_top = run.top
        r_bottom = run.bottom
        if open_rows:
            open_rows = [r for r in open_rows if r.ref_bottom > r_top]
        best = None
        best_ov = 0.0
        h = r_bottom - r_top
        if h < 1.0:  # max(h, 1.0)
            h = 1.0
        for row in open_rows:
            # min() and max() spelled out, in their order (min(a, b) is b only when b < a)
            ov = (row.ref_bottom if row.ref_bottom < r_bottom else r_bottom) - (
                row.ref_top if row.ref_top > r_top else r_top
            )
            if ov >= 0.5 * (row.h if row.h < h else h) and ov > best_ov:
                best, best_ov = row, ov
        if best is None:
            best = Row(run)
            rows.append(best)
            open_rows.append(best)
        else:
            best.runs.append(run)
            if r_top < best.top:
                best.top = r_top
            if r_bottom > best.bottom:
                best.bottom = r_bottom
            if h > best.h:
                best.ref_top, best.ref_bottom, best.h = r_top, r_bottom, h
    for row in rows:
        row.runs.sort(key=_BY_X0)
    rows.sort(key=lambda r: (r.ref_top, r.runs[0].x0))
    return rows


def median(values: list[float]) -> float:
    s = sorted(values)
    return s[len(s) // 2] if s else 0.0


def gutter_candidates(rows: list[Row]) -> list[tuple[float, float]]:
    """Strips (a, b) of the middle of the rows' x-range that the rows' words leave free over at least half their
    height (a narrow gutter that PDFium bridged with a space counts as free): in each free stretch, the part that
    is least covered (an image beside one column leaves a wide free stretch whose least covered part is the true
    gutter). Least covered and widest first.

    Coverage is counted on whole points: each row adds its height over the union of its words (rounded out to
    whole points), as +h where a stretch of the union starts and -h where it ends, summed left to right; the
    additions are made in the order of the one-by-one reference (`tests/pdf_reference.py`: row by row, left to
    right), so the sums are the same to the last bit."""
    x_lo = min(r.runs[0].x0 for r in rows)
    x_hi = max(max(run.x1 for run in r.runs) for r in rows)
    width = x_hi - x_lo
    if width < 60:
        return []
    size = int(width) + 2
    total = 0.0
    hs = []
    row_ids = []
    lefts = []
    rights = []
    for k, row in enumerate(rows):
        h = row.h
        total += h
        hs.append(h)
        for run in row.runs:
            x0s, x1s = run.edges()
            if x0s:
                row_ids.extend([k] * len(x0s))
                lefts.extend(x0s)
                rights.extend(x1s)
    diff = np.zeros(size + 1)
    if lefts:
        rid = np.array(row_ids, dtype=np.int64)
        x0 = np.array(lefts)
        x1 = np.array(rights)
        order = np.lexsort((x1, x0, rid))  # each row's words by (x0, x1), as sorted() orders the tuples
        rid, x0, x1 = rid[order], x0[order], x1[order]
        a = np.maximum(np.trunc(x0 - x_lo), 0).astype(np.int64)
        b = np.minimum(np.ceil(x1 - x_lo), size).astype(np.int64)
        # the union of a row's words: a stretch ends where the next word starts after the furthest end so far
        step = size + 2
        end_so_far = np.maximum.accumulate(rid * step + b) - rid * step
        first = np.empty(len(rid), dtype=bool)
        first[0] = True
        first[1:] = rid[1:] != rid[:-1]
        opens = first.copy()
        opens[1:] |= a[1:] > end_so_far[:-1]
        heads = np.flatnonzero(opens)
        tails = np.empty(len(heads), dtype=np.int64)
        tails[:-1] = heads[1:] - 1
        tails[-1] = len(rid) - 1
        h = np.array(hs)[rid[heads]]
        at = np.column_stack((a[heads], end_so_far[tails])).ravel()
        np.add.at(diff, at, np.column_stack((h, -h)).ravel())
    cov = np.cumsum(diff[:size])
    limit = 0.5 * total
    slack = 0.1 * total  # the words of lines that cross the gutter leave it unevenly covered
    min_width = max(4.0, 0.5 * median([r.h for r in rows]))
    lo, hi = int(0.15 * width), int(0.85 * width)
    window = cov[lo : hi + 1]
    free = window <= limit
    if not free.any():
        return []
    # the free stretches, and in each the parts covered at most `slack` more than its least covered point
    edges = np.flatnonzero(np.diff(np.concatenate(([False], free, [False])).astype(np.int8)))
    starts = edges[0::2]
    least = np.minimum.reduceat(np.where(free, window, np.inf), starts)
    mark = np.zeros(len(window), dtype=np.int64)
    mark[starts] = 1
    stretch = np.maximum(np.cumsum(mark) - 1, 0)  # the stretch each point is in (if it is free)
    low = free & (window <= (least + slack)[stretch])
    parts = np.flatnonzero(np.diff(np.concatenate(([False], low, [False])).astype(np.int8)))
    a, k = parts[0::2], parts[1::2]
    wide = (k - a) >= min_width
    cands = [
        (least_, -(k_ - a_), x_lo + (lo + a_), x_lo + (lo + k_))
        for least_, a_, k_ in zip(least[stretch[a[wide]]].tolist(), a[wide].tolist(), k[wide].tolist(), strict=True)
    ]
    cands.sort()
    return [(a, b) for _, _, a, b in cands[:4]]


class _Searches:
    """The gutter searches of one page, each made once: a side of a gutter is tested as a column (its gutters, and
    its own split when it has one), then read in order, which asks the same of the same rows again. Keyed by the
    rows list, which is kept alive here so that its id stays its own."""

    __slots__ = ("_gutters", "_splits")

    def __init__(self) -> None:
        self._gutters: dict[int, tuple[list[Row], list[tuple[float, float]]]] = {}
        self._splits: dict[tuple[int, int], tuple[list[Row], list | None]] = {}

    def gutters(self, rows: list[Row]) -> list[tuple[float, float]]:
        hit = self._gutters.get(id(rows))
        if hit is None:
            hit = self._gutters[id(rows)] = (rows, gutter_candidates(rows))
        return hit[1]

    def split(self, rows: list[Row], depth: int) -> list | None:
        key = (id(rows), depth)
        hit = self._splits.get(key)
        if hit is None:
            hit = self._splits[key] = (rows, _split(rows, depth, self))
        return hit[1]


def _reads_as_columns(rows: list[Row], parent_width: float, depth: int, searches: _Searches) -> bool:
    """Whether these rows (one side of a gutter) read as a column: at least 3 lines, a fifth of the width, lines
    filling half of it, and most lines one run or no gutter of their own (a table's cells line up; a justified
    line's wide gaps do not), unless that gutter splits them into columns again."""
    if len(rows) < 3:
        return False
    x0 = min(r.runs[0].x0 for r in rows)
    x1 = max(max(run.x1 for run in r.runs) for r in rows)
    col_width = x1 - x0
    if col_width < 0.2 * parent_width:
        return False
    widths = [max(run.x1 for run in r.runs) - r.runs[0].x0 for r in rows]
    if median(widths) < 0.5 * col_width:
        return False
    if sum(1 for r in rows if len(r.runs) == 1) >= 0.5 * len(rows) or not searches.gutters(rows):
        return True  # prose: most lines are one run, or their wide gaps (justified lines) do not line up
    return depth < 1 and searches.split(rows, depth + 1) is not None  # columns again (three columns), or a table


def _cut_rows(rows: list[Row], a: float, b: float) -> list[Row]:
    """The rows with each run that crosses the strip (a, b) through a hole cut there."""
    out = []
    for row in rows:
        runs: list[Run] = []
        changed = False
        for run in row.runs:
            parts = run.cut(a, b) if run.x0 < b - 1 and run.x1 > a + 1 else None
            if parts:
                runs.extend(parts)
                changed = True
            else:
                runs.append(run)
        if changed:
            copy = Row(runs[0])
            copy.runs = runs
            copy.ref_top, copy.ref_bottom, copy.top, copy.bottom = row.ref_top, row.ref_bottom, row.top, row.bottom
            copy.h = row.h
            out.append(copy)
        else:
            out.append(row)
    return out


def _blocks(rows: list[Row], a: float, b: float, line_h: float) -> list[tuple[str, object]]:
    """The rows as ("row", row) for a row read whole and ("band", rows) for runs of rows that may be columns.

    A row is read whole when it crosses the strip (a, b), or when it is one of two or more rows in a row of three
    runs or more (a table that sits under the columns, its cells on both sides of the gutter; one such row alone
    is a justified line with wide gaps). A band also ends at a vertical gap of 2.5 lines, and the last one or two
    rows of a band that stand on one side only, below the other side's last row and after a gap of more than 1.2
    lines, leave it when a row read whole follows (a table's caption under balanced columns)."""
    whole = [any(run.x0 < b - 1 and run.x1 > a + 1 for run in row.runs) for row in rows]
    multi = [len(row.runs) >= 3 for row in rows]
    for i in range(len(rows)):
        if multi[i] and ((i > 0 and multi[i - 1]) or (i + 1 < len(rows) and multi[i + 1])):
            whole[i] = True
    mid = (a + b) / 2
    blocks: list[tuple[str, object]] = []
    band: list[Row] = []

    def close_band(before_whole: bool) -> None:
        nonlocal band
        if not band:
            return
        tail: list[Row] = []
        if before_whole:
            while len(band) > 1 and len(tail) < 2:
                row = band[-1]
                left = all(run.x1 <= mid for run in row.runs)
                right = all(run.x1 > mid for run in row.runs)
                if not (left or right):
                    break
                others = [r for r in band[:-1] if any((run.x1 > mid) == left for run in r.runs)]
                gap = row.top - max(r.bottom for r in band[:-1])
                if not others or row.top < max(r.bottom for r in others) or gap <= 1.2 * line_h:
                    break
                tail.insert(0, band.pop())
        blocks.append(("band", band))
        blocks.extend(("row", row) for row in tail)
        band = []

    prev_bottom = None
    for row, read_whole in zip(rows, whole, strict=True):
        if read_whole:
            close_band(True)
            blocks.append(("row", row))
        else:
            if band and prev_bottom is not None and row.top - prev_bottom > 2.5 * line_h:
                close_band(False)
            band.append(row)
        prev_bottom = row.bottom if prev_bottom is None else max(prev_bottom, row.bottom)
    close_band(True)
    return blocks


def _split(rows: list[Row], depth: int, searches: _Searches) -> list | None:
    """A reading plan (see `reading_order`) for rows that have a column gutter, or None. Of the gutters that split
    at least one band into two columns, the one that leaves the narrower side widest (the middle one) wins: the
    gutters are tried widest narrower side first (ties in their order of coverage), and the first that splits
    wins, so those of a narrower side are never tried."""
    if len(rows) < 6 or sum(1 for r in rows if len(r.runs) >= 4) >= 0.6 * len(rows):
        return None  # too short, or a table
    x_lo = min(r.runs[0].x0 for r in rows)
    x_hi = max(max(run.x1 for run in r.runs) for r in rows)
    width = x_hi - x_lo
    line_h = median([r.h for r in rows])
    best = None
    gutters = searches.gutters(rows)
    by_balance = sorted(range(len(gutters)), key=lambda k: -min(gutters[k][0] - x_lo, x_hi - gutters[k][1]))
    for a, b in (gutters[k] for k in by_balance):
        mid = (a + b) / 2
        parts = []
        split_any = False
        for kind, item in _blocks(_cut_rows(rows, a, b), a, b, line_h):
            if kind == "row":
                parts.append((item, None, None))
                continue
            left = rows_of([run for row in item for run in row.runs if run.x1 <= mid])
            right: list[Row] | None = None
            if _reads_as_columns(left, width, depth, searches):
                right = rows_of([run for row in item for run in row.runs if run.x1 > mid])
            if right is not None and _reads_as_columns(right, width, depth, searches):
                split_any = True
                parts.append((None, left, right))
            else:
                parts.append((item, None, None))
        if split_any:
            best = parts
            break
    if best is None:
        return None
    plan: list = []
    for item, left, right in best:
        if left is None:
            plan.extend([item.runs] if isinstance(item, Row) else [row.runs for row in item])
        else:
            plan.append(None)
            plan.extend(_ordered(left, depth + 1, searches))
            plan.append(None)
            plan.extend(_ordered(right, depth + 1, searches))
            plan.append(None)
    return plan


def reading_order(rows: list[Row]) -> list[list[Run] | None]:
    """Lines (lists of runs, left to right) in reading order; None marks a block change."""
    return list(_ordered(rows, 0, _Searches()))


def _ordered(rows: list[Row], depth: int, searches: _Searches) -> list[list[Run] | None]:
    if depth < 3:
        plan = searches.split(rows, depth)
        if plan is not None:
            return plan
    return [row.runs for row in rows]
