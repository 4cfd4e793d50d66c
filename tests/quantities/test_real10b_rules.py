"""Rules for the classes real10b's fresh documents showed (issue #12): the furniture of PDF copies on document
sites and magazines (a contents line set off by rules, an issue's number, a snippet's cut title, a page count under
its title, a page number beside a front-matter heading), a scale's legend, and the counted nouns and numbers they
missed. Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.parsing import shared_pipeline
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import figure_values as _figures
from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _values(text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(shared_pipeline(), text)]


def _units(text: str) -> dict[str, str | None]:
    return {q.number: q.unit for _, q in read_figures(shared_pipeline(), text)}


def _furniture(source: str) -> list[str]:
    return [s.text for s in clean(source).segments if s.kind is SegmentKind.BOILERPLATE]


# --- a contents line set off by rules -----------------------------------------------------------------------------


def test_the_page_numbers_of_a_contents_line_set_off_by_rules_are_furniture():
    text = (
        "3 News in brief | 5 'Nights on the ward' A nurse writes from the clinic 8 Across the river The boat team "
        "reaches the islands | 11 Cold chain How vaccines travel | 15 'Every hour counts' Surgeons at the front"
    )
    rejected = _rejected(text)
    for number in ("5", "8", "11", "15"):
        assert rejected[number] == ("page furniture", "piped-contents")


@pytest.mark.parametrize(
    "text",
    [
        # one rule only: a table's row, not a contents line
        "Clinics | 4 Mobile teams 6 Health posts 10",
        # the numbers do not grow along the line
        "Region | 12 Teams deployed | 4 Boats hired | 3 Trucks",
    ],
)
def test_numbers_in_a_line_with_few_rules_or_falling_values_stay_figures(text):
    assert not any(rule == "piped-contents" for _, rule in _rejected(text).values())


# --- an issue's number after its date -------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "number"), [("Winter 2021 97", "97"), ("Field notes\nMarch 2019 42", "42")])
def test_a_number_after_an_issues_season_or_month_and_year_at_a_lines_end_is_its_issue_number(text, number):
    assert _rejected(text)[number] == ("reference", "issue-after-date")


def test_a_count_after_a_date_inside_a_sentence_stays_a_figure():
    assert _figures("In March 2019 42 families returned to the village.") == {"42 families": 42}


# --- a snippet cut on both sides --------------------------------------------------------------------------------


def test_a_number_between_two_ellipses_is_a_cut_snippet():
    assert _rejected("Annual appeal summary - funding needed to reach ... 27...")["27"] == (
        "site furniture",
        "snippet-ellipsis",
    )


def test_a_number_after_an_ellipsis_with_its_noun_stays_a_figure():
    assert _figures("The convoy reached the town ... 27 trucks in all.") == {"27 trucks": 27}


# --- a scale's legend --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "band"), [("• Low severity (1.1-2)\n• Medium severity (2.1-3)", "1.1-2"), ("risk score (3-4)", "3-4")]
)
def test_a_band_in_brackets_after_a_scales_word_is_a_category_label(text, band):
    assert _rejected(text)[band] == ("category label", "scale-band")


def test_an_amount_in_brackets_after_other_words_stays_a_figure():
    assert _figures("Flooding affected three districts (2-3 million people).") != {}
    assert not any(rule == "scale-band" for _, rule in _rejected("the level of funding (20-30 per cent)").values())


# --- page numbers at reading ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "source",
    [
        "SHELTER CLUSTER REVIEW\n\n24\nSHELTER CLUSTER REVIEW March 2020\n\nThe cluster met 12 times.\n",
        "Foreword\n\n5\n\nThe year saw 40 new partners join.\n",
        "The year in numbers.\n\n7\n\nAcknowledgements\n\nWe thank 40 partners.\n",
    ],
)
def test_a_page_count_under_its_repeated_title_or_a_number_beside_a_front_matter_heading_is_furniture(source):
    assert any(line.strip() in {"24", "5", "7"} for line in _furniture(source))


@pytest.mark.parametrize(
    "source",
    [
        "Appeals\n\n36\n\nThe plan covers 12 sectors.\n",  # a key figure under its label
        "PEOPLE REACHED\n\n450\nPeople reached in May\n",  # the label below shares one word only
    ],
)
def test_a_key_figure_under_its_label_is_no_furniture(source):
    assert _furniture(source) == []


# --- counted nouns ------------------------------------------------------------------------------------------------


def test_a_key_figure_ending_its_bulleted_item_counts_its_labels_noun():
    units = _units("• Families reached 12,400 • Partners 18 • Budget (USD) $3.1 million")
    assert units["12,400"].lower() == "families" and units["18"].lower() == "partners"


def test_a_sentence_in_a_bulleted_item_gives_its_figure_no_label():
    assert _units("• The team treats 300 • The clinic opens 4") == {"300": None, "4": None}


def test_a_breakdowns_rows_by_place_take_the_noun_their_sibling_rows_name():
    text = (
        "KENYA: 52,310 awaiting registration UGANDA: 40,118 registered and awaiting registration "
        "ETHIOPIA: 21,006 registered returnees SUDAN: 9,412 registered returnees"
    )
    units = _units(text)
    assert units["52,310"] == units["40,118"] == "returnees"


def test_rows_by_place_naming_different_nouns_lend_none():
    text = "KENYA: 52,310 awaiting transfer UGANDA: 40,118 tents ETHIOPIA: 21,006 blankets"
    assert _units(text)["52,310"] is None


def test_a_bare_figure_takes_the_noun_of_an_earlier_count_near_its_size_over_a_tiny_nearer_one():
    text = "The plan targets 41 million people in 22 countries, against 35 million in 2022."
    assert _units(text)["35 million"] == "people"


def test_a_bare_figure_takes_the_nearest_count_of_its_size():
    text = "The plan targets 41 million people and 300 schools, against 250 in 2022."
    assert _units(text)["250"] == "schools"


# --- numbers ------------------------------------------------------------------------------------------------------


def test_a_thousands_comma_before_a_space_and_a_group_opening_with_zero_is_one_number():
    assert _figures("Floods damaged more than 14, 000 homes.") == {"more than 14, 000 homes": 14_000}


def test_a_list_of_numbers_after_commas_stays_a_list():
    assert _values("The teams scored 5, 120 and 250 points.") == [5, 120, 250]


@pytest.mark.parametrize(
    ("text", "number"), [("Floods hit the coast.\n\nRoughly 7,\n", "7"), ("Funds went to Chad ($41 \n", "41")]
)
def test_a_number_the_copy_stops_inside_is_cut(text, number):
    assert _rejected(text)[number] == ("cut text", "cut-at-text-end")


def test_a_last_cell_ending_the_text_stays_a_figure():
    assert _values("Households reached in total 1,234\n") == [1234]


@pytest.mark.parametrize(("text", "unit"), [("Snow lay 30 cm deep.", "cm"), ("Rain of 12 millimetres fell.", "mm")])
def test_centimetres_and_millimetres_are_written_cm_and_mm(text, unit):
    assert list(_units(text).values()) == [unit]


def test_as_high_as_bounds_from_above():
    ((_, quantity),) = read_figures(shared_pipeline(), "The toll may be as high as 9,000.")
    assert quantity.qualifier.value == "at_most" and quantity.high == 9000


def test_a_year_inside_a_title_in_title_case_is_a_name():
    assert _rejected("Regional Refugee Response 2023 Quarterly Reports")["2023"] == ("name", "year-in-title")


def test_a_year_like_count_before_a_verb_stays_a_figure():
    assert _values("In Northern Kenya 1800 Households received seeds.") == [1800]


# --- tolls, related links, age bands --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the death toll in the province from the storm is at least 1,300.",
        "The toll rose to nearly 450 on Sunday.",
    ],
)
def test_a_toll_counts_people_past_a_hedge_between_its_verb_and_number(text):
    assert list(_units(text).values()) == ["people"]


def test_a_hedged_figure_after_a_copula_without_a_toll_names_no_people():
    assert list(_units("The fee is at least 300 for each visit.").values()) == [None]


def test_the_list_of_links_after_a_read_full_story_cue_is_site_furniture():
    source = (
        "Aid groups asked for $2 billion to help 9 million people. Read full story\n"
        "- Nearly 3,000 Families Receive Winter Kits in 48 Hours\n"
        "- Carmakers agree $12 billion merger\n"
    )
    furniture = _furniture(source)
    assert any("3,000 Families" in line for line in furniture) and any("$12 billion" in line for line in furniture)
    assert not any("9 million" in line for line in furniture)


def test_a_dashed_list_without_the_cue_stays_content():
    source = "The agencies reported:\n- 3,000 families received kits\n- 12 schools reopened\n"
    assert _furniture(source) == []


@pytest.mark.parametrize(
    "text", ["The ward admits children of two months up to 12 years old.", "Patients aged up to 14 years old."]
)
def test_an_age_band_up_to_an_age_old_is_a_category_label(text):
    assert _figures(text) == {}
    assert all(reason == "category label" for reason, _ in _rejected(text).values())


def test_a_duration_up_to_a_number_of_years_without_old_stays_a_figure():
    assert _figures("The project will run up to 10 years.") == {"up to 10 years": 10}


# --- citations ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Trop Med Health 2012;17(4):301-8.", "Lancet 2019; 393(10178): 1245-53"])
def test_a_journal_citations_volume_issue_and_pages_are_no_figures(text):
    assert _figures(text) == {}


def test_a_count_after_a_semicolon_and_a_year_stays_a_figure():
    assert _figures("The clinic closed in 2011; 340 patients moved.") == {"340 patients": 340}


# --- a toll's verb in its base form; a time adverbial after a number --------------------------------------------------


def test_a_toll_with_a_modal_and_a_verbs_base_form_counts_people():
    assert list(_units("Quake Death Toll Could Exceed 8,000").values()) == ["people"]


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("Repairs could cost 300 this year.", "300", None),
        ("The fund reached 80 clinics, against 65 last year.", "65", "clinics"),
    ],
)
def test_a_determiner_and_a_time_word_after_a_number_are_no_counted_noun(text, number, unit):
    assert _units(text)[number] == unit


def test_a_duration_written_after_its_number_stays_a_duration():
    assert _units("The camp has stood for 3 years this time.") == {"3": "years"}


# --- a share of a pronoun ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Of the 52 districts assessed, nearly half of them lack a clinic.", "districts"),
        ("Some 9,000 households applied, more than half of which were headed by women.", "households"),
    ],
)
def test_a_share_of_a_pronoun_takes_the_noun_of_the_count_before(text, unit):
    shares = [q for _, q in read_figures(shared_pipeline(), text) if q.kind.value == "ratio"]
    assert [q.unit for q in shares] == [unit]


def test_a_share_of_a_named_whole_keeps_its_own_noun():
    text = "Some 9,000 households applied; a third of the money went to rent."
    shares = [q for _, q in read_figures(shared_pipeline(), text) if q.kind.value == "ratio"]
    assert [q.unit for q in shares] == ["money"]


def test_a_share_of_a_pronoun_naming_its_part_keeps_no_noun():
    text = "The centres served 8,400 people, a quarter of them children."
    shares = [q for _, q in read_figures(shared_pipeline(), text) if q.kind.value == "ratio"]
    assert [q.unit for q in shares] == [None]


# --- the whole of "N out of M" ----------------------------------------------------------------------------------


def test_the_whole_after_out_of_is_a_figure_too():
    figures = read_figures(shared_pipeline(), "At least 12 out of 40 districts reported cases.")
    assert [(q.value, q.unit) for _, q in figures] == [(12, "districts"), (40, "districts")]


@pytest.mark.parametrize("text", ["One out of three children is stunted.", "9 out of 10 people were reached."])
def test_a_share_written_out_of_stays_one_ratio(text):
    figures = read_figures(shared_pipeline(), text)
    assert len(figures) == 1 and figures[0][1].kind.value == "ratio"


@pytest.mark.parametrize(
    ("text", "year"),
    [("Download the 2021 Durable Solutions Progress Report.", "2021"), ("under the 2030 Agenda for all", "2030")],
)
def test_a_year_between_the_and_a_title_in_title_case_is_a_name(text, year):
    assert _rejected(text)[year] == ("name", "year-in-name")


def test_a_year_like_count_before_a_title_case_plural_without_the_stays_a_figure():
    assert _values("The camp hosts 2000 Syrian Refugees.") == [2000]
