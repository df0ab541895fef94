"""Queries for mission requirements."""

from collections.abc import Iterable

from sqlmodel import Session, select

from readiness.models import Course, Mission, Requirement, RequirementLine, UnitType


def missions_by_acronym(session: Session, acronyms: Iterable[str]) -> dict[str, Mission]:
    rows = session.exec(select(Mission).where(Mission.acronym.in_(set(acronyms)))).all()
    return {mission.acronym: mission for mission in rows}


def unit_types_by_slug(session: Session, slugs: Iterable[str]) -> dict[str, UnitType]:
    rows = session.exec(select(UnitType).where(UnitType.slug.in_(set(slugs)))).all()
    return {unit_type.slug: unit_type for unit_type in rows}


def courses_by_code(session: Session, codes: Iterable[str]) -> dict[str, Course]:
    rows = session.exec(select(Course).where(Course.code.in_(set(codes)))).all()
    return {course.code: course for course in rows}


def find_version(session: Session, code: str, version: int) -> Requirement | None:
    return session.exec(
        select(Requirement).where(Requirement.code == code, Requirement.version == version)
    ).first()


def lines_of(session: Session, requirement_id: int) -> list[tuple[RequirementLine, Course]]:
    return list(
        session.exec(
            select(RequirementLine, Course)
            .join(Course, Course.id == RequirementLine.course_id)
            .where(RequirementLine.requirement_id == requirement_id)
            .order_by(RequirementLine.id)
        ).all()
    )
