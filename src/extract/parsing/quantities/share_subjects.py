"""A bare share that is the subject of its own verb: "more than 140 aid workers were killed ..., and more than half
worked for local groups", "4,000 households were surveyed; two-thirds said they lacked water": the share is a part of
the count before it (in its sentence or the one before) and counts what that count counts. Only a share with no
"of" and no noun after it, whose next word is a finite verb; "half the year", "a third of them" and "two-thirds of
the budget" are read elsewhere, and a share with no count before it counts nothing."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from extract.models import Quantity
from extract.parsing import implied

_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})  # "worked", "says", "are", "will": a verb of its own


def share_subject_unit(doc: Doc, index: int | None, previous: Sequence[Quantity]) -> str | None:
    """The unit of the count before a bare share whose next token (at `index`) is its finite verb, else None."""
    if index is None or index >= len(doc) or not previous or doc[index].tag_ not in _FINITE_TAGS:
        return None
    if index == 0 or doc[index - 1].dep_ not in {"nsubj", "nsubjpass"}:
        return None  # the share must be the verb's subject: "half worked", not "by half was"
    return implied.antecedent_unit(doc, index, previous, 2)
