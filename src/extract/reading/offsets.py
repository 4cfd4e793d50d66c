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
    wide: dict[int, int] = field(default_factory=dict)  # clean offset -> source end, for multi-char sources

    def append(self, piece: str, source_start: int) -> None:
        """Append `piece`, whose characters came one for one from source offsets source_start.."""
        if not piece:
            return
        run_clean = self.run_clean
        # a new run unless the previous one extends naturally to source_start
        if not run_clean or self.run_source[-1] + (self.length - run_clean[-1]) != source_start:
            run_clean.append(self.length)
            self.run_source.append(source_start)
        self.text_parts.append(piece)
        self.length += len(piece)

    def append_wide(self, piece: str, source_start: int, source_end: int) -> None:
        """Append `piece`, decoded from source characters source_start..source_end-1 (each char maps to the first)."""
        for char in piece:
            self.append(char, source_start)
            self.wide[self.length - 1] = source_end

    def extend(self, other: MappedText) -> None:
        """Append another mapped text, keeping its map (and its wide characters).

        What appending its runs one by one would give: only the first can continue our last run (the others did
        not continue the one before them in `other`, and still do not), so its runs are copied in bulk."""
        if not other.length:
            return
        base = self.length
        run_clean = other.run_clean
        run_source = other.run_source
        first = 0
        if self.run_clean and self.run_source[-1] + (base - self.run_clean[-1]) == run_source[0]:
            first = 1  # the first run continues our last one
        self.run_clean.extend([base + clean_start for clean_start in run_clean[first:]])
        self.run_source.extend(run_source[first:])
        self.text_parts.append(other.text)
        self.length += other.length
        for offset, end in other.wide.items():
            self.wide[base + offset] = end

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
        first, last = bisect_right(self.run_clean, start) - 1, bisect_right(self.run_clean, end - 1) - 1
        low, high = self.to_source(start), self.source_end(end - 1)
        for i in range(first, last + 1):  # runs out of source order (reordered table rows) widen the span
            run_start = max(self.run_clean[i], start)
            run_end = min(self.run_clean[i + 1] if i + 1 < len(self.run_clean) else self.length, end)
            low = min(low, self.run_source[i] + run_start - self.run_clean[i])
            high = max(high, self.run_source[i] + run_end - self.run_clean[i])
        if self.wide:
            high = max([high, *(self.wide[k] for k in range(start, end) if k in self.wide)])
        return low, high

    def source_end(self, offset: int) -> int:
        """Source offset just past the source characters of the clean character at `offset`."""
        return self.wide.get(offset, self.to_source(offset) + 1)

    def slice(self, start: int, end: int) -> MappedText:
        """Clean characters start..end-1 as a MappedText of their own, still mapped to the same source offsets."""
        if not 0 <= start <= end <= self.length:
            raise ValueError(f"slice {start}-{end} outside text of length {self.length}")
        piece = MappedText()
        if start == end:
            return piece
        text = self.text
        i = bisect_right(self.run_clean, start) - 1
        while i < len(self.run_clean) and self.run_clean[i] < end:
            run_start = max(self.run_clean[i], start)
            run_end = min(self.run_clean[i + 1] if i + 1 < len(self.run_clean) else self.length, end)
            piece.append(text[run_start:run_end], self.run_source[i] + (run_start - self.run_clean[i]))
            i += 1
        piece.wide.update({k - start: v for k, v in self.wide.items() if start <= k < end})
        return piece
