"""Rules for the classes real10b's fresh documents showed (issue #12): the furniture of PDF copies on document
sites and magazines (a contents line set off by rules, an issue's number, a snippet's cut title, a page count under
its title, a page number beside a front-matter heading), a scale's legend, and the counted nouns and numbers they
missed. Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, shared_pipeline
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import read_figures


def _rejected(text: str) -> dict[str, tuple[str, str]]:
    doc = shared_pipeline()(text)
    return {span.text: (span._.rejection["reason"], span._.rejection["rule"]) for span in doc.spans[REJECTED_KEY]}


def _figures(text: str) -> dict[str, float | None]:
    return {span: q.value for span, q in read_figures(shared_pipeline(), text)}


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
