"""The one place that builds the spaCy pipeline: the English model, then our components around its own."""

from __future__ import annotations

import gc
from functools import cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

# Importing the modules registers their factories (a saved pipeline finds them through the `spacy_factories`
# entry points instead).
import extract.parsing.quantities  # noqa: F401
from extract.config import RunConfig
from extract.parsing.entities import domain_patterns


def build_pipeline(config: RunConfig | None = None) -> Language:
    """A new pipeline: the model of `config` (default: the installed English model), with the domain entity
    ruler before its `ner`, the entity filter and acronym linker after it, and `quantities` last."""
    config = config or RunConfig()
    nlp = spacy.load(config.model_name)
    _split_slashes(nlp)
    # A span_ruler rather than entity_ruler: the latter re-counts all its patterns on every Doc.
    ruler = nlp.add_pipe("anchored_span_ruler", name="entity_ruler", before="ner")
    ruler.add_patterns(domain_patterns(config.entity_patterns))  # type: ignore[attr-defined]
    filters = {"filters": str(config.entity_filters)} if config.entity_filters else {}
    nlp.add_pipe("entity_filter", after="ner", config=filters)
    nlp.add_pipe("acronyms", after="entity_filter")
    settings = {"quantulum_units": config.quantulum_units, "lexicons": dict(config.lexicons)}
    nlp.add_pipe("quantities", last=True, config=settings)
    return nlp


@cache
def shared_pipeline(config: RunConfig | None = None) -> Language:
    """The process's pipeline for `config`, built on first use and then kept."""
    nlp = build_pipeline(config)
    # The loaded model is millions of objects that live as long as the process; left to the cyclic garbage
    # collector, each full collection walks them all again (about a tenth of a run's time).
    gc.freeze()
    return nlp


# A number glued to the capital of the next word, as a table flattened from PDF writes a cell before the next row's
# label ("113,704RCMs distributed", "840PEOPLE"): split, so the number is a token of its own.
_GLUED_CELL = r"(?<=\d{3})(?=[A-Z](?:[a-z]{2}|[A-Z]{2})[A-Za-z]*(?:$|[()/.,;:]))"


# A scale word glued to the capitalised word after it, as an image's label runs into a key figure ("600
# millionGirl and woman icon"): split, so the scale ends the figure (parsing/numbers.py reads it so).
_GLUED_SCALE = r"(?:(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))(?=[A-Z][a-z])"


# A footnote number a copy lost the superscript of, glued to the word it marks, bare or after the word's punctuation
# or a bracket ("displaced people2", "per cent4", "households,3", "refugees.12", "Rohingya.[6]"): split off, so the
# word is read as written and the marker is a token of its own (rejected as a footnote). Only after three lowercase
# letters: names and codes ("COVID19", "A320", "MDRTR004") and unit symbols ("km2", "m3") keep their digits.
_GLUED_FOOTNOTE = (
    r"(?<=[a-z]{3})\d{1,2}$",
    r"(?<=[a-z]{3}[.,;:])\d{1,2}$",
    r"(?<=[a-z]{3}[.,;:]\[)\d{1,2}$",
    r"(?<=[a-z]{3}[.,;:])\[$",
)


# A list's opener glued to the word before it, as a PDF copy flattens "3 categories:\n- Access ..." into
# "3 categories:- Access": split off, so the noun ends at the word ("categories"), not at the next item.
_GLUED_LIST_OPENER = r"(?<=[A-Za-z]):-$"


def _split_slashes(nlp: Language) -> None:
    """Split "Heger/ICRC" into three tokens, so credit lines do not fuse a name and an organisation; a number
    glued to the next row's label ("113,704RCMs") into two; a footnote marker glued to its word ("people2"); a
    list's opener glued to its word ("categories:-")."""
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])/(?=[A-Za-z])", _GLUED_CELL, _GLUED_SCALE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    suffixes = [*_GLUED_FOOTNOTE, _GLUED_LIST_OPENER, *nlp.Defaults.suffixes]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
