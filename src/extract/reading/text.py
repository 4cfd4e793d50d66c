"""Turn a report's raw text into segments the NLP reads, never losing the way back to the source.

A report is cut into blocks at blank lines. Each block becomes a Segment: a heading, a paragraph, a
statistic (a figure standing on its own line joined with the label on the next), or boilerplate
(navigation residue, photo credits and captions, comment forms, repeated titles). Characters are
normalised one for one (curly quotes, odd spaces), mojibake ("donâ€™t") is repaired with ftfy, and
whitespace runs collapse; every segment carries a map from its characters to source offsets.

`clean_document` dispatches on the document's format: HTML pages go through `extract.reading.html`, which builds
the same blocks from the page's main content and classifies them with the same rules (`classify`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from typing import TYPE_CHECKING

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
from ftfy.badness import is_bad

from extract.reading.offsets import MappedText
from extract.resources import load_json

if TYPE_CHECKING:
    from extract.reading.ingest import SourceDocument

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
# Words joined by single spaces: such a run is already normal text and is copied whole (one map run),
# rather than word by word; only other whitespace becomes a gap.
_WORD_RUN = re.compile(r"\S+(?: \S+)*")
# One character of UTF-8 read as Windows-1252: a lead byte, then continuation bytes (0x80-0xBF) as cp1252 shows them.
_CONTINUATION = (
    "[\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d"
    "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178]"
)
_MOJIBAKE = re.compile(f"[\xc2-\xdf]{_CONTINUATION}|[\xe0-\xef]{_CONTINUATION}{{2}}|[\xf0-\xf4]{_CONTINUATION}{{3}}")
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


class TextBuilder:
    """Collects a block's characters, normalised and mapped: whitespace runs (and gaps such as tags or line
    breaks) become one space, mapped to the first character of what it replaces; nothing leads or trails."""

    def __init__(self) -> None:
        self.mapped = MappedText()
        self._gap: int | None = None

    def add(self, raw: str, source_start: int) -> None:
        """Source characters `raw`, found at `source_start`; mojibake in them is repaired."""
        position = 0
        # ASCII text holds no mojibake, and str.isascii() is free (CPython stores it): most lines skip ftfy.
        for match in _MOJIBAKE.finditer(raw) if not raw.isascii() and is_bad(raw) else ():
            fixed = _repair(match.group())
            if fixed is None:
                continue
            self._add_plain(raw[position : match.start()], source_start + position)
            self.add_decoded(fixed, source_start + match.start(), source_start + match.end())
            position = match.end()
        self._add_plain(raw[position:], source_start + position)

    def add_decoded(self, decoded: str, source_start: int, source_end: int) -> None:
        """Characters decoded from source_start..source_end-1 (a character reference, a mojibake sequence)."""
        for char in decoded.translate(_CHAR_REPLACEMENTS):
            if char.isspace():
                self.gap(source_start)
            else:
                self._flush_gap()
                self.mapped.append_wide(char, source_start, source_end)

    def gap(self, source_offset: int) -> None:
        """A word boundary at `source_offset` (whitespace, a line break, a tag that separates words)."""
        if self.mapped.length and self._gap is None:
            self._gap = source_offset

    def _add_plain(self, raw: str, source_start: int) -> None:
        translated = raw.translate(_CHAR_REPLACEMENTS)
        position = 0
        for match in _WORD_RUN.finditer(translated):
            if match.start() > position:
                self.gap(source_start + position)
            self._flush_gap()
            self.mapped.append(match.group(), source_start + match.start())
            position = match.end()
        if position < len(translated):
            self.gap(source_start + position)

    def _flush_gap(self) -> None:
        if self._gap is not None:
            self.mapped.append(" ", self._gap)
            self._gap = None


def has_mojibake(text: str) -> bool:
    """True if `text` holds UTF-8 read as Windows-1252 that cleaning will repair."""
    return is_bad(text) and any(_repair(m.group()) for m in _MOJIBAKE.finditer(text))


def _repair(sequence: str) -> str | None:
    """The character a UTF-8-read-as-cp1252 sequence stood for ("â€™" -> "’"), or None if it is not one."""
    try:
        return sequence.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return None


def _split_lines(source: str) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(source), None]:
        end = match.start() if match else len(source)
        lines.append(_normalise_line(source[position:end], position))
        position = match.end() if match else len(source)
    return lines


def _normalise_line(raw: str, source_start: int) -> _Line:
    builder = TextBuilder()
    builder.add(raw, source_start)
    return _Line(builder.mapped.text, builder.mapped)


def _concat(parts: list[MappedText]) -> MappedText:
    """Join mapped pieces with single spaces, each space mapped to the gap (line break) it replaces."""
    joined = MappedText()
    for part in parts:
        if joined.length:
            joined.append(" ", joined.source_end(joined.length - 1))
        joined.extend(part)
    return joined


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


@dataclass(slots=True)
class Block:
    """A run of text read as one unit: a paragraph, a heading, a list item, a table row."""

    lines: list[str]  # its lines, normalised (a text block's lines; an HTML block is one line)
    mapped: MappedText
    kind: SegmentKind | None = None  # what the markup says it is (HTML headings, captions, table statistics)
    reason: str = ""


def clean(source: str) -> CleanText:
    """Segment and normalise a report's text."""
    blocks = _blocks(_split_lines(source))
    return classify(
        [Block([line.text for line in block], _concat([line.mapped for line in block])) for block in blocks],
        headings_from_text=True,
    )


def clean_document(source: SourceDocument) -> CleanText:
    """Segments of a document, whatever its format (HTML pages are read as markup, the rest as text)."""
    if source.format in ("html", "htm"):
        from extract.reading.html import clean_html

        return clean_html(source.text)
    return clean(source.text)


def classify(blocks: list[Block], *, headings_from_text: bool) -> CleanText:
    """Segments of a document's blocks: boilerplate, statistics (a figure block joined with its label),
    headings (from the markup, or short unpunctuated one-line blocks when `headings_from_text`), paragraphs."""
    patterns = _boilerplate_patterns()
    segments: list[Segment] = []
    title: str | None = None
    section: str | None = None
    seen_headings: set[str] = set()
    in_comment_form = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        lines, mapped, text = block.lines, block.mapped, block.mapped.text
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if in_comment_form or patterns["comment_form_starts"].match(lines[0]):
            in_comment_form = True
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "comment form"))
        elif block.kind is SegmentKind.BOILERPLATE:
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, block.reason))
        elif all(patterns["navigation_lines"].match(line) for line in lines):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "navigation"))
        elif patterns["credit_lines"].match(lines[0]) or patterns["credit_lines"].match(lines[-1]):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "photo credit"))
            if len(lines) == 1 and _mark_caption(segments):
                section = segments[-2].section
        elif block.kind is SegmentKind.STATISTIC:
            segments.append(Segment(SegmentKind.STATISTIC, mapped, section))
        elif (
            following is not None
            and following.kind is None
            and block.kind is None
            and _is_figure_line(text)
            and _is_label(following.mapped.text)
        ):
            segments.append(Segment(SegmentKind.STATISTIC, _concat([mapped, following.mapped]), section))
            i += 1
        elif block.kind is SegmentKind.HEADING or (
            headings_from_text and block.kind is None and len(lines) == 1 and _looks_like_heading(text)
        ):
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
