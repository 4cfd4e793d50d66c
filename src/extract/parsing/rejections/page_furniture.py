"""Page and site furniture: tables of contents, page numbers and running headers, numbered lines and list
items, footnote markers, pagers, listicle titles."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _BULLETS, _GLUED_MARKER, _SMALL_INTEGER, Rejection, _months, _pattern
from extract.parsing.rejections.idioms import _opens_sentence, _proper_subject

_MARKER = re.compile(r"\d{1,2}")
_SENTENCE_END_BEFORE = re.compile(r"(?:[.!?;:]['\")\]]?|^)\s*\Z")
_FIGURE_AFTER = re.compile(r"\s+\d{1,3}(?:,\s?\d{3}|,\s?,)")  # "1 52,000", "2 850, ,000" (a damaged copy)
_LIST_END_AFTER = re.compile(r"\s*(?:and\b|or\b|[,;.)]|\Z)")
_SECTION_NUMBER = re.compile(r"\d{1,2}\.\d{1,2}")  # "2.1 Health"
_MAX_HEADING = 80
_DASH_THEN_CAPITAL = re.compile(r"[ \t]*(?:[-–—]|(?<=\d):)[ \t]+([A-Z].*)")  # "1- Winter ...", "1: Denial of ..."
_MAX_ITEM_NUMBER = 20
_N_OF_M = re.compile(r"\s*(?:[A-Z][a-z]+\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}\s*")  # a carousel: "Image 3 of 12"
_SENTENCE_OPENER_TAGS = {"DT", "PRP", "IN", "CC", "RB", "PRP$"}
_TOC_MAX_GAP = 80  # characters between two entries of a table of contents
_TOC_LONG_RUN = 8
_TOC_CUE_DISTANCE = 200
_LINE_CODE = re.compile(r"\d+/\d+|\b\d\d\.\d{4}\b")  # "0879/002", "05.2006"
_AFTER_CODE = re.compile(r"(?:\d+/\d+|\b\d\d\.\d{4})\s+\Z")
_ITEM_BREAKS = "\n\f•▪■●◦·"
_ITEM_BREAK = re.compile("[" + re.escape(_ITEM_BREAKS) + "]")
_AFTER_NUMBER = re.compile(r"\d\s+\Z")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
_MIN_HEADER_LETTERS = 4
_MIN_TITLE_WORD = 3
_LIST_NUMBER_AFTER = re.compile(r"\.\s+[A-Z]")  # "... the Darfurs. 2. The Humanitarian Profile"
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?\s+\Z")


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


def _listicle_title(text: str, figure: Figure) -> bool:
    """A headline's list: the number opens the line or follows the headline's colon ("Update: Ten crises to watch"),
    or "those"/"these" name it again, and a listicle ending follows its noun; "sent 20 monitors to watch the border" is
    a purpose, not a title."""
    line = text[text.rfind("\n", 0, figure.start) + 1 : figure.start].strip()
    if (ending := _pattern("listicle_after").match(text, figure.end)) is None:
        return False
    if not line or line.endswith(":"):
        return True
    # "Remember those 10 crises and trends to watch in 2019?": the headline's list named again after "those", its
    # ending without an object ("those 20 monitors to watch the border" is a purpose)
    return (
        _DEMONSTRATIVE_BEFORE.search(text, 0, figure.start) is not None
        and _NO_OBJECT_AFTER.match(text, ending.end()) is not None
    )


_DEMONSTRATIVE_BEFORE = re.compile(r"(?<![\w-])(?:those|these)[ \t]+\Z", re.IGNORECASE)
_NO_OBJECT_AFTER = re.compile(r"[ \t]*(?:[.,;:!?)\n]|\Z|(?:in|for|this|next|we|you|that|which)\b)", re.IGNORECASE)


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


# a preposition, then a name: the place a marker's sentence goes on to ("programs 1 in El Salvador")
_PLACE_AFTER = re.compile(r"\s+(?:in|at|from)\s+[A-Z]")
_DATE_REACH = 40  # characters a month and year before a marker can take ("September  2018 ")
_CLAUSE_END_AFTER = re.compile(r"\s*[,;.]")
_PAGE_BAR_AFTER = re.compile(r"\s*\|\s*Page\b", re.IGNORECASE)
_MARKER_END_AFTER = re.compile(r"(?:[,;:.]|\s|\Z)")


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
    if edge and _small_caps_header(rest):
        return Rejection("page furniture", "small-caps-header")  # "ICRC aRound The WoRld 93": small capitals lost
    if _ruled_page_number(before, after):
        return Rejection("page furniture", "titled-page-number")  # "UNHCR Global Trends 2019 | 23", "4 | Appeal"
    if re.fullmatch(r"\s*(?:\d{1,3}\s+)?", before) and after.startswith(")"):
        return Rejection("ordinal", "list-number")  # "2) ..." opening a line, after its page number too
    if not before.strip() and re.match(r" [A-Z0-9]", after) and len(after) > 1:
        return Rejection("page furniture", "page-number-line-start")  # "1 1) ETHIOPIA", "2 2016 in Review"
    if not after.strip() and re.match(rf"\s*{re.escape(text[start:end])}\s+\S", before):
        return Rejection("page furniture", "page-number-line-end")  # "2 Map 1 SUDAN 2": the page's number twice
    return None


# a word whose small capitals a PDF copy mixed up: a lower-case letter before a capital inside it ("aRound",
# "WoRld"); "McDonald" and "MacArthur" are names
_CASE_FLIP = re.compile(r"(?!Ma?c[A-Z])[A-Za-z]*[a-z][A-Z][A-Za-z]*")
_HEADER_WORD = re.compile(r"[A-Za-z][A-Za-z'’&.-]*|&|[|–—-]")
_MIN_FLIPPED_WORDS = 2


def _small_caps_header(rest: str) -> bool:
    """The rest of a page number's line is a running header set in small capitals that the copy mixed up ("ICRC
    aRound The WoRld 93"): words only, two of them with a lower-case letter before a capital inside."""
    words = rest.split()
    if not words or not all(_HEADER_WORD.fullmatch(w) for w in words):
        return False
    return sum(_CASE_FLIP.fullmatch(w) is not None for w in words) >= _MIN_FLIPPED_WORDS


def _capitals_label_header(text: str, figure: Figure, unit_tokens: list[Token]) -> bool:
    """A text that is only a page number after a running header in capitals whose plural word was read as the
    number's label ("OPERATIONS 91", the heading "OPERATIONS" on the next line): the header and the page's number, no
    count of operations. A label in lower case ("Operations 91") or a larger number ("BENEFICIARIES 7,316,707") stays
    a row."""
    start, end = figure.number_start, figure.number_end
    if figure.qualifier is not Qualifier.EXACT or not _PAGE_NUMBER.fullmatch(text, start, end):
        return False
    if not unit_tokens or unit_tokens[-1].idx >= start or text[end:].strip():
        return False
    before = text[:start]
    return not any(c.islower() for c in before) and sum(c.isalpha() for c in before) >= _MIN_HEADER_LETTERS


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
