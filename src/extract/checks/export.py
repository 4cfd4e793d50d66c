"""Export facts as flat CSV for spreadsheets, HXL-tagged CSV for humanitarian data tools, or JSON Lines."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from extract.checks.reviews import ReviewState, ReviewSummary
from extract.jsonl import atomic_writer, to_json_line
from extract.models import FactRecord

Cell = str | int | float | None


class Format(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    HXL = "hxl"


# (column, HXL hashtag)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "#meta+id"),
    ("doc_id", "#meta+doc"),
    ("quote", "#meta+quote"),
    ("value", "#value"),
    ("low", "#value+min"),
    ("high", "#value+max"),
    ("qualifier", "#meta+qualifier"),
    ("kind", "#meta+kind"),
    ("unit", "#indicator+unit"),
    ("subject", "#indicator+text"),
    ("section", "#meta+section"),
    ("period_start", "#date+start"),
    ("period_end", "#date+end"),
    ("location", "#country+name"),
    ("topics", "#sector+list"),
    ("source", "#meta+source"),
    ("span_start", "#meta+span+start"),
    ("span_end", "#meta+span+end"),
    ("review_status", "#status+review"),
    ("corrected_value", "#value+corrected"),
)
# HXL only: the value again under the tag that says what it measures, when the sentence makes that clear.
HXL_EXTRA: tuple[tuple[str, str], ...] = (("affected", "#affected"), ("reached", "#reached"))

_REACHED = re.compile(
    r"\b(reach|reached|benefit|benefited|benefitted|support|supported|assist|assisted|receiv|received|"
    r"treated|trained|screened|visited|helped|provided|served|followed up)\b",
    re.IGNORECASE,
)
_AFFECTED = re.compile(r"\b(affected|displaced|missing|killed|injured|wounded|detained|in need)\b", re.IGNORECASE)
_PEOPLE = re.compile(
    r"\b(people|persons?|famil(y|ies)|children|child|detainees|prisoners|servicemen|soldiers|students|professionals|"
    r"members|officials|households|individuals|refugees|migrants|patients|women|men|girls|boys|civilians|residents|"
    r"beneficiaries|survivors|volunteers|staff|workers|farmers)\b",
    re.IGNORECASE,
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def row(fact: FactRecord, reviews: ReviewSummary) -> dict[str, Cell]:
    q = fact.quantity
    review = reviews.state(fact.id)
    return {
        "id": fact.id,
        "doc_id": fact.doc_id,
        "quote": fact.quote,
        "value": q.value,
        "low": q.low,
        "high": q.high,
        "qualifier": q.qualifier.value,
        "kind": q.kind.value,
        "unit": q.unit,
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


def people_measure(fact: FactRecord) -> str | None:
    """'reached' or 'affected' for counts of people whose sentence says which; None otherwise."""
    if fact.quantity.kind.value != "count" or not _PEOPLE.search(fact.quantity.unit or ""):
        return None
    if _REACHED.search(fact.sentence):
        return "reached"
    if _AFFECTED.search(fact.sentence):
        return "affected"
    return None


def apply_reviews(facts: Iterable[FactRecord], reviews: ReviewSummary) -> list[FactRecord]:
    """Drop rejected facts; give corrected facts their corrected value (bounds it falls outside are cleared)."""
    kept: list[FactRecord] = []
    for fact in facts:
        review = reviews.state(fact.id)
        if review.state == ReviewState.REJECTED:
            continue
        corrected = review.corrected_value
        if corrected is not None:
            low, high = fact.quantity.low, fact.quantity.high
            update = {
                "value": corrected,
                "low": low if low is not None and low <= corrected else None,
                "high": high if high is not None and corrected <= high else None,
            }
            quantity = fact.quantity.model_copy(update=update)
            fact = fact.model_copy(update={"quantity": quantity})
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
    columns = COLUMNS + (HXL_EXTRA if hxl else ())
    writer = _LineWriter(handle)
    writer.writerow([name for name, _ in columns])
    if hxl:
        writer.writerow([tag for _, tag in columns])
    for fact in facts:
        cells = row(fact, reviews)
        if hxl:
            measure = people_measure(fact)
            for name, _ in HXL_EXTRA:
                cells[name] = cells["value"] if measure == name else None
        writer.writerow(["" if cells[name] is None else _safe(cells[name]) for name, _ in columns])


def write(handle: TextIO, facts: Sequence[FactRecord], reviews: ReviewSummary, fmt: Format, *, reviewed: bool) -> int:
    """Write `facts` in `fmt` to `handle`; returns how many were written."""
    chosen = apply_reviews(facts, reviews) if reviewed else list(facts)
    if fmt == Format.JSONL:
        handle.writelines(to_json_line(fact) for fact in chosen)
    else:
        write_csv(handle, chosen, reviews, hxl=fmt == Format.HXL)
    return len(chosen)


def export(
    facts: Sequence[FactRecord], reviews: ReviewSummary, fmt: Format, out: Path, *, reviewed: bool = False
) -> int:
    """Write `facts` to `out`, replacing it atomically; returns how many were written."""
    with atomic_writer(out) as handle:
        return write(handle, facts, reviews, fmt, reviewed=reviewed)
