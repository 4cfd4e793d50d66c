"""Text that remembers where each of its characters came from in the source."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(slots=True)
class MappedText:
    """A string built piece by piece, with a run-length map from its characters to source offsets.

    A run `(clean_start, source_start, length)` says clean characters clean_start..clean_start+length-1
    came from source characters source_start..source_start+length-1. Characters that replace a gap in the
    source (a joining space for a line break, say) are runs of length 1 pointing at the gap's first character.
    """

    text_parts: list[str] = field(default_factory=list)
    run_clean: list[int] = field(default_factory=list)
    run_source: list[int] = field(default_factory=list)
    length: int = 0

    def append(self, piece: str, source_start: int) -> None:
        """Append `piece`, whose characters came one for one from source offsets source_start.."""
        if not piece:
            return
        if self.run_clean and self._continues(source_start):
            pass  # the previous run extends naturally: no new run needed
        else:
            self.run_clean.append(self.length)
            self.run_source.append(source_start)
        self.text_parts.append(piece)
        self.length += len(piece)

    def _continues(self, source_start: int) -> bool:
        last_clean, last_source = self.run_clean[-1], self.run_source[-1]
        return last_source + (self.length - last_clean) == source_start

    @property
    def text(self) -> str:
        if len(self.text_parts) > 1:
            self.text_parts[:] = ["".join(self.text_parts)]
        return self.text_parts[0] if self.text_parts else ""

    def to_source(self, offset: int) -> int:
        """Source offset of the clean character at `offset`."""
        i = bisect_right(self.run_clean, offset) - 1
        return self.run_source[i] + (offset - self.run_clean[i])

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span covering clean characters start..end-1 (end exclusive, end > start)."""
        if not 0 <= start < end <= self.length:
            raise ValueError(f"span {start}-{end} outside text of length {self.length}")
        return self.to_source(start), self.to_source(end - 1) + 1
