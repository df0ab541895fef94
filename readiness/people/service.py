"""Reading people's records: personal data, only for the roles and countries allowed to see it."""

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, NotFound
from readiness.people import repository
from readiness.people.schemas import PersonPublic
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest


def get_person(session: Session, *, actor: Actor, person_id: int) -> PersonPublic:
    """One person; a person the actor may not see is not found."""
    row = repository.person_by_id(session, person_id)
    if row is None or not actor.can_see_people_of(row["country"]):
        raise NotFound(_("There is no person with id %(id)s.", id=person_id))
    return PersonPublic.model_validate(dict(row))


def search_people(session: Session, *, actor: Actor, text: str | None, paging: PageRequest) -> Page[PersonPublic]:
    """People matching a service-number prefix or a name, in the countries the actor may see."""
    countries = actor.people_countries()
    if countries is not None and not countries:
        raise Forbidden(_("Your role works on unit-level figures; people's records are not shown to it."))
    rows, total = repository.search(session, countries, text, offset=paging.offset, limit=paging.per_page)
    return Page[PersonPublic].of([PersonPublic.model_validate(dict(row)) for row in rows], paging, total)
