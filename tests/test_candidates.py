"""The cheap first look for figures: it may let a text without figures through, but never rules out one with."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from extract.parsing.candidates import may_hold_figure
from extract.parsing.figures import scan_figures
from extract.parsing.selective import _sentences
from extract.reading import read

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ["seeds", "tests/fixtures/docs", "tests/fixtures/html", "tests/fixtures/real/dev/docs"]


@pytest.mark.parametrize(
    "text",
    [
        "Nearly 4,000 people were helped.",
        "Two thirds of the households",
        "Dozens of families fled.",
        "More than half of the children",
        "Prices rose threefold and wages twice.",
        "They paid USDfive.",
        "It cost less than a dollar a day.",
        "A hundred and two wells",
        "One in four people",
        "The share rose to ½.",
    ],
)
def test_a_text_with_a_figure_is_let_through(text):
    assert scan_figures(text), text  # (the case is one)
    assert may_hold_figure(text)


def test_a_sentence_without_digits_or_number_words_is_ruled_out():
    assert not may_hold_figure("The delegation met the authorities in Kabul and Aden. ")
    assert not may_hold_figure("Access to markets remained difficult for a family near the front line.")


def test_no_sentence_of_the_corpora_with_a_figure_is_ruled_out():
    ruled_out = 0
    for folder in CORPORA:
        for path in sorted(p for p in (ROOT / folder).rglob("*") if p.is_file() and not p.name.startswith(".")):
            for segment in read(path).text.segments:
                for start, end in _sentences(segment.text):
                    sentence = segment.text[start:end]
                    if not may_hold_figure(sentence):
                        ruled_out += 1
                        assert scan_figures(sentence) == [], sentence
    assert ruled_out > 200  # the filter does rule out sentences without figures


def test_no_mix_of_number_words_and_other_words_with_a_figure_is_ruled_out():
    words = ["a", "an", "the", "of", "and", "people", "few", "several", "minus", "per", "-", ",", "USD", "in",
             "one", "twenty", "hundred", "dozen", "thirds", "half", "twice", "tenfold", "gallon", "dollar", "cent",
             "millions", "scores", "Fivefold", "baker's", "pound", "sterling", "kilo", "metric", "ton"]  # fmt: skip
    rng = random.Random(7)
    checked = 0
    for i in range(5_000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 6)))
        text = text.upper() if i % 3 == 0 else text
        if not may_hold_figure(text):
            checked += 1
            assert scan_figures(text) == [], text
    assert checked > 100
