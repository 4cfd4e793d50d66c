"""Counted nouns of flattened tables, coordination scope and unit spellings (issue #12, units9b). Made-up
sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _units(nlp, text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(nlp, text)}


def _unit_of(nlp, text: str, number: str) -> str | None:
    """The unit of the one figure whose span holds `number`."""
    found = [q.unit for span, q in read_figures(nlp, text) if number in span]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # imperial lengths are named in the plural as reports write them, like miles, acres and gallons
        ("The river rose about 14 inches overnight.", "14", "inches"),
        ("The well is 3 in deep.", "3", "inches"),
        ("The wall stood 9 feet high.", "9", "feet"),
        ("A 40 ft trench was dug.", "40", "feet"),
    ],
)
def test_imperial_lengths_are_named_in_the_plural(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("North 12,400 35 77 1,208 priority The rains go on.", "1,208"),
        ("North 12,400 35 77 1,208 priority The rains go on.", "77"),
        # the row after: no cell takes the word that followed the row before
        ("North 12,400 35 77 1,208 action South 4,100 12 9 311 0 in the hills.", "311"),
        ("North 12,400 35 77 1,208 action South 4,100 12 9 311 0 in the hills.", "4,100"),
    ],
)
def test_a_cell_of_a_scrambled_row_takes_no_neighbouring_word(nlp, text, number):
    assert _unit_of(nlp, text, number) is None


def test_a_figure_of_prose_still_counts_its_noun(nlp):
    assert _unit_of(nlp, "They reached 4,200 people and 35 schools.", "35") == "schools"


_UNITS_COLUMN_TABLE = (
    "ASSISTANCE Targets Achieved Food rations Beneficiaries 12,000 11,500 Health Clinics supported Structures 31 28 "
    "Seed kits Beneficiaries 4,000 3,900 Total Beneficiaries 16,000 15,400"
)


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("31", "clinics"),
        ("28", "clinics"),
        # a label with no plural noun and participle of its own counts what the units column says
        ("12,000", "beneficiaries"),
        ("3,900", "beneficiaries"),
    ],
)
def test_a_plural_and_its_participle_before_a_units_cell_name_what_is_counted(nlp, number, unit):
    assert (_unit_of(nlp, _UNITS_COLUMN_TABLE, number) or "").lower() == unit


def test_a_label_glued_to_the_cell_before_starts_at_its_capital(nlp):
    text = "Seed kits Beneficiaries 4,012HealthClinics supported Structures 1,217WOUNDED AND SICK"
    assert _unit_of(nlp, text, "1,217") == "Clinics"


_PROTECTION_TABLE = (
    "PROTECTION Letters collected 8,100 Letters delivered 5,200 Calls facilitated between relatives 12,400 Tracing "
    "cases closed positively (person located) 1,950 People reunited with their families 46 of whom unaccompanied "
    "children 31 DETENTION Places of detention visited 210 Detainees in places of detention visited 98,000 of whom "
    "visited and monitored individually 7,300 Visits carried out 650 RATE Spending/budget 88% PERSONNEL Mobile staff "
    "410 Resident staff 2,900"
)


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("8,100", "Letters"),  # a section heading in capitals is no part of the row's label
        ("1,950", "Tracing cases"),  # a label's participle the tagger read as a verb ends no block
        ("46", "People"),
        ("31", "unaccompanied children"),  # a sub-row "of whom ..." counts its own noun
        ("210", "Places of detention"),
        ("7,300", "Detainees"),  # a sub-row with no noun counts the noun of the row before
        ("650", "Visits"),
        ("410", "Mobile staff"),  # "88%" is a cell of the block, which goes on to the personnel rows
        ("2,900", "Resident staff"),
    ],
)
def test_a_flattened_table_with_sub_rows_and_participles_gives_each_cell_its_own_label(nlp, number, unit):
    assert _unit_of(nlp, _PROTECTION_TABLE, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a serial list after a dropped adjective names the group counted: the list stays whole
        ("The boat carried 212 exhausted men, women and children to port.", "212", "men, women and children"),
        # a coordination the amount counts whole
        ("The storm flattened hundreds of houses and shops in the valley.", "hundreds", "houses and shops"),
        ("Over 3,000 of donors and volunteers joined the drive.", "3,000", "donors and volunteers"),
        # a binary coordination after a dropped adjective keeps its first noun (the seed gold's convention)
        ("The camp hosts 700 vulnerable women and children.", "700", "women"),
    ],
)
def test_coordination_scope(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # an organisation's name before the people who serve it is left out
        ("The society sent 85 Blue Star volunteers to the coast.", "85", "volunteers"),
        # before other nouns the name says what kind of thing is counted
        ("Families exchanged 900 Red Cross messages.", "900", "Red Cross messages"),
        # a place of origin is dropped, as a nationality is
        ("The agency serves 2.1 million Palestine refugees in the region.", "2.1 million", "refugees"),
        # a hyphenated participle describes: "pre-existing" as "flood-affected"
        ("Teams assessed nine pre-existing camps and three new ones.", "nine", "camps"),
        # relational adjectives name a kind and stay
        ("Surgeons performed 310 surgical operations last month.", "310", "surgical operations"),
        ("The survey counted 52,000 internal returnees.", "52,000", "internal returnees"),
        ("The office employs 45 international staff.", "45", "international staff"),
    ],
)
def test_leading_modifiers_kept_or_dropped(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


def test_a_units_column_word_opens_its_cell_after_a_capitalised_label(nlp):
    text = "ASSISTANCE Seed kits Beneficiaries 4,012Cash Beneficiaries 1,250,300Tokens Beneficiaries 8,800Water"
    assert _unit_of(nlp, text, "1,250,300") == "Beneficiaries"
    assert _unit_of(nlp, text, "8,800") == "Beneficiaries"


def test_a_footnote_number_glued_to_the_counted_noun_leaves_the_unit(nlp):
    assert _unit_of(nlp, "By June, 6.1 million displaced people2 had returned.", "6.1") == "displaced people"
    assert _unit_of(nlp, "The camp covers 300 m2 of land.", "300") == "m2"  # a measure keeps its digits
