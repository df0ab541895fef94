"""The mission view: every unit of the requirement's type at once, and the training demand."""

from datetime import date

import pytest

from readiness.accounts.scope import SYSTEM, Actor
from readiness.models import PcrsLevel, Role
from readiness.readiness import service
from tests.factories import CourseFactory, UnitFactory, UnitTypeFactory
from tests.readiness.helpers import complete, enlist, report, requirement_for

D = date(2026, 3, 1)


@pytest.fixture
def infantry():
    return UnitTypeFactory()


def view(session, requirement, actor=SYSTEM, **filters):
    return service.mission_view(
        session, actor=actor, requirement_code=requirement.code, as_of=D, **filters
    )


def trained_unit(unit_type, course, trained, untrained, **fields):
    unit = UnitFactory(unit_type_id=unit_type.id, **fields)
    for _ in range(trained):
        complete(enlist(unit), course, date(2025, 6, 1))
    for _ in range(untrained):
        enlist(unit)
    return unit


def test_it_lists_every_unit_of_the_type_best_score_first(session, infantry):
    course = CourseFactory()
    weak = trained_unit(infantry, course, 1, 3)
    strong = trained_unit(infantry, course, 4, 0)
    UnitFactory()  # another unit type
    requirement = requirement_for(weak, (course, 100))
    result = view(session, requirement)
    assert [row.unit for row in result.units] == [strong.code, weak.code]
    assert [row.score for row in result.units] == [100.0, 25.0]


def test_it_agrees_with_each_units_own_report(session, infantry):
    yearly, women_course = CourseFactory(validity_months=12), CourseFactory()
    units = [trained_unit(infantry, yearly, n, 3 - n) for n in range(3)]
    complete(enlist(units[0], role="commander"), women_course, date(2024, 1, 1))
    requirement = requirement_for(units[0], (yearly, 50), (women_course, 100, "commander"),
                                  min_women_pct=10)
    rows = {row.unit: row for row in view(session, requirement).units}
    for unit in units:
        single = report(session, unit, requirement, D)
        assert rows[unit.code].lines == single.lines
        assert (rows[unit.code].score, rows[unit.code].status) == (single.score, single.status)


def test_it_shows_a_unit_without_anyone_on_its_roster(session, infantry):
    course = CourseFactory()
    empty = UnitFactory(unit_type_id=infantry.id)
    (row,) = view(session, requirement_for(empty, (course, 100))).units
    assert (row.strength, row.lines[0].eligible, row.status) == (0, 0, "not_ready")


def test_it_filters_by_country_pcrs_level_and_status(session, infantry):
    course = CourseFactory()
    ready = trained_unit(infantry, course, 2, 0, pcrs_level=PcrsLevel.L2)
    unready = trained_unit(infantry, course, 0, 2, pcrs_level=PcrsLevel.L3)
    requirement = requirement_for(ready, (course, 100))
    assert [r.unit for r in view(session, requirement, country=ready.country_code).units] == [ready.code]
    assert [r.unit for r in view(session, requirement, pcrs_level="L3").units] == [unready.code]
    assert [r.unit for r in view(session, requirement, status="not_ready").units] == [unready.code]


def test_it_sums_the_shortfall_per_course_over_the_units(session, infantry):
    first, second = CourseFactory(code="AAA-1"), CourseFactory(code="BBB-1")
    units = [trained_unit(infantry, first, 1, 2), trained_unit(infantry, first, 0, 2)]
    requirement = requirement_for(units[0], (first, 100), (second, 50))
    demand = {d.course: d.shortfall for d in view(session, requirement).demand}
    assert demand == {"AAA-1": 2 + 2, "BBB-1": 2 + 1}


def test_it_shows_a_partner_only_the_countries_it_supports(session, infantry):
    course = CourseFactory()
    supported = trained_unit(infantry, course, 1, 0)
    trained_unit(infantry, course, 1, 0)
    partner = Actor(email="p@example.org", role=Role.partner, partner_id=1,
                    partner_countries=frozenset({supported.country_code}))
    rows = view(session, requirement_for(supported, (course, 100)), actor=partner).units
    assert [row.unit for row in rows] == [supported.code]
