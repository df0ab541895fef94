"""Reference data from seed/: complete, consistent, and loaded idempotently."""

from sqlalchemy import func
from sqlmodel import select

from readiness.config import get_settings
from readiness.models import (
    Country, Course, CourseCategory, Mission, Partner, Requirement, RequirementLine,
    TrainingCentre, UnitType,
)
from readiness.seeding.reference import load_reference_data

REQUIRED_UNIT_TYPES = {
    "infantry_battalion", "quick_reaction_force", "formed_police_unit", "engineering_company",
    "level1_hospital", "level2_hospital", "signals_company", "aviation_unit", "uas_unit",
    "military_police_company", "engagement_platoon",
}


def _count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def _snapshot(session) -> dict:
    tables = [Country, Mission, UnitType, TrainingCentre, Partner, Course, Requirement, RequirementLine]
    return {model.__name__: [row.model_dump() for row in session.exec(select(model)).all()]
            for model in tables}


def test_it_loads_every_un_member_state_and_the_eleven_missions(session):
    load_reference_data(session, get_settings().seed_dir)
    assert _count(session, Country) == 193
    assert session.get(Country, "NPL").region == "Asia"
    missions = set(session.exec(select(Mission.acronym)).all())
    assert {"MINUSCA", "MONUSCO", "UNMISS", "UNISFA", "UNIFIL", "MINURSO", "UNFICYP",
            "UNDOF", "UNTSO", "UNMOGIP", "UNMIK"} == missions


def test_it_has_the_unit_types_and_a_catalogue_covering_every_category(session):
    load_reference_data(session, get_settings().seed_dir)
    slugs = set(session.exec(select(UnitType.slug)).all())
    assert REQUIRED_UNIT_TYPES <= slugs
    courses = session.exec(select(Course)).all()
    assert len(courses) >= 30
    assert {course.category for course in courses} == set(CourseCategory)


def test_it_loads_requirements_for_the_three_largest_missions(session):
    load_reference_data(session, get_settings().seed_dir)
    pairs = set(session.exec(
        select(Mission.acronym, UnitType.slug)
        .join(Requirement, Requirement.mission_id == Mission.id)
        .join(UnitType, UnitType.id == Requirement.unit_type_id)
    ).all())
    for mission in ("MINUSCA", "MONUSCO", "UNMISS"):
        for unit_type in ("infantry_battalion", "formed_police_unit", "level2_hospital"):
            assert (mission, unit_type) in pairs


def test_a_second_run_changes_nothing(session):
    seed_dir = get_settings().seed_dir
    first = load_reference_data(session, seed_dir)
    before = _snapshot(session)
    second = load_reference_data(session, seed_dir)
    assert sum(first.values()) > 0
    assert set(second.values()) == {0}
    assert _snapshot(session) == before


def test_it_puts_back_a_changed_course(session):
    seed_dir = get_settings().seed_dir
    load_reference_data(session, seed_dir)
    course = session.exec(select(Course).where(Course.code == "UNBFAC")).one()
    original = course.title
    course.title = "Changed by hand"
    session.flush()
    changes = load_reference_data(session, seed_dir)
    assert changes["courses.csv"] == 1
    assert course.title == original
