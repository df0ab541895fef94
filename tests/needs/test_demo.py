"""The demo needs: illustrative, deterministic, created once; derived needs come from the demo units."""

from datetime import date

from sqlmodel import select

from readiness.accounts.scope import SYSTEM
from readiness.config import get_settings
from readiness.models import CapacityNeed, NeedStatus
from readiness.needs import demo, service
from readiness.seeding.demo import load_demo_data
from readiness.seeding.reference import load_reference_data

TODAY = date(2026, 11, 29)


def test_the_demo_needs_are_created_once_and_marked_illustrative(session):
    load_reference_data(session, get_settings().seed_dir)

    first = demo.seed_demo(session, today=TODAY)
    second = demo.seed_demo(session, today=TODAY)

    assert (first, second) == ({"needs": len(demo.DEMO_NEEDS)}, {"needs": 0})
    stored = session.exec(select(CapacityNeed)).all()
    assert all(need.note.startswith(demo.ILLUSTRATIVE) for need in stored)
    assert {need.country_code for need in stored} == {"GHA", "RWA", "NPL", "BGD"}
    assert {need.status for need in stored} == {NeedStatus.open, NeedStatus.met}
    assert all(need.needed_by is None or need.needed_by > TODAY for need in stored)


def test_the_demo_shows_derived_needs_matched_with_the_demo_sessions(session):
    load_reference_data(session, get_settings().seed_dir)
    load_demo_data(session, seed=2021, today=TODAY)

    matching = service.country_matching(session, actor=SYSTEM, country="GHA", today=TODAY)

    assert {need.course for need in matching.stated if need.course} == {"UAS-OPS"}
    assert matching.derived, "the demo's pledged Ghanaian units fall short of some course"
    assert any(need.sessions for need in matching.derived)
    assert all(need.needed_by > TODAY for need in matching.derived)
