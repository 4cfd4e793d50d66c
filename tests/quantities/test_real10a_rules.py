"""Rules for the classes real10a's fresh documents showed (issue #12): reporting periods that start on a date,
(more rules below). Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.models import Kind

from .helpers import read_figures


def _durations(nlp, text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(nlp, text) if q.kind is Kind.DURATION]


@pytest.mark.parametrize(
    "text",
    [
        # the opening part of a period after a possessive: which months, not how long
        "Over the season's first four months, 3,200 people crossed the border.",
        # a period that runs from or since a date: when, as "the 27 weeks to 4 December" is
        "In the 45 days since March 3, a total of 9,100 people were registered.",
        "In the two days from 12 June through 14 June, the clinic treated 310 patients.",
    ],
)
def test_a_period_tied_to_a_date_or_opening_is_no_duration(nlp, text):
    assert _durations(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # not the opening part: a length of time
        ("The agency's programme lasted four months in all.", [4]),
        # "from" without a date after it
        ("Volunteers worked for three days from their own homes.", [3]),
        ("The camp has been open for six weeks since its founding.", [6]),
    ],
)
def test_a_duration_without_a_date_or_opening_stays(nlp, text, expected):
    assert _durations(nlp, text) == expected


def _values(nlp, text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a PDF copy's lost superscript after a plural noun, before a place
        ("Staff of the clinics 2 in Tamale and Bolgatanga answered 38 questionnaires.", [38]),
        # ... after a month and its year, before the clause goes on
        ("Although 600 farmers had enrolled since June 2021 5 , no visits were made.", [600]),
        # a page footer "N | Page"
        ("7 | Page The team held 14 interviews with returnees.", [14]),
    ],
)
def test_markers_and_page_footers_of_a_pdf_copy_are_no_figures(nlp, text, expected):
    assert _values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a counted noun after the number: a figure
        ("The clinics treated 2 patients in Tamale.", [2]),
        # the year and the count split by a comma: the count stays
        ("In June 2021, 5 were injured in the blast.", [5]),
        ("Flooding in June 2021 5 people dead.", [5]),
    ],
)
def test_counts_near_those_places_stay(nlp, text, expected):
    assert [v for v in _values(nlp, text) if v != 2021] == expected


def _units(nlp, text: str) -> list[str | None]:
    return [q.unit.lower() if q.unit else None for _, q in read_figures(nlp, text) if q.value not in (2019, 2020)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a report header's field label, its colon just before the figure
        ("Operation budget: CHF 50,000 Number of people to be assisted: 12,000", ["chf", "people"]),
        ("Appeal coverage: 40% N of households being assisted: 2,300", ["percent", "households"]),
        # a title-case headline's verb of amount after its plural subject
        ("Cholera Cases Top 4,500 in Coastal Province", ["cases"]),
        ("Flood Deaths Reach 312; Rescue Teams Deployed", ["deaths"]),
        # a comparison with the count before, in the same sentence or the one before
        ("The camp registered 7,400 refugees in March. That figure compares to 5,100 in 2019.", ["refugees"] * 2),
        ("Clinics saw 900 patients this week, up from 650 on Monday.", ["patients", "patients"]),
        ("Teams recorded 41 incidents this month, above last month's total: 37.", ["incidents", "incidents"]),
        # said of people: "have arrived"
        ("Since the border reopened, a total of 2,400 have arrived.", ["people"]),
    ],
)
def test_an_implied_noun_from_a_field_label_a_headline_or_a_comparison(nlp, text, expected):
    assert _units(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "a number of" and a label without a colon before the figure: no field
        ("A number of people were assisted and 300 more were registered later.", [None]),
        # a lower-case verb after a plural: no headline
        ("Some deaths reach 40 per district.", [None]),
        # a comparison with no count before it
        ("Prices are up from 300 in 2019.", [None]),
    ],
)
def test_no_implied_noun_without_those_cues(nlp, text, expected):
    assert _units(nlp, text) == expected


def test_a_comparison_with_a_measure_takes_no_count_noun(nlp):
    text = "We repaired 19 wells. Each well now yields 40 litres per hour, up from 12 in 2019."
    assert _units(nlp, text)[::2] == ["wells", None]


def _readings(nlp, text: str) -> list[tuple[float | None, str, str | None]]:
    return [(q.value, q.kind.value, q.unit) for _, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "MT" glued to a number is metric tonnes as reports write them, not megatons
        ("The branch dispatched 12MT of maize to the camps.", [(12, "measure", "mt")]),
        # a duration word after "more": the amount of time, not "months of rain"
        ("Forecasters expect three more months of drought.", [(3, "duration", "months")]),
        # what a count includes is not its noun
        (
            "Alerts reached 9,000 households including 300 schools.",
            [(9000, "count", "households"), (300, "count", "schools")],
        ),
        # a gerund naming what a thing is for is a kind, kept
        ("Volunteers handed out 640 cooking sets to the families.", [(640, "count", "cooking sets")]),
    ],
)
def test_units_of_report_writing(nlp, text, expected):
    assert _readings(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a series number of a dashboard or snapshot: a reference
        "Sahel — Displacement Dashboard 4 (March 2019)",
        # a year after "the" before a name: which event, not how many
        "Farmers still recall the 1998 El Niño floods.",
    ],
)
def test_a_dashboard_number_and_a_named_events_year_are_no_counts(nlp, text):
    assert [q for _, q in read_figures(nlp, text) if q.kind.value == "count"] == []


def test_a_count_before_a_nationality_stays(nlp):
    # no "the" before the number: a count of refugees
    assert _readings(nlp, "The camp hosts 1850 Syrian refugees.") == [(1850, "count", "refugees")]


@pytest.mark.parametrize(
    "text",
    [
        # page 1 of a PDF copy before a title in title case that a participle opens
        "1 Revised Emergency Appeal Kenya: Drought Emergency appeal n MDRKE009",
        # "One ... shared": a speaker introduced, as "One official said" is
        "One nurse shared: “We worked through the night.”",
        # "one example of": an illustration
        "The new clinic is just one example of what local partners achieve.",
        # a day, a month in another script, a year: a date of a site's other language
        "نشر: 14 يونيو 2019 10:20 CET",
    ],
)
def test_page_titles_speakers_examples_and_foreign_dates_are_no_figures(nlp, text):
    assert [q for _, q in read_figures(nlp, text) if q.kind.value == "count"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 new health centre was opened in the district.", [1]),
        ("One volunteer was injured and two examples of damage were recorded.", [1, 2]),
        ("The team trained 14 volunteers in 2019.", [14]),
    ],
)
def test_counts_beside_those_shapes_stay(nlp, text, expected):
    assert [q.value for _, q in read_figures(nlp, text) if q.kind.value == "count"] == expected


def test_a_header_fields_duration_keeps_its_unit_of_time(nlp):
    text = (
        "Operation start date: 2 May 2019 GLIDE n FL 2019 Timeframe covered by this update: 1 June 2019 to 30 "
        "November 2019 Operation timeframe: 9 months, until 31 January 2020 DREF amount allocated: CHF 95,000"
    )
    readings = [(q.value, q.kind.value, q.unit) for _, q in read_figures(nlp, text) if q.value in (9, 95_000)]
    assert readings == [(9, "duration", "months"), (95_000, "money", "CHF")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a PDF copy's thousands group split after its comma, before a form's next field label
        ("Overall budget: CHF 1,250, 300 DREF amount allocated: CHF 95,000", [1_250_300, 95_000]),
        ("Budget: CHF 3,410, 275 Current Appeal coverage: 40%", [3_410_275, 40]),
        # a list of counts after a comma: two figures
        ("Houses destroyed: 1,200, 300 damaged.", [1_200, 300]),
        ("They counted 1,200, 300 Syrians and 40 others.", [1_200, 300, 40]),
    ],
)
def test_a_group_split_after_its_comma_is_one_number_before_a_field_label(nlp, text, expected):
    assert _values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's name in the singular, then the plural noun it describes: the plural noun is counted
        ("The appeal assists 8,400 Democratic Republic of Congo (DRC) refugees in camps.", ["refugees"]),
        ("Teams reached the three Horn of Africa countries.", ["countries"]),
    ],
)
def test_a_place_name_before_a_plural_noun_describes_it(nlp, text, expected):
    assert _units(nlp, text) == expected


def test_a_name_with_no_plural_after_it_stays(nlp):
    # a count of one and a name alone: left as they were
    assert _units(nlp, "The office sent 1 Logistics Officer.") == ["logistics officer"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "among them" as "of them": the noun a copula names, else the count before
        ("Over 50,000 people crossed; 12,000 among them are Malian returnees.", ["people", "returnees"]),
        ("The clinic treated 400 patients; 50 among them had cholera.", ["patients", "patients"]),
    ],
)
def test_among_them_reads_as_of_them(nlp, text, expected):
    assert _units(nlp, text) == expected


def test_the_n_month_period_is_the_reports_period(nlp):
    assert _durations(nlp, "Operations supported during the twelve month period reached 900 people.") == []
    # "a six-month period": an amount of time
    assert _durations(nlp, "Rations were given for a six-month period to 900 people.") == [6]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "prone" says what may befall the counted things, dropped as "flood affected" is
        ("Teams visited 14 drought-prone districts and 30 flood prone villages.", ["districts", "villages"]),
        # a kind before the noun stays
        ("Teams visited 14 primary schools.", ["primary schools"]),
    ],
)
def test_a_prone_modifier_is_dropped(nlp, text, expected):
    assert _units(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality or region before a title-case plural: where they are, dropped
        ("The grant helped five European National Societies fight the disease.", ["national societies"]),
        # a nationality noun keeps its own words
        ("It hosts 300 East Timorese in camps.", ["east timorese"]),
    ],
)
def test_a_nationality_before_a_title_case_plural_is_dropped(nlp, text, expected):
    assert _units(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words joined by a slash with no space are one word of the noun, as hyphenated ones are
        ("The storm damaged five brick/block latrines.", ["brick/block latrines"]),
        ("Teams repaired 12 water/sanitation facilities.", ["water/sanitation facilities"]),
        # spaced slashes join nothing
        ("Teams repaired 12 wells / pumps.", ["wells"]),
    ],
)
def test_a_slash_glued_word_is_one_word_of_the_noun(nlp, text, expected):
    assert _units(nlp, text) == expected


def test_a_slash_before_a_labels_second_name_stays_apart(nlp):
    # "minors/separated children": a plural and a participle around the slash, not one word; read as before
    assert _units(nlp, "It registered 300 unaccompanied minors/separated children.") == ["unaccompanied minors"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a DTM's administrative level is a reference, no count
        ("Unit of Analysis Admin Area 3 Type of Survey Key Informant", []),
        ("Data is shown at Admin 2 level for 14 provinces.", [14]),
        # a count of areas, and an area measured, stay
        ("The camp covers an area of 3 km2 and 12 areas were flooded.", [3, 12]),
    ],
)
def test_an_administrative_level_is_a_reference(nlp, text, expected):
    assert _values(nlp, text) == expected
