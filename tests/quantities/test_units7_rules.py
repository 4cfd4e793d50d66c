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
