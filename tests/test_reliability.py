"""Failures found by attacking the tool: each test is made from one reproduction (issue 14)."""

from __future__ import annotations

import sys
from pathlib import Path

import extract.run.extractor as extractor_module
import extract.run.runner as runner
from extract.reading import read
from extract.run import DocumentFailure, run


def _write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def _run(folder: Path, extractor, **kwargs) -> tuple[runner.RunResult, list[DocumentFailure]]:
    failures: list[DocumentFailure] = []
    result = run(folder, folder.parent / f"{folder.name}.jsonl", extractor, on_failure=failures.append, **kwargs)
    return result, failures


# 1. One document stops the whole run


def test_digits_that_are_not_decimal_never_crash_the_parse(extractor):
    odd = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdigit() and not chr(c).isdecimal()]
    assert len(odd) > 100
    documents = []
    for number, digit in enumerate(odd):
        documents.append(_document(f"Stays of 2 to 3{digit} months for 5,000 people, {number} 2024."))
    extracted = list(extractor.extract(documents))
    assert [e.failure for e in extracted] == [None] * len(odd)
    assert all(any(f.quantity.value == 5000 for f in e.facts) for e in extracted)


def _document(text: str):
    from extract.reading import SourceDocument

    return SourceDocument("doc", Path("doc.txt"), text, "0" * 64, "txt", "utf-8")


def test_a_page_declaring_an_unknown_charset_is_read_with_a_fallback(tmp_path, extractor):
    page = b'<html><head><meta charset="undefined"></head><body><p>Some 800 people \xe9 helped.</p></body></html>'
    path = _write(tmp_path / "in", "page.html", page)
    assert read(path).source.encoding == "cp1252"
    result, failures = _run(tmp_path / "in", extractor)
    assert failures == [] and result.facts == 1


def test_an_unexpected_error_in_one_document_costs_that_document_only(tmp_path, extractor, monkeypatch):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "We fed 200 people.")
    bad = _write(folder, "b.txt", "We fed 300 people.")
    _write(folder, "c.txt", "We fed 400 people.")
    assemble = extractor_module.assemble

    def fragile(document, docs, source):
        if document.source.path == bad:
            raise ZeroDivisionError("boom")
        return assemble(document, docs, source)

    monkeypatch.setattr(extractor_module, "assemble", fragile)
    result, failures = _run(folder, extractor, cache=None)
    assert (result.documents, result.succeeded, result.facts) == (3, 2, 2)
    [failure] = failures
    assert failure.path == bad and "ZeroDivisionError: boom" in failure.reason and str(bad) in str(failure)


def test_an_error_while_reading_or_segmenting_one_document_costs_that_document_only(tmp_path, extractor, monkeypatch):
    folder = tmp_path / "in"
    _write(folder, "a.txt", "We fed 200 people.")
    bad = _write(folder, "b.txt", "We fed 300 people.")
    segments_of = runner.segments_of

    def fragile(source):
        if source.path == bad:
            raise RecursionError("deep")
        return segments_of(source)

    monkeypatch.setattr(runner, "segments_of", fragile)
    result, failures = _run(folder, extractor, cache=None)
    assert result.facts == 1 and [f.path for f in failures] == [bad] and "RecursionError" in failures[0].reason


def test_a_parse_error_in_one_text_costs_only_its_document(extractor, monkeypatch):
    nlp = extractor.nlp
    original = type(nlp).__call__

    def fragile(self, text, *args, **kwargs):
        if "300" in str(text):
            raise ValueError("bad text")
        return original(self, text, *args, **kwargs)

    pipe = type(nlp).pipe

    def fragile_pipe(self, texts, *args, **kwargs):
        texts = list(texts)
        if any("300" in str(t) for t in texts):
            raise ValueError("bad batch")
        return pipe(self, texts, *args, **kwargs)

    monkeypatch.setattr(type(nlp), "__call__", fragile)
    monkeypatch.setattr(type(nlp), "pipe", fragile_pipe)
    docs = [_document("We fed 200 people."), _document("We fed 300 people."), _document("We fed 400 people.")]
    extracted = list(extractor.extract(docs))
    assert [len(e.facts) for e in extracted] == [1, 0, 1]
    assert extracted[1].failure is not None and "bad text" in extracted[1].failure


def test_a_worker_gives_failures_back_instead_of_raising(tmp_path, extractor, monkeypatch):
    """What a --jobs worker runs: a failing document comes back as its reason, the others as their facts."""
    monkeypatch.setattr(runner, "_worker_extractor", extractor)
    monkeypatch.setattr(extractor_module, "assemble", _failing_on("300"))
    chunk = [read(_write(tmp_path, f"{n}.txt", f"We fed {n} people.")) for n in (200, 300)]
    [(good, none), (empty, reason)] = runner._work(chunk)
    assert len(good) == 1 and none is None and empty == [] and "ZeroDivisionError" in reason


def _failing_on(marker: str):
    assemble = extractor_module.assemble

    def fragile(document, docs, source):
        if marker in document.source.text:
            raise ZeroDivisionError(marker)
        return assemble(document, docs, source)

    return fragile


# 2. Line separators inside a record


def test_line_separators_in_a_quote_survive_the_cache_and_the_readers(tmp_path, extractor):
    from extract.jsonl import read as read_records
    from extract.models import FactRecord
    from extract.run import FactCache

    folder = tmp_path / "in"
    _write(folder, "ls.txt", "Some 700\u2028people were helped.\n\nThe ICRC visited 4,000\x85detainees\u2029in 2024.\n")
    cache = FactCache.open(tmp_path / "cache")
    fresh, _ = _run(folder, extractor, cache=cache)
    out = tmp_path / "in.jsonl"
    written = out.read_bytes()
    cached, _ = _run(folder, extractor, cache=cache)
    assert (fresh.processed, cached.cached) == (1, 1)
    assert fresh.facts == cached.facts == 2
    assert out.read_bytes() == written
    records, bad = read_records(out, FactRecord)
    assert len(records) == 2 and bad == []
    assert any("\u2028" in r.quote for r in records) and any("\x85" in r.quote for r in records)


# 5. Duplicate fact ids


def test_two_figures_in_one_token_give_one_fact_each_id_once(extractor):
    texts = [f"Each family received up to 40 litres, up from 1{mark}2 in 2021." for mark in "?\u00b7\u00d7"]
    for extracted in extractor.extract([_document(text) for text in texts]):
        ids = [fact.id for fact in extracted.facts]
        assert len(ids) == len(set(ids)), ids
        for fact in extracted.facts:
            text = extracted.document.source.text
            assert text[fact.span.start : fact.span.end] == fact.quote
            assert text[fact.quantity.number_start : fact.quantity.number_end] == fact.quantity.number


# 7. Silent loss of content after a comment-form line


def _report_with(line: str) -> str:
    return (
        "Delegation report\n\nIn 2024 the ICRC visited 1,200 detainees in 14 places of detention.\n\n"
        f"{line}\n\nWe also distributed food to 3,400 households.\n\nWater\n\n"
        "Some 52,000 people gained access to clean water after repairs to the network.\n"
    )


def test_a_comment_line_in_a_report_does_not_hide_what_follows(extractor, tmp_path):
    for line in ("Comments", "Reply", "2 comments", "Leave a Reply"):
        path = _write(tmp_path, "report.txt", _report_with(line))
        [extracted] = extractor.extract([read(path)])
        assert {f.quantity.value for f in extracted.facts} >= {1200, 3400, 52000}, line
        dropped = [s for s in extracted.document.text.segments if s.reason == "comment form"]
        assert [s.text for s in dropped] == [line]


def test_a_real_comment_form_is_still_dropped_and_a_long_one_is_logged(tmp_path, caplog):
    form = "3 comments\n\nLeave a Reply\n\nComment *\n\nName *\n\nEmail *\n\nWebsite\n\nPost Comment\n"
    path = _write(tmp_path, "page.txt", "Report\n\nWe fed 200 people in May 2024.\n\n" + form)
    segments = read(path).text.segments
    assert [s.reason for s in segments].count("comment form") == 7
    assert not caplog.records
    long_form = form + "".join(f"\nField {n}\n" for n in range(5))
    with caplog.at_level("WARNING"):
        segments = read(_write(tmp_path, "long.txt", "Report\n\nWe fed 200 people.\n\n" + long_form)).text.segments
    assert [s.reason for s in segments].count("comment form") == 12
    assert any("long.txt" in r.getMessage() and "comment form" in r.getMessage() for r in caplog.records)
