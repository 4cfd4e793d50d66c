"""Physical units after a figure, read by quantulum3's parser on a small window (the figure and a few words).

Used only where no counted noun follows, so quantulum3 never sees a whole report: the window is short, its
result is kept only when its quantity starts at our number, and our value, qualifier and range logic stay.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.models import Kind

_WINDOW = 24  # characters after the number: "kg/cm³", "square feet", "km per hour"
_SKIP_ENTITIES = {"dimensionless", "currency", "unknown"}


@dataclass(frozen=True, slots=True)
class Unit:
    kind: Kind
    name: str
    end: int  # offset in the text where the unit ends
    value: float  # quantulum3's reading of the number with its unit ("1.8m" -> 1.8 metres)


@cache
def _parser():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import parser

    return parser


@lru_cache(maxsize=4096)
def _parse(window: str) -> tuple[tuple[int, int, str, str, float], ...]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            found = _parser().parse(window)
        except Exception:
            return ()
    return tuple((q.span[0], q.span[1], q.unit.entity.name, q.unit.name, q.value) for q in found)


def unit_after(text: str, number_start: int, number_end: int) -> Unit | None:
    """The unit quantulum3 reads right after the number at text[number_start:number_end], if any."""
    window_end = min(len(text), number_end + _WINDOW)
    window = text[number_start:window_end]
    cut = re.search(r"[;,(]|\.\s|\s(?:and|or|to|but|which|that)\s", window[number_end - number_start :])
    if cut:
        window = window[: number_end - number_start + cut.start()]
    length = number_end - number_start
    glued = text[number_end - 1 : number_end].isalpha()  # "1.8m": the letter read as a scale may be the unit
    for start, end, entity, name, value in _parse(window):
        if start != 0 or entity in _SKIP_ENTITIES or end < length or (end == length and not glued):
            continue
        kind = Kind.DURATION if entity == "time" else Kind.MEASURE
        return Unit(kind, name, number_start + end, value)
    return None
