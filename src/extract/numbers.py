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
    small = _alternation([*word_values, "dozen"])
    scale_words = _alternation(list(scales))
    word_number = (
        rf"(?:(?:{small}|a|an|one)(?:[\s-]+(?:and[\s-]+)?(?:{small}|{scale_words}))*"
        rf"|(?:a|an)\s+(?:{scale_words}|dozen)(?:[\s-]+(?:and[\s-]+)?(?:{small}|{scale_words}))*)"
    )
    abbreviations = _alternation(list(data["scale_abbreviations"]))
    digits = (
        r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\.\d+|\d+)"
        rf"(?:(?:\s+|-)(?:{scale_words})\b|\s?(?:{abbreviations})(?![\w]))?"
    )
    vague_words = _alternation(list(vague))
    pattern = re.compile(
        rf"(?<![\w.,])(?<![A-Za-z]-)(?:(?P<vague>{vague_words})\b|(?P<digits>{digits})(?![\w])|(?P<words>{word_number})\b)",
        re.IGNORECASE,
    )
    return Lexicon(word_values, scales, data["scale_abbreviations"], vague, pattern)


def _scaled_digits(surface: str, lex: Lexicon) -> tuple[Number, bool]:
    match = re.match(r"([\d,]*\.?\d+)\s*-?\s*([A-Za-z]*)$", surface)
    if not match:
        raise ValueError(f"not a digit number: {surface!r}")
    value = float(match.group(1).replace(",", ""))
    scale_word = match.group(2).lower()
    scale = lex.scales.get(scale_word) or lex.abbreviations.get(scale_word) or 1
    return as_number(round(value * scale, 6)), bool(scale_word)


def words_value(surface: str, lex: Lexicon | None = None) -> Number | None:
    """Value of a number written in words ("two hundred and fifty", "a thousand", "a dozen")."""
    lex = lex or lexicon()
    total, current = 0, 0
    seen_number = False
    for word in re.split(r"[\s-]+", surface.lower()):
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
            atoms.append(Atom(match.start(), match.end(), value, None, False, has_scale))
        else:
            surface = match.group("words")
            value = words_value(surface, lex)
            if value is None:
                continue
            has_scale = any(w in lex.scales for w in surface.lower().split())
            atoms.append(Atom(match.start(), match.end(), value, None, True, has_scale))
    return atoms
