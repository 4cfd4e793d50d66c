"""Theme tags for a sentence, from the keyword lists in resources/topics.json."""

from __future__ import annotations

import re
from functools import cache

from extract.resources import load_json


@cache
def _topic_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    topics = load_json("topics.json").get("topics", {})
    patterns = []
    for tag in sorted(topics):
        keywords = sorted({k.lower() for k in topics[tag]["keywords"]}, key=len, reverse=True)
        if keywords:
            alternation = "|".join(re.escape(k) for k in keywords)
            patterns.append((tag, re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)))
    return tuple(patterns)


def topics_for(text: str, lemmas: str = "") -> list[str]:
    """Sorted tags whose keywords occur in the text or in its lemmatised form."""
    return [tag for tag, pattern in _topic_patterns() if pattern.search(text) or (lemmas and pattern.search(lemmas))]
