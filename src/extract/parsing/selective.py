"""Run the expensive components only where a figure is.

A text is cut at sentence ends into runs of sentences with a figure candidate (`scan_figures` finds one; most
sentences are ruled out before it by the cheaper `candidates.may_hold_figure`) and runs without. The first are
parsed by the whole pipeline; the others only by the cheap components the document's context reads (the domain
entity ruler, a gazetteer of places and organisations, and the acronym linker), then the pieces are joined back
into one Doc of the whole text. A sentence without a figure gives no fact, so its tags, lemmas, parse and
statistical entities were never read but for one thing: the places that vote for the document's location. Those
come from the gazetteer there; the statistical NER (the model's most expensive component, with its own embedding)
was half of the pipeline's time on such sentences, and most of a report's sentences hold no figure.

The cut is conservative (a period after two lower-case letters, then white space, then a capital), so that a piece
boundary is a sentence end the parser would also see. The pieces tile the text, and a Doc's text is its input, so
the joined Doc's text is the text.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

import numpy

from extract.parsing.candidates import may_hold_figure
from extract.parsing.figures import scan_figures

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# What the document's context reads from a sentence without figures: its places (the gazetteer) and acronyms.
_CONTEXT_COMPONENTS = frozenset({"entity_ruler", "acronyms"})
# What a title or heading also gets (`_kind`): the places it names are the likeliest to be the document's.
_NAMED_COMPONENTS = frozenset({"ner", "entity_filter"})
_HEADING_LENGTH = 200
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.!?])[\"'”’)]?\s+(?=[\"“(]?[A-Z])")
_SPAN_KEYS = ("quantities", "rejected_numbers")  # parsing.SPAN_KEY, parsing.REJECTED_KEY
_OFFSET_FIELDS = ("start", "end", "number_start", "number_end")
_ACRONYM_OFFSETS = ("short_start", "short_end", "long_start", "long_end")


def pieces(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, has_figure) runs of sentences covering `text`; the white space after a sentence belongs to it."""
    runs: list[tuple[int, int, bool]] = []
    for start, end in _sentences(text):
        sentence = text[start:end]
        figure = may_hold_figure(sentence) and bool(scan_figures(sentence))
        if runs and runs[-1][2] == figure:
            runs[-1] = (runs[-1][0], end, figure)
        else:
            runs.append((start, end, figure))
    return runs


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.end()
        start = match.end()
    if start < len(text) or not text:
        yield start, len(text)


def named_disabled(nlp: Language) -> list[str]:
    """The components a title or heading without figures skips: all but the context's and the NER's."""
    return [name for name in nlp.pipe_names if name not in _CONTEXT_COMPONENTS | _NAMED_COMPONENTS]


def light_disabled(nlp: Language) -> list[str]:
    """The components a sentence without figures skips: all but the context's (none of which reads a model)."""
    return [name for name in nlp.pipe_names if name not in _CONTEXT_COMPONENTS]


def parse_texts(nlp: Language, texts: list[str], batch_size: int | None = None) -> list[Doc]:
    """One Doc per text, the expensive components run only on the runs of sentences with a figure; in batches of
    `batch_size` pieces, or piece by piece (`nlp(piece)`) when None."""
    plans = [pieces(text) for text in texts]
    kinds = [[_kind(text, plan, run) for run in plan] for text, plan in zip(texts, plans, strict=True)]
    docs_of = {
        kind: iter(_run(nlp, [text[s:e] for text, plan, runs in zip(texts, plans, kinds, strict=True)
                              for (s, e, _), of in zip(plan, runs, strict=True) if of == kind], batch_size, disable))
        for kind, disable in (("full", []), ("named", named_disabled(nlp)), ("light", light_disabled(nlp)))
    }  # fmt: skip
    return [
        _join([next(docs_of[kind]) for kind in runs], [start for start, _, _ in plan])
        for plan, runs in zip(plans, kinds, strict=True)
    ]


def _kind(text: str, plan: list[tuple[int, int, bool]], run: tuple[int, int, bool]) -> str:
    """ "full" for a run with figures; "named" for a short text without any (a title, a heading: the statistical NER
    finds the places that the gazetteer lacks where the document names its subject); "light" for the others."""
    if run[2]:
        return "full"
    return "named" if len(plan) == 1 and len(text) <= _HEADING_LENGTH else "light"


def _run(nlp: Language, texts: list[str], batch_size: int | None, disable: list[str]) -> list[Doc]:
    if not texts:
        return []
    if batch_size is None:
        return [nlp(text, disable=disable) for text in texts]
    return list(nlp.pipe(texts, batch_size=batch_size, disable=disable))


def _join(parts: list[Doc], starts: list[int]) -> Doc:

    if len(parts) == 1:
        return _with_span_keys(parts[0])
    acronyms = [_shifted(pair, start, _ACRONYM_OFFSETS) for doc, start in zip(parts, starts, strict=True)
                for pair in doc.user_data.pop(("._.", "acronyms", None, None), [])]  # fmt: skip
    for doc, start in zip(parts, starts, strict=True):
        if not doc.has_annotation("DEP"):
            _flat_tree(doc)
        for key, value in doc.user_data.items():
            if isinstance(key, tuple) and key[:2] == ("._.", "quantity") and isinstance(value, dict):
                doc.user_data[key] = _shifted(value, start, _OFFSET_FIELDS)
    joined = _concatenated(parts, starts)
    joined._.acronyms = acronyms
    return _with_span_keys(joined)


def _concatenated(parts: list[Doc], starts: list[int]) -> Doc:
    """`Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"])` for parts that tile one text from
    `starts` (the first 0): the same Doc, built from the parts' arrays. from_docs makes two Token objects a token
    to read words and spaces, re-joins each part's text for its length, and re-finds each span by characters:
    a tenth of the selective parse."""
    from spacy.tokens import Doc, Span

    attrs, orth, space = _array_attrs()
    strings = parts[0].vocab.strings
    words: list[str] = []
    spaces: list[bool] = []
    arrays = []
    user_data: dict = {}
    spans: dict[str, list[tuple[int, int, int, int, int]]] = {}
    tokens = 0
    for doc, start in zip(parts, starts, strict=True):
        array = doc.to_array(attrs)
        arrays.append(array)
        words += [strings[orth] for orth in array[:, orth].tolist()]
        spaces += array[:, space].astype(bool).tolist()
        for key, value in doc.user_data.items():
            if isinstance(key, tuple) and len(key) == 4 and key[0] == "._." and key[2] is not None:
                kind, name, begin, end = key
                user_data[(kind, name, begin + start, None if end is None else end + start)] = copy.copy(value)
        for key, group in doc.spans.items():
            spans.setdefault(key, []).extend(
                (span.start + tokens, span.end + tokens, span.label, span.kb_id, span.id) for span in group
            )
        tokens += len(doc)
    joined = Doc(parts[0].vocab, words=words, spaces=spaces, user_data=user_data)
    joined.from_array(attrs, numpy.concatenate(arrays))
    for key, group in spans.items():
        joined.spans[key] = [Span(joined, s, e, label=label, kb_id=kb, span_id=i) for s, e, label, kb, i in group]
    return joined


@cache
def _array_attrs() -> tuple[list[int], int, int]:
    """The attributes from_docs copies, and where ORTH and SPACY stand among them."""
    from spacy.attrs import ORTH, SPACY
    from spacy.tokens import Doc

    attrs = list(Doc._get_array_attrs())
    attrs += [attr for attr in (ORTH, SPACY) if attr not in attrs]
    return attrs, attrs.index(ORTH), attrs.index(SPACY)


def _shifted(record: dict, offset: int, fields: tuple[str, ...]) -> dict:
    return {**record, **{field: record[field] + offset for field in fields if field in record}}


def _flat_tree(doc: Doc) -> None:
    """The run as one sentence: its first token the root, the others attached to it (so joined with parsed runs,
    its tokens neither start sentences nor join the sentence before)."""
    from spacy.attrs import DEP, HEAD

    if not len(doc):
        return
    heads = -numpy.arange(len(doc), dtype="int64")
    deps = numpy.full(len(doc), doc.vocab.strings.add("dep"), dtype="uint64")
    deps[0] = doc.vocab.strings.add("ROOT")
    doc.from_array([HEAD, DEP], numpy.stack([heads.astype("uint64"), deps], axis=1))


def _with_span_keys(doc: Doc) -> Doc:
    for key in _SPAN_KEYS:
        if key not in doc.spans:
            doc.spans[key] = []
    return doc
