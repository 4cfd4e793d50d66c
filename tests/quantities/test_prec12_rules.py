"""Rules for the precision class prec12 found on the dev split (issue #12): a copy cut mid-sentence at its end (a
hedged number, or a thousands group cut short, ends the text; a three-letter stub ends it). Made-up sentences, one
rule each, with cases where the rule must not fire."""

from __future__ import annotations

from .helpers import figure_values as _figures
from .helpers import rejections_in as _rejected

_CUT = ("cut text", "cut-at-text-end")


def test_a_hedged_number_ending_a_cut_sentence_is_cut():
    assert _rejected("After the storm, the landslides buried some 4\n")["4"] == _CUT
    assert _rejected("Crews worked all night. The blaze razed more than 720\n")["720"] == _CUT


def test_a_number_whose_last_group_the_copy_cut_is_cut():
    text = "Shelter activities Number of tents 12,7\n"
    assert _rejected(text)["12,7"] == _CUT
    assert not _figures(text)


def test_a_short_group_after_a_function_word_stays():
    assert _figures("The rate rose to 2,5\n")


def test_a_number_ending_a_complete_sentence_or_a_row_stays_a_figure():
    assert _figures("The storm damaged the bridges and the landslides buried 45.\n") == {"45": 45}
    assert _figures("Rescue teams reached the villages. Total 1,275,000\n") == {"1,275,000": 1275000}
    assert _figures("KEY FIGURES\n\nPeople displaced\n\n4,300\n") == {"4,300": 4300}


def test_a_heading_or_a_row_ending_on_a_number_stays_a_figure():
    # a line break may cut a heading from its noun, and a flattened row ends on its cell: no prose, no cut
    assert _figures("Cold weather adds to the hardships of more than 52,000") == {"more than 52,000": 52000}
    assert _figures("Tracing requests registered 1,340") == {"1,340": 1340}


def test_an_exact_amount_ending_a_paragraph_without_its_period_stays_a_figure():
    text = "Loans were repaid in full. The fund's outlay for the year, all grants included, was CHF 4,250,300"
    assert _figures(text) == {"CHF 4,250,300": 4250300}


def test_a_number_before_a_cut_sentence_end_elsewhere_stays_a_figure():
    text = "The landslides buried some 4 villages and 120 homes, the agency said on Monday in a brief sta"
    assert _figures(text) == {"some 4 villages": 4, "120 homes": 120}


def test_a_stub_of_three_letters_ending_in_s_is_a_cut_word():
    assert _rejected("Health officials in the district continue to report close to 900 cas\n")["900"] == _CUT


def test_a_known_short_word_ending_the_copy_stays_a_figure():
    assert _figures("The pipeline carried 300 tonnes of gas\n") == {"300 tonnes": 300}
