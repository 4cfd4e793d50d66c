"""Figures read from single sentences: value, bounds, qualifier, kind, unit."""

from __future__ import annotations

import pytest

from extract.parsing import quantity_of

CASES = [
    ("Nearly 3,000 people benefited.", "Nearly 3,000 people", 3000, None, 3000, "approximate", "count", "people"),
    ("More than 700 people received support.", "More than 700 people", 700, 700, None, "more_than", "count", "people"),
    (
        "We carried out around 357 home visits.",
        "around 357 home visits",
        357,
        None,
        None,
        "approximate",
        "count",
        "home visits",
    ),
    (
        "The team screened 15,000+ detainees.",
        "15,000+ detainees",
        15000,
        15000,
        None,
        "more_than",
        "count",
        "detainees",
    ),
    ("Mortality fell 105-fold.", "105-fold", 105, None, None, "exact", "ratio", "fold"),
    (
        "It conducted over a thousand visits to prisons.",
        "over a thousand visits",
        1000,
        1000,
        None,
        "more_than",
        "count",
        "visits",
    ),
    ("Over three decades, we repaired schools.", "Over three decades", 3, 3, None, "more_than", "duration", "decades"),
    (
        "Tens of thousands of servicemen were trained.",
        "Tens of thousands of servicemen",
        None,
        20000,
        99999,
        "vague",
        "count",
        "servicemen",
    ),
    (
        "Thousands of vulnerable children got help.",
        "Thousands of vulnerable children",
        None,
        2000,
        9999,
        "vague",
        "count",
        "children",
    ),
    (
        "Between 200 and 300 families moved.",
        "Between 200 and 300 families",
        None,
        200,
        300,
        "range",
        "count",
        "families",
    ),
    ("We distributed 15–20 tonnes of seed.", "15–20 tonnes", None, 15, 20, "range", "measure", "tonnes"),
    ("The budget was CHF 2.5 million.", "CHF 2.5 million", 2500000, None, None, "exact", "money", "CHF"),
    ("They spent USD 3m on repairs.", "USD 3m", 3000000, None, None, "exact", "money", "USD"),
    ("About 40 per cent of households", "About 40 per cent", 40, None, None, "approximate", "percentage", "percent"),
    ("Fewer than 50 doctors remain.", "Fewer than 50 doctors", 50, None, 50, "less_than", "count", "doctors"),
    ("Up to 500 people can stay.", "Up to 500 people", 500, None, 500, "at_most", "count", "people"),
    ("At least 12 hospitals were hit.", "At least 12 hospitals", 12, 12, None, "at_least", "count", "hospitals"),
    ("We laid 120 kilometres of pipes.", "120 kilometres", 120, None, None, "exact", "measure", "km"),
    ("1.2 million people lack water.", "1.2 million people", 1200000, None, None, "exact", "count", "people"),
    ("Twice as many patients came.", "Twice", 2, None, None, "exact", "ratio", "times"),
    (
        "We trained 5,000+ students and legal professionals on IHL.",
        "5,000+ students and legal professionals",
        5000,
        5000,
        None,
        "more_than",
        "count",
        "students and legal professionals",
    ),
]


@pytest.mark.parametrize(
    ("text", "quote", "value", "low", "high", "qualifier", "kind", "unit"), CASES, ids=[c[0][:40] for c in CASES]
)
def test_figure(nlp, text, quote, value, low, high, qualifier, kind, unit):
    doc = nlp(text)
    spans = doc.spans["quantities"]
    assert [s.text for s in spans] == [quote]
    q = quantity_of(spans[0])
    assert (q.value, q.low, q.high) == (value, low, high)
    assert (q.qualifier.value, q.kind.value, q.unit) == (qualifier, kind, unit)
    assert text[q.start : q.end] == quote


@pytest.mark.parametrize(
    "text",
    [
        "Since 1992, the ICRC has worked here.",
        "By the end of June 2024, the office closed.",
        "Azerbaijan hosted the 17th SWIRMO workshop.",
        "Programmes adapted during COVID-19.",
        "Under Resolution 2286, hospitals are protected.",
        "Report 12",
        "On 12 March 2023 the convoy arrived.",
        "Call tel. +211 912 345 678 for details.",
        "The meeting started at 10:30.",
        "One of the largest operations continued.",
        "Activity highlights for the first half of 2024",
        "At 2 pm everybody will be gone.",  # times of day
        "I arrived at 2.13 am.",
        "The convoy left at seven p.m.",
        "He has a degree in law; a meter was installed; a foot patrol passed a yard.",  # unit words as nouns
        "It was a bit late and a ton of work; a gross violation of IHL.",
        "They did not receive a penny, and never got a dollar.",
        "Once a year the teams meet, each time for a day.",  # no article figure before time words
    ],
)
def test_not_a_figure(nlp, text):
    doc = nlp(text)
    assert [s.text for s in doc.spans["quantities"]] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("twenty five thirty six", [25, 36]),  # a word that cannot continue a number begins the next
        ("one, two and three", [1, 2, 3]),
        ("one hundred and five", [105]),
        ("4 thousand 3 hundred and 21", [4321]),  # digits and scale words of one number
        ("four point five", [4.5]),
        ("half a million", [500000]),
        ("one million and a half", [1500000]),
        ("3 dozens", [36]),
        ("13 lakh", [1300000]),
        ("1 234 567", [1234567]),  # spaces grouping thousands
        ("245 23", [245, 23]),  # not groups of three: two numbers
        ("he scores 5", [5]),  # "scores" is vague only before "of"
    ],
)
def test_number_atoms(text, expected):
    from extract.parsing.numbers import find_atoms

    assert [a.value for a in find_atoms(text)] == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [("It cost HK$ 10 million.", "HKD"), ("It cost 125 Canadian dollars.", "CAD"), ("It cost USD115.", "USD")],
)
def test_currency_marks(nlp, text, unit):
    doc = nlp(text)
    [span] = doc.spans["quantities"]
    assert (quantity_of(span).kind.value, quantity_of(span).unit) == ("money", unit)
