"""Numbers of a chart rather than of the text: axis ticks, signed-change series, scale steps and bands, the
ranks of a ranked table."""

from __future__ import annotations

import re
from itertools import pairwise

from extract.models import Kind, Qualifier, Quantity
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import Rejection, _cue, _pattern
from extract.parsing.rejections.cut_text import _stop_words

_RANK_MIN_ROWS = 3
_RANK_LABEL = re.compile(r" [A-Z]")  # a rank's row label follows it after one space: "1 Iraq CHF 85.7"


def _ranked_rows(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """The ranks of a ranked table flattened into one line ("10 largest operations in 2009 ... 1 Iraq CHF 85.7 USD
    79.0 2 Sudan CHF 77.4 USD 71.4 3 Pakistan ..."): whole numbers 1, 2, 3 ... in order (a rank another rule
    already took may be missing: up to two), each right before a capitalised row label, with the row's own figures
    between two ranks; three rows or more."""
    rejected: dict[int, Rejection] = {}
    run: list[int] = []
    cells = 0  # figures read since the last rank
    for index, quantity in enumerate([*quantities, None]):
        rank = (
            quantity is not None
            and _next_rank(quantity.number, quantities, run)
            and (not run or cells > 0)
            and _RANK_LABEL.match(text, quantity.number_end) is not None
        )
        if rank:
            run.append(index)
            cells = 0
            continue
        opens = quantity is not None and quantity.number == "1" and _RANK_LABEL.match(text, quantity.number_end)
        if quantity is not None and run and not opens:
            cells += 1  # a row's cell; a new "1 Label" opens another table
            continue
        if len(run) >= _RANK_MIN_ROWS:
            rejected.update((i, Rejection("ordinal", "ranked-rows")) for i in run)
        run, cells = ([index] if opens else []), 0
    return rejected


def _next_rank(number: str, quantities: list[Quantity], run: list[int]) -> bool:
    if not number.isdigit():
        return False
    last = int(quantities[run[-1]].number) if run else 0
    return last < int(number) <= last + 3 if run else number == "1"


_TICK_GAP = re.compile(r"[\s\-–—•]*")  # what lies between two ticks of one axis: no word, no other number
_MIN_TICKS = 3
# a series of signed changes as a chart labels its bars ("+79 +59 +8 0 -1 +3"): four or more numbers, only spaces
# between them, at least three with a sign of their own
_SIGNED_SERIES = re.compile(r"(?<![\w.,])(?:[+\-−]?\d+(?:\.\d+)?%?[ \t]+){3,}[+\-−]?\d+(?:\.\d+)?%?(?![\w.,])")
_SIGN = re.compile(r"(?<!\S)[+\-−]\d")
_MIN_SIGNED = 3


def _axis_ticks(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """A chart axis read as figures: three or more numbers with one compact scale suffix ("0.5M 1M 1.5M 2M",
    "- 90M 50M 30M 70M"), nothing but spaces or dashes between them, whose values are evenly spaced."""
    rejected: dict[int, Rejection] = {}
    run: list[int] = []
    for index, quantity in enumerate([*quantities, None]):
        tick = quantity is not None and _is_tick(text, quantity)
        if tick and run and _TICK_GAP.fullmatch(text, quantities[run[-1]].end, quantity.number_start):
            run.append(index)
            continue
        if len(run) >= _MIN_TICKS and _evenly_spaced([_tick_value(quantities[i]) for i in run]):
            rejected.update((i, Rejection("page furniture", "axis-ticks")) for i in run)
        run = [index] if tick else []
    return rejected


# A chart whose axis a PDF copy scatters through the body text ("spread to four other 180 neighbouring districts
# ... 160 with ... 140 DREF support ... 20 water purifiers ... 0 improved"): bare whole numbers that step down (or
# up) by one even step of 5 or more, each within a few lines of the one before, whatever lies between. A paragraph
# holds a part of the axis: four ticks when they reach 0 by a step of 20 or more, six when they do not.
_SCATTERED_TICK = re.compile(r"\d{1,6}")
_SCATTERED_MIN_TICKS = 6
_SCATTERED_MIN_STEP = 5
_SCATTERED_MIN_TO_ZERO = 4  # "30 admissions ... 20 of them ... 10 ... 0 deaths" may be prose: such a run steps by
_SCATTERED_MIN_STEP_TO_ZERO = 20  # at least 20
_SCATTERED_MAX_GAP = 200  # characters between two ticks of one axis


def _interleaved_axis(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """A chart axis interleaved with the prose: bare whole numbers, in the text's order, whose values step by one
    even step (5 or more), each within a few lines of the one before: six or more, or four or more that reach 0 by a
    step of 20 or more."""
    ticks = [
        (index, int(quantity.value), quantity.number_start)
        for index, quantity in enumerate(quantities)
        if quantity.start == quantity.number_start
        and quantity.value is not None
        and _SCATTERED_TICK.fullmatch(text, quantity.number_start, quantity.number_end) is not None
    ]
    rejected: dict[int, Rejection] = {}
    for first, (_, value, start) in enumerate(ticks):
        for _, next_value, next_start in ticks[first + 1 :]:
            if next_start - start > _SCATTERED_MAX_GAP:
                break
            step = next_value - value
            if abs(step) < _SCATTERED_MIN_STEP or value % step:
                continue
            run = _scattered_run(ticks[first:], step)
            to_zero = 0 in (value, value + step * (len(run) - 1)) and abs(step) >= _SCATTERED_MIN_STEP_TO_ZERO
            if len(run) >= (_SCATTERED_MIN_TO_ZERO if to_zero else _SCATTERED_MIN_TICKS):
                rejected.update((i, Rejection("page furniture", "scattered-axis-ticks")) for i in run)
    return rejected


def _scattered_run(ticks: list[tuple[int, int, int]], step: int) -> list[int]:
    """The indices of the ticks that continue the first one by `step`, each the next such value within reach; none
    when a value between two of them stands between them in the text."""
    run, (index, value, start) = [], ticks[0]
    run.append(index)
    for other, other_value, other_start in ticks[1:]:
        if other_start - start > _SCATTERED_MAX_GAP:
            break
        if other_value == value + step:
            run.append(other)
            value, start = other_value, other_start
        elif min(value, value + step) < other_value < max(value, value + step):
            return run[:1]  # a denser series between two ticks ("Wk 16 Wk 17 Wk 18"): no axis of this step
    return run


def _is_tick(text: str, quantity: Quantity) -> bool:
    """A number and its compact suffix, nothing more ("1.5M", "25%"): no qualifier, no counted noun."""
    return (
        quantity.start == quantity.number_start
        and _pattern("axis_tick").fullmatch(text, quantity.number_start, quantity.end) is not None
    )


def _tick_value(quantity: Quantity) -> float | None:
    """A tick's value; of a range read across the axis's first tick ("112 - 0.5M"), its upper bound."""
    value = quantity.value if quantity.value is not None else quantity.high
    return None if value is None else float(value)


def _evenly_spaced(values: list[float | None]) -> bool:
    if any(v is None for v in values):
        return False
    ordered = sorted(v for v in values if v is not None)
    steps = [b - a for a, b in pairwise(ordered)]
    return steps[0] > 0 and all(abs(step - steps[0]) <= 1e-9 * max(1.0, abs(steps[0])) for step in steps)


def _in_signed_series(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """The figures read inside a series of signed changes ("+79 +59 +8 0 -1 +3"): a chart's bar labels."""
    series = [m.span() for m in _SIGNED_SERIES.finditer(text) if len(_SIGN.findall(m.group())) >= _MIN_SIGNED]
    return {
        index: Rejection("page furniture", "signed-change-series")
        for index, quantity in enumerate(quantities)
        if any(start <= quantity.number_start and quantity.number_end <= end for start, end in series)
    }


_MAX_BAND = 10


_SCALE_STEP_REACH = 80


def _scale_step(text: str, start: int, end: int) -> bool:
    """A step of a named scale given with the scale's top, or that top: the 4 and the 6 of "raised the signal level
    to 4 (of 6)", the 7 and the 10 of "warning signals to 7 from a possible 10". "23 out of 31 provinces" names no
    scale and stays two figures."""
    window_start = max(0, start - _SCALE_STEP_REACH)
    for match in _pattern("scale_step").finditer(text, window_start, min(len(text), end + _SCALE_STEP_REACH)):
        for group in ("step", "top1", "top2"):
            if match.start(group) == start and match.end(group) == end:
                return True
    return False


def _scale_band(text: str, figure: Figure, before: str) -> bool:
    """A band of a scale's legend in brackets after the scale's word: "Very low severity (0-1)", "High severity
    (3.1-4)"; small bounds, the bracket closing right after. "people affected (2-3 million)" is an amount."""
    return (
        figure.qualifier is Qualifier.RANGE
        and figure.high is not None
        and figure.high <= _MAX_BAND
        and text[figure.end : figure.end + 1] == ")"
        and _pattern("scale_band_before").search(before) is not None
    )


def _scale_value(text: str, figure: Figure, before: str) -> bool:
    """A small bare value or range after a score's or scale's word, at most three linking words between:
    "countries that score 3 to 5", "on a scale of 0-5", "saw a score increase to 5". "a scale of 100 km" is an
    amount, "a rating of 4 questions" a count (a noun after it), "a rating increase to 2.5%" a change."""
    top = figure.high if figure.qualifier is Qualifier.RANGE else figure.value
    if figure.kind is not Kind.COUNT or top is None or top > _MAX_BAND or top != int(top):
        return False
    noun = _WORD_AFTER.match(text, figure.end)
    if noun is not None and noun.group(1).lower() not in _stop_words():
        return False
    words = re.findall(r"[^\W\d]+", before[-60:].lower())
    links = _cue("scale_value_links")
    for index in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[index] in _cue("scale_value_words"):
            tail = before[-60:].lower()
            return not re.search(r"[.;:!?\n]", tail[tail.rfind(words[index]) :]) and all(
                w in links for w in words[index + 1 :]
            )
        if words[index] not in links:
            return False
    return False


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d]+)")
