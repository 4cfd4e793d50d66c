"""Read a PDF's text layer into one text with one box per character, in reading order.

Self-contained: the standard library, numpy and pypdfium2 (PDFium) only. `open_pdf` opens a PDF for drawing its
pages (the report's page images, `checks/page_images.py`).

What `read_pdf` builds, and the policies it follows:

- Characters come from PDFium's per-character API (FPDFText_CountChars / GetUnicode / IsGenerated / GetLooseCharBox
  / GetCharAngle), never from FPDFText_GetText, which counts UTF-16 units and drifts from the char boxes.
  A surrogate pair that PDFium reports as two chars becomes one char with the union of both boxes; a lone surrogate,
  a control char or an unmapped glyph that has ink becomes U+FFFD (without ink it is dropped).
- Boxes are PDFium's loose char boxes (font ascent to descent, so a line has one height), as (x0, top, x1, bottom)
  in PDF points with the origin at the top-left of the page as displayed (crop box, /Rotate applied).
  Characters that lie wholly outside the page are invisible and dropped; a char with an empty box is kept after
  the previous char with a zero-width box; the chars of a ligature ("fi") share its glyph's box.
- Whitespace is ours: PDFium's generated "\\r\\n" are dropped (lines come from the boxes), its generated spaces
  and the PDF's own spaces become one " " between words (the PDF's own NBSP, narrow NBSP and thin space are kept
  inside a word, as in "3\\u202f000"). Between two runs of one line: nothing if they touch, " " for a word gap,
  "\\t" for a wide gap (a table cell or a tab stop, wider than `_WIDE_GAP` times the text height). Lines end with
  "\\n"; a paragraph gap, a column change or a block change gives an empty line ("\\n\\n"). Pages are joined by
  "\\f". Every char we insert ("\\n", "\\t", " " without a source glyph, "\\f") has the zero box (0, 0, 0, 0).
- Line-end hyphens: PDFium marks a hyphen that ends a line (reports it as U+0002 or U+FFFE); it becomes "-",
  and so does a soft hyphen (U+00AD) that the PDF draws. `text` keeps them; `hyphen_joins` says which to join.
- Reading order: runs of chars (split where PDFium's stream jumps back, moves to another line, or leaves a wide
  gap) are grouped into rows by vertical overlap. A column gutter is a strip of the text area's middle that the
  rows' words leave free over at least half the text height (so a narrow gutter that PDFium bridged with a space,
  when a producer draws both columns row by row, is found too; the runs are cut there). The rows between two
  rows that cross the gutter form a band, and a band is read column by column (left column entirely, then the
  right) when both sides have at least three lines and read like prose: lines filling half the column, each
  column at least a fifth of the width, most lines one run or no aligned gaps (a table's cells line up). The
  middle gutter wins; a side is split again the same way (three columns). Rows of three runs or more in a row (a
  table) are read whole, and so is the caption just above such a table when it stands below the columns.
  Otherwise rows are read left to right, top to bottom. Rotated text (a margin stamp) comes after the page's
  other lines.
- PDFium is not thread-safe: every call into it holds one module lock.
- Cost: no Python object a char. A page's codes and boxes come as numpy arrays (`pdf_chars.page_arrays`); its runs
  are found by array operations (`_page_runs_arrays`) and are stretches of one page-wide text and box array
  (`_Page`), their words (`_Run.ink`), the column gutters' coverage and the furniture lines by array operations
  too. Each of these has a one-by-one version that it is tested against on every fixture and shared PDF
  (`_page_runs_chars`, which also reads the rare pages the arrays leave out: a surrogate pair, a char with an empty
  box, a NaN coordinate; `_run_ink`, `_gutter_candidates_one_by_one`, `_lines_one_by_one`).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
import threading
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from extract.reading.lazy_numpy import np
from extract.reading.pdf_chars import Box, PageChars, display_arrays, page_arrays

__all__ = [
    "NO_BOX",
    "Box",
    "Boxes",
    "PdfError",
    "PdfText",
    "box_of",
    "furniture",
    "hyphen_joins",
    "line_end_hyphens",
    "open_pdf",
    "read_pdf",
]

NO_BOX: Box = (0.0, 0.0, 0.0, 0.0)

_LOCK = threading.RLock()

# layout constants, in multiples of the text height (loose box height, about 1.2 times the font size)
_WIDE_GAP = 1.0  # a gap wider than this splits a run, and is written "\t"
_TOUCH_GAP = 0.12  # runs closer than this are one word
_PARA_GAP = 0.7  # a vertical gap between lines wider than this is a paragraph break
_KEEP_SPACES = frozenset("\u00a0\u202f\u2009")  # kept inside a word ("3\u202f000")
_HYPHEN_CODES = frozenset((0x02, 0x2D, 0xAD, 0xFFFE))
_GENERATED_CODES = frozenset((0x20, 0x0A, 0x0D))
_ASCII = [chr(u) for u in range(0x80)]


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


class PdfError(Exception):
    """A PDF that cannot be read: `path` and `reason`; str() is "<path>: <reason>"."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


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


# --------------------------------------------------------------------------------------------- characters to runs


class _Page:
    """The chars that a page's runs hold, in PDFium's order with our separators (a space between two words of a
    run), one after another: `text[i]` and `boxes[i]` (an (m, 4) float64 array of x0, top, x1, bottom). A run is
    the stretch `start:stop` of it, so that no Python object is made a char."""

    __slots__ = ("boxes", "runs", "space", "text")

    def __init__(self, text: str, boxes: np.ndarray, space: np.ndarray) -> None:
        self.text = text
        self.boxes = boxes
        self.space = space  # text[i].isspace()
        self.runs: list[_Run] = []


class _Run:
    """Chars that PDFium gives in a row on one line, left to right, with no wide gap: `page.text[start:stop]`."""

    __slots__ = ("_edges", "_ink", "bottom", "h", "page", "rotated", "start", "stop", "top", "x0", "x1")

    def __init__(self, page: _Page, start: int, stop: int, box: Box, h: float, rotated: bool) -> None:
        self.page = page
        self.start = start
        self.stop = stop
        self.x0, self.top, self.x1, self.bottom = box
        self.h = h
        self.rotated = rotated
        self._ink: list[tuple[float, float, int, int]] | None = None
        self._edges: tuple[list[float], list[float]] | None = None

    @property
    def chars(self) -> str:
        return self.page.text[self.start : self.stop]

    @property
    def boxes(self) -> list[Box]:
        return [tuple(b) for b in self.page.boxes[self.start : self.stop].tolist()]

    def ink(self) -> list[tuple[float, float, int, int]]:
        """(x0, x1, first, stop) of the run's words: inked chars closer than a fifth of the height, so that a word
        gap, and a narrow gutter that PDFium bridged with a space, are holes. `first` and `stop` count from the
        run's first char. The page's runs get theirs in one pass (`_page_ink`)."""
        if self._ink is None:
            page = self.page
            if page.runs and page.runs[0]._ink is None:
                _page_ink(page)
            if self._ink is None:
                self._ink = _run_ink(self.chars, self.boxes, self.h)
        return self._ink

    def edges(self) -> tuple[list[float], list[float]]:
        """The x0s and the x1s of `ink()`'s words, as two lists."""
        if self._edges is None:
            ink = self.ink()
            self._edges = ([w[0] for w in ink], [w[1] for w in ink])
        return self._edges

    def part(self, first: int, stop: int) -> _Run:
        """The run of chars[first:stop]: its bounds those of the first char's box and of the others' with ink."""
        page = self.page
        a, b = self.start + first, self.start + stop
        boxes = page.boxes[a:b].tolist()  # a word or two: a loop over Python floats costs less than array calls
        x0, top, x1, bottom = boxes[0]
        for b_x0, b_top, b_x1, b_bottom in boxes[1:]:
            if b_x1 > b_x0 or b_bottom > b_top:
                if b_x0 < x0:
                    x0 = b_x0
                if b_x1 > x1:
                    x1 = b_x1
                if b_top < top:
                    top = b_top
                if b_bottom > bottom:
                    bottom = b_bottom
        return _Run(page, a, b, (x0, top, x1, bottom), self.h, self.rotated)

    def cut(self, a: float, b: float) -> list[_Run] | None:
        """The run cut in two at its widest hole that meets the strip (a, b), or None when ink crosses the strip."""
        ink = self.ink()
        best = None
        for k in range(len(ink) - 1):
            lo, hi = ink[k][1], ink[k + 1][0]
            overlap = min(hi, b) - max(lo, a)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, k)
        if best is None:
            return None
        k = best[1]
        return [self.part(ink[0][2], ink[k][3]), self.part(ink[k + 1][2], ink[-1][3])]


def _run_ink(chars: str, boxes: list[Box], h: float) -> list[tuple[float, float, int, int]]:
    """`_Run.ink`, one char at a time: the reference `_page_ink` follows."""
    out: list[tuple[float, float, int, int]] = []
    limit = 0.2 * h
    for i, (ch, b) in enumerate(zip(chars, boxes, strict=True)):
        if ch.isspace() or b[2] <= b[0]:
            continue
        if out and b[0] - out[-1][1] < limit:
            x0, x1, first, _ = out[-1]
            out[-1] = (x0, max(x1, b[2]), first, i + 1)
        else:
            out.append((b[0], b[2], i, i + 1))
    return out


def _page_ink(page: _Page) -> None:
    """`_Run.ink` of all the page's runs in one pass over arrays. A word's right edge is the largest x1 of its chars
    so far; where a run's inked chars never step back (x1 never decreasing), that is the last char's x1, and a new
    word starts where x0 minus the previous inked char's x1 is not below the limit. A run that steps back, or a
    page with a NaN coordinate, is read one char at a time (`_run_ink`)."""
    runs = page.runs
    for run in runs:
        run._ink = []
    boxes = page.boxes
    if not len(boxes):
        return
    x0 = boxes[:, 0]
    x1 = boxes[:, 2]
    if np.isnan(boxes).any():
        for run in runs:
            run._ink = _run_ink(run.chars, run.boxes, run.h)
        return
    starts = np.fromiter((r.start for r in runs), dtype=np.int64, count=len(runs))
    stops = np.fromiter((r.stop for r in runs), dtype=np.int64, count=len(runs))
    hs = np.fromiter((r.h for r in runs), dtype=np.float64, count=len(runs))
    run_of = np.repeat(np.arange(len(runs)), stops - starts)
    idx = np.flatnonzero(~page.space[: len(run_of)] & (x1[: len(run_of)] > x0[: len(run_of)]))
    if not len(idx):
        return
    r = run_of[idx]
    ix0 = x0[idx]
    ix1 = x1[idx]
    first = np.empty(len(idx), dtype=bool)
    first[0] = True
    first[1:] = r[1:] != r[:-1]
    prev_x1 = np.empty(len(idx))
    prev_x1[0] = 0.0
    prev_x1[1:] = ix1[:-1]
    back = ~first & (ix1 < prev_x1)
    new = first | ~(ix0 - prev_x1 < 0.2 * hs[r])
    gs = np.flatnonzero(new)
    ge = np.empty(len(gs), dtype=np.int64)
    ge[:-1] = gs[1:] - 1
    ge[-1] = len(idx) - 1
    g_run = r[gs]
    g_start = starts[g_run]
    for rid, gx0, gx1, gfirst, gstop in zip(
        g_run.tolist(),
        ix0[gs].tolist(),
        ix1[ge].tolist(),
        (idx[gs] - g_start).tolist(),
        (idx[ge] + 1 - g_start).tolist(),
        strict=True,
    ):
        runs[rid]._ink.append((gx0, gx1, gfirst, gstop))
    if back.any():
        for rid in np.unique(r[back]).tolist():
            run = runs[rid]
            run._ink = _run_ink(run.chars, run.boxes, run.h)


def _is_rtl(ch: str) -> bool:
    o = ord(ch)
    return 0x0590 <= o <= 0x08FF or 0xFB1D <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFC


def _page_runs(chars: PageChars, width: float, height: float, rotation: int = 0) -> tuple[_Page, list[_Run]]:
    """The page's chars as runs, in PDFium's order, whitespace policy applied (see the module docstring).
    `rotation` is the page's /Rotate (clockwise degrees): a char is upright when it is upright as displayed.

    With the codes and boxes as arrays (`pdf_chars.page_arrays`) the runs are found by array operations
    (`_page_runs_arrays`); a page that has what those leave out (a surrogate, an empty box, a NaN) and a page given
    as lists are read one char at a time (`_page_runs_chars`), with the same result."""
    if isinstance(chars.codes, np.ndarray):
        found = _page_runs_arrays(chars, width, height, rotation)
        if found is not None:
            return found
        chars = PageChars(
            codes=chars.codes.tolist(),
            boxes=[tuple(b) for b in chars.boxes.tolist()],
            is_generated=chars.is_generated,
            is_hyphen=chars.is_hyphen,
            angle=chars.angle,
        )
    return _page_runs_chars(chars, width, height, rotation)


@functools.cache
def _no_row() -> np.ndarray:
    """The box of a char we insert, as a (1, 4) array of zeros."""
    return np.zeros((1, 4))


def _page_runs_arrays(chars: PageChars, width: float, height: float, rotation: int) -> tuple[_Page, list[_Run]] | None:
    """`_page_runs_chars` by array operations, or None for a page it does not cover (see `_page_runs`).

    Every char is classed (a visible char, a whitespace of the PDF, a kept space, a generated space, a generated
    line break, or dropped: off the page); the visible chars, in order, are what the runs hold, and between two of
    them the separators decide: a line break starts a new run, else the first space (a kept space: the last one)
    joins them when the second char does not start a new run by the geometry of the two boxes."""
    u = chars.codes
    boxes = chars.boxes
    n = len(u)
    if n == 0:
        return _Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
    if ((u >= 0xD800) & (u <= 0xDFFF)).any() or (u > 0x10FFFF).any() or np.isnan(boxes).any():
        return None
    bx0, btop, bx1, bbottom = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    # kinds: 0 visible, 1 a whitespace of the PDF (" " with its box), 2 a kept space, 3 generated space,
    # 4 generated line break, 5 dropped
    kind = np.zeros(n, dtype=np.int8)
    out = u.copy()  # the char each code reads as
    simple = (u > 0x20) & (u < 0x7F) & (u != 0x2D)
    cand = np.flatnonzero((u == 0x20) | (u == 0x0A) | (u == 0x0D))
    gen = np.zeros(n, dtype=bool)
    if len(cand):
        gen[cand] = np.fromiter(map(chars.is_generated, cand.tolist()), dtype=np.int64, count=len(cand)) != 0
    kind[gen] = np.where(u[gen] == 0x20, 3, 4)
    kind[(u == 0x20) & ~gen] = 1
    is_hyphen = chars.is_hyphen
    for i in np.flatnonzero(~simple & ~gen & (u != 0x20)).tolist():
        ch = _decoded(int(u[i]), i, is_hyphen)
        out[i] = ord(ch)
        if ch.isspace():
            kind[i] = 2 if ch in _KEEP_SPACES else 1
    empty = (bx1 <= bx0) & (bbottom <= btop)
    visible = kind == 0
    if (visible & empty).any():
        return None  # a char without a box goes after the one before it: one char at a time
    off = visible & ((bx1 < -1) | (bx0 > width + 1) | (bbottom < -1) | (btop > height + 1))
    kind[off] = 5
    vis = np.flatnonzero(kind == 0)
    nv = len(vis)
    if nv == 0:
        return _Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
    vb = boxes[vis]
    x0, top, x1, bottom = vb[:, 0], vb[:, 1], vb[:, 2], vb[:, 3]
    # a new run: the first char, a line break since the char before, or the geometry of the two boxes
    breaks = np.cumsum(kind == 4)
    brk = np.zeros(nv, dtype=bool)
    split = np.zeros(nv, dtype=bool)
    if nv > 1:
        brk[1:] = breaks[vis[1:]] != breaks[vis[:-1]]
        l_x0, l_top, l_x1, l_bottom = x0[:-1], top[:-1], x1[:-1], bottom[:-1]
        c_x0, c_top, c_x1, c_bottom = x0[1:], top[1:], x1[1:], bottom[1:]
        lh = l_bottom - l_top
        h = c_bottom - c_top
        hmin = np.where((lh > 0) & (lh < h), lh, h)
        overlap = np.minimum(c_bottom, l_bottom) - np.maximum(c_top, l_top)
        gap = c_x0 - l_x1
        hh = np.where(h > lh, h, lh)
        hh = np.where(hh < 1.0, 1.0, hh)
        geo = (overlap < 0.5 * hmin) | (gap > _WIDE_GAP * hh)
        back = ~geo & (gap < -0.5 * hh)
        if back.any():
            ligature = (np.abs(c_x0 - l_x0) < 0.5) & (np.abs(c_x1 - l_x1) < 0.5)
            vo = out[vis]
            rtl = (vo >= 0x0590) & (vo <= 0x08FF)
            rtl |= (vo >= 0xFB1D) & (vo <= 0xFDFF)
            rtl |= (vo >= 0xFE70) & (vo <= 0xFEFC)
            geo |= back & ~ligature & ~(rtl[1:] & rtl[:-1])
        split[1:] = geo
    new = brk | split
    new[0] = True
    heads = np.flatnonzero(new)
    get_angle = chars.angle
    pi2 = 2 * math.pi
    turn = math.radians(rotation)

    def rotated(indexes: list[int]) -> list[bool]:
        return [0.02 < (angle + turn) % pi2 < pi2 - 0.02 for angle in map(get_angle, indexes)]

    head_rotated = rotated(vis[heads].tolist())
    if any(head_rotated):
        # a rotated run goes on while its chars are rotated (whatever their boxes), an upright one while the
        # geometry says so: the runs follow each other from the first char, the angle asked only where it matters
        known = dict(zip(heads.tolist(), head_rotated, strict=True))
        upright_end = _next_true(new)
        breaks_at = brk.tolist()

        def turned(j: int) -> bool:
            found = known.get(j)
            return rotated([int(vis[j])])[0] if found is None else found

        head_list = [0]
        turned_list = [turned(0)]
        j = 0
        while j + 1 < nv:
            if turned_list[-1]:
                k = j + 1
                while k < nv and not breaks_at[k] and turned(k):
                    k += 1
            else:
                k = int(upright_end[j + 1])
            if k >= nv:
                break
            head_list.append(k)
            turned_list.append(turned(k))
            j = k
        heads = np.array(head_list, dtype=np.int64)
        new = np.zeros(nv, dtype=bool)
        new[heads] = True
        head_rotated = turned_list
    # the space between two chars of a run: the last kept space between them, else the first whitespace
    spaced = np.zeros(nv, dtype=bool)
    src = np.zeros(nv, dtype=np.int64)
    ws = np.flatnonzero((kind >= 1) & (kind <= 3))
    if len(ws) and nv > 1:
        k = np.searchsorted(ws, vis[:-1], side="right")
        k_ok = k < len(ws)
        first_ws = ws[np.minimum(k, len(ws) - 1)]
        has_ws = k_ok & (first_ws < vis[1:])
        src[1:] = first_ws
        kept = np.flatnonzero(kind == 2)
        if len(kept):
            j = np.searchsorted(kept, vis[1:], side="left") - 1
            last_kept = kept[np.maximum(j, 0)]
            has_kept = (j >= 0) & (last_kept > vis[:-1])
            src[1:] = np.where(has_kept, last_kept, src[1:])
        spaced[1:] = has_ws & ~new[1:]
    n_sp = np.cumsum(spaced)
    pos = np.arange(nv) + n_sp  # where each visible char goes
    m = nv + int(n_sp[-1])
    kcodes = np.empty(m, dtype=np.uint32)
    kboxes = np.empty((m, 4))
    kspace = np.zeros(m, dtype=bool)
    kcodes[pos] = out[vis]
    kboxes[pos] = vb
    if n_sp[-1]:
        sp_at = pos[spaced] - 1
        s = src[spaced]
        s_kind = kind[s]
        kcodes[sp_at] = np.where(s_kind == 2, out[s], 0x20)
        s_boxes = boxes[s].copy()
        s_boxes[(s_kind == 3) | empty[s]] = 0.0
        kboxes[sp_at] = s_boxes
        kspace[sp_at] = True
    page = _Page(kcodes.astype("<u4").tobytes().decode("utf-32-le"), kboxes, kspace)
    # the runs' bounds: over their chars' boxes (a space's box is not counted)
    r_x0 = np.minimum.reduceat(x0, heads).tolist()
    r_top = np.minimum.reduceat(top, heads).tolist()
    r_x1 = np.maximum.reduceat(x1, heads).tolist()
    r_bottom = np.maximum.reduceat(bottom, heads).tolist()
    r_h = np.maximum(bottom[heads] - top[heads], 1.0).tolist()
    r_start = pos[heads].tolist()
    r_stop = [*r_start[1:], m]
    runs = [
        _Run(page, a, b, (bx0_, t, bx1_, bt), h_, rot)
        for a, b, bx0_, t, bx1_, bt, h_, rot in zip(
            r_start, r_stop, r_x0, r_top, r_x1, r_bottom, r_h, head_rotated, strict=True
        )
    ]
    page.runs = runs
    return page, runs


def _next_true(mask: np.ndarray) -> np.ndarray:
    """For each index, the first index at or after it where `mask` is true (len(mask) when there is none)."""
    n = len(mask)
    at = np.where(mask, np.arange(n), n)
    return np.minimum.accumulate(at[::-1])[::-1]


def _page_runs_chars(chars: PageChars, width: float, height: float, rotation: int = 0) -> tuple[_Page, list[_Run]]:
    """`_page_runs` one char at a time, for codes and boxes given as lists."""
    codes = chars.codes
    boxes = chars.boxes
    n = len(codes)
    k_chars: list[str] = []
    k_boxes: list[Box] = []
    if n <= 0:
        return _Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
    is_generated = chars.is_generated
    is_hyphen = chars.is_hyphen
    get_angle = chars.angle
    pi2 = 2 * math.pi
    turn = math.radians(rotation)
    add_char = k_chars.append
    add_box = k_boxes.append

    # each run as [start, x0, top, x1, bottom, h, rotated]; its chars are k_chars[start:next start]
    runs: list[list] = []
    cur: list | None = None
    brk = True  # the next char starts a new run
    space: str | None = None  # a pending separator (" " or a kept space)
    space_box: Box = NO_BOX
    last_box: Box = NO_BOX  # the box of cur's last char
    cur_rotated = False
    i = 0
    while i < n:
        u = codes[i]
        box = boxes[i]
        step = 1
        if 0x20 < u < 0x7F and u != 0x2D:  # printable ASCII but the hyphen: most chars, decided first
            ch = _ASCII[u]
            i += 1
            x0, top, x1, bottom = box
            empty = x1 <= x0 and bottom <= top
        else:
            # PDFium generates only spaces and line breaks: other chars skip the call (a ctypes call a char costs)
            if u in _GENERATED_CODES and is_generated(i):
                if u == 0x20:
                    if space is None:
                        space, space_box = " ", NO_BOX
                else:  # "\r", "\n": lines come from the boxes
                    brk = True
                i += 1
                continue
            if 0xD800 <= u <= 0xDBFF:
                u2 = codes[i + 1] if i + 1 < n else 0
                if 0xDC00 <= u2 <= 0xDFFF:
                    b2 = boxes[i + 1]
                    box = (min(box[0], b2[0]), min(box[1], b2[1]), max(box[2], b2[2]), max(box[3], b2[3]))
                    ch = chr(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00))
                    step = 2
                else:
                    ch = "\ufffd"
            elif 0xDC00 <= u <= 0xDFFF:
                ch = "\ufffd"
            else:
                ch = _decoded(u, i, is_hyphen)
            i += step
            x0, top, x1, bottom = box
            empty = x1 <= x0 and bottom <= top
            if ch.isspace():
                if ch in _KEEP_SPACES:
                    space, space_box = ch, (NO_BOX if empty else box)
                elif space is None:
                    space, space_box = " ", (NO_BOX if empty else box)
                continue
        if empty:
            if ch == "\ufffd" or cur is None or brk:  # a control char without ink, or no place to put it
                continue
            l_x1 = last_box[2]
            last_box = (l_x1, last_box[1], l_x1, last_box[3])
            add_char(ch)
            add_box(last_box)
            if last_box[3] > last_box[1]:  # bounds from a box with ink (a zero width one with a height counts)
                cur[1] = min(cur[1], l_x1)
                cur[3] = max(cur[3], l_x1)
                cur[2] = min(cur[2], last_box[1])
                cur[4] = max(cur[4], last_box[3])
            space = None
            continue
        if x1 < -1 or x0 > width + 1 or bottom < -1 or top > height + 1:
            continue  # outside the page: invisible
        new = cur is None or brk
        if not new and not cur_rotated:
            l_x0, l_top, l_x1, l_bottom = last_box
            lh = l_bottom - l_top
            h = bottom - top
            hmin = lh if 0 < lh < h else h
            overlap = (bottom if bottom < l_bottom else l_bottom) - (top if top > l_top else l_top)
            gap = x0 - l_x1
            hh = h if h > lh else lh
            if hh < 1.0:
                hh = 1.0
            if overlap < 0.5 * hmin or gap > _WIDE_GAP * hh:
                new = True
            elif gap < -0.5 * hh:
                ligature = abs(x0 - l_x0) < 0.5 and abs(x1 - l_x1) < 0.5  # "fi": two chars, one glyph box
                if not ligature and not (_is_rtl(ch) and _is_rtl(k_chars[-1])):
                    new = True
        rotated = False
        if new or cur_rotated:  # the angle only where it can matter: upright text on one line stays upright
            angle = get_angle(i - step)
            angle = (angle + turn) % pi2
            rotated = 0.02 < angle < pi2 - 0.02
            if not new and not rotated:
                new = True
        if new:
            cur = [len(k_chars), x0, top, x1, bottom, max(bottom - top, 1.0), rotated]
            runs.append(cur)
            cur_rotated = rotated
        else:
            if space is not None:
                add_char(space)
                add_box(space_box)
            # the box has ink here
            if x0 < cur[1]:
                cur[1] = x0
            if x1 > cur[3]:
                cur[3] = x1
            if top < cur[2]:
                cur[2] = top
            if bottom > cur[4]:
                cur[4] = bottom
        add_char(ch)
        add_box(box)
        last_box = box
        brk = False
        space = None
    text = "".join(k_chars)
    page = _Page(
        text,
        np.array(k_boxes, dtype=np.float64).reshape(len(k_boxes), 4),
        np.fromiter((c.isspace() for c in text), dtype=bool, count=len(text)),
    )
    stops = [r[0] for r in runs[1:]] + [len(k_chars)]
    page.runs = [
        _Run(page, start, stop, (x0, top, x1, bottom), h, rotated)
        for (start, x0, top, x1, bottom, h, rotated), stop in zip(runs, stops, strict=True)
    ]
    return page, page.runs


# ----------------------------------------------------------------------------------------------- runs to lines


class _Row:
    __slots__ = ("bottom", "h", "ref_bottom", "ref_top", "runs", "top")

    def __init__(self, run: _Run) -> None:
        self.runs = [run]
        self.ref_top, self.ref_bottom = run.top, run.bottom
        self.top, self.bottom = run.top, run.bottom
        self.h = max(run.bottom - run.top, 1.0)  # of the reference run: max(ref_bottom - ref_top, 1.0)


_BY_TOP_X0 = operator.attrgetter("top", "x0")
_BY_X0 = operator.attrgetter("x0")


def _rows(runs: list[_Run]) -> list[_Row]:
    """Group runs into rows by vertical overlap with the row's tallest run (no chaining), top to bottom; the runs of
    a row left to right."""
    rows: list[_Row] = []
    open_rows: list[_Row] = []
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
            best = _Row(run)
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


def _median(values: list[float]) -> float:
    s = sorted(values)
    return s[len(s) // 2] if s else 0.0


def _gutter_candidates(rows: list[_Row]) -> list[tuple[float, float]]:
    """Strips (a, b) of the middle of the rows' x-range that the rows' words leave free over at least half their
    height (a narrow gutter that PDFium bridged with a space counts as free): in each free stretch, the part that
    is least covered (an image beside one column leaves a wide free stretch whose least covered part is the true
    gutter). Least covered and widest first.

    Coverage is counted on whole points: each row adds its height over the union of its words (rounded out to
    whole points), as +h where a stretch of the union starts and -h where it ends, summed left to right; the
    additions are made in the order of `_gutter_candidates_one_by_one` (row by row, left to right), so the sums
    are the same to the last bit."""
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
    min_width = max(4.0, 0.5 * _median([r.h for r in rows]))
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


def _gutter_candidates_one_by_one(rows: list[_Row]) -> list[tuple[float, float]]:
    """`_gutter_candidates` one word and one point at a time: the reference it is tested against."""
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
    min_width = max(4.0, 0.5 * _median([r.h for r in rows]))
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


def _reads_as_columns(rows: list[_Row], parent_width: float, depth: int) -> bool:
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
    if _median(widths) < 0.5 * col_width:
        return False
    if sum(1 for r in rows if len(r.runs) == 1) >= 0.5 * len(rows) or not _gutter_candidates(rows):
        return True  # prose: most lines are one run, or their wide gaps (justified lines) do not line up
    return depth < 1 and _split(rows, depth + 1) is not None  # columns again (three columns), or a table


def _cut_rows(rows: list[_Row], a: float, b: float) -> list[_Row]:
    """The rows with each run that crosses the strip (a, b) through a hole cut there."""
    out = []
    for row in rows:
        runs: list[_Run] = []
        changed = False
        for run in row.runs:
            parts = run.cut(a, b) if run.x0 < b - 1 and run.x1 > a + 1 else None
            if parts:
                runs.extend(parts)
                changed = True
            else:
                runs.append(run)
        if changed:
            copy = _Row(runs[0])
            copy.runs = runs
            copy.ref_top, copy.ref_bottom, copy.top, copy.bottom = row.ref_top, row.ref_bottom, row.top, row.bottom
            copy.h = row.h
            out.append(copy)
        else:
            out.append(row)
    return out


def _blocks(rows: list[_Row], a: float, b: float, line_h: float) -> list[tuple[str, object]]:
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
    band: list[_Row] = []

    def close_band(before_whole: bool) -> None:
        nonlocal band
        if not band:
            return
        tail: list[_Row] = []
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


def _split(rows: list[_Row], depth: int) -> list | None:
    """A reading plan (see `_order`) for rows that have a column gutter, or None. Of the gutters that split at least
    one band into two columns, the one that leaves the narrower side widest (the middle one) wins."""
    if len(rows) < 6 or sum(1 for r in rows if len(r.runs) >= 4) >= 0.6 * len(rows):
        return None  # too short, or a table
    x_lo = min(r.runs[0].x0 for r in rows)
    x_hi = max(max(run.x1 for run in r.runs) for r in rows)
    width = x_hi - x_lo
    line_h = _median([r.h for r in rows])
    best = None
    for a, b in _gutter_candidates(rows):
        balance = min(a - x_lo, x_hi - b)
        if best is not None and balance <= best[0]:
            continue
        mid = (a + b) / 2
        parts = []
        split_any = False
        for kind, item in _blocks(_cut_rows(rows, a, b), a, b, line_h):
            if kind == "row":
                parts.append((item, None, None))
                continue
            left = _rows([run for row in item for run in row.runs if run.x1 <= mid])
            right = _rows([run for row in item for run in row.runs if run.x1 > mid])
            if _reads_as_columns(left, width, depth) and _reads_as_columns(right, width, depth):
                split_any = True
                parts.append((None, left, right))
            else:
                parts.append((item, None, None))
        if split_any:
            best = (balance, parts)
    if best is None:
        return None
    plan: list = []
    for item, left, right in best[1]:
        if left is None:
            plan.extend([item.runs] if isinstance(item, _Row) else [row.runs for row in item])
        else:
            plan.append(None)
            plan.extend(_order(left, depth + 1))
            plan.append(None)
            plan.extend(_order(right, depth + 1))
            plan.append(None)
    return plan


def _order(rows: list[_Row], depth: int = 0) -> list[list[_Run] | None]:
    """Lines (lists of runs, left to right) in reading order; None marks a block change."""
    if depth < 3:
        plan = _split(rows, depth)
        if plan is not None:
            return plan
    return [row.runs for row in rows]


def _lay_out(runs: list[_Run], out_text: list[str], out_boxes: list[np.ndarray]) -> None:
    """Append the page's text in reading order to out_text (pieces of text) and out_boxes (the pieces' boxes, (k, 4)
    arrays: a run's slice of its page's boxes, one zero row for each char we insert)."""
    upright = [r for r in runs if not r.rotated]
    rotated = [r for r in runs if r.rotated]
    lines = _order(_rows(upright)) if upright else []
    if rotated:
        lines.append(None)
        lines.extend([r] for r in rotated)
    blank = False
    prev: list[_Run] | None = None
    add_text = out_text.append
    add_boxes = out_boxes.append
    no_row = _no_row()
    for line in lines:
        if line is None:
            blank = True
            continue
        if prev is not None:
            p_bottom = max(r.bottom for r in prev)
            top = min(r.top for r in line)
            h = max(_median([r.h for r in line]), _median([r.h for r in prev]))
            gap = top - p_bottom
            if blank or gap > _PARA_GAP * h or gap < -2 * h:
                add_text("\n")
                add_boxes(no_row)
            add_text("\n")
            add_boxes(no_row)
        blank = False
        last: _Run | None = None
        for run in line:
            if last is not None:
                gap = run.x0 - last.x1
                h = max(run.h, last.h)
                if gap >= _WIDE_GAP * h:
                    add_text("\t")
                    add_boxes(no_row)
                elif gap > _TOUCH_GAP * h:
                    add_text(" ")
                    add_boxes(no_row)
            page = run.page
            add_text(page.text[run.start : run.stop])
            add_boxes(page.boxes[run.start : run.stop])
            last = run
        prev = line


# --------------------------------------------------------------------------------------------------- reading


def _check_bytes(path: Path, data: bytes | None = None) -> None:
    """Refuse what is not a whole PDF file before PDFium (which repairs what it can) sees it (the file's `data`
    when it has been read already)."""
    if data is not None:
        size, head, tail = len(data), data[:1024], data[max(0, len(data) - 8192) :]
    else:
        try:
            size = path.stat().st_size
            with path.open("rb") as f:
                head = f.read(1024)
                f.seek(max(0, size - 8192))
                tail = f.read()
        except OSError as e:
            raise PdfError(path, f"not a readable PDF: {e.strerror or e}") from None
    if size == 0:
        raise PdfError(path, "not a readable PDF: empty file")
    if b"%PDF-" not in head:
        raise PdfError(path, "not a readable PDF: no %PDF header")
    if b"%%EOF" not in tail:
        raise PdfError(path, "not a readable PDF: truncated (no %%EOF at the end)")


def _open(path: Path, data: bytes | None = None):
    try:
        return pdfium.PdfDocument(str(path) if data is None else data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise PdfError(path, "encrypted PDF (password required)") from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise PdfError(path, "encrypted PDF (unsupported security handler)") from None
        raise PdfError(path, f"not a readable PDF: {e}") from None
    except (OSError, ValueError) as e:
        raise PdfError(path, f"not a readable PDF: {e}") from None


def read_pdf(path: Path, *, max_pages: int = 500, data: bytes | None = None) -> PdfText:
    """Read the text layer of the PDF at `path` in reading order, one box per char (see the module docstring).
    With `data`, the file's bytes already read, PDFium reads those (from memory) rather than the file again.

    Raises PdfError for an encrypted file, a file that is not a whole PDF, a PDF without text, or one of more than
    `max_pages` pages."""
    path = Path(path)
    _check_bytes(path, data)
    pieces: list[str] = []
    box_pieces: list[np.ndarray] = []
    length = 0  # of the text so far
    starts: list[int] = []
    sizes: list[tuple[float, float]] = []
    with _LOCK:
        doc = _open(path, data)
        try:
            n_pages = len(doc)
            if n_pages == 0:
                raise PdfError(path, "not a readable PDF: no pages")
            if n_pages > max_pages:
                raise PdfError(path, f"{n_pages} pages; the limit is {max_pages}")
            for index in range(n_pages):
                if index:
                    pieces.append("\f")
                    box_pieces.append(_no_row())
                    length += 1
                starts.append(length)
                page = textpage = None
                try:
                    page = doc[index]
                    width, height, transform = display_arrays(page)
                    textpage = page.get_textpage()
                    _, runs = _page_runs(page_arrays(textpage, transform), width, height, page.get_rotation() % 360)
                except pdfium.PdfiumError as e:
                    raise PdfError(path, f"not a readable PDF: page {index + 1}: {e}") from None
                finally:
                    if textpage is not None:
                        textpage.close()
                    if page is not None:
                        page.close()
                sizes.append((width, height))
                first = len(pieces)
                _lay_out(runs, pieces, box_pieces)
                length += sum(map(len, pieces[first:]))
        finally:
            doc.close()
    text = "".join(pieces)
    if not text or text.isspace():
        raise PdfError(path, "no text layer (scanned PDF?); OCR is not supported")
    boxes = Boxes.from_array(np.concatenate(box_pieces))
    return PdfText(text=text, page_starts=tuple(starts), page_sizes=tuple(sizes), boxes=boxes)


# ------------------------------------------------------------------------------------------------ questions


def _has_ink(box: Box) -> bool:
    return box[2] > box[0] or box[3] > box[1]


def _decoded(code: int, index: int, is_hyphen: Callable[[int], bool]) -> str:
    """A char code that is no surrogate, as the text holds it: a hyphen PDFium marks (or a soft hyphen) as "-", a
    control char as a tab, a line break or U+FFFD, any other code as itself."""
    if code in _HYPHEN_CODES and (code == 0xAD or is_hyphen(index)):
        return "-"
    if code < 0x20 or 0x7F <= code < 0xA0 or code in (0xFFFE, 0xFFFF):
        return "\t" if code == 0x09 else ("\n" if code in (0x0A, 0x0D) else "\ufffd")
    return chr(code)


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


_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")


@functools.cache
def _space_table() -> np.ndarray:
    """str.isspace of every char up to U+3000, the last whitespace char (`tests/test_pdf_chars.py` checks it)."""
    return np.array([chr(c).isspace() for c in range(_LAST_SPACE + 1)], dtype=bool)


_LAST_SPACE = 0x3000


def _is_space(codes: np.ndarray) -> np.ndarray:
    """str.isspace of each code point."""
    return (codes <= _LAST_SPACE) & _space_table()[np.minimum(codes, _LAST_SPACE)]


def _lines(pdf: PdfText, page: int) -> list[tuple[int, int, Box]]:
    """(start, end, box) of the page's non-blank lines, stripped, with the box of `box_of` (those without ink are
    left out), found by array operations over the page's chars."""
    start, end = pdf.page_span(page)
    if end <= start:
        return []
    codes = np.frombuffer(pdf.text[start:end].encode("utf-32-le"), dtype=np.uint32)
    boxes = np.frombuffer(pdf.boxes._a, dtype=np.float64)[4 * start : 4 * end].reshape(end - start, 4)
    blank = _is_space(codes)
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


def _lines_one_by_one(pdf: PdfText, page: int) -> list[tuple[int, int, Box]]:
    """`_lines` one line at a time through `box_of`: the reference it is tested against."""
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
        lines = _lines(pdf, page)
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


_WORD_BEFORE = re.compile(r"(\w+)-$")
_WORD_AFTER = re.compile(r"[^\W\d_]\w*")


def hyphen_joins(pdf: PdfText) -> list[int]:
    """Offsets of line-end hyphens that split a word ("humani-\\ntarian"): a hyphen right after a letter, ending its
    line, followed on the next line (of the same column: the text is in reading order) by a lower-case letter.
    A hyphen is left alone when the document spells the word with its hyphen elsewhere and never without it
    ("well-\\nknown" in a text that also has "well-known": see `kept_hyphens`). `text` is not changed."""
    return [i for i, kept in _line_end_hyphens(pdf) if not kept]


def line_end_hyphens(pdf: PdfText) -> tuple[list[int], list[int]]:
    """The offsets of `hyphen_joins`, and those of line-end hyphens of words the document spells with their hyphen
    ("well-\\nknown" beside "well-known"), which read whole with the hyphen, the line break left out."""
    found = _line_end_hyphens(pdf)
    return [i for i, kept in found if not kept], [i for i, kept in found if kept]


def _line_end_hyphens(pdf: PdfText) -> list[tuple[int, bool]]:
    """Each line-end hyphen inside a word, with whether the document spells the word with its hyphen."""
    text = pdf.text
    found: list[tuple[int, bool]] = []
    words: set[str] | None = None
    pos = text.find("-\n")
    while pos != -1:
        i = pos
        pos = text.find("-\n", pos + 1)
        if i == 0 or not text[i - 1].isalpha():
            continue
        j = i + 2
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or not text[j].islower():
            continue
        left = re.search(r"\w+$", text[max(0, i - 60) : i])
        right = _WORD_AFTER.match(text, j)
        kept = False
        if left and right:
            if words is None:
                words = set(re.findall(r"\w+(?:-\w+)*", text.casefold()))
            joined = (left.group() + right.group()).casefold()
            hyphened = f"{left.group()}-{right.group()}".casefold()
            kept = hyphened in words and joined not in words
        found.append((i, kept))
    return found


# ------------------------------------------------------------------------------------------------- rendering


@contextmanager
def open_pdf(path: Path) -> Iterator[pdfium.PdfDocument]:
    """The PDF checked as `read` checks it and opened with PDFium, closed afterwards; the module's lock is held
    meanwhile (PDFium is not thread-safe)."""
    path = Path(path)
    _check_bytes(path)
    with _LOCK:
        doc = _open(path)
        try:
            yield doc
        finally:
            doc.close()
