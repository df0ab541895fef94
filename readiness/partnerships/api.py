"""JSON API for partnerships (/api/v1/partnerships)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.partnerships import service
from readiness.partnerships.schemas import (
    PartnershipCreate,
    PartnershipFilter,
    PartnershipPatch,
    PartnershipPublic,
)
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import Page, PageRequest

router = APIRouter(prefix="/api/v1/partnerships", tags=["partnerships"])


@router.get("", response_model=Page[PartnershipPublic])
def list_partnerships(session: SessionDep, actor: CurrentActor, filters: Annotated[PartnershipFilter, Query()],
                      page: Annotated[int, Query(ge=1)] = 1,
                      per_page: Annotated[int, Query(ge=1, le=200)] = 50):
    """Partnerships you may read (a partner: its own and its countries'; national users: their
    country's), newest start first, filtered and paginated."""
    return service.partnerships_page(session, actor=actor, filters=filters, paging=PageRequest(page, per_page))


@router.post("", response_model=PartnershipPublic, status_code=201)
def create_partnership(fields: PartnershipCreate, session: SessionDep, actor: CurrentActor):
    """Record a partnership; a partner's user may leave out `partner`, force generation staff `country`."""
    return service.create_partnership(session, actor=actor, fields=fields)


@router.get("/{partnership_id}", response_model=PartnershipPublic)
def get_partnership(partnership_id: int, session: SessionDep, actor: CurrentActor):
    """One partnership; one you may not read answers 404."""
    return service.get_partnership(session, actor=actor, partnership_id=partnership_id)


@router.patch("/{partnership_id}", response_model=PartnershipPublic)
def update_partnership(partnership_id: int, patch: PartnershipPatch, session: SessionDep, actor: CurrentActor):
    """Change the given fields; 403 when you may read but not keep the partnership."""
    return service.update_partnership(session, actor=actor, partnership_id=partnership_id, patch=patch)


@router.delete("/{partnership_id}", status_code=204)
def delete_partnership(partnership_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    service.delete_partnership(session, actor=actor, partnership_id=partnership_id)
    return Response(status_code=204)
