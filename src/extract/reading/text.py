"""Cut a text report into blocks at blank lines, each line normalised and mapped to the source (`normalise.py`);
`segments.classify` then says what each block is."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.reading.furniture import furniture_lines
from extract.reading.normalise import TextBuilder
from extract.reading.offsets import MappedText
from extract.reading.segments import Block, CleanText, SegmentKind, classify, concat

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029|\x0b|\x0c|\x85")


@dataclass(slots=True)
class _Line:
    text: str  # normalised, stripped
    mapped: MappedText


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


def _blocks(lines: list[_Line]) -> list[Block]:
    """Blocks at blank lines; a page-furniture line is a boilerplate block of its own."""
    furniture = furniture_lines([line.text for line in lines])
    blocks: list[Block] = []
    current: list[_Line] = []

    def close() -> None:
        if current:
            blocks.append(Block([line.text for line in current], concat([line.mapped for line in current])))
            current.clear()

    for i, line in enumerate(lines):
        if i in furniture:
            close()
            blocks.append(Block([line.text], line.mapped, SegmentKind.BOILERPLATE, "page furniture"))
        elif line.text:
            current.append(line)
        else:
            close()
    close()
    return blocks


def clean(source: str) -> CleanText:
    """Segment and normalise a report's text."""
    return classify(_blocks(_split_lines(source)), headings_from_text=True)
