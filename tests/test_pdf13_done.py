"""Issue 13's "done when", checked from a folder of sub-folders as `extract run` reads it (sources in docs/, html/,
pdf/): `audit --sources` and `report --sources` find each record's file at its doc_id's path below the folder, so a
mixed folder audits clean and its report shows the PDF figures on their page images; a file of the same name in
another sub-folder is another document. And a second reader (pdfplumber) finds the quote's characters, and no
others, inside the box of each one-line PDF quote: the boxes are tight, not just covering. No figure's box meets a
running header, footer or page number that the second reader finds by recurrence across pages."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.checks.audit import Problem, audit, resolve_source
from extract.cli import app
from extract.reading import read

from .conftest import FIXTURES

runner = CliRunner()
PDFS = [*sorted((FIXTURES / "pdf").glob("*.pdf")), *sorted((FIXTURES / "pdf_lines").glob("*.pdf"))]


def _invoke(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def nested(tmp_path_factory) -> tuple[Path, Path]:
    """reports/{docs,html,pdf,other}/ and the facts `extract run` writes for it; other/ holds a text report under
    the same file name as one in docs/ (another document: its doc_id is other/<name>)."""
    root = tmp_path_factory.mktemp("nested")
    sources = root / "reports"
    for folder, path in [
        ("docs", FIXTURES / "docs" / "fx01_yemen_2023.txt"),
        ("html", FIXTURES / "html" / "hx05_sudan_2024.html"),
        ("pdf", FIXTURES / "pdf" / "pf02_icrc_detention_2018.pdf"),
        ("pdf", FIXTURES / "pdf_lines" / "pl01_lebanon_hyphens_2024.pdf"),
    ]:
        (sources / folder).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, sources / folder)
    (sources / "other").mkdir()
    shutil.copy(FIXTURES / "docs" / "fx02_south_sudan_2024.txt", sources / "other" / "fx01_yemen_2023.txt")
    facts = root / "facts.jsonl"
    result = _invoke("run", "--sources", str(sources), "--out", str(facts), "--no-cache", "--quiet")
    assert result.exit_code == 0, result.output
    return sources, facts


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]


def test_audit_with_a_sources_folder_of_sub_folders_is_clean(nested):
    sources, facts = nested
    records = _records(facts)
    assert {r["doc_id"] for r in records} >= {
        "docs/fx01_yemen_2023",
        "other/fx01_yemen_2023",
        "pdf/pl01_lebanon_hyphens_2024",
    }
    report = audit(facts, sources=sources)
    assert report.findings == []
    assert report.sources_checked == 5
    result = _invoke("audit", "--facts", str(facts), "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert result.output.rstrip().endswith(": clean")


def test_a_file_of_the_same_name_in_another_sub_folder_is_not_taken_for_processed(nested, tmp_path: Path):
    sources, facts = nested
    kept = tmp_path / "facts.jsonl"
    lines = [line for line in facts.read_text("utf-8").splitlines() if '"doc_id":"other/' not in line]
    kept.write_text("".join(line + "\n" for line in lines), "utf-8")
    report = audit(kept, sources=sources)
    [finding] = report.findings
    assert finding.problem == Problem.UNPROCESSED
    assert finding.source is not None and finding.source.endswith("other/fx01_yemen_2023.txt")


def test_the_report_with_a_sources_folder_shows_pdf_figures_on_their_pages(nested, tmp_path: Path):
    sources, facts = nested
    out = tmp_path / "report.html"
    result = _invoke("report", "--facts", str(facts), "--sources", str(sources), "--out", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert "outside the sources folder" not in html and "source unavailable" not in html
    pdf_records = [r for r in _records(facts) if r["source"].endswith(".pdf")]
    images = re.findall(r'<image id="[^"]+" [^>]*href="data:image/png;base64,', html)
    assert len(images) == len({(r["doc_id"], r["page"]) for r in pdf_records}) > 0
    assert html.count("<use href=") == len(pdf_records)


def test_resolve_source_takes_the_doc_id_path_only_for_a_file_below_the_folder(tmp_path: Path):
    sources = tmp_path / "in"
    (sources / "a").mkdir(parents=True)
    (sources / "a" / "report.pdf").write_bytes(b"%PDF")
    (sources / "report.pdf").write_bytes(b"%PDF")
    root = tmp_path / "work"
    assert resolve_source("x/a/report.pdf", sources, root, "a/report") == sources / "a" / "report.pdf"
    # not: the doc_id's file is missing, names another file, or climbs out of the folder: the file name is used
    assert resolve_source("x/b/report.pdf", sources, root, "b/report") == sources / "report.pdf"
    assert resolve_source("x/a/report.pdf", sources, root, "a/other") == sources / "report.pdf"
    (tmp_path / "report.pdf").write_bytes(b"%PDF")
    assert resolve_source("x/report.pdf", sources, root, "../report") == sources / "report.pdf"
    assert resolve_source("x/report.pdf", sources, root) == sources / "report.pdf"
    # without a sources folder the record's own path is read, below the working folder only
    assert resolve_source("in/a/report.pdf", None, tmp_path, "a/report") == tmp_path / "in" / "a" / "report.pdf"
    assert resolve_source("../in/a/report.pdf", None, root, "a/report") is None


_SAME = str.maketrans({"\u00ad": "-", "\u2010": "-", "\u2011": "-"})


def _chars(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text).translate(_SAME)
    return Counter(c for c in folded if not c.isspace() and c != "\ufffd")


@pytest.mark.parametrize("path", PDFS, ids=lambda p: p.name)
def test_a_second_reader_finds_only_the_quote_inside_a_one_line_box(path: Path, extractor):
    pdfplumber = pytest.importorskip("pdfplumber")
    document = read(path)
    [done] = list(extractor.extract([document]))
    layout = document.source.layout
    checked = 0
    with pdfplumber.open(path) as plumber:
        for fact in done.facts:
            on_page = document.source.text[fact.span.start : min(fact.span.end, layout.page_span(fact.page)[1])]
            if "\n" in on_page.strip():
                continue  # a box over two lines holds the words beside the quote's ends too
            x0, top, x1, bottom = fact.bbox
            found = "".join(
                c["text"]
                for c in plumber.pages[fact.page - 1].chars
                if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
            )
            assert _chars(found) == _chars(on_page), (fact.id, on_page, found)
            checked += 1
    assert checked > 0 or path.parent.name == "pdf_lines"


def _running_lines(plumber) -> list[tuple[int, dict]]:
    """(page, line) of the lines a second reader finds in the top or bottom tenth of a page that stand, digits
    aside ("Page 1 of 2", "– 2 –"), at the same height on two pages or more: running headers, footers and page
    numbers, found without our reader."""
    zone: list[tuple[int, dict, tuple[str, int]]] = []
    for number, page in enumerate(plumber.pages, 1):
        for line in page.extract_text_lines():
            if line["top"] < 0.1 * page.height or line["bottom"] > 0.9 * page.height:
                zone.append((number, line, (re.sub(r"\d+", "#", line["text"].strip()), round(line["top"] / 3))))
    pages: dict[tuple[str, int], set[int]] = {}
    for number, _, key in zone:
        pages.setdefault(key, set()).add(number)
    return [(number, line) for number, line, key in zone if len(pages[key]) >= 2]


@pytest.mark.parametrize("path", sorted((FIXTURES / "pdf").glob("*.pdf")), ids=lambda p: p.name)
def test_no_figure_comes_from_a_running_header_or_footer(path: Path, extractor):
    pdfplumber = pytest.importorskip("pdfplumber")
    [done] = list(extractor.extract([read(path)]))
    with pdfplumber.open(path) as plumber:
        running = _running_lines(plumber)
    assert len({number for number, _ in running}) == len(plumber.pages)  # every page of the fixtures has them
    for fact in done.facts:
        x0, top, x1, bottom = fact.bbox
        on = [
            line["text"]
            for number, line in running
            if number == fact.page
            and x0 <= line["x1"]
            and line["x0"] <= x1
            and top <= line["bottom"]
            and line["top"] <= bottom
        ]
        assert on == [], (fact.quote, fact.page, on)


def test_the_running_lines_of_a_second_reader_are_headers_and_page_numbers():
    """The check above finds what it must (and not the report's body): the Kenya fixture's header and footer."""
    pdfplumber = pytest.importorskip("pdfplumber")
    with pdfplumber.open(FIXTURES / "pdf" / "pf01_kenya_floods_2023.pdf") as plumber:
        found = {re.sub(r"\d+", "#", line["text"]) for _, line in _running_lines(plumber)}
    assert found == {"IFRC · Kenya: Floods · Emergency Appeal MDRKE# Operation update no. #", "Page # of #"}
