"""Factories and builders for the needs tests: stated needs, partnerships, and pledged units with rosters."""

from datetime import date

import factory

from readiness import models
from tests import factories
from tests.factories import Base


class CapacityNeedFactory(Base):
    class Meta:
        model = models.CapacityNeed

    country_code = factory.LazyFunction(lambda: factories.CountryFactory().code)
    category = models.SupportCategory.training
    course_id = None
    capability = "Mentoring on the protection of civilians"
    quantity = 10
    needed_by = None
    status = models.NeedStatus.open
    recorded_by = "tests"


class PartnershipFactory(Base):
    class Meta:
        model = models.Partnership

    partner_id = factory.LazyFunction(lambda: factories.PartnerFactory().id)
    country_code = factory.LazyFunction(lambda: factories.CountryFactory().code)
    title = factory.Sequence(lambda n: f"Partnership {n}")
    start_on = date(2025, 1, 1)
    status = models.PartnershipStatus.active
    recorded_by = "tests"


def partnership(*, partner=None, country=None, courses=(), categories=(), status=models.PartnershipStatus.active):
    """A partnership of `partner` with `country` delivering `courses` (Course rows) and `categories`."""
    values = {"status": status}
    if partner is not None:
        values["partner_id"] = partner.id
    if country is not None:
        values["country_code"] = country
    row = PartnershipFactory(**values)
    session = factories._session()
    for course in courses:
        session.add(models.PartnershipCourse(partnership_id=row.id, course_id=course.id))
    for category in categories:
        session.add(models.PartnershipCategory(partnership_id=row.id, category=category))
    session.flush()
    return row


def pledged_unit(*, country: str, requirement, deploys_on: date, people: int, trained=(),
                 status=models.UnitStatus.pledged, women: int = 0):
    """A unit of the requirement's type, pledged to its mission, with `people` on its roster of whom
    for each (Course, count) of `trained`, count hold the course; the first `women` people are women."""
    unit = factories.UnitFactory(country_code=country, unit_type_id=requirement.unit_type_id,
                                 target_mission_id=requirement.mission_id, planned_deployment=deploys_on,
                                 status=status)
    members = []
    for index in range(people):
        gender = models.Gender.F if index < women else models.Gender.M
        person = factories.PersonFactory(country_code=country, gender=gender)
        factories.AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=date(2024, 1, 1))
        members.append(person)
    for course, count in trained:
        for person in members[:count]:
            factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2025, 6, 1))
    return unit


def requirement_with(*courses_and_shares):
    """A requirement (mission, unit type) with one line per (Course, min_pct)."""
    requirement = factories.RequirementFactory()
    for course, share in courses_and_shares:
        factories.RequirementLineFactory(requirement_id=requirement.id, course_id=course.id, min_pct=share)
    return requirement
