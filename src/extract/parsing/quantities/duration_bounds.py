"""A duration after "within" is an upper bound: "responded within 20 minutes" took at most 20 minutes, "within the
next 12 months" at most 12 (time words between: `duration_bound_fillers`)
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
    resources = load_json("numbers.json")
    words = sorted(resources["duration_upper_bound_words"], key=len, reverse=True)
    fillers = sorted(resources["duration_bound_fillers"], key=len, reverse=True)
    bound = "|".join(re.escape(w) for w in words)
    # "within the next 12 months": a filler of time words between the bound word and the duration
    filler = "|".join(r"[ \t]+".join(re.escape(w) for w in f.split()) for f in fillers)
    return re.compile(r"(?<![\w-])(?i:" + bound + r")[ \t]+(?i:(?:" + filler + r")[ \t]+)?\Z")


_LOOK_BACK = 32  # characters before a figure searched for the bound word
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
