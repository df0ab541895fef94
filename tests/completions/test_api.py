"""The completions JSON API: the same rules and scope as the form."""

from sqlmodel import select

from readiness.models import Completion
from tests import factories


def body(course, **changes) -> dict:
    values = {"service_number": "GH-1001", "course_id": course.id, "completed_on": "2026-03-05", "result": "passed"}
    return {**values, **changes}


def test_a_centre_logs_a_completion_and_gets_it_back(session, api_client_for, country, person, course):
    client = api_client_for("training_centre", country=country.code)

    response = client.post("/api/v1/completions", json=body(course, score=75))

    assert response.status_code == 201
    assert (response.json()["course"], response.json()["score"], response.json()["source"]) == ("CPTM-1.1", 75, "form")


def test_a_waiver_without_reason_is_a_422(api_client_for, country, person, course):
    client = api_client_for("training_centre", country=country.code)

    assert client.post("/api/v1/completions", json=body(course, result="waived")).status_code == 422


def test_a_centre_corrects_and_deletes_a_completion(session, api_client_for, country, person, course):
    client = api_client_for("training_centre", country=country.code)
    completion = factories.CompletionFactory(person_id=person.id, course_id=course.id)

    corrected = client.put(f"/api/v1/completions/{completion.id}", json=body(course, completed_on="2025-06-01",
                                                                              result="failed"))
    deleted = client.delete(f"/api/v1/completions/{completion.id}")

    assert (corrected.json()["result"], deleted.status_code) == ("failed", 204)
    assert session.exec(select(Completion)).all() == []


def test_force_generation_may_not_log_completions(api_client_for, country, person, course):
    client = api_client_for("force_generation", country=country.code)

    assert client.post("/api/v1/completions", json=body(course)).status_code == 403


def test_another_countrys_completion_is_not_found(api_client_for, country, course):
    client = api_client_for("training_centre", country=country.code)
    outsider = factories.CompletionFactory(course_id=course.id)

    assert client.delete(f"/api/v1/completions/{outsider.id}").status_code == 404
