"""Qualifiers that stand apart from their number: a tally "past" a figure ("pushed the toll past 1,400"), a hedge
before "another" ("About another 2,000 people") and an estimate whose noun runs between it and the amount ("an
estimated average cost per ration of US$ 0.31"). Cue words are numbers.json data."""

from __future__ import annotations

import re
from functools import cache

from extract.models import Qualifier
from extract.resources import load_json

_REACH = 80  # characters before the number an estimate's noun phrase may take


@cache
def _tally_past() -> re.Pattern[str]:
    data = load_json("numbers.json")
    nouns = "|".join(re.escape(w) for w in data["tally_nouns"])
    passing = "|".join(re.escape(w) for w in data["tally_passing_words"])
    return re.compile(rf"(?<![\w-])(?:{nouns})s?[ \t]+({passing})[ \t]+\Z", re.IGNORECASE)


@cache
def _estimate_of() -> re.Pattern[str]:
    hedges = "|".join(re.escape(w) for w in load_json("numbers.json")["estimate_hedges"])
    # a few lower-case words, no figure, no punctuation between the hedge and "of" right before the number
    return re.compile(rf"(?<![\w-])(?:{hedges})[ \t]+(?:[a-z]+[ \t]+){{1,5}}of[ \t]+\Z", re.IGNORECASE)


def tally_past(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    """ "the death toll past 1,400", "the tally past 300": a tally passing the figure is more than it ("the past 3
    years", "walked past 3 houses": no tally before "past")."""
    match = _tally_past().search(text, max(0, position - 30), position)
    return None if match is None else (Qualifier.MORE_THAN, False, match.start(1))


def estimate_of(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    """ "an estimated average cost per ration of US$ 0.31": the estimate is the amount's, its noun between; the
    figure's span stays the amount's."""
    match = _estimate_of().search(text, max(0, position - _REACH), position)
    if match is None or " of " in text[match.start() : position].lower()[:-4]:
        return None  # "an estimated share of people of 300": the "of" after the noun must be the only one
    return Qualifier.APPROXIMATE, False, position


@cache
def hedged_determiners() -> tuple[str, ...]:
    """Determiners a hedge may stand before: "About another 2,000", "some a further 300" is no English."""
    return tuple(w.lower() for w in load_json("numbers.json")["hedged_determiners"])
