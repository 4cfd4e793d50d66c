"""Precision rules of issue #12 (prec10): footnote markers glued to the word they mark, numbers naming members of
a series as a range or a list, web counters, postal codes, citations. Made-up sentences, one rule each, with cases
where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, shared_pipeline

from .helpers import read_figures


def _rejected(text: str) -> dict[str, str]:
    doc = shared_pipeline()(text)
    return {span.text: span._.rejection["reason"] for span in doc.spans[REJECTED_KEY]}


def _figures(text: str) -> dict[str, tuple[float | None, str | None, str]]:
    """Span text -> (value, unit, kind) of every figure."""
    return {span: (q.value, q.unit, q.kind.value) for span, q in read_figures(shared_pipeline(), text)}


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("An estimated 12,000 people2 were displaced by the floods.", "An estimated 12,000 people", "people"),
        ("The floods hit 45,000 households,3 according to the ministry.", "45,000 households", "households"),
        ("The camp now hosts 30,000 refugees.12 More arrive every day.", "30,000 refugees", "refugees"),
        ("The settlement hosts 8,000 Rohingya.[6]", "8,000 Rohingya", "Rohingya"),
    ],
)
def test_a_footnote_number_glued_to_the_counted_noun_stays_out_of_the_figure(text, span, unit):
    figures = _figures(text)
    assert figures[span][:2] == (float(span.split()[-2].replace(",", "")), unit)
    assert len(figures) == 1  # the marker is no figure of its own


def test_a_footnote_number_glued_to_per_cent_leaves_a_percentage():
    assert _figures("Some 80 per cent4 of the wells are dry.") == {"Some 80 per cent": (80, "percent", "percentage")}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The clinic covers 3 km2 of the valley.", "3 km2"),  # a unit symbol keeps its digit
        ("The Covid19 lockdown left 300 families without work.", "300 families"),
    ],
)
def test_digits_glued_to_a_unit_symbol_or_a_name_are_no_footnote(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("About 8 million people are in IPC Phases 3 to 5.", "3 to 5"),
        ("About 8 million people are in IPC Phase 3-5 across the region.", "3-5"),
        ("About 8 million people are in IPC Phases 3 and above.", "3"),
        ("Zones 3 and 4 received 200 tents.", "4"),
        ("Camps 1, 2 and 3 host 30,000 refugees.", "2"),
        ("Camps 1, 2 and 3 host 30,000 refugees.", "3"),
        ("Articles 3 and 4 of the law protect 12 groups.", "4"),
        ("The survey covered Sectors 2 to 4 and 1,300 households.", "2 to 4"),
    ],
)
def test_numbers_naming_members_of_a_series_as_a_range_or_list_are_no_figures(text, member):
    assert member in _rejected(text)
    assert member not in _figures(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Under articles 6 to 8, 40 detainees were freed.", "40 detainees"),  # the figure after the list's comma
        ("Between Phase 1 and Phase 2, 500 families moved.", "500 families"),
        ("In the camps 200 families received kits.", "200 families"),  # a plural label before a count
        ("The ward has 30 beds and 5 cots.", "5 cots"),  # a countable, no series label
        ("The team reported 300 cases and 4 deaths.", "4 deaths"),
    ],
)
def test_a_count_near_a_series_label_stays_a_figure(text, span):
    assert span in _figures(text)
