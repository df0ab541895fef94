"""Queries for people, with the unit of their open assignment."""

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import Assignment, Person, Unit


def _people_query(countries: frozenset[str] | None) -> sa.Select:
    query = (
        sa.select(
            Person.id, Person.country_code.label("country"), Person.service_number, Person.family_name,
            Person.given_name, Person.gender, Person.rank, Person.role, Unit.code.label("unit"),
        )
        .outerjoin(Assignment, (Assignment.person_id == Person.id) & Assignment.end_on.is_(None))
        .outerjoin(Unit, Unit.id == Assignment.unit_id)
    )
    if countries is not None:
        query = query.where(Person.country_code.in_(countries))
    return query


def person_by_id(session: Session, person_id: int):
    return session.execute(_people_query(None).where(Person.id == person_id)).mappings().first()


def search(session: Session, countries, text: str | None, *, offset: int, limit: int):
    query = _matching(_people_query(countries), text)
    rows = session.execute(
        query.order_by(Person.country_code, Person.service_number).offset(offset).limit(limit)
    ).mappings().all()
    total = session.execute(sa.select(sa.func.count()).select_from(query.subquery())).scalar_one()
    return rows, total


def _matching(query: sa.Select, text: str | None) -> sa.Select:
    if not text:
        return query
    # Service numbers are matched from their start, names anywhere, ignoring case.
    lowered = text.lower()
    return query.where(
        sa.or_(
            sa.func.lower(Person.service_number).like(f"{lowered}%"),
            sa.func.lower(Person.family_name).like(f"%{lowered}%"),
            sa.func.lower(Person.given_name).like(f"%{lowered}%"),
        )
    )
