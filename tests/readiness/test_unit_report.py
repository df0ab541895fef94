"""A unit's readiness against a requirement, rule by rule (docs/readiness-rules.md)."""

from datetime import date

import pytest

from readiness.accounts.scope import SYSTEM, Actor
from readiness.errors import NotFound
from readiness.models import CompletionResult, Gender, Role
from readiness.readiness import service
from tests.factories import AssignmentFactory, CourseEquivalenceFactory, CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, report, requirement_for

D = date(2026, 3, 1)


@pytest.fixture
def unit():
    return UnitFactory()


@pytest.fixture
def course():
    return CourseFactory()


def only_line(result):
    (line,) = [line for line in result.lines if line.kind == "course"]
    return line


def test_it_counts_people_whose_assignment_is_open_on_the_date(session, unit, course):
    enlist(unit, start_on=date(2026, 3, 1))
    enlist(unit, start_on=date(2025, 1, 1), end_on=date(2026, 3, 1))
    enlist(unit, start_on=date(2026, 3, 2))
    enlist(unit, start_on=date(2025, 1, 1), end_on=date(2026, 2, 28))
    result = report(session, unit, requirement_for(unit, (course, 100)), D)
    assert result.strength == 2
    assert only_line(result).eligible == 2


def test_it_follows_a_person_who_changed_units(session, unit, course):
    other = UnitFactory(unit_type_id=unit.unit_type_id)
    person = enlist(other, start_on=date(2025, 1, 1), end_on=date(2025, 12, 31))
    AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=date(2026, 1, 1))
    complete(person, course, date(2025, 6, 1))
    requirement = requirement_for(unit, (course, 100))
    assert only_line(report(session, unit, requirement, D)).trained == 1
    assert report(session, other, requirement, D).strength == 0


def test_a_person_with_two_open_assignments_to_the_unit_counts_once(session, unit, course):
    # Overlapping records (a correction entered before the old one was closed) both open on D.
    person = enlist(unit, gender=Gender.F, start_on=date(2025, 1, 1), end_on=date(2026, 12, 31))
    AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=date(2026, 1, 1))
    complete(person, course, date(2025, 6, 1))
    untrained = enlist(unit)
    result = report(session, unit, requirement_for(unit, (course, 100), min_women_pct=10), D)
    assert (result.strength, result.women) == (2, 1)
    assert (only_line(result).eligible, only_line(result).trained) == (2, 1)
    mission = service.mission_view(session, actor=SYSTEM, requirement_code=result.requirement, as_of=D)
    (row,) = [row for row in mission.units if row.unit == unit.code]
    assert (row.strength, only_line(row).eligible, only_line(row).trained) == (2, 2, 1)
    gaps = service.unit_gaps(session, actor=SYSTEM, unit_code=unit.code, requirement_code=result.requirement, as_of=D)
    assert [gap.person_id for gap in gaps.gaps] == [untrained.id]


def test_it_counts_a_pass_as_trained(session, unit, course):
    complete(enlist(unit), course, date(2025, 6, 1))
    line = only_line(report(session, unit, requirement_for(unit, (course, 100)), D))
    assert (line.trained, line.coverage_pct, line.met, line.shortfall) == (1, 100.0, True, 0)


def test_it_never_counts_a_failure(session, unit, course):
    complete(enlist(unit), course, date(2025, 6, 1), CompletionResult.failed)
    assert only_line(report(session, unit, requirement_for(unit, (course, 100)), D)).trained == 0


def test_it_counts_a_pass_after_a_failure(session, unit, course):
    person = enlist(unit)
    complete(person, course, date(2025, 6, 1), CompletionResult.failed)
    complete(person, course, date(2025, 7, 1), CompletionResult.passed)
    assert only_line(report(session, unit, requirement_for(unit, (course, 100)), D)).trained == 1


def test_it_counts_a_waiver_as_trained(session, unit):
    assessed = CourseFactory(assessed=True)
    complete(enlist(unit), assessed, date(2025, 6, 1), CompletionResult.waived)
    assert only_line(report(session, unit, requirement_for(unit, (assessed, 100)), D)).trained == 1


def test_it_counts_completed_only_when_the_course_is_not_assessed(session, unit):
    assessed, attended = CourseFactory(assessed=True), CourseFactory(assessed=False)
    person = enlist(unit)
    complete(person, assessed, date(2025, 6, 1), CompletionResult.completed)
    complete(person, attended, date(2025, 6, 1), CompletionResult.completed)
    result = report(session, unit, requirement_for(unit, (assessed, 100), (attended, 100)), D)
    assert [line.trained for line in result.lines] == [0, 1]


def test_it_ignores_a_completion_after_the_date(session, unit, course):
    complete(enlist(unit), course, date(2026, 3, 2))
    assert only_line(report(session, unit, requirement_for(unit, (course, 100)), D)).trained == 0


def test_it_counts_a_completion_on_the_date_itself(session, unit, course):
    complete(enlist(unit), course, D)
    assert only_line(report(session, unit, requirement_for(unit, (course, 100)), D)).trained == 1


def test_it_counts_an_equivalent_course(session, unit, course):
    national = CourseFactory()
    CourseEquivalenceFactory(course_id=national.id, counts_as_id=course.id)
    complete(enlist(unit), national, date(2025, 6, 1))
    assert only_line(report(session, unit, requirement_for(unit, (course, 100)), D)).trained == 1


def test_an_equivalence_only_works_in_its_declared_direction(session, unit, course):
    national = CourseFactory()
    CourseEquivalenceFactory(course_id=national.id, counts_as_id=course.id)
    complete(enlist(unit), course, date(2025, 6, 1))
    assert only_line(report(session, unit, requirement_for(unit, (national, 100)), D)).trained == 0


def test_an_equivalent_course_takes_the_validity_of_the_required_course(session, unit):
    required, national = CourseFactory(validity_months=12), CourseFactory(validity_months=None)
    CourseEquivalenceFactory(course_id=national.id, counts_as_id=required.id)
    complete(enlist(unit), national, date(2024, 6, 1))
    assert only_line(report(session, unit, requirement_for(unit, (required, 100)), D)).trained == 0


@pytest.mark.parametrize(
    ("on", "valid"),
    [(date(2025, 2, 27), True), (date(2025, 2, 28), False), (date(2025, 3, 1), False)],
)
def test_it_clamps_validity_to_the_end_of_a_short_month(session, unit, on, valid):
    monthly = CourseFactory(validity_months=1)
    complete(enlist(unit, start_on=date(2025, 1, 1)), monthly, date(2025, 1, 31))
    result = report(session, unit, requirement_for(unit, (monthly, 100)), on)
    assert only_line(result).trained == int(valid)


def test_a_completion_lapses_on_the_same_day_validity_months_later(session, unit):
    yearly = CourseFactory(validity_months=12)
    complete(enlist(unit), yearly, date(2025, 3, 1))
    requirement = requirement_for(unit, (yearly, 100))
    assert only_line(report(session, unit, requirement, date(2026, 2, 28))).trained == 1
    assert only_line(report(session, unit, requirement, date(2026, 3, 1))).trained == 0


def test_it_counts_only_people_with_the_lines_role(session, unit, course):
    commander = enlist(unit, role="commander")
    enlist(unit, role="rifleman")
    complete(commander, course, date(2025, 6, 1))
    line = only_line(report(session, unit, requirement_for(unit, (course, 100, "commander")), D))
    assert (line.role, line.eligible, line.trained, line.met) == ("commander", 1, 1, True)


def test_a_line_with_no_one_eligible_has_zero_coverage_and_is_not_met(session, unit, course):
    enlist(unit, role="rifleman")
    line = only_line(report(session, unit, requirement_for(unit, (course, 100, "pilot")), D))
    assert (line.eligible, line.coverage_pct, line.met, line.shortfall) == (0, 0.0, False, 0)


def test_it_compares_the_minimum_exactly_not_on_the_rounded_coverage(session, unit, course):
    people = [enlist(unit) for _ in range(3)]
    for person in people[:2]:
        complete(person, course, date(2025, 6, 1))
    line = only_line(report(session, unit, requirement_for(unit, (course, 66.7)), D))
    assert line.coverage_pct == 66.7
    assert line.met is False
    assert line.shortfall == 1


def test_it_rounds_coverage_halves_up(session, unit, course):
    people = [enlist(unit) for _ in range(8)]
    complete(people[0], course, date(2025, 6, 1))
    assert only_line(report(session, unit, requirement_for(unit, (course, 10)), D)).coverage_pct == 12.5
    # 1 of 16 is 6.25: half up gives 6.3 (banker's rounding would give 6.2)
    for _ in range(8):
        enlist(unit)
    assert only_line(report(session, unit, requirement_for(unit, (course, 10)), D)).coverage_pct == 6.3


def test_its_shortfall_is_the_people_still_to_train(session, unit, course):
    people = [enlist(unit) for _ in range(10)]
    complete(people[0], course, date(2025, 6, 1))
    line = only_line(report(session, unit, requirement_for(unit, (course, 25)), D))
    assert line.shortfall == 2  # ceil(2.5) - 1


def test_it_counts_trained_people_who_lapse_before_the_tour_ends_as_expiring(session, unit):
    yearly = CourseFactory(validity_months=12)
    lapsing, lasting = enlist(unit), enlist(unit)
    complete(lapsing, yearly, date(2025, 9, 1))
    complete(lasting, yearly, date(2026, 3, 1))
    line = only_line(report(session, unit, requirement_for(unit, (yearly, 100), tour_months=12), D))
    assert (line.trained, line.expiring) == (2, 1)


def test_a_completion_valid_until_the_last_day_of_the_tour_is_not_expiring(session, unit):
    yearly = CourseFactory(validity_months=12)
    complete(enlist(unit), yearly, date(2025, 9, 2))
    requirement = requirement_for(unit, (yearly, 100), tour_months=6)  # tour ends 2026-09-01
    assert only_line(report(session, unit, requirement, D)).expiring == 0


def test_a_course_that_never_lapses_is_never_expiring(session, unit, course):
    complete(enlist(unit), course, date(2010, 1, 1))
    line = only_line(report(session, unit, requirement_for(unit, (course, 100), tour_months=36), D))
    assert (line.trained, line.expiring) == (1, 0)


def test_it_adds_a_women_line_when_the_requirement_has_a_minimum(session, unit, course):
    for gender in (Gender.F, Gender.M, Gender.M, Gender.M, Gender.M, Gender.M):
        enlist(unit, gender=gender)
    result = report(session, unit, requirement_for(unit, (course, 0), min_women_pct=15), D)
    women = result.lines[-1]
    assert (women.kind, women.course, women.eligible, women.trained) == ("women", None, 6, 1)
    assert (result.women, result.women_pct, women.coverage_pct) == (1, 16.7, 16.7)
    assert women.met is True
    assert result.lines_total == 2


def test_the_women_line_is_not_met_without_anyone_on_the_roster(session, unit, course):
    result = report(session, unit, requirement_for(unit, (course, 0), min_women_pct=0), D)
    assert result.strength == 0
    assert result.lines[-1].met is False


def test_a_unit_meeting_every_line_is_ready_with_full_score(session, unit, course):
    complete(enlist(unit), course, date(2025, 6, 1))
    result = report(session, unit, requirement_for(unit, (course, 100)), D)
    assert (result.lines_met, result.lines_total, result.score, result.status) == (1, 1, 100.0, "ready")


def test_a_unit_meeting_half_its_lines_is_partial(session, unit):
    held, missing = CourseFactory(), CourseFactory()
    people = [enlist(unit) for _ in range(4)]
    for person in people:
        complete(person, held, date(2025, 6, 1))
    complete(people[0], missing, date(2025, 6, 1))
    result = report(session, unit, requirement_for(unit, (held, 100), (missing, 50)), D)
    # coverage of the second line is 1/4 against 1/2 required: half the line's score
    assert (result.lines_met, result.status, result.score) == (1, "partial", 75.0)


def test_a_unit_meeting_under_half_its_lines_is_not_ready(session, unit):
    courses = [CourseFactory() for _ in range(3)]
    complete(enlist(unit), courses[0], date(2025, 6, 1))
    result = report(session, unit, requirement_for(unit, *[(c, 100) for c in courses]), D)
    assert (result.lines_met, result.status, result.score) == (1, "not_ready", 33.3)


def test_a_line_requiring_nothing_scores_full_even_if_not_met(session, unit, course):
    result = report(session, unit, requirement_for(unit, (course, 0)), D)
    assert result.lines[0].met is False  # no one eligible
    assert result.score == 100.0


def test_it_defaults_the_date_to_the_planned_deployment(session, course):
    planned = UnitFactory(planned_deployment=date(2026, 7, 1))
    requirement = requirement_for(planned, (course, 100), tour_months=6)
    result = service.unit_readiness(
        session, actor=SYSTEM, unit_code=planned.code, requirement_code=requirement.code
    )
    assert (result.as_of, result.tour_end) == (date(2026, 7, 1), date(2027, 1, 1))


def test_it_uses_the_latest_version_unless_one_is_named(session, unit):
    first, second = CourseFactory(), CourseFactory()
    requirement_for(unit, (first, 100), code="MISSION-X", version=1)
    requirement_for(unit, (second, 100), code="MISSION-X", version=2)
    def course_of(code):
        result = service.unit_readiness(
            session, actor=SYSTEM, unit_code=unit.code, requirement_code=code, as_of=D
        )
        return result.lines[0].course

    assert course_of("MISSION-X") == second.code
    assert course_of("MISSION-X@1") == first.code


def test_it_hides_another_countrys_unit(session, unit, course):
    outsider = Actor(email="fg@example.org", role=Role.force_generation, country_code="ZZZ")
    with pytest.raises(NotFound):
        report(session, unit, requirement_for(unit, (course, 100)), D, actor=outsider)
