"""Rules from the real12b batch (OCHA, IOM DTM and ACAPS pages): a frequency is no ratio, a currency name with its
nationality adjective is money. Sentences are made up."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import figure_values, read_figures


def _units(text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(shared_pipeline(), text)}


def test_twice_a_month_is_a_frequency_not_a_ratio() -> None:
    assert "twice" not in figure_values("The bulletin is published twice a month by the field team.")
    assert "thrice" not in figure_values("Screeners report thrice per week to the district office.")
    assert "twice" not in figure_values("Water is trucked to the camp twice every day.")


def test_twice_before_a_comparison_is_still_a_ratio() -> None:
    assert figure_values("Cases rose to twice the level seen last season.").get("twice") == 2
    assert figure_values("Prices doubled, and rents grew twice as fast.").get("twice") == 2
    # "a" followed by a noun that is not a period: a ratio stays
    assert figure_values("The district received twice a normal share of rain.").get("twice") == 2


def test_bangladeshi_taka_is_money() -> None:
    figures = read_figures(shared_pipeline(), "The council paid 4.5 million Bangladeshi Taka in cash grants.")
    (quantity,) = [q for span, q in figures if "4.5" in span]
    assert quantity.unit == "BDT"
    assert quantity.kind.value == "money"
    # the nationality adjective alone is no currency
    assert _units("About 300 Bangladeshi workers returned home.").get("About 300 Bangladeshi workers") != "BDT"


def _qualifiers(text: str) -> dict[str, tuple[str, float | None, float | None]]:
    return {span: (q.qualifier.value, q.low, q.high) for span, q in read_figures(shared_pipeline(), text)}


def test_hedge_before_an_article_qualifies_the_number() -> None:
    assert _qualifiers("There is around a 50 per cent chance of late rains.") == {
        "around a 50 per cent": ("approximate", None, None)
    }
    assert _qualifiers("Traders reported about a 20% rise in fuel prices.")["about a 20%"][0] == "approximate"
    assert _qualifiers("Almost a 60% share of the wells dried up.")["Almost a 60%"] == ("approximate", None, 60)


def test_article_without_hedge_or_with_a_bound_is_not_read_as_a_hedge() -> None:
    assert _qualifiers("It was a 40 per cent cut in rations.") == {"40 per cent": ("exact", None, None)}
    # bounds are not read across an article: "over a 10-year period" says when
    assert _qualifiers("More than a 30% drop was seen.") == {"30%": ("exact", None, None)}
