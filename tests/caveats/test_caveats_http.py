"""Caveats over HTTP: the unit page's section, its htmx forms, the JSON API, and who may do what."""

from datetime import date, timedelta

from sqlmodel import select

from readiness.models import AuditEntry, Caveat, CaveatRecord
from tests.caveats.factories import CaveatFactory, unit_of
from tests.factories import UnitFactory

HTMX = {"HX-Request": "true"}
TODAY = date.today()
UNDECLARED = {"declared": False, "kind": "movement", "text": "No operations beyond Bambari.",
              "active_from": (TODAY - timedelta(days=3)).isoformat()}


def audit_actions(session, entity="caveat") -> list[str]:
    return [e.action for e in session.exec(select(AuditEntry).where(AuditEntry.entity == entity)
                                           .order_by(AuditEntry.id)).all()]


def test_the_fragment_starts_with_its_heading_and_lists_caveats_in_force_first(login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("GHA")
    CaveatFactory(unit_id=unit.id, text="Past: no river crossings.", active_from=date(2020, 1, 1),
                  active_to=date(2020, 12, 31))
    CaveatFactory(unit_id=unit.id, text="Now: no night movement.", active_from=date(2021, 1, 1))
    fragment = client.get(f"/units/{unit.code}/caveats", headers=HTMX)
    assert fragment.status_code == 200
    assert fragment.text.lstrip().startswith('<h2 id="unit-caveats-title">')
    assert fragment.text.index("Now: no night movement.") < fragment.text.index("Past: no river crossings.")
    assert "<html" not in fragment.text and "Add a caveat" in fragment.text


def test_without_htmx_the_section_is_a_whole_page(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    page = client.get(f"/units/{unit.code}/caveats")
    assert "<html" in page.text and 'id="unit-caveats-title"' in page.text
    assert "No caveat is in force today." in page.text


def test_a_flagging_caveat_is_marked_with_text_not_colour_alone(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    CaveatFactory(unit_id=unit.id, declared=True, accepted_by_un=False, recorded_in=CaveatRecord.none)
    fragment = client.get(f"/units/{unit.code}/caveats", headers=HTMX).text
    assert "⚑</span> Red flag: a caveat in force is undeclared or not accepted by the UN" in fragment
    assert "Not accepted by the UN" in fragment


def test_force_generation_adds_a_caveat_with_the_htmx_form_and_it_is_audited(session, login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("GHA")
    response = client.post(f"/units/{unit.code}/caveats", data=UNDECLARED, headers=HTMX)
    assert response.status_code == 200 and response.headers["HX-Trigger"] == "caveats-changed"
    assert "No operations beyond Bambari." in response.text and "Red flag" in response.text
    assert session.exec(select(Caveat).where(Caveat.unit_id == unit.id)).one().declared is False
    assert audit_actions(session) == ["create"]


def test_the_form_names_the_field_of_an_undeclared_caveat_said_to_be_accepted(session, login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("GHA")
    answer = client.post(f"/units/{unit.code}/caveats", headers=HTMX,
                         data={**UNDECLARED, "accepted_by_un": "true", "recorded_in": "mou"})
    assert answer.status_code == 200  # htmx swaps only 2xx answers in
    assert 'id="new-error-accepted_by_un"' in answer.text and "cannot be accepted by the UN" in answer.text
    assert "cannot be recorded in the MOU" in answer.text
    assert session.exec(select(Caveat).where(Caveat.unit_id == unit.id)).first() is None


def test_without_htmx_an_invalid_caveat_answers_422(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    answer = client.post(f"/units/{unit.code}/caveats", data={**UNDECLARED, "text": ""})
    assert answer.status_code == 422 and "Write what the caveat restricts." in answer.text


def test_editing_and_deleting_a_caveat_are_audited(session, login_as):
    client = login_as("mission_planner")
    unit = UnitFactory()
    caveat = CaveatFactory(unit_id=unit.id, accepted_by_un=False)
    form = client.get(f"/units/{unit.code}/caveats", params={"edit": caveat.id}, headers=HTMX)
    assert f'action="/caveats/{caveat.id}"' in form.text
    values = {"declared": "true", "accepted_by_un": "true", "kind": "task", "text": "No escort duties.",
              "recorded_in": "mou", "active_from": "2026-01-01"}
    updated = client.post(f"/caveats/{caveat.id}", data=values, headers=HTMX)
    assert "No escort duties." in updated.text and "Red flag" not in updated.text
    deleted = client.post(f"/caveats/{caveat.id}/delete", headers=HTMX)
    assert deleted.status_code == 200 and "No escort duties." not in deleted.text
    assert audit_actions(session) == ["update", "delete"]


def test_a_partner_reads_its_countries_caveats_but_cannot_add_one(login_as):
    client = login_as("partner", partner_countries=("GHA",))
    unit = unit_of("GHA")
    CaveatFactory(unit_id=unit.id, text="No night patrols.")
    fragment = client.get(f"/units/{unit.code}/caveats", headers=HTMX).text
    assert "No night patrols." in fragment and "Add a caveat" not in fragment and "Delete" not in fragment
    assert client.post(f"/units/{unit.code}/caveats", data=UNDECLARED, headers=HTMX).status_code == 403


def test_another_countrys_force_generation_does_not_find_the_unit(login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("RWA")
    caveat = CaveatFactory(unit_id=unit.id)
    assert client.get(f"/units/{unit.code}/caveats").status_code == 404
    assert client.post(f"/units/{unit.code}/caveats", data=UNDECLARED).status_code == 404
    assert client.post(f"/caveats/{caveat.id}/delete").status_code == 404


def test_the_flag_slot_refreshes_for_the_date_asked(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    CaveatFactory(unit_id=unit.id, declared=False, accepted_by_un=False, recorded_in=CaveatRecord.none,
                  active_from=date(2026, 1, 1), active_to=date(2026, 6, 30))
    flagged = client.get(f"/units/{unit.code}/caveat-flag", params={"as_of": "2026-06-30"}, headers=HTMX)
    clear = client.get(f"/units/{unit.code}/caveat-flag", params={"as_of": "2026-07-01", "slot": "card-flag"},
                       headers=HTMX)
    assert 'id="unit-flag"' in flagged.text and "Red flag" in flagged.text
    assert 'id="card-flag"' in clear.text and "Red flag" not in clear.text


# --- the JSON API -------------------------------------------------------------------------


def test_the_api_creates_lists_patches_and_deletes_a_caveat(session, api_client_for):
    client = api_client_for("force_generation", country="GHA")
    unit = unit_of("GHA")
    created = client.post(f"/api/v1/units/{unit.code}/caveats", json=UNDECLARED)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["in_force"] and body["raises_flag"] and body["unit"] == unit.code
    listed = client.get(f"/api/v1/units/{unit.code}/caveats").json()
    assert [c["id"] for c in listed] == [body["id"]]
    patched = client.patch(f"/api/v1/caveats/{body['id']}", json={"declared": True, "accepted_by_un": True})
    assert patched.status_code == 200 and patched.json()["raises_flag"] is False
    assert client.delete(f"/api/v1/caveats/{body['id']}").status_code == 204
    assert audit_actions(session) == ["create", "update", "delete"]


def test_the_api_refuses_a_patch_that_makes_an_undeclared_caveat_accepted(api_client_for):
    client = api_client_for("admin")
    caveat = CaveatFactory(declared=False, accepted_by_un=False, recorded_in=CaveatRecord.none)
    answer = client.patch(f"/api/v1/caveats/{caveat.id}", json={"accepted_by_un": True})
    assert answer.status_code == 422 and "cannot be accepted by the UN" in answer.text


def test_the_api_refuses_an_end_before_the_start(api_client_for):
    client = api_client_for("admin")
    unit = UnitFactory()
    answer = client.post(f"/api/v1/units/{unit.code}/caveats", json={**UNDECLARED, "active_to": "2000-01-01"})
    assert answer.status_code == 422 and "ends before it starts" in answer.text


def test_the_api_lets_a_partner_read_but_not_write(api_client_for):
    client = api_client_for("partner", partner_countries=("GHA",))
    unit = unit_of("GHA")
    caveat = CaveatFactory(unit_id=unit.id)
    assert client.get(f"/api/v1/units/{unit.code}/caveats").status_code == 200
    assert client.post(f"/api/v1/units/{unit.code}/caveats", json=UNDECLARED).status_code == 403
    assert client.delete(f"/api/v1/caveats/{caveat.id}").status_code == 403


def test_the_api_hides_another_countrys_caveats(api_client_for):
    client = api_client_for("force_generation", country="GHA")
    caveat = CaveatFactory(unit_id=unit_of("RWA").id)
    assert client.patch(f"/api/v1/caveats/{caveat.id}", json={"text": "x"}).status_code == 404


def test_the_openapi_documents_the_caveat_examples(login_as):
    schema = login_as("mission_planner").get("/openapi.json").json()
    post = schema["paths"]["/api/v1/units/{code}/caveats"]["post"]
    assert "undeclared" in post["requestBody"]["content"]["application/json"]["examples"]
    assert "/api/v1/caveats/{caveat_id}" in schema["paths"]
