"""Running at scale: worker processes, the incremental cache, very long documents."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.config import RunConfig
from extract.models import FactRecord
from extract.reading import Segment, SegmentKind
from extract.reading.offsets import MappedText
from extract.run import Extractor, run
from extract.run.cache import FactCache
from extract.run.extractor import split_segment

from .conftest import FIXTURES, ROOT

SOURCES = [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((FIXTURES / "docs").glob("*.txt"))]
N = len(SOURCES)  # documents in the corpus


@pytest.fixture()
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """seeds + tests/fixtures/docs in a fresh working folder (records show paths relative to it)."""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in SOURCES:
        shutil.copy(path, folder / path.name)
    return folder


def fresh(folder: Path, out: Path, extractor: Extractor) -> bytes:
    result = run(folder, out, extractor)
    assert result.processed == result.documents and not result.failures
    return out.read_bytes()


@pytest.mark.slow
def test_two_workers_write_the_same_bytes_as_one(corpus: Path, extractor: Extractor) -> None:
    one = fresh(corpus, Path("one.jsonl"), extractor)
    result = run(corpus, Path("two.jsonl"), jobs=2)
    assert (result.documents, result.processed, result.cached) == (N, N, 0)
    assert Path("two.jsonl").read_bytes() == one
    assert len(one.splitlines()) > 50


@pytest.mark.slow
def test_cache_skips_unchanged_documents_and_the_model(corpus: Path, extractor: Extractor) -> None:
    cache = FactCache.open(Path(".cache/extract"))
    expected = fresh(corpus, Path("expected.jsonl"), extractor)

    first = run(corpus, Path("out.jsonl"), extractor, cache=cache)
    assert (first.processed, first.cached, first.written) == (N, 0, True)
    assert Path("out.jsonl").read_bytes() == expected
    stamp = Path("out.jsonl").stat().st_mtime_ns

    lazy = Extractor()
    again = run(corpus, Path("out.jsonl"), lazy, cache=cache)
    assert (again.processed, again.cached, again.facts, again.written) == (0, N, first.facts, False)
    assert not lazy.loaded, "an unchanged corpus must not load the model"
    assert Path("out.jsonl").read_bytes() == expected
    assert Path("out.jsonl").stat().st_mtime_ns == stamp, "identical output is not rewritten"
    assert [p.name for p in Path().iterdir() if p.name.startswith(".out.jsonl")] == []

    changed = corpus / "fx02_south_sudan_2024.txt"
    changed.write_text(changed.read_text("utf-8") + "\nThe team also repaired 14 water points in Juba.\n", "utf-8")
    edited = run(corpus, Path("out.jsonl"), extractor, cache=cache)
    assert (edited.processed, edited.cached, edited.written) == (1, N - 1, True)
    assert Path("out.jsonl").read_bytes() == fresh(corpus, Path("expected2.jsonl"), extractor)
    assert b"14 water points" in Path("out.jsonl").read_bytes()


@pytest.mark.slow
def test_cached_facts_follow_a_moved_file(corpus: Path, extractor: Extractor) -> None:
    cache = FactCache.open(Path(".cache/extract"))
    run(corpus, Path("out.jsonl"), extractor, cache=cache)
    moved = corpus.rename(corpus.parent / "moved")
    lazy = Extractor()
    result = run(moved, Path("moved.jsonl"), lazy, cache=cache)
    assert (result.processed, result.cached, lazy.loaded) == (0, N, False)
    records = [json.loads(line) for line in Path("moved.jsonl").read_text("utf-8").splitlines()]
    assert records and all(r["source"].startswith("moved/") for r in records)
    assert Path("moved.jsonl").read_bytes() == fresh(moved, Path("expected.jsonl"), extractor)


def test_cache_version_changes_with_the_model(tmp_path: Path) -> None:
    first, second = FactCache.open(tmp_path, RunConfig("model_a")), FactCache.open(tmp_path, RunConfig("model_b"))
    assert first.version != second.version


def test_cache_model_name_mirrors_the_pipeline_default() -> None:
    from extract.config import default_model

    assert RunConfig().model_name == default_model()


@pytest.mark.slow
def test_unchanged_rerun_does_not_even_import_spacy(corpus: Path, extractor: Extractor) -> None:
    run(corpus, Path("out.jsonl"), extractor, cache=FactCache.open(Path(".cache/extract")))
    script = (
        "import sys; from pathlib import Path; from extract.run import FactCache, run; "
        "r = run(Path('corpus'), Path('out.jsonl'), cache=FactCache.open(Path('.cache/extract'))); "
        "print(r.processed, r.cached, r.written, 'spacy' in sys.modules)"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=600)
    assert completed.stdout.split() == ["0", str(N), "False", "False"], completed.stderr


def test_long_segments_are_cut_at_sentence_ends_with_their_own_maps() -> None:
    mapped = MappedText()
    source = "".join(f"Sentence {i} has {i * 7} words.\n" for i in range(2_000))
    for line_start, line in zip(
        [0, *[i + 1 for i, c in enumerate(source) if c == "\n"]], source.split("\n"), strict=False
    ):
        if line:
            if mapped.length:
                mapped.append(" ", line_start - 1)
            mapped.append(line, line_start)
    pieces = split_segment(Segment(SegmentKind.PARAGRAPH, mapped, "Section"), limit=1_000)
    assert len(pieces) > 40 and all(len(p.text) <= 1_000 for p in pieces)
    assert all(p.text.endswith(".") and p.text.startswith("Sentence") for p in pieces)
    assert " ".join(p.text for p in pieces) == mapped.text
    flat = source.replace("\n", " ")  # each joining space maps to the line break it replaces
    for piece in pieces:
        for offset in range(0, piece.mapped.length, 7):
            assert flat[piece.mapped.to_source(offset)] == piece.text[offset]


def test_long_segments_are_not_cut_after_titles_or_initials() -> None:
    sentence = "Dr. Amal K. Haddad and St. Mary's team met No. 5 ward staff. "
    mapped = MappedText()
    mapped.append(sentence * 40, 0)
    pieces = split_segment(Segment(SegmentKind.PARAGRAPH, mapped, None), limit=1_000)
    assert len(pieces) > 1
    assert all(p.text.endswith("staff.") for p in pieces[:-1]), [p.text[-12:] for p in pieces]


def _huge_report(target_bytes: int, seed: int = 7) -> str:
    """A report with one enormous paragraph (lines but no blank line: a single segment), then normal ones."""
    rng = random.Random(seed)
    places = ["Aden", "Juba", "Kharkiv", "Cali", "Goma", "Mosul"]
    lines = ["Operational update", ""]
    size = 0
    while size < target_bytes * 0.6:
        line = (
            f"In {rng.choice(places)} the ICRC distributed {rng.randint(2, 90_000):,} food parcels to "
            f"nearly {rng.randint(2, 900)} families and visited {rng.randint(1, 60)} places of detention."
        )
        lines.append(line)
        size += len(line) + 1
    lines.append("")
    while size < target_bytes:
        paragraph = f"More than {rng.randint(2, 5_000)} people received cash grants of CHF {rng.randint(10, 500)}."
        lines += [paragraph, ""]
        size += len(paragraph) + 2
    return "\n".join(lines)


@pytest.mark.slow
def test_one_paragraph_longer_than_a_segment_keeps_exact_spans(tmp_path: Path, extractor: Extractor) -> None:
    # One 450 kB paragraph: cut into several pieces before spaCy. (The 5 MB document is in bench/throughput.py:
    # minutes of parsing on this machine, too slow for the test suite.)
    folder = tmp_path / "big"
    folder.mkdir()
    text = _huge_report(450_000).replace("\n\n", " ")
    (folder / "huge.txt").write_text(text, "utf-8")
    result = run(folder, tmp_path / "out.jsonl", extractor)
    assert (result.processed, result.failures) == (1, [])
    records = [FactRecord.model_validate_json(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert len(records) > 5_000
    assert all(text[r.span.start : r.span.end] == r.quote for r in records)
    assert all(text[e.span.start : e.span.end] == e.text for r in records for e in r.entities)
    assert any(r.span.start > 400_000 for r in records)


def test_cache_keeps_only_the_most_recently_used_versions(tmp_path: Path) -> None:
    import os

    old = [tmp_path / f"{n:024x}" for n in range(5)]
    for age, folder in enumerate(old):
        (folder / "ab").mkdir(parents=True)
        os.utime(folder, (1_000_000 + age, 1_000_000 + age))
    unrelated = tmp_path / "notes"
    unrelated.mkdir()
    current = FactCache.open(tmp_path, RunConfig("model_a"), keep=3)
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([old[4].name, old[3].name, current.version[:24], "notes"])


def test_cache_version_covers_every_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing any module of the package (here units.py, once missing from a hand-kept list) starts a new version."""
    from importlib.resources import files

    from extract.run import cache as cache_module

    package = tmp_path / "extract"
    shutil.copytree(Path(str(files("extract"))), package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache_module, "files", lambda _name: package)
    cache_module.pipeline_version.cache_clear()
    try:
        before = cache_module.pipeline_version("model_a")
        units = package / "parsing" / "units.py"
        units.write_text(units.read_text("utf-8") + "\n# changed\n", "utf-8")
        cache_module.pipeline_version.cache_clear()
        assert cache_module.pipeline_version("model_a") != before
    finally:
        cache_module.pipeline_version.cache_clear()
