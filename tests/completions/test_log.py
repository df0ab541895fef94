"""The completions log: scoped to the people the actor may see, filtered, paged, htmx fragments, exports."""

from datetime import date

from readiness.models import CompletionResult
from tests import factories

HTMX = {"HX-Request": "true"}


def _rows(page) -> int:
    return page.text.count('<a href="/people/')


def test_a_centre_sees_the_completions_of_its_country_only(centre_client, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2026, 3, 5),
                                source_ref="batch-7")
    outsider = factories.PersonFactory(family_name="Outsider")
    factories.CompletionFactory(person_id=outsider.id, course_id=course.id)

    page = centre_client.get("/completions")

    assert page.status_code == 200
    assert "<html" in page.text and 'id="completion-filters"' in page.text
    assert "Mensah" in page.text and "GH-1001" in page.text and f'href="/people/{person.id}"' in page.text
    assert "CPTM-1.1" in page.text and "Passed" in page.text and "batch-7" in page.text
    assert "Outsider" not in page.text
    assert _rows(page) == 1


def test_filters_by_course_result_and_dates(centre_client, person, course):
    other_course = factories.CourseFactory(code="POC-2")
    factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2026, 1, 10))
    factories.CompletionFactory(person_id=person.id, course_id=other_course.id, completed_on=date(2026, 2, 10),
                                result=CompletionResult.failed)
    factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2025, 5, 10),
                                result=CompletionResult.failed)

    by_course = centre_client.get("/completions", params={"course": "POC-2"})
    by_result = centre_client.get("/completions", params={"result": "failed"})
    by_dates = centre_client.get("/completions", params={"date_from": "2026-01-01", "date_to": "2026-01-31"})
    nothing = centre_client.get("/completions", params={"q": "nobody-like-this"})

    assert _rows(by_course) == 1 and 'href="/courses/POC-2"' in by_course.text
    assert _rows(by_result) == 2 and "Passed</td>" not in by_result.text
    assert _rows(by_dates) == 1 and "2026" in by_dates.text
    assert _rows(nothing) == 0 and 'class="empty"' in nothing.text


def test_the_newest_come_first_unless_asked_otherwise(centre_client, person, course):
    for day in (date(2024, 1, 1), date(2026, 1, 1), date(2025, 1, 1)):
        factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=day)

    newest = centre_client.get("/completions").text
    oldest = centre_client.get("/completions", params={"sort": "oldest"}).text

    assert newest.index("2026") < newest.index("2025") < newest.index("2024")
    assert oldest.index("2024") < oldest.index("2025") < oldest.index("2026")


def test_the_log_is_paged_by_fifty_and_keeps_the_filters_in_the_page_links(centre_client, person, course):
    for n in range(51):
        factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2020, 1, 1 + n % 28)
                                    .replace(year=2020 + n // 28))

    first = centre_client.get("/completions", params={"course": "CPTM-1.1"})
    second = centre_client.get("/completions", params={"course": "CPTM-1.1", "page": 2})

    assert _rows(first) == 50 and _rows(second) == 1
    assert "course=CPTM-1.1&amp;page=2" in first.text


def test_an_htmx_request_gets_only_the_results_block(centre_client, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id)

    fragment = centre_client.get("/completions", params={"q": "mens"}, headers=HTMX)

    assert fragment.status_code == 200
    assert "<html" not in fragment.text and 'id="completion-filters"' not in fragment.text
    assert "Mensah" in fragment.text and 'id="completions-table"' in fragment.text


def test_the_csv_export_has_the_filtered_rows_with_formulas_neutralised(centre_client, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id, source_ref="=HYPERLINK(\"x\")")
    factories.CompletionFactory(person_id=factories.PersonFactory(family_name="Outsider").id, course_id=course.id)

    export = centre_client.get("/completions.csv", params={"course": "CPTM-1.1"})

    lines = export.text.lstrip("\ufeff").splitlines()
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    assert lines[0].startswith("Date,Country,Service number")
    assert len(lines) == 2 and "GH-1001" in lines[1] and "Mensah" in lines[1]
    assert "'=HYPERLINK" in lines[1] and "Outsider" not in export.text


def test_the_xlsx_export_is_a_workbook(centre_client, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id)

    export = centre_client.get("/completions.xlsx")

    assert export.status_code == 200 and export.content[:2] == b"PK"


def test_a_planner_is_refused_and_sees_no_names(login_as, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id)
    planner = login_as("mission_planner")

    page = planner.get("/completions", headers={"Accept": "text/html"})
    export = planner.get("/completions.csv")

    assert page.status_code == 403 and "unit-level figures" in page.text
    assert "Mensah" not in page.text and "GH-1001" not in page.text
    assert export.status_code == 403 and "Mensah" not in export.text


def test_the_nav_links_the_log_for_roles_that_see_people(centre_client, login_as):
    assert 'href="/completions"' in centre_client.get("/completions").text
    assert 'href="/completions"' not in login_as("mission_planner").get("/units").text
