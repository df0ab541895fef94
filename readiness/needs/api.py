"""Needs: JSON API under /api/v1 (stated needs, matching, mission and partner demand)."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.models import NeedStatus, SupportCategory
from readiness.needs import service
from readiness.needs.repository import NeedFilter
from readiness.needs.schemas import (
    CountryMatching,
    MissionDemand,
    NeedCreate,
    NeedPublic,
    NeedUpdate,
    PartnerDemand,
)
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["needs"])


@router.get("/needs", response_model=list[NeedPublic])
def list_needs(session: SessionDep, actor: CurrentActor,
               country: Annotated[str | None, Query(description="ISO code.")] = None,
               category: Annotated[SupportCategory | None, Query(description="A support category.")] = None,
               status: Annotated[NeedStatus | None, Query(description="open, met or withdrawn.")] = None,
               course: Annotated[str | None, Query(description="A course code.")] = None):
    """The stated needs of the countries the actor may read, soonest needed first."""
    filters = NeedFilter(country=country, category=category and category.value, status=status and status.value,
                         course=course)
    return service.list_needs(session, actor=actor, filters=filters)


@router.post("/needs", response_model=NeedPublic, status_code=201)
def create_need(fields: NeedCreate, session: SessionDep, actor: CurrentActor):
    """State a need for the actor's country (administrators name the country)."""
    return service.create_need(session, actor=actor, fields=fields)


@router.get("/needs/matching", response_model=CountryMatching)
def matching(session: SessionDep, actor: CurrentActor,
             country: Annotated[str | None, Query(description="ISO code; default the actor's country.")] = None):
    """A country's open stated needs and derived needs, each with sessions, partners and what stays unmatched."""
    chosen = service.matching_country(actor, country, service.country_choices(session, actor=actor))
    return service.country_matching(session, actor=actor, country=chosen or "")


@router.get("/needs/{need_id}", response_model=NeedPublic)
def get_need(need_id: int, session: SessionDep, actor: CurrentActor):
    return service.get_need(session, actor=actor, need_id=need_id)


@router.patch("/needs/{need_id}", response_model=NeedPublic)
def update_need(need_id: int, changes: NeedUpdate, session: SessionDep, actor: CurrentActor):
    """Change the fields sent; status 'withdrawn' withdraws the need."""
    return service.update_need(session, actor=actor, need_id=need_id, changes=changes)


@router.delete("/needs/{need_id}", status_code=204)
def delete_need(need_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    """Delete a need stated by mistake (withdraw it instead to keep the record)."""
    service.delete_need(session, actor=actor, need_id=need_id)
    return Response(status_code=204)


@router.get("/missions/{acronym}/demand", response_model=MissionDemand)
def mission_demand(acronym: str, session: SessionDep, actor: CurrentActor):
    """Training demand of the units pledged to a mission: shortfall per course, by country, with needed-by."""
    return service.mission_demand(session, actor=actor, acronym=acronym)


@router.get("/partners/{code}/demand", response_model=PartnerDemand)
def partner_demand(code: str, session: SessionDep, actor: CurrentActor):
    """The needs of the countries a partner supports, in what it offers, with what it could fill."""
    return service.partner_demand(session, actor=actor, code=code)
