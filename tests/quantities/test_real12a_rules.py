"""Rules for the classes real12a's fresh IFRC documents showed (issue #12): a chart's axis that a PDF copy scatters
through the body text, a PDF copy's page head "Page | 1" (its word letter-spaced or not), and the "or" inside "for"
read as a list's joiner, which carried a hedge to the duration after it. Made-up sentences, one rule each, with cases
where the rule must not fire."""

from __future__ import annotations

import pytest

from extract.models import Qualifier

from .helpers import figure_values, read_figures, rejections_in

# a chart whose axis ticks (350 ... 100, step 50) a PDF copy has mixed into the prose
_SCATTERED_AXIS = (
    "The outbreak reached three more 350 villages and 12 people were admitted to the two clinics. 300 "
    "Volunteers visited the camps each morning 250 and handed out soap to families 200 and the branch trained 45 "
    "new members 150 in hygiene promotion and 100 first aid."
)


def test_a_chart_axis_scattered_through_the_text_is_page_furniture():
    rejected = rejections_in(_SCATTERED_AXIS)
    for tick in ("350", "300", "250", "200", "150", "100"):
        assert rejected[tick] == ("page furniture", "scattered-axis-ticks")
    values = set(figure_values(_SCATTERED_AXIS).values())
    assert {3, 12, 45} <= values  # the figures between the ticks stay


def test_part_of_an_axis_that_reaches_zero_is_enough_in_a_paragraph():
    text = (
        "Weekly admissions 60 were recorded by the district team, 40 with support from the branch, 20 by the "
        "clinics and 0 reports."
    )
    rejected = rejections_in(text)
    assert all(rejected.get(t) == ("page furniture", "scattered-axis-ticks") for t in ("60", "40", "20", "0"))


@pytest.mark.parametrize(
    "text",
    [
        # three items in steps of ten: a list, no axis
        "The branch sent 10 tents to the north, 20 tents to the east and 30 tents to the south.",
        # four in even steps, but not reaching 0: too few for an axis without its origin
        "The teams built 40 latrines in May, 60 latrines in June, 80 latrines in July and 100 latrines in August.",
        # four to 0 by a small step: prose may say so
        "The clinic recorded 30 admissions as the river rose, 20 of them children, while the mobile teams 10 "
        "reported that 0 deaths occurred.",
        # a denser series between the steps: the weeks of a chart's other axis, not one axis of step 2
        "Week 16 Week 17 Week 18 Week 19 Week 20 Week 21 Week 22 of the epidemic.",
    ],
)
def test_even_figures_that_are_no_scattered_axis_stay(text):
    assert not any(rule == "scattered-axis-ticks" for _, rule in rejections_in(text).values())


def test_an_axis_needs_its_ticks_close_together():
    far = " The report continues with other matters of the operation and its partners." * 3
    text = "We reached 60 schools." + far + " Then 40 clinics." + far + " Then 20 wells." + far + " And 0 deaths."
    assert not any(rule == "scattered-axis-ticks" for _, rule in rejections_in(text).values())


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Page | 3 MDRXX001 Lakeland Floods DREF operation report", "3"),
        ("supplies reached the camp.\n\nP a g e | 4\n\nThe operational strategy", "4"),
        ("PAGE | 12 Revised appeal for the cold wave", "12"),
    ],
)
def test_a_page_head_before_its_number_is_page_furniture(text, number):
    assert rejections_in(text)[number] == ("page furniture", "page-bar")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The homepage | 3 new stories were posted today.", 3),  # "page" inside a word is no page head
        ("The team printed 30 pages and 5 posters for the schools.", 5),
    ],
)
def test_no_page_head_no_page_bar(text, value):
    assert value in figure_values(text).values()


@pytest.mark.parametrize(
    "text",
    [
        "The appeal will help some 8,000 people for 6 months with shelter and cash.",
        "About 2,500 families for 3 months will receive food parcels.",
    ],
)
def test_a_hedge_does_not_reach_the_duration_after_for(text):
    figures = {q.value: q for _, q in read_figures_shared(text)}
    durations = [q for q in figures.values() if q.kind.value == "duration"]
    assert durations and all(q.qualifier is Qualifier.EXACT for q in durations)
    assert any(q.qualifier is Qualifier.APPROXIMATE for q in figures.values() if q.kind.value == "count")


@pytest.mark.parametrize(
    "text",
    [
        "The branch reached about 4,000 women or 3,000 men in the first round.",
        "The branch reached about 4,000 women and 3,000 men in the first round.",
    ],
)
def test_a_hedge_still_qualifies_the_items_of_its_list(text):
    assert all(q.qualifier is Qualifier.APPROXIMATE for _, q in read_figures_shared(text))


def read_figures_shared(text: str):
    from extract.parsing import shared_pipeline

    return read_figures(shared_pipeline(), text)
