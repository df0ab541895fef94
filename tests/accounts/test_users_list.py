"""The users list (administrators): filters (role, text), sort, pages and htmx fragments, all in the URL."""

from datetime import UTC, datetime

from readiness.models import Role
from tests import factories

HTMX = {"HX-Request": "true"}


def emails_in(text):
    return [row.split("</td>")[0] for row in text.split("<tr>\n      <td>")[1:]]


def test_the_role_and_text_filters_narrow_the_rows(login_as):
    client = login_as("admin", email="boss@admin.example")
    factories.UserFactory(email="ana@listed.example", role=Role.mission_planner)
    factories.UserFactory(email="bob@listed.example", role=Role.admin)
    factories.UserFactory(email="cy@elsewhere.example", role=Role.mission_planner)
    page = client.get("/admin/users", params={"q": "listed", "role": "mission_planner"}, headers=HTMX)
    assert emails_in(page.text) == ["ana@listed.example"]


def test_the_sort_changes_the_order(login_as):
    client = login_as("admin", email="boss@admin.example")
    factories.UserFactory(email="a@sorted.example", last_login_at=datetime(2026, 5, 1, tzinfo=UTC))
    factories.UserFactory(email="b@sorted.example", last_login_at=datetime(2026, 7, 1, tzinfo=UTC))
    factories.UserFactory(email="c@sorted.example")
    by_email = client.get("/admin/users", params={"q": "sorted", "sort": "email", "dir": "desc"}, headers=HTMX)
    by_login = client.get("/admin/users", params={"q": "sorted", "sort": "last_login", "dir": "desc"}, headers=HTMX)
    assert emails_in(by_email.text) == ["c@sorted.example", "b@sorted.example", "a@sorted.example"]
    assert emails_in(by_login.text) == ["b@sorted.example", "a@sorted.example", "c@sorted.example"]


def test_page_two_keeps_the_filters_in_its_links(login_as):
    client = login_as("admin", email="boss@admin.example")
    for number in range(51):
        factories.UserFactory(email=f"u{number:02d}@many.example")
    page = client.get("/admin/users", params={"q": "many"}, headers=HTMX)
    assert 'href="/admin/users?q=many&amp;sort=email&amp;dir=asc&amp;page=2"' in page.text
    second = client.get("/admin/users", params={"q": "many", "page": 2}, headers=HTMX)
    assert emails_in(second.text) == ["u50@many.example"] and "Page 2 of 2" in second.text


def test_an_htmx_request_gets_only_the_results(login_as):
    client = login_as("admin", email="boss@admin.example")
    fragment = client.get("/admin/users", headers=HTMX)
    whole = client.get("/admin/users")
    assert "boss@admin.example" in fragment.text and "<html" not in fragment.text
    assert 'id="user-filters"' not in fragment.text and 'id="new-user"' not in fragment.text
    assert 'id="user-filters"' in whole.text and 'id="new-user"' in whole.text
