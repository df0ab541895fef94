"""Queries for units: one statement for a page of units with their roster counts."""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import (
    Assignment,
    Completion,
    Course,
    Mission,
    Person,
    Requirement,
    Unit,
    UnitType,
)
from readiness.units.schemas import UnitFilter


def _roster_counts(on: date):
    """People and women on each unit's roster on `on`, as a subquery."""
    return (
        sa.select(
            Assignment.unit_id,
            sa.func.count().label("strength"),
            sa.func.sum(sa.case((Person.gender == "F", 1), else_=0)).label("women"),
        )
        .join(Person, Person.id == Assignment.person_id)
        .where(Assignment.start_on <= on, sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on))
        .group_by(Assignment.unit_id)
        .subquery()
    )


def _units_query(filters: UnitFilter, countries: frozenset[str] | None, on: date) -> sa.Select:
    roster = _roster_counts(on)
    query = (
        sa.select(
            Unit.code, Unit.name, Unit.country_code.label("country"), UnitType.slug.label("unit_type"),
            Unit.authorised_strength, sa.func.coalesce(roster.c.strength, 0).label("strength"),
            sa.func.coalesce(roster.c.women, 0).label("women"), Unit.pcrs_level,
            Mission.acronym.label("target_mission"), Unit.planned_deployment, Unit.status,
        )
        .join(UnitType, UnitType.id == Unit.unit_type_id)
        .outerjoin(Mission, Mission.id == Unit.target_mission_id)
        .outerjoin(roster, roster.c.unit_id == Unit.id)
    )
    return _filtered(query, filters, countries)


def _filtered(query: sa.Select, filters: UnitFilter, countries: frozenset[str] | None) -> sa.Select:
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    conditions = {
        Unit.country_code: filters.country, UnitType.slug: filters.unit_type,
        Unit.pcrs_level: filters.pcrs_level, Mission.acronym: filters.mission, Unit.status: filters.status,
    }
    for column, value in conditions.items():
        if value:
            query = query.where(column == value)
    if filters.search:
        pattern = f"%{filters.search.lower()}%"
        query = query.where(sa.or_(sa.func.lower(Unit.code).like(pattern), sa.func.lower(Unit.name).like(pattern)))
    return query


def page_of_units(session: Session, filters: UnitFilter, countries, on: date, *, offset: int, limit: int):
    query = _units_query(filters, countries, on).order_by(Unit.code).offset(offset).limit(limit)
    return session.execute(query).mappings().all()


def count_units(session: Session, filters: UnitFilter, countries, on: date) -> int:
    query = _units_query(filters, countries, on).subquery()
    return session.execute(sa.select(sa.func.count()).select_from(query)).scalar_one()


def unit_by_code(session: Session, code: str, on: date):
    return session.execute(
        _units_query(UnitFilter(), None, on).where(Unit.code == code)
    ).mappings().first()


# --- units with their target requirement, rosters and training history (pages) ----------


@dataclass(frozen=True)
class UnitTarget:
    unit_id: int
    planned_deployment: date | None
    requirement_id: int | None


def _latest_target_requirement() -> sa.ScalarSelect:
    """Per unit: the newest requirement for its target mission and unit type (None without one)."""
    return (
        sa.select(sa.func.max(Requirement.id))
        .where(Requirement.mission_id == Unit.target_mission_id, Requirement.unit_type_id == Unit.unit_type_id)
        .correlate(Unit)
        .scalar_subquery()
    )


def unit_targets(session: Session, unit_ids: sa.Select, countries: frozenset[str] | None) -> list[UnitTarget]:
    """Each unit of `unit_ids` within `countries` (None: all) with its date and target requirement."""
    query = sa.select(Unit.id, Unit.planned_deployment, _latest_target_requirement()).where(Unit.id.in_(unit_ids))
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    return [UnitTarget(*row) for row in session.execute(query).all()]


def requirements_in(session: Session, ids: set) -> dict[int, Requirement]:
    ids = {requirement_id for requirement_id in ids if requirement_id is not None}
    if not ids:
        return {}
    rows = session.execute(sa.select(Requirement).where(Requirement.id.in_(ids))).scalars().all()
    return {requirement.id: requirement for requirement in rows}


def matching_unit_ids(filters: UnitFilter, countries: frozenset[str] | None) -> sa.Select:
    """The ids of the units matching the filters, as a subquery for the readiness engine."""
    query = (
        sa.select(Unit.id)
        .join(UnitType, UnitType.id == Unit.unit_type_id)
        .outerjoin(Mission, Mission.id == Unit.target_mission_id)
    )
    return _filtered(query, filters, countries)


def just(unit_id: int) -> sa.Select:
    """The one unit id, as the engine's unit selection."""
    return sa.select(Unit.id).where(Unit.id == unit_id)


def all_units(session: Session, filters: UnitFilter, countries, on: date):
    """Every unit matching the filters with its roster counts (units are few: hundreds)."""
    query = _units_query(filters, countries, on).add_columns(Unit.id.label("id"), Unit.unit_type_id)
    return session.execute(query.order_by(Unit.code)).mappings().all()


def unit_record(session: Session, code: str, on: date):
    """One unit with its roster counts, id and type id."""
    query = _units_query(UnitFilter(), None, on).add_columns(Unit.id.label("id"), Unit.unit_type_id)
    return session.execute(query.where(Unit.code == code)).mappings().first()


def requirements_for_type(session: Session, unit_type_id: int) -> list[Requirement]:
    """Every requirement version for a unit type, newest first."""
    query = sa.select(Requirement).where(Requirement.unit_type_id == unit_type_id)
    return list(session.execute(query.order_by(Requirement.code, Requirement.version.desc())).scalars().all())


def _on_roster(unit_id: int, on: date):
    return sa.and_(
        Assignment.unit_id == unit_id, Assignment.start_on <= on,
        sa.or_(Assignment.end_on.is_(None), Assignment.end_on >= on),
    )


def roster_page(session: Session, unit_id: int, on: date, *, offset: int, limit: int):
    """People on the unit's roster on `on`, by name."""
    query = (
        sa.select(Person.id, Person.service_number, Person.family_name, Person.given_name, Person.gender,
                  Person.rank, Person.role, Assignment.start_on)
        .join(Assignment, Assignment.person_id == Person.id)
        .where(_on_roster(unit_id, on))
        .order_by(Person.family_name, Person.given_name, Person.id)
    )
    return session.execute(query.offset(offset).limit(limit)).mappings().all()


def roster_size(session: Session, unit_id: int, on: date) -> int:
    query = sa.select(sa.func.count(sa.distinct(Assignment.person_id))).where(_on_roster(unit_id, on))
    return session.execute(query).scalar_one()


def _history_query(unit_id: int, on: date) -> sa.Select:
    roster = sa.select(Assignment.person_id).where(_on_roster(unit_id, on))
    return (
        sa.select(Completion.id, Person.id.label("person_id"), Person.service_number, Person.family_name,
                  Person.given_name, Course.code.label("course"), Completion.completed_on, Completion.result)
        .join(Person, Person.id == Completion.person_id)
        .join(Course, Course.id == Completion.course_id)
        .where(Completion.person_id.in_(roster))
    )


def history_page(session: Session, unit_id: int, on: date, *, offset: int, limit: int):
    """Completions of the people on the unit's roster, newest first."""
    query = _history_query(unit_id, on).order_by(Completion.completed_on.desc(), Completion.id.desc())
    return session.execute(query.offset(offset).limit(limit)).mappings().all()


def history_size(session: Session, unit_id: int, on: date) -> int:
    query = _history_query(unit_id, on).subquery()
    return session.execute(sa.select(sa.func.count()).select_from(query)).scalar_one()


def filter_choices(session: Session, countries: frozenset[str] | None) -> dict[str, list[str]]:
    """The values the units list can be filtered by: countries, unit types and target missions."""
    country_query = sa.select(Unit.country_code).distinct().order_by(Unit.country_code)
    if countries is not None:
        country_query = country_query.where(Unit.country_code.in_(countries))
    return {
        "countries": list(session.execute(country_query).scalars().all()),
        "unit_types": list(session.execute(sa.select(UnitType.slug).order_by(UnitType.slug)).scalars().all()),
        "missions": list(session.execute(sa.select(Mission.acronym).order_by(Mission.acronym)).scalars().all()),
    }
