"""The JSON API: /api/v1/evaluations and /api/v1/countries/{code}/feedback."""

from datetime import timedelta

from tests.evaluations.conftest import TODAY


def evaluation_json(world, **changes) -> dict:
    body = {"unit": world.unit.code, "mission": world.mission.acronym, "instrument": "fhq_eval",
            "evaluated_on": (TODAY - timedelta(days=1)).isoformat(), "ratings": {"training": 4, "medical": 2},
            "summary": "Staff work improving", "improvement_plan_required": False,
            "findings": [{"text": "Orders late", "courses": [world.poc.code]},
                         {"text": "", "categories": ["medical"]}]}
    return {**body, **changes}


def test_a_planner_creates_reads_patches_and_deletes_an_evaluation(api_client_for, world):
    client = api_client_for("mission_planner")

    created = client.post("/api/v1/evaluations", json=evaluation_json(world))
    url = f"/api/v1/evaluations/{created.json()['id']}"
    patched = client.patch(url, json={"improvement_plan_required": True, "ratings": {"training": 5}})

    assert created.status_code == 201 and created.json()["mean_rating"] == 3.0
    assert created.json()["findings"][1]["categories"] == ["medical"]
    assert patched.status_code == 200 and patched.json()["ratings"] == {"training": 5}
    assert patched.json()["findings"][0]["text"] == "Orders late"  # not given, so kept
    assert client.get(url).json()["improvement_plan_required"] is True
    assert client.delete(url).status_code == 204 and client.get(url).status_code == 404


def test_the_list_filters_and_pages(api_client_for, world):
    client = api_client_for("mission_planner")

    mine = client.get(f"/api/v1/evaluations?country={world.country}&improvement_plan=true").json()
    none = client.get(f"/api/v1/evaluations?country={world.country}&instrument=ipo_appraisal").json()

    assert [item["id"] for item in mine["items"]] == [world.evaluation.id] and mine["total"] == 1
    assert none["items"] == []


def test_another_countrys_staff_list_nothing_of_it_and_cannot_write(api_client_for, world):
    client = api_client_for("force_generation", country="XQQ")

    assert client.get(f"/api/v1/evaluations?country={world.country}").json()["items"] == []
    assert client.get(f"/api/v1/evaluations/{world.evaluation.id}").status_code == 404
    assert client.post("/api/v1/evaluations", json=evaluation_json(world)).status_code == 403


def test_the_countrys_own_staff_read_but_do_not_write(api_client_for, world):
    client = api_client_for("force_generation", country=world.country)

    assert client.get(f"/api/v1/evaluations/{world.evaluation.id}").status_code == 200
    assert client.patch(f"/api/v1/evaluations/{world.evaluation.id}", json={"summary": "x"}).status_code == 403
    assert client.delete(f"/api/v1/evaluations/{world.evaluation.id}").status_code == 403


def test_invalid_evaluations_are_refused_naming_the_field(api_client_for, world):
    client = api_client_for("admin")

    rating = client.post("/api/v1/evaluations", json=evaluation_json(world, ratings={"medical": 9}))
    course = client.post("/api/v1/evaluations", json=evaluation_json(world, findings=[{"courses": ["NOPE"]}]))
    empty = client.post("/api/v1/evaluations", json=evaluation_json(world, findings=[{"text": ""}]))
    unit = client.post("/api/v1/evaluations", json=evaluation_json(world, unit="NOPE"))

    assert rating.status_code == 422 and rating.json()["errors"][0]["field"].endswith("ratings")
    assert course.status_code == 422 and course.json()["errors"][0]["field"] == "findings.0.courses"
    assert empty.status_code == 422 and "findings" in empty.json()["errors"][0]["field"]
    assert unit.status_code == 422 and unit.json()["errors"][0]["field"] == "unit"


def test_the_feedback_report_as_json_for_a_partner_of_the_country(api_client_for, world):
    client = api_client_for("partner", partner_countries=(world.country,))

    report = client.get(f"/api/v1/countries/{world.country}/feedback")

    assert report.status_code == 200
    body = report.json()
    assert {course["course"]: course["lacking"] for course in body["recommended"]} == {"XPOC": 3, "XFAC": 4}
    assert body["improvement_plans"][0]["id"] == world.evaluation.id
    assert api_client_for("force_generation", country="XQQ").get(
        f"/api/v1/countries/{world.country}/feedback").status_code == 403


def test_the_openapi_document_shows_examples(login_as):
    schema = login_as("mission_planner").get("/openapi.json").json()

    assert "/api/v1/evaluations/{evaluation_id}" in schema["paths"]
    assert schema["components"]["schemas"]["EvaluationCreate"]["examples"][0]["findings"][0]["courses"] == ["UNBFAC"]
