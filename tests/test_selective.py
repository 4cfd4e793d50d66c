"""Selective parsing: the tagger, parser and figure component run only on the sentences with a figure candidate,
and the joined Doc gives the same figures, sentences, places and acronyms as the whole pipeline."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.parsing import REJECTED_KEY, SPAN_KEY, parse, quantity_of, shared_pipeline
from extract.parsing.selective import light_disabled, pieces

TEXT = (
    "The delegation met the authorities in Kabul. Nearly 4,000 people were helped in Aden. "
    "Then the teams left for Juba.  Some 12 wells were repaired.\n\n"
    "The Yemen Red Crescent Society (YRCS) followed up."
)


@pytest.fixture(scope="module")
def nlp():
    return shared_pipeline()


def _parsed(nlp, text: str, selective: bool):
    ((doc, _),) = parse(nlp, [(text, None)], selective=selective)
    return doc


def test_pieces_cover_the_text_and_mark_the_sentences_with_figures():
    runs = pieces(TEXT)
    assert "".join(TEXT[s:e] for s, e, _ in runs) == TEXT
    assert [(TEXT[s:e].split()[0], figure) for s, e, figure in runs] == [
        ("The", False),
        ("Nearly", True),
        ("Then", False),
        ("Some", True),
        ("The", False),
    ]


def test_an_abbreviation_or_a_figure_after_a_period_is_not_cut():
    text = "Aid reached approx. 3,000 people. Dr. Smith said so."
    assert [text[s:e] for s, e, _ in pieces(text)] == ["Aid reached approx. 3,000 people. ", "Dr. Smith said so."]


def test_selective_parse_gives_the_whole_pipeline_figures_sentences_and_context(nlp):
    selective, whole = _parsed(nlp, TEXT, True), _parsed(nlp, TEXT, False)
    assert selective.text == TEXT
    figures = [(s.text, quantity_of(s).model_dump(), s._.subject) for s in selective.spans[SPAN_KEY]]
    assert figures == [(s.text, quantity_of(s).model_dump(), s._.subject) for s in whole.spans[SPAN_KEY]]
    assert [TEXT[q[1]["start"] : q[1]["end"]] for q in figures] == ["Nearly 4,000 people", "Some 12 wells"]
    assert [s.text for s in selective.sents] == [s.text for s in whole.sents]
    places = [(e.text, e.start_char) for e in selective.ents if e.label_ == "GPE"]
    assert places == [(e.text, e.start_char) for e in whole.ents if e.label_ == "GPE"]
    assert selective._.acronyms == whole._.acronyms
    (pair,) = selective._.acronyms
    assert TEXT[pair["short_start"] : pair["short_end"]] == "YRCS"


def test_sentences_without_figures_skip_the_parser(nlp):
    doc = _parsed(nlp, TEXT, True)
    assert {"parser", "ner"} <= set(light_disabled(nlp)) and "entity_ruler" not in light_disabled(nlp)
    assert all(not t.tag_ for t in doc if t.idx < TEXT.index("Nearly"))
    assert all(t.tag_ for t in doc if TEXT.index("Nearly") <= t.idx < TEXT.index("Then") and not t.is_space)


def test_a_text_without_figures_has_empty_figure_groups(nlp):
    doc = _parsed(nlp, "The delegation visited Goma.", True)
    assert list(doc.spans[SPAN_KEY]) == [] and list(doc.spans[REJECTED_KEY]) == []
    assert [e.text for e in doc.ents] == ["Goma"]


_SENTENCES = [
    "The delegation met the authorities in Kabul.",
    "Nearly 4,000 people were helped in Aden.",
    "Some 12 wells were repaired.",
    "The Yemen Red Crescent Society (YRCS) followed up.",
    "Dr. Smith said so!",
    "Over 1.2 million people (56%) need aid.",
    "",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(_SENTENCES), st.sampled_from([" ", "  ", "\n", "\n\n", ""])), max_size=8))
def test_the_joined_doc_is_the_text_and_its_figures_quote_it(nlp, parts):
    text = "".join(sentence + gap for sentence, gap in parts)
    doc = _parsed(nlp, text, True)
    assert doc.text == text
    for span in doc.spans[SPAN_KEY]:
        quantity = quantity_of(span)
        assert text[span.start_char : span.end_char] == span.text
        assert text[quantity.number_start : quantity.number_end] == quantity.number


def test_the_join_is_spacys_from_docs(nlp, monkeypatch):
    from spacy.tokens import Doc

    from extract.parsing import selective

    joins = []
    concatenated = selective._concatenated

    def compared(parts, starts):
        ours = concatenated(parts, starts)
        spacys = Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])
        assert ours.to_bytes(exclude=["user_data"]) == spacys.to_bytes(exclude=["user_data"])
        assert ours.user_data == spacys.user_data
        joins.append(len(parts))
        return ours

    monkeypatch.setattr(selective, "_concatenated", compared)
    texts = [TEXT, *_SENTENCES, " ".join(_SENTENCES), "\n\n".join(reversed(_SENTENCES))]
    selective.parse_texts(nlp, texts, batch_size=4)
    assert len(joins) >= 3 and max(joins) >= 3


def test_a_title_without_figures_still_gets_the_statistical_ner(nlp):
    # "Ouham" is not in the gazetteer: only the NER finds it, and a title's place is the document's location.
    title = _parsed(nlp, "Floods in Ouham", True)
    assert [e.text for e in title.ents if e.label_ == "GPE"] == ["Ouham"]
    prose = "The teams reached the villages of Ouham. They spoke with the families. " * 3
    assert len(prose) > 200 and not list(_parsed(nlp, prose, True).ents)  # prose without figures: gazetteer only
