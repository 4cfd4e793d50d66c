"""The qualifier before a number ("more than", "nearly", ">="), read by suffix comparison: it must agree with the
definition, one whole-word regex per phrase tried longest first."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.models import Qualifier
from extract.parsing import quantity_of
from extract.parsing.figures import _qualifier_before, _qualifier_phrase_before
from extract.resources import load_json

GROUPS = load_json("numbers.json")["qualifiers"]
NAMES = ("approximate", "more_than", "at_least", "less_than", "at_most")
PHRASES = sorted({p for name in NAMES for p in GROUPS[name]})


def reference(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    upper = set(GROUPS["approximate_upper_bound"])
    entries = [(p, Qualifier(name), p in upper) for name in NAMES for p in GROUPS[name]]
    entries.sort(key=lambda e: len(e[0]), reverse=True)
    window = text[max(0, position - 30) : position]
    for phrase, qualifier, sets_high in entries:
        if phrase[0].isalpha():
            pattern = rf"(?<![\w-]){re.escape(phrase)}\s+\Z"
        else:
            pattern = rf"(?<![<>=]){re.escape(phrase)}\s*\Z"
        match = re.search(pattern, window, re.IGNORECASE)
        if match:
            return qualifier, sets_high, position - (len(window) - match.start())
    return None


def test_examples() -> None:
    assert _qualifier_before("More than 700", 10) == (Qualifier.MORE_THAN, False, 0)
    assert _qualifier_before("leftover 5", 9) is None
    assert _qualifier_before("x >= 30", 5)[0] is Qualifier.AT_LEAST  # type: ignore[index]


_pieces = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(PHRASES).map(str.upper),
    st.sampled_from([" ", "  ", "\t", "-", "x", "left", "_", "<", "=", "\u00a0", "\n"]),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_pieces, max_size=8), st.sampled_from(["", " ", "  "]))
def test_agrees_with_one_regex_per_phrase(pieces: list[str], gap: str) -> None:
    text = "".join(pieces) + gap + "12"
    position = len(text) - 2
    assert _qualifier_phrase_before(text, position) == reference(text, position)


def test_circa_and_the_tilde_are_approximations(nlp):
    for text in ("c. 300 families", "~300 families", "\u2248 300 families"):
        doc = nlp(text)
        [span] = doc.spans["quantities"]
        assert (quantity_of(span).value, quantity_of(span).qualifier) == (300, Qualifier.APPROXIMATE), text
