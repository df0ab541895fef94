"""A small world for the feedback loop: a country's unit in a mission, courses, people, an evaluation."""

from dataclasses import dataclass
from datetime import date, timedelta

import pytest

from readiness.models import CourseCategory, Gender
from tests import factories
from tests.evaluations.factories import (
    EvaluationFactory,
    EvaluationFindingFactory,
    EvaluationRatingFactory,
    FindingCategoryFactory,
    FindingCourseFactory,
)

TODAY = date.today()


@dataclass
class World:
    country: str
    unit: object
    mission: object
    poc: object          # tagged directly on a finding
    first_aid: object    # an active medical course, reached through the category tag
    retired: object      # an inactive medical course: never recommended
    evaluation: object
    people: list


@pytest.fixture
def world(session) -> World:
    """Unit <country>-INF-1 in mission XMISS, evaluated 30 days ago: one finding tagged with the
    course XPOC and the medical category; four people on its roster, one of whom holds XPOC."""
    country = factories.CountryFactory().code
    mission = factories.MissionFactory(acronym="XMISS")
    unit = factories.UnitFactory(code=f"{country}-INF-1", country_code=country)
    poc = factories.CourseFactory(code="XPOC", category=CourseCategory.protection_of_civilians)
    first_aid = factories.CourseFactory(code="XFAC", category=CourseCategory.medical)
    retired = factories.CourseFactory(code="XOLDMED", category=CourseCategory.medical, active=False)
    evaluation = EvaluationFactory(unit_id=unit.id, mission_id=mission.id, improvement_plan_required=True,
                                   evaluated_on=TODAY - timedelta(days=30), summary="Needs work at night")
    EvaluationRatingFactory(evaluation_id=evaluation.id, area="medical", rating=2)
    EvaluationRatingFactory(evaluation_id=evaluation.id, area="training", rating=3)
    finding = EvaluationFindingFactory(evaluation_id=evaluation.id, text="Casualty evacuation slow at night")
    FindingCourseFactory(finding_id=finding.id, course_id=poc.id)
    FindingCategoryFactory(finding_id=finding.id, category=CourseCategory.medical)
    people = []
    for index in range(4):
        person = factories.PersonFactory(country_code=country, family_name=f"Member{index}",
                                         gender=Gender.F if index == 0 else Gender.M)
        factories.AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=TODAY - timedelta(days=300))
        people.append(person)
    factories.CompletionFactory(person_id=people[0].id, course_id=poc.id, completed_on=TODAY - timedelta(days=60))
    return World(country, unit, mission, poc, first_aid, retired, evaluation, people)
