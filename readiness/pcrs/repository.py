"""Queries for units' PCRS levels and dates."""

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Country, Unit

COLUMNS = (Unit.id, Unit.code, Unit.name, Unit.country_code, Unit.pcrs_level, Unit.status, Unit.target_mission_id,
           Unit.planned_deployment, Unit.pledge_registered_on, Unit.last_aav_on, Unit.l3_since,
           Unit.last_self_cert_on, Unit.rdl_verified_on)


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.exec(select(Unit).where(Unit.code == code)).first()


def units_with_dates(session: Session, *, countries: frozenset[str] | None, country: str | None,
                     level: str | None):
    """Every unit in `countries` (None: all) matching the filters, with its level and dates, by code: one query."""
    query = sa.select(*COLUMNS).order_by(Unit.code)
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    if country:
        query = query.where(Unit.country_code == country)
    if level == "none":
        query = query.where(Unit.pcrs_level.is_(None))
    elif level:
        query = query.where(Unit.pcrs_level == level)
    return session.execute(query).mappings().all()


def countries(session: Session, codes: frozenset[str] | None) -> list[Country]:
    query = select(Country).order_by(Country.code)
    if codes is not None:
        query = query.where(Country.code.in_(codes))
    return list(session.exec(query).all())
