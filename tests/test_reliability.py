"""Failures found by attacking the tool: each test is made from one reproduction (issue 14)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import extract.run.extractor as extractor_module
import extract.run.runner as runner
from extract.models import FactRecord
from extract.reading import read
from extract.run import DocumentFailure, run

from .conftest import ROOT


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
    records = extractor_module.DocumentAssembler.records

    def fragile(self):
        if self.source.path == bad:
            raise ZeroDivisionError("boom")
        return records(self)

    monkeypatch.setattr(extractor_module.DocumentAssembler, "records", fragile)
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
    later = _document("We fed 300 people.\n\nWe fed 500 people.")  # a segment parses after its document failed
    extracted = list(extractor.extract([later, _document("We fed 400 people.")]))
    assert [len(e.facts) for e in extracted] == [0, 1] and "bad text" in (extracted[0].failure or "")


def test_a_worker_gives_failures_back_instead_of_raising(tmp_path, extractor, monkeypatch):
    """What a --jobs worker runs: a failing document comes back as its reason, the others as their facts."""
    monkeypatch.setattr(runner, "_worker_extractor", extractor)
    monkeypatch.setattr(extractor_module.DocumentAssembler, "records", _failing_on("300"))
    chunk = [read(_write(tmp_path, f"{n}.txt", f"We fed {n} people.")) for n in (200, 300)]
    [(good, none), (empty, reason)] = runner._work(chunk)
    assert len(good) == 1 and none is None and empty == [] and "ZeroDivisionError" in reason


def _failing_on(marker: str):
    records = extractor_module.DocumentAssembler.records

    def fragile(self):
        if marker in self.source.text:
            raise ZeroDivisionError(marker)
        return records(self)

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


# 3. Binary accepted as text


def _refusal(path: Path) -> str:
    from extract.reading import IngestError

    with pytest.raises(IngestError) as caught:
        read(path)
    assert str(path) in str(caught.value)
    return caught.value.reason


def test_binary_is_refused_wherever_it_is(tmp_path):
    import random

    rng = random.Random(7)
    noise = bytes(rng.randrange(1, 256) for _ in range(20_000))
    assert b"\x00" not in noise
    assert "binary" in _refusal(_write(tmp_path, "noise.txt", noise))
    text = ("We visited 1,200 detainees in 2024. " * 250).encode()  # 9 KB of text first
    assert "binary" in _refusal(_write(tmp_path, "tail.txt", text + noise[:4000]))
    assert "binary" in _refusal(_write(tmp_path, "nul.txt", text + b"\x00" + text))
    assert read(_write(tmp_path, "fine.txt", text + b"\x0c" + text)).source.encoding == "utf-8"  # a page break


def test_utf32_is_read_as_utf32(tmp_path, extractor):
    import codecs

    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be")):
        path = _write(tmp_path, f"{codec}.txt", bom + "We helped 35,000 people.".encode(codec))
        document = read(path)
        assert document.source.encoding == "utf-32"
        [extracted] = extractor.extract([document])
        assert [f.quantity.value for f in extracted.facts] == [35000]


def test_a_declared_utf16_over_ascii_bytes_is_not_believed(tmp_path, extractor):
    page = b'<html><head><meta charset="utf-16"></head><body><p>We fed 900 people \xe9t\xe9.</p></body></html>'
    document = read(_write(tmp_path, "page.html", page))
    assert document.source.encoding == "cp1252"
    [extracted] = extractor.extract([document])
    assert [f.quantity.value for f in extracted.facts] == [900]


# 11. CSV export: a bare CR


def test_a_bare_cr_in_a_cell_is_quoted_and_the_row_stays_whole(tmp_path):
    import csv
    import io

    from extract.checks.export import write_csv
    from extract.checks.reviews import ReviewSummary
    from extract.models import FactRecord

    line = (ROOT / "outputs" / "facts.jsonl").read_text("utf-8").split("\n")[0]
    fact = FactRecord.model_validate_json(line)
    fact = fact.model_copy(update={"subject": 'people\r=HYPERLINK("http://x")', "section": "a\rb\nc"})
    handle = io.StringIO(newline="")
    write_csv(handle, [fact], ReviewSummary({}, []))
    text = handle.getvalue()
    assert text.count("\n") == 2 + 1  # header, the row, and the LF inside the section cell (quoted)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert len(rows) == 2 and rows[1][rows[0].index("subject")] == fact.subject
    assert '"people\r=HYPERLINK(""http://x"")"' in text


# 10. A crafted source in a facts file


def _crafted_facts(tmp_path: Path, sources: list[str]) -> Path:
    from extract.models import FactRecord

    line = (ROOT / "outputs" / "facts.jsonl").read_text("utf-8").split("\n")[0]
    fact = FactRecord.model_validate_json(line)
    secret = tmp_path / "secret.txt"
    secret.write_text("Top secret: 12,345 passwords.", "utf-8")
    facts = tmp_path / "work" / "outputs" / "facts.jsonl"
    facts.parent.mkdir(parents=True)
    records = [
        fact.model_copy(update={"source": source, "doc_id": f"d{n}", "id": f"d{n}:{fact.span.start}-{fact.span.end}"})
        for n, source in enumerate(sources)
    ]
    facts.write_text("".join(r.model_dump_json() + "\n" for r in records), "utf-8")
    return facts


def test_a_crafted_source_is_never_read_by_audit_or_report(tmp_path, monkeypatch):
    from extract.checks import audit as audit_module
    from extract.checks import report as report_module
    from extract.checks.reviews import summarise
    from extract.jsonl import read as read_records
    from extract.models import FactRecord

    crafted = ["../../secret.txt", str(tmp_path / "secret.txt"), "outputs/../../../secret.txt"]
    facts = _crafted_facts(tmp_path, crafted)
    root = facts.parent.parent
    opened: list[Path] = []
    view, load = audit_module.source_view, report_module.load
    monkeypatch.setattr(audit_module, "source_view", lambda p: opened.append(p) or view(p))
    monkeypatch.setattr(report_module, "load", lambda p: opened.append(p) or load(p))
    found = audit_module.audit(facts, root=root, parse=lambda text, context: [])
    assert sorted(f.source for f in found.findings if f.problem == "outside") == sorted(crafted)
    records, _ = read_records(facts, FactRecord)
    html = report_module.render(records, summarise(records, []), root=root)
    assert "Top secret" not in html and opened == []
    assert audit_module.resolve_source("seeds/a.txt", None, root) == root / "seeds" / "a.txt"
    assert audit_module.resolve_source("../../secret.txt", tmp_path / "in", root) == tmp_path / "in" / "secret.txt"


# 4. The cache trusts what it finds


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.rglob("*.jsonl"))


def test_a_damaged_cache_entry_is_a_miss_with_a_warning(tmp_path, extractor, caplog):
    from extract.run import FactCache

    folder = tmp_path / "in"
    _write(folder, "a.txt", "We fed 200 people. We visited 300 detainees.")
    cache = FactCache.open(tmp_path / "cache")
    _run(folder, extractor, cache=cache)
    fresh = (tmp_path / "in.jsonl").read_bytes()
    [entry] = _entries(tmp_path / "cache")
    good = entry.read_text("utf-8")
    _, first, second = good.split("\n")[:3]
    damages = {
        "edited": good.replace('"value":200', '"value":900'),
        "truncated": good[: len(good) - 40],
        "inserted": good + first + "\n",
        "no header": first + "\n" + second + "\n",
    }
    for name, damaged in damages.items():
        entry.write_text(damaged, "utf-8")
        caplog.clear()
        with caplog.at_level("WARNING"):
            result, failures = _run(folder, extractor, cache=cache)
        assert (result.cached, result.processed, failures) == (0, 1, []), name
        assert (tmp_path / "in.jsonl").read_bytes() == fresh, name
        assert any("damaged" in r.getMessage() for r in caplog.records), name
        assert entry.read_text("utf-8") == good, name  # rewritten by the run


def test_the_cache_key_holds_the_format(tmp_path, extractor):
    from extract.run import FactCache

    folder = tmp_path / "in"
    page = "<p>We fed <b>200</b> people.</p>"
    _write(folder, "page.txt", page)
    cache = FactCache.open(tmp_path / "cache")
    _run(folder, extractor, cache=cache)
    (folder / "page.txt").rename(folder / "page.html")
    result, _ = _run(folder, extractor, cache=cache)
    assert (result.cached, result.processed) == (0, 1)
    cached_run = (tmp_path / "in.jsonl").read_bytes()
    _run(folder, extractor, cache=None)
    assert (tmp_path / "in.jsonl").read_bytes() == cached_run


def test_a_cache_that_cannot_be_written_never_fails_the_run(tmp_path, extractor, monkeypatch, caplog):
    import errno
    import tempfile

    from extract.run import FactCache

    folder = tmp_path / "in"
    _write(folder, "a.txt", "We fed 200 people.")
    cache = FactCache.open(tmp_path / "cache")

    original = tempfile.NamedTemporaryFile

    def full(*args, dir=None, **kwargs):
        if dir is not None and (tmp_path / "cache") in Path(dir).parents:
            raise OSError(errno.ENOSPC, "No space left on device")
        return original(*args, dir=dir, **kwargs)

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full)
    with caplog.at_level("WARNING"):
        result, failures = _run(folder, extractor, cache=cache)
    assert (result.facts, failures) == (1, [])
    assert any("cannot be written" in r.getMessage() for r in caplog.records)


# 9. Disk full


def test_a_full_disk_gives_one_error_naming_the_file_and_leaves_no_temporary(tmp_path, extractor, monkeypatch):
    import errno

    from extract import jsonl

    folder = tmp_path / "in"
    _write(folder, "a.txt", "We fed 200 people.")
    out = tmp_path / "in.jsonl"
    out.write_text("previous\n", "utf-8")

    def full(lines):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(jsonl.AtomicFile, "writelines", lambda self, lines: self._guarded(full, lines))
    with pytest.raises(jsonl.WriteError) as caught:
        run(folder, out, extractor)
    assert str(out) in str(caught.value) and "No space left" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "in.jsonl"]
    assert out.read_text("utf-8") == "previous\n"


def _full_disk_writes(monkeypatch, folder: Path) -> None:
    """Every temporary file created in `folder` raises ENOSPC on write, as on a full disk."""
    import errno
    import tempfile

    original = tempfile.NamedTemporaryFile

    class Full:
        def __init__(self, handle):
            self._handle = handle

        def __getattr__(self, name):
            return getattr(self._handle, name)

        def write(self, text):
            raise OSError(errno.ENOSPC, "No space left on device")

        def writelines(self, lines):
            raise OSError(errno.ENOSPC, "No space left on device")

    def opened(*args, dir=None, **kwargs):
        handle = original(*args, dir=dir, **kwargs)
        return Full(handle) if dir is not None and Path(dir) == folder else handle

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", opened)


@pytest.mark.parametrize("command", ["export", "report"])
def test_export_and_report_on_a_full_disk_give_one_message_exit_1_and_no_temporary(tmp_path, monkeypatch, command):
    from typer.testing import CliRunner

    from extract.cli import app

    facts = ROOT / "outputs" / "facts.jsonl"
    target = tmp_path / "out" / ("facts.csv" if command == "export" else "report.html")
    target.parent.mkdir()
    target.write_text("previous\n", "utf-8")
    _full_disk_writes(monkeypatch, target.parent)
    sources = ["--sources", str(ROOT / "seeds")] if command == "report" else []
    result = CliRunner().invoke(app, [command, "--facts", str(facts), *sources, "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    [message] = [line for line in result.output.splitlines() if line.strip()]
    assert str(target) in message and "No space left" in message
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]
    assert target.read_text("utf-8") == "previous\n"


# 6. Odd whitespace in a fresh run


def test_odd_whitespace_in_figures_and_cr_line_ends_audit_clean(tmp_path, extractor):
    from extract.checks.audit import audit

    folder = tmp_path / "in"
    text = (
        "Report on Ruritania\r\rIn 2024 the ICRC gave food to 3\u00a0000 people in the north.\r"
        "It also reached more\tthan 40,000 people with water.\r\rHealth\rWe supported 12 clinics.\r"
    )
    _write(folder, "report.txt", text)
    out = tmp_path / "facts.jsonl"
    result = run(folder, out, extractor)
    assert not result.failures
    facts = [FactRecord.model_validate_json(line) for line in out.read_text("utf-8").splitlines()]
    found = {f.quote: (f.quantity.value, f.quantity.low, f.quantity.qualifier.value) for f in facts}
    assert found == {
        "3\u00a0000 people": (3000, None, "exact"),
        "more\tthan 40,000 people": (40000, 40000, "more_than"),
        "12 clinics": (12, None, "exact"),
    }
    report = audit(out, sources=folder)
    assert report.findings == [] and report.facts == 3


# 8. kill -9 leftovers


def test_stale_temporaries_of_the_target_are_removed_and_a_live_writer_s_kept(tmp_path):
    import fcntl

    from extract import jsonl

    out = tmp_path / "facts.jsonl"
    stale = tmp_path / ".facts.jsonl.dead1234.tmp"
    stale.write_text("half a record", "utf-8")
    other = tmp_path / ".other.jsonl.dead1234.tmp"
    other.write_text("another target's", "utf-8")
    live = tmp_path / ".facts.jsonl.live5678.tmp"
    live.write_text("being written", "utf-8")
    with open(live) as holder:
        fcntl.flock(holder.fileno(), fcntl.LOCK_EX)
        writer = jsonl.AtomicFile(out)
        assert not stale.exists() and live.exists() and other.exists()
        writer.write("{}\n")
        writer.commit()
    assert out.read_text("utf-8") == "{}\n"


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.parametrize(
    "engine", [["--jobs", "2"], ["--engine", "dask", "--workers", "2"]], ids=["jobs", "dask-local-cluster"]
)
def test_workers_exit_when_a_jobs_run_is_killed(tmp_path, engine):
    if "dask" in engine:
        pytest.importorskip("distributed")
    import shutil
    import signal
    import subprocess
    import time

    (tmp_path / "in").mkdir()
    for copy in range(10):
        for source in [*sorted((ROOT / "seeds").glob("*.txt")), *sorted((ROOT / "tests/fixtures/docs").glob("*.txt"))]:
            shutil.copy(source, tmp_path / "in" / f"{copy}_{source.name}")
    process = subprocess.Popen(
        [sys.executable, "-m", "extract", "run", "in", "--out", "out.jsonl", "--no-cache", "--quiet", *engine],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        workers = {pid for pid in _children(process.pid) if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes()}
    assert len(workers) >= 2, f"the run started its workers ({process.poll()}, {_children(process.pid)})"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "workers outlived their run"
