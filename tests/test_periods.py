from __future__ import annotations

import datetime as dt

import pytest

from extract.facts.periods import find_period

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Activity highlights for the first half of 2024", D(2024, 1, 1), D(2024, 6, 30)),
        ("Report for the second half of 2023", D(2023, 7, 1), D(2023, 12, 31)),
        ("Operational update, January–June 2023", D(2023, 1, 1), D(2023, 6, 30)),
        ("In the third quarter of 2022 we", D(2022, 7, 1), D(2022, 9, 30)),
        ("Results for Q4 2021", D(2021, 10, 1), D(2021, 12, 31)),
        ("By the end of June 2024, the office closed", D(2024, 6, 1), D(2024, 6, 30)),
        ("On 12 March 2023 the convoy arrived", D(2023, 3, 12), D(2023, 3, 12)),
        ("between 2019 and 2021", D(2019, 1, 1), D(2021, 12, 31)),
        ("Since 1992, the ICRC worked", D(1992, 1, 1), None),
        ("In 2022 we documented cases", D(2022, 1, 1), D(2022, 12, 31)),
        ("February 2024 was hard", D(2024, 2, 1), D(2024, 2, 29)),
    ],
)
def test_periods_resolve(text, start, end):
    period = find_period(text)
    assert period is not None
    assert (period.start, period.end) == (start, end)
    assert period.text in text


@pytest.mark.parametrize("text", ["More than 2,000 people", "Over 30 years of engagement", "1,376 detention visits"])
def test_no_period_in_figures(text):
    assert find_period(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Vaccination reached 120,000 animals, a 30% increase on 2023.",
        "The network delivers 40 litres a day, up from 12 in 2021.",
        "Admissions rose by a third compared with the same period in 2023.",
        "More people were displaced than in 2022.",
        "Cases doubled, versus 2020.",
    ],
)
def test_the_base_of_a_comparison_is_not_the_period_reported(text):
    assert find_period(text) is None


def test_a_period_after_a_baseline_is_still_found():
    period = find_period("In 2024, admissions were higher than in 2023.")
    assert period is not None and period.text == "2024"


@pytest.mark.parametrize(
    "text", ["People displaced from their homes in 2022 returned.", "On 12 March 2023 the convoy arrived"]
)
def test_from_and_on_alone_do_not_make_a_baseline(text):
    assert find_period(text) is not None


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("Since fighting broke out in April 2023, 8.6 million people fled.", D(2023, 4, 1)),
        ("Detained since 12 March 2023, he was visited twice.", D(2023, 3, 12)),
    ],
)
def test_since_a_month_is_open_ended_from_then(text, start):
    period = find_period(text)
    assert period is not None and (period.start, period.end) == (start, None)
