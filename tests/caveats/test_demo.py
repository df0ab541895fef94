"""Demo caveats and PCRS dates: one unit red, consistent dates, deterministic and idempotent."""

from datetime import date

from sqlmodel import select

from readiness.caveats import demo as caveats_demo
from readiness.caveats.rules import flagged_unit_codes
from readiness.config import get_settings
from readiness.models import Caveat, Unit
from readiness.pcrs import demo as pcrs_demo
from readiness.pcrs.service import dates_of
from readiness.pcrs.rules import warnings
from readiness.seeding.demo import load_demo_data
from readiness.seeding.reference import load_reference_data

DAY = date(2026, 11, 1)


def seeded(session):
    load_reference_data(session, get_settings().seed_dir)
    return load_demo_data(session, seed=2021, today=DAY)


def test_the_demo_flags_one_unit_red_and_dates_two_units_against_the_rules(session):
    counts = seeded(session)
    assert counts["caveats"] == len(caveats_demo.DEMO_CAVEATS)
    assert flagged_unit_codes(session, None, DAY) == {caveats_demo.FLAGGED_UNIT}
    in_mou = session.exec(select(Caveat).where(Caveat.recorded_in == "mou")).all()
    assert len(in_mou) >= 2 and all(c.declared and c.accepted_by_un for c in in_mou)
    # Seeding is slow: the same run also shows the PCRS dates agree with the levels, but for two examples.
    warned = {}
    for unit in session.exec(select(Unit)).all():
        codes = {w.code for w in warnings(dates_of(unit), DAY)} - {"not_selectable"}
        if codes:
            warned[unit.code] = codes
    assert warned == {pcrs_demo.OLD_AAV_UNIT: {"aav_expired"}, pcrs_demo.OVERDUE_SELF_CERT_UNIT: {"self_cert_overdue"}}


def test_a_second_run_adds_no_caveat_and_changes_no_date(session):
    seeded(session)
    before = session.exec(select(Unit.code, Unit.last_aav_on, Unit.l3_since).order_by(Unit.code)).all()
    assert caveats_demo.seed_demo(session, today=DAY) == {}
    assert pcrs_demo.seed_demo(session, today=DAY) == {}
    assert session.exec(select(Unit.code, Unit.last_aav_on, Unit.l3_since).order_by(Unit.code)).all() == before
