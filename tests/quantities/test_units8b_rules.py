"""Counted nouns the tagger hides (issue #12): a plural after an acronym read as its verb, the noun after "of them
were", "others" in a sentence that counts people. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _units(nlp, text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(nlp, text)}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Measles was confirmed in 14 provinces across four WHO regions, says the bulletin.", "four WHO regions"),
        ("Outbreaks were declared in two WHO regions, with more expected.", "two WHO regions"),
    ],
)
def test_a_plural_read_as_an_acronyms_verb_is_the_counted_noun(nlp, text, span):
    # the acronym names whose regions they are, as "ICRC employees" gives employees
    assert _units(nlp, text)[span] == "regions"


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("About 3,000 people fled; 400 of them were children.", "400", "children"),
        ("About 3,000 people fled; 400 of them were vulnerable children.", "400", "children"),
        # the copula says what they became or where they are, not what they are: the count before still decides
        ("About 3,000 people fled; 400 of them were injured.", "400", "people"),
        ("About 3,000 people fled; 400 of them are in hospital.", "400", "people"),
    ],
)
def test_the_plural_after_of_them_were_is_what_the_part_counts(nlp, text, span, unit):
    assert _units(nlp, text)[span] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Floods left many people dead and thousands of others displaced.", "people"),
        ("The storm destroyed roads and killed dozens of others.", "people"),
        ("The ministry listed hundreds of others in its archive.", "others"),  # nothing says they are people
    ],
)
def test_others_with_no_count_before_are_people_when_a_verb_of_people_says_so(nlp, text, unit):
    assert [u for u in _units(nlp, text).values()] == [unit]
