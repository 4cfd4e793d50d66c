"""Check a facts file against its sources: every record must still be true to the exact bytes it came from.

Checks per record: it validates against FactRecord; its id is unique and matches its span; its source exists (else
the fact is an *orphan*); the source's sha256 is the recorded one (else the fact is *stale*); the quote is the decoded
text at the span and the number is where the quantity says; re-parsing the quote, as the pipeline read it (the
reading wing's `source_view`), gives the same figure. Also lists sources with no facts (re-parsed through the
parsing wing's public `parse_quantities`, segment by segment, to tell unprocessed sources from sources without
figures), and reviews that need re-review. Audit re-derives nothing itself: it reads through `extract.reading`
and parses through `extract.parsing`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path

from extract.checks.reviews import ReviewDecision, summarise
from extract.jsonl import read
from extract.models import FactRecord, Quantity
from extract.parsing import document_dollar, local_dollar, table_context
from extract.reading import IngestError, SourceView, discover, page_and_box, source_view

Parser = Callable[[str, Sequence[str]], list[Quantity]]  # a text and the texts read before it


class Problem(StrEnum):
    INVALID = "invalid"  # the line is not a valid FactRecord
    DUPLICATE_ID = "duplicate_id"
    ID_MISMATCH = "id_mismatch"  # id is not '<doc_id>:<start>-<end>'
    ORPHAN = "orphan"  # the source file is gone
    UNREADABLE = "unreadable"  # the source exists but cannot be decoded
    OUTSIDE = "outside"  # the record's source points outside the sources folder: not read
    STALE = "stale"  # the source's bytes changed
    QUOTE_MISMATCH = "quote_mismatch"  # text at span is not the quote (or the number is not where it says)
    REPARSE_MISMATCH = "reparse_mismatch"  # parsing the quote again gives a different figure
    LAYOUT_MISMATCH = "layout_mismatch"  # a PDF record's page or box is not where its quote is on the page
    UNPROCESSED = "unprocessed"  # a source in the folder with no facts, although the pipeline finds some
    REVIEW_NEEDED = "review_needed"  # a review whose fact changed or disappeared
    INVALID_REVIEW = "invalid_review"


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    message: str
    fact_id: str | None = None
    source: str | None = None


@dataclass(slots=True)
class AuditReport:
    facts: int = 0
    sources_checked: int = 0
    sources_without_figures: int = 0  # sources with no facts because the pipeline finds none: not a problem
    reviews: int = 0
    findings: list[Finding] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.findings

    def of(self, problem: Problem) -> list[Finding]:
        return [f for f in self.findings if f.problem == problem]

    def as_json(self) -> str:
        counts = Counter(f.problem.value for f in self.findings)
        return json.dumps(
            {
                "clean": self.clean,
                "facts": self.facts,
                "sources_checked": self.sources_checked,
                "sources_without_figures": self.sources_without_figures,
                "reviews": self.reviews,
                "counts": dict(sorted(counts.items())),
                "findings": [asdict(f) for f in self.findings],
            },
            indent=2,
        )

    def summary(self) -> str:
        head = f"{self.facts} facts, {self.sources_checked} sources, {self.reviews} reviews checked"
        if self.sources_without_figures:
            head += f" ({self.sources_without_figures} more sources have no figures)"
        if self.clean:
            return f"{head}: clean"
        lines = [f"{head}: {len(self.findings)} findings"]
        for problem in Problem:
            found = self.of(problem)
            if found:
                lines.append(f"\n{problem.value} ({len(found)})")
                lines.extend(f"  {f.message}" for f in found)
        return "\n".join(lines)


def reparse_problem(record: FactRecord, parse: Parser, view: SourceView, dollar: str | None = None) -> str | None:
    """None when re-parsing, as the pipeline read it, gives the record's figure; else what differs. The whole read
    segment holding the number is parsed, after the table lines before it ("approximately 8,419 women, 8,419 men":
    the qualifier is the sentence's; a cell's scale is its table header's), and the figure at the number compared;
    `dollar`: what a bare "$" means in the document (`document_dollar` of its read text), as the run gave it."""
    found = view.segment_at(record.quantity.number_start)
    if found is None:
        return "re-parsing the quote finds no figure at the number"
    index, text, sources = found
    start, end = record.quantity.number_start, record.quantity.number_end
    context = table_context(view.reported_before(index), text)
    candidates = [
        q
        for q in parse(text, context)
        if q.number_end > 0 and sources[q.number_start] < end and sources[q.number_end - 1] >= start
    ]
    if not candidates:
        return "re-parsing the quote finds no figure at the number"
    expected = _figure(record.quantity)
    got = _figure(local_dollar(candidates[0], text, dollar))
    if got != expected:
        return f"re-parsing gives {_show(got)}, record has {_show(expected)}"
    return None


def _figure(q: Quantity) -> tuple[object, ...]:
    return (q.value, q.low, q.high, q.qualifier.value, q.kind.value, q.unit)


def _show(figure: tuple[object, ...]) -> str:
    names = ("value", "low", "high", "qualifier", "kind", "unit")
    return ", ".join(f"{n}={v}" for n, v in zip(names, figure, strict=True))


def resolve_source(source: str, sources: Path | None, root: Path, doc_id: str | None = None) -> Path | None:
    """record.source is relative to the working folder; with a sources folder, the file is looked up there: at its
    doc_id's path when the record has one and that file exists (`run` names a document by its path below the folder
    it read, so "docs/a" is "docs/a.txt" there, as in a folder of sub-folders), else by its file name.
    None when the record points outside that folder (an absolute path, "../../etc/passwd"): whatever a facts file
    says, only files inside the folder are read."""
    if sources is not None:
        name = Path(source).name
        if doc_id and Path(name).stem == Path(doc_id).name:
            below = _inside(sources, f"{doc_id}{Path(name).suffix}")
            if below is not None and below.is_file():
                return below
        return _inside(sources, name)
    return _inside(root, source)


def _inside(folder: Path, relative: str) -> Path | None:
    """folder / relative, or None when `relative` is absolute or climbs out of the folder."""
    if not relative or Path(relative).is_absolute() or Path(relative).drive:
        return None
    normal = os.path.normpath(relative)
    if normal == os.curdir or normal == os.pardir or normal.startswith(os.pardir + os.sep):
        return None
    return folder / normal


def read_fact_lines(path: Path) -> tuple[list[FactRecord], list[Finding]]:
    records, bad = read(path, FactRecord)
    findings = [Finding(Problem.INVALID, f"{path}:{line.line}: not a valid fact ({line.message})") for line in bad]
    return records, findings


def audit(
    facts_path: Path,
    *,
    sources: Path | None = None,
    root: Path | None = None,
    reviews: Sequence[ReviewDecision] = (),
    review_errors: Sequence[str] = (),
    parse: Parser | None = None,
) -> AuditReport:
    """Audit `facts_path`. `parse` defaults to `extract.parsing.parse_quantities` (the model is loaded on first
    use)."""
    if parse is None:
        from extract.parsing import parse_quantities

        def parse(text: str, context: Sequence[str]) -> list[Quantity]:
            return parse_quantities(text, context=context)

    parse = _remembered(parse)  # the facts of one segment share its parse
    root = root or Path.cwd()
    records, findings = read_fact_lines(facts_path)
    report = AuditReport(facts=len(records) + len(findings), reviews=len(reviews))
    report.findings.extend(findings)
    for fact_id, count in sorted(Counter(r.id for r in records).items()):
        if count > 1:
            report.findings.append(Finding(Problem.DUPLICATE_ID, f"{fact_id}: id used {count} times", fact_id))
    documents: dict[Path, SourceView | IngestError | None] = {}
    dollars: dict[Path, str | None] = {}  # per document, what its bare "$" means
    for record in records:
        path = resolve_source(record.source, sources, root, record.doc_id)
        if path is None:
            message = f"{record.id}: source {record.source!r} is outside the sources folder; not read"
            report.findings.append(Finding(Problem.OUTSIDE, message, record.id, record.source))
            continue
        if path not in documents:
            documents[path] = view = _read(path)
            dollars[path] = _dollar(view)
        report.findings.extend(_check_record(record, path, documents[path], parse, dollars[path]))
    report.sources_checked = len(documents)
    for path in _without_facts(sources, set(documents)):
        shown = path.relative_to(root) if path.is_relative_to(root) else path
        document = _read(path)
        if isinstance(document, IngestError):
            report.findings.append(Finding(Problem.UNREADABLE, f"{shown}: {document.reason}", source=str(shown)))
        elif document is not None and (missing := sum(len(parse(text, ())) for text in document.reported_texts())):
            message = f"{shown}: no facts in the file, but the pipeline finds {missing} (never processed?)"
            report.findings.append(Finding(Problem.UNPROCESSED, message, source=str(shown)))
        else:
            report.sources_without_figures += 1
    report.findings.extend(Finding(Problem.INVALID_REVIEW, message) for message in review_errors)
    for review, why in summarise(records, reviews).needing_rereview:
        message = f"{review.fact_id}: {review.decision.value} by {review.reviewer} at {review.at:%Y-%m-%d}: {why}"
        report.findings.append(Finding(Problem.REVIEW_NEEDED, message, review.fact_id))
    return report


def _remembered(parse: Parser) -> Parser:
    seen: dict[tuple[str, tuple[str, ...]], list[Quantity]] = {}

    def remembered(text: str, context: Sequence[str]) -> list[Quantity]:
        key = (text, tuple(context))
        if key not in seen:
            seen[key] = parse(text, context)
        return seen[key]

    return remembered


def _dollar(view: SourceView | IngestError | None) -> str | None:
    if not isinstance(view, SourceView):
        return None
    return document_dollar("\n".join(segment.text for segment in view.segments))


def _read(path: Path) -> SourceView | IngestError | None:
    if not path.is_file():
        return None
    try:
        return source_view(path)
    except IngestError as error:
        return error


def _check_record(
    record: FactRecord,
    path: Path,
    view: SourceView | IngestError | None,
    parse: Parser,
    dollar: str | None = None,
) -> list[Finding]:
    def finding(problem: Problem, message: str) -> Finding:
        return Finding(problem, f"{record.id}: {message}", record.id, record.source)

    found: list[Finding] = []
    span, q = record.span, record.quantity
    if record.id != f"{record.doc_id}:{span.start}-{span.end}":
        found.append(finding(Problem.ID_MISMATCH, f"id does not match doc_id and span {span.start}-{span.end}"))
    if view is None:
        return [*found, finding(Problem.ORPHAN, f"source {path} is gone")]
    if isinstance(view, IngestError):
        return [*found, finding(Problem.UNREADABLE, f"source unreadable: {view.reason}")]
    document = view.source
    if document.sha256 != record.source_sha256:
        return [*found, finding(Problem.STALE, f"source {path} changed since extraction (sha256 differs)")]
    text = document.text
    if text[span.start : span.end] != record.quote:
        found.append(finding(Problem.QUOTE_MISMATCH, f"text at {span.start}-{span.end} is not the quote"))
        return found
    if document.layout is not None:
        page, box = page_and_box(document.layout, span.start, span.end)
        if (record.page, record.bbox) != (page, box):
            where = f"page/bbox {record.page} {record.bbox}, the PDF has {page} {box}"
            found.append(finding(Problem.LAYOUT_MISMATCH, where))
    elif record.page is not None or record.bbox is not None:
        found.append(finding(Problem.LAYOUT_MISMATCH, "page/bbox on a record whose source is not a PDF"))
    inside = span.start <= q.number_start <= q.number_end <= span.end
    # the number as the pipeline read it: in a page, "2,4&#48;0" is "2,400"; in any source, a line break is a space
    written = view.read_text(q.number_start, q.number_end)[0]
    if not inside or written != q.number:
        found.append(finding(Problem.QUOTE_MISMATCH, f"number {q.number!r} is not at {q.number_start}-{q.number_end}"))
        return found
    problem = reparse_problem(record, parse, view, dollar)
    if problem:
        found.append(finding(Problem.REPARSE_MISMATCH, problem))
    return found


def _without_facts(sources: Path | None, seen: set[Path]) -> list[Path]:
    """Documents in the sources folder (or the folders the facts come from) that have no facts in the file: those
    that no record resolved to (compared by path, so that "a/report.pdf" and "b/report.pdf" are two documents)."""
    folders = {sources} if sources is not None else {path.parent for path in seen if path.parent.is_dir()}
    known = {os.path.realpath(path) for path in seen}
    return [path for folder in sorted(folders) for path in discover(folder) if os.path.realpath(path) not in known]
