from __future__ import annotations

from extract.reading import SegmentKind
from extract.reading.text import clean


def _source_of(source: str, segment) -> str:
    start, end = segment.mapped.source_span(0, len(segment.text))
    return source[start:end]


def test_statistic_block_joins_figure_and_label_and_maps_back():
    source = (
        "Report title\n\nOur work in numbers\n\n4,000\n\nmissing persons registered\n\n"
        "15,000+\r\n\r\ndetainees screened"
    )
    segments = clean(source).segments
    stats = [s for s in segments if s.kind is SegmentKind.STATISTIC]
    assert [s.text for s in stats] == ["4,000 missing persons registered", "15,000+ detainees screened"]
    assert _source_of(source, stats[0]) == "4,000\n\nmissing persons registered"
    assert _source_of(source, stats[1]) == "15,000+\r\n\r\ndetainees screened"
    assert all(s.section == "Our work in numbers" for s in stats)


def test_a_key_figure_with_a_footnotes_asterisks_joins_its_label():
    source = "KEY FIGURES\n\n0.239million**\n\nReached population through HRP activities\n"
    stats = [s for s in clean(source).segments if s.kind is SegmentKind.STATISTIC]
    assert [s.text for s in stats] == ["0.239million** Reached population through HRP activities"]


def test_boilerplate_is_marked():
    source = (
        "close\nclose\n\nTitle of the report\n\nTitle of the report\n\nA paragraph with 20 people.\n\n"
        "Three children play in a yard\nPhoto: Jane Doe/ICRC\n\nLeave a Reply\n\n2 comments on this"
    )
    kinds = [(s.kind, s.reason) for s in clean(source).segments]
    assert kinds == [
        (SegmentKind.BOILERPLATE, "navigation"),
        (SegmentKind.HEADING, ""),
        (SegmentKind.BOILERPLATE, "repeated title"),
        (SegmentKind.PARAGRAPH, ""),
        (SegmentKind.BOILERPLATE, "photo credit"),
        (SegmentKind.BOILERPLATE, "comment form"),
        (SegmentKind.BOILERPLATE, "comment form"),
    ]


def test_caption_before_a_credit_line_is_boilerplate():
    source = "Report title\n\nTwo women carry a sack of aid.\n\nPhoto: A. Person/ICRC\n\nText follows here."
    segments = clean(source).segments
    assert [(s.kind, s.reason) for s in segments][1] == (SegmentKind.BOILERPLATE, "photo caption")


def test_characters_are_normalised_one_for_one():
    source = "The country\u2019s\u00a0 people  gathered\ton site."
    [segment] = clean(source).segments
    assert segment.text == "The country's people gathered on site."
    assert _source_of(source, segment) == source
    position = segment.text.index("people")
    assert source[segment.mapped.to_source(position) :].startswith("people")


def test_block_before_a_source_line_is_the_sourced_table_not_a_caption():
    source = (
        "Report title\n\nDistrict Deaths Injured\nNorthvale 412 57 Eastmoor 90 12\n\n"
        "Source: Ministry of Health, 03/04/2021\n\nText follows here."
    )
    kinds = [(s.kind, s.reason) for s in clean(source).segments]
    assert kinds[1] == (SegmentKind.PARAGRAPH, "")
    assert kinds[2] == (SegmentKind.BOILERPLATE, "source line")


def test_photo_credit_still_marks_its_caption():
    source = "Report title\n\nA nurse checks 12 children.\n\nPhoto credit: A. Person/UNICEF\n\nText follows here."
    kinds = [(s.kind, s.reason) for s in clean(source).segments]
    assert kinds[1:3] == [(SegmentKind.BOILERPLATE, "photo caption"), (SegmentKind.BOILERPLATE, "photo credit")]
