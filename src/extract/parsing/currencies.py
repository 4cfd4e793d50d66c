"""Currency marks next to a number: ISO codes, symbols, names and subunits (resources/currencies.json)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.resources import load_json


@dataclass(frozen=True, slots=True)
class CurrencyTable:
    codes: frozenset[str]
    aliases: dict[str, str]
    symbols: dict[str, str]  # key: symbol with spaces removed, upper case
    names: dict[str, str]  # lower case name or subunit -> ISO code or subunit name
    scales: dict[str, int]  # scale letters written against a code ("MUSD") and scale words after one ("USD million")
    before: re.Pattern[str]  # a mark ending right before a number
    after: re.Pattern[str]  # a mark starting right after a number


@dataclass(frozen=True, slots=True)
class Mark:
    """A currency written next to a number: its code (or subunit name), where the mark begins or ends, and the
    scale it carries ("30 MUSD", "75 USD million": 1,000,000)."""

    currency: str
    position: int
    scale: int = 1


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _symbol_regex(symbol: str) -> str:
    """ "HK$" also matches "hk $" and "HK $": letters before the sign may stand apart from it. A single letter
    ("A$", "C$") is read only as written, in capitals and against the sign: "a $1.5 billion commitment" is the
    article before a dollar amount, not Australian dollars."""
    match = re.fullmatch(r"([A-Za-z.]+)(\$)", symbol)
    if match and len(match.group(1)) == 1:
        return rf"(?-i:{re.escape(match.group(1).upper())})\$"
    return rf"{re.escape(match.group(1))}\s?\$" if match else re.escape(symbol)


@cache
def table() -> CurrencyTable:
    data = load_json("currencies.json")
    codes = frozenset(data["codes"])
    symbols = {k.upper(): v for k, v in data["symbols"].items()}
    names = {k.lower(): v for k, v in {**data["names"], **data["subunits"]}.items()}
    code_alt = _alternation(sorted(codes))
    lower_alt = _alternation(data["codes_lower_case"])
    prefixes = dict(data["scaled_code_prefixes"])
    scale_words = {k: v for k, v in load_json("numbers.json")["scales"].items() if v >= 1000}
    scaled_codes = _alternation(data["codes_scaled"])
    scaled = rf"(?P<prefix>{_alternation(list(prefixes))})(?P<scaled>{scaled_codes})"  # "MUSD": a million dollars
    symbol_alt = "|".join(_symbol_regex(s) for s in sorted(data["symbols"], key=len, reverse=True))
    after_symbols = [s for s in data["symbols"] if not (s[0].isascii() and s[0].isalpha())]  # "100 €"; not "100 Rs"
    before = re.compile(
        rf"(?:(?<![A-Za-z])(?:(?P<code>{code_alt}|{lower_alt})|(?i:(?P<dollar_code>{code_alt})\s?\$)|{scaled})"
        rf"|(?<![A-Za-z.])(?i:(?P<symbol>{symbol_alt}))"
        rf"|(?<![A-Za-z])(?i:(?P<name>{_alternation(data['names_before_number'])}))(?=\s))\s?\Z"
    )
    after = re.compile(
        rf"\s?(?:(?:(?P<code>{code_alt}|{lower_alt})(?![A-Za-z])(?:\s(?P<word>{_alternation(list(scale_words))})\b)?"
        rf"|{scaled}(?![A-Za-z]))|(?i:(?P<name>{_alternation(list(names))}))\b"
        rf"|(?P<symbol>{_alternation(after_symbols)}))"
    )
    scales = {**prefixes, **scale_words}
    return CurrencyTable(codes, dict(data["code_aliases"]), symbols, names, scales, before, after)


def code_alternation() -> str:
    """ISO codes as a regex alternation, for numbers written against their code ("USD115", "115USD")."""
    never = set(load_json("currencies.json")["codes_never_glued"])
    return _alternation(sorted(table().codes - never))


def _resolve(match: re.Match[str], t: CurrencyTable) -> tuple[str, int]:
    """(currency, scale) of a matched mark."""
    groups = match.groupdict()
    if code := groups.get("code") or groups.get("dollar_code"):
        code = code.upper()
        return t.aliases.get(code, code), t.scales.get((groups.get("word") or "").lower(), 1)
    if groups.get("scaled"):
        return t.aliases.get(groups["scaled"], groups["scaled"]), t.scales[groups["prefix"]]
    if groups.get("name"):
        return t.names[groups["name"].lower()], 1
    return t.symbols[re.sub(r"\s", "", groups["symbol"]).upper()], 1


@cache
def _glued_marks() -> dict[str, str]:
    return dict(load_json("currencies.json")["glued_marks"])


def glued_marks_lookbehind() -> str:
    """A number may begin right after a glued mark ("RM450"): one fixed-width look-behind per mark; after a
    currency letter ("P388,822,968") only when the digits are grouped in thousands."""
    glued = [rf"(?<=(?<![A-Za-z0-9]){re.escape(m)})" for m in _glued_marks()]
    letters = [rf"(?<=(?<![A-Za-z0-9])(?-i:{re.escape(m)}))(?=\d{{1,3}}(?:,\d{{3}})+)" for m in _letter_marks()]
    return "|".join(glued + letters)


@cache
def _letter_marks() -> dict[str, str]:
    return dict(load_json("currencies.json")["letter_marks"])


def _written_elsewhere(text: str, code: str) -> bool:
    """Whether `text` writes the currency `code` as its code, a symbol or a name ("PHP699.3 million", "pesos")."""
    t = table()
    marks = [code, *(s for s, c in t.symbols.items() if c == code), *(n for n, c in t.names.items() if c == code)]
    return re.search(rf"(?<![A-Za-z])(?i:{_alternation(marks)})(?![A-Za-z])", text) is not None


def _letter_mark(text: str, position: int) -> Mark | None:
    """ "P388,822,968": a currency letter against a grouped amount, in a document that writes that currency
    elsewhere."""
    begin = position - 1
    if begin < 0 or (letter := text[begin]) not in _letter_marks() or (begin and text[begin - 1].isalnum()):
        return None
    if re.match(r"\d{1,3}(?:,\d{3})+", text[position:]) is None:
        return None
    code = _letter_marks()[letter]
    return Mark(code, begin) if _written_elsewhere(text, code) else None


def currency_before(text: str, position: int) -> Mark | None:
    """The currency mark ending at `position`, and where it begins: "USD 5", "HK$ 5", "€5", "MAUD 60"."""
    for mark, code in _glued_marks().items():  # "$US12.5 million", "RM450", "PS12m": against the number only
        begin = position - len(mark)
        if begin >= 0 and text.startswith(mark, begin) and not (begin and text[begin - 1].isalnum()):
            return Mark(code, begin)
    if letter := _letter_mark(text, position):
        return letter
    t = table()
    window = text[max(0, position - 8) : position]
    match = t.before.search(window)
    if match is None:
        return None
    currency, scale = _resolve(match, t)
    return Mark(currency, position - len(window) + match.start(), scale)


def currency_after(text: str, position: int) -> Mark | None:
    """The currency mark starting at `position`, and where it ends: "5 dollars", "5 CHF", "75 USD million"."""
    t = table()
    match = t.after.match(text, position)
    if match is None:
        return None
    currency, scale = _resolve(match, t)
    return Mark(currency, match.end(), scale)
