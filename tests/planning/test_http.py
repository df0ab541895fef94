"""The plan page, booking and cancelling with htmx, and the JSON API."""

from sqlmodel import select

from readiness.models import SessionPlace
from tests import factories
from tests.planning.factories import add_session, short_unit

HTMX = {"HX-Request": "true"}


def booked(session) -> list[tuple[int, int]]:
    return sorted(session.exec(select(SessionPlace.person_id, SessionPlace.session_id)).all())


def form_for(scenario, course_session, people) -> dict:
    return {"requirement": scenario.code, "place": [f"{p.id}:{course_session.id}" for p in people]}


def test_the_page_names_who_goes_where_and_offers_to_book(login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=2, min_women_pct=10)
    add_session(scenario)

    response = client.get(f"/units/{scenario.unit.code}/plan")

    assert response.status_code == 200
    page = response.text
    assert all(person.service_number in page for person in scenario.people)
    assert "Book these places (2)" in page
    assert "The roster has 0% women against 10% required: training cannot close this" in page
    assert "No plan can make the unit ready by" in page


def test_an_htmx_request_gets_only_the_plan(login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=1)

    response = client.get(f"/units/{scenario.unit.code}/plan?requirement={scenario.code}", headers=HTMX)

    assert response.text.lstrip().startswith('<div id="plan">') and "<html" not in response.text


def test_the_unit_pages_readiness_card_links_to_the_plan(login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=1)

    assert f'href="/units/{scenario.unit.code}/plan?requirement=' in client.get(f"/units/{scenario.unit.code}").text


def test_booking_with_htmx_books_every_place_and_shows_them_booked(session, login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=2)
    course_session = add_session(scenario)

    response = client.post(f"/units/{scenario.unit.code}/plan/bookings", headers=HTMX,
                           data=form_for(scenario, course_session, scenario.people))

    assert response.status_code == 200 and "2 places booked." in response.text
    assert "Cancel the place" in response.text and "Book these places" not in response.text
    assert booked(session) == sorted((p.id, course_session.id) for p in scenario.people)


def test_a_plain_form_booking_redirects_back_to_the_plan(session, login_as):
    client = login_as("force_generation", country="XGA", csrf=False)
    scenario = short_unit(men=1)
    course_session = add_session(scenario)
    data = {**form_for(scenario, course_session, scenario.people), "csrf_token": client.csrf_token}

    response = client.post(f"/units/{scenario.unit.code}/plan/bookings", data=data, follow_redirects=False)

    assert response.status_code == 303 and response.headers["location"].startswith(f"/units/{scenario.unit.code}/plan")
    assert len(booked(session)) == 1


def test_booking_without_the_csrf_token_is_refused(session, login_as):
    client = login_as("force_generation", country="XGA", csrf=False)
    scenario = short_unit(men=1)
    course_session = add_session(scenario)

    response = client.post(f"/units/{scenario.unit.code}/plan/bookings",
                           data=form_for(scenario, course_session, scenario.people))

    assert response.status_code == 403 and booked(session) == []


def test_a_session_that_filled_up_in_between_books_nothing_and_says_which(session, login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=2)
    course_session = add_session(scenario, seats=2)
    shown = client.get(f"/units/{scenario.unit.code}/plan").text
    factories.SessionPlaceFactory(session_id=course_session.id)  # another unit took a place meanwhile

    response = client.post(f"/units/{scenario.unit.code}/plan/bookings", headers=HTMX,
                           data=form_for(scenario, course_session, scenario.people))

    assert "Book these places (2)" in shown
    assert "filled up since the plan was made" in response.text and scenario.course.code in response.text
    assert [pair for pair in booked(session) if pair[0] in {p.id for p in scenario.people}] == []


def test_cancelling_a_place_with_htmx_gives_it_back(session, login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=1)
    course_session = add_session(scenario)
    client.post(f"/units/{scenario.unit.code}/plan/bookings", headers=HTMX,
                data=form_for(scenario, course_session, scenario.people))
    place_id = session.exec(select(SessionPlace.id)).one()

    response = client.post(f"/units/{scenario.unit.code}/plan/places/{place_id}/cancel", headers=HTMX,
                           data={"requirement": scenario.code})

    assert "The place was cancelled." in response.text and "Book these places (1)" in response.text
    assert booked(session) == []


def test_partners_and_planners_are_refused_the_plan_with_a_clear_message(login_as):
    scenario = short_unit(men=1)
    partner = login_as("partner", partner_countries=("XGA",))
    planner = login_as("mission_planner")

    for client in (partner, planner):
        page = client.get(f"/units/{scenario.unit.code}/plan")
        api = client.get(f"/api/v1/units/{scenario.unit.code}/plan")
        assert page.status_code == 403 and "only the unit's own country may see it" in page.text
        assert api.status_code == 403


def test_a_unit_without_a_deployment_date_is_refused_plainly(session, login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=1)
    scenario.unit.planned_deployment = None
    session.flush()

    response = client.get(f"/units/{scenario.unit.code}/plan")

    assert response.status_code == 422 and "has no planned deployment date" in response.text


def test_the_api_gives_the_plan_and_books_it_once(session, api_client_for):
    client = api_client_for("force_generation", country="XGA")
    scenario = short_unit(men=2)
    add_session(scenario)

    plan = client.get(f"/api/v1/units/{scenario.unit.code}/plan", params={"requirement": scenario.code}).json()
    first = client.post(f"/api/v1/units/{scenario.unit.code}/plan/bookings", json={"requirement": scenario.code})
    places = [{"person_id": p["person_id"], "session_id": p["session_id"]} for p in plan["lines"][0]["proposed"]]
    again = client.post(f"/api/v1/units/{scenario.unit.code}/plan/bookings",
                        json={"requirement": scenario.code, "places": places})

    assert plan["ready"] is True and len(places) == 2
    assert first.status_code == 201 and first.json()["created"] == 2
    assert again.json() == {"created": 0, "already_booked": 2, "place_ids": []}
    assert len(booked(session)) == 2


def test_the_api_refuses_the_whole_booking_when_a_session_is_full(session, api_client_for):
    client = api_client_for("force_generation", country="XGA")
    scenario = short_unit(men=2)
    course_session = add_session(scenario, seats=1)
    places = [{"person_id": p.id, "session_id": course_session.id} for p in scenario.people]

    response = client.post(f"/api/v1/units/{scenario.unit.code}/plan/bookings",
                           json={"requirement": scenario.code, "places": places})

    assert response.status_code == 409 and booked(session) == []


def test_the_api_cancels_a_place(session, api_client_for):
    client = api_client_for("force_generation", country="XGA")
    scenario = short_unit(men=1)
    add_session(scenario)
    place_id = client.post(f"/api/v1/units/{scenario.unit.code}/plan/bookings", json={}).json()["place_ids"][0]

    assert client.delete(f"/api/v1/units/{scenario.unit.code}/plan/bookings/{place_id}").status_code == 204
    assert booked(session) == []


def test_the_openapi_description_has_examples(login_as):
    schema = login_as("admin").get("/openapi.json").json()

    assert "/api/v1/units/{code}/plan" in schema["paths"]
    assert "/api/v1/units/{code}/plan/bookings" in schema["paths"]
    assert schema["components"]["schemas"]["UnitPlan"]["examples"]
    assert schema["components"]["schemas"]["BookingIn"]["examples"]


def test_people_lapsing_during_the_tour_are_offered_retraining_places_booked_apart(session, login_as):
    client = login_as("force_generation", country="XGA")
    scenario = short_unit(men=2, trained=2, validity_months=6)
    course_session = add_session(scenario)

    page = client.get(f"/units/{scenario.unit.code}/plan").text
    response = client.post(f"/units/{scenario.unit.code}/plan/bookings", headers=HTMX,
                           data={**form_for(scenario, course_session, scenario.people), "retraining": "1"})

    assert "Retrain during the tour (optional)" in page and "Book the retraining places (2)" in page
    assert "Book these places" not in page
    assert "2 places booked." in response.text
    assert len(booked(session)) == 2
