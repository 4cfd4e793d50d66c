"""Our parser's recall on third-party suites (../shared/peer), floors measured on this code; skipped when absent."""

from __future__ import annotations

import pytest
from bench import peer_suites

# suite -> recall floor (measured - 0.02; the measured values are in the README's Accuracy table)
FLOORS = {
    "recognizers_number_range": 0.90,
    "recognizers_number_range_experimental": 0.88,
    "recognizers_temperature": 0.97,
    "recognizers_percent": 0.95,
    "recognizers_number": 0.88,
    "quantulum3_spellout": 0.98,
    "recognizers_currency": 0.95,
    "recognizers_dimension": 0.94,
    "recognizers_age": 0.98,
    "quantulum3_quantities": 0.96,
    "quantulum3_quantities_ambiguity": 0.98,
}


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_peer_recall_floor(suite: str) -> None:
    path = peer_suites.DEFAULT_PEER_DIR / f"{suite}.jsonl"
    if not path.exists():
        pytest.skip(f"peer suite not available: {path}")
    results = peer_suites.run_suites([path], {"extract": peer_suites.ours()})
    score = results[suite]["systems"]["extract"]
    assert score["recall"] >= FLOORS[suite], score["misses"][:10]


def test_value_with_uncertainty_matches_its_range() -> None:
    exp = {"value": 12.5, "low": 10, "high": 15}
    as_range = peer_suites.Predicted(None, 10, 15, True, True, "exabyte", "measure")
    as_value = peer_suites.Predicted(12.5, None, None, None, None, "exabyte", "measure")
    other = peer_suites.Predicted(None, 10, 16, True, True, "exabyte", "measure")
    assert peer_suites.matches(exp, as_range) and peer_suites.matches(exp, as_value)
    assert not peer_suites.matches(exp, other)


@pytest.mark.parametrize(
    ("text", "surface", "start", "out"),
    [("passage of Voyager 2 in 1979", "1979", 24, True), ("earn $2000 over 3 years", "2000", 6, False)],
)
def test_bare_year_expectation_is_set_aside(text: str, surface: str, start: int, out: bool) -> None:
    exp = {"surface": surface, "start": start, "kind": "number", "unit": None}
    assert (peer_suites.expectation_out_of_scope(exp, text) is not None) is out


@pytest.mark.parametrize(
    ("expected", "ours"),
    [("Square meter", "m2"), ("Metric ton", "tonnes"), ("Pound", "pound-mass"), ("C", "degree Celsius")],
)
def test_unit_names_compared_by_meaning(expected: str, ours: str) -> None:
    exp = {"unit": expected, "kind": "measure"}
    assert peer_suites.unit_agrees(exp, peer_suites.Predicted(1, None, None, None, None, ours, "measure"))


def test_counting_unit_matches_a_count_of_its_size() -> None:
    exp = {"value": 1, "low": None, "high": None, "unit": "dozen", "kind": "measure"}
    twelve = peer_suites.Predicted(12, None, None, None, None, "eggs", "count")
    one_dozen = peer_suites.Predicted(1, None, None, None, None, "dozen", "measure")
    assert peer_suites.matches(exp, twelve) and peer_suites.matches(exp, one_dozen)
    assert not peer_suites.matches(exp, peer_suites.Predicted(13, None, None, None, None, None, "count"))


@pytest.mark.parametrize(
    ("surface", "value", "unit", "kind", "reason"),
    [
        ("a gross", 1, "gross", "measure", peer_suites.GROSS_REASON),
        ("32K", 32, "kibibyte", "measure", peer_suites.KIBI_REASON),
        ("573.15K", 573.15, "kelvin", "measure", None),
        ("($99.99)", -99.99, "dollar", "money", peer_suites.ACCOUNTING_REASON),
        ("1.2b", 1.2e9, None, "number", peer_suites.LONE_B_REASON),
        ("$12b", 1.2e10, "dollar", "money", None),
    ],
)
def test_convention_expectations_set_aside(surface: str, value: float, unit: str | None, kind: str, reason) -> None:
    exp = {"surface": surface, "start": 0, "value": value, "unit": unit, "kind": kind}
    assert peer_suites.expectation_out_of_scope(exp, surface) == reason


def test_unannotated_vague_prediction_is_no_extra() -> None:
    case = {"expected": [], "text": "several hundred years"}
    vague = peer_suites.Predicted(None, 200, 999, True, True, "years", "duration", vague=True)
    score = peer_suites.Score()
    assert peer_suites.score_case(case, [vague], score) == [] and score.exact == 1
    assert score.out_of_scope[peer_suites.VAGUE_REASON] == 1


def test_upper_bound_of_a_dashed_range_is_set_aside_and_our_range_is_no_extra() -> None:
    text = "He is about 40 - 50 years old."
    exp = {"surface": "50 years old", "start": 17, "kind": "dimension", "unit": "Year", "value": 50}
    reason = peer_suites.expectation_out_of_scope(exp, text)
    assert reason == peer_suites.RANGE_UPPER_REASON
    our_range = peer_suites.Predicted(None, 40, 50, True, True, "years", "duration")
    assert peer_suites._prediction_of(exp, reason, [our_range]) is our_range
    assert peer_suites.expectation_out_of_scope({**exp, "start": 12, "surface": "40"}, "He is about 40 years.") is None
