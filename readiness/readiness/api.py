"""JSON API of the readiness engine (/api/v1): unit reports, the mission view, who needs what."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status

from readiness.readiness import equivalences, service
from readiness.readiness.schemas import (
    EquivalenceIn,
    EquivalenceOut,
    MissionView,
    UnitGaps,
    UnitReadiness,
)
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["readiness"])

RequirementCode = Annotated[
    str,
    Query(description="Requirement code; CODE@VERSION for an older version", examples=["MINUSCA-INF-2026"]),
]
AsOf = Annotated[
    date | None, Query(description="Report date (default: the unit's planned deployment, else today)")
]


@router.get("/units/{code}/readiness", response_model=UnitReadiness)
def unit_readiness(
    code: str, requirement: RequirementCode, session: SessionDep, actor: CurrentActor, as_of: AsOf = None
) -> UnitReadiness:
    """A unit's readiness against a requirement on a date and through the tour."""
    return service.unit_readiness(
        session, actor=actor, unit_code=code, requirement_code=requirement, as_of=as_of
    )


@router.get("/requirements/{code}/units", response_model=MissionView)
def requirement_units(
    code: str,
    session: SessionDep,
    actor: CurrentActor,
    as_of: Annotated[date | None, Query(description="Report date (default: today)")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 country code")] = None,
    pcrs_level: Annotated[Literal["L1", "L2", "L3", "RDL"] | None, Query()] = None,
    status: Annotated[Literal["ready", "partial", "not_ready"] | None, Query()] = None,
) -> MissionView:
    """Every unit of the requirement's unit type you may read, best score first, with training demand."""
    return service.mission_view(
        session, actor=actor, requirement_code=code, as_of=as_of,
        country=country, pcrs_level=pcrs_level, status=status,
    )


@router.get("/units/{code}/gaps", response_model=UnitGaps)
def unit_gaps(
    code: str, requirement: RequirementCode, session: SessionDep, actor: CurrentActor, as_of: AsOf = None
) -> UnitGaps:
    """The people of a unit missing each line (personal data: the unit's own country only)."""
    return service.unit_gaps(
        session, actor=actor, unit_code=code, requirement_code=requirement, as_of=as_of
    )


@router.post(
    "/courses/{code}/equivalences", response_model=EquivalenceOut, status_code=status.HTTP_201_CREATED
)
def declare_equivalence(
    code: str, declaration: EquivalenceIn, session: SessionDep, actor: CurrentActor
) -> EquivalenceOut:
    """Declare that a valid completion of course `code` counts for lines on another course (audited)."""
    equivalences.declare_equivalence(
        session, actor=actor, course_code=code, counts_as_code=declaration.counts_as, note=declaration.note
    )
    return EquivalenceOut(course=code, counts_as=declaration.counts_as, note=declaration.note)


@router.delete("/courses/{code}/equivalences/{counts_as}", status_code=status.HTTP_204_NO_CONTENT)
def remove_equivalence(code: str, counts_as: str, session: SessionDep, actor: CurrentActor) -> Response:
    """Withdraw a declared equivalence (audited)."""
    equivalences.remove_equivalence(session, actor=actor, course_code=code, counts_as_code=counts_as)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
