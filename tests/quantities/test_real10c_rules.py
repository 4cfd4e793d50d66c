"""Rules for the classes real10c's fresh documents showed (issue #12): ICRC, UNHCR, WFP, UNICEF, WHO and NGO
reports, several of them PDF copies with page furniture and flattened tables. Made-up sentences, one rule each,
with cases where the rule must not fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.checks.explain import explain
from extract.parsing import shared_pipeline
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import read_figures


def _figures(text: str) -> dict[str, float | None]:
    return {span: q.value for span, q in read_figures(shared_pipeline(), text)}


def _furniture(source: str) -> list[str]:
    return [s.text for s in clean(source).segments if s.kind is SegmentKind.BOILERPLATE]


def _decisions(tmp_path: Path, text: str) -> dict[str, tuple[str, str | None]]:
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return {d.text: (d.decision, d.reason) for d in explain(path)}


# --- a table of contents set one entry to a line ---------------------------------------------------------------

_CONTENTS = (
    "Contents\n\nForeword 3 Lake region\n\nof the north situation 9\n\nCoastal situation 14\n\nHighlands situation 21"
    "\n\nDelta and river routes 30\n\nThe appeal reached 4,500 families in 2021.\n"
)


def test_contents_entries_one_to_a_line_are_page_furniture():
    furniture = " ".join(_furniture(_CONTENTS))
    for entry in ("Foreword 3 Lake region", "of the north situation 9", "Coastal situation 14", "routes 30"):
        assert entry in furniture


def test_contents_page_numbers_are_dropped_and_the_prose_after_keeps_its_figure(tmp_path):
    decisions = _decisions(tmp_path, _CONTENTS)
    for number in ("3", "9", "14", "21", "30"):
        assert decisions[number] == ("boilerplate", "dropped: page furniture")
    assert decisions["4,500"] == ("figure", None)


@pytest.mark.parametrize(
    "source",
    [
        # no contents heading: a list of counts stays
        "Camps\n\nNorth camp 3\n\nEast camp 9\n\nWest camp 14\n\nSouth camp 21\n\nHill camp 30\n",
        # the numbers do not grow: a list of figures under the heading, not page numbers
        "Contents\n\nKits 30\n\nTents 21\n\nBlankets 14\n\nStoves 9\n\nLamps 3\n",
        # a sentence: prose, not an entry
        "Contents\n\nThe team reached 3 camps. It ran 9 clinics; 14 schools reopened. 21 wells and 30 latrines.\n",
    ],
)
def test_numbers_after_no_contents_heading_or_not_growing_are_no_contents(source):
    assert _furniture(source) == []


# --- a site's result counter is in digits ----------------------------------------------------------------------


def test_a_vague_word_after_showing_is_the_reports_figure():
    figures = _figures("Photos taken at dawn were showing dozens of families waiting at the gate.")
    assert "dozens of families" in figures


def test_a_site_counter_in_digits_after_showing_stays_furniture():
    assert _figures("Showing 11–20 of 146 results") == {}


# --- a rate per unit of time is a figure, not a date -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Some 40 families arrived each day, against 30 per minute in the peak of 2014.", "30"),
        ("Crossings fell to 12 per hour in 2019.", "12"),
    ],
)
def test_a_count_per_unit_of_time_is_a_figure(text, span):
    assert span in _figures(text)


def test_a_number_in_a_date_without_a_rate_stays_a_date():
    assert "30" not in _figures("The camp reopened on 30 May in 2014.")


# --- a key figure restated at once with its noun takes that noun ------------------------------------------------


def _units(text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(shared_pipeline(), text)}


def test_a_bare_key_figure_restated_with_its_noun_takes_that_noun():
    text = "4.1 million asylum claims 2.7 million Some 2.7 million children were out of school."
    assert _units(text)["2.7 million"] == "children"


@pytest.mark.parametrize(
    "text",
    [
        # another number stands between: no restatement
        "4.1 million asylum claims 2.7 million in 2019 and 2.7 million children out of school.",
        # a sentence ends between them
        "The camps hold 2.7 million. In all, 2.7 million children were out of school.",
    ],
)
def test_a_bare_figure_not_restated_at_once_keeps_no_borrowed_noun(text):
    assert _units(text).get("2.7 million") != "children"


# --- a plural possessor of a mass noun is what is counted -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The team improved 1,000 detainees' nutritional health last year.", "1,000 detainees", "detainees"),
        ("It checked 300 families' water supply.", "300 families", "families"),
    ],
)
def test_a_plural_possessor_of_a_mass_noun_is_counted(text, span, unit):
    assert _units(text)[span] == unit


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        # the owned noun is plural or the possessor irregular: a kind of the owned thing
        ("It built 12 children's hospitals.", "12 children's hospitals", "children's hospitals"),
        ("It funded 5 farmers' cooperatives.", "5 farmers' cooperatives", "farmers' cooperatives"),
    ],
)
def test_a_possessor_naming_a_kind_of_countable_things_stays_in_the_unit(text, span, unit):
    assert _units(text)[span] == unit


# --- the bracket closing an aside and its glued note marker are no part of the noun -----------------------------


def test_a_closing_bracket_and_its_marker_leave_the_counted_noun():
    units = _units("By 12 May, 4.2 million people in the country (1.9 million children)i are in need.")
    assert units["1.9 million children)i"] == "children"


def test_a_bracketed_noun_inside_the_unit_stays():
    assert _units("They run 40 child-friendly spaces (CFS) in the camps.")["40 child-friendly spaces"] == (
        "child-friendly spaces"
    )


# --- a toll's second count takes the first count's noun --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Shelling left 14 children killed and 37 injured in the town.", "children"),
        ("At least 12 soldiers were killed and 30 wounded.", "soldiers"),
    ],
)
def test_the_second_count_of_a_toll_takes_the_first_counts_noun(text, unit):
    assert list(_units(text).values())[-1] == unit


def test_a_second_count_with_its_own_noun_keeps_it():
    assert list(_units("Some 14 children killed and 37 adults injured.").values())[-1] == "adults"


# --- a document site's upload date: year, month and day each closed by a point ----------------------------------


def test_a_year_month_day_date_closed_by_points_is_no_figure():
    assert _figures("annual review · 2019. 11. 4. · field office report...") == {}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Floods came in 2014. 5 people died.", "5 people"),  # a sentence after the year
        ("Cases rose in 2019. 12 more were found.", "12"),
    ],
)
def test_a_count_opening_the_sentence_after_a_year_stays(text, span):
    assert span in _figures(text)


# --- a hedge stops at the finite verb said of its count ----------------------------------------------------------


def _qualifiers(text: str) -> dict[str, str]:
    return {span: q.qualifier.value for span, q in read_figures(shared_pipeline(), text)}


def test_a_hedge_does_not_carry_past_the_verb_of_its_own_clause():
    text = "Schooling for an estimated 2.3 million children has been cut and 1.1 million children need counselling."
    assert _qualifiers(text)["1.1 million children"] == "exact"


def test_a_hedge_carries_through_a_list_without_a_finite_verb():
    text = "An estimated 1,200 families affected in Kassala, 3,400 families in Gedaref and 500 families in Sennar."
    assert _qualifiers(text)["500 families"] == "approximate"


# --- "27 of 34 provinces": the part counts what the whole counts ------------------------------------------------


def test_a_part_of_a_counted_whole_takes_the_wholes_noun():
    assert _units("Rates are above the threshold in 12 of 20 districts this month.")["12"] == "districts"


def test_a_number_of_a_year_takes_no_noun():
    assert _units("Output fell to 5 of 2021 levels.").get("5") != "levels"


# --- a letter-spaced running header is page furniture ----------------------------------------------------------


def test_a_letter_spaced_running_header_is_page_furniture():
    source = "The fund reached 40,000 families.\n\n7 W F P > A N N U A L R E V I E W 2 0 2 2\n\nIt ran 12 clinics.\n"
    assert any("A N N U A L" in line for line in _furniture(source))


def test_a_row_of_single_figures_is_no_letter_spaced_header():
    assert _furniture("Scores by camp: 4 5 3 2 4 5 3 2 4 across the nine camps.\n") == []


# --- a page range and an age band after "the ages" are no figures ----------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["See pages 14-19 for the response in the north.", "Kits went to children between the ages between 2-6 years."],
)
def test_a_page_range_and_an_age_band_are_no_figures(text):
    assert not any("-" in span for span in _figures(text))


# --- counted nouns the tagger misreads --------------------------------------------------------------------------


def test_a_plural_read_as_a_verb_before_its_clauses_verb_is_the_counted_noun():
    assert _units("Detainees in 45 contexts benefited from family visits.")["45 contexts"] == "contexts"


def test_a_verb_after_a_number_without_a_verb_after_it_stays_a_verb():
    assert _units("The index 3 rises to 5 percent.")["3"] is None


def test_a_lower_case_symbol_before_a_capitalised_next_field_ends_the_unit():
    text = "Food tonnage 12,300 mt Cost (United States dollars) Food cost US$9,100,000"
    assert _units(text)["12,300 mt"] == "mt"


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("It reached 300 severely food-insecure households.", "300 severely food-insecure households", "households"),
        (
            "A third of severely food-insecure families sold assets.",
            "A third of severely food-insecure families",
            "families",
        ),
    ],
)
def test_a_degree_adverb_before_a_hyphenated_cause_is_dropped_with_it(text, span, unit):
    assert _units(text)[span] == unit


def test_an_auxiliary_after_a_year_is_no_counted_noun():
    assert "2022 has" not in _figures("Looking back, 2022 has been a hard year for 40,000 families.")


# --- a page number before a title whose name holds small words ---------------------------------------------------


def test_a_page_number_before_a_title_with_small_words_is_furniture():
    text = "1 Coastal Relief and Recovery Operation Number 4411 “Support to fishing households”"
    assert "1" not in {span.split()[0] for span in _figures(text)}


def test_a_count_before_a_title_inside_a_sentence_stays():
    text = "The office sent 12 Relief and Recovery Officers to the coast."
    assert any(span.startswith("12") for span in _figures(text))


# --- durations written without a number ------------------------------------------------------------------------


def _readings(text: str) -> dict[str, tuple]:
    return {
        span: (q.value, q.low, q.high, q.qualifier.value, q.kind.value, q.unit)
        for span, q in read_figures(shared_pipeline(), text)
    }


@pytest.mark.parametrize(
    "text", ["Such hunger has not been seen for decades.", "After decades of war the town is empty."]
)
def test_decades_alone_is_a_vague_duration_in_years(text):
    assert _readings(text)["decades"] == (None, 20, 99, "vague", "duration", "years")


def test_decades_after_a_number_stays_its_unit():
    assert _readings("Over the past three decades the camp grew.")["three decades"][0] == 3


@pytest.mark.parametrize(
    ("text", "span", "reading"),
    [
        (
            "Almost a year has passed since the cyclone.",
            "Almost a year",
            (1, None, 1, "approximate", "duration", "year"),
        ),
        ("The camp stood for more than a month.", "more than a month", (1, 1, None, "more_than", "duration", "month")),
        (
            "Nearly a week after the storm, 300 families were housed.",
            "Nearly a week",
            (1, None, 1, "approximate", "duration", "week"),
        ),
    ],
)
def test_a_hedged_article_before_a_time_noun_is_a_duration_of_one(text, span, reading):
    assert _readings(text)[span] == reading


@pytest.mark.parametrize("text", ["The board meets once a year.", "A year ago the road was cut.", "It took a week."])
def test_an_unhedged_article_before_a_time_noun_is_no_figure(text):
    assert _readings(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "It is the worst drought in decades.",  # an idiom of comparison
        "The road was cut more than a week ago.",  # when, not how long
        "Prices were about 40 per cent higher than a year earlier.",
    ],
)
def test_a_time_word_of_comparison_or_of_when_is_no_duration(text):
    assert not any(q.kind.value == "duration" for _, q in read_figures(shared_pipeline(), text))


def test_a_rate_without_a_noun_takes_the_noun_of_the_rate_before():
    text = "On average 18 families arrived every hour in May. This compares to 11 per hour in April."
    assert _units(text)["11"] == "families"


# --- a footnote marker between a plural noun and the sentence a PDF copy ran on ---------------------------------


def test_a_marker_after_a_plural_before_a_run_on_sentence_is_a_footnote():
    text = "In all 12.1 million internally displaced persons 2 If these 30 million people were a country"
    assert "2" not in {span.split()[0] for span in _figures(text)}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Stocks held tents 5 Blankets 7 Stoves 9", "7"),  # a flattened table: labels, not sentences
        ("The camps hold 300 families and 4 The rest left.", "4"),  # no plural noun right before it
    ],
)
def test_a_number_before_a_capitalised_word_that_opens_no_sentence_stays(text, span):
    assert any(s.split()[0] == span for s in _figures(text))


def test_key_figures_under_a_contents_heading_are_no_page_numbers():
    source = (
        "In this issue\n\n3 million people in need\n\n5 million displaced\n\n12 camps\n\n40 clinics\n\n100 schools\n"
    )
    assert _furniture(source) == []


def test_a_hedge_shared_by_a_list_with_one_verb_carries_on():
    assert _qualifiers("Some 300 people were killed in Aleppo and 200 people in Idlib.")["200 people"] == "approximate"


# --- a bare count takes the noun of the count right before it, a sentence back ----------------------------------


def test_a_bare_count_takes_the_noun_of_the_count_ending_the_sentence_before():
    text = "By June, 41.2 million individuals were displaced. This is 2.1 million more than a year before."
    assert _units(text)["2.1 million"] == "individuals"


def test_a_figure_of_another_kind_between_stops_the_search():
    text = "It rebuilt 19 water systems. The network now gives 40 litres a day, up from 12 in 2021."
    assert _units(text)["12"] is None
