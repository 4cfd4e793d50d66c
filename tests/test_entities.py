"""The domain entity layer fixes the statistical model's typical errors on such reports."""

from __future__ import annotations

import pytest


def _ents(nlp, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(ent.text, ent.label_) for ent in doc.ents}


def test_countries_and_regions_are_places_not_people_or_organisations(nlp):
    ents = _ents(nlp, "Azerbaijan also hosted a workshop. Families were missing from the Karabakh conflict.")
    assert ("Azerbaijan", "GPE") in ents
    assert ("Karabakh", "LOC") in ents


@pytest.mark.parametrize("term", ["TB", "IHL"])
def test_domain_terms_are_not_organisations(nlp, term):
    ents = _ents(nlp, f"2,700 prisoners were treated under the {term} programme supported by the ICRC.")
    assert (term, "ORG") not in ents
    assert ("ICRC", "ORG") in ents


def test_credit_line_separates_photographer_from_organisation(nlp):
    ents = _ents(nlp, "Photo: Boris Heger/ICRC")
    assert ("Boris Heger", "PERSON") in ents
    assert not any(label == "PERSON" and "ICRC" in text for text, label in ents)


def test_lowercase_phrases_are_not_names(nlp):
    ents = _ents(nlp, "They introduced solar panels and rainwater harvesting.")
    assert not any(text.islower() for text, _ in ents)


def test_ministries_are_whole_organisations(nlp):
    ents = _ents(nlp, "Cadets of the Ministry of Defense of the Republic of Azerbaijan attended the seminars.")
    assert ("Ministry of Defense of the Republic of Azerbaijan", "ORG") in ents


@pytest.mark.parametrize(
    ("text", "short", "long"),
    [
        (
            "We trained volunteers of the Azerbaijan Red Crescent Society (AzRCS) on first aid.",
            "AzRCS",
            "Azerbaijan Red Crescent Society",
        ),
        (
            "The closure of the International Committee of the Red Cross's (ICRC) delegation.",
            "ICRC",
            "International Committee of the Red Cross",
        ),
        (
            "The Search Unit for Persons Deemed Missing (UBPD) estimates it.",
            "UBPD",
            "Search Unit for Persons Deemed Missing",
        ),
    ],
)
def test_acronyms_link_to_their_long_forms(nlp, text, short, long):
    doc = nlp(text)
    pairs = {(pair["short"], pair["long"]) for pair in doc._.acronyms}
    assert (short, long) in pairs


def test_parenthesised_words_that_are_not_acronyms_are_not_linked(nlp):
    doc = nlp("The figures (see below) and the totals (2023) were published.")
    assert doc._.acronyms == []


def test_anchored_ruler_finds_what_a_plain_span_ruler_finds(nlp):
    """The anchor gate only skips work: on texts with and without anchor words, the same entity spans."""
    from extract.resources import load_jsonl

    patterns = load_jsonl("entities.jsonl")
    anchored = nlp.get_pipe("entity_ruler")
    plain = nlp.add_pipe(
        "span_ruler",
        name="plain_ruler_for_test",
        config={"spans_key": None, "annotate_ents": True, "overwrite": True, "phrase_matcher_attr": "ORTH"},
        last=True,
    )
    try:
        plain.add_patterns(patterns)
        texts = [
            "Cadets of the Ministry of Defense of the Republic of Azerbaijan attended the seminars.",
            "The Azerbaijan National Mine Action Agency cleared 40 hectares near Aghdam.",
            "Wounded people were taken to Mirwais Regional Hospital and to the M-4 highway checkpoint.",
            "The ICRC and the Azerbaijan Red Crescent Society visited 12 Places in Baku and Ganja.",
            "Nothing named here at all, only 3 small numbers and 4 more.",
        ]
        with nlp.select_pipes(disable=["entity_ruler", "plain_ruler_for_test"]):
            docs = [nlp(text) for text in texts]
        for doc in docs:
            assert anchored.match(doc) == plain.match(doc), doc.text
        assert any(anchored.match(doc) for doc in docs[:3])
    finally:
        nlp.remove_pipe("plain_ruler_for_test")


def test_ruler_gate_only_skips_docs_without_anchor_words(nlp):
    from extract.parsing.entities import _required_words

    assert _required_words([{"IS_TITLE": True, "OP": "*"}, {"ORTH": "Mine"}, {"ORTH": "Action"}]) == {"mine"}
    assert _required_words([{"LOWER": {"IN": ["Hospital", "clinic"]}, "OP": "+"}]) == {"hospital", "clinic"}
    assert _required_words([{"IS_TITLE": True, "OP": "+"}, {"LOWER": "of", "OP": "?"}]) is None
