"""Free places in upcoming sessions: booked places, and places held for women."""

from datetime import date

from readiness.course_sessions.seats import session_seats
from readiness.models import Gender
from tests import factories

TODAY = date(2026, 3, 1)


def _book(course_session, *genders):
    for gender in genders:
        factories.SessionPlaceFactory(session_id=course_session.id,
                                      person_id=factories.PersonFactory(gender=gender).id)


def test_booked_places_are_no_longer_free(session):
    course_session = factories.CourseSessionFactory(seats=10, seats_for_women=0)
    _book(course_session, Gender.M, Gender.M, Gender.F)

    [seats] = session_seats(session, starting_after=TODAY)

    assert (seats.booked, seats.booked_women, seats.free) == (3, 1, 7)


def test_men_may_not_take_the_places_held_for_women(session):
    course_session = factories.CourseSessionFactory(seats=10, seats_for_women=4)
    _book(course_session, Gender.M, Gender.F)

    [seats] = session_seats(session, starting_after=TODAY)

    assert seats.free == 8
    assert seats.free_held_for_women == 3
    assert seats.free_for(Gender.M) == 5
    assert seats.free_for(Gender.F) == 8


def test_women_booked_beyond_the_held_places_hold_nothing_more(session):
    course_session = factories.CourseSessionFactory(seats=5, seats_for_women=1)
    _book(course_session, Gender.F, Gender.F, Gender.F)

    [seats] = session_seats(session, starting_after=TODAY)

    assert (seats.free, seats.free_held_for_women, seats.free_for(Gender.M)) == (2, 0, 2)


def test_a_full_session_is_left_out_unless_asked_for(session):
    course_session = factories.CourseSessionFactory(seats=2, seats_for_women=2)
    _book(course_session, Gender.F, Gender.F)

    assert session_seats(session, starting_after=TODAY) == []
    [full] = session_seats(session, starting_after=TODAY, with_free_places_only=False)
    assert (full.free, full.free_held_for_women, full.free_for(Gender.M)) == (0, 0, 0)


def test_only_sessions_of_the_courses_asked_for_starting_later_and_ending_in_time(session):
    wanted, other = factories.CourseFactory(), factories.CourseFactory()
    early = factories.CourseSessionFactory(course_id=wanted.id, start_on=date(2026, 4, 1), end_on=date(2026, 4, 5))
    factories.CourseSessionFactory(course_id=wanted.id, start_on=date(2026, 6, 1), end_on=date(2026, 6, 5))
    factories.CourseSessionFactory(course_id=wanted.id, start_on=date(2026, 2, 1), end_on=date(2026, 2, 5))
    factories.CourseSessionFactory(course_id=other.id, start_on=date(2026, 4, 1), end_on=date(2026, 4, 5))

    found = session_seats(session, course_ids=[wanted.id], starting_after=TODAY, ending_by=date(2026, 5, 1))

    assert [seats.session_id for seats in found] == [early.id]
    assert found[0].course == wanted.code
