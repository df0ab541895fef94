"""Who needs what: the people missing each line, personal data for the unit's own country only."""

from datetime import date

import pytest

from readiness.accounts.scope import SYSTEM, Actor
from readiness.errors import Forbidden, NotFound
from readiness.models import Role
from readiness.readiness import service
from tests.factories import CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, requirement_for

D = date(2026, 3, 1)


def gaps(session, unit, requirement, actor=SYSTEM):
    return service.unit_gaps(
        session, actor=actor, unit_code=unit.code, requirement_code=requirement.code, as_of=D
    ).gaps


def test_it_lists_the_untrained_and_those_lapsing_during_the_tour(session):
    unit, yearly = UnitFactory(), CourseFactory(validity_months=12)
    lapsing, lasting, untrained, lapsed = (enlist(unit) for _ in range(4))
    complete(lapsing, yearly, date(2025, 8, 31))
    complete(lasting, yearly, date(2026, 3, 1))
    complete(lapsed, yearly, date(2024, 5, 31))
    result = gaps(session, unit, requirement_for(unit, (yearly, 100)))
    by_person = {gap.person_id: (gap.reason, gap.lapses_on) for gap in result}
    assert by_person == {
        lapsing.id: ("expiring", date(2026, 8, 31)),
        untrained.id: ("not_trained", None),
        lapsed.id: ("not_trained", date(2025, 5, 31)),
    }


def test_it_names_the_course_and_role_of_each_missing_line(session):
    unit, course = UnitFactory(), CourseFactory()
    commander = enlist(unit, role="commander")
    enlist(unit, role="rifleman")
    (gap,) = gaps(session, unit, requirement_for(unit, (course, 100, "commander")))
    assert (gap.person_id, gap.course, gap.line_role) == (commander.id, course.code, "commander")
    assert gap.service_number == commander.service_number


def test_it_refuses_people_data_to_a_mission_planner(session):
    unit, course = UnitFactory(), CourseFactory()
    planner = Actor(email="planner@un.org", role=Role.mission_planner)
    with pytest.raises(Forbidden):
        gaps(session, unit, requirement_for(unit, (course, 100)), actor=planner)


def test_it_hides_another_countrys_unit(session):
    unit, course = UnitFactory(), CourseFactory()
    outsider = Actor(email="tc@example.org", role=Role.training_centre, country_code="ZZZ")
    with pytest.raises(NotFound):
        gaps(session, unit, requirement_for(unit, (course, 100)), actor=outsider)


def test_it_shows_the_units_own_force_generation_office(session):
    unit, course = UnitFactory(), CourseFactory()
    enlist(unit)
    own = Actor(email="fg@example.org", role=Role.force_generation, country_code=unit.country_code)
    assert len(gaps(session, unit, requirement_for(unit, (course, 100)), actor=own)) == 1
