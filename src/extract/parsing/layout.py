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
_OPENING_WINDOW = 400  # tokens searched back for where a block opens, which decides the side of its labels
_MIN_GROUPS = 3  # number groups a block needs before it is read as a table
_FINITE_VERBS = {"VBD", "VBZ", "VBP", "MD"}
_LABEL_PUNCT = {"(", ")", "/", "-", ":", "’s", "'s", "&", "+"}  # "(Pre-Influx + Influx)"
_SCALE_LETTERS = {"K", "k", "M", "m", "B", "bn"}
_SCALE_WORDS = {"thousand", "million", "billion", "trillion"}
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
    if _is_cell_number(token) or token.is_digit or _percent_sign(token.doc, token.i):
        return True
    if token.text in {".", ";", "!", "?", "|"}:
        return False
    if _percent_sign(token.doc, token.i):
        return True
    if token.tag_ in _FINITE_VERBS and not _mistagged_label(token):
        return False
    return token.is_alpha or token.text in _LABEL_PUNCT or "-" in token.text or token.lower_ in _FUNCTION_WORDS


def in_cell_run(doc: Doc, index: int) -> bool:
    """Whether the number at token `index` is one of three or more bare numbers side by side on one line
    ("Azad Kashmir 46,979 64 129 8,963 2,048 378 intervention"): the cells of a flattened table row, whose words
    after the last cell are the next column's or the page's, and whose cells count what their column header says."""
    if not _is_cell_number(doc[index]):
        return False
    first = last = index
    while first > 0 and _side_by_side(doc[first - 1], doc[first]):
        first -= 1
    while last + 1 < len(doc) and _side_by_side(doc[last], doc[last + 1]):
        last += 1
    return last - first + 1 >= _MIN_GROUPS


def _side_by_side(left: Token, right: Token) -> bool:
    """Two cell numbers with only spaces between them on one line."""
    return _is_cell_number(left) and _is_cell_number(right) and left.whitespace_ == " "


def scale_letter(doc: Doc, index: int) -> bool:
    """The "M" of "2.1M", a token of its own against the digits before it."""
    token = doc[index]
    return (
        token.text in _SCALE_LETTERS
        and index > 0
        and _is_cell_number(doc[index - 1])
        and not doc[index - 1].whitespace_
    )


def _percent_sign(doc: Doc, index: int) -> bool:
    """The "%" of "91%" in a row of cells, part of its cell ("Expenditure/yearly budget 91% PERSONNEL ...")."""
    return doc[index].text == "%" and index > 0 and _is_cell_number(doc[index - 1]) and not doc[index - 1].whitespace_


def scale_word(doc: Doc, index: int) -> bool:
    """The "million" of "3.7 million" in a row of cells: "Turkey 3.7 million Colombia 1.7 million" has five
    cells, each a number and its scale word, not labels starting "million"."""
    token = doc[index]
    return token.lower_ in _SCALE_WORDS and index > 0 and _is_cell_number(doc[index - 1])


def _split_labels(doc: Doc, group: Group) -> list[tuple[int, int]]:
    """The labels of a run written one after another, each from a capitalised word: "People in need People
    targeted Partners" -> three."""
    starts = [i for i in range(group.start, group.end) if _capitalised(doc[i]) and doc[i].is_alpha]
    if not starts or starts[0] != group.start:
        return []
    return [(a, b) for a, b in zip(starts, [*starts[1:], group.end], strict=True)]


def _mistagged_label(token: Token) -> bool:
    """ "Returnees 120,500": a capitalised word the tagger read as a verb, standing against a cell's number, is a
    label; a verb of prose is written in lower case. "People targeted", "(cases closed)": a participle after a
    label's noun."""
    doc = token.doc
    beside = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    if token.tag_ == "VBD" and token.lower_.endswith("ed") and token.i > 0:
        before = doc[token.i - 1]
        if _capitalised(before) or (before.tag_ == "NNS" and _in_brackets(token)):
            return True  # "People targeted", "Households reached", "(tracing cases closed)": a label's participle
        if _before_cell(token) or _in_label_after_cell(token):
            return True  # "places of detention visited 286", "19,980 Tracing cases closed positively"
    return token.is_title and any(_is_cell_number(t) for t in beside)


def _before_cell(token: Token) -> bool:
    """The word ends a row label: a cell's number follows it, directly or after an adverb ("monitored
    individually 7,597")."""
    doc = token.doc
    for i in range(token.i + 1, min(len(doc), token.i + 3)):
        if _is_cell_number(doc[i]):
            return True
        if doc[i].pos_ not in {"ADV", "ADP", "PART"} or not doc[i].is_alpha:
            return False
    return False


_LABEL_WALK = 12  # words of a label before its participle


def _in_label_after_cell(token: Token) -> bool:
    """Whether the participle `token` stands in a label that opens right after a cell, with only lower-case words
    of the label between: at a capital after the cell's number ("19,980 Tracing cases closed") or after a heading
    in capitals ("DETENTION Places of detention visited"), or at a sub-row's "of whom" ("of whom visited and
    monitored individually")."""
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - _LABEL_WALK - 1), -1):
        word = doc[i]
        if i > 0 and sub_row(doc, i - 1):
            return True
        if _capitalised(word) and word.is_alpha:  # the label's first word, after a cell or a heading in capitals
            return i > 0 and (_is_cell_number(doc[i - 1]) or (doc[i - 1].is_upper and len(doc[i - 1]) > 1))
        if not (word.is_alpha or word.text in {"(", ")", "/"}) or (word.tag_ in _FINITE_VERBS and word.tag_ != "VBD"):
            return False
    return False


def _in_brackets(token: Token) -> bool:
    """Whether `token` stands inside a bracket opened a few words before it: a label's note, "(cases closed)"."""
    doc = token.doc
    for i in range(token.i - 1, max(-1, token.i - 8), -1):
        if doc[i].text in {")", "\n"} or "\n" in doc[i].text:
            return False
        if doc[i].text == "(":
            return True
    return False


def _groups(doc: Doc, index: int) -> list[Group]:
    start = index
    while start > 0 and index - start < _OPENING_WINDOW and _in_block(doc[start - 1]):
        start -= 1
    end = index + 1
    while end < len(doc) and end - index < _WINDOW and _in_block(doc[end]):
        end += 1
    groups: list[Group] = []
    for i in range(start, end):
        numbers = _is_cell_number(doc[i]) or scale_letter(doc, i) or scale_word(doc, i) or _percent_sign(doc, i)
        if groups and groups[-1].numbers == numbers:
            groups[-1] = Group(groups[-1].start, i + 1, numbers)
        else:
            groups.append(Group(i, i + 1, numbers))
    return groups


def _is_heading(doc: Doc, group: Group) -> bool:
    """ "KEY INDICATORS", "UNHCR PRESENCE Staff:": capitals or a label ending in a colon, before the first cell."""
    tokens = doc[group.start : group.end]
    return tokens[-1].text == ":" or all(t.is_upper or not t.is_alpha for t in tokens)


def _ends_in_heading(doc: Doc, group: Group) -> bool:
    """ "... affected by the r POPULATION OF CONCERN IRAQ INTER-AGENCY OPERATIONAL UPDATE - SYRIA 246,051 Syrians
    refugees": the words before the first cell end in a heading in capitals (three words or more), which the lines
    joined into one with the text before it; the block opens after it."""
    words = 0
    for token in reversed(doc[group.start : group.end]):
        if token.is_alpha and not token.is_upper:
            break
        words += token.is_alpha and len(token.text) > 1
    return words >= 3


def _page_number_header(doc: Doc, groups: list[Group]) -> bool:
    """ "436 ICRC ANNUAL REPORT 2019 NEAR AND MIDDLE EAST ASSISTANCE 2019 Targets ...": a page number and the
    running header in capitals (with its year) that a PDF copy puts before a table; the block opens after them."""
    if len(groups) < 2 or not groups[0].numbers or groups[0].end - groups[0].start > 2:  # "57 436": count, page
        return False
    words = doc[groups[1].start : groups[1].end]
    capitals = 0
    for token in words:
        if not (token.is_upper or token.is_digit):
            break
        capitals += token.is_alpha and len(token.text) > 1
    head = words[: next((i for i, t in enumerate(words) if not (t.is_upper or t.is_digit)), len(words))]
    return capitals >= 2 and any(t.is_digit and len(t.text) == 4 and 1900 <= int(t.text) <= 2100 for t in head)


def _labels_lead(doc: Doc, groups: list[Group]) -> bool | None:
    """True when the block's labels stand before their numbers, False when after, None when it is no table."""
    if sum(g.numbers for g in groups) < _MIN_GROUPS:
        return None
    labels = [g for g in groups if not g.numbers]
    colons = [g for g in labels if doc[g.end - 1].text == ":"]
    if len(colons) >= 2 and len(colons) >= len(labels) - 1:
        return None  # "Households receiving winter kits: 1,200 Detainees visited: 3,450": rows of their own, each label
        # ending in a colon (quantities/labels.py reads them, the label in the figure's span)
    if any(not (_capitalised(doc[g.start]) or sub_row(doc, g.start, g.end)) for g in labels[1:-1]):
        return None  # prose: a label of a table starts with a capital, or is a sub-row's "of whom ..."
    skip = 1 if _page_number_header(doc, groups) else 0
    first = next(
        (
            i
            for i, g in enumerate(groups)
            if i >= skip and (g.numbers or not (_is_heading(doc, g) or _ends_in_heading(doc, g)))
        ),
        None,
    )
    if first is None:
        return None
    if first == 0 and groups[0].numbers and _after_a_participle(doc, groups[0].start):
        return True  # "Places of detention visited 283 Detainees ...": the block opens after its first label
    return not groups[first].numbers


def _after_a_participle(doc: Doc, index: int) -> bool:
    """Whether the token before `index` is a participle in lower case ending a label ("... visited 283"), which
    the tagger read as a verb of prose and so cut from the block."""
    before = doc[index - 1] if index > 0 else None
    return before is not None and before.is_lower and before.lower_.endswith("ed") and before.tag_ in {"VBD", "VBN"}


def _in_order(doc: Doc, groups: list[Group], index: int) -> tuple[int, int, bool] | None:
    """Key figures written as a run of numbers, then their labels in the same order: "2.1M 640K 37 People in need
    People targeted Partners". The number at `index` takes the label of its rank, when the counts agree."""
    at = next(i for i, g in enumerate(groups) if g.start <= index < g.end)
    if not groups[at].numbers or at + 1 >= len(groups) or (at > 0 and not _is_heading(doc, groups[at - 1])):
        return None
    cells = [i for i in range(groups[at].start, groups[at].end) if _is_cell_number(doc[i])]
    labels = _split_labels(doc, groups[at + 1])
    if len(cells) < _MIN_GROUPS or len(labels) != len(cells) or index not in cells:
        return None
    start, end = labels[cells.index(index)]
    return start, end, False


def row_label(doc: Doc, index: int) -> tuple[int, int, bool] | None:
    """The label cell of the number at token `index` in a flattened table: (start, end, before), token bounds of
    the label and whether it stands before the number; None when the number is not in such a block."""
    groups = _groups(doc, index)
    if (in_run := _in_order(doc, groups, index)) is not None:
        return in_run
    lead = _labels_lead(doc, groups)
    if lead is None:
        return None
    at = next(i for i, g in enumerate(groups) if g.start <= index < g.end)
    side = at - 1 if lead else at + 1
    if not 0 <= side < len(groups):
        return None
    if lead is False and groups[at].end - groups[at].start > 1:
        return None
    label = groups[side]
    start, end = label.start, label.end
    if lead and sub_row(doc, start, end):
        return start, end, lead  # "of whom unaccompanied minors 33": a sub-row of the row before
    if lead:
        close = next((i for i in range(end - 1, start - 1, -1) if doc[i].text == ")"), None)
        if close is not None and close + 1 < end:  # "BUDGET (in KCHF) Protection 12,400": the words after it
            start = close + 1
        end = next((i for i in range(start, end) if doc[i].text == "("), end)  # "Persons (IRPs)"
        first = start
        start = end
        while start > first and _in_title_label(doc[start - 1]):
            start -= 1
        if start == end and _capitalised(doc[first]):  # "Internally displaced people 40,000": sentence case
            start = first
        while start + 1 < end and _heading_word(doc[start]) and _title_word(doc[start + 1]):
            start += 1  # "DETENTION Places of detention visited 210": a section heading before the row's label
    else:
        colon = next((i for i in range(start, end) if doc[i].text == ":"), None)
        if colon is not None:  # "International Staff Offices: 1 Sub Office": "Offices:" heads the next cells
            end = colon - 1
    return (start, end, lead) if start < end else None


_SUB_ROW_PRONOUNS = {"whom", "which"}


def sub_row(doc: Doc, start: int, end: int | None = None) -> bool:
    """Whether a sub-row's label opens at token `start` (and runs to `end`, by default the text's end): "of whom
    unaccompanied minors/separated children 840", "of whom visited individually 31,531", "of which: Overheads
    21,231". A row that details the row before it opens in lower case, and is a table's label all the same."""
    end = len(doc) if end is None else end
    return start + 2 < end and doc[start].lower_ == "of" and doc[start + 1].lower_ in _SUB_ROW_PRONOUNS


def labelled_after(doc: Doc, index: int) -> bool:
    """The number at `index` is a cell of a key-figures block whose labels follow their numbers: "... in Nduta
    Camp 5,322 Total population in Mtendeli Camp": "Camp" ends the row before, it does not name the number."""
    found = row_label(doc, index)
    if found is None or found[2]:
        return False
    return any(t.is_alpha and t.is_lower for t in doc[found[0] : found[1]])  # a label, not a title ("Map 1 SUDAN")


def _in_title_label(token: Token) -> bool:
    """A word of a capitalised label, the parts of a hyphenated one included ("Asylum-seekers")."""
    if _capitalised(token) or token.text == "-":
        return True
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def _title_word(token: Token) -> bool:
    return _capitalised(token) and not token.is_upper


def _heading_word(token: Token) -> bool:
    """A word of a section heading in capitals ("PROTECTION", "WOUNDED"), not an acronym in the plural ("IDPs")."""
    return token.is_alpha and token.is_upper and len(token.text) > 1


def _capitalised(token: Token) -> bool:
    """A word of a label: "Refugees", "TOTAL", and acronyms in the plural ("IDPs")."""
    return token.text[:1].isupper()
