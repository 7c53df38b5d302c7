import pytest

from dashboard.templatetags.ui import chance, points


@pytest.mark.parametrize(
    ("probability", "shown"),
    [
        (None, "—"),
        (0.0, "<1 %"),
        (0.004, "<1 %"),
        (0.3449, "34 %"),
        (0.65, "65 %"),
        (0.996, ">99 %"),
        (1.0, ">99 %"),
    ],
)
def test_a_chance_is_a_whole_percent_that_never_claims_certainty(probability, shown):
    assert chance(probability) == shown


@pytest.mark.parametrize(
    ("fraction", "shown"), [(None, "—"), (0.1234, "+12.3"), (-0.05, "\u22125.0"), (0.0, "+0.0")]
)
def test_a_lift_is_signed_percentage_points_with_a_true_minus(fraction, shown):
    assert points(fraction) == shown
