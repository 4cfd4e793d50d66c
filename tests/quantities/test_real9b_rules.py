"""Rules for the classes real9b's fresh documents showed (issue #12): a change verb a few words before "from A to
B", a year dating the first figure of a change, a list's dash against a count. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _values(nlp, text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the change verb stands before its object, then "from": two figures, the old level and the new one
        ("The clinic expanded the number of cots from 40 to 65 within a week.", [40, 65]),
        ("The board voted to raise the ceiling from USD 2 million to USD 3 million.", [2_000_000, 3_000_000]),
        ("The office cut the daily ration for each family from 12 to 9 litres.", [12, 9]),
    ],
)
def test_a_change_verb_before_its_object_makes_two_figures(nlp, text, expected):
    assert _values(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no change verb: a range
        "Camps hosted from 40 to 65 families each.",
        # "ranging" after the change verb: the span is a range of the new level
        "The agency cut rations ranging from 30 to 50 kilograms.",
    ],
)
def test_from_to_without_a_change_stays_a_range(nlp, text):
    figures = read_figures(nlp, text)
    assert len(figures) == 1 and figures[0][1].value is None and figures[0][1].low is not None


def test_a_year_dating_a_change_bounds_no_range(nlp):
    text = "Admissions went from 2,310 in 2019 to 5,872 in 2020."
    assert [v for v in _values(nlp, text) if v not in (2019, 2020)] == [2310, 5872]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fund reached 90,000 people, of whom: -52,000 received cash -38,000 received seeds.",
            [90_000, 52_000, 38_000],
        ),
        ("Of the total:\n-14,500 returned home\n-3,200 stayed in camps", [14_500, 3_200]),
    ],
)
def test_a_dash_against_a_grouped_count_marks_a_list_item(nlp, text, expected):
    assert _values(nlp, text) == expected


def test_a_sign_that_is_no_list_dash_stays(nlp):
    # not grouped in thousands: a temperature keeps its sign
    assert -12 in _values(nlp, "Night temperatures fell to -12 degrees.")


def _units(nlp, text: str) -> list[tuple[float | None, str | None]]:
    return [(q.value, q.unit) for _, q in read_figures(nlp, text)]


def test_a_units_column_word_between_label_and_cells_is_the_unit(nlp):
    text = (
        "ASSISTANCE Achieved CIVILIANS Shelter kits Beneficiaries 41,200 Seed packs Beneficiaries 8,350 "
        "Vouchers Beneficiaries 2,910 Livelihood grants Beneficiaries 760"
    )
    assert [unit.lower() for _, unit in _units(nlp, text)] == ["beneficiaries"] * 4


def test_a_generic_units_column_counts_the_row_labels_noun(nlp):
    text = (
        "WOUNDED AND SICK Clinics supported Structures 36 Mobile units supported Structures 12 "
        "Blood banks supported Structures 7 Workshops supported Structures 5"
    )
    assert [(v, unit.lower()) for v, unit in _units(nlp, text)] == [
        (36, "clinics"),
        (12, "mobile units"),
        (7, "blood banks"),
        (5, "workshops"),
    ]


def test_a_units_column_reaches_the_rows_second_cell(nlp):
    text = "Targets Achieved Water points Beneficiaries 12,000 11,480 Latrines Beneficiaries 4,500 4,020 Total 9"
    assert [unit.lower() for v, unit in _units(nlp, text) if v != 9] == ["beneficiaries"] * 4


def test_a_bracketed_scale_after_a_heading_in_capitals_scales_the_cells_after_it():
    from extract.parsing import parse_quantities

    text = (
        "7 REGION EXPENDITURE (in KCHF) Protection 3,120 Assistance 15,400 Prevention 1,900 "
        "IMPLEMENTATION RATE Expenditure/yearly budget 93%"
    )
    assert [(q.value, q.kind.value, q.unit) for q in parse_quantities(text) if q.kind.value == "money"] == [
        (3_120_000, "money", "CHF"),
        (15_400_000, "money", "CHF"),
        (1_900_000, "money", "CHF"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("More Than 3,500 Pilgrims Assisted to Safely Travel Home During Storm", "Pilgrims"),
        ("Over 25,000 Households Assisted With Cash as Prices Climb: Report", "Households"),
    ],
)
def test_a_title_case_participle_after_the_counted_noun_is_the_headlines_verb(nlp, text, unit):
    assert [u for _, u in _units(nlp, text)] == [unit]


def test_a_household_abbreviation_counts_households(nlp):
    assert _units(nlp, "The round found 6,400 IDPs in 1,310 HH across the district.") == [
        (6400, "IDPs"),
        (1310, "households"),
    ]


def test_a_participle_ending_a_row_label_keeps_the_label_in_the_table(nlp):
    text = "SHELTER Tents distributed 1,980 Number of wells rehabilitated 37 Number of schools repaired 12 Latrines"
    found = dict(_units(nlp, text))
    assert (found[37], found[12]) == ("wells", "schools")


def test_a_percent_cell_stays_in_the_flattened_table(nlp):
    text = (
        "Expenditure/yearly budget 91% PERSONNEL Mobile staff 52 Resident staff (daily workers not included) 318 "
        "ASSISTANCE"
    )
    assert _units(nlp, text) == [(91, "percent"), (52, "Mobile staff"), (318, "Resident staff")]


def test_a_leading_headers_scale_stops_at_the_next_heading_in_capitals():
    from extract.parsing import parse_quantities

    text = "BUDGET (in KCHF) Protection 12,400 Assistance 45,200 Prevention 8,100 PERSONNEL STAFF Mobile staff 40"
    assert [(q.value, q.kind.value) for q in parse_quantities(text)] == [
        (12_400_000, "money"),
        (45_200_000, "money"),
        (8_100_000, "money"),
        (40, "count"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The society has helped more than 12 .500 displaced families so far.", [12_500]),
        ("Aid reached ( 8. 240 ) households in the western camps.", [8_240]),
    ],
)
def test_a_thousands_point_typed_with_a_space_is_one_number(nlp, text, expected):
    assert _values(nlp, text) == expected


def test_a_spaced_point_before_fewer_than_three_digits_is_no_thousands_point(nlp):
    assert 12_500 not in _values(nlp, "Volunteers counted 12 .50 litres per family.")


def test_a_reading_list_headline_is_no_count(nlp):
    text = "News digest\n\nSix reports to read as the monsoon season opens\n\nThe rains came early."
    assert _values(nlp, text) == []


def test_a_count_before_a_reading_purpose_stays(nlp):
    assert _values(nlp, "Teachers handed out 300 books to read at home.") == [300]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Forecasters expect between 40-80mm of rain over the coast.", 40, 80, "mm"),
        ("Each family receives a 2-3kg bag of lentils.", 2, 3, "kg"),
    ],
)
def test_a_unit_glued_to_a_ranges_second_bound_reads_the_range(nlp, text, low, high, unit):
    assert [(q.low, q.high, q.unit) for _, q in read_figures(nlp, text)] == [(low, high, unit)]


def test_a_count_of_us_counts_people(nlp):
    assert _units(nlp, "The survivor said more than 600 of us slept in the warehouse.") == [(600, "people")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Storms damaged 6.420 houses in the south.", 6_420),
        ("More than 2.150 families received kits.", 2_150),
        ("Some 3.125 million people fled.", 3_125_000),  # a scale word: a decimal
        ("The new road is 2.125 km long.", 2.125),  # a measure keeps its decimals
    ],
)
def test_a_point_before_three_digits_of_a_count_groups_thousands(nlp, text, expected):
    assert _values(nlp, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The board then raised the ceiling to CHF 40 millio\n",
        "Volunteers from the three Regional Emergency Response Un\n",
    ],
)
def test_a_figure_the_copy_cuts_off_mid_word_is_dropped(text):
    from extract.parsing import parse_quantities

    assert parse_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The board raised the ceiling from CHF 6 million to CHF 40 millio\n", [6_000_000]),  # the cut is the last's
        ("In the north 40 families were hosted by the Al\n", [40]),  # the counted noun is whole
        ("The camp hosts 2,510 HH\n", [2_510]),
        ("The trail runs 17.3 mi\n", [17.3]),
    ],
)
def test_a_whole_figure_before_the_cut_stays(text, expected):
    from extract.parsing import parse_quantities

    assert [q.value for q in parse_quantities(text)] == expected


def test_a_short_group_at_the_texts_end_is_kept():
    from extract.parsing import parse_quantities

    assert len(parse_quantities("The rate rose to 2,5\n")) == 1  # a decimal comma or a cut group: not decided
