"""`extract audit`: each planted fault is caught; the committed outputs audit clean."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.checks.audit import Problem, audit
from extract.checks.reviews import Decision, make_decision
from extract.models import FactRecord

from .conftest import ROOT

FIRST_DOC = "seeds/000_362a282f5771ddaf.txt"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def work(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "outputs").mkdir()
    shutil.copy(ROOT / "outputs" / "facts.jsonl", tmp_path / "outputs" / "facts.jsonl")
    return tmp_path


def lines(work: Path) -> list[dict]:
    return [json.loads(line) for line in (work / "outputs/facts.jsonl").read_text("utf-8").splitlines()]


def save(work: Path, records: list[dict]) -> None:
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (work / "outputs/facts.jsonl").write_text(text, "utf-8")


def problems(work: Path, **kwargs) -> dict[Problem, set[str | None]]:
    report = audit(work / "outputs/facts.jsonl", root=work, **kwargs)
    found: dict[Problem, set[str | None]] = {}
    for finding in report.findings:
        found.setdefault(finding.problem, set()).add(finding.fact_id)
    return found


def test_committed_outputs_audit_clean() -> None:
    report = audit(ROOT / "outputs/facts.jsonl", root=ROOT)
    assert report.findings == []
    assert report.facts > 0 and report.sources_checked == 2


def test_untouched_copy_is_clean_with_and_without_sources_folder(work: Path) -> None:
    assert problems(work) == {}
    assert problems(work, sources=work / "seeds") == {}


def test_edited_source_makes_its_facts_stale(work: Path) -> None:
    path = work / FIRST_DOC
    path.write_text(path.read_text("utf-8").replace("ICRC", "ICRC "), "utf-8")
    stale_ids = {r["id"] for r in lines(work) if r["source"] == FIRST_DOC}
    assert problems(work) == {Problem.STALE: stale_ids}


def test_shifted_span_is_caught(work: Path) -> None:
    records = lines(work)
    record = records[1]
    record["span"] = {"start": record["span"]["start"] + 1, "end": record["span"]["end"] + 1}
    record["id"] = f"{record['doc_id']}:{record['span']['start']}-{record['span']['end']}"
    save(work, records)
    assert problems(work) == {Problem.QUOTE_MISMATCH: {record["id"]}}


def test_shifted_span_keeping_old_id_is_caught_twice(work: Path) -> None:
    records = lines(work)
    records[1]["span"] = {"start": records[1]["span"]["start"] - 2, "end": records[1]["span"]["end"] - 2}
    save(work, records)
    assert problems(work) == {Problem.QUOTE_MISMATCH: {records[1]["id"]}, Problem.ID_MISMATCH: {records[1]["id"]}}


@pytest.mark.parametrize(
    ("field", "new"), [("value", 358), ("qualifier", "exact"), ("low", 300), ("unit", "visits"), ("kind", "measure")]
)
def test_changed_figure_is_caught_by_reparsing(work: Path, field: str, new: object) -> None:
    records = lines(work)
    record = next(r for r in records if r["quote"] == "around 357 home visits")
    record["quantity"][field] = new
    save(work, records)
    assert problems(work) == {Problem.REPARSE_MISMATCH: {record["id"]}}


def test_statistics_block_quote_is_reparsed_after_whitespace_normalising(work: Path) -> None:
    records = lines(work)
    record = next(r for r in records if "\n\n" in r["quote"] and r["quantity"]["value"] is not None)
    record["quantity"]["value"] += 1
    save(work, records)
    assert problems(work) == {Problem.REPARSE_MISMATCH: {record["id"]}}


def test_deleted_source_makes_orphans(work: Path) -> None:
    (work / FIRST_DOC).unlink()
    orphan_ids = {r["id"] for r in lines(work) if r["source"] == FIRST_DOC}
    assert problems(work) == {Problem.ORPHAN: orphan_ids}


def test_duplicate_id_is_caught(work: Path) -> None:
    records = lines(work)
    save(work, [*records, records[0]])
    assert problems(work) == {Problem.DUPLICATE_ID: {records[0]["id"]}}


def test_invalid_record_is_caught(work: Path) -> None:
    records = lines(work)
    records[0]["source_sha256"] = "not-a-hash"
    save(work, records)
    assert problems(work) == {Problem.INVALID: {None}}


def test_unprocessed_source_is_listed(work: Path) -> None:
    (work / "seeds" / "new_report.txt").write_text("In 2024, 500 people were helped.", "utf-8")
    report = audit(work / "outputs/facts.jsonl", root=work)
    assert [(f.problem, f.source) for f in report.findings] == [(Problem.UNPROCESSED, "seeds/new_report.txt")]
    assert "pipeline finds 1" in report.findings[0].message


def test_source_without_figures_is_not_a_finding(work: Path) -> None:
    (work / "seeds" / "statement.txt").write_text("The ICRC calls on all parties to respect the law.", "utf-8")
    report = audit(work / "outputs/facts.jsonl", root=work)
    assert report.clean, report.summary()
    assert report.sources_without_figures == 1
    assert "1 more sources have no figures" in report.summary()


def test_unreadable_source_without_facts_is_named(work: Path) -> None:
    (work / "seeds" / "empty.txt").write_bytes(b"")
    report = audit(work / "outputs/facts.jsonl", root=work)
    assert [(f.problem, f.source) for f in report.findings] == [(Problem.UNREADABLE, "seeds/empty.txt")]


def test_review_of_changed_or_vanished_fact_needs_rereview(work: Path) -> None:
    records = [FactRecord.model_validate(r) for r in lines(work)]
    kept = make_decision(records[0], Decision.ACCEPT, reviewer="ann")
    changed = make_decision(records[1], Decision.ACCEPT, reviewer="ann")
    changed = changed.model_copy(update={"value": 1})
    gone = make_decision(records[2], Decision.REJECT, reviewer="ann").model_copy(update={"fact_id": "x:1-2"})
    found = problems(work, reviews=[kept, changed, gone])
    assert found == {Problem.REVIEW_NEEDED: {records[1].id, "x:1-2"}}


def test_the_source_view_reads_a_quote_as_the_pipeline_did(tmp_path: Path) -> None:
    from extract.reading import source_view

    path = tmp_path / "r.txt"
    path.write_text("Intro.\n\n4,000\n\nmissing  persons registered\n", "utf-8")
    view = source_view(path)
    start = view.source.text.index("4,000")
    text, origin = view.read_text(start, start + len("4,000\n\nmissing  persons"))
    assert text == "4,000 missing persons"
    assert [origin[i] for i in (0, 5, 6, 14)] == [0, 5, 7, 16]


@pytest.mark.slow
def test_cli_exit_codes_and_json(work: Path) -> None:
    clean = run_cli("audit", "--json", cwd=work)
    assert clean.returncode == 0, clean.stderr
    assert json.loads(clean.stdout)["clean"] is True
    (work / FIRST_DOC).unlink()
    found = run_cli("audit", cwd=work)
    assert found.returncode == 1
    assert "orphan" in found.stdout and "is gone" in found.stdout
    assert run_cli("audit", "--facts", "missing.jsonl", cwd=work).returncode == 2
    assert run_cli("audit", "--sources", "nowhere", cwd=work).returncode == 2


@pytest.mark.parametrize("folder", ["docs", "html"])
def test_fixture_facts_audit_clean(extractor, tmp_path: Path, folder: str) -> None:
    """Every fact of the fixture reports, text and HTML, re-parses to itself: a page's quote is read through the
    markup as the pipeline read it ("Detainees visited</td><td>1,020,088", "2,4&#48;0"), never as raw HTML."""
    from extract.run import run

    out = tmp_path / "facts.jsonl"
    result = run(ROOT / "tests/fixtures" / folder, out, extractor)
    assert not result.failures and result.facts > 30
    report = audit(out, root=ROOT)
    assert report.findings == []
