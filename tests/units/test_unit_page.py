"""The unit page: the readiness card, the as-of date, who needs what, roster, history and exports."""

import io
from datetime import date

import sqlalchemy as sa
from openpyxl import load_workbook

from readiness.models import Assignment, Completion, Person, RequirementLine, UnitType
from tests.factories import CountryFactory, CourseSessionFactory, SessionPlaceFactory, UnitTypeFactory
from tests.readiness.pledged import a_course, mission_requirement, pledged_unit, staffed

HTMX = {"HX-Request": "true"}


def pledged_with_people(country=None, trained=2, untrained=1):
    """A unit of `country` pledged to a requirement with one 12-month course, and its people."""
    course = a_course(code=f"CRS-{country or 'X'}", validity_months=12)
    requirement = mission_requirement(UnitTypeFactory(), course)
    unit = pledged_unit(requirement, country=country)
    return unit, requirement, staffed(unit, course, trained=trained, untrained=untrained)


def test_the_page_shows_a_card_per_line_with_symbol_and_text(login_as):
    client = login_as("admin")
    unit, requirement, _people = pledged_with_people()
    page = client.get(f"/units/{unit.code}")
    assert page.status_code == 200
    assert f"Readiness against {requirement.code}@1" in page.text
    assert "✗</span> Not met" in page.text and "<svg" in page.text and "<title>" in page.text


def test_the_as_of_date_refreshes_only_the_card(login_as):
    client = login_as("admin")
    unit, _requirement, _people = pledged_with_people()
    fragment = client.get(f"/units/{unit.code}", params={"as_of": "2025-01-01"}, headers=HTMX)
    assert 'id="readiness-card"' in fragment.text and 'id="card-as-of">Jan 1, 2025' in fragment.text
    assert "<html" not in fragment.text and 'id="report-form"' not in fragment.text


def test_a_bad_date_is_refused(login_as):
    client = login_as("admin")
    unit, _requirement, _people = pledged_with_people()
    assert client.get(f"/units/{unit.code}", params={"as_of": "tomorrow"}).status_code == 422


def test_the_page_draws_a_twelve_month_trend(login_as):
    client = login_as("admin")
    unit, _requirement, _people = pledged_with_people()
    page = client.get(f"/units/{unit.code}").text
    trend = page.split('class="trend"')[1].split("</section>")[0]
    assert trend.count('class="dot"') == 12 and trend.count("<tr><td>") == 12


def test_who_needs_what_names_the_people_missing_a_line(login_as):
    country = CountryFactory()
    client = login_as("force_generation", country=country.code)
    unit, _requirement, people = pledged_with_people(country.code, trained=1, untrained=1)
    page = client.get(f"/units/{unit.code}").text
    assert people[1].service_number in page.split('id="gaps"')[1]
    assert people[0].service_number in page.split('id="roster"')[1]


def test_another_countrys_unit_is_not_found(login_as):
    client = login_as("force_generation", country=CountryFactory().code)
    unit, _requirement, _people = pledged_with_people(CountryFactory().code)
    page = client.get(f"/units/{unit.code}", headers={"Accept": "text/html"})
    assert page.status_code == 404 and "There is no unit" in page.text


def test_a_planner_sees_counts_but_no_names_or_service_numbers(login_as):
    client = login_as("mission_planner")
    unit, _requirement, people = pledged_with_people(trained=1, untrained=1)
    page = client.get(f"/units/{unit.code}").text
    assert 'id="needs-counts"' in page and "1 not trained" in page
    assert not any(p.service_number in page or p.family_name in page for p in people)


def test_a_planner_may_not_export_who_needs_what(login_as):
    client = login_as("mission_planner")
    unit, requirement, _people = pledged_with_people()
    export = client.get(f"/units/{unit.code}/export/gaps.csv", params={"requirement": requirement.code})
    assert export.status_code == 403


def test_a_partner_may_not_read_the_roster(login_as):
    country = CountryFactory()
    client = login_as("partner", partner_countries=(country.code,))
    unit, _requirement, _people = pledged_with_people(country.code)
    assert client.get(f"/units/{unit.code}/roster", headers=HTMX).status_code == 403


def test_who_needs_what_shows_the_places_already_booked(login_as, session):
    client = login_as("admin")
    unit, requirement, people = pledged_with_people(trained=0, untrained=2)
    course_id = session.execute(sa.select(RequirementLine.course_id)
                                .where(RequirementLine.requirement_id == requirement.id)).scalar_one()
    upcoming = CourseSessionFactory(course_id=course_id, start_on=date(2099, 3, 2), end_on=date(2099, 3, 6))
    SessionPlaceFactory(session_id=upcoming.id, person_id=people[0].id)

    gaps = client.get(f"/units/{unit.code}/gaps", params={"requirement": requirement.code}, headers=HTMX).text

    booked_row = gaps.split(people[0].service_number)[1].split("</tr>")[0]
    other_row = gaps.split(people[1].service_number)[1].split("</tr>")[0]
    assert "place booked, session starts Mar 2, 2099" in booked_row
    assert "place booked" not in other_row


def test_the_roster_history_and_gaps_come_in_pages(login_as):
    client = login_as("admin")
    unit, requirement, people = pledged_with_people(trained=1, untrained=1)
    roster = client.get(f"/units/{unit.code}/roster", params={"page": 1}, headers=HTMX).text
    history = client.get(f"/units/{unit.code}/history", headers=HTMX).text
    gaps = client.get(f"/units/{unit.code}/gaps", params={"requirement": requirement.code}, headers=HTMX).text
    assert "2 people on the roster today" in roster and "1 completion" in history
    assert people[1].service_number in gaps and "<html" not in gaps


def test_the_report_exports_one_row_per_line(login_as):
    client = login_as("admin")
    unit, requirement, _people = pledged_with_people(trained=1, untrained=1)
    lines = client.get(f"/units/{unit.code}/export/report.csv").text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Unit,Requirement,As of")
    assert lines[1].startswith(f"{unit.code},{requirement.code}@1,") and ",no," in lines[1]


def test_who_needs_what_exports_neutralised_names(login_as, session):
    client = login_as("admin")
    unit, requirement, people = pledged_with_people(trained=0, untrained=1)
    people[0].family_name = "=cmd|' /C calc'!A0"
    session.flush()
    export = client.get(f"/units/{unit.code}/export/gaps.xlsx", params={"requirement": requirement.code})
    rows = list(load_workbook(io.BytesIO(export.content)).active.values)
    assert rows[0][0] == "Service number" and rows[1][1] == "'=cmd|' /C calc'!A0"


def test_a_900_person_unit_page_stays_under_60_kb(login_as, session):
    client = login_as("admin")
    unit, requirement, _people = pledged_with_people(trained=0, untrained=0)
    line_course = sa.select(RequirementLine.course_id).where(RequirementLine.requirement_id == requirement.id)
    enrol_many(session, unit, 900, session.execute(line_course).scalar_one())
    page = client.get(f"/units/{unit.code}")
    assert "900 people on the roster today" in page.text
    assert len(page.content) <= 60 * 1024


def enrol_many(session, unit, count, course_id):
    """`count` people on the unit's roster, half with a completion, inserted in bulk."""
    people = [{"country_code": unit.country_code, "service_number": f"BULK{n:05d}", "family_name": f"Bulk{n}",
               "given_name": "Sam", "gender": "F" if n % 5 == 0 else "M", "rank": "Private", "role": "rifleman"}
              for n in range(count)]
    session.execute(sa.insert(Person), people)
    ids = session.execute(sa.select(Person.id).where(Person.service_number.like("BULK%"))).scalars().all()
    session.execute(sa.insert(Assignment), [{"person_id": i, "unit_id": unit.id, "start_on": date(2025, 1, 1)}
                                            for i in ids])
    session.execute(sa.insert(Completion), [
        {"person_id": i, "course_id": course_id, "completed_on": date(2025, 6, 1), "result": "passed",
         "source": "form", "recorded_by": "tests"} for i in ids[::2]])
    session.flush()


def test_the_target_requirement_comes_first_and_another_can_be_chosen(login_as, session):
    client = login_as("admin")
    unit, target, _people = pledged_with_people()
    mission_requirement(session.get(UnitType, target.unit_type_id), code="AAA-OTHER")
    options = client.get(f"/units/{unit.code}").text.split('id="requirement"')[1].split("</select>")[0]
    assert options.index(f"{target.code}@1") < options.index("AAA-OTHER@1") and "target" in options
    chosen = client.get(f"/units/{unit.code}", params={"requirement": "AAA-OTHER@1"}, headers=HTMX)
    assert "Readiness against AAA-OTHER@1" in chosen.text


def test_a_planner_exports_the_report_without_names(login_as):
    client = login_as("mission_planner")
    unit, _requirement, people = pledged_with_people(trained=1, untrained=1)
    export = client.get(f"/units/{unit.code}/export/report.csv")
    assert export.status_code == 200 and unit.code in export.text
    assert not any(p.service_number in export.text or p.family_name in export.text for p in people)
