"""The demo pledges: at the three ministerials, illustrative, some with demo units, created once."""

from datetime import date

from sqlmodel import select

from readiness.config import get_settings
from readiness.models import MinisterialPledge, PledgeProgressNote
from readiness.pledges import demo
from readiness.seeding.reference import load_reference_data
from tests import factories

TODAY = date(2026, 11, 29)


def test_the_demo_pledges_and_notes_are_created_once_and_marked_illustrative(session):
    load_reference_data(session, get_settings().seed_dir)
    unit = factories.UnitFactory(code="GHA-L2H-03", country_code="GHA")
    first = demo.seed_demo(session, today=TODAY)
    second = demo.seed_demo(session, today=TODAY)
    notes = sum(len(p.notes) for p in demo.DEMO_PLEDGES)
    assert first == {"pledges": len(demo.DEMO_PLEDGES), "pledge_notes": notes}
    assert second == {"pledges": 0, "pledge_notes": 0}
    pledges = session.exec(select(MinisterialPledge)).all()
    assert all(p.detail.endswith(demo.MARK) for p in pledges)
    assert all(n.text.endswith(demo.MARK) for n in session.exec(select(PledgeProgressNote)).all())
    linked = [p for p in pledges if p.unit_id is not None]
    assert [p.unit_id for p in linked] == [unit.id]  # the other demo units do not exist in this test
    assert len({p.event_id for p in pledges}) == 3


def test_notes_dated_after_today_wait_for_their_day(session):
    load_reference_data(session, get_settings().seed_dir)
    counts = demo.seed_demo(session, today=date(2023, 1, 1))
    assert counts["pledge_notes"] == sum(1 for p in demo.DEMO_PLEDGES for day, _ in p.notes if day <= date(2023, 1, 1))
