"""Queries for the course catalogue."""

from collections.abc import Iterable
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Course, CourseEquivalence, CourseSession, TrainingCentre


def _matching(category: str | None, text: str | None) -> sa.Select:
    query = select(Course)
    if category:
        query = query.where(Course.category == category)
    if text:
        pattern = f"%{text.lower()}%"
        query = query.where(sa.or_(sa.func.lower(Course.code).like(pattern),
                                   sa.func.lower(Course.title).like(pattern)))
    return query


def count_courses(session: Session, *, category: str | None, text: str | None) -> int:
    query = sa.select(sa.func.count()).select_from(_matching(category, text).subquery())
    return session.execute(query).scalar_one()


def courses(session: Session, *, category: str | None, text: str | None,
            offset: int = 0, limit: int | None = None) -> list[Course]:
    """Courses matching the filters, by code; one page when `limit` is given."""
    query = _matching(category, text).order_by(Course.code).offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return list(session.exec(query).all())


def courses_by_code(session: Session, codes: Iterable[str]) -> dict[str, Course]:
    """The courses with these codes, in one statement, keyed by code."""
    rows = session.exec(select(Course).where(Course.code.in_(set(codes)))).all()
    return {course.code: course for course in rows}


def find_course(session: Session, code: str) -> Course | None:
    return session.exec(select(Course).where(Course.code == code)).first()


def counts_as(session: Session, course_id: int) -> list[tuple[CourseEquivalence, Course]]:
    """The courses a completion of this course also counts for."""
    query = (select(CourseEquivalence, Course).join(Course, Course.id == CourseEquivalence.counts_as_id)
             .where(CourseEquivalence.course_id == course_id).order_by(Course.code))
    return list(session.exec(query).all())


def accepted_for(session: Session, course_id: int) -> list[tuple[CourseEquivalence, Course]]:
    """The courses whose completions count for this course."""
    query = (select(CourseEquivalence, Course).join(Course, Course.id == CourseEquivalence.course_id)
             .where(CourseEquivalence.counts_as_id == course_id).order_by(Course.code))
    return list(session.exec(query).all())


def upcoming_sessions(session: Session, course_id: int, today: date) -> list:
    """Sessions of the course that have not ended, with their centre, soonest first."""
    query = (sa.select(CourseSession.start_on, CourseSession.end_on, CourseSession.language,
                       CourseSession.seats, CourseSession.seats_for_women,
                       TrainingCentre.code.label("centre"), TrainingCentre.name.label("centre_name"))
             .join(TrainingCentre, TrainingCentre.id == CourseSession.centre_id)
             .where(CourseSession.course_id == course_id, CourseSession.end_on >= today)
             .order_by(CourseSession.start_on, CourseSession.id))
    return list(session.execute(query).mappings().all())
