"""Rules for the precision classes prec14 found on the dev split (issue #12): an image's caption before its photo
credit, a year before a plural noun it dates, idioms ("one man's life", a "24-hour" hospital, efforts multiplied
tenfold), a running header whose small capitals a copy mixed up, a threshold defining a class ("countries with at
least five consecutive years"), a headline's list named again ("those 10 crises to watch"), a visa's validity ("a
15-day visa"), an issue number after "News Release", a table's total row after prose taking the table's scale.
Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import parse_quantities

from .helpers import figure_values as _figures
from .helpers import rejections_in as _rejected

_CAPTION = ("image description", "photo-caption")


def test_a_number_in_the_sentence_before_a_photo_credit_is_a_caption():
    assert _rejected("Amina 32 sells bread in a camp near Goma. Photo: Jane Doe/IFRC")["32"] == _CAPTION
    assert not _figures("Amina 32 sells bread in a camp near Goma. Photo: Jane Doe/IFRC")
    text = "A man builds a shelter for his family of five near Bunia. Photo/SRC Summary: the appeal seeks CHF 200,000."
    assert _rejected(text)["five"] == _CAPTION
    assert _figures(text) == {"CHF 200,000": 200000}
    assert _rejected("Omar 12 is a student in Tartus. © UNICEF/Doe")["12"] == _CAPTION


def test_a_figure_far_from_a_credit_or_with_its_noun_stays():
    # another sentence of the report stands between the figure and the credit
    assert _figures("Amina 32 sells bread. The market reopened. Photo: IFRC") == {"32": 32}
    # no credit: "photo" as a word of the sentence
    assert _figures("Amina 32 sells bread. Photos of the market were taken.") == {"32": 32}
    # a caption restating a counted figure keeps it
    text = "She is one of 1,700 households that received cash. Photo: SRCS"
    assert _figures(text) == {"1,700 households": 1700}


_YEAR = ("year", "year-modifier")


def test_a_year_before_a_plural_noun_it_dates_is_a_year():
    assert _rejected("All 2024 risks on Chad have been reviewed.")["2024"] == _YEAR
    assert _rejected("Our 2019 activities in numbers")["2019"] == _YEAR
    assert not _figures("The 2022 highlights of the mission")


def test_a_count_of_people_near_a_year_stays():
    assert _figures("All 2024 people in the camp were moved.") == {"2024 people": 2024}
    assert _figures("The mission ran 45 activities in 2019.") == {"45 activities": 45}


def test_one_before_a_possessive_is_an_idiom():
    assert _rejected("Nurses raced to save one woman's life.")["one"] == ("idiom", "one-possessor")
    assert not _figures("Nurses raced to save one woman's life.")


def test_one_as_a_count_or_two_before_a_possessive_stays():
    assert _figures("One woman was injured in the blast.") == {"One woman": 1}
    assert _figures("Nurses saved two women's lives.")


def test_a_24_hour_service_is_round_the_clock():
    assert _rejected("The team opened a 24-hour maternity clinic in the camp.")["24"] == ("idiom", "round-the-clock")
    assert _figures("The team opened a 24-hour maternity clinic with 20 beds.") == {"20 beds": 20}
    assert _rejected("A 24 hour hotline was set up.")["24"] == ("idiom", "round-the-clock")


def test_a_24_hour_curfew_or_a_wait_stays_a_duration():
    assert _figures("A 24-hour curfew was imposed on the town.") == {"24-hour": 24}
    assert _figures("The clinic was reached within 24 hours.") == {"24 hours": 24}
    assert _figures("The team opened a 48-hour clinic.") == {"48-hour": 48}


def test_efforts_multiplied_tenfold_are_a_resolve():
    assert _rejected("We will multiply our efforts tenfold.")["tenfold"] == ("idiom", "multiplied-effort")


def test_a_measured_fold_change_stays():
    assert _figures("Food prices rose tenfold in a year.") == {"tenfold": 10}
    assert _figures("The number of efforts grew; cases rose fivefold.") == {"fivefold": 5}


_SMALL_CAPS = ("page furniture", "small-caps-header")


def test_a_page_number_after_mixed_up_small_capitals_is_a_header():
    assert _rejected("UNHCR aRound The WoRld 47")["47"] == _SMALL_CAPS
    assert not _figures("UNHCR aRound The WoRld 47")
    assert _rejected("ReGionAL oVeRvieW 58")["58"] == _SMALL_CAPS


def test_names_with_inner_capitals_or_one_flipped_word_stay():
    assert _rejected("McDonald MacArthur Report 47").get("47") != _SMALL_CAPS
    assert _rejected("The eHealth programme 47").get("47") != _SMALL_CAPS
    assert _rejected("aRound WoRld teams reached 47 villages.").get("47") != _SMALL_CAPS


_THRESHOLD = ("category label", "threshold-class")


def test_a_threshold_defining_a_class_is_a_category():
    assert (
        _rejected("In districts with at least four consecutive years of drought, poverty rose.")["four"] == _THRESHOLD
    )
    assert _rejected("Since 2001, 31 provinces had more than 3 consecutive years of floods.")["3"] == _THRESHOLD
    assert _figures("Since 2001, 31 provinces had more than 3 consecutive years of floods.") == {"31 provinces": 31}
    assert _rejected("Aid went to areas with appeals for at least one preceding year.")["one"] == _THRESHOLD
    assert _rejected("Many households faced at least three forms of shock.")["three"] == _THRESHOLD
    assert _rejected("Of the 20 countries, 12 faced three or more types of crisis.")["three"] == _THRESHOLD


def test_a_threshold_that_measures_or_counts_stays():
    assert _figures("The rains failed for more than three consecutive years.") == {
        "more than three consecutive years": 3
    }
    assert _figures("The camp has hosted refugees for more than 5 years.") == {"more than 5 years": 5}
    assert _figures("Over 2,000 families received at least two kits.") == {
        "Over 2,000 families": 2000,
        "at least two kits": 2,
    }
    assert _figures("Three forms of aid reached 500 people.")  # exact: no threshold


def test_a_headline_list_named_again_after_those_is_a_name():
    text = "Remember those 12 risks and trends to watch in 2031 we listed in March?"
    assert _rejected(text)["12"] == ("name", "listicle-title")
    assert "12" not in str(_figures(text))


def test_a_count_before_a_purpose_stays():
    assert _figures("They sent those 20 monitors to watch the border.") == {"20 monitors": 20}
    assert _figures("The 20 monitors to watch the border arrived.") == {"20 monitors": 20}


_VALIDITY = ("category label", "validity-label")


def test_a_duration_naming_a_documents_validity_is_a_label():
    assert _rejected("Other arrivals obtained a 30-day visa as visitors.")["30"] == _VALIDITY
    assert _rejected("They hold a six-month residence permit.")["six"] == _VALIDITY
    assert not _figures("Other arrivals obtained a 30-day visa as visitors.")


def test_a_wait_for_a_visa_stays_a_duration():
    assert _figures("The visa took 15 days to arrive.") == {"15 days": 15}
    assert _figures("After a 15-day wait, they crossed.") == {"15-day": 15}
    assert _figures("A 30-day ceasefire holds.") == {"30-day": 30}


def _amounts(text: str) -> list[tuple[float | None, str | None]]:
    return [(q.value, q.unit) for q in parse_quantities(text)]


_TABLE = (
    "BUDGET Society spending in 2031 In million Offices CHF 12.5 USD 11.5 Field CHF 40.5 USD 37.2 "
    "The sub-total comes to CHF 53.0 million, from which overheads are deducted. "
)


def test_a_total_row_after_prose_takes_its_tables_scale():
    assert _amounts(_TABLE + "Final total: CHF 50.1 USD 46.0 Staff 300 people")[-3:] == [
        (50_100_000, "CHF"),
        (46_000_000, "USD"),
        (300, "Staff"),
    ]


def test_a_total_in_other_currencies_or_far_away_keeps_its_own_value():
    assert _amounts(_TABLE + "Final total: GBP 50.1 JPY 46.0")[-2:] == [(50.1, "GBP"), (46.0, "JPY")]
    assert _amounts(_TABLE + "Total: CHF 50.1")[-1] == (50.1, "CHF")  # one cell: no row of the table's columns
    padding = "The society also ran many other programmes in the region during the year. " * 5
    assert _amounts(_TABLE + padding + "Final total: CHF 50.1 USD 46.0")[-2:] == [(50.1, "CHF"), (46.0, "USD")]


def test_a_slashed_number_after_a_release_word_is_a_reference():
    text = "Geneva (ICRC) News Release 14/120 The ICRC said 2,000 people were reached."
    assert _rejected(text)["14/120"] == ("reference", "series-slash-number")
    assert _figures(text) == {"2,000 people": 2000}


def test_a_ratio_after_a_release_word_in_lower_case_stays():
    assert _figures("The news release said 2/3 of the wells were dry.") == {"2/3 of the wells": 0.666667}
