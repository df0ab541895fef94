"""JSON API of the readiness engine (/api/v1): unit reports, the mission view, who needs what."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response, status
from pydantic import ConfigDict, Field

from readiness.caveats.rules import flagged_unit_codes
from readiness.readiness import equivalences, service
from readiness.readiness import schemas as engine
from readiness.readiness.schemas import EquivalenceIn, EquivalenceOut, UnitGaps
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["readiness"])

# The red flag rides on the engine's answers here, in the API layer: the engine stays the
# readiness rules alone, and caveats.rules stays the one place for the flag.
FLAG_DESCRIPTION = ("True when a caveat in force on as_of was never declared, or was declared but not "
                    "accepted by the UN (the unit is flagged red)")


def _with_flag_example(model: type) -> dict:
    examples = (model.model_config.get("json_schema_extra") or {}).get("examples", [])
    return {"examples": [{**example, "caveat_flag": False} for example in examples]}


# Same names as the engine's models, so the OpenAPI document keeps calling them UnitReadiness etc.
class UnitReadiness(engine.UnitReadiness):
    model_config = ConfigDict(json_schema_extra=_with_flag_example(engine.UnitReadiness))

    caveat_flag: bool = Field(description=FLAG_DESCRIPTION)


class UnitSummary(engine.UnitSummary):
    caveat_flag: bool = Field(description=FLAG_DESCRIPTION)


class MissionView(engine.MissionView):
    model_config = ConfigDict(json_schema_extra=_with_flag_example(engine.MissionView))

    units: list[UnitSummary]


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
    """A unit's readiness against a requirement on a date and through the tour, with its caveat flag."""
    report = service.unit_readiness(
        session, actor=actor, unit_code=code, requirement_code=requirement, as_of=as_of
    )
    flagged = flagged_unit_codes(session, [report.unit], report.as_of)
    return UnitReadiness(**report.model_dump(), caveat_flag=report.unit in flagged)


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
    """Every unit of the requirement's unit type you may read, best score first, with training demand
    and each unit's caveat flag on the report date."""
    view = service.mission_view(
        session, actor=actor, requirement_code=code, as_of=as_of,
        country=country, pcrs_level=pcrs_level, status=status,
    )
    flagged = flagged_unit_codes(session, [unit.unit for unit in view.units], view.as_of)
    units = [UnitSummary(**unit.model_dump(), caveat_flag=unit.unit in flagged) for unit in view.units]
    return MissionView(**view.model_dump(exclude={"units"}), units=units)


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
