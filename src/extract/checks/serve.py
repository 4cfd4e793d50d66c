"""`extract serve`: a local review page. Documents as the pipeline read them, every figure highlighted; a fact list
with filters; accept, reject or correct each fact from the keyboard. Decisions go to reviews.jsonl at once, through
the same locked append-only writer as `extract review`.

The facts and the reviews are read again on every request, so a reload (or a second tab) shows what is on disk.
Source views are kept per file and sha256: reading an HTML page again costs more than the rest of a request.
"""

from __future__ import annotations

import bisect
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from extract.checks.audit import read_fact_lines, resolve_source
from extract.checks.report import disagreements
from extract.checks.reviews import (
    Correction,
    Decision,
    ReviewError,
    ReviewState,
    ReviewSummary,
    append_review,
    default_reviewer,
    load_reviews,
    make_decision,
    parse_correction,
    summarise,
)
from extract.models import FactRecord, Qualifier, Quantity
from extract.reading import IngestError, SegmentKind, SourceView, source_view

STATIC = Path(__file__).parent / "static"
TEMPLATES = Path(__file__).parent / "templates"
CORRECTION_FIELDS = ("figure", "qualifier", "unit", "low", "high")


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    fact_id: str | None = None


@dataclass(slots=True)
class Block:
    kind: str
    pieces: list[Piece]


@dataclass(slots=True)
class DocumentPage:
    doc_id: str
    source: str
    title: str | None
    blocks: list[Block] = field(default_factory=list)
    warning: str | None = None
    shown: dict[str, str] = field(default_factory=dict)  # fact id -> its figure as highlighted in the read text


@dataclass(slots=True)
class ReviewSettings:
    facts: Path
    reviews: Path
    sources: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    reviewer: str = field(default_factory=default_reviewer)
    parse: Callable[[str], list[Quantity]] | None = None  # the quantity parser (default: the project's own)


def highlight(text: str, sources: Sequence[int], facts: Sequence[FactRecord]) -> list[Piece]:
    """Cut a read segment (`text`, each character's source offset in `sources`) into runs of plain text and of
    figures: a character is part of the fact whose source span holds its offset."""
    spans = sorted((f.span.start, f.span.end, f.id) for f in facts)
    starts = [s for s, _, _ in spans]
    pieces: list[Piece] = []
    for char, offset in zip(text, sources, strict=True):
        at = bisect.bisect_right(starts, offset) - 1
        fact_id = spans[at][2] if at >= 0 and offset < spans[at][1] else None
        if pieces and pieces[-1].fact_id == fact_id:
            pieces[-1] = Piece(pieces[-1].text + char, fact_id)
        else:
            pieces.append(Piece(char, fact_id))
    return pieces


def document_page(view: SourceView, doc_id: str, facts: Sequence[FactRecord]) -> DocumentPage:
    page = DocumentPage(doc_id, facts[0].source, view.title)
    for segment in view.segments:
        if segment.kind is SegmentKind.BOILERPLATE:
            continue
        mapped = segment.mapped
        sources = [mapped.to_source(i) for i in range(mapped.length)]
        block = Block(segment.kind.value, highlight(mapped.text, sources, facts))
        for piece in block.pieces:
            if piece.fact_id:
                page.shown[piece.fact_id] = page.shown.get(piece.fact_id, "") + piece.text
        page.blocks.append(block)
    return page


class Views:
    """Source views by (path, sha256): a changed file is read again."""

    def __init__(self) -> None:
        self._views: dict[tuple[Path, str], SourceView] = {}

    def get(self, path: Path, sha256: str) -> SourceView | None:
        key = (path, sha256)
        if key not in self._views:
            view = source_view(path)
            if view.source.sha256 != sha256:
                return None
            self._views[key] = view
        return self._views[key]


def document_pages(facts: Sequence[FactRecord], settings: ReviewSettings, views: Views) -> list[DocumentPage]:
    by_doc: dict[str, list[FactRecord]] = defaultdict(list)
    for fact in facts:
        by_doc[fact.doc_id].append(fact)
    pages = []
    for doc_id, members in sorted(by_doc.items()):
        path = resolve_source(members[0].source, settings.sources, settings.root, doc_id)
        try:
            view = views.get(path, members[0].source_sha256) if path is not None else None
        except IngestError as error:
            pages.append(DocumentPage(doc_id, members[0].source, None, warning=f"source unavailable: {error}"))
            continue
        if view is None:
            why = "outside the sources folder" if path is None else "changed since extraction (run `extract audit`)"
            pages.append(DocumentPage(doc_id, members[0].source, None, warning=f"source {why}: not shown"))
            continue
        pages.append(document_page(view, doc_id, members))
    return pages


def fact_json(fact: FactRecord, summary: ReviewSummary) -> dict[str, Any]:
    q = fact.quantity
    review = summary.state(fact.id)
    latest = review.latest
    corrected = review.corrected_quantity(q)
    return {
        "id": fact.id,
        "doc_id": fact.doc_id,
        "quote": fact.quote,
        "sentence": fact.sentence,
        "subject": fact.subject,
        "page": fact.page,
        **q.reading(),
        "topics": fact.topics,
        "review": review.state.value,
        "corrected": corrected.model_dump(include={"value", "low", "high", "qualifier", "unit"}, mode="json")
        if corrected
        else None,
        "reviewer": latest.reviewer if latest else None,
        "note": latest.note if latest else None,
    }


class ReviewApp:
    """The state behind the routes: where the facts and reviews are, and the cached source views."""

    def __init__(self, settings: ReviewSettings) -> None:
        self.settings = settings
        self.views = Views()

    def load(self) -> tuple[list[FactRecord], ReviewSummary]:
        records, _ = read_fact_lines(self.settings.facts)
        records.sort(key=lambda f: (f.doc_id, f.span.start))
        decisions, _ = load_reviews(self.settings.reviews)
        return records, summarise(records, decisions)

    def decide(self, body: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Record one decision; (HTTP status, JSON answer)."""
        records, _ = self.load()
        fact = next((f for f in records if f.id == body.get("fact_id")), None)
        if fact is None:
            return 404, {"error": f"unknown fact id {body.get('fact_id')!r}"}
        try:
            decision = Decision(body.get("decision"))
        except ValueError:
            return 400, {"error": "decision must be accept, reject or correct"}
        note = _text(body.get("note"))
        try:
            correction = self._correction(body, fact) if decision == Decision.CORRECT else None
        except ReviewError as error:
            return 400, {"error": str(error)}
        review = make_decision(
            fact, decision, reviewer=_text(body.get("reviewer")) or self.settings.reviewer, correction=correction,
            note=note,
        )  # fmt: skip
        append_review(self.settings.reviews, review)
        records, summary = self.load()
        return 200, fact_json(next(f for f in records if f.id == fact.id), summary)

    def _correction(self, body: dict[str, Any], fact: FactRecord) -> Correction:
        texts = {name: _text(body.get(name)) for name in CORRECTION_FIELDS}
        return parse_correction(
            texts["figure"] or "", kind=fact.quantity.kind.value, qualifier=texts["qualifier"], unit=texts["unit"],
            low=texts["low"], high=texts["high"], parse=self.settings.parse,
        )  # fmt: skip


def _text(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str | int | float):
        raise ReviewError("fields are text")
    return str(value).strip() or None


def _same_origin(headers: Any) -> bool:
    """A browser's POST from another site carries its Origin: refuse it (the server binds to localhost, but any page
    the reviewer visits could otherwise post decisions to it)."""
    origin = headers.get("origin")
    return origin is None or urlsplit(origin).netloc == headers.get("host")


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def create_app(settings: ReviewSettings, hosts: Sequence[str] = LOCAL_HOSTS) -> Any:
    """The Starlette application for `settings`, answering requests addressed to `hosts` only (a page elsewhere
    whose name is made to resolve to 127.0.0.1 still names itself in the Host header: DNS rebinding)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse
    from starlette.routing import Mount, Route
    from starlette.staticfiles import StaticFiles
    from starlette.templating import Jinja2Templates

    state = ReviewApp(settings)
    templates = Jinja2Templates(directory=str(TEMPLATES))

    async def page(request: Request) -> HTMLResponse:
        records, summary = state.load()
        documents = document_pages(records, settings, state.views)
        shown = {fact_id: text for doc in documents for fact_id, text in doc.shown.items()}
        data = [{**fact_json(f, summary), "text": shown.get(f.id)} for f in records]
        by_id = {f.id: f for f in records}
        groups = [
            {"indicator": group.indicator, "kind": group.kind, "facts": [by_id[i] for i in group.fact_ids]}
            for group in disagreements(records)
        ]
        return templates.TemplateResponse(
            request,
            "serve.html.j2",
            {
                "documents": documents,
                "facts": data,
                "disagreements": groups,
                "states_by_id": {f.id: summary.state(f.id).state.value for f in records},
                "facts_path": str(settings.facts),
                "reviews_path": str(settings.reviews),
                "topics": sorted({t for f in records for t in f.topics}),
                "kinds": sorted({f.quantity.kind.value for f in records}),
                "states": [s.value for s in ReviewState],
                "qualifiers": [q.value for q in Qualifier],
            },
        )

    async def facts(request: Request) -> JSONResponse:
        records, summary = state.load()
        return JSONResponse([fact_json(f, summary) for f in records])

    async def reviews(request: Request) -> JSONResponse:
        if not _same_origin(request.headers):
            return JSONResponse({"error": "cross-origin request refused"}, status_code=403)
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            return JSONResponse({"error": "the body must be JSON"}, status_code=400)
        if not isinstance(body, dict):
            return JSONResponse({"error": "the body must be a JSON object"}, status_code=400)
        try:
            status, answer = state.decide(body)
        except ReviewError as error:
            status, answer = 400, {"error": str(error)}
        return JSONResponse(answer, status_code=status)

    return Starlette(
        routes=[
            Route("/", page),
            Route("/api/facts", facts),
            Route("/api/reviews", reviews, methods=["POST"]),
            Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static"),
        ],
        middleware=[Middleware(TrustedHostMiddleware, allowed_hosts=list(hosts))],
    )


def serve(settings: ReviewSettings, *, host: str = "127.0.0.1", port: int = 8765) -> None:
    import uvicorn

    # bound to every interface on purpose: any Host then; else the local names and the address bound to
    hosts = ["*"] if host in ("0.0.0.0", "::", "") else [*LOCAL_HOSTS, host]
    uvicorn.run(create_app(settings, hosts), host=host, port=port, log_level="warning")
