"""spaCy components for names: a domain entity ruler gated by anchor words, entity clean-up, acronyms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.attrs import LOWER, ORTH
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from extract.resources import load_json, load_jsonl

_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT"}


@Language.factory(
    "anchored_span_ruler",
    requires=["token.lower", "token.orth"],
    assigns=["doc.ents", "token.ent_type", "token.ent_iob"],
)
def make_anchored_span_ruler(nlp: Language, name: str) -> AnchoredSpanRuler:
    """Writes `doc.ents`, overwriting the statistical entities it overlaps. Its patterns are added after it is
    built (`add_patterns`, as for spaCy's span_ruler; `domain_patterns()` reads the packaged or configured file)
    and saved with the pipeline (`to_disk`)."""
    return AnchoredSpanRuler(nlp, name, spans_key=None, annotate_ents=True, overwrite=True, phrase_matcher_attr="ORTH")


def domain_patterns(path: Path | None = None) -> list[dict[str, Any]]:
    """span_ruler patterns from a JSONL file; None reads the packaged domain patterns (entities.jsonl)."""
    if path is None:
        return load_jsonl("entities.jsonl")
    return [json.loads(line) for line in path.read_text("utf-8").split("\n") if line.strip()]


class AnchoredSpanRuler(SpanRuler):
    """A span_ruler that runs its token patterns only on Docs holding one of their anchor words.

    spaCy's Matcher tries every token pattern at every token, and patterns that open with a repeated
    {"IS_TITLE": true} start a partial match at each capitalised word: most of the ruler's cost. Each of our
    token patterns has a required literal word ("Ministry", "hospital", "highway"); a Doc without any of them
    cannot match, and a set lookup over the Doc's words says so. A pattern without such a word disables the
    gate, so the result is always the plain span_ruler's."""

    def __init__(self, nlp: Language, name: str, **config: Any) -> None:
        super().__init__(nlp, name, **config)
        self._anchors: set[int] = set()  # hashes of lower-cased anchor words; a superset is always safe
        self._ungated = False  # some token pattern has no anchor: always run the token matcher
        # The token patterns that read no tagger output, for Docs the tagger did not run on (parsing.selective).
        self._untagged = Matcher(nlp.vocab)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        super().add_patterns(patterns)
        for pattern in patterns:
            if isinstance(pattern["pattern"], str):
                continue
            if not any(_TAGGED_ATTRIBUTES & set(token) for token in pattern["pattern"]):
                self._untagged.add(repr((pattern["label"], pattern.get("id", ""))), [pattern["pattern"]])
            words = _required_words(pattern["pattern"])
            if words is None:
                self._ungated = True
            else:
                self._anchors |= {self.nlp.vocab.strings.add(word) for word in words}

    def match(self, doc: Doc) -> list[Span]:
        gated = not self._ungated and self._anchors.isdisjoint(doc.to_array(LOWER).tolist())
        if gated:
            matches = self.phrase_matcher(doc)
        elif len(doc) and not doc.has_annotation("TAG"):
            matches = [*self._untagged(doc), *self.phrase_matcher(doc)]
        else:
            return super().match(doc)
        return sorted(
            {
                Span(doc, start, end, label=self._match_label_id_map[key]["label"],
                     span_id=self._match_label_id_map[key]["id"])
                for key, start, end in matches
                if start != end
            }
        )  # fmt: skip


_TAGGED_ATTRIBUTES = frozenset({"POS", "TAG", "MORPH", "LEMMA", "DEP"})


def _required_words(pattern: list[dict[str, Any]]) -> set[str] | None:
    """Lower-cased words one of which any match must contain (from a token spec every match has), or None."""
    for token in pattern:
        if token.get("OP", "1") not in ("1", "+"):
            continue
        for attribute in ("LOWER", "ORTH", "TEXT"):
            value = token.get(attribute)
            if isinstance(value, str):
                return {value.lower()}
            if isinstance(value, dict) and set(value) == {"IN"}:
                return {word.lower() for word in value["IN"]}
    return None


@Language.factory(
    "entity_filter",
    default_config={"filters": None},
    requires=["doc.ents", "token.tag"],
    assigns=["doc.ents"],
)
def make_entity_filter(nlp: Language, name: str, filters: str | None) -> EntityFilter:
    """`filters`: a JSON file like the packaged entity_filters.json (None reads that one). Rewrites `doc.ents`."""
    config = load_json("entity_filters.json") if filters is None else json.loads(Path(filters).read_text("utf-8"))
    return EntityFilter(config)


class EntityFilter:
    """Drop entities the statistical model gets wrong in a general way: domain abbreviations that are not
    names (listed in entity_filters.json), "names" written all in lower case, and heading phrases that
    start with a gerund ("Supporting Families")."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.drop_texts = frozenset(config.get("drop_texts", []))
        self.wrong_labels: dict[str, frozenset[str]] = {
            text: frozenset(labels) for text, labels in config.get("drop_labels_for", {}).items()
        }

    def __call__(self, doc: Doc) -> Doc:
        trimmed = (_trim_punctuation(ent) for ent in doc.ents)
        doc.ents = [ent for ent in trimmed if ent is not None and self._keep(ent)]
        return doc

    def _keep(self, ent: Span) -> bool:
        if ent.text in self.drop_texts or ent.label_ in self.wrong_labels.get(ent.text, ()):
            return False
        if ent.label_ in _NAME_LABELS and not any(c.isupper() for c in ent.text):
            return False
        return not (ent.label_ in {"ORG", "PERSON"} and ent[0].tag_ == "VBG" and not ent.ent_id_)


def _trim_punctuation(ent: Span) -> Span | None:
    """ "Boris Heger/" -> "Boris Heger": the model sometimes takes a separator into a name."""
    start, end = ent.start, ent.end
    while start < end and (ent.doc[start].is_punct and ent.doc[start].text not in "(["):
        start += 1
    while end > start and ent.doc[end - 1].is_punct and ent.doc[end - 1].text not in ")]":
        end -= 1
    if start == end:
        return None
    if (start, end) == (ent.start, ent.end):
        return ent
    return Span(ent.doc, start, end, label=ent.label_, kb_id=ent.kb_id_, span_id=ent.id_)


@Language.factory("acronyms", requires=["doc.ents"], assigns=["doc._.acronyms", "doc.ents"])
def make_acronym_detector(nlp: Language, name: str) -> AcronymDetector:
    return AcronymDetector()


class AcronymDetector:
    """Link a short form in parentheses to the long form before it, as scispacy's AbbreviationDetector
    does (Schwartz & Hearst 2003): "Azerbaijan Red Crescent Society (AzRCS)". Writes to `doc._.acronyms` one plain
    dict per pair, `{"short": text, "long": text, "short_start": .., "short_end": .., "long_start": ..,
    "long_end": ..}` (character offsets into `doc.text`), and labels the short form with the long form's entity
    label."""

    def __init__(self) -> None:
        if not Doc.has_extension("acronyms"):
            Doc.set_extension("acronyms", default=[])

    def __call__(self, doc: Doc) -> Doc:
        pairs: list[tuple[Span, Span]] = []
        opening = doc.vocab.strings["("]
        # Only the "(" tokens: finding them in the ORTH array skips building a Token object per word.
        for index in (doc.to_array(ORTH)[:-2] == opening).nonzero()[0].tolist():
            if doc[index + 2].text != ")":
                continue
            short = doc[index + 1 : index + 2]
            if not _looks_like_acronym(short.text):
                continue
            long_form = _long_form(doc, short, index)
            if long_form is not None:
                pairs.append((short, long_form))
        doc._.acronyms = [
            {
                "short": short.text,
                "long": long_form.text,
                "short_start": short.start_char,
                "short_end": short.end_char,
                "long_start": long_form.start_char,
                "long_end": long_form.end_char,
            }
            for short, long_form in pairs
        ]
        if pairs:
            _label_short_forms(doc, pairs)
        return doc


def _looks_like_acronym(text: str) -> bool:
    return 2 <= len(text) <= 10 and sum(c.isupper() for c in text) >= 2 and text[0].isalpha()


def _long_form(doc: Doc, short: Span, paren: int) -> Span | None:
    end = paren
    if end > 0 and doc[end - 1].text in {"'s", "’s"}:
        end -= 1  # "the International Committee of the Red Cross's (ICRC)"
    letters = [c.lower() for c in short.text if c.isalpha()]
    max_tokens = min(len(letters) + 5, len(letters) * 2)
    for start in range(end - 1, max(-1, end - 1 - max_tokens), -1):
        if doc[start].is_punct:
            break
        candidate = doc[start:end]
        if candidate[0].text[0].lower() == letters[0] and _letters_in_order(letters, candidate.text.lower()):
            while candidate[0].lower_ in {"the", "a", "an"}:
                candidate = candidate[1:]
            return candidate
    # An acronym of another language ("Search Unit for Persons Deemed Missing (UBPD)"): the named entity
    # that ends right before the parenthesis is its long form.
    return next((ent for ent in doc.ents if ent.end == end and ent.label_ in _NAME_LABELS), None)


def _letters_in_order(letters: list[str], text: str) -> bool:
    position = 0
    for letter in letters:
        position = text.find(letter, position)
        if position < 0:
            return False
        position += 1
    return True


def _label_short_forms(doc: Doc, pairs: list[tuple[Span, Span]]) -> None:
    labelled: list[Span] = list(doc.ents)
    for short, long_form in pairs:
        labels = {
            ent.label_
            for ent in doc.ents
            if ent.start <= long_form.start < ent.end or long_form.start <= ent.start < long_form.end
        }
        if labels and not any(ent.start == short.start for ent in doc.ents):
            labelled.append(Span(doc, short.start, short.end, label=sorted(labels)[0]))
    doc.ents = filter_spans(labelled)
