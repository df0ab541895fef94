"""Queries for mission requirements."""

from collections.abc import Iterable

from sqlalchemy import delete
from sqlmodel import Session, select

from readiness.models import Course, Mission, Requirement, RequirementLine, UnitType


def missions_by_acronym(session: Session, acronyms: Iterable[str]) -> dict[str, Mission]:
    rows = session.exec(select(Mission).where(Mission.acronym.in_(set(acronyms)))).all()
    return {mission.acronym: mission for mission in rows}


def unit_types_by_slug(session: Session, slugs: Iterable[str]) -> dict[str, UnitType]:
    rows = session.exec(select(UnitType).where(UnitType.slug.in_(set(slugs)))).all()
    return {unit_type.slug: unit_type for unit_type in rows}


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


def requirements_with_names(
    session: Session, *, mission: str | None = None, code: str | None = None, version: int | None = None
) -> list[tuple[Requirement, str, str]]:
    """(requirement, mission acronym, unit type slug), by code then version."""
    query = (
        select(Requirement, Mission.acronym, UnitType.slug)
        .join(Mission, Mission.id == Requirement.mission_id)
        .join(UnitType, UnitType.id == Requirement.unit_type_id)
        .order_by(Requirement.code, Requirement.version)
    )
    if mission:
        query = query.where(Mission.acronym == mission)
    if code:
        query = query.where(Requirement.code == code)
    if version is not None:
        query = query.where(Requirement.version == version)
    return list(session.exec(query).all())


def lines_by_requirement(
    session: Session, requirement_ids: list[int]
) -> dict[int, list[tuple[RequirementLine, str]]]:
    """Lines with their course codes for many requirements in one query."""
    rows = session.exec(
        select(RequirementLine, Course.code)
        .join(Course, Course.id == RequirementLine.course_id)
        .where(RequirementLine.requirement_id.in_(requirement_ids))
        .order_by(RequirementLine.id)
    ).all()
    lines: dict[int, list] = {}
    for line, code in rows:
        lines.setdefault(line.requirement_id, []).append((line, code))
    return lines


def delete_version(session: Session, code: str, version: int) -> None:
    requirement = find_version(session, code, version)
    session.exec(delete(RequirementLine).where(RequirementLine.requirement_id == requirement.id))
    session.delete(requirement)
    session.flush()
