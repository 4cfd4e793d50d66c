"""Counted nouns (issue #12, units10): one sub-row reader, implied nouns, possessives and thresholds. Made-up
sentences, one rule each, with cases where a rule must not fire."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from .helpers import read_figures


def _unit_of(nlp, text: str, number: str) -> str | None:
    """The unit of the one figure whose span holds `number`."""
    found = [q.unit for span, q in read_figures(nlp, text) if number in span]
    assert len(found) == 1, found
    return found[0]


_SUB_ROW_TABLE = (
    "PROTECTION Letters collected 8,100 Letters delivered 5,200 People reunited with their families 46 of whom "
    "elderly people 12 Wells repaired 86 of which: Boreholes 31 Places of detention visited 210 of whom visited and "
    "monitored individually 97 Visits carried out 650"
)


@pytest.mark.parametrize(
    ("number", "unit"),
    [
        ("46", "People"),
        ("12", "elderly people"),  # "of whom ...": the sub-row's own noun
        ("31", "Boreholes"),  # "of which: ...": a label of its own after the colon
        ("97", "Places of detention"),  # no noun of its own: the row before's
        ("650", "Visits"),  # the next row is not the sub-row's
    ],
)
def test_a_sub_row_of_whom_or_of_which_is_read_by_one_reader(nlp, number, unit):
    assert _unit_of(nlp, _SUB_ROW_TABLE, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a copula right after a bare figure says what the part counts
        ("The clinic admitted 5,210 patients, of which 1,904 were children under five.", "1,904", "children"),
        ("The camp hosts 3,000 refugees, of whom 1,200 are women.", "1,200", "women"),
        ("About 80,000 people crossed; more than 9,400 among them are Malian returnees.", "9,400", "returnees"),
        # a copula that says something else leaves the noun of the whole
        ("It gave 70,500 consultations, of which 21,300 were for children.", "21,300", "consultations"),
        ("They met 8,800 detainees, of whom 2,150 were monitored individually.", "2,150", "detainees"),
        ("The storm hit 60 villages, of which 14 were in the hills.", "14", "villages"),
    ],
)
def test_a_copula_after_a_bare_figure_names_what_it_counts(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a named possessor's whole: the part counts what the whole counts
        ("Teams work in nine of Ruritania's 14 provinces.", "nine", "provinces"),
        ("Teams work in nine of Ruritania's 14 provinces.", "14", "provinces"),
        ("Floods reached three of Ruritania's largest towns.", "three", "towns"),
        # not a possessive: a number before "of" and a name stays without a noun
        ("Teams work in 9 of Ruritania and 4 of Freedonia.", "4", None),
    ],
)
def test_a_named_possessor_gives_its_noun_to_the_part(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a threshold counts what reaches it (the count before), never marks
        ("Over 620,000 people have left, and the total may cross the one-million mark soon.", "one-million", "people"),
        ("Pledges passed the 5,000 threshold on Friday.", "5,000", None),  # nothing says what: no unit
        # "marks" without "the" are counted (money of its own, or grades)
        ("Each family received 500 marks.", "500", "marks"),
    ],
)
def test_a_threshold_counts_what_reaches_it(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        ("The island has a population of 31 million.", "31 million", "population"),
        ("Half of the valley's population of 12,000 lost their homes.", "12,000", "population"),
        # a noun after the figure is what it counts
        ("The district hosts a population of 12,000 refugees.", "12,000", "refugees"),
    ],
)
def test_a_population_of_a_bare_figure_counts_population(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a hedged bare amount after a count of people in the sentence before counts people
        ("Some 12,000 people fled the fighting on Monday. Around 4,600 crossed the border.", "4,600", "people"),
        ("About 90,000 people were in its path. Of these, nearly 31,000 are at risk.", "31,000", "people"),
        # an exact bare figure takes the noun of the count ending the sentence before (real10c's rule)
        ("Some 12,000 people fled the fighting on Monday. Then 4,600 crossed the border.", "4,600", "people"),
        # the count before is not of people and far smaller: no unit invented
        ("The storm hit three islands on Monday. Around 4,600 lost power by Friday.", "4,600", None),
        # two sentences back is too far
        ("Some 12,000 people fled. Rains fell for days. Around 4,600 crossed.", "4,600", None),
    ],
)
def test_a_hedged_bare_amount_counts_the_people_of_the_sentence_before(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # an "X in Y" share with no noun is a share of the population (the dev convention)
        ("1 IN 9\n\nARE UPROOTED\n\nThe valley hosts the most.", "1 IN 9", "population"),
        ("Relative to its size, Freedonia hosted the most (1 in 7) of all.", "1 in 7", "population"),
        ("The survey found it:\n\nOne in five\n", "One in five", "population"),
        # a clause or a whole after it leaves it to them
        ("One in five said prices rose.", "One in five", None),
        ("Some 3,000 people got cash, one in five of them women.", "one in five", None),
        # a noun after it is what it counts
        ("One in five children is hungry.", "One in five", "children"),
        # a fraction is no "X in Y" share: no noun invented
        ("About a third is spent on rent.", "a third", None),
    ],
)
def test_an_x_in_y_share_with_no_noun_counts_the_population(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a disease after "cases of" says what the cases are of: cases are counted
        ("Clinics logged 4,310 cases of measles last week.", "4,310", "cases"),
        ("The region reported 96 cases of dengue.", "96", "cases"),
        # another bare noun completes the counted noun
        ("The office followed 75 cases of disappearance.", "75", "cases of disappearance"),
        ("Delegates visited 31 places of detention.", "31", "places of detention"),
    ],
)
def test_a_disease_after_cases_of_is_no_part_of_the_unit(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a toll's verb after a modal, in its base form, still says the toll counts people (the dead)
        ("Storm Death Toll Could Exceed 9,000", "9,000", "people"),
        ("The death toll may reach 2,500 by Friday.", "2,500", "people"),
        # the same verb of another subject counts nothing said
        ("Repair costs could exceed 9,000.", "9,000", None),
    ],
)
def test_a_toll_verb_after_a_modal_counts_people(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a participle before one used as a preposition is the verb of a clause: its words are not the noun
        ("The appeal reached 640,000 people: 212,000 assisted following severe storms.", "212,000", "people"),
        # a participle before a noun still describes it
        ("Volunteers visited 212,000 assisted families.", "212,000", "families"),
        ("It reached 4,100 households following the floods.", "4,100", "households"),
    ],
)
def test_a_participle_before_a_prepositional_participle_opens_a_clause(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a population that a verb of change makes the subject of bare figures is what they count
        ("The camp population grew from 8,000 to 21,000 in a week.", "8,000", "population"),
        ("The camp population grew from 8,000 to 21,000 in a week.", "21,000", "population"),
        # a noun the change names goes first
        ("Its population grew from 8,000 IDPs in May to over 21,000 in June.", "21,000", "IDPs"),
        # another subject says nothing of what is counted
        ("Fees grew from 8,000 to 21,000 in a year.", "21,000", None),
    ],
)
def test_a_population_changing_counts_population(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a share "of which" / "of whom" is a share of the count before it
        ("Some 2,300 new cases are logged weekly, more than half of which are in the east.", "half", "cases"),
        ("The office has 410 staff, a third of whom are women.", "a third", "staff"),
        # with no count before it, none is invented
        ("Nearly half of which is unclear.", "half", None),
    ],
)
def test_a_share_of_which_counts_the_count_before(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # millimetres and centimetres are named as reports write them, like km and kg
        ("Forecasters expect 30-90mm of rain.", "30-90mm", "mm"),
        ("Snow lay 15 centimetres deep.", "15", "cm"),
        ("About 40 millimeters fell overnight.", "40", "mm"),
    ],
)
def test_millimetres_and_centimetres_are_named_as_reports_write_them(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a list of modifiers before a plural noun: the noun is counted, not the first modifier
        ("The office runs 120 water, education, medical and legal programmes.", "120", "programmes"),
        # a list of plural nouns stays the list
        ("Floods destroyed two schools, shops and mosques.", "two", "schools, shops and mosques"),
    ],
)
def test_a_serial_list_of_modifiers_counts_its_noun(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


@pytest.mark.parametrize(
    ("text", "number", "unit"),
    [
        # a rate whose slash the copy spaced from its time unit is the rate
        ("Gusts reached 190 km/ hour on the coast.", "190", "km/h"),
        ("Gusts reached 190 km/hour on the coast.", "190", "km/h"),
    ],
)
def test_a_spaced_rate_is_one_unit(nlp, text, number, unit):
    assert _unit_of(nlp, text, number) == unit


_SHARES = ["half", "more than half", "nearly half", "a third", "two-thirds", "one in four", "1 in 5", "Half"]
_BEFORE = ["", "Some 300 people, "]
_OF = [" of", " of the", " of the 30,000", " of 2", " of them", " of which", " of whom", " of South Sudan's"]


@pytest.mark.parametrize("share", _SHARES)
def test_a_text_ending_right_after_a_shares_of_raises_nothing(nlp, share):
    for before in _BEFORE:
        for of in _OF:
            for end in ("", " ", "\n"):
                read_figures(nlp, before + share + of + end)  # "... half of": no token after "of" to read


_WORDS = [*_SHARES, *_OF, "people", "were", "children", "the", "mark", "population"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=6))
def test_no_exception_escapes_for_any_text_of_share_words(nlp, words):
    read_figures(nlp, " ".join(words))
