"""Numbers of an idiom or an instance rather than a count: "one of the", "in one instance", superlative
sets, one speaker, lone numbers opening a sentence."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier
from extract.parsing.doc_text import doc_text
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _BULLETS, Rejection, _alternation, _cue, _pattern


def _idiom(doc: Doc, figure: Figure, number: Span, unit_tokens: list[Token]) -> Rejection | None:
    """ "mother of two", "one of the world's largest", "One official said": a number word that describes or
    introduces, not counts ("three of the world's largest companies" counts three companies)."""
    if not figure.is_word:
        return None
    if figure.unit is None and figure.value == 1 and _superlative_after(doc, number):
        return Rejection("idiom", "n-of-superlative")
    if _more_than_one_kind(figure, unit_tokens):
        return Rejection("category label", "more-than-one")  # "funded from more than one source": a class, no count
    if _in_idiom_phrase(doc.text, figure):
        return Rejection("idiom", "idiom-phrase")  # "on the one hand", "one by one": a set phrase, no count
    if _ranked_set(doc, number):
        return Rejection("idiom", "ranked-set")  # "one of the three largest operations": the set ranked, no count
    if figure.unit is not None and figure.unit.lower().split()[0] in _cue("idiom_units"):
        return Rejection("idiom", "n-figures")  # "will reach seven figures", "a six-figure sum": a size, no count
    if _one_speaker(doc, figure, number, unit_tokens):
        return Rejection("idiom", "one-speaker")
    if figure.value == 1 and figure.unit is not None and figure.unit.lower() in _cue("example_nouns"):
        return Rejection("idiom", "one-example")  # "just one example of how DTM feeds policy": an illustration
    if _one_then_another(doc, figure, number, unit_tokens):
        return Rejection("idiom", "one-and-another")  # "One grandmother is reunited ..., another loses everything"
    if _in_one_instance(doc, figure, number):
        return Rejection("idiom", "in-one")  # "in one place the sewage system was upgraded": which, not how many
    if _one_possessor(doc, figure, number):
        return Rejection("idiom", "one-possessor")  # "to save one man's life": whose, not how many
    if figure.unit is not None or number.start < 2:
        return None
    of, noun = doc[number.start - 1], doc[number.start - 2]
    if of.lower_ == "of" and noun.lower_ in _cue("idiom_after_of"):
        return Rejection("idiom", "parent-of-n")
    return None


_PHRASE_REACH = 20


def _more_than_one_kind(figure: Figure, unit_tokens: list[Token]) -> bool:
    """ "received funds from more than one source", "more than one child per family": "more than one" and a
    singular noun names a class (several), not an amount; "more than one million" and "more than one week" (a
    duration) are amounts."""
    if figure.value != 1 or figure.qualifier is not Qualifier.MORE_THAN or figure.kind is not Kind.COUNT:
        return False
    return bool(unit_tokens) and unit_tokens[-1].tag_ == "NN"


def _in_idiom_phrase(text: str, figure: Figure) -> bool:
    start, end = figure.number_start, figure.number_end
    window = max(0, start - _PHRASE_REACH)
    return any(
        m.start() <= start and end <= m.end()
        for m in _pattern("idiom_phrases").finditer(text, window, end + _PHRASE_REACH)
    )


def _in_one_instance(doc: Doc, figure: Figure, number: Span) -> bool:
    """ "and in one place the sewage system was upgraded", "In one particularly violent episode, ...": "in one" and
    a singular noun opening a clause picks out an instance, it counts nothing; "20 other people in one room" (not
    opening a clause), "in one day" (a duration) and "in one of the camps" are left to the other rules."""
    if figure.value != 1 or figure.kind is not Kind.COUNT or figure.qualifier is not Qualifier.EXACT:
        return False
    if number.start == 0 or doc[number.start - 1].lower_ != "in" or len(number) != 1:
        return False
    opener = doc[number.start - 2] if number.start >= 2 else None
    if not (doc[number.start - 1].is_sent_start or opener is None or opener.is_punct or opener.lower_ in _CONJUNCTIONS):
        return False  # "I live with 20 other people in one room": a count; the phrase opens a clause
    index = number.end
    while index < len(doc) and doc[index].pos_ in {"ADV", "ADJ"}:
        index += 1
    return index < len(doc) and doc[index].tag_ == "NN" and doc[index].lower_ not in _cue("in_one_counted")


def _opens_sentence(doc: Doc, index: int) -> bool:
    """A capitalised function word then a lower-case word: a sentence a PDF copy ran on after a footnote marker
    ("1 If these", "2 The number")."""
    if index + 1 >= len(doc):
        return False
    opener, following = doc[index], doc[index + 1]
    return opener.is_title and opener.is_stop and len(opener) > 1 and following.is_lower and following.is_alpha


def _proper_subject(tokens: Span) -> bool:
    """A name then a verb: "UNHCR estimated", the sentence a footnote marker stands before."""
    return len(tokens) == 2 and tokens[0].tag_ == "NNP" and tokens[1].tag_ in {"VBD", "VBZ", "VBP", "MD"}


def _lone_number(doc: Doc, figure: Figure) -> bool:
    """A list item that holds nothing but the number ("• 0"): a counter of a page, counting nothing. (A bare
    number alone is not enough: that is also what a figure's quote re-parsed alone looks like.)"""
    if figure.unit is not None or figure.qualifier is not Qualifier.EXACT:
        return False
    text = doc_text(doc)
    rest = text[: figure.start] + text[figure.end :]
    return not any(c.isalnum() for c in rest) and any(c in _BULLETS for c in rest)


def _token_before(doc: Doc, figure: Figure, number: Span) -> Token | None:
    """The token before the figure's qualifier ("children" in "children under 5")."""
    index = number.start
    while index > 0 and doc[index - 1].idx >= figure.start:
        index -= 1
    return doc[index - 1] if index > 0 else None


def _superlative_after(doc: Doc, number: Span) -> bool:
    """ "one of the world's largest", "one of the worst": one of a ranked set, not a count."""
    after = doc[number.end : number.end + 5]
    if len(after) < 3 or after[0].lower_ != "of" or after[1].lower_ != "the":
        return False
    return any(t.tag_ == "JJS" or t.lower_ in _cue("superlative_words") or t.tag_ == "POS" for t in after[2:])


def _ranked_set(doc: Doc, number: Span) -> bool:
    """ "one of the three largest", "among the five poorest": the size of a ranked set a thing belongs to."""
    if number.start < 2 or number.end >= len(doc):
        return False
    of, the, following = doc[number.start - 2], doc[number.start - 1], doc[number.end]
    ranked = following.tag_ == "JJS" or following.lower_ in _cue("superlative_words")
    return of.lower_ in {"of", "among"} and the.lower_ == "the" and ranked


def _one_then_another(doc: Doc, figure: Figure, number: Span, unit_tokens: list[Token]) -> bool:
    """ "One grandmother is reunited with a lost child, another loses everything": "One" and a singular noun picks
    out an instance that "another" later in the sentence answers; "One person died and two were hurt" counts."""
    if figure.value != 1 or not unit_tokens or not number[0].is_title or unit_tokens[-1].tag_ not in {"NN", "NNP"}:
        return False
    sentence = number[0].sent
    return any(t.lower_ == "another" and t.dep_ != "det" and t.i > unit_tokens[-1].i for t in sentence)


def _selected_by_superlative(doc: Doc, number: Span, unit_tokens: list[Token]) -> bool:
    """ "the 40 countries with the largest needs", "the 10 districts with the highest rates": the size of a set
    picked by a ranking, no count of its own; "the 40 countries with large needs" counts."""
    if not unit_tokens or number.start == 0 or doc[number.start - 1].lower_ != "the":
        return False
    end = unit_tokens[-1].i + 1
    if end + 2 >= len(doc) or doc[end].lower_ != "with" or doc[end + 1].lower_ != "the":
        return False
    ranked = doc[end + 2]
    return ranked.tag_ == "JJS" or ranked.lower_ in _cue("superlative_words")


def _one_speaker(doc: Doc, figure: Figure, number: Span, unit_tokens: list[Token]) -> bool:
    """ "One official warned", "One Syrian refugee who ... told the BBC": the sentence's "One" introduces a speaker
    (as "an" would); "One person was killed" stays a count."""
    if figure.value != 1 or not unit_tokens or not number[0].is_sent_start or not number[0].is_title:
        return False
    head = unit_tokens[-1]
    return head.tag_ in {"NN", "NNP"} and head.dep_ == "nsubj" and head.head.lemma_ in _cue("speech_lemmas")


_CONJUNCTIONS = frozenset({"and", "but", "while", "yet"})


def _one_possessor(doc: Doc, figure: Figure, number: Span) -> bool:
    """ "to save one man's life", "one family's story": "one" before a singular noun and its possessive picks out
    the one whose thing it is, it counts nothing; "one man was killed", "two men's lives" are left to the others."""
    if figure.value != 1 or figure.qualifier is not Qualifier.EXACT or len(number) != 1:
        return False
    if number[0].lower_ != "one" or number.end + 1 >= len(doc):
        return False
    noun, mark = doc[number.end], doc[number.end + 1]
    return noun.tag_ in {"NN", "NNP"} and mark.tag_ == "POS"


@cache
def _round_the_clock_after() -> re.Pattern[str]:
    # "-hour" read into the figure; then up to two describing words and what is open round the clock
    nouns = _alternation(sorted(_cue("round_the_clock_nouns")))
    return re.compile(r"[ \t]+(?:[a-z][\w-]*[ \t]+){0,2}?(?:" + nouns + r")\b", re.IGNORECASE)


_ROUND_THE_CLOCK = re.compile(r"24[ -]hours?", re.IGNORECASE)


def _round_the_clock(text: str, figure: Figure) -> bool:
    """ "a 24-hour paediatric hospital", "a 24 hour hotline": open round the clock, no duration; "a 24-hour
    curfew", "within 24 hours" stay durations."""
    if figure.kind is not Kind.DURATION or figure.qualifier is not Qualifier.EXACT:
        return False
    if not _ROUND_THE_CLOCK.fullmatch(text, figure.number_start, figure.end):
        return False
    return _round_the_clock_after().match(text, figure.end) is not None


@cache
def _effort_before() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + _alternation(sorted(_cue("effort_nouns"))) + r")[ \t]+\Z", re.IGNORECASE)


def _multiplied_effort(text: str, figure: Figure) -> bool:
    """ "We will multiply efforts tenfold": a fold figure right after the efforts it multiplies is a resolve, not a
    measured change ("prices rose tenfold" stays)."""
    if figure.kind is not Kind.RATIO or figure.unit != "fold":
        return False
    return _effort_before().search(text, max(0, figure.start - 30), figure.start) is not None
