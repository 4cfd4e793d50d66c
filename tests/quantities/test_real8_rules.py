"""Rules from the real8 dev documents (issue #12: news stories, a TV transcript, IFRC DREF reports, OCHA flash
updates and Red Crescent web pages). Made-up sentences, one rule each."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, parse_quantities

from .helpers import read_figures


def _rejected(nlp, text: str) -> dict[str, str]:
    """Each number set aside in `text` with its rejection reason."""
    doc = nlp(text)
    return {span.text: span._.rejection["reason"] for span in doc.spans[REJECTED_KEY]}


def _found(text: str) -> list[tuple[str, float | None, str, str | None]]:
    return [(q.number, q.value, q.qualifier.value, q.unit) for q in parse_quantities(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("As the number of cases doubles, clinics fill up.", 2),
        ("The cost of rice triples in the lean season.", 3),
        ("Displacement quadruples when the rains fail.", 4),
        ("A tripling of arrivals strained the camp.", 3),
        ("Officials feared a quadrupling of cases.", 4),
    ],
)
def test_present_tense_and_noun_ratio_verbs_state_a_ratio(nlp, text, value):
    assert [(q.value, q.unit, q.kind.value) for _, q in read_figures(nlp, text)] == [(value, "times", "ratio")]
