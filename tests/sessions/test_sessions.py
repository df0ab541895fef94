"""Course sessions: a centre keeps its own, administrators all; pages and the JSON API share the rules."""

from datetime import date

from sqlmodel import select

from readiness.models import AuditEntry, CourseSession
from tests import factories

HTMX = {"HX-Request": "true"}


def session_body(course, **changes) -> dict:
    values = {"course_id": course.id, "start_on": "2026-04-06", "end_on": "2026-04-10", "language": "fr",
              "seats": 24, "seats_for_women": 6}
    return {**values, **changes}


def test_a_centre_creates_a_session_at_its_own_centre_through_the_api(session, api_client_for):
    client = api_client_for("training_centre", country="XSA")
    course = factories.CourseFactory()

    response = client.post("/api/v1/sessions", json=session_body(course, centre_id=999))

    assert response.status_code == 201
    assert response.json()["centre_id"] == client.user.centre_id
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "course_session")).one().action == "create"


def test_more_seats_for_women_than_seats_is_refused(api_client_for):
    client = api_client_for("training_centre", country="XSA")
    course = factories.CourseFactory()

    assert client.post("/api/v1/sessions", json=session_body(course, seats=4, seats_for_women=5)).status_code == 422


def test_the_list_filters_by_course_and_dates(api_client_for):
    client = api_client_for("training_centre", country="XSA")
    wanted, other = factories.CourseFactory(code="POC-1"), factories.CourseFactory()
    for course in (wanted, other):
        factories.CourseSessionFactory(course_id=course.id, centre_id=client.user.centre_id)
    factories.CourseSessionFactory(course_id=wanted.id, centre_id=client.user.centre_id,
                                   start_on=date(2027, 1, 4), end_on=date(2027, 1, 8))

    response = client.get("/api/v1/sessions", params={"course": "POC-1", "from": "2026-01-01", "to": "2026-12-31"})

    assert [(row["course"], row["start_on"]) for row in response.json()] == [("POC-1", "2026-03-02")]


def test_a_centre_does_not_see_another_centres_session(api_client_for):
    client = api_client_for("training_centre", country="XSA")
    elsewhere = factories.CourseSessionFactory()

    assert client.get(f"/api/v1/sessions/{elsewhere.id}").status_code == 404
    assert client.delete(f"/api/v1/sessions/{elsewhere.id}").status_code == 404


def test_a_centre_updates_and_deletes_its_session(session, api_client_for):
    client = api_client_for("training_centre", country="XSA")
    kept = factories.CourseSessionFactory(centre_id=client.user.centre_id)

    updated = client.put(f"/api/v1/sessions/{kept.id}", json=session_body(factories.CourseFactory(), seats=40))
    deleted = client.delete(f"/api/v1/sessions/{kept.id}")

    assert (updated.json()["seats"], deleted.status_code) == (40, 204)
    assert session.get(CourseSession, kept.id) is None


def test_a_session_with_completions_is_not_deleted(api_client_for):
    client = api_client_for("training_centre", country="XSA")
    kept = factories.CourseSessionFactory(centre_id=client.user.centre_id)
    factories.CompletionFactory(course_id=kept.course_id, session_id=kept.id)

    assert client.delete(f"/api/v1/sessions/{kept.id}").status_code == 409


def test_force_generation_keeps_no_sessions(api_client_for):
    client = api_client_for("force_generation", country="XSA")

    assert client.get("/api/v1/sessions").status_code == 403


def test_an_administrator_names_the_centre(api_client_for):
    client = api_client_for("admin")
    centre, course = factories.TrainingCentreFactory(), factories.CourseFactory()

    with_centre = client.post("/api/v1/sessions", json=session_body(course, centre_id=centre.id))
    without = client.post("/api/v1/sessions", json=session_body(course))  # last: a refusal rolls back

    assert (without.status_code, with_centre.json()["centre_id"]) == (422, centre.id)


def test_the_page_lists_the_centres_sessions(login_as):
    client = login_as("training_centre", country="XSA")
    factories.CourseSessionFactory(course_id=factories.CourseFactory(code="POC-9").id, centre_id=client.user.centre_id)

    page = client.get("/sessions")

    assert page.status_code == 200 and "POC-9" in page.text


def test_the_page_form_creates_a_session(session, login_as):
    client = login_as("training_centre", country="XSA")
    course = factories.CourseFactory()

    answer = client.post("/sessions", data=session_body(course), follow_redirects=False)

    assert answer.status_code == 303
    assert session.exec(select(CourseSession).where(CourseSession.course_id == course.id)).one().language == "fr"


def test_the_page_form_comes_back_with_its_errors(login_as):
    client = login_as("training_centre", country="XSA")
    course = factories.CourseFactory()

    answer = client.post("/sessions", data=session_body(course, end_on="2026-04-01"))

    assert answer.status_code == 422 and "ends before it starts" in answer.text


def test_the_edit_page_changes_a_session_and_delete_removes_it(session, login_as):
    client = login_as("training_centre", country="XSA")
    kept = factories.CourseSessionFactory(centre_id=client.user.centre_id)

    page = client.get(f"/sessions/{kept.id}/edit")
    client.post(f"/sessions/{kept.id}", data=session_body(factories.CourseFactory(), seats=12))
    assert (page.status_code, session.get(CourseSession, kept.id).seats) == (200, 12)

    client.post(f"/sessions/{kept.id}/delete")
    assert session.get(CourseSession, kept.id) is None


def test_the_pages_refuse_a_mission_planner_and_a_missing_csrf_token(login_as):
    planner = login_as("mission_planner")
    no_token = login_as("training_centre", country="XSA", csrf=False)

    assert planner.get("/sessions").status_code == 403
    assert no_token.post("/sessions", data=session_body(factories.CourseFactory())).status_code == 403


def test_the_new_session_page_offers_the_courses_and_no_centre_choice_to_a_centre(login_as):
    client = login_as("training_centre", country="XSA")
    factories.CourseFactory(code="POC-7")

    page = client.get("/sessions/new")

    assert page.status_code == 200 and "POC-7" in page.text and 'name="centre_id"' not in page.text
