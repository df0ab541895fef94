"""Queries for the audit trail."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import func
from sqlmodel import Session, select

from readiness.models import AuditEntry, User


@dataclass(frozen=True)
class AuditFilter:
    user_id: int | None = None
    entity: str | None = None
    since: date | None = None
    until: date | None = None


def add(session: Session, entry: AuditEntry) -> AuditEntry:
    session.add(entry)
    session.flush()
    return entry


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def _filtered(statement, filters: AuditFilter):
    if filters.user_id is not None:
        statement = statement.where(AuditEntry.user_id == filters.user_id)
    if filters.entity:
        statement = statement.where(AuditEntry.entity == filters.entity)
    if filters.since:
        statement = statement.where(AuditEntry.at >= _start_of(filters.since))
    if filters.until:
        # `until` is inclusive: everything before the start of the next day.
        statement = statement.where(AuditEntry.at < _start_of(filters.until + timedelta(days=1)))
    return statement


def entries(session: Session, filters: AuditFilter, *, offset: int, limit: int) -> list[AuditEntry]:
    """Entries matching `filters`, newest first."""
    statement = _filtered(select(AuditEntry), filters)
    statement = statement.order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
    return list(session.exec(statement.offset(offset).limit(limit)).all())


def count_entries(session: Session, filters: AuditFilter) -> int:
    return session.exec(_filtered(select(func.count(AuditEntry.id)), filters)).one()


def entities(session: Session) -> list[str]:
    """The entity names that appear in the trail, for the filter's choices."""
    return list(session.exec(select(AuditEntry.entity).distinct().order_by(AuditEntry.entity)).all())


def users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.email)).all())
