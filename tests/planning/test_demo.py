"""The demo's upcoming sessions: one Ghanaian unit gets every course line in time, another cannot."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from readiness.accounts.scope import SYSTEM
from readiness.config import get_settings
from readiness.models import CourseSession
from readiness.planning import demo, service
from readiness.seeding.demo import load_demo_data
from readiness.seeding.reference import load_reference_data

DAY = date(2026, 11, 30)


@pytest.fixture
def demo_data(session):
    load_reference_data(session, get_settings().seed_dir)
    return load_demo_data(session, seed=2021, today=DAY)


def test_the_sessions_are_upcoming_some_hold_places_for_women_and_a_second_run_adds_none(session, demo_data):
    sessions = session.exec(select(CourseSession)).all()

    assert len(sessions) >= demo_data["course_sessions"] > 40
    assert all(DAY + timedelta(days=55) <= s.start_on and s.end_on <= DAY + timedelta(days=290) for s in sessions)
    assert any(s.seats_for_women for s in sessions) and any(not s.seats_for_women for s in sessions)
    assert demo.seed_demo(session, today=DAY + timedelta(days=3)) == {"course_sessions": 0}


def test_one_ghanaian_unit_gets_every_course_line_in_time_and_no_plan_can_make_the_other_ready(session, demo_data):
    platoon = service.unit_plan(session, actor=SYSTEM, unit_code="GHA-EP-04", today=DAY)
    plan = service.unit_plan(session, actor=SYSTEM, unit_code="GHA-FPU-02", today=DAY)
    roe = next(line for line in plan.lines if line.course == "ROE-MISSION")

    assert all(line.reached for line in platoon.lines if line.eligible) and platoon.proposed()
    assert not platoon.ready and "training cannot close this" in platoon.verdict
    assert not roe.reached and roe.free_places < roe.shortfall
    assert plan.verdict.startswith(f"No plan can make the unit ready by {plan.deploy_on.isoformat()}: ")
    assert f"more people trained in ROE-MISSION before {plan.deploy_on.isoformat()}" in plan.verdict
