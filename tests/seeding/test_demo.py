"""Demo data: deterministic, varied, and safe to load twice."""

from collections import Counter
from datetime import date

from sqlalchemy import func
from sqlmodel import select

from readiness.config import get_settings
from readiness.models import Assignment, Completion, Person, Unit
from readiness.seeding.demo import load_demo_data
from readiness.seeding.reference import load_reference_data

DAY = date(2026, 11, 1)


def _seeded(session, seed=2021):
    load_reference_data(session, get_settings().seed_dir)
    return load_demo_data(session, seed=seed, today=DAY)


def test_it_creates_about_thirty_units_and_three_thousand_people(session):
    counts = _seeded(session)
    assert counts["units"] == 30
    assert 2500 <= counts["people"] <= 3500
    countries = set(session.exec(select(Unit.country_code)).all())
    assert len(countries) == 8


def test_every_person_is_on_exactly_one_roster(session):
    _seeded(session)
    people = session.exec(select(func.count(Person.id))).one()
    open_assignments = session.exec(
        select(func.count(Assignment.id)).where(Assignment.end_on.is_(None))
    ).one()
    assert people == open_assignments


def test_the_womens_share_of_each_unit_stays_between_three_and_twenty_five_percent(session):
    _seeded(session)
    rows = session.exec(
        select(Assignment.unit_id, Person.gender).join(Person, Person.id == Assignment.person_id)
    ).all()
    by_unit: dict[int, Counter] = {}
    for unit_id, gender in rows:
        by_unit.setdefault(unit_id, Counter())[gender] += 1
    shares = [100 * c["F"] / (c["F"] + c["M"]) for c in by_unit.values() if c["F"] + c["M"] >= 50]
    assert shares and min(shares) >= 1 and max(shares) <= 35
    assert 3 <= 100 * sum(c["F"] for c in by_unit.values()) / sum(sum(c.values()) for c in by_unit.values()) <= 25


def test_it_records_every_kind_of_result(session):
    _seeded(session)
    results = set(session.exec(select(Completion.result)).all())
    assert results == {"passed", "failed", "completed", "waived"}


def test_the_same_seed_gives_the_same_data(session):
    _seeded(session, seed=7)
    first = session.exec(select(Person.service_number, Person.family_name, Person.gender, Person.role)
                         .order_by(Person.service_number)).all()
    completions = session.exec(select(func.count(Completion.id))).one()
    session.rollback()
    _seeded(session, seed=7)
    again = session.exec(select(Person.service_number, Person.family_name, Person.gender, Person.role)
                         .order_by(Person.service_number)).all()
    assert first == again
    assert session.exec(select(func.count(Completion.id))).one() == completions


def test_a_second_run_creates_nothing(session):
    _seeded(session)
    again = load_demo_data(session, seed=2021, today=DAY)
    assert {"units", "people", "assignments", "completions", "users", "evaluations"} <= again.keys()
    assert {name: count for name, count in again.items() if count} == {}


def test_readiness_varies_from_unit_to_unit(session):
    import sqlalchemy as sa

    from readiness.accounts.scope import SYSTEM
    from readiness.readiness.service import target_readiness

    _seeded(session)
    results = target_readiness(session, actor=SYSTEM, unit_ids=sa.select(Unit.id))
    statuses = Counter(str(result.status) for result in results.values())
    assert statuses["ready"] >= 3 and statuses["partial"] >= 3 and statuses["not_ready"] >= 3
