"""Bad input: each refused document gets one message naming it and the reason; odd encodings are decoded
with a warning; the other documents are processed as usual."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import extract.reading.ingest as ingest
from extract.reading import IngestError, read_document
from extract.reading.text import clean
from extract.run import DocumentFailure, run

from .conftest import ROOT


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_cp1252_is_decoded_with_a_warning_naming_the_file(tmp_path):
    path = _write(tmp_path, "cp.txt", "We don\u2019t forget 300 people in Caf\u00e9 town.".encode("cp1252"))
    doc = read_document(path)
    assert doc.encoding == "cp1252"
    assert doc.text == "We don\u2019t forget 300 people in Caf\u00e9 town."
    assert doc.warnings == (f"{path}: not UTF-8; decoded as cp1252 (a guess); spans refer to the decoded text",)


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    doc = read_document(_write(tmp_path, "l1.txt", b"Caf\xe9 \x81 report"))
    assert doc.encoding == "iso8859-1" and doc.text == "Caf\u00e9 \x81 report" and doc.warnings


def test_html_declared_charset_is_used(tmp_path):
    page = '<html><head><meta charset="iso-8859-15"></head><body><p>\u20ac 5</p></body></html>'
    doc = read_document(_write(tmp_path, "p.html", page.encode("iso-8859-15")))
    assert doc.encoding == "iso8859-15" and "\u20ac 5" in doc.text
    assert "the charset it declares" in doc.warnings[0]


def test_utf16_with_bom_is_not_binary(tmp_path):
    doc = read_document(_write(tmp_path, "u.txt", "300 people".encode("utf-16")))
    assert doc.text == "300 people" and doc.warnings == ()


def test_mojibake_is_flagged_and_repaired_with_the_map_kept(tmp_path):
    source = "We don\u00e2\u20ac\u2122t forget 300 people."
    doc = read_document(_write(tmp_path, "m.txt", source.encode("utf-8")))
    assert doc.encoding == "utf-8" and "mojibake" in doc.warnings[0]
    [segment] = clean(doc.text).segments
    assert segment.text == "We don't forget 300 people."
    apostrophe = segment.text.index("'")
    start, end = segment.mapped.source_span(apostrophe - 3, apostrophe + 2)
    assert source[start:end] == "don\u00e2\u20ac\u2122t"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.html", b"  \n\t", "empty file"),
        ("binary.txt", b"\x00\x01PNG\x00" * 10, "binary content (NUL bytes), not a text report"),
        ("cut.html", b"<html><body><p>We fed 200 people.</p><p class=", "truncated HTML (the file ends inside a tag"),
        ("cut2.html", b"<html><body><p>We fed 200 people.</p>", "truncated HTML (no closing </html> tag)"),
        ("deep.html", b"<html><body>" + b"<div>" * 500 + b"x</body></html>", "HTML nested deeper than 200 elements"),
        ("wide.html", b"<html><body>" + b"<i>1</i>" * 10**5 + b"</body></html>", "HTML with more than 100,000"),
    ],
)
def test_bad_documents_are_refused_with_the_reason(tmp_path, name, data, reason):
    path = _write(tmp_path, name, data)
    with pytest.raises(IngestError) as error:
        read_document(path)
    assert str(error.value).startswith(f"{path}: {reason}")


def test_too_large_file_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 10)
    path = _write(tmp_path, "big.txt", b"x" * 11)
    with pytest.raises(IngestError, match=r"big\.txt: file too large \(11 bytes > 10\)"):
        read_document(path)


def test_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = _write(tmp_path, "locked.txt", b"300 people")
    original = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)  # chmod 000 does not stop root
    with pytest.raises(IngestError, match=r"locked\.txt: cannot read file \(Permission denied\)"):
        read_document(path)


def test_bad_documents_do_not_stop_the_others(extractor, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "MAX_BYTES", 1000)
    [
        _write(tmp_path, "a.txt", b"We fed 200 people."),
        _write(tmp_path, "b.html", b"<html><body><p>We fed <b>300</b> people.</p></body></html>"),
        _write(tmp_path, "c.txt", "Caf\u00e9: 40 people.".encode("latin-1")),
    ]
    bad = [
        _write(tmp_path, "d.txt", b""),
        _write(tmp_path, "e.txt", b"\x00" * 5),
        _write(tmp_path, "f.html", b"<html><p>cut"),
        _write(tmp_path, "g.txt", b"y" * 1001),
    ]
    failures = []
    result = run(tmp_path, tmp_path / "out" / "facts.jsonl", extractor, on_failure=failures.append)
    assert (result.documents, result.succeeded, result.facts) == (7, 3, 3)
    assert sorted(f.path for f in failures) == bad
    assert all(isinstance(f, DocumentFailure) and str(f).startswith(str(f.path)) for f in failures)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extract", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.mark.slow
def test_run_names_bad_html_and_exits_1(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    _write(seeds, "good.txt", b"Report title\n\nWe fed 200 people.")
    _write(seeds, "cut.html", b"<html><body><p>We fed 300 people.</p><p class=")
    _write(seeds, "deep.html", b"<html><body>" + b"<div>" * 500 + b"x</body></html>")
    result = _cli("run", "seeds", "--out", "facts.jsonl", "--quiet", cwd=tmp_path)
    assert result.returncode == 1
    assert "cut.html: truncated HTML" in result.stderr and "deep.html: HTML nested deeper" in result.stderr
    assert "1 of 3 documents processed" in result.stderr
    assert '"doc_id":"good"' in (tmp_path / "facts.jsonl").read_text().replace(" ", "")


@pytest.mark.slow
def test_add_copies_under_its_own_name_refuses_duplicates_and_regenerates(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    new = ROOT / "tests/fixtures/docs/fx01_yemen_2023.txt"
    first = _cli("add", str(new), "--out", "out/facts.jsonl", "--quiet", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    copy = seeds / new.name
    assert copy.read_bytes() == new.read_bytes()
    assert '"doc_id":"fx01_yemen_2023"' in (tmp_path / "out/facts.jsonl").read_text().replace(" ", "")
    again = _cli("add", str(new), "--out", "out/facts.jsonl", "--quiet", cwd=tmp_path)
    assert again.returncode == 1
    assert f"refused: {new}: duplicate of seeds/{new.name}" in again.stderr.replace("\n", "")


def test_add_refuses_another_file_of_the_same_name_unless_replace(tmp_path):
    from extract.reading import add_documents

    seeds, incoming = tmp_path / "seeds", tmp_path / "in"
    seeds.mkdir()
    incoming.mkdir()
    (seeds / "report.txt").write_text("1,200 people were reached.\n", "utf-8")
    edited = incoming / "report.txt"
    edited.write_text("Edit 1,200 people were reached.\n", "utf-8")
    added, refused = add_documents([edited], seeds)
    assert added == [] and "already exists with other content" in refused[0]
    assert (seeds / "report.txt").read_text("utf-8").startswith("1,200")
    added, refused = add_documents([edited], seeds, replace=True)
    assert (added, refused) == ([seeds / "report.txt"], [])
    assert (seeds / "report.txt").read_bytes() == edited.read_bytes()
    added, refused = add_documents([edited], seeds, replace=True)
    assert added == [] and "duplicate of" in refused[0]


def test_a_page_refused_once_its_tree_is_built_is_refused_at_ingestion(tmp_path, monkeypatch):
    """Misnesting that only lxml turns into too deep a tree: ingestion reads the whole page, so the file is named
    with the reason instead of passing and giving no facts."""
    import extract.reading.document
    import extract.reading.html

    def too_deep(source: str):
        raise extract.reading.html.HtmlError("HTML nested deeper than 200 elements")

    monkeypatch.setattr(extract.reading.document, "read_page", too_deep)
    page = tmp_path / "deep.html"
    page.write_text("<html><body><p>1,200 detainees</p></body></html>", "utf-8")
    with pytest.raises(IngestError, match=r"deep\.html: HTML nested deeper than 200 elements"):
        read_document(page)
