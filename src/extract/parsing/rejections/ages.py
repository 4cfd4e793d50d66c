"""Ages that label a group ("children under five") rather than count."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from extract.models import Kind, Qualifier
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import Rejection, _cue, _pattern
from extract.parsing.rejections.idioms import _token_before

# "in the first six months", "the first nine months of the year": the opening part of a period, when, not how long
_MAX_AGE_UNDER = 25
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+)?(?:\S+\s+(?:months?|years?)\s+(?:to|and|-)\s+)?\Z", re.IGNORECASE
)  # "aged 6-59 months", "aged between 6-59 months", "children between the ages between 1-5 years"
_AGE_UNIT = re.compile(r"\b(?:months?|years?)\b", re.IGNORECASE)
_OF_AGE = re.compile(r"\s+of\s+age\b", re.IGNORECASE)  # "below 18 years of age"
_OLD = re.compile(r"\s+old\b", re.IGNORECASE)  # "children under five years old"


def _age(doc: Doc, text: str, figure: Figure, number: Span) -> Rejection | None:
    """An age labelling a person or a group: "children under five", "aged 6-59 months", "19-year-old", "105
    years old", "below 18 years of age"."""
    before = text[max(0, figure.number_start - 30) : figure.number_start]
    if _hyphen_age(text, figure):
        return Rejection("category label", "age-of-person")  # "a 34-year-old nurse": an adjective, no amount
    unit = (figure.unit or "").lower()
    band = unit in _cue("age_band_nouns")
    if band and (figure.qualifier is not Qualifier.EXACT or not unit.endswith("s")):
        return Rejection("category label", "age-group")  # "the 5-14 age group", "under 5 age group"; "two age groups"
    if figure.qualifier is Qualifier.RANGE and figure.kind is Kind.DURATION and _OF_AGE.match(text, figure.end):
        return Rejection("category label", "age-band-of-age")  # "cases are 15-44 years of age"; one age is a fact
    if _apposed_age(doc, text, figure, number):
        return Rejection("category label", "apposed-age")  # "the actor, 54, urged", "said Ana Ruiz, 41."
    if _bracketed_age(doc, text, figure, number):
        return Rejection("category label", "bracketed-age")  # "Kanchhi Gole (30) fled with her daughter Phurba (1)"
    largest = figure.high if figure.high is not None else figure.value
    if figure.kind not in (Kind.COUNT, Kind.DURATION):
        return None
    if largest is not None and unit.startswith("month"):
        largest /= 12  # "aged 6-59 months": under five years
    if largest is None or (figure.unit is not None and unit not in _cue("age_nouns")):
        return None
    previous = _token_before(doc, figure, number)
    group = previous is not None and previous.lower_ in _cue("age_groups")
    # "under the age of five (years)": the years come from "age", the number still only labels the group
    labelled = (
        figure.unit is None
        or before.lower().rstrip().endswith("age of")
        or _OF_AGE.match(text, figure.end) is not None
        or (group and _OLD.match(text, figure.end) is not None)  # not "95% were younger than three months old"
    )
    if _pattern("category_before").search(before) and largest <= _MAX_AGE_UNDER and labelled:
        return Rejection("category label", "age-under")  # "children under 5", "below 18 years of age"
    written = _AGE_UNIT.search(text, figure.number_end, figure.end)  # "aged 5 to 17" (years implied) stays a figure
    if figure.kind is Kind.DURATION and written and _AGED_BEFORE.search(before) and largest <= _MAX_AGE_UNDER:
        return Rejection("category label", "aged-band")  # "children aged six months to 15 years"
    if figure.kind is Kind.DURATION and largest <= _MAX_AGE_UNDER and _pattern("age_group_bracket").search(before):
        return Rejection("category label", "bracketed-age-band")  # "children (6months-14 years)", "boys (5-17 years)"
    bounded = (Qualifier.EXACT, Qualifier.RANGE, Qualifier.LESS_THAN, Qualifier.AT_MOST)
    if group and figure.unit is not None and figure.qualifier in bounded:
        return Rejection("category label", "group-age")  # "children 6-59 months", "Children <5 years"
    if figure.kind is Kind.DURATION and _AGE_UNIT.fullmatch(unit):
        if figure.qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN) and _OLD.match(text, figure.end):
            return Rejection("category label", "age-bound-old")  # "patients of one month up to 10 years old"
        if _AGE_BAND_TO.match(text, figure.end):
            return Rejection("category label", "age-band-start")  # the band's first age: "one month up to 10 ..."
    return None


# the first age of a band written "N months up to M years old", "N to M years old"
_AGE_BAND_TO = re.compile(r"\s+(?:up\s+)?to\s+\S+\s+(?:months?|years?)\s+old\b", re.IGNORECASE)


_APPOSED_BEFORE = re.compile(r"[A-Za-z][\w.'’-]*,[ \t]*\Z")
_APPOSED_AFTER = re.compile(r"[ \t]*(?:[,;)]|\.(?:\s|\Z))")
_MAX_PERSON_AGE = 120


def _apposed_age(doc: Doc, text: str, figure: Figure, number: Span) -> bool:
    """A bare whole number set off by commas right after one person, named or described: news style's age ("Daniel
    Craig, the actor, 54, urged", "said Ana Ruiz, 41."). The word before the comma is a singular noun or a name,
    so "Of the 300 wounded, 54, were children" and "of 12 districts, 5, ..." stay figures, and one after a phrase
    opening on a preposition ("In the capital, 40, mostly children, died") stays a figure too."""
    if figure.unit is not None or figure.kind is not Kind.COUNT or figure.qualifier is not Qualifier.EXACT:
        return False
    if figure.start != figure.number_start or figure.value is None or not 1 <= figure.value <= _MAX_PERSON_AGE:
        return False
    if not text[figure.number_start : figure.number_end].isdigit() or number.start < 2:
        return False
    if not _APPOSED_BEFORE.search(text, 0, figure.number_start) or not _APPOSED_AFTER.match(text, figure.number_end):
        return False
    person = doc[number.start - 2]
    if doc[number.start - 1].text != "," or person.tag_ not in {"NN", "NNP"}:
        return False
    first = person.i  # the phrase before the comma opens on a preposition: a place or a set ("In the capital, 40,")
    while first > person.sent.start and not doc[first - 1].is_punct:
        first -= 1
    return doc[first].pos_ != "ADP"


def _bracketed_age(doc: Doc, text: str, figure: Figure, number: Span) -> bool:
    """A bare whole number in brackets right after a person's name, as captions and stories give an age ("Amina
    Yusuf (42) fled", "her daughter Phurba (1)"): the name is tagged a person, or is a name after a singular noun
    that names the person ("daughter Phurba"). A place or an organisation before the bracket ("Kenya (12)") keeps
    its figure, a count listed by place."""
    if figure.unit is not None or figure.kind is not Kind.COUNT or figure.qualifier is not Qualifier.EXACT:
        return False
    if figure.value is None or not 0 <= figure.value <= _MAX_PERSON_AGE or number.start < 2:
        return False
    start, end = figure.number_start, figure.number_end
    if text[start - 1 : start] != "(" or text[end : end + 1] != ")":
        return False
    name = doc[number.start - 2]
    if doc[number.start - 1].text != "(" or not name.is_title or name.pos_ != "PROPN":
        return False
    if name.ent_type_ == "PERSON":
        return True
    before = doc[name.i - 1] if name.i > 0 else None
    described = before is not None and before.tag_ == "NN" and before.is_lower
    return described and name.ent_type_ not in {"GPE", "LOC", "NORP"}


def _hyphen_age(text: str, figure: Figure) -> bool:
    return text.startswith(("-year-old", "-month-old"), figure.number_end)
