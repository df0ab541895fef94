"""Queries for units: one statement for a page of units with their roster counts."""

from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import Assignment, Mission, Person, Unit, UnitType
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
