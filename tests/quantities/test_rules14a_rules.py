"""Rules for the classes session 13's real13a batch showed (issue #12): a key-figure row whose scale words stand
apart from its figures, a footnote marker glued to an amount, table-of-contents page numbers, exchange-rate header
cells, page numbers leading a copy's lines, reporting periods, singular nouns after a number. Made-up sentences, one
rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import parse_quantities


def _values(text: str) -> list[float | None]:
    return [q.value for q in parse_quantities(text)]


def test_a_key_figure_row_gives_each_figure_its_scale_word() -> None:
    text = "AT A GLANCE\n\n4.5 2.1 0.8 MILLION MILLION MILLION People in need Displaced Returnees\n"
    assert _values(text) == [4_500_000, 2_100_000, 800_000]
    above = "KEY FIGURES\n\nTHOUSAND THOUSAND\n\n120 45\n\nRefugees Migrants\n"
    assert 45_000 in _values(above)
    assert 45 not in _values(above)


def test_a_scale_word_never_multiplies_itself() -> None:
    assert 1e18 not in _values("Some 2 million million people were counted.\n")


def test_scale_words_in_prose_or_of_another_count_do_not_reach_other_figures() -> None:
    assert _values("The plan reached 3 million people and 2 million children.\n") == [3_000_000, 2_000_000]
    assert 120 in _values("The teams counted 120 households, and millions more are in need.\n")
    values = _values("KEY FIGURES\n\n4.5 2.1 0.8 MILLION MILLION People in need\n")  # three figures, two words
    assert 4.5 in values
    assert 4_500_000 not in values


def test_a_footnote_marker_glued_to_an_amount_is_not_part_of_it() -> None:
    assert _values("Total funding $12,204,311,5876\n") == [12_204_311_587]
    assert _values("The appeal raised CHF 3,250,0002 in 2021.\n")[0] == 3_250_000


def test_a_grouped_amount_without_a_marker_is_whole() -> None:
    assert _values("Total funding $12,204,311,587\n") == [12_204_311_587]
    assert 12_345 not in _values("The rate was 1,2345 per unit.\n")  # one group only: no marker read
