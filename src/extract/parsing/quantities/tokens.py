"""Small readers of tokens and text shared by the quantity readers: offsets, hyphens, brackets, capitals,
entities, cells."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import cache

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, Token

from extract.parsing.currencies import table as currency_table
from extract.parsing.doc_text import doc_text
from extract.resources import load_json

_TOKEN_STARTS = "extract.token_starts"
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_MAX_UNIT_TOKENS = 6
_DATE_LABELS = {"DATE", "TIME"}
_HYPHENS = {"-", "\u2010", "\u2011"}
# between a label and its figure in a table row or a list line read as text ("Detainees visited | 3,450",
# "Detainees visited: 3,450"); html.py joins table cells with " | " too
_CELL_SEPARATORS = {"|", ":"}
_MAX_LABEL_TOKENS = 10
_NAME_LABELS = {"GPE", "LOC", "PERSON", "FAC", "NORP"}


@cache
def _words() -> dict[str, frozenset[str]]:
    lex = load_json("numbers.json")
    return {
        key: frozenset(w.lower() for w in lex[key])
        for key in (
            "duration_units",
            "months",
            "weekdays",
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


def _plural(noun: Token) -> bool:
    """A counted noun: plural, and not a place or a person ("Kabul | 1,200" gives no unit)."""
    if noun.ent_type_ in _NAME_LABELS:
        return False
    return noun.tag_ in {"NNS", "NNPS"} or "Plur" in noun.morph.get("Number") or noun.lower_.endswith("s")


def _bracketed_currency(doc: Doc, index: int) -> str | None:
    """The ISO code in brackets right after a counted noun, as a table's label gives the currency of its figures
    ("Cash grants (CHF) | 3.2 million", read as "3.2 million Cash grants (CHF)")."""
    if index + 2 >= len(doc) or doc[index].text != "(" or doc[index + 2].text != ")":
        return None
    code = doc[index + 1].text
    currencies = currency_table()
    return currencies.aliases.get(code, code) if code in currencies.codes else None


def _token_bounds(doc: Doc) -> tuple[list[int], list[int]]:
    # Computed once per Doc: spaCy's doc.char_span and a scan per figure made long texts quadratic.
    bounds = doc.user_data.get(_TOKEN_STARTS)
    if bounds is None:
        offsets = doc.to_array([IDX, LENGTH])  # one array copy; a Python loop over Token objects cost more
        bounds = doc.user_data[_TOKEN_STARTS] = (offsets[:, 0].tolist(), (offsets[:, 0] + offsets[:, 1]).tolist())
    return bounds


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
