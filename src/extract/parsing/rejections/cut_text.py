"""Numbers cut from their noun where a copy of a text ends or a page snippet is cut at a fixed length."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from extract.models import Qualifier
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _cue

# A document site's transcript heads each page with the page's number and a snippet of the document cut at a fixed
# length ("Page 2: GLOBAL RISK ANALYSIS - ACAPS · 2021. 4. 6. · 1. In this report ... murder of four"): a number
# ending that line with no noun after it was cut from its noun.
_PAGE_SNIPPET_LINE = re.compile(r"Page \d{1,4}: .* · ")


def _cut_page_snippet(text: str, figure: Figure) -> bool:
    if figure.unit is not None or figure.end != figure.number_end:
        return False
    line_end = len(text) if (found := text.find("\n", figure.end)) < 0 else found
    if text[figure.end : line_end].strip():
        return False
    return _PAGE_SNIPPET_LINE.match(text, text.rfind("\n", 0, figure.start) + 1) is not None


# the next line a document site's transcript opens with a page's heading: "Page 2: Contents ..." (a paragraph's
# lines may be joined by a space)
_PAGE_HEADING_AFTER = re.compile(r"\s+Page[ \t]+\d{1,4}:")


def _cut_before_page_heading(text: str, figure: Figure) -> bool:
    """ "... which requires 42 days (two\nPage 2: ...": a snippet cut at a fixed length after a number, the next
    page's heading read as its noun: the next line after the number (or the next words, the lines joined) opens
    "Page N:"."""
    return _PAGE_HEADING_AFTER.match(text, figure.number_end) is not None


_CUT_AFTER = re.compile(r"[ \t]*,?\s*")
_CUT_GROUP = re.compile(r",\d{1,2}\s*")
_OPEN_BEFORE = re.compile(r"\(\s*[$€£]?\s*\Z")  # "($34": a bracket opened right before the number
_CUT_TAIL = 45  # characters after the number within which a cut word ends the text
_SCALE_WORDS = ("million", "billion", "thousand", "trillion")


def _cut_at_text_end(text: str, figure: Figure, unit_tokens: list[Token]) -> bool:
    """A page copied only up to a length ends mid-word: "... to CHF 20 millio", "and four Provincial
    Disaster Response Te". A figure whose phrase runs into such an end is cut, neither a figure nor a non-figure:
    the last word is a cut scale word right after the number, or a capital and one small letter ending the name the
    number counts, with no sentence end and no other number between."""
    rest = text[figure.number_end :]
    if _CUT_GROUP.fullmatch(rest) and figure.end <= figure.number_end + len(rest.rstrip()):
        # "Number of beds 16,86", "floods affected 64,0": a thousands group the copy cut after a noun or a verb
        # ("rose to 2,5", after a function word, may be a decimal comma: kept)
        word_before = _PROSE_WORD_BEFORE.search(text, max(0, figure.start - 40), figure.start)
        return word_before is not None and word_before.group().strip() not in _stop_words()
    if _CUT_AFTER.fullmatch(rest) and figure.end == figure.number_end:
        # a comma after the number ("Approximately 4,"), a bracket opened just before it ("and Iraq ($34 ") or a
        # hedged number ending running prose ("heavy rains affected some 6", "destroyed more than 880") with nothing
        # after and no sentence end: the copy stopped inside it ("Total 1,275,000", a row's last cell, stays; so does
        # an exact amount ending a paragraph that lacks its period, "a total outlay of CHF 13,968,562")
        return (
            rest.strip() == ","
            or _OPEN_BEFORE.search(text, max(0, figure.number_start - 4), figure.number_start) is not None
            or (figure.qualifier in _HEDGED and _ends_running_prose(text, figure))
            or _bare_after_function_word(text, figure)
        )
    if len(rest.rstrip()) > _CUT_TAIL or re.search(r"[.!?;:()]", rest):
        return False
    last = re.search(r"(\S+)\s*\Z", text)
    if last is None:
        return False
    word = last.group(1)
    if last.start(1) < figure.number_start or re.search(r"\d", text[figure.number_end : last.start(1)]):
        return False  # another number stands between: the cut is that one's
    between = text[figure.number_end : last.start(1)].split()
    scale_cut = any(w.startswith(word) and w != word for w in _SCALE_WORDS)
    if not between and word.isalpha() and word.islower() and len(word) >= 3 and scale_cut:
        return True  # "20 millio" ("17.3 mi" may be miles)
    # "four Provincial Disaster Response Te": the name the number counts is cut. ("64,0" may be cut or a decimal
    # comma, "rose to 2,5": kept.)
    if re.fullmatch(r"[A-Z][a-z]", word) and between and all(w[:1].isupper() for w in between):
        return True
    # "outbreaks in 29 cou": the noun the number counts is cut, a lower-case last word right after the number that
    # no dictionary knows (with words between, "Three WHO pre-qualified oral cho", the cut may be a later word's)
    counted = figure.unit is None or word in figure.unit.split()  # "1.5 million children, with ... foc" is whole
    if not counted or "," in rest or between or not _unknown_word(word):
        return False
    # a word the document writes whole elsewhere ("hh", "idps") is its own term, not a stub
    return re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text[: last.start(1)], re.IGNORECASE) is None


_PROSE_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]['\")”’]?\s+(?=[\"“(]?[A-Z])")
_PROSE_WORD_BEFORE = re.compile(r"(?<![\w-])[a-z]{2,}[ \t]+\Z")  # "affected ", "beds ": running prose, not a label


def _bare_after_function_word(text: str, figure: Figure) -> bool:
    """A bare number with no noun after it ending running prose right after a function word ("(225 cases,
    including 76", "than the 105,884 arrivals registered in 2017 and 8"): the copy stopped before its noun. After a
    content word ("the toll rose to 76") or a label ("Deaths: 76") the number may be the sentence's own end."""
    if figure.is_word or figure.qualifier is not Qualifier.EXACT or figure.start != figure.number_start:
        return False  # its noun may be carried from a sibling ("(225 cases, including 76"); not a currency, a word
        # ("one, two and three")
    if _axis_step(text, figure):
        return False  # a chart's last tick interleaved with its prose: the axis rule reads it with the others
    word_before = _PROSE_WORD_BEFORE.search(text, max(0, figure.start - 40), figure.start)
    if word_before is None or word_before.group().strip() not in _cue("cut_function_words"):
        return False
    return _ends_running_prose(text, figure)


_WHOLE_NUMBER = re.compile(r"(?<![\w.,])\d{1,6}(?![\w.,]\d|\w)")


def _axis_step(text: str, figure: Figure) -> bool:
    """The number is one step of an arithmetic run of whole numbers in its text ("... 120 sanitation ... 100 intensive
    ... and 80"): a chart's axis, not a cut figure."""
    surface = text[figure.number_start : figure.number_end]
    if not surface.isdigit():
        return False
    value = int(surface)
    others = {int(m.group()) for m in _WHOLE_NUMBER.finditer(text, 0, figure.number_start)}
    return any(value + step in others and value + 2 * step in others for step in {o - value for o in others} - {0})


_HEDGED = frozenset({Qualifier.APPROXIMATE, Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.LESS_THAN})


def _ends_running_prose(text: str, figure: Figure) -> bool:
    """The number ends a paragraph of running prose with no sentence end: a lower-case word right before it, and a
    sentence ended before it or a comma in its own sentence ("In Puntland, ... heavy rains affected some 6", "... in
    the past week. The fires destroyed more than 880"). A row ("RCMs collected 147,488") or a heading that a line
    break cut from its noun ("hardships for more than 600,000") has neither."""
    if _PROSE_WORD_BEFORE.search(text, max(0, figure.start - 40), figure.start) is None:
        return False
    sentence_start = max((m.end() for m in _PROSE_SENTENCE_END.finditer(text, 0, figure.start)), default=0)
    return sentence_start > 0 or "," in text[: figure.start]


_MAX_STUB = 5  # a cut word's stub is short ("cou", "cho"); a longer unknown word is more likely a name or a term


def _unknown_word(word: str) -> bool:
    """A lower-case word that is not an English word nor the plural of one in the lemmatizer's dictionary (its
    WordNet index of nouns, verbs, adjectives and adverbs, and their irregular forms): the stub a cut copy ends
    with."""
    if not (word.isascii() and word.isalpha() and word.islower() and 2 <= len(word) <= _MAX_STUB):
        return False  # "120 μg": a symbol in another script is a unit, not an English word cut short
    index = _word_index()
    if not index:
        return False  # no dictionary in this pipeline: nothing is known to be cut
    forms = {word}
    if word.endswith("s") and len(word) > 3:
        forms.add(word[:-1])  # "tents"; "cas" is no plural of "ca"
        if word.endswith("es"):
            forms.add(word[:-2])  # "boxes"; "hous" is no plural of "ho"
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")  # "countries"
    if word.endswith(("ed", "ng")):
        forms.update({word[:-1], word[:-2], word[:-3]})  # "fled", "used", "going"
    return not forms & index and word not in _stop_words()


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@cache
def _word_index() -> frozenset[str]:
    from extract.parsing import shared_pipeline  # the pipeline module imports this one

    nlp = shared_pipeline()
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = nlp.get_pipe("lemmatizer").lookups
    if not lookups.has_table("lemma_index"):
        return frozenset()
    table = lookups.get_table("lemma_index")
    irregular = lookups.get_table("lemma_exc") if lookups.has_table("lemma_exc") else {}
    words: set[str] = set()
    for pos in ("noun", "verb", "adj", "adv"):
        words.update(table.get(pos, []))
        words.update(irregular.get(pos, {}))  # "feet", "children", "went"
    return frozenset(words)
