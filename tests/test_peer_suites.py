"""Our parser's recall on third-party suites (../shared/peer), floors measured on this code; skipped when absent."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

import peer_suites  # noqa: E402

# suite -> recall floor (measured: number_range 0.907, percent 1.000, number 0.660, spellout 0.661,
# currency 0.973, dimension 0.955, age 0.889, quantulum3_quantities 0.851, quantulum3_quantities_ambiguity 0.706)
FLOORS = {
    "recognizers_number_range": 0.88,
    "recognizers_percent": 0.95,
    "recognizers_number": 0.63,
    "quantulum3_spellout": 0.63,
    "recognizers_currency": 0.95,
    "recognizers_dimension": 0.93,
    "recognizers_age": 0.86,
    "quantulum3_quantities": 0.83,
    "quantulum3_quantities_ambiguity": 0.68,
}


@pytest.mark.parametrize("suite", sorted(FLOORS))
def test_peer_recall_floor(suite: str) -> None:
    path = peer_suites.DEFAULT_PEER_DIR / f"{suite}.jsonl"
    if not path.exists():
        pytest.skip(f"peer suite not available: {path}")
    results = peer_suites.run_suites([path], {"extract": peer_suites.ours()})
    score = results[suite]["systems"]["extract"]
    assert score["recall"] >= FLOORS[suite], score["misses"][:10]
