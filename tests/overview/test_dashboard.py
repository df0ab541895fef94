"""The dashboard's figures: readiness by status, lapsing training, women's share, recent imports."""

from datetime import date, timedelta

from readiness.accounts.scope import Actor
from readiness.audit.service import record
from readiness.models import Gender, ParityCategory, Role
from readiness.overview import service
from tests.factories import CountryFactory, UnitFactory, UnitTypeFactory, UserFactory
from tests.parity.factories import GenderParityTargetFactory
from tests.readiness.helpers import complete, enlist
from tests.readiness.pledged import a_course, mission_requirement, pledged_unit, staffed

TODAY = date(2026, 6, 1)


def national(role, country):
    return Actor(email=f"{role}@example.org", role=Role(role), country_code=country)


def test_units_are_counted_by_readiness_against_their_target(session):
    country, course = CountryFactory().code, a_course()
    requirement = mission_requirement(UnitTypeFactory(), course, min_pct=50)
    staffed(pledged_unit(requirement, country=country), course, trained=2, untrained=0)
    staffed(pledged_unit(requirement, country=country), course, trained=0, untrained=2)
    UnitFactory(country_code=country)
    counts = service.readiness_by_status(session, actor=national("force_generation", country))
    assert counts == {"ready": 1, "partial": 0, "not_ready": 1, "no_target": 1}


def test_training_lapsing_within_90_days_is_counted_per_course(session):
    country = CountryFactory().code
    unit, course = UnitFactory(country_code=country), a_course(code="LAPSE-1", validity_months=12)
    complete(enlist(unit), course, TODAY - timedelta(days=300))   # lapses in 65 days
    complete(enlist(unit), course, TODAY - timedelta(days=200))   # lapses in 165 days
    complete(enlist(unit), course, TODAY - timedelta(days=400))   # lapsed already
    lapsing = service.lapsing_training(session, actor=national("force_generation", country), today=TODAY)
    assert [(row.course, row.people) for row in lapsing] == [("LAPSE-1", 1)]


def test_a_renewed_training_does_not_lapse(session):
    country = CountryFactory().code
    person, course = enlist(UnitFactory(country_code=country)), a_course(validity_months=12)
    complete(person, course, TODAY - timedelta(days=300))
    complete(person, course, TODAY - timedelta(days=10))
    assert service.lapsing_training(session, actor=national("force_generation", country), today=TODAY) == []


def _police_unit_of_four_with_one_woman(country):
    unit = UnitFactory(country_code=country, unit_type_id=UnitTypeFactory(branch="police").id)
    enlist(unit, gender=Gender.F, start_on=TODAY)
    for _ in range(3):
        enlist(unit, start_on=TODAY)


def test_womens_share_is_set_against_the_target_that_applies_this_year(session):
    country = CountryFactory().code
    _police_unit_of_four_with_one_woman(country)
    GenderParityTargetFactory(year=2025, category=ParityCategory.formed_police_unit, target_pct=18)
    GenderParityTargetFactory(year=2028, category=ParityCategory.formed_police_unit, target_pct=20)
    [share] = service.women_share(session, actor=national("force_generation", country), today=TODAY)
    assert (share.people, share.women, share.share, share.target) == (4, 1, 25.0, 18.0)


def test_womens_share_has_no_target_when_none_applies_yet(session):
    country = CountryFactory().code
    _police_unit_of_four_with_one_woman(country)
    GenderParityTargetFactory(year=2028, category=ParityCategory.formed_police_unit, target_pct=20)
    [share] = service.women_share(session, actor=national("force_generation", country), today=TODAY)
    assert share.target is None


def test_national_staff_see_their_countrys_imports_only(session):
    own, other = CountryFactory().code, CountryFactory().code
    for country, summary in ((own, "ours"), (other, "theirs")):
        user = UserFactory(role=Role.force_generation, country_code=country)
        record(session, actor=Actor(email=user.email, role=user.role, user_id=user.id, country_code=country),
               action="import", entity="roster", summary=summary)
    imports = service.recent_imports(session, actor=national("force_generation", own))
    assert [entry.summary for entry in imports] == ["ours"]


def test_planners_are_not_shown_imports(session):
    assert service.recent_imports(session, actor=Actor(email="p@example.org", role=Role.mission_planner)) is None


def test_the_home_page_shows_the_dashboard_sections(login_as):
    country = CountryFactory().code
    client = login_as("force_generation", country=country)
    UnitFactory(country_code=country)
    page = client.get("/").text
    for marker in ('id="readiness-table"', 'id="lapsing-title"', 'id="women-title"', 'id="imports-title"',
                   'id="units-by-level-table"'):
        assert marker in page


def test_a_partner_sees_no_imports_section(login_as):
    country = CountryFactory().code
    client = login_as("partner", partner_countries=(country,))
    UnitFactory(country_code=country)
    page = client.get("/").text
    assert 'id="readiness-table"' in page and 'id="imports-title"' not in page
