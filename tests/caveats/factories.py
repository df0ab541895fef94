"""Caveats for tests."""

from datetime import date

import factory

from readiness.models import Caveat, CaveatKind, CaveatRecord
from tests.factories import Base, UnitFactory


class CaveatFactory(Base):
    class Meta:
        model = Caveat

    unit_id = factory.LazyFunction(lambda: UnitFactory().id)
    declared = True
    kind = CaveatKind.time_night
    text = factory.Sequence(lambda n: f"No movement at night, sector {n}.")
    accepted_by_un = True
    recorded_in = CaveatRecord.mou
    active_from = date(2026, 1, 1)
    active_to = None
    recorded_by = "tests"


def unit_of(country: str, **values):
    """A unit of `country`, the country created when missing."""
    from readiness.models import Country
    from tests.factories import CountryFactory, _session

    if _session().get(Country, country) is None:
        CountryFactory(code=country)
    return UnitFactory(country_code=country, **values)
