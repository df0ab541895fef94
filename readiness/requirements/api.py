"""JSON API for mission requirements (/api/v1/requirements): read by all, kept by the UN side."""

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from readiness.errors import Invalid
from readiness.requirements import service
from readiness.requirements.schemas import RequirementIn, RequirementOut
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/requirements", tags=["requirements"])


@router.get("", response_model=list[RequirementOut])
def list_requirements(
    session: SessionDep,
    _actor: CurrentActor,
    mission: Annotated[str | None, Query(description="Mission acronym", examples=["MINUSCA"])] = None,
) -> list[RequirementOut]:
    """Every requirement version, by code then version."""
    return service.list_requirements(session, mission=mission)


@router.get("/{code}", response_model=RequirementOut)
def get_requirement(code: str, session: SessionDep, _actor: CurrentActor) -> RequirementOut:
    """One requirement: CODE for the latest version, CODE@VERSION for another."""
    base, version = service.parse_requirement_code(code)
    return service.get_requirement(session, code=base, version=version)


@router.post("", response_model=RequirementOut, status_code=status.HTTP_201_CREATED)
def create_requirement(item: RequirementIn, session: SessionDep, actor: CurrentActor) -> RequirementOut:
    """Store a new requirement version; older versions stay for history."""
    return service.create_requirement(session, actor=actor, item=item)


@router.delete("/{code}", status_code=status.HTTP_204_NO_CONTENT)
def delete_requirement(code: str, session: SessionDep, actor: CurrentActor) -> Response:
    """Delete one version, named as CODE@VERSION; the others stay."""
    base, version = service.parse_requirement_code(code)
    if version is None:
        raise Invalid("name the version to delete, as CODE@VERSION")
    service.delete_requirement(session, actor=actor, code=base, version=version)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
