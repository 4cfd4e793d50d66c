"""HTML pages: main content only, boilerplate dropped, and every fact's quote is the raw HTML at its span."""

from __future__ import annotations

from html import unescape
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.checks.evaluate import load_gold
from extract.reading import CleanText, SegmentKind, SourceDocument, read_document
from extract.reading.html import HtmlError, Run, align, page_segments, read_page, scan

from .conftest import FIXTURES, assert_meets_gold

GOLDS = sorted((FIXTURES / "html_gold").glob("*.json"))


def clean_html(source: str):
    """The segments of a page; none for a page the reader refuses (ingestion names such a file instead)."""
    try:
        return page_segments(read_page(source))
    except HtmlError:
        return CleanText([], None)


def check(source: str) -> None:
    read_page(source)


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


@settings(max_examples=300, deadline=None)
@given(HTML_LIKE)
def test_aligned_text_is_the_source_it_claims(html: str):
    """Every aligned string is, run by run, the characters at its offsets; what cannot be aligned is dropped."""
    try:
        page = read_page(html)
    except HtmlError:
        return
    for string in page.soup.find_all(string=True):
        runs = [item for item in page.alignment.texts.get(id(string), ()) if isinstance(item, Run)]
        if not runs:
            continue
        assert "".join(run.text for run in runs) == string.strip()
        for run in runs:
            raw = html[run.start : run.end]
            assert raw == run.text if run.literal else run.text in (unescape(raw), "\n")


def _facts(extractor, html: str) -> list:
    document = SourceDocument("page", Path("page.html"), html, "0" * 64, "html", "utf-8")
    [extracted] = list(extractor.extract([document]))
    for fact in extracted.facts:
        assert html[fact.span.start : fact.span.end] == fact.quote
    return extracted.facts


def test_cells_and_paragraphs_without_end_tags(extractor):
    html = "<table><tr><td><p>Detainees visited<td><p>1,020,088<tr><td>Places of detention<td>64</table>"
    assert [s.text for s in clean_html(html).segments] == ["1,020,088 Detainees visited", "64 Places of detention"]
    [visited, places] = _facts(extractor, html)
    assert visited.quote == "Detainees visited<td><p>1,020,088" and visited.subject == "Detainees"
    assert places.quote == "Places of detention<td>64"


def test_misnested_inline_tags(extractor):
    html = "<p><b><i>1,376</b></i> detention visits were made.</p>"
    [fact] = _facts(extractor, html)
    assert fact.quote == "1,376</b></i> detention visits"


@pytest.mark.parametrize("body", ["", "<tbody>"], ids=["without-tbody", "with-tbody"])
def test_table_rows_with_or_without_tbody(extractor, body: str):
    html = f"<table>{body}<tr><th>Detainees visited</th><td>1,020,088</td></tr></table>"
    [segment] = clean_html(html).segments
    assert (segment.kind, segment.text) == (SegmentKind.STATISTIC, "1,020,088 Detainees visited")
    [fact] = _facts(extractor, html)
    assert fact.quote == "Detainees visited</th><td>1,020,088"


def test_references_inside_a_string(extractor):
    html = "<p>We gave 5&nbsp;000 food parcels to the region&#8217;s families.</p>"
    [segment] = clean_html(html).segments
    assert segment.text == "We gave 5 000 food parcels to the region's families."
    apostrophe = segment.text.index("'")
    assert html[slice(*segment.mapped.source_span(apostrophe, apostrophe + 1))] == "&#8217;"
    [fact] = _facts(extractor, html)
    assert fact.quote == "5&nbsp;000 food parcels"


def test_text_straight_inside_a_table(extractor):
    html = "<table>We registered 300 families.<tr><td>Detainees visited</td><td>1,020,088</td></tr></table>"
    assert read_page(html).alignment.dropped == []
    assert [f.quote for f in _facts(extractor, html)] == ["300 families", "Detainees visited</td><td>1,020,088"]


def test_a_string_out_of_source_order_is_found_where_it_is():
    html = "<div><p>We fed 10 people.</p><p>We fed 20 people.</p><p>We fed 10 people.</p></div>"
    soup = BeautifulSoup(html, "lxml")
    soup.div.append(soup.div.p.extract())  # as lxml would leave a node it moved: after text that follows it
    alignment = align(soup, scan(html))
    starts = [alignment.texts[id(s)][0].start for s in soup.find_all(string=True)]
    assert alignment.dropped == [] and starts == [html.index("We fed 20"), html.rindex("We fed 10"), 8]


def test_a_string_lxml_reads_otherwise_is_dropped_not_guessed():
    html = "<p>We fed\x00200 people.</p><p>We fed 300 people.</p>"  # libxml2 reads the NUL as U+FFFD
    assert read_page(html).alignment.dropped == ["We fed\ufffd200 people."]
    assert [s.text for s in clean_html(html).segments] == ["We fed 300 people."]


def test_text_lxml_cannot_take_is_refused_with_a_reason():
    with pytest.raises(HtmlError, match="rejects"):  # a lone surrogate; no file decodes to one
        read_page("<p>We fed \ud800 200 people.</p>")


def test_crlf_reads_as_one_line_break(extractor):
    html = "<html>\r\n<body>\r\n<p>We fed\r\n200 people.</p>\r\n</body>\r\n</html>\r\n"
    assert read_page(html).alignment.dropped == []
    [fact] = _facts(extractor, html)
    assert fact.quote == "200 people"


def test_nesting_that_lxml_would_build_is_refused_before_it_parses():
    with pytest.raises(HtmlError, match="nested deeper"):
        check("<b><div>x</b>" * 300)  # a </b> cannot close the <div> inside it, so each round nests two deeper
    check("<p><font>x</font>" * 300 + "<ul><li>a" * 3)
