"""Why a number is not a reported figure: the rules, each with a short id, reading their cue words from
`resources/rejections.json`.

The quantities component asks `Rejections.before_unit` (the number and its neighbours), then `after_unit` (once
the counted noun or unit is known), then `in_sequence` (the figures of the whole text together: a table of
contents). Each answers a `Rejection` (a reason named in rejections.json and the rule that decided) or None.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing import REJECTED_KEY, layout
from extract.parsing.doc_text import doc_text
from extract.parsing.figures import Figure
from extract.resources import load_json

__all__ = ["REJECTED_KEY", "Rejection", "Rejections"]
_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_SMALL_INTEGER = re.compile(r"\d{1,3}")
_MARKER = re.compile(r"\d{1,2}")
_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])(?:[.:h]?[0-5]\d)?")  # "23.15", "1730", "9"
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?;:]['\")\]]?|^)\s*\Z")
_FIGURE_AFTER = re.compile(r"\s+\d{1,3}(?:,\s?\d{3}|,\s?,)")  # "1 52,000", "2 850, ,000" (a damaged copy)
_LIST_END_AFTER = re.compile(r"\s*(?:and\b|or\b|[,;.)]|\Z)")
_URL_BEFORE = re.compile(r"(?:www\.|https?://)\S+\s*[|•·]?\s*\Z", re.IGNORECASE)
_PLUS_BEFORE = re.compile(r"\+\s*\Z")
_MORE_AFTER = re.compile(r"\s*more\b", re.IGNORECASE)
_PAGE_OF = re.compile(r"\bpage\s+\d+\s*of\s+\Z", re.IGNORECASE)  # "Page 3 of 12", "You are on page 1of 17"
# a PDF copy's page head, its word letter-spaced or not: "Page | 1", "P a g e | 2"
_PAGE_BAR_BEFORE = re.compile(r"(?<![\w|])(?:page|p a g e)\s*\|\s*\Z", re.IGNORECASE)
_OF_YEAR_AFTER = re.compile(r"\s+of\s+(?:1[89]|20)\d\d\b")  # a calendar period: "the first six months of 2000"
_PERIOD_WORD_BEFORE = re.compile(r"(?<![\w-])(?:first|last|past|next|coming|previous|final)\s+\Z", re.IGNORECASE)
# "in the first six months", "the first nine months of the year": the opening part of a period, when, not how long
_MAX_AGE_UNDER = 25
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")  # "2.1 Health"
_MAX_HEADING = 80
_PAGES_BEFORE = re.compile(r"(?<![\w])(?:pp\.|pages?)\s*\Z", re.IGNORECASE)  # "pp. 4-6", "See pages 12-22"
_TOP_BEFORE = re.compile(r"(?<![\w-])top\s+\Z", re.IGNORECASE)  # "the top 10 donors"
_SLASH_PAIR = re.compile(r"\d{1,2}/(\d{1,2})")
_COMMON_DENOMINATORS = frozenset({"2", "3", "4"})  # "1/2 ration", "a 3/4 majority": fractions even without "of"
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_AGED_BEFORE = re.compile(
    r"\b(?:aged|ages?(?:\s+of)?)\s+(?:between\s+)?(?:\S+\s+(?:months?|years?)\s+(?:to|and|-)\s+)?\Z", re.IGNORECASE
)  # "aged 6-59 months", "aged between 6-59 months", "children between the ages between 1-5 years"
_AGE_UNIT = re.compile(r"\b(?:months?|years?)\b", re.IGNORECASE)
# "3 days ago"; "Updated: 18 min 50 sec ago", the minutes before the seconds of one point in time
_AGO_AFTER = re.compile(r"(?:\s+\d{1,2}\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?))*\s+ago\b", re.IGNORECASE)
_DASH_THEN_CAPITAL = re.compile(r"[ \t]*(?:[-–—]|(?<=\d):)[ \t]+([A-Z].*)")  # "1- Winter ...", "1: Denial of ..."
_MAX_ITEM_NUMBER = 20
_N_OF_M = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*")  # a carousel: "Image 3 of 12"
_SENTENCE_OPENER_TAGS = {"DT", "PRP", "IN", "CC", "RB", "PRP$"}
_OF_AGE = re.compile(r"\s+of\s+age\b", re.IGNORECASE)  # "below 18 years of age"
_OLD = re.compile(r"\s+old\b", re.IGNORECASE)  # "children under five years old"
_TOC_MAX_GAP = 80  # characters between two entries of a table of contents
_BULLETS = frozenset("•·▪■●◦*-–")
_TOC_MIN_ENTRIES = 5
_TOC_LONG_RUN = 8
_TOC_CUE_DISTANCE = 200
_SCORE = re.compile(r"(\d{1,2})\s?[-–—]\s?(\d{1,2})")  # "3-0", "2–1"
_LEADING_ZERO = re.compile(r"0\d+")  # "000015", "004": a code's digits, never an amount
_CODE_WORD = re.compile(r"[A-Z0-9]+(?:[-/_][A-Z0-9]+)+")  # "EQ-2023-000015-TUR", "MDR-TR-004"
_POSTCODE_BEFORE = re.compile(r"(?:,\s*[A-Z]{2}\s+|\b[A-Z]{1,2}-)\Z")  # "Washington, DC 20500", "CH-1211"
_LINE_CODE = re.compile(r"\d+/\d+|\b\d\d\.\d{4}\b")  # "0879/002", "05.2006"
_AFTER_CODE = re.compile(r"(?:\d+/\d+|\b\d\d\.\d{4})\s+\Z")
_ITEM_BREAKS = "\n\f•▪■●◦·"
_ITEM_BREAK = re.compile("[" + re.escape(_ITEM_BREAKS) + "]")
_AFTER_NUMBER = re.compile(r"\d\s+\Z")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_MIN_HEADER_LETTERS = 4
_MIN_TITLE_WORD = 3
_POST_BOX_BEFORE = re.compile(r"\bbox\s+\d+\s*,\s*\Z", re.IGNORECASE)  # "P.O. Box 913, 11111": a postal code
_LIST_NUMBER_AFTER = re.compile(r"\.\s+[A-Z]")  # "... the Darfurs. 2. The Humanitarian Profile"
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?\s+\Z")


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a number is not a figure: a reason named in rejections.json and the id of the rule that decided."""

    reason: str
    rule: str

    def as_dict(self) -> dict[str, str]:
        return {"reason": self.reason, "rule": self.rule}


@cache
def _cues() -> dict[str, object]:
    data = load_json("rejections.json")
    words = {key: frozenset(w.lower() for w in value) for key, value in data.items() if isinstance(value, list)}
    return {
        **words,
        "reasons": frozenset(data["reasons"]),
        "counter_before": _words_before(data["site_counters"], r"\s*[:|]\s*"),
        # "2030/05/17 / number : 106972 / Show Count : 56": an item's number in a web page's row of counters
        "row_id_before": _words_before(data["site_row_labels"], r"\s*:\s*"),
        "counter_in_line": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["site_counters"]) + r")\s*[:|]", re.IGNORECASE
        ),
        # a list item of a document site, the word and its counter alone: "• View\n    12", "• Download 0"
        "counter_item_before": re.compile(
            r"[•·▪][ \t]*(?:" + _alternation(data["site_counter_items"]) + r")\s+\Z", re.IGNORECASE
        ),
        # a series word is a reference word of numbers.json or one of rejections.json's own ("sitrep", "flash update")
        "series_before": _words_before(
            [*data["document_series"], *load_json("numbers.json")["reference_words"]],
            # "Operational Update – 98": a dash before the issue; "Operation update n 2": the "n°" of a copy that lost °
            # "Preliminary Appeal no: 25/": a colon after "no"
            r"\s*(?:no[.:]?|n[º°]|n(?=\s)|#|number|[–—](?=\s))?\s*",
        ),
        # an age group's noun and an opening bracket: the "children (" of "1,000 children (6-59 months)"
        "age_group_bracket": re.compile(r"\b(?:" + _alternation(data["age_groups"]) + r")\s*\(\s*\Z", re.IGNORECASE),
        # "#6", "No. 9", "nº 4"; "Situation Report n. 12" (the Italian and French abbreviation, after a word)
        "hash_before": re.compile(r"(?:#|\bno\.|\bn[º°]|(?<=[a-z] )n\.)\s*\Z", re.IGNORECASE),
        # case-sensitive: "5 MB", "1730 GMT", "1 Source:" (not "5 mb", "the 3 data")
        # a page widget's count in brackets: "Load more (24)", "Filter (3)", "Cart (0)"
        "widget_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["widget_labels"]) + r")[ \t]*\([ \t]*\Z", re.IGNORECASE
        ),
        # "1 of 12 results", "11-20 of 146 items": a listing's position before its total of counter nouns
        "listed_of_after": re.compile(
            r"[ \t]+of[ \t]+[\d,]+[ \t]+(?:" + _alternation(data["site_counter_nouns"]) + r")\b", re.IGNORECASE
        ),
        # case-sensitive: a button's name in capitals then the number ("Twitter 25"), not "we share 25"
        "share_button_before": re.compile(
            r"(?<![\w-])(?:" + _alternation([w.title() for w in data["share_buttons"]]) + r")[ \t]+\Z"
        ),
        # a counter noun the unit reader left out, in capitals ("5 min read | 12 Comments", "1,200 Views")
        "counter_noun_after": re.compile(
            r"[ \t]+(?:" + _alternation(data["site_counter_nouns"]) + r")\b(?![ \t]+(?:of|from|by|on)\b)", re.IGNORECASE
        ),
        # "Donate $25 now", "Give just $10 a month": an imperative opening the line or the sentence
        "donation_ask_before": re.compile(
            r"(?:^|[.!?•|]\s+|\n)[ \t]*(?:"
            + _alternation([w.title() for w in data["donation_verbs"]])
            + r")(?:[ \t]+(?:just|only|now|today|monthly))?[ \t]+\Z"
        ),
        # "viewed 1,234 times", "downloaded over 300 times": a web page's counter written as a sentence
        "counter_verb_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["counter_verbs"]) + r")\s+(?:(?:over|more than|about)\s+)?\Z",
            re.IGNORECASE,
        ),
        "file_size_after": re.compile(r"\s?(?:" + _alternation(data["file_sizes"]) + r")\b"),
        "time_zone_after": re.compile(r"\s?(?:" + _alternation(data["time_zones"]) + r")\b"),
        "note_after": re.compile(r"\s+(?:" + _alternation(data["footnote_notes"]) + r")\b"),
        "score_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["score_cues"]) + r")\s+(?:\w+\s+){0,2}\Z", re.IGNORECASE
        ),
        "listing_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["listing_cues"]) + r")\s+"
            r"(?:\d+\s*[–-]\s*\d+\s+of\s+|[\d–-]+\s+of\s+)?\Z",  # "Showing 11–20 of ", "Displaying 1 - 3 of "
            re.IGNORECASE,
        ),
        "contents_before": re.compile(r"\b(?:" + _alternation(data["contents_cues"]) + r")\b", re.IGNORECASE),
        "opening_period_before": re.compile(
            # "the first six months", "the year's first five months", "the appeal raised £10m in its first three days"
            r"(?<![\w-])(?:" + _alternation(load_json("numbers.json")["ordinal_determiners"]) + r"|\w+['’]s)\s+"
            r"(?:" + _alternation(data["opening_period_words"]) + r")\s+\Z",
            re.IGNORECASE,
        ),
        "relative_time_after": re.compile(
            r"\s+(?:" + _alternation(data["relative_time_words"]) + r")\b", re.IGNORECASE
        ),
        "period_summary_after": re.compile(
            r"[\s-]+(?:" + _alternation(data["period_summary_words"]) + r")\b", re.IGNORECASE
        ),
        "month_year_before": re.compile(r"\b(?:" + _months() + r")\s+(?:19|20)\d\d\s*\Z", re.IGNORECASE),
        "period_end_after": re.compile(
            r"\s+(?:" + _alternation(data["period_end_words"]) + r")\s+(?:\d{1,2}\s+)?(?:" + _months() + r")\b",
            re.IGNORECASE,
        ),
        # "Tel.: (249)", "Fax: +41 22 730": a label, then the digit groups of one number; "phone 24 hours" is no label
        "phone_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["phone_labels"]) + r")(?:\.\s*:?|:)\s*[\d\s()+.-]*\Z", re.IGNORECASE
        ),
        "household_size_after": re.compile(
            r"-(?:person|member)\s+(?:" + _alternation(data["household_nouns"]) + r")\b", re.IGNORECASE
        ),
        # "households with more than 5 members": the size that picks the households, no count of members
        "household_size_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["household_nouns"]) + r")\s+(?:with|of)\s+\Z", re.IGNORECASE
        ),
        "site_offer_after": re.compile(
            r"[\s-]*(?:days?|weeks?|months?)?\s+(?:" + _alternation(data["site_offers"]) + r")\b", re.IGNORECASE
        ),
        "listicle_after": re.compile(  # "Ten crises and trends to watch": a noun joined to the counted one first
            r"(?:\s+(?:and|or)\s+[A-Za-z-]+)?\s+(?:" + _alternation(data["listicle_endings"]) + r")\b", re.IGNORECASE
        ),
        # "epi week 12", "weeks from 5 to 8", "week No. 3": the word before it, to tell "the first week 30 ..."
        "week_before": re.compile(
            r"(?:(\w+)\s+)?(?<![\w-])(" + _alternation(data["week_labels"]) + r")\s*(?:from\s+|no\.?\s*|#\s*)?\Z",
            re.IGNORECASE,
        ),
        "idiom_phrases": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["idiom_phrases"]) + r")(?![\w-])", re.IGNORECASE
        ),
        "category_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["category_before"]) + r")\s+\Z", re.IGNORECASE
        ),
        # a scale's legend: "Very low severity (0-1)", "Low severity (1.1-2)"
        "scale_band_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["scale_band_labels"]) + r")\s*\(\s*\Z", re.IGNORECASE
        ),
        # a scale's step with the scale's top: "the signal level to 4 (of 6)", "warning signals to 7 from a possible
        # 10", "alert level 3 (out of 5)": the label, a few words without a number or a sentence's end, "to"/"at" or
        # nothing, the step, then its top in brackets or after "(out) of (a possible)"/"from a possible"
        "scale_step": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["scale_step_labels"]) + r")s?\b"
            r"(?:[^.;:!?\n\d]{0,40}?\b(?:to|at))?\s+(?P<step>\d{1,2})\s*"
            r"(?:\(\s*(?:out\s+)?of\s+(?:a\s+possible\s+)?(?P<top1>\d{1,2})\s*\)"
            r"|(?:from|out\s+of)\s+a\s+possible\s+(?P<top2>\d{1,2})\b)",
            re.IGNORECASE,
        ),
        # an issue's date at a line's opening: "Autumn 2023 110", "June 2021 87"
        "issue_date_before": re.compile(
            r"(?:\A|\n)[ \t]*(?:" + _alternation(data["issue_seasons"]) + "|" + _months() + r")"
            r"[ \t]+(?:19|20)\d\d[ \t]+\Z",
            re.IGNORECASE,
        ),
        # an axis tick: a number with a compact scale suffix, as the last bound of what was read ("112 - 0.5M")
        "axis_tick": re.compile(r"(?:.*[-–]\s*)?\d+(?:\.\d+)?(?:" + _alternation(data["axis_tick_suffixes"]) + r")"),
    }


_AND_ABOVE = re.compile(r"\s*(?:\+|\s(?:and|or)\s+(?:above|over|higher|worse|more|beyond)\b)", re.IGNORECASE)
_SERIES_JOINERS = frozenset({"and", "or", "&", ",", "to"})
_MAX_SERIES_MEMBER = 999


def _small_whole(figure: Figure) -> bool:
    bounds = [b for b in (figure.value, figure.low, figure.high) if b is not None]
    return bool(bounds) and all(b == int(b) and 0 <= b <= _MAX_SERIES_MEMBER for b in bounds)


def _joined_to_number(doc: Doc, index: int) -> bool:
    """Whether a list joiner at token `index` leads to a further number: the "and 4" of "Zones 3 and 4"."""
    return index + 1 < len(doc) and doc[index].lower_ in _SERIES_JOINERS and doc[index + 1].like_num


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and word[:-1] in _cue("series_labels") else word


def _series_label(doc: Doc, index: int) -> Token | None:
    """The series label word at token `index` ("Phase", "Zones"), not a verb in lower case ("it zones 3 ...")."""
    if index < 0:
        return None
    token = doc[index]
    if _singular(token.lower_) not in _cue("series_labels"):
        return None
    return token if token.pos_ != "VERB" or token.is_title else None


# A footnote's note citing its source: its number after a sentence's end or opening a line, then the source's name
# in capitals and a year ("1 UNHCR, 2020. 2 OCHA, 2021.", "3 World Bank (2019)")
_NOTE_NUMBER = re.compile(r"\d{1,2}")
_NOTE_OPENING = re.compile(r"(?:^|[.;]\s+)\Z", re.MULTILINE)
_CITED_SOURCE = re.compile(r"[ \t]+[A-Z][\w&.’'-]*(?:[ \t]+[A-Z][\w&.’'-]*){0,4}(?:,[ \t]*|[ \t]+\()(?:19|20)\d\d\b")


def _months() -> str:
    months = load_json("numbers.json")["months"]
    return _alternation([*months, *(m[:3] + "." for m in months), *(m[:3] for m in months)])


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _line_of(text: str, position: int) -> str:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return text[start : len(text) if end < 0 else end]


def _words_before(words: list[str], tail: str) -> re.Pattern[str]:
    """One of `words` ending right before a number, then `tail`: "Views: ", "Situation Report No. "."""
    return re.compile(r"(?<![\w-])(" + _alternation(words) + r")" + tail + r"\Z", re.IGNORECASE)


def _cue(name: str) -> frozenset[str]:
    value = _cues()[name]
    assert isinstance(value, frozenset)
    return value


def _pattern(name: str) -> re.Pattern[str]:
    value = _cues()[name]
    assert isinstance(value, re.Pattern)
    return value


_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_CLOSING_BRACKET = re.compile(r"[ \t]*\)")


class Rejections:
    """The rules that set a number aside, in the order the quantities component asks them."""

    def before_unit(self, doc: Doc, text: str, figure: Figure, number: Span) -> Rejection | None:
        """Rules that read only the number and the characters around it."""
        start, end = figure.number_start, figure.number_end
        before = text[max(0, start - 40) : figure.start]
        surface = text[start:end]
        if _PLUS_BEFORE.search(before) and _MORE_AFTER.match(text, end):
            return Rejection("site furniture", "plus-n-more")  # "Afghanistan + 16 more"
        if _pattern("counter_before").search(before):
            return Rejection("site furniture", "counter-label")  # "Views: 1,204", "Pages: 412"
        if _pattern("row_id_before").search(before) and _pattern("counter_in_line").search(_line_of(text, start)):
            return Rejection("site furniture", "counter-row-id")
        if _pattern("widget_before").search(before) and _CLOSING_BRACKET.match(text, end):
            return Rejection("site furniture", "widget-counter")  # "Load more (24)", "Filter (3)"
        if _pattern("share_button_before").search(before) and _LINE_END.match(text, end):
            return Rejection("site furniture", "share-counter")  # "Share this: Facebook Twitter 25"
        if _pattern("counter_item_before").search(before) and _LINE_END.match(text, end):
            return Rejection("site furniture", "counter-item")  # "• View\n    12": a document site's counter
        if figure.kind is Kind.MONEY and _pattern("donation_ask_before").search(before):
            return Rejection("site furniture", "donation-ask")  # "Donate $25 now": a page's appeal button
        if _pattern("site_offer_after").match(text, end):
            return Rejection("site furniture", "site-offer")  # "start your 15-day free trial": a subscription offer
        if figure.unit == "times" and _pattern("counter_verb_before").search(before):
            return Rejection("site furniture", "counter-verb")  # "This page has been viewed 1,234 times"
        if _pattern("file_size_after").match(text, end):
            return Rejection("site furniture", "file-size")  # "(869.28 KB)", "PDF | 2.3 MB"
        if _pattern("time_zone_after").match(text, end) and _CLOCK.fullmatch(surface):
            return Rejection("time", "time-zone")  # "23.15 local time", "1730 GMT"
        if _pattern("phone_before").search(before):
            return Rejection("phone", "phone-label")  # "Tel.: (249)": a dialling code, no amount
        if _POST_BOX_BEFORE.search(before):
            return Rejection("address", "post-box-code")
        if _PAGE_OF.search(before):
            return Rejection("page furniture", "page-of")  # the 12 of "Page 3 of 12"
        if _PAGE_BAR_BEFORE.search(before):
            return Rejection("page furniture", "page-bar")  # "Page | 1 MDRET024 ...": a PDF copy's page head
        if _pager(text, start, end):
            return Rejection("page furniture", "pager")  # "Snapshot (as of 30 June 2021) 1 of 2": a page's pager
        if _URL_BEFORE.search(before):
            return Rejection("page furniture", "after-url")  # a footer: "www.unhcr.org 1"
        if code := _code(text, figure, before):
            return code
        if _dashed_list_item(text, figure):
            return Rejection("ordinal", "dashed-list-number")
        if _epidemiological_week(before, surface, figure):
            return Rejection("date", "epi-week")  # "epi week 12", "weeks from 5 to 8": which week, not how many
        if _in_citation(text, start, end):
            return Rejection("reference", "journal-citation")  # "World J Surg 2010;34(3):415-9": volume and pages
        if _PAGES_BEFORE.search(before):
            return Rejection("reference", "page-reference")  # "(pp. 4-6)": pages of a document, no amount
        if _ELLIPSIS_BEFORE.search(before) and _ELLIPSIS_AFTER.match(text, end):
            return Rejection("site furniture", "snippet-ellipsis")  # "... to cover ... 19...": a cut snippet
        if _scale_step(text, start, end):
            return Rejection("category label", "scale-step")  # "the signal level to 4 (of 6)": a step and its top
        if _cut_page_snippet(text, figure):
            return Rejection("site furniture", "page-snippet-end")  # "Page 2: TITLE · 2021. 4. 6. · ... of four"
        if _SMALL_INTEGER.fullmatch(surface) and _BULLET_BEFORE.search(before) and _POINT_AFTER.match(text, end):
            return Rejection("footnote", "bullet-point-marker")  # "· 1. In this report": a snippet's note number
        if _scale_band(text, figure, before):
            return Rejection("category label", "scale-band")  # "Very low severity (0-1)": a legend's band
        if _scale_value(text, figure, before):
            return Rejection("category label", "scale-value")  # "a score from 0-3", "score 3 to 5": a scale's point
        if (
            _SMALL_INTEGER.fullmatch(surface)
            and _LINE_END.match(text, end)
            and _pattern("issue_date_before").search(text, 0, start)
        ):
            return Rejection("reference", "issue-after-date")  # "Autumn 2023 110": the issue's number
        small = _SMALL_INTEGER.fullmatch(surface) or (
            figure.is_word and figure.value is not None and figure.value <= 100
        )
        if _TOP_BEFORE.search(before) and small and figure.start == start:
            return Rejection("idiom", "top-n")  # "among the top 10 countries", "the top seven operations": a ranking
        if not figure.is_word and _pattern("listing_before").search(before):
            # "Showing 11–20 of 146 results": a site's counter is in digits; "images showing dozens of bodies"
            # is the report's own figure
            return Rejection("site furniture", "result-listing")
        if _pattern("listed_of_after").match(text, end):
            return Rejection("site furniture", "n-of-m-listed")  # the 1 of "1 of 12 results"
        if (series := self._series(before, surface, figure)) and not layout.labelled_after(doc, number.start):
            return series  # "... in Mtendeli Camp 140 Total population": a key figure after the last row's label
        if _NOTE_NUMBER.fullmatch(surface) and _NOTE_OPENING.search(before) and _CITED_SOURCE.match(text, end):
            return Rejection("footnote", "cited-source-note")  # "... fled. 2 OCHA, 2021.": a note citing a source
        if (_SMALL_INTEGER.fullmatch(surface) or _GLUED_MARKER.fullmatch(surface)) and (
            footnote := _footnote(doc, text, figure, number)
        ):
            return footnote
        return None

    def reference(self, word: str) -> Rejection:
        """The number after a reference word ("Article 13", "Phase 3"): a class label or a reference."""
        if word in _cue("phase_labels"):
            return Rejection("category label", "phase-or-category")
        return Rejection("reference", "reference-word")

    def series_members(self, doc: Doc, figure: Figure, number: Span) -> Rejection | None:
        """Numbers naming members of a series as a range or a list after a label word, singular or plural: "IPC
        Phases 3 to 5", "Phase 3-5", "Zones 3 and 4", "Camps 1, 2 and 3" (each number), "articles 6 to 8"."""
        if not _small_whole(figure):
            return None
        label = _series_label(doc, number.start - 1)
        if label is not None:
            listed = _joined_to_number(doc, number.end) or _AND_ABOVE.match(doc.text, number.end_char) is not None
            # "Phases 3 and above" too; a plural alone may stand before a count ("in the camps 200 families")
            if listed or figure.qualifier in (Qualifier.RANGE, Qualifier.AT_LEAST, Qualifier.MORE_THAN):
                return self.reference(_singular(label.lower_))
            return None
        scale = number.start >= 3 and doc[number.start - 1].lower_ == "of" and doc[number.start - 2].like_num
        if scale and (label := _series_label(doc, number.start - 3)) is not None:
            return self.reference(_singular(label.lower_))  # the scale of "Level 3 of 5", "Phase 2 of 4"
        index = number.start - 1
        # a later member of the list: "Zones 3 and 4", "Camps 1, 2 and 3"; a comma joins only inside the list, not
        # before the sentence's own figure ("Under articles 6 to 8, 40 detainees")
        continues = _joined_to_number(doc, number.end)
        while index >= 1 and doc[index].lower_ in _SERIES_JOINERS and doc[index - 1].like_num:
            if doc[index].text == "," and not continues:
                return None
            continues = True
            index -= 2
            if (label := _series_label(doc, index)) is not None:
                return self.reference(_singular(label.lower_))
        return None

    def _series(self, before: str, surface: str, figure: Figure) -> Rejection | None:
        """A number in a series or a name: "Situation Report No. 12", "Flash Update #4", "IPC Phase 3", "Round 3".
        A series word counts only capitalised or before "No."/"#", and before a small whole number."""
        if not _SMALL_INTEGER.fullmatch(surface) or figure.qualifier not in (Qualifier.EXACT, Qualifier.AT_LEAST):
            return None
        if _pattern("hash_before").search(before):
            return Rejection("reference", "number-sign")
        match = _pattern("series_before").search(before)
        if match is None or not match.group(1)[0].isupper():
            return None
        if match.group(1).lower() in _cue("phase_labels"):
            return Rejection("category label", "phase-or-category")
        return Rejection("reference", "series-word")

    def after_unit(
        self, doc: Doc, text: str, figure: Figure, number: Span, unit_tokens: list[Token]
    ) -> Rejection | None:
        """Rules that read the counted noun or unit found after the number too."""
        if _cut_at_text_end(text, figure, unit_tokens):
            return Rejection("cut text", "cut-at-text-end")  # "... to CHF 20 millio": the copy stops mid-word
        if figure.is_year_like and figure.unit is not None:
            return _year_modifier(text, figure, unit_tokens)
        if figure.unit is not None and _FOREIGN_MONTH.fullmatch(figure.unit) and _YEAR_AFTER.match(text, figure.end):
            return Rejection("date", "foreign-month")  # "31 مايو 2016": a day, a month in another script, a year
        if figure.kind is Kind.RATIO and _slash_pair_name(text, figure):
            return Rejection("name", "slash-pair")  # "the 9/11 attacks"; "7/10 of the wells" stays a ratio
        if figure.unit is not None and figure.unit.lower() in _cue("site_counter_nouns"):
            return Rejection("site furniture", "counter-noun")  # "35 downloads", "146 results"
        if figure.unit is None and _pattern("counter_noun_after").match(text, figure.number_end):
            return Rejection("site furniture", "counter-noun-title")  # "5 min read | 12 Comments"
        if age := _age(doc, text, figure, number):
            return age
        if _pattern("household_size_after").match(text, figure.number_end):
            return Rejection("category label", "household-size")  # "each four-person family": a class, no count
        if figure.unit in _cue("household_members") and _pattern("household_size_before").search(text, 0, figure.start):
            return Rejection("category label", "household-size-with")  # "households with more than 5 members"
        if idiom := _idiom(doc, figure, number, unit_tokens):
            return idiom
        if _selected_by_superlative(doc, number, unit_tokens):
            return Rejection("idiom", "set-with-superlative")  # "the 40 countries with the largest needs": a ranking
        if figure.unit is not None and _listicle_title(text, figure):
            return Rejection("name", "listicle-title")  # "Ten crises to watch in 2030": a headline's list, no count
        if figure.kind is Kind.DURATION and _AGO_AFTER.match(text, figure.end):
            return Rejection("time", "time-ago")  # "3 days ago", "Posted 2 hours ago": when, not how long
        if figure.kind is Kind.DURATION and _pattern("relative_time_after").match(text, figure.end):
            return Rejection("date", "time-earlier")  # "down from USD 72bn two years earlier": when, not how long
        if (
            figure.kind is Kind.DURATION
            and _OF_YEAR_AFTER.match(text, figure.end)
            and _PERIOD_WORD_BEFORE.search(text, 0, figure.start)
        ):
            return Rejection("date", "period-phrase")  # "the first six months of 2000"
        if figure.kind is Kind.DURATION and (period := _reporting_period(text, figure)):
            return period
        if _numbered_name(doc, text, figure, number, unit_tokens):
            return Rejection("name", "name-then-number")  # "FTSE 100 education giant", "FTSE 250-listed"
        if reading := _name_or_place(doc, text, figure, number, unit_tokens):
            return reading
        if _section_number(text, figure):
            return Rejection("ordinal", "section-number")  # "2.1 Health": a heading's number, no count of 2.1
        if figure.unit is None and _list_number(text, figure):
            return Rejection("ordinal", "list-number")
        if figure.unit is None and (furniture := _line_furniture(text, figure)):
            return furniture
        if not figure.is_word and (title := _page_number_before_title(text, figure, unit_tokens)):
            return title
        if _lone_number(doc, figure):
            return Rejection("page furniture", "lone-number")  # "• 0", a page number on its own line
        return None

    def in_sequence(self, text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
        """Figures read together: page numbers of a table of contents ("Foreword 4 Humanitarian Situation 6
        Children in Crisis 8 ..."), small whole numbers that grow, each after a few words with no sentence end;
        a chart's residue (axis ticks, a series of signed changes)."""
        rejected = _axis_ticks(text, quantities) | _in_signed_series(text, quantities)
        rejected |= _interleaved_axis(text, quantities)
        rejected |= _piped_contents(text, quantities)
        rejected |= {i: r for i, r in _ranked_rows(text, quantities).items() if i not in rejected}
        return rejected | {i: r for i, r in self._contents_sequence(text, quantities).items() if i not in rejected}

    def in_names(self, doc: Doc, quantities: list[Quantity], skip: set[int]) -> dict[int, Rejection]:
        """Figures that end a name the entity tagger reads ("the Windows 11 update"): decided after the figures
        read together, so a table of contents ("Humanitarian Situation 6 Children in Crisis 8") keeps its run."""
        return {
            index: Rejection("name", "number-in-entity")
            for index, quantity in enumerate(quantities)
            if index not in skip and _ends_entity_name(doc, quantity)
        }

    def _contents_sequence(self, text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
        rejected: dict[int, Rejection] = {}
        run: list[int] = []
        for index, quantity in enumerate([*quantities, None]):
            if quantity is not None and _page_number_like(quantity) and _continues(text, quantities, run, quantity):
                run.append(index)
                continue
            if len(run) >= _TOC_MIN_ENTRIES and _contents(text, quantities, run):
                rejected.update((i, Rejection("page furniture", "contents-sequence")) for i in run)
            run = [index] if quantity is not None and _page_number_like(quantity) else []
        return rejected


_RANK_MIN_ROWS = 3
_RANK_LABEL = re.compile(r" [A-Z]")  # a rank's row label follows it after one space: "1 Iraq CHF 85.7"


def _ranked_rows(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """The ranks of a ranked table flattened into one line ("10 largest operations in 2009 ... 1 Iraq CHF 85.7 USD
    79.0 2 Sudan CHF 77.4 USD 71.4 3 Pakistan ..."): whole numbers 1, 2, 3 ... in order (a rank another rule
    already took may be missing: up to two), each right before a capitalised row label, with the row's own figures
    between two ranks; three rows or more."""
    rejected: dict[int, Rejection] = {}
    run: list[int] = []
    cells = 0  # figures read since the last rank
    for index, quantity in enumerate([*quantities, None]):
        rank = (
            quantity is not None
            and _next_rank(quantity.number, quantities, run)
            and (not run or cells > 0)
            and _RANK_LABEL.match(text, quantity.number_end) is not None
        )
        if rank:
            run.append(index)
            cells = 0
            continue
        opens = quantity is not None and quantity.number == "1" and _RANK_LABEL.match(text, quantity.number_end)
        if quantity is not None and run and not opens:
            cells += 1  # a row's cell; a new "1 Label" opens another table
            continue
        if len(run) >= _RANK_MIN_ROWS:
            rejected.update((i, Rejection("ordinal", "ranked-rows")) for i in run)
        run, cells = ([index] if opens else []), 0
    return rejected


def _next_rank(number: str, quantities: list[Quantity], run: list[int]) -> bool:
    if not number.isdigit():
        return False
    last = int(quantities[run[-1]].number) if run else 0
    return last < int(number) <= last + 3 if run else number == "1"


_TICK_GAP = re.compile(r"[\s\-–—•]*")  # what lies between two ticks of one axis: no word, no other number
_MIN_TICKS = 3
# a series of signed changes as a chart labels its bars ("+79 +59 +8 0 -1 +3"): four or more numbers, only spaces
# between them, at least three with a sign of their own
_SIGNED_SERIES = re.compile(r"(?<![\w.,])(?:[+\-−]?\d+(?:\.\d+)?%?[ \t]+){3,}[+\-−]?\d+(?:\.\d+)?%?(?![\w.,])")
_SIGN = re.compile(r"(?<!\S)[+\-−]\d")
_MIN_SIGNED = 3


def _axis_ticks(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """A chart axis read as figures: three or more numbers with one compact scale suffix ("0.5M 1M 1.5M 2M",
    "- 90M 50M 30M 70M"), nothing but spaces or dashes between them, whose values are evenly spaced."""
    rejected: dict[int, Rejection] = {}
    run: list[int] = []
    for index, quantity in enumerate([*quantities, None]):
        tick = quantity is not None and _is_tick(text, quantity)
        if tick and run and _TICK_GAP.fullmatch(text, quantities[run[-1]].end, quantity.number_start):
            run.append(index)
            continue
        if len(run) >= _MIN_TICKS and _evenly_spaced([_tick_value(quantities[i]) for i in run]):
            rejected.update((i, Rejection("page furniture", "axis-ticks")) for i in run)
        run = [index] if tick else []
    return rejected


# A chart whose axis a PDF copy scatters through the body text ("spread to four other 180 neighbouring districts
# ... 160 with ... 140 DREF support ... 20 water purifiers ... 0 improved"): bare whole numbers that step down (or
# up) by one even step of 5 or more, each within a few lines of the one before, whatever lies between. A paragraph
# holds a part of the axis: four ticks when they reach 0 by a step of 20 or more, six when they do not.
_SCATTERED_TICK = re.compile(r"\d{1,6}")
_SCATTERED_MIN_TICKS = 6
_SCATTERED_MIN_STEP = 5
_SCATTERED_MIN_TO_ZERO = 4  # "30 admissions ... 20 of them ... 10 ... 0 deaths" may be prose: such a run steps by
_SCATTERED_MIN_STEP_TO_ZERO = 20  # at least 20
_SCATTERED_MAX_GAP = 200  # characters between two ticks of one axis


def _interleaved_axis(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """A chart axis interleaved with the prose: bare whole numbers, in the text's order, whose values step by one
    even step (5 or more), each within a few lines of the one before: six or more, or four or more that reach 0 by a
    step of 20 or more."""
    ticks = [
        (index, int(quantity.value), quantity.number_start)
        for index, quantity in enumerate(quantities)
        if quantity.start == quantity.number_start
        and quantity.value is not None
        and _SCATTERED_TICK.fullmatch(text, quantity.number_start, quantity.number_end) is not None
    ]
    rejected: dict[int, Rejection] = {}
    for first, (_, value, start) in enumerate(ticks):
        for _, next_value, next_start in ticks[first + 1 :]:
            if next_start - start > _SCATTERED_MAX_GAP:
                break
            step = next_value - value
            if abs(step) < _SCATTERED_MIN_STEP or value % step:
                continue
            run = _scattered_run(ticks[first:], step)
            to_zero = 0 in (value, value + step * (len(run) - 1)) and abs(step) >= _SCATTERED_MIN_STEP_TO_ZERO
            if len(run) >= (_SCATTERED_MIN_TO_ZERO if to_zero else _SCATTERED_MIN_TICKS):
                rejected.update((i, Rejection("page furniture", "scattered-axis-ticks")) for i in run)
    return rejected


def _scattered_run(ticks: list[tuple[int, int, int]], step: int) -> list[int]:
    """The indices of the ticks that continue the first one by `step`, each the next such value within reach; none
    when a value between two of them stands between them in the text."""
    run, (index, value, start) = [], ticks[0]
    run.append(index)
    for other, other_value, other_start in ticks[1:]:
        if other_start - start > _SCATTERED_MAX_GAP:
            break
        if other_value == value + step:
            run.append(other)
            value, start = other_value, other_start
        elif min(value, value + step) < other_value < max(value, value + step):
            return run[:1]  # a denser series between two ticks ("Wk 16 Wk 17 Wk 18"): no axis of this step
    return run


def _is_tick(text: str, quantity: Quantity) -> bool:
    """A number and its compact suffix, nothing more ("1.5M", "25%"): no qualifier, no counted noun."""
    return (
        quantity.start == quantity.number_start
        and _pattern("axis_tick").fullmatch(text, quantity.number_start, quantity.end) is not None
    )


def _tick_value(quantity: Quantity) -> float | None:
    """A tick's value; of a range read across the axis's first tick ("112 - 0.5M"), its upper bound."""
    value = quantity.value if quantity.value is not None else quantity.high
    return None if value is None else float(value)


def _evenly_spaced(values: list[float | None]) -> bool:
    if any(v is None for v in values):
        return False
    ordered = sorted(v for v in values if v is not None)
    steps = [b - a for a, b in pairwise(ordered)]
    return steps[0] > 0 and all(abs(step - steps[0]) <= 1e-9 * max(1.0, abs(steps[0])) for step in steps)


def _in_signed_series(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """The figures read inside a series of signed changes ("+79 +59 +8 0 -1 +3"): a chart's bar labels."""
    series = [m.span() for m in _SIGNED_SERIES.finditer(text) if len(_SIGN.findall(m.group())) >= _MIN_SIGNED]
    return {
        index: Rejection("page furniture", "signed-change-series")
        for index, quantity in enumerate(quantities)
        if any(start <= quantity.number_start and quantity.number_end <= end for start, end in series)
    }


# a journal citation's year, volume, issue and pages: "2010;34(3):415-9", "2019; 393(10178): 1245-53"
_CITATION = re.compile(r"(?<!\d)(?:19|20)\d\d;\s?\d{1,4}(?:\s?\(\d{1,6}\))?:\s?\d{1,6}(?:\s?[-–]\s?\d{1,6})?")


def _in_citation(text: str, start: int, end: int) -> bool:
    """Whether the number at `start`-`end` is a part of a journal citation ("2010;34(3):415-9")."""
    window = text[max(0, start - 24) : end + 24]
    offset = max(0, start - 24)
    return any(m.start() + offset <= start and end <= m.end() + offset for m in _CITATION.finditer(window))


_ELLIPSIS_BEFORE = re.compile(r"(?:\.\.\.|…)[ \t]*\Z")
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


# A marker between a middle dot or bullet and a point: a document site's snippet title runs a note's number in
# ("... acaps · 2021. 4. 6. · 1. In this report ACAPS uses ..."); a figure after a bullet has its noun, not a point
_BULLET_BEFORE = re.compile(r"[·•][ \t]*\Z")
_POINT_AFTER = re.compile(r"\.[ \t]+[^\W\d]")
_ELLIPSIS_AFTER = re.compile(r"[ \t]*(?:\.\.\.|…)")
_MAX_BAND = 10


_SCALE_STEP_REACH = 80


def _scale_step(text: str, start: int, end: int) -> bool:
    """A step of a named scale given with the scale's top, or that top: the 4 and the 6 of "raised the signal level
    to 4 (of 6)", the 7 and the 10 of "warning signals to 7 from a possible 10". "23 out of 31 provinces" names no
    scale and stays two figures."""
    window_start = max(0, start - _SCALE_STEP_REACH)
    for match in _pattern("scale_step").finditer(text, window_start, min(len(text), end + _SCALE_STEP_REACH)):
        for group in ("step", "top1", "top2"):
            if match.start(group) == start and match.end(group) == end:
                return True
    return False


def _scale_band(text: str, figure: Figure, before: str) -> bool:
    """A band of a scale's legend in brackets after the scale's word: "Very low severity (0-1)", "High severity
    (3.1-4)"; small bounds, the bracket closing right after. "people affected (2-3 million)" is an amount."""
    return (
        figure.qualifier is Qualifier.RANGE
        and figure.high is not None
        and figure.high <= _MAX_BAND
        and text[figure.end : figure.end + 1] == ")"
        and _pattern("scale_band_before").search(before) is not None
    )


def _scale_value(text: str, figure: Figure, before: str) -> bool:
    """A small bare value or range after a score's or scale's word, at most three linking words between:
    "countries that score 3 to 5", "on a scale of 0-5", "saw a score increase to 5". "a scale of 100 km" is an
    amount, "a rating of 4 questions" a count (a noun after it), "a rating increase to 2.5%" a change."""
    top = figure.high if figure.qualifier is Qualifier.RANGE else figure.value
    if figure.kind is not Kind.COUNT or top is None or top > _MAX_BAND or top != int(top):
        return False
    noun = _WORD_AFTER.match(text, figure.end)
    if noun is not None and noun.group(1).lower() not in _stop_words():
        return False
    words = re.findall(r"[^\W\d]+", before[-60:].lower())
    links = _cue("scale_value_links")
    for index in range(len(words) - 1, max(-1, len(words) - 5), -1):
        if words[index] in _cue("scale_value_words"):
            tail = before[-60:].lower()
            return not re.search(r"[.;:!?\n]", tail[tail.rfind(words[index]) :]) and all(
                w in links for w in words[index + 1 :]
            )
        if words[index] not in links:
            return False
    return False


_WORD_AFTER = re.compile(r"[ \t]+([^\W\d]+)")


# A magazine's contents line: entries opening after a rule ("| 4 'We're living ...'"), each a page number before
# its article's title (a capital or an opening quote)
_PIPED_ENTRY = re.compile(r"(?:^|\|)[ \t]*\d{1,3}[ \t]+[A-Z‘'\"“]")
_ENTRY_TITLE_AFTER = re.compile(r"[ \t]+[A-Z‘'\"“]")
_MIN_PIPED_ENTRIES = 3


def _piped_contents(text: str, quantities: list[Quantity]) -> dict[int, Rejection]:
    """The page numbers of a contents line whose entries a rule sets off: "2 Situation report | 4 'We're living
    and working inside this hospital' MSF staff report ... 6 To the mountains ... | 10 Trauma on the road": three or
    more entries open after a rule (or the line's start), and the small whole numbers before a title grow along the
    line. (A sentence's titles are long, so the run of `_contents_sequence` does not hold them.)"""
    by_line: dict[tuple[int, int], list[int]] = {}
    for index, quantity in enumerate(quantities):
        if _page_number_like(quantity) and _ENTRY_TITLE_AFTER.match(text, quantity.number_end):
            line_start = text.rfind("\n", 0, quantity.number_start) + 1
            line_end = len(text) if (found := text.find("\n", quantity.number_end)) < 0 else found
            by_line.setdefault((line_start, line_end), []).append(index)
    rejected: dict[int, Rejection] = {}
    for (line_start, line_end), indexes in by_line.items():
        if len(_PIPED_ENTRY.findall(text, line_start, line_end)) < _MIN_PIPED_ENTRIES:
            continue
        values = [quantities[i].value for i in indexes]
        if all(a is not None and b is not None and a < b for a, b in pairwise(values)):
            rejected.update((i, Rejection("page furniture", "piped-contents")) for i in indexes)
    return rejected


def _contents(text: str, quantities: list[Quantity], run: list[int]) -> bool:
    """A contents cue ("Table of contents", "In this issue") shortly before the run, or a long run."""
    if len(run) >= _TOC_LONG_RUN:
        return True
    first = quantities[run[0]].number_start
    return _pattern("contents_before").search(text, max(0, first - _TOC_CUE_DISTANCE), first) is not None


def _page_number_like(quantity: Quantity) -> bool:
    return (
        quantity.qualifier is Qualifier.EXACT
        and quantity.kind is Kind.COUNT
        and _SMALL_INTEGER.fullmatch(quantity.number) is not None
    )


def _continues(text: str, quantities: list[Quantity], run: list[int], quantity: Quantity) -> bool:
    if not run:
        return True
    last = quantities[run[-1]]
    gap = text[last.number_end : quantity.number_start]
    return (
        quantity.value is not None
        and last.value is not None
        and quantity.value > last.value
        and len(gap) <= _TOC_MAX_GAP
        and not re.search(r"[.!?;,]\s", gap)
        and any(c.isalpha() for c in gap)
        and all(word[0].isupper() or not word[0].isalpha() or word in _TITLE_SMALL_WORDS for word in gap.split())
    )


_TITLE_SMALL_WORDS = frozenset({"of", "in", "and", "for", "the", "to", "on", "a", "an", "with", "at", "by"})


_WEEKS_IN_A_YEAR = 53


def _epidemiological_week(before: str, surface: str, figure: Figure) -> bool:
    """A week's number after its label ("epi week 12", "week 5 to week 8"), or the weeks of a range after the
    plural ("weeks from 5 to 8", "weeks 5-8"); not an amount after a time ("in the first week 30 people died",
    "within weeks 40 people died")."""
    match = _pattern("week_before").search(before)
    first = re.match(r"\d{1,2}(?!\d)", surface)
    if match is None or first is None or not 1 <= int(first.group()) <= _WEEKS_IN_A_YEAR:
        return False
    label = match.group(2).lower()
    opener = (match.group(1) or "").lower()
    if label in {"week", "weeks"} and opener in _cue("week_label_openers"):
        return False
    plural = label.endswith("weeks")
    return not plural or figure.qualifier is Qualifier.RANGE


# "extended for two months to 31 March": how long a thing lasts, up to the date it ends, not a reporting period
_FOR_BEFORE = re.compile(r"(?<![\w-])for\s+\Z", re.IGNORECASE)


def _reporting_period(text: str, figure: Figure) -> Rejection | None:
    """A reporting period, not an amount of time: one that ends on a date ("the 27 weeks to 4 December", "the 12
    months ended March"), the opening part of a period ("in the first six months", "in its first three days", "the
    initial nine months of the year": which months, as "the first half" is; "the past six months" and "the last 10
    years" stay durations), or the period a summary report covers ("this 12-month summary update")."""
    if _pattern("period_end_after").match(text, figure.end) and not _FOR_BEFORE.search(text, 0, figure.start):
        return Rejection("date", "period-to-date")
    if figure.start == figure.number_start and _pattern("opening_period_before").search(text, 0, figure.start):
        return Rejection("date", "opening-period")
    if _pattern("period_summary_after").match(text, figure.end):
        return Rejection("date", "period-summary")  # "a six-month summary": the report's period, no fact
    if _PERIOD_NOUN_AFTER.match(text, figure.end) and _THE_BEFORE.search(text, 0, figure.start):
        return Rejection("date", "the-period")  # "during the twelve month period": the report's period, which
    return None


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
        forms.update({word[:-1], word[:-2]})  # "tents", "boxes"; "cas" is no plural of "ca"
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


def _listicle_title(text: str, figure: Figure) -> bool:
    """A headline's list: the number opens the line or follows the headline's colon ("Update: Ten crises to watch"),
    and a listicle ending follows its noun; "sent 20 monitors to watch the border" is a purpose, not a title."""
    line = text[text.rfind("\n", 0, figure.start) + 1 : figure.start].strip()
    return (not line or line.endswith(":")) and _pattern("listicle_after").match(text, figure.end) is not None


def _section_number(text: str, figure: Figure) -> bool:
    """A heading's number opening a short line: "2.1 Health", "3.4 Protection of civilians"; a count is whole."""
    start, end = figure.number_start, figure.number_end
    if figure.kind is not Kind.COUNT or figure.qualifier is not Qualifier.EXACT or figure.start != start:
        return False
    if not _SECTION_NUMBER.fullmatch(text, start, end) or not re.match(r" [A-Z]", text[end : end + 2]):
        return False
    line_start = max(text.rfind(c, 0, start) for c in _ITEM_BREAKS) + 1
    line_end = min((i for i in (text.find(c, end) for c in _ITEM_BREAKS) if i >= 0), default=len(text))
    rest = text[end:line_end]
    return not text[line_start:start].strip() and len(rest) <= _MAX_HEADING and not any(c.isdigit() for c in rest)


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
    named_event = words[0][:1].isupper() and bool(unit_tokens) and unit_tokens[-1].is_lower  # not "Rohingya Refugees"
    if figure.start == figure.number_start and _THE_BEFORE.search(text, 0, figure.start) and named_event:
        return Rejection("year", "year-before-name")  # "since the 1997 El Niño rains": which rains, not how many
    return None


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


def _hyphen_age(text: str, figure: Figure) -> bool:
    return text.startswith(("-year-old", "-month-old"), figure.number_end)


def _idiom(doc: Doc, figure: Figure, number: Span, unit_tokens: list[Token]) -> Rejection | None:
    """ "mother of two", "three of the world's largest", "One official said": a number word that describes or
    introduces, not counts."""
    if not figure.is_word:
        return None
    if figure.unit is None and _superlative_after(doc, number):
        return Rejection("idiom", "n-of-superlative")
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
    if figure.unit is not None or number.start < 2:
        return None
    of, noun = doc[number.start - 1], doc[number.start - 2]
    if of.lower_ == "of" and noun.lower_ in _cue("idiom_after_of"):
        return Rejection("idiom", "parent-of-n")
    return None


_PHRASE_REACH = 20


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


def _footnote(doc: Doc, text: str, figure: Figure, number: Span) -> Rejection | None:
    """A footnote marker a copy lost the superscript of, or the number opening a footnote's note: "asylum-seekers.
    3 1 Source: ...", "Refugees 1 52,000", "countries 2 and 3.4 million", "1 Includes 24,000 ..."."""
    if figure.qualifier is not Qualifier.EXACT or figure.is_word:
        return None
    start, end = figure.number_start, figure.number_end
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]":
        return Rejection("footnote", "bracket-marker")  # "were killed.[4]", "fled [12]": a web copy's note number
    glued = start > 0 and text[start - 1] == ")" and _GLUED_MARKER.fullmatch(text, start, end) is not None
    if glued and figure.unit is None and _MARKER_END_AFTER.match(text, end):
        return Rejection("footnote", "marker-after-bracket")  # "(1 in 8)3, followed by", "(1 in 23).4"
    after_end = _SENTENCE_END_BEFORE.search(text, 0, start) or _AFTER_NUMBER.search(text, max(0, start - 8), start)
    if _pattern("note_after").match(text, end) and after_end:
        return Rejection("footnote", "note-number")  # "1 Source:", "2 Ibid", "5 These figures"
    if not _MARKER.fullmatch(text, start, end):
        return None
    previous = doc[number.start - 1] if number.start > 0 else None
    if previous is None:
        return None
    if _SENTENCE_END_BEFORE.search(text, 0, start) and previous.is_punct and previous.text in ".!?":
        following = doc[number.end : number.end + 2]
        if not len(following) or following[0].like_num or _proper_subject(following):
            return Rejection("footnote", "after-sentence-end")  # "asylum-seekers. 3 1 Source", ". 4 UNHCR said"
    titled = previous.text == ")" or (previous.is_alpha and previous.is_title)  # "(IRPs) 2 850,000", "Refugees 1"
    if titled and _FIGURE_AFTER.match(text, end):
        return Rejection("footnote", "marker-before-figure")  # a table label's marker: "Refugees 1 52,000"
    listed = _LIST_END_AFTER.match(text, end) and (number.end >= len(doc) or not doc[number.end].like_num)
    placed = figure.unit is None and _PLACE_AFTER.match(text, end)  # "the programs 1 in El Salvador"
    if previous.tag_ == "NNS" and (listed or placed) and len(text[start:end]) == 1:
        return Rejection("footnote", "marker-after-noun")  # "in their own countries 2 and ..."
    if previous.tag_ == "NNS" and previous.is_lower and len(text[start:end]) == 1 and _opens_sentence(doc, number.end):
        return Rejection("footnote", "marker-before-sentence")  # "40.8 million internally displaced persons 1 If these"
    dated = _pattern("month_year_before").search(text, max(0, start - _DATE_REACH), start)
    if figure.unit is None and dated and _CLAUSE_END_AFTER.match(text, end):
        return Rejection("footnote", "marker-after-date")  # "since November 2018 4 , there were": a lost superscript
    return None


def _opens_sentence(doc: Doc, index: int) -> bool:
    """A capitalised function word then a lower-case word: a sentence a PDF copy ran on after a footnote marker
    ("1 If these", "2 The number")."""
    if index + 1 >= len(doc):
        return False
    opener, following = doc[index], doc[index + 1]
    return opener.is_title and opener.is_stop and len(opener) > 1 and following.is_lower and following.is_alpha


# a preposition, then a name: the place a marker's sentence goes on to ("programs 1 in El Salvador")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|from)\s+[A-Z]")
_DATE_REACH = 40  # characters a month and year before a marker can take ("September  2018 ")
_CLAUSE_END_AFTER = re.compile(r"\s*[,;.]")
# one word of letters outside the Latin script (a month name of a site's other language), then a year
_FOREIGN_MONTH = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]+")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")
_PERIOD_NOUN_AFTER = re.compile(r"[\s-]+period\b", re.IGNORECASE)
_THE_BEFORE = re.compile(r"(?<![\w-])the\s+\Z", re.IGNORECASE)
_PAGE_BAR_AFTER = re.compile(r"\s*\|\s*Page\b", re.IGNORECASE)


# a marker written against a closing bracket, or after the full stop that follows it (read as a decimal: ").4")
_GLUED_MARKER = re.compile(r"\.?\d{1,2}")
_MARKER_END_AFTER = re.compile(r"(?:[,;:.]|\s|\Z)")


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
    """ "three of the world's largest", "two of the worst": one of a ranked set, not a count."""
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


# "N of M" alone at the end of a line, after a bracket closing a heading: a pager ("2 of 3" opening a line may be a
# key figure above its label)
_PAGER_FIRST_BEFORE = re.compile(r"\)[ \t]*\Z")
_PAGER_FIRST_AFTER = re.compile(r"[ \t]+of[ \t]+(\d{1,3})[ \t]*$", re.MULTILINE)
_PAGER_LAST_BEFORE = re.compile(r"\)[ \t]*(\d{1,3})[ \t]+of[ \t]+\Z")
_PAGER_LAST_AFTER = re.compile(r"[ \t]*$", re.MULTILINE)


def _pager(text: str, start: int, end: int) -> bool:
    surface = text[start:end]
    if not surface.isdigit() or len(surface) > 3:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if _PAGER_FIRST_BEFORE.search(text, line_start, start) and (last := _PAGER_FIRST_AFTER.match(text, end)):
        return 0 < int(surface) <= int(last.group(1))
    if (first := _PAGER_LAST_BEFORE.search(text, line_start, start)) and _PAGER_LAST_AFTER.match(text, end):
        return 0 < int(first.group(1)) <= int(surface)
    return False


def _code(text: str, figure: Figure, before: str) -> Rejection | None:
    """Digits of a code or an identifier: "EQ-2023-000015-TUR", "000123", a postal code "DC 20500", "CH-1211";
    a sports score "won 3-1", "a 2-0 win" (a score's first number is never below... a range's is)."""
    start, end = figure.number_start, figure.number_end
    surface = text[start:end]
    word_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    word_end = re.compile(r"[^\s,;()]*").match(text, end)
    word = text[word_start : word_end.end() if word_end else end].rstrip(".:")
    if _LEADING_ZERO.fullmatch(surface) or (
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
_CITATION_REACH = 30


_RETURN_PERIOD = re.compile(r"(?<![\w-])\d{1,4}[-\s]in[-\s](?:a[-\s])?\d{1,4}[-\s]years?\b", re.IGNORECASE)


def _in_return_period(text: str, start: int, end: int) -> bool:
    """ "a 1-in-100-year flood", "a 1 in 50 year drought": an event's return period."""
    window = max(0, start - _CITATION_REACH)
    return any(m.start() <= start and end <= m.end() for m in _RETURN_PERIOD.finditer(text, window, end + 20))


def _in_citation(text: str, start: int, end: int) -> bool:
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


def _header_in_line(doc: Doc, number: Span) -> bool:
    """A running header a copy ran into the page's text: "... PROTECTION 47 The ICRC visited ...", a heading word in
    capitals, the page number, then a sentence opening ("The", "In", "It"); or the page number between two copies
    of its heading ("OPERATIONS 91 OPERATIONS", "OPERATIONS | 87 OPERATIONS": the left and right pages' headers run
    together)."""
    if number.start == 0 or number.end >= len(doc):
        return False
    before, after = doc[number.start - 1], doc[number.end]
    if before.text == "|" and number.start >= 2 and doc[number.start - 2].text == after.text:
        before = doc[number.start - 2]  # a cell separator between the two headers
    heading = before.is_alpha and before.is_upper and len(before) >= _MIN_HEADER_LETTERS
    return heading and ((after.is_title and after.tag_ in _SENTENCE_OPENER_TAGS) or after.text == before.text)


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


@lru_cache(maxsize=2)
def _item_breaks(text: str) -> list[int]:
    """Where the document's lines and list items break, found once per text (a search per figure from the
    text's start costs the whole text per figure)."""
    return [match.start() for match in _ITEM_BREAK.finditer(text)]


def _item_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the line or list item holding text[start:end]."""
    breaks = _item_breaks(text)
    before = bisect_left(breaks, start)
    after = bisect_left(breaks, end)
    return (breaks[before - 1] + 1 if before else 0), (breaks[after] if after < len(breaks) else len(text))


def _line_furniture(text: str, figure: Figure) -> Rejection | None:
    """Furniture of a PDF copy: a running header or footer ("PROTECTION 47", "118 | ANNUAL REPORT 2021"), a page
    number opening a page's line ("1 GLOBAL TRENDS", "2 2016 in Review"), a line of codes ("0879/002 05.2006
    2,700")."""
    start, end = figure.number_start, figure.number_end
    line_start, line_end = _item_bounds(text, start, end)
    before, after = text[line_start:start], text[end:line_end]
    rest = before + after
    if (_LINE_CODE.search(rest) and not any(c.isalpha() for c in rest)) or _AFTER_CODE.search(before):
        return Rejection("page furniture", "code-line")
    if not rest.strip() and line_start > 0 and text[line_start - 1] in _BULLETS:
        return Rejection("page furniture", "lone-number")  # "• Uploaded by: ... • 0 • 0": a page's counter
    if _N_OF_M.fullmatch(text, line_start, line_end):
        return Rejection("site furniture", "n-of-m")
    if _PAGE_BAR_AFTER.match(text, end):
        return Rejection("page furniture", "page-bar")  # "1 | Page": a PDF copy's page footer
    if figure.qualifier is not Qualifier.EXACT or not _PAGE_NUMBER.fullmatch(text, start, end):
        return None
    edge = not before.strip() or not after.strip()
    if edge and not any(c.islower() for c in rest) and sum(c.isalpha() for c in rest) >= _MIN_HEADER_LETTERS:
        return Rejection("page furniture", "running-header")
    if _ruled_page_number(before, after):
        return Rejection("page furniture", "titled-page-number")  # "UNHCR Global Trends 2019 | 23", "4 | Appeal"
    if re.fullmatch(r"\s*(?:\d{1,3}\s+)?", before) and after.startswith(")"):
        return Rejection("ordinal", "list-number")  # "2) ..." opening a line, after its page number too
    if not before.strip() and re.match(r" [A-Z0-9]", after) and len(after) > 1:
        return Rejection("page furniture", "page-number-line-start")  # "1 1) ETHIOPIA", "2 2016 in Review"
    if not after.strip() and re.match(rf"\s*{re.escape(text[start:end])}\s+\S", before):
        return Rejection("page furniture", "page-number-line-end")  # "2 Map 1 SUDAN 2": the page's number twice
    return None


_TITLE_WORD = re.compile(r"[A-Z0-9][\w'’&./-]*:?|of|and|the|for|in|on|to|at|&|[–—-]|\(\w+\)")
_RULED_BEFORE = re.compile(r"(.*?)\s*\|\s*(?:\d{1,3}\s+of\s+)?\Z")  # "... 2019 | ", "... 2022 | 17 of "
_RULED_AFTER = re.compile(r"\s*\|\s*(.*?)\s*\Z")  # " | IFRC Emergency Appeal"
_OF_PAGES_AFTER = re.compile(r"\s+of\s+\d{1,3}\s*\Z")
_DATED_BEFORE = re.compile(r"(.*)\b(?:" + _months() + r")\s+(?:19|20)\d\d\s+\Z", re.IGNORECASE)
_MIN_TITLE_CAPITALS = 2
_MIN_TITLE_WORDS_RULED = 3


def _title_line(words: str) -> bool:
    """A running title in title case: every word capitalised or a short function word ("UNHCR Global Trends 2019",
    "Humanitarian Response Plan 2022"), two capitalised words at least."""
    split = words.split()
    capitals = sum(w[:1].isupper() for w in split)
    # three words at least: "Kakuma Camp | 230", a flattened table's row, is no title
    return (
        len(split) >= _MIN_TITLE_WORDS_RULED
        and capitals >= _MIN_TITLE_CAPITALS
        and all(_TITLE_WORD.fullmatch(w) for w in split)
    )


def _ruled_page_number(before: str, after: str) -> bool:
    """A page number set off by a rule beside a running title in title case ("UNHCR Global Trends 2019 | 23",
    "4 | IFRC Emergency Appeal", "Response Plan 2022 | 17 of 40"), or after the title's month and year at the line's
    end ("WFP Country Brief August 2021 2")."""
    if (ruled := _RULED_BEFORE.fullmatch(before)) and (not after.strip() or _OF_PAGES_AFTER.fullmatch(after)):
        return _title_line(ruled.group(1))
    if not before.strip() and (ruled := _RULED_AFTER.fullmatch(after)):
        return _title_line(ruled.group(1))
    if not after.strip() and (dated := _DATED_BEFORE.fullmatch(before)):
        return _title_line(dated.group(1))
    return False


def _dashed_list_item(text: str, figure: Figure) -> bool:
    """ "1-     Winter conditions adding to hardships", "3 – UNHCR concerned about ...", "1: Denial of existence of
    humanitarian needs": an item's number opening its line before a dash or a colon and a heading of several
    words. (A report's paragraphs are read one by one, so the items numbered one less or one more are out of sight,
    unless the lines were joined into one paragraph: then a colon item needs a neighbour numbered next to it.)"""
    start, end = figure.number_start, figure.number_end
    surface = text[start:end]
    if not _MARKER.fullmatch(surface) or int(surface) > _MAX_ITEM_NUMBER or figure.qualifier is Qualifier.RANGE:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (found := text.find("\n", end)) < 0 else found
    heading = _DASH_THEN_CAPITAL.match(text, end, line_end)
    if heading is None or len(heading.group(1).split()) < 4:
        return False
    if not text[line_start:start].strip():
        return True
    # lines joined into one paragraph: "... PILLAR 1 1: Denial of ... 2: Restriction of ...", an item among its
    # neighbours numbered one less or one more, each before a colon and a capital
    number = int(surface)
    neighbours = (rf"(?<![\w.,]){number - 1}:[ \t]+[A-Z]", rf"(?<![\w.,]){number + 1}:[ \t]+[A-Z]")
    return (
        text[end : end + 1] == ":"
        and text[start - 1 : start].isspace()
        and (re.search(neighbours[0], text[:start]) is not None or re.search(neighbours[1], text[end:]) is not None)
    )


def _list_number(text: str, figure: Figure) -> bool:
    """A list item's number after a sentence ends, before the item's first sentence: "... Darfurs. 2. The Profile"."""
    start = figure.number_start
    if figure.qualifier is not Qualifier.EXACT or not _MARKER.fullmatch(text, start, figure.number_end):
        return False
    if _LIST_NUMBER_AFTER.match(text, figure.number_end) is None:
        return False
    before = text[max(0, start - 4) : start]
    line_start = text.rfind("\n", 0, start) + 1
    line_end = len(text) if (found := text.find("\n", start)) < 0 else found
    return (
        bool(_SENTENCE_END.search(before))
        or not text[line_start:start].strip()
        or _AFTER_PAGE_HEADING.fullmatch(text, line_start, start) is not None
        or _in_numbered_line(text, figure, line_start, line_end)
    )


# a page number opening the line, then a heading of a few capitalised words: "4 Introduction 1. The ..."
_AFTER_PAGE_HEADING = re.compile(r"[ \t]*\d{1,3}[ \t]+(?:[A-Z][\w-]*[ \t]+){1,4}")


def _in_numbered_line(text: str, figure: Figure, line_start: int, line_end: int) -> bool:
    """ "1. Home 2. Africa 3. News": items numbered on one line, each after the item numbered one less or before
    the item numbered one more, with only words between."""
    value = figure.value
    if not isinstance(value, int):
        return False
    previous = re.search(rf"(?<![\d.,]){value - 1}\.\s+[A-Z][^\d]*\Z", text[line_start : figure.number_start])
    following = re.match(rf"\.\s+[A-Z][^\d]*?(?<![\d.,]){value + 1}\.\s+[A-Z]", text[figure.number_end : line_end])
    return (value >= 2 and previous is not None) or following is not None


_CONJUNCTIONS = frozenset({"and", "but", "while", "yet"})
_MIN_NAMED_TITLE_WORDS = 3
_LINE_OPENING = re.compile(r"\s*(?:\d{1,3}\s+)?")
_NAME_LINKS = frozenset({"and", "of", "for", "the", "&"})


def _page_number_before_title(text: str, figure: Figure, unit_tokens: list[Token]) -> Rejection | None:
    """A page number opening a page's line before its title: "1 GLOBAL TRENDS FORCED DISPLACEMENT", "1 Russian
    Federation in short", "4 Introduction" (a count of a name in the singular counts nothing), "1 UNITED NATIONS"
    (page 1 before a title in capitals)."""
    start = figure.number_start
    line_start = max(text.rfind(c, 0, start) for c in "\n\f") + 1
    surface = text[start : figure.number_end]
    if not _LINE_OPENING.fullmatch(text, line_start, start) or not _PAGE_NUMBER.fullmatch(surface):
        return None  # the line opens with it, or after a document site's page count ("57 436 ICRC ANNUAL REPORT")
    if figure.qualifier is Qualifier.EXACT and _atop_a_page(text, figure):
        return Rejection("page furniture", "page-number-line-start")
    if figure.qualifier is not Qualifier.EXACT or not unit_tokens:
        return None
    # "1 Kyrgyz Republic Protracted Relief and Recovery Operation": a name, its small words between capitals
    names = all(
        (t.tag_ == "NNP" and (t.is_title or t.is_upper)) or (0 < i < len(unit_tokens) - 1 and t.lower_ in _NAME_LINKS)
        for i, t in enumerate(unit_tokens)
    )
    # "1 Revised Emergency Appeal Syria: ...": page 1 before a title in title case that a participle opens
    names = names or (
        surface == "1"
        and len(unit_tokens) >= _MIN_NAMED_TITLE_WORDS
        and unit_tokens[0].tag_ in {"VBN", "JJ"}
        and all(t.is_title for t in unit_tokens)
        and all(t.tag_ == "NNP" for t in unit_tokens[1:])
    )
    singular_title = (
        surface != "1"
        and (unit_tokens[0].is_title or unit_tokens[0].is_upper)
        and all(t.tag_ in {"NN", "NNP"} for t in unit_tokens)
    )
    capitals = surface == "1" and len(unit_tokens) >= 2 and all(t.is_upper for t in unit_tokens)
    # "1 Emergency appeal operation update Sri Lanka: Floods": page 1 before a title that ends in a place's name;
    # what a count counts ends in a common noun
    named_title = (
        surface == "1"
        and len(unit_tokens) >= _MIN_NAMED_TITLE_WORDS
        and (unit_tokens[0].is_title or unit_tokens[0].is_upper)
        and unit_tokens[-1].tag_ == "NNP"
        and any(t.tag_ == "NN" for t in unit_tokens)
    )
    # a title is words, not a unit symbol: "45 Js" stays a measure
    worded = figure.kind is Kind.COUNT and len(unit_tokens[0].text) >= _MIN_TITLE_WORD and unit_tokens[0].is_alpha
    # "1 IDPs who fled ...": no count of one takes a plural; page 1 before a caption or a title
    plural_after_one = surface == "1" and unit_tokens[0].tag_ in {"NNS", "NNPS"} and unit_tokens[0].text[:1].isupper()
    if names or plural_after_one or (worded and (singular_title or capitals or named_title)):
        return Rejection("page furniture", "page-number-line-start")
    return None


def _atop_a_page(text: str, figure: Figure) -> bool:
    """ "17\nOPERATIONS | 87 ...": a page number alone on a page's first line, above a running heading in capitals;
    a key figure above its label in capitals ("17\nHOSPITALS") comes lower on a page."""
    start, end = figure.number_start, figure.number_end
    first_line = start == 0 or text[start - 1] == "\f"
    heading = _CAPITALS_LINE_AFTER.match(text, end)
    return first_line and heading is not None


_CAPITALS_LINE_AFTER = re.compile(r"[ \t]*\n[ \t]*[A-Z][A-Z]{2,}(?:[^a-z\n])*(?:\n|\Z)")
