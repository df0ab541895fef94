"""The mission comparison: a heatmap of candidate units by requirement line, sortable, with the training demand."""

import io
import re
from datetime import date

import pytest
from openpyxl import load_workbook

from tests import factories
from tests.readiness.helpers import complete, enlist

HTMX = {"HX-Request": "true"}
DAY = date(2026, 1, 5)
COMPARE = "/missions/compare?requirement=CMP-INF&as_of=2026-06-01"


def unit_with(unit_type, code, country, holders: list[list]):
    """A unit of `unit_type` with one person per entry of `holders`, each holding those courses."""
    unit = factories.UnitFactory(code=code, country_code=country, unit_type_id=unit_type.id)
    for courses in holders:
        person = enlist(unit)
        for course in courses:
            complete(person, course, DAY)
    return unit


@pytest.fixture
def scenario():
    """CMP-INF asks POC-A of everyone and POC-B of half; Alpha holds POC-A, Bravo mostly POC-B."""
    unit_type = factories.UnitTypeFactory()
    poc_a, poc_b = factories.CourseFactory(code="POC-A"), factories.CourseFactory(code="POC-B")
    requirement = factories.RequirementFactory(code="CMP-INF", unit_type_id=unit_type.id)
    for course, min_pct in ((poc_a, 100), (poc_b, 50)):
        factories.RequirementLineFactory(requirement_id=requirement.id, course_id=course.id, min_pct=min_pct)
    country = factories.CountryFactory(code="XCA").code
    alpha = unit_with(unit_type, "XCA-ALPHA", country, [[poc_a], [poc_a]])  # score 50
    bravo = unit_with(unit_type, "XCA-BRAVO", country, [[poc_a, poc_b], [poc_b]])  # score 75
    return {"unit_type": unit_type, "requirement": requirement, "alpha": alpha, "bravo": bravo}


def row_order(html: str) -> list[str]:
    return re.findall(r'<th scope="row">(XCA-\w+)', html)


def test_the_missions_page_links_each_requirement_to_its_comparison(login_as, scenario):
    page = login_as("mission_planner").get("/missions")

    assert page.status_code == 200
    assert "/missions/compare?requirement=CMP-INF" in page.text


def test_the_heatmap_shows_each_unit_best_score_first_with_coverage_and_symbols(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE)

    assert page.status_code == 200
    assert row_order(page.text) == ["XCA-BRAVO", "XCA-ALPHA"]
    alpha_row = page.text.split('<th scope="row">XCA-ALPHA')[1].split("</tr>")[0]
    assert "cov-4" in alpha_row and "cov-0" in alpha_row
    assert "✓" in alpha_row and "✗" in alpha_row and "100.0" in alpha_row


def test_sorting_by_a_line_puts_the_best_covered_unit_first(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE + "&sort=line:0&dir=desc")

    assert row_order(page.text) == ["XCA-ALPHA", "XCA-BRAVO"]
    assert 'aria-sort="descending"' in page.text


def test_the_score_sorts_ascending_on_request(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE + "&sort=score&dir=asc")

    assert row_order(page.text) == ["XCA-ALPHA", "XCA-BRAVO"]


def test_an_htmx_sort_answers_only_the_heatmap_fragment(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE + "&sort=line:1", headers=HTMX)

    assert "<html" not in page.text and 'id="heatmap-table"' in page.text
    assert row_order(page.text) == ["XCA-BRAVO", "XCA-ALPHA"]


def test_a_boosted_navigation_gets_the_whole_page(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE, headers={**HTMX, "HX-Boosted": "true"})

    assert "<html" in page.text


def test_sorting_by_a_line_the_requirement_does_not_have_is_refused(login_as, scenario):
    assert login_as("mission_planner").get(COMPARE + "&sort=line:9").status_code == 422


def test_the_demand_sums_the_shortfall_per_course(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE)

    demand = page.text.split('id="demand-table"')[1]
    assert re.search(r"POC-A</th><td class=\"num\">1<", demand)
    assert re.search(r"POC-B</th><td class=\"num\">1<", demand)


def test_a_requirement_whose_unit_type_has_no_unit_says_so(login_as):
    factories.RequirementFactory(code="EMPTY-REQ")

    page = login_as("mission_planner").get("/missions/compare?requirement=EMPTY-REQ")

    assert page.status_code == 200
    assert "No unit of this type matches" in page.text


def test_an_unknown_requirement_is_not_found(login_as):
    assert login_as("mission_planner").get("/missions/compare?requirement=NOPE").status_code == 404


def test_the_country_filter_is_kept_in_the_sort_links(login_as, scenario):
    page = login_as("mission_planner").get(COMPARE + "&country=XCA")

    assert "country=XCA&amp;sort=line%3A0" in page.text or "country=XCA&amp;sort=line:0" in page.text


def test_force_generation_compares_only_its_own_countrys_units(login_as, scenario):
    page = login_as("force_generation", country="XFG").get(COMPARE)

    assert row_order(page.text) == []


def test_a_planner_sees_no_names_or_service_numbers(login_as, scenario, session):
    from sqlmodel import select

    from readiness.models import Assignment, Person

    people = session.exec(select(Person).join(Assignment).where(Assignment.unit_id == scenario["alpha"].id)).all()
    page = login_as("mission_planner").get(COMPARE)

    assert people and all(p.family_name not in page.text and p.service_number not in page.text for p in people)


def test_the_heatmap_csv_has_a_header_and_a_row_per_unit(login_as, scenario):
    response = login_as("mission_planner").get("/missions/compare/export/csv?requirement=CMP-INF&as_of=2026-06-01")

    lines = response.text.lstrip("\ufeff").splitlines()
    assert response.headers["content-type"].startswith("text/csv")
    assert lines[0].startswith("Unit,Unit name,Country") and lines[0].endswith("POC-A coverage %,POC-B coverage %")
    assert lines[1].startswith("XCA-BRAVO,") and lines[1].endswith(",50.0,100.0")


def test_the_demand_xlsx_lists_each_course(login_as, scenario):
    response = login_as("mission_planner").get("/missions/compare/demand/export/xlsx?requirement=CMP-INF&as_of=2026-06-01")

    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [list(row) for row in sheet.iter_rows(values_only=True)] == [
        ["Course", "People to train"], ["POC-A", 1], ["POC-B", 1]]


def test_an_export_in_another_format_is_not_found(login_as, scenario):
    assert login_as("mission_planner").get("/missions/compare/export/pdf?requirement=CMP-INF").status_code == 404
