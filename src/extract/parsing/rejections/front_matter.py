"""A report's front matter: the page numbers of a table of contents set after dot leaders, and the exchange-rate
cells of a currency box whose rate the copy lost ("SDR = US$1", "US$ = SDR 1"): a template, not a figure of the
report. A rate given in full ("USD 1.00 = CHF 1.0848") is the report's figure (dev gold) and stays."""

from __future__ import annotations

import re
from functools import cache

from extract.models import Kind
from extract.parsing.currencies import table as currency_table
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _SMALL_INTEGER, Rejection
from extract.resources import load_json

_EQUATION_REACH = 24  # characters of the equation's other side read for its currency


@cache
def _leader_before() -> re.Pattern[str]:
    """A dot leader right before a number: at least `contents_leader_min` leader marks, spaces between allowed."""
    data = load_json("rejections.json")
    marks = "".join(re.escape(m) for m in data["contents_leader_marks"])
    leader = rf"(?:[{marks}][ \t]?){{{int(data['contents_leader_min'])},}}[ \t]*"
    return re.compile(rf"{leader}(?P<page>\d{{1,3}}[ \t]+)?\Z")


def dot_leader_page(text: str, figure: Figure) -> Rejection | None:
    """ "B. SIGNIFICANT CHANGES .......... 11 II. OUTCOME": a small whole number after a dot leader is the page of a
    contents entry, and a section number right after that page ("... 3 1. BACKGROUND") the next entry's. An
    ellipsis ("and then... 5 people") is too short to be a leader."""
    if figure.start != figure.number_start or not _SMALL_INTEGER.fullmatch(
        text, figure.number_start, figure.number_end
    ):
        return None
    leader = _leader_before().search(text, max(0, figure.start - 40), figure.start)
    if leader is None:
        return None
    if leader.group("page") is not None:  # "... 3 1. BACKGROUND": the next entry's section number
        return Rejection("page furniture", "dot-leader-section") if _SECTION_MARK.match(text, figure.end) else None
    return Rejection("page furniture", "dot-leader-page")


_SECTION_MARK = re.compile(r"\.[ \t]+[A-Z]")


@cache
def _currency_mark() -> re.Pattern[str]:
    currencies = currency_table()
    codes = "|".join(sorted(currencies.codes, key=len, reverse=True))
    symbols = "|".join(re.escape(s) for s in sorted(load_json("currencies.json")["symbols"], key=len, reverse=True))
    return re.compile(rf"(?<![A-Za-z])(?:{codes})(?![A-Za-z])|{symbols}")


def exchange_rate(text: str, figure: Figure) -> Rejection | None:
    """An amount on one side of an equals sign with a bare currency on the other: "SDR = US$1", "US$ = SDR 1". A
    rate with its figure across the sign ("USD 1.00 = CHF 1.0848", "US$1 = 0.72 EUR") stays, and so does "Total =
    $40 million" (no currency across the sign)."""
    if figure.kind is not Kind.MONEY:
        return None
    mark = _currency_mark().pattern
    bare_before = re.compile(rf"(?<![\d.,])(?<![\d.,][ \t])(?:{mark})[ \t]*=[ \t]*\Z")
    bare_after = re.compile(rf"[ \t]*=[ \t]*(?:{mark})(?![ \t]*[\d.,]*\d)")
    if bare_before.search(text, max(0, figure.start - _EQUATION_REACH), figure.start) or bare_after.match(
        text, figure.end
    ):
        return Rejection("exchange rate", "exchange-rate-cell")
    return None
