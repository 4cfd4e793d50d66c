"""Rules from the real6 dev documents (issue #12: annual-report tables with Targets/Achieved columns copied from a
PDF, press releases and news stories of agencies dev lacked). Made-up sentences, one rule each."""

from __future__ import annotations

from extract.parsing import REJECTED_KEY, parse_quantities, shared_pipeline
from extract.parsing.numbers import find_atoms

from .helpers import read_figures
from .helpers import rejections_in as _rejected

_TABLE = (
    "12 ANNUAL REPORT 2030 REGION ASSISTANCE 2030 Targets Achieved CIVILIANS Food consumption Beneficiaries "
    "1,200,500 1,100,250 Food production Beneficiaries 40,300 38,100 Income support Beneficiaries 900 875 "
    "Health centres supported Structures 60 55 Resident staff 2,140 EXPENDITURE IN KCHF Protection 45,210 "
    "Assistance 120,400 Total 165,610 IMPLEMENTATION RATE Expenditure/yearly budget 88%"
)


def _values(text: str) -> list[float | None]:
    return [atom.value for atom in find_atoms(text)]


def test_spaced_cells_beside_comma_grouped_cells_are_two_numbers():
    """Cells side by side with commas for thousands: "900 875" is a target and an achieved figure, not 900,875."""
    assert _values("Income support Beneficiaries 40,300 38,100 Capacity-building Beneficiaries 900 875") == [
        40300,
        38100,
        900,
        875,
    ]


def test_spaced_thousands_stay_one_number_elsewhere():
    assert _values("a total of 37 269 new cholera cases") == [37269]
    assert _values("Some 2 500 people and 1,200 households were reached.") == [2500, 1200]


def test_a_page_number_and_running_header_do_not_open_a_table():
    """ "12 ANNUAL REPORT 2030 ...": the block's labels stand before their cells (the unit column), though the
    line opens with a page number."""
    found = {q.number: q.unit for _, q in read_figures(shared_pipeline(), _TABLE)}
    assert found["1,200,500"] == "Beneficiaries"
    assert found["1,100,250"] == "Beneficiaries"
    assert found["40,300"] == "Beneficiaries"
    assert found["60"] == "Health centres"  # a generic units column counts its row label's noun (units5, real9b)


def test_a_page_number_after_a_page_count_before_a_running_header():
    doc = shared_pipeline()("57 436 ICRC ANNUAL REPORT 2019 NEAR EAST Protection 1,200 1,150 Assistance 3,400 3,380")
    rejected = {span.text: span._.rejection["reason"] for span in doc.spans[REJECTED_KEY]}
    assert rejected.get("436") == "page furniture"


def test_a_scale_header_in_capitals_inside_a_line_scales_the_cells_after_it():
    figures = {q.number: q for q in parse_quantities(_TABLE)}
    assert (figures["45,210"].value, figures["45,210"].kind.value, figures["45,210"].unit) == (
        45_210_000,
        "money",
        "CHF",
    )
    assert figures["165,610"].value == 165_610_000
    assert figures["2,140"].value == 2140  # before the header
    assert figures["88"].kind.value == "percentage"  # after the next heading in capitals


def test_a_bare_amount_before_a_passive_participle_said_of_people():
    """A guard: units5's past-auxiliary rule (merged) reads the real6 case too."""
    (quantity,) = [q for _, q in read_figures(shared_pipeline(), "In addition, 40.8 million were displaced by war.")]
    assert quantity.unit == "people"


def test_in_one_opening_a_clause_picks_an_instance():
    for text in (
        "Detainees were given clothing, and in one place the sewage system was upgraded.",
        "In one particularly violent episode in September, 49 civilians were killed.",
    ):
        doc = shared_pipeline()(text)
        rejected = {span.text: span._.rejection["rule"] for span in doc.spans[REJECTED_KEY]}
        assert "in-one" in rejected.values(), text


def test_in_one_inside_a_clause_still_counts():
    found = [(q.number, q.unit) for _, q in read_figures(shared_pipeline(), "I live with 20 other people in one room.")]
    assert ("one", "room") in found


def test_a_qualifier_before_an_opening_quotation_mark():
    (quantity,) = parse_quantities("At least “222 million people … will face acute food insecurity”, he said.")
    assert (quantity.qualifier.value, quantity.low, quantity.unit) == ("at_least", 222_000_000, "people")


def test_page_n_of_m_written_together():
    assert parse_quantities("You are on page 1of 17") == []


def test_report_n_dot_is_a_reference():
    assert _rejected("External Situation Report n. 12, published today.").get("12") == ("reference", "number-sign")


def test_a_day_written_with_a_dot():
    assert _rejected("Press release|Published 20. Jun 2016").get("20") == ("date", "dotted-day-month")
    assert [q.number for q in parse_quantities("The count reached 20. June was worse.")] == ["20"]


def test_a_day_joined_to_the_day_of_a_date():
    assert _rejected("On 27 and 28 May 2023, heavy rain affected 800 individuals.").get("27") == (
        "date",
        "day-and-day-month",
    )


def test_a_row_label_noun_then_its_participle():
    """ "RCMs collected 8,346 RCMs distributed 5,799": the label's noun counts, the participle says what was done. A
    guard: units5's row-label rule (merged) reads it; real6's own rule for it was dropped as redundant."""
    text = "PROTECTION Total Restoring family links RCMs collected 8,346 RCMs distributed 5,799 Visits carried out 907"
    found = {q.number: q.unit for _, q in read_figures(shared_pipeline(), text)}
    assert found["5,799"] == "RCMs"
    assert found["907"] == "Visits"
