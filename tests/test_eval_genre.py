"""`extract eval --genre`: score only the gold files of one genre (the news articles of the real corpus)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from extract.checks.evaluate import load_gold_dir
from extract.cli import app

from .conftest import ROOT

DEV = ROOT / "tests/fixtures/real/dev"


def test_genre_keeps_only_the_gold_files_of_that_genre(tmp_path) -> None:
    empty = tmp_path / "facts.jsonl"
    empty.write_text("")
    args = ["eval", "--gold", str(DEV / "gold"), "--sources", str(DEV / "docs"), "--facts", str(empty), "--json"]
    result = CliRunner().invoke(app, [*args, "--genre", "News Article"])
    assert result.exit_code == 0, result.output
    scored = {doc["doc_id"] for doc in json.loads(result.stdout)["documents"]}
    news = {g.doc_id for g in load_gold_dir(DEV / "gold") if "news article" in (g.source.genre or "")}
    assert scored == news and len(news) >= 10
    assert json.loads(result.stdout)["overall"]["gold"] == sum(
        len(g.facts) for g in load_gold_dir(DEV / "gold") if g.doc_id in news
    )
