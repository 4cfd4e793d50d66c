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
    before: re.Pattern[str]  # a mark ending right before a number
    after: re.Pattern[str]  # a mark starting right after a number


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _symbol_regex(symbol: str) -> str:
    """ "HK$" also matches "hk $" and "HK $": letters before the sign may stand apart from it."""
    match = re.fullmatch(r"([A-Za-z.]+)(\$)", symbol)
    return rf"{re.escape(match.group(1))}\s?\$" if match else re.escape(symbol)


@cache
def table() -> CurrencyTable:
    data = load_json("currencies.json")
    codes = frozenset(data["codes"])
    symbols = {k.upper(): v for k, v in data["symbols"].items()}
    names = {k.lower(): v for k, v in {**data["names"], **data["subunits"]}.items()}
    code_alt = _alternation(sorted(codes))
    symbol_alt = "|".join(_symbol_regex(s) for s in sorted(data["symbols"], key=len, reverse=True))
    after_symbols = [s for s in data["symbols"] if not (s[0].isascii() and s[0].isalpha())]  # "100 €"; not "100 Rs"
    before = re.compile(rf"(?:(?<![A-Za-z])(?P<code>{code_alt})|(?<![A-Za-z])(?i:(?P<symbol>{symbol_alt})))\s?\Z")
    after = re.compile(
        rf"\s?(?:(?P<code>{code_alt})(?![A-Za-z])|(?i:(?P<name>{_alternation(list(names))}))\b"
        rf"|(?P<symbol>{_alternation(after_symbols)}))"
    )
    return CurrencyTable(codes, dict(data["code_aliases"]), symbols, names, before, after)


def code_alternation() -> str:
    """ISO codes as a regex alternation, for numbers written against their code ("USD115", "115USD")."""
    never = set(load_json("currencies.json")["codes_never_glued"])
    return _alternation(sorted(table().codes - never))


def _resolve(match: re.Match[str], t: CurrencyTable) -> str:
    if match.group("code"):
        return t.aliases.get(match.group("code"), match.group("code"))
    if match.groupdict().get("name"):
        return t.names[match.group("name").lower()]
    return t.symbols[re.sub(r"\s", "", match.group("symbol")).upper()]


def currency_before(text: str, position: int) -> tuple[str, int] | None:
    """(currency, start of its mark) when a currency mark ends at `position`: "USD 5", "HK$ 5", "€5"."""
    t = table()
    window = text[max(0, position - 8) : position]
    match = t.before.search(window)
    return (_resolve(match, t), position - len(window) + match.start()) if match else None


def currency_after(text: str, position: int) -> tuple[str, int] | None:
    """(currency, end of its mark) when a currency mark starts at `position`: "5 dollars", "5 CHF", "5 cents"."""
    t = table()
    match = t.after.match(text, position)
    return (_resolve(match, t), match.end()) if match else None
