"""Stated needs: a country states, changes and withdraws its own needs; others read what they may."""

from datetime import date, timedelta

from sqlmodel import select

from readiness.models import AuditEntry, CapacityNeed, NeedStatus
from tests import factories
from tests.needs.factories import CapacityNeedFactory

FUTURE = (date.today() + timedelta(days=200)).isoformat()


def _form(**values):
    return {"category": "training", "quantity": "12", "capability": "", "course": "", "needed_by": "", "note": "",
            **values}


def test_force_generation_states_a_need_for_its_country_and_it_is_audited(login_as, session):
    course = factories.CourseFactory(code="UAS-OPS")
    client = login_as("force_generation", country="GHA")

    response = client.post("/needs", data=_form(course="UAS-OPS", needed_by=FUTURE, note="Drone operators"),
                           follow_redirects=False)

    assert response.status_code == 303
    need = session.exec(select(CapacityNeed).where(CapacityNeed.country_code == "GHA")).one()
    assert (need.course_id, need.quantity, need.status) == (course.id, 12, NeedStatus.open)
    assert response.headers["location"] == f"/needs/matching?country=GHA#need-{need.id}"
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "capacity_need")).one()
    assert (entry.action, entry.entity_id) == ("create", str(need.id))


def test_the_htmx_form_comes_back_with_the_errors_named_by_field(login_as):
    client = login_as("training_centre", country="GHA")

    response = client.post("/needs", data=_form(quantity="0", needed_by="2001-01-01"), headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert 'id="need-form"' in response.text
    assert 'id="error-quantity" aria-live="polite">' in response.text
    assert "greater than or equal to 1" in response.text


def test_a_need_needs_a_course_or_a_capability(login_as, session):
    client = login_as("force_generation", country="GHA")

    response = client.post("/needs", data=_form(), follow_redirects=False)

    assert response.status_code == 422
    assert "Give a course or describe the capability needed." in response.text
    assert session.exec(select(CapacityNeed)).all() == []


def test_a_need_cannot_be_needed_in_the_past(login_as):
    client = login_as("force_generation", country="GHA")

    response = client.post("/needs", data=_form(capability="Mentors", needed_by="2020-01-01"))

    assert response.status_code == 422
    assert "cannot be in the past" in response.text


def test_an_unknown_course_is_refused_by_name(login_as):
    client = login_as("force_generation", country="GHA")

    response = client.post("/needs", data=_form(course="NOPE"))

    assert response.status_code == 422
    assert "There is no course NOPE." in response.text


def test_a_planner_cannot_state_a_need(login_as, session):
    factories.CountryFactory(code="GHA")
    client = login_as("mission_planner")

    response = client.post("/needs", data=_form(capability="Mentors", country="GHA"))

    assert response.status_code == 403
    assert session.exec(select(CapacityNeed)).all() == []


def test_a_country_cannot_state_another_countrys_need(login_as, session):
    factories.CountryFactory(code="RWA")
    client = login_as("force_generation", country="GHA")

    response = client.post("/needs", data=_form(capability="Mentors", country="RWA"))

    # The form for a national user has no country: a forged one is refused.
    assert response.status_code == 403


def test_the_list_shows_only_readable_countries_and_filters(login_as):
    client = login_as("force_generation", country="GHA")
    CapacityNeedFactory(country_code="GHA", capability="Mentoring on POC")
    CapacityNeedFactory(country_code="GHA", capability="Armoured ambulances", category="equipment")
    CapacityNeedFactory(country_code=factories.CountryFactory().code, capability="Secret other need")

    page = client.get("/needs")
    filtered = client.get("/needs?category=equipment", headers={"HX-Request": "true"})

    assert "Mentoring on POC" in page.text and "Armoured ambulances" in page.text
    assert "Secret other need" not in page.text
    assert "Armoured ambulances" in filtered.text and "Mentoring on POC" not in filtered.text
    assert "<html" not in filtered.text


def test_the_list_is_paged(login_as):
    client = login_as("force_generation", country="GHA")
    for index in range(55):
        CapacityNeedFactory(country_code="GHA", capability=f"Need {index:02d}")

    first, second = client.get("/needs"), client.get("/needs?page=2")

    assert first.text.count('<tr id="need-') == 50
    assert second.text.count('<tr id="need-') == 5
    assert "Page 1 of 2" in first.text


def test_the_list_is_exported_as_csv_and_xlsx(login_as):
    client = login_as("force_generation", country="GHA")
    CapacityNeedFactory(country_code="GHA", capability="=Mentors", quantity=3)

    csv = client.get("/needs.csv")
    xlsx = client.get("/needs.xlsx")

    assert csv.status_code == 200 and "'=Mentors" in csv.text and "Country,Category" in csv.text
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def test_an_empty_list_explains_how_needs_are_stated(login_as):
    client = login_as("force_generation", country="GHA")

    assert "No stated needs match" in client.get("/needs").text


def test_withdrawing_with_htmx_swaps_the_row_and_keeps_the_record(login_as, session):
    client = login_as("force_generation", country="GHA")
    need = CapacityNeedFactory(country_code="GHA", capability="Mentors")

    response = client.post(f"/needs/{need.id}/withdraw", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.text.startswith(f'<tr id="need-{need.id}">') and "Withdrawn" in response.text
    session.refresh(need)
    assert need.status == NeedStatus.withdrawn
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "capacity_need")).one()
    assert entry.action == "update" and entry.after == {"status": "withdrawn"}


def test_editing_changes_the_need(login_as, session):
    client = login_as("force_generation", country="GHA")
    need = CapacityNeedFactory(country_code="GHA", capability="Mentors", quantity=3)

    form = client.get(f"/needs/{need.id}/edit")
    response = client.post(f"/needs/{need.id}", data=_form(capability="Mentors on POC", quantity="5", status="met"),
                           follow_redirects=False)

    assert 'value="Mentors"' in form.text
    assert response.status_code == 303
    session.refresh(need)
    assert (need.capability, need.quantity, need.status) == ("Mentors on POC", 5, NeedStatus.met)


def test_another_countrys_need_is_not_found_and_cannot_be_withdrawn(login_as, session):
    client = login_as("force_generation", country="GHA")
    need = CapacityNeedFactory(capability="Mentors")
    session.commit()  # a refused request rolls back: the need must outlive it

    assert client.get(f"/needs/{need.id}/edit").status_code == 404
    assert client.post(f"/needs/{need.id}/withdraw").status_code == 404
    session.refresh(need)
    assert need.status == NeedStatus.open


def test_a_planner_reads_every_need_but_cannot_withdraw(login_as):
    need = CapacityNeedFactory(capability="Mentors")
    client = login_as("mission_planner")

    page = client.get("/needs")

    assert "Mentors" in page.text and "/withdraw" not in page.text
    assert client.post(f"/needs/{need.id}/withdraw").status_code == 403


def test_the_new_need_form_is_a_fragment_for_htmx_and_a_page_otherwise(login_as):
    client = login_as("force_generation", country="GHA")

    fragment = client.get("/needs/new", headers={"HX-Request": "true"})
    page = client.get("/needs/new")

    assert fragment.text.lstrip().startswith("<form") or "<html" not in fragment.text
    assert "<html" in page.text and 'id="need-form"' in page.text


def test_unknown_filter_values_filter_nothing(login_as):
    client = login_as("force_generation", country="GHA")
    CapacityNeedFactory(country_code="GHA", capability="Mentors")

    response = client.get("/needs?status=bogus&category=nope")

    assert response.status_code == 200 and "Mentors" in response.text
