"""Counted nouns taken from a label instead of the words after the figure: table cells, units columns, line
and row labels, "of whom" cells."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from extract.models import Kind, Quantity
from extract.parsing import layout
from extract.parsing.doc_text import doc_text
from extract.parsing.figures import Figure
from extract.parsing.quantities.tokens import (
    _CELL_SEPARATORS,
    _HYPHENS,
    _MAX_LABEL_TOKENS,
    _NAME_LABELS,
    _bracketed_currency,
    _capital_at,
    _capitalised,
    _char_span,
    _glued_to_label,
    _label_text,
    _of_complement,
    _plural,
    _token_at_or_after,
)

_MAX_LINE_LABEL_TOKENS = 16
_SENTENCE_VERB_TAGS = {"VBZ", "VBP", "MD"}
_CLAUSE_TAGS = {"VBN", "VBD", "VBG", "IN"}
_LINE_LABEL_STOPS = {".", "!", "?", ";", ":", "|", "$", "%"}


_ITEM_BULLETS = frozenset("•▪●◦■")


def _bullet_at(doc: Doc, index: int) -> bool:
    """Whether the token at `index` is a list item's bullet."""
    return 0 <= index < len(doc) and doc[index].text in _ITEM_BULLETS


def _ends_line(doc: Doc, index: int) -> bool:
    """Whether the token at `index` (the one after a figure) ends the line: a line break, or the end of the text."""
    return index >= len(doc) or (doc[index].is_space and "\n" in doc[index].text)


def _opens_cell(doc: Doc, index: int, start: int) -> bool:
    """Whether a label cell starts at token `index` of a label that starts at `start`: its first word, a word
    glued to the one before it ("linksRCMs"), or a capitalised word after a word in lower case ("Food consumption
    Beneficiaries": the cell naming what is counted). A word of a label in title case ("Involuntary Relocated
    Persons") opens no cell of its own."""
    token = doc[index]
    if not token.is_alpha or (at := _capital_at(token)) is None:
        return False
    if index == start or at > 0:
        return True
    before = doc[index - 1]
    return before.is_alpha and before.text[:1].islower()


def _in_label(token: Token) -> bool:
    return (
        not token.is_space
        and token.text not in _CELL_SEPARATORS
        and not token.like_num
        and (not token.is_punct or token.text in _HYPHENS)
    )


def _label_noun_before(doc: Doc, index: int) -> list[Token] | None:
    """The noun of the row label ending before token `index`, past its participle: "Health centres supported
    (Structures)" -> "Health centres", "Hospitals supported" -> "Hospitals"; None when no plural noun ends it."""
    end = index - 1
    while end >= 0 and doc[end].tag_ in {"VBN", "VBD"}:
        end -= 1
    if end < 0 or not _plural(doc[end]):
        return None
    start = end
    while (
        start > 0
        and not doc[start].text[:1].isupper()
        and doc[start - 1].is_alpha
        and doc[start - 1].pos_
        in {
            "NOUN",
            "PROPN",
        }
    ):
        start -= 1  # "Health centres": back to the label's capitalised first word
    if not doc[start].text[:1].isupper():
        return None
    return list(doc[start : end + 1])


class LabelReading:
    """The label readers of `QuantityRecognizer`."""

    def _slashed(self, doc: Doc, index: int, end: int) -> list[Token]:
        """The second name of a label's noun written with a slash: "minors/separated children" (tokens up to `end`)."""
        if index + 1 >= end or doc[index].text != "/" or doc[index].whitespace_ or doc[index - 1].whitespace_:
            return []
        run = self._noun_run(doc, index + 1, trim_leading=False)
        return [doc[index], *run] if run and run[0].i == index + 1 and run[-1].i < end else []

    def _units_column(self, doc: Doc, figure: Figure) -> list[Token] | None:
        """An annual-report table's units column, written between the row label and the cells: "Food commodities
        Beneficiaries 6,637,804" counts beneficiaries; a generic one ("Health centres supported Structures 85")
        counts the noun of the row label before it, health centres. The cells may be two ("Structures 149 140")."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None or len(number) != 1:
            return None
        index = number.start - 1
        while index >= 0 and number.start - index <= 2 and doc[index].like_num and not doc[index].is_alpha:
            index -= 1  # "Beneficiaries 2,013,575 1,970,217": the second cell of the row
        if index < 0 or not doc[index].text[:1].isupper() or doc[index].lower_ not in self.words["units_column_words"]:
            return None
        column = doc[index]
        if column.lower_ not in self.words["generic_units_column_words"]:
            return [column]
        return _label_noun_before(doc, column.i)

    def _table_cell_label(self, doc: Doc, figure: Figure) -> list[Token] | None:
        """The row label of a cell in a table flattened into text (parsing/layout.py): the label on the side the
        block's layout puts labels, never the neighbouring row's."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        last = number.end - 1 if number is not None else 0
        if number is None or not (
            len(number) == 1 or (len(number) == 2 and (layout.scale_letter(doc, last) or layout.scale_word(doc, last)))
        ):
            return None
        if (found := layout.row_label(doc, number.start)) is None:
            return None
        start, end, before = found
        if before:  # "Asylum-seekers 10,000 8,000": the label as written, from where its noun phrase starts
            return self._label_before(doc, start, end)
        if end - start > 2 and doc[start].lower_ in {"number", "total"} and doc[start + 1].lower_ == "of":
            start += 2  # "752,670 Number of returnees"
        noun = self._counted_noun(doc, start)
        return [t for t in noun if t.i < end]

    def _label_before(self, doc: Doc, start: int, end: int) -> list[Token]:
        """The counted noun of a row label (tokens `start` to `end`) written before its cells, as written from
        where its noun phrase starts; [] when it names none (a place, "Kabul 1,200")."""
        if (noun := self._label_noun(doc, start, end))[0] and noun[1] == _label_text(noun[0]):
            return noun[0]
        if (covering := self._covering_label(doc, start, end)) is not None:
            return covering
        if end - start == 1 and doc[start].is_alpha and _plural(doc[start]):
            return [doc[start]]  # "Returnees 120,500": one plural word, though the tagger read a verb
        return []

    def _covering_label(self, doc: Doc, start: int, end: int) -> list[Token] | None:
        """The label as written, from where a noun phrase running to its end starts ("Formerly Deported Persons");
        [] for a place ("Kabul 1,200"), None when no noun phrase ends the label."""
        for first in range(start, end):
            run = self._noun_run(doc, first, trim_leading=False)
            if run and run[0].i == first and run[-1].i == end - 1:
                return [] if run[-1].ent_type_ in _NAME_LABELS else list(doc[first:end])
        return None

    def _label_noun(self, doc: Doc, start: int, end: int) -> tuple[list[Token], str]:
        """The counted noun of a label before its cell (tokens and text), read from the label's last capitalised
        word: "RCMs collected", "Phone calls facilitated between family members" (a participle clause after the
        noun), "Number of visits carried out", and "Food consumption Beneficiaries", where a capital after the
        words of a sentence-case label opens the cell that names what is counted. A word glued to the one before
        it ("family linksRCMs collected", as a PDF copy joins cells) starts from its capital. The noun must be a
        plural, not a name; ([], "") when the label is none of these."""
        none: tuple[list[Token], str] = ([], "")
        if end > start and doc[end - 1].text == ")":  # "People located (tracing cases closed positively)"
            end = next((i for i in range(end - 1, start - 1, -1) if doc[i].text == "("), end)
        first = next((i for i in range(end - 1, start - 1, -1) if _opens_cell(doc, i, start)), None)
        if first is None or any(t.pos_ == "AUX" or t.tag_ in _SENTENCE_VERB_TAGS for t in doc[first + 1 : end]):
            return none
        run = self._noun_run(doc, first, trim_leading=False)
        if not run and doc[first].lower_.endswith("s") and first + 1 <= end:
            run = [doc[first]]  # "Beneficiaries 7,316,707", "linksRCMs": a plural word the tagger read otherwise
        if not run or run[0].i != first or run[-1].i >= end:
            return none
        if (counted := self._number_of(doc, run)) is not None:
            run = counted + _of_complement(doc, counted[-1].i + 1)  # "Number of places of detention visited 1,728"
        elif not _plural(run[-1]):
            return none
        else:
            run += self._slashed(doc, run[-1].i + 1, end)  # "unaccompanied minors/separated children"
            run += _of_complement(doc, run[-1].i + 1)  # "Places of detention visited"
        after = run[-1].i + 1
        if after < end and not (doc[after].tag_ in _CLAUSE_TAGS or doc[after].lower_.endswith("ed")):
            return none  # the words after the noun are no participle clause: not a label this reader knows
        run = [t for t in run if t.i < end]
        begin = doc[first].idx + (_capital_at(doc[first]) or 0) if run[0].i == first else run[0].idx
        return run, doc_text(doc)[begin : run[-1].idx + len(run[-1])]

    def _of_whom(
        self, doc: Doc, start: int, end: int, figure: Figure, previous: list[Quantity]
    ) -> tuple[Figure, list[Token]] | None:
        """A sub-row's label "of whom ..." or "of which ..." (tokens `start` to `end`, layout.sub_row): "of whom
        unaccompanied minors 33" counts the noun after "of whom", "of which: Overheads 21,231" its own label's, "of
        whom visited and monitored individually 31,531" the noun of the row before."""
        first = start + 3 if doc[start + 2].text == ":" else start + 2
        noun = self._noun_run(doc, first, trim_leading=False) if first < end else []
        if noun and noun[0].i == first and noun[-1].i < end:
            noun += self._slashed(doc, noun[-1].i + 1, end)
            return replace(figure, unit=doc[noun[0].i : noun[-1].i + 1].text), noun
        if first < end and _capital_at(doc[first]) is not None and (label := self._label_before(doc, first, end)):
            return replace(figure, unit=_label_text(label)), label  # "of which: Overheads", a label of its own
        if previous and previous[-1].kind is Kind.COUNT and previous[-1].unit:
            return replace(figure, unit=previous[-1].unit), []
        return None

    def _of_whom_cell(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]] | None:
        """A cell of a flattened table whose row label is a sub-row's "of whom ..." (parsing/layout.py)."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None or len(number) != 1 or (found := layout.row_label(doc, number.start)) is None:
            return None
        start, end, before = found
        if not before or not layout.sub_row(doc, start, end):
            return None
        return self._of_whom(doc, start, end, figure, previous) or (figure, [])

    def _line_label(self, doc: Doc, figure: Figure, previous: list[Quantity]) -> tuple[Figure, list[Token]] | None:
        """A statistics table flattened one row a line ("Detainees visited 756,158"): a count that ends its line
        (or is glued to the next row's label, "840PEOPLE DEPRIVED"), after a label that opens the line or follows
        the cell before, counts the label's noun ("detainees"); "of whom visited and monitored individually 31,531"
        counts the noun after "of whom", else the noun of the row before. None when the figure is not the last
        cell of such a row."""
        number = _char_span(doc, figure.number_start, figure.number_end)
        if number is None:
            return None
        # "• People in need 302.2 million • People targeted ...": a key figure ending its bulleted item, the items
        # joined in one line
        bulleted = _bullet_at(doc, number.end)
        if not (_ends_line(doc, number.end) or _glued_to_label(doc, number.end) or bulleted):
            return None
        start, opened = number.start, False
        while number.start - start <= _MAX_LINE_LABEL_TOKENS:
            if start == 0 or "\n" in doc[start - 1].text or doc[start - 1].like_num or _bullet_at(doc, start - 1):
                opened = True  # the label opens its line, or follows the cell of the row before ("840PEOPLE")
                break
            start -= 1
            if _capital_at(doc[start]) not in (None, 0):  # "visitsPlaces of detention visited": from its capital
                opened = True
                break
        if start == number.start or not opened:
            return None
        label = doc[start : number.start]
        if any(t.like_num or t.text in _LINE_LABEL_STOPS for t in label):
            return None
        if bulleted and (not _bullet_at(doc, start - 1) or any(t.tag_ in _SENTENCE_VERB_TAGS for t in label)):
            return None  # "• The team reached 300 • ...": a sentence's item, not a key figure's label
        if layout.sub_row(doc, start, number.start):
            return self._of_whom(doc, start, number.start, figure, previous)
        if _capital_at(label[0]) is None or not label[0].is_alpha:
            return None
        noun, unit = self._label_noun(doc, start, number.start)
        if not noun:
            covering = self._covering_label(doc, start, number.start)
            if not covering or not _plural(covering[-1]):
                return None
            if all(t.is_alpha and _capitalised(t) for t in doc[start : number.start]):
                covering = list(doc[start : number.start])  # a label in title case, whole: "Formerly Deported Persons"
            noun, unit = covering, doc[covering[0].i : covering[-1].i + 1].text
        return replace(figure, unit=unit), noun

    def _row_label(self, doc: Doc, figure: Figure) -> tuple[list[Token], str | None]:
        """In a table row read as text ("Households receiving winter kits | 1,200"), a figure that starts a cell
        and ends its row counts the noun of the label cell before it, not the words of the next row; a currency in
        brackets ending the label ("Cash grants (CHF)") is returned with it."""
        first = _token_at_or_after(doc, figure.start)
        assert first is not None
        end = first - 1  # the cell separator
        code = _bracketed_currency(doc, end - 3) if end >= 3 else None
        if code:
            end -= 3  # "Cash grants (CHF) | 3.2 million": the label's noun is before its currency
        start = end
        while start > 0 and first - start <= _MAX_LABEL_TOKENS and _in_label(doc[start - 1]):
            start -= 1
        label = doc[start:end]
        if not label or not label[0].is_title or any(token.pos_ == "AUX" for token in label):
            return [], None  # a label is a capitalised noun phrase: "The results were clear: 45" is a sentence
        noun = self._counted_noun(doc, start)
        if not noun and len(label) == 1 and label[0].is_alpha:
            noun = [label[0]]  # "Returnees: 3,400": one word, though the tagger read a verb
        if not noun or noun[0].i != start or not (_plural(noun[-1]) or code):  # "Budget (USD) | 4,500,000"
            return [], None
        return noun, code
