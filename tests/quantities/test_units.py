"""Units, measures and currencies: numbers written against their unit, bounds that repeat their unit, compound
amounts, scaled currency codes."""

from __future__ import annotations

import pytest

from .helpers import read_figures


def _read(nlp, text: str) -> list[tuple[str, object, object, object, str, str | None]]:
    return [(text[q.start : q.end], q.value, q.low, q.high, q.kind.value, q.unit) for _, q in read_figures(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You weigh 200lbs.", [("200lbs", 200, None, None, "measure", "pound-mass")]),
        ("Each child got 75ml of syrup.", [("75ml", 75, None, None, "measure", "millilitre")]),
        ("A 7.62mm barrel", [("7.62mm", 7.62, None, None, "measure", "mm")]),
        ("The camp covers 24,703m2 of land.", [("24,703m2", 24703, None, None, "measure", "m2")]),
        ("The crane lifts 100t.", [("100t", 100, None, None, "measure", "tonnes")]),
        ("They walked 12km.", [("12km", 12, None, None, "measure", "km")]),
        ("Trucks drove at 10km/hr.", [("10km/hr", 10, None, None, "measure", "km/h")]),
        ("Now it is -10C.", [("-10C", -10, None, None, "measure", "degree Celsius")]),
        ("The clinic opens 24h a day.", [("24h", 24, None, None, "duration", "hour")]),
        ("Between 3 and 4kg each", [("Between 3 and 4kg", None, 3, 4, "measure", "kg")]),
    ],
)
def test_number_against_its_unit(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Rollout of 5G and 4G networks in 3D.",  # single capitals are grades and codes, not gauss or days
        "The 13F filing was late.",  # a letter read as a unit only when it ends the phrase
        "It happened in the 1990s at 10am.",
        "Flight I7-860BOX landed on LGA1156.",
    ],
)
def test_letters_after_numbers_that_are_not_units(nlp, text):
    assert all(kind != "measure" for *_, kind, _unit in _read(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They were given 44 mg to 50 mg ethanol.", ("44 mg to 50 mg", None, 44, 50, "measure", "milligram")),
        ("between 15 tonnes and 20 tonnes", ("between 15 tonnes and 20 tonnes", None, 15, 20, "measure", "tonnes")),
        ("from USD 5 million to USD 10 million", ("USD 5 million to USD 10 million", None, 5e6, 1e7, "money", "USD")),
        ("temperatures from -18 °C to -34 °C", ("from -18 °C to -34 °C", None, -34, -18, "measure", "degree Celsius")),
        ("a planned 8- to 16-meter mirror", ("8- to 16-meter", None, 8, 16, "measure", "m")),
    ],
)
def test_range_with_a_unit_on_each_bound(nlp, text, expected):
    assert _read(nlp, text) == [expected]


def test_bounds_with_different_units_stay_apart(nlp):
    assert [r[0] for r in _read(nlp, "between 2 children and 3 adults")] == ["2 children", "3 adults"]
    assert [r[5] for r in _read(nlp, "USD 5 to EUR 8")] == ["USD", "EUR"]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("five more losses in excess of 30 MUSD were reported", "in excess of 30 MUSD", 30_000_000, "USD"),
        ("an increase to 120 MEUR", "120 MEUR", 120_000_000, "EUR"),
        ("annual revenues of MAUD 60", "MAUD 60", 60_000_000, "AUD"),
        ("They lost 75 USD million in the past three years.", "75 USD million", 75_000_000, "USD"),
        ("It costs half million usd.", "half million usd", 500_000, "USD"),
        ("nzd$15", "nzd$15", 15, "NZD"),
        ("The prize is u.s $ 100,000,000.", "$ 100,000,000", 100_000_000, "USD"),
        ("It only cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, "USD"),
        ("It only cost thirteen dollars and forty-five cents", "thirteen dollars and forty-five cents", 13.45, "USD"),
        ("It costs 15 dollars 50.", "15 dollars 50", 15.5, "USD"),
        ("It may need one kuai and five mao.", "one kuai and five mao", 1.5, "CNY"),  # ten mao to the yuan
    ],
)
def test_money(nlp, text, quote, value, unit):
    [(found, got, _, _, kind, currency)] = [r for r in _read(nlp, text) if r[4] == "money"]
    assert (found, got, kind, currency) == (quote, value, "money", unit)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 rmb 20 usd", [("10 rmb", "CNY"), ("20 usd", "USD")]),  # a code after one amount is not before the next
        ("We paid 500 dollars and 20 families came.", [("500 dollars", "USD"), ("20 families", "families")]),
        ("The fund was USD 5 and 20.", [("USD 5", "USD"), ("20", None)]),  # currency before: no cents after it
        ("USD 5 million was spent twice.", [("USD 5 million", "USD"), ("twice", "times")]),
    ],
)
def test_money_stays_apart(nlp, text, expected):
    assert [(r[0], r[5]) for r in _read(nlp, text)] == expected


def test_amount_before_a_month_name_is_no_date(nlp):
    assert [r[0] for r in _read(nlp, "$ 20,000.00 $ 37,305.97 february expenses")] == ["$ 20,000.00", "$ 37,305.97"]
    assert _read(nlp, "On 12 february") == []


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("he is 5 ft 2 in", "5 ft 2 in", 5.166667, "feet"),
        ("The length is 12 ft 2 in more or less", "12 ft 2 in", 12.166667, "feet"),
        ("he is 5 feet and 2 inches.", "5 feet and 2 inches", 5.166667, "feet"),
        ("It took 3 hours and 20 minutes.", "3 hours and 20 minutes", 3.333333, "hours"),
    ],
)
def test_amount_in_two_units(nlp, text, quote, value, unit):
    assert [(r[0], r[1], r[5]) for r in _read(nlp, text)] == [(quote, value, unit)]


def test_two_amounts_in_unrelated_units_stay_apart(nlp):
    found = _read(nlp, "It took 3 hours to reach 5 km and 2 in the afternoon")
    assert [(r[0], r[5]) for r in found] == [("3 hours", "hours"), ("5 km", "km"), ("2", None)]


@pytest.mark.parametrize(
    ("text", "quote", "unit"),
    [
        ("The door is 2 1/2 in thick.", "2 1/2 in", "inches"),
        ("The length of my pencil is 2 in.", "2 in", "inches"),
        ("At 200 kilometres per hour the engine heats.", "200 kilometres per hour", "km/h"),
        ("Workers are exposed to 20 J/m^2 per year", "20 J/m^2 per year", "joule per square metre per year"),
        # metres are "m" as reports write them and as "5 metres" reads (docs/GOLD_FORMAT.md: a short noun, "km")
        ("The mast is 48m high", "48m", "m"),
        ("a 2m-deep well", "2m", "m"),
        ("The room is 1 m", "1 m", "m"),
        ("the band gap is 1.7 eV", "1.7 eV", "electronvolt"),
        ("an area of 4 km squared", "4 km squared", "km2"),
    ],
)
def test_measure_units(nlp, text, quote, unit):
    assert [(r[0], r[4], r[5]) for r in _read(nlp, text)] == [(quote, "measure", unit)]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("2 in the north", 2, None),  # "in" is inches only where a length is measured
        ("It rose to 3m people", 3_000_000, "people"),
        ("I can give you 10M", 10_000_000, None),  # only a lower-case m may be metres
        ("It reached 10k", 10_000, None),
        ("The number rose to 1.2m.", 1_200_000, None),  # glued "m" alone: millions, as in "1.2m people"
    ],
)
def test_not_a_unit(nlp, text, value, unit):
    assert [(r[1], r[5]) for r in _read(nlp, text)] == [(value, unit)]


@pytest.mark.parametrize(
    ("text", "quote", "value", "low", "high"),
    [
        ("The patient is a man of age 87 with history", "87", 87, None, None),
        ("children aged 5 to 17 in the camps", "5 to 17", None, 5, 17),
        ("at the age of 5", "5", 5, None, None),
    ],
)
def test_age(nlp, text, quote, value, low, high):
    assert _read(nlp, text) == [(quote, value, low, high, "duration", "years")]


def test_range_below_zero_has_its_bounds_in_order(nlp):
    [(_, _, low, high, _, _)] = _read(nlp, "temperatures ranged from -18 °C to -34 °C")
    assert (low, high) == (-34, -18)


def test_scale_letter_only_before_a_major_code(nlp):
    money = [r for r in _read(nlp, "The MARS 2020 mission cost 2.7 billion dollars.") if r[4] == "money"]
    assert [(r[0], r[5]) for r in money] == [("2.7 billion dollars", "USD")]  # "MARS" is a word, not million ARS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want a gallon of beer.", [("a gallon", 1, None, None, "measure", "gallons")]),
        ("The camp lies about a kilometre away.", [("about a kilometre", 1, None, None, "measure", "km")]),
        ("Oh look, a penny!", [("a penny", 1, None, None, "money", "penny")]),
        (
            "A kibibyte is 1024 bytes.",
            [("A kibibyte", 1, None, None, "measure", "kibibyte"), ("1024 bytes", 1024, None, None, "measure", "byte")],
        ),
        ("They live on less than a dollar a day.", [("less than a dollar", 1, None, 1, "money", "USD")]),
        ("Fuel cost USD 3 a litre.", [("USD 3", 3, None, None, "money", "USD")]),  # "a" is "per": a price
        ("It sold at 200 rupees a kilogram.", [("200 rupees", 200, None, None, "money", "INR")]),
    ],
)
def test_article_before_a_unit_is_one(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("This nano grid has a size of 2.1 pm.", [("2.1 pm", 2.1, None, None, "measure", "picometre")]),
        (
            "He said: 2 pm is 2 picometres",
            [("2 pm", 2, None, None, "measure", "picometre"), ("2 picometres", 2, None, None, "measure", "picometre")],
        ),
    ],
)
def test_pm_as_a_length_not_a_time(nlp, text, expected):
    assert _read(nlp, text) == expected


def test_glued_k_is_kelvin_among_temperatures(nlp):
    text = "At 300 °C (572 °F, 573.15K), zircaloy is inert."
    assert _read(nlp, text)[-1] == ("573.15K", 573.15, None, None, "measure", "kelvin")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The 32K word memory board.", 32000),  # no temperature in the sentence: a thousand
        ("It was 40 degrees, and 10K people fled.", 10000),  # a noun follows: a thousand
        ("It was 40 degrees. Then 10K.", 10000),  # the temperature is in another sentence
    ],
)
def test_glued_k_stays_thousand(nlp, text, value):
    assert value in [v for _, v, *_ in _read(nlp, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The server receives the 1500b packet.", [("1500b", 1500, None, None, "measure", "b")]),
        ("Water for 7b people.", [("7b people", 7000000000, None, None, "count", "people")]),  # it counts them
        ("We sent 1.2b doses.", [("1.2b doses", 1200000000, None, None, "count", "doses")]),
        ("A budget of USD 1.5b.", [("USD 1.5b", 1500000000, None, None, "money", "USD")]),
        ("A package of 1500 b was sent.", [("1500 b", 1500, None, None, "count", "b")]),
    ],
)
def test_lone_b_is_a_billion_only_on_money_or_a_plural_noun(nlp, text, expected):
    assert _read(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "unit"),
    [("We gave 200 T-shirts to children.", "T-shirts"), ("3 U-turns", "U-turns"), ("a 5 km-long road", "km")],
)
def test_a_letter_starting_a_hyphenated_word_is_no_unit_symbol(nlp, text, unit):
    assert _read(nlp, text)[0][-1] == unit


def test_of_and_a_bare_noun_complete_the_counted_noun() -> None:
    """The fuller noun phrase is the unit: "places of detention", not "places"."""
    from extract.parsing import parse_quantities

    units = {q.number: q.unit for q in parse_quantities("Delegates visited 44 places of detention and 115 mt of food.")}
    assert units == {"44": "places of detention", "115": "mt"}
    # a disease says what the cases are of (dev convention, real9a: "cases of cholera" counts cases)
    assert parse_quantities("300 cases of cholera were reported")[0].unit == "cases"
    assert parse_quantities("200 families of the missing")[0].unit == "families"  # a determiner: the subject's
