"""Reading units: unit-level figures, scoped to the countries the actor may read."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.caveats.rules import flagged_unit_ids
from readiness.errors import Forbidden, NotFound
from readiness.planning import service as planning
from readiness.readiness import service as engine
from readiness.readiness.schemas import PersonGap, UnitReadiness
from readiness.units import repository
from readiness.units.schemas import (
    SORT_KEYS,
    UnitFilter,
    UnitListQuery,
    UnitPublic,
    UnitRow,
)
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest


def list_units(session: Session, *, actor: Actor, filters: UnitFilter, paging: PageRequest,
               on: date) -> Page[UnitPublic]:
    """The units the actor may read that match the filters, one page of them."""
    countries = actor.readable_countries()
    rows = repository.page_of_units(session, filters, countries, on,
                                    offset=paging.offset, limit=paging.per_page)
    total = repository.count_units(session, filters, countries, on)
    return Page[UnitPublic].of([UnitPublic.model_validate(dict(row)) for row in rows], paging, total)


def get_unit(session: Session, *, actor: Actor, code: str, on: date) -> UnitPublic:
    """One unit; another country's unit is not found, whatever its existence."""
    row = repository.unit_by_code(session, code, on)
    if row is None or not actor.can_read_country(row["country"]):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    return UnitPublic.model_validate(dict(row))


# --- the units list page: every readable unit with its target readiness --------------------

READINESS_ORDER = {"ready": 0, "partial": 1, "not_ready": 2, "no_target": 3}


def units_with_readiness(session: Session, *, actor: Actor, listing: UnitListQuery, on: date) -> list[UnitRow]:
    """Units matching the filters, each with its readiness against its target requirement, sorted."""
    countries = actor.readable_countries()
    rows = repository.all_units(session, listing.filters, countries, on)
    readiness = engine.target_readiness(session, actor=actor,
                                 unit_ids=repository.matching_unit_ids(listing.filters, countries))
    units = [_unit_row(row, readiness[row["id"]]) for row in rows if row["id"] in readiness]
    if listing.readiness:
        units = [unit for unit in units if unit.readiness == listing.readiness]
    return sorted(units, key=_sort_key(listing.sort), reverse=listing.descending)


def list_page(session: Session, *, actor: Actor, listing: UnitListQuery, on: date,
              per_page: int = 50) -> Page[UnitRow]:
    """One page of the units list."""
    units = units_with_readiness(session, actor=actor, listing=listing, on=on)
    paging = PageRequest(listing.page, per_page)
    return Page[UnitRow].of(units[paging.offset:paging.offset + paging.per_page], paging, len(units))


def flagged_codes(session: Session, units: list[UnitRow], on: date) -> set[str]:
    """The codes of `units` flagged red by a caveat on `on`, in one query."""
    ids = flagged_unit_ids(session, [unit.id for unit in units], on) if units else set()
    return {unit.code for unit in units if unit.id in ids}


def filter_choices(session: Session, *, actor: Actor) -> dict[str, list[str]]:
    """Countries (readable ones), unit types and missions to filter the list by."""
    return repository.filter_choices(session, actor.readable_countries())


def _unit_row(row, target) -> UnitRow:
    return UnitRow.model_validate({**dict(row), "requirement": target.requirement, "score": target.score,
                                   "requirement_version": target.requirement_version,
                                   "readiness_as_of": target.as_of, "readiness": target.status})


def _sort_key(sort: str):
    # Empty values sort last in ascending order; the unit code breaks ties so pages are stable.
    def key(unit: UnitRow):
        if sort == "readiness":
            return (READINESS_ORDER[unit.readiness], unit.code)
        value = getattr(unit, sort if sort in SORT_KEYS else "code")
        return (value is None, value if value is not None else 0, unit.code)

    return key


# --- the unit page ---------------------------------------------------------------------------

TREND_MONTHS = 12
PAGE_SIZE = 50


@dataclass(frozen=True)
class TrendPoint:
    day: date
    score: float


@dataclass(frozen=True)
class UnitReport:
    """What the unit page's readiness card shows for one requirement and date."""

    unit: UnitRow
    requirement_choices: list
    report: UnitReadiness | None
    trend: list[TrendPoint]
    sees_people: bool
    flagged: bool = False  # a caveat in force on flag_as_of raises the red flag
    flag_as_of: date | None = None


def unit_report(session: Session, *, actor: Actor, code: str, requirement: str | None,
                as_of: date | None, today: date) -> UnitReport:
    """The unit with its readiness against `requirement` (default: its target) on `as_of`."""
    unit = readable_unit(session, actor=actor, code=code, on=today)
    choices = _target_first(repository.requirements_for_type(session, unit.unit_type_id), unit)
    chosen = requirement or (f"{choices[0].code}@{choices[0].version}" if choices else None)
    report = trend = None
    if chosen:
        report = engine.unit_readiness(session, actor=actor, unit_code=code, requirement_code=chosen, as_of=as_of)
        trend = readiness_trend(session, actor=actor, code=code, requirement=chosen, today=today)
    # The flag is read on the card's date (where there is a card), else today.
    flag_as_of = report.as_of if report else today
    return UnitReport(unit=unit, requirement_choices=choices, report=report, trend=trend or [],
                      sees_people=actor.can_see_people_of(unit.country),
                      flagged=bool(flagged_unit_ids(session, [unit.id], flag_as_of)), flag_as_of=flag_as_of)


def _target_first(choices: list, unit: UnitRow) -> list:
    # The unit's own target leads the list; the others follow by code, newest version first.
    return sorted(choices, key=lambda r: not (r.code == unit.requirement and r.version == unit.requirement_version))


def readable_unit(session: Session, *, actor: Actor, code: str, on: date) -> UnitRow:
    """One unit with its target readiness; another country's unit is not found."""
    row = repository.unit_record(session, code, on)
    if row is None or not actor.can_read_country(row["country"]):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    target = engine.target_readiness(session, actor=actor, unit_ids=repository.just(row["id"]))[row["id"]]
    return _unit_row(row, target)


def readiness_trend(session: Session, *, actor: Actor, code: str, requirement: str, today: date) -> list[TrendPoint]:
    """The unit's score at the end of each of the last 12 months (this month: today).

    One unit report per month: 12 reports of five statements each, whatever the unit's size.
    """
    days = month_ends(today, TREND_MONTHS)
    return [TrendPoint(day, engine.unit_readiness(session, actor=actor, unit_code=code,
                                                  requirement_code=requirement, as_of=day).score)
            for day in days]


def month_ends(today: date, months: int) -> list[date]:
    """The last day of each of the `months` months up to today's, the current month ending today."""
    ends = [today]
    first = today.replace(day=1)
    for _month in range(months - 1):
        ends.append(first - timedelta(days=1))
        first = ends[-1].replace(day=1)
    return list(reversed(ends))


def gaps_page(session: Session, *, actor: Actor, code: str, requirement: str, as_of: date | None,
              page: int) -> Page[PersonGap]:
    """One page of who needs what (personal data: refused to roles that may not see people)."""
    gaps = engine.unit_gaps(session, actor=actor, unit_code=code, requirement_code=requirement, as_of=as_of)
    paging = PageRequest(page, PAGE_SIZE)
    items = gaps.gaps[paging.offset:paging.offset + paging.per_page]
    return Page[PersonGap].of(items, paging, len(gaps.gaps))


def places_held(session: Session, gaps: Page[PersonGap]) -> dict[tuple[int, str], date]:
    """For a page of who needs what: the upcoming session places its people already hold."""
    return planning.places_held(session, gaps.items, today=date.today())


def all_gaps(session: Session, *, actor: Actor, code: str, requirement: str, as_of: date | None):
    """Every person missing a line, for the export."""
    return engine.unit_gaps(session, actor=actor, unit_code=code, requirement_code=requirement, as_of=as_of)


def roster(session: Session, *, actor: Actor, code: str, on: date, page: int) -> Page:
    """One page of the people on the unit's roster (personal data)."""
    unit = _unit_with_people(session, actor, code, on)
    paging = PageRequest(page, PAGE_SIZE)
    rows = repository.roster_page(session, unit["id"], on, offset=paging.offset, limit=paging.per_page)
    return Page[dict].of([dict(row) for row in rows], paging, repository.roster_size(session, unit["id"], on))


def completion_history(session: Session, *, actor: Actor, code: str, on: date, page: int) -> Page:
    """One page of the completions of the unit's people, newest first (personal data)."""
    unit = _unit_with_people(session, actor, code, on)
    paging = PageRequest(page, PAGE_SIZE)
    rows = repository.history_page(session, unit["id"], on, offset=paging.offset, limit=paging.per_page)
    return Page[dict].of([dict(row) for row in rows], paging, repository.history_size(session, unit["id"], on))


def _unit_with_people(session: Session, actor: Actor, code: str, on: date):
    row = repository.unit_record(session, code, on)
    if row is None or not actor.can_read_country(row["country"]):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    if not actor.can_see_people_of(row["country"]):
        raise Forbidden(_("Your role works on unit-level figures; people's records are not shown to it."))
    return row
