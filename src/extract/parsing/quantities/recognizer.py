"""The quantities component: scans a Doc's text for figures, reads each one (date and reference checks, unit,
counted noun, rejections) and writes the spans."""

from __future__ import annotations

import re
import warnings
from dataclasses import replace
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing import SPAN_KEY
from extract.parsing.doc_text import text_held
from extract.parsing.figures import Figure, SkippedNumber, scan_figures
from extract.parsing.numbers import lexicon
from extract.parsing.quantities.coordinated_hedges import carry_coordinated_hedges
from extract.parsing.quantities.dates import DateReading
from extract.parsing.quantities.duration_bounds import within_duration
from extract.parsing.quantities.found import (
    _compound_amounts,
    _Found,
    _hedges_carried,
    _quantity,
    _rejected_spans,
    _sibling_row_units,
)
from extract.parsing.quantities.implied_nouns import ImpliedNouns
from extract.parsing.quantities.labels import LabelReading
from extract.parsing.quantities.noun_phrases import NounPhrases
from extract.parsing.quantities.shared_nouns import shared_list_noun
from extract.parsing.quantities.tokens import (
    _CELL_SEPARATORS,
    _TOKEN_STARTS,
    _char_span,
    _plural,
    _restated_digits,
    _words,
)
from extract.parsing.quantities.unit_reading import UnitReading
from extract.parsing.rejections import REJECTED_KEY, Rejection, Rejections
from extract.resources import load_json, use_lexicons

_MAX_CLAUSE_TOKENS = 6
_READING_TIME = re.compile(r"\s+read\b", re.IGNORECASE)


@cache
def _trailing_hedge() -> re.Pattern[str]:
    words = sorted(load_json("numbers.json")["trailing_approximate"], key=len, reverse=True)
    # then the field or clause ends: punctuation, a line end, the next field's capitalised label; no number follows
    return re.compile(
        r"[ \t]+(?i:" + "|".join(re.escape(w) for w in words) + r")(?!\w)(?=[.,;:)]?(?:\s*\Z|\s*\n|[ \t]+[A-Z(]))"
    )


def _with_trailing_hedge(text: str, figure: Figure) -> Figure:
    """ "Number of people affected: 127,000 people approx.": a hedge after the figure's noun makes it approximate."""
    if figure.qualifier is not Qualifier.EXACT or figure.value is None or not _trailing_hedge().match(text, figure.end):
        return figure
    return replace(figure, qualifier=Qualifier.APPROXIMATE)


@cache
def _measure_units() -> dict[str, str]:
    """Surface (lower case) -> physical dimension, from quantulum3's unit lexicon plus our own additions."""
    from quantulum3 import load  # imported here: its unit files take time to read and are needed only now

    units = load.units("en_US")
    table: dict[str, str] = {}
    for surface, candidates in [*units.surfaces_lower.items(), *units.symbols.items()]:
        dimensions = {u.entity.name for u in candidates}
        if len(dimensions) == 1 and not dimensions & {"dimensionless", "currency", "unknown", "time"}:
            table.setdefault(surface.lower() if len(surface) > 2 else surface, dimensions.pop())
    table.update(load_json("numbers.json")["extra_measure_units"])
    return table


@Language.factory(
    "quantities",
    default_config={"span_key": SPAN_KEY, "quantulum_units": True, "lexicons": {}},
    requires=["token.tag", "token.dep", "token.lemma", "doc.ents"],
    assigns=["doc.spans", "span._.quantity", "span._.subject", "span._.rejection"],
)
def make_quantity_recognizer(
    nlp: Language, name: str, span_key: str, quantulum_units: bool, lexicons: dict[str, str]
) -> QuantityRecognizer:
    """`span_key`: where the figures go in `doc.spans`. `quantulum_units`: let quantulum3 read a physical unit
    after a figure that no counted noun follows ("1.8m", "20 J/m^2"); without it such figures keep no unit.
    `lexicons`: resource files read instead of the packaged ones of the same names ({"numbers.json":
    "my/numbers.json"}: number words, qualifier phrases, reference words...; see `extract.resources`); the
    setting is the process's (`extract.resources.use_lexicons`)."""
    use_lexicons(lexicons)
    return QuantityRecognizer(span_key, quantulum_units=quantulum_units, parsed="parser" in nlp.pipe_names)


_PARSE_NEEDED = (
    "the quantities component runs without a tagger and parser before it: counted nouns and units will be missing "
    "(add it to a pipeline with 'tagger' and 'parser', e.g. en_core_web_sm)"
)


def _repeats_vague_word(text: str, figure: Figure) -> bool:
    """ "Millions and millions of people": a vague word said again after "and", for emphasis, is the same amount."""
    if figure.qualifier is not Qualifier.VAGUE:
        return False
    word = re.escape(text[figure.number_start : figure.number_end])
    before = text[max(0, figure.number_start - 40) : figure.number_start]
    return re.search(rf"(?<![\w-]){word}\s+and\s+\Z", before, re.IGNORECASE) is not None


_OUT_OF_GAP = re.compile(r"\s+out\s+of\s+(?:the\s+|a\s+total\s+of\s+)?", re.IGNORECASE)


def _whole_of_a_part(text: str, part: _Found, figure: Figure) -> bool:
    """ "At least 23 out of 31 provinces": the whole after "out of" is a figure of its own, as "16 of the 18
    states" reads both; the part's phrase runs over it to the noun they share."""
    quantity = part.quantity
    return (
        quantity.kind is Kind.COUNT
        and quantity.unit is not None
        and _OUT_OF_GAP.fullmatch(text, quantity.number_end, figure.number_start) is not None
    )


def _restates(text: str, word: Quantity, figure: Figure) -> bool:
    """Whether `figure` is the bracketed digits right after the word number `word` that give its value again, as
    legal and formal reports write numbers ("five (5) people"): one figure, not two."""
    if word.value is None or text[word.number_start : word.number_end][:1].isdigit():
        return False
    return _restated_digits(text, word.number_end) == (word.value, figure.number_start)


_POINT_GROUPED = re.compile(r"\d{1,3}\.\d{3}")
_PER_AFTER = re.compile(r"\s*(?:per\b|/|a\s+(?:day|week|month|year)\b)", re.IGNORECASE)


def _thousands_point(text: str, figure: Figure, unit_tokens: list[Token]) -> Figure:
    """ "9.388 households": a count of things is whole, so a point before exactly three digits groups thousands
    (as many reports outside the English-speaking world write them); a measure, an amount of money or a share
    keeps its decimals ("2.125 km", "1.375%"), as does a rate ("5.125 children per woman")."""
    if figure.kind is not Kind.COUNT or not unit_tokens or figure.qualifier is Qualifier.VAGUE or figure.is_word:
        return figure
    if not _POINT_GROUPED.fullmatch(text, figure.number_start, figure.number_end) or not _plural(unit_tokens[-1]):
        return figure
    head = unit_tokens[-1]
    if _PER_AFTER.match(text, head.idx + len(head)):
        return figure  # "5.125 children per woman": a rate keeps its decimals
    value = int(text[figure.number_start : figure.number_end].replace(".", ""))
    low = value if figure.low is not None else None
    high = value if figure.high is not None else None
    return replace(figure, value=value, low=low, high=high)


def _word_fraction(figure: Figure) -> bool:
    return figure.is_word and figure.value is not None and not float(figure.value).is_integer()


def _listed_number(doc: Doc, index: int, step: int = 1) -> bool:
    """A number word at `index` (moving by `step`), or past a comma, "and" or "or" there: "one, two", "two and one";
    not a year ("one in 2010 and one in 2015")."""
    if 0 <= index < len(doc) and doc[index].lower_ in {",", "and", "or"}:
        index += step
    return 0 <= index < len(doc) and doc[index].like_num and doc[index].is_alpha


_UNIT_PART = Rejection("unit part", "inside-unit")
_RESTATED = Rejection("restated number", "bracketed-digits")
_REPEATED = Rejection("restated number", "repeated-vague-word")
# Rejections whose set still names the noun a later bare number counts ("Of the 40 countries with the largest
# needs, 23 faced floods").
_ANTECEDENT_RULES = frozenset({"set-with-superlative"})
_UNALIGNED = Rejection("unaligned", "no-token-span")


_PRONOUNS_AFTER_OF = frozenset({"them", "us", "you", "those", "these", "which", "whom"})


def _subject(doc: Doc, unit_tokens: list[Token]) -> str:
    """The counted noun phrase: the unit with its "of" complements ("families of the missing") and a short
    participle clause ("households receiving winter kits"), within its table cell."""
    head = unit_tokens[-1]
    end = head.i + 1
    for child in head.rights:
        if (child.dep_ == "prep" and child.lower_ == "of") or _short_participle_clause(head, child):
            end = max(end, child.right_edge.i + 1)
    cell_end = next((t.i for t in doc[head.i : end] if t.text in _CELL_SEPARATORS), end)
    return doc[unit_tokens[0].i : cell_end].text


def _short_participle_clause(head: Token, child: Token) -> bool:
    return child.dep_ == "acl" and child.tag_ in {"VBG", "VBN"} and child.right_edge.i - head.i <= _MAX_CLAUSE_TOKENS


class QuantityRecognizer(DateReading, UnitReading, LabelReading, ImpliedNouns, NounPhrases):
    """Writes every figure of the Doc to `doc.spans[span_key]`, with `span._.quantity` and `span._.subject` (see the
    module docstring for what they hold)."""

    def __init__(self, span_key: str = SPAN_KEY, *, quantulum_units: bool = True, parsed: bool = True) -> None:
        for extension in ("quantity", "subject", "rejection"):
            if not Span.has_extension(extension):
                Span.set_extension(extension, default=None)
        self.span_key = span_key
        self.quantulum_units = quantulum_units
        self._warned = False
        if not parsed:
            self._warn()
        self.words = _words()
        self.measures = _measure_units()
        self.unit_names: dict[str, str] = load_json("numbers.json")["measure_unit_names"]
        self.dimension_words = frozenset(load_json("units.json")["dimension_words"])
        self.rejections = Rejections()

    def _warn(self) -> None:
        if not self._warned:
            self._warned = True
            warnings.warn(_PARSE_NEEDED, UserWarning, stacklevel=3)

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) and not (doc.has_annotation("TAG") and doc.has_annotation("DEP")):
            self._warn()
        with text_held(doc) as text:
            try:
                self._annotate(doc, text)
            finally:
                doc.user_data.pop(_TOKEN_STARTS, None)  # a lookup of this call's, not a result: not serialised
        return doc

    def _annotate(self, doc: Doc, text: str) -> None:
        found: list[_Found] = []
        previous: list[Quantity] = []  # the figures read so far, which an implied noun may refer back to
        taken: set[tuple[int, int]] = set()
        rejected: list[tuple[int, int, Rejection]] = []
        skipped: list[SkippedNumber] = []
        for figure in scan_figures(text, skipped):
            if found and _restates(text, found[-1].quantity, figure):
                rejected.append((figure.number_start, figure.number_end, _RESTATED))  # the 5 of "five (5) people"
                continue
            if _repeats_vague_word(text, figure):
                rejected.append((figure.number_start, figure.number_end, _REPEATED))  # "millions and millions"
                continue
            if found and figure.number_start < found[-1].quantity.end and not _whole_of_a_part(text, found[-1], figure):
                rejected.append((figure.number_start, figure.number_end, _UNIT_PART))  # the 2 of "20 J/m^2"
                continue
            read = self._read(doc, text, figure, previous)
            if isinstance(read, Rejection):
                rejected.append((figure.number_start, figure.number_end, read))
            # Span extensions are stored by the span's offsets: two figures widened to the same tokens ("1?2")
            # would share one `_.quantity` and give one fact twice. The first figure keeps the span.
            elif (read.span.start, read.span.end) not in taken:
                taken.add((read.span.start, read.span.end))
                found.append(read)
                previous.append(read.quantity)
        rejected += [(s.start, s.end, Rejection(s.reason, s.rule)) for s in skipped]
        found = _hedges_carried(text, found)
        found = carry_coordinated_hedges(text, found)  # "over 4.26 million individuals or 1.15 million families"
        found = _sibling_row_units(text, found)
        found = shared_list_noun(doc, text, found)  # "55 child protection, 42 education and 42 ... programmes"
        in_sequence = self.rejections.in_sequence(text, [r.quantity for r in found])  # a table of contents
        in_sequence |= self.rejections.in_names(doc, [r.quantity for r in found], set(in_sequence))
        for index, rejection in in_sequence.items():
            rejected.append((found[index].quantity.number_start, found[index].quantity.number_end, rejection))
        spans = []
        for read in _compound_amounts(doc, text, [r for i, r in enumerate(found) if i not in in_sequence]):
            read.span._.quantity = read.quantity.model_dump(mode="json")
            read.span._.subject = read.subject
            spans.append(read.span)
        doc.spans[self.span_key] = spans
        doc.spans[REJECTED_KEY] = _rejected_spans(doc, rejected)

    def _read(self, doc: Doc, text: str, figure: Figure, previous: list[Quantity]) -> _Found | Rejection:
        """The figure read, or why the number is not one."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None:
            return _UNALIGNED
        if rejection := self._is_reference_or_date(doc, figure, number) or self.rejections.before_unit(
            doc, text, figure, number
        ):
            return rejection
        figure, unit_tokens = self._with_unit(doc, text, figure, previous)
        if figure.kind is Kind.COUNT and figure.unit and figure.unit.lower() in self.words["duration_units"]:
            figure = replace(figure, kind=Kind.DURATION, unit=figure.unit.lower())  # a table cell's "9 months"
        figure = _thousands_point(text, figure, unit_tokens)
        figure = _with_trailing_hedge(text, figure)
        figure = within_duration(text, figure)  # "within 20 minutes": at most
        if figure.kind is Kind.DURATION and _READING_TIME.match(text, figure.end):
            return Rejection("reading time", "min-read")  # "4 min read": a web page's reading time
        # "one of", "since 1992", "in May 2023": no counted thing, not a figure
        if figure.unit is None and figure.is_year_like:
            return Rejection("year", "bare-year")
        if (
            figure.unit is None
            and self._in_date_entity(number)
            and not _word_fraction(figure)  # "one fifth": TIME
            and not self._per_time_unit(number)  # "30 per minute": a rate the model tags DATE
        ):
            return Rejection("date", "date-entity")
        if figure.unit is None and figure.is_word and figure.kind is Kind.COUNT and self._pronoun_like(figure, number):
            return Rejection("idiom", "pronoun-number")
        if figure.is_year_like and self._after_year_preposition(number):
            return Rejection("year", "year-preposition")
        if rejection := self.rejections.after_unit(doc, text, figure, number, unit_tokens):
            if rejection.rule in _ANTECEDENT_RULES:  # "Of the 40 countries with the largest ..., 23"
                previous.append(_quantity(text, figure))
            return rejection
        span = _char_span(doc, figure.start, figure.end)
        if span is None:
            return _UNALIGNED
        return _Found(span, _quantity(text, figure), _subject(doc, unit_tokens) if unit_tokens else None)

    def _pronoun_like(self, figure: Figure, number: Span) -> bool:
        """A word number standing for a noun rather than counting one: "one of the largest", "only one returned",
        "in two of them" (the places named before, counted there); not one of a list of numbers ("one, two and
        three"). Before "of" and a noun phrase a number counts: "two of CERN's experiments", "two of the detainees"."""
        doc = number.doc
        if figure.value == 1:
            return not _listed_number(doc, number.end) and not _listed_number(doc, number.start - 1, step=-1)
        if number[-1].lower_ in lexicon().scales:
            return False  # "seven million of those people", "two or three thousand of them": an amount of them
        after = doc[number.end : number.end + 2]
        return len(after) == 2 and after[0].lower_ == "of" and after[1].lower_ in _PRONOUNS_AFTER_OF
