"""Gender parity: targets by year and category, and where units, countries and training stand.

Every figure is a share of women on the engine's rosters or among people holding a valid
completion (docs/readiness-rules.md); colours and the applying target come from parity.rules.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.course_sessions.seats import session_seats
from readiness.errors import Conflict, Forbidden, NotFound
from readiness.models import GenderParityTarget, ParityCategory, Requirement, Unit
from readiness.parity import repository, rules
from readiness.parity.schemas import (
    AppliedTargetPublic,
    CategoryTarget,
    CountryShare,
    ParityReport,
    PastSessionWomen,
    ReadyShare,
    TargetIn,
    TargetPublic,
    TrainedShare,
    UnitParity,
    UnitShare,
    UpcomingSessionPlaces,
)
from readiness.readiness import rules as readiness_rules
from readiness.readiness.service import percentage, target_readiness
from readiness.units import repository as units_repository
from readiness.web.i18n import gettext as _

SESSIONS_SHOWN = 50


# --- targets -------------------------------------------------------------------------------


def list_targets(session: Session) -> list[TargetPublic]:
    """Every target set, by year and category (readable by every signed-in user)."""
    return [TargetPublic.model_validate(target) for target in repository.targets(session)]


def applied_targets(session: Session, year: int) -> dict[ParityCategory, AppliedTargetPublic | None]:
    """Category -> the target that applies to `year` (its own, else the nearest earlier), or None."""
    stored = repository.targets(session)
    return {category: _public(rules.applicable_target(stored, year, category)) for category in ParityCategory}


def _public(applied: rules.AppliedTarget | None) -> AppliedTargetPublic | None:
    if applied is None:
        return None
    return AppliedTargetPublic(**vars(applied), fallback=applied.fallback)


@dataclass(frozen=True)
class TargetCell:
    """One year and category of the targets table: the target set, or the one carried forward."""

    stored: TargetPublic | None
    applied: AppliedTargetPublic | None


@dataclass(frozen=True)
class TargetsTable:
    years: list[int]
    rows: dict[int, dict[ParityCategory, TargetCell]]
    categories: list[ParityCategory]


def targets_table(session: Session, *, this_year: int) -> TargetsTable:
    """The targets by year (every year set, and this year) and category, with what applies where none is set."""
    stored = repository.targets(session)
    by_key = {(t.year, ParityCategory(t.category)): t for t in stored}
    years = sorted({t.year for t in stored} | {this_year})
    rows = {
        year: {category: TargetCell(
            stored=TargetPublic.model_validate(by_key[(year, category)]) if (year, category) in by_key else None,
            applied=_public(rules.applicable_target(stored, year, category)))
            for category in ParityCategory}
        for year in years
    }
    return TargetsTable(years=years, rows=rows, categories=list(ParityCategory))


def save_target(session: Session, *, actor: Actor, fields: TargetIn) -> TargetPublic:
    """Add or change an illustrative target (administrators); sourced UGPS targets are locked. Audited."""
    require_target_keeper(actor)
    target = repository.get_target(session, fields.year, fields.category)
    if target is not None:
        _refuse_sourced(target)
    values = {"target_pct": fields.target_pct, "source": fields.source or None, "sourced": False}
    if target is None:
        target = GenderParityTarget(year=fields.year, category=fields.category, **values)
        repository.add(session, target)
        audit_record(session, actor=actor, action="create", entity="gender_parity_target",
                     entity_id=_target_key(target), after=snapshot(target))
        return TargetPublic.model_validate(target)
    return _update_target(session, actor, target, values)


def delete_target(session: Session, *, actor: Actor, year: int, category: ParityCategory) -> None:
    """Remove an illustrative target (administrators); the year then takes the nearest earlier
    year's target. Sourced UGPS targets are locked. Audited."""
    require_target_keeper(actor)
    target = repository.get_target(session, year, category)
    if target is None:
        raise NotFound(_("No target is set for %(year)s in this category.", year=year))
    _refuse_sourced(target)
    audit_record(session, actor=actor, action="delete", entity="gender_parity_target",
                 entity_id=_target_key(target), before=snapshot(target))
    repository.delete(session, target)


def require_target_keeper(actor: Actor) -> None:
    """Only administrators add, change or remove targets."""
    if not actor.can_keep_parity_targets():
        raise Forbidden(_("Only administrators set gender parity targets."))


def _refuse_sourced(target: GenderParityTarget) -> None:
    # The UGPS's published figures are locked: neither changed nor removed.
    if target.sourced:
        raise Conflict(_("The %(year)s target for this category is the UN's sourced figure; it cannot be changed.",
                         year=target.year))


def _update_target(session: Session, actor: Actor, target: GenderParityTarget, values: dict) -> TargetPublic:
    before = snapshot(target)
    for name, value in values.items():
        setattr(target, name, value)
    session.flush()
    old, new = changed(before, snapshot(target))
    if new:
        audit_record(session, actor=actor, action="update", entity="gender_parity_target",
                     entity_id=_target_key(target), before=old, after=new)
    return TargetPublic.model_validate(target)


def _target_key(target: GenderParityTarget) -> str:
    return f"{target.year}/{ParityCategory(target.category).value}"


# --- units and countries ---------------------------------------------------------------------


def unit_shares(session: Session, *, actor: Actor, as_of: date) -> list[UnitShare]:
    """Every readable unit's share of women on its roster on `as_of`, with its category's target and colour."""
    targets = applied_targets(session, as_of.year)
    return [_unit_share(row, targets) for row in repository.unit_rosters(session, as_of, actor.readable_countries())]


def _unit_share(row: repository.UnitRoster, targets: dict) -> UnitShare:
    category = rules.unit_category(row.branch)
    target_pct = targets[category].target_pct if targets[category] else None
    return UnitShare(unit=row.code, unit_name=row.name, country=row.country, unit_type=row.unit_type,
                     category=category, strength=row.strength, women=row.women,
                     women_pct=percentage(row.women, row.strength), target_pct=target_pct,
                     colour=rules.colour(row.women, row.strength, target_pct))


def country_shares(units: Iterable[UnitShare]) -> list[CountryShare]:
    """The units' figures summed per country and category, coloured against the same target."""
    totals: dict[tuple[str, ParityCategory], list] = {}
    for unit in units:
        entry = totals.setdefault((unit.country, unit.category), [0, 0, 0, unit.target_pct])
        entry[0] += 1
        entry[1] += unit.strength
        entry[2] += unit.women
    return [
        CountryShare(country=country, category=category, units=count, strength=strength, women=women,
                     women_pct=percentage(women, strength), target_pct=target_pct,
                     colour=rules.colour(women, strength, target_pct))
        for (country, category), (count, strength, women, target_pct) in sorted(totals.items())
    ]


def filter_units(units: list[UnitShare], *, country: str | None = None, category: str | None = None,
                 colour: str | None = None) -> list[UnitShare]:
    """The units of a country, a category and a colour ('none': no one on the roster)."""
    return [u for u in units if (not country or u.country == country) and (not category or u.category == category)
            and (not colour or (u.colour or "none") == colour)]


# --- training and deployment ------------------------------------------------------------------


def _earliest(session: Session, on: date) -> dict[int, date]:
    return {months: readiness_rules.earliest_valid_completion(on, months)
            for months in repository.course_validities(session)}


def trained_by_course(session: Session, *, actor: Actor, as_of: date) -> list[TrainedShare]:
    """Per course: people of the readable countries holding a valid completion on `as_of`, and women."""
    holders = repository.holders_by_course(session, as_of, _earliest(session, as_of),
                                           countries=actor.readable_countries())
    courses = repository.courses_in(session, (h.key for h in holders))
    shares = [_trained(h, courses[h.key]) for h in holders]
    return sorted(shares, key=lambda share: share.course or "")


def _trained(holders: repository.Holders, course) -> TrainedShare:
    return TrainedShare(course=course.code, title=course.title, course_category=str(course.category.value),
                        people=holders.people, women=holders.women,
                        women_pct=percentage(holders.women, holders.people))


def trained_by_category(session: Session, *, actor: Actor, as_of: date) -> list[TrainedShare]:
    """Per course category: people holding a valid completion of one of its courses on `as_of`, and women."""
    holders = repository.holders_by_category(session, as_of, _earliest(session, as_of),
                                             countries=actor.readable_countries())
    return [TrainedShare(course_category=h.key, people=h.people, women=h.women,
                         women_pct=percentage(h.women, h.people)) for h in holders]


def ready_to_deploy(session: Session, *, actor: Actor, today: date) -> list[ReadyShare]:
    """Per country and category: people on the rosters of units ready against their target
    requirement on their planned deployment date (the roster of that day), and the women among them."""
    unit_ids = sa.select(Unit.id)
    readiness = target_readiness(session, actor=actor, unit_ids=unit_ids)
    ready = sorted(unit_id for unit_id, result in readiness.items() if result.status == "ready")
    return [
        ReadyShare(country=country, category=rules.unit_category(branch), units=units, people=people,
                   women=women, women_pct=percentage(women, people))
        for country, branch, units, people, women in repository.ready_rosters(session, ready, today)
    ]


# --- sessions ------------------------------------------------------------------------------


def upcoming_places(session: Session, *, actor: Actor, as_of: date) -> list[UpcomingSessionPlaces]:
    """The next sessions (at centres of the readable countries): places held for women and women booked."""
    countries = actor.readable_countries()
    seats = session_seats(session, starting_after=as_of, with_free_places_only=False)
    shown = [s for s in seats if countries is None or s.centre_country in countries][:SESSIONS_SHOWN]
    return [UpcomingSessionPlaces(session_id=s.session_id, course=s.course, centre=s.centre, start_on=s.start_on,
                                  end_on=s.end_on, seats=s.seats, seats_for_women=s.seats_for_women,
                                  booked=s.booked, booked_women=s.booked_women) for s in shown]


def past_sessions(session: Session, *, actor: Actor, as_of: date) -> list[PastSessionWomen]:
    """The latest sessions ended by `as_of`: the share of women among the completions recorded against them."""
    rows = repository.past_sessions(session, as_of, actor.readable_countries(), SESSIONS_SHOWN)
    return [PastSessionWomen(**row, women_pct=percentage(row["women"], row["people"])) for row in rows]


# --- the report and the unit -----------------------------------------------------------------


def parity_report(session: Session, *, actor: Actor, as_of: date, today: date) -> ParityReport:
    """Everything the parity page shows for the actor's readable countries on `as_of`."""
    units = unit_shares(session, actor=actor, as_of=as_of)
    targets = applied_targets(session, as_of.year)
    return ParityReport(
        as_of=as_of,
        targets=[CategoryTarget(category=category, target=target) for category, target in targets.items()],
        countries=country_shares(units), units=units,
        trained_by_course=trained_by_course(session, actor=actor, as_of=as_of),
        trained_by_category=trained_by_category(session, actor=actor, as_of=as_of),
        ready=ready_to_deploy(session, actor=actor, today=today),
        upcoming_sessions=upcoming_places(session, actor=actor, as_of=as_of),
        past_sessions=past_sessions(session, actor=actor, as_of=as_of),
    )


def unit_parity(session: Session, *, actor: Actor, code: str, as_of: date) -> UnitParity:
    """One readable unit: its share of women, the year's target and colour, and women among the
    trained per course of its target requirement."""
    rows = repository.unit_rosters(session, as_of, actor.readable_countries(), unit_code=code)
    if not rows:
        raise NotFound(_("There is no unit %(code)s.", code=code))
    row = rows[0]
    category = rules.unit_category(row.branch)
    target = applied_targets(session, as_of.year)[category]
    return UnitParity(
        unit=row.code, country=row.country, as_of=as_of, category=category, strength=row.strength,
        women=row.women, women_pct=percentage(row.women, row.strength), target=target,
        colour=rules.colour(row.women, row.strength, target.target_pct if target else None),
        **_required_training(session, row.unit_id, as_of),
    )


def _required_training(session: Session, unit_id: int, as_of: date) -> dict:
    """The unit's target requirement and, per course it asks for, the trained on the roster and women."""
    [target_of] = units_repository.unit_targets(session, units_repository.just(unit_id), None)
    requirement = session.get(Requirement, target_of.requirement_id) if target_of.requirement_id else None
    if requirement is None:
        return {"requirement": None, "requirement_version": None, "trained": []}
    course_ids = repository.requirement_courses(session, requirement.id)
    return {"requirement": requirement.code, "requirement_version": requirement.version,
            "trained": _trained_on_roster(session, unit_id, course_ids, as_of)}


def _trained_on_roster(session: Session, unit_id: int, course_ids: list[int], as_of: date) -> list[TrainedShare]:
    if not course_ids:
        return []
    holders = repository.holders_by_course(session, as_of, _earliest(session, as_of),
                                           person_ids=repository.roster_person_ids(unit_id, as_of),
                                           course_ids=course_ids)
    by_course = {h.key: h for h in holders}
    courses = repository.courses_in(session, course_ids)
    return [_trained(by_course.get(cid, repository.Holders(cid, 0, 0)), courses[cid]) for cid in course_ids]
