"""A page's chars as runs: chars that PDFium gives in a row on one line, left to right, with no wide gap.

A run ends where PDFium's stream jumps back (unless two chars share a glyph's box, a ligature, or both are
right-to-left letters), moves to another line (the boxes overlap less than half the smaller height) or leaves a
wide gap (more than `WIDE_GAP` times the text height), at a line break PDFium generates, and where a char's
rotation changes (`char_policy`). Characters that lie wholly outside the page are invisible and dropped; a char
with an empty box is kept after the previous char with a zero-width box; the chars of a ligature ("fi") share its
glyph's box. Between two chars of a run there is nothing, or one space: the last kept space between them (NBSP,
narrow NBSP, thin space), else " " with the box of the PDF's own space (none for one PDFium generated).

The runs are found by array operations over the page (`page_runs_by_arrays`); the rare pages those leave out (a
surrogate pair, a char with an empty box, a NaN coordinate) are read one char at a time (`page_runs_by_chars`), with
the same result, tested on every fixture and shared PDF. A run's words (`Run.ink`) are found for the whole page in
one pass (`page_ink`), a run that steps back one char at a time (`run_ink`).
"""

from __future__ import annotations

from extract.reading.lazy_numpy import np
from extract.reading.pdf.boxed_text import NO_BOX
from extract.reading.pdf.char_policy import ASCII, GENERATED_CODES, KEEP_SPACES, decoded, is_rtl, rotation_test
from extract.reading.pdf.chars import Box, PageChars

WIDE_GAP = 1.0  # a gap wider than this splits a run, and is written "\t"


class Page:
    """The chars that a page's runs hold, in PDFium's order with our separators (a space between two words of a
    run), one after another: `text[i]` and `boxes[i]` (an (m, 4) float64 array of x0, top, x1, bottom). A run is
    the stretch `start:stop` of it, so that no Python object is made a char."""

    __slots__ = ("boxes", "runs", "space", "text")

    def __init__(self, text: str, boxes: np.ndarray, space: np.ndarray) -> None:
        self.text = text
        self.boxes = boxes
        self.space = space  # text[i].isspace()
        self.runs: list[Run] = []


class Run:
    """Chars that PDFium gives in a row on one line, left to right, with no wide gap: `page.text[start:stop]`."""

    __slots__ = ("_edges", "_ink", "bottom", "h", "page", "rotated", "start", "stop", "top", "x0", "x1")

    def __init__(self, page: Page, start: int, stop: int, box: Box, h: float, rotated: bool) -> None:
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
        run's first char. The page's runs get theirs in one pass (`page_ink`)."""
        if self._ink is None:
            page = self.page
            if page.runs and page.runs[0]._ink is None:
                page_ink(page)
            if self._ink is None:
                self._ink = run_ink(self.chars, self.boxes, self.h)
        return self._ink

    def edges(self) -> tuple[list[float], list[float]]:
        """The x0s and the x1s of `ink()`'s words, as two lists."""
        if self._edges is None:
            ink = self.ink()
            self._edges = ([w[0] for w in ink], [w[1] for w in ink])
        return self._edges

    def part(self, first: int, stop: int) -> Run:
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
        return Run(page, a, b, (x0, top, x1, bottom), self.h, self.rotated)

    def cut(self, a: float, b: float) -> list[Run] | None:
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


def run_ink(chars: str, boxes: list[Box], h: float) -> list[tuple[float, float, int, int]]:
    """`Run.ink`, one char at a time: the reference `page_ink` follows."""
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


def page_ink(page: Page) -> None:
    """`Run.ink` of all the page's runs in one pass over arrays. A word's right edge is the largest x1 of its chars
    so far; where a run's inked chars never step back (x1 never decreasing), that is the last char's x1, and a new
    word starts where x0 minus the previous inked char's x1 is not below the limit. A run that steps back, or a
    page with a NaN coordinate, is read one char at a time (`run_ink`)."""
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
            run._ink = run_ink(run.chars, run.boxes, run.h)
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
            run._ink = run_ink(run.chars, run.boxes, run.h)


def page_runs(chars: PageChars, width: float, height: float, rotation: int = 0) -> tuple[Page, list[Run]]:
    """The page's chars as runs, in PDFium's order, whitespace policy applied (see the module docstring).
    `rotation` is the page's /Rotate (clockwise degrees): a char is upright when it is upright as displayed.

    With the codes and boxes as arrays (`chars.page_arrays`) the runs are found by array operations
    (`page_runs_by_arrays`); a page that has what those leave out (a surrogate, an empty box, a NaN) and a page given
    as lists are read one char at a time (`page_runs_by_chars`), with the same result."""
    if isinstance(chars.codes, np.ndarray):
        found = page_runs_by_arrays(chars, width, height, rotation)
        if found is not None:
            return found
        chars = PageChars(
            codes=chars.codes.tolist(),
            boxes=[tuple(b) for b in chars.boxes.tolist()],
            is_generated=chars.is_generated,
            is_hyphen=chars.is_hyphen,
            angle=chars.angle,
        )
    return page_runs_by_chars(chars, width, height, rotation)


def page_runs_by_arrays(chars: PageChars, width: float, height: float, rotation: int) -> tuple[Page, list[Run]] | None:
    """`page_runs_by_chars` by array operations, or None for a page it does not cover (see `page_runs`).

    Every char is classed (a visible char, a whitespace of the PDF, a kept space, a generated space, a generated
    line break, or dropped: off the page); the visible chars, in order, are what the runs hold, and between two of
    them the separators decide: a line break starts a new run, else the first space (a kept space: the last one)
    joins them when the second char does not start a new run by the geometry of the two boxes."""
    u = chars.codes
    boxes = chars.boxes
    n = len(u)
    if n == 0:
        return Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
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
        ch = decoded(int(u[i]), i, is_hyphen)
        out[i] = ord(ch)
        if ch.isspace():
            kind[i] = 2 if ch in KEEP_SPACES else 1
    empty = (bx1 <= bx0) & (bbottom <= btop)
    visible = kind == 0
    if (visible & empty).any():
        return None  # a char without a box goes after the one before it: one char at a time
    off = visible & ((bx1 < -1) | (bx0 > width + 1) | (bbottom < -1) | (btop > height + 1))
    kind[off] = 5
    vis = np.flatnonzero(kind == 0)
    nv = len(vis)
    if nv == 0:
        return Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
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
        geo = (overlap < 0.5 * hmin) | (gap > WIDE_GAP * hh)
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
    rotated = rotation_test(chars.angle, rotation)
    head_rotated = list(map(rotated, vis[heads].tolist()))
    if any(head_rotated):
        # a rotated run goes on while its chars are rotated (whatever their boxes), an upright one while the
        # geometry says so: the runs follow each other from the first char, the angle asked only where it matters
        known = dict(zip(heads.tolist(), head_rotated, strict=True))
        upright_end = next_true(new)
        breaks_at = brk.tolist()

        def turned(j: int) -> bool:
            found = known.get(j)
            return rotated(int(vis[j])) if found is None else found

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
    page = Page(kcodes.astype("<u4").tobytes().decode("utf-32-le"), kboxes, kspace)
    # the runs' bounds: over their chars' boxes (a space's box is not counted)
    r_x0 = np.minimum.reduceat(x0, heads).tolist()
    r_top = np.minimum.reduceat(top, heads).tolist()
    r_x1 = np.maximum.reduceat(x1, heads).tolist()
    r_bottom = np.maximum.reduceat(bottom, heads).tolist()
    r_h = np.maximum(bottom[heads] - top[heads], 1.0).tolist()
    r_start = pos[heads].tolist()
    r_stop = [*r_start[1:], m]
    runs = [
        Run(page, a, b, (bx0_, t, bx1_, bt), h_, rot)
        for a, b, bx0_, t, bx1_, bt, h_, rot in zip(
            r_start, r_stop, r_x0, r_top, r_x1, r_bottom, r_h, head_rotated, strict=True
        )
    ]
    page.runs = runs
    return page, runs


def next_true(mask: np.ndarray) -> np.ndarray:
    """For each index, the first index at or after it where `mask` is true (len(mask) when there is none)."""
    n = len(mask)
    at = np.where(mask, np.arange(n), n)
    return np.minimum.accumulate(at[::-1])[::-1]


def page_runs_by_chars(chars: PageChars, width: float, height: float, rotation: int = 0) -> tuple[Page, list[Run]]:
    """`page_runs` one char at a time, for codes and boxes given as lists."""
    codes = chars.codes
    boxes = chars.boxes
    n = len(codes)
    k_chars: list[str] = []
    k_boxes: list[Box] = []
    if n <= 0:
        return Page("", np.zeros((0, 4)), np.zeros(0, dtype=bool)), []
    is_generated = chars.is_generated
    is_hyphen = chars.is_hyphen
    is_rotated = rotation_test(chars.angle, rotation)
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
            ch = ASCII[u]
            i += 1
            x0, top, x1, bottom = box
            empty = x1 <= x0 and bottom <= top
        else:
            # PDFium generates only spaces and line breaks: other chars skip the call (a ctypes call a char costs)
            if u in GENERATED_CODES and is_generated(i):
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
                ch = decoded(u, i, is_hyphen)
            i += step
            x0, top, x1, bottom = box
            empty = x1 <= x0 and bottom <= top
            if ch.isspace():
                if ch in KEEP_SPACES:
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
            if overlap < 0.5 * hmin or gap > WIDE_GAP * hh:
                new = True
            elif gap < -0.5 * hh:
                ligature = abs(x0 - l_x0) < 0.5 and abs(x1 - l_x1) < 0.5  # "fi": two chars, one glyph box
                if not ligature and not (is_rtl(ch) and is_rtl(k_chars[-1])):
                    new = True
        rotated = False
        if new or cur_rotated:  # the angle only where it can matter: upright text on one line stays upright
            rotated = is_rotated(i - step)
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
    page = Page(
        text,
        np.array(k_boxes, dtype=np.float64).reshape(len(k_boxes), 4),
        np.fromiter((c.isspace() for c in text), dtype=bool, count=len(text)),
    )
    stops = [r[0] for r in runs[1:]] + [len(k_chars)]
    page.runs = [
        Run(page, start, stop, (x0, top, x1, bottom), h, rotated)
        for (start, x0, top, x1, bottom, h, rotated), stop in zip(runs, stops, strict=True)
    ]
    return page, page.runs
