"""Theme tags: keywords match whole words, case-insensitively, in the sentence or its lemmas."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.facts.topics import topics_for
from extract.resources import load_json

TOPICS = load_json("topics.json")["topics"]
KEYWORDS = sorted({k for topic in TOPICS.values() for k in topic["keywords"]})


def reference_topics(text: str) -> list[str]:
    """The definition, written the slow way: one whole-word regex per tag."""
    found = []
    for tag, topic in TOPICS.items():
        alternation = "|".join(re.escape(k) for k in sorted(topic["keywords"], key=len, reverse=True))
        if re.search(rf"(?<![\w-])(?:{alternation})(?![\w-])", text, re.IGNORECASE):
            found.append(tag)
    return sorted(found)


def test_keyword_in_sentence_tags_it() -> None:
    tag = sorted(TOPICS)[0]
    keyword = TOPICS[tag]["keywords"][0]
    assert tag in topics_for(f"In March, {keyword.upper()} were reported.")


def test_keyword_inside_a_longer_word_does_not_tag() -> None:
    tag = sorted(TOPICS)[0]
    keyword = TOPICS[tag]["keywords"][0]
    assert tag not in topics_for(f"un{keyword}ed")
    assert tag not in topics_for(f"{keyword}-like")


def test_lemmas_are_searched_too() -> None:
    tag = sorted(TOPICS)[0]
    keyword = TOPICS[tag]["keywords"][0]
    assert topics_for("Nothing relevant here.") == []
    assert tag in topics_for("Nothing relevant here.", f"nothing {keyword} here")


_pieces = st.one_of(
    st.sampled_from(KEYWORDS),
    st.sampled_from([" ", "  ", "-", ",", ".", "\n", "s", "un", "X"]),
    st.text(alphabet="abcdeéİßs -", max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_pieces, max_size=12))
def test_agrees_with_whole_word_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert topics_for(text) == reference_topics(text)
