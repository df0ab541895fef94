"""The evidence pack over HTTP: the printable page, the XLSX workbook, the JSON API, audit and access."""

import io

from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry
from tests.evidence import scenario


def url(built, suffix=""):
    return f"/units/{built.unit.code}/evidence{suffix}?requirement={built.requirement.code}@1&as_of=2026-03-01"


def test_the_page_shows_the_header_lines_completions_caveats_and_sign_off(login_as):
    built = scenario.build("QEA")
    client = login_as("force_generation", country="QEA")
    response = client.get(url(built))
    assert response.status_code == 200
    page = response.text
    for text in (built.unit.code, f"{built.requirement.code}@1", "Evidence pack", "EP-", "Sign-off",
                 "Unit commander", built.people["own"].service_number, "poc-2025.csv:2", "equivalent course",
                 "recognised prior learning", "Will not leave the base", "Red flag", client.user.email):
        assert text in page, text
    assert "Ended caveat" not in page and "Future caveat" not in page
    assert 'id="evidence-people-note"' not in page


def test_a_planner_sees_counts_by_provenance_and_is_told_why_not_names(login_as):
    built = scenario.build()
    client = login_as("mission_planner")
    page = client.get(url(built)).text
    assert 'id="evidence-people-note"' in page and "evidence-provenance" in page
    assert built.people["own"].service_number not in page
    assert built.people["own"].family_name not in page


def test_a_partner_of_the_country_sees_the_pack_without_names(login_as):
    built = scenario.build("QEB")
    client = login_as("partner", partner_countries=("QEB",))
    response = client.get(url(built))
    assert response.status_code == 200
    assert built.people["own"].service_number not in response.text


def test_another_countrys_force_generation_is_refused(login_as):
    built = scenario.build("QEC")
    client = login_as("force_generation", country="QED")
    assert client.get(url(built)).status_code == 404
    assert client.get(url(built, ".xlsx")).status_code == 404
    assert client.get(f"/api/v1{url(built)}").status_code == 404


def test_the_workbook_opens_with_its_sheets_the_as_of_date_and_the_generator(login_as):
    built = scenario.build("QEE")
    client = login_as("force_generation", country="QEE")
    response = client.get(url(built, ".xlsx"))
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == ["Summary", "Lines", "Completions", "Waivers and equivalences", "Caveats"]
    first_row = [cell.value for cell in book["Summary"][1]]
    assert first_row[2].date().isoformat() == "2026-03-01" and client.user.email in first_row
    completions = [[cell.value for cell in row] for row in book["Completions"].iter_rows()]
    assert any(built.people["own"].service_number in row for row in completions)
    caveats = [[cell.value for cell in row] for row in book["Caveats"].iter_rows()]
    assert any("Will not leave the base" in row for row in caveats)


def test_the_workbook_for_a_planner_has_counts_not_names(login_as):
    built = scenario.build()
    client = login_as("mission_planner")
    book = load_workbook(io.BytesIO(client.get(url(built, ".xlsx")).content))
    cells = {cell.value for row in book["Completions"].iter_rows() for cell in row}
    assert built.people["own"].service_number not in cells and "People" in cells


def test_the_json_pack_carries_the_figures_and_provenance(login_as):
    built = scenario.build("QEF")
    client = login_as("force_generation", country="QEF")
    response = client.get(f"/api/v1{url(built)}")
    assert response.status_code == 200
    body = response.json()
    assert body["as_of"] == "2026-03-01" and body["flagged"] is True
    assert [line["trained"] for line in body["lines"]] == [4, 2, 1, 0]
    assert len(body["lines"][0]["completions"]) == 4


def test_every_generation_is_audited(login_as, session):
    built = scenario.build("QEG")
    client = login_as("force_generation", country="QEG")
    for suffix in ("", ".xlsx"):
        assert client.get(url(built, suffix)).status_code == 200
    assert client.get(f"/api/v1{url(built)}").status_code == 200
    entries = session.execute(select(AuditEntry).where(AuditEntry.entity == "evidence_pack")).scalars().all()
    assert sorted(entry.after["output"] for entry in entries) == ["json", "page", "xlsx"]
    assert all(entry.actor == client.user.email and built.unit.code in entry.summary for entry in entries)


def test_the_api_is_documented_with_an_example(login_as):
    client = login_as("mission_planner")
    spec = client.get("/openapi.json").json()
    operation = spec["paths"]["/api/v1/units/{code}/evidence"]["get"]
    schema = spec["components"]["schemas"]["EvidencePack"]
    assert operation["responses"]["200"] and schema.get("examples")


def test_the_unit_pages_readiness_card_links_to_the_pack(login_as):
    built = scenario.build("QEH")
    client = login_as("force_generation", country="QEH")
    page = client.get(f"/units/{built.unit.code}").text
    assert f"/units/{built.unit.code}/evidence?requirement=" in page


def test_a_malformed_date_is_refused(login_as):
    built = scenario.build("QEI")
    client = login_as("force_generation", country="QEI")
    response = client.get(f"/units/{built.unit.code}/evidence?as_of=not-a-date")
    assert response.status_code == 422


def test_a_line_without_anyone_trained_says_so(login_as):
    from tests.factories import CourseFactory, UnitFactory
    from tests.readiness.helpers import enlist, requirement_for

    client = login_as("force_generation", country="QEJ")
    unit = UnitFactory(country_code="QEJ")
    enlist(unit)
    requirement = requirement_for(unit, (CourseFactory(), 100))
    page = client.get(f"/units/{unit.code}/evidence?requirement={requirement.code}&as_of=2026-03-01").text
    assert "No one on the roster holds a valid completion" in page
    assert "No waiver counts" in page and "No caveat is in force" in page
