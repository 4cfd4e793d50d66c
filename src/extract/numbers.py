"""Find number surfaces in text and read their values: digits, scale words, number words, vague amounts.

Hand-written rather than quantulum3's spell-out reader because that reader turns the article "a" into 1
and knows nothing of vague amounts ("tens of thousands"); the lexicon lives in resources/numbers.json.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.resources import load_json

Number = int | float


@dataclass(frozen=True, slots=True)
class Atom:
    """One number surface: `text[start:end]`."""

    start: int
    end: int
    value: Number | None  # None for vague amounts
    vague_bounds: tuple[Number, Number] | None
    is_word: bool  # written in words ("three", "a thousand")
    has_scale: bool  # carries a scale word or abbreviation ("1.2 million", "5k")


@dataclass(frozen=True, slots=True)
class Lexicon:
    word_values: dict[str, int]  # units and tens
    scales: dict[str, int]
    abbreviations: dict[str, int]
    vague: dict[str, tuple[Number, Number]]
    fractions: dict[str, int]  # "thirds" -> 3
    vulgar: dict[str, float]  # "½" -> 0.5
    atom_pattern: re.Pattern[str]


def as_number(value: float) -> Number:
    """Integral values as int, so that records read "3000" rather than "3000.0"."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    data = load_json("numbers.json")
    word_values = {**data["units"], **data["tens"]}
    scales = dict(data["scales"])
    vague = {k: (v[0], v[1]) for k, v in data["vague"].items()}
    fractions = dict(data["fractions"])
    vulgar = dict(data["vulgar_fractions"])
    small = _alternation([*word_values, "dozen"])
    scale_words = _alternation(list(scales))
    # a fraction word only after a numerator ("two thirds", "one and a half"), never alone ("half the households")
    fraction = rf"(?:[\s-]+(?:and\s+(?:a|an|{small})[\s-]+)?(?:{_alternation(list(fractions))}))"
    word_number = (
        rf"(?:(?:{small}|a|an|one)(?:[\s-]+(?:and[\s-]+)?(?:{small}|{scale_words}))*"
        rf"|(?:a|an)\s+(?:{scale_words}|dozen)(?:[\s-]+(?:and[\s-]+)?(?:{small}|{scale_words}))*)"
        rf"{fraction}?(?:\s+(?:{scale_words}))?"
    )
    abbreviations = _alternation(list(data["scale_abbreviations"]))
    vulgar_chars = "".join(vulgar)
    digits = (
        rf"(?:\d+\s+\d{{1,3}}/\d{{1,3}}(?![/\d])|\d{{1,3}}/\d{{1,3}}(?![/\d])|\d*[{vulgar_chars}]"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[\u202f\u00a0]\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)"
        r"(?:[eE][+-]?\d+(?![\w]))?"
        rf"(?:(?:\s+|-)(?:{scale_words})\b|\s?(?:{abbreviations})(?![\w]))?"
    )
    vague_words = _alternation(list(vague))
    sign = rf"(?P<sign>(?<!\d\s)-(?=\.?\d)|(?:{_alternation(data['sign_words'])})\s+)?"
    pattern = re.compile(
        rf"(?<![\w.,/])(?<![A-Za-z]-)(?:(?P<vague>{vague_words})\b"
        rf"|{sign}(?:(?P<digits>{digits})(?![\w])|(?P<words>{word_number})\b))",
        re.IGNORECASE,
    )
    return Lexicon(word_values, scales, data["scale_abbreviations"], vague, fractions, vulgar, pattern)


def _digits_value(number: str, lex: Lexicon) -> float:
    """ "1,234.5", "1 234", "3/4", "2 1/2", "2½", "1.3e6" -> float."""
    number = re.sub(r"[,\u202f\u00a0]", "", number)
    if number and number[-1] in lex.vulgar:
        return float(number[:-1] or 0) + lex.vulgar[number[-1]]
    if "/" in number:
        whole, _, fraction = number.rpartition(" ")
        numerator, denominator = fraction.split("/")
        return float(whole or 0) + float(numerator) / float(denominator) if float(denominator) else float(whole or 0)
    return float(number)


def _scaled_digits(surface: str, lex: Lexicon) -> tuple[Number, bool]:
    match = re.match(r"(.*?)\s*-?\s*([A-Za-z]*)$", surface)
    if not match:
        raise ValueError(f"not a digit number: {surface!r}")
    value = _digits_value(match.group(1), lex)
    scale_word = match.group(2).lower()
    scale = lex.scales.get(scale_word) or lex.abbreviations.get(scale_word) or 1
    return as_number(round(value * scale, 6)), bool(scale_word)


def words_value(surface: str, lex: Lexicon | None = None) -> Number | None:
    """Value of a number written in words ("two hundred and fifty", "a thousand", "a dozen")."""
    lex = lex or lexicon()
    words = re.split(r"[\s-]+", surface.lower().strip())
    scale = 1
    if len(words) > 2 and words[-1] in lex.scales and words[-2] in lex.fractions:
        scale, words = lex.scales[words[-1]], words[:-1]  # "five and a half million"
    if len(words) >= 2 and words[-1] in lex.fractions:
        numerator = 1 if words[-2] in ("a", "an") else lex.word_values.get(words[-2])
        rest = words[:-2]
        if rest and rest[-1] == "and":
            rest = rest[:-1]
        whole = _whole_words_value(rest, lex) if rest else 0
        if numerator is None or whole is None:
            return None
        return as_number(round((whole + numerator / lex.fractions[words[-1]]) * scale, 6))
    return _whole_words_value(words, lex)


def _whole_words_value(words: list[str], lex: Lexicon) -> Number | None:
    total, current = 0, 0
    seen_number = False
    for word in words:
        if word == "and":
            continue
        if word in ("a", "an"):
            current = current or 1
        elif word == "dozen":
            current = (current or 1) * 12
            seen_number = True
        elif word in lex.word_values:
            current += lex.word_values[word]
            seen_number = True
        elif word in lex.scales:
            scale = lex.scales[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
            seen_number = True
        else:
            return None
    return as_number(total + current) if seen_number else None


def find_atoms(text: str) -> list[Atom]:
    """Every number surface in `text`, left to right, not overlapping."""
    lex = lexicon()
    atoms: list[Atom] = []
    for match in lex.atom_pattern.finditer(text):
        if match.group("vague"):
            bounds = lex.vague[match.group("vague").lower()]
            atoms.append(Atom(match.start(), match.end(), None, bounds, True, False))
        elif match.group("digits"):
            value, has_scale = _scaled_digits(match.group("digits"), lex)
            value = -value if match.group("sign") else value
            atoms.append(Atom(match.start(), match.end(), value, None, False, has_scale))
        else:
            surface = match.group("words")
            word_value = words_value(surface, lex)
            if word_value is None:
                continue
            has_scale = any(w in lex.scales for w in surface.lower().split())
            value = -word_value if match.group("sign") else word_value
            atoms.append(Atom(match.start(), match.end(), value, None, True, has_scale))
    return atoms
