"""The home page shows real figures from the database; health and error pages answer."""

from datetime import date, timedelta

import pytest

from readiness.models import PcrsLevel, UnitStatus
from tests.factories import AssignmentFactory, CompletionFactory, PersonFactory, UnitFactory


@pytest.fixture
def admin(login_as):
    """The figures below are every country's: an administrator sees them all."""
    return login_as("admin")


def test_it_shows_an_empty_state_without_units(admin):
    page = admin.get("/")
    assert page.status_code == 200
    assert "No units are registered yet" in page.text


def test_it_counts_units_by_pcrs_level_and_status(admin):
    UnitFactory.create_batch(2, pcrs_level=PcrsLevel.L2, status=UnitStatus.pledged)
    UnitFactory(pcrs_level=None, status=UnitStatus.forming)
    figures = admin.get("/api/v1/overview").json()
    assert figures["units"]["L2"]["pledged"] == 2
    assert figures["units"]["none"]["forming"] == 1
    assert figures["units_total"] == 3


def test_it_counts_people_and_recent_completions(admin):
    person = PersonFactory()
    AssignmentFactory(person_id=person.id, start_on=date.today() - timedelta(days=30))
    PersonFactory()
    CompletionFactory(person_id=person.id, completed_on=date.today() - timedelta(days=10))
    CompletionFactory(person_id=person.id, completed_on=date.today() - timedelta(days=200))
    figures = admin.get("/api/v1/overview").json()
    assert figures["people"] == 2
    assert figures["people_on_rosters"] == 1
    assert figures["completions_recent"] == 1


def test_the_home_page_renders_the_figures_in_a_table(admin):
    UnitFactory(pcrs_level=PcrsLevel.RDL, status=UnitStatus.deployed)
    page = admin.get("/")
    assert 'id="units-by-level-table"' in page.text
    assert "RDL" in page.text and "Deployed" in page.text


def test_healthz_reports_the_database_answering(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_an_unknown_page_gets_the_404_page(client):
    page = client.get("/no-such-page", headers={"Accept": "text/html"})
    assert page.status_code == 404
    assert "Page not found" in page.text


def test_an_unknown_api_path_gets_json(client):
    response = client.get("/api/v1/no-such-thing")
    assert response.status_code == 404
    assert response.json()["error"] == "Page not found"


def test_a_server_error_gets_the_500_page(app, admin):
    def broken():
        raise RuntimeError("boom")

    app.add_api_route("/broken", broken)
    page = admin.get("/broken", headers={"Accept": "text/html"})
    assert page.status_code == 500
    assert "Something went wrong" in page.text
    assert "boom" not in page.text
    assert page.headers["Content-Security-Policy"].startswith("default-src 'self'")
    assert page.headers["X-Frame-Options"] == "DENY"
    assert page.headers["Cache-Control"] == "no-store"
