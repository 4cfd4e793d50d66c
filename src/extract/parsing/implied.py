"""Counted nouns the text implies rather than writes after the figure.

A figure with no noun after it still often says what it counts: "26,609 of these detainees", "7.6 million of those
who..." (the noun counted before), "the number of returnees keeps rising, with 8,200 arriving" (the noun of "the
number of" before it), "with 2,500 people and now has around 6,000" (the noun of the figure before it
in the same sentence), "returnees (120,500)" (the noun before the bracket), "kill three, displace thousands" (a
verb said of people). Each rule here reads only the parse and the figures already read; when none applies the unit
stays None rather than a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from spacy.tokens import Doc, Span, Token

from extract.models import Kind, Qualifier, Quantity
from extract.parsing.doc_text import doc_text
from extract.resources import load_json

NounReader = Callable[[Doc, int], list[Token]]
PEOPLE = "people"
_DEMONSTRATIVES = {"these", "those", "the", "them", "which", "whom", "us"}
_FIRST_PERSON = {"us"}  # "more than 1,000 of us": the speakers, people
_REFERRING = {"them", "those", "these", "whom", "which"}
_POSSESSIVES = {"her", "his", "their", "its", "our", "your", "my"}  # "four of her children"
_AMONG = {"among", "amongst"}


@cache
def _lexicon() -> dict[str, frozenset[str]]:
    lex = load_json("units.json")["implied"]
    return {key: frozenset(word.lower() for word in words) for key, words in lex.items() if key != "_doc"}


def people_words() -> frozenset[str]:
    """The verbs and participles said of people ("displaced", "killed"): a figure they describe counts people."""
    return _lexicon()["people_verbs"]


def bounds_a_named_group(doc: Doc, first: int) -> bool:
    """ "children under 5", "people over 60", "those younger than 18": the number after a plural noun and a bound
    word labels that group."""
    for width in (2, 1):  # "younger than", "under"
        start = first - width
        if start >= 1 and doc[start:first].text.lower() in _lexicon()["group_bounds"]:
            return doc[start - 1].tag_ in ("NNS", "NNPS")
    return False


def antecedent_unit(
    doc: Doc, index: int, previous: Sequence[Quantity], sentences: int = 1, value: float | None = None
) -> str | None:
    """The unit of the nearest count before token `index`, in its sentence or up to `sentences - 1` sentences
    before it. With the figure's `value`, a count a thousandth of it or less is passed over for an earlier one
    near its size: "over 76 million people in thirty-one countries compared to 52 million" counts people; so is a
    count saying where an earlier one is ("people in 132 districts"). None when no count is left."""
    start_char = doc[index].idx
    first = _sentence_start(doc, index, sentences)
    for quantity in reversed(previous):
        if quantity.start < first:
            break
        counted = quantity.kind is Kind.COUNT and quantity.unit and quantity.end <= start_char
        if counted and not _far_smaller(quantity, value) and not _locates_a_count(doc, quantity, previous, first):
            return quantity.unit
    return None


def _locates_a_count(doc: Doc, quantity: Quantity, previous: Sequence[Quantity], first: int) -> bool:
    """ "140,000 people in 27 provinces in 132 districts": a count after a locating preposition that follows
    another count of the sentence says where that count is, not what a bare figure after them counts."""
    words = doc_text(doc)[first : quantity.start].split()
    if not words or words[-1].lower() not in _lexicon()["locating_prepositions"]:
        return False
    return any(q.kind is Kind.COUNT and first <= q.start and q.end <= quantity.start for q in previous)


_FAR_SMALLER = 1000


def _far_smaller(quantity: Quantity, value: float | None) -> bool:
    size = quantity.value if quantity.value is not None else quantity.high
    return value is not None and size is not None and value >= _FAR_SMALLER and size * _FAR_SMALLER <= value


def nearest_count_unit(doc: Doc, index: int, previous: Sequence[Quantity], value: float | None = None) -> str | None:
    """The unit of the figure right before token `index` in the sentence before, when that figure is a count with a
    noun: "65.3 million individuals were forcibly displaced ... This is 5.8 million more than the previous year". A
    figure of another kind between them ("40 litres per person, up from 12") stops the search, and so does a count
    a thousandth of the figure's `value` or less ("three islands ... Around 4,600 lost power": not islands)."""
    first = _sentence_start(doc, index, 2)
    start_char = doc[index].idx
    before = [q for q in previous if first <= q.start and q.end <= start_char]
    if not before or before[-1].kind is not Kind.COUNT or _far_smaller(before[-1], value):
        return None
    if _locates_a_count(doc, before[-1], previous, first):
        return None  # "about 90,000 in 61 districts, an increase of about 8,000": where, not what
    return before[-1].unit


def hedged_antecedent(doc: Doc, index: int, qualifier: Qualifier, previous: Sequence[Quantity]) -> str | None:
    """ "Almost 5.4 million people are in its path. Of these, nearly 3.2 million are ...": a hedged or vague bare
    amount whose nearest count before it, in its sentence or the one before, counts people counts people too. Only
    people: an estimate restated without its noun is of the people a report counts, while other nouns ("three
    islands") are seldom what a bare estimate after them counts. None for an exact figure."""
    if qualifier is Qualifier.EXACT:
        return None
    return PEOPLE if antecedent_unit(doc, index, previous, sentences=2) == PEOPLE else None


def _sentence_start(doc: Doc, index: int, sentences: int) -> int:
    if not doc.has_annotation("SENT_START"):
        return 0
    sent = doc[index].sent
    for _ in range(sentences - 1):
        if sent.start == 0:
            break
        sent = doc[sent.start - 1].sent
    return sent.start_char


def of_demonstrative(
    doc: Doc, first: int, index: int, nouns: NounReader, previous: Sequence[Quantity]
) -> tuple[list[Token], str | None]:
    """ "26,609 of these detainees": the noun after the demonstrative; "16 of the 18 states": the noun of the
    whole; "7.6 million of those who..." or "two of them": the unit of the count before (this sentence or the
    previous one). `first` is the figure's first token, `index` the token after it."""
    determiner = doc[index + 1].lower_ if index + 1 < len(doc) else ""
    if doc[index].lower_ == "of" and _whole_number(doc[index + 1 : index + 2]) and index + 2 < len(doc):
        whole = nouns(doc, index + 2)  # "27 of 34 provinces": the part counts what the whole counts
        if whole and whole[0].i == index + 2:
            return [], doc[whole[0].i : whole[-1].i + 1].text
    if doc[index].lower_ in _AMONG and determiner in _REFERRING:  # "165,422 among them are returnees": as "of them"
        named = _named_by_copula(doc, index + 2, nouns)
        return [], named or antecedent_unit(doc, first, previous, sentences=2)
    if doc[index].lower_ == "of" and (owner := _named_possessor(doc, index + 1)):
        whole = _possessor_then_whole(doc, owner, nouns)  # "seven of South Sudan's 10 states": states
        if whole is None and (noun := nouns(doc, owner[-1].i + 2)) and noun[0].i >= owner[-1].i + 2:
            return noun, None  # "two of Nigeria's cities"
        return [], whole
    if doc[index].lower_ != "of" or determiner not in _DEMONSTRATIVES | _POSSESSIVES:
        return [], None
    if determiner in _FIRST_PERSON:
        return [], PEOPLE
    noun = nouns(doc, index + 2) if determiner in {"these", "those", "the"} | _POSSESSIVES else []
    if noun and (whole := _possessor_then_whole(doc, noun, nouns)):
        return [], whole  # "150 of the village's 1,800 residents": the part counts what the whole counts
    if noun and noun[0].i >= index + 2:  # from the noun phrase's own start, or its head after a possessor
        return noun, None
    if doc[index + 1].lower_ == "the" and index + 3 < len(doc) and doc[index + 2].like_num:
        whole = nouns(doc, index + 3)  # "16 of the 18 states": the part counts what the whole counts
        if whole and whole[0].i == index + 3:
            return [], doc[whole[0].i : whole[-1].i + 1].text
    if doc[index + 1].lower_ in _REFERRING:
        if named := _named_by_copula(doc, index + 2, nouns):
            return [], named
        return [], antecedent_unit(doc, first, previous, sentences=2)
    return [], None


def _whole_number(tokens: Span) -> bool:
    """A whole's count in digits, not a year: "34" of "27 of 34 provinces", not "2021"."""
    if len(tokens) != 1 or not tokens[0].like_num or not tokens[0].text[:1].isdigit():
        return False
    digits = tokens[0].text.replace(",", "")
    return not (len(digits) == 4 and digits.isdecimal() and 1800 <= int(digits) <= 2100)


def of_possessive(doc: Doc, index: int) -> bool:
    """ "of her", "of their", "of South Sudan's" after a number: the noun after the possessive is what the number
    counts."""
    if index + 1 >= len(doc) or doc[index].lower_ != "of":
        return False
    return doc[index + 1].lower_ in _POSSESSIVES or bool(_named_possessor(doc, index + 1))


_MAX_NAME_TOKENS = 4


def _named_possessor(doc: Doc, index: int) -> list[Token]:
    """The proper name before a possessive "'s" starting at token `index` ("South Sudan" of "South Sudan's"), []
    when there is none."""
    end = index
    while end < len(doc) and end - index < _MAX_NAME_TOKENS and doc[end].pos_ == "PROPN":
        end += 1
    if end == index or end >= len(doc) or doc[end].tag_ != "POS":
        return []
    return list(doc[index:end])


def _possessor_then_whole(doc: Doc, possessor: list[Token], nouns: NounReader) -> str | None:
    """The counted noun of a whole owned by the noun read after "of the": "the village's 1,800 residents"."""
    after = possessor[-1].i + 1
    if after + 2 >= len(doc) or doc[after].tag_ != "POS" or not doc[after + 1].like_num:
        return None
    whole = nouns(doc, after + 2)
    return doc[whole[0].i : whole[-1].i + 1].text if whole and whole[0].i == after + 2 else None


def named_by_copula(doc: Doc, last: int, nouns: NounReader) -> list[Token]:
    """ "6,729 patients, of which 2,768 were children", "of whom 1,200 are women", "more than 165,422 among them are
    returnees": the plural noun a copula right after a bare figure (or after its "among them") says the counted
    things are; [] when the copula says something else ("were for children", "were monitored", "are in Juba")."""
    index = last + 1
    if index + 1 < len(doc) and doc[index].lower_ in _AMONG and doc[index + 1].lower_ in _REFERRING:
        index += 2
    return _copula_noun(doc, index, nouns, finite=True)


_COPULA_TAGS = {"VBD", "VBZ", "VBP"}  # "were", "is", "are": a finite copula, not "being"


def _named_by_copula(doc: Doc, index: int, nouns: NounReader) -> str | None:
    """ "1,200 of them were children": the plural noun a copula after "of them" says the part is; None when the
    copula says something else ("of them were injured", "of them are in hospital")."""
    noun = _copula_noun(doc, index, nouns, finite=False)
    return doc[noun[0].i : noun[-1].i + 1].text if noun else None


def _copula_noun(doc: Doc, index: int, nouns: NounReader, *, finite: bool) -> list[Token]:
    """The plural noun that the copula at token `index` names. `finite`: the copula must be finite and only the
    adjectives the noun reader drops may stand between ("are Chadian returnees"), as a bare figure needs."""
    if index + 1 >= len(doc) or doc[index].lemma_ != "be" or (finite and doc[index].tag_ not in _COPULA_TAGS):
        return []
    noun = nouns(doc, index + 1)
    if not noun or noun[0].i < index + 1 or noun[-1].tag_ not in {"NNS", "NNPS"}:
        return []
    if finite and any(t.pos_ not in {"ADJ", "NOUN", "PROPN", "PUNCT", "CCONJ"} for t in doc[index + 1 : noun[0].i]):
        return []
    return noun


def bracketed(
    doc: Doc, first: int, last: int, nouns: NounReader, previous: Sequence[Quantity]
) -> tuple[list[Token], str | None]:
    """ "returnees (120,500)": a figure alone in brackets counts the plural noun right before the bracket. In a
    list of such items the first item decides for all: "1.85 million people through nutrition (631,000), relief
    (1 million) and livelihoods (33,600)" breaks the people down by programme, each item counting people."""
    if first < 2 or last + 1 >= len(doc) or doc[first - 1].text != "(" or doc[last + 1].text != ")":
        return [], None
    noun = doc[first - 2]
    start = noun.i
    while start > 0 and doc[start - 1].tag_ in {"NN", "NNS", "JJ", "VBN"}:
        start -= 1
    if start >= 2 and doc[start - 1].lower_ in {",", "and", "or"} and previous:
        gap = 2 if doc[start - 2].text == "," and start >= 3 else 1  # "(1 million), and livelihoods"
        close = doc[start - 1 - gap] if doc[start - 1 - gap].text == ")" else doc[start - 2]
        if close.text == ")" and previous[-1].end == close.idx and not _names_its_own(doc, close, previous[-1]):
            return [], previous[-1].unit
    if noun.tag_ not in {"NNS", "NNPS"} and not _plural_read_as_verb(noun):
        return [], antecedent_unit(doc, first, previous)
    run = nouns(doc, start)
    return (run if run and run[-1].i == noun.i else [noun]), None


def _plural_read_as_verb(token: Token) -> bool:
    """ "returnees (3,000)": a plural noun before a bracketed count that the tagger read as a verb."""
    return token.tag_ == "VBZ" and token.lower_.endswith("s") and token.dep_ != "ROOT"


def _names_its_own(doc: Doc, close: Token, item: Quantity) -> bool:
    """Whether the bracketed item before counts the noun before its own bracket ("returnees (120,500) and IDPs
    (40,000)": each item names what it counts), rather than a unit it took from the count it breaks down."""
    opening = next((t for t in reversed(doc[: close.i]) if t.text == "("), None)
    if opening is None or opening.i == 0 or not item.unit:
        return False
    return doc[opening.i - 1].lower_ == item.unit.split()[-1].lower()


def number_of_earlier(doc: Doc, first: int, nouns: NounReader) -> list[Token]:
    """ "The number of returnees keeps rising, with more than 8,200 arriving": a bare figure counts the noun of
    "the number of" (or "the total of", "the highest numbers of") earlier in its sentence, when no other number
    stands between them (a date or a reference may: "the number of refugees who arrived since December 2013 reached
    215,358", "the number of people in IPC phase 3 or above ... 15.8 million")."""
    start = doc[first].sent.start if doc.has_annotation("SENT_START") else 0
    for j in range(first - 1, start - 1, -1):
        token = doc[j]
        if token.like_num and not _in_a_date(token):
            return []
        if token.lower_ in _NUMBER_WORDS | _FORM_NUMBER_WORDS and j + 2 < first and doc[j + 1].lower_ == "of":
            if not (token.lower_ in _NUMBER_WORDS and _definite(doc, j)) and not _form_field(doc, j, first):
                continue
            noun = nouns(doc, j + 2)  # its leading words that describe may be dropped: "South Sudanese refugees"
            return noun if noun and j + 2 <= noun[0].i <= j + 4 and noun[-1].i < first else []
    return []


def number_said_of_people_earlier(doc: Doc, first: int) -> bool:
    """ "The total number affected by the floods last year was 222,644", "the number displaced has reached 9,000":
    "the number" with a participle said of people and no noun counts people, for a bare figure later in its
    sentence with no other number between them."""
    start = doc[first].sent.start if doc.has_annotation("SENT_START") else 0
    words = _lexicon()["people_verbs"]
    for j in range(first - 1, start - 1, -1):
        token = doc[j]
        if token.like_num and not _in_a_date(token):
            return False
        if token.lower_ in {"number", "numbers"} and j + 1 < first - 1 and _definite(doc, j):
            participle = doc[j + 1]
            return participle.tag_ == "VBN" and participle.lemma_.lower() in words
    return False


_NUMBER_WORDS = {"number", "numbers", "total"}
# a form's field label: "Number of people assisted:", "N of people being assisted:" (a copy that lost the "°"),
# "No. of beneficiaries:"
_FORM_NUMBER_WORDS = {"number", "n", "n°", "nº", "no", "no."}


def _form_field(doc: Doc, index: int, first: int) -> bool:
    """ "Number of people to be assisted: 20,000": a field label in capitals whose colon stands just before the
    figure, as a report's header writes its fields."""
    capital = doc[index].text[:1].isupper() or (index > 0 and doc[index - 1].text[:1].isupper())  # "Total number of"
    colon = first - 1
    while colon > index and first - colon <= 3 and (doc[colon].is_alpha or doc[colon].text == "."):
        colon -= 1  # "Total number of people affected: Approx. 600,000": past the figure's qualifier
    return capital and colon > index and doc[colon].text == ":"


def _in_a_date(token: Token) -> bool:
    """A year or a day of a date ("December 2013", "8 August"), or the number of a reference ("IPC phase 3"): a
    number that counts nothing."""
    text = token.text
    if token.i > 0 and token.doc[token.i - 1].lower_ in _reference_words():
        return True
    return token.ent_type_ == "DATE" or (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100)


@cache
def _reference_words() -> frozenset[str]:
    return frozenset(word.lower() for word in load_json("numbers.json")["reference_words"])


def _definite(doc: Doc, index: int) -> bool:
    """ "the number of", "the total number of", "the highest numbers of": an amount; "a number of" means
    several."""
    before = [t.lower_ for t in doc[max(0, index - 2) : index]]
    if len(before) == 2 and before[0] == "the" and doc[index - 1].tag_ == "JJS":
        return True  # "the highest numbers of people in need, 22.2 million and 13.3 million"
    return before[-1:] == ["the"] or before == ["the", "total"] or before == ["the", "overall"]


def people_of_the_place(doc: Doc, first: int) -> bool:
    """A bare figure that a place's people or a death toll stand for: "the town of 140,000", "a village of 300";
    "Indonesian quake toll passes 100", "a death toll of 27", "pushed the toll past 1,400"."""
    lex = _lexicon()
    before = [t for t in doc[max(0, first - 6 - _MAX_TOLL_SUBJECT) : first] if not t.is_space]
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in lex["settlement_nouns"]:
        after = doc[first + 1] if first + 1 < len(doc) else None
        return after is None or after.is_punct or after.is_space  # "a camp of 3,000 tents" counts tents
    if len(before) >= 2 and before[-1].lower_ == "of" and before[-2].lower_ in lex["toll_nouns"]:
        return True  # "a death toll of 27": the toll counts people (the dead)
    verb = len(before) - 1
    while verb >= 0 and before[verb].lower_ in lex["toll_hedge_words"] and before[verb].lower_ != "to":
        verb -= 1  # "the death toll ... is at least 80,000": past the hedge to the verb
    if verb >= 0 and before[verb].lower_ in {"to", "from"}:
        verb -= 1  # "the toll rose to 500"; "the toll was revised upwards from 131 to 148"
    while verb >= 0 and before[verb].lower_ in lex["toll_hedge_words"] and before[verb].lower_ != "to":
        verb -= 1  # "the death toll was close to 250,000": the hedge before "to" too
    while verb >= 1 and before[verb].tag_ == "RB" and before[verb].lower_ not in lex["toll_verbs"]:
        verb -= 1  # "the death toll, which is currently at 499": past an adverb to the verb
    if verb < 1 or before[verb].lower_ not in lex["toll_verbs"]:
        return False
    # "the quake toll passes 100"; "the toll across the area rose to 500": the toll the verb's subject; "the death
    # toll, which is currently at 499": the toll a relative clause's verb is said of
    subjects = (c for c in before[verb].children if c.dep_ in {"nsubj", "nsubjpass"})
    relative = before[verb].dep_ == "relcl" and before[verb].head.lower_ in lex["toll_nouns"]
    return (
        before[verb - 1].lower_ in lex["toll_nouns"]
        or relative
        or any(c.lower_ in lex["toll_nouns"] for c in subjects)
        or _headline_toll(before[: verb + 1])
    )


_MAX_TOLL_SUBJECT = 8  # tokens between a headline's toll noun and its verb ("TOLL FROM NIKA, OFEL, PEPITO CLIMBS")


def _headline_toll(before: list[Token]) -> bool:
    """ "DEATH TOLL FROM NIKA, OFEL, PEPITO CLIMBS TO 14": in capitals, which the tagger reads as names, the toll
    noun then a phrase of "from"/"in" and names (commas and "and" between them) before the verb."""
    verb = before[-1]
    if not verb.is_upper:
        return False
    lex = _lexicon()
    for token in reversed(before[-_MAX_TOLL_SUBJECT - 1 : -1]):
        if token.lower_ in lex["toll_nouns"]:
            return token.is_upper
        if not (token.is_upper or token.text in {",", "&"}) or token.like_num:
            return False
    return False


def of_those_opening(doc: Doc, first: int, nouns: NounReader) -> list[Token] | str | None:
    """ "Of those displaced, 20,000 are at 127 evacuation centres", "Of the refugees, 3,000 ...": a figure just
    after a clause opened by "Of those/these/the ..." counts the group it names; a participle said of people
    names people."""
    if first < 3 or doc[first - 1].text != ",":
        return None
    for j in range(first - 2, max(-1, first - 8), -1):
        if doc[j].lower_ == "of" and (j == 0 or doc[j].is_sent_start or doc[j - 1].is_punct):
            if j + 2 >= first - 1 or doc[j + 1].lower_ not in {"those", "these", "the"}:
                return None
            group = doc[j + 2 : first - 1]
            if len(group) == 1 and group[0].lower_ in _lexicon()["people_verbs"]:
                return PEOPLE
            noun = nouns(doc, j + 2)
            return noun if noun and noun[-1].i == first - 2 else None
        if doc[j].like_num or doc[j].is_punct:
            return None
    return None


def said_of_people_word(token: Token) -> bool:
    """Whether the word, in any case, is one said of people ("Missing", "KILLED", "displaced")."""
    return token.lower_ in _lexicon()["people_verbs"] or token.lemma_.lower() in _lexicon()["people_verbs"]


def said_of_people(doc: Doc, first: int, last: int, qualifier: Qualifier) -> bool:
    """A bare figure that a verb said of people governs or follows: "kill three", "displace thousands",
    "200,000 fleeing", "dozens wounded", "four million have fled" (past auxiliaries); or a bare vague amount
    ("millions in Ethiopia")."""
    words = _lexicon()["people_verbs"]
    before = doc[first - 1] if first > 0 else None
    after = doc[last + 1] if last + 1 < len(doc) else None
    if before is not None and before.lemma_.lower() in words and before.pos_ == "VERB":
        return True
    if before is not None and _headline_verb(before, doc[first]) in words:
        return True  # "CHOLERA KILLS FIVE, AFFECTS 32": a headline in capitals, which the tagger reads as names
    while after is not None and after.pos_ == "AUX" and after.i + 1 < len(doc) and after.i - last <= 2:
        after = doc[after.i + 1]  # "Four million have fled", "3,000 had been killed": past the auxiliaries
    if after is not None and after.tag_ == "RB" and after.lower_.endswith("ly") and after.i + 1 < len(doc):
        after = doc[after.i + 1]  # "2,400 newly displaced", "40 seriously injured": past an adverb of manner
    if after is not None and said_of_people_word(after) and after.pos_ in {"VERB", "ADJ"}:
        return True
    if last + 1 < len(doc) and _phrase_at(doc, last + 1, _lexicon()["people_phrases_after"]):
        return True  # "45 million in need"
    return qualifier is Qualifier.VAGUE and (after is None or after.lower_ != "of")


def _headline_verb(verb: Token, number: Token) -> str:
    """The lemma of a verb in capitals before a number in capitals or digits ("KILLS FIVE", "KILL 12"): the word
    in lower case less a third-person "s", or "" when the two are not written in capitals."""
    if not (verb.is_upper and len(verb) > 2 and (number.is_upper or number.is_digit or number.like_num)):
        return ""
    if number.is_alpha and not number.is_upper:
        return ""
    word = verb.lower_
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _phrase_at(doc: Doc, index: int, phrases: frozenset[str]) -> bool:
    return any(doc[index : index + len(p.split())].text.lower() == p for p in phrases)


def threshold(unit_tokens: Sequence[Token], first: int) -> bool:
    """ "to cross the one-million mark", "passed the 5,000 threshold": a figure that names a threshold counts what
    reaches it, not marks; only after "the" (a "500 marks" grant is money of its own)."""
    doc = unit_tokens[0].doc if unit_tokens else None
    if doc is None or len(unit_tokens) != 1 or unit_tokens[0].lower_ not in _lexicon()["threshold_nouns"]:
        return False
    return first > 0 and doc[first - 1].lower_ == "the"


def whole_named_before(doc: Doc, first: int) -> str | None:
    """ "a population of 28 million", "the area's population of 30,000": a bare figure after "population of" is
    the population, the noun the text writes for it."""
    while first > 0 and doc[first - 1].lower_ in _lexicon()["whole_hedge_words"]:
        first -= 1  # "a total population of about 100,000": past the figure's hedge
    if first < 2 or doc[first - 1].lower_ != "of" or doc[first - 2].lower_ not in _lexicon()["whole_nouns"]:
        return None
    return doc[first - 2].lower_


_HEAD_STEPS = 4  # dependency arcs from a figure up to the verb it is an argument of


def whole_as_subject(doc: Doc, first: int) -> str | None:
    """ "The camp population increased from 10,000 to 40,000": a bare figure that a verb of change gives to
    "population" as its subject is the population."""
    token = doc[first]
    for _ in range(_HEAD_STEPS):
        if token.head is token:
            break
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            break
    if token.pos_ not in {"VERB", "AUX"} or token.lemma_.lower() not in _lexicon()["change_verbs"]:
        return None
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return next((c.lower_ for c in subjects if c.lower_ in _lexicon()["whole_nouns"]), None)


def verb_read_as_noun(unit_tokens: Sequence[Token]) -> bool:
    """ "more than 300,000 need this kind of support": a verb said of people that the tagger read as the counted
    noun, before the determiner of its object; the bare figure counts people."""
    if len(unit_tokens) != 1 or unit_tokens[0].tag_ != "NN":
        return False
    token = unit_tokens[0]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ in _lexicon()["people_verbs"] and after is not None and after.tag_ in {"DT", "PRP$", "PDT"}


def refers_back(unit_tokens: Sequence[Token]) -> bool:
    """ "Two others are missing": "others" stands for the noun counted before."""
    return len(unit_tokens) == 1 and unit_tokens[0].lower_ in _lexicon()["antecedent_nouns"]


def others_said_of_people(unit_tokens: Sequence[Token]) -> str | None:
    """ "left many dead and thousands of others displaced": "others" with no count before it stands for people when
    a verb said of people governs it or follows it."""
    token = unit_tokens[-1]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    words = people_words()
    governing = [token.head, token.head.head, token.head.head.head]  # "killed dozens of others": through "of"
    if any(t.lower_ in words or t.lemma_ in words for t in governing) or (after is not None and after.lower_ in words):
        return PEOPLE
    return None


def compared_with_earlier(
    doc: Doc, figure_start: int, first: int, previous: Sequence[Quantity], value: float | None = None
) -> str | None:
    """ "58,158 migrants ... That total compares to 113,283", "up from 300", "last year's total: 224": a bare figure
    after a comparison cue counts what the count before it counts, in its sentence or the one before. With the
    figure's `value`, a count a thousandth of it or less is passed over, as `antecedent_unit` does: "76 million
    people in thirty-one countries compared to 52 million" compares people; none near its size gives None."""
    before = doc_text(doc)[max(0, figure_start - 20) : figure_start].lower().rstrip()
    if not any(before.endswith(cue) for cue in _lexicon()["comparison_cues"]):
        return None
    start_char, sentence_start = doc[first].idx, _sentence_start(doc, first, 2)
    for quantity in reversed(previous):  # the nearest amount compared, past a share of the change ("a 50% rise")
        if quantity.start < sentence_start:
            return None
        if quantity.end <= start_char and quantity.kind is not Kind.PERCENTAGE:
            if quantity.kind is Kind.COUNT and _far_smaller(quantity, value):
                continue  # "thirty-one countries compared to 52 million": not what is compared
            return quantity.unit if quantity.kind is Kind.COUNT else None  # "40 litres ..., up from 12": no count
    return None


def headline_subject(doc: Doc, first: int) -> str | None:
    """ "Mediterranean Migrant Arrivals Reach 58,158", "Deaths Top 1,000": a bare figure after a headline's verb of
    amount in title case counts the title-case plural noun just before the verb."""
    if first < 2:
        return None
    verb, subject = doc[first - 1], doc[first - 2]
    if verb.lower_ not in _lexicon()["headline_amount_verbs"] or not verb.is_title or not subject.is_title:
        return None
    if not subject.is_alpha or not subject.lower_.endswith("s") or subject.lower_.endswith("ss"):
        return None
    return subject.text
