"""Export facts as flat CSV for spreadsheets, HXL-tagged CSV for humanitarian data tools, or JSON Lines."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import TextIO

from extract.checks.reviews import ReviewState, ReviewSummary
from extract.jsonl import atomic_writer
from extract.models import FactRecord
from extract.resources import load_json

Cell = str | int | float | None


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    HXL = "hxl"


# The flat CSV's columns: `quote` is the figure as read (an HTML quote without tags and references: the anchor's
# exact text, which is the reading wing's text of the span), `quote_raw` the source's own characters at the span.
COLUMNS: tuple[str, ...] = (
    "id",
    "doc_id",
    "quote",
    "quote_raw",
    "sentence",
    "value",
    "low",
    "high",
    "qualifier",
    "kind",
    "unit",
    "subject",
    "section",
    "period_start",
    "period_end",
    "location",
    "topics",
    "source",
    "span_start",
    "span_end",
    "review_status",
    "corrected_value",
)
MEASURES = ("affected", "inneed", "targeted", "reached")
# HXL by the standard (hxlstandard.org/standard/dictionary): a count of people or households goes under the measure
# its sentence says (+ind people, +hh households), money under #value with its #currency, any other figure under
# #indicator+num with its unit; places as #country or #loc, the period as #date+start/#date+end.
HXL_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "#meta+id"),
    ("doc_id", "#meta+doc"),
    ("quote", "#meta+quote"),
    ("sentence", "#description"),
    *((f"{m}_ind", f"#{m}+ind") for m in MEASURES),
    *((f"{m}_hh", f"#{m}+hh") for m in MEASURES),
    ("money", "#value"),
    ("currency", "#currency"),
    ("indicator", "#indicator+num"),
    ("unit", "#indicator+name"),
    ("low", "#indicator+num+min"),
    ("high", "#indicator+num+max"),
    ("qualifier", "#meta+qualifier"),
    ("kind", "#meta+kind"),
    ("subject", "#meta+subject"),
    ("country", "#country+name"),
    ("place", "#loc+name"),
    ("period_start", "#date+start"),
    ("period_end", "#date+end"),
    ("topics", "#sector+list"),
    ("source", "#meta+source"),
    ("url", "#meta+url"),
    ("review_status", "#status+review"),
    ("corrected_value", "#indicator+num+corrected"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(fact: FactRecord, reviews: ReviewSummary) -> dict[str, Cell]:
    review = reviews.state(fact.id)
    return {
        "id": fact.id,
        "doc_id": fact.doc_id,
        "quote": fact.anchor.exact,
        "quote_raw": fact.quote,
        "sentence": fact.sentence,
        **fact.quantity.reading(),
        "subject": fact.subject,
        "section": fact.section,
        "period_start": fact.period.start.isoformat() if fact.period and fact.period.start else None,
        "period_end": fact.period.end.isoformat() if fact.period and fact.period.end else None,
        "location": fact.location,
        "topics": ";".join(fact.topics),
        "source": fact.source,
        "span_start": fact.span.start,
        "span_end": fact.span.end,
        "review_status": review.state.value,
        "corrected_value": review.corrected_value,
    }


@cache
def _words() -> dict[str, object]:
    return load_json("export.json")


@cache
def _cue(words: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)


def _cue_of(name: str) -> re.Pattern[str]:
    return _cue(tuple(_words()[name]))  # type: ignore[arg-type]


def people_measure(fact: FactRecord) -> tuple[str, str] | None:
    """(measure, 'ind' or 'hh') for a count of people or households whose sentence says which measure it is
    ('people in need' -> inneed, 'reached 1,200 households' -> reached); None otherwise."""
    unit = fact.quantity.unit or ""
    if fact.quantity.kind.value != "count":
        return None
    if _cue_of("households").search(unit):
        who = "hh"
    elif _cue_of("people").search(unit):
        who = "ind"
    else:
        return None
    measures: dict[str, list[str]] = _words()["measures"]  # type: ignore[assignment]
    for measure in MEASURES[1:] + MEASURES[:1]:  # in need, targeted, reached, then affected
        if _cue(tuple(measures[measure])).search(fact.sentence):
            return measure, who
    return None


def _place_tag(fact: FactRecord) -> str | None:
    """'country' when the figure's place is a GPE entity naming a country, else 'place' (#loc)."""
    if not fact.location:
        return None
    countries = {c.lower() for c in _words()["countries"]}  # type: ignore[union-attr]
    labels = {e.label for e in fact.entities if fact.location in (e.text, e.long_form)}
    if fact.location.lower() in countries and (not labels or "GPE" in labels):
        return "country"
    return "place"


def hxl_row(fact: FactRecord, reviews: ReviewSummary) -> dict[str, Cell]:
    flat = row(fact, reviews)
    cells: dict[str, Cell] = {name: flat.get(name) for name, _ in HXL_COLUMNS}
    q = fact.quantity
    measure = people_measure(fact)
    if measure is not None:
        cells[f"{measure[0]}_{measure[1]}"] = q.value
    elif q.kind.value == "money":
        cells["money"], cells["currency"] = q.value, q.unit
        cells["unit"] = None
    else:
        cells["indicator"] = q.value
    place = _place_tag(fact)
    if place is not None:
        cells[place] = fact.location
    cells["url"] = None  # records do not carry where a report was published
    return cells


def apply_reviews(facts: Iterable[FactRecord], reviews: ReviewSummary) -> list[FactRecord]:
    """Drop rejected facts; give corrected facts the figure as corrected: value, bounds, qualifier and unit
    (`reviews.apply_correction`; a value-only correction clears the bounds it falls outside)."""
    kept: list[FactRecord] = []
    for fact in facts:
        review = reviews.state(fact.id)
        if review.state == ReviewState.REJECTED:
            continue
        corrected = review.corrected_quantity(fact.quantity)
        if corrected is not None:
            fact = fact.model_copy(update={"quantity": corrected})
        kept.append(fact)
    return kept


def _safe(cell: Cell) -> Cell:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe (numbers are left alone)."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


class _LineWriter:
    """A CSV writer with "\n" line ends that still quotes every cell holding a line break of any kind. The csv
    module quotes only the characters of its line terminator: with "\n", a bare CR went out unquoted, split the
    row in a spreadsheet and let the piece after it escape the formula guard."""

    def __init__(self, handle: TextIO) -> None:
        self.handle = handle
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\r\n")

    def writerow(self, cells: Sequence[Cell]) -> None:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerow(cells)
        self.handle.write(self.buffer.getvalue().removesuffix("\r\n") + "\n")


def write_csv(handle: TextIO, facts: Sequence[FactRecord], reviews: ReviewSummary, *, hxl: bool = False) -> None:
    columns = [name for name, _ in HXL_COLUMNS] if hxl else list(COLUMNS)
    writer = _LineWriter(handle)
    writer.writerow(columns)
    if hxl:
        writer.writerow([tag for _, tag in HXL_COLUMNS])
    for fact in facts:
        cells = hxl_row(fact, reviews) if hxl else row(fact, reviews)
        writer.writerow(["" if cells[name] is None else _safe(cells[name]) for name in columns])


def json_line(fact: FactRecord, reviews: ReviewSummary) -> str:
    """The record with its review status (and corrected value, when corrected)."""
    review = reviews.state(fact.id)
    data = fact.model_dump(mode="json")
    data["review_status"] = review.state.value
    data["corrected_value"] = review.corrected_value
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def write(handle: TextIO, facts: Sequence[FactRecord], reviews: ReviewSummary, fmt: Format, *, reviewed: bool) -> int:
    """Write `facts` in `fmt` to `handle`; returns how many were written."""
    chosen = apply_reviews(facts, reviews) if reviewed else list(facts)
    if fmt == Format.JSONL:
        handle.writelines(json_line(fact, reviews) for fact in chosen)
    else:
        write_csv(handle, chosen, reviews, hxl=fmt == Format.HXL)
    return len(chosen)


def export(
    facts: Sequence[FactRecord], reviews: ReviewSummary, fmt: Format, out: Path, *, reviewed: bool = False
) -> int:
    """Write `facts` to `out`, replacing it atomically; returns how many were written."""
    with atomic_writer(out) as handle:
        return write(handle, facts, reviews, fmt, reviewed=reviewed)
