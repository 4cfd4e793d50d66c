"""Rules for the real7 documents (issue #12): flattened table rows, chart axis ticks, signed-change chart
residue and source lines. Made-up sentences, one rule each."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.parsing import REJECTED_KEY, parse_quantities, shared_pipeline


def _rejected(text: str) -> dict[str, tuple[str, str]]:
    doc: Doc = shared_pipeline()(text)
    return {span.text: (span._.rejection["reason"], span._.rejection["rule"]) for span in doc.spans[REJECTED_KEY]}


def _values(text: str) -> list[float | None]:
    return [q.value for q in parse_quantities(text)]


def test_bare_cells_beside_a_grouped_number_are_a_table_row_not_a_phone() -> None:
    text = "Deaths and damage by district. Westfield 0 0 4 7 1,320 Total 5 2 9 4,410 were recorded."
    assert _values(text).count(0) == 2
    assert "0" not in _rejected(text)


def test_a_digit_group_phone_number_is_still_a_phone() -> None:
    assert _rejected("For help call 0800 555 0199 today.")["0800"] == ("phone", "digit-groups")
