"""Why a number is not a reported figure: the rules, each with a short id, reading their cue words from
`resources/rejections.json`.

The quantities component asks `Rejections.before_unit` (the number and its neighbours), then `after_unit` (once
the counted noun or unit is known), then `in_sequence` (the figures of the whole text together: a table of
contents). Each answers a `Rejection` (a reason named in rejections.json and the rule that decided) or None.
"""

from extract.parsing import REJECTED_KEY
from extract.parsing.rejections.cues import Rejection
from extract.parsing.rejections.rules import Rejections

__all__ = ["REJECTED_KEY", "Rejection", "Rejections"]
