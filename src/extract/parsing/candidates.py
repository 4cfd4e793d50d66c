"""A cheap first look for figures: whether a text may hold one, before the full scan (`scan_figures`) is run.

`may_hold_figure(text)` is False only when `scan_figures(text)` is sure to find nothing, so it can stand in front
of it: most sentences of a report hold no figure, and the scan's large regular expressions cost far more than this.
In plain (ASCII) text, every figure the scan reads starts from a digit or from a word of the number lexicon: a
number word, a scale, a fraction, a vague amount ("dozens"), "half", "twice", "-fold", or the unit or currency noun
after "a" ("a gallon"). So a text without a digit and without a letter run ending in one of those words holds no
figure. Letter runs are compared by their endings, so that a word glued to a currency code ("USDfive") still
counts; any text with a character outside ASCII goes to the full scan (case-insensitive matching of some letters
outside ASCII, and digits and fractions outside ASCII, are not worth reasoning about here).
"""

from __future__ import annotations

import re
from functools import cache

from extract.resources import load_json

_DIGIT = re.compile(r"[0-9]")
_LETTERS = re.compile(r"[a-z]+")
# Number words the scan reads outside the lexicon's own lists (figures.py: ratio words, "-fold", a bare "half").
_OTHER_TRIGGERS = ("twice", "thrice", "fold", "half")


def may_hold_figure(text: str) -> bool:
    """False only when `scan_figures(text)` finds no figure: no digit, no word that can start or make one."""
    if not text.isascii() or _DIGIT.search(text):
        return True
    words, shortest = _trigger_words()
    for run in _LETTERS.findall(text.lower()):
        for start in range(len(run) - shortest + 1):
            if run[start:] in words:
                return True
    return False


@cache
def _trigger_words() -> tuple[frozenset[str], int]:
    """The lexicon words that can make a figure without a digit (of a phrase, its last word: a match of the phrase
    ends with that whole letter run), and the shortest one's length."""
    numbers = load_json("numbers.json")
    phrases = [
        *numbers["units"],
        *numbers["tens"],
        *numbers["scales"],
        *numbers["multipliers"],
        *numbers["fractions"],
        *numbers["fraction_of_scale"],
        *numbers["vague"],
        *numbers["vague_durations"],
        *numbers["hedged_article_durations"],
        *numbers["ratio_words"],
        *numbers["ratio_verbs"],
        *load_json("units.json")["article_units"],
        *load_json("currencies.json")["article_names"],
        *_OTHER_TRIGGERS,
    ]
    words = set()
    for phrase in phrases:
        runs = _LETTERS.findall(phrase.lower())
        if not runs or not phrase.isascii():
            continue  # a phrase outside ASCII only matches text outside ASCII, which is scanned anyway
        words.add(runs[-1])
    return frozenset(words), min(len(w) for w in words)
