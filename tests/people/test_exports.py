"""People search as CSV and XLSX: the whole filtered list, the page's scope rule, cells safe in a spreadsheet."""

import csv
import io

from openpyxl import load_workbook

from tests.factories import AssignmentFactory, CountryFactory, PersonFactory, UnitFactory


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_has_a_header_and_the_matching_people_with_their_unit(login_as):
    country = CountryFactory()
    client = login_as("force_generation", country=country.code)
    person = PersonFactory(country_code=country.code, service_number="EXP-000123", family_name="Mensah")
    AssignmentFactory(person_id=person.id, unit_id=UnitFactory(country_code=country.code, code="EXP-UNIT").id)
    PersonFactory(country_code=country.code, service_number="OTHER-1", family_name="Other")

    response = client.get("/people.csv", params={"q": "exp-"})

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert header[:3] == ["Service number", "Family name", "Given name"]
    assert rows == [["EXP-000123", "Mensah", "Alex", country.code, "Man", "Private", "rifleman", "EXP-UNIT"]]


def test_the_export_holds_every_page_not_only_the_first(login_as):
    country = CountryFactory()
    client = login_as("admin")
    for number in range(205):
        PersonFactory(country_code=country.code, service_number=f"ALLP-{number:04d}")

    assert len(rows_of(client.get("/people.csv", params={"q": "allp-"}))) == 1 + 205


def test_a_formula_in_a_name_is_neutralised(login_as):
    client = login_as("admin")
    PersonFactory(service_number="FORMULA-1", family_name="=HYPERLINK(\"http://x\")")

    [_header, row] = rows_of(client.get("/people.csv", params={"q": "formula-1"}))
    assert row[1] == "'=HYPERLINK(\"http://x\")"


def test_the_xlsx_opens_with_the_header_and_rows(login_as):
    client = login_as("admin")
    PersonFactory(service_number="XLSX-PERSON-1", family_name="@Owusu")

    response = client.get("/people.xlsx", params={"q": "xlsx-person"})

    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "Service number" and values[1][:2] == ["XLSX-PERSON-1", "'@Owusu"]


def test_another_countrys_people_are_not_exported(login_as):
    client = login_as("force_generation", country=CountryFactory().code)
    PersonFactory(service_number="ELSEWHERE-9")

    assert "ELSEWHERE-9" not in client.get("/people.csv").text


def test_a_planner_is_refused_and_gets_no_names(login_as):
    PersonFactory(service_number="HIDDEN-1", family_name="Hidden")
    client = login_as("mission_planner")

    for fmt in ("csv", "xlsx"):
        response = client.get(f"/people.{fmt}")
        assert response.status_code == 403 and b"Hidden" not in response.content


def test_a_partner_is_refused(login_as):
    country = CountryFactory()
    PersonFactory(country_code=country.code, family_name="Partnered")
    response = login_as("partner", partner_countries=(country.code,)).get("/people.csv")
    assert response.status_code == 403 and "Partnered" not in response.text


def test_the_page_links_to_the_exports_with_the_search(login_as):
    client = login_as("admin")
    PersonFactory(service_number="LINK-1")
    page = client.get("/people", params={"q": "link-1"})
    assert 'href="/people.csv?q=link-1"' in page.text and 'href="/people.xlsx?q=link-1"' in page.text


def test_an_unknown_format_is_not_found(login_as):
    assert login_as("admin").get("/people.pdf", headers={"Accept": "text/html"}).status_code == 404
