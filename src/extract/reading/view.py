"""A document's source as the pipeline read it: for showing a quote and checking it again without re-cleaning.

`source_view(path)` reads the report through the same door as the pipeline (`document.read`), so what audit and
the report see of a stretch of the source is exactly what parsing was given: an HTML quote without its tags and
references, a text quote with its line breaks and odd spaces normalised, a table row's figure before its label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from extract.reading.document import ReadDocument, read
from extract.reading.ingest import SourceDocument
from extract.reading.segments import Segment, SegmentKind


@dataclass(slots=True)
class _ReadSegment:
    low: int  # smallest and largest source offset of its characters
    high: int
    text: str
    sources: list[int]  # per character, its source offset


@dataclass(slots=True)
class SourceView:
    """The read text of a document, character by character with its source offsets."""

    document: ReadDocument
    _segments: list[_ReadSegment] = field(default_factory=list)

    def __post_init__(self) -> None:
        for segment in self.document.text.segments:
            mapped = segment.mapped
            sources = [mapped.to_source(i) for i in range(mapped.length)]
            if sources:
                self._segments.append(_ReadSegment(min(sources), max(sources), mapped.text, sources))

    @property
    def source(self) -> SourceDocument:
        return self.document.source

    @property
    def title(self) -> str | None:
        return self.document.text.title

    @property
    def segments(self) -> list[Segment]:
        return self.document.text.segments

    def reported_texts(self) -> list[str]:
        """The texts of the segments whose figures are reported (everything but boilerplate)."""
        return [s.text for s in self.segments if s.kind is not SegmentKind.BOILERPLATE]

    def segment_at(self, offset: int) -> tuple[str, list[int]] | None:
        """The read text of the segment holding source offset `offset` (as parsing was given it), and per character
        its source offset; None when no segment reads that character."""
        for segment in self._segments:
            if segment.low <= offset <= segment.high and offset in segment.sources:
                return segment.text, segment.sources
        return None

    def read_text(self, start: int, end: int) -> tuple[str, list[int]]:
        """The read characters of source offsets start..end-1, in reading order, and per character its offset
        from `start`."""
        chars: list[str] = []
        origin: list[int] = []
        for segment in self._segments:
            if segment.high < start or segment.low >= end:
                continue
            for char, source in zip(segment.text, segment.sources, strict=True):
                if start <= source < end:
                    chars.append(char)
                    origin.append(source - start)
        return "".join(chars), origin


def source_view(path: Path) -> SourceView:
    """The view of the report at `path`; raises IngestError naming the file when it cannot be read."""
    return SourceView(read(path))
