"""Rules from the real8 dev documents (issue #12: news stories, a TV transcript, IFRC DREF reports, OCHA flash
updates and Red Crescent web pages). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, parse_quantities

from .helpers import read_figures


def _rejected(nlp, text: str) -> dict[str, str]:
    """Each number set aside in `text` with its rejection reason."""
    doc = nlp(text)
    return {span.text: span._.rejection["reason"] for span in doc.spans[REJECTED_KEY]}


def _found(text: str) -> list[tuple[str, float | None, str, str | None]]:
    return [(q.number, q.value, q.qualifier.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("As the number of cases doubles, clinics fill up.", 2),
        ("The cost of rice triples in the lean season.", 3),
        ("Displacement quadruples when the rains fail.", 4),
        ("A tripling of arrivals strained the camp.", 3),
        ("Officials feared a quadrupling of cases.", 4),
    ],
)
def test_present_tense_and_noun_ratio_verbs_state_a_ratio(nlp, text, value):
    assert [(q.value, q.unit, q.kind.value) for _, q in read_figures(nlp, text)] == [(value, "times", "ratio")]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("NAIROBI, Jun. 4 (IRNA) _ The society sent aid.", "4"),
        ("KABUL, May. 21, 2030 _ Relief teams arrived.", "21"),
    ],
)
def test_a_month_with_a_stray_dot_before_a_day_is_a_date(nlp, text, number):
    assert _rejected(nlp, text)[number] == "date"


def test_a_count_after_a_sentence_ending_on_a_month_still_counts():
    assert _found("The rains began in May. 17 people died in the floods.") == [("17", 17, "exact", "people")]


def test_split_ordinals_before_a_month_are_days(nlp):
    rejected = _rejected(nlp, "Some 900 people fled between 2 nd and 5 th March, most of them children.")
    assert (rejected["2"], rejected["5"]) == ("date", "date")
    assert _found("Some 900 people fled between 2 nd and 5 th March.") == [("900", 900, "approximate", "people")]


def test_a_split_ordinal_without_a_month_is_a_rank(nlp):
    assert _rejected(nlp, "The 3 rd distribution round reached the valley.")["3"] == "ordinal"


@pytest.mark.parametrize("text", ["Posted 09:10 / Show Count : 412", "Published 2030/01/02 | Visits: 1,024"])
def test_a_page_counter_label_is_site_furniture(nlp, text):
    rejected = _rejected(nlp, text)
    assert [reason for number, reason in rejected.items() if number in {"412", "1,024"}] == ["site furniture"]


def test_approaching_a_figure_is_an_approximate_upper_bound():
    (quantity,) = parse_quantities("The number of displaced people is approaching 3 million.")
    assert (quantity.qualifier.value, quantity.low, quantity.high) == ("approximate", None, 3_000_000)


@pytest.mark.parametrize(
    "text",
    [
        "Number of people affected: 8,400 people approx. Number of people assisted: 2,000 people",
        "Households affected: 1,950 households approximately\nOperation budget: CHF 120,000",
    ],
)
def test_a_hedge_after_a_form_fields_figure_makes_it_approximate(text):
    assert _found(text)[0][2] == "approximate"
    assert _found(text)[1][2] == "exact"


def test_a_hedge_before_the_next_figure_is_that_figures():
    assert _found("The 300 families live approximately 20 km away.")[0][:3] == ("300", 300, "exact")


@pytest.mark.parametrize(
    "text", ["The 2031 estimates show 4 million people in need.", "Its 2029 projections put the figure higher."]
)
def test_a_year_before_estimates_is_a_year(nlp, text):
    year = next(word for word in text.split() if word.isdigit())
    assert _rejected(nlp, text)[year] == "year"


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Number of people reached: 3,150 people Norwegian Red Cross partners", "people"),
        ("Total assisted: 820 households Partner National Societies", "households"),
        ("Three people dead KENYA Floods hit the coast on Monday.", "people"),
        ("Some 60 families homeless NIGER Heavy rains continued.", "families"),
    ],
)
def test_a_lower_case_plural_noun_ends_the_unit_before_a_name(text, unit):
    assert _found(text)[0][3] == unit


def test_a_plural_noun_and_its_adjectives_stay_whole_before_lower_case_words():
    assert _found("The rains left 300 people homeless and 20 wells dry.")[0][3] == "people"
    assert _found("About 2,000 vulnerable families received kits.")[0][3] == "families"


def test_a_capitalised_noun_run_stays_whole():
    assert _found("The fund supports 40 National Societies.")[0][3] == "National Societies"


def test_bracketed_digits_restating_a_word_number_are_one_figure(nlp):
    text = "The storm left twelve (12) people injured and 40 homes damaged."
    assert _found(text) == [("twelve", 12, "exact", "people"), ("40", 40, "exact", "homes")]
    assert _rejected(nlp, text)["12"] == "restated number"


def test_bracketed_digits_of_another_value_are_no_restatement():
    assert ("12", 12, "exact", None) not in _found("The storm left three (12) people injured.")


@pytest.mark.parametrize(
    "text",
    [
        "Menu\n  1. Start\n  2. Europe\n  3. Stories\n\nThe report.",
        "Find more 1. Start 2. Europe 3. Stories\nThe report.",
    ],
)
def test_numbered_list_items_are_list_numbers(nlp, text):
    rejected = _rejected(nlp, text)
    assert [rejected.get(n) for n in ("1", "2", "3")] == ["ordinal"] * 3


def test_a_number_ending_a_sentence_is_no_list_number(nlp):
    assert "5" not in _rejected(nlp, "The death toll rose to 5. Rescuers reached the valley on Monday.")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("This 9 months summary update covers the operation.", "9"),
        ("The report gives a twelve-month summary of the response.", "twelve"),
        ("Activities of the initial 3 months are listed below.", "3"),
    ],
)
def test_a_duration_naming_a_report_period_is_a_date(nlp, text, number):
    assert _rejected(nlp, text)[number] == "date"


def test_a_duration_before_other_nouns_stays_a_duration():
    assert _found("The camp ran for 9 months before it closed.") == [("9", 9, "exact", "months")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The river crested at 412.6m, above the alarm line.", 412.6),
        ("The water level fell to 2.35m on Tuesday.", 2.35),
    ],
)
def test_a_glued_m_in_a_water_level_sentence_is_metres(text, value):
    assert [(q.value, q.kind.value, q.unit) for q in parse_quantities(text)] == [(value, "measure", "m")]


@pytest.mark.parametrize("text", ["Pledges reached 1.2m.", "Along the river, 1.5m people were displaced."])
def test_a_glued_m_elsewhere_stays_millions(text):
    assert [q.value for q in parse_quantities(text)] == [(1_200_000 if "1.2" in text else 1_500_000)]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Drought has left 12 million in need across the region.", "people"),
        ("The storm killed many and left hundreds of others displaced.", "people"),
        ("More than 2,500 of volunteers joined the campaign.", "volunteers"),
        ("Teams reached nine priority districts in May.", "districts"),
    ],
)
def test_implied_and_trimmed_counted_nouns(text, unit):
    assert [q.unit for q in parse_quantities(text)] == [unit]


def test_over_a_time_after_a_verb_of_carrying_out_is_the_period():
    assert _found("The project will be implemented over 6 months.") == [("6", 6, "exact", "months")]


def test_over_a_time_after_other_verbs_stays_a_lower_bound():
    assert _found("The drought has lasted over 6 months.") == [("6", 6, "more_than", "months")]


def test_a_vague_word_repeated_for_emphasis_is_one_amount(nlp):
    text = "Thousands and thousands of families have lost their homes."
    found = parse_quantities(text)
    assert [(q.qualifier.value, q.low, q.unit, text[q.start : q.end]) for q in found] == [
        ("vague", 2000, "families", "Thousands and thousands of families")
    ]
    assert list(_rejected(nlp, text).values()) == ["restated number"]


def test_a_household_size_after_households_with_is_a_category(nlp):
    text = "The society gave 900 food parcels to families with more than 6 members."
    assert _rejected(nlp, text)["6"] == "category label"
    assert _found(text) == [("900", 900, "exact", "food parcels")]


def test_a_subscription_offer_is_site_furniture(nlp):
    assert _rejected(nlp, "Subscribe today and start your 30-day free trial.")["30"] == "site furniture"


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: Seven emergencies to watch in 2031\n\nThe year began badly.",
        "Five floods and droughts to know\nText.",
    ],
)
def test_a_listicle_headline_is_a_name(nlp, text):
    assert _rejected(nlp, text)[text.split(": ")[-1].split()[0]] == "name"


def test_a_count_before_a_purpose_clause_stays(nlp):
    assert _found("The mission sent 20 monitors to watch the border.")[0][:2] == ("20", 20)


def test_an_items_number_in_a_row_of_page_counters_is_site_furniture(nlp):
    rejected = _rejected(nlp, "09:10 - 2030/04/02 / number : 204417 / Show Count : 31")
    assert rejected["204417"] == "site furniture"


def test_a_number_label_elsewhere_still_counts():
    assert _found("Total number: 4,500 people were reached.")[0][:2] == ("4,500", 4500)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Heavy rains fell between 4 and 9 September in the hills.", "4 and 9"),
        ("Teams were deployed on 2-5 June to the camps.", "2-5"),
        ("Distributions took place on February 17 and 18 in two towns.", "18"),
        ("The clinics opened on March 3 or 4 this year.", "4"),
    ],
)
def test_days_before_or_after_a_month_are_dates(nlp, text, number):
    assert _rejected(nlp, text)[number] == "date"


def test_a_range_before_a_month_of_no_days_stays_a_figure():
    assert _found("Some 300 to 500 families arrived last June.")[0][3] == "families"
