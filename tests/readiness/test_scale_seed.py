"""`readiness seed scale` at a tiny size: consistent rows that the engine reads like any other."""

from datetime import date

import pytest
from sqlalchemy import func, select

from readiness.accounts.scope import SYSTEM
from readiness.models import Assignment, Completion, Person, Unit
from readiness.readiness import service
from readiness.seeding.scale import ScaleSize, insert_scale_data
from tests.factories import CourseFactory, CountryFactory, UnitTypeFactory
from tests.readiness.helpers import requirement_for

TODAY = date(2026, 6, 1)


@pytest.fixture
def reference():
    CountryFactory()
    UnitTypeFactory(slug="infantry_battalion")
    UnitTypeFactory()
    return [CourseFactory(code=code) for code in ("CPTM-2.5", "PSEA-ONL", "OTHER-1", "OTHER-2")]


def seed(session, units=6, people=60, completions=240):
    size = ScaleSize(units=units, people=people, completions=completions)
    return insert_scale_data(session.connection(), size=size, seed=7, today=TODAY)


def count(session, model, *where):
    return session.execute(select(func.count()).select_from(model).where(*where)).scalar_one()


def test_it_inserts_the_sizes_asked_for(session, reference):
    counts = seed(session)
    assert (counts["units"], counts["people"], counts["completions"]) == (6, 60, 240)
    assert count(session, Unit, Unit.code.like("SCALE-%")) == 6
    assert count(session, Person, Person.service_number.like("SC%")) == 60
    assert count(session, Assignment, Assignment.end_on.is_(None)) >= 60
    assert count(session, Completion, Completion.recorded_by == "seed:scale") == 240


def test_the_engine_reports_on_generated_units(session, reference):
    seed(session)
    session.expire_all()
    unit = session.execute(select(Unit).where(Unit.code == "SCALE-00000")).scalar_one()
    requirement = requirement_for(unit, (reference[0], 50))
    result = service.unit_readiness(session, actor=SYSTEM, unit_code=unit.code,
                                    requirement_code=requirement.code, as_of=TODAY)
    assert result.strength == 10
    assert 0 <= result.lines[0].trained <= 10


def test_it_refuses_to_seed_twice(session, reference):
    seed(session)
    with pytest.raises(RuntimeError, match="already holds"):
        seed(session)
