"""Which dollar a bare "$" means, from the document itself (resources/currencies.json `local_dollar`).

The quantity parser reads a bare "$" (and a bare "dollars") as the US dollar: a segment alone cannot tell. A
document can: a Canadian Red Cross release that writes "C$" or "CAD" somewhere, or that names its publisher (a
National Society, a government of a dollar country) and never writes "US$" or "USD", means its own dollar by every
bare "$". `document_dollar` reads that evidence once per document (its read text, all segments); `local_dollar`
gives one figure the document's dollar. Both the run (facts/assemble.py) and the audit's re-parse apply them, so a
record and its re-parse agree.
"""

from __future__ import annotations

import re
from functools import cache

from extract.models import Kind, Quantity
from extract.resources import load_json

_US = "USD"
# the mark a figure read as USD was written with: a bare sign ("$5", "5 $") or a bare name ("5 million dollars")
_BARE_SIGN = re.compile(r"(?<![A-Za-z$])\$(?![A-Za-z])")
_BARE_NAME = re.compile(r"\bdollars?\b", re.IGNORECASE)  # "US dollars" is a US mark: the document keeps USD


def _pattern(cue: str) -> str:
    if " " in cue:  # a phrase: any case, at a word's start ("Canadian dollars", "the Australian Government")
        return rf"(?i:(?<![\w]){re.escape(cue)})"
    return rf"(?<![A-Za-z0-9]){re.escape(cue)}(?![A-Za-z0-9])"  # a code or sign, as written: "CAD", "C$"


def _alternation(cues: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(_pattern(c) for c in sorted(cues, key=len, reverse=True)))


@cache
def _cues() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]], dict[str, re.Pattern[str]]]:
    data = load_json("currencies.json")["local_dollar"]
    marks = {code: _alternation(cues) for code, cues in data["marks"].items()}
    publishers = {code: _alternation(cues) for code, cues in data["publishers"].items()}
    return _alternation(data["us_marks"]), marks, publishers


def document_dollar(text: str) -> str | None:
    """The dollar a document's bare "$" means when it is not the US one ("CAD", "AUD"), else None: the text writes
    no US mark, and either marks one other dollar explicitly, or (with no such mark) names the publisher of one
    dollar country only. Two countries' marks, or two countries' publishers, decide nothing."""
    us, marks, publishers = _cues()
    if us.search(text):
        return None
    marked = {code for code, pattern in marks.items() if pattern.search(text)}
    if marked:
        return marked.pop() if len(marked) == 1 else None
    named = {code for code, pattern in publishers.items() if pattern.search(text)}
    if len(named) == 1 and (code := named.pop()) != _US:
        return code
    return None


def local_dollar(quantity: Quantity, text: str, dollar: str | None) -> Quantity:
    """`quantity` (offsets into `text`) with the document's `dollar` for the US dollar a bare "$" or a bare
    "dollars" gave it; unchanged otherwise."""
    if dollar is None or quantity.kind is not Kind.MONEY or quantity.unit != _US:
        return quantity
    phrase = text[quantity.start : quantity.end]
    if not (_BARE_SIGN.search(phrase) or _BARE_NAME.search(phrase)):
        return quantity
    return quantity.model_copy(update={"unit": dollar})
