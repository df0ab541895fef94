"""Queries for ministerials, pledges and their progress notes."""

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Country, MinisterialEvent, MinisterialPledge, PledgeProgressNote, Unit
from readiness.pledges.schemas import PledgeFilter

SORT_COLUMNS = {"event": MinisterialEvent.held_from, "country": MinisterialPledge.country_code,
                "category": MinisterialPledge.category, "status": MinisterialPledge.status}


def _base() -> sa.Select:
    return (
        sa.select(MinisterialPledge, MinisterialEvent.code.label("event"), MinisterialEvent.city,
                  MinisterialEvent.held_from, Country.name.label("country_name"), Unit.code.label("unit"),
                  Unit.name.label("unit_name"))
        .join(MinisterialEvent, MinisterialEvent.id == MinisterialPledge.event_id)
        .join(Country, Country.code == MinisterialPledge.country_code)
        .outerjoin(Unit, Unit.id == MinisterialPledge.unit_id)
    )


def _filtered(query: sa.Select, countries: frozenset[str] | None, filters: PledgeFilter) -> sa.Select:
    if countries is not None:
        query = query.where(MinisterialPledge.country_code.in_(sorted(countries)))
    if filters.event:
        query = query.where(MinisterialEvent.code == filters.event)
    if filters.country:
        query = query.where(MinisterialPledge.country_code == filters.country)
    if filters.category:
        query = query.where(MinisterialPledge.category == filters.category)
    if filters.status:
        query = query.where(MinisterialPledge.status == filters.status)
    return query


def pledges(session: Session, *, countries: frozenset[str] | None, filters: PledgeFilter, sort: str = "event",
            descending: bool = True, offset: int = 0, limit: int | None = None) -> list:
    """Pledge rows of `countries` (None: every country) matching the filters, sorted."""
    column = SORT_COLUMNS.get(sort, MinisterialEvent.held_from)
    query = _filtered(_base(), countries, filters).order_by(
        column.desc() if descending else column.asc(), MinisterialPledge.country_code, MinisterialPledge.id)
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return list(session.execute(query).all())


def count(session: Session, *, countries: frozenset[str] | None, filters: PledgeFilter) -> int:
    query = (sa.select(sa.func.count()).select_from(MinisterialPledge)
             .join(MinisterialEvent, MinisterialEvent.id == MinisterialPledge.event_id))
    return session.execute(_filtered(query, countries, filters)).scalar_one()


def counts(session: Session, *, countries: frozenset[str] | None, filters: PledgeFilter) -> list[tuple]:
    """(category, status, number of pledges) of `countries` matching the filters."""
    query = (sa.select(MinisterialPledge.category, MinisterialPledge.status, sa.func.count())
             .select_from(MinisterialPledge)
             .join(MinisterialEvent, MinisterialEvent.id == MinisterialPledge.event_id)
             .group_by(MinisterialPledge.category, MinisterialPledge.status))
    return list(session.execute(_filtered(query, countries, filters)).all())


def pledge_row(session: Session, pledge_id: int):
    return session.execute(_base().where(MinisterialPledge.id == pledge_id)).first()


def get(session: Session, pledge_id: int) -> MinisterialPledge | None:
    return session.get(MinisterialPledge, pledge_id)


def events(session: Session) -> list[MinisterialEvent]:
    return list(session.exec(select(MinisterialEvent).order_by(MinisterialEvent.held_from)).all())


def event_by_code(session: Session, code: str) -> MinisterialEvent | None:
    return session.exec(select(MinisterialEvent).where(MinisterialEvent.code == code)).first()


def event_by_id(session: Session, event_id: int) -> MinisterialEvent | None:
    return session.get(MinisterialEvent, event_id)


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.exec(select(Unit).where(Unit.code == code)).first()


def unit_code(session: Session, unit_id: int | None) -> str | None:
    unit = session.get(Unit, unit_id) if unit_id is not None else None
    return unit.code if unit else None


def units_of(session: Session, country_code: str) -> list[Unit]:
    return list(session.exec(select(Unit).where(Unit.country_code == country_code).order_by(Unit.code)).all())


def country_exists(session: Session, code: str) -> bool:
    return session.get(Country, code) is not None


def countries(session: Session, codes: frozenset[str] | None = None) -> list[Country]:
    query = select(Country).order_by(Country.name)
    if codes is not None:
        query = query.where(Country.code.in_(sorted(codes)))
    return list(session.exec(query).all())


def notes_of(session: Session, pledge_id: int) -> list[PledgeProgressNote]:
    query = (select(PledgeProgressNote).where(PledgeProgressNote.pledge_id == pledge_id)
             .order_by(PledgeProgressNote.noted_on.desc(), PledgeProgressNote.id.desc()))
    return list(session.exec(query).all())


def find(session: Session, *, event_id: int, country_code: str, category: str, detail: str) -> MinisterialPledge | None:
    query = select(MinisterialPledge).where(
        MinisterialPledge.event_id == event_id, MinisterialPledge.country_code == country_code,
        MinisterialPledge.category == category, MinisterialPledge.detail == detail)
    return session.exec(query).first()


def has_note(session: Session, pledge_id: int, text: str) -> bool:
    query = select(PledgeProgressNote.id).where(PledgeProgressNote.pledge_id == pledge_id,
                                                PledgeProgressNote.text == text)
    return session.exec(query).first() is not None


def add(session: Session, record):
    session.add(record)
    session.flush()
    return record


def delete(session: Session, pledge: MinisterialPledge) -> None:
    session.execute(sa.delete(PledgeProgressNote).where(PledgeProgressNote.pledge_id == pledge.id))
    session.delete(pledge)
    session.flush()
