"""Counted nouns of statistics tables flattened from PDF (issue #12): a row label before its cell on its own line
or glued to the cell before, the label's cell in sentence case, "Number of" labels, "of whom" rows; and news
counts whose noun is implied. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _read(nlp, text: str) -> list[tuple[str, float | None, str, str | None]]:
    return [(span, q.value, q.kind.value, q.unit) for span, q in read_figures(nlp, text)]


def test_a_row_label_before_its_cell_on_its_own_line(nlp):
    text = "Detainees visited 4,210\n\nVisits carried out 312\n\nPlaces of detention visited 45\n"
    assert [(v, unit) for _, v, _, unit in _read(nlp, text)] == [
        (4210, "Detainees"),
        (312, "Visits"),
        (45, "Places of detention"),
    ]


def test_a_year_ending_a_title_line_stays_a_year(nlp):
    assert _read(nlp, "Operations 2019\n\nThe year began.") == []


def test_a_number_of_label_counts_its_noun(nlp):
    assert [unit for *_, unit in _read(nlp, "Number of visits carried out 412\n")] == ["visits"]
    assert [unit for *_, unit in _read(nlp, "0.27 million Total number of IDPs")] == ["IDPs"]


def test_an_of_whom_row_names_its_own_noun(nlp):
    text = "Children registered 1,200\n\nof whom unaccompanied minors/separated children 310\n"
    assert [unit for *_, unit in _read(nlp, text)] == ["Children", "unaccompanied minors/separated children"]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Food aid Beneficiaries 52,300\n", "Beneficiaries"),  # a capital after lower case opens the unit's cell
        ("Formerly Deported Persons 13,000\n", "Formerly Deported Persons"),  # a label in title case stays whole
        ("ASSISTANCE TotalSUPPORTRestoring linksParcels delivered 8,300\n", "Parcels"),  # cells glued by the copy
    ],
)
def test_the_cell_of_a_label_that_names_the_count(nlp, text, unit):
    assert [u for *_, u in _read(nlp, text)] == [unit]


def test_a_number_glued_to_the_next_rows_label(nlp):
    text = "Messages collected 12,704Messages distributed 9,548Phone calls made 3,100Households reached 870"
    assert [(v, unit) for _, v, _, unit in _read(nlp, text)] == [
        (12704, "Messages"),
        (9548, "Messages"),
        (3100, "Phone calls"),
        (870, "Households"),
    ]


def test_a_number_glued_to_a_label_never_takes_it_as_its_noun(nlp):
    # the word glued after the cell is the next row's label; with no label of its own the cell keeps no unit
    assert [(v, unit) for _, v, _, unit in _read(nlp, "and separated children 840PEOPLE DEPRIVED OF FREEDOM")] == [
        (840, None)
    ]
    assert _read(nlp, "See www.example.org/?id=12345ABCD&x today.") == []  # a code in a link stays whole


def test_a_dollar_amount_after_the_article_is_no_australian_dollar(nlp):
    assert [unit for *_, unit in _read(nlp, "Japan announced a $1.5 billion commitment.")] == ["USD"]
    assert [unit for *_, unit in _read(nlp, "Canberra gave A$20 million.")] == ["AUD"]


def test_a_bare_count_before_auxiliaries_and_a_verb_said_of_people(nlp):
    assert [unit for *_, unit in _read(nlp, "Four million have fled the war.")] == ["people"]


def test_the_highest_numbers_of_a_noun_earlier_in_the_sentence(nlp):
    text = "Yemen and Syria had the highest numbers of people in need, 2.2 million and 1.3 million, respectively."
    assert [unit for *_, unit in _read(nlp, text)] == ["people", "people"]


def test_an_earthquake_magnitude_is_a_measure(nlp):
    assert [(v, kind, unit) for _, v, kind, unit in _read(nlp, "A 6.1 magnitude earthquake struck.")] == [
        (6.1, "measure", "magnitude")
    ]


def test_a_conjunct_holding_an_amount_is_no_noun(nlp):
    found = _read(nlp, "The storm killed 40 people and injured hundreds more.")
    assert [(span, unit) for span, _, _, unit in found] == [("40 people", "people"), ("hundreds", "people")]


def test_a_figure_in_brackets_before_its_noun(nlp):
    # some reports bracket every figure: the noun after the bracket is counted, and the qualifier before it holds
    found = _read(nlp, "Teams gave (7) tons of meat to more than (7000) families.")
    assert [(v, kind, unit) for _, v, kind, unit in found] == [(7, "measure", "tons"), (7000, "count", "families")]
    quantities = [q for _, q in read_figures(nlp, "Teams gave (7) tons of meat to more than (7000) families.")]
    assert [q.qualifier.value for q in quantities] == ["exact", "more_than"]
    # a noun before the bracket is the counted one; a numbered heading counts nothing
    assert [u for *_, u in _read(nlp, "Aid went to returnees (120,500) in May.")] == ["returnees"]
    assert [u for *_, u in _read(nlp, "Objectives: (1) Shelter (2) Health (3) Water")] == [None, None, None]


@pytest.mark.parametrize(
    "text",
    [
        "It serves 45,000 people, although more than 300,000 need this kind of support.",  # "need" read as a noun
        "An estimated 2.1 million need food aid.",
    ],
)
def test_a_bare_count_that_needs_counts_people(nlp, text):
    assert [unit for *_, unit in _read(nlp, text)][-1] == "people"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a date between "the number of" and the figure does not stop the noun, and described words are dropped
        ("The number of Sudanese refugees who arrived since December 2013 reached 21,500.", "refugees"),
        # nor does the number of a reference ("IPC phase 3")
        ("The number of people in IPC phase 3 or above is likely to rise to 15.8 million.", "people"),
    ],
)
def test_the_number_of_a_noun_past_a_date_or_a_reference(nlp, text, unit):
    assert [u for *_, u in _read(nlp, text)][-1] == unit


def test_the_noun_after_a_footnotes_asterisks(nlp):
    assert [u for *_, u in _read(nlp, "0.239million** Reached population through HRP activities")] == ["population"]
