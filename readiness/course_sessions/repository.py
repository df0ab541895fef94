"""Queries for course sessions, with the course and centre that name them."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Completion, Course, CourseSession, TrainingCentre


def _sessions_query() -> sa.Select:
    return (
        sa.select(CourseSession.id, CourseSession.course_id, Course.code.label("course"),
                  Course.title.label("course_title"), CourseSession.centre_id, TrainingCentre.code.label("centre"),
                  CourseSession.start_on, CourseSession.end_on, CourseSession.language, CourseSession.seats,
                  CourseSession.seats_for_women)
        .join(Course, Course.id == CourseSession.course_id)
        .join(TrainingCentre, TrainingCentre.id == CourseSession.centre_id)
    )


SORT_COLUMNS = {"start_on": CourseSession.start_on, "course": Course.code, "centre": TrainingCentre.code}


def _filtered(query: sa.Select, *, centre_id: int | None, course: str | None, start: date | None,
              end: date | None) -> sa.Select:
    if centre_id is not None:
        query = query.where(CourseSession.centre_id == centre_id)
    if course:
        query = query.where(Course.code == course)
    if start:
        query = query.where(CourseSession.end_on >= start)
    if end:
        query = query.where(CourseSession.start_on <= end)
    return query


def sessions(session: Session, *, centre_id: int | None, course: str | None, start: date | None,
             end: date | None, sort: str = "start_on", descending: bool = False, offset: int = 0,
             limit: int | None = None):
    """Sessions (of one centre, or all) matching the filters, by `sort` (start date by default)."""
    query = _filtered(_sessions_query(), centre_id=centre_id, course=course, start=start, end=end)
    column = SORT_COLUMNS.get(sort, CourseSession.start_on)
    query = query.order_by(column.desc() if descending else column, CourseSession.start_on, Course.code,
                           CourseSession.id)
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return session.execute(query).mappings().all()


def count_sessions(session: Session, *, centre_id: int | None, course: str | None, start: date | None,
                   end: date | None) -> int:
    base = sa.select(sa.func.count()).select_from(CourseSession).join(Course, Course.id == CourseSession.course_id)
    query = _filtered(base.join(TrainingCentre, TrainingCentre.id == CourseSession.centre_id), centre_id=centre_id,
                      course=course, start=start, end=end)
    return session.execute(query).scalar_one()


def session_row(session: Session, session_id: int):
    return session.execute(_sessions_query().where(CourseSession.id == session_id)).mappings().first()


def get(session: Session, session_id: int) -> CourseSession | None:
    return session.get(CourseSession, session_id)


def course_exists(session: Session, course_id: int) -> bool:
    return session.get(Course, course_id) is not None


def centre_exists(session: Session, centre_id: int) -> bool:
    return session.get(TrainingCentre, centre_id) is not None


def centres(session: Session) -> list[TrainingCentre]:
    return list(session.exec(select(TrainingCentre).order_by(TrainingCentre.code)).all())


def completions_tied(session: Session, session_id: int) -> int:
    query = sa.select(sa.func.count()).select_from(Completion).where(Completion.session_id == session_id)
    return session.execute(query).scalar_one()


def add(session: Session, course_session: CourseSession) -> CourseSession:
    session.add(course_session)
    session.flush()
    return course_session


def delete(session: Session, course_session: CourseSession) -> None:
    session.delete(course_session)
    session.flush()
