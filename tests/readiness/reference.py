"""A plain-Python reading of the readiness rules, used only to check the SQL engine.

Written from the rules in docs/readiness-rules.md, deliberately naive (loops over people and
completions) and sharing no code with readiness.readiness.
"""

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from dateutil.relativedelta import relativedelta


@dataclass
class World:
    """Everything the rules look at, as plain values."""

    people: dict[int, tuple[str, str | None]]  # person id -> (gender, role)
    assignments: list[tuple[int, int, date, date | None]]  # person, unit, start, end
    courses: dict[int, tuple[str, int | None, bool]]  # course id -> (code, validity, assessed)
    completions: list[tuple[int, int, date, str]]  # person, course, completed_on, result
    equivalences: set[tuple[int, int]] = field(default_factory=set)  # (course, counts_as)


@dataclass
class Need:
    tour_months: int
    min_women_pct: float | None
    lines: list[tuple[int, float, str | None]]  # course id, min_pct, role


def reference_report(world: World, need: Need, unit_id: int, on: date) -> dict:
    """The unit's figures per the documented rules."""
    roster = _roster(world, unit_id, on)
    last_day = on + relativedelta(months=need.tour_months) - timedelta(days=1)
    lines, attainments = [], []
    for course_id, min_pct, role in need.lines:
        eligible = [p for p in roster if role is None or world.people[p][1] == role]
        trained = [p for p in eligible if _holds(world, p, course_id, on)]
        expiring = [p for p in trained if not _holds(world, p, course_id, last_day)]
        lines.append(_line(world.courses[course_id][0], role, min_pct, len(eligible),
                           len(trained), len(expiring)))
        attainments.append(_attainment(len(trained), len(eligible), min_pct))
    women = sum(1 for p in roster if world.people[p][0] == "F")
    if need.min_women_pct is not None:
        lines.append(_line(None, None, need.min_women_pct, len(roster), women, 0))
        attainments.append(_attainment(women, len(roster), need.min_women_pct))
    met = sum(1 for line in lines if line["met"])
    return {
        "strength": len(roster), "women": women, "women_pct": _pct(women, len(roster)),
        "lines": lines, "lines_met": met, "lines_total": len(lines),
        "score": _round(sum(attainments) / len(attainments) * 100) if attainments else 100.0,
        "status": "ready" if met == len(lines) else "partial" if 2 * met >= len(lines) else "not_ready",
    }


def _roster(world: World, unit_id: int, on: date) -> set[int]:
    return {
        person for person, unit, start, end in world.assignments
        if unit == unit_id and start <= on and (end is None or end >= on)
    }


def _holds(world: World, person: int, course_id: int, on: date) -> bool:
    validity = world.courses[course_id][1]
    for who, taken, completed_on, result in world.completions:
        if who != person or completed_on > on:
            continue
        if taken != course_id and (taken, course_id) not in world.equivalences:
            continue
        if not _counts(result, assessed=world.courses[taken][2]):
            continue
        if validity is None or on < completed_on + relativedelta(months=validity):
            return True
    return False


def _counts(result: str, *, assessed: bool) -> bool:
    return result in ("passed", "waived") or (result == "completed" and not assessed)


def _line(course, role, min_pct, eligible, trained, expiring) -> dict:
    required = Fraction(Decimal(str(min_pct)))
    return {
        "course": course, "role": role, "eligible": eligible, "trained": trained,
        "coverage_pct": _pct(trained, eligible),
        "met": eligible > 0 and 100 * trained >= required * eligible,
        "shortfall": max(0, math.ceil(required * eligible / 100) - trained),
        "expiring": expiring,
    }


def _attainment(trained: int, eligible: int, min_pct: float) -> Fraction:
    required = Fraction(Decimal(str(min_pct))) / 100
    if required == 0:
        return Fraction(1)
    return min(Fraction(1), (Fraction(trained, eligible) if eligible else 0) / required)


def _pct(part: int, whole: int) -> float:
    return _round(Fraction(100 * part, whole)) if whole else 0.0


def _round(value: Fraction) -> float:
    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
