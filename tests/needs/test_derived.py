"""Derived needs: the shortfall of pledged units against their target requirements, per country and course."""

from datetime import date

import sqlalchemy as sa

from readiness.accounts.scope import SYSTEM, Actor
from readiness.models import Role, UnitStatus
from readiness.needs import service
from tests import factories
from tests.needs.factories import pledged_unit, requirement_with

TODAY = date(2026, 6, 1)


def _setup():
    first_aid, protection = factories.CourseFactory(code="UNBFAC"), factories.CourseFactory(code="POC-1")
    requirement = requirement_with((first_aid, 100), (protection, 50))
    country = factories.CountryFactory().code
    return country, requirement, first_aid, protection


def test_it_sums_the_shortfall_per_course_and_takes_the_earliest_deployment(session):
    country, requirement, first_aid, protection = _setup()
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2027, 3, 1), people=10,
                 trained=[(first_aid, 4), (protection, 5)])
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 12, 1), people=6,
                 trained=[(first_aid, 1)])

    needs = service.derived_needs(session, actor=SYSTEM, countries=frozenset({country}), today=TODAY)

    by_course = {need.course: need for need in needs}
    assert by_course["UNBFAC"].quantity == 6 + 5
    assert by_course["UNBFAC"].needed_by == date(2026, 12, 1)
    # 50 % of 6 people is 3, none trained; the first unit meets its 50 % already.
    assert by_course["POC-1"].quantity == 3
    assert [unit.shortfall for unit in by_course["UNBFAC"].units] == [5, 6]
    assert {unit.deploys_on for unit in by_course["UNBFAC"].units} == {date(2026, 12, 1), date(2027, 3, 1)}


def test_units_already_deployed_or_deploying_in_the_past_add_nothing(session):
    country, requirement, first_aid, _protection = _setup()
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 5, 1), people=5)
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 9, 1), people=5,
                 status=UnitStatus.deployed)

    assert service.derived_needs(session, actor=SYSTEM, countries=frozenset({country}), today=TODAY) == []


def test_a_forming_unit_with_a_planned_deployment_counts(session):
    country, requirement, first_aid, _protection = _setup()
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 9, 1), people=4,
                 status=UnitStatus.forming)

    needs = service.derived_needs(session, actor=SYSTEM, countries=frozenset({country}), today=TODAY)

    assert {need.course: need.quantity for need in needs} == {"UNBFAC": 4, "POC-1": 2}


def test_a_fully_trained_unit_has_no_need(session):
    country, requirement, first_aid, protection = _setup()
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 9, 1), people=4,
                 trained=[(first_aid, 4), (protection, 2)])

    assert service.derived_needs(session, actor=SYSTEM, countries=frozenset({country}), today=TODAY) == []


def test_another_countrys_units_are_not_counted_for_a_national_user(session):
    country, requirement, first_aid, _protection = _setup()
    other = factories.CountryFactory().code
    pledged_unit(country=other, requirement=requirement, deploys_on=date(2026, 9, 1), people=4)
    national = Actor(email="fg@example.org", role=Role.force_generation, country_code=country)

    assert service.derived_needs(session, actor=national, countries=None, today=TODAY) == []


def _statements(engine, run) -> int:
    count = {"n": 0}

    def counted(*_args):
        count["n"] += 1

    sa.event.listen(engine, "before_cursor_execute", counted)
    try:
        run()
    finally:
        sa.event.remove(engine, "before_cursor_execute", counted)
    return count["n"]


def test_the_number_of_statements_does_not_grow_with_the_number_of_people(session, engine):
    country, requirement, first_aid, _protection = _setup()
    small = factories.CountryFactory().code
    pledged_unit(country=small, requirement=requirement, deploys_on=date(2026, 9, 1), people=2)
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 9, 1), people=40)
    session.flush()

    def derive(code):
        return lambda: service.derived_needs(session, actor=SYSTEM, countries=frozenset({code}), today=TODAY)

    assert _statements(engine, derive(small)) == _statements(engine, derive(country))
