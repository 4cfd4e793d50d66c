"""Read figures from plain text: a number with its qualifier, range partner, currency, percent or ratio mark.

This stage knows only characters; the counted noun is found later from the parse (the quantities package).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from extract.models import Kind, Qualifier
from extract.parsing.currencies import currency_after, currency_before, table
from extract.parsing.distant_hedges import estimate_of, hedged_determiners, tally_past
from extract.parsing.numbers import Atom, Number, as_number, find_atoms
from extract.parsing.units import GluedUnit, canonical, glued_units, sentence_has, unit_name
from extract.resources import load_json

# "per cent4": a footnote number glued to the sign ends it too (not "per cent2020", a year run into it)
_PERCENT = re.compile(r"\s?(?:%|percentage points?\b|per[\s-]?cent(?:s|age)?(?![^\W\d_]|\d{3})|pct\b)", re.IGNORECASE)
_PERCENT_OF = re.compile(r"(?<![\w-])(?:per[\s-]?cents?|percentages?)\s+of\s+\Z", re.IGNORECASE)  # "percent of 10"
_OUT_OF = re.compile(r"\s+out\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)  # "23 out of (the) 31 provinces"
_IN_EVERY = re.compile(r"\s+in\s+(?:every\s+)?\Z", re.IGNORECASE)  # "one in four", "1 in every 10"
_SHARE_MAX_NUMERATOR = 10  # "3 in 5 households" is a share; "killed 12 in 15 attacks" is not
_FOLD = re.compile(r"-?fold\b", re.IGNORECASE)
_TIMES = re.compile(r"\s+times\b", re.IGNORECASE)
_PLUS = re.compile(r"\+")
_OR_MORE = re.compile(r"\s+or\s+(?:more|above|over|greater)\b", re.IGNORECASE)
_OR_LESS = re.compile(r"\s+or\s+(?:less|fewer|below|under)\b", re.IGNORECASE)
_RANGE_JOINER = re.compile(r"\s*(?:-\s*(?=to\s))?(?:-|–|—|~|～|to|through|thru|and|or)\s*\Z", re.IGNORECASE)
_RANGE_DASH = re.compile(r"\s*[-–—~～]\s*\Z")
_DATE_SEPARATOR = re.compile(r"[:/]\d|\.\d")
_TIME_OF_DAY = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b)", re.IGNORECASE)  # "2 pm", "2.13 am", "7 p.m."
_CLOCK = re.compile(r"(?:1[0-2]|0?\d)(?:\.[0-5]\d)?")  # "2", "2.13"; not "2.1" or "2.123" (picometres in "2.1 pm")
_PICO_ATTO = re.compile(r"\b(?:pico|atto)-?met(?:re|er)s?\b", re.IGNORECASE)  # "2 pm is 2 picometres": a length
_RATIO_WORD = re.compile(r"(?<![\w-])(twice|thrice)(?![\w-])", re.IGNORECASE)
_FOLD_WORD = re.compile(r"(?<![\w-])([a-z]+)fold\b", re.IGNORECASE)  # "threefold", "tenfold"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure found in text, before its counted noun is known."""

    start: int
    end: int
    number_start: int
    number_end: int
    value: Number | None
    low: Number | None
    high: Number | None
    qualifier: Qualifier
    kind: Kind
    unit: str | None
    is_word: bool
    is_year_like: bool


@dataclass(frozen=True, slots=True)
class SkippedNumber:
    """A number the scanner read as part of a code, date or time, not as a figure."""

    start: int
    end: int
    reason: str
    rule: str


@dataclass(frozen=True, slots=True)
class _QualifierPhrase:
    phrase: str  # lower case
    qualifier: Qualifier
    sets_high: bool
    is_word: bool  # a word phrase ("more than") needs space before the number; a sign (">=") does not


@cache
def _qualifier_phrases() -> tuple[_QualifierPhrase, ...]:
    """The qualifier phrases of numbers.json, longest first (the longest one written wins)."""
    groups = load_json("numbers.json")["qualifiers"]
    upper = set(groups["approximate_upper_bound"])
    entries = [
        _QualifierPhrase(phrase.lower(), Qualifier(name), phrase in upper, phrase[0].isalpha())
        for name in ("approximate", "more_than", "at_least", "less_than", "at_most")
        for phrase in groups[name]
    ]
    return tuple(sorted(entries, key=lambda e: len(e.phrase), reverse=True))


_OPENING_QUOTES = frozenset('“‘"')


def _qualifier_before(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    """The qualifier of the figure at `position`: a phrase before it, else a hedge standing apart from it ("the
    death toll past 1,400", "an estimated average cost per ration of US$ 0.31")."""
    return _qualifier_phrase_before(text, position) or tally_past(text, position) or estimate_of(text, position)


def _qualifier_phrase_before(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    """The qualifier phrase that ends right before `position` (only whitespace between), within 30 characters:
    a word phrase must stand as a whole word ("x over 5", not "leftover 5"), a comparison sign must not follow
    another sign. Suffix comparisons, where one regex per phrase cost a search each per figure."""
    found = _qualifier_at(text, position)
    if found is not None:
        return found
    if position > 0 and text[position - 1] in _OPENING_QUOTES:  # 'At least “222 million people ...”, he said'
        found = _qualifier_at(text, position - 1)
        if found is not None:
            return found
    if position > 0 and text[position - 1] == "(" and (found := _qualifier_at(text, position - 1)) is not None:
        return found  # "more than (7000) families": a figure written in brackets, its qualifier before them
    if (article := _hedge_article_before(text, position)) is not None:
        found = _qualifier_at(text, article)
        if found is not None and found[0] is Qualifier.APPROXIMATE:
            return found  # "around a 50 per cent chance": the article is the chance's, the hedge the number's
    # "at least the next six months": a bound may stand before the determiner of its time
    window = text[max(0, position - 30) : position].rstrip()
    for determiner in _bound_determiners():
        if window.lower().endswith(" " + determiner):
            found = _qualifier_at(text, len(text[: max(0, position - 30)]) + len(window) - len(determiner))
            if found is not None and found[0] in _BOUNDS_BEFORE_DETERMINERS:
                return found
            if found is not None and found[0] is Qualifier.APPROXIMATE and determiner in hedged_determiners():
                return found  # "About another 2,000 people": the hedge is the number's
    return None


_BOUNDS_BEFORE_DETERMINERS = (Qualifier.AT_LEAST, Qualifier.AT_MOST)  # "over the last 3 years" is when, not a bound


@cache
def _hedge_article_pattern() -> re.Pattern[str]:
    articles = "|".join(re.escape(w) for w in load_json("numbers.json")["hedge_articles"])
    return re.compile(rf"(?<=\s)(?:{articles})[ \t]+\Z", re.IGNORECASE)


def _hedge_article_before(text: str, position: int) -> int | None:
    """Where the article right before `position` starts ("around a 50 per cent": the "a"), or None."""
    match = _hedge_article_pattern().search(text, max(0, position - 4), position)
    return match.start() if match is not None else None


@cache
def _bound_determiners() -> tuple[str, ...]:
    return tuple(w.lower() for w in load_json("numbers.json")["bound_determiners"])


def _qualifier_at(text: str, position: int) -> tuple[Qualifier, bool, int] | None:
    window = text[max(0, position - 30) : position]
    core = window.rstrip()
    spaced = len(core) < len(window)
    for entry in _qualifier_phrases():
        start = len(core) - len(entry.phrase)
        if start < 0 or (entry.is_word and not spaced) or core[start:].lower() != entry.phrase:
            continue
        before = core[start - 1] if start > 0 else ""
        if entry.is_word and (before.isalnum() or before in ("_", "-")):
            continue  # inside a word: "leftover 5"
        if not entry.is_word and before and before in "<>=":
            continue
        if entry.phrase == "under" and _grouped_before(text, position - (len(window) - start)):
            continue  # "9 indicators grouped under 3 categories": where they are filed, not a bound
        return entry.qualifier, entry.sets_high, position - (len(window) - start)
    return None


_CLAUSE_BREAK = re.compile(r"[.;:!?\n]")


def _grouped_before(text: str, start: int) -> bool:
    """A word of grouping or filing (numbers.json `grouping_words`) in the clause before 'under', within 50
    characters: 'grouped under 3 categories', 'groups 9 indicators under 3 pillars'."""
    window = _CLAUSE_BREAK.split(text[max(0, start - 50) : start])[-1]
    return any(word in _grouping_words() for word in re.findall(r"[a-z]+", window.lower()))


@cache
def _grouping_words() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["grouping_words"])


def _is_year_like(atom: Atom, text: str) -> bool:
    surface = text[atom.start : atom.end]
    return surface.isdecimal() and len(surface) == 4 and 1800 <= int(surface) <= 2100


def _is_short_year(year: Atom, second: Atom, text: str) -> bool:
    """ "2020-21": a year span written with the second year's last two digits."""
    surface = text[second.start : second.end]
    return len(surface) == 2 and surface.isdecimal() and int(surface) == (int(text[year.start : year.end]) + 1) % 100


def _dated_change(text: str, first: Atom, second: Atom, before: str) -> bool:
    """ "from 4,446 in 2021 to 7,561 in 2022": the year a first figure is dated by ("in 2021") and the figure it
    became, grouped in thousands, are no range: a bare year after a year preposition never bounds a count."""
    prepositions = re.search(r"(\w+)\s*\Z", before)
    return (
        prepositions is not None
        and prepositions.group(1) in _year_prepositions()
        and _is_year_like(first, text)
        and "," in text[second.start : second.end]
    )


@cache
def _year_prepositions() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["year_prepositions"])


def _range_partner(text: str, first: Atom, second: Atom) -> bool:
    between, first_start = _joiner_between(text, first, second)
    if not _RANGE_JOINER.fullmatch(between) or (first.vague_bounds or second.vague_bounds):
        return False
    word = between.strip().lower().lstrip("-").strip()  # "8- to 16-meter": the first bound's hyphen is suspended
    if word.isalpha() and first.value is not None and second.value is not None and abs(first.value) > abs(second.value):
        return False  # a range grows as written: "USD 3m to 9,400 households" is an amount and a count; "-18 to -34"
    before = text[max(0, first_start - 12) : first_start].lower()
    if _dated_change(text, first, second, before):
        return False
    if word == "and":
        return re.search(r"\bbetween\s+\Z", before) is not None
    if word == "or":
        return first.is_word and second.is_word  # "two or three families"
    if word in ("to", "through", "thru"):
        change = _is_change(text, first_start) or _change_to_level(text, first, second, first_start)
        return not (word == "to" and change)
    return _RANGE_DASH.fullmatch(between) is not None and first.is_word == second.is_word


# the words before "from"; a dash may set the change's figures off ("an adjustment in the quantity – from one to two")
_WORDS_BEFORE_FROM = re.compile(r"((?:[A-Za-z0-9’',.]+\s+){1,9})(?:[–—-]\s+)?from\s+\Z")


def _is_change(text: str, start: int) -> bool:
    """ "rose from 300 to 450", "fell sharply from 12 to 9", "increased the number of beds from 92 to 110",
    "raise the target from CHF 10 million to CHF 25 million": a change of a figure, two figures, not a range. The
    change verb may stand a few words before "from" (its object between), in the same clause; "ranging" there
    makes the span a range again ("cut rations ranging from 30 to 50 per cent")."""
    match = _WORDS_BEFORE_FROM.search(text, max(0, start - 90), start)
    if match is None:
        return False
    words = [word.lower() for word in match.group(1).split()]
    if set(words) & _range_words():
        return False
    # "raises the number ... by more than 12,000 – from 34,204 to 46,403": a change by an amount, then its ends
    dashed = any(dash in match.group(0) for dash in "–—-")
    by_amount = any(w == "by" and any(c.isdigit() for c in "".join(words[i + 1 : i + 4])) for i, w in enumerate(words))
    return bool(set(words) & _change_verbs()) or (dashed and by_amount)


@cache
def _range_words() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["range_words_before_from"])


_VERB_BEFORE = re.compile(r"([A-Za-z]+)\s+(?:by\s+)?(?:\S+\s+(?:or|and)\s+)?\Z")  # "fell ", "lost 18% or "


def _change_to_level(text: str, first: Atom, second: Atom, first_start: int) -> bool:
    """ "fell 5p to 212p", "lost 18% or 10½p to 47½p", "rose by $2 to $14": a change verb right before the first
    figure, and each figure written with its own mark: the change, then the level it reached."""
    if text[first.end : second.start].strip().lower() == "to":
        return False  # "rose 10 to 15 per cent": one mark for both, a range of the change
    match = _VERB_BEFORE.search(text, max(0, first_start - 40), first_start)
    return match is not None and match.group(1).lower() in _change_verbs()


@cache
def _change_verbs() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["change_verbs"])


def _glued_money_or_percent(text: str, end: int) -> tuple[Kind, str, int] | None:
    """ "4pc" is per cent, "212p" pence: letters against the number, not before a letter or an abbreviation's dot
    ("5 p.m.", "1080px"); a display resolution ("1080p") is no amount of pence."""
    for letters, kind, unit in _glued_suffixes():
        after = end + len(letters)
        if not text.startswith(letters, end) or re.match(r"\w|\.\w", text[after : after + 2]):
            continue
        if kind is Kind.MONEY and _digits_before(text, end) in _display_resolutions():
            return None
        return kind, unit, after
    return None


def _digits_before(text: str, end: int) -> str:
    start = end
    while start > 0 and text[start - 1].isdigit():
        start -= 1
    return text[start:end]


@cache
def _display_resolutions() -> frozenset[str]:
    return frozenset(str(n) for n in load_json("currencies.json")["not_pence"])


@cache
def _glued_suffixes() -> tuple[tuple[str, Kind, str], ...]:
    subunits = load_json("currencies.json")["glued_subunits"]
    percent = [(w, Kind.PERCENTAGE, "percent") for w in load_json("numbers.json")["glued_percent"]]
    return tuple(sorted([*percent, *((w, Kind.MONEY, n) for w, n in subunits.items())], key=lambda e: -len(e[0])))


def _joiner_between(text: str, first: Atom, second: Atom) -> tuple[str, int]:
    """The joiner of two bounds that each carry their unit or currency ("44 mg to 50 mg", "$350 per kg to $680 per
    kg", "USD 5 to USD 8"): the text between them less the mark repeated on both; and where the first bound begins."""
    between, first_start = text[first.end : second.start], first.start
    if (mark := currency_before(text, second.start)) and first.end <= mark.position:
        if (own := currency_before(text, first.start)) is None or own.currency != mark.currency:
            return between, first_start
        between, first_start = text[first.end : mark.position], own.position
    unit = _UNIT_THEN_JOINER.fullmatch(between)
    if unit and text.startswith(unit.group(1), second.end) and not _RANGE_JOINER.fullmatch(unit.group(1)):
        return unit.group(2), first_start
    return between, first_start


_UNIT_THEN_JOINER = re.compile(
    r"(\s*(?:[^\W\d]|[°%])[^\d,;:()]{0,24}?)(\s*(?:-|–|—|to|through|thru|and|or)\s*)", re.IGNORECASE
)


def _range_value(first: Atom, second: Atom) -> tuple[Number, Number]:
    low, high = first.value, second.value
    assert low is not None and high is not None
    if second.has_scale and not first.has_scale and low < high:
        # "2-3 million": the scale written on the upper bound applies to the lower one too
        for scale in (1_000_000_000, 1_000_000, 1_000):
            if high >= scale and low * scale <= high:
                return as_number(low * scale), high
    if high < low <= 0:
        return high, low  # "-18 °C to -34 °C": below zero, written from the bound nearer zero
    return low, high


def _code_atoms(text: str, atoms: list[Atom]) -> dict[int, tuple[str, str]]:
    """Indexes of atoms that are parts of phone numbers, codes, dates or times of day, each with its reason and
    rule: "+211 912 345 678", "10:30", "12/03/2023", "2021-07-14", "at 2 pm"."""
    codes: dict[int, tuple[str, str]] = {}
    for match in _NUMERIC_DATE.finditer(text):
        for i, atom in enumerate(atoms):
            if match.start() <= atom.start < match.end():
                codes[i] = ("date", "numeric-date")
    for i, atom in enumerate(atoms):
        if i in codes:
            continue
        if _TIME_OF_DAY.match(text, atom.end) and _is_clock_time(text, atom):
            codes[i] = ("time", "clock-am-pm")
        elif re.match(r":\d", text[atom.end : atom.end + 2]) or (atom.start and text[atom.start - 1] == ":"):
            codes[i] = ("time", "colon-code")
        elif atom.start and text[atom.start - 1] == "+" and not _SIGNED_CHANGE.match(text, atom.end):
            codes[i] = ("phone", "plus-prefix")  # "+211 912 345 678"; "+1.4%" is a signed change
        elif _DATE_SEPARATOR.match(text, atom.end) or (atom.start and text[atom.start - 1] == "/"):
            codes[i] = ("reference", "slash-or-dot-code")
    chain: list[int] = []
    for i, atom in enumerate([*atoms, None]):
        bare = atom is not None and not atom.is_word and text[atom.start : atom.end].isdecimal()
        if bare and chain and text[atoms[chain[-1]].end : atom.start] == " ":
            chain.append(i)
            continue
        if len(chain) >= 3 and not _next_to_grouped_number(text, atoms, chain):
            codes.update((j, ("phone", "digit-groups")) for j in chain if j not in codes)
        chain = [i] if bare else []
    return codes


_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")


def _next_to_grouped_number(text: str, atoms: list[Atom], chain: list[int]) -> bool:
    """A run of bare numbers beside a thousands-grouped one ("Sindh 0 0 0 12 2,431") is a flattened table row's
    cells: no telephone number or code goes on into "2,431"."""
    start, end = atoms[chain[0]].start, atoms[chain[-1]].end
    before = text[max(0, start - 12) : start]
    return bool(_GROUPED_NUMBER.match(text, end + 1) and text[end : end + 1] == " ") or bool(
        re.search(r"(?<![\d,])\d{1,3}(?:,\d{3})+ \Z", before)
    )


_SIGNED_CHANGE = re.compile(r"\s?(?:%|pc\b|per\s?cent\b|percent\b|percentage points?\b|bps?\b)", re.IGNORECASE)

# "2021-07-14", "14-07-2021", "22/11/2020", "05.2006" (month and year): the separators of a date, not a range;
# "2014. 5. 8." (year, month and day, each closed by a point, as document sites date an upload); "13-Jul-2021"
# (day, month abbreviation and year, a document site's "Post on" stamp)
_NUMERIC_DATE = re.compile(
    r"(?<![\w.,/-])(?:(?:1[89]|20)\d\d-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])"
    r"|(?:1[89]|20)\d\d\. ?(?:0?[1-9]|1[0-2])\. ?(?:0?[1-9]|[12]\d|3[01])\.(?!\d)"
    r"|(?:0?[1-9]|[12]\d|3[01])([-/.])(?:0?[1-9]|1[0-2])\1(?:(?:1[89]|20)\d\d|\d\d)"
    r"|(?:0?[1-9]|1[0-2])([-/.])(?:0?[1-9]|[12]\d|3[01])\2(?:1[89]|20)\d\d"
    r"|(?:0[1-9]|1[0-2])[./](?:1[89]|20)\d\d"
    r"|(?:0?[1-9]|[12]\d|3[01])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)-(?:(?:1[89]|20)\d\d|\d\d))"
    r"(?![\w-]|[.,/]\d)"
)


def _is_clock_time(text: str, atom: Atom) -> bool:
    """ "at 2 pm", "2.13 am", "seven p.m.": an hour before am/pm, unless the sentence measures in picometres."""
    hour = atom.is_word or _CLOCK.fullmatch(text, atom.start, atom.end) is not None
    return hour and not sentence_has(text, atom.start, _PICO_ATTO)


def _ratio_words(text: str) -> list[Figure]:
    """ "twice", "thrice", and number words glued to "fold" ("threefold"): ratios without a number atom."""
    lex = load_json("numbers.json")
    frequency = _frequency_pattern()
    found = [
        (m, lex["ratio_words"][m.group(1).lower()], "times")
        for m in _RATIO_WORD.finditer(text)
        if frequency.match(text, m.end()) is None
    ]
    small = {**lex["units"], **lex["tens"]}
    found += [(m, small[m.group(1).lower()], "fold") for m in _FOLD_WORD.finditer(text) if m.group(1).lower() in small]
    exact, ratio = Qualifier.EXACT, Kind.RATIO
    figures = [
        Figure(m.start(), m.end(), m.start(), m.end(), value, None, None, exact, ratio, unit, True, False)
        for m, value, unit in found
    ]
    return figures + _multiples(text, lex["ratio_words"]) + _ratio_verbs(text, lex["ratio_verbs"])


@cache
def _frequency_pattern() -> re.Pattern[str]:
    """What follows "twice" in a frequency ("twice a month", "thrice per week"): a joiner and a period."""
    lex = load_json("numbers.json")
    joiners = "|".join(re.escape(w) for w in lex["frequency_joiners"])
    periods = "|".join(re.escape(w) for w in lex["frequency_periods"])
    return re.compile(rf"\s+(?:{joiners})\s+(?:{periods})s?(?![\w-])", re.IGNORECASE)


@cache
def _multiple_pattern() -> re.Pattern[str]:
    lex = load_json("numbers.json")
    words = "|".join(re.escape(w) for w in lex["multiple_words"])
    determiners = "|".join(re.escape(w) for w in sorted(lex["multiple_determiners"], key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({words})(?=\s+(?:{determiners})(?![\w-]))", re.IGNORECASE)


def _multiples(text: str, values: dict[str, float]) -> list[Figure]:
    """ "double the 40 million doses", "triple the amount given last year", "almost double the figure of 2021": a
    multiple before the determiner of what it multiplies is a ratio (unit times), its qualifier the phrase before
    it; "double up", "a double standard" have no determiner after the word."""
    return _stated_ratios(text, _multiple_pattern(), values)


@cache
def _ratio_verb_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(" + "|".join(words) + r")(?![\w-])", re.IGNORECASE)


def _ratio_verbs(text: str, verbs: dict[str, float]) -> list[Figure]:
    """ "Sales more than doubled", "the price halved", "cases nearly tripled": a change that states its ratio is a
    figure (unit times), its qualifier the phrase before it."""
    return _stated_ratios(text, _ratio_verb_pattern(tuple(verbs)), verbs)


def _stated_ratios(text: str, pattern: re.Pattern[str], values: dict[str, float]) -> list[Figure]:
    """A ratio figure (unit times) for each match of `pattern`, whose group 1 is a word of `values`, with the
    qualifier the phrase before it states."""
    figures = []
    for m in pattern.finditer(text):
        value = as_number(values[m.group(1).lower()])
        qualifier, low, high, start = Qualifier.EXACT, None, None, m.start()
        if found := _qualifier_before(text, m.start()):
            qualifier, sets_high, start = found
            low, high = _bounds(qualifier, sets_high, value)
        figures.append(
            Figure(start, m.end(), m.start(), m.end(), value, low, high, qualifier, Kind.RATIO, "times", True, False)
        )
    return figures


@cache
def _article_pattern() -> re.Pattern[str]:
    names = [*load_json("units.json")["article_units"], *load_json("currencies.json")["article_names"]]
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(an?)\s+({alternation})(?![\w])", re.IGNORECASE)


# "not a penny", "did not receive a cent", "without a single dollar": no amount
_NEGATION_BEFORE = re.compile(
    r"(?:(?<![\w-])(?:not|never|nor|without|no)|n[’']t)(?:\s+[A-Za-z]+){0,2}\s+\Z", re.IGNORECASE
)


def _article_units(text: str) -> list[Figure]:
    """ "a gallon of fuel", "less than a dollar", "a penny": the article before a unit or currency noun is one of
    it; "not a penny" is no amount (in "USD 3 a litre" the article is "per", see `_without_rates`)."""
    figures = []
    for m in _article_pattern().finditer(text):
        if _NEGATION_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue
        noun = m.group(2).lower()
        if currency := table().names.get(noun):
            kind, unit = Kind.MONEY, currency
        else:
            kind, unit = Kind.MEASURE, unit_name(noun, canonical(noun) or noun)
        start, qualifier, low, high = m.start(), Qualifier.EXACT, None, None
        if found := _qualifier_before(text, start):
            qualifier, sets_high, start = found
            low, high = _bounds(qualifier, sets_high, 1)
        figures.append(Figure(start, m.end(), m.start(), m.end(1), 1, low, high, qualifier, kind, unit, True, False))
    return figures


@cache
def _time_word_patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[int, int, str]]]:
    data = load_json("numbers.json")
    vague = {word.lower(): (low, high, unit) for word, (low, high, unit) in data["vague_durations"].items()}
    nouns = "|".join(re.escape(n) for n in data["hedged_article_durations"])
    return (
        re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in vague) + r")(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(an?)\s+({nouns})(?![\w-])", re.IGNORECASE),
        vague,
    )


# a number or a quantifier before a time word makes it a unit: "two decades", "several decades", "a few decades"
_COUNTED_TIME_BEFORE = re.compile(
    r"(?:\d|(?<![\w-])(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|several|few|many|couple of|dozens of)"
    r")\s*\Z",
    re.IGNORECASE,
)


_IN_BEFORE = re.compile(r"(?<![\w-])in\s+\Z", re.IGNORECASE)
_RELATIVE_TIME_AFTER = re.compile(r"\s+(?:earlier|later|ago)\b", re.IGNORECASE)


def _durations_without_number(text: str, figures: list[Figure]) -> list[Figure]:
    """Durations written without a number: "for decades", "decades of conflict" (vague, 20 to 99 years); "nearly a
    year", "more than a month" (one, after a hedge; "once a year" and "a year ago" are no figure)."""
    vague_words, articles, vague = _time_word_patterns()
    taken = [(f.start, f.end) for f in figures]
    found: list[Figure] = []
    for m in vague_words.finditer(text):
        if _COUNTED_TIME_BEFORE.search(text, max(0, m.start() - 20), m.start()) or _IN_BEFORE.search(
            text, max(0, m.start() - 5), m.start()
        ):
            continue  # "two decades"; "the worst drought in decades" is an idiom of comparison
        if any(start < m.end() and m.start() < end for start, end in taken):
            continue
        low, high, unit = vague[m.group(1).lower()]
        found.append(
            Figure(
                m.start(),
                m.end(),
                m.start(),
                m.end(),
                None,
                low,
                high,
                Qualifier.VAGUE,
                Kind.DURATION,
                unit,
                True,
                False,
            )
        )
    for m in articles.finditer(text):
        hedge = _qualifier_before(text, m.start())
        if hedge is None or any(start < m.end() and m.start() < end for start, end in taken):
            continue
        if _RELATIVE_TIME_AFTER.match(text, m.end()):
            continue  # "higher than a year earlier", "more than a week ago": when, not how long
        qualifier, sets_high, start = hedge
        low, high = _bounds(qualifier, sets_high, 1)
        found.append(
            Figure(
                start,
                m.end(),
                m.start(),
                m.end(),
                1,
                low,
                high,
                qualifier,
                Kind.DURATION,
                m.group(2).lower(),
                True,
                False,
            )
        )
    return found


def _without_rates(text: str, figures: list[Figure], articles: list[Figure]) -> list[Figure]:
    """The article figures that are no rate: "USD 3 a litre", "200 rupees a kilogram" price per unit."""
    ends = sorted(f.end for f in figures)
    kept = []
    for article in articles:
        k = bisect_right(ends, article.start)
        if k and not text[ends[k - 1] : article.start].strip():
            continue
        kept.append(article)
    return kept


def _out_of(text: str, first: Atom, second: Atom) -> Figure | None:
    """ "one out of three", "2 out of 500", "one in four", "1 in every 10": a share, read as the fraction."""
    between = " " + text[first.end : second.start]
    if not first.value or not second.value or first.vague_bounds or second.vague_bounds:
        return None
    if _OUT_OF.fullmatch(between):
        if first.value > second.value:
            return None
        if _counted_part(first, second):  # "23 out of 31 provinces": 23 provinces, of a total
            return replace(_figure(text, first, None), end=second.end)
    elif not (_IN_EVERY.fullmatch(between) and _is_share_in(text, first, second)):
        return None
    value = as_number(round(first.value / second.value, 6))
    start, qualifier, low, high = first.start, Qualifier.EXACT, None, None
    end = second.end
    if found := _qualifier_before(text, start):  # "nearly one in three"
        qualifier, sets_high, start = found
        low, high = _bounds(qualifier, sets_high, value)
    elif match := _OR_MORE.match(text, end):  # "2 in 5 or more"
        qualifier, low, end = Qualifier.AT_LEAST, value, match.end()
    elif match := _OR_LESS.match(text, end):
        qualifier, high, end = Qualifier.AT_MOST, value, match.end()
    return Figure(
        start, end, first.start, second.end, value, low, high, qualifier, Kind.RATIO, None, first.is_word, False
    )


def _counted_part(first: Atom, second: Atom) -> bool:
    """ "23 out of 31 provinces" counts provinces; "one out of three children", "9 out of 10" are shares."""
    assert first.value is not None and second.value is not None
    return not (first.is_word or second.is_word) and first.value >= 2 and second.value > _SHARE_MAX_NUMERATOR


def _is_share_in(text: str, first: Atom, second: Atom) -> bool:
    """ "X in Y" is a share when X is a small part of Y and Y is not a year or a time ("$10000 in 3 years")."""
    assert first.value is not None and second.value is not None
    if not 0 < first.value < second.value or first.value > _SHARE_MAX_NUMERATOR or _is_year_like(second, text):
        return False
    return _time_words().match(text, second.end) is None


@cache
def _time_words() -> re.Pattern[str]:
    lex = load_json("numbers.json")
    words = sorted([*lex["duration_units"], *lex["months"]], key=len, reverse=True)
    return re.compile(rf"[\s-]*(?:{'|'.join(map(re.escape, words))})\b", re.IGNORECASE)


def scan_figures(text: str, skipped: list[SkippedNumber] | None = None) -> list[Figure]:
    """Every figure in `text`, left to right, with qualifier, bounds, and kind when the text shows it. The numbers
    read as parts of codes, dates and times are added to `skipped` when given."""
    figures, codes = _scanned(text) if len(text) <= _CACHED_LENGTH else _scan(text)
    if skipped is not None:
        skipped.extend(codes)
    return list(figures)


# The selective parse scans each sentence to choose its components, then the figure component scans the same
# sentence again when its run is that one sentence (the usual case): the second scan is a cache hit.
_CACHED_LENGTH = 4_000


@lru_cache(maxsize=4_096)
def _scanned(text: str) -> tuple[tuple[Figure, ...], tuple[SkippedNumber, ...]]:
    return _scan(text)


def _scan(text: str) -> tuple[tuple[Figure, ...], tuple[SkippedNumber, ...]]:
    skipped: list[SkippedNumber] = []
    glued = {g.number_end: g for g in glued_units(text)}
    atoms = _with_glued(find_atoms(text), glued.values())
    codes = _code_atoms(text, atoms)
    figures: list[Figure] = _ratio_words(text)
    i = 0
    while i < len(atoms):
        atom = atoms[i]
        if i in codes:
            skipped.append(SkippedNumber(atom.start, atom.end, *codes[i]))
            i += 1
            continue
        if i + 1 < len(atoms) and i + 1 not in codes and (fraction := _out_of(text, atom, atoms[i + 1])):
            figures.append(fraction)
            if fraction.kind is Kind.COUNT:  # "23 out of 31 provinces": the whole is a figure too, as in "16 of
                figures.append(_figure(text, atoms[i + 1], None, fraction.number_end))  # the 18 states"
            i += 2
            continue
        partner = atoms[i + 1] if i + 1 < len(atoms) and _range_partner(text, atom, atoms[i + 1]) else None
        taken = max((f.end for f in figures if f.end <= atom.start), default=0)  # ratio words may lie ahead
        figures.append(_glued_unit(_figure(text, atom, partner, taken), glued))
        i += 2 if partner else 1
    if articles := _article_units(text):
        figures += _without_rates(text, figures, articles)
    figures += _durations_without_number(text, figures)
    joined = _join_subunits(text, _join_bounds(text, sorted(figures, key=lambda f: f.start)))
    return tuple(_over_list(text, _changes(text, _spread_over(text, joined)))), tuple(skipped)


_CHANGE_JOINER = re.compile(r"\s+to\s+")


def _changes(text: str, figures: list[Figure]) -> list[Figure]:
    """ "rose from 3 to 5 per cent", "from 300 to 450 dollars": the change's first figure takes the mark written
    after the second (one figure each, not a range)."""
    for i in range(len(figures) - 1):
        first, second = figures[i], figures[i + 1]
        if (
            first.kind is Kind.COUNT
            and first.end == first.number_end
            and second.kind in (Kind.MONEY, Kind.PERCENTAGE)
            and second.end > second.number_end
            and second.start == second.number_start
            and _CHANGE_JOINER.fullmatch(text, first.end, second.start)
            and _is_change(text, first.start)
        ):
            figures[i] = replace(first, kind=second.kind, unit=second.unit)
    return figures


_LISTED_QUALIFIERS = (Qualifier.APPROXIMATE,)
# after a list item's figure: its noun (one or two words), then a comma, "and" or "or" as words of their own (the
# "or" of "for" is none: "some 120,000 people for 9 months")
_LIST_GAP = re.compile(
    r"\s+([A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*)?)\s*(?:,\s*(?P<comma_and>and\s+|or\s+)?|\band\s+|\bor\s+)\Z"
)


@cache
def _list_breaking_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_json("numbers.json")["list_breaking_words"])


def _over_list(text: str, figures: list[Figure]) -> list[Figure]:
    """ "approximately 8,419 women, 8,419 men and 2,000 children": a hedge before a list's first figure qualifies
    each figure of the list (items of the same kind, each a number and its noun, joined by commas or "and"); a
    bound stays the first item's ("more than 200 households and 30 schools"). A verb or preposition between ("about
    300 people were killed and 20 injured") ends the list, and ", and" joins clauses unless a list is under way
    ("about 45 people, and a dozen villages remain")."""
    listed: list[Figure] = []
    in_list = False
    for figure in figures:
        previous = listed[-1] if listed else None
        if (
            previous is not None
            and previous.qualifier in _LISTED_QUALIFIERS
            and figure.qualifier is Qualifier.EXACT
            and figure.kind is previous.kind is Kind.COUNT
            and figure.value is not None
            and not figure.is_year_like
            and (gap := _LIST_GAP.fullmatch(text, previous.end, figure.start))
            and not {w.lower() for w in gap.group(1).split()} & _list_breaking_words()
            and (in_list or not gap.group("comma_and"))
        ):
            sets_high = previous.high is not None and previous.low is None
            low, high = _bounds(previous.qualifier, sets_high, figure.value)
            figure = replace(figure, low=low, high=high, qualifier=previous.qualifier)
            in_list = True
        else:
            in_list = False
        listed.append(figure)
    return listed


_SUBUNIT_GAP = re.compile(r"\s+(?:and\s+)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\s*(?:[.!?]|\Z)")


@cache
def _subunits() -> dict[str, int]:
    """Subunit name -> how many make one unit of its currency: 100 cents, 10 mao."""
    data = load_json("currencies.json")
    return {name: data["subunit_parts"].get(name, 100) for name in data["subunits"].values()}


def _join_subunits(text: str, figures: list[Figure]) -> list[Figure]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50.": one amount in hundredths.
    A bare number after the currency counts as cents only when it ends the sentence and is from 10 to 99."""
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is Kind.MONEY
            and previous.unit not in _subunits()
            and previous.qualifier is Qualifier.EXACT
            and previous.value is not None
            and previous.end > previous.number_end  # the currency written after the amount
            and figure.qualifier is Qualifier.EXACT
            and isinstance(figure.value, int)
            and 0 < figure.value < _subunits().get(figure.unit or "", 100)
            and _SUBUNIT_GAP.fullmatch(text[previous.end : figure.start])
            and (
                (figure.kind is Kind.MONEY and figure.unit in _subunits())
                or (
                    figure.kind is Kind.COUNT
                    and figure.value >= 10  # "15 dollars 5" says nothing clear
                    and figure.end == figure.number_end
                    and _SENTENCE_END.match(text, figure.end)
                )
            )
        ):
            value = as_number(round(previous.value + figure.value / _subunits().get(figure.unit or "", 100), 2))
            joined[-1] = replace(previous, end=figure.end, value=value)
            continue
        joined.append(figure)
    return joined


def _with_glued(atoms: list[Atom], glued: Iterable[GluedUnit]) -> list[Atom]:
    """The number atoms, with numbers written against a unit ("200lbs", "7.62mm") in place of the pieces the
    number reader makes of them ("7" of "7.62mm")."""
    for g in glued:
        inside = [a for a in atoms if a.start < g.unit.end and g.number_start < a.end]
        if all(g.number_start <= a.start and a.end <= g.unit.end for a in inside):
            kept = [a for a in atoms if a not in inside]
            atoms = sorted([*kept, Atom(g.number_start, g.number_end, as_number(g.value), None, False, False)],
                           key=lambda a: a.start)  # fmt: skip
    return atoms


def _glued_unit(figure: Figure, glued: dict[int, GluedUnit]) -> Figure:
    found = glued.get(figure.number_end)
    if found is None or figure.kind is not Kind.COUNT or figure.end != figure.number_end:
        return figure
    return with_unit(figure, found.unit.end, found.unit.kind, found.unit.name)


# an amount, at most three words ("tonnes", "per family"), then "over": not after "for", "of", "took"...
_SPREAD_OVER = re.compile(
    r"(?:\s+(?!(?:for|of|in|after|within|than|took|take|takes|taking|lasted|lasting|lasts|last)\s+over\b)"
    r"[A-Za-z][\w-]*){0,3}\s+over\s+\Z",
    re.IGNORECASE,
)


@cache
def _spread_verb_before() -> re.Pattern[str]:
    verbs = sorted(load_json("numbers.json")["spread_verbs"], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, verbs)) + r")\s+over\s+\Z", re.IGNORECASE)


_AGE = re.compile(r"[\s-]*(?:years?|months?)[\s-]+(?:old|of\s+age)\b", re.IGNORECASE)  # "over 60 years old"


def _spread_over(text: str, figures: list[Figure]) -> list[Figure]:
    """ "USD 320 over three months", "200 tonnes over six weeks", "implemented over 3 months": "over" after an amount
    or a verb of carrying out, before a time, is the period it is spread over, not a lower bound ("for over three
    months" stays one)."""
    spread: list[Figure] = []
    for figure in figures:
        previous = spread[-1] if spread else None
        after_amount = previous is not None and _SPREAD_OVER.fullmatch(text, previous.end, figure.number_start)
        after_verb = _spread_verb_before().search(text, max(0, figure.start - 40), figure.number_start)
        if (
            (after_amount or after_verb)
            and figure.qualifier is Qualifier.MORE_THAN
            and _time_words().match(text, figure.number_end)
            and not _AGE.match(text, figure.number_end)
        ):
            figure = replace(figure, start=figure.number_start, low=None, high=None, qualifier=Qualifier.EXACT)
        spread.append(figure)
    return spread


_LOWER_BOUNDS = (Qualifier.MORE_THAN, Qualifier.AT_LEAST)
_UPPER_BOUNDS = (Qualifier.LESS_THAN, Qualifier.AT_MOST)
_BOUND_JOINER = re.compile(r"\s*(?:,\s*)?(?:and|but)?\s*", re.IGNORECASE)


def _join_bounds(text: str, figures: list[Figure]) -> list[Figure]:
    """ "more than 100 and less than 300" is one range: a lower and an upper bound joined by "and" or ","."""
    joined: list[Figure] = []
    for figure in figures:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.kind is figure.kind
            and {previous.qualifier, figure.qualifier} & set(_LOWER_BOUNDS)
            and {previous.qualifier, figure.qualifier} & set(_UPPER_BOUNDS)
            and _BOUND_JOINER.fullmatch(text[previous.end : figure.start])
        ):
            low = previous.low if previous.qualifier in _LOWER_BOUNDS else figure.low
            high = previous.high if previous.qualifier in _UPPER_BOUNDS else figure.high
            if low is not None and high is not None and low <= high:
                joined[-1] = replace(
                    previous,
                    end=figure.end,
                    number_end=figure.number_end,
                    value=None,
                    low=low,
                    high=high,
                    qualifier=Qualifier.RANGE,
                )
                continue
        joined.append(figure)
    return joined


def _figure(text: str, atom: Atom, partner: Atom | None, taken: int = 0) -> Figure:
    """The figure around `atom` (and its range partner); marks before `taken` belong to the figure before."""
    start, end = atom.start, (partner or atom).end
    value, low, high = atom.value, None, None
    qualifier = Qualifier.EXACT
    kind, unit = Kind.COUNT, None
    if atom.vague_bounds:
        qualifier, value = Qualifier.VAGUE, None
        low, high = atom.vague_bounds
    elif partner:
        if _is_year_like(atom, text) and (_is_year_like(partner, text) or _is_short_year(atom, partner, text)):
            return _year_figure(atom, partner)
        qualifier, value = Qualifier.RANGE, None
        low, high = _range_value(atom, partner)
        opener = re.search(r"(?<![\w-])(?:between|from)\s+\Z", text[max(0, start - 10) : start], re.IGNORECASE)
        if opener:
            start -= len(text[max(0, start - 10) : atom.start]) - opener.start()
    else:
        found = _qualifier_before(text, start)
        if found:
            qualifier, sets_high, start = found
            low, high = _bounds(qualifier, sets_high, value)

    if percent_of := _PERCENT_OF.search(text[max(0, start - 20) : start]):
        kind, unit = Kind.PERCENTAGE, "percent"
        start -= len(text[max(0, start - 20) : start]) - percent_of.start()

    if atom.letters:
        kind, unit = Kind.MEASURE, atom.letters
    scale = 1
    currency = currency_before(text, start)
    if currency and currency.position >= taken:  # "10 rmb 20 usd": "rmb" is the first amount's
        kind = Kind.MONEY
        unit, start, scale = currency.currency, currency.position, currency.scale
        found = _qualifier_before(text, start) if qualifier is Qualifier.EXACT and not partner else None
        if found:
            qualifier, sets_high, start = found
            low, high = _bounds(qualifier, sets_high, value)

    suffix_end = end
    if match := _PLUS.match(text, end):
        qualifier, low, high = Qualifier.MORE_THAN, value, None
        suffix_end = match.end()
    if match := _PERCENT.match(text, suffix_end):
        kind, unit, suffix_end = Kind.PERCENTAGE, "percent", match.end()
    elif kind is Kind.COUNT and (glued := _glued_money_or_percent(text, suffix_end)):
        kind, unit, suffix_end = glued
    elif match := _FOLD.match(text, suffix_end):
        kind, unit, suffix_end = Kind.RATIO, "fold", match.end()
    elif kind is not Kind.MONEY and (after := currency_after(text, suffix_end)):
        kind = Kind.MONEY
        unit, suffix_end, scale = after.currency, after.position, after.scale
    elif (match := _TIMES.match(text, suffix_end)) and not partner:
        kind, unit, suffix_end = Kind.RATIO, "times", match.end()
    # "about 500 or more": the stated bound says more than the hedge before it
    open_ended = qualifier in (Qualifier.EXACT, Qualifier.APPROXIMATE) and value is not None
    if open_ended and (match := _OR_MORE.match(text, suffix_end)):
        qualifier, low, high, suffix_end = Qualifier.AT_LEAST, value, None, match.end()
    elif open_ended and (match := _OR_LESS.match(text, suffix_end)):
        qualifier, low, high, suffix_end = Qualifier.AT_MOST, None, value, match.end()
    if scale != 1:  # "30 MUSD", "75 USD million"
        value, low, high = (None if v is None else as_number(round(v * scale, 6)) for v in (value, low, high))

    return Figure(
        start=start,
        end=suffix_end,
        number_start=atom.start,
        number_end=(partner or atom).end,
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        kind=kind,
        unit=unit,
        is_word=atom.is_word,
        is_year_like=_is_year_like(atom, text) and kind is Kind.COUNT,
    )


def _bounds(qualifier: Qualifier, sets_high: bool, value: Number | None) -> tuple[Number | None, Number | None]:
    if qualifier is Qualifier.APPROXIMATE:
        return None, value if sets_high else None
    if qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return value, None
    if qualifier in (Qualifier.LESS_THAN, Qualifier.AT_MOST):
        return None, value
    return None, None


def _year_figure(first: Atom, second: Atom) -> Figure:
    return Figure(
        first.start,
        second.end,
        first.start,
        second.end,
        None,
        first.value,
        second.value,
        Qualifier.RANGE,
        Kind.OTHER,
        None,
        False,
        True,
    )


def with_unit(figure: Figure, end: int, kind: Kind, unit: str) -> Figure:
    return replace(figure, end=max(figure.end, end), kind=kind, unit=unit)
