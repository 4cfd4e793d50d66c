"""Line-end hyphens of a PDF's text: those that split a word ("humani-\\ntarian", joined when read), and those of
words the document spells with their hyphen ("well-\\nknown" beside "well-known", read whole with the hyphen)."""

from __future__ import annotations

import re

from extract.reading.pdf.boxed_text import PdfText

_WORD_AFTER = re.compile(r"[^\W\d_]\w*")


def hyphen_joins(pdf: PdfText) -> list[int]:
    """Offsets of line-end hyphens that split a word ("humani-\\ntarian"): a hyphen right after a letter, ending its
    line, followed on the next line (of the same column: the text is in reading order) by a lower-case letter.
    A hyphen is left alone when the document spells the word with its hyphen elsewhere and never without it
    ("well-\\nknown" in a text that also has "well-known": see `kept_hyphens`). `text` is not changed."""
    return [i for i, kept in _line_end_hyphens(pdf) if not kept]


def line_end_hyphens(pdf: PdfText) -> tuple[list[int], list[int]]:
    """The offsets of `hyphen_joins`, and those of line-end hyphens of words the document spells with their hyphen
    ("well-\\nknown" beside "well-known"), which read whole with the hyphen, the line break left out."""
    found = _line_end_hyphens(pdf)
    return [i for i, kept in found if not kept], [i for i, kept in found if kept]


def _line_end_hyphens(pdf: PdfText) -> list[tuple[int, bool]]:
    """Each line-end hyphen inside a word, with whether the document spells the word with its hyphen."""
    text = pdf.text
    found: list[tuple[int, bool]] = []
    words: set[str] | None = None
    pos = text.find("-\n")
    while pos != -1:
        i = pos
        pos = text.find("-\n", pos + 1)
        if i == 0 or not text[i - 1].isalpha():
            continue
        j = i + 2
        while j < len(text) and text[j] in " \t":
            j += 1
        if j >= len(text) or not text[j].islower():
            continue
        left = re.search(r"\w+$", text[max(0, i - 60) : i])
        right = _WORD_AFTER.match(text, j)
        kept = False
        if left and right:
            if words is None:
                words = set(re.findall(r"\w+(?:-\w+)*", text.casefold()))
            joined = (left.group() + right.group()).casefold()
            hyphened = f"{left.group()}-{right.group()}".casefold()
            kept = hyphened in words and joined not in words
        found.append((i, kept))
    return found
