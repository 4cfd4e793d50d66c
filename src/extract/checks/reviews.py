"""Review decisions: a human accepts, rejects or corrects a fact. Kept forever in an append-only JSON Lines log.

Each decision snapshots the fact's quote and figure, so a review whose fact later changed (or vanished) is shown as
needing re-review instead of being silently applied to a different figure.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from extract.jsonl import read
from extract.models import FactRecord


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
    note: str | None = None
    reviewer: str = Field(min_length=1)
    at: dt.datetime = Field(description="When the decision was made (UTC).")
    quote: str = Field(description="Snapshot: the fact's quote at review time.")
    value: int | float | None = Field(description="Snapshot: the fact's value at review time.")
    low: int | float | None = Field(default=None, description="Snapshot: the fact's lower bound at review time.")
    high: int | float | None = Field(default=None, description="Snapshot: the fact's upper bound at review time.")

    @model_validator(mode="after")
    def _correction_has_value(self) -> ReviewDecision:
        if (self.decision == Decision.CORRECT) != (self.corrected_value is not None):
            raise ValueError("a corrected value is required for 'correct' and only for it")
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
    note: str | None = None,
    at: dt.datetime | None = None,
) -> ReviewDecision:
    return ReviewDecision(
        fact_id=fact.id,
        decision=decision,
        corrected_value=corrected_value,
        note=note,
        reviewer=reviewer,
        at=at or dt.datetime.now(dt.UTC).replace(microsecond=0),
        quote=fact.quote,
        value=fact.quantity.value,
        low=fact.quantity.low,
        high=fact.quantity.high,
    )


def default_reviewer() -> str:
    return os.environ.get("USER") or os.environ.get("USERNAME") or "unknown"


def append_review(path: Path, review: ReviewDecision) -> None:
    """Append one decision (one line, flushed and synced); earlier decisions are never rewritten."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8", newline="\n") as handle:
        handle.write(review.model_dump_json() + "\n")
        handle.flush()
        os.fsync(handle.fileno())


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
    by_id = {fact.id: fact for fact in facts}
    by_fact: dict[str, FactReview] = {}
    for fact_id, review in latest.items():
        fact = by_id.get(fact_id)
        if fact is None:
            continue
        if not review.matches(fact):
            state = ReviewState.NEEDS_REREVIEW
        else:
            state = _STATE_OF.get(review.decision, ReviewState.CORRECTED)
        by_fact[fact_id] = FactReview(state, review)
    orphans = [review for fact_id, review in sorted(latest.items()) if fact_id not in by_id]
    return ReviewSummary(by_fact, orphans)


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
