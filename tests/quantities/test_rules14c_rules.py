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


def _read(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.number, q.qualifier.value, q.unit) for q in parse_quantities(text)]


def test_a_tally_past_a_figure_is_more_than_it_and_counts_people() -> None:
    assert ("2,300", "more_than", "people") in _read("The rains pushed the flood death toll past 2,300 on Monday.\n")
    assert ("24", "exact", "hours") in _read("In the past 24 hours the rains eased.\n")
    assert ("4", "exact", "schools") in _read("The convoy drove past 4 schools.\n")  # no tally before "past"


def test_a_death_toll_of_a_bare_figure_counts_people() -> None:
    assert ("31", "exact", "people") in _read("The landslide left a death toll of 31 in the valley.\n")
    assert ("31", "exact", "homes") in _read("The storm took a toll of 31 homes.\n")  # a noun of its own


def test_a_hedge_before_another_is_the_numbers() -> None:
    assert ("3,500", "approximate", "people") in _read("Around another 3,500 people crossed the border.\n")
    assert ("3,500", "at_least", "people") in _read("At least another 3,500 people crossed the border.\n")
    assert ("3,500", "exact", "people") in _read("Then another 3,500 people crossed the border.\n")


def test_an_estimate_whose_noun_stands_before_of_hedges_the_amount() -> None:
    read = _read("The agency gave an estimated average price per kit of US$ 4.20 last year.\n")
    assert ("4.20", "approximate", "USD") in read
    assert ("4.20", "exact", "USD") in _read("The agency gave an average price per kit of US$ 4.20 last year.\n")
    # a figure between the estimate and "of": the estimate is that figure's
    assert ("40", "exact", "schools") in _read("An estimated 3 million children, out of 40 schools.\n")


def test_a_weekday_is_never_a_counted_noun() -> None:
    assert ("87", "exact", "people") in _read("The death toll from the storm touched 87 Friday, officials said.\n")
    assert ("87", "exact", "Friday") not in _read("Officials counted 87 Friday in the camps.\n")
    assert ("4", "exact", "Sundays") in _read("The clinic opens 4 Sundays a month.\n")  # a plural can be counted


def test_a_coordination_of_people_nouns_is_kept_whole() -> None:
    read = _read("Dozens of firefighters and mountain rescue volunteers searched the slopes.\n")
    assert ("Dozens", "vague", "firefighters and mountain rescue volunteers") in read
    assert ("20", "exact", "people") in _read("The floods killed 20 people and deadly mud slides followed.\n")


def test_a_collective_noun_heads_a_list_of_modifiers_before_its_plural_noun() -> None:
    read = _read("About 9,000 police, navy and coast guard personnel were deployed.\n")
    assert ("9,000", "approximate", "personnel") in read
    listed = _read("They sent 300 police, soldiers and volunteers.\n")  # a list of nouns, no modifiers
    assert ("300", "exact", "police, soldiers and volunteers") in listed


def test_a_breakdown_item_after_a_participle_and_place_takes_the_items_noun() -> None:
    text = "The storm left 90 deaths recorded in Luzon and at least three in Mindanao.\n"
    assert ("three", "at_least", "deaths") in _read(text)
    assert ("three", "exact", None) in _read("The storm left 90 deaths recorded in Luzon. Then three came.\n")


def test_scores_alone_as_the_subject_of_a_verb_said_of_people_count_people() -> None:
    assert ("Scores", "vague", "people") in _read("Scores have also drowned in the delta.\n")
    assert ("scores", "vague", "people") in _read("Many were hurt, and scores perished.\n")
    assert _read("Exam scores have improved this year.\n") == []
    assert _read("The scores affected the ranking.\n") == []  # no clause opens before it
