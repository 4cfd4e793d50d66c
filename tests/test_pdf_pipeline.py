"""PDF reports through the whole pipeline: one facts file with text and HTML, each PDF figure with page and box."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from extract.checks.audit import audit
from extract.reading import IngestError, read

from .conftest import FIXTURES, SHARED_PDF

PDFS = sorted((FIXTURES / "pdf").glob("*.pdf"))


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "extract", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)


def test_running_headers_and_page_numbers_are_boilerplate():
    document = read(FIXTURES / "pdf" / "pf01_kenya_floods_2023.pdf")
    furniture = [s for s in document.text.segments if s.reason == "page furniture"]
    assert furniture, "the fixture has a running header and page numbers on every page"
    masked = {"".join("#" if c.isdigit() else c for c in s.text) for s in furniture}
    assert masked == {"Page # of #", "IFRC · Kenya: Floods · Emergency Appeal MDRKE### | Operation update no. #"}


@pytest.mark.slow
def test_a_mixed_folder_gives_one_facts_file_and_audits_clean(tmp_path: Path):
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(FIXTURES / "docs" / "fx01_yemen_2023.txt", folder)
    shutil.copy(FIXTURES / "html" / "hx05_sudan_2024.html", folder)
    for pdf in PDFS:
        shutil.copy(pdf, folder)
    done = _cli("run", "--sources", "reports", "--out", "facts.jsonl", "--no-cache", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text("utf-8").split("\n") if line]
    by_format = {r["source"].rsplit(".", 1)[1] for r in records}
    assert by_format == {"txt", "html", "pdf"}
    for record in records:
        if record["source"].endswith(".pdf"):
            assert record["page"] >= 1 and len(record["bbox"]) == 4
            x0, top, x1, bottom = record["bbox"]
            assert 0 <= x0 < x1 and 0 <= top < bottom
        else:
            assert "page" not in record and "bbox" not in record
    report = audit(tmp_path / "facts.jsonl", root=tmp_path)
    assert report.findings == []
    assert not any("page furniture" in r["sentence"] for r in records)


def _pdfs_beside_the_project() -> list[Path]:
    return sorted(SHARED_PDF.glob("*.pdf")) if SHARED_PDF.is_dir() else []


@pytest.mark.slow
@pytest.mark.skipif(not SHARED_PDF.is_dir(), reason="shared/pdf is not beside the project")
def test_the_robustness_corpus_is_processed_or_refused_with_its_reason(tmp_path: Path):
    folder = tmp_path / "pdfs"
    shutil.copytree(SHARED_PDF, folder, ignore=shutil.ignore_patterns("*.md"))
    done = _cli("run", "--sources", "pdfs", "--out", "facts.jsonl", "--no-cache", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "issue-203-decimalize.pdf: no text layer (scanned PDF?); OCR is not supported" in done.stderr
    assert "Traceback" not in done.stderr
    assert "11 of 12 documents processed" in done.stderr
    records = [json.loads(line) for line in (tmp_path / "facts.jsonl").read_text("utf-8").split("\n") if line]
    assert len(records) > 1000
    texts = {name: read(tmp_path / name).source.text for name in {r["source"] for r in records}}
    for record in records:
        assert texts[record["source"]][record["span"]["start"] : record["span"]["end"]] == record["quote"]


@pytest.mark.parametrize(
    "content, reason",
    [(b"", "empty file"), (b"%PDF-1.7\n garbage", "not a readable PDF"), (b"\x89PNG\r\n" * 50, "not a readable PDF")],
)
def test_bad_pdfs_are_refused_with_the_file_named(tmp_path: Path, content: bytes, reason: str):
    path = tmp_path / "bad.pdf"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=rf"bad\.pdf: {reason}"):
        read(path)


def test_a_truncated_pdf_is_refused(tmp_path: Path):
    data = PDFS[0].read_bytes()
    path = tmp_path / "cut.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IngestError, match=r"cut\.pdf: "):
        read(path)
