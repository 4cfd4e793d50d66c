"""Precision rules of issue #12 (prec9): page numbers a document's reading joins to its heading, numbered places,
an issue number after a dash. Made-up sentences, one rule each."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.checks.explain import explain
from extract.parsing import REJECTED_KEY, shared_pipeline
from extract.reading.segments import SegmentKind
from extract.reading.text import clean

from .helpers import figure_values as _figures
from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _decisions(tmp_path: Path, text: str) -> dict[str, tuple[str, str | None]]:
    """Number text -> (decision, reason) as the whole-document run (`extract explain`) decides it."""
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return {d.text: (d.decision, d.reason) for d in explain(path)}


def _furniture(source: str) -> list[str]:
    return [s.text for s in clean(source).segments if s.kind is SegmentKind.BOILERPLATE]


@pytest.mark.parametrize(
    "source",
    [
        "23\nPROGRAMMES | 41 PROGRAMMES\nThe team reached 300 families.\n",
        "The team reached 300 families.\f23\nPROGRAMMES\nIt ran 12 clinics.\n",  # atop the second page
        "\n\n23\n\nPROGRAMMES AND SERVICES\n\nThe team reached 300 families.\n",
    ],
)
def test_a_page_number_atop_a_page_above_a_heading_in_capitals_is_furniture_when_the_document_is_read(source):
    assert "23" in _furniture(source)


@pytest.mark.parametrize(
    "source",
    [
        "The team reached 300 families.\n23\nPROGRAMMES SUPPORTED\n",  # lower on the page: a key figure
        "23\nPeople reached in May\n",  # its label is in sentence case
        "2023\nANNUAL REVIEW\n",  # a year, not a page number
    ],
)
def test_a_number_above_its_label_lower_on_a_page_or_in_sentence_case_is_no_furniture(source):
    assert _furniture(source) == []


def test_the_page_number_atop_the_document_is_dropped_in_the_whole_document_run(tmp_path):
    decisions = _decisions(tmp_path, "23\nPROGRAMMES | 41 PROGRAMMES\n\nThe team reached 300 families.\n")
    assert decisions["23"] == ("boilerplate", "dropped: page furniture")
    assert decisions["41"] == ("rejected", "page furniture")  # the facing page's header after a cell rule
    assert decisions["300"] == ("figure", None)


@pytest.mark.parametrize(
    "source",
    [
        "SHELTER AND SETTLEMENTS\n| 212\nThe 2019 plan covered 4,000 households.\n",
        "SHELTER AND SETTLEMENTS\n212 |\nThe 2019 plan covered 4,000 households.\n",
        "The 2019 plan covered 4,000 households.\n| 212\nSHELTER AND SETTLEMENTS\n",
    ],
)
def test_a_page_number_set_off_by_a_rule_beside_a_heading_in_capitals_is_furniture(source):
    assert any("212" in line for line in _furniture(source))


def test_a_ruled_number_beside_sentence_case_lines_stays(tmp_path):
    assert _furniture("Shelter was repaired.\n| 212\nThe plan covered 4,000 households.\n") == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Flood Response Operational Update – 14 Northern Province", "14"),
        ("Situation Report — 7 (covering the first week)", "7"),
    ],
)
def test_an_issue_number_after_a_series_word_and_a_dash_is_a_reference(text, number):
    assert _rejected(text)[number] == ("reference", "series-word")


def test_a_count_after_a_dash_and_a_lower_case_word_stays_a_figure():
    assert _figures("The final report – 14 clinics reopened in May.")["14 clinics"] == 14


def test_a_line_ending_with_the_page_number_it_opens_with_repeats_the_page_number():
    text = "7 Annex Map 3 NORTHERN REGION 7"
    doc = shared_pipeline()(text)  # held while its span group is read
    spans = [s for s in doc.spans[REJECTED_KEY] if s.text == "7"]
    assert [s._.rejection["rule"] for s in spans] == ["page-number-line-start", "page-number-line-end"]


def test_a_line_ending_with_another_number_than_it_opens_with_keeps_its_figure():
    assert _figures("7 Teams reached the camp and counted 9")["9"] == 9


@pytest.mark.parametrize(
    "text",
    [
        "12 Background 3. The floods began in March.",
        "12 Humanitarian Situation 3. Access remains limited.",
    ],
)
def test_a_paragraph_number_after_a_page_number_and_its_heading_is_a_list_number(text):
    assert _rejected(text)["3"] == ("ordinal", "list-number")


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Families left the quarters of Bel Air (Rivière 14) and Fort National.", "14"),
        ("Residents from Cité Verte and Rivière Froide - Rivière 22 were moved to a school.", "22"),
        ("Clashes in Rivière 31 displaced 400 people.", "31"),
        ("Shelters in Cité Numéro 3 were full.", "3"),  # numéro: the French "number", a reference word
    ],
)
def test_a_numbered_place_after_a_preposition_a_bracket_or_a_dash_is_a_name(text, number):
    assert _rejected(text)[number][0] in {"name", "reference"}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In Kenya 500 died and in Uganda 40 were hurt.", "40", 40),  # where the verb's count was
        ("Cases were reported in Kasai 12, Kinshasa 4 and Kongo Central 7.", "12", 12),  # places and their counts
        ("Clashes in Rivière 31 displaced 400 people.", "400 people", 400),
    ],
)
def test_a_count_after_a_place_name_stays_a_figure(text, span, value):
    assert _figures(text)[span] == value


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("In total 9.388 households were affected.", "9.388 households", 9388),
        ("Some 12.500 people fled the town.", "Some 12.500 people", 12500),
        ("More than 4.250 families lost their homes.", "More than 4.250 families", 4250),
    ],
)
def test_a_count_of_a_plural_noun_with_three_digits_after_a_dot_groups_thousands(text, span, value):
    assert _figures(text)[span] == value


def test_a_hedged_dot_grouped_count_keeps_its_bound_in_thousands():
    [(_, quantity)] = read_figures(shared_pipeline(), "More than 4.250 families lost their homes.")
    assert (quantity.value, quantity.low) == (4250, 4250)


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("About 1.376 million children were reached.", "About 1.376 million children", 1376000),  # a scale
        ("The fertility rate was 5.125 children per woman.", "5.125 children", 5.125),  # a rate
        ("The exchange rate stood at 1.376 on Monday.", "1.376", 1.376),  # no counted noun
        ("Rainfall reached 1.250 mm in May.", "1.250 mm", 1.25),  # a measure
        ("They shared 2.5 tonnes of seed.", "2.5 tonnes", 2.5),
    ],
)
def test_a_decimal_point_stays_a_decimal_point(text, span, value):
    assert _figures(text)[span] == value


@pytest.mark.parametrize(
    ("text", "marker"),
    [
        ("Chad hosted the most refugees (1 in 9)2, followed by Niger (1 in 14).", "2"),
        ("Chad hosted the most refugees (1 in 9) and Niger (1 in 14).3", ".3"),
        ("The pooled fund (CERF)12 paid for the response.", "12"),
    ],
)
def test_a_footnote_marker_written_against_a_closing_bracket_is_a_footnote(text, marker):
    doc = shared_pipeline()(text)  # held while its span group is read
    rules = {s.text: s._.rejection["rule"] for s in doc.spans[REJECTED_KEY]}
    assert any(span.endswith(marker) and rule == "marker-after-bracket" for span, rule in rules.items())
    assert all(q.value != float(marker) for _, q in read_figures(shared_pipeline(), text))


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Aid reached the camps (see map) 4 times a week.", "4 times", 4),
        ("The camps (Dadaab) 25 people were moved.", "25 people", 25),
    ],
)
def test_a_number_after_a_bracket_with_a_space_or_a_unit_is_no_marker(text, span, value):
    assert _figures(text)[span] == value


@pytest.mark.parametrize(
    "text",
    [
        "Teams assessed the camp from 30 – 31st October.",
        "Teams assessed the camp from 30-31st October.",
        "Teams assessed the camp from 2 – 3rd of May.",
    ],
)
def test_a_day_before_a_dash_an_ordinal_day_and_a_month_is_a_date(text):
    assert ("date", "day-to-ordinal-day") in _rejected(text).values()
    assert _figures(text) == {}


def test_a_count_before_a_dash_and_an_ordinal_is_no_date():
    assert "30" in _figures("Teams counted 30 – 31st families.")


@pytest.mark.parametrize(
    "text",
    [
        "On March 26, 2020 refugees crossed the border.",
        "Press Release March 26, 2020 GENEVA – The Movement launched an appeal.",
        "On Sept. 3 2019 floods hit the town.",
    ],
)
def test_a_year_after_a_month_and_its_day_is_the_dates_year_whatever_noun_follows(text):
    assert any(reason == ("date", "month-day-year") for reason in _rejected(text).values())
    assert all(value != 2020 and value != 2019 for value in _figures(text).values())


def test_a_count_after_a_date_without_its_day_stays_a_figure():
    assert _figures("The plan for May 3 covers 2020 families.")["2020 families"] == 2020


def test_an_issue_number_after_a_series_word_and_a_bare_n_is_a_reference():
    # "n°" of a copy that lost its degree sign
    assert _rejected("Flood Appeal n MDRXY001 Operation update n 3 Date of issue: 4 May 2019")["3"] == (
        "reference",
        "series-word",
    )


def test_a_bare_n_after_a_lower_case_word_is_no_series():
    assert "3 teams" in _figures("The road update n 3 teams reached the valley.")


@pytest.mark.parametrize(
    "text",
    [
        "1 Emergency appeal operation update Northern Kivu: Floods and landslides",
        "1 DREF final report Costa Rica: Earthquake",
    ],
)
def test_page_one_before_a_title_ending_in_a_place_name_is_page_furniture(text):
    assert _rejected(text)["1"] == ("page furniture", "page-number-line-start")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("1 Emergency appeal launched for Kenya", "1 Emergency appeal"),
        ("1 Red Cross volunteer died in the storm.", "1 Red Cross volunteer"),
    ],
)
def test_one_before_a_title_cased_count_stays_a_figure(text, span):
    assert _figures(text)[span] == 1


@pytest.mark.parametrize(
    ("text", "number", "rule"),
    [
        ("Of the cases, 40% are under 5 age group.", "5", "age-group"),
        ("The 5-14 age group made up 30% of cases.", "5-14", "age-group"),
        ("Most of the patients were 15-44 years of age.", "15-44", "age-band-of-age"),
        ("Most of the patients were 15 to 44 years of age.", "15 to 44", "age-band-of-age"),
    ],
)
def test_an_age_band_is_a_category_label(text, number, rule):
    assert _rejected(text)[number] == ("category label", rule)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The campaign targeted two age groups in 40 villages.", "two age groups"),
        ("She was 105 years of age when she died.", "105 years"),  # one stated age: a duration fact
        ("Teams worked 10-12 years in the camp.", "10-12 years"),
    ],
)
def test_a_count_of_age_groups_a_stated_age_and_a_span_of_years_stay_figures(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    "text",
    [
        "Teams treated children aged between 6-59 months for malnutrition.",
        "Teams treated children aged between 6 months and 5 years.",
    ],
)
def test_an_age_band_after_aged_between_is_a_category_label(text):
    rejected = _rejected(text)
    assert rejected and all(reason == ("category label", "aged-band") for reason in rejected.values())


@pytest.mark.parametrize(
    "text",
    ["1 Refugees and migrants crossing the sea at night", "1 IDPs who fled the floods register at the camp."],
)
def test_page_one_before_a_capitalised_plural_is_page_furniture(text):
    assert _rejected(text)["1"] == ("page furniture", "page-number-line-start")


def test_one_before_a_singular_noun_at_a_line_start_stays_a_figure():
    assert _figures("1 child died and 4 were injured.")["1 child"] == 1
