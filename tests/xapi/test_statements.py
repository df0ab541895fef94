"""xAPI statements become completions: mapped by identity link and activity id, all-or-nothing, once."""

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, Invalid
from readiness.models import AuditEntry, Completion, Role
from readiness.xapi.service import record_statements
from tests import factories

ACTIVITY = "https://lms.example.org/course/view.php?id=42"
HOME_PAGE = "https://lms.example.org"


@pytest.fixture
def country(session):
    return factories.CountryFactory()


@pytest.fixture
def centre_actor(country):
    centre = factories.TrainingCentreFactory(country_code=country.code)
    return Actor(email="centre@example.org", role=Role.training_centre, country_code=country.code, centre_id=centre.id)


@pytest.fixture
def person(country):
    person = factories.PersonFactory(country_code=country.code)
    factories.IdentityLinkFactory(actor_key="mbox:mailto:ama@example.org", person_id=person.id)
    factories.IdentityLinkFactory(actor_key=f"account:{HOME_PAGE}|ama.mensah", person_id=person.id)
    return person


@pytest.fixture
def course(session):
    return factories.CourseFactory(xapi_activity_id=ACTIVITY)


def statement(verb="passed", *, statement_id="6690e6c9-3ef0-4ed3-8b37-7f3964730bee", actor=None, result=None,
              activity=ACTIVITY, timestamp="2026-03-05T10:00:00Z"):
    """An xAPI 1.0.3 statement; `verb` is an ADL verb name or a full verb IRI."""
    verb_id = verb if verb.startswith("http") else f"http://adlnet.gov/expapi/verbs/{verb}"
    body = {"id": statement_id, "actor": actor or {"mbox": "mailto:Ama@Example.org"}, "verb": {"id": verb_id},
            "object": {"id": activity, "objectType": "Activity"}, "timestamp": timestamp}
    if result is not None:
        body["result"] = result
    return body


def stored(session, person):
    return session.exec(select(Completion).where(Completion.person_id == person.id)).all()


@pytest.mark.parametrize("verb, result", [("passed", "passed"), ("failed", "failed"), ("completed", "completed")])
def test_an_adl_verb_maps_to_its_result(session, centre_actor, person, course, verb, result):
    record_statements(session, actor=centre_actor, statements=[statement(verb)])

    [completion] = stored(session, person)
    assert (completion.result, completion.course_id, str(completion.completed_on)) == (result, course.id, "2026-03-05")


def test_a_cmi5_waived_statement_is_a_waiver_with_its_reason(session, centre_actor, person, course):
    reason = {"extensions": {"https://w3id.org/xapi/cmi5/result/extensions/reason": "Tested Out"}}

    record_statements(session, actor=centre_actor,
                      statements=[statement("https://w3id.org/xapi/adl/verbs/waived", result=reason)])

    [completion] = stored(session, person)
    assert (completion.result, completion.waiver_reason) == ("waived", "Tested Out")


def test_success_and_scaled_score_decide_a_completed_statement(session, centre_actor, person, course):
    record_statements(session, actor=centre_actor, statements=[
        statement("completed", result={"success": False, "score": {"scaled": 0.42}})])

    [completion] = stored(session, person)
    assert (completion.result, completion.score) == ("failed", 42)


def test_a_moodle_completed_statement_without_result_counts_as_completed(session, centre_actor, person, course):
    moodle_actor = {"objectType": "Agent", "name": "Ama Mensah", "account": {"homePage": HOME_PAGE + "/", "name": "ama.mensah"}}

    answer = record_statements(session, actor=centre_actor, statements=[statement("completed", actor=moodle_actor)])

    [completion] = stored(session, person)
    assert (completion.result, completion.source, completion.source_ref) == ("completed", "xapi", answer.ids[0])


def test_a_statement_sent_again_is_stored_once(session, centre_actor, person, course):
    record_statements(session, actor=centre_actor, statements=[statement()])

    again = record_statements(session, actor=centre_actor, statements=[statement()])

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert len(stored(session, person)) == 1


def test_an_unmappable_statement_rejects_the_whole_batch_naming_it(session, centre_actor, person, course):
    unknown = statement(statement_id="11111111-0000-4000-8000-000000000000", actor={"mbox": "mailto:nobody@example.org"})

    with pytest.raises(Invalid) as refused:
        record_statements(session, actor=centre_actor, statements=[statement(), unknown])

    assert [detail["statement"] for detail in refused.value.details] == [unknown["id"]]
    assert stored(session, person) == []


def test_an_unknown_activity_and_an_unknown_verb_are_named(session, centre_actor, person, course):
    with pytest.raises(Invalid) as refused:
        record_statements(session, actor=centre_actor, statements=[
            statement(statement_id="a", activity="https://elsewhere.example.org/x"),
            statement("http://adlnet.gov/expapi/verbs/experienced", statement_id="b")])

    assert [detail["statement"] for detail in refused.value.details] == ["b", "a"]


def test_another_countrys_person_is_refused(session, person, course):
    other = factories.CountryFactory()
    outsider = Actor(email="other@example.org", role=Role.training_centre, country_code=other.code)

    with pytest.raises(Forbidden):
        record_statements(session, actor=outsider, statements=[statement()])

    assert stored(session, person) == []


def test_a_later_bare_completed_does_not_undo_a_pass_on_the_same_day(session, centre_actor, person, course):
    record_statements(session, actor=centre_actor, statements=[
        statement("passed", statement_id="p"), statement("completed", statement_id="c")])

    [completion] = stored(session, person)
    assert completion.result == "passed"


def test_an_accepted_batch_is_one_audit_entry(session, centre_actor, person, course):
    record_statements(session, actor=centre_actor, statements=[statement(statement_id="x1")])

    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "xapi_statements")).all()
    assert [(entry.action, entry.after["created"]) for entry in entries] == [("import", 1)]


def test_the_api_accepts_one_statement_and_answers_with_its_id(session, api_client_for, country):
    client = api_client_for("training_centre", country=country.code)
    person = factories.PersonFactory(country_code=country.code)
    factories.IdentityLinkFactory(actor_key="mbox:mailto:kofi@example.org", person_id=person.id)
    factories.CourseFactory(xapi_activity_id=ACTIVITY)

    response = client.post("/api/v1/xapi/statements", json=statement(actor={"mbox": "mailto:kofi@example.org"}))

    assert response.status_code == 200
    assert response.json()["ids"] == ["6690e6c9-3ef0-4ed3-8b37-7f3964730bee"]


def test_the_api_answers_422_with_every_refused_statement(api_client_for, country):
    client = api_client_for("training_centre", country=country.code)

    response = client.post("/api/v1/xapi/statements", json=[statement(statement_id="s1"), {"id": "s2"}])

    assert response.status_code == 422
    assert {error["statement"] for error in response.json()["errors"]} == {"s1", "s2"}


def test_the_api_refuses_a_statement_about_another_countrys_person(api_client_for, person, course):
    client = api_client_for("training_centre", country="XZZ")

    assert client.post("/api/v1/xapi/statements", json=statement()).status_code == 403


def test_a_browser_session_must_send_the_csrf_token(login_as, person, course, country):
    client = login_as("training_centre", country=country.code, csrf=False)

    assert client.post("/api/v1/xapi/statements", json=statement()).status_code == 403
