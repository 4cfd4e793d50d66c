"""Counted nouns (issue #12, units10): one sub-row reader, implied nouns, possessives and thresholds. Made-up
sentences, one rule each, with cases where a rule must not fire."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _unit_of(nlp, text: str, number: str) -> str | None:
    """The unit of the one figure whose span holds `number`."""
    found = [q.unit for span, q in read_figures(nlp, text) if number in span]
    assert len(found) == 1, found
    return found[0]


_SUB_ROW_TABLE = (
    "PROTECTION Letters collected 8,100 Letters delivered 5,200 People reunited with their families 46 of whom "
    "elderly people 12 Wells repaired 86 of which: Boreholes 31 Places of detention visited 210 of whom visited and "
    "monitored individually 97 Visits carried out 650"
)


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("46", "People"),
        ("12", "elderly people"),  # "of whom ...": the sub-row's own noun
        ("31", "Boreholes"),  # "of which: ...": a label of its own after the colon
        ("97", "Places of detention"),  # no noun of its own: the row before's
        ("650", "Visits"),  # the next row is not the sub-row's
    ],
)
def test_a_sub_row_of_whom_or_of_which_is_read_by_one_reader(nlp, number, unit):
    assert _unit_of(nlp, _SUB_ROW_TABLE, number) == unit
