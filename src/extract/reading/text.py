"""Cut a text report into blocks at blank lines, each line normalised and mapped to the source (`normalise.py`);
`segments.classify` then says what each block is."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from extract.reading.normalise import TextBuilder
from extract.reading.offsets import MappedText
from extract.reading.segments import CELL_SEPARATOR, Block, CleanText, SegmentKind, classify, concat

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass(slots=True)
class _Line:
    text: str  # normalised, stripped
    mapped: MappedText


def _split_lines(source: str, cells: bool = False) -> list[_Line]:
    lines: list[_Line] = []
    position = 0
    for match in [*_LINE_BREAK.finditer(source), None]:
        end = match.start() if match else len(source)
        lines.append(_normalise_line(source[position:end], position, cells))
        position = match.end() if match else len(source)
    return lines


def _normalise_line(raw: str, source_start: int, cells: bool = False) -> _Line:
    builder = TextBuilder()
    if not cells or "\t" not in raw:
        builder.add(raw, source_start)
        return _Line(builder.mapped.text, builder.mapped)
    position = 0
    for part in raw.split("\t"):
        if part.strip() and builder.mapped.length:
            # a tab between two runs of a line is a cell boundary, read as HTML table cells are: " | "
            builder.add_decoded(CELL_SEPARATOR, source_start + position - 1, source_start + position)
        builder.add(part, source_start + position)
        position += len(part) + 1
    return _Line(builder.mapped.text, builder.mapped)


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


def clean(source: str, *, furniture: Sequence[tuple[int, int]] = (), cells: bool = False) -> CleanText:
    """Segment and normalise a report's text. Lines starting inside a `furniture` span (a PDF's running headers
    and page numbers) are set apart as boilerplate, the block around them read as if they were not there; with
    `cells`, a tab inside a line separates table cells."""
    starts = [start for start, _ in furniture]
    ends = [end for _, end in furniture]

    def is_furniture(line: _Line) -> bool:
        offset = line.mapped.to_source(0)
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    blocks: list[Block] = []
    for lines in _blocks(_split_lines(source, cells)):
        apart = [line for line in lines if furniture and is_furniture(line)]
        blocks.extend(Block([line.text], line.mapped, SegmentKind.BOILERPLATE, "page furniture") for line in apart)
        kept = [line for line in lines if not apart or line not in apart]
        if kept:
            blocks.append(Block([line.text for line in kept], concat([line.mapped for line in kept])))
    return classify(blocks, headings_from_text=True)
