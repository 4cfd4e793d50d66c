"""A plural noun shared by a list of figures: "55 child protection, 42 education and 42 cash and voucher
programmes" counts programmes in each item, the items' words being modifiers of the one noun written last."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Token

from extract.models import Kind
from extract.parsing.quantities.found import _Found

# between two items of the list: a comma, "and" / "or", or both ("55 child protection, 42 education and 42 ...")
_JOINER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)", re.IGNORECASE)
_MODIFIER_TAGS = {"NN", "JJ", "VBG", "HYPH"}  # "child protection", "cash", "life-saving", "non-food"
_MAX_TAIL = 6  # tokens after the last figure searched for the shared noun


def _tokens(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if start < end else None
    return [t for t in span if not t.is_space] if span is not None else []


def _modifiers_only(tokens: list[Token]) -> bool:
    """Lower-case singular words and adjectives only: what modifies a noun, no noun counted itself."""
    return bool(tokens) and all(t.tag_ in _MODIFIER_TAGS and not t.text[:1].isupper() for t in tokens)


def _shared_head(doc: Doc, start: int) -> Token | None:
    """The plural noun that ends the last item's modifiers ("42 cash and voucher programmes": programmes), at
    least one modifier before it ("43 women" names its own noun); `start`: where the last item's number ends."""
    tokens = _tokens(doc, start - 1, start)  # the number's last token
    if not tokens:
        return None
    modifiers = 0
    for token in doc[tokens[0].i + 1 : tokens[0].i + 1 + _MAX_TAIL]:
        if token.is_space:
            continue
        if token.tag_ == "NNS" and token.is_lower:
            return token if modifiers else None
        if token.tag_ not in _MODIFIER_TAGS and token.lower_ not in {"and", "or"}:
            return None
        modifiers += 1
    return None


def shared_list_noun(doc: Doc, text: str, found: list[_Found]) -> list[_Found]:
    """Counts of a list whose earlier items name modifiers only, the last item's modifiers ending in a plural
    noun, all take that noun: "300 food, 200 hygiene and 150 shelter kits" are kits each. Not a list whose items
    name their own plural ("3 doctors, 2 nurses and 4 drivers")."""
    out = list(found)
    run: list[int] = []
    for i, read in enumerate([*found, None]):
        joined = (
            read is not None
            and run
            and _JOINER.fullmatch(text, found[run[-1]].quantity.end, read.quantity.start) is not None
        )
        if read is not None and read.quantity.kind is Kind.COUNT and (joined or not run):
            run.append(i)
            continue
        _share(doc, out, run)
        run = [i] if read is not None and read.quantity.kind is Kind.COUNT else []
    return out


def _share(doc: Doc, out: list[_Found], run: list[int]) -> None:
    if len(run) < 2:
        return
    earlier = [out[i].quantity for i in run[:-1]]
    if not all(_modifiers_only(_tokens(doc, q.number_end, q.end)) for q in earlier):
        return
    head = _shared_head(doc, out[run[-1]].quantity.number_end)
    if head is None:
        return
    for i in run:
        unit = out[i].quantity.unit or ""
        if i == run[-1] and unit.split()[-1:] == [head.text]:
            continue  # "150 shelter kits" already names its noun, with its own modifiers
        out[i] = replace(out[i], quantity=out[i].quantity.model_copy(update={"unit": head.text}))
