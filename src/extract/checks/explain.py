"""What the pipeline decided about every number of a document, and why: `extract explain FILE`.

Each number the figure scanner finds is a figure (with its value, qualifier and unit), a rejected number (with the
reason and the rule that set it aside), or a number in a boilerplate segment ("dropped: <segment reason>"), at its
place in the source (offsets and line). Reads the document through `extract.reading` and parses it through
`extract.parsing`, as the pipeline does; segments are parsed whole (the pipeline cuts ones over 100,000 characters).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from extract.config import RunConfig
from extract.parsing import REJECTED_KEY, SPAN_KEY, parse, quantity_of, shared_pipeline
from extract.reading import ReadDocument, SegmentKind, page_and_box, read

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from extract.reading import Segment

FIGURE = "figure"
REJECTED = "rejected"
BOILERPLATE = "boilerplate"
_SEGMENT = "boilerplate-segment"


@dataclass(frozen=True, slots=True)
class Decision:
    """One number of a document and what became of it. Offsets are source offsets (`text` is the source there)."""

    start: int
    end: int
    line: int
    text: str
    decision: str  # figure, rejected, boilerplate
    reason: str | None = None
    rule: str | None = None
    value: float | int | None = None
    qualifier: str | None = None
    unit: str | None = None
    kind: str | None = None
    page: int | None = None  # a PDF's 1-based page of the number (None for other formats)


def explain(path: Path, config: RunConfig | None = None) -> list[Decision]:
    """Every number of the document at `path`, in source order, with its decision."""
    document = read(path)
    nlp = shared_pipeline(config)
    texts = ((segment.text, segment) for segment in document.text.segments)
    parsed = parse(nlp, texts, selective=False)  # every number's decision, those in sentences without figures too
    decisions = [d for doc, segment in parsed for d in _segment_decisions(document, segment, doc)]
    return sorted(decisions, key=lambda d: (d.start, d.end))


def _segment_decisions(document: ReadDocument, segment: Segment, doc: Doc) -> list[Decision]:
    lines = _line_starts(document.source.text)
    boilerplate = segment.kind is SegmentKind.BOILERPLATE
    out: list[Decision] = []
    for span in doc.spans[SPAN_KEY]:
        quantity = quantity_of(span)
        start, end = segment.mapped.source_span(quantity.number_start, quantity.number_end)
        common = _place(document, lines, start, end)
        if boilerplate:
            out.append(Decision(**common, decision=BOILERPLATE, reason=f"dropped: {segment.reason}", rule=_SEGMENT))
            continue
        out.append(
            Decision(
                **common,
                decision=FIGURE,
                value=quantity.value,
                qualifier=quantity.qualifier.value,
                unit=quantity.unit,
                kind=quantity.kind.value,
            )
        )
    for span in doc.spans[REJECTED_KEY]:
        start, end = segment.mapped.source_span(span.start_char, span.end_char)
        common = _place(document, lines, start, end)
        rejection = span._.rejection
        if boilerplate:
            out.append(Decision(**common, decision=BOILERPLATE, reason=f"dropped: {segment.reason}", rule=_SEGMENT))
        else:
            out.append(Decision(**common, decision=REJECTED, reason=rejection["reason"], rule=rejection["rule"]))
    return out


def _place(document: ReadDocument, lines: Sequence[int], start: int, end: int) -> dict[str, Any]:
    layout = document.source.layout
    page = page_and_box(layout, start, end)[0] if layout is not None else None
    text = document.source.text[start:end]
    return {"start": start, "end": end, "line": bisect_right(lines, start), "text": text, "page": page}


@lru_cache(maxsize=4)  # asked once per segment: a long PDF has thousands
def _line_starts(text: str) -> tuple[int, ...]:
    return (0, *(i + 1 for i, c in enumerate(text) if c == "\n"))


def render_text(decisions: list[Decision]) -> str:
    """One line per number: line:start-end (a PDF's prefixed with its page, "p3 "), the number, the decision and
    its details."""
    rows = []
    for d in decisions:
        where = f"{d.line}:{d.start}-{d.end}" if d.page is None else f"p{d.page} {d.line}:{d.start}-{d.end}"
        shown = d.text.replace("\n", " ")
        if d.decision == FIGURE:
            unit = f" unit={d.unit}" if d.unit else ""
            detail = f"value={d.value} qualifier={d.qualifier} kind={d.kind}{unit}"
        else:
            detail = f"{d.reason} [{d.rule}]" if d.rule else f"{d.reason}"
        rows.append(f"{where:<16} {shown!r:<20} {d.decision:<11} {detail}")
    return "\n".join(rows)


def render_json(decisions: list[Decision]) -> str:
    return json.dumps([asdict(d) for d in decisions], ensure_ascii=False, indent=1)
