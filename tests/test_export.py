"""`extract export`: flat CSV, HXL-tagged CSV, JSON Lines; --reviewed applies corrections and drops rejections."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.checks.export import COLUMNS, HXL_COLUMNS, Format, export, people_measure, write
from extract.checks.reviews import Decision, append_review, make_decision, summarise
from extract.models import FactRecord, Kind

from .conftest import ROOT


@pytest.fixture(scope="module")
def facts() -> list[FactRecord]:
    text = (ROOT / "outputs/facts.jsonl").read_text("utf-8")
    return [FactRecord.model_validate_json(line) for line in text.splitlines()]


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def render(facts: list[FactRecord], fmt: Format, reviews=(), reviewed: bool = False) -> str:
    handle = io.StringIO()
    write(handle, facts, summarise(facts, reviews), fmt, reviewed=reviewed)
    return handle.getvalue()


def test_csv_has_flat_columns_one_row_per_fact(facts: list[FactRecord]) -> None:
    table = rows(render(facts, Format.CSV))
    assert table[0] == list(COLUMNS)
    assert len(table) == len(facts) + 1
    by_id = {r[0]: dict(zip(table[0], r, strict=True)) for r in table[1:]}
    fact = next(f for f in facts if "\n\n" in f.quote and f.quantity.low is not None)
    row = by_id[fact.id]
    assert row["quote_raw"] == fact.quote and row["quote"] == fact.anchor.exact and "\n" not in row["quote"]
    assert row["sentence"] == fact.sentence
    assert (row["value"], row["low"], row["high"]) == (str(fact.quantity.value), str(fact.quantity.low), "")
    assert row["topics"] == ";".join(fact.topics)
    assert (row["span_start"], row["span_end"]) == (str(fact.span.start), str(fact.span.end))
    dated = next(f for f in facts if f.period and f.period.start)
    assert by_id[dated.id]["period_start"] == dated.period.start.isoformat()
    assert row["review_status"] == "unreviewed" and row["corrected_value"] == ""


def test_hxl_second_row_is_hashtags(facts: list[FactRecord]) -> None:
    table = rows(render(facts, Format.HXL))
    header, tags = table[0], table[1]
    assert header == [name for name, _ in HXL_COLUMNS]
    assert all(tag.startswith("#") for tag in tags)
    tag_of = dict(zip(header, tags, strict=True))
    assert tag_of["id"] == "#meta+id" and tag_of["country"] == "#country+name" and tag_of["place"] == "#loc+name"
    assert tag_of["period_start"] == "#date+start" and tag_of["topics"].startswith("#sector")
    assert tag_of["reached_ind"] == "#reached+ind" and tag_of["inneed_hh"] == "#inneed+hh"
    assert tag_of["money"] == "#value" and tag_of["source"] == "#meta+source" and tag_of["url"] == "#meta+url"
    assert len(table) == len(facts) + 2
    got = {r[0]: dict(zip(header, r, strict=True)) for r in table[2:]}
    nearly = next(f for f in facts if f.quote == "Nearly 3,000 people")  # "...people benefited from ..."
    assert got[nearly.id]["reached_ind"] == "3000" and got[nearly.id]["indicator"] == ""
    assert got[nearly.id]["country"] == "Azerbaijan" and got[nearly.id]["place"] == ""


def _with(fact: FactRecord, sentence: str, unit: str, kind: str = "count") -> FactRecord:
    quantity = fact.quantity.model_copy(update={"unit": unit, "kind": Kind(kind)})
    return fact.model_copy(update={"sentence": sentence, "quantity": quantity})


def test_hxl_measure_follows_the_sentence_and_the_counted_noun(facts: list[FactRecord]) -> None:
    fact = facts[0]
    assert people_measure(_with(fact, "There are 40,000 people in need of aid.", "people")) == ("inneed", "ind")
    assert people_measure(_with(fact, "We reached 1,200 households.", "households")) == ("reached", "hh")
    assert people_measure(_with(fact, "We aim to reach 500 families.", "families")) == ("targeted", "hh")
    assert people_measure(_with(fact, "Some 3,000 people were displaced.", "people")) == ("affected", "ind")
    assert people_measure(_with(fact, "We repaired 12 wells.", "wells")) is None
    money = _with(fact, "The appeal is for 3 million CHF.", "CHF", "money")
    table = rows(render([money, _with(fact, "We repaired 12 wells.", "wells")], Format.HXL))
    got = [dict(zip(table[0], r, strict=True)) for r in table[2:]]
    assert (got[0]["money"], got[0]["currency"], got[0]["indicator"]) == (str(fact.quantity.value), "CHF", "")
    assert (got[1]["money"], got[1]["currency"], got[1]["unit"]) == ("", "", "wells")
    assert got[1]["indicator"] == str(fact.quantity.value)


def test_hxl_export_passes_libhxl_default_schema(facts: list[FactRecord]) -> None:
    """libhxl's built-in schema: dates are dates, measures and values numbers, no stray whitespace. Its only
    remaining notes are 'info' (a possible numeric outlier), which do not make a dataset invalid."""
    hxl = pytest.importorskip("hxl")
    table = rows(render(facts, Format.HXL))
    found: list[object] = []
    hxl.schema(callback=found.append).validate(hxl.data(table))
    serious = [(e.message, e.value) for e in found if e.rule.severity in ("error", "warning")]
    assert serious == []
    dataset = hxl.data(table)
    assert "#reached+ind" in [c.display_tag for c in dataset.columns]


def test_reviewed_applies_corrections_and_drops_rejections(facts: list[FactRecord], tmp_path: Path) -> None:
    rejected, corrected, accepted = facts[0], facts[1], facts[2]
    reviews = [
        make_decision(rejected, Decision.REJECT, reviewer="ann"),
        make_decision(corrected, Decision.CORRECT, reviewer="ann", corrected_value=360),
        make_decision(accepted, Decision.ACCEPT, reviewer="ann"),
    ]
    plain = {r[0]: r for r in rows(render(facts, Format.CSV, reviews))[1:]}
    assert rejected.id in plain and plain[corrected.id][COLUMNS.index("value")] == str(corrected.quantity.value)
    table = rows(render(facts, Format.CSV, reviews, reviewed=True))
    header = table[0]
    got = {r[0]: dict(zip(header, r, strict=True)) for r in table[1:]}
    assert rejected.id not in got and len(got) == len(facts) - 1
    assert (got[corrected.id]["value"], got[corrected.id]["review_status"]) == ("360", "corrected")
    assert got[accepted.id]["review_status"] == "accepted"


def test_stale_correction_is_not_applied(facts: list[FactRecord]) -> None:
    review = make_decision(facts[1], Decision.CORRECT, reviewer="ann", corrected_value=360).model_copy(
        update={"quote": "something else"}
    )
    table = rows(render(facts, Format.CSV, [review], reviewed=True))
    row = dict(zip(table[0], next(r for r in table if r[0] == facts[1].id), strict=True))
    assert (row["value"], row["review_status"], row["corrected_value"]) == ("357", "needs_rereview", "")


def test_jsonl_round_trips_with_review_status(facts: list[FactRecord]) -> None:
    reviews = [make_decision(facts[0], Decision.CORRECT, reviewer="ann", corrected_value=21)]
    lines = [json.loads(line) for line in render(facts, Format.JSONL, reviews).splitlines()]
    assert (lines[0]["review_status"], lines[0]["corrected_value"]) == ("corrected", 21)
    assert {line["review_status"] for line in lines[1:]} == {"unreviewed"}
    records = [{k: v for k, v in line.items() if k not in ("review_status", "corrected_value")} for line in lines]
    assert [FactRecord.model_validate(record) for record in records] == facts


def test_formula_like_text_is_neutralised(facts: list[FactRecord]) -> None:
    fact = facts[0].model_copy(update={"subject": '=HYPERLINK("http://x")'})
    table = rows(render([fact], Format.CSV))
    assert table[1][table[0].index("subject")] == '\'=HYPERLINK("http://x")'


def test_export_writes_file_atomically_and_cli_works(facts: list[FactRecord], tmp_path: Path) -> None:
    out = tmp_path / "out" / "facts.csv"
    assert export(facts, summarise(facts, []), Format.CSV, out) == len(facts)
    assert len(rows(out.read_text("utf-8"))) == len(facts) + 1
    assert [p.name for p in out.parent.iterdir()] == ["facts.csv"]
    (tmp_path / "outputs").mkdir()
    shutil.copy(ROOT / "outputs/facts.jsonl", tmp_path / "outputs/facts.jsonl")
    append_review(tmp_path / "outputs/reviews.jsonl", make_decision(facts[0], Decision.REJECT, reviewer="ann"))
    cli = [sys.executable, "-m", "extract", "export"]
    done = subprocess.run([*cli, "--format", "hxl", "--reviewed", "--out", "x.csv"], cwd=tmp_path, capture_output=True)
    assert done.returncode == 0, done.stderr
    table = rows((tmp_path / "x.csv").read_text("utf-8"))
    assert len(table) == len(facts) + 1 and facts[0].id not in {r[0] for r in table}  # header, hashtags, all but one
    bad = subprocess.run([*cli, "--format", "xml"], cwd=tmp_path, capture_output=True, text=True)
    assert bad.returncode == 2 and "unknown format" in bad.stderr


def test_reviewed_applies_a_whole_correction_bounds_qualifier_and_unit(facts: list[FactRecord]) -> None:
    from extract.checks.export import apply_reviews
    from extract.checks.reviews import Correction
    from extract.models import Qualifier

    fact = facts[1]
    correction = Correction(value=None, low=200, high=300, qualifier=Qualifier.RANGE, unit="families")
    review = make_decision(fact, Decision.CORRECT, reviewer="ann", correction=correction)
    [corrected] = [f for f in apply_reviews(facts, summarise(facts, [review])) if f.id == fact.id]
    q = corrected.quantity
    assert (q.value, q.low, q.high, q.qualifier, q.unit) == (None, 200, 300, Qualifier.RANGE, "families")
