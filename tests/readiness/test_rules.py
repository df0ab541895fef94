"""The arithmetic rules on their own: rounding halves up, ceilings, exact percentages."""

from fractions import Fraction

import pytest

from readiness.readiness import rules


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [(225, 100, 2.3), (224, 100, 2.2), (1, 3, 0.3), (2, 3, 0.7), (0, 7, 0.0), (100, 1, 100.0), (5, 200, 0.0)],
)
def test_round_ratio_rounds_halves_up(numerator, denominator, expected):
    assert rules.round_ratio(numerator, denominator) == expected
    assert rules.round_half_up(Fraction(numerator, denominator)) == expected


def test_round_ratio_keeps_the_places_asked_for():
    assert rules.round_ratio(12345, 1000, places=2) == 12.35
    assert rules.round_ratio(5, 10, places=0) == 1.0


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"), [(10, 5, 2), (11, 5, 3), (1, 100, 1), (0, 3, 0), (299, 100, 3)]
)
def test_ceil_ratio(numerator, denominator, expected):
    assert rules.ceil_ratio(numerator, denominator) == expected


def test_exact_reads_a_percentage_as_the_decimal_written():
    assert rules.exact(15.1) == Fraction(151, 10)
    assert rules.exact(15) == Fraction(15)
