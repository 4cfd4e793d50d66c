"""Notations of news copy: glued currency marks, pence, 'pc', 'minus-10', changes 'from X to Y', glued units."""

from __future__ import annotations

import pytest

from extract.parsing import parse_quantities


def _read(text: str) -> list[tuple[float | None, str, str, str | None]]:
    return [(q.value, q.qualifier.value, q.kind.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The deal is worth $US12.5 million.", 12_500_000, "USD"),
        ("They raised A$5m for the appeal.", 5_000_000, "AUD"),
        ("It costs RM450 a month.", 450, "MYR"),
        ("The club paid PS12m for him.", 12_000_000, "GBP"),
        ("Shares closed at 212p.", 212, "pence"),
    ],
)
def test_money_marks_of_news_copy(text: str, value: float, unit: str) -> None:
    assert _read(text) == [(value, "exact", "money", unit)]


def test_ps_apart_from_its_number_is_no_pound() -> None:
    assert _read("See PS 12 below.")[0][2] != "money"


def test_p_of_a_time_or_a_resolution_is_no_pence() -> None:
    assert _read("at 5 p.m.") == []
    assert _read("a 1080p screen")[0][2] == "count"


def test_pc_is_per_cent() -> None:
    assert _read("Inflation rose 4pc last year.") == [(4, "exact", "percentage", "percent")]


def test_minus_hyphenated_is_negative() -> None:
    assert _read("Temperatures fell to minus-10 overnight.")[0][0] == -10


def test_from_to_after_a_change_verb_is_two_figures() -> None:
    assert _read("Prices rose from 300 to 450 dollars.") == [
        (300, "exact", "money", "USD"),
        (450, "exact", "money", "USD"),
    ]
    assert [v for v, *_ in _read("Unemployment fell sharply from 12 to 9 per cent.")] == [12, 9]
    assert _read("children aged from 5 to 10 years")[0][1] == "range"  # no change: a range


def test_glued_units() -> None:
    assert _read("The car has 300bhp and a 500ml bottle.") == [
        (300, "exact", "measure", "brake horsepower"),
        (500, "exact", "measure", "millilitre"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Shares fell 5p to 212p.", [(5, "pence"), (212, "pence")]),
        ("The stock lost 18% or 10½p to 47½p.", [(18, "percent"), (10.5, "pence"), (47.5, "pence")]),
        ("Oil rose by $2 to $14 a barrel.", [(2, "USD"), (14, "USD")]),
    ],
)
def test_change_then_level_is_two_figures(text: str, expected: list[tuple[float, str]]) -> None:
    assert [(value, unit) for value, _, _, unit in _read(text)] == expected


def test_one_mark_for_both_bounds_stays_a_range() -> None:
    assert _read("Prices rose 10 to 15 per cent.") == [(None, "range", "percentage", "percent")]


@pytest.mark.parametrize(
    ("text", "value"),
    [("The index rose +1.4% on Friday.", 1.4), ("Exports rose +4pc in May.", 4)],
)
def test_plus_sign_of_a_change_is_no_phone(text: str, value: float) -> None:
    assert _read(text) == [(value, "exact", "percentage", "percent")]


def test_plus_before_digit_groups_stays_a_phone() -> None:
    assert _read("Call +211 912 345 678 now.") == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("Profits will be lower by £180million.", 180_000_000, "GBP"), ("It lost $2billion.", 2_000_000_000, "USD")],
)
def test_scale_word_written_against_the_number(text: str, value: float, unit: str) -> None:
    assert _read(text) == [(value, "exact", "money", unit)]


def test_decimal_comma_before_a_scale_word() -> None:
    assert _read("Some 4,95 Million people need aid.") == [(4_950_000, "approximate", "count", "people")]


def test_comma_list_without_a_scale_word_is_no_decimal() -> None:
    assert 1.5 not in [value for value, *_ in _read("Items 1,5 and 7 were cited.")]
