"""Factories for partnerships, their categories and courses."""

from datetime import date

import factory

from readiness import models
from tests.factories import Base, CountryFactory, CourseFactory, PartnerFactory


class PartnershipFactory(Base):
    class Meta:
        model = models.Partnership

    partner_id = factory.LazyFunction(lambda: PartnerFactory().id)
    country_code = factory.LazyFunction(lambda: CountryFactory().code)
    title = factory.Sequence(lambda n: f"Partnership {n}")
    start_on = date(2026, 1, 5)
    end_on = date(2026, 12, 18)
    long_term = False
    status = models.PartnershipStatus.active
    recorded_by = "tests"


class PartnershipCategoryFactory(Base):
    class Meta:
        model = models.PartnershipCategory

    partnership_id = factory.LazyFunction(lambda: PartnershipFactory().id)
    category = models.SupportCategory.training


class PartnershipCourseFactory(Base):
    class Meta:
        model = models.PartnershipCourse

    partnership_id = factory.LazyFunction(lambda: PartnershipFactory().id)
    course_id = factory.LazyFunction(lambda: CourseFactory().id)


def partnership(*, categories=("training",), courses=(), **values) -> models.Partnership:
    """A partnership with its categories and (course rows) courses."""
    made = PartnershipFactory(**values)
    for category in categories:
        PartnershipCategoryFactory(partnership_id=made.id, category=category)
    for course in courses:
        PartnershipCourseFactory(partnership_id=made.id, course_id=course.id)
    return made
