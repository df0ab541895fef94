"""Free places in upcoming course sessions: the one place for the seat rule.

A session has `seats` places, of which `seats_for_women` are held for women. Places are taken
by SessionPlace bookings. Women may take any free place; men only the places not held for
women, so the places still held for women are those reserved minus the women already booked.
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import Course, CourseSession, Gender, Person, SessionPlace, TrainingCentre


@dataclass(frozen=True)
class SessionSeats:
    session_id: int
    course_id: int
    course: str
    centre_id: int
    centre: str
    centre_name: str
    centre_country: str
    start_on: date
    end_on: date
    language: str
    seats: int
    seats_for_women: int
    booked: int
    booked_women: int

    @property
    def free(self) -> int:
        """Places anyone may still be booked into, women first."""
        return max(0, self.seats - self.booked)

    @property
    def free_held_for_women(self) -> int:
        """Free places that only women may take."""
        return min(self.free, max(0, self.seats_for_women - self.booked_women))

    @property
    def free_for_men(self) -> int:
        return self.free - self.free_held_for_women

    def free_for(self, gender: Gender | str) -> int:
        """Places a person of `gender` could still be booked into."""
        return self.free if Gender(gender) == Gender.F else self.free_for_men


def _bookings() -> sa.Subquery:
    women = sa.case((Person.gender == Gender.F, 1), else_=0)
    return (
        sa.select(SessionPlace.session_id, sa.func.count().label("booked"),
                  sa.func.sum(women).label("booked_women"))
        .join(Person, Person.id == SessionPlace.person_id)
        .group_by(SessionPlace.session_id)
        .subquery("bookings")
    )


def session_seats(session: Session, *, course_ids: list[int] | None = None, starting_after: date,
                  ending_by: date | None = None, with_free_places_only: bool = True) -> list[SessionSeats]:
    """Sessions that start after `starting_after` (and end by `ending_by`), with their places, in
    one query; by start date. `course_ids` None means every course."""
    bookings = _bookings()
    query = (
        sa.select(CourseSession.id.label("session_id"), CourseSession.course_id, Course.code.label("course"),
                  CourseSession.centre_id, TrainingCentre.code.label("centre"),
                  TrainingCentre.name.label("centre_name"), TrainingCentre.country_code.label("centre_country"),
                  CourseSession.start_on, CourseSession.end_on, CourseSession.language, CourseSession.seats,
                  CourseSession.seats_for_women,
                  sa.func.coalesce(bookings.c.booked, 0).label("booked"),
                  sa.func.coalesce(bookings.c.booked_women, 0).label("booked_women"))
        .join(Course, Course.id == CourseSession.course_id)
        .join(TrainingCentre, TrainingCentre.id == CourseSession.centre_id)
        .outerjoin(bookings, bookings.c.session_id == CourseSession.id)
        .where(CourseSession.start_on > starting_after)
        .order_by(CourseSession.start_on, CourseSession.end_on, Course.code, CourseSession.id)
    )
    if course_ids is not None:
        query = query.where(CourseSession.course_id.in_(course_ids))
    if ending_by is not None:
        query = query.where(CourseSession.end_on <= ending_by)
    if with_free_places_only:
        query = query.where(CourseSession.seats > sa.func.coalesce(bookings.c.booked, 0))
    return [SessionSeats(**row) for row in session.execute(query).mappings()]
