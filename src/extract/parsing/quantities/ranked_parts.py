"""A part of a ranked set: "three of the biggest donors", "five of the worst-hit districts", "two of the UK's
largest companies", "several dozen of the most severely ill patients" count the donors, districts, companies and
patients, as "two of the patients" does. The rank is a superlative (tagged JJS or RBS, or "most"/"least" before an
adjective, hyphenated or not, an adverb allowed between) right before a plural common noun; "one of the biggest
donors" stays an idiom (parsing/rejections/idioms.py) and "three of the largest" with no noun counts nothing."""

from __future__ import annotations

from spacy.tokens import Doc

from extract.parsing.numbers import lexicon

_RANK_TAGS = frozenset({"JJS", "RBS"})
_ADJECTIVE_TAGS = frozenset({"JJ", "VBN", "VBD"})  # "most affected", "worst-hit": the adjective a rank grades
_HYPHENS = frozenset({"-", "–"})


def _past_owner(doc: Doc, index: int) -> int:
    """The token after a named owner's "'s" at `index` ("the UK's", "Africa's"), else `index`."""
    end = index
    while end < len(doc) and end - index < 4 and doc[end].tag_ == "NNP":
        end += 1
    if end > index and end < len(doc) and doc[end].tag_ == "POS":
        return end + 1
    return index


def _past_rank(doc: Doc, index: int) -> int | None:
    """The token after a superlative at `index` ("biggest", "most-affected", "worst hit"), else None."""
    if index >= len(doc) or doc[index].tag_ not in _RANK_TAGS:
        return None
    end = index + 1
    if end < len(doc) and doc[end].text in _HYPHENS and not doc[index].whitespace_:
        end += 1  # "most-affected": the hyphen joins the rank to its adjective
    if (
        doc[index].tag_ == "RBS"
        and end + 1 < len(doc)
        and doc[end].tag_ == "RB"
        and doc[end + 1].tag_ in _ADJECTIVE_TAGS
    ):
        end += 1  # "most severely ill": an adverb grading the adjective the rank grades
    if end < len(doc) and doc[end].tag_ in _ADJECTIVE_TAGS and doc[end].is_lower:
        end += 1
    elif doc[index].tag_ == "RBS" and doc[index].lower_ in {"most", "least"}:
        return None  # "most" alone grades nothing here
    return end


def ranked_part_noun(doc: Doc, index: int) -> int | None:
    """The index of the plural noun a number word picks its part from when `index` opens "of the <rank> <nouns>"
    ("of the biggest donors", "of the UK's largest companies"), else None."""
    if 0 < index < len(doc) and doc[index].lower_ == "the" and doc[index - 1].lower_ == "of":
        index -= 1  # a vague amount's reading stands past its "of" ("several dozen of the ...")
    if index + 3 >= len(doc) or doc[index].lower_ != "of":
        return None
    start = index + 1
    if doc[start].lower_ == "the":
        start = _past_owner(doc, start + 1)
    else:
        start = _past_owner(doc, start)
        if start == index + 1:
            return None  # "of biggest donors": no determiner nor owner, not a ranked set
    end = _past_rank(doc, start)
    if end is None or end >= len(doc):
        return None
    noun = doc[end]
    if noun.tag_ != "NNS" or not noun.is_lower or noun.lower_ in lexicon().scales:
        return None
    return end
