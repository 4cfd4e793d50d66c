"""Rules for the classes real13b's news and NGO documents showed (issue #12): a decimal sizing an earthquake, bare
tolls and passives that cue words say count people, number words in a breakdown list, 'within' before a duration,
'just under', a duration counted from an event, an amount of money restated without its sign, a currency letter
against a grouped amount, 'no one' and 'we are one', and a range of numbered items. Made-up sentences, one rule
each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import read_figures
from .helpers import rejections_in as _rejected


def _read(text: str) -> dict[str, tuple[str, str | None, str]]:
    """Number surface -> (kind, unit, qualifier)."""
    return {q.number: (q.kind.value, q.unit, q.qualifier.value) for _, q in read_figures(shared_pipeline(), text)}


def _units(text: str) -> dict[str, str | None]:
    return {number: unit for number, (_, unit, _) in _read(text).items()}


def _qualifiers(text: str) -> dict[str, str]:
    return {number: qualifier for number, (_, _, qualifier) in _read(text).items()}


# --- a decimal sizing an earthquake ---------------------------------------------------------------------------------


def test_a_decimal_before_a_quake_noun_is_a_magnitude():
    assert _read("A 6.2 earthquake shook the valley at dawn.")["6.2"][:2] == ("measure", "magnitude")
    assert _read("Villagers fled when a 5.4 aftershock struck.")["5.4"][:2] == ("measure", "magnitude")
    assert _read("Last year a magnitude 7.1 quake hit the coast.")["7.1"][:2] == ("measure", "magnitude")


def test_other_decimals_and_counts_of_quakes_are_not_magnitudes():
    assert _read("Prices saw a 6.2 percent rise after the earthquake.")["6.2"][0] == "percentage"
    assert _units("Three earthquakes hit the valley.")["Three"] == "earthquakes"
    assert _units("The quake damaged 4.5 million homes.")["4.5 million"] == "homes"


# --- bare tolls and passives that count people ---------------------------------------------------------------------


def test_a_toll_hedged_with_close_to_counts_people():
    assert _units("The final toll was close to 3,000 after the storm.")["3,000"] == "people"


def test_a_headline_toll_after_a_phrase_of_names_counts_people():
    assert _units("DEATH TOLL FROM AMBO, BETTY CLIMBS TO 23 – AGENCY")["23"] == "people"
    assert _units("PRICES IN MANILA CLIMB TO 23 – AGENCY").get("23") is None


def test_a_state_said_of_people_after_a_linking_verb_counts_people():
    assert _units("Nine are confirmed dead, while four remain missing.")["four"] == "people"
    assert _units("Some 2.5 million were made homeless by the floods.")["2.5 million"] == "people"


def test_a_linking_verb_without_a_state_of_people_does_not_count_people():
    assert _units("Nine are confirmed dead, while four remain in hospital.").get("four") is None
    assert _units("Four were made available to the clinic.").get("Four") is None


def test_a_verb_of_people_before_a_hedge_counts_people():
    assert _units("The landslide killed at least 35 near the river.")["35"] == "people"
    assert _units("The landslide buried at least 35 near the river.")["35"] is None


def test_number_words_in_a_breakdown_take_the_noun_broken_down():
    text = "The agency counted 30 deaths, 21 in Kandy, seven in Galle, and two in the Matale District."
    assert _units(text) == {"30": "deaths", "21": "deaths", "seven": "deaths", "two": "deaths"}


def test_a_number_word_not_listed_after_a_figure_takes_no_noun():
    assert _units("Two in Galle said the water was rising.").get("Two") is None
    assert _read("Two in five households lack water.")["Two in five"][0] == "ratio"


def test_a_number_word_before_of_these_and_a_noun_counts_that_noun():
    assert _units("Only three of these shelters were rebuilt.")["three"] == "shelters"
    assert _rejected("Only three of these were rebuilt.")["three"] == ("idiom", "pronoun-number")


def test_a_toll_revised_from_one_figure_to_another_counts_people():
    text = "Amid thousands of displaced families, the toll was revised upwards from 52 to 61 on Friday."
    assert _units(text)["52"] == "people"
    assert _units("Grain prices were revised upwards from 52 to 61 this year.")["52"] is None


def test_a_bare_figure_in_crisis_counts_people():
    assert _units("The agency reached 2.1 million in humanitarian crisis last year.")["2.1 million"] == "people"
    assert _units("The agency reached 2.1 million in Kenya last year.")["2.1 million"] != "people"


# --- qualifiers ------------------------------------------------------------------------------------------------------


def test_within_a_duration_is_an_upper_bound():
    assert _qualifiers("Teams arrived within 45 minutes, the report said.")["45"] == "at_most"
    assert _qualifiers("The clinic reopened within six weeks.")["six"] == "at_most"


def test_within_a_count_or_a_plain_duration_stays_exact():
    assert _qualifiers("Aid reached families within 4 districts.")["4"] == "exact"
    assert _qualifiers("The clinic stayed closed for six weeks.")["six"] == "exact"
    assert _qualifiers("Crews can be sent within 12 hours of a flood.")["12"] == "exact"


def test_just_under_is_less_than():
    assert _qualifiers("The appeal reached just under 9,000 families.")["9,000"] == "less_than"
    assert _qualifiers("The appeal reached nearly 9,000 families.")["9,000"] == "approximate"


def test_a_hedge_is_shared_by_a_restatement_after_or_and_by_figures_given_respectively():
    text = "The count rose to over 2.1 million people or 500,000 households."
    assert _qualifiers(text)["500,000"] == "more_than"
    text = "Losses were estimated at $40 million and $95 million, respectively."
    assert _qualifiers(text)["95 million"] == "approximate"


def test_a_hedge_is_not_shared_by_and_without_respectively():
    assert _qualifiers("Losses were estimated at $40 million and donors gave $95 million.")["95 million"] == "exact"
    assert _qualifiers("Exactly 20 people or more than 30 families.").get("30") != "exact"


# --- a duration counted from an event ---------------------------------------------------------------------------


def test_a_duration_after_an_event_is_a_point_in_time():
    assert _rejected("Rescuers found her four days after the quake.")["four"] == ("date", "time-after-event")
    assert _rejected("Two weeks before the cyclone, 40 families left.")["Two"][0] == "date"


def test_a_span_or_a_duration_after_no_event_stays_a_duration():
    assert _read("Water was trucked in for four days after the flood.")["four"][0] == "duration"
    assert _read("A report is due two months after the close of the project.")["two"][0] == "duration"
    assert _read("More than a week after the flood, 90 families were housed.")["a week"][0] == "duration"


# --- an amount restated without its sign ------------------------------------------------------------------------


def test_a_bare_amount_after_a_money_word_takes_the_one_currency():
    text = "The fund raised €8 million. It was twice the amount first granted (4 million)."
    assert _read(text)["4 million"][:2] == ("money", "EUR")
    assert _read("A grant of $9 million made up most of the total 15 million pledged.")["15 million"][:2] == (
        "money",
        "USD",
    )


def test_a_bare_amount_is_not_given_a_currency_when_ambiguous_or_without_a_money_word():
    assert _read("Donors gave €8 million and $5 million; the total 13 million went north.")["13 million"][1] is None
    assert _units("The fund raised €8 million for 4 million people.")["4 million"] == "people"
    assert _units("The fund raised €8 million. Floods hit 4 million.")["4 million"] != "EUR"
    assert _read("Food worth US$3 million or CFA 2 billion came.")["2 billion"][1] != "USD"


# --- a currency letter against a grouped amount --------------------------------------------------------------


def test_a_currency_letter_reads_when_the_document_writes_the_currency():
    text = "The agency gave out P12,450,300 in cash. Losses reached PHP40 million."
    assert _read(text)["12,450,300"][:2] == ("money", "PHP")


def test_a_currency_letter_does_not_read_without_the_currency_elsewhere():
    assert _read("The agency gave out P12,450,300 in cash.").get("12,450,300", ("count", None, ""))[1] is None
    assert "4" not in _read("Pupils in P4 classes got books. Losses reached PHP40 million.")


# --- names and references -----------------------------------------------------------------------------------------


def test_no_one_and_we_are_one_are_idioms():
    assert _rejected("No One was hurt in the blaze.")["One"][0] == "idiom"
    assert _rejected("We are one community, the mayor said.")["one"][0] == "idiom"
    assert _units("One community received 40 tents.")["One"] == "community"


def test_more_than_one_and_a_singular_noun_is_a_category():
    assert _rejected("Half the projects were paid by more than one donor.")["one"] == (
        "category label",
        "more-than-one",
    )
    assert _read("The flood cut roads for more than one week.")["one"][0] == "duration"
    assert _read("More than one million people fled.")["one million"][1] == "people"


def test_a_range_after_a_capitalised_plural_of_numbered_items_is_a_reference():
    assert _rejected("Funds went to 30 projects (Alerts 31 to 40).")["31 to 40"] == ("reference", "series-range")
    assert _units("The team sent alerts 3 to 5 times a day.")["3 to 5"] == "times"
