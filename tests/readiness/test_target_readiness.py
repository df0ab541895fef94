"""Many units at once against their own target requirements, in a fixed number of statements."""

from datetime import date

import sqlalchemy as sa

from readiness.accounts.scope import SYSTEM, Actor
from readiness.models import Role, Unit
from readiness.readiness import service
from tests.factories import CountryFactory, MissionFactory, UnitFactory, UnitTypeFactory
from tests.readiness.pledged import DEPLOYS, a_course, mission_requirement, pledged_unit, staffed
from tests.readiness.test_query_count import counted


def readiness_of(session, units, actor=SYSTEM, on=None):
    ids = sa.select(Unit.id).where(Unit.id.in_([unit.id for unit in units]))
    return service.target_readiness(session, actor=actor, unit_ids=ids, on=on)


def test_a_pledged_unit_is_scored_against_its_missions_requirement_on_its_deployment_date(session):
    course = a_course()
    requirement = mission_requirement(UnitTypeFactory(), course)
    unit = pledged_unit(requirement)
    staffed(unit, course, trained=3, untrained=1)
    result = readiness_of(session, [unit])[unit.id]
    assert (result.requirement, result.as_of, result.status, result.score) == (requirement.code, DEPLOYS, "not_ready", 75.0)


def test_it_gives_the_same_figures_as_the_unit_report(session):
    course = a_course(validity_months=12)
    requirement = mission_requirement(UnitTypeFactory(), course, min_pct=50)
    units = [pledged_unit(requirement) for _ in range(3)]
    for trained, unit in enumerate(units):
        staffed(unit, course, trained=trained, untrained=2)
    results = readiness_of(session, units)
    for unit in units:
        report = service.unit_readiness(session, actor=SYSTEM, unit_code=unit.code, requirement_code=requirement.code)
        assert (results[unit.id].score, results[unit.id].status) == (report.score, report.status)


def test_the_newest_requirement_for_the_mission_and_unit_type_is_the_target(session):
    unit_type, mission = UnitTypeFactory(), MissionFactory()
    older = mission_requirement(unit_type, a_course(), mission=mission)
    newer = mission_requirement(unit_type, a_course(), mission=mission)
    unit = pledged_unit(older)
    assert readiness_of(session, [unit])[unit.id].requirement == newer.code


def test_a_unit_without_a_target_mission_has_no_target_requirement(session):
    unit = UnitFactory()
    result = readiness_of(session, [unit])[unit.id]
    assert (result.status, result.score, result.requirement) == ("no_target", None, None)


def test_a_unit_pledged_where_its_type_has_no_requirement_has_no_target(session):
    requirement = mission_requirement(UnitTypeFactory(), a_course())
    unit = UnitFactory(target_mission_id=requirement.mission_id)
    assert readiness_of(session, [unit])[unit.id].status == "no_target"


def test_a_given_date_replaces_each_units_deployment_date(session):
    requirement = mission_requirement(UnitTypeFactory(), a_course())
    units = [pledged_unit(requirement, deploys=date(2026, 5, 1)), pledged_unit(requirement, deploys=None)]
    results = readiness_of(session, units, on=date(2026, 2, 1))
    assert {result.as_of for result in results.values()} == {date(2026, 2, 1)}


def test_another_countrys_units_are_left_out(session):
    requirement = mission_requirement(UnitTypeFactory(), a_course())
    own, other = CountryFactory(), CountryFactory()
    mine, theirs = pledged_unit(requirement, country=own.code), pledged_unit(requirement, country=other.code)
    actor = Actor(email="fg@example.org", role=Role.force_generation, country_code=own.code)
    assert set(readiness_of(session, [mine, theirs], actor=actor)) == {mine.id}


def statements_for(session, units_per_requirement):
    units = []
    for _ in range(2):
        course = a_course(validity_months=12)
        requirement = mission_requirement(UnitTypeFactory(), course)
        for _ in range(units_per_requirement):
            units.append(pledged_unit(requirement))
            staffed(units[-1], course, trained=2, untrained=1)
    units.append(UnitFactory())
    session.flush()
    with counted(session) as statements:
        readiness_of(session, units)
    return len(statements)


def test_the_number_of_statements_does_not_grow_with_the_number_of_units(session):
    assert statements_for(session, 2) == statements_for(session, 12)


def test_units_are_counted_in_one_pass_per_requirement_and_date(session):
    # units + requirements + one line list per requirement + two counting statements per group
    assert statements_for(session, 5) == 2 + 2 + 2 * 2
