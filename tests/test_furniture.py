"""Page furniture: a line that recurs with only its digits changed is a running header or footer."""

from __future__ import annotations

from extract.reading.furniture import furniture_lines
from extract.reading.segments import SegmentKind
from extract.reading.text import clean


def test_recurring_header_is_boilerplate_and_offsets_hold() -> None:
    source = "SHELTER 12\n\nSome 300 families fled.\n\nSHELTER 13\nThe 40 clinics reopened.\n"
    segments = clean(source).segments
    furniture = [s for s in segments if s.kind is SegmentKind.BOILERPLATE]
    expected = [("SHELTER 12", "page furniture"), ("SHELTER 13", "page furniture")]
    assert [(s.text, s.reason) for s in furniture] == expected
    for segment in segments:
        start, end = segment.mapped.source_span(0, len(segment.text))
        assert source[start:end].replace("\n", " ") == segment.text
    assert any(s.text == "The 40 clinics reopened." for s in segments)


def test_statistic_figures_and_unique_lines_are_not_furniture() -> None:
    lines = ["4,000", "missing persons registered", "3,500", "families visited", "Page 1 of 9", "A line 5"]
    assert furniture_lines(lines) == set()
    assert furniture_lines(["Page 1 of 9", "text", "Page 2 of 9"]) == {0, 2}


def test_key_figures_repeated_with_other_amounts_are_not_furniture() -> None:
    """A result and a target written alike ("11.3 million measles vaccinations" in 2015, "11.7 million" planned)."""
    lines = ["11.3 million measles vaccinations", "Targets for 2016", "11.7 million measles vaccinations", "86% hosted"]
    assert furniture_lines(lines) == set()
    assert furniture_lines(["PROTECTION 47", "text", "PROTECTION 52"]) == {0, 2}


def test_table_rows_with_numbers_in_thousands_are_not_furniture() -> None:
    # a statistics table repeats its row labels in each section ("Meals served" for civilians, then detainees)
    assert furniture_lines(["Meals served 12,300", "Meals served 9,870", "PROTECTION 47", "PROTECTION 52"]) == {2, 3}
