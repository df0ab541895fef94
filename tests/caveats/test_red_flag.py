"""The red flag wherever a unit's readiness is shown: unit page, units list, comparison, home, JSON."""

from datetime import date

from readiness.models import CaveatRecord
from tests.caveats.factories import CaveatFactory
from tests.readiness.pledged import DEPLOYS, a_course, mission_requirement, pledged_unit, staffed
from tests.factories import UnitFactory, UnitTypeFactory

HTMX = {"HX-Request": "true"}
FLAG = "Red flag"


def undeclared(unit, **values):
    return CaveatFactory(unit_id=unit.id, declared=False, accepted_by_un=False, recorded_in=CaveatRecord.none,
                         **values)


def pledged_pair():
    """Two units pledged to one requirement, the first flagged by an undeclared caveat in force."""
    course = a_course(validity_months=12)
    requirement = mission_requirement(UnitTypeFactory(), course)
    flagged, clear = pledged_unit(requirement), pledged_unit(requirement)
    staffed(flagged, course, trained=1, untrained=0)
    staffed(clear, course, trained=1, untrained=0)
    undeclared(flagged, active_from=date(2026, 1, 1))
    CaveatFactory(unit_id=clear.id, active_from=date(2026, 1, 1))  # declared and accepted: no flag
    return requirement, flagged, clear


def test_the_unit_page_flags_the_header_and_the_card_on_the_cards_date(login_as):
    client = login_as("admin")
    _requirement, flagged, clear = pledged_pair()
    page = client.get(f"/units/{flagged.code}").text
    assert page.count("Red flag: a caveat in force is undeclared or not accepted by the UN") == 2
    assert 'id="unit-flag"' in page and 'id="card-flag"' in page
    assert FLAG not in client.get(f"/units/{clear.code}").text


def test_the_card_reads_the_flag_on_its_own_as_of_date(login_as):
    client = login_as("admin")
    _requirement, flagged, _clear = pledged_pair()
    before_the_caveat = client.get(f"/units/{flagged.code}", params={"as_of": "2025-12-31"}).text
    assert FLAG not in before_the_caveat
    assert "as_of=2025-12-31&amp;slot=card-flag" in before_the_caveat


def test_a_unit_without_a_requirement_is_flagged_on_today(login_as):
    client = login_as("admin")
    unit = UnitFactory()
    undeclared(unit, active_from=date(2020, 1, 1))
    assert "Red flag: a caveat" in client.get(f"/units/{unit.code}").text


def test_the_units_list_marks_the_flagged_unit_only(login_as):
    client = login_as("admin")
    _requirement, flagged, clear = pledged_pair()
    rows = client.get("/units", headers=HTMX).text
    flagged_row = rows[rows.index(f">{flagged.code}</a>"):][:400]
    clear_row = rows[rows.index(f">{clear.code}</a>"):][:400]
    assert FLAG in flagged_row and FLAG not in clear_row.split("</th>")[0]


def test_the_comparison_marks_flagged_units_and_filters_them(login_as):
    client = login_as("mission_planner")
    requirement, flagged, clear = pledged_pair()
    params = {"requirement": requirement.code, "as_of": DEPLOYS.isoformat()}
    heatmap = client.get("/missions/compare", params=params).text
    assert f"{flagged.code} <strong class=\"caveat-flag\">" in heatmap
    assert "a caveat in force is undeclared or not accepted by the UN" in heatmap  # the accessible text
    only = client.get("/missions/compare", params={**params, "flagged": "1"}, headers=HTMX).text
    assert flagged.code in only and clear.code not in only
    assert "flagged=1" in only  # the sort links and exports keep the filter


def test_the_home_page_lists_the_flagged_units(login_as):
    client = login_as("admin")
    _requirement, flagged, clear = pledged_pair()
    home = client.get("/").text
    listed = home[home.index('class="plain flagged-units"'):].split("</ul>")[0]
    assert flagged.code in listed and clear.code not in listed


def test_the_home_page_lists_only_readable_flagged_units(login_as):
    client = login_as("force_generation", country="GHA")
    _requirement, flagged, _clear = pledged_pair()
    assert flagged.code not in client.get("/").text


def test_the_readiness_json_carries_the_caveat_flag(api_client_for):
    client = api_client_for("admin")
    requirement, flagged, clear = pledged_pair()
    for unit, expected in ((flagged, True), (clear, False)):
        report = client.get(f"/api/v1/units/{unit.code}/readiness", params={"requirement": requirement.code})
        assert report.status_code == 200 and report.json()["caveat_flag"] is expected
    early = client.get(f"/api/v1/units/{flagged.code}/readiness",
                       params={"requirement": requirement.code, "as_of": "2025-06-01"})
    assert early.json()["caveat_flag"] is False


def test_the_mission_view_json_carries_each_units_flag(api_client_for):
    client = api_client_for("mission_planner")
    requirement, flagged, clear = pledged_pair()
    view = client.get(f"/api/v1/requirements/{requirement.code}/units").json()
    flags = {unit["unit"]: unit["caveat_flag"] for unit in view["units"]}
    assert flags == {flagged.code: True, clear.code: False}


def test_the_heatmap_export_says_which_units_are_flagged(login_as):
    client = login_as("mission_planner")
    requirement, flagged, clear = pledged_pair()
    csv = client.get("/missions/compare/export/csv", params={"requirement": requirement.code}).text
    lines = csv.lstrip("\ufeff").splitlines()
    assert "Red flag (caveat)" in lines[0]
    rows = {line.split(",")[0]: line for line in lines[1:]}
    assert ",yes," in rows[flagged.code] and ",no," in rows[clear.code]
