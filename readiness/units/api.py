"""JSON API for units (/api/v1/units)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from readiness.units import service
from readiness.units.schemas import UnitFilter, UnitPublic
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import Page, PageRequest

router = APIRouter(prefix="/api/v1", tags=["units"])


@router.get("/units", response_model=Page[UnitPublic])
def list_units(
    session: SessionDep,
    actor: CurrentActor,
    filters: Annotated[UnitFilter, Query()],
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
):
    """Units you may read, with today's roster strength and women, filtered and paginated."""
    return service.list_units(session, actor=actor, filters=filters,
                              paging=PageRequest(page, per_page), on=date.today())


@router.get("/units/{code}", response_model=UnitPublic)
def get_unit(code: str, session: SessionDep, actor: CurrentActor):
    """One unit with today's roster strength; another country's unit answers 404."""
    return service.get_unit(session, actor=actor, code=code, on=date.today())
