"""Parity: JSON API under /api/v1."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.models import ParityCategory
from readiness.parity import service
from readiness.parity.schemas import ParityReport, TargetIn, TargetPublic, UnitParity
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["parity"])
AsOf = Annotated[date | None, Query(description="The day of the rosters and completions (default: today)")]


@router.get("/parity", response_model=ParityReport)
def parity(session: SessionDep, actor: CurrentActor, as_of: AsOf = None) -> ParityReport:
    """Women's share per country and category and per unit, with colours; among the trained, the
    ready to deploy, and in sessions; for the countries you may read."""
    return service.parity_report(session, actor=actor, as_of=as_of or date.today(), today=date.today())


@router.get("/parity/targets", response_model=list[TargetPublic])
def list_targets(session: SessionDep, actor: CurrentActor) -> list[TargetPublic]:
    """Every target set, sourced (the UGPS's figures, locked) and illustrative, by year and category."""
    return service.list_targets(session)


@router.put("/parity/targets", response_model=TargetPublic)
def save_target(fields: TargetIn, session: SessionDep, actor: CurrentActor) -> TargetPublic:
    """Add or change an illustrative target (administrators; 409 on a sourced one)."""
    return service.save_target(session, actor=actor, fields=fields)


@router.delete("/parity/targets/{year}/{category}", status_code=204)
def delete_target(year: int, category: ParityCategory, session: SessionDep, actor: CurrentActor) -> Response:
    """Remove an illustrative target (administrators; 409 on a sourced one, 404 when none is set)."""
    service.delete_target(session, actor=actor, year=year, category=category)
    return Response(status_code=204)


@router.get("/units/{code}/parity", response_model=UnitParity)
def unit_parity(code: str, session: SessionDep, actor: CurrentActor, as_of: AsOf = None) -> UnitParity:
    """A unit's share of women, the year's target and colour, and women among the trained per required course."""
    return service.unit_parity(session, actor=actor, code=code, as_of=as_of or date.today())
