"""Every query of planning: the unit, its people's genders, equivalent courses, booked places."""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import (
    Assignment,
    Course,
    CourseEquivalence,
    CourseSession,
    Person,
    Requirement,
    SessionPlace,
    Unit,
)


@dataclass(frozen=True)
class Booked:
    """A place a person holds in a session that has not ended."""

    place_id: int
    person_id: int
    session_id: int
    course_id: int
    start_on: date
    end_on: date


def find_unit(session: Session, code: str) -> Unit | None:
    return session.execute(sa.select(Unit).where(Unit.code == code)).scalars().first()


def target_requirement(session: Session, unit: Unit) -> Requirement | None:
    """The newest requirement for the unit's target mission and unit type."""
    if unit.target_mission_id is None:
        return None
    query = (sa.select(Requirement)
             .where(Requirement.mission_id == unit.target_mission_id, Requirement.unit_type_id == unit.unit_type_id)
             .order_by(Requirement.version.desc(), Requirement.id.desc()).limit(1))
    return session.execute(query).scalars().first()


def _roster(unit_id: int, on: date) -> sa.Select:
    return sa.select(Assignment.person_id).where(
        Assignment.unit_id == unit_id, Assignment.start_on <= on,
        sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on))


def genders(session: Session, unit_id: int, on: date) -> dict[int, str]:
    """Person id -> gender for the unit's roster on `on`."""
    query = sa.select(Person.id, Person.gender).where(Person.id.in_(_roster(unit_id, on)))
    return {person_id: str(gender) for person_id, gender in session.execute(query).all()}


def counting_courses(session: Session, course_ids: set[int]) -> dict[int, set[int]]:
    """Line course id -> the course ids whose completion counts for it (itself and declared equivalents)."""
    counting = {course_id: {course_id} for course_id in course_ids}
    if course_ids:
        query = sa.select(CourseEquivalence.counts_as_id, CourseEquivalence.course_id).where(
            CourseEquivalence.counts_as_id.in_(sorted(course_ids)))
        for counts_as, course_id in session.execute(query).all():
            counting[counts_as].add(course_id)
    return counting


def course_ids(session: Session, codes: set[str]) -> dict[str, int]:
    query = sa.select(Course.code, Course.id).where(Course.code.in_(sorted(codes)))
    return dict(session.execute(query).all())


def booked_places(session: Session, unit_id: int, on: date, today: date) -> list[Booked]:
    """Places held by the unit's people (roster on `on`) in sessions that end after today."""
    query = (
        sa.select(SessionPlace.id, SessionPlace.person_id, SessionPlace.session_id, CourseSession.course_id,
                  CourseSession.start_on, CourseSession.end_on)
        .join(CourseSession, CourseSession.id == SessionPlace.session_id)
        .where(SessionPlace.person_id.in_(_roster(unit_id, on)), CourseSession.end_on > today)
        .order_by(CourseSession.start_on, SessionPlace.id)
    )
    return [Booked(*row) for row in session.execute(query).all()]


def existing_places(session: Session, pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
    """Of (person id, session id) pairs, those already booked."""
    if not pairs:
        return set()
    people = sorted({person for person, _session in pairs})
    query = sa.select(SessionPlace.person_id, SessionPlace.session_id).where(SessionPlace.person_id.in_(people))
    return {tuple(row) for row in session.execute(query).all()} & pairs


def lock_sessions(session: Session, session_ids: set[int]) -> None:
    """Hold the sessions' rows until the transaction ends, so two bookings cannot share a last place.

    PostgreSQL locks the rows; SQLite serialises writers anyway and ignores FOR UPDATE.
    """
    if session_ids:
        session.execute(sa.select(CourseSession.id).where(CourseSession.id.in_(sorted(session_ids)))
                        .with_for_update()).all()


def add_place(session: Session, place: SessionPlace) -> SessionPlace:
    session.add(place)
    session.flush()
    return place


def get_place(session: Session, place_id: int) -> SessionPlace | None:
    return session.get(SessionPlace, place_id)


def person(session: Session, person_id: int) -> Person | None:
    return session.get(Person, person_id)


def delete_place(session: Session, place: SessionPlace) -> None:
    session.delete(place)
    session.flush()


def upcoming_places(session: Session, person_ids: list[int], today: date) -> list[tuple[int, int, date]]:
    """(person id, course id, start) of the places these people hold in sessions not yet ended."""
    if not person_ids:
        return []
    query = (
        sa.select(SessionPlace.person_id, CourseSession.course_id, CourseSession.start_on)
        .join(CourseSession, CourseSession.id == SessionPlace.session_id)
        .where(SessionPlace.person_id.in_(sorted(set(person_ids))), CourseSession.end_on > today)
    )
    return [tuple(row) for row in session.execute(query).all()]
