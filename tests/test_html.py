"""HTML pages: main content only, boilerplate dropped, and every fact's quote is the raw HTML at its span."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.clean import SegmentKind
from extract.evaluate import load_gold
from extract.html import clean_html
from extract.ingest import read_document

from .conftest import FIXTURES, assert_meets_gold

GOLDS = sorted((FIXTURES / "html_gold").glob("*.json"))


def _source_of(html: str, segment) -> str:
    start, end = segment.mapped.source_span(0, len(segment.text))
    return html[start:end]


def test_there_are_html_fixtures():
    assert len(GOLDS) >= 4


@pytest.mark.parametrize("gold_path", GOLDS, ids=[p.stem for p in GOLDS])
def test_html_page_meets_gold(extractor, gold_path: Path):
    assert read_document(FIXTURES / "html" / load_gold(gold_path).source.file).format == "html"
    assert_meets_gold(extractor, gold_path, FIXTURES / "html")


PAGE = """<html><head><title>T</title><script>var n = 5;</script></head><body>
<header><nav><a>Home</a> <a>Top 10</a></nav></header>
<main><h1>Report &amp; figures</h1>
<p>We visited <strong>1,376</strong> detention&nbsp;places in 2023 &#8211; a record.</p>
<table><tr><th>Detainees visited</th><td>1,020,088</td></tr><tr><td>Year</td><td>2023</td><td>2024</td></tr></table>
<figure><img src="x.jpg"><figcaption>Some 30 children. <span class="credit">Photo: A/ICRC</span></figcaption></figure>
<div class="share-buttons">Share 12</div><div class="cookie-notice">3 cookies</div>
<ul><li>First item</li><li>Second item</li></ul>
</main><aside>Related: 5 stories</aside><footer>&copy; 2024</footer></body></html>"""


def test_main_content_only_and_kinds():
    cleaned = clean_html(PAGE)
    got = [(s.kind, s.text) for s in cleaned.segments]
    assert got == [
        (SegmentKind.HEADING, "Report & figures"),
        (SegmentKind.PARAGRAPH, "We visited 1,376 detention places in 2023 \u2013 a record."),
        (SegmentKind.STATISTIC, "1,020,088 Detainees visited"),
        (SegmentKind.PARAGRAPH, "Year | 2023 | 2024"),
        (SegmentKind.BOILERPLATE, "Some 30 children. Photo: A/ICRC"),
        (SegmentKind.PARAGRAPH, "First item"),
        (SegmentKind.PARAGRAPH, "Second item"),
    ]
    assert cleaned.title == "Report & figures"


def test_references_and_inline_tags_map_to_the_raw_html():
    [heading, paragraph, row, *_] = clean_html(PAGE).segments
    assert _source_of(PAGE, heading) == "Report &amp; figures"
    text = paragraph.text
    start, end = paragraph.mapped.source_span(text.index("1,376"), text.index("places") + len("places"))
    assert PAGE[start:end] == "1,376</strong> detention&nbsp;places"
    dash = text.index("\u2013")
    assert PAGE[slice(*paragraph.mapped.source_span(dash, dash + 1))] == "&#8211;"  # the whole reference
    # the row's figure comes first in the clean text, yet the span is the raw row from label to figure
    assert _source_of(PAGE, row) == "Detainees visited</th><td>1,020,088"
    number = row.text.index("1,020,088")
    assert PAGE[slice(*row.mapped.source_span(number, number + 9))] == "1,020,088"


def test_page_without_main_uses_the_body_and_drops_frames():
    page = (
        '<body class="comments-open"><div id="menu">Menu 4</div><p>We fed 200 people.</p><footer>1 2 3</footer></body>'
    )
    assert [s.text for s in clean_html(page).segments] == ["We fed 200 people."]


TAGS = st.sampled_from(["p", "div", "strong", "em", "td", "tr", "table", "li", "ul", "h2", "span", "figcaption", "br"])
PIECES = st.one_of(
    st.sampled_from(
        [
            "&amp;",
            "&nbsp;",
            "&#8217;",
            "&#x2019;",
            "&bogus;",
            "&",
            "<",
            ">",
            "1,376",
            " detention visits",
            "\n",
            "<!-- c -->",
            "<script>1 < 2</script>",
            "don\u00e2\u20ac\u2122t",
            "\u00a0",
            "Photo: X",
            '<a href="x">',
        ]
    ),
    TAGS.map(lambda t: f"<{t}>"),
    TAGS.map(lambda t: f"</{t}>"),
    TAGS.map(lambda t: f'<{t} class="share">'),
    st.text(max_size=10),
)
HTML_LIKE = st.lists(PIECES, max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(HTML_LIKE)
def test_html_cleaning_keeps_a_valid_map(html: str):
    for segment in clean_html(html).segments:
        mapped = segment.mapped
        assert mapped.length == len(segment.text) > 0
        for index, char in enumerate(segment.text):
            origin_start, origin_end = mapped.to_source(index), mapped.source_end(index)
            assert 0 <= origin_start < origin_end <= len(html)
            origin = html[origin_start]
            # the same character, a normalised form, a joining space or cell separator at a gap, or a decoded
            # character reference / repaired mojibake covering its whole source
            assert char == origin or char in " '\"-|" or index in mapped.wide, (char, origin)
        start, end = mapped.source_span(0, len(segment.text))
        assert 0 <= start < end <= len(html)
