"""Resolve the time frame a sentence or document states: "first half of 2024", "January–June 2023", "in 2022".

Hand-written rather than dateparser: reports name reporting periods (halves, quarters, month ranges,
year spans) that dateparser reads as single days, and it costs a heavy import for little here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19|20)\d\d(?!\d|,\d)"
_ORDINAL_HALF = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
_ORDINAL_QUARTER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("half", re.compile(rf"\b(?P<ord>first|1st|second|2nd) half of (?:the year )?(?P<y>{_YEAR})", re.I)),
    ("half_code", re.compile(rf"\bH(?P<n>[12])[ -/]?(?P<y>{_YEAR})", re.I)),
    ("quarter", re.compile(rf"\b(?P<ord>first|1st|second|2nd|third|3rd|fourth|4th) quarter of (?P<y>{_YEAR})", re.I)),
    ("quarter_code", re.compile(rf"\bQ(?P<n>[1-4])[ -/]?(?P<y>{_YEAR})", re.I)),
    (
        "month_range",
        re.compile(rf"\b(?P<m1>{_MONTH})\s*(?:[-–—]|to|and|through)\s*(?P<m2>{_MONTH})\s+(?P<y>{_YEAR})", re.I),
    ),
    (
        "year_range",
        re.compile(rf"\b(?:between\s+|from\s+)?(?P<y1>{_YEAR})\s*(?:[-–—]|to|and|until)\s*(?P<y2>{_YEAR})", re.I),
    ),
    (
        "since_month",  # "since March 2023", "since fighting broke out in April 2023": open-ended from then
        re.compile(rf"\bsince\s+(?:[^.;:]{{0,40}}?\s)??(?:(?P<d>[0-3]?\d)\s+)?(?P<m>{_MONTH})\s+(?P<y>{_YEAR})", re.I),
    ),
    ("day_month", re.compile(rf"\b(?P<d>[0-3]?\d)\s+(?P<m>{_MONTH})\s+(?P<y>{_YEAR})", re.I)),
    ("month", re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<y>{_YEAR})", re.I)),
    ("since", re.compile(rf"\bsince\s+(?P<y>{_YEAR})", re.I)),
    ("year", re.compile(rf"(?<![\w,.])(?P<y>{_YEAR})\b", re.I)),
]


@dataclass(frozen=True, slots=True)
class ResolvedPeriod:
    text: str
    start: dt.date | None
    end: dt.date | None
    offset: int = 0  # where `text` starts in the text it was read from
    baseline: bool = False  # the period a figure is compared with ("up from 12 in 2021"), not the one it covers


# What makes a period the base of a comparison rather than the time the sentence reports on: "a 30% increase on
# 2023", "more than in 2022", "compared with the same period in 2023", "up from 12 in 2021", "versus 2020".
_BASELINE_BEFORE = re.compile(
    r"(?:\b(?:increase|rise|drop|decrease|decline|fall|change|up|down)\s+on\s+(?:the\s+)?"
    r"|\bthan\s+(?:in\s+|during\s+)?(?:the\s+)?"
    r"|\bcompared\s+(?:with|to)\s+[^.;:]{0,30}?"
    r"|\b(?:versus|vs\.?)\s+(?:in\s+)?"
    r"|\b(?:up|down)\s+from\s+[^.;:]{0,30}?\s(?:in|during)\s+)\Z",
    re.IGNORECASE,
)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _resolve(kind: str, m: re.Match[str]) -> tuple[dt.date | None, dt.date | None]:
    g = m.groupdict()
    if kind in ("half", "half_code"):
        half = _ORDINAL_HALF[g["ord"].lower()] if kind == "half" else int(g["n"])
        year = int(g["y"])
        return dt.date(year, 6 * half - 5, 1), _month_end(year, 6 * half)
    if kind in ("quarter", "quarter_code"):
        quarter = _ORDINAL_QUARTER[g["ord"].lower()] if kind == "quarter" else int(g["n"])
        year = int(g["y"])
        return dt.date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter)
    if kind == "month_range":
        year = int(g["y"])
        first, last = _MONTHS[g["m1"].lower().rstrip(".")], _MONTHS[g["m2"].lower().rstrip(".")]
        return (dt.date(year, first, 1), _month_end(year, last)) if first <= last else (None, None)
    if kind == "year_range":
        first, last = int(g["y1"]), int(g["y2"])
        return (dt.date(first, 1, 1), dt.date(last, 12, 31)) if first <= last else (None, None)
    if kind == "day_month":
        try:
            day = dt.date(int(g["y"]), _MONTHS[g["m"].lower().rstrip(".")], int(g["d"]))
        except ValueError:
            return None, None
        return day, day
    if kind == "month":
        year, month = int(g["y"]), _MONTHS[g["m"].lower().rstrip(".")]
        return dt.date(year, month, 1), _month_end(year, month)
    if kind == "since_month":
        try:
            return dt.date(int(g["y"]), _MONTHS[g["m"].lower().rstrip(".")], int(g["d"] or 1)), None
        except ValueError:
            return None, None
    if kind == "since":
        return dt.date(int(g["y"]), 1, 1), None
    year = int(g["y"])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


_ANY_YEAR = re.compile(_YEAR)  # every pattern names a year: text without one is answered by one scan


def find_periods(text: str) -> list[ResolvedPeriod]:
    """Every period stated in `text`, most specific kind first, each once (a "year" inside a "month" is not
    another period), with its offset and whether it is a comparison's baseline."""
    if _ANY_YEAR.search(text) is None:
        return []
    found: list[ResolvedPeriod] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            start, end = _resolve(kind, match)
            if start is None and end is None:
                continue
            baseline = _BASELINE_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None
            found.append(ResolvedPeriod(match.group(0), start, end, match.start(), baseline))
            taken.append(match.span())
    return found


def find_period(text: str) -> ResolvedPeriod | None:
    """The most specific period `text` reports on (patterns are tried from specific to general); a comparison's
    baseline ("a 30% increase on 2023") is not one."""
    return next((period for period in find_periods(text) if not period.baseline), None)
