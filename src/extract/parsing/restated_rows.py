"""A chart row's counted noun from the paragraph right before it, over one document's segments in order.

A chart or key-figure line copied as text ("Spain 2.1 million Italy 1.3 million Greece 0.9 million") lists bare
figures beside their labels; the noun they count stands in the paragraph the chart illustrates ("Spain hosted 2.1
million migrants, Italy 1.3 million"). Each segment is parsed alone, so the row's cells come out without a unit.
`RowAntecedent` gives them that paragraph's noun, only when the evidence is unambiguous:

- the row is one line of at least two figures, every one a count without a unit, and no sentence;
- the segment right before it (no heading or other paragraph between) counts exactly one noun among its figures;
- at least one cell restates one of that paragraph's figures (the same value), so the row is about them.

Anything else leaves the cells as they are (null rather than a guess).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_SENTENCE_END = re.compile(r"[a-z)][.!?](?:\s|\Z)")
_DIGITS = re.compile(r"\d")
_MIN_CELLS = 2


class RowAntecedent:
    """`apply(doc)` to each reported segment of a document in reading order: the bare count cells of a chart row
    get the one counted noun of the segment before it when a cell restates one of its figures."""

    def __init__(self, span_key: str) -> None:
        self.span_key = span_key
        self._before: tuple[str, frozenset[float]] | None = None  # the previous segment's one unit and its values

    def apply(self, doc: Doc, text: str | None = None) -> None:
        if text is None:
            text = doc.text
        spans = list(doc.spans[self.span_key])
        quantities = [span._.quantity for span in spans]
        before, self._before = self._before, _one_unit(quantities)
        if before is None or not is_chart_row(text) or len(quantities) < _MIN_CELLS:
            return
        if any(q["unit"] is not None or q["kind"] != "count" for q in quantities):
            return
        unit, values = before
        if not any(q["value"] is not None and float(q["value"]) in values for q in quantities):
            return
        for span in spans:
            span._.quantity = {**span._.quantity, "unit": unit}


def is_chart_row(text: str) -> bool:
    """One line holding figures and no sentence: what a chart or key-figure row reads as."""
    line = text.strip()
    return bool(line) and "\n" not in line and not _SENTENCE_END.search(line) and bool(_DIGITS.search(line))


def _one_unit(quantities: Sequence[dict[str, object]]) -> tuple[str, frozenset[float]] | None:
    """The one unit the counts of a segment share, with their values; None when they have none or several."""
    counts = [q for q in quantities if q["kind"] == "count" and q["unit"] is not None]
    units = {q["unit"] for q in counts}
    if len(units) != 1 or len(counts) != sum(1 for q in quantities if q["kind"] == "count"):
        return None
    values = frozenset(float(v) for q in counts if isinstance(v := q["value"], int | float))
    return str(units.pop()), values
