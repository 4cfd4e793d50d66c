"""Case definitions stay in the unit (session 14 convention): an outbreak report counts confirmed, suspected and
probable cases apart, so "52 confirmed cases" counts confirmed cases, never plain cases that could be added to the
suspected ones. Descriptive adjectives are still dropped. Made-up sentences."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import read_figures


def _units(text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(shared_pipeline(), text)}


def test_confirmed_and_suspected_cases_are_counted_apart():
    units = _units("The ministry reported 48 confirmed cases and 310 suspected cases in the district last week.")
    assert units == {"48 confirmed cases": "confirmed cases", "310 suspected cases": "suspected cases"}


def test_a_case_definition_keeps_the_disease_noun_after_it():
    units = _units("Health teams investigated 1,250 suspected measles cases in the camps.")
    assert units == {"1,250 suspected measles cases": "suspected measles cases"}


def test_probable_cases_keep_their_definition():
    assert _units("Investigators listed 14 probable cases among the contacts.") == {
        "14 probable cases": "probable cases"
    }


def test_descriptive_adjectives_are_still_dropped():
    units = _units("The team visited 300 vulnerable families and 12 new sites.")
    assert units == {"300 vulnerable families": "families", "12 new sites": "sites"}
