"""Generated documents, text and HTML: no exception escapes a document, every record validates and re-reads from
the written file, quote == source[span], ids are unique, and audit is clean on a fresh run."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.checks.audit import audit
from extract.jsonl import read as read_records
from extract.models import FactRecord
from extract.run import run

PIECES = [
    "We visited 1,200 detainees",
    "more than 40,000 people",
    "up to 40 litres",
    "1?2",
    "3\u00b9",
    "2 to 3 months",
    "CHF 3.2 million",
    "in 2024",
    "Comments",
    "2 comments",
    "Reply",
    "\u2028",
    "\x85",
    "\u00a0",
    "\t",
    "\r",
    "\n",
    "\n\n",
    ".",
    ",",
    " ",
    "nearly 3,000 families",
    "between 200 and 300",
    "tens of thousands",
    "5 ft 2 in",
    "½",
    "ICRC",
    "the Red Cross",
    "Water",
    "\u202f000",
]
text_documents = st.lists(st.sampled_from(PIECES), min_size=1, max_size=40).map("".join)
html_documents = text_documents.map(
    lambda body: (
        "<html><body><h1>Report</h1><p>" + body.replace("\n\n", "</p><p>").replace("<", "&lt;") + "</p></body></html>"
    )
)


def _check(extractor, name: str, content: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "in"
        folder.mkdir()
        (folder / name).write_bytes(content.encode("utf-8"))
        failures: list = []
        out = root / "facts.jsonl"
        run(folder, out, extractor, on_failure=failures.append, cache=None)
        reasons = [f.reason for f in failures]
        assert not any("unexpected" in r for r in reasons), reasons
        if failures:
            return  # refused with a reason (an empty file)
        records, bad = read_records(out, FactRecord)
        assert bad == []
        source = (folder / name).read_bytes().decode("utf-8")
        for record in records:
            assert source[record.span.start : record.span.end] == record.quote
        assert len({r.id for r in records}) == len(records)
        report = audit(out, sources=folder, root=root)
        assert report.findings == [], report.findings


@pytest.mark.slow
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text_documents)
def test_fuzz_text(extractor, content):
    _check(extractor, "report.txt", content)


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(html_documents)
def test_fuzz_html(extractor, content):
    _check(extractor, "page.html", content)
