"""A page's footnotes run into one line by a copy: "1 USAID's Bureau for Humanitarian Assistance (USAID/BHA) 2 Total
USAID/BHA funding includes ... Food for Peace. 3 U.S. Department of State's ... 4 Total includes ...". Their numbers
are the notes' markers, and a page number with the next heading in capitals after them ("... activities. 1 KEY
DEVELOPMENTS") is the page's furniture."""

from __future__ import annotations

import re
from functools import cache

from extract.models import Quantity
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import Rejection
from extract.resources import load_json

_MIN_NOTES = 3
_FIRST_NOTE = re.compile(r"^[ \t]*(1)[ \t]+[A-Z]", re.MULTILINE)  # "1 USAID's Bureau ..." opens the line
# a later marker: after a sentence end, a bracket or a word, before its note's capital ("(USAID/BHA) 2 Total")
_LATER_NOTE = re.compile(r"(?<=[.)a-z\"'’”][ \t])(\d{1,2})(?=[ \t]+[A-Z])")
_HEADING_AFTER = re.compile(r"[ \t]+[A-Z]{2,}(?:[ \t]+[A-Z]{2,})+[ \t]*(?:\n|\Z)")  # "1 KEY DEVELOPMENTS"


def note_runs(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """Markers 1, 2, 3 ... of notes run into one line: 1 opens the line, each next one is one greater, stands
    after a sentence end, a bracket or a word and opens its note with a capital; three at least. Figures with
    their nouns ("reached 1 200 families, 2 300 children") are no notes: a note opens with a capital."""
    markers: dict[int, str] = {}
    for opening in _FIRST_NOTE.finditer(text):
        line_end = len(text) if (found := text.find("\n", opening.end())) < 0 else found
        run, expected = [opening.start(1)], 2
        for later in _LATER_NOTE.finditer(text, opening.end(), line_end):
            if int(later.group(1)) == expected:
                run.append(later.start(1))
                expected += 1
        if len(run) >= _MIN_NOTES:
            markers.update((at, "note-run") for at in run)
            page = re.compile(r"(?<=[ \t])\d{1,3}(?=" + _HEADING_AFTER.pattern + ")")
            if (after := page.search(text, run[-1] + 1, line_end)) is not None:
                markers[after.start()] = "page-after-notes"
    rejected: dict[int, Rejection] = {}
    for index, quantity in enumerate(quantities):
        rule = markers.get(quantity.number_start)
        if rule == "note-run":
            rejected[index] = Rejection("footnote", rule)
        elif rule is not None:
            rejected[index] = Rejection("page furniture", rule)
    return rejected


# a year with its footnote's marker glued on, the superscript lost: "displaced people reached 79.5 million in 20193 ."
_YEAR_THEN_MARKER = re.compile(r"(?:19|20)\d\d\d{1,2}")
_NOTHING_COUNTED_AFTER = re.compile(r"[ \t]*(?:[.,;:)]|\n|\Z)")


@cache
def _year_preposition_before() -> re.Pattern[str]:
    words = sorted(load_json("rejections.json")["year_marker_prepositions"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")\s+\Z", re.IGNORECASE)


def year_with_marker(text: str, figure: Figure) -> bool:
    """ "in 20193 .": five or six digits that open with a year, after a preposition of time and before a stop,
    with nothing written after it to count (a noun implied from the sentence before is no reading here): the
    year and a note's marker. "in 20193 households" counts households and stays."""
    surface = text[figure.number_start : figure.number_end]
    if figure.start != figure.number_start or not _YEAR_THEN_MARKER.fullmatch(surface):
        return False
    before = _year_preposition_before().search(text, max(0, figure.start - 12), figure.start)
    return before is not None and _NOTHING_COUNTED_AFTER.match(text, figure.number_end) is not None
