"""Every query of gender parity: set-based, the same SQL on SQLite and PostgreSQL.

Rosters follow the engine's rule (assignments open on the day, a person counted once per
unit); valid completions follow its validity rule, with the windows bound as plain dates per
validity period (readiness.readiness.rules.earliest_valid_completion).
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session

from readiness.models import (
    Assignment,
    Completion,
    Course,
    CourseEquivalence,
    CourseSession,
    GenderParityTarget,
    ParityCategory,
    Person,
    RequirementLine,
    TrainingCentre,
    Unit,
    UnitType,
)

Countries = frozenset[str] | None
COUNTING_ALWAYS = ("passed", "waived")


@dataclass(frozen=True)
class UnitRoster:
    unit_id: int
    code: str
    name: str
    country: str
    unit_type: str
    branch: str
    strength: int
    women: int


@dataclass(frozen=True)
class Holders:
    key: str | int
    people: int
    women: int


# --- targets -------------------------------------------------------------------------------


def targets(session: Session) -> list[GenderParityTarget]:
    query = sa.select(GenderParityTarget).order_by(GenderParityTarget.year, GenderParityTarget.category)
    return list(session.execute(query).scalars().all())


def get_target(session: Session, year: int, category: ParityCategory) -> GenderParityTarget | None:
    return session.get(GenderParityTarget, (year, category))


def add(session: Session, record) -> None:
    session.add(record)
    session.flush()


def delete(session: Session, record) -> None:
    session.delete(record)
    session.flush()


# --- rosters -------------------------------------------------------------------------------


def _within(query: sa.Select, column, countries: Countries) -> sa.Select:
    return query if countries is None else query.where(column.in_(countries))


def _roster(on) -> sa.Subquery:
    """(unit, person, gender) with an assignment open on `on` (a date, or a date column)."""
    return (
        sa.select(Assignment.unit_id, Assignment.person_id, Person.gender)
        .join(Person, Person.id == Assignment.person_id)
        .where(Assignment.start_on <= on, sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on))
        .distinct()
        .subquery("roster")
    )


def _women(column) -> sa.ColumnElement:
    return func.count(func.distinct(sa.case((column == "F", Person.id))))


def unit_rosters(session: Session, on: date, countries: Countries, unit_code: str | None = None) -> list[UnitRoster]:
    """Every unit of `countries` (None: all) with its strength and women on `on`, in one statement."""
    roster = _roster(on)
    women = func.sum(sa.case((roster.c.gender == "F", 1), else_=0))
    query = (
        sa.select(Unit.id, Unit.code, Unit.name, Unit.country_code, UnitType.slug, UnitType.branch,
                  func.count(roster.c.person_id), func.coalesce(women, 0))
        .join(UnitType, UnitType.id == Unit.unit_type_id)
        .outerjoin(roster, roster.c.unit_id == Unit.id)
        .group_by(Unit.id, Unit.code, Unit.name, Unit.country_code, UnitType.slug, UnitType.branch)
        .order_by(Unit.country_code, Unit.code)
    )
    if unit_code is not None:
        query = query.where(Unit.code == unit_code)
    rows = session.execute(_within(query, Unit.country_code, countries)).all()
    return [UnitRoster(uid, code, name, country, slug, str(getattr(branch, "value", branch)), int(strength),
                       int(women)) for uid, code, name, country, slug, branch, strength, women in rows]


def ready_rosters(session: Session, unit_ids: list[int], today: date) -> list[tuple[str, str, int, int, int]]:
    """(country, branch, units, people, women) on the rosters of `unit_ids` on each unit's
    planned deployment date (today when none), the day its readiness is judged on."""
    if not unit_ids:
        return []
    day = func.coalesce(Unit.planned_deployment, sa.literal(today, sa.Date))
    query = (
        sa.select(Unit.country_code, UnitType.branch, func.count(func.distinct(Unit.id)),
                  func.count(func.distinct(Person.id)), _women(Person.gender))
        .select_from(Unit)
        .join(UnitType, UnitType.id == Unit.unit_type_id)
        .join(Assignment, sa.and_(Assignment.unit_id == Unit.id, Assignment.start_on <= day,
                                  sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= day)))
        .join(Person, Person.id == Assignment.person_id)
        .where(Unit.id.in_(unit_ids))
        .group_by(Unit.country_code, UnitType.branch)
        .order_by(Unit.country_code, UnitType.branch)
    )
    return [(country, str(getattr(branch, "value", branch)), units, people, women)
            for country, branch, units, people, women in session.execute(query).all()]


# --- valid completions ---------------------------------------------------------------------


def course_validities(session: Session) -> set[int]:
    """The distinct validity periods (months) of the courses that lapse."""
    query = sa.select(Course.validity_months).distinct().where(Course.validity_months.is_not(None))
    return set(session.execute(query).scalars().all())


def _counts_for() -> sa.CTE:
    """(source, target): a completion of `source` counts for `target` (itself or declared equivalent)."""
    itself = sa.select(Course.id.label("source"), Course.id.label("target"))
    declared = sa.select(CourseEquivalence.course_id.label("source"), CourseEquivalence.counts_as_id.label("target"))
    return sa.union(itself, declared).cte("counts_for")


def _holders(on: date, earliest: dict[int, date], *, countries: Countries = None,
             person_ids: sa.Select | None = None, course_ids: list[int] | None = None) -> sa.Subquery:
    """(person, gender, course) for each person holding a valid completion of the course on `on`."""
    counts_for = _counts_for()
    taken = Course.__table__.alias("taken")
    counting = sa.or_(Completion.result.in_(COUNTING_ALWAYS),
                      sa.and_(Completion.result == "completed", taken.c.assessed.is_(False)))
    query = (
        sa.select(Completion.person_id, Person.gender, counts_for.c.target.label("course_id"))
        .join(counts_for, counts_for.c.source == Completion.course_id)
        .join(taken, taken.c.id == Completion.course_id)
        .join(Course, Course.id == counts_for.c.target)
        .join(Person, Person.id == Completion.person_id)
        .where(counting, Completion.completed_on <= on, _still_valid(Completion.completed_on, earliest))
        .distinct()
    )
    if person_ids is not None:
        query = query.where(Completion.person_id.in_(person_ids))
    if course_ids is not None:
        query = query.where(counts_for.c.target.in_(course_ids))
    return _within(query, Person.country_code, countries).subquery("holders")


def _still_valid(completed_on, earliest: dict[int, date]) -> sa.ColumnElement:
    """The required course's validity: none, or the completion is on or after its earliest valid day."""
    if not earliest:
        return sa.true()
    earliest_allowed = sa.case({months: sa.literal(day, sa.Date) for months, day in earliest.items()},
                               value=Course.validity_months)
    return sa.or_(Course.validity_months.is_(None), completed_on >= earliest_allowed)


def holders_by_course(session: Session, on: date, earliest: dict[int, date], *, countries: Countries = None,
                      person_ids: sa.Select | None = None, course_ids: list[int] | None = None) -> list[Holders]:
    """Per course (id): people holding a valid completion on `on`, and the women among them."""
    holders = _holders(on, earliest, countries=countries, person_ids=person_ids, course_ids=course_ids)
    women = func.sum(sa.case((holders.c.gender == "F", 1), else_=0))
    query = sa.select(holders.c.course_id, func.count(), women).group_by(holders.c.course_id)
    return [Holders(course_id, people, int(women or 0)) for course_id, people, women in session.execute(query).all()]


def holders_by_category(session: Session, on: date, earliest: dict[int, date], *,
                        countries: Countries = None) -> list[Holders]:
    """Per course category: people holding a valid completion of a course of it (each counted once)."""
    holders = _holders(on, earliest, countries=countries)
    per_person = (
        sa.select(Course.category, holders.c.person_id, holders.c.gender)
        .join(Course, Course.id == holders.c.course_id)
        .distinct()
        .subquery("per_person")
    )
    women = func.sum(sa.case((per_person.c.gender == "F", 1), else_=0))
    query = (sa.select(per_person.c.category, func.count(), women).group_by(per_person.c.category)
             .order_by(per_person.c.category))
    return [Holders(str(getattr(category, "value", category)), people, int(women or 0))
            for category, people, women in session.execute(query).all()]


def courses_in(session: Session, course_ids) -> dict[int, Course]:
    ids = list(course_ids)
    if not ids:
        return {}
    return {course.id: course for course in session.execute(sa.select(Course).where(Course.id.in_(ids))).scalars()}


def roster_person_ids(unit_id: int, on: date) -> sa.Select:
    """The people on one unit's roster on `on`, as a subquery."""
    return sa.select(Assignment.person_id).where(
        Assignment.unit_id == unit_id, Assignment.start_on <= on,
        sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on))


# --- the unit's target requirement ------------------------------------------------------------


def requirement_courses(session: Session, requirement_id: int) -> list[int]:
    """The courses a requirement's lines ask for, in line order, each once."""
    rows = session.execute(
        sa.select(RequirementLine.course_id).where(RequirementLine.requirement_id == requirement_id)
        .order_by(RequirementLine.id)).scalars().all()
    return list(dict.fromkeys(rows))


# --- sessions ------------------------------------------------------------------------------


def past_sessions(session: Session, on: date, countries: Countries, limit: int):
    """The latest sessions ended by `on` with completions recorded against them: people and women."""
    query = (
        sa.select(CourseSession.id.label("session_id"), Course.code.label("course"),
                  TrainingCentre.code.label("centre"), CourseSession.start_on, CourseSession.end_on,
                  func.count(func.distinct(Person.id)).label("people"), _women(Person.gender).label("women"))
        .select_from(CourseSession)
        .join(Course, Course.id == CourseSession.course_id)
        .join(TrainingCentre, TrainingCentre.id == CourseSession.centre_id)
        .join(Completion, Completion.session_id == CourseSession.id)
        .join(Person, Person.id == Completion.person_id)
        .where(CourseSession.end_on <= on)
        .group_by(CourseSession.id, Course.code, TrainingCentre.code, CourseSession.start_on, CourseSession.end_on)
        .order_by(CourseSession.end_on.desc(), Course.code, CourseSession.id)
        .limit(limit)
    )
    return session.execute(_within(query, TrainingCentre.country_code, countries)).mappings().all()
