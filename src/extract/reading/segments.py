"""The blocks of a read document and the segments they become: headings, paragraphs, statistics, boilerplate.

Text reports (`text.py`) and HTML pages (`html.py`) both cut a document into Blocks; `classify` decides, with the
same rules for both, what each block is: boilerplate (navigation residue, photo credits and captions, comment
forms, repeated titles), a statistic (a figure standing on its own line joined with the label on the next), a
heading, or a paragraph. Every segment carries a map from its characters to source offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from extract.reading.offsets import MappedText
from extract.resources import load_json

_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TERMINAL_PUNCTUATION = re.compile(r"[.!?;:,]['\")\]]?$")
MAX_HEADING_WORDS = 14
MAX_FIGURE_WORDS = 5
MAX_LABEL_WORDS = 20
CELL_SEPARATOR = " | "  # how a table row's cells are joined, in HTML tables and in a PDF's tab-separated rows
COMMENT_FORM = "comment form"  # the reason of the blocks dropped as a comment form (a start line and what follows)
MIN_PROSE_WORDS = 8  # a sentence this long ends a comment form: form fields are short labels
_SENTENCE_END = re.compile(r"[.!?]['\")\]]?$")


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


@cache
def _boilerplate_patterns() -> dict[str, re.Pattern[str]]:
    data = load_json("boilerplate.json")
    return {
        key: re.compile(r"(?:" + "|".join(data[key]) + r")\Z", re.IGNORECASE)
        for key in ("navigation_lines", "credit_lines", "source_lines", "comment_form_starts")
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
    # a footnote's asterisks may follow the figure: "0.239million**"
    number = r"(?:[$€£]|[A-Z]{3} )?\d[\d,.\u202f ]*\d?(?:\s?(?:%|\+|k|m|bn|million|billion|thousand))?\+?\**"
    word_number = (
        r"(?:"
        + "|".join(re.escape(w) for w in words)
        + r")(?:[\s-]+(?:"
        + "|".join(re.escape(w) for w in words)
        + r"))*\+?"
    )
    qualifier = r"(?:(?:" + "|".join(re.escape(q) for q in qualifiers) + r")\s+)?"
    return re.compile(rf"{qualifier}(?:{number}|{word_number})", re.IGNORECASE)


def is_figure_line(text: str) -> bool:
    """A line that is only a figure, as in a statistics block ("15,000+", "Tens of thousands", "0.239million**")."""
    if not text or len(text.split()) > MAX_FIGURE_WORDS or _YEAR.fullmatch(text):
        return False  # a year alone on a line is a date, not a statistic
    if not _figure_line_pattern().fullmatch(text):
        return False
    if any(c.isdigit() for c in text):
        return True
    lower = text.lower().rstrip("+")
    lex = load_json("numbers.json")
    return lower in lex["vague"] or any(lower.endswith(scale) for scale in lex["scales"])


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


def concat(parts: list[MappedText]) -> MappedText:
    """Join mapped pieces with single spaces, each space mapped to the gap (line break) it replaces."""
    joined = MappedText()
    for part in parts:
        if joined.length:
            joined.append(" ", joined.source_end(joined.length - 1))
        joined.extend(part)
    return joined


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
        if in_comment_form and _ends_comment_form(block, following, headings_from_text):
            in_comment_form = False
        if in_comment_form or patterns["comment_form_starts"].match(lines[0]):
            in_comment_form = True
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, COMMENT_FORM))
        elif block.kind is SegmentKind.BOILERPLATE:
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, block.reason))
        elif all(patterns["navigation_lines"].match(line) for line in lines):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "navigation"))
        elif patterns["source_lines"].match(lines[0]) or patterns["source_lines"].match(lines[-1]):
            segments.append(Segment(SegmentKind.BOILERPLATE, mapped, section, "source line"))
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
            and is_figure_line(text)
            and is_label(following.mapped.text)
        ):
            segments.append(Segment(SegmentKind.STATISTIC, concat([mapped, following.mapped]), section))
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
    _keep_sole_caption(segments)
    return CleanText(segments, title)


def _keep_sole_caption(segments: list[Segment]) -> None:
    """A page whose only text is one photo's caption (a media library's photo page) reports in that caption:
    with no other paragraph in the document, the caption is the page's text, not a description beside it."""
    captions = [s for s in segments if s.kind is SegmentKind.BOILERPLATE and s.reason == "photo caption"]
    if len(captions) == 1 and not any(s.kind is SegmentKind.PARAGRAPH for s in segments):
        captions[0].kind = SegmentKind.PARAGRAPH
        captions[0].reason = ""


def _ends_comment_form(block: Block, following: Block | None, headings_from_text: bool) -> bool:
    """Report text after a comment form's start: a heading from the markup, a sentence (a long one, or one holding
    a figure), or a heading-like line followed by such a sentence. A form's fields ("Name *", "Post Comment")
    are short lines, so a line "Comments" or "2 comments" in a report never hides the rest of it."""
    if block.kind is SegmentKind.HEADING or _is_prose(block.mapped.text):
        return True
    return (
        headings_from_text
        and len(block.lines) == 1
        and _looks_like_heading(block.mapped.text)
        and following is not None
        and _is_prose(following.mapped.text)
    )


def _is_prose(text: str) -> bool:
    words = len(text.split())
    has_figure = any(c.isdecimal() for c in text)
    return bool(_SENTENCE_END.search(text)) and (words >= MIN_PROSE_WORDS or (words >= 3 and has_figure))


def is_label(text: str) -> bool:
    return 0 < len(text.split()) <= MAX_LABEL_WORDS and not is_figure_line(text)


def _mark_caption(segments: list[Segment]) -> bool:
    """The block just before a photo credit is the photo's caption or description; True if marked."""
    if len(segments) < 2 or segments[-2].kind not in (SegmentKind.PARAGRAPH, SegmentKind.HEADING):
        return False
    segments[-2].kind = SegmentKind.BOILERPLATE
    segments[-2].reason = "photo caption"
    return True
