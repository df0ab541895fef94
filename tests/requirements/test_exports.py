"""Requirements as CSV and XLSX: each requirement at its latest version, with its counts."""

import csv
import io

from openpyxl import load_workbook

from tests import factories


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def stored(code="EXP-REQ", title="Infantry, test mission"):
    requirement = factories.RequirementFactory(code=code, title=title, min_women_pct=15)
    factories.RequirementLineFactory(requirement_id=requirement.id)
    factories.RequirementLineFactory(requirement_id=requirement.id)
    return requirement


def test_the_csv_has_a_header_and_each_requirement_at_its_latest_version(login_as):
    first = stored()
    factories.RequirementFactory(code="EXP-REQ", version=2, mission_id=first.mission_id,
                                 unit_type_id=first.unit_type_id, title="Version two")

    response = login_as("force_generation", country="XRE").get("/requirements.csv")

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert header[:2] == ["Requirement", "Title"] and "Latest version" in header
    [row] = [row for row in rows if row[0] == "EXP-REQ"]
    assert row[1] == "Version two" and row[4:8] == ["2", "2", "0", "12"]


def test_a_formula_in_a_title_is_neutralised(login_as):
    stored(code="EXP-FORMULA", title="+cmd|' /C calc'!A0")
    [row] = [r for r in rows_of(login_as("admin").get("/requirements.csv")) if r[0] == "EXP-FORMULA"]
    assert row[1] == "'+cmd|' /C calc'!A0" and row[6] == "2"


def test_the_xlsx_opens_with_the_header_and_rows(login_as):
    stored(code="EXP-XLSX")
    response = login_as("mission_planner").get("/requirements.xlsx")
    values = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert values[0][0] == "Requirement" and any(row[0] == "EXP-XLSX" for row in values[1:])


def test_the_list_links_to_the_exports(login_as):
    stored()
    page = login_as("admin").get("/requirements")
    assert 'href="/requirements.csv"' in page.text and 'href="/requirements.xlsx"' in page.text


def test_a_requirement_page_is_not_swallowed_by_the_export_route(login_as):
    stored(code="EXP-PAGE")
    assert login_as("admin").get("/requirements/EXP-PAGE").status_code == 200
