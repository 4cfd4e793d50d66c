"""One self-contained HTML review page: documents with figures highlighted, a fact table, disagreeing facts."""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from extract.checks.audit import resolve_source
from extract.checks.page_images import FigureView, PageImage, page_views
from extract.checks.reviews import ReviewDecision, ReviewSummary
from extract.jsonl import atomic_writer
from extract.models import FactRecord
from extract.reading import IngestError, PdfError, load

if TYPE_CHECKING:
    import inflect

NUMERIC_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL", "DATE", "TIME"})
_LEADING = re.compile(r"^(the|a|an|of|some|about|around|over|more than|nearly|almost)\s+")


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of document text: plain, inside a figure (fact_id), and/or inside a named entity (label)."""

    text: str
    fact_id: str | None = None
    label: str | None = None


@dataclass(slots=True)
class DocumentView:
    doc_id: str
    source: str
    pieces: list[Piece] = field(default_factory=list)
    warning: str | None = None
    images: list[PageImage] = field(default_factory=list)  # a PDF's pages, each embedded once
    regions: list[FigureView] = field(default_factory=list)  # each PDF figure on its page image


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
    """What the figure counts, normalised: lower case, single spaces, no leading article or qualifier, each word
    reduced to its singular (its lemma, for the nouns that name what is counted)."""
    phrase = " ".join((fact.subject or fact.quantity.unit or "").lower().split())
    phrase = _LEADING.sub("", phrase)
    return " ".join(_lemma(word) for word in phrase.split(" ")) if phrase else ""


@cache
def _inflect() -> inflect.engine:
    import inflect

    return inflect.engine()


@cache
def _lemma(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    singular = _inflect().singular_noun(word)
    return singular if isinstance(singular, str) and singular else word


def _figure(fact: FactRecord) -> tuple[object, ...]:
    q = fact.quantity
    return (q.value, q.low, q.high)


def _place(fact: FactRecord) -> str | None:
    return " ".join(fact.location.lower().split()) if fact.location else None


def _overlap(a: FactRecord, b: FactRecord) -> bool:
    """Whether both figures' periods are known and share at least one day."""
    if not (a.period and b.period and a.period.start and a.period.end and b.period.start and b.period.end):
        return False
    return a.period.start <= b.period.end and b.period.start <= a.period.end


def comparable(a: FactRecord, b: FactRecord) -> bool:
    """Whether two figures measure the same thing: the same counted noun (normalised), the same unit and kind,
    the same place, overlapping periods. Unknown place or period: not comparable."""
    same_measure = (a.quantity.kind, a.quantity.unit) == (b.quantity.kind, b.quantity.unit)
    place = _place(a)
    return (
        same_measure and indicator_key(a) == indicator_key(b) and place is not None and place == _place(b)
    ) and _overlap(a, b)


def disagreements(facts: Sequence[FactRecord]) -> list[Disagreement]:
    """Groups of figures that measure the same thing (see `comparable`), in one report or several, and differ.
    Each group holds the facts comparable with its first one, in document order."""
    groups: dict[tuple[str, str, str, str | None], list[FactRecord]] = defaultdict(list)
    for fact in facts:
        key, place = indicator_key(fact), _place(fact)
        if key and place and fact.period and fact.period.start and fact.period.end:
            groups[(key, fact.quantity.kind.value, place, fact.quantity.unit)].append(fact)
    found: list[Disagreement] = []
    for (key, kind, _, _), members in sorted(groups.items(), key=lambda item: tuple(str(k) for k in item[0])):
        ordered = sorted(members, key=lambda f: (f.doc_id, f.span.start))
        while ordered:
            first = ordered[0]
            together = [f for f in ordered if f is first or comparable(first, f)]
            ordered = [f for f in ordered if not any(f is g for g in together)]
            if len({_figure(f) for f in together}) > 1:
                found.append(Disagreement(key, kind, [f.id for f in together]))
    return found


def document_views(facts: Sequence[FactRecord], sources: Path | None, root: Path) -> list[DocumentView]:
    by_doc: dict[str, list[FactRecord]] = defaultdict(list)
    for fact in facts:
        by_doc[fact.doc_id].append(fact)
    views = []
    for number, (doc_id, members) in enumerate(sorted(by_doc.items())):
        view = DocumentView(doc_id, members[0].source)
        path = resolve_source(members[0].source, sources, root, doc_id)
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
                try:
                    view.images, view.regions = page_views(path, members, f"page-d{number}")
                except PdfError as error:
                    view.warning = f"page images unavailable ({error.reason})"
        views.append(view)
    return views


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
