"""The unit-error breakdown of `extract eval`: how a wrong counted noun is wrong."""

import pytest

from extract.checks.evaluate import unit_error_class


@pytest.mark.parametrize(
    ("expected", "got", "kind"),
    [
        ("people", None, "missing"),
        (None, "people", "spurious"),
        ("confirmed cases", "cases", "fewer_modifiers"),
        ("refugees", "drc refugees", "more_modifiers"),
        ("mobile latrine", "latrines", "fewer_modifiers"),
        ("households", "people", "other"),
        ("chf", "usd", "other"),
    ],
)
def test_unit_error_class(expected: str | None, got: str | None, kind: str) -> None:
    assert unit_error_class(expected, got) == kind
