"""The completion pages: person look-up, inline validation, save with the recent list, edit, delete."""

from sqlmodel import select

from readiness.models import Completion
from tests import factories
from tests.completions.conftest import form

HTMX = {"HX-Request": "true"}


def test_a_centre_sees_the_form_with_its_courses(centre_client, course):
    page = centre_client.get("/completions/new")

    assert page.status_code == 200
    assert "CPTM-1.1" in page.text and 'id="recent-completions"' in page.text


def test_a_partner_is_told_the_form_is_not_for_its_role(login_as):
    assert login_as("partner").get("/completions/new").status_code == 403


def test_the_look_up_shows_the_persons_name_and_unit(centre_client, person):
    answer = centre_client.get("/completions/person", params={"service_number": "GH-1001"}, headers=HTMX)

    assert "Mensah" in answer.text and "GHABATT-1" in answer.text


def test_the_look_up_says_not_found_for_another_countrys_person(centre_client, person):
    factories.PersonFactory(service_number="XX-9")

    answer = centre_client.get("/completions/person", params={"service_number": "XX-9"}, headers=HTMX)

    assert "No person with service number XX-9" in answer.text


def test_inline_validation_answers_the_error_of_the_field_being_typed(centre_client, course):
    headers = {**HTMX, "HX-Trigger-Name": "score"}

    answer = centre_client.post("/completions/validate", data=form(course, score="101"), headers=headers)

    assert "outside 0–100" in answer.text


def test_saving_answers_an_empty_form_and_the_recent_list_out_of_band(session, centre_client, person, course):
    answer = centre_client.post("/completions", data=form(course), headers=HTMX)

    assert answer.status_code == 200
    assert 'hx-swap-oob="true"' in answer.text and "Mensah" in answer.text
    assert session.exec(select(Completion).where(Completion.person_id == person.id)).one().result == "passed"


def test_an_invalid_form_comes_back_with_its_field_errors(session, centre_client, person, course):
    answer = centre_client.post("/completions", data=form(course, result="waived"))

    assert answer.status_code == 422
    assert "waiver without reason" in answer.text
    assert session.exec(select(Completion)).all() == []


def test_saving_without_the_csrf_token_is_refused(login_as, country, person, course):
    client = login_as("training_centre", country=country.code, csrf=False)

    assert client.post("/completions", data=form(course)).status_code == 403


def test_an_edit_changes_the_result_and_returns_to_the_form(session, centre_client, person, course):
    completion = factories.CompletionFactory(person_id=person.id, course_id=course.id)

    page = centre_client.get(f"/completions/{completion.id}/edit")
    answer = centre_client.post(f"/completions/{completion.id}", data=form(course, completed_on="2025-06-01",
                                                                           result="failed"), follow_redirects=False)

    assert page.status_code == 200 and answer.status_code == 303
    session.refresh(completion)
    assert completion.result == "failed"


def test_an_edit_of_another_countrys_completion_is_not_found(centre_client, course):
    outsider = factories.CompletionFactory(course_id=course.id)

    assert centre_client.get(f"/completions/{outsider.id}/edit").status_code == 404


def test_deleting_from_the_recent_list_answers_the_list_without_it(session, centre_client, person, course):
    completion = factories.CompletionFactory(person_id=person.id, course_id=course.id)

    answer = centre_client.post(f"/completions/{completion.id}/delete", headers=HTMX)

    assert answer.status_code == 200 and f'id="completion-{completion.id}"' not in answer.text
    assert session.get(Completion, completion.id) is None


def test_the_recent_list_offers_a_confirmed_delete(session, centre_client, person, course):
    centre_client.post("/completions", data=form(course), headers=HTMX)

    assert "hx-confirm=" in centre_client.get("/completions/new").text
