"""The parity rules: which target applies to a year, and the UN's colours."""

from readiness.models import Branch, GenderParityTarget, ParityCategory
from readiness.parity import rules

MILITARY = ParityCategory.military_contingent
SOURCED = [
    GenderParityTarget(year=2021, category=MILITARY, target_pct=8, sourced=True, source="S41"),
    GenderParityTarget(year=2028, category=MILITARY, target_pct=15, sourced=True, source="S40"),
    GenderParityTarget(year=2028, category=ParityCategory.formed_police_unit, target_pct=20, sourced=True),
]


def test_a_year_with_its_own_target_uses_it():
    applied = rules.applicable_target(SOURCED, 2028, MILITARY)

    assert (applied.target_pct, applied.target_year, applied.fallback) == (15, 2028, False)


def test_a_year_without_a_target_falls_back_to_the_nearest_earlier_year():
    applied = rules.applicable_target(SOURCED, 2026, MILITARY)

    assert (applied.target_pct, applied.target_year, applied.year, applied.fallback) == (8, 2021, 2026, True)


def test_a_later_year_without_a_target_keeps_the_last_one():
    assert rules.applicable_target(SOURCED, 2030, MILITARY).target_pct == 15


def test_no_target_applies_before_the_first_one_of_the_category():
    assert rules.applicable_target(SOURCED, 2027, ParityCategory.formed_police_unit) is None
    assert rules.applicable_target(SOURCED, 2030, ParityCategory.individual_police) is None


def test_exactly_at_the_target_is_green():
    assert rules.colour(women=15, strength=100, target_pct=15) == "green"
    assert rules.colour(women=1, strength=3, target_pct=33.3) == "green"


def test_just_below_the_target_is_yellow():
    assert rules.colour(women=14, strength=100, target_pct=15) == "yellow"
    assert rules.colour(women=1, strength=3, target_pct=33.4) == "yellow"


def test_one_woman_is_yellow_and_none_is_red():
    assert rules.colour(women=1, strength=850, target_pct=15) == "yellow"
    assert rules.colour(women=0, strength=850, target_pct=15) == "red"
    assert rules.colour(women=0, strength=10, target_pct=0) == "red"


def test_without_a_target_women_make_yellow_and_an_empty_roster_has_no_colour():
    assert rules.colour(women=5, strength=10, target_pct=None) == "yellow"
    assert rules.colour(women=0, strength=10, target_pct=None) == "red"
    assert rules.colour(women=0, strength=0, target_pct=15) is None


def test_a_unit_counts_in_its_branchs_category():
    assert rules.unit_category(Branch.police) == ParityCategory.formed_police_unit
    assert rules.unit_category("military") == ParityCategory.military_contingent
