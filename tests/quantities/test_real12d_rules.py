"""Rules for the classes real12d's fresh news documents showed (issue #12; floods, earthquakes, aid pledges,
refugees, remittances): the opening days of a period after 'its', a point in time written 'two years earlier',
verbs of passing a mark as bounds ('passes 2,000', 'topped'; not 'exceeded', which a fixture reads exact), 'as
much as' as an upper bound, a change written with 'lifted ... from X to Y', 'AU dollars', a dotted month before a
day, an age in commas after a person and a toll's verbs of growth. Made-up sentences, one rule each, with cases
where the rule must not fire."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import figure_values as _figures
from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _qualifiers(text: str) -> dict[str, str]:
    return {q.number: q.qualifier.value for _, q in read_figures(shared_pipeline(), text)}


def _units(text: str) -> dict[str, str | None]:
    return {q.number: q.unit for _, q in read_figures(shared_pipeline(), text)}


# --- the opening part of a period after a possessive ---------------------------------------------------------------


def test_the_opening_days_after_its_are_a_period_not_a_duration():
    text = "The flood fund collected more than $4m in its first five days, the charity said."
    assert _rejected(text)["five"] == ("date", "opening-period")
    assert _figures(text) == {"more than $4m": 4_000_000}
    assert _rejected("Their first two weeks in the camp were hard for 300 families.")["two"][0] == "date"


def test_a_duration_without_an_opening_word_stays_a_figure():
    assert "five days" in _figures("The fund stayed open for its five days of collection.")
    assert "three weeks" in _figures("Its last three weeks saw 40 new arrivals.")


# --- a point in time counted back or on from another -------------------------------------------------------------


def test_years_earlier_or_later_are_a_point_in_time():
    text = "Exports reached USD 40bn, up from USD 31bn three years earlier."
    assert _rejected(text)["three"] == ("date", "time-earlier")
    assert _rejected("The river rose again five days later.")["five"] == ("date", "time-earlier")


def test_a_duration_not_followed_by_earlier_or_later_stays_a_figure():
    assert "three years" in _figures("The drought lasted three years in the north.")
    assert "six months" in _figures("The clinic ran for six months; later it closed.")


# --- verbs of passing a mark -----------------------------------------------------------------------------------


def test_passing_or_topping_a_mark_is_a_lower_bound():
    assert _qualifiers("The death toll passes 1,500 in the coastal provinces.")["1,500"] == "more_than"
    assert _qualifiers("Donations topped £12 million by Friday.")["12 million"] == "more_than"


def test_a_figure_after_other_verbs_stays_exact():
    assert _qualifiers("Donations reached £12 million by Friday.")["12 million"] == "exact"
    assert _qualifiers("The top 10 donors gave 70 per cent.")["70"] == "exact"


# --- 'as much as' ----------------------------------------------------------------------------------------------


def test_as_much_as_is_an_upper_bound():
    assert _qualifiers("Rains damaged crops on as much as 12,000 hectares.")["12,000"] == "at_most"


def test_much_as_inside_other_phrases_is_no_bound():
    assert _qualifiers("Much as they tried, 300 families stayed behind.")["300"] == "exact"


# --- a change written with 'lifted' -------------------------------------------------------------------------------


def test_lifted_from_x_to_y_is_a_change_of_two_figures():
    values = _figures("The government lifted its pledge from £8 million to £20 million on Tuesday.")
    assert 8_000_000 in values.values() and 20_000_000 in values.values()


def test_from_x_to_y_without_a_change_verb_stays_a_range():
    values = _figures("Grants from £8 million to £20 million are available to each region.")
    assert 8_000_000 not in values.values() or 20_000_000 not in values.values()


# --- 'AU dollars' ---------------------------------------------------------------------------------------------


def test_au_dollars_are_australian_dollars():
    assert _units("The package includes 7 million AU dollars for relief partners.")["7 million"] == "AUD"


def test_an_astronomical_unit_stays_a_measure():
    assert _units("The comet passed 2 AU from the sun.").get("2") != "AUD"


# --- a month abbreviation with its dot, one token, before a day ----------------------------------------------------


def test_a_dotted_month_abbreviation_before_a_day_is_a_date():
    text = "At least 90 people have died since Sept. 14, when the river burst its banks."
    assert _rejected(text)["14"] == ("date", "dotted-month-before")
    assert _figures(text) == {"At least 90 people": 90}


def test_a_sentence_ending_on_a_month_before_a_count_stays_a_count():
    assert _figures("The rains came in Aug. 17 people died in the first week.") == {"17 people": 17}


# --- an age set off by commas after one person -------------------------------------------------------------------


def test_an_age_in_commas_after_a_person_is_a_category_label():
    assert _rejected("Maria Lopez, 33, a nurse, lost her home to the flood.")["33"] == (
        "category label",
        "apposed-age",
    )
    assert _rejected("The appeal was fronted by the singer, 61, on Friday.")["61"][0] == "category label"
    assert "61" not in _figures("The appeal was fronted by the singer, 61, on Friday.")


def test_a_number_in_commas_after_a_set_or_a_place_stays_a_figure():
    assert "54" in _figures("Of the 300 wounded, 54, were children.")
    assert "40" in _figures("In the capital, 40, mostly children, died overnight.")
    assert "5" in _figures("Of 12 districts, 5, in the north, were flooded.")


# --- a toll's verbs of growth -------------------------------------------------------------------------------------


def test_a_toll_that_increased_or_mounted_to_a_number_counts_people():
    assert _units("The death toll increased to 57 after the landslide.")["57"] == "people"
    assert _units("The toll mounted to 120 overnight, officials said.")["120"] == "people"


def test_other_figures_that_increased_to_a_number_take_no_toll_noun():
    assert _units("Road tolls increased to 3 dollars in May.")["3"] == "USD"
    assert _units("The number of cases increased to 43.")["43"] == "cases"
