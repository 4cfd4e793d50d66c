"""Numbers naming a period rather than counting: epidemiological weeks, the period a report covers, return
periods."""

from __future__ import annotations

import re

from extract.models import Qualifier
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _CITATION_REACH, _THE_BEFORE, Rejection, _cue, _pattern

_WEEKS_IN_A_YEAR = 53


def _epidemiological_week(before: str, surface: str, figure: Figure) -> bool:
    """A week's number after its label ("epi week 12", "week 5 to week 8"), or the weeks of a range after the
    plural ("weeks from 5 to 8", "weeks 5-8"); not an amount after a time ("in the first week 30 people died",
    "within weeks 40 people died")."""
    match = _pattern("week_before").search(before)
    first = re.match(r"\d{1,2}(?!\d)", surface)
    if match is None or first is None or not 1 <= int(first.group()) <= _WEEKS_IN_A_YEAR:
        return False
    label = match.group(2).lower()
    opener = (match.group(1) or "").lower()
    if label in {"week", "weeks"} and opener in _cue("week_label_openers"):
        return False
    plural = label.endswith("weeks")
    return not plural or figure.qualifier is Qualifier.RANGE


# "extended for two months to 31 March": how long a thing lasts, up to the date it ends, not a reporting period
_FOR_BEFORE = re.compile(r"(?<![\w-])for\s+\Z", re.IGNORECASE)


def _reporting_period(text: str, figure: Figure) -> Rejection | None:
    """A reporting period, not an amount of time: one that ends on a date ("the 27 weeks to 4 December", "the 12
    months ended March"), the opening part of a period ("in the first six months", "in its first three days", "the
    initial nine months of the year": which months, as "the first half" is; "the past six months" and "the last 10
    years" stay durations), or the period a summary report covers ("this 12-month summary update")."""
    if _pattern("period_end_after").match(text, figure.end) and not _FOR_BEFORE.search(text, 0, figure.start):
        return Rejection("date", "period-to-date")
    if figure.start == figure.number_start and _pattern("opening_period_before").search(text, 0, figure.start):
        return Rejection("date", "opening-period")
    if _pattern("period_summary_after").match(text, figure.end):
        return Rejection("date", "period-summary")  # "a six-month summary": the report's period, no fact
    if _PERIOD_NOUN_AFTER.match(text, figure.end) and _THE_BEFORE.search(text, 0, figure.start):
        return Rejection("date", "the-period")  # "during the twelve month period": the report's period, which
    if _reporting_window(text, figure):
        return Rejection("date", "reporting-window")  # "(new cases in last 24 hours)": a header's window
    return None


_BRACKET_OPEN_BEFORE = re.compile(r"\([^()\n.;!?]{0,40}\Z")
_BRACKET_CLOSE_AFTER = re.compile(r"[ \t]*\)")
_WINDOW_LINKS = frozenset({"in", "over", "during", "for", "within", "the", "of", "at", "and"})


def _reporting_window(text: str, figure: Figure) -> bool:
    """A rolling window a table's column header or a heading names, not an amount of time: "Total (new cases in
    last 24 hours)", "Weather Forecast for Next 24 Hours": the window word right before the figure, and the phrase
    closing a bracket it opened in, or in title case (the window word and the unit capitalised). Prose keeps its
    duration: "in the past 24 hours, 300 people fled" (dev gold)."""
    window = _pattern("window_before").search(text, max(0, figure.start - 40), figure.start)
    if window is None or figure.start != figure.number_start:
        return False
    if _BRACKET_CLOSE_AFTER.match(text, figure.end) and (
        bracket := _BRACKET_OPEN_BEFORE.search(text, 0, window.start())
    ):
        # a header names what it counts before the window ("new cases in"); "(over the past three days)" is prose
        return any(word.lower() not in _WINDOW_LINKS for word in bracket.group().strip("( ").split())
    unit = text[figure.number_end : figure.end].strip(" -")
    line_start = text.rfind("\n", 0, window.start()) + 1
    opens_sentence = not text[line_start : window.start()].strip() or re.search(
        r"[.!?:]\s*\Z", text[line_start : window.start()]
    )
    return window.group(1)[0].isupper() and unit[:1].isupper() and not opens_sentence


_PERIOD_NOUN_AFTER = re.compile(r"[\s-]+period\b", re.IGNORECASE)


_RETURN_PERIOD = re.compile(r"(?<![\w-])\d{1,4}[-\s]in[-\s](?:a[-\s])?\d{1,4}[-\s]years?\b", re.IGNORECASE)


def _in_return_period(text: str, start: int, end: int) -> bool:
    """ "a 1-in-100-year flood", "a 1 in 50 year drought": an event's return period."""
    window = max(0, start - _CITATION_REACH)
    return any(m.start() <= start and end <= m.end() for m in _RETURN_PERIOD.finditer(text, window, end + 20))
