"""Rules for the classes real11b's fresh documents showed (issue #12; MSF, ACAPS and humanitarian news): a media
library's photo page whose only text is the caption, 'under' after a word of grouping, a document site's
day-month-year stamp, the points and bands of a score's scale, a pillar's number, and numbered items run into one
paragraph. Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import shared_pipeline
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import figure_values as _figures
from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _qualifiers(text: str) -> dict[str, str]:
    return {q.number: q.qualifier.value for _, q in read_figures(shared_pipeline(), text)}


def _kinds(source: str) -> list[tuple[SegmentKind, str]]:
    return [(s.kind, s.reason) for s in clean(source).segments]


# --- a photo page whose only text is its caption ------------------------------------------------------------------


def test_a_caption_that_is_the_pages_only_text_is_read_as_its_text():
    source = (
        "Ana Ruiz\n\nKALEMIE. TANGANYIKA. May 12, 2019. Measles clinic. Since the start of the epidemic the teams have "
        "seen more than 3,100 patients and vaccinated 41,000 children in the district.\n\n© Ana Ruiz 2019 for MSF\n"
    )
    kinds = _kinds(source)
    assert (SegmentKind.PARAGRAPH, "") in kinds
    assert all(reason != "photo caption" for _, reason in kinds)


def test_a_caption_beside_an_articles_paragraphs_stays_a_caption():
    source = (
        "Measles in the east\n\nThe teams have vaccinated 41,000 children in the district since the start of the "
        "epidemic, and the clinic now sees dozens of patients every day.\n\n"
        "A nurse prepares 40 doses at the clinic in Kalemie.\n\n© Ana Ruiz 2019 for MSF\n\n"
        "More than 3,100 patients have been seen since March, the district health office said in a statement.\n"
    )
    assert (SegmentKind.BOILERPLATE, "photo caption") in _kinds(source)


# --- 'under' after a word of grouping ------------------------------------------------------------------------------


def test_under_after_a_word_of_grouping_is_no_bound():
    assert _qualifiers("The method uses 12 measures, grouped under 4 themes.")["4"] == "exact"
    assert _qualifiers("Our framework groups 12 measures under 4 themes.")["4"] == "exact"


def test_under_without_grouping_is_still_a_bound():
    assert _qualifiers("The clinic treated under 400 patients in May.")["400"] == "less_than"
    assert "less_than" in _qualifiers("Prices fell under 5% last month.").values()


# --- a document site's day-month-year stamp ------------------------------------------------------------------------


def test_a_day_month_abbreviation_year_stamp_is_a_date():
    rejected = _rejected("Upload: others\n\nPost on 17-Mar-2022\n\nThe clinic admitted 310 patients.")
    assert rejected["17"][0] == "date"
    assert _figures("Post on 17-Mar-2022. The clinic admitted 310 patients.") == {"310 patients": 310}


def test_a_range_before_a_capitalised_word_is_not_read_as_a_stamp():
    assert "12-15" in " ".join(_figures("Between 12-15 Mayors attended the meeting of 40 delegates."))


# --- the points and bands of a score's scale -----------------------------------------------------------------------


def test_a_small_value_after_a_score_or_scale_word_is_a_category_label():
    rejected = _rejected("Narratives cover crises that score 3 to 5 on the index.")
    assert rejected["3 to 5"][0] in ("category label", "score")
    rejected = _rejected("Each measure gets a score from 0–3, and the country a final grade on a scale of 0–5.")
    assert rejected["0–3"][0] in ("category label", "score")  # the sports-score rule may read it first
    assert rejected["0–5"] == ("category label", "scale-value")
    assert _rejected("These two countries saw a score increase to 4 this year.")["4"][1] == "scale-value"


def test_a_large_amount_or_a_count_after_the_scale_is_not_a_scale_point():
    assert _figures("The index covers 35 countries.") == {"35 countries": 35}
    assert "9,000 people" in _figures("The scale of the flooding displaced 9,000 people.")


# --- a pillar's number; numbered items run into one paragraph -------------------------------------------------------


def test_a_pillars_number_is_a_category_label():
    rejected = _rejected("Indicators under PILLAR 2 measure access, and Pillar 3 covers the security of 40 sites.")
    assert rejected["2"][0] == "category label"
    assert rejected["3"][0] == "category label"


def test_numbered_items_with_colons_run_into_one_paragraph_are_list_numbers():
    text = (
        "The first dimension holds two indicators, as follows. 1: Denial of the existence of needs by the authorities "
        "2: Restriction and obstruction of access to services and assistance"
    )
    rejected = _rejected(text)
    assert rejected["1"] == ("ordinal", "dashed-list-number")
    assert rejected["2"] == ("ordinal", "dashed-list-number")


def test_a_lone_number_before_a_colon_is_not_a_list_item():
    assert "400" in " ".join(_figures("The teams counted 400: Most of them were children under five years old."))


# --- identifiers, set phrases, a snippet's note marker -------------------------------------------------------------


def test_a_long_run_of_ungrouped_digits_is_an_identifier():
    rejected = _rejected("Staff mourn a colleague at the compound 202104051230070112\n\nThe team treated 75 patients.")
    assert rejected["202104051230070112"] == ("reference", "long-digit-id")
    assert _figures("The country owes 1,200,000,000,000 dollars.") != {}


def test_one_time_and_one_off_are_set_phrases():
    rejected = _rejected("The list tracks one-time events and one-off payments across 12 provinces.")
    assert rejected["one"][0] == "idiom"
    assert _figures("The list tracks one-time events across 12 provinces.") == {"12 provinces": 12}


def test_a_number_between_a_middle_dot_and_a_point_is_a_note_marker():
    rejected = _rejected("risk report - agency · 2020. 3. 9. · 2. In this report the agency uses the term crisis")
    assert rejected["2"] == ("footnote", "bullet-point-marker")


def test_a_figure_after_a_bullet_keeps_its_noun():
    assert _figures("Key figures\n• 3 hospitals were damaged.\n• 12.5 million people in need") == {
        "3 hospitals": 3,
        "12.5 million people": 12_500_000,
    }


# --- a list opener glued to its noun; help and assist said of people ---------------------------------------------


def _units(text: str) -> dict[str, str | None]:
    return {q.number: q.unit for _, q in read_figures(shared_pipeline(), text)}


def test_a_list_opener_glued_to_the_noun_ends_the_noun():
    text = "The survey uses 7 questions, grouped under 2 headings:- Access to water- Access to shelter"
    assert _units(text)["2"] == "headings"


def test_a_bare_figure_after_help_or_assist_counts_people():
    assert _units("The appeal seeks $3 billion to help 12 million in 2026.")["12 million"] == "people"
    assert _units("Teams are assisting 40,000 along the border.")["40,000"] == "people"


def test_help_before_a_counted_noun_keeps_the_noun():
    assert _units("The funds will help 300 schools reopen.")["300"] == "schools"


# --- a document site's page snippet cut after a number -------------------------------------------------------------


def test_a_number_ending_a_page_snippet_line_is_site_furniture():
    text = (
        "Page 3: FLOOD OUTLOOK - AGENCY · 2022. 5. 1. · The outlook counts districts where rivers rose above five\n\n"
        "The teams reached 800 households."
    )
    assert _rejected(text)["five"] == ("site furniture", "page-snippet-end")
    assert _figures(text) == {"800 households": 800}


def test_a_number_with_its_noun_in_a_page_snippet_line_stays_a_figure():
    text = "Page 3: FLOOD OUTLOOK - AGENCY · 2022. 5. 1. · Floods displaced 4,000 people\n\nThe teams stayed."
    assert _figures(text) == {"4,000 people": 4000}


# --- a noun cut mid-word at the copy's end ---------------------------------------------------------------------------


def test_a_number_before_a_cut_stub_at_the_texts_end_is_dropped():
    assert _figures("The agency counted 310 patients, and outbreaks in 17 prov") == {"310 patients": 310}


def test_a_number_before_a_whole_word_at_the_texts_end_stays():
    assert _figures("The agency counted outbreaks in 17 provinces") == {"17 provinces": 17}
    assert _figures("Teams reached 1,500 hh; by June they had reached 2,000 hh") == {"1,500 hh": 1500, "2,000 hh": 2000}


def test_a_counted_noun_or_a_percentage_after_a_scale_word_is_no_scale_point():
    assert _figures("The survey used a rating of 4 questions.") == {"4 questions": 4}
    assert _figures("The shares saw a rating increase to 2.5% on Friday.") == {"2.5%": 2.5}


def test_an_irregular_plural_at_the_texts_end_is_a_whole_word():
    assert _figures("The wall is 5 feet") == {"5 feet": 5}


def test_a_unit_symbol_in_another_script_at_the_texts_end_is_no_cut_word():
    assert _figures("The weight is 120 μg") == {"120 μg": 120}
