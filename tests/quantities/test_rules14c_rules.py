"""Rules for the classes session 14's real14c batch showed (issue #12): page markers of document-site copies read
as counts (a lone page 1, the site's page count on the copy's first line, a snippet cut before the next page's
heading), qualifiers read as exact, counted nouns cut short or taken from the wrong word. Made-up sentences, one
rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import parse_quantities
from extract.parsing.copy_pages import page_number_starts


def _values(text: str) -> list[float | None]:
    return [q.value for q in parse_quantities(text)]


def test_page_one_alone_on_its_line_opens_a_run_of_page_numbers() -> None:
    text = "Download report\n\n1\n\n2 Summary Contents Background\n\n3 Response Cholera Chad 12 cases were seen\n"
    first = text.index("1\n")
    assert page_number_starts(text) >= {first, text.index("2 Summary"), text.index("3 Response")}


def test_a_lone_number_that_opens_no_run_is_kept() -> None:
    text = "Cases\n\n1\n\nDeaths\n\n4 Regions were hit\n"
    assert page_number_starts(text) == set()  # a lone 1, then no 2 opening the next numbered line
    assert page_number_starts("Summary\n\n7\n\n8 Overview\n\n9 Annex\n") == set()  # a lone page must be page 1


def test_a_lone_number_on_a_copys_first_line_is_the_sites_page_count() -> None:
    assert 0 in page_number_starts("31\n\nAnnual overview of the response\n")
    assert page_number_starts("31 people were hurt in the storm.\n") == set()  # a count opening a sentence
    assert page_number_starts("Summary\n31\n\nPeople in need\n") == set()  # not the copy's first line


def test_a_number_before_the_next_pages_heading_was_cut_from_its_noun() -> None:
    text = "The plan runs for 90 days (three\nPage 2: The plan runs for 90 days (three\n"
    assert 3 not in _values(text)
    assert 90 in _values(text)
    assert 3 in _values("The team visited three pages of the register.\n")  # no page heading after it
