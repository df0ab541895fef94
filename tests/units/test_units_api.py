"""Listing and reading units through the JSON API."""

from datetime import date, timedelta

from readiness.models import Gender, PcrsLevel, Role
from tests.factories import AssignmentFactory, CountryFactory, PersonFactory, UnitFactory, UnitTypeFactory


def test_a_unit_shows_todays_roster_strength_and_women(login_as):
    client = login_as(Role.admin)
    unit = UnitFactory()
    for gender in (Gender.F, Gender.M, Gender.M):
        AssignmentFactory(unit_id=unit.id, person_id=PersonFactory(gender=gender).id)
    AssignmentFactory(unit_id=unit.id, start_on=date.today() - timedelta(days=90),
                      end_on=date.today() - timedelta(days=30))
    body = client.get(f"/api/v1/units/{unit.code}").json()
    assert (body["strength"], body["women"]) == (3, 1)


def test_units_are_filtered_by_type_and_level(login_as):
    client = login_as(Role.admin)
    battalion = UnitTypeFactory(slug="battalion_x")
    UnitFactory(unit_type_id=battalion.id, pcrs_level=PcrsLevel.L2, code="KEEP-1")
    UnitFactory(unit_type_id=battalion.id, pcrs_level=PcrsLevel.L1)
    UnitFactory(pcrs_level=PcrsLevel.L2)
    body = client.get("/api/v1/units", params={"unit_type": "battalion_x", "pcrs_level": "L2"}).json()
    assert [unit["code"] for unit in body["items"]] == ["KEEP-1"]


def test_units_come_in_pages(login_as):
    client = login_as(Role.admin)
    for number in range(5):
        UnitFactory(code=f"PAGE-{number}")
    body = client.get("/api/v1/units", params={"search": "page-", "per_page": 2, "page": 3}).json()
    assert [unit["code"] for unit in body["items"]] == ["PAGE-4"]
    assert (body["total"], body["pages"], body["page"]) == (5, 3, 3)


def test_a_national_user_lists_only_their_countrys_units(login_as):
    own = CountryFactory()
    client = login_as(Role.force_generation, country=own.code)
    UnitFactory(country_code=own.code, code="MINE")
    UnitFactory(code="THEIRS")
    codes = [unit["code"] for unit in client.get("/api/v1/units").json()["items"]]
    assert codes == ["MINE"]


def test_an_unknown_unit_is_not_found(login_as):
    response = login_as(Role.admin).get("/api/v1/units/NO-SUCH-UNIT")
    assert response.status_code == 404
    assert "NO-SUCH-UNIT" in response.json()["detail"]
