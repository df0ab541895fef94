"""The requirements list: filters (mission, unit type), sort, pages and htmx fragments, all in the URL."""

from tests import factories

HTMX = {"HX-Request": "true"}


def codes_in(text):
    return [row.split('"')[0] for row in text.split('<th scope="row"><a href="/requirements/')[1:]]


def test_the_mission_and_unit_type_filters_narrow_the_rows(login_as):
    client = login_as("admin")
    mission, other = factories.MissionFactory(acronym="FILTA"), factories.MissionFactory(acronym="FILTB")
    kind = factories.UnitTypeFactory(slug="filter_kind")
    factories.RequirementFactory(code="F-1", mission_id=mission.id, unit_type_id=kind.id)
    factories.RequirementFactory(code="F-2", mission_id=mission.id)
    factories.RequirementFactory(code="F-3", mission_id=other.id, unit_type_id=kind.id)
    assert codes_in(client.get("/requirements", params={"mission": "FILTA"}, headers=HTMX).text) == ["F-1", "F-2"]
    both = client.get("/requirements", params={"mission": "FILTA", "unit_type": "filter_kind"}, headers=HTMX)
    assert codes_in(both.text) == ["F-1"]


def test_the_sort_changes_the_order(login_as):
    client = login_as("admin")
    for code, acronym in (("S-1", "SORTC"), ("S-2", "SORTA"), ("S-3", "SORTB")):
        factories.RequirementFactory(code=code, mission_id=factories.MissionFactory(acronym=acronym).id)
    assert codes_in(client.get("/requirements", headers=HTMX).text) == ["S-1", "S-2", "S-3"]
    by_mission = client.get("/requirements", params={"sort": "mission"}, headers=HTMX)
    assert codes_in(by_mission.text) == ["S-2", "S-3", "S-1"]
    by_code = client.get("/requirements", params={"sort": "code", "dir": "desc"}, headers=HTMX)
    assert codes_in(by_code.text) == ["S-3", "S-2", "S-1"] and 'aria-sort="descending"' in by_code.text


def test_page_two_keeps_the_filters_in_its_links(login_as):
    client = login_as("admin")
    mission = factories.MissionFactory(acronym="PAGED")
    for number in range(51):
        factories.RequirementFactory(code=f"P-{number:02d}", mission_id=mission.id)
    page = client.get("/requirements", params={"mission": "PAGED"}, headers=HTMX)
    assert 'href="/requirements?mission=PAGED&amp;sort=code&amp;dir=asc&amp;page=2"' in page.text
    second = client.get("/requirements", params={"mission": "PAGED", "page": 2}, headers=HTMX)
    assert codes_in(second.text) == ["P-50"] and "Page 2 of 2" in second.text


def test_an_htmx_request_gets_only_the_results(login_as):
    client = login_as("admin")
    factories.RequirementFactory(code="FRAG-REQ")
    fragment = client.get("/requirements", headers=HTMX)
    whole = client.get("/requirements")
    assert "FRAG-REQ" in fragment.text and "<html" not in fragment.text
    assert 'id="requirement-filters"' not in fragment.text and 'id="requirement-filters"' in whole.text
