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
from extract.resources import load_json

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
    # the unit's phrase ends before a conjunction, a clause or a place's "in" after a unit ("90 Km/h in the next 24
    # hours" is km/h); "2 in thick" keeps "in" right after the number
    cut = re.search(r"[;,(]|\.\s|\s(?:and|or|to|but|which|that)\s|(?<=\S)\sin\s", window[number_end - number_start :])
    if cut:
        window = window[: number_end - number_start + cut.start()]
    length = number_end - number_start
    glued = metres_not_millions(text, number_start, number_end)
    for start, end, entity, name, value in _parse(window):
        if start != 0 or entity in _SKIP_ENTITIES or end < length or (end == length and not glued):
            continue
        kind = Kind.DURATION if entity == "time" else Kind.MEASURE
        surface = window[length:end].strip(" -")
        named = unit_name(surface or name, name) if kind is Kind.MEASURE else name  # "834.25m" -> "m", as "5 metres"
        return Unit(kind, named, number_start + end, value)
    return None


def metres_not_millions(text: str, number_start: int, number_end: int) -> bool:
    """Whether the "m" ending a number is metres: "1 m", "a 3m-deep well", "3m high", "1m x 2m"; not "1.2m" alone,
    "10M", "10k", "2.33 k" or "1.2b" (scales only)."""
    if text[number_end - 1 : number_end] != "m" or text[number_end - 2 : number_end - 1].isalpha():
        return False
    by = re.search(r"[x×]\s*\Z", text[max(0, number_start - 3) : number_start]) is not None  # the second side
    if by or text[number_end - 2].isspace() or _measured().match(text, number_end) is not None:
        return True
    return _LEVEL_END.match(text, number_end) is not None and sentence_has(text, number_start, _water_level())


# after a water level's glued "m": the phrase ends, or a preposition of time or place follows ("830.41m on Monday")
_LEVEL_END = re.compile(r"(?:[ \t]*[.,;:!?)\]]|[ \t]*\Z|[ \t]+(?:on|at|above|below|during)\b)")


@cache
def _water_level() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(load_json("units.json")["water_level_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


@cache
def _measured() -> re.Pattern[str]:
    words = "|".join(sorted(load_json("units.json")["dimension_words"], key=len, reverse=True))
    return re.compile(rf"\s*(?:-\s*)?(?:(?:{words})\b|[x×]\s*\d)", re.IGNORECASE)


# A number written against its unit: "200lbs", "7.62mm", "24703m2", "10km/hr", "-10C" (not "scp2-173m", "I7-860BOX")
_GLUED = re.compile(
    r"(?:(?<![\w.,/+\-−])|(?<=\d-)(?<![A-Za-z]\d-))(?P<sign>(?<![\d])-(?=\d))?(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<unit>[A-Za-zµμΩ°][A-Za-zµμΩ°²³0-9^/]*)"
)


@dataclass(frozen=True, slots=True)
class GluedUnit:
    number_start: int
    number_end: int
    value: float
    unit: Unit


_PHRASE_END = re.compile(r"\s*(?:[.,;:!?)\]]|\Z)")
_TEMPERATURE = re.compile(r"°\s?[CF]\b|\b(?:degrees?|celsius|centigrade|fahrenheit)\b", re.IGNORECASE)
_SENTENCE_BREAKS = (". ", "! ", "? ", "\n")


def sentence_has(text: str, position: int, pattern: re.Pattern[str]) -> bool:
    """Whether the sentence around `position` holds `pattern` (for symbols read by context, which are rare)."""
    start = max(text.rfind(mark, 0, position) for mark in _SENTENCE_BREAKS) + 1
    ends = [end for mark in _SENTENCE_BREAKS if (end := text.find(mark, position)) >= 0]
    return pattern.search(text, start, min(ends, default=len(text))) is not None


@dataclass(frozen=True, slots=True)
class _GluedRules:
    letters: frozenset[str]
    letters_last: frozenset[str]
    in_temperatures: frozenset[str]
    never: frozenset[str]
    names: dict[str, str]

    def allows(self, text: str, suffix: str, end: int) -> bool:
        if suffix in self.in_temperatures:  # "573.15K)" among temperatures; "32K" elsewhere is a thousand
            return _PHRASE_END.match(text, end) is not None and sentence_has(text, end, _TEMPERATURE)
        if suffix in self.never or suffix.lower() in self.never:
            return False
        if len(suffix) > 1 or suffix in self.letters:
            return True
        return suffix in self.letters_last and _PHRASE_END.match(text, end) is not None


@cache
def _glued_rules() -> _GluedRules:
    data = load_json("units.json")
    return _GluedRules(
        frozenset(data["glued_letters"]),
        frozenset(data["glued_letters_last"]),
        frozenset(data["glued_letters_in_temperatures"]),
        frozenset([*data["glued_never"], *load_json("numbers.json")["scale_abbreviations"]]),  # "5bn", "3mln"
        dict(data["glued_names"]),
    )


@cache
def _report_names() -> dict[str, str]:
    """Report spellings of common units ("kilometres" -> "km"), read by quantities/unit_reading.py too."""
    names = {**load_json("numbers.json")["measure_unit_names"], **load_json("units.json")["names"]}
    return {k.lower(): v for k, v in names.items()}


def unit_name(surface: str, quantulum_name: str) -> str:
    """The unit as reports write it when we have a convention for it ("km", "tonnes"), for the surface written or
    for quantulum3's name of it ("kilometre per hour" is "km/h"), else quantulum3's name."""
    names = _report_names()
    return names.get(surface.lower()) or names.get(quantulum_name.lower(), quantulum_name)


def glued_units(text: str) -> list[GluedUnit]:
    """Numbers written against a unit symbol, with the unit quantulum3 reads for the whole token."""
    rules = _glued_rules()
    found = []
    for match in _GLUED.finditer(text):
        suffix = match.group("unit")
        if not rules.allows(text, suffix, match.end()):
            continue
        read = _glued_reading(match.group(), suffix, rules)
        if read is not None:
            value = float(match.group("number").replace(",", ""))
            unit = Unit(read[0], read[1], match.end(), -value if match.group("sign") else value)
            found.append(GluedUnit(match.start(), match.start("unit"), unit.value, unit))
    return found


def _glued_reading(token: str, suffix: str, rules: _GluedRules) -> tuple[Kind, str] | None:
    """(kind, unit name) of a whole "number+unit" token; our own names first ("kmph"), then quantulum3's."""
    if suffix in rules.names:
        return Kind.MEASURE, rules.names[suffix]
    for start, end, entity, name, _ in _parse(token):
        if start != 0 or end != len(token) or entity in _SKIP_ENTITIES:
            return None
        return (Kind.DURATION if entity == "time" else Kind.MEASURE), unit_name(suffix, name)
    return None


@cache
def _lexicon():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from quantulum3 import load

    return load.units("en_US")


def canonical(surface: str) -> str | None:
    """quantulum3's name for a unit surface when the surface names one unit only ("ft", "feet" -> "foot")."""
    units = _lexicon()
    names = {u.name for u in [*units.symbols.get(surface, ()), *units.surfaces_lower.get(surface.lower(), ())]}
    return names.pop() if len(names) == 1 else None


@cache
def _compounds() -> dict[tuple[str, str], float]:
    return {(big, small): float(per) for big, small, per in load_json("units.json")["compound"]}


def parts_per(big: str, small: str) -> float | None:
    """How many of unit `small` make one `big`, for amounts written in two units ("5 ft 2 in"); None otherwise."""
    pair = (canonical(big) or big.lower().removesuffix("s"), canonical(small) or small.lower().removesuffix("s"))
    return _compounds().get(pair)
