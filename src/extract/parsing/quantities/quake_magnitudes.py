"""A decimal written as an earthquake's size: "a 7.8 earthquake", "a magnitude 6.6 quake", "the 6.7 aftershock".
Nobody counts 7.8 earthquakes: a decimal right before a quake noun, or right after the word "magnitude", is a
measure on the magnitude scale (resources/units.json `magnitude_nouns`)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Token

from extract.models import Kind
from extract.parsing.figures import Figure
from extract.parsing.quantities.tokens import _token_at_or_after
from extract.resources import load_json

_DECIMAL = re.compile(r"\d\.\d{1,2}")
_MAX_MAGNITUDE = 10


@cache
def _nouns() -> frozenset[str]:
    return frozenset(load_json("units.json")["magnitude_nouns"])


def decimal_magnitude(doc: Doc, text: str, figure: Figure) -> tuple[Figure, list[Token]] | None:
    """The figure as a magnitude, with the quake noun it sizes, when its number is a decimal below 10 written
    before a quake noun ("7.8 earthquake") or after "magnitude" ("magnitude 6.6 earthquake"); None otherwise ("a
    7.8 percent rise", "two earthquakes", "7.8 tonnes")."""
    if figure.kind is not Kind.COUNT or figure.is_word or figure.value is None:
        return None
    if not _DECIMAL.fullmatch(text, figure.number_start, figure.number_end) or figure.value >= _MAX_MAGNITUDE:
        return None
    after = _token_at_or_after(doc, figure.number_end)
    first = _token_at_or_after(doc, figure.number_start)
    if after is None or first is None:
        return None
    noun_after = doc[after].lower_ in _nouns() and doc[after].idx >= figure.number_end
    magnitude_before = first > 0 and doc[first - 1].lower_ == "magnitude"
    if not (noun_after or magnitude_before):
        return None
    return replace(figure, kind=Kind.MEASURE, unit="magnitude"), [doc[after]] if noun_after else []
