"""Factories and small builders for the parity tests."""

from datetime import date

from sqlmodel import select

from readiness import models
from tests import factories
from tests.factories import Base


class GenderParityTargetFactory(Base):
    class Meta:
        model = models.GenderParityTarget

    year = 2028
    category = models.ParityCategory.military_contingent
    target_pct = 15
    sourced = True
    source = "UGPS 2018-2028 [S40]"


def unit_with(women: int, men: int, *, branch=models.Branch.military, country: str | None = None,
              start_on: date = date(2025, 1, 1), **unit_values) -> models.Unit:
    """A unit (of a new type of `branch` unless unit_type_id is given) with `women` and `men` on its
    roster from `start_on`."""
    unit_values.setdefault("unit_type_id", factories.UnitTypeFactory(branch=branch).id)
    country = _country(country)
    unit = factories.UnitFactory(country_code=country, **unit_values)
    for gender, count in ((models.Gender.F, women), (models.Gender.M, men)):
        for _ in range(count):
            person = factories.PersonFactory(gender=gender, country_code=country)
            factories.AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=start_on)
    return unit


def _country(code: str | None) -> str:
    """An existing country's code: `code` (created when missing) or a new one."""
    if code is None:
        return factories.CountryFactory().code
    if factories._session().get(models.Country, code) is None:
        factories.CountryFactory(code=code)
    return code


def roster_people(unit: models.Unit) -> list[models.Person]:
    session = factories._session()
    query = (select(models.Person).join(models.Assignment, models.Assignment.person_id == models.Person.id)
             .where(models.Assignment.unit_id == unit.id).order_by(models.Person.id))
    return list(session.exec(query).all())


__all__ = ["GenderParityTargetFactory", "unit_with", "roster_people"]
