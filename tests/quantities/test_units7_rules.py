"""Rules and conventions settled by units7 (issue #12: conventions that conflicted between the dev gold, the
fixtures and the peer suites; header qualifiers of flattened tables; counted nouns). Made-up sentences, one rule
each."""

from __future__ import annotations

from extract.parsing import parse_quantities


def _read(text: str) -> list[tuple[str, float | None, str, str, str | None]]:
    return [(q.number, q.value, q.qualifier.value, q.kind.value, q.unit) for q in parse_quantities(text)]


# --- conventions ----------------------------------------------------------------------------------------------


def test_a_multiple_before_a_determiner_is_a_ratio():
    """ "double the 40 million doses", "almost double the figure of 2021": a ratio (unit times) of its own."""
    double = ("double", 2, "exact", "ratio", "times")
    assert double in _read("Requests reached 9 million kits, double the 4 million kits.")
    nearly = ("double", 2, "approximate", "ratio", "times")
    assert nearly in _read("We logged 310 new cases, almost double the total of 2029.")
    assert ("triple", 3, "exact", "ratio", "times") in _read("Norway gave 60 million, triple the amount it gave.")


def test_a_multiple_without_a_determiner_is_no_figure():
    assert _read("Ministers urged teams to double up efforts.") == []
    assert _read("Critics called it a double standard.") == []


def test_the_opening_part_of_a_period_is_a_date_not_a_duration():
    """ "the first six months" names which months (as "the first half" does); "the past six months" is how long."""
    assert [r[0] for r in _read("Costs fell in the first six months.")] == []
    assert [r[0] for r in _read("Clinics treated 4,100 patients in the first eight weeks.")] == ["4,100"]
    assert ("six", 6, "exact", "duration", "months") in _read("Prices rose over the past six months.")


def test_a_stated_age_is_a_duration_an_attributive_age_a_label():
    """ "she was 105 years old" states an age (years, as the peer age suites read it); "a 19-year-old student"
    and "children under five" describe a person or a group and are no figures."""
    assert _read("The farmer said he was 98 years old.") == [("98", 98, "exact", "duration", "years")]
    assert _read("A 23-year-old student was hurt.") == []


# --- a column header's qualifier --------------------------------------------------------------------------------


def _qualifiers(text: str) -> list[tuple[str, str, float | None, float | None]]:
    return [(q.number, q.qualifier.value, q.low, q.high) for q in parse_quantities(text)]


def test_a_flattened_header_qualifier_reaches_its_column():
    """ "Targets (up to) Achieved" flattened into one line with its rows: the first of each row's two figures is
    a target (at most), the second exact; a row of one figure (another table) ends it."""
    text = (
        "88 FIELD REPORT 2031 SOUTH REGION 2031 Targets (up to) Achieved CIVILIANS Water supply Beneficiaries "
        "52,000 48,310 Seed kits Households 900 875 PROTECTION Total Messages collected 4,120 Calls made 2,301"
    )
    assert _qualifiers(text) == [
        ("52,000", "at_most", None, 52000),
        ("48,310", "exact", None, None),
        ("900", "at_most", None, 900),
        ("875", "exact", None, None),
        ("4,120", "exact", None, None),
        ("2,301", "exact", None, None),
    ]


def test_a_header_cell_qualifier_reaches_its_column_until_the_table_ends():
    text = "Output | Planned (approx.) | Reached\nLatrines built | 1,200 | 1,050\nWells repaired | 340 | 360\n\n"
    text += "We had 12 vans."
    assert [q[:2] for q in _qualifiers(text)] == [
        ("1,200", "approximate"),
        ("1,050", "exact"),
        ("340", "approximate"),
        ("360", "exact"),
        ("12", "exact"),
    ]


def test_a_qualifier_on_the_last_column_and_rows_on_their_own_lines():
    text = "Planned Reached (estimated)\nShelter kits 5,000 4,800\nHygiene kits 2,000 2,150\n"
    text += "We gave 300 tents and 40 stoves."
    assert [q[:2] for q in _qualifiers(text)] == [
        ("5,000", "exact"),
        ("4,800", "approximate"),
        ("2,000", "exact"),
        ("2,150", "approximate"),
        ("300", "exact"),
        ("40", "exact"),
    ]


def test_a_single_label_with_a_bracketed_qualifier_is_no_header():
    assert _qualifiers("Deaths (estimated) 2,000 in the province.") == [("2,000", "exact", None, None)]
