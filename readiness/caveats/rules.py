"""When a caveat is in force, and when it flags its unit: the one place for both rules.

HIPPO (2015): caveats beyond those accepted at the outset cannot be condoned. So a caveat in
force on a day raises the red flag when it was never declared, or was declared but not
accepted by the UN.
"""

from datetime import date

import sqlalchemy as sa

from readiness.models import Caveat, Unit


def in_force(caveat: Caveat, on: date) -> bool:
    """Whether `caveat` applies on `on` (active_to is the last day it applies)."""
    return caveat.active_from <= on and (caveat.active_to is None or on <= caveat.active_to)


def raises_flag(caveat: Caveat, on: date) -> bool:
    """Whether `caveat` flags its unit red on `on`."""
    return in_force(caveat, on) and (not caveat.declared or not caveat.accepted_by_un)


def in_force_on(on: date) -> sa.ColumnElement[bool]:
    """SQL: the caveat applies on `on`."""
    return sa.and_(Caveat.active_from <= on, sa.or_(Caveat.active_to.is_(None), Caveat.active_to >= on))


def flags_on(on: date) -> sa.ColumnElement[bool]:
    """SQL: the caveat flags its unit red on `on`."""
    return sa.and_(in_force_on(on), sa.or_(Caveat.declared.is_(False), Caveat.accepted_by_un.is_(False)))


def flagged_unit_ids(connection_or_session, unit_ids: list[int] | None, on: date) -> set[int]:
    """The units (of `unit_ids`, or all) flagged red on `on`, in one query."""
    query = sa.select(Caveat.unit_id).where(flags_on(on)).distinct()
    if unit_ids is not None:
        query = query.where(Caveat.unit_id.in_(unit_ids))
    return set(connection_or_session.execute(query).scalars())


def flagged_unit_codes(connection_or_session, unit_codes: list[str] | None, on: date) -> set[str]:
    """The unit codes (of `unit_codes`, or all) flagged red on `on`, in one query."""
    query = sa.select(Unit.code).join(Caveat, Caveat.unit_id == Unit.id).where(flags_on(on)).distinct()
    if unit_codes is not None:
        query = query.where(Unit.code.in_(unit_codes))
    return set(connection_or_session.execute(query).scalars())
