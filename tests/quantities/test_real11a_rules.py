"""Rules for the classes real11a's fresh documents showed (issue #12): a scale's step given with its top, hedges
written as "estimated at" and "an estimated number of", "metric tonnes" as written, a death toll in a relative
clause, a number word's part of a numbered whole, an extension "for N months to" a date, hyphenated dates and a
month glued to a dash, "Appeal no: 25/". Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.models import Kind, Qualifier

from .helpers import read_figures


def _values(nlp, text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(nlp, text)]


def _by_value(nlp, text: str) -> dict[float | None, object]:
    return {q.value: q for _, q in read_figures(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Officials raised the storm signal level to 5 (of 8) on Tuesday.",
        "The port authority raised warning signals to 6 from a possible 9 overnight.",
        "The alert level stood at 2 (out of 4) for the valley.",
    ],
)
def test_a_scale_step_with_its_top_is_no_figure(nlp, text):
    assert _values(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # no scale word: a part and its whole, both figures
        ("At least 12 out of 40 villages lost power.", [12, 40]),
        # a scale word, but no top of the scale: the level's value stays as the other rules read it
        ("The river level rose to 4 metres overnight.", [4]),
        # a bracket that does not close on the top
        ("Cases rose to 12 (of 40 tested) in the district.", [12, 40]),
    ],
)
def test_no_scale_top_no_scale_step(nlp, text, expected):
    assert _values(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The number of people in the district is estimated at 41,250.", 41250),
        ("On Monday an estimated number of 730 migrants were counted.", 730),
        ("Floods hit an estimated total of 5,600 families.", 5600),
    ],
)
def test_estimated_at_and_an_estimated_number_of_are_hedges(nlp, text, value):
    quantity = _by_value(nlp, text)[value]
    assert quantity.qualifier is Qualifier.APPROXIMATE


def test_an_estimate_verb_away_from_the_number_is_no_hedge(nlp):
    quantity = _by_value(nlp, "The ministry estimated the losses at USD 12 million last week.")[12_000_000]
    assert quantity.qualifier is Qualifier.EXACT


def test_metric_tonnes_stay_as_written(nlp):
    figures = _by_value(nlp, "Agencies moved 240 metric tonnes of flour, 90 metric tons of rice and 15 tonnes of oil.")
    assert (figures[240].unit, figures[90].unit, figures[15].unit) == ("metric tonnes", "metric tons", "tonnes")


def test_a_toll_in_a_relative_clause_counts_people(nlp):
    quantity = _by_value(nlp, "The death toll, which is currently at 312, may rise further.")[312]
    assert quantity.unit == "people"


def test_a_relative_clause_without_a_toll_gives_no_people(nlp):
    quantity = _by_value(nlp, "The reservoir, which is currently at 40 percent, is low.")[40]
    assert quantity.unit != "people"


def test_a_number_words_part_of_a_numbered_whole_counts_the_whole(nlp):
    figures = _by_value(nlp, "Only four of the nine health clinics reached the coast.")
    assert (figures[4].unit, figures[9].unit) == ("health clinics", "health clinics")


def test_a_number_hyphenated_to_a_noun_is_a_size_not_the_wholes_number(nlp):
    # "five of the two-ton trucks": "two-ton" is each truck's weight, not how many trucks there are
    figures = _by_value(nlp, "The agency bought five of the two-ton trucks in May.")
    assert figures[2].kind.value == "measure" and figures[2].unit.startswith("ton")


def test_a_number_words_part_of_an_unnumbered_group_counts_nothing(nlp):
    # "one of" picks one out; "two of the largest camps" counts two camps (session 14 convention)
    assert 2 in _by_value(nlp, "Two of the largest camps were closed last year.")
    figures = _by_value(nlp, "One of the seven boats sank.")
    assert 1 not in figures and figures[7].unit == "boats"


def test_an_extension_for_months_to_a_date_is_a_duration(nlp):
    figures = [q for _, q in read_figures(nlp, "The project was extended for three months to 30 June.")]
    assert [(q.value, q.kind, q.unit) for q in figures if q.kind is Kind.DURATION] == [(3, Kind.DURATION, "months")]


def test_a_reporting_period_to_a_date_stays_a_date(nlp):
    figures = [q for _, q in read_figures(nlp, "In the 14 weeks to 2 May, exports fell by 300 tonnes.")]
    assert [q.value for q in figures if q.kind is Kind.DURATION] == []


@pytest.mark.parametrize(
    "text",
    [
        "Uploaded on 14-Mar-2019 by the site.",
        "Covered period\nMar 02 2023 -Apr 28 2023\nThe count of families went on.",
    ],
)
def test_hyphenated_dates_are_no_figures(nlp, text):
    assert _values(nlp, text) == []


def test_a_hyphenated_size_is_no_date(nlp):
    figures = _by_value(nlp, "They opened a 14-bed ward and treated 30 patients.")
    assert figures[14].unit == "bed" and figures[30].unit == "patients"


def test_an_appeal_number_after_no_colon_is_a_reference(nlp):
    assert _values(nlp, "Emergency Appeal no: 17/ March 2004 The Federation helped 40 families.") == [40]


def test_a_change_set_off_by_a_dash_is_no_range(nlp):
    # "an adjustment ... – from A to B": the change's figures, not a range
    figures = read_figures(nlp, "The target changed after an adjustment in the number of kits – from 300 to 450.")
    assert [q.qualifier for _, q in figures if q.value in (300, 450)] == [Qualifier.EXACT, Qualifier.EXACT]


def test_a_range_after_a_dash_without_a_change_word_stays_a_range(nlp):
    figures = read_figures(nlp, "Rations for the season – from 300 to 450 grams a day – were set.")
    assert [q.qualifier for _, q in figures] == [Qualifier.RANGE]


def test_a_number_in_brackets_alone_on_its_line_is_page_furniture():
    from extract.reading.segments import SegmentKind
    from extract.reading.text import clean

    segments = clean("Full report\n\n(1)\n\nThe team treated 40 patients.\n\nThe team (12) visited 3 sites.\n").segments
    furniture = [s.text for s in segments if s.kind is SegmentKind.BOILERPLATE]
    assert furniture == ["(1)"]  # "(12)" inside a sentence stays the sentence's


def test_a_rate_unit_before_in_keeps_its_rate(nlp):
    figures = _by_value(nlp, "Gusts of 140 Km/h in the hills; the plank is 2 in thick.")
    assert (figures[140].unit, figures[2].unit) == ("km/h", "inches")


def test_a_singular_modifier_pair_after_a_dropped_adjective_stays_whole(nlp):
    figures = _by_value(nlp, "Crews repaired 48 damaged bridge and tunnel sections.")
    assert figures[48].unit == "bridge and tunnel sections"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # a plural first noun: the dropped adjective scopes over the pair, the first noun alone is kept
        ("The team met 12 vulnerable children and families.", "children"),
        # a collective noun counts on its own
        ("They trained 40 new staff and volunteers.", "staff"),
    ],
)
def test_a_plural_or_collective_first_noun_keeps_itself(nlp, text, unit):
    assert [q.unit for _, q in read_figures(nlp, text)] == [unit]
