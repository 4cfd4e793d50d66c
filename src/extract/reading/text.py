"""Cut a text report into blocks at blank lines, each line normalised and mapped to the source (`normalise.py`);
`segments.classify` then says what each block is."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from extract.reading.furniture import (
    contents_lines,
    furniture_lines,
    letter_spaced_header_end,
    letter_spaced_lines,
    page_number_lines,
)
from extract.reading.normalise import TextBuilder
from extract.reading.offsets import MappedText
from extract.reading.segments import CELL_SEPARATOR, Block, CleanText, SegmentKind, classify, concat
from extract.resources import load_json

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass(slots=True)
class _Line:
    text: str  # normalised, stripped
    mapped: MappedText


def _split_lines(
    source: str, cells: bool = False, joins: frozenset[int] = frozenset(), kept: frozenset[int] = frozenset()
) -> list[_Line]:
    """The lines of `source`; a line ending in a hyphen at an offset in `joins` continues with the next line, the
    hyphen and the line break left out of the text (still inside any span that covers the word's two halves); at an
    offset in `kept`, the hyphen stays and only the line break is left out ("well-\\nknown" reads "well-known")."""
    lines: list[_Line] = []
    pieces: list[tuple[str, int]] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(source), None]:
        end = match.start() if match else len(source)
        if match is not None and end > position and (end - 1 in joins or end - 1 in kept):
            pieces.append((source[position : end - 1 if end - 1 in joins else end], position))
            position = match.end()
            while position < len(source) and source[position] in " \t":
                position += 1
            continue
        pieces.append((source[position:end], position))
        lines.append(_normalise_line(pieces, cells))
        pieces = []
        position = match.end() if match else len(source)
    return lines


def _normalise_line(pieces: list[tuple[str, int]], cells: bool = False) -> _Line:
    builder = TextBuilder()
    for raw, source_start in pieces:
        _add_piece(builder, raw, source_start, cells)
    return _Line(builder.mapped.text, builder.mapped)


def _add_piece(builder: TextBuilder, raw: str, source_start: int, cells: bool) -> None:
    if not cells or "\t" not in raw:
        builder.add(raw, source_start)
        return
    position = 0
    for k, part in enumerate(raw.split("\t")):
        if k and part.strip() and builder.mapped.length:
            # a tab between two runs of a line is a cell boundary, read as HTML table cells are: " | "
            builder.add_decoded(CELL_SEPARATOR, source_start + position - 1, source_start + position)
        builder.add(part, source_start + position)
        position += len(part) + 1


def _page_firsts(source: str, lines: list[_Line]) -> set[int]:
    """Indexes of the lines opening a page: the document's first line with text, and the first after each form
    feed."""
    feeds = [i for i, c in enumerate(source) if c == "\f"]
    firsts: set[int] = set()
    previous = -1  # source offset of the last line with text
    for i, line in enumerate(lines):
        if not line.text:
            continue
        offset = line.mapped.to_source(0)
        if previous < 0 or bisect_right(feeds, offset) > bisect_right(feeds, previous):
            firsts.add(i)
        previous = offset
    return firsts


def _blocks(
    lines: list[_Line], in_furniture: Callable[[_Line], bool] | None = None, page_firsts: set[int] | None = None
) -> list[Block]:
    """Blocks at blank lines; a page-furniture line (recurring with only its digits changed, a page number atop a
    page in `page_firsts`, or one that `in_furniture` names) is a boilerplate block of its own."""
    texts = [line.text for line in lines]
    furniture = (
        furniture_lines(texts)
        | page_number_lines(texts, page_firsts or set())
        | contents_lines(texts)
        | letter_spaced_lines(texts)
    )
    headed = {i: end for i in furniture if (end := letter_spaced_header_end(texts[i])) is not None}
    blocks: list[Block] = []
    current: list[_Line] = []

    def close() -> None:
        if current:
            blocks.append(Block([line.text for line in current], concat([line.mapped for line in current])))
            current.clear()

    related = False  # after a line ending in "Read full story": its list of links to other stories
    for i, line in enumerate(lines):
        if related and line.text and _LIST_ITEM.match(line.text):
            close()
            blocks.append(Block([line.text], line.mapped, SegmentKind.BOILERPLATE, "related links"))
            continue
        related = bool(line.text) and _related_cue().search(line.text) is not None
        if i in headed:
            # a letter-spaced header with the page's running text after it on the same line: the header alone
            close()
            end = headed[i]
            header = line.mapped.slice(0, end)
            blocks.append(Block([line.text[:end]], header, SegmentKind.BOILERPLATE, "page furniture"))
            start = len(line.text) - len(line.text[end:].lstrip())
            current.append(_Line(line.text[start:], line.mapped.slice(start, len(line.text))))
            continue
        if i in furniture or (in_furniture is not None and line.text and in_furniture(line)):
            close()
            blocks.append(Block([line.text], line.mapped, SegmentKind.BOILERPLATE, "page furniture"))
        elif line.text:
            current.append(line)
        else:
            close()
    close()
    return blocks


_LIST_ITEM = re.compile(r"[-–•*▪][ \t]+\S")


@cache
def _related_cue() -> re.Pattern[str]:
    """A line's end that opens a list of links to other stories ("... Read full this story")."""
    cues = load_json("boilerplate.json")["related_link_cues"]
    return re.compile(r"(?:^|\W)(?:" + "|".join(cues) + r")$", re.IGNORECASE)


def clean(
    source: str,
    *,
    furniture: Sequence[tuple[int, int]] = (),
    cells: bool = False,
    joins: Sequence[int] = (),
    kept_hyphens: Sequence[int] = (),
) -> CleanText:
    """Segment and normalise a report's text. Lines starting inside a `furniture` span (a PDF's running headers
    and page numbers, found by their recurrence across pages) are boilerplate too; with `cells`, a tab inside a
    line separates table cells; a hyphen at an offset in `joins` (a word split at a line end, as a PDF's
    `hyphen_joins` finds them) is left out and the word's halves joined ("humani-\\ntarian" reads "humanitarian"); at
    an offset in `kept_hyphens` the hyphen stays and the halves join around it ("well-\\nknown" reads "well-known")."""
    starts = [start for start, _ in furniture]
    ends = [end for _, end in furniture]

    def in_furniture(line: _Line) -> bool:
        offset = line.mapped.to_source(0)
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    lines = _split_lines(source, cells, frozenset(joins), frozenset(kept_hyphens))
    blocks = _blocks(lines, in_furniture if furniture else None, _page_firsts(source, lines))
    return classify(blocks, headings_from_text=True)
