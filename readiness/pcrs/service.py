"""PCRS levels: read by whoever reads the unit's country; kept by its force generation staff and the UN."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.errors import Forbidden, NotFound
from readiness.models import Unit, UnitStatus
from readiness.pcrs import repository, rules
from readiness.pcrs.schemas import DATE_FIELDS, PcrsFields, PcrsWarningOut, UnitPcrs
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest

PCRS_FIELDS = ("pcrs_level", *DATE_FIELDS)


def dates_of(row) -> rules.PcrsDates:
    """The rules' view of a unit (a Unit or a row of repository.units_with_dates)."""
    get = row.get if hasattr(row, "get") else lambda name: getattr(row, name)
    return rules.PcrsDates(level=get("pcrs_level"), **{name: get(name) for name in DATE_FIELDS},
                           deployed=get("status") == UnitStatus.deployed,
                           pledged_to_mission=get("target_mission_id") is not None)


def pcrs_of(row, on: date) -> UnitPcrs:
    """A unit's level, dates and warnings on `on`."""
    get = row.get if hasattr(row, "get") else lambda name: getattr(row, name)
    dates = dates_of(row)
    warnings = [PcrsWarningOut(code=w.code, severity=w.severity, message=w.message) for w in rules.warnings(dates, on)]
    return UnitPcrs(unit=get("code"), unit_name=get("name"), country=get("country_code"), as_of=on,
                    pcrs_level=dates.level, **{name: get(name) for name in DATE_FIELDS},
                    aav_expires_on=rules.aav_expires_on(dates), self_cert_due_on=rules.self_cert_due_on(dates),
                    selectable=rules.selectable(dates), warnings=warnings)


def readable_unit(session: Session, *, actor: Actor, code: str) -> Unit:
    unit = repository.unit_by_code(session, code)
    if unit is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    return unit


def unit_pcrs(session: Session, *, actor: Actor, code: str, on: date) -> UnitPcrs:
    """One unit's level, dates and warnings on `on`."""
    return pcrs_of(readable_unit(session, actor=actor, code=code), on)


def can_keep(actor: Actor, country: str) -> bool:
    return actor.can_keep_pcrs_dates_of(country)


def update_pcrs(session: Session, *, actor: Actor, code: str, fields: PcrsFields, on: date) -> UnitPcrs:
    """Set the unit's level and dates (all of them); audited with the fields that changed."""
    unit = readable_unit(session, actor=actor, code=code)
    if not actor.can_keep_pcrs_dates_of(unit.country_code):
        raise Forbidden(_("PCRS levels and dates are kept by the unit's force generation staff and UN mission "
                          "planners."))
    before = snapshot(unit, only=set(PCRS_FIELDS))
    for name, value in fields.model_dump().items():
        setattr(unit, name, value)
    session.flush()
    old, new = changed(before, snapshot(unit, only=set(PCRS_FIELDS)))
    if new:
        audit_record(session, actor=actor, action="update", entity="unit", entity_id=unit.id, before=old, after=new,
                     summary=_("PCRS level and dates of %(code)s", code=unit.code))
    return pcrs_of(unit, on)


@dataclass(frozen=True)
class PcrsFilter:
    country: str | None = None
    level: str | None = None  # a PcrsLevel, "none", or None for any
    with_warnings: bool = False


def pcrs_page(session: Session, *, actor: Actor, filters: PcrsFilter, paging: PageRequest, on: date) -> Page[UnitPcrs]:
    """One page of readable units with their levels and warnings: one query, the rules applied to its rows."""
    rows = repository.units_with_dates(session, countries=actor.readable_countries(), country=filters.country,
                                       level=filters.level)
    units = [pcrs_of(row, on) for row in rows]
    if filters.with_warnings:
        units = [unit for unit in units if unit.warnings]
    return Page[UnitPcrs].of(units[paging.offset:paging.offset + paging.per_page], paging, len(units))


def country_choices(session: Session, *, actor: Actor) -> list:
    return repository.countries(session, actor.readable_countries())
