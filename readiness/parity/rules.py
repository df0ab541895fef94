"""The parity rules: which target applies to a year, and a unit's or country's colour.

Pure functions, no database, so that pages, exports and the API all answer alike.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from readiness.models import Branch, GenderParityTarget, ParityCategory
from readiness.readiness.service import is_met

GREEN, YELLOW, RED = "green", "yellow", "red"
COLOURS = (GREEN, YELLOW, RED)
# The UGPS category a unit counts in follows its unit type's branch.
UNIT_CATEGORY = {Branch.military: ParityCategory.military_contingent,
                 Branch.police: ParityCategory.formed_police_unit}


@dataclass(frozen=True)
class AppliedTarget:
    """The target that applies to `year`: set for `target_year` (earlier when `fallback`)."""

    category: ParityCategory
    year: int
    target_year: int
    target_pct: float
    sourced: bool
    source: str | None

    @property
    def fallback(self) -> bool:
        return self.target_year != self.year


def applicable_target(targets: Iterable[GenderParityTarget], year: int,
                      category: ParityCategory | str) -> AppliedTarget | None:
    """That year's target for `category`, else the nearest earlier year's, else None."""
    category = ParityCategory(category)
    earlier = [t for t in targets if ParityCategory(t.category) == category and t.year <= year]
    if not earlier:
        return None
    chosen = max(earlier, key=lambda target: target.year)
    return AppliedTarget(category=category, year=year, target_year=chosen.year, target_pct=chosen.target_pct,
                         sourced=chosen.sourced, source=chosen.source)


def unit_category(branch: Branch | str) -> ParityCategory:
    """A unit's UGPS category: formed police units for the police branch, else military contingents."""
    return UNIT_CATEGORY[Branch(branch)]


def colour(women: int, strength: int, target_pct: float | None) -> str | None:
    """green: meets the target; yellow: below it (or no target set) with a woman; red: no women.

    None when no one is on the roster: there is no share to colour.
    """
    if strength == 0:
        return None
    if women == 0:
        return RED
    if target_pct is not None and is_met(women, strength, target_pct):
        return GREEN
    return YELLOW
