"""The components are spaCy-native: saved and loaded anywhere, serialised with their Docs, run in processes."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import spacy
from spacy.tokens import DocBin

from extract.models import Kind, Qualifier
from extract.parsing import SPAN_KEY, quantity_of

TEXT = "The Azerbaijan Red Crescent Society (AzRCS) reached more than 700 families. Nearly 3,000 people benefited."


def _figures(doc) -> list[tuple[str, object, str, str | None]]:
    return [
        (span.text, quantity_of(span).value, quantity_of(span).qualifier.value, quantity_of(span).unit)
        for span in doc.spans[SPAN_KEY]
    ]


def test_extension_values_are_plain_data(nlp):
    doc = nlp(TEXT)
    for span in doc.spans[SPAN_KEY]:
        assert isinstance(span._.quantity, dict)
        assert set(span._.quantity) >= {"number", "value", "low", "high", "qualifier", "kind", "unit", "start"}
    assert doc._.acronyms == [
        {
            "short": "AzRCS",
            "long": "Azerbaijan Red Crescent Society",
            "short_start": TEXT.index("AzRCS"),
            "short_end": TEXT.index("AzRCS") + 5,
            "long_start": TEXT.index("Azerbaijan"),
            "long_end": TEXT.index(" (AzRCS)"),
        }
    ]
    q = quantity_of(doc.spans[SPAN_KEY][0])
    assert (q.low, q.qualifier, q.kind, q.unit) == (700, Qualifier.MORE_THAN, Kind.COUNT, "families")


def test_docbin_round_trip_keeps_the_quantities(nlp):
    doc = nlp(TEXT)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    [restored] = list(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert _figures(restored) == _figures(doc)
    assert list(restored._.acronyms) == doc._.acronyms
    assert nlp.vocab.strings  # the Doc's own bytes round-trip too
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _figures(again) == _figures(doc)


@pytest.mark.slow
def test_nlp_pipe_with_two_processes(nlp):
    texts = [TEXT, "Some 23.7 million people need aid.", "We repaired 19 water-supply systems."]
    expected = [_figures(nlp(text)) for text in texts]
    assert [_figures(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=1)] == expected


@pytest.mark.slow
def test_a_saved_pipeline_loads_in_a_fresh_process_without_importing_extract(nlp, tmp_path: Path):
    nlp.to_disk(tmp_path / "pipeline")
    script = (
        "import sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        "doc = nlp('Nearly 3,000 people benefited.')\n"
        "[span] = doc.spans['quantities']\n"
        "print(span.text, span._.quantity['high'], span._.quantity['unit'], nlp.pipe_names[-1])\n"
        "print('extract.run' in sys.modules, 'extract.cli' in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split("\n")[:2] == ["Nearly 3,000 people 3000 people quantities", "False False"]


def test_the_component_declares_what_it_needs_and_writes(nlp):
    meta = nlp.get_pipe_meta("quantities")
    assert "token.dep" in meta.requires and "doc.spans" in meta.assigns
    assert (
        nlp.get_pipe_config("quantities")
        == {
            "factory": "quantities",
            "span_key": "quantities",
            "quantulum_units": True,
        }
        or nlp.get_pipe_config("quantities")["span_key"] == "quantities"
    )


def test_settings_travel_as_config():
    nlp = spacy.blank("en")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp.add_pipe("quantities", config={"span_key": "figures", "quantulum_units": False})
    assert any("without a tagger and parser" in str(w.message) for w in caught)
    doc = nlp("We distributed 300 blankets.")
    assert [span.text for span in doc.spans["figures"]] == ["300"]  # no tagger: no counted noun, but the figure


def test_a_pipeline_without_a_parser_warns_instead_of_losing_units_silently(nlp):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with nlp.select_pipes(disable=["parser", "tagger"]):
            nlp("We distributed 300 blankets.")
    assert any("without a tagger and parser" in str(w.message) for w in caught)


def test_import_extract_is_light_and_the_factories_resolve_through_entry_points():
    script = (
        "import sys, spacy, extract\n"
        "assert 'extract.parsing.quantities' not in sys.modules\n"
        "nlp = spacy.blank('en'); nlp.add_pipe('quantities')\n"
        "print('extract.parsing.quantities' in sys.modules)\n"
    )
    completed = subprocess.run([sys.executable, "-W", "ignore", "-c", script], capture_output=True, text=True)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "True"
