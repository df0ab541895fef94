"""The units list page: filters, search, sort, pages, readiness badges and exports."""

import io
from datetime import date

from openpyxl import load_workbook

from readiness.models import PcrsLevel
from tests.factories import CountryFactory, UnitFactory, UnitTypeFactory
from tests.readiness.pledged import a_course, mission_requirement, pledged_unit, staffed

HTMX = {"HX-Request": "true"}


def codes_in(page_text):
    """The unit codes of the table's rows, in order."""
    return [line.split('"')[0] for line in page_text.split('<th scope="row"><a href="/units/')[1:]]


def test_the_page_lists_units_with_a_badge_and_score(login_as):
    client = login_as("admin")
    course = a_course()
    unit = pledged_unit(mission_requirement(UnitTypeFactory(), course), code="BADGE-1")
    staffed(unit, course, trained=1, untrained=1)
    page = client.get("/units")
    assert page.status_code == 200 and "<html" in page.text
    assert "BADGE-1" in page.text and "Not ready" in page.text and "50.0" in page.text


def test_an_htmx_request_gets_only_the_rows(login_as):
    client = login_as("admin")
    UnitFactory(code="FRAG-1")
    fragment = client.get("/units", headers=HTMX)
    assert "FRAG-1" in fragment.text
    assert "<html" not in fragment.text and 'id="unit-filters"' not in fragment.text


def test_units_are_filtered_by_level_and_search(login_as):
    client = login_as("admin")
    UnitFactory(code="ALPHA-1", pcrs_level=PcrsLevel.L2)
    UnitFactory(code="ALPHA-2", pcrs_level=PcrsLevel.L1)
    UnitFactory(code="BRAVO-1", pcrs_level=PcrsLevel.L2)
    page = client.get("/units", params={"pcrs_level": "L2", "q": "alpha"}, headers=HTMX)
    assert codes_in(page.text) == ["ALPHA-1"]


def test_units_are_filtered_by_readiness(login_as):
    client = login_as("admin")
    course = a_course()
    requirement = mission_requirement(UnitTypeFactory(), course)
    ready = pledged_unit(requirement, code="READY-1")
    staffed(ready, course, trained=2, untrained=0)
    UnitFactory(code="READY-2")
    page = client.get("/units", params={"readiness": "ready", "q": "ready-"}, headers=HTMX)
    assert codes_in(page.text) == ["READY-1"]


def test_units_are_sorted_by_score_highest_first(login_as):
    client = login_as("admin")
    course = a_course()
    requirement = mission_requirement(UnitTypeFactory(), course)
    for code, trained in (("SORT-A", 1), ("SORT-B", 3), ("SORT-C", 2)):
        staffed(pledged_unit(requirement, code=code), course, trained=trained, untrained=3 - trained)
    page = client.get("/units", params={"q": "sort-", "sort": "score", "dir": "desc"}, headers=HTMX)
    assert codes_in(page.text) == ["SORT-B", "SORT-C", "SORT-A"]
    assert 'aria-sort="descending"' in page.text


def test_the_links_keep_the_filters_and_sort_in_the_url(login_as):
    client = login_as("admin")
    for number in range(51):
        UnitFactory(code=f"MANY-{number:02d}")
    page = client.get("/units", params={"q": "many", "sort": "code", "dir": "desc"}, headers=HTMX)
    assert 'href="/units?q=many&amp;sort=code&amp;dir=desc&amp;page=2"' in page.text
    assert codes_in(page.text)[0] == "MANY-50"


def test_an_empty_list_says_what_to_do(login_as):
    client = login_as("admin")
    page = client.get("/units", params={"q": "no-such-unit"})
    assert "No unit matches these filters" in page.text and 'href="/units"' in page.text


def test_a_national_user_sees_only_their_countrys_units(login_as):
    own = CountryFactory()
    client = login_as("force_generation", country=own.code)
    UnitFactory(code="OWN-1", country_code=own.code)
    UnitFactory(code="OTHER-1")
    assert codes_in(client.get("/units", headers=HTMX).text) == ["OWN-1"]


def test_the_csv_export_has_a_header_and_neutralised_rows(login_as):
    client = login_as("admin")
    UnitFactory(code="CSV-1", name="=HYPERLINK(1)")
    export = client.get("/units/export/csv", params={"q": "csv-"})
    lines = export.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Unit,Name,Country")
    assert lines[1].startswith("CSV-1,'=HYPERLINK(1)")


def test_the_xlsx_export_has_the_filtered_units(login_as):
    client = login_as("admin")
    UnitFactory(code="XLSX-1", name="+cmd")
    UnitFactory(code="OTHER-9")
    export = client.get("/units/export/xlsx", params={"q": "xlsx"})
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "Unit" and [row[:2] for row in rows[1:]] == [("XLSX-1", "'+cmd")]


def test_a_planner_sees_no_names_on_the_list_or_its_export(login_as, session):
    client = login_as("mission_planner")
    course = a_course()
    unit = pledged_unit(mission_requirement(UnitTypeFactory(), course), code="PLAN-1")
    people = staffed(unit, course, trained=1, untrained=1)
    texts = [client.get("/units", params={"q": "plan-"}).text,
             client.get("/units/export/csv", params={"q": "plan-"}).text]
    assert all("PLAN-1" in text for text in texts)
    assert not any(person.service_number in text or person.family_name in text
                   for person in people for text in texts)


def test_an_unknown_export_format_is_not_found(login_as):
    assert login_as("admin").get("/units/export/pdf").status_code == 404


def test_the_list_reads_the_deployment_date_of_each_unit(login_as):
    client = login_as("admin")
    requirement = mission_requirement(UnitTypeFactory(), a_course())
    pledged_unit(requirement, code="DATE-1", deploys=date(2027, 3, 4))
    assert "Mar 4, 2027" in client.get("/units", params={"q": "date-"}, headers=HTMX).text
