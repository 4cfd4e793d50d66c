"""Rules from the real9a dev documents (issue #12: OCHA situation reports and snapshots, UNICEF and WFP briefs,
UNHCR briefing notes, WHO outbreak news, news articles). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, parse_quantities


def _rejected(nlp, text: str) -> dict[str, tuple[str, str]]:
    """Each number set aside in `text` with its rejection reason and rule."""
    doc = nlp(text)
    return {span.text: (span._.rejection["reason"], span._.rejection["rule"]) for span in doc.spans[REJECTED_KEY]}


def _found(text: str) -> list[tuple[str, float | None, str, str | None]]:
    return [(q.number, q.value, q.qualifier.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    "text",
    [
        "1-     Heavy rains add to the hardships of 40,000 people",
        " 2-      Some 300 families flee the coast by boat",
        "3 – Agency concerned about the fate of 900 people",
    ],
)
def test_a_dashed_item_number_opening_a_heading_is_a_list_number(nlp, text):
    rejected = _rejected(nlp, text)
    assert [reason for reason, _ in rejected.values()] == ["ordinal"]
    assert len(_found(text)) == 1  # the heading's own count stays


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 – 5 trucks arrived each day at the camp", [("4 – 5", None, "range", "trucks")]),
        ("12 - Schools damaged", [("12", 12, "exact", "Schools damaged")]),
    ],
)
def test_a_dash_after_a_count_is_no_list_number_when_no_heading_follows(text, expected):
    assert [(n, v, q) for n, v, q, _ in _found(text)] == [(n, v, q) for n, v, q, _ in expected]


def test_minutes_and_seconds_before_ago_are_a_point_in_time(nlp):
    rejected = _rejected(nlp, "Feed refreshed: 25 min 10 sec ago")
    assert rejected["25"][0] == rejected["10"][0] == "time"
    assert _found("Feed refreshed: 25 min 10 sec ago") == []


@pytest.mark.parametrize(
    "text", ["An outbreak of poliovirus type 3 was confirmed.", "Cases of dengue type 2 rose in the north."]
)
def test_a_number_after_type_names_a_type(nlp, text):
    assert _found(text) == []


def test_a_range_of_days_after_a_reference_word_is_a_date(nlp):
    rejected = _rejected(nlp, "Executive Committee, Seventy-first session\n6-10 October 2031")
    assert rejected["6-10"][0] == "date"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Teams vaccinated 4,000 children (6months-15 years) against measles.", "6months-15"),
        ("Teams vaccinated 4,000 children (6-59 months) against measles.", "6-59"),
        ("Clinics treated infants aged between 6-23 months for anaemia.", "6-23"),
    ],
)
def test_an_age_band_labelling_a_group_is_a_category_label(nlp, text, number):
    assert _rejected(nlp, text)[number][0] == "category label"


def test_an_age_band_keeps_the_count_of_its_group():
    assert _found("Teams vaccinated 4,000 children (6months-15 years) against measles.") == [
        ("4,000", 4000, "exact", "children")
    ]
