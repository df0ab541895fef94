"""Queries behind the home page's figures."""

from datetime import date, timedelta

import sqlalchemy as sa
from sqlalchemy import func
from sqlmodel import Session, select

from readiness.models import (
    Assignment,
    AuditEntry,
    Completion,
    Course,
    Person,
    Unit,
    UnitType,
    User,
)

# `countries`: the codes the actor may read (Actor.readable_countries()); None means every country.
Countries = frozenset[str] | None


def _within(statement, column, countries: Countries):
    return statement if countries is None else statement.where(column.in_(countries))


def units_by_level_and_status(session: Session, countries: Countries = None) -> list[tuple[str | None, str, int]]:
    """(PCRS level or None, status, number of units) for every pair that has units."""
    statement = select(Unit.pcrs_level, Unit.status, func.count(Unit.id))
    statement = _within(statement, Unit.country_code, countries)
    rows = session.exec(statement.group_by(Unit.pcrs_level, Unit.status)).all()
    return [(level, status, count) for level, status, count in rows]


def count_people(session: Session, countries: Countries = None) -> int:
    return session.exec(_within(select(func.count(Person.id)), Person.country_code, countries)).one()


def count_people_on_rosters(session: Session, on: date, countries: Countries = None) -> int:
    """People with an assignment open on `on`."""
    statement = select(func.count(func.distinct(Assignment.person_id))).where(
        Assignment.start_on <= on,
        (Assignment.end_on.is_(None)) | (Assignment.end_on >= on),
    )
    if countries is not None:
        statement = _within(statement.join(Person, Person.id == Assignment.person_id),
                            Person.country_code, countries)
    return session.exec(statement).one()


def count_completions_since(session: Session, since: date, countries: Countries = None) -> int:
    statement = select(func.count(Completion.id)).where(Completion.completed_on >= since)
    if countries is not None:
        statement = _within(statement.join(Person, Person.id == Completion.person_id),
                            Person.country_code, countries)
    return session.exec(statement).one()


def count_active_courses(session: Session) -> int:
    return session.exec(select(func.count(Course.id)).where(Course.active.is_(True))).one()


def recent_window_start(today: date, days: int = 90) -> date:
    return today - timedelta(days=days)


# --- the dashboard's readiness, lapsing training, women's share and imports ------------------


def readable_unit_ids(countries: Countries) -> sa.Select:
    """The ids of the units in `countries` (None: every unit)."""
    return _within(sa.select(Unit.id), Unit.country_code, countries)


def units_named(session: Session, unit_ids: set[int]) -> list[tuple[str, str]]:
    """(code, name) of the units `unit_ids`, by code."""
    if not unit_ids:
        return []
    query = sa.select(Unit.code, Unit.name).where(Unit.id.in_(unit_ids)).order_by(Unit.code)
    return [tuple(row) for row in session.execute(query).all()]


def course_validities(session: Session) -> set[int]:
    """The distinct validity periods (months) of the courses that lapse."""
    query = sa.select(Course.validity_months).distinct().where(Course.validity_months.is_not(None))
    return set(session.execute(query).scalars().all())


def lapsing_by_course(session: Session, countries: Countries, valid_from: dict[int, date],
                      lapsed_from: dict[int, date]) -> list[tuple[str, str, int]]:
    """(course, title, people) whose latest counting completion is valid now but lapses by the end.

    `valid_from[N]` is the earliest completion date still valid today for an N-month course and
    `lapsed_from[N]` the earliest still valid at the end of the period (rules.earliest_valid_completion).
    """
    latest = _latest_counting_completion(countries)
    query = (
        sa.select(Course.code, Course.title, func.count())
        .join(latest, latest.c.course_id == Course.id)
        .where(latest.c.latest >= _per_validity(valid_from), latest.c.latest < _per_validity(lapsed_from))
        .group_by(Course.code, Course.title)
        .order_by(func.count().desc(), Course.code)
    )
    return [(code, title, people) for code, title, people in session.execute(query).all()]


def _latest_counting_completion(countries: Countries) -> sa.Subquery:
    counting = sa.or_(
        Completion.result.in_(("passed", "waived")),
        sa.and_(Completion.result == "completed", Course.assessed.is_(False)),
    )
    query = (
        sa.select(Completion.person_id, Completion.course_id, func.max(Completion.completed_on).label("latest"))
        .join(Course, Course.id == Completion.course_id)
        .join(Person, Person.id == Completion.person_id)
        .where(counting, Course.validity_months.is_not(None))
        .group_by(Completion.person_id, Completion.course_id)
    )
    return _within(query, Person.country_code, countries).subquery("latest")


def _per_validity(bounds: dict[int, date]) -> sa.ColumnElement:
    return sa.case({months: sa.literal(day, sa.Date) for months, day in bounds.items()}, value=Course.validity_months)


def women_by_unit_type(session: Session, on: date, countries: Countries) -> list[tuple[str, str, str, int, int]]:
    """(unit type slug, name, branch, people, women) on the rosters of readable units on `on`."""
    query = (
        sa.select(UnitType.slug, UnitType.name, UnitType.branch, func.count(func.distinct(Person.id)),
                  func.count(func.distinct(sa.case((Person.gender == "F", Person.id)))))
        .select_from(Assignment)
        .join(Person, Person.id == Assignment.person_id)
        .join(Unit, Unit.id == Assignment.unit_id)
        .join(UnitType, UnitType.id == Unit.unit_type_id)
        .where(Assignment.start_on <= on, sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on))
        .group_by(UnitType.slug, UnitType.name, UnitType.branch)
        .order_by(UnitType.name)
    )
    rows = session.execute(_within(query, Unit.country_code, countries)).all()
    return [(slug, name, str(getattr(branch, "value", branch)), people, women) for slug, name, branch, people, women in rows]


def recent_imports(session: Session, country: str | None, limit: int) -> list[AuditEntry]:
    """The latest import entries of the audit trail; with `country`, only by that country's users."""
    query = sa.select(AuditEntry).where(AuditEntry.action == "import")
    if country is not None:
        query = query.join(User, User.id == AuditEntry.user_id).where(User.country_code == country)
    query = query.order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    return list(session.execute(query).scalars().all())
