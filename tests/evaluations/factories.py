"""Factories for evaluations and the partnerships the feedback report names (bound by tests/conftest.py)."""

from datetime import date, timedelta

import factory

from readiness import models
from tests.factories import Base, CountryFactory, MissionFactory, PartnerFactory, UnitFactory


class EvaluationFactory(Base):
    class Meta:
        model = models.Evaluation

    unit_id = factory.LazyFunction(lambda: UnitFactory().id)
    mission_id = factory.LazyFunction(lambda: MissionFactory().id)
    instrument = models.EvaluationInstrument.fc_unit_eval
    evaluated_on = factory.LazyFunction(lambda: date.today() - timedelta(days=30))
    improvement_plan_required = False
    recorded_by = "tests"


class EvaluationRatingFactory(Base):
    class Meta:
        model = models.EvaluationRating

    evaluation_id = factory.LazyFunction(lambda: EvaluationFactory().id)
    area = "training"
    rating = 3


class EvaluationFindingFactory(Base):
    class Meta:
        model = models.EvaluationFinding

    evaluation_id = factory.LazyFunction(lambda: EvaluationFactory().id)
    text = factory.Sequence(lambda n: f"Finding {n}")


class FindingCourseFactory(Base):
    class Meta:
        model = models.FindingCourse

    finding_id = factory.LazyFunction(lambda: EvaluationFindingFactory().id)
    course_id = None


class FindingCategoryFactory(Base):
    class Meta:
        model = models.FindingCategory

    finding_id = factory.LazyFunction(lambda: EvaluationFindingFactory().id)
    category = models.CourseCategory.medical


class PartnershipFactory(Base):
    class Meta:
        model = models.Partnership

    partner_id = factory.LazyFunction(lambda: PartnerFactory().id)
    country_code = factory.LazyFunction(lambda: CountryFactory().code)
    title = factory.Sequence(lambda n: f"Partnership {n}")
    start_on = date(2025, 1, 1)
    status = models.PartnershipStatus.active
    recorded_by = "tests"


class PartnershipCourseFactory(Base):
    class Meta:
        model = models.PartnershipCourse

    partnership_id = factory.LazyFunction(lambda: PartnershipFactory().id)
    course_id = None


class PartnershipCategoryFactory(Base):
    class Meta:
        model = models.PartnershipCategory

    partnership_id = factory.LazyFunction(lambda: PartnershipFactory().id)
    category = models.SupportCategory.training
