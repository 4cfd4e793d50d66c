"""Theme tags for a sentence, from the keyword lists in resources/topics.json."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extract.resources import load_json

# A keyword is whole words of [\w-] joined by single spaces, matched case-insensitively as a whole: it must
# start and end at the edges of runs of [\w-]. Looking runs up in a table is one pass over the sentence,
# where one regex alternation per tag cost a scan of every keyword at every character.
_RUN = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True)
class _Keywords:
    tags_of: dict[str, frozenset[str]]  # lower-cased keyword -> tags
    first_runs: frozenset[str]  # lower-cased first run of each keyword: where a match can start
    longest: int  # most runs in one keyword


@cache
def _keywords() -> _Keywords:
    topics = load_json("topics.json").get("topics", {})
    tags_of: dict[str, set[str]] = {}
    for tag, topic in topics.items():
        for keyword in topic["keywords"]:
            if not re.fullmatch(r"[\w-]+(?: [\w-]+)*", keyword):
                raise ValueError(f"topics.json: keyword {keyword!r} must be words of [\\w-] joined by single spaces")
            tags_of.setdefault(keyword.lower(), set()).add(tag)
    longest = max((len(k.split(" ")) for k in tags_of), default=0)
    first_runs = frozenset(k.split(" ")[0] for k in tags_of)
    return _Keywords({k: frozenset(v) for k, v in tags_of.items()}, first_runs, longest)


def _tags_in(text: str, keywords: _Keywords, found: set[str]) -> None:
    runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
    for i, (start, first_end) in enumerate(runs):
        if text[start:first_end].lower() not in keywords.first_runs:
            continue
        for last in range(i, min(i + keywords.longest, len(runs))):
            tags = keywords.tags_of.get(text[start : runs[last][1]].lower())
            if tags:
                found.update(tags)


def topics_for(text: str, lemmas: str = "") -> list[str]:
    """Sorted tags whose keywords occur in the text or in its lemmatised form."""
    keywords = _keywords()
    found: set[str] = set()
    _tags_in(text, keywords, found)
    if lemmas:
        _tags_in(lemmas, keywords, found)
    return sorted(found)
