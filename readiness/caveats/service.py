"""Caveats: read by whoever reads the unit's country, kept by its force generation staff and the UN."""

from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.caveats import repository, rules
from readiness.caveats.schemas import CaveatFields, CaveatPatch, CaveatPublic
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import Caveat, Unit
from readiness.web.i18n import gettext as _


@dataclass(frozen=True)
class UnitCaveats:
    """A unit's caveats on a day: those in force first, then the past and future ones."""

    unit: Unit
    in_force: list[CaveatPublic]
    others: list[CaveatPublic]
    flagged: bool
    can_keep: bool
    on: date


def public(caveat: Caveat, unit_code: str, on: date) -> CaveatPublic:
    values = caveat.model_dump()
    return CaveatPublic(**values, unit=unit_code, in_force=rules.in_force(caveat, on),
                        raises_flag=rules.raises_flag(caveat, on))


def readable_unit(session: Session, *, actor: Actor, code: str) -> Unit:
    """The unit, if the actor reads its country; otherwise not found."""
    unit = repository.unit_by_code(session, code)
    if unit is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    return unit


def list_caveats(session: Session, *, actor: Actor, code: str, on: date) -> list[CaveatPublic]:
    """The unit's caveats, those in force on `on` first."""
    view = unit_caveats(session, actor=actor, code=code, on=on)
    return view.in_force + view.others


def unit_caveats(session: Session, *, actor: Actor, code: str, on: date) -> UnitCaveats:
    """The unit's caveats split into in force on `on` and the others, and whether it is flagged."""
    unit = readable_unit(session, actor=actor, code=code)
    caveats = [public(c, unit.code, on) for c in repository.caveats_of(session, unit.id)]
    return UnitCaveats(unit=unit, in_force=[c for c in caveats if c.in_force],
                       others=[c for c in caveats if not c.in_force],
                       flagged=any(c.raises_flag for c in caveats),
                       can_keep=actor.can_keep_caveats_of(unit.country_code), on=on)


def _require_keeper(actor: Actor, unit: Unit) -> None:
    if not actor.can_keep_caveats_of(unit.country_code):
        raise Forbidden(_("Caveats are kept by the unit's force generation staff and UN mission planners."))


def create_caveat(session: Session, *, actor: Actor, code: str, fields: CaveatFields, on: date) -> CaveatPublic:
    """Record a caveat on the unit; audited."""
    unit = readable_unit(session, actor=actor, code=code)
    _require_keeper(actor, unit)
    caveat = repository.add(session, Caveat(**fields.model_dump(), unit_id=unit.id, recorded_by=actor.email))
    audit_record(session, actor=actor, action="create", entity="caveat", entity_id=caveat.id,
                 after=snapshot(caveat), summary=f"{unit.code}: {caveat.text}")
    return public(caveat, unit.code, on)


def _kept(session: Session, actor: Actor, caveat_id: int) -> tuple[Caveat, Unit]:
    caveat = repository.get(session, caveat_id)
    unit = caveat and repository.unit_of(session, caveat)
    if caveat is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no caveat with id %(id)s.", id=caveat_id))
    _require_keeper(actor, unit)
    return caveat, unit


def get_caveat(session: Session, *, actor: Actor, caveat_id: int, on: date) -> CaveatPublic:
    """One caveat of a unit the actor reads."""
    caveat = repository.get(session, caveat_id)
    unit = caveat and repository.unit_of(session, caveat)
    if caveat is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no caveat with id %(id)s.", id=caveat_id))
    return public(caveat, unit.code, on)


def update_caveat(session: Session, *, actor: Actor, caveat_id: int, fields: CaveatFields | CaveatPatch,
                  on: date) -> CaveatPublic:
    """Change a caveat (every field, or only those given); the result is validated whole; audited."""
    caveat, unit = _kept(session, actor, caveat_id)
    before = snapshot(caveat)
    merged = _merged(before, fields)
    for name, value in merged.model_dump().items():
        setattr(caveat, name, value)
    session.flush()
    old, new = changed(before, snapshot(caveat))
    audit_record(session, actor=actor, action="update", entity="caveat", entity_id=caveat_id, before=old, after=new)
    return public(caveat, unit.code, on)


def _merged(before: dict, fields: CaveatFields | CaveatPatch) -> CaveatFields:
    if isinstance(fields, CaveatFields):
        return fields
    values = {name: before[name] for name in CaveatFields.model_fields}
    values.update(fields.model_dump(exclude_unset=True))
    try:
        return CaveatFields.model_validate(values)
    except ValidationError as problem:
        raise Invalid(problem.errors()[0]["msg"].removeprefix("Value error, "),
                      details=[{"field": ".".join(map(str, e["loc"])) or "form",
                                "message": e["msg"].removeprefix("Value error, ")} for e in problem.errors()]) from None


def delete_caveat(session: Session, *, actor: Actor, caveat_id: int) -> str:
    """Delete a caveat; audited. Returns the unit's code."""
    caveat, unit = _kept(session, actor, caveat_id)
    before = snapshot(caveat)
    repository.delete(session, caveat)
    audit_record(session, actor=actor, action="delete", entity="caveat", entity_id=caveat_id, before=before)
    return unit.code


def is_flagged(session: Session, *, unit_id: int, on: date) -> bool:
    """Whether the unit is flagged red on `on` (one query)."""
    return bool(rules.flagged_unit_ids(session, [unit_id], on))
