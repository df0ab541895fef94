"""Course sessions as CSV and XLSX: the centre's own sessions (all for an admin), filtered by course."""

import csv
import io

from openpyxl import load_workbook

from tests import factories


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_the_csv_has_a_header_and_the_centres_sessions_filtered_by_course(login_as):
    client = login_as("training_centre", country="XSE")
    wanted, other = factories.CourseFactory(code="SESS-EXP", title="Protection"), factories.CourseFactory()
    factories.CourseSessionFactory(course_id=wanted.id, centre_id=client.user.centre_id, language="fr")
    factories.CourseSessionFactory(course_id=other.id, centre_id=client.user.centre_id)
    factories.CourseSessionFactory(course_id=wanted.id)  # another centre's

    response = client.get("/sessions.csv", params={"course": "SESS-EXP"})

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert header == ["Code", "Course", "Centre", "Starts", "Ends", "Language", "Seats", "For women"]
    assert len(rows) == 1 and rows[0][:2] == ["SESS-EXP", "Protection"]
    assert rows[0][3:] == ["2026-03-02", "2026-03-06", "fr", "30", "6"]


def test_a_formula_in_a_course_title_is_neutralised(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="SESS-FORMULA", title="=1+1")
    factories.CourseSessionFactory(course_id=course.id)

    [_header, row] = rows_of(client.get("/sessions.csv", params={"course": "SESS-FORMULA"}))
    assert row[1] == "'=1+1"


def test_the_xlsx_opens_with_the_header_and_rows(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="SESS-XLSX", title="-minus")
    factories.CourseSessionFactory(course_id=course.id)

    response = client.get("/sessions.xlsx", params={"course": "SESS-XLSX"})

    values = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert values[0][0] == "Code" and values[1][:2] == ("SESS-XLSX", "'-minus") and len(values) == 2


def test_a_role_that_keeps_no_sessions_is_refused(login_as):
    response = login_as("mission_planner").get("/sessions.csv", headers={"Accept": "text/html"})
    assert response.status_code == 403


def test_the_list_links_to_the_exports_with_the_filter(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="SESS-LINK")
    factories.CourseSessionFactory(course_id=course.id)
    page = client.get("/sessions", params={"course": "SESS-LINK"})
    assert 'href="/sessions.csv?course=SESS-LINK"' in page.text and 'href="/sessions.xlsx?course=SESS-LINK"' in page.text


def test_a_session_page_still_opens(login_as):
    client = login_as("admin")
    kept = factories.CourseSessionFactory()
    assert client.get(f"/sessions/{kept.id}/edit").status_code == 200
