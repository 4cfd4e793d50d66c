"""Report phrasing: shares ("one in four victims"), hyphenated counted nouns, table rows read as text."""

from __future__ import annotations

import pytest

from extract.parsing import quantity_of

from .helpers import read_figures


def _figures(nlp, text: str) -> list[tuple[str, object, str, str, str | None]]:
    return [(span, q.value, q.qualifier.value, q.kind.value, q.unit) for span, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Three in five households skipped meals.",
            [("Three in five households", 0.6, "exact", "ratio", "households")],
        ),
        ("One in four victims was a child.", [("One in four victims", 0.25, "exact", "ratio", "victims")]),
        ("1 in every 10 children is out of school.", [("1 in every 10 children", 0.1, "exact", "ratio", "children")]),
        (
            "Two out of three detainees wrote.",
            [("Two out of three detainees", 0.666667, "exact", "ratio", "detainees")],
        ),
        ("One in four or more children", [("One in four or more children", 0.25, "at_least", "ratio", "children")]),
        (  # a part of a stated total, in digits, counts the noun
            "At least 23 out of 31 provinces are affected.",
            # the whole is a figure too, as "16 of the 18 states" reads both (dev: ifrc_iran_floods_appeal_2019)
            [
                ("At least 23 out of 31 provinces", 23, "at_least", "count", "provinces"),
                ("31 provinces", 31, "exact", "count", "provinces"),
            ],
        ),
        ("9 out of 10 households lack water.", [("9 out of 10 households", 0.9, "exact", "ratio", "households")]),
        (
            "Some 3,000 people received cash, one in five of them women.",
            [
                ("Some 3,000 people", 3000, "approximate", "count", "people"),
                ("one in five", 0.2, "exact", "ratio", None),
            ],
        ),
    ],
)
def test_shares_are_fractions_of_their_noun(nlp, text, expected):
    assert _figures(nlp, text) == expected


def test_a_qualified_share_has_bounds(nlp):
    doc = nlp("Nearly one in three of the families was headed by a woman.")
    [span] = doc.spans["quantities"]
    q = quantity_of(span)
    assert span.text == "Nearly one in three of the families"
    assert (q.value, q.low, q.high, q.qualifier.value, q.unit) == (0.333333, None, 0.333333, "approximate", "families")


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("I want to earn $10000 in 3 years.", [10000, 3]),  # "in" a time is not a share
        ("The attacks killed 12 in 15 villages.", [12, 15]),  # a share's part is small
        ("Fighters killed 3 in 2 attacks.", [3, 2]),  # a part is smaller than its whole
        ("The team completed 5 in 10 days.", [5, 10]),
    ],
)
def test_in_between_numbers_is_not_always_a_share(nlp, text, values):
    doc = nlp(text)
    assert [quantity_of(s).value for s in doc.spans["quantities"]] == values
    assert all(quantity_of(s).kind.value != "ratio" for s in doc.spans["quantities"])


def test_two_in_a_year_is_not_a_share(nlp):
    doc = nlp("Two in 2023 and three in 2024 were released.")
    assert [s.text for s in doc.spans["quantities"]] == ["Two", "three"]


def test_number_words_glued_to_fold_are_ratios(nlp):
    assert _figures(nlp, "Attacks on health care rose threefold.") == [("threefold", 3, "exact", "ratio", "fold")]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The ICRC supported 12 primary health-care centres in the region.", "primary health-care centres"),
        ("The hospital received 600 first-aid kits.", "first-aid kits"),
        ("Staff conducted 1,400 follow-up visits.", "follow-up visits"),
        ("The programme reached 2,300 war-wounded patients.", "war-wounded patients"),
        ("The delegation opened 3 child-friendly spaces.", "child-friendly spaces"),
        ("Some 40 water-supply systems were repaired.", "water-supply systems"),
        ("The ICRC donated 7 X-ray machines.", "X-ray machines"),
        ("We ran 60 risk-awareness sessions.", "risk-awareness sessions"),
    ],
)
def test_hyphenated_words_are_part_of_the_counted_noun(nlp, text, unit):
    doc = nlp(text)
    [span] = doc.spans["quantities"]
    assert quantity_of(span).unit == unit
    assert span.text.endswith(unit)


def test_each_conjunct_keeps_its_hyphenated_noun(nlp):
    doc = nlp("We supported 8 health-care facilities and 3 first-aid posts.")
    assert [quantity_of(s).unit for s in doc.spans["quantities"]] == ["health-care facilities", "first-aid posts"]


@pytest.mark.parametrize(
    ("text", "quote", "unit", "subject"),
    [
        (
            "Some 1,200 households receiving winter kits were visited.",
            "Some 1,200 households",
            "households",
            "households receiving winter kits",
        ),
        (
            "We registered 400 people living with disabilities.",
            "400 people",
            "people",
            "people living with disabilities",
        ),
        ("Seven in ten said prices had doubled.", "Seven in ten", None, None),  # "said" is the clause's verb
    ],
)
def test_a_participle_clause_ends_the_counted_noun(nlp, text, quote, unit, subject):
    doc = nlp(text)
    [span] = [s for s in doc.spans["quantities"] if quantity_of(s).kind.value != "ratio" or s.text == quote]
    assert (span.text, quantity_of(span).unit, span._.subject) == (quote, unit, subject)


def test_cell_separators_are_not_nouns(nlp):
    doc = nlp("Water points repaired | 45 | Kabul")
    [span] = doc.spans["quantities"]
    assert quantity_of(span).unit != "| Kabul"


def test_table_rows_read_as_text_take_the_label_of_their_own_row(nlp):
    # how a text block holds a table: each row's line joined to the next with a space
    text = (
        "Assistance in figures | 2024 Households receiving cash | 9,400 Boreholes repaired | 35 "
        "Volunteers trained | 480"
    )
    doc = nlp(text)
    found = [(s.text, quantity_of(s).value, quantity_of(s).unit, s._.subject) for s in doc.spans["quantities"]]
    assert found == [
        ("Households receiving cash | 9,400", 9400, "Households", "Households receiving cash"),
        ("Boreholes repaired | 35", 35, "Boreholes", "Boreholes"),
        ("Volunteers trained | 480", 480, "Volunteers", "Volunteers"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Region | Kabul | 1,200", None),  # a place names no counted thing
        ("Total | 1,200 households", "households"),  # the cell names its own noun
    ],
)
def test_a_row_label_is_a_plural_noun(nlp, text, unit):
    doc = nlp(text)
    [span] = doc.spans["quantities"]
    assert quantity_of(span).unit == unit


def test_a_range_goes_up(nlp):
    found = _figures(nlp, "We provided cash grants worth USD 3m to 9,400 households.")
    assert found == [
        ("USD 3m", 3000000, "exact", "money", "USD"),
        ("9,400 households", 9400, "exact", "count", "households"),
    ]


@pytest.mark.parametrize(
    ("text", "quote", "qualifier"),
    [
        ("Each family received USD 320 over three months.", "three months", "exact"),
        ("We delivered 200 tonnes over six weeks.", "six weeks", "exact"),
        ("They were detained for over three months.", "over three months", "more_than"),
        ("The 3 projects took over two years.", "over two years", "more_than"),
    ],
)
def test_over_after_an_amount_is_the_period_it_covers(nlp, text, quote, qualifier):
    doc = nlp(text)
    spans = doc.spans["quantities"]
    assert (spans[-1].text, quantity_of(spans[-1]).qualifier.value) == (quote, qualifier)


@pytest.mark.parametrize(
    ("text", "quote", "low", "high"),
    [
        ("Several hundred detainees were visited.", "Several hundred detainees", 200, 999),
        ("A few thousand people returned.", "A few thousand people", 2000, 9999),
        ("Several hundred thousand people fled.", "Several hundred thousand people", 200000, 999999),
    ],
)
def test_several_hundred_is_vague(nlp, text, quote, low, high):
    doc = nlp(text)
    [span] = doc.spans["quantities"]
    q = quantity_of(span)
    assert (span.text, q.value, q.low, q.high, q.qualifier.value) == (quote, None, low, high, "vague")


def test_several_alone_is_not_a_figure(nlp):
    doc = nlp("Several people were injured.")
    assert list(doc.spans["quantities"]) == []


def test_a_year_span_with_two_digits_is_not_a_count(nlp):
    assert _figures(nlp, "The 2020-21 budget was CHF 5 million.") == [
        ("CHF 5 million", 5000000, "exact", "money", "CHF")
    ]


def test_over_an_age_stays_a_lower_bound(nlp):
    doc = nlp("We helped 200 people over 60 years old.")
    assert [(s.text, quantity_of(s).qualifier.value) for s in doc.spans["quantities"]] == [
        ("200 people", "exact"),
        ("over 60 years", "more_than"),
    ]


def test_label_lines_with_a_colon_are_rows_too(nlp):
    doc = nlp("Households receiving winter kits: 1,200 Detainees visited: 3,450 Water points repaired: 45")
    assert [(s.text, quantity_of(s).unit) for s in doc.spans["quantities"]] == [
        ("Households receiving winter kits: 1,200", "Households"),
        ("Detainees visited: 3,450", "Detainees"),
        ("Water points repaired: 45", "Water points"),
    ]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The results were clear: 45 Hospitals were damaged.", None),  # a sentence is not a row label
        ("Beneficiaries: 1,200 households", "households"),
    ],
)
def test_a_colon_in_prose_keeps_its_sentence(nlp, text, unit):
    doc = nlp(text)
    assert quantity_of(doc.spans["quantities"][0]).unit == unit


def test_article_number_after_and_is_counted_unless_a_fraction() -> None:
    from extract import parse_quantities

    found = [(q.value, q.unit) for q in parse_quantities("Mines killed 45 people, and a dozen villages remain closed.")]
    assert (12, "villages") in found
    assert parse_quantities("The walk took an hour and a half.") == []


def test_or_more_after_a_hedged_number_is_the_bound() -> None:
    from extract import parse_quantities

    (more,) = parse_quantities("about 500 or more families")
    assert (more.qualifier.value, more.low, more.high, more.unit) == ("at_least", 500, None, "families")
    (less,) = parse_quantities("nearly 40 or fewer staff")
    assert (less.qualifier.value, less.low, less.high) == ("at_most", None, 40)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A third of them were children.", [("A third", 0.333333, "exact", "ratio", None)]),
        (
            "More than half of the population needs aid.",
            [("More than half of the population", 0.5, "more_than", "ratio", "population")],
        ),
        ("About 1/4 of households", [("About 1/4 of households", 0.25, "approximate", "ratio", "households")]),
        (
            "Three quarters of the wells were repaired.",
            [("Three quarters of the wells", 0.75, "exact", "ratio", "wells")],
        ),
    ],
)
def test_a_fraction_below_one_is_a_share_not_a_count(nlp, text, expected):
    assert _figures(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("a quarter tonne of flour", "measure", 0.25),  # a unit of measure: a measure
        ("half a million people", "count", 500000),
        ("one and a half years", "duration", 1.5),
        ("0.5 of them", "count", 0.5),  # a decimal is not written as a share
    ],
)
def test_fractions_with_a_unit_or_above_one_are_not_shares(nlp, text, kind, value):
    [(_, found, _, found_kind, _)] = _figures(nlp, text)
    assert (found_kind, found) == (kind, value)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Over 15,000 prosthetic and orthotic devices were made.", "devices"),
        ("We rebuilt 12 primary and secondary schools.", "primary and secondary schools"),
        ("More than 2,000 physical and mental health consultations", "physical and mental health consultations"),
        ("20 old or broken pumps", "pumps"),
    ],
)
def test_coordinated_modifiers_before_the_noun_go_together(nlp, text, unit):
    assert _figures(nlp, text)[0][4] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("We supported 12 children's hospitals.", "children's hospitals"),
        ("Roughly two-thirds of the year's habitat budget was spent.", "habitat budget"),
        ("The fund reached 40 million of the region's most vulnerable people.", "people"),
        ("One in 10 of the town's inhabitants fled.", "inhabitants"),
    ],
)
def test_a_possessor_is_not_the_counted_noun(nlp, text, unit):
    assert _figures(nlp, text)[0][4] == unit


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("About 200 families lack shelter.", "families"),  # the tagger reads "lack" as a noun here
        ("3 in 5 households lack food.", "households"),
        ("50 savings groups met.", "savings groups"),  # a plural before a plural stays
    ],
)
def test_a_plural_noun_ends_the_counted_noun_before_a_singular_one(nlp, text, unit):
    assert _figures(nlp, text)[0][4] == unit


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("We ran 30 water and sanitation projects.", ["water and sanitation projects"]),
        ("It reached 40 staff and volunteers.", ["staff and volunteers"]),
        ("It reached 5 staff and 20 volunteers.", ["staff", "volunteers"]),
    ],
)
def test_a_singular_noun_coordinated_with_plural_ones_is_one_counted_noun(nlp, text, units):
    assert [f[4] for f in _figures(nlp, text)] == units


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("They opened a 20-bed hospital.", "20-bed", "bed"),
        ("A 5-member team visited.", "5-member", "member"),
        ("We ran a 60-bed field hospital.", "60-bed", "bed"),
    ],
)
def test_a_number_hyphenated_to_a_noun_counts_that_noun_only(nlp, text, quote, unit):
    [(found, _, _, _, found_unit)] = _figures(nlp, text)
    assert (found, found_unit) == (quote, unit)


@pytest.mark.parametrize(
    "text",
    ["Cash grants (CHF) | 3.2 million", "3.2 million Cash grants (CHF)"],  # a table row, as written and as read
)
def test_a_currency_in_brackets_after_a_row_label_makes_its_figure_money(nlp, text):
    [(_, value, _, kind, unit)] = _figures(nlp, text)
    assert (value, kind, unit) == (3200000, "money", "CHF")


@pytest.mark.parametrize("text", ["Budget (USD) | 4,500,000", "Budget received (USD) | 4,500,000"])
def test_a_singular_row_label_with_its_currency_is_a_label(nlp, text):
    [(_, value, _, kind, unit)] = _figures(nlp, text)
    assert (value, kind, unit) == (4500000, "money", "USD")


def test_brackets_after_a_noun_that_hold_no_currency_change_nothing(nlp):
    assert [f[3:] for f in _figures(nlp, "1,200 households (HH) were assisted.")] == [("count", "households")]


def test_a_web_page_reading_time_is_no_figure(nlp):
    assert _figures(nlp, "News release 15 April 2024 · 4 min read") == []
    assert _figures(nlp, "It took 3 hours to read 200 names.")[0][1:] == (3, "exact", "duration", "hours")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("The number of detainees visited rose to 4,500.", "detainees"),
        ("The total number of people displaced reached 1.2 million.", "people"),
        ("The number of missing persons registered with the ICRC stands at 23,000.", "missing persons"),
        ("The number of cases was 300.", "cases"),
    ],
)
def test_a_bare_figure_given_to_the_number_of_a_noun_counts_it(nlp, text, unit):
    [(quote, _, _, _, found)] = _figures(nlp, text)
    assert found == unit and quote.startswith("number of")


@pytest.mark.parametrize(
    "text",
    ["The number of cases rose, and 40 doctors left.", "A number of families, 30 in all, fled.", "The total was 300."],
)
def test_the_number_of_across_a_clause_or_without_a_noun_counts_nothing_else(nlp, text):
    assert all(f[4] in (None, "doctors") for f in _figures(nlp, text))
