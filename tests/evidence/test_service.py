"""The evidence pack: the engine's figures, the completions behind them, and what else the visit needs."""

import random
from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from readiness.accounts.scope import SYSTEM, Actor
from readiness.errors import NotFound
from readiness.evidence import service
from readiness.models import AuditEntry, CompletionResult, Role
from tests.evidence import scenario
from tests.evidence.scenario import AS_OF
from tests.factories import CourseEquivalenceFactory, CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, report, requirement_for

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=timezone.utc)


def pack_for(session, built, actor=SYSTEM, **options):
    options.setdefault("as_of", AS_OF)
    return service.evidence_pack(session, actor=actor, unit_code=built.unit.code,
                                 requirement_code=built.requirement.code, now=NOW, **options)


def planner():
    return Actor(email="planner@example.org", role=Role.mission_planner)


def test_the_completions_per_line_number_exactly_the_engines_trained(session):
    built = scenario.build()
    pack = pack_for(session, built)
    engine = report(session, built.unit, built.requirement, AS_OF)
    course_lines = [line for line in pack.lines if line.kind == "course"]
    assert [len(line.completions) for line in course_lines] == [line.trained for line in engine.lines[:3]]
    assert [line.trained for line in course_lines] == [4, 2, 1]


def test_the_provenance_counts_add_up_to_the_trained_people(session):
    built = scenario.build()
    pack = pack_for(session, built, actor=planner())
    for line in pack.lines:
        assert sum(p.people for p in line.provenance) == (line.trained if line.kind == "course" else 0)


def test_each_trained_person_has_the_completion_that_counts(session):
    built = scenario.build()
    poc, first_aid = pack_for(session, built).lines[:2]
    by_number = {c.service_number: c for c in poc.completions}
    people = built.people
    assert set(by_number) == {people[name].service_number for name in ("own", "equivalent", "waived", "both")}
    own = by_number[people["own"].service_number]
    assert (own.course, own.centre, own.source, own.source_ref, own.score) == (
        built.poc.code, f"C{built.unit.id}", "csv", "poc-2025.csv:2", 88)
    assert (own.session_start, own.valid_until, own.recorded_by) == (date(2025, 5, 26), date(2027, 5, 31), "tests")
    equivalent = by_number[people["equivalent"].service_number]
    assert equivalent.equivalent and equivalent.course == built.national_poc.code
    both = by_number[people["both"].service_number]
    assert not both.equivalent and both.course == built.poc.code
    assert by_number[people["waived"].service_number].waiver_reason == "recognised prior learning"
    retried = next(c for c in first_aid.completions if c.service_number == people["retried"].service_number)
    assert (retried.result, retried.completed_on, retried.valid_until) == ("passed", date(2025, 2, 10), None)


def test_waivers_and_equivalences_used_are_listed_with_their_reason_and_note(session):
    built = scenario.build()
    pack = pack_for(session, built)
    assert [(w.line_course, w.course, w.reason, w.people) for w in pack.waivers] == [
        (built.poc.code, built.poc.code, "recognised prior learning", 1)]
    assert [(e.line_course, e.course, e.note, e.people) for e in pack.equivalences] == [
        (built.poc.code, built.national_poc.code, "Reviewed 2025", 1)]


def test_only_the_caveats_in_force_on_the_day_are_listed_and_an_undeclared_one_flags_the_unit(session):
    built = scenario.build()
    pack = pack_for(session, built)
    assert sorted((c.text, c.flags_unit) for c in pack.caveats) == [
        ("No night patrols", False), ("Will not leave the base", True)]
    assert pack.flagged
    earlier = pack_for(session, built, as_of=date(2026, 2, 28))
    assert "Ended caveat" in {c.text for c in earlier.caveats}


def test_the_header_carries_the_unit_requirement_dates_and_generator(session):
    built = scenario.build()
    pack = pack_for(session, built)
    assert (pack.unit, pack.requirement, pack.as_of, pack.tour_end) == (
        built.unit.code, built.requirement.code, AS_OF, date(2027, 3, 1))
    assert pack.generated_by == "cli" and pack.generated_at == NOW
    assert pack.reference.startswith("EP-20260301-093000-")
    assert (pack.lines_met, pack.lines_total) == (1, 4)


def test_it_defaults_to_the_target_requirement_on_the_planned_deployment(session):
    built = scenario.build()
    pack = service.evidence_pack(session, actor=SYSTEM, unit_code=built.unit.code, now=NOW)
    assert (pack.requirement, pack.as_of) == (built.requirement.code, AS_OF)


def test_a_planner_gets_counts_not_names(session):
    built = scenario.build()
    pack = pack_for(session, built, actor=planner())
    assert not pack.shows_people
    assert all(line.completions == [] for line in pack.lines)
    assert {(p.source, p.result, p.people) for p in pack.lines[0].provenance} == {
        ("csv", "passed", 1), ("form", "passed", 2), ("form", "waived", 1)}


def test_another_countrys_force_generation_is_told_the_unit_does_not_exist(session):
    built = scenario.build()
    outsider = Actor(email="fg@example.org", role=Role.force_generation, country_code="QZZ")
    with pytest.raises(NotFound):
        pack_for(session, built, actor=outsider)


def test_generating_the_pack_is_audited_with_its_reference(session):
    built = scenario.build()
    pack = pack_for(session, built, output="xlsx")
    entry = session.execute(select(AuditEntry).where(AuditEntry.entity_id == pack.reference)).scalars().one()
    assert (entry.entity, entry.action, entry.actor) == ("evidence_pack", "generate", "cli")
    assert built.unit.code in entry.summary and "2026-03-01" in entry.summary and "xlsx" in entry.summary
    assert entry.after["requirement"] == f"{built.requirement.code}@1"


def test_the_queries_do_not_grow_with_the_number_of_people(session):
    from tests.readiness.test_query_count import counted

    small, large = scenario.build(), scenario.build()
    for _ in range(30):
        complete(enlist(large.unit), large.poc, date(2025, 7, 1))
    session.flush()
    with counted(session) as few:
        pack_for(session, small)
    with counted(session) as many:
        pack_for(session, large)
    assert len(few) == len(many)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_on_random_records_every_lines_count_equals_the_engines(session, seed):
    chance = random.Random(seed)
    unit = UnitFactory()
    courses = [CourseFactory(validity_months=chance.choice([None, 12, 36]), assessed=chance.random() < 0.5)
               for _ in range(4)]
    CourseEquivalenceFactory(course_id=courses[3].id, counts_as_id=courses[0].id)
    CourseEquivalenceFactory(course_id=courses[0].id, counts_as_id=courses[1].id)
    requirement = requirement_for(unit, (courses[0], 80), (courses[1], 50), (courses[2], 100, "medic"))
    results = list(CompletionResult)
    for _ in range(40):
        person = enlist(unit, role=chance.choice(["rifleman", "medic"]))
        for course in chance.sample(courses, chance.randint(0, 4)):
            for _attempt in range(chance.randint(1, 2)):
                day = date(chance.randint(2022, 2026), chance.randint(1, 12), chance.randint(1, 28))
                if not _taken(session, person, course, day):
                    complete(person, course, day, chance.choice(results))
    session.flush()
    for day in (date(2025, 12, 31), date(2026, 2, 28)):
        pack = service.evidence_pack(session, actor=SYSTEM, unit_code=unit.code, requirement_code=requirement.code,
                                     as_of=day, now=NOW)
        engine = report(session, unit, requirement, day)
        trained = [line.trained for line in engine.lines]
        assert [len(line.completions) for line in pack.lines] == trained
        assert sum(trained) > 0


def _taken(session, person, course, day) -> bool:
    from readiness.models import Completion

    return session.execute(select(Completion.id).where(
        Completion.person_id == person.id, Completion.course_id == course.id, Completion.completed_on == day,
    )).first() is not None
