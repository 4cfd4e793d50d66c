"""Page numbers a document site's transcription leads its pages' lines with: "1 FAO s role in humanitarian
contexts ...", then "2 Photo cover: ...", then "3 FAO/ ... Overview 50+ countries ...". Read over the whole text,
since each page is its own paragraph (`page_number_starts`)."""

from __future__ import annotations

import re

_LINE_NUMBER = re.compile(r"^(\d{1,3})[ \t]+(?![a-z])\S", re.MULTILINE)  # "3 FAO/", not "3 people"
_ANY_LINE_NUMBER = re.compile(r"^\d", re.MULTILINE)
_MIN_PAGES = 3


def page_number_starts(text: str) -> set[int]:
    """Where the page numbers of a transcription stand: the lines that open with a number, in order, whose numbers
    run 1, 2, 3 ... (three at least, from 1, each line opening with a number the next one, followed by a capital
    or a mark, never a lower-case noun). A numbered list's numbers are no figures either; "1 200 families" is read
    whole ("1 200"), and a run with any other number opening a line between breaks."""
    openings = [m.start() for m in _ANY_LINE_NUMBER.finditer(text)]
    starts: set[int] = set()
    run: list[int] = []
    for at in openings:
        match = _LINE_NUMBER.match(text, at)
        value = int(match.group(1)) if match else None
        if value is not None and value == len(run) + 1 and not _grouped(text, match.end(1)):
            run.append(at)
            continue
        if len(run) >= _MIN_PAGES:
            starts.update(run)
        run = [at] if value == 1 and match is not None and not _grouped(text, match.end(1)) else []
    if len(run) >= _MIN_PAGES:
        starts.update(run)
    return starts


def _grouped(text: str, end: int) -> bool:
    """ "1 200 families": a space-grouped figure, not a page number before its page's words."""
    return re.match(r"[ \t]\d{3}(?!\d)", text[end : end + 5]) is not None
