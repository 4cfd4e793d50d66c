"""Counted nouns of situation reports, operational updates and statistical reports (issue #12, real5): rows of
cells with a scale word, names after a share, key-figure labels in capitals, earthquake magnitudes, key-figure cells
after a reference word, a heading in capitals ending the text before a key-figures column, implied people (a toll,
a town's population, "Of those displaced,"), long names reports shorten. Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _units(nlp, text: str) -> list[tuple[str, str | None]]:
    return [(q.number, q.unit) for _, q in read_figures(nlp, text)]


def test_cells_with_a_scale_word_take_no_neighbouring_name(nlp):
    """ "Turkey 3.7 million Colombia 1.7 million": each cell's label is the name before it, not a counted noun."""
    found = _units(nlp, "Hosts.\n\nTurkey 3.7 million Colombia 1.7 million Pakistan 1.4 million Uganda 1.4 million\n")
    assert found == [("3.7 million", None), ("1.7 million", None), ("1.4 million", None), ("1.4 million", None)]


def test_a_name_before_the_next_share_is_no_population(nlp):
    found = _units(nlp, "Relative to population:\n\nLebanon 1 in 8 Aruba 1 in 6 Jordan 1 in 15\n")
    # the next row's name is never the unit; the share standing alone is one of the population (dev convention)
    assert found == [("1 in 8", "population"), ("1 in 6", "population"), ("1 in 15", "population")]


def test_a_share_of_a_people_keeps_its_noun(nlp):
    assert _units(nlp, "Today one in four Syrians lives abroad.") == [("one in four", "Syrians")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("82.4 MILLION FORCIBLY DISPLACED WORLDWIDE", "people"),
        ("10.3 MILLION NEWLY DISPLACED", "people"),
        ("3.7 MILLION REFUGEES HOSTED IN TURKEY", "refugees"),
        ("20 NEW DISPLACEMENTS EVERY MINUTE", "new displacements"),
    ],
)
def test_a_key_figure_label_in_capitals(nlp, text, unit):
    assert [u for _, u in _units(nlp, text)] == [unit]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("A 6.4M earthquake struck the province on Monday.", 6.4, "exact"),
        ("Three aftershocks with a magnitude up to 5.4M were registered.", 5.4, "at_most"),
    ],
)
def test_an_earthquake_magnitude_written_with_m(nlp, text, value, qualifier):
    (quantity,) = [q for _, q in read_figures(nlp, text) if q.number.endswith("M")]
    assert (quantity.value, quantity.kind.value, quantity.unit, quantity.qualifier.value) == (
        value,
        "measure",
        "magnitude",
        qualifier,
    )
    assert quantity.high in (None, value)


def test_millions_without_an_earthquake_stay_millions(nlp):
    ((_, quantity),) = read_figures(nlp, "The company was valued at 6.4M last year.")
    assert quantity.value == 6_400_000


@pytest.mark.parametrize(
    "text", ["A 7.2 magnitude quake hit the island.", "A 6.5 magnitude earthquake struck before dawn."]
)
def test_the_magnitude_not_the_quake(nlp, text):
    ((_, quantity),) = read_figures(nlp, text)
    assert (quantity.unit, quantity.kind.value) == ("magnitude", "measure")


def test_key_figure_cells_after_a_label_ending_in_a_reference_word(nlp):
    """ "... in Nduta Camp 5,322 Total population in Mtendeli Camp 140 Total population": labels follow their
    numbers, and "Camp" ends the row before; the numbers are cells, not camp numbers."""
    text = (
        "KEY FIGURES 47,594 Total population in Nduta Camp 5,322 Total population in Mtendeli Camp 140 Total "
        "population in Lumasi Transit Site"
    )
    assert _units(nlp, text) == [("47,594", "population"), ("5,322", "population"), ("140", "population")]


def test_a_map_number_stays_a_reference(nlp):
    assert [number for number, _ in _units(nlp, "See Map 1 SUDAN for the camps.")] == []


def test_a_heading_in_capitals_opens_a_key_figures_column(nlp):
    """Lines joined into one: prose, a heading in capitals, then "number label" rows; each number's label follows
    it, never the heading or the row before."""
    text = (
        "The region is likewise affected by the crisis POPULATION OF CONCERN IRAQ OPERATIONAL UPDATE - SYRIA "
        "246,051 Syrian refugees February 2016 KEY FIGURES 2,964 Syrians arrived through Pheshkabour border "
        "770 Syrian refugees returned to Syria 101 Persons were accepted for resettlement"
    )
    found = dict(_units(nlp, text))
    assert (found["246,051"], found["2,964"], found["770"]) == ("refugees", "Syrians", "refugees")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Indonesian quake toll passes 100 as rescuers struggle.", "100"),
        ("The market suffered more damage than other parts of the town of 140,000.", "140,000"),
        ("Of those displaced, 20,000 are at evacuation centres.", "20,000"),
    ],
)
def test_implied_people(nlp, text, number):
    assert (number, "people") in _units(nlp, text)


def test_a_camp_of_tents_counts_tents(nlp):
    assert ("3,000", "tents") in _units(nlp, "They built a camp of 3,000 tents.")


def test_of_the_group_counts_the_group(nlp):
    assert ("3,000", "refugees") in _units(nlp, "Of the refugees, 3,000 live in camps.")


def test_the_highest_numbers_of(nlp):
    text = "Yemen and Syria had the highest numbers of people in need, 22.2 million and 13.3 million, respectively."
    assert _units(nlp, text) == [("22.2 million", "people"), ("13.3 million", "people")]


@pytest.mark.parametrize(
    "text",
    [
        "The network has 192 National Red Cross and Red Crescent Societies.",
        "The fund supported 62 different National Red Cross or Red Crescent Societies.",
    ],
)
def test_a_long_name_reports_shorten(nlp, text):
    assert [u for _, u in _units(nlp, text)] == ["National Societies"]


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "low", "high"),
    [
        ("Sales more than doubled in May.", 2, "more_than", 2, None),
        ("The price of maize halved.", 0.5, "exact", None, None),
        ("Cases nearly tripled in a week.", 3, "approximate", None, 3),
        ("Seven in ten said prices had doubled.", 2, "exact", None, None),
    ],
)
def test_a_change_that_states_its_ratio(nlp, text, value, qualifier, low, high):
    (quantity,) = [q for _, q in read_figures(nlp, text) if q.unit == "times"]
    assert (quantity.value, quantity.kind.value, quantity.qualifier.value, quantity.low, quantity.high) == (
        value,
        "ratio",
        qualifier,
        low,
        high,
    )


def test_a_redoubled_effort_is_no_ratio(nlp):
    assert [q for _, q in read_figures(nlp, "The agencies redoubled their efforts.")] == []
