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
