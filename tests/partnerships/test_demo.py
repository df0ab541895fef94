"""The demo partnerships: among the seeded partners and demo countries, illustrative, and created once."""

from datetime import date

from sqlmodel import select

from readiness.config import get_settings
from readiness.models import Course, Partnership
from readiness.partnerships import demo, service
from readiness.seeding.reference import load_reference_data

TODAY = date(2026, 11, 29)


def test_the_demo_partnerships_are_created_once_and_marked_illustrative(session):
    load_reference_data(session, get_settings().seed_dir)
    first = demo.seed_demo(session, today=TODAY)
    second = demo.seed_demo(session, today=TODAY)
    assert (first, second) == ({"partnerships": len(demo.DEMO_PARTNERSHIPS)}, {"partnerships": 0})
    stored = session.exec(select(Partnership)).all()
    assert all(p.note.startswith(demo.ILLUSTRATIVE) for p in stored)
    assert {p.long_term for p in stored} == {True, False}


def test_the_demo_partners_offer_their_courses_to_the_demo_countries(session):
    load_reference_data(session, get_settings().seed_dir)
    demo.seed_demo(session, today=TODAY)
    fpu = session.exec(select(Course).where(Course.code == "FPU-PDT")).one()
    offers = service.offering_partners(session, country_code="GHA", course_ids=[fpu.id], categories=["financial"])
    matched = {(o.partner, o.course_id, o.category) for o in offers}
    assert matched == {("GPOI", fpu.id, None), ("CAN", None, "financial")}
