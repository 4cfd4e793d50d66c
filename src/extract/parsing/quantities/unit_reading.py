"""The unit or counted noun written after a figure: measures, currencies glued or spaced, rates, quantulum3's
units, and the fallbacks (labels, antecedents) when nothing follows."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing import implied, layout
from extract.parsing.doc_text import doc_text
from extract.parsing.figures import Figure
from extract.parsing.numbers import as_number, lexicon
from extract.parsing.quantities.introduced_lists import introduced_noun
from extract.parsing.quantities.quake_magnitudes import decimal_magnitude
from extract.parsing.quantities.ranked_parts import ranked_part_noun
from extract.parsing.quantities.tokens import (
    _CELL_SEPARATORS,
    _MAX_UNIT_TOKENS,
    _bracketed_currency,
    _char_span,
    _glued_to_label,
    _hyphenated,
    _label_text,
    _of_complement,
    _restated_digits,
    _token_at_or_after,
)
from extract.parsing.units import Unit, canonical, metres_not_millions, unit_after, unit_name
from extract.resources import load_json

_ROW_ENDS = {".", ";"}
_MAX_NAME_TAIL = 6  # tokens of a name's tail ("of Central America", "(CAR)") before the plural noun it describes


@cache
@cache
def _irregular_plurals() -> dict[str, str]:
    return dict(load_json("units.json")["irregular_plurals"])


def _plural_after_count(unit: str, figure: Figure) -> str:
    """ "68 man, 43 women": a copy's singular after a count above one, as its plural ("men"), when the noun ends the
    unit and has an irregular plural; "one man", "a 5 man team" (the noun is "team") keep their words."""
    words = unit.rsplit(" ", 1)
    plural = _irregular_plurals().get(words[-1].lower())
    if plural is None or figure.value is None or figure.value <= 1:
        return unit
    if words[-1][0].isupper():
        plural = plural.capitalize()
    return " ".join([*words[:-1], plural])


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


_MAX_BRACKET_TOKENS = 10
_PERCENT_OPENINGS = ("%", " %", " per cent", " percent")


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


def _past_repeats(doc: Doc, index: int, word: str) -> int:
    """The token after the repeats of a vague word ("and millions and millions") starting at `index`."""
    while index + 2 < len(doc) and doc[index].lower_ == "and" and doc[index + 1].lower_ == word.lower():
        index += 2
    return index


def _bare_plural_at(doc: Doc, index: int) -> bool:
    """A plural common noun with no determiner at `index`: the counted noun of "10,000 of volunteers"."""
    return index < len(doc) and doc[index].tag_ == "NNS" and doc[index].is_lower


def _ends_row(doc: Doc, figure: Figure) -> bool:
    """A figure alone in the last cell of a table row: after a cell separator, before the next cell or row
    ("Detainees visited | 3,450 Water points repaired | 45"); "Total | 1,200 households" names its own noun."""
    first = _token_at_or_after(doc, figure.start)
    if first is None or first == 0 or doc[first - 1].text not in _CELL_SEPARATORS:
        return False
    after = _token_at_or_after(doc, figure.end)
    if after is None or doc[after].is_space or doc[after].text in _CELL_SEPARATORS | _ROW_ENDS:
        return True  # "People in need: 2.1 million."
    # a capital opens the next row's label, unless it is a nationality, counted or describing the counted noun:
    # "conflict: 13 million Syrians face", "Urgent: Two Indonesian planes crash"
    # "Kenya floods: 91 Missing after dam burst": a headline's participle said of people, no label either
    return doc[after].is_title and doc[after].ent_type_ != "NORP" and not implied.said_of_people_word(doc[after])


_TIME_DETERMINERS = frozenset({"this", "last", "next", "that"})


def _time_adverbial_at(doc: Doc, index: int, time_words: frozenset[str]) -> bool:
    """ "35 million last year", "300 this month": a determiner and a time word after a number say when, not what
    the number counts."""
    return index + 1 < len(doc) and doc[index].lower_ in _TIME_DETERMINERS and doc[index + 1].lower_ in time_words


_DURATION_INCREMENTS = frozenset({"more", "further", "additional", "extra"})
_NEED_WORDS = frozenset({"need", "needs", "require", "requires"})
_PEOPLE_NEEDING_AT_LEAST = 100


def _need_verb_at(doc: Doc, index: int) -> bool:
    """Whether the word at `index`, right after a figure, is "need" used as the verb before its object ("12 million
    need aid", "300 need urgent surgery"), not a noun counted ("two need assessments")."""
    if index + 1 >= len(doc) or doc[index].lower_ not in _NEED_WORDS or not doc[index].is_lower:
        return False
    following = doc[index + 1]
    if following.lower_ in {"assessment", "assessments"}:
        return False
    return following.pos_ in {"NOUN", "ADJ", "DET", "ADV"} or following.lower_ == "to"


def _in_cell_run(doc: Doc, figure: Figure) -> bool:
    """Whether the figure is one of a run of bare cells of a flattened table row (parsing/layout.py)."""
    number = _char_span(doc, figure.number_start, figure.number_end)
    return number is not None and len(number) == 1 and layout.in_cell_run(doc, number.start)


def _footnote_stars(doc: Doc, index: int, end: int) -> bool:
    """Whether the token at `index` is a footnote's asterisks written against the figure ending at `end`."""
    token = doc[index]
    return token.idx == end and set(token.text) == {"*"} and len(token.text) <= 3


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


def _report_rate(text: str) -> bool:
    """Whether `text`, its spaces removed, is a rate reports write with a name of its own ("km/ hour": km/h)."""
    return "/" in text and "".join(text.split()).lower() in _rate_names()


@cache
def _rate_names() -> frozenset[str]:
    return frozenset(k.lower() for k in load_json("numbers.json")["measure_unit_names"] if "/" in k)


def _is_share(text: str, figure: Figure) -> bool:
    """A fraction below one written as a fraction ("a third", "two-thirds", "1/4", "¾"), with no unit of measure:
    a share of something, which must not be summed with counts. A decimal ("0.5") says nothing of the kind."""
    if figure.value is None or not 0 < figure.value < 1:
        return False
    surface = text[figure.number_start : figure.number_end]
    return figure.is_word or "/" in surface or any(unicodedata.numeric(c, 0) for c in surface if not c.isascii())


_AGE_BEFORE = re.compile(r"(?<![\w-])(?:aged|ages?(?:\s+of)?)\s+\Z", re.IGNORECASE)
_PER = re.compile(r"\s*/|\s+per\s|\s+(?:squared|cubed)\b", re.IGNORECASE)


def _hyphen_at(doc: Doc, index: int, char: int) -> bool:
    token = doc[index]
    return token.text == "-" and token.idx == char and index + 1 < len(doc) and doc[index + 1].idx == char + 1


def _number(figure: Figure) -> tuple[int, int]:
    return figure.number_start, figure.number_end


def _of_the_plural(doc: Doc, index: int) -> bool:
    """ "of the patients" at token `index`: a part's "of the" right before a plural common noun, the set a number
    word picks its part from ("Two of the patients died"); not an adjective there ("two of the largest camps")."""
    return (
        index + 2 < len(doc)
        and doc[index].lower_ == "of"
        and doc[index + 1].lower_ == "the"
        and (_bare_plural_at(doc, index + 2))
    )


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


_POINTING = frozenset({"these", "those"})


def _of_demonstrative_noun(doc: Doc, index: int) -> bool:
    """ "of these deaths", "of those shelters" at token `index`: a demonstrative and a plural noun after a number."""
    if index + 2 >= len(doc) or doc[index].lower_ != "of" or doc[index + 1].lower_ not in _POINTING:
        return False
    return doc[index + 2].tag_ == "NNS"


class UnitReading:
    """The unit and counted-noun reading of `QuantityRecognizer`."""

    def _with_unit(self, doc: Doc, text: str, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]]:
        if (magnitude := _quake_magnitude(doc, text, figure)) is not None:
            return magnitude, []
        if (sized := decimal_magnitude(doc, text, figure)) is not None:
            return sized  # "a 7.8 earthquake", "magnitude 6.6"
        if figure.kind is Kind.RATIO and figure.unit is None:
            return self._with_population(doc, figure, previous)
        if figure.kind is not Kind.COUNT:
            return figure, []
        first = _token_at_or_after(doc, figure.number_start)
        if not figure.is_word and first is not None and (listed := introduced_noun(doc, first, self._counted_noun)):
            return replace(figure, unit=listed), []  # "distributed as follows: Africa 27 Asia 14"
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
        if (
            doc[index].lower_ in _DURATION_INCREMENTS
            and index + 1 < len(doc)
            and doc[index + 1].lower_ in self.words["duration_units"]
        ):
            index += 1  # "48 more hours of rain", "two further weeks": the duration past the word of increment
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
        if _need_verb_at(doc, index):
            # "12 million need aid": "need" is the verb the tagger read as a noun; a large bare figure said to need
            # something counts people; a small one ("two need repairs") may count anything: no unit, never a wrong one
            if figure.value is not None and figure.value >= _PEOPLE_NEEDING_AT_LEAST:
                return replace(figure, unit=implied.PEOPLE), []
            return figure, []
        unit_tokens = self._counted_noun(doc, index)
        if implied.threshold(unit_tokens, _token_at_or_after(doc, figure.number_start) or 0):
            return self._implied(doc, figure, previous)  # "the one-million mark": what reaches it, else nothing
        scaled = index > 0 and doc[index - 1].lower_ in lexicon().scales  # "seven million of those people"
        # "four of her children" counts children, a number word too ("one of his friends" picks one out)
        owned = figure.value != 1 and implied.of_possessive(doc, index)
        # "three of the eight water purification units": a number word's whole in figures names what it counts
        whole = figure.value != 1 and _of_numbered_whole(doc, index)
        # "five of these deaths" counts deaths as "5 of these deaths" does ("two of these" alone is a pronoun)
        pointed = figure.value != 1 and _of_demonstrative_noun(doc, index)
        # "Two of the patients" counts patients (a number word with "one" left out: "one of the patients" picks one)
        part = figure.value != 1 and _of_the_plural(doc, index)
        read_part = scaled or owned or whole or pointed or part or not figure.is_word  # not "one of them"
        if not unit_tokens and figure.value != 1 and (ranked := ranked_part_noun(doc, index)) is not None:
            unit_tokens = self._counted_noun(doc, ranked)  # "three of the biggest donors" counts donors
        if not unit_tokens and read_part:
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
        unit = _plural_after_count(doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text, figure)
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

    def _duration_name(self, word: str, figure: Figure) -> str:
        """ "a six-month programme" counts months: the plural, as "six months" writes it."""
        plural = word + "s"
        if figure.value not in (None, 1) and plural in self.words["duration_units"]:
            return plural
        return word

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
