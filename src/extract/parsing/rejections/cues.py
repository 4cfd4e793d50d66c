"""`Rejection` and the cue words of `resources/rejections.json`, with the small text readers every rule family
shares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from extract.parsing.figures import Figure
from extract.resources import load_json

_NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS"}
_SMALL_INTEGER = re.compile(r"\d{1,3}")
_BULLETS = frozenset("•·▪■●◦*-–")


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
        # "five days after the earthquake": a point in time counted from an event
        "event_offset_after": re.compile(
            r"\s+(?:after|before)\s+(?:" + _alternation(data["event_offset_determiners"]) + r")\s+"
            r"(?:\w+\s+){0,2}?(?:" + _alternation(data["event_nouns"]) + r")\b",
            re.IGNORECASE,
        ),
        # "(Alerts 204 to 285)": a capitalised plural of numbered items right before a range of their numbers
        "numbered_range_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["numbered_series_plurals"]) + r")\s+\Z"
        ),
        "span_word_before": re.compile(
            r"(?<![\w-])(?:" + _alternation(data["span_words_before"]) + r")\s+(?:(?:the|a|an)\s+)?\Z", re.IGNORECASE
        ),
        "period_summary_after": re.compile(
            r"[\s-]+(?:" + _alternation(data["period_summary_words"]) + r")\b", re.IGNORECASE
        ),
        "month_year_before": re.compile(r"\b(?:" + _months() + r")\s+(?:19|20)\d\d\s*\Z", re.IGNORECASE),
        "window_before": re.compile(
            r"(?<![\w-])(" + _alternation(data["window_period_words"]) + r")\s+\Z", re.IGNORECASE
        ),
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


_THE_BEFORE = re.compile(r"(?<![\w-])the\s+\Z", re.IGNORECASE)


# a marker written against a closing bracket, or after the full stop that follows it (read as a decimal: ").4")
_GLUED_MARKER = re.compile(r"\.?\d{1,2}")
_CITATION_REACH = 30
