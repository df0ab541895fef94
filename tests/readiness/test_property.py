"""The SQL engine agrees with the plain-Python reference on random units, for both databases."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from readiness.accounts.scope import SYSTEM
from readiness.models import Gender
from readiness.readiness import rules, service
from tests.factories import (
    AssignmentFactory,
    CompletionFactory,
    CourseEquivalenceFactory,
    CourseFactory,
    PersonFactory,
    RequirementFactory,
    RequirementLineFactory,
    UnitFactory,
    UnitTypeFactory,
)
from tests.readiness.reference import Need, World, reference_report

MONTH_ENDS = [date(2025, m, 1) + relativedelta(months=1, days=-1) for m in range(1, 13)]
days = st.one_of(
    st.dates(date(2024, 1, 1), date(2027, 6, 30)), st.sampled_from(MONTH_ENDS)
)
ROLES = ["a", "b", None, None]


def near(on: date):
    """Dates around `on` and around the validity boundaries before it, where the rules bite."""
    around = st.builds(
        lambda months, shift: on - relativedelta(months=months) + relativedelta(days=shift),
        st.sampled_from([0, 1, 3, 12]), st.sampled_from([-1, 0, 0, 1, 2]),
    )
    return st.one_of(around, around, days)


@st.composite
def worlds(draw, on):
    """A unit-sized world: people, their assignments and completions, courses, equivalences."""
    courses = draw(st.lists(st.tuples(st.sampled_from([None, 1, 3, 12]), st.booleans()),
                            min_size=1, max_size=3))
    people = draw(st.lists(st.tuples(st.sampled_from("FM"), st.sampled_from(ROLES)),
                           min_size=1, max_size=4))
    assignments = []
    for person in range(len(people)):
        for _ in range(draw(st.integers(1, 2))):
            # Mostly started before the date, so that rosters are rarely empty.
            start = draw(st.one_of(st.integers(0, 500).map(lambda n: on - timedelta(days=n)), near(on)))
            end = draw(st.one_of(st.none(), near(on).filter(lambda d, s=start: d >= s)))
            if end is None and any(a[0] == person and a[3] is None for a in assignments):
                continue  # a person has at most one open assignment
            assignments.append((person, draw(st.sampled_from([0, 0, 0, 1])), start, end))
    completions = draw(st.lists(
        st.tuples(st.integers(0, max(len(people) - 1, 0)), st.integers(0, len(courses) - 1), near(on),
                  st.sampled_from(["passed", "failed", "completed", "waived"])),
        min_size=2, max_size=16, unique_by=lambda c: c[:3],
    ))
    pairs = [(a, b) for a in range(len(courses)) for b in range(len(courses)) if a != b]
    equivalences = draw(st.sets(st.sampled_from(pairs))) if pairs else set()
    return courses, people, assignments, completions, equivalences


@st.composite
def needs(draw, course_count):
    keys = draw(st.lists(st.tuples(st.integers(0, course_count - 1), st.sampled_from(ROLES)),
                         min_size=1, max_size=3, unique=True))
    lines = [(c, draw(st.sampled_from([0, 10, 25, 50, 66.7, 100])), r) for c, r in keys]
    women = draw(st.sampled_from([None, 0, 15, 33.3, 50]))
    return Need(tour_months=draw(st.integers(1, 24)), min_women_pct=women, lines=lines)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_sql_and_reference_agree_on_random_units(session, data):
    on = data.draw(days)
    courses, people, assignments, completions, equivalences = data.draw(worlds(on))
    need = data.draw(needs(len(courses)))
    savepoint = session.begin_nested()
    try:
        world, unit, requirement = _store(courses, people, assignments, completions, equivalences, need)
        sql = service.unit_readiness(
            session, actor=SYSTEM, unit_code=unit.code, requirement_code=requirement.code, as_of=on
        )
        expected = reference_report(world, _need_by_id(need, world), unit.id, on)
        assert _comparable(sql) == expected
    finally:
        savepoint.rollback()


@given(on=days, months=st.integers(1, 40))
def test_the_earliest_valid_completion_is_exactly_the_relativedelta_boundary(on, months):
    earliest = rules.earliest_valid_completion(on, months)
    assert on < earliest + relativedelta(months=months)
    assert not on < earliest - relativedelta(days=1) + relativedelta(months=months)


def _store(courses, people, assignments, completions, equivalences, need):
    unit_type = UnitTypeFactory()
    units = [UnitFactory(unit_type_id=unit_type.id) for _ in range(2)]
    course_rows = [CourseFactory(validity_months=v, assessed=a) for v, a in courses]
    person_rows = [PersonFactory(gender=Gender(g), role=r) for g, r in people]
    for person, unit, start, end in assignments:
        AssignmentFactory(person_id=person_rows[person].id, unit_id=units[unit].id,
                          start_on=start, end_on=end)
    for person, course, on, result in completions:
        CompletionFactory(person_id=person_rows[person].id, course_id=course_rows[course].id,
                          completed_on=on, result=result,
                          waiver_reason="prior learning" if result == "waived" else None)
    for source, target in equivalences:
        CourseEquivalenceFactory(course_id=course_rows[source].id, counts_as_id=course_rows[target].id)
    requirement = RequirementFactory(unit_type_id=unit_type.id, tour_months=need.tour_months,
                                     min_women_pct=need.min_women_pct)
    for course, min_pct, role in need.lines:
        RequirementLineFactory(requirement_id=requirement.id, course_id=course_rows[course].id,
                               min_pct=min_pct, role=role)
    world = World(
        people={p.id: (p.gender.value, p.role) for p in person_rows},
        assignments=[(person_rows[p].id, units[u].id, s, e) for p, u, s, e in assignments],
        courses={c.id: (c.code, c.validity_months, c.assessed) for c in course_rows},
        completions=[(person_rows[p].id, course_rows[c].id, d, r) for p, c, d, r in completions],
        equivalences={(course_rows[a].id, course_rows[b].id) for a, b in equivalences},
    )
    world.course_ids = [c.id for c in course_rows]
    return world, units[0], requirement


def _need_by_id(need: Need, world: World) -> Need:
    lines = [(world.course_ids[c], pct, role) for c, pct, role in need.lines]
    return Need(need.tour_months, need.min_women_pct, lines)


def _comparable(report) -> dict:
    lines = [
        {"course": line.course, "role": line.role, "eligible": line.eligible,
         "trained": line.trained, "coverage_pct": line.coverage_pct, "met": line.met,
         "shortfall": line.shortfall, "expiring": line.expiring}
        for line in report.lines
    ]
    return {
        "strength": report.strength, "women": report.women, "women_pct": report.women_pct,
        "lines": lines, "lines_met": report.lines_met, "lines_total": report.lines_total,
        "score": report.score, "status": report.status,
    }
