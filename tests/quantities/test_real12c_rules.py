"""Rules from real12c's batch (session 10): a letter-spaced header with a page's running text after it on the same
line (reading/furniture.py letter_spaced_header_end), and a title-case scale header inside a flattened line ("...
in 2021 In million Offices EUR 12.5 ...", parsing/scales.py _TITLE_CASE_IN). Sentences are made up."""

from __future__ import annotations

import pytest

from extract.parsing import parse_quantities
from extract.reading.furniture import letter_spaced_header_end
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import figure_values, rejections_in

_HEADER = "12 A n n u a l r e v i e w o f o u r w o r k "
_BODY = "STAFF In the year the agency employed 412 drivers and 37 mechanics across the region, and it ran 19 workshops"


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(segment.kind.value, segment.text) for segment in clean(text).segments]


def test_running_text_after_a_letter_spaced_header_is_read() -> None:
    segments = _kinds(_HEADER + _BODY)
    assert segments[0][0] == SegmentKind.BOILERPLATE.value and segments[0][1].startswith("12 A n n u a l")
    assert any(kind != SegmentKind.BOILERPLATE.value and "412 drivers" in text for kind, text in segments)


def test_a_line_that_is_only_a_letter_spaced_header_stays_furniture() -> None:
    assert letter_spaced_header_end(_HEADER.strip()) is None
    assert [kind for kind, _ in _kinds(_HEADER.strip() + " 2021")] == [SegmentKind.BOILERPLATE.value]


def test_a_few_words_after_the_header_keep_the_line_furniture() -> None:
    assert letter_spaced_header_end(_HEADER + "Contents page 4 and 5") is None


def test_no_letter_spaced_run_no_split() -> None:
    assert letter_spaced_header_end("The agency employed 412 drivers and 37 mechanics across the whole region") is None


def _money(text: str) -> list[tuple[float | None, str | None]]:
    return [(q.value, q.unit) for q in parse_quantities(text) if q.kind.value == "money"]


def test_title_case_scale_header_mid_line_scales_its_amounts() -> None:
    text = (
        "BUDGET Spending of the agency in 2021 In million Offices EUR 12.5 GBP 10.8 Field EUR 40.2 GBP 34.6 "
        "The total is shown below and includes the reserve"
    )
    assert _money(text) == [
        (pytest.approx(12_500_000), "EUR"),
        (pytest.approx(10_800_000), "GBP"),
        (pytest.approx(40_200_000), "EUR"),
        (pytest.approx(34_600_000), "GBP"),
    ]


def test_title_case_section_stops_at_a_label_with_a_colon() -> None:
    text = "Spending of the agency in 2021 In million Offices EUR 12.5 Field EUR 40.2 Rates used: GBP 1.00 = EUR 1.17"
    values = [v for v, _ in _money(text)]
    assert values[:2] == [pytest.approx(12_500_000), pytest.approx(40_200_000)]
    assert values[2:] == [pytest.approx(1.0), pytest.approx(1.17)]


def test_in_millions_opening_a_sentence_is_no_header() -> None:
    text = "The needs grew. In millions of homes, families spent EUR 12.5 on fuel and EUR 40.2 on food each month."
    assert [v for v, _ in _money(text)] == [pytest.approx(12.5), pytest.approx(40.2)]


def test_lower_case_in_million_in_prose_is_no_header() -> None:
    text = "Costs rose in million-strong cities where EUR 12.5 and EUR 40.2 were paid for each household kit."
    assert [v for v, _ in _money(text)] == [pytest.approx(12.5), pytest.approx(40.2)]


def test_an_amount_in_another_currency_than_the_header_is_not_scaled() -> None:
    text = "Funding summary (in KCHF)\nSector | Budget | Pledged\nShelter | 4,200 | USD 350"
    assert [(v, u) for v, u in _money(text)] == [(pytest.approx(4_200_000), "CHF"), (pytest.approx(350), "USD")]


def test_ranks_of_a_flattened_ranked_table_are_no_figures() -> None:
    text = (
        "Biggest programmes by cost In million 1 Kenya EUR 44.1 GBP 38.0 2 Peru EUR 31.7 GBP 27.3 "
        "3 Nepal EUR 20.2 GBP 17.4 4 Chad EUR 12.9 GBP 11.1"
    )
    rejected = rejections_in(text)
    assert all(rejected.get(rank, ("", ""))[1] == "ranked-rows" for rank in ("1", "2", "3", "4"))
    assert not {v for v in figure_values(text).values() if v is not None} & {1, 2, 3, 4}
    assert [v for v, _ in _money(text)][-1] == pytest.approx(11_100_000)
    assert len(parse_quantities(text)) == 8  # the eight amounts, no rank


def test_two_ranked_rows_are_too_few() -> None:
    text = "Programmes by cost 1 Kenya EUR 44.1 GBP 38.0 2 Peru EUR 31.7 GBP 27.3"
    assert "ranked-rows" not in {rule for _, rule in rejections_in(text).values()}


def test_growing_counts_before_place_names_in_prose_are_figures() -> None:
    text = "The team sent 1 Kenyan nurse, then 2 Peruvian doctors and finally 3 Nepalese engineers to the camp."
    assert "ranked-rows" not in {rule for _, rule in rejections_in(text).values()}


def test_numbers_without_cells_between_them_are_no_ranks() -> None:
    text = "Shelters 1 North 2 South 3 East 4 West were opened in the district this week by volunteers."
    assert "ranked-rows" not in {rule for _, rule in rejections_in(text).values()}
