"""Page numbers a document site's transcription leads its pages' lines with: "1 FAO s role in humanitarian
contexts ...", then "2 Photo cover: ...", then "3 FAO/ ... Overview 50+ countries ..."; and the site's page count
alone on the copy's first line ("23", then the title). Read over the whole text, since each page is its own
paragraph (`page_number_starts`)."""

from __future__ import annotations

import re

_LINE_NUMBER = re.compile(r"^(\d{1,3})[ \t]+(?![a-z])\S", re.MULTILINE)  # "3 FAO/", not "3 people"
_LONE_FIRST_PAGE = re.compile(r"^(1)[ \t]*$", re.MULTILINE)  # "1" alone: a cover page with no text transcribed
_ANY_LINE_NUMBER = re.compile(r"^\d", re.MULTILINE)
_PAGE_COUNT = re.compile(r"\A(\d{1,4})[ \t]*\n")  # "23\n\nContents ...": the site's count of the copy's pages
_MIN_PAGES = 3


def page_number_starts(text: str) -> set[int]:
    """Where the page numbers of a transcription stand: the lines that open with a number, in order, whose numbers
    run 1, 2, 3 ... (three at least, from 1, each line opening with a number the next one, followed by a capital
    or a mark, never a lower-case noun; page 1 may stand alone on its line, a cover with no text). A numbered
    list's numbers are no figures either; "1 200 families" is read whole ("1 200"), and a run with any other
    number opening a line between breaks. A number alone on the copy's first line is the site's page count."""
    openings = [m.start() for m in _ANY_LINE_NUMBER.finditer(text)]
    starts: set[int] = set() if _PAGE_COUNT.match(text) is None else {0}
    run: list[int] = []
    for at in openings:
        match = _LINE_NUMBER.match(text, at)
        value = int(match.group(1)) if match else None
        if value is not None and value == len(run) + 1 and not _grouped(text, match.end(1)):
            run.append(at)
            continue
        if len(run) >= _MIN_PAGES:
            starts.update(run)
        opens = value == 1 and match is not None and not _grouped(text, match.end(1))
        run = [at] if opens or _LONE_FIRST_PAGE.match(text, at) else []
    if len(run) >= _MIN_PAGES:
        starts.update(run)
    return starts


def _grouped(text: str, end: int) -> bool:
    """ "1 200 families": a space-grouped figure, not a page number before its page's words."""
    return re.match(r"[ \t]\d{3}(?!\d)", text[end : end + 5]) is not None
