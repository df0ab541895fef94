"""The JSON API: /api/v1/needs, matching, mission and partner demand, with the same access rules."""

from datetime import date, timedelta

from readiness.models import NeedStatus, SupportCategory
from tests import factories
from tests.needs.factories import CapacityNeedFactory, partnership, pledged_unit, requirement_with

FUTURE = date.today() + timedelta(days=200)


def test_a_country_creates_reads_changes_and_deletes_a_need(api_client_for, session):
    factories.CourseFactory(code="UAS-OPS")
    client = api_client_for("force_generation", country="GHA")

    created = client.post("/api/v1/needs", json={"category": "training", "course": "UAS-OPS", "quantity": 12,
                                                 "needed_by": FUTURE.isoformat()})
    need_id = created.json()["id"]
    patched = client.patch(f"/api/v1/needs/{need_id}", json={"status": "withdrawn"})
    listed = client.get("/api/v1/needs?status=withdrawn")
    deleted = client.delete(f"/api/v1/needs/{need_id}")

    assert created.status_code == 201
    assert created.json() | {"id": 0, "recorded_at": None} == {
        "id": 0, "country": "GHA", "category": "training", "course": "UAS-OPS", "course_title": "Course UAS-OPS",
        "capability": None, "quantity": 12, "needed_by": FUTURE.isoformat(), "status": "open", "note": None,
        "recorded_at": None, "recorded_by": client.user.email}
    assert patched.json()["status"] == "withdrawn" and patched.json()["quantity"] == 12
    assert [need["id"] for need in listed.json()] == [need_id]
    assert deleted.status_code == 204
    assert client.get(f"/api/v1/needs/{need_id}").status_code == 404


def test_the_api_refuses_a_need_without_course_or_capability(api_client_for):
    client = api_client_for("force_generation", country="GHA")

    response = client.post("/api/v1/needs", json={"category": "training", "quantity": 3})

    assert response.status_code == 422


def test_another_countrys_need_is_not_found_through_the_api(api_client_for, session):
    need = CapacityNeedFactory(capability="Mentors")
    session.commit()
    client = api_client_for("force_generation", country="GHA")

    assert client.get(f"/api/v1/needs/{need.id}").status_code == 404
    assert client.patch(f"/api/v1/needs/{need.id}", json={"quantity": 2}).status_code == 404
    assert client.get("/api/v1/needs").json() == []


def test_a_partner_reads_the_needs_of_its_countries_but_cannot_change_them(api_client_for, session):
    need = CapacityNeedFactory(country_code=factories.CountryFactory(code="RWA").code, capability="Mentors")
    session.commit()
    client = api_client_for("partner", partner_countries=["RWA"])

    assert [row["id"] for row in client.get("/api/v1/needs").json()] == [need.id]
    assert client.patch(f"/api/v1/needs/{need.id}", json={"quantity": 2}).status_code == 403


def test_matching_defaults_to_the_actors_country(api_client_for):
    client = api_client_for("force_generation", country="GHA")
    CapacityNeedFactory(country_code="GHA", category=SupportCategory.equipment, capability="Ambulances")

    body = client.get("/api/v1/needs/matching").json()

    assert body["country"] == "GHA"
    assert [(need["capability"], need["unmatched_entirely"]) for need in body["stated"]] == [("Ambulances", True)]


def test_matching_another_country_is_refused_to_a_national_user(api_client_for):
    factories.CountryFactory(code="RWA")
    client = api_client_for("force_generation", country="GHA")

    assert client.get("/api/v1/needs/matching?country=RWA").status_code == 404


def _mission_with_demand():
    first_aid = factories.CourseFactory(code="UNBFAC")
    requirement = requirement_with((first_aid, 100))
    ghana, nepal = factories.CountryFactory(code="GHA").code, factories.CountryFactory(code="NPL").code
    pledged_unit(country=ghana, requirement=requirement, deploys_on=date.today() + timedelta(days=90), people=5)
    pledged_unit(country=nepal, requirement=requirement, deploys_on=date.today() + timedelta(days=60), people=3)
    return requirement, first_aid


def test_the_mission_demand_sums_courses_by_country(api_client_for, session):
    requirement, _first_aid = _mission_with_demand()
    acronym = session.get(factories.MissionFactory._meta.model, requirement.mission_id)
    client = api_client_for("mission_planner")

    body = client.get(f"/api/v1/missions/{acronym.acronym}/demand").json()

    [course] = body["courses"]
    assert (course["course"], course["shortfall"], body["total"], body["units"]) == ("UNBFAC", 8, 8, 2)
    assert course["needed_by"] == (date.today() + timedelta(days=60)).isoformat()
    assert [(row["country"], row["shortfall"]) for row in course["countries"]] == [("NPL", 3), ("GHA", 5)]


def test_a_national_user_sees_only_its_own_countrys_part_of_the_mission_demand(api_client_for, session):
    requirement, _first_aid = _mission_with_demand()
    mission = session.get(factories.MissionFactory._meta.model, requirement.mission_id)
    client = api_client_for("force_generation", country="GHA")

    body = client.get(f"/api/v1/missions/{mission.acronym}/demand").json()

    assert [row["country"] for row in body["courses"][0]["countries"]] == ["GHA"]
    assert body["total"] == 5


def test_an_unknown_mission_has_no_demand(api_client_for):
    assert api_client_for("mission_planner").get("/api/v1/missions/NOPE/demand").status_code == 404


def test_a_partner_sees_what_it_could_fill_in_its_countries(api_client_for, session):
    _requirement, first_aid = _mission_with_demand()
    client = api_client_for("partner", partner_countries=["GHA"])
    partner = session.get(factories.PartnerFactory._meta.model, client.user.partner_id)
    partnership(partner=partner, country="GHA", courses=[first_aid], categories=[SupportCategory.mentoring])
    CapacityNeedFactory(country_code="GHA", category=SupportCategory.mentoring, capability="POC mentors", quantity=4)
    CapacityNeedFactory(country_code="GHA", category=SupportCategory.equipment, capability="Trucks")
    CapacityNeedFactory(country_code="NPL", category=SupportCategory.mentoring, capability="Not its country")
    CapacityNeedFactory(country_code="GHA", category=SupportCategory.mentoring, capability="Old",
                        status=NeedStatus.met)

    body = client.get(f"/api/v1/partners/{partner.code}/demand").json()

    assert body["countries"] == ["GHA"] and body["courses"] == ["UNBFAC"] and body["categories"] == ["mentoring"]
    assert sorted((need["kind"], need["course"] or need["capability"], need["quantity"]) for need in body["needs"]) == [
        ("derived", "UNBFAC", 5), ("stated", "POC mentors", 4)]
    assert body["could_fill"] == 9


def test_a_partner_cannot_see_another_partners_demand(api_client_for, session):
    other = factories.PartnerFactory(code="OTHER")
    session.commit()
    client = api_client_for("partner", partner_countries=["GHA"])

    assert client.get(f"/api/v1/partners/{other.code}/demand").status_code == 403


def test_the_openapi_documents_the_needs_routes_with_examples(login_as):
    schema = login_as("mission_planner").get("/openapi.json").json()

    for path in ("/api/v1/needs", "/api/v1/needs/{need_id}", "/api/v1/needs/matching",
                 "/api/v1/missions/{acronym}/demand", "/api/v1/partners/{code}/demand"):
        assert path in schema["paths"]
    assert schema["components"]["schemas"]["NeedPublic"]["examples"]
    assert schema["components"]["schemas"]["MissionDemand"]["examples"]
