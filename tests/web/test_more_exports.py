"""The missions, identity-links and users lists download as CSV and XLSX, within each role's scope."""

import io

from openpyxl import load_workbook

from readiness.models import Role
from tests.factories import (
    CountryFactory, IdentityLinkFactory, MissionFactory, PersonFactory, RequirementFactory,
    TrainingCentreFactory, UserFactory,
)


def _csv_rows(response) -> list[str]:
    return response.content.decode("utf-8-sig").strip().splitlines()


def test_the_missions_list_downloads_one_row_per_requirement(login_as):
    client = login_as(Role.mission_planner)
    mission = MissionFactory(acronym="=EVIL", name="Mission with a formula-like code")
    RequirementFactory(mission_id=mission.id, code="EVIL-INF-1")
    MissionFactory(acronym="QUIET")
    rows = _csv_rows(client.get("/missions.csv"))
    assert rows[0].startswith("Mission,Name,Status,Requirement")
    assert any(row.startswith("'=EVIL,") and "EVIL-INF-1" in row for row in rows)
    assert any(row.startswith("QUIET,") for row in rows)


def test_an_unknown_export_format_is_not_found(login_as):
    assert login_as(Role.mission_planner).get("/missions.pdf").status_code == 404


def test_a_centre_downloads_its_own_identity_links_only(login_as):
    country = CountryFactory()
    centre = TrainingCentreFactory(country_code=country.code)
    client = login_as(Role.training_centre, country=country.code, centre=centre.id)
    ours = PersonFactory(country_code=country.code, service_number="OURS-1")
    IdentityLinkFactory(person_id=ours.id, centre_id=centre.id, actor_key="mbox:mailto:ours@example.org")
    IdentityLinkFactory(actor_key="mbox:mailto:theirs@example.org")
    workbook = load_workbook(io.BytesIO(client.get("/identity-links.xlsx").content))
    values = [row for row in workbook.active.iter_rows(values_only=True)]
    assert values[0][0] == "Account or mailbox"
    assert [row[0] for row in values[1:]] == ["mbox:mailto:ours@example.org"]


def test_a_planner_may_not_download_identity_links(login_as):
    assert login_as(Role.mission_planner).get("/identity-links.csv").status_code == 403


def test_an_administrator_downloads_every_user(login_as):
    client = login_as(Role.admin)
    UserFactory(email="listed@example.org")
    rows = _csv_rows(client.get("/admin/users.csv"))
    assert rows[0].startswith("E-mail address,Role,Country")
    assert any(row.startswith("listed@example.org,") for row in rows)


def test_only_administrators_download_the_users(login_as):
    response = login_as(Role.force_generation, country=CountryFactory().code).get("/admin/users.csv")
    assert response.status_code == 403
    assert "@example.org" not in response.text
