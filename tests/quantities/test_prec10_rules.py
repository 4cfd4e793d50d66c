"""Precision rules of issue #12 (prec10): footnote markers glued to the word they mark, numbers naming members of
a series as a range or a list, web counters, postal codes, citations. Made-up sentences, one rule each, with cases
where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.parsing import REJECTED_KEY, shared_pipeline

from .helpers import read_figures


def _rejected(text: str) -> dict[str, str]:
    doc = shared_pipeline()(text)
    return {span.text: span._.rejection["reason"] for span in doc.spans[REJECTED_KEY]}


def _figures(text: str) -> dict[str, tuple[float | None, str | None, str]]:
    """Span text -> (value, unit, kind) of every figure."""
    return {span: (q.value, q.unit, q.kind.value) for span, q in read_figures(shared_pipeline(), text)}


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("An estimated 12,000 people2 were displaced by the floods.", "An estimated 12,000 people", "people"),
        ("The floods hit 45,000 households,3 according to the ministry.", "45,000 households", "households"),
        ("The camp now hosts 30,000 refugees.12 More arrive every day.", "30,000 refugees", "refugees"),
        ("The settlement hosts 8,000 Rohingya.[6]", "8,000 Rohingya", "Rohingya"),
    ],
)
def test_a_footnote_number_glued_to_the_counted_noun_stays_out_of_the_figure(text, span, unit):
    figures = _figures(text)
    assert figures[span][:2] == (float(span.split()[-2].replace(",", "")), unit)
    assert len(figures) == 1  # the marker is no figure of its own


def test_a_footnote_number_glued_to_per_cent_leaves_a_percentage():
    assert _figures("Some 80 per cent4 of the wells are dry.") == {"Some 80 per cent": (80, "percent", "percentage")}


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The clinic covers 3 km2 of the valley.", "3 km2"),  # a unit symbol keeps its digit
        ("The Covid19 lockdown left 300 families without work.", "300 families"),
    ],
)
def test_digits_glued_to_a_unit_symbol_or_a_name_are_no_footnote(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("About 8 million people are in IPC Phases 3 to 5.", "3 to 5"),
        ("About 8 million people are in IPC Phase 3-5 across the region.", "3-5"),
        ("About 8 million people are in IPC Phases 3 and above.", "3"),
        ("Zones 3 and 4 received 200 tents.", "4"),
        ("Camps 1, 2 and 3 host 30,000 refugees.", "2"),
        ("Camps 1, 2 and 3 host 30,000 refugees.", "3"),
        ("Articles 3 and 4 of the law protect 12 groups.", "4"),
        ("The survey covered Sectors 2 to 4 and 1,300 households.", "2 to 4"),
    ],
)
def test_numbers_naming_members_of_a_series_as_a_range_or_list_are_no_figures(text, member):
    assert member in _rejected(text)
    assert member not in _figures(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Under articles 6 to 8, 40 detainees were freed.", "40 detainees"),  # the figure after the list's comma
        ("Between Phase 1 and Phase 2, 500 families moved.", "500 families"),
        ("In the camps 200 families received kits.", "200 families"),  # a plural label before a count
        ("The ward has 30 beds and 5 cots.", "5 cots"),  # a countable, no series label
        ("The team reported 300 cases and 4 deaths.", "4 deaths"),
    ],
)
def test_a_count_near_a_series_label_stays_a_figure(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("This page has been viewed 1,234 times.", "1,234"),
        ("The brief was downloaded over 300 times and shared widely.", "300"),
    ],
)
def test_a_view_or_download_counter_written_as_a_sentence_is_site_furniture(text, counter):
    assert _rejected(text)[counter] == "site furniture"
    assert not _figures(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The mobile team was visited 12 times by the inspectors.", "12 times"),
        ("Food prices rose 3 times in a single year.", "3 times"),
        ("The risk was viewed as 3 times higher in the camps.", "3 times"),  # no counter: "viewed as"
    ],
)
def test_times_after_other_verbs_stays_a_figure(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "digit"),
    [
        ("Letters go to the office at 4 Carlton Gardens, London SW1Y 5AA.", "5"),
        ("Forms are sent to Ottawa ON K1A 0B1 each month.", "0"),
    ],
)
def test_the_inward_part_of_a_two_part_postal_code_is_an_address(text, digit):
    assert not any(span.startswith(digit) for span in _figures(text))


def test_a_number_after_a_road_name_is_no_postal_code():
    assert "2 lanes" in _figures("On the M1 2 lanes were closed after the crash.")


@pytest.mark.parametrize(
    "text",
    [
        "Smith J, Doe A. Trauma care in camps. Int J Surg 2012;18(4):233-9.",
        "See Lancet 2019; 393:1234-1245 for the trial.",
    ],
)
def test_volume_issue_and_pages_of_a_journal_citation_are_references(text):
    assert not _figures(text)


def test_a_year_then_a_semicolon_and_a_count_is_no_citation():
    assert "34 people" in _figures("Floods struck in March 2010; 34 people died.")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The rise shown in the 2031 Return and Reintegration Key Highlights is large.", "2031"),
        ("The agency published its 2029 Global Trends Reports on Monday.", "2029"),
    ],
)
def test_a_year_between_a_determiner_and_a_title_in_capitals_names_the_title(text, year):
    assert _rejected(text)[year] == "name"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The 1800 Syrian refugees arrived in May.", "1800 Syrian refugees"),
        ("The 2000 Rohingya Refugees arrived in May.", "2000 Rohingya Refugees"),  # a short title-case noun
    ],
)
def test_a_year_like_count_before_a_short_or_lower_case_noun_stays_a_figure(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("The Windows 11 update reached 5 schools.", "11"),
        ("The Boeing 737 landed with 120 passengers.", "737"),
        ("The Galaxy S23 and iPhone 15 were donated with 40 tablets.", "15"),
    ],
)
def test_a_number_ending_a_name_the_entity_tagger_reads_is_a_name(text, number):
    assert _rejected(text)[number] == "name"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Oxfam 20 staff were hurt in the attack.", "20 staff"),
        ("The Red Cross 300 volunteers helped.", "300 volunteers"),
        ("The households receive a cash grant of USD 5 for each child.", "USD 5"),  # a currency code, no name
        ("UNHCR PRESENCE Staff: 85 National Staff 14 International Staff", "14 International Staff"),
    ],
)
def test_a_count_after_an_organisation_or_a_currency_is_no_name(text, span):
    assert span in _figures(text)


def test_a_grouped_number_after_a_reference_word_is_a_count():
    assert "1,200 new arrivals" in _figures("The Kakuma Camp 1,200 new arrivals were registered in May.")
    assert _rejected("Camp 12 hosts the new arrivals.")["12"] == "reference"


def test_a_day_after_a_month_with_a_glued_dash_is_a_date():
    rejected = _rejected("Period Covered: Mar 03 2031 -Sep 30 2031")
    assert rejected["30"] == "date"
    assert not _figures("Period Covered: Mar 03 2031 -Sep 30 2031")


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("On the one hand, 40 schools reopened.", "40 schools"),
        ("At one point 500 people were waiting at the gate.", "500 people"),
        ("The neighbours help one another and 3 volunteers.", "3 volunteers"),
    ],
)
def test_a_number_word_in_a_set_phrase_is_an_idiom(text, span):
    figures = _figures(text)
    assert list(figures) == [span]
    assert _rejected(text)["one"] == "idiom"


def test_one_before_a_counted_noun_outside_a_set_phrase_stays_a_figure():
    assert "One family" in _figures("One family and 40 others arrived at one of the camps.")


def test_one_answered_by_another_picks_out_an_instance():
    text = "One volunteer stayed with the injured boy, another ran for help."
    assert _rejected(text)["One"] == "idiom"
    assert not _figures(text)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("One nurse died and two were injured.", "One nurse"),
        ("One clinic closed and 12 were damaged; another attack followed.", "One clinic"),  # "another" a determiner
    ],
)
def test_one_without_an_answering_another_stays_a_count(text, span):
    assert span in _figures(text)


def test_the_size_of_a_set_picked_by_a_superlative_is_no_count_but_names_the_noun_after_it():
    text = "Of the 30 districts with the highest rates, 12 reported new cases."
    figures = _figures(text)
    assert _rejected(text)["30"] == "idiom"
    assert figures["12"][:2] == (12, "districts")  # the set still names what the later number counts


def test_a_set_without_a_superlative_stays_a_count():
    assert "30 districts" in _figures("Funding went to the 30 districts with high rates of cholera.")


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("Share this story: Facebook Twitter 25\nThe floods hit 3 towns.", "25"),
        ("Tweet 12\nThe floods hit 3 towns.", "12"),
        ("Related Content: 5\nThe floods hit 3 towns.", "5"),
    ],
)
def test_a_share_button_or_related_content_counter_is_site_furniture(text, counter):
    assert _rejected(text)[counter] == "site furniture"
    assert list(_figures(text)) == ["3 towns"]


def test_a_count_after_the_verb_share_is_no_button_counter():
    assert "25 wells" in _figures("The two villages share 25 wells.")


def test_n_of_m_ending_a_line_after_a_heading_s_bracket_is_a_pager():
    text = "Humanitarian Snapshot (as of 30 June 2031) 1 of 2\nThe floods hit 3 towns."
    assert _rejected(text)["1"] == "page furniture"
    assert _rejected(text)["2"] == "page furniture"
    assert list(_figures(text)) == ["3 towns"]


def test_n_of_m_before_a_noun_or_after_a_label_stays_a_figure():
    assert "5 hospitals" in _figures("Only 3 of 5 hospitals (north) still work.")
    assert "3" in _figures("Hospitals functioning: 3 of 5")


@pytest.mark.parametrize(
    ("text", "counter"),
    [
        ("By Jane Roe | 5 min read | 12 Comments", "12"),
        ("Posted in Floods. It has 1,200 Views", "1,200"),
    ],
)
def test_a_counter_noun_in_capitals_after_a_number_is_site_furniture(text, counter):
    assert _rejected(text)[counter] == "site furniture"
    assert not _figures(text)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Donate $25 now to help a family.", "25"),
        ("The floods hit 3 towns. Give just $10 a month.", "10"),
    ],
)
def test_an_amount_after_an_imperative_donate_is_an_appeal_button(text, amount):
    assert _rejected(text)[amount] == "site furniture"


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Japan will donate $25 million to the appeal.", "$25 million"),
        ("Donors give $3 billion each year.", "$3 billion"),  # not an imperative
    ],
)
def test_an_amount_donors_give_stays_a_figure(text, span):
    assert span in _figures(text)


def test_a_contents_line_keeps_its_run_of_page_numbers_when_the_tagger_reads_a_name():
    text = (
        "TABLE OF CONTENTS Foreword 4 Humanitarian Situation 6 Children in Crisis 8 Results Achieved in 2030 12 "
        "Humanitarian Funding in 2030 14 Access to Vaccines 20 Planned Results 22\n\nThe floods hit 3 towns."
    )
    assert list(_figures(text)) == ["3 towns"]


def _decisions(tmp_path, text: str) -> dict[str, tuple[str, str | None]]:
    """Number text -> (decision, reason) as the whole-document run (`extract explain`) decides it."""
    from extract.checks.explain import explain

    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    return {d.text: (d.decision, d.reason) for d in explain(path)}


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Regional Refugee Trends 2031 | 23", "23"),
        ("4 | Regional Emergency Appeal", "4"),
        ("Syria Crisis: Regional Response Plan 2032 | 17 of 40", "17"),
        ("Country Brief for the Region August 2031 2", "2"),
    ],
)
def test_a_page_number_beside_a_running_title_in_title_case_is_furniture(tmp_path, line, number):
    decisions = _decisions(tmp_path, f"{line}\n\nThe floods hit 3 towns in May.\n")
    assert decisions[number][0] == "rejected"  # page furniture, or a date's day where a date reading comes first
    assert decisions["3"] == ("figure", None)


@pytest.mark.parametrize(
    ("line", "number"),
    [
        ("Kakuma Camp | 230", "230"),  # a flattened table's row: two words
        ("Refugees reached in the region | 23", "23"),  # a label in sentence case
    ],
)
def test_a_number_after_a_rule_and_a_short_or_sentence_case_label_is_no_page_number(tmp_path, line, number):
    assert _decisions(tmp_path, f"{line}\n\nThe floods hit 3 towns in May.\n")[number][0] == "figure"


@pytest.mark.parametrize(
    ("text", "note"),
    [
        ("The floods hit 3 towns. 2 OCHA, 2031.", "2"),
        ("The floods hit 3 towns. 3 World Bank (2030) data show this.", "3"),
    ],
)
def test_a_note_number_before_a_cited_source_and_its_year_is_a_footnote(text, note):
    assert _rejected(text)[note] == "footnote"
    assert list(_figures(text)) == ["3 towns"]


def test_a_count_before_an_organisation_s_staff_is_no_note():
    assert "3 UNICEF staff" in _figures("The team met 3 UNICEF staff in 2031.")


def test_the_scale_of_a_series_label_is_a_label_too():
    text = "Severity rating: Level 3 of 5. The floods hit 3 towns."
    assert _rejected(text)["5"] == "category label"
    assert list(_figures(text)) == ["3 towns"]


@pytest.mark.parametrize(
    "text", ["It was a 1-in-100-year flood that hit 30 villages.", "A 1 in 50 year drought hit 30 villages."]
)
def test_a_return_period_is_a_label(text):
    assert list(_figures(text)) == ["30 villages"]


def test_a_share_and_a_period_stay_figures():
    figures = _figures("One in 5 children is stunted after 50 years of drought in 30 villages.")
    assert {"One in 5 children", "50 years", "30 villages"} <= set(figures)


@pytest.mark.parametrize(("text", "counter"), [("Load more (24)", "24"), ("Filter (3)", "3"), ("Cart (0)", "0")])
def test_a_widget_s_count_in_brackets_is_site_furniture(text, counter):
    assert _rejected(text)[counter] == "site furniture"


def test_a_listing_s_position_before_its_total_is_site_furniture():
    assert _rejected("1 of 12 results")["1"] == "site furniture"


@pytest.mark.parametrize(
    ("text", "span"),
    [("The cholera filter (3 units) was used.", "3 units"), ("Floods hit 3 of 12 districts.", "12 districts")],
)
def test_a_count_in_brackets_or_of_a_whole_stays_a_figure(text, span):
    assert span in _figures(text)


@pytest.mark.parametrize(
    ("text", "day"),
    [("On 2 Decemeber the team arrived with 40 kits.", "2"), ("By 14 Febuary, 40 kits had arrived.", "14")],
)
def test_a_day_before_a_misspelt_long_month_is_a_date(text, day):
    assert _rejected(text)[day] == "date"
    assert list(_figures(text)) == ["40 kits"]


@pytest.mark.parametrize(
    ("text", "span"),
    [("The 3 Marches were peaceful.", "3 Marches"), ("He met 2 Augustinian monks.", "2 Augustinian monks")],
)
def test_a_word_near_a_short_month_or_far_from_a_long_one_is_no_date(text, span):
    assert span in _figures(text)
