"""Every query of the readiness engine: set-based, the same SQL on SQLite and PostgreSQL.

The counting works on any set of units at once (one unit for a report, every unit of a type
for the mission view), so the number of queries never depends on the number of units,
people or lines. Validity windows arrive as plain date bounds per `validity_months`
(see rules.earliest_valid_completion), so no dialect-specific date arithmetic is needed.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import and_, case, func, literal, or_, select
from sqlmodel import Session

from readiness.models import (
    Assignment,
    Completion,
    Course,
    CourseEquivalence,
    Person,
    Requirement,
    RequirementLine,
    Unit,
    UnitType,
)

COUNTING_ALWAYS = ("passed", "waived")


@dataclass(frozen=True)
class LineSpec:
    line_id: int
    course_id: int
    course: str
    validity_months: int | None
    min_pct: float
    role: str | None


@dataclass(frozen=True)
class Window:
    """The dates a report looks at, and the earliest valid completion date per validity."""

    as_of: date
    last_tour_day: date
    earliest_on_as_of: dict[int, date]
    earliest_on_last_day: dict[int, date]


@dataclass(frozen=True)
class RosterGroup:
    unit_id: int
    role: str | None
    gender: str
    people: int


@dataclass(frozen=True)
class TrainedCount:
    unit_id: int
    line_id: int
    trained: int
    expiring: int


@dataclass(frozen=True)
class GapRow:
    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    role: str | None
    line_id: int
    latest_by_as_of: date | None
    trained: bool


def find_unit(session: Session, code: str) -> Unit | None:
    return session.execute(sa.select(Unit).where(Unit.code == code)).scalars().first()


def find_course(session: Session, code: str) -> Course | None:
    return session.execute(sa.select(Course).where(Course.code == code)).scalars().first()


def find_equivalence(session: Session, course_id: int, counts_as_id: int) -> CourseEquivalence | None:
    return session.execute(
        sa.select(CourseEquivalence).where(
            CourseEquivalence.course_id == course_id, CourseEquivalence.counts_as_id == counts_as_id
        )
    ).scalars().first()


def add(session: Session, record) -> None:
    session.add(record)
    session.flush()


def delete(session: Session, record) -> None:
    session.delete(record)
    session.flush()


def find_requirement(session: Session, code: str, version: int | None) -> Requirement | None:
    """The requirement with `code` at `version`, or its latest version when None."""
    query = sa.select(Requirement).where(Requirement.code == code)
    if version is not None:
        query = query.where(Requirement.version == version)
    return session.execute(query.order_by(Requirement.version.desc()).limit(1)).scalars().first()


def unit_type_slug(session: Session, unit_type_id: int) -> str:
    return session.execute(sa.select(UnitType.slug).where(UnitType.id == unit_type_id)).scalar_one()


def line_specs(session: Session, requirement_id: int) -> list[LineSpec]:
    rows = session.execute(
        sa.select(
            RequirementLine.id, Course.id, Course.code, Course.validity_months,
            RequirementLine.min_pct, RequirementLine.role,
        )
        .join(Course, Course.id == RequirementLine.course_id)
        .where(RequirementLine.requirement_id == requirement_id)
        .order_by(RequirementLine.id)
    ).all()
    return [LineSpec(*row) for row in rows]


def mission_unit_ids(
    unit_type_id: int,
    *,
    countries: frozenset[str] | None,
    country: str | None = None,
    pcrs_level: str | None = None,
) -> sa.Select:
    """The ids of the units of a type, limited to `countries` (None: all) and the filters."""
    query = sa.select(Unit.id).where(Unit.unit_type_id == unit_type_id)
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    if country:
        query = query.where(Unit.country_code == country)
    if pcrs_level:
        query = query.where(Unit.pcrs_level == pcrs_level)
    return query


def units_in(session: Session, unit_ids: sa.Select) -> list[Unit]:
    return list(session.execute(sa.select(Unit).where(Unit.id.in_(unit_ids))).scalars().all())


def roster_groups(session: Session, unit_ids: sa.Select, as_of: date) -> list[RosterGroup]:
    """People on the rosters on `as_of`, counted by unit, role and gender."""
    roster = _roster(unit_ids, as_of)
    rows = session.execute(
        select(roster.c.unit_id, roster.c.role, roster.c.gender, func.count())
        .group_by(roster.c.unit_id, roster.c.role, roster.c.gender)
    ).all()
    return [RosterGroup(unit_id, role, str(gender), people) for unit_id, role, gender, people in rows]


def trained_counts(
    session: Session, unit_ids: sa.Select, requirement_id: int, window: Window
) -> list[TrainedCount]:
    """Trained and expiring eligible people per unit and line; absent pairs have no one trained."""
    held = _held(_roster(unit_ids, window.as_of), _lines(requirement_id), window, everyone=False)
    trained = _valid(held.c.latest_by_as_of, held.c.validity_months, window.earliest_on_as_of)
    still_valid = _valid(held.c.latest_by_last_day, held.c.validity_months, window.earliest_on_last_day)
    query = select(
        held.c.unit_id,
        held.c.line_id,
        func.sum(case((trained, 1), else_=0)),
        func.sum(case((and_(trained, ~still_valid), 1), else_=0)),
    ).group_by(held.c.unit_id, held.c.line_id)
    return [TrainedCount(u, line, int(t), int(x)) for u, line, t, x in session.execute(query).all()]


def gap_rows(
    session: Session, unit_ids: sa.Select, requirement_id: int, window: Window
) -> list[GapRow]:
    """Eligible people not trained on the date or not valid on the last day of the tour."""
    held = _held(_roster(unit_ids, window.as_of), _lines(requirement_id), window, everyone=True)
    trained = _valid(held.c.latest_by_as_of, held.c.validity_months, window.earliest_on_as_of)
    still_valid = _valid(held.c.latest_by_last_day, held.c.validity_months, window.earliest_on_last_day)
    query = (
        select(
            Person.id, Person.service_number, Person.family_name, Person.given_name,
            Person.role, held.c.line_id, held.c.latest_by_as_of, case((trained, 1), else_=0),
        )
        .join(Person, Person.id == held.c.person_id)
        .where(or_(~trained, ~still_valid))
        .order_by(Person.family_name, Person.given_name, Person.id, held.c.line_id)
    )
    return [GapRow(*row[:7], trained=bool(row[7])) for row in session.execute(query).all()]


def _roster(unit_ids: sa.Select, as_of: date) -> sa.CTE:
    """People with an assignment to one of the units open on `as_of`, one row per unit and person."""
    return (
        select(Assignment.unit_id, Assignment.person_id, Person.gender, Person.role)
        .join(Person, Person.id == Assignment.person_id)
        .where(
            Assignment.unit_id.in_(unit_ids),
            Assignment.start_on <= as_of,
            or_(Assignment.end_on.is_(None), Assignment.end_on >= as_of),
        )
        .distinct()
        .cte("roster")
    )


def _lines(requirement_id: int) -> sa.CTE:
    return (
        select(
            RequirementLine.id.label("line_id"),
            RequirementLine.course_id,
            RequirementLine.role,
            Course.validity_months,
        )
        .join(Course, Course.id == RequirementLine.course_id)
        .where(RequirementLine.requirement_id == requirement_id)
        .cte("line")
    )


def _counts_for(lines: sa.CTE) -> sa.CTE:
    """(source, target): a completion of source counts for a line on target (itself or declared)."""
    itself = select(lines.c.course_id.label("source"), lines.c.course_id.label("target"))
    declared = select(
        CourseEquivalence.course_id.label("source"), CourseEquivalence.counts_as_id.label("target")
    ).where(CourseEquivalence.counts_as_id.in_(select(lines.c.course_id)))
    return sa.union(itself, declared).cte("counts_for")


def _held(roster: sa.CTE, lines: sa.CTE, window: Window, *, everyone: bool) -> sa.Subquery:
    """Per unit, person and line: the latest counting completion up to the date and up to the
    last day of the tour.

    everyone=True keeps a row (with nulls) for eligible people without any completion, for
    listing gaps; the counts need only people with one.
    """
    latest = _latest_counting(roster, lines, window)
    held_course = and_(latest.c.person_id == roster.c.person_id, latest.c.course_id == lines.c.course_id)
    query = select(
        roster.c.unit_id, roster.c.person_id, lines.c.line_id, lines.c.validity_months,
        latest.c.latest_by_as_of, latest.c.latest_by_last_day,
    ).select_from(roster).join(lines, _role_matches(lines, roster))
    query = query.outerjoin(latest, held_course) if everyone else query.join(latest, held_course)
    return query.subquery("held")


def _latest_counting(roster: sa.CTE, lines: sa.CTE, window: Window) -> sa.Subquery:
    """Per rostered person and required course: the latest counting completion up to the date
    and up to the last day of the tour.

    Aggregating each person's completions once, before meeting the lines, keeps the work
    proportional to the completions read, not to people × lines.
    """
    counts_for = _counts_for(lines)
    taken = Course.__table__.alias("taken")
    counting = or_(
        Completion.result.in_(COUNTING_ALWAYS),
        and_(Completion.result == "completed", taken.c.assessed.is_(False)),
    )
    by_as_of = case((and_(counting, Completion.completed_on <= window.as_of), Completion.completed_on))
    by_last_day = case((counting, Completion.completed_on))
    return (
        select(
            Completion.person_id,
            counts_for.c.target.label("course_id"),
            func.max(by_as_of).label("latest_by_as_of"),
            func.max(by_last_day).label("latest_by_last_day"),
        )
        .join(counts_for, counts_for.c.source == Completion.course_id)
        .join(taken, taken.c.id == Completion.course_id)
        .where(
            Completion.person_id.in_(select(roster.c.person_id)),
            Completion.completed_on <= window.last_tour_day,
        )
        .group_by(Completion.person_id, counts_for.c.target)
        .subquery("latest")
    )


def _valid(
    latest: sa.ColumnElement, validity_months: sa.ColumnElement, earliest: dict[int, date]
) -> sa.ColumnElement:
    """Whether the latest counting completion is still inside its course's validity window."""
    if not earliest:
        return latest.is_not(None)
    earliest_allowed = case(
        {months: literal(day, sa.Date) for months, day in earliest.items()}, value=validity_months
    )
    return and_(latest.is_not(None), or_(validity_months.is_(None), latest >= earliest_allowed))


def _role_matches(lines: sa.CTE, roster: sa.CTE) -> sa.ColumnElement:
    return or_(lines.c.role.is_(None), lines.c.role == roster.c.role)
