"""Queries for completions, joined with what names them (person, course, centre)."""

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import (
    Assignment,
    Completion,
    Course,
    CourseSession,
    Person,
    TrainingCentre,
    Unit,
)

RECENT_LIMIT = 20


def _completions_query() -> sa.Select:
    return (
        sa.select(
            Completion.id, Completion.person_id, Person.country_code.label("country"), Person.service_number,
            Course.code.label("course"), Completion.completed_on, Completion.result, Completion.waiver_reason,
            Completion.score, TrainingCentre.code.label("centre"), Completion.source, Completion.source_ref,
            Completion.recorded_at, Completion.recorded_by,
        )
        .join(Person, Person.id == Completion.person_id)
        .join(Course, Course.id == Completion.course_id)
        .outerjoin(TrainingCentre, TrainingCentre.id == Completion.centre_id)
    )


def completion_by_id(session: Session, completion_id: int):
    return session.execute(_completions_query().where(Completion.id == completion_id)).mappings().first()


def completions_of_person(session: Session, person_id: int):
    query = _completions_query().where(Completion.person_id == person_id)
    return session.execute(query.order_by(Completion.completed_on.desc(), Course.code)).mappings().all()


def get(session: Session, completion_id: int) -> Completion | None:
    return session.get(Completion, completion_id)


def person_of(session: Session, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def person_with_unit(session: Session, country: str, service_number: str):
    """The person with this country and service number, with the unit they serve in now."""
    query = (
        sa.select(Person.id, Person.country_code.label("country"), Person.service_number, Person.family_name,
                  Person.given_name, Person.rank, Unit.code.label("unit"))
        .outerjoin(Assignment, (Assignment.person_id == Person.id) & Assignment.end_on.is_(None))
        .outerjoin(Unit, Unit.id == Assignment.unit_id)
        .where(Person.country_code == country, Person.service_number == service_number)
    )
    return session.execute(query).mappings().first()


def same_day_completion(session: Session, person_id: int, course_id: int, completed_on) -> Completion | None:
    query = select(Completion).where(Completion.person_id == person_id, Completion.course_id == course_id,
                                     Completion.completed_on == completed_on)
    return session.exec(query).first()


def active_courses(session: Session) -> list[Course]:
    return list(session.exec(select(Course).where(Course.active).order_by(Course.code)).all())


def course(session: Session, course_id: int) -> Course | None:
    return session.get(Course, course_id)


def course_session(session: Session, session_id: int) -> CourseSession | None:
    return session.get(CourseSession, session_id)


def recent(session: Session, *, centre_id: int | None, recorded_by: str):
    """The last completions recorded at a centre (or, without a centre, by one user), newest first."""
    query = (
        sa.select(Completion.id, Person.service_number, Person.family_name, Person.given_name,
                  Course.code.label("course"), Completion.completed_on, Completion.result, Completion.score,
                  Completion.recorded_at)
        .join(Person, Person.id == Completion.person_id)
        .join(Course, Course.id == Completion.course_id)
    )
    if centre_id is not None:
        query = query.where(Completion.centre_id == centre_id)
    else:
        query = query.where(Completion.recorded_by == recorded_by)
    query = query.order_by(Completion.recorded_at.desc(), Completion.id.desc()).limit(RECENT_LIMIT)
    return session.execute(query).mappings().all()


def add(session: Session, completion: Completion) -> Completion:
    session.add(completion)
    session.flush()
    return completion


def delete(session: Session, completion: Completion) -> None:
    session.delete(completion)
    session.flush()


# --- The completions log: every completion the actor may see, filtered, sorted, one page at a time. ---

def _log_query(countries: frozenset[str] | None, filters) -> sa.Select:
    """The completions of people of `countries` (None: every country) that pass `filters`, with names."""
    query = _completions_query().add_columns(Person.family_name, Person.given_name)
    if countries is not None:
        query = query.where(Person.country_code.in_(countries))
    if filters.course:
        query = query.where(Course.code == filters.course)
    if filters.result:
        query = query.where(Completion.result == filters.result)
    if filters.centre:
        query = query.where(TrainingCentre.code == filters.centre)
    if filters.date_from:
        query = query.where(Completion.completed_on >= filters.date_from)
    if filters.date_to:
        query = query.where(Completion.completed_on <= filters.date_to)
    if filters.text:
        # Service numbers are matched from their start, names anywhere, ignoring case (as people search does).
        lowered = filters.text.lower()
        query = query.where(sa.or_(
            sa.func.lower(Person.service_number).like(f"{lowered}%"),
            sa.func.lower(Person.family_name).like(f"%{lowered}%"),
            sa.func.lower(Person.given_name).like(f"%{lowered}%"),
        ))
    return query


def _log_order(query: sa.Select, oldest_first: bool) -> sa.Select:
    if oldest_first:
        return query.order_by(Completion.completed_on.asc(), Completion.id.asc())
    return query.order_by(Completion.completed_on.desc(), Completion.id.desc())


def log_page(session: Session, countries, filters, *, oldest_first: bool, offset: int, limit: int):
    """One page of the log and the number of completions matching in all."""
    query = _log_query(countries, filters)
    rows = session.execute(_log_order(query, oldest_first).offset(offset).limit(limit)).mappings().all()
    total = session.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    return rows, total


def log_all(session: Session, countries, filters, *, oldest_first: bool):
    """Every completion matching (for an export), in the log's order."""
    return session.execute(_log_order(_log_query(countries, filters), oldest_first)).mappings().all()


def course_codes(session: Session) -> list[str]:
    return list(session.execute(sa.select(Course.code).order_by(Course.code)).scalars().all())


def centre_codes(session: Session) -> list[str]:
    return list(session.execute(sa.select(TrainingCentre.code).order_by(TrainingCentre.code)).scalars().all())
