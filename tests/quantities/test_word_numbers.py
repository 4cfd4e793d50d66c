"""Numbers through the whole quantity component: which word numbers become figures."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def figures(nlp, text: str) -> list[tuple[str, float | int | None]]:
    return [(q.number, q.value) for _, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two thirds of the children are girls.", [("Two thirds", 0.666667)]),  # a fraction before "of" counts
        ("A quarter of the wells were repaired.", [("A quarter", 0.25)]),
        ("one fifth", [("one fifth", 0.2)]),  # the small model tags it TIME
        ("one, two and three", [("one", 1), ("two", 2), ("three", 3)]),  # "one" in a list of numbers
        ("He served two terms, one in 2010 and one in 2015.", [("two", 2)]),  # a year is not in that list
        ("Some 300 thousand people fled.", [("300 thousand", 300000)]),
        ("Three hundred thousand people fled.", [("Three hundred thousand", 300000)]),
        ("Two of the four detainees returned.", [("Two", 2), ("four", 4)]),  # "of" and a noun phrase: a count
        ("two of CERN's LHC experiments", [("two", 2)]),
    ],
)
def test_word_figures(nlp, text, expected):
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "One of the largest operations continued.",  # still a pronoun
        "Two of them returned.",  # the number stands for the noun named before
        "In two of those we found scabies.",
        "Only one returned.",
        "A third round of talks began.",
        "It marked the one hundredth anniversary of the Society.",
        "Activity highlights for the first half of 2024",
    ],
)
def test_not_word_figures(nlp, text):
    assert figures(nlp, text) == []
