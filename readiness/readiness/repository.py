"""Every query of the readiness engine: set-based, the same SQL on SQLite and PostgreSQL.

The counting works on any set of units at once (one unit for a report, every unit of a type
for the mission view), so the number of queries never depends on the number of units,
people or lines. Validity windows arrive as plain date bounds per `validity_months`
(see rules.earliest_valid_completion), so no dialect-specific date arithmetic is needed.

Dates, the requirement and a single unit are bound parameters, so the statements for one unit
are built once per shape (the validities involved) and reused: building them anew took about
as long as running them.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy import and_, case, func, or_, select
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


Units = sa.Select | int
"""The units to count: one unit's id, or a select of unit ids."""

ONE_UNIT = sa.select(sa.bindparam("unit_id", type_=sa.Integer))
AS_OF = sa.bindparam("as_of", type_=sa.Date)
LAST_TOUR_DAY = sa.bindparam("last_tour_day", type_=sa.Date)
REQUIREMENT = sa.bindparam("requirement_id", type_=sa.Integer)


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


@dataclass(frozen=True)
class UnitHeading:
    """What a mission-view row shows of a unit besides its figures."""

    id: int
    code: str
    name: str
    country_code: str
    pcrs_level: str | None


def unit_headings(session: Session, unit_ids: sa.Select) -> list[UnitHeading]:
    # Plain rows: loading hundreds of ORM objects cost more than the statement.
    rows = session.execute(
        sa.select(Unit.id, Unit.code, Unit.name, Unit.country_code, Unit.pcrs_level).where(Unit.id.in_(unit_ids))
    ).all()
    return [UnitHeading(*row) for row in rows]


def roster_groups(session: Session, units: Units, as_of: date) -> list[RosterGroup]:
    """People on the rosters on `as_of`, counted by unit, role and gender."""
    query = _statement(_roster_groups_statement, units)
    rows = session.execute(query, _unit_params(units) | {"as_of": as_of}).all()
    return [RosterGroup(unit_id, role, str(gender), people) for unit_id, role, gender, people in rows]


def trained_counts(session: Session, units: Units, requirement_id: int, window: Window) -> list[TrainedCount]:
    """Trained and expiring eligible people per unit and line; absent pairs have no one trained."""
    query = _statement(_trained_counts_statement, units, _validities(window))
    rows = session.execute(query, _unit_params(units) | _window_params(requirement_id, window)).all()
    return [TrainedCount(u, line, int(t), int(x)) for u, line, t, x in rows]


def gap_rows(session: Session, units: Units, requirement_id: int, window: Window) -> list[GapRow]:
    """Eligible people not trained on the date or not valid on the last day of the tour."""
    query = _statement(_gap_rows_statement, units, _validities(window))
    rows = session.execute(query, _unit_params(units) | _window_params(requirement_id, window)).all()
    return [GapRow(*row[:7], trained=bool(row[7])) for row in rows]


def _statement(build, units: Units, *shape):
    """The statement `build` makes for `units`: for one unit, built once per shape and kept."""
    return _one_unit_statement(build, *shape) if isinstance(units, int) else build(units, *shape)


@lru_cache(maxsize=256)
def _one_unit_statement(build, *shape):
    return build(ONE_UNIT, *shape)


def _unit_params(units: Units) -> dict:
    return {"unit_id": units} if isinstance(units, int) else {}


def _validities(window: Window) -> tuple[int, ...]:
    return tuple(sorted(window.earliest_on_as_of))


def _window_params(requirement_id: int, window: Window) -> dict:
    params = {"requirement_id": requirement_id, "as_of": window.as_of, "last_tour_day": window.last_tour_day}
    for months in window.earliest_on_as_of:
        params[f"valid_from_{months}_on_as_of"] = window.earliest_on_as_of[months]
        params[f"valid_from_{months}_on_last_day"] = window.earliest_on_last_day[months]
    return params


def _roster_groups_statement(unit_ids: sa.Select) -> sa.Select:
    assigned = _assigned(unit_ids).subquery("assigned")
    # A person counts once however many open assignments to the unit they have.
    return (
        select(assigned.c.unit_id, assigned.c.role, assigned.c.gender, func.count(assigned.c.person_id.distinct()))
        .group_by(assigned.c.unit_id, assigned.c.role, assigned.c.gender)
    )


def _trained_counts_statement(unit_ids: sa.Select, validities: tuple[int, ...]) -> sa.Select:
    held = _held_by_holders(_assigned(unit_ids), _lines())
    trained = _valid(held.c.latest_by_as_of, held.c.validity_months, validities, "as_of")
    still_valid = _valid(held.c.latest_by_last_day, held.c.validity_months, validities, "last_day")
    return select(
        held.c.unit_id,
        held.c.line_id,
        func.sum(case((trained, 1), else_=0)),
        func.sum(case((and_(trained, ~still_valid), 1), else_=0)),
    ).group_by(held.c.unit_id, held.c.line_id)


def _gap_rows_statement(unit_ids: sa.Select, validities: tuple[int, ...]) -> sa.Select:
    held = _held_by_everyone(_roster(unit_ids), _lines())
    trained = _valid(held.c.latest_by_as_of, held.c.validity_months, validities, "as_of")
    still_valid = _valid(held.c.latest_by_last_day, held.c.validity_months, validities, "last_day")
    return (
        select(
            Person.id, Person.service_number, Person.family_name, Person.given_name,
            Person.role, held.c.line_id, held.c.latest_by_as_of, case((trained, 1), else_=0),
        )
        .join(Person, Person.id == held.c.person_id)
        .where(or_(~trained, ~still_valid))
        .order_by(Person.family_name, Person.given_name, Person.id, held.c.line_id)
    )


def _assigned(unit_ids: sa.Select) -> sa.Select:
    """People with an assignment to one of the units open on the date, one row per assignment
    (a person with two open assignments to a unit appears twice: see _roster)."""
    return (
        select(Assignment.unit_id, Assignment.person_id, Person.gender, Person.role)
        .join(Person, Person.id == Assignment.person_id)
        .where(
            Assignment.unit_id.in_(unit_ids),
            Assignment.start_on <= AS_OF,
            or_(Assignment.end_on.is_(None), Assignment.end_on >= AS_OF),
        )
    )


def _roster(unit_ids: sa.Select) -> sa.CTE:
    """The rosters on the date: one row per unit and person."""
    return _assigned(unit_ids).distinct().cte("roster")


def _lines() -> sa.CTE:
    query = (
        select(
            RequirementLine.id.label("line_id"),
            RequirementLine.course_id,
            RequirementLine.role,
            Course.validity_months,
        )
        .join(Course, Course.id == RequirementLine.course_id)
        .where(RequirementLine.requirement_id == REQUIREMENT)
    )
    return query.cte("line")


def _counts_for(lines: sa.CTE) -> sa.CTE:
    """(source, target): a completion of source counts for a line on target (itself or declared)."""
    itself = select(lines.c.course_id.label("source"), lines.c.course_id.label("target"))
    declared = select(
        CourseEquivalence.course_id.label("source"), CourseEquivalence.counts_as_id.label("target")
    ).where(CourseEquivalence.counts_as_id.in_(select(lines.c.course_id)))
    return sa.union(itself, declared).cte("counts_for")


def _held_by_holders(assigned: sa.Select, lines: sa.CTE) -> sa.Subquery:
    """Per unit, line and person holding a counting completion of the line's course: the
    latest one up to the date and up to the last day of the tour.

    It starts from the completions, never from rosters × lines, and takes the plain
    assignments: the grouping folds a person's duplicate assignments into one row.
    """
    latest = _latest_counting(assigned.subquery("assigned"), lines)
    return (
        select(
            latest.c.unit_id, latest.c.person_id, lines.c.line_id, lines.c.validity_months,
            latest.c.latest_by_as_of, latest.c.latest_by_last_day,
        )
        .join(lines, and_(lines.c.course_id == latest.c.course_id, _role_matches(lines, latest)))
        .subquery("held")
    )


def _held_by_everyone(roster: sa.CTE, lines: sa.CTE) -> sa.Subquery:
    """As _held_by_holders, with a row (nulls for the dates) for every eligible person of the
    rosters, with or without a completion: for listing gaps."""
    latest = _latest_counting(roster, lines)
    held_course = and_(
        latest.c.unit_id == roster.c.unit_id,
        latest.c.person_id == roster.c.person_id,
        latest.c.course_id == lines.c.course_id,
    )
    return (
        select(
            roster.c.unit_id, roster.c.person_id, lines.c.line_id, lines.c.validity_months,
            latest.c.latest_by_as_of, latest.c.latest_by_last_day,
        )
        .select_from(roster)
        .join(lines, _role_matches(lines, roster))
        .outerjoin(latest, held_course)
        .subquery("held")
    )


def _latest_counting(roster, lines: sa.CTE) -> sa.Subquery:
    """Per rostered person (with their unit and role) and required course: the latest counting
    completion up to the date and up to the last day of the tour.

    The rosters meet the completions directly (an index range per person) and each person's
    completions are aggregated once, before meeting the lines, so the work is proportional to
    the completions read, not to people × lines.
    """
    counts_for = _counts_for(lines)
    taken = Course.__table__.alias("taken")
    by_as_of = case((Completion.completed_on <= AS_OF, Completion.completed_on))
    return (
        select(
            roster.c.unit_id,
            roster.c.person_id,
            roster.c.role,
            counts_for.c.target.label("course_id"),
            func.max(by_as_of).label("latest_by_as_of"),
            func.max(Completion.completed_on).label("latest_by_last_day"),
        )
        .join(Completion, Completion.person_id == roster.c.person_id)
        .join(counts_for, counts_for.c.source == Completion.course_id)
        .join(taken, taken.c.id == Completion.course_id)
        .where(Completion.completed_on <= LAST_TOUR_DAY, _counting(taken))
        .group_by(roster.c.unit_id, roster.c.person_id, roster.c.role, counts_for.c.target)
        .subquery("latest")
    )


def _counting(taken: sa.Table) -> sa.ColumnElement:
    """The results that count: passed and waived always, completed when the course is not assessed."""
    return or_(
        Completion.result.in_(COUNTING_ALWAYS),
        and_(Completion.result == "completed", taken.c.assessed.is_(False)),
    )


def _valid(
    latest: sa.ColumnElement, validity_months: sa.ColumnElement, validities: tuple[int, ...], on: str
) -> sa.ColumnElement:
    """Whether the latest counting completion is still inside its course's validity window on
    the date (`on` = "as_of") or the last day of the tour ("last_day"): the earliest valid
    completion date per validity is a parameter, valid_from_<months>_on_<on>."""
    if not validities:
        return latest.is_not(None)
    earliest_allowed = case(
        {months: sa.bindparam(f"valid_from_{months}_on_{on}", type_=sa.Date) for months in validities},
        value=validity_months,
    )
    return and_(latest.is_not(None), or_(validity_months.is_(None), latest >= earliest_allowed))


def _role_matches(lines: sa.CTE, people) -> sa.ColumnElement:
    return or_(lines.c.role.is_(None), lines.c.role == people.c.role)
