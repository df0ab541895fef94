"""Queries behind the home page's figures."""

from datetime import date, timedelta

from sqlalchemy import func
from sqlmodel import Session, select

from readiness.models import Assignment, Completion, Course, Person, Unit


def units_by_level_and_status(session: Session) -> list[tuple[str | None, str, int]]:
    """(PCRS level or None, status, number of units) for every pair that has units."""
    rows = session.exec(
        select(Unit.pcrs_level, Unit.status, func.count(Unit.id)).group_by(
            Unit.pcrs_level, Unit.status
        )
    ).all()
    return [(level, status, count) for level, status, count in rows]


def count_people(session: Session) -> int:
    return session.exec(select(func.count(Person.id))).one()


def count_people_on_rosters(session: Session, on: date) -> int:
    """People with an assignment open on `on`."""
    return session.exec(
        select(func.count(func.distinct(Assignment.person_id))).where(
            Assignment.start_on <= on,
            (Assignment.end_on.is_(None)) | (Assignment.end_on >= on),
        )
    ).one()


def count_completions_since(session: Session, since: date) -> int:
    return session.exec(
        select(func.count(Completion.id)).where(Completion.completed_on >= since)
    ).one()


def count_active_courses(session: Session) -> int:
    return session.exec(select(func.count(Course.id)).where(Course.active.is_(True))).one()


def recent_window_start(today: date, days: int = 90) -> date:
    return today - timedelta(days=days)
