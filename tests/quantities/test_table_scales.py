"""A table header's scale and currency given to the cells below it (parsing/scales.py)."""

from __future__ import annotations

import pytest

from extract.models import Kind
from extract.parsing import parse_quantities, table_context


def _cells(text: str, context: tuple[str, ...] = ()) -> list[tuple[float | None, str, str | None]]:
    return [(q.value, q.kind.value, q.unit) for q in parse_quantities(text, context=context)]


def test_title_line_scale_and_currency_apply_to_every_cell() -> None:
    text = "Funding summary (in KCHF)\nSector | Budget | Received\nShelter and settlements | 4,200 | 1,350"
    assert [v for v, _, _ in _cells(text)] == [4_200_000, 1_350_000]
    assert {(k, u) for _, k, u in _cells(text)} == {("money", "CHF")}


@pytest.mark.parametrize(
    ("header", "factor", "currency"),
    [
        ("Humanitarian funding by sector (USD millions)", 1_000_000, "USD"),
        ("Expenditure in million CHF", 1_000_000, "CHF"),
        ("Contributions CHF '000", 1_000, "CHF"),
        ("Operating budget (in thousands)", 1_000, None),
        ("Appeal (EUR m)", 1_000_000, "EUR"),
    ],
)
def test_header_phrasings(header: str, factor: int, currency: str | None) -> None:
    figures = parse_quantities("Food security | 1.60 | 75%", context=(header,))
    assert figures[0].value == pytest.approx(1.6 * factor)
    assert figures[0].kind is (Kind.MONEY if currency else Kind.COUNT)
    assert figures[0].unit == currency or currency is None
    assert figures[1].kind is Kind.PERCENTAGE and figures[1].value == 75  # a share is no amount


def test_column_header_scales_its_column_only() -> None:
    text = "Programme | Budget (KCHF) | Staff\nProtection | 2,500 | 40"
    cells = parse_quantities(text)
    assert (cells[0].value, cells[0].unit) == (2_500_000, "CHF")
    assert cells[1].value == 40 and cells[1].kind is Kind.COUNT


def test_table_ends_at_a_blank_line_or_prose() -> None:
    text = "Budget (USD millions)\nHealth | 3.5\n\nThe team visited 12 clinics."
    assert [q.value for q in parse_quantities(text)] == [3_500_000, 12]
    prose = parse_quantities("The appeal seeks 300 tents.", context=("Budget (USD millions)", "Health | 3.5"))
    assert prose[0].value == 300 and prose[0].kind is Kind.COUNT


def test_metres_in_brackets_are_no_scale() -> None:
    assert parse_quantities("Height (m) | 12 | 30", context=())[0].value == 12


def test_the_header_phrase_is_no_figure() -> None:
    assert parse_quantities("Humanitarian funding by sector (USD millions)") == []


def test_context_is_the_run_of_table_lines_from_the_header() -> None:
    before = ["The floods hit 38 counties.", "Funding summary (in KCHF)", "Sector | Budget", "Health | 3,600"]
    assert table_context(before, "Total | 18,000") == before[1:]
    assert table_context(before, "The appeal is funded.") == []


def test_a_flattened_table_opening_with_its_header_scales_its_cells() -> None:
    text = "BUDGET (in KCHF) Protection 12,400 Assistance 45,200 Prevention 8,100"
    assert _cells(text) == [(12_400_000, "money", "CHF"), (45_200_000, "money", "CHF"), (8_100_000, "money", "CHF")]


def test_a_sentence_with_a_scale_phrase_scales_nothing() -> None:
    text = "The budget (in KCHF) grew. It rose by 12,400 and 300 people came."
    assert [(v, k) for v, k, _ in _cells(text)] == [(12_400, "count"), (300, "count")]
