"""Partnerships: a partner keeps its own; the recipient country's force generation staff and
administrators may record them too. Readers see their own and their countries' partnerships."""

from pydantic import ValidationError
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed
from readiness.audit.service import record as audit_record
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import Partnership, Role
from readiness.partnerships import repository
from readiness.partnerships.repository import Visibility
from readiness.partnerships.schemas import (
    PartnerOffer,
    PartnershipCreate,
    PartnershipFields,
    PartnershipFilter,
    PartnershipPatch,
    PartnershipPublic,
)
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest


def visibility(actor: Actor) -> Visibility:
    """Admins and planners see every partnership; a partner its own and its countries'; others their country's."""
    countries = actor.readable_countries()
    if countries is None:
        return Visibility(everything=True)
    return Visibility(everything=False, partner_id=actor.partner_id, countries=countries)


def partnerships_page(session: Session, *, actor: Actor, filters: PartnershipFilter, paging: PageRequest,
                      sort: str = "start_on", descending: bool = True) -> Page[PartnershipPublic]:
    """One page of the partnerships the actor may read, filtered and sorted."""
    seen = visibility(actor)
    rows = repository.partnerships(session, visibility=seen, filters=filters, sort=sort, descending=descending,
                                   offset=paging.offset, limit=paging.per_page)
    total = repository.count(session, visibility=seen, filters=filters)
    return Page.of(_public(session, rows), paging, total)


def list_partnerships(session: Session, *, actor: Actor, filters: PartnershipFilter, sort: str = "start_on",
                      descending: bool = True) -> list[PartnershipPublic]:
    """Every partnership the actor may read that matches the filters (for exports)."""
    rows = repository.partnerships(session, visibility=visibility(actor), filters=filters, sort=sort,
                                   descending=descending)
    return _public(session, rows)


def get_partnership(session: Session, *, actor: Actor, partnership_id: int) -> PartnershipPublic:
    """One partnership the actor may read; any other is not found."""
    row = repository.partnership_row(session, partnership_id)
    if row is None or not _readable(actor, row.Partnership):
        raise NotFound(_("There is no partnership with id %(id)s.", id=partnership_id))
    return _public(session, [row])[0]


def may_edit(session: Session, *, actor: Actor, partnership_id: int) -> bool:
    """Whether the actor may change or delete this partnership (pages show the buttons by it)."""
    stored = repository.get(session, partnership_id)
    return stored is not None and actor.can_keep_partnerships_of(stored.partner_id, stored.country_code)


def may_create(actor: Actor) -> bool:
    """Whether the actor may record partnerships at all (admins, partners, force generation)."""
    return actor.is_admin or (actor.role == Role.partner and actor.partner_id is not None) or (
        actor.role == Role.force_generation and actor.country_code is not None)


def create_partnership(session: Session, *, actor: Actor, fields: PartnershipCreate) -> PartnershipPublic:
    """Record a partnership the actor may keep; audited."""
    fields = _with_defaults(session, actor, fields)
    partner_id, course_ids = _checked(session, actor, fields)
    values = fields.model_dump(exclude={"partner", "country", "categories", "courses"})
    partnership = repository.add(session, Partnership(**values, partner_id=partner_id, country_code=fields.country,
                                                      recorded_by=actor.email))
    repository.replace_links(session, partnership.id, [c.value for c in fields.categories], course_ids)
    created = get_partnership(session, actor=actor, partnership_id=partnership.id)
    audit_record(session, actor=actor, action="create", entity="partnership", entity_id=partnership.id,
                 after=_audited(created), summary=created.title)
    return created


def update_partnership(session: Session, *, actor: Actor, partnership_id: int,
                       patch: PartnershipPatch) -> PartnershipPublic:
    """Change the given fields of a partnership the actor keeps (before and after); audited."""
    current = _kept(session, actor, partnership_id)
    merged = {**current.model_dump(include=set(PartnershipFields.model_fields)), **patch.model_dump(exclude_unset=True)}
    fields = _validated(merged)
    partner_id, course_ids = _checked(session, actor, fields)
    partnership = repository.get(session, partnership_id)
    for name, value in fields.model_dump(exclude={"partner", "country", "categories", "courses"}).items():
        setattr(partnership, name, value)
    partnership.partner_id, partnership.country_code = partner_id, fields.country
    repository.replace_links(session, partnership_id, [c.value for c in fields.categories], course_ids)
    updated = get_partnership(session, actor=actor, partnership_id=partnership_id)
    old, new = changed(_audited(current), _audited(updated))
    audit_record(session, actor=actor, action="update", entity="partnership", entity_id=partnership_id,
                 before=old, after=new, summary=updated.title)
    return updated


def delete_partnership(session: Session, *, actor: Actor, partnership_id: int) -> None:
    """Delete a partnership the actor keeps, with its categories and courses; audited."""
    current = _kept(session, actor, partnership_id)
    repository.delete(session, repository.get(session, partnership_id))
    audit_record(session, actor=actor, action="delete", entity="partnership", entity_id=partnership_id,
                 before=_audited(current), summary=current.title)


def offering_partners(session: Session, *, country_code: str | None, course_ids: list[int] | None,
                      categories: list[str] | None) -> list[PartnerOffer]:
    """Planned or active partnerships offering one of the courses or categories (see the repository)."""
    return repository.offering_partners(session, country_code=country_code, course_ids=course_ids,
                                        categories=categories)


def form_choices(session: Session, *, actor: Actor) -> dict:
    """The partners, countries and courses a form offers this actor."""
    partners = repository.partners(session)
    if actor.role == Role.partner:
        partners = [p for p in partners if p.id == actor.partner_id]
    countries = (repository.countries(session, frozenset({actor.country_code}))
                 if actor.role == Role.force_generation else repository.countries(session))
    return {"partners": partners, "countries": countries, "courses": repository.courses(session)}


def filter_choices(session: Session, *, actor: Actor) -> dict:
    """The partners and countries the list may be filtered by."""
    return {"partners": repository.partners(session),
            "countries": repository.countries(session, actor.readable_countries()
                                              if actor.role != Role.partner else None)}


# --- rules ------------------------------------------------------------------------------


def _readable(actor: Actor, partnership: Partnership) -> bool:
    seen = visibility(actor)
    return seen.everything or partnership.country_code in seen.countries or (
        seen.partner_id is not None and partnership.partner_id == seen.partner_id)


def _kept(session: Session, actor: Actor, partnership_id: int) -> PartnershipPublic:
    current = get_partnership(session, actor=actor, partnership_id=partnership_id)
    stored = repository.get(session, partnership_id)
    if not actor.can_keep_partnerships_of(stored.partner_id, stored.country_code):
        raise Forbidden(_("Only the partner, the recipient country's force generation staff and "
                          "administrators may change this partnership."))
    return current


def _with_defaults(session: Session, actor: Actor, fields: PartnershipCreate) -> PartnershipCreate:
    """A partner's user records its own partnerships; force generation staff their country's."""
    updates = {}
    own = repository.partner_by_id(session, actor.partner_id) if actor.partner_id is not None else None
    if not fields.partner and actor.role == Role.partner and own is not None:
        updates["partner"] = own.code
    if not fields.country and actor.role == Role.force_generation and actor.country_code:
        updates["country"] = actor.country_code
    return fields.model_copy(update=updates)


def _validated(values: dict) -> PartnershipFields:
    try:
        return PartnershipFields.model_validate(values)
    except ValidationError as problem:
        details = [{"field": ".".join(map(str, e["loc"])) or "form", "message": e["msg"]} for e in problem.errors()]
        raise Invalid(_("Some values are not valid."), details=details) from None


def _checked(session: Session, actor: Actor, fields: PartnershipFields) -> tuple[int, list[int]]:
    """The partner id and course ids, after checking that they exist and the actor may keep the record."""
    partner = repository.partner_by_code(session, fields.partner) if fields.partner else None
    if partner is None:
        _refuse("partner", _("Choose a partner from the list."))
    if not repository.country_exists(session, fields.country):
        _refuse("country", _("Choose a recipient country from the list."))
    course_ids = repository.course_ids_by_code(session, fields.courses)
    unknown = [code for code in fields.courses if code not in course_ids]
    if unknown:
        _refuse("courses", _("Unknown course code(s): %(codes)s.", codes=", ".join(unknown)))
    if not fields.categories:
        _refuse("categories", _("Choose at least one category."))
    if not actor.can_keep_partnerships_of(partner.id, fields.country):
        raise Forbidden(_("You may not record partnerships of this partner with this country."))
    return partner.id, [course_ids[code] for code in fields.courses]


def _refuse(field: str, message: str) -> None:
    raise Invalid(message, details=[{"field": field, "message": message}])


def _public(session: Session, rows) -> list[PartnershipPublic]:
    ids = [row.Partnership.id for row in rows]
    categories, courses = repository.categories_of(session, ids), repository.courses_of(session, ids)
    return [PartnershipPublic.model_validate({
        **row.Partnership.model_dump(exclude={"partner_id", "country_code"}), "partner": row.partner,
        "partner_name": row.partner_name, "country": row.Partnership.country_code, "country_name": row.country_name,
        "categories": categories.get(row.Partnership.id, []), "courses": courses.get(row.Partnership.id, [])})
        for row in rows]


def _audited(partnership: PartnershipPublic) -> dict:
    return partnership.model_dump(mode="json", exclude={"id", "partner_name", "country_name", "recorded_at",
                                                        "recorded_by"})
