"""Factories for the evidence pack's tests (caveats; the shared ones are in tests/factories.py)."""

from datetime import date

import factory

from readiness import models
from tests.factories import Base, UnitFactory


class CaveatFactory(Base):
    class Meta:
        model = models.Caveat

    unit_id = factory.LazyFunction(lambda: UnitFactory().id)
    declared = True
    kind = models.CaveatKind.geographic
    text = factory.Sequence(lambda n: f"No patrols beyond sector {n}")
    accepted_by_un = True
    recorded_in = models.CaveatRecord.mou
    active_from = date(2025, 1, 1)
    active_to = None
    recorded_by = "tests"
