"""The course catalogue: category chips, live search, pages, exports; a course with its equivalences and sessions."""

import io
from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry, CourseCategory, CourseEquivalence
from tests import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def catalogue():
    """Three courses: two medical, one on conduct, with distinct words in their titles."""
    return {
        "FMAC-T": factories.CourseFactory(code="FMAC-T", title="First aid in the field", category=CourseCategory.medical,
                                          validity_months=24, assessed=True, standard_ref="UN FMAC 2024"),
        "CASEVAC-T": factories.CourseFactory(code="CASEVAC-T", title="Casualty evacuation", category=CourseCategory.medical),
        "PSEA-T": factories.CourseFactory(code="PSEA-T", title="Sexual exploitation and abuse",
                                          category=CourseCategory.conduct_discipline),
    }


def listed(html: str) -> list[str]:
    return [code for code in ("FMAC-T", "CASEVAC-T", "PSEA-T") if f">{code}</a>" in html]


def test_the_catalogue_shows_category_standard_validity_and_assessment(login_as, catalogue):
    page = login_as("force_generation", country="XCC").get("/courses?q=-T")

    row = page.text.split(">FMAC-T</a>")[1].split("</tr>")[0]
    assert page.status_code == 200
    assert "Medical" in row and "UN FMAC 2024" in row and "24 months" in row and "only a pass counts" in row


def test_a_category_chip_keeps_only_that_category(login_as, catalogue):
    page = login_as("mission_planner").get("/courses?category=medical&q=-T")

    assert listed(page.text) == ["FMAC-T", "CASEVAC-T"]


def test_the_live_search_answers_only_the_rows_matching_code_or_title(login_as, catalogue):
    page = login_as("mission_planner").get("/courses?q=casualty", headers=HTMX)

    assert "<html" not in page.text and listed(page.text) == ["CASEVAC-T"]


def test_the_unfiltered_catalogue_counts_every_course(login_as, catalogue, session):
    from readiness.models import Course

    total = len(session.exec(select(Course)).all())

    page = login_as("mission_planner").get("/courses")

    assert f"{total} courses" in page.text


def test_no_match_says_what_to_try(login_as, catalogue):
    page = login_as("mission_planner").get("/courses?q=zzzz-nothing")

    assert "No course matches" in page.text


def test_an_unknown_category_is_refused(login_as):
    assert login_as("mission_planner").get("/courses?category=cooking").status_code == 422


def test_the_catalogue_is_paginated(login_as):
    for number in range(25):
        factories.CourseFactory(code=f"PAGE-{number:02d}")

    client = login_as("mission_planner")
    first, second = client.get("/courses?q=PAGE-"), client.get("/courses?q=PAGE-&page=2")

    assert ">PAGE-00</a>" in first.text and ">PAGE-20</a>" not in first.text
    assert ">PAGE-20</a>" in second.text and "Page 2 of 2" in second.text


def test_the_catalogue_csv_has_a_header_and_a_row(login_as, catalogue):
    response = login_as("mission_planner").get("/courses/export/csv?q=FMAC-T")

    lines = response.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("Code,Title,Category,Standard")
    assert lines[1].startswith("FMAC-T,First aid in the field,Medical,UN FMAC 2024")


def test_the_catalogue_xlsx_has_the_filtered_courses(login_as, catalogue):
    response = login_as("mission_planner").get("/courses/export/xlsx?category=conduct_discipline&q=-T")

    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert [row[0] for row in rows] == ["Code", "PSEA-T"]


def test_a_course_page_lists_its_upcoming_sessions_only(login_as, catalogue):
    course = catalogue["FMAC-T"]
    soon = date.today() + timedelta(days=10)
    factories.CourseSessionFactory(course_id=course.id, start_on=soon, end_on=soon + timedelta(days=4), seats=17)
    factories.CourseSessionFactory(course_id=course.id, start_on=date(2020, 1, 6), end_on=date(2020, 1, 10), seats=99)

    page = login_as("mission_planner").get("/courses/FMAC-T")

    sessions = page.text.split('id="course-sessions"')[1]
    assert ">17<" in sessions and ">99<" not in sessions


def test_a_planner_declares_an_equivalence_and_it_is_audited(login_as, catalogue, session):
    client = login_as("mission_planner")

    response = client.post("/courses/CASEVAC-T/equivalences", headers=HTMX,
                           data={"counts_as": "FMAC-T", "note": "national course", "csrf_token": client.csrf_token})

    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/courses/CASEVAC-T"
    assert session.exec(select(CourseEquivalence)).one().course_id == catalogue["CASEVAC-T"].id
    assert session.exec(select(AuditEntry).where(AuditEntry.entity == "course_equivalence")).one().action == "create"
    assert ">CASEVAC-T</a>" in client.get("/courses/FMAC-T").text.split('id="accepted-for"')[1]


def test_declaring_a_course_equivalent_to_itself_shows_the_problem_inline(login_as, catalogue):
    client = login_as("mission_planner")

    page = client.post("/courses/FMAC-T/equivalences", headers=HTMX, data={"counts_as": "FMAC-T"})

    assert page.status_code == 200 and 'class="flash error"' in page.text and "<html" not in page.text


def test_a_planner_withdraws_an_equivalence(login_as, catalogue, session):
    factories.CourseEquivalenceFactory(course_id=catalogue["CASEVAC-T"].id, counts_as_id=catalogue["FMAC-T"].id)
    client = login_as("mission_planner")

    response = client.post("/courses/CASEVAC-T/equivalences/FMAC-T/delete", follow_redirects=False)

    assert response.status_code == 303 and session.exec(select(CourseEquivalence)).all() == []


def test_a_training_centre_reads_equivalences_but_declares_none(login_as, catalogue):
    client = login_as("training_centre", country="XCC")

    assert "/equivalences" not in client.get("/courses/FMAC-T").text
    assert client.post("/courses/CASEVAC-T/equivalences", data={"counts_as": "FMAC-T"}).status_code == 403


def test_an_unknown_course_is_not_found(login_as):
    assert login_as("mission_planner").get("/courses/NOPE-0").status_code == 404
