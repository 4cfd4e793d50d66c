"""Telephone numbers and SMS short codes written in prose: "call 1-800-863-6582", "text FIRES to 45678", "send
GIVE to 30333". Numbers to dial or text, not amounts (reason "phone"). Cue words: rejections.json `text_verbs`."""

from __future__ import annotations

import re
from functools import cache

from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import Rejection, _alternation
from extract.resources import load_json

# A North American number: three, three and four digits with separators, the trunk "1" and a bracketed area code
# optional ("1-800-418-1111", "(604) 555-0199", "1 888 350 6070"); a toll-free number spelt in letters
# ("1-800-RED-CROSS"). Not after a letter, a digit or a sign, nor going on into more digits.
_NORTH_AMERICAN = re.compile(
    r"(?<![\w.,+/-])(?:1[-. ])?(?:\(\d{3}\)\s?|\d{3}[-. ])\d{3}[-. ]\d{4}(?![\w-]|[.,]\d)"
    r"|(?<![\w.,+/-])1[-. ]8\d\d[-. ][A-Z][A-Z-]{3,}(?![\w-])"
)
_REACH = 80  # characters either side of the number searched for the telephone number holding it


@cache
def _short_code() -> re.Pattern[str]:
    """A keyword in capitals texted to a number of four to six digits: "texting FIRES to 45678", "SMS 'HELP' to
    30333"; the verb in any case, the keyword as written."""
    verbs = _alternation(load_json("rejections.json")["text_verbs"])
    return re.compile(
        rf"(?i:(?<![\w-])(?:{verbs}))\s+(?:the\s+word\s+)?[\"'“‘]?[A-Z][A-Z0-9]+[\"'”’]?\s+to\s+(\d{{4,6}})(?![\w,.]\d|\d)"
    )


def _phone_number(text: str, figure: Figure) -> Rejection | None:
    """The number is part of a telephone number written with its separators, or the short code a keyword is
    texted to."""
    start, end = figure.number_start, figure.number_end
    window_start = max(0, start - _REACH)
    window = text[window_start : end + _REACH]
    for match in _NORTH_AMERICAN.finditer(window):
        if match.start() + window_start < end and start < match.end() + window_start:
            return Rejection("phone", "telephone-number")
    for match in _short_code().finditer(window):
        if match.start(1) + window_start < end and start < match.end(1) + window_start:
            return Rejection("phone", "sms-short-code")
    return None
