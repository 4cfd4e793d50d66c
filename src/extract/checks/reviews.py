"""Review decisions: a human accepts, rejects or corrects a fact. Kept forever in an append-only JSON Lines log.

Each decision snapshots the fact's quote and figure, so a review whose fact later changed (or vanished) is shown as
needing re-review instead of being silently applied to a different figure. It also keeps the fact's anchor (quote,
prefix and suffix of read text, position), so after an edit of the source elsewhere, which moves every offset and
so every id, the review is re-attached to the fact whose anchor matches (see `reattach`).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extract.jsonl import read
from extract.models import Anchor, FactRecord, Qualifier, Quantity


class Decision(StrEnum):
    ACCEPT = "accept"
    REJECT = "reject"
    CORRECT = "correct"


class ReviewState(StrEnum):
    """Where a fact stands after its latest review."""

    UNREVIEWED = "unreviewed"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CORRECTED = "corrected"
    NEEDS_REREVIEW = "needs_rereview"


_STATE_OF = {Decision.ACCEPT: ReviewState.ACCEPTED, Decision.REJECT: ReviewState.REJECTED}


class ReviewDecision(BaseModel):
    """One reviewer's decision on one fact, with a snapshot of the fact as it was reviewed."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    fact_id: str = Field(description="The reviewed fact's id.")
    decision: Decision
    corrected_value: int | float | None = Field(default=None, description="The right value, for 'correct'.")
    corrected_low: int | float | None = Field(default=None, description="The right lower bound, for 'correct'.")
    corrected_high: int | float | None = Field(default=None, description="The right upper bound, for 'correct'.")
    corrected_qualifier: Qualifier | None = Field(
        default=None,
        description="The right qualifier, for 'correct'. When set, value and bounds together replace the fact's "
        "figure (a null bound means none); when absent (older lines), only the value is corrected.",
    )
    corrected_unit: str | None = Field(default=None, description="The right unit, for 'correct' (absent: unchanged).")
    note: str | None = None
    reviewer: str = Field(min_length=1)
    at: dt.datetime = Field(description="When the decision was made (UTC).")
    quote: str = Field(description="Snapshot: the fact's quote at review time.")
    value: int | float | None = Field(description="Snapshot: the fact's value at review time.")
    low: int | float | None = Field(default=None, description="Snapshot: the fact's lower bound at review time.")
    high: int | float | None = Field(default=None, description="Snapshot: the fact's upper bound at review time.")
    anchor: Anchor | None = Field(
        default=None, description="Snapshot: the fact's anchor at review time (absent in reviews made before anchors)."
    )

    @model_validator(mode="after")
    def _correction_has_value(self) -> ReviewDecision:
        corrected = (self.corrected_value, self.corrected_low, self.corrected_high, self.corrected_qualifier)
        if (self.decision == Decision.CORRECT) != any(x is not None for x in corrected):
            raise ValueError("a corrected value (or bounds, or qualifier) is required for 'correct' and only for it")
        if self.decision != Decision.CORRECT and self.corrected_unit is not None:
            raise ValueError("a corrected unit is only for 'correct'")
        low, high = self.corrected_low, self.corrected_high
        if low is not None and high is not None and low > high:
            raise ValueError("corrected lower bound above the upper bound")
        return self

    def matches(self, fact: FactRecord) -> bool:
        """Whether the fact still reads as it did when reviewed."""
        q = fact.quantity
        return (self.quote, self.value, self.low, self.high) == (fact.quote, q.value, q.low, q.high)


class ReviewError(Exception):
    """A reviews file that cannot be read, or a decision that cannot be made."""


def make_decision(
    fact: FactRecord,
    decision: Decision,
    *,
    reviewer: str,
    corrected_value: int | float | None = None,
    correction: Correction | None = None,
    note: str | None = None,
    at: dt.datetime | None = None,
) -> ReviewDecision:
    """A decision on `fact`: a correction as a full `Correction`, or (older callers) a bare `corrected_value`."""
    fields = correction.fields() if correction is not None else {"corrected_value": corrected_value}
    return ReviewDecision(
        fact_id=fact.id,
        decision=decision,
        **fields,
        note=note,
        reviewer=reviewer,
        at=at or dt.datetime.now(dt.UTC).replace(microsecond=0),
        quote=fact.quote,
        value=fact.quantity.value,
        low=fact.quantity.low,
        high=fact.quantity.high,
        anchor=fact.anchor,
    )


def default_reviewer() -> str:
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def append_review(path: Path, review: ReviewDecision) -> None:
    """Append one decision (one line, flushed and synced); earlier decisions are never rewritten.

    The line is written under an exclusive lock on the file, in one write, so writers in several processes (the
    CLI, two browser tabs on `extract serve`) never interleave; a line a killed writer left unfinished is closed
    first, so the new decision still stands on a line of its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = (review.model_dump_json() + "\n").encode("utf-8")
    with path.open("ab") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            if _ends_unfinished(path):
                line = b"\n" + line
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _ends_unfinished(path: Path) -> bool:
    with path.open("rb") as reader:
        reader.seek(0, os.SEEK_END)
        if reader.tell() == 0:
            return False
        reader.seek(-1, os.SEEK_END)
        return reader.read(1) != b"\n"


def load_reviews(path: Path) -> tuple[list[ReviewDecision], list[str]]:
    """All decisions in file order, and a message per unreadable line. A missing file means no reviews."""
    if not path.exists():
        return [], []
    reviews, bad = read(path, ReviewDecision)
    return reviews, [f"{path}:{line.line}: invalid review ({line.message})" for line in bad]


@dataclass(frozen=True, slots=True)
class FactReview:
    """A fact's review state: its latest decision, and whether that decision still applies."""

    state: ReviewState
    latest: ReviewDecision | None

    @property
    def corrected_value(self) -> int | float | None:
        return self.latest.corrected_value if self.state == ReviewState.CORRECTED and self.latest else None

    def corrected_quantity(self, quantity: Quantity) -> Quantity | None:
        """`quantity` with this review's correction applied; None unless the fact stands corrected."""
        if self.state != ReviewState.CORRECTED or self.latest is None:
            return None
        return apply_correction(quantity, self.latest)


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    by_fact: dict[str, FactReview]
    orphans: list[ReviewDecision]
    """Latest decisions on facts that no longer exist: they need re-review too."""

    def state(self, fact_id: str) -> FactReview:
        return self.by_fact.get(fact_id, FactReview(ReviewState.UNREVIEWED, None))

    @property
    def needing_rereview(self) -> list[tuple[ReviewDecision, str]]:
        """(latest decision, why) for each review that no longer applies as made."""
        changed = [
            (r.latest, "fact changed since review")
            for r in self.by_fact.values()
            if r.state == ReviewState.NEEDS_REREVIEW and r.latest
        ]
        gone = [(review, "fact no longer exists") for review in self.orphans]
        return sorted(changed + gone, key=lambda pair: pair[0].fact_id)


def summarise(facts: Iterable[FactRecord], reviews: Iterable[ReviewDecision]) -> ReviewSummary:
    """The latest decision per fact (file order wins ties), checked against the fact as it is now."""
    latest: dict[str, ReviewDecision] = {}
    for review in reviews:
        latest[review.fact_id] = review
    facts = list(facts)
    by_id = {fact.id: fact for fact in facts}
    attached = reattach(facts, list(latest.values()))
    by_fact: dict[str, FactReview] = {}
    for fact_id, review in attached.items():
        fact = by_id[fact_id]
        if not review.matches(fact):
            state = ReviewState.NEEDS_REREVIEW
        else:
            state = _STATE_OF.get(review.decision, ReviewState.CORRECTED)
        by_fact[fact_id] = FactReview(state, review)
    kept = {id(review) for review in attached.values()}
    orphans = [review for fact_id, review in sorted(latest.items()) if id(review) not in kept]
    return ReviewSummary(by_fact, orphans)


# How much of a review's context (prefix and suffix) a fact must share to be the reviewed figure: with the same
# quote, half of it overall; with another quote (the figure was edited), half of each side.
_SAME_QUOTE_CONTEXT = 0.5
_CHANGED_QUOTE_CONTEXT = 0.5


def reattach(facts: list[FactRecord], reviews: list[ReviewDecision]) -> dict[str, ReviewDecision]:
    """Fact id -> the review that judged it, each review given to at most one fact and each fact at most one review.

    A review whose fact is still where it was, with the same anchor, stays; otherwise, among the facts of the same
    document, the one with the same quote (anchor exact) and the best matching prefix and suffix wins, the nearest
    position breaking ties; failing that, a fact in the same context whose quote changed (the figure was edited, so
    it will ask for re-review). A review whose figure is gone is attached to nothing: never to a different figure."""
    by_doc: dict[str, list[FactRecord]] = {}
    for fact in facts:
        by_doc.setdefault(fact.doc_id, []).append(fact)
    by_id = {fact.id: fact for fact in facts}
    attached: dict[str, ReviewDecision] = {}
    pending: list[ReviewDecision] = []
    for review in reviews:
        fact = by_id.get(review.fact_id)
        if fact is not None and (review.anchor is None or review.anchor == fact.anchor):
            attached[fact.id] = review
        elif review.anchor is not None:
            pending.append(review)
    offers: list[tuple[tuple[int, float, int], str, ReviewDecision]] = []
    for review in pending:
        for fact in by_doc.get(_doc_of(review.fact_id), []):
            if fact.id not in attached and (rank := _anchor_rank(review.anchor, fact.anchor)) is not None:
                offers.append((rank, fact.id, review))
    offers.sort(key=lambda offer: offer[0], reverse=True)
    placed: set[int] = set()
    for _, fact_id, review in offers:
        if fact_id not in attached and id(review) not in placed:
            attached[fact_id] = review
            placed.add(id(review))
    return attached


def _doc_of(fact_id: str) -> str:
    return fact_id.rpartition(":")[0]


def _anchor_rank(old: Anchor | None, new: Anchor) -> tuple[int, float, int] | None:
    """(same quote, context shared, -distance) when `new` may be where `old` is now; None when it is not."""
    if old is None:
        return None
    before = _shared(old.prefix[::-1], new.prefix[::-1])
    after = _shared(old.suffix, new.suffix)
    distance = -abs(old.start - new.start)
    if old.exact == new.exact:
        context = _share(before + after, len(old.prefix) + len(old.suffix), new.prefix + new.suffix)
        return (1, context, distance) if context >= _SAME_QUOTE_CONTEXT else None
    sides = min(_share(before, len(old.prefix), new.prefix), _share(after, len(old.suffix), new.suffix))
    return (0, sides, distance) if sides >= _CHANGED_QUOTE_CONTEXT else None


def _shared(a: str, b: str) -> int:
    """Length of the common start of two strings."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _share(common: int, total: int, new: str) -> float:
    """The part of an old context of `total` characters the new one shares; an empty old context is shared only by
    an empty new one."""
    return common / total if total else float(not new)


def parse_number(text: str) -> int | float:
    """A corrected value as typed: '3000', '3,000', '2.5'."""
    cleaned = text.replace(",", "").replace("_", "").strip()
    try:
        number = float(cleaned)
    except ValueError as error:
        raise ReviewError(f"not a number: {text!r}") from error
    if number != number or number in (float("inf"), float("-inf")):
        raise ReviewError(f"not a finite number: {text!r}")
    return int(number) if number.is_integer() and "." not in cleaned and "e" not in cleaned.lower() else number


@dataclass(frozen=True, slots=True)
class Correction:
    """A reviewer's corrected figure: value, bounds and qualifier replace the fact's; a unit of None keeps its."""

    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: Qualifier
    unit: str | None = None

    def fields(self) -> dict[str, object]:
        return {
            "corrected_value": self.value,
            "corrected_low": self.low,
            "corrected_high": self.high,
            "corrected_qualifier": self.qualifier,
            "corrected_unit": self.unit,
        }


Parser = Callable[[str], list[Quantity]]
_PLAIN_NUMBER = re.compile(r"\d+(\.\d+)?")
_PUNCTUATION = " \t.;:!"


def parse_correction(
    text: str,
    *,
    kind: str = "count",
    qualifier: str | None = None,
    unit: str | None = None,
    low: str | None = None,
    high: str | None = None,
    parse: Parser | None = None,
) -> Correction:
    """A correction as a reviewer types it ("about 300", "1.2 million", "200-300 families"), read by the project's
    own quantity parser, with the qualifier, unit and bounds given apart overriding what the text says. A count
    (`kind`) cannot be negative. Raises ReviewError with the reason."""
    quantity = _read_figure(text, parse) if text.strip() else None
    if quantity is None and not any(x and x.strip() for x in (qualifier, low, high)):
        raise ReviewError("give the corrected figure (e.g. 'about 300'), or its qualifier or bounds")
    try:
        chosen = Qualifier(qualifier) if qualifier else (quantity.qualifier if quantity else None)
    except ValueError as error:
        choices = ", ".join(q.value for q in Qualifier)
        raise ReviewError(f"unknown qualifier {qualifier!r}: use one of {choices}") from error
    correction = Correction(
        value=quantity.value if quantity else None,
        low=_bound(low, parse) if low and low.strip() else (quantity.low if quantity else None),
        high=_bound(high, parse) if high and high.strip() else (quantity.high if quantity else None),
        qualifier=chosen or Qualifier.EXACT,
        unit=(unit.strip() or None) if unit else (quantity.unit if quantity else None),
    )
    _check(correction, kind)
    return correction


def _read_figure(text: str, parse: Parser | None) -> Quantity:
    """The one figure `text` is, as the parser reads it. Every digit must be part of the figure's number and
    nothing but punctuation may stand outside the figure: "1,5" reads as 1 and a stray ",5", so it is refused rather
    than stored as 1 or 15."""
    figures = (parse or _default_parser())(text)
    if not figures and _PLAIN_NUMBER.fullmatch(text.strip()):
        number = parse_number(text)  # a bare number the parser sets aside as a year or a code: "2024"
        return Quantity(
            number=text.strip(), value=number, low=None, high=None, qualifier=Qualifier.EXACT, kind="count",
            unit=None, start=0, end=len(text), number_start=0, number_end=len(text),
        )  # fmt: skip
    if not figures:
        raise ReviewError(f"no figure in {text!r}")
    if len(figures) > 1:
        found = "; ".join(repr(text[q.start : q.end]) for q in figures)
        raise ReviewError(f"more than one figure in {text!r}: {found}")
    figure = figures[0]
    outside = text[: figure.start] + " " + text[figure.end :]
    stray_digit = re.search(r"\d", text[: figure.number_start] + " " + text[figure.number_end :])
    if outside.strip(_PUNCTUATION) or stray_digit:
        read_as = figure.value if figure.value is not None else (figure.low, figure.high)
        raise ReviewError(
            f"{text!r} does not read as one figure (the parser reads {text[figure.start : figure.end]!r} as "
            f"{read_as}); type one figure, decimals with a point (1.5)"
        )
    return figure


def _default_parser() -> Parser:
    from extract.parsing import parse_quantities

    return parse_quantities


def _bound(text: str, parse: Parser | None) -> int | float:
    figure = _read_figure(text, parse)
    number = figure.value if figure.value is not None else (figure.low if figure.low is not None else figure.high)
    if number is None:
        raise ReviewError(f"not a bound: {text!r}")
    return number


def _check(correction: Correction, kind: str) -> None:
    numbers = [n for n in (correction.value, correction.low, correction.high) if n is not None]
    if kind == "count" and any(n < 0 for n in numbers):
        raise ReviewError(f"a count cannot be negative ({', '.join(str(n) for n in numbers if n < 0)})")
    if correction.low is not None and correction.high is not None and correction.low > correction.high:
        raise ReviewError(f"lower bound {correction.low} above upper bound {correction.high}")


def apply_correction(quantity: Quantity, review: ReviewDecision) -> Quantity:
    """The figure as the review corrects it. A review with a qualifier replaces value, bounds and qualifier; an
    older one (value only) replaces the value and clears the bounds it falls outside."""
    unit = review.corrected_unit or quantity.unit
    if review.corrected_qualifier is not None:
        update: dict[str, object] = {
            "value": review.corrected_value,
            "low": review.corrected_low,
            "high": review.corrected_high,
            "qualifier": review.corrected_qualifier,
        }
    else:
        value, low, high = review.corrected_value, quantity.low, quantity.high
        update = {
            "value": value,
            "low": low if low is not None and value is not None and low <= value else None,
            "high": high if high is not None and value is not None and value <= high else None,
        }
    return quantity.model_copy(update={**update, "unit": unit})
