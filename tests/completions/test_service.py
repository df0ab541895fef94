"""Logging, correcting and deleting one completion: the rules, the scope and the audit trail."""

from datetime import date

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.completions import service
from readiness.completions.entry import read_entry
from readiness.completions.schemas import CompletionEntry
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import AuditEntry, Completion, Role
from tests import factories
from tests.completions.conftest import form


@pytest.fixture
def actor(country):
    centre = factories.TrainingCentreFactory(country_code=country.code)
    return Actor(email="centre@example.org", role=Role.training_centre, country_code=country.code, centre_id=centre.id)


def entry(course, **changes) -> CompletionEntry:
    values = {"service_number": "GH-1001", "course_id": course.id, "completed_on": date(2026, 3, 5), "result": "passed"}
    return CompletionEntry(**{**values, **changes})


def test_the_form_reads_a_waiver_without_reason_as_an_error(course):
    _entry, errors = read_entry(form(course, result="waived"))

    assert "waiver_reason" in errors


def test_the_form_refuses_a_score_outside_0_to_100_and_a_bad_date(course):
    _entry, errors = read_entry(form(course, score="120", completed_on="2026-13-01"))

    assert set(errors) == {"score", "completed_on"}


def test_a_centre_logs_a_completion_with_its_centre_and_an_audit_entry(session, actor, person, course):
    completion = service.create_completion(session, actor=actor, entry=entry(course, score=87.5))

    assert (completion.person_id, completion.centre_id, completion.source, completion.score) == (
        person.id, actor.centre_id, "form", 87.5)
    audit = session.exec(select(AuditEntry).where(AuditEntry.entity == "completion")).one()
    assert (audit.action, audit.after["score"]) == ("create", 87.5)


def test_it_refuses_a_service_number_not_on_the_countrys_roster(session, actor, person, course):
    with pytest.raises(Invalid) as refused:
        service.create_completion(session, actor=actor, entry=entry(course, service_number="NOPE"))

    assert refused.value.details[0]["field"] == "service_number"


def test_it_refuses_a_second_completion_of_the_same_course_on_the_same_day(session, actor, person, course):
    service.create_completion(session, actor=actor, entry=entry(course))

    with pytest.raises(Invalid) as refused:
        service.create_completion(session, actor=actor, entry=entry(course, result="failed"))

    assert refused.value.details[0]["field"] == "completed_on"


def test_a_session_of_another_course_is_refused(session, actor, person, course):
    other_course_session = factories.CourseSessionFactory(centre_id=actor.centre_id)

    with pytest.raises(Invalid):
        service.create_completion(session, actor=actor, entry=entry(course, session_id=other_course_session.id))


def test_a_completion_tied_to_a_session_takes_the_sessions_centre(session, actor, person, course):
    course_session = factories.CourseSessionFactory(course_id=course.id, centre_id=actor.centre_id)

    completion = service.create_completion(session, actor=actor, entry=entry(course, session_id=course_session.id))

    assert (completion.session_id, completion.centre_id) == (course_session.id, actor.centre_id)


def test_force_generation_may_not_log_completions(session, person, course, country):
    force_generation = Actor(email="fg@example.org", role=Role.force_generation, country_code=country.code)

    with pytest.raises(Forbidden):
        service.create_completion(session, actor=force_generation, entry=entry(course))


def test_an_edit_is_audited_with_the_values_before_and_after(session, actor, person, course):
    completion = service.create_completion(session, actor=actor, entry=entry(course))

    service.update_completion(session, actor=actor, completion_id=completion.id, entry=entry(course, result="failed"))

    audit = session.exec(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert (audit.before["result"], audit.after["result"]) == ("passed", "failed")
    assert "person_id" not in audit.after  # only what changed


def test_a_delete_is_audited_with_the_deleted_values(session, actor, person, course):
    completion = service.create_completion(session, actor=actor, entry=entry(course))

    service.delete_completion(session, actor=actor, completion_id=completion.id)

    assert session.get(Completion, completion.id) is None
    audit = session.exec(select(AuditEntry).where(AuditEntry.action == "delete")).one()
    assert audit.before["person_id"] == person.id


def test_another_countrys_completion_is_not_found(session, actor, course):
    outsider = factories.CompletionFactory(course_id=course.id)

    with pytest.raises(NotFound):
        service.delete_completion(session, actor=actor, completion_id=outsider.id)


def test_the_recent_list_is_the_centres_newest_first(session, actor, person, course):
    first = service.create_completion(session, actor=actor, entry=entry(course, completed_on=date(2026, 1, 1)))
    second = service.create_completion(session, actor=actor, entry=entry(course, completed_on=date(2026, 2, 1)))
    factories.CompletionFactory(course_id=course.id)  # another centre's

    assert [row.id for row in service.recent_completions(session, actor=actor)] == [second.id, first.id]
