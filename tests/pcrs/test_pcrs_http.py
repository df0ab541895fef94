"""PCRS over HTTP: the unit page's section and its form, the /pcrs page, the JSON API, and who may do what."""

from datetime import date, timedelta

from sqlmodel import select

from readiness.models import AuditEntry, PcrsLevel, Unit
from tests.caveats.factories import unit_of
from tests.factories import UnitFactory

HTMX = {"HX-Request": "true"}
TODAY = date.today()
OLD_AAV = TODAY - timedelta(days=6 * 366)


def overdue_l3(**values):
    return UnitFactory(pcrs_level=PcrsLevel.L3, pledge_registered_on=OLD_AAV - timedelta(days=100),
                       last_aav_on=OLD_AAV, l3_since=OLD_AAV + timedelta(days=30), **values)


def test_the_fragment_shows_the_dates_and_warnings_and_starts_with_its_heading(login_as):
    client = login_as("admin")
    unit = overdue_l3()
    fragment = client.get(f"/units/{unit.code}/pcrs", headers=HTMX).text
    assert fragment.lstrip().startswith('<h2 id="unit-pcrs-title">')
    assert f"The last assessment and advisory visit was on {OLD_AAV.isoformat()}, more than 5 years ago" in fragment
    assert "Action needed" in fragment and "Force Generation Manual 2021.05" in fragment
    assert "DOU, 24/10/2024" in fragment


def test_without_htmx_the_section_is_a_whole_page(login_as):
    client = login_as("admin")
    unit = UnitFactory(pcrs_level=PcrsLevel.L1, pledge_registered_on=date(2025, 1, 1))
    page = client.get(f"/units/{unit.code}/pcrs").text
    assert "<html" in page and "No warning: the level and its dates agree" in page


def test_force_generation_edits_the_dates_with_the_htmx_form_and_it_is_audited(session, login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("GHA", pcrs_level=PcrsLevel.L1, pledge_registered_on=date(2025, 1, 1))
    form = client.get(f"/units/{unit.code}/pcrs", params={"edit": 1}, headers=HTMX).text
    assert 'id="pcrs-form"' in form
    saved = client.post(f"/units/{unit.code}/pcrs", headers=HTMX,
                        data={"pcrs_level": "RDL", "pledge_registered_on": "2025-01-01", "last_aav_on": "2025-03-01"})
    assert saved.status_code == 200 and "The PCRS level and dates are saved." in saved.text
    assert "no RDL verification visit is recorded" in saved.text
    assert '<span id="unit-pcrs-level" hx-swap-oob="true">RDL</span>' in saved.text  # the page header follows
    session.refresh(unit)
    assert unit.pcrs_level == PcrsLevel.RDL and unit.last_aav_on == date(2025, 3, 1)
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "unit")).one()
    assert entry.after == {"pcrs_level": "RDL", "last_aav_on": "2025-03-01"} and entry.before["pcrs_level"] == "L1"


def test_a_malformed_date_comes_back_with_the_field_named(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    answer = client.post(f"/units/{unit.code}/pcrs", data={"last_aav_on": "12/05/2020"})
    assert answer.status_code == 422 and 'id="pcrs-error-last_aav_on"' in answer.text


def test_a_partner_reads_the_level_but_cannot_edit_it(login_as):
    client = login_as("partner", partner_countries=("GHA",))
    unit = unit_of("GHA", pcrs_level=PcrsLevel.L2, last_aav_on=date(2025, 1, 1))
    fragment = client.get(f"/units/{unit.code}/pcrs", headers=HTMX).text
    assert "L2" in fragment and "Edit the level and dates" not in fragment
    assert client.post(f"/units/{unit.code}/pcrs", data={"pcrs_level": "L3"}, headers=HTMX).status_code == 403


def test_another_countrys_force_generation_does_not_find_the_unit(login_as):
    client = login_as("force_generation", country="GHA")
    unit = unit_of("RWA")
    assert client.get(f"/units/{unit.code}/pcrs").status_code == 404
    assert client.post(f"/units/{unit.code}/pcrs", data={"pcrs_level": "L3"}).status_code == 404


def test_the_pcrs_page_lists_readable_units_and_filters_those_with_warnings(login_as):
    client = login_as("force_generation", country="GHA")
    unit_of("GHA")
    overdue = overdue_l3(country_code="GHA")
    fine = unit_of("GHA", pcrs_level=PcrsLevel.L1, pledge_registered_on=date(2025, 1, 1))
    hidden = unit_of("RWA", pcrs_level=PcrsLevel.L3)
    everything = client.get("/pcrs").text
    assert overdue.code in everything and fine.code in everything and hidden.code not in everything
    warned = client.get("/pcrs", params={"warnings": "1"}, headers=HTMX).text
    assert overdue.code in warned and fine.code not in warned and "<html" not in warned
    level = client.get("/pcrs", params={"level": "L1"}, headers=HTMX).text
    assert fine.code in level and overdue.code not in level


def test_the_pcrs_page_pages_its_list(login_as):
    client = login_as("admin")
    for _index in range(51):
        unit_of("ZZA")
    first = client.get("/pcrs", params={"country": "ZZA"}).text
    assert "Page 1 of 2" in first and "51 units" in first


def test_the_pcrs_page_reads_the_units_in_one_query(session, login_as, monkeypatch):
    from readiness.pcrs import repository

    calls = []
    original = repository.units_with_dates
    monkeypatch.setattr(repository, "units_with_dates", lambda *a, **k: calls.append(1) or original(*a, **k))
    client = login_as("admin")
    for _index in range(5):
        overdue_l3()
    assert client.get("/pcrs", params={"warnings": "1"}).status_code == 200
    assert calls == [1]


# --- the JSON API -------------------------------------------------------------------------


def test_the_api_reads_and_replaces_the_dates(session, api_client_for):
    client = api_client_for("mission_planner")
    unit = overdue_l3()
    body = client.get(f"/api/v1/units/{unit.code}/pcrs").json()
    assert body["pcrs_level"] == "L3" and {w["code"] for w in body["warnings"]} >= {"aav_expired"}
    assert body["aav_expires_on"] is not None and body["selectable"] is True
    put = client.put(f"/api/v1/units/{unit.code}/pcrs",
                     json={"pcrs_level": "L2", "last_aav_on": (TODAY - timedelta(days=30)).isoformat()})
    assert put.status_code == 200 and put.json()["warnings"] == []
    assert session.exec(select(Unit).where(Unit.code == unit.code)).one().l3_since is None


def test_the_api_refuses_a_partner_and_hides_other_countries(api_client_for):
    partner = api_client_for("partner", partner_countries=("GHA",))
    unit = unit_of("GHA", pcrs_level=PcrsLevel.L2)
    assert partner.get(f"/api/v1/units/{unit.code}/pcrs").status_code == 200
    assert partner.put(f"/api/v1/units/{unit.code}/pcrs", json={"pcrs_level": "L3"}).status_code == 403
    other = api_client_for("force_generation", country="RWA")
    assert other.get(f"/api/v1/units/{unit.code}/pcrs").status_code == 404


def test_the_api_rejects_an_unknown_level(api_client_for):
    client = api_client_for("admin")
    unit = UnitFactory()
    assert client.put(f"/api/v1/units/{unit.code}/pcrs", json={"pcrs_level": "L4"}).status_code == 422
