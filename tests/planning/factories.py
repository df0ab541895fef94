"""A small unit short of a requirement, with upcoming sessions: the planning tests' cast."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from readiness import models
from tests import factories


@dataclass
class Scenario:
    unit: models.Unit
    requirement: models.Requirement
    course: models.Course
    people: list[models.Person]
    sessions: list[models.CourseSession] = field(default_factory=list)

    @property
    def code(self) -> str:
        return f"{self.requirement.code}@{self.requirement.version}"


def short_unit(*, country="XGA", men=4, women=0, trained=0, today=None, deploys_in=90,
               min_women_pct=None, validity_months=None) -> Scenario:
    """A unit of `men` + `women` people (the first `trained` hold the course) needing all of them trained."""
    today = today or date.today()
    factories.CountryFactory(code=country) if factories._session().get(models.Country, country) is None else None
    course = factories.CourseFactory(code=f"FA-{country}", validity_months=validity_months)
    mission = factories.MissionFactory()
    unit_type = factories.UnitTypeFactory()
    requirement = factories.RequirementFactory(mission_id=mission.id, unit_type_id=unit_type.id,
                                               min_women_pct=min_women_pct)
    factories.RequirementLineFactory(requirement_id=requirement.id, course_id=course.id, min_pct=100)
    unit = factories.UnitFactory(country_code=country, unit_type_id=unit_type.id, target_mission_id=mission.id,
                                 planned_deployment=today + timedelta(days=deploys_in))
    genders = [models.Gender.M] * men + [models.Gender.F] * women
    people = [factories.PersonFactory(country_code=country, gender=gender) for gender in genders]
    for index, person in enumerate(people):
        factories.AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=today - timedelta(days=100))
        if index < trained:
            factories.CompletionFactory(person_id=person.id, course_id=course.id,
                                        completed_on=today - timedelta(days=30))
    return Scenario(unit=unit, requirement=requirement, course=course, people=people)


def add_session(scenario: Scenario, *, starts_in=20, days=3, seats=10, for_women=0, today=None,
                course=None) -> models.CourseSession:
    today = today or date.today()
    start = today + timedelta(days=starts_in)
    session = factories.CourseSessionFactory(course_id=(course or scenario.course).id, start_on=start,
                                             end_on=start + timedelta(days=days - 1), seats=seats,
                                             seats_for_women=for_women)
    scenario.sessions.append(session)
    return session
