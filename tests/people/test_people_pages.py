"""People search and a person's page: for national staff of the person's country and admins only."""

from datetime import date

from tests.factories import AssignmentFactory, CompletionFactory, CountryFactory, PersonFactory, UnitFactory

HTMX = {"HX-Request": "true"}


def test_the_search_finds_a_person_by_service_number_with_their_unit(login_as):
    country = CountryFactory()
    client = login_as("force_generation", country=country.code)
    person = PersonFactory(country_code=country.code, service_number="GH-777001")
    unit = UnitFactory(country_code=country.code, code="GH-UNIT-7")
    AssignmentFactory(person_id=person.id, unit_id=unit.id)
    page = client.get("/people", params={"q": "gh-777"})
    assert page.status_code == 200 and "GH-777001" in page.text and 'href="/units/GH-UNIT-7"' in page.text


def test_the_active_search_returns_only_the_results(login_as):
    client = login_as("admin")
    PersonFactory(family_name="Mensah")
    fragment = client.get("/people", params={"q": "mens"}, headers=HTMX)
    assert "Mensah" in fragment.text and "<html" not in fragment.text and 'id="people-search"' not in fragment.text


def test_no_match_says_what_to_try(login_as):
    client = login_as("admin")
    assert "Nobody matches" in client.get("/people", params={"q": "zzzz-nobody"}).text


def test_another_countrys_people_are_not_listed(login_as):
    client = login_as("force_generation", country=CountryFactory().code)
    PersonFactory(service_number="OTHER-001")
    assert "OTHER-001" not in client.get("/people", params={"q": "other"}).text


def test_a_planner_gets_a_clear_refusal(login_as):
    page = login_as("mission_planner").get("/people", headers={"Accept": "text/html"})
    assert page.status_code == 403 and "unit-level figures" in page.text


def test_a_partner_does_not_find_a_person_page(login_as):
    country = CountryFactory()
    client = login_as("partner", partner_countries=(country.code,))
    person = PersonFactory(country_code=country.code)
    assert client.get(f"/people/{person.id}", headers={"Accept": "text/html"}).status_code == 404


def test_the_person_page_lists_their_completions_and_unit(login_as):
    country = CountryFactory()
    client = login_as("training_centre", country=country.code)
    person = PersonFactory(country_code=country.code, family_name="Owusu")
    AssignmentFactory(person_id=person.id, unit_id=UnitFactory(country_code=country.code, code="GH-U-9").id)
    CompletionFactory(person_id=person.id, completed_on=date(2026, 2, 3))
    page = client.get(f"/people/{person.id}")
    assert "Owusu" in page.text and "Feb 3, 2026" in page.text and 'href="/units/GH-U-9"' in page.text


def test_another_countrys_person_is_not_found(login_as):
    client = login_as("force_generation", country=CountryFactory().code)
    person = PersonFactory()
    assert client.get(f"/people/{person.id}", headers={"Accept": "text/html"}).status_code == 404
