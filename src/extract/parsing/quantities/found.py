"""Passes over all the figures found in one text: hedges carried through a list, sibling row units,
compound amounts ("2 million and 300,000"), and the spans written to the Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span

from extract.models import Kind, Qualifier, Quantity
from extract.parsing.figures import Figure
from extract.parsing.numbers import as_number
from extract.parsing.quantities.tokens import _char_span
from extract.parsing.rejections import Rejection
from extract.parsing.units import parts_per

_FOOTNOTE_MARKER = re.compile(r"(?<=[a-z]{3})\d{1,2}\Z")


# the closing bracket of an aside and a note marker glued to it: "6.5 million people (2.5 million children)i are"
_BRACKET_MARKER = re.compile(r"(?<=[a-z]{3})\)[ivx\d*]{0,4}\Z")


def _without_footnote_marker(unit: str | None) -> str | None:
    """A counted noun without the footnote number a PDF copy glues to it ("internally displaced people1"), nor
    the bracket closing an aside with its marker ("children)i")."""
    if not unit:
        return unit
    if "(" not in unit:
        unit = _BRACKET_MARKER.sub("", unit)
    return _FOOTNOTE_MARKER.sub("", unit)


def _quantity(text: str, figure: Figure) -> Quantity:
    return Quantity(
        number=text[figure.number_start : figure.number_end],
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        kind=figure.kind,
        unit=_without_footnote_marker(figure.unit) if figure.kind is Kind.COUNT else figure.unit,
        start=figure.start,
        end=figure.end,
        number_start=figure.number_start,
        number_end=figure.number_end,
    )


def _rejected_spans(doc: Doc, rejected: list[tuple[int, int, Rejection]]) -> list[Span]:
    """One span per rejected number (its tokens), in text order, carrying its reason and rule as a plain dict."""
    spans = []
    for start, end, rejection in sorted(rejected, key=lambda r: (r[0], r[1])):
        span = _char_span(doc, start, end)
        if span is not None:
            span._.rejection = rejection.as_dict()
            spans.append(span)
    return spans


_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)\b")
_COMPOUND_GAP = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)


@dataclass(slots=True)
class _Found:
    span: Span
    quantity: Quantity
    subject: str | None


# between a hedged count and the next item of a list of the same noun: no sentence end, then a comma or "and"
# ("an estimated 2,592 individuals affected in A, 8,655 individuals (1,909 households) in B and 780 individuals in C")
_NEXT_ITEM_GAP = re.compile(r"[^.;:!?]*(?:,|\band)\s+")
_FINITE_AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would)\b", re.IGNORECASE)


def _hedges_carried(text: str, found: list[_Found]) -> list[_Found]:
    """An approximate count's hedge carried to the later items of its list that count the same noun, past figures
    of other nouns between them ("across five locations"). A count restating it in brackets keeps its own reading
    ("some 2,740 families (13,700 beneficiaries)": dev gold reads the bracketed count as exact)."""
    out: list[_Found] = []
    anchor: Quantity | None = None  # the last count hedged in its own words
    for read in found:
        quantity = read.quantity
        if anchor is not None and _next_item(text, anchor, quantity) and not _own_clause(text, anchor, read):
            high = quantity.value if anchor.high is not None and anchor.low is None else None
            quantity = quantity.model_copy(update={"qualifier": anchor.qualifier, "low": None, "high": high})
            read = replace(read, quantity=quantity)
        elif quantity.qualifier is Qualifier.APPROXIMATE and quantity.kind is Kind.COUNT:
            anchor = quantity
        out.append(read)
    return out


# a row of a breakdown by place: a label in capitals and a colon before the count ("JORDAN: 473,587", "SOUTH
# SUDAN: 2,100 returnees")
_CAPITALS_ROW_LABEL = re.compile(r"(?:\A|[\s(])[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*:[ \t]*\Z")
_MIN_SIBLING_ROWS = 3


def _sibling_row_units(text: str, found: list[_Found]) -> list[_Found]:
    """A breakdown's rows that name no noun take the one their sibling rows name: "JORDAN: 473,587 including those
    awaiting registration LEBANON: 470,457 registered ... IRAQ: 147,464 registered refugees EGYPT: 66,922 registered
    refugees" counts refugees in each row. Three rows or more, each a count after a label in capitals and a colon,
    and every row that names a noun names the same one."""
    rows = [
        i
        for i, read in enumerate(found)
        if read.quantity.kind is Kind.COUNT
        and read.quantity.start == read.quantity.number_start
        and _CAPITALS_ROW_LABEL.search(text, max(0, read.quantity.start - 40), read.quantity.start)
    ]
    if len(rows) < _MIN_SIBLING_ROWS:
        return found
    units = {found[i].quantity.unit.casefold() for i in rows if found[i].quantity.unit}
    if len(units) != 1:
        return found
    unit = next(found[i].quantity.unit for i in rows if found[i].quantity.unit)
    out = list(found)
    for i in rows:
        if out[i].quantity.unit is None:
            out[i] = replace(out[i], quantity=out[i].quantity.model_copy(update={"unit": unit}))
    return out


def _written_after(text: str, quantity: Quantity) -> bool:
    unit = quantity.unit or ""
    return text[quantity.number_end : quantity.end].lstrip().casefold().startswith(unit.casefold())


def _next_item(text: str, anchor: Quantity, quantity: Quantity) -> bool:
    return (
        quantity.qualifier is Qualifier.EXACT
        and quantity.kind is Kind.COUNT
        and quantity.value is not None
        and quantity.unit is not None
        and quantity.unit == anchor.unit
        and _written_after(text, quantity)  # "and 20 injured": a noun implied, a clause of its own
        and _NEXT_ITEM_GAP.fullmatch(text, anchor.end, quantity.start) is not None
    )


def _own_clause(text: str, anchor: Quantity, read: _Found) -> bool:
    """ "an estimated 5.7 children has been disrupted and 1.5 million children face ...": a finite verb said of the
    hedged count closes its clause, and the next count is the subject of a verb of its own, with its own reading;
    "some 300 were killed in A and 200 people in B" shares the verb and the hedge."""
    if _FINITE_AUXILIARY.search(text, anchor.end, read.quantity.start) is None:
        return False
    doc = read.span.doc
    return read.span.end < len(doc) and doc[read.span.end].tag_ in {"VBP", "VBZ", "VBD", "MD"}


def _compound_amounts(doc: Doc, text: str, found: list[_Found]) -> list[_Found]:
    """ "5 ft 2 in", "5 feet and 2 inches", "3 hours 20 minutes": one amount in the larger unit."""
    out: list[_Found] = []
    for read in found:
        previous = out[-1].quantity if out else None
        if previous is not None and (merged := _compound(text, previous, read.quantity)) is not None:
            joined = _char_span(doc, merged.start, merged.end)
            if joined is not None:
                out[-1] = _Found(joined, merged, None)
                continue
        out.append(read)
    return out


def _compound(text: str, big: Quantity, small: Quantity) -> Quantity | None:
    if (
        big.kind not in (Kind.MEASURE, Kind.DURATION)
        or big.qualifier is not Qualifier.EXACT
        or small.qualifier is not Qualifier.EXACT
        or big.value is None
        or small.value is None
        or big.unit is None
        or not _COMPOUND_GAP.fullmatch(text[big.end : small.start])
    ):
        return None
    unit, end = small.unit, small.end
    if small.kind is Kind.COUNT and small.unit is None and (word := _WORD_AFTER.match(text, small.end)):
        unit, end = word.group(1), word.end()  # "5 ft 2 in": after feet, "in" is inches
    per = parts_per(big.unit, unit) if unit else None
    if per is None or not 0 <= small.value < per:
        return None
    value = as_number(round(big.value + small.value / per, 6))
    return big.model_copy(update={"value": value, "end": end})
