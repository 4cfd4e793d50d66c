"""Rules for the real7 documents (issue #12): flattened table rows, chart axis ticks, signed-change chart
residue and source lines. Made-up sentences, one rule each."""

from __future__ import annotations

from extract.parsing import parse_quantities

from .helpers import rejections_in as _rejected


def _values(text: str) -> list[float | None]:
    return [q.value for q in parse_quantities(text)]


def test_bare_cells_beside_a_grouped_number_are_a_table_row_not_a_phone() -> None:
    text = "Deaths and damage by district. Westfield 0 0 4 7 1,320 Total 5 2 9 4,410 were recorded."
    assert _values(text).count(0) == 2
    assert "0" not in _rejected(text)


def test_a_digit_group_phone_number_is_still_a_phone() -> None:
    assert _rejected("For help call 0800 555 0199 today.")["0800"] == ("phone", "digit-groups")


def test_an_evenly_spaced_run_of_scaled_ticks_is_a_chart_axis() -> None:
    text = "Figure 3 trend 20K 40K 60K 80K 12,450 displaced people were counted."
    rejected = _rejected(text)
    assert all(rejected[n] == ("page furniture", "axis-ticks") for n in ("20K", "40K", "60K", "80K"))
    assert _values(text) == [12450]


def test_axis_ticks_in_any_order_after_a_dash() -> None:
    text = "- 25% 75% 50% 100%"
    assert _rejected(text) == dict.fromkeys(("25", "75", "50", "100"), ("page furniture", "axis-ticks"))
    assert _values(text) == []


def test_unevenly_spaced_scaled_numbers_are_figures() -> None:
    assert _values("Budgets of 2M 5M 6M were set.") == [2_000_000, 5_000_000, 6_000_000]


def test_numbers_inside_a_signed_change_series_are_chart_labels() -> None:
    text = "Change (%) +12 +7 0 +4 -3 5 +2 Arrivals fell in May."
    rejected = _rejected(text)
    assert rejected["0"] == ("page furniture", "signed-change-series")
    assert rejected["5"] == ("page furniture", "signed-change-series")
    assert _values(text) == []


def test_one_signed_change_in_a_sentence_is_a_figure() -> None:
    assert _values("Admissions changed by -4 to 112 patients.") != []


def _qualifiers(text: str) -> list[tuple[float | None, str]]:
    return [(q.value, q.qualifier.value) for q in parse_quantities(text)]


def test_a_hedge_carries_to_later_list_items_of_the_same_noun() -> None:
    text = (
        "Teams report an estimated 1,240 individuals displaced across four villages in Northvale, "
        "3,310 individuals across six villages in Eastmoor and 95 individuals in Westfield."
    )
    assert _qualifiers(text) == [
        (1240, "approximate"),
        (4, "exact"),
        (3310, "approximate"),
        (6, "exact"),
        (95, "approximate"),
    ]


def test_a_hedge_stops_at_the_sentence_end() -> None:
    text = "About 400 families fled to the hills. Later, 120 families returned."
    assert _qualifiers(text) == [(400, "approximate"), (120, "exact")]


def test_a_bracketed_restatement_keeps_its_own_reading() -> None:
    assert _qualifiers("Aid reached some 1,400 families (7,000 people) in June.") == [
        (1400, "approximate"),
        (7000, "exact"),
    ]


def test_a_hedge_does_not_carry_to_a_count_whose_noun_is_implied() -> None:
    assert _qualifiers("Around 60 people were hurt, and 12 died.") == [(60, "approximate"), (12, "exact")]


def test_a_participle_after_the_first_noun_ends_the_list() -> None:
    assert _qualifiers("Nearly 900 people affected and 12 deaths were reported.") == [
        (900, "approximate"),
        (12, "exact"),
    ]
