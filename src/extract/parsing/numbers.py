"""Find number surfaces in text and read their values: digits, scale words, number words, vague amounts.

Hand-written rather than quantulum3's spell-out reader because that reader turns the article "a" into 1
and knows nothing of vague amounts ("tens of thousands"); the lexicon lives in resources/numbers.json.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from extract.parsing.currencies import code_alternation, currency_after, currency_before, glued_marks_lookbehind
from extract.resources import load_json

Number = int | float


@dataclass(frozen=True, slots=True)
class Atom:
    """One number surface: `text[start:end]`."""

    start: int
    end: int
    value: Number | None  # None for vague amounts
    vague_bounds: tuple[Number, Number] | None
    is_word: bool  # written in words ("three", "a thousand")
    has_scale: bool  # carries a scale word or abbreviation ("1.2 million", "5k")
    scale: Number = 1  # the smallest scale it shows: 100 for "three hundred", 1000 for "4 thousand 3"
    letters: str = ""  # letters written against it that are no scale here, kept as its unit: the "b" of "1500b"


@dataclass(frozen=True, slots=True)
class Lexicon:
    word_values: dict[str, int]  # units and tens
    scales: dict[str, int]
    abbreviations: dict[str, int]  # "k", "bn": any case
    cased_abbreviations: dict[str, int]  # "MM": only so written
    money_abbreviations: dict[str, int]  # "b", "T": a scale only on an amount of money ("$12b"), any case
    vague: dict[str, tuple[Number, Number]]
    digit_plurals: dict[str, str]  # "1000" (of "1,000s") -> "thousands"
    fractions: dict[str, int]  # "thirds" -> 3
    vulgar: dict[str, float]  # "½" -> 0.5
    multipliers: dict[str, int]  # "dozen" -> 12: multiplies everything before it; "baker's_dozen" -> 13
    multi_word_multipliers: re.Pattern[str]  # "baker's dozen", read as the one word "baker's_dozen"
    fraction_of_scale: dict[str, float]  # "half" -> 0.5 in "half a million"
    atom_pattern: re.Pattern[str]
    point_pattern: re.Pattern[str]  # "point five", "point nought four": decimals in words
    unit_ordinals: frozenset[str]  # "first" .. "ninth"
    unit_ordinal: re.Pattern[str]  # "-first" of "twenty-first"
    ordinal_determiner: re.Pattern[str]  # "the " of "the one hundredth"
    qualifier_before: re.Pattern[str]  # "roughly ", "more than " right before a number


def as_number(value: float) -> Number:
    """Integral values as int, so that records read "3000" rather than "3000.0"."""
    return int(value) if float(value).is_integer() and abs(value) < 1e15 else value


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    data = load_json("numbers.json")
    word_values = {**data["units"], **data["tens"]}
    scales = dict(data["scales"])
    vague = {k: (v[0], v[1]) for k, v in data["vague"].items()}
    fractions = dict(data["fractions"])
    vulgar = dict(data["vulgar_fractions"])
    multipliers = dict(data["multipliers"])
    multi_word = [w for w in multipliers if " " in w]
    fraction_of_scale = dict(data["fraction_of_scale"])
    small = _alternation(list(word_values))
    scale_words = _alternation([*scales, *multipliers])
    # a scale word never repeats itself: "11.1 9.3 MILLION MILLION" is a key-figure row, each figure its own million
    single_scales = "|".join(
        rf"{re.escape(w)}(?![\s-]+{re.escape(w)}\b)" for w in sorted([*scales, *multipliers], key=len, reverse=True)
    )
    continuation = rf"(?:[\s-]+(?:(?:and|&)[\s-]+)?(?:{small}|{scale_words}))"
    # a fraction word only after a numerator ("two thirds", "one and a half"), never alone ("half the households")
    fraction = rf"(?:[\s-]+(?:and[\s-]+(?:a|an|{small})[\s-]+)?(?:{_alternation(list(fractions))}))"
    # the article counts one only before a scale or a fraction word: "a hundred and two", "a third"; never before
    # another number word ("a twenty-pound bag" is twenty, "a two-year period" two)
    word_number = (
        rf"(?:(?:{small}){continuation}*"
        rf"|(?:a|an)\s+(?:{scale_words}){continuation}*"
        # "half a million", "a half million", "a half a million" (an article doubled, as a speaker says it)
        rf"|(?:(?:a|an)\s+)?(?:{_alternation(list(fraction_of_scale))})(?:\s+(?:a|an))?\s+(?:{scale_words})"
        rf"|(?:{_alternation(list(scales))}){continuation}+"  # "hundred thousand", "million and one"
        r"|a|an)"
        rf"(?:{fraction}(?:\s+of\s+(?:a|an)\s+(?:{_alternation(list(scales))}))?)?(?:\s+(?:{scale_words}))?"
    )
    abbreviations = _alternation([*data["scale_abbreviations"], *data["money_scale_abbreviations"]])
    cased = _alternation(list(data["cased_scale_abbreviations"]))  # "1MM" is a million, "1 mm" a millimetre
    big_scales = _alternation([w for w, v in scales.items() if v >= 1000])
    vulgar_chars = "".join(vulgar)
    digits = (
        rf"(?:\d+\s+\d{{1,3}}/\d{{1,3}}(?![/\d])|\d{{1,3}}/\d{{1,3}}(?![/\d])|\d*[{vulgar_chars}]"
        rf"|\d{{1,3}},\d{{1,2}}(?=[\s-]+(?:{big_scales})\b)"  # a decimal comma before a scale: "5,1 million"
        r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?"  # South Asian grouping: "12,34,567"
        # a PDF copy's group split after its comma, before a form's next field: "CHF 2,060, 682 DREF amount"
        r"|\d{1,3}(?:,\d{3})+,\s\d{3}(?![\d,.])(?=\s+(?-i:[A-Z]{2,}\b|[A-Z][a-z]+\s+[A-Z]))"
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
        r"|\d{1,3}(?:['\u2019]\d{3})+(?:\.\d+)?(?!['\u2019]?\w)"  # Swiss grouping: "448'063"
        # "1 234 567", not "245 23", nor "2 850,000" or "2 850, ,000" (a marker before a comma-grouped figure)
        r"|(?<![\d+] )\d{1,3}(?:[ \u202f\u00a0]\d{3})+(?:\.\d+)?(?![\d]| \d|,\s?,|,\d)"
        rf"|\d{{1,3}},\d{{1,2}}(?=[\s-]+(?:{_alternation(list(scales))})\b)"  # a decimal comma: "4,95 Million"
        r"|\d+\.\d+|\.\d+|\d+)(?!,\d{3})"  # never the "1" of "1,000s"
        r"(?:[eE][+-]?\d+(?![\w])|\s?[x×]\s?\d+\^[+\-−]?\d+|[x×]10(?:[-−]\d{1,2}(?![\w]|[.,]\d)|[⁺⁻]?[⁰¹²³⁴-⁹]+)"
        r"|\^[+\-−]*\d+)?"  # "1.3e6", "1.3x10^6", "8x2^10", "2.48×10−5", "5.5x10-3", "3×10⁻⁵", "2.5^-1"
        # a scale word after a space or a hyphen, or written against the digits as UK papers do ("£180million")
        # a scale word glued to the capitalised word after it, as an image's label runs into the figure ("600
        # millionGirl and woman icon"): the scale ends at the capital
        rf"(?:(?:(?:\s+|-|(?<=\d))(?:{single_scales})\b)+|\s+(?-i:{big_scales})(?-i:(?=[A-Z][a-z]))"
        rf"|\s?(?:{abbreviations}|(?-i:{cased}))(?![\w]))?"
    )
    vague_words = _alternation(list(vague))
    glued = code_alternation()  # "USD115", "115USD": a number written against its currency code
    marks = glued_marks_lookbehind()  # "RM450", "$US12.5"
    glued_after = _alternation([*data["glued_percent"], *load_json("currencies.json")["glued_subunits"]])  # "4pc"
    sign = rf"(?P<sign>(?<!\d\s)[-−](?=\.?\d)|(?:{_alternation(data['sign_words'])})(?:\s+|-(?=\d)))?"
    pattern = re.compile(
        rf"(?:(?<![\w.,/])(?:(?<![A-Za-z]-)|(?<=\d[A-Za-z]-))|(?<=\b(?:{glued}))|{marks})(?:(?P<vague>{vague_words})\b"
        r"|(?P<plural>(?:\d{1,3}(?:,\d{3})+|\d+)s)(?![\w])"  # "1,000s of people"; also "1990s", read as nothing
        # a footnote marker glued to an amount of millions or more: "$12,204,211,4874" is $12,204,211,487, note 4
        rf"|{sign}(?:(?P<digits>{digits})(?:(?![\w])|(?<=\d,\d{{3}},\d{{3}})(?=\d{{1,2}}(?![\w.,]))|(?=(?:{glued}|[元圆円]|(?-i:{glued_after}))(?![A-Za-z]))"
        # a table flattened from PDF glues a cell to the next row's label: "RCMs collected 113,704RCMs distributed",
        # "children 840PEOPLE DEPRIVED" (three digits or more, then a word of three letters or more that ends there;
        # not a code of a link, "id=12345ABCD&x")
        r"|(?<=\d{3})(?=(?-i:[A-Z](?:[a-z]{2}|[A-Z]{2})[A-Za-z]*)(?:\s|\Z|[()/.,;:]))"
        r"|(?:(?<=thousand)|(?<=illion))(?=(?-i:[A-Z][a-z])))"  # "600 millionGirl": the scale glued to a label
        rf"|(?P<words>{word_number})\b))",
        re.IGNORECASE,
    )
    digit_words = _alternation([w for w, v in word_values.items() if v < 100])
    point = re.compile(rf"\s+point((?:[\s-]+(?:{digit_words})\b)+)", re.IGNORECASE)
    abbreviations_table = data["scale_abbreviations"]
    qualifiers = [phrase for group in data["qualifiers"].values() for phrase in group if phrase[0].isalpha()]
    unit_ordinal = re.compile(rf"[\s-]+(?:{_alternation(data['unit_ordinals'])})\b", re.IGNORECASE)
    determiner = re.compile(rf"\b(?:{_alternation(data['ordinal_determiners'])})\s+\Z", re.IGNORECASE)
    return Lexicon(
        word_values,
        scales,
        abbreviations_table,
        dict(data["cased_scale_abbreviations"]),
        dict(data["money_scale_abbreviations"]),
        vague,
        dict(data["digit_plurals"]),
        fractions,
        vulgar,
        {w.replace(" ", "_"): v for w, v in multipliers.items()},
        re.compile(_alternation(multi_word) if multi_word else r"(?!)"),
        fraction_of_scale,
        pattern,
        point,
        frozenset(data["unit_ordinals"]),
        unit_ordinal,
        determiner,
        re.compile(rf"(?<![\w-])(?:{_alternation(qualifiers)})\s+\Z", re.IGNORECASE),
    )


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻", "0123456789+-")
_POWER_OF_TEN = re.compile(r"([x×]10)([-−]\d|[⁺⁻]?[⁰¹²³⁴-⁹])")  # "x10-3", "×10−5", "×10⁻⁵": a power without "^"
_TIMES_BASE = re.compile(r"(.*?)\s?[x×]\s?(\d+)")
_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_DECIMAL_PART = re.compile(r"\d[.,]\d{1,2}(?!\d)")


def _digits_value(number: str, lex: Lexicon) -> float:
    """ "1,234.5", "1 234", "3/4", "2 1/2", "2½", "1.3e6", "1.3x10^6", "2.48×10−5", "8x2^10", "2.5^-1" -> float."""
    if "^" in number or _POWER_OF_TEN.search(number):
        base, _, exponent = _POWER_OF_TEN.sub(r"\1^\2", number).translate(_SUPERSCRIPTS).partition("^")
        exponent = exponent.replace("−", "-")
        power = int(exponent.lstrip("+-")) * (-1) ** exponent.count("-")
        try:
            if mantissa := _TIMES_BASE.fullmatch(base):
                return _digits_value(mantissa.group(1), lex) * float(mantissa.group(2)) ** power
            return _digits_value(base, lex) ** power
        except (OverflowError, ZeroDivisionError):
            return math.nan  # "10^999", "0^-1": no figure
    if _DECIMAL_COMMA.fullmatch(number):  # "5,1" before a scale word (the pattern admits it only there)
        return float(number.replace(",", "."))
    number = re.sub(r"[,\u202f\u00a0]" if "/" in number else r"[, \u202f\u00a0'\u2019]", "", number)
    if number and number[-1] in lex.vulgar:
        return float(number[:-1] or 0) + lex.vulgar[number[-1]]
    if "/" in number:
        whole, _, fraction = number.rpartition(" ")
        numerator, denominator = fraction.split("/")
        if float(numerator) >= float(denominator):
            return math.nan  # "24/7", "50/50": not fractions
        return float(whole or 0) + float(numerator) / float(denominator)
    return float(number)


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")


def _list_dash(text: str, dash: int, digits: int, end: int) -> bool:
    """ "assisted an estimated 800,000 people of whom approximately: -226,000 assisted following floods -75,000
    reached through ...": a dash written against a count grouped in thousands, after a word, a colon or a line
    break and before a word, marks a list item; a count is never below zero (a temperature, "-18 °C", is no such
    count, nor a signed change in a series, "+3 -1,200", whose dash follows a number)."""
    if text[dash] != "-" or not _GROUPED.fullmatch(text, digits, end):
        return False
    before = text[max(0, dash - 2) : dash]
    after = text[end : end + 2]
    return bool(re.fullmatch(r"[A-Za-z:]\s|\s*\n|:", before[-2:] if len(before) == 2 else before)) and bool(
        re.fullmatch(r"\s[A-Za-z]", after)
    )


def _scaled_digits(surface: str, lex: Lexicon) -> tuple[Number, int]:
    """Value and the scale shown (1 when none): "1.2 million" -> (1200000, 1000000); "2 hundred thousand" shows
    thousands (its last scale word)."""
    match = re.match(r"(.*?)((?:[\s-]*[A-Za-z]+)*)$", surface)
    if not match:
        raise ValueError(f"not a digit number: {surface!r}")
    digits = match.group(1).rstrip(" -")
    if match.group(2) and _DECIMAL_COMMA.fullmatch(digits):
        digits = digits.replace(",", ".")  # "4,95 Million": two digits after a comma group no thousands
    value = _digits_value(digits, lex)
    scale = 1
    for word in re.findall(r"[A-Za-z]+", match.group(2)):
        lower = word.lower()
        scale = (
            lex.cased_abbreviations.get(word)
            or lex.scales.get(lower)
            or lex.multipliers.get(lower)
            or lex.abbreviations.get(lower)
            or lex.money_abbreviations.get(lower)
            or 1
        )
        value *= scale
    return _rounded(value), scale


def words_value(surface: str, lex: Lexicon | None = None) -> Number | None:
    """Value of a number written in words ("two hundred and fifty", "a thousand", "a dozen", "half a million")."""
    lex = lex or lexicon()
    surface = surface.lower().strip()
    if lex.multi_word_multipliers.search(surface):  # "a baker's dozen": one word here
        surface = lex.multi_word_multipliers.sub(lambda m: m.group().replace(" ", "_"), surface)
    words = ["and" if w == "&" else w for w in re.split(r"[\s-]+", surface)]
    if "of" in words:  # "two thirds of a million"
        cut = words.index("of")
        part, scale = words_value(" ".join(words[:cut]), lex), _whole_words_value(words[cut + 1 :], lex)
        return None if part is None or scale is None else _rounded(part * scale)
    if len(words) >= 3 and words[0] in ("a", "an") and words[1] in lex.fraction_of_scale:
        words = words[1:]  # "a half a million": the fraction of the scale, its first article dropped
    if len(words) >= 2 and words[0] in lex.fraction_of_scale:
        rest = _whole_words_value(words[1:], lex)
        return None if rest is None else _rounded(lex.fraction_of_scale[words[0]] * rest)
    trailing_scale = None
    if len(words) > 2 and words[-1] in lex.scales and words[-2] in lex.fractions:
        trailing_scale, words = lex.scales[words[-1]], words[:-1]  # "five and a half million"
    if len(words) >= 2 and words[-1] in lex.fractions:
        value = _fraction_value(words[:-1], lex.fractions[words[-1]], trailing_scale, lex)
        if value is not None and not words[-1].endswith("s") and _numerator(words[:-1], lex) != 1:
            return None  # "twenty-fifth", "two hundredth": ordinals, where a fraction would be "twenty-five fifths"
        return value
    return _whole_words_value(words, lex)


def _numerator(words: list[str], lex: Lexicon) -> Number | None:
    """The count of parts before a fraction word: "two and [a] half", "one [twenty-fifth]", "three [quarters]"."""
    if "and" in words:
        words = words[len(words) - words[::-1].index("and") :]
    if len(words) >= 2 and words[-1] in lex.word_values and lex.word_values[words[-1]] >= 20:
        words = words[:-1]  # the tens of a compound denominator
    return 1 if words in (["a"], ["an"]) else _whole_words_value(words, lex)


def _fraction_value(words: list[str], denominator: int, trailing_scale: int | None, lex: Lexicon) -> Number | None:
    """Words before a fraction word: "twenty-three [fifths]" = 23/5; "two and fifty-four [hundredths]" = 2.54;
    "one hundred and thirty [fifths]" = 130/5 (a mixed number only when its fraction is proper);
    "one [twenty-fifth]" = 1/25 (tens and a unit ordinal make one denominator when a numerator precedes them)."""
    tens = lex.word_values.get(words[-1], 0)
    if denominator < 10 and 20 <= tens < 100 and len(words) >= 2 and words[-2] != "and":
        denominator, words = denominator + tens, words[:-1]
    whole_words: list[str] = []
    if "and" in words:
        cut = len(words) - 1 - words[::-1].index("and")
        whole_words, words = words[:cut], words[cut + 1 :]
    numerator = 1 if words in (["a"], ["an"]) else _whole_words_value(words, lex)
    whole = _whole_words_value(whole_words, lex) if whole_words else 0
    if numerator is None or whole is None:
        return None
    if numerator >= denominator and whole_words:
        whole, numerator = 0, whole + numerator
    fraction = numerator / denominator
    whole_scales = [lex.scales[w] for w in whole_words if w in lex.scales]
    if trailing_scale is not None:
        if max(whole_scales, default=0) > trailing_scale:  # "one billion and a half million"
            return _rounded(whole + fraction * trailing_scale)
        return _rounded((whole + fraction) * trailing_scale)  # "five and a half million"
    if whole_words and whole_words[-1] in lex.scales and lex.scales[whole_words[-1]] >= 1000:
        return _rounded(whole + fraction * lex.scales[whole_words[-1]])  # "one million and a half": 1.5 million
    return _rounded(whole + fraction)


def _rounded(value: float) -> Number:
    """Six decimals, or six significant digits for tiny values ("a trillionth")."""
    return as_number(round(value, 6) if abs(value) >= 1e-3 or value == 0 else float(f"{value:.6g}"))


def _whole_words_value(words: list[str], lex: Lexicon) -> Number | None:
    total, current = 0, 0
    last_scale = 0
    seen_number = False
    for word in words:
        if word == "and":
            continue
        if word in ("a", "an"):
            current = current or 1
        elif word in lex.multipliers:  # "three hundred and two dozens": everything before, times twelve
            total, current = ((total + current) or 1) * lex.multipliers[word], 0
            seen_number = True
        elif word in lex.word_values:
            current += lex.word_values[word]
            seen_number = True
        elif word in lex.scales:
            scale = lex.scales[word]
            if scale == 100:
                current = (current or 1) * 100
            elif last_scale and scale > last_scale and not current:  # "three lakh crore"
                total *= scale
            else:
                total += (current or 1) * scale
                current = 0
            last_scale = scale
            seen_number = True
        else:
            return None
    return as_number(total + current) if seen_number else None


_WORD = re.compile(r"[A-Za-z]+")
_QUANTIFIER_BEFORE = re.compile(r"\b(?:several|few|many|numerous|multiple)[\s-]+\Z", re.IGNORECASE)
_OF = re.compile(r"\s+of\b", re.IGNORECASE)


_CLAUSE_OPENING_BEFORE = re.compile(r"(?:\A|[.!?;:,]\s+|\band\s+|\n\s*)\Z")  # "Scores", not "the scores"


@cache
def _people_verb_after() -> re.Pattern[str]:
    """ "Scores have also perished", "and scores died": a vague word alone opening a clause as the subject of a verb
    said of people (units.json implied `people_verbs`) counts people; "test scores have improved" has no such verb,
    "the scores affected" no clause opening."""
    verbs = "|".join(re.escape(v) for v in sorted(load_json("units.json")["implied"]["people_verbs"], key=len)[::-1])
    return re.compile(
        rf"\s+(?:(?:have|had|were|are|has)\s+)?(?:(?:also|reportedly|since|been|now|already)\s+)*(?:{verbs})\b",
        re.IGNORECASE,
    )


@cache
def _vague_before_of() -> frozenset[str]:
    return frozenset(load_json("numbers.json")["vague_only_before_of"])


def _word_kind(word: str, lex: Lexicon) -> str:
    value = lex.word_values.get(word)
    if value is None:
        return "hundred" if lex.scales.get(word) == 100 else "scale" if word in lex.scales else "other"
    return "zero" if value == 0 else "unit" if value < 10 else "teen" if value < 20 else "tens"


def _split_words(surface: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where a run of number words holds several numbers, their (start, end) in `surface`:
    "twenty five thirty six" -> "twenty five", "thirty six"; "one, two and three" keeps them apart;
    "one hundred and five" is one number. A word that cannot continue the number begins the next one."""
    words = [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(surface)]
    if any(_word_kind(w, lex) == "other" and w != "and" for _, _, w in words):
        return [(0, len(surface))]  # fractions, articles, multipliers: read whole
    segments: list[tuple[int, int]] = []
    start = end = None
    last: str | None = None
    has_hundred = False  # in the group since the last scale word of a thousand or more
    min_scale = float("inf")  # smallest scale word of a thousand or more so far
    scale_end = group_start = None  # end of that scale word; start of the group after it
    for k, (w_start, w_end, word) in enumerate(words):
        kind = "and" if word == "and" else _word_kind(word, lex)
        nxt = _word_kind(words[k + 1][2], lex) if k + 1 < len(words) else None
        if kind == "and":
            fits = last in ("hundred", "scale") and nxt in ("unit", "teen", "tens")
        elif kind == "unit":
            fits = last in (None, "tens", "hundred", "scale", "and")
        elif kind in ("teen", "tens"):
            fits = last in (None, "hundred", "scale", "and")
        elif kind == "hundred":
            fits = last in (None, "unit", "teen", "tens") and not has_hundred
        elif kind == "scale":
            # "two hundred and two thousand" is one number; "one thousand two thousand" is two
            fits = last != "and" and (lex.scales[word] < min_scale or last == "scale")
        else:
            fits = last is None
        if not fits and kind == "scale" and last != "and" and scale_end is not None and group_start is not None:
            # "one thousand two thousand": the group before the repeated scale begins the next number
            segments.append((start, scale_end))
            start, min_scale, scale_end = group_start, float("inf"), None
        elif not fits:
            if start is not None and end is not None:
                segments.append((start, end))
            start, last, has_hundred, min_scale, scale_end, group_start = None, None, False, float("inf"), None, None
            if kind == "and":
                continue
        if start is None:
            start = w_start
        if group_start is None and kind != "and":
            group_start = w_start
        end = w_end
        if kind == "hundred":
            has_hundred = True
        elif kind == "scale":
            has_hundred, min_scale = False, min(min_scale, lex.scales[word])
            scale_end, group_start = w_end, None
        last = kind
    if start is not None and end is not None:
        segments.append((start, end))
    return segments


def _smallest_scale(surface: str, lex: Lexicon) -> int:
    scales = [lex.scales[w] for w in re.split(r"[\s-]+", surface.lower()) if w in lex.scales]
    return min(scales, default=1)


def _quantified_scale(text: str, match: re.Match[str], lex: Lexicon) -> bool:
    """ "several hundred thousand" is vague, not a hundred thousand."""
    starts_with_scale = re.split(r"[\s-]+", match.group("words").lower())[0] in lex.scales
    return starts_with_scale and _QUANTIFIER_BEFORE.search(text, max(0, match.start() - 12), match.start()) is not None


_SCALE_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z]+)")


def _scale_words_after(text: str, position: int, lex: Lexicon) -> tuple[int, int]:
    """Where scale words right after `position` end, and the scale they multiply by ("... thousand" -> 1000)."""
    scale = 1
    while (match := _SCALE_WORD_AFTER.match(text, position)) and match.group(1).lower() in lex.scales:
        scale *= lex.scales[match.group(1).lower()]
        position = match.end()
    return position, scale


def find_atoms(text: str) -> list[Atom]:
    """Every number surface in `text`, left to right, not overlapping."""
    lex = lexicon()
    atoms: list[Atom] = []
    for match in lex.atom_pattern.finditer(text):
        if match.group("vague"):
            vague_word = match.group("vague").lower()
            if vague_word in _vague_before_of() and not _OF.match(text, match.end()):
                opens = _CLAUSE_OPENING_BEFORE.search(text, max(0, match.start() - 6), match.start())
                if opens is None or not _people_verb_after().match(text, match.end()):
                    continue  # "he scores", not "scores of people" or "Scores have perished"
            low, high = lex.vague[match.group("vague").lower()]
            end, scale = _scale_words_after(text, match.end(), lex)  # "a few hundred thousand"
            atoms.append(Atom(match.start(), end, None, (low * scale, high * scale), True, scale > 1, scale))
        elif match.group("plural"):
            vague_word = lex.digit_plurals.get(match.group("plural")[:-1].replace(",", ""))
            if vague_word is not None:
                atoms.append(Atom(match.start(), match.end(), None, lex.vague[vague_word], False, False))
        elif match.group("digits"):
            digits, end, unit = match.group("digits"), match.end(), ""
            if letters := _MONEY_LETTERS.search(digits):
                glued = not letters.group().startswith(" ") and not text.startswith("-", match.end())
                if not _letters_stand(text, match, lex, letters.group(1), glued):
                    digits, end = digits[: letters.start()], match.start("digits") + letters.start()  # "12 b"
                    if glued:
                        end, unit = match.end(), letters.group(1)  # "1500b": a unit as written, no count
            value, scale = _scaled_digits(digits, lex)
            if not math.isfinite(value):
                continue
            start = match.start()
            if match.group("sign") and _list_dash(text, match.start("sign"), match.start("digits"), end):
                start = match.start("digits")  # "of whom approximately: -226,000 assisted": a list's dash
            elif match.group("sign"):
                value = -value
            atoms.append(Atom(start, end, value, None, False, scale > 1, scale, unit))
        else:
            if _quantified_scale(text, match, lex):
                continue
            base = match.start("words")
            for first, (start, end) in enumerate(_split_words(match.group("words"), lex)):
                surface = text[base + start : base + end]
                word_value = words_value(surface, lex)
                if word_value is None:
                    continue
                scale = _smallest_scale(surface, lex)
                negative = match.group("sign") and first == 0
                atom_start = match.start() if first == 0 else base + start
                atoms.append(
                    Atom(atom_start, base + end, -word_value if negative else word_value, None, True, scale > 1, scale)
                )
    atoms = _spaced_thousands(text, _spaced_decimals(text, _space_groups_apart(text, atoms)))
    atoms = _with_decimals(text, _without_ordinals(text, _over(text, _joined(text, atoms, lex)), lex), lex)
    return _with_qualified_halves(text, atoms, lex)


_SPACED_POINT = re.compile(r"(\d{1,3}) \. (\d{1,2})(?!\d)")


def _spaced_decimals(text: str, atoms: list[Atom]) -> list[Atom]:
    """A decimal point a PDF copy set apart before a scale word ("26 . 4 million refugees"): one number, 26.4
    million, not 26 and 4 million. Only before a scale word, where "26. 4 million" cannot be two sentences' ends
    and starts written with a space before the full stop."""
    out: list[Atom] = []
    for atom in atoms:
        before = out[-1] if out else None
        point = _SPACED_POINT.match(text, before.start) if before is not None else None
        if (
            before is not None
            and point is not None
            and point.end(1) == before.end
            and point.start(2) == atom.start
            and not (before.is_word or before.has_scale or atom.is_word)
            and atom.has_scale
            and atom.value is not None
        ):
            value = _rounded(float(f"{point.group(1)}.{point.group(2)}") * atom.scale)
            out[-1] = Atom(before.start, atom.end, value, None, False, True, atom.scale)
            continue
        out.append(atom)
    return out


# a point with a space beside it ("33 .000", "47. 739"), or a comma and a space before a group opening with a zero
# ("21, 000 houses": no item of a list of numbers opens with a zero)
_SPACED_GROUP_POINT = re.compile(r"(?<![\d.,])(\d{1,3})(?: \.|\. |, (?=0))(\d{3})(?![\d]|[.,]\d)")


def _spaced_thousands(text: str, atoms: list[Atom]) -> list[Atom]:
    """A thousands point typed with a space beside it ("more than 33 .000 displaced families", "( 47. 739 )"), or
    a thousands comma before a space and a group opening with a zero ("more than 21, 000 houses"): one number,
    33,000, 47,739 and 21,000, not 33 and 0. Exactly three digits after the point, none after them, and no
    digit before the first group."""
    out: list[Atom] = []
    for atom in atoms:
        before = out[-1] if out else None
        point = _SPACED_GROUP_POINT.match(text, before.start) if before is not None else None
        if (
            before is not None
            and point is not None
            and point.end(1) == before.end
            and atom.end == point.end(2)
            and atom.start in (point.start(2), point.start(2) - 1)  # ".000" or "739"
            and not (before.is_word or before.has_scale or atom.is_word or atom.has_scale)
        ):
            out[-1] = Atom(before.start, atom.end, int(point.group(1) + point.group(2)), None, False, False)
            continue
        out.append(atom)
    return out


_CELLS_SIDE_BY_SIDE = re.compile(r"(?<![\d,.])\d{1,3}(?:,\d{3})+ \d{1,3}(?:,\d{3})+(?![\d]|,\d)")
_SPACE_GROUPED = re.compile(r"\d{1,3}(?:[ \u202f\u00a0\n]\d{3})+")


def _space_groups_apart(text: str, atoms: list[Atom]) -> list[Atom]:
    """A table flattened into text whose cells stand side by side with thousands grouped by commas ("Food
    consumption Beneficiaries 2,013,575 1,970,217") writes no thousands with spaces: there "Capacity-building
    929 751" and "Structures 94 121" are two cells (target, achieved), and "57\n436 ICRC ANNUAL REPORT" a page
    count and a page number, not 929,751 or 57,436. Each group of such a run becomes a number of its own. (A text
    with commas alone may still group with spaces: "2 500 people" beside "1,200 households".)"""
    if not _CELLS_SIDE_BY_SIDE.search(text):
        return atoms
    out: list[Atom] = []
    for atom in atoms:
        surface = text[atom.start : atom.end]
        if atom.is_word or atom.has_scale or atom.letters or not _SPACE_GROUPED.fullmatch(surface):
            out.append(atom)
            continue
        for part in re.finditer(r"\d+", surface):
            out.append(Atom(atom.start + part.start(), atom.start + part.end(), int(part.group()), None, False, False))
    return out


_MONEY_LETTERS = re.compile(r"\s?([A-Za-z]+)\Z")


def _letters_stand(text: str, match: re.Match[str], lex: Lexicon, letters: str, glued: bool) -> bool:
    """Whether scale letters ending a number may stand: any but "b" and "t", which are a billion and a trillion
    only glued to an amount of money ("$12b", "USD 1.5b", "$2.174T") or to a count of a plural noun ("7b
    people"); "1500b", "12 b", "$5 T-shirts" not."""
    if letters.lower() not in lex.money_abbreviations:
        return True
    if not glued:
        return False
    if _PLURAL_NOUN_AFTER.match(text, match.end()):
        return True  # a scale counts what follows: "7b people", "1.2b doses"
    return currency_before(text, match.start()) is not None or currency_after(text, match.end()) is not None


_PLURAL_NOUN_AFTER = re.compile(r" +(?:[a-z]{2,}s|people|children|women|men)\b")


_HALF = re.compile(r"(?<![\w-])half(?![\w-])(?!\s+(?:past|to|a|an)\b)", re.IGNORECASE)


def _with_qualified_halves(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """ "more than half", "nearly half of the population": a bare "half" is a figure only after a qualifier ("the
    first half of 2024" is a period); "half past ten", "half a day" are not shares."""
    taken = [(a.start, a.end) for a in atoms]
    halves = [
        Atom(m.start(), m.end(), 0.5, None, True, False)
        for m in _HALF.finditer(text)
        if (lex.qualifier_before.search(text, max(0, m.start() - 30), m.start()) or _half_of_a_whole(text, m))
        and not any(start < m.end() and m.start() < end for start, end in taken)
    ]
    return sorted([*atoms, *halves], key=lambda a: a.start) if halves else atoms


# "Half of the refugees", "half the complex", "half of last year's": a share of a whole that a determiner opens
_HALF_OF_WHOLE_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|all|its|their|his|her|our|this|these|those|last|[a-z]+['’]s)|the|its|their|all)\s",
    re.IGNORECASE,
)
# "the first half of", "the other half", "an hour and a half", "cut in half": a period, a part or an idiom
_NOT_A_SHARE_BEFORE = re.compile(r"(?<![\w-])(?:first|second|other|latter|the|a|an|and|in|by)\s+\Z", re.IGNORECASE)


def _half_of_a_whole(text: str, match: re.Match[str]) -> bool:
    """A bare "half" before a whole its determiner opens ("Half of the refugees", "half the complex"), unless it is
    a period or a part ("the first half of 2024", "the other half")."""
    before = text[max(0, match.start() - 20) : match.start()]
    return _HALF_OF_WHOLE_AFTER.match(text, match.end()) is not None and not _NOT_A_SHARE_BEFORE.search(before)


_OVER = re.compile(r"\s+over\s+", re.IGNORECASE)


def _over(text: str, atoms: list[Atom]) -> list[Atom]:
    """ "one over three", "1 over 20": a proper fraction when the divisor ends the clause; "20 over 3 years" is a
    period, "1,500 over 65." an age bound."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.value is not None
            and atom.value
            and abs(prev.value) < atom.value
            and _OVER.fullmatch(text, prev.end, atom.start)
            and _CLAUSE_END.match(text, atom.end)
        ):
            value = _rounded(prev.value / atom.value)
            out[-1] = Atom(prev.start, atom.end, value, None, prev.is_word and atom.is_word, False)
            continue
        out.append(atom)
    return out


def _without_ordinals(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """Fraction words are also ordinals: "a third of the houses" is a fraction, "a third round", "the one hundredth
    anniversary" are not; "twenty" of "the twenty-first day" is not a count either."""
    out = []
    for atom in atoms:
        words = re.split(r"[\s-]+", text[atom.start : atom.end].lower())
        article = words[0] in ("a", "an")
        if atom.is_word and _ordinal_like(words[-1], lex) and "and" not in words:
            quantified = lex.qualifier_before.search(text, max(0, atom.start - 30), atom.start)  # "roughly a third"
            if article and not (_OF.match(text, atom.end) or _CLAUSE_END.match(text, atom.end) or quantified):
                continue
            if lex.ordinal_determiner.search(text, max(0, atom.start - 8), atom.start):
                continue
        if atom.is_word and article and _half_of_a_thing(text, atom):
            continue
        if atom.is_word and len(words) == 1 and lex.unit_ordinal.match(text, atom.end):
            continue
        out.append(atom)
    return out


def _half_of_a_thing(text: str, atom: Atom) -> bool:
    """ "an hour and a half.", "a mile and a half to": the half of a thing this number does not count."""
    after_and = _AND_BEFORE.search(text, max(0, atom.start - 5), atom.start) is not None
    return after_and and (_CLAUSE_END.match(text, atom.end) or _FUNCTION_WORD.match(text, atom.end)) is not None


def _ordinal_like(word: str, lex: Lexicon) -> bool:
    """ "third", "fifth", "hundredth" name ranks too; "half", "quarter", "thirds" do not."""
    return word in lex.fractions and (word.endswith("th") or word in lex.unit_ordinals)


_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?)]|\Z)")
_AND_BEFORE = re.compile(r"\band\s+\Z", re.IGNORECASE)
_FUNCTION_WORD = re.compile(r"\s+(?:to|in|on|at|for|from|by|with|of|later|ago|before|after)\b", re.IGNORECASE)
_JOIN_GAP = re.compile(r"[\s-]+(?:and\s+)?|\s*,\s*", re.IGNORECASE)


def _joined(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """Digits and words of one number written apart: "4 thousand 3 hundred and 21" -> 4321. A part joins
    when the one before shows a scale larger than it, and it shows a scale itself or follows "and"; words join
    over a comma after a thousand or more, as digits group: "three million, two hundred & forty" -> 3000240."""
    out: list[Atom] = []
    for atom in atoms:
        prev = out[-1] if out else None
        gap = text[prev.end : atom.start] if prev else ""
        if (
            prev is not None
            and prev.value is not None
            and atom.value is not None
            and prev.has_scale
            and atom.value > 0
            and atom.value < prev.scale
            and _JOIN_GAP.fullmatch(gap)
            and "\n" not in gap  # a key-figures block: "2.1M\n640K" is two figures, one a line
            and not _DECIMAL_PART.search(text, prev.start, prev.end)  # "2.1M 640K": a decimal amount is whole
            and _joins_over(gap, prev, atom)
        ):
            part = atom.value * prev.scale if atom.is_word and atom.value < 1 else atom.value  # "3 million and a half"
            out[-1] = Atom(
                prev.start,
                atom.end,
                _rounded(prev.value + part),
                None,
                prev.is_word and atom.is_word,
                True,
                atom.scale if atom.has_scale else 1,
            )
            continue
        out.append(atom)
    return out


def _joins_over(gap: str, prev: Atom, atom: Atom) -> bool:
    if "," in gap:
        return prev.is_word and atom.is_word and atom.has_scale and prev.scale >= 1000 and "and" not in gap.lower()
    return (atom.has_scale or "and" in gap.lower()) and not (prev.is_word and atom.is_word)


_SCALE_AFTER = re.compile(r"[\s-]+([A-Za-z]+)\b")


def _with_decimals(text: str, atoms: list[Atom], lex: Lexicon) -> list[Atom]:
    """ "five point five", "nine point nought four": a whole number in words, "point", then digit words."""
    out: list[Atom] = []
    skip_until = -1
    for atom in atoms:
        if atom.start < skip_until:
            continue
        match = lex.point_pattern.match(text, atom.end) if atom.is_word and atom.value is not None else None
        if match is None or not isinstance(atom.value, int):
            out.append(atom)
            continue
        digits = _digit_string(match.group(1), lex)
        value = abs(atom.value) + float(f"0.{digits}")
        end, scale = match.end(), 1
        if (scaled := _SCALE_AFTER.match(text, end)) and (scale := lex.scales.get(scaled.group(1).lower(), 0)) >= 1000:
            end, value = scaled.end(), _rounded(value * scale)  # "one point five million": 1.5 million
        else:
            scale = 1
        number = as_number(-value if atom.value < 0 else value)
        out.append(Atom(atom.start, end, number, None, True, scale > 1, scale))
        skip_until = end
    return out


def _digit_string(words: str, lex: Lexicon) -> str:
    """ "nought four" -> "04", "seventy-one" -> "71", "eleven" -> "11"."""
    values = [lex.word_values[w] for w in re.split(r"[\s-]+", words.lower().strip())]
    digits = []
    for k, value in enumerate(values):
        if value >= 20 and value % 10 == 0 and k + 1 < len(values) and 0 < values[k + 1] < 10:
            continue  # tens of a compound: "seventy" of "seventy-one"
        if k and values[k - 1] >= 20 and values[k - 1] % 10 == 0 and 0 < value < 10:
            digits.append(str(values[k - 1] + value))
        else:
            digits.append(str(value))
    return "".join(digits)
