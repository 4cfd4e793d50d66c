"""Numbers of a measuring scale in prose: a point of an intensity scale ("intensity 5 tremors", "felt at intensity
VI"), and the size of a scale written as its adjective ("the 10-level intensity scale", "a 5-point scale"). Which
point or how the scale is built, not an amount (reason "category label"). Cue words: rejections.json
`intensity_words`, `scale_size_steps`, `scale_size_nouns`."""

from __future__ import annotations

import re
from functools import cache

from extract.models import Kind, Qualifier
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import Rejection, _alternation
from extract.resources import load_json

_MAX_POINT = 12  # intensity scales (Mercalli, JMA, PHIVOLCS) stop at 12


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = load_json("rejections.json")
    intensity = re.compile(
        rf"(?<![\w-])(?:{_alternation(data['intensity_words'])})(?:\s+(?:of|level))?\s+\Z", re.IGNORECASE
    )
    steps, nouns = _alternation(data["scale_size_steps"]), _alternation(data["scale_size_nouns"])
    # "-level intensity scale", "-point scale": the step word against the number, then the scale within two words
    size = re.compile(rf"-(?:{steps})\s+(?:[A-Za-z-]+\s+){{0,2}}?(?:{nouns})\b", re.IGNORECASE)
    return intensity, size


def _scale_point(text: str, figure: Figure, before: str) -> Rejection | None:
    """A whole number of at most 12 right after "intensity" ("intensity 5 tremors"), or a number joined by a
    hyphen to a scale's step word before the scale's noun ("the 10-level intensity scale")."""
    intensity, size = _patterns()
    value = figure.value
    whole = value is not None and value == int(value) and figure.qualifier is Qualifier.EXACT
    if not whole or figure.kind not in (Kind.COUNT, Kind.OTHER):
        return None
    if value is not None and 0 <= value <= _MAX_POINT and intensity.search(before):
        return Rejection("category label", "intensity-point")
    if size.match(text, figure.number_end):
        return Rejection("category label", "scale-size")
    return None
