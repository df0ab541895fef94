"""The audit trail: who changed what, when, and the values before and after."""

import math
from dataclasses import dataclass

from sqlmodel import Session, SQLModel

from readiness.accounts.scope import Actor
from readiness.audit import repository
from readiness.audit.repository import AuditFilter
from readiness.errors import Forbidden, Invalid
from readiness.models import AuditEntry, User
from readiness.web.i18n import gettext as _

ACTIONS = frozenset({"create", "update", "delete", "import", "generate"})
# Never copied into the trail: the trail is read by people who must not see them.
SECRET_FIELDS = frozenset({"password_hash", "token_hash"})
PAGE_SIZE = 50


def snapshot(record: SQLModel, *, only: set[str] | None = None) -> dict:
    """The record's values as JSON-ready data, without secrets."""
    values = record.model_dump(mode="json", exclude=set(SECRET_FIELDS))
    return {k: v for k, v in values.items() if only is None or k in only}


def changed(before: dict, after: dict) -> tuple[dict, dict]:
    """Only the fields whose values differ, as (before, after)."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {key: before.get(key) for key in keys}, {key: after[key] for key in keys}


def record(
    session: Session,
    *,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: object = None,
    before: dict | None = None,
    after: dict | None = None,
    summary: str | None = None,
) -> AuditEntry:
    """Add one entry for a create, update, delete or import done by `actor`."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    entry = AuditEntry(
        user_id=actor.user_id,
        actor=actor.email,
        action=action,
        entity=entity,
        entity_id=None if entity_id is None else str(entity_id),
        before=before,
        after=after,
        summary=summary[:500] if summary else None,
    )
    return repository.add(session, entry)


@dataclass(frozen=True)
class AuditPage:
    entries: list[AuditEntry]
    page: int
    pages: int
    total: int
    users: list[User]  # the filter's choices
    entities: list[str]


def audit_page(session: Session, *, actor: Actor, filters: AuditFilter, page: int = 1) -> AuditPage:
    """One page of entries matching `filters`, newest first; admins only."""
    if not actor.is_admin:
        raise Forbidden(_("Only administrators may read the audit trail."))
    if page < 1:
        raise Invalid(_("The page number must be 1 or more."))
    total = repository.count_entries(session, filters)
    entries = repository.entries(session, filters, offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
    return AuditPage(
        entries=entries,
        page=page,
        pages=max(1, math.ceil(total / PAGE_SIZE)),
        total=total,
        users=repository.users(session),
        entities=repository.entities(session),
    )
