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


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Each child received 40g of peanut paste.", "g"),
        ("The ration gave 1,900 kilocalories.", "kcal"),
        ("Rations were cut to 1,500 kcal.", "kcal"),
        ("Gusts reached 180 km/hour on the coast.", "km/h"),
        ("Winds of 95 kph flattened the tents.", "km/h"),
    ],
)
def test_grams_kilocalories_and_speeds_are_written_as_reports_write_them(text, unit):
    assert [q.unit for q in parse_quantities(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "The survey counted 9,000 flood affected people in the valley.",
        "Rations reached 12,000 food insecure people.",
        "Teams reached 12,000 food-insecure people.",
        "Clinics treated 700 conflict affected people.",
    ],
)
def test_a_cause_written_before_people_is_no_part_of_the_unit(text):
    assert [q.unit for q in parse_quantities(text)] == ["people"]


def test_a_kind_written_before_households_stays_in_the_unit():
    assert [q.unit for q in parse_quantities("It helped 40 child headed households.")] == ["child headed households"]


def test_an_adverb_before_a_participle_ends_a_label_in_capitals():
    assert [q.unit for q in parse_quantities("MALI\n7,000 PEOPLE RECENTLY DISPLACED BY FIGHTING")] == ["people"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("LANDSLIDE KILLS SEVEN, INJURES 14 IN THE HILLS", ["SEVEN", "14"]),
        ("FLOODS IN THE DELTA AFFECT 3,000, DISPLACE 400", ["3,000", "400"]),
    ],
)
def test_a_headline_verb_in_capitals_said_of_people_counts_people(text, numbers):
    assert [(q.number, q.unit) for q in parse_quantities(text)] == [(n, "people") for n in numbers]


def test_a_bare_figure_affected_counts_people():
    assert _found("The storm affected 6,500 in the islands.") == [("6,500", 6500, "exact", "people")]


def test_a_singular_name_joins_a_plural_name_in_one_unit():
    found = [q.unit for q in parse_quantities("Fuel reached 14 Rural Water and Sanitation Committees in the east.")]
    assert found == ["Rural Water and Sanitation Committees"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("She lost all three of her brothers in the flood.", "brothers"),
        ("Six of their houses were swept away.", "houses"),
    ],
)
def test_a_number_of_a_possessive_counts_the_noun_after_it(text, unit):
    assert [q.unit for q in parse_quantities(text)] == [unit]


def test_one_of_a_possessive_picks_one_out():
    assert _found("One of his neighbours saw the water rise.") == []


def test_a_part_of_a_whole_a_possessor_owns_counts_what_the_whole_counts():
    found = [(q.number, q.unit) for q in parse_quantities("At least 60 of the town's 2,400 residents fled.")]
    assert found == [("60", "residents"), ("2,400", "residents")]


@pytest.mark.parametrize(
    ("text", "share", "whole"),
    [
        ("Nearly half of the 8,000 shelters were flooded.", ("half", "shelters"), ("8,000", "shelters")),
        ("A third of the 1.2 million residents left.", ("A third", "residents"), ("1.2 million", "residents")),
    ],
)
def test_a_share_of_a_counted_whole_takes_its_noun_and_leaves_the_whole_a_figure(text, share, whole):
    assert [(q.number, q.unit) for q in parse_quantities(text)] == [share, whole]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("More than 40 humanitarian organizations sent teams.", "humanitarian organizations"),
        ("Staff collected twelve environmental samples.", "environmental samples"),
    ],
)
def test_humanitarian_and_environmental_name_a_kind(text, unit):
    assert [q.unit for q in parse_quantities(text)] == [unit]


@pytest.mark.parametrize(
    "text",
    [
        "With more bodies found, the toll across the district rose to 260, officials said.",
        "The death toll in the northern province climbed to 73.",
    ],
)
def test_a_toll_the_subject_of_its_verb_counts_people_past_a_phrase_between(text):
    assert [q.unit for q in parse_quantities(text)] == ["people"]


def test_a_price_that_rose_to_a_figure_counts_no_people():
    assert [q.unit for q in parse_quantities("The price of rice in the district rose to 260.")] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Teams vaccinated 41 200 (92% of the children targeted) pupils in May.",
        "Teams vaccinated 41,200 (92 per cent) pupils in May.",
    ],
)
def test_a_share_in_brackets_between_a_figure_and_its_noun_is_skipped_and_kept(text):
    assert [(q.unit, q.kind.value) for q in parse_quantities(text)] == [("pupils", "count"), ("percent", "percentage")]


def test_a_note_in_brackets_before_a_noun_gives_no_unit():
    assert [q.unit for q in parse_quantities("It reached 4,000 (see annex) households.")] == [None]


def test_a_headline_verb_said_of_people_gives_people_to_a_cell_whose_label_is_unreadable():
    text = (
        "CHAD MEASLES KILLS FOUR, AFFECTS 27 IN THE EAST Between 3 March and 9 April, the district health office"
        " reported 27 cases of measles and four deaths."
    )
    assert [(q.number, q.unit) for q in parse_quantities(text)][:2] == [("FOUR", "people"), ("27", "people")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Half of the displaced families are in camps.", "displaced families"),
        ("The flood destroyed half the warehouse.", "warehouse"),
    ],
)
def test_a_bare_half_before_a_whole_its_determiner_opens_is_a_share(text, unit):
    assert [(q.number.lower(), q.value, q.kind.value, q.unit) for q in parse_quantities(text)] == [
        ("half", 0.5, "ratio", unit)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The other half of the budget went to fuel.",
        "In the second half of the year the rains failed.",
        "They cut the ration in half the next month.",
    ],
)
def test_a_half_that_is_a_part_or_a_period_is_no_share(text):
    assert [q.number for q in parse_quantities(text)] == []
