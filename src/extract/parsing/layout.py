"""Tables flattened into one line of text, as a PDF copy gives them.

"Refugees 52,000 40,000 Asylum-seekers 10,000 8,000 Total 62,000 48,000" (row labels before their cells) and
"85 National Staff 14 International Staff" (key figures, each number before its label) look alike to a reader of
words: a number sits between two labels. The block's layout decides which label is the number's own: labels sit on
one side consistently, so the side is read once from how the block opens (after its headings: "KEY INDICATORS",
"Staff:"). A block opening with a label has its labels before the numbers; one opening with a number after them.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

_WINDOW = 60
_MIN_GROUPS = 3  # number groups a block needs before it is read as a table
_FINITE_VERBS = {"VBD", "VBZ", "VBP", "MD"}
_LABEL_PUNCT = {"(", ")", "/", "-", ":", "’s", "'s", "&"}
_FUNCTION_WORDS = {"of", "in", "and", "from", "the", "for", "to", "with", "at", "on"}


@dataclass(frozen=True, slots=True)
class Group:
    start: int  # token indices, end exclusive
    end: int
    numbers: bool


def _is_cell_number(token: Token) -> bool:
    text = token.text.replace(",", "").replace(".", "")
    if not text.isdigit():
        return False
    return not (len(text) == 4 and "," not in token.text and 1900 <= int(text) <= 2100)  # "March 2019" is a label


def _in_block(token: Token) -> bool:
    if _is_cell_number(token) or token.is_digit:
        return True
    if token.text in {".", ";", "!", "?", "|"}:
        return False
    if token.tag_ in _FINITE_VERBS and not _mistagged_label(token):
        return False
    return token.is_alpha or token.text in _LABEL_PUNCT or "-" in token.text or token.lower_ in _FUNCTION_WORDS


def _mistagged_label(token: Token) -> bool:
    """ "Returnees 120,500": a capitalised word the tagger read as a verb, standing against a cell's number, is a
    label; a verb of prose is written in lower case."""
    doc = token.doc
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return token.is_title and any(_is_cell_number(t) for t in beside)


def _groups(doc: Doc, index: int) -> list[Group]:
    start = index
    while start > 0 and index - start < _WINDOW and _in_block(doc[start - 1]):
        start -= 1
    end = index + 1
    while end < len(doc) and end - index < _WINDOW and _in_block(doc[end]):
        end += 1
    groups: list[Group] = []
    for i in range(start, end):
        numbers = _is_cell_number(doc[i])
        if groups and groups[-1].numbers == numbers:
            groups[-1] = Group(groups[-1].start, i + 1, numbers)
        else:
            groups.append(Group(i, i + 1, numbers))
    return groups


def _is_heading(doc: Doc, group: Group) -> bool:
    """ "KEY INDICATORS", "UNHCR PRESENCE Staff:": capitals or a label ending in a colon, before the first cell."""
    tokens = doc[group.start : group.end]
    return tokens[-1].text == ":" or all(t.is_upper or not t.is_alpha for t in tokens)


def _labels_lead(doc: Doc, groups: list[Group]) -> bool | None:
    """True when the block's labels stand before their numbers, False when after, None when it is no table."""
    if sum(g.numbers for g in groups) < _MIN_GROUPS:
        return None
    labels = [g for g in groups if not g.numbers]
    if any(not _capitalised(doc[g.start]) for g in labels[1:-1]):
        return None  # prose: a label of a table starts with a capital
    first = next((i for i, g in enumerate(groups) if g.numbers or not _is_heading(doc, g)), None)
    if first is None:
        return None
    return not groups[first].numbers


def row_label(doc: Doc, index: int) -> tuple[int, int, bool] | None:
    """The label cell of the number at token `index` in a flattened table: (start, end, before), token bounds of
    the label and whether it stands before the number; None when the number is not in such a block."""
    groups = _groups(doc, index)
    lead = _labels_lead(doc, groups)
    if lead is None:
        return None
    at = next(i for i, g in enumerate(groups) if g.start <= index < g.end)
    side = at - 1 if lead else at + 1
    if not 0 <= side < len(groups) or (lead is False and groups[at].end - groups[at].start > 1):
        return None
    label = groups[side]
    start, end = label.start, label.end
    if lead:
        end = next((i for i in range(start, end) if doc[i].text == "("), end)  # "Persons (IRPs)"
        start = end
        while start > label.start and _in_title_label(doc[start - 1]):
            start -= 1
    else:
        colon = next((i for i in range(start, end) if doc[i].text == ":"), None)
        if colon is not None:  # "International Staff Offices: 1 Sub Office": "Offices:" heads the next cells
            end = colon - 1
    return (start, end, lead) if start < end else None


def _in_title_label(token: Token) -> bool:
    """A word of a capitalised label, the parts of a hyphenated one included ("Asylum-seekers")."""
    if _capitalised(token) or token.text == "-":
        return True
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def _capitalised(token: Token) -> bool:
    """A word of a label: "Refugees", "TOTAL", and acronyms in the plural ("IDPs")."""
    return token.text[:1].isupper()
