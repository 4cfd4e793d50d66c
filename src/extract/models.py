"""Pydantic models: the single source of truth for every record the tool reads or writes.

`schemas/*.json` are generated from these models (`extract schemas`); a test fails when they drift.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator


class Qualifier(StrEnum):
    """How the reported figure relates to the true amount."""

    EXACT = "exact"
    APPROXIMATE = "approximate"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"
    RANGE = "range"
    VAGUE = "vague"


class Kind(StrEnum):
    """What sort of amount the figure is."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    RATIO = "ratio"
    MONEY = "money"
    DURATION = "duration"
    MEASURE = "measure"
    OTHER = "other"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Quantity(_Strict):
    """A parsed figure. Offsets index the text it was read from; in a FactRecord, the source text."""

    number: str = Field(description="The number's own surface, e.g. '3,000', 'a thousand', 'Tens of thousands'.")
    value: int | float | None = Field(description="The number itself; null for vague amounts and ranges.")
    low: int | float | None = Field(
        description="Lower bound implied by the qualifier (inclusive unless the qualifier is more_than)."
    )
    high: int | float | None = Field(
        description="Upper bound implied by the qualifier (inclusive unless the qualifier is less_than)."
    )
    qualifier: Qualifier
    kind: Kind
    unit: str | None = Field(description="What is counted or measured: 'people', 'home visits', 'CHF', 'km', 'years'.")
    start: int = Field(ge=0, description="Start offset of the whole figure phrase (qualifier, number, unit).")
    end: int = Field(ge=0, description="End offset (exclusive) of the whole figure phrase.")
    number_start: int = Field(ge=0, description="Start offset of the number's own surface.")
    number_end: int = Field(ge=0, description="End offset (exclusive) of the number's own surface.")

    def reading(self) -> dict[str, Any]:
        """What the figure says, as flat fields (value, low, high, qualifier, kind, unit): a table row or a page."""
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "kind": self.kind.value,
            "unit": self.unit,
        }


class Span(_Strict):
    start: int = Field(ge=0, description="Offset of the first character in the source text (Python str index).")
    end: int = Field(ge=0, description="Offset one past the last character in the source text.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError("span end before start")
        return self


class Entity(_Strict):
    text: str = Field(description="Entity text as it appears in the source.")
    label: str = Field(description="spaCy label (ORG, GPE, LOC, PERSON, ...).")
    span: Span = Field(description="Where the entity is in the source text.")
    long_form: str | None = Field(default=None, description="For an acronym, the long form defined in the document.")


class Period(_Strict):
    text: str = Field(description="The phrase the period was read from, e.g. 'first half of 2024'.")
    start: dt.date | None = Field(description="First day of the period, when it can be resolved.")
    end: dt.date | None = Field(description="Last day of the period, when it can be resolved.")
    origin: str = Field(description="'sentence' when the sentence states it, 'document' when taken from the document.")


class Anchor(_Strict):
    """Where a figure is, said so that it can be found again after the source is edited (W3C Web Annotation's
    TextQuoteSelector, with a TextPositionSelector as a hint). Prefix and suffix are read text: the segments the
    pipeline read, joined by a newline, so markup and spacing changes elsewhere do not move them."""

    exact: str = Field(description="The figure phrase as read (an HTML quote without its tags and references).")
    prefix: str = Field(description="Up to 32 characters of read text just before it.")
    suffix: str = Field(description="Up to 32 characters of read text just after it.")
    start: int = Field(ge=0, description="Position hint: the span's start in the source text.")


class FactRecord(_Strict):
    """One reported figure, tied to the exact characters of the source it came from."""

    id: str = Field(description="Stable id: '<doc_id>:<start>-<end>'; depends only on the document and the place.")
    doc_id: str = Field(description="The document's file name without extension.")
    source: str = Field(description="Path of the source file, relative to the repository (or to the run's root).")
    source_sha256: str = Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the source file's bytes.")
    encoding: str = Field(description="Encoding the source bytes were decoded with.")
    span: Span = Field(description="Span of the figure phrase in the decoded source text.")
    quote: str = Field(description="Exactly the decoded source text at `span`.")
    quantity: Quantity = Field(description="The parsed figure; its offsets index the source text.")
    subject: str | None = Field(description="The noun phrase counted, from the dependency parse.")
    sentence: str = Field(description="The sentence the figure sits in (cleaned text).")
    section: str | None = Field(description="The heading the figure sits under, when there is one.")
    entities: list[Entity] = Field(description="Named entities of the sentence, with their source spans.")
    period: Period | None = Field(description="The time frame the figure refers to.")
    location: str | None = Field(description="The place the figure refers to: the sentence's, else the document's.")
    topics: list[str] = Field(description="Theme tags from src/extract/resources/topics.json.")
    anchor: Anchor = Field(description="Quote and context selectors that find the figure again after an edit.")
    page: int | None = Field(
        default=None, ge=1, description="PDF sources only: the 1-based page of the quote (absent for other formats)."
    )
    bbox: list[float] | None = Field(
        default=None,
        min_length=4,
        max_length=4,
        description="PDF sources only: [x0, top, x1, bottom] in PDF points, origin at the page's top-left, covering "
        "the quote's characters on `page`. A quote across a page break: its part on the first page.",
    )

    @model_serializer(mode="wrap")
    def _layout_only_for_pdfs(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        """`page` and `bbox` are written for PDF sources only, so other records keep their exact bytes."""
        data: dict[str, Any] = handler(self)
        for key in ("page", "bbox"):
            if data.get(key, 0) is None:
                del data[key]
        return data


class GoldSource(_Strict):
    kind: str = Field(description="Where the document comes from: 'seed', 'fixture', 'real', ...")
    file: str = Field(description="File name of the document the annotations refer to.")
    url: str | None = Field(default=None, description="For a real document: where it was published.")
    organisation: str | None = Field(default=None, description="For a real document: who published it.")
    date: str | None = Field(default=None, description="For a real document: its date (YYYY-MM-DD, YYYY-MM or YYYY).")
    genre: str | None = Field(default=None, description="For a real document: 'situation report', 'news article', ...")


class GoldFact(_Strict):
    quote: str = Field(description="Exact substring of the document holding qualifier, number and counted noun.")
    occurrence: int = Field(ge=1, description="1-based index of the quote among its occurrences in the text.")
    number: str = Field(description="The number's own surface inside the quote.")
    value: int | float | None
    low: int | float | None
    high: int | float | None
    qualifier: Qualifier
    kind: Kind
    unit: str | None


class GoldNonFact(_Strict):
    quote: str
    occurrence: int = Field(ge=1)
    why: str


class GoldEntity(_Strict):
    text: str
    label: str


class GoldFile(_Strict):
    """Expected facts for one document (see docs/GOLD_FORMAT.md)."""

    doc_id: str
    source: GoldSource
    text_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    facts: list[GoldFact]
    non_facts: list[GoldNonFact] = Field(default_factory=list)
    entities: list[GoldEntity] = Field(default_factory=list)


SCHEMA_MODELS: dict[str, type[BaseModel]] = {"fact": FactRecord, "gold": GoldFile}
