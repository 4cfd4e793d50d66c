"""Properties that hold for any input: the offset map stays valid and every quote equals its source span."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.reading.ingest import SourceDocument
from extract.reading.text import clean

PIECES = st.sampled_from(
    [
        "Nearly 3,000 people",
        "15,000+",
        "\n\n",
        "\r\n",
        "\n",
        " ",
        "\u00a0",
        "\t",
        "\u2019",
        "\u201c",
        "close",
        "Photo: A/B",
        "Leave a Reply",
        "Tens of thousands",
        "of servicemen",
        "between 5 and 10 days",
        "CHF 2.5m",
        "1,376",
        "detention visits",
        "COVID-19",
        "since 1992",
        "40%",
        "twice",
        ".",
        ",",
        "(ICRC)",
        "é",
        "—",
        "𝔘",
        "\u200b",
        "\u2028",
        "Heading line",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_clean_map_points_into_source(source: str):
    for segment in clean(source).segments:
        mapped = segment.mapped
        assert mapped.length == len(segment.text) > 0
        for index, char in enumerate(segment.text):
            origin = source[mapped.to_source(index)]
            # every clean character is its source character, a normalised form of it, or a joining space
            # ...or stands for a wider source sequence (a repaired mojibake run, a character reference)
            assert char == origin or char in " '\"-" or index in mapped.wide, (char, origin)
        start, end = mapped.source_span(0, len(segment.text))
        assert source[start:end].split() and 0 <= start < end <= len(source)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_every_quote_equals_its_source_span(extractor, source: str):
    document = SourceDocument("doc", __import__("pathlib").Path("doc.txt"), source, "0" * 64, "txt", "utf-8")
    for extracted in extractor.extract([document]):
        for fact in extracted.facts:
            assert source[fact.span.start : fact.span.end] == fact.quote
            assert fact.quantity.start == fact.span.start and fact.quantity.end == fact.span.end
            assert fact.span.start <= fact.quantity.number_start < fact.quantity.number_end <= fact.span.end
