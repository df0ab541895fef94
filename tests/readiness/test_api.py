"""The readiness JSON API: same figures as the service, scoped by who asks."""

from datetime import date

import pytest

from tests.factories import CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, requirement_for


@pytest.fixture
def scenario():
    unit, course = UnitFactory(), CourseFactory(validity_months=12)
    complete(enlist(unit), course, date(2025, 6, 1))
    enlist(unit)
    requirement = requirement_for(unit, (course, 50), min_women_pct=10)
    return unit, course, requirement


def test_it_reports_a_unit_in_the_documented_shape(api_client_for, scenario):
    unit, course, requirement = scenario
    client = api_client_for("force_generation", country=unit.country_code)
    body = client.get(f"/api/v1/units/{unit.code}/readiness",
                      params={"requirement": requirement.code, "as_of": "2026-03-01"}).json()
    assert body["unit"] == unit.code and body["requirement"] == requirement.code
    assert (body["as_of"], body["tour_end"]) == ("2026-03-01", "2027-03-01")
    assert body["lines"][0] == {
        "kind": "course", "course": course.code, "role": None, "min_pct": 50.0, "eligible": 2,
        "trained": 1, "coverage_pct": 50.0, "met": True, "shortfall": 0, "expiring": 1,
    }
    assert body["lines"][1]["kind"] == "women" and body["lines"][1]["course"] is None
    assert (body["lines_met"], body["lines_total"], body["status"]) == (1, 2, "partial")


def test_it_answers_not_found_for_another_countrys_unit(api_client_for, scenario):
    unit, _course, requirement = scenario
    client = api_client_for("force_generation")
    response = client.get(f"/api/v1/units/{unit.code}/readiness", params={"requirement": requirement.code})
    assert response.status_code == 404
    assert unit.name not in response.text


def test_it_lets_a_mission_planner_see_unit_figures_but_not_people(api_client_for, scenario):
    unit, _course, requirement = scenario
    client = api_client_for("mission_planner")
    params = {"requirement": requirement.code, "as_of": "2026-03-01"}
    assert client.get(f"/api/v1/units/{unit.code}/readiness", params=params).status_code == 200
    assert client.get(f"/api/v1/units/{unit.code}/gaps", params=params).status_code == 403


def test_it_lists_who_needs_what_to_the_units_own_country(api_client_for, scenario):
    unit, course, requirement = scenario
    client = api_client_for("force_generation", country=unit.country_code)
    gaps = client.get(f"/api/v1/units/{unit.code}/gaps",
                      params={"requirement": requirement.code, "as_of": "2026-03-01"}).json()["gaps"]
    assert sorted(gap["reason"] for gap in gaps) == ["expiring", "not_trained"]
    assert {gap["course"] for gap in gaps} == {course.code}


def test_it_shows_the_mission_view_filtered_to_readable_countries(api_client_for, scenario):
    unit, _course, requirement = scenario
    UnitFactory(unit_type_id=unit.unit_type_id)
    own = api_client_for("force_generation", country=unit.country_code)
    planner = api_client_for("mission_planner")
    path = f"/api/v1/requirements/{requirement.code}/units"
    assert [row["unit"] for row in own.get(path).json()["units"]] == [unit.code]
    assert len(planner.get(path, params={"as_of": "2026-03-01"}).json()["units"]) == 2


def test_it_refuses_an_anonymous_caller(client, scenario):
    unit, _course, requirement = scenario
    response = client.get(f"/api/v1/units/{unit.code}/readiness", params={"requirement": requirement.code})
    assert response.status_code == 401


def test_it_rejects_a_malformed_date(api_client_for, scenario):
    unit, _course, requirement = scenario
    client = api_client_for("mission_planner")
    response = client.get(f"/api/v1/units/{unit.code}/readiness",
                          params={"requirement": requirement.code, "as_of": "2026-02-30"})
    assert response.status_code == 422


def test_the_openapi_document_has_the_readiness_routes_with_examples(login_as):
    document = login_as("mission_planner").get("/openapi.json").json()
    assert "/api/v1/units/{code}/readiness" in document["paths"]
    assert "examples" in document["components"]["schemas"]["UnitReadiness"]
