"""Rules for the precision classes prec13 found on the dev split (issue #13): a bare number a copy cut right after a
function word, a four-letter stub ending a cut copy. Made-up sentences, one rule each, with cases where the rule must
not fire."""

from __future__ import annotations

from .helpers import figure_values as _figures
from .helpers import rejections_in as _rejected

_CUT = ("cut text", "cut-at-text-end")


def test_a_bare_number_cut_after_a_function_word_is_cut():
    text = "Cases were counted in the north (140 cases, including 12 deaths), the south (310 cases, including 27\n"
    assert _rejected(text)["27"] == _CUT
    assert "27" not in _figures(text)
    assert _rejected("In the first week, 4,200 boats arrived, fewer than in 2019 and 6\n")["6"] == _CUT


def test_a_bare_number_ending_a_sentence_after_a_verb_or_a_label_stays():
    assert _figures("Rains continued. The death toll rose to 45\n") == {"45": 45}
    assert _figures("Rescue teams reached the villages. Deaths: 45\n") == {"Deaths: 45": 45}
    assert _figures("The clinic treated 300 patients and 45\n")  # no sentence end, no comma: kept


def test_an_amount_after_a_function_word_ending_a_paragraph_stays():
    assert _figures("In 2019, the society spent a total of CHF 2,345,600\n") == {"CHF 2,345,600": 2345600}


def test_the_last_tick_of_an_axis_in_prose_is_not_read_as_cut():
    text = "It spread to 90 villages, 80 with water. With this 70 support and 60 kits the team did 50 visits and 40\n"
    assert _rejected(text).get("40") != _CUT


def test_a_four_letter_stub_ending_a_cut_copy_is_cut():
    assert _rejected("Floods hit the coast.\n\nOn 3 May, 420 hous")["420"] == _CUT
    assert _figures("Floods hit the coast. On 3 May, 420 houses were lost.") == {"420 houses": 420}


_HEADER = ("page furniture", "running-header")


def test_a_page_number_after_a_capitals_header_read_as_its_label_is_a_header():
    assert _rejected("SERVICES 57")["57"] == _HEADER
    assert not _figures("SERVICES 57")


def test_a_row_in_lower_case_or_with_a_large_number_stays_a_figure():
    assert _figures("Services 57") == {"57": 57}
    assert _figures("RECIPIENTS 4,316,707") == {"4,316,707": 4316707}
    assert _figures("SERVICES 57 were run in the camps.")


def test_a_number_word_ending_a_list_stays():
    assert _figures("They named one, two and three") == {"one": 1, "two": 2, "three": 3}
