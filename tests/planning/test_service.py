"""Plans and bookings against the database: the loader, booking all or nothing, cancelling."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.errors import Conflict, Forbidden, Invalid, NotFound
from readiness.models import AuditEntry, Role, SessionPlace
from readiness.planning import bookings, service
from readiness.planning.schemas import PlaceIn
from tests import factories
from tests.planning.factories import add_session, short_unit

TODAY = date(2026, 12, 1)
GHA_STAFF = Actor(email="fg@example.org", role=Role.force_generation, country_code="XGA")


def places(session) -> list[tuple[int, int]]:
    return sorted(session.exec(select(SessionPlace.person_id, SessionPlace.session_id)).all())


def test_the_plan_sends_the_untrained_to_the_upcoming_session_by_the_deployment_date(session):
    scenario = short_unit(men=3, trained=1, today=TODAY)
    add_session(scenario, today=TODAY)

    plan = service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)

    assert plan.requirement == scenario.requirement.code and plan.deploy_on == TODAY + timedelta(days=90)
    assert sorted(p.person_id for p in plan.lines[0].proposed) == [p.id for p in scenario.people[1:]]
    assert plan.ready and plan.verdict == f"This plan makes the unit ready by {plan.deploy_on.isoformat()}."


def test_sessions_that_started_already_are_not_offered(session):
    scenario = short_unit(men=1, today=TODAY)
    add_session(scenario, today=TODAY, starts_in=0)

    plan = service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)

    assert plan.lines[0].proposed == [] and not plan.ready


def test_sessions_of_a_course_declared_equivalent_are_offered(session):
    scenario = short_unit(men=1, today=TODAY)
    national = factories.CourseFactory(code="NAT-FA")
    factories.CourseEquivalenceFactory(course_id=national.id, counts_as_id=scenario.course.id)
    add_session(scenario, today=TODAY, course=national)

    plan = service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)

    assert [p.course for p in plan.lines[0].proposed] == ["NAT-FA"]


def test_a_unit_without_a_planned_deployment_is_refused_plainly(session):
    scenario = short_unit(men=1, today=TODAY)
    scenario.unit.planned_deployment = None
    session.flush()

    with pytest.raises(Invalid, match="has no planned deployment date"):
        service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)


@pytest.mark.parametrize("actor", [Actor(email="p@example.org", role=Role.mission_planner),
                                   Actor(email="x@example.org", role=Role.partner,
                                         partner_countries=frozenset({"XGA"}))])
def test_roles_that_may_not_see_people_are_refused_the_plan(session, actor):
    scenario = short_unit(men=1, today=TODAY)

    with pytest.raises(Forbidden, match="names people"):
        service.unit_plan(session, actor=actor, unit_code=scenario.unit.code, today=TODAY)


def test_another_countrys_unit_is_not_found(session):
    scenario = short_unit(men=1, today=TODAY, country="XGB")

    with pytest.raises(NotFound):
        service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)


def test_booking_the_plan_writes_every_place_audited_and_twice_adds_nothing(session):
    scenario = short_unit(men=2, today=TODAY)
    course_session = add_session(scenario, today=TODAY)

    first = bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                               today=TODAY)
    again = bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                               places=[PlaceIn(person_id=p.id, session_id=course_session.id) for p in scenario.people],
                               today=TODAY)

    assert (first.created, again.created, again.already_booked) == (2, 0, 2)
    assert places(session) == sorted((p.id, course_session.id) for p in scenario.people)
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "session_place")).all()
    assert [entry.action for entry in entries] == ["create", "create"]


def test_booked_people_show_as_booked_not_as_needing_a_place(session):
    scenario = short_unit(men=2, today=TODAY)
    add_session(scenario, today=TODAY)
    bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None, today=TODAY)

    line = service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY).lines[0]

    assert [p.status for p in line.booked] == ["booked", "booked"] and line.proposed == [] and line.reached


def test_nothing_is_booked_when_a_session_filled_up_since_the_plan_was_made(session):
    scenario = short_unit(men=2, today=TODAY)
    early = add_session(scenario, today=TODAY, seats=1)
    later = add_session(scenario, today=TODAY, starts_in=40)
    shown = service.unit_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, today=TODAY)
    factories.SessionPlaceFactory(session_id=early.id)  # someone else takes the last place

    with pytest.raises(Conflict, match=f"filled up since the plan was made: {scenario.course.code}, "):
        bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                           places=[PlaceIn(person_id=p.person_id, session_id=p.session_id)
                                   for p in shown.proposed()], today=TODAY)

    assert [p.session_id for p in shown.proposed()] == [early.id, later.id]
    assert [pair for pair in places(session) if pair[1] == later.id] == []


def test_men_cannot_be_booked_into_places_held_for_women(session):
    scenario = short_unit(men=1, women=1, today=TODAY)
    held = add_session(scenario, today=TODAY, seats=1, for_women=1)
    man, woman = scenario.people

    with pytest.raises(Conflict):
        bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                           places=[PlaceIn(person_id=man.id, session_id=held.id)], today=TODAY)
    bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                       places=[PlaceIn(person_id=woman.id, session_id=held.id)], today=TODAY)

    assert places(session) == [(woman.id, held.id)]


def test_a_place_for_someone_who_does_not_need_the_course_is_refused(session):
    scenario = short_unit(men=2, trained=1, today=TODAY)
    course_session = add_session(scenario, today=TODAY)

    with pytest.raises(Invalid):
        bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                           places=[PlaceIn(person_id=scenario.people[0].id, session_id=course_session.id)],
                           today=TODAY)


def test_a_partner_may_not_book(session):
    scenario = short_unit(men=1, today=TODAY)
    add_session(scenario, today=TODAY)
    centre_elsewhere = Actor(email="c@example.org", role=Role.training_centre, country_code="XGB", centre_id=1)

    with pytest.raises(NotFound):
        bookings.book_plan(session, actor=centre_elsewhere, unit_code=scenario.unit.code, requirement_code=None,
                           today=TODAY)
    assert places(session) == []


def test_cancelling_a_place_gives_it_back_and_is_audited(session):
    scenario = short_unit(men=1, today=TODAY)
    add_session(scenario, today=TODAY)
    result = bookings.book_plan(session, actor=GHA_STAFF, unit_code=scenario.unit.code, requirement_code=None,
                                today=TODAY)

    bookings.cancel_place(session, actor=GHA_STAFF, unit_code=scenario.unit.code, place_id=result.place_ids[0])

    assert places(session) == []
    assert session.exec(select(AuditEntry.action).where(AuditEntry.entity == "session_place")).all() == [
        "create", "delete"]
