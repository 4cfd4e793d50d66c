"""A form's field label "Number of <noun> ...:" says what the figure after its colon counts, also when the label
opens the sentence, starts with "Total", or a qualifier stands between the colon and the figure. Made-up lines."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import read_figures


def _units(text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(shared_pipeline(), text)}


def test_a_field_label_opening_the_text_counts_its_noun():
    assert list(_units("Number of people affected: 48,000").values()) == ["people"]


def test_a_total_field_label_counts_its_noun():
    assert list(_units("Total number of households affected: 1,250").values()) == ["households"]


def test_a_qualifier_between_colon_and_figure_keeps_the_label():
    assert list(_units("Number of people displaced: about 9,000").values()) == ["people"]


def test_a_lower_case_number_of_in_prose_is_no_field_label():
    # "a number of" means several: the bare figure after it is not counted as schools
    units = _units("A number of schools were closed, and 40 reopened: 12 in March.")
    assert "schools" not in {units.get("12")}


def test_the_number_with_a_participle_said_of_people_counts_people():
    assert list(_units("The total number displaced by the storms last year was 48,120.").values()) == ["people"]
    assert list(_units("The number evacuated has reached 3,400 this week.").values()) == ["people"]


def test_the_number_with_another_participle_counts_nothing_implied():
    assert list(_units("The number reported in May was 300.").values()) == [None]
    assert list(_units("The number of clinics affected was 30.").values()) == ["clinics"]


def _readings(text: str) -> list[tuple[float | None, float | None, float | None]]:
    return [(q.value, q.low, q.high) for _, q in read_figures(shared_pipeline(), text)]


def test_a_change_verb_some_words_before_from_makes_two_figures():
    text = "The new survey raises the number of families hosted by relatives from 4,120 to 5,300."
    assert _readings(text) == [(4120, None, None), (5300, None, None)]


def test_a_range_without_a_change_verb_stays_a_range():
    text = "The ministry counted the number of families hosted by relatives, from 4,120 to 5,300 a month."
    assert _readings(text) == [(None, 4120, 5300)]


def test_a_decimal_in_words_takes_the_scale_after_it():
    assert _readings("Officials said two point three million people had fled.") == [(2300000, None, None)]
    assert _readings("Floods covered over one point two five million hectares.") == [(1250000, 1250000, None)]


def test_a_decimal_in_words_without_a_scale_keeps_its_value():
    assert _readings("Inflation reached four point two per cent.") == [(4.2, None, None)]


def test_a_nationality_after_a_figure_following_a_colon_is_the_counted_noun():
    assert _units("The crisis in numbers: 2.4 million Yemenis need food aid.") == {"2.4 million Yemenis": "Yemenis"}


def test_a_capital_after_a_cell_still_opens_the_next_row():
    assert list(_units("Clinics opened: 14 Water points repaired: 45").values()) == ["Clinics", "Water points"]


def _values(text: str) -> list[float | None]:
    return [q.value for _, q in read_figures(shared_pipeline(), text)]


def test_one_of_the_worst_is_an_idiom():
    assert _values("It was one of the worst storms in memory.") == []


def test_several_of_a_ranked_set_are_counted():
    assert _values("Five of the largest camps were flooded overnight.") == [5]


def test_a_counter_noun_run_on_into_the_next_line_is_site_furniture():
    text = "Floods kill 20\n- National News\n- 55 Views\nISLAMABAD: Officials said 20 people died."
    assert 55 not in _values(text) and 20 in _values(text)


def test_a_bracketed_number_after_a_persons_name_is_an_age():
    assert _values("Amina Yusuf (42) fled with her four children.") == [4]


def test_a_bracketed_number_after_a_place_stays_a_figure():
    assert _values("Delegations in Kenya (12) and Uganda (8) reported new cases.") == [12, 8]


def test_a_place_owning_the_counted_noun_is_left_out():
    assert list(_units("Nearly half of Yemen's population needs food aid.").values()) == ["population"]


def test_a_common_possessor_still_names_a_kind():
    assert _units("The fund supported 30 women's groups.") == {"30 women's groups": "women's groups"}


def test_a_nationality_adjective_after_a_colon_figure_describes_its_noun():
    assert list(_units("Breaking: Two Kenyan trucks overturned on the highway.").values()) == ["trucks"]


def test_a_change_by_an_amount_then_a_dash_gives_its_two_ends():
    text = "The report revises the count of shelters upward by about 300 – from 1,150 to 1,450."
    assert _readings(text) == [(300, None, None), (1150, None, None), (1450, None, None)]


def test_a_list_items_number_is_no_count_even_with_a_noun_implied_from_elsewhere():
    text = "The camp was built in steps.\n  1. Officials chose a site for 2,000 people.\n  2. Staff laid pipes.\n"
    assert _values(text) == [2000]


def test_a_toll_ending_a_sentence_stays_a_figure():
    assert _values("Floods hit the district. The toll rose to 5. Cholera is also spreading.") == [5]


def test_a_duration_after_a_word_of_increment():
    units = _units("Forecasters expect 36 more hours of heavy rain.")
    assert list(units.values()) == ["hours"]


def test_a_count_after_more_keeps_its_noun():
    assert list(_units("Rescuers found 14 more survivors.").values()) == ["survivors"]


def test_a_counter_noun_in_prose_after_a_determiner_or_in_words_is_counted():
    assert _values("These two items cost more than the rest.") == [2]
    assert _values("The 12 items on the list were delivered to the clinic.") == [12]


def test_a_bare_counter_stays_site_furniture():
    assert _values("Report | 35 downloads") == []


def test_a_headlines_title_case_participle_said_of_people_counts_people():
    assert list(_units("Kenya floods: 91 Missing after dam burst").values()) == ["people"]


def test_a_noun_the_tagger_read_as_an_adjective_stays_in_the_unit():
    assert list(_units("Families moved into 52 displacement camps.").values()) == ["displacement camps"]
    assert list(_units("The team met 30 vulnerable families.").values()) == ["families"]


def test_need_after_a_large_figure_is_the_verb_and_counts_people():
    assert list(_units("Some 4.5 million need food assistance this year.").values()) == ["people"]


def test_need_after_a_small_figure_gives_no_wrong_noun():
    units = _units("Five schools were hit and two need urgent repairs.")
    assert units.get("two") is None and "need urgent repairs" not in units.values()


def test_a_population_of_a_hedged_figure_is_the_population():
    assert list(_units("The district has a total population of about 84,000.").values()) == ["population"]
