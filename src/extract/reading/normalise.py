"""Characters as the rest of the pipeline reads them, each mapped to the source characters it came from.

Characters are normalised one for one (curly quotes, odd spaces), mojibake ("donâ€™t") is repaired with ftfy, and
whitespace runs collapse to one space mapped to the first character it replaces.
"""

from __future__ import annotations

import re

import ftfy.bad_codecs  # noqa: F401  (registers the sloppy-windows-1252 codec)
from ftfy.badness import is_bad

from extract.reading.offsets import MappedText

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


class TextBuilder:
    """Collects a block's characters, normalised and mapped: whitespace runs (and gaps such as tags or line
    breaks) become one space, mapped to the first character of what it replaces; nothing leads or trails."""

    def __init__(self) -> None:
        self.mapped = MappedText()
        self._gap: int | None = None

    def add(self, raw: str, source_start: int) -> None:
        """Source characters `raw`, found at `source_start`; mojibake in them is repaired."""
        position = 0
        # ASCII text holds no mojibake, and str.isascii() is free (CPython stores it): most lines skip ftfy; so do
        # lines without a sequence to repair (accented text), for which the loop below would find nothing anyway.
        suspect = not raw.isascii() and _MOJIBAKE.search(raw) is not None and is_bad(raw)
        for match in _MOJIBAKE.finditer(raw) if suspect else ():
            fixed = _repair(match.group())
            if fixed is None:
                continue
            self._add_plain(raw[position : match.start()], source_start + position)
            self.add_decoded(fixed, source_start + match.start(), source_start + match.end())
            position = match.end()
        self._add_plain(raw[position:], source_start + position)

    def add_decoded(self, decoded: str, source_start: int, source_end: int) -> None:
        """Characters decoded from source_start..source_end-1 (a character reference, a mojibake sequence)."""
        mapped = self.mapped
        wide = mapped.wide
        for char in decoded.translate(_CHAR_REPLACEMENTS):
            if char.isspace():
                if mapped.length and self._gap is None:  # self.gap(source_start), inlined
                    self._gap = source_start
            else:
                if self._gap is not None:  # self._flush_gap(), inlined
                    mapped.append(" ", self._gap)
                    self._gap = None
                mapped.append(char, source_start)  # mapped.append_wide(char, ...), inlined: char is one char
                wide[mapped.length - 1] = source_end

    def gap(self, source_offset: int) -> None:
        """A word boundary at `source_offset` (whitespace, a line break, a tag that separates words)."""
        if self.mapped.length and self._gap is None:
            self._gap = source_offset

    def _add_plain(self, raw: str, source_start: int) -> None:
        translated = raw.translate(_CHAR_REPLACEMENTS)
        mapped = self.mapped
        position = 0
        for match in _WORD_RUN.finditer(translated):
            start = match.start()
            # self.gap(...) and self._flush_gap(), inlined: this runs once a word run
            if start > position and mapped.length and self._gap is None:
                self._gap = source_start + position
            if self._gap is not None:
                mapped.append(" ", self._gap)
                self._gap = None
            mapped.append(match.group(), source_start + start)
            position = match.end()
        if position < len(translated) and mapped.length and self._gap is None:
            self._gap = source_start + position

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
