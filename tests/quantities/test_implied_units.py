"""Counted nouns the text implies: the noun counted before, a verb said of people, the noun before a bracket; and
row labels of tables flattened into text."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _units(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(span, q.unit) for span, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The camp opened with 2,500 people and now holds around 6,000.",
            [("2,500 people", "people"), ("around 6,000", "people")],
        ),
        (
            "Teams visited 540 detainees and followed 212 of these detainees individually.",
            [("540 detainees", "detainees"), ("212 of these detainees", "detainees")],
        ),
        (
            "More than 10 million people were affected. Aid reached 7.6 million of those who asked.",
            [("More than 10 million people", "people"), ("7.6 million", "people")],
        ),
        ("Six drivers were killed. Two others are missing.", [("Six drivers", "drivers"), ("Two others", "drivers")]),
        ("Storms kill three, displace thousands", [("three", "people"), ("thousands", "people")]),
        (
            "Aid went to 1.2 million people through nutrition (431,000) and to returnees (20,500).",
            [("1.2 million people", "people"), ("431,000", "people"), ("20,500", "returnees")],
        ),
        ("They run a six-month programme.", [("six-month", "months")]),
        (
            "It fed 1.2 million people through nutrition (431,000), relief (700,000) and cash programmes (69,000).",
            [("1.2 million people", "people"), ("431,000", "people"), ("700,000", "people"), ("69,000", "people")],
        ),
        (
            "Rains hit more than 14 million people and deadly floods followed.",
            [("more than 14 million people", "people")],
        ),
    ],
)
def test_implied_counted_noun(nlp, text, expected):
    assert _units(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The office opened 12 sites; two of them closed in May.",  # a word number standing for its noun
    ],
)
def test_word_numbers_standing_for_a_noun_take_no_antecedent(nlp, text):
    assert [quote for quote, _ in _units(nlp, text) if quote.split()[0] in {"two", "three"}] == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The centre fitted 570 Sahrawi refugees with limbs.", "refugees"),
        ("A search goes on for two ICRC employees.", "employees"),
        ("Aid reached millions of flood-affected people.", "people"),
        ("Almost 3,000 young children were vaccinated.", "children"),
        ("Clinics referred 7 severely malnourished children.", "children"),
        ("Since 1999, nearly 205,000 East Timorese have returned.", "East Timorese"),
        ("Teams treated 300 internally displaced persons.", "internally displaced persons"),
    ],
)
def test_descriptive_words_leave_the_unit(nlp, text, unit):
    assert [u for _, u in _units(nlp, text)] == [unit]


def test_flattened_table_with_labels_before_their_cells(nlp):
    text = "FIGURES Population Jan Dec Refugees 5,000 4,000 Asylum-seekers 1,000 800 Stateless People (SP) 3,000 2,000"
    assert [u for _, u in _units(nlp, text)] == [
        "Refugees",
        "Refugees",
        "Asylum-seekers",
        "Asylum-seekers",
        "Stateless People",
        "Stateless People",
    ]


def test_key_figures_with_labels_after_their_numbers(nlp):
    text = (
        "KEY FIGURES 120,400 Number of returnees in the north 3,200 Number of refugees in the south "
        "OFFICE Staff: 40 National Staff 6 International Staff"
    )
    assert [u for _, u in _units(nlp, text)] == ["returnees", "refugees", "National Staff", "International Staff"]


def test_prose_with_many_figures_is_no_table(nlp):
    text = "Teams visited 540 detainees in 27 places and 31 towns in 12 provinces."
    assert [u for _, u in _units(nlp, text)] == ["detainees", "places", "towns", "provinces"]
