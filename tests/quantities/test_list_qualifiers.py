"""A qualifier before a list of figures qualifies each of them; a bound before a time's determiner."""

from __future__ import annotations

from extract.parsing import parse_quantities


def _read(text: str) -> list[tuple[str, str, float | None, float | None]]:
    return [(q.number, q.qualifier.value, q.low, q.high) for q in parse_quantities(text)]


def test_approximately_before_a_list_qualifies_each_item() -> None:
    read = _read("The total includes approximately 8,419 women, 8,419 men, 6,315 girls, and 6,916 boys.")
    assert [q for _, q, _, _ in read] == ["approximate"] * 4


def test_bounds_follow_each_item() -> None:
    assert _read("nearly 3,000 people and 1,500 children") == [
        ("3,000", "approximate", None, 3000),
        ("1,500", "approximate", None, 1500),
    ]
    # a bound is the first item's own: "more than 200 households and 30 schools"
    assert _read("more than 200 households and 30 schools")[1] == ("30", "exact", None, None)


def test_a_verb_between_ends_the_list() -> None:
    assert _read("About 300 people were killed and 20 injured.")[1][1] == "exact"


def test_at_least_before_the_next() -> None:
    assert _read("food for at least the next six months") == [("six", "at_least", 6, None)]
    assert _read("over the last three years")[0][1] == "exact"  # when, not a bound
