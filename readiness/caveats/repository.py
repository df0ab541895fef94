"""Queries for caveats and the units they belong to."""

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Caveat, Unit


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.exec(select(Unit).where(Unit.code == code)).first()


def caveats_of(session: Session, unit_id: int) -> list[Caveat]:
    """The unit's caveats, newest start first."""
    query = select(Caveat).where(Caveat.unit_id == unit_id).order_by(Caveat.active_from.desc(), Caveat.id.desc())
    return list(session.exec(query).all())


def get(session: Session, caveat_id: int) -> Caveat | None:
    return session.get(Caveat, caveat_id)


def unit_of(session: Session, caveat: Caveat) -> Unit:
    return session.get(Unit, caveat.unit_id)


def add(session: Session, caveat: Caveat) -> Caveat:
    session.add(caveat)
    session.flush()
    return caveat


def delete(session: Session, caveat: Caveat) -> None:
    session.delete(caveat)
    session.flush()


def count_for_unit(session: Session, unit_id: int) -> int:
    return session.execute(sa.select(sa.func.count()).where(Caveat.unit_id == unit_id)).scalar_one()
