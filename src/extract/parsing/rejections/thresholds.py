"""Numbers that define a class rather than count: thresholds ("countries with at least five consecutive years of
appeals", "for at least one preceding year", "situations involving at least two forms of crisis") and a document's
validity ("a 15-day visa"). The number says which things belong to the class; the sentence's count is of the things
("27 countries"), not of years or forms."""

from __future__ import annotations

import re
from functools import cache

from extract.models import Kind, Qualifier
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _alternation, _cue

_THRESHOLDS = (Qualifier.AT_LEAST, Qualifier.MORE_THAN)


@cache
def _run_after() -> tuple[re.Pattern[str], re.Pattern[str]]:
    def run(words: str) -> re.Pattern[str]:
        return re.compile(r"[ \t]+(?:" + _alternation(sorted(_cue(words))) + r")[ \t]+[a-z]", re.IGNORECASE)

    return run("threshold_run_words"), run("threshold_relative_run_words")


@cache
def _holder_before() -> re.Pattern[str]:
    # a plural noun and the verb or preposition that gives it the run: "countries with ", "27 countries had "
    holders = _alternation(sorted(_cue("threshold_holders")))
    return re.compile(r"(?<![\w-])[a-z][\w-]*s[ \t]+(?:" + holders + r")[ \t]+\Z", re.IGNORECASE)


def _threshold_class(text: str, figure: Figure) -> bool:
    """Whether a threshold ("at least", "more than", "N or more") sizes a class: a run of consecutive years held by
    the things before it, a run of preceding years, or a number of kinds ("forms of", "types of")."""
    if figure.qualifier not in _THRESHOLDS or figure.unit is None:
        return False
    words = figure.unit.lower().split()
    if len(words) >= 2 and words[0] in _cue("threshold_kind_nouns") and words[1] == "of":
        return True  # "at least two forms of crisis"
    if figure.kind is not Kind.DURATION:
        return False
    consecutive, relative = _run_after()
    if relative.match(text, figure.number_end):
        return True  # "for at least one preceding year"
    holder = _holder_before().search(text, max(0, figure.start - 40), figure.start)
    return holder is not None and consecutive.match(text, figure.number_end) is not None


@cache
def _validity_after() -> re.Pattern[str]:
    # "-day" read into the figure; then at most one describing word and the document ("visa", "residence permit")
    nouns = _alternation(sorted(_cue("validity_nouns")))
    return re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+)?(?:" + nouns + r")\b", re.IGNORECASE)


_HYPHENATED = re.compile(r"[^\s-]+-[A-Za-z]+")  # "15-day", "six-month"


def _validity(text: str, figure: Figure) -> bool:
    """ "obtained a 15-day visa", "a six-month residence permit": how long a document is valid names its kind; "the
    visa took 15 days", "a 15-day wait" stay durations."""
    if figure.kind is not Kind.DURATION or not _HYPHENATED.fullmatch(text, figure.number_start, figure.end):
        return False
    return _validity_after().match(text, figure.end) is not None
