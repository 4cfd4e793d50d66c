"""Counted nouns of appeals and briefs (issue #12): graded adjectives, dropped acronyms before a coordination, the
whole of a part, a scaled word number taking the count before it, currency names before the amount, decimal
commas before a scale, measure units as reports write them. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _read(nlp, text: str) -> list[tuple[str, float | None, str, str | None]]:
    return [(span, q.value, q.kind.value, q.unit) for span, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a degree adverb and the adjective it grades describe the noun, and so does a hyphenated cause after them
        ("The grant reaches 2,400 most vulnerable storm-affected households.", "households"),
        ("Clinics admitted 90 very weak children.", "children"),
        # a condition's acronym describes the children, it does not name their kind
        ("Partners treated 12,800 SAM children in May.", "children"),
        # an organisation dropped before a coordination scopes over none of it: the coordination stays whole
        ("The society trained 1,300 SRCS staff and volunteers.", "staff and volunteers"),
        # an adjective dropped before a coordination scopes over it all: the first noun alone
        ("The camp hosts 700 vulnerable women and children.", "women"),
    ],
)
def test_leading_words_that_describe_leave_the_unit(nlp, text, expected):
    assert [unit for _, _, _, unit in _read(nlp, text)] == [expected]


def test_a_part_counts_what_its_whole_counts(nlp):
    assert _read(nlp, "Heavy rain flooded 9 of the 14 districts.") == [
        ("9", 9, "count", "districts"),
        ("14 districts", 14, "count", "districts"),
    ]


def test_a_scaled_word_number_takes_the_count_before_it(nlp):
    found = _read(nlp, "At least 40 people died and nearly three million were affected.")
    assert [(span, unit) for span, _, _, unit in found] == [
        ("At least 40 people", "people"),
        ("nearly three million", "people"),
    ]


def test_a_small_word_number_takes_no_count_before_it(nlp):
    found = _read(nlp, "The office opened 12 sites and two closed.")
    assert [(span, unit) for span, _, _, unit in found] == [("12 sites", "sites"), ("two", None)]


@pytest.mark.parametrize(
    ("text", "quote", "value", "currency"),
    [
        ("The appeal seeks USD 50.8 million / euro 32.7 million.", "euro 32.7 million", 32_700_000, "EUR"),
        ("Donors gave Euros 4 million.", "Euros 4 million", 4_000_000, "EUR"),
    ],
)
def test_currency_name_before_the_amount(nlp, text, quote, value, currency):
    money = [(span, v, unit) for span, v, kind, unit in _read(nlp, text) if kind == "money"]
    assert (quote, value, currency) in money


@pytest.mark.parametrize(
    ("text", "quote", "value"),
    [
        ("The appeal seeks 3,4 million Swiss francs.", "3,4 million Swiss francs", 3_400_000),
        ("It costs USD 7,25 million.", "USD 7,25 million", 7_250_000),
        ("Aid reached 1,2 Million people.", "1,2 Million people", 1_200_000),
    ],
)
def test_decimal_comma_before_a_scale(nlp, text, quote, value):
    found = _read(nlp, text)
    assert [(span, v) for span, v, _, _ in found] == [(quote, value)]


def test_comma_grouping_stays_grouping(nlp):
    assert [v for _, v, _, _ in _read(nlp, "It reached 1,200 people and 3,400,000 more.")] == [1200, 3_400_000]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Trucks carried 2,150 metric tons of food.", "metric tons"),
        ("Floods ruined 1.5 million acres of crops.", "acres"),
        ("Trucks carried 640 tonnes of seed.", "tonnes"),
    ],
)
def test_measure_units_as_reports_write_them(nlp, text, unit):
    assert [(kind, u) for _, _, kind, u in _read(nlp, text)] == [("measure", unit)]


def test_flattened_row_labels_that_the_tagger_reads_as_verbs_or_acronyms(nlp):
    found = _read(nlp, "Returnees 120,500 IDPs 40,000 Refugees 12,300")
    assert [(span, unit) for span, _, _, unit in found] == [
        ("120,500", "Returnees"),
        ("40,000", "IDPs"),
        ("12,300", "Refugees"),
    ]


def test_a_place_labelling_a_row_names_no_counted_noun(nlp):
    assert [unit for _, _, _, unit in _read(nlp, "Kabul 1,200 Herat 3,400 Kandahar 5,600")] == [None, None, None]


def test_colon_labels_on_their_own_lines(nlp):
    text = "Refugees: 12,000\nReturnees: 3,400\nPeople in need: 2.1 million.\n"
    assert [(v, unit) for _, v, _, unit in _read(nlp, text)] == [
        (12000, "Refugees"),
        (3400, "Returnees"),
        (2_100_000, "People"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Aid went to refugees (20,500), returnees (3,000) and host families (1,200).",
            ["refugees", "returnees", "host families"],
        ),
        ("It fed 9,000 people through health (4,000) and shelter (5,000).", ["people", "people", "people"]),
    ],
)
def test_bracketed_items_name_their_own_noun_or_share_the_count_they_break_down(nlp, text, expected):
    assert [unit for _, _, _, unit in _read(nlp, text)] == expected


def test_the_number_of_a_noun_earlier_in_the_sentence(nlp):
    found = _read(nlp, "The number of returnees keeps rising, with more than 8,200 arriving last week.")
    assert [(span, unit) for span, _, _, unit in found] == [("more than 8,200", "returnees")]


def test_a_number_of_means_several_and_gives_no_noun(nlp):
    found = _read(nlp, "A number of families moved, and 30 stayed.")
    assert [(span, unit) for span, _, _, unit in found] == [("30", None)]


def test_key_figure_lines_stay_apart(nlp):
    assert [v for _, v, _, _ in _read(nlp, "2.1M\n640K\n37")] == [2_100_000, 640_000, 37]


@pytest.mark.parametrize(
    "text",
    [
        "2,100,000 640,000 37 People in need People targeted Partners",
        "KEY FIGURES 2.1M 640K 37 People in need People targeted Partners",
    ],
)
def test_key_figures_then_their_labels_in_the_same_order(nlp, text):
    assert [unit for _, _, _, unit in _read(nlp, text)] == ["People", "People", "Partners"]


def test_a_row_label_after_a_bracketed_header_and_in_sentence_case(nlp):
    found = _read(nlp, "BUDGET (in KCHF) Protection 12,400 Internally displaced people 45,200 Refugees 8,100")
    assert [unit for _, _, _, unit in found] == ["Protection", "Internally displaced people", "Refugees"]
