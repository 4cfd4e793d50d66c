"""Number atoms (numbers.py): values of digits and words, scales, fractions, ordinals, notations."""

from __future__ import annotations

import pytest

from extract.parsing.numbers import find_atoms, words_value


def values(text: str) -> list[float | int | None]:
    return [a.value for a in find_atoms(text)]


def surfaces(text: str) -> list[str]:
    return [text[a.start : a.end] for a in find_atoms(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three hundred thousand people", [300000]),  # a hundreds group before a larger scale is one number
        ("one hundred million dollars", [100000000]),
        ("two hundred and two thousand", [202000]),
        ("one hundred and five million", [105000000]),
        ("seven million five hundred twenty thousand", [7520000]),
        ("two hundred fifty thousand and twenty two", [250022]),
        ("twenty six million and seventy two hundred", [26007200]),
        ("one thousand two thousand", [1000, 2000]),  # a scale cannot repeat within one number
        ("5 hundred thousand", [500000]),  # several scale words after digits
        ("hundred thousand dollars", [100000]),  # a bare scale word that other number words follow
        ("hundred and five hundred and six", [105, 106]),
        ("million and one", [1000001]),
        ("several hundred thousand people", [None]),  # vague: not a hundred thousand
        ("a few hundred thousand", [None]),
        ("many hundred thousand people", []),
        ("It took a million years", [1000000]),
    ],
)
def test_scales(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("several hundred thousand people", (200_000, 999_999)),
        ("a few hundred thousand people", (200_000, 999_999)),
        ("hundreds of millions", (200_000_000, 999_999_999)),
    ],
)
def test_vague_amounts_keep_the_scale_words_after_them(text, bounds):
    (atom,) = find_atoms(text)
    assert atom.value is None and atom.vague_bounds == bounds
    assert text[atom.start : atom.end] in text and "people" not in text[atom.start : atom.end]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two thirds", 0.666667),
        ("one fifth", 0.2),
        ("twenty-three fifths", 4.6),  # the whole number before the fraction word is the numerator
        ("one million two thousand two hundred three fifths", 200440.6),
        ("two and fifty-four hundredths", 2.54),  # a mixed number when its fraction is proper
        ("two hundred and fifty-four hundredths", 200.54),
        ("one hundred and thirty fifths", 26),  # 130/5: not a proper fraction after "and"
        ("one twenty-fifth", 0.04),  # tens and a unit ordinal make one denominator
        ("twenty twenty fifths", 0.8),
        ("ninety - five hundred fifths", 1900),
        ("a hundred trillionths", 1e-10),  # tiny values keep their significant digits
        ("one billion and a half million", 1000500000),
        ("one billion and three quarters million", 1000750000),
        ("five and a half million", 5500000),
        ("one million and a half", 1500000),
        ("two thirds of a million", 666667),
    ],
)
def test_fractions_in_words(text, expected):
    assert words_value(text) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The population is 3 million and a half", [3500000]),  # a fraction word after a digit scale
        ("They have 3 million and a quarter", [3250000]),
        ("A third of the houses were damaged.", [0.333333]),
        ("Make a half turn.", [0.5]),
        ("It was a fifth.", [0.2]),
    ],
)
def test_fractions_in_text(text, expected):
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "A third round of talks began.",  # ordinals, not fractions
        "It marked the one hundredth anniversary.",
        "The twenty-fifth session opened.",
        "On the twenty-first day they left.",
        "the one millionth refugee",
        "It lasted an hour and a half.",  # the half of an hour, not a count
        "a two-third majority",
    ],
)
def test_ordinals_are_not_numbers(text):
    assert values(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.3x10^6", 1300000),
        ("6.23x10^-4", 0.000623),
        ("1.1^23", 8.954302),
        ("2.5^-1", 0.4),
        ("-2500^-1", -0.0004),
        ("-1.1^--23", -8.954302),  # two minus signs cancel
        ("The result is 12,34,567.89", 1234567.89),  # South Asian digit grouping
        ("one over three", 0.333333),
        ("The answer is negative one over 20", -0.05),
        ("1 over one hundred and twenty one", 0.008264),
    ],
)
def test_notations(text, expected):
    assert values(text) == [pytest.approx(expected, rel=1e-6)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We vaccinated 500 people over 3 days.", ["500", "3"]),  # a period, not a fraction
        ("Of them, 1,500 over 65.", ["1,500", "65"]),  # an improper "fraction" is an age bound
        ("10^999 and 0^-1 and 5", ["5"]),  # no figure for overflowing or undefined powers
        ("twenty seconds", ["twenty"]),
        ("in the 1990s, in their 20s", []),
        ("counting in tens", []),  # decades and ages in the plural are not amounts
    ],
)
def test_not_fractions(text, expected):
    assert surfaces(text) == expected


def test_words_in_a_list_stay_apart():
    assert values("one, two and three") == [1, 2, 3]
    assert values("twenty five and thirty six") == [25, 36]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Temperatures dropped to −15 degrees.", [-15]),  # the Unicode minus sign
        ("one-and-a-half million people", [1500000]),
        ("a quarter of a million people", [250000]),
        ("US$ 1MM", [1000000]),  # "MM" in capitals is a million in finance
        ("USD 2.5 MM", [2500000]),
        ("5 mm of rain", [5]),  # and in lower case a millimetre
    ],
)
def test_signs_and_scale_marks(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Roughly a third were women.", [0.333333]),  # a qualifier marks a fraction, not a rank
        ("They received a quarter tonne of tools.", [0.25]),
        ("They received seeds and a quarter tonne of tools.", [0.25]),
        ("They walked a mile and a half to the well.", []),
        ("Services are available 24/7.", []),  # not fractions
        ("The split was 50/50.", []),
        ("3/4 of the wells", [0.75]),
        ("2 1/2 tonnes", [2.5]),
    ],
)
def test_fraction_or_not(text, expected):
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("Several thousand families fled.", [(2000, 9999)]),  # as vague as "thousands"
        ("a few hundred thousand people", [(200000, 999999)]),
        ("A few dozen houses", [(24, 99)]),
        ("several tens of thousands of people", [(20000, 99999)]),
        ("Over 1,000s of people gathered.", [(2000, 9999)]),  # digits in the plural: "thousands", never "1"
        ("100s of families", [(200, 999)]),
        ("Tens of families were displaced.", [(20, 99)]),  # "tens" only before "of", as "scores"
        ("tens of thousands", [(20000, 99999)]),
    ],
)
def test_vague_quantified_scales(text, bounds):
    atoms = find_atoms(text)
    assert [a.vague_bounds for a in atoms] == bounds
    assert [a.value for a in atoms] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than half of the households lack safe water.", ["half"]),  # a share after a qualifier
        ("Nearly half of the population was displaced.", ["half"]),
        ("over half a million people", ["half a million"]),
        ("The first half of 2024", ["2024"]),  # a period (the year is set aside later)
        ("About half an hour later", []),
        ("In the second half, nearly half past ten", ["ten"]),
    ],
)
def test_qualified_half(text, expected):
    assert surfaces(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I want a hundred and two of those", [102]),  # the article before a scale word is one
        ("a twenty-pound bag", [20]),  # never before another number word: not 21
        ("a two-year maintenance period", [2]),
        ("a two-thirds majority", [0.666667]),
        ("a third of the houses", [0.333333]),
        ("a dozen eggs", [12]),
        ("A baker's dozen", [13]),
        ("a gross violation of IHL", []),  # "gross" is no number
        ("Once a year, twice a day", []),
    ],
)
def test_article_counts_only_before_a_scale_or_fraction(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("three million, two hundred & forty, you say?", [3000240]),  # words group over commas like digits
        ("two hundred & forty", [240]),
        ("five thousand, two hundred and six", [5206]),
        ("one, two, three", [1, 2, 3]),  # no scale before the comma: a list
        ("one million, two million", [1000000, 2000000]),
        ("three hundred, two hundred wounded", [300, 200]),
    ],
)
def test_word_groups_over_commas_and_ampersands(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a factor of 2.48×10−5, with", [2.48e-05]),  # Unicode minus, no caret
        ("density of 5.5x10-3 kg/cm³", [0.0055]),
        ("about 3×10⁻⁵ of them", [3e-05]),
        ("exactly 8x2^10 bits", [8192]),
        ("1.3x10^6 people", [1300000]),
        ("a gap of 5x10-15 metres", [5e-15]),
        ("a 3x10-metre tent", []),  # no power: a size, as before
    ],
)
def test_scientific_notation_forms(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Its GDP is $2.174T.", [2174000000000]),  # T and b are scales on money only
        ("USD 1.5b was spent", [1500000000]),
        ("$12b", [12000000000]),
        ("a budget of 3.2bn", [3200000000]),  # "bn" stays a billion everywhere
        ("a package of 1500 b", [1500]),
        ("the 1500b packet", [1500]),
        ("equal to 12 b", [12]),
    ],
)
def test_b_and_t_scale_only_money(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize("text", ["a $5 T-shirt", "$5 t-shirts", "USD 3 b"])
def test_money_scale_letters_only_written_against_the_amount(text):
    assert values(text) in ([5], [3])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lower by £180million", [180_000_000]),  # a scale word written against the digits
        ("Some 4,95 Million people", [4_950_000]),  # a decimal comma before a scale word
        ("Persons (IRPs) 2 850,000 IDPs", [2, 850_000]),  # a marker before a comma-grouped figure, not "2 850"
        ("Some 5 000 households", [5000]),
    ],
)
def test_glued_scales_decimal_commas_and_space_groups(text: str, expected: list[float]) -> None:
    assert values(text) == expected
