"""Pledge pages: the list, a ministerial, a pledge with its notes (htmx), the forms; and the JSON API."""

import io
from datetime import date

from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry, MinisterialPledge, PledgeProgressNote
from tests import factories
from tests.pledges.factories import MinisterialEventFactory, NoteFactory, PledgeFactory

HTMX = {"HX-Request": "true"}


def test_every_role_reads_the_list_with_the_ministerials(login_as):
    event = MinisterialEventFactory(city="Testville")
    for role in ("admin", "mission_planner", "training_centre", "force_generation", "partner"):
        page = login_as(role).get("/pledges")
        assert page.status_code == 200 and f"/pledges/events/{event.code}" in page.text


def test_the_list_filters_by_event_country_category_and_status(login_as):
    client = login_as("mission_planner")
    wanted, other_event = MinisterialEventFactory(), MinisterialEventFactory()
    factories.CountryFactory(code="XLA")
    PledgeFactory(event_id=wanted.id, country_code="XLA", category="medical", status="fulfilled",
                  detail="Wanted pledge")
    PledgeFactory(event_id=wanted.id, country_code="XLA", category="training", detail="Other category")
    PledgeFactory(event_id=other_event.id, country_code="XLA", category="medical", status="fulfilled",
                  detail="Other event")
    page = client.get("/pledges", params={"event": wanted.code, "country": "XLA", "category": "medical",
                                          "status": "fulfilled"}, headers=HTMX)
    assert "Wanted pledge" in page.text
    assert "Other category" not in page.text and "Other event" not in page.text


def test_force_generation_sees_only_its_countrys_pledges(login_as):
    client = login_as("force_generation", country="XLB")
    PledgeFactory(country_code="XLB", detail="Home pledge")
    elsewhere = PledgeFactory(detail="Foreign pledge")
    page = client.get("/pledges")
    assert "Home pledge" in page.text and "Foreign pledge" not in page.text
    assert client.get(f"/pledges/{elsewhere.id}").status_code == 404


def test_a_partner_reads_its_countries_pledges(login_as):
    client = login_as("partner", partner_countries=("XLC",))
    seen = PledgeFactory(country_code="XLC", detail="Supported country's pledge")
    page = client.get(f"/pledges/{seen.id}")
    assert page.status_code == 200 and "Supported country" in page.text
    assert 'id="note-form"' not in page.text and f"/pledges/{seen.id}/edit" not in page.text


def test_the_list_is_paged_and_exported(login_as):
    client = login_as("admin")
    event = MinisterialEventFactory()
    for index in range(27):
        PledgeFactory(event_id=event.id, detail=f"Paged {index:02d}")
    first = client.get("/pledges", params={"event": event.code})
    assert "Page 1 of 2" in first.text
    csv = client.get("/pledges.csv", params={"event": event.code})
    assert csv.text.count("Paged ") == 27
    xlsx = load_workbook(io.BytesIO(client.get("/pledges.xlsx", params={"event": event.code}).content)).active
    assert xlsx.max_row == 28


def test_the_event_page_shows_the_published_figures_and_the_recorded_counts(login_as):
    client = login_as("force_generation", country="XLD")
    event = MinisterialEventFactory(summary="91 member states attended", source="[S74] source")
    PledgeFactory(event_id=event.id, country_code="XLD", category="units", detail="A formed police unit")
    PledgeFactory(event_id=event.id, detail="Not readable here")
    page = client.get(f"/pledges/events/{event.code}")
    assert "91 member states attended" in page.text and "[S74] source" in page.text
    assert "A formed police unit" in page.text and "Not readable here" not in page.text
    assert 'id="counts-by-category"' in page.text and 'id="counts-by-status"' in page.text
    assert client.get("/pledges/events/nowhere-1999").status_code == 404


def test_force_generation_records_a_pledge_with_a_unit_through_the_form(session, login_as):
    client = login_as("force_generation", country="XLE")
    event = MinisterialEventFactory()
    unit = factories.UnitFactory(country_code="XLE")
    assert client.get(f"/pledges/new?event={event.code}").status_code == 200
    response = client.post("/pledges", data={"event": event.code, "country": "XLE", "category": "units",
                                             "detail": "A level 2 hospital", "status": "announced",
                                             "unit": unit.code}, follow_redirects=False)
    assert response.status_code == 303
    stored = session.exec(select(MinisterialPledge).where(MinisterialPledge.detail == "A level 2 hospital")).one()
    assert stored.unit_id == unit.id
    assert unit.code in client.get(response.headers["location"]).text


def test_force_generation_of_ghana_cannot_record_pledges_for_rwanda(login_as):
    client = login_as("force_generation", country="GHA")
    if factories._session().get(factories.models.Country, "RWA") is None:
        factories.CountryFactory(code="RWA")
    event = MinisterialEventFactory()
    response = client.post("/pledges", data={"event": event.code, "country": "RWA", "category": "training",
                                             "detail": "Not ours to pledge"})
    assert response.status_code == 403


def test_the_form_names_the_wrong_fields(login_as):
    client = login_as("admin")
    event = MinisterialEventFactory()
    factories.CountryFactory(code="XLF")
    unit = factories.UnitFactory()
    missing = client.post("/pledges", data={"event": event.code, "country": "XLF", "detail": ""})
    assert missing.status_code == 422 and 'id="error-category"' in missing.text and 'id="error-detail"' in missing.text
    foreign = client.post("/pledges", data={"event": event.code, "country": "XLF", "category": "units",
                                            "detail": "A unit", "unit": unit.code})
    assert 'id="error-unit"' in foreign.text


def test_a_status_change_through_the_edit_form_is_audited(session, login_as):
    client = login_as("force_generation", country="XLG")
    event = MinisterialEventFactory()
    pledge = PledgeFactory(event_id=event.id, country_code="XLG", detail="Edited pledge")
    assert client.get(f"/pledges/{pledge.id}/edit").status_code == 200
    response = client.post(f"/pledges/{pledge.id}", data={"event": event.code, "country": "XLG",
                                                           "category": "training", "detail": "Edited pledge",
                                                           "status": "fulfilled"}, follow_redirects=False)
    assert response.status_code == 303
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "ministerial_pledge")).one()
    assert (entry.before, entry.after) == ({"status": "announced"}, {"status": "fulfilled"})


def test_a_note_added_with_htmx_comes_back_as_the_notes_fragment(session, login_as):
    client = login_as("admin")
    pledge = PledgeFactory()
    NoteFactory(pledge_id=pledge.id, text="Earlier note")
    response = client.post(f"/pledges/{pledge.id}/notes", data={"noted_on": "2026-02-01", "text": "Visit passed"},
                           headers=HTMX)
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<h2 id="notes-title">')
    assert "Visit passed" in response.text and "Earlier note" in response.text
    assert client.user.email in response.text
    assert session.exec(select(PledgeProgressNote).where(PledgeProgressNote.text == "Visit passed")).one()


def test_an_empty_note_is_refused_in_place(login_as):
    client = login_as("admin")
    pledge = PledgeFactory()
    response = client.post(f"/pledges/{pledge.id}/notes", data={"text": " "}, headers=HTMX)
    assert response.status_code == 200 and 'id="error-text"' in response.text
    whole = client.post(f"/pledges/{pledge.id}/notes", data={"text": ""})
    assert whole.status_code == 422 and "<html" in whole.text


def test_a_note_without_htmx_returns_to_the_pledge(login_as):
    client = login_as("admin")
    pledge = PledgeFactory()
    response = client.post(f"/pledges/{pledge.id}/notes", data={"text": "Plain form"}, follow_redirects=False)
    assert (response.status_code, response.headers["location"]) == (303, f"/pledges/{pledge.id}")


def test_delete_asks_first_and_removes_the_pledge(session, login_as):
    client = login_as("mission_planner")
    pledge = PledgeFactory()
    assert "hx-confirm" in client.get(f"/pledges/{pledge.id}").text
    assert client.post(f"/pledges/{pledge.id}/delete", follow_redirects=False).status_code == 303
    assert session.get(MinisterialPledge, pledge.id) is None


# --- the JSON API ---------------------------------------------------------------------------


def test_the_api_lists_the_ministerials(api_client_for):
    MinisterialEventFactory(code="api-2030", city="Api City", held_from=date(2030, 5, 13), held_to=date(2030, 5, 14))
    events = api_client_for("partner").get("/api/v1/ministerials").json()
    assert {"code": "api-2030", "name": "Api City 2030"}.items() <= next(e for e in events
                                                                          if e["code"] == "api-2030").items()


def test_the_api_creates_gets_patches_and_deletes_a_pledge(api_client_for):
    client = api_client_for("force_generation", country="XLH")
    event = MinisterialEventFactory()
    created = client.post("/api/v1/pledges", json={"event": event.code, "category": "wps",
                                                   "detail": "Women in every section"})
    assert (created.status_code, created.json()["country"]) == (201, "XLH")
    pledge_id = created.json()["id"]
    patched = client.patch(f"/api/v1/pledges/{pledge_id}", json={"status": "in_progress"})
    assert patched.json()["status"] == "in_progress"
    note = client.post(f"/api/v1/pledges/{pledge_id}/notes", json={"noted_on": "2026-01-05", "text": "Recruiting"})
    assert (note.status_code, note.json()["recorded_by"]) == (201, client.user.email)
    shown = client.get(f"/api/v1/pledges/{pledge_id}").json()
    assert [n["text"] for n in shown["notes"]] == ["Recruiting"]
    assert client.get("/api/v1/pledges", params={"category": "wps"}).json()["total"] == 1
    assert client.delete(f"/api/v1/pledges/{pledge_id}").status_code == 204
    assert client.get(f"/api/v1/pledges/{pledge_id}").status_code == 404


def test_the_api_refuses_another_countrys_pledges(api_client_for):
    client = api_client_for("force_generation", country="XLI")
    event, foreign = MinisterialEventFactory(), PledgeFactory()
    factories.CountryFactory(code="XLJ")
    assert client.post("/api/v1/pledges", json={"event": event.code, "country": "XLJ", "category": "units",
                                                "detail": "Not ours"}).status_code == 403
    assert client.get(f"/api/v1/pledges/{foreign.id}").status_code == 404
    assert client.patch(f"/api/v1/pledges/{foreign.id}", json={"status": "withdrawn"}).status_code == 404
    assert client.post(f"/api/v1/pledges/{foreign.id}/notes", json={"text": "x"}).status_code == 404


def test_a_partner_reads_but_cannot_add_notes_through_the_api(api_client_for):
    client = api_client_for("partner", partner_countries=("XLK",))
    pledge = PledgeFactory(country_code="XLK")
    assert client.get(f"/api/v1/pledges/{pledge.id}").status_code == 200
    assert client.post(f"/api/v1/pledges/{pledge.id}/notes", json={"text": "x"}).status_code == 403


def test_the_openapi_document_has_pledge_examples(login_as):
    document = login_as("admin").get("/openapi.json").json()
    assert "/api/v1/pledges/{pledge_id}/notes" in document["paths"] and "/api/v1/ministerials" in document["paths"]
    assert document["components"]["schemas"]["PledgeCreate"]["examples"][0]["event"] == "accra-2023"


def test_the_event_page_pages_its_pledges_and_counts_them_all(login_as):
    client = login_as("mission_planner")
    event = MinisterialEventFactory()
    for index in range(27):
        PledgeFactory(event_id=event.id, category="medical", detail=f"Event pledge {index:02d}")
    page = client.get(f"/pledges/events/{event.code}")
    assert "Page 1 of 2" in page.text and '<td class="num">27</td>' in page.text
    second = client.get(f"/pledges/events/{event.code}", params={"page": 2}, headers=HTMX)
    assert second.text.count("Event pledge") == 2 and "event-summary" not in second.text


def test_the_unit_choices_follow_the_chosen_country(login_as):
    client = login_as("mission_planner")
    unit, other = factories.UnitFactory(), factories.UnitFactory()
    options = client.get("/pledges/unit-options", params={"country": unit.country_code, "unit": unit.code},
                         headers=HTMX)
    assert f'value="{unit.code}" selected' in options.text and other.code not in options.text
    fg = login_as("force_generation", country="XLL")
    assert unit.code not in fg.get("/pledges/unit-options", params={"country": unit.country_code}).text
