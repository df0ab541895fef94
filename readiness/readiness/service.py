"""The readiness rules: a unit's readiness against a requirement, the mission view, who needs what.

The database counts (repository); this module turns counts into figures. Every figure is exact
(integers and fractions, min_pct read as the decimal written) with one rounding rule
(rules.round_half_up, in integers rules.round_ratio); see docs/readiness-rules.md.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction

import sqlalchemy as sa
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, NotFound
from readiness.models import Requirement, Unit
from readiness.readiness import repository, rules
from readiness.readiness.repository import LineSpec, RosterGroup, TrainedCount, Window
from readiness.readiness.schemas import (
    CourseDemand,
    LineResult,
    MissionView,
    PersonGap,
    UnitGaps,
    UnitReadiness,
    UnitSummary,
)
from readiness.requirements.service import parse_requirement_code
from readiness.units import repository as units_repository

NO_TARGET = "no_target"


@dataclass(frozen=True)
class LineCount:
    """One unit's people for one line: eligible, trained on the date, lapsing during the tour."""

    eligible: int
    trained: int
    expiring: int


@dataclass(frozen=True)
class Scorecard:
    """The figures shared by a unit report and a mission-view row."""

    strength: int
    women: int
    women_pct: float
    lines: list[LineResult]
    lines_met: int
    lines_total: int
    score: float
    status: str


def get_requirement(session: Session, code: str) -> Requirement:
    """The requirement named by 'CODE' (latest version) or 'CODE@VERSION'."""
    base, version = parse_requirement_code(code)
    requirement = repository.find_requirement(session, base, version)
    if requirement is None:
        raise NotFound(f"no requirement {code}")
    return requirement


def unit_readiness(
    session: Session, *, actor: Actor, unit_code: str, requirement_code: str, as_of: date | None = None
) -> UnitReadiness:
    """A unit's readiness against a requirement on `as_of` (default: planned deployment, else today)."""
    unit = _readable_unit(session, actor, unit_code)
    requirement = get_requirement(session, requirement_code)
    day = as_of or unit.planned_deployment or date.today()
    window, specs = _window_and_lines(session, requirement, day)
    card = _scorecards(session, requirement, specs, window, unit.id, [unit.id])[unit.id]
    return UnitReadiness(
        unit=unit.code, unit_name=unit.name, country=unit.country_code,
        requirement=requirement.code, requirement_version=requirement.version,
        as_of=day, tour_end=rules.tour_end(day, requirement.tour_months),
        **vars(card),
    )


def mission_view(
    session: Session,
    *,
    actor: Actor,
    requirement_code: str,
    as_of: date | None = None,
    country: str | None = None,
    pcrs_level: str | None = None,
    status: str | None = None,
) -> MissionView:
    """Every readable unit of the requirement's unit type on `as_of` (default today), best score first."""
    requirement = get_requirement(session, requirement_code)
    day = as_of or date.today()
    window, specs = _window_and_lines(session, requirement, day)
    unit_ids = repository.mission_unit_ids(
        requirement.unit_type_id, countries=actor.readable_countries(),
        country=country, pcrs_level=pcrs_level,
    )
    rows = _summaries(session, requirement, specs, window, unit_ids)
    if status:
        rows = [row for row in rows if row.status == status]
    rows.sort(key=lambda row: (-row.score, row.unit))
    return MissionView(
        requirement=requirement.code, requirement_version=requirement.version,
        unit_type=repository.unit_type_slug(session, requirement.unit_type_id),
        as_of=day, tour_end=rules.tour_end(day, requirement.tour_months),
        units=rows, demand=training_demand(rows),
    )


def unit_gaps(
    session: Session, *, actor: Actor, unit_code: str, requirement_code: str, as_of: date | None = None
) -> UnitGaps:
    """The people of a unit missing each line, or lapsing during the tour: personal data."""
    unit = _readable_unit(session, actor, unit_code)
    if not actor.can_see_people_of(unit.country_code):
        raise Forbidden("only the unit's own country may see who needs training")
    requirement = get_requirement(session, requirement_code)
    day = as_of or unit.planned_deployment or date.today()
    window, specs = _window_and_lines(session, requirement, day)
    rows = repository.gap_rows(session, unit.id, requirement.id, window)
    by_line = {spec.line_id: spec for spec in specs}
    return UnitGaps(
        unit=unit.code, requirement=requirement.code, requirement_version=requirement.version,
        as_of=day, tour_end=rules.tour_end(day, requirement.tour_months),
        gaps=[_person_gap(row, by_line[row.line_id]) for row in rows],
    )


@dataclass(frozen=True)
class TargetReadiness:
    """A unit against its target requirement (the latest for its target mission and unit type)."""

    unit_id: int
    requirement: str | None
    requirement_version: int | None
    as_of: date | None
    score: float | None
    status: str  # ready, partial, not_ready, or no_target


def target_readiness(
    session: Session, *, actor: Actor, unit_ids: sa.Select, on: date | None = None
) -> dict[int, TargetReadiness]:
    """Unit id -> readiness against its target requirement on `on` (default: planned deployment, else today).

    Set-based: units are grouped by (requirement, date) and each group is counted at once, so
    the statements are 2 + one per requirement + two per group, whatever the number of units
    or people. With `on` given there is one group per requirement.
    """
    targets = units_repository.unit_targets(session, unit_ids, actor.readable_countries())
    requirements = units_repository.requirements_in(session, {t.requirement_id for t in targets})
    specs = {rid: repository.line_specs(session, rid) for rid in requirements}
    results = {t.unit_id: _no_target(t.unit_id) for t in targets if t.requirement_id is None}
    for (requirement_id, day), ids in _target_groups(targets, on).items():
        requirement = requirements[requirement_id]
        window = _window(requirement, specs[requirement_id], day)
        selected = sa.select(Unit.id).where(Unit.id.in_(ids))
        cards = _scorecards(session, requirement, specs[requirement_id], window, selected, ids)
        for unit_id, card in cards.items():
            results[unit_id] = TargetReadiness(
                unit_id=unit_id, requirement=requirement.code, requirement_version=requirement.version,
                as_of=day, score=card.score, status=card.status,
            )
    return results


def _target_groups(targets, on: date | None) -> dict[tuple[int, date], list[int]]:
    # Units pledged to the same requirement on the same day are counted in one pass.
    groups: dict[tuple[int, date], list[int]] = {}
    for target in targets:
        if target.requirement_id is not None:
            day = on or target.planned_deployment or date.today()
            groups.setdefault((target.requirement_id, day), []).append(target.unit_id)
    return groups


def _no_target(unit_id: int) -> TargetReadiness:
    return TargetReadiness(unit_id=unit_id, requirement=None, requirement_version=None,
                           as_of=None, score=None, status=NO_TARGET)


def scorecard(
    requirement: Requirement,
    specs: list[LineSpec],
    groups: list[RosterGroup],
    trained: dict[int, TrainedCount],
) -> Scorecard:
    """Lines, score and status of one unit from its roster groups and trained counts."""
    strength = sum(group.people for group in groups)
    women = sum(group.people for group in groups if group.gender == "F")
    per_line = [(spec, _line_count(spec, groups, trained.get(spec.line_id))) for spec in specs]
    lines = [course_line(spec, count) for spec, count in per_line]
    ratios = [_attainment(count.trained, count.eligible, spec.min_pct) for spec, count in per_line]
    if requirement.min_women_pct is not None:
        lines.append(women_line(requirement.min_women_pct, strength, women))
        ratios.append(_attainment(women, strength, requirement.min_women_pct))
    lines_met = sum(line.met for line in lines)
    return Scorecard(
        strength=strength, women=women, women_pct=percentage(women, strength),
        lines=lines, lines_met=lines_met, lines_total=len(lines),
        score=_score(ratios), status=readiness_status(lines_met, len(lines)),
    )


def course_line(spec: LineSpec, count: LineCount) -> LineResult:
    """A course line's figures from its eligible, trained and expiring counts."""
    return LineResult(
        kind="course", course=spec.course, role=spec.role, min_pct=spec.min_pct,
        eligible=count.eligible, trained=count.trained,
        coverage_pct=percentage(count.trained, count.eligible),
        met=is_met(count.trained, count.eligible, spec.min_pct),
        shortfall=shortfall(count.trained, count.eligible, spec.min_pct),
        expiring=count.expiring,
    )


def women_line(min_women_pct: float, strength: int, women: int) -> LineResult:
    """The women line: the roster's share of women against the requirement's minimum."""
    return LineResult(
        kind="women", course=None, role=None, min_pct=min_women_pct,
        eligible=strength, trained=women, coverage_pct=percentage(women, strength),
        met=is_met(women, strength, min_women_pct),
        shortfall=shortfall(women, strength, min_women_pct), expiring=0,
    )


def percentage(part: int, whole: int) -> float:
    """round_half_up(100 * part / whole, 1), or 0 when whole is 0."""
    return rules.round_ratio(100 * part, whole) if whole else 0.0


def is_met(trained: int, eligible: int, min_pct: float) -> bool:
    """eligible > 0 and 100 * trained >= min_pct * eligible, compared exactly."""
    required = rules.exact(min_pct)
    return eligible > 0 and 100 * trained * required.denominator >= required.numerator * eligible


def shortfall(trained: int, eligible: int, min_pct: float) -> int:
    """People still to train: max(0, ceil(min_pct * eligible / 100) - trained)."""
    required = rules.exact(min_pct)
    return max(0, rules.ceil_ratio(required.numerator * eligible, 100 * required.denominator) - trained)


def readiness_status(lines_met: int, lines_total: int) -> str:
    """ready when every line is met, partial when at least half are, else not_ready."""
    if lines_met == lines_total:
        return "ready"
    return "partial" if 2 * lines_met >= lines_total else "not_ready"


def training_demand(rows: list[UnitSummary]) -> list[CourseDemand]:
    """Shortfall per course summed over the units shown, largest first."""
    totals: dict[str, int] = {}
    for row in rows:
        for line in row.lines:
            if line.course is not None:
                totals[line.course] = totals.get(line.course, 0) + line.shortfall
    ordered = sorted(totals.items(), key=lambda item: (-item[1], item[0]))
    return [CourseDemand(course=course, shortfall=total) for course, total in ordered]


def _attainment(trained: int, eligible: int, min_pct: float) -> Fraction:
    # The exact coverage ratio (not the rounded percentage) against the requirement, capped at 1:
    # (trained / eligible) / (min_pct / 100), in integers with min_pct = p / q.
    required = rules.exact(min_pct)
    if required == 0:
        return Fraction(1)
    if not eligible:
        return Fraction(0)
    achieved, asked = 100 * required.denominator * trained, required.numerator * eligible
    return Fraction(1) if achieved >= asked else Fraction(achieved, asked)


def _score(ratios: list[Fraction]) -> float:
    # A requirement without lines asks for nothing: full score.
    if not ratios:
        return 100.0
    return rules.round_half_up(sum(ratios) / len(ratios) * 100)


def _readable_unit(session: Session, actor: Actor, unit_code: str) -> Unit:
    # Another country's unit is reported as missing, so its existence does not leak.
    unit = repository.find_unit(session, unit_code)
    if unit is None or not actor.can_read_country(unit.country_code):
        raise NotFound(f"no unit {unit_code}")
    return unit


def _window_and_lines(session: Session, requirement: Requirement, day: date) -> tuple[Window, list[LineSpec]]:
    specs = repository.line_specs(session, requirement.id)
    return _window(requirement, specs, day), specs


def _window(requirement: Requirement, specs: list[LineSpec], day: date) -> Window:
    last_day = rules.tour_end(day, requirement.tour_months) - timedelta(days=1)
    validities = {spec.validity_months for spec in specs if spec.validity_months}
    return Window(
        as_of=day,
        last_tour_day=last_day,
        earliest_on_as_of={m: rules.earliest_valid_completion(day, m) for m in validities},
        earliest_on_last_day={m: rules.earliest_valid_completion(last_day, m) for m in validities},
    )


def _line_count(spec: LineSpec, groups: list[RosterGroup], trained: TrainedCount | None) -> LineCount:
    eligible = sum(g.people for g in groups if spec.role is None or g.role == spec.role)
    if trained is None:
        return LineCount(eligible=eligible, trained=0, expiring=0)
    return LineCount(eligible=eligible, trained=trained.trained, expiring=trained.expiring)


def _scorecards(
    session, requirement, specs, window, unit_ids: repository.Units, units: list[int]
) -> dict[int, Scorecard]:
    """unit id -> scorecard for each of `units` (selected by `unit_ids`), in two counting statements."""
    groups: dict[int, list[RosterGroup]] = {unit: [] for unit in units}
    for group in repository.roster_groups(session, unit_ids, window.as_of):
        groups[group.unit_id].append(group)
    trained: dict[int, dict[int, TrainedCount]] = {unit: {} for unit in units}
    for count in repository.trained_counts(session, unit_ids, requirement.id, window):
        trained[count.unit_id][count.line_id] = count
    return {unit: scorecard(requirement, specs, groups[unit], trained[unit]) for unit in units}


def _summaries(session, requirement, specs, window, unit_ids: sa.Select) -> list[UnitSummary]:
    units = repository.unit_headings(session, unit_ids)
    cards = _scorecards(session, requirement, specs, window, unit_ids, [unit.id for unit in units])
    return [
        UnitSummary(unit=unit.code, unit_name=unit.name, country=unit.country_code,
                    pcrs_level=unit.pcrs_level, **vars(cards[unit.id]))
        for unit in units
    ]


def _person_gap(row: repository.GapRow, spec: LineSpec) -> PersonGap:
    lapses_on = None
    if row.latest_by_as_of is not None and spec.validity_months:
        lapses_on = rules.add_months(row.latest_by_as_of, spec.validity_months)
    return PersonGap(
        person_id=row.person_id, service_number=row.service_number,
        family_name=row.family_name, given_name=row.given_name, role=row.role,
        course=spec.course, line_role=spec.role,
        reason="expiring" if row.trained else "not_trained", lapses_on=lapses_on,
    )
