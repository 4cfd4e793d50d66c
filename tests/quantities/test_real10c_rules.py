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
