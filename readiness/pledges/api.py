"""JSON API for ministerial pledges (/api/v1/pledges) and the ministerials (/api/v1/ministerials)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.pledges import service
from readiness.pledges.schemas import (
    MinisterialPublic,
    NoteCreate,
    NotePublic,
    PledgeCreate,
    PledgeFilter,
    PledgePatch,
    PledgePublic,
)
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import Page, PageRequest

router = APIRouter(prefix="/api/v1", tags=["pledges"])


@router.get("/ministerials", response_model=list[MinisterialPublic])
def list_ministerials(session: SessionDep, actor: CurrentActor):
    """The UN Peacekeeping Ministerials, oldest first, with their themes and sourced summary figures."""
    return service.list_ministerials(session)


@router.get("/pledges", response_model=Page[PledgePublic])
def list_pledges(session: SessionDep, actor: CurrentActor, filters: Annotated[PledgeFilter, Query()],
                 page: Annotated[int, Query(ge=1)] = 1, per_page: Annotated[int, Query(ge=1, le=200)] = 50):
    """Pledges of the countries you may read, newest ministerial first, filtered and paginated."""
    return service.pledges_page(session, actor=actor, filters=filters, paging=PageRequest(page, per_page))


@router.post("/pledges", response_model=PledgePublic, status_code=201)
def create_pledge(fields: PledgeCreate, session: SessionDep, actor: CurrentActor):
    """Record a pledge; force generation staff record their own country's (they may leave out `country`)."""
    return service.create_pledge(session, actor=actor, fields=fields)


@router.get("/pledges/{pledge_id}", response_model=PledgePublic)
def get_pledge(pledge_id: int, session: SessionDep, actor: CurrentActor):
    """One pledge with its progress notes; another country's answers 404."""
    return service.get_pledge(session, actor=actor, pledge_id=pledge_id)


@router.patch("/pledges/{pledge_id}", response_model=PledgePublic)
def update_pledge(pledge_id: int, patch: PledgePatch, session: SessionDep, actor: CurrentActor):
    """Change the given fields (a status change is audited with before and after)."""
    return service.update_pledge(session, actor=actor, pledge_id=pledge_id, patch=patch)


@router.delete("/pledges/{pledge_id}", status_code=204)
def delete_pledge(pledge_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    service.delete_pledge(session, actor=actor, pledge_id=pledge_id)
    return Response(status_code=204)


@router.post("/pledges/{pledge_id}/notes", response_model=NotePublic, status_code=201)
def add_note(pledge_id: int, note: NoteCreate, session: SessionDep, actor: CurrentActor):
    """Add a dated progress note (today when `noted_on` is left out), attributed to you."""
    return service.add_note(session, actor=actor, pledge_id=pledge_id, note=note, today=date.today())
