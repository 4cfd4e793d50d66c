"""A second PDF reader agrees with every fact's page and box: pdfplumber (on pdfminer.six, not PDFium) finds the
quote's characters inside the record's bbox on its page."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from extract.reading import IngestError, read

from .conftest import FIXTURES, SHARED_PDF

OURS = [*sorted((FIXTURES / "pdf").glob("*.pdf")), *sorted((FIXTURES / "pdf_lines").glob("*.pdf"))]
SHARED = [pytest.param(p, id=p.name) for p in sorted(SHARED_PDF.glob("*.pdf"))] or [
    pytest.param(None, marks=pytest.mark.skip(reason=f"{SHARED_PDF} is missing"), id="shared-missing")
]
_SAME = str.maketrans({"\u00ad": "-", "\u2010": "-", "\u2011": "-"})


def _chars(text: str) -> Counter[str]:
    folded = unicodedata.normalize("NFKC", text).translate(_SAME)
    return Counter(c for c in folded if not c.isspace() and c != "\ufffd")


def _inside(chars: list[dict], box: list[float], slack: float = 0.5) -> str:
    x0, top, x1, bottom = box
    return "".join(
        c["text"]
        for c in chars
        if x0 - slack <= (c["x0"] + c["x1"]) / 2 <= x1 + slack
        and top - slack <= (c["top"] + c["bottom"]) / 2 <= bottom + slack
    )


def _disagreements(path: Path, extractor) -> tuple[int, list[tuple[str, int, str, str]]]:
    """(facts checked, the facts whose quote characters pdfplumber does not find inside their box)."""
    pdfplumber = pytest.importorskip("pdfplumber")
    try:
        document = read(path)
    except IngestError:
        pytest.skip("refused (no text layer)")
    [done] = list(extractor.extract([document]))
    layout = document.source.layout
    bad = []
    with pdfplumber.open(path) as plumber:
        pages: dict[int, list[dict]] = {}
        for fact in done.facts:
            assert fact.page is not None and fact.bbox is not None
            page_end = layout.page_span(fact.page)[1]
            on_page = document.source.text[fact.span.start : min(fact.span.end, page_end)]
            chars = pages.setdefault(fact.page, plumber.pages[fact.page - 1].chars)
            found = _inside(chars, fact.bbox)
            if _chars(on_page) - _chars(found):
                bad.append((fact.id, fact.page, on_page, found))
    return len(done.facts), bad


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.name)
def test_a_second_reader_finds_each_fact_in_its_box(path: Path, extractor):
    checked, bad = _disagreements(path, extractor)
    assert checked > 0
    assert bad == []


@pytest.mark.slow
@pytest.mark.parametrize("path", SHARED)
def test_a_second_reader_finds_each_fact_in_its_box_in_the_shared_pdfs(path: Path, extractor):
    checked, bad = _disagreements(path, extractor)
    # pdfminer and PDFium differ on a few glyphs (unmapped fonts, text drawn over text): at most 2% of the facts
    assert len(bad) <= 0.02 * checked, bad[:5]
