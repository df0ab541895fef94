"""Needs: what countries state, what the engine derives from pledged units, and what could fill them.

A stated need is a row a country keeps. A derived need is computed on request: the shortfall of a
country's pledged units against their target requirements on their deployment dates, summed per
course, needed by the earliest of those dates. Matching puts each need beside the upcoming sessions
(the one seat rule, readiness.course_sessions.seats) and the partners that offer its course or
category; each free place counts once, for the need due first, and what the places counted do not
cover stays unmatched.
"""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.course_sessions.seats import SessionSeats, session_seats
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import CapacityNeed, NeedStatus, Role, SupportCategory, Unit
from readiness.needs import repository
from readiness.needs.repository import NeedFilter, Offer, PledgedUnit
from readiness.needs.schemas import (
    CountryDemand,
    CountryMatching,
    CourseDemandRow,
    DerivedNeed,
    MissionDemand,
    NeedCreate,
    NeedMatch,
    NeedPublic,
    NeedUnit,
    NeedUpdate,
    PartnerDemand,
    PartnerMatch,
    SessionMatch,
)
from readiness.readiness.service import unit_readiness
from readiness.units import repository as units_repository
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest

ENTITY = "capacity_need"


def _invalid(name: str, message: str) -> Invalid:
    return Invalid(message, details=[{"field": name, "message": message}])


# --- stated needs ------------------------------------------------------------------------


def _public(row) -> NeedPublic:
    return NeedPublic.model_validate({key: value for key, value in dict(row).items() if key != "course_id"})


def _readable(actor: Actor, filters: NeedFilter) -> NeedFilter:
    # An unknown category or status filters nothing rather than reaching the database's enum types.
    category = filters.category if filters.category in SupportCategory.__members__ else None
    status = filters.status if filters.status in NeedStatus.__members__ else None
    return NeedFilter(countries=actor.readable_countries(), country=filters.country, category=category,
                      status=status, course=filters.course)


def list_needs(session: Session, *, actor: Actor, filters: NeedFilter = NeedFilter()) -> list[NeedPublic]:
    """Every stated need of the actor's readable countries matching the filters, soonest first."""
    return [_public(row) for row in repository.needs(session, _readable(actor, filters))]


def needs_page(session: Session, *, actor: Actor, filters: NeedFilter, paging: PageRequest) -> Page[NeedPublic]:
    """One page of the stated needs the actor may read."""
    readable = _readable(actor, filters)
    rows = repository.needs(session, readable, offset=paging.offset, limit=paging.per_page)
    return Page.of([_public(row) for row in rows], paging, repository.count_needs(session, readable))


def get_need(session: Session, *, actor: Actor, need_id: int) -> NeedPublic:
    """One stated need; another country's (unreadable) need is not found."""
    _readable_need(session, actor, need_id)
    return _public(repository.need_row(session, need_id))


def _readable_need(session: Session, actor: Actor, need_id: int) -> CapacityNeed:
    need = repository.get(session, need_id)
    if need is None or not actor.can_read_country(need.country_code):
        raise NotFound(_("There is no need with id %(id)s.", id=need_id))
    return need


def _writable_need(session: Session, actor: Actor, need_id: int) -> CapacityNeed:
    need = _readable_need(session, actor, need_id)
    if not actor.can_state_needs_of(need.country_code):
        raise Forbidden(_("Only the country's own staff may change its needs."))
    return need


def can_state_needs(actor: Actor) -> bool:
    """Whether the actor may state needs for some country (to offer the form)."""
    return actor.is_admin or (actor.country_code is not None and actor.can_state_needs_of(actor.country_code))


def create_need(session: Session, *, actor: Actor, fields: NeedCreate, today: date | None = None) -> NeedPublic:
    """A country's new need (open); audited."""
    country = (fields.country or actor.country_code or "").strip().upper()
    if not country:
        raise _invalid("country", _("Choose the country that needs it."))
    if not actor.can_state_needs_of(country):
        raise Forbidden(_("Only the country's own staff may state its needs."))
    if not repository.country_exists(session, country):
        raise _invalid("country", _("There is no country %(code)s.", code=country))
    _check_not_past(fields.needed_by, today or date.today())
    values = fields.model_dump(exclude={"country", "course"})
    need = CapacityNeed(**values, country_code=country, course_id=_course_id(session, fields.course),
                        status=NeedStatus.open, recorded_by=actor.email)
    repository.add(session, need)
    audit_record(session, actor=actor, action="create", entity=ENTITY, entity_id=need.id, after=snapshot(need))
    return get_need(session, actor=actor, need_id=need.id)


def update_need(session: Session, *, actor: Actor, need_id: int, changes: NeedUpdate,
                today: date | None = None) -> NeedPublic:
    """Change the fields sent (a partial update); audited with before and after."""
    need = _writable_need(session, actor, need_id)
    sent = changes.model_dump(exclude_unset=True)
    if "needed_by" in sent and sent["needed_by"] != need.needed_by:
        _check_not_past(sent["needed_by"], today or date.today())
    if "course" in sent:
        need.course_id = _course_id(session, (sent.pop("course") or "").strip() or None)
    if "capability" in sent:
        sent["capability"] = (sent["capability"] or "").strip() or None
    before = snapshot(need)
    for name, value in sent.items():
        if name in ("category", "quantity", "status") and value is None:
            continue  # required columns: a null in a partial change means "leave as is"
        setattr(need, name, value)
    if need.course_id is None and not need.capability:
        raise _invalid("course", _("Give a course or describe the capability needed."))
    session.flush()
    old, new = changed(before, snapshot(need))
    audit_record(session, actor=actor, action="update", entity=ENTITY, entity_id=need_id, before=old, after=new)
    return get_need(session, actor=actor, need_id=need_id)


def withdraw_need(session: Session, *, actor: Actor, need_id: int) -> NeedPublic:
    """Mark a need withdrawn (it stays on record); audited."""
    return update_need(session, actor=actor, need_id=need_id, changes=NeedUpdate(status=NeedStatus.withdrawn))


def delete_need(session: Session, *, actor: Actor, need_id: int) -> None:
    """Delete a need stated by mistake; audited."""
    need = _writable_need(session, actor, need_id)
    before = snapshot(need)
    repository.delete(session, need)
    audit_record(session, actor=actor, action="delete", entity=ENTITY, entity_id=need_id, before=before)


def _course_id(session: Session, code: str | None) -> int | None:
    if code is None:
        return None
    course = repository.course_by_code(session, code.strip())
    if course is None:
        raise _invalid("course", _("There is no course %(code)s.", code=code))
    return course.id


def _check_not_past(needed_by: date | None, today: date) -> None:
    if needed_by is not None and needed_by < today:
        raise _invalid("needed_by", _("The date needed by cannot be in the past."))


def course_choices(session: Session):
    return repository.course_choices(session)


def country_choices(session: Session, *, actor: Actor):
    """The countries the actor may read, for filters."""
    return repository.countries(session, actor.readable_countries())


# --- derived needs -----------------------------------------------------------------------


@dataclass
class _Shortfall:
    country: str
    course: str
    quantity: int = 0
    needed_by: date | None = None
    units: list[NeedUnit] = field(default_factory=list)

    def add(self, unit: PledgedUnit, requirement: str, shortfall: int) -> None:
        self.quantity += shortfall
        self.needed_by = min(filter(None, (self.needed_by, unit.deploys_on)))
        self.units.append(NeedUnit(unit=unit.code, unit_name=unit.name, mission=unit.mission,
                                   requirement=requirement, deploys_on=unit.deploys_on, shortfall=shortfall))


def derived_needs(session: Session, *, actor: Actor, countries: frozenset[str] | None,
                  mission_id: int | None = None, today: date | None = None) -> list[DerivedNeed]:
    """Per country and course: people of pledged units still to train before the earliest deployment.

    The engine counts each unit on its own deployment date (one unit_readiness call per unit: a
    country has a few dozen units, and each call is a fixed handful of set-based statements, so the
    number of statements never grows with the number of people).
    """
    units = repository.pledged_units(session, countries=_within(actor, countries),
                                     after=today or date.today(), mission_id=mission_id)
    totals: dict[tuple[str, str], _Shortfall] = {}
    for unit, requirement in _with_requirements(session, actor, units):
        report = unit_readiness(session, actor=actor, unit_code=unit.code, requirement_code=requirement,
                                as_of=unit.deploys_on)
        for course, shortfall in _course_shortfalls(report.lines).items():
            total = totals.setdefault((unit.country, course), _Shortfall(unit.country, course))
            total.add(unit, requirement, shortfall)
    titles = repository.courses_by_code(session, {course for _country, course in totals})
    needs = [DerivedNeed(country=s.country, course=s.course, course_title=titles[s.course].title,
                         quantity=s.quantity, needed_by=s.needed_by, units=s.units) for s in totals.values()]
    return sorted(needs, key=lambda need: (need.country, need.needed_by, -need.quantity, need.course))


def _within(actor: Actor, countries: frozenset[str] | None) -> frozenset[str] | None:
    readable = actor.readable_countries()
    if countries is None:
        return readable
    return countries if readable is None else countries & readable


def _with_requirements(session: Session, actor: Actor, units: list[PledgedUnit]) -> list[tuple[PledgedUnit, str]]:
    """Each unit with its target requirement as 'CODE@VERSION' (units without one are left out)."""
    if not units:
        return []
    selected = sa.select(Unit.id).where(Unit.id.in_([unit.id for unit in units]))
    targets = {t.unit_id: t.requirement_id for t in units_repository.unit_targets(
        session, selected, actor.readable_countries())}
    requirements = units_repository.requirements_in(session, set(targets.values()))
    return [(unit, f"{requirements[targets[unit.id]].code}@{requirements[targets[unit.id]].version}")
            for unit in units if targets.get(unit.id) is not None]


def _course_shortfalls(lines) -> dict[str, int]:
    # A course may appear on several lines (one per role): a unit's need is their sum.
    shortfalls: dict[str, int] = {}
    for line in lines:
        if line.kind == "course" and line.shortfall > 0:
            shortfalls[line.course] = shortfalls.get(line.course, 0) + line.shortfall
    return shortfalls


# --- matching ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Need:
    """A stated or derived need in the shape matching works on."""

    kind: str
    need_id: int | None
    country: str
    category: str
    course_id: int | None
    course: str | None
    course_title: str | None
    capability: str | None
    quantity: int
    needed_by: date | None
    units: tuple = ()


def _stated(row) -> _Need:
    return _Need("stated", row["id"], row["country"], getattr(row["category"], "value", row["category"]),
                 row["course_id"], row["course"], row["course_title"], row["capability"], row["quantity"],
                 row["needed_by"])


def _derived(session: Session, needs: list[DerivedNeed]) -> list[_Need]:
    courses = repository.courses_by_code(session, {need.course for need in needs})
    return [_Need("derived", None, need.country, SupportCategory.training.value, courses[need.course].id,
                  need.course, need.course_title, None, need.quantity, need.needed_by, tuple(need.units))
            for need in needs]


def match(session: Session, needs: list[_Need], *, today: date) -> list[NeedMatch]:
    """Each need with the sessions that end before it is needed and the partners that offer it.

    One query for every session of every course asked for, three for the partners' offers.
    Sessions are options (nothing is booked), but each free place is counted once: for the need
    due first among `needs` (see _counting_order), so what stays unmatched adds up.
    """
    course_ids = sorted({need.course_id for need in needs if need.course_id is not None})
    seats = session_seats(session, course_ids=course_ids, starting_after=today) if course_ids else []
    offers = repository.offers(session) if needs else []
    uncounted = {seat.session_id: seat.free for seat in seats}
    matched = {index: _matched(needs[index], seats, offers, uncounted) for index in _counting_order(needs)}
    return [matched[index] for index in range(len(needs))]


def _counting_order(needs: list[_Need]) -> list[int]:
    # The need due first takes the free places first; one with no date comes last.
    def urgency(index: int):
        need = needs[index]
        return need.needed_by or date.max, need.kind, need.country, need.course or ""
    return sorted(range(len(needs)), key=urgency)


def _matched(need: _Need, seats: list[SessionSeats], offers: list[Offer], uncounted: dict[int, int]) -> NeedMatch:
    """The need's sessions and partners; takes the places it counts out of `uncounted`."""
    sessions = []
    still_needed = need.quantity
    for seat in (seat for seat in seats if _fits(seat, need)):  # earliest first
        counted = min(uncounted[seat.session_id], still_needed)
        uncounted[seat.session_id] -= counted
        still_needed -= counted
        sessions.append(_session_match(seat, counted))
    partners = sorted((_partner_match(offer, need) for offer in offers if _offers(offer, need)),
                      key=lambda partner: (not partner.offers_course, not partner.supports_country, partner.code))
    counted_places = need.quantity - still_needed
    return NeedMatch(
        kind=need.kind, need_id=need.need_id, country=need.country, category=need.category, course=need.course,
        course_title=need.course_title, capability=need.capability, quantity=need.quantity,
        needed_by=need.needed_by, units=list(need.units), sessions=sessions, partners=partners,
        free_places=sum(session.free for session in sessions), counted_places=counted_places,
        unmatched=still_needed, unmatched_entirely=not sessions and not partners,
    )


def _fits(seat: SessionSeats, need: _Need) -> bool:
    # Training must be over before the date it is needed by (deployment day).
    return seat.course_id == need.course_id and (need.needed_by is None or seat.end_on < need.needed_by)


def _offers(offer: Offer, need: _Need) -> bool:
    return (need.course_id is not None and need.course_id in offer.course_ids) or need.category in offer.categories


def _session_match(seat: SessionSeats, counted: int) -> SessionMatch:
    return SessionMatch(session_id=seat.session_id, course=seat.course, centre=seat.centre,
                        centre_name=seat.centre_name, centre_country=seat.centre_country, start_on=seat.start_on,
                        end_on=seat.end_on, language=seat.language, free=seat.free,
                        free_held_for_women=seat.free_held_for_women, counted=counted)


def _partner_match(offer: Offer, need: _Need) -> PartnerMatch:
    return PartnerMatch(code=offer.code, name=offer.name,
                        offers_course=need.course_id is not None and need.course_id in offer.course_ids,
                        supports_country=need.country in offer.countries)


def matching_country(actor: Actor, country: str | None, choices: list) -> str | None:
    """The country a matching view shows: the one asked for, else the actor's own, else the first readable."""
    if country:
        return country.strip().upper()
    if actor.country_code:
        return actor.country_code
    return choices[0].code if choices else None


def country_matching(session: Session, *, actor: Actor, country: str, today: date | None = None) -> CountryMatching:
    """A country's open stated needs and its derived needs, each with its matches."""
    if not actor.can_read_country(country) or not repository.country_exists(session, country):
        raise NotFound(_("There is no country %(code)s you may read.", code=country))
    day = today or date.today()
    stated = [_stated(row) for row in repository.needs(
        session, NeedFilter(country=country, status=NeedStatus.open.value))]
    derived = _derived(session, derived_needs(session, actor=actor, countries=frozenset({country}), today=day))
    matches = match(session, stated + derived, today=day)
    return CountryMatching(country=country, as_of=day, stated=matches[:len(stated)], derived=matches[len(stated):])


# --- demand views ------------------------------------------------------------------------


def mission_demand(session: Session, *, actor: Actor, acronym: str, today: date | None = None) -> MissionDemand:
    """A mission's training demand from the units pledged to it, per course and country (readable ones)."""
    mission = repository.mission_by_acronym(session, acronym)
    if mission is None:
        raise NotFound(_("There is no mission %(acronym)s.", acronym=acronym))
    day = today or date.today()
    needs = derived_needs(session, actor=actor, countries=None, mission_id=mission.id, today=day)
    courses = [_course_row(course_needs) for course_needs in _by_course(needs).values()]
    courses.sort(key=lambda row: (-row.shortfall, row.needed_by, row.course))
    units = {unit.unit for need in needs for unit in need.units}
    return MissionDemand(mission=mission.acronym, mission_name=mission.name, as_of=day, units=len(units),
                         total=sum(row.shortfall for row in courses), courses=courses)


def _by_course(needs: list[DerivedNeed]) -> dict[str, list[DerivedNeed]]:
    grouped: dict[str, list[DerivedNeed]] = {}
    for need in needs:
        grouped.setdefault(need.course, []).append(need)
    return grouped


def _course_row(needs: list[DerivedNeed]) -> CourseDemandRow:
    countries = sorted((CountryDemand(country=n.country, shortfall=n.quantity, needed_by=n.needed_by, units=n.units)
                        for n in needs), key=lambda row: (row.needed_by, row.country))
    return CourseDemandRow(course=needs[0].course, course_title=needs[0].course_title,
                           shortfall=sum(n.quantity for n in needs), needed_by=countries[0].needed_by,
                           countries=countries)


def partner_demand(session: Session, *, actor: Actor, code: str, today: date | None = None) -> PartnerDemand:
    """The needs a partner could fill: of the countries it supports, in the courses and categories it offers."""
    partner = repository.partner_by_code(session, code)
    if partner is None:
        raise NotFound(_("There is no partner %(code)s.", code=code))
    if actor.role == Role.partner and actor.partner_id != partner.id:
        raise Forbidden(_("A partner sees only its own view of demand."))
    day = today or date.today()
    countries = frozenset(_partner_countries(session, actor, partner.id))
    offer = next(iter(repository.offers(session, partner_id=partner.id)), None)
    needs = _offered(_partner_needs(session, actor, countries, day), offer)
    matches = match(session, needs, today=day)
    return PartnerDemand(
        partner=partner.code, partner_name=partner.name, as_of=day, countries=sorted(countries),
        categories=sorted(offer.categories) if offer else [],
        courses=repository.course_codes(session, offer.course_ids) if offer else [],
        needs=matches, could_fill=sum(need.unmatched for need in matches),
    )


def _partner_countries(session: Session, actor: Actor, partner_id: int) -> set[str]:
    # The partner itself sees every country it supports (stated needs are addressed to partners);
    # anyone else, only those among the countries they may read.
    supported = repository.supported_countries(session, partner_id)
    if actor.role == Role.partner:
        return supported
    return {country for country in supported if actor.can_read_country(country)}


def _partner_needs(session: Session, actor: Actor, countries: frozenset[str], day: date) -> list[_Need]:
    if not countries:
        return []
    stated = [_stated(row) for row in repository.needs(
        session, NeedFilter(countries=countries, status=NeedStatus.open.value))]
    # Derived needs are unit figures: the engine shows only the countries the viewer may read.
    return stated + _derived(session, derived_needs(session, actor=actor, countries=countries, today=day))


def _offered(needs: list[_Need], offer: Offer | None) -> list[_Need]:
    if offer is None:
        return []
    return [need for need in needs if _offers(offer, need)]



def demand_links(session: Session, *, actor: Actor) -> dict[str, list]:
    """The missions and partners whose demand views the actor may open (a partner: its own)."""
    partners = repository.partners(session)
    if actor.role == Role.partner:
        partners = [partner for partner in partners if partner.id == actor.partner_id]
    return {"missions": repository.missions(session), "partners": partners}
