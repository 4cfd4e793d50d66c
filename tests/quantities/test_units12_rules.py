"""units12: a chart row's bare cells take the one counted noun of the paragraph right before them, when a cell
restates one of that paragraph's figures (parsing/restated_rows.py); null in every other case."""

from __future__ import annotations

import pytest

from extract.parsing import parse_quantities, table_context

LEAD = "Kenya received 2.1 million migrants last year, Ethiopia 900,000."
ROW = "Kenya 2.1 million Ethiopia 900,000 Sudan 450,000"


def _units(text: str, context: list[str]) -> list[tuple[str, str | None]]:
    return [(q.number, q.unit) for q in parse_quantities(text, context=context)]


def test_chart_row_takes_the_lead_paragraphs_noun() -> None:
    assert _units(ROW, [LEAD]) == [("2.1 million", "migrants"), ("900,000", "migrants"), ("450,000", "migrants")]


def test_row_alone_keeps_null_units() -> None:
    assert _units(ROW, []) == [("2.1 million", None), ("900,000", None), ("450,000", None)]


@pytest.mark.parametrize(
    "lead",
    [
        "Kenya received 2.1 million migrants and 40,000 trucks.",  # two counted nouns: which one?
        "Kenya received 2.5 million migrants.",  # no cell restates the paragraph's figure
        "The border posts were closed in the spring.",  # no figure to restate
    ],
)
def test_no_unambiguous_antecedent_keeps_null(lead: str) -> None:
    assert all(unit is None for _, unit in _units(ROW, [lead]))


def test_a_share_beside_the_one_count_is_no_competing_noun() -> None:
    lead = "Kenya received 2.1 million migrants and 12 per cent more aid."
    assert _units(ROW, [lead]) == [("2.1 million", "migrants"), ("900,000", "migrants"), ("450,000", "migrants")]


@pytest.mark.parametrize(
    "row",
    [
        "Kenya 2.1 million\nEthiopia 900,000",  # a block of lines, not one chart row
        "Kenya counted 2.1 million. Ethiopia 900,000.",  # sentences, not a row
    ],
)
def test_not_a_chart_row_keeps_null(row: str) -> None:
    assert all(unit is None for _, unit in _units(row, [LEAD]))


def test_a_row_with_its_own_noun_is_left_as_read() -> None:
    own = "Kenya 2.1 million trucks Ethiopia 900,000 trucks"
    assert _units(own, [LEAD]) == _units(own, [])


def test_a_lone_figure_is_no_row() -> None:
    assert _units("Kenya 2.1 million", [LEAD]) == [("2.1 million", None)]


def test_context_of_a_chart_row_is_the_paragraph_before_it() -> None:
    before = ["Refugee movements", LEAD]
    assert table_context(before, ROW) == [LEAD]
    assert table_context(before, "The appeal is funded.") == []
    assert table_context([], ROW) == []


def _plain_units(text: str) -> dict[str, str | None]:
    return {q.number: q.unit for q in parse_quantities(text)}


def test_compared_figure_passes_over_a_far_smaller_count() -> None:
    units = _plain_units("Aid plans now target over 76 million people in thirty-one countries compared to 52 million.")
    assert units["52 million"] == "people"


def test_compared_figure_near_the_count_before_takes_its_noun() -> None:
    assert _plain_units("The agency runs 14 clinics, up from 9 last year.")["9"] == "clinics"


def test_compared_figure_with_only_far_smaller_counts_keeps_null() -> None:
    assert _plain_units("The appeal covers 3 provinces compared to 2 million last year.")["2 million"] is None


def test_bare_figure_after_only_far_smaller_counts_keeps_null() -> None:
    units = _plain_units("About 2,000 families fled to 4 villages, and more than 2.5 million are now at risk.")
    assert units["2.5 million"] is None
    assert units["2,000"] == "families"


def test_bare_figure_after_a_count_of_its_size_still_takes_its_noun() -> None:
    units = _plain_units("About 2,000 families fled to 4 villages, and more than 1.5 million are now at risk.")
    assert units["1.5 million"] == "families"  # 2,000 is not a thousandth of 1.5 million: passed over 4 villages


def test_bare_figure_passes_over_counts_saying_where() -> None:
    text = "About 90,000 people were affected in 14 provinces in 61 districts, an increase of about 8,000 this week."
    assert _plain_units(text)["8,000"] == "people"


def test_bare_figure_after_places_of_a_bare_count_keeps_null() -> None:
    text = "Affected people number about 90,000 in 14 provinces in 61 districts, an increase of about 8,000 this week."
    assert _plain_units(text)["8,000"] is None  # not districts


def test_of_these_passes_over_the_places_of_the_count_before() -> None:
    text = "Delegates saw 3,500 prisoners held in 90 jails in 11 countries. 1,100 of these were seen alone."
    assert _plain_units(text)["1,100"] == "prisoners"


def test_of_them_takes_the_places_counted_first() -> None:
    assert _plain_units("Rains hit 40 villages in 3 provinces, and 12 of them were cut off.")["12"] == "villages"


def test_a_place_count_with_no_count_before_it_is_still_the_antecedent() -> None:
    # the rule needs another count before the place count; alone, "in 12 districts" stays the nearest count
    assert _plain_units("Teams worked in 12 districts. About 300 of them had clinics.")["300"] == "districts"


def test_a_count_after_in_without_an_earlier_count_keeps_its_noun() -> None:
    units = _plain_units("Aid reached families in 25 camps, and about 2,000 more arrived.")
    assert units["25"] == "camps"
