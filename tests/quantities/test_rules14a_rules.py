"""Rules for the classes session 13's real13a batch showed (issue #12): a key-figure row whose scale words stand
apart from its figures, a footnote marker glued to an amount, table-of-contents page numbers, exchange-rate header
cells, page numbers leading a copy's lines, reporting periods, singular nouns after a number. Made-up sentences, one
rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import parse_quantities
from extract.parsing.copy_pages import page_number_starts

from .helpers import rejections_in as _rejected


def _values(text: str) -> list[float | None]:
    return [q.value for q in parse_quantities(text)]


def test_a_key_figure_row_gives_each_figure_its_scale_word() -> None:
    text = "AT A GLANCE\n\n4.5 2.1 0.8 MILLION MILLION MILLION People in need Displaced Returnees\n"
    assert _values(text) == [4_500_000, 2_100_000, 800_000]
    above = "KEY FIGURES\n\nTHOUSAND THOUSAND\n\n120 45\n\nRefugees Migrants\n"
    assert 45_000 in _values(above)
    assert 45 not in _values(above)


def test_a_scale_word_never_multiplies_itself() -> None:
    assert 1e18 not in _values("Some 2 million million people were counted.\n")


def test_scale_words_in_prose_or_of_another_count_do_not_reach_other_figures() -> None:
    assert _values("The plan reached 3 million people and 2 million children.\n") == [3_000_000, 2_000_000]
    assert 120 in _values("The teams counted 120 households, and millions more are in need.\n")
    values = _values("KEY FIGURES\n\n4.5 2.1 0.8 MILLION MILLION People in need\n")  # three figures, two words
    assert 4.5 in values
    assert 4_500_000 not in values


def test_a_footnote_marker_glued_to_an_amount_is_not_part_of_it() -> None:
    assert _values("Total funding $12,204,311,5876\n") == [12_204_311_587]
    assert _values("The appeal raised CHF 3,250,0002 in 2021.\n")[0] == 3_250_000


def test_a_grouped_amount_without_a_marker_is_whole() -> None:
    assert _values("Total funding $12,204,311,587\n") == [12_204_311_587]
    assert 12_345 not in _values("The rate was 1,2345 per unit.\n")  # one group only: no marker read


_LEADER = ("page furniture", "dot-leader-page")


def test_a_page_number_after_a_dot_leader_is_a_contents_entry() -> None:
    text = "CONTENTS SUMMARY .............. 3 1. BACKGROUND ................ 7 B. RESULTS ....... 12 III. ANNEX\n"
    rejected = _rejected(text)
    assert rejected["7"] == _LEADER
    assert rejected["12"] == _LEADER
    assert _values(text) == []


def test_an_ellipsis_or_a_count_after_dots_is_no_leader() -> None:
    assert _values("They waited... 5 people died that night.\n") == [5]
    assert _values("The total .... was 1,250 households.\n") == [1250]  # not a small page number


def test_a_currency_box_cell_whose_rate_is_lost_is_no_figure() -> None:
    text = "CURRENCY EQUIVALENTS Currency Unit = SDR SDR = US$1 US$ = SDR 1 FISCAL YEAR July 1 - June 30\n"
    assert _values(text) == []
    assert _rejected("Exchange rate: EUR = US$1\n")["1"] == ("exchange rate", "exchange-rate-cell")


def test_a_full_exchange_rate_and_an_equation_of_totals_stay() -> None:
    assert _values("Exchange rates: USD 1.00 = CHF 0.9520\n") == [1, 0.952]
    assert _values("Rate used: US$1 = 0.72 EUR.\n") == [1, 0.72]
    assert _values("Total = $40 million for the response.\n") == [40_000_000]


def test_sdr_is_a_currency() -> None:
    quantities = parse_quantities("A credit in the amount of SDR 65 million to the republic.\n")
    assert [(q.value, q.unit) for q in quantities] == [(65_000_000, "SDR")]


_WINDOW = ("date", "reporting-window")


def test_a_rolling_window_in_a_column_header_or_heading_is_a_reporting_period() -> None:
    assert _rejected("Summary by region (new admissions in last 24 hours) North 1 204 admissions\n")["24"] == _WINDOW
    assert _rejected("Rainfall Outlook for Next 48 Hours by the Met Office. Heavy rain is likely.\n")["48"] == _WINDOW
    assert _rejected("Table 2 (deaths in the past 7 days) 42 deaths\n")["7"] == _WINDOW


def test_a_rolling_window_in_prose_stays_a_duration() -> None:
    assert _values("In the past 24 hours, 300 people fled the town.\n") == [24, 300]
    assert _values("Next 24 hours will be critical, officials said.\n") == [24]
    assert _values("They fled (over the past three days) to the camps.\n") == [3]


def test_a_name_broken_at_its_hyphen_keeps_its_number() -> None:
    assert _rejected("The plan bolsters the COVID- 19 supply chain.\n")["19"] == ("name", "broken-hyphen-name")
    assert _rejected("Funds for the COVID-\n19 response were raised.\n")["19"] == ("name", "broken-hyphen-name")


def test_a_count_or_a_range_after_a_hyphen_is_no_broken_name() -> None:
    assert _values("UNHCR- 20,000 refugees arrived in May.\n") == [20_000]
    assert _values("Relief: 45 families were sheltered.\n") == [45]


def test_a_singular_noun_after_a_count_above_one_reads_as_its_plural() -> None:
    quantities = parse_quantities("The floods killed 30 people (including 12 man, 9 woman and 9 child).\n")
    assert [q.unit for q in quantities] == ["people", "men", "women", "children"]


def test_one_man_and_a_compound_keep_their_words() -> None:
    quantities = parse_quantities("One man died and a 5 man team arrived.\n")
    assert [q.unit for q in quantities] == ["man", "man team"]


def test_footnotes_run_into_one_line_are_markers_and_the_page_number_after_them_furniture() -> None:
    text = (
        "1 Office for Relief Operations (ORO) 2 Includes funds of the former Office of Aid. 3 Ministry of "
        "Health figures 4 Total includes pledges. 2 RECENT DEVELOPMENTS\n"
    )
    rejected = _rejected(text)
    assert rejected["3"] == ("footnote", "note-run")
    assert rejected["2"][0] in ("footnote", "page furniture")
    assert _values(text) == []


def test_figures_with_their_nouns_are_no_note_run() -> None:
    two_notes = "1 Shelter kits for 200 families (Bara) 2 Health posts opened in May.\n"  # two markers: no run
    assert _rejected(two_notes).get("2") != ("footnote", "note-run")
    assert _values("The team reached 1 200 families, 2 300 children and 3 400 elderly people.\n") == [
        1200,
        2300,
        3400,
    ]


def test_page_numbers_leading_a_transcriptions_pages_are_found() -> None:
    text = (
        "Transcription\n\n1 WFP in the Sahel Saving lives in 2019\n\n2 Photo cover: WFP/Ann Lee\n\n"
        "3 Overview 40+ countries where WFP works\n"
    )
    starts = page_number_starts(text)
    assert sorted(text[i] for i in starts) == ["1", "2", "3"]


def test_counts_opening_lines_are_no_page_numbers() -> None:
    assert page_number_starts("1 200 families\n2 300 children\n3 400 people\n") == set()
    assert page_number_starts("1 Introduction\n\n2 people died in the flood\n\n3 Results\n") == set()
    assert page_number_starts("2 Photo cover\n\n3 Overview\n\n4 Annex\n") == set()  # not from page 1


def test_a_year_with_a_glued_note_marker_is_a_year() -> None:
    text = "The number of displaced people keeps growing, having reached 12.4 million in 20214 . Most live in camps.\n"
    assert _rejected(text)["20214"] == ("year", "year-with-marker")
    assert _values(text) == [12_400_000]


def test_a_count_that_opens_like_a_year_stays() -> None:
    text = "The number of displaced families keeps growing, with 4,100 families in May and 20193 in the camps.\n"
    assert 20193 in _values(text)
    assert 20193 in _values("The agency supplied water to 20193 households in the district.\n")


def test_a_count_padded_to_two_digits_before_its_plural_noun_is_a_count() -> None:
    text = "The storm damaged 12 km of roads, 04 schools were destroyed and 02 Bridges were washed away.\n"
    assert _values(text) == [12, 4, 2]


def test_padded_digits_of_a_code_or_a_clock_stay_codes() -> None:
    assert _values("Form 02 class is due.\n") == []
    assert _values("The report lists 05 address entries.\n") == []
    assert _rejected("Code 007 applies.\n")  # three digits: a code


def test_a_currency_and_scale_on_a_header_row_of_their_own_reach_the_rows_below() -> None:
    quantities = parse_quantities("Funding by sector\nEUR million\nShelter 4.2\nHealth 1.35\n")
    assert [(q.value, q.unit) for q in quantities] == [(4_200_000, "EUR"), (1_350_000, "EUR")]


def test_a_currency_and_scale_inside_a_sentence_are_no_header() -> None:
    assert 4.2 in _values("We still need EUR millions for this.\nShelter 4.2\n")
    assert _values("EUR million\n\nThe clinic treated 42 patients.\n") == [42]
