"""Page furniture of a text document: a line that recurs with only its digits changed is a running header or
footer of a PDF copy ("PROTECTION 47" ... "PROTECTION 52", "118 | ANNUAL REPORT 2021", "Page 3 of 12")."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from itertools import pairwise

from extract.reading.segments import is_figure_line
from extract.resources import load_json

MAX_FURNITURE_WORDS = 8
MIN_REPEATS = 2
_DIGITS = re.compile(r"\d+")
# An amount with its scale or per cent: a key figure, which a report may repeat with other digits ("11.3 million
# measles vaccinations" done, "11.7 million measles vaccinations" planned); a page's header or footer holds none.
_AMOUNT = re.compile(r"\d\s*(?:%|(?:thousand|million|billion|trillion)\b)", re.IGNORECASE)
# A number in groups of thousands ("137,210") is a table's cell, not a page number or a year: "RCMs distributed
# 137,210" recurs in each section of a statistics table with other figures, and is no running header.
_GROUPED = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d,])")
_PAGE_NUMBER = re.compile(r"\d{1,3}")
# A running heading in capitals: three capitals first, no lower-case letter ("OPERATIONS | 87 OPERATIONS").
_CAPITALS_HEADING = re.compile(r"[A-Z]{3,}[^a-z]*")
# A number in brackets alone on its line: a document site's page marker ("Full text / (1) / ...") or a list's
# item number, never a figure (a figure's line holds its noun or its label).
_BRACKETED_NUMBER = re.compile(r"\(\d{1,3}\)")
# A page number with the rule that set it off from its header: "| 519", "87 |".
_RULED_PAGE_NUMBER = re.compile(r"\|\s*\d{1,3}|\d{1,3}\s*\|")


def _shape(line: str) -> str:
    return _DIGITS.sub("#", line.casefold())


def furniture_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines (normalised, stripped) that are page furniture: short lines holding digits whose shape
    (digits masked) recurs in the document with different digits. A line that is only a figure ("4,000") is the
    figure of a statistics block, and a line with an amount ("2.9 million children") a key figure or a number
    grouped in thousands (a table's cell): never furniture."""
    candidates = [
        i
        for i, line in enumerate(lines)
        if line
        and _DIGITS.search(line)
        and len(line.split()) <= MAX_FURNITURE_WORDS
        and not is_figure_line(line)
        and not _AMOUNT.search(line)
        and not _GROUPED.search(line)
    ]
    shapes = Counter(_shape(lines[i]) for i in candidates)
    texts: dict[str, set[str]] = {}
    for i in candidates:
        texts.setdefault(_shape(lines[i]), set()).add(lines[i])
    return {
        i for i in candidates if shapes[_shape(lines[i])] >= MIN_REPEATS and len(texts[_shape(lines[i])]) >= MIN_REPEATS
    }


def page_number_lines(lines: list[str], page_firsts: set[int]) -> set[int]:
    """Indexes of the lines that are a page number: alone on a page's first line (`page_firsts`: the document's
    first line and each first after a form feed) above a running heading in capitals ("17" over "OPERATIONS | 87
    OPERATIONS"), or set off by a rule ("| 519") next to a heading in capitals. Lower on a page, a number over a
    label in capitals is a key figure ("23" over "PROGRAMMES SUPPORTED"), and over a label in sentence case it is
    one anywhere. A number in brackets alone on its line ("(1)") is a page marker or a list's item number."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if _BRACKETED_NUMBER.fullmatch(line):
            found.add(i)  # "(1)" alone on its line
            continue
        above, below = _next_with_text(lines, i, -1), _next_with_text(lines, i, 1)
        if _PAGE_NUMBER.fullmatch(line) and i in page_firsts and below is not None and below not in page_firsts:
            if _CAPITALS_HEADING.fullmatch(lines[below]):
                found.add(i)
        elif _PAGE_NUMBER.fullmatch(line) and (
            _by_front_matter(lines, above, below) or _under_its_title(lines, above, below)
        ):
            found.add(i)  # "Acknowledgements" over "3"; a document site's page count under its title
        elif _RULED_PAGE_NUMBER.fullmatch(line) and any(
            j is not None and _CAPITALS_HEADING.fullmatch(lines[j]) for j in (above, below)
        ):
            found.add(i)
    return found


_TITLE_WORD = re.compile(r"[^\W\d_]{3,}")
_MIN_SHARED_TITLE_WORDS = 3


@cache
def _front_matter_headings() -> frozenset[str]:
    return frozenset(h.casefold() for h in load_json("boilerplate.json")["front_matter_headings"])


def _by_front_matter(lines: list[str], above: int | None, below: int | None) -> bool:
    """ "Acknowledgements" over "3": a number alone next to a front-matter heading is that page's number."""
    return any(j is not None and lines[j].strip().casefold() in _front_matter_headings() for j in (above, below))


def _under_its_title(lines: list[str], above: int | None, below: int | None) -> bool:
    """A document site's page count between its title and the title repeated: "HUMANITARIAN ACCESS OVERVIEW" /
    "18" / "HUMANITARIAN ACCESS OVERVIEW July 2021": the line below holds three or more of the words above."""
    if above is None or below is None:
        return False
    words_above = {w.casefold() for w in _TITLE_WORD.findall(lines[above])}
    words_below = {w.casefold() for w in _TITLE_WORD.findall(lines[below])}
    return len(words_above & words_below) >= _MIN_SHARED_TITLE_WORDS


# A table of contents set one entry to a line, as a PDF copy lays it out ("Contents", "Introduction 4 South Sudan
# situation 10 Democratic Republic", "of the Congo situation 18", "Iraq situation 38", ...): short lines with no
# sentence in them, whose page numbers grow from line to line.
MAX_CONTENTS_LINES = 60
MAX_CONTENTS_WORDS = 12
MIN_CONTENTS_NUMBERS = 5
_CONTENTS_PAGE = re.compile(r"(?<![\d.,])\d{1,3}(?![\d,%]|\.\d)")
# a page number ends its entry: the line's end, or the next entry's capital ("situation 10 Democratic Republic");
# "3 million people" under the heading is a key figure, no entry
_PAGE_ENDS_ENTRY = re.compile(r"\s*(?:\Z|[A-Z(])")
_DOT_LEADER = re.compile(r"\.{2,}|…")
_SENTENCE_BREAK = re.compile(r"[.!?;:](?:\s|$)")


@cache
def _contents_heading() -> re.Pattern[str]:
    headings = load_json("boilerplate.json")["contents_headings"]
    return re.compile(r"(?:" + "|".join(re.escape(h) for h in headings) + r"):?", re.IGNORECASE)


def contents_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines of a table of contents set one entry to a line: after a line that is a contents
    heading ("Contents", "Table of contents"), the short lines with no sentence break whose page numbers grow
    strictly from entry to entry, at least five numbers in all. The run ends at a line of prose or at a number
    that does not grow ("(3)", the next page's marker)."""
    found: set[int] = set()
    for i, line in enumerate(lines):
        if not _contents_heading().fullmatch(line.strip()):
            continue
        run: list[int] = []
        numbers: list[int] = []
        for j in range(i + 1, min(len(lines), i + 1 + MAX_CONTENTS_LINES)):
            text = _DOT_LEADER.sub(" ", lines[j])
            if not text.strip():
                continue
            marks = list(_CONTENTS_PAGE.finditer(text))
            pages = [int(m.group()) for m in marks]
            if _SENTENCE_BREAK.search(text) or len(text.split()) > MAX_CONTENTS_WORDS:
                break
            if not all(_PAGE_ENDS_ENTRY.match(text, m.end()) for m in marks):
                break
            sequence = [*numbers[-1:], *pages]
            if any(b <= a for a, b in pairwise(sequence)):
                break
            numbers += pages
            run.append(j)
        while run and not _DIGITS.search(lines[run[-1]]):
            run.pop()
        if len(numbers) >= MIN_CONTENTS_NUMBERS:
            found.update(run)
    return found


# A running header set in spaced capitals, as a PDF copy keeps it: "2 U N H C R > C O N S E Q U E N C E S 2 0 2 0".
_LETTER_SPACED = re.compile(r"(?:(?<!\S)\S ){8,}\S(?!\S)")
MIN_SPACED_LETTERS = 6


def letter_spaced_lines(lines: list[str]) -> set[int]:
    """Indexes of the lines holding a run of nine or more single characters, six of them letters, each set off by
    one space: a letter-spaced running header or footer; its digits are the page number and a year."""
    return {
        i
        for i, line in enumerate(lines)
        if any(sum(c.isalpha() for c in match.group()) >= MIN_SPACED_LETTERS for match in _LETTER_SPACED.finditer(line))
    }


# Running text after a letter-spaced header on its own line: a PDF copy that lost its line breaks puts the page's
# header and its whole body on one line ("91 I C R C o p e r a t i o n s i n 2 0 0 9 PRESENCE In 2009, the ICRC was
# present in more than 80 countries ..."); only the header is furniture then, never the figures of the body.
MIN_RUNNING_WORDS = 12


def letter_spaced_header_end(line: str) -> int | None:
    """Where the letter-spaced header of `line` (see letter_spaced_lines) ends, when at least MIN_RUNNING_WORDS
    words of ordinary text (two characters or more) follow it on the same line; None for a line that is only a
    header, or holds none."""
    ends = [
        match.end()
        for match in _LETTER_SPACED.finditer(line)
        if sum(c.isalpha() for c in match.group()) >= MIN_SPACED_LETTERS
    ]
    if not ends:
        return None
    if sum(len(word) > 1 for word in line[ends[-1] :].split()) < MIN_RUNNING_WORDS:
        return None
    return ends[-1]


def _next_with_text(lines: list[str], index: int, step: int) -> int | None:
    """The index of the nearest line with text before (`step` -1) or after (+1) line `index`."""
    j = index + step
    while 0 <= j < len(lines) and not lines[j]:
        j += step
    return j if 0 <= j < len(lines) else None
