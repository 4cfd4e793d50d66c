"""An amount of money written again without its sign: "£64 million ... the amount awarded in the first place (12
million)", "£37 million ... more than half of the total 64 million secured". A bare scaled figure takes the currency
of the amounts in its sentence and the one before, when they all write one currency and a word of money
(resources/units.json `restated_money_cues`: "amount", "total", "funding") comes before it in its sentence."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from extract.models import Kind, Quantity
from extract.parsing.figures import Figure
from extract.parsing.numbers import lexicon

_MIN_VALUE = 1000


@cache
def _cues() -> frozenset[str]:
    from extract.resources import load_json

    return frozenset(load_json("units.json")["restated_money_cues"])


def _scaled(text: str, figure: Figure) -> bool:
    """Whether the figure writes a scale word ("12 million"): an amount's size, not a small count."""
    words = text[figure.number_start : figure.number_end].lower().split()
    return len(words) > 1 and words[-1] in lexicon().scales


def restated_currency(doc: Doc, text: str, first: int, figure: Figure, previous: Sequence[Quantity]) -> str | None:
    """The one currency of the money amounts in the figure's sentence and the sentence before, for a bare scaled
    figure after a money word; None when there is none, more than one, or no money word before it."""
    if figure.is_word or figure.value is None or figure.value < _MIN_VALUE or not _scaled(text, figure):
        return None
    if not doc.has_annotation("SENT_START"):
        return None
    if first > 0 and doc[first - 1].is_upper and doc[first - 1].is_alpha:
        return None  # "US$21 million or CFA 12 billion": a currency the tables do not know is written before it
    sentence = doc[first].sent
    if not any(t.lower_ in _cues() for t in doc[sentence.start : first]):
        return None
    opening = doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    currencies = {q.unit for q in previous if q.kind is Kind.MONEY and q.start >= opening and q.end <= figure.start}
    if len(currencies) != 1:
        return None
    return currencies.pop()
