"""Numbers that are part of a name: series labels, numbered names and places, titles, codes, citations, years
modifying a plan or a noun."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _CITATION_REACH, _THE_BEFORE, Rejection, _cue, _pattern, _singular
from extract.parsing.rejections.page_furniture import _header_in_line
from extract.parsing.rejections.periods import _in_return_period

_SLASH_PAIR = re.compile(r"\d{1,2}/(\d{1,2})")
_COMMON_DENOMINATORS = frozenset({"2", "3", "4"})  # "1/2 ration", "a 3/4 majority": fractions even without "of"
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_SCORE = re.compile(r"(\d{1,2})\s?[-–—]\s?(\d{1,2})")  # "3-0", "2–1"
_LEADING_ZERO = re.compile(r"0\d+")  # "000015", "004": a code's digits, never an amount
# "03 shops has destructed and 03 Bridges": a count a form pads to two digits, before the plural noun it counts
_PADDED = re.compile(r"0[1-9]")
_PADDED_COUNT_AFTER = re.compile(r"[ \t]+[A-Za-z]{2,}[a-rt-z]s\b")
_CLOCK_BEFORE = re.compile(r"[:.h]\s*\Z")
_CODE_WORD = re.compile(r"[A-Z0-9]+(?:[-/_][A-Z0-9]+)+")  # "EQ-2023-000015-TUR", "MDR-TR-004"
_POSTCODE_BEFORE = re.compile(r"(?:,\s*[A-Z]{2}\s+|\b[A-Z]{1,2}-)\Z")  # "Washington, DC 20500", "CH-1211"


def _series_label(doc: Doc, index: int) -> Token | None:
    """The series label word at token `index` ("Phase", "Zones"), not a verb in lower case ("it zones 3 ...")."""
    if index < 0:
        return None
    token = doc[index]
    if _singular(token.lower_) not in _cue("series_labels"):
        return None
    return token if token.pos_ != "VERB" or token.is_title else None


# A journal reference: year; volume (issue): pages ("2010;34(3):415-9", "2019; 12:e104", "2008;5(2):112–118").
_CITATION = re.compile(r"\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*[\d–-]+\s*\))?\s*:\s*[a-z]?\d+(?:\s*[-–]\s*\d+)?")


def _slash_pair_name(text: str, figure: Figure) -> bool:
    pair = _SLASH_PAIR.fullmatch(text, figure.number_start, figure.number_end)
    if pair is None or pair.group(1) in _COMMON_DENOMINATORS:
        return False
    return _OF_AFTER.match(text, figure.number_end) is None


def _numbered_name(doc: Doc, text: str, figure: Figure, number: Span, unit_tokens: list[Token]) -> bool:
    """ "FTSE 100 education giant Pearson", "FTSE 250-listed outsourcer": a name in capitals right before a bare
    whole number, and after it a hyphenated word or a noun in the singular, which no count of two or more takes."""
    surface = text[figure.number_start : figure.number_end]
    if figure.kind is not Kind.COUNT or figure.start != figure.number_start or number.start == 0:
        return False
    if not surface.isdigit() or int(surface) < 2 or not unit_tokens:
        return False
    name = doc[number.start - 1]
    if not (name.is_alpha and name.is_upper and len(name) >= 2) or name.idx + len(name) + 1 != figure.number_start:
        return False
    head = unit_tokens[-1]
    after = text[figure.number_end : figure.number_end + 2]
    hyphenated = len(after) == 2 and after[0] == "-" and after[1].isalpha()
    singular = head.tag_ in {"NN", "NNP"} and head.lower_ not in _cue("collective_nouns")
    return hyphenated or singular


def _year_modifier(text: str, figure: Figure, unit_tokens: list[Token]) -> Rejection | None:
    """A year before a noun: "the 2020 assessment", "2015 Revision", "1929 Geneva Convention", "2023 HNO", "the
    1997 El Niño rains" (a year after "the" before a name); not a count of a plural noun ("1800 households")."""
    assert figure.unit is not None
    words = figure.unit.split()
    head = unit_tokens[-1] if unit_tokens else None
    singular = head is None or head.tag_ in {"NN", "NNP"} or words[-1].lower() in _cue("plan_words")
    if figure.unit.lower() in _cue("plan_acronyms") or (words[0][:1].isupper() and singular):
        return Rejection("name", "year-in-name")  # "1929 Geneva Convention", "2023 HNO"
    if _singular_title_after(unit_tokens):
        return Rejection("name", "year-in-name")  # "the 2022 Return and Reintegration Key Highlights"
    if _title_between_names(figure, unit_tokens):
        return Rejection("name", "year-in-title")  # "Global Humanitarian Overview 2024 Monthly Updates"
    if _titled_after_determiner(figure, unit_tokens, words):
        return Rejection("name", "year-in-title")  # "its 2021 Global Trends Reports"
    if singular:
        return Rejection("year", "year-modifier")  # "the 2020 assessment"
    if _dated_events(figure, words):
        return Rejection("year", "year-before-events")  # "the 2021 wildfires", "after the 2017 hurricanes"
    named_event = words[0][:1].isupper() and bool(unit_tokens) and unit_tokens[-1].is_lower  # not "Rohingya Refugees"
    if figure.start == figure.number_start and _THE_BEFORE.search(text, 0, figure.start) and named_event:
        return Rejection("year", "year-before-name")  # "since the 1997 El Niño rains": which rains, not how many
    return None


def _dated_events(figure: Figure, words: list[str]) -> bool:
    """A bare year (no qualifier, no comma) before a plural noun of events: which wildfires,
    not how many ("the 2021 wildfires"; "more than 2000 wildfires" is a count)."""
    exact = figure.qualifier is Qualifier.EXACT and figure.start == figure.number_start
    return exact and words[-1].lower() in _cue("year_event_plurals")


_TITLE_SMALL = frozenset({"and", "of", "the", "for", "in", "on", "to", "&"})


def _singular_title_after(unit_tokens: list[Token]) -> bool:
    """A year between "the" and a title in title case that opens with a singular noun: "the 2022 Return and
    Reintegration Key Highlights", "the 2030 Agenda"; "2000 Syrian Refugees", "1800 Family Tents" are counts."""
    words = [t for t in unit_tokens if t.is_alpha]
    if not words:
        return False
    doc = words[0].doc
    number = unit_tokens[0].i - 1
    while number >= 0 and doc[number].is_space:
        number -= 1
    return (
        number >= 1
        and doc[number - 1].lower_ == "the"
        and words[0].tag_ in {"NN", "NNP"}
        and words[0].is_title
        and all(t.is_title or t.lower_ in _TITLE_SMALL for t in words)
    )


def _title_between_names(figure: Figure, unit_tokens: list[Token]) -> bool:
    """A year inside a title in title case: a capitalised word of the title before it (not a sentence's first word)
    and the plural after it capitalised too ("Overview 2024 Monthly Updates"); "UNHCR registered 1800 Households"
    has a verb before it."""
    if not unit_tokens or not all(t.is_title for t in unit_tokens if t.is_alpha):
        return False
    doc = unit_tokens[0].doc
    before = [t for t in doc if t.idx + len(t) <= figure.number_start]
    if len(before) < 2:
        return False
    word, previous = before[-1], before[-2]
    after = unit_tokens[-1].i + 1
    if after < len(doc) and doc[after].pos_ in {"VERB", "AUX"}:
        return False  # "In Northern Kenya 1800 Households received seeds": a count, the sentence goes on
    return word.is_title and word.is_alpha and word.tag_ in {"NNP", "NN"} and previous.is_title and previous.is_alpha


_TITLE_DETERMINERS = frozenset({"the", "its", "our", "their", "this", "his", "her"})
_MIN_TITLE_WORDS = 3  # "the 2000 Rohingya Refugees" in a title-case headline stays a count


def _titled_after_determiner(figure: Figure, unit_tokens: list[Token], words: list[str]) -> bool:
    """A year after a determiner before a title in capitals, plural or not: "the 2022 Return and Reintegration
    Key Highlights", "its 2021 Global Trends Reports"; not "the 1800 Syrian refugees" (a count)."""
    if not unit_tokens:
        return False
    doc = unit_tokens[0].doc
    before = [t for t in doc[max(0, unit_tokens[0].i - 3) : unit_tokens[0].i] if t.idx < figure.number_start]
    if not before or before[-1].lower_ not in _TITLE_DETERMINERS:
        return False
    content = [w for w in words if w.lower() not in {"and", "of", "for", "the", "&", "on", "in"}]
    return len(content) >= _MIN_TITLE_WORDS and all(w[:1].isupper() for w in content)


def _code(text: str, figure: Figure, before: str) -> Rejection | None:
    """Digits of a code or an identifier: "EQ-2023-000015-TUR", "000123", a postal code "DC 20500", "CH-1211";
    a sports score "won 3-1", "a 2-0 win" (a score's first number is never below... a range's is)."""
    start, end = figure.number_start, figure.number_end
    surface = text[start:end]
    word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    word_end = re.compile(r"[^\s,;()]*").match(text, end)
    word = text[word_start : word_end.end() if word_end else end].rstrip(".:")
    padded_count = (
        _PADDED.fullmatch(surface) and _PADDED_COUNT_AFTER.match(text, end) and not _CLOCK_BEFORE.search(before)
    )
    if (_LEADING_ZERO.fullmatch(surface) and not padded_count) or (
        _CODE_WORD.fullmatch(word) and any(c.isalpha() for c in word) and any(c.isdigit() for c in word)
    ):
        return Rejection("reference", "code-digits")
    if _LONG_DIGIT_RUN.fullmatch(surface):
        return Rejection("reference", "long-digit-id")  # "201507131118080386": an image's or a record's id
    if re.fullmatch(r"\d{4,5}", surface) and _POSTCODE_BEFORE.search(before):
        return Rejection("address", "postal-code")
    if re.fullmatch(r"\d", surface) and _POSTCODE_OUTWARD.search(before) and _POSTCODE_INWARD.match(text, end):
        return Rejection("address", "postal-code-inward")  # "London SW1A 2AA", "Ottawa K1A 0B1"
    if _in_return_period(text, start, end):
        return Rejection("category label", "return-period")  # "a 1-in-100-year flood": how rare, no count
    if _in_citation(text, start, end):
        return Rejection("reference", "journal-citation")  # "World J Surg 2010;34(3):415-9": volume, issue, pages
    if score := _SCORE.fullmatch(surface):
        low, high = int(score.group(1)), int(score.group(2))
        if low >= high or _pattern("score_before").search(text, max(0, start - 30), start):
            return Rejection("score", "score")  # a range runs upward: "3-0", "2-2" are scores
    return None


# Thirteen digits or more with no group separator: an identifier (a photo's file number, a record's key), since a
# report writes amounts that large grouped ("1,200,000,000,000") or with a scale word ("1.2 trillion")
_LONG_DIGIT_RUN = re.compile(r"\d{13,}")
# A postal code of two parts (British, Canadian): the outward part before the number, letters after it.
_POSTCODE_OUTWARD = re.compile(r"(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?|[A-Z]\d[A-Z])[ \t]\Z")
_POSTCODE_INWARD = re.compile(r"(?:[A-Z]{2}|[A-Z]\d)\b")
# A journal reference: year; volume (issue): pages ("2010;34(3):415-9", "2019; 12:e104", "2008;5(2):112–118").
_CITATION = re.compile(r"\b(?:19|20)\d\d\s*;\s*\d+\s*(?:\(\s*[\d–-]+\s*\))?\s*:\s*[a-z]?\d+(?:\s*[-–]\s*\d+)?")


def _in_citation(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`-`end` is a part of a journal citation ("2010;34(3):415-9")."""
    window = max(0, start - _CITATION_REACH)
    return any(m.start() <= start and end <= m.end() for m in _CITATION.finditer(text, window, end + _CITATION_REACH))


def _name_or_place(doc: Doc, text: str, figure: Figure, number: Span, unit_tokens: list[Token]) -> Rejection | None:
    """A street number ("25 Rue de Lausanne", "1600 Pennsylvania Avenue"), a postal code or a marker before a place
    name ("1202 Geneva", "1 Russian Federation"), a number in a name ("the FTSE 100 fell")."""
    surface = text[figure.number_start : figure.number_end]
    if figure.qualifier is not Qualifier.EXACT or figure.is_word or not surface.isdigit():
        return None
    words = (figure.unit or "").split()
    streets = _cue("street_words")
    named = all(w[:1].isupper() for w in words) and bool(streets & {w.lower() for w in words})
    if words and words[0][:1].isupper() and (words[0].lower() in streets or named):
        return Rejection("address", "street-number")  # "10 Downing Street", "19 Avenue de la Paix"
    if unit_tokens and all(t.tag_ == "NNP" and t.ent_type_ in {"GPE", "LOC"} for t in unit_tokens):
        if len(surface) in (4, 5) and not figure.is_year_like:
            return Rejection("address", "postal-code")
        if len(surface) <= 2:
            return Rejection("footnote", "marker-before-place")
    if figure.unit is None and len(surface) <= 3 and _in_name(doc, number):
        return Rejection("name", "number-in-name")
    if not unit_tokens and len(surface) <= 3 and _numbered_place(doc, number):
        return Rejection("name", "numbered-place")
    if len(surface) <= 3 and _header_in_line(doc, number):
        return Rejection("page furniture", "running-header")
    return None


_NAME_OPENERS = frozenset({"(", "-", "–", "—"})
_MAX_PLACE_WORDS = 3


def _numbered_place(doc: Doc, number: Span) -> bool:
    """ "the neighborhoods of Cité Soleil 17 and ...", "(Delmas 24)", "Sylvio Cator - Delmas 28 were forced": a name
    in capitals and its number after a preposition of place, a bracket or a dash, then a closing bracket or a verb:
    a numbered place (a quarter, a camp), no count. A sentence opening with the preposition ("In Kenya 500 died")
    and a list of places and counts ("in Kasai 12, Kinshasa 4") are counts."""
    index = number.start - 1  # the name's first word is doc[index + 1]
    while index >= max(0, number.start - _MAX_PLACE_WORDS) and doc[index].is_title and doc[index].is_alpha:
        index -= 1
    if index == number.start - 1 or index < 0 or number.end >= len(doc):
        return False
    opener, after = doc[index], doc[number.end]
    if doc[index + 1].is_sent_start or (opener.is_sent_start and opener.text not in _NAME_OPENERS):
        return False
    if opener.text in _NAME_OPENERS:
        return after.text == ")" or after.pos_ in {"VERB", "AUX"}
    # "clashes in Delmas 32 displaced ...": the place names where the noun before was; "and in Uganda 40 were
    # hurt" says where the verb's count was
    in_noun = opener.head.pos_ in {"NOUN", "PROPN"} and opener.head.i < opener.i
    verb_after = in_noun and after.pos_ in {"VERB", "AUX"}
    return opener.lower_ in _cue("place_prepositions") and (after.text == ")" or verb_after)


_NAME_ENTITIES = frozenset({"PRODUCT", "LAW", "WORK_OF_ART", "EVENT", "FAC", "ORG"})
_MAX_NAME_DIGITS = 4
_YEAR_DIGITS = 4
_YEARS = (1800, 2100)


def _ends_entity_name(doc: Doc, quantity: Quantity) -> bool:
    """A bare number the entity tagger reads as the end of a name with the capitalised word before it: "a Boeing
    737", "the Windows 11 update", "iPhone 15"; not a count the tagger tells apart ("Dadaab 200 families"), nor one
    before a plural noun, which a name's number does not take ("on the M1 2 lanes were closed")."""
    surface = quantity.number
    if quantity.qualifier is not Qualifier.EXACT or not surface.isdigit() or len(surface) > _MAX_NAME_DIGITS:
        return False
    if quantity.kind is not Kind.COUNT or (len(surface) == _YEAR_DIGITS and _YEARS[0] <= int(surface) <= _YEARS[1]):
        return False  # "USD 5", "EUR 1": a currency code the tagger puts in the name; a year
    number = doc.char_span(quantity.number_start, quantity.number_end)
    if number is None or number.start == 0 or len(number) != 1:
        return False
    if quantity.unit is not None and quantity.end > quantity.number_end:
        unit_end = doc.char_span(quantity.end - 1, quantity.end, alignment_mode="expand")
        if unit_end is not None and unit_end[-1].tag_ in {"NNS", "NNPS"}:
            return False
    token, name = number[0], doc[number.start - 1]
    if token.ent_type_ not in _NAME_ENTITIES or token.ent_iob_ != "I" or name.ent_type_ != token.ent_type_:
        return False
    if number.end < len(doc) and doc[number.end].ent_iob_ == "I":
        return False  # the name goes on past the number: a flattened row "National Staff 14 International Staff"
    return name.text[:1].isalpha() and any(c.isupper() for c in name.text) and name.whitespace_ != ""


def _in_name(doc: Doc, number: Span) -> bool:
    """ "the FTSE 100 fell", "the Nikkei 225 rose": "the", a capitalised name, the number, then a verb."""
    index = number.start - 1
    while index > number.start - 3 and index >= 0 and _capitalised_name(doc[index]):
        index -= 1
    after = doc[number.end] if number.end < len(doc) else None
    return (
        index < number.start - 1
        and index >= 0
        and doc[index].lower_ == "the"
        and after is not None
        and after.pos_ in {"VERB", "AUX"}
    )


def _capitalised_name(token: Token) -> bool:
    return token.is_alpha and token.lower_ != "the" and (token.is_title or token.is_upper)


# a name in capitals and its number that a copy broke at the hyphen ("COVID-\n19", read "COVID- 19")
_BROKEN_NAME_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2,}-[ \t]*\n?[ \t]*\Z")
_NAME_NUMBER = re.compile(r"\d{1,2}")


def _broken_hyphen_name(before: str, surface: str) -> bool:
    """ "the COVID- 19 supply chain": the number of a name in capitals, split from it after the hyphen by a line
    break; "UNHCR- 20,000 refugees" (a grouped count) and "aged 5- 10" (a range) are not names."""
    return _NAME_NUMBER.fullmatch(surface) is not None and _BROKEN_NAME_BEFORE.search(before) is not None
