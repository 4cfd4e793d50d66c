"""Rules for the unit classes units13 found on the dev split (issue: unit accuracy on unseen documents): a list of
label-and-figure items that a sentence introduces ("as follows:", "the following:") counts what the introduction
names. Made-up sentences, one rule each, with cases where the rule must not fire."""

from __future__ import annotations

from extract.parsing import shared_pipeline

from .helpers import read_figures


def _units(text: str) -> dict[str, str | None]:
    return {span: q.unit for span, q in read_figures(shared_pipeline(), text)}


def test_an_as_follows_list_counts_the_introductions_subject():
    text = "The clinics were spread over the provinces as follows: Northern Province 12 Coastal Province 7 Capital 3"
    assert _units(text) == {"12": "clinics", "7": "clinics", "3": "clinics"}


def test_an_as_follows_list_counts_what_a_number_of_names():
    text = "The number of volunteers in 2019 was as follows: Regional offices: 240 Head office: 35"
    assert _units(text) == {"240": "volunteers", "35": "volunteers"}


def test_a_header_after_the_following_says_what_the_list_counts():
    text = "Early reports suggest the following: District Number of Displaced Lowland 12,400 Upland 8,150"
    assert _units(text) == {"12,400": "people", "8,150": "people"}


def test_a_figure_right_after_the_colon_keeps_its_own_noun():
    text = "The results were as follows: 45 houses were destroyed and 12 schools damaged."
    assert _units(text) == {"45 houses": "houses", "12 schools": "schools"}


def test_a_generic_subject_names_no_counted_thing():
    units = _units("The figures were as follows: Northern Province 12 Coastal Province 7")
    assert "clinics" not in units.values() and "figures" not in units.values()


def test_the_list_ends_at_a_sentence_or_a_heading():
    text = "The clinics were spread as follows: North 12 South 7. Floods also cut 30 roads."
    assert _units(text)["30 roads"] == "roads"
    text = "The clinics were spread as follows: North 12 South 7 FINANCE The agency bought 30 vehicles"
    assert _units(text)["30 vehicles"] == "vehicles"
