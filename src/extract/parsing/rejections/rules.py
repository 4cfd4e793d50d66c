"""`Rejections`: the questions the quantities component asks of every number, in order, each answered by the
rules of one family (page furniture, charts, cut text, periods, names, ages, idioms, captions, thresholds)."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing import layout
from extract.parsing.figures import Figure
from extract.parsing.rejections.ages import _age
from extract.parsing.rejections.captions import _photo_caption
from extract.parsing.rejections.charts import (
    _axis_ticks,
    _in_signed_series,
    _interleaved_axis,
    _ranked_rows,
    _scale_band,
    _scale_step,
    _scale_value,
)
from extract.parsing.rejections.cues import (
    _GLUED_MARKER,
    _SERIES_JOINERS,
    _SMALL_INTEGER,
    Rejection,
    _cue,
    _joined_to_number,
    _line_of,
    _pattern,
    _singular,
    _small_whole,
)
from extract.parsing.rejections.cut_text import _cut_at_text_end, _cut_before_page_heading, _cut_page_snippet
from extract.parsing.rejections.front_matter import dot_leader_page, exchange_rate
from extract.parsing.rejections.idioms import (
    _idiom,
    _lone_number,
    _multiplied_effort,
    _round_the_clock,
    _selected_by_superlative,
)
from extract.parsing.rejections.names import (
    _broken_hyphen_name,
    _code,
    _ends_entity_name,
    _in_citation,
    _name_or_place,
    _numbered_name,
    _series_label,
    _slash_pair_name,
    _year_modifier,
)
from extract.parsing.rejections.notes import note_runs, year_with_marker
from extract.parsing.rejections.page_furniture import (
    _capitals_label_header,
    _contents,
    _continues,
    _dashed_list_item,
    _footnote,
    _line_furniture,
    _list_number,
    _listicle_title,
    _page_number_before_title,
    _page_number_like,
    _pager,
    _piped_contents,
    _section_number,
)
from extract.parsing.rejections.periods import _epidemiological_week, _reporting_period
from extract.parsing.rejections.phones import _phone_number
from extract.parsing.rejections.scale_points import _scale_point
from extract.parsing.rejections.thresholds import _threshold_class, _validity

_CLOCK = re.compile(r"(?:[01]?\d|2[0-3])(?:[.:h]?[0-5]\d)?")  # "23.15", "1730", "9"
_URL_BEFORE = re.compile(r"(?:www\.|https?://)\S+\s*[|•·]?\s*\Z", re.IGNORECASE)
_PLUS_BEFORE = re.compile(r"\+\s*\Z")
_MORE_AFTER = re.compile(r"\s*more\b", re.IGNORECASE)
_PAGE_OF = re.compile(r"\bpage\s+\d+\s*of\s+\Z", re.IGNORECASE)  # "Page 3 of 12", "You are on page 1of 17"
# a PDF copy's page head, its word letter-spaced or not: "Page | 1", "P a g e | 2"
_PAGE_BAR_BEFORE = re.compile(r"(?<![\w|])(?:page|p a g e)\s*\|\s*\Z", re.IGNORECASE)
_OF_YEAR_AFTER = re.compile(r"\s+of\s+(?:1[89]|20)\d\d\b")  # a calendar period: "the first six months of 2000"
_PERIOD_WORD_BEFORE = re.compile(r"(?<![\w-])(?:first|last|past|next|coming|previous|final)\s+\Z", re.IGNORECASE)
_PAGES_BEFORE = re.compile(r"(?<![\w])(?:pp\.|pages?)\s*\Z", re.IGNORECASE)  # "pp. 4-6", "See pages 12-22"
_TOP_BEFORE = re.compile(r"(?<![\w-])top\s+\Z", re.IGNORECASE)  # "the top 10 donors"
# "3 days ago"; "Updated: 18 min 50 sec ago", the minutes before the seconds of one point in time
_AGO_AFTER = re.compile(r"(?:\s+\d{1,2}\s*(?:secs?|seconds?|mins?|minutes?|hrs?|hours?))*\s+ago\b", re.IGNORECASE)
_TOC_MIN_ENTRIES = 5
_SPAN_LOOK_BACK = 20  # characters before a duration searched for a span word ("for", "within")


def _event_offset(text: str, figure: Figure) -> bool:
    """ "five days after the earthquake", "two weeks before the storm": a duration counted from an event is a point
    in time; "for five days after the storm" (a span word before it) lasts, "three months after the end of the
    operation" names no event, and a hedged offset ("nearly a week after the storm") stays a duration."""
    if figure.qualifier is not Qualifier.EXACT or not _pattern("event_offset_after").match(text, figure.end):
        return False  # "Nearly a week after the storm" (real10c): a hedged offset reads as the time it took
    return not _pattern("span_word_before").search(text[max(0, figure.start - _SPAN_LOOK_BACK) : figure.start])


_POST_BOX_BEFORE = re.compile(r"\bbox\s+\d+\s*,\s*\Z", re.IGNORECASE)  # "P.O. Box 913, 11111": a postal code


_AND_ABOVE = re.compile(r"\s*(?:\+|\s(?:and|or)\s+(?:above|over|higher|worse|more|beyond)\b)", re.IGNORECASE)


# A footnote's note citing its source: its number after a sentence's end or opening a line, then the source's name
# in capitals and a year ("1 UNHCR, 2020. 2 OCHA, 2021.", "3 World Bank (2019)")
_NOTE_NUMBER = re.compile(r"\d{1,2}")
_NOTE_OPENING = re.compile(r"(?:^|[.;]\s+)\Z", re.MULTILINE)
_CITED_SOURCE = re.compile(r"[ \t]+[A-Z][\w&.’'-]*(?:[ \t]+[A-Z][\w&.’'-]*){0,4}(?:,[ \t]*|[ \t]+\()(?:19|20)\d\d\b")


_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")
_CLOSING_BRACKET = re.compile(r"[ \t]*\)")


_ELLIPSIS_BEFORE = re.compile(r"(?:\.\.\.|…)[ \t]*\Z")


# A marker between a middle dot or bullet and a point: a document site's snippet title runs a note's number in
# ("... acaps · 2021. 4. 6. · 1. In this report ACAPS uses ..."); a figure after a bullet has its noun, not a point
_BULLET_BEFORE = re.compile(r"[·•][ \t]*\Z")
_POINT_AFTER = re.compile(r"\.[ \t]+[^\W\d]")
_ELLIPSIS_AFTER = re.compile(r"[ \t]*(?:\.\.\.|…)")
# one word of letters outside the Latin script (a month name of a site's other language), then a year
_FOREIGN_MONTH = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]+")
_YEAR_AFTER = re.compile(r"\s+(?:19|20)\d\d\b")


_SLASHED_NUMBER = re.compile(r"\d{1,4}/\d{1,4}")


def _capitalised_series_before(before: str) -> bool:
    """A series word capitalised right before the number: "News Release ", "Press Release No. "."""
    match = _pattern("series_before").search(before)
    return match is not None and match.group(1)[0].isupper()


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
        if phone := _phone_number(text, figure):
            return phone  # "call 1-800-418-1111", "text FIRES to 45678": a number to dial or text
        if _POST_BOX_BEFORE.search(before):
            return Rejection("address", "post-box-code")
        if _PAGE_OF.search(before):
            return Rejection("page furniture", "page-of")  # the 12 of "Page 3 of 12"
        if _PAGE_BAR_BEFORE.search(before):
            return Rejection("page furniture", "page-bar")  # "Page | 1 MDRET024 ...": a PDF copy's page head
        if _broken_hyphen_name(before, surface):
            return Rejection("name", "broken-hyphen-name")  # "COVID- 19": a name split at its hyphen
        if leader := dot_leader_page(text, figure):
            return leader  # "CONTEXT AT APPRAISAL ........ 5 A.": a contents entry's page
        if rate := exchange_rate(text, figure):
            return rate  # "SDR = US$1": a currency box's conversion
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
        if _cut_before_page_heading(text, figure):
            return Rejection("site furniture", "page-snippet-cut")  # "(two\nPage 2: ...": the next page's heading
        if _SMALL_INTEGER.fullmatch(surface) and _BULLET_BEFORE.search(before) and _POINT_AFTER.match(text, end):
            return Rejection("footnote", "bullet-point-marker")  # "· 1. In this report": a snippet's note number
        if point := _scale_point(text, figure, before):
            return point  # "intensity 5 tremors", "the 10-level intensity scale": a scale's point or size
        if _scale_band(text, figure, before):
            return Rejection("category label", "scale-band")  # "Very low severity (0-1)": a legend's band
        if _scale_value(text, figure, before):
            return Rejection("category label", "scale-value")  # "a score from 0-3", "score 3 to 5": a scale's point
        if (
            _SMALL_INTEGER.fullmatch(surface)
            and _LINE_END.match(text, end)
            and _pattern("issue_date_before").search(text, 0, start)
        ):
            return Rejection("reference", "issue-after-date")  # "Autumn 2023 110": the number
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
        if _SLASHED_NUMBER.fullmatch(surface) and _capitalised_series_before(before):
            return Rejection("reference", "series-slash-number")  # "News Release 13/115": an issue's number, no ratio
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
        if figure.qualifier is Qualifier.RANGE and _pattern("numbered_range_before").search(before):
            return Rejection("reference", "series-range")  # "(Alerts 204 to 285)", "Articles 3-5": numbers of items
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
        if year_with_marker(text, figure):
            return Rejection("year", "year-with-marker")  # "in 20193 .": 2019 and its note's marker 3
        if figure.unit is not None and _FOREIGN_MONTH.fullmatch(figure.unit) and _YEAR_AFTER.match(text, figure.end):
            return Rejection("date", "foreign-month")  # "31 مايو 2016": a day, a month in another script, a year
        if figure.kind is Kind.RATIO and _slash_pair_name(text, figure):
            return Rejection("name", "slash-pair")  # "the 9/11 attacks"; "7/10 of the wells" stays a ratio
        counter = figure.unit is not None and figure.unit.lower() in _cue("site_counter_nouns")
        if counter and not figure.is_word and not _determiner_before(doc, number):
            return Rejection("site furniture", "counter-noun")  # "35 downloads", "146 results"; not "these two items"
        if figure.unit is not None and _titled_counter_first(figure.unit):
            return Rejection("site furniture", "counter-noun-title")  # "55 Views\nISLAMABAD": the next line read on
        if figure.unit is None and _pattern("counter_noun_after").match(text, figure.number_end):
            return Rejection("site furniture", "counter-noun-title")  # "5 min read | 12 Comments"
        if age := _age(doc, text, figure, number):
            return age
        if _pattern("household_size_after").match(text, figure.number_end):
            return Rejection("category label", "household-size")  # "each four-person family": a class, no count
        if figure.unit in _cue("household_members") and _pattern("household_size_before").search(text, 0, figure.start):
            return Rejection("category label", "household-size-with")  # "households with more than 5 members"
        if figure.unit is None and _photo_caption(text, figure):
            return Rejection("image description", "photo-caption")  # "Balbal 40 is a refugee. Photo: Name/NRC"
        if _validity(text, figure):
            return Rejection("category label", "validity-label")  # "a 15-day visa": the kind of visa, no duration
        if _threshold_class(text, figure):
            return Rejection("category label", "threshold-class")  # "countries with at least five consecutive years"
        if idiom := _idiom(doc, figure, number, unit_tokens):
            return idiom
        if _round_the_clock(text, figure):
            return Rejection("idiom", "round-the-clock")  # "a 24-hour paediatric hospital": always open, no duration
        if _multiplied_effort(text, figure):
            return Rejection("idiom", "multiplied-effort")  # "we will multiply efforts tenfold": a resolve
        if _selected_by_superlative(doc, number, unit_tokens):
            return Rejection("idiom", "set-with-superlative")  # "the 40 countries with the largest needs": a ranking
        if figure.unit is not None and _listicle_title(text, figure):
            return Rejection("name", "listicle-title")  # "Ten crises to watch in 2030": a headline's list, no count
        if figure.kind is Kind.DURATION and _AGO_AFTER.match(text, figure.end):
            return Rejection("time", "time-ago")  # "3 days ago", "Posted 2 hours ago": when, not how long
        if figure.kind is Kind.DURATION and _pattern("relative_time_after").match(text, figure.end):
            return Rejection("date", "time-earlier")  # "down from USD 72bn two years earlier": when, not how long
        if figure.kind is Kind.DURATION and _event_offset(text, figure):
            return Rejection("date", "time-after-event")  # "five days after the earthquake": when, not how long
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
        if (figure.unit is None or not unit_tokens) and _list_number(text, figure):
            # a unit implied from elsewhere does not make a list item's number a count: "4. Staff prepared site plans"
            return Rejection("ordinal", "list-number")
        if figure.unit is None and (furniture := _line_furniture(text, figure)):
            return furniture
        if figure.unit is not None and _capitals_label_header(text, figure, unit_tokens):
            return Rejection("page furniture", "running-header")
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
        rejected |= {i: r for i, r in note_runs(text, quantities).items() if i not in rejected}
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


def _titled_counter_first(unit: str) -> bool:
    """A unit opening with a counter noun in title case ("Views ISLAMABAD"): a page's counter whose noun the unit
    reader ran on into the next line's first words."""
    first = unit.split()[0]
    return first[:1].isupper() and first.lower() in _cue("site_counter_nouns") and len(unit.split()) > 1


def _determiner_before(doc: Doc, number: Span) -> bool:
    """A determiner right before the number ("the 12 items", "these 3 results"): a phrase of prose, no counter."""
    return number.start > 0 and doc[number.start - 1].tag_ in {"DT", "PRP$"}
