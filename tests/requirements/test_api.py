"""The requirements API: anyone signed in reads, the UN side creates versions and deletes them."""

from sqlmodel import select

from readiness.models import AuditEntry
from tests.factories import CourseFactory, MissionFactory, UnitTypeFactory


def new_requirement(version=1, **changes):
    mission, unit_type, course = MissionFactory(), UnitTypeFactory(), CourseFactory()
    return {
        "code": "MISSION-INF", "mission": mission.acronym, "unit_type": unit_type.slug,
        "title": "Infantry", "version": version, "tour_months": 12, "min_women_pct": 15.0,
        "lines": [{"course": course.code, "min_pct": 100.0, "role": None}], **changes,
    }


def test_a_mission_planner_creates_a_version_and_everyone_reads_it(api_client_for, session):
    body = new_requirement()
    planner = api_client_for("mission_planner")
    created = planner.post("/api/v1/requirements", json=body)
    assert created.status_code == 201
    assert created.json() == body
    reader = api_client_for("force_generation")
    assert reader.get("/api/v1/requirements/MISSION-INF").json() == body
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "requirement")).first()


def test_the_code_alone_names_the_latest_version(api_client_for):
    planner = api_client_for("mission_planner")
    first = new_requirement()
    planner.post("/api/v1/requirements", json=first)
    planner.post("/api/v1/requirements", json={**first, "version": 2, "tour_months": 6})
    assert planner.get("/api/v1/requirements/MISSION-INF").json()["version"] == 2
    assert planner.get("/api/v1/requirements/MISSION-INF@1").json()["tour_months"] == 12
    assert len(planner.get("/api/v1/requirements", params={"mission": first["mission"]}).json()) == 2


def test_it_refuses_an_existing_version(api_client_for):
    planner = api_client_for("mission_planner")
    body = new_requirement()
    planner.post("/api/v1/requirements", json=body)
    assert planner.post("/api/v1/requirements", json=body).status_code == 409


def test_it_names_unknown_courses(api_client_for):
    planner = api_client_for("mission_planner")
    body = new_requirement(lines=[{"course": "NO-SUCH-COURSE", "min_pct": 100}])
    response = planner.post("/api/v1/requirements", json=body)
    assert response.status_code == 422
    assert "unknown course NO-SUCH-COURSE" in response.text


def test_a_force_generation_office_may_not_create_requirements(api_client_for):
    response = api_client_for("force_generation").post("/api/v1/requirements", json=new_requirement())
    assert response.status_code == 403


def test_it_deletes_only_a_named_version(api_client_for):
    planner = api_client_for("mission_planner")
    body = new_requirement()
    planner.post("/api/v1/requirements", json=body)
    planner.post("/api/v1/requirements", json={**body, "version": 2})
    assert planner.delete("/api/v1/requirements/MISSION-INF").status_code == 422
    assert planner.delete("/api/v1/requirements/MISSION-INF@2").status_code == 204
    assert planner.get("/api/v1/requirements/MISSION-INF").json()["version"] == 1
    assert planner.get("/api/v1/requirements/MISSION-INF@2").status_code == 404
