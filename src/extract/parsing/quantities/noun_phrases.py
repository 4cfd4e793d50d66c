"""The counted noun phrase after a figure, read from tags and the parse: noun runs, modifiers kept or
trimmed, conjuncts, clause boundaries."""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Token

from extract.parsing.quantities.tokens import _DATE_LABELS, _MAX_UNIT_TOKENS, _NOUN_TAGS, _hyphenated, _plural
from extract.resources import load_json

_MODIFIER_TAGS = {"JJ", "JJR", "JJS", "VBN", "VBG"}
_NOUN_ENDINGS = ("ment", "tion", "sion", "ness", "ship", "hood")
_ADVERB_TAGS = {"RB", "RBR", "RBS"}
_DEGREE_ADVERBS = {"most", "more", "less", "least", "very"}
_CLAUSE_DEPS = {"ROOT", "acl", "relcl", "advcl", "ccomp", "xcomp", "conj", "parataxis", "pcomp"}
_CONJUNCTIONS = {"and", "or"}
_PLACE_OR_NAME = {"GPE", "LOC", "ORG", "PERSON", "NORP", "FAC"}


@cache
def _amount_words() -> frozenset[str]:
    """The words of vague amounts ("thousands", "dozens"): amounts, never counted nouns."""
    return frozenset(phrase.lower() for phrase in load_json("numbers.json")["vague"] if " " not in phrase)


_MAX_MODIFIER_LIST = 10  # tokens of a serial list of modifiers after its first one


_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:ers|ors|ists|ians)")  # "rescuers", "doctors" ("medics" is no agent form)


def _shared_head(doc: Doc, first: list[Token], index: int) -> list[Token]:
    """ "300 water, health, agricultural and veterinary projects", "24,000 police, army and air force personnel": a
    singular (or collective) first word, then a list of modifiers
    in lower case ending "and <modifier> <plural noun>", modify that noun, which is what is counted (the plural head
    alone); [] when the list is no such thing."""
    if len(first) != 1 or (first[0].tag_ != "NN" and first[0].lower_ not in _collective_nouns()):
        return []  # a collective noun the tagger may read as plural heads the list too: "police, army and air force"
    joined = False
    for i in range(index, min(len(doc), index + _MAX_MODIFIER_LIST)):
        token = doc[i]
        if token.text == "," or token.lower_ in _CONJUNCTIONS:
            joined = joined or token.lower_ in _CONJUNCTIONS
            continue
        if not (token.is_alpha and token.is_lower):
            return []
        if token.tag_ in {"NNS", "NNPS"}:
            after = doc[i + 1] if i + 1 < len(doc) else None
            ends = after is None or not (after.is_alpha and after.tag_ in _NOUN_TAGS)
            return [token] if joined and ends and doc[i - 1].lower_ not in _CONJUNCTIONS else []
        if token.tag_ not in {"NN", "JJ", "NNP"}:  # a lower-case word read as a name: "police, navy and ..."
            return []
    return []


def _coordinates_modifiers(doc: Doc, words: list[list[Token]], word: list[Token]) -> bool:
    """ "and"/"or" between modifiers before their noun: "prosthetic and orthotic devices", "primary and secondary
    schools". After a noun, a conjunction joins nouns instead, which _counted_noun handles."""
    if not words or len(word) != 1 or word[0].lower_ not in _CONJUNCTIONS or any(_is_noun(w) for w in words):
        return False
    following = word[0].i + 1
    return following < len(doc) and doc[following].tag_ in _MODIFIER_TAGS


def _degree_adverb(token: Token) -> bool:
    """An adverb that grades the adjective after it: "severely", "most", "very"."""
    return token.tag_ in _ADVERB_TAGS and (token.lower_.endswith("ly") or token.lower_ in _DEGREE_ADVERBS)


def _is_noun(word: list[Token]) -> bool:
    return word[-1].tag_ in _NOUN_TAGS or _plural_after_acronym(word[-1]) or _plural_before_verb(word[-1])


_VERB_TAGS = {"VBD", "VBN", "VBZ", "VBP", "MD"}


def _plural_before_verb(token: Token) -> bool:
    """ "in 30 contexts benefited from": a plural right after a number that the tagger read as a verb, though the
    verb of its clause follows it."""
    doc = token.doc
    return (
        token.tag_ in ("VBD", "VBZ")
        and token.is_lower
        and not token.is_stop  # "2022 has been": an auxiliary
        and token.lower_.endswith("s")
        and token.i >= 1
        and doc[token.i - 1].tag_ == "CD"
        and token.i + 1 < len(doc)
        and doc[token.i + 1].tag_ in _VERB_TAGS
    )


_OBJECT_OPENING_TAGS = {"DT", "CD", "PRP", "PRP$", "JJ", "JJR", "JJS"} | _NOUN_TAGS


def _plural_after_acronym(token: Token) -> bool:
    """ "three WHO regions": a plural after a counted acronym that the tagger read as the acronym's verb ("WHO
    regions" as "WHO runs"); no verb, since nothing follows it that could be its object."""
    doc = token.doc
    if token.tag_ != "VBZ" or not token.is_lower or not token.lower_.endswith("s") or token.i < 2:
        return False
    acronym = doc[token.i - 1]
    if not (acronym.is_upper and acronym.is_alpha and len(acronym) > 1 and doc[acronym.i - 1].like_num):
        return False
    return token.i + 1 >= len(doc) or doc[token.i + 1].tag_ not in _OBJECT_OPENING_TAGS


def _cut_after_plural(words: list[list[Token]]) -> None:
    """A plural noun does not modify a singular one ("household kits", never "households kits"): in "families
    lack shelter" the tagger took the verb for a noun, and the counted noun ends at "families"."""
    if not words or words[-1][-1].tag_ != "NN":
        return
    plural = [i for i, word in enumerate(words[:-1]) if word[-1].tag_ == "NNS"]
    if plural:
        del words[plural[-1] + 1 :]


def _cut_before_name(words: list[list[Token]]) -> None:
    """A lower-case plural noun is a whole counted noun; a capitalised word after it, or after the lower-case
    adjectives that follow it, opens a name, a heading or the next field of a text whose punctuation or line
    breaks were lost ("2,400 people Danish Red Cross partners", "Four people dead INDIA Cyclone Titli", "25,455 mt
    Cost (United States dollars)"): cut there."""
    for i, word in enumerate(words[:-1]):
        token = word[-1]
        if token.tag_ not in ("NNS", "NNP") or not token.is_lower:  # a lower-case "NNP": a symbol such as "mt"
            continue
        following = i + 1
        while following < len(words) - 1 and _lower_adjective(words[following]):
            following += 1
        if words[following][0].text[:1].isupper():
            del words[i + 1 :]
            return


def _lower_adjective(word: list[Token]) -> bool:
    return len(word) == 1 and word[0].is_lower and word[0].pos_ == "ADJ"


def _without_title_participles(run: list[Token]) -> list[Token]:
    """ "Over 69,000 Migrants Assisted to Return Home": in a headline written in title case, a capitalised word in
    -ed after a plural noun is the headline's verb, not part of the counted noun."""
    while len(run) > 1 and run[-1].text[:1].isupper() and run[-1].lower_.endswith("ed") and _plural(run[-2]):
        run = run[:-1]
    return run


@cache
def _collective_nouns() -> frozenset[str]:
    return frozenset(load_json("rejections.json")["collective_nouns"])


class NounPhrases:
    """The noun-phrase readers of `QuantityRecognizer`."""

    def _counted_noun(self, doc: Doc, index: int) -> list[Token]:
        """The counted noun after a number: compounds kept, leading evaluative adjectives dropped,
        coordinated nouns kept whole ("students and legal professionals")."""
        while index < len(doc) and doc[index].tag_ in {"DT", "PRP$"} and doc[index].lower_ != "no":
            index += 1
        first = _without_title_participles(self._noun_run(doc, index))
        if not first:
            return []
        end = first[-1].i + 1
        while end < len(doc) and doc[end].tag_ == "POS" and (owned := self._noun_run(doc, end + 1, False)):
            if index > 0 and doc[index - 1].tag_ in {"DT", "PRP$"}:  # "the world's poorest people" counts people
                first = self._noun_run(doc, end + 1) or owned
            elif first[-1].tag_ == "NNS" and owned[-1].tag_ == "NN":
                break  # a plural possessor of a mass noun is what is counted: "1,000 detainees' nutritional health"
            elif all(t.pos_ == "PROPN" or t.ent_type_ in _PLACE_OR_NAME for t in first):
                first = owned  # a place or a name owns them: "half of Gaza's population" counts population
            else:  # a bare possessor names a kind: "12 children's hospitals"
                first = list(doc[first[0].i : owned[-1].i + 1])
            end = first[-1].i + 1
        # An adjective dropped from the first conjunct ("vulnerable children and families") scopes over the
        # coordination, which the unit could then not express: keep the first noun alone. A serial list after it
        # ("vulnerable men, women and children") names the group counted, and stays whole.
        serial = end < len(doc) and doc[end].text == ","
        if not serial and any(token.tag_ in _MODIFIER_TAGS | _ADVERB_TAGS for token in doc[index : first[0].i]):
            if modifiers := self._singular_modifiers(doc, first, end):
                return modifiers  # "214 various road and rail sections": a pair of modifiers before one head
            return first  # an organisation or nationality dropped ("IRCS staff and volunteers") scopes over none
        if end + 1 < len(doc) and doc[end].text == "," and (shared := _shared_head(doc, first, end + 1)):
            return shared  # "300 water, health, agricultural and veterinary projects": projects
        while end + 1 < len(doc) and doc[end].text == ",":  # serial lists: "cattle, goats and sheep"
            item = self._conjunct(doc, end + 1, first[-1].tag_)
            if not item:
                return first
            end = item[-1].i + 1
        if end + 1 < len(doc) and doc[end].lower_ in _CONJUNCTIONS:
            final = self._conjunct(doc, end + 1, first[-1].tag_)
            if final:
                return list(doc[first[0].i : final[-1].i + 1])
        return first

    def _singular_modifiers(self, doc: Doc, first: list[Token], end: int) -> list[Token]:
        """ "road and rail sections" after a dropped adjective: a singular common noun (no collective one such as
        "staff") joined to a plural head is a modifier of that head, so the adjective scopes over the phrase, which
        the unit keeps whole."""
        if first[-1].tag_ != "NN" or first[-1].lower_ in _collective_nouns():
            return []
        if end + 1 >= len(doc) or doc[end].lower_ not in _CONJUNCTIONS:
            return []
        final = self._conjunct(doc, end + 1, "NN")
        return list(doc[first[0].i : final[-1].i + 1]) if final and final[-1].tag_ == "NNS" else []

    def _conjunct(self, doc: Doc, index: int, head_tag: str) -> list[Token]:
        """A further noun in a coordination, of the same number as the first; not a clause ("including ...")."""
        if index < len(doc) and doc[index].tag_ in {"VBG", "VBN"}:
            return []
        run = self._noun_run(doc, index, trim_leading=False)
        # "soldiers and civil defence rescuers": a compound naming a kind of people (an agent noun or a member noun)
        compound = len(run) > 2 and run[-2].tag_ == "NN" and self._people_head(run[-1])
        if run and len(_hyphenated(doc, run[0].i)) == 1 and not self._classifying(run[0]) and not compound:
            return []  # "people and deadly floods": a described thing joins no count of the first noun
        if any(token.like_num or token.lower_ in _amount_words() for token in run):
            return []  # "killed 1,297 people and injured thousands": an amount of its own, not a noun
        # A singular first noun also joins plural ones: "water and sanitation projects", "staff and volunteers".
        singular_first = (head_tag, run[-1].tag_) in {("NN", "NNS"), ("NNP", "NNPS")} if run else False
        return run if run and (run[-1].tag_ == head_tag or singular_first) else []  # "Water and Sanitation Boards"

    def _people_head(self, token: Token) -> bool:
        return _AGENT_NOUN.fullmatch(token.lower_) is not None or token.lower_ in self.words["member_nouns"]

    def _noun_run(self, doc: Doc, index: int, trim_leading: bool = True) -> list[Token]:
        """Nouns and their modifiers from `index`: words joined by hyphens ("health-care", "first-aid") count as
        one word, a noun if their last part is one; a participle after a noun opens a clause ("households
        receiving kits"), which is not part of the noun phrase."""
        words: list[list[Token]] = []
        while index < len(doc) and len(words) < _MAX_UNIT_TOKENS:
            word = _hyphenated(doc, index)
            if _coordinates_modifiers(doc, words, word):
                words.append(word)
                index += 1
                continue
            if not self._noun_or_modifier(word):
                break
            if self._clause_verb(word):
                break
            words.append(word)
            index = word[-1].i + 1
        while words and not _is_noun(words[-1]):
            words.pop()
        _cut_after_plural(words)
        _cut_before_name(words)
        if trim_leading:
            self._trim_leading(words)
        return [token for word in words for token in word] if words and _is_noun(words[-1]) else []

    def _trim_leading(self, words: list[list[Token]]) -> None:
        """Drop the leading words that describe the counted thing rather than name its kind, in any order: "most
        vulnerable flood-affected households" gives households."""
        while len(words) > 1:
            if self._describes(words[0], words[-1]):
                words.pop(0)
                continue
            if len(words) > 2 and self._unhyphenated_cause(words[0], words[1]):
                del words[:2]  # "flood affected people", "food insecure people": "flood-affected" written apart
                continue
            if len(words[0]) != 1 or self._classifying(words[0][0], words[-1][-1]):
                return
            if len(words) > 2 and words[1][0].lower_ in _CONJUNCTIONS:
                if self._classifying(words[2][0], words[-1][-1]):
                    return  # coordinated modifiers go together: "physical and mental health services"
                del words[:2]  # "prosthetic and", then "orthotic" next round
                continue
            words.pop(0)

    def _describes(self, word: list[Token], head: list[Token]) -> bool:
        """A leading word that describes the counted people rather than naming their kind, dropped from the unit:
        a nationality or a place of origin ("Sahrawi refugees", "Palestine refugees"), an organisation's name before
        the people serving it ("Red Cross volunteers"), an organisation's acronym ("ICRC employees"), a cause written
        with a hyphen ("drought-affected people"), a condition's acronym ("SAM children"), a ranking ("priority
        districts").
        A nationality noun keeps its own words ("East Timorese")."""
        token = word[-1]
        if len(word) == 1 and token.lower_ in self.words["ranking_modifiers"]:
            return True  # "six priority townships": which townships, not a kind of them
        if len(word) > 1:
            kinds = self.words["classifying_modifiers"]
            joined = "".join(t.lower_ for t in word)
            cause = self._cause_word(token) or token.tag_ == "VBG"  # "-affected", "-insecure", "pre-existing"
            return cause and token.lower_ not in kinds and joined not in kinds
        if token.ent_type_ == "NORP" and head[-1].tag_ == "NNPS" and head[-1].ent_type_ != "NORP":
            return True  # "five European National Societies": where they are, before the title-case plural
        if head[-1].ent_type_ == "NORP" or head[-1].tag_ in {"NNP", "NNPS"}:
            return False
        if token.tag_ == "NNP" and token.is_title and head[-1].lower_ in self.words["member_nouns"]:
            return True  # "120 Red Cross volunteers": the organisation they serve
        if token.ent_type_ == "GPE" and token.is_title and head[-1].is_lower:
            return True  # "5.7 million Palestine refugees": where they are from, as a nationality says
        if token.is_upper and token.lower_ in self.words["descriptive_acronyms"]:
            return True  # "SAM children": a condition of the children
        return token.ent_type_ == "NORP" or (token.ent_type_ == "ORG" and token.is_upper and len(token) > 1)

    def _cause_word(self, token: Token) -> bool:
        """The end of a compound that says what befell the counted thing: "-affected", "-insecure"; not a kind
        ("war-wounded", "-headed") and not "child-friendly"."""
        participle = token.tag_ == "VBN" or token.lower_.endswith("ed")
        cause = participle or token.lower_ in self.words["cause_words"]
        return cause and token.lower_ not in self.words["classifying_modifiers"]

    def _unhyphenated_cause(self, noun: list[Token], modifier: list[Token]) -> bool:
        """ "flood affected", "conflict affected", "food insecure": a common noun and the word that says what
        befell the counted thing, a cause written without its hyphen."""
        if len(noun) != 1 or len(modifier) != 1 or noun[0].tag_ not in {"NN", "NNS"}:
            return False
        joined = noun[0].lower_ + "-" + modifier[0].lower_
        return self._cause_word(modifier[0]) and joined not in self.words["classifying_modifiers"]

    def _noun_or_modifier(self, word: list[Token]) -> bool:
        if any(t.lower_ in self.words["months"] or t.ent_type_ in _DATE_LABELS - {"DATE"} for t in word):
            return False
        if any(t.lower_ in self.words["weekdays"] for t in word):
            return False  # "touched 119 Thursday": a weekday says when, never what a figure counts
        if len(word) > 1:
            return _is_noun(word) or word[-1].tag_ in _NOUN_TAGS | _MODIFIER_TAGS | {"RP", "VB"}
        token = word[0]
        if _plural_after_acronym(token) or _plural_before_verb(token):
            return True
        if _degree_adverb(token) and token.i + 1 < len(token.doc):
            # "severely malnourished", "most vulnerable", "severely food-insecure" (the hyphenated word's last part)
            following = _hyphenated(token.doc, token.i + 1)
            return following[-1].tag_ in _MODIFIER_TAGS or (len(following) > 1 and following[-1].tag_ in _NOUN_TAGS)
        return any(c.isalpha() for c in token.text) and (
            token.tag_ in _NOUN_TAGS | _MODIFIER_TAGS or token.lower_ in self.words["classifying_modifiers"]
        )

    def _clause_verb(self, word: list[Token]) -> bool:
        """A participle heading a clause: "households receiving kits", "seven in ten said prices rose", "226,000
        assisted following natural disasters" (a participle before one used as a preposition)."""
        token = word[0]
        prepositional = self.words["prepositional_participles"]
        if len(word) != 1:
            return False
        if token.lower_ in prepositional:
            return True  # "70,000 volunteers including CPP volunteers": what the count includes, not its noun
        if token.tag_ not in {"VBG", "VBN", "VBD"}:
            return False
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and after.lower_ in prepositional:
            return True  # "226,000 assisted following natural disasters"
        kind = token.lower_ in self.words["classifying_modifiers"]
        return token.tag_ != "VBD" and token.dep_ in _CLAUSE_DEPS and not kind

    def _classifying(self, token: Token, head: Token | None = None) -> bool:
        """A leading word kept in the unit: a noun, or a modifier that names a kind ("displaced", "primary"), or a
        capitalised word of a proper name ("East Timorese")."""
        if head is not None and token.is_title and head.tag_ in {"NNP", "NNPS"}:
            return True
        if token.tag_ == "JJ" and token.is_lower and token.lower_.endswith(_NOUN_ENDINGS):
            return True  # "52 displacement camps": a noun the tagger read as an adjective
        return token.tag_ not in _MODIFIER_TAGS | _ADVERB_TAGS or token.lower_ in self.words["classifying_modifiers"]
