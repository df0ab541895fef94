"""Parity pages, the unit's lazy section, exports and the JSON API, with their access rules."""

import io
from datetime import date

from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry, Branch, GenderParityTarget
from tests.factories import RequirementFactory
from tests.parity.factories import GenderParityTargetFactory, unit_with

HTMX = {"HX-Request": "true"}


def test_the_parity_page_shows_each_country_and_unit_with_its_colour_as_text(login_as):
    GenderParityTargetFactory(year=2021, target_pct=8)
    unit_with(1, 9, country="XPA", code="XPA-INF-1")
    unit_with(0, 5, country="XPA", code="XPA-ENG-2")
    client = login_as("mission_planner")

    page = client.get("/parity?as_of=2026-06-01")

    assert page.status_code == 200
    assert "<html" in page.text and 'id="parity-countries"' in page.text
    assert "XPA-INF-1" in page.text and "Meets the target" in page.text and "No women" in page.text
    assert "(no 2026 target: the 2021 target applies)" in page.text


def test_changing_the_date_with_htmx_returns_only_the_results(login_as):
    unit_with(1, 1, country="XPA", start_on=date(2026, 1, 1))
    client = login_as("admin")

    fragment = client.get("/parity?as_of=2025-06-01", headers=HTMX)

    assert fragment.status_code == 200
    assert "<html" not in fragment.text
    assert "Jun 1, 2025" in fragment.text and "No one on the roster" in fragment.text


def test_units_are_filtered_by_colour(login_as):
    GenderParityTargetFactory(year=2021, target_pct=8)
    unit_with(1, 9, country="XPA", code="XPA-GREEN")
    unit_with(0, 9, country="XPA", code="XPA-RED")
    client = login_as("admin")

    page = client.get("/parity?as_of=2026-06-01&colour=red", headers=HTMX)

    assert "XPA-RED" in page.text and "XPA-GREEN" not in page.text.split('id="parity-units"')[1]


def test_a_partner_sees_only_the_countries_it_supports(login_as):
    unit_with(1, 1, country="XPA", code="XPA-SEEN")
    unit_with(1, 1, country="XPB", code="XPB-HIDDEN")
    client = login_as("partner", partner_countries=("XPA",))

    page = client.get("/parity")

    assert "XPA-SEEN" in page.text and "XPB-HIDDEN" not in page.text
    assert client.get("/units/XPB-HIDDEN/parity").status_code == 404
    assert [u["unit"] for u in client.get("/api/v1/parity").json()["units"]] == ["XPA-SEEN"]


def test_the_country_table_exports_as_csv_and_xlsx(login_as):
    GenderParityTargetFactory(year=2028, category="formed_police_unit", target_pct=20)
    unit_with(1, 3, branch=Branch.police, country="XPA")
    client = login_as("admin")

    csv_text = client.get("/parity.csv?as_of=2028-01-01").content.decode("utf-8-sig")
    workbook = load_workbook(io.BytesIO(client.get("/parity.xlsx?as_of=2028-01-01").content))

    assert csv_text.splitlines()[1] == "2028-01-01,XPA,Formed police units,1,4,1,25.0,20.0,Meets the target"
    assert list(workbook.active.iter_rows(values_only=True))[1][1:4] == ("XPA", "Formed police units", 1)
    assert client.get("/parity.pdf").status_code == 404


def test_the_unit_section_is_a_fragment_for_htmx_and_a_page_otherwise(login_as):
    unit_with(2, 2, country="XPA", code="XPA-INF-1")
    client = login_as("force_generation", country="XPA")

    fragment = client.get("/units/XPA-INF-1/parity", headers=HTMX)
    page = client.get("/units/XPA-INF-1/parity")

    assert fragment.text.lstrip().startswith('<h2 id="unit-parity-title">')
    assert "50.0%" in fragment.text and "No target set" in fragment.text
    assert "<html" in page.text and 'id="unit-parity-title"' in page.text


def test_the_unit_section_counts_the_rosters_on_the_date_asked(login_as):
    unit_with(1, 1, country="XPA", code="XPA-INF-1", start_on=date(2026, 1, 1))
    client = login_as("force_generation", country="XPA")

    before = client.get("/units/XPA-INF-1/parity?as_of=2025-12-31", headers=HTMX).text
    after = client.get("/units/XPA-INF-1/parity?as_of=2026-01-01", headers=HTMX).text

    assert 'id="unit-parity-as-of">Dec 31, 2025<' in before and "(0 / 0)" in before
    assert 'id="unit-parity-as-of">Jan 1, 2026<' in after and "(1 / 2)" in after


def test_the_unit_page_loads_its_parity_section_on_the_cards_date_and_reloads_it_when_the_date_changes(login_as):
    unit = unit_with(1, 1, country="XPA", code="XPA-INF-1")
    RequirementFactory(unit_type_id=unit.unit_type_id)
    client = login_as("force_generation", country="XPA")

    page = client.get("/units/XPA-INF-1").text
    section = page[page.index('<section id="unit-parity"'):]
    section = section[:section.index(">")]

    assert 'hx-include="#as_of"' in section and 'hx-trigger="load, change from:#as_of"' in section
    assert 'id="as_of" name="as_of" type="date"' in page


def test_everyone_reads_the_targets_but_only_admins_get_the_form(login_as):
    GenderParityTargetFactory(year=2028, target_pct=15)
    planner = login_as("mission_planner")
    admin = login_as("admin")

    assert "sourced" in planner.get("/parity/targets").text
    assert 'id="target-form"' not in planner.get("/parity/targets").text
    assert 'id="target-form"' in admin.get("/parity/targets").text
    assert planner.get("/parity/targets/form?year=2026&category=military_contingent").status_code == 403


def test_an_admin_adds_a_target_with_the_htmx_form(session, login_as):
    client = login_as("admin")

    response = client.post("/parity/targets", data={"year": "2030", "category": "individual_police",
                                                     "target_pct": "31.5", "source": "Illustrative"}, headers=HTMX)

    assert response.status_code == 200 and "The target is saved." in response.text
    stored = session.get(GenderParityTarget, (2030, "individual_police"))
    assert (stored.target_pct, stored.sourced) == (31.5, False)
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "gender_parity_target")).one().action == "create"


def test_the_change_link_brings_the_form_filled_with_the_target(login_as):
    GenderParityTargetFactory(year=2026, category="formed_police_unit", target_pct=17.5, sourced=False,
                              source="Illustrative: plan")
    client = login_as("admin")

    form = client.get("/parity/targets/form?year=2026&category=formed_police_unit", headers=HTMX).text

    assert form.lstrip().startswith('<form id="target-form"')
    assert 'value="17.5"' in form and 'value="Illustrative: plan"' in form
    assert '<option value="formed_police_unit" selected>' in form


def test_an_invalid_target_comes_back_with_the_field_named(login_as):
    client = login_as("admin")

    response = client.post("/parity/targets", data={"year": "2030", "category": "individual_police",
                                                     "target_pct": "120"}, headers=HTMX)

    assert response.status_code == 200
    assert 'id="error-target_pct"' in response.text


def test_a_sourced_target_cannot_be_changed_through_the_form(session, login_as):
    GenderParityTargetFactory(year=2028, target_pct=15)
    client = login_as("admin")

    response = client.post("/parity/targets", data={"year": "2028", "category": "military_contingent",
                                                     "target_pct": "10"})

    assert response.status_code == 422 and "cannot be changed" in response.text
    assert session.get(GenderParityTarget, (2028, "military_contingent")).target_pct == 15


def test_a_non_admin_cannot_set_a_target(session, login_as, api_client_for):
    form = login_as("force_generation", country="XPA").post(
        "/parity/targets", data={"year": "2030", "category": "individual_police", "target_pct": "30"})
    api = api_client_for("mission_planner").put(
        "/api/v1/parity/targets", json={"year": 2030, "category": "individual_police", "target_pct": 30})

    assert (form.status_code, api.status_code) == (403, 403)
    assert session.get(GenderParityTarget, (2030, "individual_police")) is None


def test_the_api_lists_and_sets_targets(api_client_for):
    GenderParityTargetFactory(year=2028, target_pct=15)
    client = api_client_for("admin")

    saved = client.put("/api/v1/parity/targets", json={"year": 2027, "category": "military_contingent",
                                                        "target_pct": 14})
    locked = client.put("/api/v1/parity/targets", json={"year": 2028, "category": "military_contingent",
                                                         "target_pct": 1})

    assert saved.status_code == 200 and saved.json()["sourced"] is False
    assert locked.status_code == 409
    assert [(t["year"], t["sourced"]) for t in client.get("/api/v1/parity/targets").json()] == [(2027, False), (2028, True)]


def test_the_api_gives_the_report_and_a_units_parity(api_client_for):
    GenderParityTargetFactory(year=2021, target_pct=8)
    unit_with(1, 4, country="XPA", code="XPA-INF-1")
    client = api_client_for("force_generation", country="XPA")

    report = client.get("/api/v1/parity?as_of=2026-06-01").json()
    unit = client.get("/api/v1/units/XPA-INF-1/parity?as_of=2026-06-01").json()

    assert report["countries"][0] == {"country": "XPA", "category": "military_contingent", "units": 1,
                                      "strength": 5, "women": 1, "women_pct": 20.0, "target_pct": 8.0,
                                      "colour": "green"}
    assert (unit["colour"], unit["target"]["target_year"], unit["target"]["fallback"]) == ("green", 2021, True)
    assert client.get("/api/v1/units/NOPE/parity").status_code == 404


def test_an_admin_removes_an_illustrative_target_and_the_year_takes_the_earlier_one(session, login_as):
    GenderParityTargetFactory(year=2021, target_pct=8, sourced=True)
    GenderParityTargetFactory(year=2026, target_pct=12.5, sourced=False, source="Illustrative")
    client = login_as("admin")

    page = client.get("/parity/targets").text
    response = client.post("/parity/targets/2026/military_contingent/delete", headers=HTMX)

    assert 'action="/parity/targets/2026/military_contingent/delete"' in page
    assert 'action="/parity/targets/2021/military_contingent/delete"' not in page
    assert response.status_code == 200 and "The target is removed" in response.text
    assert session.get(GenderParityTarget, (2026, "military_contingent")) is None
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "gender_parity_target")).one()
    assert (entry.action, entry.entity_id) == ("delete", "2026/military_contingent")


def test_a_sourced_target_cannot_be_removed_nor_by_a_non_admin(session, login_as, api_client_for):
    GenderParityTargetFactory(year=2028, target_pct=15)
    GenderParityTargetFactory(year=2030, target_pct=18, sourced=False)

    sourced = login_as("admin").post("/parity/targets/2028/military_contingent/delete")
    by_planner = login_as("mission_planner").post("/parity/targets/2030/military_contingent/delete")
    by_api = api_client_for("force_generation", country="XPA").delete("/api/v1/parity/targets/2030/military_contingent")

    assert (sourced.status_code, by_planner.status_code, by_api.status_code) == (409, 403, 403)
    assert session.get(GenderParityTarget, (2028, "military_contingent")).target_pct == 15
    assert session.get(GenderParityTarget, (2030, "military_contingent")) is not None


def test_the_api_removes_an_illustrative_target(session, api_client_for):
    GenderParityTargetFactory(year=2028, target_pct=15)
    GenderParityTargetFactory(year=2030, target_pct=18, sourced=False)
    client = api_client_for("admin")

    removed = client.delete("/api/v1/parity/targets/2030/military_contingent")
    again = client.delete("/api/v1/parity/targets/2030/military_contingent")
    locked = client.delete("/api/v1/parity/targets/2028/military_contingent")
    unknown = client.delete("/api/v1/parity/targets/2030/navy")

    assert (removed.status_code, again.status_code, locked.status_code, unknown.status_code) == (204, 404, 409, 422)
    assert [t["year"] for t in client.get("/api/v1/parity/targets").json()] == [2028]
