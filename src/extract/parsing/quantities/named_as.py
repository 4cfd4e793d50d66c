"""A bare figure whose "as" names what it counts: "a further 140 000 as refugees", "2.5 million officially listed as
refugees", "3,000 registered as asylum seekers" count refugees and asylum seekers, not the people noun nearest
before. Only a preposition "as" before a plural common noun that opens no clause: "rose to 300 as rains continued"
(a conjunction) and "paid 5,000 as compensation" (a singular) name nothing. Participles allowed between:
resources/numbers.json `naming_participles`."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from extract.parsing.implied import NounReader
from extract.resources import load_json


@cache
def _participles() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["naming_participles"])


def _past_participle(doc: Doc, index: int) -> int:
    """The token after an adverb and a naming participle at `index` ("officially listed", "registered")."""
    start = index
    if index < len(doc) and doc[index].tag_ == "RB":
        index += 1
    if index < len(doc) and doc[index].lower_ in _participles():
        return index + 1
    return start


def noun_named_as(doc: Doc, last: int, nouns: NounReader) -> list[Token]:
    """The plural noun "as" names right after the bare figure ending at token `last`, else []."""
    index = _past_participle(doc, last + 1)
    if index + 1 >= len(doc) or doc[index].lower_ != "as" or doc[index].dep_ == "mark":
        return []
    noun = nouns(doc, index + 1)
    if not noun or noun[0].i != index + 1 or noun[-1].tag_ != "NNS" or not noun[-1].is_lower:
        return []
    after = noun[-1].i + 1
    if after < len(doc) and doc[after].tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return []  # "300 as rains continued": the noun opens a clause of its own
    return noun
