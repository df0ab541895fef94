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
