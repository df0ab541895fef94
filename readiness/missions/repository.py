"""Queries for the missions pages."""

from sqlmodel import Session, select

from readiness.models import Country, Mission


def missions(session: Session) -> list[Mission]:
    return list(session.exec(select(Mission).order_by(Mission.acronym)).all())


def countries(session: Session, codes: frozenset[str] | None) -> list[Country]:
    """Countries by name; only `codes` when given (None: every country)."""
    query = select(Country).order_by(Country.name)
    if codes is not None:
        query = query.where(Country.code.in_(codes))
    return list(session.exec(query).all())
