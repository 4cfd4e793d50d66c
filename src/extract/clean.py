"""Turn a report's raw text into segments the NLP reads, never losing the way back to the source.

A report is cut into blocks at blank lines. Each block becomes a Segment: a heading, a paragraph, a
statistic (a figure standing on its own line joined with the label on the next), or boilerplate
(navigation residue, photo credits and captions, comment forms, repeated titles). Characters are
normalised one for one (curly quotes, odd spaces) and whitespace runs collapse; every segment carries
a map from its characters to source offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from extract.offsets import MappedText
from extract.resources import load_json

_CHAR_REPLACEMENTS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\t": " ",
        "\u2212": "-",
        "\u2011": "-",
        "\u00ad": " ",
        "\u200b": " ",
        "\u200c": " ",
        "\u200d": " ",
        "\ufeff": " ",
    }
)
_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")
_SPACES = re.compile(r" +")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TERMINAL_PUNCTUATION = re.compile(r"[.!?;:,]['\")\]]?$")
MAX_HEADING_WORDS = 14
MAX_FIGURE_WORDS = 5
MAX_LABEL_WORDS = 20


class SegmentKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    STATISTIC = "statistic"
    BOILERPLATE = "boilerplate"


@dataclass(slots=True)
class Segment:
    kind: SegmentKind
    mapped: MappedText
    section: str | None  # the heading this segment sits under
    reason: str = ""  # why a boilerplate segment is boilerplate

    @property
    def text(self) -> str:
        return self.mapped.text


@dataclass(slots=True)
class CleanText:
    segments: list[Segment]
    title: str | None


@dataclass(slots=True)
class _Line:
    text: str  # normalised, stripped
    mapped: MappedText


@cache
def _boilerplate_patterns() -> dict[str, re.Pattern[str]]:
    data = load_json("boilerplate.json")
    return {
        key: re.compile(r"(?:" + "|".join(data[key]) + r")\Z", re.IGNORECASE)
        for key in ("navigation_lines", "credit_lines", "comment_form_starts")
    }


@cache
def _figure_line_pattern() -> re.Pattern[str]:
    lex = load_json("numbers.json")
    words = sorted(
        {*lex["units"], *lex["tens"], *lex["scales"], *lex["vague"], "a", "an", "of", "and", "tens", "dozen", "dozens"},
        key=len,
        reverse=True,
    )
    qualifiers = sorted({q for group in lex["qualifiers"].values() for q in group}, key=len, reverse=True)
    number = r"(?:[$€£]|[A-Z]{3} )?\d[\d,.\u202f ]*\d?(?:\s?(?:%|\+|k|m|bn|million|billion|thousand))?\+?"
    word_number = (
        r"(?:"
        + "|".join(re.escape(w) for w in words)
        + r")(?:[\s-]+(?:"
        + "|".join(re.escape(w) for w in words)
        + r"))*\+?"
    )
    qualifier = r"(?:(?:" + "|".join(re.escape(q) for q in qualifiers) + r")\s+)?"
    return re.compile(rf"{qualifier}(?:{number}|{word_number})", re.IGNORECASE)


def _is_figure_line(text: str) -> bool:
    """A line that is only a figure, as in a statistics block ("15,000+", "Tens of thousands")."""
    if not text or len(text.split()) > MAX_FIGURE_WORDS or _YEAR.fullmatch(text):
        return False  # a year alone on a line is a date, not a statistic
    if not _figure_line_pattern().fullmatch(text):
        return False
    if any(c.isdigit() for c in text):
        return True
    lower = text.lower().rstrip("+")
    lex = load_json("numbers.json")
    return lower in lex["vague"] or any(lower.endswith(scale) for scale in lex["scales"])


def _split_lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(source), None]:
        end = match.start() if match else len(source)
        lines.append(_normalise_line(source[position:end], position))
        position = match.end() if match else len(source)
    return lines


def _normalise_line(raw: str, source_start: int) -> _Line:
    translated = raw.translate(_CHAR_REPLACEMENTS)
    mapped = MappedText()
    for match in re.finditer(r"\S+", translated):
        if mapped.length:
            mapped.append(" ", source_start + match.start() - 1)
        mapped.append(match.group(), source_start + match.start())
    return _Line(mapped.text, mapped)


def _concat(parts: list[MappedText]) -> MappedText:
    """Join mapped pieces with single spaces, each space mapped to the gap (line break) it replaces."""
    joined = MappedText()
    for part in parts:
        if joined.length:
            joined.append(" ", joined.to_source(joined.length - 1) + 1)
        for clean_start, source_start, length in _runs(part):
            joined.append(part.text[clean_start : clean_start + length], source_start)
    return joined


def _runs(mapped: MappedText) -> list[tuple[int, int, int]]:
    bounds = [*mapped.run_clean, mapped.length]
    return [(bounds[i], mapped.run_source[i], bounds[i + 1] - bounds[i]) for i in range(len(mapped.run_clean))]


def _blocks(lines: list[_Line]) -> list[list[_Line]]:
    blocks: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.text:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _looks_like_heading(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= MAX_HEADING_WORDS
        and not _TERMINAL_PUNCTUATION.search(text)
        and (text[0].isupper() or text[0].isdigit())
    )


def clean(source: str) -> CleanText:
    """Segment and normalise a report's text."""
    patterns = _boilerplate_patterns()
    blocks = _blocks(_split_lines(source))
    joined = [_concat([line.mapped for line in block]) for block in blocks]
    segments: list[Segment] = []
    title: str | None = None
    section: str | None = None
    seen_headings: set[str] = set()
    in_comment_form = False
    i = 0
    while i < len(blocks):
        lines, mapped = blocks[i], joined[i]
        text = mapped.text
        if in_comment_form or patterns["comment_form_starts"].match(lines[0].text):
            in_comment_form = True
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "comment form"))
        elif all(patterns["navigation_lines"].match(line.text) for line in lines):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "navigation"))
        elif patterns["credit_lines"].match(lines[0].text) or patterns["credit_lines"].match(lines[-1].text):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "photo credit"))
            if len(lines) == 1 and _mark_caption(segments):
                section = segments[-2].section
        elif i + 1 < len(blocks) and _is_figure_line(text) and _is_label(joined[i + 1].text):
            segments.append(Segment(SegmentKind.STATISTIC, _concat([mapped, joined[i + 1]]), section))
            i += 1
        elif len(lines) == 1 and _looks_like_heading(text):
            if text.casefold() in seen_headings:
                segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "repeated title"))
            else:
                seen_headings.add(text.casefold())
                segments.append(Segment(SegmentKind.HEADING, mapped, section))
                if title is None:
                    title = text
                else:
                    section = text
        else:
            segments.append(Segment(SegmentKind.PARAGRAPH, mapped, section))
        i += 1
    return CleanText(segments, title)


def _is_label(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_LABEL_WORDS and not _is_figure_line(text)


def _mark_caption(segments: list[Segment]) -> bool:
    """The block just before a photo credit is the photo's caption or description; True if marked."""
    if len(segments) < 2 or segments[-2].kind not in (SegmentKind.PARAGRAPH, SegmentKind.HEADING):
        return False
    segments[-2].kind = SegmentKind.BOILERPLATE
    segments[-2].reason = "photo caption"
    return True
