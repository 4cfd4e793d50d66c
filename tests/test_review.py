"""Review decisions: appended, never lost; a review whose fact changed or vanished needs re-review."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from extract.checks.reviews import (
    Decision,
    ReviewDecision,
    ReviewError,
    ReviewState,
    load_reviews,
    make_decision,
    parse_number,
    summarise,
)
from extract.models import FactRecord

from .conftest import ROOT


def run_cli(*args: str, cwd: Path, env_user: str = "tester") -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "USER": env_user}
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture(scope="module")
def facts() -> list[FactRecord]:
    text = (ROOT / "outputs/facts.jsonl").read_text("utf-8")
    return [FactRecord.model_validate_json(line) for line in text.splitlines()]


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "outputs").mkdir()
    shutil.copy(ROOT / "outputs/facts.jsonl", tmp_path / "outputs/facts.jsonl")
    return tmp_path


def test_decision_snapshots_the_fact(facts: list[FactRecord]) -> None:
    review = make_decision(facts[0], Decision.CORRECT, reviewer="ann", corrected_value=21, note="typo")
    assert (review.fact_id, review.quote, review.value) == (facts[0].id, facts[0].quote, facts[0].quantity.value)
    assert review.at.tzinfo is not None and review.at.utcoffset() == dt.timedelta(0)
    assert review.matches(facts[0]) and not review.matches(facts[1])


def test_correct_needs_a_value_and_only_correct_has_one(facts: list[FactRecord]) -> None:
    with pytest.raises(ValidationError):
        make_decision(facts[0], Decision.CORRECT, reviewer="ann")
    with pytest.raises(ValidationError):
        make_decision(facts[0], Decision.ACCEPT, reviewer="ann", corrected_value=3)


def test_latest_decision_wins_and_changed_or_gone_facts_need_rereview(facts: list[FactRecord]) -> None:
    a, b, c = facts[:3]
    reviews = [
        make_decision(a, Decision.REJECT, reviewer="ann"),
        make_decision(a, Decision.ACCEPT, reviewer="bob"),
        make_decision(b, Decision.CORRECT, reviewer="ann", corrected_value=1),
        make_decision(c, Decision.ACCEPT, reviewer="ann"),
    ]
    changed_c = c.model_copy(update={"quantity": c.quantity.model_copy(update={"value": 12345})})
    summary = summarise([a, b, changed_c], reviews)
    assert summary.state(a.id).state == ReviewState.ACCEPTED
    assert summary.state(b.id).state == ReviewState.CORRECTED and summary.state(b.id).corrected_value == 1
    assert summary.state(c.id).state == ReviewState.NEEDS_REREVIEW
    assert summary.state(c.id).corrected_value is None
    assert summary.state(facts[3].id).state == ReviewState.UNREVIEWED
    gone = summarise([a, changed_c], reviews)
    assert [(r.fact_id, why) for r, why in gone.needing_rereview] == sorted(
        [(b.id, "fact no longer exists"), (c.id, "fact changed since review")]
    )


def test_parse_number() -> None:
    assert parse_number("3,000") == 3000 and isinstance(parse_number("3,000"), int)
    assert parse_number("2.5") == 2.5
    for bad in ("abc", "nan", "inf", ""):
        with pytest.raises(ReviewError):
            parse_number(bad)


@pytest.mark.slow
def test_cli_appends_and_never_rewrites(work: Path, facts: list[FactRecord]) -> None:
    first = run_cli("review", facts[0].id, "--accept", "--note", "checked <b>", cwd=work)
    assert first.returncode == 0, first.stderr
    second = run_cli("review", facts[0].id, "--correct", "25", "--reviewer", "ann", cwd=work)
    assert second.returncode == 0, second.stderr
    reviews, errors = load_reviews(work / "outputs/reviews.jsonl")
    assert errors == []
    assert [(r.decision, r.reviewer, r.corrected_value, r.note) for r in reviews] == [
        (Decision.ACCEPT, "tester", None, "checked <b>"),
        (Decision.CORRECT, "ann", 25, None),
    ]
    assert all(isinstance(r, ReviewDecision) and r.quote == facts[0].quote for r in reviews)


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("nope:1-2", "--accept"),
        ("{id}", "--accept", "--reject"),
        ("{id}",),
        ("{id}", "--correct", "many"),
    ],
)
def test_cli_usage_errors_exit_2_and_write_nothing(work: Path, facts: list[FactRecord], args: tuple[str, ...]) -> None:
    result = run_cli("review", *(a.format(id=facts[0].id) for a in args), cwd=work)
    assert result.returncode == 2
    assert result.stderr.strip()
    assert not (work / "outputs/reviews.jsonl").exists()


def test_unknown_id_message_names_it(work: Path) -> None:
    result = run_cli("review", "nope:1-2", "--reject", cwd=work)
    assert "unknown fact id 'nope:1-2'" in result.stderr


@pytest.mark.slow
def test_reviews_survive_a_regeneration(tmp_path: Path) -> None:
    """Review, edit one report, regenerate with `extract run`: nothing is lost; the changed fact asks for re-review."""
    import json
    import shutil
    import subprocess
    import sys

    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")

    def extract(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "extract", *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)

    assert extract("run", "--no-cache", "--quiet").returncode == 0
    records = [json.loads(line) for line in (tmp_path / "outputs/facts.jsonl").read_text().splitlines()]
    kept = next(r for r in records if r["quote"] == "Nearly 3,000 people")
    changed = next(r for r in records if r["quote"] == "20 officials")
    assert extract("review", kept["id"], "--accept", "--reviewer", "ana").returncode == 0
    assert extract("review", changed["id"], "--correct", "21", "--reviewer", "ana").returncode == 0
    reviews_before = (tmp_path / "outputs/reviews.jsonl").read_bytes()

    seed = tmp_path / "seeds" / "000_362a282f5771ddaf.txt"
    seed.write_text(seed.read_text("utf-8").replace("20 officials", "25 officials"), "utf-8")
    assert extract("run", "--no-cache", "--quiet").returncode == 0

    assert (tmp_path / "outputs/reviews.jsonl").read_bytes() == reviews_before, "regeneration never drops reviews"
    regenerated = {json.loads(line)["id"] for line in (tmp_path / "outputs/facts.jsonl").read_text().splitlines()}
    assert kept["id"] in regenerated, "an unchanged fact keeps its id, so its review still applies"
    audit = extract("audit", "--json")
    assert audit.returncode == 1  # the changed fact's review needs re-review
    needing = [f["fact_id"] for f in json.loads(audit.stdout)["findings"] if f["problem"] == "review_needed"]
    assert needing == [changed["id"]], "only the changed fact needs re-review; the kept one's review still holds"
    exported = extract("export", "--format", "csv", "--reviewed", "--out", "reviewed.csv")
    assert exported.returncode == 0
    rows = (tmp_path / "reviewed.csv").read_text("utf-8")
    assert "Nearly 3,000 people" in rows and ",accepted," in rows


def _facts_of(tmp_path: Path, name: str, text: str) -> list[FactRecord]:
    from extract.run import extract_document

    folder = tmp_path / name
    folder.mkdir()
    path = folder / "report.txt"
    path.write_text(text, "utf-8")
    return extract_document(path)


def test_reviews_follow_their_figures_across_an_edit_of_the_source(tmp_path: Path) -> None:
    """The ids move with every offset; the anchors find each reviewed figure again, and only that figure."""
    text = (ROOT / "seeds/000_362a282f5771ddaf.txt").read_text("utf-8")
    before = _facts_of(tmp_path, "v1", text)
    reviews = [make_decision(fact, Decision.ACCEPT, reviewer="ann") for fact in before]
    assert len(reviews) >= 6

    moved = _facts_of(tmp_path, "v2", "NEW " + text)  # 4 characters inserted at the top
    assert not {f.id for f in moved} & {f.id for f in before}
    summary = summarise(moved, reviews)
    assert summary.orphans == []
    assert [summary.state(f.id).state for f in moved] == [ReviewState.ACCEPTED] * len(before)
    for fact in moved:  # each review went to the figure it judged
        assert summary.state(fact.id).latest.quote == fact.quote

    changed_quote, deleted_sentence = "around 357 home visits", "Nearly 3,000 people benefited from various projects"
    assert changed_quote in text and deleted_sentence in text
    sentence_end = text.index(". ", text.index(deleted_sentence)) + 2
    edited = "NEW " + text.replace(changed_quote, "around 375 home visits")
    edited = edited.replace(text[text.index(deleted_sentence) : sentence_end], "")
    after = _facts_of(tmp_path, "v3", edited)
    summary = summarise(after, reviews)
    states = {f.quote: summary.state(f.id).state for f in after}
    assert states.pop("around 375 home visits") == ReviewState.NEEDS_REREVIEW
    assert set(states.values()) == {ReviewState.ACCEPTED}
    assert [r.quote for r in summary.orphans] == ["Nearly 3,000 people"]
    assert ("Nearly 3,000 people", "fact no longer exists") in [(r.quote, why) for r, why in summary.needing_rereview]


def test_a_review_is_never_given_to_another_figure_of_the_same_quote(facts: list[FactRecord]) -> None:
    """The reviewed figure is gone; the same words elsewhere, in other context, are another figure."""
    fact = facts[0]
    review = make_decision(fact, Decision.ACCEPT, reviewer="ann")
    assert fact.anchor is not None
    elsewhere = fact.model_copy(
        update={
            "id": f"{fact.doc_id}:9000-9010",
            "span": fact.span.model_copy(update={"start": 9000, "end": 9010}),
            "anchor": fact.anchor.model_copy(
                update={
                    "prefix": "quite another sentence before it ",
                    "suffix": " and after it, too, differs",
                    "start": 9000,
                }
            ),
        }
    )
    summary = summarise([elsewhere], [review])
    assert summary.state(elsewhere.id).state == ReviewState.UNREVIEWED
    assert summary.orphans == [review]
