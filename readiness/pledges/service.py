"""Ministerial pledges: a country's force generation staff, UN planners and administrators keep
them; whoever may read a country's figures reads its pledges. Every change is audited."""

from collections import Counter
from datetime import date

from pydantic import ValidationError
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import MinisterialEvent, MinisterialPledge, PledgeCategory, PledgeProgressNote, PledgeStatus, Role
from readiness.pledges import repository
from readiness.pledges.schemas import (
    EventSummary,
    MinisterialPublic,
    NoteCreate,
    NotePublic,
    PledgeCreate,
    PledgeFields,
    PledgeFilter,
    PledgePatch,
    PledgePublic,
)
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest


def ministerial(event: MinisterialEvent) -> MinisterialPublic:
    return MinisterialPublic.model_validate({**event.model_dump(), "name": f"{event.city} {event.held_from.year}"})


def list_ministerials(session: Session) -> list[MinisterialPublic]:
    """Every ministerial, oldest first; public reference data, readable by every signed-in user."""
    return [ministerial(event) for event in repository.events(session)]


def event_summary(session: Session, *, actor: Actor, code: str, paging: PageRequest) -> EventSummary:
    """A ministerial with one page of the pledges recorded against it that the actor may read, and
    the counts of all of those per category and status."""
    event = repository.event_by_code(session, code)
    if event is None:
        raise NotFound(_("There is no ministerial with code %(code)s.", code=code))
    filters = PledgeFilter(event=code)
    pledges = pledges_page(session, actor=actor, filters=filters, paging=paging, sort="country", descending=False)
    by_category: Counter = Counter()
    by_status: Counter = Counter()
    for category, status, number in repository.counts(session, countries=actor.readable_countries(),
                                                      filters=filters):
        by_category[category.value] += number
        by_status[status.value] += number
    return EventSummary(event=ministerial(event), pledges=pledges,
                        by_category={c.value: by_category[c.value] for c in PledgeCategory},
                        by_status={s.value: by_status[s.value] for s in PledgeStatus})


def pledges_page(session: Session, *, actor: Actor, filters: PledgeFilter, paging: PageRequest, sort: str = "event",
                 descending: bool = True) -> Page[PledgePublic]:
    """One page of the pledges of the countries the actor may read."""
    countries = actor.readable_countries()
    rows = repository.pledges(session, countries=countries, filters=filters, sort=sort, descending=descending,
                              offset=paging.offset, limit=paging.per_page)
    total = repository.count(session, countries=countries, filters=filters)
    return Page.of([_public(row) for row in rows], paging, total)


def list_pledges(session: Session, *, actor: Actor, filters: PledgeFilter, sort: str = "event",
                 descending: bool = True) -> list[PledgePublic]:
    """Every pledge the actor may read that matches the filters (for exports and event pages)."""
    rows = repository.pledges(session, countries=actor.readable_countries(), filters=filters, sort=sort,
                              descending=descending)
    return [_public(row) for row in rows]


def get_pledge(session: Session, *, actor: Actor, pledge_id: int) -> PledgePublic:
    """One pledge with its progress notes, newest first; another country's is not found."""
    row = repository.pledge_row(session, pledge_id)
    if row is None or not actor.can_read_country(row.MinisterialPledge.country_code):
        raise NotFound(_("There is no pledge with id %(id)s.", id=pledge_id))
    notes = [NotePublic.model_validate(note) for note in repository.notes_of(session, pledge_id)]
    return _public(row).model_copy(update={"notes": notes})


def may_keep(actor: Actor, country_code: str) -> bool:
    return actor.can_keep_pledges_of(country_code)


def may_create(actor: Actor) -> bool:
    """Whether the actor keeps any country's pledges (pages show the button by it)."""
    return actor.role in (Role.admin, Role.mission_planner) or (
        actor.role == Role.force_generation and actor.country_code is not None)


def create_pledge(session: Session, *, actor: Actor, fields: PledgeCreate) -> PledgePublic:
    """Record a pledge of a country the actor keeps pledges of; audited."""
    if not fields.country and actor.role == Role.force_generation and actor.country_code:
        fields = fields.model_copy(update={"country": actor.country_code})
    event_id, unit_id = _checked(session, actor, fields)
    pledge = repository.add(session, MinisterialPledge(
        event_id=event_id, country_code=fields.country, category=fields.category, detail=fields.detail,
        status=fields.status, unit_id=unit_id, recorded_by=actor.email))
    audit_record(session, actor=actor, action="create", entity="ministerial_pledge", entity_id=pledge.id,
                 after=_audited(pledge), summary=fields.detail)
    return get_pledge(session, actor=actor, pledge_id=pledge.id)


def update_pledge(session: Session, *, actor: Actor, pledge_id: int, patch: PledgePatch) -> PledgePublic:
    """Change the given fields of a pledge (a status change among them); audited with before and after."""
    pledge = _kept(session, actor, pledge_id)
    current = {"event": repository.event_by_id(session, pledge.event_id).code, "country": pledge.country_code,
               "category": pledge.category, "detail": pledge.detail, "status": pledge.status,
               "unit": repository.unit_code(session, pledge.unit_id)}
    fields = _validated({**current, **patch.model_dump(exclude_unset=True)})
    event_id, unit_id = _checked(session, actor, fields)
    before = _audited(pledge)
    pledge.event_id, pledge.country_code, pledge.category = event_id, fields.country, fields.category
    pledge.detail, pledge.status, pledge.unit_id = fields.detail, fields.status, unit_id
    session.flush()
    old, new = changed(before, _audited(pledge))
    if new:
        audit_record(session, actor=actor, action="update", entity="ministerial_pledge", entity_id=pledge_id,
                     before=old, after=new, summary=fields.detail)
    return get_pledge(session, actor=actor, pledge_id=pledge_id)


def delete_pledge(session: Session, *, actor: Actor, pledge_id: int) -> None:
    """Delete a pledge and its progress notes; audited."""
    pledge = _kept(session, actor, pledge_id)
    before = _audited(pledge)
    repository.delete(session, pledge)
    audit_record(session, actor=actor, action="delete", entity="ministerial_pledge", entity_id=pledge_id,
                 before=before, summary=before["detail"])


def add_note(session: Session, *, actor: Actor, pledge_id: int, note: NoteCreate, today: date) -> NotePublic:
    """Add a dated progress note to a pledge the actor keeps; attributed to the actor and audited."""
    _kept(session, actor, pledge_id)
    noted_on = note.noted_on or today
    if noted_on > today:
        raise Invalid(_("A progress note cannot be dated in the future."),
                      details=[{"field": "noted_on", "message": _("A progress note cannot be dated in the future.")}])
    added = repository.add(session, PledgeProgressNote(pledge_id=pledge_id, noted_on=noted_on, text=note.text,
                                                       recorded_by=actor.email))
    audit_record(session, actor=actor, action="create", entity="pledge_progress_note", entity_id=added.id,
                 after=snapshot(added, only={"pledge_id", "noted_on", "text"}), summary=note.text)
    return NotePublic.model_validate(added)


def form_choices(session: Session, *, actor: Actor, country_code: str | None) -> dict:
    """The events and countries a pledge form offers this actor, and the units of the chosen country."""
    countries = (frozenset({actor.country_code}) if actor.role == Role.force_generation and actor.country_code
                 else None)
    if countries and not country_code:
        country_code = actor.country_code
    return {"events": list_ministerials(session), "countries": repository.countries(session, countries),
            "units": unit_choices(session, actor=actor, country_code=country_code)}


def unit_choices(session: Session, *, actor: Actor, country_code: str | None) -> list:
    """The units a pledge of `country_code` may name (none when the actor does not keep its pledges)."""
    if not country_code or not actor.can_keep_pledges_of(country_code):
        return []
    return repository.units_of(session, country_code)


def filter_choices(session: Session, *, actor: Actor) -> dict:
    return {"events": list_ministerials(session),
            "countries": repository.countries(session, actor.readable_countries())}


# --- rules ------------------------------------------------------------------------------


def _kept(session: Session, actor: Actor, pledge_id: int) -> MinisterialPledge:
    pledge = repository.get(session, pledge_id)
    if pledge is None or not actor.can_read_country(pledge.country_code):
        raise NotFound(_("There is no pledge with id %(id)s.", id=pledge_id))
    if not actor.can_keep_pledges_of(pledge.country_code):
        raise Forbidden(_("A country's pledges are kept by its force generation staff, UN planners and "
                          "administrators."))
    return pledge


def _validated(values: dict) -> PledgeFields:
    try:
        return PledgeFields.model_validate(values)
    except ValidationError as problem:
        details = [{"field": ".".join(map(str, e["loc"])) or "form", "message": e["msg"]} for e in problem.errors()]
        raise Invalid(_("Some values are not valid."), details=details) from None


def _checked(session: Session, actor: Actor, fields: PledgeFields) -> tuple[int, int | None]:
    """The event and unit ids, after checking the references and that the actor may keep the pledge."""
    event = repository.event_by_code(session, fields.event)
    if event is None:
        _refuse("event", _("Choose a ministerial from the list."))
    if not fields.country or not repository.country_exists(session, fields.country):
        _refuse("country", _("Choose a country from the list."))
    if not actor.can_keep_pledges_of(fields.country):
        raise Forbidden(_("You may not record pledges of %(country)s.", country=fields.country))
    return event.id, _unit_id(session, fields)


def _unit_id(session: Session, fields: PledgeFields) -> int | None:
    if not fields.unit:
        return None
    if fields.category != PledgeCategory.units:
        _refuse("unit", _("Only a pledge of category 'units' names a unit."))
    unit = repository.unit_by_code(session, fields.unit)
    if unit is None or unit.country_code != fields.country:
        _refuse("unit", _("Choose a unit of the pledging country."))
    return unit.id


def _refuse(field: str, message: str) -> None:
    raise Invalid(message, details=[{"field": field, "message": message}])


def _public(row) -> PledgePublic:
    pledge = row.MinisterialPledge
    return PledgePublic(id=pledge.id, event=row.event, event_name=f"{row.city} {row.held_from.year}",
                        country=pledge.country_code, country_name=row.country_name, category=pledge.category,
                        detail=pledge.detail, status=pledge.status, unit=row.unit, unit_name=row.unit_name,
                        recorded_at=pledge.recorded_at, recorded_by=pledge.recorded_by)


def _audited(pledge: MinisterialPledge) -> dict:
    return snapshot(pledge, only={"event_id", "country_code", "category", "detail", "status", "unit_id"})
