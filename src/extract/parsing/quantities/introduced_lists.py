"""The counted noun of a list of label-and-figure items that a sentence introduces with "as follows:" or "the
following:" ("Its offices were distributed as follows: Africa 27 Asia 14", "The number of staff was as follows:
Headquarters: 846 Field: 1,357"): each figure counts what the introduction names, not its item's label."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from extract.parsing import implied
from extract.parsing.implied import NounReader
from extract.resources import load_json

_MAX_GAP = 10  # words between two figures of one list (a label of a few words, its colon)
_MAX_HEADER = 12  # words between the introduction's colon and the list's first figure
_MAX_INTRO = 20  # words before the colon searched for the introduction's "number of"
_ENDS = {".", "!", "?", ";"}
_HEADING_LETTERS = 5  # a word in capitals this long ends the list: the next section's heading ("PERSONNEL")


def _spaced(word: str) -> str:
    """A word that a PDF copy may have split with a space ("fo llows", "n umber")."""
    return r"\s?".join(re.escape(c) for c in word)


_INTRO = re.compile(rf"\b(?:(?P<follows>as\s+{_spaced('follows')})|the\s+{_spaced('following')})\s*\Z", re.IGNORECASE)
_NUMBER_OF = re.compile(rf"\b(?:{_spaced('number')}|{_spaced('total')})\s+of\s+", re.IGNORECASE)


@cache
def _generic_nouns() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["list_intro_generic_nouns"])


def _breaks(token: Token) -> bool:
    """A token no list item holds: a sentence's end, an auxiliary (a clause, not a label), a heading in capitals."""
    if token.text in _ENDS or (token.is_stop and token.pos_ == "AUX"):
        return True
    return token.is_alpha and token.is_upper and len(token) >= _HEADING_LETTERS


def _introduction(doc: Doc, first: int) -> tuple[Token, bool] | None:
    """The colon of the introduction whose list holds the figure at token `first`, and whether it is "as follows"
    (the introduction's subject is what is listed) rather than "the following" (a header after it says)."""
    text = doc.text
    gap = 0
    for index in range(first - 1, -1, -1):
        token = doc[index]
        if token.is_space:
            continue
        if token.text == ":" and (intro := _INTRO.search(text, max(0, token.idx - 20), token.idx)):
            return (token, intro.group("follows") is not None) if gap else None  # "as follows: 45 people": its own
        if _breaks(token):
            return None
        if token.like_num:
            gap = 0
            continue
        gap += 1
        if gap > _MAX_GAP:
            return None
    return None


def _number_of(doc: Doc, start: int, end: int, nouns: NounReader) -> str | None:
    """What a "number of"/"total of" between characters `start` and `end` counts: "Number of Affected" people."""
    match = _NUMBER_OF.search(doc.text, start, end)
    if match is None:
        return None
    after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
    if after is None:
        return None
    token = after[0]
    if token.lower_ in implied.people_words():
        return implied.PEOPLE  # "Estimated Number of Affected": the affected people
    noun = nouns(doc, token.i)
    return doc[noun[0].i : noun[-1].i + 1].text if noun else None


def _subject_noun(doc: Doc, colon: Token, nouns: NounReader) -> str | None:
    """The subject of the clause "as follows" ends: "Its delegations and missions were distributed ...", "The
    number of staff was ..." (what the number counts); none when it names no counted thing ("The figures are")."""
    follows = next((t for t in doc[max(0, colon.i - 3) : colon.i] if t.lower_ == "follows"), None)
    if follows is not None:
        verb = follows.head
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.lemma_.lower() not in {"number", "total"}:
            if subject.tag_ != "NNS" or subject.lower_ in _generic_nouns():
                return None
            noun = nouns(doc, subject.left_edge.i)
            return doc[noun[0].i : noun[-1].i + 1].text if noun and subject in noun else None
    start = doc[max(0, colon.i - _MAX_INTRO)].idx
    return _number_of(doc, start, colon.idx, nouns)


def introduced_noun(doc: Doc, first: int, nouns: NounReader) -> str | None:
    """The counted noun of the list whose figure's number starts at token `first`, when a sentence introduces the
    list ("as follows:", "the following:") and the figure is one of its label-and-figure items."""
    found = _introduction(doc, first)
    if found is None:
        return None
    colon, follows = found
    if follows:
        return _subject_noun(doc, colon, nouns)
    header_end = next((t.idx for t in doc[colon.i + 1 : colon.i + 1 + _MAX_HEADER] if t.like_num), None)
    return _number_of(doc, colon.idx, header_end, nouns) if header_end is not None else None
