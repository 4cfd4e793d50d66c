"""Numbers that belong to a date or a point in time: dotted and hyphenated dates, days beside a month, split
ordinals, numbers inside the model's DATE entities."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier
from extract.parsing import layout
from extract.parsing.figures import Figure
from extract.parsing.quantities.tokens import _DATE_LABELS
from extract.parsing.rejections import Rejection

_DAY = re.compile(r"(?:0?[1-9]|[12]\d|3[01])")
# a day joined by hyphens to its month and year: "10-Jul-2020"
_HYPHENATED_MONTH_YEAR = re.compile(r"-([A-Za-z]{3,9}\.?)-(?:\d{4}|\d{2})\b")
_YEAR = re.compile(r"(?:19|20)\d\d")


_MIN_MONTH_LETTERS = 3  # "Sept.", "Jan": a month's abbreviation
_ORDINAL_DAY = re.compile(r"(?:[12]?\d|3[01])(?:st|nd|rd|th)", re.IGNORECASE)


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


class DateReading:
    """The date and reference checks of `QuantityRecognizer`."""

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

    def _after_year_preposition(self, number: Span) -> bool:
        return number.start > 0 and number.doc[number.start - 1].lower_ in self.words["year_prepositions"]
