"""Numbers of an image's caption: the sentence a photo credit follows on the same line ("Balbal 40 is a refugee in
Khost. Photo: Name/NRC", "... his family of seven. Photo/DRC SC"). The gold conventions count image descriptions
as boilerplate, not as reported figures. The quantities component asks only of a number with no counted noun (an
age after a name, a family's size): a caption that restates a programme's figure ("She is one of 2,800 families
who received cash. Photo: SRCS") keeps it."""

from __future__ import annotations

import re
from functools import cache

from extract.parsing.figures import Figure
from extract.parsing.rejections.cues import _alternation, _cue

# the first sentence end after the number: a full stop (not a decimal point), "!" or "?", a closing quote or bracket
_SENTENCE_END = re.compile(r"[.!?]['\"’”)\]]?[ \t]+")


@cache
def _credit() -> re.Pattern[str]:
    """A credit opening a sentence: a credit word capitalised (or in capitals) then ":" or "/", or a "©"."""
    words = [w for w in _cue("photo_credits") if w.isalpha() or " " in w]
    spelled = [w.capitalize() for w in words] + [w.upper() for w in words]
    signs = [w for w in _cue("photo_credits") if not (w.isalpha() or " " in w)]
    return re.compile(r"(?:(?:" + _alternation(spelled) + r")[ \t]*[:/]|(?:" + _alternation(signs) + r"))")


def _photo_caption(text: str, figure: Figure) -> bool:
    """Whether the sentence holding the figure is the last before a photo credit on its line: the figure's sentence
    ends, and the next one opens with "Photo:", "Photo/", "Credit:" or "©". A figure whose sentence is followed by
    another sentence of the report stays."""
    line_end = text.find("\n", figure.end)
    line_end = len(text) if line_end < 0 else line_end
    end = _SENTENCE_END.search(text, figure.end, line_end)
    return end is not None and _credit().match(text, end.end(), line_end) is not None
