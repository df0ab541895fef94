"""Declaring and withdrawing course equivalences: UN side only, audited, effective at once."""

from datetime import date

import pytest
from sqlmodel import select

from readiness.accounts.scope import SYSTEM, Actor
from readiness.errors import Conflict, Forbidden, NotFound
from readiness.models import AuditEntry, Role
from readiness.readiness.equivalences import declare_equivalence, remove_equivalence
from tests.factories import CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, report, requirement_for

PLANNER = Actor(email="planner@un.org", role=Role.mission_planner)


def test_a_declared_equivalence_counts_in_the_next_report(session):
    unit, standard, national = UnitFactory(), CourseFactory(), CourseFactory()
    complete(enlist(unit), national, date(2025, 6, 1))
    requirement = requirement_for(unit, (standard, 100))
    declare_equivalence(session, actor=PLANNER, course_code=national.code, counts_as_code=standard.code)
    assert report(session, unit, requirement, date(2026, 1, 1)).lines[0].trained == 1


def test_it_records_who_declared_and_withdrew_an_equivalence(session):
    standard, national = CourseFactory(), CourseFactory()
    declare_equivalence(session, actor=PLANNER, course_code=national.code, counts_as_code=standard.code)
    remove_equivalence(session, actor=PLANNER, course_code=national.code, counts_as_code=standard.code)
    entries = session.exec(
        select(AuditEntry).where(AuditEntry.entity == "course_equivalence").order_by(AuditEntry.id)
    ).all()
    assert [(e.action, e.actor) for e in entries] == [("create", PLANNER.email), ("delete", PLANNER.email)]
    assert entries[0].after["counts_as_id"] == standard.id


def test_it_refuses_a_force_generation_office(session):
    standard, national = CourseFactory(), CourseFactory()
    office = Actor(email="fg@example.org", role=Role.force_generation, country_code="XAA")
    with pytest.raises(Forbidden):
        declare_equivalence(session, actor=office, course_code=national.code, counts_as_code=standard.code)


def test_it_refuses_a_duplicate_and_an_unknown_course(session):
    standard, national = CourseFactory(), CourseFactory()
    declare_equivalence(session, actor=SYSTEM, course_code=national.code, counts_as_code=standard.code)
    with pytest.raises(Conflict):
        declare_equivalence(session, actor=SYSTEM, course_code=national.code, counts_as_code=standard.code)
    with pytest.raises(NotFound):
        declare_equivalence(session, actor=SYSTEM, course_code="NOPE", counts_as_code=standard.code)


def test_a_mission_planner_declares_and_withdraws_through_the_api(api_client_for):
    standard, national = CourseFactory(), CourseFactory()
    planner = api_client_for("mission_planner")
    created = planner.post(f"/api/v1/courses/{national.code}/equivalences",
                           json={"counts_as": standard.code, "note": "reviewed"})
    assert created.status_code == 201
    assert created.json() == {"course": national.code, "counts_as": standard.code, "note": "reviewed"}
    assert planner.delete(f"/api/v1/courses/{national.code}/equivalences/{standard.code}").status_code == 204
    assert planner.delete(f"/api/v1/courses/{national.code}/equivalences/{standard.code}").status_code == 404


def test_a_training_centre_may_not_declare_through_the_api(api_client_for):
    standard, national = CourseFactory(), CourseFactory()
    centre = api_client_for("training_centre")
    response = centre.post(f"/api/v1/courses/{national.code}/equivalences", json={"counts_as": standard.code})
    assert response.status_code == 403
