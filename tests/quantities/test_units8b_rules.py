"""Counted nouns the tagger hides (issue #12): a plural after an acronym read as its verb, the noun after "of them
were", "others" in a sentence that counts people. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from extract.parsing import parse_quantities

from .helpers import read_figures
from .helpers import rejections_in as _rejected


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


@pytest.mark.parametrize(
    "text",
    [
        "Cases peaked in epi week 12 and fell after.",
        "The data cover the epidemiological weeks from 5 to 8 of the year.",
        "Reports for weeks 5-8 show a decline.",
        "Admissions rose from week 5 to week 8.",
    ],
)
def test_an_epidemiological_weeks_number_is_a_date(text):
    rejected = _rejected(text)
    assert rejected and all(decision == ("date", "epi-week") for decision in rejected.values())


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("In the first week 30 people died.", "30"),  # a week of time, then a count
        ("Within weeks 40 people had died.", "40"),  # the plural names weeks only before a range
    ],
)
def test_a_count_after_a_week_of_time_stays_a_figure(text, number):
    assert number in _figures(text)


def _figures(text: str) -> list[str]:
    return [q.number for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The camps held 12 . 7\n\nmillion displaced people.", [("12 . 7\n\nmillion displaced people", 12_700_000)]),
        ("Some 3 . 25 billion was pledged.", [("Some 3 . 25 billion", 3_250_000_000)]),
        # no scale word after it: the point may end a sentence, so the numbers stay apart
        ("The tally was 26 . 4 boats.", [("26", 26), ("4 boats", 4)]),
    ],
)
def test_a_spaced_decimal_point_before_a_scale_joins_one_number(nlp, text, expected):
    assert [(span, q.value) for span, q in read_figures(nlp, text)] == expected


def test_a_page_number_atop_a_page_before_a_heading_in_capitals_is_furniture():
    text = "23\nPROGRAMMES | 41 PROGRAMMES\n\nThe team reached 300 families.\f24\nPROGRAMMES\nIt ran 12 clinics."
    rejected = _rejected(text)
    assert rejected["23"] == ("page furniture", "page-number-line-start")
    assert rejected["24"] == ("page furniture", "page-number-line-start")


@pytest.mark.parametrize(
    "text",
    [
        "The team reached 300 families.\n23\nPROGRAMMES SUPPORTED",  # lower on the page: a key figure
        "23\nPeople reached in May",  # its label is in sentence case
    ],
)
def test_a_number_above_its_label_lower_on_a_page_stays_a_figure(text):
    assert "23" in _figures(text)


@pytest.mark.parametrize(
    ("text", "span", "bounds", "unit"),
    [
        (
            "Aid reached 20 million people. Seven or eight million of those people are in danger.",
            "Seven or eight million of those people",
            (7_000_000, 8_000_000),
            "people",
        ),
        (
            "Some 40,000 people fled. Two or three thousand of them were children.",
            "Two or three thousand",
            (2_000, 3_000),
            "children",
        ),
    ],
)
def test_a_scaled_word_number_before_of_those_is_an_amount_of_them(nlp, text, span, bounds, unit):
    figure = dict(read_figures(nlp, text))[span]
    assert (figure.qualifier.value, figure.low, figure.high, figure.unit) == ("range", *bounds, unit)


def test_a_bare_word_number_before_of_them_still_counts_nothing(nlp):
    assert read_figures(nlp, "Many fled. Two of them returned.") == []
