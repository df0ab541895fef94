"""Idempotent loading by natural key: create what is missing, update what differs, count the rest."""

from collections import Counter
from collections.abc import Iterable

from sqlmodel import Session, SQLModel, select


def upsert_by_key(
    session: Session, model: type[SQLModel], key: str, rows: Iterable[dict]
) -> Counter:
    """Make the table hold `rows` (matched on column `key`); returns created/updated/unchanged counts."""
    existing = {getattr(item, key): item for item in session.exec(select(model)).all()}
    counts: Counter = Counter(created=0, updated=0, unchanged=0)
    for row in rows:
        current = existing.get(row[key])
        if current is None:
            session.add(model.model_validate(row))
            counts["created"] += 1
        elif _apply_changes(current, row):
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    session.flush()
    return counts


def _apply_changes(item: SQLModel, row: dict) -> bool:
    changed = False
    for name, value in row.items():
        if getattr(item, name) != value:
            setattr(item, name, value)
            changed = True
    return changed
