"""A spaCy component that finds reported figures and parses value, bounds, qualifier, kind and unit.

`nlp.add_pipe("quantities")` after the tagger, parser and ner: figures are read from the text (figures.py),
dates, years, ordinals, references ("Resolution 2286") and names ("COVID-19") are set aside, and the
counted noun is read from the part-of-speech tags and the dependency parse.

Writes `doc.spans[span_key]` (default "quantities"): one span per figure, covering qualifier, number and unit.
Each span carries plain, serialisable values (they survive `Doc.to_bytes`, `DocBin` and `nlp.pipe(n_process=N)`):
- `span._.quantity`: a dict with the fields of `extract.models.Quantity` (number, value, low, high, qualifier,
  kind, unit, and start, end, number_start, number_end as character offsets into `doc.text`);
- `span._.subject`: the counted noun phrase ("families of the missing"), or None.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing import SPAN_KEY, implied, layout
from extract.parsing.currencies import table as currency_table
from extract.parsing.doc_text import doc_text, text_held
from extract.parsing.figures import Figure, SkippedNumber, scan_figures
from extract.parsing.numbers import as_number, lexicon
from extract.parsing.rejections import REJECTED_KEY, Rejection, Rejections
from extract.parsing.units import Unit, canonical, metres_not_millions, parts_per, unit_after, unit_name
from extract.resources import load_json, use_lexicons

_TOKEN_STARTS = "extract.token_starts"
_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBG"}
_ADVERB_TAGS = {"RB", "RBR", "RBS"}
_DEGREE_ADVERBS = {"most", "more", "less", "least", "very"}
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_MAX_UNIT_TOKENS = 6
_DATE_LABELS = {"DATE", "TIME"}
_CLAUSE_DEPS = {"ROOT", "acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "pcomp"}
_HYPHENS = {"-", "\u2010", "\u2011"}
# between a label and its figure in a table row or a list line read as text ("Detainees visited | 3,450",
# "Detainees visited: 3,450"); html.py joins table cells with " | " too
_CELL_SEPARATORS = {"|", ":"}
_ROW_ENDS = {".", ";"}
_MAX_LABEL_TOKENS = 10
_MAX_LINE_LABEL_TOKENS = 16
_SENTENCE_VERB_TAGS = {"VBZ", "VBP", "MD"}
_CLAUSE_TAGS = {"VBN", "VBD", "VBG", "IN"}
_MAX_NAME_TAIL = 6  # tokens of a name's tail ("of Central America", "(CAR)") before the plural noun it describes
_LINE_LABEL_STOPS = {".", "!", "?", ";", ":", "|", "$", "%"}
_MAX_CLAUSE_TOKENS = 6
_NAME_LABELS = {"GPE", "LOC", "PERSON", "FAC", "NORP"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_CONJUNCTIONS = {"and", "or"}
_DAY = re.compile(r"(?:0?[1-9]|[12]\d|3[01])")
# a day joined by hyphens to its month and year: "10-Jul-2020"
_HYPHENATED_MONTH_YEAR = re.compile(r"-([A-Za-z]{3,9}\.?)-(?:\d{4}|\d{2})\b")
_YEAR = re.compile(r"(?:19|20)\d\d")
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


_MIN_MONTH_LETTERS = 3  # "Sept.", "Jan": a month's abbreviation
_ORDINAL_DAY = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)", re.IGNORECASE)


@cache
def _words() -> dict[str, frozenset[str]]:
    lex = load_json("numbers.json")
    return {
        key: frozenset(w.lower() for w in lex[key])
        for key in (
            "duration_units",
            "months",
            "year_prepositions",
            "reference_words",
            "classifying_modifiers",
            "descriptive_acronyms",
            "cause_words",
            "amount_verbs",
            "split_ordinal_suffixes",
            "ranking_modifiers",
            "units_column_words",
            "generic_units_column_words",
            "member_nouns",
            "disease_words",
            "prepositional_participles",
        )
    }


@cache
def _amount_words() -> frozenset[str]:
    """The words of vague amounts ("thousands", "dozens"): amounts, never counted nouns."""
    return frozenset(phrase.lower() for phrase in load_json("numbers.json")["vague"] if " " not in phrase)


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


class QuantityRecognizer:
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
        found = _sibling_row_units(text, found)
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

    def _dotted_day(self, doc: Doc, number: Span) -> bool:
        """ "20. Jun 2016", "3. März 2020": a day, its dot, a month and a year (a sentence ending on a number before
        one starting with a month has no year right after the month)."""
        if len(number) != 1 or number.end + 2 >= len(doc) or not _DAY.fullmatch(number.text):
            return False
        dot, month, year = doc[number.end], doc[number.end + 1], doc[number.end + 2]
        return (
            dot.text == "."
            and month.lower_.rstrip(".") in self.words["months"]
            and _YEAR.fullmatch(year.text) is not None
        )

    def _after_dotted_month(self, doc: Doc, number: Span) -> bool:
        """ "May. 17", "Jun. 3, 2018", "since Aug. 8" (the abbreviation and its dot one token): a month with a dot
        before a day; "in May. 17 people died" (a sentence ending on the month, a count opening the next) has a
        lower-case word after the number."""
        if number.start < 1 or len(number) != 1 or not _DAY.fullmatch(number.text):
            return False
        after = doc[number.end] if number.end < len(doc) else None
        if after is not None and after.is_alpha and after.is_lower:
            return False
        before = doc[number.start - 1]
        if before.lower_.endswith(".") and before.lower_[:-1] in self.words["months"]:
            return True
        if number.start < 2:
            return False
        month = doc[number.start - 2]
        return before.text == "." and not month.whitespace_ and month.lower_ in self.words["months"]

    def _split_ordinal(self, doc: Doc, suffix: Token) -> Rejection:
        """ "between 1 st and 4 rd December": a day when a month stands near, else a rank ("the 2 nd round")."""
        near = doc[max(0, suffix.i - 3) : suffix.i + 5]
        if any(token.lower_ in self.words["months"] for token in near):
            return Rejection("date", "split-ordinal-day")
        return Rejection("ordinal", "split-ordinal")

    def _day_before_a_day_and_month(self, doc: Doc, number: Span) -> bool:
        """ "On 27 and 28 May", "on 3 or 4 June": a day number joined to the day of a date."""
        if len(number) != 1 or number.end + 2 >= len(doc) or not _DAY.fullmatch(number.text):
            return False
        return self._joined_to_a_dated_day(doc[number.end], doc[number.end + 1], doc[number.end + 2])

    def _days_before_month(self, figure: Figure, number: Span) -> bool:
        """A day ("12 March") or a range of days ("between 4 and 9 September", "2-5 June") before a month."""
        if len(number) == 1:
            return len(number.text) <= 2
        days = [token for token in number if token.like_num]
        return figure.qualifier is Qualifier.RANGE and all(_DAY.fullmatch(token.text) for token in days)

    def _day_after_a_month_and_day(self, doc: Doc, number: Span) -> bool:
        """ "on February 17 and 18", "June 3 or 4": a day number joined to the day of a date after its month."""
        if len(number) != 1 or number.start < 3 or not _DAY.fullmatch(number.text):
            return False
        return self._joined_to_a_dated_day(doc[number.start - 1], doc[number.start - 2], doc[number.start - 3])

    def _joined_to_a_dated_day(self, joiner: Token, day: Token, month: Token) -> bool:
        """Whether a day number is joined ("and", "or") to another day that a month dates."""
        return (
            joiner.lower_ in {"and", "or", "&"}
            and bool(_DAY.fullmatch(day.text))
            and month.lower_ in self.words["months"]
        )

    def _is_reference_or_date(self, doc: Doc, figure: Figure, number: Span) -> Rejection | None:
        before = doc[number.start - 1] if number.start > 0 else None
        after = doc[number.end] if number.end < len(doc) else None
        is_reference = (
            before is not None
            and before.lower_ in self.words["reference_words"]
            and (before.pos_ != "VERB" or before.is_title)  # "we report 300 cases" is a count; "Report 12" is not
            and not _GROUPED.search(number.text)  # "the Kakuma Camp 1,200 new arrivals": no reference is grouped
        )
        if before is not None and before.lower_.lstrip("-–—") in self.words["months"]:
            return Rejection("date", "month-before")  # "Aug 31", and "Jun 01 2024 -Aug 31 2024" with the dash glued
        if self._day_of_a_hyphenated_date(doc, number):
            return Rejection("date", "hyphenated-date")  # "Post on 10-Jul-2020": a day, a month and a year
        if figure.is_year_like and self._year_of_a_month_and_day(doc, number):
            return Rejection("date", "month-day-year")  # "On March 26, 2020 refugees arrived": the date's year
        if self._after_dotted_month(doc, number):
            return Rejection("date", "dotted-month-before")  # "TEHRAN, May. 17 (IRNA)": a dateline
        if after is not None and after.lower_ in self.words["split_ordinal_suffixes"] and _DAY.fullmatch(number.text):
            return self._split_ordinal(doc, after)
        if is_reference and figure.qualifier is not Qualifier.RANGE and not layout.labelled_after(doc, number.start):
            return self.rejections.reference(before.lower_)
        if after is not None and after.is_title and _misspelt_month(after.lower_, self.words["months"]):
            return Rejection("date", "day-misspelt-month")  # "2 Decemeber", "14 Febuary": a typing slip in a date
        if after is not None and after.lower_ in self.words["months"]:
            # "12 March", "between 4 and 9 September", "2-5 June"; "$ 37,305.97 february" is no day
            return Rejection("date", "day-month") if self._days_before_month(figure, number) else None
        if self._dotted_day(doc, number):
            return Rejection("date", "dotted-day-month")  # "Published 20. Jun 2016": a day written with a dot
        if self._day_before_an_ordinal_day_and_month(doc, number):
            return Rejection("date", "day-to-ordinal-day")  # "from 30 – 31st October": a range of days
        if self._day_before_a_day_and_month(doc, number):
            return Rejection("date", "day-and-day-month")  # the 27 of "On 27 and 28 May 2023"
        if self._day_after_a_month_and_day(doc, number):
            return Rejection("date", "month-day-and-day")  # the 18 of "on February 17 and 18"
        if series := self.rejections.series_members(doc, figure, number):
            return series  # "IPC Phases 3 to 5", "Zones 3 and 4": which members, not how many
        if (
            number.start == 0
            and after is not None
            and after.text in {".", ")"}
            and after.i + 1 < len(doc)
            and figure.kind is Kind.COUNT
        ):
            return Rejection("ordinal", "list-number")  # "1. ..." or "2) ..."
        return Rejection("year", "year-range") if figure.kind is Kind.OTHER else None  # 2019-2021

    def _day_of_a_hyphenated_date(self, doc: Doc, number: Span) -> bool:
        """ "10-Jul-2020", "3-March-21": a day joined by hyphens to a month (or its abbreviation) and a year."""
        if len(number) != 1 or not _DAY.fullmatch(number.text):
            return False
        match = _HYPHENATED_MONTH_YEAR.match(doc.text, number.end_char)
        if match is None:
            return False
        month = match.group(1).lower().rstrip(".")
        abbreviated = len(month) >= _MIN_MONTH_LETTERS and any(m.startswith(month) for m in self.words["months"])
        return month in self.words["months"] or abbreviated

    def _year_of_a_month_and_day(self, doc: Doc, number: Span) -> bool:
        """ "March 26, 2020", "Sept. 3 2019": a year after a month and its day, whatever noun follows."""
        index = number.start - 1
        if index >= 0 and doc[index].text == ",":
            index -= 1
        if index < 1 or not _DAY.fullmatch(doc[index].text):
            return False
        month = doc[index - 1].lower_.lstrip("-–—").rstrip(".")  # "Jul 11 2024 -Aug 09 2024": the dash glued
        abbreviated = len(month) >= _MIN_MONTH_LETTERS and any(m.startswith(month) for m in self.words["months"])
        return month in self.words["months"] or abbreviated

    def _day_before_an_ordinal_day_and_month(self, doc: Doc, number: Span) -> bool:
        """ "from 30 – 31st October", "30-31st of May": a day, a dash, a day written as an ordinal, a month."""
        if len(number) != 1 or not _DAY.fullmatch(number.text) or number.end + 2 >= len(doc):
            return False
        dash, day = doc[number.end], doc[number.end + 1]
        month = doc[number.end + 2]
        if month.lower_ == "of" and number.end + 3 < len(doc):
            month = doc[number.end + 3]  # "30-31st of May"
        ordinal = _ORDINAL_DAY.fullmatch(day.text) is not None
        return dash.text in {"-", "–", "—"} and ordinal and month.lower_.rstrip(".") in self.words["months"]

    def _in_date_entity(self, number: Span) -> bool:
        """In a DATE or TIME entity that shows a date word ("May", "years", "1990s", "2023"), not a bare count
        the small model mislabels ("between 20 and 30", "10k")."""
        if not any(token.ent_type_ in _DATE_LABELS for token in number):
            return False
        entity = _entity_at(number.doc, number.start)
        if entity is None or entity.label_ == "TIME":
            return True
        dated = self.words["months"] | self.words["duration_units"]
        return any(
            token.lower_.rstrip("s") in dated
            or token.lower_ in dated
            or (token.text[:4].isdecimal() and 1800 <= int(token.text[:4]) <= 2100)
            or not (token.like_num or token.is_punct or token.is_stop or token.i in range(number.start, number.end))
            for token in entity
        )

    def _per_time_unit(self, number: Span) -> bool:
        """A rate of a count per unit of time ("30 per minute", "some 600 a day"): how many, not when."""
        after = number.doc[number.end : number.end + 2]
        return (
            len(after) == 2
            and after[0].lower_ in ("per", "a", "every", "each")
            and after[1].lower_ in self.words["duration_units"]
        )

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

    def _after_year_preposition(self, number: Span) -> bool:
        return number.start > 0 and number.doc[number.start - 1].lower_ in self.words["year_prepositions"]

    def _with_unit(self, doc: Doc, text: str, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]]:
        if (magnitude := _quake_magnitude(doc, text, figure)) is not None:
            return magnitude, []
        if figure.kind is Kind.RATIO and figure.unit is None:
            return self._with_population(doc, figure, previous)
        if figure.kind is not Kind.COUNT:
            return figure, []
        if not figure.is_word and (column := self._units_column(doc, figure)) is not None:
            return replace(figure, unit=_label_text(column)), column
        if not figure.is_word and (sub_row := self._of_whom_cell(doc, figure, previous)) is not None:
            return sub_row
        if not figure.is_word and (cell := self._table_cell_label(doc, figure)) is not None:
            if not cell:  # a cell whose label is unreadable: no unit rather than the neighbouring row's,
                if (own := self._quantulum_unit(text, figure)).kind is Kind.DURATION and own.unit:
                    # unless it writes its own unit of time: "Operation timeframe: 14 months"
                    return replace(own, unit=self._duration_name(own.unit, own)), []
                return self._said_of_people(doc, figure), []  # or a verb said of people governs it
            return replace(figure, unit=_label_text(cell)), cell
        if not figure.is_word and _in_cell_run(doc, figure):
            return figure, []  # a scrambled row's cell: its column header says what it counts, not the words beside
        if _ends_row(doc, figure):
            label, code = ([], None) if figure.is_year_like else self._row_label(doc, figure)
            if not label:  # "last year's total: 224": a comparison with the count before, else no noun
                first = _token_at_or_after(doc, figure.number_start)
                if first is not None and (noun := implied.number_of_earlier(doc, first, self._counted_noun)):
                    return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []  # a form's field
                unit = None if first is None else implied.compared_with_earlier(doc, figure.start, first, previous)
                return (replace(figure, unit=unit) if unit else figure), []
            if code:  # "Cash grants (CHF) | 3.2 million"
                return replace(figure, start=label[0].idx, kind=Kind.MONEY, unit=code), label
            return replace(figure, start=label[0].idx, unit=doc[label[0].i : label[-1].i + 1].text), label
        if not (figure.is_word or figure.is_year_like) and (line := self._line_label(doc, figure, previous)):
            return line
        index = _token_at_or_after(doc, figure.end)
        if index is None:  # the figure ends the text: "outreach is 48m", "a third"
            if _is_share(text, figure):
                return replace(figure, kind=Kind.RATIO), []
            return self._implied(doc, self._quantulum_unit(text, figure), previous)
        if _glued_to_label(doc, index):  # "4,297People reunited": the next row's label, never this cell's noun
            return self._implied(doc, figure, previous)
        if _bracketed_before_noun(doc, index):
            index += 1  # "to (58224) vulnerable families", "(7) tons of meat": the noun after the bracket
        elif (past := _past_a_share_in_brackets(doc, index)) is not None and (noun := self._counted_noun(doc, past)):
            # "879 273 (89% of the people targeted) beneficiaries": the noun after the share, which stays a figure
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        elif figure.is_word and _restating_bracket(doc, index, figure):
            index += 3  # "five (5) people": the noun after the digits that restate the word
        if _footnote_stars(doc, index, figure.end):
            while index + 1 < len(doc) and doc[index].text.strip("*") == "" and not doc[index].is_space:
                index += 1  # "0.412million** Total reached population": the noun after a footnote's asterisks
        compound = _hyphen_at(doc, index, figure.end)
        if compound:  # "a 16-meter mast", "a two-year period": the unit after a hyphen
            index += 1
        token = doc[index]
        if token.lower_ in self.words["duration_units"]:
            unit = self._duration_name(token.lower_, figure)
            return replace(figure, end=token.idx + len(token), kind=Kind.DURATION, unit=unit), []
        measure = self._measure_at(doc, index)
        if measure is not None:
            per = _PER.match(text, measure.end_char)  # "200 km per hour", "20 J/m^2", "4 km squared"
            if per and (read := self._unit_after(text, figure)) and read.end > measure.end_char:
                return replace(figure, end=read.end, kind=read.kind, unit=read.name), []
            surface = re.sub(r"/\s+", "/", measure.text)  # "km/ hour" as "km/hour"
            unit = unit_name(surface, canonical(surface) or surface.lower())
            return replace(figure, end=measure.end_char, kind=Kind.MEASURE, unit=unit), []
        if self._inches_at(doc, index):
            return replace(figure, end=token.idx + len(token), kind=Kind.MEASURE, unit="inches"), []
        if _is_share(text, figure):  # "a third of them", "more than half of the population": a part, not a count
            return self._with_population(doc, replace(figure, kind=Kind.RATIO), previous)
        if figure.qualifier is Qualifier.VAGUE:
            index = _past_repeats(doc, index, text[figure.number_start : figure.number_end])
            token = doc[index]
        if token.lower_ == "of" and (figure.qualifier is Qualifier.VAGUE or _bare_plural_at(doc, index + 1)):
            index += 1  # "thousands of people"; "more than 10,000 of volunteers" (no determiner: the noun counted)
        if (in_capitals := _capitals_unit(doc, index)) is not None:
            tokens, unit = in_capitals
            return replace(figure, end=tokens[-1].idx + len(tokens[-1]), unit=unit), tokens
        if _time_adverbial_at(doc, index, self.words["duration_units"]):
            return self._implied(doc, figure, previous)  # "against 35 million last year": when, not what is counted
        unit_tokens = self._counted_noun(doc, index)
        if implied.threshold(unit_tokens, _token_at_or_after(doc, figure.number_start) or 0):
            return self._implied(doc, figure, previous)  # "the one-million mark": what reaches it, else nothing
        scaled = index > 0 and doc[index - 1].lower_ in lexicon().scales  # "seven million of those people"
        # "four of her children" counts children, a number word too ("one of his friends" picks one out)
        owned = figure.value != 1 and implied.of_possessive(doc, index)
        # "three of the eight water purification units": a number word's whole in figures names what it counts
        whole = figure.value != 1 and _of_numbered_whole(doc, index)
        if not unit_tokens and (scaled or owned or whole or not figure.is_word):  # "one of them", "two of the largest"
            unit_tokens, unit = implied.of_demonstrative(
                doc, _token_at_or_after(doc, figure.number_start) or 0, index, self._counted_noun, previous
            )
            if unit:
                return replace(figure, unit=unit), []
        if implied.verb_read_as_noun(unit_tokens):
            return replace(figure, unit=implied.PEOPLE), []
        if implied.refers_back(unit_tokens) and (
            (unit := implied.antecedent_unit(doc, index, previous, 2))
            or (unit := implied.others_said_of_people(unit_tokens))
        ):
            return replace(figure, end=unit_tokens[-1].idx + len(unit_tokens[-1]), unit=unit), unit_tokens
        if compound and unit_tokens:  # "a 20-bed hospital" counts beds, "a 5-member team" members
            unit_tokens = unit_tokens[: len(_hyphenated(doc, index))]
        if not unit_tokens and (counted := self._number_of_before(doc, figure)):
            total, noun = counted  # "The number of detainees visited rose to 4,500"
            return replace(figure, start=total.idx, unit=doc[noun[0].i : noun[-1].i + 1].text), noun
        glued_metres = metres_not_millions(text, figure.number_start, figure.number_end)  # "830.41m on Monday"
        if not unit_tokens and (glued_metres or not (token.is_stop and token.idx > figure.number_end)):  # "5 in"
            return self._implied(doc, self._quantulum_unit(text, figure), previous)
        if not unit_tokens and _AGE_BEFORE.search(text, max(0, figure.start - 12), figure.start):
            return replace(figure, kind=Kind.DURATION, unit="years"), []
        if not unit_tokens:
            return self._implied(doc, figure, previous)
        if alias := _unit_alias(doc, text, unit_tokens[0]):  # "192 National Red Cross and Red Crescent Societies"
            return replace(figure, end=alias[-1].idx + len(alias[-1]), unit=_aliases()[_lower_text(alias)]), alias
        if unit_tokens[0].lower_ == "magnitude":  # "a 7.2 magnitude quake": the magnitude, not the quake
            end = unit_tokens[0].idx + len(unit_tokens[0])
            return replace(figure, end=end, kind=Kind.MEASURE, unit="magnitude"), []
        if (counted := self._number_of(doc, unit_tokens)) is not None:
            unit_tokens = counted  # "0.269 million Total number of IDPs": a key figure's label counts the IDPs
        elif figure.value != 1 and (counted := self._past_a_place_name(doc, unit_tokens)):
            unit_tokens = counted  # "21,352 Central African Republic (CAR) refugees": the place says whose
        head = unit_tokens[-1].lower_
        if len(unit_tokens) == 1 and head in self.words["duration_units"]:  # "two more months of rain": months
            return replace(figure, end=unit_tokens[0].idx + len(head), kind=Kind.DURATION, unit=head), unit_tokens
        if head not in self.measures and any(c in "aeiouy" for c in head):  # "115 mt of food": a unit's abbreviation
            unit_tokens += _of_complement(doc, unit_tokens[-1].i + 1)  # "44 places of detention"
        unit = doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text
        end = unit_tokens[-1].idx + len(unit_tokens[-1])
        if code := _bracketed_currency(doc, unit_tokens[-1].i + 1):  # "3.2 million Cash grants (CHF)": money
            return replace(figure, end=doc[unit_tokens[-1].i + 3].idx + 1, kind=Kind.MONEY, unit=code), unit_tokens
        return replace(figure, end=end, unit=unit), unit_tokens

    def _past_a_place_name(self, doc: Doc, unit_tokens: list[Token]) -> list[Token]:
        """A name in the singular read as the counted noun ("21,352 Central African Republic (CAR) refugees", "the
        four North of Central America countries"): when a lower-case plural noun follows the name (past its
        bracketed acronym, or an "of" and the name's other words), the name is the place the counted things are of,
        and the plural noun what is counted, as "Gaza hospitals" counts hospitals."""
        if not unit_tokens or not all(t.tag_ == "NNP" and t.is_title for t in unit_tokens):
            return []
        index = unit_tokens[-1].i + 1
        for _ in range(_MAX_NAME_TAIL):
            acronym = index + 2 < len(doc) and doc[index].text == "(" and doc[index + 2].text == ")"
            if acronym and doc[index + 1].is_upper:
                index += 3  # "(CAR)"
            elif index < len(doc) and (doc[index].lower_ == "of" or (doc[index].tag_ == "NNP" and doc[index].is_title)):
                index += 1  # "of Central America"
            else:
                break
        if index >= len(doc) or not doc[index].is_lower or doc[index].tag_ != "NNS":
            return []
        noun = self._counted_noun(doc, index)
        return noun if noun and noun[0].i == index else []

    def _units_column(self, doc: Doc, figure: Figure) -> list[Token] | None:
        """An annual-report table's units column, written between the row label and the cells: "Food commodities
        Beneficiaries 6,637,804" counts beneficiaries; a generic one ("Health centres supported Structures 85")
        counts the noun of the row label before it, health centres. The cells may be two ("Structures 149 140")."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None or len(number) != 1:
            return None
        index = number.start - 1
        while index >= 0 and number.start - index <= 2 and doc[index].like_num and not doc[index].is_alpha:
            index -= 1  # "Beneficiaries 2,013,575 1,970,217": the second cell of the row
        if index < 0 or not doc[index].text[:1].isupper() or doc[index].lower_ not in self.words["units_column_words"]:
            return None
        column = doc[index]
        if column.lower_ not in self.words["generic_units_column_words"]:
            return [column]
        return _label_noun_before(doc, column.i)

    def _table_cell_label(self, doc: Doc, figure: Figure) -> list[Token] | None:
        """The row label of a cell in a table flattened into text (parsing/layout.py): the label on the side the
        block's layout puts labels, never the neighbouring row's."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        last = number.end - 1 if number is not None else 0
        if number is None or not (
            len(number) == 1 or (len(number) == 2 and (layout.scale_letter(doc, last) or layout.scale_word(doc, last)))
        ):
            return None
        if (found := layout.row_label(doc, number.start)) is None:
            return None
        start, end, before = found
        if before:  # "Asylum-seekers 10,000 8,000": the label as written, from where its noun phrase starts
            return self._label_before(doc, start, end)
        if end - start > 2 and doc[start].lower_ in {"number", "total"} and doc[start + 1].lower_ == "of":
            start += 2  # "752,670 Number of returnees"
        noun = self._counted_noun(doc, start)
        return [t for t in noun if t.i < end]

    def _label_before(self, doc: Doc, start: int, end: int) -> list[Token]:
        """The counted noun of a row label (tokens `start` to `end`) written before its cells, as written from
        where its noun phrase starts; [] when it names none (a place, "Kabul 1,200")."""
        if (noun := self._label_noun(doc, start, end))[0] and noun[1] == _label_text(noun[0]):
            return noun[0]
        if (covering := self._covering_label(doc, start, end)) is not None:
            return covering
        if end - start == 1 and doc[start].is_alpha and _plural(doc[start]):
            return [doc[start]]  # "Returnees 120,500": one plural word, though the tagger read a verb
        return []

    def _covering_label(self, doc: Doc, start: int, end: int) -> list[Token] | None:
        """The label as written, from where a noun phrase running to its end starts ("Formerly Deported Persons");
        [] for a place ("Kabul 1,200"), None when no noun phrase ends the label."""
        for first in range(start, end):
            run = self._noun_run(doc, first, trim_leading=False)
            if run and run[0].i == first and run[-1].i == end - 1:
                return [] if run[-1].ent_type_ in _NAME_LABELS else list(doc[first:end])
        return None

    def _number_of(self, doc: Doc, unit_tokens: list[Token]) -> list[Token] | None:
        """The noun of "(total) number of X" read as a figure's counted noun: X. None when the unit is no such
        phrase."""
        after = unit_tokens[-1].i + 1
        if unit_tokens[-1].lower_ not in {"number", "numbers"} or after + 1 >= len(doc) or doc[after].lower_ != "of":
            return None
        if any(t.lower_ not in {"total", "overall", "number", "numbers"} for t in unit_tokens):
            return None  # "a phone number of the office": a kind of number, not an amount
        noun = self._counted_noun(doc, after + 1)
        return noun if noun and noun[0].i == after + 1 else None

    def _label_noun(self, doc: Doc, start: int, end: int) -> tuple[list[Token], str]:
        """The counted noun of a label before its cell (tokens and text), read from the label's last capitalised
        word: "RCMs collected", "Phone calls facilitated between family members" (a participle clause after the
        noun), "Number of visits carried out", and "Food consumption Beneficiaries", where a capital after the
        words of a sentence-case label opens the cell that names what is counted. A word glued to the one before
        it ("family linksRCMs collected", as a PDF copy joins cells) starts from its capital. The noun must be a
        plural, not a name; ([], "") when the label is none of these."""
        none: tuple[list[Token], str] = ([], "")
        if end > start and doc[end - 1].text == ")":  # "People located (tracing cases closed positively)"
            end = next((i for i in range(end - 1, start - 1, -1) if doc[i].text == "("), end)
        first = next((i for i in range(end - 1, start - 1, -1) if _opens_cell(doc, i, start)), None)
        if first is None or any(t.pos_ == "AUX" or t.tag_ in _SENTENCE_VERB_TAGS for t in doc[first + 1 : end]):
            return none
        run = self._noun_run(doc, first, trim_leading=False)
        if not run and doc[first].lower_.endswith("s") and first + 1 <= end:
            run = [doc[first]]  # "Beneficiaries 7,316,707", "linksRCMs": a plural word the tagger read otherwise
        if not run or run[0].i != first or run[-1].i >= end:
            return none
        if (counted := self._number_of(doc, run)) is not None:
            run = counted + _of_complement(doc, counted[-1].i + 1)  # "Number of places of detention visited 1,728"
        elif not _plural(run[-1]):
            return none
        else:
            run += _slashed(self, doc, run[-1].i + 1, end)  # "unaccompanied minors/separated children"
            run += _of_complement(doc, run[-1].i + 1)  # "Places of detention visited"
        after = run[-1].i + 1
        if after < end and not (doc[after].tag_ in _CLAUSE_TAGS or doc[after].lower_.endswith("ed")):
            return none  # the words after the noun are no participle clause: not a label this reader knows
        run = [t for t in run if t.i < end]
        begin = doc[first].idx + (_capital_at(doc[first]) or 0) if run[0].i == first else run[0].idx
        return run, doc_text(doc)[begin : run[-1].idx + len(run[-1])]

    def _of_whom(
        self, doc: Doc, start: int, end: int, figure: Figure, previous: list[Quantity]
    ) -> tuple[Figure, list[Token]] | None:
        """A sub-row's label "of whom ..." or "of which ..." (tokens `start` to `end`, layout.sub_row): "of whom
        unaccompanied minors 33" counts the noun after "of whom", "of which: Overheads 21,231" its own label's, "of
        whom visited and monitored individually 31,531" the noun of the row before."""
        first = start + 3 if doc[start + 2].text == ":" else start + 2
        noun = self._noun_run(doc, first, trim_leading=False) if first < end else []
        if noun and noun[0].i == first and noun[-1].i < end:
            noun += _slashed(self, doc, noun[-1].i + 1, end)
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), noun
        if first < end and _capital_at(doc[first]) is not None and (label := self._label_before(doc, first, end)):
            return replace(figure, unit=_label_text(label)), label  # "of which: Overheads", a label of its own
        if previous and previous[-1].kind is Kind.COUNT and previous[-1].unit:
            return replace(figure, unit=previous[-1].unit), []
        return None

    def _of_whom_cell(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]] | None:
        """A cell of a flattened table whose row label is a sub-row's "of whom ..." (parsing/layout.py)."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None or len(number) != 1 or (found := layout.row_label(doc, number.start)) is None:
            return None
        start, end, before = found
        if not before or not layout.sub_row(doc, start, end):
            return None
        return self._of_whom(doc, start, end, figure, previous) or (figure, [])

    def _line_label(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]] | None:
        """A statistics table flattened one row a line ("Detainees visited 756,158"): a count that ends its line
        (or is glued to the next row's label, "840PEOPLE DEPRIVED"), after a label that opens the line or follows
        the cell before, counts the label's noun ("detainees"); "of whom visited and monitored individually 31,531"
        counts the noun after "of whom", else the noun of the row before. None when the figure is not the last
        cell of such a row."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None:
            return None
        # "• People in need 302.2 million • People targeted ...": a key figure ending its bulleted item, the items
        # joined in one line
        bulleted = _bullet_at(doc, number.end)
        if not (_ends_line(doc, number.end) or _glued_to_label(doc, number.end) or bulleted):
            return None
        start, opened = number.start, False
        while number.start - start <= _MAX_LINE_LABEL_TOKENS:
            if start == 0 or "\n" in doc[start - 1].text or doc[start - 1].like_num or _bullet_at(doc, start - 1):
                opened = True  # the label opens its line, or follows the cell of the row before ("840PEOPLE")
                break
            start -= 1
            if _capital_at(doc[start]) not in (None, 0):  # "visitsPlaces of detention visited": from its capital
                opened = True
                break
        if start == number.start or not opened:
            return None
        label = doc[start : number.start]
        if any(t.like_num or t.text in _LINE_LABEL_STOPS for t in label):
            return None
        if bulleted and (not _bullet_at(doc, start - 1) or any(t.tag_ in _SENTENCE_VERB_TAGS for t in label)):
            return None  # "• The team reached 300 • ...": a sentence's item, not a key figure's label
        if layout.sub_row(doc, start, number.start):
            return self._of_whom(doc, start, number.start, figure, previous)
        if _capital_at(label[0]) is None or not label[0].is_alpha:
            return None
        noun, unit = self._label_noun(doc, start, number.start)
        if not noun:
            covering = self._covering_label(doc, start, number.start)
            if not covering or not _plural(covering[-1]):
                return None
            if all(t.is_alpha and _capitalised(t) for t in doc[start : number.start]):
                covering = list(doc[start : number.start])  # a label in title case, whole: "Formerly Deported Persons"
            noun, unit = covering, doc[covering[0].i : covering[-1].i + 1].text
        return replace(figure, unit=unit), noun

    def _implied(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]]:
        """A count with no noun after it takes the noun the text implies (parsing/implied.py), if any."""
        if figure.unit is not None or figure.kind is not Kind.COUNT or figure.is_year_like:
            return figure, []
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None:
            return figure, []
        first, last = number.start, number.end - 1
        if implied.bounds_a_named_group(doc, first):
            return figure, []  # "children under 5": the group's label, which takes no noun from elsewhere
        noun, unit = implied.bracketed(doc, first, last, self._counted_noun, previous)
        if noun:
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), noun
        if unit:
            return replace(figure, unit=unit), []
        if unit := _paired_toll(doc_text(doc), figure, previous):
            return replace(figure, unit=unit), []
        if whole := implied.whole_named_before(doc, first):  # "a population of 28 million"
            return replace(figure, unit=whole), []
        if noun := implied.named_by_copula(doc, last, self._counted_noun):  # "of which 2,768 were children"
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        if implied.said_of_people(doc, first, last, figure.qualifier) or implied.people_of_the_place(doc, first):
            return replace(figure, unit=implied.PEOPLE), []
        if (group := implied.of_those_opening(doc, first, self._counted_noun)) is not None:
            if isinstance(group, str):
                return replace(figure, unit=group), []
            return replace(figure, unit=doc[group[0].i : group[-1].i + 1].text), []
        if noun := implied.number_of_earlier(doc, first, self._counted_noun):
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        if self._per_time_unit(number) and (unit := implied.antecedent_unit(doc, first, previous, 2)):
            return replace(figure, unit=unit), []  # "24 people were displaced every minute ... 30 per minute in 2014"
        if restated := self._restated_noun(doc, figure):
            return replace(figure, unit=doc[restated[0].i : restated[-1].i + 1].text), []
        if unit := implied.headline_subject(doc, first) or implied.compared_with_earlier(
            doc, figure.start, first, previous, _as_float(figure.value)
        ):
            return replace(figure, unit=unit), []
        scaled = figure.value is not None and figure.value >= 1000  # "two million", not the pronoun "two"
        if not (scaled or not figure.is_word):
            return figure, []
        if unit := implied.antecedent_unit(doc, first, previous, value=_as_float(figure.value)):
            return replace(figure, unit=unit), []
        if unit := implied.whole_as_subject(doc, first):  # "The camp population increased from 10,000"
            return replace(figure, unit=unit), []
        if unit := implied.nearest_count_unit(
            doc, first, previous, _as_float(figure.value)
        ):  # the count ending the sentence before
            return replace(figure, unit=unit), []
        if unit := implied.hedged_antecedent(doc, first, figure.qualifier, previous):  # the sentence before's people
            return replace(figure, unit=unit), []
        return figure, []

    def _restated_noun(self, doc: Doc, figure: Figure) -> list[Token]:
        """The noun of a key figure that the text restates at once with its noun: "12.4 million An estimated 12.4
        million people were newly displaced" (a flattened key-figure block: the figure, then its sentence). The same
        number must follow within a few words, with no other number and no sentence break between."""
        text = doc_text(doc)
        surface = text[figure.number_start : figure.number_end]
        at = text.find(surface, figure.end, figure.end + _RESTATED_GAP + len(surface))
        if at < 0 or _RESTATED_BREAK.search(text, figure.end, at):
            return []
        after = at + len(surface)
        if after < len(text) and (text[after].isdigit() or text[after : after + 2] in _NUMBER_GOES_ON):
            return []
        index = _token_at_or_after(doc, after)
        return [] if index is None else self._counted_noun(doc, index)

    def _said_of_people(self, doc: Doc, figure: Figure) -> Figure:
        """The figure counting people when a verb said of people governs it ("KILLS FIVE, AFFECTS 32"), else as it
        is."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is not None and implied.said_of_people(doc, number.start, number.end - 1, figure.qualifier):
            return replace(figure, unit=implied.PEOPLE)
        return figure

    def _duration_name(self, word: str, figure: Figure) -> str:
        """ "a six-month programme" counts months: the plural, as "six months" writes it."""
        plural = word + "s"
        if figure.value not in (None, 1) and plural in self.words["duration_units"]:
            return plural
        return word

    def _number_of_before(self, doc: Doc, figure: Figure) -> tuple[Token, list[Token]] | None:
        """ "The number of detainees visited rose to 4,500", "the total number of cases was 300": a bare figure
        that a verb of amount ("rose to", "reached", "stood at", "was") gives to "the number of" a noun before it,
        in the same clause and with no other figure between, counts that noun."""
        index = _token_at_or_after(doc, figure.start)
        assert index is not None
        verb = index - 1
        if verb >= 0 and doc[verb].lower_ in {"to", "at", "by"}:
            verb -= 1
        if verb < 1 or doc[verb].lower_ not in self.words["amount_verbs"]:
            return None
        for j in range(verb - 1, max(0, verb - _MAX_LABEL_TOKENS) - 1, -1):
            token = doc[j]
            if token.is_punct or token.like_num:
                return None
            if token.lower_ in {"number", "total"} and j + 1 < verb and doc[j + 1].lower_ == "of":
                noun = self._counted_noun(doc, j + 2)
                return (token, noun) if noun and noun[-1].i < verb else None
        return None

    def _with_population(
        self, doc: Doc, figure: Figure, previous: list[Quantity] | None = None
    ) -> tuple[Figure, list[Token]]:
        """A share ("one in four victims", "one in three of the families") takes the noun it is a share of; a
        share of a pronoun ("nearly half of them", "more than half of which") the noun of the count before it."""
        index = _token_at_or_after(doc, figure.end)
        if (
            previous
            and index is not None
            and index + 1 < len(doc)
            and doc[index].lower_ == "of"
            and doc[index + 1].lower_ in _SHARE_PRONOUNS
            and not (index + 2 < len(doc) and doc[index + 2].pos_ in {"NOUN", "PROPN"})  # "a third of them children"
            and (unit := implied.antecedent_unit(doc, index, previous, 2))
        ):
            return replace(figure, unit=unit), []
        whole_counted = False
        if index is not None and doc[index].lower_ == "of":
            after_whole = _past_the_whole(doc, index + 1)  # "nearly half of the 30,000 houses": a share of houses
            whole_counted, index = after_whole > index + 1, after_whole
        unit_tokens = self._counted_noun(doc, index) if index is not None else []
        if not unit_tokens or _names_a_place(unit_tokens):  # "Lebanon 1 in 8 Aruba 1 in 6": the next row's label
            # "1 IN 6\n\nARE DISPLACED", "Aruba (1 in 6)": an "X in Y" standing alone, no clause after it, is a share
            # of the population; "one in five of them", "Seven in ten said" leave it to their whole or clause
            alone = not whole_counted and (unit_tokens or _stands_alone(doc_text(doc), figure.end))
            return (replace(figure, unit=_POPULATION) if alone and _one_in(doc_text(doc), figure) else figure), []
        if whole_counted:  # the whole's number is a figure of its own: the share's span stops before it
            return replace(figure, unit=doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text), []
        end = unit_tokens[-1].idx + len(unit_tokens[-1])
        return replace(figure, end=end, unit=doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text), unit_tokens

    def _row_label(self, doc: Doc, figure: Figure) -> tuple[list[Token], str | None]:
        """In a table row read as text ("Households receiving winter kits | 1,200"), a figure that starts a cell
        and ends its row counts the noun of the label cell before it, not the words of the next row; a currency in
        brackets ending the label ("Cash grants (CHF)") is returned with it."""
        first = _token_at_or_after(doc, figure.start)
        assert first is not None
        end = first - 1  # the cell separator
        code = _bracketed_currency(doc, end - 3) if end >= 3 else None
        if code:
            end -= 3  # "Cash grants (CHF) | 3.2 million": the label's noun is before its currency
        start = end
        while start > 0 and first - start <= _MAX_LABEL_TOKENS and _in_label(doc[start - 1]):
            start -= 1
        label = doc[start:end]
        if not label or not label[0].is_title or any(token.pos_ == "AUX" for token in label):
            return [], None  # a label is a capitalised noun phrase: "The results were clear: 45" is a sentence
        noun = self._counted_noun(doc, start)
        if not noun and len(label) == 1 and label[0].is_alpha:
            noun = [label[0]]  # "Returnees: 3,400": one word, though the tagger read a verb
        if not noun or noun[0].i != start or not (_plural(noun[-1]) or code):  # "Budget (USD) | 4,500,000"
            return [], None
        return noun, code

    def _quantulum_unit(self, text: str, figure: Figure) -> Figure:
        """The figure with the unit quantulum3 reads right after its number, or an age, when there is one."""
        if _AGE_BEFORE.search(text, max(0, figure.start - 12), figure.start):
            return replace(figure, kind=Kind.DURATION, unit="years")  # "aged 5 to 17", "a man of age 87"
        if figure.value is None or figure.is_year_like or not (unit := self._unit_after(text, figure)):
            return figure
        value = figure.value if unit.end > figure.number_end else as_number(unit.value)  # "1.8m": metres, not millions
        return replace(figure, end=max(figure.end, unit.end), kind=unit.kind, unit=unit.name, value=value)

    def _unit_after(self, text: str, figure: Figure) -> Unit | None:
        return unit_after(text, *_number(figure)) if self.quantulum_units else None

    def _inches_at(self, doc: Doc, index: int) -> bool:
        """ "in" after a number is inches only where a length is measured: "2 in thick", "is 2 in." """
        if doc[index].lower_ != "in":
            return False
        after = doc[index + 1] if index + 1 < len(doc) else None
        return after is None or (after.is_punct and after.text != "(") or after.lower_ in self.dimension_words

    def _measure_at(self, doc: Doc, index: int) -> Span | None:
        for width in (2, 1):
            if index + width <= len(doc):
                candidate = doc[index : index + width]
                if width == 1 and candidate[0].is_stop:
                    continue  # "in", "a", "at" are words before they are unit symbols
                if width == 1 and len(candidate.text) == 1 and len(_hyphenated(doc, index)) > 1:
                    continue  # a letter starting a hyphenated word: "T-shirts", "U-turns"
                if candidate.text.lower() in self.measures or candidate.text in self.measures:
                    return candidate
        return self._spaced_rate_at(doc, index)

    def _spaced_rate_at(self, doc: Doc, index: int) -> Span | None:
        """ "250 km/ hour": a unit and its slash, then a space and the time unit of the rate (the two tokens), or
        None."""
        token = doc[index]
        if index + 1 >= len(doc) or not token.text.endswith("/") or token.text[:-1].lower() not in self.measures:
            return None
        rate = doc[index : index + 2]
        return rate if _report_rate(rate.text) else None

    def _counted_noun(self, doc: Doc, index: int) -> list[Token]:
        """The counted noun after a number: compounds kept, leading evaluative adjectives dropped,
        coordinated nouns kept whole ("students and legal professionals")."""
        while index < len(doc) and doc[index].tag_ in {"DT", "PRP$"} and doc[index].lower_ != "no":
            index += 1
        first = _without_title_participles(self._noun_run(doc, index))
        if not first:
            return []
        end = first[-1].i + 1
        while end < len(doc) and doc[end].tag_ == "POS" and (owned := self._noun_run(doc, end + 1, False)):
            if index > 0 and doc[index - 1].tag_ in {"DT", "PRP$"}:  # "the world's poorest people" counts people
                first = self._noun_run(doc, end + 1) or owned
            elif first[-1].tag_ == "NNS" and owned[-1].tag_ == "NN":
                break  # a plural possessor of a mass noun is what is counted: "1,000 detainees' nutritional health"
            else:  # a bare possessor names a kind: "12 children's hospitals"
                first = list(doc[first[0].i : owned[-1].i + 1])
            end = first[-1].i + 1
        # An adjective dropped from the first conjunct ("vulnerable children and families") scopes over the
        # coordination, which the unit could then not express: keep the first noun alone. A serial list after it
        # ("vulnerable men, women and children") names the group counted, and stays whole.
        serial = end < len(doc) and doc[end].text == ","
        if not serial and any(token.tag_ in _MODIFIER_TAGS | _ADVERB_TAGS for token in doc[index : first[0].i]):
            if modifiers := self._singular_modifiers(doc, first, end):
                return modifiers  # "214 various road and rail sections": a pair of modifiers before one head
            return first  # an organisation or nationality dropped ("IRCS staff and volunteers") scopes over none
        if end + 1 < len(doc) and doc[end].text == "," and (shared := _shared_head(doc, first, end + 1)):
            return shared  # "300 water, health, agricultural and veterinary projects": projects
        while end + 1 < len(doc) and doc[end].text == ",":  # serial lists: "cattle, goats and sheep"
            item = self._conjunct(doc, end + 1, first[-1].tag_)
            if not item:
                return first
            end = item[-1].i + 1
        if end + 1 < len(doc) and doc[end].lower_ in _CONJUNCTIONS:
            final = self._conjunct(doc, end + 1, first[-1].tag_)
            if final:
                return list(doc[first[0].i : final[-1].i + 1])
        return first

    def _singular_modifiers(self, doc: Doc, first: list[Token], end: int) -> list[Token]:
        """ "road and rail sections" after a dropped adjective: a singular common noun (no collective one such as
        "staff") joined to a plural head is a modifier of that head, so the adjective scopes over the phrase, which
        the unit keeps whole."""
        if first[-1].tag_ != "NN" or first[-1].lower_ in _collective_nouns():
            return []
        if end + 1 >= len(doc) or doc[end].lower_ not in _CONJUNCTIONS:
            return []
        final = self._conjunct(doc, end + 1, "NN")
        return list(doc[first[0].i : final[-1].i + 1]) if final and final[-1].tag_ == "NNS" else []

    def _conjunct(self, doc: Doc, index: int, head_tag: str) -> list[Token]:
        """A further noun in a coordination, of the same number as the first; not a clause ("including ...")."""
        if index < len(doc) and doc[index].tag_ in {"VBG", "VBN"}:
            return []
        run = self._noun_run(doc, index, trim_leading=False)
        if run and len(_hyphenated(doc, run[0].i)) == 1 and not self._classifying(run[0]):
            return []  # "people and deadly floods": a described thing joins no count of the first noun
        if any(token.like_num or token.lower_ in _amount_words() for token in run):
            return []  # "killed 1,297 people and injured thousands": an amount of its own, not a noun
        # A singular first noun also joins plural ones: "water and sanitation projects", "staff and volunteers".
        singular_first = (head_tag, run[-1].tag_) in {("NN", "NNS"), ("NNP", "NNPS")} if run else False
        return run if run and (run[-1].tag_ == head_tag or singular_first) else []  # "Water and Sanitation Boards"

    def _noun_run(self, doc: Doc, index: int, trim_leading: bool = True) -> list[Token]:
        """Nouns and their modifiers from `index`: words joined by hyphens ("health-care", "first-aid") count as
        one word, a noun if their last part is one; a participle after a noun opens a clause ("households
        receiving kits"), which is not part of the noun phrase."""
        words: list[list[Token]] = []
        while index < len(doc) and len(words) < _MAX_UNIT_TOKENS:
            word = _hyphenated(doc, index)
            if _coordinates_modifiers(doc, words, word):
                words.append(word)
                index += 1
                continue
            if not self._noun_or_modifier(word):
                break
            if self._clause_verb(word):
                break
            words.append(word)
            index = word[-1].i + 1
        while words and not _is_noun(words[-1]):
            words.pop()
        _cut_after_plural(words)
        _cut_before_name(words)
        if trim_leading:
            self._trim_leading(words)
        return [token for word in words for token in word] if words and _is_noun(words[-1]) else []

    def _trim_leading(self, words: list[list[Token]]) -> None:
        """Drop the leading words that describe the counted thing rather than name its kind, in any order: "most
        vulnerable flood-affected households" gives households."""
        while len(words) > 1:
            if self._describes(words[0], words[-1]):
                words.pop(0)
                continue
            if len(words) > 2 and self._unhyphenated_cause(words[0], words[1]):
                del words[:2]  # "flood affected people", "food insecure people": "flood-affected" written apart
                continue
            if len(words[0]) != 1 or self._classifying(words[0][0], words[-1][-1]):
                return
            if len(words) > 2 and words[1][0].lower_ in _CONJUNCTIONS:
                if self._classifying(words[2][0], words[-1][-1]):
                    return  # coordinated modifiers go together: "physical and mental health services"
                del words[:2]  # "prosthetic and", then "orthotic" next round
                continue
            words.pop(0)

    def _describes(self, word: list[Token], head: list[Token]) -> bool:
        """A leading word that describes the counted people rather than naming their kind, dropped from the unit:
        a nationality or a place of origin ("Sahrawi refugees", "Palestine refugees"), an organisation's name before
        the people serving it ("Red Cross volunteers"), an organisation's acronym ("ICRC employees"), a cause written
        with a hyphen ("drought-affected people"), a condition's acronym ("SAM children"), a ranking ("priority
        districts").
        A nationality noun keeps its own words ("East Timorese")."""
        token = word[-1]
        if len(word) == 1 and token.lower_ in self.words["ranking_modifiers"]:
            return True  # "six priority townships": which townships, not a kind of them
        if len(word) > 1:
            kinds = self.words["classifying_modifiers"]
            joined = "".join(t.lower_ for t in word)
            cause = self._cause_word(token) or token.tag_ == "VBG"  # "-affected", "-insecure", "pre-existing"
            return cause and token.lower_ not in kinds and joined not in kinds
        if token.ent_type_ == "NORP" and head[-1].tag_ == "NNPS" and head[-1].ent_type_ != "NORP":
            return True  # "five European National Societies": where they are, before the title-case plural
        if head[-1].ent_type_ == "NORP" or head[-1].tag_ in {"NNP", "NNPS"}:
            return False
        if token.tag_ == "NNP" and token.is_title and head[-1].lower_ in self.words["member_nouns"]:
            return True  # "120 Red Cross volunteers": the organisation they serve
        if token.ent_type_ == "GPE" and token.is_title and head[-1].is_lower:
            return True  # "5.7 million Palestine refugees": where they are from, as a nationality says
        if token.is_upper and token.lower_ in self.words["descriptive_acronyms"]:
            return True  # "SAM children": a condition of the children
        return token.ent_type_ == "NORP" or (token.ent_type_ == "ORG" and token.is_upper and len(token) > 1)

    def _cause_word(self, token: Token) -> bool:
        """The end of a compound that says what befell the counted thing: "-affected", "-insecure"; not a kind
        ("war-wounded", "-headed") and not "child-friendly"."""
        participle = token.tag_ == "VBN" or token.lower_.endswith("ed")
        cause = participle or token.lower_ in self.words["cause_words"]
        return cause and token.lower_ not in self.words["classifying_modifiers"]

    def _unhyphenated_cause(self, noun: list[Token], modifier: list[Token]) -> bool:
        """ "flood affected", "conflict affected", "food insecure": a common noun and the word that says what
        befell the counted thing, a cause written without its hyphen."""
        if len(noun) != 1 or len(modifier) != 1 or noun[0].tag_ not in {"NN", "NNS"}:
            return False
        joined = noun[0].lower_ + "-" + modifier[0].lower_
        return self._cause_word(modifier[0]) and joined not in self.words["classifying_modifiers"]

    def _noun_or_modifier(self, word: list[Token]) -> bool:
        if any(t.lower_ in self.words["months"] or t.ent_type_ in _DATE_LABELS - {"DATE"} for t in word):
            return False
        if len(word) > 1:
            return _is_noun(word) or word[-1].tag_ in _NOUN_TAGS | _MODIFIER_TAGS | {"RP", "VB"}
        token = word[0]
        if _plural_after_acronym(token) or _plural_before_verb(token):
            return True
        if _degree_adverb(token) and token.i + 1 < len(token.doc):
            # "severely malnourished", "most vulnerable", "severely food-insecure" (the hyphenated word's last part)
            following = _hyphenated(token.doc, token.i + 1)
            return following[-1].tag_ in _MODIFIER_TAGS or (len(following) > 1 and following[-1].tag_ in _NOUN_TAGS)
        return any(c.isalpha() for c in token.text) and (
            token.tag_ in _NOUN_TAGS | _MODIFIER_TAGS or token.lower_ in self.words["classifying_modifiers"]
        )

    def _clause_verb(self, word: list[Token]) -> bool:
        """A participle heading a clause: "households receiving kits", "seven in ten said prices rose", "226,000
        assisted following natural disasters" (a participle before one used as a preposition)."""
        token = word[0]
        prepositional = self.words["prepositional_participles"]
        if len(word) != 1:
            return False
        if token.lower_ in prepositional:
            return True  # "70,000 volunteers including CPP volunteers": what the count includes, not its noun
        if token.tag_ not in {"VBG", "VBN", "VBD"}:
            return False
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ in prepositional:
            return True  # "226,000 assisted following natural disasters"
        kind = token.lower_ in self.words["classifying_modifiers"]
        return token.tag_ != "VBD" and token.dep_ in _CLAUSE_DEPS and not kind

    def _classifying(self, token: Token, head: Token | None = None) -> bool:
        """A leading word kept in the unit: a noun, or a modifier that names a kind ("displaced", "primary"), or a
        capitalised word of a proper name ("East Timorese")."""
        if head is not None and token.is_title and head.tag_ in {"NNP", "NNPS"}:
            return True
        return token.tag_ not in _MODIFIER_TAGS | _ADVERB_TAGS or token.lower_ in self.words["classifying_modifiers"]


_MAX_MODIFIER_LIST = 10  # tokens of a serial list of modifiers after its first one


def _shared_head(doc: Doc, first: list[Token], index: int) -> list[Token]:
    """ "300 water, health, agricultural and veterinary projects": a singular first word, then a list of modifiers
    in lower case ending "and <modifier> <plural noun>", modify that noun, which is what is counted (the plural head
    alone); [] when the list is no such thing."""
    if len(first) != 1 or first[0].tag_ != "NN":
        return []
    joined = False
    for i in range(index, min(len(doc), index + _MAX_MODIFIER_LIST)):
        token = doc[i]
        if token.text == "," or token.lower_ in _CONJUNCTIONS:
            joined = joined or token.lower_ in _CONJUNCTIONS
            continue
        if not (token.is_alpha and token.is_lower):
            return []
        if token.tag_ in {"NNS", "NNPS"}:
            after = doc[i + 1] if i + 1 < len(doc) else None
            ends = after is None or not (after.is_alpha and after.tag_ in _NOUN_TAGS)
            return [token] if joined and ends and doc[i - 1].lower_ not in _CONJUNCTIONS else []
        if token.tag_ not in {"NN", "JJ"}:
            return []
    return []


def _coordinates_modifiers(doc: Doc, words: list[list[Token]], word: list[Token]) -> bool:
    """ "and"/"or" between modifiers before their noun: "prosthetic and orthotic devices", "primary and secondary
    schools". After a noun, a conjunction joins nouns instead, which _counted_noun handles."""
    if not words or len(word) != 1 or word[0].lower_ not in _CONJUNCTIONS or any(_is_noun(w) for w in words):
        return False
    following = word[0].i + 1
    return following < len(doc) and doc[following].tag_ in _MODIFIER_TAGS


def _degree_adverb(token: Token) -> bool:
    """An adverb that grades the adjective after it: "severely", "most", "very"."""
    return token.tag_ in _ADVERB_TAGS and (token.lower_.endswith("ly") or token.lower_ in _DEGREE_ADVERBS)


@cache
def _aliases() -> dict[str, str]:
    return load_json("units.json")["unit_aliases"]


def _lower_text(tokens: list[Token]) -> str:
    doc = tokens[0].doc
    return doc[tokens[0].i : tokens[-1].i + 1].text.lower()


def _unit_alias(doc: Doc, text: str, first: Token) -> list[Token] | None:
    """The tokens of a long name that reports shorten to a unit of their own (resources/units.json)."""
    for name in _aliases():
        end = first.idx + len(name)
        if text[first.idx : end].lower() == name and (end == len(text) or not text[end].isalnum()):
            last = first.i
            while last + 1 < len(doc) and doc[last + 1].idx < end:
                last += 1
            return list(doc[first.i : last + 1])
    return None


def _names_a_place(tokens: list[Token]) -> bool:
    """ "Lebanon 1 in 8 Aruba 1 in 6": a name after a share, with the next share after it, is the label of the next
    row, not a population ("one in four Syrians" counts a people)."""
    doc = tokens[0].doc
    after = tokens[-1].i + 1
    followed = after < len(doc) and doc[after].like_num
    return followed and all(t.tag_ == "NNP" or t.ent_type_ in _PLACE_LABELS for t in tokens)


_MAX_BRACKET_TOKENS = 10
_PERCENT_OPENINGS = ("%", " %", " per cent", " percent")


def _past_the_whole(doc: Doc, index: int) -> int:
    """After a share's "of", the token past a determiner and the whole's own number ("the 30,000", "the 2.4
    million"), where the counted noun starts; `index` itself when no number follows a determiner."""
    if index + 1 >= len(doc) or doc[index].tag_ != "DT" or not doc[index + 1].like_num:
        return index
    after = index + 1
    while after < len(doc) and (doc[after].like_num or doc[after].lower_ in lexicon().scales):
        after += 1
    return after if after < len(doc) else index


def _capitals_unit(doc: Doc, index: int) -> tuple[list[Token], str] | None:
    """A key figure's label in capitals ("82.4 MILLION FORCIBLY DISPLACED WORLDWIDE", "3.7 MILLION REFUGEES
    HOSTED IN TURKEY", "20 NEW DISPLACEMENTS EVERY MINUTE"), which the tagger reads as a run of names: its words
    up to the first participle, function word or plural, in lower case; a participle said of people
    ("DISPLACED", "NEWLY DISPLACED") counts people. One word in capitals may be an acronym: no label."""
    run = []
    while index + len(run) < len(doc) and len(run) < _MAX_UNIT_TOKENS:
        token = doc[index + len(run)]
        if not (token.is_alpha and token.is_upper and len(token.text) > 1):
            break
        run.append(token)
    if len(run) < 2:
        return None
    people = implied.people_words()
    kept: list[Token] = []
    for position, token in enumerate(run):
        word = token.lower_
        following = run[position + 1].lower_ if position + 1 < len(run) else ""
        if word.endswith("ly") and following.endswith(("ed", "ing")):
            if kept:
                break  # "5,000 PEOPLE NEWLY DISPLACED": the adverb opens the participle said of them
            continue  # "FORCIBLY", "NEWLY": how they were displaced
        if not kept and word.endswith("ly"):
            continue
        if not kept and word in people:
            return [token], implied.PEOPLE
        if token.is_stop or word.endswith(("ed", "ing")):
            break
        kept.append(token)
        if word.endswith("s") and len(word) > 3:
            break  # the plural head: "REFUGEES", "DISPLACEMENTS"
    return (kept, " ".join(t.lower_ for t in kept)) if kept else None


_MAGNITUDE_NUMBER = re.compile(r"\d\.\d\s?M")


def _quake_magnitude(doc: Doc, text: str, figure: Figure) -> Figure | None:
    """ "A 6.4M earthquake", "aftershocks with a magnitude up to 5.4M": in a sentence about an earthquake, one
    decimal and a capital M is a magnitude on the Richter scale, not millions."""
    if figure.kind is not Kind.COUNT or not _MAGNITUDE_NUMBER.fullmatch(text, figure.number_start, figure.number_end):
        return None
    number = _char_span(doc, figure.number_start, figure.number_end)
    if number is None or not doc.has_annotation("SENT_START"):
        return None
    cues = frozenset(load_json("units.json")["magnitude_cues"])
    if not any(t.lower_ in cues for t in number.sent):
        return None
    scale = 1_000_000
    bounds = (figure.low, figure.high, figure.value)
    low, high, value = (None if v is None else as_number(round(v / scale, 6)) for v in bounds)
    return replace(figure, value=value, low=low, high=high, kind=Kind.MEASURE, unit="magnitude")


def _hyphenated(doc: Doc, index: int) -> list[Token]:
    """The tokens of the word at `index`: "health-care" is three tokens with no space around the hyphens, as
    "brick/block" is with its slash ("five brick/block latrines")."""
    end = index + 1
    while (
        end + 1 < len(doc)
        and (doc[end].text in _HYPHENS or (doc[end].text == "/" and _slash_between_nouns(doc, end)))
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and doc[end - 1].is_alpha
    ):
        end += 2
    return list(doc[index:end])


def _slash_between_nouns(doc: Doc, index: int) -> bool:
    """ "brick/block", "water/sanitation": a slash between two common nouns in the singular joins one word; before
    a participle or a plural it is a label's second name ("minors/separated children"), read apart."""
    return doc[index - 1].tag_ == "NN" and doc[index + 1].tag_ == "NN"


def _is_noun(word: list[Token]) -> bool:
    return word[-1].tag_ in _NOUN_TAGS or _plural_after_acronym(word[-1]) or _plural_before_verb(word[-1])


_VERB_TAGS = {"VBD", "VBN", "VBZ", "VBP", "MD"}


def _plural_before_verb(token: Token) -> bool:
    """ "in 30 contexts benefited from": a plural right after a number that the tagger read as a verb, though the
    verb of its clause follows it."""
    doc = token.doc
    return (
        token.tag_ in ("VBD", "VBZ")
        and token.is_lower
        and not token.is_stop  # "2022 has been": an auxiliary
        and token.lower_.endswith("s")
        and token.i >= 1
        and doc[token.i - 1].tag_ == "CD"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].tag_ in _VERB_TAGS
    )


_OBJECT_OPENING_TAGS = {"DT", "CD", "PRP", "PRP$", "JJ", "JJR", "JJS"} | _NOUN_TAGS


def _plural_after_acronym(token: Token) -> bool:
    """ "three WHO regions": a plural after a counted acronym that the tagger read as the acronym's verb ("WHO
    regions" as "WHO runs"); no verb, since nothing follows it that could be its object."""
    doc = token.doc
    if token.tag_ != "VBZ" or not token.is_lower or not token.lower_.endswith("s") or token.i < 2:
        return False
    acronym = doc[token.i - 1]
    if not (acronym.is_upper and acronym.is_alpha and len(acronym) > 1 and doc[acronym.i - 1].like_num):
        return False
    return token.i + 1 >= len(doc) or doc[token.i + 1].tag_ not in _OBJECT_OPENING_TAGS


def _cut_after_plural(words: list[list[Token]]) -> None:
    """A plural noun does not modify a singular one ("household kits", never "households kits"): in "families
    lack shelter" the tagger took the verb for a noun, and the counted noun ends at "families"."""
    if not words or words[-1][-1].tag_ != "NN":
        return
    plural = [i for i, word in enumerate(words[:-1]) if word[-1].tag_ == "NNS"]
    if plural:
        del words[plural[-1] + 1 :]


def _repeats_vague_word(text: str, figure: Figure) -> bool:
    """ "Millions and millions of people": a vague word said again after "and", for emphasis, is the same amount."""
    if figure.qualifier is not Qualifier.VAGUE:
        return False
    word = re.escape(text[figure.number_start : figure.number_end])
    before = text[max(0, figure.number_start - 40) : figure.number_start]
    return re.search(rf"(?<![\w-]){word}\s+and\s+\Z", before, re.IGNORECASE) is not None


def _past_repeats(doc: Doc, index: int, word: str) -> int:
    """The token after the repeats of a vague word ("and millions and millions") starting at `index`."""
    while index + 2 < len(doc) and doc[index].lower_ == "and" and doc[index + 1].lower_ == word.lower():
        index += 2
    return index


def _bare_plural_at(doc: Doc, index: int) -> bool:
    """A plural common noun with no determiner at `index`: the counted noun of "10,000 of volunteers"."""
    return index < len(doc) and doc[index].tag_ == "NNS" and doc[index].is_lower


def _cut_before_name(words: list[list[Token]]) -> None:
    """A lower-case plural noun is a whole counted noun; a capitalised word after it, or after the lower-case
    adjectives that follow it, opens a name, a heading or the next field of a text whose punctuation or line
    breaks were lost ("2,400 people Danish Red Cross partners", "Four people dead INDIA Cyclone Titli", "25,455 mt
    Cost (United States dollars)"): cut there."""
    for i, word in enumerate(words[:-1]):
        token = word[-1]
        if token.tag_ not in ("NNS", "NNP") or not token.is_lower:  # a lower-case "NNP": a symbol such as "mt"
            continue
        following = i + 1
        while following < len(words) - 1 and _lower_adjective(words[following]):
            following += 1
        if words[following][0].text[:1].isupper():
            del words[i + 1 :]
            return


def _lower_adjective(word: list[Token]) -> bool:
    return len(word) == 1 and word[0].is_lower and word[0].pos_ == "ADJ"


def _ends_row(doc: Doc, figure: Figure) -> bool:
    """A figure alone in the last cell of a table row: after a cell separator, before the next cell or row
    ("Detainees visited | 3,450 Water points repaired | 45"); "Total | 1,200 households" names its own noun."""
    first = _token_at_or_after(doc, figure.start)
    if first is None or first == 0 or doc[first - 1].text not in _CELL_SEPARATORS:
        return False
    after = _token_at_or_after(doc, figure.end)
    if after is None or doc[after].is_space or doc[after].text in _CELL_SEPARATORS | _ROW_ENDS:
        return True  # "People in need: 2.1 million."
    return doc[after].is_title


def _slashed(reader: QuantityRecognizer, doc: Doc, index: int, end: int) -> list[Token]:
    """The second name of a label's noun written with a slash: "minors/separated children" (tokens up to `end`)."""
    if index + 1 >= end or doc[index].text != "/" or doc[index].whitespace_ or doc[index - 1].whitespace_:
        return []
    run = reader._noun_run(doc, index + 1, trim_leading=False)
    return [doc[index], *run] if run and run[0].i == index + 1 and run[-1].i < end else []


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


_SHARE_PRONOUNS = frozenset({"them", "which", "those", "these", "whom"})
_TIME_DETERMINERS = frozenset({"this", "last", "next", "that"})


def _time_adverbial_at(doc: Doc, index: int, time_words: frozenset[str]) -> bool:
    """ "35 million last year", "300 this month": a determiner and a time word after a number say when, not what
    the number counts."""
    return index + 1 < len(doc) and doc[index].lower_ in _TIME_DETERMINERS and doc[index + 1].lower_ in time_words


_ITEM_BULLETS = frozenset("•▪●◦■")


def _bullet_at(doc: Doc, index: int) -> bool:
    """Whether the token at `index` is a list item's bullet."""
    return 0 <= index < len(doc) and doc[index].text in _ITEM_BULLETS


def _ends_line(doc: Doc, index: int) -> bool:
    """Whether the token at `index` (the one after a figure) ends the line: a line break, or the end of the text."""
    return index >= len(doc) or (doc[index].is_space and "\n" in doc[index].text)


def _capitalised(token: Token) -> bool:
    return token.text[:1].isupper()


_CAMEL = re.compile(r"(?<=[a-z])[A-Z](?=[A-Za-z])")


def _label_text(tokens: list[Token]) -> str:
    """A label's words as written, from the inner capital of a first word glued to the cell before it by a PDF
    copy ("HealthHealth centres" gives "Health centres")."""
    doc = tokens[0].doc
    begin = tokens[0].idx + (_capital_at(tokens[0]) or 0)
    return doc_text(doc)[begin : tokens[-1].idx + len(tokens[-1])]


def _capital_at(token: Token) -> int | None:
    """Where a label starts in a word: 0 for a capitalised word, the offset of its last inner capital for a word
    glued to the one before it by a PDF copy ("linksRCMs": 5), None for a word in lower case."""
    inner = [m.start() for m in _CAMEL.finditer(token.text)]
    if inner:
        return inner[-1]
    return 0 if _capitalised(token) else None


def _in_cell_run(doc: Doc, figure: Figure) -> bool:
    """Whether the figure is one of a run of bare cells of a flattened table row (parsing/layout.py)."""
    number = _char_span(doc, figure.number_start, figure.number_end)
    return number is not None and len(number) == 1 and layout.in_cell_run(doc, number.start)


def _opens_cell(doc: Doc, index: int, start: int) -> bool:
    """Whether a label cell starts at token `index` of a label that starts at `start`: its first word, a word
    glued to the one before it ("linksRCMs"), or a capitalised word after a word in lower case ("Food consumption
    Beneficiaries": the cell naming what is counted). A word of a label in title case ("Involuntary Relocated
    Persons") opens no cell of its own."""
    token = doc[index]
    if not token.is_alpha or (at := _capital_at(token)) is None:
        return False
    if index == start or at > 0:
        return True
    before = doc[index - 1]
    return before.is_alpha and before.text[:1].islower()


def _footnote_stars(doc: Doc, index: int, end: int) -> bool:
    """Whether the token at `index` is a footnote's asterisks written against the figure ending at `end`."""
    token = doc[index]
    return token.idx == end and set(token.text) == {"*"} and len(token.text) <= 3


_BRACKETED_DIGITS = re.compile(r"[ \t]*\(\s*([\d,.]+)\s*\)")


def _restated_digits(text: str, position: int) -> tuple[float, int] | None:
    """The value of the digits in brackets at `position` ("five (5)", "twelve (12) staff") and where they start."""
    match = _BRACKETED_DIGITS.match(text, position)
    if match is None:
        return None
    try:
        return float(match.group(1).replace(",", "")), match.start(1)
    except ValueError:
        return None


def _restates(text: str, word: Quantity, figure: Figure) -> bool:
    """Whether `figure` is the bracketed digits right after the word number `word` that give its value again, as
    legal and formal reports write numbers ("five (5) people"): one figure, not two."""
    if word.value is None or text[word.number_start : word.number_end][:1].isdigit():
        return False
    return _restated_digits(text, word.number_end) == (word.value, figure.number_start)


def _restating_bracket(doc: Doc, index: int, figure: Figure) -> bool:
    """Whether the tokens at `index` are the bracket of digits that restate the word figure before them."""
    if index + 2 >= len(doc) or doc[index].text != "(" or doc[index + 2].text != ")":
        return False
    restated = _restated_digits(doc_text(doc), doc[index].idx)
    return figure.value is not None and restated is not None and restated[0] == figure.value


def _bracketed_before_noun(doc: Doc, close: int) -> bool:
    """Whether the figure before the bracket closing at token `close` stands alone in brackets before its noun, as
    some reports write every figure ("distributed (7) tons to (58224) families"): a word in lower case follows the
    bracket, and no noun stands before it (a noun before is the one counted: "returnees (120,500)")."""
    if doc[close].text != ")" or close + 1 >= len(doc) or not doc[close + 1].is_lower or close < 3:
        return False  # "(1) Shelter (2) Health": numbered headings, no count
    opening = close - 2 if doc[close - 2].text == "(" else None
    if opening is None or not doc[close - 1].like_num or opening == 0:
        return False
    return doc[opening - 1].tag_ not in {"NN", "NNS", "NNP", "NNPS"} and doc[opening - 1].pos_ != "PROPN"


def _past_a_share_in_brackets(doc: Doc, opening: int) -> int | None:
    """The token after a bracket that opens right after the figure and holds its share of a target ("(89% of the
    people targeted)", "(60 per cent)"), when a word in lower case follows the bracket: where the noun is."""
    if doc[opening].text != "(":
        return None
    close = next((t.i for t in doc[opening + 1 : opening + _MAX_BRACKET_TOKENS] if t.text in ")("), None)
    if close is None or doc[close].text != ")" or close + 1 >= len(doc) or not doc[close + 1].is_lower:
        return None
    inside = doc[opening + 1 : close].text.lower()
    number = doc[opening + 1]
    share = number.like_num and any(inside.startswith(number.lower_ + p) for p in _PERCENT_OPENINGS)
    return close + 1 if share else None


def _glued_to_label(doc: Doc, index: int) -> bool:
    """Whether the token at `index` is a capitalised word written against the number before it ("840PEOPLE",
    "4,297People"): a table flattened from PDF, whose next row's label it is."""
    return (
        0 < index < len(doc)
        and not doc[index - 1].whitespace_
        and doc[index - 1].like_num
        and doc[index].is_alpha
        and doc[index].text[:1].isupper()
    )


_FOOTNOTE_MARKER = re.compile(r"(?<=[a-z]{3})\d{1,2}\Z")


# the closing bracket of an aside and a note marker glued to it: "6.5 million people (2.5 million children)i are"
_BRACKET_MARKER = re.compile(r"(?<=[a-z]{3})\)[ivx\d*]{0,4}\Z")


def _without_footnote_marker(unit: str | None) -> str | None:
    """A counted noun without the footnote number a PDF copy glues to it ("internally displaced people1"), nor
    the bracket closing an aside with its marker ("children)i")."""
    if not unit:
        return unit
    if "(" not in unit:
        unit = _BRACKET_MARKER.sub("", unit)
    return _FOOTNOTE_MARKER.sub("", unit)


def _in_label(token: Token) -> bool:
    return (
        not token.is_space
        and token.text not in _CELL_SEPARATORS
        and not token.like_num
        and (not token.is_punct or token.text in _HYPHENS)
    )


def _label_noun_before(doc: Doc, index: int) -> list[Token] | None:
    """The noun of the row label ending before token `index`, past its participle: "Health centres supported
    (Structures)" -> "Health centres", "Hospitals supported" -> "Hospitals"; None when no plural noun ends it."""
    end = index - 1
    while end >= 0 and doc[end].tag_ in {"VBN", "VBD"}:
        end -= 1
    if end < 0 or not _plural(doc[end]):
        return None
    start = end
    while (
        start > 0
        and not doc[start].text[:1].isupper()
        and doc[start - 1].is_alpha
        and doc[start - 1].pos_
        in {
            "NOUN",
            "PROPN",
        }
    ):
        start -= 1  # "Health centres": back to the label's capitalised first word
    if not doc[start].text[:1].isupper():
        return None
    return list(doc[start : end + 1])


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


def _without_title_participles(run: list[Token]) -> list[Token]:
    """ "Over 69,000 Migrants Assisted to Return Home": in a headline written in title case, a capitalised word in
    -ed after a plural noun is the headline's verb, not part of the counted noun."""
    while len(run) > 1 and run[-1].text[:1].isupper() and run[-1].lower_.endswith("ed") and _plural(run[-2]):
        run = run[:-1]
    return run


def _plural(noun: Token) -> bool:
    """A counted noun: plural, and not a place or a person ("Kabul | 1,200" gives no unit)."""
    if noun.ent_type_ in _NAME_LABELS:
        return False
    return noun.tag_ in {"NNS", "NNPS"} or "Plur" in noun.morph.get("Number") or noun.lower_.endswith("s")


def _word_fraction(figure: Figure) -> bool:
    return figure.is_word and figure.value is not None and not float(figure.value).is_integer()


def _report_rate(text: str) -> bool:
    """Whether `text`, its spaces removed, is a rate reports write with a name of its own ("km/ hour": km/h)."""
    return "/" in text and "".join(text.split()).lower() in _rate_names()


@cache
def _rate_names() -> frozenset[str]:
    return frozenset(k.lower() for k in load_json("numbers.json")["measure_unit_names"] if "/" in k)


_POPULATION = "population"
_ONE_IN = re.compile(r"\S+\s+in\s+\S+", re.IGNORECASE)


def _one_in(text: str, figure: Figure) -> bool:
    """A share written "X in Y" ("1 in 6", "one in four"), not a fraction ("a third", "half")."""
    return _ONE_IN.fullmatch(text, figure.number_start, figure.number_end) is not None


_STANDS_ALONE = re.compile(r"[ \t]*(?:\)|\n|\Z)")


def _stands_alone(text: str, end: int) -> bool:
    """Whether a figure ending at `end` ends its line or its bracket: a key figure or a bracketed share."""
    return _STANDS_ALONE.match(text, end) is not None


def _is_share(text: str, figure: Figure) -> bool:
    """A fraction below one written as a fraction ("a third", "two-thirds", "1/4", "¾"), with no unit of measure:
    a share of something, which must not be summed with counts. A decimal ("0.5") says nothing of the kind."""
    if figure.value is None or not 0 < figure.value < 1:
        return False
    surface = text[figure.number_start : figure.number_end]
    return figure.is_word or "/" in surface or any(unicodedata.numeric(c, 0) for c in surface if not c.isascii())


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


def _quantity(text: str, figure: Figure) -> Quantity:
    return Quantity(
        number=text[figure.number_start : figure.number_end],
        value=figure.value,
        low=figure.low,
        high=figure.high,
        qualifier=figure.qualifier,
        kind=figure.kind,
        unit=_without_footnote_marker(figure.unit) if figure.kind is Kind.COUNT else figure.unit,
        start=figure.start,
        end=figure.end,
        number_start=figure.number_start,
        number_end=figure.number_end,
    )


_MIN_MISSPELT_MONTH = 6  # long month names only: "Marches", "Mayor", "Junior" are words of their own
_MAX_SLIPS = 2


def _misspelt_month(word: str, months: frozenset[str]) -> bool:
    """A month name with a slip or two of typing, same first three letters ("decemeber", "febuary", "novmber")."""
    if len(word) < _MIN_MISSPELT_MONTH or word in months or word[:-1] in months or not word.isalpha():
        return False
    return any(
        len(month) >= _MIN_MISSPELT_MONTH and month[:3] == word[:3] and _edit_distance(word, month) <= _MAX_SLIPS
        for month in months
    )


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


_GROUPED = re.compile(r"\d[,\u202f]\d{3}\b")
_UNALIGNED = Rejection("unaligned", "no-token-span")


def _rejected_spans(doc: Doc, rejected: list[tuple[int, int, Rejection]]) -> list[Span]:
    """One span per rejected number (its tokens), in text order, carrying its reason and rule as a plain dict."""
    spans = []
    for start, end, rejection in sorted(rejected, key=lambda r: (r[0], r[1])):
        span = _char_span(doc, start, end)
        if span is not None:
            span._.rejection = rejection.as_dict()
            spans.append(span)
    return spans


_PRONOUNS_AFTER_OF = frozenset({"them", "us", "you", "those", "these", "which", "whom"})
_AGE_BEFORE = re.compile(r"(?<![\w-])(?:aged|ages?(?:\s+of)?)\s+\Z", re.IGNORECASE)
_PER = re.compile(r"\s*/|\s+per\s|\s+(?:squared|cubed)\b", re.IGNORECASE)
_WORD_AFTER = re.compile(r"\s+([A-Za-z]+)\b")
_COMPOUND_GAP = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)


@dataclass(slots=True)
class _Found:
    span: Span
    quantity: Quantity
    subject: str | None


# between a hedged count and the next item of a list of the same noun: no sentence end, then a comma or "and"
# ("an estimated 2,592 individuals affected in A, 8,655 individuals (1,909 households) in B and 780 individuals in C")
_NEXT_ITEM_GAP = re.compile(r"[^.;:!?]*(?:,|\band)\s+")
_FINITE_AUXILIARY = re.compile(r"\b(?:has|have|had|is|are|was|were|will|would)\b", re.IGNORECASE)


def _hedges_carried(text: str, found: list[_Found]) -> list[_Found]:
    """An approximate count's hedge carried to the later items of its list that count the same noun, past figures
    of other nouns between them ("across five locations"). A count restating it in brackets keeps its own reading
    ("some 2,740 families (13,700 beneficiaries)": dev gold reads the bracketed count as exact)."""
    out: list[_Found] = []
    anchor: Quantity | None = None  # the last count hedged in its own words
    for read in found:
        quantity = read.quantity
        if anchor is not None and _next_item(text, anchor, quantity) and not _own_clause(text, anchor, read):
            high = quantity.value if anchor.high is not None and anchor.low is None else None
            quantity = quantity.model_copy(update={"qualifier": anchor.qualifier, "low": None, "high": high})
            read = replace(read, quantity=quantity)
        elif quantity.qualifier is Qualifier.APPROXIMATE and quantity.kind is Kind.COUNT:
            anchor = quantity
        out.append(read)
    return out


# a row of a breakdown by place: a label in capitals and a colon before the count ("JORDAN: 473,587", "SOUTH
# SUDAN: 2,100 returnees")
_CAPITALS_ROW_LABEL = re.compile(r"(?:\A|[\s(])[A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+)*:[ \t]*\Z")
_MIN_SIBLING_ROWS = 3


def _sibling_row_units(text: str, found: list[_Found]) -> list[_Found]:
    """A breakdown's rows that name no noun take the one their sibling rows name: "JORDAN: 473,587 including those
    awaiting registration LEBANON: 470,457 registered ... IRAQ: 147,464 registered refugees EGYPT: 66,922 registered
    refugees" counts refugees in each row. Three rows or more, each a count after a label in capitals and a colon,
    and every row that names a noun names the same one."""
    rows = [
        i
        for i, read in enumerate(found)
        if read.quantity.kind is Kind.COUNT
        and read.quantity.start == read.quantity.number_start
        and _CAPITALS_ROW_LABEL.search(text, max(0, read.quantity.start - 40), read.quantity.start)
    ]
    if len(rows) < _MIN_SIBLING_ROWS:
        return found
    units = {found[i].quantity.unit.casefold() for i in rows if found[i].quantity.unit}
    if len(units) != 1:
        return found
    unit = next(found[i].quantity.unit for i in rows if found[i].quantity.unit)
    out = list(found)
    for i in rows:
        if out[i].quantity.unit is None:
            out[i] = replace(out[i], quantity=out[i].quantity.model_copy(update={"unit": unit}))
    return out


def _as_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def _written_after(text: str, quantity: Quantity) -> bool:
    unit = quantity.unit or ""
    return text[quantity.number_end : quantity.end].lstrip().casefold().startswith(unit.casefold())


def _next_item(text: str, anchor: Quantity, quantity: Quantity) -> bool:
    return (
        quantity.qualifier is Qualifier.EXACT
        and quantity.kind is Kind.COUNT
        and quantity.value is not None
        and quantity.unit is not None
        and quantity.unit == anchor.unit
        and _written_after(text, quantity)  # "and 20 injured": a noun implied, a clause of its own
        and _NEXT_ITEM_GAP.fullmatch(text, anchor.end, quantity.start) is not None
    )


def _own_clause(text: str, anchor: Quantity, read: _Found) -> bool:
    """ "an estimated 5.7 children has been disrupted and 1.5 million children face ...": a finite verb said of the
    hedged count closes its clause, and the next count is the subject of a verb of its own, with its own reading;
    "some 300 were killed in A and 200 people in B" shares the verb and the hedge."""
    if _FINITE_AUXILIARY.search(text, anchor.end, read.quantity.start) is None:
        return False
    doc = read.span.doc
    return read.span.end < len(doc) and doc[read.span.end].tag_ in {"VBP", "VBZ", "VBD", "MD"}


def _compound_amounts(doc: Doc, text: str, found: list[_Found]) -> list[_Found]:
    """ "5 ft 2 in", "5 feet and 2 inches", "3 hours 20 minutes": one amount in the larger unit."""
    out: list[_Found] = []
    for read in found:
        previous = out[-1].quantity if out else None
        if previous is not None and (merged := _compound(text, previous, read.quantity)) is not None:
            joined = _char_span(doc, merged.start, merged.end)
            if joined is not None:
                out[-1] = _Found(joined, merged, None)
                continue
        out.append(read)
    return out


def _compound(text: str, big: Quantity, small: Quantity) -> Quantity | None:
    if (
        big.kind not in (Kind.MEASURE, Kind.DURATION)
        or big.qualifier is not Qualifier.EXACT
        or small.qualifier is not Qualifier.EXACT
        or big.value is None
        or small.value is None
        or big.unit is None
        or not _COMPOUND_GAP.fullmatch(text[big.end : small.start])
    ):
        return None
    unit, end = small.unit, small.end
    if small.kind is Kind.COUNT and small.unit is None and (word := _WORD_AFTER.match(text, small.end)):
        unit, end = word.group(1), word.end()  # "5 ft 2 in": after feet, "in" is inches
    per = parts_per(big.unit, unit) if unit else None
    if per is None or not 0 <= small.value < per:
        return None
    value = as_number(round(big.value + small.value / per, 6))
    return big.model_copy(update={"value": value, "end": end})


def _bracketed_currency(doc: Doc, index: int) -> str | None:
    """The ISO code in brackets right after a counted noun, as a table's label gives the currency of its figures
    ("Cash grants (CHF) | 3.2 million", read as "3.2 million Cash grants (CHF)")."""
    if index + 2 >= len(doc) or doc[index].text != "(" or doc[index + 2].text != ")":
        return None
    code = doc[index + 1].text
    currencies = currency_table()
    return currencies.aliases.get(code, code) if code in currencies.codes else None


def _hyphen_at(doc: Doc, index: int, char: int) -> bool:
    token = doc[index]
    return token.text == "-" and token.idx == char and index + 1 < len(doc) and doc[index + 1].idx == char + 1


def _number(figure: Figure) -> tuple[int, int]:
    return figure.number_start, figure.number_end


def _entity_at(doc: Doc, index: int) -> Span | None:
    """The entity holding token `index`, read from the IOB tags (rebuilding doc.ents per figure is quadratic)."""
    if not doc[index].ent_type_:
        return None
    start, end = index, index + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=doc[index].ent_type_)


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    # Computed once per Doc: spaCy's doc.char_span and a scan per figure made long texts quadratic.
    bounds = doc.user_data.get(_TOKEN_STARTS)
    if bounds is None:
        offsets = doc.to_array([IDX, LENGTH])  # one array copy; a Python loop over Token objects cost more
        bounds = doc.user_data[_TOKEN_STARTS] = (offsets[:, 0].tolist(), (offsets[:, 0] + offsets[:, 1]).tolist())
    return bounds


_PAIRED_TOLL_GAP = re.compile(
    r"\s+(?:(?:were|was|are|have been|had been|has been)\s+)?(\w+)"  # "killed", "were killed"
    r"\s*(?:,|and|while|with)\s*(?:another\s+|a further\s+)?",  # "and", ", a further"
    re.IGNORECASE,
)


@cache
def _collective_nouns() -> frozenset[str]:
    return frozenset(load_json("rejections.json")["collective_nouns"])


def _of_numbered_whole(doc: Doc, index: int) -> bool:
    """ "of the eight units", "of 34 provinces" at token `index`: a part's "of" before the whole's own number; not
    a number hyphenated to a noun ("five of the three-ton satellites": a size, not how many there are)."""
    if index + 2 >= len(doc) or doc[index].lower_ != "of":
        return False
    after = doc[index + 1]
    if after.lower_ == "the":
        after = doc[index + 2]
    if not after.like_num or after.i + 1 >= len(doc):
        return False
    following = doc[after.i + 1]
    hyphenated = not after.whitespace_ and following.text in {"-", "–"}
    return not following.like_num and not hyphenated


def _paired_toll(text: str, figure: Figure, previous: Sequence[Quantity]) -> str | None:
    """A toll's second count takes the first one's noun: "112 children killed and 149 injured" counts children
    (a verb said of people would give people)."""
    if not previous or previous[-1].kind is not Kind.COUNT or not previous[-1].unit:
        return None
    gap = _PAIRED_TOLL_GAP.fullmatch(text, previous[-1].end, figure.number_start)
    if gap is None or gap.group(1).lower() not in implied.people_words():
        return None
    return previous[-1].unit


_RESTATED_GAP = 30  # characters between a key figure and its restatement ("12.4 million An estimated 12.4 million")
_RESTATED_BREAK = re.compile(r"[\d.!?;:]")
_NUMBER_GOES_ON = tuple(f"{mark}{digit}" for mark in ",." for digit in "0123456789")


def _token_at_or_after(doc: Doc, char: int) -> int | None:
    starts = _token_bounds(doc)[0]
    index = bisect_left(starts, char)
    return index if index < len(starts) else None


def _of_complement(doc: Doc, index: int) -> list[Token]:
    """ "places of detention", "cases of disappearance": "of" and a bare singular noun after the counted noun
    complete it (the fuller noun phrase is what is counted); not a determiner's phrase ("families of the missing"
    keeps the subject), a longer one ("bags of rice flour") nor a disease ("cases of cholera" counts cases)."""
    if index + 1 >= len(doc) or doc[index].lower_ != "of":
        return []
    noun = doc[index + 1]
    after = doc[index + 2] if index + 2 < len(doc) else None
    if noun.tag_ != "NN" or noun.is_stop or not noun.is_alpha or noun.lower_ in _words()["disease_words"]:
        return []  # "cases of cholera" counts cases: the disease says what they are of
    if after is not None and (after.tag_ in _NOUN_TAGS or after.tag_ == "POS" or after.text in _HYPHENS):
        return []
    return [doc[index], noun]


def _char_span(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters start..end, widened to whole tokens (doc.char_span's "expand" mode)."""
    starts, ends = _token_bounds(doc)
    first = bisect_right(ends, start)  # first token ending after `start`
    last = bisect_left(starts, end)  # tokens before this one start before `end`
    return doc[first:last] if first < last else None


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
