"""Counted nouns that the text implies: an antecedent ("312 of them"), a noun earlier in the sentence,
"number of X" before the figure, people for a bare vague amount, populations."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from extract.models import Kind, Quantity
from extract.parsing import implied
from extract.parsing.doc_text import doc_text
from extract.parsing.figures import Figure
from extract.parsing.numbers import lexicon
from extract.parsing.quantities import money_restated, people_cues
from extract.parsing.quantities.named_as import noun_named_as
from extract.parsing.quantities.restated_subjects import restated_subject
from extract.parsing.quantities.share_subjects import share_subject_unit
from extract.parsing.quantities.tokens import _MAX_LABEL_TOKENS, _char_span, _token_at_or_after

_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _names_a_place(tokens: list[Token]) -> bool:
    """ "Lebanon 1 in 8 Aruba 1 in 6": a name after a share, with the next share after it, is the label of the next
    row, not a population ("one in four Syrians" counts a people)."""
    doc = tokens[0].doc
    after = tokens[-1].i + 1
    followed = after < len(doc) and doc[after].like_num
    return followed and all(t.tag_ == "NNP" or t.ent_type_ in _PLACE_LABELS for t in tokens)


def _past_the_whole(doc: Doc, index: int) -> int:
    """After a share's "of", the token past a determiner and the whole's own number ("the 30,000", "the 2.4
    million"), where the counted noun starts; `index` itself when no number follows a determiner."""
    if index + 1 >= len(doc) or doc[index].tag_ != "DT" or not doc[index + 1].like_num:
        return index
    after = index + 1
    while after < len(doc) and (doc[after].like_num or doc[after].lower_ in lexicon().scales):
        after += 1
    return after if after < len(doc) else index


_SHARE_PRONOUNS = frozenset({"them", "which", "those", "these", "whom"})


_POPULATION = "population"
_ONE_IN = re.compile(r"\S+\s+in\s+\S+", re.IGNORECASE)


def _one_in(text: str, figure: Figure) -> bool:
    """A share written "X in Y" ("1 in 6", "one in four"), not a fraction ("a third", "half")."""
    return _ONE_IN.fullmatch(text, figure.number_start, figure.number_end) is not None


_STANDS_ALONE = re.compile(r"[ \t]*(?:\)|\n|\Z)")


def _stands_alone(text: str, end: int) -> bool:
    """Whether a figure ending at `end` ends its line or its bracket: a key figure or a bracketed share."""
    return _STANDS_ALONE.match(text, end) is not None


def _as_float(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


_PAIRED_TOLL_GAP = re.compile(
    r"\s+(?:(?:were|was|are|have been|had been|has been)\s+)?(\w+)"  # "killed", "were killed"
    r"\s*(?:,|and|while|with)\s*(?:another\s+|a further\s+)?",  # "and", ", a further"
    re.IGNORECASE,
)


def _paired_toll(text: str, figure: Figure, previous: Sequence[Quantity]) -> str | None:
    """A toll's second count takes the first one's noun: "112 children killed and 149 injured" counts children
    (a verb said of people would give people)."""
    if not previous or previous[-1].kind is not Kind.COUNT or not previous[-1].unit:
        return None
    gap = _PAIRED_TOLL_GAP.fullmatch(text, previous[-1].end, figure.number_start)
    if gap is None or gap.group(1).lower() not in implied.people_words():
        return None
    return previous[-1].unit


_RESTATED_GAP = 30  # characters between a key figure and its restatement ("12.4 million An estimated 12.4 million")
_RESTATED_BREAK = re.compile(r"[\d.!?;:]")
_NUMBER_GOES_ON = tuple(f"{mark}{digit}" for mark in ",." for digit in "0123456789")


class ImpliedNouns:
    """The implied-noun readers of `QuantityRecognizer`."""

    def _number_of(self, doc: Doc, unit_tokens: list[Token]) -> list[Token] | None:
        """The noun of "(total) number of X" read as a figure's counted noun: X. None when the unit is no such
        phrase."""
        after = unit_tokens[-1].i + 1
        if unit_tokens[-1].lower_ not in {"number", "numbers"} or after + 1 >= len(doc) or doc[after].lower_ != "of":
            return None
        if any(t.lower_ not in {"total", "overall", "number", "numbers"} for t in unit_tokens):
            return None  # "a phone number of the office": a kind of number, not an amount
        noun = self._counted_noun(doc, after + 1)
        return noun if noun and noun[0].i == after + 1 else None

    def _implied(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]]:
        """A count with no noun after it takes the noun the text implies (parsing/implied.py), if any."""
        if figure.unit is not None or figure.kind is not Kind.COUNT or figure.is_year_like:
            return figure, []
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None:
            return figure, []
        first, last = number.start, number.end - 1
        if implied.bounds_a_named_group(doc, first):
            return figure, []  # "children under 5": the group's label, which takes no noun from elsewhere
        if subject := restated_subject(doc, first, last):  # "All nurses in the district (3,500) are on strike"
            return replace(figure, unit=doc[subject[0].i : subject[-1].i + 1].text), []
        noun, unit = implied.bracketed(doc, first, last, self._counted_noun, previous)
        if noun:
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), noun
        if unit:
            return replace(figure, unit=unit), []
        if unit := _paired_toll(doc_text(doc), figure, previous):
            return replace(figure, unit=unit), []
        if whole := implied.whole_named_before(doc, first):  # "a population of 28 million"
            return replace(figure, unit=whole), []
        if noun := implied.named_by_copula(doc, last, self._counted_noun):  # "of which 2,768 were children"
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        if noun := noun_named_as(doc, last, self._counted_noun):  # "a further 140 000 as refugees"
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        if implied.said_of_people(doc, first, last, figure.qualifier) or implied.people_of_the_place(doc, first):
            return replace(figure, unit=implied.PEOPLE), []
        phrase_first = _token_at_or_after(doc, figure.start)
        if phrase_first is not None and people_cues.verb_before_hedge(doc, phrase_first, first):
            return replace(figure, unit=implied.PEOPLE), []  # "killed at least 40"
        if people_cues.state_after_link(doc, last):  # "two remain missing", "were made homeless"
            return replace(figure, unit=implied.PEOPLE), []
        if currency := money_restated.restated_currency(doc, doc_text(doc), first, figure, previous):
            return replace(figure, kind=Kind.MONEY, unit=currency), []  # "the total 64 million" after "£37 million"
        if figure.is_word and (unit := people_cues.breakdown_item(doc, doc_text(doc), first, figure.start, previous)):
            return replace(figure, unit=unit), []  # "54 deaths, 44 in Sindh, eight in Balochistan"
        if (group := implied.of_those_opening(doc, first, self._counted_noun)) is not None:
            if isinstance(group, str):
                return replace(figure, unit=group), []
            return replace(figure, unit=doc[group[0].i : group[-1].i + 1].text), []
        if noun := implied.number_of_earlier(doc, first, self._counted_noun):
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), []
        if implied.number_said_of_people_earlier(doc, first):
            return replace(figure, unit=implied.PEOPLE), []
        if self._per_time_unit(number) and (unit := implied.antecedent_unit(doc, first, previous, 2)):
            return replace(figure, unit=unit), []  # "24 people were displaced every minute ... 30 per minute in 2014"
        if restated := self._restated_noun(doc, figure):
            return replace(figure, unit=doc[restated[0].i : restated[-1].i + 1].text), []
        if unit := implied.headline_subject(doc, first) or implied.compared_with_earlier(
            doc, figure.start, first, previous, _as_float(figure.value)
        ):
            return replace(figure, unit=unit), []
        scaled = figure.value is not None and figure.value >= 1000  # "two million", not the pronoun "two"
        if not (scaled or not figure.is_word):
            return figure, []
        if unit := implied.antecedent_unit(doc, first, previous, value=_as_float(figure.value)):
            return replace(figure, unit=unit), []
        if unit := implied.whole_as_subject(doc, first):  # "The camp population increased from 10,000"
            return replace(figure, unit=unit), []
        if unit := implied.nearest_count_unit(
            doc, first, previous, _as_float(figure.value)
        ):  # the count ending the sentence before
            return replace(figure, unit=unit), []
        if unit := implied.hedged_antecedent(doc, first, figure.qualifier, previous):  # the sentence before's people
            return replace(figure, unit=unit), []
        if phrase_first is not None and people_cues.counted_of_whom(doc, phrase_first):
            return replace(figure, unit=implied.PEOPLE), []  # "others of concern, of whom there were 86.5 million"
        return figure, []

    def _restated_noun(self, doc: Doc, figure: Figure) -> list[Token]:
        """The noun of a key figure that the text restates at once with its noun: "12.4 million An estimated 12.4
        million people were newly displaced" (a flattened key-figure block: the figure, then its sentence). The same
        number must follow within a few words, with no other number and no sentence break between."""
        text = doc_text(doc)
        surface = text[figure.number_start : figure.number_end]
        at = text.find(surface, figure.end, figure.end + _RESTATED_GAP + len(surface))
        if at < 0 or _RESTATED_BREAK.search(text, figure.end, at):
            return []
        after = at + len(surface)
        if after < len(text) and (text[after].isdigit() or text[after : after + 2] in _NUMBER_GOES_ON):
            return []
        index = _token_at_or_after(doc, after)
        return [] if index is None else self._counted_noun(doc, index)

    def _said_of_people(self, doc: Doc, figure: Figure) -> Figure:
        """The figure counting people when a verb said of people governs it ("KILLS FIVE, AFFECTS 32"), else as it
        is."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is not None and implied.said_of_people(doc, number.start, number.end - 1, figure.qualifier):
            return replace(figure, unit=implied.PEOPLE)
        return figure

    def _number_of_before(self, doc: Doc, figure: Figure) -> tuple[Token, list[Token]] | None:
        """ "The number of detainees visited rose to 4,500", "the total number of cases was 300": a bare figure
        that a verb of amount ("rose to", "reached", "stood at", "was") gives to "the number of" a noun before it,
        in the same clause and with no other figure between, counts that noun."""
        index = _token_at_or_after(doc, figure.start)
        assert index is not None
        verb = index - 1
        if verb >= 0 and doc[verb].lower_ in {"to", "at", "by"}:
            verb -= 1
        if verb < 1 or doc[verb].lower_ not in self.words["amount_verbs"]:
            return None
        for j in range(verb - 1, max(0, verb - _MAX_LABEL_TOKENS) - 1, -1):
            token = doc[j]
            if token.is_punct or token.like_num:
                return None
            if token.lower_ in {"number", "total"} and j + 1 < verb and doc[j + 1].lower_ == "of":
                noun = self._counted_noun(doc, j + 2)
                return (token, noun) if noun and noun[-1].i < verb else None
        return None

    def _with_population(
        self, doc: Doc, figure: Figure, previous: list[Quantity] | None = None
    ) -> tuple[Figure, list[Token]]:
        """A share ("one in four victims", "one in three of the families") takes the noun it is a share of; a
        share of a pronoun ("nearly half of them", "more than half of which") the noun of the count before it."""
        index = _token_at_or_after(doc, figure.end)
        if (
            previous
            and index is not None
            and index + 1 < len(doc)
            and doc[index].lower_ == "of"
            and doc[index + 1].lower_ in _SHARE_PRONOUNS
            and not (index + 2 < len(doc) and doc[index + 2].pos_ in {"NOUN", "PROPN"})  # "a third of them children"
            and (unit := implied.antecedent_unit(doc, index, previous, 2))
        ):
            return replace(figure, unit=unit), []
        whole_counted = False
        if index is not None and doc[index].lower_ == "of":
            after_whole = _past_the_whole(doc, index + 1)  # "nearly half of the 30,000 houses": a share of houses
            whole_counted, index = after_whole > index + 1, after_whole
        unit_tokens = self._counted_noun(doc, index) if index is not None else []
        if not unit_tokens and not whole_counted and (unit := share_subject_unit(doc, index, previous or [])):
            return replace(figure, unit=unit), []  # "... 140 aid workers were killed, and more than half worked"
        if not unit_tokens or _names_a_place(unit_tokens):  # "Lebanon 1 in 8 Aruba 1 in 6": the next row's label
            # "1 IN 6\n\nARE DISPLACED", "Aruba (1 in 6)": an "X in Y" standing alone, no clause after it, is a share
            # of the population; "one in five of them", "Seven in ten said" leave it to their whole or clause
            alone = not whole_counted and (unit_tokens or _stands_alone(doc_text(doc), figure.end))
            return (replace(figure, unit=_POPULATION) if alone and _one_in(doc_text(doc), figure) else figure), []
        if whole_counted:  # the whole's number is a figure of its own: the share's span stops before it
            return replace(figure, unit=doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text), []
        end = unit_tokens[-1].idx + len(unit_tokens[-1])
        return replace(figure, end=end, unit=doc[unit_tokens[0].i : unit_tokens[-1].i + 1].text), unit_tokens
