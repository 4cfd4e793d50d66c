"""A table header's scale and currency, given to the cells below it.

"Funding summary (in KCHF)" over "Shelter | 4,200 | 1,350" makes 4,200 an amount of CHF 4,200,000; "(USD millions)",
"(in thousands)", "CHF '000" and "in million CHF" likewise, on a title line over the table (every column) or in a
column header cell (that column). The header holds until the table ends: a blank line, a heading or prose.
A column header's qualifier in brackets reaches that column's cells the same way: under "Targets (up to) Achieved"
the first of each row's two figures is a target, at most its figure (units.json `table_qualifiers`).

A table is often read as several segments (a PDF gives each row its own line), so the pass runs over the Docs of
one document in reading order, after the figure component: `scale_tables(docs)`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from spacy.tokens import Doc, Span

from extract.parsing import SPAN_KEY
from extract.parsing.currencies import table as currency_table
from extract.resources import load_json

_SEPARATORS = re.compile(r"\s*(?:\||\t)\s*")
_SHORT_SCALES = {"k", "m", "mn", "mln", "bn", "mio"}  # read as a scale only beside a currency: "Height (m)" is metres
_MAX_HEADER_WORDS = 15
_MAX_ROW_WORDS = 12
_MAX_CONTEXT = 80  # segments a table's rows may run below its header
_SENTENCE_END = re.compile(r"[.!?]\s*\Z")
_SENTENCE_INSIDE = re.compile(r"[A-Za-z][.!?](?:\s|\Z)")
_FIGURE_CELL = re.compile(r"(?<![\w.,])\d[\d,.'\u202f]*(?![\w])")


@dataclass(frozen=True, slots=True)
class Scale:
    factor: int
    currency: str | None


@cache
def _header_pattern() -> re.Pattern[str]:
    currencies = currency_table()
    codes = "|".join(sorted(currencies.codes, key=len, reverse=True))
    symbols = "|".join(re.escape(s) for s in sorted(load_json("currencies.json")["symbols"], key=len, reverse=True))
    scaled = "|".join(load_json("currencies.json")["codes_scaled"])
    prefixes = "".join(load_json("currencies.json")["scaled_code_prefixes"])
    words = "|".join(re.escape(w) for w in sorted(_scale_words(), key=len, reverse=True))
    cur = rf"(?:(?<![A-Za-z])(?:{codes})(?![A-Za-z])|{symbols})"
    scale = rf"(?i:{words})(?![A-Za-z])"
    return re.compile(
        rf"(?<![A-Za-z])(?P<prefix>[{prefixes}])(?P<scaled>{scaled})(?![A-Za-z])"  # "KCHF", "MUSD"
        rf"|(?P<c1>{cur})\s*(?P<s1>['’]000s?|000s)"  # "CHF '000"
        rf"|\(\s*(?i:in\s+)?(?:(?P<c2>{cur})\s*)?(?P<s2>{scale})(?:\s+(?i:of\s+)?(?P<c3>{cur}))?\s*\)"  # "(USD m)"
        rf"|(?<![A-Za-z])(?i:in)\s+(?:(?P<c4>{cur})\s*)?(?P<s4>{scale})(?:\s+(?i:of\s+)?(?P<c5>{cur}))?"
        # a header row of its own: "USD million", "US$ millions", "EUR thousand" (the whole line, `_header`)
        rf"|\A[ \t]*(?P<c6>{cur})[ \t]*(?P<s6>{scale})[ \t]*\Z"
    )


@cache
def _scale_words() -> dict[str, int]:
    return {k.lower(): int(v) for k, v in load_json("units.json")["table_scales"].items()}


def header_scale(text: str) -> tuple[Scale, tuple[int, int]] | None:
    """The scale a header text gives (and where its phrase is), or None."""
    for match in _header_pattern().finditer(text):
        scale = _scale_of(match)
        if scale is not None:
            return scale, match.span()
    return None


def _scale_of(match: re.Match[str]) -> Scale | None:
    groups = match.groupdict()
    prefixes: dict[str, int] = load_json("currencies.json")["scaled_code_prefixes"]
    if groups["prefix"]:
        return Scale(int(prefixes[groups["prefix"]]), groups["scaled"])
    word = next(groups[k] for k in ("s1", "s2", "s4", "s6") if groups[k])
    mark = next((groups[k] for k in ("c1", "c2", "c3", "c4", "c5", "c6") if groups[k]), None)
    if mark is None and word.lower() in _SHORT_SCALES:
        return None
    currency = None
    if mark is not None:
        symbols = currency_table().symbols
        currency = symbols.get(mark.replace(" ", "").upper(), mark.upper() if mark.isalpha() else None)
    return Scale(_scale_words()[word.lower()], currency)


@dataclass(slots=True)
class _Table:
    title: Scale | None = None
    columns: dict[int, Scale] | None = None

    def scale(self, column: int) -> Scale | None:
        if self.columns and column in self.columns:
            return self.columns[column]
        return self.title

    def open(self) -> bool:
        return self.title is not None or bool(self.columns)


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.split("\n"):
        yield offset, line
        offset += len(line) + 1


def _has_cells(line: str) -> bool:
    return bool(_SEPARATORS.search(line.strip()))


def _header(line: str) -> tuple[Scale | None, dict[int, Scale], tuple[int, int] | None] | None:
    """(title scale, column scales, the title phrase's place) when the line is a table header with a scale."""
    if _has_cells(line):
        columns: dict[int, Scale] = {}
        for index, cell in enumerate(_SEPARATORS.split(line.strip())):
            found = header_scale(cell)
            if found and not _other_digits(cell, found[1]):
                columns[index] = found[0]
        return (None, columns, None) if columns else None
    found = header_scale(line)
    if found is None or _other_digits(line, found[1]) or _SENTENCE_END.search(line):
        return None
    if len(line.split()) > _MAX_HEADER_WORDS:
        return None
    return found[0], {}, found[1]


def _leading_header(line: str) -> tuple[Scale, tuple[int, int]] | None:
    """A table flattened into one line that opens with its header: "BUDGET (in KCHF) Protection 12,400 Assistance
    45,200". The header phrase is preceded by words only and followed by at least two figures and no sentence."""
    if _has_cells(line):
        return None
    found = header_scale(line)
    if found is None:
        return None
    scale, (start, end) = found
    before, after = line[:start], line[end:]
    if any(c.isdigit() for c in before) or len(before.split()) > _MAX_HEADER_WORDS:
        return None
    if _SENTENCE_INSIDE.search(after) or len(_FIGURE_CELL.findall(after)) < 2:
        return None
    return scale, (start, end)


_CAPITALS_HEADING = re.compile(r"(?<![A-Za-z])[A-Z]{3,}(?:\s+[A-Z]{2,})+(?![a-z])")  # "IMPLEMENTATION RATE"
# "EXPENDITURE IN KCHF", "EXPENDITURE (in KCHF)"
_HEADING_WORD_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{3,}\s+(?:IN\s+|\(\s*(?:in\s+)?)?\Z")


def _inline_headers(line: str) -> list[tuple[tuple[Scale, tuple[int, int]], int]]:
    """The headers of tables flattened into one line with other text before them (a PDF copy's page, one line):
    "... Resident staff 3,193 EXPENDITURE IN KCHF Protection 79,783 Assistance 363,487 ... IMPLEMENTATION RATE".
    A scale phrase right after a heading word in capitals heads the cells after it, up to the next heading in
    capitals or a sentence; each is returned with where its cells end. A line that opens with its header is
    `_leading_header`'s."""
    if _has_cells(line) or _leading_header(line) is not None:
        return []
    found = []
    for match in _header_pattern().finditer(line):
        scale = _scale_of(match)
        start, end = match.span()
        words_before = line[:start]
        if scale is None:
            continue
        if _HEADING_WORD_BEFORE.search(words_before):
            stop = _CAPITALS_HEADING.search(line, end)
            section_end = stop.start() if stop else len(line)
        elif _TITLE_CASE_IN.match(line, start) and words_before.strip() and not _SENTENCE_END.search(words_before):
            section_end = _title_case_section_end(line, end)
        else:
            continue
        cells = line[end:section_end]
        if _SENTENCE_INSIDE.search(cells) or len(_FIGURE_CELL.findall(cells)) < 2:
            continue
        found.append(((scale, (start, end)), section_end))
        if total := _total_row(line, cells, section_end):
            found.append(((scale, (total[0], total[0])), total[1]))
    return found


_TOTAL_LABEL = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[ \t]+)?(?:[Tt]otal|TOTAL)[ \t]*:[ \t]*")
_TOTAL_REACH = 300  # characters of prose between a table's cells and its total row


@cache
def _coded_cells() -> re.Pattern[str]:
    codes = "|".join(sorted(currency_table().codes, key=len, reverse=True))
    return re.compile(rf"(?:(?<![A-Za-z])({codes})[ \t]*\d[\d,.]*(?:[ \t]+|\Z))+")


def _total_row(line: str, cells: str, section_end: int) -> tuple[int, int] | None:
    """A table's total row after a sentence of prose that stopped its cells: "In million Headquarters CHF 174.2 USD
    160.6 EUR 115.5 ... The sub-total comes to ... Final total: CHF 1,060.3 USD 977.4 EUR 703.1". The row repeats the
    currency columns of the cells (two at least), so it takes their scale; where its cells start and end."""
    columns = {m.group(1) for m in re.finditer(r"(?<![A-Za-z])([A-Z]{3})[ \t]*\d", cells)}
    if len(columns) < 2:
        return None
    label = _TOTAL_LABEL.search(line, section_end, section_end + _TOTAL_REACH)
    if label is None or _header_pattern().search(line, section_end, label.start()):
        return None
    row = _coded_cells().match(line, label.end())
    if row is None:
        return None
    codes = re.findall(r"(?<![A-Za-z])([A-Z]{3})[ \t]*\d", row.group(0))
    if len(codes) < 2 or not set(codes) <= columns:
        return None
    return label.end(), row.end()


# A column's scale in title case inside running words: "ICRC expenditure in 2009 In million Headquarters CHF 174.2
# USD 160.6 ... The sub-total comes to ..." (a PDF copy's table run into one line): a capital "In" mid-sentence opens
# a header, never a sentence. Its cells run up to the first prose (three lower-case words in a row), the next
# label before a colon ("Exchange rates: USD 1.00 = CHF 1.0848") or the next sentence end.
_TITLE_CASE_IN = re.compile(r"In\s")
_SECTION_STOP = re.compile(
    r"(?<![A-Za-z])(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*\s?:"  # "Exchange rates:"
    r"|\b[a-z][\w-]*\s+[a-z][\w-]*\s+[a-z][\w-]*\b"  # "comes to the": prose
)


def _title_case_section_end(line: str, start: int) -> int:
    """Where the cells of a title-case scale header ending at `start` stop (see _TITLE_CASE_IN)."""
    ends = [len(line)]
    stop = _SECTION_STOP.search(line, start)
    if stop is not None:
        ends.append(stop.start())
    sentence = _SENTENCE_INSIDE.search(line, start)
    if sentence is not None:
        ends.append(sentence.start())
    capitals = _CAPITALS_HEADING.search(line, start)
    if capitals is not None:
        ends.append(capitals.start())
    return min(ends)


def _other_digits(text: str, phrase: tuple[int, int]) -> bool:
    return any(c.isdigit() for c in text[: phrase[0]] + text[phrase[1] :])


def _is_row(line: str) -> bool:
    """A line of a table: cells, or a short label with figures and no sentence end."""
    if _has_cells(line):
        return True
    return not _SENTENCE_END.search(line) and len(line.split()) <= _MAX_ROW_WORDS and any(c.isdigit() for c in line)


_COLUMN_NAME = re.compile(r"[A-Z][a-z]+")  # "Targets", "Achieved", "Planned"
_COLUMN_GAP = re.compile(r"[ \t|]+")  # between two column names (or cells) of one line
_CELL_GAP = re.compile(r"[ \t]*(?:\|[ \t]*)?")  # between two cells of a row: spaces, a tab or a cell bar
_TABLE_BREAK = re.compile(r"[a-z)][.!?](?:\s|\Z)|\n[ \t]*\n")  # a sentence end or a blank line ends the table


@cache
def _qualifier_phrase() -> re.Pattern[str]:
    phrases = sorted(load_json("units.json")["table_qualifiers"], key=len, reverse=True)
    return re.compile(r"\(\s*(" + "|".join(re.escape(p) for p in phrases) + r")\s*\)", re.IGNORECASE)


@dataclass(slots=True)
class _QualifiedColumn:
    """A column header's bracketed qualifier ("Targets (up to) Achieved"): the qualifier, how many named columns
    stand right of the qualified one, and the number of figure cells of a row (read from the first row)."""

    qualifier: str
    right: int
    names: int
    cells: int | None = None


def _qualified_columns(text: str) -> list[tuple[int, _QualifiedColumn]]:
    """Each header of named columns with a bracketed qualifier after one of them, and where the header ends. The
    names are single capitalised words on the phrase's line ("Targets (up to) Achieved", "Planned Reached
    (estimated)"); a table needs two of them at least."""
    found = []
    for match in _qualifier_phrase().finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = _COLUMN_GAP.split(text[line_start : match.start()].rstrip(" \t|"))
        left = 0
        while left < len(before) and _COLUMN_NAME.fullmatch(before[len(before) - 1 - left]):
            left += 1
        right, end = 0, match.end()
        while gap := _COLUMN_GAP.match(text, end):
            name = _COLUMN_NAME.match(text, gap.end())
            if name is None or (name.end() < len(text) and (text[name.end()].isalnum() or text[name.end()] == "(")):
                break
            right, end = right + 1, name.end()
        if left and left + right >= 2:
            qualifier = load_json("units.json")["table_qualifiers"][match.group(1).lower()]
            found.append((end, _QualifiedColumn(qualifier, right, left + right)))
    return found


def _rows(spans: list[Span], text: str, start: int) -> Iterator[list[Span]]:
    """The spans after `start`, grouped into rows: figures with only a cell gap between them."""
    row: list[Span] = []
    for span in sorted((s for s in spans if s._.quantity["number_start"] >= start), key=_number_start):
        if row and not _CELL_GAP.fullmatch(text, row[-1]._.quantity["end"], span._.quantity["number_start"]):
            yield row
            row = []
        row.append(span)
    if row:
        yield row


def _number_start(span: Span) -> int:
    return int(span._.quantity["number_start"])


def _qualify(span: Span, qualifier: str) -> None:
    quantity = dict(span._.quantity)
    if quantity["qualifier"] != "exact" or quantity["kind"] != "count" or not _plain(quantity["number"]):
        return
    value = quantity["value"]
    quantity["qualifier"] = qualifier
    quantity["low"] = value if qualifier in ("at_least", "more_than") else None
    quantity["high"] = value if qualifier in ("at_most", "less_than") else None
    span._.quantity = quantity


class TableScaler:
    """Rescales, in place, the figures of table cells under a header that gives a scale or currency; a figure that
    is the header's own scale phrase ("USD millions") is dropped; a column header's bracketed qualifier ("Targets
    (up to)") is given to that column's cells. Give it one document's segments in order (`apply`); a table's
    header may stand in the segment before its rows."""

    def __init__(self, span_key: str = SPAN_KEY) -> None:
        self.span_key = span_key
        self.table = _Table()
        self.qualified: _QualifiedColumn | None = None

    def _qualify_columns(self, spans: list[Span], text: str) -> None:
        """Under a header with a qualified column, a row of as many figures as the first row's takes the
        qualifier on that column's cell; a row of another size, a sentence end, a blank line or the next such
        header ends the table. A table still open at the end of the text goes on in the next segment."""
        headers = _qualified_columns(text)
        cursor = 0
        while self.qualified is not None or headers:
            if self.qualified is None:
                cursor, self.qualified = headers.pop(0)
            stop = headers[0][0] if headers else len(text)
            cursor = self._qualify_rows(spans, text, cursor, stop)
            if headers or _TABLE_BREAK.search(text, cursor):
                self.qualified = None
            if not headers:
                return

    def _qualify_rows(self, spans: list[Span], text: str, cursor: int, stop: int) -> int:
        column = self.qualified
        assert column is not None
        for row in _rows(spans, text, cursor):
            start = row[0]._.quantity["number_start"]
            if start >= stop:
                break
            if _TABLE_BREAK.search(text, cursor, start):
                self.qualified = None
                break
            if column.cells is None and column.right < len(row) <= column.names:
                column.cells = len(row)
            if len(row) != column.cells:
                self.qualified = None
                break
            _qualify(row[column.cells - 1 - column.right], column.qualifier)
            cursor = row[-1]._.quantity["end"]
        return cursor

    def apply(self, doc: Doc, text: str | None = None) -> None:
        """`text`: the doc's text when the caller holds it (Doc.text joins every token on each access)."""
        spans = list(doc.spans[self.span_key])
        dropped: set[int] = set()
        if text is None:
            text = doc.text
        self._qualify_columns(spans, text)
        dropped |= _key_figure_rows(spans, text)
        for offset, line in _lines(text):
            header = _header(line)
            if header is not None:
                title, columns, phrase = header
                self.table = _Table(title or (self.table.title if columns else None), columns or None)
                if phrase is not None:
                    dropped |= _inside(spans, offset + phrase[0], offset + phrase[1])
                continue
            leading = _leading_header(line)
            if leading is not None:  # "BUDGET (in KCHF) Protection 12,400 Assistance 45,200": header and rows
                scale, phrase = leading
                self.table = _Table(scale)
                dropped |= _inside(spans, offset + phrase[0], offset + phrase[1])
                stop = _CAPITALS_HEADING.search(line, phrase[1])  # "... IMPLEMENTATION RATE": the next table's heading
                _scale_row(spans, offset + phrase[1], line[phrase[1] : stop.start() if stop else len(line)], self.table)
                if stop is not None:
                    self.table = _Table()
                continue
            for section, start in _inline_headers(line):  # "... 3,193 EXPENDITURE IN KCHF Protection 79,783 ..."
                scale, phrase = section
                dropped |= _inside(spans, offset + phrase[0], offset + phrase[1])
                _scale_row(spans, offset + phrase[1], line[phrase[1] : start], _Table(scale))
            if not line.strip() or not _is_row(line):
                if not (_has_cells(line) and self.table.open()):  # a column header without a scale keeps the table
                    self.table = _Table()
                continue
            if self.table.open():
                _scale_row(spans, offset, line, self.table)
        if dropped:
            doc.spans[self.span_key] = [s for i, s in enumerate(spans) if i not in dropped]


_SCALE_RUN_WORDS = ("thousands", "thousand", "millions", "million", "billions", "billion")
_FIGURE_RUN = r"(?<![\w.,])\d[\d,.]*(?:[ \t]+\d[\d,.]*)+(?![\w.,])"


@cache
def _scale_runs() -> re.Pattern[str]:
    word = "|".join(_SCALE_RUN_WORDS)
    scale_run = rf"(?P<word{{n}}>{word})(?:\s+(?P=word{{n}}))*(?![A-Za-z])"
    # "11.1 9.3 MILLION MILLION", then "MILLION MILLION\n11.1 9.3"
    return re.compile(
        rf"(?<![A-Za-z])(?P<figures1>{_FIGURE_RUN})\s+(?P<scales1>{scale_run.format(n=1)})"
        rf"|(?<![A-Za-z])(?P<scales2>{scale_run.format(n=2)})\s+(?P<figures2>{_FIGURE_RUN})",
        re.IGNORECASE,
    )


def _key_figure_rows(spans: list[Span], text: str) -> set[int]:
    """A key-figure block copied as one row of figures and one row of scale words ("11.1 9.3 6.6 MILLION MILLION
    MILLION", or the scale words on the row above): as many scale words as figures, each figure its own scale.
    Scales the figures in place and returns the spans read inside the scale words (to drop)."""
    dropped: set[int] = set()
    for match in _scale_runs().finditer(text):
        n = "1" if match.group("figures1") else "2"
        figures, scales = match.span(f"figures{n}"), match.span(f"scales{n}")
        count = len(text[figures[0] : figures[1]].split())
        words = text[scales[0] : scales[1]].split()
        if count != len(words) or count < 2:
            continue
        factor = _scale_words()[words[0].lower()]
        dropped |= _inside(spans, *scales)
        for span in spans:
            quantity = dict(span._.quantity)
            if not figures[0] <= quantity["number_start"] < figures[1] or not _plain(quantity["number"]):
                continue
            if quantity["kind"] not in ("count", "money"):
                continue
            for key in ("value", "low", "high"):
                if quantity[key] is not None:
                    quantity[key] = _times(quantity[key], factor)
            span._.quantity = quantity
    return dropped


def scale_tables(docs: Iterable[Doc], span_key: str = SPAN_KEY) -> None:
    """`TableScaler` over one document's segments, in order."""
    scaler = TableScaler(span_key)
    for doc in docs:
        scaler.apply(doc)


def _inside(spans: list[Span], start: int, end: int) -> set[int]:
    return {i for i, s in enumerate(spans) if start <= s._.quantity["number_start"] < end}


def _scale_row(spans: list[Span], offset: int, line: str, table: _Table) -> None:
    for span in spans:
        quantity = dict(span._.quantity)
        at = quantity["number_start"] - offset
        if not 0 <= at < len(line) or quantity["kind"] not in ("count", "money") or not _plain(quantity["number"]):
            continue
        scale = table.scale(len(_SEPARATORS.findall(line[:at].strip())) if _has_cells(line) else 0)
        if scale is None:
            continue
        if quantity["kind"] == "money" and scale.currency not in (None, quantity["unit"]):
            continue  # an amount in its own currency under another currency's header: not this table's cell
        for key in ("value", "low", "high"):
            if quantity[key] is not None:
                quantity[key] = _times(quantity[key], scale.factor)
        if scale.currency is not None:
            quantity["kind"], quantity["unit"] = "money", scale.currency
        span._.quantity = quantity


def _plain(number: str) -> bool:
    """A number written in digits only ("4,200", "0.74"), not "1.2 million" or "5%"."""
    return bool(re.fullmatch(r"\d[\d,.'\u202f ]*", number))


def _times(value: float, factor: int) -> float | int:
    scaled = Decimal(str(value)) * factor
    return int(scaled) if scaled == scaled.to_integral_value() else float(scaled)


def table_context(before: Sequence[str], text: str) -> list[str]:
    """Of the texts read before `text` (its document's segments, in order), those a header of a table that `text`
    continues may stand in: the run of table lines right before it. Empty when `text` opens with no table line."""
    first = text.split("\n", 1)[0]
    if not (_is_row(first) or _has_cells(first)) or _header(first) is not None:
        return []
    start = len(before)
    while start > max(0, len(before) - _MAX_CONTEXT) and _all_table_lines(before[start - 1]):
        start -= 1
        if _header(before[start].split("\n")[-1]) is not None:
            break
    return list(before[start:])


def _all_table_lines(text: str) -> bool:
    return all(line.strip() and (_header(line) is not None or _is_row(line)) for line in text.split("\n"))
