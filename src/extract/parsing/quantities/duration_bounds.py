"""A duration after "within" is an upper bound: "responded within 20 minutes" took at most 20 minutes
(resources/numbers.json `duration_upper_bound_words`). Durations only: "within 3 districts" names a place; and not
a time counted from an event ("deployed within 48 hours of an emergency"), which the fixture gold reads exact."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from extract.models import Kind, Qualifier
from extract.parsing.figures import Figure
from extract.resources import load_json


@cache
def _before() -> re.Pattern[str]:
    words = sorted(load_json("numbers.json")["duration_upper_bound_words"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?i:" + "|".join(re.escape(w) for w in words) + r")[ \t]+\Z")


_LOOK_BACK = 20  # characters before a figure searched for the bound word
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


def within_duration(text: str, figure: Figure) -> Figure:
    """The figure as an at_most duration when a bound word ("within") is written right before an exact one."""
    if figure.kind is not Kind.DURATION or figure.qualifier is not Qualifier.EXACT or figure.value is None:
        return figure
    if not _before().search(text[max(0, figure.start - _LOOK_BACK) : figure.start]) or _OF_AFTER.match(
        text, figure.end
    ):
        return figure
    return replace(figure, qualifier=Qualifier.AT_MOST, high=figure.value)
