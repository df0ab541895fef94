"""The feedback loop's rules: what findings recommend, who lacks it (set-based), and free places."""

from datetime import timedelta

import pytest
from pydantic import ValidationError
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.evaluations import service
from readiness.evaluations.schemas import EvaluationCreate, EvaluationUpdate
from readiness.models import AuditEntry, CompletionResult, CourseCategory, Gender, Role
from tests import factories
from tests.evaluations.conftest import TODAY
from tests.evaluations.factories import (
    EvaluationFactory,
    EvaluationFindingFactory,
    EvaluationRatingFactory,
    FindingCourseFactory,
    PartnershipCategoryFactory,
    PartnershipCourseFactory,
    PartnershipFactory,
)

PLANNER = Actor(email="planner@un.example", role=Role.mission_planner)


def own_staff(world) -> Actor:
    return Actor(email="fg@example.org", role=Role.force_generation, country_code=world.country)


def recommended(feedback) -> dict:
    return {course.course: course for course in feedback.recommended}


def new_evaluation(world, **changes) -> EvaluationCreate:
    values = {"unit": world.unit.code, "mission": world.mission.acronym, "instrument": "fpu_paer",
              "evaluated_on": TODAY.isoformat(), "ratings": {"medical": 4},
              "findings": [{"text": "Slow at night", "courses": [world.poc.code], "categories": ["medical"]}]}
    return EvaluationCreate.model_validate({**values, **changes})


def test_findings_recommend_their_courses_and_the_active_courses_of_their_categories(session, world):
    feedback = service.unit_feedback(session, actor=PLANNER, code=world.unit.code, as_of=TODAY)

    courses = recommended(feedback)
    assert set(courses) == {"XPOC", "XFAC"}  # the inactive medical course is not recommended
    assert courses["XPOC"].recommended_by[0].finding == "Casualty evacuation slow at night"
    assert courses["XPOC"].recommended_by[0].via_category is None
    assert courses["XFAC"].recommended_by[0].via_category == "medical"


def test_the_most_recent_evaluation_recommends_first(session, world):
    older = EvaluationFactory(unit_id=world.unit.id, mission_id=world.mission.id,
                              evaluated_on=TODAY - timedelta(days=400))
    old_course = factories.CourseFactory(code="XOLDER")
    FindingCourseFactory(finding_id=EvaluationFindingFactory(evaluation_id=older.id).id, course_id=old_course.id)

    feedback = service.unit_feedback(session, actor=PLANNER, code=world.unit.code, as_of=TODAY)

    assert [course.course for course in feedback.recommended] == ["XPOC", "XFAC", "XOLDER"]
    assert [evaluation.id for evaluation in feedback.evaluations] == [world.evaluation.id, older.id]


def test_people_lacking_a_valid_completion_are_counted_by_the_engines_rules(session, world):
    assessed = factories.CourseFactory(code="XROE", assessed=True, validity_months=12,
                                       category=CourseCategory.rules_of_engagement)
    national = factories.CourseFactory(code="XNATROE")
    factories.CourseEquivalenceFactory(course_id=national.id, counts_as_id=assessed.id)
    FindingCourseFactory(finding_id=EvaluationFindingFactory(evaluation_id=world.evaluation.id).id,
                         course_id=assessed.id)
    first, second, third, fourth = world.people
    factories.CompletionFactory(person_id=first.id, course_id=assessed.id, completed_on=TODAY - timedelta(days=10))
    factories.CompletionFactory(person_id=second.id, course_id=assessed.id, result=CompletionResult.completed,
                                completed_on=TODAY - timedelta(days=10))  # an assessed course needs a pass
    factories.CompletionFactory(person_id=third.id, course_id=assessed.id, completed_on=TODAY - timedelta(days=500))
    factories.CompletionFactory(person_id=fourth.id, course_id=national.id, completed_on=TODAY - timedelta(days=5))
    leaver = factories.PersonFactory(country_code=world.country)
    factories.AssignmentFactory(person_id=leaver.id, unit_id=world.unit.id, start_on=TODAY - timedelta(days=90),
                                end_on=TODAY - timedelta(days=1))

    courses = recommended(service.unit_feedback(session, actor=own_staff(world), code=world.unit.code, as_of=TODAY))

    assert courses["XROE"].lacking == 2  # not passed, and lapsed; the equivalent course counts
    assert {person.service_number for person in courses["XROE"].people} == {second.service_number,
                                                                            third.service_number}
    assert courses["XPOC"].lacking == 3


def test_a_waiver_counts_and_a_completion_of_a_course_not_assessed_counts(session, world):
    second, third = world.people[1], world.people[2]
    factories.CompletionFactory(person_id=second.id, course_id=world.poc.id, result=CompletionResult.waived,
                                waiver_reason="national equivalent", completed_on=TODAY - timedelta(days=3))
    factories.CompletionFactory(person_id=third.id, course_id=world.poc.id, result=CompletionResult.completed,
                                completed_on=TODAY - timedelta(days=3))

    courses = recommended(service.unit_feedback(session, actor=PLANNER, code=world.unit.code, as_of=TODAY))

    assert courses["XPOC"].lacking == 1


def test_only_the_units_own_country_sees_names(session, world):
    planner = recommended(service.unit_feedback(session, actor=PLANNER, code=world.unit.code, as_of=TODAY))
    own = recommended(service.unit_feedback(session, actor=own_staff(world), code=world.unit.code, as_of=TODAY))

    assert planner["XPOC"].people is None and planner["XPOC"].lacking == 3
    assert sorted(person.family_name for person in own["XPOC"].people) == ["Member1", "Member2", "Member3"]


def test_upcoming_sessions_with_free_places_could_deliver_the_course(session, world):
    centre = factories.TrainingCentreFactory(code="XCTR")
    upcoming = factories.CourseSessionFactory(course_id=world.poc.id, centre_id=centre.id, seats=10,
                                              seats_for_women=3, start_on=TODAY + timedelta(days=20),
                                              end_on=TODAY + timedelta(days=24))
    woman = factories.PersonFactory(gender=Gender.F)
    factories.SessionPlaceFactory(session_id=upcoming.id, person_id=woman.id)
    factories.SessionPlaceFactory(session_id=upcoming.id, person_id=factories.PersonFactory().id)
    full = factories.CourseSessionFactory(course_id=world.poc.id, seats=1, seats_for_women=0,
                                          start_on=TODAY + timedelta(days=5), end_on=TODAY + timedelta(days=6))
    factories.SessionPlaceFactory(session_id=full.id, person_id=factories.PersonFactory().id)
    factories.CourseSessionFactory(course_id=world.poc.id, start_on=TODAY - timedelta(days=5),
                                   end_on=TODAY - timedelta(days=1))

    offers = recommended(service.unit_feedback(session, actor=PLANNER, code=world.unit.code,
                                               as_of=TODAY))["XPOC"].sessions

    assert [(offer.centre, offer.free, offer.free_held_for_women) for offer in offers] == [("XCTR", 8, 2)]


def test_another_countrys_staff_cannot_read_the_unit(session, world):
    stranger = Actor(email="fg@other.example", role=Role.force_generation, country_code="XZZ")

    with pytest.raises(NotFound):
        service.unit_feedback(session, actor=stranger, code=world.unit.code, as_of=TODAY)
    with pytest.raises(NotFound):
        service.get_evaluation(session, actor=stranger, evaluation_id=world.evaluation.id)


def test_the_country_report_gives_area_means_people_per_unit_partners_and_plans(session, world):
    sister = factories.UnitFactory(country_code=world.country)
    factories.AssignmentFactory(person_id=factories.PersonFactory(country_code=world.country).id, unit_id=sister.id,
                                start_on=TODAY - timedelta(days=10))
    other = EvaluationFactory(unit_id=sister.id, mission_id=world.mission.id, evaluated_on=TODAY - timedelta(days=5))
    EvaluationRatingFactory(evaluation_id=other.id, area="medical", rating=3)
    too_old = EvaluationFactory(unit_id=sister.id, mission_id=world.mission.id,
                                evaluated_on=TODAY - timedelta(days=900))
    EvaluationRatingFactory(evaluation_id=too_old.id, area="medical", rating=5)
    delivering = PartnershipFactory(country_code=world.country,
                                    partner_id=factories.PartnerFactory(name="Course partner").id)
    PartnershipCourseFactory(partnership_id=delivering.id, course_id=world.poc.id)
    training = PartnershipFactory(country_code=world.country, partner_id=factories.PartnerFactory(name="Trainer").id)
    PartnershipCategoryFactory(partnership_id=training.id)
    ended = PartnershipFactory(country_code=world.country, status="completed")
    PartnershipCourseFactory(partnership_id=ended.id, course_id=world.poc.id)

    report = service.country_feedback(session, actor=PLANNER, country=world.country, as_of=TODAY)

    assert [evaluation.id for evaluation in report.evaluations] == [other.id, world.evaluation.id]
    assert {area.area: (area.mean, area.ratings) for area in report.areas} == {"medical": (2.5, 2),
                                                                               "training": (3.0, 1)}
    courses = recommended(report)
    assert courses["XPOC"].lacking_by_unit == {world.unit.code: 3, sister.code: 1}
    assert courses["XPOC"].partners == ["Course partner"]
    assert courses["XFAC"].partners == ["Trainer"]  # reached through a category: partners that train
    assert [plan.id for plan in report.improvement_plans] == [world.evaluation.id]


def test_the_country_report_is_refused_to_another_countrys_staff_but_read_by_its_partner(session, world):
    stranger = Actor(email="fg@other.example", role=Role.force_generation, country_code="XZZ")
    partner = Actor(email="p@example.org", role=Role.partner, partner_id=1,
                    partner_countries=frozenset({world.country}))

    with pytest.raises(Forbidden):
        service.country_feedback(session, actor=stranger, country=world.country, as_of=TODAY)
    assert service.country_feedback(session, actor=partner, country=world.country, as_of=TODAY).evaluations


def test_a_planner_records_an_evaluation_with_tagged_findings_and_it_is_audited(session, world):
    created = service.create_evaluation(session, actor=PLANNER, fields=new_evaluation(world), today=TODAY)

    assert created.findings[0].courses == ["XPOC"] and created.findings[0].categories == ["medical"]
    assert created.mean_rating == 4.0
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "evaluation")).one()
    assert entry.action == "create" and entry.after["findings"][0]["courses"] == ["XPOC"]


def test_an_update_replaces_the_findings_given_and_keeps_the_rest(session, world):
    created = service.create_evaluation(session, actor=PLANNER, fields=new_evaluation(world), today=TODAY)

    updated = service.update_evaluation(session, actor=PLANNER, evaluation_id=created.id, today=TODAY,
                                        fields=EvaluationUpdate(findings=[{"text": "Better now"}],
                                                                improvement_plan_required=True))

    assert [finding.text for finding in updated.findings] == ["Better now"]
    assert updated.ratings == {"medical": 4} and updated.improvement_plan_required
    entries = session.exec(select(AuditEntry).where(AuditEntry.entity == "evaluation")).all()
    assert [entry.action for entry in entries] == ["create", "update"]
    assert entries[1].before["improvement_plan_required"] is False
    assert entries[1].after["findings"] == [{"text": "Better now", "courses": [], "categories": []}]
    assert "ratings" not in entries[1].after  # unchanged fields are not repeated


def test_deleting_removes_the_findings_and_is_audited(session, world):
    service.delete_evaluation(session, actor=PLANNER, evaluation_id=world.evaluation.id)

    with pytest.raises(NotFound):
        service.get_evaluation(session, actor=PLANNER, evaluation_id=world.evaluation.id)
    assert service.unit_feedback(session, actor=PLANNER, code=world.unit.code, as_of=TODAY).recommended == []
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "evaluation")).one()
    assert entry.action == "delete" and entry.before["unit"] == world.unit.code


def test_only_planners_and_admins_write_evaluations(session, world):
    with pytest.raises(Forbidden):
        service.create_evaluation(session, actor=own_staff(world), fields=new_evaluation(world), today=TODAY)


@pytest.mark.parametrize(("changes", "field"), [
    ({"unit": "NO-SUCH-UNIT"}, "unit"),
    ({"mission": "NOMISSION"}, "mission"),
    ({"findings": [{"text": "x", "courses": ["NO-SUCH-COURSE"]}]}, "findings.0.courses"),
])
def test_unknown_references_are_refused_naming_the_field(session, world, changes, field):
    with pytest.raises(Invalid) as refused:
        service.create_evaluation(session, actor=PLANNER, fields=new_evaluation(world, **changes), today=TODAY)
    assert refused.value.details[0]["field"] == field


def test_a_date_in_the_future_is_refused(session, world):
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    with pytest.raises(Invalid) as refused:
        service.create_evaluation(session, actor=PLANNER, fields=new_evaluation(world, evaluated_on=tomorrow),
                                  today=TODAY)
    assert refused.value.details[0]["field"] == "evaluated_on"


@pytest.mark.parametrize("changes", [
    {"ratings": {"medical": 6}},
    {"ratings": {"medical": 0}},
    {"ratings": {"no_such_area": 3}},
    {"findings": [{"text": "  ", "courses": [], "categories": []}]},
])
def test_bad_ratings_and_empty_findings_are_invalid(world, changes):
    with pytest.raises(ValidationError):
        new_evaluation(world, **changes)
