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
