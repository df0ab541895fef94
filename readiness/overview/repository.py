"""Queries behind the home page's figures."""

from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from readiness.models import Assignment, Completion, Course, Person, Unit

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
