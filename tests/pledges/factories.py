"""Factories for ministerials, pledges and progress notes."""

from datetime import date

import factory

from readiness import models
from tests.factories import Base, CountryFactory


class MinisterialEventFactory(Base):
    class Meta:
        model = models.MinisterialEvent

    code = factory.Sequence(lambda n: f"city-{2030 + n}")
    city = factory.Sequence(lambda n: f"City {n}")
    held_from = factory.Sequence(lambda n: date(2030 + n, 5, 13))
    held_to = factory.LazyAttribute(lambda o: o.held_from.replace(day=14))
    themes = "Test themes"
    summary = "Test figures"
    source = "[S0] tests"


class PledgeFactory(Base):
    class Meta:
        model = models.MinisterialPledge

    event_id = factory.LazyFunction(lambda: MinisterialEventFactory().id)
    country_code = factory.LazyFunction(lambda: CountryFactory().code)
    category = models.PledgeCategory.training
    detail = factory.Sequence(lambda n: f"Pledge {n}")
    status = models.PledgeStatus.announced
    recorded_by = "tests"


class NoteFactory(Base):
    class Meta:
        model = models.PledgeProgressNote

    pledge_id = factory.LazyFunction(lambda: PledgeFactory().id)
    noted_on = date(2026, 1, 15)
    text = factory.Sequence(lambda n: f"Progress {n}")
    recorded_by = "tests"
