"""Reading units: unit-level figures, scoped to the countries the actor may read."""

from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.errors import NotFound
from readiness.units import repository
from readiness.units.schemas import UnitFilter, UnitPublic
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
