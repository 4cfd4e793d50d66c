"""Bare figures that cue words say count people, where the general readers (parsing/implied.py) miss them: a verb
said of people before a hedged figure ("killed at least 40"), a state said of people after a linking verb ("two
remain missing", "1.3 million were made homeless"), a figure a "whom" clause counts ("of whom there were
86.5 million"), and a number word in a breakdown list, which takes the noun
of the figure the list breaks down ("54 deaths, 44 in Sindh, eight in Balochistan")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from spacy.tokens import Doc

from extract.models import Kind, Quantity
from extract.resources import load_json

_MAX_AUXILIARIES = 2


@cache
def _words() -> dict[str, frozenset[str]]:
    lex = load_json("units.json")["implied"]
    keys = ("people_verbs", "people_linking_verbs", "people_states")
    return {key: frozenset(word.lower() for word in lex[key]) for key in keys}


def verb_before_hedge(doc: Doc, phrase_first: int, first: int) -> bool:
    """ "killed at least 40", "displaced more than 300": a verb said of people right before the qualifier of a
    figure whose number starts later than its phrase."""
    if phrase_first >= first or phrase_first == 0:
        return False
    verb = doc[phrase_first - 1]
    return verb.pos_ == "VERB" and (
        verb.lower_ in _words()["people_verbs"] or verb.lemma_.lower() in _words()["people_verbs"]
    )


def state_after_link(doc: Doc, last: int) -> bool:
    """ "two remain missing", "more than 1.3 million were made homeless", "300 were left stranded": after the
    figure's auxiliaries and linking verbs, a state said of people; not "two remain in hospital" (a place) nor
    "three were made available"."""
    words = _words()
    index = last + 1
    while index < len(doc) and index - last <= _MAX_AUXILIARIES and doc[index].pos_ == "AUX":
        index += 1
    linked = False
    while index < len(doc) and doc[index].lower_ in words["people_linking_verbs"]:
        index, linked = index + 1, True
    if not linked or index >= len(doc):
        return False
    state = doc[index]
    return state.lower_ in words["people_states"] or (state.lower_ in words["people_verbs"] and state.pos_ != "NOUN")


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_PLACE_WORDS = frozenset({"in", "at", "from"})


def breakdown_item(doc: Doc, text: str, first: int, start: int, previous: Sequence[Quantity]) -> str | None:
    """The noun of a number word listed in a breakdown after a figure with a noun: "44 in Sindh, eight in
    Balochistan, and two in the AJK" after "54 deaths" counts deaths. The word must follow the list's item before
    it at once (a comma or "and") and name its place ("in Balochistan"); "Two in five children" is a share."""
    if not previous or first + 2 >= len(doc):
        return None
    item = previous[-1]
    if item.kind is not Kind.COUNT or not item.unit or item.end > start:
        return None
    place = doc[first + 1]
    named = doc[first + 2] if doc[first + 2].lower_ != "the" or first + 3 >= len(doc) else doc[first + 3]
    if place.lower_ not in _PLACE_WORDS or not (named.pos_ == "PROPN" or named.ent_type_ in {"GPE", "LOC"}):
        return None
    gap = _LIST_GAP.fullmatch(text, _item_end(doc, text, item), start)
    return item.unit if gap else None


_ITEM_PLACE = re.compile(
    r"\s+(?:[a-z]{3,}ed\s+)?(?:in|at|from)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s*\([A-Z]+\))?"
)


def _item_end(doc: Doc, text: str, item: Quantity) -> int:
    """Where the list item before ends: past its own place ("44 in Sindh", "130 deaths reported in Sri Lanka": a
    participle may stand before the place)."""
    end = item.end
    match = _ITEM_PLACE.match(text, end)
    return match.end() if match else end


_WHOM = frozenset({"whom"})
_THERE_BE = frozenset({"were", "are", "was", "is"})


def counted_of_whom(doc: Doc, phrase_first: int) -> bool:
    """ "refugees, returnees and others of concern, of whom there were 86.5 million": a bare figure a "whom"
    clause counts, "there" and a copula allowed between, counts people ("whom" is said of people only). The
    figure's phrase starts at token `phrase_first` (its hedge included); "of which there were 40" is not."""
    index = phrase_first - 1
    if index >= 1 and doc[index].lower_ in _THERE_BE and doc[index - 1].lower_ == "there":
        index -= 2
    return index >= 0 and doc[index].lower_ in _WHOM
