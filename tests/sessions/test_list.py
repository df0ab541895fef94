"""The course sessions list: filters (course, dates), sort, pages and htmx fragments, all in the URL."""

from datetime import date, timedelta

from tests import factories

HTMX = {"HX-Request": "true"}


def courses_in(text):
    """The course codes of the table's rows, in order."""
    return [cell.split(" — ")[0] for cell in text.split("<tr>\n      <td>")[1:]]


def test_the_course_filter_narrows_the_rows(login_as):
    client = login_as("admin")
    for code in ("LIST-A", "LIST-B"):
        factories.CourseSessionFactory(course_id=factories.CourseFactory(code=code).id)
    page = client.get("/sessions", params={"course": "LIST-A"}, headers=HTMX)
    assert courses_in(page.text) == ["LIST-A"]


def test_the_date_range_narrows_the_rows(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="DATE-A")
    factories.CourseSessionFactory(course_id=course.id)  # 2026-03-02 to 2026-03-06
    factories.CourseSessionFactory(course_id=factories.CourseFactory(code="DATE-B").id, start_on=date(2027, 1, 4),
                                   end_on=date(2027, 1, 8))
    page = client.get("/sessions", params={"date_from": "2026-12-01", "date_to": "2027-12-31"}, headers=HTMX)
    assert courses_in(page.text) == ["DATE-B"]
    assert 'value="2026-12-01"' not in page.text  # the fragment has no form
    whole = client.get("/sessions", params={"date_from": "2026-12-01"})
    assert 'value="2026-12-01"' in whole.text


def test_the_sort_changes_the_order(login_as):
    client = login_as("admin")
    for code, start in (("SORT-B", date(2026, 1, 5)), ("SORT-A", date(2026, 2, 2)), ("SORT-C", date(2026, 3, 2))):
        factories.CourseSessionFactory(course_id=factories.CourseFactory(code=code).id, start_on=start,
                                       end_on=start + timedelta(days=4))
    by_start = client.get("/sessions", headers=HTMX)
    by_course = client.get("/sessions", params={"sort": "course", "dir": "desc"}, headers=HTMX)
    assert courses_in(by_start.text) == ["SORT-B", "SORT-A", "SORT-C"]
    assert courses_in(by_course.text) == ["SORT-C", "SORT-B", "SORT-A"]
    assert 'aria-sort="descending"' in by_course.text


def test_page_two_keeps_the_filters_and_sort_in_its_links(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="MANY-1")
    for number in range(51):
        factories.CourseSessionFactory(course_id=course.id, start_on=date(2026, 1, 1) + timedelta(days=number),
                                       end_on=date(2026, 1, 1) + timedelta(days=number))
    page = client.get("/sessions", params={"course": "MANY-1", "sort": "start_on", "dir": "desc"}, headers=HTMX)
    assert 'href="/sessions?course=MANY-1&amp;sort=start_on&amp;dir=desc&amp;page=2"' in page.text
    assert 'hx-push-url="true"' in page.text and 'hx-target="#session-rows"' in page.text
    second = client.get("/sessions", params={"course": "MANY-1", "sort": "start_on", "dir": "desc", "page": 2},
                        headers=HTMX)
    assert len(courses_in(second.text)) == 1 and "Page 2 of 2" in second.text
    assert 'href="/sessions?course=MANY-1&amp;sort=start_on&amp;dir=desc&amp;page=1"' in second.text


def test_an_htmx_request_gets_only_the_results(login_as):
    client = login_as("admin")
    factories.CourseSessionFactory(course_id=factories.CourseFactory(code="FRAG-1").id)
    fragment = client.get("/sessions", headers=HTMX)
    whole = client.get("/sessions")
    assert "FRAG-1" in fragment.text and "<html" not in fragment.text and 'id="session-filters"' not in fragment.text
    assert "<html" in whole.text and 'id="session-filters"' in whole.text
