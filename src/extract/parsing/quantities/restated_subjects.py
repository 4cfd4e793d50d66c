"""A bare figure set off in brackets or dashes right before its clause's verb restates the subject's size: "All
nurses in the district (3,500) are on strike", "All infants in the camp - 12,000 - are at risk" count nurses and
infants, the plural subject of the verb after the figure, though other words stand between the subject and the
figure. Not a figure whose next word is no finite verb ("nurses in the district (3,500), and doctors") and not a
subject that is no plural common noun ("The district (3,500) is poor")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

_PAIRS = frozenset({("(", ")"), ("-", "-"), ("–", "–"), ("—", "—")})
_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def restated_subject(doc: Doc, first: int, last: int) -> list[Token]:
    """The plural subject (with its compound nouns) a bracketed figure at tokens `first`..`last` restates, else []."""
    if first < 2 or last + 2 >= len(doc) or (doc[first - 1].text, doc[last + 1].text) not in _PAIRS:
        return []
    verb = doc[last + 2]
    if verb.tag_ not in _FINITE_TAGS:
        return []
    head = verb if verb.dep_ not in {"aux", "auxpass"} else verb.head
    # the figure itself may be parsed as a second subject ("children ... - 335,000 - are"): passed over
    subjects = [child for child in head.children if child.dep_ in _SUBJECTS and not first <= child.i <= last]
    if len(subjects) != 1:
        return []
    subject = subjects[0]
    if subject.tag_ != "NNS" or not subject.is_lower or subject.i >= first - 1:
        return []
    start = subject.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].tag_ == "NN":
        start -= 1
    return list(doc[start : subject.i + 1])
