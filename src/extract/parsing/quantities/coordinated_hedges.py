"""A hedge shared by two coordinated figures: "rose to over 4.26 million individuals or 1.15 million families" (the
same tally restated in another unit), "estimated at PHP699.3 million and PHP2.84 billion, respectively" (two
figures under one hedge). The second, written bare right after the first, takes the first's qualifier."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from extract.models import Qualifier

if TYPE_CHECKING:
    from extract.parsing.quantities.found import _Found

_OR_GAP = re.compile(r"\s+or\s+", re.IGNORECASE)
_AND_GAP = re.compile(r"\s+and\s+", re.IGNORECASE)
_RESPECTIVELY = re.compile(r",?\s+respectively\b", re.IGNORECASE)
_NOT_CARRIED = {Qualifier.EXACT, Qualifier.RANGE, Qualifier.VAGUE}


def carry_coordinated_hedges(text: str, found: list[_Found]) -> list[_Found]:
    """Each exact figure joined to the hedged figure before it by "or", or by "and" with "respectively" after it,
    of the same kind, takes that hedge (bounds at its own value)."""
    out: list[_Found] = []
    for read in found:
        quantity = read.quantity
        before = out[-1].quantity if out else None
        if (
            before is not None
            and before.qualifier not in _NOT_CARRIED
            and quantity.qualifier is Qualifier.EXACT
            and quantity.value is not None
            and quantity.kind is before.kind
            and _coordinated(text, before.end, quantity.start, quantity.end)
        ):
            low = quantity.value if before.low is not None else None
            high = quantity.value if before.high is not None else None
            quantity = quantity.model_copy(update={"qualifier": before.qualifier, "low": low, "high": high})
            read = replace(read, quantity=quantity)
        out.append(read)
    return out


def _coordinated(text: str, gap_start: int, start: int, end: int) -> bool:
    if gap_start > start:
        return False
    if _OR_GAP.fullmatch(text, gap_start, start):
        return True
    return bool(_AND_GAP.fullmatch(text, gap_start, start)) and _RESPECTIVELY.match(text, end) is not None
