"""Requirement pages: the list, a requirement's versions, the editor (planners and admins only) and the diff."""

import pytest

from tests import factories

HTMX = {"HX-Request": "true"}


@pytest.fixture
def stored():
    """Version 1 of VIEW-REQ asking POC-A of everyone; POC-B is in the catalogue too."""
    poc_a, _poc_b = factories.CourseFactory(code="POC-A"), factories.CourseFactory(code="POC-B")
    requirement = factories.RequirementFactory(code="VIEW-REQ", title="Infantry, test mission")
    factories.RequirementLineFactory(requirement_id=requirement.id, course_id=poc_a.id, min_pct=100)
    return requirement


def draft_form(client, **changes):
    values = {"csrf_token": client.csrf_token, "base_version": "1", "title": "Infantry, test mission",
              "tour_months": "12", "min_women_pct": "", "line_course": ["POC-A"], "line_min_pct": ["100"],
              "line_role": [""], "new_course": "", "new_min_pct": "", "new_role": ""}
    return {**values, **changes}


def test_the_list_shows_each_requirement_with_its_latest_version_and_count(login_as, stored):
    factories.RequirementFactory(code="VIEW-REQ", version=2, mission_id=stored.mission_id,
                                 unit_type_id=stored.unit_type_id)

    page = login_as("force_generation", country="XRA").get("/requirements")

    row = page.text.split(">VIEW-REQ</a>")[1].split("</tr>")[0]
    assert page.status_code == 200 and '<td class="num">2</td><td class="num">2</td>' in row


def test_a_requirement_page_shows_its_lines_and_versions_read_only_to_force_generation(login_as, stored):
    page = login_as("force_generation", country="XRA").get("/requirements/VIEW-REQ")

    assert page.status_code == 200 and "POC-A" in page.text
    assert "/requirements/VIEW-REQ/edit" not in page.text


def test_a_planner_is_offered_the_editor(login_as, stored):
    page = login_as("mission_planner").get("/requirements/VIEW-REQ")

    assert "/requirements/VIEW-REQ/edit" in page.text


def test_force_generation_cannot_open_or_post_the_editor(login_as, stored):
    client = login_as("force_generation", country="XRA")

    assert client.get("/requirements/VIEW-REQ/edit").status_code == 403
    assert client.post("/requirements/VIEW-REQ/edit", data=draft_form(client, action="save")).status_code == 403


def test_adding_a_line_answers_the_editor_fragment_with_the_line(login_as, stored):
    client = login_as("mission_planner")

    page = client.post("/requirements/VIEW-REQ/edit", headers=HTMX,
                       data=draft_form(client, action="add", new_course="POC-B", new_min_pct="50"))

    assert page.status_code == 200 and "<html" not in page.text
    assert 'name="line_course" value="POC-B"' in page.text


def test_a_bad_line_comes_back_with_its_error_inline(login_as, stored):
    client = login_as("mission_planner")

    page = client.post("/requirements/VIEW-REQ/edit", headers=HTMX,
                       data=draft_form(client, action="add", new_course="POC-B", new_min_pct="120"))

    assert 'id="new_min_pct-error"' in page.text and 'name="line_course" value="POC-B"' not in page.text


def test_removing_a_line_answers_the_draft_without_it(login_as, stored):
    client = login_as("mission_planner")

    page = client.post("/requirements/VIEW-REQ/edit", headers=HTMX, data=draft_form(client, action="remove:0"))

    assert 'name="line_course"' not in page.text


def test_saving_the_draft_stores_version_2_and_redirects_to_it(login_as, stored):
    client = login_as("mission_planner")
    form = draft_form(client, action="save", line_course=["POC-A", "POC-B"], line_min_pct=["100", "50"],
                      line_role=["", "medic"])

    response = client.post("/requirements/VIEW-REQ/edit", headers=HTMX, data=form)

    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/requirements/VIEW-REQ?version=2"
    assert "POC-B" in client.get("/requirements/VIEW-REQ?version=2").text


def test_saving_without_lines_shows_the_error(login_as, stored):
    client = login_as("mission_planner")
    form = draft_form(client, action="save", line_course=[], line_min_pct=[], line_role=[])

    page = client.post("/requirements/VIEW-REQ/edit", data=form)

    assert page.status_code == 422 and 'id="lines-error"' in page.text


def test_the_diff_fragment_lists_the_line_added(login_as, stored):
    client = login_as("mission_planner")
    client.post("/requirements/VIEW-REQ/edit", data=draft_form(
        client, action="save", line_course=["POC-A", "POC-B"], line_min_pct=["100", "50"], line_role=["", ""]))

    page = client.get("/requirements/VIEW-REQ/diff?older=1&newer=2", headers=HTMX)

    assert "<html" not in page.text
    assert '<tr class="added">' in page.text and "POC-B" in page.text.split('<tr class="added">')[1]


def test_an_unknown_requirement_or_version_is_not_found(login_as, stored):
    client = login_as("mission_planner")

    assert client.get("/requirements/NOPE").status_code == 404
    assert client.get("/requirements/VIEW-REQ?version=7").status_code == 404
    assert client.get("/requirements/VIEW-REQ/diff?older=1&newer=7").status_code == 404
