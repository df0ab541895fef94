"""Parity figures: rosters on the day, targets, women among the trained and the ready, targets kept by admins."""

from datetime import date

import pytest
from sqlmodel import select

from readiness.accounts.scope import SYSTEM, Actor
from readiness.config import get_settings
from readiness.errors import Conflict, Forbidden, NotFound
from readiness.models import AuditEntry, Branch, CompletionResult, GenderParityTarget, ParityCategory, Role
from readiness.parity import demo, reference, service
from readiness.parity.schemas import TargetIn
from tests import factories
from tests.parity.factories import GenderParityTargetFactory, roster_people, unit_with

DAY = date(2026, 6, 1)


def partner_of(*countries) -> Actor:
    return Actor(email="p@example.org", role=Role.partner, partner_countries=frozenset(countries))


def test_the_share_counts_only_assignments_open_on_the_day(session):
    GenderParityTargetFactory(year=2021, target_pct=8)
    unit = unit_with(1, 9)
    late = factories.PersonFactory(gender="F", country_code=unit.country_code)
    factories.AssignmentFactory(person_id=late.id, unit_id=unit.id, start_on=date(2026, 7, 1))
    gone = factories.PersonFactory(gender="F", country_code=unit.country_code)
    factories.AssignmentFactory(person_id=gone.id, unit_id=unit.id, start_on=date(2025, 1, 1), end_on=date(2026, 5, 31))

    [share] = service.unit_shares(session, actor=SYSTEM, as_of=DAY)

    assert (share.strength, share.women, share.women_pct) == (10, 1, 10.0)
    assert (share.target_pct, share.colour) == (8, "green")


def test_units_and_countries_are_coloured_against_their_categorys_target(session):
    GenderParityTargetFactory(year=2026, category=ParityCategory.military_contingent, target_pct=10, sourced=False)
    GenderParityTargetFactory(year=2026, category=ParityCategory.formed_police_unit, target_pct=20, sourced=False)
    unit_with(1, 9, country="XPA")  # 10 %: meets 10 %
    unit_with(0, 10, country="XPA")  # none
    unit_with(1, 9, branch=Branch.police, country="XPA")  # 10 %: below 20 %

    units = service.unit_shares(session, actor=SYSTEM, as_of=DAY)
    countries = service.country_shares(units)

    assert sorted(u.colour for u in units) == ["green", "red", "yellow"]
    assert [(c.category, c.strength, c.women, c.colour) for c in countries] == [
        (ParityCategory.formed_police_unit, 10, 1, "yellow"),
        (ParityCategory.military_contingent, 20, 1, "yellow"),
    ]


def test_a_partner_sees_only_the_countries_it_supports(session):
    unit_with(1, 1, country="XPA")
    unit_with(1, 1, country="XPB")

    units = service.unit_shares(session, actor=partner_of("XPA"), as_of=DAY)

    assert [u.country for u in units] == ["XPA"]


def test_women_among_the_trained_count_valid_completions_only(session):
    unit = unit_with(2, 2, country="XPA")
    poc = factories.CourseFactory(code="POC", validity_months=12, assessed=True)
    woman_passed, woman_lapsed, man_failed, man_waived = roster_people(unit)
    for person, completed_on, result in [
        (woman_passed, date(2025, 6, 2), CompletionResult.passed),
        (woman_lapsed, date(2025, 6, 1), CompletionResult.passed),  # lapses on 2026-06-01
        (man_failed, date(2026, 1, 1), CompletionResult.failed),
        (man_waived, date(2026, 1, 1), CompletionResult.waived),
    ]:
        factories.CompletionFactory(person_id=person.id, course_id=poc.id, completed_on=completed_on, result=result,
                                    waiver_reason="qualified" if result == CompletionResult.waived else None)
    factories.CompletionFactory(person_id=man_failed.id, course_id=poc.id, completed_on=date(2026, 2, 1),
                                result=CompletionResult.completed)  # an assessed course needs a pass

    [share] = service.trained_by_course(session, actor=SYSTEM, as_of=DAY)

    assert (share.course, share.people, share.women, share.women_pct) == ("POC", 2, 1, 50.0)


def test_women_among_the_trained_per_category_count_each_person_once(session):
    unit = unit_with(1, 1, country="XPA")
    woman, man = roster_people(unit)
    first, second = (factories.CourseFactory(category="medical") for _ in range(2))
    for course in (first, second):
        factories.CompletionFactory(person_id=woman.id, course_id=course.id, completed_on=date(2026, 1, 1))
    factories.CompletionFactory(person_id=man.id, course_id=first.id, completed_on=date(2026, 7, 1))  # after the day

    [category] = service.trained_by_category(session, actor=SYSTEM, as_of=DAY)

    assert (category.course_category, category.people, category.women, category.women_pct) == ("medical", 1, 1, 100.0)


def test_the_trained_of_countries_a_partner_does_not_support_are_left_out(session):
    course = factories.CourseFactory()
    for country in ("XPA", "XPB"):
        [woman] = roster_people(unit_with(1, 0, country=country))
        factories.CompletionFactory(person_id=woman.id, course_id=course.id)

    [share] = service.trained_by_course(session, actor=partner_of("XPA"), as_of=DAY)

    assert share.people == 1


def _required_unit(women: int, men: int, *, trained: bool, deploys_on: date):
    mission, unit_type = factories.MissionFactory(), factories.UnitTypeFactory()
    course = factories.CourseFactory()
    requirement = factories.RequirementFactory(mission_id=mission.id, unit_type_id=unit_type.id)
    factories.RequirementLineFactory(requirement_id=requirement.id, course_id=course.id, min_pct=100)
    unit = unit_with(women, men, country="XPA", unit_type_id=unit_type.id, target_mission_id=mission.id,
                     planned_deployment=deploys_on)
    if trained:
        for person in roster_people(unit):
            factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2026, 1, 1))
    return unit, course


def test_those_ready_to_deploy_are_the_rosters_of_ready_units(session):
    _required_unit(2, 3, trained=True, deploys_on=date(2026, 9, 1))
    _required_unit(5, 0, trained=False, deploys_on=date(2026, 9, 1))

    [ready] = service.ready_to_deploy(session, actor=SYSTEM, today=DAY)

    assert (ready.country, ready.units, ready.people, ready.women, ready.women_pct) == ("XPA", 1, 5, 2, 40.0)


def test_those_ready_to_deploy_are_counted_on_the_roster_of_the_deployment_date(session):
    unit, course = _required_unit(0, 2, trained=True, deploys_on=date(2026, 9, 1))
    joiner = factories.PersonFactory(gender="F", country_code="XPA")
    factories.AssignmentFactory(person_id=joiner.id, unit_id=unit.id, start_on=date(2026, 8, 1))
    factories.CompletionFactory(person_id=joiner.id, course_id=course.id, completed_on=date(2026, 7, 1))

    [ready] = service.ready_to_deploy(session, actor=SYSTEM, today=DAY)

    assert (ready.people, ready.women) == (3, 1)


def test_a_units_parity_lists_women_among_the_trained_per_required_course(session):
    GenderParityTargetFactory(year=2021, target_pct=8)
    unit, course = _required_unit(1, 3, trained=False, deploys_on=date(2026, 9, 1))
    woman, man, *_ = roster_people(unit)
    for person in (woman, man):
        factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2026, 1, 1))

    parity = service.unit_parity(session, actor=SYSTEM, code=unit.code, as_of=DAY)

    assert (parity.women_pct, parity.colour, parity.target.target_year, parity.target.fallback) == (25.0, "green", 2021, True)
    assert [(t.course, t.people, t.women, t.women_pct) for t in parity.trained] == [(course.code, 2, 1, 50.0)]


def test_another_countrys_unit_is_not_found(session):
    unit = unit_with(1, 1, country="XPB")

    with pytest.raises(NotFound):
        service.unit_parity(session, actor=partner_of("XPA"), code=unit.code, as_of=DAY)


def test_sessions_show_places_held_for_women_and_women_among_past_completions(session):
    centre = factories.TrainingCentreFactory()
    upcoming = factories.CourseSessionFactory(centre_id=centre.id, start_on=date(2026, 7, 1), end_on=date(2026, 7, 5),
                                              seats=10, seats_for_women=4)
    factories.SessionPlaceFactory(session_id=upcoming.id, person_id=factories.PersonFactory(gender="F").id)
    past = factories.CourseSessionFactory(centre_id=centre.id, start_on=date(2026, 3, 2), end_on=date(2026, 3, 6))
    for gender in ("F", "M", "M", "M"):
        factories.CompletionFactory(person_id=factories.PersonFactory(gender=gender).id, course_id=past.course_id,
                                    completed_on=date(2026, 3, 6), session_id=past.id)

    [places] = service.upcoming_places(session, actor=SYSTEM, as_of=DAY)
    [held] = service.past_sessions(session, actor=SYSTEM, as_of=DAY)

    assert (places.seats_for_women, places.booked_women) == (4, 1)
    assert (held.people, held.women, held.women_pct) == (4, 1, 25.0)


def test_an_admin_sets_an_illustrative_target_and_it_is_audited(session):
    service.save_target(session, actor=SYSTEM, fields=TargetIn(year=2026, category="formed_police_unit", target_pct=17))
    saved = service.save_target(session, actor=SYSTEM,
                                fields=TargetIn(year=2026, category="formed_police_unit", target_pct=18, source="plan"))

    assert (saved.target_pct, saved.sourced, saved.source) == (18, False, "plan")
    actions = session.exec(select(AuditEntry.action).where(AuditEntry.entity == "gender_parity_target")).all()
    assert sorted(actions) == ["create", "update"]


def test_a_sourced_target_is_locked(session):
    GenderParityTargetFactory(year=2028, target_pct=15)

    with pytest.raises(Conflict):
        service.save_target(session, actor=SYSTEM, fields=TargetIn(year=2028, category="military_contingent",
                                                                    target_pct=10))


def test_only_admins_set_targets(session):
    planner = Actor(email="planner@example.org", role=Role.mission_planner)

    with pytest.raises(Forbidden):
        service.save_target(session, actor=planner, fields=TargetIn(year=2026, category="individual_police",
                                                                    target_pct=30))


def test_the_targets_table_shows_the_carried_forward_target_for_this_year(session):
    GenderParityTargetFactory(year=2021, target_pct=8)

    table = service.targets_table(session, this_year=2026)

    assert table.years == [2021, 2026]
    cell = table.rows[2026][ParityCategory.military_contingent]
    assert cell.stored is None and (cell.applied.target_pct, cell.applied.target_year) == (8, 2021)
    assert table.rows[2026][ParityCategory.formed_police_unit].applied is None


def test_the_reference_file_holds_only_the_sourced_figures_and_loads_once(session):
    assert reference.load(session, get_settings().seed_dir) == 6
    assert reference.load(session, get_settings().seed_dir) == 0

    targets = {(t.year, t.category.value): (t.target_pct, t.sourced) for t in session.exec(select(GenderParityTarget))}
    assert targets == {
        (2021, "military_contingent"): (8, True), (2021, "staff_officer_observer"): (18, True),
        (2028, "military_contingent"): (15, True), (2028, "staff_officer_observer"): (25, True),
        (2028, "formed_police_unit"): (20, True), (2028, "individual_police"): (30, True),
    }


def test_the_demo_adds_illustrative_years_once(session):
    reference.load(session, get_settings().seed_dir)

    assert demo.seed_demo(session, today=DAY) == {"parity_targets": 12}
    assert demo.seed_demo(session, today=DAY) == {"parity_targets": 0}
    illustrative = session.get(GenderParityTarget, (2026, "military_contingent"))
    assert (illustrative.target_pct, illustrative.sourced) == (13, False)
    assert "Illustrative" in illustrative.source
