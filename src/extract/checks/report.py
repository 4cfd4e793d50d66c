"""One self-contained HTML review page: documents with figures highlighted, a fact table, disagreeing facts."""

from __future__ import annotations

import base64
import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.checks.audit import resolve_source
from extract.checks.reviews import ReviewDecision, ReviewSummary
from extract.jsonl import atomic_writer
from extract.models import FactRecord
from extract.reading import IngestError, PdfError, load, render_region_png

NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL", "DATE", "TIME"})
_LEADING = re.compile(r"^(the|a|an|of|some|about|around|over|more than|nearly|almost)\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of document text: plain, inside a figure (fact_id), and/or inside a named entity (label)."""

    text: str
    fact_id: str | None = None
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Region:
    """A PDF figure on an image of its page region (a PNG as a data: URI, so the page stays self-contained)."""

    fact_id: str
    page: int
    quote: str
    uri: str


@dataclass(slots=True)
class DocumentView:
    doc_id: str
    source: str
    pieces: list[Piece] = field(default_factory=list)
    warning: str | None = None
    regions: list[Region] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Disagreement:
    indicator: str
    kind: str
    fact_ids: list[str]


def pieces(text: str, facts: Sequence[FactRecord]) -> list[Piece]:
    """Cut `text` at every figure and entity boundary; each piece knows the figure and entity covering it."""
    figures = sorted((f.span.start, f.span.end, f.id) for f in facts)
    entities = sorted(
        {(e.span.start, e.span.end, e.label) for f in facts for e in f.entities if e.label not in NUMERIC_LABELS}
    )
    boundaries = {0, len(text)}
    for begin, finish, _ in [*figures, *entities]:
        boundaries.update((begin, finish))
    cuts = sorted(boundaries)
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    out: list[Piece] = []
    for start, end in itertools.pairwise(cuts):
        if start == end:
            continue
        fact_id = next((i for s, e, i in figures if s <= start and end <= e), None)
        label = next((lab for s, e, lab in entities if s <= start and end <= e), None)
        out.append(Piece(text[start:end], fact_id, label))
    return out


def indicator_key(fact: FactRecord) -> str:
    """What the figure counts, normalised: lower case, single spaces, no leading article, crude singular."""
    phrase = " ".join((fact.subject or fact.quantity.unit or "").lower().split())
    phrase = _LEADING.sub("", phrase)
    words = phrase.split(" ")
    last = words[-1]
    if len(last) > 3 and last.endswith("s") and not last.endswith("ss"):
        words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return " ".join(words)


def _figure(fact: FactRecord) -> tuple[object, ...]:
    q = fact.quantity
    return (q.value, q.low, q.high)


def disagreements(facts: Sequence[FactRecord]) -> list[Disagreement]:
    """Facts on one indicator (normalised subject/unit and kind), in one report or several, whose figures differ."""
    groups: dict[tuple[str, str], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        key = indicator_key(fact)
        if key:
            groups[(key, fact.quantity.kind.value)].append(fact)
    return [
        Disagreement(key, kind, [f.id for f in members])
        for (key, kind), members in sorted(groups.items())
        if len({_figure(f) for f in members}) > 1
    ]


def document_views(facts: Sequence[FactRecord], sources: Path | None, root: Path) -> list[DocumentView]:
    by_doc: dict[str, list[FactRecord]] = defaultdict(list)
    for fact in facts:
        by_doc[fact.doc_id].append(fact)
    views = []
    for doc_id, members in sorted(by_doc.items()):
        view = DocumentView(doc_id, members[0].source)
        path = resolve_source(members[0].source, sources, root)
        if path is None:
            view.warning = "source outside the sources folder: not shown; figures listed in the table only"
            views.append(view)
            continue
        try:
            document = load(path)
        except IngestError as error:
            view.warning = f"source unavailable ({error.reason}); figures listed in the table only"
        else:
            if document.sha256 != members[0].source_sha256:
                view.warning = "source changed since extraction: shown without highlights (run `extract audit`)"
                view.pieces = [Piece(document.text)]
            else:
                view.pieces = pieces(document.text, members)
                view.regions, view.warning = page_regions(path, members)
        views.append(view)
    return views


def page_regions(path: Path, facts: Sequence[FactRecord]) -> tuple[list[Region], str | None]:
    """Each PDF fact's page region as a PNG data: URI; the warning when a page cannot be drawn."""
    regions: list[Region] = []
    for fact in facts:
        if fact.page is None or fact.bbox is None:
            continue
        try:
            png = render_region_png(path, fact.page, tuple(fact.bbox))
        except PdfError as error:
            return regions, f"page images unavailable ({error.reason})"
        uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
        regions.append(Region(fact.id, fact.page, fact.quote, uri))
    return regions, None


def fact_data(fact: FactRecord, reviews: ReviewSummary) -> dict[str, object]:
    review = reviews.state(fact.id)
    data = fact.model_dump(mode="json", exclude={"entities", "sentence"})
    data["sentence"] = fact.sentence
    data["review"] = review.state.value
    data["corrected_value"] = review.corrected_value
    data["review_note"] = review.latest.note if review.latest else None
    data["reviewer"] = review.latest.reviewer if review.latest else None
    return data


def render(
    facts: Sequence[FactRecord], reviews: ReviewSummary, *, sources: Path | None = None, root: Path | None = None
) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("extract.checks", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    ordered = sorted(facts, key=lambda f: (f.doc_id, f.span.start))
    rereview: list[tuple[ReviewDecision, str]] = reviews.needing_rereview
    return environment.get_template("report.html.j2").render(
        documents=document_views(ordered, sources, root or Path.cwd()),
        facts=ordered,
        data={fact.id: fact_data(fact, reviews) for fact in ordered},
        reviews=reviews,
        disagreements=disagreements(ordered),
        rereview=rereview,
        topics=sorted({t for f in ordered for t in f.topics}),
        kinds=sorted({f.quantity.kind.value for f in ordered}),
        qualifiers=sorted({f.quantity.qualifier.value for f in ordered}),
        states=sorted({reviews.state(f.id).state.value for f in ordered}),
    )


def write_report(out: Path, html: str) -> None:
    with atomic_writer(out) as handle:
        handle.write(html)
