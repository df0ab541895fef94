"""The evaluation pages, the unit page's section and the country feedback report, with their access rules."""

import io
from datetime import timedelta

from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry, Evaluation, EvaluationFinding
from tests import factories
from tests.evaluations.conftest import TODAY
from tests.evaluations.factories import EvaluationFactory

HTMX = {"HX-Request": "true"}


def form_body(world, **changes) -> dict:
    body = {"unit": world.unit.code, "mission": world.mission.acronym, "instrument": "fc_unit_eval",
            "evaluated_on": (TODAY - timedelta(days=2)).isoformat(), "rating-medical": "2", "rating-training": "",
            "summary": "Night drills", "improvement_plan_required": "1",
            "finding-0-text": "Casualty evacuation drills slow at night", "finding-0-courses": [world.first_aid.code],
            "finding-0-categories": ["medical"],
            "finding-3-text": "Patrols did not report threats", "finding-3-courses": [world.poc.code]}
    return {**body, **changes}


# --- the list -------------------------------------------------------------------------------


def test_the_list_shows_the_countrys_evaluations_and_links_its_feedback_report(login_as, world):
    client = login_as("force_generation", country=world.country)

    page = client.get("/evaluations")

    assert page.status_code == 200
    assert world.unit.code in page.text and f"/countries/{world.country}/feedback" in page.text


def test_the_list_hides_another_countrys_evaluations(login_as, world):
    client = login_as("force_generation", country="XQQ")

    page = client.get("/evaluations")

    assert world.unit.code not in page.text.split('id="evaluation-rows"')[1]


def test_the_list_filters_by_improvement_plan_and_answers_htmx_with_rows(login_as, world):
    client = login_as("mission_planner")

    required = client.get(f"/evaluations?country={world.country}&plan=yes", headers=HTMX)
    not_required = client.get(f"/evaluations?country={world.country}&plan=no", headers=HTMX)

    assert "<html" not in required.text and f"/evaluations/{world.evaluation.id}" in required.text
    assert f"/evaluations/{world.evaluation.id}" not in not_required.text


def test_the_list_is_paged(login_as, world):
    for days in range(30):
        EvaluationFactory(unit_id=world.unit.id, mission_id=world.mission.id,
                          evaluated_on=TODAY - timedelta(days=100 + days))
    client = login_as("mission_planner")

    first = client.get(f"/evaluations?unit={world.unit.code}")
    second = client.get(f"/evaluations?unit={world.unit.code}&page=2")

    assert "Page 1 of 2" in first.text and "Page 2 of 2" in second.text


# --- the form -------------------------------------------------------------------------------


def test_a_planner_records_an_evaluation_with_two_findings(session, login_as, world):
    client = login_as("mission_planner")
    assert client.get("/evaluations/new").status_code == 200

    response = client.post("/evaluations", data=form_body(world), follow_redirects=False)

    assert response.status_code == 303
    evaluation = session.get(Evaluation, int(response.headers["location"].rsplit("/", 1)[1]))
    findings = session.exec(select(EvaluationFinding).where(EvaluationFinding.evaluation_id == evaluation.id)).all()
    assert [finding.text for finding in findings] == ["Casualty evacuation drills slow at night",
                                                      "Patrols did not report threats"]
    assert evaluation.improvement_plan_required
    shown = client.get(response.headers["location"])
    assert "XFAC" in shown.text and "Patrols did not report threats" in shown.text


def test_the_add_another_finding_button_returns_a_row_and_moves_itself_on(login_as, world):
    client = login_as("mission_planner")

    row = client.get("/evaluations/finding-row?index=2", headers=HTMX)

    assert 'name="finding-2-text"' in row.text
    assert 'hx-swap-oob="true"' in row.text and "index=3" in row.text
    assert client.get("/evaluations/finding-row/removed", headers=HTMX).text == ""


def test_an_invalid_form_comes_back_with_its_field_errors(login_as, world):
    client = login_as("mission_planner")
    body = form_body(world, **{"unit": "NO-SUCH-UNIT"})

    response = client.post("/evaluations", data=body)

    assert response.status_code == 422
    assert 'id="error-unit"' in response.text and "NO-SUCH-UNIT" in response.text
    assert "Patrols did not report threats" in response.text  # what was typed is kept


def test_a_rating_out_of_range_an_unknown_course_an_empty_finding_and_a_future_date_are_named(login_as, world):
    client = login_as("mission_planner")

    rating = client.post("/evaluations", data=form_body(world, **{"rating-medical": "7"}))
    course = client.post("/evaluations", data=form_body(world, **{"finding-3-courses": ["NOPE"]}))
    empty = client.post("/evaluations", data=form_body(world, **{"finding-3-text": "", "finding-3-courses": []}))
    future = client.post("/evaluations", data=form_body(world, evaluated_on=(TODAY + timedelta(days=3)).isoformat()))

    assert rating.status_code == 422 and "a rating goes from 1 to 5" in rating.text
    assert 'id="error-finding-1-courses"' in course.text and "NOPE" in course.text
    assert 'id="error-finding-1"' in empty.text
    assert 'id="error-evaluated_on"' in future.text


def test_force_generation_cannot_open_the_form_or_post(login_as, world):
    client = login_as("force_generation", country=world.country)

    assert client.get("/evaluations/new").status_code == 403
    assert client.post("/evaluations", data=form_body(world)).status_code == 403


def test_a_planner_edits_and_deletes_an_evaluation_and_both_are_audited(session, login_as, world):
    client = login_as("mission_planner")
    url = f"/evaluations/{world.evaluation.id}"
    assert client.get(f"{url}/edit").status_code == 200

    edited = client.post(url, data=form_body(world, summary="Rewritten"), follow_redirects=False)
    page = client.get(url)
    deleted = client.post(f"{url}/delete", follow_redirects=False)

    assert edited.status_code == 303 and "Rewritten" in page.text and "hx-confirm" in page.text
    assert deleted.status_code == 303 and client.get(url).status_code == 404
    actions = [entry.action for entry in session.exec(select(AuditEntry).where(AuditEntry.entity == "evaluation"))]
    assert actions == ["update", "delete"]


def test_the_countrys_own_staff_read_an_evaluation_but_cannot_delete_it(login_as, world):
    client = login_as("force_generation", country=world.country)
    url = f"/evaluations/{world.evaluation.id}"

    page = client.get(url)

    assert page.status_code == 200 and "Casualty evacuation slow at night" in page.text and "/delete" not in page.text
    assert client.post(f"{url}/delete").status_code == 403


def test_another_countrys_staff_do_not_find_the_evaluation(login_as, world):
    client = login_as("force_generation", country="XQQ")

    assert client.get(f"/evaluations/{world.evaluation.id}").status_code == 404


# --- the unit page's section ----------------------------------------------------------------


def test_the_unit_section_is_a_fragment_for_htmx_and_a_page_otherwise(login_as, world):
    client = login_as("mission_planner")
    url = f"/units/{world.unit.code}/evaluations"

    fragment, page = client.get(url, headers=HTMX), client.get(url)

    assert fragment.text.lstrip().startswith('<h2 id="unit-evaluations-title">')
    assert "<html" in page.text and 'id="unit-evaluations-title"' in page.text
    assert 'id="recommended-XPOC"' in fragment.text and 'id="recommended-XFAC"' in fragment.text


def test_the_unit_section_names_people_only_for_the_units_own_country(login_as, world):
    url = f"/units/{world.unit.code}/evaluations"
    own = login_as("force_generation", country=world.country).get(url, headers=HTMX)
    planner = login_as("mission_planner").get(url, headers=HTMX)

    assert "Member1" in own.text
    assert "Member1" not in planner.text and "3 people on the roster today lack a valid completion" in planner.text


def test_the_unit_section_lists_upcoming_sessions_with_free_places(login_as, world):
    centre = factories.TrainingCentreFactory(code="XCENTRE", name="Peace centre")
    factories.CourseSessionFactory(course_id=world.poc.id, centre_id=centre.id, seats=12, seats_for_women=4,
                                   start_on=TODAY + timedelta(days=10), end_on=TODAY + timedelta(days=12))

    fragment = login_as("mission_planner").get(f"/units/{world.unit.code}/evaluations", headers=HTMX)

    section = fragment.text.split('id="recommended-XPOC"')[1].split('id="recommended-XFAC"')[0]
    assert "XCENTRE" in section and '<td class="num">12</td><td class="num">4</td>' in section


def test_the_unit_section_refuses_another_countrys_staff(login_as, world):
    client = login_as("force_generation", country="XQQ")

    assert client.get(f"/units/{world.unit.code}/evaluations", headers=HTMX).status_code == 404


# --- the country feedback report ------------------------------------------------------------


def test_the_countrys_partner_reads_the_feedback_report(login_as, world):
    client = login_as("partner", partner_countries=(world.country,))

    page = client.get(f"/countries/{world.country}/feedback")

    assert page.status_code == 200
    assert 'id="feedback-recommended"' in page.text and "Printed by" in page.text
    assert f"/evaluations/{world.evaluation.id}" in page.text.split('id="feedback-plans"')[1]


def test_the_feedback_report_is_refused_to_another_countrys_staff_and_other_partners(login_as, world):
    url = f"/countries/{world.country}/feedback"
    assert login_as("force_generation", country="XQQ").get(url).status_code == 403
    assert login_as("partner", partner_countries=("XQQ",)).get(url).status_code == 403


def test_the_feedback_period_filters_the_evaluations(login_as, world):
    client = login_as("mission_planner")
    start = (TODAY - timedelta(days=10)).isoformat()

    page = client.get(f"/countries/{world.country}/feedback?date_from={start}")

    assert f"/evaluations/{world.evaluation.id}" not in page.text
    assert client.get(f"/countries/{world.country}/feedback?date_from=soon").status_code == 422


def test_the_feedback_report_downloads_as_csv_and_xlsx(login_as, world):
    client = login_as("force_generation", country=world.country)

    csv = client.get(f"/countries/{world.country}/feedback.csv")
    xlsx = client.get(f"/countries/{world.country}/feedback.xlsx")

    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Course,Title,Recommended by,Unit")
    assert any(line.startswith("XPOC,") and f",{world.unit.code},3," in line for line in lines)
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [cell.value for cell in sheet[1]][:2] == ["Course", "Title"]
    assert client.get(f"/countries/{world.country}/feedback.pdf").status_code == 404


def test_the_form_for_a_unit_starts_in_its_target_mission(login_as, world):
    world.unit.target_mission_id = world.mission.id
    client = login_as("mission_planner")

    form = client.get(f"/evaluations/new?unit={world.unit.code}")

    assert f'<option value="{world.mission.acronym}" selected>' in form.text
    assert f'<option value="{world.unit.code}" selected>' in form.text
