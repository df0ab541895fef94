"""The matching page and the mission and partner demand pages, with their access rules."""

from datetime import date, timedelta

from readiness.models import Mission, Partner, SupportCategory
from tests import factories
from tests.needs.factories import CapacityNeedFactory, partnership, pledged_unit, requirement_with

SOON = date.today() + timedelta(days=120)


def _ghana_with_a_derived_need():
    first_aid = factories.CourseFactory(code="UNBFAC", title="UN Buddy First Aid Course")
    requirement = requirement_with((first_aid, 100))
    factories.CountryFactory(code="GHA")
    unit = pledged_unit(country="GHA", requirement=requirement, deploys_on=SOON, people=6)
    return first_aid, requirement, unit


def test_the_matching_page_shows_stated_and_derived_needs_with_a_session(login_as):
    first_aid, _requirement, unit = _ghana_with_a_derived_need()
    centre = factories.TrainingCentreFactory(code="KAIPTC-T", country_code="GHA")
    factories.CourseSessionFactory(course_id=first_aid.id, centre_id=centre.id, seats=4, seats_for_women=1,
                                   start_on=SOON - timedelta(days=30), end_on=SOON - timedelta(days=26))
    CapacityNeedFactory(country_code="GHA", category=SupportCategory.equipment, capability="Ambulances")
    client = login_as("force_generation", country="GHA")

    page = client.get("/needs/matching")

    assert page.status_code == 200
    assert "6 people need UNBFAC" in page.text
    assert "KAIPTC-T" in page.text and unit.code in page.text
    assert "Unmatched: 2 of 6" in page.text
    assert "Unmatched: no session and no partner." in page.text  # the ambulances


def test_a_planner_chooses_the_country_and_htmx_gets_only_the_matches(login_as):
    _ghana_with_a_derived_need()
    client = login_as("mission_planner")

    fragment = client.get("/needs/matching?country=GHA", headers={"HX-Request": "true"})

    assert "6 people need UNBFAC" in fragment.text and "<html" not in fragment.text


def test_a_national_user_cannot_match_another_country(login_as):
    _ghana_with_a_derived_need()
    client = login_as("force_generation", country=factories.CountryFactory().code)

    assert client.get("/needs/matching?country=GHA").status_code == 404


def test_the_matching_page_explains_an_empty_country(login_as):
    client = login_as("force_generation", country="GHA")

    page = client.get("/needs/matching")

    assert "This country has stated no open need." in page.text
    assert "No pledged unit of this country is short" in page.text


def test_the_mission_page_shows_the_demand_per_course_and_country(login_as, session):
    _first_aid, requirement, _unit = _ghana_with_a_derived_need()
    mission = session.get(Mission, requirement.mission_id)
    client = login_as("mission_planner")

    page = client.get(f"/needs/missions/{mission.acronym}")

    assert page.status_code == 200
    assert 'id="mission-demand-table"' in page.text and "UNBFAC" in page.text
    assert "6 people to train in all" in page.text


def test_the_mission_page_counts_only_readable_countries_for_a_national_user(login_as, session):
    _first_aid, requirement, _unit = _ghana_with_a_derived_need()
    mission = session.get(Mission, requirement.mission_id)
    client = login_as("force_generation", country=factories.CountryFactory().code)

    page = client.get(f"/needs/missions/{mission.acronym}")

    assert "No pledged unit for this mission is short" in page.text
    assert "Only the countries you may read are counted." in page.text


def test_the_partner_page_lists_the_needs_it_could_fill(login_as, session):
    first_aid, _requirement, _unit = _ghana_with_a_derived_need()
    client = login_as("partner", partner_countries=["GHA"])
    partner = session.get(Partner, client.user.partner_id)
    partnership(partner=partner, country="GHA", courses=[first_aid])

    page = client.get(f"/needs/partners/{partner.code}")

    assert page.status_code == 200
    assert "6 people need UNBFAC" in page.text
    assert "Left after the free places in sessions: 6" in page.text


def test_a_partner_page_of_another_partner_is_refused(login_as, session):
    other = factories.PartnerFactory(code="OTHER")
    session.commit()
    client = login_as("partner", partner_countries=["GHA"])

    assert client.get(f"/needs/partners/{other.code}").status_code == 403


def test_a_partner_without_partnerships_is_told_how_needs_appear(login_as, session):
    partner = factories.PartnerFactory(code="NEWP")
    client = login_as("mission_planner")

    page = client.get(f"/needs/partners/{partner.code}")

    assert "Needs appear here once a partnership" in page.text


def test_the_needs_page_links_the_demand_views(login_as, session):
    _first_aid, requirement, _unit = _ghana_with_a_derived_need()
    mission = session.get(Mission, requirement.mission_id)
    client = login_as("mission_planner")

    page = client.get("/needs")

    assert f'href="/needs/missions/{mission.acronym}"' in page.text
