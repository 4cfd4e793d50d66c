"""Rules for units14b's unit classes (issue #12): a part of a ranked set ("three of the biggest donors" counts
donors) and a bound word with time words before its duration ("within the next 12 months": at most). Made-up
sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import read_figures


def _read(text: str) -> dict[str, tuple[str, str | None, str]]:
    """Number surface -> (kind, unit, qualifier)."""
    return {q.number: (q.kind.value, q.unit, q.qualifier.value) for _, q in read_figures(shared_pipeline(), text)}


def _units(text: str) -> dict[str, str | None]:
    return {number: unit for number, (_, unit, _) in _read(text).items()}


# --- a part of a ranked set -----------------------------------------------------------------------------------------


def test_a_number_word_of_a_ranked_set_counts_its_plural_noun():
    assert _units("Four of the richest lenders, Chile and Peru among them, froze their loans.")["Four"] == "lenders"
    assert _units("Crews reached five of the worst-hit valleys by noon.")["five"] == "valleys"
    assert _units("Nurses toured two of the most remote islands in May.")["two"] == "islands"
    assert _units("Profits at three of Spain's largest banks slipped.")["three"] == "banks"
    assert _units("Medics carried several dozen of the most badly hurt miners out.")["several dozen"] == "miners"
    assert _units("Hundreds of the worst-hit families left.")["Hundreds"] == "families"


def test_a_ranked_set_without_a_plural_noun_or_of_one_counts_nothing():
    assert "One" not in _units("One of the richest lenders froze its loans.")  # an idiom, no count
    assert _units("Four of the richest were fined.")["Four"] is None
    assert _units("Two of the most were lost at sea.")["Two"] is None
    assert _units("Dozens of the most were lost at sea.")["Dozens"] is None
    assert _units("Six of the hardest questions stayed open.")["Six"] == "questions"
    assert _units("Two of the patients walked home.")["Two"] == "patients"  # the plain partitive as before


# --- a bound word with time words before its duration ---------------------------------------------------------------


def test_within_the_next_or_coming_duration_is_at_most():
    assert _read("The bakery plans to open within the next 18 months.")["18"] == ("duration", "months", "at_most")
    assert _read("Work should end within the coming 6 weeks.")["6"] == ("duration", "weeks", "at_most")
    assert _read("Rain is due within 48 hours.")["48"] == ("duration", "hours", "at_most")


def test_time_words_without_a_bound_word_or_before_a_place_stay_exact():
    assert _read("He said the next 18 months would be hard.")["18"][2] == "exact"
    assert _read("Cases rose over the coming 6 weeks.")["6"][2] == "exact"
    assert _read("Flooding hit homes within the next 3 districts.")["3"][2] == "exact"


# --- a bare figure whose "as" names what it counts ------------------------------------------------------------------


def test_as_and_a_plural_noun_after_a_bare_figure_name_what_it_counts():
    text = "The region hosts 2 million people, including a further 90 000 as refugees in camps."
    assert _units(text)["90 000"] == "refugees"
    text = "About 4 million people fled, and another 1.5 million officially listed as refugees."
    assert _units(text)["1.5 million"] == "refugees"
    assert _units("Some 3,000 registered as asylum seekers last month.")["3,000"] == "asylum seekers"


def test_as_opening_a_clause_or_before_a_singular_names_nothing():
    assert _units("The toll rose to 300 as rains continued.")["300"] != "rains"
    assert _units("They paid 5,000 as compensation.")["5,000"] is None
    assert _units("About 800 people arrived and 300 as well.")["300"] == "people"


# --- a bare share that is the subject of its own verb ---------------------------------------------------------------


def test_a_bare_share_as_a_subject_counts_what_the_count_before_counts():
    text = (
        "Last year more than 60 nurses were hurt: 90 percent of injuries were in rural areas, and more than half"
        " worked for small clinics."
    )
    assert _units(text)["half"] == "nurses"
    assert _units("In May, 4,000 households were surveyed; two-thirds said they lacked water.")["two-thirds"] == (
        "households"
    )


def test_a_share_with_no_count_before_or_not_a_subject_takes_no_noun_from_it():
    assert _units("Half said they lacked water.").get("Half") is None
    assert _units("After 300 families fled, prices rose by half.").get("half") is None
    assert _units("We spent half the year in camps after 300 families fled.")["half"] == "year"


# --- an adverb of manner before a participle said of people; a "whom" clause's figure ----------------------------


def test_an_adverb_before_a_people_participle_still_counts_people():
    assert _units("Floods hit.\n\n2,400 newly displaced\n\nCrews rescued families.")["2,400"] == "people"
    assert _units("The blast left 40 seriously injured.")["40"] == "people"


def test_a_bare_figure_with_an_adverb_and_no_people_participle_counts_nothing():
    assert _units("Prices of 2,400 only rose.")["2,400"] is None


def test_a_figure_a_whom_clause_counts_is_people_unless_a_count_names_them():
    text = "The agency aids returnees and others of concern, of whom there were 40.2 million at the end of 2019."
    assert _units(text)["40.2 million"] == "people"
    assert _units("It helps 2 million returnees, of whom about 300,000 live in camps.")["300,000"] == "returnees"
    assert _units("It runs clinics, of which there were 40 in May.")["40"] is None


# --- a bracketed figure before its clause's verb restates the subject ------------------------------------------------


def test_a_figure_in_brackets_or_dashes_before_the_verb_counts_the_plural_subject():
    assert _units("All nurses in the district (3,500) are on strike.")["3,500"] == "nurses"
    assert _units("All infants, under two in the valley - 125,000 - are at risk of disease.")["125,000"] == "infants"


def test_a_bracketed_figure_with_no_verb_after_or_a_singular_subject_takes_no_subject():
    assert _units("The district (3,500) is poor.")["3,500"] is None
    assert _units("Nurses in the district (3,500), and doctors struck.")["3,500"] is None
    assert _units("Aid reached returnees (120,500) and IDPs (40,000).")["40,000"] == "IDPs"
