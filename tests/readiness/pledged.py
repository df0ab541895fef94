"""Builders for units pledged to a mission: a target mission, a planned deployment, a requirement."""

from datetime import date

from readiness.models import Gender
from tests.factories import CourseFactory, MissionFactory, RequirementFactory, RequirementLineFactory, UnitFactory
from tests.readiness.helpers import complete, enlist

DEPLOYS = date(2026, 9, 1)


def mission_requirement(unit_type, *courses, mission=None, min_pct=100, **fields):
    """A requirement for `unit_type` in a mission, with one line per course."""
    mission = mission or MissionFactory()
    requirement = RequirementFactory(mission_id=mission.id, unit_type_id=unit_type.id, **fields)
    for course in courses:
        RequirementLineFactory(requirement_id=requirement.id, course_id=course.id, min_pct=min_pct)
    return requirement


def pledged_unit(requirement, *, country=None, deploys=DEPLOYS, **fields):
    """A unit of the requirement's type pledged to its mission, deploying on `deploys`."""
    extra = {"country_code": country} if country else {}
    return UnitFactory(unit_type_id=requirement.unit_type_id, target_mission_id=requirement.mission_id,
                       planned_deployment=deploys, **extra, **fields)


def staffed(unit, course, *, trained, untrained, on=date(2026, 1, 10), women=0):
    """Put people on the unit's roster: `trained` with `course` completed on `on`, `untrained` without."""
    people = []
    for index in range(trained + untrained):
        person = enlist(unit, gender=Gender.F if index < women else Gender.M)
        if index < trained:
            complete(person, course, on)
        people.append(person)
    return people


def a_course(**fields):
    return CourseFactory(**fields)
